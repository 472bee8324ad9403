//! Evaluate: a validated profile and [`Options`] in, an [`Assessment`] out.
//!
//! A pure function: no I/O, no clock, no global state, no randomness that
//! is not seeded (from the profile's id unless the caller gives a seed).
//! Every number carries where it came from: a profile value, an assumption
//! from the catalogue (with its public sources), or a computation over
//! named inputs. Nothing here formats for a particular output; texts are
//! plain words that renderers escape.
//!
//! The stages, each its own module. Inputs: [`assumptions`] resolves every
//! assumption's range into [`values`]; [`teams`] sizes each option's
//! people and [`schedule`] its months. Money: [`economics`] plans and
//! prices the three options with ranges, [`bids`] compares providers'
//! quotes, [`priced`] puts the two together. Decision: [`needs`] rates
//! every option on the seven needs, [`decision`] appraises each option on
//! money and needs and applies the rule of [`appraisal`]; [`confidence`]
//! and [`sensitivity`] say how firm the answer is and what would change
//! it; [`constraints`] and [`reasons`] say what ruled and what drove it;
//! [`recommendation`] states it. What to do about it: [`risk`] and
//! [`expected_loss`], [`objectives`], [`sla`], [`roadmap`], [`raci`],
//! [`staffing`], [`options`]. Around them: [`facts`] (the profile as the
//! report restates it), [`citations`], [`scenarios`], and [`assessment`],
//! the shape of it all.

pub(crate) mod appraisal;
pub mod assessment;
pub(crate) mod assumptions;
pub(crate) mod bids;
pub(crate) mod citations;
pub(crate) mod confidence;
pub(crate) mod constraints;
pub(crate) mod decision;
pub(crate) mod economics;
pub(crate) mod expected_loss;
pub(crate) mod facts;
pub mod messages;
pub(crate) mod needs;
pub(crate) mod objectives;
pub(crate) mod options;
pub(crate) mod priced;
pub(crate) mod raci;
pub(crate) mod reasons;
pub(crate) mod recommendation;
pub(crate) mod risk;
pub(crate) mod roadmap;
pub(crate) mod scenarios;
pub(crate) mod schedule;
pub(crate) mod sensitivity;
pub(crate) mod sla;
pub(crate) mod staffing;
pub(crate) mod teams;
pub mod values;

pub use assessment::{Assessment, SocOption};
pub use priced::quick;

use crate::profile::Profile;
use assessment::*;
use decision::Decided;
use economics::simulate::Seed;
use economics::{index, Economics, Sampling};

/// How one evaluation runs: told by the caller, never looked up, so the
/// same profile and options always give the same assessment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    /// Threads the evaluation may use (its scenarios, the halves of its
    /// simulation). One in a batch that already keeps every core busy with
    /// a profile each, where more threads only add their cost. The results
    /// are the same on any number.
    pub threads: usize,
    /// Where the draws start; `None` seeds them from the profile's id.
    pub seed: Option<u64>,
    /// Who made the assessment, as it records it (`socsource 0.1.0`).
    pub generator: String,
}

impl Options {
    /// One thread, draws seeded from the profile's id.
    pub fn new(generator: &str) -> Options {
        Options {
            threads: 1,
            seed: None,
            generator: generator.to_string(),
        }
    }

    pub fn with_threads(self, threads: usize) -> Options {
        Options {
            threads: threads.max(1),
            ..self
        }
    }

    pub fn with_seed(self, seed: u64) -> Options {
        Options {
            seed: Some(seed),
            ..self
        }
    }

    fn seed_for(&self, profile: &Profile) -> Seed {
        self.seed.map_or_else(|| Seed::of(&profile.id), Seed::given)
    }
}

/// Evaluate one profile.
pub fn evaluate(profile: &Profile, options: &Options) -> Assessment {
    let mut evaluated = evaluate_all(
        std::iter::once(profile)
            .chain(profile.scenarios.iter().map(|s| &*s.profile))
            .collect(),
        options,
    )
    .into_iter();
    let Some(mut a) = evaluated.next() else {
        return evaluate_one(profile, options);
    };
    a.scenarios = profile
        .scenarios
        .iter()
        .zip(evaluated)
        .map(|(s, outcome)| scenarios::outcome(&a, s, &outcome))
        .collect();
    a
}

