//! The keywords of the rule language, one table: for each keyword rule of
//! `grammar/grille.pest`, every spelling the grammar accepts, and the canonical
//! French and English ones that the formatter prints, the error messages name
//! and the redline writes. A test holds the table and the grammar together.

/// A keyword of the language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Keyword {
    /// The grammar rule that reads it (`kw_job`).
    pub rule: &'static str,
    /// The canonical French spelling (`métier`).
    pub fr: &'static str,
    /// The canonical English spelling (`job`).
    pub en: &'static str,
    /// Every spelling the grammar accepts, in the grammar's order.
    pub spellings: &'static [&'static str],
}

const fn kw(
    rule: &'static str,
    fr: &'static str,
    en: &'static str,
    spellings: &'static [&'static str],
) -> Keyword {
    Keyword {
        rule,
        fr,
        en,
        spellings,
    }
}

// ------------------------------------------------ declarations, attributes, examples
pub const AGREEMENT: Keyword = kw("kw_agreement", "convention", "agreement", &["convention", "agreement"]);
pub const LAW: Keyword = kw("kw_law", "loi", "law", &["loi", "law"]);
pub const COMPANY: Keyword = kw("kw_company", "accord d'entreprise", "company agreement", &["accord d'entreprise", "accord d’entreprise", "company agreement"]);
pub const UNDER_LAW: Keyword = kw("kw_under_law", "sous la loi", "under the law", &["sous la loi", "under the law", "under law"]);
pub const AMENDS: Keyword = kw("kw_amends", "modifie", "amends", &["modifie", "amends"]);
pub const WITHIN: Keyword = kw("kw_within", "dans le cadre de", "within", &["dans le cadre de", "within"]);
pub const TAKEN_OVER_BY: Keyword = kw("kw_taken_over_by", "repris par", "taken over by", &["repris par", "taken over by"]);
pub const SET_ASIDE: Keyword = kw("kw_set_aside", "écarte", "sets aside", &["écarte", "ecarte", "sets aside"]);
pub const OWN_JOBS: Keyword = kw("kw_own_jobs", "pour les métiers de ce fichier", "for the jobs of this file", &["pour les métiers de ce fichier", "pour les metiers de ce fichier", "for the jobs of this file"]);
pub const BY: Keyword = kw("kw_by", "par", "by", &["par", "by"]);
pub const LEGAL_MINIMUM: Keyword = kw("kw_legal_minimum", "salaire minimum légal", "legal minimum salary", &["salaire minimum légal", "salaire minimum legal", "legal minimum salary"]);
pub const TRIAL_MAXIMUM: Keyword = kw("kw_trial_maximum", "période d'essai maximale", "maximum trial period", &["période d'essai maximale", "periode d'essai maximale", "période d’essai maximale", "periode d’essai maximale", "maximum trial period"]);
pub const RENEWAL_INCLUDED: Keyword = kw("kw_renewal_included", "renouvellement compris", "renewal included", &["renouvellement compris", "renewal included"]);
pub const DOCUMENT: Keyword = kw("kw_document", "texte", "document", &["texte", "document"]);
pub const DATE: Keyword = kw("kw_date", "date", "date", &["date"]);
pub const IDCC: Keyword = kw("kw_idcc", "idcc", "idcc", &["idcc"]);
pub const SOURCE: Keyword = kw("kw_source", "source", "source", &["source"]);
pub const QUOTE: Keyword = kw("kw_quote", "citation", "quote", &["citation", "quote"]);
pub const READING: Keyword = kw("kw_reading", "lecture", "reading", &["lecture", "reading"]);
pub const PARAMETER: Keyword = kw("kw_parameter", "paramètre", "parameter", &["paramètre", "parametre", "parameter"]);
pub const TABLE: Keyword = kw("kw_table", "barème", "table", &["barème", "bareme", "table"]);
pub const BY_COEFFICIENT: Keyword = kw("kw_by_coefficient", "par coefficient", "by coefficient", &["par coefficient", "by coefficient"]);
pub const FROM: Keyword = kw("kw_from", "depuis", "from", &["depuis le", "depuis", "from"]);
pub const CATEGORY: Keyword = kw("kw_category", "catégorie", "category", &["catégorie", "categorie", "category"]);
pub const LEVEL: Keyword = kw("kw_level", "niveau", "level", &["niveau", "level"]);
pub const COEFFICIENTS: Keyword = kw("kw_coefficients", "coefficients", "coefficients", &["coefficients", "coefficient"]);
pub const TO: Keyword = kw("kw_to", "à", "to", &["à", "a", "to"]);
pub const MINIMUM: Keyword = kw("kw_minimum", "minimum", "minimum", &["minimum"]);
pub const DIPLOMA: Keyword = kw("kw_diploma", "diplôme", "diploma", &["diplôme", "diplome", "diploma"]);
pub const FLOOR: Keyword = kw("kw_floor", "plancher", "floor", &["plancher", "floor"]);
pub const EXPERIENCE: Keyword = kw("kw_experience", "ancienneté", "experience", &["ancienneté", "anciennete", "experience"]);
pub const BAND: Keyword = kw("kw_band", "tranche", "band", &["tranche", "band"]);
pub const RANGE_FROM: Keyword = kw("kw_range_from", "de", "from", &["de", "from"]);
pub const OPEN_FROM: Keyword = kw("kw_open_from", "à partir de", "from", &["à partir de", "a partir de", "dès", "des", "from"]);
pub const JOB: Keyword = kw("kw_job", "métier", "job", &["métier", "metier", "job"]);
pub const TRACK: Keyword = kw("kw_track", "filière", "track", &["filière", "filiere", "track"]);
pub const ALIASES: Keyword = kw("kw_aliases", "appellations", "aliases", &["appellations", "appellation", "aliases", "alias"]);
pub const ENTRY_DIPLOMA: Keyword = kw("kw_entry_diploma", "diplôme d'accueil", "entry diploma", &["diplôme d'accueil", "diplome d'accueil", "diplôme d’accueil", "diplome d’accueil", "entry diploma"]);
pub const BLANK: Keyword = kw("kw_blank", "vide", "blank", &["vide", "blank"]);
pub const CLASSIFICATION: Keyword = kw("kw_classification", "classement", "classification", &["classement", "classification"]);
pub const PREVIOUS_COEFFICIENT: Keyword = kw("kw_previous_coefficient", "coefficient antérieur", "previous coefficient", &["coefficient antérieur", "coefficient anterieur", "previous coefficient"]);
pub const MISSION: Keyword = kw("kw_mission", "mission", "mission", &["mission"]);
pub const TRANSITIONAL: Keyword = kw("kw_transitional", "coefficient transitoire", "transitional coefficient", &["coefficient transitoire", "transitional coefficient"]);
pub const BLANK_CELL: Keyword = kw("kw_blank_cell", "case vide", "blank cell", &["case vide", "blank cell"]);
pub const PREVIOUS_BAND: Keyword = kw("kw_previous_band", "tranche précédente", "previous band", &["tranche précédente", "tranche precedente", "previous band"]);
pub const NO_FLOOR: Keyword = kw("kw_no_floor", "aucun plancher", "no floor", &["aucun plancher", "no floor"]);
pub const OFF_GRID: Keyword = kw("kw_off_grid", "hors grille", "off grid", &["hors grille", "off grid"]);
pub const NEXT_LEVEL: Keyword = kw("kw_next_level", "niveau supérieur", "next level", &["niveau supérieur", "niveau superieur", "next level"]);
pub const REJECT: Keyword = kw("kw_reject", "rejet", "reject", &["rejet", "reject"]);
pub const HIGHEST_WINS: Keyword = kw("kw_highest_wins", "le plus élevé l'emporte", "highest wins", &["le plus élevé l'emporte", "le plus eleve l'emporte", "le plus élevé l’emporte", "le plus eleve l’emporte", "highest wins"]);
pub const STATUS: Keyword = kw("kw_status", "statut", "status", &["statut", "status"]);
pub const IF: Keyword = kw("kw_if", "si", "if", &["si", "if"]);
pub const OTHERWISE: Keyword = kw("kw_otherwise", "sinon", "otherwise", &["sinon", "otherwise"]);
pub const WORKING_TIME: Keyword = kw("kw_working_time", "temps de travail", "working time", &["temps de travail", "working time"]);
pub const REFERENCE_HOURS: Keyword = kw("kw_reference_hours", "heures de référence", "reference hours", &["heures de référence", "heures de reference", "reference hours"]);
pub const MAXIMUM_HOURS: Keyword = kw("kw_maximum_hours", "heures maximales", "maximum hours", &["heures maximales", "maximum hours"]);
pub const MINIMUM_SALARY: Keyword = kw("kw_minimum_salary", "salaire minimum", "minimum salary", &["salaire minimum", "minimum salary"]);
pub const MISSION_CAP: Keyword = kw("kw_mission_cap", "plafond des missions", "mission cap", &["plafond des missions", "mission cap"]);
pub const WINDOW: Keyword = kw("kw_window", "fenêtre", "window", &["fenêtre", "fenetre", "window"]);
pub const AT_MOST: Keyword = kw("kw_at_most", "au plus", "at most", &["au plus", "at most"]);
pub const CLAIM: Keyword = kw("kw_claim", "droit", "claim", &["droit", "claim"]);
pub const TRIAL: Keyword = kw("kw_trial", "période d'essai", "trial period", &["période d'essai", "periode d'essai", "période d’essai", "periode d’essai", "trial period"]);
pub const RENEWAL: Keyword = kw("kw_renewal", "renouvellement", "renewal", &["renouvellement", "renewal"]);
pub const FROM_COEFFICIENT: Keyword = kw("kw_from_coefficient", "dès le coefficient", "from coefficient", &["dès le coefficient", "des le coefficient", "from coefficient"]);
pub const KNOWN_UNTIL: Keyword = kw("kw_known_until", "connu jusqu'au", "known until", &["connu jusqu'au", "connu jusqu’au", "connue jusqu'au", "connue jusqu’au", "known until"]);
pub const PROVISION: Keyword = kw("kw_provision", "disposition", "provision", &["disposition", "provision"]);
pub const ROUND: Keyword = kw("kw_round", "arrondi", "round", &["arrondi", "round"]);
pub const UP: Keyword = kw("kw_up", "supérieur", "up", &["supérieur", "superieur", "up"]);
pub const DOWN: Keyword = kw("kw_down", "inférieur", "down", &["inférieur", "inferieur", "down"]);
pub const NEAREST: Keyword = kw("kw_nearest", "au plus proche", "nearest", &["au plus proche", "nearest"]);
pub const MAX: Keyword = kw("kw_max", "max", "max", &["max", "le plus élevé de", "le plus eleve de", "highest of"]);
pub const MIN: Keyword = kw("kw_min", "min", "min", &["min", "le moins élevé de", "le moins eleve de", "lowest of"]);
pub const ANNUAL: Keyword = kw("kw_annual", "annuel", "annual", &["annuel", "annual"]);
pub const MONTHLY: Keyword = kw("kw_monthly", "mensuel", "monthly", &["mensuel", "monthly"]);
pub const THEN: Keyword = kw("kw_then", "alors", "then", &["alors", "then"]);
pub const AND: Keyword = kw("kw_and", "et", "and", &["et", "and"]);
pub const OR: Keyword = kw("kw_or", "ou", "or", &["ou", "or"]);
pub const NOT: Keyword = kw("kw_not", "non", "not", &["non", "not"]);
pub const EXAMPLE: Keyword = kw("kw_example", "exemple", "example", &["exemple", "example"]);
pub const AS_OF: Keyword = kw("kw_as_of", "au", "as of", &["au", "as of"]);
pub const FACTS: Keyword = kw("kw_facts", "faits", "facts", &["faits", "facts"]);
pub const EXPECT: Keyword = kw("kw_expect", "attendu", "expect", &["attendu", "expect"]);
pub const SINCE: Keyword = kw("kw_since", "depuis", "since", &["depuis le", "depuis", "since"]);
pub const PRIOR_MONTHS: Keyword = kw("kw_prior_months", "ancienneté antérieure", "prior experience", &["ancienneté antérieure", "anciennete anterieure", "prior experience"]);
pub const HOURS: Keyword = kw("kw_hours", "heures", "hours", &["heures", "hours"]);
pub const SALARY: Keyword = kw("kw_salary", "salaire", "salary", &["salaire", "salary"]);
pub const APPLIED: Keyword = kw("kw_applied", "coefficient appliqué", "applied coefficient", &["coefficient appliqué", "coefficient applique", "applied coefficient"]);
pub const MOVE: Keyword = kw("kw_move", "mobilité", "move", &["mobilité", "mobilite", "move"]);
pub const FROM_JOB: Keyword = kw("kw_from_job", "de", "from", &["de", "from"]);
pub const TOWARDS: Keyword = kw("kw_towards", "vers", "to", &["vers", "to"]);
pub const ON: Keyword = kw("kw_on", "le", "on", &["le", "on"]);
pub const MISSION_FROM: Keyword = kw("kw_mission_from", "du", "from", &["du", "from"]);
pub const MISSION_TO: Keyword = kw("kw_mission_to", "au", "to", &["au", "to"]);
pub const RENEWED: Keyword = kw("kw_renewed", "renouvelée", "renewed", &["renouvelée", "renouvelee", "renewed"]);
pub const BROKEN: Keyword = kw("kw_broken", "rompue le", "broken on", &["rompue le", "rompue", "broken on"]);
pub const REJECTED: Keyword = kw("kw_rejected", "rejeté", "rejected", &["rejeté", "rejete", "rejected"]);
pub const NEXT_STEP: Keyword = kw("kw_next_step", "prochaine étape", "next step", &["prochaine étape", "prochaine etape", "next step"]);
pub const SHORTFALL: Keyword = kw("kw_shortfall", "manque", "shortfall", &["manque", "shortfall"]);
pub const AGREEMENT_MINIMUM: Keyword = kw("kw_agreement_minimum", "minimum conventionnel", "agreement minimum", &["minimum conventionnel", "agreement minimum"]);
pub const TRIAL_END: Keyword = kw("kw_trial_end", "fin d'essai", "trial end", &["fin d'essai", "fin d’essai", "trial end"]);
pub const NO_STEP: Keyword = kw("kw_no_step", "aucune", "none", &["aucune", "none"]);

