//! Weaving comments and blank lines back between the lines of code.
//!
//! Comments and blank-line groups are placed by their byte position in the
//! source, relative to the source bytes each line of code prints:
//! - an own-line comment goes before the first line that follows it, at that
//!   line's indentation, unless it was indented deeper than that line: then it
//!   ends the block above it and keeps its depth (snapped to the block's levels);
//! - an end-of-line comment stays at the end of the line it followed, after the
//!   gap the source left (at least two spaces), and lines whose comments were
//!   aligned stay aligned; one that ends up inside a line (a formula joined from
//!   several lines) moves above that line;
//! - one blank line is kept wherever the source had one or more between two
//!   lines, never inside an alias list, never at the start or the end.

use std::collections::VecDeque;

use super::lines::Line;
use crate::span::Span;
use crate::syntax::trivia::Trivia;

struct Comment {
    start: usize,
    end: usize,
    text: String,
    own_line: bool,
    /// Column in the source, in characters from 0.
    column: usize,
    /// Output column of an end-of-line comment.
    at: usize,
}

enum Out {
    Code { line: Line, eol: Option<Comment> },
    Comment { indent: usize, text: String },
    Blank,
}

struct Weaver<'a> {
    src: &'a str,
    comments: VecDeque<Comment>,
    blanks: Vec<Span>,
    out: Vec<Out>,
    /// Where the last thing written ended in the source.
    last_end: Option<usize>,
    /// The indentation under the last line of code written.
    last_inner: Option<usize>,
}

pub(super) fn weave(src: &str, lines: Vec<Line>, trivia: &[Trivia]) -> String {
    let mut weaver = Weaver::new(src, trivia);
    for line in lines {
        weaver.line(line);
    }
    weaver.rest();
    render(weaver.out)
}

impl<'a> Weaver<'a> {
    fn new(src: &'a str, trivia: &[Trivia]) -> Self {
        let mut comments = VecDeque::new();
        let mut blanks = Vec::new();
        for t in trivia {
            match t {
                Trivia::Comment {
                    span,
                    text,
                    own_line,
                } => comments.push_back(Comment {
                    start: span.start,
                    end: span.end,
                    text: text.clone(),
                    own_line: *own_line,
                    column: column(src, span.start),
                    at: 0,
                }),
                Trivia::BlankLines { span } => blanks.push(*span),
            }
        }
        Weaver {
            src,
            comments,
            blanks,
            out: Vec::new(),
            last_end: None,
            last_inner: None,
        }
    }

    fn line(&mut self, line: Line) {
        while let Some(c) = self.comments.pop_front() {
            if c.start >= line.end {
                self.comments.push_front(c);
                break;
            }
            let indent = if c.start < line.start {
                self.comment_indent(c.column, line.indent)
            } else {
                line.indent
            };
            self.comment(c, indent, line.continued);
        }
        self.blank_before(line.start, line.continued);
        self.last_end = Some(line.end);
        self.last_inner = Some(line.inner);
        let eol = self.end_of_line(&line);
        if let Some(c) = &eol {
            self.last_end = Some(c.end);
        }
        self.out.push(Out::Code { line, eol });
    }

    /// Comments after the last line of code.
    fn rest(&mut self) {
        while let Some(c) = self.comments.pop_front() {
            let indent = self.comment_indent(c.column, 0);
            self.comment(c, indent, false);
        }
    }

    fn comment(&mut self, c: Comment, indent: usize, continued: bool) {
        self.blank_before(c.start, continued);
        self.last_end = Some(c.end);
        self.out.push(Out::Comment {
            indent,
            text: c.text,
        });
    }

    /// A comment indented deeper than the next line ends the block above it.
    fn comment_indent(&self, column: usize, next: usize) -> usize {
        match self.last_inner {
            Some(inner) if column > next => (column / 2 * 2).min(inner).max(next),
            _ => next,
        }
    }

    fn blank_before(&mut self, start: usize, continued: bool) {
        let Some(last) = self.last_end else {
            return;
        };
        // Blank-line groups are disjoint and in order: only the first after `last` can fit.
        let next = self.blanks.partition_point(|b| b.start < last);
        let had_blank = self.blanks.get(next).is_some_and(|b| b.end <= start);
        if had_blank && !continued && !matches!(self.out.last(), Some(Out::Blank)) {
            self.out.push(Out::Blank);
        }
    }

    /// The comment written after this line's code in the source, if any.
    fn end_of_line(&mut self, line: &Line) -> Option<Comment> {
        let c = self.comments.front()?;
        let between = self.src.get(line.end..c.start)?;
        // What may sit between the code a line prints and its comment: punctuation
        // the tree does not record.
        let only_punctuation = between
            .chars()
            .all(|ch| ch != '\n' && (ch.is_whitespace() || ",:)]".contains(ch)));
        if c.own_line || !only_punctuation {
            return None;
        }
        let mut c = self.comments.pop_front()?;
        // Keep the gap the source left between the code and its comment.
        let gap = between
            .chars()
            .rev()
            .take_while(|ch| ch.is_whitespace())
            .count();
        c.at = width(line) + gap;
        Some(c)
    }
}

fn render(mut out: Vec<Out>) -> String {
    align_end_of_line(&mut out);
    let mut text = String::new();
    for item in &out {
        match item {
            Out::Code { line, eol } => {
                let code = format!("{}{}", " ".repeat(line.indent), line.text);
                text.push_str(&code);
                if let Some(c) = eol {
                    let pad = c.at - code.chars().count();
                    text.push_str(&format!("{}#{}", " ".repeat(pad), c.text));
                }
            }
            Out::Comment { indent, text: t } => {
                text.push_str(&format!("{}#{t}", " ".repeat(*indent)));
            }
            Out::Blank => {}
        }
        text.push('\n');
    }
    text
}

/// Sets each end-of-line comment's output column: the source's gap after the
/// code, at least two spaces, and the same column for consecutive lines whose
/// comments shared a source column. Stable: formatting the output again finds
/// the same columns.
fn align_end_of_line(out: &mut [Out]) {
    let mut i = 0;
    while i < out.len() {
        let Some(column) = eol_column(&out[i]) else {
            i += 1;
            continue;
        };
        let run = out[i..]
            .iter()
            .take_while(|o| eol_column(o) == Some(column))
            .count();
        let target = out[i..i + run]
            .iter()
            .map(needed_column)
            .max()
            .unwrap_or(column);
        for o in &mut out[i..i + run] {
            if let Out::Code { eol: Some(c), .. } = o {
                c.at = target;
            }
        }
        i += run;
    }
}

fn eol_column(o: &Out) -> Option<usize> {
    match o {
        Out::Code { eol: Some(c), .. } => Some(c.column),
        _ => None,
    }
}

fn needed_column(o: &Out) -> usize {
    match o {
        Out::Code { line, eol: Some(c) } => c.at.max(width(line) + 2),
        _ => 0,
    }
}

/// The column of a byte offset, in characters; scans back to the line start only.
fn column(src: &str, at: usize) -> usize {
    let line_start = src[..at].rfind('\n').map_or(0, |i| i + 1);
    src[line_start..at].chars().count()
}

fn width(line: &Line) -> usize {
    line.indent + line.text.chars().count()
}
