//! The JS-facing bindings, run under wasm in Node and in Chromium: arguments laid out in the io
//! area as the package's JS lays them (`pkg-template/src/wasm-io.js`), answers read back from it.
#![cfg(target_arch = "wasm32")]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use iot_explorer_app::wasm::io::{io_text, io_words, set_signing_secret, with_area};
use iot_explorer_app::wasm::requests::{
    build_app_api_prepared, build_token_api_prepared, sign_prepared,
};
use iot_explorer_app::wasm::{parse_login_response_js, parse_response_js};
use serde_json::Value;
use wasm_bindgen_test::wasm_bindgen_test as test;

use iot_explorer_app::abi::arg::{MISSING, OTHER, STRING};
use iot_explorer_app::abi::flag::{KEEP_EMPTY, MAKE_REQUEST_ID, NODE_SDK_VALUES, STRING_TO_SIGN};
use iot_explorer_app::abi::value::{JSON_TEXT as JSON, NUMBER, STRING as TEXT};

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

fn units(text: &str) -> u32 {
    text.encode_utf16().count() as u32
}

/// Joins `fields` and `params` into one text with their UTF-16 lengths and kinds, as JS does;
/// returns the parameter count and the text's byte length.
fn lay_out(fields: &[&str], params: &[(&str, &str, u32)]) -> (u32, u32) {
    let mut text = String::new();
    let mut words = Vec::new();
    for field in fields {
        text.push_str(field);
        words.push(units(field));
    }
    for (key, value, kind) in params {
        text.push_str(key);
        text.push_str(value);
        words.extend([units(key), units(value), *kind]);
    }
    let bytes = text.len() as u32;
    with_area(|area| {
        area.text = text.into_bytes();
        area.words = words;
    });
    (params.len() as u32, bytes)
}

fn hold_secret(secret: &str) {
    let (_, bytes) = lay_out(&[secret], &[]);
    assert_eq!(set_signing_secret(bytes), 1);
}

/// An io answer: the text, or the error's JSON.
fn read(answer: i32) -> Result<String, Value> {
    let length = if answer >= 0 { answer } else { -answer - 1 } as usize;
    let out = with_area(|area| String::from_utf8(area.text[..length].to_vec()).unwrap());
    if answer >= 0 {
        Ok(out)
    } else {
        Err(serde_json::from_str(&out).unwrap())
    }
}

fn sign(params: &[(&str, &str, u32)], secret: &str, flags: u32) -> Result<String, Value> {
    hold_secret(secret);
    let (count, bytes) = lay_out(&[], params);
    read(sign_prepared(count, bytes, flags))
}

/// The request the wasm wrote: url, method and content type by the word area's lengths, then
/// the body.
fn request(answer: i32) -> Result<(String, Value), Value> {
    let text = read(answer)?;
    let [url, method, kind] = with_area(|area| [area.words[0], area.words[1], area.words[2]]);
    let units: Vec<u16> = text.encode_utf16().collect();
    let cut = |from: u32, to: u32| String::from_utf16(&units[from as usize..to as usize]).unwrap();
    assert_eq!(cut(url, url + method), "POST");
    assert_eq!(cut(url + method, url + method + kind), "application/json");
    let body = cut(url + method + kind, units.len() as u32);
    Ok((cut(0, url), serde_json::from_str(&body).unwrap()))
}

const LOGIN_PARAMS: [(&str, &str, u32); 3] = [
    ("WxOpenID", "oABCDEF1234567890", TEXT),
    ("NickName", "tests", TEXT),
    ("Avatar", "http://example.com/path/to/avatar.jpg", TEXT),
];

fn app_request(
    fields: [&str; 4],
    params: &[(&str, &str, u32)],
    secret: &str,
    timestamp: f64,
    nonce: f64,
    flags: u32,
) -> Result<(String, Value), Value> {
    hold_secret(secret);
    let (count, bytes) = lay_out(&fields, params);
    request(build_app_api_prepared(
        count, bytes, timestamp, nonce, flags,
    ))
}

