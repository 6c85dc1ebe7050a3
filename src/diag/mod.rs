//! Diagnostics: every problem grille reports about a rule file, with its place.
//!
//! One type serves the parser and the checker. A [`Diagnostic`] names its
//! [`Code`] (documented in the README), says what is wrong in a sentence, labels
//! the exact span, and offers a help line. The checker's diagnostics are made from
//! a [`Kind`], the data of what it found ([`Kind::at`]); the parser's carry the
//! words of the grammar. [`Report`] ties diagnostics to their source file and
//! renders them with miette.

mod brief;
pub mod code;
pub mod criteria;
mod excerpt;
pub mod facts;
pub mod grids;
pub mod kind;
pub mod trials;
mod words;

pub use code::Code;
pub use kind::Kind;

pub use crate::catalogue::{Lang, Said};

use std::fmt;
use std::sync::Arc;

use crate::report::{for_people, masked_for_people};
use crate::span::Span;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Warning,
    Error,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    /// A stable code such as `grille::unknown-name`.
    pub code: Code,
    pub message: String,
    pub span: Span,
    pub label: String,
    pub help: Option<String>,
    /// Other places worth showing (the first declaration of a duplicate…).
    pub related: Vec<(Span, String)>,
    /// What the checker found, as data, when it made the diagnostic from a [`Kind`]:
    /// warnings of one kind are grouped on one line by it ([`Report::render_brief`]).
    pub kind: Option<Box<Kind>>,
    /// The message, label, help and related labels in French. The fields above
    /// are English (the JSON of `check --format json` and the API keep them);
    /// every constructor takes both wordings ([`Said`]), so neither is missing.
    pub french: Box<French>,
}

/// A diagnostic's words in French, field by field as in [`Diagnostic`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct French {
    pub message: String,
    pub label: String,
    pub help: Option<String>,
    /// The labels of [`Diagnostic::related`], in its order.
    pub related: Vec<String>,
}

impl Diagnostic {
    pub fn error(code: Code, span: Span, message: impl Into<Said>) -> Self {
        let message = message.into();
        Diagnostic {
            severity: Severity::Error,
            code,
            message: message.en,
            span,
            label: String::new(),
            help: None,
            related: Vec::new(),
            kind: None,
            french: Box::new(French {
                message: message.fr,
                ..French::default()
            }),
        }
    }

    pub fn warning(code: Code, span: Span, message: impl Into<Said>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(code, span, message)
        }
    }

    pub fn label(mut self, label: impl Into<Said>) -> Self {
        let label = label.into();
        self.label = label.en;
        self.french.label = label.fr;
        self
    }

    pub fn help(mut self, help: impl Into<Said>) -> Self {
        let help = help.into();
        self.help = Some(help.en);
        self.french.help = Some(help.fr);
        self
    }

    pub fn related(mut self, span: Span, label: impl Into<Said>) -> Self {
        let label = label.into();
        self.related.push((span, label.en));
        self.french.related.push(label.fr);
        self
    }

    /// The message in `lang`.
    pub fn message_in(&self, lang: Lang) -> &str {
        match lang {
            Lang::Fr => &self.french.message,
            Lang::En => &self.message,
        }
    }

    /// The diagnostic with its words in `lang` in the English fields, to render.
    pub fn in_lang(&self, lang: Lang) -> Diagnostic {
        let mut said = self.clone();
        if lang == Lang::Fr {
            let french = &self.french;
            said.message.clone_from(&french.message);
            said.label.clone_from(&french.label);
            said.help.clone_from(&french.help);
            for ((_, label), fr) in said.related.iter_mut().zip(&french.related) {
                label.clone_from(fr);
            }
        }
        said
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// The same diagnostic with every span moved by `by` bytes.
    pub fn shifted(mut self, by: usize) -> Self {
        self.span = self.span.shifted(by);
        for (span, _) in &mut self.related {
            *span = span.shifted(by);
        }
        self
    }
}

/// A source file: its name as the user gave it and its text.
#[derive(Debug, Clone)]
pub struct SourceFile {
    pub name: Arc<str>,
    pub text: Arc<str>,
    /// Byte offset of each line's start: locations are looked up, not rescanned.
    line_starts: Arc<[usize]>,
    /// For each block of [`LINE_BLOCK`] bytes, how many lines start at or before
    /// its first byte: a trace locates every step, and a search over all the
    /// lines cost more than the rest of a step.
    lines_before_block: Arc<[usize]>,
}

