//! A strict RFC 8259 parser (what `JSON.parse` accepts), iterative over bytes with a depth limit.

use crate::prelude::*;

use super::Number;
use super::Value;
use crate::text::int;

/// Deeper nesting than any App API response; hostile input stops here instead of the stack.
pub const MAX_DEPTH: usize = 128;

/// Over thirty times the largest App API response (a 100-device page is about 30 KB). Linear
/// memory never shrinks, so what one text may cost is what the module keeps: bigger texts are
/// refused before parsing.
pub const MAX_TEXT_BYTES: usize = 1 << 20;

/// Values (scalars and containers) in one text: over ten times a 100-device page (about 1,300).
/// A text of tiny values (`[1,1,…]`) builds a tree of 32 bytes a value and more, so this, not
/// the text's size, bounds what parsing it costs (README, Reliability).
pub const MAX_VALUES: usize = 20_000;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum JsonError {
    /// The text stopped in the middle of a value: typically a truncated body.
    UnexpectedEnd,
    /// Something that is not JSON at this byte offset.
    Syntax {
        offset: usize,
    },
    TooDeep,
    /// Longer than [`MAX_TEXT_BYTES`], or more than [`MAX_VALUES`] values.
    TooLarge,
    /// `\uD800`-style escapes that do not form a pair; Rust strings cannot hold them.
    LoneSurrogate {
        offset: usize,
    },
}

impl JsonError {
    /// What went wrong, for messages.
    pub fn describe(&self) -> String {
        let at = |what: &str, offset: usize| [what, &int(offset as i64)].concat();
        match self {
            JsonError::UnexpectedEnd => "unexpected end of JSON text".into(),
            JsonError::Syntax { offset } => at("invalid JSON at byte ", *offset),
            JsonError::TooDeep => [
                "JSON nested deeper than ",
                &int(MAX_DEPTH as i64),
                " levels",
            ]
            .concat(),
            JsonError::TooLarge => [
                "JSON text longer than ",
                &int(MAX_TEXT_BYTES as i64),
                " bytes or of more than ",
                &int(MAX_VALUES as i64),
                " values",
            ]
            .concat(),
            JsonError::LoneSurrogate { offset } => {
                at("unpaired UTF-16 surrogate escape at byte ", *offset)
            }
        }
    }
}

impl core::fmt::Display for JsonError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(&self.describe())
    }
}

/// What to do with an escaped unpaired surrogate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LoneSurrogates {
    /// Request parameters: they cannot be signed as UTF-8, so refuse them.
    Reject,
    /// Responses: keep the rest of the text, as U+FFFD.
    Replace,
}

pub fn parse(text: &str, lone: LoneSurrogates) -> Result<Value, JsonError> {
    parse_with_member_spans(text, lone).map(|(value, _)| value)
}

/// Also gives, when the text is an object, the byte range of each of its members' values, in
/// the order of its entries: where a member lies in the text, without a second scan.
pub fn parse_with_member_spans(
    text: &str,
    lone: LoneSurrogates,
) -> Result<(Value, Vec<(usize, usize)>), JsonError> {
    if text.len() > MAX_TEXT_BYTES {
        return Err(JsonError::TooLarge);
    }
    let mut p = Parser {
        bytes: text.as_bytes(),
        text,
        pos: 0,
        values: 0,
        lone,
        member_spans: Vec::new(),
    };
    let value = p.value()?;
    p.skip_ws();
    if p.pos < p.bytes.len() {
        return Err(JsonError::Syntax { offset: p.pos });
    }
    Ok((value, p.member_spans))
}

struct Parser<'a> {
    bytes: &'a [u8],
    text: &'a str,
    pos: usize,
    /// Values started so far, against [`MAX_VALUES`].
    values: usize,
    lone: LoneSurrogates,
    /// Value ranges of the top-level object's members.
    member_spans: Vec<(usize, usize)>,
}

/// A container being filled while the parser walks into its children.
enum Frame {
    Array(Vec<Value>),
    Object(Vec<(String, Value)>, String),
}

