//! Inline SVG bar charts for the HTML report: plain shapes with a `<title>` each
//! (a tooltip on screen), styled by the report's CSS classes, no script. Sizes
//! are computed in integers and decimals, like everything else.

use std::fmt::Write;

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

use super::html::esc;
use super::impact::Impact;
use super::text::{group_label, money, signed_money};
use crate::catalogue::Lang;

/// Grouped bars: employees at each coefficient, before (grey) and after (blue).
pub fn distribution(i: &Impact) -> String {
    distribution_in(i, Lang::Fr)
}

/// The chart's words: French, English.
struct Words {
    label: &'static str,
    before: &'static str,
    after: &'static str,
    colon: &'static str,
    caption: &'static str,
}

const FR: Words = Words {
    label: "Répartition des coefficients avant et après",
    before: "avant",
    after: "après",
    colon: " :",
    caption: "Nombre de salariés par coefficient, avant (base) et après (proposition) : les mêmes",
};

const EN: Words = Words {
    label: "Coefficients before and after",
    before: "before",
    after: "after",
    colon: ":",
    caption: "Employees by coefficient, before (base) and after (proposal): the same",
};

/// [`distribution`] with its words in `lang` (the workbench shows either).
pub fn distribution_in(i: &Impact, lang: Lang) -> String {
    let w = match lang {
        Lang::Fr => &FR,
        Lang::En => &EN,
    };
    let (bar, gap, height, left, top) = (14usize, 10usize, 160usize, 36usize, 32usize);
    let max = i
        .distribution
        .values()
        .flat_map(|c| c.iter().copied())
        .max()
        .unwrap_or(0)
        .max(1);
    let width = left + i.distribution_both.len() * (2 * bar + gap) + gap;
    let mut svg = format!(
        "<figure>\n<svg width=\"{width}\" height=\"{}\" viewBox=\"0 0 {width} {}\" role=\"img\" aria-label=\"{}\">\n",
        top + height + 40,
        top + height + 40,
        w.label
    );
    let _ = writeln!(svg, "<rect class=\"before\" x=\"{left}\" y=\"4\" width=\"10\" height=\"10\"/><text x=\"{}\" y=\"13\">{}</text><rect class=\"after\" x=\"{}\" y=\"4\" width=\"10\" height=\"10\"/><text x=\"{}\" y=\"13\">{}</text>", left + 14, w.before, left + 70, left + 84, w.after);
    let _ = writeln!(
        svg,
        "<line x1=\"{left}\" y1=\"{}\" x2=\"{width}\" y2=\"{}\" stroke=\"#8c959f\"/>",
        top + height,
        top + height
    );
    for (n, (key, counts)) in i.distribution_both.iter().enumerate() {
        let coefficient = esc(&i.key_words(*key));
        let x = left + gap + n * (2 * bar + gap);
        for (k, (count, class)) in counts.iter().zip(["before", "after"]).enumerate() {
            let h = count * height / max;
            let label = if k == 0 { w.before } else { w.after };
            let _ = writeln!(svg, "<rect class=\"{class}\" x=\"{}\" y=\"{}\" width=\"{bar}\" height=\"{h}\"><title>{coefficient} {label}{} {count}</title></rect>", x + k * bar, top + height - h, w.colon);
            if *count > 0 {
                let _ = writeln!(
                    svg,
                    "<text class=\"count\" x=\"{}\" y=\"{}\" text-anchor=\"middle\">{count}</text>",
                    x + k * bar + bar / 2,
                    top + height - h - 3
                );
            }
        }
        let _ = writeln!(
            svg,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\">{coefficient}</text>",
            x + bar,
            top + height + 14
        );
    }
    let population = super::text::rows_population(i);
    let (who, sides) = match lang {
        Lang::Fr => (super::text::employees(population), "des deux côtés"),
        Lang::En => (english_employees(population), "on both sides"),
    };
    let _ = write!(
        svg,
        "</svg>\n<figcaption>{} {} {sides}. {}</figcaption>\n</figure>\n",
        w.caption,
        esc(&who),
        esc(&left_out(i, lang))
    );
    svg
}

