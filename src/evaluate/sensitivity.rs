//! Switching values: for the provider's price, the budget, the salary
//! level, the money share and each need's weight, the value at which the
//! recommendation changes, or that none does in a wide range (the Green
//! Book's switching values).
//!
//! Every probe goes through the same rule ([`super::decision::Decided`]),
//! with the plan re-priced where the input changes prices, so feasibility
//! and the budget count too. Numbers are found by a geometric scan out from
//! the current value and refined by bisection.

use super::assessment::{SocOption, SwitchingValue};
use super::decision::Decided;
use super::economics::facts::CostFacts;
use super::economics::price::{self, Item};
use super::economics::{index, Economics};
use super::messages::{say, Message};
use super::values::{Values, A};
use crate::numbers::{money_short, percent_1, significant};
use crate::profile::model::Consideration;
use crate::profile::Profile;

/// Find the value nearest `current` (within `[low, high]`, scanned at
/// `steps` points each way) where `decide` gives a different option,
/// refined by bisection.
fn nearest_switch(
    current: f64,
    low: f64,
    high: f64,
    now: SocOption,
    decide: &dyn Fn(f64) -> SocOption,
) -> Option<(f64, SocOption)> {
    let steps = 24;
    let mut best: Option<(f64, SocOption)> = None;
    let geometric = current > 0.0 && low > 0.0;
    for (edge, up) in [(high, true), (low, false)] {
        if (up && edge <= current) || (!up && edge >= current) {
            continue;
        }
        let mut inside = current;
        for i in 1..=steps {
            let f = f64::from(i) / f64::from(steps);
            let probe = if geometric {
                current * (edge / current).powf(f)
            } else {
                current + (edge - current) * f
            };
            if decide(probe) != now {
                let (mut a, mut b) = (inside, probe);
                for _ in 0..30 {
                    let mid = (a + b) / 2.0;
                    if decide(mid) == now {
                        a = mid;
                    } else {
                        b = mid;
                    }
                }
                let to = decide(b);
                let distance = |x: f64| (x - current).abs() / current.abs().max(1e-9);
                if best.is_none_or(|(v, _)| distance(b) < distance(v)) {
                    best = Some((b, to));
                }
                break;
            }
            inside = probe;
        }
    }
    best
}

/// The facts of the plan re-priced with `edit` applied to the likely values
/// and the plan.
fn repriced(
    profile: &Profile,
    e: &Economics,
    edit: impl Fn(&mut Values, &mut super::economics::plan::Plan),
) -> CostFacts {
    let mut v = e.likely;
    let mut plan = e.plan.clone();
    let mut flat = e.flat.clone();
    edit(&mut v, &mut plan);
    edit(&mut v.clone(), &mut flat);
    CostFacts::of(
        &price::price(&plan, &v),
        &price::price(&flat, &v),
        profile.budget.capex,
    )
}

struct Probe<'a> {
    input: &'a str,
    label: &'a str,
    unit: String,
    current: f64,
    searched: [f64; 2],
}

fn switching(
    p: Probe<'_>,
    found: Option<(f64, SocOption)>,
    now: SocOption,
    show: &dyn Fn(f64) -> String,
) -> SwitchingValue {
    let found = found.map(|(v, o)| (significant(v), o));
    let text = match found {
        Some((v, to)) => say(
            Message::SwitchesAt,
            &[
                ("label", p.label),
                (
                    "direction",
                    &say(
                        if v > p.current {
                            Message::Above
                        } else {
                            Message::Below
                        },
                        &[],
                    ),
                ),
                ("value", &show(v)),
                ("current", &show(p.current)),
                ("to", &to.short().to_lowercase()),
                ("now", &now.short().to_lowercase()),
            ],
        ),
        None => say(
            Message::NoSwitch,
            &[
                ("label", &p.label.to_lowercase()),
                ("low", &show(p.searched[0])),
                ("high", &show(p.searched[1])),
                ("current", &show(p.current)),
            ],
        ),
    };
    SwitchingValue {
        input: p.input.to_string(),
        label: p.label.to_string(),
        unit: p.unit,
        current: p.current,
        value: found.map(|f| f.0),
        to: found.map(|f| f.1),
        searched: p.searched,
        text,
    }
}

/// The provider's yearly fee for outsourcing in the second year (the first
/// full year of service), for showing the price switching value in money.
fn provider_fee(e: &Economics) -> f64 {
    let year = 1.min(e.plan.horizon.saturating_sub(1));
    e.priced.options[index(SocOption::Outsourced)][year].get(Item::ProviderFee)
}

