//! Reading for several cores. The reading thread only cuts the input into raw
//! records (whole lines, CSV rows); parsing each one, and what the caller does
//! with it, runs on every core by batches. Results come back in input order, and
//! a duplicate id is rejected in input order, exactly as when reading one by one.

mod blocks;

use std::collections::BTreeSet;
use std::ops::ControlFlow;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc::Receiver;
use std::sync::Mutex;

use super::array::Element;
use super::csv_rows::Row;
use super::ids::IdSet;
use super::stream::{not_utf8, Source};
use super::{Columns, FactStream, Position, Reader, Record, Rejection};
use blocks::{count_lines, read_elements, read_lines, read_rows};

/// Chunks a batch is cut into per thread.
const CHUNKS_PER_THREAD: usize = 4;

/// What a record became on a worker thread.
enum Item<T> {
    /// A record read: its id (for the duplicate check), where its output ends in
    /// the chunk's bytes, and what `map` made of it.
    Read {
        /// The id's hash, and where it ends in the chunk's ids.
        id_hash: u64,
        id_end: usize,
        position: Position,
        end: usize,
        value: Result<T, Box<Rejection>>,
    },
    /// A record that could not be read.
    Unread(Box<Rejection>),
}
// Rejections are boxed: they are rare, and an item as large as a rejection
// was copied through memcpy on every record (+0.3 % on `eval`).

/// One thread's share of a batch, mapped.
struct Mapped<T> {
    items: Vec<Item<T>>,
    bytes: Vec<u8>,
    /// The ids of the records read, end to end.
    ids: String,
    unknown_fields: BTreeSet<String>,
    /// Blank lines skipped (JSON Lines).
    blank_lines: usize,
}

/// A batch of raw records, cut for the worker threads.
enum Chunk<'a> {
    Lines {
        text: &'a [u8],
        first_line: usize,
    },
    Rows(&'a [Result<Row, Rejection>]),
    /// Elements of a JSON array: where each starts and ends in `text`.
    Elements {
        text: &'a [u8],
        elements: &'a [(usize, usize, Element)],
    },
}

/// What parsing a raw record needs besides the record.
struct Context<'a> {
    delimiter: u8,
    columns: Option<&'a Columns>,
    utf8_asked: bool,
    /// The fields the rule set declares as facts.
    declared: &'a super::Declared,
}

