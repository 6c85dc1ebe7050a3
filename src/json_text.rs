//! Scanning JSON string contents eight bytes at a time: the facts reader looks
//! for a string's end, the decision writer for what it must escape. Both look
//! for the same bytes: a quote, a backslash, a control character.

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGHS: u64 = 0x8080_8080_8080_8080;

/// The high bit of each byte of `word` that is `"`, `\` or below 0x20 (exact
/// for the lowest such byte, which is all that is read of it).
fn specials(word: u64) -> u64 {
    let zero_byte = |v: u64| v.wrapping_sub(ONES) & !v & HIGHS;
    let control = word.wrapping_sub(ONES * 0x20) & !word & HIGHS;
    control
        | zero_byte(word ^ (ONES * u64::from(b'"')))
        | zero_byte(word ^ (ONES * u64::from(b'\\')))
}

fn is_special(b: u8) -> bool {
    b < 0x20 || b == b'"' || b == b'\\'
}

/// Where the first quote, backslash or control character of `bytes` is.
pub(crate) fn find_special(bytes: &[u8]) -> Option<usize> {
    let mut words = bytes.chunks_exact(8);
    let mut offset = 0;
    for word in words.by_ref() {
        let mut eight = [0u8; 8];
        eight.copy_from_slice(word);
        let found = specials(u64::from_le_bytes(eight));
        if found != 0 {
            return Some(offset + (found.trailing_zeros() / 8) as usize);
        }
        offset += 8;
    }
    let rest = words.remainder();
    rest.iter().position(|b| is_special(*b)).map(|i| offset + i)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_first_special_byte_wherever_it_is() {
        for len in 0..24 {
            for at in 0..=len {
                for special in [b'"', b'\\', 0, 0x1f, b'\n'] {
                    for filler in [b'a', b' ', 0x7f, 0x80, 0xff, b'!', b'#', b'[', b']'] {
                        let mut bytes = vec![filler; len];
                        // A later special byte must not hide the first one.
                        if len > 0 {
                            bytes[len - 1] = b'"';
                        }
                        if at < len {
                            bytes[at] = special;
                        }
                        let expected = bytes.iter().position(|b| is_special(*b));
                        assert_eq!(find_special(&bytes), expected, "{bytes:?}");
                    }
                }
            }
        }
    }
}
