//! `grille diff`: the redline of two rule sets, the impact on a workforce, the
//! reports; the library for the contents, the binary for exit codes and files.

mod common;
use common::check_well_formed;

use std::process::{Command, Output};

use chrono::NaiveDate;
use grille::diff::{self, html, impact::Kind, output, Comparer, Impact, Row};
use grille::facts::{self, Format};
use grille::RuleSet;
use rust_decimal::Decimal;

const BASE: &str = "rules/idcc2098-2002.grille";
const PROPOSAL: &str = "rules/cgt-2008.grille";
const WORKFORCE: &str = "examples/workforce.json";
const SMALL: &str = "tests/inputs/diff/small.json";

fn load(path: &str) -> RuleSet {
    grille::load_path(path, Default::default()).unwrap().0
}

fn as_of() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 29).unwrap()
}

/// The impact and every row of a facts file decided under both rule sets.
fn compare<'r>(base: &'r RuleSet, proposal: &'r RuleSet, path: &str) -> (Impact<'r>, Vec<Row<'r>>) {
    let text = std::fs::read_to_string(path).unwrap();
    let records = facts::read(&text, Format::from_path(path).unwrap()).unwrap();
    let mut rows = Vec::new();
    let options = diff::Options {
        every_cause: true,
        ..Default::default()
    };
    let impact = Comparer::new(base, proposal, as_of())
        .with_options(options)
        .run(records.records.into_iter(), 20, |row| {
            rows.push(row.clone());
            Ok::<(), ()>(())
        })
        .unwrap();
    (impact, rows)
}

fn context<'a>(
    redline: &'a diff::Redline,
    impact: &'a Impact<'a>,
    facts: &'a str,
) -> diff::figures::Context<'a> {
    diff::figures::Context {
        base: &redline.base,
        proposal: &redline.proposal,
        as_of: as_of(),
        facts,
        impact,
        costs: Default::default(),
        radar: Vec::new(),
    }
}

fn money(text: &str) -> Decimal {
    text.parse().unwrap()
}

#[test]
fn redline_of_the_shipped_rules() {
    let redline = diff::compare(&load(BASE), &load(PROPOSAL));
    insta::assert_snapshot!("redline-text", diff::text::redline(&redline));
    insta::assert_snapshot!(
        "redline-json",
        serde_json::to_string_pretty(&redline).unwrap()
    );
}

#[test]
fn a_rule_set_has_no_difference_with_itself() {
    let rules = load(PROPOSAL);
    let redline = diff::compare(&rules, &rules);
    assert!(redline.sections.is_empty());
    let (impact, _) = compare(&rules, &rules, WORKFORCE);
    assert_eq!(impact.changes.get(Kind::Same), 60);
    assert_eq!(impact.mass.difference(), Decimal::ZERO);
}

#[test]
fn impact_on_the_sample_workforce() {
    let (base, proposal) = (load(BASE), load(PROPOSAL));
    let redline = diff::compare(&base, &proposal);
    let (impact, rows) = compare(&base, &proposal, WORKFORCE);
    let context = context(&redline, &impact, WORKFORCE);
    let text = diff::text::impact(&context, 10);
    insta::assert_snapshot!("impact-text", text);

    let mut json = output::JsonWriter::start(Vec::new(), &redline, as_of(), WORKFORCE).unwrap();
    for row in &rows {
        json.row(row).unwrap();
    }
    let json = String::from_utf8(json.finish(&impact).unwrap()).unwrap();
    let value: serde_json::Value = serde_json::from_str(&json).expect("valid JSON");
    assert_eq!(value["employees"].as_array().unwrap().len(), 60);
    insta::assert_snapshot!("impact-json", json);
}

