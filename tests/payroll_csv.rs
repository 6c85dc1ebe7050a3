//! CSV files as French payroll software exports them (`tests/inputs/facts/`): each
//! decided employee is decided as in the clean `examples/workforce.csv`, every
//! record ends as one decision or one rejection, and rejections say where.

use std::collections::HashMap;
use std::process::Command;

use grille::facts::{self, Encoding, Format, Options, Position, Record};

const RULES: &str = "rules/cgt-2008.grille";
const AS_OF: &str = "2026-11-29";

fn root(path: &str) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

fn rules() -> grille::RuleSet {
    grille::load_path(root(RULES), Default::default())
        .unwrap()
        .0
}

fn clean() -> HashMap<String, Record> {
    let text = std::fs::read_to_string(root("examples/workforce.csv")).unwrap();
    let facts = facts::read(&text, Format::Csv).unwrap();
    facts
        .records
        .into_iter()
        .map(|r| r.unwrap())
        .map(|r| (r.id.clone(), r))
        .collect()
}

/// Reads a fixture, decides it, and checks it against the clean workforce; gives
/// the rejections as `line N field-or-reason`, and the warnings.
fn check(name: &str, options: Options, records: usize) -> (Vec<String>, Vec<String>) {
    let bytes = std::fs::read(root(&format!("tests/inputs/facts/{name}"))).unwrap();
    let facts = facts::read_bytes(&bytes, Format::Csv, options).unwrap();
    let rules = rules();
    let evaluator = grille::Evaluator::new(&rules, facts::parse_date(AS_OF).unwrap());
    let clean = clean();
    let (mut decided, mut rejected) = (0, Vec::new());
    for outcome in &facts.records {
        let decision = outcome
            .as_ref()
            .map_err(Clone::clone)
            .and_then(|r| evaluator.decide(r).map(|d| (r, d)));
        match decision {
            Ok((record, decision)) => {
                decided += 1;
                let expected = evaluator.decide(&clean[&record.id]).unwrap();
                assert_eq!(decision, expected, "{name}: {}", record.id);
                assert_eq!(record.job, clean[&record.id].job, "{name}: {}", record.id);
            }
            Err(rejection) => {
                let Position::Line(line) = rejection.position else {
                    panic!("{name}: {rejection}");
                };
                let what = rejection.field.unwrap_or(rejection.reason);
                rejected.push(format!("line {line} {what}"));
            }
        }
    }
    assert_eq!(decided + rejected.len(), records, "{name}: {rejected:?}");
    // The warnings' English words (`facts_warnings` of the JSON contract).
    let warnings = facts.warnings.iter().map(ToString::to_string).collect();
    (rejected, warnings)
}

