//! The memory every call crosses the boundary through. JS writes a call's arguments as UTF-8
//! text straight into the text area and a list of u32 words (the length of each piece of that
//! text, see `Lengths`, and value kinds) into the word area; the answer comes back as bytes in
//! the text area: the result, or the error as JSON. No JS objects walked from wasm, no JS values
//! made by it.

use crate::prelude::*;

use wasm_bindgen::prelude::*;

use crate::error::{Error, Result};
use crate::json::Value;
use crate::secret::AppSecret;

#[doc(hidden)]
pub struct Area {
    pub text: Vec<u8>,
    pub words: Vec<u32>,
    /// The AppSecret last handed over with `setSigningSecret`, kept as its keyed HMAC state.
    pub secret: Option<AppSecret>,
}

// A static rather than a thread_local: the module is single-threaded (and has no std).
static AREA: spin::Mutex<Area> = spin::Mutex::new(Area {
    text: Vec::new(),
    words: Vec::new(),
    secret: None,
});

#[doc(hidden)]
pub fn with_area<T>(f: impl FnOnce(&mut Area) -> T) -> T {
    match AREA.try_lock() {
        Some(mut area) => f(&mut area),
        // Held only after a call that never returned (a trap): the instance is broken, and a
        // trap says so at once where spinning would hang the page.
        None => core::arch::wasm32::unreachable(),
    }
}

/// `ioText(bytes) → address` of the text area, grown to at least `bytes`, or 0 when the memory
/// cannot grow that far. JS must look the address up again after any call that may have grown
/// the area.
#[wasm_bindgen(js_name = ioText)]
pub fn io_text(bytes: u32) -> u32 {
    with_area(|area| address_of(&mut area.text, bytes))
}

/// `ioWords(count) → address` of the word area, grown to at least `count` u32 words, or 0.
#[wasm_bindgen(js_name = ioWords)]
pub fn io_words(count: u32) -> u32 {
    with_area(|area| address_of(&mut area.words, count))
}

/// The address of `items`, grown to at least `len` items first; 0 (never a Vec's address) when
/// the memory cannot grow that far. Reserving first keeps a failed growth from aborting, which
/// would leave the area locked for every later call.
fn address_of<T: Clone + Default>(items: &mut Vec<T>, len: u32) -> u32 {
    let len = len as usize;
    if items.len() < len {
        if items.try_reserve_exact(len - items.len()).is_err() {
            return 0;
        }
        items.resize(len, T::default());
    }
    items.as_ptr() as usize as u32
}

/// `setSigningSecret(bytes) → 1` when the first `bytes` of the text area, laid out as for
/// `requests.rs` (one piece, its UTF-16 length in the word area), are an AppSecret: it is kept (as
/// keyed HMAC state) for the following signed calls and wiped from the text area. 0 otherwise.
#[cfg_attr(feature = "app-secret", wasm_bindgen(js_name = setSigningSecret))]
pub fn set_signing_secret(bytes: u32) -> u32 {
    with_area(|area| {
        let secret = layout(area, Lengths::Utf16Units, 1, 0, bytes)
            .and_then(|layout| layout.fields.first().copied())
            .map(AppSecret::new);
        let held = secret.is_some();
        area.secret = secret;
        area.text
            .iter_mut()
            .take(bytes as usize)
            .for_each(|b| *b = 0);
        u32::from(held)
    })
}

/// Writes `result` at the start of the text area (growing it if need be, never shrinking it:
/// JS reuses the room for the next call's arguments); returns its length.
pub fn put_result(area: &mut Area, result: &[u8]) -> i32 {
    if area.text.len() < result.len() {
        area.text.resize(result.len(), 0);
    }
    if let Some(start) = area.text.get_mut(..result.len()) {
        start.copy_from_slice(result);
    }
    result.len() as i32
}

/// A call's answer into the text area: the result's length, or for an error the length of its
/// JSON (`error_json`) as −length − 1.
pub fn answer(area: &mut Area, result: Result<String>) -> i32 {
    match result {
        Ok(text) => put_result(area, text.as_bytes()),
        Err(e) => -put_result(area, error_json(&e).as_bytes()) - 1,
    }
}

/// The fields of `IotExplorerError`.
fn error_json(e: &Error) -> String {
    let text = |v: &Option<String>| v.as_deref().map_or(Value::Null, Value::from);
    Value::Object(vec![
        ("message".into(), e.message.as_str().into()),
        ("kind".into(), e.kind.as_str().into()),
        ("code".into(), text(&e.code)),
        ("requestId".into(), text(&e.request_id)),
        (
            "status".into(),
            e.status.map_or(Value::Null, |s| Value::from(u32::from(s))),
        ),
        ("retryable".into(), Value::Bool(e.retryable)),
        ("param".into(), text(&e.param)),
        ("excerpt".into(), text(&e.excerpt)),
        ("isAuthError".into(), Value::Bool(e.is_auth_error())),
    ])
    .to_json()
}

pub struct Layout<'a> {
    pub fields: Vec<&'a [u8]>,
    /// Key, value text, kind.
    pub params: Vec<(&'a [u8], &'a [u8], u32)>,
}

/// How the word area measures the pieces of the text.
#[derive(Clone, Copy)]
pub enum Lengths {
    /// In bytes: each piece was encoded on its own (`input.rs`).
    Bytes,
    /// In UTF-16 units, as JS's `length`: the pieces were joined and encoded as one string
    /// (`requests.rs`; JS refuses unpaired surrogates in what it sends, while an AppSecret's
    /// become U+FFFD, as node:crypto keys them).
    Utf16Units,
}

/// `fields` single pieces, then `count` parameters of three words each (key length, value
/// length, kind), over the first `bytes` of the text area; `None` when they do not add up.
/// JS writes well-formed UTF-8; whoever needs `str`s checks.
pub fn layout(
    area: &Area,
    lengths: Lengths,
    fields: usize,
    count: u32,
    bytes: u32,
) -> Option<Layout<'_>> {
    let word_count = (count as usize).saturating_mul(3).saturating_add(fields);
    let (field_lengths, param_words) = area.words.get(..word_count)?.split_at(fields);
    let mut rest = area.text.get(..bytes as usize)?;
    let mut take = |length: u32| {
        let end = match lengths {
            Lengths::Bytes => length as usize,
            Lengths::Utf16Units => utf8_length_of_units(rest, length)?,
        };
        let (piece, after) = rest.split_at_checked(end)?;
        rest = after;
        Some(piece)
    };
    let fields = field_lengths
        .iter()
        .map(|&length| take(length))
        .collect::<Option<_>>()?;
    let mut params = Vec::with_capacity(param_words.len() / 3);
    for chunk in param_words.chunks_exact(3) {
        if let &[key, value, kind] = chunk {
            params.push((take(key)?, take(value)?, kind));
        }
    }
    rest.is_empty().then_some(Layout { fields, params })
}

/// The byte length of the first `units` UTF-16 units of the UTF-8 `text`; `None` when the text
/// runs out or the count ends inside a surrogate pair.
fn utf8_length_of_units(text: &[u8], units: u32) -> Option<usize> {
    let mut left = units as usize;
    if text.get(..left).is_some_and(<[u8]>::is_ascii) {
        return Some(left);
    }
    let mut at = 0;
    while left > 0 {
        let (bytes, width) = match *text.get(at)? {
            0x00..=0x7f => (1, 1),
            0xc0..=0xdf => (2, 1),
            0xe0..=0xef => (3, 1),
            0xf0..=0xf7 => (4, 2),
            _ => return None,
        };
        left = left.checked_sub(width)?;
        at += bytes;
    }
    Some(at)
}
