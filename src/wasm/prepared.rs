//! The fast paths behind `signParams`, `buildAppApiRequest` and `buildTokenApiRequest`, for
//! arguments laid out in the io area (see `io.rs`): parameter values are strings, finite
//! numbers (as `String(n)` wrote them) or booleans. Whatever these paths do not take, errors
//! included, answers `FALLBACK`, and JS then takes the general path, which reports it.

use std::borrow::Cow;

use wasm_bindgen::prelude::*;

use super::defaults;
use super::io::{layout, put_result, with_area, Area, Lengths::Utf16Units};
use crate::endpoint::Endpoint;
use crate::json::{Number, Value};
use crate::params::Params;
use crate::request::{
    build_app_api_request, build_token_api_request, AppApiCall, HttpRequest, TokenApiCall,
};
use crate::sign::{EmptyValues, SigningOptions, ValueFormat};
use iot_explorer_signing::string_and_signature;

const FALLBACK: i32 = -1;

/// Value kinds in the word area, one per parameter after its key and value lengths.
const STRING: u32 = 0;
const NUMBER: u32 = 1;
const BOOLEAN: u32 = 2;

/// Flag bits: `emptyValues: "keep"`, `values: "node-sdk"`, and (signing only) answer the
/// string to sign instead of the signature.
const KEEP_EMPTY: u32 = 1;
const NODE_SDK_VALUES: u32 = 2;
const STRING_TO_SIGN: u32 = 4;

/// The leading pieces of a request's text: action, appKey or accessToken, requestId (empty:
/// make one), endpoint (empty: the default).
const REQUEST_FIELDS: usize = 4;

fn signing_options(flags: u32) -> SigningOptions {
    SigningOptions {
        empty_values: if flags & KEEP_EMPTY == 0 {
            EmptyValues::Omit
        } else {
            EmptyValues::Keep
        },
        values: if flags & NODE_SDK_VALUES == 0 {
            ValueFormat::Strict
        } else {
            ValueFormat::NodeSdk
        },
    }
}

/// `signPrepared(count, bytes, flags) → length` of the signature (or the string to sign) in
/// the text area, signed with the secret of `setSigningSecret`; or -1.
#[wasm_bindgen(js_name = signPrepared)]
pub fn sign_prepared(count: u32, bytes: u32, flags: u32) -> i32 {
    with_area(|area| match signed_text(area, count, bytes, flags) {
        Some(text) => put_result(area, &text),
        None => FALLBACK,
    })
}

fn signed_text(area: &Area, count: u32, bytes: u32, flags: u32) -> Option<Vec<u8>> {
    let layout = layout(area, Utf16Units, 0, count, bytes)?;
    let pairs = layout.params.iter().map(|&(key, text, _)| (key, text));
    let key = match flags & STRING_TO_SIGN {
        0 => Some(area.secret.as_ref()?.keyed()),
        _ => None,
    };
    let empty_values = signing_options(flags).empty_values;
    let (text, signature) = string_and_signature(pairs.collect(), empty_values, key);
    Some(signature.unwrap_or(text))
}

/// `buildAppApiPrepared(count, bytes, timestamp, nonce, flags) → length` of the request in the
/// text area (url, method, content type, body; the first three UTF-16 lengths in the word
/// area); timestamp and nonce NaN mean "make one"; or -1.
#[wasm_bindgen(js_name = buildAppApiPrepared)]
pub fn build_app_api_prepared(
    count: u32,
    bytes: u32,
    timestamp: f64,
    nonce: f64,
    flags: u32,
) -> i32 {
    with_area(|area| {
        let request = app_api_request(area, count, bytes, timestamp, nonce, flags);
        put_request(area, request)
    })
}

fn app_api_request(
    area: &Area,
    count: u32,
    bytes: u32,
    timestamp: f64,
    nonce: f64,
    flags: u32,
) -> Option<HttpRequest> {
    let parts = request_parts(area, count, bytes)?;
    let call = AppApiCall {
        action: parts.action,
        params: &parts.params,
        app_key: parts.credential,
        app_secret: area.secret.as_ref()?,
        timestamp: integer_or(timestamp, || defaults::now_seconds().ok())?,
        nonce: integer_or(nonce, || defaults::nonce().ok())?,
        request_id: &parts.request_id,
        endpoint: &parts.endpoint,
        signing: signing_options(flags),
    };
    build_app_api_request(&call).ok().map(|built| built.request)
}

/// `buildTokenApiPrepared(count, bytes) → length`, laid out as for `buildAppApiPrepared`
/// (with the AccessToken where that has the AppKey); or -1.
#[wasm_bindgen(js_name = buildTokenApiPrepared)]
pub fn build_token_api_prepared(count: u32, bytes: u32) -> i32 {
    with_area(|area| {
        let request = token_api_request(area, count, bytes);
        put_request(area, request)
    })
}

fn token_api_request(area: &Area, count: u32, bytes: u32) -> Option<HttpRequest> {
    let parts = request_parts(area, count, bytes)?;
    let call = TokenApiCall {
        action: parts.action,
        params: &parts.params,
        access_token: parts.credential,
        request_id: &parts.request_id,
        endpoint: &parts.endpoint,
    };
    build_token_api_request(&call).ok()
}

/// What both kinds of request lay out: action, AppKey or AccessToken, request id (made here
/// when empty), endpoint, then the parameters.
struct RequestParts<'a> {
    action: &'a str,
    credential: &'a str,
    request_id: Cow<'a, str>,
    endpoint: Endpoint,
    params: Params,
}

