//! Rule values written back as the language writes them (French keywords), so
//! that a redline compares what negotiators read, not how the file lays it out:
//! two formulas that print the same are the same rule.

use chrono::NaiveDate;

use crate::model::*;
use crate::syntax::keywords::*;

/// A formula of the rule set: `arrondi(indice[coefficient] × point_employes)`.
pub fn formula(rules: &RuleSet, e: &Expr) -> String {
    let mut out = String::new();
    e.write(&mut out, &mut |leaf, out| name(rules, leaf, out));
    out
}

/// A leaf of a formula by its name in the rule file.
fn name(rules: &RuleSet, leaf: &Expr, out: &mut String) {
    match &leaf.kind {
        ExprKind::Param(p) => out.push_str(&rules.params[*p].name),
        ExprKind::Lookup(t, key) => {
            out.push_str(&rules.tables[*t].name);
            out.push('[');
            out.push_str(&formula(rules, key));
            out.push(']');
        }
        ExprKind::Input(Input::Hours) => out.push_str(HOURS.fr),
        ExprKind::Input(Input::Coefficient) => out.push_str("coefficient"),
        ExprKind::Input(Input::LevelMinimum) => out.push_str(MINIMUM.fr),
        _ => {}
    }
}

pub fn optional_formula(rules: &RuleSet, e: &Option<Expr>) -> String {
    e.as_ref()
        .map_or_else(|| "—".to_string(), |e| formula(rules, e))
}

/// `120 à 140` or `120, 130, 140`.
pub fn coefficients(c: &Coefficients) -> String {
    match c {
        Coefficients::Range(low, high) => format!("{low} {} {high}", TO.fr),
        Coefficients::List(list) => {
            let items: Vec<String> = list.iter().map(u32::to_string).collect();
            items.join(", ")
        }
    }
}

pub fn type_name(param: &Param) -> &'static str {
    match param.ty {
        Type::Amount => TYPE_AMOUNT.fr,
        Type::Hourly => TYPE_HOURLY.fr,
        Type::Hours => TYPE_HOURS.fr,
        Type::Annual => TYPE_ANNUAL.fr,
        Type::Duration => TYPE_DURATION.fr,
        Type::Number if param.integer => TYPE_INTEGER.fr,
        Type::Number => TYPE_DECIMAL.fr,
    }
}

/// `1234.50 €`, `37.5`, `24 mois`.
pub fn value(v: &Value, ty: Type) -> String {
    match v {
        Value::Number(n) if ty == Type::Amount => format!("{n} €"),
        Value::Number(n) if ty == Type::Hourly => format!("{n} €/h"),
        Value::Number(n) if ty == Type::Hours => format!("{n} h"),
        Value::Number(n) if ty == Type::Annual => format!("{n} €/an"),
        Value::Number(n) => n.to_string(),
        Value::Duration(d) => duration(*d),
    }
}

pub fn duration(d: Duration) -> String {
    let one = d.count == 1;
    let unit = match d.unit {
        TimeUnit::Days if one => "jour",
        TimeUnit::Days => "jours",
        TimeUnit::Weeks if one => "semaine",
        TimeUnit::Weeks => "semaines",
        TimeUnit::Months => "mois",
        TimeUnit::Years if one => "an",
        TimeUnit::Years => "ans",
    };
    format!("{} {unit}", d.count)
}

/// `depuis 2008-05-29`; a value set on the command line holds at every date.
pub fn since(day: NaiveDate) -> String {
    if day == NaiveDate::MIN {
        "pour cette comparaison (--set)".to_string()
    } else {
        format!("{} {day}", SINCE.fr)
    }
}

pub fn duration_ref(rules: &RuleSet, d: DurationRef) -> String {
    match d {
        DurationRef::Literal(d) => duration(d),
        // The value with its unit, the parameter's name beside it: "183 jours
        // (missions_plafond)"; the latest value when it is dated more than once.
        DurationRef::Param(p) => {
            let param = &rules.params[p];
            match param.values.last() {
                Some((_, v)) => format!("{} ({})", value(v, param.ty), param.name),
                None => param.name.clone(),
            }
        }
    }
}

