//! What issue 17 found in the shipped rule files, each point checked against the
//! texts (expectations hand-derived; the arithmetic is in the comments):
//! the salary grids of the rules in force month by month against the amounts
//! the accords publish, every job name with its feminine forms, the next step of a
//! time-limited coefficient and "why not" reaching it, trial and move behaviours,
//! a previous-sector coefficient below the grid, and values used beyond the day
//! the file says they are known to hold.

use chrono::NaiveDate;
use grille::explain::{why_not, Route, Target};
use grille::facts::{self, Format, Record};
use grille::{Evaluator, RuleSet};

const IN_FORCE: &str = "rules/idcc2098-2002.grille";
const PROPOSAL: &str = "rules/cgt-2008.grille";

fn load(path: &str) -> RuleSet {
    load_text(path, &std::fs::read_to_string(path).unwrap())
}

/// The agreement as written, without the law above it: what its own texts
/// publish (the grids, the values known until a date), before the SMIC raises
/// any of it.
fn agreement_only(path: &str, text: &str) -> RuleSet {
    load_with(path, text, true)
}

/// `text` as the rule file at `path`, the files it stands on from `rules/`.
fn load_text(path: &str, text: &str) -> RuleSet {
    load_with(path, text, false)
}

fn load_with(path: &str, text: &str, agreement_only: bool) -> RuleSet {
    let mut files = grille::layers::InMemory::default();
    for other in [
        "rules/idcc2098-2002.grille",
        "rules/cgt-2008.grille",
        "rules/loi.grille",
    ] {
        files = files.with(other, std::fs::read_to_string(other).unwrap());
    }
    let files = files.with(path, text);
    let options = grille::layers::Options { agreement_only };
    grille::load_with(&files, path.as_ref(), options)
        .unwrap_or_else(|e| panic!("{e:?}"))
        .0
}

fn day(text: &str) -> NaiveDate {
    facts::parse_date(text).unwrap()
}

fn records(json: &str) -> Vec<Record> {
    facts::read(json, Format::Json)
        .unwrap()
        .records
        .into_iter()
        .map(Result::unwrap)
        .collect()
}

fn one(json: &str) -> Record {
    records(&format!("[{json}]")).remove(0)
}

fn warnings(rules: &RuleSet, on: &str, record: &Record) -> Vec<String> {
    let evaluator = Evaluator::new(rules, day(on));
    let decision = evaluator.decide(record).unwrap();
    decision.warnings.iter().map(ToString::to_string).collect()
}

// ---------------------------------------------------------------- item 3: the grids

/// The monthly minima the salary texts publish (base 151,67 h), transcribed from
/// their annexes: (first day in force, text, [(coefficient, amount)]).
type Published = (&'static str, &'static str, &'static [(u32, &'static str)]);

