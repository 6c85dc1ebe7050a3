//! `grille doc`: a rule set as a document a negotiator or a judge reads.
//!
//! One section per declaration of the named file, in the file's order, each
//! with its `source`, the words it quotes, the reading it chose, the values in
//! force on a day and their history, the examples that exercise it, links to
//! what it stands on or serves (a job to its bands, floors and the level of
//! each value; a parameter to where it is used), and the checker's
//! diagnostics where they sit. An amendment says, for each declaration, what
//! it replaces in the file it amends. The page is self-contained HTML, laid
//! out for A4 when printed.
//!
//! Stages: load the rule set as every command does ([`crate::load_with`]), take
//! the declarations of the named file and of the file it amends from the texts
//! loaded ([`Source`]), then write the page ([`html`]).

mod grid;
mod html;
mod links;
mod sections;

use chrono::NaiveDate;

use crate::diag::{Report, SourceFile};
use crate::layers::Role;
use crate::syntax::ast::Item;
use crate::LoadError;

/// A rule file read for the document: its text and its declarations.
pub struct Source {
    pub file: SourceFile,
    pub items: Vec<Item>,
}

impl Source {
    fn parse(file: SourceFile) -> Option<Source> {
        let items = crate::syntax::parse(&file.text).ok()?.items;
        Some(Source { file, items })
    }

    /// The line a declaration starts on.
    fn line(&self, at: usize) -> usize {
        self.file.locate(crate::span::Span::new(at, at)).line
    }
}

/// What the document shows: the named file, the one it amends (if any), the
/// checker's reports, the day whose values are shown in force.
pub struct Document {
    pub named: Source,
    pub base: Option<Source>,
    pub reports: Vec<Report>,
    pub as_of: NaiveDate,
}

/// Loads `path` and what it stands on from `files`, as `check` does, and
/// makes the document of it. A rule set with errors is documented all the
/// same, its errors shown where they sit; a file that cannot be read or parsed
/// is an error.
pub fn load(
    files: &dyn crate::layers::Files,
    path: &std::path::Path,
    as_of: NaiveDate,
) -> Result<Document, LoadError> {
    let (named, base, reports) = match crate::load_with(files, path, Default::default()) {
        Ok((rules, reports)) => {
            let base = rules
                .layers
                .iter()
                .find(|l| l.role == Role::Amended)
                .and_then(|l| rules.sources.files().find(|f| *f.name == *l.path).cloned());
            (rules.sources.main().clone(), base, reports)
        }
        Err(LoadError::Invalid(reports)) => match reports.first() {
            Some(first) => (first.file.clone(), None, reports),
            None => return Err(LoadError::Invalid(reports)),
        },
        Err(e) => return Err(e),
    };
    let Some(named) = Source::parse(named) else {
        return Err(LoadError::Invalid(reports));
    };
    Ok(Document {
        named,
        base: base.and_then(Source::parse),
        reports,
        as_of,
    })
}

/// The document as one self-contained HTML page.
pub fn render(document: &Document) -> String {
    html::page(document)
}
