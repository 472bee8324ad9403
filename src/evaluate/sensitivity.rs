//! What would change the recommendation.
//!
//! For each consideration: the share of the decision it would need to carry
//! for the recommendation to change (holding the others' relative weights).
//! For the main numeric inputs (budget, analyst salary, provider price,
//! go-live months): the nearest value at which it changes. Every probe goes
//! through the same decision ([`super::decision::Decider`]) with the plan
//! re-priced where the input changes prices, so hard constraints and the
//! budget fallback count too.

use super::assessment::{InputFlip, SocOption, WeightFlip};
use super::decision::{self, choose, Core};
use super::economics::facts::CostFacts;
use super::economics::{price, Economics};
use super::values::A;
use super::words::{money_short, percent_1, thousands};
use crate::profile::model::Consideration;
use crate::profile::Profile;

pub fn weights(core: &Core) -> Vec<WeightFlip> {
    let shares = core.decider.shares;
    let mut scores = core.decider.fixed_scores;
    scores[0] = core.scored[0].score;
    scores[2] = core.scored[2].score;
    Consideration::ALL
        .iter()
        .enumerate()
        .map(|(k, &key)| {
            let current = shares[k];
            let score = scores[k];
            let others_weight: f64 = (0..8).filter(|i| *i != k).map(|i| shares[i]).sum();
            let others_sum: f64 = (0..8).filter(|i| *i != k).map(|i| shares[i] * scores[i]).sum();
            // S(x) = (1 - x) * others_mean + x * score for a share x; it
            // crosses a threshold t at x = (t - m) / (score - m).
            let mean = if others_weight > 0.0 { others_sum / others_weight } else { 0.0 };
            let t = core.decider.thresholds;
            let mut crossings: Vec<f64> = [t.in_house, t.outsourced]
                .iter()
                .filter_map(|th| {
                    let denominator = score - mean;
                    (denominator.abs() > 1e-12).then(|| (th - mean) / denominator)
                })
                .filter(|x| (0.0..=1.0).contains(x))
                .collect();
            crossings.sort_by(|a, b| (a - current).abs().total_cmp(&(b - current).abs()));
            let mut found = None;
            for x in crossings {
                for probe in [x + 1e-6, x - 1e-6] {
                    if !(0.0..=1.0).contains(&probe) {
                        continue;
                    }
                    let s = decision::round_to((1.0 - probe) * mean + probe * score, 1e9);
                    let option = choose(s, t, &core.gate);
                    if option != core.option {
                        found = Some((decision::round_to(x, 1e3), option));
                        break;
                    }
                }
                if found.is_some() {
                    break;
                }
            }
            let text = match found {
                Some((share, to)) => format!(
                    "{} would change the recommendation to {} if it carried {} of the decision instead of {}",
                    key.label(),
                    to.short().to_lowercase(),
                    percent_1(share),
                    percent_1(current)
                ),
                None => format!("No weight on {} changes the recommendation", key.label().to_lowercase()),
            };
            WeightFlip {
                consideration: key,
                current_share: decision::round_to(current, 1e3),
                flips_at_share: found.map(|f| f.0),
                flips_to: found.map(|f| f.1),
                text,
            }
        })
        .collect()
}

/// Find the value nearest `current` (within `[low, high]`, scanned at
/// `steps` geometric points each way) where `decide` gives a different
/// option, refined by bisection.
fn nearest_flip(
    current: f64,
    low: f64,
    high: f64,
    now: SocOption,
    decide: &dyn Fn(f64) -> SocOption,
) -> Option<(f64, SocOption)> {
    let steps = 24;
    let mut best: Option<(f64, SocOption)> = None;
    for (edge, up) in [(high, true), (low, false)] {
        if (up && edge <= current) || (!up && edge >= current) {
            continue;
        }
        let mut inside = current;
        for i in 1..=steps {
            let f = f64::from(i) / f64::from(steps);
            let probe = if current > 0.0 && edge > 0.0 {
                current * (edge / current).powf(f)
            } else {
                current + (edge - current) * f
            };
            let option = decide(probe);
            if option != now {
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
                if best.is_none_or(|(v, _)| {
                    (b - current).abs() / current.abs().max(1e-9)
                        < (v - current).abs() / current.abs().max(1e-9)
                }) {
                    best = Some((b, to));
                }
                break;
            }
            inside = probe;
        }
    }
    best
}

fn significant(x: f64) -> f64 {
    if x == 0.0 {
        return 0.0;
    }
    let magnitude = 10f64.powf(x.abs().log10().floor() - 2.0);
    (x / magnitude).round() * magnitude
}

/// The recommendation with the likely values changed by `edit`.
fn repriced(
    profile: &Profile,
    e: &Economics,
    core: &Core,
    edit: impl Fn(&mut super::values::Values, &mut super::economics::plan::Plan),
) -> SocOption {
    let mut v = e.likely;
    let mut plan = e.plan.clone();
    let mut flat = e.flat.clone();
    edit(&mut v, &mut plan);
    edit(&mut v.clone(), &mut flat);
    let facts = CostFacts::of(
        &price::price(&plan, &v),
        &price::price(&flat, &v),
        profile.budget.capex,
    );
    core.decider.decide(&facts, profile.budget.annual_opex)
}

