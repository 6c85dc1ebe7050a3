//! Why a record is rejected, as data: each reason a stable `code` (JSON
//! `code`, for tools) and its words in French and English ([`Said`]). The
//! readers and the evaluator say what they found; [`Reason::said`] words it.
//! Reasons not typed yet are [`Reason::Other`]: English only, code `other`.

use crate::catalogue::{Lang, Said};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reason {
    /// A field the record must give (`id`, `job`, `job_since`…).
    Required,
    /// A date that is no date; `french` when the reader also takes `29/11/2026`.
    NotADate { text: String, french: bool },
    /// A month that is no month (`YYYY-MM`); `french` as for dates.
    NotAMonth { text: String, french: bool },
    /// An amount below zero.
    Negative { text: String },
    /// A job no name or alias of the rule set matches; the close names, best first.
    UnknownJob { given: String, close: Vec<String> },
    /// A name several jobs are given (an alias shared); their ids.
    AmbiguousJob { given: String, jobs: Vec<String> },
    /// A CSV field (its number, from 1) not UTF-8; `utf8_asked`: UTF-8 was
    /// asked (`--encoding`, a byte-order mark), not told by the file before it.
    NotUtf8Field { field: usize, utf8_asked: bool },
    /// A JSON Lines line (`record`: a JSON array's record) not UTF-8.
    NotUtf8Json { record: bool },
    /// A key given twice in one record.
    GivenTwice,
    /// An id an earlier record bears.
    DuplicateId { id: String },
    /// A JSON value of the wrong type.
    WrongType { expected: JsonType, found: JsonType },
    /// A position no grid has, or that several grids have (issue #22).
    Position(crate::model::grid::PositionError),
    /// Not typed yet: its English words.
    Other(String),
}

/// The type of a JSON value, as a rejection names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JsonType {
    Null,
    Bool,
    Number,
    WholeNumber,
    Decimal,
    String,
    List,
    Object,
}

impl JsonType {
    /// Its words in French and English; `expected`: as what a field must be.
    fn words(self, expected: bool) -> (&'static str, &'static str) {
        match self {
            JsonType::Null => ("null", "null"),
            JsonType::Bool if expected => ("true ou false", "true or false"),
            JsonType::Bool => ("true ou false", "true/false"),
            JsonType::Number => ("un nombre", "a number"),
            JsonType::WholeNumber => ("un nombre entier", "a whole number"),
            JsonType::Decimal => ("un nombre décimal", "a decimal number"),
            JsonType::String => ("du texte", "a string"),
            JsonType::List => ("une liste", "a list"),
            JsonType::Object => ("un objet", "an object"),
        }
    }
}

/// A reason's stable code, as JSON writes it (`required`, `unknown-job`…).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ReasonCode {
    Required,
    NotADate,
    NotAMonth,
    Negative,
    UnknownJob,
    AmbiguousJob,
    NotUtf8,
    GivenTwice,
    DuplicateId,
    WrongType,
    UnknownPosition,
    AmbiguousPosition,
    /// A reason not typed yet.
    Other,
}

impl Reason {
    /// The stable code tools read.
    pub fn code(&self) -> ReasonCode {
        match self {
            Reason::Required => ReasonCode::Required,
            Reason::NotADate { .. } => ReasonCode::NotADate,
            Reason::NotAMonth { .. } => ReasonCode::NotAMonth,
            Reason::Negative { .. } => ReasonCode::Negative,
            Reason::UnknownJob { .. } => ReasonCode::UnknownJob,
            Reason::AmbiguousJob { .. } => ReasonCode::AmbiguousJob,
            Reason::NotUtf8Field { .. } | Reason::NotUtf8Json { .. } => ReasonCode::NotUtf8,
            Reason::GivenTwice => ReasonCode::GivenTwice,
            Reason::DuplicateId { .. } => ReasonCode::DuplicateId,
            Reason::WrongType { .. } => ReasonCode::WrongType,
            Reason::Position(crate::model::grid::PositionError::Ambiguous { .. }) => {
                ReasonCode::AmbiguousPosition
            }
            Reason::Position(_) => ReasonCode::UnknownPosition,
            Reason::Other(_) => ReasonCode::Other,
        }
    }

