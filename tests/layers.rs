//! Loading rule files that stand on each other, from memory (`layers::InMemory`):
//! what the check fixtures cannot show with one file each.

use grille::layers::{InMemory, Options};

const BRANCH: &str = "convention \"Branche\"\ncatégorie employes \"Employés\"\n  niveau 1 : coefficients 120 à 140, minimum 900.00 €\nancienneté standard\n  tranche toutes : à partir de 0 mois\nclassement\n  plancher métier\n  le plus élevé l'emporte\nstatut\n  non-cadre sinon\nmétier agent \"Agent\"\n  toutes : 120\n";
const LAW: &str = "loi \"Loi\"\nparamètre smic : montant\n  1000.00 € depuis 2020-01-01\nsalaire minimum légal : smic\n";

fn decide(files: &InMemory, path: &str, options: Options) -> serde_json::Value {
    let (rules, _) = grille::load_with(files, path.as_ref(), options).unwrap();
    let facts = grille::facts::read(
        r#"[{"id": "A", "job": "Agent", "job_since": "2024-01-01"}]"#,
        grille::facts::Format::Json,
    )
    .unwrap();
    let day = grille::facts::parse_date("2026-01-01").unwrap();
    let evaluator = grille::Evaluator::new(&rules, day);
    let decision = evaluator
        .decide(facts.records[0].as_ref().unwrap())
        .unwrap();
    serde_json::to_value(&decision).unwrap()
}

/// A company agreement that names the law itself stands under it: the law's
/// minimum (1 000,00) beats the agreement's (900,00), and the company's
/// (900,00 × 1,05 = 945,00).
#[test]
fn a_company_agreement_under_the_law_is_under_it() {
    let company = "accord d'entreprise \"Entreprise\"\ndans le cadre de \"branche.grille\"\nsous la loi \"loi.grille\"\nsalaire minimum : arrondi(minimum × 1.05)\n";
    let files = InMemory::default()
        .with("entreprise.grille", company)
        .with("branche.grille", BRANCH)
        .with("loi.grille", LAW);
    let d = decide(&files, "entreprise.grille", Options::default());
    assert_eq!(d["minimum_salary"], "1000.00");
    assert_eq!(
        d["minimum_agreement"], "945.00",
        "the agreement's side, raised by the company's"
    );
    assert_eq!(d["minimum_from"], "law");
    // Without the law, the company's minimum wins over the branch's.
    let d = decide(
        &files,
        "entreprise.grille",
        Options {
            agreement_only: true,
        },
    );
    assert_eq!(d["minimum_salary"], "945.00");
    assert_eq!(d["minimum_from"], "company");
}

/// `grille::load` of a text alone cannot follow its links: it says so at the
/// clause, instead of deciding without the law.
#[test]
fn a_text_alone_that_names_the_law_is_refused_at_the_clause() {
    let text = format!("{BRANCH}sous la loi \"loi.grille\"\n");
    let report = grille::load("branche.grille", &text).unwrap_err();
    let d = &report.diagnostics[0];
    assert_eq!(d.code.as_str(), "grille::missing-layer");
    let (line, _) = report.file.line_col(d.span.start);
    assert_eq!(line, 13);
}

/// A branch agreement whose `chef` rises with experience, leaves a band blank
/// (no job floor there), and can be claimed by missions.
const GRADED: &str = "convention \"Branche\"\ncatégorie employes \"Employés\"\n  niveau 1 : coefficients 120 à 140, minimum 900.00 €\n  niveau 2 : coefficients 150 à 160, minimum 1000.00 €\nancienneté standard\n  tranche debutant : de 0 à 12 mois\n  tranche confirme : de 12 à 24 mois\n  tranche expert : à partir de 24 mois\nclassement\n  plancher métier\n    case vide : aucun plancher\n  plancher mission\n  le plus élevé l'emporte\nstatut\n  non-cadre sinon\nplafond des missions\n  fenêtre 24 mois\n  au plus 183 jours\n  droit : tranche debutant\nmétier agent \"Agent\"\n  debutant : 120\n  confirme : 120\n  expert : 120\nmétier chef \"Chef\"\n  debutant : 130\n  confirme : vide\n  expert : 150\n";

fn decide_one(files: &InMemory, path: &str, record: &str) -> serde_json::Value {
    let (rules, _) = grille::load_with(files, path.as_ref(), Options::default()).unwrap();
    let facts = grille::facts::read(&format!("[{record}]"), grille::facts::Format::Json).unwrap();
    let day = grille::facts::parse_date("2026-01-01").unwrap();
    let evaluator = grille::Evaluator::new(&rules, day);
    let record = facts.records[0].as_ref().unwrap();
    let mut d = serde_json::to_value(evaluator.decide_traced(record).unwrap()).unwrap();
    // The fast path decides the same as the traced one.
    let fast = serde_json::to_value(evaluator.decide(record).unwrap()).unwrap();
    let trace = d.as_object_mut().unwrap().remove("trace").unwrap();
    assert_eq!(d, fast);
    d["trace"] = trace;
    d
}

fn with_company(company_jobs: &str) -> InMemory {
    let company = format!(
        "accord d'entreprise \"Entreprise\"\ndans le cadre de \"branche.grille\"\n{company_jobs}"
    );
    InMemory::default()
        .with("entreprise.grille", &company)
        .with("branche.grille", GRADED)
}

