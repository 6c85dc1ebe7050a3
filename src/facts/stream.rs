//! Reading facts record by record, so that a workforce of millions need not be
//! held in memory: JSON Lines and CSV are read a line at a time. A JSON array is
//! one value, so it is parsed whole, then handed out record by record.

use std::io::{BufRead, Cursor, Read};

use serde_json::Value;

use super::csv_fr::detect_delimiter;
use super::encoding::{Decoder, Detected, Encoding};
use super::{Columns, Format, Options, Position, ReadError, Reader, Record, Rejection};

/// Records of a facts file, in input order. After the last one,
/// [`FactStream::finish`] gives the notes on the file, or the error that stopped
/// the reading (an unreadable line, a broken CSV file).
pub struct FactStream<'a> {
    pub(super) reader: Reader,
    pub(super) source: Source<'a>,
    pub(super) error: Option<ReadError>,
    /// The encoding a CSV file was found in, when not UTF-8.
    detected: Detected,
}

pub(super) enum Source<'a> {
    Array(std::iter::Enumerate<std::vec::IntoIter<Value>>),
    Lines {
        input: Box<dyn BufRead + 'a>,
        line: usize,
        buffer: String,
    },
    Csv {
        input: csv::Reader<Box<dyn Read + 'a>>,
        // Boxed: the largest part of the largest variant.
        columns: Box<Columns>,
        row: csv::ByteRecord,
        /// Said of a row that is not UTF-8.
        not_utf8: &'static str,
    },
    Done,
}

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// Starts reading facts. Fails at once when the file cannot be read at all (a
/// JSON array that does not parse, a CSV header without the required columns).
pub fn stream<'a>(input: impl BufRead + 'a, format: Format) -> Result<FactStream<'a>, ReadError> {
    stream_with(input, format, Options::default())
}

/// Starts reading facts with a CSV separator or an encoding given (see [`Options`]).
pub fn stream_with<'a>(
    input: impl BufRead + 'a,
    format: Format,
    options: Options,
) -> Result<FactStream<'a>, ReadError> {
    let mut input: Box<dyn BufRead + 'a> = Box::new(input);
    let bom = skip_bom(&mut input)?;
    let mut reader = Reader::default();
    let detected = Detected::default();
    if format != Format::Csv {
        if options.encoding.is_some_and(|e| e != Encoding::Utf8) {
            return Err(ReadError(
                "JSON is always UTF-8 (RFC 8259): --encoding applies to CSV only".to_string(),
            ));
        }
        if options.delimiter.is_some() {
            return Err(ReadError("--delimiter applies to CSV only".to_string()));
        }
    }
    let source = match format {
        Format::Json => json_source(input)?,
        Format::JsonLines => lines(input),
        Format::Csv => {
            let encoding = match options.encoding {
                Some(e) if bom && e != Encoding::Utf8 => {
                    return Err(ReadError(format!(
                        "the file starts with a UTF-8 byte-order mark, yet --encoding {} was given",
                        e.name()
                    )))
                }
                None if bom => Some(Encoding::Utf8),
                other => other,
            };
            reader.delimiter = match options.delimiter {
                Some(d) => d,
                None => detect_delimiter(
                    input
                        .fill_buf()
                        .map_err(|e| ReadError(format!("cannot read the facts: {e}")))?,
                )
                .map_err(ReadError)?,
            };
            let decoded: Box<dyn Read + 'a> =
                Box::new(Decoder::new(input, encoding, detected.clone()));
            let mut input = csv::ReaderBuilder::new()
                .flexible(true)
                .delimiter(reader.delimiter)
                .from_reader(decoded);
            let headers = input
                .headers()
                .map_err(|e| ReadError(format!("cannot read the CSV header: {e}")))?
                .clone();
            let columns = Box::new(reader.csv_columns(&headers)?);
            Source::Csv {
                input,
                columns,
                row: csv::ByteRecord::new(),
                not_utf8: if encoding.is_some() {
                    "(the file was read as UTF-8)"
                } else {
                    "although the file was UTF-8 before it (--encoding windows-1252 or latin-1 \
                     reads the whole file so)"
                },
            }
        }
    };
    Ok(FactStream {
        reader,
        source,
        error: None,
        detected,
    })
}

impl FactStream<'_> {
    /// The notes on the file (ignored fields…), or the error that ended the reading early.
    pub fn finish(self) -> Result<Vec<String>, ReadError> {
        match self.error {
            Some(e) => Err(e),
            None => {
                let mut warnings = self.reader.finish();
                warnings.extend(self.detected.borrow_mut().take());
                Ok(warnings)
            }
        }
    }

    /// Stops the reading with a failure of the whole file.
    fn fail(&mut self, error: ReadError) -> Option<Result<Record, Rejection>> {
        self.error = Some(error);
        self.source = Source::Done;
        None
    }
}

