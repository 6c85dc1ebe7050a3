//! The words of ranges, bands and examples.

use super::super::kind::*;

pub(super) fn bad_range_message(r: &BadRange) -> String {
    match r {
        BadRange::TooHigh { max, highest } => {
            format!("coefficients go up to {max}; this level reaches {highest}")
        }
        BadRange::Empty { low, high } => format!("the range {low} à {high} is empty"),
        BadRange::NotIncreasing => {
            "coefficients must be listed in increasing order, each once".to_string()
        }
        BadRange::EmptyBand { band, .. } => format!("the band `{band}` is empty"),
    }
}

pub(super) fn bad_range_label(r: &BadRange) -> String {
    match r {
        BadRange::TooHigh { .. } => "too high".to_string(),
        BadRange::Empty { .. } => "lowest first".to_string(),
        BadRange::NotIncreasing => "not increasing".to_string(),
        BadRange::EmptyBand { from, to, .. } => format!("from {from} to {to} months"),
    }
}

pub(super) fn bad_range_help(r: &BadRange) -> String {
    match r {
        BadRange::TooHigh { .. } => "grids use coefficients of a few hundred".to_string(),
        BadRange::Empty { low, high } => format!("write `{high} à {low}`"),
        BadRange::NotIncreasing => "sort the list and remove repeats".to_string(),
        BadRange::EmptyBand { .. } => "the end must come after the start".to_string(),
    }
}

pub(super) fn bad_bands_message(b: &BadBands) -> String {
    match b {
        BadBands::NoBand { scale } => format!("the experience scale `{scale}` has no band"),
        BadBands::FirstNotAtZero { .. } => "the first band must start at 0 months".to_string(),
        BadBands::NotMeeting {
            previous,
            next,
            gap,
            ..
        } => {
            let what = if gap.is_some() {
                "leave a gap"
            } else {
                "overlap"
            };
            format!("bands `{previous}` and `{next}` {what}")
        }
        BadBands::LastHasEnd { .. } => "the last band must have no end".to_string(),
        BadBands::NoScale => "no experience scale is declared".to_string(),
    }
}

pub(super) fn bad_bands_label(b: &BadBands) -> String {
    match b {
        BadBands::NoBand { .. } => "no `tranche`".to_string(),
        BadBands::FirstNotAtZero { from } => format!("starts at {from} months"),
        BadBands::NotMeeting {
            gap: Some((end, start)),
            ..
        } => {
            format!("nothing covers {end} to {start} months")
        }
        BadBands::NotMeeting {
            previous,
            next_from,
            ..
        } => {
            format!("`{previous}` already covers {next_from} months")
        }
        BadBands::LastHasEnd { .. } => "ends here".to_string(),
        BadBands::NoScale => "this job needs bands".to_string(),
    }
}

pub(super) fn bad_bands_help(b: &BadBands) -> String {
    match b {
        BadBands::NoBand { .. } => {
            "add bands: `tranche debutant \"Débutant\" : de 0 à 6 mois`".to_string()
        }
        BadBands::FirstNotAtZero { .. } => {
            "a beginner has 0 months of experience: start the first band at 0".to_string()
        }
        BadBands::NotMeeting { .. } => "each band starts where the previous one ends".to_string(),
        BadBands::LastHasEnd { from } => format!("write `à partir de {from} mois`"),
        BadBands::NoScale => {
            "declare one: `ancienneté standard` followed by its `tranche` lines".to_string()
        }
    }
}

pub(super) fn example_gap(gap: ExampleGap) -> &'static str {
    match gap {
        ExampleGap::Date => "date (`au`)",
        ExampleGap::JobOrStart => "job or start date (`métier \"…\"`, `depuis DATE`)",
        ExampleGap::Expectation => "expectation",
    }
}