// ------------------------------------------------ grids, positions, échelons (issue #22)
pub const GRID: Keyword = kw("kw_grid", "grille", "grid", &["grille", "grid"]);
pub const POSITION: Keyword = kw("kw_position", "position", "position", &["position"]);
pub const STEPS: Keyword = kw("kw_steps", "échelons", "steps", &["échelons", "echelons", "échelon", "echelon", "steps", "step"]);
pub const UNTIL: Keyword = kw("kw_until", "jusqu'au", "until", &["jusqu'au", "jusqu’au", "until"]);
pub const BY_POSITION: Keyword = kw("kw_by_position", "par position", "by position", &["par position", "by position"]);
pub const BY_LEVEL_STEP: Keyword = kw("kw_by_level_step", "par niveau et échelon", "by level and step", &["par niveau et échelon", "par niveau et echelon", "by level and step"]);
pub const OF_GRID: Keyword = kw("kw_of_grid", "de", "of", &["de", "of"]);
pub const GRID_MINIMUM: Keyword = kw("kw_grid_minimum", "minimum de la grille", "minimum of grid", &["minimum de la grille", "minimum of grid"]);
// ------------------------------------------------ trials at hire (issue #22, design §7)
pub const AT_HIRE: Keyword = kw("kw_at_hire", "à l'embauche", "at hire", &["à l'embauche", "a l'embauche", "à l’embauche", "a l’embauche", "at hire"]);
pub const ON_MOVE: Keyword = kw("kw_on_move", "à la mobilité", "on a move", &["à la mobilité", "a la mobilite", "on a move"]);
pub const EXCEPT: Keyword = kw("kw_except", "sauf", "except", &["sauf", "except"]);
pub const HIRED: Keyword = kw("kw_hired", "embauché le", "hired on", &["embauché le", "embauche le", "embauchée le", "embauchee le", "hired on"]);