const LINE_BLOCK: usize = 64;

impl SourceFile {
    pub fn new(name: impl Into<Arc<str>>, text: impl Into<Arc<str>>) -> Self {
        let text: Arc<str> = text.into();
        let line_starts: Arc<[usize]> = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        let mut seen = 0;
        let lines_before_block = (0..=text.len())
            .step_by(LINE_BLOCK)
            .map(|block_start| {
                seen += line_starts
                    .get(seen..)
                    .map_or(0, |rest| count_at_or_before(rest, block_start));
                seen
            })
            .collect();
        SourceFile {
            name: name.into(),
            text,
            line_starts,
            lines_before_block,
        }
    }

    /// The line (from 1) of a byte offset.
    pub fn line_of(&self, offset: usize) -> usize {
        match self.lines_before_block.get(offset / LINE_BLOCK) {
            Some(&before) => {
                let rest = self.line_starts.get(before..).unwrap_or_default();
                before + count_at_or_before(rest, offset)
            }
            None => self.line_starts.partition_point(|start| *start <= offset),
        }
        .max(1)
    }

    /// Byte offset where a line (from 1) starts; `None` past the last line.
    pub fn line_start(&self, line: usize) -> Option<usize> {
        self.line_starts.get(line.checked_sub(1)?).copied()
    }

    /// Where the line holding `offset` starts, and where it ends (its `\n`, or
    /// the end of the text).
    pub fn line_bounds(&self, offset: usize) -> (usize, usize) {
        let line = self.line_of(offset);
        let start = self.line_start(line).unwrap_or(0);
        let end = self
            .line_start(line + 1)
            .map_or(self.text.len(), |next| next - 1);
        (start, end)
    }

    /// Line and column (from 1, columns in characters) of a byte offset.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let line = self.line_of(offset);
        let start = self.line_starts[line - 1];
        let end = offset.min(self.text.len()).max(start);
        let column = self
            .text
            .get(start..end)
            .map_or(end - start, |t| t.chars().count())
            + 1;
        (line, column)
    }

    /// Where a span starts, cheap to make and to keep (a trace has many).
    pub fn locate(&self, span: Span) -> Location {
        let (line, column) = self.line_col(span.start);
        Location {
            file: self.name.clone(),
            line,
            column,
        }
    }

    /// Where a span starts, located only when shown (see [`Place`]).
    pub fn place(&self, span: Span) -> Place<'_> {
        Place {
            file: self,
            offset: span.start,
        }
    }

    /// `file:line:column` of a span's start.
    pub fn location(&self, span: Span) -> String {
        let (line, col) = self.line_col(span.start);
        format!("{}:{}:{}", self.name, line, col)
    }
}

/// How many of the sorted `starts` are at or before `offset`, counted from the
/// front: the caller gives the few that may be.
fn count_at_or_before(starts: &[usize], offset: usize) -> usize {
    starts.iter().take_while(|start| **start <= offset).count()
}

/// `file:line:column`, as traces and messages write it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    pub file: Arc<str>,
    pub line: usize,
    pub column: usize,
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:{}", self.file, self.line, self.column)
    }
}

impl serde::Serialize for Location {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// A place in a source file, shown as [`Location`] shows it. Line and column
/// are worked out only when it is shown: a trace names the rule of every step,
/// and most traces are written out once, if at all.
#[derive(Clone, Copy)]
pub struct Place<'a> {
    file: &'a SourceFile,
    offset: usize,
}

impl<'a> Place<'a> {
    pub fn file_name(&self) -> &'a str {
        &self.file.name
    }

    /// Line and column, from 1 (columns in characters).
    pub fn line_col(&self) -> (usize, usize) {
        self.file.line_col(self.offset)
    }
}

impl fmt::Display for Place<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (line, column) = self.line_col();
        write!(f, "{}:{}:{}", self.file.name, line, column)
    }
}

impl fmt::Debug for Place<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("Place")
            .field(&format_args!("{self}"))
            .finish()
    }
}

