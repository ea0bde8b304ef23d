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

use crate::actions::login::parse_token_grant;
use crate::actions::spec::check_result;
use crate::error::Result;
use crate::json::{self, LoneSurrogates, Value};
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
    [
        "[",
        &int(start as i64),
        ",",
        &int(from_end as i64),
        flag,
        "]",
    ]
    .concat()
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