const PUBLISHED: &[Published] = &[
    (
        "2008-01-01",
        "accord du 10 septembre 2007, annexe I",
        &[
            (120, "1281.28"),
            (130, "1284.36"),
            (140, "1290.52"),
            (150, "1296.68"),
            (160, "1324.40"),
            (170, "1386.00"),
            (190, "1447.60"),
            (200, "1546.16"),
            (220, "1644.72"),
            (230, "1697.08"),
            (240, "1746.36"),
            (250, "1795.64"),
            (260, "1860.32"),
            (280, "2156.00"),
            (300, "2602.60"),
            (330, "2688.84"),
            (360, "2969.12"),
            (390, "3215.52"),
            (420, "3458.84"),
            (450, "4231.92"),
            (500, "5008.08"),
            (550, "5525.52"),
        ],
    ),
    (
        "2008-12-01",
        "avenant du 19 mai 2008, annexe I",
        &[
            (120, "1321.89"),
            (130, "1325.06"),
            (140, "1328.23"),
            (150, "1334.57"),
            (160, "1363.10"),
            (170, "1426.50"),
            (190, "1489.90"),
            (200, "1591.34"),
            (220, "1692.78"),
            (230, "1746.67"),
            (240, "1797.39"),
            (250, "1848.11"),
            (260, "1914.68"),
            (280, "2219.00"),
            (300, "2678.65"),
            (330, "2773.75"),
            (360, "3055.88"),
            (390, "3309.48"),
            (420, "3559.91"),
            (450, "4355.58"),
            (500, "5154.42"),
            (550, "5686.98"),
        ],
    ),
    (
        "2012-01-01",
        "accord du 22 septembre 2011, annexe I",
        &[
            (120, "1395.24"),
            (130, "1398.56"),
            (140, "1401.88"),
            (150, "1405.21"),
            (160, "1428.46"),
            (170, "1494.90"),
            (190, "1561.34"),
            (200, "1667.64"),
            (220, "1773.95"),
            (230, "1830.42"),
            (240, "1883.57"),
            (250, "1936.73"),
            (260, "2006.49"),
            (280, "2325.40"),
            (300, "2823.70"),
            (330, "2906.75"),
            (360, "3202.41"),
            (390, "3468.17"),
            (420, "3730.61"),
            (450, "4564.43"),
            (500, "5401.57"),
            (550, "5959.67"),
        ],
    ),
    (
        "2013-09-01",
        "accord du 26 mars 2013, annexe I",
        &[
            (120, "1431.78"),
            (130, "1435.10"),
            (140, "1438.43"),
            (150, "1441.75"),
            (160, "1455.04"),
            (170, "1511.51"),
            (190, "1577.95"),
            (200, "1680.93"),
            (220, "1787.24"),
            (230, "1843.71"),
            (240, "1896.86"),
            (250, "1956.66"),
            (260, "2026.42"),
            (280, "2345.33"),
            (290, "2511.43"),
            (300, "2946.61"),
            (330, "2983.16"),
            (360, "3202.41"),
            (390, "3468.17"),
            (420, "3730.61"),
            (450, "4564.43"),
            (500, "5401.57"),
            (550, "5959.67"),
        ],
    ),
    (
        "2016-09-01",
        "accord du 19 avril 2016, annexe I",
        &[
            (120, "1466.92"),
            (130, "1470.30"),
            (140, "1473.68"),
            (150, "1477.06"),
            (160, "1487.20"),
            (170, "1544.66"),
            (190, "1612.26"),
            (200, "1710.28"),
            (220, "1815.06"),
            (230, "1865.76"),
            (240, "1916.46"),
            (250, "1970.54"),
            (260, "2038.14"),
            (280, "2359.24"),
            (290, "2524.86"),
            (300, "2960.88"),
            (330, "2998.06"),
            (360, "3217.76"),
            (390, "3484.78"),
            (420, "3748.42"),
            (450, "4583.28"),
            (500, "5421.52"),
            (550, "5975.84"),
        ],
    ),
    (
        "2019-01-01",
        "accord du 12 mars 2018, annexe I",
        &[
            (120, "1498.60"),
            (130, "1505.51"),
            (140, "1512.41"),
            (150, "1519.32"),
            (160, "1529.68"),
            (170, "1574.57"),
            (190, "1640.18"),
            (200, "1734.85"),
            (220, "1838.32"),
            (230, "1886.60"),
            (240, "1938.34"),
            (250, "1993.52"),
            (260, "2062.50"),
            (280, "2387.39"),
            (290, "2556.19"),
            (300, "3000.60"),
            (330, "3041.94"),
            (360, "3255.53"),
            (390, "3520.79"),
            (420, "3786.06"),
            (450, "4630.08"),
            (500, "5477.55"),
            (550, "6035.64"),
        ],
    ),
    (
        "2020-09-01",
        "accord du 16 mars 2020, annexe I",
        &[
            (120, "1539.49"),
            (130, "1546.45"),
            (140, "1553.42"),
            (150, "1560.38"),
            (160, "1567.35"),
            (170, "1595.21"),
            (190, "1661.39"),
            (200, "1765.37"),
            (220, "1859.39"),
            (230, "1908.14"),
            (240, "1960.37"),
            (250, "2016.08"),
            (260, "2085.72"),
            (280, "2415.12"),
            (290, "2585.64"),
            (300, "3031.08"),
            (330, "3072.84"),
            (360, "3288.60"),
            (390, "3556.56"),
            (420, "3824.52"),
            (450, "4677.12"),
            (500, "5533.20"),
            (550, "6096.96"),
        ],
    ),
    (
        "2022-09-01",
        "accord du 15 mars 2022, annexe I",
        &[
            (120, "1603.28"),
            (130, "1610.51"),
            (140, "1617.73"),
            (150, "1624.95"),
            (160, "1632.17"),
            (170, "1646.62"),
            (190, "1679.12"),
            (200, "1774.88"),
            (220, "1869.03"),
            (230, "1917.85"),
            (240, "1970.16"),
            (250, "2025.95"),
            (260, "2095.69"),
            (280, "2424.86"),
            (290, "2595.58"),
            (300, "3041.53"),
            (330, "3083.34"),
            (360, "3299.35"),
            (390, "3567.62"),
            (420, "3835.88"),
            (450, "4689.46"),
            (500, "5546.53"),
            (550, "6110.94"),
        ],
    ),
    (
        "2023-04-01",
        "accord du 13 décembre 2022, annexe I",
        &[
            (120, "1720.94"),
            (130, "1728.70"),
            (140, "1736.45"),
            (150, "1744.20"),
            (160, "1751.95"),
            (170, "1767.46"),
            (190, "1790.71"),
            (200, "1841.11"),
            (220, "1906.87"),
            (230, "1958.01"),
            (240, "2012.80"),
            (250, "2063.95"),
            (260, "2133.35"),
            (280, "2449.15"),
            (290, "2624.35"),
            (300, "3073.30"),
            (330, "3117.10"),
            (360, "3332.45"),
            (390, "3606.20"),
            (420, "3876.30"),
            (450, "4737.70"),
            (500, "5602.75"),
            (550, "6172.15"),
        ],
    ),
    (
        "2025-07-01",
        "accord du 8 avril 2025, annexe I (grille n° 1)",
        &[
            (120, "1802.10"),
            (130, "1810.31"),
            (140, "1818.52"),
            (150, "1826.73"),
            (160, "1830.83"),
            (170, "1843.15"),
            (190, "1851.36"),
            (200, "1930.42"),
            (220, "1986.86"),
            (230, "2039.55"),
            (240, "2099.75"),
            (250, "2152.44"),
            (260, "2223.93"),
            (280, "2503.47"),
            (290, "2680.45"),
            (300, "3141.32"),
            (330, "3185.57"),
            (360, "3406.79"),
            (390, "3683.31"),
            (420, "3959.84"),
            (450, "4837.34"),
            (500, "5722.22"),
            (550, "6301.08"),
        ],
    ),
    (
        "2025-11-01",
        "accord du 8 avril 2025, annexe III (grille n° 2)",
        &[
            (120, "1806.22"),
            (130, "1813.97"),
            (140, "1821.72"),
            (150, "1829.47"),
            (160, "1837.22"),
            (170, "1844.98"),
            (190, "1868.23"),
            (200, "1934.18"),
            (220, "1998.15"),
            (230, "2039.55"),
            (240, "2099.75"),
            (250, "2152.44"),
            (260, "2223.93"),
            (280, "2503.47"),
            (290, "2680.45"),
            (300, "3141.32"),
            (330, "3185.57"),
            (360, "3406.79"),
            (390, "3683.31"),
            (420, "3959.84"),
            (450, "4837.34"),
            (500, "5722.22"),
            (550, "6301.08"),
        ],
    ),
];

