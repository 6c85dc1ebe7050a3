//! `grille serve`: the workbench's API over real HTTP, on an ephemeral port,
//! with a client written by hand (HTTP/1.1 on a TcpStream): the token, Host and
//! Origin checks, the size limit, the paths no request may reach, check, test,
//! eval and save, and the page.
#![cfg(feature = "serve")]

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use serde_json::{json, Value};

/// A folder of its own for each test: the rule files copied there (a save
/// writes), and a file beside the folder that no request may read.
struct Bench {
    /// The test's own folder, removed at the end; `None`: the repository's files.
    root: Option<PathBuf>,
    dir: PathBuf,
    rules: String,
    address: SocketAddr,
    token: String,
}

fn start(with_facts: bool) -> Bench {
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    let root = std::env::temp_dir().join(format!(
        "grille-serve-{}-{}",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::SeqCst)
    ));
    let dir = root.join("rules");
    std::fs::create_dir_all(&dir).unwrap();
    for name in ["cgt-2008.grille", "idcc2098-2002.grille", "loi.grille"] {
        std::fs::copy(Path::new("rules").join(name), dir.join(name)).unwrap();
    }
    // Valid rules outside the files named: reachable on the disk, not through the API.
    std::fs::copy("rules/loi.grille", root.join("outside.grille")).unwrap();
    let rules = dir.join("cgt-2008.grille");
    let config = grille::serve::Config {
        rules: rules.clone(),
        facts: with_facts.then(|| PathBuf::from("examples/workforce.json")),
        listen: None,
    };
    let bound = grille::serve::Workbench::open(&config)
        .unwrap()
        .bind()
        .unwrap();
    let (address, token) = (bound.address(), bound.token().to_string());
    std::thread::spawn(move || bound.run());
    Bench {
        root: Some(root),
        dir,
        rules: rules.to_string_lossy().into_owned(),
        address,
        token,
    }
}

impl Drop for Bench {
    fn drop(&mut self) {
        if let Some(root) = &self.root {
            let _ = std::fs::remove_dir_all(root);
        }
    }
}

/// An answer: status and body.
struct Answer {
    status: u16,
    head: String,
    body: String,
}

impl Answer {
    fn json(&self) -> Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.body))
    }

    fn code(&self) -> String {
        self.json()["errors"][0]["code"]
            .as_str()
            .unwrap_or_default()
            .to_string()
    }
}

impl Bench {
    fn host(&self) -> String {
        format!("127.0.0.1:{}", self.address.port())
    }

    /// Sends `head` (the request line and headers, without the blank line) and `body`.
    fn raw(&self, head: &str, body: &[u8]) -> Answer {
        let mut stream = TcpStream::connect(self.address).unwrap();
        // A server waiting for a body it will not get must fail the test, not hang it.
        let wait = Some(std::time::Duration::from_secs(10));
        stream.set_read_timeout(wait).unwrap();
        let mut request = format!("{head}\r\nConnection: close\r\n\r\n").into_bytes();
        request.extend_from_slice(body);
        // The server may answer before it reads the whole body (a refusal).
        let _ = stream.write_all(&request);
        let mut answer = Vec::new();
        let _ = stream.read_to_end(&mut answer);
        let answer = String::from_utf8(answer).unwrap();
        let (head, body) = answer.split_once("\r\n\r\n").unwrap_or((&answer, ""));
        let status = head
            .split(' ')
            .nth(1)
            .and_then(|s| s.parse().ok())
            .unwrap_or(0);
        Answer {
            status,
            head: head.to_string(),
            body: body.to_string(),
        }
    }

    /// A request with the right Host and token, and `extra` headers.
    fn send(&self, method: &str, path: &str, extra: &[&str], body: &str) -> Answer {
        let mut head = format!(
            "{method} {path} HTTP/1.1\r\nHost: {}\r\nX-Grille-Token: {}\r\nContent-Type: application/json\r\nContent-Length: {}",
            self.host(),
            self.token,
            body.len()
        );
        for header in extra {
            head.push_str("\r\n");
            head.push_str(header);
        }
        self.raw(&head, body.as_bytes())
    }

    fn call(&self, request: &Value) -> Answer {
        self.send("POST", "/api/call", &[], &request.to_string())
    }

    /// A request of `op` on the edited file's `text`.
    fn on_text(&self, op: &str, text: &str) -> Answer {
        self.call(&json!({"op": op, "rules": {"files": {&self.rules: text}, "main": &self.rules}}))
    }

