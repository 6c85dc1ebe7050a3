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
        text.contains("04/2023  Téléconseiller  Plus de 12 mois "),
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

/// Rows of a CSV, by `separator`.
fn csv_rows(bytes: &[u8], separator: u8) -> Vec<Vec<String>> {
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(separator)
        .from_reader(bytes);
    reader
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect()
}

/// The French CSV holds the `csv` format's rows, cell for cell: amounts with
/// a decimal comma, segment days day first, French headers.
#[test]
fn the_french_csv_is_the_csv_written_the_french_way() {
    let french = replay_of(&["--csv-fr"]).into_bytes();
    assert!(french.starts_with(b"\xEF\xBB\xBFMatricule;Ligne;Mois;Emploi;Tranche;"));
    assert!(french.ends_with(b"\r\n"));
    let plain = csv_rows(replay_of(&["--format", "csv"]).as_bytes(), b',');
    let rows = csv_rows(&french[3..], b';');
    assert_eq!(rows.len(), plain.len());
    // 7 months (2022-12 … 2023-06) and the totals.
    assert_eq!(rows.len(), 8);
    for (row, plain) in rows.iter().zip(&plain) {
        for col in [0, 3, 4, 5, 6, 13] {
            assert_eq!(row[col], plain[col], "column {col}");
        }
        // The month as a payslip writes it (2023-03 → 03/2023), the winning
        // layer by its French name.
        let month = match plain[2].split_once('-') {
            Some((year, month)) => format!("{month}/{year}"),
            None => plain[2].clone(),
        };
        assert_eq!(row[2], month, "column 2");
        let winner = match plain[7].as_str() {
            "agreement" => "convention",
            "law" => "loi",
            "company" => "entreprise",
            other => other,
        };
        assert_eq!(row[7], winner, "column 7");
        for col in 8..=14 {
            assert_eq!(row[col], plain[col].replace('.', ","), "column {col}");
        }
        assert_eq!(row[1], plain[1].replace("month", "mois"));
    }
    // March 2023, cut on the 21st (the band `plus-de-12-mois` reached).
    assert_eq!(
        rows[3][15],
        "01/03/2023 20/03/2023 130 1709,28 | 21/03/2023 31/03/2023 140 1709,28"
    );
    // Totals: 36,45 short, of which 27,17 claimable (April 2023) and 9,28
    // prescribed (March 2023), paid leave 2,72 (README, E003).
    assert_eq!(rows[7][1], "total");
    assert_eq!(rows[7][10..15], ["36,45", "27,17", "9,28", "0", "2,72"]);
}

#[test]
fn a_french_csv_needs_the_csv_format() {
    let args: Vec<&str> = E003
        .iter()
        .chain(&["--csv-fr", "--format", "json"])
        .copied()
        .collect();
    let (code, _, err) = cli(&args);
    assert_eq!(code, 2);
    assert!(err.contains("--csv-fr écrit du CSV"), "{err}");
}

/// The workbook: the month rows and totals of the `csv` format, names for
/// people, coefficients and amounts as numbers; read back with calamine.
#[test]
fn the_workbook_holds_the_csv_rows_with_numbers_as_numbers() {
    use calamine::{open_workbook, Data, Reader, Xlsx};
    let dir = std::env::temp_dir().join(format!("grille-replay-xlsx-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("rappel.xlsx");
    let mut args: Vec<&str> = E003.to_vec();
    args.extend(["--format", "xlsx", "--output", path.to_str().unwrap()]);
    let (code, _, err) = cli(&args);
    assert_eq!(code, 0, "{err}");
    let mut book: Xlsx<_> = open_workbook(&path).unwrap();
    assert_eq!(book.sheet_names(), ["Rappel de salaire", "Rejets"]);
    let sheet = book.worksheet_range("Rappel de salaire").unwrap();
    let rows: Vec<&[Data]> = sheet.rows().collect();
    assert_eq!(
        rows[0][..3],
        ["Matricule", "Ligne", "Mois"].map(|h| Data::String(h.into()))
    );
    let plain = csv_rows(replay_of(&["--format", "csv"]).as_bytes(), b',');
    assert_eq!(rows.len() - 1, plain.len());
    for (row, plain) in rows[1..].iter().zip(&plain) {
        assert_eq!(row[0], Data::String(plain[0].clone()));
        for col in [5, 6, 8, 9, 10, 11, 12, 13, 14] {
            match (&row[col], plain[col].as_str()) {
                (Data::Empty, "") => {}
                (Data::Float(value), text) => {
                    assert_eq!(*value, text.parse::<f64>().unwrap(), "column {col}")
                }
                other => panic!("column {col}: {other:?}"),
            }
        }
    }
    // April 2023: « Téléconseiller », « Plus de 12 mois », 140, 27,17 short.
    assert_eq!(rows[5][3], Data::String("Téléconseiller".into()));
    assert_eq!(rows[5][4], Data::String("Plus de 12 mois".into()));
    assert_eq!(rows[5][5], Data::Float(140.0));
    assert_eq!(rows[5][10], Data::Float(27.17));
    std::fs::remove_dir_all(&dir).unwrap();
}
