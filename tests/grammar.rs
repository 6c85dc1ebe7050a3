//! One test per grammar rule: the rule alone must consume the whole input
//! (`accepts`) or fail to (`rejects`). Keywords are tested in French (with and
//! without accents) and in English.

use grille::syntax::{parses_as, Rule};

fn accepts(rule: Rule, inputs: &[&str]) {
    for input in inputs {
        assert!(parses_as(rule, input), "{rule:?} should accept {input:?}");
    }
}

fn rejects(rule: Rule, inputs: &[&str]) {
    for input in inputs {
        assert!(!parses_as(rule, input), "{rule:?} should reject {input:?}");
    }
}

#[test]
fn tokens() {
    accepts(
        Rule::id,
        &[
            "conseiller-clientele",
            "bac+2",
            "débutant",
            "assimile-cadre",
            "E3",
        ],
    );
    rejects(Rule::id, &["-x", "a b", "\"x\""]);
    accepts(Rule::name, &["smcc", "heures_reference", "point_2025"]);
    rejects(Rule::name, &["bac+2", "a-b", "2x"]);
    accepts(
        Rule::string,
        &[
            r#""Conseiller clientèle""#,
            r#""l'équipe « A »""#,
            r#""a \"b\"""#,
        ],
    );
    rejects(Rule::string, &["\"unterminated", "\"two\nlines\""]);
    // The ranges of `str_inner`: any character but a quote, a backslash or a
    // newline, each edge of each range included, and the two escapes.
    accepts(
        Rule::string,
        &[
            "\"\u{0}\u{9}\u{b}\u{1f} !#[]\u{10ffff}\"",
            "\"tab\there\r\"",
            "\"é € 😀 \\\\ \\\"\"",
        ],
    );
    rejects(Rule::string, &["\"a\\b\"", "\"a\\\"", "\"a\"b\""]);
    accepts(Rule::date, &["2008-05-29"]);
    rejects(Rule::date, &["29/05/2008", "2008-5-29"]);
    accepts(Rule::integer, &["120", "0"]);
    rejects(Rule::integer, &["1.5", "-3"]);
    accepts(Rule::number, &["1500.00", "1.4", "151.67", "2"]);
    rejects(Rule::number, &["1,4", ".5"]);
    accepts(Rule::euro, &["€", "EUR"]);
}

#[test]
fn comments_run_to_the_end_of_their_line_only() {
    // A comment's ranges take every character but the newline, controls included.
    accepts(
        Rule::file,
        &[
            "# \u{0}\u{9}\u{b}\u{10ffff} \"x\n",
            "# sans fin de ligne",
            " \t\u{a0}\r\n# a\n\n# b",
        ],
    );
    // The comment ends at the newline: what follows is read again.
    rejects(Rule::file, &["# a\nnot-a-keyword"]);
}

#[test]
fn durations_and_units() {
    accepts(
        Rule::duration,
        &[
            "6 mois",
            "24 months",
            "183 jours",
            "2 semaines",
            "1 an",
            "3 years",
            "1 day",
        ],
    );
    rejects(Rule::duration, &["6", "mois", "6 moiss"]);
    accepts(
        Rule::time_unit,
        &["mois", "jours", "semaine", "années", "ans"],
    );
    accepts(Rule::unit_days, &["jour", "jours", "day", "days"]);
    accepts(Rule::unit_weeks, &["semaine", "semaines", "week", "weeks"]);
    accepts(Rule::unit_months, &["mois", "month", "months"]);
    accepts(
        Rule::unit_years,
        &["an", "ans", "année", "annees", "year", "years"],
    );
    accepts(Rule::duration_value, &["6 mois", "essai_employes"]);
}

