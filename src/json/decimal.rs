//! Decimal text → the nearest f64 (round half to even), as `JSON.parse` does, without std's
//! `f64::from_str`: its tables and fallback cost 15 KB of gzipped wasm. Exact integer and
//! Clinger fast paths cover nearly every number the App API sends; the rest is corrected
//! against the exact decimal value with a small big-integer comparison.

use crate::prelude::*;

use core::cmp::Ordering;

/// Digits beyond these only decide exact ties; they are kept as a sticky "more follows" bit.
const MAX_DIGITS: usize = 800;

/// Parses text that already matches the JSON number grammar.
pub fn parse_decimal(text: &str) -> f64 {
    let (negative, body) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let magnitude = parse_magnitude(body);
    if negative {
        -magnitude
    } else {
        magnitude
    }
}

/// The significant digits and the power of ten that scales them.
struct Decimal {
    digits: Vec<u8>,
    /// Digits were dropped past [`MAX_DIGITS`] and at least one of them was not zero.
    inexact: bool,
    exponent: i64,
}

fn parse_magnitude(body: &str) -> f64 {
    let Some(d) = decimal(body) else {
        return 0.0;
    };
    let count = d.digits.len() as i64;
    // value = 0.d1d2… × 10^(exponent + count)
    if d.exponent.saturating_add(count) > 310 {
        return f64::INFINITY;
    }
    if d.exponent.saturating_add(count) < -330 {
        return 0.0;
    }
    let exponent = d.exponent as i32; // within ±1200 here
    if let Some(exact) = fast_path(&d, exponent) {
        return exact;
    }
    correct(approximate(&d, exponent), &d)
}

fn decimal(body: &str) -> Option<Decimal> {
    let (mantissa, exp_text) = match body.find(['e', 'E']) {
        Some(i) => (body.get(..i)?, body.get(i + 1..)?),
        None => (body, ""),
    };
    let (int_part, frac_part) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let mut exponent = parse_exponent(exp_text) - frac_part.len() as i64;
    let mut digits = Vec::new();
    let mut inexact = false;
    for b in int_part.bytes().chain(frac_part.bytes()) {
        let digit = b.wrapping_sub(b'0');
        if digits.is_empty() && digit == 0 {
            continue; // leading zeros
        }
        if digits.len() < MAX_DIGITS {
            digits.push(digit);
        } else {
            exponent = exponent.saturating_add(1);
            inexact |= digit != 0;
        }
    }
    while digits.last() == Some(&0) {
        digits.pop();
        exponent = exponent.saturating_add(1);
    }
    (!digits.is_empty()).then_some(Decimal {
        digits,
        inexact,
        exponent,
    })
}

/// Saturates far beyond any exponent that matters.
fn parse_exponent(text: &str) -> i64 {
    let (negative, digits) = match text.as_bytes().first() {
        Some(b'-') => (true, text.get(1..).unwrap_or_default()),
        Some(b'+') => (false, text.get(1..).unwrap_or_default()),
        _ => (false, text),
    };
    let mut n: i64 = 0;
    for b in digits.bytes() {
        n = n
            .saturating_mul(10)
            .saturating_add(i64::from(b.wrapping_sub(b'0')))
            .min(1 << 40);
    }
    if negative {
        -n
    } else {
        n
    }
}

const POW10: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

fn pow10(n: u32) -> f64 {
    POW10.get(n as usize).copied().unwrap_or(f64::INFINITY)
}

/// Clinger: a mantissa below 2^53 times an exactly representable power of ten is rounded once.
fn fast_path(d: &Decimal, exponent: i32) -> Option<f64> {
    if d.inexact || d.digits.len() > 15 {
        return None;
    }
    let w = d
        .digits
        .iter()
        .fold(0u64, |w, &digit| w * 10 + u64::from(digit)) as f64;
    match exponent {
        0..=22 => Some(w * pow10(exponent.unsigned_abs())),
        -22..=-1 => Some(w / pow10(exponent.unsigned_abs())),
        // 123e25 = 123000e22: still exact when the shifted mantissa stays below 2^53.
        23..=37 => {
            let shifted = w * pow10(exponent.unsigned_abs() - 22);
            (shifted < 9_007_199_254_740_992.0).then_some(shifted * 1e22)
        }
        _ => None,
    }
}

