//! A decision as JSON, written straight into a buffer: the hot path of
//! `grille eval`. The bytes are those `serde_json` writes for the derived
//! `Serialize` (a test compares both over whole workforces, traces included).

use std::fmt::Write as _;
use std::io::Write;

use chrono::NaiveDate;

use crate::diag::Place;
use crate::eval::trace::{FloorDetail, Step, StepKind};
use crate::eval::{Claim, Decision, NextStep, Trial};

mod scalars;
pub(super) use scalars::number;
pub(crate) use scalars::{date, money};
use scalars::{digits_of, quoted_money};

pub fn decision(d: &Decision, out: &mut Vec<u8>) {
    key(out, "{", "id");
    string(out, d.id);
    key(out, ",", "job");
    string(out, d.job);
    key(out, ",", "band");
    string(out, d.band);
    key(out, ",", "coefficient");
    number(out, d.coefficient);
    key(out, ",", "level");
    number(out, d.level);
    key(out, ",", "category");
    string(out, d.category);
    key(out, ",", "status");
    string(out, d.status);
    key(out, ",", "minimum_salary");
    match d.minimum_salary {
        Some(m) => quoted_money(m, out),
        None => out.extend_from_slice(b"null"),
    }
    for (name, value) in [
        ("minimum_agreement", d.minimum_agreement),
        ("minimum_law", d.minimum_law),
    ] {
        if let Some(value) = value {
            key(out, ",", name);
            quoted_money(value, out);
        }
    }
    if let Some(from) = d.minimum_from {
        key(out, ",", "minimum_from");
        string(out, from.as_str());
    }
    if let Some(s) = d.salary_shortfall {
        key(out, ",", "salary_shortfall");
        quoted_money(s, out);
    }
    if let Some(g) = d.coefficient_gap {
        key(out, ",", "coefficient_gap");
        number(out, g);
    }
    if !d.claims.is_empty() {
        key(out, ",", "claims");
        for (i, c) in d.claims.iter().enumerate() {
            out.extend_from_slice(if i == 0 { b"[" } else { b"," });
            claim(c, out);
        }
        out.push(b']');
    }
    if let Some(t) = &d.trial {
        key(out, ",", "trial");
        trial(t, out);
    }
    if let Some(n) = &d.next_step {
        key(out, ",", "next_step");
        next_step(n, out);
    }
    if !d.warnings.is_empty() {
        key(out, ",", "warnings");
        for (i, w) in d.warnings.iter().enumerate() {
            out.extend_from_slice(if i == 0 { b"[\"" } else { b",\"" });
            // Escaped as it is written: no string built.
            let _ = write!(Escaped(out), "{w}");
            out.push(b'"');
        }
        out.push(b']');
    }
    if let Some(steps) = &d.trace {
        key(out, ",", "trace");
        for (i, s) in steps.iter().enumerate() {
            out.push(if i == 0 { b'[' } else { b',' });
            step(s, out);
        }
        if steps.is_empty() {
            out.push(b'[');
        }
        out.push(b']');
    }
    out.push(b'}');
}

