//! The fast path for a record's history (facts.md, "History"): hire and
//! departure, jobs, diplomas and payslips read in place from the line. A
//! replay reads millions of payslips; building a JSON tree for each cost more
//! than replaying it. As for the record, only what the general reader would
//! take without a word is taken here: anything else (a wrong type, a blank,
//! an amount below zero or finer than the cent, a contradiction) gives `None`,
//! and the general reader reads the line and says what is wrong.

use super::*;
use crate::facts::history::{contradictions, sort_pay, HISTORY_LISTS};
use crate::facts::{HeldJob, History, Month, Obtained, Pay};

/// `record` with the history its `line` gives (at least one of its fields is
/// there: a field given as null counts as given, as for the general reader);
/// `None` when the general reader must read the line. The line's members are
/// scanned again for the history's: the record's own path stays as it was
/// for the records without history.
#[inline(never)]
pub(super) fn add_history(
    record: &mut Record,
    line: &str,
    unknown: &mut dyn FnMut(&str),
) -> Option<()> {
    let mut raw = [None; history::HISTORY_FIELDS.len()];
    let mut twice = false;
    let mut scan = Scanner { text: line, at: 0 };
    scan.members(|key, value| {
        if let Some(i) = history::HISTORY_FIELDS.iter().position(|f| *f == key) {
            twice |= raw[i].replace(value).is_some();
        }
    })?;
    // A trial at hire is rare: the general reader reads its facts.
    if twice || raw[5].is_some() || raw[6].is_some() {
        return None;
    }
    let given = |i: usize| raw[i].filter(|value| *value != "null");
    let [jobs, diplomas, pay] = HISTORY_LISTS;
    let mut history = History {
        hired_on: optional(given(0), date)?,
        left_on: optional(given(1), date)?,
        jobs: list(given(2), jobs, unknown, held_job)?,
        diplomas: list(given(3), diplomas, unknown, obtained)?,
        pay: list(given(4), pay, unknown, payslip)?,
        hire_trial_renewed: false,
        hire_trial_broken_on: None,
    };
    let at = Place {
        position: record.position,
        id: Some(&record.id),
    };
    contradictions(&history, &at, record).ok()?;
    sort_pay(&mut history);
    record.history = Some(Box::new(history));
    Some(())
}

/// The entries of a list field, unknown keys noted as `pay[].key`.
fn list<T>(
    raw: Option<&str>,
    (name, known): (&str, &[&str]),
    unknown: &mut dyn FnMut(&str),
    read: fn(&Members) -> Option<T>,
) -> Option<Vec<T>> {
    match raw {
        None => Some(Vec::new()),
        Some(raw) => Scanner::list_of(raw, |m| {
            m.note_unknown(name, known, unknown)?;
            read(m)
        }),
    }
}

/// A date that is there and reads well (a blank one goes to the general reader).
fn date(raw: &str) -> Option<NaiveDate> {
    parse_date(text(raw)?)
}

fn held_job(m: &Members) -> Option<HeldJob> {
    Some(HeldJob {
        job: m.text("job")?.to_string(),
        since: parse_date(m.text("since")?)?,
        prior_job_months: optional(m.get("prior_job_months"), whole)?.unwrap_or(0),
    })
}

fn obtained(m: &Members) -> Option<Obtained> {
    Some(Obtained {
        diploma: m.text("diploma")?.to_string(),
        since: parse_date(m.text("since")?)?,
    })
}

fn payslip(m: &Members) -> Option<Pay> {
    let salary = decimal(m.get("salary")?)?;
    // Below zero or finer than the cent: the general reader says why.
    if salary.is_sign_negative() || salary.scale() > 2 {
        return None;
    }
    Some(Pay {
        month: Month::parse(m.text("month")?)?,
        salary,
        hours: optional(m.get("hours"), decimal)?,
        coefficient: optional(m.get("coefficient"), whole)?,
    })
}

#[cfg(test)]
mod tests {
    use crate::facts::fast::tests::general;
    use crate::facts::{Format, Position, Reader};

