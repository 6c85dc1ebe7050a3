//! `eval --csv-fr`: the `csv` format as French spreadsheets open it. Each row
//! holds what the `csv` row holds, amounts with a decimal comma, dates day first,
//! names for people instead of ids.

use std::process::Command;

fn eval(extra: &[&str]) -> (Vec<u8>, i32) {
    let mut args = vec![
        "eval",
        "rules/cgt-2008.grille",
        "examples/workforce.csv",
        "--as-of",
        "2026-11-29",
        "--quiet",
    ];
    args.extend_from_slice(extra);
    let out = Command::new(env!("CARGO_BIN_EXE_grille"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(&args)
        .output()
        .unwrap();
    (out.stdout, out.status.code().unwrap())
}

fn rows(bytes: &[u8], delimiter: u8) -> Vec<Vec<String>> {
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .from_reader(bytes);
    reader
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect()
}

#[test]
fn french_csv_holds_the_csv_rows_written_the_french_way() {
    let (french, code) = eval(&["--csv-fr"]);
    assert_eq!(code, 0);
    let text = french.strip_prefix("\u{FEFF}".as_bytes()).expect("a BOM");
    assert!(text.starts_with("Matricule;Emploi;Tranche;Coefficient;".as_bytes()));
    assert!(text.ends_with(b"\r\n"));
    let (plain, _) = eval(&["--format", "csv"]);
    let (french, plain) = (rows(text, b';'), rows(&plain, b','));
    assert_eq!(french.len(), plain.len());
    assert_eq!(french.len(), 61, "a header and the 60 employees");
    // Columns 7, 8, 13, 14 are amounts; 10 the next step's date; 12 the
    // warnings, said in French; 15 the layer whose minimum won, in French.
    for (f, p) in french.iter().zip(&plain).skip(1) {
        for (i, (f, p)) in f.iter().zip(p).enumerate() {
            if i == 12 {
                assert_eq!(f.is_empty(), p.is_empty(), "warnings of {p}");
                continue;
            }
            // Job, band, category, status: the declared names (checked below).
            if [1, 2, 5, 6].contains(&i) {
                continue;
            }
            let expected = match i {
                15 => match p.as_str() {
                    "law" => "loi",
                    "agreement" => "convention",
                    "company" => "entreprise",
                    other => other,
                }
                .to_string(),
                7 | 8 | 13 | 14 => p.replace('.', ","),
                10 if !p.is_empty() => {
                    let (y, rest) = p.split_once('-').unwrap();
                    let (m, d) = rest.split_once('-').unwrap();
                    format!("{d}/{m}/{y}")
                }
                _ => p.clone(),
            };
            assert_eq!(f, &expected, "column {i} of {}", p);
        }
    }
    // E001 (examples/workforce.csv): 2100.00 paid; a next step in 2027.
    let e001 = french.iter().find(|r| r[0] == "E001").unwrap();
    assert!(e001[7].contains(','), "{e001:?}");
    // Names for people (rules/cgt-2008.grille: `métier conseiller-clientele
    // "Conseiller clientèle"`, `tranche debutant "Débutant"`, `catégorie
    // employes "Employés"`, `non-cadre "Non-cadre" sinon`).
    assert_eq!(
        e001[1..7],
        [
            "Conseiller clientèle",
            "Débutant",
            "170",
            "3",
            "Employés",
            "Non-cadre"
        ],
        "{e001:?}"
    );
    let (_, code) = eval(&["--csv-fr", "--format", "json"]);
    assert_eq!(code, 2);
}