    fn original(&self) -> String {
        std::fs::read_to_string("rules/cgt-2008.grille").unwrap()
    }
}

const CHECK: &str = r#"{"op": "check"}"#;

#[test]
fn a_request_without_the_token_is_refused() {
    let bench = start(false);
    let head = format!(
        "POST /api/call HTTP/1.1\r\nHost: {}\r\nContent-Length: {}",
        bench.host(),
        CHECK.len()
    );
    let answer = bench.raw(&head, CHECK.as_bytes());
    assert_eq!(answer.status, 401, "{}", answer.body);
    assert_eq!(answer.code(), "grille::serve-token");
    // The list of files is an API request too.
    let head = format!("GET /api/files HTTP/1.1\r\nHost: {}", bench.host());
    assert_eq!(bench.raw(&head, b"").status, 401);
}

#[test]
fn a_wrong_token_is_refused_in_either_header() {
    let bench = start(false);
    // The last character changed, to one it is not (a token may end in `0`).
    let (kept, last) = bench.token.split_at(bench.token.len() - 1);
    let wrong = format!("{kept}{}", if last == "0" { "1" } else { "0" });
    for header in [
        format!("X-Grille-Token: {wrong}"),
        format!("Authorization: Bearer {wrong}"),
    ] {
        let head = format!(
            "POST /api/call HTTP/1.1\r\nHost: {}\r\n{header}\r\nContent-Length: {}",
            bench.host(),
            CHECK.len()
        );
        let answer = bench.raw(&head, CHECK.as_bytes());
        assert_eq!(answer.status, 401, "{header}: {}", answer.body);
    }
    // The right token as a bearer is taken.
    let head = format!(
        "POST /api/call HTTP/1.1\r\nHost: {}\r\nAuthorization: Bearer {}\r\nContent-Length: {}",
        bench.host(),
        bench.token,
        CHECK.len()
    );
    assert_eq!(bench.raw(&head, CHECK.as_bytes()).status, 200);
}

#[test]
fn another_host_is_refused_even_with_the_token() {
    let bench = start(false);
    let port = bench.address.port();
    for host in [
        format!("rebound.example:{port}"),
        format!("127.0.0.1:{}", port ^ 1),
    ] {
        let head = format!(
            "POST /api/call HTTP/1.1\r\nHost: {host}\r\nX-Grille-Token: {}\r\nContent-Length: {}",
            bench.token,
            CHECK.len()
        );
        let answer = bench.raw(&head, CHECK.as_bytes());
        assert_eq!(answer.status, 421, "{host}: {}", answer.body);
        assert_eq!(answer.code(), "grille::serve-host");
    }
    // The page too: a rebound name never gets it.
    let head = format!("GET / HTTP/1.1\r\nHost: rebound.example:{port}");
    assert_eq!(bench.raw(&head, b"").status, 421);
    // `localhost` is the same server.
    let head = format!(
        "POST /api/call HTTP/1.1\r\nHost: localhost:{port}\r\nX-Grille-Token: {}\r\nContent-Length: {}",
        bench.token,
        CHECK.len()
    );
    assert_eq!(bench.raw(&head, CHECK.as_bytes()).status, 200);
}

#[test]
fn a_request_from_another_site_is_refused() {
    let bench = start(false);
    let answer = bench.send("POST", "/api/call", &["Origin: http://evil.example"], CHECK);
    assert_eq!(answer.status, 403, "{}", answer.body);
    assert_eq!(answer.code(), "grille::serve-origin");
    let own = format!("Origin: http://{}", bench.host());
    assert_eq!(bench.send("POST", "/api/call", &[&own], CHECK).status, 200);
}

#[test]
fn an_oversized_body_is_refused_with_413() {
    let bench = start(false);
    // Announced: refused before it is read.
    let head = format!(
        "POST /api/call HTTP/1.1\r\nHost: {}\r\nX-Grille-Token: {}\r\nContent-Length: {}",
        bench.host(),
        bench.token,
        3 * 1024 * 1024
    );
    let answer = bench.raw(&head, b"");
    assert_eq!(answer.status, 413, "{}", answer.body);
    assert_eq!(answer.code(), "grille::serve-too-large");
    // Not announced (chunked): refused once read past the limit.
    let big = vec![b' '; grille::serve::BODY_LIMIT + 1];
    let mut body = format!("{:x}\r\n", big.len()).into_bytes();
    body.extend_from_slice(&big);
    body.extend_from_slice(b"\r\n0\r\n\r\n");
    let head = format!(
        "POST /api/call HTTP/1.1\r\nHost: {}\r\nX-Grille-Token: {}\r\nTransfer-Encoding: chunked",
        bench.host(),
        bench.token
    );
    let answer = bench.raw(&head, &body);
    assert_eq!(answer.status, 413, "{}", answer.body);
}

