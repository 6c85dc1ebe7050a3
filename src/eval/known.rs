//! Values read beyond what the texts confirm (`connu jusqu'au`): a rule file may
//! say until when a parameter's or a table's values are known to hold; a decision
//! on a later day that reads them carries a warning naming them, instead of using
//! the last known value in silence (issue 17, item 3).

use chrono::NaiveDate;

use super::Warning;
use crate::model::{Expr, ExprKind, RuleSet};

/// For each grid coefficient from `lowest` to `top`, the warnings of the values
/// its minimum salary reads (the level's minimum, the minimum-salary formula, the
/// reference hours) that are known only until a day before `on`. Empty lists
/// when nothing is stale: the decision then only checks a length.
pub(super) fn beyond_known_by_coefficient<'r>(
    rules: &'r RuleSet,
    on: NaiveDate,
    (lowest, top): (u32, u32),
) -> Vec<Vec<Warning<'r>>> {
    let stale_anywhere = rules
        .params
        .iter()
        .any(|p| p.known_until.is_some_and(|k| k < on))
        || rules
            .tables
            .iter()
            .any(|t| t.known_until.is_some_and(|k| k < on));
    let count = top.saturating_sub(lowest) as usize + 1;
    if !stale_anywhere {
        return vec![Vec::new(); count];
    }
    let mut shared = Vec::new();
    let formula = rules.minimum_salary.as_ref().map(|m| &m.formula);
    for expr in [rules.reference_hours.as_ref(), formula]
        .into_iter()
        .flatten()
    {
        stale_reads(rules, expr, on, &mut shared);
    }
    (lowest..=top.max(lowest))
        .map(|c| {
            let mut warnings = shared.clone();
            if let Some(minimum) = rules
                .level_of(c)
                .and_then(|l| rules.levels[l].minimum.as_ref())
            {
                stale_reads(rules, minimum, on, &mut warnings);
            }
            warnings
        })
        .collect()
}

/// The parameters and tables `expr` reads whose values are known only until
/// before `on`, each once, as warnings.
fn stale_reads<'r>(rules: &'r RuleSet, expr: &Expr, on: NaiveDate, out: &mut Vec<Warning<'r>>) {
    match &expr.kind {
        ExprKind::Param(p) => {
            let param = &rules.params[*p];
            let since = param.at(on).map(|v| v.0);
            add_stale(out, &param.name, since, param.known_until, on);
        }
        ExprKind::Lookup(t, key) => {
            let table = &rules.tables[*t];
            let since = table.at(on).map(|v| v.0);
            add_stale(out, &table.name, since, table.known_until, on);
            stale_reads(rules, key, on, out);
        }
        ExprKind::Round(inner) | ExprKind::Neg(inner) => stale_reads(rules, inner, on, out),
        ExprKind::Binary(_, l, r) => {
            stale_reads(rules, l, on, out);
            stale_reads(rules, r, on, out);
        }
        ExprKind::Number(_) | ExprKind::Input(_) | ExprKind::Fact(_) => {}
        ExprKind::RoundTo(..) | ExprKind::Extreme(..) | ExprKind::If(_) => {
            for child in expr.children() {
                stale_reads(rules, child, on, out);
            }
        }
    }
}

fn add_stale<'r>(
    out: &mut Vec<Warning<'r>>,
    name: &'r str,
    since: Option<NaiveDate>,
    known: Option<NaiveDate>,
    on: NaiveDate,
) {
    let Some(known_until) = known.filter(|k| *k < on) else {
        return;
    };
    let seen = out
        .iter()
        .any(|w| matches!(w, Warning::BeyondKnown { name: n, .. } if *n == name));
    if !seen {
        out.push(Warning::BeyondKnown {
            name,
            since,
            known_until,
            on,
        });
    }
}
