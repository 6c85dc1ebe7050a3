//! Help that fits the mistake: a syntax error whose text shows a common slip
//! (a decimal comma, a date written day first, `x` for `×`, a job without its
//! id…) gets a help line naming the fix, with the text rewritten as it should be.

use super::keywords::*;
use crate::catalogue::Said;

/// The help for a syntax error at `at`, where `found` starts, when the text
/// there shows a known slip.
pub(super) fn hint(source: &str, at: usize, found: &str) -> Option<Said> {
    let before = source.get(..at).unwrap_or_default();
    let line_before = before.rsplit('\n').next().unwrap_or_default();
    let after = source.get(at..).unwrap_or_default();
    let line = format!(
        "{line_before}{}",
        after.split('\n').next().unwrap_or_default()
    );
    decimal_comma(line_before, found)
        .or_else(|| grouped_thousands(line_before, found))
        .or_else(|| day_first_date(found))
        .or_else(|| unpadded_date(found))
        .or_else(|| euro_word(found))
        .or_else(|| times_letter(line_before, found))
        .or_else(|| missing_id(source, at, line_before, found))
        .or_else(|| dash_range(line_before, after))
        .or_else(|| band_without_colon(&line))
}

/// `1,4` in a formula reads as `1` then a list separator: the error falls on `4`.
fn decimal_comma(before: &str, found: &str) -> Option<Said> {
    let whole = trailing_digits(before.strip_suffix(',')?)?;
    let fraction: String = found.chars().take_while(char::is_ascii_digit).collect();
    if fraction.is_empty() {
        return None;
    }
    Some(Said::new(
        format!(
            "écrivez {whole}.{fraction} : la virgule décimale n'est pas admise dans les \
             fichiers de règles, seul le point (une virgule sépare les éléments d'une liste)"
        ),
        format!(
            "write {whole}.{fraction}: rule files take a decimal point, not a decimal comma \
             (a comma separates the items of a list)"
        ),
    ))
}

/// `1 800,00 €`: the error falls on `800,00`, after a number and a space.
fn grouped_thousands(before: &str, found: &str) -> Option<Said> {
    let head = trailing_digits(before.strip_suffix(' ')?)?;
    let group: String = found.chars().take_while(char::is_ascii_digit).collect();
    if group.len() != 3 || head.len() > 3 {
        return None;
    }
    let rest = &found[group.len()..];
    let fraction = rest.strip_prefix([',', '.']).map(|f| {
        f.chars()
            .take_while(char::is_ascii_digit)
            .collect::<String>()
    });
    let written = match fraction {
        Some(f) if !f.is_empty() => format!("{head}{group}.{f}"),
        _ => format!("{head}{group}"),
    };
    Some(Said::new(
        format!(
            "écrivez {written} : dans les fichiers de règles, les nombres n'ont pas d'espace \
             entre les milliers, et un point décimal"
        ),
        format!(
            "write {written}: numbers in rule files have no space between thousands, and a \
             decimal point"
        ),
    ))
}

/// `01/01/2027`: rule files write dates year first.
fn day_first_date(found: &str) -> Option<Said> {
    let date: String = found
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == '/' || *c == '.')
        .collect();
    let parts: Vec<&str> = date.split(['/', '.']).collect();
    let [day, month, year] = parts.as_slice() else {
        return None;
    };
    let short = |s: &str| (1..=2).contains(&s.len());
    if !(short(day) && short(month) && year.len() == 4) {
        return None;
    }
    let date = format!("{year}-{month:0>2}-{day:0>2}");
    Some(Said::new(
        format!("écrivez {date} : les dates des fichiers de règles s'écrivent année-mois-jour"),
        format!("write {date}: dates in rule files are written year-month-day"),
    ))
}