/// Within a few ulps of the answer; `correct` finishes the job.
fn approximate(d: &Decimal, exponent: i32) -> f64 {
    let lead: Vec<u8> = d.digits.iter().take(19).copied().collect();
    let w = lead
        .iter()
        .fold(0u64, |w, &digit| w * 10 + u64::from(digit)) as f64;
    let e = exponent.saturating_add((d.digits.len() - lead.len()) as i32);
    // Split the power so that neither factor overflows or underflows on its own.
    let half = e / 2;
    w * powi(10.0, half) * powi(10.0, e - half)
}

/// `x^n` by squaring, as LLVM's `powi` (compiler-rt's `__powidf2`) computes it: `f64::powi`
/// needs std.
fn powi(mut x: f64, n: i32) -> f64 {
    let mut rest = n.unsigned_abs();
    let mut r = 1.0;
    loop {
        if rest & 1 == 1 {
            r *= x;
        }
        rest >>= 1;
        if rest == 0 {
            break;
        }
        x *= x;
    }
    if n < 0 {
        1.0 / r
    } else {
        r
    }
}

/// Moves `x` one ulp at a time until it is the double nearest to the exact decimal.
fn correct(mut x: f64, d: &Decimal) -> f64 {
    if !x.is_finite() {
        x = f64::MAX;
    }
    for _ in 0..10_000 {
        let (m, k) = decompose(x);
        // Halfway to the next double up, and to the next one down.
        match compare(d, 2 * m + 1, k - 1) {
            Ordering::Greater => {
                if x == f64::MAX {
                    return f64::INFINITY;
                }
                x = f64::from_bits(x.to_bits() + 1);
                continue;
            }
            Ordering::Equal if m % 2 == 1 => return f64::from_bits(x.to_bits() + 1),
            _ => {}
        }
        if x == 0.0 {
            return 0.0;
        }
        let below = lower_midpoint(m, k);
        match compare(d, below.0, below.1) {
            Ordering::Less => x = f64::from_bits(x.to_bits() - 1),
            Ordering::Equal if m % 2 == 1 => return f64::from_bits(x.to_bits() - 1),
            _ => return x,
        }
    }
    x
}

/// x = m × 2^k with the integer significand m (subnormals included).
fn decompose(x: f64) -> (u64, i64) {
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i64;
    let frac = bits & ((1 << 52) - 1);
    if exp == 0 {
        (frac, -1074)
    } else {
        (frac | (1 << 52), exp - 1075)
    }
}

/// The midpoint between x = m × 2^k and the next double down, as (odd × 2^k').
fn lower_midpoint(m: u64, k: i64) -> (u64, i64) {
    // Below a power of two the gap halves (except at the bottom of the normal range).
    if m == 1 << 52 && k > -1074 {
        (4 * m - 1, k - 2)
    } else {
        (2 * m - 1, k - 1)
    }
}

/// Compares the decimal with `n × 2^k` exactly.
fn compare(d: &Decimal, n: u64, k: i64) -> Ordering {
    let mut lhs = Big::from_digits(&d.digits);
    let mut rhs = Big::from_u64(n);
    let e = d.exponent;
    if e >= 0 {
        lhs.mul_pow5(e as u32);
    } else {
        rhs.mul_pow5(e.unsigned_abs() as u32);
    }
    let shift = e - k; // 2^e on the left, 2^k on the right
    if shift >= 0 {
        lhs.shl(shift as u32);
    } else {
        rhs.shl(shift.unsigned_abs() as u32);
    }
    match lhs.cmp(&rhs) {
        Ordering::Equal if d.inexact => Ordering::Greater,
        other => other,
    }
}

/// Unsigned big integer, little-endian base 2^32: just enough for `compare`.
struct Big(Vec<u32>);

impl Big {
    fn from_u64(n: u64) -> Self {
        let mut b = Big(vec![n as u32, (n >> 32) as u32]);
        b.trim();
        b
    }

    fn from_digits(digits: &[u8]) -> Self {
        let mut b = Big(Vec::new());
        for chunk in digits.chunks(9) {
            let mut value = 0u32;
            let mut scale = 1u32;
            for &digit in chunk {
                value = value * 10 + u32::from(digit);
                scale *= 10;
            }
            b.mul_add(scale, value);
        }
        b
    }

