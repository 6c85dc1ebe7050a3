//! Syntec (IDCC 1486): `rules/syntec-1486.grille` against the tables of avenant
//! n° 47 (IC, 2022-08-01), avenants n° 1 and 2 (ETAM, 2023-01-01), the accord of
//! 26 June 2024 (both grids, 2025-01-01) and art. 3.4 (trials, 2023-05-01).

use chrono::{Months, NaiveDate};
use rust_decimal::{Decimal, RoundingStrategy};
use serde_json::{json, Value};

use support::{agreement_minimum, date, decide, euros, table, Row};

const RULES: &str = "rules/syntec-1486.grille";

fn decimal(text: &str) -> Decimal {
    text.parse()
        .unwrap_or_else(|e| panic!("not a decimal: {text}: {e}"))
}

/// Rounded up to the euro, as the avenants print their products.
fn up_to_euro(x: Decimal) -> Decimal {
    x.round_dp_with_strategy(0, RoundingStrategy::ToPositiveInfinity)
}

/// An employee at a position (`"ic 2.1"`) since `since`, born on `born_on` if given.
fn at_position(position: &str, since: NaiveDate, born_on: Option<NaiveDate>) -> Value {
    let mut record = json!({
        "id": format!("{position} {since}"),
        "position": position,
        "position_since": since.to_string(),
    });
    if let Some(born) = born_on {
        record["born_on"] = json!(born.to_string());
    }
    record
}

/// The qualified position of a row: `etam 1.1`, `ic 2.1`.
fn position(row: &Row) -> String {
    format!("{} {}", row["grille"], row["position"])
}

/// Born so that on `day` the employee is 25 (the day before the 26th birthday,
/// `under_26`) or exactly 26 (the birthday itself): annexe II, 2.1, « âgés de
/// moins de 26 ans » / « âgés de 26 ans au moins ».
fn born_for(day: NaiveDate, under_26: bool) -> NaiveDate {
    let birthday_26 = day.checked_sub_months(Months::new(12 * 26)).unwrap();
    if under_26 {
        birthday_26.succ_opt().unwrap()
    } else {
        birthday_26
    }
}

/// Each row decided at its position on each day, the agreement's minimum
/// equal to the printed one; the IC 2.1 rows (105, 115) by age.
fn check_rows(rows: &[Row], days: &[NaiveDate]) {
    for row in rows {
        for &day in days {
            let born_on = (row["grille"] == "ic" && row["position"] == "2.1")
                .then(|| born_for(day, row["coefficient"] == "105"));
            let decision = decide(RULES, day, at_position(&position(row), day, born_on));
            let what = format!("{} on {day} (born {born_on:?})", position(row));
            assert_eq!(
                decision["coefficient"].as_u64(),
                Some(row["coefficient"].parse().unwrap()),
                "{what}: coefficient"
            );
            assert_eq!(
                agreement_minimum(&decision),
                euros(&row["minimum_mensuel"]),
                "{what}: minimum"
            );
        }
    }
}

// ---------------------------------------------------------- the tables themselves

/// Avenant n° 47, art. 2: « Coefficient de la position × valeur du point ». Every
/// printed amount is the product rounded UP to the euro (2.1/105: 105 × 21.342 =
/// 2 240.91 → 2 241; 1.1: 95 × 21.400 = 2 033.00), except 3.3: 270 × 21.044 =
/// 5 681.88, printed 5 681 (README of tests/inputs/published, reading 1: the
/// printed amount is the minimum, the rule file keeps 5 681).
#[test]
fn ic_2022_amounts_are_the_products_rounded_up_but_3_3() {
    let mut differ = Vec::new();
    for row in table("syntec-1486", "ic-2022-avenant47.tsv") {
        let product = decimal(&row["coefficient"]) * decimal(&row["valeur_point"]);
        let printed = decimal(&row["minimum_mensuel"]);
        if up_to_euro(product) != printed {
            differ.push((row["position"].clone(), product.to_string(), printed));
        }
    }
    assert_eq!(
        differ,
        vec![("3.3".to_string(), "5681.880".to_string(), decimal("5681"))]
    );
}

