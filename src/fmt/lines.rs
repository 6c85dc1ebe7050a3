//! Declarations to lines of code: headers at column 0, attributes at 2, what
//! belongs to an attribute (a level's `source`, a table's rows) at 4.
//!
//! Attributes keep their source order: the order carries the author's grouping,
//! and printing a nested attribute right after its owner is what makes the
//! output parse back to the same tree.

use super::words::{quote, Printer};
use super::Lang;
use crate::span::{Span, Spanned};
use crate::syntax::ast::*;
use crate::syntax::keywords::{self, Keyword};

/// Alias lists are wrapped past this many columns.
const MAX_WIDTH: usize = 100;

/// One line of code, with the source bytes it prints.
#[derive(Debug, Clone)]
pub(super) struct Line {
    pub indent: usize,
    pub text: String,
    pub start: usize,
    pub end: usize,
    /// Indentation of what nests under this line: a comment trailing a block snaps to it.
    pub inner: usize,
    /// Continues the line before (an alias list): no blank line in between.
    pub continued: bool,
}

impl Line {
    /// A line that nothing nests under.
    pub(super) fn leaf(indent: usize, text: String, start: usize, end: usize) -> Line {
        Line {
            indent,
            text,
            start,
            end,
            inner: indent,
            continued: false,
        }
    }

    /// A line that may own lines indented under it.
    pub(super) fn owner(indent: usize, text: String, start: usize, end: usize) -> Line {
        Line {
            inner: indent + 2,
            ..Line::leaf(indent, text, start, end)
        }
    }
}

/// An alias list: rows of aliases, as the source lines split them.
type Rows<'s> = Vec<Vec<&'s Spanned<String>>>;

/// What separates two aliases in the source.
enum Separator {
    SameRow,
    NextRow,
    /// Another `appellations` keyword.
    NewList,
}

/// A line and what nests under it, sorted by source position when finished.
pub(super) struct Node {
    head: Line,
    children: Vec<Vec<Line>>,
}

impl Node {
    pub(super) fn new(head: Line) -> Node {
        Node {
            head,
            children: Vec::new(),
        }
    }

    pub(super) fn add(&mut self, lines: Vec<Line>) {
        if !lines.is_empty() {
            self.children.push(lines);
        }
    }

    pub(super) fn add_line(&mut self, line: Option<Line>) {
        self.add(line.into_iter().collect());
    }

    pub(super) fn finish(mut self) -> Vec<Line> {
        self.children.sort_by_key(|lines| lines[0].start);
        let mut out = vec![self.head];
        out.extend(self.children.into_iter().flatten());
        out
    }
}

pub(super) fn print(src: &str, lang: Lang, items: &[Item]) -> Vec<Line> {
    let p = Printer { src, lang };
    items.iter().flat_map(|item| p.item(item)).collect()
}

pub(super) fn item_span(item: &Item) -> Span {
    item.span()
}

