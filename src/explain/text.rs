//! An explanation for a person: the trace of a decision, in French or English.

use std::fmt::Write as _;

use chrono::NaiveDate;

use super::locale::{self, Lang};
use super::outcome::why_not_section;
use super::phrases::{Words, EN, FR};
use super::steps::steps;
use super::WhyNot;
use crate::eval::trace::{Step, StepKind};
use crate::eval::Decision;
use crate::facts::{Record, Rejection};
use crate::model::RuleSet;

/// Columns a wrapped line of an explanation takes at most.
const WIDTH: usize = 100;

pub(super) struct Writer<'a> {
    pub(super) out: String,
    pub(super) w: &'static Words,
    pub(super) lang: Lang,
    pub(super) rules: &'a RuleSet,
}

impl Writer<'_> {
    /// One line, its control characters escaped: an id or a job name from the
    /// facts can neither forge another line nor drive the terminal.
    pub(super) fn line(&mut self, indent: usize, text: impl AsRef<str>) {
        let text = crate::report::for_people(text.as_ref());
        let _ = writeln!(self.out, "{}{text}", " ".repeat(indent));
    }

    pub(super) fn heading(&mut self, text: &str) {
        self.out.push('\n');
        self.line(0, text);
    }

    pub(super) fn date(&self, d: NaiveDate) -> String {
        locale::date(d, self.lang)
    }

    /// The rule's place and citation, on its own line under a step.
    pub(super) fn cite(&mut self, step: &Step) {
        let (open, close) = match self.lang {
            Lang::Fr => ("« ", " »"),
            Lang::En => ("\"", "\""),
        };
        let text = match (&step.source, &step.rule) {
            (Some(s), Some(r)) => format!("{open}{s}{close} ({r})"),
            (Some(s), None) => format!("{open}{s}{close}"),
            (None, Some(r)) => format!("{} {r}", self.w.rule),
            (None, None) => return,
        };
        self.line(6, text);
        if let Some(quote) = step.gloss.quote {
            let c = colon(self.lang);
            self.wrapped(6, &format!("{}{c}{open}{quote}{close}", self.w.quote));
        }
        if let Some(reading) = step.gloss.reading {
            let c = colon(self.lang);
            self.wrapped(6, &format!("{}{c}{reading}", self.w.reading));
        }
    }

    /// A long line cut at spaces to fit [`WIDTH`] columns, the rest indented
    /// under it: a reading is a paragraph, printed to be read on paper.
    pub(super) fn wrapped(&mut self, indent: usize, text: &str) {
        let mut line = String::new();
        let mut first = true;
        for word in unbreakable_words(text) {
            let width = if first { indent } else { indent + 2 };
            if !line.is_empty() && width + line.chars().count() + 1 + word.chars().count() > WIDTH {
                self.line(width, &line);
                line.clear();
                first = false;
            }
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(&word);
        }
        if !line.is_empty() {
            self.line(if first { indent } else { indent + 2 }, &line);
        }
    }

    /// A job's name as its rule file declares it (the id if none is known).
    pub(super) fn job_name<'s>(&'s self, job: &'s str) -> &'s str {
        self.rules
            .jobs
            .iter()
            .find(|j| j.id == job)
            .map_or(job, |j| j.name.as_str())
    }

    /// A band's declared name, alone (its id when it has none).
    pub(super) fn band_name(&self, job: &str, band: &str) -> String {
        self.rules
            .jobs
            .iter()
            .find(|j| j.id == job)
            .and_then(|j| {
                self.rules.scales[j.scale]
                    .bands
                    .iter()
                    .find(|b| b.id == band)
            })
            .and_then(|b| b.label.clone())
            .unwrap_or_else(|| band.to_string())
    }

    pub(super) fn band_label(&self, job: &str, band: &str) -> String {
        let label = self
            .rules
            .jobs
            .iter()
            .find(|j| j.id == job)
            .and_then(|j| {
                self.rules.scales[j.scale]
                    .bands
                    .iter()
                    .find(|b| b.id == band)
            })
            .and_then(|b| b.label.clone());
        match label {
            Some(l) => format!("{l} ({band})"),
            None => band.to_string(),
        }
    }
}

/// Renders an explanation. `outcome` is the traced decision, or the rejection.
pub fn render(
    rules: &RuleSet,
    record: &Record,
    outcome: &Result<Decision, Rejection>,
    as_of: NaiveDate,
    why_not: Option<&WhyNot>,
    lang: Lang,
) -> String {
    let run = Run { as_of, on: None };
    render_run(rules, record, outcome, run, why_not, lang)
}

/// The dates of an explanation: the day it decides (`as_of`), and the day it
/// was made (`on`), which the header says when given.
#[derive(Debug, Clone, Copy)]
pub struct Run {
    pub as_of: NaiveDate,
    pub on: Option<NaiveDate>,
}

