//! One section per declaration: its citation, quote and reading, what it
//! says (values in force and their history, bands, cells, rules), its links,
//! what it replaces in the amended file, and the checker's diagnostics on it.

use std::fmt::Write as _;

use super::grid;
use super::html::{anchor, escape};
use super::links;
use super::{Document, Source};
use crate::diag::{Diagnostic, Severity};
use crate::syntax::ast::*;

/// A section of the page, with what the contents list.
pub(super) struct Section {
    pub anchor: String,
    pub title: String,
    pub html: String,
}

/// Writes the section of `item`.
pub(super) fn section(doc: &Document, item: &Item) -> Section {
    let (id, kind, title) = links::name(item);
    let named = &doc.named;
    let span = item.span();
    let mut w = Writer::default();
    let _ = write!(
        w.out,
        "<section id=\"{id}\">\n<span class=\"where\">{}:{}</span>\n<h2><span class=\"kind\">{}</span>{}</h2>\n",
        escape(&named.file.name),
        named.line(span.start),
        escape(kind),
        escape(&title)
    );
    let mut cites = Vec::new();
    crate::syntax::cites::item_cites(item, &mut cites);
    if let Some(first) = cites.first().filter(|c| c.span.start < body_start(item)) {
        w.cite(first);
    }
    body(&mut w, doc, item);
    replaces(&mut w, doc, item);
    for d in own_diagnostics(doc)
        .into_iter()
        .filter(|d| d.span.start >= span.start && d.span.start <= span.end)
    {
        w.diagnostic(named, d);
    }
    w.out.push_str("</section>\n");
    Section {
        anchor: id,
        title,
        html: w.out,
    }
}

/// Where a declaration's parts begin: the declaration's own `source` is
/// written before them (a level's or a band's follows its line).
fn body_start(item: &Item) -> usize {
    let first_part = match item {
        Item::Category(c) => c.levels.first().map(|l| l.span.start),
        Item::Experience(e) => e.bands.first().map(|b| b.span.start),
        Item::Job(j) => j.cells.first().map(|c| c.span.start),
        Item::Classification(c) => c.floors.first().map(|f| f.span.start),
        Item::Status(s) => s.rules.first().map(|r| r.span.start),
        Item::TrialPeriod(t) => t.rules.first().map(|r| r.span.start),
        Item::TrialMaximum(t) => t.rules.first().map(|r| r.span.start),
        _ => None,
    };
    first_part.unwrap_or(usize::MAX)
}

/// The named file's diagnostics, as the checker reported them.
pub(super) fn own_diagnostics(doc: &Document) -> Vec<&Diagnostic> {
    doc.reports
        .iter()
        .filter(|r| r.file.name == doc.named.file.name)
        .flat_map(|r| &r.diagnostics)
        .collect()
}

#[derive(Default)]
pub(super) struct Writer {
    pub(super) out: String,
}

impl Writer {
    pub(super) fn p(&mut self, class: &str, html: &str) {
        let _ = writeln!(self.out, "<p class=\"{class}\">{html}</p>");
    }

    /// The source, the quote and the reading of a declaration or of a part.
    pub(super) fn cite(&mut self, cite: &Cite) {
        self.p("source", &format!("Source : {}", escape(&cite.node)));
        if let Some(q) = &cite.quote {
            let _ = writeln!(
                self.out,
                "<blockquote>« {} »</blockquote>",
                escape(&q.text())
            );
        }
        if let Some(r) = &cite.reading {
            let _ = writeln!(
                self.out,
                "<p class=\"reading\"><b>Lecture retenue par ce fichier :</b> {}</p>",
                escape(&r.text())
            );
        }
    }

    fn diagnostic(&mut self, file: &Source, d: &Diagnostic) {
        let (class, word) = match d.severity {
            Severity::Error => ("error", "erreur"),
            Severity::Warning => ("warning", "avertissement"),
        };
        let help = d
            .help
            .as_deref()
            .map_or(String::new(), |h| format!(" — {}", escape(h)));
        let _ = writeln!(
            self.out,
            "<div class=\"diagnostic {class}\"><b>{word}</b> <code>{}</code> (ligne {}) : {}{help}</div>",
            d.code,
            file.line(d.span.start),
            escape(&d.message)
        );
    }

