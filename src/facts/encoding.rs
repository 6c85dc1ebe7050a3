//! The text encoding of a CSV export: UTF-8, or the single-byte Windows-1252 and
//! Latin-1 that French payroll software still writes.
//!
//! [`Decoder`] turns any of them into UTF-8 as the file streams. Unless forced, the
//! encoding is decided at the first byte outside ASCII: the start of a valid UTF-8
//! sequence means UTF-8 (a later invalid byte rejects its row); anything else means
//! Windows-1252 (everything before was ASCII, the same in both), said in a warning.
//! A file that starts with a UTF-16 byte-order mark (Excel's "Unicode text") is
//! UTF-16, read as such.

use super::read_error::said_io;
use super::Warning;
use crate::catalogue::Said;
use std::cell::RefCell;
use std::io::{self, Read};
use std::rc::Rc;

/// An encoding a facts file may be read in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    /// Latin-1 with printable characters in 0x80–0x9F (€, œ, Œ, ’…); five bytes are undefined.
    Windows1252,
    /// ISO-8859-1: every byte is the code point of the same value.
    Latin1,
}

impl Encoding {
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Utf8 => "UTF-8",
            Encoding::Windows1252 => "Windows-1252",
            Encoding::Latin1 => "Latin-1 (ISO-8859-1)",
        }
    }
}

/// Windows-1252 from 0x80 to 0x9F; `None`: undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D).
const WINDOWS_1252: [Option<char>; 32] = [
    Some('\u{20AC}'), // 0x80 €
    None,             // 0x81
    Some('\u{201A}'), // 0x82 ‚
    Some('\u{0192}'), // 0x83 ƒ
    Some('\u{201E}'), // 0x84 „
    Some('\u{2026}'), // 0x85 …
    Some('\u{2020}'), // 0x86 †
    Some('\u{2021}'), // 0x87 ‡
    Some('\u{02C6}'), // 0x88 ˆ
    Some('\u{2030}'), // 0x89 ‰
    Some('\u{0160}'), // 0x8A Š
    Some('\u{2039}'), // 0x8B ‹
    Some('\u{0152}'), // 0x8C Œ
    None,             // 0x8D
    Some('\u{017D}'), // 0x8E Ž
    None,             // 0x8F
    None,             // 0x90
    Some('\u{2018}'), // 0x91 ‘
    Some('\u{2019}'), // 0x92 ’
    Some('\u{201C}'), // 0x93 “
    Some('\u{201D}'), // 0x94 ”
    Some('\u{2022}'), // 0x95 •
    Some('\u{2013}'), // 0x96 –
    Some('\u{2014}'), // 0x97 —
    Some('\u{02DC}'), // 0x98 ˜
    Some('\u{2122}'), // 0x99 ™
    Some('\u{0161}'), // 0x9A š
    Some('\u{203A}'), // 0x9B ›
    Some('\u{0153}'), // 0x9C œ
    None,             // 0x9D
    Some('\u{017E}'), // 0x9E ž
    Some('\u{0178}'), // 0x9F Ÿ
];

/// The character a single byte stands for; `None` when the encoding leaves it undefined.
pub fn single_byte(encoding: Encoding, byte: u8) -> Option<char> {
    match (encoding, byte) {
        (Encoding::Windows1252, 0x80..=0x9F) => WINDOWS_1252[usize::from(byte - 0x80)],
        _ => Some(char::from(byte)),
    }
}

/// Where the encoding was decided, for the warning.
pub type Detected = Rc<RefCell<Option<Warning>>>;

/// A reader giving UTF-8 from a file in `encoding`, or in the encoding its first
/// non-ASCII byte reveals (`None`).
pub struct Decoder<R> {
    inner: R,
    mode: Option<Encoding>,
    raw: Vec<u8>,
    start: usize,
    eof: bool,
    decoded: Vec<u8>,
    served: usize,
    line: usize,
    column: usize,
    detected: Detected,
    /// UTF-16 (big-endian when true), told by its byte-order mark.
    utf16: Option<bool>,
}

impl<R: Read> Decoder<R> {
    pub fn new(inner: R, encoding: Option<Encoding>, detected: Detected) -> Self {
        Decoder {
            inner,
            mode: encoding,
            raw: Vec::new(),
            start: 0,
            eof: false,
            decoded: Vec::new(),
            served: 0,
            line: 1,
            column: 1,
            detected,
            utf16: None,
        }
    }

    /// A reader giving UTF-8 from UTF-16 (after its byte-order mark).
    pub fn utf16(inner: R, big_endian: bool) -> Self {
        let mut decoder = Decoder::new(inner, Some(Encoding::Utf8), Detected::default());
        decoder.utf16 = Some(big_endian);
        decoder
    }

