//! Checking what layering adds: the law's minimum and trial maxima, a
//! company agreement's own minimum, trial rules and coefficients for the
//! agreement's jobs, and what an amendment left of the amended file's
//! transitional coefficients.

use super::*;
use crate::diag::Code;
use crate::layers::Layered;

impl Checker {
    pub(super) fn layers(&mut self, rules: &mut RuleSet, layered: &Layered) {
        for item in &layered.items {
            match item {
                Item::LegalMinimum(m) => {
                    if let Some(first) = &rules.legal_minimum {
                        let what = Duplicated::Block("salaire minimum légal");
                        self.report(Kind::duplicate(what, Some(first.origin.span)), m.span);
                        continue;
                    }
                    let formula = self.amount_formula(rules, &m.formula, &[Input::Hours]);
                    rules.legal_minimum = formula.map(|formula| MinimumSalary {
                        formula,
                        origin: origin(m.span, &m.source),
                    });
                }
                Item::TrialMaximum(t) => self.trial_maximum(rules, t),
                _ => {}
            }
        }
        let mut company_jobs = HashMap::new();
        for item in &layered.company {
            match item {
                Item::MinimumSalary(m) => {
                    let inputs = [Input::Hours, Input::LevelMinimum, Input::Coefficient];
                    let formula = self.amount_formula(rules, &m.formula, &inputs);
                    rules.company_minimum = formula.map(|formula| MinimumSalary {
                        formula,
                        origin: origin(m.span, &m.source),
                    });
                }
                Item::TrialPeriod(t) => {
                    rules.company_trial = self.trial_rules(rules, t);
                    rules.company_trial_at = t.at.as_ref().map_or(TrialAt::MOVES, |a| a.node);
                }
                Item::Job(j) => self.company_job(rules, j, &mut company_jobs),
                _ => {}
            }
        }
        rules.company_jobs.sort_by_key(|c| c.job);
        self.transitional_scopes(rules, layered);
    }

    /// A company agreement's values for a job of the agreement: checked as the
    /// job's own cells are, over the job's scale; the job stays the agreement's
    /// (its names, track, entry diploma and scale). `seen`: the company's job
    /// ids so far, to the span of their declaration.
    fn company_job(&mut self, rules: &mut RuleSet, j: &ast::Job, seen: &mut HashMap<String, Span>) {
        let Some(job) = self.declared.jobs.get(&j.id.node).copied() else {
            let names = || rules.jobs.iter().map(|j| j.id.as_str());
            let count = rules.jobs.len();
            let unknown = self.unknown(Unknown::AgreementJob, &j.id.node, count, names);
            self.report(unknown, j.id.span);
            return;
        };
        if let Some(first) = seen.get(&j.id.node) {
            let what = Duplicated::Job(j.id.node.clone());
            self.report(Kind::duplicate(what, Some(*first)), j.id.span);
            return;
        }
        seen.insert(j.id.node.clone(), j.id.span);
        self.company_job_stays_the_agreements(rules, job, j);
        if seen.len() == 1 && !rules.has_floor(FloorKind::Job) {
            self.diagnostics.push(
                Diagnostic::error(
                    Code::LayerConflict,
                    j.id.span,
                    (
                        "le classement de la convention ne liste aucun plancher métier : ces valeurs ne s'appliqueraient à rien",
                        "the agreement's classification lists no job floor: these values would apply to nothing",
                    ),
                )
                .label((
                    "pas de `plancher métier` dans la convention",
                    "no `plancher métier` in the agreement",
                ))
                .help((
                    "ajoutez `plancher métier` au `classement` de la convention, ou retirez ces valeurs",
                    "add `plancher métier` to the agreement's `classement`, or remove these values",
                )),
            );
        }
        let cells = self.job_cells(rules, j, rules.jobs[job].scale);
        rules.company_jobs.push(CompanyJob {
            job,
            cells,
            origin: origin(j.id.span, &j.source),
        });
    }

    /// What a company agreement cannot change of a job: its name (the one it
    /// writes must be one the agreement gives it), its other names, track,
    /// entry diploma and experience scale.
    fn company_job_stays_the_agreements(&mut self, rules: &RuleSet, job: JobId, j: &ast::Job) {
        let def = &rules.jobs[job];
        let given = normalize(&j.name.node);
        let names = [&def.id, &def.name].into_iter().chain(&def.aliases);
        if !names.map(|n| normalize(n)).any(|n| n == given) {
            self.diagnostics.push(
                Diagnostic::error(
                    Code::LayerConflict,
                    j.name.span,
                    (
                        format!("la convention nomme `{}` \"{}\"", def.id, def.name),
                        format!("the agreement names `{}` \"{}\"", def.id, def.name),
                    ),
                )
                .label((
                    "pas un nom que la convention donne à ce métier",
                    "not a name the agreement gives this job",
                ))
                .help((
                    format!(
                        "écrivez `métier {} \"{}\"` : un accord d'entreprise ne renomme pas les métiers de la convention",
                        def.id, def.name
                    ),
                    format!(
                        "write `métier {} \"{}\"`: a company agreement does not rename the agreement's jobs",
                        def.id, def.name
                    ),
                )),
            );
        }
        let attributes = [
            j.track.as_ref().map(|t| t.span),
            j.aliases.first().map(|a| a.span),
            j.entry_diploma.as_ref().map(|e| e.span),
            j.experience.as_ref().map(|e| e.span),
        ];
        for span in attributes.into_iter().flatten() {
            self.diagnostics.push(
                Diagnostic::error(
                    Code::LayerKind,
                    span,
                    (
                        "un accord d'entreprise donne aux métiers de la convention leurs coefficients, rien d'autre",
                        "a company agreement gives the agreement's jobs their coefficients, nothing else",
                    ),
                )
                .label(("celui de la convention, pas de l'entreprise", "the agreement's, not the company's"))
                .help((
                    "les noms, la filière, le diplôme d'accueil et l'ancienneté d'un métier sont ceux de la convention : modifiez la convention pour les changer",
                    "a job's names, track, entry diploma and experience scale are the agreement's: amend the agreement to change them",
                )),
            );
        }
    }

    fn trial_maximum(&mut self, rules: &mut RuleSet, t: &ast::TrialMaximum) {
        for r in &t.rules {
            let length = self.duration_ref(rules, &r.length);
            let total = r.total.as_ref().and_then(|d| self.duration_ref(rules, d));
            // A law file checked alone has no categories: its words are
            // matched against those of each agreement that stands under it.
            if rules.categories.is_empty() {
                continue;
            }
            // A category of another name (Syntec's `etam`, `ic`) gets no cap:
            // the law's words are not the agreement's (loi.grille's reading).
            let Some(&category) = self.declared.categories.get(&r.category.node) else {
                continue;
            };
            if let Some(length) = length {
                rules.trial_maximum.push(TrialMaximum {
                    category,
                    length,
                    total,
                    origin: origin(r.span, &r.source.clone().or_else(|| t.source.clone())),
                });
            }
        }
    }

    /// An amended file's transitional coefficients keep moving up their own
    /// grid, and stay off the jobs the amendment set them aside for.
    fn transitional_scopes(&mut self, rules: &mut RuleSet, layered: &Layered) {
        for rule in &mut rules.transitional {
            let Some(scope) = layered.transitional.get(&rule.origin.span.start) else {
                continue;
            };
            rule.then = scope.then;
            rule.except_jobs = scope
                .except_jobs
                .iter()
                .filter_map(|id| self.declared.jobs.get(id).copied())
                .collect();
            // In declaration order, whatever order the amendment's names came in.
            rule.except_jobs.sort_unstable();
        }
    }
}
