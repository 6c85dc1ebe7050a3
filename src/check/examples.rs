//! The examples written in the rule file, turned into facts records.

use super::*;

impl Checker {
    /// Pass 6: every example.
    pub(super) fn examples(&mut self, rules: &mut RuleSet, items: &[Item]) {
        for item in items {
            if let Item::Example(e) = item {
                if let Some(example) = self.example(rules, e) {
                    rules.examples.push(example);
                }
            }
        }
    }

    /// An example's facts as a facts record; names are resolved when it runs.
    fn example(&mut self, rules: &RuleSet, e: &ast::Example) -> Option<Example> {
        use crate::facts::{Mission, Move, Position, Record};
        use ast::Fact;
        let Some(as_of) = &e.as_of else {
            self.report(Kind::IncompleteExample(ExampleGap::Date), e.title.span);
            return None;
        };
        let mut record = Record {
            position: Position::Record(1),
            id: e.title.node.clone(),
            job: String::new(),
            job_since: NaiveDate::MIN,
            prior_job_months: 0,
            diploma: None,
            previous_sector_coefficient: None,
            missions: Vec::new(),
            moves: Vec::new(),
            hours: None,
            salary: None,
            coefficient: None,
            history: None,
            extra: None,
        };
        let mut declared = vec![None; rules.facts.len()];
        for fact in &e.facts {
            match &fact.node {
                Fact::Declared { name, value } => {
                    let (id, value) = self.example_fact(rules, name, value)?;
                    declared[id] = Some(value);
                }
                Fact::Job(j) => record.job = j.clone(),
                Fact::Since(d) => record.job_since = *d,
                Fact::PriorMonths(m) => record.prior_job_months = *m,
                Fact::Diploma(d) => record.diploma = Some(d.clone()),
                Fact::PreviousCoefficient(c) => record.previous_sector_coefficient = Some(*c),
                Fact::Hours(h) => record.hours = Some(*h),
                Fact::Salary(s) => record.salary = Some(*s),
                Fact::AppliedCoefficient(c) => record.coefficient = Some(*c),
                Fact::Mission { job, start, end } => record.missions.push(Mission {
                    job: job.clone(),
                    start: *start,
                    end: *end,
                }),
                Fact::Move {
                    from,
                    to,
                    on,
                    renewed,
                    broken_on,
                } => record.moves.push(Move {
                    from: from.clone(),
                    to: to.clone(),
                    on: *on,
                    trial_renewed: *renewed,
                    trial_broken_on: *broken_on,
                }),
                Fact::Position(p) => {
                    record.extra_mut().placed = crate::facts::Placed::given(Some(p.clone()), None);
                }
                Fact::Criteria(given) => {
                    record.extra_mut().criteria = Some(given.clone().into_boxed_slice())
                }
                Fact::Hire {
                    on,
                    renewed,
                    broken_on,
                } => {
                    let history = record.history.get_or_insert_with(Default::default);
                    history.hired_on = Some(*on);
                    history.hire_trial_renewed = *renewed;
                    history.hire_trial_broken_on = *broken_on;
                }
            }
        }
        if declared.iter().any(Option::is_some) {
            record.extra_mut().declared = Some(crate::facts::DeclaredValues {
                fields: rules.declared_fields(),
                values: declared.into(),
            });
        }
        // `position "I.1", depuis DATE`: the position is held since that day.
        if let Some(placed) = record.extra.as_mut().and_then(|e| e.placed.as_mut()) {
            placed.since = Some(record.job_since).filter(|d| *d != NaiveDate::MIN);
        }
        // A rule set classifying by position needs no job: the position suffices.
        let no_job = record.job.is_empty() && record.placed().is_none();
        if no_job || record.job_since == NaiveDate::MIN {
            self.report(
                Kind::IncompleteExample(ExampleGap::JobOrStart),
                e.title.span,
            );
            return None;
        }
        if e.expectations.is_empty() {
            self.report(
                Kind::IncompleteExample(ExampleGap::Expectation),
                e.title.span,
            );
            return None;
        }
        Some(Example {
            title: e.title.node.clone(),
            as_of: as_of.node,
            record,
            expectations: e
                .expectations
                .iter()
                .map(|x| (x.node.clone(), x.span))
                .collect(),
            origin: origin(e.title.span, &e.source),
        })
    }
}
