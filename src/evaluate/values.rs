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
