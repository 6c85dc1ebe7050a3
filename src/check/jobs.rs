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

    pub(super) fn job(&mut self, rules: &mut RuleSet, j: &ast::Job) {
        if let Some(first) = rules.jobs.iter().find(|k| k.id == j.id.node) {
            let earlier = first.origin.span;
            self.error(
                Diagnostic::error(
                    "grille::duplicate",
                    j.id.span,
                    format!("the job `{}` is declared twice", j.id.node),
                )
                .label("second declaration")
                .related(earlier, "first declaration")
                .help("give each job its own id"),
            );
            return;
        }
        let scale = match &j.experience {
            Some(name) => match rules.scales.iter().position(|s| s.id == name.node) {
                Some(s) => s,
                None => {
                    let help = did_you_mean(
                        &name.node,
                        rules.scales.iter().map(|s| s.id.as_str()),
                        "experience scale",
                    );
                    self.error(
                        Diagnostic::error(
                            "grille::unknown-name",
                            name.span,
                            format!("there is no experience scale `{}`", name.node),
                        )
                        .label("unknown scale")
                        .help(help),
                    );
                    return;
                }
            },
            None if rules.scales.is_empty() => {
                self.error(
                    Diagnostic::error(
                        "grille::bad-bands",
                        j.id.span,
                        "no experience scale is declared",
                    )
                    .label("this job needs bands")
                    .help("declare one: `ancienneté standard` followed by its `tranche` lines"),
                );
                return;
            }
            None => 0,
        };
        let entry_diploma = j.entry_diploma.as_ref().and_then(|e| {
            let high = e.highest.as_ref().map(|h| self.diploma_ref(rules, h));
            let low = self.diploma_ref(rules, &e.lowest);
            if let (Some(l), Some(Some(h))) = (low, high) {
                if rules.diplomas[h].floor < rules.diplomas[l].floor {
                    self.error(
                        Diagnostic::warning(
                            "grille::entry-diploma-order",
                            e.span,
                            "the entry diploma range is written highest first",
                        )
                        .label("read as lowest to highest")
                        .help("write the lower diploma first"),
                    );
                }
            }
            low
        });
        let bands = &rules.scales[scale].bands;
        let mut cells = vec![JobCell::default(); bands.len()];
        let mut written = vec![false; bands.len()];
        for c in &j.cells {
            let Some(b) = bands
                .iter()
                .position(|b| normalize(&b.id) == normalize(&c.band.node))
            else {
                let help = did_you_mean(&c.band.node, bands.iter().map(|b| b.id.as_str()), "band");
                self.error(
                    Diagnostic::error(
                        "grille::unknown-name",
                        c.band.span,
                        format!(
                            "there is no band `{}` in the scale `{}`",
                            c.band.node, rules.scales[scale].id
                        ),
                    )
                    .label("unknown band")
                    .help(help),
                );
                continue;
            };
            if written[b] {
                self.error(
                    Diagnostic::error(
                        "grille::duplicate",
                        c.band.span,
                        format!("the band `{}` has two values for this job", bands[b].id),
                    )
                    .label("second value")
                    .help("keep one value per band"),
                );
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

    pub(super) fn diploma_ref(
        &mut self,
        rules: &RuleSet,
        id: &Spanned<String>,
    ) -> Option<DiplomaId> {
        let found = rules.diploma_index(&id.node);
        if found.is_none() {
            let help = did_you_mean(
                &id.node,
                rules.diplomas.iter().map(|d| d.id.as_str()),
                "diploma",
            );
            self.error(
                Diagnostic::error(
                    "grille::unknown-name",
                    id.span,
                    format!("there is no diploma `{}`", id.node),
                )
                .label("unknown diploma")
                .help(help),
            );
        }
        found
    }

    /// Indexes every job name; a name borne by two jobs is ambiguous.
    pub(super) fn job_names(&mut self, rules: &mut RuleSet, items: &[Item]) {
        let mut spans: HashMap<String, Vec<(JobId, Span)>> = HashMap::new();
        let declared = items.iter().filter_map(|i| match i {
            Item::Job(j) => Some(j),
            _ => None,
        });
        for j in declared {
            let Some(job) = rules.jobs.iter().position(|k| k.id == j.id.node) else {
                continue;
            };
            if rules.jobs[job].origin.span.start != j.id.span.start {
                continue; // a duplicate declaration, already reported
            }
            let names = std::iter::once(&j.id)
                .chain(std::iter::once(&j.name))
                .chain(j.aliases.iter());
            for name in names {
                let key = normalize(&name.node);
                let entry = spans.entry(key).or_default();
                if !entry.iter().any(|(k, _)| *k == job) {
                    entry.push((job, name.span));
                }
            }
        }
        let mut ambiguous: Vec<_> = spans.iter().filter(|(_, jobs)| jobs.len() > 1).collect();
        ambiguous.sort_by_key(|(_, jobs)| jobs[1].1.start);
        for (_, jobs) in ambiguous {
            let names: Vec<String> = jobs
                .iter()
                .map(|(j, _)| format!("`{}`", rules.jobs[*j].id))
                .collect();
            let text = &rules.file.text[jobs[1].1.start..jobs[1].1.end];
            let mut d = Diagnostic::warning(
                "grille::ambiguous-name",
                jobs[1].1,
                format!("the name {text} is given to several jobs: {}", names.join(" and ")),
            )
            .label("also names another job")
            .help("employees recorded under this name cannot be classified; rename one of them or remove the alias");
            d = d.related(
                jobs[0].1,
                format!("given to `{}` here", rules.jobs[jobs[0].0].id),
            );
            self.error(d);
        }
        rules.job_names = spans
            .into_iter()
            .map(|(k, v)| (k, v.into_iter().map(|(j, _)| j).collect()))
            .collect();
        // Names as declared, for the common case of facts that spell them so.
        for job in 0..rules.jobs.len() {
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

pub(super) fn cell_text(cell: &Cell) -> String {
    match cell {
        Cell::Coefficient(c) => c.to_string(),
        Cell::Level(n) => format!("niveau {n}"),
        Cell::Category(id) => format!("catégorie {}", id.node),
        Cell::Blank => "vide".to_string(),
    }
}
