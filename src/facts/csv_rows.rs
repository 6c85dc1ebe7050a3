//! CSV rows cut from the text with `csv_core`, keeping the text of the row being
//! read, so that a quote left open cannot swallow the rest of the file.
//!
//! A quoted field may hold line breaks. A row that spans lines is therefore
//! looked at once more (only such a row: the ordinary row costs nothing more):
//! its quotes must open fields and close them before a separator or the row's
//! end. When they do not (a quote never closed, or closed by another row's quote
//! with text after it), the row's first line is refused, saying where the quote
//! opened, and reading goes on at the next line. Every line of the file ends in
//! the header, a row or a blank line, and [`Tally`] counts them.

use std::io::{self, Read};

use csv_core::ReadRecordResult;

use super::{Position, QuoteAt, Reason, Rejection};

/// What a reader found in a file: what it handed out must add up to it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    /// Records found: CSV rows after the header, non-blank JSON lines, elements
    /// of a JSON array. Each is handed out once, decided or rejected.
    pub records: usize,
    /// Blank lines, skipped.
    pub blank_lines: usize,
    /// CSV rows whose cells are all empty (`;;;;`, which spreadsheets leave
    /// after the last row), skipped: not records.
    pub empty_rows: usize,
    /// Lines of the header (CSV).
    pub header_lines: usize,
    /// The lines of the file (CSV and JSON Lines; none for a JSON array): those
    /// of the header, of each record, the blank ones and the rows of empty cells, in all.
    pub lines: usize,
}

/// A row's fields, end to end, and where each ends.
#[derive(Debug, Clone, Default)]
pub(super) struct Row {
    fields: Vec<u8>,
    ends: Vec<usize>,
    len: usize,
    /// The line the row starts on (from 1).
    pub line: usize,
}

impl Row {
    pub fn len(&self) -> usize {
        self.len
    }

    pub fn range(&self, i: usize) -> Option<std::ops::Range<usize>> {
        let end = *self.ends.get(..self.len)?.get(i)?;
        let start = if i == 0 { 0 } else { self.ends[i - 1] };
        Some(start..end)
    }

    /// The fields' bytes, end to end.
    pub fn as_slice(&self) -> &[u8] {
        let end = self.len.checked_sub(1).map_or(0, |last| self.ends[last]);
        &self.fields[..end]
    }

    pub fn field(&self, i: usize) -> Option<&[u8]> {
        self.fields.get(self.range(i)?)
    }
}

/// What reading a row gave.
pub(super) enum Next {
    /// The row was read into the buffer given.
    Row,
    /// The row's first line was refused (its quotes are not well formed).
    Refused(Rejection),
    /// The end of the file.
    End,
}

/// The rows of a CSV text.
pub(super) struct CsvRows<'a> {
    input: Box<dyn Read + 'a>,
    core: csv_core::Reader,
    delimiter: u8,
    /// Text read and not yet handed out, from the start of the row being read,
    /// in `buffer[..filled]` (the rest is room, zeroed once).
    buffer: Vec<u8>,
    filled: usize,
    at: usize,
    eof: bool,
    /// The line `at` is on, whether a row covers it, whether it has any byte.
    line: usize,
    line_in_row: bool,
    line_started: bool,
    /// Past the header: rows of empty cells are skipped.
    skip_empty: bool,
    pub tally: Tally,
}

/// Bytes read at a time.
const READ_BYTES: usize = 1 << 16;

impl<'a> CsvRows<'a> {
    pub fn new(input: Box<dyn Read + 'a>, delimiter: u8) -> Self {
        CsvRows {
            input,
            core: csv_core::ReaderBuilder::new().delimiter(delimiter).build(),
            delimiter,
            buffer: Vec::new(),
            filled: 0,
            at: 0,
            eof: false,
            line: 1,
            line_in_row: false,
            line_started: false,
            skip_empty: false,
            tally: Tally::default(),
        }
    }

    /// Reads the header: the first row, which must be well quoted.
    pub fn header(&mut self, row: &mut Row) -> io::Result<Option<Result<(), Rejection>>> {
        let read = match self.next_row(row)? {
            Next::End => None,
            Next::Row => Some(Ok(())),
            Next::Refused(r) => Some(Err(r)),
        };
        self.tally.header_lines = self.tally.lines - self.tally.blank_lines;
        self.tally.records = 0;
        self.skip_empty = true;
        Ok(read)
    }