/// A step as its derived `Serialize` writes it: the kind's tag, the kind's
/// fields (a floor's detail among them), then the rule's place and citation.
fn step(s: &Step, out: &mut Vec<u8>) {
    let tag = |out: &mut Vec<u8>, name: &str| {
        key(out, "{", "step");
        string(out, name);
    };
    match &s.kind {
        StepKind::Job { given, job, name } => {
            tag(out, "job");
            strings(out, &[("given", given), ("job", job), ("name", name)]);
        }
        StepKind::Experience {
            since,
            until,
            completed_months,
            prior_months,
            months,
            band,
        } => {
            tag(out, "experience");
            dates(out, &[("since", *since), ("until", *until)]);
            numbers(
                out,
                &[
                    ("completed_months", *completed_months),
                    ("prior_months", *prior_months),
                    ("months", *months),
                ],
            );
            strings(out, &[("band", band)]);
        }
        StepKind::Floor {
            floor,
            coefficient,
            detail,
        } => {
            tag(out, "floor");
            strings(out, &[("floor", floor)]);
            key(out, ",", "coefficient");
            number_or_null(*coefficient, out);
            floor_detail(detail, out);
        }
        StepKind::Entitlement { coefficient, floor } => {
            tag(out, "entitlement");
            numbers(out, &[("coefficient", *coefficient)]);
            strings(out, &[("floor", floor)]);
        }
        StepKind::Transitional {
            coefficient,
            since,
            until,
            next,
        } => {
            tag(out, "transitional");
            numbers(out, &[("coefficient", *coefficient)]);
            dates(out, &[("since", *since), ("until", *until)]);
            numbers(out, &[("next", *next)]);
        }
        StepKind::Level {
            coefficient,
            level,
            category,
        } => {
            tag(out, "level");
            numbers(out, &[("coefficient", *coefficient), ("level", *level)]);
            strings(out, &[("category", category)]);
        }
        StepKind::Status { status } => {
            tag(out, "status");
            strings(out, &[("status", status)]);
        }
        StepKind::Parameter {
            name,
            value,
            from,
            cited,
        } => {
            tag(out, "parameter");
            strings(out, &[("name", name), ("value", value)]);
            key(out, ",", "from");
            match from {
                Some(from) => date(out, *from),
                None => out.extend_from_slice(b"null"),
            }
            if let Some(cited) = cited {
                strings(out, &[("cited", cited)]);
            }
        }
        StepKind::MinimumOwed {
            agreement,
            company,
            law,
            owed,
            from,
        } => {
            tag(out, "minimum-owed");
            for (name, value) in [("agreement", agreement), ("company", company), ("law", law)] {
                if let Some(value) = value {
                    key(out, ",", name);
                    let _ = write!(out, "\"{value}\"");
                }
            }
            key(out, ",", "owed");
            let _ = write!(out, "\"{owed}\"");
            strings(out, &[("from", from)]);
        }
        StepKind::Formula {
            what,
            formula,
            result,
        } => {
            tag(out, "formula");
            strings(out, &[("what", what), ("formula", formula)]);
            key(out, ",", "result");
            // `Decimal`'s own writing, as serde-str gives it: its scale kept.
            let _ = write!(out, "\"{result}\"");
        }
        StepKind::Claim {
            job,
            coefficient,
            since,
            days,
        } => {
            tag(out, "claim");
            strings(out, &[("job", job)]);
            key(out, ",", "coefficient");
            number_or_null(*coefficient, out);
            dates(out, &[("since", *since)]);
            numbers(out, &[("days", *days)]);
        }
        StepKind::MissionWindow {
            from,
            until,
            days,
            cap,
        } => {
            tag(out, "mission-window");
            dates(out, &[("from", *from), ("until", *until)]);
            numbers(out, &[("days", *days), ("cap", *cap)]);
        }
        StepKind::Trial {
            job,
            start,
            end,
            status,
            category,
            length,
            renewal,
            broken_on,
        } => {
            tag(out, "trial");
            strings(out, &[("job", job)]);
            dates(out, &[("start", *start), ("end", *end)]);
            let length = crate::eval::duration_words(*length, false);
            strings(
                out,
                &[
                    ("status", status),
                    ("category", category),
                    ("length", &length),
                ],
            );
            key(out, ",", "renewal");
            match renewal {
                Some(r) => string(out, &crate::eval::duration_words(*r, false)),
                None => out.extend_from_slice(b"null"),
            }
            key(out, ",", "broken_on");
            match broken_on {
                Some(d) => date(out, *d),
                None => out.extend_from_slice(b"null"),
            }
        }
        StepKind::TrialCut {
            by,
            cut,
            limit,
            was,
            end,
        } => {
            tag(out, "trial-cut");
            strings(out, &[("by", by), ("cut", cut)]);
            if let Some(limit) = limit {
                strings(
                    out,
                    &[("limit", &crate::eval::duration_words(*limit, false))],
                );
            }
            dates(out, &[("was", *was), ("end", *end)]);
        }
        StepKind::NextStep {
            on,
            band,
            coefficient,
        } => {
            tag(out, "next-step");
            dates(out, &[("on", *on)]);
            strings(out, &[("band", band)]);
            numbers(out, &[("coefficient", *coefficient)]);
        }
        StepKind::Warning { warning } => {
            tag(out, "warning");
            key(out, ",", "text");
            displayed(out, warning);
        }
    }
    if let Some(rule) = &s.rule {
        key(out, ",", "rule");
        place(out, rule);
    }
    let texts = [
        ("source", s.source),
        ("quote", s.gloss.quote),
        ("reading", s.gloss.reading),
    ];
    for (name, text) in texts {
        if let Some(text) = text {
            strings(out, &[(name, text)]);
        }
    }
    out.push(b'}');
}

