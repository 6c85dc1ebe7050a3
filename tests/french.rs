//! No English word reaches a French output: `eval`'s table and `grille test`'s
//! report, French by default, over the shipped rule files and the sample
//! workforce, carry none of the English catalogue's words
//! (`grille::catalogue::ENGLISH_WORDS`); `--lang en` still gives them. Every
//! diagnostic of the check fixtures is said in both languages, its French
//! words free of common English ones; and the mistakes a person makes (facts
//! refused, a file refused whole, a flag refused) are said in French too.

use std::process::Command;

use grille::catalogue::ENGLISH_WORDS;

/// Each English word (the catalogue's and the common ones) in the words `text`
/// says to people, noted with the command that wrote it.
fn english_words(text: &str, args: &[&str], found: &mut Vec<String>) {
    for line in text.lines() {
        let read = people_words(line);
        for word in ENGLISH_WORDS.iter().chain(&COMMON_ENGLISH) {
            if read.contains(word) {
                found.push(format!("{}: `{word}` in {line}", args.join(" ")));
            }
        }
    }
}

fn stdout(args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_grille"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(args)
        .output()
        .unwrap();
    String::from_utf8(out.stdout).unwrap()
}

const RULES: [&str; 2] = ["rules/cgt-2008.grille", "rules/idcc2098-2002.grille"];

#[test]
fn french_outputs_carry_no_english_word() {
    for rules in RULES {
        for facts in ["examples/workforce.json", "tests/inputs/facts/paie-fr.csv"] {
            let args = ["eval", rules, facts, "--as-of", "2026-11-29"];
            let table = stdout(&args);
            assert!(table.starts_with("matricule"), "{table}");
            // Names for people: the job's declared name, not its id.
            assert!(
                table.contains("Conseiller clientèle") || table.contains("Téléconseiller"),
                "{table}"
            );
            for word in ENGLISH_WORDS {
                assert!(
                    !table.contains(word),
                    "{rules} {facts}: `{word}` in\n{table}"
                );
            }
        }
        let report = stdout(&["test", rules]);
        assert!(report.contains("réussi(s)"), "{report}");
        for word in ENGLISH_WORDS {
            assert!(!report.contains(word), "{rules}: `{word}` in\n{report}");
        }
    }
}

