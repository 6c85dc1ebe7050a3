//! Warnings on a decision: where the rules leave the case open or the facts
//! contradict themselves. Kept as data, so that an explanation can say them in
//! French; the decision's JSON carries the English sentence.

use std::fmt;

use chrono::NaiveDate;

use crate::model::{Duration, TimeUnit};

/// Which layer made a trial shorter than the agreement's rule gives it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TrialCut {
    /// A company agreement's rule for the category ends sooner.
    Company,
    /// The law's cap on the first trial (Code du travail L1221-19).
    LawLength(Duration),
    /// The law's cap on the trial, renewal included (L1221-21).
    LawTotal(Duration),
}

impl TrialCut {
    /// The layer, as the trace names it.
    pub fn by(self) -> &'static str {
        match self {
            TrialCut::Company => "company",
            TrialCut::LawLength(_) | TrialCut::LawTotal(_) => "law",
        }
    }

    /// What was cut, as the trace names it.
    pub fn what(self) -> &'static str {
        match self {
            TrialCut::Company => "trial",
            TrialCut::LawLength(_) => "length",
            TrialCut::LawTotal(_) => "total",
        }
    }

    /// The law's cap, if the law cut it.
    pub fn limit(self) -> Option<Duration> {
        match self {
            TrialCut::Company => None,
            TrialCut::LawLength(d) | TrialCut::LawTotal(d) => Some(d),
        }
    }
}

/// A duration in words: `4 months`, `2 weeks` (`french`: `4 mois`, `2 semaines`).
pub fn duration_words(d: Duration, french: bool) -> String {
    let one = d.count == 1;
    let unit = match (d.unit, french) {
        (TimeUnit::Days, false) if one => "day",
        (TimeUnit::Days, false) => "days",
        (TimeUnit::Weeks, false) if one => "week",
        (TimeUnit::Weeks, false) => "weeks",
        (TimeUnit::Months, false) if one => "month",
        (TimeUnit::Months, false) => "months",
        (TimeUnit::Years, false) if one => "year",
        (TimeUnit::Years, false) => "years",
        (TimeUnit::Days, true) if one => "jour",
        (TimeUnit::Days, true) => "jours",
        (TimeUnit::Weeks, true) if one => "semaine",
        (TimeUnit::Weeks, true) => "semaines",
        (TimeUnit::Months, true) => "mois",
        (TimeUnit::Years, true) if one => "an",
        (TimeUnit::Years, true) => "ans",
    };
    format!("{} {unit}", d.count)
}

#[derive(Debug, Clone, PartialEq, Eq)]
/// (`'r`: the names are the rule set's.)
pub enum Warning<'r> {
    /// Every band of the job is blank.
    NoClassification {
        job: &'r str,
    },
    /// The band is blank; `stand_in` is the band whose value applies, if any.
    BlankBand {
        job: &'r str,
        band: &'r str,
        stand_in: Option<&'r str>,
    },
    FutureMissions {
        count: usize,
    },
    NoMissionCap,
    OverlappingMissions,
    ClaimUnclassified {
        job: &'r str,
    },
    FutureMove {
        on: NaiveDate,
    },
    MovedElsewhere {
        on: NaiveDate,
        to: &'r str,
        job: &'r str,
    },
    NoTrialRule,
    /// `criteria` given to a rule set without `plancher critères`.
    CriteriaNotUsed,
    TrialJobUnclassified {
        job: &'r str,
    },
    NoTrialForCategory {
        category: &'r str,
    },
    RenewalNotAllowed {
        category: &'r str,
        coefficient: u32,
        /// The grid and position, on a grid without coefficients (whose
        /// "coefficient" is only the position's rank): said instead.
        position: Option<(&'r str, &'r str)>,
    },
    BrokenAfterEnd {
        broken: NaiveDate,
        end: NaiveDate,
    },
    ShouldBeBack {
        job: &'r str,
        broken: NaiveDate,
        back_to: &'r str,
    },
    /// The law file has no value of the SMIC on that day: its minimum is not checked.
    LawNotKnown {
        on: NaiveDate,
    },
    /// The agreement's minimum is below the law's: the law's is owed.
    BelowLegalMinimum {
        agreement: Option<rust_decimal::Decimal>,
        law: rust_decimal::Decimal,
    },
    /// The trial ends sooner than the agreement's rule gives it: `was` is
    /// the end before the cut, `end` after it.
    TrialShortened {
        cut: TrialCut,
        category: &'r str,
        was: NaiveDate,
        end: NaiveDate,
    },
    /// A move from a job to the same job: not a change of function, no trial.
    MoveToSameJob {
        on: NaiveDate,
        job: &'r str,
    },
    /// A previous-sector coefficient below the lowest of the grid, read as that lowest.
    PreviousBelowGrid {
        given: u32,
        read_as: u32,
    },
    /// A parameter or table read beyond the day its values are known to hold
    /// (`connu jusqu'au`): `since` is the date of the value or version used.
    BeyondKnown {
        name: &'r str,
        since: Option<NaiveDate>,
        known_until: NaiveDate,
        on: NaiveDate,
    },
}

