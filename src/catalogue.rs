//! The words grille says to people, in French (the default) and English, one
//! place for both: each [`Text`] gives its two wordings together
//! ([`Text::both`]), so a message cannot exist in one language only. The
//! outputs for machines (JSON, the CSV of the contract) keep the contract's
//! ids and English field names.
//!
//! This file holds the texts of the commands' own lines: `eval`'s table (its
//! headers and notes) and last line, `diff`'s and `replay`'s last lines and
//! notes, `grille test`'s report, `check`'s counts, why a right of `grille
//! replay` is owed, months as people read them ([`month`]). The other words
//! live beside what they say, each as a [`Said`] (French and English made
//! together): a diagnostic's message, label and help (`diag/words`), a
//! rejection's reason (`facts/reason.rs`, `facts/reason_words.rs`, each with a
//! stable code), a reader's warning (`facts/warning.rs`), a file refused whole
//! (`facts/read_error.rs`), the CLI's usage errors (`cli/words.rs`, clap's in
//! `cli/usage_fr.rs`), `--help` (`cli/help_fr.rs`), the JSON API's request
//! errors (`message_fr`), the what-if causes and chart (`diff/cause.rs`,
//! `diff/chart.rs`). Explanations have their own (`explain/locale.rs`). What a
//! rule set's formula cannot compute is still English only (`Reason::Other`).
//! `tests/french.rs` scans the French outputs of every command, and the
//! mistakes of `tests/inputs/french`, for [`ENGLISH_WORDS`].

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::explain::locale;
pub use crate::explain::Lang;

/// A text in both languages, French first: what a diagnostic, a hint or a
/// rejection says is made as one `Said`, so neither wording can be left out.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Said {
    pub fr: String,
    pub en: String,
}

impl Said {
    pub fn new(fr: impl Into<String>, en: impl Into<String>) -> Said {
        Said {
            fr: fr.into(),
            en: en.into(),
        }
    }

    /// The wording in `lang`.
    pub fn say(&self, lang: Lang) -> &str {
        match lang {
            Lang::Fr => &self.fr,
            Lang::En => &self.en,
        }
    }

    /// Both wordings changed by `f` (a prefix, quotes…).
    pub fn map(self, f: impl Fn(&str, Lang) -> String) -> Said {
        Said {
            fr: f(&self.fr, Lang::Fr),
            en: f(&self.en, Lang::En),
        }
    }
}

/// The English wording: a `Said` returned as an error reads as the English
/// one did (`?` into `Box<dyn Error>`, `to_string()`).
impl std::fmt::Display for Said {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.en)
    }
}

impl std::error::Error for Said {}

/// `("texte", "text")`: French, then English.
impl<F: Into<String>, E: Into<String>> From<(F, E)> for Said {
    fn from((fr, en): (F, E)) -> Said {
        Said::new(fr, en)
    }
}

