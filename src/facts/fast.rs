//! The fast path for a JSON record: fields read in place from the line, without
//! building a JSON tree. It handles well-formed records only; anything unusual
//! (a value of the wrong type, an empty id) falls back to the general reader,
//! which says precisely what is wrong.

use super::*;

mod histories;

/// The record's known fields as raw JSON text, and the names of the others
/// (a history's among them: `histories` reads it).
struct RawFields<'a> {
    values: [Option<&'a str>; KNOWN_FIELDS.len()],
    unknown: Vec<&'a str>,
}

/// Where a field of the contract stands in [`KNOWN_FIELDS`].
pub(super) fn field_index(key: &str) -> Option<usize> {
    KNOWN_FIELDS.iter().position(|name| *name == key)
}

/// Nesting deeper than this is left to the general reader.
const MAX_DEPTH: usize = 32;

/// A JSON object scanned in place, its values kept as raw text. Only plain
/// JSON is taken: a string with an escape, or anything not JSON, gives `None`,
/// and the general reader (`serde_json`) reads the line and names the fault.
struct Scanner<'a> {
    text: &'a str,
    at: usize,
}

impl<'a> Scanner<'a> {
    fn object(text: &'a str) -> Option<RawFields<'a>> {
        let mut scan = Scanner { text, at: 0 };
        let mut fields = RawFields {
            values: [None; KNOWN_FIELDS.len()],
            unknown: Vec::new(),
        };
        // A field given twice goes to the general reader, which rejects it.
        let mut twice = false;
        scan.members(|key, value| match field_index(key) {
            Some(i) => twice |= fields.values[i].replace(value).is_some(),
            None => fields.unknown.push(key),
        })?;
        scan.whitespace();
        (scan.at == text.len() && !twice).then_some(fields)
    }

    /// A list of objects, each made into an item by `read` from its members;
    /// `None` when the text is not such a list or `read` refuses an item.
    fn list_of<T>(
        text: &'a str,
        mut read: impl FnMut(&Members<'a>) -> Option<T>,
    ) -> Option<Vec<T>> {
        let mut scan = Scanner { text, at: 0 };
        let mut items = Vec::new();
        scan.expect(b'[')?;
        if !scan.next_is(b']') {
            loop {
                let mut members = Vec::new();
                scan.members(|key, value| members.push((key, value)))?;
                items.push(read(&Members(members))?);
                if scan.next_is(b']') {
                    break;
                }
                scan.expect(b',')?;
            }
        }
        scan.whitespace();
        (scan.at == text.len()).then_some(items)
    }

    /// The members of the object that comes next: each key with its value's raw text.
    fn members(&mut self, mut each: impl FnMut(&'a str, &'a str)) -> Option<()> {
        self.expect(b'{')?;
        if self.next_is(b'}') {
            return Some(());
        }
        loop {
            let key = self.string()?;
            self.expect(b':')?;
            self.whitespace();
            let start = self.at;
            self.value(0)?;
            each(key, self.text.get(start..self.at)?);
            if self.next_is(b'}') {
                return Some(());
            }
            self.expect(b',')?;
        }
    }

    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.at).copied()
    }

