//! The comparison for a terminal, in French: the redline of the rules as `-`/`+`
//! lines, and the impact on a workforce as a few aligned tables.

use std::fmt::Write;

use rust_decimal::Decimal;

use super::figures::{self, Context};
use super::impact::{Group, Impact, Kind, Row};
use super::{Change, Entry, Redline, RulesInfo};
use crate::explain::locale::{self, Lang};
use crate::report::{for_people, lines_for_people};

/// The redline: lines only in the base start with `-`, only in the proposal with `+`.
pub fn redline(r: &Redline) -> String {
    let mut out = String::from("Différences entre les règles\n");
    let _ = writeln!(out, "  - base : {}", rules(&r.base));
    let _ = writeln!(out, "  + proposition : {}", rules(&r.proposal));
    if let Some(m) = &r.minima {
        let _ = writeln!(
            out,
            "\n## Minima en euros au {} (temps plein, par mois)",
            locale::date(m.as_of, Lang::Fr)
        );
        let rows = super::minima::table_rows(m);
        out.push_str(&table(
            &super::minima::HEADERS,
            &rows,
            &[true, true, true, true],
        ));
    }
    if r.sections.is_empty() {
        out.push_str("\nAucune différence entre les deux règles.\n");
    }
    for section in &r.sections {
        let _ = writeln!(out, "\n## {}", section.title);
        for entry in &section.entries {
            out.push_str(&entry_lines(entry).join("\n"));
            out.push('\n');
        }
        if let Some(note) = &section.note {
            let _ = writeln!(out, "  ({note})");
        }
    }
    // The rules' strings may hold control characters: shown escaped.
    lines_for_people(&out).into_owned()
}

pub fn rules(info: &RulesInfo) -> String {
    format!("{} ({})", info.title, info.file)
}

/// An entry as redline lines (also used by the HTML report).
pub fn entry_lines(e: &Entry) -> Vec<String> {
    let at = match e.at.as_slice() {
        [] => String::new(),
        places => format!("  ({})", places.join(" | ")),
    };
    let whole = |sign: char, text: &Option<String>| match text.as_deref() {
        Some(t) if !t.is_empty() => format!("{sign} {} : {t}{at}", e.subject),
        _ => format!("{sign} {}{at}", e.subject),
    };
    match e.change {
        Change::Added => vec![whole('+', &e.after)],
        Change::Removed => vec![whole('-', &e.before)],
        Change::Changed => {
            // Only the dates differ: one line says it.
            if let [d] = e.details.as_slice() {
                if d.field.as_deref() == Some(super::structure::DATES_ONLY) {
                    let text = d.after.as_deref().unwrap_or_default();
                    return vec![format!("  {} : {text}{at}", e.subject)];
                }
            }
            let mut lines = vec![format!("  {}{at}", e.subject)];
            for d in &e.details {
                let field = d
                    .field
                    .as_deref()
                    .map(|f| format!("{f} : "))
                    .unwrap_or_default();
                if let Some(before) = &d.before {
                    lines.push(format!("-   {field}{before}"));
                }
                if let Some(after) = &d.after {
                    lines.push(format!("+   {field}{after}"));
                }
            }
            lines
        }
    }
}

pub fn kind_label(kind: Kind) -> &'static str {
    match kind {
        Kind::Up => "en hausse",
        Kind::Down => "en baisse",
        Kind::Same => "inchangés",
        Kind::OnlyBase => "décidés par la base seule",
        Kind::OnlyProposal => "décidés par la proposition seule",
        Kind::Rejected => "rejetés des deux côtés",
    }
}

/// `1 salarié`, `60 salariés`.
pub fn employees(n: usize) -> String {
    if n == 1 {
        "1 salarié".to_string()
    } else {
        format!("{n} salariés")
    }
}

/// Which side rejected a record decided by one side only (or both).
pub fn rejected_by(kind: Kind) -> &'static str {
    match kind {
        Kind::OnlyProposal => "rejeté par la base",
        Kind::OnlyBase => "rejeté par la proposition",
        _ => "rejeté des deux côtés",
    }
}

pub fn money(v: Decimal) -> String {
    locale::money(v, Lang::Fr)
}

/// `+1 016,37 €`, `-12,00 €`, `0,00 €`.
pub fn signed_money(v: Decimal) -> String {
    if v > Decimal::ZERO {
        format!("+{}", money(v))
    } else {
        money(v)
    }
}