#[test]
fn counts_add_up_to_the_workforce() {
    let (base, proposal) = (load(BASE), load(PROPOSAL));
    let (impact, rows) = compare(&base, &proposal, WORKFORCE);
    assert_eq!(impact.records, 60);
    assert_eq!(rows.len(), 60, "no record is dropped");
    assert_eq!(impact.changes.total(), 60);
    let by_kind: usize = Kind::ALL.iter().map(|k| impact.changes.get(*k)).sum();
    assert_eq!(by_kind, 60);
    assert_eq!(
        impact.by_job.values().map(|g| g.headcount).sum::<usize>(),
        60
    );
    assert_eq!(
        impact.by_band.values().map(|g| g.headcount).sum::<usize>(),
        60
    );
    let before: usize = impact.distribution.values().map(|c| c[0]).sum();
    let after: usize = impact.distribution.values().map(|c| c[1]).sum();
    let decided = |kinds: &[Kind]| kinds.iter().map(|k| impact.changes.get(*k)).sum::<usize>();
    assert_eq!(
        before,
        decided(&[Kind::Up, Kind::Down, Kind::Same, Kind::OnlyBase])
    );
    assert_eq!(
        after,
        decided(&[Kind::Up, Kind::Down, Kind::Same, Kind::OnlyProposal])
    );
    // The base knows no Hotliner: those employees are decided by the proposal only, with the reason.
    let e033 = rows
        .iter()
        .find(|r| r.id.as_deref() == Some("E033"))
        .unwrap();
    assert_eq!(e033.change, Kind::OnlyProposal);
    assert!(e033.before.is_none());
    assert!(e033
        .reason
        .as_deref()
        .unwrap()
        .contains("no job named `Hotliner`"));
}

#[test]
fn rows_agree_with_each_rule_set_decided_alone() {
    // The comparer remembers unknown job names; its rejections must be `decide`'s.
    let (base, proposal) = (load(BASE), load(PROPOSAL));
    let (_, rows) = compare(&base, &proposal, WORKFORCE);
    let text = std::fs::read_to_string(WORKFORCE).unwrap();
    let records = facts::read(&text, Format::Json).unwrap().records;
    for (rules, before) in [(&base, true), (&proposal, false)] {
        let evaluator = grille::Evaluator::new(rules, as_of());
        for (record, row) in records.iter().zip(&rows) {
            let side = if before { &row.before } else { &row.after };
            match evaluator.decide(record.as_ref().unwrap()) {
                Ok(d) => {
                    let side = side.as_ref().unwrap();
                    assert_eq!(
                        (side.job, side.coefficient, side.minimum_salary),
                        (d.job, d.coefficient, d.minimum_salary)
                    );
                }
                Err(r) => {
                    assert!(side.is_none());
                    assert_eq!(
                        row.reason.as_deref(),
                        Some(format!("job: {}", r.reason).as_str()),
                        "{:?}",
                        row.id
                    );
                }
            }
        }
    }
}

#[test]
fn small_workforce_checked_by_hand() {
    // See tests/inputs/diff/notes.md for the derivation.
    let (base, proposal) = (load(BASE), load(PROPOSAL));
    let (impact, rows) = compare(&base, &proposal, SMALL);
    let row = |id: &str| rows.iter().find(|r| r.id.as_deref() == Some(id)).unwrap();
    let (s1, s2) = (row("S1"), row("S2"));
    let (b1, a1) = (s1.before.as_ref().unwrap(), s1.after.as_ref().unwrap());
    assert_eq!(
        (b1.job, b1.band, b1.coefficient, b1.level),
        ("teleconseiller", "debutant", 120, 1)
    );
    assert_eq!(
        (a1.job, a1.band, a1.coefficient, a1.level),
        ("conseiller-clientele", "debutant", 170, 3)
    );
    assert_eq!(
        (b1.minimum_salary, a1.minimum_salary),
        (Some(money("1823.03")), Some(money("2100.00")))
    );
    assert_eq!(
        (s1.change, s1.coefficient_change, s1.minimum_salary_change),
        (Kind::Up, Some(50), Some(money("276.97")))
    );
    let (b2, a2) = (s2.before.as_ref().unwrap(), s2.after.as_ref().unwrap());
    assert_eq!(
        (b2.coefficient, b2.category, b2.status),
        (190, "employes", "non-cadre")
    );
    assert_eq!(
        (a2.coefficient, a2.category, a2.status),
        (200, "tam", "assimile-cadre")
    );
    assert_eq!(
        (b2.minimum_salary, a2.minimum_salary),
        (Some(money("1868.23")), Some(money("2400.00")))
    );
    let s3 = row("S3");
    assert_eq!(
        s3.before.as_ref().unwrap().minimum_salary,
        Some(money("1250.05"))
    );
    assert_eq!(
        s3.after.as_ref().unwrap().minimum_salary,
        Some(money("1439.97"))
    );
    assert_eq!(row("S4").change, Kind::OnlyProposal);

    assert_eq!(
        (
            impact.changes.get(Kind::Up),
            impact.changes.get(Kind::OnlyProposal)
        ),
        (3, 1)
    );
    assert_eq!(impact.mass.employees, 3);
    assert_eq!(impact.mass.before, money("4941.31"));
    assert_eq!(impact.mass.after, money("5939.97"));
    assert_eq!(impact.mass.difference(), money("998.66"));
    assert_eq!(
        impact.mass.difference() * Decimal::from(12),
        money("11983.92")
    );
    assert_eq!(impact.only_proposal_mass, money("2550.00"));
    assert_eq!(
        (
            impact.below_new_minimum.employees,
            impact.below_new_minimum.monthly
        ),
        (2, money("239.97"))
    );
    assert_eq!(impact.below_old_minimum.employees, 0);
    let summary = output::summary(&impact);
    assert_eq!(
        summary["minimum_salary_mass"]["difference"]["annual"],
        "11983.92"
    );
    assert_eq!(
        summary["salaries"]["below_proposal_minimum"]["annual"],
        "2879.64"
    );
}