/// The rules in force with a previous-coefficient floor, so that any coefficient
/// of the grid can be asked for; the grid, the tables and the formulas are the
/// shipped file's.
fn in_force_with_any_coefficient() -> RuleSet {
    let text = std::fs::read_to_string(IN_FORCE).unwrap();
    let anchor = "  # Coefficients transitoires";
    assert!(text.contains(anchor));
    let text = text.replacen(
        anchor,
        &format!("  plancher coefficient antérieur\n{anchor}"),
        1,
    );
    agreement_only(IN_FORCE, &text)
}

/// An employee whose coefficient is `c` on `on`: hired that day (no time limit
/// has run), as a Téléconseiller (120) with a previous coefficient of `c`.
fn at_coefficient(c: u32, on: &str) -> Record {
    one(&format!(
        r#"{{"id": "G{c}", "job": "Téléconseiller", "job_since": "{on}", "previous_sector_coefficient": {c}}}"#
    ))
}

/// Every published amount is the minimum the file gives, on the grid's first day
/// and on its last (the day before the next grid): index × point, rounded to the
/// cent, with each accord's date of effect.
#[test]
fn every_grid_of_the_rules_in_force_gives_the_published_amounts() {
    let rules = in_force_with_any_coefficient();
    for (i, (from, text, rows)) in PUBLISHED.iter().enumerate() {
        let last = PUBLISHED
            .get(i + 1)
            .map(|next| day(next.0).pred_opt().unwrap().to_string())
            .unwrap_or_else(|| "2026-12-31".to_string());
        for on in [*from, last.as_str()] {
            let evaluator = Evaluator::new(&rules, day(on));
            for (coefficient, amount) in rows.iter() {
                let record = at_coefficient(*coefficient, on);
                let decision = evaluator.decide(&record).unwrap();
                assert_eq!(decision.coefficient, *coefficient, "{text}, {on}");
                assert_eq!(
                    decision.minimum_salary.map(|m| m.to_string()).as_deref(),
                    Some(*amount),
                    "{text}: coefficient {coefficient} on {on}"
                );
            }
        }
    }
}

