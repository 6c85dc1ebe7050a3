//! CSV as French spreadsheets open it (`--csv-fr`): a UTF-8 byte-order mark,
//! `;` between fields, decimal commas, dates day first, French headers. The
//! functions are shared by every command writing it (`eval`, `diff`, `replay`).

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::catalogue::{Lang, Text};
use crate::eval::Decision;

/// What starts the file: the UTF-8 byte-order mark, by which Excel tells UTF-8.
pub const BOM: &[u8] = b"\xEF\xBB\xBF";

/// The header row of `columns`, after the byte-order mark.
pub fn header(out: &mut Vec<u8>, columns: &[&str]) {
    out.extend_from_slice(BOM);
    for (i, column) in columns.iter().enumerate() {
        if i > 0 {
            out.push(b';');
        }
        text(out, column);
    }
    out.extend_from_slice(b"\r\n");
}

/// A text field, quoted when it holds a separator, a quote or a line break.
pub fn text(out: &mut Vec<u8>, value: &str) {
    if value.contains([';', '"', '\n', '\r']) {
        out.push(b'"');
        out.extend_from_slice(value.replace('"', "\"\"").as_bytes());
        out.push(b'"');
    } else {
        out.extend_from_slice(value.as_bytes());
    }
}

/// A decimal with a decimal comma (`1850,00`), no thousands separator: what a
/// French spreadsheet reads as a number.
pub fn decimal(out: &mut Vec<u8>, value: Decimal) {
    out.extend_from_slice(value.to_string().replace('.', ",").as_bytes());
}

/// An amount to the cent, with a decimal comma (`1850,00`).
pub fn money(out: &mut Vec<u8>, value: Decimal) {
    let mut cents = value.round_dp(2);
    cents.rescale(2);
    decimal(out, cents);
}

/// A date as French spreadsheets write it: `29/11/2026`.
pub fn date(out: &mut Vec<u8>, day: NaiveDate) {
    out.extend_from_slice(day.format("%d/%m/%Y").to_string().as_bytes());
}

/// Ends a row (CRLF, as Excel writes).
pub fn end_row(out: &mut Vec<u8>) {
    out.extend_from_slice(b"\r\n");
}

/// A row of cells (what a sheet of `--format xlsx` holds), written the
/// French way: the same table as the spreadsheet, as CSV.
pub fn cells_row(out: &mut Vec<u8>, cells: &[crate::report::xlsx::Cell]) {
    use crate::report::xlsx::Cell;
    for (i, cell) in cells.iter().enumerate() {
        if i > 0 {
            out.push(b';');
        }
        match cell {
            Cell::Empty => {}
            Cell::Text(value) => text(out, value),
            Cell::Integer(n) => out.extend_from_slice(n.to_string().as_bytes()),
            Cell::Money(amount) => money(out, *amount),
            Cell::Number(number) => decimal(out, *number),
            Cell::Date(day) => date(out, *day),
        }
    }
    end_row(out);
}

/// `eval`'s columns, in the order of the `csv` format's.
pub const DECISION_HEADERS: [&str; 18] = [
    "Matricule",
    "Emploi",
    "Tranche",
    "Coefficient",
    "Niveau",
    "Catégorie",
    "Statut",
    "Salaire minimum",
    "Manque à gagner",
    "Écart de coefficient",
    "Prochain échelon le",
    "Prochain coefficient",
    "Avertissements",
    "Minimum conventionnel",
    "Minimum légal",
    "Minimum retenu",
    "Grille",
    "Position",
];

/// One decision as a row of [`DECISION_HEADERS`].
pub fn decision_row(d: &Decision, out: &mut Vec<u8>) {
    let sep = |out: &mut Vec<u8>| out.push(b';');
    for value in [d.id, d.job, d.band] {
        text(out, value);
        sep(out);
    }
    match d.place {
        None => out.extend_from_slice(format!("{};", d.coefficient).as_bytes()),
        Some(_) => {
            text(out, &d.coefficient_words());
            sep(out);
        }
    }
    out.extend_from_slice(format!("{};", d.level).as_bytes());
    for value in [d.category, d.status] {
        text(out, value);
        sep(out);
    }
    for value in [d.minimum_salary, d.salary_shortfall] {
        if let Some(m) = value {
            money(out, m);
        }
        sep(out);
    }
    if let Some(g) = d.coefficient_gap {
        out.extend_from_slice(g.to_string().as_bytes());
    }
    sep(out);
    if let Some(n) = &d.next_step {
        date(out, n.on);
        sep(out);
        // A grid without coefficients: never a rank (the position is in the last columns).
        if let Some(c) = n.coefficient_given {
            out.extend_from_slice(c.to_string().as_bytes());
        }
    } else {
        sep(out);
    }
    sep(out);
    let warnings = french_warnings(d);
    text(out, &warnings.join(" | "));
    for value in [d.minimum_agreement, d.minimum_law] {
        sep(out);
        if let Some(m) = value {
            money(out, m);
        }
    }
    sep(out);
    if let Some(from) = d.minimum_from {
        text(out, &Text::MinimumFrom(from).say(Lang::Fr));
    }
    sep(out);
    if let Some(p) = &d.place {
        text(out, &p.grid);
        sep(out);
        text(out, &p.position);
    } else {
        sep(out);
    }
    end_row(out);
}

/// A decision's warnings as a French office reads them (dates `29/11/2026`,
/// amounts in euros); the JSON keeps the contract's English sentences.
pub fn french_warnings(d: &Decision) -> Vec<String> {
    use crate::explain::locale;
    d.warnings
        .iter()
        .map(|w| w.french(|day| locale::date(day, Lang::Fr)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn written(f: impl FnOnce(&mut Vec<u8>)) -> String {
        let mut out = Vec::new();
        f(&mut out);
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn numbers_and_dates_are_written_the_french_way() {
        assert_eq!(written(|o| money(o, Decimal::new(185000, 2))), "1850,00");
        assert_eq!(written(|o| money(o, Decimal::new(1850, 0))), "1850,00");
        assert_eq!(written(|o| money(o, Decimal::new(18505, 1))), "1850,50");
        assert_eq!(written(|o| decimal(o, Decimal::new(75835, 3))), "75,835");
        let day = NaiveDate::from_ymd_opt(2027, 3, 1).unwrap();
        assert_eq!(written(|o| date(o, day)), "01/03/2027");
        assert_eq!(written(|o| text(o, "a;b \"c\"")), "\"a;b \"\"c\"\"\"");
        assert_eq!(
            written(|o| header(o, &["Matricule", "Emploi"])),
            "\u{FEFF}Matricule;Emploi\r\n"
        );
    }
}
