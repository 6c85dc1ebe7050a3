//! Reading the input a batch at a time: whole lines of JSON Lines, elements
//! of a JSON array, rows of CSV, each up to a block's size.

use std::io::BufRead;

use super::super::array::Elements;
use super::super::csv_rows::{CsvRows, Next, Row};
use super::super::{ReadError, Rejection};
use super::Raw;

/// Bytes of JSON Lines (or rows of CSV) read at a time: enough to keep every
/// core busy between two synchronisations, little enough to stream.
pub(super) const BLOCK_BYTES: usize = 1 << 20;
pub(super) const BLOCK_ROWS: usize = 8192;

/// Reads whole lines into `text` (at least [`BLOCK_BYTES`] when the input has
/// them), keeping a line cut short in `carry`; whether there may be more.
pub(super) fn read_lines(
    input: &mut Box<dyn BufRead + '_>,
    text: &mut Vec<u8>,
    carry: &mut Vec<u8>,
) -> Result<bool, ReadError> {
    // The carry holds no line end: it is what followed the last one.
    text.append(carry);
    // The last line end read, looked for in each read only: a line of many
    // megabytes is read in linear time.
    let mut last_end = None;
    loop {
        let available = match input.fill_buf() {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(ReadError::io(&e, ("les faits", "the facts"))),
        };
        if available.is_empty() {
            return Ok(false);
        }
        let taken = available.len();
        if let Some(at) = available.iter().rposition(|b| *b == b'\n') {
            last_end = Some(text.len() + at);
        }
        text.extend_from_slice(available);
        input.consume(taken);
        if text.len() >= BLOCK_BYTES {
            if let Some(last) = last_end {
                carry.extend_from_slice(&text[last + 1..]);
                text.truncate(last + 1);
                return Ok(true);
            }
        }
    }
}

/// Cuts up to [`BLOCK_ROWS`] elements of a JSON array (or [`BLOCK_BYTES`] of
/// them) into the batch; whether there may be more.
pub(super) fn read_elements(elements: &mut Elements<'_>, raw: &mut Raw) -> Result<bool, ReadError> {
    while raw.elements.len() < BLOCK_ROWS && raw.text.len() < BLOCK_BYTES {
        let start = raw.text.len();
        match elements.next(&mut raw.text)? {
            Some(element) => raw.elements.push((start, raw.text.len(), element)),
            None => return Ok(false),
        }
    }
    Ok(true)
}

/// Reads up to [`BLOCK_ROWS`] CSV rows (reusing the buffers of the previous
/// batch's rows); whether there may be more.
pub(super) fn read_rows(
    input: &mut CsvRows<'_>,
    pool: &mut Vec<Row>,
    rows: &mut Vec<Result<Row, Rejection>>,
) -> Result<bool, ReadError> {
    while rows.len() < BLOCK_ROWS {
        let mut row = pool.pop().unwrap_or_default();
        match input.next(&mut row) {
            Ok(Next::End) => return Ok(false),
            Ok(Next::Row) => rows.push(Ok(row)),
            Ok(Next::Refused(rejection)) => {
                pool.push(row);
                rows.push(Err(rejection));
            }
            Err(e) => return Err(ReadError::io(&e, ("le fichier CSV", "the CSV file"))),
        }
    }
    Ok(true)
}

/// Line ends in `text`: the lines it holds, when it ends with one.
pub(super) fn count_lines(text: &[u8]) -> usize {
    // Counted in bytes by blocks, which the compiler vectorises.
    text.chunks(128)
        .map(|block| usize::from(block.iter().fold(0u8, |n, b| n + u8::from(*b == b'\n'))))
        .sum()
}
