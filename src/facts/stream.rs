//! Reading facts record by record, so that a workforce of millions need not be
//! held in memory: JSON Lines and CSV are read a line at a time, a JSON array an
//! element at a time.

use std::io::{BufRead, Cursor, Read};

use super::array::Elements;
use super::csv_fr::detect_delimiter;
use super::csv_rows::{CsvRows, Next, Row, Tally};
use super::encoding::{Decoder, Detected, Encoding};
use super::{Columns, Format, Options, Position, ReadError, Reader, Reason, Record, Rejection};

/// Records of a facts file, in input order. After the last one,
/// [`FactStream::finish`] gives the notes on the file, or the error that stopped
/// the reading (an unreadable line, a broken CSV file).
pub struct FactStream<'a> {
    pub(super) reader: Reader,
    pub(super) source: Source<'a>,
    pub(super) error: Option<ReadError>,
    /// The encoding a CSV file was found in, when not UTF-8.
    detected: Detected,
    /// What the file held (CSV: kept by the rows' reader until the end).
    pub(super) tally: Tally,
    /// Records handed out, decided or rejected: as many as the tally's, unless
    /// the caller stopped.
    pub(super) handed_out: usize,
    pub(super) stopped: bool,
}

pub(super) enum Source<'a> {
    Array {
        elements: Box<Elements<'a>>,
        /// The text of the element being read.
        text: Vec<u8>,
    },
    Lines {
        input: Box<dyn BufRead + 'a>,
        line: usize,
        buffer: String,
    },
    Csv {
        input: Box<CsvRows<'a>>,
        // Boxed: the largest part of the largest variant.
        columns: Box<Columns>,
        row: Row,
        /// Whether UTF-8 was asked (`--encoding`, a byte-order mark), not
        /// told by the file: said of a row that is not UTF-8.
        utf8_asked: bool,
    },
    Done,
}

/// A byte-order mark a file starts with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Bom {
    None,
    Utf8,
    /// UTF-16, big-endian when true.
    Utf16(bool),
}

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
    let mut reader = Reader {
        declared: options.declared.clone(),
        ..Reader::default()
    };
    let detected = Detected::default();
    if format != Format::Csv {
        if let Bom::Utf16(_) = bom {
            return Err(ReadError::new(
                "le fichier est en UTF-16 (il commence par une marque d'ordre des octets UTF-16), \
                 et JSON est toujours en UTF-8 (RFC 8259) : enregistrez-le en UTF-8",
                "the file is UTF-16 (it starts with a UTF-16 byte-order mark), and JSON is \
                 always UTF-8 (RFC 8259): save it as UTF-8",
            ));
        }
        if options.encoding.is_some_and(|e| e != Encoding::Utf8) {
            return Err(ReadError::new(
                "JSON est toujours en UTF-8 (RFC 8259) : --encoding ne vaut que pour le CSV",
                "JSON is always UTF-8 (RFC 8259): --encoding applies to CSV only",
            ));
        }
        if options.delimiter.is_some() {
            return Err(ReadError::new(
                "--delimiter ne vaut que pour le CSV",
                "--delimiter applies to CSV only",
            ));
        }
        if !options.columns.is_empty() {
            return Err(ReadError::new(
                "--columns ne vaut que pour le CSV : JSON nomme ses champs comme le contrat",
                "--columns applies to CSV only: JSON names its fields as the contract does",
            ));
        }
    }
    let source = match format {
        Format::Json => json_source(input)?,
        Format::JsonLines => lines(input),
        Format::Csv => csv_source(input, bom, options, &mut reader, &detected)?,
    };
    Ok(FactStream {
        reader,
        source,
        error: None,
        detected,
        tally: Tally::default(),
        handed_out: 0,
        stopped: false,
    })
}

