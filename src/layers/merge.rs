//! Applying an amendment to the file it amends, and putting the law's and the
//! company's declarations beside the agreement's.
//!
//! Element by element: a parameter, table, diploma, experience scale, job or
//! provision of the amendment replaces the amended file's of the same name;
//! the grid (every category), the classification's floors, the status rules,
//! the working time, the minimum salary, the mission cap and the trial rules
//! each replace the amended file's as a whole when the amendment declares
//! them. A job of the amended file taken over (`repris par`) goes, its names
//! passing to the job that takes it over; a job the amendment leaves alone
//! keeps its cells and its experience scale, and loses only the names the
//! amendment gives its own jobs (the amendment's names win). Transitional
//! coefficients of the amended file stay unless set aside, each with the
//! coefficient that follows it in its own grid.

use std::collections::{HashMap, HashSet};

use super::load::Parsed;
use super::TransitionalScope;
use crate::diag::{Code, Diagnostic};
use crate::names::{closest, normalize};
use crate::span::Spanned;
use crate::syntax::ast::*;

#[derive(Default)]
pub(super) struct Merged {
    pub items: Vec<Item>,
    pub company: Vec<Item>,
    pub transitional: HashMap<usize, TransitionalScope>,
    pub diagnostics: Vec<Diagnostic>,
}

