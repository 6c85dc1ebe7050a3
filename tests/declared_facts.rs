//! Declared facts and clocks (issue #22) end to end: the readers keep the
//! declared fields (JSON, JSON Lines, CSV, French CSV), the clocks count as the
//! README's time rules say, the trace has `fact` and `clock` steps.

use grille::facts::{self, Format, Options};

/// A made-up rule set: a level minimum by age, a salary that reads the job
/// clock, months since a date fact, and an amount fact. Hand values in each test.
const RULES: &str = r#"
convention "Essai" date 2024-01-01
fait naissance "Date de naissance" : date, champ born_on
fait pratique "Début de la pratique" : date, champ practice_since
fait prime "Prime" : montant, champ bonus, défaut 0 €
catégorie c "Cadres"
  niveau 1 : coefficients 100, minimum si âge < 26 ans alors 2000 € sinon 2200 €
salaire minimum : minimum + (si ancienneté dans le métier ≥ 6 mois alors 10 € sinon 0 €) + (si mois révolus depuis pratique ≥ 18 mois alors prime sinon 0 €)
ancienneté standard
  tranche debutant : à partir de 0 mois
métier agent "Agent"
  debutant : 100
classement
  plancher métier
  le plus élevé l'emporte
statut
  cadre sinon
"#;

fn rules() -> grille::RuleSet {
    grille::load("essai.grille", RULES)
        .unwrap_or_else(|r| panic!("{}", r.render(false)))
        .0
}

fn read(rules: &grille::RuleSet, text: &str, format: Format) -> facts::Facts {
    let options = Options {
        declared: rules.declared_fields(),
        ..Options::default()
    };
    facts::read_bytes(text.as_bytes(), format, options).unwrap()
}

/// The minimum salary of each record on `day`, or its rejection.
fn minimums(rules: &grille::RuleSet, facts: &facts::Facts, day: &str) -> Vec<String> {
    let evaluator = grille::Evaluator::new(rules, day.parse().unwrap());
    facts
        .records
        .iter()
        .map(|r| {
            match r
                .as_ref()
                .map_err(Clone::clone)
                .and_then(|r| evaluator.decide(r))
            {
                Ok(d) => d.minimum_salary.unwrap().to_string(),
                Err(rejection) => format!("rejected {}", rejection.field.unwrap_or_default()),
            }
        })
        .collect()
}

#[test]
fn json_lines_keep_the_declared_fields_without_a_warning() {
    let rules = rules();
    // On 2025-03-02: A born 1999-03-02 is 26 that day → 2200; in the job since
    // 2024-09-02, 6 completed months → + 10; practice since 2023-09-02, 18
    // completed months → + the bonus 25.50: 2235.50.
    // B born 1999-03-03: 25 → 2000; in the job since 2024-09-03, 5 months → 0;
    // no practice_since: the test needs it and it has no default → rejected.
    let text = concat!(
        r#"{"id":"A","job":"agent","job_since":"2024-09-02","born_on":"1999-03-02","practice_since":"2023-09-02","bonus":"25.50"}"#,
        "\n",
        r#"{"id":"B","job":"agent","job_since":"2024-09-03","born_on":"1999-03-03"}"#,
        "\n",
    );
    let facts = read(&rules, text, Format::JsonLines);
    assert!(facts.warnings.is_empty(), "{:?}", facts.warnings);
    assert_eq!(
        minimums(&rules, &facts, "2025-03-02"),
        ["2235.50", "rejected practice_since"]
    );
}

#[test]
fn without_the_rule_set_s_list_the_fields_are_ignored_as_before() {
    let text = r#"[{"id":"A","job":"agent","job_since":"2024-09-02","born_on":"1999-03-02"}]"#;
    let facts = facts::read(text, Format::Json).unwrap();
    let warnings: Vec<String> = facts.warnings.iter().map(|w| w.to_string()).collect();
    assert_eq!(
        warnings,
        ["fields not used by grille were ignored: `born_on`"]
    );
    // Read so, the record gives no birth date: a rule that needs it says so.
    let rules = rules();
    assert_eq!(minimums(&rules, &facts, "2025-03-02"), ["rejected born_on"]);
}