/// The shipped files have warnings only (errors are not in the catalogue yet).
#[test]
fn check_s_warnings_are_french() {
    let out = Command::new(env!("CARGO_BIN_EXE_grille"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args([
            "check",
            RULES[0],
            RULES[1],
            "rules/loi.grille",
            "examples/accord-entreprise.grille",
        ])
        .output()
        .unwrap();
    let report = String::from_utf8(out.stderr).unwrap();
    assert!(report.contains("avertissement(s)"), "{report}");
    // Codes (`[grille::blank-cells]`) are identifiers, the same in every language.
    let report: String = report
        .lines()
        .map(|l| l.split(" [grille::").next().unwrap_or(l))
        .collect::<Vec<_>>()
        .join("\n");
    for word in ENGLISH_WORDS {
        assert!(!report.contains(word), "`{word}` in\n{report}");
    }
}

/// `tests/inputs/test/examples.grille` fails two examples on purpose.
#[test]
fn a_failed_example_is_reported_in_french() {
    let report = stdout(&["test", "tests/inputs/test/examples.grille"]);
    assert!(
        report.contains("ÉCHEC   Wrong on purpose: the coefficient"),
        "{report}"
    );
    assert!(
        report.contains("coefficient : attendu 130, obtenu 120"),
        "{report}"
    );
    assert!(report.contains("résultat : attendu a decision"), "{report}");
    assert_eq!(report.lines().last(), Some("2 réussi(s), 2 en échec"));
}

#[test]
fn english_is_on_request() {
    let args = [
        "eval",
        RULES[0],
        "examples/workforce.json",
        "--as-of",
        "2026-11-29",
        "--lang",
        "en",
    ];
    let table = stdout(&args);
    assert!(table.starts_with("id "), "{table}");
    assert!(table.contains("below minimum"), "{table}");
    let report = stdout(&["test", RULES[0], "--lang", "en"]);
    assert!(report.trim_end().ends_with("passed, 0 failed"), "{report}");
}

/// English words common enough that no French diagnostic may carry them.
const COMMON_ENGLISH: [&str; 24] = [
    " the ",
    "the ",
    " is ",
    " of ",
    " and ",
    " or ",
    " not ",
    " no ",
    " has ",
    " with ",
    "write ",
    "add ",
    "declare",
    " must ",
    "cannot",
    "unexpected",
    "expected",
    "did you mean",
    "help",
    " file",
    " job",
    " band",
    "number",
    " here",
];

/// Rule files of a fixture folder, by their path relative to it.
struct FixtureFiles(std::path::PathBuf);

impl grille::layers::Files for FixtureFiles {
    fn read(&self, path: &std::path::Path) -> Result<String, String> {
        grille::layers::Disk.read(&self.0.join(path))
    }
}

/// Every diagnostic of `tests/inputs/check/` (one fixture per kind of mistake)
/// and of the shipped files: message, label, help and related labels in French
/// and in English, the French free of English words. The source lines a
/// report quotes are the fixture's own (English comments): only the
/// diagnostics' words are read.
#[test]
fn every_diagnostic_is_said_in_both_languages() {
    let folder = std::path::Path::new("tests/inputs/check");
    let mut seen = 0;
    let mut paths: Vec<_> = std::fs::read_dir(folder)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "grille"))
        .collect();
    paths.sort();
    let mut reports = Vec::new();
    for path in &paths {
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let files = FixtureFiles(folder.to_path_buf());
        match grille::load_with(&files, name.as_ref(), Default::default()) {
            Ok((_, found)) | Err(grille::LoadError::Invalid(found)) => reports.extend(found),
            Err(e) => panic!("{name}: {e:?}"),
        }
    }
    for rules in RULES.iter().chain(&["examples/accord-entreprise.grille"]) {
        let (_, found) = grille::load_path(rules, Default::default()).unwrap();
        reports.extend(found);
    }
    for report in &reports {
        for d in &report.diagnostics {
            seen += 1;
            let place = format!("{} [{}] {}", report.file.name, d.code, d.message);
            let fr = &d.french;
            assert!(!fr.message.is_empty(), "{place}: no French message");
            assert_ne!(fr.message, d.message, "{place}: the same in both");
            assert_eq!(fr.label.is_empty(), d.label.is_empty(), "{place}: label");
            assert_eq!(fr.help.is_some(), d.help.is_some(), "{place}: help");
            assert_eq!(fr.related.len(), d.related.len(), "{place}: related");
            let words = std::iter::once(&fr.message)
                .chain(std::iter::once(&fr.label))
                .chain(&fr.help)
                .chain(&fr.related);
            for text in words {
                // Backticks hold the rule file's own words.
                let outside: String = text.split('`').step_by(2).collect::<Vec<_>>().join(" ");
                for word in ENGLISH_WORDS.iter().chain(&COMMON_ENGLISH) {
                    assert!(!outside.contains(word), "{place}: `{word}` in {text}");
                }
            }
        }
    }
    assert!(seen > 60, "{seen} diagnostics");
}

/// `grille check` says an error in French by default, in English with `--lang en`.
#[test]
fn check_s_errors_are_french_unless_asked() {
    let run = |lang: &[&str]| {
        let out = Command::new(env!("CARGO_BIN_EXE_grille"))
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .args(["check", "tests/inputs/check/syntax-times-letter.grille"])
            .args(lang)
            .env("LANG", "C.UTF-8")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .output()
            .unwrap();
        String::from_utf8(out.stderr).unwrap()
    };
    let french = run(&[]);
    assert!(french.contains("× `x` inattendu"), "{french}");
    assert!(
        french.contains("aide : multipliez avec `×` ou `*`, pas la lettre `x`"),
        "{french}"
    );
    assert!(
        french.contains("1 erreur(s), 0 avertissement(s)"),
        "{french}"
    );
    let english = run(&["--lang", "en"]);
    assert!(english.contains("× unexpected `x`"), "{english}");
    assert!(
        english.contains("help: multiply with `×` or `*`"),
        "{english}"
    );
    assert!(english.contains("1 error(s), 0 warning(s)"), "{english}");
}

