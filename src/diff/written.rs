//! Rule values written back as the language writes them (French keywords), so
//! that a redline compares what negotiators read, not how the file lays it out:
//! two formulas that print the same are the same rule.

use chrono::NaiveDate;

use crate::model::*;

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
        ExprKind::Input(Input::Hours) => out.push_str("heures"),
        ExprKind::Input(Input::Coefficient) => out.push_str("coefficient"),
        ExprKind::Input(Input::LevelMinimum) => out.push_str("minimum"),
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
        Coefficients::Range(low, high) => format!("{low} à {high}"),
        Coefficients::List(list) => {
            let items: Vec<String> = list.iter().map(u32::to_string).collect();
            items.join(", ")
        }
    }
}

pub fn type_name(param: &Param) -> &'static str {
    match param.ty {
        Type::Amount => "montant",
        Type::Hourly => "montant horaire",
        Type::Hours => "heures",
        Type::Annual => "montant annuel",
        Type::Duration => "durée",
        Type::Number if param.integer => "entier",
        Type::Number => "décimal",
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
        format!("depuis {day}")
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
        None => format!("{} sinon", rule.status),
        Some(Condition::Category(c)) => {
            format!("{} si catégorie {}", rule.status, rules.categories[*c].id)
        }
        Some(Condition::Compare { subject, op, value }) => {
            let subject = match subject {
                CompareSubject::Coefficient => "coefficient",
                CompareSubject::Level => "niveau",
            };
            let op = match op {
                CompareOp::Ge => "≥",
                CompareOp::Le => "≤",
                CompareOp::Gt => ">",
                CompareOp::Lt => "<",
                CompareOp::Eq => "=",
                CompareOp::Ne => "≠",
            };
            format!("{} si {subject} {op} {value}", rule.status)
        }
    }
}

/// A job's cell: `170`, `vide`, or `280 (catégorie cadres)` when written otherwise.
pub fn cell(c: &JobCell) -> String {
    match (c.coefficient, c.written.as_deref()) {
        (None, _) => "vide".to_string(),
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
        Some(to) => format!("de {} à {to} mois", b.from_months),
        None => format!("à partir de {} mois", b.from_months),
    };
    format!("{}{label} : {range}", b.id)
}

pub fn floor_kind(kind: FloorKind) -> &'static str {
    match kind {
        FloorKind::Job => "plancher métier",
        FloorKind::Diploma => "plancher diplôme",
        FloorKind::PreviousCoefficient => "plancher coefficient antérieur",
        FloorKind::Mission => "plancher mission",
    }
}

/// A floor's option, where its kind has one.
pub fn floor_option(f: &Floor) -> String {
    match f.kind {
        FloorKind::Job => match f.blank_cell {
            BlankCell::PreviousBand => "case vide : tranche précédente",
            BlankCell::NoFloor => "case vide : aucun plancher",
        },
        FloorKind::PreviousCoefficient => match f.off_grid {
            OffGrid::NextLevel => "hors grille : niveau supérieur",
            OffGrid::Reject => "hors grille : rejet",
        },
        _ => "—",
    }
    .to_string()
}

pub fn trial_rule(rules: &RuleSet, t: &TrialRule) -> String {
    let mut text = duration_ref(rules, t.length);
    if let Some(renewal) = t.renewal {
        text.push_str(&format!(
            ", renouvellement {}",
            duration_ref(rules, renewal)
        ));
    }
    if let Some(from) = t.renewal_from_coefficient {
        text.push_str(&format!(" dès le coefficient {from}"));
    }
    text
}

pub fn quoted(label: &Option<String>) -> String {
    label
        .as_deref()
        .map(|l| format!("« {l} »"))
        .unwrap_or_default()
}
