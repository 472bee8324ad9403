//! The Monte Carlo: every uncertain assumption drawn from its range, the
//! plan priced again for each draw.
//!
//! Each assumption with a range is drawn from a PERT distribution on (low,
//! likely, high): a beta distribution with the likely value as its mode and
//! a weight of four on it, the usual choice in cost estimating because it
//! stays close to the likely value while keeping the range's skew.
//! Assumptions measuring one thing (all salary tiers, all per-asset log
//! volumes) share one draw. Draws are seeded from the
//! profile's id, so the same profile always gives the same numbers.
//!
//! The draws are a Latin hypercube: each independent draw's range of
//! probability is cut into [`SAMPLES`] equal strata and every stratum is
//! used exactly once, in an order shuffled separately for each draw. That
//! spreads the few samples over the whole of every range, so costs, which
//! add up many assumptions, come out much steadier than from plain random
//! draws of the same number; and a probability estimated from them has a
//! standard error of at most 0.5 / sqrt(n - 1), 1.6 percentage points at
//! 1,000 draws: a Latin hypercube is never worse than plain sampling with
//! one draw fewer (Owen, *Monte Carlo theory, methods and examples*, 2013,
//! proposition 10.4).

use super::facts::CostFacts;
use super::plan::Plan;
use super::price::{price, price_into};
use crate::evaluate::assumptions::{Draw, Resolved, CATALOGUE};
use crate::evaluate::values::Values;

pub(crate) const SAMPLES: usize = 1000;

/// Largest standard error of a probability estimated from the draws.
pub(crate) fn standard_error() -> f64 {
    0.5 / ((SAMPLES - 1) as f64).sqrt()
}

/// A Latin hypercube over `dimensions` independent draws of [`SAMPLES`]
/// points: `at(sample, dimension)` is uniform in [0, 1), and for each
/// dimension the samples fall one in each of the equal strata.
pub(crate) struct Hypercube {
    dimensions: usize,
    points: Vec<f64>,
}

impl Hypercube {
    pub(crate) fn new(dimensions: usize, rng: &mut Xorshift) -> Hypercube {
        let mut points = vec![0.0; dimensions * SAMPLES];
        let mut order: Vec<u32> = (0..SAMPLES as u32).collect();
        for d in 0..dimensions {
            // Fisher-Yates: a fresh order of the strata for each draw.
            for i in (1..SAMPLES).rev() {
                let j = ((rng.next_unit() * (i + 1) as f64) as usize).min(i);
                order.swap(i, j);
            }
            for (sample, stratum) in order.iter().enumerate() {
                let u = (f64::from(*stratum) + rng.next_unit()) / SAMPLES as f64;
                points[sample * dimensions + d] = u.min(1.0 - f64::EPSILON);
            }
        }
        Hypercube { dimensions, points }
    }

    pub(crate) fn at(&self, sample: usize, dimension: usize) -> f64 {
        self.points[sample * self.dimensions + dimension]
    }
}

/// What each draw gives, in draw order.
#[derive(Debug, Clone, PartialEq)]
pub struct Simulation {
    pub draws: Vec<CostFacts>,
}

impl Simulation {
    pub fn samples(&self) -> usize {
        self.draws.len()
    }

    /// The `q`-quantiles of an option's total (nearest rank), in the order
    /// of `qs`.
    pub fn quantiles<const N: usize>(&self, option: usize, qs: [f64; N]) -> [f64; N] {
        let mut totals: Vec<f64> = self.draws.iter().map(|d| d.total[option]).collect();
        quantiles(&mut totals, qs)
    }

    /// Share of draws in which the option fits an operating budget of `opex`.
    pub fn probability_within(&self, option: usize, opex: f64) -> f64 {
        if self.draws.is_empty() {
            return 0.0;
        }
        let fits = self
            .draws
            .iter()
            .filter(|d| d.min_opex[option] <= opex + 1e-6)
            .count();
        fits as f64 / self.draws.len() as f64
    }
}

/// Nearest-rank quantiles of `values` (reordered in place), each the value
/// a full sort would put at its rank: selection finds it in linear time,
/// and a few quantiles of a few thousand draws are all the report needs.
pub(crate) fn quantiles<const N: usize>(values: &mut [f64], qs: [f64; N]) -> [f64; N] {
    qs.map(|q| {
        if values.is_empty() {
            return 0.0;
        }
        let i = (((values.len() - 1) as f64 * q).round() as usize).min(values.len() - 1);
        *values.select_nth_unstable_by(i, f64::total_cmp).1
    })
}