pub(crate) fn switching_values(
    profile: &Profile,
    e: &Economics,
    d: &Decided,
) -> Vec<SwitchingValue> {
    let cur = &profile.organisation.currency;
    let now = d.choice.option;
    let money = |x: f64| money_short(cur, x);
    let per_year = say(Message::PerYear, &[("currency", cur)]);
    let mut out = Vec::new();

    // The provider's price: every provider price scaled alike (the quote,
    // or the model's service rates).
    let fee = provider_fee(e);
    let price = |k: f64| -> SocOption {
        let facts = repriced(profile, e, |v, plan| {
            v[A::MdrPrice] *= k;
            v[A::MdrLogPrice] *= k;
            if let Some(q) = plan.quote.as_mut() {
                q.annual_fee *= k;
            }
        });
        d.redecide(&facts, d.opex)
    };
    let (low, high) = (0.05, 20.0);
    let found = nearest_switch(1.0, low, high, now, &price).map(|(k, o)| (k * fee, o));
    out.push(switching(
        Probe {
            input: "provider_price",
            label: &say(Message::ProviderFeeLabel, &[]),
            unit: per_year.clone(),
            current: fee.round(),
            searched: [(fee * low).round(), (fee * high).round()],
        },
        found,
        now,
        &|x| say(Message::AYear, &[("amount", &money(x))]),
    ));

    // The operating budget.
    let opex = profile.budget.annual_opex;
    let most = d.opex_needed.iter().copied().fold(0.0, f64::max);
    let top = (opex * 10.0).max(most * 3.0).max(1.0);
    let found = nearest_switch(opex.max(1.0), 0.0, top, now, &|x| d.with_budget(x));
    out.push(switching(
        Probe {
            input: "budget.annual_opex",
            label: &say(Message::OperatingBudgetLabel, &[]),
            unit: per_year.clone(),
            current: opex,
            searched: [0.0, top.round()],
        },
        found,
        now,
        &|x| say(Message::AYear, &[("amount", &money(x))]),
    ));

    // The salary level: every tier scaled alike.
    let salary = e.likely[A::L2Salary];
    let found = nearest_switch(1.0, 0.25, 4.0, now, &|k| {
        let facts = repriced(profile, e, |v, _| {
            for id in [
                A::L1Salary,
                A::L2Salary,
                A::L3Salary,
                A::EngineerSalary,
                A::ManagerSalary,
            ] {
                v[id] *= k;
            }
        });
        d.redecide(&facts, d.opex)
    })
    .map(|(k, o)| (k * salary, o));
    out.push(switching(
        Probe {
            input: "analyst_salary",
            label: &say(Message::SalaryLabel, &[]),
            unit: per_year.clone(),
            current: salary.round(),
            searched: [(salary * 0.25).round(), (salary * 4.0).round()],
        },
        found,
        now,
        &|x| money(x),
    ));

    // The money share.
    let m = d.appraiser.money_share;
    let shares = d.appraiser.need_shares;
    let found = nearest_switch(m, 0.0, 1.0, now, &|x| d.with_weights(x, &shares));
    out.push(switching(
        Probe {
            input: "decision.money_share",
            label: &say(Message::MoneyShareLabel, &[]),
            unit: "%".into(),
            current: m,
            searched: [0.0, 1.0],
        },
        found,
        now,
        &|x| percent_1(x),
    ));

    // Each need's weight, the others keeping their proportions.
    for (k, key) in Consideration::NEEDS.iter().enumerate() {
        let current = shares[k];
        let with_share = |x: f64| -> [f64; 7] {
            let rest = 1.0 - current;
            std::array::from_fn(|i| {
                if i == k {
                    x
                } else if rest > 0.0 {
                    shares[i] * (1.0 - x) / rest
                } else {
                    (1.0 - x) / 6.0
                }
            })
        };
        let found = nearest_switch(current, 0.0, 1.0, now, &|x| {
            d.with_weights(m, &with_share(x))
        });
        let need = key.label().to_lowercase();
        let label = say(Message::NeedWeightLabel, &[("need", &need)]);
        out.push(switching(
            Probe {
                input: &format!("weights.{}", key.key()),
                label: &label,
                unit: "%".into(),
                current,
                searched: [0.0, 1.0],
            },
            found,
            now,
            &|x| percent_1(x),
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Hybrid up to a price of 150, outsourced above it.
    fn by_price(x: f64) -> SocOption {
        if x > 150.0 {
            SocOption::Outsourced
        } else {
            SocOption::Hybrid
        }
    }

    #[test]
    fn the_switch_is_found_where_the_rule_changes_its_answer() {
        let (at, to) =
            nearest_switch(100.0, 25.0, 400.0, SocOption::Hybrid, &by_price).expect("a switch");
        assert!((at - 150.0).abs() < 1e-3, "{at}");
        assert_eq!(to, SocOption::Outsourced);
        // Nothing changes below the current value, nor within a range that
        // stops short of the switch.
        assert_eq!(
            nearest_switch(100.0, 25.0, 140.0, SocOption::Hybrid, &by_price),
            None
        );
        // Of two switches, the nearer one (in relative terms) is reported.
        let two = |x: f64| match x {
            x if x < 60.0 => SocOption::InHouse,
            x if x > 300.0 => SocOption::Outsourced,
            _ => SocOption::Hybrid,
        };
        let (at, to) =
            nearest_switch(100.0, 25.0, 400.0, SocOption::Hybrid, &two).expect("a switch");
        assert!((at - 60.0).abs() < 1e-3, "{at}");
        assert_eq!(to, SocOption::InHouse);
    }

    #[test]
    fn the_sentence_states_the_switching_value_or_the_range_searched() {
        let probe = |current| Probe {
            input: "provider_price",
            label: "Provider price",
            unit: "%".into(),
            current,
            searched: [25.0, 400.0],
        };
        let show = |x: f64| format!("{x}%");
        let found = switching(
            probe(100.0),
            Some((150.000_04, SocOption::Outsourced)),
            SocOption::Hybrid,
            &show,
        );
        assert_eq!(
            found.text,
            "Provider price above 150% (now 100%) makes outsourced the recommendation instead of hybrid"
        );
        assert_eq!(
            (found.value, found.to),
            (Some(150.0), Some(SocOption::Outsourced))
        );
        let none = switching(probe(100.0), None, SocOption::Hybrid, &show);
        assert_eq!(
            none.text,
            "No provider price between 25% and 400% changes the recommendation (now 100%)"
        );
        assert_eq!(none.value, None);
    }
}
