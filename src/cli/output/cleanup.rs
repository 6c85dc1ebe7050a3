//! Temporary output files: created exclusively, removed on a signal, and those a
//! killed run left behind removed by the next one.
//!
//! A temporary file is named `.NAME.grille-PID-RANDOM.tmp` beside the target
//! `NAME`. While one exists, a thread waits for SIGINT, SIGTERM and SIGHUP: it
//! removes every temporary file of the process, then ends the process by the same
//! signal (the shell sees 130 for Ctrl-C, 143 for `kill`). A run killed outright
//! (`kill -9`) cannot clean up; the next run writing the same target removes the
//! temporary files whose process is gone, that belong to the same user and that
//! nothing has written for ten minutes (a process of another PID namespace sharing
//! the folder may be alive although it is not seen).

use std::fs::{self, File, OpenOptions, Permissions};
use std::hash::{BuildHasher, Hasher};
use std::io;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, Once};
use std::time::Duration;

/// The temporary files of this process, removed on a signal.
static TEMPORARIES: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());
static HANDLER: Once = Once::new();

/// How long a dead process's temporary file must have been left alone to be removed.
const STALE_AFTER: Duration = Duration::from_secs(600);

/// Attempts at a free name before giving up (each draws a new random part).
const ATTEMPTS: usize = 16;

/// Creates a new temporary file in `folder` for the target `name`, with the
/// permissions of the file it will replace; never opens an existing file.
pub fn create_temporary(
    folder: &Path,
    name: &str,
    permissions: Option<&Permissions>,
) -> io::Result<(File, PathBuf)> {
    watch_signals();
    let prefix = prefix(name);
    remove_stale(folder, &prefix);
    let mut last = None;
    for _ in 0..ATTEMPTS {
        let path = folder.join(format!(
            "{prefix}{}-{:016x}.tmp",
            std::process::id(),
            random()
        ));
        // Known before it exists: a signal between its creation and its
        // listing would otherwise leave it behind.
        remember(path.clone());
        match open_new(&path, permissions) {
            Ok(file) => return Ok((file, path)),
            // Taken, by a file or a planted link: not ours; draw another name.
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
                forget(&path);
                last = Some(e);
            }
            Err(e) => {
                forget(&path);
                return Err(e);
            }
        }
    }
    Err(last.unwrap_or_else(|| io::Error::other("no free temporary name")))
}

/// No longer a temporary file of ours (renamed, or removed).
pub fn forget(path: &Path) {
    if let Ok(mut all) = TEMPORARIES.lock() {
        all.retain(|p| p != path);
    }
}

fn remember(path: PathBuf) {
    if let Ok(mut all) = TEMPORARIES.lock() {
        all.push(path);
    }
}

/// `.NAME.grille-`, the name cut short enough to leave room for the rest.
fn prefix(name: &str) -> String {
    let mut end = name.len().min(100);
    while !name.is_char_boundary(end) {
        end -= 1;
    }
    format!(".{}.grille-", &name[..end])
}

fn random() -> u64 {
    // Seeded from the system's randomness once per process, then stepped.
    let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
    hasher.write_u32(std::process::id());
    hasher.finish()
}

/// `create_new` fails on any existing name, a symbolic link included: nothing
/// planted there is ever followed.
fn open_new(path: &Path, permissions: Option<&Permissions>) -> io::Result<File> {
    let mut options = OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    if let Some(p) = permissions {
        use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
        // Never readable by more people than the file it replaces, even while written.
        options.mode(p.mode() & 0o777);
    }
    #[cfg(not(unix))]
    let _ = permissions;
    options.open(path)
}

/// Starts, once, the thread that removes our temporary files on a signal.
fn watch_signals() {
    #[cfg(unix)]
    HANDLER.call_once(|| {
        use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
        let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGINT, SIGTERM, SIGHUP]) else {
            return; // no handler: a signal leaves the file to the next run
        };
        let _ = std::thread::Builder::new()
            .name("grille-signals".to_string())
            .spawn(move || {
                if let Some(signal) = signals.forever().next() {
                    remove_all();
                    let _ = signal_hook::low_level::emulate_default_handler(signal);
                    std::process::exit(128 + signal);
                }
            });
    });
}

fn remove_all() {
    // A thread that panicked holding the list still left a list to clean.
    let all = TEMPORARIES.lock().unwrap_or_else(|e| e.into_inner());
    for path in all.iter() {
        let _ = fs::remove_file(path);
    }
}