/// `2020-1-9`: a date has two digits for the month and the day.
fn unpadded_date(found: &str) -> Option<Said> {
    let parts: Vec<&str> = found.split('-').collect();
    let [year, month, day] = parts.as_slice() else {
        return None;
    };
    let digits = |s: &str, len: std::ops::RangeInclusive<usize>| {
        len.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit())
    };
    (digits(year, 4..=4) && digits(month, 1..=2) && digits(day, 1..=2)).then(|| {
        let date = format!("{year}-{month:0>2}-{day:0>2}");
        Said::new(
            format!(
                "écrivez {date} : une date a quatre chiffres pour l'année, deux pour le mois et \
                 deux pour le jour"
            ),
            format!(
                "write {date}: a date has four digits for the year, two for the month and two \
                 for the day"
            ),
        )
    })
}

/// `2000.00 euros`: an amount is written with `€` (or `EUR`).
fn euro_word(found: &str) -> Option<Said> {
    ["euros", "euro", "eur."]
        .contains(&found.to_lowercase().as_str())
        .then(|| {
            Said::new(
                format!("écrivez `€` (ou `EUR`) après un montant, pas `{found}`"),
                format!("write `€` (or `EUR`) after an amount, not `{found}`"),
            )
        })
}

/// `1.6 x base`: no `×` key on the keyboard; `*` is read as `×`.
fn times_letter(before: &str, found: &str) -> Option<Said> {
    if !matches!(found, "x" | "X")
        || !before
            .trim_end()
            .ends_with(|c: char| c.is_ascii_digit() || c == ')')
    {
        return None;
    }
    let factor = before.trim_end().rsplit(' ').next().unwrap_or_default();
    Some(Said::new(
        format!(
            "multipliez avec `×` ou `*`, pas la lettre `{found}` : {factor} × … (ou {factor} * …)"
        ),
        format!(
            "multiply with `×` or `*`, not the letter `{found}`: {factor} × … (or {factor} * …)"
        ),
    ))
}

/// `métier "Agent polyvalent"`: a declaration starts with its id, then its name.
fn missing_id(source: &str, at: usize, before: &str, found: &str) -> Option<Said> {
    if !found.starts_with('"') {
        return None;
    }
    let keyword = before.trim_end();
    let declared = [JOB, DIPLOMA, CATEGORY, PARAMETER, TABLE]
        .iter()
        .flat_map(|k| k.spellings.iter().copied())
    .find(|k| keyword == *k || keyword.ends_with(&format!(" {k}")))?;
    let rest = source.get(at + 1..)?;
    let name = &rest[..rest.find(['"', '\n']).unwrap_or(rest.len())];
    let id = slug(name);
    if id.is_empty() {
        return None;
    }
    Some(Said::new(
        format!(
            "une déclaration commence par son identifiant, puis son nom : {declared} {id} \
             \"{name}\" (l'identifiant est ce que lisent les faits et les autres règles : \
             lettres, chiffres, `-`, `+`)"
        ),
        format!(
            "a declaration starts with its id, then its name: {declared} {id} \"{name}\" \
             (the id is what facts and other rules use: letters, digits, `-`, `+`)"
        ),
    ))
}

/// `coefficients 100 - 110`: a range is written with `à`.
fn dash_range(before: &str, after: &str) -> Option<Said> {
    let words: Vec<&str> = before.split_whitespace().collect();
    let [.., keyword, low] = words.as_slice() else {
        return None;
    };
    if !keyword.starts_with("coefficient") || !low.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let rest = after.strip_prefix(['-', '–'])?;
    let high = rest.split_whitespace().next().unwrap_or("…");
    Some(Said::new(
        format!("une plage de coefficients s'écrit avec `à` : coefficients {low} à {high}"),
        format!("a range of coefficients is written with `à`: coefficients {low} à {high}"),
    ))
}

