//! The files the workbench holds: read once at the start, the only ones a
//! request may name.

use std::cell::RefCell;
use std::path::{Path, PathBuf};
use std::sync::{PoisonError, RwLock};

use crate::layers::{normalize, Disk, Files, InMemory, Options};

/// The rule file being edited, the files it stands on, and the facts.
pub struct Held {
    /// The edited rule file's path, as named (normalized): the key of its text
    /// and the name its diagnostics carry.
    rules: String,
    /// Where it is written on save: the path as named on the command line.
    rules_on_disk: PathBuf,
    /// Every rule file, the edited one first; its text follows the saves.
    files: RwLock<Vec<(String, String)>>,
    /// The rule file the edited one amends (`modifie`), as held: the base of
    /// the what-if.
    amended: Option<String>,
    facts: Option<HeldFacts>,
}

/// The facts file, as text for the API.
#[derive(Debug, Clone)]
pub struct HeldFacts {
    pub path: String,
    pub text: String,
    /// `json`, `jsonl` or `csv`, as the API's `format` spells it.
    pub format: &'static str,
}

/// Reads from the disk and remembers every file read: loading the rule file
/// once tells which files it stands on.
struct Recording {
    read: RefCell<Vec<(String, String)>>,
}

impl Files for Recording {
    fn read(&self, path: &Path) -> Result<String, String> {
        let text = Disk.read(path)?;
        let key = key(path);
        let mut read = self.read.borrow_mut();
        if !read.iter().any(|(held, _)| *held == key) {
            read.push((key, text.clone()));
        }
        Ok(text)
    }
}

/// The name a held file goes by: its path as named, normalized.
pub(super) fn key(path: &Path) -> String {
    normalize(path).to_string_lossy().into_owned()
}

impl Held {
    /// Reads the rule file, every file it stands on, and the facts. The rule
    /// file may have errors (the user is here to fix them); it must be readable.
    pub fn load(rules: &Path, facts: Option<&Path>) -> Result<Held, String> {
        let recording = Recording {
            read: RefCell::new(Vec::new()),
        };
        // Errors in the rules are for the page; only what was read matters here.
        let amended = match crate::load_with(&recording, rules, Options::default()) {
            Err(crate::LoadError::Unreadable { path, reason }) => {
                return Err(format!("cannot read the rule file `{path}`: {reason}"))
            }
            Err(crate::LoadError::Invalid(_)) => None,
            Ok((loaded, _)) => loaded
                .layers
                .iter()
                .find(|l| l.role == crate::layers::Role::Amended)
                .map(|l| key(Path::new(&l.path))),
        };
        let files = recording.read.into_inner();
        let facts = facts.map(read_facts).transpose()?;
        Ok(Held {
            rules: key(rules),
            rules_on_disk: rules.to_path_buf(),
            files: RwLock::new(files),
            amended,
            facts,
        })
    }

    /// The edited rule file's name.
    pub fn rules(&self) -> &str {
        &self.rules
    }

    pub(super) fn rules_on_disk(&self) -> &Path {
        &self.rules_on_disk
    }

    /// The base of the what-if: the file the edited one amends, else the
    /// edited file as last read or saved.
    pub fn base(&self) -> &str {
        self.amended.as_deref().unwrap_or(&self.rules)
    }

    pub fn facts(&self) -> Option<&HeldFacts> {
        self.facts.as_ref()
    }

    /// Every rule file held, by name, with its text: the edited one first.
    pub fn files(&self) -> Vec<(String, String)> {
        self.files
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }

    /// Whether `name` (as a request writes it) is a rule file held.
    pub fn holds(&self, name: &str) -> bool {
        let key = key(Path::new(name));
        self.files
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .iter()
            .any(|(held, _)| *held == key)
    }

    /// The text of the edited file as last read or saved.
    pub(super) fn rules_text(&self) -> String {
        self.files()
            .into_iter()
            .next()
            .map(|(_, t)| t)
            .unwrap_or_default()
    }

    /// After a save: the edited file's text is the one written.
    pub(super) fn saved(&self, text: &str) {
        let mut files = self.files.write().unwrap_or_else(PoisonError::into_inner);
        if let Some((_, held)) = files.first_mut() {
            *held = text.to_string();
        }
    }

    /// The rule files for one load: those held, the edited one's text replaced
    /// by `edited` when given.
    pub(super) fn in_memory(&self, edited: Option<&str>) -> InMemory {
        let mut memory = InMemory::default();
        for (name, text) in self.files() {
            let text = match (name == self.rules, edited) {
                (true, Some(edited)) => edited.to_string(),
                _ => text,
            };
            memory = memory.with(name, text);
        }
        memory
    }
}

fn read_facts(path: &Path) -> Result<HeldFacts, String> {
    let name = path.to_string_lossy().into_owned();
    let format = match crate::facts::Format::from_path(&name) {
        Some(crate::facts::Format::Json) => "json",
        Some(crate::facts::Format::JsonLines) => "jsonl",
        Some(crate::facts::Format::Csv) => "csv",
        None => {
            return Err(format!(
                "cannot tell the format of `{name}` from its name: name it .json, .jsonl or .csv"
            ))
        }
    };
    let bytes = std::fs::read(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => {
            format!("cannot read the facts file `{name}`: no such file")
        }
        _ => format!("cannot read the facts file `{name}`: {e}"),
    })?;
    let text = String::from_utf8(bytes).map_err(|e| {
        format!(
            "the facts file `{name}` is not UTF-8 text (byte {}): convert it first, e.g. with iconv",
            e.utf8_error().valid_up_to()
        )
    })?;
    Ok(HeldFacts {
        path: key(path),
        text,
        format,
    })
}
