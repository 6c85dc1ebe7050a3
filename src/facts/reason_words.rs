//! The words of the rejection reasons added after the first ones
//! (`reason.rs` keeps the list, one variant a line, and the first words): what
//! the readers find wrong in a number, a JSON line, a CSV row, a history, and
//! what the evaluator cannot decide from the facts. Each function gives the
//! French and the English together; the English is the contract's text, as
//! it was before the reasons were typed. Dates are written as the file writes
//! them (`2024-03-01`): they are what the person looks for to fix the file.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::reason::ReasonCode;
use super::Position;
use crate::catalogue::{Lang, Said};

/// What is wrong with a decimal written as a CSV file or a flag writes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DecimalFault {
    /// Both `,` and `.`, or two of them.
    TwoMarks,
    /// Spaces that do not group thousands.
    Grouping,
    /// A mark before three digits: decimal mark or thousands separator?
    ThreeDigits { mark: char },
    /// Not a number at all.
    NotANumber,
}

impl DecimalFault {
    pub(super) fn code(self) -> ReasonCode {
        match self {
            DecimalFault::TwoMarks | DecimalFault::ThreeDigits { .. } => {
                ReasonCode::AmbiguousDecimal
            }
            DecimalFault::Grouping | DecimalFault::NotANumber => ReasonCode::NotADecimal,
        }
    }

    /// The fault in `text`; `money`: an amount, written to the cent.
    pub(super) fn said(self, text: &str, money: bool) -> Said {
        let (fr_how, en_how) = if money {
            (
                "écrivez 1850.00, 1850,00 ou 1 850,00",
                "write 1850.00, 1850,00 or 1 850,00",
            )
        } else {
            ("écrivez 121.5 ou 121,5", "write 121.5 or 121,5")
        };
        match self {
            DecimalFault::TwoMarks => Said::new(
                format!(
                    "`{text}` est ambigu : `,` et `.` ne peuvent pas être tous deux des \
                     marques décimales (seuls des espaces séparent les milliers) ; {fr_how}"
                ),
                format!(
                    "`{text}` is ambiguous: `,` and `.` cannot both be decimal marks \
                     (only spaces group thousands); {en_how}"
                ),
            ),
            DecimalFault::Grouping => Said::new(
                format!(
                    "`{text}` n'est pas un nombre : les espaces ne peuvent séparer que les \
                     milliers (1 850,00) ; {fr_how}"
                ),
                format!(
                    "`{text}` is not a number: spaces may only separate thousands (1 850,00); \
                     {en_how}"
                ),
            ),
            DecimalFault::ThreeDigits { mark } => Said::new(
                format!(
                    "`{text}` est ambigu : `{mark}` devant trois chiffres est-il une marque \
                     décimale ou un séparateur de milliers ? {fr_how}"
                ),
                format!(
                    "`{text}` is ambiguous: is `{mark}` before three digits a decimal mark or a \
                     thousands separator? {en_how}"
                ),
            ),
            DecimalFault::NotANumber => Said::new(
                format!("`{text}` n'est pas un nombre décimal ; {fr_how}"),
                format!("`{text}` is not a decimal number; {en_how}"),
            ),
        }
    }
}

/// Where a CSV quote was opened: its column, and its line when it is not the
/// line refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QuoteAt {
    pub line: Option<usize>,
    pub column: usize,
}

impl QuoteAt {
    fn said(self) -> Said {
        match self.line {
            None => Said::new(
                format!("le guillemet ouvert à la colonne {}", self.column),
                format!("the quote opened at column {}", self.column),
            ),
            Some(line) => Said::new(
                format!(
                    "le guillemet ouvert à la ligne {line}, colonne {}",
                    self.column
                ),
                format!("the quote opened at line {line}, column {}", self.column),
            ),
        }
    }
}

pub(super) fn not_a_whole_number(text: &str) -> Said {
    Said::new(
        format!("`{text}` doit être un nombre entier"),
        format!("`{text}` must be a whole number"),
    )
}

pub(super) fn whole_number_too_large(text: &str) -> Said {
    Said::new(
        format!("`{text}` est hors limites : un nombre entier de 0 à 4294967295 est attendu"),
        format!("`{text}` is out of range: a whole number from 0 to 4294967295 is expected"),
    )
}

pub(super) fn decimal_too_long(text: &str) -> Said {
    Said::new(
        format!("`{text}` est hors limites : un nombre décimal a au plus 28 chiffres"),
        format!("`{text}` is out of range: a decimal has at most 28 digits"),
    )
}

