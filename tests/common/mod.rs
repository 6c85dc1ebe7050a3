//! Helpers shared by the integration tests that read HTML reports or run a
//! headless browser. Each test file takes what it needs (`mod common;`).
#![allow(dead_code)]

use std::path::Path;
use std::process::{Command, Output};

/// Tags balance (void and self-closed ones aside) and every `&` starts an entity we write.
pub fn check_well_formed(html: &str) {
    const VOID: [&str; 6] = ["meta", "br", "hr", "img", "input", "link"];
    let mut open: Vec<String> = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find('<') {
        let end = rest[start..].find('>').expect("an unclosed tag") + start;
        let tag = &rest[start + 1..end];
        rest = &rest[end + 1..];
        if tag.starts_with('!') {
            continue;
        }
        if let Some(name) = tag.strip_prefix('/') {
            let top = open
                .pop()
                .unwrap_or_else(|| panic!("</{name}> closes nothing"));
            assert_eq!(top, name, "</{name}> closes <{top}>");
            continue;
        }
        let name: String = tag
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        assert!(!name.is_empty(), "a `<` that is not a tag: <{tag}>");
        if !tag.ends_with('/') && !VOID.contains(&name.as_str()) {
            open.push(name);
        }
    }
    assert!(open.is_empty(), "unclosed: {open:?}");
    for (i, _) in html.match_indices('&') {
        let entity = &html[i..];
        assert!(
            ["&amp;", "&lt;", "&gt;", "&quot;", "&#39;"]
                .iter()
                .any(|e| entity.starts_with(e)),
            "a bare & at {}",
            &html[i..(i + 20).min(html.len())]
        );
    }
}

/// Runs headless Chromium (`browser`) with a fresh profile in `profile`: the flags
/// a machine without network and without a display needs.
pub fn headless(browser: &str, profile: &Path, args: &[String]) -> Output {
    Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(args)
        .output()
        .unwrap_or_else(|e| {
            panic!("cannot run `{browser}` ({e}): install chromium, or set GRILLE_NO_BROWSER=1")
        })
}

/// The 1-based line of `file` that starts with `start`: tests cite rule-file
/// lines through it, so that an edit moving a declaration does not break them.
pub fn line_of(file: &str, start: &str) -> usize {
    let text = std::fs::read_to_string(file).unwrap();
    1 + text
        .lines()
        .position(|l| l.starts_with(start))
        .unwrap_or_else(|| panic!("no line of {file} starts with {start:?}"))
}
