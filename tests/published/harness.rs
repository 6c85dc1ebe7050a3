//! What every agreement's module needs: a published TSV as rows of named
//! cells, a rule file loaded with the files it stands on, one record decided
//! (traced) as the JSON a user reads, dates and cents.
#![allow(dead_code)]

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
    let facts = grille::facts::read(&text, grille::facts::Format::Json)
        .unwrap_or_else(|e| panic!("{record}: unreadable facts: {e:?}"));
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
    let facts = grille::facts::read(&text, grille::facts::Format::Json).ok()?;
    let record = match facts.records.into_iter().next()? {
        Ok(record) => record,
        Err(rejection) => return Some(rejection.to_string()),
    };
    let evaluator = grille::Evaluator::new(rules, as_of);
    evaluator.decide(&record).err().map(|r| r.to_string())
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
