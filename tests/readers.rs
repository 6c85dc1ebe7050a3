//! The facts readers under hostile input: every record ends decided or rejected
//! and the counts add up; long values cost linear time and are quoted briefly;
//! ambiguous input is refused, naming what is ambiguous. Large fixtures are
//! generated here.

use std::io::BufReader;
use std::ops::ControlFlow;
use std::time::{Duration, Instant};

use grille::facts::{self, Format, Options, Record, Rejection};

fn load(path: &str) -> grille::RuleSet {
    grille::load_path(path, Default::default()).unwrap().0
}

fn as_of() -> chrono::NaiveDate {
    facts::parse_date("2026-11-29").unwrap()
}

/// Everything a file gives, read as `grille eval` reads it (in parallel batches,
/// from a buffered reader that hands out 8 KiB at a time, as a file does).
fn read_batched(bytes: &[u8], format: Format) -> Vec<Result<Record, Rejection>> {
    let input = BufReader::with_capacity(8192, bytes);
    let mut stream = facts::stream_with(input, format, Options::default()).unwrap();
    let mut out = Vec::new();
    let stopped: Option<()> = stream.map_parallel(
        2,
        |r, _| Ok(r.clone()),
        |result| {
            out.push(result.map(|(r, _)| r));
            ControlFlow::Continue(())
        },
    );
    assert!(stopped.is_none());
    stream.finish().unwrap();
    out
}

#[test]
fn an_unknown_job_name_of_a_megabyte_is_rejected_at_once_and_quoted_briefly() {
    let rules = load("rules/cgt-2008.grille");
    let evaluator = grille::Evaluator::new(&rules, as_of());
    let name = "Téléconseiller".repeat(80_000);
    let csv = format!("id;job;job_since\nE1;{name};2020-01-01\n");
    let facts = facts::read(&csv, Format::Csv).unwrap();
    let record = facts.records[0].as_ref().unwrap();
    let start = Instant::now();
    let reason = evaluator.decide(record).unwrap_err().to_string();
    // The closest-name search compared the whole name with every job: about a
    // second per megabyte in a release build. Generous for a debug build.
    assert!(
        start.elapsed() < Duration::from_secs(2),
        "{:?}",
        start.elapsed()
    );
    // The start of the name, an ellipsis and its length in bytes (1,280,000: 16 × 80,000).
    assert!(reason.len() < 400, "{} bytes", reason.len());
    assert!(
        reason.contains("named `TéléconseillerTéléconseiller"),
        "{reason}"
    );
    assert!(reason.contains("…` (1280000 bytes)"), "{reason}");
}

#[test]
fn a_json_line_of_many_megabytes_is_read_in_linear_time() {
    let note = "x".repeat(8 << 20);
    let text = format!(
        "{{\"id\":\"a\",\"job\":\"x\",\"job_since\":\"2020-01-01\",\"note\":\"{note}\"}}\n\
         {{\"id\":\"b\",\"job\":\"x\",\"job_since\":\"2020-01-01\"}}\n"
    );
    let start = Instant::now();
    let records = read_batched(text.as_bytes(), Format::JsonLines);
    // Looking for the last line end again in all that was read, at each 8 KiB
    // read, scanned 4 GB for this line (minutes in a debug build).
    assert!(
        start.elapsed() < Duration::from_secs(5),
        "{:?}",
        start.elapsed()
    );
    assert_eq!(records.len(), 2);
    assert!(records.iter().all(Result::is_ok));
}

