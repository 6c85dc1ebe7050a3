//! Syntax errors: a pest error in the language's own words.

use pest::error::{ErrorVariant, InputLocation};

use super::Rule;
use crate::diag::{Code, Diagnostic};
use crate::span::Span;

/// A pest error, in the language's own words.
pub(super) fn syntax_error(source: &str, error: pest::error::Error<Rule>) -> Diagnostic {
    let at = match error.location {
        InputLocation::Pos(p) => p,
        InputLocation::Span((s, _)) => s,
    };
    let found = found_token(source, at);
    let span = Span::new(
        at,
        at + found.len().max(if at < source.len() { 1 } else { 0 }),
    );
    let expected = match &error.variant {
        ErrorVariant::ParsingError { positives, .. } => describe_expected(positives),
        ErrorVariant::CustomError { message } => message.clone(),
    };
    let found_text = if found.is_empty() {
        "the end of the file".to_string()
    } else {
        format!("`{found}`")
    };
    Diagnostic::error(Code::Syntax, span, format!("unexpected {found_text}"))
        .label(format!("expected {expected}"))
        .help(
            super::lookalike::hint(source, at, found)
                .or_else(|| super::hints::hint(source, at, found))
                .unwrap_or_else(|| syntax_help(found)),
        )
}

fn found_token(source: &str, at: usize) -> &str {
    let rest = source.get(at..).unwrap_or("");
    let end = rest
        .char_indices()
        .find(|(_, c)| c.is_whitespace())
        .map_or(rest.len(), |(i, _)| i);
    // At most 40 bytes, cut between two characters.
    let mut end = end.min(40);
    while !rest.is_char_boundary(end) {
        end -= 1;
    }
    rest.get(..end).unwrap_or("")
}

fn syntax_help(found: &str) -> String {
    if found.contains(',') && found.chars().any(|c| c.is_ascii_digit()) {
        "numbers use a dot for decimals in rule files: write 1.4, not 1,4".to_string()
    } else {
        "each declaration starts with a keyword such as `métier`, `catégorie`, `paramètre`; see the README's language tour".to_string()
    }
}

fn describe_expected(rules: &[Rule]) -> String {
    const DECLARATIONS: [&str; 20] = [
        "`convention`",
        "`sous la loi`",
        "`modifie`",
        "`dans le cadre de`",
        "`salaire minimum légal`",
        "`période d'essai maximale`",
        "`paramètre`",
        "`barème`",
        "`catégorie`",
        "`diplôme`",
        "`ancienneté`",
        "`métier`",
        "`classement`",
        "`statut`",
        "`temps de travail`",
        "`salaire minimum`",
        "`plafond des missions`",
        "`période d'essai`",
        "`disposition`",
        "`exemple`",
    ];
    let mut words: Vec<&str> = rules.iter().map(|r| rule_word(*r)).collect();
    words.sort_unstable();
    words.dedup();
    // Where any declaration may start, say so once instead of listing them all.
    if words.iter().filter(|w| DECLARATIONS.contains(w)).count() > 3 {
        words.retain(|w| !DECLARATIONS.contains(w));
        words.push("a new declaration (`métier`, `catégorie`, …)");
    }
    match words.len() {
        0 => "something else".to_string(),
        1 => words[0].to_string(),
        n => format!("{} or {}", words[..n - 1].join(", "), words[n - 1]),
    }
}

