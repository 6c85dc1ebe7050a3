//! The claim dossier of one employee: a self-contained HTML file (inline CSS
//! and SVG, no script, nothing fetched), in French, printed on A4. The monthly
//! table, a chart of owed against paid, each right with the explanation of
//! the decision on the day it began (citing the rules), the rule files used
//! with a fingerprint of their text. Every string from a file is escaped.

use std::fmt::Write;

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

use crate::diff::html::esc;
use crate::explain::locale::{date, money};
use crate::explain::Lang;
use crate::model::RuleSet;

use super::{names, MonthOwed, Replay};

const FR: Lang = Lang::Fr;

const STYLE: &str = "
@page { size: A4; margin: 15mm; }
body { font-family: system-ui, -apple-system, 'Segoe UI', sans-serif; color: #1d232a; max-width: 60rem; margin: 1.5rem auto; padding: 0 1rem; line-height: 1.4; font-size: 10.5pt; }
h1 { font-size: 1.5rem; margin-bottom: .3rem; } h2 { font-size: 1.15rem; border-bottom: 2px solid #d0d7de; padding-bottom: .2rem; margin-top: 1.6rem; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; } dt { font-weight: 600; } dd { margin: 0; }
table { border-collapse: collapse; margin: .5rem 0; font-size: .85rem; width: 100%; } th, td { border-bottom: 1px solid #d0d7de; padding: .2rem .45rem; text-align: left; vertical-align: top; }
th { background: #f6f8fa; } td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tr.prescribed td { color: #8c959f; } tr.unknown td.paid { font-style: italic; }
pre { background: #f6f8fa; padding: .5rem; white-space: pre-wrap; font-size: .75rem; }
svg text { font-family: inherit; font-size: 10px; fill: #1d232a; } .owed { stroke: #cf222e; } .paid { stroke: #0969da; }
footer { margin-top: 1.5rem; color: #57606a; font-size: .8rem; }
@media print { body { margin: 0; max-width: none; } h2 { break-after: avoid; } tr, figure, pre { break-inside: avoid; }
  th { -webkit-print-color-adjust: exact; print-color-adjust: exact; } }
";

/// The dossier; `explanations` holds, for each right, the explanation of the
/// decision on the day it began (see [`super::Replayer::explain`]).
pub fn dossier(rules: &RuleSet, r: &Replay, explanations: &[String]) -> String {
    let mut out = String::new();
    let id = esc(&r.id);
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"fr\">\n<head>\n<meta charset=\"utf-8\">\n\
         <title>Rappel de salaire — {id}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n\
         <h1>Rappel de salaire — salarié {id}</h1>\n"
    );
    summary(&mut out, rules, r);
    chart(&mut out, &r.months);
    months(&mut out, rules, &r.months);
    rights(&mut out, r, explanations);
    if !r.warnings.is_empty() {
        out.push_str("<h2>Avertissements</h2>\n<ul>\n");
        for note in &r.warnings {
            let _ = writeln!(out, "<li>{}</li>", esc(&note.fr));
        }
        out.push_str("</ul>\n");
    }
    files(&mut out, rules);
    out.push_str("</body>\n</html>\n");
    out
}

fn summary(out: &mut String, rules: &RuleSet, r: &Replay) {
    let t = &r.totals;
    let (first, last) = match (r.months.first(), r.months.last()) {
        (Some(f), Some(l)) => (f.month.to_string(), l.month.to_string()),
        _ => (String::new(), String::new()),
    };
    let _ = write!(
        out,
        "<dl>\n<dt>Règles</dt><dd>{}</dd>\n<dt>Période</dt><dd>{first} à {last}</dd>\n\
         <dt>Demande du</dt><dd>{}</dd>\n<dt>Embauche</dt><dd>{}</dd>\n",
        esc(&rules.agreement.title),
        date(r.claim_on, FR),
        date(r.hired_on, FR)
    );
    if let Some(left) = r.left_on {
        let _ = writeln!(out, "<dt>Fin du contrat</dt><dd>{}</dd>", date(left, FR));
    }
    let rows = [
        ("Manque total", t.shortfall),
        ("Réclamable", t.claimable),
        ("Prescrit", t.prescribed),
        (
            "Indemnité de congés payés (sur le réclamable)",
            t.paid_leave,
        ),
    ];
    for (label, amount) in rows {
        let _ = writeln!(out, "<dt>{label}</dt><dd>{}</dd>", money(amount, FR));
    }
    let _ = writeln!(
        out,
        "<dt>Mois sans bulletin</dt><dd>{} (non comptés)</dd>\n</dl>",
        t.unknown_months
    );
}

/// Owed and paid month by month, as two lines.
fn chart(out: &mut String, months: &[MonthOwed]) {
    let values: Vec<Decimal> = months
        .iter()
        .flat_map(|m| [Some(m.owed), m.paid])
        .flatten()
        .collect();
    let Some(top) = values.iter().max().and_then(|v| v.to_f64()) else {
        return;
    };
    let (width, height, left, bottom) = (640.0, 220.0, 60.0, 20.0);
    let top = if top > 0.0 { top * 1.1 } else { 1.0 };
    let step = (width - left) / (months.len().max(2) - 1) as f64;
    let x = |i: usize| left + step * i as f64;
    let y =
        |v: Decimal| height - bottom - v.to_f64().unwrap_or(0.0) / top * (height - bottom - 10.0);
    let line = |pick: &dyn Fn(&MonthOwed) -> Option<Decimal>| {
        let mut path = String::new();
        let mut pen_up = true;
        for (i, m) in months.iter().enumerate() {
            match pick(m) {
                Some(v) => {
                    let _ = write!(
                        path,
                        "{}{:.1},{:.1} ",
                        if pen_up { "M" } else { "L" },
                        x(i),
                        y(v)
                    );
                    pen_up = false;
                }
                None => pen_up = true,
            }
        }
        path
    };
    let _ = write!(
        out,
        "<h2>Dû et payé, mois par mois</h2>\n<figure>\n<svg viewBox=\"0 0 {width} {height}\" width=\"100%\" role=\"img\" aria-label=\"minimum dû et salaire payé par mois\">\n\
         <line x1=\"{left}\" y1=\"{b}\" x2=\"{width}\" y2=\"{b}\" stroke=\"#8c959f\"/>\n\
         <text x=\"0\" y=\"14\">{}</text><text x=\"0\" y=\"{b}\">0</text>\n\
         <path class=\"owed\" fill=\"none\" stroke-width=\"2\" d=\"{}\"/>\n\
         <path class=\"paid\" fill=\"none\" stroke-width=\"2\" stroke-dasharray=\"4 2\" d=\"{}\"/>\n",
        money(Decimal::from_f64_retain(top).map_or(Decimal::ZERO, |d| d.round_dp(0)), FR),
        line(&|m| Some(m.owed)),
        line(&|m| m.paid),
        b = height - bottom,
    );
    for (i, m) in months.iter().enumerate() {
        if m.month.month == 1 || i == 0 {
            let _ = writeln!(
                out,
                "<text x=\"{:.1}\" y=\"{height}\">{}</text>",
                x(i),
                m.month
            );
        }
    }
    out.push_str(
        "</svg>\n<figcaption>Trait plein rouge : minimum dû ; tirets bleus : salaire payé \
         (interrompu les mois sans bulletin).</figcaption>\n</figure>\n",
    );
}

fn months(out: &mut String, rules: &RuleSet, months: &[MonthOwed]) {
    out.push_str(
        "<h2>Mois par mois</h2>\n<table>\n<tr><th>mois</th><th>emploi, tranche</th><th class=\"n\">coef. dû</th>\
         <th class=\"n\">coef. payé</th><th class=\"n\">minimum dû</th><th>couche</th><th class=\"n\">payé</th>\
         <th class=\"n\">manque</th><th>prescrit</th></tr>\n",
    );
    for m in months {
        let last = m.segments.last();
        let class = match (m.paid, m.claimable) {
            (None, _) => " class=\"unknown\"",
            (_, false) => " class=\"prescribed\"",
            _ => "",
        };
        let job = last.map_or(String::from("hors contrat"), |s| {
            let band = names::band_name(rules, s.job, s.band);
            format!("{}, {}", esc(names::job_name(rules, s.job)), esc(band))
        });
        let mut cuts = String::new();
        if m.segments.len() > 1 {
            for s in &m.segments {
                let _ = write!(
                    cuts,
                    "<br><small>du {} au {} : {} ({}/{} j)</small>",
                    date(s.from, FR),
                    date(s.to, FR),
                    s.coefficient,
                    s.days(),
                    m.month.days()
                );
            }
        }
        let _ = writeln!(
            out,
            "<tr{class}><td>{}</td><td>{job}{cuts}</td><td class=\"n\">{}</td><td class=\"n\">{}</td>\
             <td class=\"n\">{}</td><td>{}</td><td class=\"n paid\">{}</td><td class=\"n\">{}</td><td>{}</td></tr>",
            m.month,
            last.map(|s| s.coefficient.to_string()).unwrap_or_default(),
            m.paid_coefficient.map(|c| c.to_string()).unwrap_or_default(),
            money(m.owed, FR),
            last.and_then(|s| s.winner).map_or("", layer_fr),
            m.paid.map_or("inconnu".to_string(), |p| money(p, FR)),
            m.shortfall.map(|s| money(s, FR)).unwrap_or_default(),
            if m.claimable { "" } else { "oui" },
        );
    }
    out.push_str("</table>\n");
}

fn layer_fr(layer: &str) -> &'static str {
    match layer {
        "law" => "loi (SMIC)",
        "company" => "entreprise",
        _ => "convention",
    }
}

fn rights(out: &mut String, r: &Replay, explanations: &[String]) {
    if r.rights.is_empty() {
        return;
    }
    out.push_str("<h2>Droits, et pourquoi</h2>\n");
    for (i, right) in r.rights.iter().enumerate() {
        let _ = writeln!(
            out,
            "<h3>Coefficient {} dû depuis le {} ({}, {})</h3>",
            right.value,
            date(right.since, FR),
            esc(right.job_name),
            esc(right.band_name)
        );
        if let Some(text) = explanations.get(i).filter(|t| !t.is_empty()) {
            let _ = writeln!(out, "<pre>{}</pre>", esc(text));
        }
    }
}

/// The rule files used, each with a fingerprint of its text: the dossier says
/// which version of the rules it was computed under.
fn files(out: &mut String, rules: &RuleSet) {
    out.push_str("<h2>Fichiers de règles</h2>\n<ul>\n");
    for file in rules.sources.files() {
        let _ = writeln!(
            out,
            "<li><code>{}</code> — empreinte FNV-1a <code>{:016x}</code>, {} octets</li>",
            esc(&file.name),
            fingerprint(file.text.as_bytes()),
            file.text.len()
        );
    }
    out.push_str("</ul>\n<footer>Établi par grille replay : chaque mois est décidé par les mêmes règles que grille eval, \
                   jour par jour où la décision change ; montants exacts, arrondis une fois par mois au centime.</footer>\n");
}

/// FNV-1a, 64 bits: enough to tell two versions of a file apart by eye.
fn fingerprint(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, b| {
        (hash ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3)
    })
}