/// Avenant n° 47, art. 1 as avenants n° 1 and 2 print it: « Base fixe + (Valeur du
/// point ETAM × coefficient) », every amount rounded UP to the euro: 1.1/240
/// 850.50 + 3.602 × 240 = 850.50 + 864.48 = 1 714.98 → 1 715; avenant 1's 230:
/// 850.50 + 3.758 × 230 = 850.50 + 864.34 = 1 714.84 → 1 715; 3.1/400: 855.80 +
/// 3.138 × 400 = 855.80 + 1 255.20 = 2 111.00, already whole.
#[test]
fn etam_2023_amounts_are_base_plus_point_rounded_up() {
    for file in ["etam-2022-avenant1.tsv", "etam-2022-avenant2.tsv"] {
        for row in table("syntec-1486", file) {
            let formula = decimal(&row["base_fixe"])
                + decimal(&row["valeur_point"]) * decimal(&row["coefficient"]);
            assert_eq!(
                up_to_euro(formula),
                decimal(&row["minimum_mensuel"]),
                "{file}: {} ({}): {formula}",
                row["position"],
                row["coefficient"]
            );
        }
    }
}

/// Design reading 2: avenants n° 1 and 2, extended by the same order, take effect
/// the same day; avenant 1's grid is the numbering before 2023-01-01 and never in
/// force alone. Its amounts by coefficient are avenant 2's, row for row; its only
/// other row is the 230 avenant 2 removes, priced like 240 (1 715).
#[test]
fn etam_avenant1_amounts_equal_avenant2_by_coefficient() {
    let avenant2 = table("syntec-1486", "etam-2022-avenant2.tsv");
    let mut removed = Vec::new();
    for row in table("syntec-1486", "etam-2022-avenant1.tsv") {
        assert_eq!(row["effet"], "2023-01-01");
        match avenant2
            .iter()
            .find(|r| r["coefficient"] == row["coefficient"])
        {
            Some(same) => {
                assert_eq!(same["minimum_mensuel"], row["minimum_mensuel"]);
                assert_eq!(same["effet"], row["effet"]);
            }
            None => removed.push((row["position"].clone(), row["coefficient"].clone())),
        }
    }
    assert_eq!(removed, vec![("1.1".to_string(), "230".to_string())]);
}

// ---------------------------------------------------------- decided by the rule file

/// IC, avenant n° 47, art. 2: from 2022-08-01 to the day before the 2024 accord.
#[test]
fn ic_2022_minimums_as_published() {
    check_rows(
        &table("syntec-1486", "ic-2022-avenant47.tsv"),
        &[date("2022-08-01"), date("2024-12-31")],
    );
}

/// ETAM, avenant n° 2 (and avenant n° 47, art. 1 as it rewrites it): 2023-01-01 to
/// 2024-12-31. The SMIC is above 1.1 and 1.2 on those days (1 709.28 € then
/// 1 801.80 €): `minimum_agreement` is still the printed amount.
#[test]
fn etam_2023_minimums_as_published() {
    check_rows(
        &table("syntec-1486", "etam-2022-avenant2.tsv"),
        &[date("2023-01-01"), date("2024-12-31")],
    );
}

/// Avenant n° 1 read as reading 2: each of its coefficients but 230 is the position
/// of avenant 2's numbering with that coefficient, at avenant 1's amount; on
/// 2023-01-01 « 1.1 » is 240, and no ETAM position has 230.
#[test]
fn etam_avenant1_read_in_avenant2_numbering() {
    let avenant2 = table("syntec-1486", "etam-2022-avenant2.tsv");
    let day = date("2023-01-01");
    for row in table("syntec-1486", "etam-2022-avenant1.tsv") {
        let Some(same) = avenant2
            .iter()
            .find(|r| r["coefficient"] == row["coefficient"])
        else {
            assert_eq!(row["coefficient"], "230");
            let decision = decide(RULES, day, at_position("etam 1.1", day, None));
            assert_eq!(decision["coefficient"], 240, "« 1.1 » on {day}");
            continue;
        };
        let decision = decide(RULES, day, at_position(&position(same), day, None));
        assert_eq!(
            decision["coefficient"].as_u64(),
            Some(row["coefficient"].parse().unwrap())
        );
        assert_eq!(agreement_minimum(&decision), euros(&row["minimum_mensuel"]));
    }
}