#[test]
fn sign_params_matches_public_vector() {
    let params = [
        ("Action", "AppGetTokenByWeiXin", TEXT),
        ("WxOpenID", "oABCDEF1234567890", TEXT),
        ("NickName", "微信用户", TEXT),
        (
            "Avatar",
            "https://thirdwx.qlogo.cn/mmopen/vi_32/abc/132",
            TEXT,
        ),
        ("RequestId", "req-0002", TEXT),
        ("Timestamp", "1700000000", NUMBER),
        ("Nonce", "42", NUMBER),
        ("AppKey", "TestAppKey0000001", TEXT),
    ];
    let secret = "TestAppSecret00000000001";
    assert_eq!(
        sign(&params, secret, 0).unwrap(),
        "UhPi1nirBzfWm2TAMtrbx9rq9dM="
    );
    assert!(sign(&params, secret, STRING_TO_SIGN)
        .unwrap()
        .starts_with("Action=AppGetTokenByWeiXin&AppKey="));
}

#[test]
fn areas_the_memory_cannot_hold_are_refused_and_leave_it_usable() {
    assert_eq!(io_text(u32::MAX), 0);
    assert_eq!(io_words(u32::MAX), 0);
    assert_ne!(io_text(16), 0);
    assert_eq!(
        sign(&[("a", "1", TEXT)], "s", STRING_TO_SIGN).unwrap(),
        "a=1"
    );
}

#[test]
fn sign_params_options_and_errors() {
    let params = [("A", "", TEXT), ("B", "x", TEXT), ("Ids", "[]", JSON)];
    let flags = KEEP_EMPTY | NODE_SDK_VALUES | STRING_TO_SIGN;
    assert_eq!(sign(&params, "s", flags).unwrap(), "A=&B=x&Ids=");
    let e = sign(&params, "s", 0).unwrap_err();
    assert_eq!(
        (&e["kind"], &e["param"]),
        (&"InvalidInput".into(), &"Ids".into())
    );
    let e = sign(&params, "", 0).unwrap_err();
    assert_eq!(
        (&e["param"], &e["code"]),
        (&"appSecret".into(), &"MissingParameter".into())
    );
}