/// A floor's detail, its fields among the floor's own (`null` for none).
fn floor_detail(detail: &FloorDetail, out: &mut Vec<u8>) {
    let optional = |out: &mut Vec<u8>, name: &str, value: Option<&str>| {
        key(out, ",", name);
        match value {
            Some(v) => string(out, v),
            None => out.extend_from_slice(b"null"),
        }
    };
    match detail {
        FloorDetail::Job {
            band,
            written,
            from_band,
        } => {
            strings(out, &[("band", band)]);
            optional(out, "written", *written);
            optional(out, "from_band", *from_band);
        }
        FloorDetail::Diploma { diploma } => optional(out, "diploma", *diploma),
        FloorDetail::PreviousCoefficient { given } => {
            key(out, ",", "given");
            number_or_null(*given, out);
        }
        FloorDetail::Mission { claims } => {
            key(out, ",", "claims");
            count(out, *claims);
        }
    }
}

/// `"file:line:column"`, as the place's `Display` writes it.
fn place(out: &mut Vec<u8>, place: &Place) {
    let (line, column) = place.line_col();
    out.push(b'"');
    escape(out, place.file_name());
    out.push(b':');
    count(out, line);
    out.push(b':');
    count(out, column);
    out.push(b'"');
}

fn count(out: &mut Vec<u8>, n: usize) {
    let mut digits = [b'0'; 40];
    let start = digits_of(n as u128, &mut digits);
    out.extend_from_slice(&digits[start..]);
}

/// `,"name":"value"` for each pair.
fn strings(out: &mut Vec<u8>, fields: &[(&str, &str)]) {
    for (name, value) in fields {
        key(out, ",", name);
        string(out, value);
    }
}

fn numbers(out: &mut Vec<u8>, fields: &[(&str, u32)]) {
    for (name, value) in fields {
        key(out, ",", name);
        number(out, *value);
    }
}

fn dates(out: &mut Vec<u8>, fields: &[(&str, NaiveDate)]) {
    for (name, value) in fields {
        key(out, ",", name);
        date(out, *value);
    }
}

/// What `Display` writes, as a JSON string (`serde`'s `collect_str`).
fn displayed(out: &mut Vec<u8>, value: &impl std::fmt::Display) {
    out.push(b'"');
    let _ = write!(Escaped(out), "{value}");
    out.push(b'"');
}

fn claim(c: &Claim, out: &mut Vec<u8>) {
    key(out, "{", "kind");
    string(out, c.kind);
    key(out, ",", "job");
    string(out, c.job);
    key(out, ",", "coefficient");
    number_or_null(c.coefficient, out);
    key(out, ",", "since");
    date(out, c.since);
    out.push(b'}');
}

fn trial(t: &Trial, out: &mut Vec<u8>) {
    key(out, "{", "job");
    string(out, t.job);
    key(out, ",", "start");
    date(out, t.start);
    key(out, ",", "end");
    date(out, t.end);
    key(out, ",", "status");
    string(out, t.status.as_str());
    key(out, ",", "return_to");
    string(out, t.return_to);
    key(out, ",", "return_coefficient");
    number_or_null(t.return_coefficient, out);
    out.push(b'}');
}

fn next_step(n: &NextStep, out: &mut Vec<u8>) {
    key(out, "{", "on");
    date(out, n.on);
    key(out, ",", "band");
    string(out, n.band);
    key(out, ",", "coefficient");
    number(out, n.coefficient);
    out.push(b'}');
}

/// `{"name":` or `,"name":` (the names are the contract's, plain ASCII).
fn key(out: &mut Vec<u8>, before: &str, name: &str) {
    out.extend_from_slice(before.as_bytes());
    out.push(b'"');
    out.extend_from_slice(name.as_bytes());
    out.extend_from_slice(b"\":");
}

fn number_or_null(n: Option<u32>, out: &mut Vec<u8>) {
    match n {
        Some(n) => number(out, n),
        None => out.extend_from_slice(b"null"),
    }
}

/// A JSON string, quoted and escaped.
fn string(out: &mut Vec<u8>, s: &str) {
    out.push(b'"');
    escape(out, s);
    out.push(b'"');
}

