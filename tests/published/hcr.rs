//! HCR (IDCC 1979): `rules/hcr-1979.grille` against the tables of
//! `tests/inputs/published/hcr-1979/` (README there: how each was read).
//!
//! Every worker here is at one position of the grid, given as the `position`
//! fact, hired and placed there on the day of the decision (so that the year
//! at I.1 of CCN art. 34, III, which raises an échelon, never applies), with
//! 151,67 hours a month, the 35 hours of the law's reference (L3121-27).

use chrono::{Months, NaiveDate};
use rust_decimal::Decimal;
use serde_json::{json, Value};

use harness::{amount, cents, date, day_before, decimal, traced_formula};

const RULES: &str = "rules/hcr-1979.grille";
const DIR: &str = "tests/inputs/published/hcr-1979";

/// The hourly grids in the order they took effect (avenants n° 29, 31, 33, art. 2).
const HOURLY: [&str; 3] = [
    "hourly-avenant29.tsv",
    "hourly-avenant31.tsv",
    "hourly-avenant33.tsv",
];

/// The last day the rule file says avenant n° 33's minima are known to hold
/// (`connu jusqu'au`): no later text is in the sources.
const KNOWN_UNTIL: &str = "2026-12-31";

/// The monthly reference hours: 35 h × 52 / 12, written 151,67 by payroll.
const REFERENCE_HOURS: &str = "151.67";

fn table(name: &str) -> harness::Table {
    harness::read_tsv(&format!("{DIR}/{name}"))
}

/// `I` … `V` as the integer the decision's `level` carries (design decision 1:
/// niveau IV is 4).
fn level_number(roman: &str) -> u64 {
    match roman {
        "I" => 1,
        "II" => 2,
        "III" => 3,
        "IV" => 4,
        "V" => 5,
        other => panic!("not a level of the HCR grid: {other}"),
    }
}

/// A worker at `position`, placed and hired on `day`, at the reference hours.
fn worker(position: &str, day: NaiveDate) -> Value {
    json!({
        "id": format!("{position}@{day}"),
        "position": position,
        "position_since": day.to_string(),
        "hired_on": day.to_string(),
        "hours": REFERENCE_HOURS,
    })
}

/// The hourly minimum the decision used: the `hourly_minimum` field, else the
/// level minimum of its trace.
fn hourly_minimum(decision: &Value) -> Option<Decimal> {
    amount(decision, "hourly_minimum").or_else(|| traced_formula(decision, "level-minimum"))
}

/// The date of effect of a published table: its `effet` column, one date for
/// every row.
fn effect(table: &harness::Table) -> NaiveDate {
    let first = table.rows[0].get("effet");
    for row in &table.rows {
        assert_eq!(row.get("effet"), first, "{}:{}", table.path, row.line);
    }
    date(first)
}

/// Every échelon of every hourly grid, on its date of effect and on the day
/// before the next text's (the last: the day the file says its values are
/// known until): the decision places the worker at that position, its hourly
/// minimum is the printed one, and its agreement minimum is that rate for
/// 151,67 hours, rounded once to the cent.
///
/// Arithmetic (avenants n° 29, 31, 33, art. 2: "rémunérations horaires brutes
/// … dans le respect des salaires minima conventionnels suivants"; reading 2 of
/// docs/design/branches.md, HCR): monthly minimum = hourly × 151,67 h, rounded
/// half away from zero to the cent, e.g. 12,08 × 151,67 = 1 832,1736 → 1 832,17 €.
#[test]
fn hourly_minimums_as_published() {
    let rules = harness::load(RULES);
    let tables: Vec<harness::Table> = HOURLY.iter().map(|name| table(name)).collect();
    let mut checked = 0;
    for (i, published) in tables.iter().enumerate() {
        let first = effect(published);
        let last = match tables.get(i + 1) {
            Some(next) => day_before(effect(next)),
            None => date(KNOWN_UNTIL),
        };
        for row in &published.rows {
            let (niveau, echelon) = (row.get("niveau"), row.get("echelon"));
            let position = format!("{niveau}.{echelon}");
            let rate = decimal(row.get("minimum_horaire"));
            let monthly = cents(rate * decimal(REFERENCE_HOURS));
            for day in [first, last] {
                let at = format!("{}:{} on {day}", published.path, row.line);
                let decision = harness::decide(&rules, day, &worker(&position, day));
                assert_eq!(decision["position"], json!(position), "{at}: position");
                assert_eq!(decision["grid"], json!("hcr"), "{at}: grid");
                assert_eq!(
                    decision["level"],
                    json!(level_number(niveau)),
                    "{at}: level"
                );
                assert_eq!(
                    hourly_minimum(&decision),
                    Some(rate),
                    "{at}: hourly minimum"
                );
                let agreement = amount(&decision, "minimum_agreement")
                    .unwrap_or_else(|| panic!("{at}: no minimum_agreement (is the law above?)"));
                assert_eq!(agreement, monthly, "{at}: monthly agreement minimum");
                // The law raises it, never lowers it: the minimum owed is the higher.
                let law = amount(&decision, "minimum_law").expect("minimum_law");
                let owed = amount(&decision, "minimum_salary").expect("minimum_salary");
                assert_eq!(owed, agreement.max(law), "{at}: minimum owed");
                checked += 1;
            }
        }
    }
    // 3 grids × 15 échelons × 2 days.
    assert_eq!(checked, 90);
}