    /// Drops what was handed out before `keep` and reads more; false at the end.
    /// `keep` and `at` are then where they were in the text.
    fn fill(&mut self, keep: &mut usize) -> io::Result<bool> {
        if self.eof {
            return Ok(false);
        }
        self.buffer.copy_within(*keep..self.filled, 0);
        self.filled -= *keep;
        self.at -= *keep;
        *keep = 0;
        if self.buffer.len() - self.filled < READ_BYTES / 2 {
            // A row longer than what is held: room for it and as much again.
            let room = (self.buffer.len() * 2).max(READ_BYTES);
            self.buffer.resize(room, 0);
        }
        let n = loop {
            match self.input.read(&mut self.buffer[self.filled..]) {
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                other => break other,
            }
        }?;
        self.filled += n;
        self.eof = n == 0;
        Ok(n > 0)
    }

    /// Skips line ends before a row, counting the blank lines.
    fn skip_line_ends(&mut self) -> io::Result<bool> {
        loop {
            while let Some(&byte) = self.buffer[..self.filled].get(self.at) {
                match byte {
                    b'\n' => self.end_line(),
                    // A `\r` alone ends a line (old Mac files), as editors show it.
                    b'\r' => match self.buffer[..self.filled].get(self.at + 1) {
                        Some(b'\n') => self.line_started = true,
                        Some(_) => self.end_line(),
                        None if self.eof => self.line_started = true,
                        // What follows is not read yet: read it, then look again.
                        None => {
                            self.line_started = true;
                            break;
                        }
                    },
                    _ => return Ok(true),
                }
                self.at += 1;
            }
            let mut keep = self.at;
            if !self.fill(&mut keep)? {
                if self.line_started && !self.line_in_row {
                    self.tally.blank_lines += 1;
                    self.tally.lines += 1;
                }
                return Ok(false);
            }
        }
    }

    /// A line end where no row is: a blank line, unless a row was on it.
    fn end_line(&mut self) {
        if !self.line_in_row {
            self.tally.blank_lines += 1;
            self.tally.lines += 1;
        }
        self.line += 1;
        (self.line_in_row, self.line_started) = (false, false);
    }

    /// Whether the `\r` a row ended with stands alone (not before a `\n`): then it
    /// ended the line too.
    fn lone_carriage_return(&mut self) -> io::Result<bool> {
        if self.at == self.filled {
            let mut keep = self.at;
            self.fill(&mut keep)?;
        }
        Ok(self.buffer[..self.filled].get(self.at) != Some(&b'\n'))
    }

    /// Reads the next row into `row`, skipping rows of empty cells after the header.
    pub fn next(&mut self, row: &mut Row) -> io::Result<Next> {
        loop {
            let next = self.next_row(row)?;
            // A row's first byte is usually not blank: one byte looked at.
            let empty = || row.as_slice().iter().all(u8::is_ascii_whitespace);
            if self.skip_empty && matches!(next, Next::Row) && empty() {
                self.tally.records -= 1;
                self.tally.empty_rows += 1;
                continue;
            }
            return Ok(next);
        }
    }

    /// Reads the next row into `row`. Inlined in [`CsvRows::next`]: its result,
    /// which may hold a rejection, is then not copied once more per row.
    #[inline(always)]
    fn next_row(&mut self, row: &mut Row) -> io::Result<Next> {
        if !self.skip_line_ends()? {
            return Ok(Next::End);
        }
        let mut start = self.at;
        let first_line = self.line;
        // Its first line counted already: a row after another on it (a lone `\r`).
        let first_counted = self.line_in_row;
        let lines_before = self.core.line();
        let (mut written, mut ended) = (0, 0);
        if row.fields.is_empty() {
            row.fields.resize(256, 0);
            row.ends.resize(16, 0);
        }
        loop {
            let input = &self.buffer[self.at..self.filled];
            let (result, read, out, ends) =
                self.core
                    .read_record(input, &mut row.fields[written..], &mut row.ends[ended..]);
            self.at += read;
            written += out;
            ended += ends;
            match result {
                ReadRecordResult::InputEmpty => {
                    self.fill(&mut start)?;
                }
                ReadRecordResult::OutputFull => row.fields.resize(row.fields.len() * 2, 0),
                ReadRecordResult::OutputEndsFull => row.ends.resize(row.ends.len() * 2, 0),
                ReadRecordResult::End if ended == 0 => return Ok(Next::End),
                ReadRecordResult::Record | ReadRecordResult::End => break,
            }
        }
        row.len = ended;
        row.line = first_line;
        let newlines = usize::try_from(self.core.line() - lines_before).unwrap_or(usize::MAX);
        let text = &self.buffer[start..self.at];
        let ended_by_line_feed = text.last() == Some(&b'\n');
        let at_the_end = self.eof && self.at == self.filled;
        if newlines != usize::from(ended_by_line_feed) || at_the_end {
            if let Err(fault) = quoting(text, self.delimiter) {
                return Ok(Next::Refused(self.refuse(row, start, fault, first_counted)));
            }
        }
        self.line += newlines;
        // The lines it touches: a line feed ends the last of them.
        let touched = newlines + usize::from(!ended_by_line_feed);
        self.tally.lines += touched - usize::from(first_counted);
        self.tally.records += 1;
        self.line_in_row = !ended_by_line_feed;
        self.line_started = !ended_by_line_feed;
        if text.last() == Some(&b'\r') && self.lone_carriage_return()? {
            self.line += 1;
            (self.line_in_row, self.line_started) = (false, false);
        }
        Ok(Next::Row)
    }