    /// The lines of every history fixture, a generated pay history, lines
    /// written to try each way out of the fast path, and each of those lines
    /// changed here and there by one byte.
    fn lines() -> Vec<String> {
        let mut lines = Vec::new();
        let array = std::fs::read_to_string("examples/history.json").unwrap();
        let records: Vec<serde_json::Value> = serde_json::from_str(&array).unwrap();
        lines.extend(records.iter().map(|r| r.to_string()));
        for path in [
            "tests/inputs/replay-unit/history.jsonl",
            "tests/inputs/replay-unit/contradictions.jsonl",
        ] {
            let text = std::fs::read_to_string(path).unwrap();
            lines.extend(text.lines().map(str::to_string));
        }
        lines.extend(generated());
        let base = r#""id":"a","job":"x","job_since":"2020-01-01""#;
        for history in [
            r#""hired_on":null"#,
            r#""hired_on":"""#,
            r#""hired_on":" ","pay":[]"#,
            r#""hired_on":"2021-01-01""#,
            r#""left_on":"2019-12-31""#,
            r#""pay":[{"month":"2024-01","salary":"-0.00"}]"#,
            r#""pay":[{"month":"2024-01","salary":"1.001"}]"#,
            r#""pay":[{"month":"2024-01","salary":1800.5,"hours":"140.5","coefficient":"120"}]"#,
            r#""pay":[{"month":" 2024-01","salary":"1800"}]"#,
            r#""pay":[{"month":"2024-01","salary":"1800","note":1},{"month":"2024-01","salary":"1"}]"#,
            r#""pay":[{"month":"2024-02","salary":"1"},{"month":"2024-01","salary":"2","month":"2024-03"}]"#,
            r#""pay":[{"month":"2024-02","salary":"1"},{"month":"2024-01","salary":"2"}]"#,
            r#""pay":{"month":"2024-02","salary":"1"}"#,
            r#""pay":null,"jobs":null,"diplomas":null"#,
            r#""pay":[],"pay":[]"#,
            r#""jobs":[{"job":"y","since":"2019-01-01","prior_job_months":3}],"hired_on":"2019-01-01""#,
            r#""jobs":[{"job":"y","since":"2020-01-01"}]"#,
            r#""jobs":[{"job":" ","since":"2019-01-01"}]"#,
            r#""diplomas":[{"diploma":"bac","since":"2018-06-30"},{"diploma":"bts","since":"2017-01-01"}]"#,
            r#""diplomas":[{"diploma":"bac","since":"2018-06-30","grade":"b"}]"#,
        ] {
            lines.push(format!("{{{base},{history}}}"));
        }
        let mutated: Vec<String> = lines.iter().enumerate().flat_map(mutations).collect();
        lines.extend(mutated);
        lines
    }

    /// Histories as `grille sample --history-months` writes them.
    fn generated() -> Vec<String> {
        let path = "rules/idcc2098-2002.grille";
        let (rules, _) = crate::load_path(path, Default::default()).unwrap();
        let options = crate::sample::SampleOptions {
            employees: 200,
            seed: 5,
            as_of: chrono::NaiveDate::from_ymd_opt(2026, 11, 29).unwrap(),
        };
        let sets = [rules];
        let generator = crate::sample::Generator::new(&sets, options).unwrap();
        let history = crate::replay::sample::PayHistory {
            months: 14,
            full: false,
        };
        let mut out = Vec::new();
        crate::replay::sample::write_sample(&generator, history, &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        text.lines().map(str::to_string).collect()
    }

    fn mutations((i, line): (usize, &String)) -> Vec<String> {
        let inserted = b"\"{}[],: 0-.eE+\\tn1";
        let bytes = line.as_bytes();
        (0..12)
            .filter_map(|k| {
                let at = (i * 31 + k * 17) % bytes.len();
                let byte = inserted[(i + k) % inserted.len()];
                let mut changed = bytes.to_vec();
                match k % 3 {
                    0 => drop(changed.remove(at)),
                    1 => changed.insert(at, byte),
                    _ => changed[at] = byte,
                }
                String::from_utf8(changed).ok()
            })
            .collect()
    }

    /// The unknown keys the general reader notes for a line.
    fn unknown_of_general(line: &str) -> Vec<String> {
        let mut reader = Reader::default();
        if let Ok(value) = serde_json::from_str(line) {
            let _ = reader.json_record(value, Position::Line(1));
        }
        let mut unknown: Vec<String> = reader.unknown_fields.into_iter().collect();
        unknown.sort();
        unknown
    }

    #[test]
    fn the_fast_reader_reads_histories_as_the_general_reader_does() {
        let lines = lines();
        let mut taken = 0;
        let mut with_history = 0;
        for line in &lines {
            let mut unknown = Vec::new();
            let Some(fast) = super::super::record(line, Position::Line(1), &mut |f| {
                unknown.push(f.to_string())
            }) else {
                continue;
            };
            taken += 1;
            with_history += usize::from(fast.history.is_some());
            assert_eq!(Ok(fast), general(line), "{line}");
            unknown.sort();
            unknown.dedup();
            assert_eq!(unknown, unknown_of_general(line), "{line}");
        }
        // The comparison means something only if the fast path took many
        // lines with a history, and left many to the general reader.
        assert!(with_history > 600, "{with_history} of {taken} taken");
        assert!(taken < lines.len() * 9 / 10, "{taken} of {}", lines.len());
    }

    /// A line the fast path leaves is read by the general reader, which
    /// names the field and the reason.
    #[test]
    fn a_history_the_fast_path_leaves_is_rejected_with_its_field() {
        let line = r#"{"id":"a","job":"x","job_since":"2020-01-01","pay":[{"month":"2024-01","salary":"1.001"}]}"#;
        assert!(super::super::record(line, Position::Line(1), &mut |_| {}).is_none());
        let facts = crate::facts::read(line, Format::JsonLines).unwrap();
        let rejection = facts.records[0].as_ref().unwrap_err();
        assert_eq!(rejection.field.as_deref(), Some("pay[0].salary"));
        assert!(
            rejection.reason.contains("more than two decimals"),
            "{rejection}"
        );
    }
}