pub fn status_rule(rules: &RuleSet, rule: &StatusRule) -> String {
    match &rule.condition {
        None => format!("{} {}", rule.status, OTHERWISE.fr),
        Some(Condition::Category(c)) => {
            format!(
                "{} {} {} {}",
                rule.status, IF.fr, CATEGORY.fr, rules.categories[*c].id
            )
        }
        Some(Condition::Compare { subject, op, value }) => {
            let subject = match subject {
                CompareSubject::Coefficient => "coefficient",
                CompareSubject::Level => LEVEL.fr,
            };
            let op = match op {
                CompareOp::Ge => "≥",
                CompareOp::Le => "≤",
                CompareOp::Gt => ">",
                CompareOp::Lt => "<",
                CompareOp::Eq => "=",
                CompareOp::Ne => "≠",
            };
            format!("{} {} {subject} {op} {value}", rule.status, IF.fr)
        }
    }
}

/// A job's cell: `170`, `vide`, or `280 (catégorie cadres)` when written otherwise.
pub fn cell(c: &JobCell) -> String {
    match (c.coefficient, c.written.as_deref()) {
        (None, _) => BLANK.fr.to_string(),
        (Some(v), Some(w)) if w != v.to_string() => format!("{v} ({w})"),
        (Some(v), _) => v.to_string(),
    }
}

/// `debutant « Débutant » : de 0 à 6 mois`.
pub fn band(b: &Band) -> String {
    let label = b
        .label
        .as_deref()
        .map(|l| format!(" « {l} »"))
        .unwrap_or_default();
    let range = match b.to_months {
        Some(to) => format!(
            "{} {} {} {to} {}",
            RANGE_FROM.fr, b.from_months, TO.fr, UNIT_MONTHS.fr
        ),
        None => format!("{} {} {}", OPEN_FROM.fr, b.from_months, UNIT_MONTHS.fr),
    };
    format!("{}{label} : {range}", b.id)
}

pub fn floor_kind(kind: FloorKind) -> String {
    let kind = match kind {
        FloorKind::Job => JOB,
        FloorKind::Diploma => DIPLOMA,
        FloorKind::PreviousCoefficient => PREVIOUS_COEFFICIENT,
        FloorKind::Mission => MISSION,
        FloorKind::Position => POSITION,
        FloorKind::Criteria => CRITERIA,
    };
    format!("{} {}", FLOOR.fr, kind.fr)
}

/// A floor's option, where its kind has one.
pub fn floor_option(f: &Floor) -> String {
    let (option, choice) = match f.kind {
        FloorKind::Job => match f.blank_cell {
            BlankCell::PreviousBand => (BLANK_CELL, PREVIOUS_BAND),
            BlankCell::NoFloor => (BLANK_CELL, NO_FLOOR),
        },
        FloorKind::PreviousCoefficient => match f.off_grid {
            OffGrid::NextLevel => (OFF_GRID, NEXT_LEVEL),
            OffGrid::Reject => (OFF_GRID, REJECT),
        },
        _ => return "—".to_string(),
    };
    format!("{} : {}", option.fr, choice.fr)
}

/// What a trial rule applies to, as the file writes it: `catégorie tam`, `coefficients 240 à 250`.
pub fn trial_selector(rules: &RuleSet, selector: crate::model::TrialSelector) -> String {
    match selector {
        crate::model::TrialSelector::Category(c) => format!("catégorie {}", rules.categories[c].id),
        crate::model::TrialSelector::Coefficients { from, to } => {
            format!("coefficients {from} à {to}")
        }
        crate::model::TrialSelector::Grid { grid, range } => {
            let grid = &rules.grids.grids[grid].id;
            match range {
                Some((from, to)) => format!("grille {grid}, coefficients {from} à {to}"),
                None => format!("grille {grid}"),
            }
        }
    }
}

pub fn trial_rule(rules: &RuleSet, t: &TrialRule) -> String {
    let mut text = duration_ref(rules, t.length);
    if let Some(renewal) = t.renewal {
        text.push_str(&format!(
            ", {} {}",
            RENEWAL.fr,
            duration_ref(rules, renewal)
        ));
    }
    if let Some(from) = t.renewal_from_coefficient {
        text.push_str(&format!(" {} {from}", FROM_COEFFICIENT.fr));
    }
    text
}

pub fn quoted(label: &Option<String>) -> String {
    label
        .as_deref()
        .map(|l| format!("« {l} »"))
        .unwrap_or_default()
}
