//! Warnings over the whole set: what looks wrong although it can be applied.

use super::*;

/// The longest quote the checker lets pass without a warning, in characters:
/// two lines of a printed page, a phrase and not a passage.
const MAX_QUOTE_CHARS: usize = 160;

impl Checker {
    /// Pass 7b: warnings over the whole set.
    pub(super) fn lints(&mut self, rules: &RuleSet, layered: &Layered) {
        self.job_warnings(rules);
        self.values_from_the_start(rules);
        self.unused_parameters(rules, layered);
        self.long_quotes(rules, layered);
    }

    /// Quotes are short phrases (the project's rule on quoting the texts): a
    /// longer one is a warning at the quote, in the named file.
    fn long_quotes(&mut self, rules: &RuleSet, layered: &Layered) {
        let quotes = crate::syntax::cites::cites(&layered.items);
        let quotes = quotes.iter().filter_map(|c| c.quote.as_ref());
        for quote in quotes {
            let chars = quote.text().chars().count();
            if chars > MAX_QUOTE_CHARS && rules.sources.index_of(quote.span.start) == 0 {
                let kind = Kind::LongQuote {
                    chars,
                    max: MAX_QUOTE_CHARS,
                };
                self.report(kind, quote.span);
            }
        }
    }

    fn unused_parameters(&mut self, rules: &RuleSet, layered: &Layered) {
        // The named file's own: an amended file and the law are checked on
        // their own, and a law file's values serve whatever agreement stands
        // under it.
        let law_file = layered.kind == ast::AgreementKind::Law;
        for (id, span) in self.param_name_spans.clone().into_iter().enumerate() {
            let own = rules.sources.index_of(span.start) == 0;
            if own && !law_file && !self.used_params.contains(&ParamId::new(id)) {
                let name = rules.params[id].name.clone();
                self.report(Kind::UnusedParameter { name }, span);
            }
        }
    }

    /// A parameter or table read by the rules but with no value on the agreement's date.
    fn values_from_the_start(&mut self, rules: &RuleSet) {
        let Some(start) = rules.agreement.date else {
            return;
        };
        let params = rules
            .params
            .iter()
            .enumerate()
            .filter(|(i, _)| self.used_params.contains(&ParamId::new(*i)));
        let params = params.map(|(_, p)| (&p.name, p.values.first().map(|v| v.0), p.origin.span));
        let tables = rules
            .tables
            .iter()
            .enumerate()
            .filter(|(i, _)| self.used_tables.contains(&TableId::new(*i)));
        let tables = tables.map(|(_, t)| (&t.name, t.versions.first().map(|v| v.0), t.origin.span));
        let late: Vec<_> = params
            .chain(tables)
            .filter(|(_, first, _)| first.is_some_and(|f| f > start))
            // Another file's values (the law's, an amended file's) are checked with that file.
            .filter(|(_, _, span)| rules.sources.index_of(span.start) == 0)
            .collect();
        for (name, first, span) in late {
            let kind = Kind::ParameterBeforeFirstDate {
                name: name.clone(),
                first: first.unwrap_or(start),
                agreement: start,
            };
            self.report(kind, span);
        }
    }

    /// What looks wrong in the jobs' grids although it can be applied.
    fn job_warnings(&mut self, rules: &RuleSet) {
        let diploma_floor = rules.has_floor(FloorKind::Diploma);
        for job in &rules.jobs {
            self.blanks(rules, job);
            self.decreasing(rules, job);
            if diploma_floor {
                self.entry_diploma_above_job(rules, job);
            }
        }
    }

    fn blanks(&mut self, rules: &RuleSet, job: &Job) {
        // The unnamed job of a rule set classifying by position has no cell by design.
        if job.id.is_empty() {
            return;
        }
        let bands = &rules.scales[job.scale].bands;
        let blank: Vec<String> = bands
            .iter()
            .zip(&job.cells)
            .filter(|(_, c)| c.coefficient.is_none())
            .map(|(b, _)| b.id.clone())
            .collect();
        let name = job.name.clone();
        let kind = if !job.has_any_value() {
            let job = job.id.clone();
            Kind::JobWithoutClassification { job, name }
        } else if !blank.is_empty() {
            let (job, bands) = (job.id.clone(), bands.len());
            Kind::BlankCells {
                job,
                blank,
                bands,
                name,
            }
        } else {
            return;
        };
        self.report(kind, job.origin.span);
    }

    fn decreasing(&mut self, rules: &RuleSet, job: &Job) {
        let bands = &rules.scales[job.scale].bands;
        let mut previous: Option<(u32, &str)> = None;
        for (band, cell) in bands.iter().zip(&job.cells) {
            let Some(c) = cell.coefficient else { continue };
            if let Some((p, pb)) = previous.filter(|(p, _)| c < *p) {
                let kind = Kind::DecreasingBand {
                    job: job.id.clone(),
                    before: p,
                    before_band: pb.to_string(),
                    value: c,
                    band: band.id.clone(),
                    name: job.name.clone(),
                };
                self.report(kind, cell.origin.span);
            }
            previous = Some((c, &band.id));
        }
    }

    fn entry_diploma_above_job(&mut self, rules: &RuleSet, job: &Job) {
        let Some(d) = job.entry_diploma else {
            return;
        };
        let (Some(floor), Some(beginner)) = (
            rules.diplomas[d].floor,
            job.cells.first().and_then(|c| c.coefficient),
        ) else {
            return;
        };
        if floor > beginner {
            let kind = Kind::EntryDiplomaAboveJob {
                job: job.id.clone(),
                diploma: rules.diplomas[d].id.clone(),
                floor,
                beginner,
                name: job.name.clone(),
            };
            self.report(kind, job.origin.span);
        }
    }
}