/// `chain`: the agreement named (or stood within) first, then what it amends.
pub(super) fn merge(
    parsed: &[Parsed],
    chain: &[usize],
    law: Option<usize>,
    company: Option<usize>,
) -> Merged {
    let mut m = Merged::default();
    let mut items: Vec<Item> = Vec::new();
    if let Some(&base) = chain.last() {
        items = m.own(&parsed[base], Allowed::Branch);
    }
    for pair in chain.windows(2).rev() {
        let own = m.own(&parsed[pair[0]], Allowed::Branch);
        items = m.amend(items, own);
    }
    if company.is_some() {
        items.retain(|i| !matches!(i, Item::Agreement(_) | Item::Example(_)));
    }
    if let Some(law) = law {
        let main = chain.is_empty() && company.is_none();
        let law_items = m.own(&parsed[law], Allowed::Law);
        items.extend(
            law_items
                .into_iter()
                .filter(|i| main || !matches!(i, Item::Agreement(_) | Item::Example(_))),
        );
    }
    if let Some(company) = company {
        for item in m.own(&parsed[company], Allowed::Company) {
            match item {
                Item::MinimumSalary(_) | Item::TrialPeriod(_) | Item::Job(_) => {
                    m.company.push(item)
                }
                other => items.push(other),
            }
        }
    }
    m.items = items;
    m
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Allowed {
    Branch,
    Law,
    Company,
}

impl Merged {
    /// A file's declarations, without its links; a declaration its kind of
    /// file cannot make is an error.
    fn own(&mut self, file: &Parsed, allowed: Allowed) -> Vec<Item> {
        let mut out = Vec::new();
        for item in &file.ast.items {
            let fits = match (allowed, item) {
                (_, Item::UnderLaw(_) | Item::Within(_)) => continue,
                (_, Item::Agreement(_) | Item::Parameter(_) | Item::Table(_)) => true,
                (_, Item::Provision(_) | Item::Example(_)) => true,
                (Allowed::Branch, Item::LegalMinimum(_) | Item::TrialMaximum(_)) => false,
                (Allowed::Branch, _) => true,
                (Allowed::Law, Item::LegalMinimum(_) | Item::TrialMaximum(_)) => true,
                (Allowed::Company, Item::MinimumSalary(_) | Item::TrialPeriod(_)) => true,
                (Allowed::Company, Item::Job(_)) => true,
                _ => false,
            };
            if fits {
                out.push(item.clone());
            } else {
                self.misplaced(item, allowed);
            }
        }
        out
    }

    fn misplaced(&mut self, item: &Item, allowed: Allowed) {
        let (message, help) = match allowed {
            Allowed::Branch => (
                (
                    "seul un fichier de loi (`loi \"…\"`) déclare le minimum légal et les durées maximales d'essai",
                    "only a law file (`loi \"…\"`) declares the law's minimum and trial maxima",
                ),
                (
                    "placez-le dans le fichier de loi sur lequel repose cette convention",
                    "move it to the law file this agreement stands under",
                ),
            ),
            Allowed::Law => (
                (
                    "un fichier de loi déclare des paramètres, des barèmes, `salaire minimum légal` et `période d'essai maximale`",
                    "a law file declares parameters, tables, `salaire minimum légal` and `période d'essai maximale`",
                ),
                (
                    "la grille, les métiers et le classement vont dans une convention qui repose sur cette loi",
                    "the grid, jobs and classification belong in an agreement that stands under this law",
                ),
            ),
            Allowed::Company => (
                (
                    "un accord d'entreprise déclare des paramètres, des barèmes, son `salaire minimum`, sa `période d'essai` et ses coefficients pour les métiers de la convention",
                    "a company agreement declares parameters, tables, its `salaire minimum`, its `période d'essai` and its coefficients for the agreement's jobs",
                ),
                (
                    "la grille et le classement sont ceux de la convention de branche : modifiez-la plutôt",
                    "the grid and the classification are the branch agreement's: amend it instead",
                ),
            ),
        };
        self.diagnostics.push(
            Diagnostic::error(Code::LayerKind, item.span(), message)
                .label(("pas dans ce genre de fichier", "not in this kind of file"))
                .help(help),
        );
    }

    /// The amended file's declarations `base` with the amending file's `own` over them.
    fn amend(&mut self, base: Vec<Item>, own: Vec<Item>) -> Vec<Item> {
        let amending = Keys::of(&own);
        let amended = Keys::of(&base);
        let Some(amends) = own.iter().find_map(|i| match i {
            Item::Amends(a) => Some(a.clone()),
            _ => None,
        }) else {
            return own;
        };
        let plan = self.plan(&amends, &amending, &amended);
        let default_scale = base.iter().find_map(|i| match i {
            Item::Experience(e) => Some(e.id.clone()),
            _ => None,
        });
        let mut kept_transitional = Vec::new();
        let mut out: Vec<Item> = Vec::new();
        for item in base {
            match item {
                Item::Agreement(_) | Item::Example(_) | Item::Amends(_) => {}
                Item::Job(job) if !plan.goes(&job.id.node, &amending) => {
                    out.push(Item::Job(self.kept_job(job, &amending, &default_scale)));
                }
                Item::Job(_) => {}
                Item::Classification(c) => {
                    let transitional = plan.kept_transitional(&c, &amending, &amended);
                    for (t, scope) in transitional {
                        self.transitional.insert(t.span.start, scope);
                        kept_transitional.push(t);
                    }
                    if !amending.singletons.contains("classification") {
                        out.push(Item::Classification(Classification {
                            transitional: Vec::new(),
                            ..c
                        }));
                    }
                }
                other if !amending.replaces(&other) && !plan.sets_aside(&other) => out.push(other),
                _ => {}
            }
        }
        let own_default_scale = own.iter().find_map(|i| match i {
            Item::Experience(e) => Some(e.id.clone()),
            _ => None,
        });
        let mut kept_transitional = Some(kept_transitional);
        for item in own {
            match item {
                Item::Amends(_) => {}
                Item::Job(mut job) => {
                    // Both files' jobs now sit in one set: each names its own default scale.
                    if job.experience.is_none() {
                        job.experience = own_default_scale.clone();
                    }
                    plan.add_names_taken_over(&mut job, &amending);
                    out.push(Item::Job(job));
                }
                Item::Classification(mut c) => {
                    let taken = kept_transitional.take().unwrap_or_default();
                    let own_coefficients: HashSet<u32> =
                        c.transitional.iter().map(|t| t.coefficient.node).collect();
                    c.transitional.extend(
                        taken
                            .into_iter()
                            .filter(|t| !own_coefficients.contains(&t.coefficient.node)),
                    );
                    out.push(Item::Classification(c));
                }
                other => out.push(other),
            }
        }
        // The amendment declares no classification: the amended file's kept it.
        if let Some(taken) = kept_transitional.filter(|t| !t.is_empty()) {
            for item in &mut out {
                if let Item::Classification(c) = item {
                    c.transitional.extend(taken);
                    break;
                }
            }
        }
        out
    }

    /// A job of the amended file that the amendment leaves alone: it loses
    /// the names the amendment's jobs bear, and keeps its own experience scale.
    fn kept_job(
        &mut self,
        mut job: Job,
        amending: &Keys,
        default_scale: &Option<Spanned<String>>,
    ) -> Job {
        job.aliases
            .retain(|a| !amending.job_names.contains(&normalize(&a.node)));
        if job.experience.is_none() {
            job.experience = default_scale.clone();
        }
        job
    }

    /// Checks what the `modifie` block names against both files.
    fn plan(&mut self, amends: &Amends, amending: &Keys, amended: &Keys) -> Plan {
        let mut plan = Plan::default();
        for t in &amends.taken_over {
            if let Some(job) = amended.jobs.get(&t.old.node) {
                plan.taken_over
                    .insert(t.old.node.clone(), (t.new.node.clone(), job.clone()));
            } else {
                self.unknown(
                    &t.old,
                    amended.jobs.keys(),
                    ("métier du fichier modifié", "job of the amended file"),
                );
            }
            if !amending.jobs.contains_key(&t.new.node) {
                self.unknown(
                    &t.new,
                    amending.jobs.keys(),
                    ("métier de ce fichier", "job of this file"),
                );
            }
        }
        for id in amending.jobs.keys() {
            if amended.jobs.contains_key(id) && !plan.taken_over.contains_key(id) {
                let span = amending.jobs[id].id.span;
                self.diagnostics.push(
                    Diagnostic::error(
                        Code::ImplicitReplacement,
                        span,
                        (
                            format!("le fichier modifié a lui aussi un métier `{id}`"),
                            format!("the amended file has a job `{id}` too"),
                        ),
                    )
                    .label(("déclaré par les deux fichiers", "declared by both files"))
                    .help((
                        format!(
                            "dites ce qu'il devient dans `modifie` : `métier {id} repris par {id} : \"pourquoi\"`"
                        ),
                        format!(
                            "say what happens to it in `modifie`: `métier {id} repris par {id} : \"why\"`"
                        ),
                    )),
                );
            }
        }
        for s in &amends.set_aside {
            match &s.what {
                SetAsideWhat::Job(id) => {
                    if amended.jobs.contains_key(&id.node) {
                        plan.set_aside_jobs.insert(id.node.clone());
                    } else {
                        self.unknown(
                            id,
                            amended.jobs.keys(),
                            ("métier du fichier modifié", "job of the amended file"),
                        );
                    }
                }
                SetAsideWhat::Provision(title) => {
                    if amended.provisions.contains(&title.node) {
                        plan.set_aside_provisions.insert(title.node.clone());
                    } else {
                        self.unknown(
                            title,
                            amended.provisions.iter(),
                            (
                                "article du fichier modifié",
                                "provision of the amended file",
                            ),
                        );
                    }
                }
                SetAsideWhat::Transitional {
                    coefficients,
                    own_jobs,
                } => {
                    for c in coefficients {
                        if !amended.transitional.contains(&c.node) {
                            self.diagnostics.push(
                                Diagnostic::error(
                                    Code::UnknownName,
                                    c.span,
                                    (
                                        format!(
                                            "le fichier modifié n'a pas de coefficient transitoire {}",
                                            c.node
                                        ),
                                        format!(
                                            "the amended file has no transitional coefficient {}",
                                            c.node
                                        ),
                                    ),
                                )
                                .help((
                                    "nommez un coefficient de ses lignes `coefficient transitoire`",
                                    "name a coefficient of its `coefficient transitoire` lines",
                                )),
                            );
                        }
                        plan.set_aside_transitional.insert(c.node, *own_jobs);
                    }
                }
            }
        }
        plan
    }

    fn unknown<'a>(
        &mut self,
        name: &Spanned<String>,
        known: impl Iterator<Item = &'a String>,
        (what_fr, what_en): (&str, &str),
    ) {
        let close = closest(&name.node, known.map(String::as_str));
        let help = match close.first() {
            Some(c) => (
                format!("vouliez-vous dire `{c}` ?"),
                format!("did you mean `{c}`?"),
            ),
            None => (
                format!("donnez le nom d'un {what_fr}"),
                format!("name a {what_en}"),
            ),
        };
        self.diagnostics.push(
            Diagnostic::error(
                Code::UnknownName,
                name.span,
                (
                    format!("il n'y a pas de {what_fr} nommé `{}`", name.node),
                    format!("there is no {what_en} named `{}`", name.node),
                ),
            )
            .help(help),
        );
    }
}

