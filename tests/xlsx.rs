//! `eval --format xlsx`: the workbook opens (read back with calamine), one sheet
//! per table, French headers, names for people, numbers as numbers, amounts and
//! dates as such; each cell holds what `--format csv` says.

use std::process::Command;

use calamine::{open_workbook, Data, Reader, Xlsx};

fn grille(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_grille"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(args)
        .output()
        .unwrap()
}

fn csv_rows(bytes: &[u8]) -> Vec<Vec<String>> {
    let mut reader = csv::Reader::from_reader(bytes);
    reader
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect()
}

/// Days from Excel's day 0 (1899-12-30) to `date` (YYYY-MM-DD): the serial
/// number a date cell holds.
fn serial(date: &str) -> f64 {
    let day = chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d").unwrap();
    let origin = chrono::NaiveDate::from_ymd_opt(1899, 12, 30).unwrap();
    (day - origin).num_days() as f64
}

#[test]
fn eval_writes_a_workbook_with_numbers_as_numbers() {
    let dir = std::env::temp_dir().join(format!("grille-xlsx-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("décisions.xlsx");
    let facts = "tests/inputs/facts/paie-fr.csv";
    let common = [
        "eval",
        "rules/cgt-2008.grille",
        facts,
        "--as-of",
        "2026-11-29",
        "--quiet",
    ];
    let mut args = common.to_vec();
    args.extend(["--format", "xlsx", "--output", path.to_str().unwrap()]);
    let out = grille(&args);
    // Two records of the file are rejected (lines 9 and 13): exit 1, the sheet written.
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut book: Xlsx<_> = open_workbook(&path).unwrap();
    assert_eq!(book.sheet_names(), ["Décisions", "Rejets"]);
    let sheet = book.worksheet_range("Décisions").unwrap();
    let header: Vec<String> = sheet
        .rows()
        .next()
        .unwrap()
        .iter()
        .map(|c| c.to_string())
        .collect();
    assert_eq!(
        header[..4],
        ["Matricule", "Emploi", "Tranche", "Coefficient"]
    );
    let mut args = common.to_vec();
    args.extend(["--format", "csv"]);
    let csv = csv_rows(&grille(&args).stdout);
    let rows: Vec<&[Data]> = sheet.rows().skip(1).collect();
    assert_eq!(rows.len(), csv.len());
    assert_eq!(rows.len(), 11);
    for (row, plain) in rows.iter().zip(&csv) {
        assert_eq!(row[0], Data::String(plain[0].clone()));
        // The job and the band by their declared names: `conseiller-clientele`
        // is "Conseiller clientèle" in rules/cgt-2008.grille.
        if plain[1] == "conseiller-clientele" {
            assert_eq!(row[1], Data::String("Conseiller clientèle".into()));
        }
        for (col, text) in [(3, &plain[3]), (4, &plain[4])] {
            assert_eq!(row[col], Data::Float(text.parse().unwrap()), "{plain:?}");
        }
        for col in [7, 8, 13, 14] {
            match (&row[col], plain[col].as_str()) {
                (Data::Empty, "") => {}
                (Data::Float(value), text) => assert_eq!(*value, text.parse::<f64>().unwrap()),
                other => panic!("column {col}: {other:?}"),
            }
        }
        match (&row[10], plain[10].as_str()) {
            (Data::Empty, "") => {}
            (Data::DateTime(date), text) => {
                assert!(date.is_datetime());
                assert_eq!(date.as_f64(), serial(text));
            }
            other => panic!("next step: {other:?}"),
        }
    }
    let rejected = book.worksheet_range("Rejets").unwrap();
    let lines: Vec<String> = rejected.rows().skip(1).map(|r| r[0].to_string()).collect();
    // Positions as a French reader says them.
    assert_eq!(lines, ["ligne 9", "ligne 13"]);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_workbook_is_not_written_to_a_terminal_and_needs_eval() {
    let out = grille(&[
        "eval",
        "rules/cgt-2008.grille",
        "examples/workforce.csv",
        "--format",
        "xlsx",
        "--csv-fr",
    ]);
    assert_eq!(out.status.code(), Some(2));
}