impl FactStream<'_> {
    /// Reads every record and hands it, with a buffer for its output, to `map`,
    /// on up to `threads` threads; then hands each result to `sink`, in input
    /// order, with the bytes `map` wrote. A record that could not be read, or
    /// whose id an earlier record used, reaches `sink` as a rejection (what `map`
    /// made of a duplicate is dropped). Stops when `sink` breaks, with its value.
    ///
    /// The stream is read to its end (or to the break); [`FactStream::finish`]
    /// then gives the notes on the file or the error that stopped it.
    pub fn map_parallel<T: Send, B: Send>(
        &mut self,
        threads: usize,
        map: impl Fn(&Record, &mut Vec<u8>) -> Result<T, Rejection> + Sync,
        sink: impl FnMut(Result<(T, &[u8]), Rejection>) -> ControlFlow<B> + Send,
    ) -> Option<B> {
        let threads = threads.max(1);
        let mut ids = std::mem::take(&mut self.reader.ids);
        let stop = AtomicBool::new(false);
        let spare = Spare::default();
        // The results go out on a thread of their own, so that the next batch is
        // mapped meanwhile.
        let (outcome, delivered) = std::thread::scope(|scope| {
            let (batches, received) = std::sync::mpsc::sync_channel(1);
            let (ids, stop, spare) = (&mut ids, &stop, &spare);
            let delivery = scope.spawn(move || deliver(received, ids, sink, stop, spare));
            let mut raw = Raw::default();
            while !stop.load(Ordering::Relaxed) {
                let more = self.read_raw(&mut raw, threads);
                let context = Context {
                    delimiter: self.reader.delimiter,
                    columns: match &self.source {
                        Source::Csv { columns, .. } => Some(columns),
                        _ => None,
                    },
                    utf8_asked: match &self.source {
                        Source::Csv { utf8_asked, .. } => *utf8_asked,
                        _ => false,
                    },
                    declared: &self.reader.declared,
                };
                let mapped = raw.map(&context, threads, &map, spare);
                if batches.send(mapped).is_err() || !more {
                    break;
                }
            }
            drop(batches);
            delivery
                .join()
                .unwrap_or_else(|e| std::panic::resume_unwind(e))
        });
        self.reader.ids = ids;
        self.reader.unknown_fields.extend(delivered.unknown_fields);
        self.handed_out += delivered.items;
        self.stopped |= outcome.is_some();
        match self.source {
            Source::Csv { .. } => {}
            Source::Array { .. } => self.tally.records += delivered.items,
            // Lines are cut by the threads: each a record or a blank line.
            _ => {
                self.tally.records += delivered.items;
                self.tally.blank_lines += delivered.blank_lines;
                self.tally.lines += delivered.items + delivered.blank_lines;
            }
        }
        self.end();
        outcome
    }

    /// Reads the next batch of raw records into `raw`; whether there may be more.
    fn read_raw(&mut self, raw: &mut Raw, threads: usize) -> bool {
        raw.clear();
        let outcome = match &mut self.source {
            Source::Done => Ok(false),
            Source::Array { elements, .. } => read_elements(elements, raw),
            Source::Lines { input, line, .. } => {
                let read = read_lines(input, &mut raw.text, &mut raw.carry);
                *line = raw.cut(threads * CHUNKS_PER_THREAD, *line + 1);
                read
            }
            Source::Csv { input, .. } => read_rows(input, &mut raw.spare, &mut raw.rows),
        };
        match outcome {
            Ok(more) => more,
            Err(e) => {
                // What was read before the error is still handed out.
                self.error = Some(e);
                false
            }
        }
    }
}

/// What the delivery saw besides the records.
#[derive(Default)]
struct Delivered {
    /// The fields the records had that grille ignores.
    unknown_fields: BTreeSet<String>,
    /// Records handed to the sink, and blank lines the threads skipped.
    items: usize,
    blank_lines: usize,
}

/// Hands the mapped records to `sink` in input order, rejecting duplicate ids;
/// gives back the break, if any, and what it saw besides.
fn deliver<T, B>(
    batches: Receiver<Vec<Mapped<T>>>,
    ids: &mut IdSet,
    mut sink: impl FnMut(Result<(T, &[u8]), Rejection>) -> ControlFlow<B>,
    stop: &AtomicBool,
    spare: &Spare,
) -> (Option<B>, Delivered) {
    let mut delivered = Delivered::default();
    for part in batches.into_iter().flatten() {
        delivered.unknown_fields.extend(part.unknown_fields);
        delivered.blank_lines += part.blank_lines;
        let (mut start, mut id_start) = (0, 0);
        for item in part.items {
            let result = match item {
                Item::Unread(rejection) => Err(*rejection),
                Item::Read {
                    id_hash,
                    id_end,
                    position,
                    end,
                    value,
                } => {
                    let bytes = &part.bytes[start..end];
                    let id = part.ids.get(id_start..id_end).unwrap_or_default();
                    (start, id_start) = (end, id_end);
                    if ids.insert(id, id_hash) {
                        value.map(|v| (v, bytes)).map_err(|r| *r)
                    } else {
                        Err(super::duplicate_id(position, id))
                    }
                }
            };
            delivered.items += 1;
            if let ControlFlow::Break(b) = sink(result) {
                stop.store(true, Ordering::Relaxed);
                return (Some(b), delivered);
            }
        }
        spare.give(part.bytes);
    }
    (None, delivered)
}

/// Output buffers handed back once written, to be filled again.
#[derive(Default)]
struct Spare(Mutex<Vec<Vec<u8>>>);