    /// Refuses the first line of the row that starts at `start`, and goes back
    /// to read the next line.
    fn refuse(&mut self, row: &Row, start: usize, fault: Fault, first_counted: bool) -> Rejection {
        let text = &self.buffer[start..self.at];
        let first_end = text.iter().position(|b| *b == b'\n');
        let line_text = &text[..first_end.unwrap_or(text.len())];
        let column = |offset: usize| {
            let before = &text[..offset.min(text.len())];
            let line_start = before
                .iter()
                .rposition(|b| *b == b'\n')
                .map_or(0, |i| i + 1);
            String::from_utf8_lossy(&before[line_start..])
                .chars()
                .count()
                + 1
        };
        let line_of = |offset: usize| {
            self.line
                + text[..offset.min(text.len())]
                    .iter()
                    .filter(|b| **b == b'\n')
                    .count()
        };
        let opened = fault.quote();
        let at = QuoteAt {
            line: Some(line_of(opened)).filter(|line| *line != self.line),
            column: column(opened),
        };
        let reason = match fault {
            Fault::Unclosed(_) => Reason::QuoteNeverClosed { at },
            Fault::Stray { after, .. } => Reason::QuoteClosedLater {
                at,
                closing_line: line_of(after),
            },
        };
        // The id, when the row's first field holds one on the refused line.
        let id = row
            .field(0)
            .filter(|f| !f.contains(&b'\n') && !f.contains(&b'"') && line_text.starts_with(f))
            .and_then(|f| std::str::from_utf8(f).ok())
            .map(str::trim)
            .filter(|f| !f.is_empty());
        let rejection = Rejection::new(Position::Line(self.line), id, None, reason);
        // The next line is read afresh; this one was one record, refused.
        self.at = start + first_end.map_or(text.len(), |i| i + 1);
        self.core.reset();
        self.tally.records += 1;
        self.tally.lines += usize::from(!first_counted);
        if first_end.is_some() {
            self.line += 1;
            (self.line_in_row, self.line_started) = (false, false);
        } else {
            (self.line_in_row, self.line_started) = (true, true);
        }
        rejection
    }
}

/// What is wrong with a row's quotes; each offset is in the row's text.
#[derive(Debug, PartialEq, Eq)]
enum Fault {
    /// The quote opening a field is never closed.
    Unclosed(usize),
    /// The quote opening a field is closed at `after - 1`, then other text follows.
    Stray { quote: usize, after: usize },
}

impl Fault {
    fn quote(&self) -> usize {
        match self {
            Fault::Unclosed(q) | Fault::Stray { quote: q, .. } => *q,
        }
    }
}

