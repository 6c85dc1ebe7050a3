//! Reading the rule files into what drawing needs: the jobs and their names,
//! the weights of diplomas, previous coefficients and hours, the mission cap.

use super::*;

/// The names of each job of the first file, preferring those every file resolves.
pub(super) fn job_pools(evaluators: &[Evaluator]) -> Vec<JobPool> {
    let first = &evaluators[0];
    let everywhere = |name: &str| evaluators[1..].iter().all(|e| e.job(name).is_ok());
    let mut pools = Vec::new();
    for (id, job) in JobId::enumerate(&first.rules().jobs) {
        let mut names: Vec<&str> = std::iter::once(job.name.as_str())
            .chain(job.aliases.iter().map(String::as_str))
            .filter(|n| first.job(n).ok() == Some(id))
            .collect();
        names.dedup();
        let shared: Vec<&str> = names.iter().copied().filter(|n| everywhere(n)).collect();
        if !shared.is_empty() {
            names = shared;
        }
        if names.is_empty() {
            continue;
        }
        pools.push(JobPool {
            job: id,
            variants: name_variants(&names, evaluators),
            names: names.into_iter().map(str::to_string).collect(),
        });
    }
    pools
}

/// Capitals without accents, lower case, no accents: kept when every file
/// resolves them as it resolves the name itself.
fn name_variants(names: &[&str], evaluators: &[Evaluator]) -> Vec<String> {
    let mut variants = Vec::new();
    for name in names {
        for variant in [
            unaccent(name).to_uppercase(),
            name.to_lowercase(),
            unaccent(name),
        ] {
            let same = evaluators
                .iter()
                .all(|e| e.job(&variant).ok() == e.job(name).ok());
            if same && variant != *name && !variants.contains(&variant) {
                variants.push(variant);
            }
        }
    }
    variants
}

fn unaccent(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            'à' | 'â' | 'ä' => 'a',
            'À' | 'Â' | 'Ä' => 'A',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'É' | 'È' | 'Ê' | 'Ë' => 'E',
            'î' | 'ï' => 'i',
            'Î' | 'Ï' => 'I',
            'ô' | 'ö' => 'o',
            'Ô' | 'Ö' => 'O',
            'ù' | 'û' | 'ü' => 'u',
            'Ù' | 'Û' | 'Ü' => 'U',
            'ç' => 'c',
            'Ç' => 'C',
            other => other,
        })
        .collect()
}

/// Keeps the jobs the first file decides for a bare employee hired on the
/// evaluation date; an error when it decides none.
pub(super) fn decidable(
    first: &Evaluator,
    pools: Vec<JobPool>,
    extras: &super::extra::Extras,
) -> Result<Vec<JobPool>, SampleError> {
    let mut reason = None;
    // The facts the rule set declares, drawn once: a rule may need them.
    let declared = extras.declared(first.as_of(), first.as_of(), &mut Rng::for_record(0, 0));
    let lowest = first.rules().diplomas.first().map(|d| d.id.clone());
    let kept: Vec<JobPool> = pools
        .into_iter()
        .filter(|pool| {
            let probe = Record {
                position: Position::Line(1),
                id: "probe".to_string(),
                job: pool.names[0].clone(),
                job_since: first.as_of(),
                prior_job_months: 0,
                diploma: lowest.clone(),
                previous_sector_coefficient: None,
                missions: Vec::new(),
                moves: Vec::new(),
                hours: None,
                salary: None,
                coefficient: None,
                history: None,
                extra: super::extra::extra(declared.clone(), None),
            };
            let result = first.decide(&probe).map(|_| ()).map_err(|r| r.reason);
            reason = reason.take().or(result.clone().err());
            result.is_ok()
        })
        .collect();
    if kept.is_empty() {
        let why = reason.unwrap_or_else(|| "it declares no job".to_string());
        return Err(SampleError(format!(
            "the first rule file decides no job on {}: {why}",
            first.as_of()
        )));
    }
    Ok(kept)
}

/// Whether every rule file recognises the job (its names were chosen so).
pub(super) fn everywhere(pool: &JobPool, evaluators: &[Evaluator]) -> bool {
    evaluators[1..]
        .iter()
        .all(|e| e.job(&pool.names[0]).is_ok())
}