impl Printer<'_> {
    pub(super) fn item(&self, item: &Item) -> Vec<Line> {
        match item {
            Item::Agreement(x) => self.agreement(x),
            Item::UnderLaw(x) => self.layer_link(x, self.kw(keywords::UNDER_LAW)),
            Item::Within(x) => self.layer_link(x, self.kw(keywords::WITHIN)),
            Item::Amends(x) => self.amends(x),
            Item::LegalMinimum(x) => self.legal_minimum(x),
            Item::TrialMaximum(x) => self.trial_maximum(x),
            Item::Parameter(x) => self.parameter(x),
            Item::Table(x) => self.table(x),
            Item::Category(x) => self.category(x),
            Item::Diploma(x) => self.diploma(x),
            Item::Experience(x) => self.experience(x),
            Item::Job(x) => self.job(x),
            Item::Classification(x) => self.classification(x),
            Item::Status(x) => self.status(x),
            Item::WorkingTime(x) => self.working_time(x),
            Item::MinimumSalary(x) => self.minimum_salary(x),
            Item::MissionCap(x) => self.mission_cap(x),
            Item::TrialPeriod(x) => self.trial_period(x),
            Item::Provision(x) => self.provision(x),
            Item::Example(x) => self.example(x),
            Item::Fact(x) => self.fact_decl(x),
            Item::Grid(x) => self.grid(x),
            Item::GridMinimum(x) => self.grid_minimum(x),
            Item::Criterion(x) => self.criterion(x),
            Item::Scoring(x) => self.scoring(x),
        }
    }

    // ------------------------------------------------------------ helpers

    /// `keyword "text"` on one line, placed by the string.
    pub(super) fn string_line(&self, indent: usize, keyword: &str, s: &Spanned<String>) -> Line {
        let text = format!("{keyword} {}", quote(&s.node));
        Line::leaf(indent, text, s.span.start, s.span.end)
    }

    /// A header that is a keyword alone (`classement`).
    pub(super) fn bare_head(&self, span: Span, keyword: Keyword) -> Node {
        let rest = &self.src[span.start..];
        let len = keyword
            .spellings
            .iter()
            .find(|k| rest.starts_with(*k))
            .map_or(0, |k| k.len());
        let text = self.kw(keyword).to_string();
        Node::new(Line::owner(0, text, span.start, span.start + len))
    }

    /// The end of the word after `at` (the unit after a number of months).
    pub(super) fn word_after(&self, at: usize) -> (&str, usize) {
        let rest = &self.src[at..];
        let start = at + (rest.len() - rest.trim_start().len());
        let word_len = self.src[start..]
            .find(|c: char| !c.is_alphabetic())
            .unwrap_or(self.src.len() - start);
        (&self.src[start..start + word_len], start + word_len)
    }

    pub(super) fn text_of(&self, span: Span) -> &str {
        self.src.get(span.start..span.end).unwrap_or("")
    }

    pub(super) fn date_line(
        &self,
        indent: usize,
        keyword: &str,
        d: &Spanned<chrono::NaiveDate>,
    ) -> Line {
        Line::leaf(
            indent,
            format!("{keyword} {}", d.node),
            d.span.start,
            d.span.end,
        )
    }

    // ------------------------------------------------------------ declarations

    pub(super) fn agreement(&self, a: &Agreement) -> Vec<Line> {
        let head = format!(
            "{} {}",
            self.agreement_kind(a.kind.node),
            quote(&a.title.node)
        );
        let mut node = Node::new(Line::owner(0, head, a.span.start, a.title.span.end));
        node.add_line(
            a.document
                .as_ref()
                .map(|d| self.string_line(2, self.kw(keywords::DOCUMENT), d)),
        );
        node.add_line(
            a.date
                .as_ref()
                .map(|d| self.date_line(2, self.kw(keywords::DATE), d)),
        );
        node.add_line(a.idcc.as_ref().map(|n| {
            Line::leaf(
                2,
                format!("{} {}", self.kw(keywords::IDCC), n.node),
                n.span.start,
                n.span.end,
            )
        }));
        node.add(self.source(2, &a.source));
        node.finish()
    }

    pub(super) fn typed_head(
        &self,
        keyword: &str,
        name: &Spanned<String>,
        label: &Option<Spanned<String>>,
        t: ValueType,
    ) -> String {
        let mut head = format!("{keyword} {}", name.node);
        if let Some(label) = label {
            head = format!("{head} {}", quote(&label.node));
        }
        format!("{head} : {}", self.value_type(t))
    }

    pub(super) fn parameter(&self, p: &Parameter) -> Vec<Line> {
        let head = self.typed_head(
            self.kw(keywords::PARAMETER),
            &p.name,
            &p.label,
            p.value_type.node,
        );
        let mut node = Node::new(Line::owner(0, head, p.span.start, p.value_type.span.end));
        node.add(self.source(2, &p.source));
        for v in &p.values {
            let value = self.literal(&v.value.node, self.text_of(v.value.span));
            let text = format!("{value} {} {}", self.kw(keywords::FROM), v.from.node);
            let text = self.cited(text, &v.cited);
            node.add(vec![Line::leaf(2, text, v.span.start, v.span.end)]);
        }
        node.add_line(self.known_until(&p.known_until));
        node.finish()
    }

    pub(super) fn known_until(&self, known: &Option<Spanned<chrono::NaiveDate>>) -> Option<Line> {
        let known = known.as_ref()?;
        let text = format!("{} {}", self.kw(keywords::KNOWN_UNTIL), known.node);
        Some(Line::leaf(2, text, known.span.start, known.span.end))
    }

    pub(super) fn table(&self, t: &Table) -> Vec<Line> {
        let head = self.typed_head(
            self.kw(keywords::TABLE),
            &t.name,
            &t.label,
            t.value_type.node,
        );
        let head = format!("{head} {}", self.table_key(&t.key));
        let end = self.table_key_end(&t.key, t.value_type.span.end);
        let mut node = Node::new(Line::owner(0, head, t.span.start, end));
        node.add(self.source(2, &t.source));
        for v in &t.versions {
            node.add(self.table_version(v));
        }
        node.add_line(self.known_until(&t.known_until));
        node.finish()
    }

    pub(super) fn table_version(&self, v: &TableVersion) -> Vec<Line> {
        // The colon is optional; French files write it, English ones do not.
        let colon = self.w(" :", "");
        let text = format!("{} {}", self.kw(keywords::FROM), v.from.node);
        let text = format!("{}{colon}", self.cited(text, &v.cited));
        let end = v.cited.as_ref().map_or(v.from.span.end, |c| c.span.end);
        let mut out = vec![Line::owner(2, text, v.span.start, end)];
        for (key, value) in &v.rows {
            let printed = self.literal(&value.node, self.text_of(value.span));
            let text = format!("{} : {printed}", key.node);
            out.push(Line::leaf(4, text, key.span.start, value.span.end));
        }
        out.extend(self.position_rows(v));
        out
    }

    pub(super) fn category(&self, c: &Category) -> Vec<Line> {
        let head = format!(
            "{} {} {}",
            self.kw(keywords::CATEGORY),
            c.id.node,
            quote(&c.label.node)
        );
        let mut node = Node::new(Line::owner(0, head, c.span.start, c.label.span.end));
        node.add(self.source(2, &c.source));
        for level in &c.levels {
            node.add(self.level(level));
        }
        node.finish()
    }

    pub(super) fn level(&self, l: &Level) -> Vec<Line> {
        let set = match &l.coefficients.node {
            CoefficientSet::Range(low, high) => format!("{low} {} {high}", self.kw(keywords::TO)),
            CoefficientSet::List(list) => list
                .iter()
                .map(u32::to_string)
                .collect::<Vec<_>>()
                .join(", "),
        };
        let mut text = format!(
            "{} {} : coefficients {set}",
            self.kw(keywords::LEVEL),
            l.number.node
        );
        let mut end = l.coefficients.span.end;
        if let Some(minimum) = &l.minimum {
            text = format!(
                "{text}, {} {}",
                self.kw(keywords::MINIMUM),
                self.expr(minimum)
            );
            end = minimum.span.end;
        }
        let mut node = Node::new(Line::owner(2, text, l.span.start, end));
        node.add(self.source(4, &l.source));
        node.finish()
    }

    pub(super) fn diploma(&self, d: &Diploma) -> Vec<Line> {
        let mut head = format!(
            "{} {} {}",
            self.kw(keywords::DIPLOMA),
            d.id.node,
            quote(&d.label.node)
        );
        let mut end = d.label.span.end;
        if let Some(floor) = &d.floor {
            head = format!(
                "{head} {} {}",
                self.kw(keywords::FLOOR),
                self.cell(&floor.node)
            );
            end = end.max(floor.span.end);
        }
        let mut node = Node::new(Line::owner(0, head, d.span.start, end));
        node.add(self.source(2, &d.source));
        for rows in self.alias_lists(&d.aliases) {
            node.add(self.aliases(&rows));
        }
        node.finish()
    }

    pub(super) fn experience(&self, e: &Experience) -> Vec<Line> {
        let mut head = format!("{} {}", self.kw(keywords::EXPERIENCE), e.id.node);
        let mut end = e.id.span.end;
        if let Some(label) = &e.label {
            head = format!("{head} {}", quote(&label.node));
            end = label.span.end;
        }
        let mut node = Node::new(Line::owner(0, head, e.span.start, end));
        node.add(self.source(2, &e.source));
        for band in &e.bands {
            node.add(self.band(band));
        }
        node.finish()
    }

    pub(super) fn band(&self, b: &Band) -> Vec<Line> {
        let mut text = format!("{} {}", self.kw(keywords::BAND), b.id.node);
        if let Some(label) = &b.label {
            text = format!("{text} {}", quote(&label.node));
        }
        let last = b.to_months.as_ref().unwrap_or(&b.from_months);
        let (written, end) = self.word_after(last.span.end);
        let months = self.unit(months(last.node), written);
        let range = match &b.to_months {
            Some(to) => format!(
                "{} {} {} {} {months}",
                self.kw(keywords::RANGE_FROM),
                b.from_months.node,
                self.kw(keywords::TO),
                to.node
            ),
            None => format!(
                "{} {} {months}",
                self.kw(keywords::OPEN_FROM),
                b.from_months.node
            ),
        };
        let mut node = Node::new(Line::owner(
            2,
            format!("{text} : {range}"),
            b.span.start,
            end,
        ));
        node.add(self.source(4, &b.source));
        node.finish()
    }

    pub(super) fn job(&self, j: &Job) -> Vec<Line> {
        let head = format!(
            "{} {} {}",
            self.kw(keywords::JOB),
            j.id.node,
            quote(&j.name.node)
        );
        let mut node = Node::new(Line::owner(0, head, j.span.start, j.name.span.end));
        node.add(self.source(2, &j.source));
        node.add_line(
            j.track
                .as_ref()
                .map(|t| self.string_line(2, self.kw(keywords::TRACK), t)),
        );
        for rows in self.alias_lists(&j.aliases) {
            node.add(self.aliases(&rows));
        }
        node.add_line(j.entry_diploma.as_ref().map(|e| self.entry_diploma(e)));
        node.add_line(j.experience.as_ref().map(|id| {
            let text = format!("{} {}", self.kw_label(keywords::EXPERIENCE), id.node);
            Line::leaf(2, text, id.span.start, id.span.end)
        }));
        node.add_line(self.job_degrees(&j.degrees));
        for cell in &j.cells {
            node.add(self.job_cell(cell));
        }
        node.finish()
    }

    pub(super) fn entry_diploma(&self, e: &EntryDiploma) -> Line {
        let mut text = format!("{} {}", self.kw(keywords::ENTRY_DIPLOMA), e.lowest.node);
        if let Some(highest) = &e.highest {
            text = format!("{text} {} {}", self.kw(keywords::TO), highest.node);
        }
        Line::leaf(2, text, e.span.start, e.span.end)
    }

    pub(super) fn job_cell(&self, c: &JobCell) -> Vec<Line> {
        let text = format!("{} : {}", c.band.node, self.cell(&c.cell.node));
        let mut node = Node::new(Line::owner(2, text, c.span.start, c.cell.span.end));
        node.add(self.source(4, &c.source));
        node.finish()
    }

    /// The aliases of a job as written: one list per `appellations` keyword, one
    /// row per source line (so pairs like masculine / feminine stay together).
    fn alias_lists<'s>(&self, aliases: &'s [Spanned<String>]) -> Vec<Rows<'s>> {
        let mut lists: Vec<Rows> = Vec::new();
        let mut previous: Option<&Spanned<String>> = None;
        for alias in aliases {
            let separator = previous.map(|p| self.separator(p.span.end, alias.span.start));
            match (separator, lists.last_mut()) {
                (Some(Separator::SameRow), Some(rows)) => match rows.last_mut() {
                    Some(row) => row.push(alias),
                    None => rows.push(vec![alias]),
                },
                (Some(Separator::NextRow), Some(rows)) => rows.push(vec![alias]),
                _ => lists.push(vec![vec![alias]]),
            }
            previous = Some(alias);
        }
        lists
    }

    /// What the source writes between two aliases.
    fn separator(&self, from: usize, to: usize) -> Separator {
        let text = &self.src[from..to];
        let code: String = text
            .lines()
            .map(|l| match crate::syntax::trivia::comment_start(l) {
                Some(at) => &l[..at],
                None => l,
            })
            .collect();
        if code.trim() != "," {
            Separator::NewList
        } else if text.contains('\n') {
            Separator::NextRow
        } else {
            Separator::SameRow
        }
    }

    /// One `appellations` attribute: its rows, each wrapped if too wide.
    fn aliases(&self, rows: &Rows) -> Vec<Line> {
        let keyword = self.kw(keywords::ALIASES);
        let mut out: Vec<Line> = Vec::new();
        for row in rows {
            for (i, alias) in row.iter().enumerate() {
                let piece = quote(&alias.node);
                match out.last_mut() {
                    Some(line) if i > 0 && fits(line, &piece) => {
                        line.text = format!("{}, {piece}", line.text);
                        line.end = alias.span.end;
                    }
                    Some(line) => {
                        line.text.push(',');
                        out.push(continuation(piece, alias.span));
                    }
                    None => {
                        let text = format!("{keyword} {piece}");
                        out.push(Line::leaf(2, text, alias.span.start, alias.span.end));
                    }
                }
            }
        }
        out
    }
}

/// Whether `, piece` fits on the line, with room for a comma after it.
pub(super) fn fits(line: &Line, piece: &str) -> bool {
    let width = line.indent + line.text.chars().count() + piece.chars().count();
    width + ", ,".len() <= MAX_WIDTH
}

pub(super) fn continuation(piece: String, span: Span) -> Line {
    Line {
        continued: true,
        ..Line::leaf(4, piece, span.start, span.end)
    }
}

/// A count of months, to choose the unit's spelling.
pub(super) fn months(count: u32) -> Duration {
    Duration {
        count,
        unit: TimeUnit::Months,
    }
}
