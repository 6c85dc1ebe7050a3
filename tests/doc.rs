//! `grille doc`: the rule set as a document. The page is well formed (every
//! tag closed in order, ids unique, every link lands), says what the rule file
//! says where it says it, and renders in a real browser: headless Chromium
//! lays it out on A4 pages. Without Chromium the browser test fails, unless
//! `GRILLE_NO_BROWSER=1` says this machine has none.

mod common;

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::process::Command;

const CGT: &str = "rules/cgt-2008.grille";

fn doc(rules: &str, as_of: &str) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_grille"))
        .args(["doc", rules, "--as-of", as_of])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// The tags of a page, opened and closed in order; void elements stand alone.
fn check_well_formed(html: &str) {
    const VOID: [&str; 4] = ["meta", "br", "hr", "img"];
    let mut open: Vec<String> = Vec::new();
    let mut rest = html;
    while let Some(at) = rest.find('<') {
        rest = &rest[at + 1..];
        let end = rest.find('>').expect("a tag ends");
        let tag = &rest[..end];
        rest = &rest[end + 1..];
        if tag.starts_with('!') {
            continue;
        }
        assert_eq!(
            tag.matches('"').count() % 2,
            0,
            "attribute quotes in <{tag}>"
        );
        if let Some(name) = tag.strip_prefix('/') {
            let opened = open
                .pop()
                .unwrap_or_else(|| panic!("</{name}> closes nothing"));
            assert_eq!(opened, name, "</{name}> closes <{opened}>");
            continue;
        }
        let name = tag.split_whitespace().next().unwrap().to_string();
        if name == "style" {
            let close = rest.find("</style>").unwrap();
            rest = &rest[close + "</style>".len()..];
            continue;
        }
        if !VOID.contains(&name.as_str()) {
            open.push(name);
        }
    }
    assert!(open.is_empty(), "left open: {open:?}");
}

fn attribute_values<'a>(html: &'a str, attribute: &str) -> Vec<&'a str> {
    let key = format!("{attribute}=\"");
    html.match_indices(&key)
        .map(|(at, _)| {
            let value = &html[at + key.len()..];
            &value[..value.find('"').unwrap()]
        })
        .collect()
}

#[test]
fn the_page_is_well_formed_and_every_link_lands() {
    for rules in [CGT, "rules/idcc2098-2002.grille", "rules/loi.grille"] {
        let html = doc(rules, "2026-11-29");
        check_well_formed(&html);
        let ids = attribute_values(&html, "id");
        let unique: BTreeSet<_> = ids.iter().collect();
        assert_eq!(unique.len(), ids.len(), "{rules}: ids are unique");
        for href in attribute_values(&html, "href") {
            let target = href.strip_prefix('#').expect("links stay in the page");
            assert!(unique.contains(&target), "{rules}: #{target} lands nowhere");
        }
    }
}

#[test]
fn one_section_per_declaration_in_the_files_order() {
    let html = doc(CGT, "2026-11-29");
    let text = std::fs::read_to_string(CGT).unwrap();
    let declarations = grille::syntax::parse(&text).unwrap().items.len();
    assert_eq!(html.matches("<section ").count(), declarations);
    let ids = attribute_values(&html, "section id");
    // The file opens with its header, the file it amends, the law, then `smcc`.
    assert_eq!(
        &ids[..4],
        [
            "agreement",
            "amends-idcc2098-2002_grille",
            "under-law-loi_grille",
            "param-smcc"
        ]
    );
    let at = |id: &str| ids.iter().position(|i| *i == id).unwrap();
    assert!(at("classification") < at("mission-cap"));
    assert!(at("mission-cap") < at("job-conseiller-clientele"));
}

/// The section of `id`, as written.
fn section<'a>(html: &'a str, id: &str) -> &'a str {
    let start = html
        .find(&format!("<section id=\"{id}\">"))
        .unwrap_or_else(|| panic!("no #{id}"));
    let end = html[start..].find("</section>").unwrap();
    &html[start..start + end]
}

#[test]
fn each_section_says_what_the_file_says() {
    let html = doc(CGT, "2026-11-29");
    // The quote and the reading of the mission floor, the text's own words.
    let floor = section(&html, "classification");
    assert!(floor.contains("« le salarié pourra prétendre à la qualification liée à la fonction exercée pendant la dernière mission »"));
    assert!(floor.contains("<p class=\"reading\"><b>Lecture retenue par ce fichier :</b> « pourra prétendre » est lu comme un plancher"));
    // A parameter: its value in force, and where it is read.
    let smcc = section(&html, "param-smcc");
    assert!(smcc.contains("<tr class=\"in-force\"><td>2008-05-29</td><td>1500.00 €</td>"));
    assert!(smcc.contains("<a href=\"#category-employes\">Employés</a>"));
    // A job: each band's value and the level it falls in; its examples.
    let job = section(&html, "job-conseiller-commercial");
    assert!(job.contains("<tr><td>Expérimenté</td><td><code>200</code></td><td>200</td><td><a href=\"#level-4\">niveau 4</a></td></tr>"));
    assert!(job.contains("Conseiller commercial senior"));
    // A category cell: the lowest coefficient of the category, and its reading.
    let director = section(&html, "job-directeur-centre-relation-client");
    assert!(director.contains("<td><code>catégorie cadres</code></td><td>280</td><td><a href=\"#level-7\">niveau 7</a></td>"));
    // The checker's warnings where they sit: the ambiguous « animateur ».
    let formateur = section(&html, "job-formateur");
    assert!(formateur.contains("grille::ambiguous-name"), "{formateur}");
    // An amendment shows what it replaces in the rules in force.
    let superviseur = section(&html, "job-superviseur");
    assert!(
        superviseur.contains("Remplace la déclaration de <code>rules/idcc2098-2002.grille</code>")
    );
    assert!(
        superviseur.contains("debutant : 160"),
        "the 2002 grid's value"
    );
}