impl fmt::Display for Warning<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use Warning::*;
        match self {
            BelowLegalMinimum { agreement: Some(a), law } => write!(
                f,
                "the agreement's minimum ({}) is below the SMIC ({}): the SMIC applies",
                super::money(*a),
                super::money(*law)
            ),
            BelowLegalMinimum { agreement: None, law } => {
                write!(f, "the agreement gives no minimum: the SMIC ({}) applies", super::money(*law))
            }
            LawNotKnown { on } => write!(
                f,
                "the law file gives no SMIC on {on}: the minimum is the agreement's, not checked against the law"
            ),
            NoClassification { job } => write!(f, "the rules give no classification to `{job}`: only the other floors apply"),
            BlankBand { job, band, stand_in: Some(b) } => {
                write!(f, "the rules leave the band `{band}` of `{job}` blank: the value of band `{b}` applies")
            }
            BlankBand { job, band, stand_in: None } => write!(f, "the rules leave the band `{band}` of `{job}` blank: no job floor applies"),
            FutureMissions { count } => write!(f, "{count} mission(s) starting after the evaluation date are not counted"),
            NoMissionCap => f.write_str("the rule set has no mission cap: missions are not counted"),
            OverlappingMissions => f.write_str("missions overlap: each day is counted once"),
            ClaimUnclassified { job } => {
                write!(f, "the mission cap gives a claim to `{job}`, which the rules do not classify: it raises nothing")
            }
            FutureMove { on } => write!(f, "the move of {on} is after the evaluation date and is not counted"),
            MovedElsewhere { on, to, job } => write!(f, "the latest move ({on}) was to `{to}`, but the current job is `{job}`"),
            NoTrialRule => f.write_str("the rule set has no trial-period rule: the move's trial is not computed"),
            CriteriaNotUsed => f.write_str("the rule set classifies by no criteria (no `plancher critères`): the degrees given in `criteria` are not used"),
            TrialJobUnclassified { job } => write!(f, "`{job}` has no classification: its trial period cannot be computed"),
            NoTrialForCategory { category } => write!(f, "the rules give no trial period for the category `{category}`"),
            RenewalNotAllowed { category, coefficient, position } => match position {
                None => write!(f, "the trial is marked renewed, but the rules allow no renewal for `{category}` at coefficient {coefficient}"),
                Some((grid, p)) => write!(f, "the trial is marked renewed, but the rules allow no renewal for `{category}` at position {grid} {p}"),
            },
            BrokenAfterEnd { broken, end } => write!(
                f,
                "the trial is said broken on {broken}, after its end on {end}: too late to be a trial break, the trial is completed"
            ),
            ShouldBeBack { job, broken, back_to } => {
                write!(f, "the trial in `{job}` was broken on {broken}: the employee should be back in `{back_to}`")
            }
            TrialShortened { cut: TrialCut::Company, category, was, end } => write!(
                f,
                "the company agreement's trial for `{category}` is shorter: it ends on {end}, not {was}"
            ),
            TrialShortened { cut: TrialCut::LawLength(d), category, was, end } => write!(
                f,
                "the law caps the first trial of `{category}` at {}: it ends on {end}, not {was}",
                duration_words(*d, false)
            ),
            TrialShortened { cut: TrialCut::LawTotal(d), category, was, end } => write!(
                f,
                "the law caps the trial of `{category}`, renewal included, at {}: it ends on {end}, not {was}",
                duration_words(*d, false)
            ),
            MoveToSameJob { on, job } => {
                write!(f, "the move of {on} is from `{job}` to `{job}`: not a change of function, it opens no trial")
            }
            PreviousBelowGrid { given, read_as } => write!(
                f,
                "the previous-sector coefficient {given} is below the grid: read as its lowest coefficient, {read_as}"
            ),
            BeyondKnown { name, since, known_until, on } => {
                let since = since.map(|d| format!(" (the value of {d})")).unwrap_or_default();
                write!(
                    f,
                    "`{name}`{since} is known to hold until {known_until} only: on {on}, a later value the rules do not have may apply"
                )
            }
        }
    }
}

