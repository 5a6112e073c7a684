//! `ln` and `exp` from additions, multiplications and divisions only, so that the CLI (native
//! libm) and the page (wasm's libm) compute the scaling figures to the same bit: the JSON
//! contract is the same document wherever it is computed, and the page's export must equal the
//! CLI's exactly. IEEE 754 rounds these operations the same on every platform (Rust never fuses
//! them). Accuracy: within a few ulp of the platform's functions (tested).

const LN2_HI: f64 = 0.693_147_180_369_123_8;
const LN2_LO: f64 = 1.908_214_929_270_587_7e-10;

/// 2^k for k in the normal exponent range, from its bits.
fn pow2(k: i64) -> f64 {
    f64::from_bits(((k + 1023) as u64) << 52)
}

/// e^x; 0 below −745, infinity above 709.78.
pub fn exp(x: f64) -> f64 {
    if x.is_nan() {
        return x;
    }
    if x > 709.78 {
        return f64::INFINITY;
    }
    if x < -745.0 {
        return 0.0;
    }
    // x = k·ln 2 + r, |r| ≤ ln 2 / 2.
    let k = (x / (LN2_HI + LN2_LO)).round();
    let r = (x - k * LN2_HI) - k * LN2_LO;
    // e^r by its Taylor series: |r| < 0.35, so 20 terms leave an error below 1e-25.
    let mut term = 1.0;
    let mut sum = 1.0;
    for n in 1..=20 {
        term = term * r / f64::from(n);
        sum += term;
    }
    // Scale by 2^k in two steps, so that neither factor leaves the normal range.
    let k = k as i64;
    let half = k / 2;
    sum * pow2(half) * pow2(k - half)
}

/// ln x; NaN for x < 0 or NaN, −infinity at 0, infinity at infinity.
pub fn ln(x: f64) -> f64 {
    if x.is_nan() || x < 0.0 {
        return f64::NAN;
    }
    if x == 0.0 {
        return f64::NEG_INFINITY;
    }
    if x.is_infinite() {
        return x;
    }
    // Subnormals: scale into the normal range first.
    let (x, extra) = if x < f64::MIN_POSITIVE {
        (x * pow2(54), -54i64)
    } else {
        (x, 0)
    };
    let bits = x.to_bits();
    let mut e = ((bits >> 52) & 0x7ff) as i64 - 1023 + extra;
    // The mantissa in [1, 2), then in [√½, √2).
    let mut m = f64::from_bits((bits & ((1u64 << 52) - 1)) | (1023u64 << 52));
    if m > std::f64::consts::SQRT_2 {
        m /= 2.0;
        e += 1;
    }
    // ln m = 2·atanh(s), s = (m − 1)/(m + 1), |s| < 0.172: 16 odd terms leave below 1e-25.
    let s = (m - 1.0) / (m + 1.0);
    let s2 = s * s;
    let mut power = s;
    let mut sum = 0.0;
    for n in 0..16 {
        sum += power / f64::from(2 * n + 1);
        power *= s2;
    }
    let e = e as f64;
    e * LN2_HI + (e * LN2_LO + 2.0 * sum)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ulps(a: f64, b: f64) -> f64 {
        ((a - b) / (b.abs() * f64::EPSILON)).abs()
    }

    #[test]
    fn close_to_the_platforms_functions() {
        let mut x = 1e-310;
        while x < 1e308 {
            assert!(
                ulps(ln(x), x.ln()) <= 4.0 || (ln(x) - x.ln()).abs() < 1e-15,
                "ln {x}"
            );
            x *= 1.37;
        }
        // Results in the normal range (subnormal ones are rounded twice; no figure gets there).
        let mut y = -700.0;
        while y < 709.0 {
            assert!(
                ulps(exp(y), y.exp()) <= 4.0,
                "exp {y}: {} vs {}",
                exp(y),
                y.exp()
            );
            y += 0.731;
        }
        for v in [0.5, 1.0, 2.0, 10.0, 5.76e23, 1e35] {
            // One ulp of ln v (up to 80) is up to 80 ulp of v once exponentiated.
            assert!((exp(ln(v)) / v - 1.0).abs() < 2e-14, "{v}");
        }
        assert_eq!(ln(1.0), 0.0);
        assert_eq!(exp(0.0), 1.0);
        assert!(ln(-1.0).is_nan() && ln(f64::NAN).is_nan() && exp(f64::NAN).is_nan());
        assert_eq!(ln(0.0), f64::NEG_INFINITY);
        assert_eq!(exp(1000.0), f64::INFINITY);
        assert_eq!(exp(-1000.0), 0.0);
    }
}
