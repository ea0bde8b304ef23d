//! JSON numbers, kept as their text. What `JSON.stringify` wrote is exactly what the official
//! JS signs (`String(n)`), and a number in a response passes through byte for byte, so neither
//! signing nor parsing converts text to f64 and back (and the wasm carries neither a float
//! parser nor a float printer). Numbers made from an f64 print as ECMAScript
//! `Number.prototype.toString` does.

use crate::prelude::*;

use crate::json::decimal::parse_decimal;

/// A number as text: JSON number grammar, or `NaN`, `Infinity`, `-Infinity` for a non-finite
/// f64 (which JSON cannot carry: the writer prints `null`, signing refuses it). Equality is
/// textual.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Number(String);

impl Number {
    /// `String(n)`.
    pub fn from_f64(n: f64) -> Self {
        Number(js_number(n))
    }

    pub fn from_i64(n: i64) -> Self {
        Number(crate::text::int(n))
    }

    /// `text` if it follows the JSON number grammar.
    pub fn parse(text: &str) -> Option<Self> {
        is_json_number(text.as_bytes()).then(|| Number(text.into()))
    }

    /// Text the JSON parser has already checked.
    pub(crate) fn from_json_text(text: &str) -> Self {
        Number(text.into())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn is_finite(&self) -> bool {
        !matches!(self.0.as_str(), "NaN" | "Infinity" | "-Infinity")
    }

    /// The nearest f64, as `JSON.parse` gives it.
    pub fn to_f64(&self) -> f64 {
        match self.0.as_str() {
            "NaN" => f64::NAN,
            "Infinity" => f64::INFINITY,
            "-Infinity" => f64::NEG_INFINITY,
            text => parse_decimal(text),
        }
    }

    /// The value if it is an integer of at most 9·10^15 in magnitude (exact as an f64):
    /// `12`, `-0`, `1.0`, `15e2` and `1500e-2` are; `1.5` and `1e16` are not.
    pub fn as_integer(&self) -> Option<i64> {
        const LIMIT: i64 = 9_000_000_000_000_000;
        let text = self.0.as_bytes();
        let (negative, text) = match text.split_first() {
            Some((b'-', rest)) => (true, rest),
            _ => (false, text),
        };
        // value = digits × 10^scale, reading the mantissa digit by digit.
        let (mut digits, mut scale, mut point, mut i) = (0i64, 0i64, false, 0);
        while let Some(&c) = text.get(i) {
            match c {
                b'0'..=b'9' if digits <= LIMIT => {
                    digits = digits * 10 + i64::from(c - b'0');
                    scale -= i64::from(point);
                }
                // Beyond the limit only zeros after the point may follow.
                b'0' if point => {}
                b'0'..=b'9' => return None,
                b'.' => point = true,
                b'e' | b'E' => break,
                _ => return None,
            }
            i += 1;
        }
        if digits == 0 {
            // Zero whatever the exponent (0e-999999999 would otherwise loop a billion times).
            return Some(0);
        }
        let exponent = match text.get(i + 1..) {
            Some(rest) if i < text.len() => core::str::from_utf8(rest).ok()?.parse::<i64>().ok()?,
            _ => 0,
        };
        scale = scale.checked_add(exponent)?;
        while scale < 0 {
            if digits % 10 != 0 {
                return None;
            }
            digits /= 10;
            scale += 1;
        }
        while scale > 0 && digits != 0 {
            digits = digits.checked_mul(10).filter(|d| *d <= LIMIT)?;
            scale -= 1;
        }
        (digits <= LIMIT).then_some(if negative { -digits } else { digits })
    }
}

/// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`
fn is_json_number(text: &[u8]) -> bool {
    let digits = |s: &[u8]| s.iter().take_while(|b| b.is_ascii_digit()).count();
    let mut rest = text.strip_prefix(b"-").unwrap_or(text);
    let whole = digits(rest);
    if whole == 0 || (whole > 1 && rest.first() == Some(&b'0')) {
        return false;
    }
    rest = rest.get(whole..).unwrap_or_default();
    if let Some(after) = rest.strip_prefix(b".") {
        let n = digits(after);
        if n == 0 {
            return false;
        }
        rest = after.get(n..).unwrap_or_default();
    }
    if let Some(after) = rest.strip_prefix(b"e").or_else(|| rest.strip_prefix(b"E")) {
        let after = after
            .strip_prefix(b"+")
            .or_else(|| after.strip_prefix(b"-"))
            .unwrap_or(after);
        let n = digits(after);
        if n == 0 {
            return false;
        }
        rest = after.get(n..).unwrap_or_default();
    }
    rest.is_empty()
}

/// `String(n)` for a finite `n` (`1e+21`, `1.5e-7`, `0.1`, `-0` → `0`). Callers reject
/// NaN and ±Infinity before signing; here they print as JavaScript prints them.
pub fn push_js_number(n: f64, out: &mut String) {
    if n == 0.0 {
        out.push('0'); // covers -0, which JavaScript prints as "0"
        return;
    }
    let mut buffer = ryu_js::Buffer::new();
    out.push_str(buffer.format(n));
}

pub fn js_number(n: f64) -> String {
    let mut out = String::new();
    push_js_number(n, &mut out);
    out
}

#[cfg(test)]
mod tests {
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use super::{js_number, Number};

