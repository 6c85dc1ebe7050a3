//! The source lines a rendered diagnostic quotes, found through the file's line
//! index. miette reads a span's context by scanning the text from its start: a
//! report of thousands of diagnostics on a large generated file took minutes.
//! [`Excerpts`] hands miette only the few lines around each span, and says
//! where they are in the file, so the rendering is the same and costs the same
//! for the first line as for the last.

use miette::{MietteError, MietteSpanContents, SourceCode, SourceSpan, SpanContents};

use super::SourceFile;

pub(super) struct Excerpts<'a> {
    file: &'a SourceFile,
    /// Whether lines break only at `\n`, as the line index counts them (miette
    /// also breaks at a lone `\r`; such a file is read the slow way).
    indexed: bool,
}

impl<'a> Excerpts<'a> {
    pub(super) fn new(file: &'a SourceFile) -> Self {
        let bytes = file.text.as_bytes();
        let lone_cr = bytes
            .iter()
            .enumerate()
            .any(|(i, b)| *b == b'\r' && bytes.get(i + 1) != Some(&b'\n'));
        Excerpts {
            file,
            indexed: !lone_cr,
        }
    }
}

impl SourceCode for Excerpts<'_> {
    fn read_span<'b>(
        &'b self,
        span: &SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<Box<dyn SpanContents<'b> + 'b>, MietteError> {
        let text: &'b str = &self.file.text;
        let end = span.offset() + span.len();
        // A few lines more than asked on each side: miette trims them as it
        // would in the whole text.
        let (start, stop, lines_before) = if self.indexed && end <= text.len() {
            let first = self.file.line_of(span.offset());
            let last = self.file.line_of(end);
            let from = first.saturating_sub(context_lines_before + 2).max(1);
            let to = last + context_lines_after + 2;
            let start = self.file.line_start(from).unwrap_or(0);
            let stop = self.file.line_start(to).unwrap_or(text.len());
            (start, stop, from - 1)
        } else {
            (0, text.len(), 0)
        };
        let window = text.get(start..stop).unwrap_or(text);
        let local = SourceSpan::new((span.offset().saturating_sub(start)).into(), span.len());
        let inner = window.read_span(&local, context_lines_before, context_lines_after)?;
        let found = SourceSpan::new((inner.span().offset() + start).into(), inner.span().len());
        Ok(Box::new(MietteSpanContents::new_named(
            self.file.name.to_string(),
            inner.data(),
            found,
            inner.line() + lines_before,
            inner.column(),
            inner.line_count() + lines_before,
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every span of a text with CRLF, blank and accented lines reads as miette
    /// reads it in the whole text, with every amount of context.
    #[test]
    fn excerpts_read_what_the_whole_text_reads() {
        let text = "a\r\nbé c\n\n  dd\n\néé\r\n\r\nlast line\n\nx";
        let file = SourceFile::new("f.grille", text);
        let excerpts = Excerpts::new(&file);
        assert!(excerpts.indexed);
        for offset in 0..=text.len() {
            for len in [0, 1, 3, 12] {
                if !text.is_char_boundary(offset) || offset + len > text.len() {
                    continue;
                }
                for context in [0, 1, 2] {
                    let span = SourceSpan::new(offset.into(), len);
                    let whole = text.read_span(&span, context, context).unwrap();
                    let part = excerpts.read_span(&span, context, context).unwrap();
                    let at = format!("offset {offset}, len {len}, context {context}");
                    assert_eq!(whole.data(), part.data(), "{at}");
                    assert_eq!(whole.span(), part.span(), "{at}");
                    assert_eq!(whole.line(), part.line(), "{at}");
                    assert_eq!(whole.column(), part.column(), "{at}");
                    assert_eq!(whole.line_count(), part.line_count(), "{at}");
                }
            }
        }
    }
}