#[test]
fn csv_and_french_csv_read_declared_dates_and_amounts() {
    let rules = rules();
    // The same employee as A above, written the French way: dates day first,
    // a decimal comma (quoted where `,` separates).
    let french = "Matricule;Emploi;Date d'entrée dans le poste;born_on;practice_since;bonus\r\n\
                  A;agent;02/09/2024;02/03/1999;02/09/2023;25,50\r\n";
    let comma = "id,job,job_since,born_on,practice_since,bonus\n\
                 A,agent,2024-09-02,1999-03-02,2023-09-02,\"25,50\"\n";
    for text in [french, comma] {
        let facts = read(&rules, text, Format::Csv);
        assert!(facts.warnings.is_empty(), "{:?}", facts.warnings);
        assert_eq!(minimums(&rules, &facts, "2025-03-02"), ["2235.50"]);
    }
    // A date that is no day, a bonus that is no amount: refused when read, naming the field.
    let bad =
        "id;job;job_since;born_on;bonus\nA;agent;02/09/2024;30/02/1999;\nB;agent;02/09/2024;;abc\n";
    let facts = read(&rules, bad, Format::Csv);
    let fields: Vec<_> = facts
        .records
        .iter()
        .map(|r| r.as_ref().unwrap_err().field.clone().unwrap())
        .collect();
    assert_eq!(fields, ["born_on", "bonus"]);
}

#[test]
fn the_trace_has_fact_and_clock_steps() {
    let rules = rules();
    let text = r#"[{"id":"A","job":"agent","job_since":"2024-09-02","born_on":"1999-03-02","practice_since":"2023-09-02"}]"#;
    let facts = read(&rules, text, Format::Json);
    let evaluator = grille::Evaluator::new(&rules, "2025-03-02".parse().unwrap());
    let record = facts.records[0].as_ref().unwrap();
    let decision = evaluator.decide_traced(record).unwrap();
    let mut out = Vec::new();
    grille::report::encode(&decision, grille::report::OutputFormat::Json, &mut out).unwrap();
    let json: serde_json::Value = serde_json::from_slice(&out).unwrap();
    let steps = json["trace"].as_array().expect("a trace");
    let of = |kind: &str| -> Vec<&serde_json::Value> {
        steps.iter().filter(|s| s["step"] == kind).collect()
    };
    let facts: Vec<String> = of("fact")
        .iter()
        .map(|s| {
            format!(
                "{} {} {} {}",
                s["name"], s["field"], s["value"], s["default"]
            )
        })
        .collect();
    // The bonus is read with its default (practice: 18 months ≥ 18).
    assert_eq!(
        facts,
        [
            r#""naissance" "born_on" "1999-03-02" false"#,
            r#""pratique" "practice_since" "2023-09-02" false"#,
            r#""prime" "bonus" "0" true"#,
        ]
    );
    let clocks: Vec<String> = of("clock")
        .iter()
        .map(|s| {
            format!(
                "{} {} {} {} {}",
                s["clock"], s["since"], s["until"], s["completed"], s["unit"]
            )
        })
        .collect();
    assert_eq!(
        clocks,
        [
            r#""age" "1999-03-02" "2025-03-02" 26 "years""#,
            r#""pratique" "2023-09-02" "2025-03-02" 18 "months""#,
            r#""job" "2024-09-02" "2025-03-02" 6 "months""#,
        ]
    );
    // The derived serialisation says the same (the JSON writer is hand-made for speed).
    let derived = serde_json::to_value(&decision).unwrap();
    assert_eq!(derived["trace"], json["trace"]);
}