/// Removes the temporary files for the same target left by dead processes.
fn remove_stale(folder: &Path, prefix: &str) {
    let Some(me) = Process::me() else {
        return; // no way to tell a dead process here: leave them
    };
    let Ok(entries) = fs::read_dir(folder) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(pid) = name.to_str().and_then(|n| temporary_pid(n, prefix)) else {
            continue;
        };
        if pid != std::process::id() && !me.sees_alive(pid) && me.owns_stale(&entry.path()) {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// The process id in a temporary file's name `PREFIX PID-RANDOM.tmp`.
fn temporary_pid(name: &str, prefix: &str) -> Option<u32> {
    let rest = name.strip_prefix(prefix)?.strip_suffix(".tmp")?;
    let (pid, random) = rest.split_once('-')?;
    let hex = random.len() == 16 && random.bytes().all(|b| b.is_ascii_hexdigit());
    let digits = !pid.is_empty() && pid.bytes().all(|b| b.is_ascii_digit());
    if hex && digits {
        pid.parse().ok()
    } else {
        None
    }
}

/// What this process can tell about others (Linux: through `/proc`).
struct Process {
    #[cfg(unix)]
    uid: u32,
}

impl Process {
    #[cfg(unix)]
    fn me() -> Option<Process> {
        use std::os::unix::fs::MetadataExt;
        let uid = fs::metadata("/proc/self").ok()?.uid();
        Some(Process { uid })
    }

    #[cfg(not(unix))]
    fn me() -> Option<Process> {
        None
    }

    fn sees_alive(&self, pid: u32) -> bool {
        Path::new("/proc").join(pid.to_string()).exists()
    }

    /// A regular file (never a link) of the same user, left alone long enough.
    #[cfg(unix)]
    fn owns_stale(&self, path: &Path) -> bool {
        use std::os::unix::fs::MetadataExt;
        let Ok(m) = fs::symlink_metadata(path) else {
            return false;
        };
        let idle = m
            .modified()
            .ok()
            .and_then(|t| t.elapsed().ok())
            .is_some_and(|d| d >= STALE_AFTER);
        m.is_file() && m.uid() == self.uid && idle
    }

    #[cfg(not(unix))]
    fn owns_stale(&self, _: &Path) -> bool {
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_temporary_name_gives_back_its_pid() {
        let prefix = prefix("out.jsonl");
        assert_eq!(prefix, ".out.jsonl.grille-");
        let name = format!("{prefix}1234-00ff00ff00ff00ff.tmp");
        assert_eq!(temporary_pid(&name, &prefix), Some(1234));
        for other in [
            ".out.jsonl.1234.tmp",
            ".out.jsonl.grille-1234.tmp",
            ".out.jsonl.grille-12a4-00ff00ff00ff00ff.tmp",
            ".out.jsonl.grille-1234-00ff00ff00ff00f.tmp",
            ".out.jsonl.grille--00ff00ff00ff00ff.tmp",
            ".other.grille-1234-00ff00ff00ff00ff.tmp",
        ] {
            assert_eq!(temporary_pid(other, &prefix), None, "{other}");
        }
    }

    #[test]
    fn a_long_name_is_cut_on_a_character() {
        let name = "é".repeat(80); // 160 bytes
        let p = prefix(&name);
        assert!(p.len() <= 100 + ".".len() + ".grille-".len());
        assert!(p.starts_with(".é"));
    }

    #[cfg(unix)]
    #[test]
    fn a_planted_link_is_never_opened() {
        use std::os::unix::fs::symlink;
        let dir = std::env::temp_dir().join(format!("grille-open-new-{}", std::process::id()));
        fs::create_dir_all(&dir).unwrap();
        let victim = dir.join("victim");
        fs::write(&victim, "secret").unwrap();
        symlink(&victim, dir.join("link")).unwrap();
        symlink(dir.join("nothing"), dir.join("dangling")).unwrap();
        for name in ["link", "dangling", "victim"] {
            let err = open_new(&dir.join(name), None).unwrap_err();
            assert_eq!(err.kind(), io::ErrorKind::AlreadyExists, "{name}");
        }
        assert_eq!(fs::read_to_string(&victim).unwrap(), "secret");
        assert!(
            !dir.join("nothing").exists(),
            "nothing created through the link"
        );
        fs::remove_dir_all(&dir).unwrap();
    }
}
