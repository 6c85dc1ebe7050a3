//! Matching of names as people write them: case, accents, spaces, hyphens and
//! apostrophes do not matter ("Téléconseillère" = "teleconseillere").

/// The form under which names are compared.
pub fn normalize(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    normalized_chars(name, |c| out.push(c));
    out
}

/// Room for the normalised names people write; longer ones take a `String`.
const INLINE_NAME: usize = 128;

/// Calls `found` with the normalised form of `name`. Names are resolved once or
/// more per employee: the common ones are normalised on the stack, not the heap.
pub fn with_normalized<R>(name: &str, found: impl FnOnce(&str) -> R) -> R {
    let mut buffer = [0u8; INLINE_NAME];
    match normalize_into(name, &mut buffer) {
        Some(normalized) => found(normalized),
        None => found(&normalize(name)),
    }
}

/// The normalised form of `name` in `buffer`; `None` when it does not fit.
fn normalize_into<'b>(name: &str, buffer: &'b mut [u8]) -> Option<&'b str> {
    let mut len = 0;
    let mut fits = true;
    normalized_chars(name, |c| {
        let end = len + c.len_utf8();
        match buffer.get_mut(len..end) {
            Some(room) if fits => {
                c.encode_utf8(room);
                len = end;
            }
            _ => fits = false,
        }
    });
    if !fits {
        return None;
    }
    std::str::from_utf8(buffer.get(..len)?).ok()
}

/// Gives `emit` the characters of the normalised form, in order.
fn normalized_chars(name: &str, mut emit: impl FnMut(char)) {
    for c in name.chars() {
        if matches!(
            c,
            ' ' | '-' | '\'' | '’' | '‘' | '_' | '\u{A0}' | '\t' | '‐' | '–'
        ) {
            continue;
        }
        if c.is_ascii() {
            // The common case, without the general lowercase machinery.
            emit(c.to_ascii_lowercase());
            continue;
        }
        match fold(c) {
            Some(s) => s.chars().for_each(&mut emit),
            None => c.to_lowercase().for_each(&mut emit),
        }
    }
}

/// The unaccented lowercase form of the accented Latin letters French and its
/// neighbours use.
fn fold(c: char) -> Option<&'static str> {
    Some(match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' => "a",
        'æ' | 'Æ' => "ae",
        'ç' | 'Ç' => "c",
        'è' | 'é' | 'ê' | 'ë' | 'È' | 'É' | 'Ê' | 'Ë' => "e",
        'ì' | 'í' | 'î' | 'ï' | 'Ì' | 'Í' | 'Î' | 'Ï' => "i",
        'ñ' | 'Ñ' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' => "o",
        'œ' | 'Œ' => "oe",
        'ù' | 'ú' | 'û' | 'ü' | 'Ù' | 'Ú' | 'Û' | 'Ü' => "u",
        'ý' | 'ÿ' | 'Ý' | 'Ÿ' => "y",
        _ => return None,
    })
}

/// A map keyed by names, hashed quickly: job names are looked up once per
/// employee, and the keys come from the rule file, not from an adversary.
pub type NameMap<V> =
    std::collections::HashMap<String, V, std::hash::BuildHasherDefault<FastHasher>>;

/// The multiply-rotate hash of rustc's FxHash, with a final mix: a few cycles per word.
#[derive(Default, Clone, Copy)]
pub struct FastHasher(u64);

impl FastHasher {
    const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;

    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(Self::K);
    }
}

impl std::hash::Hasher for FastHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let word = u64::from_le_bytes([
                chunk[0], chunk[1], chunk[2], chunk[3], chunk[4], chunk[5], chunk[6], chunk[7],
            ]);
            self.add(word);
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            // The tail in one word, not a multiply per byte (a job name ends in up
            // to 7 of them); its length in the top byte keeps "a" apart from "a\0".
            let mut word = [0u8; 8];
            word[..rest.len()].copy_from_slice(rest);
            word[7] = rest.len() as u8;
            self.add(u64::from_le_bytes(word));
        }
    }

    fn write_u8(&mut self, byte: u8) {
        // `str` hashes end with a 0xff byte: one step, not the slice path.
        self.add(u64::from(byte));
    }

    fn finish(&self) -> u64 {
        // The multiply leaves the low bits to the first bytes only (ids sharing a
        // prefix would share buckets): mix the high bits down, as MurmurHash3 does.
        let mut h = self.0;
        h ^= h >> 33;
        h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
        h ^= h >> 33;
        h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
        h ^ (h >> 33)
    }
}

/// The candidates closest to `wanted`, for "did you mean" hints.
pub fn closest<'a>(wanted: &str, candidates: impl IntoIterator<Item = &'a str>) -> Vec<&'a str> {
    let wanted = normalize(wanted);
    let mut scored: Vec<(usize, &str)> = candidates
        .into_iter()
        .map(|c| (edit_distance(&wanted, &normalize(c)), c))
        .filter(|(d, c)| *d <= (normalize(c).chars().count() / 3).max(2))
        .collect();
    scored.sort();
    scored.dedup_by(|a, b| a.1 == b.1);
    scored.into_iter().take(3).map(|(_, c)| c).collect()
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (above + 1)
                .min(row[j] + 1)
                .min(diagonal + usize::from(ca != *cb));
            diagonal = above;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ignores_case_accents_spaces_hyphens_apostrophes() {
        assert_eq!(normalize("Téléconseillère"), "teleconseillere");
        assert_eq!(normalize("Chargé  de-clientèle"), "chargedeclientele");
        assert_eq!(normalize("Responsable d’équipe"), "responsabledequipe");
        assert_eq!(normalize("CHEF DE PROJET"), "chefdeprojet");
        assert_ne!(normalize("bac+2"), normalize("bac+3"));
    }

    #[test]
    fn normalizes_on_the_stack_as_on_the_heap() {
        let long = "Très-long nom d’emploi ".repeat(20);
        for name in [
            "Téléconseillère",
            "CHEF DE PROJET",
            "Œuvre",
            "İstanbul",
            "",
            &long,
        ] {
            assert_eq!(
                with_normalized(name, str::to_string),
                normalize(name),
                "{name}"
            );
        }
    }

    #[test]
    fn ids_sharing_a_prefix_spread_over_buckets() {
        use std::hash::{BuildHasher, BuildHasherDefault};
        let build = BuildHasherDefault::<FastHasher>::default();
        let low_bits: std::collections::HashSet<u64> = (0..1000)
            .map(|i| build.hash_one(format!("S{i:07}")) & 1023)
            .collect();
        // A hash that left the low bits to the shared prefix would give a handful.
        assert!(low_bits.len() > 500, "{}", low_bits.len());
    }

    #[test]
    fn closest_finds_misspellings() {
        let names = ["superviseur", "formateur", "conseiller-clientele"];
        assert_eq!(closest("supervisuer", names), vec!["superviseur"]);
        assert!(closest("zzz", names).is_empty());
    }
}