/// Something said to a person.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Text<'a> {
    /// The table's column headers, in order.
    TableHeader(usize),
    /// Paid this much below the minimum.
    Shortfall(Decimal),
    /// The coefficient applied is this much below the one owed.
    CoefficientOwed(u32),
    /// The SMIC is above the agreement's minimum.
    SmicApplies,
    /// A claim to a job (the mission cap) since a day.
    Claim {
        job: &'a str,
        since: NaiveDate,
    },
    /// A trial period, its state and its end.
    Trial {
        status: TrialState,
        end: NaiveDate,
    },
    /// The next automatic step: a coefficient (or a position's label, on a
    /// grid without coefficients) on a day.
    NextStep {
        coefficient: String,
        on: NaiveDate,
    },
    /// The layer whose minimum won (`minimum_from`).
    MinimumFrom(crate::eval::MinimumFrom),
    /// Where a record stands in its file: `ligne 3`, `enregistrement 3`.
    Position(crate::facts::Position),
    /// How many warnings a decision carries.
    Warnings(usize),
    /// `grille test`: an example that passed, or failed.
    ExamplePassed,
    ExampleFailed,
    /// `grille test`: one expectation not met.
    Expected {
        what: &'a str,
        expected: &'a str,
        got: &'a str,
    },
    /// `grille test`: the last line.
    ExamplesCount {
        passed: usize,
        failed: usize,
    },
    /// `check --radar`: the heading, the days looked at.
    RadarHeading {
        since: NaiveDate,
        until: NaiveDate,
    },
    /// `check --radar` on a rule set not under the law.
    NotUnderLaw,
    /// `eval`'s last line on stderr: the records decided and rejected, the
    /// empty rows skipped; how the run ended.
    EvalSummary {
        decided: usize,
        rejected: usize,
        empty_rows: usize,
        as_of: NaiveDate,
        ended: Ended,
    },
    /// `diff`'s last line on stderr: how many records, decided by which side.
    DiffSummary {
        records: usize,
        as_of: NaiveDate,
        both: usize,
        base_only: usize,
        proposal_only: usize,
        rejected: usize,
    },
    /// `grille check`: a file's last line.
    CheckCount {
        errors: usize,
        warnings: usize,
    },
    /// `eval`, `diff`…: the rule file's warnings, counted, pointing to `grille check`.
    RuleWarnings {
        warnings: usize,
        file: &'a str,
    },
    /// `grille check`: the warnings of a file the checked one stands on, counted.
    WarningsShownBy {
        warnings: usize,
        file: &'a str,
    },
    /// `grille replay`: why a coefficient is owed, the band reached in a job
    /// (the English wording is the JSON's `why`).
    RightOfBand {
        band: &'a str,
        job: &'a str,
    },
    /// `grille replay`'s last line on stderr.
    ReplaySummary {
        replayed: usize,
        rejected: usize,
        from: crate::facts::Month,
        to: crate::facts::Month,
        claim_on: NaiveDate,
    },
    /// `grille replay --from … --to …`: a range that ends before it starts.
    ReplayRange {
        from: crate::facts::Month,
        to: crate::facts::Month,
    },
    /// `--id` names no employee of the facts.
    NoEmployeeWithId {
        id: &'a str,
        facts: &'a str,
    },
    /// A payslip of the pay file whose id is in no record of the facts.
    PayUnjoined {
        position: crate::facts::Position,
        id: &'a str,
        facts: &'a str,
        month: crate::facts::Month,
    },
}

/// `:` after a file name or a label, as each language writes it (French puts
/// a space before).
pub fn colon(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => " :",
        Lang::En => ":",
    }
}

/// Words of the English texts that no French text may carry: the tests scan
/// the French outputs for them.
pub const ENGLISH_WORDS: [&str; 21] = [
    "shown by",
    "error(s)",
    "jobs ",
    "given to",
    "line ",
    "blank",
    "below",
    "below minimum",
    "owed",
    "applies",
    "claim ",
    "since",
    "until",
    "trial ",
    "warning(s)",
    "passed",
    "failed",
    "FAILED",
    "expected",
    "got ",
    " on 20",
];

/// A month as people read it: `03/2023` in French (as payslips write the pay
/// period, and as grille's pay reader reads it back), `2023-03` in English
/// (the contract's form).
pub fn month(m: crate::facts::Month, lang: Lang) -> String {
    match lang {
        Lang::Fr => format!("{:02}/{:04}", m.month, m.year),
        Lang::En => m.to_string(),
    }
}

/// How `eval` ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ended {
    /// Every record read.
    Done,
    /// `--strict` stopped at the first rejected record.
    Strict,
    /// The reading of the facts broke off.
    Broken,
}

/// A trial period's state, as a note says it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TrialState {
    Running,
    Completed,
    Broken,
}

/// The table's columns: French, then English (the English are the contract's names).
const HEADERS: [(&str, &str); 9] = [
    ("matricule", "id"),
    ("emploi", "job"),
    ("tranche", "band"),
    ("coefficient", "coefficient"),
    ("niveau", "level"),
    ("catégorie", "category"),
    ("statut", "status"),
    ("minimum", "minimum_salary"),
    ("notes", "notes"),
];

