//! The HTML report rendered by a real browser (Debian's `chromium`, headless):
//! the DOM it builds, a screenshot, and the A4 print. Without chromium the test
//! fails, unless GRILLE_NO_BROWSER=1 says to skip it (a machine that cannot
//! install it); `.ci/run` installs it.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

const ARGS: [&str; 6] = [
    "diff",
    "rules/idcc2098-2002.grille",
    "rules/cgt-2008.grille",
    "examples/workforce.json",
    "--as-of",
    "2026-11-29",
];

fn browser() -> Option<&'static str> {
    if std::env::var("GRILLE_NO_BROWSER").is_ok_and(|v| v == "1") {
        return None;
    }
    let found = Command::new("chromium").arg("--version").output();
    assert!(
        found.is_ok_and(|o| o.status.success()),
        "chromium is needed to render the HTML report (apt-get install chromium), \
         or set GRILLE_NO_BROWSER=1 to skip this test"
    );
    Some("chromium")
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("grille-browser-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The report with three scenarios and the contribution estimate.
fn report(dir: &Path) -> PathBuf {
    let file = dir.join("rapport.html");
    let out = Command::new(env!("CARGO_BIN_EXE_grille"))
        .args(ARGS)
        .args(["--format", "html", "--set-cost", "taux_charges=0.42"])
        .args(["--scenario", "smcc-1800:smcc=1800.00"])
        .args(["--scenario", "smcc-1850:smcc=1850.00"])
        .args(["--scenario", "smcc-1900:smcc=1900.00"])
        .arg("--output")
        .arg(&file)
        .output()
        .unwrap();
    assert!(file.exists(), "{}", String::from_utf8_lossy(&out.stderr));
    file
}

fn chromium(browser: &str, dir: &Path, args: &[String], page: &Path) -> std::process::Output {
    let mut args = args.to_vec();
    args.push(format!("file://{}", page.display()));
    common::headless(browser, &dir.join("profile"), &args)
}

/// Width and height of a PNG, from its header.
fn png_size(bytes: &[u8]) -> (u32, u32) {
    assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n", "not a PNG");
    let be = |at: usize| u32::from_be_bytes(bytes[at..at + 4].try_into().unwrap());
    (be(16), be(20))
}

#[test]
fn the_report_renders_in_a_browser_and_prints_on_a4_pages() {
    let Some(browser) = browser() else {
        // GRILLE_NO_BROWSER=1: the HTML report is not rendered.
        return;
    };
    let dir = scratch("render");
    let page = report(&dir);

    // The DOM the browser built: every section, the loser, four scenario columns.
    let dom = chromium(browser, &dir, &["--dump-dom".to_string()], &page);
    let dom = String::from_utf8(dom.stdout).unwrap();
    let sections = dom.matches("<section").count();
    assert_eq!(sections, 13, "{dom}");
    let losers = dom.split("id=\"perdants\"").nth(1).unwrap();
    let losers = &losers[..losers.find("</section>").unwrap()];
    assert_eq!(
        losers.matches("<tr>").count(),
        2,
        "a header and E052: {losers}"
    );
    assert!(losers.contains("<td>E052</td>"));
    let scenarios = dom.split("id=\"scenarios\"").nth(1).unwrap();
    let header =
        &scenarios[scenarios.find("<thead>").unwrap()..scenarios.find("</thead>").unwrap()];
    assert_eq!(
        header.matches("</th>").count(),
        5,
        "a label and four columns: {header}"
    );
    assert!(dom.contains("Radar du SMIC"));

    // A screenshot of the size asked, with something drawn on it.
    let shot = dir.join("page.png");
    let args = [
        format!("--screenshot={}", shot.display()),
        "--window-size=1000,1300".to_string(),
    ];
    chromium(browser, &dir, &args, &page);
    let bytes = std::fs::read(&shot).expect("a screenshot");
    assert_eq!(png_size(&bytes), (1000, 1300));
    assert!(
        bytes.len() > 30_000,
        "a blank page is a few kB: {}",
        bytes.len()
    );

    // Printed: A4 pages (595 × 842 points), each section on a page of its own:
    // a small comparison fits on a few pages without the breaks.
    let small = dir.join("petit.html");
    Command::new(env!("CARGO_BIN_EXE_grille"))
        .args(["diff", "rules/cgt-2008.grille", "rules/cgt-2008.grille"])
        .args(["tests/inputs/diff/small.json", "--as-of", "2026-11-29"])
        .args(["--format", "html", "--output"])
        .arg(&small)
        .output()
        .unwrap();
    let sections = std::fs::read_to_string(&small)
        .unwrap()
        .matches("<section")
        .count();
    let pdf = dir.join("page.pdf");
    let args = [
        format!("--print-to-pdf={}", pdf.display()),
        "--no-pdf-header-footer".to_string(),
    ];
    chromium(browser, &dir, &args, &small);
    let pdf = std::fs::read(&pdf).expect("a PDF");
    let text = String::from_utf8_lossy(&pdf);
    let pages = text.matches("/Type /Page").count() - text.matches("/Type /Pages").count();
    assert!(pages >= sections, "{pages} pages for {sections} sections");
    assert!(
        text.contains("/MediaBox [0 0 595") || text.contains("/MediaBox [0 0 594"),
        "A4 pages"
    );
    let _ = std::fs::remove_dir_all(&dir);
}
