//! A JSON array of records, read element by element: its elements are cut from
//! the text as it streams (strings and brackets followed, nothing parsed) and
//! each is read as a JSON line is, by the same readers, so that a million
//! records need not be held as one tree. An element that is not a valid record
//! is rejected with its number; a text whose brackets or commas are broken
//! stops the file there, with its line and column.

use std::io::BufRead;

use super::ReadError;

/// Where an element starts: its number in the array (from 1), its line and column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Element {
    pub number: usize,
    pub line: usize,
    pub column: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    /// After the opening bracket.
    First,
    /// After an element.
    Next,
    Done,
}

/// The elements of an array, in order.
pub(super) struct Elements<'a> {
    input: Box<dyn BufRead + 'a>,
    state: State,
    /// The next byte's line and column (from 1), for messages.
    line: usize,
    column: usize,
    /// Elements cut so far.
    pub count: usize,
}

impl<'a> Elements<'a> {
    /// The elements of the array `input` holds (after whitespace, a `[`).
    pub fn new(input: Box<dyn BufRead + 'a>) -> Result<Self, ReadError> {
        let mut elements = Elements {
            input,
            state: State::First,
            line: 1,
            column: 1,
            count: 0,
        };
        elements.skip_whitespace()?;
        if elements.peek()? != Some(b'[') {
            return Err(ReadError::new(
                "ce n'est pas un tableau JSON",
                "not a JSON array",
            ));
        }
        elements.take();
        Ok(elements)
    }

    fn error(&self, (fr, en): (&str, &str)) -> ReadError {
        ReadError::new(
            format!(
                "ce n'est pas un tableau JSON valide (ligne {}, colonne {}) : {fr} ; les \
                 enregistrements d'avant ont été lus",
                self.line, self.column
            ),
            format!(
                "not a valid JSON array (line {}, column {}): {en}; the records before it were read",
                self.line, self.column
            ),
        )
    }

    fn peek(&mut self) -> Result<Option<u8>, ReadError> {
        loop {
            match self.input.fill_buf() {
                Ok(bytes) => return Ok(bytes.first().copied()),
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(ReadError::io(&e, ("les faits", "the facts"))),
            }
        }
    }

    fn take(&mut self) {
        self.input.consume(1);
        self.column += 1;
    }

    fn skip_whitespace(&mut self) -> Result<(), ReadError> {
        while let Some(b) = self.peek()? {
            match b {
                b'\n' => (self.line, self.column) = (self.line + 1, 0),
                b' ' | b'\t' | b'\r' => {}
                _ => return Ok(()),
            }
            self.take();
        }
        Ok(())
    }

    /// Appends the next element's text to `text`; `None` after the closing
    /// bracket (and nothing but whitespace after it).
    pub fn next(&mut self, text: &mut Vec<u8>) -> Result<Option<Element>, ReadError> {
        if self.state == State::Done {
            return Ok(None);
        }
        self.skip_whitespace()?;
        let next = self.peek()?;
        match (self.state, next) {
            (_, Some(b']')) => return self.end(),
            (State::Next, Some(b',')) => {
                self.take();
                self.skip_whitespace()?;
                if self.peek()? == Some(b']') {
                    return Err(self.error((
                        "un `]` après une virgule : il manque un enregistrement",
                        "a `]` after a comma: a record is missing",
                    )));
                }
            }
            (State::Next, _) => {
                let after = self.count;
                return Err(self.error((
                    &format!("`,` ou `]` attendu après l'enregistrement {after}"),
                    &format!("`,` or `]` expected after record {after}"),
                )));
            }
            _ => {}
        }
        if self.peek()?.is_none() {
            return Err(self.error((
                "le fichier finit dans le tableau",
                "the file ends inside the array",
            )));
        }
        let element = Element {
            number: self.count + 1,
            line: self.line,
            column: self.column,
        };
        self.cut(text)?;
        self.count += 1;
        self.state = State::Next;
        Ok(Some(element))
    }

    /// The closing bracket, then nothing but whitespace.
    fn end(&mut self) -> Result<Option<Element>, ReadError> {
        self.take();
        self.skip_whitespace()?;
        if self.peek()?.is_some() {
            return Err(self.error((
                "du texte suit le `]` qui ferme le tableau",
                "text after the closing `]` of the array",
            )));
        }
        self.state = State::Done;
        Ok(None)
    }

