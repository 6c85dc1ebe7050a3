//! Where a command writes its output: the one mechanism for every command that
//! writes a file (`eval`, `diff` and `sample` with `--output`, `fmt` in place).
//!
//! - A regular file (or a name not yet taken) is never written in place: the
//!   output goes to a temporary file created exclusively in the target's folder
//!   (`create_new`: a planted file or symbolic link at its name is never opened,
//!   another name is drawn), is synced to disk, takes the permissions of the file
//!   it replaces, and is renamed over the target once complete. A reader sees the
//!   old file or the new one, never half of one; an interrupted run leaves the
//!   old file. Through a symbolic link, the file it points to is replaced.
//! - Anything else (a device such as `/dev/null`, a FIFO a reader waits on) is
//!   written through, never replaced by a regular file.
//! - An output that is one of the command's inputs (the same file, by device and
//!   inode) is refused before anything is written.
//! - Temporary files are removed when the command fails, and on SIGINT, SIGTERM
//!   and SIGHUP (see [`cleanup`]); those left by a run that was killed outright
//!   (`kill -9`, a power cut) are removed by the next run writing the same target.

mod cleanup;

use std::fs::{self, File, OpenOptions, Permissions};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use super::console::{self, write_failed};
use super::Outcome;

/// An output being written: standard output, a file replaced when complete, or
/// a device or FIFO written through. Dropped before [`Output::commit`], it leaves
/// the target as it was and removes its temporary file.
pub struct Output {
    sink: Sink,
    /// The target as messages name it.
    name: String,
}

enum Sink {
    Stdout(BufWriter<io::Stdout>),
    Replace(Replacement),
    Through(BufWriter<File>),
}

/// A temporary file that becomes the target when complete.
struct Replacement {
    file: BufWriter<File>,
    temporary: PathBuf,
    target: PathBuf,
    /// The permissions of the file replaced, kept by its replacement.
    permissions: Option<Permissions>,
    committed: bool,
}

/// A file the command reads, that its output must not overwrite.
pub struct Input<'a> {
    /// What it is, for the message: "facts file", "rule file".
    pub what: &'a str,
    /// As given on the command line (`-`: standard input).
    pub path: &'a str,
}

impl Output {
    /// Standard output, or the file `path` unless it is one of `inputs`.
    pub fn open(path: Option<&Path>, inputs: &[Input<'_>]) -> Result<Output, String> {
        let Some(path) = path else {
            return Ok(Output {
                sink: Sink::Stdout(BufWriter::with_capacity(1 << 16, io::stdout())),
                name: console::STDOUT.to_string(),
            });
        };
        let name = format!("`{}`", path.display());
        refuse_inputs(path, inputs)?;
        let sink = open_file(path).map_err(|e| super::words::cannot_write(&name, &e))?;
        Ok(Output { sink, name })
    }

    /// [`Output::open`], refusing as well the files the rule sets stand on
    /// (their layers: `sous la loi`, `modifie`).
    pub fn open_over(
        path: Option<&Path>,
        named: Vec<Input<'_>>,
        rules: &[&grille::RuleSet],
    ) -> Result<Output, String> {
        let layers: Vec<String> = rules.iter().flat_map(|r| super::layer_files(r)).collect();
        let mut inputs: Vec<Input<'_>> = named;
        inputs.extend(layers.iter().map(|path| Input {
            what: "rule file",
            path,
        }));
        Output::open(path, &inputs)
    }

    /// How the command ends when writing failed with `e`.
    pub fn failure(&self, e: &io::Error) -> Outcome {
        write_failed(&self.name, e)
    }

    /// Completes the output: flushed, synced and renamed over the target.
    pub fn commit(mut self) -> Result<(), Outcome> {
        let done = match &mut self.sink {
            Sink::Stdout(out) => out.flush(),
            Sink::Through(out) => out.flush(),
            Sink::Replace(r) => r.commit(),
        };
        done.map_err(|e| self.failure(&e))
    }
}

impl Write for Output {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        match &mut self.sink {
            Sink::Stdout(out) => out.write(bytes),
            Sink::Through(out) => out.write(bytes),
            Sink::Replace(r) => r.file.write(bytes),
        }
    }