impl Iterator for FactStream<'_> {
    type Item = Result<Record, Rejection>;

    fn next(&mut self) -> Option<Self::Item> {
        match &mut self.source {
            Source::Done => None,
            Source::Array(values) => {
                let (i, value) = values.next()?;
                let record = self.reader.json_record(value, Position::Record(i + 1));
                Some(self.reader.admit(record))
            }
            Source::Lines {
                input,
                line,
                buffer,
            } => loop {
                buffer.clear();
                *line += 1;
                match input.read_line(buffer) {
                    Ok(0) => {
                        self.source = Source::Done;
                        return None;
                    }
                    Ok(_) if buffer.trim().is_empty() => continue,
                    Ok(_) => {
                        // Without its line end, as batches read it: a column is the line's own.
                        let text = buffer.strip_suffix('\n').unwrap_or(buffer);
                        let record = self.reader.json_line(text, Position::Line(*line));
                        return Some(self.reader.admit(record));
                    }
                    // The line's bytes were consumed: only this record is lost.
                    Err(e) if e.kind() == std::io::ErrorKind::InvalidData => {
                        return Some(Err(not_utf8(*line)));
                    }
                    Err(e) => {
                        let error = ReadError(format!("cannot read line {line}: {e}"));
                        return self.fail(error);
                    }
                }
            },
            Source::Csv {
                input,
                columns,
                row,
                not_utf8,
            } => match input.read_byte_record(row) {
                Ok(false) => {
                    self.source = Source::Done;
                    None
                }
                Ok(true) => {
                    let record = self.reader.csv_row(columns, row, not_utf8);
                    Some(self.reader.admit(record))
                }
                Err(e) => match csv_error(&e) {
                    Some(rejection) => Some(Err(rejection)),
                    None => {
                        let error = ReadError(format!("cannot read the CSV file: {e}"));
                        self.fail(error)
                    }
                },
            },
        }
    }
}

/// Skips a UTF-8 byte-order mark; whether there was one.
fn skip_bom(input: &mut Box<dyn BufRead + '_>) -> Result<bool, ReadError> {
    let start = input
        .fill_buf()
        .map_err(|e| ReadError(format!("cannot read the facts: {e}")))?;
    let bom = start.starts_with(BOM);
    if bom {
        input.consume(BOM.len());
    }
    Ok(bom)
}

fn lines<'a>(input: Box<dyn BufRead + 'a>) -> Source<'a> {
    Source::Lines {
        input,
        line: 0,
        buffer: String::new(),
    }
}

/// A `.json` file holds an array, or JSON Lines under another name.
fn json_source<'a>(mut input: Box<dyn BufRead + 'a>) -> Result<Source<'a>, ReadError> {
    let mut bytes = Vec::new();
    input
        .read_to_end(&mut bytes)
        .map_err(|e| ReadError(format!("cannot read the facts: {e}")))?;
    let first = bytes.iter().find(|b| !b.is_ascii_whitespace());
    if first != Some(&b'[') {
        return Ok(lines(Box::new(Cursor::new(bytes))));
    }
    let values: Vec<Value> = serde_json::from_slice(&bytes).map_err(|e| {
        ReadError(format!(
            "not a valid JSON array (line {}, column {}): {e}",
            e.line(),
            e.column()
        ))
    })?;
    Ok(Source::Array(values.into_iter().enumerate()))
}

/// The rejection of a CSV row that cannot be read; `None` when the file cannot be
/// read past it (an input error, a byte undefined in the encoding forced).
pub(super) fn csv_error(e: &csv::Error) -> Option<Rejection> {
    let line = e.position().map_or(0, |p| p.line() as usize);
    let reason = match e.kind() {
        csv::ErrorKind::UnequalLengths {
            expected_len, len, ..
        } => format!("this row has {len} fields, the header {expected_len}"),
        _ => return None,
    };
    Some(Rejection::new(Position::Line(line), None, None, reason))
}

pub(super) fn not_utf8(line: usize) -> Rejection {
    let reason = "this line is not valid UTF-8 text (JSON is always UTF-8)";
    Rejection::new(Position::Line(line), None, None, reason)
}

#[cfg(test)]
mod tests {
    use super::*;

    const JSONL: &str = "\u{FEFF}{\"id\":\"a\",\"job\":\"x\",\"job_since\":\"2020-01-01\",\"extra\":1}\n\n{\"id\":\"a\",\"job\":\"x\",\"job_since\":\"2020-01-01\"}\nnot json\n";

    #[test]
    fn json_lines_are_read_one_at_a_time_with_their_line() {
        let mut records = stream(JSONL.as_bytes(), Format::JsonLines).unwrap();
        let first = records.next().unwrap().unwrap();
        assert_eq!(
            (first.id.as_str(), first.position),
            ("a", Position::Line(1))
        );
        let duplicate = records.next().unwrap().unwrap_err();
        assert_eq!(duplicate.position, Position::Line(3));
        assert_eq!(
            records.next().unwrap().unwrap_err().position,
            Position::Line(4)
        );
        assert!(records.next().is_none());
        let warnings = records.finish().unwrap();
        assert_eq!(
            warnings,
            ["fields not used by grille were ignored: `extra`"]
        );
    }

    #[test]
    fn csv_rows_stream_and_match_reading_whole() {
        let text = "\u{FEFF}id,job,job_since,salary\nb,x,2020-01-01,1850.00\nc,x,2020-01-01\nd,x,2020-02-30,1.00\n";
        let streamed: Vec<_> = stream(text.as_bytes(), Format::Csv).unwrap().collect();
        let whole = super::super::read(text, Format::Csv).unwrap();
        assert_eq!(streamed, whole.records);
        assert_eq!(streamed.len(), 3);
        assert!(streamed[0].is_ok());
        assert!(streamed[1]
            .as_ref()
            .unwrap_err()
            .reason
            .contains("3 fields"));
        assert_eq!(
            streamed[2].as_ref().unwrap_err().field.as_deref(),
            Some("job_since")
        );
    }

    #[test]
    fn a_json_file_may_hold_an_array_or_lines() {
        let array = r#"  [{"id":"a","job":"x","job_since":"2020-01-01"}]"#;
        let records: Vec<_> = stream(array.as_bytes(), Format::Json).unwrap().collect();
        assert_eq!(records[0].as_ref().unwrap().position, Position::Record(1));
        let lines: Vec<_> = stream(&JSONL.as_bytes()[3..], Format::Json)
            .unwrap()
            .collect();
        assert_eq!(lines.len(), 3);
        assert!(stream("[{".as_bytes(), Format::Json).is_err());
    }
}
