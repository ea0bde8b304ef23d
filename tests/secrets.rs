//! The AppSecret never shows up in anything the crate formats or serialises; only the
//! signature is derived from it.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

use iot_explorer_app::{
    build_app_api_request, sign, AppApiCall, AppSecret, Endpoint, Params, SigningOptions, Value,
};

const SECRET: &str = "RECOGNISABLE-APP-SECRET-7f3a9c";

fn call<'a>(params: &'a Params, secret: &'a AppSecret, endpoint: &'a Endpoint) -> AppApiCall<'a> {
    AppApiCall {
        action: "AppGetTokenByWeiXin",
        params,
        app_key: "AppKey1",
        app_secret: secret,
        timestamp: 1_700_000_000,
        nonce: 7,
        request_id: "req",
        endpoint,
        signing: SigningOptions::default(),
    }
}

#[test]
fn secret_appears_in_no_output() {
    let secret = AppSecret::new(SECRET);
    let endpoint = Endpoint::default();
    let good = Params::new()
        .with("WxOpenID", "o1")
        .with("NickName", "n")
        .with("Avatar", "a");
    let mut outputs = vec![
        format!("{secret}"),
        format!("{secret:?}"),
        format!("{secret:#?}"),
    ];

    let ok_call = call(&good, &secret, &endpoint);
    outputs.push(format!("{ok_call:?}"));
    let built = build_app_api_request(&ok_call).unwrap();
    outputs.push(format!("{built:?}"));
    outputs.push(built.request.body.clone());
    outputs.push(built.signed.string_to_sign.clone());
    outputs.push(format!(
        "{:?}",
        sign(&good, &secret, SigningOptions::default()).unwrap()
    ));

    // Every failure path that has the secret in reach.
    let bad_params = [
        good.clone().with("NickName", ""),
        good.clone().with("Extra", Value::Null),
        good.clone().with("Extra", Value::from(f64::NAN)),
        good.clone().with("Timestamp", 1i64),
    ];
    for params in &bad_params {
        let c = call(params, &secret, &endpoint);
        if let Err(e) = build_app_api_request(&c) {
            outputs.push(format!("{e}"));
            outputs.push(format!("{e:?}"));
        }
        outputs.push(format!("{c:?}"));
    }
    let bad_calls = [
        AppApiCall {
            nonce: 0,
            ..call(&good, &secret, &endpoint)
        },
        AppApiCall {
            timestamp: -5,
            ..call(&good, &secret, &endpoint)
        },
        AppApiCall {
            app_key: "",
            ..call(&good, &secret, &endpoint)
        },
        AppApiCall {
            action: "AppGetUser",
            ..call(&good, &secret, &endpoint)
        },
    ];
    for c in &bad_calls {
        let e = build_app_api_request(c).unwrap_err();
        outputs.push(format!("{e}"));
        outputs.push(format!("{e:?}"));
    }

    for out in &outputs {
        assert!(!out.contains(SECRET), "secret leaked in: {out}");
    }
    assert!(outputs.len() > 20);
}
