//! The steps of a decision, written for a person: one function per kind of
//! step, in the order the trace gives them.

use super::locale::{self, Lang};
use super::outcome::outcome_lines;
use super::text::{colon, Writer};
use crate::eval::trace::{FloorDetail, FloorName, FormulaKind, Step, StepKind};
use crate::eval::{Decision, MinimumFrom};
use crate::facts::Record;

/// What the steps already written leave open for the next ones.
#[derive(Default)]
struct Sections {
    /// The floors heading is written before the first floor only.
    floors_open: bool,
    /// The claims heading, before the first claim only.
    claims_open: bool,
    /// Parameters are read while a formula is computed: shown under it.
    parameters: Vec<String>,
}

pub(super) fn steps(x: &mut Writer, record: &Record, d: &Decision) {
    let trace = d.trace.as_deref().unwrap_or(&[]);
    let mut open = Sections::default();
    for step in trace {
        match &step.kind {
            // The unnamed job of a rule set classifying by position has no experience scale.
            StepKind::Experience { band: "", .. } => {}
            StepKind::Experience { .. } => experience(x, d, step),
            StepKind::Floor { .. } => floor(x, d, step, trace, &mut open),
            StepKind::Entitlement { .. } => entitlement(x, step),
            StepKind::Transitional { .. } => transitional(x, step),
            StepKind::Level { .. } => level(x, step),
            StepKind::Status { .. } => status(x, step),
            StepKind::Parameter { .. } => parameter(x, step, &mut open),
            StepKind::Formula { .. } => formula(x, step, &mut open),
            StepKind::Claim { .. } => claim(x, step, &mut open),
            StepKind::MinimumOwed { .. } => minimum_owed(x, step),
            StepKind::Job { .. }
            | StepKind::Criteria { .. }
            | StepKind::Trial { .. }
            | StepKind::MissionWindow { .. }
            | StepKind::TrialCut { .. }
            | StepKind::NextStep { .. }
            | StepKind::Fact { .. }
            | StepKind::Clock { .. }
            | StepKind::Warning { .. } => {}
        }
    }
    outcome_lines(x, record, d);
}

fn experience(x: &mut Writer, d: &Decision, step: &Step) {
    let StepKind::Experience {
        since,
        until,
        completed_months,
        prior_months,
        months,
        band,
    } = &step.kind
    else {
        return;
    };
    let (w, lang) = (x.w, x.lang);
    let c = colon(lang);
    x.heading(w.experience);
    let mut text = format!(
        "{} {} {} {}{c}{}",
        w.from_to.0,
        x.date(*since),
        w.from_to.1,
        x.date(*until),
        locale::count(*completed_months, w.completed_months, lang)
    );
    if *prior_months > 0 {
        text.push_str(&format!(", {} {prior_months} = {months}", w.plus_prior));
    }
    x.line(2, text);
    let label = x.band_label(d.job, band);
    x.line(2, format!("→ {} {label}", w.band));
    x.cite(step);
}

