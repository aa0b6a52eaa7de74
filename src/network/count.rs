//! [`Count`]: path counts that do not overflow.
//!
//! The number of paths through a citation network passes 10^308, the largest `f64`, at
//! about a million works. A `Count` is a scaled float: a mantissa in [1, 2) and a binary
//! exponent of its own (an `i32`), so it reaches 2^(2^31) with 52 bits of precision, and
//! adding or multiplying two costs a few instructions (no logarithms in the inner loop).

use std::cmp::Ordering;

/// A non-negative number `m × 2^e` with `m` in [1, 2), or zero.
#[derive(Debug, Clone, Copy, PartialEq, Default, serde::Serialize)]
pub struct Count {
    m: f64,
    e: i32,
}

/// 2^k as an `f64`: 0 below the normal range, infinity above it.
#[inline]
pub(crate) fn pow2(k: i32) -> f64 {
    if k < -1022 {
        0.0
    } else if k > 1023 {
        f64::INFINITY
    } else {
        f64::from_bits(((k + 1023) as u64) << 52)
    }
}

impl Count {
    /// Zero.
    pub const ZERO: Count = Count { m: 0.0, e: 0 };
    /// One.
    pub const ONE: Count = Count { m: 1.0, e: 0 };

    /// `m × 2^e` normalised; `m` must be finite and non-negative (else zero).
    #[inline]
    pub(crate) fn scaled(m: f64, e: i32) -> Count {
        if m.is_nan() || m <= 0.0 || !m.is_finite() {
            return Count::ZERO;
        }
        let bits = m.to_bits();
        let exp = ((bits >> 52) & 0x7ff) as i32;
        if exp == 0 {
            // Subnormal: scale up first.
            return Count::scaled(m * pow2(64), e - 64);
        }
        let mant = f64::from_bits((bits & !(0x7ffu64 << 52)) | (1023u64 << 52));
        Count { m: mant, e: e.saturating_add(exp - 1023) }
    }

    /// A count from a float (negative and non-finite values give zero).
    pub fn from_f64(x: f64) -> Count {
        Count::scaled(x, 0)
    }

    /// Whether it is zero.
    pub fn is_zero(&self) -> bool {
        self.m == 0.0
    }

    /// The value as an `f64`: infinity past 1.8e308.
    pub fn to_f64(&self) -> f64 {
        if self.m == 0.0 {
            0.0
        } else {
            self.m * 2f64.powi(self.e)
        }
    }

    /// log10 of the value (negative infinity for zero).
    pub fn log10(&self) -> f64 {
        if self.m == 0.0 {
            f64::NEG_INFINITY
        } else {
            self.m.log10() + self.e as f64 * std::f64::consts::LOG10_2
        }
    }

    /// The sum.
    #[inline]
    pub fn plus(self, other: Count) -> Count {
        if self.m == 0.0 {
            return other;
        }
        if other.m == 0.0 {
            return self;
        }
        let (big, small) = if self.e >= other.e { (self, other) } else { (other, self) };
        let shift = small.e.saturating_sub(big.e).max(-1100);
        Count::scaled(big.m + small.m * pow2(shift), big.e)
    }

    /// The product.
    #[inline]
    pub fn times(self, other: Count) -> Count {
        if self.m == 0.0 || other.m == 0.0 {
            return Count::ZERO;
        }
        Count::scaled(self.m * other.m, self.e.saturating_add(other.e))
    }

    /// The ratio `self / other` as an `f64` (0 when `other` is zero).
    pub fn ratio(self, other: Count) -> f64 {
        if other.m == 0.0 {
            return 0.0;
        }
        let e = self.e.saturating_sub(other.e);
        if self.m == 0.0 || e < -1100 {
            0.0
        } else {
            (self.m / other.m) * pow2(e.min(1100))
        }
    }
}

impl Eq for Count {}

impl PartialOrd for Count {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Count {
    fn cmp(&self, other: &Self) -> Ordering {
        match (self.m == 0.0, other.m == 0.0) {
            (true, true) => Ordering::Equal,
            (true, false) => Ordering::Less,
            (false, true) => Ordering::Greater,
            _ => self.e.cmp(&other.e).then(self.m.total_cmp(&other.m)),
        }
    }
}

impl std::fmt::Display for Count {
    /// Exact integers up to 2^53, then scientific notation (`1.234e305`).
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let x = self.to_f64();
        if x.is_finite() && x < 9.007_199_254_740_992e15 && x.fract() == 0.0 {
            write!(f, "{x}")
        } else if (1e-3..9e15).contains(&x) {
            write!(f, "{x:.6}")
        } else {
            let l = self.log10();
            let exp = l.floor();
            write!(f, "{:.4}e{}", 10f64.powf(l - exp), exp as i64)
        }
    }
}

/// Sums counts without normalising after each term: the accumulator keeps the largest
/// exponent seen and rescales the running sum only when a larger one comes.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Sum {
    m: f64,
    e: i32,
}

impl Sum {
    #[inline]
    pub(crate) fn new() -> Sum {
        Sum { m: 0.0, e: i32::MIN }
    }

    #[inline]
    pub(crate) fn add(&mut self, c: Count) {
        if c.m == 0.0 {
            return;
        }
        if c.e > self.e {
            if self.m != 0.0 {
                self.m *= pow2(self.e.saturating_sub(c.e).max(-1100));
            }
            self.m += c.m;
            self.e = c.e;
        } else {
            self.m += c.m * pow2(c.e.saturating_sub(self.e).max(-1100));
        }
    }

    #[inline]
    pub(crate) fn get(self) -> Count {
        if self.m == 0.0 {
            Count::ZERO
        } else {
            Count::scaled(self.m, self.e)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_counts_are_exact() {
        let a = Count::from_f64(12.0);
        let b = Count::from_f64(30.0);
        assert_eq!(a.plus(b).to_f64(), 42.0);
        assert_eq!(a.times(b).to_f64(), 360.0);
        assert_eq!(a.plus(b).to_string(), "42");
        let mut s = Sum::new();
        for x in [3.0, 1e6, 0.0, 5.0] {
            s.add(Count::from_f64(x));
        }
        assert_eq!(s.get().to_f64(), 1_000_008.0);
        assert!(a < b && Count::ZERO < a);
    }

    #[test]
    fn counts_past_f64_keep_their_logarithm() {
        let big = Count::from_f64(1e300);
        let huge = big.times(big).times(big); // 1e900
        assert_eq!(huge.to_f64(), f64::INFINITY);
        assert!((huge.log10() - 900.0).abs() < 1e-9, "{}", huge.log10());
        let twice = huge.plus(huge);
        assert!((twice.log10() - (900.0 + 2f64.log10())).abs() < 1e-9);
        assert!((twice.ratio(huge) - 2.0).abs() < 1e-12);
        assert!(huge > big);
        assert!(huge.to_string().ends_with("e900"), "{huge}");
        // Adding something negligibly small leaves the sum unchanged.
        assert_eq!(huge.plus(Count::ONE), huge);
    }
}
