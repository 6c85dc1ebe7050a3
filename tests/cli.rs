//! End-to-end tests of the `grille` binary: arguments, outputs, exit codes.

use std::process::{Command, Output};

/// Not an English locale: what grille says to people is French, unless `--lang en`.
fn grille(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_grille"))
        .args(args)
        .env("NO_COLOR", "1")
        .env("LANG", "C.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .output()
        .expect("run grille")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

const RULES: &str = "rules/cgt-2008.grille";

fn decisions(args: &[&str]) -> Vec<serde_json::Value> {
    let out = grille(args);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    serde_json::from_str(&stdout(&out)).unwrap()
}

#[test]
fn eval_sample_workforce_as_json() {
    let all = decisions(&[
        "eval",
        RULES,
        "examples/workforce.json",
        "--as-of",
        "2026-11-29",
        "--format",
        "json",
    ]);
    assert_eq!(all.len(), 60);
    assert_eq!(all[0]["id"], "E001");
    assert_eq!(all[59]["id"], "E060", "input order is kept");
}

#[test]
fn csv_and_json_inputs_give_the_same_decisions() {
    let from_json = decisions(&[
        "eval",
        RULES,
        "examples/workforce.json",
        "--as-of",
        "2026-11-29",
        "--format",
        "json",
    ]);
    let from_csv = decisions(&[
        "eval",
        RULES,
        "examples/workforce.csv",
        "--as-of",
        "2026-11-29",
        "--format",
        "json",
    ]);
    assert_eq!(from_json.len(), from_csv.len());
    let mut differing = Vec::new();
    for (j, c) in from_json.iter().zip(&from_csv) {
        // CSV rows carry no missions or moves: only those employees may differ.
        if j != c {
            differing.push(j["id"].as_str().unwrap().to_string());
            assert!(
                j.get("claims").is_some() || j.get("trial").is_some(),
                "{} differs without missions or moves",
                j["id"]
            );
        }
    }
    assert!(
        !differing.is_empty(),
        "the sample has employees with missions or moves"
    );
}

#[test]
fn output_formats() {
    let args = [
        "eval",
        RULES,
        "examples/workforce.json",
        "--as-of",
        "2026-11-29",
        "--format",
    ];
    let jsonl = stdout(&grille(&[&args[..], &["jsonl"]].concat()));
    assert_eq!(jsonl.lines().count(), 60);
    assert!(jsonl
        .lines()
        .all(|l| serde_json::from_str::<serde_json::Value>(l).is_ok()));
    let csv = stdout(&grille(&[&args[..], &["csv"]].concat()));
    let mut lines = csv.lines();
    assert!(lines
        .next()
        .unwrap()
        .starts_with("id,job,band,coefficient,level,category,status,minimum_salary"));
    assert_eq!(lines.count(), 60);
    let table = stdout(&grille(&[&args[..], &["table", "--lang", "en"]].concat()));
    assert!(table.starts_with("id "));
    assert!(table
        .lines()
        .nth(1)
        .unwrap()
        .starts_with("E001  conseiller-clientele"));
}

#[test]
fn rejected_records_are_reported_and_the_rest_decided() {
    let out = grille(&[
        "eval",
        RULES,
        "tests/oracle/cases/2026-11-29/rejects.json",
        "--as-of",
        "2026-11-29",
        "--format",
        "json",
        "--lang",
        "en",
    ]);
    assert_eq!(out.status.code(), Some(1));
    let decided: Vec<serde_json::Value> = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(decided.len(), 4);
    let err = stderr(&out);
    assert!(err.contains("record 3 (id R03), field `job`: the name `Animateur` is ambiguous: it names `superviseur` and `formateur`"), "{err}");
    assert!(err.contains("4 decided, 12 rejected"), "{err}");
}

#[test]
fn unknown_job_suggests_the_closest_names() {
    let facts = std::env::temp_dir().join("grille-cli-typo.jsonl");
    std::fs::write(
        &facts,
        "{\"id\":\"X\",\"job\":\"Téléconseilleur\",\"job_since\":\"2020-01-01\"}\n",
    )
    .unwrap();
    let out = grille(&[
        "eval",
        RULES,
        facts.to_str().unwrap(),
        "--as-of",
        "2026-11-29",
    ]);
    assert_eq!(out.status.code(), Some(1));
    // French by default (the locale of the tests is not English).
    assert!(stderr(&out).contains("ligne 1 (id X), champ `job` : le jeu de règles n'a pas de métier nommé `Téléconseilleur` ; vouliez-vous dire `Téléconseiller`"), "{}", stderr(&out));
}

#[test]
fn explain_attaches_the_trace() {
    let all = decisions(&[
        "eval",
        RULES,
        "examples/workforce.json",
        "--as-of",
        "2026-11-29",
        "--format",
        "json",
        "--explain",
    ]);
    let trace = all[0]["trace"].as_array().expect("a trace");
    let steps: Vec<&str> = trace.iter().map(|s| s["step"].as_str().unwrap()).collect();
    assert_eq!(&steps[..2], &["job", "experience"]);
    assert!(steps.contains(&"entitlement") && steps.contains(&"status"));
    let job_floor = trace
        .iter()
        .find(|s| s["step"] == "floor" && s["floor"] == "job")
        .unwrap();
    assert!(job_floor["rule"]
        .as_str()
        .unwrap()
        .starts_with("rules/cgt-2008.grille:"));
    assert!(job_floor["source"]
        .as_str()
        .unwrap()
        .contains("Conseiller clientèle"));
}

#[test]
fn check_reports_errors_with_location_and_exit_1() {
    let out = grille(&["check", "tests/inputs/check/off-grid-coefficient.grille"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("grille::off-grid-coefficient"), "{err}");
    assert!(err.contains("off-grid-coefficient.grille:16:14"), "{err}");
}

#[test]
fn check_warnings_alone_exit_0_and_json_lists_them() {
    let out = grille(&["check", RULES, "--format", "json"]);
    assert_eq!(out.status.code(), Some(0));
    let items: Vec<serde_json::Value> = serde_json::from_str(&stdout(&out)).unwrap();
    assert!(items.iter().all(|d| d["severity"] == "warning"));
    assert!(items.iter().any(|d| d["code"] == "grille::ambiguous-name"));
    assert!(items
        .iter()
        .all(|d| d["line"].as_u64().unwrap() > 0 && d["file"] == RULES));
}

#[test]
fn usage_errors_exit_2() {
    for args in [
        &["eval", RULES][..],
        &[
            "eval",
            RULES,
            "examples/workforce.json",
            "--as-of",
            "31/11/2026",
        ],
        &["eval", RULES, "no-such-file.json"],
        &["eval", RULES, "examples/workforce.json", "--format", "xml"],
        &["eval", RULES, "README.md"],
        &["frobnicate"],
    ] {
        let out = grille(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
        assert!(!stderr(&out).is_empty());
    }
    let missing = grille(&["eval", RULES, "no-such-file.json", "--lang", "en"]);
    assert!(
        stderr(&missing).contains("cannot read the facts file `no-such-file.json`: no such file")
    );
    let missing = grille(&["eval", RULES, "no-such-file.json"]);
    assert!(stderr(&missing).contains(
        "erreur : impossible de lire le fichier des faits `no-such-file.json` : fichier introuvable"
    ));
}

#[test]
fn help_teaches_the_commands() {
    let out = grille(&["--help"]);
    assert_eq!(out.status.code(), Some(0));
    let help = stdout(&out);
    assert!(help
        .contains("grille eval rules/cgt-2008.grille examples/workforce.json --as-of 2026-11-29"));
    assert!(help.contains("check") && help.contains("eval"));
}

#[test]
fn test_runs_the_examples_of_rule_files() {
    let out = grille(&["test", RULES, "--lang", "en"]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    let text = stdout(&out);
    assert!(text.lines().last().unwrap().ends_with(" passed, 0 failed"));
    assert!(text.lines().filter(|l| l.starts_with("ok ")).count() >= 30);
}

#[test]
fn test_reports_each_failure_as_expected_versus_got() {
    let out = grille(&["test", "tests/inputs/test/examples.grille", "--lang", "en"]);
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    assert_eq!(text.lines().last().unwrap(), "2 passed, 2 failed");
    assert!(
        text.contains(
            "FAILED  Wrong on purpose: the coefficient (tests/inputs/test/examples.grille:27:9)"
        ),
        "{text}"
    );
    assert!(
        text.contains("coefficient: expected 130, got 120"),
        "{text}"
    );
    assert!(
        text.contains(
            "steps: 5 months → beginner; job (beginner) 120; → 120 (job); level 1 employes"
        ),
        "{text}"
    );
    assert!(
        text.contains(
            "outcome: expected a decision, got rejected: the rule set has no job named `Plumber`"
        ),
        "{text}"
    );
}

/// A facts file written for one test, in the system's temporary folder.
fn facts_file(name: &str, text: &str) -> std::path::PathBuf {
    let path = std::env::temp_dir().join(format!("grille-cli-{}-{name}", std::process::id()));
    std::fs::write(&path, text).unwrap();
    path
}

/// Ids that would drive a terminal (an escape sequence, a right-to-left override)
/// or forge a line of the report (a newline), the second one rejected.
const HOSTILE: &str = concat!(
    r#"{"id": "E1\u001b[31m", "job": "Téléconseiller", "job_since": "2026-01-05"}"#,
    "\n",
    r#"{"id": "E2\nrejected: line 99", "job": "nope", "job_since": "2026-01-05"}"#,
    "\n",
    r#"{"id": "E3\u202e", "job": "Téléconseiller", "job_since": "2026-01-05"}"#,
    "\n",
);

fn assert_nothing_raw(what: &str, text: &str) {
    assert!(!text.contains('\u{1b}'), "{what}: a raw ESC: {text}");
    assert!(!text.contains('\u{202e}'), "{what}: a raw override: {text}");
    assert!(
        !text.lines().any(|l| l.starts_with("rejected: line 99")),
        "{what}: a forged line: {text}"
    );
}

#[test]
fn control_characters_in_ids_are_escaped_for_people() {
    let facts = facts_file("hostile.jsonl", HOSTILE);
    let facts = facts.to_str().unwrap();
    let out = grille(&[
        "eval",
        RULES,
        facts,
        "--as-of",
        "2026-11-29",
        "--lang",
        "en",
    ]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let (table, messages) = (stdout(&out), stderr(&out));
    assert_nothing_raw("table", &table);
    assert_nothing_raw("stderr", &messages);
    assert_eq!(table.lines().count(), 3, "a header and two rows: {table}");
    assert!(table.contains("\nE1\\u{1b}[31m  "), "{table}");
    assert!(table.contains("\nE3\\u{202e}  "), "{table}");
    assert!(
        messages.contains(": rejected: line 2 (id E2\\nrejected: line 99), field `job`"),
        "{messages}"
    );

    let explained = grille(&[
        "explain",
        RULES,
        facts,
        "--id",
        "E1\u{1b}[31m",
        "--as-of",
        "2026-11-29",
    ]);
    assert_eq!(explained.status.code(), Some(0), "{}", stderr(&explained));
    assert_nothing_raw("explain", &stdout(&explained));
    assert!(stdout(&explained).starts_with("Salarié E1\\u{1b}[31m, au 29 novembre 2026\n"));

    let diff = grille(&[
        "diff",
        "rules/idcc2098-2002.grille",
        RULES,
        facts,
        "--as-of",
        "2026-11-29",
    ]);
    assert_eq!(diff.status.code(), Some(1), "{}", stderr(&diff));
    assert_nothing_raw("diff", &stdout(&diff));
    assert!(
        stdout(&diff).contains("\n  E2\\nrejected: line 99  rejeté des deux côtés : "),
        "{}",
        stdout(&diff)
    );
    // Machine formats keep the id exactly, escaped by their own rules.
    let json = grille(&[
        "eval",
        RULES,
        facts,
        "--as-of",
        "2026-11-29",
        "--format",
        "json",
    ]);
    let all: Vec<serde_json::Value> = serde_json::from_str(&stdout(&json)).unwrap();
    assert_eq!(all[0]["id"], "E1\u{1b}[31m");
}

#[test]
fn an_invalid_thread_count_is_not_ignored_silently() {
    for (value, used) in [("abc", None), ("0", Some(1)), ("500", Some(32))] {
        let out = Command::new(env!("CARGO_BIN_EXE_grille"))
            .args([
                "eval",
                RULES,
                "examples/workforce.json",
                "--as-of",
                "2026-11-29",
            ])
            .env("GRILLE_THREADS", value)
            .env("LANG", "C.UTF-8")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        let warning = format!(
            "avertissement : GRILLE_THREADS=`{value}` n'est pas un nombre de fils de 1 à 32 : nombre retenu "
        );
        let messages = stderr(&out);
        assert!(messages.contains(&warning), "{value}: {messages}");
        if let Some(n) = used {
            assert!(messages.contains(&format!("{warning}{n}\n")), "{messages}");
        }
    }
}

#[test]
fn explain_says_when_an_id_is_duplicated() {
    let record = r#"{"id": "D1", "job": "Téléconseiller", "job_since": "2026-01-05"}"#;
    let other = r#"{"id": "D2", "job": "Téléconseiller", "job_since": "2026-01-05"}"#;
    let facts = facts_file("twice.jsonl", &format!("{record}\n{other}\n{record}\n"));
    let out = grille(&[
        "explain",
        RULES,
        facts.to_str().unwrap(),
        "--id",
        "D1",
        "--as-of",
        "2026-11-29",
        "--lang",
        "en",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stderr(&out).contains(
            "warning: 2 records have the id `D1`: explaining the first (line 1); \
             the others (line 3) are rejected as duplicates"
        ),
        "{}",
        stderr(&out)
    );
}

#[test]
fn control_characters_in_a_rule_file_are_masked_in_its_diagnostics() {
    let rules = facts_file(
        "hostile.grille",
        "convention \"A\u{1b}[31mB\" date 2008-05-29\nmétier x\u{1b}[0m \"Nom\"\n  debutant : 999\n",
    );
    let out = grille(&["check", rules.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let report = stderr(&out);
    assert!(!report.contains('\u{1b}'), "{report}");
    assert!(report.contains("`\\u{1b}[0m` inattendu"), "{report}");
    assert!(report.contains("convention \"A?[31mB\" date"), "{report}");
}

/// The company agreement example is checked, laid out canonically, and its
/// examples pass: they see the agreement it stands within.
#[test]
fn company_agreement_example_checks_formats_and_passes_its_examples() {
    let example = "examples/accord-entreprise.grille";
    let check = grille(&["check", example]);
    assert_eq!(check.status.code(), Some(0), "{}", stderr(&check));
    let fixture = "tests/inputs/eval/company";
    let (branch, company) = (
        format!("{fixture}/branche.grille"),
        format!("{fixture}/entreprise.grille"),
    );
    let fmt = grille(&["fmt", "--check", example, &branch, &company]);
    assert_eq!(fmt.status.code(), Some(0), "{}", stderr(&fmt));
    let test = grille(&["test", example, "--lang", "en"]);
    assert_eq!(test.status.code(), Some(0), "{}", stdout(&test));
    assert!(
        stdout(&test).contains("9 passed, 0 failed"),
        "{}",
        stdout(&test)
    );
}

/// IDCC 2098's method of 1999 (criteria, Annexe II) over the 2002 grid: it
/// checks, is laid out canonically, its hand-computed examples pass (five of
/// them above the 2002 grid: they fail without the criteria floor), and the
/// sample workforce, which gives no `criteria`, is decided as by the 2002 file.
#[test]
fn idcc2098_criteria_example_checks_and_passes_its_examples() {
    let example = "examples/idcc2098-criteres.grille";
    let check = grille(&["check", example]);
    assert_eq!(check.status.code(), Some(0), "{}", stderr(&check));
    let fmt = grille(&["fmt", "--check", example]);
    assert_eq!(fmt.status.code(), Some(0), "{}", stderr(&fmt));
    let test = grille(&["test", example, "--lang", "en"]);
    assert!(
        stdout(&test).contains("7 passed, 0 failed"),
        "{}",
        stdout(&test)
    );
    let decide = |rules: &str| {
        let args = [
            "eval",
            rules,
            "examples/workforce.json",
            "--as-of",
            "2026-11-29",
            "--format",
            "json",
        ];
        stdout(&grille(&args))
    };
    assert_eq!(decide(example), decide("rules/idcc2098-2002.grille"));
}

/// A trial cut by the company or the law says so, with the layer's rule.
#[test]
fn explain_names_the_layer_that_shortened_the_trial() {
    let rules = "tests/inputs/eval/company/entreprise.grille";
    let facts = "tests/inputs/eval/company/facts.json";
    let explain = |id: &str, lang: &str| {
        let args = ["explain", rules, facts, "--id", id, "--as-of", "2026-11-29"];
        let out = grille(&[&args[..], &["--lang", lang]].concat());
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        stdout(&out)
    };
    let c11 = explain("C11", "fr");
    for line in [
        "Cadre : 1er février 2026 → 30 septembre 2026 (terminée)",
        "plafond légal du premier essai, 4 mois : fin le 31 mai 2026 au lieu du 30 juin 2026",
        "plafond légal, renouvellement compris, 8 mois : fin le 30 septembre 2026 au lieu du 31 octobre 2026",
        "- la loi limite le premier essai de `cadres` à 4 mois : il prend fin le 31 mai 2026, non le 30 juin 2026",
    ] {
        assert!(c11.contains(line), "missing {line:?} in\n{c11}");
    }
    assert!(c11.contains("« Code du travail, L1221-19 et L1221-21 » (rules/loi.grille:"));
    let c07 = explain("C07", "en");
    for line in [
        "shortened by the company agreement: ends on 3 December 2026 instead of 19 January 2027",
        "\"Accord d'entreprise d'essai, article 2\" (tests/inputs/eval/company/entreprise.grille:",
    ] {
        assert!(c07.contains(line), "missing {line:?} in\n{c07}");
    }
    let c08 = explain("C08", "en");
    assert!(
        !c08.contains("shortened") && !c08.contains("legal cap"),
        "{c08}"
    );
}

/// The company's coefficient for a job is a floor of its own, with its file
/// and line, in text and JSON; a tie keeps the agreement's floor.
#[test]
fn explain_names_the_company_floor() {
    let rules = "tests/inputs/eval/company/entreprise.grille";
    let facts = "tests/inputs/eval/company/facts.json";
    let explain = |id: &str, more: &[&str]| {
        let args = ["explain", rules, facts, "--id", id, "--as-of", "2026-11-29"];
        let out = grille(&[&args[..], more].concat());
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        stdout(&out)
    };
    let c14 = explain("C14", &[]);
    for line in [
        "  métier, tranche Débutant : 100\n      règle tests/inputs/eval/company/branche.grille:73:3\n",
        "  accord d'entreprise, tranche Débutant : 110\n      « Accord d'entreprise d'essai, article 3 » (tests/inputs/eval/company/entreprise.grille:41:3)\n",
        "  → coefficient retenu : 110 (plancher accord d'entreprise)\n",
    ] {
        assert!(c14.contains(line), "missing {line:?} in\n{c14}");
    }
    let c02 = explain("C02", &["--lang", "en"]);
    assert!(
        c02.contains("  company agreement, band Toute ancienneté: 110\n"),
        "{c02}"
    );
    assert!(c02.contains("  → coefficient: 110 (floor job)\n"), "{c02}");
    let json: serde_json::Value =
        serde_json::from_str(&explain("C15", &["--format", "json"])).unwrap();
    let trace = json["decision"]["trace"].as_array().unwrap();
    let floor = trace.iter().find(|s| s["floor"] == "company").unwrap();
    assert_eq!(floor["step"], "floor");
    assert_eq!(floor["coefficient"], 150);
    assert_eq!(floor["band"], "confirme");
    assert_eq!(floor["written"], "niveau 2");
    assert_eq!(
        floor["rule"],
        "tests/inputs/eval/company/entreprise.grille:42:3"
    );
    let won = trace.iter().find(|s| s["step"] == "entitlement").unwrap();
    assert_eq!(won["floor"], "company");
}

/// `--agreement-only` drops the law: its caps no longer cut the trial; the
/// company agreement, part of the agreement, still does.
#[test]
fn agreement_only_drops_the_law_caps_on_trials() {
    let all = decisions(&[
        "eval",
        "tests/inputs/eval/company/entreprise.grille",
        "tests/inputs/eval/company/facts.json",
        "--as-of",
        "2026-11-29",
        "--format",
        "json",
        "--agreement-only",
    ]);
    let end = |id: &str| {
        let d = all.iter().find(|d| d["id"] == id).unwrap();
        d["trial"]["end"].as_str().unwrap().to_string()
    };
    // Cadre moved 2026-08-01: the branch's 5 months, uncapped.
    assert_eq!(end("C10"), "2026-12-31");
    // Employé moved 2026-10-01: the company's 1 month.
    assert_eq!(end("C06"), "2026-10-31");
}