/// A CSV file, its header read: the encoding and separator told or found.
fn csv_source<'a>(
    mut input: Box<dyn BufRead + 'a>,
    bom: Bom,
    options: Options,
    reader: &mut Reader,
    detected: &Detected,
) -> Result<Source<'a>, ReadError> {
    let encoding = match (options.encoding, bom) {
        (Some(e), Bom::Utf8) if e != Encoding::Utf8 => return Err(bom_against("UTF-8", e)),
        (Some(e), Bom::Utf16(_)) => return Err(bom_against("UTF-16", e)),
        (None, Bom::Utf8) => Some(Encoding::Utf8),
        (other, _) => other,
    };
    let start = input
        .fill_buf()
        .map_err(|e| ReadError::io(&e, ("les faits", "the facts")))?;
    reader.delimiter = match options.delimiter {
        Some(d) => d,
        None => match bom {
            Bom::Utf16(big_endian) => detect_delimiter(utf16_start(start, big_endian).as_bytes()),
            _ => detect_delimiter(start),
        }
        .map_err(ReadError)?,
    };
    let decoded: Box<dyn Read + 'a> = match bom {
        Bom::Utf16(big_endian) => Box::new(Decoder::utf16(input, big_endian)),
        _ => Box::new(Decoder::new(input, encoding, detected.clone())),
    };
    let mut rows = Box::new(CsvRows::new(decoded, reader.delimiter));
    let mut header = Row::default();
    let read = rows
        .header(&mut header)
        .map_err(|e| ReadError::io(&e, ("l'en-tête CSV", "the CSV header")))?;
    let names = match read {
        None => Vec::new(),
        Some(Err(refused)) => {
            return Err(ReadError::new(
                format!("l'en-tête CSV ne peut pas être lu : {}", refused.french),
                format!("the CSV header cannot be read: {}", refused.reason),
            ))
        }
        Some(Ok(())) => (0..header.len())
            .map(|i| {
                let field = header.field(i).unwrap_or_default();
                std::str::from_utf8(field).map(str::to_string)
            })
            .collect::<Result<Vec<String>, _>>()
            .map_err(|_| {
                ReadError::new(
                    "l'en-tête CSV n'est pas du texte UTF-8",
                    "the CSV header is not valid UTF-8 text",
                )
            })?,
    };
    let columns = Box::new(reader.csv_columns(&names, &options.columns)?);
    Ok(Source::Csv {
        input: rows,
        columns,
        row: Row::default(),
        utf8_asked: encoding.is_some() || bom != Bom::None,
    })
}

/// The start of a UTF-16 text, as much as is whole, to tell its separator.
fn utf16_start(bytes: &[u8], big_endian: bool) -> String {
    let units = bytes.chunks_exact(2).map(|pair| {
        let pair = [pair[0], pair[1]];
        if big_endian {
            u16::from_be_bytes(pair)
        } else {
            u16::from_le_bytes(pair)
        }
    });
    char::decode_utf16(units)
        .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
        .collect()
}

impl FactStream<'_> {
    /// The notes on the file (ignored fields…), or the error that ended the reading early.
    pub fn finish(mut self) -> Result<Vec<super::Warning>, ReadError> {
        if let Some(e) = self.error.take() {
            return Err(e);
        }
        let tally = self.tally();
        let read_whole = matches!(self.source, Source::Done) && !self.stopped;
        if read_whole && self.handed_out != tally.records {
            // Nothing is lost silently, not even by a fault of grille's.
            return Err(ReadError::new(
                format!(
                    "erreur interne : le fichier contient {} enregistrements, mais {} ont été \
                     décidés ou rejetés ; merci de le signaler",
                    tally.records, self.handed_out
                ),
                format!(
                    "internal error: the file holds {} records, but {} were decided or rejected; \
                     please report it",
                    tally.records, self.handed_out
                ),
            ));
        }
        let mut warnings = self.reader.finish();
        warnings.extend(self.detected.borrow_mut().take());
        Ok(warnings)
    }

    /// What the file held, as far as it was read: records, blank lines, lines.
    pub fn tally(&self) -> Tally {
        match &self.source {
            Source::Csv { input, .. } => input.tally,
            _ => self.tally,
        }
    }

    /// The reading is over: what the file held is kept.
    pub(super) fn end(&mut self) {
        self.tally = self.tally();
        self.source = Source::Done;
    }

    /// Stops the reading with a failure of the whole file.
    fn fail(&mut self, error: ReadError) -> Option<Result<Record, Rejection>> {
        self.error = Some(error);
        self.end();
        None
    }

    /// A record handed out, counted.
    fn hand_out(&mut self, record: Result<Record, Rejection>) -> Option<Result<Record, Rejection>> {
        self.handed_out += 1;
        Some(record)
    }
}

