//! `grille check --as-of DATE`: the levels whose minimum is below the SMIC that
//! day (READING §11), checked by hand against the accords and the SMIC table.

use grille::diag::Code;

fn below(path: &str, day: &str) -> Vec<String> {
    let (rules, _) = grille::load_path(path, Default::default()).unwrap();
    let day = grille::facts::parse_date(day).unwrap();
    grille::radar::below_legal_minimum(&rules, day)
        .into_iter()
        .inspect(|d| assert_eq!(d.code, Code::BelowLegalMinimum))
        .map(|d| d.message)
        .collect()
}

/// On 2010-06-15 the rules in force pay the grid of the avenant of 19 May 2008
/// (point 3,17 €): 120 417 × 3,17 = 1 321,89; 130 418 × 3,17 = 1 325,06;
/// 140 419 × 3,17 = 1 328,23; 150 421 × 3,17 = 1 334,57; 160 430 × 3,17 =
/// 1 363,10; and the SMIC since 2010-01-01 is 1 343,77 € (décret n° 2009-1584):
/// level 1 wholly below it, level 2 at 150 only, level 3 (170: 1 426,50) above.
#[test]
fn the_2008_grid_under_the_smic_of_2010() {
    assert_eq!(
        below("rules/idcc2098-2002.grille", "2010-06-15"),
        [
            "on 2010-06-15, level 1 (coefficients 120, 130, 140) pays 1321.89 to 1328.23, below the SMIC (1343.77)",
            "on 2010-06-15, level 2 (coefficients 150) pays 1334.57, below the SMIC (1343.77)",
        ]
    );
}

/// On 2026-11-29, grid n° 2 of the 2025 accord (point 3,876 €): 120 466 × 3,876
/// = 1 806,22; 140 470 × 3,876 = 1 821,72; 150 472 × 3,876 = 1 829,47, against the
/// SMIC of 2026-01-01, 1 823,03 €: only level 1.
#[test]
fn grid_2_of_2025_under_the_smic_of_2026() {
    assert_eq!(
        below("rules/idcc2098-2002.grille", "2026-11-29"),
        ["on 2026-11-29, level 1 (coefficients 120, 130, 140) pays 1806.22 to 1821.72, below the SMIC (1823.03)"]
    );
}

/// The proposal's level 1 (1,0 × 1 500 = 1 500,00) and level 2 (1 800,00) are
/// below the SMIC of 2026; level 3 (2 100,00) is above it.
#[test]
fn the_proposal_under_the_smic_of_2026() {
    assert_eq!(
        below("rules/cgt-2008.grille", "2026-11-29"),
        [
            "on 2026-11-29, level 1 (coefficients 120 à 140) pays 1500.00, below the SMIC (1823.03)",
            "on 2026-11-29, level 2 (coefficients 150 à 160) pays 1800.00, below the SMIC (1823.03)",
        ]
    );
}

/// Without the law there is nothing to compare with.
#[test]
fn the_agreement_alone_has_no_radar() {
    let options = grille::layers::Options {
        agreement_only: true,
    };
    let (rules, _) = grille::load_path("rules/cgt-2008.grille", options).unwrap();
    let day = grille::facts::parse_date("2026-11-29").unwrap();
    assert!(grille::radar::below_legal_minimum(&rules, day).is_empty());
}