/// Avenant n° 30, art. 2.1: "5 niveaux de qualification déclinés chacun en 3
/// échelons, y compris désormais pour le niveau IV", in force 2022-12-01. Each
/// published position is a position of the grid that day, at its level; a
/// position the table does not print is refused. The categories are a reading
/// (design, HCR reading 1): levels I–III the "autres salariés" (`employes`),
/// IV the agents de maîtrise (`tam`, the law's "agents de maîtrise et
/// techniciens"; the only tie the text makes), V the cadres (`cadres`, status cadre).
#[test]
fn classification_as_published() {
    let rules = harness::load(RULES);
    let published = table("classification-avenant30.tsv");
    let mut positions = std::collections::BTreeSet::new();
    for row in &published.rows {
        let day = date(row.get("effet"));
        let (niveau, echelon) = (row.get("niveau"), row.get("echelon"));
        let position = row.get("position");
        assert_eq!(
            position,
            format!("{niveau}.{echelon}"),
            "{}:{}",
            published.path,
            row.line
        );
        let at = format!("{}:{} on {day}", published.path, row.line);
        let decision = harness::decide(&rules, day, &worker(position, day));
        assert_eq!(decision["position"], json!(position), "{at}: position");
        assert_eq!(
            decision["level"],
            json!(level_number(niveau)),
            "{at}: level"
        );
        let (category, status) = match niveau {
            "I" | "II" | "III" => ("employes", "non-cadre"),
            "IV" => ("tam", "non-cadre"),
            _ => ("cadres", "cadre"),
        };
        assert_eq!(decision["category"], json!(category), "{at}: category");
        assert_eq!(decision["status"], json!(status), "{at}: status");
        // A grid without coefficients: the decision carries none (design decision 1).
        assert!(decision.get("coefficient").is_none(), "{at}: a coefficient");
        positions.insert(position.to_string());
    }
    assert_eq!(positions.len(), 5 * 3, "5 levels of 3 échelons");
    let day = date("2022-12-01");
    for absent in ["IV.4", "VI.1", "I.0"] {
        assert!(
            harness::rejection(&rules, day, &worker(absent, day)).is_some(),
            "{absent} is not a position of the grid, yet it is decided"
        );
    }
}

/// One worker of each category of CCN art. 13 and the position the test puts
/// them at (reading 1 above); "cadres supérieurs" ("accord de gré à gré") have
/// no rule: the grid does not tell them from cadres, and the file says so in a
/// `disposition`.
fn trial_position(category: &str) -> Option<&'static str> {
    match category {
        "autres salariés" => Some("I.2"),
        "agents de maîtrise" => Some("IV.1"),
        "cadres" => Some("V.1"),
        "cadres supérieurs" => None,
        other => panic!("a category art. 13 does not name: {other}"),
    }
}

/// The rule file's parameter for the trial of a category of art. 13.
fn trial_parameter(category: &str) -> &'static str {
    match category {
        "autres salariés" => "essai_employes",
        "agents de maîtrise" => "essai_maitrise",
        _ => "essai_cadres",
    }
}

/// "2 mois" → 2.
fn months(text: &str) -> u32 {
    let n = text
        .strip_suffix(" mois")
        .unwrap_or_else(|| panic!("not a number of months: {text}"));
    n.parse().unwrap()
}

/// CCN art. 13: "cadres : 3 mois pouvant être renouvelée une fois ; agents de
/// maîtrise : 2 mois … ; autres salariés : 1 mois … Le renouvellement n'est pas
/// applicable aux salariés de niveau I, échelon 1."
///
/// These durations bind until 2009-06-30 only (loi n° 2008-596, art. 2, II:
/// shorter than L1221-19's and agreed before 26 June 2008); the rule file holds
/// them as the values of its trial parameters until that day, then the legal
/// maxima (design, HCR reading 4). Since the grid exists from 2022 only, the
/// published durations are checked twice: as the parameters' values on
/// 2009-06-30, and through a hire in 2025 with each parameter set to the
/// published duration (`--set`): the trial ends the day before the same
/// day-number that many months later; renewed ("une fois", read: for the same
/// length), it runs as long again from the next day; at I.1, a renewal asked
/// for is not granted.
#[test]
fn trial_periods_as_published() {
    trial_periods(false);
}

