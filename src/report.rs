//! Output formats for decisions: an aligned table for a terminal, JSON, JSON Lines, CSV.

use std::borrow::Cow;
use std::io::{self, Write};

use crate::eval::{money, Decision};

pub mod csv_fr;
mod json;
/// The JSON writers of dates and amounts, for the replay's encoder.
pub(crate) use json::{date as json_date, money as json_money};
pub mod xlsx;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutputFormat {
    /// Aligned columns for a terminal.
    Table,
    /// One JSON array of decisions, in input order.
    Json,
    /// One JSON object per line.
    Jsonl,
    /// One row per decision, the flat fields.
    Csv,
    /// [`OutputFormat::Csv`] as French spreadsheets open it ([`csv_fr`]).
    CsvFr,
    /// A workbook: the decisions sheet and the rejections sheet ([`xlsx`]),
    /// written as a whole by [`Writer::finish`].
    Xlsx,
}

/// Writes decisions one at a time, in a chosen format.
pub struct Writer<W: Write> {
    out: W,
    format: OutputFormat,
    count: usize,
    table_rows: Vec<[String; 9]>,
    /// The language of the table's headers.
    lang: crate::catalogue::Lang,
    /// The sheets of an xlsx workbook: decisions, then rejections.
    sheets: [xlsx::Sheet; 2],
}

const COLUMNS: [&str; 9] = [
    "id",
    "job",
    "band",
    "coefficient",
    "level",
    "category",
    "status",
    "minimum_salary",
    "notes",
];

impl<W: Write> Writer<W> {
    pub fn new(out: W, format: OutputFormat) -> Self {
        Writer {
            out,
            format,
            count: 0,
            table_rows: Vec::new(),
            lang: crate::catalogue::Lang::En,
            sheets: [
                xlsx::Sheet::new(xlsx::DECISIONS, &csv_fr::DECISION_HEADERS),
                xlsx::Sheet::new(xlsx::REJECTIONS, &xlsx::REJECTION_HEADERS),
            ],
        }
    }

    /// The table's headers in `lang` (English by default: the contract's names).
    pub fn in_lang(mut self, lang: crate::catalogue::Lang) -> Self {
        self.lang = lang;
        self
    }

    pub fn write(&mut self, d: &Decision) -> io::Result<()> {
        if self.format == OutputFormat::Table {
            self.table_rows.push(table_row(d));
            self.count += 1;
            return Ok(());
        }
        if self.format == OutputFormat::Xlsx {
            self.push_cells(xlsx::decision_cells(d, None));
            return Ok(());
        }
        let mut bytes = Vec::with_capacity(256);
        encode(d, self.format, &mut bytes)?;
        self.write_encoded(&bytes)
    }

    /// Adds a row to the table (see [`table_row`]), laid out when the table is finished.
    pub fn push_row(&mut self, row: [String; 9]) {
        self.table_rows.push(row);
        self.count += 1;
    }

    /// Adds a row to the decisions sheet (see [`xlsx::decision_cells`]).
    pub fn push_cells(&mut self, cells: Vec<xlsx::Cell>) {
        self.sheets[0].rows.push(cells);
        self.count += 1;
    }

    /// A rejected record: a row of the rejections sheet (the other formats
    /// leave rejections to standard error).
    pub fn push_rejection(&mut self, rejection: &crate::facts::Rejection) {
        if self.format == OutputFormat::Xlsx {
            self.sheets[1].rows.push(xlsx::rejection_cells(rejection));
        }
    }

    /// Writes one decision already encoded by [`encode`] (in another thread, say).
    pub fn write_encoded(&mut self, bytes: &[u8]) -> io::Result<()> {
        match self.format {
            OutputFormat::Json => {
                self.out
                    .write_all(if self.count == 0 { b"[\n  " } else { b",\n  " })?;
            }
            OutputFormat::Csv if self.count == 0 => self.out.write_all(CSV_HEADER.as_bytes())?,
            OutputFormat::CsvFr if self.count == 0 => {
                let mut header = Vec::new();
                csv_fr::header(&mut header, &csv_fr::DECISION_HEADERS);
                self.out.write_all(&header)?;
            }
            _ => {}
        }
        self.out.write_all(bytes)?;
        self.count += 1;
        Ok(())
    }