/// Every command a French office runs, in French (the locale of these runs is
/// not English, no `--lang`), over the shipped files and the samples: no string
/// of the English catalogue nor common English word in what it prints. The
/// rule files' own words (ids in backticks, quoted names) are not read; JSON
/// keys and the contract's English are not in these outputs.
#[test]
fn every_command_speaks_french() {
    let cgt = "rules/cgt-2008.grille";
    let idcc = "rules/idcc2098-2002.grille";
    let on = ["--as-of", "2026-11-29"];
    let runs: Vec<Vec<&str>> = vec![
        vec![
            "check",
            cgt,
            idcc,
            "rules/loi.grille",
            "examples/accord-entreprise.grille",
        ],
        vec!["check", "tests/inputs/check/syntax-missing-id.grille"],
        vec!["test", cgt, idcc],
        [&["eval", cgt, "examples/workforce.json"][..], &on].concat(),
        [
            &["eval", cgt, "examples/workforce.csv", "--csv-fr"][..],
            &on,
        ]
        .concat(),
        [&["eval", idcc, "tests/inputs/facts/paie-fr.csv"][..], &on].concat(),
        [
            &["explain", cgt, "examples/workforce.json", "--id", "E001"][..],
            &on,
        ]
        .concat(),
        [&["diff", idcc, cgt, "examples/workforce.json"][..], &on].concat(),
        [
            &["diff", idcc, cgt, "examples/workforce.json", "--csv-fr"][..],
            &on,
        ]
        .concat(),
        vec!["diff", idcc, cgt],
        vec!["doc", cgt, "--as-of", "2026-11-29"],
        vec!["--help"],
        vec!["eval", "--help"],
    ];
    let replay = [
        "replay",
        idcc,
        "examples/history.json",
        "--from",
        "2025-07",
        "--to",
        "2025-12",
        "--claim-on",
        "2026-01-15",
    ];
    let mut found = Vec::new();
    for args in runs.iter().map(Vec::as_slice).chain([&replay[..]]) {
        let out = Command::new(env!("CARGO_BIN_EXE_grille"))
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .args(args)
            .env("LANG", "fr_FR.UTF-8")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .output()
            .unwrap();
        // replay's stderr is another command's to translate: its text output is read.
        let stderr = if args[0] == "replay" {
            Vec::new()
        } else {
            out.stderr
        };
        let text =
            String::from_utf8_lossy(&out.stdout).to_string() + &String::from_utf8_lossy(&stderr);
        english_words(&text, args, &mut found);
    }
    assert!(
        found.is_empty(),
        "{} English words:\n{}",
        found.len(),
        found.join("\n")
    );
}

/// What a line says in its own words: without what backticks and double
/// quotes hold (the rule file's words), the codes (`[grille::blank-cells]`),
/// the source lines a diagnostic quotes (`12 │ …`), the commands it suggests
/// (`grille …`) and the HTML's markup.
fn people_words(line: &str) -> String {
    let trimmed = line.trim_start();
    // clap's own: the `-h, --help` flag's name and its `help` command's line.
    let clap = trimmed.starts_with("-h, --help") || trimmed.starts_with("help ");
    if clap || line.contains(" │ ") || trimmed.starts_with("grille ") || line.contains('<') {
        return String::new();
    }
    let line = line.split(" [grille::").next().unwrap_or(line);
    let outside_quotes: String = line.split('"').step_by(2).collect::<Vec<_>>().join(" ");
    outside_quotes
        .split('`')
        .step_by(2)
        .collect::<Vec<_>>()
        .join(" ")
}

