//! The JS-facing bindings, run under wasm in Node and in Chromium: arguments laid out in the io
//! area as the package's JS lays them (`pkg-template/src/wasm-io.js`), answers read back from it.
#![cfg(target_arch = "wasm32")]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use iot_explorer_app::wasm::io::{io_text, io_words, with_area};
use iot_explorer_app::wasm::{
    build_app_api_request_js, build_token_api_request_js, parse_login_response_js,
    parse_response_js, sign_params_js,
};
use serde_json::Value;
use wasm_bindgen_test::wasm_bindgen_test as test;

const STRING: u32 = 0;
const MISSING: u32 = 1;
const OTHER: u32 = 2;
const JSON: u32 = 3;

/// Lays `args` out, runs `call(bytes, kinds)`, and reads the answer: the result, or the error.
fn run(args: &[(&str, u32)], call: impl FnOnce(u32, u32) -> i32) -> Result<Value, Value> {
    let mut text = Vec::new();
    let mut words = Vec::new();
    let mut kinds = 0;
    for (i, (piece, kind)) in args.iter().enumerate() {
        text.extend_from_slice(piece.as_bytes());
        words.push(piece.len() as u32);
        kinds |= kind << (3 * i);
    }
    let bytes = text.len() as u32;
    with_area(|area| {
        area.text = text;
        area.words = words;
    });
    let answer = call(bytes, kinds);
    let length = if answer >= 0 { answer } else { -answer - 1 } as usize;
    let out = with_area(|area| String::from_utf8(area.text[..length].to_vec()).unwrap());
    let value = serde_json::from_str(&out).unwrap();
    if answer >= 0 {
        Ok(value)
    } else {
        Err(value)
    }
}

fn sign(params: (&str, u32), secret: (&str, u32), options: (&str, u32)) -> Result<Value, Value> {
    run(&[params, secret, options], sign_params_js)
}

fn app_request(input: &str) -> Result<Value, Value> {
    run(&[(input, JSON)], build_app_api_request_js)
}

const LOGIN: &str = r#"{"action":"AppGetTokenByWeiXin","appKey":"TestAppKey0000001","appSecret":"TestAppSecret00000000001",
  "timestamp":1700000000,"nonce":1,"requestId":"req-0001",
  "params":{"WxOpenID":"oABCDEF1234567890","NickName":"tests","Avatar":"http://example.com/path/to/avatar.jpg"}}"#;

#[test]
fn sign_params_matches_public_vector() {
    let params = r#"{"Action":"AppGetTokenByWeiXin","WxOpenID":"oABCDEF1234567890","NickName":"微信用户",
      "Avatar":"https://thirdwx.qlogo.cn/mmopen/vi_32/abc/132","RequestId":"req-0002","Timestamp":1700000000,
      "Nonce":42,"AppKey":"TestAppKey0000001"}"#;
    let out = sign(
        (params, JSON),
        ("TestAppSecret00000000001", STRING),
        ("", MISSING),
    )
    .unwrap();
    assert_eq!(out["signature"], "UhPi1nirBzfWm2TAMtrbx9rq9dM=");
    assert!(out["stringToSign"]
        .as_str()
        .unwrap()
        .starts_with("Action=AppGetTokenByWeiXin&AppKey="));
}

#[test]
fn areas_the_memory_cannot_hold_are_refused_and_leave_it_usable() {
    assert_eq!(io_text(u32::MAX), 0);
    assert_eq!(io_words(u32::MAX), 0);
    assert_ne!(io_text(16), 0);
    let out = sign(("{\"a\":\"1\"}", JSON), ("s", STRING), ("", MISSING)).unwrap();
    assert_eq!(out["stringToSign"], "a=1");
}

