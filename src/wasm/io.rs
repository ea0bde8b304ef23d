//! The memory the fast paths cross the boundary through. JS writes a call's arguments as UTF-8
//! text straight into the text area and a list of u32 words (the byte length of each piece of
//! that text, and value kinds) into the word area; the result comes back as bytes in the text
//! area. No JSON, no JS objects walked from wasm, no allocation on the JS side.

use std::sync::{Mutex, PoisonError};

use wasm_bindgen::prelude::*;

use crate::secret::AppSecret;

pub struct Area {
    pub text: Vec<u8>,
    pub words: Vec<u32>,
    /// The AppSecret last handed over with `setSigningSecret`, kept as its keyed HMAC state.
    pub secret: Option<AppSecret>,
}

// A static rather than a thread_local: the module is single-threaded, and thread_local brings
// its destructor machinery into the wasm.
static AREA: Mutex<Area> = Mutex::new(Area {
    text: Vec::new(),
    words: Vec::new(),
    secret: None,
});

pub fn with_area<T>(f: impl FnOnce(&mut Area) -> T) -> T {
    f(&mut AREA.lock().unwrap_or_else(PoisonError::into_inner))
}

/// `ioText(bytes) → address` of the text area, grown to at least `bytes`. JS must look the
/// address up again after any call that may have grown the area.
#[wasm_bindgen(js_name = ioText)]
pub fn io_text(bytes: u32) -> u32 {
    with_area(|area| {
        let bytes = bytes as usize;
        if area.text.len() < bytes {
            area.text.resize(bytes, 0);
        }
        area.text.as_ptr() as usize as u32
    })
}

/// `ioWords(count) → address` of the word area, grown to at least `count` u32 words.
#[wasm_bindgen(js_name = ioWords)]
pub fn io_words(count: u32) -> u32 {
    with_area(|area| {
        let count = count as usize;
        if area.words.len() < count {
            area.words.resize(count, 0);
        }
        area.words.as_ptr() as usize as u32
    })
}

/// `setSigningSecret(bytes)`: the first `bytes` of the text area are an AppSecret; it is kept
/// (as keyed HMAC state) for the following signed calls and wiped from the text area.
#[wasm_bindgen(js_name = setSigningSecret)]
pub fn set_signing_secret(bytes: u32) {
    with_area(|area| {
        let end = (bytes as usize).min(area.text.len());
        let secret = area.text.get_mut(..end).unwrap_or_default();
        area.secret = Some(AppSecret::new(&*secret));
        secret.fill(0);
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