impl Spare {
    fn take(&self) -> Vec<u8> {
        let reused = self.0.lock().ok().and_then(|mut buffers| buffers.pop());
        reused.unwrap_or_default()
    }

    fn give(&self, mut buffer: Vec<u8>) {
        buffer.clear();
        if let Ok(mut buffers) = self.0.lock() {
            buffers.push(buffer);
        }
    }
}

/// The raw records of a batch; the buffers are kept from one batch to the next.
#[derive(Default)]
struct Raw {
    /// Whole lines of a JSON Lines file.
    text: Vec<u8>,
    /// The text cut for the threads at line ends: each part's end and first line number.
    parts: Vec<(usize, usize)>,
    /// What follows the last whole line read.
    carry: Vec<u8>,
    rows: Vec<Result<Row, Rejection>>,
    /// Rows of the previous batch, their buffers reused.
    spare: Vec<Row>,
    /// Elements of a JSON array cut in `text`: start, end, where it stood.
    elements: Vec<(usize, usize, Element)>,
}

impl Raw {
    fn clear(&mut self) {
        self.text.clear();
        self.parts.clear();
        self.spare
            .extend(self.rows.drain(..).filter_map(Result::ok));
        self.elements.clear();
    }

    /// Cuts the batch into chunks and maps them on `threads` threads, each
    /// taking the next chunk left (a thread slowed down leaves more to the others).
    fn map<T: Send>(
        &self,
        context: &Context,
        threads: usize,
        map: &(impl Fn(&Record, &mut Vec<u8>) -> Result<T, Rejection> + Sync),
        spare: &Spare,
    ) -> Vec<Mapped<T>> {
        let chunks = self.chunks(threads * CHUNKS_PER_THREAD);
        if threads == 1 || chunks.len() <= 1 {
            return chunks
                .iter()
                .map(|c| c.map(context, map, spare.take()))
                .collect();
        }
        let next = AtomicUsize::new(0);
        let work = || {
            let mut done = Vec::new();
            loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(chunk) = chunks.get(i) else {
                    return done;
                };
                done.push((i, chunk.map(context, map, spare.take())));
            }
        };
        std::thread::scope(|scope| {
            let workers: Vec<_> = (1..threads).map(|_| scope.spawn(work)).collect();
            let mut mapped = vec![work()];
            // A worker that panicked must not lose its records silently: the panic goes on.
            mapped.extend(
                workers
                    .into_iter()
                    .map(|w| w.join().unwrap_or_else(|e| std::panic::resume_unwind(e))),
            );
            let mut all: Vec<(usize, Mapped<T>)> = mapped.into_iter().flatten().collect();
            all.sort_by_key(|(i, _)| *i);
            all.into_iter().map(|(_, m)| m).collect()
        })
    }

    fn chunks(&self, parts: usize) -> Vec<Chunk<'_>> {
        if !self.elements.is_empty() {
            let size = self.elements.len().div_ceil(parts);
            return self
                .elements
                .chunks(size)
                .map(|elements| Chunk::Elements {
                    text: &self.text,
                    elements,
                })
                .collect();
        }
        if !self.rows.is_empty() {
            let size = self.rows.len().div_ceil(parts);
            return self.rows.chunks(size).map(Chunk::Rows).collect();
        }
        let mut start = 0;
        let mut chunks = Vec::with_capacity(self.parts.len());
        for &(end, first_line) in &self.parts {
            let text = self.text.get(start..end).unwrap_or_default();
            chunks.push(Chunk::Lines { text, first_line });
            start = end;
        }
        chunks
    }

    /// Cuts the text into `parts` at line ends, numbering lines from
    /// `first_line`; the number of the last line read.
    fn cut(&mut self, parts: usize, first_line: usize) -> usize {
        let text = &self.text[..];
        let share = text.len().div_ceil(parts).max(1);
        let mut start = 0;
        let mut line = first_line;
        while start < text.len() {
            let past_share = (start + share).min(text.len());
            let end = text[past_share..]
                .iter()
                .position(|b| *b == b'\n')
                .map_or(text.len(), |i| past_share + i + 1);
            self.parts.push((end, line));
            line += count_lines(&text[start..end]);
            start = end;
        }
        line - 1
    }
}