#[test]
fn values_that_cannot_be_read_are_typed_errors_naming_their_place() {
    for (params, param) in [
        (vec![("S", r#"["\ud800"]"#, JSON)], "S"),
        (vec![("S", "{", JSON)], "S"),
    ] {
        let e = sign(&params, "s", NODE_SDK_VALUES).unwrap_err();
        assert_eq!(e["kind"], "InvalidInput", "{params:?}");
        assert_eq!(e["param"], param, "{params:?}");
    }
    // A key ending in a high surrogate and a value starting with a low one: joined they make a
    // pair, so the lengths JS gives (one unit each) end inside it.
    hold_secret("s");
    let text = "K😀";
    with_area(|area| {
        area.text = text.as_bytes().to_vec();
        area.words = vec![2, 1, TEXT];
    });
    let e = read(sign_prepared(1, text.len() as u32, 0)).unwrap_err();
    assert_eq!(e["param"], "params");
}

#[test]
fn app_api_request_is_signed_and_complete() {
    let fields = ["AppGetTokenByWeiXin", "TestAppKey0000001", "req-0001", ""];
    let (url, body) = app_request(
        fields,
        &LOGIN_PARAMS,
        "TestAppSecret00000000001",
        1700000000.0,
        1.0,
        0,
    )
    .unwrap();
    assert_eq!(url, "https://iot.cloud.tencent.com/api/exploreropen/appapi");
    assert_eq!(body["Signature"], "k6gG9JD7S3vqUz17nfXSbpcynS4=");
    assert_eq!(body["Nonce"], 1);
    assert!(!body.to_string().contains("TestAppSecret"));
}

#[test]
fn app_api_request_fills_defaults() {
    let fields = ["AppGetTokenByWeiXin", "k", "", "oversea"];
    let params = [
        ("WxOpenID", "o", TEXT),
        ("NickName", "n", TEXT),
        ("Avatar", "a", TEXT),
    ];
    let (url, body) =
        app_request(fields, &params, "s", f64::NAN, f64::NAN, MAKE_REQUEST_ID).unwrap();
    assert!(url.starts_with("https://oversea.iotcloud.tencentiotcloud.com/"));
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
    let login = ["AppGetTokenByWeiXin", "k", "r", ""];
    for (fields, params, secret, timestamp, nonce, param) in [
        (
            login,
            &[LOGIN_PARAMS[0], LOGIN_PARAMS[2]][..],
            "s",
            1.0,
            1.0,
            "NickName",
        ),
        (login, &LOGIN_PARAMS[..], "s", 1.0, 1.5, "nonce"),
        (login, &LOGIN_PARAMS[..], "s", 1.0e12, 1.0, "timestamp"),
        (login, &LOGIN_PARAMS[..], "", 1.0, 1.0, "appSecret"),
        (
            ["X", "k", "r", "ftp://x"],
            &[][..],
            "s",
            1.0,
            1.0,
            "endpoint",
        ),
        (["", "k", "r", ""], &[][..], "s", 1.0, 1.0, "action"),
        (["X", "", "r", ""], &[][..], "s", 1.0, 1.0, "appKey"),
        (["X", "k", "", ""], &[][..], "s", 1.0, 1.0, "requestId"),
        (login, &[("Nonce", "1", NUMBER)][..], "s", 1.0, 1.0, "Nonce"),
        (login, &[("N", "1x", NUMBER)][..], "s", 1.0, 1.0, "N"),
        (login, &[("K", "v", 9)][..], "s", 1.0, 1.0, "K"),
    ] {
        let e = app_request(fields, params, secret, timestamp, nonce, 0).unwrap_err();
        assert_eq!(e["kind"], "InvalidInput", "{fields:?} {params:?}");
        assert_eq!(e["param"], param, "{fields:?} {params:?}");
        assert!(e["requestId"].is_null());
        assert_eq!(e["retryable"], false);
    }
}

#[test]
fn token_api_request() {
    let fields = [
        "AppGetUser",
        "tok",
        "r1",
        "http://127.0.0.1:9/api/exploreropen",
    ];
    let (count, bytes) = lay_out(&fields, &[]);
    let (url, body) = request(build_token_api_prepared(count, bytes, 0)).unwrap();
    assert_eq!(url, "http://127.0.0.1:9/api/exploreropen/tokenapi");
    assert_eq!(
        body.to_string(),
        r#"{"Action":"AppGetUser","RequestId":"r1","AccessToken":"tok"}"#
    );
    let (count, bytes) = lay_out(&["AppGetUser", "", "r1", ""], &[]);
    let e = request(build_token_api_prepared(count, bytes, 0)).unwrap_err();
    assert_eq!(e["param"], "accessToken");
}

/// A parsed body as JS makes it from the answer (`[start, fromEnd, …names]`: UTF-16 offsets
/// into the body text from its start and from its end, or `[body, …names]`), with each named
/// JSON-text field also parsed as `<name>Parsed`.
fn body_of(answer: Value, body: &str) -> Value {
    let parts = answer.as_array().unwrap();
    let (mut out, names) = match parts[0].as_u64() {
        Some(start) => {
            let units: Vec<u16> = body.encode_utf16().collect();
            let end = units.len() - parts[1].as_u64().unwrap() as usize;
            let slice = String::from_utf16(&units[start as usize..end]).unwrap();
            (serde_json::from_str::<Value>(&slice).unwrap(), &parts[2..])
        }
        None => (parts[0].clone(), &parts[1..]),
    };
    for name in names {
        let name = name.as_str().unwrap();
        let parsed = serde_json::from_str(out[name].as_str().unwrap()).unwrap();
        out[format!("{name}Parsed")] = parsed;
    }
    out
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
