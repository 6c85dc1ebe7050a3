//! Scenarios of a proposal: the same proposal with other values of its
//! parameters (`--scenario smcc-1850:smcc=1850.00`), every employee decided once
//! under each, in the same run as the comparison, added up side by side.

use rust_decimal::Decimal;
use serde::Serialize;

use super::aggregate::{Counts, Mass, Shortfall};
use super::impact::{Kind, Side};
use crate::RuleSet;

/// A proposal with some parameters set otherwise.
#[derive(Debug, Clone)]
pub struct Scenario {
    pub name: String,
    /// `(name, value)` as given.
    pub settings: Vec<(String, String)>,
    pub rules: RuleSet,
}

impl Scenario {
    /// `NAME:param=value[,param=value]` over a copy of `proposal`; the error
    /// says what is wrong and how to write it.
    pub fn parse(proposal: &RuleSet, spec: &str) -> Result<Scenario, String> {
        let hint = "write NAME:param=value[,param=value], e.g. --scenario smcc-1850:smcc=1850.00";
        let Some((name, list)) = spec.split_once(':') else {
            return Err(format!("`--scenario {spec}`: no name: {hint}"));
        };
        let name = name.trim();
        if name.is_empty() || list.trim().is_empty() {
            return Err(format!("`--scenario {spec}`: {hint}"));
        }
        let mut rules = proposal.clone();
        let mut settings = Vec::new();
        for setting in list.split(',') {
            let Some((param, value)) = setting.split_once('=') else {
                return Err(format!("`--scenario {spec}`: `{setting}`: {hint}"));
            };
            crate::check::set_parameter(&mut rules, param.trim(), value)
                .map_err(|e| format!("--scenario {spec}: {e}"))?;
            settings.push((param.trim().to_string(), value.trim().to_string()));
        }
        Ok(Scenario {
            name: name.to_string(),
            settings,
            rules,
        })
    }

    /// `smcc = 1850.00, point = 7.00`.
    pub fn settings_text(&self) -> String {
        self.settings
            .iter()
            .map(|(n, v)| format!("{n} = {v}"))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// One employee under one scenario.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScenarioRow<'r> {
    pub scenario: &'r str,
    pub change: Kind,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub coefficient: Option<u32>,
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "super::impact::money_or_null"
    )]
    pub minimum_salary: Option<Decimal>,
    #[serde(skip)]
    pub(super) side: Option<Side<'r>>,
}

/// A scenario's aggregates, against the base.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ScenarioTotals<'r> {
    pub name: &'r str,
    pub settings: String,
    pub changes: Counts,
    /// Employees with a lower coefficient, level, status or minimum.
    pub losers: usize,
    pub mass: Mass,
    pub below_new_minimum: Shortfall,
}

impl<'r> ScenarioTotals<'r> {
    pub fn new(name: &'r str, settings: String) -> Self {
        ScenarioTotals {
            name,
            settings,
            ..Default::default()
        }
    }

    pub(super) fn add(
        &mut self,
        before: Option<&Side>,
        row: &ScenarioRow,
        salary: Option<Decimal>,
        lost: bool,
    ) {
        self.changes.add(row.change);
        if lost {
            self.losers += 1;
        }
        let minimum = |s: Option<&Side>| s.and_then(|s| s.minimum_salary);
        if let (Some(b), Some(a)) = (minimum(before), minimum(row.side.as_ref())) {
            self.mass.employees += 1;
            self.mass.before += b;
            self.mass.after += a;
        }
        self.below_new_minimum.add(row.side.as_ref(), salary);
    }
}