/// The exception of art. 13: no renewal at I.1 (a renewal asked for is not granted).
#[test]
fn no_renewal_at_i1_as_published() {
    trial_periods(true);
}

fn trial_periods(with_exception: bool) {
    let published = table("trial-periods.tsv");
    let base = harness::load(RULES);
    let last_day = date("2009-06-30");
    // Hired on the 2nd: no month end to clamp (README, "Time rules").
    let hired = date("2025-03-02");
    let mut checked = 0;
    for row in &published.rows {
        let category = row.get("categorie_du_texte");
        let at = format!("{}:{}", published.path, row.line);
        let Some(position) = trial_position(category) else {
            assert_eq!(row.get("essai"), "accord de gré à gré", "{at}");
            continue;
        };
        let length = months(row.get("essai"));
        assert_eq!(row.get("renouvellement"), "une fois", "{at}");
        let name = trial_parameter(category);
        let param = &base.params[base
            .param_index(name)
            .unwrap_or_else(|| panic!("{at}: no {name}"))];
        let (_, value) = param
            .at(last_day)
            .unwrap_or_else(|| panic!("{at}: {name} on {last_day}"));
        assert_eq!(
            value,
            grille::model::Value::Duration(
                grille::model::parse_duration(row.get("essai")).unwrap()
            ),
            "{at}: {name} on {last_day}"
        );

        let mut rules = base.clone();
        rules.set_parameter(name, row.get("essai")).unwrap();
        let first_end = day_before(hired + Months::new(length));
        let renewed_end = day_before(hired + Months::new(2 * length));
        let mut positions = vec![(position, renewed_end)];
        if with_exception && row.get("exception").contains("niveau I, échelon 1") {
            positions.push(("I.1", first_end));
        }
        let as_of = date("2025-03-10");
        for (position, end_if_renewed) in positions {
            let mut facts = worker(position, hired);
            let decision = harness::decide(&rules, as_of, &facts);
            assert_eq!(
                decision["trial"]["start"],
                json!(hired.to_string()),
                "{at}: {position}"
            );
            assert_eq!(
                decision["trial"]["end"],
                json!(first_end.to_string()),
                "{at}: {position}"
            );
            facts["hire_trial_renewed"] = json!(true);
            let decision = harness::decide(&rules, as_of, &facts);
            assert_eq!(
                decision["trial"]["end"],
                json!(end_if_renewed.to_string()),
                "{at}: {position}, renewal asked"
            );
            checked += 1;
        }
    }
    // Cadres, agents de maîtrise, autres salariés at I.2, and at I.1.
    assert_eq!(checked, if with_exception { 4 } else { 3 });
}

/// What every agreement's module needs: a published TSV as rows of named
/// cells, a rule file loaded with the files it stands on, one record decided
/// (traced) as the JSON a user reads, dates and cents.
#[allow(dead_code)]
mod harness {
    use chrono::NaiveDate;
    use rust_decimal::{Decimal, RoundingStrategy};
    use serde_json::Value;

    /// A published table: the `#` comment lines (the text it comes from), then a
    /// header row and one row per printed line.
    pub struct Table {
        pub path: String,
        pub comments: Vec<String>,
        pub header: Vec<String>,
        pub rows: Vec<Row>,
    }

    /// One printed line, its cells named by the header.
    pub struct Row {
        /// The line in the file (1-based), for the messages.
        pub line: usize,
        cells: Vec<(String, String)>,
    }

    impl Row {
        /// The cell of `column`; a missing column is a broken test file.
        pub fn get(&self, column: &str) -> &str {
            self.cells
                .iter()
                .find(|(name, _)| name == column)
                .map(|(_, value)| value.as_str())
                .unwrap_or_else(|| panic!("line {}: no column `{column}`", self.line))
        }
    }