    fn whitespace(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.at += 1;
        }
    }

    /// Skips whitespace and `byte`, which must come next.
    fn expect(&mut self, byte: u8) -> Option<()> {
        self.whitespace();
        (self.peek()? == byte).then(|| self.at += 1)
    }

    /// Skips whitespace, then `byte` if it comes next.
    fn next_is(&mut self, byte: u8) -> bool {
        self.whitespace();
        let found = self.peek() == Some(byte);
        if found {
            self.at += 1;
        }
        found
    }

    /// A string without escapes: its text between the quotes.
    fn string(&mut self) -> Option<&'a str> {
        self.expect(b'"')?;
        let start = self.at;
        let rest = self.text.as_bytes().get(start..)?;
        let end = crate::json_text::find_special(rest)?;
        if rest[end] != b'"' {
            return None;
        }
        self.at = start + end + 1;
        self.text.get(start..start + end)
    }

    fn value(&mut self, depth: usize) -> Option<()> {
        match self.peek()? {
            b'"' => self.string().map(drop),
            b'{' if depth < MAX_DEPTH => self.nested(depth, b'}', true),
            b'[' if depth < MAX_DEPTH => self.nested(depth, b']', false),
            b't' => self.literal("true"),
            b'f' => self.literal("false"),
            b'n' => self.literal("null"),
            b'-' | b'0'..=b'9' => self.number(),
            _ => None,
        }
    }

    /// An object (`keyed`) or a list, after its first byte.
    fn nested(&mut self, depth: usize, close: u8, keyed: bool) -> Option<()> {
        self.at += 1;
        if self.next_is(close) {
            return Some(());
        }
        loop {
            if keyed {
                self.string()?;
                self.expect(b':')?;
            }
            self.whitespace();
            self.value(depth + 1)?;
            if self.next_is(close) {
                return Some(());
            }
            self.expect(b',')?;
            self.whitespace();
        }
    }

    fn literal(&mut self, word: &str) -> Option<()> {
        let rest = self.text.get(self.at..)?;
        rest.starts_with(word).then(|| self.at += word.len())
    }

    /// A number as JSON writes it: `-`? (`0` | [1-9][0-9]*) (`.` [0-9]+)? ([eE] [+-]? [0-9]+)?
    fn number(&mut self) -> Option<()> {
        let bytes = self.text.as_bytes();
        let digits = |at: &mut usize| {
            let start = *at;
            while bytes.get(*at).is_some_and(u8::is_ascii_digit) {
                *at += 1;
            }
            *at > start
        };
        let mut at = self.at;
        if bytes.get(at) == Some(&b'-') {
            at += 1;
        }
        if bytes.get(at) == Some(&b'0') {
            at += 1;
        } else if !digits(&mut at) {
            return None;
        }
        if bytes.get(at) == Some(&b'.') {
            at += 1;
            if !digits(&mut at) {
                return None;
            }
        }
        if matches!(bytes.get(at), Some(b'e' | b'E')) {
            at += 1;
            if matches!(bytes.get(at), Some(b'+' | b'-')) {
                at += 1;
            }
            if !digits(&mut at) {
                return None;
            }
        }
        self.at = at;
        Some(())
    }
}

/// A JSON record read in place; `None` when the general reader must look at it.
pub(super) fn record(
    line: &str,
    position: Position,
    unknown: &mut dyn FnMut(&str),
) -> Option<Record> {
    let fields = Scanner::object(line)?;
    if fields.unknown.iter().any(in_history) {
        // Degrees by criterion are rare: the general reader reads them.
        if fields.unknown.contains(&super::criteria::FIELD) {
            return None;
        }
        let mut record = without_history(&fields, position, unknown)?;
        histories::add_history(&mut record, line, unknown)?;
        return Some(record);
    }
    // The record built in the caller's slot: a record that a branch could
    // still change was built aside and copied, twice (+1.5 % on `eval`).
    without_history(&fields, position, unknown)
}

/// A field the fast path leaves to `histories` (or, `criteria`, to the general reader).
fn in_history(key: &&str) -> bool {
    history::HISTORY_FIELDS.contains(key) || *key == super::criteria::FIELD
}

/// The record of the contract's fields, its history left to `histories`.
#[inline(always)]
fn without_history(
    fields: &RawFields,
    position: Position,
    unknown: &mut dyn FnMut(&str),
) -> Option<Record> {
    // Noted first: a record rejected below still had them.
    for name in fields.unknown.iter().filter(|k| !in_history(k)) {
        unknown(name);
    }
    let field = |f: Field| fields.values[f.index()].filter(|raw| *raw != "null");
    let id = text(field(Field::Id)?).filter(|t| !t.trim().is_empty())?;
    let job = text(field(Field::Job)?).filter(|t| !t.trim().is_empty())?;
    let job_since = parse_date(text(field(Field::JobSince)?)?)?;
    let missions = match field(Field::Missions) {
        None => Vec::new(),
        Some(raw) => Scanner::list_of(raw, |m| {
            m.note_unknown("missions", &MISSION_FIELDS, unknown)?;
            mission(m)
        })?,
    };
    let moves = match field(Field::Moves) {
        None => Vec::new(),
        Some(raw) => Scanner::list_of(raw, |m| {
            m.note_unknown("moves", &MOVE_FIELDS, unknown)?;
            a_move(m)
        })?,
    };
    let salary = optional(field(Field::Salary), decimal)?;
    // More than two decimals: the general reader says what a salary takes.
    if salary.is_some_and(|s| s.scale() > 2) {
        return None;
    }
    Some(Record {
        position,
        job: job.to_string(),
        job_since,
        prior_job_months: optional(field(Field::PriorJobMonths), whole)?.unwrap_or(0),
        diploma: match field(Field::Diploma) {
            None => None,
            Some(raw) => Some(text(raw)?)
                .filter(|t| !t.trim().is_empty())
                .map(str::to_string),
        },
        previous_sector_coefficient: optional(field(Field::PreviousSectorCoefficient), whole)?,
        missions,
        moves,
        hours: optional(field(Field::Hours), decimal)?,
        salary,
        coefficient: optional(field(Field::Coefficient), whole)?,
        history: None,
        extra: match (field(Field::Position), field(Field::PositionSince)) {
            (None, None) => None,
            (position, since) => crate::facts::ExtraFacts::given(
                None,
                crate::facts::Placed::given(
                    optional(position, |raw| text(raw).map(str::to_string))?,
                    optional(since, |raw| parse_date(text(raw)?))?,
                ),
                None,
            ),
        },
        id: id.to_string(),
    })
}

