//! Explanations of single decisions, in French and English, text and JSON, and
//! "why not" answers. Each snapshot was read against READING.md before it was
//! accepted; the assertions below pin what must not drift.

use grille::explain::{self, Lang, Target};
use grille::facts::{self, Format};

struct Case {
    name: &'static str,
    rules: &'static str,
    facts: &'static str,
    id: &'static str,
    as_of: &'static str,
    lang: Lang,
    why_not: Option<&'static str>,
}

const CGT: &str = "rules/cgt-2008.grille";
const SAMPLE: &str = "examples/workforce.json";

const fn case(
    name: &'static str,
    id: &'static str,
    lang: Lang,
    why_not: Option<&'static str>,
) -> Case {
    Case {
        name,
        rules: CGT,
        facts: SAMPLE,
        id,
        as_of: "2026-11-29",
        lang,
        why_not,
    }
}

const CASES: &[Case] = &[
    case("part-time-shortfall-fr", "E003", Lang::Fr, None),
    case("part-time-shortfall-en", "E003", Lang::En, None),
    case("diploma-floor-wins", "E007", Lang::Fr, None),
    case("mission-claim", "E012", Lang::Fr, None),
    case("previous-coefficient-in-a-hole", "E013", Lang::Fr, None),
    case("previous-coefficient-340", "E057", Lang::Fr, None),
    case("trial-broken-back-in-former-job", "E021", Lang::Fr, None),
    case("trial-cadres-en", "E048", Lang::En, None),
    case("blank-cell", "E033", Lang::Fr, None),
    case("job-without-classification", "E045", Lang::Fr, None),
    case("why-not-220", "E028", Lang::Fr, Some("220")),
    case("why-not-level-4-en", "E001", Lang::En, Some("niveau 4")),
    case("why-not-senior", "E024", Lang::Fr, Some("senior")),
    case("why-not-already", "E048", Lang::Fr, Some("280")),
    case("why-not-unreachable", "E045", Lang::Fr, Some("600")),
    Case {
        name: "rejected",
        rules: CGT,
        facts: "tests/oracle/cases/2026-11-29/rejects.json",
        id: "R03",
        as_of: "2026-11-29",
        lang: Lang::Fr,
        why_not: None,
    },
    Case {
        name: "rules-in-force-transitional",
        rules: "rules/idcc2098-2002.grille",
        facts: "tests/inputs/eval/idcc2098-2002/facts.json",
        id: "T12",
        as_of: "2026-11-29",
        lang: Lang::Fr,
        why_not: None,
    },
    functions_case("formula-functions-overtime-fr", "F2", Lang::Fr),
    functions_case("formula-functions-overtime-en", "F2", Lang::En),
    functions_case("formula-functions-condition-fr", "F5", Lang::Fr),
    functions_case("formula-functions-annual-fr", "F6", Lang::Fr),
    hourly_case("hourly-minimum-overtime-fr", "H2", Lang::Fr),
    hourly_case("hourly-minimum-overtime-en", "H2", Lang::En),
];

/// tests/inputs/eval/hourly-minimums: `montant horaire`, `€/h × h`.
const fn hourly_case(name: &'static str, id: &'static str, lang: Lang) -> Case {
    Case {
        name,
        rules: "tests/inputs/eval/hourly-minimums/rules.grille",
        facts: "tests/inputs/eval/hourly-minimums/facts.json",
        id,
        as_of: "2025-06-01",
        lang,
        why_not: None,
    }
}

/// tests/inputs/eval/formula-functions: `max`, `min`, `si`, `arrondi(x, 1 €, …)`.
const fn functions_case(name: &'static str, id: &'static str, lang: Lang) -> Case {
    Case {
        name,
        rules: "tests/inputs/eval/formula-functions/rules.grille",
        facts: "tests/inputs/eval/formula-functions/facts.json",
        id,
        as_of: "2024-06-01",
        lang,
        why_not: None,
    }
}

fn load(path: &str) -> grille::RuleSet {
    grille::load_path(path, Default::default()).unwrap().0
}

fn record(case: &Case) -> Result<facts::Record, facts::Rejection> {
    let text = std::fs::read_to_string(case.facts).unwrap();
    let facts = facts::read(&text, Format::from_path(case.facts).unwrap()).unwrap();
    facts
        .records
        .into_iter()
        .find(|r| match r {
            Ok(r) => r.id == case.id,
            Err(r) => r.id.as_deref() == Some(case.id),
        })
        .expect("the id is in the file")
}

