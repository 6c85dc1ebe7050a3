//! What links declarations to each other: the names a formula or a duration
//! reads, the level a coefficient belongs to, the jobs of a scale or a level,
//! the examples that name a job.

use std::collections::BTreeSet;

use super::html::anchor;
use crate::names::normalize;
use crate::span::Spanned;
use crate::syntax::ast::*;

/// A declaration's anchor and its title, as the contents list them.
pub(super) fn name(item: &Item) -> (String, &'static str, String) {
    let (kind, anchor_id, title) = match item {
        Item::Agreement(a) => ("texte", "agreement".to_string(), a.title.node.clone()),
        Item::UnderLaw(l) => (
            "sous la loi",
            anchor("under-law", &l.path.node),
            l.path.node.clone(),
        ),
        Item::Within(l) => (
            "dans le cadre de",
            anchor("within", &l.path.node),
            l.path.node.clone(),
        ),
        Item::Amends(a) => (
            "modifie",
            anchor("amends", &a.path.node),
            a.path.node.clone(),
        ),
        Item::Parameter(p) => (
            "paramètre",
            anchor("param", &p.name.node),
            labelled(&p.name, &p.label),
        ),
        Item::Table(t) => (
            "barème",
            anchor("param", &t.name.node),
            labelled(&t.name, &t.label),
        ),
        Item::Category(c) => (
            "catégorie",
            anchor("category", &c.id.node),
            c.label.node.clone(),
        ),
        Item::Diploma(d) => (
            "diplôme",
            anchor("diploma", &d.id.node),
            d.label.node.clone(),
        ),
        Item::Experience(e) => (
            "ancienneté",
            anchor("scale", &e.id.node),
            labelled(&e.id, &e.label),
        ),
        Item::Job(j) => ("métier", anchor("job", &j.id.node), j.name.node.clone()),
        Item::Classification(_) => ("classement", "classification".into(), "Classement".into()),
        Item::Status(_) => ("statut", "status".into(), "Statut".into()),
        Item::WorkingTime(_) => (
            "temps de travail",
            "working-time".into(),
            "Temps de travail".into(),
        ),
        Item::MinimumSalary(_) => (
            "salaire minimum",
            "minimum-salary".into(),
            "Salaire minimum".into(),
        ),
        Item::LegalMinimum(_) => (
            "salaire minimum légal",
            "legal-minimum".into(),
            "Salaire minimum légal".into(),
        ),
        Item::MissionCap(_) => (
            "plafond des missions",
            "mission-cap".into(),
            "Plafond des missions".into(),
        ),
        Item::TrialPeriod(_) => ("période d'essai", "trial".into(), "Période d'essai".into()),
        Item::Fact(f) => (
            "fait",
            anchor("fact", &f.name.node),
            labelled(&f.name, &f.label),
        ),
        Item::TrialMaximum(_) => (
            "période d'essai maximale",
            "trial-maximum".into(),
            "Période d'essai maximale".into(),
        ),
        Item::Provision(p) => (
            "disposition",
            anchor("provision", &p.span.start.to_string()),
            p.title.node.clone(),
        ),
        Item::Example(e) => (
            "exemple",
            anchor("example", &e.span.start.to_string()),
            e.title.node.clone(),
        ),
        Item::Grid(g) => ("grille", anchor("grid", &g.id.node), g.label.node.clone()),
        Item::GridMinimum(m) => (
            "minimum de la grille",
            anchor("grid-minimum", &m.grid.node),
            format!("Minimum de la grille {}", m.grid.node),
        ),
        Item::Criterion(c) => (
            "critère",
            anchor("criterion", &c.id.node),
            c.label.node.clone(),
        ),
        Item::Scoring(s) => (
            "cotation",
            "scoring".into(),
            s.title
                .as_ref()
                .map_or("Cotation".into(), |t| t.node.clone()),
        ),
    };
    (anchor_id, kind, title)
}

fn labelled(id: &Spanned<String>, label: &Option<Spanned<String>>) -> String {
    match label {
        Some(l) => format!("{} ({})", l.node, id.node),
        None => id.node.clone(),
    }
}

/// The names of parameters and tables a declaration reads.
pub(super) fn names_read(item: &Item) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut expr = |e: &Expr| expr_names(e, &mut out);
    match item {
        Item::Category(c) => c
            .levels
            .iter()
            .filter_map(|l| l.minimum.as_ref())
            .for_each(&mut expr),
        Item::WorkingTime(w) => [&w.reference_hours, &w.maximum_hours]
            .into_iter()
            .flatten()
            .for_each(&mut expr),
        Item::MinimumSalary(m) | Item::LegalMinimum(m) => expr(&m.formula),
        _ => {}
    }
    let durations: Vec<&DurationValue> = match item {
        Item::MissionCap(m) => [&m.window, &m.at_most]
            .into_iter()
            .flatten()
            .map(|d| &d.node)
            .collect(),
        Item::TrialPeriod(t) => t
            .rules
            .iter()
            .flat_map(|r| std::iter::once(&r.length).chain(r.renewal.as_ref()))
            .map(|d| &d.node)
            .collect(),
        Item::TrialMaximum(t) => t
            .rules
            .iter()
            .flat_map(|r| std::iter::once(&r.length).chain(r.total.as_ref()))
            .map(|d| &d.node)
            .collect(),
        Item::Classification(c) => c.transitional.iter().map(|t| &t.limit.node).collect(),
        _ => Vec::new(),
    };
    for d in durations {
        if let DurationValue::Parameter(name) = d {
            out.insert(name.clone());
        }
    }
    out
}