fn floor(x: &mut Writer, d: &Decision, step: &Step, trace: &[Step], open: &mut Sections) {
    let StepKind::Floor {
        floor,
        coefficient,
        detail,
    } = &step.kind
    else {
        return;
    };
    let (w, lang) = (x.w, x.lang);
    let c = colon(lang);
    if !open.floors_open {
        x.heading(w.floors);
        open.floors_open = true;
    }
    let value = coefficient.map_or_else(|| "—".to_string(), |v| x.rules.grids.key_text(v));
    let what = match detail {
        FloorDetail::Job {
            band,
            written,
            from_band,
        } => {
            let layer = match floor {
                FloorName::Company => w.floor_company,
                _ => w.floor_job,
            };
            let mut t = format!("{layer}, {} {}", w.band, x.band_name(d.job, band));
            if let Some(b) = from_band {
                let name = x.band_name(d.job, b);
                t.push_str(&format!(" ({} {name})", w.blank_takes));
            } else if let Some(text) = written.as_ref().filter(|t| t.parse::<u32>().is_err()) {
                t.push_str(&format!(" ({text})"));
            }
            t
        }
        FloorDetail::Diploma { diploma } => {
            let name = diploma.map(|id| match x.rules.diploma_index(id) {
                Some(i) => x.rules.diplomas[i].label.as_str(),
                None => id,
            });
            format!("{} {}", w.floor_diploma, name.unwrap_or(w.not_given))
        }
        FloorDetail::PreviousCoefficient { given } => match given {
            Some(g) if Some(*g) != *coefficient => {
                format!("{} {g} → {}", w.floor_previous, value)
            }
            Some(_) => w.floor_previous.to_string(),
            None => format!("{} ({})", w.floor_previous, w.not_given),
        },
        FloorDetail::Mission { claims } if *claims == 0 => {
            format!("{} ({})", w.floor_mission, w.no_claim)
        }
        FloorDetail::Mission { claims } => {
            let claims = locale::count(*claims as u64, w.claims_count, lang);
            format!("{} ({claims})", w.floor_mission)
        }
        FloorDetail::Position { .. } => {
            super::grids::floor_words(detail, w.not_given, lang).unwrap_or_default()
        }
        FloorDetail::Criteria { total: None } => format!("{} ({})", w.floor_criteria, w.not_given),
        FloorDetail::Criteria { total: Some(total) } => {
            format!("{} ({total} {})", w.floor_criteria, w.degree_points.1)
        }
    };
    x.line(2, format!("{what}{c}{value}"));
    if matches!(detail, FloorDetail::Mission { .. }) {
        mission_window(x, trace);
    }
    if matches!(detail, FloorDetail::Criteria { total: Some(_) }) {
        super::criteria::degrees(x, trace);
    }
    x.cite(step);
}

fn entitlement(x: &mut Writer, step: &Step) {
    let StepKind::Entitlement { coefficient, floor } = &step.kind else {
        return;
    };
    let (w, c) = (x.w, colon(x.lang));
    let name = match floor {
        FloorName::Job => w.floor_job,
        FloorName::Company => w.floor_company,
        FloorName::Diploma => w.floor_diploma,
        FloorName::PreviousCoefficient => w.floor_previous,
        FloorName::Mission => w.floor_mission,
        FloorName::Position => "position",
        FloorName::Criteria => w.floor_criteria,
    };
    x.line(
        2,
        format!(
            "→ {}{c}{} ({} {name})",
            match x.rules.grids.rank_label(*coefficient) {
                Some(_) => w.wins_position,
                None => w.wins,
            },
            x.rules.grids.key_text(*coefficient),
            w.given_by
        ),
    );
}

fn transitional(x: &mut Writer, step: &Step) {
    let StepKind::Transitional {
        coefficient,
        since,
        until,
        next,
    } = &step.kind
    else {
        return;
    };
    let (w, c) = (x.w, colon(x.lang));
    let passed = if x.lang == Lang::Fr {
        "limite atteinte le"
    } else {
        "limit reached on"
    };
    x.line(
        2,
        format!(
            "→ {} {coefficient} {} {}, {passed} {}{c}{next}",
            w.transitional,
            w.since,
            x.date(*since),
            x.date(*until)
        ),
    );
    x.cite(step);
}

fn level(x: &mut Writer, step: &Step) {
    let StepKind::Level {
        coefficient,
        level,
        category,
        place,
    } = &step.kind
    else {
        return;
    };
    let (w, c) = (x.w, colon(x.lang));
    x.heading(w.classification);
    let label = x
        .rules
        .categories
        .iter()
        .find(|k| k.id == *category)
        .map_or(*category, |k| k.label.as_str());
    let placed = match place {
        Some(p) => super::grids::place_words(p, *coefficient, x.lang),
        None => coefficient.to_string(),
    };
    x.line(
        2,
        format!("{placed}{c}{} {level}, {} {label}", w.level, w.category),
    );
    x.cite(step);
}

fn status(x: &mut Writer, step: &Step) {
    let StepKind::Status { status } = &step.kind else {
        return;
    };
    let (w, c) = (x.w, colon(x.lang));
    let rules = &x.rules.status_rules;
    let label = rules.iter().find(|r| r.status == *status);
    let name = label.and_then(|r| r.label.as_deref()).unwrap_or(status);
    x.line(2, format!("{}{c}{name}", w.status));
    x.cite(step);
}

