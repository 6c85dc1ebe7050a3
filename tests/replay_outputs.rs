//! What a replay says to people (text and HTML: jobs and bands by their names,
//! why a right is owed in the reader's language) and to programs (JSON: the
//! ids beside the English `why`; the French CSV and the xlsx workbook).

fn cli(args: &[&str]) -> (i32, Vec<u8>, String) {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_grille"))
        .arg("replay")
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        out.stdout,
        String::from_utf8(out.stderr).unwrap(),
    )
}

/// E003 of examples/history.json: a Téléconseillère hired on 2022-03-21,
/// band `confirme` (« Confirmé (6 à 12 mois) », coefficient 130) from
/// 2022-09-21, band `plus-de-12-mois` (« Plus de 12 mois », 140) from
/// 2023-03-21 (rules/idcc2098-2002.grille, the Téléconseiller's scale).
const E003: [&str; 9] = [
    "rules/idcc2098-2002.grille",
    "examples/history.json",
    "--id",
    "E003",
    "--from",
    "2022-12",
    "--to",
    "2023-06",
    "--claim-on=2026-04-15",
];

fn replay_of(extra: &[&str]) -> String {
    let args: Vec<&str> = E003.iter().chain(extra).copied().collect();
    let (code, out, err) = cli(&args);
    assert_eq!(code, 0, "{err}");
    String::from_utf8(out).unwrap()
}

#[test]
fn the_text_names_jobs_and_bands_and_says_why_in_french() {
    let text = replay_of(&[]);
    assert!(
        text.contains("2023-04  Téléconseiller  Plus de 12 mois "),
        "{text}"
    );
    assert!(
        text.contains(
            "coefficient 140 dû depuis le 21 mars 2023 : tranche Plus de 12 mois en Téléconseiller"
        ),
        "{text}"
    );
    assert!(
        text.contains("du 1er mars 2023 au 20 mars 2023 : Confirmé (6 à 12 mois) 130 loi"),
        "{text}"
    );
    for id in ["teleconseiller", "plus-de-12-mois", " band ", " in "] {
        assert!(!text.contains(id), "`{id}` in {text}");
    }
    let english = replay_of(&["--lang", "en"]);
    assert!(
        english.contains(
            "coefficient 140 owed since 21 March 2023 : band Plus de 12 mois in Téléconseiller"
        ),
        "{english}"
    );
}

#[test]
fn the_json_keeps_the_english_why_and_gives_the_ids() {
    let json = replay_of(&["--format", "json"]);
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    let right = &value[0]["rights"][1];
    assert_eq!(right["value"], 140);
    assert_eq!(right["why"], "band plus-de-12-mois in Téléconseiller");
    assert_eq!(right["job"], "teleconseiller");
    assert_eq!(right["band"], "plus-de-12-mois");
}

#[test]
fn the_dossier_names_jobs_and_bands() {
    let html = replay_of(&["--format", "html"]);
    assert!(
        html.contains("<td>Téléconseiller, Plus de 12 mois"),
        "{html}"
    );
    assert!(
        html.contains(
            "Coefficient 140 dû depuis le 21 mars 2023 (Téléconseiller, Plus de 12 mois)"
        ),
        "{html}"
    );
    // The explanations below give both the label and the id, as `grille explain` does.
    assert!(!html.contains("<td>teleconseiller"), "{html}");
    assert!(!html.contains(", plus-de-12-mois"), "{html}");
}