/// A band the branch leaves blank (no job floor there) takes the company's
/// value, without the warning that no job floor applies; the trace names the
/// company floor with its line.
#[test]
fn a_company_value_fills_a_band_the_agreement_leaves_blank() {
    let files = with_company("métier chef \"Chef\"\n  confirme : 140\n");
    let record = r#"{"id": "A", "job": "Chef", "job_since": "2024-10-01"}"#;
    let d = decide_one(&files, "entreprise.grille", record);
    assert_eq!(d["band"], "confirme");
    assert_eq!(d["coefficient"], 140);
    assert_eq!(d["warnings"], serde_json::Value::Null);
    let steps = d["trace"].as_array().unwrap();
    let company = steps
        .iter()
        .find(|s| s["floor"] == "company" && s["step"] == "floor")
        .unwrap();
    assert_eq!(company["coefficient"], 140);
    assert_eq!(company["band"], "confirme");
    assert_eq!(company["rule"], "entreprise.grille:4:3");
    let won = steps.iter().find(|s| s["step"] == "entitlement").unwrap();
    assert_eq!(won["floor"], "company");
    // The next step: expert (150) on 2026-10-01, above the company's 140.
    assert_eq!(d["next_step"]["on"], "2026-10-01");
    assert_eq!(d["next_step"]["coefficient"], 150);
}

/// Missions over the cap give the right to the job's beginner coefficient:
/// the company's, where it is higher (140, not the branch's 130).
#[test]
fn a_mission_claim_gets_the_company_coefficient() {
    let files = with_company("métier chef \"Chef\"\n  debutant : 140\n");
    let record = r#"{"id": "A", "job": "Agent", "job_since": "2024-01-01", "missions": [{"job": "Chef", "start": "2025-01-01", "end": "2025-12-31"}]}"#;
    let d = decide_one(&files, "entreprise.grille", record);
    assert_eq!(d["claims"][0]["coefficient"], 140);
    assert_eq!(d["coefficient"], 140);
}

/// A company value no higher than the branch's leaves the branch's floor the
/// winner (a tie included): the trace shows both.
#[test]
fn a_company_value_at_or_below_the_agreements_leaves_the_agreements() {
    let files = with_company("métier chef \"Chef\"\n  debutant : 130\n  expert : 140\n");
    for (since, band, coefficient) in [
        ("2025-06-01", "debutant", 130),
        ("2023-01-01", "expert", 150),
    ] {
        let record = format!(r#"{{"id": "A", "job": "Chef", "job_since": "{since}"}}"#);
        let d = decide_one(&files, "entreprise.grille", &record);
        assert_eq!(d["band"], band);
        assert_eq!(d["coefficient"], coefficient);
        let steps = d["trace"].as_array().unwrap();
        let won = steps.iter().find(|s| s["step"] == "entitlement").unwrap();
        assert_eq!(won["floor"], "job", "{band}");
        assert!(steps.iter().any(|s| s["floor"] == "company"), "{band}");
    }
}

fn errors(files: &InMemory) -> Vec<(String, usize, String)> {
    let Err(grille::LoadError::Invalid(reports)) =
        grille::load_with(files, "entreprise.grille".as_ref(), Options::default())
    else {
        panic!("the rules should be refused");
    };
    let mut found = Vec::new();
    for report in reports {
        for d in report.diagnostics.iter().filter(|d| d.is_error()) {
            let (line, _) = report.file.line_col(d.span.start);
            let text = format!("{} / {}", d.message, d.help.clone().unwrap_or_default());
            found.push((d.code.as_str().to_string(), line, text));
        }
    }
    found
}

/// A company agreement classifies the agreement's jobs only, over their own
/// bands, by the names the agreement gives them.
#[test]
fn a_company_job_must_be_one_of_the_agreement_and_stay_its() {
    let files = with_company("métier chief \"Chef\"\n  debutant : 140\nmétier chef \"Chef d'équipe\"\n  appellations \"Cheffe\"\n  debutnt : 140\n");
    let found = errors(&files);
    let codes: Vec<(&str, usize)> = found.iter().map(|(c, l, _)| (c.as_str(), *l)).collect();
    assert_eq!(
        codes,
        [
            ("grille::unknown-name", 3),
            ("grille::layer-conflict", 5),
            ("grille::layer-kind", 6),
            ("grille::unknown-name", 7),
        ],
        "{found:#?}"
    );
    assert!(
        found[0].2.contains("did you mean `chef`?"),
        "{}",
        found[0].2
    );
    assert!(
        found[3].2.contains("did you mean `debutant`?"),
        "{}",
        found[3].2
    );
}

/// Values for jobs of an agreement that classifies by no job floor would
/// apply to nothing: refused.
#[test]
fn company_job_values_need_the_agreements_job_floor() {
    let branch = GRADED.replace("  plancher métier\n    case vide : aucun plancher\n", "");
    let company = "accord d'entreprise \"Entreprise\"\ndans le cadre de \"branche.grille\"\nmétier chef \"Chef\"\n  debutant : 140\n";
    let files = InMemory::default()
        .with("entreprise.grille", company)
        .with("branche.grille", &branch);
    let found = errors(&files);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(
        (found[0].0.as_str(), found[0].1),
        ("grille::layer-conflict", 3)
    );
    assert!(found[0].2.contains("no job floor"), "{}", found[0].2);
}