/// A small, fast, seedable generator (xorshift64*), so sampling is
/// reproducible from the profile alone.
pub struct Xorshift(u64);

impl Xorshift {
    pub fn new(seed: u64) -> Xorshift {
        Xorshift(seed.max(1))
    }

    /// Uniform in [0, 1).
    pub fn next_unit(&mut self) -> f64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        let x = self.0.wrapping_mul(0x2545_F491_4F6C_DD1D);
        (x >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// Where an evaluation's draws start. Each use (the cost draws, the loss
/// draws, the drawn weightings) takes a stream of its own from it, so
/// adding draws to one leaves the others as they were.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Seed {
    value: u64,
    /// Whether the caller chose it rather than the profile's id giving it.
    given: bool,
}

impl Seed {
    /// The seed of a profile: its id, so the same profile always gives the
    /// same numbers.
    pub fn of(profile_id: &str) -> Seed {
        Seed {
            value: crate::digest::fnv1a(profile_id),
            given: false,
        }
    }

    pub fn given(value: u64) -> Seed {
        Seed { value, given: true }
    }

    /// The generator of one stream.
    pub fn stream(self, stream: Stream) -> Xorshift {
        Xorshift::new(self.value ^ stream as u64)
    }

    /// How the method statement names it.
    pub fn describe(self) -> String {
        use crate::evaluate::messages::{say, Message};
        if self.given {
            say(Message::SeededWith, &[("seed", &self.value.to_string())])
        } else {
            say(Message::SeededFromId, &[])
        }
    }
}

/// The uses of an evaluation's seed, each its own stream of draws.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u64)]
pub enum Stream {
    Costs = 0x9e37_79b9_7f4a_7c15,
    Losses = 0x51_7cc1_b727_220a,
    Weightings = 0x2545_f491_4f6c_dd1d,
}

/// Points of the inverse-CDF table of a PERT shape.
const TABLE: usize = 256;

/// The beta distribution behind PERT(low, likely, high), as an inverse-CDF
/// table on [0, 1]: `table[k]` is the quantile at `k / TABLE`.
fn beta_quantiles(alpha: f64, beta: f64) -> Vec<f64> {
    // CDF on a fine grid by the midpoint rule; the density is bounded for
    // alpha, beta >= 1, which PERT always gives.
    const GRID: usize = 1024;
    let mut cdf = Vec::with_capacity(GRID + 1);
    cdf.push(0.0);
    let mut total = 0.0;
    for i in 0..GRID {
        let x = (i as f64 + 0.5) / GRID as f64;
        total += x.powf(alpha - 1.0) * (1.0 - x).powf(beta - 1.0);
        cdf.push(total);
    }
    let mut table = Vec::with_capacity(TABLE + 1);
    let mut i = 0;
    for k in 0..=TABLE {
        let target = total * k as f64 / TABLE as f64;
        while i < GRID && cdf[i + 1] < target {
            i += 1;
        }
        let (c0, c1) = (cdf[i], cdf[(i + 1).min(GRID)]);
        let within = if c1 > c0 {
            (target - c0) / (c1 - c0)
        } else {
            0.0
        };
        table.push(((i as f64 + within) / GRID as f64).clamp(0.0, 1.0));
    }
    table
}

type Table = std::sync::Arc<Vec<f64>>;

/// Inverse-CDF tables by shape, kept for one simulation: default ranges
/// often share a shape, and a table is a pure function of its shape.
#[derive(Default)]
pub(crate) struct Tables(std::collections::HashMap<(u32, u32), Table>);

/// A PERT-distributed assumption, ready to draw from.
pub(crate) struct Pert {
    low: f64,
    span: f64,
    table: Table,
}

impl Pert {
    pub(crate) fn new(low: f64, likely: f64, high: f64, tables: &mut Tables) -> Pert {
        let span = (high - low).max(0.0);
        let mode = if span > 0.0 {
            ((likely - low) / span).clamp(0.0, 1.0)
        } else {
            0.5
        };
        let alpha = 1.0 + 4.0 * mode;
        let beta = 1.0 + 4.0 * (1.0 - mode);
        // Shapes closer than 1/1000 share a table.
        let key = (
            (alpha * 1000.0).round() as u32,
            (beta * 1000.0).round() as u32,
        );
        let table = tables
            .0
            .entry(key)
            .or_insert_with(|| Table::new(beta_quantiles(alpha, beta)))
            .clone();
        Pert { low, span, table }
    }

