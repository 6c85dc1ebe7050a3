//! The employer-contribution estimate (`--set-cost taux_charges=RATE`) per job
//! and per band. Each part is the group's amount times the rate, to the cent;
//! rounding each part on its own could leave the parts a few cents off the
//! total shown, so the cents are handed out by largest remainder: every part
//! is within a cent of its exact value and the parts add up to the total.

use std::collections::BTreeMap;

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::{Decimal, RoundingStrategy};

use super::impact::Group;

/// The estimate on an amount, as the totals show it: to the cent.
pub fn on_total(amount: Decimal, rate: Decimal) -> Decimal {
    (amount * rate).round_dp(2)
}

/// `rate × part` for each part, to the cent, adding up to
/// `on_total(Σ parts, rate)`.
pub fn apportion(parts: &[Decimal], rate: Decimal) -> Vec<Decimal> {
    let cent = Decimal::new(1, 2);
    let exact: Vec<Decimal> = parts.iter().map(|p| p * rate).collect();
    let mut shares: Vec<Decimal> = exact
        .iter()
        .map(|e| e.round_dp_with_strategy(2, RoundingStrategy::ToNegativeInfinity))
        .collect();
    let target = on_total(parts.iter().sum(), rate);
    let missing = ((target - shares.iter().sum::<Decimal>()) / cent).round();
    let mut by_remainder: Vec<usize> = (0..parts.len()).collect();
    // Largest remainder first; at equal remainders, the earlier part.
    by_remainder.sort_by(|&a, &b| (exact[b] - shares[b]).cmp(&(exact[a] - shares[a])));
    let missing = missing.to_usize().unwrap_or(0);
    for &i in by_remainder.iter().cycle().take(missing) {
        shares[i] += cent;
    }
    shares
}

/// The estimate of each group, in the map's order: on (a) the change of the
/// minima owed and on (b) the payroll raise, monthly.
pub fn by_group(groups: &BTreeMap<Option<&str>, Group>, rate: Decimal) -> Vec<[Decimal; 2]> {
    let minima: Vec<Decimal> = groups.values().map(|g| g.mass.difference()).collect();
    let raises: Vec<Decimal> = groups
        .values()
        .map(|g| g.below_new_minimum.monthly)
        .collect();
    apportion(&minima, rate)
        .into_iter()
        .zip(apportion(&raises, rate))
        .map(|(a, b)| [a, b])
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn the_parts_add_up_to_the_rounded_total() {
        // 4 × 0.01 × 0.5 = 0.02; each part, 0.005, floors to 0.00 and the two
        // missing cents go to the first two (equal remainders).
        let parts = [d("0.01"), d("0.01"), d("0.01"), d("0.01")];
        let shares = apportion(&parts, d("0.5"));
        assert_eq!(shares, [d("0.01"), d("0.01"), d("0.00"), d("0.00")]);
        // -0.005 floors toward −∞ to -0.01 (remainder 0.005), 0.015 to 0.01
        // (0.005), 5.000 stays; Σ floors 5.00, total 10.02 × 0.5 = 5.01: the
        // missing cent goes to the earlier of the equal remainders.
        let parts = [d("-0.01"), d("10.00"), d("0.03")];
        let shares = apportion(&parts, d("0.5"));
        assert_eq!(
            shares.iter().sum::<Decimal>(),
            on_total(d("10.02"), d("0.5"))
        );
        assert_eq!(shares, [d("0.00"), d("5.00"), d("0.01")]);
    }
}
