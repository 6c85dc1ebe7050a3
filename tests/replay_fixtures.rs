//! The hand-computed back-pay answers of `tests/inputs/replay/` (READING §12),
//! checked before any `grille replay` exists:
//!
//! - each answer adds up: a month's owed is its segments' minimums times their
//!   days over the month's days, rounded once half-up to the cent; its shortfall is
//!   owed − paid when positive; the totals are the sums, the paid-leave tenth is
//!   rounded once;
//! - each segment's decision (job, band, coefficient, level, the three minimums
//!   and the winner) is what `eval` decides for the facts as they stood on the
//!   segment's first and on its last day (facts.md, "History"), under
//!   `rules/idcc2098-2002.grille` (the folder) or `rules/cgt-2008.grille`
//!   (its `cgt-2008/` subfolder).
//!
//! The answers come from `tests/oracle/replay.py` and the notes beside them; the
//! engine's replay is compared with the same files by its own test.

use chrono::{Datelike, NaiveDate};
use serde_json::{json, Value};

fn cents(v: &Value) -> i128 {
    let text = v
        .as_str()
        .unwrap_or_else(|| panic!("not a decimal string: {v}"));
    let (whole, frac) = text.split_once('.').expect("two decimals");
    assert_eq!(frac.len(), 2, "{text}: two decimals");
    let sign = if whole.starts_with('-') { -1 } else { 1 };
    sign * (whole.trim_start_matches('-').parse::<i128>().unwrap() * 100
        + frac.parse::<i128>().unwrap())
}

fn date(v: &Value) -> NaiveDate {
    grille::facts::parse_date(v.as_str().unwrap()).unwrap()
}

fn days_in_month(month: &str) -> i128 {
    let first = grille::facts::parse_date(&format!("{month}-01")).unwrap();
    let next = first.checked_add_months(chrono::Months::new(1)).unwrap();
    (next - first).num_days() as i128
}

/// Half-up (away from zero) rounding of `num / den` cents, both non-negative.
fn round_half_up(num: i128, den: i128) -> i128 {
    (2 * num + den) / (2 * den)
}

/// Each folder of answers with the rule file they were replayed under.
const FOLDERS: [(&str, &str); 2] = [
    ("tests/inputs/replay", "rules/idcc2098-2002.grille"),
    ("tests/inputs/replay/cgt-2008", "rules/cgt-2008.grille"),
];

fn answers(folder: &str) -> Vec<(String, Value)> {
    let mut files: Vec<_> = std::fs::read_dir(folder)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().ends_with(".expected.json"))
        .collect();
    files.sort();
    files
        .iter()
        .flat_map(|p| {
            let all: Vec<Value> =
                serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap();
            all.into_iter().map(move |a| (p.display().to_string(), a))
        })
        .collect()
}

fn check_month(file: &str, m: &Value) -> Option<(i128, bool)> {
    let month = m["month"].as_str().unwrap();
    let days = days_in_month(month);
    let mut weighted = 0;
    for s in m["segments"].as_array().unwrap() {
        let (from, to) = (date(&s["from"]), date(&s["to"]));
        assert!(from <= to && format!("{:04}-{:02}", from.year(), from.month()) == month);
        assert_eq!(
            (to.year(), to.month()),
            (from.year(), from.month()),
            "{file} {month}"
        );
        let (agreement, law) = (cents(&s["minimum_agreement"]), cents(&s["minimum_law"]));
        assert_eq!(
            cents(&s["minimum"]),
            agreement.max(law),
            "{file} {month}: minimum"
        );
        let winner = if law > agreement { "law" } else { "agreement" };
        assert_eq!(s["winner"], winner, "{file} {month}: winner");
        weighted += cents(&s["minimum"]) * ((to - from).num_days() as i128 + 1);
    }
    let owed = cents(&m["owed"]);
    assert_eq!(owed, round_half_up(weighted, days), "{file} {month}: owed");
    if m["paid"].is_null() {
        assert!(m["shortfall"].is_null(), "{file} {month}: unknown month");
        return None;
    }
    let shortfall = (owed - cents(&m["paid"])).max(0);
    assert_eq!(
        cents(&m["shortfall"]),
        shortfall,
        "{file} {month}: shortfall"
    );
    Some((shortfall, m["claimable"].as_bool().unwrap()))
}