/// The accords of 4 November 2009 and 11 January 2011 were never extended: the
/// 2008 grid stays until 2011-12-31 (the 2009 accord would give 1 344,00 € at 120,
/// the January 2011 one 420 × 3,257 = 1 367,94 €).
#[test]
fn the_accords_never_extended_are_not_applied() {
    let rules = in_force_with_any_coefficient();
    for on in ["2009-12-01", "2011-02-01", "2011-12-31"] {
        let evaluator = Evaluator::new(&rules, day(on));
        let record = at_coefficient(120, on);
        let decision = evaluator.decide(&record).unwrap();
        assert_eq!(
            decision.minimum_salary.unwrap().to_string(),
            "1321.89",
            "{on}"
        );
    }
}

/// Coefficient 290 is created by the accord of 26 March 2013 (art. 2): before its
/// grid, it has no minimum and the employee is rejected, saying so.
#[test]
fn coefficient_290_has_a_minimum_only_from_the_2013_grid() {
    let rules = in_force_with_any_coefficient();
    let evaluator = Evaluator::new(&rules, day("2013-08-31"));
    let record = at_coefficient(290, "2013-08-31");
    let rejection = evaluator
        .decide(&record)
        .expect_err("no 290 before 2013-09-01");
    assert!(rejection.reason.contains("290"), "{}", rejection.reason);
    let evaluator = Evaluator::new(&rules, day("2013-09-01"));
    let record = at_coefficient(290, "2013-09-01");
    let after = evaluator.decide(&record).unwrap();
    // 756 × 3,322 = 2 511,432 → 2 511,43.
    assert_eq!(after.minimum_salary.unwrap().to_string(), "2511.43");
}

// ---------------------------------------------------------------- item 3: known until

