//! `signParams`, `buildAppApiRequest` and `buildTokenApiRequest`: their one path. Arguments are
//! laid out in the io area (see `io.rs`): a few text fields, then each parameter's key, value
//! text and kind. JS checks what only it can see (types, unknown members, values JSON cannot
//! carry); everything else is checked here, and errors come back as the io area's error answer.

use crate::prelude::*;

use alloc::borrow::Cow;

use wasm_bindgen::prelude::*;

use super::io::{answer, layout, put_result, with_area, Area, Layout, Lengths::Utf16Units};
use super::{defaults, is_whole, utf16_len};
use crate::actions::params::prepare;
use crate::endpoint::Endpoint;
use crate::error::{Error, Result};
use crate::json::{parse, JsonError, LoneSurrogates, Number, Value};
use crate::params::Params;
use crate::request::{
    build_app_api_request, build_token_api_request, AppApiCall, HttpRequest, TokenApiCall,
};
use crate::sign::{EmptyValues, SigningOptions, ValueFormat};
use crate::value_text::value_text;
use iot_explorer_signing::string_and_signature;

use crate::abi::flag::{KEEP_EMPTY, MAKE_REQUEST_ID, NODE_SDK_VALUES, PREPARE, STRING_TO_SIGN};
use crate::abi::value::{BOOLEAN, JSON_TEXT, NUMBER, STRING};

/// The leading pieces of a request's text: action, appKey or accessToken, requestId, endpoint
/// (empty: the default).
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

/// The pieces as JS laid them out; they do not add up only when a key and the value after it
/// were joined into one surrogate pair (each alone held an unpaired surrogate).
fn layout_of(area: &Area, fields: usize, count: u32, bytes: u32) -> Result<Layout<'_>> {
    layout(area, Utf16Units, fields, count, bytes).ok_or_else(|| {
        Error::invalid(
            "params",
            "params contains a string with an unpaired UTF-16 surrogate, which has no UTF-8 form",
        )
    })
}

fn text_of(piece: &[u8]) -> Result<&str> {
    core::str::from_utf8(piece).map_err(|_| Error::invalid("arguments", "internal: not UTF-8"))
}

fn json_value(key: &str, text: &str) -> Result<Value> {
    parse(text, LoneSurrogates::Reject).map_err(|e| match e {
        JsonError::LoneSurrogate { .. } => Error::invalid(
            key,
            [
                key,
                " contains a string with an unpaired UTF-16 surrogate, which has no UTF-8 form",
            ]
            .concat(),
        ),
        other => Error::invalid(
            key,
            [key, " is too large or not valid JSON: ", &other.describe()].concat(),
        ),
    })
}

fn value_of(key: &str, text: &str, kind: u32) -> Result<Value> {
    match kind {
        STRING => Ok(Value::String(text.into())),
        NUMBER => Number::parse(text)
            .map(Value::Number)
            .ok_or_else(|| Error::invalid(key, [key, " is not a number"].concat())),
        BOOLEAN => Ok(Value::Bool(text == "true")),
        JSON_TEXT => json_value(key, text),
        _ => Err(Error::invalid(key, "internal: unknown value kind")),
    }
}

/// `signPrepared(count, bytes, flags)`: the signature (or the string to sign) of the laid-out
/// parameters, signed with the secret of `setSigningSecret`, as an io answer.
#[cfg_attr(feature = "app-secret", wasm_bindgen(js_name = signPrepared))]
pub fn sign_prepared(count: u32, bytes: u32, flags: u32) -> i32 {
    with_area(|area| match signed_text(area, count, bytes, flags) {
        Ok(text) => put_result(area, &text),
        Err(e) => answer(area, Err(e)),
    })
}