#[test]
fn no_request_reaches_a_path_outside_the_files_named() {
    let bench = start(false);
    let outside = bench.dir.join("../outside.grille");
    let link = bench.dir.join("link.grille");
    std::os::unix::fs::symlink(&bench.rules, &link).unwrap();
    for path in [
        outside.to_string_lossy().into_owned(),
        "../outside.grille".to_string(),
        "/etc/passwd".to_string(),
        link.to_string_lossy().into_owned(),
    ] {
        let answer = bench.call(&json!({"op": "check", "rules": {"path": &path}}));
        assert_eq!(answer.status, 403, "{path}: {}", answer.body);
        assert_eq!(answer.code(), "grille::serve-outside", "{path}");
        // Nor as the file loaded, nor as a text given for it.
        let answer = bench.call(&json!({"op": "check",
            "rules": {"files": {&bench.rules: "x"}, "main": &path}}));
        assert_eq!(answer.status, 403, "{path}");
        let answer = bench.call(&json!({"op": "check",
            "rules": {"files": {&path: "x"}, "main": &bench.rules}}));
        assert_eq!(answer.status, 403, "{path}");
    }
    // A held layer may be loaded by its path: the rules in force.
    let base = bench.dir.join("idcc2098-2002.grille");
    let answer = bench.call(&json!({"op": "check", "rules": {"path": base}}));
    assert_eq!(answer.json()["ok"], true, "{}", answer.body);
    // An edited text naming a file outside: a missing layer, not a read, though
    // the file exists (the absolute path, then the relative one).
    for named in [
        outside.to_string_lossy().into_owned(),
        "../outside.grille".into(),
    ] {
        let text = bench.original().replace(
            "sous la loi \"loi.grille\"",
            &format!("sous la loi \"{named}\""),
        );
        let answer = bench.on_text("check", &text).json();
        assert_eq!(answer["ok"], false, "{named}: {answer}");
        let errors = answer["errors"].to_string();
        assert!(errors.contains("no such file"), "{named}: {errors}");
    }
}

#[test]
fn check_gives_an_edited_texts_diagnostic_at_its_line() {
    let bench = start(false);
    let original = bench.original();
    // A line the grammar does not read, after the file's last line.
    let lines = original.lines().count();
    let text = format!("{original}\nceci n'est pas une règle\n");
    let answer = bench.on_text("check", &text).json();
    assert_eq!(answer["ok"], false, "{answer}");
    let error = &answer["errors"][0];
    // The original's lines, the blank one `\n` adds, then the bad line.
    assert_eq!(error["line"], lines + 2, "{error}");
    assert_eq!(error["file"], bench.rules.as_str());
    // The file as held checks clean: the error is the edit's.
    assert_eq!(bench.call(&json!({"op": "check"})).json()["ok"], true);
}

#[test]
fn examples_and_decisions_come_from_the_files_held() {
    let bench = start(true);
    let examples = bench.on_text("test", &bench.original()).json();
    assert_eq!(examples["ok"], true, "{examples}");
    let count = examples["examples"].as_array().unwrap().len();
    assert!(count > 0, "{examples}");
    assert_eq!(examples["failed"], 0, "{examples}");
    // The workforce given with --facts, decided under the edited text.
    let decided = bench
        .call(&json!({"op": "eval", "as_of": "2026-11-29",
            "rules": {"files": {&bench.rules: bench.original()}, "main": &bench.rules}}))
        .json();
    assert_eq!(decided["ok"], true, "{decided}");
    let workforce: Value =
        serde_json::from_str(&std::fs::read_to_string("examples/workforce.json").unwrap()).unwrap();
    let decisions = decided["decisions"].as_array().unwrap().len();
    let rejected = decided["rejected"].as_array().unwrap().len();
    assert_eq!(decisions + rejected, workforce.as_array().unwrap().len());
    // Without --facts, eval says what is missing.
    let bare = start(false);
    let answer = bare.call(&json!({"op": "eval", "as_of": "2026-11-29"}));
    assert_eq!(answer.status, 400);
    assert!(answer.body.contains("--facts"), "{}", answer.body);
}

