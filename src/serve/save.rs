//! `POST /api/save`: the only write, of the edited rule file only.
//!
//! `{"text": "…", "force": false}`. The text is checked first, with the files
//! the workbench holds; a text with errors is not written unless `force`. A
//! file changed on the disk since the workbench read it (by an editor, by
//! another workbench) is not overwritten unless `force` either. The previous
//! version is kept as `FILE.bak`; each file is written beside itself and
//! renamed, so that a crash leaves the old file or the new one, never half.

use super::Refusal;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, PoisonError};

use serde::Deserialize;
use serde_json::{json, Value};

use super::held::Held;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Asked {
    text: String,
    #[serde(default)]
    force: bool,
}

/// What a save answered: its HTTP status (200, 400, 409, 422, 500) and body.
pub(super) struct Saved {
    pub status: u16,
    pub body: Value,
}

/// One save at a time: two at once would each keep the other's text as the backup.
static SAVING: Mutex<()> = Mutex::new(());

pub(super) fn save(held: &Held, body: &[u8]) -> Saved {
    let _one_at_a_time = SAVING.lock().unwrap_or_else(PoisonError::into_inner);
    let asked: Asked = match serde_json::from_slice(body) {
        Ok(asked) => asked,
        Err(e) => {
            return refused(
                400,
                Refusal::Request.code(),
                format!("the save request cannot be read: {e}"),
                "send {\"text\": \"the rule file\", \"force\": false}",
            )
        }
    };
    let check = check(held, &asked.text);
    if check["ok"] != true && !asked.force {
        return Saved {
            status: 422,
            body: json!({"ok": false, "saved": false, "errors": check["errors"],
                         "warnings": check["warnings"],
                         "help": "fix the errors, or save anyway with `force`"}),
        };
    }
    let path = held.rules_on_disk();
    let on_disk = match std::fs::read(path) {
        Ok(bytes) => Some(bytes),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => return write_failed(path, &e),
    };
    let changed = on_disk.as_deref() != Some(held.rules_text().as_bytes());
    if changed && !asked.force {
        return refused(
            409,
            Refusal::Changed.code(),
            format!(
                "`{}` changed on the disk since the workbench read it",
                held.rules()
            ),
            "reload the page to see it, or save anyway with `force` (the file on the disk is kept as the backup)",
        );
    }
    match write(path, on_disk.as_deref(), &asked.text) {
        Ok(backup) => {
            held.saved(&asked.text);
            Saved {
                status: 200,
                body: json!({"ok": true, "saved": held.rules(),
                             "backup": backup.map(|b| b.to_string_lossy().into_owned()),
                             "errors": check.get("errors").cloned().unwrap_or(json!([])),
                             "warnings": check["warnings"]}),
            }
        }
        Err(e) => write_failed(path, &e),
    }
}

/// The answer of `check` for the text, under the files held.
fn check(held: &Held, text: &str) -> Value {
    let files: serde_json::Map<String, Value> = held
        .in_memory(Some(text))
        .0
        .into_iter()
        .map(|(path, text)| (path.to_string_lossy().into_owned(), Value::String(text)))
        .collect();
    let request = json!({"op": "check", "rules": {"files": files, "main": held.rules()}});
    serde_json::from_str(&crate::api::call(&request.to_string())).unwrap_or(Value::Null)
}

/// Keeps `previous` as `FILE.bak`, then writes `text`; the backup's path.
fn write(path: &Path, previous: Option<&[u8]>, text: &str) -> std::io::Result<Option<PathBuf>> {
    // Through a symbolic link, the file it points to is the one edited.
    let target = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    let backup = match previous {
        Some(previous) => {
            let backup = with_suffix(path, ".bak");
            replace(&backup, previous)?;
            Some(backup)
        }
        None => None,
    };
    replace(&target, text.as_bytes())?;
    Ok(backup)
}

/// Writes `bytes` beside `path`, then renames it over `path`: a link at `path`
/// is replaced, not followed.
fn replace(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let temporary = with_suffix(path, &format!(".{}.tmp", std::process::id()));
    let written = std::fs::File::create_new(&temporary).and_then(|mut file| {
        file.write_all(bytes)?;
        file.sync_all()
    });
    let renamed = written.and_then(|()| std::fs::rename(&temporary, path));
    if renamed.is_err() {
        let _ = std::fs::remove_file(&temporary);
    }
    renamed
}

fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

fn write_failed(path: &Path, e: &std::io::Error) -> Saved {
    refused(
        500,
        Refusal::Write.code(),
        format!("cannot write `{}`: {e}", path.display()),
        "check that its folder is writable; the rule file itself was not changed",
    )
}

fn refused(status: u16, code: &str, message: String, help: &str) -> Saved {
    Saved {
        status,
        body: json!({"ok": false, "saved": false, "errors": [{
            "code": code, "message": message, "file": null, "line": null,
            "column": null, "help": help,
        }]}),
    }
}
