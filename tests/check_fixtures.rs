//! Broken rule files → the diagnostics a user sees.
//!
//! Each file of `tests/inputs/check/` has one defect and names, on its first line
//! (`# code: grille::...`), the diagnostic code it must raise. The test asserts
//! that code is reported, then snapshots the rendered report (no colours, in
//! French as `grille check` says it by default).

#[test]
fn check_fixtures() {
    insta::glob!("inputs/check/*.grille", |path| {
        // Bytes: one fixture is not UTF-8.
        let bytes = std::fs::read(path).unwrap();
        let text = String::from_utf8_lossy(&bytes);
        let expected_code = text
            .lines()
            .next()
            .and_then(|l| l.strip_prefix("# code: "))
            .expect("first line names the expected code")
            .trim()
            .to_string();
        let name = format!("{}", path.file_name().unwrap().to_string_lossy());
        // Files a fixture stands on (`modifie "layers/…"`) are read beside it.
        let files = FixtureFiles(path.parent().unwrap().to_path_buf());
        let reports = match grille::load_with(&files, name.as_ref(), Default::default()) {
            Ok((_, reports)) | Err(grille::LoadError::Invalid(reports)) => reports,
            Err(e) => panic!("{name}: {e:?}"),
        };
        let codes: Vec<&str> = reports
            .iter()
            .flat_map(|r| &r.diagnostics)
            .map(|d| d.code.as_str())
            .collect();
        assert!(
            codes.contains(&expected_code.as_str()),
            "{name}: expected {expected_code}, got {codes:?}"
        );
        // French, as `grille check` says it by default.
        let rendered: String = reports
            .iter()
            .map(|r| r.render_in(false, grille::catalogue::Lang::Fr))
            .collect();
        insta::with_settings!({ omit_expression => true }, {
            insta::assert_snapshot!(rendered);
        });
    });
}

/// Rule files of a fixture folder, by their path relative to it.
struct FixtureFiles(std::path::PathBuf);

impl grille::layers::Files for FixtureFiles {
    fn read(&self, path: &std::path::Path) -> Result<String, String> {
        grille::layers::Disk.read(&self.0.join(path))
    }
}

#[test]
fn shipped_rule_files_have_no_errors() {
    for entry in std::fs::read_dir("rules").unwrap() {
        let path = entry.unwrap().path();
        if let Err(e) = grille::load_path(&path, Default::default()) {
            panic!("{e:?}");
        }
    }
}

/// READING §6: the proposal's own defects are shown as warnings, on the right lines.
#[test]
fn proposal_defects_are_reported_as_warnings() {
    let text = std::fs::read_to_string("rules/cgt-2008.grille").unwrap();
    let (_, mut reports) = grille::load_path("rules/cgt-2008.grille", Default::default()).unwrap();
    let report = reports.swap_remove(0);
    let line_of = |needle: &str| text.lines().position(|l| l.contains(needle)).unwrap() + 1;
    let warned = |code: &str| -> Vec<usize> {
        report
            .diagnostics
            .iter()
            .filter(|d| d.code == code)
            .map(|d| grille::span::line_col(&text, d.span.start).0)
            .collect()
    };
    let above: Vec<usize> = [
        "métier conseiller-technique \"",
        "métier gestionnaire-backoffice \"",
        "métier assistant-qualite-discours \"",
        "métier superviseur \"",
        "métier formateur \"",
        "métier planification-statistique \"",
    ]
    .iter()
    // The declaration, not the `modifie` block that names the job taken over.
    .map(|j| line_of(j))
    .collect();
    assert_eq!(warned("grille::entry-diploma-above-job"), above);
    let ambiguous = warned("grille::ambiguous-name");
    assert_eq!(ambiguous.len(), 2, "animateur and animatrice");
    assert!(ambiguous
        .iter()
        .all(|l| text.lines().nth(l - 1).unwrap().contains("Animat")));
    assert!(report
        .diagnostics
        .iter()
        .all(|d| d.severity == grille::Severity::Warning));
}

/// Every code the library can raise is documented in the README and triggered by
/// a fixture of `tests/inputs/check/` (the size limit and the encoding by the tests below).
/// The JSON API's own codes (`src/api/`: a bad request, not a rule file) are
/// raised by tests/api.rs, the workbench's refusals (`src/serve/`) by tests/serve.rs.
#[test]
fn every_diagnostic_code_is_documented_and_has_a_fixture() {
    fn sources(dir: &std::path::Path, out: &mut Vec<String>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.ends_with("src/api") || path.ends_with("src/serve") {
                continue;
            }
            if path.is_dir() {
                sources(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(std::fs::read_to_string(path).unwrap());
            }
        }
    }
    let mut texts = Vec::new();
    sources("src".as_ref(), &mut texts);
    let mut codes = std::collections::BTreeSet::new();
    for text in &texts {
        for piece in text.split("\"grille::").skip(1) {
            let code: String = piece
                .chars()
                .take_while(|c| c.is_ascii_lowercase() || *c == '-')
                .collect();
            codes.insert(format!("grille::{code}"));
        }
    }
    assert!(codes.len() >= 30, "{codes:?}");
    let readme = std::fs::read_to_string("README.md").unwrap();
    let fixtures: Vec<String> = std::fs::read_dir("tests/inputs/check")
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .map(|p| String::from_utf8_lossy(&std::fs::read(p).unwrap()).into_owned())
        .collect();
    for code in &codes {
        assert!(
            readme.contains(&format!("`{code}`")),
            "{code} is not documented in the README"
        );
        // Raised by the tests below (a fixture folder of UTF-8 files cannot hold a
        // file that is not; tests/fmt.rs reads them all as text), or, for
        // `below-smic`, only with a date (`check --as-of`): tests/radar.rs.
        let internal = [
            "grille::fmt",
            "grille::too-large",
            "grille::encoding",
            "grille::below-smic",
        ]
        .contains(&code.as_str());
        let triggered = fixtures
            .iter()
            .any(|f| f.starts_with(&format!("# code: {code}\n")));
        assert!(
            internal || triggered,
            "{code} has no fixture in tests/inputs/check"
        );
    }
}