/// Whether the row's quotes are well formed: a quote opens a field, a doubled
/// quote stands for one inside it, and the closing quote is followed by the
/// separator or the row's end. (A quote inside an unquoted field is text, as
/// the CSV reader takes it.)
fn quoting(text: &[u8], delimiter: u8) -> Result<(), Fault> {
    let mut at = 0;
    loop {
        if text.get(at) == Some(&b'"') {
            let open = at;
            at += 1;
            loop {
                let Some(q) = text[at..].iter().position(|b| *b == b'"') else {
                    return Err(Fault::Unclosed(open));
                };
                at += q + 1;
                if text.get(at) == Some(&b'"') {
                    at += 1;
                } else {
                    break;
                }
            }
            match text.get(at) {
                None | Some(b'\r' | b'\n') => return Ok(()),
                Some(b) if *b == delimiter => at += 1,
                Some(_) => {
                    return Err(Fault::Stray {
                        quote: open,
                        after: at,
                    })
                }
            }
        } else {
            let rest = &text[at..];
            match rest
                .iter()
                .position(|b| *b == delimiter || *b == b'\n' || *b == b'\r')
            {
                Some(p) if rest[p] == delimiter => at += p + 1,
                _ => return Ok(()),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A row read: its line and fields; or the rejection, as text.
    type Read = Result<(usize, Vec<String>), String>;

    fn rows(text: &str) -> (Vec<Read>, Tally) {
        let mut reader = CsvRows::new(Box::new(text.as_bytes()), b',');
        let mut row = Row::default();
        let mut out = Vec::new();
        loop {
            match reader.next(&mut row).unwrap() {
                Next::End => break,
                Next::Row => {
                    let fields = (0..row.len())
                        .map(|i| String::from_utf8_lossy(row.field(i).unwrap()).to_string())
                        .collect();
                    out.push(Ok((row.line, fields)));
                }
                Next::Refused(r) => out.push(Err(r.to_string())),
            }
        }
        (out, reader.tally)
    }

    #[test]
    fn quotes_are_well_formed_or_found_out() {
        assert_eq!(quoting(b"a,\"b\nc\",d\n", b','), Ok(()));
        assert_eq!(quoting(b"a,\"b\"\"c\"\r\n", b','), Ok(()));
        assert_eq!(quoting(b"a,5\" disk,b\n", b','), Ok(()));
        assert_eq!(quoting(b"a,\"b\nc,d\n", b','), Err(Fault::Unclosed(2)));
        assert_eq!(
            quoting(b"a,\"b\nc,\"d\",e", b','),
            Err(Fault::Stray { quote: 2, after: 8 })
        );
    }

    #[test]
    fn an_unclosed_quote_refuses_its_line_only() {
        let (out, tally) = rows("a,b\nC2,\"x,y\nC3,z\nC4,w");
        assert_eq!(out.len(), 4);
        assert_eq!(out[0], Ok((1, vec!["a".into(), "b".into()])));
        let refused = out[1].as_ref().unwrap_err();
        assert!(
            refused.starts_with("line 2 (id C2): the quote opened at column 4 is never closed"),
            "{refused}"
        );
        assert_eq!(out[2], Ok((3, vec!["C3".into(), "z".into()])));
        assert_eq!(out[3], Ok((4, vec!["C4".into(), "w".into()])));
        assert_eq!(tally.records, 4);
        assert_eq!(tally.lines, 4);
    }

    #[test]
    fn a_quote_closed_rows_later_is_found_out() {
        let (out, _) = rows("C2,\"x\nC3,y\nC4,\"z\",w\n");
        let refused = out[0].as_ref().unwrap_err();
        assert!(
            refused.contains("(line 3) is followed by other text"),
            "{refused}"
        );
        assert_eq!(out[1], Ok((2, vec!["C3".into(), "y".into()])));
        // Read again on its own line, the row that held the closing quote is fine.
        assert_eq!(out[2], Ok((3, vec!["C4".into(), "z".into(), "w".into()])));
    }

    #[test]
    fn line_breaks_in_quoted_fields_and_blank_lines_are_counted() {
        let (out, tally) = rows("a,b\r\n\r\nc,\"x\ny\"\r\n\n  \nd,e\rf");
        assert_eq!(
            out,
            [
                Ok((1, vec!["a".into(), "b".into()])),
                Ok((3, vec!["c".into(), "x\ny".into()])),
                Ok((6, vec!["  ".into()])),
                Ok((7, vec!["d".into(), "e".into()])),
                Ok((8, vec!["f".into()])),
            ]
        );
        // Eight lines: five rows over six of them (a lone `\r` ends a line, as
        // editors show it), two blank.
        assert_eq!(
            tally,
            Tally {
                records: 5,
                blank_lines: 2,
                header_lines: 0,
                empty_rows: 0,
                lines: 8
            }
        );
    }

    /// Rows of empty cells after the header are skipped and counted, whatever
    /// the line ends (a lone `\r` too); the rows after them keep their lines.
    #[test]
    fn rows_of_empty_cells_are_skipped_and_counted() {
        for end in ["\n", "\r\n", "\r"] {
            let text = ["id;x", "a;1", ";", " ; ", "b;2", ";;", ""].join(end);
            let mut reader = CsvRows::new(Box::new(text.as_bytes()), b';');
            let mut row = Row::default();
            assert!(matches!(reader.header(&mut row), Ok(Some(Ok(())))));
            let mut lines = Vec::new();
            while let Ok(Next::Row) = reader.next(&mut row) {
                lines.push(row.line);
            }
            assert_eq!(lines, [2, 5], "{end:?}");
            let tally = reader.tally;
            assert_eq!(
                (tally.records, tally.empty_rows, tally.lines),
                (2, 3, 6),
                "{end:?}"
            );
        }
    }
}
