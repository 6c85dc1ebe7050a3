//! Output formats for decisions: an aligned table for a terminal, JSON, JSON Lines, CSV.

use std::io::{self, Write};

use crate::eval::{money, Decision};

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

const CSV_HEADER: &str = "id,job,band,coefficient,level,category,status,minimum_salary,salary_shortfall,coefficient_gap,next_step_on,next_step_coefficient,warnings\n";

/// One decision in a line-oriented format: a JSON object (`json`), a JSON line
/// (`jsonl`) or a CSV row (`csv`). The table is laid out as a whole by [`Writer`].
pub fn encode(d: &Decision, format: OutputFormat, out: &mut Vec<u8>) -> io::Result<()> {
    match format {
        OutputFormat::Json => serde_json::to_writer(&mut *out, d)?,
        OutputFormat::Jsonl => {
            serde_json::to_writer(&mut *out, d)?;
            out.push(b'\n');
        }
        OutputFormat::Csv => {
            let fields = [
                d.id.to_string(),
                d.job.to_string(),
                d.band.to_string(),
                d.coefficient.to_string(),
                d.level.to_string(),
                d.category.to_string(),
                d.status.to_string(),
                d.minimum_salary.map(money).unwrap_or_default(),
                d.salary_shortfall.map(money).unwrap_or_default(),
                d.coefficient_gap.map(|g| g.to_string()).unwrap_or_default(),
                d.next_step
                    .as_ref()
                    .map(|n| n.on.to_string())
                    .unwrap_or_default(),
                d.next_step
                    .as_ref()
                    .map(|n| n.coefficient.to_string())
                    .unwrap_or_default(),
                d.warnings
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join(" | "),
            ];
            let line: Vec<String> = fields.iter().map(|f| csv_field(f)).collect();
            out.extend_from_slice(line.join(",").as_bytes());
            out.push(b'\n');
        }
        OutputFormat::Table => {
            let row = table_row(d);
            out.extend_from_slice(row.join("  ").as_bytes());
            out.push(b'\n');
        }
    }
    Ok(())
}

fn table_row(d: &Decision) -> [String; 9] {
    let mut notes = Vec::new();
    if let Some(s) = d.salary_shortfall {
        notes.push(format!("paid {} below minimum", money(s)));
    }
    if let Some(g) = d.coefficient_gap {
        notes.push(format!("coefficient +{g} owed"));
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

fn csv_field(f: &str) -> String {
    if f.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", f.replace('"', "\"\""))
    } else {
        f.to_string()
    }
}
