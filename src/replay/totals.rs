//! What a claim may still cover and what the months add up to: prescription
//! (Code du travail L3245-1, read as READING §12 says), the totals and the
//! paid-leave allowance, the owed amount of a month from its segments.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::{MonthOwed, Note, Replayer, Segment, Totals, PAID_LEAVE, PRESCRIPTION};
use crate::calendar;
use crate::eval::expr::round_cent;

impl Replayer<'_> {
    /// The first pay date not prescribed on the claim date (READING §12).
    pub(super) fn claimable_from(
        &self,
        left_on: Option<NaiveDate>,
        notes: &mut Vec<Note>,
    ) -> Prescription {
        let claim_on = self.settings.claim_on;
        let Some(term) = self.prescription else {
            notes.push(Note {
                month: None,
                en: format!("the rules give no prescription of pay claims on {claim_on} (`{PRESCRIPTION}`): no month is counted as prescribed"),
                fr: format!("les règles ne donnent pas de délai de prescription des salaires au {} (`{PRESCRIPTION}`) : aucun mois n'est compté prescrit", crate::explain::locale::date(claim_on, crate::explain::Lang::Fr)),
            });
            return Prescription::None;
        };
        let back = |day| calendar::sub_duration(day, term).unwrap_or(NaiveDate::MIN);
        match left_on.filter(|ended| *ended < claim_on) {
            None => Prescription::From(back(claim_on)),
            Some(ended) => match calendar::add_duration(ended, term) {
                Some(limit) if claim_on > limit => Prescription::All,
                _ => Prescription::From(back(ended)),
            },
        }
    }

    pub(super) fn totals(&self, months: &[MonthOwed], notes: &mut Vec<Note>) -> Totals {
        let mut totals = Totals::default();
        for m in months {
            match m.shortfall {
                Some(s) => {
                    totals.shortfall += s;
                    if m.claimable {
                        totals.claimable += s;
                    } else {
                        totals.prescribed += s;
                    }
                }
                None if m.employed => totals.unknown_months += 1,
                None => {}
            }
        }
        totals.paid_leave = match self.paid_leave_rate {
            Some(rate) => round_cent(totals.claimable * rate),
            None => {
                notes.push(Note {
                    month: None,
                    en: format!("the rules give no paid-leave rate (`{PAID_LEAVE}`): no allowance is counted"),
                    fr: format!("les règles ne donnent pas de taux de congés payés (`{PAID_LEAVE}`) : aucune indemnité n'est comptée"),
                });
                Decimal::ZERO
            }
        };
        for amount in [
            &mut totals.shortfall,
            &mut totals.claimable,
            &mut totals.prescribed,
            &mut totals.paid_leave,
        ] {
            amount.rescale(2);
        }
        totals
    }
}

/// Which months a claim may still cover.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Prescription {
    /// The rules give no term: all.
    None,
    /// Those whose pay date is on or after this day.
    From(NaiveDate),
    /// None: the claim comes more than the term after the contract ended.
    All,
}

/// Σ minimum × days / days of the month, exact, rounded once half-up to the cent.
pub fn owed(segments: &[Segment], month_days: u32) -> Decimal {
    let weighted: Decimal = segments
        .iter()
        .map(|s| s.minimum * Decimal::from(s.days()))
        .sum();
    let mut owed = round_cent(weighted / Decimal::from(month_days));
    owed.rescale(2);
    owed
}
