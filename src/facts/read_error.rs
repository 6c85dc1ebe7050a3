//! A failure to read a facts file at all (not one record), said in French and
//! English as rejections are: its `Display` is the English (what the JSON API's
//! `message` and tools read), [`ReadError::say`] the words of a language.
//!
//! What the text decoders find (a byte not in Windows-1252, an unpaired UTF-16
//! surrogate) travels inside an `io::Error`, as `Read` wants; [`Said`] rides in
//! it as its payload ([`said_io`]), so the French words are not lost on the way.

use std::fmt;
use std::io;

use crate::catalogue::{Lang, Said};

/// A failure to read the file at all (not one record).
#[derive(Debug)]
pub struct ReadError(pub Said);

impl ReadError {
    /// The French and the English words.
    pub fn new(fr: impl Into<String>, en: impl Into<String>) -> ReadError {
        ReadError(Said::new(fr, en))
    }

    /// The words in `lang`.
    pub fn say(&self, lang: Lang) -> &str {
        self.0.say(lang)
    }

    /// An input that cannot be read: `what` says what was being read (`the
    /// facts`, `the CSV file`, `line 3`), in each language.
    pub fn io(e: &io::Error, (fr_what, en_what): (&str, &str)) -> ReadError {
        let fr = french_words(e);
        ReadError::new(
            format!("impossible de lire {fr_what} : {fr}"),
            format!("cannot read {en_what}: {e}"),
        )
    }
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0.en)
    }
}

/// Words in both languages as an `io::Error` (its `Display` the English).
#[derive(Debug)]
struct SaidIo(Said);

impl fmt::Display for SaidIo {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0.en)
    }
}

impl std::error::Error for SaidIo {}

/// An `InvalidData` error carrying words in both languages.
pub(super) fn said_io(said: Said) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, SaidIo(said))
}

/// What `e` says, in French.
pub(super) fn french_words(e: &io::Error) -> String {
    match said_of(e) {
        Some(said) => said.fr.clone(),
        None => french_io(e),
    }
}

/// The words an `io::Error` made by [`said_io`] carries.
fn said_of(e: &io::Error) -> Option<&Said> {
    e.get_ref()?.downcast_ref::<SaidIo>().map(|s| &s.0)
}

/// What the system says, in French for the common kinds; the others keep
/// the system's words (they are the system's, not grille's).
fn french_io(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => "fichier introuvable".to_string(),
        io::ErrorKind::PermissionDenied => "permission refusée".to_string(),
        io::ErrorKind::InvalidData => "données invalides".to_string(),
        io::ErrorKind::UnexpectedEof => "fin de fichier inattendue".to_string(),
        io::ErrorKind::IsADirectory => "c'est un dossier".to_string(),
        _ => format!("erreur du système ({})", e.kind()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_words_a_decoder_gives_reach_the_read_error() {
        let e = said_io(Said::new("octet 0x81 inconnu", "byte 0x81 unknown"));
        let error = ReadError::io(&e, ("la ligne 3", "line 3"));
        assert_eq!(error.to_string(), "cannot read line 3: byte 0x81 unknown");
        assert_eq!(
            error.say(Lang::Fr),
            "impossible de lire la ligne 3 : octet 0x81 inconnu"
        );
        let plain = io::Error::from(io::ErrorKind::PermissionDenied);
        let error = ReadError::io(&plain, ("les faits", "the facts"));
        assert_eq!(
            error.say(Lang::Fr),
            "impossible de lire les faits : permission refusée"
        );
    }
}
