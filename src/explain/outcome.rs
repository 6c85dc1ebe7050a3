//! The end of an explanation: pay, claims, trial, next step, warnings, and
//! the answer to `--why-not`.

use super::locale::{self, Lang};
use super::text::{colon, Writer};
use super::{Route, WhyNot};
use crate::eval::trace::{Step, StepKind};
use crate::eval::{ClockMark, Decision, TrialStatus};
use crate::facts::Record;

/// What follows from the decision: pay, claims, trial, next step, warnings.
pub(super) fn outcome_lines(x: &mut Writer, record: &Record, d: &Decision) {
    let (w, lang) = (x.w, x.lang);
    let c = colon(lang);
    if let (Some(salary), Some(min)) = (record.salary, d.minimum_salary) {
        match d.salary_shortfall {
            Some(s) => x.line(
                2,
                format!(
                    "{} {}{c}{} {}",
                    w.salary,
                    locale::money(salary, lang),
                    w.below,
                    locale::money(s, lang)
                ),
            ),
            None => x.line(
                2,
                format!(
                    "{} {}{c}{} ({})",
                    w.salary,
                    locale::money(salary, lang),
                    w.not_below,
                    locale::money(min, lang)
                ),
            ),
        }
    }
    if let Some(gap) = d.coefficient_gap {
        x.line(2, format!("{}{c}+{gap}", w.gap));
    }
    if let Some(t) = &d.trial {
        x.heading(if t.at.is_some() {
            w.trial_at_hire
        } else {
            w.trial
        });
        let status = match (t.status, lang) {
            (TrialStatus::Running, Lang::Fr) => "en cours",
            (TrialStatus::Completed, Lang::Fr) => "terminée",
            (TrialStatus::Broken, Lang::Fr) => "rompue",
            (s, Lang::En) => s.as_str(),
        };
        let text = format!(
            "{}{c}{} → {} ({status})",
            x.job_name(t.job),
            x.date(t.start),
            x.date(t.end)
        );
        x.line(2, text);
        trial_figures(x, d.trace.as_deref().unwrap_or(&[]));
        let back = t
            .return_coefficient
            .map_or(String::new(), |c| format!(", {c}"));
        trial_cuts(x, d.trace.as_deref().unwrap_or(&[]));
        if let Some(return_to) = t.return_to {
            let name = x.job_name(return_to).to_string();
            x.line(2, format!("{}{c}{name}{back}", w.return_to));
        }
    }
    x.heading(w.next);
    match &d.next_step {
        Some(n) if n.clock.is_some() => {
            let clock = n.clock.as_deref();
            let clock = clock.map_or(String::new(), |m| clock_words(x.rules, *m, lang));
            let text = format!("{} : → {}, {clock}", x.date(n.on), n.key_words());
            x.line(2, text.replace(" : ", c));
        }
        Some(n) => {
            let label = x.band_label(d.job, n.band);
            x.line(
                2,
                format!("{} : {} {label} → {}", x.date(n.on), w.band, n.key_words())
                    .replace(" : ", c),
            );
        }
        None => x.line(2, w.no_next),
    }
    if !d.warnings.is_empty() {
        x.heading(w.warnings);
        for warning in &d.warnings {
            let text = match lang {
                Lang::Fr => warning.french(|d| locale::date(d, lang)),
                Lang::En => warning.to_string(),
            };
            x.line(2, format!("- {text}"));
        }
    }
}

/// The trial's length for the category of the new post, its renewal, the day
/// it was broken, and the rule that gives them, with its text and reading.
fn trial_figures(x: &mut Writer, trace: &[Step]) {
    let (w, lang) = (x.w, x.lang);
    let c = colon(lang);
    let words = |d| crate::eval::duration_words(d, lang == Lang::Fr);
    for step in trace {
        let StepKind::Trial {
            category,
            length,
            renewal,
            broken_on,
            at,
            range,
            ..
        } = &step.kind
        else {
            continue;
        };
        let category = x
            .rules
            .categories
            .iter()
            .find(|k| k.id == *category)
            .map_or(*category, |k| k.label.as_str());
        let renewal = match renewal {
            Some(r) => format!("{}{c}{}", w.trial_renewal, words(*r)),
            None => w.trial_no_renewal.to_string(),
        };
        let text = match (at, range) {
            // A move's trial by category, worded as before trials at hire.
            (None, None) => format!(
                "{}{c}{} ({} {category}), {renewal}",
                w.trial_length,
                words(*length),
                w.category
            ),
            _ => {
                let opened_by = if at.is_some() {
                    w.opened_by.0
                } else {
                    w.opened_by.1
                };
                let selector = match (range, lang) {
                    (Some((from, to)), Lang::Fr) => format!("coefficients {from} à {to}"),
                    (Some((from, to)), Lang::En) => format!("coefficients {from} to {to}"),
                    (None, _) => format!("{} {category}", w.category),
                };
                format!("{opened_by}{c}{selector}{c}{}, {renewal}", words(*length))
            }
        };
        x.line(4, text);
        if let Some(day) = broken_on {
            x.line(4, format!("{} {}", w.broken_on, x.date(*day)));
        }
        x.cite(step);
    }
}