impl Parser<'_> {
    #[inline(always)]
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    #[inline(always)]
    fn skip_ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.pos += 1;
        }
    }

    fn fail<T>(&self) -> Result<T, JsonError> {
        if self.pos >= self.bytes.len() {
            Err(JsonError::UnexpectedEnd)
        } else {
            Err(JsonError::Syntax { offset: self.pos })
        }
    }

    fn expect(&mut self, b: u8) -> Result<(), JsonError> {
        self.skip_ws();
        if self.peek() == Some(b) {
            self.pos += 1;
            Ok(())
        } else {
            self.fail()
        }
    }

    /// Parses one value without recursion: containers are kept on an explicit stack.
    fn value(&mut self) -> Result<Value, JsonError> {
        let mut stack: Vec<Frame> = Vec::new();
        let mut member_start = 0;
        loop {
            // Read a value start: either a scalar or the opening of a container.
            self.values += 1;
            if self.values > MAX_VALUES {
                return Err(JsonError::TooLarge);
            }
            self.skip_ws();
            if stack.len() == 1 {
                member_start = self.pos;
            }
            let mut done = match self.peek() {
                Some(b'[') => {
                    self.pos += 1;
                    self.skip_ws();
                    if self.peek() == Some(b']') {
                        self.pos += 1;
                        Value::Array(Vec::new())
                    } else {
                        push_frame(&mut stack, Frame::Array(Vec::new()))?;
                        continue;
                    }
                }
                Some(b'{') => {
                    self.pos += 1;
                    self.skip_ws();
                    if self.peek() == Some(b'}') {
                        self.pos += 1;
                        Value::Object(Vec::new())
                    } else {
                        let key = self.key()?;
                        push_frame(&mut stack, Frame::Object(Vec::new(), key))?;
                        continue;
                    }
                }
                _ => self.scalar()?,
            };
            // Hand the finished value to its container; close containers that end here.
            loop {
                if stack.len() == 1 && matches!(stack.first(), Some(Frame::Object(..))) {
                    self.member_spans.push((member_start, self.pos));
                }
                let Some(frame) = stack.last_mut() else {
                    return Ok(done);
                };
                self.skip_ws();
                let next = self.peek();
                match frame {
                    Frame::Array(items) => {
                        items.push(done);
                        match next {
                            Some(b',') => {
                                self.pos += 1;
                                break;
                            }
                            Some(b']') => self.pos += 1,
                            _ => return self.fail(),
                        }
                    }
                    Frame::Object(entries, key) => {
                        entries.push((core::mem::take(key), done));
                        match next {
                            Some(b',') => {
                                self.pos += 1;
                                self.skip_ws();
                                *key = self.key()?;
                                break;
                            }
                            Some(b'}') => self.pos += 1,
                            _ => return self.fail(),
                        }
                    }
                }
                done = match stack.pop() {
                    Some(Frame::Array(items)) => Value::Array(items),
                    Some(Frame::Object(entries, _)) => Value::Object(entries),
                    None => return self.fail(),
                };
            }
        }
    }

    /// `"key" :`
    fn key(&mut self) -> Result<String, JsonError> {
        if self.peek() != Some(b'"') {
            return self.fail();
        }
        let key = self.string()?;
        self.expect(b':')?;
        Ok(key)
    }

    fn scalar(&mut self) -> Result<Value, JsonError> {
        match self.peek() {
            Some(b'"') => self.string().map(Value::String),
            Some(b't') => self.literal("true", Value::Bool(true)),
            Some(b'f') => self.literal("false", Value::Bool(false)),
            Some(b'n') => self.literal("null", Value::Null),
            Some(b'-' | b'0'..=b'9') => self.number(),
            _ => self.fail(),
        }
    }

    fn literal(&mut self, word: &str, value: Value) -> Result<Value, JsonError> {
        for &b in word.as_bytes() {
            if self.peek() != Some(b) {
                return self.fail();
            }
            self.pos += 1;
        }
        Ok(value)
    }

    fn digits(&mut self) -> usize {
        let start = self.pos;
        while matches!(self.peek(), Some(b'0'..=b'9')) {
            self.pos += 1;
        }
        self.pos - start
    }

    fn number(&mut self) -> Result<Value, JsonError> {
        let start = self.pos;
        if self.peek() == Some(b'-') {
            self.pos += 1;
        }
        match self.peek() {
            Some(b'0') => self.pos += 1,
            Some(b'1'..=b'9') => {
                self.digits();
            }
            _ => return self.fail(),
        }
        if self.peek() == Some(b'.') {
            self.pos += 1;
            if self.digits() == 0 {
                return self.fail();
            }
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.pos += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.pos += 1;
            }
            if self.digits() == 0 {
                return self.fail();
            }
        }
        let text = self.text.get(start..self.pos).unwrap_or_default();
        Ok(Value::Number(Number::from_json_text(text)))
    }

    fn hex4(&mut self) -> Result<u32, JsonError> {
        let mut n = 0u32;
        for _ in 0..4 {
            let Some(d) = self.peek().and_then(|b| char::from(b).to_digit(16)) else {
                return self.fail();
            };
            n = n * 16 + d;
            self.pos += 1;
        }
        Ok(n)
    }

    fn string(&mut self) -> Result<String, JsonError> {
        self.pos += 1; // opening quote
        let mut out = String::new();
        loop {
            let run_start = self.pos;
            let rest = self.bytes.get(run_start..).unwrap_or_default();
            let run = rest
                .iter()
                .position(|&b| b == b'"' || b == b'\\' || b < 0x20);
            self.pos = run_start + run.unwrap_or(rest.len());
            // The run stops at an ASCII byte or the end, so both ends are char boundaries.
            out.push_str(self.text.get(run_start..self.pos).unwrap_or_default());
            match self.peek() {
                Some(b'"') => {
                    self.pos += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.pos += 1;
                    self.escape(&mut out)?;
                }
                _ => return self.fail(),
            }
        }
    }

    fn escape(&mut self, out: &mut String) -> Result<(), JsonError> {
        let simple = match self.peek() {
            Some(b'"') => '"',
            Some(b'\\') => '\\',
            Some(b'/') => '/',
            Some(b'b') => '\u{8}',
            Some(b'f') => '\u{c}',
            Some(b'n') => '\n',
            Some(b'r') => '\r',
            Some(b't') => '\t',
            Some(b'u') => {
                let at = self.pos.saturating_sub(1);
                self.pos += 1;
                let unit = self.hex4()?;
                let c = self.code_point(unit, at)?;
                out.push(c);
                return Ok(());
            }
            _ => return self.fail(),
        };
        self.pos += 1;
        out.push(simple);
        Ok(())
    }

    /// Joins a `\uXXXX` escape with a following low surrogate when it is a high one.
    fn code_point(&mut self, unit: u32, at: usize) -> Result<char, JsonError> {
        let lone = |p: &Self| match p.lone {
            LoneSurrogates::Reject => Err(JsonError::LoneSurrogate { offset: at }),
            LoneSurrogates::Replace => Ok(char::REPLACEMENT_CHARACTER),
        };
        match unit {
            0xD800..=0xDBFF => {
                let rest = self.bytes.get(self.pos..).unwrap_or_default();
                if !rest.starts_with(b"\\u") {
                    return lone(self);
                }
                let save = self.pos;
                self.pos += 2;
                let low = self.hex4()?;
                if (0xDC00..=0xDFFF).contains(&low) {
                    let c = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
                    Ok(char::from_u32(c).unwrap_or(char::REPLACEMENT_CHARACTER))
                } else {
                    // Not a pair: the second escape is read again on its own.
                    self.pos = save;
                    lone(self)
                }
            }
            0xDC00..=0xDFFF => lone(self),
            _ => Ok(char::from_u32(unit).unwrap_or(char::REPLACEMENT_CHARACTER)),
        }
    }
}

