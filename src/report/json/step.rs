//! A trace's steps as JSON, each as its derived `Serialize` writes it.

use std::io::Write;

use super::{count, date, dates, displayed, key, number_or_null, numbers, place, string, strings};
use crate::eval::trace::{FloorDetail, Step, StepKind};

/// A step as its derived `Serialize` writes it: the kind's tag, the kind's
/// fields (a floor's detail among them), then the rule's place and citation.
pub(super) fn step(s: &Step, out: &mut Vec<u8>) {
    let tag = |out: &mut Vec<u8>, name: &str| {
        key!(out, "{", "step");
        string(out, name);
    };
    match &s.kind {
        StepKind::Job { given, job, name } => {
            tag(out, "job");
            strings(out, &[("given", given), ("job", job), ("name", name)]);
        }
        StepKind::Criteria {
            degrees,
            total,
            row,
            coefficient,
        } => {
            tag(out, "criteria");
            key!(out, ",", "degrees");
            for (i, d) in degrees.iter().enumerate() {
                key(out, if i == 0 { "[{" } else { ",{" }, "criterion");
                string(out, d.criterion);
                numbers(out, &[("degree", d.degree), ("points", d.points)]);
                out.push(b'}');
            }
            if degrees.is_empty() {
                out.push(b'[');
            }
            out.push(b']');
            numbers(out, &[("total", *total)]);
            let _ = write!(out, ",\"row\":[{},{}]", row.0, row.1);
            numbers(out, &[("coefficient", *coefficient)]);
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
            strings(out, &[("floor", floor.as_str())]);
            key!(out, ",", "coefficient");
            number_or_null(*coefficient, out);
            floor_detail(detail, out);
        }
        StepKind::Entitlement { coefficient, floor } => {
            tag(out, "entitlement");
            numbers(out, &[("coefficient", *coefficient)]);
            strings(out, &[("floor", floor.as_str())]);
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
            place,
        } => {
            tag(out, "level");
            match place {
                // A grid without coefficients: its key is a rank, not a coefficient.
                Some(p) if !p.coefficients => numbers(out, &[("level", *level)]),
                _ => numbers(out, &[("coefficient", *coefficient), ("level", *level)]),
            }
            strings(out, &[("category", category)]);
            if let Some(p) = place {
                strings(out, &[("grid", &p.grid), ("position", &p.position)]);
            }
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
            key!(out, ",", "from");
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
            key!(out, ",", "owed");
            let _ = write!(out, "\"{owed}\"");
            strings(out, &[("from", from.as_str())]);
        }
        StepKind::Formula {
            what,
            formula,
            result,
        } => {
            tag(out, "formula");
            strings(out, &[("what", what.as_str()), ("formula", formula)]);
            key!(out, ",", "result");
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
            key!(out, ",", "coefficient");
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
            at,
            range,
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
            key!(out, ",", "renewal");
            match renewal {
                Some(r) => string(out, &crate::eval::duration_words(*r, false)),
                None => out.extend_from_slice(b"null"),
            }
            key!(out, ",", "broken_on");
            match broken_on {
                Some(d) => date(out, *d),
                None => out.extend_from_slice(b"null"),
            }
            trial_opening(out, *at, *range);
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
        StepKind::Fact {
            name,
            field,
            value,
            default,
        } => {
            tag(out, "fact");
            strings(out, &[("name", name), ("field", field), ("value", value)]);
            key!(out, ",", "default");
            out.extend_from_slice(if *default { b"true" } else { b"false" });
        }
        StepKind::Clock {
            clock,
            since,
            until,
            completed,
            unit,
        } => {
            tag(out, "clock");
            strings(out, &[("clock", clock)]);
            dates(out, &[("since", *since), ("until", *until)]);
            numbers(out, &[("completed", *completed)]);
            strings(out, &[("unit", unit)]);
        }
        StepKind::Warning { warning } => {
            tag(out, "warning");
            key!(out, ",", "text");
            displayed(out, warning);
        }
    }
    if let Some(rule) = &s.rule {
        key!(out, ",", "rule");
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
/// A trial step's `at` and `range`, written only when present (serde's skip).
fn trial_opening(out: &mut Vec<u8>, at: Option<&str>, range: Option<(u32, u32)>) {
    if let Some(at) = at {
        key!(out, ",", "at");
        string(out, at);
    }
    if let Some((from, to)) = range {
        key!(out, ",", "range");
        let _ = write!(out, "[{from},{to}]");
    }
}

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
            key!(out, ",", "given");
            number_or_null(*given, out);
        }
        FloorDetail::Mission { claims } => {
            key!(out, ",", "claims");
            count(out, *claims);
        }
        FloorDetail::Position {
            grid,
            position,
            test,
        } => {
            optional(out, "grid", *grid);
            optional(out, "position", *position);
            if test.is_some() {
                optional(out, "test", *test);
            }
        }
        FloorDetail::Criteria { total } => {
            key!(out, ",", "total");
            number_or_null(*total, out);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::SourceFile;
    use crate::eval::trace::{FloorName, FormulaKind};
    use crate::eval::{MinimumFrom, Warning};
    use crate::span::Span;
    use chrono::NaiveDate;
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
                floor: FloorName::Job,
                coefficient: Some(150),
                detail: FloorDetail::Job {
                    band: "b",
                    written: Some("150"),
                    from_band: None,
                },
            },
            StepKind::Floor {
                floor: FloorName::Job,
                coefficient: None,
                detail: FloorDetail::Job {
                    band: "b",
                    written: None,
                    from_band: Some("a"),
                },
            },
            StepKind::Floor {
                floor: FloorName::Company,
                coefficient: Some(180),
                detail: FloorDetail::Job {
                    band: "debutant",
                    written: Some("niveau 3"),
                    from_band: None,
                },
            },
            StepKind::Entitlement {
                coefficient: 180,
                floor: FloorName::Company,
            },
            StepKind::Floor {
                floor: FloorName::Diploma,
                coefficient: None,
                detail: FloorDetail::Diploma { diploma: None },
            },
            StepKind::Floor {
                floor: FloorName::Diploma,
                coefficient: Some(1),
                detail: FloorDetail::Diploma {
                    diploma: Some("bac+2"),
                },
            },
            StepKind::Floor {
                floor: FloorName::PreviousCoefficient,
                coefficient: Some(2),
                detail: FloorDetail::PreviousCoefficient { given: Some(2) },
            },
            StepKind::Floor {
                floor: FloorName::PreviousCoefficient,
                coefficient: None,
                detail: FloorDetail::PreviousCoefficient { given: None },
            },
            StepKind::Floor {
                floor: FloorName::Mission,
                coefficient: None,
                detail: FloorDetail::Mission { claims: usize::MAX },
            },
            StepKind::Entitlement {
                coefficient: 7,
                floor: FloorName::Mission,
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
                place: None,
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
                from: MinimumFrom::Law,
            },
            StepKind::Formula {
                what: FormulaKind::MinimumSalary,
                formula: Cow::Borrowed("a × b / \"c\""),
                result: Decimal::new(-123_456_789, 7),
            },
            StepKind::Formula {
                what: FormulaKind::LevelMinimum,
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
                at: None,
                range: None,
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
                at: Some("hire"),
                range: Some((240, 250)),
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
}