#[test]
fn raising_the_proposals_smcc_changes_only_minimum_salaries() {
    let base = load(PROPOSAL);
    let mut proposal = base.clone();
    proposal.set_parameter("smcc", "2050.00").unwrap();
    let (impact, rows) = compare(&base, &proposal, WORKFORCE);
    assert_eq!(impact.changes.get(Kind::Up), 60, "every minimum goes up");
    for row in &rows {
        let (before, after) = (row.before.as_ref().unwrap(), row.after.as_ref().unwrap());
        let same = |s: &diff::impact::Side<'_>| {
            (
                s.job.to_string(),
                s.band.to_string(),
                s.coefficient,
                s.level,
                s.category.to_string(),
                s.status.to_string(),
            )
        };
        assert_eq!(same(before), same(after), "{:?}", row.id);
        assert_eq!(row.coefficient_change, Some(0));
        assert!(after.minimum_salary > before.minimum_salary, "{:?}", row.id);
    }
    // A full-time employee at level 3: 1.4 × 2050.00 = 2870.00 instead of 2100.00.
    let e001 = rows
        .iter()
        .find(|r| r.id.as_deref() == Some("E001"))
        .unwrap();
    assert_eq!(
        e001.after.as_ref().unwrap().minimum_salary,
        Some(money("2870.00"))
    );
    let redline = diff::compare(&base, &proposal);
    assert_eq!(redline.sections.len(), 1);
    assert_eq!(redline.sections[0].id, "parameters");
}

#[test]
fn html_report_is_self_contained_and_well_formed() {
    let (base, proposal) = (load(BASE), load(PROPOSAL));
    let redline = diff::compare(&base, &proposal);
    let (impact, _) = compare(&base, &proposal, WORKFORCE);
    let workforce = context(&redline, &impact, WORKFORCE);
    let report = html::report(&redline, Some(&workforce));
    check_well_formed(&report);
    for external in ["http", "src=", "url(", "<script", "@import", "<link"] {
        assert!(
            !report.contains(external),
            "the report references `{external}`"
        );
    }
    assert!(report.contains("@media print"));
    assert!(report.contains("<svg") && report.contains("</svg>"));
    insta::assert_snapshot!("impact-html", report);
    check_well_formed(&html::report(&redline, None));
}

#[test]
fn user_strings_are_escaped_in_html() {
    assert_eq!(
        html::esc("<b>\"R&D\"</b> l'équipe"),
        "&lt;b&gt;&quot;R&amp;D&quot;&lt;/b&gt; l&#39;équipe"
    );
    let text = std::fs::read_to_string(PROPOSAL).unwrap().replace(
        "métier formateur \"Formateur\"",
        "métier formateur \"Formateur <script>alert(1)</script> & co\"",
    );
    let mut files = grille::layers::InMemory::default().with(PROPOSAL, text);
    for other in ["rules/idcc2098-2002.grille", "rules/loi.grille"] {
        files = files.with(other, std::fs::read_to_string(other).unwrap());
    }
    let path = std::path::Path::new(PROPOSAL);
    let (proposal, _) = grille::load_with(&files, path, Default::default()).unwrap();
    let report = html::report(&diff::compare(&load(BASE), &proposal), None);
    check_well_formed(&report);
    assert!(!report.contains("<script"));
    assert!(report.contains("Formateur &lt;script&gt;alert(1)&lt;/script&gt; &amp; co"));
}

// ------------------------------------------------------------------ the binary

