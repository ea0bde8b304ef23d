//! JavaScript bindings. Every call crosses through the io area (`io.rs`): arguments written
//! there by JS as UTF-8 pieces (strings as they are, objects as `JSON.stringify` text), the
//! answer read back from it (the result, or the error as JSON). Signing and request building
//! first try the fast paths of `prepared.rs`, which take parameters as key, value text and kind.

mod allocator;
mod defaults;
mod input;
#[doc(hidden)]
pub mod io;
mod prepared;

use wasm_bindgen::prelude::*;

use crate::actions::login::parse_token_grant;
use crate::actions::spec::check_result;
use crate::error::Result;
use crate::json::{self, write_string, LoneSurrogates, Value};
use crate::request::{
    build_app_api_request, build_token_api_request, AppApiCall, HttpRequest, TokenApiCall,
};
use crate::response::{excerpt, parse_response, ApiResponse};
use crate::secret::AppSecret;
use crate::sign::sign;
use input::{status_code, Args, Fields};
use io::{answer, with_area};

/// Runs a call over its `count` arguments in the io area and puts the answer there.
fn call(count: usize, bytes: u32, kinds: u32, body: impl FnOnce(&Args) -> Result<String>) -> i32 {
    with_area(|area| {
        let result = Args::read(area, count, bytes, kinds).and_then(|args| body(&args));
        answer(area, result)
    })
}

/// `signParams(params, appSecret, options?) → { stringToSign, signature }`
#[wasm_bindgen(js_name = signParams)]
pub fn sign_params_js(bytes: u32, kinds: u32) -> i32 {
    call(3, bytes, kinds, |args| {
        let params = args.json(0, "params")?.unwrap_or(Value::Null);
        let params = crate::Params::from_object(params, "params")?;
        let secret = AppSecret::new(args.string(1, "appSecret")?);
        let options = input::signing_options(args.json(2, "options")?)?;
        let signed = sign(&params, &secret, options)?;
        let mut out = String::from("{\"stringToSign\":");
        write_string(&signed.string_to_sign, &mut out);
        out.push_str(",\"signature\":");
        write_string(&signed.signature, &mut out);
        out.push('}');
        Ok(out)
    })
}

/// `buildAppApiRequest({ action, params, appKey, appSecret, timestamp?, nonce?, requestId?,
/// endpoint?, signing? }) → { url, method, headers, body }`
#[wasm_bindgen(js_name = buildAppApiRequest)]
pub fn build_app_api_request_js(bytes: u32, kinds: u32) -> i32 {
    call(1, bytes, kinds, |args| {
        let input = args.json(0, "request")?.unwrap_or(Value::Null);
        let mut f = Fields::new(input, "request")?;
        let action = f.string("action")?;
        let params = f.params()?;
        let app_key = f.string("appKey")?;
        let app_secret = AppSecret::new(f.string("appSecret")?);
        let timestamp = match f.optional_integer("timestamp")? {
            Some(t) => t,
            None => defaults::now_seconds()?,
        };
        let nonce = match f.optional_integer("nonce")? {
            Some(n) => n,
            None => defaults::nonce()?,
        };
        let request_id = match f.optional_string("requestId")? {
            Some(id) => id,
            None => defaults::request_id()?,
        };
        let endpoint = f.endpoint()?;
        let signing = input::signing_options(f.optional("signing"))?;
        f.finish()?;
        let built = build_app_api_request(&AppApiCall {
            action: &action,
            params: &params,
            app_key: &app_key,
            app_secret: &app_secret,
            timestamp,
            nonce,
            request_id: &request_id,
            endpoint: &endpoint,
            signing,
        })?;
        Ok(request_json(&built.request))
    })
}

/// `buildTokenApiRequest({ action, params, accessToken, requestId?, endpoint? })
/// → { url, method, headers, body }`
#[wasm_bindgen(js_name = buildTokenApiRequest)]
pub fn build_token_api_request_js(bytes: u32, kinds: u32) -> i32 {
    call(1, bytes, kinds, |args| {
        let input = args.json(0, "request")?.unwrap_or(Value::Null);
        let mut f = Fields::new(input, "request")?;
        let action = f.string("action")?;
        let params = f.params()?;
        let access_token = f.string("accessToken")?;
        let request_id = match f.optional_string("requestId")? {
            Some(id) => id,
            None => defaults::request_id()?,
        };
        let endpoint = f.endpoint()?;
        f.finish()?;
        let request = build_token_api_request(&TokenApiCall {
            action: &action,
            params: &params,
            access_token: &access_token,
            request_id: &request_id,
            endpoint: &endpoint,
        })?;
        Ok(request_json(&request))
    })
}

