//! Syntax errors: a pest error in the language's own words.

use pest::error::{ErrorVariant, InputLocation};

use super::Rule;
use crate::diag::{Code, Diagnostic, Said};
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
        ErrorVariant::CustomError { message } => Said::new(message.clone(), message.clone()),
    };
    let message = if found.is_empty() {
        Said::new(
            "fin du fichier inattendue",
            "unexpected the end of the file",
        )
    } else {
        Said::new(
            format!("`{found}` inattendu"),
            format!("unexpected `{found}`"),
        )
    };
    Diagnostic::error(Code::Syntax, span, message)
        .label((
            format!("attendu : {}", expected.fr),
            format!("expected {}", expected.en),
        ))
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

fn syntax_help(found: &str) -> Said {
    if found.contains(',') && found.chars().any(|c| c.is_ascii_digit()) {
        Said::new(
            "les fichiers de règles écrivent les décimales avec un point : 1.4, pas 1,4",
            "numbers use a dot for decimals in rule files: write 1.4, not 1,4",
        )
    } else {
        Said::new(
            "chaque déclaration commence par un mot-clé comme `métier`, `catégorie`, `paramètre` ; voyez le tour du langage dans le README",
            "each declaration starts with a keyword such as `métier`, `catégorie`, `paramètre`; see the README's language tour",
        )
    }
}

fn describe_expected(rules: &[Rule]) -> Said {
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
    // Sorted by the English words, so both lists keep the order they always had.
    let mut words: Vec<(&str, &str)> = rules.iter().map(|r| rule_word(*r)).collect();
    words.sort_unstable_by_key(|(_, en)| *en);
    words.dedup();
    // Where any declaration may start, say so once instead of listing them all.
    if words
        .iter()
        .filter(|(_, en)| DECLARATIONS.contains(en))
        .count()
        > 3
    {
        words.retain(|(_, en)| !DECLARATIONS.contains(en));
        words.push((
            "une nouvelle déclaration (`métier`, `catégorie`, …)",
            "a new declaration (`métier`, `catégorie`, …)",
        ));
    }
    let fr: Vec<&str> = words.iter().map(|(fr, _)| *fr).collect();
    let en: Vec<&str> = words.iter().map(|(_, en)| *en).collect();
    Said::new(
        listed(&fr, "ou", "autre chose"),
        listed(&en, "or", "something else"),
    )
}

/// `a, b or c`; `none` for an empty list.
fn listed(words: &[&str], or: &str, none: &str) -> String {
    match words {
        [] => none.to_string(),
        [one] => one.to_string(),
        [rest @ .., last] => format!("{} {or} {last}", rest.join(", ")),
    }
}