/// The mistakes a person makes, said in French: each rejection reason of
/// `tests/inputs/french/rejets.jsonl` and `rejets.csv` (a line per kind of
/// mistake in the facts, `NOTES.md` beside them), a file refused whole, the
/// flags refused by clap and by grille, replay's stderr, explain's note on an
/// id borne twice. The same scan as [`every_command_speaks_french`].
#[test]
fn mistakes_are_said_in_french() {
    let cgt = "rules/cgt-2008.grille";
    let idcc = "rules/idcc2098-2002.grille";
    let on = ["--as-of", "2026-11-29"];
    let eval = |facts: &'static str| [&["eval", cgt, facts][..], &on].concat();
    let set = |setting: &'static str| {
        eval("examples/workforce.json")
            .into_iter()
            .chain(["--set", setting])
            .collect::<Vec<_>>()
    };
    let replay = |facts: &'static str, from: &'static str, to: &'static str| {
        vec![
            "replay",
            idcc,
            facts,
            "--from",
            from,
            "--to",
            to,
            "--claim-on",
            "2026-12-01",
            "--format",
            "jsonl",
        ]
    };
    let runs: Vec<Vec<&str>> = vec![
        eval("tests/inputs/french/rejets.jsonl"),
        eval("tests/inputs/french/rejets.csv"),
        eval("tests/inputs/facts/mixed.csv"),
        eval("tests/inputs/french/sans-matricule.csv"),
        eval("tests/inputs/french/tableau-coupe.json"),
        eval("examples/workforce.txt"),
        [
            &[
                "explain",
                cgt,
                "tests/inputs/french/rejets.jsonl",
                "--id",
                "R31",
            ][..],
            &on,
        ]
        .concat(),
        [
            &["explain", cgt, "examples/workforce.json", "--id", "E999"][..],
            &on,
        ]
        .concat(),
        [
            &["explain", cgt, "examples/workforce.json", "--id", "E001"][..],
            &["--why-not", "sommet"],
            &on,
        ]
        .concat(),
        [
            &["explain", cgt, "examples/workforce.json", "--id", "E001"][..],
            &["--why-not", "très haut"],
            &on,
        ]
        .concat(),
        vec!["eval", "--formt", "x"],
        vec!["eval", cgt, "examples/workforce.json", "--format", "x"],
        vec!["eval"],
        vec!["evl"],
        vec!["eval", cgt, "examples/workforce.json", "--as-of", "2026"],
        vec!["eval", "absent.grille", "examples/workforce.json"],
        set("smcc"),
        set("smcc=1,800"),
        set("smcc=abc"),
        set("smic=1800"),
        set("heures_reference=0"),
        [
            &eval("examples/workforce.json")[..],
            &["--csv-fr", "--format", "json"],
        ]
        .concat(),
        [
            &eval("examples/workforce.csv")[..],
            &["--columns", "id=A,id=B"],
        ]
        .concat(),
        [
            &eval("examples/workforce.csv")[..],
            &["--columns", "missions=M"],
        ]
        .concat(),
        [
            &replay("examples/history.json", "2025-01", "2025-02")[..],
            &["--csv-fr"],
        ]
        .concat(),
        {
            let mut html = replay("examples/history.json", "2025-01", "2025-02");
            *html.last_mut().unwrap() = "html";
            html
        },
        replay(
            "tests/inputs/replay-unit/contradictions.jsonl",
            "2024-01",
            "2024-02",
        ),
        replay("examples/history.json", "2025-12", "2025-01"),
        [
            &replay(
                "tests/inputs/replay-unit/history.jsonl",
                "2025-09",
                "2025-10",
            )[..],
            &["--pay", "tests/inputs/replay-unit/pay.csv"],
        ]
        .concat(),
    ];
    let mut found = Vec::new();
    let mut rejected = Vec::new();
    for args in &runs {
        let out = Command::new(env!("CARGO_BIN_EXE_grille"))
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .args(args)
            .env("LANG", "fr_FR.UTF-8")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .output()
            .unwrap();
        assert_ne!(out.status.code(), Some(0), "{}", args.join(" "));
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!stderr.trim().is_empty(), "{}", args.join(" "));
        rejected.push(stderr.matches(" : rejeté : ").count());
        english_words(&stderr, args, &mut found);
    }
    assert!(
        found.is_empty(),
        "{} English words:\n{}",
        found.len(),
        found.join("\n")
    );
    // rejets.jsonl: 33 lines, one rejected each; rejets.csv: 7 of 8 rows; mixed.csv: 9;
    // contradictions.jsonl: 5 (NOTES.md beside the fixtures).
    let (first, replayed) = (&rejected[..3], rejected[runs.len() - 3]);
    assert_eq!((first, replayed), (&[33, 7, 9][..], 5), "{rejected:?}");
}

/// The same mistakes in English on request: the contract's English words.
#[test]
fn mistakes_are_said_in_english_on_request() {
    let out = Command::new(env!("CARGO_BIN_EXE_grille"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args([
            "eval",
            "rules/cgt-2008.grille",
            "tests/inputs/french/rejets.jsonl",
        ])
        .args(["--as-of", "2026-11-29", "--lang", "en"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    for english in [
        "line 28 (id R28), field `job`: the rule set has no job named `Astronaute`",
        "field `pay[1].month`: the month 2026-01 is given twice (pay[0] and pay[1])",
        "line 11 (id R11), field `missions`: must be a list of missions",
        "line 1: not valid JSON (column 63): trailing comma",
    ] {
        assert!(stderr.contains(english), "{english}\n{stderr}");
    }
    let out = Command::new(env!("CARGO_BIN_EXE_grille"))
        .args(["eval", "--formt", "x", "--lang", "en"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.starts_with("error: unexpected argument '--formt'"),
        "{stderr}"
    );
}

/// A diagnostic names a job by its id (what the file is edited by) and by its
/// declared name when that says more; not twice when they are the same words.
#[test]
fn a_diagnostic_names_the_job_beside_its_id() {
    for (lang, blank) in [
        (&[][..], "3 des 4 tranches de `conseiller-technique` (Conseiller spécifique / technique) sont vides"),
        (&["--lang", "en"][..], "3 of 4 bands of `conseiller-technique` (Conseiller spécifique / technique) are blank"),
    ] {
        let out = Command::new(env!("CARGO_BIN_EXE_grille"))
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .args(["check", "rules/cgt-2008.grille", "--verbose"])
            .args(lang)
            .env("LANG", "C.UTF-8")
            .env("COLUMNS", "400")
            .output()
            .unwrap();
        // Lines are wrapped: read the words as one text.
        let report: String = String::from_utf8_lossy(&out.stderr)
            .lines()
            .map(|l| l.trim_start_matches([' ', '│', '⚠']).trim())
            .collect::<Vec<_>>()
            .join(" ");
        assert!(report.contains(blank), "{report}");
        assert!(report.contains("`superviseur` "), "{report}");
        assert!(!report.contains("`superviseur` (Superviseur)"), "{report}");
    }
}
