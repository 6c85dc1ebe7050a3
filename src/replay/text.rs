//! A replay for a person to read, in French (default) or English: the months
//! as a table, each month cut into segments shown below it, the rights with
//! the day each began, the totals, the warnings.

use std::fmt::Write;

use crate::catalogue::{month, Text};
use crate::explain::locale::{date, money};
use crate::explain::Lang;
use crate::model::RuleSet;
use crate::report::for_people;

use super::names::{band_name, job_name};
use super::{MonthOwed, Replay};

struct Words {
    title: &'static str,
    range: &'static str,
    claim: &'static str,
    hired: &'static str,
    left: &'static str,
    header: [&'static str; 8],
    unknown: &'static str,
    outside: &'static str,
    prescribed: &'static str,
    rights: &'static str,
    owed_since: &'static str,
    totals: [&'static str; 5],
    warnings: &'static str,
    from_to: (&'static str, &'static str),
}

const FR: Words = Words {
    title: "Salarié",
    range: "rappel de salaire",
    claim: "demande du",
    hired: "embauché le",
    left: "sorti le",
    header: [
        "mois",
        "emploi",
        "tranche",
        "coef.",
        "coef. payé",
        "minimum dû",
        "payé",
        "manque",
    ],
    unknown: "inconnu (pas de bulletin)",
    outside: "hors contrat",
    prescribed: "prescrit",
    rights: "Droits",
    owed_since: "dû depuis le",
    totals: [
        "manque total",
        "réclamable",
        "prescrit",
        "indemnité de congés payés",
        "mois sans bulletin",
    ],
    warnings: "Avertissements",
    from_to: ("du", "au"),
};

const EN: Words = Words {
    title: "Employee",
    range: "back-pay",
    claim: "claim of",
    hired: "hired on",
    left: "left on",
    header: [
        "month",
        "job",
        "band",
        "coef.",
        "coef. paid",
        "minimum owed",
        "paid",
        "shortfall",
    ],
    unknown: "unknown (no payslip)",
    outside: "outside the contract",
    prescribed: "prescribed",
    rights: "Rights",
    owed_since: "owed since",
    totals: [
        "total shortfall",
        "claimable",
        "prescribed",
        "paid-leave allowance",
        "months without payslip",
    ],
    warnings: "Warnings",
    from_to: ("from", "to"),
};

/// One employee's replay as text, jobs and bands by their names in `rules`.
pub fn render(rules: &RuleSet, r: &Replay, lang: Lang) -> String {
    let w = match lang {
        Lang::Fr => &FR,
        Lang::En => &EN,
    };
    let mut out = String::new();
    let (first, last) = match (r.months.first(), r.months.last()) {
        (Some(f), Some(l)) => (month(f.month, lang), month(l.month, lang)),
        _ => (String::new(), String::new()),
    };
    let _ = writeln!(
        out,
        "{} {} — {} {first} … {last}, {} {}",
        w.title,
        for_people(&r.id),
        w.range,
        w.claim,
        date(r.claim_on, lang)
    );
    let _ = write!(out, "{} {}", w.hired, date(r.hired_on, lang));
    if let Some(left) = r.left_on {
        let _ = write!(out, ", {} {}", w.left, date(left, lang));
    }
    out.push_str("\n\n");
    let mut rows = vec![w.header.map(str::to_string)];
    let mut details: Vec<Vec<String>> = vec![Vec::new()];
    for m in &r.months {
        rows.push(row(rules, m, w, lang));
        details.push(segment_lines(rules, m, w, lang));
    }
    table(&mut out, &rows, &details);
    if !r.rights.is_empty() {
        let _ = writeln!(out, "\n{} :", w.rights);
        for right in &r.rights {
            let why = Text::RightOfBand {
                band: right.band_name,
                job: right.job_name,
            }
            .say(lang);
            let _ = writeln!(
                out,
                "  coefficient {} {} {} : {}",
                right.value,
                w.owed_since,
                date(right.since, lang),
                for_people(&why)
            );
        }
    }
    let t = &r.totals;
    let _ = writeln!(out);
    let amounts = [t.shortfall, t.claimable, t.prescribed, t.paid_leave];
    for (label, amount) in w.totals.iter().zip(amounts) {
        let _ = writeln!(out, "{label:<28}{:>14}", money(amount, lang));
    }
    let _ = writeln!(out, "{:<28}{:>14}", w.totals[4], t.unknown_months);
    if !r.warnings.is_empty() {
        let _ = writeln!(out, "\n{} :", w.warnings);
        for note in &r.warnings {
            let text = match lang {
                Lang::Fr => &note.fr,
                Lang::En => &note.en,
            };
            let _ = writeln!(out, "  - {}", for_people(text));
        }
    }
    out
}

fn row(rules: &RuleSet, m: &MonthOwed, w: &Words, lang: Lang) -> [String; 8] {
    let last = m.segments.last();
    let minimum = match (last, m.employed) {
        (_, false) => w.outside.to_string(),
        (Some(s), true) => {
            let layer = s
                .winner
                .map(|l| format!(" ({})", layer(l, lang)))
                .unwrap_or_default();
            format!("{}{layer}", money(m.owed, lang))
        }
        (None, true) => money(m.owed, lang),
    };
    let (paid, shortfall) = match (m.paid, m.shortfall) {
        (Some(p), Some(s)) => {
            let mut s = money(s, lang);
            if !m.claimable {
                s = format!("{s} ({})", w.prescribed);
            }
            (money(p, lang), s)
        }
        _ => (w.unknown.to_string(), String::new()),
    };
    [
        month(m.month, lang),
        last.map(|s| for_people(job_name(rules, s.job)).into_owned())
            .unwrap_or_default(),
        last.map(|s| for_people(band_name(rules, s.job, s.band)).into_owned())
            .unwrap_or_default(),
        last.map(|s| s.coefficient.to_string()).unwrap_or_default(),
        m.paid_coefficient
            .map(|c| c.to_string())
            .unwrap_or_default(),
        minimum,
        paid,
        shortfall,
    ]
}

/// The segments of a month cut in several, one line each.
fn segment_lines(rules: &RuleSet, m: &MonthOwed, w: &Words, lang: Lang) -> Vec<String> {
    if m.segments.len() < 2 {
        return Vec::new();
    }
    m.segments
        .iter()
        .map(|s| {
            format!(
                "    {} {} {} {} : {} {} {}, {} × {}/{}",
                w.from_to.0,
                date(s.from, lang),
                w.from_to.1,
                date(s.to, lang),
                for_people(band_name(rules, s.job, s.band)),
                s.coefficient,
                s.winner.map_or("", |l| layer(l, lang)),
                money(s.minimum, lang),
                s.days(),
                m.month.days()
            )
        })
        .collect()
}

/// Columns aligned by characters; a row's detail lines printed below it.
fn table(out: &mut String, rows: &[[String; 8]], details: &[Vec<String>]) {
    let mut widths = [0usize; 8];
    for row in rows {
        for (width, cell) in widths.iter_mut().zip(row) {
            *width = (*width).max(cell.chars().count());
        }
    }
    for (row, lines) in rows.iter().zip(details) {
        let mut line = String::new();
        for (i, (cell, width)) in row.iter().zip(widths).enumerate() {
            if i > 0 {
                line.push_str("  ");
            }
            let pad = width - cell.chars().count();
            // Amounts and numbers to the right, words to the left.
            if i >= 3 {
                line.extend(std::iter::repeat_n(' ', pad));
                line.push_str(cell);
            } else {
                line.push_str(cell);
                line.extend(std::iter::repeat_n(' ', pad));
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
        for detail in lines {
            out.push_str(detail);
            out.push('\n');
        }
    }
}

/// The layer whose minimum won, in the reader's language.
fn layer(winner: &str, lang: Lang) -> &'static str {
    match (winner, lang) {
        ("law", Lang::Fr) => "loi",
        ("company", Lang::Fr) => "entreprise",
        (_, Lang::Fr) => "convention",
        ("law", Lang::En) => "law",
        ("company", Lang::En) => "company",
        (_, Lang::En) => "agreement",
    }
}