    /// Ends the output (closes the JSON array, prints the table) and hands back the sink.
    pub fn finish(mut self) -> io::Result<W> {
        match self.format {
            OutputFormat::Json => {
                self.out
                    .write_all(if self.count == 0 { b"[]\n" } else { b"\n]\n" })?
            }
            OutputFormat::Table => {
                // Ids and names come from the facts: shown escaped, never raw.
                let lang = self.lang;
                let header: [Cow<'_, str>; 9] = std::array::from_fn(|i| match lang {
                    crate::catalogue::Lang::En => Cow::Borrowed(COLUMNS[i]),
                    fr => Cow::Owned(crate::catalogue::Text::TableHeader(i).say(fr)),
                });
                let body = self
                    .table_rows
                    .iter()
                    .map(|r| r.each_ref().map(|c| for_people(c)));
                let rows: Vec<[Cow<'_, str>; 9]> = std::iter::once(header).chain(body).collect();
                let mut widths = [0; 9];
                for row in &rows {
                    for (w, cell) in widths.iter_mut().zip(row) {
                        *w = (*w).max(cell.chars().count());
                    }
                }
                for (r, row) in rows.iter().enumerate() {
                    let mut line = String::new();
                    for (i, (cell, w)) in row.iter().zip(widths).enumerate() {
                        let numeric = matches!(i, 3 | 4 | 7);
                        if i > 0 {
                            line.push_str("  ");
                        }
                        let pad = w - cell.chars().count();
                        if numeric && r > 0 {
                            line.push_str(&" ".repeat(pad));
                            line.push_str(cell);
                        } else {
                            line.push_str(cell);
                            if i + 1 < row.len() {
                                line.push_str(&" ".repeat(pad));
                            }
                        }
                    }
                    writeln!(self.out, "{}", line.trim_end())?;
                }
            }
            OutputFormat::Xlsx => {
                let book = xlsx::workbook(&self.sheets).map_err(io::Error::other)?;
                self.out.write_all(&book)?;
            }
            _ => {}
        }
        self.out.flush()?;
        Ok(self.out)
    }
}

const CSV_HEADER: &str = "id,job,band,coefficient,level,category,status,minimum_salary,salary_shortfall,coefficient_gap,next_step_on,next_step_coefficient,warnings,minimum_agreement,minimum_law,minimum_from,grid,position\n";

/// One decision in a line-oriented format: a JSON object (`json`), a JSON line
/// (`jsonl`) or a CSV row (`csv`). The table is laid out as a whole by [`Writer`].
pub fn encode(d: &Decision, format: OutputFormat, out: &mut Vec<u8>) -> io::Result<()> {
    match format {
        OutputFormat::Json => json::decision(d, out),
        OutputFormat::Jsonl => {
            json::decision(d, out);
            out.push(b'\n');
        }
        OutputFormat::Csv => csv_row(d, out)?,
        OutputFormat::CsvFr => csv_fr::decision_row(d, out),
        // A workbook is laid out as a whole by [`Writer`] from [`xlsx::decision_cells`].
        OutputFormat::Xlsx => {}
        OutputFormat::Table => {
            let row = table_row(d).map(|c| for_people(&c).into_owned());
            out.extend_from_slice(row.join("  ").as_bytes());
            out.push(b'\n');
        }
    }
    Ok(())
}

fn csv_row(d: &Decision, out: &mut Vec<u8>) -> io::Result<()> {
    for text in [d.id, d.job, d.band] {
        csv_field(out, text);
        out.push(b',');
    }
    // Absent for a grid without coefficients, as in JSON.
    if let Some(c) = d.coefficient_given {
        json::number(out, c);
    }
    out.push(b',');
    json::number(out, d.level);
    out.push(b',');
    for text in [d.category, d.status] {
        csv_field(out, text);
        out.push(b',');
    }
    if let Some(m) = d.minimum_salary {
        json::money(m, out);
    }
    out.push(b',');
    if let Some(s) = d.salary_shortfall {
        json::money(s, out);
    }
    out.push(b',');
    if let Some(g) = d.coefficient_gap {
        write!(out, "{g}")?;
    }
    out.push(b',');
    match &d.next_step {
        // A grid without coefficients: the position is in the last columns, never a rank.
        Some(n) => match n.coefficient_given {
            Some(c) => write!(out, "{},{c},", n.on)?,
            None => write!(out, "{},,", n.on)?,
        },
        None => out.extend_from_slice(b",,"),
    }
    if !d.warnings.is_empty() {
        let joined: Vec<String> = d.warnings.iter().map(ToString::to_string).collect();
        csv_field(out, &joined.join(" | "));
    }
    for value in [d.minimum_agreement, d.minimum_law] {
        out.push(b',');
        if let Some(value) = value {
            json::money(value, out);
        }
    }
    out.push(b',');
    if let Some(from) = d.minimum_from {
        out.extend_from_slice(from.as_str().as_bytes());
    }
    // The grid position (issue #22), last: the columns only grow.
    out.push(b',');
    if let Some(p) = &d.place {
        csv_field(out, &p.grid);
        out.push(b',');
        csv_field(out, &p.position);
    } else {
        out.push(b',');
    }
    out.push(b'\n');
    Ok(())
}

