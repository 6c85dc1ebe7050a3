//! Cases found in review: each once wrong, each pinned here.

use grille::facts::{self, Format};

fn load(path: &str) -> grille::RuleSet {
    grille::load_path(path, Default::default()).unwrap().0
}

fn date(s: &str) -> chrono::NaiveDate {
    facts::parse_date(s).unwrap()
}

#[test]
fn a_trial_broken_after_the_evaluation_date_is_still_running() {
    let rules = load("rules/cgt-2008.grille");
    let text = r#"[{"id":"T","job":"Superviseur","job_since":"2026-10-01",
        "moves":[{"from":"Téléconseiller","to":"Superviseur","on":"2026-10-01","trial_broken_on":"2026-12-01"}]}]"#;
    let facts = facts::read(text, Format::Json).unwrap();
    let record = facts.records[0].as_ref().unwrap();
    let before = grille::Evaluator::new(&rules, date("2026-11-01"));
    let d = before.decide(record).unwrap();
    assert_eq!(
        d.trial.as_ref().unwrap().status,
        grille::eval::TrialStatus::Running
    );
    assert!(d.warnings.is_empty(), "{:?}", d.warnings);
    let after = grille::Evaluator::new(&rules, date("2026-12-02"));
    assert_eq!(
        after.decide(record).unwrap().trial.unwrap().status,
        grille::eval::TrialStatus::Broken
    );
}

#[test]
fn the_next_step_looks_past_a_band_that_gives_nothing() {
    let text = r#"
catégorie e "E"
  niveau 1 : coefficients 120 à 200
ancienneté standard
  tranche a : de 0 à 6 mois
  tranche b : de 6 à 24 mois
  tranche c : à partir de 24 mois
classement
  plancher métier
    case vide : aucun plancher
  le plus élevé l'emporte
statut
  non-cadre sinon
métier m "M"
  a : 120
  b : vide
  c : 190
"#;
    let (rules, _) = grille::load("t.grille", text).unwrap();
    let facts = facts::read(
        r#"[{"id":"X","job":"M","job_since":"2026-10-01"}]"#,
        Format::Json,
    )
    .unwrap();
    let evaluator = grille::Evaluator::new(&rules, date("2026-11-29"));
    let d = evaluator
        .decide(facts.records[0].as_ref().unwrap())
        .unwrap();
    let next = d.next_step.expect("190 at 24 months");
    assert_eq!((next.on, next.coefficient), (date("2028-10-01"), 190));
}

#[test]
fn coefficients_are_bounded_so_no_rule_file_exhausts_memory() {
    let text = "catégorie e \"E\"\n  niveau 1 : coefficients 120 à 4000000000\n";
    let report = grille::load("t.grille", text).unwrap_err();
    assert!(report
        .diagnostics
        .iter()
        .any(|d| d.code == "grille::bad-range" && d.message.contains("go up to")));
}

#[test]
fn trial_renewed_on_the_employee_is_an_ignored_field() {
    let text = r#"[{"id":"A","job":"x","job_since":"2020-01-01","trial_renewed":true}]"#;
    let facts = facts::read(text, Format::Json).unwrap();
    assert_eq!(
        facts.warnings,
        [grille::facts::Warning::FieldsIgnored {
            named: vec!["`trial_renewed`".into()],
            more: 0
        }]
    );
}

#[test]
fn a_json_line_that_is_not_utf8_is_rejected_alone() {
    let mut bytes = br#"{"id":"a","job":"x","job_since":"2020-01-01"}"#.to_vec();
    bytes.extend_from_slice(
        b"\n{\"id\":\"b\",\"job\":\"T\xe9l\xe9\",\"job_since\":\"2020-01-01\"}\n",
    );
    bytes.extend_from_slice(br#"{"id":"c","job":"x","job_since":"2020-01-01"}"#);
    let mut stream = facts::stream(&bytes[..], Format::JsonLines).unwrap();
    let mut records = Vec::new();
    let stopped: Option<()> = stream.map_parallel(
        2,
        |r, _| Ok(r.id.clone()),
        |r| {
            records.push(r.map(|(id, _)| id));
            std::ops::ControlFlow::Continue(())
        },
    );
    assert!(stopped.is_none());
    let ids: Vec<Result<&str, String>> = records
        .iter()
        .map(|r| r.as_ref().map(String::as_str).map_err(|e| e.to_string()))
        .collect();
    assert_eq!(ids.len(), 3);
    assert_eq!(ids[0], Ok("a"));
    assert!(ids[1]
        .as_ref()
        .unwrap_err()
        .starts_with("line 2: this line is not valid UTF-8"));
    assert_eq!(ids[2], Ok("c"));
    assert!(stream.finish().is_ok());
}

#[test]
fn an_unexpected_word_with_an_accent_past_forty_bytes_is_reported_not_a_panic() {
    // Found by the `rules` fuzz target: the quoted word was cut at byte 40,
    // inside a two-byte letter.
    let word = format!("{}è", "x".repeat(39));
    let text = format!("{word} suite\n");
    let Err(report) = grille::load("f.grille", &text) else {
        panic!("a stray word is a syntax error");
    };
    let message = format!("{report:?}");
    assert!(message.contains(&"x".repeat(39)), "{message}");
}

/// `si … sinon si …` nests without parentheses: a hostile file chaining
/// thousands of them is refused before the parser recurses, on a thread with a
/// test's small stack, with `grille::too-deep`, never a stack overflow.
#[test]
fn thousands_of_chained_conditionals_are_refused_not_overflowed() {
    let chain = |n: usize| -> String {
        let links: String = (0..n)
            .map(|i| format!("si coefficient > {i} alors 1 € sinon "))
            .collect();
        format!("salaire minimum : {links}0 €\n")
    };
    assert!(grille::syntax::parse(&chain(60)).is_ok(), "60 links parse");
    let text = chain(20_000);
    let result = std::thread::Builder::new()
        .stack_size(256 * 1024)
        .spawn(move || grille::syntax::parse(&text).map(|_| ()))
        .unwrap()
        .join()
        .expect("no stack overflow");
    let diagnostics = result.expect_err("refused");
    assert_eq!(diagnostics[0].code, "grille::too-deep");
}

/// `--set majoration=50%`: a rate given in percent is a hundredth, as in the file.
#[test]
fn a_rate_set_in_percent_is_a_hundredth() {
    let (mut rules, _) = grille::load_path(
        "tests/inputs/eval/hourly-minimums/rules.grille",
        Default::default(),
    )
    .unwrap();
    rules.set_parameter("majoration", "50%").unwrap();
    let facts = r#"[{"id": "H2", "job": "Commis", "job_since": "2024-01-01", "hours": "169"}]"#;
    let facts = facts::read(facts, Format::Json).unwrap();
    let evaluator = grille::Evaluator::new(&rules, date("2025-06-01"));
    let decision = evaluator
        .decide(facts.records[0].as_ref().unwrap())
        .unwrap();
    // 12.08 × 151.67 = 1832.1736; 12.08 × 1.50 × 17.33 = 314.0196; 2146.1932 → 2146.19.
    assert_eq!(decision.minimum_salary.unwrap().to_string(), "2146.19");
}
