//! The declared facts and clocks a decision read (issue #22), written for a
//! person under the facts the record gives (« Faits retenus »): `né le 2 mars
//! 1999 (27 ans révolus au 29 novembre 2026)`.

use super::locale::{self, Lang};
use super::text::{colon, Writer};
use crate::eval::trace::{Step, StepKind};

/// The lines, under the facts the record gives, when the trace has fact steps.
pub(super) fn declared_facts(x: &mut Writer, trace: &[Step]) {
    let facts: Vec<&Step> = trace
        .iter()
        .filter(|s| matches!(s.kind, StepKind::Fact { .. }))
        .collect();
    let clocks: Vec<&Step> = trace
        .iter()
        .filter(|s| matches!(s.kind, StepKind::Clock { .. }))
        .collect();
    if facts.is_empty() && clocks.is_empty() {
        return;
    }
    let lang = x.lang;
    for step in facts {
        let StepKind::Fact {
            name,
            field,
            value,
            default,
        } = &step.kind
        else {
            continue;
        };
        let mut text = fact_phrase(x, name, field, value);
        if *default {
            text.push_str(match lang {
                Lang::Fr => " (par défaut)",
                Lang::En => " (default)",
            });
        }
        let clock = clocks.iter().find_map(|c| match &c.kind {
            StepKind::Clock { clock, .. } if clock_of(clock, name, field) => Some(*c),
            _ => None,
        });
        if let Some(clock) = clock {
            text.push_str(&format!(" ({})", clock_phrase(x, clock)));
        }
        x.line(2, text);
        x.cite(step);
    }
    // The job clock has no fact of its own.
    for clock in clocks {
        if let StepKind::Clock { clock: "job", .. } = clock.kind {
            let c = colon(lang);
            let what = match lang {
                Lang::Fr => "ancienneté dans le métier",
                Lang::En => "experience in the job",
            };
            let phrase = clock_phrase(x, clock);
            x.line(2, format!("{what}{c}{phrase}"));
        }
    }
}

/// Whether a clock counts from this fact.
fn clock_of(clock: &str, name: &str, field: &str) -> bool {
    match clock {
        "age" => field == "born_on",
        "company" => field == "hired_on",
        other => other == name,
    }
}

/// `né le 2 mars 1999`, `Modalité : forfait-jours`.
fn fact_phrase(x: &Writer, name: &str, field: &str, value: &str) -> String {
    let lang = x.lang;
    let fact = x.rules.facts.iter().find(|f| f.name == name);
    let amount = fact.and_then(|f| f.formula_type) == Some(crate::model::Type::Amount);
    let number = value.parse::<rust_decimal::Decimal>().ok();
    let shown = match value.parse::<chrono::NaiveDate>() {
        Ok(d) => x.date(d),
        Err(_) if number.is_some() => match number {
            Some(n) if amount => locale::money(n, lang),
            Some(n) => locale::number(n, lang),
            None => value.to_string(),
        },
        Err(_) => match (value, lang) {
            ("true", Lang::Fr) => "oui".to_string(),
            ("false", Lang::Fr) => "non".to_string(),
            ("true", Lang::En) => "yes".to_string(),
            ("false", Lang::En) => "no".to_string(),
            _ => value.to_string(),
        },
    };
    match (field, lang) {
        ("born_on", Lang::Fr) => format!("né le {shown}"),
        ("born_on", Lang::En) => format!("born on {shown}"),
        ("hired_on", Lang::Fr) => format!("entré dans l'entreprise le {shown}"),
        ("hired_on", Lang::En) => format!("hired on {shown}"),
        _ => {
            let label = fact.and_then(|f| f.label.as_deref()).unwrap_or(name);
            format!("{label}{}{shown}", colon(lang))
        }
    }
}

/// `27 ans révolus au 29 novembre 2026`.
fn clock_phrase(x: &Writer, step: &Step) -> String {
    let StepKind::Clock {
        until,
        completed,
        unit,
        ..
    } = &step.kind
    else {
        return String::new();
    };
    let lang = x.lang;
    let noun = match (*unit, lang) {
        ("years", Lang::Fr) => ("an révolu", "ans révolus"),
        ("months", Lang::Fr) => ("mois révolu", "mois révolus"),
        ("weeks", Lang::Fr) => ("semaine révolue", "semaines révolues"),
        (_, Lang::Fr) => ("jour", "jours"),
        ("years", Lang::En) => ("completed year", "completed years"),
        ("months", Lang::En) => ("completed month", "completed months"),
        ("weeks", Lang::En) => ("completed week", "completed weeks"),
        (_, Lang::En) => ("day", "days"),
    };
    let at = match lang {
        Lang::Fr => "au",
        Lang::En => "on",
    };
    format!(
        "{} {at} {}",
        locale::count(*completed, noun, lang),
        x.date(*until)
    )
}
