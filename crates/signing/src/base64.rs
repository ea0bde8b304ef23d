//! Standard Base64 (RFC 4648 §4), padded. Written out: the `base64` crate costs 2.5 KB of wasm
//! for these few lines.

use alloc::vec::Vec;

/// As ASCII bytes.
pub fn encode(bytes: &[u8]) -> Vec<u8> {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let symbol = |n: u32| ALPHABET.get((n & 63) as usize).copied().unwrap_or(b'=');
    let mut out = Vec::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = |i: usize| u32::from(chunk.get(i).copied().unwrap_or(0));
        let n = (b(0) << 16) | (b(1) << 8) | b(2);
        out.extend([
            symbol(n >> 18),
            symbol(n >> 12),
            if chunk.len() > 1 {
                symbol(n >> 6)
            } else {
                b'='
            },
            if chunk.len() > 2 { symbol(n) } else { b'=' },
        ]);
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn rfc_4648_vectors() {
        let cases = [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ];
        for (input, expected) in cases {
            assert_eq!(super::encode(input.as_bytes()), expected.as_bytes());
        }
    }
}