    pub(super) fn links(&mut self, title: &str, links: &[(String, String)]) {
        if links.is_empty() {
            return;
        }
        let _ = write!(self.out, "<p>{}</p>\n<ul class=\"links\">\n", escape(title));
        for (to, text) in links {
            let _ = writeln!(self.out, "<li><a href=\"#{to}\">{}</a></li>", escape(text));
        }
        self.out.push_str("</ul>\n");
    }
}

pub(super) fn text(doc: &Document, span: crate::span::Span) -> &str {
    doc.named.file.text.get(span.start..span.end).unwrap_or("")
}

fn body(w: &mut Writer, doc: &Document, item: &Item) {
    let items = &doc.named.items;
    match item {
        Item::Agreement(a) => {
            for (label, value) in [
                ("Texte", a.document.as_ref().map(|d| d.node.clone())),
                ("Date", a.date.as_ref().map(|d| d.node.to_string())),
                ("IDCC", a.idcc.as_ref().map(|n| n.node.to_string())),
            ] {
                if let Some(v) = value {
                    w.p("field", &format!("{label} : {}", escape(&v)));
                }
            }
        }
        Item::UnderLaw(l) | Item::Within(l) => {
            w.p(
                "field",
                &format!("Fichier : <code>{}</code>", escape(&l.path.node)),
            );
        }
        Item::Amends(a) => amends(w, a),
        Item::Parameter(p) => parameter(w, doc, p),
        Item::Table(t) => table(w, doc, t),
        Item::Category(c) => grid::category(w, doc, c),
        Item::Diploma(d) => grid::diploma(w, doc, d),
        Item::Experience(e) => grid::experience(w, doc, e),
        Item::Job(j) => grid::job(w, doc, j),
        Item::Classification(c) => classification(w, doc, c),
        Item::Status(s) => {
            let _ = writeln!(w.out, "<ol>");
            for r in &s.rules {
                let label = r
                    .label
                    .as_ref()
                    .map_or(String::new(), |l| format!(" ({})", escape(&l.node)));
                let _ = writeln!(
                    w.out,
                    "<li><code>{}</code>{label}</li>",
                    escape(text(doc, r.span))
                );
                if let Some(c) = &r.source {
                    w.cite(c);
                }
            }
            let _ = writeln!(w.out, "</ol>");
        }
        Item::Fact(_)
        | Item::WorkingTime(_)
        | Item::MinimumSalary(_)
        | Item::LegalMinimum(_)
        | Item::MissionCap(_)
        | Item::TrialPeriod(_)
        | Item::TrialMaximum(_)
        | Item::Grid(_)
        | Item::GridMinimum(_) => rule_text(w, doc, item),
        Item::Criterion(_) | Item::Scoring(_) => rule_text(w, doc, item),
        Item::Provision(p) => {
            if let Some(t) = &p.text {
                let _ = writeln!(w.out, "<blockquote>{}</blockquote>", escape(&t.node));
            }
        }
        Item::Example(e) => {
            let _ = writeln!(
                w.out,
                "<pre><code>{}</code></pre>",
                escape(text(doc, e.span))
            );
            let jobs: Vec<_> = items
                .iter()
                .filter_map(|i| match i {
                    Item::Job(j) if links::example_names_job(e, j) => {
                        Some((anchor("job", &j.id.node), j.name.node.clone()))
                    }
                    _ => None,
                })
                .collect();
            w.links("Métiers de cet exemple :", &jobs);
        }
    }
    used_by(w, doc, item);
}