/// Not an English locale: what grille says to people is French.
fn grille(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_grille"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(args)
        .env("LANG", "C.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .output()
        .unwrap()
}

/// Runs `grille eval` on a fixture: decisions written, the summary line, stderr.
fn eval(name: &str, extra: &[&str]) -> (usize, String, i32) {
    let path = format!("tests/inputs/facts/{name}");
    let mut args = vec!["eval", RULES, &path, "--as-of", AS_OF, "--format", "jsonl"];
    args.extend_from_slice(extra);
    let out = grille(&args);
    let stdout = String::from_utf8(out.stdout).unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    (stdout.lines().count(), stderr, out.status.code().unwrap())
}

#[test]
fn semicolons_decimal_commas_french_dates_and_a_bom() {
    let (rejected, warnings) = check("semicolon-fr.csv", Options::default(), 11);
    assert!(
        rejected.is_empty() && warnings.is_empty(),
        "{rejected:?} {warnings:?}"
    );
    let (written, stderr, code) = eval("semicolon-fr.csv", &[]);
    assert_eq!((written, code), (11, 0), "{stderr}");
    assert!(stderr.contains("11 décidé(s), 0 rejeté(s)"), "{stderr}");
}

#[test]
fn crlf_line_ends() {
    let (rejected, _) = check("crlf.csv", Options::default(), 11);
    assert!(rejected.is_empty(), "{rejected:?}");
}

#[test]
fn windows_1252_is_detected_and_said() {
    let (rejected, warnings) = check("windows-1252.csv", Options::default(), 11);
    assert!(rejected.is_empty(), "{rejected:?}");
    assert!(
        warnings
            .iter()
            .any(|w| w.contains("Windows-1252") && w.contains("line 2")),
        "{warnings:?}"
    );
    let forced = Options {
        encoding: Some(Encoding::Windows1252),
        ..Options::default()
    };
    let (rejected, warnings) = check("windows-1252.csv", forced, 11);
    assert!(rejected.is_empty(), "{rejected:?}");
    assert!(!warnings.iter().any(|w| w.contains("Windows-1252")));
    let (written, stderr, code) = eval("windows-1252.csv", &[]);
    assert_eq!((written, code), (11, 0), "{stderr}");
    assert!(stderr.contains("avertissement : le fichier n'est pas en UTF-8 (octet 0xE9 ligne 2, colonne 7) : il a été lu en Windows-1252"), "{stderr}");
    // Forced to UTF-8, every row with a byte outside UTF-8 is rejected, not guessed.
    let (written, stderr, code) = eval("windows-1252.csv", &["--encoding", "utf-8"]);
    assert_eq!(code, 1);
    assert!(
        stderr.contains(
            "ligne 2 : le champ 2 n'est pas du texte UTF-8 (le fichier a été lu en UTF-8)"
        ),
        "{stderr}"
    );
    assert!(stderr.contains(&format!("{written} décidé(s)")), "{stderr}");
}

#[test]
fn bytes_undefined_in_windows_1252_stop_the_file_where_they_are() {
    let text = b"id;job;job_since\nE1;T\x81l;01/01/2020\n";
    let forced = Options {
        encoding: Some(Encoding::Windows1252),
        ..Options::default()
    };
    // The CSV reader reads ahead: the header may already meet the byte.
    let error = match facts::stream_with(&text[..], Format::Csv, forced) {
        Err(e) => e.to_string(),
        Ok(mut records) => {
            assert!(records.next().is_none());
            records.finish().unwrap_err().to_string()
        }
    };
    assert!(error.contains("line 2, column 5: byte 0x81"), "{error}");
    // Latin-1 has no undefined byte.
    let latin1 = Options {
        encoding: Some(Encoding::Latin1),
        ..Options::default()
    };
    assert!(facts::read_bytes(text, Format::Csv, latin1)
        .unwrap()
        .records[0]
        .is_ok());
}

#[test]
fn quoted_line_breaks_keep_the_lines_of_later_rows() {
    let (rejected, warnings) = check("quoted-newline.csv", Options::default(), 6);
    assert_eq!(rejected, ["line 8 job_since"]);
    assert_eq!(
        warnings,
        ["fields not used by grille were ignored: `notes`"]
    );
}

#[test]
fn trailing_empty_columns_are_ignored_and_full_ones_refused() {
    let (rejected, _) = check("trailing-columns.csv", Options::default(), 5);
    assert_eq!(rejected.len(), 1);
    assert!(
        rejected[0].starts_with("line 6 column 11 holds `x`, but the header names 9 columns"),
        "{rejected:?}"
    );
}

#[test]
fn a_decimal_comma_in_a_comma_file_must_be_quoted() {
    let (rejected, _) = check("comma-quoted.csv", Options::default(), 4);
    assert_eq!(rejected.len(), 1);
    assert!(rejected[0].starts_with("line 5 column 10"), "{rejected:?}");
    assert!(rejected[0].contains("must be quoted"), "{rejected:?}");
}

#[test]
fn a_mixed_file_decides_the_good_rows_and_says_where_the_bad_ones_are() {
    let (rejected, _) = check("mixed.csv", Options::default(), 13);
    let expected = [
        "line 3 salary",
        "line 4 salary",
        "line 5 job_since",
        "line 6 job_since",
        "line 8 this row has 3 fields, the header 9",
        "line 9 salary",
        "line 10 job",
        "line 12 hours",
        "line 14 id",
    ];
    assert_eq!(rejected, expected);
    let (written, stderr, code) = eval("mixed.csv", &[]);
    assert_eq!((written, code), (4, 1), "{stderr}");
    assert!(stderr.contains("4 décidé(s), 9 rejeté(s)"), "{stderr}");
    assert!(
        stderr.contains("ligne 3 (id E002), champ `salary` : `1,850` est ambigu"),
        "{stderr}"
    );
}

#[test]
fn strict_stops_at_the_first_rejection() {
    let (written, stderr, code) = eval("mixed.csv", &["--strict"]);
    assert_eq!((written, code), (1, 1), "{stderr}");
    assert_eq!(stderr.matches("rejeté :").count(), 1, "{stderr}");
    assert!(stderr.contains("ligne 3 (id E002)"), "{stderr}");
    assert!(stderr.contains("--strict"), "{stderr}");
    let (written, _, code) = eval("semicolon-fr.csv", &["--strict"]);
    assert_eq!((written, code), (11, 0));
}

#[test]
fn the_delimiter_and_encoding_may_be_given() {
    // Told `,`, the `;` file has one column: no `id` in its header.
    let (_, stderr, code) = eval("semicolon-fr.csv", &["--delimiter", ","]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("pas de colonne `id`"), "{stderr}");
    let (written, _, code) = eval("semicolon-fr.csv", &["--delimiter", ";"]);
    assert_eq!((written, code), (11, 0));
    let out = grille(&[
        "eval",
        RULES,
        "examples/workforce.json",
        "--as-of",
        AS_OF,
        "--encoding",
        "latin-1",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("ne vaut que pour le CSV"));
    let out = grille(&[
        "explain",
        RULES,
        "tests/inputs/facts/windows-1252.csv",
        "--id",
        "E003",
        "--as-of",
        AS_OF,
    ]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// A payroll export as a French office has it (`paie-fr.csv`): French headers
/// (`Matricule`, `Emploi`, `Date d'entrée dans le poste`, `Expérience antérieure
/// (mois)`, `Diplôme`, `Horaire mensuel`, `Salaire de base`, `Coefficient`, and a
/// `Nom` grille does not use), `;`, decimal commas, dates day first,
/// Windows-1252, CRLF line ends, a row of empty cells on line 5 and three after
/// the last employee. Lines counted by hand: header 1, E001-E003 on 2-4, the empty
/// row 5, E004-E006 on 6-8, E099 (31/02/2026) on 9, E007-E009 on 10-12, E098
/// (`Téléopérateur`, no such job) on 13, E010-E011 on 14-15, empty rows 16-18.
#[test]
fn a_french_payroll_export_is_decided_without_a_flag() {
    let (rejected, warnings) = check("paie-fr.csv", Options::default(), 13);
    assert_eq!(rejected, ["line 9 job_since", "line 13 job"]);
    assert!(warnings.iter().any(|w| w.contains("`Nom`")), "{warnings:?}");
    let (written, stderr, code) = eval("paie-fr.csv", &[]);
    assert_eq!((written, code), (11, 1), "{stderr}");
    assert!(
        stderr.contains("11 décidé(s), 2 rejeté(s), 4 lignes vides sautées"),
        "{stderr}"
    );
    assert!(
        stderr.contains("paie-fr.csv : rejeté : ligne 9 (id E099), champ `job_since`"),
        "{stderr}"
    );
    assert!(
        stderr.contains("paie-fr.csv : rejeté : ligne 13 (id E098), champ `job`"),
        "{stderr}"
    );
}

/// Headers grille does not know are named with one `--columns`; `Coef.` is known.
#[test]
fn unusual_headers_are_named_with_one_flag() {
    let (_, stderr, code) = eval("paie-intitules.csv", &[]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("pas de colonne `id`"), "{stderr}");
    assert!(stderr.contains("--columns id=COLONNE"), "{stderr}");
    let columns = "id=Salarié n°,job=Libellé emploi occupé,job_since=Depuis le,\
                   diploma=Dipl.,hours=Heures/mois,salary=Brut mensuel";
    let (written, stderr, code) = eval("paie-intitules.csv", &["--columns", columns]);
    assert_eq!((written, code), (5, 0), "{stderr}");
    assert!(stderr.contains("5 décidé(s), 0 rejeté(s)"), "{stderr}");
    let map = facts::ColumnMap::parse(columns).unwrap();
    let options = Options {
        columns: map,
        ..Options::default()
    };
    let (rejected, warnings) = check("paie-intitules.csv", options, 5);
    assert!(
        rejected.is_empty() && warnings.iter().all(|w| !w.contains("ignored")),
        "{rejected:?} {warnings:?}"
    );
    // A column named that the header lacks is refused naming the flag.
    let (_, stderr, code) = eval("paie-intitules.csv", &["--columns", "id=Numéro"]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("--columns id=Numéro : l'en-tête CSV n'a pas de colonne `Numéro`"),
        "{stderr}"
    );
    let (_, stderr, code) = eval("paie-intitules.csv", &["--columns", "idd=Numéro"]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("`idd` n'est pas un champ des faits"),
        "{stderr}"
    );
}

/// Flags take dates and decimals in the forms a CSV file may use.
#[test]
fn flags_take_french_dates_and_decimals() {
    let out = grille(&[
        "eval",
        RULES,
        "examples/workforce.csv",
        "--as-of",
        "29/11/2026",
        "--format",
        "jsonl",
    ]);
    let french = String::from_utf8(out.stdout).unwrap();
    let out = grille(&[
        "eval",
        RULES,
        "examples/workforce.csv",
        "--as-of",
        AS_OF,
        "--format",
        "jsonl",
    ]);
    assert_eq!(french, String::from_utf8(out.stdout).unwrap());
    let with = |value: &str| {
        let set = format!("smcc={value}");
        let out = grille(&[
            "eval",
            RULES,
            "examples/workforce.csv",
            "--as-of",
            AS_OF,
            "--format",
            "jsonl",
            "--set",
            &set,
        ]);
        (
            String::from_utf8(out.stdout).unwrap(),
            String::from_utf8(out.stderr).unwrap(),
            out.status.code(),
        )
    };
    let (plain, _, code) = with("1800.00");
    assert_eq!(code, Some(0));
    for french in ["1 800,00", "1800,00", "1 800,00 €", "1\u{A0}800,00"] {
        let (out, stderr, code) = with(french);
        assert_eq!(
            (out.as_str(), code),
            (plain.as_str(), Some(0)),
            "{french}: {stderr}"
        );
    }
    let (_, stderr, code) = with("1,800");
    assert_eq!(code, Some(2));
    assert!(
        stderr.contains("--set smcc=1,800: `1,800` est ambigu"),
        "{stderr}"
    );
    let out = grille(&[
        "eval",
        RULES,
        "examples/workforce.csv",
        "--as-of",
        "31/02/2026",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("29/11/2026 (jour/mois/année)"));
}

/// Diplomas are found by id, declared name or alias, as jobs are; a name two
/// diplomas bear is refused naming both (`ambiguous-diploma-name.grille`: `DUT`
/// is an alias of `bac+2` and of `bac+3`).
#[test]
fn diplomas_are_found_by_name_or_alias() {
    let rules = grille::load_path(
        root("tests/inputs/check/ambiguous-diploma-name.grille"),
        Default::default(),
    )
    .unwrap()
    .0;
    let evaluator = grille::Evaluator::new(&rules, facts::parse_date(AS_OF).unwrap());
    let text = "id;job;job_since;diploma\n\
                A;agent;01/01/2020;BTS\n\
                B;agent;01/01/2020;licence\n\
                C;agent;01/01/2020;BTS, DUT\n\
                D;agent;01/01/2020;DUT\n\
                E;agent;01/01/2020;Bac pro\n";
    let facts = facts::read(text, Format::Csv).unwrap();
    let outcomes: Vec<_> = facts
        .records
        .iter()
        .map(|r| evaluator.decide(r.as_ref().unwrap()))
        .collect();
    for decided in &outcomes[..3] {
        assert!(decided.is_ok(), "{decided:?}");
    }
    let ambiguous = outcomes[3].as_ref().unwrap_err();
    assert_eq!(ambiguous.field.as_deref(), Some("diploma"));
    assert!(
        ambiguous
            .reason
            .contains("`DUT` names several diplomas of the rule set: `bac+2`, `bac+3`"),
        "{ambiguous}"
    );
    let unknown = outcomes[4].as_ref().unwrap_err();
    assert!(unknown.reason.contains("by id, name or alias"), "{unknown}");
}