#[test]
fn a_salary_has_cents() {
    let line = |salary: &str| {
        format!("{{\"id\":\"a\",\"job\":\"x\",\"job_since\":\"2020-01-01\",\"salary\":{salary}}}\n")
    };
    for salary in ["1850.005", "\"1850.005\"", "1850.0001"] {
        let facts = facts::read(&line(salary), Format::JsonLines).unwrap();
        let rejection = facts.records[0].as_ref().unwrap_err();
        assert_eq!(rejection.field.as_deref(), Some("salary"), "{salary}");
        assert!(rejection.reason.contains("cents"), "{rejection}");
    }
    // Zeros past the cents say nothing more: the amount is kept, in cents.
    let facts = facts::read(&line("1850.000"), Format::JsonLines).unwrap();
    let salary = facts.records[0].as_ref().unwrap().salary.unwrap();
    assert_eq!(salary.to_string(), "1850.00");
    let csv = "id;job;job_since;salary\nE1;x;2020-01-01;1850,0050\nE2;x;2020-01-01;1850,5\n";
    let facts = facts::read(csv, Format::Csv).unwrap();
    let rejection = facts.records[0].as_ref().unwrap_err();
    assert_eq!(rejection.field.as_deref(), Some("salary"));
    assert_eq!(
        facts.records[1]
            .as_ref()
            .unwrap()
            .salary
            .unwrap()
            .to_string(),
        "1850.5"
    );
}

#[test]
fn an_integer_out_of_range_says_so_and_gives_the_range() {
    let json = "{\"id\":\"a\",\"job\":\"x\",\"job_since\":\"2020-01-01\",\"coefficient\":18446744073709551616}\n";
    let csv = "id;job;job_since;prior_job_months\nE1;x;2020-01-01;4294967296\n";
    for (text, format) in [(json, Format::JsonLines), (csv, Format::Csv)] {
        let facts = facts::read(text, format).unwrap();
        let reason = &facts.records[0].as_ref().unwrap_err().reason;
        assert!(reason.contains("out of range"), "{reason}");
        assert!(reason.contains("0 to 4294967295"), "{reason}");
    }
    // Thirty digits; then 29 decimals, which the decimal library rounded silently.
    for hours in [
        "123456789012345678901234567890",
        "1.00000000000000000000000000001",
    ] {
        let big = format!(
            "{{\"id\":\"a\",\"job\":\"x\",\"job_since\":\"2020-01-01\",\"hours\":\"{hours}\"}}\n"
        );
        let facts = facts::read(&big, Format::JsonLines).unwrap();
        let reason = &facts.records[0].as_ref().unwrap_err().reason;
        assert!(reason.contains("out of range"), "{reason}");
    }
}

/// Lines of a text as a file holds them: each line end closes one, and what
/// follows the last one is a line if it is not empty.
fn physical_lines(bytes: &[u8], format: Format) -> usize {
    let mut ends = bytes.iter().filter(|b| **b == b'\n').count();
    if format == Format::Csv {
        // A `\r` alone ends a CSV line too (old Mac files), as editors show it.
        ends += bytes
            .windows(2)
            .filter(|w| w[0] == b'\r' && w[1] != b'\n')
            .count();
        ends += usize::from(bytes.ends_with(b"\r"));
    }
    let ended = bytes.ends_with(b"\n") || (format == Format::Csv && bytes.ends_with(b"\r"));
    ends + usize::from(!bytes.is_empty() && !ended)
}

/// Reads a file one record at a time and in parallel batches, checks that both
/// give the same, and that the counts add up: every record found is handed out
/// once, and every line of the file is the header's, a record's or blank.
fn read_and_count(bytes: &[u8], format: Format) -> Vec<Result<Record, Rejection>> {
    let mut stream = facts::stream(bytes, format).unwrap();
    let one_by_one: Vec<_> = stream.by_ref().collect();
    let tally = stream.tally();
    stream.finish().unwrap();
    assert_eq!(tally.records, one_by_one.len());
    if format != Format::Json {
        assert_eq!(tally.lines, physical_lines(bytes, format), "{tally:?}");
    }
    assert_eq!(read_batched(bytes, format), one_by_one);
    one_by_one
}

fn rejections(records: &[Result<Record, Rejection>]) -> Vec<String> {
    records
        .iter()
        .filter_map(|r| r.as_ref().err())
        .map(ToString::to_string)
        .collect()
}

