//! Warnings a person can read: `grille check` gives one line per warning, those
//! of one kind over several jobs on one line; `--verbose` shows each with its
//! source lines, errors first; `eval --quiet` leaves the rule file's count out.

mod common;

use std::process::Command;

fn grille(args: &[&str]) -> (String, i32) {
    let out = Command::new(env!("CARGO_BIN_EXE_grille"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NO_COLOR", "1")
        .args(args)
        .output()
        .unwrap();
    (
        String::from_utf8(out.stderr).unwrap(),
        out.status.code().unwrap(),
    )
}

/// The proposal's 20 warnings (README, "Diagnostics"): blank bands in 10 jobs,
/// six jobs below their entry diploma's floor (bac+2: 230, beginners at 200),
/// two jobs without any value, "Animateur" and "Animatrice" given to two jobs.
#[test]
fn the_proposal_s_warnings_fit_on_a_screen() {
    let (stderr, code) = grille(&["check", "rules/cgt-2008.grille", "--lang", "en"]);
    assert_eq!(code, 0, "{stderr}");
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 5, "{stderr}");
    // The lines are those of the rule file, wherever edits move them.
    let technical = line_of("métier conseiller-technique ");
    let trainer = line_of("  appellations \"Formatrice\", \"Animateur\"");
    assert!(
        // The job by its declared name: `métier conseiller-technique "Conseiller
        // spécifique / technique"`.
        lines[1].contains(&format!("6 jobs paid below their own entry diploma's floor: Conseiller spécifique / technique (line {technical}: bac+2 230 > 200)")),
        "{stderr}"
    );
    assert!(
        lines[3].contains(&format!(
            "\"Animateur\" (line {trainer}: Superviseur, Formateur)"
        )),
        "{stderr}"
    );
    assert_eq!(lines[4], "rules/cgt-2008.grille: 0 error(s), 20 warning(s)");
    // No source line quoted by default; every one with --verbose.
    assert!(!stderr.contains('╭'), "{stderr}");
    let (verbose, _) = grille(&["check", "rules/cgt-2008.grille", "--verbose"]);
    assert_eq!(verbose.matches('╭').count(), 20, "{verbose}");
    // French by default.
    let (french, _) = grille(&["check", "rules/cgt-2008.grille"]);
    let lines: Vec<&str> = french.lines().collect();
    assert!(
        lines[1].contains(&format!("6 métiers payés sous le plancher de leur propre diplôme d'accueil : Conseiller spécifique / technique (ligne {technical} : bac+2 230 > 200)")),
        "{french}"
    );
    assert_eq!(
        lines[4],
        "rules/cgt-2008.grille : 0 erreur(s), 20 avertissement(s)"
    );
}

#[test]
fn errors_come_first_with_their_source() {
    let file = "tests/inputs/check/ambiguous-name.grille";
    let broken = std::env::temp_dir().join("grille-warnings-errors-first.grille");
    let text = std::fs::read_to_string(file).unwrap();
    std::fs::write(
        &broken,
        format!("{text}\nmétier agent \"Agent bis\"\n  debutant : 120\n"),
    )
    .unwrap();
    let path = broken.to_str().unwrap();
    for flags in [&[][..], &["--verbose"][..]] {
        let mut args = vec!["check", path, "--lang", "en"];
        args.extend_from_slice(flags);
        let (stderr, code) = grille(&args);
        assert_eq!(code, 1, "{stderr}");
        let error = stderr.find('×').expect("an error");
        let warning = stderr.find('⚠').expect("a warning");
        assert!(error < warning, "{flags:?}: {stderr}");
        assert!(
            stderr.lines().last().unwrap().contains("1 error(s)"),
            "{stderr}"
        );
    }
}

#[test]
fn quiet_leaves_out_the_rule_file_s_warnings() {
    let args = [
        "eval",
        "rules/cgt-2008.grille",
        "examples/workforce.csv",
        "--as-of",
        "2026-11-29",
        "--format",
        "jsonl",
    ];
    let (stderr, _) = grille(&args);
    assert!(
        stderr.contains("20 avertissement(s) sur les règles"),
        "{stderr}"
    );
    let mut quiet = args.to_vec();
    quiet.push("--quiet");
    let (stderr, code) = grille(&quiet);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        !stderr.contains("avertissement") && !stderr.contains("warning"),
        "{stderr}"
    );
    assert!(
        stderr.lines().last().unwrap().contains("décidé(s)"),
        "{stderr}"
    );
}

/// The 1-based line of the proposal that starts with `start`.
fn line_of(start: &str) -> usize {
    common::line_of("rules/cgt-2008.grille", start)
}