#[test]
fn the_values_in_force_follow_the_day_asked() {
    // The law's SMIC: 1 801,80 € from 2024-11-01, 1 823,03 € from 2026-01-01.
    let before = doc("rules/loi.grille", "2025-06-30");
    let after = doc("rules/loi.grille", "2026-11-29");
    let smic = |html: &str| section(html, "param-smic_mensuel").to_string();
    assert!(smic(&before).contains("<tr class=\"in-force\"><td>2024-11-01</td><td>1801.80 €</td>"));
    assert!(smic(&after).contains("<tr class=\"in-force\"><td>2026-01-01</td><td>1823.03 €</td>"));
}

#[test]
fn errors_of_the_rules_are_shown_where_they_sit_and_end_in_1() {
    let out = Command::new(env!("CARGO_BIN_EXE_grille"))
        .args(["doc", "unknown-band.grille", "--as-of", "2026-11-29"])
        .current_dir("tests/inputs/check")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let html = String::from_utf8(out.stdout).unwrap();
    check_well_formed(&html);
    assert!(
        html.contains(
            "<div class=\"diagnostic error\"><b>erreur</b> <code>grille::unknown-name</code>"
        ),
        "{html}"
    );
}

#[test]
fn a_broken_rule_file_is_refused_with_its_errors() {
    let dir = std::env::temp_dir().join(format!("grille-doc-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bad = dir.join("bad.grille");
    std::fs::write(
        &bad,
        "catégorie employes \"Employés\"\n  niveau 1 : coefficients 120 à\n",
    )
    .unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_grille"))
        .args(["doc", bad.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("bad.grille:3:1"));
    assert!(out.stdout.is_empty());
    std::fs::remove_dir_all(&dir).unwrap();
}

/// The browser to render with: `GRILLE_CHROMIUM`, else `chromium`.
fn chromium() -> Option<String> {
    if std::env::var_os("GRILLE_NO_BROWSER").is_some_and(|v| v == "1") {
        return None;
    }
    Some(std::env::var("GRILLE_CHROMIUM").unwrap_or_else(|_| "chromium".to_string()))
}

#[test]
fn chromium_lays_the_document_out_on_a4_pages() {
    let Some(browser) = chromium() else {
        return;
    };
    let dir: PathBuf =
        std::env::temp_dir().join(format!("grille-doc-browser-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let page = dir.join("proposition.html");
    std::fs::write(&page, doc(CGT, "2026-11-29")).unwrap();
    let url = format!("file://{}", page.display());
    // The DOM the browser built: every section a sibling, none swallowed by another.
    let dom = common::headless(
        &browser,
        &dir.join("profile"),
        &["--dump-dom".to_string(), url.clone()],
    );
    let dom = String::from_utf8_lossy(&dom.stdout).to_string();
    let text = std::fs::read_to_string(CGT).unwrap();
    let declarations = grille::syntax::parse(&text).unwrap().items.len();
    assert_eq!(
        dom.matches("<section id=").count(),
        declarations,
        "{}",
        &dom[..dom.len().min(500)]
    );
    assert!(!dom.contains("</h2><section"), "sections are not nested");
    // Printed: A4 pages (595 × 842 points), many of them.
    let pdf = dir.join("proposition.pdf");
    let printed = common::headless(
        &browser,
        &dir.join("profile"),
        &[
            "--no-pdf-header-footer".to_string(),
            format!("--print-to-pdf={}", pdf.display()),
            url.clone(),
        ],
    );
    let bytes = std::fs::read(&pdf)
        .unwrap_or_else(|_| panic!("no PDF: {}", String::from_utf8_lossy(&printed.stderr)));
    let pdf_text = String::from_utf8_lossy(&bytes);
    let boxes: Vec<&str> = pdf_text
        .match_indices("/MediaBox [")
        .map(|(at, _)| {
            let rest = &pdf_text[at + "/MediaBox [".len()..];
            &rest[..rest.find(']').unwrap()]
        })
        .collect();
    assert!(boxes.len() >= 10, "pages: {}", boxes.len());
    for b in &boxes {
        let size: Vec<f64> = b.split_whitespace().map(|n| n.parse().unwrap()).collect();
        assert!(
            (size[2] - 595.0).abs() < 2.0 && (size[3] - 842.0).abs() < 2.0,
            "not A4: {b}"
        );
    }
    std::fs::remove_dir_all(&dir).unwrap();
}
