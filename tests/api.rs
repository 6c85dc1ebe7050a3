//! The JSON API (`grille::api::call`): each operation answers what the command
//! line answers, and every bad request is an error as data, never a panic.

use std::process::Command;

use serde_json::{json, Value};

const CGT: &str = "rules/cgt-2008.grille";
const IN_FORCE: &str = "rules/idcc2098-2002.grille";
const WORKFORCE: &str = "examples/workforce.json";

fn call(request: &Value) -> Value {
    call_text(&request.to_string())
}

fn call_text(request: &str) -> Value {
    let response = grille::api::call(request);
    assert!(!response.contains('\n'), "one line: {response}");
    serde_json::from_str(&response).unwrap()
}

/// The workforce's records, as a request carries them.
fn workforce() -> Value {
    serde_json::from_str(&std::fs::read_to_string(WORKFORCE).unwrap()).unwrap()
}

/// The one error of a failed response, checked for the shape every error has.
fn error(response: &Value) -> &Value {
    assert_eq!(response["ok"], false, "{response}");
    let errors = response["errors"].as_array().unwrap();
    assert!(!errors.is_empty(), "{response}");
    for e in errors {
        for key in ["code", "message", "file", "line", "column", "help"] {
            assert!(e.get(key).is_some(), "{key} missing in {e}");
        }
        assert!(!e["message"].as_str().unwrap().is_empty());
    }
    &errors[0]
}

fn grille(args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_grille"))
        .args(args)
        .output()
        .unwrap();
    String::from_utf8(out.stdout).unwrap()
}

fn assert_send_sync<T: Send + Sync>() {}

#[test]
fn rule_sets_and_evaluators_can_be_shared_across_threads() {
    assert_send_sync::<grille::RuleSet>();
    assert_send_sync::<std::sync::Arc<grille::RuleSet>>();
    assert_send_sync::<grille::Evaluator<'static>>();
    assert_send_sync::<grille::diff::Comparer<'static>>();
}