/// What a grammar rule is called for a person writing rules.
fn rule_word(rule: Rule) -> (&'static str, &'static str) {
    let k = |keyword: &'static str| (keyword, keyword);
    use Rule::*;
    match rule {
        EOI => ("la fin du fichier", "the end of the file"),
        item | agreement | parameter | table | category | diploma | experience
        | job | classification | status_rules | working_time | minimum_salary | mission_cap
        | trial_period | provision | under_law | amends | within | legal_minimum
        | trial_maximum => ("une déclaration (`métier`, `catégorie`, `paramètre`, …)", "a declaration (`métier`, `catégorie`, `paramètre`, …)"),
        taken_over => k("`métier … repris par …`"),
        set_aside | kw_set_aside => k("`écarte`"),
        cited | kw_by => ("`par \"…\"` (le texte qui a fixé la valeur)", "`par \"…\"` (the text that set the value)"),
        trial_max_rule => k("`catégorie …`"),
        kw_renewal_included => k("`renouvellement compris`"),
        id => ("un nom (lettres, chiffres, `-`, `+`)", "a name (letters, digits, `-`, `+`)"),
        name => ("un nom de paramètre", "a parameter name"),
        string => ("un texte entre guillemets droits", "a text in double quotes"),
        date => ("une date (AAAA-MM-JJ)", "a date (YYYY-MM-DD)"),
        integer | coefficient_cell => ("un nombre entier", "a whole number"),
        number | number_lit | literal => ("un nombre", "a number"),
        duration | duration_value => ("une durée (par exemple `6 mois`)", "a duration (e.g. `6 mois`)"),
        time_unit | unit_days | unit_weeks | unit_months | unit_years => {
            ("une unité (`jours`, `semaines`, `mois`, `ans`)", "a unit (`jours`, `semaines`, `mois`, `ans`)")
        }
        source | kw_source => k("`source`"),
        kw_from => k("`depuis`"),
        kw_to => k("`à`"),
        kw_level | level | level_cell => k("`niveau`"),
        kw_category | category_cell | category_condition => k("`catégorie`"),
        kw_coefficients | coefficient_set | coefficient_range | coefficient_list => {
            k("`coefficients`")
        }
        kw_minimum | level_minimum => k("`minimum`"),
        kw_floor | diploma_floor | floor_rule => k("`plancher`"),
        transitional | kw_transitional => k("`coefficient transitoire`"),
        kw_band | band => k("`tranche`"),
        band_range | bounded_months | open_months | kw_range_from | kw_open_from => {
            ("une tranche de mois (`de 0 à 6 mois`, `à partir de 60 mois`)", "a band of months (`de 0 à 6 mois`, `à partir de 60 mois`)")
        }
        cell | kw_blank | blank_cell => ("un coefficient, `niveau N`, `catégorie X` ou `vide`", "a coefficient, `niveau N`, `catégorie X` or `vide`"),
        job_cell => ("une valeur de tranche (`débutant : 170`)", "a band value (`débutant : 170`)"),
        floor_kind => (
            "`métier`, `diplôme`, `coefficient antérieur` ou `mission`",
            "`métier`, `diplôme`, `coefficient antérieur` or `mission`",
        ),
        condition | compare_condition | compared => {
            ("une condition (`catégorie cadres`, `coefficient ≥ 200`)", "a condition (`catégorie cadres`, `coefficient ≥ 200`)")
        }
        compare_op => ("une comparaison (`≥`, `>`, `=`, …)", "a comparison (`≥`, `>`, `=`, …)"),
        kw_if => k("`si`"),
        kw_otherwise => k("`sinon`"),
        value_type | type_amount | type_hourly | type_annual | type_hours | type_rate | type_decimal
        | type_duration
        | type_integer => {
            ("un type (`montant`, `décimal`, `durée`, `entier`)", "a type (`montant`, `décimal`, `durée`, `entier`)")
        }
        expr | term | factor | group | call | lookup | extreme | extreme_fn | conditional => {
            ("une formule", "a formula")
        }
        round_opts => ("`, 1 €` (l'unité à laquelle arrondir)", "`, 1 €` (the unit to round to)"),
        round_dir | kw_up | kw_down | kw_nearest => ("`supérieur`, `inférieur` ou `au plus proche`", "`supérieur`, `inférieur` or `au plus proche`"),
        kw_max | kw_min => ("`max` ou `min`", "`max` or `min`"),
        test | test_and | test_not | test_group | comparison => ("un test (`heures > 151.67`)", "a test (`heures > 151.67`)"),
        kw_then => k("`alors`"),
        kw_and | kw_or => ("`et` ou `ou`", "`et` or `ou`"),
        kw_not => k("`non`"),
        add_op | mul_op => ("un opérateur (`+`, `-`, `×` ou `*`, `/`)", "an operator (`+`, `-`, `×` or `*`, `/`)"),
        euro | unit | per_hour | per_year | hours_unit | percent => {
            ("`€` (ou `€/h`, `€/an`, `h`, `%`)", "`€` (or `€/h`, `€/an`, `h`, `%`)")
        }
        convert | convert_fn | kw_annual | kw_monthly => ("`annuel(…)` ou `mensuel(…)`", "`annuel(…)` or `mensuel(…)`"),
        kw_agreement | agreement_kind | kw_law | kw_company => k("`convention`"),
        kw_under_law => k("`sous la loi`"),
        kw_amends => k("`modifie`"),
        kw_within => k("`dans le cadre de`"),
        kw_legal_minimum => k("`salaire minimum légal`"),
        kw_trial_maximum => k("`période d'essai maximale`"),
        kw_document => k("`texte`"),
        kw_date | agreement_date => k("`date`"),
        kw_idcc => k("`idcc`"),
        kw_parameter => k("`paramètre`"),
        kw_table => k("`barème`"),
        kw_by_coefficient => k("`par coefficient`"),
        kw_diploma => k("`diplôme`"),
        kw_experience | job_experience => k("`ancienneté`"),
        kw_job => k("`métier`"),
        kw_track | track => k("`filière`"),
        kw_aliases | aliases => k("`appellations`"),
        kw_entry_diploma | entry_diploma => k("`diplôme d'accueil`"),
        kw_classification => k("`classement`"),
        kw_status => k("`statut`"),
        kw_working_time => k("`temps de travail`"),
        kw_reference_hours | reference_hours => k("`heures de référence`"),
        kw_maximum_hours | maximum_hours => k("`heures maximales`"),
        kw_minimum_salary => k("`salaire minimum`"),
        kw_agreement_minimum => k("`minimum conventionnel`"),
        kw_mission_cap => k("`plafond des missions`"),
        kw_window | window => k("`fenêtre`"),
        kw_at_most | at_most => k("`au plus`"),
        kw_claim | claim => k("`droit`"),
        kw_trial => k("`période d'essai`"),
        kw_renewal => k("`renouvellement`"),
        kw_provision => k("`disposition`"),
        kw_highest_wins | highest_wins => k("`le plus élevé l'emporte`"),
        kw_example | example => k("`exemple`"),
        fact | fact_job | fact_since | fact_prior | fact_diploma | fact_previous | fact_hours | fact_salary
        | fact_applied | fact_mission | fact_move => ("un fait (`métier \"…\"`, `depuis DATE`, `diplôme bac`, …)", "a fact (`métier \"…\"`, `depuis DATE`, `diplôme bac`, …)"),
        expectation | expect_coefficient | expect_band | expect_level | expect_category | expect_status
        | expect_job | expect_minimum | expect_agreement_minimum | expect_shortfall | expect_next_step | expect_claim | expect_rejected
        | expect_trial_end => {
            ("une valeur attendue (`coefficient 190`, `tranche confirme`, `salaire minimum 2100.00 €`, …)", "an expected value (`coefficient 190`, `tranche confirme`, `salaire minimum 2100.00 €`, …)")
        }
        _ => ("un mot-clé", "a keyword"),
    }
}
