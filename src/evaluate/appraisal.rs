//! The options appraisal: each option on money and on needs, and the rule
//! that turns values into a recommendation.
//!
//! Modelled on an options appraisal (HM Treasury's Green Book: net present
//! cost, non-monetised benefits, switching values) and on how public buyers
//! score tenders (a stated price/quality split; the lowest price scores
//! full marks, others in proportion):
//!
//! 1. **Feasible or not**: hard rules only (third-party sharing prohibited
//!    or classified data rule out a fully outsourced SOC; a go-live no
//!    provider can meet rules out nothing, since no option can). Over
//!    budget is a funding gap, not infeasibility.
//! 2. **Money**: the risk-adjusted cost, the present value of the cost of
//!    ownership plus the expected loss that remains. The cheapest feasible
//!    option scores 1; another loses marks in proportion to how much dearer
//!    it is, measured against twice the lowest cost of ownership: 0.5 at
//!    twice the cheapest's cost, nothing at three times. (A stated
//!    equivalent of "cheapest / own", which public buyers also use: unlike
//!    that ratio, a loss that rises for every option cannot make a dearer
//!    option look better, because the scale does not move with the loss.)
//! 3. **Needs**: the seven needs rate every option 0-4
//!    ([`super::needs`]); the need score is their weighted mean over 4.
//! 4. **Value** = money share x money score + (1 - money share) x need
//!    score.
//!
//! The recommendation is the feasible option of highest value, unless it
//! does not fit the budget while another feasible option does: then the
//! best option that fits, and the report says what a larger budget would
//! buy. When none fits, the best value, with its funding gap. A dearer
//! option meeting the same needs never has the higher value, so it is never
//! the recommendation.

use super::assessment::SocOption;
use super::economics::index;
use super::needs::Need;

/// Everything the rule needs that does not change with costs: so the
/// simulation, the confidence and the switching values can re-decide
/// cheaply.
#[derive(Debug, Clone)]
pub struct Appraiser {
    pub money_share: f64,
    /// Weights of the seven needs, as shares.
    pub need_shares: [f64; 7],
    /// Each need's ratings, by option index.
    pub ratings: [[f64; 3]; 7],
    pub feasible: [bool; 3],
}

/// One pass of the appraisal: every option's money, needs and value.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Valued {
    /// Present value of the cost of ownership (run-rate).
    pub cost: [f64; 3],
    /// Present value of the expected loss that remains.
    pub loss: [f64; 3],
    pub risk_adjusted: [f64; 3],
    /// 0-1: the cheapest feasible option scores 1.
    pub money: [f64; 3],
    /// 0-1: the weighted mean need rating over 4.
    pub needs: [f64; 3],
    pub value: [f64; 3],
}

/// How the recommendation followed from the values.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rule {
    /// The best value fits the budget.
    BestValue,
    /// The best value does not fit; `best` would be the choice with more
    /// budget.
    BestThatFits { best: SocOption },
    /// No feasible option fits: the best value, with its funding gap.
    NoneFits,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Choice {
    pub option: SocOption,
    pub best_value: SocOption,
    pub rule: Rule,
}

impl Appraiser {
    pub fn new(
        money_share: f64,
        need_shares: [f64; 7],
        needs: &[Need],
        feasible: [bool; 3],
    ) -> Appraiser {
        let mut ratings = [[0.0; 3]; 7];
        for (slot, need) in ratings.iter_mut().zip(needs) {
            *slot = need.ratings;
        }
        Appraiser {
            money_share: money_share.clamp(0.0, 1.0),
            need_shares,
            ratings,
            feasible,
        }
    }

    /// The options the rule may recommend: the feasible ones, or all three
    /// when hard rules leave none (then the report says so).
    pub fn candidates(&self) -> [bool; 3] {
        if self.feasible.iter().any(|f| *f) {
            self.feasible
        } else {
            [true; 3]
        }
    }

    /// Weighted mean need rating of each option, over 4.
    pub fn need_scores(&self, shares: &[f64; 7]) -> [f64; 3] {
        let total: f64 = shares.iter().sum();
        std::array::from_fn(|o| {
            if total <= 0.0 {
                return 1.0;
            }
            let sum: f64 = self.ratings.iter().zip(shares).map(|(r, w)| r[o] * w).sum();
            round(sum / total / 4.0)
        })
    }

    /// Value every option for these costs of ownership and losses.
    pub fn value(&self, cost: [f64; 3], loss: [f64; 3]) -> Valued {
        self.value_with(cost, loss, self.money_share, &self.need_shares)
    }