impl Iterator for FactStream<'_> {
    type Item = Result<Record, Rejection>;

    fn next(&mut self) -> Option<Self::Item> {
        match &mut self.source {
            Source::Done => None,
            Source::Array { elements, text } => {
                text.clear();
                match elements.next(text) {
                    Ok(None) => {
                        self.end();
                        None
                    }
                    Ok(Some(element)) => {
                        let record = self.reader.json_element(text, element);
                        self.tally.records += 1;
                        let record = self.reader.admit(record);
                        self.hand_out(record)
                    }
                    Err(e) => self.fail(e),
                }
            }
            Source::Lines {
                input,
                line,
                buffer,
            } => loop {
                buffer.clear();
                *line += 1;
                let read = input.read_line(buffer);
                if matches!(read, Ok(n) if n > 0) {
                    self.tally.lines += 1;
                }
                match read {
                    Ok(0) => {
                        self.end();
                        return None;
                    }
                    Ok(_) if buffer.trim().is_empty() => {
                        self.tally.blank_lines += 1;
                        continue;
                    }
                    Ok(_) => {
                        // Without its line end, as batches read it: a column is the line's own.
                        let text = buffer.strip_suffix('\n').unwrap_or(buffer);
                        let record = self.reader.json_line(text, Position::Line(*line), None);
                        self.tally.records += 1;
                        let record = self.reader.admit(record);
                        return self.hand_out(record);
                    }
                    // The line's bytes were consumed: only this record is lost.
                    Err(e) if e.kind() == std::io::ErrorKind::InvalidData => {
                        self.tally.records += 1;
                        self.tally.lines += 1;
                        let rejection = not_utf8(*line);
                        return self.hand_out(Err(rejection));
                    }
                    Err(e) => {
                        let error = ReadError::io(
                            &e,
                            (&format!("la ligne {line}"), &format!("line {line}")),
                        );
                        return self.fail(error);
                    }
                }
            },
            Source::Csv {
                input,
                columns,
                row,
                utf8_asked,
            } => match input.next(row) {
                Ok(Next::End) => {
                    self.end();
                    None
                }
                Ok(Next::Row) => {
                    let record = self.reader.csv_row(columns, row, *utf8_asked);
                    let record = self.reader.admit(record);
                    self.hand_out(record)
                }
                Ok(Next::Refused(rejection)) => self.hand_out(Err(rejection)),
                Err(e) => {
                    let error = ReadError::io(&e, ("le fichier CSV", "the CSV file"));
                    self.fail(error)
                }
            },
        }
    }
}

/// Skips a byte-order mark; which one there was.
fn skip_bom(input: &mut Box<dyn BufRead + '_>) -> Result<Bom, ReadError> {
    let start = input
        .fill_buf()
        .map_err(|e| ReadError::io(&e, ("les faits", "the facts")))?;
    let (bom, len) = if start.starts_with(b"\xEF\xBB\xBF") {
        (Bom::Utf8, 3)
    } else if start.starts_with(b"\xFF\xFE\0\0") || start.starts_with(b"\0\0\xFE\xFF") {
        return Err(ReadError::new(
            "le fichier est en UTF-32 (il commence par une marque d'ordre des octets UTF-32) : \
             enregistrez-le en UTF-8",
            "the file is UTF-32 (it starts with a UTF-32 byte-order mark): save it as UTF-8",
        ));
    } else if start.starts_with(b"\xFF\xFE") {
        (Bom::Utf16(false), 2)
    } else if start.starts_with(b"\xFE\xFF") {
        (Bom::Utf16(true), 2)
    } else {
        (Bom::None, 0)
    };
    input.consume(len);
    Ok(bom)
}

fn lines<'a>(input: Box<dyn BufRead + 'a>) -> Source<'a> {
    Source::Lines {
        input,
        line: 0,
        buffer: String::new(),
    }
}

/// A `.json` file holds an array, or JSON Lines under another name: told by its
/// first byte that is not whitespace (the whitespace is read again after).
fn json_source<'a>(mut input: Box<dyn BufRead + 'a>) -> Result<Source<'a>, ReadError> {
    let mut skipped = Vec::new();
    let first = loop {
        let available = match input.fill_buf() {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(ReadError::io(&e, ("les faits", "the facts"))),
        };
        let Some(&first) = available.first() else {
            break None;
        };
        if !first.is_ascii_whitespace() {
            break Some(first);
        }
        skipped.push(first);
        input.consume(1);
    };
    let input: Box<dyn BufRead + 'a> = Box::new(Cursor::new(skipped).chain(input));
    if first != Some(b'[') {
        return Ok(lines(input));
    }
    Ok(Source::Array {
        elements: Box::new(Elements::new(input)?),
        text: Vec::new(),
    })
}

pub(super) fn not_utf8(line: usize) -> Rejection {
    let reason = Reason::NotUtf8Json { record: false };
    Rejection::new(Position::Line(line), None, None, reason)
}

/// A byte-order mark that contradicts the `--encoding` given.
fn bom_against(bom: &str, given: Encoding) -> ReadError {
    ReadError::new(
        format!(
            "le fichier commence par une marque d'ordre des octets {bom}, mais --encoding {} est donné",
            given.name()
        ),
        format!(
            "the file starts with a {bom} byte-order mark, yet --encoding {} was given",
            given.name()
        ),
    )
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
        let warnings: Vec<String> = records
            .finish()
            .unwrap()
            .iter()
            .map(ToString::to_string)
            .collect();
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
        // A broken array stops the reading there, saying where.
        let mut broken = stream(
            "[{\"id\":\"a\",\"job\":\"x\",\"job_since\":\"2020-01-01\"} {".as_bytes(),
            Format::Json,
        )
        .unwrap();
        assert!(broken.next().unwrap().is_ok());
        assert!(broken.next().is_none());
        let error = broken.finish().unwrap_err().to_string();
        assert!(error.contains("line 1, column 48"), "{error}");
    }
}