/// Escapes as `serde_json` does: quote, backslash and control characters only.
fn escape(out: &mut Vec<u8>, s: &str) {
    let mut rest = s.as_bytes();
    while let Some(i) = crate::json_text::find_special(rest) {
        out.extend_from_slice(&rest[..i]);
        match rest[i] {
            b'"' => out.extend_from_slice(b"\\\""),
            b'\\' => out.extend_from_slice(b"\\\\"),
            b'\n' => out.extend_from_slice(b"\\n"),
            b'\r' => out.extend_from_slice(b"\\r"),
            b'\t' => out.extend_from_slice(b"\\t"),
            0x08 => out.extend_from_slice(b"\\b"),
            0x0c => out.extend_from_slice(b"\\f"),
            b => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                out.extend_from_slice(b"\\u00");
                out.push(HEX[usize::from(b >> 4)]);
                out.push(HEX[usize::from(b & 0xf)]);
            }
        }
        rest = &rest[i + 1..];
    }
    out.extend_from_slice(rest);
}

/// Text formatted into a buffer, escaped for a JSON string on the way.
struct Escaped<'a>(&'a mut Vec<u8>);

impl std::fmt::Write for Escaped<'_> {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        escape(self.0, s);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::SourceFile;
    use crate::eval::Warning;
    use crate::span::Span;
    use rust_decimal::Decimal;
    use std::borrow::Cow;

    #[test]
    fn every_kind_of_step_is_written_as_serde_json_writes_it() {
        // A file name and texts that need escaping, and every optional field
        // both given and not.
        let file = SourceFile::new("C:\\règles\\\"a\".grille", "ligne\n  é\tx\n");
        let place = Some(file.place(Span { start: 9, end: 10 }));
        let day = |d| NaiveDate::from_ymd_opt(2026, 1, d).unwrap();
        let kinds = vec![
            StepKind::Job {
                given: "Télé\"c\"",
                job: "j",
                name: "n\u{1}",
            },
            StepKind::Experience {
                since: day(1),
                until: day(31),
                completed_months: 0,
                prior_months: 4_000_000_000,
                months: 12,
                band: "b",
            },
            StepKind::Floor {
                floor: "job",
                coefficient: Some(150),
                detail: FloorDetail::Job {
                    band: "b",
                    written: Some("150"),
                    from_band: None,
                },
            },
            StepKind::Floor {
                floor: "job",
                coefficient: None,
                detail: FloorDetail::Job {
                    band: "b",
                    written: None,
                    from_band: Some("a"),
                },
            },
            StepKind::Floor {
                floor: "company",
                coefficient: Some(180),
                detail: FloorDetail::Job {
                    band: "debutant",
                    written: Some("niveau 3"),
                    from_band: None,
                },
            },
            StepKind::Entitlement {
                coefficient: 180,
                floor: "company",
            },
            StepKind::Floor {
                floor: "diploma",
                coefficient: None,
                detail: FloorDetail::Diploma { diploma: None },
            },
            StepKind::Floor {
                floor: "diploma",
                coefficient: Some(1),
                detail: FloorDetail::Diploma {
                    diploma: Some("bac+2"),
                },
            },
            StepKind::Floor {
                floor: "previous-coefficient",
                coefficient: Some(2),
                detail: FloorDetail::PreviousCoefficient { given: Some(2) },
            },
            StepKind::Floor {
                floor: "previous-coefficient",
                coefficient: None,
                detail: FloorDetail::PreviousCoefficient { given: None },
            },
            StepKind::Floor {
                floor: "mission",
                coefficient: None,
                detail: FloorDetail::Mission { claims: usize::MAX },
            },
            StepKind::Entitlement {
                coefficient: 7,
                floor: "mission",
            },
            StepKind::Transitional {
                coefficient: 140,
                since: day(2),
                until: day(3),
                next: 145,
            },
            StepKind::Level {
                coefficient: 140,
                level: 2,
                category: "ETAM",
            },
            StepKind::Status {
                status: "non-cadre",
            },
            StepKind::Parameter {
                name: Cow::Borrowed("p[x]"),
                value: Cow::Owned("1.50 €".into()),
                from: Some(day(4)),
                cited: Some("décret \"n° 1\""),
            },
            StepKind::Parameter {
                name: Cow::Borrowed("p"),
                value: Cow::Borrowed("2"),
                from: None,
                cited: None,
            },
            StepKind::MinimumOwed {
                agreement: Some(Decimal::new(182172, 2)),
                company: None,
                law: Some(Decimal::new(182303, 2)),
                owed: Decimal::new(182303, 2),
                from: "law",
            },
            StepKind::Formula {
                what: "minimum-salary",
                formula: Cow::Borrowed("a × b / \"c\""),
                result: Decimal::new(-123_456_789, 7),
            },
            StepKind::Formula {
                what: "level-minimum",
                formula: Cow::Borrowed(""),
                result: Decimal::ZERO,
            },
            StepKind::Claim {
                job: "j",
                coefficient: None,
                since: day(5),
                days: 0,
            },
            StepKind::Claim {
                job: "j",
                coefficient: Some(160),
                since: day(5),
                days: 45,
            },
            StepKind::MissionWindow {
                from: day(1),
                until: day(7),
                days: 171,
                cap: 183,
            },
            StepKind::Trial {
                job: "j",
                start: day(6),
                end: day(7),
                status: "running",
                category: "tam",
                length: crate::model::Duration {
                    count: 3,
                    unit: crate::model::TimeUnit::Months,
                },
                renewal: None,
                broken_on: None,
            },
            StepKind::Trial {
                job: "j",
                start: day(6),
                end: day(7),
                status: "broken",
                category: "employes",
                length: crate::model::Duration {
                    count: 1,
                    unit: crate::model::TimeUnit::Months,
                },
                renewal: Some(crate::model::Duration {
                    count: 2,
                    unit: crate::model::TimeUnit::Weeks,
                }),
                broken_on: Some(day(7)),
            },
            StepKind::TrialCut {
                by: "company",
                cut: "trial",
                limit: None,
                was: day(7),
                end: day(6),
            },
            StepKind::TrialCut {
                by: "law",
                cut: "total",
                limit: Some(crate::model::Duration {
                    count: 1,
                    unit: crate::model::TimeUnit::Weeks,
                }),
                was: day(7),
                end: day(6),
            },
            StepKind::NextStep {
                on: day(8),
                band: "c",
                coefficient: 170,
            },
            StepKind::Warning {
                warning: Warning::BlankBand {
                    job: "j",
                    band: "b",
                    stand_in: Some("a"),
                },
            },
        ];
        for kind in kinds {
            let gloss = crate::eval::trace::Gloss {
                quote: Some("« les mots » \"x\""),
                reading: Some("une lecture"),
            };
            let cited = (place, Some("art. 1 « \"x\" »"), gloss);
            for (rule, source, gloss) in [(None, None, Default::default()), cited] {
                let step = Step {
                    kind: kind.clone(),
                    rule,
                    source,
                    gloss,
                };
                let mut ours = Vec::new();
                super::step(&step, &mut ours);
                let theirs = serde_json::to_string(&step).unwrap();
                assert_eq!(String::from_utf8(ours).unwrap(), theirs);
            }
        }
    }

    #[test]
    fn amounts_are_written_as_the_contract_writes_them() {
        let texts = [
            "0",
            "-0",
            "0.00",
            "-0.000",
            "1850",
            "1850.5",
            "-12.345",
            "0.001",
            "-0.1",
            "0.0000000000000000000000000001",
            "79228162514264337593543950335",
            "-7922816251426433759354395033.5",
            "12345678901234567890.12",
            // Around the cents fast path: scales 0 to 2, and the edge of a u64.
            "1234.03",
            "2100.1",
            "7.05",
            "184467440737095516.15",
            "184467440737095516.16",
            "1844674407370955161",
        ];
        for text in texts {
            let value: Decimal = text.parse().unwrap();
            for v in [value, -value] {
                let mut ours = Vec::new();
                money(v, &mut ours);
                assert_eq!(
                    String::from_utf8(ours).unwrap(),
                    crate::eval::money(v),
                    "{text}"
                );
            }
        }
    }

    #[test]
    fn dates_are_written_as_chrono_writes_them() {
        for (y, m, d) in [
            (2026, 11, 29),
            (5, 1, 2),
            (0, 12, 31),
            (9999, 12, 31),
            (10000, 1, 1),
            (-1, 3, 4),
        ] {
            let day = NaiveDate::from_ymd_opt(y, m, d).unwrap();
            let mut ours = Vec::new();
            date(&mut ours, day);
            assert_eq!(
                String::from_utf8(ours).unwrap(),
                serde_json::to_string(&day).unwrap()
            );
        }
    }

    #[test]
    fn strings_are_escaped_as_serde_json_escapes_them() {
        let all: String = (0u8..0x80).map(char::from).chain("é€😀".chars()).collect();
        for text in [all.as_str(), "", "plain", "a\"b\\c", "\u{7f}\u{1f}"] {
            let mut ours = Vec::new();
            string(&mut ours, text);
            let theirs = serde_json::to_vec(text).unwrap();
            assert_eq!(
                String::from_utf8(ours).unwrap(),
                String::from_utf8(theirs).unwrap()
            );
        }
    }
}
