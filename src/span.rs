//! Source locations.

use std::cell::Cell;
use std::fmt;

/// A byte range in a source file. Two spans are equal when they cover the
/// same bytes; [`ignoring_spans`] compares values as if every span were equal
/// (the formatter's round trip: the same declarations, laid out anew).
#[derive(Clone, Copy, Default, Eq)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    pub fn same_place(self, other: Span) -> bool {
        self.start == other.start && self.end == other.end
    }

    pub fn len(self) -> usize {
        self.end.saturating_sub(self.start)
    }

    pub fn is_empty(self) -> bool {
        self.len() == 0
    }

    /// The same length, `by` bytes further.
    pub fn shifted(self, by: usize) -> Span {
        Span::new(self.start + by, self.end + by)
    }

    /// The same length, `by` bytes earlier.
    pub fn unshifted(self, by: usize) -> Span {
        Span::new(self.start.saturating_sub(by), self.end.saturating_sub(by))
    }

    /// The smallest span holding both.
    pub fn join(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }
}

impl PartialEq for Span {
    fn eq(&self, other: &Span) -> bool {
        self.same_place(*other) || SPANS_IGNORED.with(Cell::get)
    }
}

impl std::hash::Hash for Span {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.start.hash(state);
        self.end.hash(state);
    }
}

thread_local! {
    /// Set while [`ignoring_spans`] runs on this thread.
    static SPANS_IGNORED: Cell<bool> = const { Cell::new(false) };
}

/// Runs `compare` with every span equal to every other, on this thread: for
/// comparing what two texts say whatever their layout (the formatter checks
/// its output parses back to the declarations it was given). Hashes are not
/// affected: compare, do not hash, under it.
pub fn ignoring_spans<R>(compare: impl FnOnce() -> R) -> R {
    /// Restores the flag even if `compare` unwinds.
    struct Restore(bool);
    impl Drop for Restore {
        fn drop(&mut self) {
            SPANS_IGNORED.with(|ignored| ignored.set(self.0));
        }
    }
    let _restore = Restore(SPANS_IGNORED.with(|ignored| ignored.replace(true)));
    compare()
}

impl fmt::Debug for Span {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "@{}..{}", self.start, self.end)
    }
}

impl From<Span> for miette::SourceSpan {
    fn from(span: Span) -> Self {
        miette::SourceSpan::new(span.start.into(), span.len())
    }
}

impl From<pest::Span<'_>> for Span {
    fn from(span: pest::Span<'_>) -> Self {
        Span::new(span.start(), span.end())
    }
}

/// A value and where it was written.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Spanned<T> {
    pub node: T,
    pub span: Span,
}

impl<T> Spanned<T> {
    pub fn new(node: T, span: Span) -> Self {
        Spanned { node, span }
    }
}

impl<T: fmt::Debug> fmt::Debug for Spanned<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?} {:?}", self.node, self.span)
    }
}

/// Line and column (both from 1) of a byte offset, columns counted in characters.
#[cfg_attr(not(feature = "internals"), allow(dead_code))]
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = &text[..floor_char_boundary(text, offset)];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let col = before[line_start..].chars().count() + 1;
    (line, col)
}

#[cfg_attr(not(feature = "internals"), allow(dead_code))]
fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn spans_are_equal_when_they_cover_the_same_bytes() {
        assert!(Span::new(3, 5) == Span::new(3, 5));
        assert!(Span::new(3, 5) != Span::new(3, 6));
        assert!(Spanned::new("a", Span::new(0, 1)) != Spanned::new("a", Span::new(4, 5)));
        let set: HashSet<Span> = [Span::new(0, 1), Span::new(4, 5), Span::new(0, 1)].into();
        assert_eq!(set.len(), 2);
    }

    #[test]
    fn ignoring_spans_compares_what_is_written_only_while_it_runs() {
        let (here, there) = (
            Spanned::new("a", Span::new(0, 1)),
            Spanned::new("a", Span::new(4, 5)),
        );
        assert!(ignoring_spans(|| here == there));
        assert!(!ignoring_spans(
            || here == Spanned::new("b", Span::new(4, 5))
        ));
        assert!(here != there, "the spans count again afterwards");
        let unwound = std::panic::catch_unwind(|| ignoring_spans(|| panic!("in the comparison")));
        assert!(unwound.is_err());
        assert!(here != there, "and after a panic inside");
    }
}
