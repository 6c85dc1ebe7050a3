//! The aggregates of a workforce comparison, kept as running sums: counts,
//! exact sums of coefficients and minimum salaries, shortfalls. Only the largest
//! changes and the first one-sided records are kept whole, in bounded lists.

use std::cmp::Reverse;
use std::collections::{BTreeMap, BinaryHeap};

use rust_decimal::{Decimal, RoundingStrategy};

use super::impact::{rank_amount, Kind, Row, ScenarioTotals, Side};

/// How many records of each kind of change.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Counts(BTreeMap<Kind, usize>);

impl Counts {
    pub fn get(&self, kind: Kind) -> usize {
        self.0.get(&kind).copied().unwrap_or(0)
    }

    pub fn total(&self) -> usize {
        self.0.values().sum()
    }

    pub(super) fn add(&mut self, kind: Kind) {
        *self.0.entry(kind).or_default() += 1;
    }
}

/// A mean kept as its sum and count, exact until shown.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Mean {
    pub count: usize,
    pub sum: Decimal,
}

impl Mean {
    fn add(&mut self, value: u32) {
        self.count += 1;
        self.sum += Decimal::from(value);
    }

    /// The mean to one decimal, half away from zero (`190.0`).
    pub fn shown(&self) -> Option<Decimal> {
        (self.count > 0).then(|| {
            let mut mean = (self.sum / Decimal::from(self.count))
                .round_dp_with_strategy(1, RoundingStrategy::MidpointAwayFromZero);
            mean.rescale(1);
            mean
        })
    }
}

/// Monthly minimum salaries of the employees decided by both sides.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Mass {
    pub employees: usize,
    pub before: Decimal,
    pub after: Decimal,
}

impl Mass {
    pub fn difference(&self) -> Decimal {
        self.after - self.before
    }
}

/// Employees paid below a minimum, and the monthly cost of bringing them up to it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Shortfall {
    pub employees: usize,
    pub monthly: Decimal,
}

impl Shortfall {
    pub(super) fn add(&mut self, side: Option<&Side>, salary: Option<Decimal>) {
        let minimum = side.and_then(|s| s.minimum_salary);
        if let (Some(min), Some(paid)) = (minimum, salary) {
            if paid < min {
                self.employees += 1;
                self.monthly += min - paid;
            }
        }
    }
}

/// The aggregates of one job or one band.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Group<'r> {
    /// The name people read (job name, band label).
    pub name: &'r str,
    pub headcount: usize,
    pub changes: Counts,
    pub coefficient_before: Mean,
    pub coefficient_after: Mean,
    pub mass: Mass,
    pub below_new_minimum: Shortfall,
}

impl<'r> Group<'r> {
    fn add(&mut self, row: &Row, name: Option<&'r str>) {
        if let Some(name) = name {
            self.name = name;
        }
        self.headcount += 1;
        self.changes.add(row.change);
        if let Some(b) = &row.before {
            self.coefficient_before.add(b.coefficient);
        }
        if let Some(a) = &row.after {
            self.coefficient_after.add(a.coefficient);
        }
        add_mass(&mut self.mass, row);
        self.below_new_minimum.add(row.after.as_ref(), row.salary);
    }
}

fn add_mass(mass: &mut Mass, row: &Row) {
    let minimum = |s: &Option<Side>| s.as_ref().and_then(|s| s.minimum_salary);
    if let (Some(before), Some(after)) = (minimum(&row.before), minimum(&row.after)) {
        mass.employees += 1;
        mass.before += before;
        mass.after += after;
    }
}

/// A row ranked by the size of its change: the monthly minimum in euros, then
/// the coefficient, then input order (earlier first).
#[derive(Debug)]
struct Ranked<'r> {
    key: (Decimal, u64, Reverse<usize>),
    row: Row<'r>,
}

impl PartialEq for Ranked<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.key == other.key
    }
}
impl Eq for Ranked<'_> {}
impl PartialOrd for Ranked<'_> {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Ranked<'_> {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.key.cmp(&other.key)
    }
}

/// Everything a workforce comparison adds up.
#[derive(Debug)]
pub struct Impact<'r> {
    pub records: usize,
    pub changes: Counts,
    /// Employees decided by both sides (with a minimum salary on both).
    pub mass: Mass,
    /// Monthly minimum salaries of the employees decided by one side only.
    pub only_base_mass: Decimal,
    pub only_proposal_mass: Decimal,
    /// Employees decided by the proposal whose facts give a salary.
    pub with_salary: usize,
    pub below_old_minimum: Shortfall,
    pub below_new_minimum: Shortfall,
    /// By job (the proposal's, else the base's; `None`: rejected by both).
    pub by_job: BTreeMap<Option<&'r str>, Group<'r>>,
    /// By band (the proposal's, else the base's).
    pub by_band: BTreeMap<Option<&'r str>, Group<'r>>,
    /// Coefficient → employees before and after.
    pub distribution: BTreeMap<u32, [usize; 2]>,
    /// The same, of the employees with both a before and an after only: the
    /// populations compared are equal.
    pub distribution_both: BTreeMap<u32, [usize; 2]>,
    /// The positions the ranks of a grid without coefficients stand for:
    /// what the distribution shows instead of the numbers.
    pub ranks: BTreeMap<u32, &'r str>,
    /// The first records decided by one side only or rejected, up to `top`.
    pub one_sided: Vec<Row<'r>>,
    /// Every employee who loses something (coefficient, level, status,
    /// minimum), in input order: each is named in the reports.
    pub losers: Vec<Row<'r>>,
    /// Records whose "before" is the facts' coefficient (`--base-from-facts`).
    pub before_from_facts: usize,
    /// The scenarios' aggregates, in the order given.
    pub scenarios: Vec<ScenarioTotals<'r>>,
    top: usize,
    largest: BinaryHeap<Reverse<Ranked<'r>>>,
}