/// Places are equal when they show the same: the same file name, line and column.
impl PartialEq for Place<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.file.name == other.file.name
            && self.file.line_col(self.offset) == other.file.line_col(other.offset)
    }
}

impl Eq for Place<'_> {}

impl serde::Serialize for Place<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// The diagnostics of one file, ready to render.
#[derive(Debug, Clone)]
pub struct Report {
    pub file: SourceFile,
    pub diagnostics: Vec<Diagnostic>,
}

impl Report {
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }

    pub fn count(&self, severity: Severity) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == severity)
            .count()
    }

    /// Renders every diagnostic for a person, in English; `color` for a terminal.
    pub fn render(&self, color: bool) -> String {
        self.render_in(color, Lang::En)
    }

    /// Renders every diagnostic for a person in `lang`; `color` for a terminal.
    pub fn render_in(&self, color: bool, lang: Lang) -> String {
        let theme = if color {
            miette::GraphicalTheme::unicode()
        } else {
            miette::GraphicalTheme::unicode_nocolor()
        };
        let handler = miette::GraphicalReportHandler::new_themed(theme)
            .with_width(100)
            .with_links(false);
        let mut out = String::new();
        // What the rule file holds is shown escaped (see `for_people`); the
        // masking keeps every byte offset, so the spans still point right.
        let masked = SourceFile::new(
            for_people(&self.file.name).into_owned(),
            masked_for_people(&self.file.text).into_owned(),
        );
        let excerpts = excerpt::Excerpts::new(&masked);
        for diagnostic in &self.diagnostics {
            let diagnostic = &diagnostic.in_lang(lang);
            if self.spans_long_lines(diagnostic) {
                out.push_str(&self.plain(diagnostic, lang));
                continue;
            }
            let one = Rendered {
                diagnostic,
                source: &excerpts,
            };
            let mut rendered = String::new();
            if handler.render_report(&mut rendered, &one).is_err() {
                // Rendering into a String cannot fail; keep a plain line if it ever does.
                rendered = format!(
                    "{}: {}\n",
                    for_people(&self.file.location(diagnostic.span)),
                    for_people(&diagnostic.message)
                );
            }
            out.push_str(&help_word_in(&rendered, lang));
        }
        out
    }

    /// Whether the lines a diagnostic would quote are too long to show (a generated
    /// or hostile file): then it is rendered without the source lines.
    fn spans_long_lines(&self, d: &Diagnostic) -> bool {
        const LONGEST: usize = 1000;
        let len = self.file.text.len();
        std::iter::once(d.span)
            .chain(d.related.iter().map(|(s, _)| *s))
            .any(|span| {
                let (start, _) = self.file.line_bounds(span.start.min(len));
                let (_, end) = self.file.line_bounds(span.end.min(len));
                end.saturating_sub(start) > LONGEST
            })
    }

    /// One diagnostic on a few lines, without quoting the source.
    fn plain(&self, d: &Diagnostic, lang: Lang) -> String {
        let (severity, help_word, colon) = match (lang, d.is_error()) {
            (Lang::Fr, true) => ("erreur", "aide :", " :"),
            (Lang::Fr, false) => ("avertissement", "aide :", " :"),
            (Lang::En, true) => ("error", "help:", ":"),
            (Lang::En, false) => ("warning", "help:", ":"),
        };
        let mut out = format!(
            "{}{colon} {severity}[{}]{colon} {}\n",
            for_people(&self.file.location(d.span)),
            d.code,
            for_people(&d.message)
        );
        if !d.label.is_empty() {
            out.push_str(&format!("  {}\n", for_people(&d.label)));
        }
        if let Some(help) = &d.help {
            out.push_str(&format!("  {help_word} {}\n", for_people(help)));
        }
        out
    }

    /// The diagnostics as data, for tools.
    pub fn to_json(&self) -> serde_json::Value {
        let items: Vec<_> = self
            .diagnostics
            .iter()
            .map(|d| {
                let (line, column) = self.file.line_col(d.span.start);
                serde_json::json!({
                    "file": self.file.name,
                    "severity": d.severity,
                    "code": d.code,
                    "message": d.message,
                    "line": line,
                    "column": column,
                    "start": d.span.start,
                    "end": d.span.end,
                    "label": d.label,
                    "help": d.help,
                })
            })
            .collect();
        serde_json::Value::Array(items)
    }
}

