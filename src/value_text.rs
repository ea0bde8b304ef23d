//! The text a parameter value contributes to the string to sign.

use crate::prelude::*;

use alloc::borrow::Cow;

use crate::error::{Error, Result};
use crate::json::Value;
use crate::sign::ValueFormat;

/// `key`'s value as signed text. Strict accepts strings, finite numbers and booleans;
/// `NodeSdk` reproduces `String(value)` of the official Node SDK for every JSON value.
pub fn value_text<'a>(key: &str, value: &'a Value, format: ValueFormat) -> Result<Cow<'a, str>> {
    match value {
        Value::String(s) => Ok(Cow::Borrowed(s)),
        Value::Bool(true) => Ok(Cow::Borrowed("true")),
        Value::Bool(false) => Ok(Cow::Borrowed("false")),
        Value::Number(n) if !n.is_finite() => Err(Error::invalid(
            key,
            [key, " is ", n.as_str(), ", which cannot be sent as JSON"].concat(),
        )),
        Value::Number(n) => Ok(Cow::Borrowed(n.as_str())),
        other => match format {
            ValueFormat::Strict => Err(Error::invalid(
                key,
                [
                    key,
                    " is ",
                    article(other),
                    " ",
                    other.type_name(),
                    "; only strings, numbers and booleans can be signed \
                     (send JSON payloads as a JSON string, or use values: \"node-sdk\")",
                ]
                .concat(),
            )),
            ValueFormat::NodeSdk => {
                let mut out = String::new();
                push_node_sdk_text(key, other, &mut out)?;
                Ok(Cow::Owned(out))
            }
        },
    }
}

fn article(value: &Value) -> &'static str {
    match value {
        Value::Array(_) | Value::Object(_) => "an",
        _ => "a",
    }
}

/// `String(value)`: arrays join their elements with `,` (null elements become empty,
/// nested arrays flatten), objects are `[object Object]`.
fn push_node_sdk_text(key: &str, value: &Value, out: &mut String) -> Result<()> {
    match value {
        Value::Null => out.push_str("null"),
        Value::Object(_) => out.push_str("[object Object]"),
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                match item {
                    Value::Null => {}
                    Value::Number(n) if n.is_finite() => out.push_str(n.as_str()),
                    other => push_node_sdk_text(key, other, out)?,
                }
            }
        }
        scalar => out.push_str(&value_text(key, scalar, ValueFormat::NodeSdk)?),
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use super::*;
    use crate::json::{parse, LoneSurrogates};

    fn node(json: &str) -> String {
        let v = parse(json, LoneSurrogates::Reject).unwrap();
        value_text("K", &v, ValueFormat::NodeSdk)
            .unwrap()
            .into_owned()
    }

    #[test]
    fn node_sdk_matches_js_string() {
        // Expected texts are `String(JSON.parse(json))` in Node.
        assert_eq!(node(r#"["a","b"]"#), "a,b");
        assert_eq!(node("[]"), "");
        assert_eq!(node(r#"[[1,2],[3,[4,"x"]]]"#), "1,2,3,4,x");
        assert_eq!(node(r#"[1,null,2,""]"#), "1,,2,");
        assert_eq!(node(r#"{"a":1}"#), "[object Object]");
        assert_eq!(
            node(r#"[{"a":1},{"b":2}]"#),
            "[object Object],[object Object]"
        );
        assert_eq!(node("null"), "null");
        assert_eq!(node("[null]"), "");
        assert_eq!(node("[[null],true,false,1e+21]"), ",true,false,1e+21");
        // A number is signed as its JSON text is written; JSON.stringify (what the JS bindings
        // send) always writes String(n), so this matches the official SDK for every JS value.
        assert_eq!(node("[1e21,1.50]"), "1e21,1.50");
    }

    #[test]
    fn strict_rejects_containers_and_null_naming_the_key() {
        for json in ["null", "[]", "{}", "[1]"] {
            let v = parse(json, LoneSurrogates::Reject).unwrap();
            let e = value_text("Extra", &v, ValueFormat::Strict).unwrap_err();
            assert_eq!(e.kind, crate::ErrorKind::InvalidInput);
            assert_eq!(e.param.as_deref(), Some("Extra"));
            assert!(e.message.starts_with("Extra is"), "{}", e.message);
        }
    }

    #[test]
    fn non_finite_numbers_are_refused_in_both_modes() {
        for format in [ValueFormat::Strict, ValueFormat::NodeSdk] {
            let e = value_text("N", &Value::from(f64::NAN), format).unwrap_err();
            assert_eq!(e.message, "N is NaN, which cannot be sent as JSON");
        }
    }
}
