//! Output formats for decisions: an aligned table for a terminal, JSON, JSON Lines, CSV.

use std::io::{self, Write};

use crate::eval::{money, Decision};

mod json;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum OutputFormat {
    /// Aligned columns for a terminal.
    Table,
    /// One JSON array of decisions, in input order.
    Json,
    /// One JSON object per line.
    Jsonl,
    /// One row per decision, the flat fields.
    Csv,
}

/// Writes decisions one at a time, in a chosen format.
pub struct Writer<W: Write> {
    out: W,
    format: OutputFormat,
    count: usize,
    table_rows: Vec<[String; 9]>,
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
        }
    }

    pub fn write(&mut self, d: &Decision) -> io::Result<()> {
        if self.format == OutputFormat::Table {
            self.table_rows.push(table_row(d));
            self.count += 1;
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

    /// Writes one decision already encoded by [`encode`] (in another thread, say).
    pub fn write_encoded(&mut self, bytes: &[u8]) -> io::Result<()> {
        match self.format {
            OutputFormat::Json => {
                self.out
                    .write_all(if self.count == 0 { b"[\n  " } else { b",\n  " })?;
            }
            OutputFormat::Csv if self.count == 0 => self.out.write_all(CSV_HEADER.as_bytes())?,
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
                let mut widths = COLUMNS.map(|c| c.chars().count());
                for row in &self.table_rows {
                    for (w, cell) in widths.iter_mut().zip(row) {
                        *w = (*w).max(cell.chars().count());
                    }
                }
                let header = COLUMNS.map(String::from);
                for row in std::iter::once(&header).chain(&self.table_rows) {
                    let mut line = String::new();
                    for (i, (cell, w)) in row.iter().zip(widths).enumerate() {
                        let numeric = matches!(i, 3 | 4 | 7);
                        if i > 0 {
                            line.push_str("  ");
                        }
                        let pad = w - cell.chars().count();
                        if numeric && row != &header {
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
            _ => {}
        }
        self.out.flush()?;
        Ok(self.out)
    }
}

const CSV_HEADER: &str = "id,job,band,coefficient,level,category,status,minimum_salary,salary_shortfall,coefficient_gap,next_step_on,next_step_coefficient,warnings,minimum_agreement,minimum_law,minimum_from\n";

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
        OutputFormat::Table => {
            let row = table_row(d);
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
    json::number(out, d.coefficient);
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
        Some(n) => write!(out, "{},{},", n.on, n.coefficient)?,
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
    out.push(b'\n');
    Ok(())
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
        notes.push(format!("→ {} on {}", n.coefficient, n.on));
    }
    if !d.warnings.is_empty() {
        notes.push(format!("{} warning(s)", d.warnings.len()));
    }
    [
        d.id.to_string(),
        d.job.to_string(),
        d.band.to_string(),
        d.coefficient.to_string(),
        d.level.to_string(),
        d.category.to_string(),
        d.status.to_string(),
        d.minimum_salary.map(money).unwrap_or_default(),
        notes.join("; "),
    ]
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