// ------------------------------------------------ classification by criteria (issue #22, design §8)
pub const CRITERION: Keyword = kw("kw_criterion", "critère", "criterion", &["critère", "critere", "criterion"]);
pub const DEGREES: Keyword = kw("kw_degrees", "degrés", "degrees", &["degrés", "degres", "degrees"]);
pub const SCORING: Keyword = kw("kw_scoring", "cotation", "scoring", &["cotation", "scoring"]);
pub const CRITERIA: Keyword = kw("kw_criteria", "critères", "criteria", &["critères", "criteres", "criteria"]);

// ------------------------------------------------ value types
pub const TYPE_RATE: Keyword = kw("type_rate", "taux", "rate", &["taux", "rate"]);
pub const TYPE_ANNUAL: Keyword = kw("type_annual", "montant annuel", "annual amount", &["montant annuel", "annual amount"]);
pub const TYPE_HOURLY: Keyword = kw("type_hourly", "montant horaire", "hourly amount", &["montant horaire", "hourly amount"]);
pub const TYPE_HOURS: Keyword = kw("type_hours", "heures", "hours", &["heures", "hours"]);
pub const TYPE_AMOUNT: Keyword = kw("type_amount", "montant", "amount", &["montant", "amount"]);
pub const TYPE_DECIMAL: Keyword = kw("type_decimal", "décimal", "decimal", &["décimal", "decimal", "nombre", "number"]);
pub const TYPE_DURATION: Keyword = kw("type_duration", "durée", "duration", &["durée", "duree", "duration"]);
pub const TYPE_INTEGER: Keyword = kw("type_integer", "entier", "integer", &["entier", "integer"]);

