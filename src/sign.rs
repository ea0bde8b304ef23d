//! The App API signature: `base64(HMAC-SHA1(AppSecret, k1=v1&k2=v2&…))` over every parameter
//! but `Signature`, keys in UTF-16 code-unit order, raw values, UTF-8 (app-api.md §1).

use crate::prelude::*;

use iot_explorer_signing::{join, signing_order};
pub use iot_explorer_signing::{EmptyValues, SIGNATURE};

use crate::error::{Error, Result};
use crate::json::Value;
use crate::params::Params;
use crate::secret::AppSecret;
use crate::value_text::value_text;

/// How values become text.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum ValueFormat {
    /// Strings, finite numbers (as JavaScript prints them) and booleans; anything else is an error.
    #[default]
    Strict,
    /// `String(value)` for every JSON value, byte-identical to the official Node SDK.
    NodeSdk,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SigningOptions {
    pub empty_values: EmptyValues,
    pub values: ValueFormat,
}

impl SigningOptions {
    /// Reads the JS option names: `emptyValues` `"omit"|"keep"`, `values` `"strict"|"node-sdk"`.
    pub fn from_names(empty_values: Option<&str>, values: Option<&str>) -> Result<Self> {
        let empty_values = match empty_values {
            None | Some("omit") => EmptyValues::Omit,
            Some("keep") => EmptyValues::Keep,
            Some(other) => {
                return Err(Error::invalid(
                    "emptyValues",
                    [
                        "emptyValues must be \"omit\" or \"keep\", not \"",
                        other,
                        "\"",
                    ]
                    .concat(),
                ))
            }
        };
        let values = match values {
            None | Some("strict") => ValueFormat::Strict,
            Some("node-sdk") => ValueFormat::NodeSdk,
            Some(other) => {
                return Err(Error::invalid(
                    "values",
                    [
                        "values must be \"strict\" or \"node-sdk\", not \"",
                        other,
                        "\"",
                    ]
                    .concat(),
                ))
            }
        };
        Ok(SigningOptions {
            empty_values,
            values,
        })
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signed {
    pub string_to_sign: String,
    pub signature: String,
}

/// `k=v` pairs of every parameter but `Signature`, sorted by UTF-16 code units, joined by `&`.
pub fn string_to_sign(params: &Params, options: SigningOptions) -> Result<String> {
    string_to_sign_of(&Params::entries_of(&[params]), options)
}

/// As `string_to_sign`, over parameters that need not be gathered in one `Params` first.
pub(crate) fn string_to_sign_of(
    params: &[(&str, &Value)],
    options: SigningOptions,
) -> Result<String> {
    let mut texts = Vec::with_capacity(params.len());
    for &(key, value) in params {
        if key != SIGNATURE {
            texts.push((key, value_text(key, value, options.values)?));
        }
    }
    let pairs = texts
        .iter()
        .map(|(key, text)| (key.as_bytes(), text.as_bytes()))
        .collect();
    let joined = join(&signing_order(pairs, options.empty_values));
    // Joined from whole UTF-8 strings, so it is UTF-8.
    Ok(String::from_utf8(joined).unwrap_or_default())
}

/// `base64(HMAC-SHA1(secret, text))`, standard alphabet with padding.
pub fn signature_of(text: &str, secret: &AppSecret) -> String {
    // Base64 is ASCII.
    String::from_utf8(secret.keyed().sign(text.as_bytes())).unwrap_or_default()
}

/// An empty AppSecret is refused, as `build_app_api_request` refuses it.
pub fn sign(params: &Params, secret: &AppSecret, options: SigningOptions) -> Result<Signed> {
    if secret.is_empty() {
        return Err(Error::missing("appSecret"));
    }
    sign_of(&Params::entries_of(&[params]), secret, options)
}

pub(crate) fn sign_of(
    params: &[(&str, &Value)],
    secret: &AppSecret,
    options: SigningOptions,
) -> Result<Signed> {
    let string_to_sign = string_to_sign_of(params, options)?;
    let signature = signature_of(&string_to_sign, secret);
    Ok(Signed {
        string_to_sign,
        signature,
    })
}

#[cfg(test)]
mod tests {
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use super::*;
    use crate::json::Value;

    #[test]
    fn official_service_example() {
        let params = Params::new()
            .with("Action", "ServiceDescribeDeviceData")
            .with("ProductId", "ProductA")
            .with("DeviceName", "Device001")
            .with("RequestId", "476c990a-f5b7-1575-987c-4ef70e474932")
            .with("Timestamp", 1546315200i64)
            .with("Nonce", 71087795i64)
            .with("AppKey", "ServiceAppKey");
        let signed = sign(
            &params,
            &AppSecret::new("ServiceAppSecret"),
            SigningOptions::default(),
        )
        .unwrap();
        assert_eq!(signed.signature, "P206d+JzP37FLKBDkD689wqnl4k=");
    }

    #[test]
    fn an_empty_secret_is_refused() {
        let params = Params::new().with("A", "1");
        let e = sign(&params, &AppSecret::new(""), SigningOptions::default()).unwrap_err();
        assert_eq!(e.param.as_deref(), Some("appSecret"));
    }

    #[test]
    fn signature_key_is_excluded_and_order_is_utf16() {
        let params = Params::new()
            .with("b", "2")
            .with("Signature", "ignored")
            .with("\u{FF3A}", "z")
            .with("\u{1F600}", "smile")
            .with("A", "1")
            .with("_x", "u");
        let text = string_to_sign(&params, SigningOptions::default()).unwrap();
        assert_eq!(text, "A=1&_x=u&b=2&\u{1F600}=smile&\u{FF3A}=z");
    }

    #[test]
    fn empty_values_policy() {
        let params = Params::new().with("A", "").with("B", "x");
        let keep = SigningOptions {
            empty_values: EmptyValues::Keep,
            ..Default::default()
        };
        assert_eq!(
            string_to_sign(&params, SigningOptions::default()).unwrap(),
            "B=x"
        );
        assert_eq!(string_to_sign(&params, keep).unwrap(), "A=&B=x");
        let array = Params::new()
            .with("Ids", Value::Array(vec![]))
            .with("B", "x");
        let node_keep = SigningOptions {
            empty_values: EmptyValues::Keep,
            values: ValueFormat::NodeSdk,
        };
        assert_eq!(string_to_sign(&array, node_keep).unwrap(), "B=x&Ids=");
    }

    #[test]
    fn option_names() {
        assert_eq!(
            SigningOptions::from_names(None, None).unwrap(),
            SigningOptions::default()
        );
        let o = SigningOptions::from_names(Some("keep"), Some("node-sdk")).unwrap();
        assert_eq!(o.empty_values, EmptyValues::Keep);
        assert_eq!(o.values, ValueFormat::NodeSdk);
        let e = SigningOptions::from_names(Some("drop"), None).unwrap_err();
        assert_eq!(e.param.as_deref(), Some("emptyValues"));
    }
}
