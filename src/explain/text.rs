//! An explanation for a person: the trace of a decision, in French or English.

use std::fmt::Write as _;

use chrono::NaiveDate;

use super::locale::{self, Lang};
use super::{Route, WhyNot};
use crate::eval::trace::{FloorDetail, Step, StepKind};
use crate::eval::{Decision, TrialStatus};
use crate::facts::{Record, Rejection};
use crate::model::RuleSet;

/// The phrases of an explanation, in one language.
struct Words {
    employee: &'static str,
    as_of: &'static str,
    rules: &'static str,
    facts: &'static str,
    job_given: &'static str,
    in_job_since: &'static str,
    prior: &'static str,
    diploma: &'static str,
    hours: &'static str,
    hours_default: &'static str,
    salary: &'static str,
    applied: &'static str,
    previous: &'static str,
    missions: &'static str,
    moves: &'static str,
    experience: &'static str,
    from_to: (&'static str, &'static str),
    completed_months: &'static str,
    plus_prior: &'static str,
    band: &'static str,
    floors: &'static str,
    floor_job: &'static str,
    floor_company: &'static str,
    floor_diploma: &'static str,
    floor_previous: &'static str,
    floor_mission: &'static str,
    blank_takes: &'static str,
    not_given: &'static str,
    no_claim: &'static str,
    claims_count: &'static str,
    wins: &'static str,
    given_by: &'static str,
    transitional: &'static str,
    classification: &'static str,
    level: &'static str,
    category: &'static str,
    status: &'static str,
    minimum: &'static str,
    level_minimum: &'static str,
    prorated: &'static str,
    legal_minimum: &'static str,
    company_minimum: &'static str,
    agreement_minimum: &'static str,
    owed: &'static str,
    law_applies: &'static str,
    company_applies: &'static str,
    agreement_applies: &'static str,
    since: &'static str,
    set_for_run: &'static str,
    below: &'static str,
    not_below: &'static str,
    gap: &'static str,
    claims: &'static str,
    claim_line: &'static str,
    trial: &'static str,
    trial_cut: [&'static str; 3],
    ends_instead: (&'static str, &'static str),
    return_to: &'static str,
    next: &'static str,
    no_next: &'static str,
    warnings: &'static str,
    rejected: &'static str,
    why_not: &'static str,
    current: &'static str,
    already: &'static str,
    by_experience: &'static str,
    by_diploma: &'static str,
    by_previous: &'static str,
    unreachable: &'static str,
    rule: &'static str,
}

const FR: Words = Words {
    employee: "Salarié",
    as_of: "au",
    rules: "Règles",
    facts: "Faits retenus",
    job_given: "métier déclaré",
    in_job_since: "dans le métier depuis le",
    prior: "expérience antérieure dans le métier",
    diploma: "diplôme",
    hours: "durée mensuelle",
    hours_default: "non déclarée (durée de référence)",
    salary: "salaire",
    applied: "coefficient appliqué",
    previous: "coefficient du dernier poste dans la branche",
    missions: "missions",
    moves: "mobilités",
    experience: "Expérience dans le métier",
    from_to: ("du", "au"),
    completed_months: "mois révolus",
    plus_prior: "plus",
    band: "tranche",
    floors: "Planchers (le plus élevé l'emporte)",
    floor_job: "métier",
    floor_company: "accord d'entreprise",
    floor_diploma: "diplôme",
    floor_previous: "coefficient antérieur",
    floor_mission: "missions",
    blank_takes: "case vide : valeur de la tranche",
    not_given: "non renseigné",
    no_claim: "aucun droit",
    claims_count: "droit(s) ouvert(s)",
    wins: "coefficient retenu",
    given_by: "plancher",
    transitional: "coefficient transitoire",
    classification: "Classement",
    level: "niveau",
    category: "catégorie",
    status: "statut",
    minimum: "Salaire minimum",
    level_minimum: "minimum du niveau",
    prorated: "salaire minimum",
    legal_minimum: "SMIC pour ces heures",
    company_minimum: "minimum de l'accord d'entreprise",
    agreement_minimum: "minimum conventionnel",
    owed: "minimum dû",
    law_applies: "le SMIC s'applique",
    company_applies: "l'accord d'entreprise s'applique",
    agreement_applies: "le minimum conventionnel s'applique",
    since: "depuis le",
    set_for_run: "fixé pour ce calcul",
    below: "sous le minimum de",
    not_below: "au moins égal au minimum",
    gap: "coefficient dû en plus du coefficient appliqué",
    claims: "Droits ouverts",
    claim_line: "plafond des missions dépassé : qualification de",
    trial: "Période d'essai de la dernière mobilité",
    trial_cut: [
        "raccourcie par l'accord d'entreprise",
        "plafond légal du premier essai",
        "plafond légal, renouvellement compris",
    ],
    ends_instead: ("fin le", "au lieu du"),
    return_to: "retour en cas de rupture",
    next: "Prochaine étape automatique",
    no_next: "l'expérience seule n'élève plus le coefficient",
    warnings: "Avertissements",
    rejected: "ne peut pas être classé",
    why_not: "Pourquoi pas",
    current: "coefficient actuel",
    already: "déjà atteint",
    by_experience: "par l'expérience seule, le",
    by_diploma: "avec le diplôme",
    by_previous: "avec un coefficient antérieur d'au moins",
    unreachable: "aucun changement des faits ne l'atteint sous ces règles",
    rule: "règle",
};

const EN: Words = Words {
    employee: "Employee",
    as_of: "as of",
    rules: "Rules",
    facts: "Facts used",
    job_given: "job given",
    in_job_since: "in the job since",
    prior: "prior experience in the job",
    diploma: "diploma",
    hours: "monthly hours",
    hours_default: "not given (reference hours)",
    salary: "salary",
    applied: "coefficient applied",
    previous: "coefficient of the last post in the sector",
    missions: "missions",
    moves: "moves",
    experience: "Experience in the job",
    from_to: ("from", "to"),
    completed_months: "completed months",
    plus_prior: "plus",
    band: "band",
    floors: "Floors (the highest wins)",
    floor_job: "job",
    floor_company: "company agreement",
    floor_diploma: "diploma",
    floor_previous: "previous coefficient",
    floor_mission: "missions",
    blank_takes: "blank cell: value of band",
    not_given: "not given",
    no_claim: "no claim",
    claims_count: "claim(s)",
    wins: "coefficient",
    given_by: "floor",
    transitional: "transitional coefficient",
    classification: "Classification",
    level: "level",
    category: "category",
    status: "status",
    minimum: "Minimum salary",
    level_minimum: "level minimum",
    prorated: "minimum salary",
    legal_minimum: "SMIC for these hours",
    company_minimum: "company agreement's minimum",
    agreement_minimum: "agreement's minimum",
    owed: "minimum owed",
    law_applies: "the SMIC applies",
    company_applies: "the company agreement applies",
    agreement_applies: "the agreement's minimum applies",
    since: "since",
    set_for_run: "set for this run",
    below: "below the minimum by",
    not_below: "at least the minimum",
    gap: "coefficient owed above the one applied",
    claims: "Claims",
    claim_line: "mission cap exceeded: qualification of",
    trial: "Trial period of the latest move",
    trial_cut: [
        "shortened by the company agreement",
        "legal cap on the first trial",
        "legal cap, renewal included",
    ],
    ends_instead: ("ends on", "instead of"),
    return_to: "return if broken",
    next: "Next automatic step",
    no_next: "experience alone no longer raises the coefficient",
    warnings: "Warnings",
    rejected: "cannot be classified",
    why_not: "Why not",
    current: "current coefficient",
    already: "already reached",
    by_experience: "by experience alone, on",
    by_diploma: "with the diploma",
    by_previous: "with a previous coefficient of at least",
    unreachable: "no change of facts reaches it under these rules",
    rule: "rule",
};

struct Writer<'a> {
    out: String,
    w: &'static Words,
    lang: Lang,
    rules: &'a RuleSet,
}

