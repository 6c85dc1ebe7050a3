//! Rule-file pipeline: parse → check → evaluate a fixed employee, run the file's examples.
//! Nothing may panic, hang or overflow the stack, whatever the bytes.
#![no_main]

use libfuzzer_sys::fuzz_target;

const EMPLOYEE: &str = r#"[{"id":"F1","job":"Téléconseiller","job_since":"2024-02-29","diploma":"bac","hours":"121.34","salary":"1500.00","previous_sector_coefficient":195,"missions":[{"job":"Superviseur","start":"2024-01-01","end":"2024-09-30"}],"moves":[{"from":"Superviseur","to":"Téléconseiller","on":"2026-01-31","trial_renewed":true}]}]"#;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let Ok((rules, report)) = grille::load("fuzz.grille", text) else { return };
    let _ = report.render(false);
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
