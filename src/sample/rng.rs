//! The random draws: a small generator, the same on every platform, and
//! weighted choices.

/// SplitMix64 (Steele, Lea, Flood 2014): tiny, fast, and the same on every platform.
#[derive(Debug, Clone)]
pub(super) struct Rng(u64);

impl Rng {
    /// A stream of its own for each record, so that a record depends only on
    /// the seed and its index.
    pub(super) fn for_record(seed: u64, index: u64) -> Rng {
        Rng(mix(seed ^ mix(index.wrapping_add(0x9E37_79B9_7F4A_7C15))))
    }

    pub(super) fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        mix(self.0)
    }

    /// Uniform in `0..n` (Lemire's multiply-shift; the bias, below 2⁻³², is immaterial here).
    pub(super) fn below(&mut self, n: u64) -> u64 {
        ((u128::from(self.next()) * u128::from(n)) >> 64) as u64
    }

    /// Uniform in `low..=high`.
    pub(super) fn between(&mut self, low: u64, high: u64) -> u64 {
        low + self.below(high - low + 1)
    }

    pub(super) fn chance(&mut self, per_mille: u64) -> bool {
        self.below(1000) < per_mille
    }
}

fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// Items drawn in proportion to their weights.
pub(super) struct Weighted<T> {
    items: Vec<T>,
    /// Running totals of the weights.
    cumulative: Vec<u64>,
}

impl<T> Weighted<T> {
    pub(super) fn new(pairs: impl IntoIterator<Item = (T, u64)>) -> Self {
        let (mut items, mut cumulative, mut total) = (Vec::new(), Vec::new(), 0u64);
        for (item, weight) in pairs.into_iter().filter(|(_, w)| *w > 0) {
            total += weight;
            items.push(item);
            cumulative.push(total);
        }
        Weighted { items, cumulative }
    }

    pub(super) fn pick_opt(&self, rng: &mut Rng) -> Option<&T> {
        let total = *self.cumulative.last()?;
        let x = rng.below(total);
        Some(&self.items[self.cumulative.partition_point(|c| *c <= x)])
    }

    /// For a list the setup guarantees is not empty.
    #[allow(clippy::expect_used)] // `Generator::new` refuses rules that leave a list empty.
    pub(super) fn pick(&self, rng: &mut Rng) -> &T {
        self.pick_opt(rng).expect("a non-empty list")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    pub(super) fn the_generator_is_the_same_on_every_platform() {
        // SplitMix64's published first outputs for seed 0 (state incremented first).
        let mut rng = Rng(0);
        assert_eq!(rng.next(), 0xE220_A839_7B1D_CDAF);
        assert_eq!(rng.next(), 0x6E78_9E6A_A1B9_65F4);
    }
}