/// An object's members, in order.
struct Members<'a>(Vec<(&'a str, &'a str)>);

impl<'a> Members<'a> {
    /// Notes the keys not in `known` (as `missions[].note`); `None` when one
    /// of `known` is given twice, which the general reader rejects.
    fn note_unknown(
        &self,
        list: &str,
        known: &[&str],
        unknown: &mut dyn FnMut(&str),
    ) -> Option<()> {
        for (i, (key, _)) in self.0.iter().enumerate() {
            if !known.contains(key) {
                unknown(&format!("{list}[].{key}"));
            } else if self.0[..i].iter().any(|(k, _)| k == key) {
                return None;
            }
        }
        Some(())
    }

    /// The raw value of `name`, unless absent or null (given twice, it was refused before).
    fn get(&self, name: &str) -> Option<&'a str> {
        let (_, value) = self.0.iter().rev().find(|(key, _)| *key == name)?;
        Some(*value).filter(|v| *v != "null")
    }

    /// A text that is there and not blank.
    fn text(&self, name: &str) -> Option<&'a str> {
        text(self.get(name)?).filter(|t| !t.trim().is_empty())
    }

    /// An absent date, or one that reads well; `None` sends the record to the general reader.
    fn optional_date(&self, name: &str) -> Option<Option<NaiveDate>> {
        match self.get(name) {
            None => Some(None),
            Some(raw) => parse_date(text(raw)?).map(Some),
        }
    }
}

/// A mission as the general reader reads it, when it has nothing to say about it.
fn mission(m: &Members) -> Option<Mission> {
    let job = m.text("job")?;
    let start = parse_date(m.text("start")?)?;
    let end = m.optional_date("end")?;
    if end.is_some_and(|end| end < start) {
        return None;
    }
    Some(Mission {
        job: job.to_string(),
        start,
        end,
    })
}

/// A move as the general reader reads it, when it has nothing to say about it.
fn a_move(m: &Members) -> Option<Move> {
    let on = parse_date(m.text("on")?)?;
    let trial_broken_on = m.optional_date("trial_broken_on")?;
    if trial_broken_on.is_some_and(|broken| broken < on) {
        return None;
    }
    let trial_renewed = match m.get("trial_renewed") {
        None => false,
        Some("true") => true,
        Some("false") => false,
        Some(_) => return None,
    };
    Some(Move {
        from: m.text("from")?.to_string(),
        to: m.text("to")?.to_string(),
        on,
        trial_renewed,
        trial_broken_on,
    })
}

/// A JSON string's text (the scanner took no string with escapes); `None` if not a string.
fn text(raw: &str) -> Option<&str> {
    raw.strip_prefix('"')?.strip_suffix('"')
}

/// An absent field, or one that reads well; `None` sends the record to the general reader.
#[inline]
fn optional<T>(raw: Option<&str>, read: fn(&str) -> Option<T>) -> Option<Option<T>> {
    match raw {
        None => Some(None),
        Some(raw) => read(raw).map(Some),
    }
}

fn whole(raw: &str) -> Option<u32> {
    raw.parse().ok()
}

