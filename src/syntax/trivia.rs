//! Comments and blank lines: skipped by the grammar, kept here for the formatter.

use crate::span::Span;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Trivia {
    /// A `# ...` comment; `own_line` when nothing but blanks precede it on its line.
    Comment {
        span: Span,
        text: String,
        own_line: bool,
    },
    /// One or more empty lines, starting at `span.start`.
    BlankLines { span: Span },
}

/// Scans a rule file for comments and blank lines, skipping string literals.
pub fn scan(source: &str) -> Vec<Trivia> {
    let mut out = Vec::new();
    let mut line_start = 0;
    for line in source.split_inclusive('\n') {
        let content = line.trim_end_matches(['\n', '\r']);
        if content.trim().is_empty() {
            match out.last_mut() {
                Some(Trivia::BlankLines { span }) if span.end == line_start => {
                    span.end = line_start + line.len()
                }
                _ => out.push(Trivia::BlankLines {
                    span: Span::new(line_start, line_start + line.len()),
                }),
            }
        } else if let Some(at) = comment_start(content) {
            let own_line = content[..at].trim().is_empty();
            out.push(Trivia::Comment {
                span: Span::new(line_start + at, line_start + content.len()),
                text: content[at + 1..].trim_end().to_string(),
                own_line,
            });
        }
        line_start += line.len();
    }
    out
}

/// Where a comment starts on a line, outside any string literal.
pub(crate) fn comment_start(line: &str) -> Option<usize> {
    let mut in_string = false;
    let mut escaped = false;
    for (i, c) in line.char_indices() {
        match c {
            _ if escaped => escaped = false,
            '\\' if in_string => escaped = true,
            '"' => in_string = !in_string,
            '#' if !in_string => return Some(i),
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_outside_strings_only() {
        let trivia = scan("a \"# not\" # yes\n\n\n# own\n");
        let comments: Vec<_> = trivia
            .iter()
            .filter_map(|t| match t {
                Trivia::Comment { text, own_line, .. } => Some((text.as_str(), *own_line)),
                _ => None,
            })
            .collect();
        assert_eq!(comments, vec![(" yes", false), (" own", true)]);
        let blanks = trivia
            .iter()
            .filter(|t| matches!(t, Trivia::BlankLines { .. }))
            .count();
        assert_eq!(blanks, 1, "two empty lines make one group");
    }
}
