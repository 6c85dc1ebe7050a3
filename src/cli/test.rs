//! `grille test`: run the examples written in rule files.

use super::{load_rules, Outcome};

#[derive(clap::Args)]
pub struct Args {
    /// Rule files whose examples to run.
    #[arg(required = true, value_name = "RULES")]
    files: Vec<String>,
}

pub fn run(args: Args) -> Outcome {
    let (mut passed, mut failed) = (0usize, 0usize);
    for path in &args.files {
        let rules = match load_rules(path) {
            Ok(Some((rules, _))) => rules,
            Ok(None) => return Outcome::Failure,
            Err(e) => return Outcome::Usage(e),
        };
        for result in grille::examples::run(&rules) {
            let place = rules.location(result.example.origin.span);
            if result.passed() {
                passed += 1;
                println!("ok      {} ({place})", result.example.title);
                continue;
            }
            failed += 1;
            println!("FAILED  {} ({place})", result.example.title);
            for f in &result.failures {
                println!(
                    "        {}: expected {}, got {} ({})",
                    f.what,
                    f.expected,
                    f.got,
                    rules.location(f.span)
                );
            }
            if !result.steps.is_empty() {
                println!("        steps: {}", result.steps);
            }
        }
    }
    println!("{passed} passed, {failed} failed");
    if failed > 0 {
        Outcome::Failure
    } else {
        Outcome::Success
    }
}
