//! The workbench end to end in a real headless browser: `grille serve` started
//! as a binary, Debian's `chromium` driven by playwright-core
//! (tests/browser/workbench.mjs): load the page, introduce an error and see its
//! diagnostic at its line, fix it, change a coefficient and see the what-if
//! change, run a scenario, open an explanation and a why-not, the document,
//! save, the English switch, and the back pay of one employee. The run writes
//! screenshots of the main views to target/workbench-screenshots/ (the copies
//! under docs/ are shown in the README).
//!
//! Needs `chromium`, `node` and `npm ci` in tests/browser (.ci/run does both);
//! GRILLE_NO_BROWSER=1 skips it on a machine that cannot have them.
#![cfg(feature = "serve")]

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

/// A `grille serve` process, stopped when dropped.
struct Server {
    child: Child,
    url: String,
}

impl Server {
    /// Serves `rules` with `facts`, from `dir` (paths as a user types them).
    fn start(dir: &Path, rules: &str, facts: &str) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_grille"))
            .args(["serve", rules, "--facts", facts])
            .current_dir(dir)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let mut line = String::new();
        let stdout = child.stdout.take().unwrap();
        BufReader::new(stdout).read_line(&mut line).unwrap();
        assert!(line.starts_with("http://127.0.0.1:"), "{line}");
        Server {
            child,
            url: line.trim().to_string(),
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The driver, or `None` when GRILLE_NO_BROWSER=1 says to skip.
fn driver() -> Option<PathBuf> {
    if std::env::var("GRILLE_NO_BROWSER").is_ok_and(|v| v == "1") {
        return None;
    }
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/browser");
    assert!(
        folder.join("node_modules/playwright-core").is_dir(),
        "the browser tests need their driver: run `npm ci` in tests/browser (.ci/run does), \
         or set GRILLE_NO_BROWSER=1 to skip them"
    );
    Some(folder.join("workbench.mjs"))
}

/// A scratch folder with the shipped rules and the examples' facts.
fn scratch() -> PathBuf {
    let dir = std::env::temp_dir().join(format!("grille-browser-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("rules")).unwrap();
    for name in ["cgt-2008.grille", "idcc2098-2002.grille", "loi.grille"] {
        std::fs::copy(Path::new("rules").join(name), dir.join("rules").join(name)).unwrap();
    }
    for name in ["workforce.json", "history.json"] {
        std::fs::copy(Path::new("examples").join(name), dir.join(name)).unwrap();
    }
    dir
}

#[test]
fn the_workbench_in_a_real_browser() {
    let Some(driver) = driver() else { return };
    let dir = scratch();
    let shots = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("..")
        .join("workbench-screenshots");
    std::fs::create_dir_all(&shots).unwrap();
    let proposal = Server::start(&dir, "rules/cgt-2008.grille", "workforce.json");
    let in_force = Server::start(&dir, "rules/idcc2098-2002.grille", "history.json");
    let run = Command::new("node")
        .arg(&driver)
        .args(["/usr/bin/chromium", &proposal.url, &in_force.url])
        .arg(&shots)
        .output()
        .unwrap_or_else(|e| {
            panic!("cannot run node ({e}): install nodejs, or set GRILLE_NO_BROWSER=1")
        });
    let said = String::from_utf8_lossy(&run.stdout);
    assert!(
        run.status.success(),
        "{said}\n{}",
        String::from_utf8_lossy(&run.stderr)
    );
    assert!(said.ends_with("ok\n"), "{said}");
    // The save the page made: the edited coefficient on the disk, the
    // previous version beside it.
    let saved = std::fs::read_to_string(dir.join("rules/cgt-2008.grille")).unwrap();
    let original = std::fs::read_to_string("rules/cgt-2008.grille").unwrap();
    assert_eq!(
        saved,
        original.replacen("experimente : 190", "experimente : 200", 1)
    );
    let backup = std::fs::read_to_string(dir.join("rules/cgt-2008.grille.bak")).unwrap();
    assert_eq!(backup, original);
    for view in ["diagnostics", "whatif", "explanation", "doc", "replay"] {
        let shot = shots.join(format!("workbench-{view}.png"));
        assert!(std::fs::metadata(&shot).unwrap().len() > 10_000, "{shot:?}");
    }
    drop((proposal, in_force));
    let _ = std::fs::remove_dir_all(&dir);
}