fn parameter(x: &mut Writer, step: &Step, open: &mut Sections) {
    let StepKind::Parameter {
        name,
        value,
        from,
        cited,
    } = &step.kind
    else {
        return;
    };
    let (w, lang) = (x.w, x.lang);
    let value = value
        .parse()
        .map_or_else(|_| value.to_string(), |v| locale::number(v, lang));
    let mut when = match from {
        Some(f) => format!("{} {}", w.since, x.date(*f)),
        None => w.set_for_run.to_string(),
    };
    if let Some(cited) = cited {
        when = format!("{when}, {cited}");
    }
    open.parameters.push(format!("{name} = {value} ({when})"));
}

fn formula(x: &mut Writer, step: &Step, open: &mut Sections) {
    let StepKind::Formula {
        what,
        formula,
        result,
    } = &step.kind
    else {
        return;
    };
    let (w, lang) = (x.w, x.lang);
    let c = colon(lang);
    if *what == FormulaKind::LevelMinimum {
        x.heading(w.minimum);
    }
    let label = match what {
        FormulaKind::LevelMinimum => w.level_minimum,
        FormulaKind::LegalMinimum => w.legal_minimum,
        FormulaKind::CompanyMinimum => w.company_minimum,
        FormulaKind::MinimumSalary => w.prorated,
    };
    let mut result = locale::money(crate::eval::expr::round_cent(*result), lang);
    if *what == FormulaKind::LevelMinimum && x.rules.hourly_levels {
        result = locale::per_hour(&result);
    }
    x.line(
        2,
        format!("{label}{c}{} = {result}", locale::formula(formula, lang)),
    );
    x.cite(step);
    for p in open.parameters.drain(..) {
        x.line(6, p);
    }
}

fn claim(x: &mut Writer, step: &Step, open: &mut Sections) {
    let StepKind::Claim {
        job,
        coefficient,
        since,
        days,
    } = &step.kind
    else {
        return;
    };
    let (w, lang) = (x.w, x.lang);
    if !open.claims_open {
        x.heading(w.claims);
        open.claims_open = true;
    }
    let text = format!(
        "{} {}, {} {} ({}) → {}",
        w.claim_line,
        x.job_name(job),
        w.since,
        x.date(*since),
        locale::count(*days, w.days, lang),
        coefficient.map_or("—".to_string(), |c| c.to_string())
    );
    x.line(2, text);
    x.cite(step);
}

fn minimum_owed(x: &mut Writer, step: &Step) {
    let StepKind::MinimumOwed {
        agreement,
        company,
        law,
        owed,
        from,
    } = &step.kind
    else {
        return;
    };
    let (w, lang) = (x.w, x.lang);
    let c = colon(lang);
    let money = |v: rust_decimal::Decimal| locale::money(v, lang);
    let mut weighed = Vec::new();
    if let Some(a) = agreement {
        weighed.push(format!("{} {}", w.agreement_minimum, money(*a)));
    }
    if let Some(c) = company {
        weighed.push(format!("{} {}", w.company_minimum, money(*c)));
    }
    if let Some(l) = law {
        weighed.push(format!("SMIC {}", money(*l)));
    }
    let applies = match from {
        MinimumFrom::Law => w.law_applies,
        MinimumFrom::Company => w.company_applies,
        MinimumFrom::Agreement => w.agreement_applies,
    };
    x.line(
        2,
        format!(
            "{}{c}{} ({}{c}{applies})",
            w.owed,
            money(*owed),
            weighed.join(", ")
        ),
    );
}

/// Under the mission floor, always: the mission days in the window that ends
/// on the evaluation date, against the cap (« 171 jours … plafond : 183 »).
fn mission_window(x: &mut Writer, trace: &[Step]) {
    let (w, lang) = (x.w, x.lang);
    let c = colon(lang);
    for step in trace {
        if let StepKind::MissionWindow {
            from,
            until,
            days,
            cap,
        } = step.kind
        {
            let (from_word, to_word, cap_word) = w.mission_window;
            let text = format!(
                "{from_word} {} {to_word} {}{c}{} ({cap_word}{c}{})",
                x.date(from),
                x.date(until),
                locale::count(days, w.days, lang),
                locale::count(cap, w.days, lang)
            );
            x.line(4, text);
        }
    }
}
