//! Numbers as ECMAScript `Number.prototype.toString` writes them: what the official JS signs
//! and what `JSON.stringify` sends.

/// `String(n)` for a finite `n` (`1e+21`, `1.5e-7`, `0.1`, `-0` → `0`). Callers reject
/// NaN and ±Infinity before signing; here they print as JavaScript prints them.
pub fn push_js_number(n: f64, out: &mut String) {
    if n == 0.0 {
        out.push('0'); // covers -0, which JavaScript prints as "0"
        return;
    }
    let mut buffer = ryu_js::Buffer::new();
    out.push_str(buffer.format(n));
}

pub fn js_number(n: f64) -> String {
    let mut out = String::new();
    push_js_number(n, &mut out);
    out
}

#[cfg(test)]
mod tests {
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use super::js_number;

    #[test]
    fn matches_ecmascript_number_to_string() {
        // Expected texts are what `String(x)` prints in Node.
        let cases: &[(f64, &str)] = &[
            (0.0, "0"),
            (-0.0, "0"),
            (86.0, "86"),
            (100.0, "100"),
            (-2.5, "-2.5"),
            (0.1, "0.1"),
            (0.1 + 0.2, "0.30000000000000004"),
            (1e21, "1e+21"),
            (1e20, "100000000000000000000"),
            (1.5e-7, "1.5e-7"),
            (1e-6, "0.000001"),
            (1e-7, "1e-7"),
            (123456789012345680000.0, "123456789012345680000"),
            (2147483647.0, "2147483647"),
            (9007199254740993.0, "9007199254740992"),
            (f64::MAX, "1.7976931348623157e+308"),
            (f64::MIN_POSITIVE, "2.2250738585072014e-308"),
            (5e-324, "5e-324"),
            (-1e-7, "-1e-7"),
            (f64::NAN, "NaN"),
            (f64::INFINITY, "Infinity"),
            (f64::NEG_INFINITY, "-Infinity"),
        ];
        for &(n, text) in cases {
            assert_eq!(js_number(n), text, "{n:e}");
        }
    }
}