/// The grid and the points are known until 2026-12-31: a decision of 2027 says
/// it uses them beyond that, naming each value its minimum reads; one of
/// 2026-12-31 says nothing.
#[test]
fn values_used_after_the_day_they_are_known_to_hold_are_said() {
    let in_force = std::fs::read_to_string(IN_FORCE).unwrap();
    let rules = agreement_only(IN_FORCE, &in_force);
    let clerk = one(r#"{"id": "K1", "job": "Téléconseiller", "job_since": "2026-09-01"}"#);
    assert!(warnings(&rules, "2026-12-31", &clerk).is_empty());
    let said = warnings(&rules, "2027-01-15", &clerk);
    assert_eq!(
        said,
        [
            "`indice` (the value of 2025-11-01) is known to hold until 2026-12-31 only: on 2027-01-15, a later value the rules do not have may apply",
            "`point_employes` (the value of 2025-11-01) is known to hold until 2026-12-31 only: on 2027-01-15, a later value the rules do not have may apply",
        ]
    );
    // A manager's minimum reads the cadres' point, not the employees'.
    let manager = one(r#"{"id": "K2", "job": "Directeur commercial", "job_since": "2020-01-01"}"#);
    let said = warnings(&rules, "2027-01-15", &manager);
    assert_eq!(said.len(), 2);
    assert!(said[1].starts_with("`point_cadres`"), "{said:?}");
    // A value set for the run is the user's: nothing to warn about it.
    let mut set = agreement_only(IN_FORCE, &in_force);
    set.set_parameter("point_employes", "4.00").unwrap();
    let said = warnings(&set, "2027-01-15", &clerk);
    assert_eq!(said.len(), 1);
    assert!(said[0].starts_with("`indice`"), "{said:?}");
}

#[test]
fn known_until_is_read_in_french_and_english_and_formatted() {
    let text = "agreement \"T\" date 2020-01-01\nparameter p : amount\n  1.00 € from 2020-01-01\n  known until 2021-12-31\n";
    let ast = grille::syntax::parse(text).unwrap();
    let grille::syntax::ast::Item::Parameter(p) = &ast.items[1] else {
        panic!("a parameter");
    };
    assert_eq!(p.known_until.as_ref().unwrap().node, day("2021-12-31"));
    let french = text
        .replace("known until", "connu jusqu'au")
        .replace("parameter", "paramètre")
        .replace("agreement", "convention")
        .replace("amount", "montant")
        .replace("from", "depuis");
    let ast = grille::syntax::parse(&french).unwrap();
    let grille::syntax::ast::Item::Parameter(p) = &ast.items[1] else {
        panic!("a parameter");
    };
    assert_eq!(p.known_until.as_ref().unwrap().node, day("2021-12-31"));
}

// ---------------------------------------------------------------- item 1: the next step

/// Art. 3 (2025): 200 at most 24 months. Hired on 2024-12-01 as Chef de projet
/// junior (200): 220 on 2026-12-01. The day before, the next step is that day,
/// and "why not 220" is answered by experience alone on that day.
#[test]
fn a_time_limited_coefficient_running_out_is_the_next_step_and_reaches_why_not() {
    let rules = load(IN_FORCE);
    let lead = one(r#"{"id": "L1", "job": "Chef de projet junior", "job_since": "2024-12-01"}"#);
    let evaluator = Evaluator::new(&rules, day("2026-11-30"));
    let decision = evaluator.decide(&lead).unwrap();
    assert_eq!(decision.coefficient, 200);
    let step = decision.next_step.clone().expect("a next step");
    assert_eq!((step.on, step.coefficient), (day("2026-12-01"), 220));
    let traced = evaluator.decide_traced(&lead).unwrap();
    assert_eq!(traced.next_step, decision.next_step);
    let answer = why_not(&evaluator, &lead, &Target::Coefficient(220)).unwrap();
    assert_eq!(
        answer.routes,
        [Route::Experience {
            on: day("2026-12-01"),
            band: "toutes".to_string(),
            coefficient: 220
        }]
    );
}

// ---------------------------------------------------------------- item 5: trials since 2009

/// L1221-19 from 2009-07-01 (loi n° 2008-596, art. 2, II), art. 13.2 before:
/// a Superviseur under the proposal is TAM (200).
#[test]
fn trial_lengths_follow_the_law_from_july_2009() {
    let rules = load(PROPOSAL);
    let end = |on: &str, as_of: &str| {
        let record = one(&format!(
            r#"{{"id": "M", "job": "Superviseur", "job_since": "{on}", "moves": [{{"from": "Téléconseiller", "to": "Superviseur", "on": "{on}"}}]}}"#
        ));
        let evaluator = Evaluator::new(&rules, day(as_of));
        let decision = evaluator.decide(&record).unwrap();
        decision.trial.unwrap().end.to_string()
    };
    // 2 months (art. 13.2): 2009-06-30 + 2 months = 2009-08-30, ended the day before.
    assert_eq!(end("2009-06-30", "2009-07-15"), "2009-08-29");
    // 3 months (L1221-19): 2009-07-01 + 3 months = 2009-10-01, ended the day before.
    assert_eq!(end("2009-07-01", "2009-07-15"), "2009-09-30");
    // Both files date art. 13.2 from the convention's entry into force.
    for path in [IN_FORCE, PROPOSAL] {
        let rules = load(path);
        for name in ["essai_employes", "essai_tam", "essai_cadres"] {
            let param = &rules.params[rules.param_index(name).unwrap()];
            let dates: Vec<String> = param.values.iter().map(|v| v.0.to_string()).collect();
            assert_eq!(dates, ["2000-03-01", "2009-07-01"], "{path} {name}");
        }
    }
}

// ---------------------------------------------------------------- item 6: small behaviours

fn mover(moves: &str) -> Record {
    one(&format!(
        r#"{{"id": "M", "job": "Superviseur", "job_since": "2026-08-01", "moves": [{moves}]}}"#
    ))
}

/// Reading: a move from a job to the same job (here through an alias) is no
/// change of function: it opens no trial, an earlier move keeps its trial, and
/// the decision says so.
#[test]
fn a_move_to_the_same_job_opens_no_trial_and_is_said() {
    let rules = load(PROPOSAL);
    let evaluator = Evaluator::new(&rules, day("2026-11-29"));
    let alone = mover(r#"{"from": "Superviseur", "to": "Team leader", "on": "2026-10-01"}"#);
    let decision = evaluator.decide(&alone).unwrap();
    assert!(decision.trial.is_none());
    assert_eq!(
        decision.warnings.iter().map(ToString::to_string).collect::<Vec<_>>(),
        ["the move of 2026-10-01 is from `superviseur` to `superviseur`: not a change of function, it opens no trial"]
    );
    let after_a_real_one = mover(
        r#"{"from": "Téléconseiller", "to": "Superviseur", "on": "2026-08-01"},
           {"from": "Superviseur", "to": "Superviseur", "on": "2026-10-01"}"#,
    );
    let trial = evaluator.decide(&after_a_real_one).unwrap().trial.unwrap();
    // TAM, 3 months from 2026-08-01: ends 2026-10-31, completed on 2026-11-29.
    assert_eq!(
        (trial.start, trial.end),
        (day("2026-08-01"), day("2026-10-31"))
    );
    assert_eq!(trial.status.as_str(), "completed");
}

/// A break dated after the trial's end came too late to be a trial break: the
/// trial is completed (or still running), with a warning, whether the break's
/// day is before the evaluation date or after it.
#[test]
fn a_break_after_the_trial_end_is_no_trial_break() {
    let rules = load(PROPOSAL);
    let evaluator = Evaluator::new(&rules, day("2026-11-29"));
    // Move 2026-08-01, TAM 3 months: end 2026-10-31.
    for broken in ["2026-11-01", "2027-03-01"] {
        let record = mover(&format!(
            r#"{{"from": "Téléconseiller", "to": "Superviseur", "on": "2026-08-01", "trial_broken_on": "{broken}"}}"#
        ));
        let decision = evaluator.decide(&record).unwrap();
        assert_eq!(
            decision.trial.as_ref().unwrap().status.as_str(),
            "completed",
            "{broken}"
        );
        assert_eq!(
            decision.warnings.iter().map(ToString::to_string).collect::<Vec<_>>(),
            [format!("the trial is said broken on {broken}, after its end on 2026-10-31: too late to be a trial break, the trial is completed")]
        );
    }
    // Within the trial, before the evaluation date: broken, and the employee should be back.
    let record = mover(
        r#"{"from": "Téléconseiller", "to": "Superviseur", "on": "2026-08-01", "trial_broken_on": "2026-10-31"}"#,
    );
    let decision = evaluator.decide(&record).unwrap();
    assert_eq!(decision.trial.unwrap().status.as_str(), "broken");
    assert_eq!(decision.warnings.len(), 1);
}

/// Reading of the proposal's file: a previous-sector coefficient below the grid
/// is brought to its lowest coefficient (120), with a warning.
#[test]
fn a_previous_coefficient_below_the_grid_is_said() {
    let rules = load(PROPOSAL);
    for given in [0, 100] {
        let record = one(&format!(
            r#"{{"id": "P", "job": "Téléconseiller", "job_since": "2026-10-01", "previous_sector_coefficient": {given}}}"#
        ));
        assert_eq!(
            warnings(&rules, "2026-11-29", &record),
            [format!("the previous-sector coefficient {given} is below the grid: read as its lowest coefficient, 120")]
        );
    }
    let on_grid = one(
        r#"{"id": "P", "job": "Téléconseiller", "job_since": "2026-10-01", "previous_sector_coefficient": 120}"#,
    );
    assert!(warnings(&rules, "2026-11-29", &on_grid).is_empty());
}

// ---------------------------------------------------------------- item 2: feminine forms

/// READING §6: "feminine forms of the job names are names of the same job". For
/// each job, every name the texts give it (the job's title, the other names the
/// grid, the job sheets or the proposal give, as spelt there) and the feminine
/// (or masculine) form of each; epicene names once. Written from the texts, not
/// from the rule files: the test checks both ways, each name resolves to its job
/// and every name a file declares is in this table.
const IN_FORCE_NAMES: &[(&str, &[&str])] = &[
    (
        "teleconseiller",
        &[
            "Téléconseiller",
            "Téléconseillère",
            // the proposal's names of the same employment (rules/idcc2098-2002.grille, one line each)
            "Conseiller clientèle",
            "Conseillère clientèle",
            "Chargé de clientèle",
            "Chargée de clientèle",
            "Assistant relation client",
            "Assistante relation client",
            "Conseiller commercial",
            "Conseillère commerciale",
            "Télévendeur",
            "Télévendeuse",
            "Commercial sédentaire",
            "Commerciale sédentaire",
            "Assistant commercial",
            "Assistante commerciale",
        ],
    ),
    (
        "employe-de-bureau",
        &["Employé de bureau", "Employée de bureau"],
    ),
    (
        "operateur-de-saisie",
        &["Opérateur de saisie", "Opératrice de saisie"],
    ),
    (
        "hotesse-standardiste",
        &["Hôtesse standardiste", "Hôte standardiste"],
    ),
    ("secretaire", &["Secrétaire", "Sécrétaire"]),
    ("aide-comptable", &["Aide-comptable"]),
    (
        "monteur-depanneur-telephone",
        &[
            "Monteur-dépanneur en téléphone",
            "Monteuse-dépanneuse en téléphone",
        ],
    ),
    (
        "gestionnaire-reception-appels",
        &[
            "Gestionnaire de réception d'appels",
            "Gestionnaire récept. appels",
            "Gestionnaire d'appels",
            "Planification/Statistique",
            "Régulateur de flux",
            "Régulatrice de flux",
        ],
    ),
    (
        "superviseur",
        &[
            "Superviseur",
            "Superviseuse",
            "Responsable d'équipe",
            "Team leader",
        ],
    ),
    (
        "formateur-interne",
        &[
            "Formateur interne",
            "Formatrice interne",
            "Formateur",
            "Formatrice",
        ],
    ),
    ("responsable-clientele", &["Responsable clientèle"]),
    (
        "assistante-comptable",
        &["Assistante comptable", "Assistant comptable"],
    ),
    (
        "chef-de-projet-junior",
        &["Chef de projet junior", "Cheffe de projet junior"],
    ),
    (
        "formateur-externe",
        &[
            "Formateur externe",
            "Formatrice externe",
            "Formateur entreprises extérieures",
            "Formatrice entreprises extérieures",
        ],
    ),
    ("consultant", &["Consultant", "Consultante"]),
    (
        "analyste-programmeur",
        &[
            "Analyste programmeur",
            "Analyste programmeuse",
            "Analyste programmateur",
            "Analyste programmatrice",
        ],
    ),
    (
        "chef-de-projet-senior",
        &["Chef de projet senior", "Cheffe de projet senior"],
    ),
    (
        "responsable-production-junior",
        &["Responsable production junior"],
    ),
    (
        "responsable-formation",
        &[
            "Responsable formation",
            "Responsable de la formation",
            "Training manager",
        ],
    ),
    (
        "consultant-confirme",
        &["Consultant confirmé", "Consultante confirmée"],
    ),
    (
        "directeur-de-clientele",
        &["Directeur de clientèle", "Directrice de clientèle"],
    ),
    (
        "analyste-programmeur-confirme",
        &[
            "Analyste programmeur confirmé",
            "Analyste programmeuse confirmée",
        ],
    ),
    (
        "responsable-production-senior",
        &["Responsable production senior"],
    ),
    (
        "responsable-administratif",
        &["Responsable administratif", "Responsable administrative"],
    ),
    // « Directeur de commercial » is the grid's misprint, kept as written.
    (
        "directeur-commercial",
        &[
            "Directeur commercial",
            "Directrice commerciale",
            "Directeur de commercial",
        ],
    ),
];

/// The proposal, "C. Les métiers repères" (READING §6), with the feminine forms.
/// « Animateur » names two jobs there: ambiguous, checked apart.
const PROPOSAL_NAMES: &[(&str, &[&str])] = &[
    (
        "conseiller-clientele",
        &[
            "Conseiller clientèle",
            "Conseillère clientèle",
            "Téléconseiller",
            "Téléconseillère",
            "Chargé de clientèle",
            "Chargée de clientèle",
            "Assistant relation client",
            "Assistante relation client",
        ],
    ),
    (
        "conseiller-commercial",
        &[
            "Conseiller commercial",
            "Conseillère commerciale",
            "Télévendeur",
            "Télévendeuse",
            "Commercial sédentaire",
            "Commerciale sédentaire",
            "Assistant commercial",
            "Assistante commerciale",
        ],
    ),
    // The combined name « Conseiller spécifique / technique », its feminine, and each half.
    (
        "conseiller-technique",
        &[
            "Conseiller spécifique / technique",
            "Conseillère spécifique / technique",
            "Conseiller spécifique",
            "Conseillère spécifique",
            "Conseiller technique",
            "Conseillère technique",
            "Hotliner",
            "Hotlineuse",
            "Assistant technique",
            "Assistante technique",
            "Technicien à distance",
            "Technicienne à distance",
        ],
    ),
    ("gestionnaire-backoffice", &["Gestionnaire backoffice"]),
    (
        "assistant-qualite-discours",
        &[
            "Assistant de qualité discours",
            "Assistante de qualité discours",
            "Support Métier Production",
        ],
    ),
    (
        "superviseur",
        &[
            "Superviseur",
            "Superviseuse",
            "Responsable d'équipe",
            "Team leader",
        ],
    ),
    (
        "charge-de-terrain",
        &["Chargé de terrain", "Chargée de terrain", "ROA", "RU"],
    ),
    (
        "responsable-centre-contacts",
        &[
            "Responsable de centre de contacts",
            "Chef de plateau",
            "Cheffe de plateau",
        ],
    ),
    (
        "directeur-centre-relation-client",
        &[
            "Directeur Centre de Relation Client",
            "Directrice Centre de Relation Client",
            "Directeur de site",
            "Directrice de site",
            "Directeur centre de contacts",
            "Directrice centre de contacts",
            "Directeur",
            "Directrice",
        ],
    ),
    ("formateur", &["Formateur", "Formatrice"]),
    (
        "responsable-formation",
        &["Responsable Formation", "Training manager"],
    ),
    (
        "planification-statistique",
        &[
            "Planification/Statistique",
            "Régulateur de flux",
            "Régulatrice de flux",
        ],
    ),
    ("responsable-qualite", &["Responsable qualité"]),
    (
        "chef-de-projet-informatique",
        &[
            "Chef de projet informatique",
            "Cheffe de projet informatique",
        ],
    ),
];

/// The jobs of the rules in force that the proposal takes over (its `modifie`
/// block, READING §10), each with the proposal's job that takes it over.
const TAKEN_OVER: &[(&str, &str)] = &[
    ("teleconseiller", "conseiller-clientele"),
    ("superviseur", "superviseur"),
    ("formateur-interne", "formateur"),
    ("responsable-formation", "responsable-formation"),
    ("gestionnaire-reception-appels", "planification-statistique"),
];

/// The names of the proposal over the rules in force (READING §10): the
/// proposal's own; the names of a job taken over, its id too, go to the job
/// that takes it over; a job left alone keeps its names; and wherever a name
/// of the rules in force is also one of the proposal's, the proposal's job has it.
fn layered_proposal_names() -> Vec<(&'static str, Vec<&'static str>)> {
    use grille::names::normalize;
    let proposal: std::collections::HashSet<String> = PROPOSAL_NAMES
        .iter()
        .flat_map(|(id, names)| std::iter::once(id).chain(names.iter()))
        .map(|n| normalize(n))
        .collect();
    let mut table: Vec<(&str, Vec<&str>)> = PROPOSAL_NAMES
        .iter()
        .map(|(id, names)| (*id, names.to_vec()))
        .collect();
    for (id, names) in IN_FORCE_NAMES {
        let own = names
            .iter()
            .copied()
            .filter(|n| !proposal.contains(&normalize(n)));
        match TAKEN_OVER.iter().find(|(old, _)| old == id) {
            Some((old, new)) => {
                let entry = table.iter_mut().find(|(j, _)| j == new).unwrap();
                entry
                    .1
                    .extend(std::iter::once(*old).filter(|o| !proposal.contains(&normalize(o))));
                entry.1.extend(own);
            }
            None => table.push((id, own.collect())),
        }
    }
    table
}

fn check_names(path: &str, table: &[(&str, Vec<&str>)], ambiguous: &[&str]) {
    let rules = load(path);
    let evaluator = Evaluator::new(&rules, day("2026-11-29"));
    for (job, names) in table {
        for name in names.iter() {
            let found = evaluator.job(name).map(|j| rules.jobs[j].id.as_str());
            assert_eq!(found, Ok(*job), "{path}: « {name} »");
        }
    }
    for name in ambiguous {
        assert!(
            evaluator.job(name).is_err(),
            "{path}: « {name} » is ambiguous"
        );
    }
    for job in &rules.jobs {
        let listed = table.iter().find(|(id, _)| *id == job.id);
        let (_, names) =
            listed.unwrap_or_else(|| panic!("{path}: `{}` is not in the table", job.id));
        for declared in std::iter::once(&job.name).chain(&job.aliases) {
            assert!(
                names.contains(&declared.as_str()) || ambiguous.contains(&declared.as_str()),
                "{path}: `{}` declares « {declared} », which the table does not list",
                job.id
            );
        }
    }
}

#[test]
fn every_job_name_and_its_feminine_form_names_the_job() {
    let in_force: Vec<(&str, Vec<&str>)> = IN_FORCE_NAMES
        .iter()
        .map(|(id, names)| (*id, names.to_vec()))
        .collect();
    check_names(IN_FORCE, &in_force, &[]);
    check_names(
        PROPOSAL,
        &layered_proposal_names(),
        &["Animateur", "Animatrice"],
    );
}