fn explain_text(case: &Case) -> String {
    let rules = load(case.rules);
    let as_of = facts::parse_date(case.as_of).unwrap();
    let evaluator = grille::Evaluator::new(&rules, as_of);
    let record = record(case);
    let record = match record {
        Ok(r) => r,
        Err(rejection) => return format!("rejected while reading: {rejection}"),
    };
    let outcome = evaluator.decide_traced(&record);
    let answer = case
        .why_not
        .map(|t| explain::why_not(&evaluator, &record, &Target::parse(t).unwrap()).unwrap());
    explain::text::render(&rules, &record, &outcome, as_of, answer.as_ref(), case.lang)
}

#[test]
fn explanations() {
    for case in CASES {
        let text = explain_text(case);
        insta::with_settings!({ description => format!("{} {} --id {} --as-of {} {:?} {:?}", case.rules, case.facts, case.id, case.as_of, case.lang, case.why_not), omit_expression => true }, {
            insta::assert_snapshot!(case.name, text);
        });
    }
}

/// The example of the issue: a Conseiller commercial since 2025-03-01 with the bac,
/// evaluated on 2026-11-29 (confirmé, 190), asking why not 220.
#[test]
fn why_not_220_for_a_conseiller_commercial() {
    let rules = load(CGT);
    let evaluator = grille::Evaluator::new(&rules, facts::parse_date("2026-11-29").unwrap());
    let text = r#"[{"id": "C1", "job": "Conseiller commercial", "job_since": "2025-03-01", "diploma": "bac"}]"#;
    let facts = facts::read(text, Format::Json).unwrap();
    let record = facts.records[0].as_ref().unwrap();
    let answer = explain::why_not(&evaluator, record, &Target::Coefficient(220)).unwrap();
    assert_eq!(answer.current, 190);
    let routes = serde_json::to_value(&answer.routes).unwrap();
    assert_eq!(
        routes,
        serde_json::json!([
            {"by": "experience", "on": "2030-03-01", "band": "senior", "coefficient": 220},
            {"by": "diploma", "diploma": "bac+2", "label": "BTS, DEUG, DUT (niveau III)", "coefficient": 230},
            {"by": "previous-coefficient", "at_least": 220, "coefficient": 220}
        ])
    );
}

/// Every field of a decision comes from a step of the trace that cites the rule file.
#[test]
fn every_decision_field_has_a_cited_step() {
    let rules = load(CGT);
    let evaluator = grille::Evaluator::new(&rules, facts::parse_date("2026-11-29").unwrap());
    let facts = facts::read(&std::fs::read_to_string(SAMPLE).unwrap(), Format::Json).unwrap();
    for record in facts.records.iter().map(|r| r.as_ref().unwrap()) {
        let d = evaluator.decide_traced(record).unwrap();
        let steps = serde_json::to_value(d.trace.as_ref().unwrap()).unwrap();
        let step = |kind: &str| {
            steps
                .as_array()
                .unwrap()
                .iter()
                .find(|s| s["step"] == kind)
                .cloned()
        };
        let cited = |kind: &str| {
            let s = step(kind).unwrap_or_else(|| panic!("{}: no {kind} step", d.id));
            assert!(
                s["rule"]
                    .as_str()
                    .is_some_and(|r| r.starts_with("rules/cgt-2008.grille:")),
                "{}: {kind} without a rule",
                d.id
            );
            s
        };
        assert_eq!(cited("job")["job"], d.job);
        assert_eq!(cited("experience")["band"], d.band);
        assert_eq!(step("entitlement").unwrap()["coefficient"], d.coefficient);
        assert_eq!(cited("level")["level"], d.level);
        assert_eq!(cited("level")["category"], d.category);
        assert_eq!(cited("status")["status"], d.status);
        let minimum = steps
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["what"] == "minimum-salary")
            .unwrap();
        assert!(minimum["source"].is_string());
        if let Some(n) = &d.next_step {
            assert_eq!(cited("next-step")["on"], n.on.to_string());
        }
        if let Some(t) = &d.trial {
            assert_eq!(cited("trial")["end"], t.end.to_string());
        }
        assert_eq!(
            steps
                .as_array()
                .unwrap()
                .iter()
                .filter(|s| s["step"] == "claim")
                .count(),
            d.claims.len()
        );
    }
}

#[test]
fn traced_and_untraced_decisions_are_identical() {
    for rules_path in [CGT, "rules/idcc2098-2002.grille"] {
        let rules = load(rules_path);
        let evaluator = grille::Evaluator::new(&rules, facts::parse_date("2026-11-29").unwrap());
        let facts = facts::read(&std::fs::read_to_string(SAMPLE).unwrap(), Format::Json).unwrap();
        for record in facts.records.iter().map(|r| r.as_ref().unwrap()) {
            let fast = evaluator.decide(record);
            let traced = evaluator.decide_traced(record).map(|mut d| {
                d.trace = None;
                d
            });
            assert_eq!(fast, traced, "{rules_path}: {}", record.id);
        }
    }
}