/// `debutant = 100` or `debutant 100` in a job: a band value takes a colon.
fn band_without_colon(line: &str) -> Option<Said> {
    if !line.starts_with([' ', '\t']) {
        return None;
    }
    let (band, value) = line.trim().split_once(char::is_whitespace)?;
    let value = value.trim_start().trim_start_matches('=').trim();
    // The words a line of a job or a category starts with (in English, only
    // the two most often mistaken for a band's id).
    let french = [
        LEVEL, BAND, SOURCE, FLOOR, CATEGORY, MINIMUM, ALIASES, TRACK, DIPLOMA, EXPERIENCE,
    ];
    let keyword = french.iter().any(|k| k.fr == band) || [LEVEL.en, BAND.en].contains(&band);
    let id_like = !keyword
        && band
            .chars()
            .all(|c| c.is_alphanumeric() || c == '-' || c == '+');
    let a_value = value.starts_with(|c: char| c.is_ascii_digit())
        || [LEVEL, CATEGORY].iter().any(|k| {
            value
                .strip_prefix(k.fr)
                .is_some_and(|rest| rest.starts_with(' '))
        })
        || value.starts_with(BLANK.fr);
    (id_like && a_value).then(|| {
        Said::new(
            format!("une valeur de tranche s'écrit avec deux-points : {band} : {value}"),
            format!("a band value is written with a colon: {band} : {value}"),
        )
    })
}

/// The digits `text` ends with, if any.
fn trailing_digits(text: &str) -> Option<&str> {
    let start = text
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_ascii_digit())
        .last()
        .map(|(i, _)| i)?;
    Some(&text[start..])
}

/// An id made from a name: lower case, no accents, words joined by `-`.
fn slug(name: &str) -> String {
    let words: Vec<String> = name
        .split(|c: char| !c.is_alphanumeric() && c != '+')
        .filter(|w| !w.is_empty())
        .map(crate::names::normalize)
        .collect();
    words.join("-")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(source: &str, found: &str) -> Option<String> {
        let at = source.find(found).unwrap();
        hint(source, at, found).map(|said| said.en)
    }

    fn french(source: &str, found: &str) -> String {
        let at = source.find(found).unwrap();
        hint(source, at, found).unwrap().fr
    }

    #[test]
    fn each_fix_is_said_in_french() {
        let cases = [
            (
                "  niveau 3 : coefficients 100 à 110, minimum 1,4 × base",
                "4",
                "écrivez 1.4 : la virgule décimale n'est pas admise",
            ),
            ("  minimum 1.6 x base", "x", "`×` ou `*`"),
            (
                "métier \"Agent polyvalent\"",
                "\"Agent",
                "métier agent-polyvalent \"Agent polyvalent\"",
            ),
            (
                "  debutant = 100",
                "=",
                "s'écrit avec deux-points : debutant : 100",
            ),
        ];
        for (source, found, says) in cases {
            let help = french(source, found);
            assert!(help.contains(says), "{source}: {help}");
        }
    }

    #[test]
    fn each_slip_gets_its_fix() {
        let cases = [
            (
                "  niveau 3 : coefficients 100 à 110, minimum 1,4 × base",
                "4",
                "write 1.4",
            ),
            ("  1 800,00 € depuis 2020-01-01", "800,00", "write 1800.00"),
            (
                "  2000.00 € depuis 01/01/2027",
                "01/01/2027",
                "write 2027-01-01",
            ),
            ("  minimum 1.6 x base", "x", "`×` or `*`"),
            (
                "  2000.00 € depuis 2020-1-9",
                "2020-1-9",
                "write 2020-01-09",
            ),
            (
                "  2000.00 euros depuis 2020-01-01",
                "euros",
                "`€` (or `EUR`)",
            ),
            (
                "métier \"Agent polyvalent\"",
                "\"Agent",
                "métier agent-polyvalent \"Agent polyvalent\"",
            ),
            (
                "  niveau 3 : coefficients 100 - 110",
                "-",
                "coefficients 100 à 110",
            ),
            ("  debutant = 100", "=", "debutant : 100"),
            ("  debutant 100", "debutant", "debutant : 100"),
        ];
        for (source, found, says) in cases {
            let help = at(source, found).unwrap_or_else(|| panic!("{source}: no hint"));
            assert!(help.contains(says), "{source}: {help}");
        }
        assert_eq!(at("  minimum 1.6 y base", "y"), None);
    }
}