fn expr_names(e: &Expr, out: &mut BTreeSet<String>) {
    match &e.kind {
        ExprKind::Name(n) => {
            out.insert(n.clone());
        }
        ExprKind::Lookup(table, key) => {
            out.insert(table.node.clone());
            expr_names(key, out);
        }
        ExprKind::Round(x)
        | ExprKind::RoundTo(x, _)
        | ExprKind::Neg(x)
        | ExprKind::Convert { amount: x, .. } => expr_names(x, out),
        ExprKind::Extreme(_, args) => args.iter().for_each(|a| expr_names(a, out)),
        ExprKind::If(c) => {
            test_names(&c.test, out);
            expr_names(&c.then, out);
            expr_names(&c.otherwise, out);
        }
        ExprKind::Binary(_, a, b) => {
            expr_names(a, out);
            expr_names(b, out);
        }
        ExprKind::Number { .. } => {}
    }
}

fn test_names(t: &Test, out: &mut BTreeSet<String>) {
    match &t.kind {
        TestKind::Compare(l, _, r) => {
            expr_names(l, out);
            expr_names(r, out);
        }
        TestKind::Not(inner) | TestKind::Group(inner) => test_names(inner, out),
        TestKind::Timed(..) | TestKind::Is(..) | TestKind::Flag(_) => {}
        TestKind::All(tests) | TestKind::Any(tests) => {
            tests.iter().for_each(|t| test_names(t, out))
        }
        TestKind::Position(_) => {}
    }
}

/// The grid of the file: each level's number, category and coefficients.
pub(super) struct Grid {
    levels: Vec<(u32, String, Vec<u32>)>,
}

impl Grid {
    pub(super) fn of(items: &[Item]) -> Grid {
        let mut levels = Vec::new();
        for item in items {
            if let Item::Category(c) = item {
                for l in &c.levels {
                    let coefficients = match &l.coefficients.node {
                        CoefficientSet::Range(a, b) => (*a..=*b).collect(),
                        CoefficientSet::List(list) => list.clone(),
                    };
                    levels.push((l.number.node, c.id.node.clone(), coefficients));
                }
            }
        }
        Grid { levels }
    }

    pub(super) fn is_empty(&self) -> bool {
        self.levels.is_empty()
    }

    /// The level holding `coefficient`, if this file's grid has one.
    pub(super) fn level_of(&self, coefficient: u32) -> Option<u32> {
        self.levels
            .iter()
            .find(|(_, _, cs)| cs.contains(&coefficient))
            .map(|(n, _, _)| *n)
    }

    /// A cell's coefficient and level, as the grid reads it.
    pub(super) fn cell(&self, cell: &Cell) -> Option<(u32, u32)> {
        let lowest = |n: &u32, cs: &[u32]| cs.iter().min().map(|c| (*c, *n));
        match cell {
            Cell::Coefficient(c) => Some((*c, self.level_of(*c)?)),
            Cell::Level(n) => self
                .levels
                .iter()
                .find(|(m, _, _)| m == n)
                .and_then(|(m, _, cs)| lowest(m, cs)),
            Cell::Category(id) => self
                .levels
                .iter()
                .filter(|(_, c, _)| normalize(c) == normalize(&id.node))
                .filter_map(|(m, _, cs)| lowest(m, cs))
                .min(),
            Cell::Blank | Cell::Position(_) => None,
        }
    }
}

/// The scale a job's bands come from: its own, or the first declared.
pub(super) fn scale_of<'a>(items: &'a [Item], job: &Job) -> Option<&'a Experience> {
    let scales = items.iter().filter_map(|i| match i {
        Item::Experience(e) => Some(e),
        _ => None,
    });
    let mut scales = scales.peekable();
    let first = scales.peek().copied();
    match &job.experience {
        Some(id) => scales.find(|e| normalize(&e.id.node) == normalize(&id.node)),
        None => first,
    }
}

/// The names a job is known by, normalised.
fn job_names(job: &Job) -> Vec<String> {
    std::iter::once(&job.id)
        .chain(std::iter::once(&job.name))
        .chain(&job.aliases)
        .map(|n| normalize(&n.node))
        .collect()
}

/// Whether an example's facts name the job (held, in a mission, in a move).
pub(super) fn example_names_job(example: &Example, job: &Job) -> bool {
    let names = job_names(job);
    let named = |n: &str| names.contains(&normalize(n));
    example.facts.iter().any(|f| match &f.node {
        Fact::Job(n) => named(n),
        Fact::Mission { job, .. } => named(job),
        Fact::Move { from, to, .. } => named(from) || named(to),
        _ => false,
    })
}

/// Whether an example's facts give the diploma.
pub(super) fn example_has_diploma(example: &Example, diploma: &str) -> bool {
    example
        .facts
        .iter()
        .any(|f| matches!(&f.node, Fact::Diploma(d) if normalize(d) == normalize(diploma)))
}
