//! `POST /api/call`: a request of [`crate::api::call`], its files taken from
//! those the workbench holds, never from the disk.
//!
//! The page sends the requests of the JSON API. Their `rules` may be:
//! - `{"path": P}`: P must be a file held; it is loaded from memory;
//! - `{"files": {P: TEXT}, "main": M}`: only the edited rule file's text may be
//!   given (it is what the page edits), M must be held;
//! - absent: the edited rule file as held.
//!
//! Every other file the rules stand on comes from the files held, so that a
//! link in the edited text to any other path is a missing file, not a read.
//! `eval`, `explain`, `diff` and `replay` without facts get the `--facts`
//! file's. `diff` without `base` compares with the file the edited one amends
//! (else the edited file as saved); a `base` given is `{"path": P}`, P held,
//! read as saved.
//! The workbench also answers `{"op": "test"}` (the file's examples), which
//! the API does not have yet.

use super::Refusal;
use serde_json::{json, Map, Value};

use super::held::Held;

/// Why a request is not passed on to the API.
pub(super) struct Refused {
    pub code: &'static str,
    pub message: String,
    pub help: String,
    /// A path the workbench does not hold (403), or a malformed request (400).
    pub outside: bool,
}

/// What a request becomes.
pub(super) enum Call {
    /// A request for [`crate::api::call`], reading nothing from the disk.
    Api(String),
    /// `test`: run the examples of the rules given as files.
    Test {
        edited: Option<String>,
        main: String,
    },
}

pub(super) fn prepare(held: &Held, body: &[u8]) -> Result<Call, Refused> {
    let mut request = match serde_json::from_slice::<Value>(body) {
        Ok(Value::Object(request)) => request,
        _ => {
            return Err(malformed(
                "the request is not a JSON object",
                "send one JSON object, as grille::api::call takes it",
            ))
        }
    };
    let (edited, main) = rules(held, request.remove("rules"))?;
    let op = request
        .get("op")
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_string();
    let op = op.as_str();
    if op == "test" {
        if let Some(field) = request.keys().find(|k| *k != "op") {
            return Err(malformed(
                &format!("`{field}` is not read by `test`"),
                "`test` takes `op` and `rules`",
            ));
        }
        return Ok(Call::Test { edited, main });
    }
    if op == "diff" {
        let base = base(held, request.remove("base"))?;
        request.insert("base".into(), base);
    }
    let decides = matches!(op, "eval" | "explain" | "diff" | "replay");
    let has_facts = request.contains_key("facts") || request.contains_key("facts_text");
    if decides && !has_facts {
        let Some(facts) = held.facts() else {
            return Err(malformed(
                &format!("`{op}` needs facts, and the workbench has none"),
                "start it with --facts FILE, or give `facts` in the request",
            ));
        };
        request.insert("facts_text".into(), json!(facts.text));
        request.insert("format".into(), json!(facts.format));
    }
    let files = files_of(held, edited.as_deref());
    request.insert("rules".into(), json!({"files": files, "main": main}));
    Ok(Call::Api(Value::Object(request).to_string()))
}

/// The base of a `diff`: the held files as saved, and the one to load.
fn base(held: &Held, sent: Option<Value>) -> Result<Value, Refused> {
    let main = match sent {
        None => held.base().to_string(),
        Some(Value::Object(base)) => match (base.get("path"), base.len()) {
            (Some(Value::String(path)), 1) => held_name(held, path)?,
            _ => return Err(malformed("`base` is not {\"path\": P}", RULES_HELP)),
        },
        Some(_) => return Err(malformed("`base` is not an object", RULES_HELP)),
    };
    Ok(json!({"files": files_of(held, None), "main": main}))
}

fn files_of(held: &Held, edited: Option<&str>) -> Map<String, Value> {
    held.in_memory(edited)
        .0
        .into_iter()
        .map(|(path, text)| (path.to_string_lossy().into_owned(), Value::String(text)))
        .collect()
}

