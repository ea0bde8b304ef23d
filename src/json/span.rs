//! Where a top-level member's value lies in JSON text the parser has already accepted. The
//! bindings hand JS that slice of the response body for its own `JSON.parse`, instead of
//! writing the value out again.

use super::{parse, LoneSurrogates};

/// The byte range of the value of the last member named `key` (as `JSON.parse` keeps the last)
/// of the object in `text`, which must be valid JSON; `None` when there is no such member.
pub fn member_span(text: &str, key: &str) -> Option<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut pos = skip_space(bytes, 0);
    if bytes.get(pos) != Some(&b'{') {
        return None;
    }
    pos += 1;
    let mut found = None;
    loop {
        pos = skip_space(bytes, pos);
        match bytes.get(pos)? {
            b'}' => return found,
            b',' => {
                pos += 1;
                continue;
            }
            _ => {}
        }
        let name_start = pos;
        pos = skip_string(bytes, pos)?;
        let name = text.get(name_start..pos)?;
        pos = skip_space(bytes, pos);
        if bytes.get(pos) != Some(&b':') {
            return None;
        }
        pos = skip_space(bytes, pos + 1);
        let value_start = pos;
        pos = skip_value(bytes, pos)?;
        if is_named(name, key) {
            found = Some((value_start, pos));
        }
    }
}

/// Whether the quoted member name `quoted` is `key` (escapes decoded).
fn is_named(quoted: &str, key: &str) -> bool {
    let raw = quoted
        .strip_prefix('"')
        .and_then(|q| q.strip_suffix('"'))
        .unwrap_or_default();
    if raw.bytes().any(|b| b == b'\\') {
        parse(quoted, LoneSurrogates::Replace).is_ok_and(|v| v.as_str() == Some(key))
    } else {
        raw == key
    }
}

fn skip_space(bytes: &[u8], mut pos: usize) -> usize {
    while matches!(bytes.get(pos), Some(b' ' | b'\t' | b'\n' | b'\r')) {
        pos += 1;
    }
    pos
}

fn skip_string(bytes: &[u8], mut pos: usize) -> Option<usize> {
    pos += 1; // opening quote
    loop {
        match bytes.get(pos)? {
            b'\\' => pos += 2,
            b'"' => return Some(pos + 1),
            _ => pos += 1,
        }
    }
}

/// The end of the value that starts at `pos`.
fn skip_value(bytes: &[u8], mut pos: usize) -> Option<usize> {
    match bytes.get(pos)? {
        b'"' => skip_string(bytes, pos),
        b'{' | b'[' => {
            let mut depth = 0usize;
            loop {
                match bytes.get(pos)? {
                    b'"' => {
                        pos = skip_string(bytes, pos)?;
                        continue;
                    }
                    b'{' | b'[' => depth += 1,
                    b'}' | b']' => {
                        depth = depth.checked_sub(1)?;
                        if depth == 0 {
                            return Some(pos + 1);
                        }
                    }
                    _ => {}
                }
                pos += 1;
            }
        }
        _ => {
            let end = |b: &u8| matches!(b, b',' | b'}' | b']' | b' ' | b'\t' | b'\n' | b'\r');
            let length = bytes.get(pos..)?.iter().position(end);
            Some(length.map_or(bytes.len(), |n| pos + n))
        }
    }
}

/// The text at `span`.
#[cfg(test)]
fn slice(text: &str, span: Option<(usize, usize)>) -> Option<&str> {
    span.and_then(|(start, end)| text.get(start..end))
}

#[cfg(test)]
mod tests {
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use super::*;
    use crate::json::Value;

    #[test]
    fn finds_the_last_top_level_member() {
        let text = r#" {"a":1, "data" : {"x":"}\"{","data":[1,{"y":2}]} ,"b":[true,null],
            "\u0064ata":{"last":"yes"}, "z":-1.5e3}  "#;
        assert_eq!(
            slice(text, member_span(text, "data")),
            Some(r#"{"last":"yes"}"#)
        );
        assert_eq!(slice(text, member_span(text, "a")), Some("1"));
        assert_eq!(slice(text, member_span(text, "b")), Some("[true,null]"));
        assert_eq!(slice(text, member_span(text, "z")), Some("-1.5e3"));
        assert_eq!(member_span(text, "x"), None);
        assert_eq!(member_span("[1]", "data"), None);
        assert_eq!(member_span("{}", "data"), None);
        let parsed = parse(
            slice(text, member_span(text, "data")).unwrap(),
            LoneSurrogates::Reject,
        );
        assert_eq!(parsed.unwrap().get("last"), Some(&Value::from("yes")));
    }
}
