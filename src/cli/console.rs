//! Standard output and standard error, written without ever panicking.
//!
//! The one rule of the command line for its two streams (clippy.toml forbids
//! `print!`, `println!`, `eprint!` and `eprintln!`, which panic when a stream
//! cannot be written):
//!
//! - standard output is written through [`out`] and [`out_line`], which return the
//!   error; [`write_failed`] turns it into how the command ends: a closed pipe
//!   (`| head -1`) ends it quietly with exit 0, the reader having chosen to stop;
//!   anything else (a full disk) is an error with a message and exit 2;
//! - messages go to standard error through [`say!`] (one line, its control
//!   characters escaped) and [`say_raw`]; they never stop the work: a message that
//!   cannot be written is remembered, and the command then exits 2 (a closed pipe
//!   on stderr excepted) since what it had to say was lost.

use std::io::{self, Write};
use std::sync::atomic::{AtomicBool, Ordering};

use super::Outcome;
use grille::report::for_people;

/// Whether a message could not be written to standard error (but for a closed pipe).
static STDERR_LOST: AtomicBool = AtomicBool::new(false);

/// Writes one line for a person to standard error: `say!("{path}: {n} warning(s)")`.
/// Control characters in it (a newline or an escape sequence inside an id) are
/// escaped, so a value can neither forge another line nor drive the terminal.
macro_rules! say {
    ($($arg:tt)*) => {
        $crate::grille_cli::console::say_line(&format!($($arg)*))
    };
}
pub(crate) use say;

/// See [`say!`].
pub fn say_line(line: &str) {
    let mut text = for_people(line).into_owned();
    text.push('\n');
    say_raw(&text);
}

/// Writes text to standard error as it is (a rendered report, a progress line).
pub fn say_raw(text: &str) {
    let mut err = io::stderr().lock();
    if let Err(e) = err.write_all(text.as_bytes()).and_then(|()| err.flush()) {
        if e.kind() != io::ErrorKind::BrokenPipe {
            STDERR_LOST.store(true, Ordering::Relaxed);
        }
    }
}

/// Writes bytes to standard output as they are (machine formats, or text whose
/// renderer escaped what came from the input).
pub fn out(bytes: &[u8]) -> io::Result<()> {
    let mut stdout = io::stdout().lock();
    stdout.write_all(bytes)?;
    stdout.flush()
}

/// Writes one line for a person to standard output, its control characters escaped.
pub fn out_line(line: &str) -> io::Result<()> {
    let mut text = for_people(line).into_owned();
    text.push('\n');
    out(text.as_bytes())
}

/// How a command ends when writing `what` (standard output, a file) failed.
pub fn write_failed(what: &str, e: &io::Error) -> Outcome {
    if e.kind() == io::ErrorKind::BrokenPipe {
        // The reader went away (`| head`): it chose to stop reading.
        Outcome::Success
    } else {
        Outcome::Usage(super::words::cannot_write(what, &super::io_reason(e)))
    }
}

/// What standard output is called in messages.
pub const STDOUT: &str = "to standard output";

/// The exit status of a command that ended with `code`: 2 when a message could
/// not be written to standard error, since it was lost.
pub fn status(code: u8) -> std::process::ExitCode {
    if STDERR_LOST.load(Ordering::Relaxed) {
        std::process::ExitCode::from(2)
    } else {
        std::process::ExitCode::from(code)
    }
}