fn signed_text(area: &Area, count: u32, bytes: u32, flags: u32) -> Result<Vec<u8>> {
    let key = match flags & STRING_TO_SIGN {
        0 => {
            let secret = area.secret.as_ref().filter(|s| !s.is_empty());
            Some(secret.ok_or_else(|| Error::missing("appSecret"))?.keyed())
        }
        _ => None,
    };
    let layout = layout_of(area, 0, count, bytes)?;
    let options = signing_options(flags);
    // Strings, numbers and booleans sign as their text; JSON values as `value_text` makes them.
    let mut texts: Vec<(&[u8], Cow<'_, [u8]>)> = Vec::with_capacity(layout.params.len());
    for &(key, text, kind) in &layout.params {
        let value_bytes = if kind == JSON_TEXT {
            let key = text_of(key)?;
            let value = json_value(key, text_of(text)?)?;
            Cow::Owned(
                value_text(key, &value, options.values)?
                    .into_owned()
                    .into_bytes(),
            )
        } else {
            Cow::Borrowed(text)
        };
        texts.push((key, value_bytes));
    }
    let pairs = texts.iter().map(|(k, v)| (*k, v.as_ref())).collect();
    let (text, signature) = string_and_signature(pairs, options.empty_values, key);
    Ok(signature.unwrap_or(text))
}

/// `buildAppApiPrepared(count, bytes, timestamp, nonce, flags)`: the request (url, method,
/// content type, body; the first three UTF-16 lengths in the word area) as an io answer;
/// timestamp and nonce NaN mean "make one".
#[cfg_attr(feature = "app-secret", wasm_bindgen(js_name = buildAppApiPrepared))]
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
) -> Result<HttpRequest> {
    let parts = request_parts(area, count, bytes, flags)?;
    // No secret handed over: the core refuses an empty one (keyed only when needed).
    let empty;
    let app_secret = match &area.secret {
        Some(secret) => secret,
        None => {
            empty = crate::AppSecret::new("");
            &empty
        }
    };
    let call = AppApiCall {
        action: parts.action,
        params: &parts.params,
        app_key: parts.credential,
        app_secret,
        timestamp: integer_or("timestamp", timestamp, defaults::now_seconds)?,
        nonce: integer_or("nonce", nonce, defaults::nonce)?,
        request_id: &parts.request_id,
        endpoint: &parts.endpoint,
        signing: signing_options(flags),
    };
    build_app_api_request(&call).map(|built| built.request)
}

/// `buildTokenApiPrepared(count, bytes, flags) → length`, laid out as for
/// `buildAppApiPrepared` (with the AccessToken where that has the AppKey).
#[wasm_bindgen(js_name = buildTokenApiPrepared)]
pub fn build_token_api_prepared(count: u32, bytes: u32, flags: u32) -> i32 {
    with_area(|area| {
        let request = token_api_request(area, count, bytes, flags);
        put_request(area, request)
    })
}

fn token_api_request(area: &Area, count: u32, bytes: u32, flags: u32) -> Result<HttpRequest> {
    let parts = request_parts(area, count, bytes, flags)?;
    let call = TokenApiCall {
        action: parts.action,
        params: &parts.params,
        access_token: parts.credential,
        request_id: &parts.request_id,
        endpoint: &parts.endpoint,
    };
    build_token_api_request(&call)
}

/// What both kinds of request lay out: action, AppKey or AccessToken, request id, endpoint,
/// then the parameters.
struct RequestParts<'a> {
    action: &'a str,
    credential: &'a str,
    request_id: Cow<'a, str>,
    endpoint: Endpoint,
    params: Params,
}

fn request_parts(area: &Area, count: u32, bytes: u32, flags: u32) -> Result<RequestParts<'_>> {
    let layout = layout_of(area, REQUEST_FIELDS, count, bytes)?;
    let mut fields = [""; REQUEST_FIELDS];
    for (slot, field) in fields.iter_mut().zip(&layout.fields) {
        *slot = text_of(field)?;
    }
    let [action, credential, request_id, endpoint] = fields;
    let mut params = Params::new();
    for &(key, text, kind) in &layout.params {
        let key = text_of(key)?;
        params.set(key, value_of(key, text_of(text)?, kind)?);
    }
    if flags & PREPARE != 0 {
        prepare(action, &mut params);
    }
    Ok(RequestParts {
        action,
        credential,
        request_id: match flags & MAKE_REQUEST_ID {
            0 => Cow::Borrowed(request_id),
            _ => Cow::Owned(defaults::request_id()?),
        },
        endpoint: Endpoint::parse(Some(endpoint))?,
        params,
    })
}

/// NaN: the default; otherwise an integer.
fn integer_or(name: &str, value: f64, default: impl FnOnce() -> Result<i64>) -> Result<i64> {
    if value.is_nan() {
        default()
    } else if is_whole(value) && value.abs() <= 9.0e15 {
        Ok(value as i64)
    } else {
        Err(Error::invalid(name, [name, " must be an integer"].concat()))
    }
}

fn put_request(area: &mut Area, request: Result<HttpRequest>) -> i32 {
    let request = match request {
        Ok(request) => request,
        Err(e) => return answer(area, Err(e)),
    };
    let parts = [
        request.url.as_str(),
        request.method,
        request.content_type,
        &request.body,
    ];
    for (word, part) in area.words.iter_mut().zip(&parts[..3]) {
        *word = utf16_len(part) as u32;
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
