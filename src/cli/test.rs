//! `grille test`: run the examples written in rule files.

use super::console::{out_line, write_failed, STDOUT};
use super::{load_rules, Outcome};
use grille::catalogue::{Lang, Text};

#[derive(clap::Args)]
pub struct Args {
    /// Rule files whose examples to run.
    #[arg(required = true, value_name = "RULES")]
    files: Vec<String>,
    /// Language of the report: `fr` or `en` (by default, the locale's: English when
    /// LC_ALL, LC_MESSAGES or LANG starts with `en`, French otherwise).
    #[arg(long, value_enum)]
    lang: Option<super::LangArg>,
}

pub fn run(args: Args) -> Outcome {
    match run_all(&args.files, super::set_lang(args.lang)) {
        Ok(outcome) => outcome,
        Err(e) => write_failed(STDOUT, &e),
    }
}

/// Runs every example, one line each on stdout (the titles and values escaped:
/// they come from the rule files).
fn run_all(files: &[String], lang: Lang) -> std::io::Result<Outcome> {
    let (mut passed, mut failed) = (0usize, 0usize);
    for path in files {
        let rules = match load_rules(path) {
            Ok(Some((rules, _))) => rules,
            Ok(None) => return Ok(Outcome::Failure),
            Err(e) => return Ok(Outcome::Usage(e)),
        };
        for result in grille::examples::run(&rules) {
            let place = rules.location(result.example.origin.span);
            if result.passed() {
                passed += 1;
                let ok = Text::ExamplePassed.say(lang);
                out_line(&format!("{ok}  {} ({place})", result.example.title))?;
                continue;
            }
            failed += 1;
            let failed_word = Text::ExampleFailed.say(lang);
            out_line(&format!(
                "{failed_word}  {} ({place})",
                result.example.title
            ))?;
            for f in &result.failures {
                let expected = Text::Expected {
                    what: f.what,
                    expected: &f.expected,
                    got: &f.got,
                };
                let place = rules.location(f.span);
                out_line(&format!("        {} ({place})", expected.say(lang)))?;
            }
            if !result.steps.is_empty() {
                out_line(&format!("        steps: {}", result.steps))?;
            }
        }
    }
    out_line(&Text::ExamplesCount { passed, failed }.say(lang))?;
    Ok(if failed > 0 {
        Outcome::Failure
    } else {
        Outcome::Success
    })
}
