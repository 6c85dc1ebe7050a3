//! Numbers, amounts and dates as a French or English reader writes them.

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    /// Français (default).
    Fr,
    /// English.
    En,
}

/// `1 680,06` (French, no-break space between thousands) or `1,680.06`.
pub fn number(value: Decimal, lang: Lang) -> String {
    let text = value.to_string();
    let (sign, digits) = match text.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", text.as_str()),
    };
    let (whole, fraction) = digits
        .split_once('.')
        .map_or((digits, None), |(w, f)| (w, Some(f)));
    let (group, point) = match lang {
        Lang::Fr => ('\u{a0}', ','),
        Lang::En => (',', '.'),
    };
    let mut out = String::from(sign);
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            out.push(group);
        }
        out.push(c);
    }
    if let Some(f) = fraction {
        out.push(point);
        out.push_str(f);
    }
    out
}

/// `1 680,06 €` or `€1,680.06`, always with cents.
pub fn money(value: Decimal, lang: Lang) -> String {
    let mut v = value;
    if v.scale() < 2 {
        v.rescale(2);
    }
    match lang {
        Lang::Fr => format!("{}\u{a0}€", number(v, lang)),
        Lang::En => format!("€{}", number(v, lang)),
    }
}

const MOIS: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];
const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// `1er mars 2025`, `29 novembre 2026` or `29 November 2026`.
pub fn date(d: NaiveDate, lang: Lang) -> String {
    let month = d.month0() as usize;
    match lang {
        Lang::Fr if d.day() == 1 => format!("1er {} {}", MOIS[month], d.year()),
        Lang::Fr => format!("{} {} {}", d.day(), MOIS[month], d.year()),
        Lang::En => format!("{} {} {}", d.day(), MONTHS[month], d.year()),
    }
}

/// An amount per hour from its monthly writing: `12,00 €/h`, `€12.00/h`.
pub fn per_hour(money: &str) -> String {
    format!("{money}/h")
}

/// A formula written by the evaluator (`arrondi(2000.00 € × 120.5 h / 160.25)`) in the reader's language.
pub fn formula(text: &str, lang: Lang) -> String {
    let text = match lang {
        Lang::Fr => text.to_string(),
        Lang::En => english_keywords(&english_clocks(text)),
    };
    let mut out = String::with_capacity(text.len());
    let mut chars = text.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        if !c.is_ascii_digit() {
            out.push(c);
            continue;
        }
        let mut end = start + 1;
        while let Some(&(i, n)) = chars.peek() {
            let decimal_point = n == '.' && text[i + 1..].starts_with(|d: char| d.is_ascii_digit());
            if n.is_ascii_digit() || decimal_point {
                end = i + 1;
                chars.next();
            } else {
                break;
            }
        }
        let literal = &text[start..end];
        match literal.parse::<Decimal>() {
            Ok(v) => out.push_str(&number(v, lang)),
            Err(_) => out.push_str(literal),
        }
    }
    match lang {
        Lang::Fr => out.replace(" €", "\u{a0}€").replace(" h", "\u{a0}h"),
        Lang::En => out,
    }
}

/// The clocks of the tests on time (issue #22), phrases of several words, in English.
fn english_clocks(text: &str) -> String {
    const CLOCKS: [(&str, &str); 4] = [
        ("ancienneté dans l'entreprise", "seniority"),
        ("ancienneté dans le métier", "experience in the job"),
        ("années révolues depuis", "completed years since"),
        ("mois révolus depuis", "completed months since"),
    ];
    let mut out = text.to_string();
    for (fr, en) in CLOCKS {
        if out.contains(fr) {
            out = out.replace(fr, en);
        }
    }
    out
}

