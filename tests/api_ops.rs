//! The JSON API's `diff`, `doc` and `replay` (`grille::api::call`): each
//! answers what the command line writes, and every bad request is an error as
//! data.

use std::process::Command;

use serde_json::{json, Value};

const CGT: &str = "rules/cgt-2008.grille";
const IN_FORCE: &str = "rules/idcc2098-2002.grille";
const WORKFORCE: &str = "examples/workforce.json";
const HISTORY: &str = "examples/history.json";
const AS_OF: &str = "2026-11-29";

fn call(request: &Value) -> Value {
    let response = grille::api::call(&request.to_string());
    assert!(!response.contains('\n'), "one line: {response}");
    serde_json::from_str(&response).unwrap()
}

fn records(path: &str) -> Value {
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn error(response: &Value) -> &Value {
    assert_eq!(response["ok"], false, "{response}");
    let first = &response["errors"][0];
    for key in ["code", "message", "file", "line", "column", "help"] {
        assert!(first.get(key).is_some(), "{key} missing in {first}");
    }
    first
}

fn grille(args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_grille"))
        .args(args)
        .output()
        .unwrap();
    String::from_utf8(out.stdout).unwrap()
}

fn diff(extra: Value) -> Value {
    let mut request = json!({"op": "diff", "rules": {"path": CGT}, "base": {"path": IN_FORCE},
        "facts": records(WORKFORCE), "as_of": AS_OF});
    for (key, value) in extra.as_object().unwrap() {
        request[key] = value.clone();
    }
    call(&request)
}

#[test]
fn diff_answers_what_grille_diff_json_writes() {
    let answer = diff(json!({}));
    assert_eq!(answer["ok"], true, "{answer}");
    let cli: Value = serde_json::from_str(&grille(&[
        "diff", IN_FORCE, CGT, WORKFORCE, "--as-of", AS_OF, "--format", "json",
    ]))
    .unwrap();
    assert_eq!(answer["summary"], cli["summary"]);
    assert_eq!(answer["redline"], cli["redline"]);
    // Without `employees`, the aggregates only: a large workforce stays small.
    assert!(answer.get("employees").is_none());
    // The sample's one loser (tests/whatif.rs names him and his cause).
    let losers = answer["summary"]["losers"].as_array().unwrap();
    assert_eq!(losers.len(), 1);
    assert_eq!(losers[0]["id"], "E052");
    // Names people read for the ids (rules/cgt-2008.grille: `métier conseiller-clientele`).
    assert_eq!(
        answer["names"]["jobs"]["conseiller-clientele"],
        "Conseiller clientèle"
    );
    let chart = answer["chart"].as_str().unwrap();
    assert!(
        chart.starts_with("<figure>") && chart.contains("<svg"),
        "{chart}"
    );
}

#[test]
fn diff_with_employees_gives_every_row() {
    let answer = diff(json!({"employees": true, "top": 3}));
    let employees = answer["employees"].as_array().unwrap();
    assert_eq!(
        employees.len(),
        records(WORKFORCE).as_array().unwrap().len()
    );
    assert_eq!(
        answer["summary"]["largest_changes"]
            .as_array()
            .unwrap()
            .len(),
        3
    );
}

#[test]
fn a_scenario_at_the_proposals_own_value_adds_up_as_the_proposal() {
    // The proposal set to smcc = 1850.00, and a scenario of it at the same
    // value: every employee is decided the same under both, so the masses are
    // equal; a scenario at 1900.00 costs more (a higher SMCC raises minima).
    let answer = diff(json!({
        "set_proposal": ["smcc=1850.00"],
        "scenarios": ["same:smcc=1850.00", "higher:smcc=1900.00"],
        "set_cost": ["taux_charges=0.42"],
    }));
    assert_eq!(answer["ok"], true, "{answer}");
    let summary = &answer["summary"];
    let scenarios = summary["scenarios"].as_array().unwrap();
    assert_eq!(scenarios[0]["name"], "same");
    assert_eq!(scenarios[0]["settings"], "smcc = 1850.00");
    let after = |v: &Value| v["minimum_salary_mass"]["after"]["monthly"].clone();
    assert_eq!(after(&scenarios[0]), after(summary));
    let money = |v: Value| v.as_str().unwrap().parse::<f64>().unwrap();
    assert!(money(after(&scenarios[1])) > money(after(summary)));
    assert_eq!(
        summary["costs"]["employer_contributions_estimate"]["rate"],
        "0.42"
    );
}

#[test]
fn diff_problems_are_errors_as_data() {
    let cases = [
        (
            json!({"base": null}),
            "grille::request",
            "`diff` needs `base`",
        ),
        (
            json!({"scenarios": ["no-settings"]}),
            "grille::diff",
            "`scenarios`",
        ),
        (
            json!({"scenarios": ["a:smcc=1.00", "a:smcc=2.00"]}),
            "grille::diff",
            "twice",
        ),
        (
            json!({"set_cost": ["taux=1"]}),
            "grille::diff",
            "`set_cost`",
        ),
        (
            json!({"set_base": ["nothing=1"]}),
            "grille::request",
            "`set_base`",
        ),
        (
            json!({"base": {"path": "rules/none.grille"}}),
            "grille::unreadable",
            "none.grille",
        ),
        (json!({"facts": {"id": "E1"}}), "grille::facts", "array"),
        (
            json!({"from": "2025-01"}),
            "grille::request",
            "`from` is not read by `diff`",
        ),
    ];
    for (extra, code, words) in cases {
        let mut request = json!({"op": "diff", "rules": {"path": CGT}, "base": {"path": IN_FORCE},
            "facts": [], "as_of": AS_OF});
        for (key, value) in extra.as_object().unwrap() {
            match value.is_null() {
                true => request.as_object_mut().unwrap().remove(key),
                false => request
                    .as_object_mut()
                    .unwrap()
                    .insert(key.clone(), value.clone()),
            };
        }
        let answer = call(&request);
        let e = error(&answer);
        assert_eq!(e["code"], code, "{extra}: {answer}");
        assert!(
            e["message"].as_str().unwrap().contains(words),
            "{extra}: {answer}"
        );
    }
}

#[test]
fn a_base_with_errors_is_reported_at_its_lines() {
    let text = std::fs::read_to_string(IN_FORCE)
        .unwrap()
        .replacen("convention", "convntion", 1);
    let answer = call(&json!({"op": "diff", "rules": {"path": IN_FORCE},
        "base": {"files": {"base.grille": text}, "main": "base.grille"},
        "facts": [], "as_of": AS_OF}));
    let e = error(&answer);
    assert_eq!(e["file"], "base.grille", "{answer}");
    assert!(e["line"].as_u64().unwrap() >= 1);
}

#[test]
fn doc_is_the_page_grille_doc_writes() {
    let answer = call(&json!({"op": "doc", "rules": {"path": CGT}, "as_of": AS_OF}));
    assert_eq!(answer["ok"], true, "{answer}");
    let page = grille(&["doc", CGT, "--as-of", AS_OF]);
    assert!(page.starts_with("<!DOCTYPE html>"), "{}", &page[..40]);
    assert_eq!(answer["html"], page);
    assert_eq!(answer["errors"], json!([]));
}

#[test]
fn doc_of_rules_with_errors_lists_them_beside_the_page() {
    // A second `smcc`: the file parses, the checker refuses the name given twice.
    let original = std::fs::read_to_string(CGT).unwrap();
    let text =
        format!("{original}\nparamètre smcc \"Encore\" : montant\n  1.00 € depuis 2020-01-01\n");
    let files = json!({"cgt.grille": text, "idcc2098-2002.grille": std::fs::read_to_string(IN_FORCE).unwrap(),
        "loi.grille": std::fs::read_to_string("rules/loi.grille").unwrap()});
    let answer = call(
        &json!({"op": "doc", "rules": {"files": files, "main": "cgt.grille"}, "as_of": AS_OF}),
    );
    assert_eq!(answer["ok"], true, "{answer}");
    // The declaration's line: the file's lines, the blank one, then it.
    let line = original.lines().count() as u64 + 2;
    let errors = answer["errors"].as_array().unwrap();
    assert!(!errors.is_empty(), "{answer}");
    assert_eq!(
        errors[0]["line"], line,
        "the appended declaration: {answer}"
    );
    assert!(answer["html"].as_str().unwrap().contains("<html"));
}

fn replay(extra: Value) -> Value {
    let mut request = json!({"op": "replay", "rules": {"path": IN_FORCE},
        "facts": records(HISTORY), "id": "E003", "claim_on": "2024-01-15"});
    for (key, value) in extra.as_object().unwrap() {
        request[key] = value.clone();
    }
    call(&request)
}

#[test]
fn replay_answers_what_grille_replay_json_writes() {
    let answer = replay(json!({"from": "2022-12", "to": "2023-06"}));
    assert_eq!(answer["ok"], true, "{answer}");
    let cli: Value = serde_json::from_str(&grille(&[
        "replay",
        IN_FORCE,
        HISTORY,
        "--id",
        "E003",
        "--from",
        "2022-12",
        "--to",
        "2023-06",
        "--claim-on",
        "2024-01-15",
        "--format",
        "json",
    ]))
    .unwrap();
    let cli = &cli[0];
    for key in ["id", "months", "totals", "rights", "warnings"] {
        assert_eq!(answer[key], cli[key], "{key}");
    }
    assert!(answer["text"].as_str().unwrap().contains("E003"));
}

#[test]
fn replay_without_months_takes_those_of_the_payslips() {
    // E003's payslips run from 2022-12 to 2023-06 (examples/history.json).
    let answer = replay(json!({}));
    assert_eq!(answer["ok"], true, "{answer}");
    assert_eq!(
        (answer["from"].as_str(), answer["to"].as_str()),
        (Some("2022-12"), Some("2023-06"))
    );
    assert_eq!(answer["months"].as_array().unwrap().len(), 7);
}

#[test]
fn replay_problems_are_errors_as_data() {
    let no_pay = json!([{"id": "X1", "job": "Secrétaire", "job_since": "2019-09-02"}]);
    let cases = [
        (json!({"id": "E999"}), "grille::unknown-id", "E999"),
        (
            json!({"facts": no_pay, "id": "X1"}),
            "grille::replay",
            "no payslips",
        ),
        (
            json!({"from": "2023-06", "to": "2022-12"}),
            "grille::replay",
            "2023-06",
        ),
        (json!({"from": "juin"}), "grille::request", "`from`"),
        // 601 months: beyond what one request replays (600, fifty years).
        (
            json!({"from": "1974-01", "to": "2024-01"}),
            "grille::replay",
            "601 months",
        ),
        (json!({"claim_on": "hier"}), "grille::request", "`claim_on`"),
    ];
    for (extra, code, words) in cases {
        let answer = replay(extra.clone());
        let e = error(&answer);
        assert_eq!(e["code"], code, "{extra}: {answer}");
        assert!(
            e["message"].as_str().unwrap().contains(words),
            "{extra}: {answer}"
        );
    }
    let mut request = json!({"op": "replay", "rules": {"path": IN_FORCE}, "facts": [], "id": "E1"});
    let e = error(&call(&request)).clone();
    assert!(e["message"].as_str().unwrap().contains("`claim_on`"), "{e}");
    request["claim_on"] = json!("2024-01-15");
    request.as_object_mut().unwrap().remove("id");
    assert!(error(&call(&request))["message"]
        .as_str()
        .unwrap()
        .contains("`id`"));
}

#[test]
fn eval_gives_the_names_of_the_ids_it_decides() {
    let answer = call(&json!({"op": "eval", "rules": {"path": CGT},
        "facts": [{"id": "E1", "job": "Téléconseillère", "job_since": "2024-03-01"}], "as_of": AS_OF}));
    assert_eq!(
        answer["decisions"][0]["job"], "conseiller-clientele",
        "{answer}"
    );
    // rules/cgt-2008.grille: `métier conseiller-clientele "Conseiller clientèle"`.
    assert_eq!(
        answer["names"]["jobs"]["conseiller-clientele"],
        "Conseiller clientèle"
    );
    let band = answer["decisions"][0]["band"].as_str().unwrap();
    assert!(answer["names"]["bands"][band].is_string(), "{answer}");
    let category = answer["decisions"][0]["category"].as_str().unwrap();
    assert!(
        answer["names"]["categories"][category].is_string(),
        "{answer}"
    );
}
