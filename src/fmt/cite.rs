//! A declaration's `source`, and the quote and the reading written beside it.
//!
//! The quote and the reading stand at the source's indentation, right after it;
//! a text written over several strings keeps one string a line, the strings
//! after the first indented under the keyword, as the author split them.

use super::lines::Line;
use super::words::{quote, Printer};
use crate::syntax::ast::{Source, Words};
use crate::syntax::keywords;

impl Printer<'_> {
    pub(super) fn source(&self, indent: usize, source: &Source) -> Vec<Line> {
        let Some(cite) = source else {
            return Vec::new();
        };
        let text = format!("{} {}", self.kw(keywords::SOURCE), quote(&cite.node));
        let mut out = vec![Line::leaf(indent, text, cite.span.start, cite.span.end)];
        let beside = [
            (self.kw(keywords::QUOTE), &cite.quote),
            (self.kw(keywords::READING), &cite.reading),
        ];
        let mut beside: Vec<_> = beside
            .into_iter()
            .filter_map(|(keyword, words)| Some((keyword, words.as_ref()?)))
            .collect();
        // In the order written: the output parses back to the same tree either way.
        beside.sort_by_key(|(_, words)| words.span.start);
        for (keyword, words) in beside {
            out.extend(self.words(indent, keyword, words));
        }
        out
    }

    fn words(&self, indent: usize, keyword: &str, words: &Words) -> Vec<Line> {
        words
            .lines
            .iter()
            .enumerate()
            .map(|(i, s)| {
                let (text, indent, start) = match i {
                    0 => (
                        format!("{keyword} {}", quote(&s.node)),
                        indent,
                        words.span.start,
                    ),
                    _ => (quote(&s.node), indent + 2, s.span.start),
                };
                Line {
                    continued: i > 0,
                    ..Line::leaf(indent, text, start, s.span.end)
                }
            })
            .collect()
    }
}
