//! The README's `grille explain` examples are the program's output: each block
//! opening with `$ grille explain …` is run from the crate root and must print
//! exactly the lines that follow it, so the example cannot go stale.
//! `GRILLE_UPDATE_README=1 cargo test --test readme` writes the program's
//! output into the README instead (read the diff before committing it).

use std::process::Command;

/// The run date the README's explanations show.
const RUN_ON: &str = "2026-11-30";

/// Each `$ grille explain …` block of the README: the command's arguments and
/// the output written under it.
fn examples(readme: &str) -> Vec<(Vec<String>, String)> {
    let mut out = Vec::new();
    for block in readme.split("```").skip(1).step_by(2) {
        let block = block.strip_prefix('\n').unwrap_or(block);
        let Some((command, shown)) = block.split_once('\n') else {
            continue;
        };
        let Some(args) = command.strip_prefix("$ grille explain ") else {
            continue;
        };
        let mut args: Vec<String> = args.split_whitespace().map(str::to_string).collect();
        args.insert(0, "explain".to_string());
        out.push((args, shown.to_string()));
    }
    out
}

#[test]
fn the_readme_explanations_are_what_grille_prints() {
    let readme = std::fs::read_to_string("README.md").unwrap();
    let examples = examples(&readme);
    assert!(
        examples.len() >= 2,
        "the README shows at least two explanations"
    );
    let update = std::env::var_os("GRILLE_UPDATE_README").is_some();
    let mut updated = readme.clone();
    for (args, shown) in examples {
        let out = Command::new(env!("CARGO_BIN_EXE_grille"))
            .args(&args)
            .env("NO_COLOR", "1")
            // The day the explanation is made, fixed: the header names it.
            .env("GRILLE_RUN_ON", RUN_ON)
            .output()
            .unwrap();
        let printed = String::from_utf8(out.stdout).unwrap();
        if update {
            let command = format!("$ grille {}\n", args.join(" "));
            updated = updated.replacen(
                &format!("{command}{shown}"),
                &format!("{command}{printed}"),
                1,
            );
            continue;
        }
        assert_eq!(
            printed,
            shown,
            "README example `grille {}` differs from the program's output",
            args.join(" ")
        );
    }
    if update {
        std::fs::write("README.md", updated).unwrap();
    }
}