impl Writer<'_> {
    /// One line, its control characters escaped: an id or a job name from the
    /// facts can neither forge another line nor drive the terminal.
    fn line(&mut self, indent: usize, text: impl AsRef<str>) {
        let text = crate::report::for_people(text.as_ref());
        let _ = writeln!(self.out, "{}{text}", " ".repeat(indent));
    }

    fn heading(&mut self, text: &str) {
        self.out.push('\n');
        self.line(0, text);
    }

    fn date(&self, d: NaiveDate) -> String {
        locale::date(d, self.lang)
    }

    /// The rule's place and citation, on its own line under a step.
    fn cite(&mut self, step: &Step) {
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
    }

    fn band_label(&self, job: &str, band: &str) -> String {
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
    let title = if rules.agreement.title.is_empty() {
        rules.file().name.to_string()
    } else {
        format!("{} ({})", rules.agreement.title, rules.file().name)
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
    layers(&mut x, rules);
    let trace = outcome
        .as_ref()
        .ok()
        .and_then(|d| d.trace.as_deref())
        .unwrap_or(&[]);
    facts(&mut x, record, trace);
    match outcome {
        Err(rejection) => {
            x.heading(&format!("{} {}", record.id, w.rejected));
            x.line(2, rejection.to_string());
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
fn layers(x: &mut Writer, rules: &RuleSet) {
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
        x.line(0, format!("{role}{c}{} ({})", layer.title, layer.path));
    }
}

fn colon(lang: Lang) -> &'static str {
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
    if r.prior_job_months > 0 {
        x.line(
            2,
            format!(
                "{}{c}{} {}",
                w.prior,
                r.prior_job_months,
                if lang == Lang::Fr { "mois" } else { "months" }
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
}

fn steps(x: &mut Writer, record: &Record, d: &Decision) {
    let (w, lang) = (x.w, x.lang);
    let c = colon(lang);
    let trace = d.trace.as_deref().unwrap_or(&[]);
    let (mut floors_open, mut claims_open) = (false, false);
    // Parameters are read while a formula is computed: show them under it.
    let mut parameters: Vec<String> = Vec::new();
    for step in trace {
        match &step.kind {
            StepKind::Job { .. } => {}
            StepKind::Experience {
                since,
                until,
                completed_months,
                prior_months,
                months,
                band,
            } => {
                x.heading(w.experience);
                let mut text = format!(
                    "{} {} {} {}{c}{completed_months} {}",
                    w.from_to.0,
                    x.date(*since),
                    w.from_to.1,
                    x.date(*until),
                    w.completed_months
                );
                if *prior_months > 0 {
                    text.push_str(&format!(", {} {prior_months} = {months}", w.plus_prior));
                }
                x.line(2, text);
                let label = x.band_label(d.job, band);
                x.line(2, format!("→ {} {label}", w.band));
                x.cite(step);
            }
            StepKind::Floor {
                floor,
                coefficient,
                detail,
            } => {
                if !floors_open {
                    x.heading(w.floors);
                    floors_open = true;
                }
                let value = coefficient.map_or_else(|| "—".to_string(), |v| v.to_string());
                let what = match detail {
                    FloorDetail::Job {
                        band,
                        written,
                        from_band,
                    } => {
                        let layer = match *floor {
                            "company" => w.floor_company,
                            _ => w.floor_job,
                        };
                        let mut t = format!("{layer}, {} {band}", w.band);
                        if let Some(b) = from_band {
                            t.push_str(&format!(" ({} {b})", w.blank_takes));
                        } else if let Some(text) =
                            written.as_ref().filter(|t| t.parse::<u32>().is_err())
                        {
                            t.push_str(&format!(" ({text})"));
                        }
                        t
                    }
                    FloorDetail::Diploma { diploma } => {
                        format!("{} {}", w.floor_diploma, diploma.unwrap_or(w.not_given))
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
                        format!("{} ({claims} {})", w.floor_mission, w.claims_count)
                    }
                };
                x.line(2, format!("{what}{c}{value}"));
                x.cite(step);
            }
            StepKind::Entitlement { coefficient, floor } => {
                let name = match *floor {
                    "job" => w.floor_job,
                    "company" => w.floor_company,
                    "diploma" => w.floor_diploma,
                    "previous-coefficient" => w.floor_previous,
                    _ => w.floor_mission,
                };
                x.line(
                    2,
                    format!("→ {}{c}{coefficient} ({} {name})", w.wins, w.given_by),
                );
            }
            StepKind::Transitional {
                coefficient,
                since,
                until,
                next,
            } => {
                let passed = if lang == Lang::Fr {
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
            StepKind::Level {
                coefficient,
                level,
                category,
            } => {
                x.heading(w.classification);
                let label = x
                    .rules
                    .categories
                    .iter()
                    .find(|k| k.id == *category)
                    .map_or(*category, |k| k.label.as_str());
                x.line(
                    2,
                    format!(
                        "{coefficient}{c}{} {level}, {} {label}",
                        w.level, w.category
                    ),
                );
                x.cite(step);
            }
            StepKind::Status { status } => {
                x.line(2, format!("{}{c}{status}", w.status));
                x.cite(step);
            }
            StepKind::Parameter {
                name,
                value,
                from,
                cited,
            } => {
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
                parameters.push(format!("{name} = {value} ({when})"));
            }
            StepKind::Formula {
                what,
                formula,
                result,
            } => {
                if *what == "level-minimum" {
                    x.heading(w.minimum);
                }
                let label = match *what {
                    "level-minimum" => w.level_minimum,
                    "legal-minimum" => w.legal_minimum,
                    "company-minimum" => w.company_minimum,
                    _ => w.prorated,
                };
                x.line(
                    2,
                    format!(
                        "{label}{c}{} = {}",
                        locale::formula(formula, lang),
                        locale::money(crate::eval::expr::round_cent(*result), lang)
                    ),
                );
                x.cite(step);
                for p in parameters.drain(..) {
                    x.line(6, p);
                }
            }
            StepKind::Claim {
                job,
                coefficient,
                since,
                days,
            } => {
                if !claims_open {
                    x.heading(w.claims);
                    claims_open = true;
                }
                x.line(
                    2,
                    format!(
                        "{} {job}, {} {} ({days} {}) → {}",
                        w.claim_line,
                        w.since,
                        x.date(*since),
                        if lang == Lang::Fr { "jours" } else { "days" },
                        coefficient.map_or("—".to_string(), |c| c.to_string())
                    ),
                );
                x.cite(step);
            }
            StepKind::MinimumOwed {
                agreement,
                company,
                law,
                owed,
                from,
            } => {
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
                let applies = match *from {
                    "law" => w.law_applies,
                    "company" => w.company_applies,
                    _ => w.agreement_applies,
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
            StepKind::Trial { .. }
            | StepKind::TrialCut { .. }
            | StepKind::NextStep { .. }
            | StepKind::Warning { .. } => {}
        }
    }
    outcome_lines(x, record, d);
}

/// What follows from the decision: pay, claims, trial, next step, warnings.
fn outcome_lines(x: &mut Writer, record: &Record, d: &Decision) {
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
        x.heading(w.trial);
        let status = match (t.status, lang) {
            (TrialStatus::Running, Lang::Fr) => "en cours",
            (TrialStatus::Completed, Lang::Fr) => "terminée",
            (TrialStatus::Broken, Lang::Fr) => "rompue",
            (s, Lang::En) => s.as_str(),
        };
        x.line(
            2,
            format!(
                "{} : {} → {} ({status})",
                t.job,
                x.date(t.start),
                x.date(t.end)
            )
            .replace(" : ", c),
        );
        let back = t
            .return_coefficient
            .map_or(String::new(), |c| format!(", {c}"));
        trial_cuts(x, d.trace.as_deref().unwrap_or(&[]));
        x.line(2, format!("{}{c}{}{back}", w.return_to, t.return_to));
    }
    x.heading(w.next);
    match &d.next_step {
        Some(n) => {
            let label = x.band_label(d.job, n.band);
            x.line(
                2,
                format!("{} : {} {label} → {}", x.date(n.on), w.band, n.coefficient)
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

fn why_not_section(x: &mut Writer, answer: &WhyNot) {
    let (w, lang) = (x.w, x.lang);
    let c = colon(lang);
    let target = match &answer.target {
        super::Target::Coefficient(c) => c.to_string(),
        super::Target::Level(n) => format!("{} {n}", w.level),
        super::Target::Band(b) => format!("{} {b}", w.band),
    };
    let question = match lang {
        Lang::Fr => format!("{} {target} ?", w.why_not),
        Lang::En => format!("{} {target}?", w.why_not),
    };
    x.heading(&question);
    x.line(2, format!("{}{c}{}", w.current, answer.current));
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
