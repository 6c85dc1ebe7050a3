//! The words of the canonical layout: keywords in the file's language, literals,
//! durations, formulas.

use crate::syntax::ast::{
    BinaryOp, Cell, CompareOp, CompareSubject, Condition, Duration, DurationValue, Expr, ExprKind,
    Literal, NumberUnit, RuleFile, TimeUnit, ValueType,
};
use crate::syntax::keywords::{self, Keyword};

/// The language of a file's keywords.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    French,
    English,
}

/// The declarations whose English spelling tells an English file; no French
/// spelling starts with one of them.
const DECLARATIONS: [Keyword; 22] = [
    keywords::AGREEMENT,
    keywords::LAW,
    keywords::COMPANY,
    keywords::UNDER_LAW,
    keywords::AMENDS,
    keywords::WITHIN,
    keywords::LEGAL_MINIMUM,
    keywords::TRIAL_MAXIMUM,
    keywords::PARAMETER,
    keywords::TABLE,
    keywords::CATEGORY,
    keywords::DIPLOMA,
    keywords::EXPERIENCE,
    keywords::JOB,
    keywords::CLASSIFICATION,
    keywords::STATUS,
    keywords::WORKING_TIME,
    keywords::MINIMUM_SALARY,
    keywords::MISSION_CAP,
    keywords::TRIAL,
    keywords::PROVISION,
    keywords::FACT,
];

impl Lang {
    /// The language of the file's first keyword: the syntax tree does not keep
    /// spellings, and a file is written in one language (a mixed file is printed
    /// in the language it starts with).
    pub fn of(source: &str, file: &RuleFile) -> Lang {
        let Some(first) = file.items.first() else {
            return Lang::French;
        };
        let rest = &source[super::lines::item_span(first).start..];
        if DECLARATIONS.iter().any(|k| rest.starts_with(k.en)) {
            Lang::English
        } else {
            Lang::French
        }
    }
}

/// Prints words in the file's language; `src` gives back what the tree lost.
pub(super) struct Printer<'a> {
    pub src: &'a str,
    pub lang: Lang,
}