    fn mul_add(&mut self, factor: u32, add: u32) {
        let mut carry = u64::from(add);
        for limb in &mut self.0 {
            let v = u64::from(*limb) * u64::from(factor) + carry;
            *limb = v as u32;
            carry = v >> 32;
        }
        if carry > 0 {
            self.0.push(carry as u32);
        }
    }

    fn mul_pow5(&mut self, mut n: u32) {
        while n >= 13 {
            self.mul_add(1_220_703_125, 0); // 5^13
            n -= 13;
        }
        self.mul_add(5u32.pow(n), 0);
    }

    fn shl(&mut self, bits: u32) {
        let (words, bits) = ((bits / 32) as usize, bits % 32);
        if bits > 0 {
            let mut carry = 0u32;
            for limb in &mut self.0 {
                let v = (*limb << bits) | carry;
                carry = *limb >> (32 - bits);
                *limb = v;
            }
            if carry > 0 {
                self.0.push(carry);
            }
        }
        self.0.splice(0..0, core::iter::repeat_n(0, words));
    }

    fn trim(&mut self) {
        while self.0.last() == Some(&0) {
            self.0.pop();
        }
    }

    fn cmp(&self, other: &Big) -> Ordering {
        let (a, b) = (self.significant(), other.significant());
        a.len()
            .cmp(&b.len())
            .then_with(|| a.iter().rev().cmp(b.iter().rev()))
    }

    fn significant(&self) -> &[u32] {
        let len = self.0.iter().rposition(|&l| l != 0).map_or(0, |i| i + 1);
        self.0.get(..len).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use super::parse_decimal;

    fn same(text: &str) {
        let want: f64 = text.parse().unwrap();
        let got = parse_decimal(text);
        assert_eq!(
            got.to_bits(),
            want.to_bits(),
            "{text}: got {got:e}, want {want:e}"
        );
    }

    #[test]
    fn matches_std_on_hard_cases() {
        for text in [
            "0", "-0", "1", "0.1", "0.30000000000000004", "1e21", "1.5e-7", "123456789012345678901234567890",
            "9007199254740993", "9007199254740992", "9007199254740991", "1e23", "8.98846567431158e307",
            "1.7976931348623157e308", "1.7976931348623158e308", "1.7976931348623159e308", "1e309", "2e308",
            "5e-324", "2.4703282292062327e-324", "2.4703282292062328e-324", "1e-400", "4.9406564584124654e-324",
            "2.2250738585072011e-308", "2.2250738585072012e-308", "2.2250738585072014e-308",
            "0.1000000000000000055511151231257827021181583404541015625",
            "0.1000000000000000055511151231257827021181583404541015624",
            "0.1000000000000000055511151231257827021181583404541015626",
            "7.038531e-26", "4.35679845e-40", "1.23e45", "123e25", "1e22", "1e-22", "3.14159265358979323846",
            "1797693134862315708145274237317043567980705675258449965989174768031572607800285387605895586327668781715404589535143824642343213268894641827684675467035375169860499105765512820762454900903893289440758685084551339423045832369032229481658085593321233482747978262041447231687381771809192998812504040261841248583680",
            "0.000000000000000000000000000000000000000000000000000000000000000000000000000001e78",
            "1e-1000000000", "1e1000000000", "10000000000000000000000000000000000000000e-17",
        ] {
            same(text);
        }
    }

    #[test]
    fn matches_std_on_many_generated_numbers() {
        // xorshift: deterministic, covers digit counts 1..=25 and exponents −340..=320.
        let mut s: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut next = || {
            s ^= s << 13;
            s ^= s >> 7;
            s ^= s << 17;
            s
        };
        for _ in 0..20_000 {
            let digits = 1 + next() % 25;
            let mut text: String = (0..digits)
                .map(|_| char::from(b'0' + (next() % 10) as u8))
                .collect();
            if next() % 2 == 0 {
                text.insert(1, '.');
            }
            let exp = (next() % 661) as i64 - 340;
            let text = format!("{text}e{exp}");
            same(&text);
            // And every double's own shortest text.
            let bits = next();
            let x = f64::from_bits(bits & !(1 << 63));
            if x.is_finite() {
                same(&format!("{x:e}"));
            }
        }
    }
}