impl Chunk<'_> {
    fn map<T>(
        &self,
        context: &Context,
        map: &impl Fn(&Record, &mut Vec<u8>) -> Result<T, Rejection>,
        bytes: Vec<u8>,
    ) -> Mapped<T> {
        let mut reader = Reader {
            delimiter: context.delimiter,
            declared: context.declared.clone(),
            ..Reader::default()
        };
        let mut mapped = Mapped {
            items: Vec::new(),
            bytes,
            ids: String::new(),
            unknown_fields: BTreeSet::new(),
            blank_lines: 0,
        };
        match self {
            Chunk::Lines { text, first_line } => {
                mapped.items.reserve(text.len() / 128);
                // A decision's JSON line is about 2.3 times its facts' line
                // under a layered rule set: room for that without a realloc.
                mapped.bytes.reserve(text.len() * 3);
                let mut each = |n: usize, line: Option<&str>| {
                    let record = match line {
                        Some(text) if text.trim().is_empty() => {
                            mapped.blank_lines += 1;
                            return;
                        }
                        Some(text) => reader.json_line(text, Position::Line(n), None),
                        None => Err(not_utf8(n)),
                    };
                    mapped.push(record, map);
                };
                let text = text.strip_suffix(b"\n").unwrap_or(text);
                // Checked as a whole, the usual case; line by line when some line is not UTF-8.
                match std::str::from_utf8(text) {
                    Ok(text) => {
                        for (n, line) in (*first_line..).zip(text.split('\n')) {
                            each(n, Some(line));
                        }
                    }
                    Err(_) => {
                        for (n, line) in (*first_line..).zip(text.split(|b| *b == b'\n')) {
                            each(n, std::str::from_utf8(line).ok());
                        }
                    }
                }
            }
            Chunk::Rows(rows) => {
                mapped.items.reserve(rows.len());
                for row in rows.iter() {
                    let record = match (row, context.columns) {
                        (Ok(row), Some(columns)) => {
                            reader.csv_row(columns, row, context.utf8_asked)
                        }
                        // Not reached: rows come only from a CSV source, which has its columns.
                        (Ok(_), None) => continue,
                        (Err(rejection), _) => Err(rejection.clone()),
                    };
                    mapped.push(record, map);
                }
            }
            Chunk::Elements { text, elements } => {
                mapped.items.reserve(elements.len());
                for &(start, end, element) in elements.iter() {
                    let bytes = text.get(start..end).unwrap_or_default();
                    let record = reader.json_element(bytes, element);
                    mapped.push(record, map);
                }
            }
        }
        mapped.unknown_fields = reader.unknown_fields;
        mapped
    }
}

impl<T> Mapped<T> {
    fn push(
        &mut self,
        record: Result<Record, Rejection>,
        map: &impl Fn(&Record, &mut Vec<u8>) -> Result<T, Rejection>,
    ) {
        let item = match record {
            Err(rejection) => Item::Unread(Box::new(rejection)),
            Ok(record) => {
                let start = self.bytes.len();
                let value = map(&record, &mut self.bytes);
                if value.is_err() {
                    // A rejected record writes nothing.
                    self.bytes.truncate(start);
                }
                self.ids.push_str(&record.id);
                Item::Read {
                    id_hash: super::ids::hash(&record.id),
                    id_end: self.ids.len(),
                    position: record.position,
                    end: self.bytes.len(),
                    value: value.map_err(Box::new),
                }
            }
        };
        self.items.push(item);
    }
}

#[cfg(test)]
mod tests {
    use super::super::{stream, Format};
    use super::blocks::BLOCK_BYTES;
    use super::*;