#[test]
fn english_keywords_read_the_same_and_format_back() {
    let english = r#"agreement "Test"
  date 2024-01-01
fact born "Date of birth" : date
  field born_on
fact thirteenth "Thirteenth month" : yes-no
  field thirteenth_month
  default no
fact arrangement "Working time" : choice standard, days
  field working_time
  default standard
category c "Cadres"
  level 1 : coefficients 100, minimum if age < 26 years and not thirteenth and arrangement is days and date < 2030-01-01 then 2000 € otherwise 2200 €
experience standard
  band beginner : from 0 months
job agent "Agent"
  beginner : 100
classification
  floor job
  highest wins
status
  cadre otherwise
"#;
    let (rules, report) =
        grille::load("english.grille", english).unwrap_or_else(|r| panic!("{}", r.render(false)));
    assert!(report.diagnostics.is_empty(), "{}", report.render(false));
    assert_eq!(grille::fmt::format(english).unwrap(), english);
    let text = r#"[{"id":"A","job":"agent","job_since":"2024-01-01","born_on":"2000-01-01","working_time":"days"},
                   {"id":"B","job":"agent","job_since":"2024-01-01","born_on":"2000-01-01"}]"#;
    let facts = read(&rules, text, Format::Json);
    // On 2025-06-01 both are 25; A works `days` → 2000, B `standard` by default → 2200.
    assert_eq!(minimums(&rules, &facts, "2025-06-01"), ["2000", "2200"]);
}

/// The examples of the fixture give declared facts (`fait naissance 1998-12-31`):
/// 26 on the birthday, 25 the day before (+ the bonus after a year in the
/// company: 2 000 + 50), rejected without a birth date (see its notes.md).
#[test]
fn examples_give_declared_facts() {
    let (rules, _) = grille::load_path(
        "tests/inputs/eval/declared-facts/rules.grille",
        Default::default(),
    )
    .unwrap_or_else(|e| panic!("{e:?}"));
    let results = grille::examples::run(&rules);
    assert_eq!(results.len(), 3);
    for r in &results {
        assert!(r.passed(), "{}: {:?}", r.example.title, r.failures);
    }
}

/// `requis`: a record without the field is rejected even where no rule reads
/// it; a text fact compared with `est` (case and accents aside).
#[test]
fn a_required_fact_rejects_every_record_without_it() {
    let text = RULES
        .replace(
            r#"fait prime "Prime" : montant, champ bonus, défaut 0 €"#,
            "fait prime \"Prime\" : montant, champ bonus, défaut 0 €\n\
             fait etab \"Établissement\" : texte, champ establishment, requis",
        )
        .replace(
            "minimum si âge < 26 ans alors 2000 € sinon 2200 €",
            "minimum si coefficient > 100 et etab est paris alors 2500 € sinon 2200 €",
        );
    let (rules, _) =
        grille::load("requis.grille", &text).unwrap_or_else(|r| panic!("{}", r.render(false)));
    let facts = read(
        &rules,
        concat!(
            r#"[{"id":"A","job":"agent","job_since":"2024-09-02","establishment":"Paris","practice_since":"2024-09-02"},"#,
            r#"{"id":"B","job":"agent","job_since":"2024-09-02","practice_since":"2024-09-02"}]"#
        ),
        Format::Json,
    );
    // A: coefficient 100, the test's first side is false, `etab` is not read:
    // 2200 + 10 (6 months in the job) + 0 (6 months of practice < 18) = 2210.
    // B: no `establishment`, required: rejected although no rule reads it here.
    assert_eq!(
        minimums(&rules, &facts, "2025-03-02"),
        ["2210", "rejected establishment"]
    );
    let evaluator = grille::Evaluator::new(&rules, "2025-03-02".parse().unwrap());
    let rejection = evaluator
        .decide(facts.records[1].as_ref().unwrap())
        .unwrap_err();
    assert_eq!(rejection.code, grille::facts::ReasonCode::FactNeeded);
}
