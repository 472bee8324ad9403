//! Assumption values by id: the likely set the deterministic model uses,
//! and the drawn sets of the Monte Carlo, share one shape.

use std::ops::{Index, IndexMut};

pub use crate::reference::assumptions::A;

/// One value per assumption.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Values(pub [f64; A::COUNT]);

impl Index<A> for Values {
    type Output = f64;
    fn index(&self, id: A) -> &f64 {
        &self.0[id as usize]
    }
}

impl IndexMut<A> for Values {
    fn index_mut(&mut self, id: A) -> &mut f64 {
        &mut self.0[id as usize]
    }
}

impl Values {
    /// Employer cost of one FTE on `base` salary, before any shift premium.
    pub fn loaded(&self, base: f64) -> f64 {
        base * self[A::Benefits] * (1.0 + self[A::OverheadPct] / 100.0)
    }

    /// Convert US dollars to the profile currency.
    pub fn usd(&self, amount: f64) -> f64 {
        amount * self[A::FxUsdRate]
    }
}

/// `x` rounded to a multiple of `1 / scale`.
pub fn round_to(x: f64, scale: f64) -> f64 {
    (x * scale).round() / scale
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_salary_is_loaded_with_benefits_then_overhead() {
        let mut v = Values([0.0; A::COUNT]);
        v[A::Benefits] = 1.3;
        v[A::OverheadPct] = 10.0;
        v[A::FxUsdRate] = 0.8;
        // 100,000 x 1.3 x 1.1.
        assert!((v.loaded(100_000.0) - 143_000.0).abs() < 1e-6);
        assert_eq!(v.usd(1_000.0), 800.0);
        assert_eq!(round_to(0.123_456, 1e3), 0.123);
        assert_eq!(round_to(2.5, 1.0), 3.0);
    }
}