#[test]
fn an_unclosed_quote_refuses_its_row_only() {
    // 1,000 rows; the second opens a quote it never closes. It swallowed the
    // 998 rows after it: "1 decided, 1 rejected".
    let mut csv = String::from("id,job,job_since\n");
    for i in 1..=1000 {
        if i == 2 {
            csv.push_str("C2,\"Conseiller clientèle,2020-01-01\n");
        } else {
            csv.push_str(&format!("C{i},Conseiller clientèle,2020-01-01\n"));
        }
    }
    for ending in ["\n", "\r\n"] {
        let text = csv.replace('\n', ending);
        let records = read_and_count(text.as_bytes(), Format::Csv);
        assert_eq!(records.len(), 1000);
        let refused = rejections(&records);
        assert_eq!(refused.len(), 1, "{refused:?}");
        assert!(
            refused[0].starts_with("line 3 (id C2): the quote opened at column 4 is never closed"),
            "{}",
            refused[0]
        );
        assert_eq!(records[2].as_ref().unwrap().id, "C3");
    }
}

#[test]
fn a_quote_closed_by_a_later_row_refuses_the_row_that_opened_it() {
    let csv = "id,job,job_since,salary\n\
               C1,\"Conseiller,2020-01-01,1850.00\n\
               C2,Conseiller,2020-01-01,1850.00\n\
               C3,Conseiller,2020-01-01,\"1850,00\"\n";
    let records = read_and_count(csv.as_bytes(), Format::Csv);
    assert_eq!(records.len(), 3);
    let refused = rejections(&records);
    assert_eq!(refused.len(), 1, "{refused:?}");
    assert!(refused[0].starts_with("line 2 (id C1)"), "{}", refused[0]);
    assert!(
        refused[0].contains("(line 4) is followed by other text"),
        "{}",
        refused[0]
    );
    assert_eq!(records[1].as_ref().unwrap().id, "C2");
    assert_eq!(records[2].as_ref().unwrap().id, "C3");
}

#[test]
fn a_quoted_field_may_still_hold_line_breaks() {
    let csv = "id,job,job_since,note\r\n\r\nC1,Conseiller,2020-01-01,\"two\r\nlines, \"\"quoted\"\"\"\r\nC2,Conseiller,2020-01-01,\r\n";
    let records = read_and_count(csv.as_bytes(), Format::Csv);
    let ids: Vec<_> = records
        .iter()
        .map(|r| r.as_ref().unwrap().position)
        .collect();
    assert_eq!(ids, [facts::Position::Line(3), facts::Position::Line(5)]);
}

#[test]
fn the_counts_add_up_on_lines_of_every_kind() {
    let jsonl = b"{\"id\":\"a\",\"job\":\"x\",\"job_since\":\"2020-01-01\"}\n\n  \n\xff\nnot json\r\n{\"id\":\"a\",\"job\":\"x\",\"job_since\":\"2020-01-01\"}";
    let records = read_and_count(jsonl, Format::JsonLines);
    assert_eq!(records.len(), 4);
    // The row `;;` holds empty cells only: skipped, counted apart (not a record).
    let csv = b"id;job;job_since\n\nE1;x;2020-01-01\n;;\n\xe9;x;2020-01-01\r\n\r\nE3;x\n";
    let records = read_and_count(csv, Format::Csv);
    assert_eq!(records.len(), 3);
    // Line ends of old Mac files, `\r` alone: each row on its own line.
    let csv = b"id;job;job_since\rE1;x;2020-01-01\r\rE2;x;2020-13-01\r;;\rE3;x;2020-01-01";
    let records = read_and_count(csv, Format::Csv);
    let lines: Vec<_> = records
        .iter()
        .map(|r| match r {
            Ok(r) => r.position,
            Err(r) => r.position,
        })
        .collect();
    use facts::Position::Line;
    assert_eq!(lines, [Line(2), Line(4), Line(6)]);
}

