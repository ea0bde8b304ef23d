//! The JS-facing bindings, run under wasm in Node and in Chromium.
#![cfg(target_arch = "wasm32")]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use iot_explorer_app::wasm::{
    build_app_api_request_js, build_token_api_request_js, parse_login_response_js,
    parse_response_js, sign_params_js,
};
use js_sys::{Reflect, JSON};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test as test;

fn js(json: &str) -> JsValue {
    JSON::parse(json).unwrap()
}

fn get(v: &JsValue, key: &str) -> JsValue {
    Reflect::get(v, &JsValue::from_str(key)).unwrap()
}

fn text(v: &JsValue, key: &str) -> String {
    get(v, key)
        .as_string()
        .unwrap_or_else(|| panic!("{key} is not a string"))
}

/// The thrown value: an Error named IotExplorerError with the evidence fields.
fn thrown(result: Result<JsValue, JsValue>) -> JsValue {
    let e = result.expect_err("expected a thrown error");
    assert!(e.is_instance_of::<js_sys::Error>());
    assert_eq!(text(&e, "name"), "IotExplorerError");
    e
}

const LOGIN: &str = r#"{"action":"AppGetTokenByWeiXin","appKey":"TestAppKey0000001","appSecret":"TestAppSecret00000000001",
  "timestamp":1700000000,"nonce":1,"requestId":"req-0001",
  "params":{"WxOpenID":"oABCDEF1234567890","NickName":"tests","Avatar":"http://example.com/path/to/avatar.jpg"}}"#;

#[test]
fn sign_params_matches_public_vector() {
    let params = js(
        r#"{"Action":"AppGetTokenByWeiXin","WxOpenID":"oABCDEF1234567890","NickName":"微信用户",
      "Avatar":"https://thirdwx.qlogo.cn/mmopen/vi_32/abc/132","RequestId":"req-0002","Timestamp":1700000000,
      "Nonce":42,"AppKey":"TestAppKey0000001"}"#,
    );
    let out = sign_params_js(
        params,
        "TestAppSecret00000000001".into(),
        JsValue::UNDEFINED,
    )
    .unwrap();
    assert_eq!(text(&out, "signature"), "UhPi1nirBzfWm2TAMtrbx9rq9dM=");
    assert!(text(&out, "stringToSign").starts_with("Action=AppGetTokenByWeiXin&AppKey="));
}

