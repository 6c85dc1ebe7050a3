//! Explanations of named grids (issue #22): a position and its grid in words,
//! French and English.

use super::locale::Lang;
use crate::eval::trace::{FloorDetail, GridPlace};

/// « position « 2.1 » de la grille ic (coefficient 115) » /
/// `position "2.1" of the grid ic (coefficient 115)`; no coefficient for a
/// grid without (HCR).
pub(super) fn place_words(place: &GridPlace, coefficient: u32, lang: Lang) -> String {
    let coefficient = match (place.coefficients, lang) {
        (false, _) => String::new(),
        (true, Lang::Fr) => format!(" (coefficient {coefficient})"),
        (true, Lang::En) => format!(" (coefficient {coefficient})"),
    };
    position_words(&place.grid, &place.position, lang) + &coefficient
}

fn position_words(grid: &str, position: &str, lang: Lang) -> String {
    match lang {
        Lang::Fr => format!("position « {position} » de la grille {grid}"),
        Lang::En => format!("position \"{position}\" of the grid {grid}"),
    }
}

/// A position floor's words: the position given, or a conditional floor's.
pub(super) fn floor_words(detail: &FloorDetail, not_given: &str, lang: Lang) -> Option<String> {
    let FloorDetail::Position {
        grid,
        position,
        test,
    } = detail
    else {
        return None;
    };
    let floor = match lang {
        Lang::Fr => "plancher",
        Lang::En => "floor",
    };
    let place = match (grid, position) {
        (Some(g), Some(p)) => position_words(g, p, lang),
        _ => format!("position ({not_given})"),
    };
    let test = match (test, lang) {
        (None, _) => String::new(),
        (Some(t), Lang::Fr) => format!(" (si {t})"),
        (Some(t), Lang::En) => format!(" (if {t})"),
    };
    Some(format!("{floor} {place}{test}"))
}

/// The position the facts give, and since when, under "Faits retenus".
pub(super) fn position_facts(x: &mut super::text::Writer, r: &crate::facts::Record) {
    let Some(placed) = r.placed() else {
        return;
    };
    let c = super::text::colon(x.lang);
    if let Some(p) = &placed.position {
        let line = match x.lang {
            Lang::Fr => format!("position déclarée{c}« {p} »"),
            Lang::En => format!("position given{c}\"{p}\""),
        };
        x.line(2, line);
    }
    let since = placed
        .since
        .or(Some(r.job_since).filter(|_| r.job.is_empty()));
    if let Some(since) = since {
        let day = x.date(since);
        let line = match x.lang {
            Lang::Fr => format!("dans la position depuis le {day}"),
            Lang::En => format!("in the position since {day}"),
        };
        x.line(2, line);
    }
}
