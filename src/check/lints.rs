//! Warnings over the whole set: what looks wrong although it can be applied.

use super::*;

impl Checker {
    /// Pass 7b: warnings over the whole set.
    pub(super) fn lints(&mut self, rules: &RuleSet) {
        self.job_warnings(rules);
        self.values_from_the_start(rules);
        self.unused_parameters(rules);
    }

    fn unused_parameters(&mut self, rules: &RuleSet) {
        for (id, span) in self.param_name_spans.clone().into_iter().enumerate() {
            if !self.used_params.contains(&id) {
                let name = &rules.params[id].name;
                self.error(
                    Diagnostic::warning(
                        "grille::unused-parameter",
                        span,
                        format!("the parameter `{name}` is never used"),
                    )
                    .label("declared here, used nowhere")
                    .help("use it in a formula or a rule, or remove it"),
                );
            }
        }
    }

    /// A parameter or table read by the rules but with no value on the agreement's date.
    pub(super) fn values_from_the_start(&mut self, rules: &RuleSet) {
        let Some(start) = rules.agreement.date else {
            return;
        };
        let params = rules
            .params
            .iter()
            .enumerate()
            .filter(|(i, _)| self.used_params.contains(i));
        let params = params.map(|(_, p)| (&p.name, p.values.first().map(|v| v.0), p.origin.span));
        let tables = rules
            .tables
            .iter()
            .enumerate()
            .filter(|(i, _)| self.used_tables.contains(i));
        let tables = tables.map(|(_, t)| (&t.name, t.versions.first().map(|v| v.0), t.origin.span));
        let late: Vec<_> = params
            .chain(tables)
            .filter(|(_, first, _)| first.is_some_and(|f| f > start))
            .collect();
        for (name, first, span) in late {
            let first = first.unwrap_or(start);
            self.error(
                Diagnostic::warning(
                    "grille::parameter-before-first-date",
                    span,
                    format!("`{name}` has no value before {first}, but the agreement is dated {start}"),
                )
                .label(format!("first value from {first}"))
                .help("employees evaluated before that date are rejected; add the earlier value or date the agreement later"),
            );
        }
    }

    /// What looks wrong in the jobs' grids although it can be applied.
    pub(super) fn job_warnings(&mut self, rules: &RuleSet) {
        let diploma_floor = rules.has_floor(FloorKind::Diploma);
        for job in &rules.jobs {
            let bands = &rules.scales[job.scale].bands;
            let blanks = job.cells.iter().filter(|c| c.coefficient.is_none()).count();
            if !job.has_any_value() {
                self.error(
                    Diagnostic::warning("grille::job-without-classification", job.origin.span, format!("the job `{}` has no classification", job.id))
                        .label("every band is blank")
                        .help("employees in this job get only the other floors (diploma, previous coefficient…)"),
                );
            } else if blanks > 0 {
                let names: Vec<&str> = bands
                    .iter()
                    .zip(&job.cells)
                    .filter(|(_, c)| c.coefficient.is_none())
                    .map(|(b, _)| b.id.as_str())
                    .collect();
                self.error(
                    Diagnostic::warning(
                        "grille::blank-cells",
                        job.origin.span,
                        format!(
                            "{blanks} of {} bands of `{}` are blank: {}",
                            bands.len(),
                            job.id,
                            names.join(", ")
                        ),
                    )
                    .label("incomplete grid")
                    .help("a blank band takes the value the classification says (`case vide`)"),
                );
            }
            let mut previous: Option<(u32, &str)> = None;
            for (band, cell) in bands.iter().zip(&job.cells) {
                let Some(c) = cell.coefficient else { continue };
                if let Some((p, pb)) = previous {
                    if c < p {
                        self.error(
                            Diagnostic::warning(
                                "grille::decreasing-band",
                                cell.origin.span,
                                format!(
                                    "`{}` goes down with experience: {p} in `{pb}`, {c} in `{}`",
                                    job.id, band.id
                                ),
                            )
                            .label("lower than the band before")
                            .help("automatic advancement should never lower a coefficient"),
                        );
                    }
                }
                previous = Some((c, &band.id));
            }
            let (Some(d), true) = (job.entry_diploma, diploma_floor) else {
                continue;
            };
            let (Some(floor), Some(first)) = (
                rules.diplomas[d].floor,
                job.cells.first().and_then(|c| c.coefficient),
            ) else {
                continue;
            };
            if floor > first {
                self.error(
                    Diagnostic::warning(
                        "grille::entry-diploma-above-job",
                        job.origin.span,
                        format!("the entry diploma of `{}` (`{}`) has a floor of {floor}, above its beginner coefficient {first}", job.id, rules.diplomas[d].id),
                    )
                    .label("pays less than its own entry diploma")
                    .help("a beginner holding the expected diploma gets the diploma floor, not the job's value"),
                );
            }
        }
    }
}