// ------------------------------------------------ time units
pub const UNIT_DAYS: Keyword = kw("unit_days", "jours", "days", &["jours", "jour", "days", "day"]);
pub const UNIT_WEEKS: Keyword = kw("unit_weeks", "semaines", "weeks", &["semaines", "semaine", "weeks", "week"]);
pub const UNIT_MONTHS: Keyword = kw("unit_months", "mois", "months", &["mois", "months", "month"]);
pub const UNIT_YEARS: Keyword = kw("unit_years", "années", "years", &["années", "annees", "année", "annee", "ans", "an", "years", "year"]);

// ------------------------------------------------ declared facts and clocks (issue #22, design §3–§4)
pub const FACT: Keyword = kw("kw_fact", "fait", "fact", &["fait", "fact"]);
pub const FIELD: Keyword = kw("kw_field", "champ", "field", &["champ", "field"]);
pub const DEFAULT: Keyword = kw("kw_default", "défaut", "default", &["défaut", "defaut", "default"]);
pub const REQUIRED: Keyword = kw("kw_required", "requis", "required", &["requis", "required"]);
pub const CHOICE: Keyword = kw("kw_choice", "choix", "choice", &["choix", "choice"]);
pub const IS: Keyword = kw("kw_is", "est", "is", &["est", "is"]);
pub const YES: Keyword = kw("kw_yes", "oui", "yes", &["oui", "yes"]);
pub const NO: Keyword = kw("kw_no", "non", "no", &["non", "no"]);
pub const AGE: Keyword = kw("kw_age", "âge", "age", &["âge", "age"]);
pub const IN_COMPANY: Keyword = kw("kw_in_company", "ancienneté dans l'entreprise", "seniority", &["ancienneté dans l'entreprise", "anciennete dans l'entreprise", "ancienneté dans l’entreprise", "anciennete dans l’entreprise", "seniority"]);
pub const IN_JOB: Keyword = kw("kw_in_job", "ancienneté dans le métier", "experience in the job", &["ancienneté dans le métier", "anciennete dans le metier", "experience in the job"]);
pub const COMPLETED_YEARS: Keyword = kw("kw_completed_years", "années révolues", "completed years", &["années révolues", "annees revolues", "completed years"]);
pub const COMPLETED_MONTHS: Keyword = kw("kw_completed_months", "mois révolus", "completed months", &["mois révolus", "mois revolus", "completed months"]);
pub const TYPE_DATE: Keyword = kw("type_date", "date", "date", &["date"]);
pub const TYPE_BOOL: Keyword = kw("type_bool", "oui-non", "yes-no", &["oui-non", "yes-no"]);
pub const TYPE_TEXT: Keyword = kw("type_text", "texte", "text", &["texte", "text"]);

