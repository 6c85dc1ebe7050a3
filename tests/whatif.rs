//! The what-if for the negotiating table: every employee who loses named with
//! the cause, changes ranked by euros, costs that add up with their
//! populations, scenarios side by side. The figures are worked out by hand in
//! tests/inputs/diff/whatif-notes.md.

mod common;
use common::{check_well_formed, line_of};

use std::process::Command;

use chrono::NaiveDate;
use grille::diff::{self, figures, impact::Kind, Comparer, Impact, Options, Row, Scenario};
use grille::facts::{self, Format};
use grille::RuleSet;
use rust_decimal::Decimal;

const BASE: &str = "rules/idcc2098-2002.grille";
const PROPOSAL: &str = "rules/cgt-2008.grille";
const WORKFORCE: &str = "examples/workforce.json";
const BACK_OFFICE: &str = "tests/inputs/eval/cgt-2008-back-office/facts.json";

fn load(path: &str) -> RuleSet {
    grille::load_path(path, Default::default()).unwrap().0
}

fn as_of() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 29).unwrap()
}

fn money(text: &str) -> Decimal {
    text.parse().unwrap()
}

fn run<'r>(comparer: &Comparer<'r>, path: &str) -> (Impact<'r>, Vec<Row<'r>>) {
    let text = std::fs::read_to_string(path).unwrap();
    let records = facts::read(&text, Format::from_path(path).unwrap()).unwrap();
    let mut rows = Vec::new();
    let impact = comparer
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
    costs: figures::Costs,
) -> figures::Context<'a> {
    figures::Context {
        base: &redline.base,
        proposal: &redline.proposal,
        as_of: as_of(),
        facts,
        impact,
        costs,
        radar: Vec::new(),
    }
}