impl<'r> Impact<'r> {
    pub fn new(top: usize) -> Self {
        Impact {
            records: 0,
            changes: Counts::default(),
            mass: Mass::default(),
            only_base_mass: Decimal::ZERO,
            only_proposal_mass: Decimal::ZERO,
            with_salary: 0,
            below_old_minimum: Shortfall::default(),
            below_new_minimum: Shortfall::default(),
            by_job: BTreeMap::new(),
            by_band: BTreeMap::new(),
            distribution: BTreeMap::new(),
            distribution_both: BTreeMap::new(),
            ranks: BTreeMap::new(),
            one_sided: Vec::new(),
            losers: Vec::new(),
            before_from_facts: 0,
            scenarios: Vec::new(),
            top,
            largest: BinaryHeap::new(),
        }
    }

    /// A key of the distribution as people read it: the position of a rank,
    /// else the coefficient.
    pub fn key_words(&self, key: u32) -> String {
        match self.ranks.get(&key) {
            Some(label) => label.to_string(),
            None => key.to_string(),
        }
    }

    /// Whether every key of the distribution is a rank (`I.1`, not a coefficient).
    pub fn by_position(&self) -> bool {
        !self.distribution_both.is_empty()
            && self
                .distribution_both
                .keys()
                .all(|k| self.ranks.contains_key(k))
    }

    /// Adds a row up; a copy is kept only if it is among the rows shown.
    pub fn add(&mut self, row: &Row<'r>) {
        self.records += 1;
        self.changes.add(row.change);
        add_mass(&mut self.mass, row);
        let minimum = |s: &Option<Side>| s.as_ref().and_then(|s| s.minimum_salary);
        match row.change {
            Kind::OnlyBase => self.only_base_mass += minimum(&row.before).unwrap_or_default(),
            Kind::OnlyProposal if !row.before_from_facts => {
                self.only_proposal_mass += minimum(&row.after).unwrap_or_default()
            }
            _ => {}
        }
        if row.after.is_some() && row.salary.is_some() {
            self.with_salary += 1;
        }
        self.below_old_minimum.add(row.before.as_ref(), row.salary);
        self.below_new_minimum.add(row.after.as_ref(), row.salary);
        let side = row.after.as_ref().or(row.before.as_ref());
        let job_name = side.map(|s| s.job_name);
        self.by_job.entry(row.job).or_default().add(row, job_name);
        let (band, band_name) = (side.map(|s| s.band), side.map(|s| s.band_name));
        self.by_band.entry(band).or_default().add(row, band_name);
        for (i, side) in [&row.before, &row.after].into_iter().enumerate() {
            if let Some(s) = side {
                if let Some(label) = s.position {
                    self.ranks.insert(s.coefficient, label);
                }
                self.distribution.entry(s.coefficient).or_default()[i] += 1;
                if row.before.is_some() && row.after.is_some() {
                    self.distribution_both.entry(s.coefficient).or_default()[i] += 1;
                }
            }
        }
        if row.before_from_facts {
            self.before_from_facts += 1;
        }
        if row.lost() {
            self.losers.push(row.clone());
        }
        self.keep(row);
    }

    /// Keeps the row if it is among the largest changes or the first one-sided ones.
    fn keep(&mut self, row: &Row<'r>) {
        if !row.change.decided_both() && !row.before_from_facts {
            if self.one_sided.len() < self.top {
                self.one_sided.push(row.clone());
            }
            return;
        }
        if row.change == Kind::Same || self.top == 0 || row.coefficient_change.is_none() {
            return;
        }
        let coefficient = row.coefficient_change.unwrap_or(0).unsigned_abs();
        let key = (rank_amount(row), coefficient, Reverse(self.records));
        // Most rows are not among the largest: they are dropped without a heap move.
        let full = self.largest.len() >= self.top;
        if full && self.largest.peek().is_some_and(|least| least.0.key >= key) {
            return;
        }
        let row = row.clone();
        self.largest.push(Reverse(Ranked { key, row }));
        if self.largest.len() > self.top {
            self.largest.pop();
        }
    }

    /// The smallest change kept among the largest (euros, coefficient points),
    /// once `top` are kept: a later row must rank above it to be among them
    /// (a tie keeps the earlier row).
    pub fn least_kept(&self) -> Option<(Decimal, u64)> {
        let full = self.top > 0 && self.largest.len() >= self.top;
        full.then(|| {
            self.largest
                .peek()
                .map(|least| (least.0.key.0, least.0.key.1))
        })
        .flatten()
    }

    /// The largest changes, largest first.
    pub fn largest(&self) -> Vec<&Row<'r>> {
        let mut ranked: Vec<&Ranked> = self.largest.iter().map(|r| &r.0).collect();
        ranked.sort_by(|a, b| b.cmp(a));
        ranked.into_iter().map(|r| &r.row).collect()
    }

    /// Records decided by both sides.
    pub fn decided_both(&self) -> usize {
        [Kind::Up, Kind::Down, Kind::Same]
            .into_iter()
            .map(|k| self.changes.get(k))
            .sum()
    }
}
