//! Rule-file pipeline: parse → layers → check → evaluate a fixed employee, run
//! the file's examples, apply a `--set`. Nothing may panic, hang or overflow the
//! stack, whatever the bytes. The input is a rule file `fuzz.grille` that may
//! stand on the shipped files (`modifie "idcc2098-2002.grille"`, `sous la loi
//! "loi.grille"`); a last line `#set NAME=VALUE` is applied as `--set` would.
#![no_main]

use libfuzzer_sys::fuzz_target;

const EMPLOYEE: &str = r#"[{"id":"F1","job":"Téléconseiller","job_since":"2024-02-29","diploma":"bac","hours":"121.34","salary":"1500.00","previous_sector_coefficient":195,"missions":[{"job":"Superviseur","start":"2024-01-01","end":"2024-09-30"}],"moves":[{"from":"Superviseur","to":"Téléconseiller","on":"2026-01-31","trial_renewed":true}]}]"#;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let files = grille::layers::InMemory::default()
        .with("fuzz.grille", text)
        .with("idcc2098-2002.grille", include_str!("../../rules/idcc2098-2002.grille"))
        .with("cgt-2008.grille", include_str!("../../rules/cgt-2008.grille"))
        .with("loi.grille", include_str!("../../rules/loi.grille"));
    let path = std::path::Path::new("fuzz.grille");
    let loaded = grille::load_with(&files, path, grille::layers::Options::default());
    let Ok((mut rules, reports)) = loaded else { return };
    for report in &reports {
        let _ = report.render(false);
    }
    if let Some((name, value)) = text
        .lines()
        .last()
        .and_then(|l| l.strip_prefix("#set "))
        .and_then(|l| l.split_once('='))
    {
        if grille::set_parameter(&mut rules, name, value).is_err() {
            return;
        }
    }
    let facts = grille::facts::read(EMPLOYEE, grille::facts::Format::Json).expect("fixed facts");
    let as_of = chrono::NaiveDate::from_ymd_opt(2026, 11, 29).unwrap();
    let evaluator = grille::Evaluator::new(&rules, as_of);
    for record in facts.records.iter().flatten() {
        let _ = evaluator.decide(record);
        let _ = evaluator.decide_traced(record);
        if let Ok(target) = grille::explain::Target::parse("220") {
            let _ = grille::explain::why_not(&evaluator, record, &target);
        }
    }
    let _ = grille::examples::run(&rules);
});
