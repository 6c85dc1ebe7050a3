//! The words of ranges, bands and examples.

use super::super::kind::*;
use super::said;
use crate::catalogue::Said;

pub(super) fn bad_range_message(r: &BadRange) -> Said {
    match r {
        BadRange::TooHigh { max, highest } => said(
            format!("les coefficients vont jusqu'à {max} ; ce niveau atteint {highest}"),
            format!("coefficients go up to {max}; this level reaches {highest}"),
        ),
        BadRange::Empty { low, high } => said(
            format!("la plage {low} à {high} est vide"),
            format!("the range {low} à {high} is empty"),
        ),
        BadRange::NotIncreasing => said(
            "les coefficients se listent dans l'ordre croissant, chacun une fois",
            "coefficients must be listed in increasing order, each once",
        ),
        BadRange::EmptyBand { band, .. } => said(
            format!("la tranche `{band}` est vide"),
            format!("the band `{band}` is empty"),
        ),
    }
}

pub(super) fn bad_range_label(r: &BadRange) -> Said {
    match r {
        BadRange::TooHigh { .. } => said("trop élevé", "too high"),
        BadRange::Empty { .. } => said("le plus bas d'abord", "lowest first"),
        BadRange::NotIncreasing => said("pas croissant", "not increasing"),
        BadRange::EmptyBand { from, to, .. } => said(
            format!("de {from} à {to} mois"),
            format!("from {from} to {to} months"),
        ),
    }
}

pub(super) fn bad_range_help(r: &BadRange) -> Said {
    match r {
        BadRange::TooHigh { .. } => said(
            "les grilles ont des coefficients de quelques centaines",
            "grids use coefficients of a few hundred",
        ),
        BadRange::Empty { low, high } => said(
            format!("écrivez `{high} à {low}`"),
            format!("write `{high} à {low}`"),
        ),
        BadRange::NotIncreasing => said(
            "triez la liste et retirez les répétitions",
            "sort the list and remove repeats",
        ),
        BadRange::EmptyBand { .. } => said(
            "la fin doit venir après le début",
            "the end must come after the start",
        ),
    }
}

pub(super) fn bad_bands_message(b: &BadBands) -> Said {
    match b {
        BadBands::NoBand { scale } => said(
            format!("l'échelle d'ancienneté `{scale}` n'a aucune tranche"),
            format!("the experience scale `{scale}` has no band"),
        ),
        BadBands::FirstNotAtZero { .. } => said(
            "la première tranche doit commencer à 0 mois",
            "the first band must start at 0 months",
        ),
        BadBands::NotMeeting {
            previous,
            next,
            gap,
            ..
        } => {
            let (fr, en) = if gap.is_some() {
                ("laissent un trou", "leave a gap")
            } else {
                ("se chevauchent", "overlap")
            };
            said(
                format!("les tranches `{previous}` et `{next}` {fr}"),
                format!("bands `{previous}` and `{next}` {en}"),
            )
        }
        BadBands::LastHasEnd { .. } => said(
            "la dernière tranche ne doit pas avoir de fin",
            "the last band must have no end",
        ),
        BadBands::NoScale => said(
            "aucune échelle d'ancienneté n'est déclarée",
            "no experience scale is declared",
        ),
    }
}

pub(super) fn bad_bands_label(b: &BadBands) -> Said {
    match b {
        BadBands::NoBand { .. } => said("pas de `tranche`", "no `tranche`"),
        BadBands::FirstNotAtZero { from } => said(
            format!("commence à {from} mois"),
            format!("starts at {from} months"),
        ),
        BadBands::NotMeeting {
            gap: Some((end, start)),
            ..
        } => said(
            format!("rien ne couvre de {end} à {start} mois"),
            format!("nothing covers {end} to {start} months"),
        ),
        BadBands::NotMeeting {
            previous,
            next_from,
            ..
        } => said(
            format!("`{previous}` couvre déjà {next_from} mois"),
            format!("`{previous}` already covers {next_from} months"),
        ),
        BadBands::LastHasEnd { .. } => said("finit ici", "ends here"),
        BadBands::NoScale => said("ce métier a besoin de tranches", "this job needs bands"),
    }
}

pub(super) fn bad_bands_help(b: &BadBands) -> Said {
    match b {
        BadBands::NoBand { .. } => said(
            "ajoutez des tranches : `tranche debutant \"Débutant\" : de 0 à 6 mois`",
            "add bands: `tranche debutant \"Débutant\" : de 0 à 6 mois`",
        ),
        BadBands::FirstNotAtZero { .. } => said(
            "un débutant a 0 mois d'expérience : commencez la première tranche à 0",
            "a beginner has 0 months of experience: start the first band at 0",
        ),
        BadBands::NotMeeting { .. } => said(
            "chaque tranche commence où finit la précédente",
            "each band starts where the previous one ends",
        ),
        BadBands::LastHasEnd { from } => said(
            format!("écrivez `à partir de {from} mois`"),
            format!("write `à partir de {from} mois`"),
        ),
        BadBands::NoScale => said(
            "déclarez-en une : `ancienneté standard` suivi de ses lignes `tranche`",
            "declare one: `ancienneté standard` followed by its `tranche` lines",
        ),
    }
}

pub(super) fn example_gap(gap: ExampleGap) -> Said {
    match gap {
        ExampleGap::Date => said("date (`au`)", "date (`au`)"),
        ExampleGap::JobOrStart => said(
            "métier ni date de début (`métier \"…\"`, `depuis DATE`)",
            "job or start date (`métier \"…\"`, `depuis DATE`)",
        ),
        ExampleGap::Expectation => said("attente", "expectation"),
    }
}
