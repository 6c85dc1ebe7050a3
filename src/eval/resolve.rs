//! Names given in the facts (a job, a diploma), resolved the way the rule set
//! says, and why a name resolves to nothing.

use std::sync::PoisonError;

use super::{Evaluator, UnknownJobs};
use crate::facts::Reason;
use crate::model::*;
use crate::names::{closest, normalize, with_normalized, NameIndex};

/// Unknown job names remembered at most (memory stays bounded on any input).
const UNKNOWN_JOBS_KEPT: usize = 10_000;

impl<'r> Evaluator<'r> {
    /// Resolves a job name given in the facts.
    pub fn job(&self, given: &str) -> Result<JobId, String> {
        self.job_or_reason(given).map_err(|reason| reason.said().en)
    }

    /// [`Evaluator::job`], why not as data (a [`Reason`], said in both languages).
    pub fn job_or_reason(&self, given: &str) -> Result<JobId, Reason> {
        if let Some(job) = self.jobs.get(given) {
            return Ok(job);
        }
        // A record that gives its position may give no job: required here,
        // unless the rules classify by position (their unnamed job is found above).
        if given.is_empty() {
            return Err(Reason::Required);
        }
        // Not found, or ambiguous: say which.
        let rules = self.rules;
        let found = with_normalized(given, |name| rules.job_names.get(name));
        match found.map(Vec::as_slice) {
            Some([job]) => Ok(*job),
            Some(several) if !several.is_empty() => {
                let jobs = several.iter().map(|j| rules.jobs[*j].id.clone()).collect();
                Err(Reason::AmbiguousJob {
                    given: given.to_string(),
                    jobs,
                })
            }
            _ => Err(self.unknown_job(given)),
        }
    }

    /// Why no job has this name, with the closest names. The search costs a
    /// hundred decisions and a workforce repeats its titles (in moves and
    /// missions too), so the answer is remembered by name.
    fn unknown_job(&self, given: &str) -> Reason {
        let remembered = |names: &UnknownJobs| names.get(given).cloned();
        if let Some(reason) = remembered(
            &self
                .unknown_jobs
                .lock()
                .unwrap_or_else(PoisonError::into_inner),
        ) {
            return reason;
        }
        let rules = self.rules;
        let names = rules.jobs.iter().flat_map(|j| {
            std::iter::once(j.name.as_str()).chain(j.aliases.iter().map(String::as_str))
        });
        let close = closest(given, names);
        let reason = Reason::UnknownJob {
            given: given.to_string(),
            close: close.into_iter().map(str::to_string).collect(),
        };
        // A poisoned lock only lost a remembered name: the map is still sound.
        let mut names = self
            .unknown_jobs
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        if names.len() < UNKNOWN_JOBS_KEPT {
            names.insert(given.to_string(), reason.clone());
        }
        reason
    }

    /// The diploma named `given`, as [`RuleSet::diploma_index`] finds it.
    pub(super) fn diploma_index(&self, given: &str) -> Option<DiplomaId> {
        self.diplomas.get(given)
    }
}

/// Names given in the facts, resolved the way the rule set says: exactly,
/// else in normalised form ([`crate::names::normalize`]). Every employee names
/// a job and a diploma, so both lookups avoid a general hash map.
pub(super) struct Names<Id> {
    /// The declared names, then the spellings payroll exports commonly give
    /// them ([`crate::names::spellings`]), each with the id the full lookup
    /// gives it: the common case is one exact lookup.
    exact: NameIndex<Id>,
    /// Only the normalised names that designate one id: an ambiguous one takes
    /// the slow path, which explains the ambiguity.
    normalized: NameIndex<Id>,
}

impl<Id: Copy> Names<Id> {
    /// `declared`: each name and its id, the first id of a name winning;
    /// `normalized`: each normalised name and the ids it designates.
    fn new<'n>(
        declared: impl Iterator<Item = (&'n str, Id)> + Clone,
        normalized: impl Iterator<Item = (&'n str, &'n [Id])>,
    ) -> Self
    where
        Id: 'n,
    {
        let mut names = Names {
            exact: NameIndex::new(declared.clone()),
            normalized: NameIndex::new(normalized.filter_map(|(name, ids)| match ids {
                [id] => Some((name, *id)),
                _ => None,
            })),
        };
        let spelled: Vec<(String, Id)> = declared
            .flat_map(|(name, _)| crate::names::spellings(name))
            .filter_map(|spelling| names.get(&spelling).map(|id| (spelling, id)))
            .collect();
        names.exact.extend(spelled);
        names
    }

    #[inline]
    pub(super) fn get(&self, given: &str) -> Option<Id> {
        if let Some(exact) = self.exact.get(given) {
            return Some(*exact);
        }
        with_normalized(given, |name| self.normalized.get(name).copied())
    }
}

impl Names<DiplomaId> {
    /// The first diploma wins a name, as in [`RuleSet::diploma_index`].
    pub(super) fn diplomas(rules: &RuleSet) -> Self {
        // Only the names that designate one diploma: the others take the slow
        // path, which says which diplomas they name.
        let one: Vec<(&str, DiplomaId)> = rules
            .diploma_names()
            .filter(|(name, i)| rules.diplomas_named(name) == [*i])
            .collect();
        let normalized: Vec<(String, [DiplomaId; 1])> = one
            .iter()
            .map(|(name, i)| (normalize(name), [*i]))
            .collect();
        let normalized = normalized.iter().map(|(name, id)| (name.as_str(), &id[..]));
        Names::new(one.iter().copied(), normalized)
    }
}

impl Names<JobId> {
    pub(super) fn jobs(rules: &RuleSet) -> Self {
        let declared = rules
            .job_names_exact
            .iter()
            .map(|(name, job)| (name.as_str(), *job));
        let normalized = rules
            .job_names
            .iter()
            .map(|(name, jobs)| (name.as_str(), jobs.as_slice()));
        Names::new(declared, normalized)
    }
}