#[test]
fn every_hand_computed_answer_adds_up() {
    let all: Vec<_> = FOLDERS
        .iter()
        .flat_map(|(folder, _)| answers(folder))
        .collect();
    assert!(all.len() >= 11, "only {} answers", all.len());
    for (file, answer) in &all {
        let (mut total, mut claimable, mut unknown) = (0, 0, 0);
        for m in answer["months"].as_array().unwrap() {
            match check_month(file, m) {
                Some((shortfall, can_claim)) => {
                    total += shortfall;
                    claimable += if can_claim { shortfall } else { 0 };
                }
                None => unknown += 1,
            }
        }
        let t = &answer["totals"];
        assert_eq!(cents(&t["shortfall"]), total, "{file}: total");
        assert_eq!(cents(&t["claimable"]), claimable, "{file}: claimable");
        assert_eq!(
            cents(&t["prescribed"]),
            total - claimable,
            "{file}: prescribed"
        );
        assert_eq!(
            cents(&t["paid_leave"]),
            round_half_up(claimable, 10),
            "{file}: paid leave"
        );
        assert_eq!(t["unknown_months"], unknown, "{file}: unknown months");
    }
}

/// The flat facts of `record` as they stood on `day`: the job held that day, the
/// diploma held that day and the hours of the month of `pay`.
fn facts_on(record: &Value, day: NaiveDate, pay_hours: Option<&Value>) -> Value {
    let mut held: Vec<&Value> = record["jobs"]
        .as_array()
        .map(|j| j.iter().collect())
        .unwrap_or_default();
    let latest = json!({"job": record["job"], "since": record["job_since"],
        "prior_job_months": record.get("prior_job_months").cloned().unwrap_or(json!(0))});
    held.push(&latest);
    let job = held
        .iter()
        .rev()
        .find(|j| date(&j["since"]) <= day)
        .expect("a job on that day");
    let mut flat = json!({"id": record["id"], "job": job["job"], "job_since": job["since"],
        "prior_job_months": job.get("prior_job_months").cloned().unwrap_or(json!(0))});
    let diploma = match record["diplomas"].as_array() {
        Some(list) => list
            .iter()
            .rev()
            .find(|d| date(&d["since"]) <= day)
            .map(|d| d["diploma"].clone()),
        None => record.get("diploma").cloned(),
    };
    if let Some(diploma) = diploma {
        flat["diploma"] = diploma;
    }
    if let Some(hours) = pay_hours.or(record.get("hours")) {
        flat["hours"] = hours.clone();
    }
    flat
}

#[test]
fn every_segment_is_the_decision_of_its_first_and_last_day() {
    let mut compared = 0;
    for (folder, rules) in FOLDERS {
        compared += compare_segment_days(folder, rules);
    }
    assert!(compared >= 300, "only {compared} days compared");
}

fn compare_segment_days(folder: &str, rules: &str) -> usize {
    let rules = grille::load_path(rules, Default::default()).unwrap().0;
    let history: Vec<Value> =
        serde_json::from_str(&std::fs::read_to_string("examples/history.json").unwrap()).unwrap();
    let mut compared = 0;
    for (file, answer) in answers(folder) {
        let record = history.iter().find(|r| r["id"] == answer["id"]).unwrap();
        for m in answer["months"].as_array().unwrap() {
            let pay = record["pay"]
                .as_array()
                .unwrap()
                .iter()
                .find(|p| p["month"] == m["month"]);
            for s in m["segments"].as_array().unwrap() {
                for day in [date(&s["from"]), date(&s["to"])] {
                    let flat = facts_on(record, day, pay.and_then(|p| p.get("hours")));
                    let facts =
                        grille::facts::read(&format!("[{flat}]"), grille::facts::Format::Json)
                            .unwrap();
                    let facts = facts.records[0].as_ref().unwrap();
                    let evaluator = grille::Evaluator::new(&rules, day);
                    let decision = evaluator.decide(facts).unwrap();
                    let d = serde_json::to_value(&decision).unwrap();
                    let got = [
                        &d["job"],
                        &d["band"],
                        &d["coefficient"],
                        &d["level"],
                        &d["minimum_agreement"],
                        &d["minimum_law"],
                        &d["minimum_salary"],
                        &d["minimum_from"],
                    ];
                    let want = [
                        &s["job"],
                        &s["band"],
                        &s["coefficient"],
                        &s["level"],
                        &s["minimum_agreement"],
                        &s["minimum_law"],
                        &s["minimum"],
                        &s["winner"],
                    ];
                    assert_eq!(got, want, "{file} {}: decision on {day}", m["month"]);
                    compared += 1;
                }
            }
        }
    }
    compared
}