/// `parseResponse(status, bodyText) → { RequestId, Data?, …rest of the response }`
#[wasm_bindgen(js_name = parseResponse)]
pub fn parse_response_js(status: f64, bytes: u32, kinds: u32) -> i32 {
    call(1, bytes, kinds, |args| {
        let status = status_code(status)?;
        let body = args.string(0, "bodyText")?;
        let response = parse_response(status, body)?;
        Ok(body_answer(body, &response, false))
    })
}

/// `parseActionResponse(action, status, bodyText)`: like `parseResponse`, and for the typed
/// actions the documented fields are checked and JSON-text `Data` is also given as `DataParsed`.
#[wasm_bindgen(js_name = parseActionResponse)]
pub fn parse_action_response_js(status: f64, bytes: u32, kinds: u32) -> i32 {
    call(2, bytes, kinds, |args| {
        let action = args.string(0, "action")?;
        let status = status_code(status)?;
        let body = args.string(1, "bodyText")?;
        let response = parse_response(status, body)?;
        check_result(action, &response)
            .map_err(|e| e.with_status(status).with_excerpt(excerpt(body)))?;
        Ok(body_answer(body, &response, true))
    })
}

/// How a parsed response's body goes back to JS: `[start, fromEnd]`, the UTF-16 offsets of the
/// body object in the text JS passed, from its start and from its end, which JS hands to its
/// own `JSON.parse` (the same values, and nothing written out again); with a third element `1`
/// when `Data` is the JSON text of an object and `with_data_parsed` asks for it parsed as
/// `DataParsed`. The body's own JSON when it is not in the text (a missing or null `data`).
fn body_answer(body: &str, response: &ApiResponse, with_data_parsed: bool) -> String {
    let range = response.body_span.and_then(|(start, end)| {
        Some((utf16_len(body.get(..start)?), utf16_len(body.get(end..)?)))
    });
    let Some((start, from_end)) = range else {
        return response.body.to_json();
    };
    let data_is_object = |data: &Value| {
        data.as_str()
            .is_some_and(|t| json::parse(t, LoneSurrogates::Replace).is_ok_and(|v| v.is_object()))
    };
    let flag = match response.data() {
        Some(data) if with_data_parsed && data_is_object(data) => ",1",
        _ => "",
    };
    format!("[{start},{from_end}{flag}]")
}

fn utf16_len(text: &str) -> usize {
    text.bytes()
        .map(|b| match b {
            0x80..=0xbf => 0,
            0xf0..=0xff => 2,
            _ => 1,
        })
        .sum()
}

/// `parseLoginResponse(status, bodyText) → { Token, ExpireAt, RequestId }` for
/// `AppGetTokenByWeiXin` and `AppGetToken`.
#[wasm_bindgen(js_name = parseLoginResponse)]
pub fn parse_login_response_js(status: f64, bytes: u32, kinds: u32) -> i32 {
    call(1, bytes, kinds, |args| {
        let status = status_code(status)?;
        let body = args.string(0, "bodyText")?;
        let grant = parse_token_grant(&parse_response(status, body)?)
            .map_err(|e| e.with_status(status).with_excerpt(excerpt(body)))?;
        let out = Value::Object(vec![
            ("Token".into(), grant.token.into()),
            ("ExpireAt".into(), grant.expire_at.into()),
            (
                "RequestId".into(),
                grant.request_id.map_or(Value::Null, Value::String),
            ),
        ]);
        Ok(out.to_json())
    })
}

fn request_json(request: &HttpRequest) -> String {
    Value::Object(vec![
        ("url".into(), request.url.as_str().into()),
        ("method".into(), request.method.into()),
        (
            "headers".into(),
            Value::Object(vec![("content-type".into(), request.content_type.into())]),
        ),
        ("body".into(), request.body.as_str().into()),
    ])
    .to_json()
}