    /// Reads `path` (from the crate root) as the README of `tests/inputs/published`
    /// describes it: UTF-8, tab-separated, `#` comments, one header row.
    pub fn read_tsv(path: &str) -> Table {
        let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
        let mut comments = Vec::new();
        let mut header: Option<Vec<String>> = None;
        let mut rows = Vec::new();
        for (i, line) in text.lines().enumerate() {
            if let Some(comment) = line.strip_prefix('#') {
                comments.push(comment.trim().to_string());
                continue;
            }
            if line.trim().is_empty() {
                continue;
            }
            let cells: Vec<String> = line.split('\t').map(str::to_string).collect();
            match &header {
                None => header = Some(cells),
                Some(names) => {
                    assert!(
                        cells.len() <= names.len(),
                        "{path}:{}: more cells than the header names",
                        i + 1
                    );
                    rows.push(Row {
                        line: i + 1,
                        cells: names.iter().cloned().zip(cells).collect(),
                    });
                }
            }
        }
        let header = header.unwrap_or_else(|| panic!("{path}: no header row"));
        assert!(!rows.is_empty(), "{path}: no rows");
        Table {
            path: path.to_string(),
            comments,
            header,
            rows,
        }
    }

    /// A shipped rule file with the files it stands on (the law), as `grille eval`
    /// loads it; any error is the test's failure, with the report.
    pub fn load(path: &str) -> grille::RuleSet {
        let (rules, _warnings) = grille::load_path(path, grille::layers::Options::default())
            .unwrap_or_else(|e| {
                panic!("{path} does not load: {e:?}");
            });
        rules
    }

    /// The decision for one record given as a JSON object, traced, as the JSON
    /// `grille eval --format json --explain` prints; a rejection fails the test
    /// with its reason.
    pub fn decide(rules: &grille::RuleSet, as_of: NaiveDate, record: &Value) -> Value {
        let text = serde_json::to_string(&[record]).unwrap();
        let facts =
            read(rules, &text).unwrap_or_else(|e| panic!("{record}: unreadable facts: {e:?}"));
        let record = facts.records.into_iter().next().expect("one record");
        let record = record.unwrap_or_else(|r| panic!("{text}: rejected when read: {r}"));
        let evaluator = grille::Evaluator::new(rules, as_of);
        let decision = evaluator
            .decide_traced(&record)
            .unwrap_or_else(|r| panic!("{text} on {as_of}: rejected: {r}"));
        serde_json::to_value(&decision).unwrap()
    }

    /// The reason a record is rejected on `as_of`, or `None` when it is decided.
    pub fn rejection(rules: &grille::RuleSet, as_of: NaiveDate, record: &Value) -> Option<String> {
        let text = serde_json::to_string(&[record]).unwrap();
        let facts = read(rules, &text).ok()?;
        let record = match facts.records.into_iter().next()? {
            Ok(record) => record,
            Err(rejection) => return Some(rejection.to_string()),
        };
        let evaluator = grille::Evaluator::new(rules, as_of);
        evaluator.decide(&record).err().map(|r| r.to_string())
    }

    /// The records of a JSON text, with the fields the rule set declares as facts.
    fn read(
        rules: &grille::RuleSet,
        text: &str,
    ) -> Result<grille::facts::Facts, grille::facts::ReadError> {
        let options = grille::facts::Options {
            declared: rules.declared_fields(),
            ..Default::default()
        };
        grille::facts::read_bytes(text.as_bytes(), grille::facts::Format::Json, options)
    }

    pub fn date(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap_or_else(|e| panic!("{text}: {e}"))
    }

    pub fn decimal(text: &str) -> Decimal {
        text.parse()
            .unwrap_or_else(|e| panic!("{text}: not a decimal: {e}"))
    }

    /// Rounded once to the cent, half away from zero (README, "Facts and decisions").
    pub fn cents(amount: Decimal) -> Decimal {
        amount.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
    }

    /// A decimal field of a decision (`"1820.04"`), or `None` when absent.
    pub fn amount(decision: &Value, field: &str) -> Option<Decimal> {
        decision.get(field).map(|v| {
            let text = v
                .as_str()
                .map(str::to_string)
                .unwrap_or_else(|| v.to_string());
            decimal(&text)
        })
    }

    /// The result of the first traced formula of kind `what` (`level-minimum`,
    /// `minimum-salary`, `legal-minimum`).
    pub fn traced_formula(decision: &Value, what: &str) -> Option<Decimal> {
        let steps = decision.get("trace")?.as_array()?;
        steps
            .iter()
            .find(|s| s["step"] == "formula" && s["what"] == what)
            .map(|s| {
                let v = &s["result"];
                decimal(
                    &v.as_str()
                        .map(str::to_string)
                        .unwrap_or_else(|| v.to_string()),
                )
            })
    }

    /// The day before `day`.
    pub fn day_before(day: NaiveDate) -> NaiveDate {
        day.pred_opt().expect("a day after the first")
    }
}