/// `1 employee`, `12 employees`.
fn english_employees(n: usize) -> String {
    match n {
        1 => "1 employee".to_string(),
        n => format!("{n} employees"),
    }
}

/// Horizontal bars by job: the monthly cost of bringing salaries up to the
/// proposal's minimum; without salaries in the facts, the change of the minimum-salary mass.
pub(super) fn cost(i: &Impact) -> String {
    let costs = i.with_salary > 0;
    let (caption, values): (&str, Vec<(String, Decimal)>) = if costs {
        let items = i
            .by_job
            .iter()
            .filter(|(_, g)| g.below_new_minimum.monthly > Decimal::ZERO);
        ("Hausse de paie mensuelle (€ par mois) pour porter les salaires au minimum de la proposition, par métier : tous les salariés décidés par la proposition au salaire connu.", items.map(|(k, g)| (group_label(k, g), g.below_new_minimum.monthly)).collect())
    } else {
        let items = i
            .by_job
            .iter()
            .filter(|(_, g)| !g.mass.difference().is_zero());
        ("Écart mensuel des minima dus (€ par mois), par métier, des salariés décidés des deux côtés (les faits ne donnent pas de salaire).", items.map(|(k, g)| (group_label(k, g), g.mass.difference())).collect())
    };
    if values.is_empty() {
        return format!("<p>{}</p>\n<p>Aucun montant à montrer.</p>\n", esc(caption));
    }
    let (label_w, bars_w, row_h, value_w) = (230i64, 360i64, 22i64, 110i64);
    let max = values
        .iter()
        .map(|(_, v)| v.abs())
        .max()
        .unwrap_or(Decimal::ONE)
        .max(Decimal::new(1, 2));
    let negative = values.iter().any(|(_, v)| *v < Decimal::ZERO);
    // With negative values, zero sits in the middle of the bar area.
    let (zero, span) = if negative {
        (label_w + bars_w / 2, bars_w / 2)
    } else {
        (label_w, bars_w)
    };
    let width = label_w + bars_w + value_w;
    let height = row_h * values.len() as i64 + 8;
    let mut svg = format!("<figure>\n<svg width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-label=\"{}\">\n", esc(caption));
    for (n, (name, value)) in values.iter().enumerate() {
        let y = n as i64 * row_h + 4;
        let w = (value.abs() * Decimal::from(span) / max)
            .round()
            .to_i64()
            .unwrap_or(0);
        let (x, class) = if *value < Decimal::ZERO {
            (zero - w, "neg")
        } else {
            (zero, "cost")
        };
        let amount = esc(&if costs {
            money(*value)
        } else {
            signed_money(*value)
        });
        let _ = writeln!(
            svg,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>",
            label_w - 6,
            y + 14,
            esc(name)
        );
        let _ = writeln!(svg, "<rect class=\"{class}\" x=\"{x}\" y=\"{y}\" width=\"{w}\" height=\"{}\"><title>{} : {amount}</title></rect>", row_h - 6, esc(name));
        let _ = writeln!(
            svg,
            "<text x=\"{}\" y=\"{}\">{amount}</text>",
            label_w + bars_w + 6,
            y + 14
        );
    }
    let _ = write!(
        svg,
        "</svg>\n<figcaption>{}</figcaption>\n</figure>\n",
        esc(caption)
    );
    svg
}

/// Who a chart of both sides leaves out, said under it.
fn left_out(i: &Impact, lang: Lang) -> String {
    let out = i.records - super::text::rows_population(i);
    match (out, lang) {
        (0, _) => String::new(),
        (n, Lang::Fr) => format!(
            "{} décidés d'un seul côté ou rejetés n'y figurent pas.",
            super::text::employees(n)
        ),
        (n, Lang::En) => format!(
            "{} decided by one side only or rejected are not shown.",
            english_employees(n)
        ),
    }
}
