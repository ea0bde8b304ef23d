//! Standard Base64 (RFC 4648 §4): signatures out (encoded by the signing crate), push payloads
//! in. Written out: the `base64` crate costs 2.5 KB of wasm for these few lines.

/// Padded (the tests' payloads).
#[cfg(test)]
pub fn encode(bytes: &[u8]) -> String {
    // Only ASCII symbols are written.
    String::from_utf8(iot_explorer_signing::base64_encode(bytes)).unwrap_or_default()
}

/// Standard Base64, padding optional; `None` on any other character.
pub fn decode(text: &str) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(text.len() / 4 * 3);
    let (mut acc, mut bits) = (0u32, 0u32);
    for b in text.trim_end_matches('=').bytes() {
        let v = match b {
            b'A'..=b'Z' => b - b'A',
            b'a'..=b'z' => b - b'a' + 26,
            b'0'..=b'9' => b - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            _ => return None,
        };
        acc = (acc << 6) | u32::from(v);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use super::*;

    #[test]
    fn decode_inverts_encode() {
        for input in ["", "f", "fo", "foo", "微信😀\0\0"] {
            assert_eq!(
                decode(&encode(input.as_bytes())).as_deref(),
                Some(input.as_bytes())
            );
        }
        assert_eq!(decode("Zm9v"), Some(b"foo".to_vec()));
        assert_eq!(decode("Zg"), Some(b"f".to_vec()));
        assert_eq!(decode("Z@=="), None);
    }
}