#[test]
fn sign_params_options_and_errors() {
    let params = js(r#"{"A":"","B":"x","Ids":[]}"#);
    let keep = js(r#"{"emptyValues":"keep","values":"node-sdk"}"#);
    let out = sign_params_js(params.clone(), "s".into(), keep).unwrap();
    assert_eq!(text(&out, "stringToSign"), "A=&B=x&Ids=");

    let e = thrown(sign_params_js(params.clone(), "s".into(), JsValue::NULL));
    assert_eq!(text(&e, "kind"), "InvalidInput");
    assert_eq!(text(&e, "param"), "Ids");

    let e = thrown(sign_params_js(
        params.clone(),
        "s".into(),
        js(r#"{"values":"loose"}"#),
    ));
    assert_eq!(text(&e, "param"), "values");
    let e = thrown(sign_params_js(
        params,
        JsValue::from_f64(5.0),
        JsValue::UNDEFINED,
    ));
    assert_eq!(text(&e, "param"), "appSecret");
}

#[test]
fn values_json_cannot_carry_are_typed_errors() {
    let bigint = js_sys::Object::new();
    Reflect::set(&bigint, &"N".into(), &js_sys::BigInt::from(5u32).into()).unwrap();
    let circular = js_sys::Object::new();
    Reflect::set(&circular, &"self".into(), &circular).unwrap();
    let lone = js_sys::Object::new();
    Reflect::set(&lone, &"S".into(), &JSON::parse(r#""\ud800""#).unwrap()).unwrap();
    for (value, what) in [
        (bigint, "BigInt"),
        (circular, "circular"),
        (lone, "lone surrogate"),
    ] {
        let e = thrown(sign_params_js(value.into(), "s".into(), JsValue::UNDEFINED));
        assert_eq!(text(&e, "kind"), "InvalidInput", "{what}");
        assert_eq!(text(&e, "param"), "params", "{what}");
    }
    let e = thrown(sign_params_js(
        JsValue::UNDEFINED,
        "s".into(),
        JsValue::UNDEFINED,
    ));
    assert_eq!(text(&e, "param"), "params");
}

#[test]
fn app_api_request_is_signed_and_complete() {
    let out = build_app_api_request_js(js(LOGIN)).unwrap();
    assert_eq!(
        text(&out, "url"),
        "https://iot.cloud.tencent.com/api/exploreropen/appapi"
    );
    assert_eq!(text(&out, "method"), "POST");
    assert_eq!(
        text(&get(&out, "headers"), "content-type"),
        "application/json"
    );
    let body = JSON::parse(&text(&out, "body")).unwrap();
    assert_eq!(text(&body, "Signature"), "k6gG9JD7S3vqUz17nfXSbpcynS4=");
    assert_eq!(get(&body, "Nonce").as_f64(), Some(1.0));
    assert!(!text(&out, "body").contains("TestAppSecret"));
}

#[test]
fn app_api_request_fills_defaults() {
    let input = js(
        r#"{"action":"AppGetTokenByWeiXin","appKey":"k","appSecret":"s","endpoint":"oversea",
      "params":{"WxOpenID":"o","NickName":"n","Avatar":"a"}}"#,
    );
    let out = build_app_api_request_js(input).unwrap();
    assert!(text(&out, "url").starts_with("https://oversea.iotcloud.tencentiotcloud.com/"));
    let body = JSON::parse(&text(&out, "body")).unwrap();
    let nonce = get(&body, "Nonce").as_f64().unwrap();
    assert!((1.0..=2147483647.0).contains(&nonce) && nonce.fract() == 0.0);
    let now = js_sys::Date::now() / 1000.0;
    assert!((get(&body, "Timestamp").as_f64().unwrap() - now).abs() < 5.0);
    let id = text(&body, "RequestId");
    assert_eq!(id.len(), 36);
    assert_eq!(id.as_bytes()[14], b'4');
    assert!(matches!(id.as_bytes()[19], b'8' | b'9' | b'a' | b'b'));
}

#[test]
fn app_api_request_input_errors() {
    for (input, param) in [
        (
            r#"{"action":"AppGetTokenByWeiXin","appKey":"k","appSecret":"s","params":{"WxOpenID":"o","NickName":"","Avatar":"a"}}"#,
            "NickName",
        ),
        (
            r#"{"action":"X","appKey":"k","appSecret":"s","requestID":"typo"}"#,
            "requestID",
        ),
        (
            r#"{"action":"X","appKey":"k","appSecret":"s","nonce":1.5}"#,
            "nonce",
        ),
        (
            r#"{"action":"X","appKey":"k","appSecret":"s","timestamp":"1"}"#,
            "timestamp",
        ),
        (r#"{"action":"X","appKey":"k"}"#, "appSecret"),
        (
            r#"{"action":"X","appKey":"k","appSecret":"s","endpoint":"ftp://x"}"#,
            "endpoint",
        ),
        (
            r#"{"action":"X","appKey":"k","appSecret":"s","params":[1]}"#,
            "params",
        ),
        (
            r#"{"action":"X","appKey":"k","appSecret":"s","signing":{"emptyValues":"no"}}"#,
            "emptyValues",
        ),
        (r#""just a string""#, "request"),
    ] {
        let e = thrown(build_app_api_request_js(js(input)));
        assert_eq!(text(&e, "kind"), "InvalidInput", "{input}");
        assert_eq!(text(&e, "param"), param, "{input}");
        assert!(get(&e, "requestId").is_null());
        assert_eq!(get(&e, "retryable").as_bool(), Some(false));
    }
}

#[test]
fn token_api_request() {
    let input = js(
        r#"{"action":"AppGetUser","accessToken":"tok","requestId":"r1","endpoint":"http://127.0.0.1:9/api/exploreropen"}"#,
    );
    let out = build_token_api_request_js(input).unwrap();
    assert_eq!(
        text(&out, "url"),
        "http://127.0.0.1:9/api/exploreropen/tokenapi"
    );
    assert_eq!(
        text(&out, "body"),
        r#"{"Action":"AppGetUser","RequestId":"r1","AccessToken":"tok"}"#
    );
    let e = thrown(build_token_api_request_js(js(r#"{"action":"AppGetUser"}"#)));
    assert_eq!(text(&e, "param"), "accessToken");
}

#[test]
fn responses_and_errors() {
    let body = r#"{"code":0,"msg":"","data":{"Data":{"Token":"t","ExpireAt":1700007200},"RequestId":"r"}}"#;
    let out = parse_response_js(JsValue::from_f64(200.0), body.into()).unwrap();
    assert_eq!(text(&out, "RequestId"), "r");
    assert_eq!(text(&get(&out, "Data"), "Token"), "t");
    let grant = parse_login_response_js(JsValue::from_f64(200.0), body.into()).unwrap();
    assert_eq!(text(&grant, "Token"), "t");
    assert_eq!(get(&grant, "ExpireAt").as_f64(), Some(1700007200.0));

    let e = thrown(parse_response_js(
        JsValue::from_f64(502.0),
        "<html>bad gateway</html>".into(),
    ));
    assert_eq!(text(&e, "kind"), "Http");
    assert_eq!(get(&e, "status").as_f64(), Some(502.0));
    assert_eq!(get(&e, "retryable").as_bool(), Some(true));
    assert_eq!(text(&e, "excerpt"), "<html>bad gateway</html>");

    let expired = r#"{"Response":{"Error":{"Code":"InvalidParameterValue.InvalidAccessToken","Message":"expired"},"RequestId":"r9"}}"#;
    let e = thrown(parse_response_js(JsValue::from_f64(200.0), expired.into()));
    assert_eq!(text(&e, "kind"), "Api");
    assert_eq!(text(&e, "code"), "InvalidParameterValue.InvalidAccessToken");
    assert_eq!(text(&e, "requestId"), "r9");
    assert_eq!(text(&e, "message"), "expired");

    for (status, body) in [
        (JsValue::from_str("200"), JsValue::from_str("{}")),
        (JsValue::from_f64(200.0), JsValue::NULL),
    ] {
        let e = thrown(parse_response_js(status, body));
        assert_eq!(text(&e, "kind"), "InvalidInput");
    }
}