fn request_parts(area: &Area, count: u32, bytes: u32) -> Option<RequestParts<'_>> {
    let layout = layout(area, Utf16Units, REQUEST_FIELDS, count, bytes)?;
    let [action, credential, request_id, endpoint] = texts(&layout.fields)?;
    Some(RequestParts {
        action,
        credential,
        request_id: request_id_or_default(request_id)?,
        endpoint: Endpoint::parse(Some(endpoint)).ok()?,
        params: params_of(&layout.params)?,
    })
}

/// The request fields as text.
fn texts<'a>(fields: &[&'a [u8]]) -> Option<[&'a str; REQUEST_FIELDS]> {
    let mut out = [""; REQUEST_FIELDS];
    for (slot, field) in out.iter_mut().zip(fields) {
        *slot = core::str::from_utf8(field).ok()?;
    }
    Some(out)
}

fn params_of(pieces: &[(&[u8], &[u8], u32)]) -> Option<Params> {
    let mut params = Params::new();
    for &(key, text, kind) in pieces {
        let key = core::str::from_utf8(key).ok()?;
        let text = core::str::from_utf8(text).ok()?;
        let value = match kind {
            STRING => Value::String(text.into()),
            NUMBER => Value::Number(Number::parse(text)?),
            BOOLEAN => Value::Bool(text == "true"),
            _ => return None,
        };
        params.set(key, value);
    }
    Some(params)
}

fn request_id_or_default(given: &str) -> Option<Cow<'_, str>> {
    if given.is_empty() {
        defaults::request_id().ok().map(Cow::Owned)
    } else {
        Some(Cow::Borrowed(given))
    }
}

/// NaN: the default; otherwise an integer (the general path reports any other number).
fn integer_or(value: f64, default: impl FnOnce() -> Option<i64>) -> Option<i64> {
    if value.is_nan() {
        default()
    } else if value.fract() == 0.0 && value.abs() <= 9.0e15 {
        Some(value as i64)
    } else {
        None
    }
}

fn put_request(area: &mut Area, request: Option<HttpRequest>) -> i32 {
    let Some(request) = request else {
        return FALLBACK;
    };
    let parts = [
        request.url.as_str(),
        request.method,
        request.content_type,
        &request.body,
    ];
    for (word, part) in area.words.iter_mut().zip(&parts[..3]) {
        *word = part.encode_utf16().count() as u32;
    }
    let length = parts.iter().map(|part| part.len()).sum::<usize>();
    if area.text.len() < length {
        area.text.resize(length, 0);
    }
    let mut at = 0;
    for part in parts {
        if let Some(slot) = area.text.get_mut(at..at + part.len()) {
            slot.copy_from_slice(part.as_bytes());
        }
        at += part.len();
    }
    length as i32
}

#[cfg(test)]
mod tests {
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use super::*;

    fn area(text: &str, words: &[u32]) -> Area {
        Area {
            text: text.as_bytes().to_vec(),
            words: words.to_vec(),
            secret: None,
        }
    }

    #[test]
    fn layout_follows_the_utf16_lengths() {
        let text = "Get小明x1";
        let bytes = text.len() as u32;
        let a = area(text, &[3, 2, 1, STRING, 1, 0, NUMBER]);
        let cut = layout(&a, Utf16Units, 1, 2, bytes).unwrap();
        assert_eq!(cut.fields, [&b"Get"[..]]);
        let params: [(&[u8], &[u8], u32); 2] =
            [("小明".as_bytes(), b"x", STRING), (b"1", b"", NUMBER)];
        assert_eq!(cut.params, params);
        assert!(
            layout(&a, Utf16Units, 1, 1, bytes).is_none(),
            "text left over"
        );
        assert!(
            layout(&a, Utf16Units, 1, 3, bytes).is_none(),
            "words missing"
        );
        assert!(layout(&a, Utf16Units, 1, u32::MAX, bytes).is_none());
        assert!(layout(&a, Utf16Units, 1, 2, 99).is_none());
    }

    #[test]
    fn utf16_lengths_count_a_surrogate_pair_as_two() {
        let text = "0123456789abcdef😀x";
        let a = area(text, &[18, 1]);
        let cut = layout(&a, Utf16Units, 2, 0, text.len() as u32).unwrap();
        assert_eq!(cut.fields, [&b"0123456789abcdef\xf0\x9f\x98\x80"[..], b"x"]);
        let split_pair = area(text, &[17, 2]);
        assert!(layout(&split_pair, Utf16Units, 2, 0, text.len() as u32).is_none());
    }

    #[test]
    fn utf16_lengths_refuse_the_replacement_character() {
        // What TextEncoder makes of an unpaired surrogate: the general path reports it.
        let text = "a\u{fffd}";
        let a = area(text, &[2]);
        assert!(layout(&a, Utf16Units, 1, 0, text.len() as u32).is_none());
    }

    #[test]
    fn utf16_lengths_find_every_piece_of_joined_text() {
        const CHARS: [&str; 8] = [
            "a",
            "~",
            "é",
            "小",
            "\u{ffff}",
            "😀",
            "\u{10ffff}",
            "\u{7f}",
        ];
        let mut seed = 0x2545_f491_u32;
        let mut next = |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 17;
            seed ^= seed << 5;
            seed as usize % n
        };
        for _ in 0..500 {
            let pieces: Vec<String> = (0..next(6))
                .map(|_| (0..next(12)).map(|_| CHARS[next(CHARS.len())]).collect())
                .collect();
            let text = pieces.concat();
            let units = pieces.iter().map(|p| p.encode_utf16().count() as u32);
            let a = area(&text, &units.collect::<Vec<_>>());
            let cut = layout(&a, Utf16Units, pieces.len(), 0, text.len() as u32).unwrap();
            let found: Vec<&[u8]> = pieces.iter().map(|p| p.as_bytes()).collect();
            assert_eq!(cut.fields, found, "{pieces:?}");
        }
    }
}