fn push_frame(stack: &mut Vec<Frame>, frame: Frame) -> Result<(), JsonError> {
    if stack.len() >= MAX_DEPTH {
        return Err(JsonError::TooDeep);
    }
    stack.push(frame);
    Ok(())
}

#[cfg(test)]
mod tests {
    #[test]
    fn member_spans_cover_each_top_level_value() {
        let text = r#" {"a":1, "b" : {"x":[1,{}],"y":{}} ,"c":"s","d":[],"e":{}} "#;
        let (value, spans) =
            super::parse_with_member_spans(text, super::LoneSurrogates::Reject).unwrap();
        let slices: Vec<&str> = spans
            .iter()
            .map(|&(s, e)| text.get(s..e).unwrap())
            .collect();
        assert_eq!(
            slices,
            ["1", r#"{"x":[1,{}],"y":{}}"#, r#""s""#, "[]", "{}"]
        );
        assert!(value.is_object());
        let (_, none) =
            super::parse_with_member_spans("[1,{\"a\":2}]", super::LoneSurrogates::Reject).unwrap();
        assert!(none.is_empty());
    }

    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use super::*;

    fn ok(text: &str) -> Value {
        match parse(text, LoneSurrogates::Reject) {
            Ok(v) => v,
            Err(e) => panic!("{text:?}: {e}"),
        }
    }

    fn err(text: &str) -> JsonError {
        match parse(text, LoneSurrogates::Reject) {
            Ok(v) => panic!("{text:?} parsed as {v:?}"),
            Err(e) => e,
        }
    }

    #[test]
    fn scalars() {
        assert_eq!(ok("null"), Value::Null);
        assert_eq!(ok(" true "), Value::Bool(true));
        assert_eq!(ok("false"), Value::Bool(false));
        assert_eq!(ok("-0.5e2").as_f64(), Some(-50.0));
        assert_eq!(ok("0"), Value::from(0.0));
        assert_eq!(
            ok(r#""a\u00e9\ud83d\ude00\n""#),
            Value::String("aé😀\n".into())
        );
    }

    #[test]
    fn containers_keep_order_and_duplicates_resolve_last() {
        let v = ok(r#"{"b":1,"a":[1,{"c":[]},{}],"b":2}"#);
        assert_eq!(v.get("b"), Some(&Value::from(2.0)));
        assert_eq!(v.to_json(), r#"{"b":1,"a":[1,{"c":[]},{}],"b":2}"#);
    }

    #[test]
    fn rejects_what_json_parse_rejects() {
        for bad in [
            "",
            "{",
            "[1,",
            "[1,]",
            "{\"a\"}",
            "{\"a\":1,}",
            "01",
            "1.",
            ".5",
            "+1",
            "1e",
            "tru",
            "\"abc",
            "\"\t\"",
            "NaN",
            "[1] x",
            "{a:1}",
            "'a'",
            "\"\\x\"",
            "\"\\u12\"",
        ] {
            let e = err(bad);
            assert!(
                matches!(e, JsonError::UnexpectedEnd | JsonError::Syntax { .. }),
                "{bad:?}: {e:?}"
            );
        }
        assert_eq!(err("{\"a\":1"), JsonError::UnexpectedEnd);
        assert_eq!(err("<html>"), JsonError::Syntax { offset: 0 });
    }

    #[test]
    fn depth_is_limited_without_recursion() {
        let deep = "[".repeat(100_000);
        assert_eq!(err(&deep), JsonError::TooDeep);
        let ok_depth = format!("{}{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
        assert!(parse(&ok_depth, LoneSurrogates::Reject).is_ok());
    }

    #[test]
    fn size_is_limited_before_parsing() {
        let at_limit = format!("\"{}\"", "x".repeat(MAX_TEXT_BYTES - 2));
        assert!(parse(&at_limit, LoneSurrogates::Reject).is_ok());
        let over = format!("{at_limit} ");
        assert_eq!(err(&over), JsonError::TooLarge);
    }

    #[test]
    fn values_are_counted_in_every_container() {
        let list = |n: usize| format!("[{}]", vec!["1"; n].join(","));
        assert!(parse(&list(MAX_VALUES - 1), LoneSurrogates::Reject).is_ok()); // + the array
        assert_eq!(err(&list(MAX_VALUES)), JsonError::TooLarge);
        let objects = format!("[{}]", vec!["{}"; MAX_VALUES].join(","));
        assert_eq!(err(&objects), JsonError::TooLarge);
        let members: Vec<String> = (0..MAX_VALUES).map(|i| format!("\"k{i}\":0")).collect();
        assert_eq!(
            err(&format!("{{{}}}", members.join(","))),
            JsonError::TooLarge
        );
    }

    #[test]
    fn lone_surrogates() {
        assert_eq!(err(r#""\ud800""#), JsonError::LoneSurrogate { offset: 1 });
        assert_eq!(err(r#""\udc00x""#), JsonError::LoneSurrogate { offset: 1 });
        assert_eq!(
            parse(r#""\ud800\u0041""#, LoneSurrogates::Replace),
            Ok(Value::String("\u{fffd}A".into()))
        );
    }

    #[test]
    fn big_numbers_become_infinity_like_json_parse() {
        assert_eq!(ok("1e400").as_f64(), Some(f64::INFINITY));
    }
}