/// What a `modifie` block does, checked.
#[derive(Default)]
struct Plan {
    /// Old job id → (new job id, the old job).
    taken_over: HashMap<String, (String, Job)>,
    set_aside_jobs: HashSet<String>,
    set_aside_provisions: HashSet<String>,
    /// Coefficient → set aside only for the amendment's own jobs.
    set_aside_transitional: HashMap<u32, bool>,
}

impl Plan {
    fn goes(&self, job: &str, amending: &Keys) -> bool {
        self.taken_over.contains_key(job)
            || self.set_aside_jobs.contains(job)
            || amending.jobs.contains_key(job)
    }

    fn sets_aside(&self, item: &Item) -> bool {
        matches!(item, Item::Provision(p) if self.set_aside_provisions.contains(&p.title.node))
    }

    /// The amended file's transitional coefficients that stay, and how.
    fn kept_transitional(
        &self,
        c: &Classification,
        amending: &Keys,
        amended: &Keys,
    ) -> Vec<(Transitional, TransitionalScope)> {
        c.transitional
            .iter()
            .filter(|t| self.set_aside_transitional.get(&t.coefficient.node) != Some(&false))
            .map(|t| {
                let own_jobs = self.set_aside_transitional.get(&t.coefficient.node) == Some(&true);
                let scope = TransitionalScope {
                    then: amended.next_coefficient(t.coefficient.node),
                    except_jobs: if own_jobs {
                        amending.jobs.keys().cloned().collect()
                    } else {
                        Vec::new()
                    },
                };
                (t.clone(), scope)
            })
            .collect()
    }