#[test]
fn a_utf16_csv_with_its_byte_order_mark_is_read() {
    // Excel's "Unicode text": UTF-16 little-endian, a byte-order mark, tabs.
    let text = "id\tjob\tjob_since\tsalary\r\nE1\tTéléconseillère\t2020-01-01\t1850,00\r\n";
    let rules = load("rules/cgt-2008.grille");
    let evaluator = grille::Evaluator::new(&rules, as_of());
    for big_endian in [false, true] {
        let mut bytes = if big_endian {
            vec![0xFE, 0xFF]
        } else {
            vec![0xFF, 0xFE]
        };
        for unit in text.encode_utf16() {
            let pair = if big_endian {
                unit.to_be_bytes()
            } else {
                unit.to_le_bytes()
            };
            bytes.extend_from_slice(&pair);
        }
        let facts = facts::read_bytes(&bytes, Format::Csv, Options::default()).unwrap();
        assert_eq!(facts.records.len(), 1);
        let record = facts.records[0].as_ref().unwrap();
        assert_eq!(record.job, "Téléconseillère");
        assert_eq!(record.salary.unwrap().to_string(), "1850.00");
        assert!(evaluator.decide(record).is_ok());
        assert!(facts.warnings.is_empty(), "{:?}", facts.warnings);
    }
    let json = [0xFF, 0xFE, b'[', 0, b']', 0];
    let error = facts::read_bytes(&json, Format::Json, Options::default()).unwrap_err();
    assert!(error.to_string().contains("UTF-16"), "{error}");
}

#[test]
fn a_csv_header_naming_a_field_twice_is_refused() {
    let csv = "id,job,job_since,salary, salary\nE1,x,2020-01-01,1850.00,2100.00\n";
    let error = facts::read(csv, Format::Csv).unwrap_err().to_string();
    assert!(
        error.contains("names `salary` twice (columns 4 and 5)"),
        "{error}"
    );
    // Columns grille ignores may repeat.
    let csv = "id,job,job_since,note,note\nE1,x,2020-01-01,a,b\n";
    let facts = facts::read(csv, Format::Csv).unwrap();
    assert!(facts.records[0].is_ok());
}

/// A JSON array of `n` records made as it is read, counting the bytes read.
struct LazyArray {
    n: usize,
    next: usize,
    pending: Vec<u8>,
    read: std::sync::Arc<std::sync::atomic::AtomicUsize>,
}

impl std::io::Read for LazyArray {
    fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
        if self.pending.is_empty() {
            self.pending = match self.next {
                0 => b"[\n".to_vec(),
                i if i <= self.n => {
                    let comma = if i < self.n { "," } else { "" };
                    format!(
                        "  {{\"id\":\"E{i}\",\"job\":\"x\",\"job_since\":\"2020-01-01\"}}{comma}\n"
                    )
                    .into_bytes()
                }
                i if i == self.n + 1 => b"]\n".to_vec(),
                _ => return Ok(0),
            };
            self.next += 1;
        }
        let n = out.len().min(self.pending.len());
        out[..n].copy_from_slice(&self.pending[..n]);
        self.pending.drain(..n);
        self.read.fetch_add(n, std::sync::atomic::Ordering::Relaxed);
        Ok(n)
    }
}

#[test]
fn a_json_array_is_read_element_by_element() {
    // A million records: read whole, the array took 1.26 GB. Counted here: the
    // first record comes out, one at a time or in batches, long before the
    // array is read (54 bytes each, 54 MB in all).
    use std::sync::atomic::Ordering;
    let array = |read: &std::sync::Arc<std::sync::atomic::AtomicUsize>| {
        let lazy = LazyArray {
            n: 1_000_000,
            next: 0,
            pending: Vec::new(),
            read: read.clone(),
        };
        BufReader::with_capacity(8192, lazy)
    };
    let read = std::sync::Arc::default();
    let mut stream = facts::stream(array(&read), Format::Json).unwrap();
    let first = stream.next().unwrap().unwrap();
    assert_eq!(
        (first.id.as_str(), first.position),
        ("E1", facts::Position::Record(1))
    );
    assert!(
        read.load(Ordering::Relaxed) <= 8192,
        "{}",
        read.load(Ordering::Relaxed)
    );

    let read = std::sync::Arc::default();
    let mut stream = facts::stream(array(&read), Format::Json).unwrap();
    let (mut count, mut read_at_first) = (0, 0);
    let stopped: Option<()> = stream.map_parallel(
        2,
        |r, _| Ok(r.position),
        |result| {
            count += 1;
            if count == 1 {
                read_at_first = read.load(Ordering::Relaxed);
            }
            assert_eq!(result.unwrap().0, facts::Position::Record(count));
            ControlFlow::Continue(())
        },
    );
    assert!(stopped.is_none());
    let tally = stream.tally();
    stream.finish().unwrap();
    assert_eq!((count, tally.records), (1_000_000, 1_000_000));
    // A batch is 8,192 records or a megabyte, and the next one is read while the
    // first is delivered: a few megabytes at most.
    assert!(read_at_first < 4 << 20, "{read_at_first}");
}

