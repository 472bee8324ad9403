//! The budget check, year by year.
//!
//! An option fits the budget when, in every year of the horizon, its
//! running cost fits the annual operating budget and its one-off costs fit
//! what is left of the capital budget or, beyond that, the year's headroom
//! (operating budget less running cost). Capital is one pot for the whole
//! horizon, spent in the order the one-off costs fall.

use super::price::YearItems;

/// The check for one year.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct YearCheck {
    pub year: usize,
    pub running: f64,
    pub one_off: f64,
    /// One-off costs paid from the capital budget.
    pub from_capex: f64,
    /// Operating budget left after running costs and the one-off costs the
    /// capital budget did not cover (negative when over).
    pub headroom: f64,
    pub fits: bool,
}

/// Check `years` against an annual operating budget and a capital budget.
pub(crate) fn check(years: &[YearItems], opex: f64, capex: f64) -> Vec<YearCheck> {
    let mut pool = capex;
    years
        .iter()
        .enumerate()
        .map(|(i, y)| {
            let running = y.running();
            let one_off = y.one_off();
            let from_capex = one_off.min(pool);
            pool -= from_capex;
            let headroom = opex - running - (one_off - from_capex);
            YearCheck {
                year: i + 1,
                running,
                one_off,
                from_capex,
                headroom,
                fits: headroom >= -1e-6,
            }
        })
        .collect()
}

/// The smallest annual operating budget with which `years` fit, given the
/// capital budget. Fitting is monotone in the operating budget, so an option
/// fits exactly when the budget is at least this.
pub(crate) fn min_opex<'a>(years: impl IntoIterator<Item = &'a YearItems>, capex: f64) -> f64 {
    min_opex_of(years.into_iter().map(|y| (y.running(), y.one_off())), capex)
}

/// [`min_opex`] over (running, one-off) pairs.
pub(crate) fn min_opex_of(years: impl IntoIterator<Item = (f64, f64)>, capex: f64) -> f64 {
    let mut pool = capex;
    let mut need: f64 = 0.0;
    for (running, one_off) in years {
        let from_capex = one_off.min(pool);
        pool -= from_capex;
        need = need.max(running + one_off - from_capex);
    }
    need
}

#[cfg(test)]
mod tests {
    use super::super::price::Item;
    use super::*;

    fn year(running: f64, one_off: f64) -> YearItems {
        let mut y = YearItems::default();
        y.0[Item::Salaries as usize] = running;
        y.0[Item::Build as usize] = one_off;
        y
    }

    #[test]
    fn capital_pays_one_off_costs_first_then_headroom() {
        let years = [year(80.0, 50.0), year(90.0, 0.0), year(100.0, 20.0)];
        let c = check(&years, 100.0, 40.0);
        assert_eq!(c[0].from_capex, 40.0);
        assert_eq!(c[0].headroom, 10.0);
        assert!(c[0].fits && c[1].fits);
        // Year 3: the capital is spent and running costs use the whole budget.
        assert!(!c[2].fits);
        assert_eq!(min_opex(&years, 40.0), 120.0);
        assert!(check(&years, 120.0, 40.0).iter().all(|c| c.fits));
        assert!(!check(&years, 119.0, 40.0).iter().all(|c| c.fits));
    }
}
