//! Diagnostics as a person reads them first: the errors with their source
//! lines, then one line per warning, the warnings of one kind over several jobs
//! (six jobs paid below their entry diploma's floor) on one line naming them.

use super::{Diagnostic, Kind, Report, Severity};
use crate::catalogue::Lang;
use crate::report::for_people;

impl Report {
    /// The errors rendered with their source ([`Report::render`]), then the
    /// warnings one line each, grouped by kind.
    pub fn render_brief(&self, color: bool) -> String {
        self.render_brief_in(color, Lang::En)
    }

    /// [`Report::render_brief`] in `lang`.
    pub fn render_brief_in(&self, color: bool, lang: Lang) -> String {
        self.render_brief_named(color, lang, &|_| None)
    }

    /// [`Report::render_brief_in`], the jobs of the grouped warnings named by
    /// `job_name` (the declared name of a job id, when the rules loaded).
    pub fn render_brief_named(&self, color: bool, lang: Lang, job_name: JobName) -> String {
        let errors = Report {
            file: self.file.clone(),
            diagnostics: self
                .diagnostics
                .iter()
                .filter(|d| d.is_error())
                .cloned()
                .collect(),
        };
        let mut out = errors.render_in(color, lang);
        for line in self.warning_lines_named(lang, job_name) {
            out.push_str(&line);
            out.push('\n');
        }
        out
    }

    /// Every diagnostic with its source lines, the errors first.
    pub fn render_verbose(&self, color: bool) -> String {
        self.render_verbose_in(color, Lang::En)
    }

    /// [`Report::render_verbose`] in `lang`.
    pub fn render_verbose_in(&self, color: bool, lang: Lang) -> String {
        let mut sorted = self.clone();
        sorted
            .diagnostics
            .sort_by_key(|d| std::cmp::Reverse(d.severity == Severity::Error));
        sorted.render_in(color, lang)
    }

    /// One line per warning, or per group of warnings of one kind.
    pub fn warning_lines(&self) -> Vec<String> {
        self.warning_lines_in(Lang::En)
    }

    /// [`Report::warning_lines`] in `lang`.
    pub fn warning_lines_in(&self, lang: Lang) -> Vec<String> {
        self.warning_lines_named(lang, &|_| None)
    }

    /// [`Report::warning_lines_in`], the grouped jobs named by `job_name`.
    pub fn warning_lines_named(&self, lang: Lang, job_name: JobName) -> Vec<String> {
        let warnings = self.diagnostics.iter().filter(|d| !d.is_error());
        // Groups in the order of their first warning.
        let mut groups: Vec<(Option<&'static str>, Vec<&Diagnostic>)> = Vec::new();
        for d in warnings {
            let title = d.kind.as_deref().and_then(|k| group_title(k, lang));
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
                (Some(title), [_, _, ..]) => self.group_line(title, &members, lang, job_name),
                (_, [one, ..]) => self.one_line(one, lang),
                (_, []) => String::new(),
            })
            .collect()
    }

    fn one_line(&self, d: &Diagnostic, lang: Lang) -> String {
        let colon = if lang == Lang::Fr { " :" } else { ":" };
        format!(
            "  ⚠ {}{colon} {} [{}]",
            for_people(&self.file.location(d.span)),
            for_people(d.message_in(lang)),
            d.code
        )
    }

    fn group_line(
        &self,
        title: &str,
        members: &[&Diagnostic],
        lang: Lang,
        job_name: JobName,
    ) -> String {
        let items: Vec<String> = members
            .iter()
            .map(|d| {
                let line = self.file.line_col(d.span.start).0;
                let (word, colon) = match lang {
                    Lang::Fr => ("ligne", " :"),
                    Lang::En => ("line", ":"),
                };
                match d.kind.as_deref().map(|k| item(k, lang, job_name)) {
                    Some((what, Some(detail))) => format!("{what} ({word} {line}{colon} {detail})"),
                    Some((what, None)) => format!("{what} ({word} {line})"),
                    None => format!("{word} {line}"),
                }
            })
            .collect();
        let colon = if lang == Lang::Fr { " :" } else { ":" };
        format!(
            "  ⚠ {}{colon} {} {title}{colon} {} [{}]",
            for_people(&self.file.name),
            members.len(),
            for_people(&items.join(", ")),
            members[0].code
        )
    }
}