/// `grille test`'s expectation names (`examples.rs`), in French.
const EXPECTED: [(&str, &str); 13] = [
    ("outcome", "résultat"),
    ("coefficient", "coefficient"),
    ("band", "tranche"),
    ("level", "niveau"),
    ("category", "catégorie"),
    ("status", "statut"),
    ("job", "métier"),
    ("minimum salary", "salaire minimum"),
    ("agreement minimum", "minimum conventionnel"),
    ("shortfall", "manque"),
    ("next step", "prochaine étape"),
    ("claim", "droit"),
    ("trial end", "fin d'essai"),
];

impl Text<'_> {
    /// The text in `lang`.
    pub fn say(&self, lang: Lang) -> String {
        let (fr, en) = self.both();
        match lang {
            Lang::Fr => fr,
            Lang::En => en,
        }
    }

    /// The French and the English wording.
    pub fn both(&self) -> (String, String) {
        let day = |d: &NaiveDate| (locale::date(*d, Lang::Fr), d.to_string());
        match self {
            Text::TableHeader(i) => {
                let (fr, en) = HEADERS.get(*i).copied().unwrap_or(("", ""));
                (fr.to_string(), en.to_string())
            }
            Text::Shortfall(amount) => (
                format!(
                    "payé {} de moins que le minimum",
                    locale::money(*amount, Lang::Fr)
                ),
                format!("paid {} below minimum", crate::eval::money(*amount)),
            ),
            Text::CoefficientOwed(gap) => (
                format!("coefficient +{gap} dû"),
                format!("coefficient +{gap} owed"),
            ),
            Text::SmicApplies => ("le SMIC s'applique".into(), "SMIC applies".into()),
            Text::Claim { job, since } => {
                let (fr, en) = day(since);
                (
                    format!("droit à {job} depuis le {fr}"),
                    format!("claim {job} since {en}"),
                )
            }
            Text::Trial { status, end } => {
                let (fr, en) = day(end);
                let (state_fr, state_en) = match status {
                    TrialState::Running => ("en cours", "running"),
                    TrialState::Completed => ("terminé", "completed"),
                    TrialState::Broken => ("rompu", "broken"),
                };
                (
                    format!("essai {state_fr} jusqu'au {fr}"),
                    format!("trial {state_en} until {en}"),
                )
            }
            Text::NextStep { coefficient, on } => {
                let (fr, en) = day(on);
                (
                    format!("→ {coefficient} le {fr}"),
                    format!("→ {coefficient} on {en}"),
                )
            }
            Text::Warnings(n) => (format!("{n} avertissement(s)"), format!("{n} warning(s)")),
            Text::Position(position) => {
                let fr = match position {
                    crate::facts::Position::Record(n) => format!("enregistrement {n}"),
                    crate::facts::Position::Line(n) => format!("ligne {n}"),
                };
                (fr, position.to_string())
            }
            Text::MinimumFrom(from) => {
                let fr = match from {
                    crate::eval::MinimumFrom::Law => "loi",
                    crate::eval::MinimumFrom::Agreement => "convention",
                    crate::eval::MinimumFrom::Company => "entreprise",
                };
                (fr.to_string(), from.as_str().to_string())
            }
            Text::ExamplePassed => ("ok    ".into(), "ok    ".into()),
            Text::ExampleFailed => ("ÉCHEC ".into(), "FAILED".into()),
            Text::Expected {
                what,
                expected,
                got,
            } => {
                let fr_what = EXPECTED
                    .iter()
                    .find(|(en, _)| en == what)
                    .map_or(*what, |(_, fr)| fr);
                (
                    format!("{fr_what} : attendu {expected}, obtenu {got}"),
                    format!("{what}: expected {expected}, got {got}"),
                )
            }
            Text::WarningsShownBy { warnings, file } => (
                format!("{warnings} avertissement(s), que montre `grille check {file}`"),
                format!("{warnings} warning(s), shown by `grille check {file}`"),
            ),
            Text::RuleWarnings { warnings, file } => (
                format!("{warnings} avertissement(s) sur les règles (voir `grille check {file}`)"),
                format!("{warnings} warning(s) on the rules (see `grille check {file}`)"),
            ),
            Text::RadarHeading { since, until } => (
                format!(
                    "minima sous le SMIC, du {since} au {until} (valeurs datées de la règle et de la loi)"
                ),
                format!(
                    "minima below the SMIC, from {since} to {until} (the dated values of the rules and of the law)"
                ),
            ),
            Text::NotUnderLaw => (
                "pas sous la loi (`sous la loi`) : pas de SMIC auquel comparer".into(),
                "not under the law (`sous la loi`): no SMIC to compare with".into(),
            ),
            Text::EvalSummary {
                decided,
                rejected,
                empty_rows,
                as_of,
                ended,
            } => {
                let (skipped_fr, skipped_en) = match empty_rows {
                    0 => (String::new(), String::new()),
                    1 => (
                        ", 1 ligne vide sautée".to_string(),
                        ", 1 empty row skipped".to_string(),
                    ),
                    n => (
                        format!(", {n} lignes vides sautées"),
                        format!(", {n} empty rows skipped"),
                    ),
                };
                let counts_fr = format!("{decided} décidé(s), {rejected} rejeté(s){skipped_fr}");
                let counts_en = format!("{decided} decided, {rejected} rejected{skipped_en}");
                let on = locale::date(*as_of, Lang::Fr);
                match ended {
                    Ended::Done => (
                        format!("{counts_fr} (au {on})"),
                        format!("{counts_en} (as of {as_of})"),
                    ),
                    Ended::Strict => (
                        format!(
                            "arrêt au premier enregistrement rejeté (--strict) : {counts_fr} (au {on})"
                        ),
                        format!(
                            "stopped at the first rejected record (--strict): {counts_en} (as of {as_of})"
                        ),
                    ),
                    Ended::Broken => (
                        format!("{counts_fr} avant l'arrêt de la lecture (au {on})"),
                        format!("{counts_en} before the reading stopped (as of {as_of})"),
                    ),
                }
            }
            Text::DiffSummary {
                records,
                as_of,
                both,
                base_only,
                proposal_only,
                rejected,
            } => (
                format!(
                    "{records} enregistrement(s) comparé(s) (au {}) : {both} décidé(s) des deux côtés, {base_only} par la base seulement, {proposal_only} par la proposition seulement, {rejected} rejeté(s) des deux côtés",
                    locale::date(*as_of, Lang::Fr)
                ),
                format!(
                    "{records} records compared (as of {as_of}): {both} decided by both, {base_only} by the base only, {proposal_only} by the proposal only, {rejected} rejected by both"
                ),
            ),
            Text::CheckCount { errors, warnings } => (
                format!("{errors} erreur(s), {warnings} avertissement(s)"),
                format!("{errors} error(s), {warnings} warning(s)"),
            ),
            Text::ExamplesCount { passed, failed } => (
                format!("{passed} réussi(s), {failed} en échec"),
                format!("{passed} passed, {failed} failed"),
            ),
            Text::RightOfBand { band, job } => (
                format!("tranche {band} en {job}"),
                format!("band {band} in {job}"),
            ),
            Text::ReplaySummary {
                replayed,
                rejected,
                from,
                to,
                claim_on,
            } => (
                format!(
                    "{replayed} rejoué(s), {rejected} rejeté(s) ({} à {}, réclamation le {})",
                    month(*from, Lang::Fr),
                    month(*to, Lang::Fr),
                    locale::date(*claim_on, Lang::Fr)
                ),
                format!("{replayed} replayed, {rejected} rejected ({from} to {to}, claim on {claim_on})"),
            ),
            Text::ReplayRange { from, to } => (
                format!("le premier mois ({from}) est après le dernier ({to})"),
                format!("the first month ({from}) is after the last ({to})"),
            ),
            Text::NoEmployeeWithId { id, facts } => (
                format!("erreur : aucun salarié de matricule `{id}` dans {facts}"),
                format!("error: no employee with id `{id}` in {facts}"),
            ),
            Text::PayUnjoined {
                position,
                id,
                facts,
                month: of,
            } => (
                format!(
                    "{}, champ `id` : aucun salarié `{id}` dans {facts} (bulletin de {} non rejoué)",
                    Text::Position(*position).say(Lang::Fr),
                    month(*of, Lang::Fr)
                ),
                format!("{position}, field `id`: no employee `{id}` in {facts} (payslip of {of} not replayed)"),
            ),
        }
    }
}

#[cfg(test)]
mod tests;