/// The accord of 26 June 2024 (both grids): from 2025-01-01 to the last day its
/// amounts are known to hold in the rule file (no later text in the sources).
#[test]
fn minimums_of_2024_as_published() {
    for file in ["etam-2024.tsv", "ic-2024.tsv"] {
        check_rows(
            &table("syntec-1486", file),
            &[date("2025-01-01"), date("2026-12-31")],
        );
    }
}

/// Art. 3.4: a hire on the day it took effect, at each bound of each range (the
/// ETAM lower bound read 240, the NOTA's « au lieu de 230, lire 240 »); the trial
/// ends the day before the same day-number N months later: 2023-05-01 + 2 months
/// → 2023-06-30, + 3 → 2023-07-31, + 4 → 2023-08-31.
#[test]
fn trials_at_hire_as_published() {
    let positions = [
        table("syntec-1486", "etam-2022-avenant2.tsv"),
        table("syntec-1486", "ic-2022-avenant47.tsv"),
    ]
    .concat();
    for row in table("syntec-1486", "trial-periods.tsv") {
        let hire = date(&row["effet"]);
        let months: u32 = row["essai"]
            .strip_suffix(" mois")
            .and_then(|n| n.parse().ok())
            .unwrap_or_else(|| panic!("a trial in months: {}", row["essai"]));
        let end = hire
            .checked_add_months(Months::new(months))
            .unwrap()
            .pred_opt()
            .unwrap();
        for coefficient in [&row["coefficient_de"], &row["coefficient_a"]] {
            let at = positions
                .iter()
                .find(|p| p["grille"] == row["grille"] && &p["coefficient"] == coefficient)
                .unwrap_or_else(|| panic!("no {} position at {coefficient}", row["grille"]));
            let mut record = at_position(&position(at), hire, None);
            record["hired_on"] = json!(hire.to_string());
            let decision = decide(RULES, hire, record);
            let what = format!("{} ({coefficient}) hired {hire}", position(at));
            assert_eq!(decision["trial"]["start"], hire.to_string(), "{what}");
            assert_eq!(decision["trial"]["end"], end.to_string(), "{what}");
        }
    }
}

/// « Syntec's 2022 grid against its 2024 grid over a sample » (issue #22): `grille diff`
/// of `examples/syntec-1486-2022.grille` (the shipped file with the 2022 tables alone)
/// and the shipped file, over `examples/syntec-workforce.json` on 2025-06-01. Each
/// minimum owed by hand (examples/README.md): the printed amounts, prorated for W02
/// (121,34 h) and W06 (130 h), the SMIC (1 801,80 € for 151,67 h) where it is higher:
/// W01 1 715 and W03 1 775 under it, W02 1 745 × 121,34 / 151,67 = 1 396,05 under
/// 1 801,80 × 121,34 / 151,67 = 1 441,49.
#[test]
fn the_2024_accord_against_the_2022_texts_over_the_sample() {
    let by_hand = [
        ("W01", "1801.80", "1815.00"),
        ("W02", "1441.49", "1476.05"),
        ("W03", "1801.80", "1875.00"),
        ("W04", "1831.00", "1905.00"),
        ("W05", "1971.00", "2045.00"),
        ("W06", "1809.39", "1872.82"),
        ("W07", "2266.00", "2340.00"),
        ("W08", "2415.00", "2490.00"),
        ("W09", "2033.00", "2135.00"),
        ("W10", "2241.00", "2315.00"),
        ("W11", "2454.00", "2530.00"),
        ("W12", "2774.00", "2850.00"),
        ("W13", "3577.00", "3650.00"),
        ("W14", "5681.00", "5755.00"),
    ];
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_grille"))
        .args([
            "diff",
            "examples/syntec-1486-2022.grille",
            RULES,
            "examples/syntec-workforce.json",
            "--as-of",
            "2025-06-01",
            "--format",
            "json",
        ])
        .output()
        .expect("run grille diff");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "grille diff failed: {stderr}");
    let report: Value = serde_json::from_slice(&out.stdout).expect("diff JSON");
    let employees = report["employees"].as_array().expect("employees");
    assert_eq!(employees.len(), by_hand.len(), "{report}");
    for (id, before, after) in by_hand {
        let row = employees
            .iter()
            .find(|e| e["id"] == id)
            .unwrap_or_else(|| panic!("{id} not in the diff"));
        assert_eq!(row["before"]["minimum_salary"], before, "{id} before");
        assert_eq!(row["after"]["minimum_salary"], after, "{id} after");
    }
}