impl Printer<'_> {
    /// A word that is not a keyword of the grammar, in the file's language.
    pub fn w(&self, french: &'static str, english: &'static str) -> &'static str {
        match self.lang {
            Lang::French => french,
            Lang::English => english,
        }
    }

    /// A keyword: its canonical French spelling, or the English one.
    pub fn kw(&self, keyword: Keyword) -> &'static str {
        self.w(keyword.fr, keyword.en)
    }

    /// A keyword that labels a value: `heures de référence :` in French
    /// typography, `reference hours:` in English.
    pub fn kw_label(&self, keyword: Keyword) -> String {
        match self.lang {
            Lang::French => format!("{} :", keyword.fr),
            Lang::English => format!("{}:", keyword.en),
        }
    }

    pub fn value_type(&self, t: ValueType) -> &'static str {
        match t {
            ValueType::Amount => self.kw(keywords::TYPE_AMOUNT),
            ValueType::HourlyAmount => self.kw(keywords::TYPE_HOURLY),
            ValueType::Hours => self.kw(keywords::TYPE_HOURS),
            ValueType::Rate => self.kw(keywords::TYPE_RATE),
            ValueType::AnnualAmount => self.kw(keywords::TYPE_ANNUAL),
            ValueType::Decimal => self.kw(keywords::TYPE_DECIMAL),
            ValueType::Duration => self.kw(keywords::TYPE_DURATION),
            ValueType::Integer => self.kw(keywords::TYPE_INTEGER),
        }
    }

    /// A literal; `written` is its source text, to keep the unit's spelling.
    pub fn literal(&self, literal: &Literal, written: &str) -> String {
        match literal {
            Literal::Number { value, unit } => number(&value.to_string(), *unit),
            Literal::Duration(d) => self.duration(*d, last_word(written)),
        }
    }

    pub fn duration_value(&self, value: &DurationValue, written: &str) -> String {
        match value {
            DurationValue::Literal(d) => self.duration(*d, last_word(written)),
            DurationValue::Parameter(name) => name.clone(),
        }
    }

    /// `N unit`, the unit as written when it is a correct spelling in the file's
    /// language (`1 semaine`, `2 semaines`), else the canonical one.
    pub fn duration(&self, d: Duration, written: &str) -> String {
        format!("{} {}", d.count, self.unit(d, written))
    }

    pub fn unit(&self, d: Duration, written: &str) -> &'static str {
        let spellings = self.unit_spellings(d.unit);
        if let Some(kept) = spellings.iter().find(|s| **s == written) {
            return kept;
        }
        // Singular for one (and, in French, for zero); the plural is listed last.
        let singular = d.count == 1 || (d.count == 0 && self.lang == Lang::French);
        if singular {
            spellings[0]
        } else {
            spellings[spellings.len() - 1]
        }
    }

    /// Accepted spellings of a unit, singular first, canonical plural last.
    fn unit_spellings(&self, unit: TimeUnit) -> &'static [&'static str] {
        match (self.lang, unit) {
            (Lang::French, TimeUnit::Days) => &["jour", "jours"],
            (Lang::French, TimeUnit::Weeks) => &["semaine", "semaines"],
            (Lang::French, TimeUnit::Months) => &["mois"],
            (Lang::French, TimeUnit::Years) => &["an", "année", "années", "ans"],
            (Lang::English, TimeUnit::Days) => &["day", "days"],
            (Lang::English, TimeUnit::Weeks) => &["week", "weeks"],
            (Lang::English, TimeUnit::Months) => &["month", "months"],
            (Lang::English, TimeUnit::Years) => &["year", "years"],
        }
    }

    pub fn cell(&self, cell: &Cell) -> String {
        match cell {
            Cell::Coefficient(n) => n.to_string(),
            Cell::Level(n) => format!("{} {n}", self.kw(keywords::LEVEL)),
            Cell::Category(id) => format!("{} {}", self.kw(keywords::CATEGORY), id.node),
            Cell::Blank => self.kw(keywords::BLANK).to_string(),
            Cell::Position(r) => r.written(),
        }
    }

    pub fn condition(&self, condition: &Condition) -> String {
        match condition {
            Condition::Category(id) => {
                format!("{} {}", self.kw(keywords::CATEGORY), id.node)
            }
            Condition::Compare { subject, op, value } => {
                // Singular: `si coefficient ≥ 200` reads as the texts do.
                let subject = match subject {
                    CompareSubject::Coefficient => "coefficient",
                    CompareSubject::Level => self.kw(keywords::LEVEL),
                };
                format!("{subject} {} {value}", compare_op(*op))
            }
        }
    }

    /// A formula with only the parentheses its tree needs.
    pub fn expr(&self, e: &Expr) -> String {
        match &e.kind {
            ExprKind::Number { value, unit } => number(&value.to_string(), *unit),
            ExprKind::Name(name) => name.clone(),
            ExprKind::Lookup(table, key) => format!("{}[{}]", table.node, self.expr(key)),
            ExprKind::Round(inner) => {
                format!("{}({})", self.kw(keywords::ROUND), self.expr(inner))
            }
            ExprKind::RoundTo(inner, rounding) => self.round_to(inner, rounding),
            ExprKind::Extreme(which, args) => self.extreme(*which, args),
            ExprKind::If(c) => self.conditional(c),
            ExprKind::Convert { annual, amount } => format!(
                "{}({})",
                match annual {
                    true => self.kw(keywords::ANNUAL),
                    false => self.kw(keywords::MONTHLY),
                },
                self.expr(amount)
            ),
            ExprKind::Neg(inner) => match inner.kind {
                ExprKind::Binary(..) | ExprKind::Neg(_) | ExprKind::If(_) => {
                    format!("-({})", self.expr(inner))
                }
                _ => format!("-{}", self.expr(inner)),
            },
            ExprKind::Binary(op, left, right) => {
                let p = precedence(e);
                // Left-associative: a right operand of the same precedence needs parentheses.
                format!(
                    "{} {} {}",
                    self.operand(left, p),
                    binary_op(*op),
                    self.operand(right, p + 1)
                )
            }
        }
    }

    pub(super) fn operand(&self, e: &Expr, at_least: u8) -> String {
        if precedence(e) < at_least {
            format!("({})", self.expr(e))
        } else {
            self.expr(e)
        }
    }
}

fn precedence(e: &Expr) -> u8 {
    match e.kind {
        // Its `sinon` runs to the end: inside an operation, it takes parentheses.
        ExprKind::If(_) => 0,
        ExprKind::Binary(BinaryOp::Add | BinaryOp::Sub, ..) => 1,
        ExprKind::Binary(BinaryOp::Mul | BinaryOp::Div, ..) => 2,
        _ => 3,
    }
}

fn binary_op(op: BinaryOp) -> &'static str {
    match op {
        BinaryOp::Add => "+",
        BinaryOp::Sub => "-",
        BinaryOp::Mul => "×",
        BinaryOp::Div => "/",
    }
}

pub(super) fn compare_op(op: CompareOp) -> &'static str {
    match op {
        CompareOp::Ge => "≥",
        CompareOp::Le => "≤",
        CompareOp::Gt => ">",
        CompareOp::Lt => "<",
        CompareOp::Eq => "=",
        CompareOp::Ne => "≠",
    }
}

/// A number as written (the decimal keeps its scale: `1234.50`), `€` if an amount.
pub(super) fn number(digits: &str, unit: NumberUnit) -> String {
    match unit {
        NumberUnit::None => digits.to_string(),
        NumberUnit::Euro => format!("{digits} €"),
        NumberUnit::EuroPerHour => format!("{digits} €/h"),
        NumberUnit::Hours => format!("{digits} h"),
        NumberUnit::Percent => format!("{digits} %"),
        NumberUnit::EuroPerYear => format!("{digits} €/an"),
    }
}

/// A string literal, escaped again.
pub(super) fn quote(text: &str) -> String {
    format!("\"{}\"", text.replace('\\', "\\\\").replace('"', "\\\""))
}

/// The last word of a literal's source text: the unit of `6 mois`.
fn last_word(written: &str) -> &str {
    written.split_whitespace().last().unwrap_or("")
}