/// [`render`], the header naming the day the explanation was made.
pub fn render_run(
    rules: &RuleSet,
    record: &Record,
    outcome: &Result<Decision, Rejection>,
    Run { as_of, on }: Run,
    why_not: Option<&WhyNot>,
    lang: Lang,
) -> String {
    let w = match lang {
        Lang::Fr => &FR,
        Lang::En => &EN,
    };
    let mut x = Writer {
        out: String::new(),
        w,
        lang,
        rules,
    };
    let versions = super::versions::file_versions(rules);
    let version = |path: &str| {
        versions
            .iter()
            .find(|v| v.path == path)
            .map_or(String::new(), |v| format!(", sha256 {}", v.short()))
    };
    let name = rules.file().name.to_string();
    let title = if rules.agreement.title.is_empty() {
        match version(&name).strip_prefix(", ") {
            Some(digest) => format!("{name} ({digest})"),
            None => name.clone(),
        }
    } else {
        format!("{} ({name}{})", rules.agreement.title, version(&name))
    };
    x.line(
        0,
        format!(
            "{} {}, {} {}",
            w.employee,
            record.id,
            w.as_of,
            x.date(as_of)
        ),
    );
    x.line(
        0,
        format!("{} : {title}", w.rules)
            .replace(" : ", if lang == Lang::En { ": " } else { " : " }),
    );
    layers(&mut x, rules, &version);
    if let Some(day) = on {
        x.line(0, format!("{} {}", w.made_on, x.date(day)));
    }
    let trace = outcome
        .as_ref()
        .ok()
        .and_then(|d| d.trace.as_deref())
        .unwrap_or(&[]);
    facts(&mut x, record, trace);
    match outcome {
        Err(rejection) => {
            x.heading(&format!("{} {}", record.id, w.rejected));
            x.line(2, rejection.say(x.lang));
        }
        Ok(decision) => {
            steps(&mut x, record, decision);
            if let Some(answer) = why_not {
                why_not_section(&mut x, answer);
            }
        }
    }
    x.out
}

/// The files the rule set stands on, each with its part: the amended
/// agreement, the law, the branch agreement a company agreement stands within.
fn layers(x: &mut Writer, rules: &RuleSet, version: &dyn Fn(&str) -> String) {
    use crate::layers::Role;
    let fr = x.lang == Lang::Fr;
    for layer in rules.layers.iter().skip(1) {
        let role = match (layer.role, fr) {
            (Role::Amended, true) => "  modifie",
            (Role::Amended, false) => "  amends",
            (Role::Law, true) => "  sous la loi",
            (Role::Law, false) => "  under the law",
            (Role::Agreement, true) => "  dans le cadre de",
            (Role::Agreement, false) => "  within",
            (Role::Named, _) => "  ",
        };
        let c = colon(x.lang);
        let path = &layer.path;
        x.line(
            0,
            format!("{role}{c}{} ({path}{})", layer.title, version(path)),
        );
    }
}

pub(super) fn colon(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => " : ",
        Lang::En => ": ",
    }
}

fn facts(x: &mut Writer, r: &Record, trace: &[Step]) {
    let (w, lang) = (x.w, x.lang);
    let c = colon(lang);
    x.heading(w.facts);
    let (open, close) = if lang == Lang::Fr {
        ("« ", " »")
    } else {
        ("\"", "\"")
    };
    let resolved = trace.iter().find_map(|s| match &s.kind {
        StepKind::Job { job, name, .. } => Some(format!(" → {name} ({job})")),
        _ => None,
    });
    // A record of a rule set classifying by position may give no job.
    if !r.job.is_empty() {
        x.line(
            2,
            format!(
                "{}{c}{open}{}{close}{}",
                w.job_given,
                r.job,
                resolved.unwrap_or_default()
            ),
        );
        x.line(2, format!("{} {}", w.in_job_since, x.date(r.job_since)));
    }
    super::grids::position_facts(x, r);
    if r.prior_job_months > 0 {
        x.line(
            2,
            format!(
                "{}{c}{}",
                w.prior,
                locale::count(r.prior_job_months, w.months, lang)
            ),
        );
    }
    let diploma = match &r.diploma {
        Some(id) => match x.rules.diploma_index(id) {
            Some(d) => format!("{id} ({})", x.rules.diplomas[d].label),
            None => id.clone(),
        },
        None => w.not_given.to_string(),
    };
    x.line(2, format!("{}{c}{diploma}", w.diploma));
    match r.hours {
        Some(h) => x.line(2, format!("{}{c}{} h", w.hours, locale::number(h, lang))),
        None => x.line(2, format!("{}{c}{}", w.hours, w.hours_default)),
    }
    if let Some(s) = r.salary {
        x.line(2, format!("{}{c}{}", w.salary, locale::money(s, lang)));
    }
    if let Some(a) = r.coefficient {
        x.line(2, format!("{}{c}{a}", w.applied));
    }
    if let Some(p) = r.previous_sector_coefficient {
        x.line(2, format!("{}{c}{p}", w.previous));
    }
    for m in &r.missions {
        let end = m.end.map_or_else(|| "…".to_string(), |e| x.date(e));
        x.line(
            2,
            format!("{}{c}{} ({} → {end})", w.missions, m.job, x.date(m.start)),
        );
    }
    for m in &r.moves {
        x.line(
            2,
            format!("{}{c}{} → {} ({})", w.moves, m.from, m.to, x.date(m.on)),
        );
    }
    // The facts the rule file declares, as the decision read them (issue #22).
    super::facts::declared_facts(x, trace);
}

/// The words of `text` a line may not break between kept together: French
/// sets `«` before and `»`, `;`, `:`, `?`, `!` after a space that must not
/// end a line.
fn unbreakable_words(text: &str) -> Vec<String> {
    let mut words: Vec<String> = Vec::new();
    let mut glue_next = false;
    for word in text.split(' ') {
        let glue_previous = matches!(word, "»" | ";" | ":" | "?" | "!");
        match words.last_mut() {
            Some(last) if glue_next || glue_previous => {
                last.push(' ');
                last.push_str(word);
            }
            _ => words.push(word.to_string()),
        }
        glue_next = word == "«";
    }
    words
}