/// The edited file's text if the request gives it, and the file to load.
fn rules(held: &Held, rules: Option<Value>) -> Result<(Option<String>, String), Refused> {
    let mut rules = match rules {
        None => return Ok((None, held.rules().to_string())),
        Some(Value::Object(rules)) => rules,
        Some(_) => return Err(malformed("`rules` is not an object", RULES_HELP)),
    };
    if let Some(field) = rules
        .keys()
        .find(|k| !["path", "files", "main"].contains(&k.as_str()))
    {
        return Err(malformed(
            &format!("`rules.{field}` is not read"),
            RULES_HELP,
        ));
    }
    let main = match (rules.remove("path"), rules.remove("main")) {
        (Some(Value::String(path)), None) if !rules.contains_key("files") => path,
        (None, Some(Value::String(main))) if rules.contains_key("files") => main,
        _ => {
            return Err(malformed(
                "`rules` is not one of the shapes read",
                RULES_HELP,
            ))
        }
    };
    let main = held_name(held, &main)?;
    let edited = match rules.remove("files") {
        None => None,
        Some(Value::Object(files)) => edited_text(held, files)?,
        Some(_) => return Err(malformed("`rules.files` is not an object", RULES_HELP)),
    };
    Ok((edited, main))
}

const RULES_HELP: &str = "give {\"path\": P} or {\"files\": {EDITED: TEXT}, \"main\": P}, \
     P a file the workbench holds (GET /api/files)";

/// The edited file's text among `files`: the only file whose text a request
/// may give.
fn edited_text(held: &Held, files: Map<String, Value>) -> Result<Option<String>, Refused> {
    let mut edited = None;
    for (path, text) in files {
        if held_name(held, &path)? != held.rules() {
            return Err(Refused {
                code: Refusal::Outside.code(),
                message: format!(
                    "only the edited rule file's text may be given, not `{}`'s",
                    crate::facts::short(&path)
                ),
                help: format!("give the text of `{}`", held.rules()),
                outside: true,
            });
        }
        match text {
            Value::String(text) => edited = Some(text),
            _ => return Err(malformed("a rule file's text is not a string", RULES_HELP)),
        }
    }
    Ok(edited)
}

/// `path` as the workbench holds it, or the refusal naming what it holds.
fn held_name(held: &Held, path: &str) -> Result<String, Refused> {
    match held.holds(path) {
        true => Ok(super::held::key(std::path::Path::new(path))),
        false => Err(Refused {
            code: Refusal::Outside.code(),
            message: format!(
                "`{}` is not one of the files this workbench holds",
                crate::facts::short(path)
            ),
            help: format!(
                "it reads only the files named on its command line and those they stand on: {}",
                held.files()
                    .iter()
                    .map(|(name, _)| format!("`{name}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            outside: true,
        }),
    }
}

fn malformed(message: &str, help: &str) -> Refused {
    Refused {
        code: Refusal::Request.code(),
        message: message.to_string(),
        help: help.to_string(),
        outside: false,
    }
}

/// `test`: every example of the rules, passing or failing, at its line.
pub(super) fn run_examples(held: &Held, edited: Option<&str>, main: &str) -> Value {
    let files = held.in_memory(edited);
    let loaded = crate::load_with(
        &files,
        std::path::Path::new(main),
        crate::layers::Options::default(),
    );
    let rules = match loaded {
        Ok((rules, _)) => rules,
        Err(e) => {
            return json!({"ok": false, "errors": [{
                "code": Refusal::Rules.code(), "message": e.to_string(),
                "file": main, "line": null, "column": null,
                "help": "fix the errors that `check` lists first",
            }]})
        }
    };
    let examples: Vec<Value> = crate::examples::run(&rules)
        .iter()
        .map(|result| {
            let at = rules.location(result.example.origin.span);
            let failures: Vec<Value> = result
                .failures
                .iter()
                .map(|f| {
                    let at = rules.location(f.span);
                    json!({"what": f.what, "expected": f.expected, "got": f.got,
                           "file": at.file.as_ref(), "line": at.line})
                })
                .collect();
            json!({"title": result.example.title, "passed": result.passed(),
                   "file": at.file.as_ref(), "line": at.line,
                   "failures": failures, "steps": result.steps})
        })
        .collect();
    let failed = examples.iter().filter(|e| e["passed"] == false).count();
    json!({"ok": true, "op": "test", "rules": main,
           "passed": examples.len() - failed, "failed": failed, "examples": examples})
}