    /// Moves one element's bytes to `text`: up to a `,` or `]` outside any
    /// string or bracket.
    fn cut(&mut self, text: &mut Vec<u8>) -> Result<(), ReadError> {
        let mut open: Vec<u8> = Vec::new();
        let mut in_string = false;
        // A backslash ended the last read: the byte it escapes comes first.
        let mut escaped = false;
        // The element is a whole object, list or string: only a `,` or `]` may follow.
        let mut whole = false;
        loop {
            let available = match self.input.fill_buf() {
                Ok(bytes) => bytes,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(ReadError::io(&e, ("les faits", "the facts"))),
            };
            if available.is_empty() {
                let what = if in_string {
                    (
                        "le fichier finit dans un texte",
                        "the file ends inside a string",
                    )
                } else {
                    (
                        "le fichier finit dans le tableau",
                        "the file ends inside the array",
                    )
                };
                return Err(self.error(what));
            }
            let mut used = 0;
            let mut done = false;
            let mut mismatch = None;
            while used < available.len() {
                let b = available[used];
                if escaped {
                    escaped = false;
                    used += 1;
                    self.column += 1;
                    continue;
                }
                if in_string {
                    // Straight to the next quote, backslash or control character.
                    let skip = crate::json_text::find_special(&available[used..])
                        .unwrap_or(available.len() - used);
                    self.column += skip;
                    used += skip;
                    let Some(&special) = available.get(used) else {
                        break;
                    };
                    match special {
                        b'"' => {
                            in_string = false;
                            whole = open.is_empty();
                        }
                        b'\\' => escaped = true,
                        b'\n' => (self.line, self.column) = (self.line + 1, 0),
                        _ => {}
                    }
                    used += 1;
                    self.column += 1;
                    continue;
                }
                if whole && !matches!(b, b',' | b']' | b' ' | b'\t' | b'\r' | b'\n') {
                    // The element is over; what follows is not a separator, as the
                    // next call says.
                    done = true;
                    break;
                }
                match b {
                    b'"' => in_string = true,
                    b'{' | b'[' => open.push(b),
                    b'}' | b']' => match open.pop() {
                        Some(o) if (o == b'{') == (b == b'}') => whole = open.is_empty(),
                        Some(o) => mismatch = Some((o, b)),
                        None if b == b']' => {
                            done = true;
                            break;
                        }
                        // A stray brace: the element is not valid, and says so when read.
                        None => {}
                    },
                    b',' if open.is_empty() => {
                        done = true;
                        break;
                    }
                    b'\n' => (self.line, self.column) = (self.line + 1, 0),
                    _ => {}
                }
                used += 1;
                self.column += 1;
                if mismatch.is_some() {
                    break;
                }
            }
            text.extend_from_slice(&available[..used]);
            self.input.consume(used);
            if let Some((o, b)) = mismatch {
                self.column -= 1;
                let (o, b) = (char::from(o), char::from(b));
                return Err(self.error((
                    &format!("`{b}` ferme un `{o}`"),
                    &format!("`{b}` closes a `{o}`"),
                )));
            }
            if done {
                return Ok(());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cut_all(text: &str) -> Result<Vec<(String, Element)>, String> {
        // One byte at a time: every read ends somewhere new.
        let input = std::io::BufReader::with_capacity(1, text.as_bytes());
        let mut elements = Elements::new(Box::new(input)).map_err(|e| e.to_string())?;
        let mut out = Vec::new();
        let mut text = Vec::new();
        while let Some(element) = elements.next(&mut text).map_err(|e| e.to_string())? {
            out.push((String::from_utf8(text.clone()).unwrap(), element));
            text.clear();
        }
        Ok(out)
    }

    #[test]
    fn elements_are_cut_at_commas_outside_strings_and_brackets() {
        let text = "[ {\"a\":\"x,]}\\\"\"},\n  {\"b\":[1,{\"c\":2}]} ,3 ]\n";
        let elements = cut_all(text).unwrap();
        let texts: Vec<&str> = elements.iter().map(|(t, _)| t.trim()).collect();
        assert_eq!(
            texts,
            ["{\"a\":\"x,]}\\\"\"}", "{\"b\":[1,{\"c\":2}]}", "3"]
        );
        let places: Vec<(usize, usize, usize)> = elements
            .iter()
            .map(|(_, e)| (e.number, e.line, e.column))
            .collect();
        assert_eq!(places, [(1, 1, 3), (2, 2, 3), (3, 2, 22)]);
        assert_eq!(cut_all("[]").unwrap().len(), 0);
        assert_eq!(cut_all(" [ \n ] ").unwrap().len(), 0);
    }

    #[test]
    fn a_broken_array_stops_where_it_breaks() {
        for (text, expected) in [
            (
                "[{\"a\":1}",
                "line 1, column 9): the file ends inside the array",
            ),
            ("[{\"a\":\"1}]", "the file ends inside a string"),
            ("[{\"a\":1},]", "a `]` after a comma"),
            (
                "[{\"a\":1} {\"b\":2}]",
                "`,` or `]` expected after record 1",
            ),
            ("[{\"a\":[1}]", "line 1, column 9): `}` closes a `[`"),
            ("[{\"a\":1}] x", "text after the closing `]`"),
            ("{}", "not a JSON array"),
        ] {
            let error = cut_all(text).unwrap_err();
            assert!(error.contains(expected), "{text}: {error}");
        }
    }
}