/// What a grammar rule is called for a person writing rules.
fn rule_word(rule: Rule) -> &'static str {
    use Rule::*;
    match rule {
        EOI => "the end of the file",
        item | agreement | parameter | table | category | diploma | experience
        | job | classification | status_rules | working_time | minimum_salary | mission_cap
        | trial_period | provision | under_law | amends | within | legal_minimum
        | trial_maximum => "a declaration (`métier`, `catégorie`, `paramètre`, …)",
        taken_over => "`métier … repris par …`",
        set_aside | kw_set_aside => "`écarte`",
        cited | kw_by => "`par \"…\"` (the text that set the value)",
        trial_max_rule => "`catégorie …`",
        kw_renewal_included => "`renouvellement compris`",
        id => "a name (letters, digits, `-`, `+`)",
        name => "a parameter name",
        string => "a text in double quotes",
        date => "a date (YYYY-MM-DD)",
        integer | coefficient_cell => "a whole number",
        number | number_lit | literal => "a number",
        duration | duration_value => "a duration (e.g. `6 mois`)",
        time_unit | unit_days | unit_weeks | unit_months | unit_years => {
            "a unit (`jours`, `semaines`, `mois`, `ans`)"
        }
        source | kw_source => "`source`",
        kw_from => "`depuis`",
        kw_to => "`à`",
        kw_level | level | level_cell => "`niveau`",
        kw_category | category_cell | category_condition => "`catégorie`",
        kw_coefficients | coefficient_set | coefficient_range | coefficient_list => {
            "`coefficients`"
        }
        kw_minimum | level_minimum => "`minimum`",
        kw_floor | diploma_floor | floor_rule => "`plancher`",
        transitional | kw_transitional => "`coefficient transitoire`",
        kw_band | band => "`tranche`",
        band_range | bounded_months | open_months | kw_range_from | kw_open_from => {
            "a band of months (`de 0 à 6 mois`, `à partir de 60 mois`)"
        }
        cell | kw_blank | blank_cell => "a coefficient, `niveau N`, `catégorie X` or `vide`",
        job_cell => "a band value (`débutant : 170`)",
        floor_kind => "`métier`, `diplôme`, `coefficient antérieur` or `mission`",
        condition | compare_condition | compared => {
            "a condition (`catégorie cadres`, `coefficient ≥ 200`)"
        }
        compare_op => "a comparison (`≥`, `>`, `=`, …)",
        kw_if => "`si`",
        kw_otherwise => "`sinon`",
        value_type | type_amount | type_hourly | type_annual | type_hours | type_rate | type_decimal
        | type_duration
        | type_integer => {
            "a type (`montant`, `décimal`, `durée`, `entier`)"
        }
        expr | term | factor | group | call | lookup | extreme | extreme_fn | conditional => {
            "a formula"
        }
        round_opts => "`, 1 €` (the unit to round to)",
        round_dir | kw_up | kw_down | kw_nearest => "`supérieur`, `inférieur` or `au plus proche`",
        kw_max | kw_min => "`max` or `min`",
        test | test_and | test_not | test_group | comparison => "a test (`heures > 151.67`)",
        kw_then => "`alors`",
        kw_and | kw_or => "`et` or `ou`",
        kw_not => "`non`",
        add_op | mul_op => "an operator (`+`, `-`, `×` or `*`, `/`)",
        euro | unit | per_hour | per_year | hours_unit | percent => {
            "`€` (or `€/h`, `€/an`, `h`, `%`)"
        }
        convert | convert_fn | kw_annual | kw_monthly => "`annuel(…)` or `mensuel(…)`",
        kw_agreement | agreement_kind | kw_law | kw_company => "`convention`",
        kw_under_law => "`sous la loi`",
        kw_amends => "`modifie`",
        kw_within => "`dans le cadre de`",
        kw_legal_minimum => "`salaire minimum légal`",
        kw_trial_maximum => "`période d'essai maximale`",
        kw_document => "`texte`",
        kw_date | agreement_date => "`date`",
        kw_idcc => "`idcc`",
        kw_parameter => "`paramètre`",
        kw_table => "`barème`",
        kw_by_coefficient => "`par coefficient`",
        kw_diploma => "`diplôme`",
        kw_experience | job_experience => "`ancienneté`",
        kw_job => "`métier`",
        kw_track | track => "`filière`",
        kw_aliases | aliases => "`appellations`",
        kw_entry_diploma | entry_diploma => "`diplôme d'accueil`",
        kw_classification => "`classement`",
        kw_status => "`statut`",
        kw_working_time => "`temps de travail`",
        kw_reference_hours | reference_hours => "`heures de référence`",
        kw_maximum_hours | maximum_hours => "`heures maximales`",
        kw_minimum_salary => "`salaire minimum`",
        kw_agreement_minimum => "`minimum conventionnel`",
        kw_mission_cap => "`plafond des missions`",
        kw_window | window => "`fenêtre`",
        kw_at_most | at_most => "`au plus`",
        kw_claim | claim => "`droit`",
        kw_trial => "`période d'essai`",
        kw_renewal => "`renouvellement`",
        kw_provision => "`disposition`",
        kw_highest_wins | highest_wins => "`le plus élevé l'emporte`",
        kw_example | example => "`exemple`",
        fact | fact_job | fact_since | fact_prior | fact_diploma | fact_previous | fact_hours | fact_salary
        | fact_applied | fact_mission | fact_move => "a fact (`métier \"…\"`, `depuis DATE`, `diplôme bac`, …)",
        expectation | expect_coefficient | expect_band | expect_level | expect_category | expect_status
        | expect_job | expect_minimum | expect_agreement_minimum | expect_shortfall | expect_next_step | expect_claim | expect_rejected
        | expect_trial_end => {
            "an expected value (`coefficient 190`, `tranche confirme`, `salaire minimum 2100.00 €`, …)"
        }
        _ => "a keyword",
    }
}