    /// [`Appraiser::value`] with another money share and need weighting.
    pub fn value_with(
        &self,
        cost: [f64; 3],
        loss: [f64; 3],
        money_share: f64,
        shares: &[f64; 7],
    ) -> Valued {
        let candidates = self.candidates();
        let risk_adjusted: [f64; 3] = std::array::from_fn(|o| cost[o] + loss[o]);
        let lowest = |x: &[f64; 3]| {
            (0..3)
                .filter(|o| candidates[*o])
                .map(|o| x[o])
                .fold(f64::INFINITY, f64::min)
        };
        let cheapest = lowest(&risk_adjusted);
        let scale = 2.0 * lowest(&cost);
        let money = std::array::from_fn(|o| {
            if scale <= 0.0 || !scale.is_finite() {
                return if risk_adjusted[o] <= cheapest + 1e-9 {
                    1.0
                } else {
                    0.0
                };
            }
            round((1.0 - (risk_adjusted[o] - cheapest) / scale).clamp(0.0, 1.0))
        });
        let needs = self.need_scores(shares);
        let m = money_share.clamp(0.0, 1.0);
        let value = std::array::from_fn(|o| round(m * money[o] + (1.0 - m) * needs[o]));
        Valued {
            cost,
            loss,
            risk_adjusted,
            money,
            needs,
            value,
        }
    }

    /// The options the rule may recommend, best value first (ties: the
    /// cheaper, then the fixed option order).
    pub fn ranking(&self, v: &Valued) -> Vec<SocOption> {
        let candidates = self.candidates();
        let mut order: Vec<SocOption> = SocOption::ALL
            .into_iter()
            .filter(|o| candidates[index(*o)])
            .collect();
        order.sort_by(|a, b| {
            let (i, j) = (index(*a), index(*b));
            v.value[j]
                .total_cmp(&v.value[i])
                .then(v.risk_adjusted[i].total_cmp(&v.risk_adjusted[j]))
        });
        order
    }

    /// The recommendation for these values, given which options fit the
    /// budget.
    pub fn choose(&self, v: &Valued, fits: [bool; 3]) -> Choice {
        let ranking = self.ranking(v);
        let best = ranking.first().copied().unwrap_or(SocOption::Outsourced);
        if fits[index(best)] {
            return Choice {
                option: best,
                best_value: best,
                rule: Rule::BestValue,
            };
        }
        match ranking.iter().find(|o| fits[index(**o)]) {
            Some(o) => Choice {
                option: *o,
                best_value: best,
                rule: Rule::BestThatFits { best },
            },
            None => Choice {
                option: best,
                best_value: best,
                rule: Rule::NoneFits,
            },
        }
    }
}

/// Values are kept to six decimals, so that weights scaled all alike give
/// the same bytes.
fn round(x: f64) -> f64 {
    (x * 1e6).round() / 1e6
}

#[cfg(test)]
mod tests {
    use super::*;

    fn appraiser(ratings: [f64; 3], feasible: [bool; 3]) -> Appraiser {
        Appraiser {
            money_share: 0.4,
            need_shares: [1.0 / 7.0; 7],
            ratings: [ratings; 7],
            feasible,
        }
    }

    #[test]
    fn the_cheapest_scores_full_marks_and_others_in_proportion() {
        let a = appraiser([4.0, 2.0, 3.0], [true; 3]);
        // Costs of ownership 1.8m, 0.8m, 1.4m; losses 0.2m each. The scale
        // is twice the lowest cost of ownership, 1.6m: in-house is 1m dearer
        // (0.375), hybrid 0.6m (0.625).
        let v = a.value([1_800_000.0, 800_000.0, 1_400_000.0], [200_000.0; 3]);
        assert_eq!(v.money, [0.375, 1.0, 0.625]);
        assert_eq!(v.needs, [1.0, 0.5, 0.75]);
        // 0.4 x 0.375 + 0.6 x 1 = 0.75; 0.4 + 0.3 = 0.7; 0.25 + 0.45 = 0.7.
        assert_eq!(v.value, [0.75, 0.7, 0.7]);
        assert_eq!(a.choose(&v, [true; 3]).option, SocOption::InHouse);
    }

    #[test]
    fn the_best_option_that_fits_when_the_best_value_does_not() {
        let a = appraiser([4.0, 2.0, 3.0], [true; 3]);
        let v = a.value([1_800_000.0, 800_000.0, 1_400_000.0], [200_000.0; 3]);
        // In-house does not fit; hybrid and outsourced tie on value, and the
        // cheaper (outsourced) ranks first.
        let c = a.choose(&v, [false, true, true]);
        assert_eq!(c.option, SocOption::Outsourced);
        assert_eq!(
            c.rule,
            Rule::BestThatFits {
                best: SocOption::InHouse
            }
        );
        // Nothing fits: the best value, with its gap.
        assert_eq!(a.choose(&v, [false; 3]).rule, Rule::NoneFits);
    }

    #[test]
    fn an_infeasible_option_is_never_recommended_nor_sets_the_price() {
        let a = appraiser([4.0, 4.0, 4.0], [true, false, true]);
        let v = a.value([2_000_000.0, 100_000.0, 1_000_000.0], [0.0; 3]);
        // Outsourced is cheapest but ruled out: hybrid sets full marks.
        assert_eq!(v.money[2], 1.0);
        assert_eq!(a.choose(&v, [true; 3]).option, SocOption::Hybrid);
    }
}