/// `explain --format json` carries what the text shows: each step's quote and
/// reading, each file's digest, the trial's length, renewal and break, the
/// mission days against the cap.
#[test]
fn the_data_carries_quotes_readings_versions_and_figures() {
    let rules = load(CGT);
    let as_of = facts::parse_date("2026-11-29").unwrap();
    let evaluator = grille::Evaluator::new(&rules, as_of);
    let facts = facts::read(&std::fs::read_to_string(SAMPLE).unwrap(), Format::Json).unwrap();
    let data = |id: &str| {
        let record = facts.records.iter().flatten().find(|r| r.id == id).unwrap();
        let outcome = evaluator.decide_traced(record);
        explain::json::explanation(&rules, id, &outcome, as_of, None)
    };
    let step = |v: &serde_json::Value, kind: &str| {
        v["decision"]["trace"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["step"] == kind)
            .cloned()
            .unwrap_or_else(|| panic!("no {kind} step"))
    };
    // E058: two missions as Formateur, 110 + 61 = 171 days in the window
    // 2024-11-30 → 2026-11-29 (READING §7), under the cap of 183.
    let e058 = data("E058");
    let window = step(&e058, "mission-window");
    assert_eq!(window["days"], 171);
    assert_eq!(window["cap"], 183);
    assert_eq!(window["from"], "2024-11-30");
    assert!(window["quote"]
        .as_str()
        .unwrap()
        .contains("6 mois pendant une période de 24 mois"));
    let floor = e058["decision"]["trace"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["floor"] == "mission")
        .unwrap()
        .clone();
    assert!(floor["reading"]
        .as_str()
        .unwrap()
        .contains("pourra prétendre"));
    // E048: a cadre since the move of 2026-06-22, renewed: 4 months (L1221-19
    // since 2009-07-01) and 2 months (avenant cadres, art. 2.2).
    let e048 = data("E048");
    let trial = step(&e048, "trial");
    assert_eq!(trial["category"], "cadres");
    assert_eq!(trial["length"], "4 months");
    assert_eq!(trial["renewal"], "2 months");
    assert_eq!(trial["broken_on"], serde_json::Value::Null);
    assert_eq!(trial["end"], "2026-12-21");
    // E021: broken on 2026-10-16.
    assert_eq!(step(&data("E021"), "trial")["broken_on"], "2026-10-16");
    // Each file with the digest `sha256sum` gives of its text.
    let files = e058["files"].as_array().unwrap();
    let paths: Vec<_> = files.iter().map(|f| f["path"].as_str().unwrap()).collect();
    assert_eq!(
        paths,
        [CGT, "rules/idcc2098-2002.grille", "rules/loi.grille"]
    );
    for f in files {
        use sha2::Digest as _;
        let bytes = std::fs::read(f["path"].as_str().unwrap()).unwrap();
        let digest: String = sha2::Sha256::digest(bytes)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        assert_eq!(f["sha256"], digest, "the digest of the file's bytes");
    }
    assert_eq!(files[0]["role"], "named");
    assert_eq!(files[2]["role"], "law");
}

/// The day the fixtures' explanations are made: their headers name it.
const RUN_ON: &str = "2026-11-30";

/// `tests/inputs/explain/*.args`: comment lines saying what the explanation
/// must show and why (READING.md), then the arguments of `grille explain`.
/// Each is explained by the program itself, in French and in English; every
/// snapshot was read against READING.md before it was accepted.
#[test]
fn explanations_of_the_sample() {
    insta::glob!("inputs/explain/*.args", |path| {
        let text = std::fs::read_to_string(path).unwrap();
        let args = text
            .lines()
            .find(|l| !l.starts_with('#') && !l.trim().is_empty())
            .expect("a line of arguments");
        let notes: Vec<&str> = text.lines().filter(|l| l.starts_with('#')).collect();
        for lang in ["fr", "en"] {
            let out = std::process::Command::new(env!("CARGO_BIN_EXE_grille"))
                .arg("explain")
                .args(args.split_whitespace())
                .args(["--lang", lang])
                .env("GRILLE_RUN_ON", RUN_ON)
                .env("NO_COLOR", "1")
                .output()
                .unwrap();
            let printed = String::from_utf8(out.stdout).unwrap();
            assert_eq!(out.status.code(), Some(0), "{args}: {printed}");
            insta::with_settings!({
                description => format!("grille explain {args} --lang {lang}\n{}", notes.join("\n")),
                omit_expression => true,
            }, {
                insta::assert_snapshot!(lang, printed);
            });
        }
    });
}