#[test]
fn check_gives_the_warnings_of_the_proposal() {
    let r = call(&json!({"op": "check", "rules": {"path": CGT}}));
    assert_eq!(r["ok"], true, "{r}");
    assert_eq!(r["op"], "check");
    assert_eq!(r["rules"], CGT);
    let roles: Vec<&str> = r["layers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["role"].as_str().unwrap())
        .collect();
    assert_eq!(roles, ["named", "amended", "law"]);
    // README "Diagnostics": six jobs whose entry diploma pays more than their beginner value.
    let above: Vec<&Value> = r["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|w| w["code"] == "grille::entry-diploma-above-job")
        .collect();
    assert_eq!(above.len(), 6, "{r}");
    assert!(above.iter().all(|w| w["file"] == CGT && w["line"].is_u64()));
}

#[test]
fn check_as_of_warns_of_the_levels_below_the_smic() {
    // tests/radar.rs: on 2010-06-15 the rules in force pay level 1 under the SMIC.
    let request = json!({"op": "check", "rules": {"path": IN_FORCE}, "as_of": "2010-06-15"});
    let r = call(&request);
    assert_eq!(r["ok"], true, "{r}");
    let below = r["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|w| w["code"] == "grille::below-smic")
        .count();
    assert!(below >= 1, "{r}");
    let without = call(&json!({"op": "check", "rules": {"path": IN_FORCE}}));
    assert!(!without.to_string().contains("grille::below-smic"));
}

#[test]
fn rules_with_errors_are_errors_with_their_place() {
    let files = json!({"bad.grille": "convention \"x\"\nmétier a \"A\"\n  debutant 120\n"});
    let r = call(&json!({"op": "check", "rules": {"files": files, "main": "bad.grille"}}));
    let e = error(&r);
    assert_eq!(e["code"], "grille::syntax", "{r}");
    assert_eq!(e["file"], "bad.grille");
    assert_eq!(e["line"], 3, "{r}");
    assert!(e["column"].is_u64());
    // Both languages: the English words tools read, the French the workbench shows.
    assert_eq!(e["message"], "unexpected `debutant`", "{r}");
    assert_eq!(e["message_fr"], "`debutant` inattendu", "{r}");
    let help_fr = e["help_fr"].as_str().unwrap_or_default();
    assert!(help_fr.contains("deux-points : debutant : 120"), "{r}");
    // The same from eval: the rules are loaded first.
    let r = call(
        &json!({"op": "eval", "rules": {"files": files, "main": "bad.grille"},
        "facts": [], "as_of": "2026-11-29"}),
    );
    assert_eq!(error(&r)["code"], "grille::syntax");
}

#[test]
fn eval_decides_as_the_command_line_does() {
    let r = call(
        &json!({"op": "eval", "rules": {"path": CGT}, "facts": workforce(),
        "as_of": "2026-11-29"}),
    );
    assert_eq!(r["ok"], true, "{r}");
    let cli: Value = serde_json::from_str(&grille(&[
        "eval",
        CGT,
        WORKFORCE,
        "--as-of",
        "2026-11-29",
        "--format",
        "json",
    ]))
    .unwrap();
    assert_eq!(r["decisions"], cli, "the API's decisions are grille eval's");
    assert_eq!(r["decisions"].as_array().unwrap().len(), 60);
    assert_eq!(r["rejected"], json!([]));
    // E003 works 121.34 h, 20 months in the job (band confirme, 180, level 3):
    // 1.4 × 1500 = 2100 full time, 2100 × 121.34 / 151.67 = 1680.055… → 1680.06,
    // paid 1680.00: 0.06 short.
    let e003 = r["decisions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["id"] == "E003")
        .unwrap();
    assert_eq!(e003["minimum_salary"], "1680.06");
    assert_eq!(e003["salary_shortfall"], "0.06");
}

#[test]
fn eval_keeps_rejections_and_reads_csv_text() {
    let csv = "id,job,job_since\nA1,Téléconseillère,2024-03-01\nA2,Astronaute,2024-03-01\n";
    let r = call(
        &json!({"op": "eval", "rules": {"path": CGT}, "facts_text": csv,
        "format": "csv", "as_of": "2026-11-29"}),
    );
    assert_eq!(r["ok"], true, "{r}");
    assert_eq!(r["decisions"][0]["id"], "A1");
    // 2024-03-01 to 2026-11-29: 32 months, band experimente, 190 (as in the crate doc).
    assert_eq!(r["decisions"][0]["coefficient"], 190);
    let rejected = &r["rejected"][0];
    assert_eq!(rejected["id"], "A2");
    assert_eq!(rejected["position"], "line 3");
    assert!(rejected["reason"].as_str().unwrap().contains("Astronaute"));
}

#[test]
fn eval_with_trace_attaches_the_steps() {
    let facts = json!([{"id": "E1", "job": "Téléconseillère", "job_since": "2024-03-01",
        "hours": "121.34"}]);
    let plain = call(
        &json!({"op": "eval", "rules": {"path": CGT}, "facts": facts,
        "as_of": "2026-11-29"}),
    );
    let traced = call(
        &json!({"op": "eval", "rules": {"path": CGT}, "facts": facts,
        "as_of": "2026-11-29", "trace": true}),
    );
    assert!(plain["decisions"][0].get("trace").is_none(), "{plain}");
    let steps = traced["decisions"][0]["trace"].as_array().unwrap();
    assert!(steps
        .iter()
        .any(|s| s["step"] == "formula" && s["what"] == "minimum-salary"));
    assert_eq!(
        plain["decisions"][0]["minimum_salary"],
        traced["decisions"][0]["minimum_salary"]
    );
}

#[test]
fn facts_are_read_as_written_a_field_twice_is_refused() {
    let r = call_text(&format!(
        r#"{{"op": "eval", "rules": {{"path": "{CGT}"}}, "as_of": "2026-11-29",
            "facts": [{{"id": "E1", "job": "Téléconseillère", "job_since": "2024-03-01",
                        "salary": "1.00", "salary": "2000.00"}}]}}"#
    ));
    assert_eq!(r["ok"], true, "{r}");
    assert_eq!(r["decisions"], json!([]));
    assert!(
        r["rejected"][0]["reason"]
            .as_str()
            .unwrap()
            .contains("twice"),
        "{r}"
    );
}

#[test]
fn rules_given_in_the_request_decide_as_from_the_disk() {
    let read = |p: &str| std::fs::read_to_string(p).unwrap();
    let files = json!({
        "rules/cgt-2008.grille": read(CGT),
        "rules/idcc2098-2002.grille": read(IN_FORCE),
        "rules/loi.grille": read("rules/loi.grille"),
    });
    let base = json!({"op": "eval", "facts": workforce(), "as_of": "2026-11-29"});
    let mut from_disk = base.clone();
    from_disk["rules"] = json!({"path": CGT});
    let mut in_memory = base;
    in_memory["rules"] = json!({"files": files, "main": CGT});
    let (a, b) = (call(&from_disk), call(&in_memory));
    assert_eq!(a["ok"], true);
    assert_eq!(a["decisions"], b["decisions"]);
    // Without the law's file, the link to it is an error at its clause.
    let mut missing = files.clone();
    missing.as_object_mut().unwrap().remove("rules/loi.grille");
    let r = call(&json!({"op": "check", "rules": {"files": missing, "main": CGT}}));
    assert_eq!(error(&r)["code"], "grille::missing-layer", "{r}");
}

#[test]
fn explain_answers_as_the_command_line_does() {
    let args = [
        "explain",
        CGT,
        WORKFORCE,
        "--id",
        "E028",
        "--as-of",
        "2026-11-29",
        "--why-not",
        "220",
        "--run-on",
        "2026-11-30",
    ];
    let r = call(
        &json!({"op": "explain", "rules": {"path": CGT}, "facts": workforce(),
        "as_of": "2026-11-29", "id": "E028", "why_not": "220", "run_on": "2026-11-30"}),
    );
    assert_eq!(r["ok"], true, "{r}");
    assert_eq!(r["text"], grille(&args), "the text is grille explain's");
    let mut cli: Value =
        serde_json::from_str(&grille(&[&args[..], &["--format", "json"]].concat())).unwrap();
    let mut api = r.clone();
    for added in ["ok", "op", "text", "warnings", "facts_warnings"] {
        api.as_object_mut().unwrap().remove(added);
    }
    assert_eq!(
        api,
        cli.take(),
        "the data is grille explain --format json's"
    );
    assert_eq!(r["decision"]["coefficient"], 190);
    assert!(r["text"].as_str().unwrap().contains("Pourquoi pas 220 ?"));
}

#[test]
fn explain_in_english() {
    let r = call(
        &json!({"op": "explain", "rules": {"path": CGT}, "facts": workforce(),
        "as_of": "2026-11-29", "id": "E003", "lang": "en", "run_on": "2026-11-30"}),
    );
    let cli = grille(&[
        "explain",
        CGT,
        WORKFORCE,
        "--id",
        "E003",
        "--as-of",
        "2026-11-29",
        "--lang",
        "en",
        "--run-on",
        "2026-11-30",
    ]);
    assert_eq!(r["text"], cli);
    assert!(cli.starts_with("Employee E003"), "{cli}");
}

#[test]
fn explain_of_an_unknown_id_names_the_closest() {
    let r = call(
        &json!({"op": "explain", "rules": {"path": CGT}, "facts": workforce(),
        "as_of": "2026-11-29", "id": "E0028"}),
    );
    let e = error(&r);
    assert_eq!(e["code"], "grille::unknown-id");
    assert!(e["message"].as_str().unwrap().contains("`E0028`"), "{e}");
    assert!(e["help"].as_str().unwrap().contains("E028"), "{e}");
}

#[test]
fn explain_of_a_duplicate_or_rejected_record_says_so() {
    let facts = json!([
        {"id": "D1", "job": "Téléconseillère", "job_since": "2024-03-01"},
        {"id": "D1", "job": "Téléconseillère", "job_since": "2025-03-01"},
        {"id": "R1", "job": "Téléconseillère", "job_since": "someday"},
    ]);
    let ask = |id: &str| {
        call(
            &json!({"op": "explain", "rules": {"path": CGT}, "facts": facts,
            "as_of": "2026-11-29", "id": id}),
        )
    };
    let d = ask("D1");
    assert_eq!(d["ok"], true, "{d}");
    assert_eq!(d["decision"]["job_since"], Value::Null);
    let note = d["facts_warnings"][0].as_str().unwrap();
    assert!(note.starts_with("2 records have the id `D1`: explaining the first (record 1)"));
    let r = ask("R1");
    assert_eq!(r["ok"], true, "{r}");
    assert_eq!(r["decision"], Value::Null);
    assert_eq!(r["rejected"]["field"], "job_since", "{r}");
    assert!(r["text"]
        .as_str()
        .unwrap()
        .starts_with("rejected: record 3"));
}

#[test]
fn set_replaces_a_parameter_for_the_call() {
    let facts = json!([{"id": "E1", "job": "Téléconseillère", "job_since": "2024-03-01"}]);
    let ask = |set: Value| {
        call(
            &json!({"op": "eval", "rules": {"path": CGT}, "facts": facts,
            "as_of": "2026-11-29", "set": set}),
        )
    };
    // 190 is level 3: 1.4 × smcc; with smcc = 2000.00, 2800.00.
    assert_eq!(
        ask(json!(["smcc=2000.00"]))["decisions"][0]["minimum_salary"],
        "2800.00"
    );
    let e = ask(json!(["smcc"]));
    assert_eq!(error(&e)["code"], "grille::request");
    let e = ask(json!(["nothing=1"]));
    assert!(
        error(&e)["message"].as_str().unwrap().contains("nothing"),
        "{e}"
    );
}

/// Each bad request, the code of its error and a word of its message.
#[test]
fn every_bad_request_is_an_error_with_a_message() {
    let rules = json!({"path": CGT});
    let facts = json!([]);
    let cases: Vec<(String, &str, &str)> = vec![
        ("".into(), "grille::request", "not valid JSON"),
        ("{\"op\": ".into(), "grille::request", "not valid JSON"),
        ("[1, 2]".into(), "grille::request", "not a JSON object"),
        (json!({"op": 1, "rules": rules}).to_string(), "grille::request", "string"),
        (json!({"rules": rules}).to_string(), "grille::request", "`op`"),
        (json!({"op": "decide", "rules": rules}).to_string(), "grille::request", "decide"),
        (json!({"op": "check"}).to_string(), "grille::request", "`rules`"),
        (json!({"op": "check", "rules": rules, "fact": []}).to_string(), "grille::request", "fact"),
        (json!({"op": "check", "rules": {}}).to_string(), "grille::request", "`path` or `files`"),
        (json!({"op": "check", "rules": {"path": "a", "files": {}, "main": "a"}}).to_string(),
            "grille::request", "not both"),
        (json!({"op": "check", "rules": {"files": {}}}).to_string(), "grille::request", "main"),
        (r#"{"op": "check", "rules": {"files": {"a": "", "a": ""}, "main": "a"}}"#.into(),
            "grille::request", "twice"),
        (json!({"op": "check", "rules": {"path": "no/such.grille"}}).to_string(),
            "grille::unreadable", "no/such.grille"),
        (json!({"op": "check", "rules": {"files": {"a.grille": ""}, "main": "b.grille"}})
            .to_string(), "grille::unreadable", "b.grille"),
        (json!({"op": "eval", "rules": rules, "as_of": "2026-11-29"}).to_string(),
            "grille::request", "`facts`"),
        (json!({"op": "eval", "rules": rules, "facts": facts}).to_string(),
            "grille::request", "`as_of`"),
        (json!({"op": "eval", "rules": rules, "facts": facts, "as_of": "29/11/2026"}).to_string(),
            "grille::request", "29/11/2026"),
        (json!({"op": "eval", "rules": rules, "facts": facts, "as_of": "2026-11-29", "id": "E1"})
            .to_string(), "grille::request", "`id`"),
        (json!({"op": "check", "rules": rules, "facts": facts}).to_string(),
            "grille::request", "`facts`"),
        (json!({"op": "eval", "rules": rules, "facts": facts, "facts_text": "",
            "format": "csv", "as_of": "2026-11-29"}).to_string(), "grille::request", "both"),
        (json!({"op": "eval", "rules": rules, "facts_text": "", "as_of": "2026-11-29"})
            .to_string(), "grille::request", "`format`"),
        (json!({"op": "eval", "rules": rules, "facts_text": "", "format": "xls",
            "as_of": "2026-11-29"}).to_string(), "grille::request", "xls"),
        (json!({"op": "eval", "rules": rules, "facts": {"id": "E1"}, "as_of": "2026-11-29"})
            .to_string(), "grille::facts", "facts"),
        (json!({"op": "explain", "rules": rules, "facts": facts, "as_of": "2026-11-29"})
            .to_string(), "grille::request", "`id`"),
        (json!({"op": "explain", "rules": rules, "facts": facts, "as_of": "2026-11-29",
            "id": "E1", "lang": "de"}).to_string(), "grille::request", "de"),
        (json!({"op": "explain", "rules": rules, "facts": facts, "as_of": "2026-11-29",
            "id": "E1", "why_not": "very high"}).to_string(), "grille::request", "why_not"),
        (json!({"op": "explain", "rules": rules, "facts": workforce(), "as_of": "2026-11-29",
            "id": "E028", "why_not": "sommet"}).to_string(), "grille::why-not", "sommet"),
    ];
    for (request, code, word) in &cases {
        let r = call_text(request);
        let e = error(&r);
        assert_eq!(e["code"], *code, "{request}\n→ {r}");
        let message = format!("{} {}", e["message"], e["help"]);
        assert!(
            message.contains(word),
            "`{word}` not in {message} ({request})"
        );
        // A request's problem has its French words beside the English, as
        // diagnostics do.
        if e["code"] == "grille::request" {
            let french = e["message_fr"].as_str().unwrap_or_default();
            assert!(!french.is_empty() && e["message"] != french, "{r}");
            assert!(e["help_fr"].is_string() || e["help"].is_null(), "{r}");
        }
    }
}

#[test]
fn a_syntax_error_of_the_request_has_its_line_and_column() {
    let r = call_text("{\"op\": \"check\",\n \"rules\": {\"path\": }}");
    let e = error(&r);
    assert_eq!(
        (e["line"].as_u64(), e["column"].as_u64()),
        (Some(2), Some(20)),
        "{e}"
    );
}

#[test]
fn every_prefix_of_a_request_is_answered() {
    let request = json!({"op": "eval", "rules": {"path": CGT}, "as_of": "2026-11-29",
        "facts": [{"id": "E1", "job": "Téléconseillère", "job_since": "2024-03-01"}]})
    .to_string();
    let ends = request.char_indices().map(|(i, _)| i);
    for end in ends {
        let r = call_text(&request[..end]);
        assert_eq!(error(&r)["code"], "grille::request", "{}", &request[..end]);
    }
    assert_eq!(call_text(&request)["ok"], true);
}

#[test]
fn the_readme_request_is_answered() {
    let readme = std::fs::read_to_string("README.md").unwrap();
    let section = &readme[readme.find("## JSON API").unwrap()..];
    let start = section.find("```json\n").unwrap() + "```json\n".len();
    let request = &section[start..start + section[start..].find("```").unwrap()];
    let r = call_text(request);
    assert_eq!(r["ok"], true, "{r}");
    assert!(r["text"].as_str().unwrap().contains("Why not 220?"), "{r}");
}

#[test]
fn run_on_names_the_day_an_explanation_is_made_and_only_there() {
    let r = call(
        &json!({"op": "explain", "rules": {"path": CGT}, "facts": workforce(),
        "as_of": "2026-11-29", "id": "E003", "run_on": "2026-12-01"}),
    );
    assert_eq!(r["run_on"], "2026-12-01", "{r}");
    assert!(r["text"]
        .as_str()
        .unwrap()
        .contains("Explication établie le 1er décembre 2026"));
    let r = call(
        &json!({"op": "eval", "rules": {"path": CGT}, "facts": workforce(),
        "as_of": "2026-11-29", "run_on": "2026-12-01"}),
    );
    let e = error(&r);
    assert_eq!(e["code"], "grille::request");
    assert!(e["message"].as_str().unwrap().contains("`run_on`"), "{e}");
    let r = call(
        &json!({"op": "explain", "rules": {"path": CGT}, "facts": workforce(),
        "as_of": "2026-11-29", "id": "E003", "run_on": "1er décembre"}),
    );
    assert_eq!(error(&r)["code"], "grille::request");
}
