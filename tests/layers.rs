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
