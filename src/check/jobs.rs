//! Jobs: their bands, entry diplomas, and the names employees are recorded under.

use super::*;

impl Checker {
    /// Pass 4: every job, then the index of their names.
    pub(super) fn jobs(&mut self, rules: &mut RuleSet, items: &[Item]) {
        for item in items {
            if let Item::Job(j) = item {
                self.job(rules, j);
            }
        }
        self.job_names(rules, items);
    }

    fn job(&mut self, rules: &mut RuleSet, j: &ast::Job) {
        if let Some(first) = self.declared.jobs.get(&j.id.node) {
            let what = Duplicated::Job(j.id.node.clone());
            let first = rules.jobs[*first].origin.span;
            self.report(Kind::duplicate(what, first), j.id.span);
            return;
        }
        let Some(scale) = self.job_scale(rules, j) else {
            return;
        };
        let bands = rules.scales[scale].bands.len();
        let Some(left) = self.cells_left.checked_sub(bands) else {
            if !self.too_many_cells {
                self.report(
                    Kind::TooManyCells {
                        max: MAX_GRID_CELLS,
                    },
                    j.id.span,
                );
                self.too_many_cells = true;
            }
            return;
        };
        self.cells_left = left;
        let entry_diploma = j
            .entry_diploma
            .as_ref()
            .and_then(|e| self.entry_diploma(rules, e));
        let cells = self.job_cells(rules, j, scale);
        self.declared
            .jobs
            .insert(j.id.node.clone(), JobId::new(rules.jobs.len()));
        rules.jobs.push(Job {
            id: j.id.node.clone(),
            name: j.name.node.clone(),
            track: j.track.as_ref().map(|t| t.node.clone()),
            aliases: j.aliases.iter().map(|a| a.node.clone()).collect(),
            entry_diploma,
            scale,
            cells,
            origin: origin(j.id.span, &j.source),
        });
    }

    /// The experience scale a job names, or the first one.
    fn job_scale(&mut self, rules: &RuleSet, j: &ast::Job) -> Option<ScaleId> {
        match &j.experience {
            Some(name) => {
                let found = self.declared.scales.get(&name.node).copied();
                if found.is_none() {
                    let names = || rules.scales.iter().map(|s| s.id.as_str());
                    let count = rules.scales.len();
                    let unknown = self.unknown(Unknown::Scale, &name.node, count, names);
                    self.report(unknown, name.span);
                }
                found
            }
            None if rules.scales.is_empty() => {
                self.report(Kind::BadBands(BadBands::NoScale), j.id.span);
                None
            }
            None => Some(ScaleId::new(0)),
        }
    }

    fn entry_diploma(&mut self, rules: &RuleSet, e: &ast::EntryDiploma) -> Option<DiplomaId> {
        let high = e.highest.as_ref().map(|h| self.diploma_ref(rules, h));
        let low = self.diploma_ref(rules, &e.lowest);
        if let (Some(l), Some(Some(h))) = (low, high) {
            if rules.diplomas[h].floor < rules.diplomas[l].floor {
                self.report(Kind::EntryDiplomaOrder, e.span);
            }
        }
        low
    }

    /// A job's value in each band of its scale, blank where it gives none.
    pub(super) fn job_cells(
        &mut self,
        rules: &RuleSet,
        j: &ast::Job,
        scale: ScaleId,
    ) -> Vec<JobCell> {
        let bands = &rules.scales[scale].bands;
        let mut cells = vec![JobCell::default(); bands.len()];
        let mut written = vec![false; bands.len()];
        for c in &j.cells {
            let key = normalize(&c.band.node);
            let Some(b) = self.declared.bands[scale.index()].get(&key).copied() else {
                let what = Unknown::Band {
                    scale: Some(rules.scales[scale].id.clone()),
                };
                let names = || bands.iter().map(|b| b.id.as_str());
                let unknown = self.unknown(what, &c.band.node, bands.len(), names);
                self.report(unknown, c.band.span);
                continue;
            };
            if written[b] {
                let what = Duplicated::JobValue(bands[b].id.clone());
                self.report(Kind::duplicate(what, None), c.band.span);
                continue;
            }
            written[b] = true;
            let coefficient = self.cell(rules, &c.cell);
            cells[b] = JobCell {
                coefficient,
                written: Some(cell_text(&c.cell.node)),
                origin: origin(c.span, &c.source),
            };
        }
        cells
    }