/// The formula's keywords in English, whole words only (a parameter's name is
/// one word with its `_`): `arrondi` → `round`, `si … (oui) alors … sinon` →
/// `if … (yes) then … otherwise`, `supérieur` → `up`.
fn english_keywords(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut word = String::new();
    let mut previous = ' ';
    let flush = |word: &mut String, out: &mut String, previous: char, next: Option<char>| {
        let answer = previous == '(' && next == Some(')');
        out.push_str(match word.as_str() {
            "arrondi" => "round",
            "supérieur" => "up",
            "inférieur" => "down",
            "si" => "if",
            "alors" => "then",
            "sinon" => "otherwise",
            "et" => "and",
            "ou" => "or",
            "oui" if answer => "yes",
            "non" if answer => "no",
            "non" => "not",
            "âge" => "age",
            "est" => "is",
            "an" => "year",
            "ans" => "years",
            "mois" => "months",
            "semaine" => "week",
            "semaines" => "weeks",
            "jour" => "day",
            "jours" => "days",
            other => other,
        });
        word.clear();
    };
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c.is_alphanumeric() || c == '_' {
            if word.is_empty() {
                previous = out.chars().last().unwrap_or(' ');
            }
            word.push(c);
            let ends = !chars
                .peek()
                .is_some_and(|n| n.is_alphanumeric() || *n == '_');
            if ends {
                flush(&mut word, &mut out, previous, chars.peek().copied());
            }
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn french_and_english_forms() {
        let v = Decimal::new(168006, 2);
        assert_eq!(money(v, Lang::Fr), "1\u{a0}680,06\u{a0}€");
        assert_eq!(money(v, Lang::En), "€1,680.06");
        assert_eq!(number(Decimal::new(15167, 2), Lang::Fr), "151,67");
        assert_eq!(number(Decimal::new(1234567, 0), Lang::En), "1,234,567");
        let d = NaiveDate::from_ymd_opt(2025, 3, 1).unwrap();
        assert_eq!(date(d, Lang::Fr), "1er mars 2025");
        assert_eq!(date(d, Lang::En), "1 March 2025");
        assert_eq!(
            formula("arrondi(2000.00 € × 120.5 h / 160.25)", Lang::Fr),
            "arrondi(2\u{a0}000,00\u{a0}€ × 120,5\u{a0}h / 160,25)"
        );
        assert_eq!(
            formula("arrondi(2000.00 € × 120.5 h / 160.25)", Lang::En),
            "round(2,000.00 € × 120.5 h / 160.25)"
        );
        // Tests on time (issue #22): the clocks and their units.
        assert_eq!(
            formula(
                "si âge < 26 ans et ancienneté dans l'entreprise ≥ 1 an et modalite est forfait (oui) alors … sinon 1 €",
                Lang::En
            ),
            "if age < 26 years and seniority ≥ 1 year and modalite is forfait (yes) then … otherwise 1 €"
        );
        // Keywords are whole words: `point_si` and `aussi` stay as written.
        assert_eq!(
            formula(
                "si 300 ≥ 300 et non point_si > aussi (oui) alors arrondi(1 €, 1 €, supérieur) sinon …",
                Lang::En
            ),
            "if 300 ≥ 300 and not point_si > aussi (yes) then round(1 €, 1 €, up) otherwise …"
        );
        assert_eq!(
            formula("si a < b ou c = d (non) alors … sinon min(a, b)", Lang::En),
            "if a < b or c = d (no) then … otherwise min(a, b)"
        );
    }
}

/// `n` and the noun that counts, in the number it takes: French puts 0 and 1
/// in the singular (« 0 mois révolu », « 1 droit ouvert »), English only 1
/// ("0 completed months", "1 completed month").
pub fn count(n: impl Into<u64>, (one, many): (&str, &str), lang: Lang) -> String {
    let n = n.into();
    let singular = match lang {
        Lang::Fr => n <= 1,
        Lang::En => n == 1,
    };
    format!("{n} {}", if singular { one } else { many })
}

#[cfg(test)]
mod count_tests {
    use super::*;

    #[test]
    fn nouns_take_the_number_of_their_language() {
        let months = ("mois révolu", "mois révolus");
        assert_eq!(count(0u32, months, Lang::Fr), "0 mois révolu");
        assert_eq!(count(1u32, months, Lang::Fr), "1 mois révolu");
        assert_eq!(count(2u32, months, Lang::Fr), "2 mois révolus");
        let months = ("completed month", "completed months");
        assert_eq!(count(0u32, months, Lang::En), "0 completed months");
        assert_eq!(count(1u32, months, Lang::En), "1 completed month");
        assert_eq!(count(26u32, months, Lang::En), "26 completed months");
    }
}
