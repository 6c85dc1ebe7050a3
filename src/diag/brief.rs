//! Diagnostics as a person reads them first: the errors with their source
//! lines, then one line per warning, the warnings of one kind over several jobs
//! (six jobs paid below their entry diploma's floor) on one line naming them.

use super::{Diagnostic, Kind, Report, Severity};
use crate::report::for_people;

impl Report {
    /// The errors rendered with their source ([`Report::render`]), then the
    /// warnings one line each, grouped by kind.
    pub fn render_brief(&self, color: bool) -> String {
        let errors = Report {
            file: self.file.clone(),
            diagnostics: self
                .diagnostics
                .iter()
                .filter(|d| d.is_error())
                .cloned()
                .collect(),
        };
        let mut out = errors.render(color);
        for line in self.warning_lines() {
            out.push_str(&line);
            out.push('\n');
        }
        out
    }

    /// Every diagnostic with its source lines, the errors first.
    pub fn render_verbose(&self, color: bool) -> String {
        let mut sorted = self.clone();
        sorted
            .diagnostics
            .sort_by_key(|d| std::cmp::Reverse(d.severity == Severity::Error));
        sorted.render(color)
    }

    /// One line per warning, or per group of warnings of one kind.
    pub fn warning_lines(&self) -> Vec<String> {
        let warnings = self.diagnostics.iter().filter(|d| !d.is_error());
        // Groups in the order of their first warning.
        let mut groups: Vec<(Option<&'static str>, Vec<&Diagnostic>)> = Vec::new();
        for d in warnings {
            let title = d.kind.as_deref().and_then(group_title);
            match groups
                .iter_mut()
                .find(|(t, _)| title.is_some() && *t == title)
            {
                Some((_, members)) => members.push(d),
                None => groups.push((title, vec![d])),
            }
        }
        groups
            .into_iter()
            .map(|(title, members)| match (title, members.as_slice()) {
                (Some(title), [_, _, ..]) => self.group_line(title, &members),
                (_, [one, ..]) => self.one_line(one),
                (_, []) => String::new(),
            })
            .collect()
    }

    fn one_line(&self, d: &Diagnostic) -> String {
        format!(
            "  ⚠ {}: {} [{}]",
            for_people(&self.file.location(d.span)),
            for_people(&d.message),
            d.code
        )
    }

    fn group_line(&self, title: &str, members: &[&Diagnostic]) -> String {
        let items: Vec<String> = members
            .iter()
            .map(|d| {
                let line = self.file.line_col(d.span.start).0;
                match d.kind.as_deref().map(item) {
                    Some((what, Some(detail))) => format!("{what} (line {line}: {detail})"),
                    Some((what, None)) => format!("{what} (line {line})"),
                    None => format!("line {line}"),
                }
            })
            .collect();
        format!(
            "  ⚠ {}: {} {title}: {} [{}]",
            for_people(&self.file.name),
            members.len(),
            for_people(&items.join(", ")),
            members[0].code
        )
    }
}

/// What warnings of a kind have in common, when several are worth one line.
fn group_title(kind: &Kind) -> Option<&'static str> {
    Some(match kind {
        Kind::EntryDiplomaAboveJob { .. } => "jobs paid below their own entry diploma's floor",
        Kind::BlankCells { .. } => "jobs with blank bands",
        Kind::JobWithoutClassification { .. } => "jobs without any value",
        Kind::DecreasingBand { .. } => "coefficients going down with experience",
        Kind::UnusedParameter { .. } => "parameters never used",
        Kind::AmbiguousName { .. } => "names given to several jobs",
        Kind::AmbiguousDiplomaName { .. } => "names given to several diplomas",
        Kind::BelowLegalMinimum { .. } => "levels below the SMIC",
        Kind::ParameterBeforeFirstDate { .. } => "values read before their first date",
        _ => return None,
    })
}

/// One warning of a group, in a few words: what it is about, and the detail.
fn item(kind: &Kind) -> (String, Option<String>) {
    match kind {
        Kind::EntryDiplomaAboveJob {
            job,
            diploma,
            floor,
            beginner,
        } => (
            format!("`{job}`"),
            Some(format!("{diploma} {floor} > {beginner}")),
        ),
        Kind::BlankCells { job, blank, .. } => (format!("`{job}`"), Some(blank.join(", "))),
        Kind::JobWithoutClassification { job } => (format!("`{job}`"), None),
        Kind::DecreasingBand {
            job,
            before,
            before_band,
            value,
            band,
        } => (
            format!("`{job}`"),
            Some(format!("{before_band} {before}, {band} {value}")),
        ),
        Kind::UnusedParameter { name } => (format!("`{name}`"), None),
        Kind::AmbiguousName { name, jobs, .. } => (name.clone(), Some(jobs.join(", "))),
        Kind::AmbiguousDiplomaName { name, diplomas, .. } => {
            (name.clone(), Some(diplomas.join(", ")))
        }
        Kind::BelowLegalMinimum {
            level,
            coefficients,
            ..
        } => (format!("niveau {level}"), Some(coefficients.clone())),
        Kind::ParameterBeforeFirstDate { name, first, .. } => {
            (format!("`{name}`"), Some(format!("from {first}")))
        }
        _ => (String::new(), None),
    }
}
