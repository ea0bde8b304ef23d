//! Data-driven vectors, one file per stage: params → string to sign (Node SDK algorithm),
//! string → signature (Python hmac), inputs → request body (JSON.stringify), body → response.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

mod common;

use common::*;
use iot_explorer_app::sign::signature_of;
use iot_explorer_app::{
    build_app_api_request, parse_response, sign, string_to_sign, AppApiCall, AppSecret,
    EmptyValues, Endpoint, ErrorKind,
};

const PUBLIC: &str = include_str!("vectors/signing-public.json");
const STRING_TO_SIGN: &str = include_str!("vectors/string-to-sign.json");
const SIGNATURE: &str = include_str!("vectors/signature.json");
const REQUEST_BODY: &str = include_str!("vectors/request-body.json");
const RESPONSE: &str = include_str!("vectors/response.json");

fn expect_invalid_param(
    result: iot_explorer_app::Result<impl core::fmt::Debug>,
    param: &str,
    name: &str,
) {
    let e = result.expect_err(name);
    assert_eq!(e.kind, ErrorKind::InvalidInput, "{name}");
    assert_eq!(e.code.as_deref(), Some("InvalidParameter"), "{name}");
    assert_eq!(e.param.as_deref(), Some(param), "{name}");
}

#[test]
fn public_signing_vectors() {
    let file = load(PUBLIC);
    for case in cases(&file) {
        let name = str_field(case, "name");
        let params = to_params(&case["params"]);
        // The public vectors follow the Node SDK (empty values kept) unless they say otherwise.
        let opts = options(case.get("options"), EmptyValues::Keep);
        let secret = AppSecret::new(str_field(case, "app_secret"));
        if case.get("error").is_some() {
            expect_invalid_param(sign(&params, &secret, opts), "Extra", name);
            continue;
        }
        let signed = sign(&params, &secret, opts).unwrap();
        assert_eq!(
            signed.string_to_sign,
            str_field(case, "string_to_sign"),
            "{name}"
        );
        assert_eq!(signed.signature, str_field(case, "signature"), "{name}");
    }
    assert_eq!(cases(&file).len(), 14);
}

#[test]
fn string_to_sign_vectors() {
    let file = load(STRING_TO_SIGN);
    let secret = AppSecret::new(str_field(&file, "secret"));
    for case in cases(&file) {
        let name = str_field(case, "name");
        let params = to_params(&case["params"]);
        let opts = options(case.get("options"), EmptyValues::Omit);
        if let Some(error) = case.get("error") {
            expect_invalid_param(
                string_to_sign(&params, opts),
                str_field(error, "param"),
                name,
            );
            continue;
        }
        let text = string_to_sign(&params, opts).unwrap();
        assert_eq!(text, str_field(case, "string_to_sign"), "{name}");
        assert_eq!(
            signature_of(&text, &secret),
            str_field(case, "signature_node_crypto"),
            "{name}"
        );
    }
    assert!(cases(&file).len() >= 40);
}

#[test]
fn signature_vectors() {
    let file = load(SIGNATURE);
    for case in cases(&file) {
        let secret = AppSecret::new(str_field(case, "app_secret"));
        assert_eq!(
            signature_of(str_field(case, "string_to_sign"), &secret),
            str_field(case, "signature"),
            "{}",
            str_field(case, "name")
        );
    }
    assert!(cases(&file).len() >= 200);
}

#[test]
fn request_body_vectors() {
    let file = load(REQUEST_BODY);
    let endpoint = Endpoint::default();
    for case in cases(&file) {
        let name = str_field(case, "name");
        let params = to_params(&case["params"]);
        let secret = AppSecret::new(str_field(case, "app_secret"));
        let built = build_app_api_request(&AppApiCall {
            action: str_field(case, "action"),
            params: &params,
            app_key: str_field(case, "app_key"),
            app_secret: &secret,
            timestamp: case["timestamp"].as_i64().unwrap(),
            nonce: case["nonce"].as_i64().unwrap(),
            request_id: str_field(case, "request_id"),
            endpoint: &endpoint,
            signing: options(case.get("options"), EmptyValues::Omit),
        })
        .unwrap();
        assert_eq!(built.request.body, str_field(case, "body"), "{name}");
        assert_eq!(
            built.request.url,
            "https://iot.cloud.tencent.com/api/exploreropen/appapi"
        );
    }
    assert!(cases(&file).len() >= 20);
}

/// Every number as an f64, as JavaScript holds it (serde_json tells `1` from `1.0`).
fn as_numbers(v: &serde_json::Value) -> serde_json::Value {
    match v {
        serde_json::Value::Number(n) => serde_json::json!(n.as_f64().unwrap()),
        serde_json::Value::Array(items) => items.iter().map(as_numbers).collect(),
        serde_json::Value::Object(map) => map
            .iter()
            .map(|(k, v)| (k.clone(), as_numbers(v)))
            .collect::<serde_json::Map<_, _>>()
            .into(),
        other => other.clone(),
    }
}

#[test]
fn response_vectors() {
    let file = load(RESPONSE);
    for case in cases(&file) {
        let name = str_field(case, "name");
        let status = case["status"].as_u64().unwrap() as u16;
        let result = parse_response(status, str_field(case, "body"));
        if let Some(expected) = case.get("ok") {
            let response = result.unwrap_or_else(|e| panic!("{name}: {e}"));
            // Through JSON text, as JS receives it (duplicate keys resolve as in JSON.parse).
            // Numbers keep their text (`1.0`, `-0`, `1e2`): compare them as JSON.parse would.
            let as_js: serde_json::Value = serde_json::from_str(&response.body.to_json()).unwrap();
            assert_eq!(as_numbers(&as_js), as_numbers(expected), "{name}");
            assert_eq!(
                response.request_id.as_deref(),
                expected.get("RequestId").and_then(|r| r.as_str()),
                "{name}"
            );
            continue;
        }
        let want = &case["error"];
        let e = result.expect_err(name);
        assert_eq!(e.kind.as_str(), str_field(want, "kind"), "{name}: {e}");
        assert_eq!(e.code.as_deref(), want["code"].as_str(), "{name}");
        assert_eq!(e.retryable, want["retryable"].as_bool().unwrap(), "{name}");
        assert_eq!(
            e.request_id.as_deref(),
            want["request_id"].as_str(),
            "{name}"
        );
        assert_eq!(e.status, Some(status), "{name}");
        if want.get("excerpt").is_some() {
            let excerpt = e
                .excerpt
                .as_deref()
                .unwrap_or_else(|| panic!("{name}: no excerpt"));
            let body = str_field(case, "body");
            assert!(body.starts_with(excerpt.trim_end_matches('…')), "{name}");
            assert!(excerpt.len() <= 203, "{name}");
        }
    }
    assert!(cases(&file).len() >= 40);
}
