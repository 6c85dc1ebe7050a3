//! The files a rule set was read from.
//!
//! A layered rule set (an amendment over the rules in force, under the law)
//! is read from several files. Each file is parsed at its own offset in one
//! space of positions, so that a [`Span`] alone says which file it is in: the
//! named file first, at offset 0 (a rule set of one file has the positions it
//! always had), then each file it names, one byte apart.

use std::sync::Arc;

use crate::diag::{Diagnostic, Location, Place, Report, SourceFile};
use crate::span::Span;

/// Every file of a rule set, each at its offset.
#[derive(Debug, Clone)]
pub struct Sources {
    files: Arc<[Placed]>,
}

#[derive(Debug, Clone)]
struct Placed {
    base: usize,
    file: SourceFile,
}

impl Sources {
    /// A rule set of one file.
    pub fn one(file: SourceFile) -> Self {
        Sources {
            files: Arc::from([Placed { base: 0, file }]),
        }
    }

    /// Adds a file after those already here; returns the offset its spans start at.
    pub fn push(&mut self, file: SourceFile) -> usize {
        let base = self.end() + 1;
        let mut files = self.files.to_vec();
        files.push(Placed { base, file });
        self.files = files.into();
        base
    }

    /// The offset after the last file.
    fn end(&self) -> usize {
        self.files.last().map_or(0, |p| p.base + p.file.text.len())
    }

    /// The file the rule set was named by (the first one read).
    pub fn main(&self) -> &SourceFile {
        &self.files[0].file
    }

    pub fn files(&self) -> impl Iterator<Item = &SourceFile> {
        self.files.iter().map(|p| &p.file)
    }

    pub fn len(&self) -> usize {
        self.files.len()
    }

    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }

    /// The index of the file holding `offset`.
    pub fn index_of(&self, offset: usize) -> usize {
        self.files
            .partition_point(|p| p.base <= offset)
            .saturating_sub(1)
    }

    fn placed(&self, offset: usize) -> &Placed {
        &self.files[self.index_of(offset)]
    }

    /// The file holding `span`.
    pub fn file_of(&self, span: Span) -> &SourceFile {
        &self.placed(span.start).file
    }

    /// `span` as a span of its own file's text.
    pub fn local(&self, span: Span) -> Span {
        span.unshifted(self.placed(span.start).base)
    }

    /// The text under `span`.
    pub fn text(&self, span: Span) -> &str {
        let placed = self.placed(span.start);
        let local = span.unshifted(placed.base);
        placed.file.text.get(local.start..local.end).unwrap_or("")
    }

    /// `file:line:column` of a span.
    pub fn locate(&self, span: Span) -> Location {
        let placed = self.placed(span.start);
        placed.file.locate(span.unshifted(placed.base))
    }

    /// `file:line:column` of a span, worked out when shown.
    pub fn place(&self, span: Span) -> Place<'_> {
        let placed = self.placed(span.start);
        placed.file.place(span.unshifted(placed.base))
    }

    /// Diagnostics sorted into one report per file (named file first), each
    /// with its own file's positions; files without any are left out, except
    /// the named one.
    pub fn reports(&self, diagnostics: Vec<Diagnostic>) -> Vec<Report> {
        let mut by_file: Vec<Vec<Diagnostic>> = vec![Vec::new(); self.files.len()];
        for d in diagnostics {
            let placed = self.index_of(d.span.start);
            let base = self.files[placed].base;
            let mut d = d;
            d.span = d.span.unshifted(base);
            // A related place in another file cannot be drawn under this one: say where it is.
            let related = std::mem::take(&mut d.related);
            let related_fr = std::mem::take(&mut d.french.related);
            for (i, (span, label)) in related.into_iter().enumerate() {
                let fr = related_fr.get(i).cloned().unwrap_or_default();
                if self.index_of(span.start) == placed {
                    d.related.push((span.unshifted(base), label));
                    d.french.related.push(fr);
                } else {
                    let place = self.locate(span);
                    d.label = format!("{} ({label}: {place})", d.label);
                    d.french.label = format!("{} ({fr} : {place})", d.french.label);
                }
            }
            by_file[placed].push(d);
        }
        by_file
            .into_iter()
            .zip(self.files.iter())
            .enumerate()
            .filter(|(i, (d, _))| *i == 0 || !d.is_empty())
            .map(|(_, (diagnostics, p))| Report {
                file: p.file.clone(),
                diagnostics,
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_span_finds_its_file_and_line() {
        let mut sources = Sources::one(SourceFile::new("a.grille", "one\ntwo\n"));
        let base = sources.push(SourceFile::new("b.grille", "x\ny\nz"));
        assert_eq!(base, 9);
        assert_eq!(sources.locate(Span::new(4, 7)).to_string(), "a.grille:2:1");
        assert_eq!(
            sources.locate(Span::new(base + 4, base + 5)).to_string(),
            "b.grille:3:1"
        );
        assert_eq!(sources.text(Span::new(base + 2, base + 3)), "y");
        // The end of the first file is still the first file.
        assert_eq!(sources.file_of(Span::new(8, 8)).name.as_ref(), "a.grille");
    }

    #[test]
    fn diagnostics_go_to_their_file_with_local_positions() {
        let mut sources = Sources::one(SourceFile::new("a.grille", "aaaa"));
        let base = sources.push(SourceFile::new("b.grille", "bbbb"));
        let d = Diagnostic::error(
            crate::diag::Code::Syntax,
            Span::new(base + 1, base + 2),
            ("x", "x"),
        )
        .related(Span::new(0, 1), ("d'abord ici", "first here"));
        let reports = sources.reports(vec![d]);
        assert_eq!(reports.len(), 2);
        assert!(reports[0].diagnostics.is_empty());
        assert_eq!(reports[1].diagnostics[0].span.start, 1);
        assert!(reports[1].diagnostics[0].label.contains("a.grille:1:1"));
        let french = &reports[1].diagnostics[0].french.label;
        assert!(french.contains("(d'abord ici : a.grille:1:1)"), "{french}");
    }
}