/// Every keyword of the grammar, in the order `grammar/grille.pest` declares them.
pub const ALL: [Keyword; 145] = [
    UNIT_DAYS,
    UNIT_WEEKS,
    UNIT_MONTHS,
    UNIT_YEARS,
    AGREEMENT,
    LAW,
    COMPANY,
    UNDER_LAW,
    AMENDS,
    WITHIN,
    TAKEN_OVER_BY,
    SET_ASIDE,
    OWN_JOBS,
    BY,
    LEGAL_MINIMUM,
    TRIAL_MAXIMUM,
    RENEWAL_INCLUDED,
    DOCUMENT,
    DATE,
    IDCC,
    SOURCE,
    QUOTE,
    READING,
    PARAMETER,
    TABLE,
    BY_COEFFICIENT,
    FROM,
    CATEGORY,
    LEVEL,
    COEFFICIENTS,
    TO,
    MINIMUM,
    DIPLOMA,
    FLOOR,
    EXPERIENCE,
    BAND,
    RANGE_FROM,
    OPEN_FROM,
    JOB,
    TRACK,
    ALIASES,
    ENTRY_DIPLOMA,
    BLANK,
    CLASSIFICATION,
    PREVIOUS_COEFFICIENT,
    MISSION,
    TRANSITIONAL,
    BLANK_CELL,
    PREVIOUS_BAND,
    NO_FLOOR,
    OFF_GRID,
    NEXT_LEVEL,
    REJECT,
    HIGHEST_WINS,
    STATUS,
    IF,
    OTHERWISE,
    WORKING_TIME,
    REFERENCE_HOURS,
    MAXIMUM_HOURS,
    MINIMUM_SALARY,
    MISSION_CAP,
    WINDOW,
    AT_MOST,
    CLAIM,
    TRIAL,
    RENEWAL,
    FROM_COEFFICIENT,
    KNOWN_UNTIL,
    PROVISION,
    ROUND,
    UP,
    DOWN,
    NEAREST,
    MAX,
    MIN,
    ANNUAL,
    MONTHLY,
    THEN,
    AND,
    OR,
    NOT,
    EXAMPLE,
    AS_OF,
    FACTS,
    EXPECT,
    SINCE,
    PRIOR_MONTHS,
    HOURS,
    SALARY,
    APPLIED,
    MOVE,
    FROM_JOB,
    TOWARDS,
    ON,
    MISSION_FROM,
    MISSION_TO,
    RENEWED,
    BROKEN,
    REJECTED,
    NEXT_STEP,
    SHORTFALL,
    TYPE_RATE,
    TYPE_ANNUAL,
    TYPE_HOURLY,
    TYPE_HOURS,
    TYPE_AMOUNT,
    TYPE_DECIMAL,
    TYPE_DURATION,
    TYPE_INTEGER,
    AGREEMENT_MINIMUM,
    TRIAL_END,
    NO_STEP,
    FACT,
    FIELD,
    DEFAULT,
    REQUIRED,
    CHOICE,
    IS,
    YES,
    NO,
    AGE,
    IN_COMPANY,
    IN_JOB,
    COMPLETED_YEARS,
    COMPLETED_MONTHS,
    TYPE_DATE,
    TYPE_BOOL,
    TYPE_TEXT,
    GRID,
    POSITION,
    STEPS,
    UNTIL,
    BY_POSITION,
    BY_LEVEL_STEP,
    OF_GRID,
    GRID_MINIMUM,
    // trials at hire
    AT_HIRE,
    ON_MOVE,
    EXCEPT,
    HIRED,
    // criteria
    CRITERION,
    DEGREES,
    SCORING,
    CRITERIA,
];

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    const GRAMMAR: &str = include_str!("../../grammar/grille.pest");

    /// Rules whose literals are unit symbols, not words: `€`, `EUR`, `€/h`, `h`.
    const SYMBOL_RULES: [&str; 6] = [
        "euro",
        "per_year",
        "per_hour",
        "hours_unit",
        "roman",
        "roman_label",
    ];

    /// Each rule of the grammar with the string literals of its body.
    fn grammar_literals() -> BTreeMap<&'static str, Vec<&'static str>> {
        let mut rules = BTreeMap::new();
        for line in GRAMMAR.lines() {
            let code = line.split("//").next().unwrap_or_default();
            let Some((name, body)) = code.split_once('=') else {
                continue;
            };
            let name = name.trim();
            if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
                continue;
            }
            rules.insert(name, literals(body));
        }
        rules
    }

    /// The string literals of a rule's body, as written (escapes kept).
    fn literals(body: &'static str) -> Vec<&'static str> {
        let mut found = Vec::new();
        let mut start = None;
        let mut escaped = false;
        for (i, c) in body.char_indices() {
            match (start, c) {
                (Some(_), _) if escaped => escaped = false,
                (Some(_), '\\') => escaped = true,
                (Some(from), '"') => {
                    found.push(&body[from..i]);
                    start = None;
                }
                (None, '"') => start = Some(i + 1),
                _ => {}
            }
        }
        found
    }

    #[test]
    fn every_keyword_of_the_grammar_is_in_the_table() {
        let table: BTreeMap<_, _> = ALL.iter().map(|k| (k.rule, k)).collect();
        for (rule, literals) in grammar_literals() {
            let words: Vec<_> = literals
                .iter()
                .filter(|l| !l.starts_with('\\') && l.chars().any(char::is_alphabetic))
                .collect();
            if words.is_empty() || SYMBOL_RULES.contains(&rule) {
                continue;
            }
            let keyword = table
                .get(rule)
                .unwrap_or_else(|| panic!("{rule} {words:?}: not in the keyword table"));
            assert_eq!(keyword.spellings, literals, "{rule}: spellings differ");
        }
    }

    #[test]
    fn every_table_entry_is_in_the_grammar() {
        let grammar = grammar_literals();
        let mut seen = std::collections::BTreeSet::new();
        for k in ALL {
            assert!(seen.insert(k.rule), "{}: twice in the table", k.rule);
            let literals = grammar
                .get(k.rule)
                .unwrap_or_else(|| panic!("{}: no such rule in the grammar", k.rule));
            assert_eq!(k.spellings, literals.as_slice(), "{}", k.rule);
            assert!(k.spellings.contains(&k.fr), "{}: {} not accepted", k.rule, k.fr);
            assert!(k.spellings.contains(&k.en), "{}: {} not accepted", k.rule, k.en);
        }
    }
}