    fn diploma_ref(&mut self, rules: &RuleSet, id: &Spanned<String>) -> Option<DiplomaId> {
        let found = self.declared.diplomas.get(&normalize(&id.node)).copied();
        if found.is_none() {
            let names = || rules.diplomas.iter().map(|d| d.id.as_str());
            let unknown = self.unknown(Unknown::Diploma, &id.node, rules.diplomas.len(), names);
            self.report(unknown, id.span);
        }
        found
    }

    /// Indexes every job name; a name borne by two jobs is ambiguous.
    fn job_names(&mut self, rules: &mut RuleSet, items: &[Item]) {
        let mut spans: HashMap<String, Vec<(JobId, Span)>> = HashMap::new();
        let declared = items.iter().filter_map(|i| match i {
            Item::Job(j) => Some(j),
            _ => None,
        });
        for j in declared {
            let Some(job) = self.declared.jobs.get(&j.id.node).copied() else {
                continue;
            };
            if rules.jobs[job].origin.span.start != j.id.span.start {
                continue; // a duplicate declaration, already reported
            }
            let names = std::iter::once(&j.id)
                .chain(std::iter::once(&j.name))
                .chain(j.aliases.iter());
            for name in names {
                let entry = spans.entry(normalize(&name.node)).or_default();
                // A job's names are indexed together: only the last entry can be this job's.
                if entry.last().is_none_or(|(k, _)| *k != job) {
                    entry.push((job, name.span));
                }
            }
        }
        let mut ambiguous: Vec<_> = spans.values().filter(|jobs| jobs.len() > 1).collect();
        ambiguous.sort_by_key(|jobs| jobs[1].1.start);
        for jobs in ambiguous {
            let (first, second) = (jobs[0], jobs[1]);
            let name = rules.sources.text(second.1).to_string();
            let kind = Kind::AmbiguousName {
                name,
                jobs: jobs
                    .iter()
                    .map(|(j, _)| rules.jobs[*j].id.clone())
                    .collect(),
                first: first.1,
                first_job: rules.jobs[first.0].id.clone(),
                names: jobs
                    .iter()
                    .map(|(j, _)| rules.jobs[*j].name.clone())
                    .collect(),
            };
            self.report(kind, second.1);
        }
        rules.job_names = spans
            .into_iter()
            .map(|(k, v)| (k, v.into_iter().map(|(j, _)| j).collect()))
            .collect();
        // Names as declared, for the common case of facts that spell them so.
        for job in JobId::all(rules.jobs.len()) {
            let def = &rules.jobs[job];
            let names = [&def.id, &def.name].into_iter().chain(def.aliases.iter());
            let unambiguous: Vec<String> = names
                .filter(|n| {
                    rules
                        .job_names
                        .get(&normalize(n))
                        .is_some_and(|jobs| jobs.len() == 1)
                })
                .cloned()
                .collect();
            for name in unambiguous {
                rules.job_names_exact.insert(name, job);
            }
        }
    }
}

/// Most job cells (jobs × the bands of their scale) a rule set may have: every
/// job has a cell per band, and the evaluator tabulates each. Real grids have a
/// few hundred; a generated file of 100,000 jobs of 20 bands fits.
pub const MAX_GRID_CELLS: usize = 2_000_000;

fn cell_text(cell: &Cell) -> String {
    match cell {
        Cell::Coefficient(c) => c.to_string(),
        Cell::Level(n) => format!("niveau {n}"),
        Cell::Category(id) => format!("catégorie {}", id.node),
        Cell::Blank => "vide".to_string(),
        Cell::Position(r) => r.written(),
    }
}