    /// The reason in French and in English.
    pub fn said(&self) -> Said {
        let quoted = |names: &[String], or: &str| {
            let list: Vec<String> = names.iter().map(|n| format!("`{n}`")).collect();
            list.join(or)
        };
        match self {
            Reason::Position(e) => {
                let (en, fr) = e.reason();
                Said::new(fr, en)
            }
            Reason::Required => Said::new("ce champ est obligatoire", "this field is required"),
            Reason::NotADate {
                text,
                french: false,
            } => Said::new(
                format!("`{text}` n'est pas une date écrite AAAA-MM-JJ"),
                format!("`{text}` is not a date written YYYY-MM-DD"),
            ),
            Reason::NotADate { text, french: true } => Said::new(
                format!(
                    "`{text}` n'est pas une date écrite 29/11/2026 (jour/mois/année) ou 2026-11-29"
                ),
                format!("`{text}` is not a date written 29/11/2026 (day/month/year) or 2026-11-29"),
            ),
            Reason::NotAMonth {
                text,
                french: false,
            } => Said::new(
                format!("`{text}` n'est pas un mois écrit AAAA-MM"),
                format!("`{text}` is not a month written YYYY-MM"),
            ),
            Reason::NotAMonth { text, french: true } => Said::new(
                format!("`{text}` n'est pas un mois écrit 2026-11 ou 11/2026"),
                format!("`{text}` is not a month written 2026-11 or 11/2026"),
            ),
            Reason::Negative { text } => Said::new(
                format!("`{text}` ne peut pas être négatif"),
                format!("`{text}` must not be negative"),
            ),
            Reason::UnknownJob { given, close } if close.is_empty() => Said::new(
                format!("le jeu de règles n'a pas de métier nommé `{given}`"),
                format!("the rule set has no job named `{given}`"),
            ),
            Reason::UnknownJob { given, close } => Said::new(
                format!(
                    "le jeu de règles n'a pas de métier nommé `{given}` ; vouliez-vous dire {} ?",
                    quoted(close, " ou ")
                ),
                format!(
                    "the rule set has no job named `{given}`; did you mean {}?",
                    quoted(close, " or ")
                ),
            ),
            Reason::AmbiguousJob { given, jobs } => Said::new(
                format!(
                    "le nom `{given}` est ambigu : il désigne {}",
                    quoted(jobs, " et ")
                ),
                format!(
                    "the name `{given}` is ambiguous: it names {}",
                    quoted(jobs, " and ")
                ),
            ),
            Reason::NotUtf8Field { field, utf8_asked } => not_utf8_field(*field, *utf8_asked),
            Reason::NotUtf8Json { record } => {
                let (fr, en) = if *record {
                    ("cet enregistrement", "this record")
                } else {
                    ("cette ligne", "this line")
                };
                Said::new(
                    format!("{fr} n'est pas du texte UTF-8 (JSON est toujours en UTF-8)"),
                    format!("{en} is not valid UTF-8 text (JSON is always UTF-8)"),
                )
            }
            Reason::GivenTwice => Said::new(
                "cette clé est donnée deux fois : on ne peut pas savoir quelle valeur compte",
                "this key is given twice: which value counts cannot be told",
            ),
            Reason::DuplicateId { id } => Said::new(
                format!("le matricule `{id}` est déjà celui d'un enregistrement précédent"),
                format!("the id `{id}` was already used by an earlier record"),
            ),
            Reason::WrongType { expected, found } => {
                let ((fr, en), (fr_found, en_found)) = (expected.words(true), found.words(false));
                Said::new(
                    format!("doit être {fr}, et non {fr_found}"),
                    format!("must be {en}, found {en_found}"),
                )
            }
            Reason::Other(english) => Said::new(english.clone(), english.clone()),
        }
    }

    /// The reason in `lang`.
    pub fn say(&self, lang: Lang) -> String {
        self.said().say(lang).to_string()
    }
}

/// A CSV field not UTF-8, and why the file was read as UTF-8.
fn not_utf8_field(field: usize, utf8_asked: bool) -> Said {
    if utf8_asked {
        Said::new(
            format!("le champ {field} n'est pas du texte UTF-8 (le fichier a été lu en UTF-8)"),
            format!("field {field} is not valid UTF-8 text (the file was read as UTF-8)"),
        )
    } else {
        Said::new(
            format!(
                "le champ {field} n'est pas du texte UTF-8, alors que le fichier était en UTF-8 \
                 avant lui (--encoding windows-1252 ou latin-1 lit tout le fichier ainsi)"
            ),
            format!(
                "field {field} is not valid UTF-8 text although the file was UTF-8 before it \
                 (--encoding windows-1252 or latin-1 reads the whole file so)"
            ),
        )
    }
}

/// A reason not typed yet, by its English words.
impl From<String> for Reason {
    fn from(english: String) -> Reason {
        Reason::Other(english)
    }
}

impl From<&str> for Reason {
    fn from(english: &str) -> Reason {
        Reason::Other(english.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each typed reason is said in both languages, differently, with a code.
    #[test]
    fn every_typed_reason_is_said_in_both_languages() {
        let text = || "31/02/2026".to_string();
        let all = [
            Reason::Required,
            Reason::NotADate {
                text: text(),
                french: false,
            },
            Reason::NotADate {
                text: text(),
                french: true,
            },
            Reason::NotAMonth {
                text: text(),
                french: false,
            },
            Reason::NotAMonth {
                text: text(),
                french: true,
            },
            Reason::Negative { text: text() },
            Reason::UnknownJob {
                given: "Hotliner".into(),
                close: vec![],
            },
            Reason::UnknownJob {
                given: "Hotliner".into(),
                close: vec!["Hotliner N1".into()],
            },
            Reason::AmbiguousJob {
                given: "Animateur".into(),
                jobs: vec!["superviseur".into(), "formateur".into()],
            },
            Reason::NotUtf8Field {
                field: 2,
                utf8_asked: false,
            },
            Reason::NotUtf8Field {
                field: 2,
                utf8_asked: true,
            },
            Reason::NotUtf8Json { record: false },
            Reason::NotUtf8Json { record: true },
            Reason::GivenTwice,
            Reason::DuplicateId { id: "E001".into() },
            Reason::WrongType {
                expected: JsonType::WholeNumber,
                found: JsonType::String,
            },
            Reason::WrongType {
                expected: JsonType::Bool,
                found: JsonType::Null,
            },
        ];
        let wrong = Reason::WrongType {
            expected: JsonType::Bool,
            found: JsonType::Bool,
        };
        assert_eq!(
            wrong.say(Lang::En),
            "must be true or false, found true/false"
        );
        for reason in all {
            let said = reason.said();
            assert!(!said.fr.is_empty() && said.fr != said.en, "{reason:?}");
            assert_ne!(reason.code(), ReasonCode::Other);
            for word in crate::catalogue::ENGLISH_WORDS {
                assert!(!said.fr.contains(word), "{reason:?}: {}", said.fr);
            }
        }
    }
}
