//! The report to share: one self-contained HTML file (inline CSS and SVG, no
//! script, nothing fetched), in French, that reads on screen and prints on A4.
//! Every string that comes from a rule file or a facts file is escaped.

use std::fmt::Write;

use rust_decimal::Decimal;

use super::impact::{Group, Impact, Kind, Row};
use super::text::{self, kind_label, money, signed_money};
use super::{chart, figures, Redline};
use crate::explain::locale::{self, Lang};

/// The workforce part of a report.
pub type Workforce<'a> = super::figures::Context<'a>;

const STYLE: &str = "
body { font-family: system-ui, -apple-system, 'Segoe UI', sans-serif; color: #1d232a; max-width: 70rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.4; }
h1 { font-size: 1.6rem; margin-bottom: .3rem; } h2 { font-size: 1.2rem; border-bottom: 2px solid #d0d7de; padding-bottom: .2rem; margin-top: 2rem; }
h3 { font-size: 1rem; margin: 1rem 0 .3rem; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; } dl.meta dt { font-weight: 600; } dl.meta dd { margin: 0; }
.cards { display: flex; flex-wrap: wrap; gap: 1rem; } .card { border: 1px solid #d0d7de; border-radius: 6px; padding: .6rem 1rem; min-width: 11rem; }
.card .value { font-size: 1.4rem; font-weight: 700; } .card .label { color: #57606a; font-size: .85rem; }
table { border-collapse: collapse; margin: .5rem 0; font-size: .9rem; } th, td { border-bottom: 1px solid #d0d7de; padding: .25rem .6rem; text-align: left; vertical-align: top; }
th { background: #f6f8fa; } td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
div.redline { background: #f6f8fa; padding: .6rem; white-space: pre-wrap; font-family: ui-monospace, Menlo, Consolas, monospace; font-size: .8rem; }
.del { background: #ffebe9; color: #82071e; } .ins { background: #dafbe1; color: #116329; }
svg text { font-family: inherit; font-size: 11px; fill: #1d232a; } svg text.count { font-size: 9px; } .before { fill: #8c959f; } .after { fill: #0969da; } .cost { fill: #bf8700; } .neg { fill: #cf222e; }
footer { margin-top: 2rem; color: #57606a; font-size: .8rem; }
p.population { font-weight: 600; } ul.explain code { font-size: .8rem; }
@page { size: A4; margin: 15mm 12mm; }
@media print {
  body { margin: 0; max-width: none; font-size: 10pt; }
  section { break-before: page; } section.first { break-before: auto; }
  h2 { break-after: avoid; } figure, tr, .card { break-inside: avoid; }
  table { font-size: 8pt; } th, td { padding: .15rem .3rem; overflow-wrap: anywhere; } svg { max-width: 100%; height: auto; }
  .del, .ins, th, .before, .after, .cost, .neg { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
";

/// Escapes text for HTML content and attribute values.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// The whole report: the workforce impact when there is one, then the redline.
pub fn report(redline: &Redline, workforce: Option<&Workforce>) -> String {
    let mut out =
        String::from("<!DOCTYPE html>\n<html lang=\"fr\">\n<head>\n<meta charset=\"utf-8\">\n");
    let _ = writeln!(
        out,
        "<title>Comparaison : {} → {}</title>\n<style>{STYLE}</style>\n</head>\n<body>",
        esc(&redline.base.title),
        esc(&redline.proposal.title)
    );
    out.push_str(
        "<header>\n<h1>Comparaison de deux règles de classification</h1>\n<dl class=\"meta\">\n",
    );
    let mut meta = vec![
        ("Base", text::rules(&redline.base)),
        ("Proposition", text::rules(&redline.proposal)),
    ];
    if let Some(w) = workforce {
        meta.push(("Date d'évaluation", locale::date(w.as_of, Lang::Fr)));
        meta.push((
            "Effectif",
            format!("{} ({})", text::employees(w.impact.records), w.facts),
        ));
    }
    for (term, value) in meta {
        let _ = writeln!(out, "<dt>{term}</dt><dd>{}</dd>", esc(&value));
    }
    out.push_str("</dl>\n</header>\n");
    if let Some(w) = workforce {
        impact(&mut out, w);
    }
    redline_section(&mut out, redline);
    out.push_str("<footer>Produit par grille. Les montants sont des salaires minima mensuels, exacts au centime.</footer>\n</body>\n</html>\n");
    out
}

/// The workforce's sections: in brief, who loses, the scenarios, the
/// changes, the mass, the cost and the SMIC by job, the groups, the charts
/// and the largest changes.
fn impact(out: &mut String, c: &Workforce) {
    let i = c.impact;
    in_brief(out, c);
    losers_section(out, c);
    if !i.scenarios.is_empty() {
        scenarios_section(out, i);
    }
    changes_section(out, i);
    mass_section(out, i);
    if super::text::has_names(&i.by_job) {
        section(out, "Coût par métier", &chart::cost(i));
    }
    if !c.radar.is_empty() {
        radar_section(out, c);
    }
    for (title, what, groups) in [
        ("Par métier", "métier", &i.by_job),
        ("Par tranche", "tranche", &i.by_band),
    ] {
        if super::text::has_names(groups) {
            section(
                out,
                title,
                &groups_table(what, groups, c.costs.charges_rate),
            );
        }
    }
    let distribution = match i.by_position() {
        true => "Répartition des positions",
        false => "Répartition des coefficients",
    };
    section(out, distribution, &chart::distribution(i));
    section(
        out,
        "Plus grands changements (par écart mensuel du minimum)",
        &largest_table(&i.largest()),
    );
    if !i.one_sided.is_empty() {
        section(
            out,
            "Décidés d'un seul côté ou rejetés",
            &one_sided_table(i),
        );
    }
}

/// "En bref": the population, five cards (who gains, who loses, the
/// monthly and yearly difference, the pay rise owed) and the costs.
fn in_brief(out: &mut String, c: &Workforce) {
    let i = c.impact;
    let twelve = Decimal::from(12);
    let population = figures::population(i);
    let _ = writeln!(
        out,
        "<section id=\"en-bref\" class=\"first\">\n<h2>En bref</h2>\n<p class=\"population\">{}</p>\n<div class=\"cards\">",
        esc(&format!("Population : {population}."))
    );
    let compared = format!("sur {} comparés", text::employees(i.mass.employees));
    let cards = [
        (
            text::employees(i.changes.get(Kind::Up)),
            format!("en hausse, {compared}"),
        ),
        (
            text::employees(i.losers.len()),
            format!("perdent quelque chose, {compared}"),
        ),
        (
            signed_money(i.mass.difference()),
            format!("écart des minima dus par mois, {compared}"),
        ),
        (
            signed_money(i.mass.difference() * twelve),
            format!("écart des minima dus par an, {compared}"),
        ),
        (
            money(i.below_new_minimum.monthly),
            format!(
                "hausse de paie par mois : {} sous le nouveau minimum, sur {} au salaire connu",
                text::employees(i.below_new_minimum.employees),
                text::employees(i.with_salary)
            ),
        ),
    ];
    for (value, label) in cards {
        let _ = writeln!(
            out,
            "<div class=\"card\"><div class=\"value\">{}</div><div class=\"label\">{}</div></div>",
            esc(&value),
            esc(&label)
        );
    }
    out.push_str("</div>\n");
    out.push_str(&table(
        &figures::COST_HEADERS,
        &figures::cost_rows(i, c.costs),
        &[false, true, true, false],
    ));
    out.push_str("</section>\n");
}

/// Each `--scenario` against the base.
fn scenarios_section(out: &mut String, i: &Impact) {
    let (headers, rows) = figures::scenario_table(i);
    let headers: Vec<&str> = headers.iter().map(String::as_str).collect();
    let numeric: Vec<bool> = (0..headers.len()).map(|n| n > 0).collect();
    let body = format!(
        "<p>Contre la base ; {}.</p>\n{}",
        esc(&figures::population(i)),
        table(&headers, &rows, &numeric)
    );
    section(out, "Scénarios", &body);
}

/// How many employees each kind of change concerns.
fn changes_section(out: &mut String, i: &Impact) {
    let mut rows: Vec<Vec<String>> = Kind::ALL
        .iter()
        .map(|k| {
            vec![
                format!("{} ({})", kind_label(*k), k.as_str()),
                i.changes.get(*k).to_string(),
            ]
        })
        .collect();
    rows.push(vec!["total".into(), i.changes.total().to_string()]);
    section(
        out,
        "Changements",
        &table(&["", "salariés"], &rows, &[false, true]),
    );
}

/// The minimum salaries owed before and after, by month and by year, and
/// those of the employees decided by one side only.
fn mass_section(out: &mut String, i: &Impact) {
    let twelve = Decimal::from(12);
    let m = &i.mass;
    let rows = vec![
        vec![
            "par mois".into(),
            money(m.before),
            money(m.after),
            signed_money(m.difference()),
        ],
        vec![
            "par an".into(),
            money(m.before * twelve),
            money(m.after * twelve),
            signed_money(m.difference() * twelve),
        ],
    ];
    let mut body = format!(
        "<p>{} décidés des deux côtés.</p>\n",
        text::employees(m.employees)
    );
    body.push_str(&table(
        &["", "avant", "après", "écart"],
        &rows,
        &[false, true, true, true],
    ));
    for (kind, mass) in [
        (Kind::OnlyProposal, i.only_proposal_mass),
        (Kind::OnlyBase, i.only_base_mass),
    ] {
        if i.changes.get(kind) > 0 {
            let _ = writeln!(
                body,
                "<p>Hors comparaison, {} : {}, {} par mois.</p>",
                kind_label(kind),
                i.changes.get(kind),
                esc(&money(mass))
            );
        }
    }
    section(out, "Masse des salaires minima", &body);
}

/// Each side's levels below the SMIC and the employees they concern.
fn radar_section(out: &mut String, c: &Workforce) {
    let mut body = String::from("<p>Périodes où le minimum d'un niveau était sous le SMIC (valeurs datées de la règle et de la loi), et salariés de l'effectif à ces coefficients à la date d'évaluation.</p>\n");
    for side in &c.radar {
        let lines = side.lines(c.impact, c.as_of);
        let _ = writeln!(body, "<h3>{}</h3>\n<ul class=\"radar\">", esc(&lines[0]));
        for line in &lines[1..] {
            let _ = writeln!(body, "<li>{}</li>", esc(line.trim()));
        }
        body.push_str("</ul>\n");
    }
    section(out, "Radar du SMIC", &body);
}

/// Every employee who loses something, with the cause and the command that
/// explains the decision in full.
fn losers_section(out: &mut String, c: &Workforce) {
    let losers = &c.impact.losers;
    let mut body = format!(
        "<p>{} dont le coefficient, le niveau, le statut ou le minimum baisse.</p>\n",
        text::employees(losers.len())
    );
    if !losers.is_empty() {
        let rows: Vec<Vec<String>> = losers.iter().map(|r| figures::change_row(r)).collect();
        body.push_str(&table(
            &figures::CHANGE_HEADERS,
            &rows,
            &figures::CHANGE_NUMERIC,
        ));
        body.push_str("<p>Explication complète de chaque décision :</p>\n<ul class=\"explain\">\n");
        for r in losers {
            let id = r.id.as_deref().unwrap_or_default();
            let _ = writeln!(body, "<li><code>{}</code></li>", esc(&c.explain(id)));
        }
        body.push_str("</ul>\n");
    }
    let _ = writeln!(
        out,
        "<section id=\"perdants\">\n<h2>Salariés qui perdent</h2>\n{body}</section>"
    );
}

fn section(out: &mut String, title: &str, body: &str) {
    let _ = writeln!(
        out,
        "<section id=\"{}\">\n<h2>{}</h2>\n{body}</section>",
        anchor(title),
        esc(title)
    );
}

/// A section's id from its title: `Coût par métier` → `cout-par-metier`.
fn anchor(title: &str) -> String {
    let mut out = String::new();
    for c in title.chars() {
        // Each letter as the evaluator compares names: lower case, no accent.
        let plain = crate::names::normalize(&c.to_string());
        match plain.chars().next() {
            Some(p) if p.is_ascii_alphanumeric() => out.push(p),
            _ if !out.ends_with('-') && !out.is_empty() => out.push('-'),
            _ => {}
        }
    }
    out.trim_end_matches('-').to_string()
}

/// An HTML table, every cell escaped; `numeric` columns right-aligned.
fn table(headers: &[&str], rows: &[Vec<String>], numeric: &[bool]) -> String {
    let class = |i: usize| {
        if numeric.get(i).copied().unwrap_or(false) {
            " class=\"n\""
        } else {
            ""
        }
    };
    let mut out = String::from("<table>\n<thead><tr>");
    for (i, h) in headers.iter().enumerate() {
        let _ = write!(out, "<th{}>{}</th>", class(i), esc(h));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for row in rows {
        out.push_str("<tr>");
        for (i, cell) in row.iter().enumerate() {
            let _ = write!(out, "<td{}>{}</td>", class(i), esc(cell));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");
    out
}

fn groups_table(
    what: &str,
    groups: &std::collections::BTreeMap<Option<&str>, Group>,
    rate: Option<rust_decimal::Decimal>,
) -> String {
    let (headers, rows) = text::group_table(what, groups, rate);
    let mut out = table(&headers, &rows, &text::group_numeric(&headers));
    if let Some(note) = rate.map(text::estimate_note) {
        let _ = writeln!(out, "<p>{}</p>", esc(&note));
    }
    out
}

fn largest_table(rows: &[&Row]) -> String {
    if rows.is_empty() {
        return "<p>Aucun changement.</p>\n".to_string();
    }
    let rows: Vec<Vec<String>> = rows.iter().map(|r| figures::change_row(r)).collect();
    table(&figures::CHANGE_HEADERS, &rows, &figures::CHANGE_NUMERIC)
}

fn one_sided_table(i: &Impact) -> String {
    let rows: Vec<Vec<String>> = i
        .one_sided
        .iter()
        .map(|r| {
            vec![
                r.id.clone().unwrap_or_else(|| r.position.to_string()),
                text::rejected_by(r.change).to_string(),
                r.reason_fr.clone().unwrap_or_default(),
            ]
        })
        .collect();
    let total = i.records - i.decided_both();
    let mut out = table(&["id", "", "raison"], &rows, &[false, false, false]);
    if total > rows.len() {
        let _ = writeln!(
            out,
            "<p>… et {} autres (voir les sorties CSV ou JSON).</p>",
            total - rows.len()
        );
    }
    out
}

fn redline_section(out: &mut String, r: &Redline) {
    out.push_str("<section id=\"redline\">\n<h2>Différences entre les règles</h2>\n<p>Lignes en rouge (−) : la base seule ; en vert (+) : la proposition seule.</p>\n");
    if let Some(m) = &r.minima {
        let _ = writeln!(
            out,
            "<h3>Minima en euros au {} (temps plein, par mois)</h3>",
            esc(&locale::date(m.as_of, Lang::Fr))
        );
        let rows = super::minima::table_rows(m);
        out.push_str(&table(
            &super::minima::HEADERS,
            &rows,
            &[true, true, true, true],
        ));
    }
    if r.sections.is_empty() {
        out.push_str("<p>Aucune différence entre les deux règles.</p>\n");
    }
    for s in &r.sections {
        let _ = writeln!(out, "<h3>{}</h3>\n<div class=\"redline\">", esc(s.title));
        for line in s.entries.iter().flat_map(text::entry_lines) {
            let class = match line.chars().next() {
                Some('-') => "del",
                Some('+') => "ins",
                _ => "ctx",
            };
            let _ = writeln!(out, "<div class=\"{class}\">{}</div>", esc(&line));
        }
        out.push_str("</div>\n");
        if let Some(note) = &s.note {
            let _ = writeln!(out, "<p>{}</p>", esc(note));
        }
    }
    out.push_str("</section>\n");
}