/// A decimal from its text, written as a JSON number or string.
fn decimal(raw: &str) -> Option<rust_decimal::Decimal> {
    match text(raw) {
        Some(t) => parse_decimal(t.trim()),
        None => parse_decimal(raw),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sample::{Generator, SampleOptions};

    /// What the general reader makes of a line (the fast readers' tests compare with it).
    pub(super) fn general(line: &str) -> Result<Record, Rejection> {
        let position = Position::Line(1);
        match serde_json::from_str::<serde_json::Value>(line) {
            Ok(value) => Reader::default().json_record(value, position),
            Err(_) => Err(Rejection::new(
                position,
                None,
                None,
                crate::facts::Reason::Other("not JSON".into()),
            )),
        }
    }

    /// Lines of a generated workforce, and each line changed here and there by one byte.
    fn lines_and_mutations() -> Vec<String> {
        let path = "rules/cgt-2008.grille";
        let (rules, _) = crate::load_path(path, Default::default()).unwrap();
        let options = SampleOptions {
            employees: 3000,
            seed: 11,
            as_of: NaiveDate::from_ymd_opt(2026, 11, 29).unwrap(),
        };
        let sets = [rules];
        let mut out = Vec::new();
        Generator::new(&sets, options)
            .unwrap()
            .write(Format::JsonLines, &mut out)
            .unwrap();
        let text = String::from_utf8(out).unwrap();
        let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
        lines.extend([
            r#"{"id":"a\"b","job":"x","job_since":"2020-01-01"}"#.to_string(),
            r#" { "id" : "a" , "job" : "x" , "job_since" : "2020-01-01" , "x" : [ 1 , { "y" : null } ] } "#.to_string(),
            r#"{"id":"a","job":"x","job_since":"2020-01-01","id":"b"}"#.to_string(),
            r#"{"id":"a","job":"x","job_since":"2020-01-01","salary":-0.00}"#.to_string(),
            r#"{"id":"a","job":"x","job_since":"2020-01-01","hours":1E2}"#.to_string(),
            r#"{"id":"a","job":"x","job_since":"2020-01-01","missions":[{"job":"y","start":"2020-01-01","note":1}]}"#.to_string(),
            r#"{"id":"a","job":"x","job_since":"2020-01-01","moves":[{"from":"y","to":"x","on":"2020-01-01","on":"2020-01-02"}]}"#.to_string(),
        ]);
        let inserted = b"\"{}[],: 0-.eE+\\tn1";
        let mut mutated = Vec::new();
        for (i, line) in lines.iter().enumerate() {
            let bytes = line.as_bytes();
            for k in 0..12 {
                let at = (i * 31 + k * 17) % bytes.len();
                let byte = inserted[(i + k) % inserted.len()];
                let mut changed = bytes.to_vec();
                match k % 3 {
                    0 => drop(changed.remove(at)),
                    1 => changed.insert(at, byte),
                    _ => changed[at] = byte,
                }
                if let Ok(text) = String::from_utf8(changed) {
                    mutated.push(text);
                }
            }
        }
        lines.extend(mutated);
        lines
    }

    #[test]
    fn the_fast_reader_reads_what_the_general_reader_reads() {
        let mut fast_taken = 0;
        let lines = lines_and_mutations();
        for line in &lines {
            let mut unknown = Vec::new();
            let Some(fast) = record(line, Position::Line(1), &mut |f| {
                unknown.push(f.to_string())
            }) else {
                continue;
            };
            fast_taken += 1;
            assert_eq!(Ok(fast), general(line), "{line}");
            let value: serde_json::Value = serde_json::from_str(line).unwrap();
            let object = value.as_object().unwrap();
            let mut expected: Vec<String> = object
                .keys()
                .filter(|k| !KNOWN_FIELDS.contains(&k.as_str()))
                .cloned()
                .collect();
            let lists: [(&str, &[&str]); 2] =
                [("missions", &MISSION_FIELDS), ("moves", &MOVE_FIELDS)];
            for (list, known) in lists {
                let items = object.get(list).and_then(|v| v.as_array());
                for item in items.into_iter().flatten() {
                    let keys = item.as_object().unwrap().keys();
                    let unknown = keys.filter(|k| !known.contains(&k.as_str()));
                    expected.extend(unknown.map(|k| format!("{list}[].{k}")));
                }
            }
            expected.sort();
            unknown.sort();
            unknown.dedup();
            assert_eq!(unknown, expected, "{line}");
        }
        // The comparison means something only if the fast path took most lines.
        assert!(
            fast_taken > lines.len() / 3,
            "{fast_taken} of {}",
            lines.len()
        );
    }
}
