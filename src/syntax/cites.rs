//! Every `source` of a rule file, nested ones included (a level's, a band's, a
//! job cell's, a status rule's): what the checker reads for the quotes and the
//! readings, and what a document lists.

use super::ast::*;

/// The citations of `items`, in the order written.
pub fn cites(items: &[Item]) -> Vec<&Cite> {
    let mut out = Vec::new();
    for item in items {
        item_cites(item, &mut out);
    }
    out.sort_by_key(|c| c.span.start);
    out
}

/// The citations of one declaration, its parts' included.
pub fn item_cites<'a>(item: &'a Item, out: &mut Vec<&'a Cite>) {
    let mut add = |s: &'a Source| out.extend(s.as_ref());
    match item {
        Item::Agreement(x) => add(&x.source),
        Item::UnderLaw(x) | Item::Within(x) => add(&x.source),
        Item::Amends(x) => add(&x.source),
        Item::Parameter(x) => add(&x.source),
        Item::Table(x) => add(&x.source),
        Item::Category(x) => {
            add(&x.source);
            x.levels.iter().for_each(|l| add(&l.source));
        }
        Item::Diploma(x) => add(&x.source),
        Item::Experience(x) => {
            add(&x.source);
            x.bands.iter().for_each(|b| add(&b.source));
        }
        Item::Job(x) => {
            add(&x.source);
            x.cells.iter().for_each(|c| add(&c.source));
        }
        Item::Classification(x) => {
            add(&x.source);
            x.floors.iter().for_each(|f| add(&f.source));
            x.transitional.iter().for_each(|t| add(&t.source));
            x.conditional.iter().for_each(|f| add(&f.source));
        }
        Item::Grid(x) => {
            add(&x.source);
            x.positions.iter().for_each(|p| add(&p.source));
            x.levels.iter().for_each(|l| add(&l.source));
        }
        Item::GridMinimum(x) => add(&x.source),
        Item::Status(x) => {
            add(&x.source);
            x.rules.iter().for_each(|r| add(&r.source));
        }
        Item::WorkingTime(x) => add(&x.source),
        Item::MinimumSalary(x) | Item::LegalMinimum(x) => add(&x.source),
        Item::MissionCap(x) => add(&x.source),
        Item::TrialPeriod(x) => {
            add(&x.source);
            x.rules.iter().for_each(|r| add(&r.source));
        }
        Item::TrialMaximum(x) => {
            add(&x.source);
            x.rules.iter().for_each(|r| add(&r.source));
        }
        Item::Provision(x) => add(&x.source),
        Item::Example(x) => add(&x.source),
        Item::Fact(x) => add(&x.source),
        Item::Criterion(x) => add(&x.source),
        Item::Scoring(x) => {
            add(&x.source);
            x.rows.iter().for_each(|r| add(&r.source));
        }
    }
}
