//! Broken rule files → the diagnostics a user sees.
//!
//! Each file of `tests/inputs/check/` has one defect and names, on its first line
//! (`# code: grille::...`), the diagnostic code it must raise. The test asserts
//! that code is reported, then snapshots the rendered report (no colours).

#[test]
fn check_fixtures() {
    insta::glob!("inputs/check/*.grille", |path| {
        let text = std::fs::read_to_string(path).unwrap();
        let expected_code = text
            .lines()
            .next()
            .and_then(|l| l.strip_prefix("# code: "))
            .expect("first line names the expected code")
            .trim()
            .to_string();
        let name = format!("{}", path.file_name().unwrap().to_string_lossy());
        let report = match grille::load(&name, &text) {
            Ok((_, report)) => report,
            Err(report) => report,
        };
        let codes: Vec<&str> = report.diagnostics.iter().map(|d| d.code).collect();
        assert!(
            codes.contains(&expected_code.as_str()),
            "{name}: expected {expected_code}, got {codes:?}"
        );
        insta::with_settings!({ omit_expression => true }, {
            insta::assert_snapshot!(report.render(false));
        });
    });
}

#[test]
fn shipped_rule_files_have_no_errors() {
    for entry in std::fs::read_dir("rules").unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        if let Err(report) = grille::load(&path.to_string_lossy(), &text) {
            panic!("{}", report.render(false));
        }
    }
}

/// READING §6: the proposal's own defects are shown as warnings, on the right lines.
#[test]
fn proposal_defects_are_reported_as_warnings() {
    let text = std::fs::read_to_string("rules/cgt-2008.grille").unwrap();
    let (_, report) = grille::load("rules/cgt-2008.grille", &text).unwrap();
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
        "métier conseiller-technique",
        "métier gestionnaire-backoffice",
        "métier assistant-qualite-discours",
        "métier superviseur",
        "métier formateur",
        "métier planification-statistique",
    ]
    .iter()
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
