//! Where the real binary writes: output files (planted links, FIFOs, the input
//! itself, permissions, signals, stale temporary files) and standard streams
//! that cannot be written (a full device, a closed pipe). Linux-only tests skip
//! where what they need (`/dev/full`, `mkfifo`, `/proc`) is missing.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

const BASE: &str = "rules/idcc2098-2002.grille";
const PROPOSAL: &str = "rules/cgt-2008.grille";
const WORKFORCE: &str = "examples/workforce.json";

/// Not an English locale: what grille says to people is French.
fn grille() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_grille"));
    command
        .env("NO_COLOR", "1")
        .env("LANG", "C.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("GRILLE_THREADS");
    command
}

fn run(args: &[&str]) -> Output {
    grille().args(args).output().expect("run grille")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// A folder of its own for one test, removed at the end.
struct Folder(PathBuf);

impl Folder {
    fn new(test: &str) -> Folder {
        let path =
            std::env::temp_dir().join(format!("grille-output-{test}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&path);
        fs::create_dir_all(&path).unwrap();
        Folder(path)
    }

    fn join(&self, name: &str) -> PathBuf {
        self.0.join(name)
    }

    fn arg(&self, name: &str) -> String {
        self.join(name).to_str().unwrap().to_string()
    }

    /// The names in the folder, sorted.
    fn names(&self) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(&self.0)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    fn temporaries(&self) -> Vec<String> {
        self.names()
            .into_iter()
            .filter(|n| n.starts_with('.') && n.ends_with(".tmp"))
            .collect()
    }
}

impl Drop for Folder {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

fn sample_args<'a>(employees: &'a str, output: &'a str) -> Vec<&'a str> {
    vec![
        "sample",
        "--rules",
        PROPOSAL,
        "--employees",
        employees,
        "--seed",
        "1",
        "--as-of",
        "2026-11-29",
        "--output",
        output,
    ]
}

/// The last process id the kernel gave, to guess the next ones.
fn last_pid() -> Option<u32> {
    fs::read_to_string("/proc/sys/kernel/ns_last_pid")
        .ok()?
        .trim()
        .parse()
        .ok()
}

#[cfg(unix)]
#[test]
fn a_link_planted_at_a_temporary_name_is_never_followed() {
    let Some(last) = last_pid() else {
        return; // no /proc: the next pids cannot be guessed
    };
    let folder = Folder::new("planted");
    let victim = folder.join("victim");
    fs::write(&victim, "secret\n").unwrap();
    // `diff --output` used `.NAME.PID.tmp`: plant a link at it for the next pids.
    for pid in last + 1..last + 400 {
        std::os::unix::fs::symlink(&victim, folder.join(&format!(".report.txt.{pid}.tmp")))
            .unwrap();
    }
    let out = run(&[
        "diff",
        BASE,
        PROPOSAL,
        WORKFORCE,
        "--as-of",
        "2026-11-29",
        "--output",
        &folder.arg("report.txt"),
    ]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out)); // 16 one-sided records
    assert_eq!(
        fs::read_to_string(&victim).unwrap(),
        "secret\n",
        "the link was followed"
    );
    let report = fs::symlink_metadata(folder.join("report.txt")).unwrap();
    assert!(report.file_type().is_file(), "the output became {report:?}");
    let text = fs::read_to_string(folder.join("report.txt")).unwrap();
    assert!(
        text.starts_with("Impact sur l'effectif au 29 novembre 2026\n"),
        "{text}"
    );
    let planted = folder.temporaries().len();
    assert_eq!(
        planted, 399,
        "only the planted links remain beside the output"
    );
}

#[cfg(unix)]
#[test]
fn a_fifo_is_written_through_not_replaced() {
    use std::os::unix::fs::FileTypeExt;
    let folder = Folder::new("fifo");
    let fifo = folder.join("pipe");
    match Command::new("mkfifo").arg(&fifo).status() {
        Ok(s) if s.success() => {}
        _ => return, // no mkfifo here
    }
    let (sent, received) = std::sync::mpsc::channel();
    let reading = fifo.clone();
    // Blocks until a writer opens the FIFO; left blocked (and the test failing)
    // when the FIFO is replaced by a file instead.
    std::thread::spawn(move || {
        let _ = sent.send(fs::read_to_string(reading));
    });
    let out = run(&sample_args("5", &folder.arg("pipe")));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let meta = fs::symlink_metadata(&fifo).unwrap();
    assert!(
        meta.file_type().is_fifo(),
        "the FIFO was replaced: {meta:?}"
    );
    let text = received
        .recv_timeout(Duration::from_secs(20))
        .expect("the reader got the sample")
        .unwrap();
    assert_eq!(text.lines().count(), 5, "{text}");
    assert!(text.starts_with("{\"id\":\"S0000001\""), "{text}");
}

#[test]
fn an_output_that_is_an_input_is_refused() {
    let folder = Folder::new("same");
    let facts = folder.join("facts.json");
    fs::copy(WORKFORCE, &facts).unwrap();
    let rules = folder.join("rules.grille");
    fs::copy(PROPOSAL, &rules).unwrap();
    // The files the proposal stands on, beside it (`modifie`, `sous la loi`).
    for layer in [BASE, "rules/loi.grille"] {
        let name = Path::new(layer).file_name().unwrap().to_str().unwrap();
        fs::copy(layer, folder.join(name)).unwrap();
    }
    let before = (fs::read(&facts).unwrap(), fs::read(&rules).unwrap());
    // The same file under another spelling is still the same file.
    let other_spelling = format!("{}/./facts.json", folder.0.display());
    let law = folder.join("loi.grille");
    let cases: Vec<(Vec<String>, &str, &Path)> = vec![
        (
            vec![
                "diff".into(),
                BASE.into(),
                PROPOSAL.into(),
                facts.display().to_string(),
                "--output".into(),
                other_spelling.clone(),
            ],
            "facts file",
            &facts,
        ),
        (
            vec![
                "eval".into(),
                PROPOSAL.into(),
                facts.display().to_string(),
                "--output".into(),
                facts.display().to_string(),
            ],
            "facts file",
            &facts,
        ),
        (
            vec![
                "sample".into(),
                "--rules".into(),
                rules.display().to_string(),
                "--employees".into(),
                "3".into(),
                "--seed".into(),
                "1".into(),
                "--format".into(),
                "jsonl".into(),
                "--output".into(),
                rules.display().to_string(),
            ],
            "rule file",
            &rules,
        ),
        (
            // A file the rules stand on is an input too.
            vec![
                "eval".into(),
                rules.display().to_string(),
                facts.display().to_string(),
                "--output".into(),
                law.display().to_string(),
            ],
            "rule file",
            &law,
        ),
    ];
    for (args, what, input) in &cases {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let out = run(&args);
        let message = stderr(&out);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {message}");
        // French (the locale of these runs is not English).
        let what = match *what {
            "facts file" => "le fichier des faits",
            _ => "le fichier de règles",
        };
        assert!(
            message.contains(&format!("est {what} `{}`", input.display())),
            "names the input: {message}"
        );
        assert!(
            message.contains("--output `"),
            "names the output: {message}"
        );
    }
    assert_eq!(
        (fs::read(&facts).unwrap(), fs::read(&rules).unwrap()),
        before,
        "the inputs are untouched"
    );
    assert_eq!(
        folder.names(),
        [
            "facts.json",
            "idcc2098-2002.grille",
            "loi.grille",
            "rules.grille"
        ]
    );
}

#[cfg(unix)]
#[test]
fn a_replaced_file_keeps_its_permissions() {
    use std::os::unix::fs::PermissionsExt;
    let folder = Folder::new("mode");
    let path = folder.join("private.jsonl");
    fs::write(&path, "old\n").unwrap();
    fs::set_permissions(&path, fs::Permissions::from_mode(0o600)).unwrap();
    let out = run(&sample_args("4", &folder.arg("private.jsonl")));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(fs::read_to_string(&path).unwrap().lines().count(), 4);
    let mode = fs::metadata(&path).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600, "mode {mode:o}");
}

#[test]
fn eval_writes_its_output_file_as_it_writes_stdout() {
    let folder = Folder::new("eval");
    let args = [
        PROPOSAL,
        WORKFORCE,
        "--as-of",
        "2026-11-29",
        "--format",
        "jsonl",
    ];
    let to_stdout = run(&[&["eval"][..], &args].concat());
    assert_eq!(to_stdout.status.code(), Some(0), "{}", stderr(&to_stdout));
    let path = folder.arg("decisions.jsonl");
    let to_file = run(&[&["eval"][..], &args, &["--output", &path]].concat());
    assert_eq!(to_file.status.code(), Some(0), "{}", stderr(&to_file));
    assert!(to_file.stdout.is_empty());
    assert_eq!(fs::read(&path).unwrap(), to_stdout.stdout);
    assert_eq!(to_stdout.stdout.iter().filter(|b| **b == b'\n').count(), 60);
    assert_eq!(folder.names(), ["decisions.jsonl"]);
}

/// Waits for the first temporary file to appear in `folder`.
fn wait_for_temporary(folder: &Folder) -> bool {
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(30) {
        if !folder.temporaries().is_empty() {
            return true;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    false
}

#[cfg(unix)]
#[test]
fn a_signal_removes_the_temporary_file() {
    use std::os::unix::process::ExitStatusExt;
    for (signal, number) in [("TERM", 15), ("INT", 2)] {
        let folder = Folder::new(&format!("signal-{signal}"));
        let output = folder.arg("big.jsonl");
        // Far more than can be written before the signal arrives.
        let mut child = grille()
            .args(sample_args("50000000", &output))
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        assert!(wait_for_temporary(&folder), "no temporary file appeared");
        let killed = Command::new("kill")
            .args([&format!("-{signal}"), &child.id().to_string()])
            .status()
            .unwrap();
        assert!(killed.success());
        let status = child.wait().unwrap();
        assert_eq!(status.signal(), Some(number), "{status:?}");
        assert_eq!(folder.names(), Vec::<String>::new(), "after SIG{signal}");
    }
}

#[cfg(target_os = "linux")]
#[test]
fn stale_temporary_files_of_dead_runs_are_removed() {
    use std::os::unix::fs::symlink;
    let folder = Folder::new("stale");
    // A process that has ended: its pid is free (or soon reused, unlikely here).
    let mut dead = Command::new("true").spawn().unwrap();
    let dead_pid = dead.id();
    dead.wait().unwrap();
    let alive_pid = std::process::id();
    let name = |pid: u32, random: &str| format!(".out.jsonl.grille-{pid}-{random}.tmp");
    let hour_ago = std::time::SystemTime::now() - Duration::from_secs(3600);
    let old_file = |n: &str| {
        let f = fs::File::create(folder.join(n)).unwrap();
        f.set_modified(hour_ago).unwrap();
    };
    let stale = name(dead_pid, "00000000000000aa");
    old_file(&stale);
    let live = name(alive_pid, "00000000000000bb");
    old_file(&live);
    let recent = name(dead_pid, "00000000000000cc");
    fs::write(folder.join(&recent), "").unwrap();
    let other_target = format!(".other.jsonl.grille-{dead_pid}-00000000000000dd.tmp");
    old_file(&other_target);
    let link = name(dead_pid, "00000000000000ee");
    symlink("/nonexistent", folder.join(&link)).unwrap();

    let out = run(&sample_args("2", &folder.arg("out.jsonl")));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let mut expected = vec![live, recent, other_target, link, "out.jsonl".to_string()];
    expected.sort();
    assert_eq!(folder.names(), expected, "only {stale} is removed");
}

/// Opens `/dev/full` for a child's stream, when this system has it.
fn dev_full() -> Option<fs::File> {
    fs::OpenOptions::new().write(true).open("/dev/full").ok()
}

/// Every command that prints to stdout, with the file to give it on stdin.
fn printing_commands() -> Vec<(Vec<&'static str>, Option<&'static str>)> {
    let explain = vec![
        "explain",
        PROPOSAL,
        WORKFORCE,
        "--id",
        "E028",
        "--as-of",
        "2026-11-29",
    ];
    vec![
        (vec!["check", PROPOSAL, "--format", "json"], None),
        (explain.clone(), None),
        ([explain, vec!["--format", "json"]].concat(), None),
        (vec!["fmt", "-"], Some(PROPOSAL)),
        (vec!["test", PROPOSAL], None),
        (
            vec!["eval", PROPOSAL, WORKFORCE, "--as-of", "2026-11-29"],
            None,
        ),
        (
            vec![
                "eval",
                PROPOSAL,
                WORKFORCE,
                "--as-of",
                "2026-11-29",
                "--format",
                "jsonl",
            ],
            None,
        ),
        (
            vec!["diff", BASE, PROPOSAL, WORKFORCE, "--as-of", "2026-11-29"],
            None,
        ),
        (vec!["diff", BASE, PROPOSAL], None),
        (
            vec![
                "sample",
                "--rules",
                PROPOSAL,
                "--employees",
                "20",
                "--seed",
                "1",
            ],
            None,
        ),
        (vec!["--help"], None),
    ]
}

fn stdin_of(input: Option<&str>) -> Stdio {
    match input {
        Some(path) => Stdio::from(fs::File::open(path).unwrap()),
        None => Stdio::null(),
    }
}

#[test]
fn a_full_stdout_is_an_error_with_a_message_not_a_panic() {
    if dev_full().is_none() {
        return;
    }
    for (args, input) in printing_commands() {
        // Not an English locale: the message is French.
        let out = grille()
            .args(&args)
            .env("LANG", "C.UTF-8")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .stdin(stdin_of(input))
            .stdout(dev_full().unwrap())
            .output()
            .unwrap();
        let message = stderr(&out);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {message}");
        assert!(!message.contains("panicked"), "{args:?}: {message}");
        assert!(
            message.contains(
                "erreur : impossible d'écrire sur la sortie standard : plus de place sur le disque"
            ),
            "{args:?}: {message}"
        );
    }
}

#[test]
fn both_streams_full_exit_2_without_a_panic() {
    if dev_full().is_none() {
        return;
    }
    for (args, input) in printing_commands() {
        let out = grille()
            .args(&args)
            .stdin(stdin_of(input))
            .stdout(dev_full().unwrap())
            .stderr(dev_full().unwrap())
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}: {:?}", out.status);
    }
}

#[test]
fn a_full_stderr_does_not_stop_the_decisions() {
    if dev_full().is_none() {
        return;
    }
    // Under the rules in force, 16 of the 60 are rejected: 16 messages lost.
    let out = grille()
        .args([
            "eval",
            BASE,
            WORKFORCE,
            "--as-of",
            "2026-11-29",
            "--format",
            "jsonl",
        ])
        .stderr(dev_full().unwrap())
        .output()
        .unwrap();
    let decided = out.stdout.iter().filter(|b| **b == b'\n').count();
    assert_eq!(decided, 44, "every decision is still written");
    assert_eq!(
        out.status.code(),
        Some(2),
        "the messages were lost: {:?}",
        out.status
    );
}

#[test]
fn a_closed_pipe_ends_quietly_with_exit_0() {
    for (args, input) in printing_commands() {
        let mut child = grille()
            .args(&args)
            .stdin(stdin_of(input))
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // The reader goes away before anything is written, as `| head -0` would.
        drop(child.stdout.take());
        let out = child.wait_with_output().unwrap();
        let message = stderr(&out);
        assert!(!message.contains("panicked"), "{args:?}: {message}");
        assert!(!message.contains("error"), "{args:?}: {message}");
        assert_eq!(out.status.code(), Some(0), "{args:?}: {message}");
    }
}
