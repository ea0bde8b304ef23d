//! Messages from pieces, without `format!`: Rust's formatting machinery costs kilobytes of
//! wasm, and a message here only joins texts and integers.

use crate::prelude::*;

/// An integer as decimal text.
pub fn int(n: i64) -> String {
    let mut digits = Vec::with_capacity(20);
    let mut rest = n.unsigned_abs();
    loop {
        digits.push(b'0' + (rest % 10) as u8);
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    if n < 0 {
        digits.push(b'-');
    }
    digits.reverse();
    // ASCII digits and a sign.
    String::from_utf8(digits).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    #[test]
    fn int_writes_what_display_writes() {
        for n in [0, 7, -7, 10, 1_700_000_000, i64::MAX, i64::MIN] {
            assert_eq!(super::int(n), n.to_string());
        }
    }
}