    fn write_all(&mut self, bytes: &[u8]) -> io::Result<()> {
        match &mut self.sink {
            Sink::Stdout(out) => out.write_all(bytes),
            Sink::Through(out) => out.write_all(bytes),
            Sink::Replace(r) => r.file.write_all(bytes),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match &mut self.sink {
            Sink::Stdout(out) => out.flush(),
            Sink::Through(out) => out.flush(),
            Sink::Replace(r) => r.file.flush(),
        }
    }
}

/// Refuses an output that is one of the inputs: writing it would destroy what
/// is being read.
fn refuse_inputs(path: &Path, inputs: &[Input<'_>]) -> Result<(), String> {
    let Ok(target) = fs::metadata(path) else {
        return Ok(()); // not there yet: nobody reads it
    };
    if !target.is_file() {
        return Ok(()); // a device or a FIFO is written through, not destroyed
    }
    for input in inputs {
        let read = match input.path {
            // Standard input redirected from the target itself (`< facts.jsonl`).
            "-" => fs::metadata("/dev/stdin"),
            p => fs::metadata(p),
        };
        if read.is_ok_and(|read| same_file(&target, &read)) {
            let stdin = if input.path == "-" {
                " (standard input)"
            } else {
                ""
            };
            let target = path.display().to_string();
            return Err(super::words::output_is_input(
                &target,
                (input.what, input.path),
                !stdin.is_empty(),
            ));
        }
    }
    Ok(())
}

#[cfg(unix)]
fn same_file(a: &fs::Metadata, b: &fs::Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    (a.dev(), a.ino()) == (b.dev(), b.ino())
}

#[cfg(not(unix))]
fn same_file(_: &fs::Metadata, _: &fs::Metadata) -> bool {
    false
}

/// Opens what the target calls for: a replacement, or the device itself.
fn open_file(path: &Path) -> Result<Sink, String> {
    let reason = |e: io::Error| super::io_reason(&e);
    match fs::metadata(path) {
        Ok(m) if m.is_dir() => Err(super::words::say(
            ("c'est un dossier", "it is a folder").into(),
        )),
        Ok(m) if m.is_file() => {
            // Through a symbolic link, replace the file it points to, not the link.
            let target = fs::canonicalize(path).map_err(reason)?;
            Replacement::create(target, Some(m.permissions())).map(Sink::Replace)
        }
        Ok(_) => write_through(path).map(Sink::Through),
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            if fs::symlink_metadata(path).is_ok() {
                let said = (
                    "c'est un lien symbolique vers rien",
                    "it is a symbolic link to nothing",
                );
                return Err(super::words::say(said.into()));
            }
            Replacement::create(path.to_path_buf(), None).map(Sink::Replace)
        }
        Err(e) => Err(reason(e)),
    }
}

/// Opens a device or a FIFO for writing, neither created nor truncated.
fn write_through(path: &Path) -> Result<BufWriter<File>, String> {
    let file = OpenOptions::new()
        .write(true)
        .open(path)
        .map_err(|e| super::io_reason(&e))?;
    // Replaced by a regular file since it was looked at: never write into one in place.
    match file.metadata() {
        Ok(m) if !m.is_file() => Ok(BufWriter::with_capacity(1 << 16, file)),
        _ => Err(super::words::say(
            (
                "il a changé pendant son ouverture",
                "it changed while being opened",
            )
                .into(),
        )),
    }
}

impl Replacement {
    fn create(target: PathBuf, permissions: Option<Permissions>) -> Result<Self, String> {
        let name = target
            .file_name()
            .ok_or_else(|| {
                super::words::say(("il ne nomme pas un fichier", "it does not name a file").into())
            })?
            .to_string_lossy()
            .into_owned();
        let folder = match target.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let (file, temporary) = cleanup::create_temporary(&folder, &name, permissions.as_ref())
            .map_err(|e| super::io_reason(&e))?;
        Ok(Replacement {
            file: BufWriter::with_capacity(1 << 16, file),
            temporary,
            target,
            permissions,
            committed: false,
        })
    }

    fn commit(&mut self) -> io::Result<()> {
        self.file.flush()?;
        let file = self.file.get_ref();
        if let Some(permissions) = &self.permissions {
            file.set_permissions(permissions.clone())?;
        }
        file.sync_all()?;
        fs::rename(&self.temporary, &self.target)?;
        self.committed = true;
        cleanup::forget(&self.temporary);
        sync_folder(&self.target);
        Ok(())
    }
}

impl Drop for Replacement {
    fn drop(&mut self) {
        if !self.committed {
            let _ = fs::remove_file(&self.temporary);
            cleanup::forget(&self.temporary);
        }
    }
}

/// Makes the rename itself durable (best effort: not every system can sync a folder).
fn sync_folder(target: &Path) {
    if let Some(folder) = target.parent().filter(|p| !p.as_os_str().is_empty()) {
        let _ = File::open(folder).and_then(|f| f.sync_all());
    }
}