pub fn mean(m: &super::impact::Mean) -> String {
    m.shown()
        .map_or_else(|| "—".to_string(), |v| locale::number(v, Lang::Fr))
}

/// A group's key: a job or band id, or the records no side decided.
pub fn group_name(key: &Option<&str>) -> String {
    key.unwrap_or("(non décidés)").to_string()
}

/// A group as people read it: the rule file's name, else its key.
pub fn group_label(key: &Option<&str>, g: &Group) -> String {
    match (key, g.name.is_empty()) {
        (Some(_), false) => g.name.to_string(),
        _ => group_name(key),
    }
}

/// Aligned columns; `numeric` columns are right-aligned.
pub fn table(headers: &[&str], rows: &[Vec<String>], numeric: &[bool]) -> String {
    let mut widths: Vec<usize> = headers.iter().map(|h| h.chars().count()).collect();
    for row in rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.chars().count());
        }
    }
    let header: Vec<String> = headers.iter().map(|h| h.to_string()).collect();
    let mut out = String::new();
    for row in std::iter::once(&header).chain(rows) {
        let mut line = String::new();
        for (i, cell) in row.iter().enumerate() {
            let pad = " ".repeat(widths[i] - cell.chars().count());
            line.push_str("  ");
            if numeric.get(i).copied().unwrap_or(false) {
                line.push_str(&pad);
                line.push_str(cell);
            } else {
                line.push_str(cell);
                line.push_str(&pad);
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// The impact on a workforce: counts, costs with their populations, the
/// scenarios, every employee who loses something, by job and band, the
/// distribution of coefficients, the largest changes, the one-sided records.
pub fn impact(c: &Context, shown: usize) -> String {
    let i = c.impact;
    let mut out = format!(
        "Impact sur l'effectif au {}\n",
        locale::date(c.as_of, Lang::Fr)
    );
    let _ = writeln!(out, "  base : {}", rules(c.base));
    let _ = writeln!(out, "  proposition : {}", rules(c.proposal));
    let _ = writeln!(out, "  effectif : {} ({})", i.records, for_people(c.facts));
    let _ = writeln!(out, "  population : {}", figures::population(i));
    out.push_str("\nChangements\n");
    let mut rows: Vec<Vec<String>> = Kind::ALL
        .iter()
        .map(|k| {
            let label = format!("{} ({})", kind_label(*k), k.as_str());
            vec![label, i.changes.get(*k).to_string()]
        })
        .collect();
    rows.push(vec!["total".to_string(), i.changes.total().to_string()]);
    out.push_str(&table(&["", "salariés"], &rows, &[false, true]));
    out.push_str("\nCoûts\n");
    out.push_str(&table(
        &figures::COST_HEADERS,
        &figures::cost_rows(i, c.costs),
        &[false, true, true, false],
    ));
    masses(&mut out, i);
    scenarios(&mut out, i);
    losers(&mut out, c);
    radar(&mut out, c);
    groups(
        &mut out,
        "Par métier (celui de la proposition, sinon de la base)",
        "métier",
        &i.by_job,
        c.costs.charges_rate,
    );
    groups(
        &mut out,
        "Par tranche (celle de la proposition, sinon de la base)",
        "tranche",
        &i.by_band,
        c.costs.charges_rate,
    );
    let rows: Vec<Vec<String>> = i
        .distribution_both
        .iter()
        .map(|(c, [before, after])| vec![i.key_words(*c), before.to_string(), after.to_string()])
        .collect();
    let (title, key) = match i.by_position() {
        true => ("positions", "position"),
        false => ("coefficients", "coefficient"),
    };
    let _ = writeln!(
        out,
        "\nRépartition des {title} ({} avec un avant et un après)",
        employees(rows_population(i))
    );
    out.push_str(&table(&[key, "avant", "après"], &rows, &[true, true, true]));
    largest(&mut out, &i.largest(), shown);
    one_sided(&mut out, i, shown);
    // Ids, reasons and names from the facts and the rules: shown escaped.
    lines_for_people(&out).into_owned()
}

/// How many employees the distribution of both sides counts.
pub fn rows_population(i: &Impact) -> usize {
    i.distribution_both.values().map(|[before, _]| before).sum()
}

fn scenarios(out: &mut String, i: &Impact) {
    if i.scenarios.is_empty() {
        return;
    }
    let (headers, rows) = figures::scenario_table(i);
    let _ = writeln!(
        out,
        "\nScénarios de la proposition (contre la base ; {})",
        figures::population(i)
    );
    let headers: Vec<&str> = headers.iter().map(String::as_str).collect();
    let numeric: Vec<bool> = (0..headers.len()).map(|n| n > 0).collect();
    out.push_str(&table(&headers, &rows, &numeric));
}

/// When each level of each side fell below the SMIC, and whom it concerns now.
fn radar(out: &mut String, c: &Context) {
    if c.radar.is_empty() {
        return;
    }
    out.push_str("\nRadar du SMIC (périodes où le minimum d'un niveau était sous le SMIC)\n");
    for side in &c.radar {
        for line in side.lines(c.impact, c.as_of) {
            let _ = writeln!(out, "  {line}");
        }
    }
}

/// Every employee who loses something, each with the cause and the command
/// that explains the decision in full.
fn losers(out: &mut String, c: &Context) {
    let losers = &c.impact.losers;
    let _ = writeln!(
        out,
        "\nSalariés qui perdent (coefficient, niveau, statut ou minimum en baisse) : {}",
        losers.len()
    );
    if losers.is_empty() {
        return;
    }
    let rows: Vec<Vec<String>> = losers.iter().map(|r| figures::change_row(r)).collect();
    out.push_str(&table(
        &figures::CHANGE_HEADERS,
        &rows,
        &figures::CHANGE_NUMERIC,
    ));
    out.push_str("  explication complète :\n");
    for r in losers {
        let id = r.id.as_deref().unwrap_or_default();
        let _ = writeln!(out, "    {}", c.explain(id));
    }
}

fn masses(out: &mut String, i: &Impact) {
    let m = &i.mass;
    let _ = writeln!(
        out,
        "\nMasse des salaires minima ({} décidés des deux côtés)",
        employees(m.employees)
    );
    let twelve = Decimal::from(12);
    let rows = vec![
        vec![
            "par mois".to_string(),
            money(m.before),
            money(m.after),
            signed_money(m.difference()),
        ],
        vec![
            "par an".to_string(),
            money(m.before * twelve),
            money(m.after * twelve),
            signed_money(m.difference() * twelve),
        ],
    ];
    out.push_str(&table(
        &["", "avant", "après", "écart"],
        &rows,
        &[false, true, true, true],
    ));
    for (kind, mass) in [
        (Kind::OnlyProposal, i.only_proposal_mass),
        (Kind::OnlyBase, i.only_base_mass),
    ] {
        let n = i.changes.get(kind);
        if n > 0 {
            let _ = writeln!(
                out,
                "  hors comparaison, {} : {n}, {} par mois",
                kind_label(kind),
                money(mass)
            );
        }
    }
    let _ = writeln!(
        out,
        "\nSalaires sous le minimum (salaire connu : {} décidés par la proposition)",
        employees(i.with_salary)
    );
    for (what, s) in [
        ("de la base", &i.below_old_minimum),
        ("de la proposition", &i.below_new_minimum),
    ] {
        let _ = writeln!(
            out,
            "  sous le minimum {what} : {} ; mise à niveau {} par mois, {} par an",
            employees(s.employees),
            money(s.monthly),
            money(s.monthly * twelve)
        );
    }
}

fn groups(
    out: &mut String,
    title: &str,
    what: &str,
    groups: &std::collections::BTreeMap<Option<&str>, Group>,
    rate: Option<rust_decimal::Decimal>,
) {
    if !has_names(groups) {
        return;
    }
    let _ = writeln!(out, "\n{title}");
    let (headers, rows) = group_table(what, groups, rate);
    out.push_str(&table(&headers, &rows, &group_numeric(&headers)));
    if let Some(note) = rate.map(estimate_note) {
        let _ = writeln!(out, "  {note}");
    }
}

/// Whether any group has a name: a rule set classifying by position gives
/// its decisions no job or band, and a table of one blank group says nothing.
pub fn has_names(groups: &std::collections::BTreeMap<Option<&str>, Group>) -> bool {
    groups.keys().any(|k| *k != Some(""))
}

/// Which columns of a group table are numbers (right-aligned): all but the first.
pub fn group_numeric(headers: &[&str]) -> Vec<bool> {
    (0..headers.len()).map(|i| i > 0).collect()
}

/// What the estimate columns of a group table are, and that they add up.
pub fn estimate_note(rate: rust_decimal::Decimal) -> String {
    format!(
        "charges est. : estimation des charges patronales au taux de {} % (--set-cost taux_charges), \
         au centime près ; les lignes s'additionnent au total des coûts (c)",
        crate::explain::locale::number(
            rate * rust_decimal::Decimal::ONE_HUNDRED,
            crate::explain::locale::Lang::Fr
        )
    )
}

/// The headers and rows of a table of groups (by job or band), shared by the
/// text and HTML reports; with a contribution rate, two columns of the
/// estimate on (a) and (b), apportioned so that they add up to the totals.
pub fn group_table<'a>(
    what: &'a str,
    groups: &std::collections::BTreeMap<Option<&str>, Group>,
    rate: Option<rust_decimal::Decimal>,
) -> (Vec<&'a str>, Vec<Vec<String>>) {
    let estimates = rate.map(|r| super::estimate::by_group(groups, r));
    let rows = groups
        .iter()
        .enumerate()
        .map(|(n, (key, g))| {
            // Nobody compared: no change to show, rather than a zero.
            let compared = |amount| match g.mass.employees {
                0 => "—".to_string(),
                _ => signed_money(amount),
            };
            let mut row = vec![
                group_label(key, g),
                g.headcount.to_string(),
                g.mass.employees.to_string(),
                g.changes.get(Kind::Up).to_string(),
                g.changes.get(Kind::Down).to_string(),
                mean(&g.coefficient_before),
                mean(&g.coefficient_after),
                compared(g.mass.difference()),
                g.below_new_minimum.employees.to_string(),
                money(g.below_new_minimum.monthly),
            ];
            if let Some([on_minima, on_raise]) = estimates.as_ref().map(|e| e[n]) {
                row.extend([compared(on_minima), signed_money(on_raise)]);
            }
            row
        })
        .collect();
    let mut headers = vec![
        what,
        "effectif",
        "comparés",
        "hausse",
        "baisse",
        "coef. avant",
        "coef. après",
        "écart minima/mois (comparés)",
        "sous nouveau min.",
        "hausse de paie/mois",
    ];
    if rate.is_some() {
        headers.extend(["charges est. sur (a)/mois", "charges est. sur (b)/mois"]);
    }
    (headers, rows)
}

pub fn side_coefficient(row: &Row) -> String {
    let c = |s: &Option<super::impact::Side>| {
        s.as_ref()
            .map_or_else(|| "—".to_string(), super::impact::Side::key_words)
    };
    format!("{} → {}", c(&row.before), c(&row.after))
}

pub fn side_minimum(row: &Row) -> String {
    let m = |s: &Option<super::impact::Side>| {
        s.as_ref()
            .and_then(|s| s.minimum_salary)
            .map_or_else(|| "—".to_string(), money)
    };
    format!("{} → {}", m(&row.before), m(&row.after))
}

fn largest(out: &mut String, rows: &[&Row], shown: usize) {
    if rows.is_empty() {
        return;
    }
    let _ = writeln!(
        out,
        "\nPlus grands changements (par écart mensuel du minimum)"
    );
    let rows: Vec<Vec<String>> = rows
        .iter()
        .take(shown)
        .map(|r| figures::change_row(r))
        .collect();
    out.push_str(&table(
        &figures::CHANGE_HEADERS,
        &rows,
        &figures::CHANGE_NUMERIC,
    ));
}

fn one_sided(out: &mut String, i: &Impact, shown: usize) {
    let total = i.records - i.decided_both();
    if total == 0 {
        return;
    }
    let _ = writeln!(out, "\nDécidés d'un seul côté ou rejetés ({total})");
    for r in i.one_sided.iter().take(shown) {
        let who = r.id.clone().unwrap_or_else(|| r.position.to_string());
        let _ = writeln!(
            out,
            "  {}  {} : {}",
            for_people(&who),
            rejected_by(r.change),
            for_people(r.reason_fr.as_deref().unwrap_or(""))
        );
    }
    if total > shown.min(i.one_sided.len()) {
        let _ = writeln!(
            out,
            "  … et {} autres (voir --format csv ou json)",
            total - shown.min(i.one_sided.len())
        );
    }
}