/// miette writes `help:` before the help line, in English: in French, the line
/// starts with `aide :` instead (only where miette puts it, at a line's start,
/// after its colour codes), and the lines it wraps onto move one column right
/// with it. The help is the last part of a diagnostic miette draws.
fn help_word_in(rendered: &str, lang: Lang) -> std::borrow::Cow<'_, str> {
    const MIETTE: &str = "  help: ";
    const WRAPPED: &str = "        ";
    if lang == Lang::En || !rendered.contains(MIETTE) {
        return rendered.into();
    }
    let mut in_help = false;
    let lines: Vec<String> = rendered
        .split('\n')
        .map(|line| {
            let codes = line.len() - line.trim_start_matches(ansi_code_char).len();
            let (colours, rest) = line.split_at(codes);
            if let Some(after) = rest.strip_prefix(MIETTE) {
                in_help = true;
                format!("{colours}  aide : {after}")
            } else if in_help && line.starts_with(WRAPPED) {
                format!(" {line}")
            } else {
                line.to_string()
            }
        })
        .collect();
    lines.join("\n").into()
}

/// The characters colour codes are made of (`ESC [ 1 ; 32 m`).
fn ansi_code_char(c: char) -> bool {
    c == '\u{1b}' || c == '[' || c == ';' || c == 'm' || c.is_ascii_digit()
}

/// One diagnostic with its source, as miette wants it.
struct Rendered<'a> {
    diagnostic: &'a Diagnostic,
    source: &'a excerpt::Excerpts<'a>,
}

impl fmt::Debug for Rendered<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.diagnostic.fmt(f)
    }
}

impl fmt::Display for Rendered<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&for_people(&self.diagnostic.message))
    }
}

impl std::error::Error for Rendered<'_> {}

impl miette::Diagnostic for Rendered<'_> {
    fn code<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        Some(Box::new(self.diagnostic.code))
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.diagnostic.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
        })
    }

    fn help<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        self.diagnostic
            .help
            .as_ref()
            .map(|h| Box::new(for_people(h)) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        Some(self.source)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = miette::LabeledSpan> + '_>> {
        let d = self.diagnostic;
        let main = std::iter::once(miette::LabeledSpan::new_primary_with_span(
            (!d.label.is_empty()).then(|| for_people(&d.label).into_owned()),
            d.span,
        ));
        let related = d.related.iter().map(|(span, label)| {
            miette::LabeledSpan::new_with_span(Some(for_people(label).into_owned()), *span)
        });
        Some(Box::new(main.chain(related)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn block_index_finds_the_line_a_search_finds() {
        let text = format!("{}\n\n\n{}\néé\n", "x".repeat(150), "\n".repeat(70));
        let file = SourceFile::new("f", text.as_str());
        for offset in 0..text.len() + 100 {
            let searched = file.line_starts.partition_point(|s| *s <= offset).max(1);
            assert_eq!(file.line_col(offset).0, searched, "offset {offset}");
        }
    }

    #[test]
    fn indexed_locations_match_a_scan() {
        let text = "ab\nçé\n\n  x\n";
        let file = SourceFile::new("f", text);
        for offset in [0, 1, 3, 5, 7, 8, 10, 11, text.len()] {
            assert_eq!(
                file.line_col(offset),
                crate::span::line_col(text, offset),
                "offset {offset}"
            );
        }
    }

    #[test]
    fn a_place_shows_what_a_location_shows() {
        let text = "ab\nçé x\n";
        let file = SourceFile::new("rules/f.grille", text);
        for offset in 0..=text.len() {
            let span = Span::new(offset, offset);
            let (place, location) = (file.place(span), file.locate(span));
            assert_eq!(place.to_string(), location.to_string());
            assert_eq!(
                serde_json::to_string(&place).unwrap(),
                serde_json::to_string(&location).unwrap()
            );
        }
        let moved = SourceFile::new("rules/f.grille", "abc\nçé x\n");
        assert_eq!(file.place(Span::new(3, 3)), moved.place(Span::new(4, 4)));
        assert_ne!(file.place(Span::new(3, 3)), moved.place(Span::new(3, 3)));
    }
}
