//! JSON text exactly as `JSON.stringify` writes it (no spaces, same escapes, same numbers).

use crate::prelude::*;

use super::Value;

pub fn write_value(value: &Value, out: &mut String) {
    match value {
        Value::Null => out.push_str("null"),
        Value::Bool(true) => out.push_str("true"),
        Value::Bool(false) => out.push_str("false"),
        // JSON.stringify writes NaN and ±Infinity as null.
        Value::Number(n) if !n.is_finite() => out.push_str("null"),
        Value::Number(n) => out.push_str(n.as_str()),
        Value::String(s) => write_string(s, out),
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_value(item, out);
            }
            out.push(']');
        }
        Value::Object(entries) => write_object(entries.iter().map(|(k, v)| (k.as_str(), v)), out),
    }
}

/// The JSON object text of `entries`, in order (no duplicate check: the caller's job).
pub fn object_text(entries: &[(&str, &Value)]) -> String {
    // Room for the usual body (short keys and values) in one allocation.
    let mut out = String::with_capacity(64 + 48 * entries.len());
    write_object(entries.iter().copied(), &mut out);
    out
}

fn write_object<'a>(entries: impl Iterator<Item = (&'a str, &'a Value)>, out: &mut String) {
    out.push('{');
    for (i, (key, item)) in entries.enumerate() {
        if i > 0 {
            out.push(',');
        }
        write_string(key, out);
        out.push(':');
        write_value(item, out);
    }
    out.push('}');
}

pub fn write_string(s: &str, out: &mut String) {
    out.reserve(s.len().saturating_add(2));
    out.push('"');
    let mut plain_from = 0;
    for (i, &b) in s.as_bytes().iter().enumerate() {
        // Most bytes need no escape: one test for them keeps the loop tight.
        if b >= 0x20 && b != b'"' && b != b'\\' {
            continue;
        }
        // `i` is at an ASCII byte, so both ends are char boundaries.
        out.push_str(s.get(plain_from..i).unwrap_or_default());
        plain_from = i + 1;
        let escape = match b {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            0x08 => "\\b",
            0x0c => "\\f",
            _ => {
                out.push_str("\\u00");
                out.push(hex_digit(b >> 4));
                out.push(hex_digit(b & 0xf));
                continue;
            }
        };
        out.push_str(escape);
    }
    out.push_str(s.get(plain_from..).unwrap_or_default());
    out.push('"');
}

pub(crate) fn hex_digit(n: u8) -> char {
    char::from_digit(u32::from(n), 16).unwrap_or('0')
}

#[cfg(test)]
mod tests {
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use super::*;

    fn json(v: &Value) -> String {
        v.to_json()
    }

    #[test]
    fn strings_escape_like_json_stringify() {
        assert_eq!(json(&"a\"b\\c".into()), r#""a\"b\\c""#);
        assert_eq!(json(&"\n\r\t\u{8}\u{c}".into()), r#""\n\r\t\b\f""#);
        assert_eq!(json(&"\u{0}\u{1f}".into()), r#""\u0000\u001f""#);
        assert_eq!(json(&"微信 😀 \u{2028} /".into()), "\"微信 😀 \u{2028} /\"");
    }

    #[test]
    fn containers_and_numbers() {
        let v = Value::Object(vec![
            (
                "a".into(),
                Value::Array(vec![Value::Null, true.into(), 1.5.into()]),
            ),
            ("b".into(), Value::from(f64::NAN)),
            ("c".into(), Value::from(1e21)),
        ]);
        assert_eq!(json(&v), r#"{"a":[null,true,1.5],"b":null,"c":1e+21}"#);
    }
}