#[test]
fn the_what_if_compares_the_edited_text_with_the_rules_it_amends() {
    let bench = start(true);
    let diff = |text: &str, extra: Value| {
        let mut request = json!({"op": "diff", "as_of": "2026-11-29",
            "rules": {"files": {&bench.rules: text}, "main": &bench.rules}});
        for (key, value) in extra.as_object().unwrap() {
            request[key] = value.clone();
        }
        bench.call(&request)
    };
    let as_held = diff(&bench.original(), json!({})).json();
    assert_eq!(as_held["ok"], true, "{as_held}");
    // The base is the file the proposal amends (`modifie`), as held.
    let base = as_held["redline"]["base"]["file"].as_str().unwrap();
    assert!(base.ends_with("idcc2098-2002.grille"), "{base}");
    // A higher SMCC in the edited text raises the minima after, not before.
    let edited = bench.original().replacen(
        "1500.00 € depuis 2008-05-29",
        "1900.00 € depuis 2008-05-29",
        1,
    );
    assert_ne!(edited, bench.original());
    let raised = diff(&edited, json!({"scenarios": ["s:smcc=1500.00"]})).json();
    let mass = |v: &Value, side: &str| {
        v["summary"]["minimum_salary_mass"][side]["monthly"]
            .as_str()
            .unwrap()
            .parse::<f64>()
            .unwrap()
    };
    assert_eq!(mass(&raised, "before"), mass(&as_held, "before"));
    assert!(mass(&raised, "after") > mass(&as_held, "after"));
    // The scenario at the held value adds up as the held text did.
    let scenario = &raised["summary"]["scenarios"][0]["minimum_salary_mass"]["after"];
    assert_eq!(
        scenario,
        &as_held["summary"]["minimum_salary_mass"]["after"]
    );
    // A base outside the files held is refused, like any other path.
    let outside = bench.root.as_ref().unwrap().join("outside.grille");
    let answer = diff(
        &bench.original(),
        json!({"base": {"path": outside.to_string_lossy()}}),
    );
    assert_eq!(
        (answer.status, answer.code().as_str()),
        (403, "grille::serve-outside")
    );
}

#[test]
fn doc_and_replay_answer_on_the_files_held() {
    let bench = start(true);
    let doc = bench
        .call(&json!({"op": "doc", "as_of": "2026-11-29"}))
        .json();
    assert_eq!(doc["ok"], true, "{doc}");
    assert!(doc["html"].as_str().unwrap().starts_with("<!DOCTYPE html>"));
    // The sample workforce carries no payslips: the replay says so.
    let replay = bench.call(&json!({"op": "replay", "id": "E001", "claim_on": "2026-11-29"}));
    assert_eq!(replay.status, 200);
    assert_eq!(replay.code(), "grille::replay", "{}", replay.body);
    assert!(replay.body.contains("no payslips"), "{}", replay.body);
}