pub(super) fn not_a_decimal(text: &str) -> Said {
    Said::new(
        format!("`{text}` n'est pas un nombre décimal (écrivez 1850.00)"),
        format!("`{text}` is not a decimal number (write 1850.00)"),
    )
}

pub(super) fn more_than_cents(text: &str) -> Said {
    Said::new(
        format!(
            "`{text}` a plus de deux décimales : un salaire se paie en centimes \
             (écrivez-le au centime)"
        ),
        format!(
            "`{text}` has more than two decimals: a salary is paid in cents (write it to the cent)"
        ),
    )
}

/// serde_json's words (its `Display`, without the place), in French for the
/// commonest; `None` for the others, which French then leaves out.
const JSON_FAULTS: [(&str, &str); 16] = [
    ("EOF while parsing a list", "la fin arrive dans une liste"),
    ("EOF while parsing an object", "la fin arrive dans un objet"),
    ("EOF while parsing a string", "la fin arrive dans un texte"),
    (
        "EOF while parsing a value",
        "la fin arrive avant une valeur",
    ),
    ("expected `:`", "`:` attendu"),
    ("expected `,` or `]`", "`,` ou `]` attendu"),
    ("expected `,` or `}`", "`,` ou `}` attendu"),
    ("expected ident", "true, false ou null attendu"),
    ("expected value", "une valeur est attendue"),
    ("invalid escape", "échappement (`\\`) invalide"),
    ("invalid number", "nombre invalide"),
    ("number out of range", "nombre hors limites"),
    (
        "key must be a string",
        "une clé doit être un texte entre guillemets",
    ),
    ("trailing comma", "virgule en trop à la fin"),
    ("trailing characters", "du texte suit la fin de l'objet"),
    (
        "control character (\\u0000-\\u001F) found while parsing a string",
        "caractère de contrôle dans un texte (un saut de ligne doit s'écrire \\n)",
    ),
];

pub(super) fn not_json(line: Option<usize>, column: usize, detail: &str) -> Said {
    let (fr_place, en_place) = match line {
        Some(line) => (
            format!("ligne {line}, colonne {column}"),
            format!("line {line}, column {column}"),
        ),
        None => (format!("colonne {column}"), format!("column {column}")),
    };
    let fr_detail = JSON_FAULTS
        .iter()
        .find(|(en, _)| detail.starts_with(en))
        .map_or(String::new(), |(_, fr)| format!(" : {fr}"));
    Said::new(
        format!("ce n'est pas du JSON valide ({fr_place}){fr_detail}"),
        format!("not valid JSON ({en_place}): {detail}"),
    )
}

pub(super) fn record_not_object() -> Said {
    Said::new(
        "un enregistrement doit être un objet JSON",
        "a record must be a JSON object",
    )
}

pub(super) fn pay_line_not_object() -> Said {
    Said::new(
        "une ligne de paie doit être un objet JSON",
        "a pay line must be a JSON object",
    )
}

pub(super) fn mission_not_object() -> Said {
    Said::new(
        "une mission doit être un objet avec `job`, `start` et `end`",
        "a mission must be an object with `job`, `start` and `end`",
    )
}

pub(super) fn move_not_object() -> Said {
    Said::new(
        "un changement de poste doit être un objet avec `from`, `to` et `on`",
        "a move must be an object with `from`, `to` and `on`",
    )
}

/// `missions` (or `moves`) not a list.
pub(super) fn not_a_list(missions: bool) -> Said {
    if missions {
        Said::new(
            "doit être une liste de missions",
            "must be a list of missions",
        )
    } else {
        Said::new(
            "doit être une liste de changements de poste",
            "must be a list of moves",
        )
    }
}

pub(super) fn mission_order(start: NaiveDate, end: NaiveDate) -> Said {
    Said::new(
        format!("la mission finit ({end}) avant de commencer ({start})"),
        format!("the mission ends ({end}) before it starts ({start})"),
    )
}

pub(super) fn trial_order(broken: NaiveDate, on: NaiveDate) -> Said {
    Said::new(
        format!("l'essai est rompu ({broken}) avant le changement de poste ({on})"),
        format!("the trial is broken ({broken}) before the move ({on})"),
    )
}

pub(super) fn row_too_short(fields: usize, width: usize) -> Said {
    Said::new(
        format!("cette ligne a {fields} champs, l'en-tête {width}"),
        format!("this row has {fields} fields, the header {width}"),
    )
}