#[test]
fn keywords_in_both_languages() {
    accepts(Rule::kw_parameter, &["paramètre", "parametre", "parameter"]);
    accepts(Rule::kw_job, &["métier", "metier", "job"]);
    accepts(Rule::kw_category, &["catégorie", "categorie", "category"]);
    accepts(
        Rule::kw_entry_diploma,
        &["diplôme d'accueil", "diplome d’accueil", "entry diploma"],
    );
    accepts(
        Rule::kw_highest_wins,
        &["le plus élevé l'emporte", "highest wins"],
    );
    accepts(Rule::kw_trial, &["période d'essai", "trial period"]);
    accepts(
        Rule::kw_mission_cap,
        &["plafond des missions", "mission cap"],
    );
    accepts(
        Rule::kw_transitional,
        &["coefficient transitoire", "transitional coefficient"],
    );
    // A keyword is a whole word: `niveaux` is not `niveau`.
    rejects(Rule::kw_level, &["niveaux"]);
}

#[test]
fn header_and_citations() {
    accepts(Rule::source, &[r#"source "C. Les métiers repères""#]);
    accepts(
        Rule::agreement,
        &[
            r#"convention "Propositions CGT" texte "x" date 2008-05-29 idcc 2098 source "s""#,
            r#"agreement "A""#,
        ],
    );
    accepts(Rule::document, &[r#"texte "Propositions""#]);
    accepts(Rule::agreement_date, &["date 2008-05-29"]);
    accepts(Rule::idcc, &["idcc 2098"]);
    accepts(
        Rule::provision,
        &[r#"disposition "Commission des métiers" source "A" texte "Se réunit chaque semestre.""#],
    );
}

#[test]
fn parameters_and_tables() {
    accepts(
        Rule::parameter,
        &[
            r#"paramètre smcc "SMCC" : montant source "note 8" 1500.00 € depuis 2008-05-29 1600.00 € depuis 2010-01-01"#,
            "parameter trial : duration 1 month from 1999-08-13",
        ],
    );
    rejects(
        Rule::parameter,
        &["paramètre smcc montant 1500 depuis 2008-05-29"],
    );
    accepts(
        Rule::value_type,
        &[
            "montant", "décimal", "durée", "entier", "amount", "decimal", "duration", "integer",
        ],
    );
    accepts(Rule::type_amount, &["montant"]);
    accepts(Rule::type_decimal, &["nombre"]);
    accepts(Rule::type_duration, &["duree"]);
    accepts(Rule::type_integer, &["entier"]);
    accepts(
        Rule::param_value,
        &["1500.00 € depuis 2008-05-29", "2 semaines from 1999-08-13"],
    );
    accepts(Rule::literal, &["1500.00 €", "1.4", "6 mois"]);
    accepts(
        Rule::known_until,
        &[
            "connu jusqu'au 2026-12-31",
            "connue jusqu’au 2026-12-31",
            "known until 2026-12-31",
        ],
    );
    rejects(Rule::known_until, &["connu jusqu'au", "connu 2026-12-31"]);
    accepts(
        Rule::parameter,
        &["paramètre point : montant 3.876 € depuis 2025-11-01 connu jusqu'au 2026-12-31"],
    );
    accepts(
        Rule::table,
        &["table index : integer by coefficient known until 2026-12-31 from 2025-07-01 120 : 439"],
    );
    accepts(
        Rule::table,
        &["barème indice : entier par coefficient depuis 2025-07-01 : 120 : 439 130 : 441"],
    );
    accepts(
        Rule::table_version,
        &[
            "depuis 2025-07-01 120 : 439",
            "from 2008-12-01: 120: 1321.89 €",
        ],
    );
    accepts(Rule::table_row, &["120 : 439"]);
}

#[test]
fn grid() {
    accepts(
        Rule::category,
        &[
            r#"catégorie employes "Employés" source "A" niveau 1 : coefficients 120 à 140, minimum 1.0 × smcc niveau 2 : coefficients 150 à 160"#,
        ],
    );
    accepts(Rule::level, &[
        "niveau 1 : coefficients 120 à 140, minimum 1.0 × smcc",
        "niveau 1 : coefficients 120, 130, 140 minimum arrondi(indice[coefficient] × point) source \"Annexe I\"",
        "level 4: coefficients 200 to 220",
    ]);
    accepts(Rule::coefficient_set, &["120 à 140", "120, 130, 140"]);
    accepts(Rule::coefficient_range, &["120 à 140", "120 to 140"]);
    accepts(Rule::coefficient_list, &["120", "120, 130"]);
    accepts(Rule::level_minimum, &["minimum 1.4 × smcc"]);
}

#[test]
fn diplomas_and_cells() {
    accepts(
        Rule::diploma,
        &[
            r#"diplôme bac+2 "BTS" plancher niveau 5 source "A""#,
            r#"diploma none "None""#,
        ],
    );
    accepts(Rule::diploma_floor, &["plancher niveau 3", "floor 170"]);
    accepts(
        Rule::cell,
        &["170", "niveau 4", "catégorie cadres", "vide", "blank"],
    );
    accepts(Rule::category_cell, &["catégorie tam"]);
    accepts(Rule::level_cell, &["niveau 4"]);
    accepts(Rule::blank_cell, &["vide"]);
    accepts(Rule::coefficient_cell, &["200"]);
    rejects(Rule::cell, &["cadre", "1.5"]);
}

#[test]
fn experience_bands() {
    accepts(
        Rule::experience,
        &[
            r#"ancienneté standard "Expérience" tranche debutant "Débutant" : de 0 à 6 mois tranche senior : à partir de 60 mois"#,
        ],
    );
    accepts(
        Rule::band,
        &[
            r#"tranche confirme "Confirmé" : de 6 à 24 mois"#,
            "band all : from 0 months",
        ],
    );
    accepts(
        Rule::band_range,
        &[
            "de 0 à 6 mois",
            "à partir de 60 mois",
            "dès 12 mois",
            "from 6 to 12 months",
            "from 12 months",
        ],
    );
    accepts(Rule::bounded_months, &["de 6 à 24 mois"]);
    accepts(Rule::open_months, &["à partir de 60 mois"]);
    rejects(Rule::band_range, &["de 6 à 24 jours"]);
}

#[test]
fn jobs() {
    accepts(
        Rule::job,
        &[
            r#"métier conseiller-clientele "Conseiller clientèle" source "C" filière "Production" appellations "Téléconseiller", "Téléconseillère" diplôme d'accueil bac debutant : 170 confirme : 180"#,
            r#"job clerk "Clerk" experience: single all : 130"#,
        ],
    );
    accepts(Rule::track, &[r#"filière "Production""#]);
    accepts(Rule::aliases, &[r#"appellations "A", "B""#, r#"alias "A""#]);
    accepts(
        Rule::entry_diploma,
        &["diplôme d'accueil bac+2 à bac+4", "entry diploma bac"],
    );
    accepts(Rule::job_experience, &["ancienneté : courte"]);
    accepts(
        Rule::job_cell,
        &[
            "debutant : 170",
            "débutant : catégorie cadres source \"C\"",
            "senior : vide",
        ],
    );
}

#[test]
fn classification_and_status() {
    accepts(Rule::classification, &["classement plancher métier case vide : tranche précédente plancher diplôme le plus élevé l'emporte"]);
    accepts(
        Rule::floor_rule,
        &[
            "plancher coefficient antérieur hors grille : niveau supérieur",
            "floor mission",
        ],
    );
    accepts(
        Rule::floor_kind,
        &[
            "métier",
            "diplôme",
            "coefficient antérieur",
            "mission",
            "previous coefficient",
        ],
    );
    accepts(
        Rule::blank_cell_option,
        &["case vide : tranche précédente", "blank cell: no floor"],
    );
    accepts(
        Rule::off_grid_option,
        &["hors grille : niveau supérieur", "off grid: reject"],
    );
    accepts(Rule::highest_wins, &["le plus élevé l'emporte"]);
    accepts(
        Rule::transitional,
        &[
            "coefficient transitoire 200 : au plus 24 mois depuis 2020-09-01",
            "transitional coefficient 120: at most 6 months",
        ],
    );
    accepts(
        Rule::status_rules,
        &["statut cadre si catégorie cadres assimile-cadre si coefficient ≥ 200 non-cadre sinon"],
    );
    accepts(
        Rule::status_rule,
        &["non-cadre sinon", "cadre if level >= 7"],
    );
    accepts(Rule::condition, &["catégorie cadres", "coefficient ≥ 200"]);
    accepts(Rule::category_condition, &["catégorie cadres"]);
    accepts(Rule::compare_condition, &["niveau > 6"]);
    accepts(Rule::compared, &["coefficient", "niveau"]);
    accepts(
        Rule::compare_op,
        &[">=", "≥", "<=", "≤", ">", "<", "=", "≠", "!="],
    );
}

#[test]
fn salary_and_time_rules() {
    accepts(
        Rule::working_time,
        &["temps de travail heures de référence : heures_reference heures maximales : 208"],
    );
    accepts(Rule::reference_hours, &["heures de référence : 151.67"]);
    accepts(Rule::maximum_hours, &["maximum hours: 208"]);
    accepts(
        Rule::minimum_salary,
        &["salaire minimum : arrondi(minimum × heures / heures_reference)"],
    );
    accepts(
        Rule::mission_cap,
        &["plafond des missions fenêtre 24 mois au plus 183 jours droit : tranche debutant"],
    );
    accepts(Rule::window, &["fenêtre missions_fenetre"]);
    accepts(Rule::at_most, &["au plus 183 jours"]);
    accepts(Rule::claim, &["droit : tranche debutant"]);
    accepts(Rule::trial_period, &["période d'essai catégorie employes : 1 mois, renouvellement 2 semaines dès le coefficient 170"]);
    accepts(
        Rule::trial_rule,
        &[
            "catégorie cadres : essai_cadres, renouvellement renouvellement_cadres",
            "category tam: 2 months",
        ],
    );
}

#[test]
fn formulas() {
    accepts(
        Rule::expr,
        &[
            "1.4 × smcc",
            "arrondi(minimum × heures / heures_reference)",
            "a + b - c * d / e",
            "-(a + 1)",
            "indice[coefficient] × point",
        ],
    );
    rejects(Rule::expr, &["1.4 ×", "(a", "arrondi()"]);
    accepts(Rule::term, &["a × b ÷ c"]);
    accepts(Rule::factor, &["-a", "(a)", "1500 €"]);
    accepts(Rule::negate, &["-"]);
    accepts(Rule::group, &["(1 + 2)"]);
    accepts(Rule::call, &["arrondi(x)", "round(x)"]);
    accepts(Rule::lookup, &["smcc", "indice[120]"]);
    accepts(Rule::number_lit, &["1500.00 €", "1.4"]);
    accepts(Rule::add_op, &["+", "-"]);
    accepts(Rule::mul_op, &["×", "*", "/", "÷"]);
}

#[test]
fn whole_files() {
    accepts(
        Rule::file,
        &[
            "",
            "# only a comment\n",
            "métier a \"A\" debutant : 170\n# trailing",
        ],
    );
    rejects(Rule::file, &["métier", "niveau 1 : coefficients 120 à 140"]);
}

#[test]
fn quotes_and_readings_stand_beside_a_source() {
    accepts(
        Rule::source,
        &[
            r#"source "A, note 8" citation "pour 151,67 heures par mois""#,
            r#"source "A" lecture "un montant daté" citation "1.500,00 €""#,
            "source \"A\" lecture \"un montant\"\n    \"daté\"",
            r#"source "A" quote "for 151.67 hours" reading "a dated amount""#,
        ],
    );
    rejects(
        Rule::source,
        &[r#"source "A" citation"#, r#"source "A" lecture 12"#],
    );
    accepts(Rule::quote, &[r#"citation "a" "b""#, r#"quote "a""#]);
    accepts(Rule::reading, &[r#"lecture "a""#, r#"reading "a" "b""#]);
    // Not a declaration of its own: a reading reads the text a `source` names.
    rejects(Rule::file, &[r#"lecture "a""#]);
}

#[test]
fn a_status_may_carry_its_name_for_people() {
    accepts(
        Rule::status_rule,
        &[
            r#"assimile-cadre "Assimilé cadre" si coefficient ≥ 200"#,
            r#"non-cadre "Non-cadre" sinon"#,
            "non-cadre sinon",
        ],
    );
    rejects(Rule::status_rule, &[r#"non-cadre "a" "b" sinon"#]);
}