    /// The value at cumulative probability `u` in [0, 1).
    pub(crate) fn at(&self, u: f64) -> f64 {
        let x = u * TABLE as f64;
        let k = (x as usize).min(TABLE - 1);
        let t = &self.table;
        let q = t[k] + (t[k + 1] - t[k]) * (x - k as f64);
        self.low + self.span * q
    }

    /// Mean of the distribution.
    #[cfg(test)]
    pub(crate) fn mean(low: f64, likely: f64, high: f64) -> f64 {
        (low + 4.0 * likely + high) / 6.0
    }
}

/// Draw `SAMPLES` value sets and price the plan with each, on up to
/// `threads` threads (the draws are the same on any number).
pub(crate) fn simulate(
    plan: &Plan,
    flat: &Plan,
    resolved: &Resolved,
    likely: &Values,
    (seed, threads): (Seed, usize),
    capex: f64,
) -> Simulation {
    let mut rng = seed.stream(Stream::Costs);
    // Dimension 0 is every salary, 1 every log volume, then one for each
    // assumption drawn on its own.
    let mut own = 2;
    let mut tables = Tables::default();
    let varying: Vec<(usize, usize, Pert)> = CATALOGUE
        .iter()
        .filter(|s| s.draw != Draw::Fixed && !resolved.ranges[s.id as usize].is_exact())
        .map(|s| {
            let r = resolved.ranges[s.id as usize];
            let dimension = match s.draw {
                Draw::Salaries => 0,
                Draw::LogVolumes => 1,
                Draw::Own | Draw::Fixed => {
                    own += 1;
                    own - 1
                }
            };
            (
                s.id as usize,
                dimension,
                Pert::new(r.low, r.likely, r.high, &mut tables),
            )
        })
        .collect();
    let cube = Hypercube::new(own, &mut rng);
    // Each draw depends only on its row of the hypercube, so the rows can
    // be priced in two halves at once and joined in order: the same draws
    // on one core or two.
    let draw = |rows: std::ops::Range<usize>| -> Vec<CostFacts> {
        let mut values = *likely;
        let mut priced = price(plan, likely);
        let mut priced_flat = price(flat, likely);
        rows.map(|sample| {
            for (i, dimension, pert) in &varying {
                values.0[*i] = pert.at(cube.at(sample, *dimension));
            }
            price_into(plan, &values, &mut priced);
            price_into(flat, &values, &mut priced_flat);
            CostFacts::of(&priced, &priced_flat, capex)
        })
        .collect()
    };
    let half = SAMPLES / 2;
    let draws = if threads > 1 {
        std::thread::scope(|scope| {
            let second = scope.spawn(|| draw(half..SAMPLES));
            let mut draws = draw(0..half);
            // The pricing cannot panic on a validated profile (the property
            // tests evaluate thousands); if it did, the half is redone here.
            draws.extend(second.join().unwrap_or_else(|_| draw(half..SAMPLES)));
            draws
        })
    } else {
        draw(0..SAMPLES)
    };
    Simulation { draws }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pert_draws_stay_in_range_with_the_pert_mean_and_mode() {
        let pert = Pert::new(1.0, 2.0, 5.0, &mut Tables::default());
        let mut rng = Xorshift::new(7);
        let mut sum = 0.0;
        let mut below = 0;
        let n = 20_000;
        for _ in 0..n {
            let x = pert.at(rng.next_unit());
            assert!((1.0..=5.0).contains(&x));
            sum += x;
            if x < 2.0 {
                below += 1;
            }
        }
        let mean = sum / f64::from(n);
        assert!((mean - Pert::mean(1.0, 2.0, 5.0)).abs() < 0.02, "{mean}");
        // The mode sits below the median of this right-skewed shape.
        assert!(f64::from(below) / f64::from(n) < 0.5);
        let exact = Pert::new(3.0, 3.0, 3.0, &mut Tables::default());
        assert_eq!(exact.at(0.9), 3.0);
        // Symmetric shape: the median is the mode.
        assert!((Pert::new(0.0, 0.5, 1.0, &mut Tables::default()).at(0.5) - 0.5).abs() < 1e-3);
    }
}
