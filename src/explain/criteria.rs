//! Classification by criteria in explanations (issue #22): under the
//! criteria floor, each criterion's degree and points, the total and the row
//! of the `cotation` it falls in.

use super::text::{colon, Writer};
use crate::eval::trace::{Step, StepKind};

/// The lines of the trace's `criteria` step, indented under its floor.
pub(super) fn degrees(x: &mut Writer, trace: &[Step]) {
    let w = x.w;
    let c = colon(x.lang);
    for step in trace {
        let StepKind::Criteria {
            degrees,
            total,
            row,
            coefficient,
        } = &step.kind
        else {
            continue;
        };
        let method = x.rules.criteria.as_deref();
        let (degree_word, points_word) = w.degree_points;
        for d in degrees {
            let label = method
                .and_then(|m| m.criteria.iter().find(|k| k.id == d.criterion))
                .map_or(d.criterion, |k| k.label.as_str());
            let text = format!(
                "{label}{c}{degree_word} {}, {} {points_word}",
                d.degree, d.points
            );
            x.line(4, text);
        }
        let sum: Vec<String> = degrees.iter().map(|d| d.points.to_string()).collect();
        let (from, to) = row;
        let text = format!(
            "{} = {total} {points_word} ; {}{c}{from} à {to} → {coefficient}",
            sum.join(" + "),
            w.score_row
        );
        let text = match x.lang {
            super::locale::Lang::Fr => text,
            super::locale::Lang::En => text.replace(" ; ", "; ").replace(" à ", " to "),
        };
        x.line(4, text);
        x.cite(step);
    }
}
