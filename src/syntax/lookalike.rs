//! Letters from other scripts that look like Latin ones: a keyword typed or
//! pasted with a Cyrillic `е` (U+0435) reads as `métier` but is not it. A
//! syntax error on such a word names the letter and where it is.

/// Cyrillic and Greek letters drawn like Latin ones: the letter, its Unicode
/// name, the Latin letter it passes for.
const LOOKALIKES: [(char, &str, char); 40] = [
    ('а', "CYRILLIC SMALL LETTER A", 'a'),
    ('в', "CYRILLIC SMALL LETTER VE", 'b'),
    ('е', "CYRILLIC SMALL LETTER IE", 'e'),
    ('ё', "CYRILLIC SMALL LETTER IO", 'ë'),
    ('к', "CYRILLIC SMALL LETTER KA", 'k'),
    ('м', "CYRILLIC SMALL LETTER EM", 'm'),
    ('н', "CYRILLIC SMALL LETTER EN", 'h'),
    ('о', "CYRILLIC SMALL LETTER O", 'o'),
    ('р', "CYRILLIC SMALL LETTER ER", 'p'),
    ('с', "CYRILLIC SMALL LETTER ES", 'c'),
    ('т', "CYRILLIC SMALL LETTER TE", 't'),
    ('у', "CYRILLIC SMALL LETTER U", 'y'),
    ('х', "CYRILLIC SMALL LETTER HA", 'x'),
    ('і', "CYRILLIC SMALL LETTER BYELORUSSIAN-UKRAINIAN I", 'i'),
    ('ј', "CYRILLIC SMALL LETTER JE", 'j'),
    ('ѕ', "CYRILLIC SMALL LETTER DZE", 's'),
    ('А', "CYRILLIC CAPITAL LETTER A", 'A'),
    ('В', "CYRILLIC CAPITAL LETTER VE", 'B'),
    ('Е', "CYRILLIC CAPITAL LETTER IE", 'E'),
    ('К', "CYRILLIC CAPITAL LETTER KA", 'K'),
    ('М', "CYRILLIC CAPITAL LETTER EM", 'M'),
    ('Н', "CYRILLIC CAPITAL LETTER EN", 'H'),
    ('О', "CYRILLIC CAPITAL LETTER O", 'O'),
    ('Р', "CYRILLIC CAPITAL LETTER ER", 'P'),
    ('С', "CYRILLIC CAPITAL LETTER ES", 'C'),
    ('Т', "CYRILLIC CAPITAL LETTER TE", 'T'),
    ('Х', "CYRILLIC CAPITAL LETTER HA", 'X'),
    ('α', "GREEK SMALL LETTER ALPHA", 'a'),
    ('ε', "GREEK SMALL LETTER EPSILON", 'e'),
    ('ι', "GREEK SMALL LETTER IOTA", 'i'),
    ('κ', "GREEK SMALL LETTER KAPPA", 'k'),
    ('ν', "GREEK SMALL LETTER NU", 'v'),
    ('ο', "GREEK SMALL LETTER OMICRON", 'o'),
    ('ρ', "GREEK SMALL LETTER RHO", 'p'),
    ('τ', "GREEK SMALL LETTER TAU", 't'),
    ('υ', "GREEK SMALL LETTER UPSILON", 'u'),
    ('Α', "GREEK CAPITAL LETTER ALPHA", 'A'),
    ('Ε', "GREEK CAPITAL LETTER EPSILON", 'E'),
    ('Ο', "GREEK CAPITAL LETTER OMICRON", 'O'),
    ('Τ', "GREEK CAPITAL LETTER TAU", 'T'),
];

/// A help line for a word holding a Cyrillic or Greek letter, naming the first
/// one and its column; `None` for a word in Latin letters. `word_start` is the
/// word's byte offset in `source`.
pub(super) fn hint(source: &str, word_start: usize, word: &str) -> Option<crate::catalogue::Said> {
    let (at, letter) = word
        .char_indices()
        .find(|(_, c)| matches!(*c as u32, 0x0370..=0x04FF))?; // Greek, then Cyrillic
    let code = format!("U+{:04X}", letter as u32);
    let (described_fr, described_en) = match LOOKALIKES.iter().find(|(c, _, _)| *c == letter) {
        Some((_, name, latin)) => (
            format!("{code} {name}, qui ressemble à `{latin}`"),
            format!("{code} {name}, which looks like `{latin}`"),
        ),
        None => (
            format!("{code}, une lettre d'un autre alphabet"),
            format!("{code}, a letter of another alphabet"),
        ),
    };
    let offset = word_start + at;
    let line_start = source.get(..offset)?.rfind('\n').map_or(0, |i| i + 1);
    let line = source.get(..offset)?.matches('\n').count() + 1;
    let column = source.get(line_start..offset)?.chars().count() + 1;
    Some(crate::catalogue::Said::new(
        format!(
            "`{word}` contient {described_fr} (ligne {line}, colonne {column}) : retapez le mot en lettres latines"
        ),
        format!(
            "`{word}` contains {described_en} (line {line}, column {column}): retype the word in Latin letters"
        ),
    ))
}

#[cfg(test)]
mod tests {
    use super::hint;

    #[test]
    fn names_the_letter_and_its_place() {
        let source = "paramètre x : montant\nmétiеr agent \"Agent\"\n";
        let start = source.find("mét").unwrap();
        let help = hint(source, start, "métiеr").unwrap();
        assert_eq!(
            help.fr,
            "`métiеr` contient U+0435 CYRILLIC SMALL LETTER IE, qui ressemble à `e` \
             (ligne 2, colonne 5) : retapez le mot en lettres latines"
        );
        assert_eq!(
            help.en,
            "`métiеr` contains U+0435 CYRILLIC SMALL LETTER IE, which looks like `e` \
             (line 2, column 5): retype the word in Latin letters"
        );
        assert_eq!(hint(source, 0, "métier"), None);
    }
}