pub(super) fn value_past_header(column: usize, value: &str, width: usize, comma: bool) -> Said {
    let said = Said::new(
        format!(
            "la colonne {column} contient `{value}`, mais l'en-tête nomme {width} colonnes \
             (seules des cellules vides peuvent les suivre)"
        ),
        format!(
            "column {column} holds `{value}`, but the header names {width} columns \
             (only empty cells may follow them)"
        ),
    );
    if !comma {
        return said;
    }
    said.map(|text, lang| match lang {
        Lang::Fr => format!(
            "{text} ; dans un fichier séparé par des `,`, une virgule décimale doit être \
             entre guillemets : \"1850,00\""
        ),
        Lang::En => format!(
            "{text}; in a file separated by `,` a decimal comma must be quoted: \"1850,00\""
        ),
    })
}

pub(super) fn quote_never_closed(at: &QuoteAt) -> Said {
    at.said().map(|place, lang| match lang {
        Lang::Fr => format!(
            "{place} n'est jamais fermé : le reste du fichier serait un seul champ ; fermez le \
             guillemet, ou doublez un guillemet voulu dans un champ (\"\")"
        ),
        Lang::En => format!(
            "{place} is never closed: the rest of the file would be one field; \
             close the quote, or double a quote meant inside a field (\"\")"
        ),
    })
}

pub(super) fn quote_closed_later(at: &QuoteAt, closing_line: usize) -> Said {
    at.said().map(|place, lang| match lang {
        Lang::Fr => format!(
            "{place} n'est pas fermé sur sa ligne, et le guillemet qui le fermerait (ligne \
             {closing_line}) est suivi d'autre texte : les lignes entre les deux seraient un seul \
             champ ; fermez le guillemet sur sa ligne, ou doublez un guillemet voulu dans un \
             champ (\"\")"
        ),
        Lang::En => format!(
            "{place} is not closed on its line, and the quote that would close it (line \
             {closing_line}) is followed by other text: the rows between would be one field; \
             close the quote on its line, or double a quote meant inside a field (\"\")"
        ),
    })
}

/// The csv crate's words stay in the English; French says what it means.
pub(super) fn row_unreadable(detail: &str) -> Said {
    Said::new(
        "cette ligne ne peut pas être lue comme une ligne CSV",
        format!("this row cannot be read: {detail}"),
    )
}

pub(super) fn ends_before_hire(left: NaiveDate, hired: NaiveDate) -> Said {
    Said::new(
        format!("le contrat finit ({left}) avant de commencer (`hired_on` {hired})"),
        format!("the contract ends ({left}) before it starts (hired_on {hired})"),
    )
}

pub(super) fn jobs_order(since: NaiveDate, before: NaiveDate) -> Said {
    Said::new(
        format!(
            "{since} n'est pas après la date d'entrée de l'emploi précédent ({before}) : les emplois \
             sont listés du plus ancien au plus récent"
        ),
        format!(
            "{since} is not after the previous job's since ({before}): jobs are listed oldest first"
        ),
    )
}

pub(super) fn job_not_before_current(since: NaiveDate, job_since: NaiveDate) -> Said {
    Said::new(
        format!(
            "{since} n'est pas avant `job_since` ({job_since}) : l'emploi de l'enregistrement \
             lui-même est le plus récent"
        ),
        format!(
            "{since} is not before job_since ({job_since}): the record's own job is the latest"
        ),
    )
}

pub(super) fn job_before_hire(first_day: NaiveDate, hired: NaiveDate) -> Said {
    Said::new(
        format!(
            "{first_day} est avant `hired_on` ({hired}) : un emploi tenu dans l'entreprise commence \
             après l'embauche"
        ),
        format!(
            "{first_day} is before hired_on ({hired}): a job held in the company starts after the hire"
        ),
    )
}

pub(super) fn ends_before_job(left: NaiveDate, job_since: NaiveDate) -> Said {
    Said::new(
        format!("le contrat finit ({left}) avant que l'emploi actuel commence (`job_since` {job_since})"),
        format!("the contract ends ({left}) before the current job starts (job_since {job_since})"),
    )
}

pub(super) fn diplomas_order(since: NaiveDate, before: NaiveDate) -> Said {
    Said::new(
        format!(
            "{since} n'est pas après la date du diplôme précédent ({before}) : les diplômes sont \
             listés du plus ancien au plus récent"
        ),
        format!(
            "{since} is not after the previous diploma's ({before}): diplomas are listed oldest first"
        ),
    )
}

