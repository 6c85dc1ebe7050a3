//! Spreadsheets (`--format xlsx`): one sheet per table, the header row bold and
//! frozen, numbers as numbers, amounts in euros, dates as dates, column widths
//! fitted to their contents. [`Sheet`] is what any command's table becomes
//! (`eval`'s decisions here; `diff`'s and `replay`'s tables can be made the same
//! way); [`workbook`] writes the file with `rust_xlsxwriter`.

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook, Worksheet, XlsxError};

use crate::eval::Decision;
use crate::facts::Rejection;
use crate::model::RuleSet;
use crate::report::csv_fr::french_warnings;

/// A value of a cell, as the sheet shows it.
#[derive(Debug, Clone, Default, PartialEq)]
pub enum Cell {
    #[default]
    Empty,
    Text(String),
    /// A whole number (a coefficient, a level, a count).
    Integer(i64),
    /// An amount in euros, shown `1 850,00 €` in a French Excel.
    Money(Decimal),
    /// A number that is not an amount (a mean coefficient: `185,5`).
    Number(Decimal),
    /// A day, shown `29/11/2026`.
    Date(NaiveDate),
}

/// A table: its name (the sheet's tab), its column headers, its rows.
#[derive(Debug, Clone, Default)]
pub struct Sheet {
    pub name: String,
    pub headers: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
}

impl Sheet {
    pub fn new(name: &str, headers: &[&str]) -> Self {
        Sheet {
            name: name.to_string(),
            headers: headers.iter().map(|h| h.to_string()).collect(),
            rows: Vec::new(),
        }
    }
}

/// Excel's number formats: amounts in euros with two decimals, dates day first.
/// Excel shows them in the reader's locale (`1 850,00 €` in France).
const EURO: &str = "#,##0.00 \"€\"";
const DAY: &str = "dd/mm/yyyy";

/// Widest a column is made, in characters: longer texts wrap in the cell.
const WIDEST: usize = 60;

/// The bytes of an `.xlsx` file holding `sheets`, in order.
pub fn workbook(sheets: &[Sheet]) -> Result<Vec<u8>, String> {
    let mut book = Workbook::new();
    for sheet in sheets {
        write_sheet(book.add_worksheet(), sheet).map_err(|e| e.to_string())?;
    }
    book.save_to_buffer().map_err(|e| e.to_string())
}

fn write_sheet(out: &mut Worksheet, sheet: &Sheet) -> Result<(), XlsxError> {
    out.set_name(&sheet.name)?;
    let header = Format::new().set_bold();
    let euro = Format::new().set_num_format(EURO);
    let day = Format::new().set_num_format(DAY);
    for (col, title) in (0..).zip(&sheet.headers) {
        out.write_string_with_format(0, col, title, &header)?;
    }
    for (row, cells) in (1..).zip(&sheet.rows) {
        for (col, cell) in (0..).zip(cells) {
            match cell {
                Cell::Empty => {}
                Cell::Text(text) => {
                    out.write_string(row, col, text)?;
                }
                // Excel holds numbers as binary doubles: a coefficient is exact,
                // an amount the double nearest its cents, shown to the cent.
                Cell::Integer(n) => {
                    out.write_number(row, col, *n as f64)?;
                }
                Cell::Money(amount) => {
                    let value = amount.to_string().parse::<f64>().unwrap_or_default();
                    out.write_number_with_format(row, col, value, &euro)?;
                }
                Cell::Number(number) => {
                    let value = number.to_string().parse::<f64>().unwrap_or_default();
                    out.write_number(row, col, value)?;
                }
                Cell::Date(date) => {
                    let date = excel_date(*date)?;
                    out.write_datetime_with_format(row, col, &date, &day)?;
                }
            }
        }
    }
    out.set_freeze_panes(1, 0)?;
    for (col, width) in (0..).zip(widths(sheet)) {
        out.set_column_width(col, width as f64)?;
    }
    Ok(())
}

fn excel_date(date: NaiveDate) -> Result<ExcelDateTime, XlsxError> {
    let year =
        u16::try_from(date.year()).map_err(|_| XlsxError::DateTimeRangeError(date.to_string()))?;
    // Month and day always fit.
    ExcelDateTime::from_ymd(year, date.month() as u8, date.day() as u8)
}

/// Each column's width in characters: its widest cell as shown, plus a margin.
fn widths(sheet: &Sheet) -> Vec<usize> {
    let shown = |cell: &Cell| match cell {
        Cell::Empty => 0,
        Cell::Text(t) => t.chars().count(),
        Cell::Integer(n) => n.to_string().len(),
        // `1 850,00 €`: the digits, a group space per three, the cents and the sign.
        Cell::Money(m) => {
            let digits = m.trunc().abs().to_string().len();
            digits + digits.saturating_sub(1) / 3 + 5
        }
        Cell::Date(_) => 10,
        Cell::Number(n) => n.to_string().len(),
    };
    (0..sheet.headers.len())
        .map(|col| {
            let widest = sheet
                .rows
                .iter()
                .filter_map(|row| row.get(col))
                .map(shown)
                .chain(std::iter::once(sheet.headers[col].chars().count()))
                .max()
                .unwrap_or(0);
            (widest + 2).min(WIDEST)
        })
        .collect()
}