/// A decision as a row of the table format, for people: in `lang`, the job,
/// band and category by their declared names when `rules` are given.
pub fn table_row_in(
    d: &Decision,
    rules: Option<&crate::model::RuleSet>,
    lang: crate::catalogue::Lang,
) -> [String; 9] {
    use crate::catalogue::{Text, TrialState};
    let mut notes: Vec<Text> = Vec::new();
    if let Some(s) = d.salary_shortfall {
        notes.push(Text::Shortfall(s));
    }
    if let Some(g) = d.coefficient_gap {
        notes.push(Text::CoefficientOwed(g));
    }
    if d.minimum_from == Some(crate::eval::MinimumFrom::Law) {
        notes.push(Text::SmicApplies);
    }
    let names = xlsx::Names { rules };
    for c in &d.claims {
        notes.push(Text::Claim {
            job: names.job(c.job),
            since: c.since,
        });
    }
    if let Some(t) = &d.trial {
        let status = match t.status {
            crate::eval::TrialStatus::Running => TrialState::Running,
            crate::eval::TrialStatus::Completed => TrialState::Completed,
            crate::eval::TrialStatus::Broken => TrialState::Broken,
        };
        notes.push(Text::Trial { status, end: t.end });
    }
    if let Some(n) = &d.next_step {
        notes.push(Text::NextStep {
            coefficient: n.key_words(),
            on: n.on,
        });
    }
    if !d.warnings.is_empty() {
        notes.push(Text::Warnings(d.warnings.len()));
    }
    let notes: Vec<String> = notes.iter().map(|n| n.say(lang)).collect();
    let minimum = d.minimum_salary.map(|m| match lang {
        crate::catalogue::Lang::En => money(m),
        fr => crate::explain::locale::number(cents(m), fr),
    });
    [
        d.id.to_string(),
        names.job(d.job).to_string(),
        names.band(d.job, d.band).to_string(),
        d.coefficient_words(),
        d.level.to_string(),
        names.category(d.category).to_string(),
        d.status.to_string(),
        minimum.unwrap_or_default(),
        notes.join("; "),
    ]
}

/// An amount with two decimals.
fn cents(value: rust_decimal::Decimal) -> rust_decimal::Decimal {
    let mut v = value.round_dp(2);
    v.rescale(2);
    v
}

/// A decision as a row of the table format.
pub fn table_row(d: &Decision) -> [String; 9] {
    let mut notes = Vec::new();
    if let Some(s) = d.salary_shortfall {
        notes.push(format!("paid {} below minimum", money(s)));
    }
    if let Some(g) = d.coefficient_gap {
        notes.push(format!("coefficient +{g} owed"));
    }
    if d.minimum_from == Some(crate::eval::MinimumFrom::Law) {
        notes.push("SMIC applies".to_string());
    }
    for c in &d.claims {
        notes.push(format!("claim {} since {}", c.job, c.since));
    }
    if let Some(t) = &d.trial {
        notes.push(format!("trial {} until {}", t.status.as_str(), t.end));
    }
    if let Some(n) = &d.next_step {
        notes.push(format!("→ {} on {}", n.key_words(), n.on));
    }
    if !d.warnings.is_empty() {
        notes.push(format!("{} warning(s)", d.warnings.len()));
    }
    [
        d.id.to_string(),
        d.job.to_string(),
        d.band.to_string(),
        d.coefficient_words(),
        d.level.to_string(),
        d.category.to_string(),
        d.status.to_string(),
        d.minimum_salary.map(money).unwrap_or_default(),
        notes.join("; "),
    ]
}