/// The rule as written, and the parameters it reads.
fn rule_text(w: &mut Writer, doc: &Document, item: &Item) {
    let _ = writeln!(
        w.out,
        "<pre><code>{}</code></pre>",
        escape(text(doc, item.span()))
    );
    let declared: Vec<&str> = doc
        .named
        .items
        .iter()
        .filter_map(|i| match i {
            Item::Parameter(p) => Some(p.name.node.as_str()),
            Item::Table(t) => Some(t.name.node.as_str()),
            _ => None,
        })
        .collect();
    let (here, elsewhere): (Vec<String>, Vec<String>) = links::names_read(item)
        .into_iter()
        .partition(|n| declared.contains(&n.as_str()));
    let here: Vec<_> = here.into_iter().map(|n| (anchor("param", &n), n)).collect();
    w.links("Valeurs lues :", &here);
    if !elsewhere.is_empty() {
        let names: Vec<String> = elsewhere
            .iter()
            .map(|n| format!("<code>{}</code>", escape(n)))
            .collect();
        w.p(
            "field",
            &format!(
                "Lues aussi (faits du salarié, ou valeurs d'un autre fichier) : {}",
                names.join(", ")
            ),
        );
    }
}

fn amends(w: &mut Writer, a: &Amends) {
    w.p(
        "field",
        &format!(
            "Modifie <code>{}</code> ; ce que le fichier ne déclare pas de nouveau y demeure.",
            escape(&a.path.node)
        ),
    );
    for t in &a.taken_over {
        let to = anchor("job", &t.new.node);
        let _ = writeln!(
            w.out,
            "<p class=\"replaces\">Le métier <code>{}</code> est repris par <a href=\"#{to}\">{}</a> : {}</p>",
            escape(&t.old.node),
            escape(&t.new.node),
            escape(&t.reason.node)
        );
    }
    for s in &a.set_aside {
        let what = match &s.what {
            SetAsideWhat::Job(j) => format!("le métier <code>{}</code>", escape(&j.node)),
            SetAsideWhat::Provision(p) => format!("la disposition « {} »", escape(&p.node)),
            SetAsideWhat::Transitional {
                coefficients,
                own_jobs,
            } => {
                let list: Vec<String> = coefficients.iter().map(|c| c.node.to_string()).collect();
                let scope = if *own_jobs {
                    " pour les métiers de ce fichier"
                } else {
                    ""
                };
                format!("les coefficients transitoires {}{scope}", list.join(", "))
            }
        };
        let _ = writeln!(
            w.out,
            "<p class=\"replaces\">Écarte {what} : {}</p>",
            escape(&s.reason.node)
        );
    }
}

fn parameter(w: &mut Writer, doc: &Document, p: &Parameter) {
    let in_force = p.values.iter().rposition(|v| v.from.node <= doc.as_of);
    let _ = writeln!(
        w.out,
        "<table>\n<tr><th>depuis le</th><th>valeur</th><th>par</th></tr>"
    );
    for (i, v) in p.values.iter().enumerate() {
        let class = if Some(i) == in_force {
            " class=\"in-force\""
        } else {
            ""
        };
        let cited = v.cited.as_ref().map_or(String::new(), |c| escape(&c.node));
        let _ = writeln!(
            w.out,
            "<tr{class}><td>{}</td><td>{}</td><td>{cited}</td></tr>",
            v.from.node,
            escape(text(doc, v.value.span))
        );
    }
    w.out.push_str("</table>\n");
    match in_force {
        Some(i) => w.p(
            "field",
            &format!(
                "En vigueur au {} : <b>{}</b>",
                doc.as_of,
                escape(text(doc, p.values[i].value.span))
            ),
        ),
        None => w.p("field", &format!("Aucune valeur au {}", doc.as_of)),
    }
    if let Some(k) = &p.known_until {
        w.p("field", &format!("Connu jusqu'au {}", k.node));
    }
}