#[test]
fn sign_params_options_and_errors() {
    let params = (r#"{"A":"","B":"x","Ids":[]}"#, JSON);
    let keep = (r#"{"emptyValues":"keep","values":"node-sdk"}"#, JSON);
    let out = sign(params, ("s", STRING), keep).unwrap();
    assert_eq!(out["stringToSign"], "A=&B=x&Ids=");

    let e = sign(params, ("s", STRING), ("", MISSING)).unwrap_err();
    assert_eq!(e["kind"], "InvalidInput");
    assert_eq!(e["param"], "Ids");
    let e = sign(params, ("s", STRING), (r#"{"values":"loose"}"#, JSON)).unwrap_err();
    assert_eq!(e["param"], "values");
    let e = sign(params, ("", OTHER), ("", MISSING)).unwrap_err();
    assert_eq!(
        (&e["param"], &e["code"]),
        (&"appSecret".into(), &"InvalidParameter".into())
    );
    let e = sign(params, ("", MISSING), ("", MISSING)).unwrap_err();
    assert_eq!(
        (&e["param"], &e["code"]),
        (&"appSecret".into(), &"MissingParameter".into())
    );
}

#[test]
fn params_that_are_not_an_object_of_text_are_typed_errors() {
    for (params, what) in [
        ((r#"{"S":"\ud800"}"#, JSON), "lone surrogate"),
        (("[1]", JSON), "array"),
        (("", MISSING), "missing"),
        (("", OTHER), "a function"),
        (("{", JSON), "not JSON"),
    ] {
        let e = sign(params, ("s", STRING), ("", MISSING)).unwrap_err();
        assert_eq!(e["kind"], "InvalidInput", "{what}");
        assert_eq!(e["param"], "params", "{what}");
    }
}

#[test]
fn app_api_request_is_signed_and_complete() {
    let out = app_request(LOGIN).unwrap();
    assert_eq!(
        out["url"],
        "https://iot.cloud.tencent.com/api/exploreropen/appapi"
    );
    assert_eq!(out["method"], "POST");
    assert_eq!(out["headers"]["content-type"], "application/json");
    let body: Value = serde_json::from_str(out["body"].as_str().unwrap()).unwrap();
    assert_eq!(body["Signature"], "k6gG9JD7S3vqUz17nfXSbpcynS4=");
    assert_eq!(body["Nonce"], 1);
    assert!(!out["body"].as_str().unwrap().contains("TestAppSecret"));
}

#[test]
fn app_api_request_fills_defaults() {
    let input = r#"{"action":"AppGetTokenByWeiXin","appKey":"k","appSecret":"s","endpoint":"oversea",
      "params":{"WxOpenID":"o","NickName":"n","Avatar":"a"}}"#;
    let out = app_request(input).unwrap();
    assert!(out["url"]
        .as_str()
        .unwrap()
        .starts_with("https://oversea.iotcloud.tencentiotcloud.com/"));
    let body: Value = serde_json::from_str(out["body"].as_str().unwrap()).unwrap();
    let nonce = body["Nonce"].as_f64().unwrap();
    assert!((1.0..=2147483647.0).contains(&nonce) && nonce.fract() == 0.0);
    let now = js_sys::Date::now() / 1000.0;
    assert!((body["Timestamp"].as_f64().unwrap() - now).abs() < 5.0);
    let id = body["RequestId"].as_str().unwrap();
    assert_eq!(id.len(), 36);
    assert_eq!(id.as_bytes()[14], b'4');
    assert!(matches!(id.as_bytes()[19], b'8' | b'9' | b'a' | b'b'));
}

#[test]
fn app_api_request_input_errors() {
    for (input, param) in [
        (
            r#"{"action":"AppGetTokenByWeiXin","appKey":"k","appSecret":"s","params":{"WxOpenID":"o","Avatar":"a"}}"#,
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
        let e = app_request(input).unwrap_err();
        assert_eq!(e["kind"], "InvalidInput", "{input}");
        assert_eq!(e["param"], param, "{input}");
        assert!(e["requestId"].is_null());
        assert_eq!(e["retryable"], false);
    }
}

#[test]
fn token_api_request() {
    let input = r#"{"action":"AppGetUser","accessToken":"tok","requestId":"r1","endpoint":"http://127.0.0.1:9/api/exploreropen"}"#;
    let out = run(&[(input, JSON)], build_token_api_request_js).unwrap();
    assert_eq!(out["url"], "http://127.0.0.1:9/api/exploreropen/tokenapi");
    assert_eq!(
        out["body"],
        r#"{"Action":"AppGetUser","RequestId":"r1","AccessToken":"tok"}"#
    );
    let e = run(
        &[(r#"{"action":"AppGetUser"}"#, JSON)],
        build_token_api_request_js,
    )
    .unwrap_err();
    assert_eq!(e["param"], "accessToken");
}

/// A parsed body as JS makes it from the answer: UTF-16 offsets into the body text from its
/// start and from its end, or the body.
fn body_of(answer: Value, body: &str) -> Value {
    let Some(range) = answer.as_array() else {
        return answer;
    };
    let units: Vec<u16> = body.encode_utf16().collect();
    let start = range[0].as_u64().unwrap() as usize;
    let end = units.len() - range[1].as_u64().unwrap() as usize;
    let slice = String::from_utf16(&units[start..end]).unwrap();
    serde_json::from_str(&slice).unwrap()
}

#[test]
fn responses_and_errors() {
    let parse = |status: f64, body: (&str, u32)| {
        run(&[body], |bytes, kinds| {
            parse_response_js(status, bytes, kinds)
        })
        .map(|answer| body_of(answer, body.0))
    };
    let body = r#"{"code":0,"msg":"","data":{"Data":{"Token":"t","ExpireAt":1700007200},"RequestId":"r"}}"#;
    let out = parse(200.0, (body, STRING)).unwrap();
    assert_eq!(out["RequestId"], "r");
    assert_eq!(out["Data"]["Token"], "t");
    let grant = run(&[(body, STRING)], |bytes, kinds| {
        parse_login_response_js(200.0, bytes, kinds)
    })
    .unwrap();
    assert_eq!(grant["Token"], "t");
    assert_eq!(grant["ExpireAt"], 1700007200);

    let documented = "\u{feff} {\"Response\":{\"名\":\"😀\",\"RequestId\":\"r2\"}}";
    assert_eq!(parse(200.0, (documented, STRING)).unwrap()["名"], "😀");
    let no_data = r#"{"code":0,"msg":"","data":null}"#;
    assert_eq!(
        parse(200.0, (no_data, STRING)).unwrap(),
        serde_json::json!({})
    );

    let e = parse(502.0, ("<html>bad gateway</html>", STRING)).unwrap_err();
    assert_eq!(e["kind"], "Http");
    assert_eq!(e["status"], 502);
    assert_eq!(e["retryable"], true);
    assert_eq!(e["excerpt"], "<html>bad gateway</html>");

    let expired = r#"{"Response":{"Error":{"Code":"InvalidParameterValue.InvalidAccessToken","Message":"expired"},"RequestId":"r9"}}"#;
    let e = parse(200.0, (expired, STRING)).unwrap_err();
    assert_eq!(e["kind"], "Api");
    assert_eq!(e["code"], "InvalidParameterValue.InvalidAccessToken");
    assert_eq!(e["requestId"], "r9");
    assert_eq!(e["message"], "expired");

    for (status, body, param) in [
        (f64::NAN, ("{}", STRING), "status"),
        (200.5, ("{}", STRING), "status"),
        (200.0, ("", MISSING), "bodyText"),
        (200.0, ("", OTHER), "bodyText"),
    ] {
        let e = parse(status, body).unwrap_err();
        assert_eq!(e["kind"], "InvalidInput");
        assert_eq!(e["param"], param);
    }
}