#[test]
fn a_bad_element_of_an_array_is_rejected_alone_with_its_place() {
    let text = "[\n {\"id\":\"a\",\"job\":\"x\",\"job_since\":\"2020-01-01\"},\n {\"id\":\"b\",\"job\":\"x\",\"job_since\":2020-01-01},\n \"not a record\",\n {\"id\":\"c\",\"job\":\"x\",\"job_since\":\"2020-01-01\"}\n]";
    let records = read_and_count(text.as_bytes(), Format::Json);
    assert_eq!(records.len(), 4);
    let refused = rejections(&records);
    assert_eq!(refused.len(), 2, "{refused:?}");
    // ` {"id":"b","job":"x","job_since":` is 33 characters, `2020` read as a
    // number ends at column 37: the `-` at column 38 is where it breaks.
    assert_eq!(
        refused[0],
        "record 2: not valid JSON (line 3, column 38): expected `,` or `}`"
    );
    assert_eq!(refused[1], "record 3: a record must be a JSON object");
    assert_eq!(records[3].as_ref().unwrap().id, "c");
}

#[test]
fn a_field_given_twice_is_refused_naming_it() {
    let lines = [
        r#"{"id":"a","job":"x","job_since":"2020-01-01","salary":"1850.00","salary":"2100.00"}"#,
        r#"{"id":"b","job":"x","job_since":"2020-01-01","\u006aob":"y"}"#,
        r#"{"id":"c","job":"x","job_since":"2020-01-01","missions":[{"job":"y","start":"2020-01-01","end":"2020-02-01","end":"2020-03-01"}]}"#,
        r#"{"id":"d","job":"x","job_since":"2020-01-01","note":1,"note":2}"#,
    ];
    let jsonl = lines.join("\n");
    let array = format!("[{}]", lines.join(","));
    for (text, format) in [(jsonl, Format::JsonLines), (array, Format::Json)] {
        let records = read_and_count(text.as_bytes(), format);
        let fields: Vec<Option<&str>> = records
            .iter()
            .map(|r| r.as_ref().err().and_then(|e| e.field.as_deref()))
            .collect();
        assert_eq!(
            fields,
            [Some("salary"), Some("job"), Some("missions[0].end"), None]
        );
        let reason = &records[0].as_ref().unwrap_err().reason;
        assert!(reason.contains("given twice"), "{reason}");
    }
}

#[test]
fn unknown_fields_of_missions_and_moves_are_named_once() {
    let line = r#"{"id":"ID","job":"x","job_since":"2020-01-01","missions":[{"job":"y","start":"2020-01-01","note":1}],"moves":[{"from":"y","to":"x","on":"2020-01-01","why":"z"}]}"#;
    let mut text = String::new();
    for i in 0..3 {
        text.push_str(&line.replace("ID", &format!("E{i}")));
        text.push('\n');
    }
    // The fast reader, and the general one (a string with an escape sends it there).
    text.push_str(&line.replace("ID", "E\\u0033"));
    for format in [Format::JsonLines, Format::Json] {
        let text = if format == Format::Json {
            format!("[{}]", text.trim_end().replace('\n', ","))
        } else {
            text.clone()
        };
        let facts = facts::read(&text, format).unwrap();
        assert!(facts.records.iter().all(Result::is_ok));
        assert_eq!(
            facts.warnings[0].to_string(),
            "fields not used by grille were ignored: `missions[].note`, `moves[].why`"
        );
        assert_eq!(facts.warnings.len(), 1);
    }
}

