//! Rule files + facts → decisions, over every folder of `tests/inputs/eval/`.
//!
//! A folder holds `case.txt` (`rules: PATH` — in the folder, else from the crate
//! root —, `as-of: DATE`, optionally `facts: PATH` from the crate root and
//! `set: NAME=VALUE` lines), a facts file (`facts.json`, `facts.jsonl` or
//! `facts.csv`) unless `facts:` names one, and usually `expected.json`: the fields of each decided employee
//! derived by hand from the texts (see the folder's `notes.md`; a field written
//! `/trial/end` is a JSON pointer into the decision). The test checks
//! those fields, then snapshots the whole output (decisions, warnings, rejections).

use std::collections::BTreeMap;
use std::path::Path;

use grille::facts::{self, Format};

struct Case {
    rules_path: String,
    as_of: chrono::NaiveDate,
    facts: Option<std::path::PathBuf>,
    settings: Vec<(String, String)>,
    /// `agreement-only: true`: without the law the rule file stands under.
    agreement_only: bool,
}

fn read_case(path: &Path) -> Case {
    let text = std::fs::read_to_string(path).unwrap();
    let field = |name: &str| {
        text.lines()
            .find_map(|l| l.strip_prefix(name).map(|v| v.trim().to_string()))
            .unwrap_or_else(|| panic!("{}: no `{name}` line", path.display()))
    };
    let rules = field("rules:");
    let folder = path.parent().unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let rules_path = if folder.join(&rules).exists() {
        let full = folder.join(&rules);
        full.strip_prefix(root)
            .unwrap_or(&full)
            .to_string_lossy()
            .into_owned()
    } else {
        rules
    };
    let settings = text
        .lines()
        .filter_map(|l| l.strip_prefix("set:"))
        .map(|s| {
            let (name, value) = s.trim().split_once('=').expect("set: NAME=VALUE");
            (name.to_string(), value.to_string())
        })
        .collect();
    let facts = text
        .lines()
        .find_map(|l| l.strip_prefix("facts:"))
        .map(|p| root.join(p.trim()));
    Case {
        rules_path,
        as_of: facts::parse_date(&field("as-of:")).expect("as-of date"),
        facts,
        settings,
        agreement_only: text.lines().any(|l| l.trim() == "agreement-only: true"),
    }
}

fn facts_file(folder: &Path) -> (std::path::PathBuf, Format) {
    for (name, format) in [
        ("facts.json", Format::Json),
        ("facts.jsonl", Format::JsonLines),
        ("facts.csv", Format::Csv),
    ] {
        if folder.join(name).exists() {
            return (folder.join(name), format);
        }
    }
    panic!("{}: no facts file", folder.display());
}

#[test]
fn eval_fixtures() {
    insta::glob!("inputs/eval/*/case.txt", |path| {
        let case = read_case(path);
        let folder = path.parent().unwrap();
        let (mut rules, _) = grille::load_path(
            &case.rules_path,
            grille::layers::Options {
                agreement_only: case.agreement_only,
            },
        )
        .unwrap_or_else(|e| panic!("{e:?}"));
        for (name, value) in &case.settings {
            rules.set_parameter(name, value).unwrap();
        }
        let (facts_path, format) = match &case.facts {
            Some(path) => (
                path.clone(),
                Format::from_path(&path.to_string_lossy()).unwrap(),
            ),
            None => facts_file(folder),
        };
        let options = facts::Options {
            declared: rules.declared_fields(),
            ..Default::default()
        };
        let bytes = std::fs::read(&facts_path).unwrap();
        let facts = facts::read_bytes(&bytes, format, options).unwrap();
        let evaluator = grille::Evaluator::new(&rules, case.as_of);

        let mut decided = BTreeMap::new();
        let mut output = String::new();
        for w in &facts.warnings {
            output.push_str(&format!("facts warning: {w}\n"));
        }
        for record in &facts.records {
            match record
                .as_ref()
                .map_err(Clone::clone)
                .and_then(|r| evaluator.decide(r))
            {
                Ok(d) => {
                    let value = serde_json::to_value(&d).unwrap();
                    output.push_str(&serde_json::to_string(&d).unwrap());
                    output.push('\n');
                    decided.insert(d.id.to_string(), value);
                }
                Err(rejection) => output.push_str(&format!("rejected: {rejection}\n")),
            }
        }

        let expected_path = folder.join("expected.json");
        if expected_path.exists() {
            let expected: BTreeMap<String, serde_json::Map<String, serde_json::Value>> =
                serde_json::from_str(&std::fs::read_to_string(&expected_path).unwrap()).unwrap();
            let decided_ids: Vec<&String> = decided.keys().collect();
            let expected_ids: Vec<&String> = expected.keys().collect();
            assert_eq!(
                decided_ids,
                expected_ids,
                "{}: the decided employees differ from expected.json",
                folder.display()
            );
            for (id, fields) in &expected {
                for (field, want) in fields {
                    // `/trial/end`: a JSON pointer into the decision (nested fields).
                    let got = if field.starts_with('/') {
                        decided[id].pointer(field)
                    } else {
                        decided[id].get(field)
                    };
                    let got = got.unwrap_or(&serde_json::Value::Null);
                    assert_eq!(
                        got,
                        want,
                        "{}: employee {id}, field `{field}`",
                        folder.display()
                    );
                }
            }
        }
        let settings: Vec<String> = case
            .settings
            .iter()
            .map(|(n, v)| format!(" with {n} = {v}"))
            .collect();
        let description = format!(
            "{} as of {}{}{}",
            case.rules_path,
            case.as_of,
            settings.concat(),
            if case.agreement_only {
                ", agreement only"
            } else {
                ""
            }
        );
        insta::with_settings!({ description => description, omit_expression => true }, {
            insta::assert_snapshot!(output);
        });
    });
}