/// Each profile's assessment, in order. A profile with scenarios is
/// several whole evaluations; they are independent, so they share the
/// threads, one each (each is pure, so the result is the same on any
/// number).
fn evaluate_all(profiles: Vec<&Profile>, options: &Options) -> Vec<Assessment> {
    let threads = options.threads.min(profiles.len());
    if threads <= 1 {
        return profiles
            .into_iter()
            .map(|p| evaluate_one(p, options))
            .collect();
    }
    let sharing = &options.clone().with_threads(1);
    let mut slots: Vec<Option<Assessment>> = profiles.iter().map(|_| None).collect();
    std::thread::scope(|scope| {
        let profiles = &profiles;
        let workers: Vec<_> = (1..threads)
            .map(|t| {
                scope.spawn(move || {
                    (t..profiles.len())
                        .step_by(threads)
                        .map(|i| (i, evaluate_one(profiles[i], sharing)))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        for i in (0..profiles.len()).step_by(threads) {
            slots[i] = Some(evaluate_one(profiles[i], sharing));
        }
        for worker in workers {
            // A worker only panics if the evaluation does, which the tests
            // rule out; its share is then evaluated here instead.
            if let Ok(done) = worker.join() {
                for (i, a) in done {
                    slots[i] = Some(a);
                }
            }
        }
    });
    slots
        .into_iter()
        .zip(profiles)
        .map(|(slot, p)| slot.unwrap_or_else(|| evaluate_one(p, sharing)))
        .collect()
}

/// One profile's assessment, its scenarios left out.
fn evaluate_one(profile: &Profile, options: &Options) -> Assessment {
    let sampling = Sampling {
        seed: options.seed_for(profile),
        simulated: true,
        threads: options.threads,
    };
    let (e, mut bids) = priced::priced(profile, assumptions::resolve(profile), sampling);
    let d = decision::decide(profile, &e);
    let bid_evaluation = bids.finish(profile, &e, &d);
    let quotes = (bids, bid_evaluation);
    assemble(profile, &e, &d, quotes, &options.generator)
}

fn assemble(
    profile: &Profile,
    e: &Economics,
    d: &Decided,
    (bids, bid_evaluation): (bids::Bids, Option<BidEvaluation>),
    generator: &str,
) -> Assessment {
    let v = &e.likely;
    let option = d.choice.option;
    let mut cites = citations::Citations::default();
    let candidates: Vec<SocOption> = SocOption::ALL
        .into_iter()
        .filter(|o| d.appraiser.candidates()[index(*o)])
        .collect();
    let costs = economics::costs_section(profile, e, &candidates, &bids.quoted());
    let switching = sensitivity::switching_values(profile, e, d);
    let decision = decision::section::decision_section(profile, e, d, switching);
    let recommendation = recommendation::recommend(profile, e, d, &costs, &decision);
    let live = recommendation.monitoring_live_month;
    let complete = recommendation.complete_month;

    let timing = risk::register::Timing {
        bridged: e.plan.bridge.is_some(),
    };
    let mut register = risk::register::threats(profile, timing);
    register.extend(risk::sourcing::risks(profile, timing, &mut |keys| {
        cites.cite(keys)
    }));
    let (risks, heat_map) = risk::finish(register);
    let expected_loss = expected_loss::expected_loss(profile, e, d, &mut cites);
    let budget_fit = objectives::BudgetFit {
        probability: recommendation.probability_within_budget,
        opex_needed: d.opex_needed[index(option)],
        opex: d.opex,
        currency: &profile.organisation.currency,
    };
    let objectives = objectives::objectives(profile, option, live, complete, &budget_fit);
    let sla = sla::checklist(profile, option, v);
    let roadmap = roadmap::roadmap(
        profile,
        v,
        option,
        e.plan.bridge.filter(|_| option == SocOption::InHouse),
    );
    let options = options::option_profiles(profile, e, d, &costs);
    let staffing = staffing::staffing_section(profile, e);
    let assumptions = citations::assumption_uses(profile, e, &mut cites);
    cites.cite(&["hmt-green-book", "uk-pa23-assessing", "pcr2015-reg67"]);

    Assessment {
        schema_version: SCHEMA_VERSION,
        generator: generator.to_string(),
        profile: facts::summary(profile),
        facts: facts::facts(profile, v),
        recommendation,
        decision,
        considerations: decision::section::need_weights(d),
        options,
        costs,
        staffing,
        risks,
        heat_map,
        expected_loss,
        objectives,
        sla_scope: sla::scope(option),
        sla,
        roadmap,
        raci: raci::raci(),
        assumptions,
        references: cites.references(),
        quotes: bids.bids,
        bid_evaluation,
        scenarios: Vec::new(),
    }
}