    /// The names of the jobs this one takes over, as more names of it.
    fn add_names_taken_over(&self, job: &mut Job, amending: &Keys) {
        let mut taken: HashSet<String> = amending.job_names.clone();
        for (new, old) in self.taken_over.values() {
            if *new != job.id.node {
                continue;
            }
            let names = std::iter::once(&old.id)
                .chain(std::iter::once(&old.name))
                .chain(old.aliases.iter());
            for name in names {
                if taken.insert(normalize(&name.node)) {
                    job.aliases.push(name.clone());
                }
            }
        }
    }
}

/// What a file's declarations are named, to match them across files.
#[derive(Default)]
struct Keys {
    named: HashSet<(&'static str, String)>,
    singletons: HashSet<&'static str>,
    has_grid: bool,
    jobs: HashMap<String, Job>,
    /// Every job id, name and alias, normalised.
    job_names: HashSet<String>,
    provisions: HashSet<String>,
    transitional: HashSet<u32>,
    /// The grid's coefficients: (first, last, every one between) per level.
    grid: Vec<CoefficientSet>,
}

impl Keys {
    fn of(items: &[Item]) -> Keys {
        let mut k = Keys::default();
        for item in items {
            match item {
                Item::Parameter(p) => _ = k.named.insert(("parameter", p.name.node.clone())),
                Item::Table(t) => _ = k.named.insert(("parameter", t.name.node.clone())),
                Item::Diploma(d) => _ = k.named.insert(("diploma", d.id.node.clone())),
                Item::Experience(e) => _ = k.named.insert(("experience", e.id.node.clone())),
                Item::Provision(p) => _ = k.provisions.insert(p.title.node.clone()),
                Item::Category(c) => {
                    k.has_grid = true;
                    k.grid
                        .extend(c.levels.iter().map(|l| l.coefficients.node.clone()));
                }
                Item::Job(j) => {
                    let names = std::iter::once(&j.id)
                        .chain(std::iter::once(&j.name))
                        .chain(&j.aliases);
                    k.job_names.extend(names.map(|n| normalize(&n.node)));
                    k.jobs.insert(j.id.node.clone(), j.clone());
                }
                Item::Classification(c) => {
                    k.singletons.insert("classification");
                    k.transitional
                        .extend(c.transitional.iter().map(|t| t.coefficient.node));
                }
                Item::Status(_) => _ = k.singletons.insert("status"),
                Item::WorkingTime(_) => _ = k.singletons.insert("working time"),
                Item::MinimumSalary(_) => _ = k.singletons.insert("minimum salary"),
                Item::MissionCap(_) => _ = k.singletons.insert("mission cap"),
                Item::TrialPeriod(_) => _ = k.singletons.insert("trial period"),
                _ => {}
            }
        }
        k
    }

    /// Whether this file's declaration replaces `item` of the amended file.
    fn replaces(&self, item: &Item) -> bool {
        match item {
            Item::Parameter(p) => self.named.contains(&("parameter", p.name.node.clone())),
            Item::Table(t) => self.named.contains(&("parameter", t.name.node.clone())),
            Item::Diploma(d) => self.named.contains(&("diploma", d.id.node.clone())),
            Item::Experience(e) => self.named.contains(&("experience", e.id.node.clone())),
            Item::Provision(p) => self.provisions.contains(&p.title.node),
            Item::Category(_) => self.has_grid,
            Item::Status(_) => self.singletons.contains("status"),
            Item::WorkingTime(_) => self.singletons.contains("working time"),
            Item::MinimumSalary(_) => self.singletons.contains("minimum salary"),
            Item::MissionCap(_) => self.singletons.contains("mission cap"),
            Item::TrialPeriod(_) => self.singletons.contains("trial period"),
            _ => false,
        }
    }

    /// The coefficient after `c` in this file's grid.
    fn next_coefficient(&self, c: u32) -> Option<u32> {
        self.grid
            .iter()
            .filter_map(|set| match set {
                CoefficientSet::Range(first, last) => (c < *last).then(|| (c + 1).max(*first)),
                CoefficientSet::List(list) => list.iter().copied().filter(|x| *x > c).min(),
            })
            .min()
    }
}
