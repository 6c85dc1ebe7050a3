//! What the facts readers note on a file as a whole (fields ignored, an
//! encoding guessed…), as data: each warning worded in French and English
//! ([`Said`]), as rejection reasons are ([`super::Reason`]). The CLI says it
//! in the user's language; JSON (`facts_warnings`) keeps the English words of
//! the contract.

use std::fmt;

use crate::catalogue::{Lang, Said};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Warning {
    /// Keys or columns grille does not use: the first ones, shortened and
    /// quoted, then how many more.
    FieldsIgnored { named: Vec<String>, more: usize },
    /// A CSV column for missions or moves, which CSV cannot carry.
    CsvCannotCarry { column: String },
    /// Not UTF-8: read as Windows-1252, from the first byte outside ASCII.
    ReadAsWindows1252 {
        byte: u8,
        line: usize,
        column: usize,
    },
}

impl Warning {
    /// The warning in French and in English.
    pub fn said(&self) -> Said {
        match self {
            Warning::FieldsIgnored { named, more } => {
                // "and 11 more", "et encore 11": the count's place differs.
                let listed = |others: String| {
                    let mut names = named.clone();
                    if *more > 0 {
                        names.push(others);
                    }
                    names.join(", ")
                };
                Said::new(
                    format!(
                        "champs dont grille ne se sert pas, ignorés : {}",
                        listed(format!("et encore {more}"))
                    ),
                    format!(
                        "fields not used by grille were ignored: {}",
                        listed(format!("and {more} more"))
                    ),
                )
            }
            Warning::CsvCannotCarry { column } => Said::new(
                format!(
                    "un CSV ne peut pas porter `{column}` : la colonne est ignorée ; \
                     donnez missions et mouvements en JSON"
                ),
                format!(
                    "CSV cannot carry `{column}`: the column was ignored; \
                     use JSON for missions and moves"
                ),
            ),
            Warning::ReadAsWindows1252 { byte, line, column } => Said::new(
                format!(
                    "le fichier n'est pas en UTF-8 (octet 0x{byte:02X} ligne {line}, colonne \
                     {column}) : il a été lu en Windows-1252 ; indiquez --encoding latin-1 ou \
                     utf-8 si c'est faux"
                ),
                format!(
                    "the file is not UTF-8 (byte 0x{byte:02X} at line {line}, column {column}): \
                     it was read as Windows-1252; say --encoding latin-1 or utf-8 if that is wrong"
                ),
            ),
        }
    }

    /// The warning in `lang`.
    pub fn say(&self, lang: Lang) -> String {
        self.said().say(lang).to_string()
    }

    /// The warning as a line of stderr on `file`: `file: avertissement : …`.
    pub fn line(&self, file: &str, lang: Lang) -> String {
        let head = match lang {
            Lang::Fr => "avertissement :",
            Lang::En => "warning:",
        };
        format!("{file}: {head} {}", self.say(lang))
    }
}

/// The English words, as the JSON contract (`facts_warnings`) writes them.
impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.say(Lang::En))
    }
}

impl serde::Serialize for Warning {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.say(Lang::En))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each warning is said in both languages, differently, the French free
    /// of the English catalogue's words.
    #[test]
    fn every_warning_is_said_in_both_languages() {
        let all = [
            Warning::FieldsIgnored {
                named: vec!["`Nom`".into()],
                more: 0,
            },
            Warning::FieldsIgnored {
                named: vec!["`f00`".into()],
                more: 11,
            },
            Warning::CsvCannotCarry {
                column: "missions".into(),
            },
            Warning::ReadAsWindows1252 {
                byte: 0xE9,
                line: 3,
                column: 7,
            },
        ];
        for warning in all {
            let said = warning.said();
            assert!(!said.fr.is_empty() && said.fr != said.en, "{warning:?}");
            for word in crate::catalogue::ENGLISH_WORDS {
                assert!(!said.fr.contains(word), "{warning:?}: {}", said.fr);
            }
        }
        let more = Warning::FieldsIgnored {
            named: vec!["`f00`".into()],
            more: 11,
        };
        assert_eq!(
            more.say(Lang::En),
            "fields not used by grille were ignored: `f00`, and 11 more"
        );
        assert_eq!(
            more.say(Lang::Fr),
            "champs dont grille ne se sert pas, ignorés : `f00`, et encore 11"
        );
    }
}