/// What warnings of a kind have in common, when several are worth one line.
fn group_title(kind: &Kind, lang: Lang) -> Option<&'static str> {
    let (fr, en) = match kind {
        Kind::EntryDiplomaAboveJob { .. } => (
            "métiers payés sous le plancher de leur propre diplôme d'accueil",
            "jobs paid below their own entry diploma's floor",
        ),
        Kind::BlankCells { .. } => ("métiers avec des tranches vides", "jobs with blank bands"),
        Kind::JobWithoutClassification { .. } => {
            ("métiers sans aucune valeur", "jobs without any value")
        }
        Kind::DecreasingBand { .. } => (
            "coefficients qui baissent avec l'ancienneté",
            "coefficients going down with experience",
        ),
        Kind::UnusedParameter { .. } => ("paramètres jamais lus", "parameters never used"),
        Kind::AmbiguousName { .. } => (
            "noms donnés à plusieurs métiers",
            "names given to several jobs",
        ),
        Kind::AmbiguousDiplomaName { .. } => (
            "noms donnés à plusieurs diplômes",
            "names given to several diplomas",
        ),
        Kind::BelowLegalMinimum { .. } => ("niveaux sous le SMIC", "levels below the SMIC"),
        Kind::ParameterBeforeFirstDate { .. } => (
            "valeurs lues avant leur première date",
            "values read before their first date",
        ),
        _ => return None,
    };
    Some(match lang {
        Lang::Fr => fr,
        Lang::En => en,
    })
}

/// The declared name of a job id, when known.
pub type JobName<'a> = &'a dyn Fn(&str) -> Option<String>;

/// One warning of a group, in a few words: what it is about, and the detail.
/// A job is named by its declared name when `job_name` knows it, else by its id.
fn item(kind: &Kind, lang: Lang, job_name: JobName) -> (String, Option<String>) {
    let job = |id: &str| job_name(id).unwrap_or_else(|| format!("`{id}`"));
    match kind {
        Kind::EntryDiplomaAboveJob {
            job: job_id,
            diploma,
            floor,
            beginner,
            ..
        } => (job(job_id), Some(format!("{diploma} {floor} > {beginner}"))),
        Kind::BlankCells {
            job: job_id, blank, ..
        } => (job(job_id), Some(blank.join(", "))),
        Kind::JobWithoutClassification { job: job_id, .. } => (job(job_id), None),
        Kind::DecreasingBand {
            job: job_id,
            before,
            before_band,
            value,
            band,
            ..
        } => (
            job(job_id),
            Some(format!("{before_band} {before}, {band} {value}")),
        ),
        Kind::UnusedParameter { name } => (format!("`{name}`"), None),
        Kind::AmbiguousName { name, jobs, .. } => {
            let named: Vec<String> = jobs
                .iter()
                .map(|id| job_name(id).unwrap_or_else(|| id.clone()))
                .collect();
            (name.clone(), Some(named.join(", ")))
        }
        Kind::AmbiguousDiplomaName { name, diplomas, .. } => {
            (name.clone(), Some(diplomas.join(", ")))
        }
        Kind::BelowLegalMinimum {
            level,
            coefficients,
            ..
        } => (
            match lang {
                Lang::Fr => format!("niveau {level}"),
                Lang::En => format!("level {level}"),
            },
            Some(coefficients.clone()),
        ),
        Kind::ParameterBeforeFirstDate { name, first, .. } => {
            let from = if lang == Lang::Fr {
                "à partir du"
            } else {
                "from"
            };
            (format!("`{name}`"), Some(format!("{from} {first}")))
        }
        _ => (String::new(), None),
    }
}