/// The decisions sheet's headers: those of the French CSV (`--csv-fr`).
pub const DECISIONS: &str = "Décisions";
/// The rejected records' sheet.
pub const REJECTIONS: &str = "Rejets";
pub const REJECTION_HEADERS: [&str; 4] = ["Position", "Matricule", "Champ", "Motif"];

/// One decision as a row of the decisions sheet: names where people read names
/// (the job's, the band's and the category's declared names), numbers and
/// amounts as numbers, the next step's date as a date.
/// Without the rules, the ids.
pub fn decision_cells(d: &Decision, rules: Option<&RuleSet>) -> Vec<Cell> {
    let text = |s: &str| Cell::Text(s.to_string());
    let money = |m: Option<Decimal>| m.map_or(Cell::Empty, Cell::Money);
    let names = Names { rules };
    let warnings = french_warnings(d);
    vec![
        text(d.id),
        text(names.job(d.job)),
        text(names.band(d.job, d.band)),
        match d.place {
            None => Cell::Integer(i64::from(d.coefficient)),
            Some(_) => Cell::Text(d.coefficient_words()),
        },
        Cell::Integer(i64::from(d.level)),
        text(names.category(d.category)),
        text(names.status(d.status)),
        money(d.minimum_salary),
        money(d.salary_shortfall),
        d.coefficient_gap
            .map_or(Cell::Empty, |g| Cell::Integer(i64::from(g))),
        d.next_step
            .as_ref()
            .map_or(Cell::Empty, |n| Cell::Date(n.on)),
        d.next_step
            .as_ref()
            .and_then(|n| n.coefficient_given)
            .map_or(Cell::Empty, |c| Cell::Integer(i64::from(c))),
        if warnings.is_empty() {
            Cell::Empty
        } else {
            Cell::Text(warnings.join(" | "))
        },
        money(d.minimum_agreement),
        money(d.minimum_law),
        d.minimum_from.map_or(Cell::Empty, |f| {
            Cell::Text(crate::catalogue::Text::MinimumFrom(f).say(crate::catalogue::Lang::Fr))
        }),
        d.place.as_ref().map_or(Cell::Empty, |p| text(&p.grid)),
        d.place.as_ref().map_or(Cell::Empty, |p| text(&p.position)),
    ]
}

/// The declared names of what a decision names by id; the id itself without
/// the rules, or when nothing declares a name.
pub struct Names<'r> {
    pub rules: Option<&'r RuleSet>,
}

impl<'r> Names<'r> {
    pub fn job<'a>(&self, id: &'a str) -> &'a str
    where
        'r: 'a,
    {
        let job = self.rules.and_then(|r| r.jobs.iter().find(|j| j.id == id));
        job.map_or(id, |j| j.name.as_str())
    }

    /// A band of `job`'s experience scale (scales may share band ids).
    pub fn band<'a>(&self, job: &str, id: &'a str) -> &'a str
    where
        'r: 'a,
    {
        let label = self.rules.and_then(|r| {
            let job = r.jobs.iter().find(|j| j.id == job)?;
            let scale = r.scales.get(job.scale.index())?;
            scale.bands.iter().find(|b| b.id == id)?.label.as_deref()
        });
        label.unwrap_or(id)
    }

    /// A status's declared name (`assimile-cadre "Assimilé cadre"`).
    pub fn status<'a>(&self, id: &'a str) -> &'a str
    where
        'r: 'a,
    {
        let label = self.rules.and_then(|r| {
            let rule = r
                .status_rules
                .iter()
                .find(|s| s.status == id && s.label.is_some())?;
            rule.label.as_deref()
        });
        label.unwrap_or(id)
    }

    pub fn category<'a>(&self, id: &'a str) -> &'a str
    where
        'r: 'a,
    {
        let category = self
            .rules
            .and_then(|r| r.categories.iter().find(|c| c.id == id));
        category.map_or(id, |c| c.label.as_str())
    }
}

/// A rejected record as a row of the rejections sheet.
pub fn rejection_cells(r: &Rejection) -> Vec<Cell> {
    let optional = |s: &Option<String>| s.clone().map_or(Cell::Empty, Cell::Text);
    vec![
        Cell::Text(crate::catalogue::Text::Position(r.position).say(crate::catalogue::Lang::Fr)),
        optional(&r.id),
        optional(&r.field),
        Cell::Text(r.french.to_string()),
    ]
}