#[test]
fn ignored_fields_are_named_briefly() {
    let long = "k".repeat(10_000);
    let mut text =
        format!("{{\"id\":\"a\",\"job\":\"x\",\"job_since\":\"2020-01-01\",\"{long}\":1}}\n");
    for i in 0..30 {
        text.push_str(&format!(
            "{{\"id\":\"b{i}\",\"job\":\"x\",\"job_since\":\"2020-01-01\",\"f{i:02}\":1}}\n"
        ));
    }
    let facts = facts::read(&text, Format::JsonLines).unwrap();
    let warning = facts.warnings[0].to_string();
    // 31 names: the first 20 in order (`f00` to `f19`), then the count of the others.
    assert!(warning.len() < 400, "{warning}");
    assert!(warning.ends_with("`f19`, and 11 more"), "{warning}");
}

/// `position` and `position_since` (issue #22), in JSON Lines (general and fast
/// readers, batched) and in CSV, French dates included: the same record.
#[test]
fn a_position_and_its_day_are_read_from_every_format() {
    let jsonl = concat!(
        r#"{"id":"P1","job":"x","job_since":"2020-01-01","position":"ic 2.1","position_since":"2023-01-01"}"#,
        "\n",
        r#"{"id":"P2","position":"II.3","position_since":"2024-12-01"}"#,
        "\n",
        r#"{"id":"P3","job":"x","job_since":"2020-01-01"}"#,
        "\n",
    );
    let csv = "id;job;job_since;position;position_since\n\
               P1;x;2020-01-01;ic 2.1;01/01/2023\n\
               P2;;;II.3;2024-12-01\n\
               P3;x;2020-01-01;;\n";
    for records in [
        read_batched(jsonl.as_bytes(), Format::JsonLines),
        facts::read(jsonl, Format::JsonLines).unwrap().records,
        facts::read(csv, Format::Csv).unwrap().records,
    ] {
        let r: Vec<&Record> = records.iter().map(|r| r.as_ref().unwrap()).collect();
        let placed = |i: usize| r[i].placed().cloned();
        let day = |s: &str| facts::parse_date(s);
        let p1 = placed(0).unwrap();
        assert_eq!(
            (p1.position.as_deref(), p1.since),
            (Some("ic 2.1"), day("2023-01-01"))
        );
        // No job: the position stands in, and the day in it is the day in the position.
        let p2 = placed(1).unwrap();
        assert_eq!(
            (p2.position.as_deref(), r[1].job.as_str()),
            (Some("II.3"), "")
        );
        assert_eq!(Some(r[1].job_since), day("2024-12-01"));
        assert_eq!(placed(2), None);
    }
}

/// Without `position`, `job` is required as before; with one but no day, the
/// day in the job is still required.
#[test]
fn a_record_without_job_needs_its_position_and_a_day() {
    let jsonl = concat!(
        r#"{"id":"N1","job_since":"2020-01-01"}"#,
        "\n",
        r#"{"id":"N2","position":"I.1"}"#,
        "\n",
    );
    let facts = facts::read(jsonl, Format::JsonLines).unwrap();
    let fields: Vec<Option<String>> = facts
        .records
        .iter()
        .map(|r| r.as_ref().unwrap_err().field.clone())
        .collect();
    assert_eq!(
        fields,
        [Some("job".to_string()), Some("job_since".to_string())]
    );
}

/// A rule set without grids rejects a record that gives a position but no job:
/// the job is required, as the reader said before positions existed.
#[test]
fn a_rule_set_of_jobs_still_requires_the_job() {
    let rules = load("rules/cgt-2008.grille");
    let evaluator = grille::Evaluator::new(&rules, as_of());
    let jsonl = r#"{"id":"J1","position":"I.1","position_since":"2020-01-01"}"#;
    let facts = facts::read(jsonl, Format::JsonLines).unwrap();
    let rejection = evaluator
        .decide(facts.records[0].as_ref().unwrap())
        .unwrap_err();
    assert_eq!(rejection.field.as_deref(), Some("job"));
    assert_eq!(rejection.code, facts::ReasonCode::Required);
}
