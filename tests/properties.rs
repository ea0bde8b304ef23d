//! Property tests: for arbitrary params, secrets, bytes and JSON, the core agrees with simple
//! independent reference implementations and never panics.
#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::unreachable
)]

use iot_explorer_app::json::{parse, LoneSurrogates};
use iot_explorer_app::{
    build_app_api_request, parse_response, sign, string_to_sign, AppApiCall, AppSecret,
    EmptyValues, Endpoint, Params, SigningOptions, Value, ValueFormat,
};
use proptest::prelude::*;

/// Scalars the strict mode signs.
fn scalar() -> impl Strategy<Value = Value> {
    prop_oneof![
        any::<String>().prop_map(Value::String),
        "[a-zA-Z0-9 &=+/%\"'\\\\微信😀]{0,12}".prop_map(Value::String),
        (-1_000_000_000i64..1_000_000_000).prop_map(Value::from),
        any::<bool>().prop_map(Value::Bool),
    ]
}

/// Any JSON value (finite numbers), nested a few levels.
fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(Value::from),
        any::<String>().prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 32, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec((any::<String>(), inner), 0..6).prop_map(Value::Object),
        ]
    })
}

fn params(values: impl Strategy<Value = Value>) -> impl Strategy<Value = Params> {
    prop::collection::vec((any::<String>(), values), 0..10)
        .prop_map(|pairs| pairs.into_iter().collect())
}

/// The reference: what the official JS does for strings, integers and booleans, written plainly.
fn reference_string_to_sign(params: &Params, keep_empty: bool) -> String {
    let mut pairs: Vec<(Vec<u16>, String)> = params
        .iter()
        .filter(|(k, _)| *k != "Signature")
        .map(|(k, v)| {
            let text = match v {
                Value::String(s) => s.clone(),
                Value::Number(n) => n.as_str().to_owned(),
                Value::Bool(b) => b.to_string(),
                _ => unreachable!(),
            };
            (k.encode_utf16().collect(), k, text)
        })
        .filter(|(_, _, text)| keep_empty || !text.is_empty())
        .map(|(units, k, text)| (units, format!("{k}={text}")))
        .collect();
    pairs.sort();
    pairs
        .into_iter()
        .map(|(_, p)| p)
        .collect::<Vec<_>>()
        .join("&")
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn string_to_sign_matches_the_reference(p in params(scalar()), keep in any::<bool>()) {
        let options = SigningOptions {
            empty_values: if keep { EmptyValues::Keep } else { EmptyValues::Omit },
            values: ValueFormat::Strict,
        };
        prop_assert_eq!(string_to_sign(&p, options).unwrap(), reference_string_to_sign(&p, keep));
    }

    #[test]
    fn signing_anything_never_panics(p in params(json_value()), secret in any::<String>(), keep in any::<bool>(), node in any::<bool>()) {
        let options = SigningOptions {
            empty_values: if keep { EmptyValues::Keep } else { EmptyValues::Omit },
            values: if node { ValueFormat::NodeSdk } else { ValueFormat::Strict },
        };
        match sign(&p, &AppSecret::new(secret), options) {
            Ok(signed) => prop_assert_eq!(signed.signature.len(), 28),
            Err(e) => prop_assert!(e.param.is_some()),
        }
    }

    #[test]
    fn request_body_carries_exactly_the_params(p in params(scalar()), secret in ".{1,80}") {
        let reserved = ["Action", "RequestId", "AppKey", "Timestamp", "Nonce", "Signature"];
        prop_assume!(p.iter().all(|(k, _)| !reserved.contains(&k)));
        let secret = AppSecret::new(secret);
        let endpoint = Endpoint::default();
        let built = build_app_api_request(&AppApiCall {
            action: "AppPropertyTest", params: &p, app_key: "k", app_secret: &secret,
            timestamp: 1_700_000_000, nonce: 5, request_id: "r", endpoint: &endpoint,
            signing: SigningOptions::default(),
        }).unwrap();
        let body: serde_json::Value = serde_json::from_str(&built.request.body).unwrap();
        for (k, v) in p.iter() {
            let sent = &body[k];
            match v {
                Value::String(s) => prop_assert_eq!(sent.as_str(), Some(s.as_str())),
                Value::Number(n) => prop_assert_eq!(sent.as_f64(), Some(n.to_f64())),
                Value::Bool(b) => prop_assert_eq!(sent.as_bool(), Some(*b)),
                _ => unreachable!(),
            }
        }
        prop_assert_eq!(body["Signature"].as_str(), Some(built.signed.signature.as_str()));
    }

    #[test]
    fn parse_response_of_arbitrary_bytes_never_panics(status in 0u16..1000, bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        let text = String::from_utf8_lossy(&bytes);
        let _ = parse_response(status, &text);
    }

    #[test]
    fn parse_response_of_arbitrary_json_is_a_result_or_a_typed_error(status in 100u16..600, v in json_value(), wrap in 0..3) {
        let json = v.to_json();
        let body = match wrap {
            0 => json,
            1 => format!(r#"{{"Response":{json}}}"#),
            _ => format!(r#"{{"code":0,"msg":"","data":{json}}}"#),
        };
        match parse_response(status, &body) {
            Ok(response) => prop_assert!(response.body.is_object()),
            Err(e) => prop_assert!(!e.message.is_empty()),
        }
    }

    #[test]
    fn json_round_trips(v in json_value()) {
        let text = v.to_json();
        let back = parse(&text, LoneSurrogates::Reject).unwrap();
        prop_assert_eq!(back.to_json(), text);
        let theirs: serde_json::Value = serde_json::from_str(&v.to_json()).unwrap();
        let again: serde_json::Value = serde_json::from_str(&back.to_json()).unwrap();
        prop_assert_eq!(theirs, again);
    }

    #[test]
    fn numbers_parse_exactly(x in any::<f64>().prop_filter("finite", |f| f.is_finite())) {
        for text in [format!("{x:e}"), format!("{x}"), iot_explorer_app::number::js_number(x)] {
            let parsed = parse(&text, LoneSurrogates::Reject).unwrap();
            prop_assert_eq!(parsed.as_f64().map(f64::to_bits), Some(text.parse::<f64>().unwrap().to_bits()), "{}", text);
        }
    }
}
