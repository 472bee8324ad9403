//! The risk assessment: threats against critical assets and the risks that
//! come with a sourcing choice, likelihood x impact, each option's residual
//! over time, and the expected yearly loss.
//!
//! Method (NIST SP 800-30 style, 5-point scales Very low .. Very high):
//! [`register`] pairs each threat with each critical asset it can reach;
//! [`sourcing`] adds provider compromise, provider outage, lock-in, key
//! people and the coverage gap while a SOC is built, for the options they
//! belong to; [`treatment`] says how each option changes detection,
//! response, context and exposure, phase by phase; [`loss`] turns breach
//! frequency and cost into an expected yearly loss per option and for the
//! status quo (which [`super::expected_loss`] reports).

pub(crate) mod loss;
pub(crate) mod register;
pub(crate) mod sourcing;
pub(crate) mod treatment;

use super::assessment::{HeatMap, Risk, SocOption};
use std::collections::BTreeMap;

/// Number the register (highest inherent rating first, ties in the order
/// assessed) and count its heat maps.
pub(crate) fn finish(mut risks: Vec<Risk>) -> (Vec<Risk>, HeatMap) {
    risks.sort_by_key(|r| std::cmp::Reverse(r.rating));
    for (n, r) in risks.iter_mut().enumerate() {
        r.id = format!("R{:02}", n + 1);
    }
    let mut counts = [[0u32; 5]; 5];
    let mut residual: BTreeMap<SocOption, [[u32; 5]; 5]> = BTreeMap::new();
    for r in &risks {
        counts[usize::from(r.likelihood - 1)][usize::from(r.impact - 1)] += 1;
        for (option, res) in &r.residual {
            let cells = residual.entry(*option).or_insert([[0; 5]; 5]);
            if res.applies {
                cells[usize::from(res.likelihood - 1)][usize::from(res.impact - 1)] += 1;
            }
        }
    }
    (risks, HeatMap { counts, residual })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_register_is_numbered_highest_first_and_counted_cell_by_cell() {
        let p = crate::profile::starter_profile().expect("starter profile");
        let risks = register::threats(&p, register::Timing { bridged: false });
        let n = risks.len();
        assert!(n >= 3);
        let (risks, map) = finish(risks);
        let ids: Vec<String> = (1..=n).map(|i| format!("R{i:02}")).collect();
        assert_eq!(risks.iter().map(|r| r.id.clone()).collect::<Vec<_>>(), ids);
        assert!(risks.windows(2).all(|w| w[0].rating >= w[1].rating));
        // Every risk in one cell of the inherent map, at its likelihood and
        // impact.
        let counted: u32 = map.counts.iter().flatten().sum();
        assert_eq!(counted as usize, n);
        let top = &risks[0];
        assert!(map.counts[usize::from(top.likelihood - 1)][usize::from(top.impact - 1)] >= 1);
        assert_eq!(top.band, register::band(top.rating));
    }
}