fn grille(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_grille"))
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn the_one_who_goes_down_is_named_with_the_cause_and_the_full_explanation() {
    let (base, proposal) = (load(BASE), load(PROPOSAL));
    let comparer = Comparer::new(&base, &proposal, as_of());
    let (impact, _) = run(&comparer, WORKFORCE);
    let ids: Vec<&str> = impact
        .losers
        .iter()
        .filter_map(|r| r.id.as_deref())
        .collect();
    assert_eq!(ids, ["E052"], "the only loser of the sample");
    let e052 = &impact.losers[0];
    assert_eq!(e052.losses, ["coefficient", "minimum_salary"]);
    assert_eq!(e052.minimum_salary_change, Some(money("-291.32")));
    assert_eq!(
        e052.cause.as_deref(),
        Some("plancher métier, tranche Expérimenté → 280")
    );
    // The workbench under EN reads the same cause in English.
    assert_eq!(
        e052.cause_en.as_deref(),
        Some("job floor, band Expérimenté → 280")
    );
    let chart = diff::chart::distribution_in(&impact, grille::catalogue::Lang::En);
    assert!(chart.contains("Employees by coefficient, before (base) and after (proposal)"));
    assert!(chart.contains("<title>120 before: "), "{chart}");
    for french in ["avant", "après", "salariés", "côtés"] {
        assert!(!chart.contains(french), "`{french}` in {chart}");
    }
    assert!(diff::chart::distribution(&impact).contains("avant (base) et après (proposition)"));

    let redline = diff::compare(&base, &proposal);
    let c = context(&redline, &impact, WORKFORCE, Default::default());
    let text = diff::text::impact(&c, 10);
    let losers = text
        .split("Salariés qui perdent")
        .nth(1)
        .expect("a losers section");
    assert!(
        losers.contains("E052  Responsable Formation  300 → 280"),
        "{losers}"
    );
    assert!(losers.contains(
        "grille explain rules/cgt-2008.grille examples/workforce.json --id E052 --as-of 2026-11-29"
    ));
    let html = diff::html::report(&redline, Some(&c));
    let section = html.split("id=\"perdants\"").nth(1).unwrap();
    assert!(section.contains("<td>E052</td><td>Responsable Formation</td>"));
}

#[test]
fn the_loser_is_in_the_spreadsheet_with_its_cause() {
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
    let csv = String::from_utf8(out.stdout).unwrap();
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let headers = reader.headers().unwrap().clone();
    let column = |name: &str| headers.iter().position(|h| h == name).unwrap();
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let lost: Vec<&csv::StringRecord> = rows
        .iter()
        .filter(|r| !r[column("losses")].is_empty())
        .collect();
    assert_eq!(lost.len(), 1);
    assert_eq!(&lost[0][column("id")], "E052");
    assert_eq!(&lost[0][column("losses")], "coefficient minimum_salary");
    assert_eq!(&lost[0][column("after_job_name")], "Responsable Formation");
    assert!(lost[0][column("cause")].contains("→ 280"));
    assert!(lost[0][column("explain")].starts_with("grille explain rules/cgt-2008.grille"));
    // Every changed row of the spreadsheet carries its cause.
    let e001 = rows.iter().find(|r| &r[column("id")] == "E001").unwrap();
    assert!(
        e001[column("cause")].starts_with("métier repris : Téléconseiller → Conseiller clientèle"),
        "{:?}",
        e001
    );
    assert_eq!(&e001[column("payroll_raise")], "0.00");
}

#[test]
fn the_largest_changes_are_ranked_by_monthly_euros() {
    let (base, proposal) = (load(BASE), load(PROPOSAL));
    let (impact, _) = run(&Comparer::new(&base, &proposal, as_of()), WORKFORCE);
    let top: Vec<(&str, Decimal)> = impact
        .largest()
        .iter()
        .take(4)
        .map(|r| (r.id.as_deref().unwrap(), r.minimum_salary_change.unwrap()))
        .collect();
    assert_eq!(
        top,
        [
            ("E017", money("1026.97")),
            ("E054", money("1012.78")),
            ("E044", money("981.77")),
            ("E007", money("726.97")),
        ]
    );
    let amounts: Vec<Decimal> = impact
        .largest()
        .iter()
        .map(|r| r.minimum_salary_change.unwrap().abs())
        .collect();
    assert!(amounts.windows(2).all(|w| w[0] >= w[1]), "{amounts:?}");
    // Only the rows shown are traced, and each of them is.
    assert!(impact.largest().iter().all(|r| r.cause.is_some()));
}

#[test]
fn the_headline_costs_match_the_hand_sums_and_say_whom_they_count() {
    let (base, proposal) = (load(BASE), load(PROPOSAL));
    let (impact, _) = run(&Comparer::new(&base, &proposal, as_of()), WORKFORCE);
    let by_job = |id: &str| impact.by_job[&Some(id)].mass.difference();
    assert_eq!(by_job("superviseur"), money("3439.86"));
    assert_eq!(by_job("responsable-formation"), money("-291.32"));
    assert_eq!(by_job("planification-statistique"), money("1725.56"));
    assert_eq!(by_job("formateur"), money("1046.41"));
    assert_eq!(by_job("conseiller-commercial"), money("3640.30"));
    assert_eq!(by_job("conseiller-clientele"), money("9401.33"));
    assert_eq!(impact.mass.employees, 44);
    assert_eq!(impact.mass.difference(), money("18962.14"));
    assert_eq!(impact.only_proposal_mass, money("43470.06"));
    assert_eq!(impact.below_new_minimum.employees, 14);
    assert_eq!(impact.below_new_minimum.monthly, money("1495.84"));
    assert_eq!(
        figures::population(&impact),
        "44 salariés décidés des deux côtés ; 16 décidés par la proposition seule, comptés à part"
    );

    let mut costs = figures::Costs::default();
    costs.set("taux_charges=0.42").unwrap();
    let rows = figures::cost_rows(&impact, costs);
    let cells: Vec<[&str; 3]> = rows
        .iter()
        .map(|r| [r[1].as_str(), r[2].as_str(), r[3].as_str()])
        .collect();
    // Amounts are written with no-break spaces, as the reports print them.
    let cells: Vec<[String; 3]> = cells
        .iter()
        .map(|c| c.map(|s| s.replace('\u{a0}', " ")))
        .collect();
    assert_eq!(
        cells[0],
        ["+18 962,14 €", "+227 545,68 €", "44 salariés comparés"]
    );
    assert_eq!(&cells[1][..2], ["1 495,84 €", "17 950,08 €"]);
    assert!(cells[1][2].starts_with("14 salariés sous le nouveau minimum, sur 60"));
    assert_eq!(&cells[2][..2], ["+7 964,10 €", "+95 569,20 €"]);
    assert_eq!(&cells[3][..2], ["+628,25 €", "+7 539,00 €"]);
    assert!(rows[2][0].contains("estimation"), "{:?}", rows[2]);
    for bad in [
        "charges=0.42",
        "taux_charges=abc",
        "taux_charges=3",
        "taux_charges",
    ] {
        assert!(figures::Costs::default().set(bad).is_err(), "{bad}");
    }
}

#[test]
fn three_smcc_scenarios_in_one_run() {
    let (base, proposal) = (load(BASE), load(PROPOSAL));
    let scenarios: Vec<Scenario> = ["1800.00", "1850.00", "1900.00"]
        .iter()
        .map(|v| Scenario::parse(&proposal, &format!("smcc-{v}:smcc={v}")).unwrap())
        .collect();
    let comparer = Comparer::new(&base, &proposal, as_of()).with_scenarios(&scenarios);
    let (impact, rows) = run(&comparer, WORKFORCE);
    assert_eq!(impact.scenarios.len(), 3);
    assert!(rows.iter().all(|r| r.scenarios.len() == 3));
    let after = impact.mass.after;
    assert_eq!(after, money("96235.73"));
    // Mass after at smcc = 1 500 scaled by smcc / 1 500, up to a cent for each
    // of the 8 part-time employees (see the notes).
    let part_time = Decimal::new(8, 2);
    for (s, smcc) in impact.scenarios.iter().zip(["1800", "1850", "1900"]) {
        let scaled = after * money(smcc) / money("1500");
        assert!(
            (s.mass.after - scaled).abs() <= part_time,
            "{}: {} against {scaled}",
            s.name,
            s.mass.after
        );
        assert_eq!(s.mass.employees, 44);
        assert_eq!(s.changes.get(Kind::Up), 43);
        assert_eq!(s.changes.get(Kind::Down), 1);
        assert_eq!(s.losers, 1);
    }
    assert_eq!(impact.scenarios[0].mass.after, money("115482.87"));
    assert_eq!(impact.scenarios[1].mass.after, money("118690.73"));
    assert_eq!(impact.scenarios[2].mass.after, money("121898.59"));

    let out = grille(&[
        "diff",
        BASE,
        PROPOSAL,
        WORKFORCE,
        "--as-of",
        "2026-11-29",
        "--scenario",
        "a:smcc=1800.00",
        "--scenario",
        "b:smcc=1850.00",
        "--scenario",
        "c:smcc=1900.00",
    ]);
    let text = String::from_utf8(out.stdout).unwrap();
    let table = text.split("Scénarios de la proposition").nth(1).unwrap();
    let header = table.lines().nth(1).unwrap();
    assert_eq!(
        header.split_whitespace().collect::<Vec<_>>(),
        ["proposition", "a", "b", "c"]
    );
    assert!(table.contains("+38\u{a0}209,28\u{a0}€"), "{table}");
    for bad in [["--scenario", "nameless"], ["--scenario", "x:nope=1"]] {
        let out = grille(&["diff", BASE, PROPOSAL, WORKFORCE, bad[0], bad[1]]);
        assert_eq!(out.status.code(), Some(2), "{bad:?}");
        assert!(String::from_utf8_lossy(&out.stderr).contains("--scenario"));
    }
}

#[test]
fn base_from_facts_gives_a_before_to_those_the_base_rejects() {
    let (base, proposal) = (load(BASE), load(PROPOSAL));
    let options = Options {
        base_from_facts: true,
        ..Default::default()
    };
    let comparer = Comparer::new(&base, &proposal, as_of()).with_options(options);
    let (impact, rows) = run(&comparer, WORKFORCE);
    assert_eq!(impact.before_from_facts, 16);
    assert_eq!(impact.mass.employees, 60);
    assert_eq!(
        impact.changes.get(Kind::OnlyProposal),
        16,
        "still rejected by the base"
    );
    let e033 = rows
        .iter()
        .find(|r| r.id.as_deref() == Some("E033"))
        .unwrap();
    assert!(e033.before_from_facts);
    let before = e033.before.as_ref().unwrap();
    assert_eq!(before.coefficient, 230, "the facts' coefficient");
    let base_minimum = grille::eval::Evaluator::new(&base, as_of())
        .reference_minimum(230)
        .unwrap()
        .owed;
    assert_eq!(before.minimum_salary, Some(base_minimum));
    assert_eq!(diff::figures::coefficients(e033), "230 (faits) → 230");
    assert!(figures::population(&impact).contains("16 rejetés par la base, comparés"));
}

#[test]
fn back_office_jobs_that_go_down_on_the_minimum_are_named() {
    let (base, proposal) = (load(BASE), load(PROPOSAL));
    let (impact, _) = run(&Comparer::new(&base, &proposal, as_of()), BACK_OFFICE);
    let lost: Vec<(&str, Decimal)> = impact
        .losers
        .iter()
        .map(|r| (r.id.as_deref().unwrap(), r.minimum_salary_change.unwrap()))
        .collect();
    assert_eq!(
        lost,
        [
            ("P01", money("-14.19")),
            ("P06", money("-406.79")),
            ("P08", money("-291.32")),
        ]
    );
    assert!(impact.losers.iter().all(|r| r.losses == ["minimum_salary"]));
    assert_eq!(
        impact.losers[0].cause.as_deref(),
        Some("minimum : la grille → le SMIC")
    );
}

#[test]
fn the_redline_gives_minima_in_euros_units_and_the_lines_of_each_file() {
    let (base, proposal) = (load(BASE), load(PROPOSAL));
    let redline = diff::compare_at(&base, &proposal, as_of());
    let minima = redline.minima.as_ref().unwrap();
    let row = |c: u32| minima.rows.iter().find(|r| r.coefficient == c).unwrap();
    // 150: 472 × 3,876 = 1 829,472 (accord of 8 April 2025, grid n° 2) against
    // the proposal's 1,2 × 1 500 = 1 800,00, below the SMIC 1 823,03.
    assert_eq!(row(150).before, Some(money("1829.47")));
    assert_eq!(row(150).after, Some(money("1823.03")));
    assert!(row(150).after_law && !row(150).before_law);
    assert_eq!(row(150).change(), Some(money("-6.44")));
    assert_eq!(row(300).change(), Some(money("-291.32")));
    assert!(row(120).before_law && row(120).after_law);
    assert_eq!(
        row(180).before,
        None,
        "180 is no coefficient of the grid in force"
    );

    let text = diff::text::redline(&redline);
    assert!(
        text.contains("## Minima en euros au 29 novembre 2026"),
        "{text}"
    );
    assert!(text.contains("au plus 183 jours (missions_plafond) sur 24 mois (missions_fenetre)"));
    // A parameter whose values are the same, dated otherwise: one line, both files cited.
    let line = text
        .lines()
        .find(|l| l.trim_start().starts_with("heures_reference"))
        .unwrap();
    // The lines cited are those of the declaration in each file, wherever edits move it.
    let declared = |file: &str| line_of(file, "paramètre heures_reference ");
    assert_eq!(
        line,
        format!(
            "  heures_reference : mêmes valeurs (151.67) ; depuis 2008-01-01 → depuis 2008-05-29  \
             (rules/idcc2098-2002.grille:{} | rules/cgt-2008.grille:{})",
            declared("rules/idcc2098-2002.grille"),
            declared("rules/cgt-2008.grille")
        )
    );
    let level_1 = |file: &str| line_of(file, "  niveau 1");
    let cited = format!(
        "  niveau 1  (rules/idcc2098-2002.grille:{} | rules/cgt-2008.grille:{})",
        level_1("rules/idcc2098-2002.grille"),
        level_1("rules/cgt-2008.grille")
    );
    assert!(text.contains(&cited), "{cited}\n{text}");
}

#[test]
fn the_whole_html_report_is_well_formed_and_prints_on_a4() {
    let out = grille(&[
        "diff",
        BASE,
        PROPOSAL,
        WORKFORCE,
        "--as-of",
        "2026-11-29",
        "--format",
        "html",
        "--set-cost",
        "taux_charges=0.42",
        "--scenario",
        "a:smcc=1800.00",
        "--scenario",
        "b:smcc=1850.00",
    ]);
    let html = String::from_utf8(out.stdout).unwrap();
    check_well_formed(&html);
    for section in [
        "en-bref",
        "perdants",
        "scenarios",
        "cout-par-metier",
        "radar-du-smic",
        "redline",
    ] {
        assert!(
            html.contains(&format!("<section id=\"{section}\"")),
            "{section}"
        );
    }
    assert!(html.contains("@page { size: A4;"));
    assert!(html.contains("section { break-before: page; }"));
    assert!(html.contains("Minima en euros au 29 novembre 2026"));
    // The distribution chart says whom it counts, and whom it leaves out.
    assert!(html
        .contains("les mêmes 44 salariés des deux côtés. 16 salariés décidés d&#39;un seul côté"));
}

#[test]
fn the_json_summary_gives_the_costs_with_the_contribution_estimate() {
    let out = grille(&[
        "diff",
        BASE,
        PROPOSAL,
        WORKFORCE,
        "--as-of",
        "2026-11-29",
        "--format",
        "json",
        "--set-cost",
        "taux_charges=0.42",
    ]);
    let value: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let costs = &value["summary"]["costs"];
    assert_eq!(
        costs["minimum_owed_change"]["amount"]["monthly"],
        "18962.14"
    );
    assert_eq!(costs["minimum_owed_change"]["employees"], 44);
    assert_eq!(costs["payroll_raise"]["monthly"], "1495.84");
    let estimate = &costs["employer_contributions_estimate"];
    assert_eq!(estimate["on_minimum_owed_change"]["monthly"], "7964.10");
    assert_eq!(estimate["on_payroll_raise"]["annual"], "7539.00");
}

/// The contribution estimate per job and band of `small.json`, summed by hand
/// in tests/inputs/diff/notes.md ("(c) per job and band"): each share within a
/// cent of its exact value, the shares adding up to the totals of the costs.
#[test]
fn the_contribution_estimate_per_job_and_band_adds_up_to_the_total() {
    let out = grille(&[
        "diff",
        BASE,
        PROPOSAL,
        "tests/inputs/diff/small.json",
        "--as-of",
        "2026-11-29",
        "--format",
        "json",
        "--set-cost",
        "taux_charges=0.42",
    ]);
    let value: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let summary = &value["summary"];
    let total = &summary["costs"]["employer_contributions_estimate"];
    assert_eq!(total["on_minimum_owed_change"]["monthly"], "419.44");
    assert_eq!(total["on_payroll_raise"]["monthly"], "100.79");
    let shares = |list: &str, key: &str| -> Vec<(String, String, String)> {
        summary[list]
            .as_array()
            .unwrap()
            .iter()
            .map(|g| {
                let e = &g["employer_contributions_estimate"];
                let amount = |what: &str| e[what]["monthly"].as_str().unwrap().to_string();
                (
                    g[key].as_str().unwrap_or("").to_string(),
                    amount("on_minimum_owed_change"),
                    amount("on_payroll_raise"),
                )
            })
            .collect()
    };
    let s = |a: &str, b: &str, c: &str| (a.to_string(), b.to_string(), c.to_string());
    // 466.89 × 0.42 = 196.0938 and 531.77 × 0.42 = 223.3434 round to 196.09
    // and 223.34, a cent short of 419.44: the larger remainder takes it.
    assert_eq!(
        shares("by_job", "job"),
        [
            s("conseiller-clientele", "196.10", "100.79"),
            s("conseiller-technique", "0.00", "0.00"),
            s("superviseur", "223.34", "0.00"),
        ]
    );
    assert_eq!(
        shares("by_band", "band"),
        [
            s("confirme", "0.00", "0.00"),
            s("debutant", "116.33", "42.00"),
            s("experimente", "303.11", "58.79"),
        ]
    );
    let annual = &summary["by_job"][0]["employer_contributions_estimate"];
    assert_eq!(annual["on_minimum_owed_change"]["annual"], "2353.20");

    // The terminal summary gives the same shares, labelled as an estimate.
    let text = grille(&[
        "diff",
        BASE,
        PROPOSAL,
        "tests/inputs/diff/small.json",
        "--as-of",
        "2026-11-29",
        "--set-cost",
        "taux_charges=0.42",
    ]);
    let text = String::from_utf8(text.stdout)
        .unwrap()
        .replace('\u{a0}', " ");
    assert!(text.contains("charges est. sur (a)/mois"), "{text}");
    assert!(text.contains("+196,10 €"), "{text}");
    assert!(text.contains("estimation des charges patronales au taux de 42,00 %"));
}