impl serde::Serialize for Warning<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl Warning<'_> {
    /// The warning in French; `date` writes a date as the reader expects.
    pub fn french(&self, date: impl Fn(NaiveDate) -> String) -> String {
        use Warning::*;
        let money =
            |v: rust_decimal::Decimal| crate::explain::locale::money(v, crate::explain::Lang::Fr);
        match self {
            BelowLegalMinimum { agreement: Some(a), law } => format!(
                "le minimum conventionnel ({}) est inférieur au SMIC ({}) : le SMIC s'applique",
                money(*a),
                money(*law)
            ),
            BelowLegalMinimum { agreement: None, law } => {
                format!("la convention ne donne pas de minimum : le SMIC ({}) s'applique", money(*law))
            }
            LawNotKnown { on } => format!(
                "le fichier de la loi ne donne pas de SMIC au {} : le minimum est celui de la convention, sans comparaison avec la loi",
                date(*on)
            ),
            NoClassification { job } => format!("les règles ne classent pas `{job}` : seuls les autres planchers s'appliquent"),
            BlankBand { job, band, stand_in: Some(b) } => {
                format!("les règles laissent vide la tranche `{band}` de `{job}` : la valeur de la tranche `{b}` s'applique")
            }
            BlankBand { job, band, stand_in: None } => {
                format!("les règles laissent vide la tranche `{band}` de `{job}` : aucun plancher de métier ne s'applique")
            }
            FutureMissions { count } => format!("{count} mission(s) commençant après la date d'évaluation ne sont pas comptées"),
            NoMissionCap => "les règles n'ont pas de plafond des missions : les missions ne sont pas comptées".to_string(),
            OverlappingMissions => "des missions se chevauchent : chaque jour n'est compté qu'une fois".to_string(),
            ClaimUnclassified { job } => {
                format!("le plafond des missions ouvre un droit à `{job}`, que les règles ne classent pas : il n'élève rien")
            }
            FutureMove { on } => format!("la mobilité du {} est postérieure à la date d'évaluation : elle n'est pas comptée", date(*on)),
            MovedElsewhere { on, to, job } => {
                format!("la dernière mobilité ({}) menait à `{to}`, mais le métier actuel est `{job}`", date(*on))
            }
            NoTrialRule => "les règles n'ont pas de période d'essai : celle de la mobilité n'est pas calculée".to_string(),
            CriteriaNotUsed => "les règles ne classent pas par critères (pas de `plancher critères`) : les degrés donnés dans `criteria` ne servent pas".to_string(),
            TrialJobUnclassified { job } => format!("`{job}` n'est pas classé : sa période d'essai ne peut être calculée"),
            NoTrialForCategory { category } => format!("les règles ne donnent pas de période d'essai à la catégorie `{category}`"),
            RenewalNotAllowed { category, coefficient, position } => match position {
                None => format!("l'essai est dit renouvelé, mais les règles ne prévoient pas de renouvellement pour `{category}` au coefficient {coefficient}"),
                Some((grid, p)) => format!("l'essai est dit renouvelé, mais les règles ne prévoient pas de renouvellement pour `{category}` à la position {grid} {p}"),
            },
            BrokenAfterEnd { broken, end } => format!(
                "l'essai est dit rompu le {}, après sa fin le {} : trop tard pour une rupture d'essai, l'essai est achevé",
                date(*broken),
                date(*end)
            ),
            ShouldBeBack { job, broken, back_to } => format!(
                "l'essai en `{job}` a été rompu le {} : le salarié devrait être revenu en `{back_to}`",
                date(*broken)
            ),
            TrialShortened { cut: TrialCut::Company, category, was, end } => format!(
                "l'essai de l'accord d'entreprise pour `{category}` est plus court : il prend fin le {}, non le {}",
                date(*end),
                date(*was)
            ),
            TrialShortened { cut: TrialCut::LawLength(d), category, was, end } => format!(
                "la loi limite le premier essai de `{category}` à {} : il prend fin le {}, non le {}",
                duration_words(*d, true),
                date(*end),
                date(*was)
            ),
            TrialShortened { cut: TrialCut::LawTotal(d), category, was, end } => format!(
                "la loi limite l'essai de `{category}`, renouvellement compris, à {} : il prend fin le {}, non le {}",
                duration_words(*d, true),
                date(*end),
                date(*was)
            ),
            MoveToSameJob { on, job } => format!(
                "la mobilité du {} mène de `{job}` à `{job}` : ce n'est pas un changement de fonction, elle n'ouvre pas d'essai",
                date(*on)
            ),
            PreviousBelowGrid { given, read_as } => format!(
                "le coefficient antérieur {given} est sous la grille : il est lu comme son plus petit coefficient, {read_as}"
            ),
            BeyondKnown { name, since, known_until, on } => {
                let since = since.map(|d| format!(" (valeur du {})", date(d))).unwrap_or_default();
                format!(
                    "`{name}`{since} n'est connu que jusqu'au {} : le {}, une valeur plus récente, absente des règles, peut s'appliquer",
                    date(*known_until),
                    date(*on)
                )
            }
        }
    }
}