/// Job weights in file order: 55 / 20 / 25 shares, the 25 split with a bonus
/// for the jobs every file recognises (`shared`).
pub(super) fn job_weights(shared: &[bool]) -> Vec<u64> {
    let other = |i: usize| if shared[i] { EVERYWHERE_WEIGHT } else { 1 };
    let total: u64 = (2..shared.len()).map(other).sum::<u64>().max(1);
    // Scaled by `total` so that each other job's share stays a whole number.
    (0..shared.len())
        .map(|i| match i {
            0 => JOB_SHARES[0] * total,
            1 => JOB_SHARES[1] * total,
            _ => JOB_SHARES[2] * other(i),
        })
        .collect()
}

pub(super) fn diploma_weights(rules: &RuleSet) -> Weighted<DiplomaId> {
    Weighted::new(DiplomaId::all(rules.diplomas.len()).map(|id| {
        let weight = DIPLOMA_WEIGHTS.get(id.index()).copied().unwrap_or(1);
        (id, weight)
    }))
}

/// The lowest coefficient of each level; lower levels are more common.
pub(super) fn previous_coefficients(rules: &RuleSet) -> Weighted<u32> {
    let n = rules.levels.len() as u64;
    Weighted::new(
        rules
            .levels
            .iter()
            .enumerate()
            .map(|(k, l)| (l.coefficients.lowest(), n - k as u64)),
    )
}

/// Part-time contracts: half and 80% of the reference hours, 24 and 30 hours a week.
pub(super) fn part_time_hours(rules: &RuleSet, as_of: NaiveDate) -> Weighted<Decimal> {
    let constant = |e: &Option<Expr>| {
        let formulas = Formulas { rules, day: as_of };
        e.as_ref()
            .and_then(|e| formulas.eval(e, &Inputs::default(), &mut NoTrace).ok())
    };
    let reference = constant(&rules.reference_hours);
    let maximum = constant(&rules.maximum_hours);
    // A month is 52 / 12 weeks, as payroll converts weekly hours.
    let weekly = |hours: i64| round_cent(Decimal::from(hours * 52) / Decimal::from(12));
    let options = [
        (reference.map(|r| r / Decimal::from(2)), 25),
        (reference.map(|r| round_cent(r * Decimal::new(8, 1))), 25),
        (Some(weekly(24)), 35),
        (Some(weekly(30)), 15),
    ];
    Weighted::new(options.into_iter().filter_map(|(hours, weight)| {
        let hours = hours?.normalize();
        let allowed = hours > Decimal::ZERO && maximum.is_none_or(|m| hours <= m);
        allowed.then_some((hours, weight))
    }))
}

/// Every coefficient the file writes: level bounds and lists, job cells, diploma floors.
pub(super) fn named_coefficients(rules: &RuleSet) -> Vec<u32> {
    let mut steps: Vec<u32> = Vec::new();
    for level in &rules.levels {
        match &level.coefficients {
            crate::model::Coefficients::Range(low, high) => steps.extend([*low, *high]),
            crate::model::Coefficients::List(list) => steps.extend(list),
        }
    }
    let cells = rules.jobs.iter().flat_map(|j| &j.cells);
    steps.extend(cells.filter_map(|c| c.coefficient));
    steps.extend(rules.diplomas.iter().filter_map(|d| d.floor));
    steps.sort_unstable();
    steps.dedup();
    steps
}

/// The mission cap in days, on the evaluation date (`None` when not in days or weeks).
pub(super) fn mission_cap_days(rules: &RuleSet, as_of: NaiveDate) -> Option<u64> {
    let at_most = match rules.mission_cap.as_ref()?.at_most {
        DurationRef::Literal(d) => d,
        DurationRef::Param(p) => match rules.params[p].at(as_of)? {
            (_, Value::Duration(d)) => d,
            _ => return None,
        },
    };
    day_count(at_most)
}

fn day_count(d: Duration) -> Option<u64> {
    match d.unit {
        TimeUnit::Days => Some(d.count.into()),
        TimeUnit::Weeks => Some(u64::from(d.count) * 7),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_lose_their_accents() {
        assert_eq!(
            unaccent("Téléconseillère").to_uppercase(),
            "TELECONSEILLERE"
        );
    }
}