    #[test]
    fn matches_ecmascript_number_to_string() {
        // Expected texts are what `String(x)` prints in Node.
        let cases: &[(f64, &str)] = &[
            (0.0, "0"),
            (-0.0, "0"),
            (86.0, "86"),
            (100.0, "100"),
            (-2.5, "-2.5"),
            (0.1, "0.1"),
            (0.1 + 0.2, "0.30000000000000004"),
            (1e21, "1e+21"),
            (1e20, "100000000000000000000"),
            (1.5e-7, "1.5e-7"),
            (1e-6, "0.000001"),
            (1e-7, "1e-7"),
            (123456789012345680000.0, "123456789012345680000"),
            (2147483647.0, "2147483647"),
            (9007199254740993.0, "9007199254740992"),
            (f64::MAX, "1.7976931348623157e+308"),
            (f64::MIN_POSITIVE, "2.2250738585072014e-308"),
            (5e-324, "5e-324"),
            (-1e-7, "-1e-7"),
            (f64::NAN, "NaN"),
            (f64::INFINITY, "Infinity"),
            (f64::NEG_INFINITY, "-Infinity"),
        ];
        for &(n, text) in cases {
            assert_eq!(js_number(n), text, "{n:e}");
        }
    }

    #[test]
    fn integers_exactly_from_text() {
        let int = |t: &str| Number::parse(t).and_then(|n| n.as_integer());
        for (text, want) in [
            ("0", Some(0)),
            ("-0", Some(0)),
            ("12", Some(12)),
            ("-1000", Some(-1000)),
            ("1.0", Some(1)),
            ("1.500e3", Some(1500)),
            ("15e2", Some(1500)),
            ("1500e-2", Some(15)),
            ("0.0e5", Some(0)),
            ("0.0005e4", Some(5)),
            ("0e99999999999", Some(0)),
            ("0e-999999999999999999", Some(0)),
            ("-0.000e-99999999999999999999", Some(0)),
            ("10e-999999999999999999", None),
            ("1e-99999999999999999999", None),
            ("-1.25e2", Some(-125)),
            ("1767225600", Some(1_767_225_600)),
            ("9000000000000000", Some(9_000_000_000_000_000)),
            ("9000000000000001", None),
            ("1e16", None),
            ("1.5", None),
            ("15e-1", None),
            ("1e-400", None),
            ("1e400", None),
            ("123456789012345678901234567890", None),
        ] {
            assert_eq!(int(text), want, "{text}");
        }
        assert_eq!(Number::from_f64(f64::NAN).as_integer(), None);
    }

    #[test]
    fn only_json_number_text_is_taken() {
        for ok in ["0", "-0", "1", "-12.5e+3", "1E-7", "0.000001", "1e+21"] {
            assert_eq!(
                Number::parse(ok).map(|n| n.as_str().to_owned()),
                Some(ok.into())
            );
        }
        for bad in [
            "", "-", "01", "1.", ".5", "1e", "+1", "NaN", "Infinity", "1 ", "0x10", "1e+",
        ] {
            assert_eq!(Number::parse(bad), None, "{bad:?}");
        }
    }
}
