//! Embedding grille through its public API only (`cargo run --example embed`):
//! both shipped rule files loaded once and shared across threads, the sample
//! workforce decided in parts on several threads, one employee explained, and
//! the two rule sets compared over the workforce.

// An example program prints (clippy.toml forbids printing in the library).
#![allow(clippy::disallowed_macros)]

use std::error::Error;
use std::sync::Arc;

use grille::diff::impact::Kind;
use grille::explain::Lang;
use grille::facts::{Format, Record, Rejection};
use grille::{Evaluator, RuleSet};

const IN_FORCE: &str = "rules/idcc2098-2002.grille";
const PROPOSAL: &str = "rules/cgt-2008.grille";
const WORKFORCE: &str = "examples/workforce.json";
const THREADS: usize = 4;

pub fn main() -> Result<(), Box<dyn Error>> {
    // Each rule file with the files it stands on (the rules in force, the law),
    // loaded once: a server would keep these for all its requests.
    let base: Arc<RuleSet> = Arc::new(grille::load_path(IN_FORCE, Default::default())?.0);
    let proposal: Arc<RuleSet> = Arc::new(grille::load_path(PROPOSAL, Default::default())?.0);
    let text = std::fs::read_to_string(WORKFORCE)?;
    let facts = grille::facts::read(&text, Format::Json).map_err(|e| e.to_string())?;
    let as_of = chrono::NaiveDate::from_ymd_opt(2026, 11, 29).ok_or("bad date")?;
    println!("{} employees, as of {as_of}", facts.records.len());

    for rules in [&base, &proposal] {
        let (decided, rejected, mass) = decide_in_parts(rules, &facts.records, as_of);
        println!(
            "{}: {decided} decided, {rejected} rejected on {THREADS} threads; \
             minimum salaries {mass} € a month",
            rules.file().name
        );
    }

    explain_one(&proposal, &facts.records, "E028", as_of)?;
    compare(&base, &proposal, &facts.records, as_of);
    Ok(())
}

/// Decides the records on several threads sharing one evaluator (and its
/// caches): how many were decided and rejected, and the sum of their minimums.
fn decide_in_parts(
    rules: &RuleSet,
    records: &[Result<Record, Rejection>],
    as_of: chrono::NaiveDate,
) -> (usize, usize, rust_decimal::Decimal) {
    let evaluator = Evaluator::new(rules, as_of);
    let part = records.len().div_ceil(THREADS).max(1);
    let parts: Vec<_> = std::thread::scope(|s| {
        let threads: Vec<_> = records
            .chunks(part)
            .map(|chunk| {
                let evaluator = &evaluator;
                s.spawn(move || {
                    let mut mass = rust_decimal::Decimal::ZERO;
                    let mut decided = 0;
                    for record in chunk.iter().filter_map(|r| r.as_ref().ok()) {
                        if let Ok(decision) = evaluator.decide(record) {
                            decided += 1;
                            mass += decision.minimum_salary.unwrap_or_default();
                        }
                    }
                    (decided, chunk.len() - decided, mass)
                })
            })
            .collect();
        threads.into_iter().filter_map(|t| t.join().ok()).collect()
    });
    parts.into_iter().fold(
        (0, 0, rust_decimal::Decimal::ZERO),
        |(d, r, m), (pd, pr, pm)| (d + pd, r + pr, m + pm),
    )
}

/// One employee's decision, step by step, in English.
fn explain_one(
    rules: &RuleSet,
    records: &[Result<Record, Rejection>],
    id: &str,
    as_of: chrono::NaiveDate,
) -> Result<(), Box<dyn Error>> {
    let record = records
        .iter()
        .filter_map(|r| r.as_ref().ok())
        .find(|r| r.id == id)
        .ok_or("no such employee")?;
    let evaluator = Evaluator::new(rules, as_of);
    let outcome = evaluator.decide_traced(record);
    let target = grille::explain::Target::parse("220")?;
    let why_not = grille::explain::why_not(&evaluator, record, &target)?;
    let text =
        grille::explain::text::render(rules, record, &outcome, as_of, Some(&why_not), Lang::En);
    println!("\n{text}");
    Ok(())
}

/// The redline of the two rule sets and their impact on the workforce.
fn compare(
    base: &RuleSet,
    proposal: &RuleSet,
    records: &[Result<Record, Rejection>],
    as_of: chrono::NaiveDate,
) {
    let redline = grille::diff::compare(base, proposal);
    let sections: Vec<&str> = redline.sections.iter().map(|s| s.id).collect();
    println!(
        "redline: {} sections differ ({})",
        sections.len(),
        sections.join(", ")
    );
    let comparer = grille::diff::Comparer::new(base, proposal, as_of);
    let mut impact = grille::diff::Impact::new(3);
    for record in records {
        impact.add(&comparer.compare(record));
    }
    let counts: Vec<String> = Kind::ALL
        .iter()
        .map(|k| format!("{} {}", impact.changes.get(*k), k.as_str()))
        .collect();
    println!(
        "impact on {} employees: {}",
        impact.records,
        counts.join(", ")
    );
    let mass = impact.mass;
    println!(
        "minimum salaries of the {} decided by both: {} € → {} € a month ({:+} €)",
        mass.employees,
        mass.before,
        mass.after,
        mass.difference()
    );
    println!("largest changes:");
    for row in impact.largest() {
        let coefficient = |side: &Option<grille::diff::impact::Side>| {
            side.as_ref()
                .map_or("rejected".to_string(), |s| s.coefficient.to_string())
        };
        println!(
            "  {}: {} → {}",
            row.id.as_deref().unwrap_or("?"),
            coefficient(&row.before),
            coefficient(&row.after)
        );
    }
}
