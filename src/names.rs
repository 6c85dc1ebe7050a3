//! Matching of names as people write them: case, accents, spaces, hyphens and
//! apostrophes do not matter ("Téléconseillère" = "teleconseillere").

mod index;
pub use index::NameIndex;

/// The form under which names are compared.
pub fn normalize(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    normalized_chars(name, |c| out.push(c));
    out
}

/// Other spellings of a declared name that payroll exports commonly give: in
/// capitals, in lower case, without accents, or both. Indexed with what the
/// full lookup gives each, they spare normalising most names given.
pub fn spellings(name: &str) -> Vec<String> {
    let unaccented: String = name
        .chars()
        .flat_map(|c| match fold(c) {
            Some(plain) if c.is_uppercase() => plain.to_uppercase().chars().collect(),
            Some(plain) => plain.chars().collect(),
            None => vec![c],
        })
        .collect();
    let mut all = vec![
        name.to_uppercase(),
        name.to_lowercase(),
        unaccented.to_uppercase(),
        unaccented.to_lowercase(),
        unaccented,
    ];
    all.retain(|s| s != name);
    all.sort();
    all.dedup();
    all
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
/// ASCII, most of any name, goes byte by byte through a table; other
/// characters through [`normalized_char`], as [`normalize`] does.
fn normalize_into<'b>(name: &str, buffer: &'b mut [u8]) -> Option<&'b str> {
    let bytes = name.as_bytes();
    let mut len = 0;
    let mut at = 0;
    while let Some(&byte) = bytes.get(at) {
        if byte.is_ascii() {
            let folded = ASCII_FOLDED[usize::from(byte)];
            if folded != DROPPED {
                *buffer.get_mut(len)? = folded;
                len += 1;
            }
            at += 1;
            continue;
        }
        let c = name.get(at..)?.chars().next()?;
        at += c.len_utf8();
        let mut fits = true;
        normalized_char(c, &mut |c| {
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
    }
    std::str::from_utf8(buffer.get(..len)?).ok()
}

/// Marks the ASCII characters a normalised name leaves out.
const DROPPED: u8 = 0xff;

/// Each ASCII character's normalised form, as [`normalized_char`] gives it.
const ASCII_FOLDED: [u8; 128] = {
    let mut table = [0u8; 128];
    let mut byte = 0;
    while byte < 128 {
        table[byte] = match byte as u8 {
            b' ' | b'-' | b'\'' | b'_' | b'\t' => DROPPED,
            b => b.to_ascii_lowercase(),
        };
        byte += 1;
    }
    table
};

/// Gives `emit` the characters of the normalised form, in order.
fn normalized_chars(name: &str, mut emit: impl FnMut(char)) {
    for c in name.chars() {
        normalized_char(c, &mut emit);
    }
}

/// The normalised form of one character: none, itself lowercased, or unaccented.
fn normalized_char(c: char, emit: &mut impl FnMut(char)) {
    if matches!(
        c,
        ' ' | '-' | '\'' | '’' | '‘' | '_' | '\u{A0}' | '\t' | '‐' | '–'
    ) {
        return;
    }
    if c.is_ascii() {
        // The common case, without the general lowercase machinery.
        emit(c.to_ascii_lowercase());
        return;
    }
    match fold(c) {
        Some(s) => s.chars().for_each(emit),
        None => c.to_lowercase().for_each(emit),
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
///
/// A candidate is close when its edit distance is at most a third of its length
/// (two at least). The distance is at least the difference of the lengths, so a
/// candidate whose length is too far from the wanted name's is not compared, and
/// only so much of the wanted name is normalised: the search costs the same for a
/// name of a megabyte as for one of a hundred characters.
pub fn closest<'a>(wanted: &str, candidates: impl IntoIterator<Item = &'a str>) -> Vec<&'a str> {
    let candidates: Vec<(&str, String)> =
        candidates.into_iter().map(|c| (c, normalize(c))).collect();
    let longest = candidates
        .iter()
        .map(|(_, n)| n.chars().count())
        .max()
        .unwrap_or(0);
    // Past this many characters, no candidate can be close.
    let enough = longest + (longest / 3).max(2) + 1;
    let mut wanted_chars = Vec::with_capacity(enough.min(wanted.len()));
    normalized_chars_while(wanted, |c| {
        wanted_chars.push(c);
        wanted_chars.len() < enough
    });
    let mut scored: Vec<(usize, &str)> = Vec::new();
    for (c, normalized) in &candidates {
        let chars: Vec<char> = normalized.chars().collect();
        let allowed = (chars.len() / 3).max(2);
        if wanted_chars.len().abs_diff(chars.len()) > allowed {
            continue;
        }
        let d = edit_distance(&wanted_chars, &chars);
        if d <= allowed {
            scored.push((d, c));
        }
    }
    scored.sort();
    scored.dedup_by(|a, b| a.1 == b.1);
    scored.into_iter().take(3).map(|(_, c)| c).collect()
}

/// Gives `emit` the characters of the normalised form while it asks for more.
fn normalized_chars_while(name: &str, mut emit: impl FnMut(char) -> bool) {
    let mut more = true;
    for c in name.chars() {
        normalized_char(c, &mut |c| {
            if more {
                more = emit(c);
            }
        });
        if !more {
            return;
        }
    }
}

fn edit_distance(a: &[char], b: &[char]) -> usize {
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (above + 1)
                .min(row[j] + 1)
                .min(diagonal + usize::from(ca != cb));
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
    fn the_ascii_table_agrees_with_the_general_rule() {
        // Every character up to the Latin Extended blocks, alone and between
        // ASCII letters, on the stack as on the heap.
        for code in 0..0x0250 {
            let Some(c) = char::from_u32(code) else {
                continue;
            };
            for name in [c.to_string(), format!("A{c}b"), format!("{c}{c}É")] {
                let mut general = String::new();
                normalized_chars(&name, |c| general.push(c));
                assert_eq!(with_normalized(&name, str::to_string), general, "{code:#x}");
            }
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
        let names = ["controleur", "cuisinier", "agent-accueil"];
        assert_eq!(closest("controelur", names), vec!["controleur"]);
        assert!(closest("zzz", names).is_empty());
        // Within a third of the candidate's length (10: 3), counted in characters.
        assert_eq!(closest("Controleurxxx", names), vec!["controleur"]);
        assert!(closest("Controleurxxxx", names).is_empty());
    }

    #[test]
    fn a_long_name_costs_no_more_than_a_short_one() {
        // Normalising and comparing a megabyte with each candidate took about a
        // second; only a few characters of it are read now. Counted, not timed:
        // the characters the search asks for stop at the longest candidate's
        // length plus what a close one may differ by.
        let long = "superviseur".repeat(100_000);
        let mut asked = 0;
        normalized_chars_while(&long, |_| {
            asked += 1;
            asked < 20
        });
        assert_eq!(asked, 20);
        let names = ["superviseur", "formateur"];
        let start = std::time::Instant::now();
        assert!(closest(&long, names).is_empty());
        assert!(closest(&format!("superviseu{long}"), names).is_empty());
        // A generous bound, far below the second the unbounded search took.
        assert!(start.elapsed() < std::time::Duration::from_millis(200));
    }
}