    /// Each record as `map_parallel` hands it out: its id and position, or the rejection.
    fn in_parallel(bytes: &[u8], format: Format, threads: usize) -> Vec<Result<String, Rejection>> {
        let mut stream = stream(bytes, format).unwrap();
        let mut out = Vec::new();
        let stopped: Option<()> = stream.map_parallel(
            threads,
            |r, bytes| {
                bytes.extend_from_slice(r.id.as_bytes());
                Ok(r.position)
            },
            |result| {
                out.push(result.map(|(position, bytes)| {
                    format!("{} {position}", String::from_utf8_lossy(bytes))
                }));
                ControlFlow::Continue(())
            },
        );
        assert!(stopped.is_none());
        out
    }

    /// The same, read one record at a time.
    fn one_by_one(bytes: &[u8], format: Format) -> Vec<Result<String, Rejection>> {
        stream(bytes, format)
            .unwrap()
            .map(|r| r.map(|r| format!("{} {}", r.id, r.position)))
            .collect()
    }

    #[test]
    fn json_lines_in_parallel_batches_come_out_as_read_one_by_one() {
        let mut bytes = Vec::new();
        // More than one block, so that line numbers and ids carry across batches.
        for i in 0..30_000 {
            let id = match i {
                9000 => 10,
                25_000 => 20_000,
                _ => i,
            };
            match i {
                5000 => bytes.extend_from_slice(b"  \n"),
                7000 => bytes.extend_from_slice(b"{\"id\":\"\xff\"}\n"),
                8000 => bytes.extend_from_slice(b"{\"id\":\"x\",\"job\":3}\n"),
                // Found by the fuzzer: the error's column must be the line's own.
                8001 => bytes.extend_from_slice(b"[ {\n"),
                _ => bytes.extend_from_slice(
                    format!("{{\"id\":\"E{id}\",\"job\":\"x\",\"job_since\":\"2020-01-01\",\"salary\":\"1850.00\"}}\r\n")
                        .as_bytes(),
                ),
            }
        }
        bytes.extend_from_slice(br#"{"id":"last","job":"x","job_since":"2020-01-01"}"#);
        let expected = one_by_one(&bytes, Format::JsonLines);
        assert!(bytes.len() > 2 * BLOCK_BYTES);
        assert_eq!(expected.len(), 30_000);
        assert_eq!(expected.iter().filter(|r| r.is_err()).count(), 5);
        for threads in [1, 2, 3] {
            assert_eq!(in_parallel(&bytes, Format::JsonLines, threads), expected);
        }
    }

    #[test]
    fn csv_rows_in_parallel_batches_come_out_as_read_one_by_one() {
        let mut text = String::from("id,job,job_since,salary\n");
        for i in 0..10_000 {
            match i {
                4000 => text.push_str("E4,x,2020-01-01\n"),
                9000 => text.push_str("E9000,x,2020-02-30,1.00\n"),
                _ => text.push_str(&format!("E{i},x,2020-01-01,\"1850,00\"\n")),
            }
        }
        let expected = one_by_one(text.as_bytes(), Format::Csv);
        assert_eq!(expected.len(), 10_000);
        assert_eq!(expected.iter().filter(|r| r.is_err()).count(), 2);
        assert_eq!(in_parallel(text.as_bytes(), Format::Csv, 2), expected);
    }

    #[test]
    fn a_break_stops_the_reading_with_the_sink_s_value() {
        let text = "{\"id\":\"a\",\"job\":\"x\",\"job_since\":\"2020-01-01\"}\n".repeat(3);
        let mut stream = stream(text.as_bytes(), Format::JsonLines).unwrap();
        let mut seen = 0;
        let stopped = stream.map_parallel(
            2,
            |_, _| Ok(()),
            |result| {
                seen += 1;
                match result {
                    Ok(_) => ControlFlow::Continue(()),
                    Err(rejection) => ControlFlow::Break(rejection.position),
                }
            },
        );
        assert_eq!(stopped, Some(Position::Line(2)));
        assert_eq!(seen, 2);
    }
}
