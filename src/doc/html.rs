//! The page: its head (styles for the screen and for A4 paper), the table of
//! contents, one section per declaration, and the small writing helpers.

use std::fmt::Write as _;

use super::sections::{section, Section};
use super::Document;
use crate::diag::Severity;

/// Styles: a readable column on screen; on A4, 2 cm margins, page numbers,
/// no section split across a page where it can be helped.
const STYLE: &str = r#"
@page { size: A4; margin: 20mm 18mm; @bottom-right { content: counter(page); } }
body { font-family: Georgia, "Times New Roman", serif; max-width: 48rem; margin: 2rem auto; padding: 0 1rem; color: #111; line-height: 1.45; }
h1 { font-size: 1.6rem; margin-bottom: .2rem; }
h2 { font-size: 1.15rem; margin: 0 0 .3rem; }
.meta { color: #444; font-size: .9rem; }
nav ol { columns: 2; font-size: .85rem; }
section { border-top: 1px solid #bbb; padding: .6rem 0 .8rem; break-inside: avoid; page-break-inside: avoid; }
.kind { font-variant: small-caps; color: #555; margin-right: .4rem; }
.where { float: right; font-size: .8rem; color: #666; font-family: ui-monospace, monospace; }
.source { font-style: italic; }
blockquote { margin: .3rem 0 .3rem 1rem; padding-left: .6rem; border-left: 3px solid #666; }
.reading { background: #fff6d6; border-left: 3px solid #c9a400; padding: .3rem .6rem; margin: .3rem 0; }
table { border-collapse: collapse; margin: .3rem 0; font-size: .9rem; }
td, th { border: 1px solid #ccc; padding: .1rem .5rem; text-align: left; }
.in-force { font-weight: bold; background: #e8f4e8; }
.diagnostic { padding: .3rem .6rem; margin: .3rem 0; font-size: .9rem; }
.diagnostic.warning { background: #fff0e0; border-left: 3px solid #e08000; }
.diagnostic.error { background: #fde8e8; border-left: 3px solid #c00000; }
.replaces { color: #14527a; font-size: .9rem; }
ul.links { font-size: .9rem; margin: .2rem 0; }
code { font-family: ui-monospace, monospace; font-size: .9em; }
pre { white-space: pre-wrap; overflow-wrap: anywhere; }
@media print { nav { break-after: page; } a { color: inherit; text-decoration: none; } body { margin: 0; max-width: none; } }
"#;

/// The whole page.
pub(super) fn page(doc: &Document) -> String {
    let sections: Vec<Section> = doc
        .named
        .items
        .iter()
        .map(|item| section(doc, item))
        .collect();
    let name = &doc.named.file.name;
    let title = sections
        .iter()
        .find(|s| s.anchor == "agreement")
        .map_or_else(|| name.to_string(), |s| s.title.clone());
    let mut out = String::new();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"fr\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n",
        escape(&title)
    );
    let _ = writeln!(out, "<header>\n<h1>{}</h1>", escape(&title));
    let _ = writeln!(
        out,
        "<p class=\"meta\">Fichier <code>{}</code> · valeurs en vigueur au {} · {} déclarations · {}</p>\n</header>",
        escape(name),
        crate::explain::locale::date(doc.as_of, crate::explain::Lang::Fr),
        sections.len(),
        diagnostics_summary(doc),
    );
    contents(&mut out, &sections);
    for s in &sections {
        out.push_str(&s.html);
    }
    out.push_str("</body>\n</html>\n");
    out
}

fn contents(out: &mut String, sections: &[Section]) {
    out.push_str("<nav>\n<h2>Sommaire</h2>\n<ol>\n");
    for s in sections {
        let _ = writeln!(
            out,
            "<li><a href=\"#{}\">{}</a></li>",
            s.anchor,
            escape(&s.title)
        );
    }
    out.push_str("</ol>\n</nav>\n");
}

fn diagnostics_summary(doc: &Document) -> String {
    let own = super::sections::own_diagnostics(doc);
    let errors = own.iter().filter(|d| d.severity == Severity::Error).count();
    let warnings = own.len() - errors;
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n > 1 { "s" } else { "" });
    format!(
        "{}, {} du vérificateur",
        plural(errors, "erreur"),
        plural(warnings, "avertissement")
    )
}

/// Text for HTML: `&`, `<`, `>`, `"` and `'` escaped; control characters of
/// a hostile file shown as `\u{…}`, never written raw.
pub(super) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if c.is_control() && c != '\n' => {
                let _ = write!(out, "\\u{{{:x}}}", c as u32);
            }
            c => out.push(c),
        }
    }
    out
}

/// An anchor made of an id: letters, digits and `-` kept, the rest as `_`.
pub(super) fn anchor(kind: &str, id: &str) -> String {
    let id: String = id
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' {
                c
            } else {
                '_'
            }
        })
        .collect();
    format!("{kind}-{id}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_cannot_open_a_tag() {
        assert_eq!(
            escape("<script>\"a\" & 'b'\u{7}"),
            "&lt;script&gt;&quot;a&quot; &amp; &#39;b&#39;\\u{7}"
        );
        assert_eq!(anchor("job", "bac+2 é"), "job-bac_2__");
    }
}
