//! How sure the model is: the share of joint draws in which the recommended
//! option is still the one the rule picks.
//!
//! Each of the simulation's draws of the cost assumptions is paired with a
//! draw of breach frequency and cost (the same Latin hypercube rows the
//! expected-loss ranges use) and with a weighting drawn around the given
//! one: every need weight scaled by a factor between 0.5 and 1.5, the money
//! share by one between 0.75 and 1.25. The option is re-appraised and the
//! rule applied, budget included. The probability of staying within budget
//! is a different question, reported beside this one, not folded into it.

use super::assessment::{Confidence, SocOption};
use super::decision::{fits, Decided};
use super::economics::simulate::Stream;
use super::economics::Economics;
use super::messages::{say, Message};
use super::risk::loss;
use crate::numbers::{percent, thousands};

/// Share of joint draws in which `d`'s recommendation stands, and how many
/// draws were made.
pub(crate) fn probability_best(e: &Economics, d: &Decided) -> (f64, u32) {
    let sim = &e.sim;
    if sim.draws.is_empty() {
        return (1.0, 0);
    }
    let losses = loss::samples(e.seed, &e.resolved);
    let mut rng = e.seed.stream(Stream::Weightings);
    let a = &d.appraiser;
    let mut same = 0u32;
    for (i, draw) in sim.draws.iter().enumerate() {
        let (p, cost) = losses[i % losses.len()];
        let loss_pv: [f64; 3] = std::array::from_fn(|o| {
            d.effects
                .run_rate_present_value(o, p, cost, d.horizon, d.discount)
        });
        let raw = a.need_shares.map(|w| w * (0.5 + rng.next_unit()));
        let sum: f64 = raw.iter().sum();
        let shares = raw.map(|w| if sum > 0.0 { w / sum } else { 0.0 });
        let money = (a.money_share * (0.75 + 0.5 * rng.next_unit())).clamp(0.0, 1.0);
        let valued = a.value_with(draw.run_rate_pv, loss_pv, money, &shares);
        if a.choose(&valued, fits(&draw.min_opex, d.opex)).option == d.choice.option {
            same += 1;
        }
    }
    let n = sim.draws.len() as u32;
    ((f64::from(same) / f64::from(n) * 1e4).round() / 1e4, n)
}

/// The level a board reads: high when the option stands in four draws in
/// five, medium in three in five.
pub(crate) fn level(probability_best: f64) -> Confidence {
    if probability_best >= 0.8 {
        Confidence::High
    } else if probability_best >= 0.6 {
        Confidence::Medium
    } else {
        Confidence::Low
    }
}

/// Whichever option the draws pick most often besides `option`, for the
/// confidence sentence; `None` when it always stands.
pub(crate) fn runner_up(d: &Decided) -> Option<SocOption> {
    d.appraiser
        .ranking(&d.valued)
        .into_iter()
        .find(|o| *o != d.choice.option)
}

/// The confidence in plain words, with the budget probability beside it.
pub(crate) fn confidence_text(
    d: &Decided,
    level: Confidence,
    probability_best: f64,
    draws: u32,
    p_within: f64,
) -> String {
    let level = say(
        match level {
            Confidence::High => Message::ConfidenceHigh,
            Confidence::Medium => Message::ConfidenceMedium,
            Confidence::Low => Message::ConfidenceLow,
        },
        &[],
    );
    let rec = d.choice.option.short().to_lowercase();
    let mut text = if draws == 0 {
        say(
            Message::StandsAtLikelyValues,
            &[("level", &level), ("option", &rec)],
        )
    } else {
        say(
            Message::StandsInDraws,
            &[
                ("level", &level),
                ("option", &rec),
                ("share", &percent(probability_best)),
                ("draws", &thousands(f64::from(draws))),
            ],
        )
    };
    if let Some(runner) = runner_up(d) {
        let runner = runner.short().to_lowercase();
        text.push_str(&say(Message::RunnerUp, &[("option", &runner)]));
    }
    text.push_str(&say(
        Message::WithinBudgetInSimulations,
        &[("share", &percent(p_within))],
    ));
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn levels_follow_the_share_of_draws() {
        assert_eq!(level(0.95), Confidence::High);
        assert_eq!(level(0.8), Confidence::High);
        assert_eq!(level(0.7), Confidence::Medium);
        assert_eq!(level(0.59), Confidence::Low);
    }

    #[test]
    fn without_draws_the_recommendation_stands_at_likely_values() {
        let p = crate::profile::starter_profile().expect("starter profile");
        let q = crate::evaluate::quick(&p);
        assert_eq!(probability_best(&q.economics, &q.decided), (1.0, 0));
        let rec = q.decided.choice.option.short().to_lowercase();
        let text = confidence_text(&q.decided, Confidence::High, 1.0, 0, 0.5);
        assert!(
            text.starts_with(&format!(
                "High confidence: {rec} is the recommendation at the likely values"
            )),
            "{text}"
        );
    }

    #[test]
    fn the_sentence_gives_the_share_of_draws_the_runner_up_and_the_budget_apart() {
        let p = crate::profile::starter_profile().expect("starter profile");
        let d = crate::evaluate::quick(&p).decided;
        let rec = d.choice.option.short().to_lowercase();
        let runner = runner_up(&d).expect("three options, one recommended");
        assert_ne!(runner, d.choice.option);
        // 0.846 of 1,000 draws shows as 85%; 0.9 of the cost simulations
        // within budget as 90%, reported separately.
        assert_eq!(
            confidence_text(&d, Confidence::Medium, 0.846, 1000, 0.9),
            format!(
                "Medium confidence: {rec} is still the recommendation in 85% of 1,000 joint draws of the cost assumptions, breach losses and weights; the runner-up is {}. Separately, it stays within the operating budget in every year in 90% of the cost simulations",
                runner.short().to_lowercase()
            )
        );
    }
}
