//! Syntax errors: a pest error in the language's own words.

use pest::error::{ErrorVariant, InputLocation};

use super::keywords::{self, Keyword};
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
            "les fichiers de règles écrivent les décimales avec un point : 1.5, pas 1,5",
            "numbers use a dot for decimals in rule files: write 1.5, not 1,5",
        )
    } else {
        Said::new(
            "chaque déclaration commence par un mot-clé comme `métier`, `catégorie`, `paramètre` ; voyez le tour du langage dans le README",
            "each declaration starts with a keyword such as `métier`, `catégorie`, `paramètre`; see the README's language tour",
        )
    }
}

fn describe_expected(rules: &[Rule]) -> Said {
    use keywords::*;
    const DECLARATIONS: [Keyword; 25] = [
        AGREEMENT,
        UNDER_LAW,
        AMENDS,
        WITHIN,
        LEGAL_MINIMUM,
        TRIAL_MAXIMUM,
        PARAMETER,
        TABLE,
        CATEGORY,
        DIPLOMA,
        EXPERIENCE,
        JOB,
        CLASSIFICATION,
        STATUS,
        WORKING_TIME,
        MINIMUM_SALARY,
        MISSION_CAP,
        TRIAL,
        PROVISION,
        EXAMPLE,
        FACT,
        GRID,
        GRID_MINIMUM,
        CRITERION,
        SCORING,
    ];
    let declarations: Vec<String> = DECLARATIONS.iter().map(|k| quoted(*k)).collect();
    let is_declaration = |en: &String| declarations.contains(en);
    // Sorted by the English words, so both lists keep the order they always had.
    let mut words: Vec<(String, String)> = rules.iter().map(|r| expected_word(*r)).collect();
    words.sort_unstable_by(|(_, a), (_, b)| a.cmp(b));
    words.dedup();
    // Where any declaration may start, say so once instead of listing them all.
    if words
        .iter()
        .filter(|(_, en)| is_declaration(en))
        .count()
        > 3
    {
        words.retain(|(_, en)| !is_declaration(en));
        words.push((
            "une nouvelle déclaration (`métier`, `catégorie`, …)".to_string(),
            "a new declaration (`métier`, `catégorie`, …)".to_string(),
        ));
    }
    let fr: Vec<&str> = words.iter().map(|(fr, _)| fr.as_str()).collect();
    let en: Vec<&str> = words.iter().map(|(_, en)| en.as_str()).collect();
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
/// What a grammar rule is called, in French then in English.
fn expected_word(rule: Rule) -> (String, String) {
    match rule_keyword(rule) {
        Some(keyword) => (quoted(keyword), quoted(keyword)),
        None => {
            let (fr, en) = rule_word(rule);
            (fr.to_string(), en.to_string())
        }
    }
}

/// A keyword as the messages name it: its French spelling, between backticks.
fn quoted(keyword: Keyword) -> String {
    format!("`{}`", keyword.fr)
}

/// The keyword a grammar rule reads, when it reads one (the message names its
/// French spelling in both languages, as the README's language tour does).
fn rule_keyword(rule: Rule) -> Option<Keyword> {
    use keywords::*;
    use Rule::*;
    Some(match rule {
        set_aside | kw_set_aside => SET_ASIDE,
        kw_renewal_included => RENEWAL_INCLUDED,
        source | kw_source => SOURCE,
        kw_from => FROM,
        kw_to => TO,
        kw_level | level | level_cell => LEVEL,
        kw_category | category_cell | category_condition => CATEGORY,
        kw_coefficients | coefficient_set | coefficient_range | coefficient_list => COEFFICIENTS,
        kw_minimum | level_minimum => MINIMUM,
        kw_floor | diploma_floor | floor_rule => FLOOR,
        transitional | kw_transitional => TRANSITIONAL,
        kw_band | band => BAND,
        kw_if => IF,
        kw_otherwise => OTHERWISE,
        kw_then => THEN,
        kw_not => NOT,
        kw_agreement | agreement_kind | kw_law | kw_company => AGREEMENT,
        kw_under_law => UNDER_LAW,
        kw_amends => AMENDS,
        kw_within => WITHIN,
        kw_legal_minimum => LEGAL_MINIMUM,
        kw_trial_maximum => TRIAL_MAXIMUM,
        kw_document => DOCUMENT,
        kw_date | agreement_date => DATE,
        kw_idcc => IDCC,
        kw_parameter => PARAMETER,
        kw_table => TABLE,
        kw_by_coefficient => BY_COEFFICIENT,
        kw_diploma => DIPLOMA,
        kw_experience | job_experience => EXPERIENCE,
        kw_job => JOB,
        kw_track | track => TRACK,
        kw_aliases | aliases => ALIASES,
        kw_entry_diploma | entry_diploma => ENTRY_DIPLOMA,
        kw_classification => CLASSIFICATION,
        kw_status => STATUS,
        kw_working_time => WORKING_TIME,
        kw_reference_hours | reference_hours => REFERENCE_HOURS,
        kw_maximum_hours | maximum_hours => MAXIMUM_HOURS,
        kw_minimum_salary => MINIMUM_SALARY,
        kw_agreement_minimum => AGREEMENT_MINIMUM,
        kw_mission_cap => MISSION_CAP,
        kw_window | window => WINDOW,
        kw_at_most | at_most => AT_MOST,
        kw_claim | claim => CLAIM,
        kw_trial => TRIAL,
        kw_renewal => RENEWAL,
        kw_provision => PROVISION,
        kw_highest_wins | highest_wins => HIGHEST_WINS,
        kw_example | example => EXAMPLE,
        kw_fact | fact_decl => FACT,
        kw_field | fact_field => FIELD,
        kw_default | fact_default => DEFAULT,
        kw_required | fact_required => REQUIRED,
        kw_choice | type_choice => CHOICE,
        kw_is => IS,
        kw_grid | grid => GRID,
        kw_grid_minimum | grid_minimum => GRID_MINIMUM,
        kw_position => POSITION,
        kw_steps => STEPS,
        kw_until | position_until => UNTIL,
        kw_criterion | criterion => CRITERION,
        kw_scoring | scoring => SCORING,
        kw_degrees | degrees | job_degrees => DEGREES,
        kw_criteria | fact_criteria => CRITERIA,
        kw_at_hire => AT_HIRE,
        kw_on_move => ON_MOVE,
        kw_hired | fact_hire => HIRED,
        _ => return None,
    })
}

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
        cited | kw_by => ("`par \"…\"` (le texte qui a fixé la valeur)", "`par \"…\"` (the text that set the value)"),
        trial_max_rule => k("`catégorie …`"),
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
        test | test_and | test_not | test_group | comparison | timed | time_operand | fact_is | fact_flag
        | fact_ref => ("un test (`heures > 100`)", "a test (`heures > 100`)"),
        clock | clock_since | clock_unit | kw_age | kw_in_company | kw_in_job | kw_completed_years
        | kw_completed_months | today => (
            "un compte de temps (`âge`, `ancienneté dans l'entreprise`, `années révolues depuis …`)",
            "a clock (`âge`, `ancienneté dans l'entreprise`, `années révolues depuis …`)",
        ),
        fact_type | type_date | type_bool | type_text => (
            "un type de fait (`date`, `oui-non`, `choix a, b`, `montant`, `entier`, …)",
            "a fact type (`date`, `oui-non`, `choix a, b`, `montant`, `entier`, …)",
        ),
        fact_yes | fact_no | kw_yes | kw_no => ("`oui` ou `non`", "`oui` or `non`"),
        kw_and | kw_or => ("`et` ou `ou`", "`et` or `ou`"),
        add_op | mul_op => ("un opérateur (`+`, `-`, `×` ou `*`, `/`)", "an operator (`+`, `-`, `×` or `*`, `/`)"),
        euro | unit | per_hour | per_year | hours_unit | percent => {
            ("`€` (ou `€/h`, `€/an`, `h`, `%`)", "`€` (or `€/h`, `€/an`, `h`, `%`)")
        }
        convert | convert_fn | kw_annual | kw_monthly => ("`annuel(…)` ou `mensuel(…)`", "`annuel(…)` or `mensuel(…)`"),
        fact | fact_job | fact_since | fact_prior | fact_diploma | fact_previous | fact_hours | fact_salary
        | fact_applied | fact_mission | fact_move | fact_hire => ("un fait (`métier \"…\"`, `depuis DATE`, `diplôme bac`, …)", "a fact (`métier \"…\"`, `depuis DATE`, `diplôme bac`, …)"),
        expectation | expect_coefficient | expect_band | expect_level | expect_category | expect_status
        | expect_job | expect_minimum | expect_agreement_minimum | expect_shortfall | expect_next_step | expect_claim | expect_rejected
        | expect_trial_end => {
            ("une valeur attendue (`coefficient 100`, `niveau 1`, `salaire minimum 2000.00 €`, …)", "an expected value (`coefficient 100`, `niveau 1`, `salaire minimum 2000.00 €`, …)")
        }
        label | roman_label | position_ref | position_cell | grid_qualifier => (
            "une position (`\"2.1\"`, `II.3`, `g I.2`)",
            "a position (`\"2.1\"`, `II.3`, `g I.2`)",
        ),
        // Trials at hire (issue #22, design §7).
        trial_rule | trial_selector | trial_category | trial_range => (
            "une règle d'essai (`catégorie tam : 3 mois`, `coefficients 200 à 250 : 3 mois`)",
            "a trial rule (`catégorie tam : 3 mois`, `coefficients 200 à 250 : 3 mois`)",
        ),
        trial_when | kw_at_hire | kw_on_move => ("`à l'embauche` ou `à la mobilité`", "`à l'embauche` or `à la mobilité`"),
        _ => ("un mot-clé", "a keyword"),
    }
}
