//! Defaults filled in at the edge: the clock, a CSPRNG nonce and a UUID v4 request id.

use crate::prelude::*;

use wasm_bindgen::prelude::*;

use crate::error::{Error, Result};
use crate::json::write::hex_digit;
use crate::request::MAX_NONCE;

#[wasm_bindgen]
extern "C" {
    // Caught: a JS exception unwinding through the wasm would leave the io area locked for good.
    #[wasm_bindgen(catch, js_namespace = Date, js_name = now)]
    fn date_now() -> core::result::Result<f64, JsValue>;
}

pub fn now_seconds() -> Result<i64> {
    match date_now() {
        // Whole seconds, rounded down (Date.now() is never before 1970 here; `as` truncates).
        Ok(ms) if ms.is_finite() && ms >= 0.0 => Ok((ms / 1000.0) as i64),
        _ => Err(Error::invalid(
            "timestamp",
            "Date.now() gave no time; pass timestamp explicitly",
        )),
    }
}

fn random_bytes<const N: usize>(what: &str) -> Result<[u8; N]> {
    let mut bytes = [0u8; N];
    getrandom::fill(&mut bytes).map_err(|_| {
        Error::invalid(
            what,
            [
                "this runtime has no crypto.getRandomValues; pass ",
                what,
                " explicitly",
            ]
            .concat(),
        )
    })?;
    Ok(bytes)
}

/// Uniform in 1..=2147483647 (rejection sampling on 31 random bits). Only 0 is rejected, so 16
/// draws all 0 mean a source that fills nothing (a no-op polyfill), not bad luck.
pub fn nonce() -> Result<i64> {
    for _ in 0..16 {
        let n = i64::from(u32::from_le_bytes(random_bytes::<4>("nonce")?) & 0x7fff_ffff);
        if (1..=MAX_NONCE).contains(&n) {
            return Ok(n);
        }
    }
    Err(Error::invalid(
        "nonce",
        "crypto.getRandomValues gave no random bytes; pass nonce explicitly",
    ))
}

pub fn request_id() -> Result<String> {
    let mut b = random_bytes::<16>("requestId")?;
    b[6] = (b[6] & 0x0f) | 0x40; // version 4
    b[8] = (b[8] & 0x3f) | 0x80; // RFC 4122 variant
    let mut out = String::with_capacity(36);
    for (i, byte) in b.iter().enumerate() {
        if matches!(i, 4 | 6 | 8 | 10) {
            out.push('-');
        }
        out.push(hex_digit(byte >> 4));
        out.push(hex_digit(byte & 0xf));
    }
    Ok(out)
}