    /// Decodes the whole UTF-16 units held into `self.decoded` (a pair of
    /// surrogates whole, or left for the next read).
    fn decode_utf16(&mut self, big_endian: bool) -> io::Result<()> {
        self.decoded.clear();
        self.served = 0;
        let unit = |raw: &[u8], at: usize| -> Option<u16> {
            let pair = [*raw.get(at)?, *raw.get(at + 1)?];
            Some(if big_endian {
                u16::from_be_bytes(pair)
            } else {
                u16::from_le_bytes(pair)
            })
        };
        let mut utf8 = [0u8; 4];
        while let Some(first) = unit(&self.raw, self.start) {
            let (c, len) = match first {
                0xD800..=0xDBFF => match unit(&self.raw, self.start + 2) {
                    None => break,
                    Some(second @ 0xDC00..=0xDFFF) => {
                        let code = 0x10000
                            + ((u32::from(first) - 0xD800) << 10)
                            + (u32::from(second) - 0xDC00);
                        (char::from_u32(code), 4)
                    }
                    Some(_) => (None, 2),
                },
                0xDC00..=0xDFFF => (None, 2),
                _ => (char::from_u32(u32::from(first)), 2),
            };
            let Some(c) = c else {
                return Err(self.not_utf16());
            };
            self.decoded
                .extend_from_slice(c.encode_utf8(&mut utf8).as_bytes());
            self.start += len;
            if c == '\n' {
                self.line += 1;
                self.column = 1;
            } else {
                self.column += 1;
            }
        }
        Ok(())
    }

    fn not_utf16(&self) -> io::Error {
        said_io(Said::new(
            format!(
                "ligne {}, colonne {} : le fichier n'est pas du texte UTF-16, bien qu'il \
                 commence par une marque d'ordre des octets UTF-16 (une demi-paire seule, ou un \
                 nombre impair d'octets)",
                self.line, self.column
            ),
            format!(
                "line {}, column {}: the file is not UTF-16 text, although it starts with \
                 a UTF-16 byte-order mark (a surrogate unpaired, or an odd number of bytes)",
                self.line, self.column
            ),
        ))
    }

    /// The next bytes of UTF-8 from a UTF-16 text.
    fn read_utf16(&mut self, out: &mut [u8], big_endian: bool) -> io::Result<usize> {
        loop {
            if self.served < self.decoded.len() {
                let n = out.len().min(self.decoded.len() - self.served);
                out[..n].copy_from_slice(&self.decoded[self.served..self.served + n]);
                self.served += n;
                return Ok(n);
            }
            self.decode_utf16(big_endian)?;
            if self.decoded.is_empty() && !self.refill()? {
                return if self.start < self.raw.len() {
                    Err(self.not_utf16())
                } else {
                    Ok(0)
                };
            }
        }
    }

    /// Reads more raw bytes, keeping those not handed out yet; false at the end.
    fn refill(&mut self) -> io::Result<bool> {
        if self.eof {
            return Ok(false);
        }
        self.raw.drain(..self.start);
        self.start = 0;
        let kept = self.raw.len();
        self.raw.resize(kept + (1 << 16), 0);
        let n = loop {
            match self.inner.read(&mut self.raw[kept..]) {
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                other => break other,
            }
        };
        let n = n.inspect_err(|_| self.raw.truncate(kept))?;
        self.raw.truncate(kept + n);
        self.eof = n == 0;
        Ok(n > 0)
    }

    fn advance(&mut self, byte: u8) {
        if byte == b'\n' {
            self.line += 1;
            self.column = 1;
        } else if byte & 0xC0 != 0x80 {
            self.column += 1;
        }
    }

    /// Decides the encoding at the first non-ASCII byte, `self.raw[self.start]`.
    fn decide(&mut self) -> io::Result<()> {
        let lead = self.raw[self.start];
        let needed = match lead {
            0xC2..=0xDF => 2,
            0xE0..=0xEF => 3,
            0xF0..=0xF4 => 4,
            _ => 0,
        };
        while needed > 0 && self.raw.len() - self.start < needed {
            if !self.refill()? {
                break;
            }
        }
        let end = (self.start + needed).min(self.raw.len());
        let utf8 = needed > 0
            && end - self.start == needed
            && std::str::from_utf8(&self.raw[self.start..end]).is_ok();
        if utf8 {
            self.mode = Some(Encoding::Utf8);
        } else {
            self.mode = Some(Encoding::Windows1252);
            *self.detected.borrow_mut() = Some(Warning::ReadAsWindows1252 {
                byte: lead,
                line: self.line,
                column: self.column,
            });
        }
        Ok(())
    }

    /// Decodes the raw bytes held into `self.decoded`.
    fn decode(&mut self, encoding: Encoding) -> io::Result<()> {
        self.decoded.clear();
        self.served = 0;
        let mut utf8 = [0u8; 4];
        while self.start < self.raw.len() {
            let byte = self.raw[self.start];
            let Some(c) = single_byte(encoding, byte) else {
                let (line, column, name) = (self.line, self.column, encoding.name());
                return Err(said_io(Said::new(
                    format!(
                        "ligne {line}, colonne {column} : l'octet 0x{byte:02X} n'est pas un \
                         caractère en {name}"
                    ),
                    format!(
                        "line {line}, column {column}: byte 0x{byte:02X} is not a character in {name}"
                    ),
                )));
            };
            self.decoded
                .extend_from_slice(c.encode_utf8(&mut utf8).as_bytes());
            self.start += 1;
            if byte == b'\n' {
                self.line += 1;
                self.column = 1;
            } else {
                self.column += 1;
            }
        }
        Ok(())
    }
}