pub(super) fn month_twice(month: &str, first: usize, second: usize) -> Said {
    Said::new(
        format!("le mois {month} est donné deux fois (pay[{first}] et pay[{second}])"),
        format!("the month {month} is given twice (pay[{first}] and pay[{second}])"),
    )
}

pub(super) fn month_again(month: &str, again: Position) -> Said {
    let fr_again = crate::catalogue::Text::Position(again).say(Lang::Fr);
    Said::new(
        format!(
            "le mois {month} est donné deux fois (de nouveau à la {fr_again} du fichier de paie)"
        ),
        format!("the month {month} is given twice (again at {again} of the pay file)"),
    )
}

pub(super) fn after_as_of(job_since: NaiveDate, as_of: NaiveDate) -> Said {
    Said::new(
        format!("{job_since} est après la date d'évaluation {as_of}"),
        format!("{job_since} is after the evaluation date {as_of}"),
    )
}

pub(super) fn hours_not_positive(hours: Decimal) -> Said {
    Said::new(
        format!("{hours} heures par mois : les heures doivent être au-dessus de 0"),
        format!("{hours} hours a month: hours must be above 0"),
    )
}

pub(super) fn hours_above(hours: Decimal, maximum: Decimal) -> Said {
    Said::new(
        format!("{hours} heures par mois, c'est plus que le maximum de {maximum} que permettent les règles"),
        format!("{hours} hours a month is above the maximum of {maximum} the rule set allows"),
    )
}

pub(super) fn no_level(coefficient: u32) -> Said {
    Said::new(
        format!("le coefficient dû {coefficient} n'appartient à aucun niveau de la grille"),
        format!("the entitlement {coefficient} belongs to no level of the grid"),
    )
}

pub(super) fn no_diplomas(given: &str) -> Said {
    Said::new(
        format!("le jeu de règles ne déclare aucun diplôme, et les faits donnent `{given}`"),
        format!("the rule set declares no diplomas, and the facts give `{given}`"),
    )
}

fn quoted(ids: &[String]) -> String {
    let list: Vec<String> = ids.iter().map(|id| format!("`{id}`")).collect();
    list.join(", ")
}

pub(super) fn ambiguous_diploma(given: &str, diplomas: &[String]) -> Said {
    let ids = quoted(diplomas);
    Said::new(
        format!(
            "`{given}` nomme plusieurs diplômes du jeu de règles : {ids} ; donnez l'identifiant"
        ),
        format!("`{given}` names several diplomas of the rule set: {ids}; give the id"),
    )
}

pub(super) fn unknown_diploma(given: &str, known: &[String]) -> Said {
    let ids = quoted(known);
    Said::new(
        format!(
            "le jeu de règles n'a pas de diplôme `{given}` ; il connaît {ids} (par identifiant, \
             nom ou appellation)"
        ),
        format!("the rule set has no diploma `{given}`; it knows {ids} (by id, name or alias)"),
    )
}

pub(super) fn above_grid(given: u32, top: u32) -> Said {
    Said::new(
        format!("{given} est au-dessus du haut de la grille ({top})"),
        format!("{given} is above the top of the grid ({top})"),
    )
}

pub(super) fn off_grid(given: u32) -> Said {
    Said::new(
        format!("{given} n'est pas un coefficient de la grille"),
        format!("{given} is not a coefficient of the grid"),
    )
}

pub(super) fn no_floor(job: &str) -> Said {
    Said::new(
        format!(
            "aucun plancher ne donne de coefficient : les règles ne donnent à `{job}` aucun \
             classement et aucun autre plancher ne s'applique"
        ),
        format!(
            "no floor gives a coefficient: the rules give `{job}` no classification and no other floor applies"
        ),
    )
}

pub(super) fn job_not_known_on(day: NaiveDate, first: NaiveDate) -> Said {
    Said::new(
        format!(
            "le {day}, l'emploi tenu n'est pas connu : le contrat commence avant la date d'entrée du \
             premier emploi ({first}) ; listez dans `jobs` l'emploi tenu depuis l'embauche"
        ),
        format!(
            "on {day} the job held is not known: the contract starts before the first job's since ({first}); list the job held from the hire in `jobs`"
        ),
    )
}

pub(super) fn no_minimum_on(day: NaiveDate) -> Said {
    Said::new(
        format!(
            "le {day}, les règles ne donnent pas de salaire minimum : rien de dû ne peut être \
             calculé"
        ),
        format!("on {day} the rules give no minimum salary: nothing owed can be computed"),
    )
}