pub fn inputs(profile: &Profile, e: &Economics, core: &Core) -> Vec<InputFlip> {
    let cur = &profile.organisation.currency;
    let now = core.option;
    let mut out = Vec::new();

    let opex = profile.budget.annual_opex;
    let needs = e.facts.min_opex.iter().copied().fold(0.0, f64::max);
    let budget_flip = nearest_flip(
        opex.max(1.0),
        0.0,
        (opex * 10.0).max(needs * 3.0).max(1.0),
        now,
        &|x| core.decider.decide(&e.facts, x),
    );
    out.push(flip(
        "budget.annual_opex",
        "Annual operating budget",
        &format!("{cur} per year"),
        opex,
        budget_flip,
        |v| money_short(cur, v),
    ));

    let salary = e.likely[A::L2Salary];
    let salary_flip = nearest_flip(salary, salary * 0.25, salary * 4.0, now, &|x| {
        repriced(profile, e, core, |v, _| {
            let f = x / salary;
            for id in [
                A::L1Salary,
                A::L2Salary,
                A::L3Salary,
                A::EngineerSalary,
                A::ManagerSalary,
            ] {
                v[id] *= f;
            }
        })
    });
    out.push(flip(
        "analyst_salary",
        "Analyst salary (other tiers in proportion)",
        &format!("{cur} per year"),
        salary,
        salary_flip,
        |v| money_short(cur, v),
    ));

    match &profile.mssp_quote {
        Some(q) => {
            let fee = q.annual_fee;
            let quote_flip =
                nearest_flip(fee.max(1.0), fee * 0.25, (fee * 4.0).max(1.0), now, &|x| {
                    repriced(profile, e, core, |_, plan| {
                        if let Some(q) = plan.quote.as_mut() {
                            q.annual_fee = x;
                        }
                    })
                });
            out.push(flip(
                "mssp_quote.annual_fee",
                "Provider's quoted annual fee",
                &format!("{cur} per year"),
                fee,
                quote_flip,
                |v| money_short(cur, v),
            ));
        }
        None => {
            let price = e.likely[A::MdrPrice];
            let log = e.likely[A::MdrLogPrice];
            let price_flip = nearest_flip(
                price.max(0.01),
                price * 0.25,
                (price * 4.0).max(0.01),
                now,
                &|x| {
                    repriced(profile, e, core, |v, _| {
                        v[A::MdrPrice] = x;
                        if price > 0.0 {
                            v[A::MdrLogPrice] = log * x / price;
                        }
                    })
                },
            );
            out.push(flip(
                "mssp_price_per_endpoint_month",
                "Provider price (per endpoint per month, log ingestion in proportion)",
                &format!("{cur} per endpoint per month"),
                price,
                price_flip,
                |v| format!("{cur} {v:.2}"),
            ));
        }
    }

    let go = profile.requirements.go_live_months;
    let mut go_flip = None;
    // The go-live deadline moves the plan (a bridge) and the considerations,
    // not the assumptions, so each probe starts from the ones resolved.
    let mut probe = profile.clone();
    for distance in 1..=60u32 {
        for candidate in [go.checked_add(distance), go.checked_sub(distance)]
            .into_iter()
            .flatten()
        {
            if !(1..=120).contains(&candidate) || go_flip.is_some() {
                continue;
            }
            probe.requirements.go_live_months = candidate;
            let option = super::quick_with(&probe, e.resolved.clone()).core.option;
            if option != now {
                go_flip = Some((f64::from(candidate), option));
            }
        }
        if go_flip.is_some() {
            break;
        }
    }
    let go_text = match go_flip {
        Some((m, to)) => format!(
            "With a go-live of {} months instead of {go}, the recommendation would be {}",
            thousands(m),
            to.short().to_lowercase()
        ),
        None => format!(
            "No go-live between 1 and {} months changes the recommendation",
            go + 60
        ),
    };
    out.push(InputFlip {
        input: "requirements.go_live_months".into(),
        label: "Go-live deadline".into(),
        unit: "months".into(),
        current: f64::from(go),
        flips_at: go_flip.map(|f| f.0),
        flips_to: go_flip.map(|f| f.1),
        text: go_text,
    });
    out
}

fn flip(
    input: &str,
    label: &str,
    unit: &str,
    current: f64,
    found: Option<(f64, SocOption)>,
    show: impl Fn(f64) -> String,
) -> InputFlip {
    let found = found.map(|(v, o)| (significant(v), o));
    let text = match found {
        Some((v, to)) => format!(
            "At {} ({} {}), the recommendation would be {}",
            show(v),
            if v > current { "up from" } else { "down from" },
            show(current),
            to.short().to_lowercase()
        ),
        None => format!(
            "No {} within a wide range changes the recommendation",
            label.to_lowercase()
        ),
    };
    InputFlip {
        input: input.to_string(),
        label: label.to_string(),
        unit: unit.to_string(),
        current,
        flips_at: found.map(|f| f.0),
        flips_to: found.map(|f| f.1),
        text,
    }
}
