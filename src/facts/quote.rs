//! Values quoted in messages, bounded: a rejection quotes what it refuses, and a
//! value can be a megabyte long. A message a person reads quotes the start of
//! such a value, cut on a character boundary, with an ellipsis and its length.

use std::borrow::Cow;

/// The characters of a value quoted in a message, at most.
pub const QUOTED_CHARS: usize = 80;

/// The characters of a message's own text between two quoted values, at most:
/// far more than any message writes, so that only a value holding a backquote,
/// which pairs the quotes wrongly, is ever cut there.
const TEXT_CHARS: usize = 400;

/// `text`, or its first `max` characters when longer; whether it was cut.
fn cut(text: &str, max: usize) -> (&str, bool) {
    match text.char_indices().nth(max) {
        Some((end, _)) => (&text[..end], true),
        None => (text, false),
    }
}

/// A value as a message quotes it: whole when short, else its start, `…` and its
/// length in bytes.
pub fn short(text: &str) -> Cow<'_, str> {
    match cut(text, QUOTED_CHARS) {
        (_, false) => Cow::Borrowed(text),
        (start, true) => Cow::Owned(format!("{start}… ({} bytes)", text.len())),
    }
}

/// A message whose quoted values (between backquotes) are bounded as [`short`]
/// bounds them, the length given after the closing quote. A message no longer
/// than a quoted value may be is left as it is, without a scan.
pub fn bound_message(message: String) -> String {
    if message.len() <= QUOTED_CHARS {
        return message;
    }
    let parts: Vec<&str> = message.split('`').collect();
    let quoted = |i: usize| i % 2 == 1 && i + 1 < parts.len();
    let max = |i: usize| if quoted(i) { QUOTED_CHARS } else { TEXT_CHARS };
    if parts.iter().enumerate().all(|(i, p)| p.len() <= max(i)) {
        return message;
    }
    let mut out = String::with_capacity(QUOTED_CHARS * 4);
    // The length of a value cut, written after its closing quote.
    let mut length = None;
    for (i, part) in parts.iter().enumerate() {
        if i > 0 {
            out.push('`');
        }
        if let Some(n) = length.take() {
            out.push_str(&format!(" ({n} bytes)"));
        }
        let (start, was_cut) = cut(part, max(i));
        out.push_str(start);
        if was_cut {
            out.push('…');
            if quoted(i) {
                length = Some(part.len());
            } else {
                out.push_str(&format!(" ({} bytes)", part.len()));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_value_is_quoted_by_its_start_and_length() {
        let value = "é".repeat(500_000);
        let message = format!("the rule set has no job named `{value}`; did you mean `a`?");
        let bounded = bound_message(message);
        let expected = format!(
            "the rule set has no job named `{}…` (1000000 bytes); did you mean `a`?",
            "é".repeat(QUOTED_CHARS)
        );
        assert_eq!(bounded, expected);
        let short_one = "the id `a` was already used".to_string();
        assert_eq!(bound_message(short_one.clone()), short_one);
        assert_eq!(short("abc"), "abc");
        assert!(short(&value).ends_with("… (1000000 bytes)"));
    }

    #[test]
    fn every_long_value_of_a_message_is_bounded() {
        let a = "a".repeat(1000);
        let b = "b".repeat(1000);
        let bounded = bound_message(format!("`{a}` and `{b}` and {a}"));
        assert!(bounded.len() < 700, "{bounded}");
        assert_eq!(bounded.matches('`').count(), 4, "{bounded}");
        assert!(bounded.contains("…` (1000 bytes) and `b"), "{bounded}");
        // The text outside quotes, " and " and the 1000 a's, is cut too.
        assert!(bounded.ends_with("… (1005 bytes)"), "{bounded}");
    }
}
