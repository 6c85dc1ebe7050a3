//! End-to-end tests of `grille fmt`: in place, `--check`, standard input, errors.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

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

const MESSY: &str = "métier agent \"Agent\"   debutant : 120\n";
const TIDY: &str = "métier agent \"Agent\"\n  debutant : 120\n";

/// A fresh folder of this test's own, holding the given files.
fn folder(test: &str, files: &[(&str, &str)]) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("cli_fmt-{test}"));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    for (name, text) in files {
        std::fs::write(dir.join(name), text).unwrap();
    }
    dir
}

fn path(dir: &std::path::Path, name: &str) -> String {
    dir.join(name).to_string_lossy().into_owned()
}

#[test]
fn check_passes_on_the_shipped_rule_files() {
    let out = grille(&[
        "fmt",
        "--check",
        "rules/cgt-2008.grille",
        "rules/idcc2098-2002.grille",
    ]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}{}",
        stdout(&out),
        stderr(&out)
    );
    assert_eq!(stdout(&out), "");
}

#[test]
fn check_names_the_files_that_would_change_and_writes_nothing() {
    let dir = folder("check", &[("messy.grille", MESSY), ("tidy.grille", TIDY)]);
    let (messy, tidy) = (path(&dir, "messy.grille"), path(&dir, "tidy.grille"));
    let out = grille(&["fmt", "--check", &messy, &tidy]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stdout(&out), format!("{messy}\n"));
    assert_eq!(std::fs::read_to_string(&messy).unwrap(), MESSY);
}

#[test]
fn rewrites_files_in_place_leaving_no_temporary_file() {
    let dir = folder("in-place", &[("messy.grille", MESSY)]);
    let messy = path(&dir, "messy.grille");
    let out = grille(&["fmt", &messy]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(std::fs::read_to_string(&messy).unwrap(), TIDY);
    let left: Vec<_> = std::fs::read_dir(&dir).unwrap().collect();
    assert_eq!(left.len(), 1, "only the rule file remains");
    assert_eq!(grille(&["fmt", "--check", &messy]).status.code(), Some(0));
}

#[test]
fn a_file_with_syntax_errors_is_reported_and_left_untouched() {
    let broken = "métier agent \"Agent\"\n  debutant 120\n";
    let dir = folder(
        "broken",
        &[("broken.grille", broken), ("messy.grille", MESSY)],
    );
    let (bad, messy) = (path(&dir, "broken.grille"), path(&dir, "messy.grille"));
    let out = grille(&["fmt", &bad, &messy]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains("grille::syntax") && err.contains("broken.grille:2:3"),
        "{err}"
    );
    assert_eq!(std::fs::read_to_string(&bad).unwrap(), broken);
    assert_eq!(
        std::fs::read_to_string(&messy).unwrap(),
        TIDY,
        "the others are formatted"
    );
    assert_eq!(grille(&["fmt", "--check", &bad]).status.code(), Some(1));
}

#[test]
fn dash_reads_standard_input_and_writes_standard_output() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_grille"))
        .args(["fmt", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(MESSY.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(stdout(&out), TIDY);
}

#[test]
fn an_unreadable_file_is_a_usage_error() {
    let out = grille(&["fmt", "no/such/file.grille"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("fichier introuvable"),
        "{}",
        stderr(&out)
    );
}
