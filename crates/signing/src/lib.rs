//! The App API signature over parameters already in text form (UTF-8 bytes):
//! `base64(HMAC-SHA1(AppSecret, k1=v1&k2=v2&…))`, every parameter but `Signature`, keys in
//! UTF-16 code-unit order (app-api.md §1). The core turns values into text; this crate is the
//! part every signature runs through, built for speed.
#![cfg_attr(not(test), no_std)]
#![cfg_attr(test, allow(clippy::unwrap_used))]

extern crate alloc;

use alloc::vec::Vec;

mod base64;
mod order;

pub use base64::encode as base64_encode;
pub use order::{insertion_sort_by, utf16_order};

use hmac::{Hmac, Mac};
use sha1::Sha1;

/// HMAC-SHA1 already keyed with an AppSecret: cloned for each signature, so the key blocks are
/// hashed once per secret.
#[derive(Clone)]
pub struct KeyedHmac(Hmac<Sha1>);

impl KeyedHmac {
    pub fn new(secret: &[u8]) -> Self {
        // HMAC takes keys of any length (long ones are hashed first), so this cannot fail; the
        // fallback only satisfies the type.
        let mac = <Hmac<Sha1> as Mac>::new_from_slice(secret)
            .unwrap_or_else(|_| <Hmac<Sha1> as hmac::digest::KeyInit>::new(&Default::default()));
        KeyedHmac(mac)
    }

    /// `base64(HMAC-SHA1(secret, text))` as ASCII bytes.
    pub fn sign(&self, text: &[u8]) -> Vec<u8> {
        let mut mac = self.0.clone();
        mac.update(text);
        base64::encode(&mac.finalize().into_bytes())
    }
}

/// Which parameters with empty text take part in the string to sign.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum EmptyValues {
    /// Leave them out (the official docs and the current official cloud-function demo).
    #[default]
    Omit,
    /// Sign them as `Key=` (the official Node SDK).
    Keep,
}

pub const SIGNATURE: &str = "Signature";

/// The parameters (key and value text) that make up the string to sign, in its order: all but
/// `Signature` and, with `Omit`, those with empty text, sorted by key in UTF-16 order.
pub fn signing_order<'a>(
    mut pairs: Vec<(&'a [u8], &'a [u8])>,
    empty_values: EmptyValues,
) -> Vec<(&'a [u8], &'a [u8])> {
    pairs.retain(|(key, text)| {
        *key != SIGNATURE.as_bytes() && !(text.is_empty() && empty_values == EmptyValues::Omit)
    });
    insertion_sort_by(&mut pairs, |(a, _), (b, _)| {
        utf16_order(a, b) == core::cmp::Ordering::Greater
    });
    pairs
}

/// `k=v` joined by `&`, for pairs in signing order.
pub fn join(pairs: &[(&[u8], &[u8])]) -> Vec<u8> {
    let len = pairs
        .iter()
        .map(|(k, v)| k.len().saturating_add(v.len()).saturating_add(2))
        .fold(0usize, usize::saturating_add);
    let mut out = Vec::with_capacity(len);
    for (i, (key, text)) in pairs.iter().enumerate() {
        if i > 0 {
            out.push(b'&');
        }
        out.extend_from_slice(key);
        out.push(b'=');
        out.extend_from_slice(text);
    }
    out
}

/// The string to sign of `pairs` and its signature (as ASCII bytes), or only the string.
pub fn string_and_signature(
    pairs: Vec<(&[u8], &[u8])>,
    empty_values: EmptyValues,
    key: Option<&KeyedHmac>,
) -> (Vec<u8>, Option<Vec<u8>>) {
    let text = join(&signing_order(pairs, empty_values));
    let signature = key.map(|key| key.sign(&text));
    (text, signature)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn official_service_example() {
        let pairs: Vec<(&[u8], &[u8])> = vec![
            (b"Action", b"ServiceDescribeDeviceData"),
            (b"ProductId", b"ProductA"),
            (b"DeviceName", b"Device001"),
            (b"RequestId", b"476c990a-f5b7-1575-987c-4ef70e474932"),
            (b"Timestamp", b"1546315200"),
            (b"Nonce", b"71087795"),
            (b"AppKey", b"ServiceAppKey"),
        ];
        let key = KeyedHmac::new(b"ServiceAppSecret");
        let (_, signature) = string_and_signature(pairs, EmptyValues::Omit, Some(&key));
        assert_eq!(signature.unwrap(), b"P206d+JzP37FLKBDkD689wqnl4k=");
    }

    #[test]
    fn order_join_and_empty_values() {
        let pairs: Vec<(&[u8], &[u8])> = vec![
            (b"b", b"2"),
            (b"Signature", b"x"),
            ("\u{FF3A}".as_bytes(), b"z"),
            ("\u{1F600}".as_bytes(), b"s"),
            (b"a", b""),
        ];
        let omit = join(&signing_order(pairs.clone(), EmptyValues::Omit));
        assert_eq!(omit, "b=2&\u{1F600}=s&\u{FF3A}=z".as_bytes());
        let keep = join(&signing_order(pairs, EmptyValues::Keep));
        assert_eq!(keep, "a=&b=2&\u{1F600}=s&\u{FF3A}=z".as_bytes());
        assert_eq!(join(&[]), b"");
    }
}
