//! JavaScript bindings. Every call crosses through the io area (`io.rs`): arguments written
//! there by JS as UTF-8 pieces, the answer read back from it (the result, or the error as
//! JSON). Signing and request building (`requests.rs`) take parameters as key, value text and
//! kind; parsing (here) takes the status and the body text.

use crate::prelude::*;

mod allocator;
mod defaults;
mod input;
#[doc(hidden)]
pub mod io;
#[cfg(feature = "wasm-panic-handler")]
mod panic_handler;
#[doc(hidden)]
pub mod requests;

use wasm_bindgen::prelude::*;

use crate::actions::is_idempotent;
use crate::actions::kind::is_json_object;
use crate::actions::login::parse_token_grant;
use crate::actions::result::shape_result;
use crate::endpoint::{Api, Endpoint};
use crate::error::Result;
use crate::json::Value;
use crate::response::{excerpt, parse_response, ApiResponse};
use crate::text::int;
use input::{status_code, Args};
use io::{answer, with_area};

/// Runs a call over its `count` arguments in the io area and puts the answer there.
fn call(count: usize, bytes: u32, kinds: u32, body: impl FnOnce(&Args) -> Result<String>) -> i32 {
    with_area(|area| {
        let result = Args::read(area, count, bytes, kinds).and_then(|args| body(&args));
        answer(area, result)
    })
}

/// `parseResponse(status, bodyText) → { RequestId, Data?, …rest of the response }`
#[wasm_bindgen(js_name = parseResponse)]
pub fn parse_response_js(status: f64, bytes: u32, kinds: u32) -> i32 {
    call(1, bytes, kinds, |args| {
        let status = status_code(status)?;
        let body = args.string(0, "bodyText")?;
        let response = parse_response(status, body)?;
        Ok(body_answer(body, &response, &[]))
    })
}

/// `parseActionResponse(action, status, bodyText)`: like `parseResponse`, and for the typed
/// actions the documented fields are checked and put where the typed result has them, with
/// JSON-text fields also given parsed (`DataParsed`).
#[wasm_bindgen(js_name = parseActionResponse)]
pub fn parse_action_response_js(status: f64, bytes: u32, kinds: u32) -> i32 {
    call(2, bytes, kinds, |args| {
        let action = args.string(0, "action")?;
        let status = status_code(status)?;
        let body = args.string(1, "bodyText")?;
        let mut response = parse_response(status, body)?;
        let mut shaped = shape_result(action, &mut response)
            .map_err(|e| e.with_status(status).with_excerpt(excerpt(body)))?;
        // Any other answer's `Data` holding an object's JSON text is also given parsed.
        let data_is_object =
            |r: &ApiResponse| r.data().and_then(Value::as_str).is_some_and(is_json_object);
        if response.get("DataParsed").is_none()
            && !shaped.to_parse.contains(&"Data")
            && data_is_object(&response)
        {
            shaped.to_parse.push("Data");
        }
        if shaped.rewritten {
            response.body_span = None;
        }
        Ok(body_answer(body, &response, &shaped.to_parse))
    })
}

/// How a parsed response's body goes back to JS: `[start, fromEnd, …names]`, the UTF-16
/// offsets of the body object in the text JS passed, from its start and from its end, which
/// JS hands to its own `JSON.parse` (the same values, and nothing written out again); or
/// `[body, …names]` with the body itself when it is not in the text as it is (a missing or null
/// `data`, a field moved). `names`: JSON-text fields to give parsed as `<name>Parsed`.
fn body_answer(body: &str, response: &ApiResponse, to_parse: &[&str]) -> String {
    let range = response.body_span.and_then(|(start, end)| {
        Some((utf16_len(body.get(..start)?), utf16_len(body.get(end..)?)))
    });
    let mut out = String::from("[");
    match range {
        Some((start, from_end)) => {
            out.push_str(&int(start as i64));
            out.push(',');
            out.push_str(&int(from_end as i64));
        }
        None => out.push_str(&response.body.to_json()),
    }
    for name in to_parse {
        out.push_str(",\"");
        out.push_str(name);
        out.push('"');
    }
    out.push(']');
    out
}

/// Whether `x` is a whole number (`f64::fract` needs std); NaN and ±Infinity are not.
fn is_whole(x: f64) -> bool {
    x == (x as i64) as f64
}

/// JS's `length` of `text`: a unit per byte but continuation bytes, two for 4-byte chars.
fn utf16_len(text: &str) -> usize {
    text.bytes()
        .map(|b| match b {
            0x80..=0xbf => 0,
            0xf0..=0xff => 2,
            _ => 1,
        })
        .sum()
}

/// `endpointUrls(endpoint) → [appapi URL, tokenapi URL, push URL]` of an endpoint as the
/// clients take it (`"china"`, `"oversea"`, a base URL; empty: the China service).
#[wasm_bindgen(js_name = endpointUrls)]
pub fn endpoint_urls_js(bytes: u32, kinds: u32) -> i32 {
    call(1, bytes, kinds, |args| {
        let name = args.optional_string(0, "endpoint")?;
        let endpoint = Endpoint::parse(name)?;
        let urls = [
            endpoint.url(Api::AppApi),
            endpoint.url(Api::TokenApi),
            endpoint.push_url(),
        ];
        Ok(Value::Array(urls.into_iter().map(Value::String).collect()).to_json())
    })
}

/// `isIdempotent(action) → 1 | 0`: whether a retry of `action` is safe (its definition says
/// so; an unknown action by its name); −1 for arguments out of place.
#[wasm_bindgen(js_name = isIdempotent)]
pub fn is_idempotent_js(bytes: u32, kinds: u32) -> i32 {
    with_area(|area| {
        match Args::read(area, 1, bytes, kinds)
            .and_then(|args| args.string(0, "action").map(is_idempotent))
        {
            Ok(yes) => i32::from(yes),
            Err(_) => -1,
        }
    })
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
        let mut out = vec![
            ("Token".into(), grant.token.into()),
            ("ExpireAt".into(), grant.expire_at.into()),
            (
                "RequestId".into(),
                grant.request_id.map_or(Value::Null, Value::String),
            ),
        ];
        if let Some(at) = grant.cancel_account_time {
            out.push(("CancelAccountTime".into(), at.into()));
        }
        let out = Value::Object(out);
        Ok(out.to_json())
    })
}