/// Not an English locale: what grille says to people is French, unless `--lang en`.
fn grille(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_grille"))
        .args(args)
        .env("NO_COLOR", "1")
        .env("LANG", "C.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .output()
        .expect("run grille")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn exit_0_when_every_record_is_decided_on_both_sides() {
    let out = grille(&[
        "diff",
        PROPOSAL,
        PROPOSAL,
        WORKFORCE,
        "--as-of",
        "2026-11-29",
        "--set-proposal",
        "smcc=2050.00",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains("rules/cgt-2008.grille (proposition) : smcc = 2050.00 pour cette exécution"),
        "{err}"
    );
    assert!(err.contains("60 décidé(s) des deux côtés"), "{err}");
    assert!(
        !err.contains('\r'),
        "no progress when stderr is not a terminal"
    );
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("en hausse (up)"), "{text}");
    let redline = grille(&["diff", BASE, PROPOSAL]);
    assert_eq!(redline.status.code(), Some(0));
    assert!(String::from_utf8(redline.stdout)
        .unwrap()
        .contains("## Métiers repères"));
}

#[test]
fn exit_1_when_a_side_rejects_records_or_the_rules_have_errors() {
    let out = grille(&[
        "diff",
        BASE,
        PROPOSAL,
        WORKFORCE,
        "--as-of",
        "2026-11-29",
        "--format",
        "csv",
    ]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let csv = String::from_utf8(out.stdout.clone()).unwrap();
    let mut lines = csv.lines();
    // The header grows at its end only: the first columns stay where they were.
    let header = lines.next().unwrap();
    assert!(
        header.starts_with(&(output::CSV_HEADER.join(",") + ",")),
        "{header}"
    );
    assert_eq!(header, output::csv_header(&[]).join(","));
    assert_eq!(lines.clone().count(), 60, "one row per employee");
    assert!(lines.any(|l| l.starts_with("E033,conseiller-technique,only-proposal,")));
    assert!(stderr(&out).contains("16 par la proposition seulement"));
    let broken = grille(&[
        "diff",
        BASE,
        "tests/inputs/check/off-grid-coefficient.grille",
    ]);
    assert_eq!(broken.status.code(), Some(1));
}

#[test]
fn usage_errors_exit_2() {
    for args in [
        &["diff", BASE][..],
        &["diff", BASE, PROPOSAL, "no-such-file.json"],
        &["diff", BASE, PROPOSAL, "--format", "csv"],
        &["diff", BASE, PROPOSAL, WORKFORCE, "--format", "pdf"],
        &["diff", BASE, PROPOSAL, WORKFORCE, "--as-of", "31/11/2026"],
        &[
            "diff",
            BASE,
            PROPOSAL,
            WORKFORCE,
            "--set-proposal",
            "smc=2050.00",
        ],
        &[
            "diff",
            BASE,
            PROPOSAL,
            WORKFORCE,
            "--set",
            "heures_reference",
        ],
        &[
            "diff",
            BASE,
            PROPOSAL,
            WORKFORCE,
            "--set-base",
            "smcc=2050.00",
        ],
        &["diff", BASE, PROPOSAL, "README.md"],
    ] {
        let out = grille(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
        assert!(!stderr(&out).is_empty());
    }
    let out = grille(&[
        "diff",
        BASE,
        PROPOSAL,
        WORKFORCE,
        "--set-proposal",
        "smc=2050.00",
    ]);
    assert!(
        stderr(&out).contains(
            "--set-proposal smc=2050.00: le jeu de règles n'a pas de paramètre `smc` ; vouliez-vous dire `smcc` ?"
        ),
        "{}",
        stderr(&out)
    );
}

#[test]
fn output_files_are_written_whole_or_not_at_all() {
    let dir = std::env::temp_dir().join(format!("grille-diff-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let report = dir.join("impact.html");
    let out = grille(&[
        "diff",
        BASE,
        PROPOSAL,
        WORKFORCE,
        "--as-of",
        "2026-11-29",
        "--format",
        "html",
        "--output",
        report.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(out.stdout.is_empty());
    let html = std::fs::read_to_string(&report).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>") && html.ends_with("</html>\n"));
    // A file that breaks off mid-way (a byte Windows-1252 does not define, on
    // line 3, with that encoding forced) leaves nothing behind.
    let broken = dir.join("broken.csv");
    std::fs::write(
        &broken,
        b"id,job,job_since\na,Superviseur,2020-01-01\nb,Superviseur\x81,2020-01-01\n",
    )
    .unwrap();
    let target = dir.join("broken.json");
    let out = grille(&[
        "diff",
        BASE,
        PROPOSAL,
        broken.to_str().unwrap(),
        "--encoding",
        "windows-1252",
        "--format",
        "json",
        "-o",
        target.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("ligne 3"), "{}", stderr(&out));
    assert!(!target.exists());
    let left: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(left.len(), 2, "no temporary file left: {left:?}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn jsonl_and_csv_facts_stream_through_the_binary() {
    let dir = std::env::temp_dir().join(format!("grille-diff-stream-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let jsonl = dir.join("small.jsonl");
    let records: Vec<serde_json::Value> =
        serde_json::from_str(&std::fs::read_to_string(SMALL).unwrap()).unwrap();
    let lines: Vec<String> = records.iter().map(|r| r.to_string()).collect();
    std::fs::write(&jsonl, lines.join("\n") + "\n").unwrap();
    let out = grille(&[
        "diff",
        BASE,
        PROPOSAL,
        jsonl.to_str().unwrap(),
        "--as-of",
        "2026-11-29",
        "--format",
        "json",
    ]);
    assert_eq!(out.status.code(), Some(1));
    let value: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        value["summary"]["minimum_salary_mass"]["difference"]["monthly"],
        "998.66"
    );
    assert_eq!(value["employees"][3]["position"], "line 4");
    let out = grille(&[
        "diff",
        BASE,
        PROPOSAL,
        "examples/workforce.csv",
        "--as-of",
        "2026-11-29",
        "--format",
        "csv",
    ]);
    assert_eq!(String::from_utf8(out.stdout).unwrap().lines().count(), 61);
    std::fs::remove_dir_all(&dir).unwrap();
}

/// READING §10: under the proposal over the rules in force, a back office is
/// decided on both sides — no employee is "only decided by the base" because
/// the proposal does not list their job (tests/inputs/eval/cgt-2008-back-office).
#[test]
fn a_back_office_is_decided_by_both_rule_sets() {
    let (base, proposal) = (load(BASE), load(PROPOSAL));
    let path = "tests/inputs/eval/cgt-2008-back-office/facts.json";
    let (impact, rows) = compare(&base, &proposal, path);
    assert_eq!(rows.len(), 11);
    for row in &rows {
        assert!(row.before.is_some() && row.after.is_some(), "{:?}", row.id);
    }
    assert_eq!(impact.mass.employees, 11);
    let row = |id: &str| rows.iter().find(|r| r.id.as_deref() == Some(id)).unwrap();
    // Secrétaire: 160 on both sides; in force 474 × 3.876 = 1837.224 → 1837.22;
    // the proposal's level 2, 1.2 × 1500 = 1800.00, raised to the SMIC 1823.03.
    let secretary = row("P01");
    let (before, after) = (
        secretary.before.as_ref().unwrap(),
        secretary.after.as_ref().unwrap(),
    );
    assert_eq!((before.coefficient, after.coefficient), (160, 160));
    assert_eq!(
        (before.minimum_salary, after.minimum_salary),
        (Some(money("1837.22")), Some(money("1823.03")))
    );
    assert_eq!(secretary.change, Kind::Down);
    // Directeur commercial, 360: in force 924 × 3.687 = 3406.788 → 3406.79; the
    // proposal's level 8, 2.0 × 1500 = 3000.00.
    assert_eq!(row("P06").minimum_salary_change, Some(money("-406.79")));
    // « Formateur interne », taken over by the proposal's Formateur: 190 → 230.
    let trainer = row("P10");
    assert_eq!(
        (
            trainer.before.as_ref().unwrap().job,
            trainer.after.as_ref().unwrap().job
        ),
        ("formateur-interne", "formateur")
    );
}

/// The redline of an hourly table and a rate writes each value with its unit.
#[test]
fn the_redline_writes_hourly_amounts_with_their_unit() {
    let path = "tests/inputs/eval/hourly-minimums/rules.grille";
    let text = std::fs::read_to_string(path).unwrap();
    let raised = text.replace("12 : 12.08 €/h", "12 : 12.55 €/h");
    assert_ne!(raised, text);
    let (proposal, _) = grille::load("raised.grille", &raised).unwrap();
    let redline = diff::text::redline(&diff::compare(&load(path), &proposal));
    assert!(
        redline.contains("-   depuis 2024-12-01, 12 : 12.08 €/h"),
        "{redline}"
    );
    assert!(
        redline.contains("+   depuis 2024-12-01, 12 : 12.55 €/h"),
        "{redline}"
    );
}