#[test]
fn the_files_held_are_listed() {
    let bench = start(true);
    let held = bench.send("GET", "/api/files", &[], "").json();
    assert_eq!(held["rules"], bench.rules.as_str());
    let paths: Vec<&str> = held["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["path"].as_str().unwrap())
        .collect();
    let dir = bench.dir.to_string_lossy();
    assert_eq!(
        paths,
        [
            bench.rules.clone(),
            format!("{dir}/idcc2098-2002.grille"),
            format!("{dir}/loi.grille")
        ]
    );
    assert_eq!(held["files"][0]["role"], "edited");
    assert_eq!(held["facts"]["path"], "examples/workforce.json");
}

#[test]
fn save_keeps_the_previous_version_and_refuses_errors() {
    let bench = start(false);
    let original = bench.original();
    let backup = format!("{}.bak", bench.rules);
    let broken = format!("{original}\nceci n'est pas une règle\n");
    let save = |text: &str, force: bool| {
        bench.send(
            "POST",
            "/api/save",
            &[],
            &json!({"text": text, "force": force}).to_string(),
        )
    };
    let answer = save(&broken, false);
    assert_eq!(answer.status, 422, "{}", answer.body);
    assert_eq!(std::fs::read_to_string(&bench.rules).unwrap(), original);
    assert!(!Path::new(&backup).exists());

    let edited = format!("{original}\n# Relu en séance.\n");
    let answer = save(&edited, false);
    assert_eq!(answer.status, 200, "{}", answer.body);
    assert_eq!(std::fs::read_to_string(&bench.rules).unwrap(), edited);
    assert_eq!(std::fs::read_to_string(&backup).unwrap(), original);
    assert_eq!(answer.json()["backup"], backup.as_str());

    // Changed on the disk meanwhile: not overwritten without `force`.
    std::fs::write(&bench.rules, "# changé ailleurs\n").unwrap();
    assert_eq!(save(&original, false).status, 409);
    assert_eq!(
        std::fs::read_to_string(&bench.rules).unwrap(),
        "# changé ailleurs\n"
    );
    // `force` writes even errors, keeping what was there.
    assert_eq!(save(&broken, true).status, 200);
    assert_eq!(std::fs::read_to_string(&bench.rules).unwrap(), broken);
    assert_eq!(
        std::fs::read_to_string(&backup).unwrap(),
        "# changé ailleurs\n"
    );
    // The layers were never written.
    let base = std::fs::read_to_string(bench.dir.join("idcc2098-2002.grille")).unwrap();
    assert_eq!(
        base,
        std::fs::read_to_string("rules/idcc2098-2002.grille").unwrap()
    );
}

#[test]
fn the_page_is_served_with_its_editor() {
    let bench = start(false);
    let head = format!(
        "GET /?token={} HTTP/1.1\r\nHost: {}",
        bench.token,
        bench.host()
    );
    let page = bench.raw(&head, b"");
    assert_eq!(page.status, 200);
    assert!(
        page.body.contains("<script src=\"/editor.js\""),
        "{}",
        page.body
    );
    assert!(page.body.contains("lang=\"fr\""));
    let head_lower = page.head.to_ascii_lowercase();
    assert!(
        head_lower.contains("content-security-policy: default-src 'self'"),
        "{}",
        page.head
    );
    assert!(head_lower.contains("referrer-policy: no-referrer"));
    // Its script asks the API with the token, and fetches nothing from elsewhere.
    let head = format!("GET /workbench.js HTTP/1.1\r\nHost: {}", bench.host());
    let script = bench.raw(&head, b"");
    assert_eq!(script.status, 200);
    assert!(script.body.contains("X-Grille-Token"));
    assert!(!script.body.contains("http://") && !script.body.contains("https://"));
    // The editor, built once with its licence beside it (tools/editor).
    for (path, words) in [
        ("/editor.js", "GrilleEditor"),
        ("/editor.LICENSE.txt", "@codemirror/view"),
    ] {
        let head = format!("GET {path} HTTP/1.1\r\nHost: {}", bench.host());
        let asset = bench.raw(&head, b"");
        assert_eq!(asset.status, 200, "{path}");
        assert!(asset.body.contains(words), "{path}");
    }
}

#[test]
fn the_command_prints_the_address_and_serves_it() {
    use std::io::BufRead;
    /// Stops the server however the test ends.
    struct Running(std::process::Child);
    impl Drop for Running {
        fn drop(&mut self) {
            let _ = self.0.kill();
            let _ = self.0.wait();
        }
    }
    let mut child = Running(
        std::process::Command::new(env!("CARGO_BIN_EXE_grille"))
            .args(["serve", "rules/cgt-2008.grille"])
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap(),
    );
    let mut line = String::new();
    let stdout = child.0.stdout.take().unwrap();
    std::io::BufReader::new(stdout)
        .read_line(&mut line)
        .unwrap();
    let url = line.trim();
    let rest = url
        .strip_prefix("http://127.0.0.1:")
        .unwrap_or_else(|| panic!("{url}"));
    let (port, token) = rest
        .split_once("/?token=")
        .unwrap_or_else(|| panic!("{url}"));
    assert_eq!(token.len(), 64, "{url}");
    let address: SocketAddr = format!("127.0.0.1:{port}").parse().unwrap();
    let bench = Bench {
        root: None,
        dir: PathBuf::from("rules"),
        rules: "rules/cgt-2008.grille".into(),
        address,
        token: token.to_string(),
    };
    let answer = bench.call(&json!({"op": "check"}));
    drop(child);
    assert_eq!(answer.status, 200, "{}", answer.body);
    assert_eq!(answer.json()["rules"], "rules/cgt-2008.grille");
}

#[test]
fn the_command_says_which_file_it_cannot_read() {
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_grille"))
        .args(["serve", "rules/absente.grille"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("cannot read the rule file `rules/absente.grille`: no such file"),
        "{stderr}"
    );
    assert!(output.stdout.is_empty());
}
