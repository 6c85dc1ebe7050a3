//! Checking grows linearly with the rule file (issue #18.6): generated files of
//! n and 8n jobs, with shared aliases (ambiguous names) and blank bands (one
//! warning per job), are checked and their report rendered; the larger must
//! not take more than 24 times as long as the smaller (linear: 8; quadratic:
//! 64). Each size is timed three times and the fastest kept, so that a busy
//! machine slows both sides rather than one.
#![allow(clippy::disallowed_macros)] // a test prints its measurements

use std::time::{Duration, Instant};

/// A rule file of `jobs` jobs: every two share an alias, every job has a blank
/// band, and a few cells name unknown bands and off-grid coefficients.
fn generated(jobs: usize) -> String {
    let mut text = String::from(
        "paramètre smcc : montant\n  1500.00 € depuis 2008-05-29\n\
         catégorie employes \"Employés\"\n\
         \x20 niveau 1 : coefficients 120 à 140, minimum 1.2 × smcc\n\
         \x20 niveau 2 : coefficients 150 à 200, minimum 1.3 × smcc\n\
         ancienneté standard\n\
         \x20 tranche debutant : de 0 à 6 mois\n\
         \x20 tranche confirme : de 6 à 24 mois\n\
         \x20 tranche experimente : à partir de 24 mois\n\
         classement\n  plancher métier\n  le plus élevé l'emporte\n\
         statut\n  non-cadre sinon\n",
    );
    for i in 0..jobs {
        text.push_str(&format!(
            "métier job-{i} \"Métier numéro {i}\"\n  appellations \"Appellation {}\"\n  \
             debutant : {}\n  confirme : vide\n  experimente : {}\n",
            i / 2,
            120 + i % 21,
            if i % 1000 == 7 { 145 } else { 150 + i % 51 },
        ));
        if i % 1000 == 3 {
            text.push_str("  experimentee : 150\n");
        }
    }
    text
}

fn check_and_render(text: &str) -> (Duration, usize) {
    let start = Instant::now();
    let report = match grille::load("generated.grille", text) {
        Ok((_, report)) => report,
        Err(report) => report,
    };
    let rendered = report.render(false);
    (start.elapsed(), rendered.len() + report.diagnostics.len())
}

fn fastest_of_three(text: &str) -> Duration {
    (0..3).map(|_| check_and_render(text).0).min().unwrap()
}

#[test]
fn checking_grows_linearly_with_the_number_of_jobs() {
    let (small, large) = (generated(1_500), generated(12_000));
    let (_, diagnostics) = check_and_render(&small);
    assert!(diagnostics > 2_000, "the file raises warnings on every job");
    let (t_small, t_large) = (fastest_of_three(&small), fastest_of_three(&large));
    let ratio = t_large.as_secs_f64() / t_small.as_secs_f64();
    eprintln!("{t_small:?} → {t_large:?}: {ratio:.1}×");
    assert!(
        ratio < 24.0,
        "8 times the jobs took {ratio:.1} times as long ({t_small:?} → {t_large:?})"
    );
}