fn table(w: &mut Writer, doc: &Document, t: &Table) {
    let in_force = t.versions.iter().rposition(|v| v.from.node <= doc.as_of);
    let dates: Vec<String> = t.versions.iter().map(|v| v.from.node.to_string()).collect();
    w.p(
        "field",
        &format!("Versions depuis le : {}", dates.join(", ")),
    );
    let Some(i) = in_force else {
        w.p("field", &format!("Aucune version au {}", doc.as_of));
        return;
    };
    let v = &t.versions[i];
    w.p(
        "field",
        &format!(
            "Version en vigueur au {} : depuis le {}",
            doc.as_of, v.from.node
        ),
    );
    let _ = writeln!(
        w.out,
        "<table class=\"in-force\">\n<tr><th>coefficient</th><th>valeur</th></tr>"
    );
    for (c, value) in &v.rows {
        let _ = writeln!(
            w.out,
            "<tr><td>{}</td><td>{}</td></tr>",
            c.node,
            escape(text(doc, value.span))
        );
    }
    w.out.push_str("</table>\n");
}

fn classification(w: &mut Writer, doc: &Document, c: &Classification) {
    let _ = writeln!(w.out, "<ol>");
    for f in &c.floors {
        let _ = writeln!(
            w.out,
            "<li><code>{}</code></li>",
            escape(text(doc, f.span).lines().next().unwrap_or(""))
        );
        if let Some(cite) = &f.source {
            w.cite(cite);
        }
    }
    for t in &c.transitional {
        let _ = writeln!(
            w.out,
            "<li><code>{}</code></li>",
            escape(text(doc, t.span).lines().next().unwrap_or(""))
        );
        if let Some(cite) = &t.source {
            w.cite(cite);
        }
    }
    let _ = writeln!(w.out, "</ol>");
    if c.highest_wins.is_some() {
        w.p("field", "Le plus élevé des planchers l'emporte.");
    }
}

pub(super) fn examples_where(
    doc: &Document,
    keep: impl Fn(&Example) -> bool,
) -> Vec<(String, String)> {
    doc.named
        .items
        .iter()
        .filter_map(|i| match i {
            Item::Example(e) if keep(e) => Some((
                anchor("example", &e.span.start.to_string()),
                e.title.node.clone(),
            )),
            _ => None,
        })
        .collect()
}

/// Where a parameter or a table is read, by the declarations of the file.
fn used_by(w: &mut Writer, doc: &Document, item: &Item) {
    let name = match item {
        Item::Parameter(p) => &p.name.node,
        Item::Table(t) => &t.name.node,
        _ => return,
    };
    let users: Vec<_> = doc
        .named
        .items
        .iter()
        .filter(|i| links::names_read(i).contains(name))
        .map(|i| {
            let (to, _, title) = links::name(i);
            (to, title)
        })
        .collect();
    if users.is_empty() {
        w.p("field", "Lu par aucune règle de ce fichier.");
    }
    w.links("Lu par :", &users);
}

/// For an amendment: the declaration of the amended file this one replaces.
fn replaces(w: &mut Writer, doc: &Document, item: &Item) {
    let Some(base) = &doc.base else {
        return;
    };
    let (id, kind, _) = links::name(item);
    if matches!(
        item,
        Item::Agreement(_) | Item::Example(_) | Item::Amends(_) | Item::UnderLaw(_)
    ) {
        return;
    }
    let Some(old) = base.items.iter().find(|b| {
        let (other, other_kind, _) = links::name(b);
        other == id && other_kind == kind
    }) else {
        if !matches!(item, Item::Provision(_)) {
            w.p(
                "replaces",
                &format!(
                    "Nouveau : <code>{}</code> n'a pas cette déclaration.",
                    escape(&base.file.name)
                ),
            );
        }
        return;
    };
    let before = base
        .file
        .text
        .get(old.span().start..old.span().end)
        .unwrap_or("");
    let _ = writeln!(
        w.out,
        "<div class=\"replaces\"><p>Remplace la déclaration de <code>{}</code>, ligne {} :</p><pre><code>{}</code></pre></div>",
        escape(&base.file.name),
        base.line(old.span().start),
        escape(before)
    );
}