/// What this module needs: a published TSV read as rows, one record decided by a rule file.
mod support {
    use std::collections::BTreeMap;
    use std::path::Path;

    use chrono::NaiveDate;
    use serde_json::Value;

    /// One row of a published table: header → cell, as written in the TSV.
    pub type Row = BTreeMap<String, String>;

    /// The rows of `tests/inputs/published/{agreement}/{file}` (comments and blank
    /// lines skipped; every row has as many cells as the header).
    pub fn table(agreement: &str, file: &str) -> Vec<Row> {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/inputs/published")
            .join(agreement)
            .join(file);
        let text =
            std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let mut lines = text
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty());
        let header: Vec<&str> = lines.next().expect("a header row").split('\t').collect();
        let rows: Vec<Row> = lines
            .map(|line| {
                let cells: Vec<&str> = line.split('\t').collect();
                assert_eq!(cells.len(), header.len(), "{}: {line}", path.display());
                header
                    .iter()
                    .zip(cells)
                    .map(|(h, c)| (h.to_string(), c.to_string()))
                    .collect()
            })
            .collect();
        assert!(!rows.is_empty(), "{}: no rows", path.display());
        rows
    }

    pub fn date(text: &str) -> NaiveDate {
        grille::facts::parse_date(text).unwrap_or_else(|| panic!("not a date: {text}"))
    }

    /// The decision of the rule file at `rules` (with the files it stands on) for one
    /// record on `as_of`, as the JSON `grille eval --format json` writes; a rejection
    /// fails the test with its reason.
    pub fn decide(rules: &str, as_of: NaiveDate, record: Value) -> Value {
        let (rule_set, _) = grille::load_path(rules, grille::layers::Options::default())
            .unwrap_or_else(|e| panic!("{rules}: {e:?}"));
        let text = Value::Array(vec![record.clone()]).to_string();
        // The fields the rule file declares (`born_on`) are read, not ignored.
        let options = grille::facts::Options {
            declared: rule_set.declared_fields(),
            ..Default::default()
        };
        let facts =
            grille::facts::read_bytes(text.as_bytes(), grille::facts::Format::Json, options)
                .unwrap_or_else(|e| panic!("{record}: {e:?}"));
        let evaluator = grille::Evaluator::new(&rule_set, as_of);
        let parsed = facts.records[0]
            .as_ref()
            .unwrap_or_else(|r| panic!("{record} rejected on reading: {r}"));
        let decision = evaluator
            .decide(parsed)
            .unwrap_or_else(|r| panic!("{record} rejected on {as_of}: {r}"));
        serde_json::to_value(&decision).unwrap()
    }

    /// The agreement's own minimum: `minimum_agreement` under the law, else the
    /// minimum owed (a rule set without the law).
    pub fn agreement_minimum(decision: &Value) -> String {
        decision
            .get("minimum_agreement")
            .or_else(|| decision.get("minimum_salary"))
            .and_then(Value::as_str)
            .unwrap_or_else(|| panic!("no minimum in {decision}"))
            .to_string()
    }

    /// A published whole-euro amount (`1715`) as the decision writes it (`1715.00`).
    pub fn euros(printed: &str) -> String {
        assert!(
            printed.bytes().all(|b| b.is_ascii_digit()),
            "not a whole-euro amount: {printed}"
        );
        format!("{printed}.00")
    }
}