/// What made the trial shorter than the agreement's rule: the company
/// agreement, the law's caps; each with its rule.
fn trial_cuts(x: &mut Writer, trace: &[Step]) {
    let (w, lang) = (x.w, x.lang);
    let c = colon(lang);
    for step in trace {
        let StepKind::TrialCut {
            cut,
            limit,
            was,
            end,
            ..
        } = &step.kind
        else {
            continue;
        };
        let what = match *cut {
            "trial" => w.trial_cut[0],
            "length" => w.trial_cut[1],
            _ => w.trial_cut[2],
        };
        let limit = limit.map_or(String::new(), |l| {
            format!(", {}", crate::eval::duration_words(l, lang == Lang::Fr))
        });
        let (ends, instead) = w.ends_instead;
        let text = format!(
            "{what}{limit}{c}{ends} {} {instead} {}",
            x.date(*end),
            x.date(*was)
        );
        x.line(2, text);
        x.cite(step);
    }
}

/// A clock reaching its count, in words: `à 1 an d'ancienneté dans
/// l'entreprise`, `à 26 ans` / `at 1 year in the company`, `at 26 years of age`.
pub(super) fn clock_words(rules: &crate::model::RuleSet, mark: ClockMark, lang: Lang) -> String {
    use crate::model::Clock;
    let french = lang == Lang::Fr;
    let reached = crate::eval::duration_words(mark.reached, french);
    let fact = |id: usize| rules.facts.get(id).map_or("", |f| f.name.as_str());
    match (mark.clock, french) {
        (Clock::Age(_), true) => format!("à {reached}"),
        (Clock::Age(_), false) => format!("at {reached} of age"),
        (Clock::Company(_), true) => format!("à {reached} d'ancienneté dans l'entreprise"),
        (Clock::Company(_), false) => format!("at {reached} in the company"),
        (Clock::Job, true) => format!("à {reached} d'ancienneté dans le métier"),
        (Clock::Job, false) => format!("at {reached} in the job"),
        (Clock::Since(f), true) => {
            let s = if mark.reached.count == 1 { "" } else { "s" };
            format!("à {reached} révolu{s} depuis {}", fact(f))
        }
        (Clock::Since(f), false) => format!("at {reached} completed since {}", fact(f)),
    }
}

pub(super) fn why_not_section(x: &mut Writer, answer: &WhyNot) {
    let (w, lang) = (x.w, x.lang);
    let c = colon(lang);
    let target = match &answer.target {
        super::Target::Coefficient(c) => c.to_string(),
        super::Target::Level(n) => format!("{} {n}", w.level),
        super::Target::Position(p) => match lang {
            Lang::Fr => format!("la position {p}"),
            Lang::En => format!("position {p}"),
        },
        super::Target::Band(b) => match lang {
            Lang::Fr => format!("{} {b}", w.why_not_band),
            Lang::En => format!("{} {b} {}", w.why_not_band, w.band),
        },
    };
    let question = match lang {
        Lang::Fr => format!("{} {target} ?", w.why_not),
        Lang::En => format!("{} {target}?", w.why_not),
    };
    x.heading(&question);
    let (word, current) = match x.rules.grids.rank_label(answer.current) {
        Some(label) => (w.current_position, label.to_string()),
        None => (w.current, answer.current.to_string()),
    };
    x.line(2, format!("{word}{c}{current}"));
    if answer.already {
        x.line(2, w.already);
        return;
    }
    if answer.routes.is_empty() {
        x.line(2, w.unreachable);
    }
    for route in &answer.routes {
        let text = match route {
            Route::Experience {
                on,
                band,
                coefficient,
            } => format!(
                "{} {} ({} {band}, {coefficient})",
                w.by_experience,
                x.date(*on),
                w.band
            ),
            Route::Clock {
                on, reached, mark, ..
            } => {
                let clock = clock_words(x.rules, *mark, lang);
                let on = x.date(*on);
                match lang {
                    Lang::Fr => format!("{} {reached} le {on}, {clock}", w.by_clock),
                    Lang::En => format!("{} {reached} on {on}, {clock}", w.by_clock),
                }
            }
            Route::Diploma {
                diploma,
                label,
                coefficient,
            } => format!("{} {diploma} ({label}) → {coefficient}", w.by_diploma),
            Route::PreviousCoefficient {
                at_least,
                coefficient,
            } => format!("{} {at_least} → {coefficient}", w.by_previous),
        };
        x.line(2, format!("- {text}"));
    }
}