impl<R: Read> Read for Decoder<R> {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        if let Some(big_endian) = self.utf16 {
            return self.read_utf16(out, big_endian);
        }
        loop {
            if self.served < self.decoded.len() {
                let n = out.len().min(self.decoded.len() - self.served);
                out[..n].copy_from_slice(&self.decoded[self.served..self.served + n]);
                self.served += n;
                return Ok(n);
            }
            if self.start == self.raw.len() && !self.refill()? {
                return Ok(0);
            }
            let held = &self.raw[self.start..];
            match self.mode {
                Some(Encoding::Utf8) => {
                    let n = out.len().min(held.len());
                    out[..n].copy_from_slice(&held[..n]);
                    self.start += n;
                    return Ok(n);
                }
                Some(single) => self.decode(single)?,
                None => {
                    let ascii = held.iter().take_while(|b| b.is_ascii()).count();
                    if ascii == 0 {
                        self.decide()?;
                        continue;
                    }
                    let n = out.len().min(ascii);
                    out[..n].copy_from_slice(&held[..n]);
                    for i in 0..n {
                        let byte = self.raw[self.start + i];
                        self.advance(byte);
                    }
                    self.start += n;
                    return Ok(n);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decode(bytes: &[u8], encoding: Option<Encoding>) -> (io::Result<String>, Option<String>) {
        let detected = Detected::default();
        let mut text = String::new();
        let result = Decoder::new(bytes, encoding, detected.clone())
            .read_to_string(&mut text)
            .map(|_| text);
        let note = detected.borrow().as_ref().map(ToString::to_string);
        (result, note)
    }

    #[test]
    fn windows_1252_is_detected_at_the_first_byte_outside_ascii() {
        let (text, note) = decode(b"id;job\nE1;T\xE9l\xE9conseill\xE8re \x80\n", None);
        assert_eq!(text.unwrap(), "id;job\nE1;Téléconseillère €\n");
        let note = note.unwrap();
        assert!(note.contains("line 2, column 5"), "{note}");
        assert!(note.contains("Windows-1252"), "{note}");
    }

    #[test]
    fn utf8_is_kept_and_latin1_may_be_forced() {
        let (text, note) = decode("é€".as_bytes(), None);
        assert_eq!((text.unwrap().as_str(), note), ("é€", None));
        let (text, _) = decode(b"\xE9\x80", Some(Encoding::Latin1));
        assert_eq!(text.unwrap(), "é\u{80}");
    }

    #[test]
    fn undefined_windows_1252_bytes_are_refused_with_their_place() {
        for byte in [0x81u8, 0x8D, 0x8F, 0x90, 0x9D] {
            let (text, _) = decode(&[b'a', b'\n', b'b', byte], Some(Encoding::Windows1252));
            let error = text.unwrap_err().to_string();
            assert!(error.contains("line 2, column 2"), "{error}");
        }
    }

    #[test]
    fn utf16_is_read_in_both_byte_orders_even_split_across_reads() {
        let text = "id\tjob\nE1\tTéléconseillère 𝄞\n";
        for big_endian in [false, true] {
            let bytes: Vec<u8> = text
                .encode_utf16()
                .flat_map(|u| {
                    if big_endian {
                        u.to_be_bytes()
                    } else {
                        u.to_le_bytes()
                    }
                })
                .collect();
            let mut decoded = String::new();
            Decoder::utf16(Trickle(&bytes), big_endian)
                .read_to_string(&mut decoded)
                .unwrap();
            assert_eq!(decoded, text);
        }
        let mut decoded = String::new();
        let error = Decoder::utf16(&b"a\0\n\0\x00\xD8b\0"[..], false)
            .read_to_string(&mut decoded)
            .unwrap_err();
        assert!(error.to_string().contains("line 2, column 1"), "{error}");
        let odd = Decoder::utf16(&b"a\0b"[..], false).read_to_string(&mut decoded);
        assert!(odd.is_err());
    }

    /// A reader handing out one byte at a time.
    struct Trickle<'a>(&'a [u8]);

    impl Read for Trickle<'_> {
        fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
            let Some((first, rest)) = self.0.split_first() else {
                return Ok(0);
            };
            out[0] = *first;
            self.0 = rest;
            Ok(1)
        }
    }

    #[test]
    fn a_utf8_sequence_split_across_reads_is_still_utf8() {
        let detected = Detected::default();
        let mut text = String::new();
        Decoder::new(Trickle("aé€".as_bytes()), None, detected.clone())
            .read_to_string(&mut text)
            .unwrap();
        assert_eq!((text.as_str(), detected.borrow().clone()), ("aé€", None));
    }
}