/// Text from the facts or the rules made safe to print for a person, on a
/// terminal or in a log: every control character (a line break, a carriage
/// return, an escape sequence, the C1 controls), the Unicode line separators and
/// the bidirectional overrides are written as `\n`, `\r`, `\t` or `\u{1b}`, so
/// that a value can neither forge a line ("rejected: line 99") nor recolour or
/// reorder what a terminal shows. Machine formats (JSON, CSV) need none of this:
/// they escape or quote by their own rules.
pub fn for_people(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_hidden) {
        return Cow::Borrowed(text);
    }
    let mut shown = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\n' => shown.push_str("\\n"),
            '\r' => shown.push_str("\\r"),
            '\t' => shown.push_str("\\t"),
            c if is_hidden(c) => shown.push_str(&format!("\\u{{{:x}}}", u32::from(c))),
            c => shown.push(c),
        }
    }
    Cow::Owned(shown)
}

/// [`for_people`] for text of several lines: each line escaped, the line breaks kept.
pub fn lines_for_people(text: &str) -> Cow<'_, str> {
    if !text.chars().any(|c| c != '\n' && is_hidden(c)) {
        return Cow::Borrowed(text);
    }
    let lines: Vec<Cow<'_, str>> = text.split('\n').map(for_people).collect();
    Cow::Owned(lines.join("\n"))
}

/// [`for_people`] for a source text quoted by byte offsets (a diagnostic's
/// lines): each hidden character becomes as many `?` as it has bytes, so every
/// offset into the text stays valid; line breaks and tabs are kept.
pub fn masked_for_people(text: &str) -> Cow<'_, str> {
    let shown = |c: char, next: Option<char>| {
        !is_hidden(c) || c == '\n' || c == '\t' || (c == '\r' && next == Some('\n'))
    };
    let mut chars = text.chars().peekable();
    let mut masked = String::new();
    let mut changed = false;
    while let Some(c) = chars.next() {
        if shown(c, chars.peek().copied()) {
            masked.push(c);
        } else {
            masked.extend(std::iter::repeat_n('?', c.len_utf8()));
            changed = true;
        }
    }
    if changed {
        Cow::Owned(masked)
    } else {
        Cow::Borrowed(text)
    }
}

/// Whether a character does something to a terminal instead of showing itself.
fn is_hidden(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{061c}' | '\u{200e}' | '\u{200f}' | '\u{2028}'..='\u{202e}' | '\u{2066}'..='\u{2069}'
        )
}

/// A CSV field, quoted when it holds a separator, a quote or a line break.
fn csv_field(out: &mut Vec<u8>, f: &str) {
    if f.contains([',', '"', '\n', '\r']) {
        out.push(b'"');
        out.extend_from_slice(f.replace('"', "\"\"").as_bytes());
        out.push(b'"');
    } else {
        out.extend_from_slice(f.as_bytes());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_are_escaped_for_people_and_the_rest_kept() {
        assert!(matches!(
            for_people("E001 Téléconseillère « 1 850 € »"),
            Cow::Borrowed(_)
        ));
        let cases = [
            ("E2\nrejected: line 99", "E2\\nrejected: line 99"),
            ("a\rb\tc", "a\\rb\\tc"),
            ("E1\u{1b}[31m", "E1\\u{1b}[31m"),
            ("\u{0}\u{7f}\u{9b}", "\\u{0}\\u{7f}\\u{9b}"),
            ("abc\u{202e}fed\u{2066}", "abc\\u{202e}fed\\u{2066}"),
            ("a\u{2028}b", "a\\u{2028}b"),
        ];
        for (raw, shown) in cases {
            assert_eq!(for_people(raw), shown, "{raw:?}");
        }
        assert_eq!(lines_for_people("a\u{1b}b\nc\r\n"), "a\\u{1b}b\nc\\r\n");
        assert!(matches!(lines_for_people("a\nb\n"), Cow::Borrowed(_)));
        let source = "a\u{1b}[0m\tb\r\nc\rd\u{202e}e\n";
        let masked = masked_for_people(source);
        assert_eq!(masked, "a?[0m\tb\r\nc?d???e\n");
        assert_eq!(masked.len(), source.len(), "offsets stay valid");
    }
}
