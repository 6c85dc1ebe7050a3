//! `diff --csv-fr` and `diff --format xlsx`: the employees' table as French
//! offices open it, and a workbook with one sheet per table (read back with
//! calamine), each cell holding what `--format csv` says.

use std::process::Command;

use calamine::{open_workbook, Data, Reader, Xlsx};

const DIFF: [&str; 6] = [
    "diff",
    "rules/idcc2098-2002.grille",
    "rules/cgt-2008.grille",
    "examples/workforce.json",
    "--as-of",
    "2026-11-29",
];

fn grille(extra: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_grille"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(DIFF)
        .args(extra)
        .output()
        .unwrap()
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

/// The `--format csv` rows, by id, and the index of each column.
fn plain() -> (Vec<Vec<String>>, impl Fn(&str) -> usize) {
    let plain = rows(&grille(&["--format", "csv"]).stdout, b',');
    let header = plain[0].clone();
    let column = move |name: &str| header.iter().position(|h| h == name).unwrap();
    (plain, column)
}

#[test]
fn csv_fr_is_the_csv_table_the_french_way() {
    let out = grille(&["--csv-fr"]);
    let bytes = out
        .stdout
        .strip_prefix("\u{FEFF}".as_bytes())
        .expect("a BOM");
    assert!(bytes.starts_with("Matricule;Emploi;Changement;".as_bytes()));
    assert!(bytes.ends_with(b"\r\n"));
    let french = rows(bytes, b';');
    let (plain, column) = plain();
    assert_eq!(
        french.len(),
        plain.len(),
        "a header and one row per employee"
    );
    assert_eq!(french.len(), 61);
    let fr_column = |name: &str| french[0].iter().position(|h| h == name).unwrap();
    for (f, p) in french.iter().zip(&plain).skip(1) {
        assert_eq!(f[0], p[column("id")]);
        // Names where the CSV has ids, amounts with a decimal comma.
        assert_eq!(f[1], p[column("job_name")]);
        assert_eq!(f[fr_column("Tranche après")], p[column("after_band_name")]);
        assert_eq!(
            f[fr_column("Coefficient après")],
            p[column("after_coefficient")]
        );
        assert_eq!(
            f[fr_column("Salaire minimum après")],
            p[column("after_minimum_salary")].replace('.', ",")
        );
        assert_eq!(
            f[fr_column("Emploi après (identifiant)")],
            p[column("after_job")]
        );
    }
    // E001 (examples/workforce.json): up from Téléconseiller 120 to Conseiller
    // clientèle 170, the category's and status's declared names.
    let e001 = &french[1];
    assert_eq!(e001[0], "E001");
    assert_eq!(e001[2], "hausse");
    assert_eq!(e001[fr_column("Catégorie après")], "Employés");
    assert_eq!(e001[fr_column("Statut après")], "Non-cadre");
    assert_eq!(e001[fr_column("Position")], "enregistrement 1");
    let refused = grille(&["--csv-fr", "--format", "json"]);
    assert_eq!(refused.status.code(), Some(2));
}

#[test]
fn xlsx_has_a_sheet_per_table_with_numbers_as_numbers() {
    let dir = std::env::temp_dir().join(format!("grille-diff-xlsx-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("comparatif.xlsx");
    let out = grille(&["--format", "xlsx", "--output", path.to_str().unwrap()]);
    // 16 of the 60 are decided by the proposal only (the base rejects them): exit 1.
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut book: Xlsx<_> = open_workbook(&path).unwrap();
    assert_eq!(
        book.sheet_names(),
        ["Salariés", "Synthèse", "Par métier", "Par tranche"]
    );
    let (plain, column) = plain();
    let employees = book.worksheet_range("Salariés").unwrap();
    let rows: Vec<_> = employees.rows().collect();
    assert_eq!(rows.len(), plain.len());
    let header: Vec<String> = rows[0].iter().map(|c| c.to_string()).collect();
    let at = |name: &str| header.iter().position(|h| h == name).unwrap();
    for (cells, p) in rows.iter().zip(&plain).skip(1) {
        assert_eq!(cells[0], Data::String(p[column("id")].clone()));
        let coefficient: f64 = p[column("after_coefficient")].parse().unwrap();
        assert_eq!(cells[at("Coefficient après")], Data::Float(coefficient));
        let minimum: f64 = p[column("after_minimum_salary")].parse().unwrap();
        assert_eq!(cells[at("Salaire minimum après")], Data::Float(minimum));
    }
    // The totals: 60 records compared, the monthly mass difference an amount
    // equal to the sum of the employees' minimum salary changes.
    let totals = book.worksheet_range("Synthèse").unwrap();
    let line = |label: &str| {
        totals
            .rows()
            .find(|r| r[0] == Data::String(label.to_string()))
            .unwrap()
            .to_vec()
    };
    assert_eq!(line("Enregistrements comparés")[1], Data::Float(60.0));
    let summed: f64 = plain[1..]
        .iter()
        .filter_map(|p| p[column("minimum_salary_change")].parse::<f64>().ok())
        .sum();
    let Data::Float(difference) = line("Écart de la masse des minima")[2] else {
        panic!("not a number");
    };
    assert!((difference - summed).abs() < 0.005, "{difference} {summed}");
    // By job: the headcounts add up to the employees decided by either side.
    let by_job = book.worksheet_range("Par métier").unwrap();
    let headcount: f64 = by_job
        .rows()
        .skip(1)
        .map(|r| match r[2] {
            Data::Float(n) => n,
            _ => panic!("{r:?}"),
        })
        .sum();
    assert_eq!(headcount, 60.0);
    std::fs::remove_dir_all(&dir).unwrap();
}
