//! The sections of the grid and the jobs: a category's levels, a diploma's
//! floor, an experience scale's bands, a job's cells with the level of each.

use std::fmt::Write as _;

use super::html::{anchor, escape};
use super::links::{self, Grid};
use super::sections::{examples_where, text, Writer};
use super::Document;
use crate::names::normalize;
use crate::span::Spanned;
use crate::syntax::ast::*;

pub(super) fn category(w: &mut Writer, doc: &Document, c: &Category) {
    let _ = writeln!(
        w.out,
        "<table>\n<tr><th>niveau</th><th>coefficients</th><th>minimum</th></tr>"
    );
    for l in &c.levels {
        let minimum = l.minimum.as_ref().map_or("", |m| text(doc, m.span));
        let _ = writeln!(
            w.out,
            "<tr id=\"level-{n}\"><td>{n}</td><td>{}</td><td><code>{}</code></td></tr>",
            escape(text(doc, l.coefficients.span)),
            escape(minimum),
            n = l.number.node
        );
    }
    w.out.push_str("</table>\n");
    for l in &c.levels {
        if let Some(cite) = &l.source {
            w.p("field", &format!("Niveau {} :", l.number.node));
            w.cite(cite);
        }
    }
}

pub(super) fn diploma(w: &mut Writer, doc: &Document, d: &Diploma) {
    let grid = Grid::of(&doc.named.items);
    if let Some(floor) = &d.floor {
        let place = match grid.cell(&floor.node) {
            Some((c, n)) => format!(" : coefficient {c}, <a href=\"#level-{n}\">niveau {n}</a>"),
            None => String::new(),
        };
        w.p(
            "field",
            &format!("Plancher : {}{place}", escape(text(doc, floor.span))),
        );
    }
    let examples = examples_where(doc, |e| links::example_has_diploma(e, &d.id.node));
    w.links("Exemples avec ce diplôme :", &examples);
}

pub(super) fn experience(w: &mut Writer, doc: &Document, e: &Experience) {
    let _ = writeln!(
        w.out,
        "<table>\n<tr><th>tranche</th><th>mois révolus</th></tr>"
    );
    for b in &e.bands {
        let label = b
            .label
            .as_ref()
            .map_or(b.id.node.as_str(), |l| l.node.as_str());
        let to = b
            .to_months
            .as_ref()
            .map_or("∞".to_string(), |t| t.node.to_string());
        let _ = writeln!(
            w.out,
            "<tr><td>{}</td><td>[{}, {to}[</td></tr>",
            escape(label),
            b.from_months.node
        );
    }
    w.out.push_str("</table>\n");
    let jobs: Vec<_> = doc
        .named
        .items
        .iter()
        .filter_map(|i| match i {
            Item::Job(j)
                if links::scale_of(&doc.named.items, j).is_some_and(|s| s.id.node == e.id.node) =>
            {
                Some((anchor("job", &j.id.node), j.name.node.clone()))
            }
            _ => None,
        })
        .collect();
    w.links("Métiers sur cette échelle :", &jobs);
}

pub(super) fn job(w: &mut Writer, doc: &Document, j: &Job) {
    let items = &doc.named.items;
    if let Some(t) = &j.track {
        w.p("field", &format!("Filière : {}", escape(&t.node)));
    }
    if !j.aliases.is_empty() {
        let names: Vec<String> = j.aliases.iter().map(|a| escape(&a.node)).collect();
        w.p("field", &format!("Appellations : {}", names.join(", ")));
    }
    if let Some(e) = &j.entry_diploma {
        let link = |d: &Spanned<String>| {
            format!(
                "<a href=\"#{}\">{}</a>",
                anchor("diploma", &d.node),
                escape(&d.node)
            )
        };
        let highest = e
            .highest
            .as_ref()
            .map_or(String::new(), |h| format!(" à {}", link(h)));
        w.p(
            "field",
            &format!("Diplôme d'accueil : {}{highest}", link(&e.lowest)),
        );
    }
    let grid = Grid::of(items);
    let scale = links::scale_of(items, j);
    if let Some(s) = scale {
        w.p(
            "field",
            &format!(
                "Échelle d'ancienneté : <a href=\"#{}\">{}</a>",
                anchor("scale", &s.id.node),
                escape(&s.id.node)
            ),
        );
    }
    let _ = writeln!(
        w.out,
        "<table>\n<tr><th>tranche</th><th>écrit</th><th>coefficient</th><th>niveau</th></tr>"
    );
    for c in &j.cells {
        let band = scale
            .and_then(|s| {
                s.bands
                    .iter()
                    .find(|b| normalize(&b.id.node) == normalize(&c.band.node))
            })
            .and_then(|b| b.label.as_ref())
            .map_or(c.band.node.as_str(), |l| l.node.as_str());
        let (coefficient, level) = match grid.cell(&c.cell.node) {
            Some((co, n)) => (
                co.to_string(),
                format!("<a href=\"#level-{n}\">niveau {n}</a>"),
            ),
            None if grid.is_empty() => ("—".into(), "grille du fichier modifié".into()),
            None => ("—".into(), "—".into()),
        };
        let _ = writeln!(
            w.out,
            "<tr><td>{}</td><td><code>{}</code></td><td>{coefficient}</td><td>{level}</td></tr>",
            escape(band),
            escape(text(doc, c.cell.span))
        );
    }
    w.out.push_str("</table>\n");
    for c in j.cells.iter().filter_map(|c| c.source.as_ref()) {
        w.cite(c);
    }
    let floors: Vec<_> = items
        .iter()
        .filter(|i| matches!(i, Item::Classification(_)))
        .map(|_| {
            (
                "classification".to_string(),
                "Planchers du classement".to_string(),
            )
        })
        .collect();
    w.links("Classé par :", &floors);
    let examples = examples_where(doc, |e| links::example_names_job(e, j));
    w.links("Exemples qui l'exercent :", &examples);
}