#[test]
fn a_rule_file_over_the_size_limit_is_refused() {
    let huge = "# a comment\n".repeat((grille::syntax::MAX_FILE_BYTES / 12) + 1);
    let report = grille::load("huge.grille", &huge).unwrap_err();
    assert_eq!(report.diagnostics[0].code, "grille::too-large");
}

/// A generated file with one huge line: the report names the place without
/// quoting megabytes of source.
#[test]
fn a_very_long_line_is_reported_without_quoting_it() {
    let text = format!("convention \"T\" {}", "x".repeat(3_000_000));
    let report = grille::load("long.grille", &text).unwrap_err();
    let rendered = report.render(false);
    assert!(rendered.len() < 1000, "{} bytes", rendered.len());
    assert!(
        rendered.starts_with("long.grille:1:16: error[grille::syntax]"),
        "{rendered}"
    );
}

/// An empty rule file decides nothing: empty, blank, or one long comment is an
/// error (`grille::no-job`), not "0 error(s)".
#[test]
fn a_rule_file_without_jobs_is_an_error() {
    let long_comment = format!("# {}\n", "commentaire ".repeat(10_000));
    for text in ["", "  \n\t\n\r\n", long_comment.as_str()] {
        let report = grille::load("empty.grille", text).unwrap_err();
        let codes: Vec<&str> = report.diagnostics.iter().map(|d| d.code.as_str()).collect();
        assert_eq!(codes, ["grille::no-job"], "{text:?}");
    }
}

/// `--set` values pass the checks the file's own values pass (issue #18.11):
/// no negative amount or hours, no zero divisor, the declared type.
#[test]
fn set_values_pass_the_checks_of_the_file_values() {
    let (mut rules, _) = grille::load_path("rules/cgt-2008.grille", Default::default()).unwrap();
    let refused = |rules: &mut grille::RuleSet, name: &str, value: &str| {
        grille::check::set_parameter(rules, name, value).unwrap_err()
    };
    let negative = refused(&mut rules, "smcc", "-1");
    assert!(negative.contains("below zero"), "{negative}");
    assert!(refused(&mut rules, "heures_reference", "-5").contains("below zero"));
    // `salaire minimum : arrondi(minimum × heures / heures_reference)`.
    let zero = refused(&mut rules, "heures_reference", "0");
    assert!(zero.contains("divides by `heures_reference`"), "{zero}");
    assert!(refused(&mut rules, "smcc", "2 mois").contains("a duration"));
    // A refused value leaves the rule file's own.
    assert!(rules
        .params
        .iter()
        .all(|p| !p.values.is_empty() && p.values[0].0 > chrono::NaiveDate::MIN));
    grille::check::set_parameter(&mut rules, "smcc", "1850.00 €").unwrap();
    grille::check::set_parameter(&mut rules, "smcc", "0").unwrap(); // nothing divides by it
}

/// A divisor that is zero only for some employees (a table row here) is found
/// when deciding: the rejection names the formula's place (issue #18.12).
#[test]
fn a_division_by_zero_when_deciding_names_the_formula() {
    let text = "paramètre smcc : montant\n  1500.00 € depuis 2000-01-01\n\
        barème taux : décimal par coefficient depuis 2000-01-01\n  120 : 0\n  130 : 2\n\
        catégorie employes \"Employés\"\n\
        \x20 niveau 1 : coefficients 120 à 130, minimum smcc / taux[coefficient]\n\
        ancienneté standard\n  tranche debutant : à partir de 0 mois\n\
        classement\n  plancher métier\n  le plus élevé l'emporte\n\
        statut\n  non-cadre sinon\n\
        métier agent \"Agent\"\n  debutant : 120\n";
    let (rules, _) = grille::load("zero.grille", text).unwrap();
    let facts = grille::facts::read(
        r#"[{"id": "E1", "job": "Agent", "job_since": "2020-01-01"}]"#,
        grille::facts::Format::Json,
    )
    .unwrap();
    let as_of = chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
    let evaluator = grille::Evaluator::new(&rules, as_of);
    let record = facts.records[0].as_ref().unwrap();
    let rejection = evaluator.decide(record).unwrap_err();
    // Line 7, column 46: `smcc / taux[coefficient]`.
    assert!(
        format!("{rejection:?}").contains("zero.grille:7:46"),
        "{rejection:?}"
    );
}

/// A rule file saved as Latin-1 is a rule-file error at its first bad byte, with
/// its line and column (issue #18.14): `grille::encoding`, not a usage error.
#[test]
fn a_rule_file_that_is_not_utf8_is_reported_at_its_first_bad_byte() {
    let bytes = b"# saved as Latin-1: the \xe9 of \"Employ\xe9s\" is one byte\ncat\xe9gorie employes \"Employ\xe9s\"\n";
    let report = grille::load_bytes("latin1.grille", bytes).unwrap_err();
    assert_eq!(report.diagnostics.len(), 1);
    assert_eq!(report.diagnostics[0].code, "grille::encoding");
    // "# saved as Latin-1: the " is 24 bytes: the first bad byte is the 25th.
    assert_eq!(report.diagnostics[0].span.start, 24);
    insta::assert_snapshot!(report.render(false));
}
