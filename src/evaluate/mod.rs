//! Evaluate: a validated profile in, an [`Assessment`] out.
//!
//! A pure function: no I/O, no clock, no randomness that is not seeded from
//! the profile. Every number carries where it came from: a profile value, an
//! assumption from the catalogue (with its public sources), or a
//! computation over named inputs. Nothing here formats for a particular
//! output; texts are plain words that renderers escape.
//!
//! The stages, each its own module: [`assumptions`] resolves every
//! assumption's range, [`economics`] prices the three options with ranges,
//! [`considerations`] scores the eight considerations, [`decision`] weighs
//! them, applies the hard constraints and the budget, [`sensitivity`] finds
//! what would change the result, and [`risk`], [`objectives`], [`sla`] and
//! [`roadmap`] describe what to do.

pub mod assessment;
pub mod assumptions;
pub mod considerations;
pub mod decision;
pub mod economics;
pub mod facts;
pub mod objectives;
pub mod options;
pub mod raci;
pub mod risk;
pub mod roadmap;
pub mod scenarios;
pub mod schedule;
pub mod sensitivity;
pub mod sla;
pub mod values;
pub mod words;

pub use assessment::{Assessment, SocOption};

use crate::profile::model::Coverage;
use crate::profile::Profile;
use crate::reference::sources;
use assessment::*;
use decision::{round_to, Core};
use economics::{index, Economics};
use values::{Values, A};
use words::{money_short, percent, trim_float};

/// Evaluate one profile.
pub fn evaluate(profile: &Profile) -> Assessment {
    let mut evaluated = evaluate_all(
        std::iter::once(profile)
            .chain(profile.scenarios.iter().map(|s| &*s.profile))
            .collect(),
    )
    .into_iter();
    let Some(mut a) = evaluated.next() else {
        return evaluate_one(profile);
    };
    a.scenarios = profile
        .scenarios
        .iter()
        .zip(evaluated)
        .map(|(s, outcome)| scenarios::outcome(&a, s, &outcome))
        .collect();
    a
}

/// The machine's cores, asked once per process.
pub(crate) fn cores() -> usize {
    static CORES: std::sync::OnceLock<usize> = std::sync::OnceLock::new();
    *CORES.get_or_init(|| std::thread::available_parallelism().map_or(1, usize::from))
}

/// Whether one evaluation may use more than one core (its scenarios, the
/// halves of its simulation). Off while a batch already keeps every core
/// busy with a profile each, where more threads only add their cost. The
/// results are the same either way.
static WITHIN_PROFILE: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(true);

/// Let evaluations use several cores each, or not (see [`WITHIN_PROFILE`]).
pub fn parallel_within_profile(allowed: bool) {
    WITHIN_PROFILE.store(allowed, std::sync::atomic::Ordering::Relaxed);
}

pub(crate) fn within_profile() -> bool {
    cores() > 1
        && WITHIN_PROFILE.load(std::sync::atomic::Ordering::Relaxed)
        && !SHARING.with(std::cell::Cell::get)
}

thread_local! {
    /// Set while this thread evaluates one of several profiles evaluated
    /// at once, which already share the cores.
    static SHARING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// `evaluate_one`, as one of several evaluations sharing the cores.
fn evaluate_sharing(profile: &Profile) -> Assessment {
    SHARING.with(|s| s.set(true));
    let a = evaluate_one(profile);
    SHARING.with(|s| s.set(false));
    a
}

/// Each profile's assessment, in order. A profile with scenarios is
/// several whole evaluations; they are independent, so they share the
/// machine's cores (each is pure, so the result is the same on any number).
fn evaluate_all(profiles: Vec<&Profile>) -> Vec<Assessment> {
    let threads = if within_profile() {
        cores().min(profiles.len())
    } else {
        1
    };
    if threads <= 1 {
        return profiles.into_iter().map(evaluate_one).collect();
    }
    let mut slots: Vec<Option<Assessment>> = profiles.iter().map(|_| None).collect();
    std::thread::scope(|scope| {
        let profiles = &profiles;
        let workers: Vec<_> = (1..threads)
            .map(|t| {
                scope.spawn(move || {
                    (t..profiles.len())
                        .step_by(threads)
                        .map(|i| (i, evaluate_sharing(profiles[i])))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        for i in (0..profiles.len()).step_by(threads) {
            slots[i] = Some(evaluate_sharing(profiles[i]));
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
        .map(|(slot, p)| slot.unwrap_or_else(|| evaluate_one(p)))
        .collect()
}

/// One profile's assessment, its scenarios left out.
fn evaluate_one(profile: &Profile) -> Assessment {
    let e = economics::economics(profile);
    let loss = risk::loss::steady_likely(profile, &e.likely);
    let core = decision::core(profile, &e, loss);
    evaluate_with(profile, &e, &core)
}

/// The economics and the decision at likely values, without the cost
/// simulation: for sensitivity probes that change the profile itself, and
/// for property tests of the score.
pub struct Quick {
    pub economics: Economics,
    pub core: Core,
}

pub fn quick(profile: &Profile) -> Quick {
    let resolved = assumptions::resolve(profile);
    quick_with(profile, resolved)
}

/// [`quick`] with the assumptions already resolved, for probes that change
/// only what the assumptions do not depend on.
pub(crate) fn quick_with(profile: &Profile, resolved: assumptions::Resolved) -> Quick {
    let likely = economics::likely_values(&resolved);
    let plan = economics::plan::plan(profile, &resolved, &likely);
    let flat = economics::plan::run_rate(profile, &resolved, &likely);
    let priced = economics::price::price(&plan, &likely);
    let facts = economics::facts::CostFacts::of(
        &priced,
        &economics::price::price(&flat, &likely),
        profile.budget.capex,
    );
    let economics = Economics {
        resolved,
        likely,
        plan,
        flat,
        priced,
        facts,
        sim: economics::simulate::Simulation { draws: Vec::new() },
    };
    let loss = risk::loss::steady_likely(profile, &economics.likely);
    let core = decision::core(profile, &economics, loss);
    Quick { economics, core }
}

/// The recommendation alone, without the cost simulation.
pub fn quick_decision(profile: &Profile) -> SocOption {
    quick(profile).core.option
}

/// Numbers references in order of first citation.
#[derive(Default)]
struct Citations {
    keys: Vec<&'static str>,
}

impl Citations {
    fn cite(&mut self, keys: &[&'static str]) -> Vec<u32> {
        keys.iter()
            .filter(|k| sources::source(k).is_some())
            .map(|k| match self.keys.iter().position(|x| x == k) {
                Some(i) => i as u32 + 1,
                None => {
                    self.keys.push(k);
                    self.keys.len() as u32
                }
            })
            .collect()
    }

    fn references(&self) -> Vec<Reference> {
        self.keys
            .iter()
            .enumerate()
            .filter_map(|(i, k)| {
                sources::source(k).map(|s| Reference {
                    number: i as u32 + 1,
                    key: s.key.to_string(),
                    author: s.author.to_string(),
                    title: s.title.to_string(),
                    year: s.year.to_string(),
                    url: s.url.to_string(),
                })
            })
            .collect()
    }
}

/// The weakest of the factors confidence rests on, and the level.
fn confidence(
    margin: Option<f64>,
    weights: f64,
    costs: f64,
    budget: f64,
) -> (Confidence, &'static str) {
    let m = margin.unwrap_or(f64::INFINITY);
    // Each factor's level: 2 high, 1 medium, 0 low; and how far it is
    // above its own "high" bar, to break ties.
    let level = |x: f64, high: f64, low: f64| -> (u8, f64) {
        let l = if x >= high {
            2
        } else if x < low {
            0
        } else {
            1
        };
        (l, x / high)
    };
    let factors = [
        ("margin", level(m, 0.25, 0.1)),
        ("weights", level(weights, 0.9, 0.7)),
        ("costs", level(costs, 0.9, 0.7)),
        ("budget", level(budget, 0.8, 0.5)),
    ];
    let (name, (lowest, _)) = factors
        .iter()
        .min_by(|a, b| a.1 .0.cmp(&b.1 .0).then(a.1 .1.total_cmp(&b.1 .1)))
        .copied()
        .unwrap_or(("margin", (2, 1.0)));
    let c = match lowest {
        2 => Confidence::High,
        1 => Confidence::Medium,
        _ => Confidence::Low,
    };
    (c, name)
}

fn constraints(profile: &Profile, e: &Economics, core: &Core) -> Vec<Constraint> {
    let cur = &profile.organisation.currency;
    let v = &e.likely;
    let mut out = Vec::new();
    let score_option = decision::band(core.score, core.decider.thresholds);
    let moved = |o: SocOption| score_option != core.option && o == score_option;
    if !core.gate.allowed(SocOption::Outsourced) {
        out.push(Constraint {
            kind: ConstraintKind::SharingProhibited,
            option: Some(SocOption::Outsourced),
            reason: "Sharing security data with third parties is prohibited, so a fully outsourced SOC is \
                     not possible; a hybrid is possible only with a provider working inside the \
                     organisation's own tools and region"
                .to_string(),
            changed_recommendation: moved(SocOption::Outsourced),
        });
    }
    for option in [SocOption::InHouse, SocOption::Hybrid] {
        if core.gate.allowed(option) {
            continue;
        }
        let q = considerations::proportion(&e.facts, &core.decider.size, option);
        out.push(Constraint {
            kind: ConstraintKind::OutOfProportion,
            option: Some(option),
            reason: format!(
                "{} would cost {} a year to run, {} of what organisations of this size typically spend on all of security ({}), so it is out of proportion",
                match option {
                    SocOption::InHouse => "An in-house SOC",
                    _ => "A co-managed SOC",
                },
                money_short(cur, e.facts.steady[index(option)]),
                percent(q),
                core.decider.size.basis
            ),
            changed_recommendation: moved(option)
                || rank_between(option, score_option, core.option),
        });
    }
    let years = profile.budget.horizon_years;
    for option in SocOption::ALL {
        if !core.gate.fits(option) {
            let i = index(option);
            out.push(Constraint {
                kind: ConstraintKind::OverBudget,
                option: Some(option),
                reason: format!(
                    "{} needs {} a year in its dearest year, {} more than the operating budget of {}",
                    option.short(),
                    money_short(cur, e.facts.min_opex[i]),
                    money_short(cur, e.facts.min_opex[i] - profile.budget.annual_opex),
                    money_short(cur, profile.budget.annual_opex)
                ),
                changed_recommendation: core.gate.allowed(option)
                    && decision::band(core.score, core.decider.thresholds) != core.option
                    && option != core.option
                    && rank_between(option, score_option, core.option),
            });
        }
    }
    let allowed = core.gate.allowed_list();
    if !allowed.iter().any(|o| core.gate.fits(*o)) {
        let cheapest = allowed
            .iter()
            .copied()
            .min_by(|a, b| e.facts.min_opex[index(*a)].total_cmp(&e.facts.min_opex[index(*b)]))
            .unwrap_or(SocOption::Outsourced);
        let need = e.facts.min_opex[index(cheapest)];
        out.push(Constraint {
            kind: ConstraintKind::BudgetCannotFund,
            option: None,
            reason: format!(
                "The budget cannot fund the required coverage with any option: the least demanding, {}, needs {} a year, {} more than the {} a year available (over {years} years)",
                cheapest.short().to_lowercase(),
                money_short(cur, need),
                money_short(cur, need - profile.budget.annual_opex),
                money_short(cur, profile.budget.annual_opex)
            ),
            changed_recommendation: false,
        });
    }
    let go_live = f64::from(profile.requirements.go_live_months);
    for option in SocOption::ALL {
        let reason = match option {
            SocOption::InHouse if go_live < v[A::InHouseBuildMonths] => Some(format!(
                "An in-house SOC takes about {} months to build, so it cannot meet the {}-month go-live on its own; \
                 a provider can bridge the gap from month {}",
                trim_float(v[A::InHouseBuildMonths]),
                profile.requirements.go_live_months,
                trim_float(crate::evaluate::schedule::provider_start(v))
            )),
            SocOption::Outsourced | SocOption::Hybrid if go_live < crate::evaluate::schedule::provider_start(v) => Some(format!(
                "A provider needs about {} months to start monitoring, later than the {}-month go-live; no option can be live sooner",
                trim_float(crate::evaluate::schedule::provider_start(v)),
                profile.requirements.go_live_months
            )),
            _ => None,
        };
        if let Some(reason) = reason {
            out.push(Constraint {
                kind: ConstraintKind::Deadline,
                option: Some(option),
                reason,
                changed_recommendation: false,
            });
        }
    }
    out
}

/// Whether `o` lies on the fallback path from the score's option down to
/// the recommended one (both included).
fn rank_between(o: SocOption, from: SocOption, to: SocOption) -> bool {
    let r = |x: SocOption| match x {
        SocOption::InHouse => 2,
        SocOption::Hybrid => 1,
        SocOption::Outsourced => 0,
    };
    r(o) <= r(from) && r(o) > r(to)
}

fn evaluate_with(profile: &Profile, e: &Economics, core: &Core) -> Assessment {
    let v = &e.likely;
    let option = core.option;
    let mut cites = Citations::default();
    let costs = economics::costs_section(profile, e, &core.gate.allowed_list());
    let recommendation = recommendation(profile, e, core, &costs);
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
    let expected_loss = expected_loss(profile, e, &mut cites);
    let objectives = objectives::objectives(profile, option, live, complete);
    let sla = sla::checklist(profile, option, v);
    let roadmap = roadmap::roadmap(
        profile,
        v,
        option,
        e.plan.bridge.filter(|_| option == SocOption::InHouse),
    );
    let sensitivity = Sensitivity {
        weights: sensitivity::weights(core),
        inputs: sensitivity::inputs(profile, e, core),
    };
    let options = options::option_profiles(profile, e, core, &costs);
    let staffing = staffing_section(profile, e);
    let assumptions = assumption_uses(profile, e, &mut cites);
    cites.cite(core.decider.size.sources);

    Assessment {
        schema_version: SCHEMA_VERSION,
        generator: crate::GENERATOR.to_string(),
        profile: summary(profile),
        facts: facts::facts(profile, v),
        recommendation,
        considerations: consideration_scores(core),
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
        sensitivity,
        assumptions,
        references: cites.references(),
        scenarios: Vec::new(),
    }
}

/// The recommendation with how sure it is, what rules it, when monitoring
/// starts and, for an in-house build, the provider that bridges the gap.
fn recommendation(profile: &Profile, e: &Economics, core: &Core, costs: &Costs) -> Recommendation {
    let v = &e.likely;
    let option = core.option;
    let opex = profile.budget.annual_opex;
    let robustness = decision::weight_robustness(profile, core);
    let cost_robustness = decision::cost_robustness(profile, core, &e.sim);
    let p_within = round_to(e.sim.probability_within(index(option), opex), 1e4);
    let margin = decision::margin(core.score, core.decider.thresholds, &core.gate);
    let (confidence, limited_by) = confidence(margin, robustness, cost_robustness, p_within);
    let constraints = constraints(profile, e, core);
    let bridge = bridge(profile, e, option);
    let live = schedule::monitoring_month(
        v,
        e.plan.bridge.filter(|_| option == SocOption::InHouse),
        option,
    );
    let complete = schedule::complete_month(v, option);
    let reasons = reasons(core, &constraints);
    let decision = decision_text(
        profile,
        option,
        costs.options.get(&option),
        live,
        bridge.as_ref(),
        &constraints,
    );
    let confidence_text = confidence_text(
        core,
        ConfidenceBasis {
            confidence,
            limited_by,
            margin,
            robustness,
            cost_robustness,
            p_within,
        },
    );
    Recommendation {
        option,
        label: option.label().to_string(),
        score: round_to(core.score, 1e3),
        score_option: decision::band(core.score, core.decider.thresholds),
        confidence,
        robustness,
        weightings: decision::ROBUSTNESS_SAMPLES,
        cost_robustness,
        probability_within_budget: p_within,
        confidence_limited_by: limited_by.to_string(),
        margin,
        thresholds: Thresholds {
            in_house: core.decider.thresholds.in_house,
            outsourced: core.decider.thresholds.outsourced,
        },
        constraints,
        reasons,
        decision,
        monitoring_live_month: live,
        complete_month: complete,
        bridge,
        confidence_text,
    }
}

/// The provider that monitors while an in-house SOC is built, and its cost.
fn bridge(profile: &Profile, e: &Economics, option: SocOption) -> Option<Bridge> {
    let plan = e.plan.bridge.filter(|_| option == SocOption::InHouse)?;
    let cost: f64 = e.priced.options[index(SocOption::InHouse)][..e.plan.horizon]
        .iter()
        .map(|y| {
            y.get(economics::price::Item::ProviderFee) + y.get(economics::price::Item::Onboarding)
        })
        .sum::<f64>()
        .round();
    Some(Bridge {
        provider_from_month: plan.from_month,
        until_month: plan.until_month,
        cost,
        text: format!(
            "A managed provider monitors from month {} until the in-house SOC is operational in month {}, for about {}",
            trim_float(plan.from_month),
            trim_float(plan.until_month),
            money_short(&profile.organisation.currency, cost)
        ),
    })
}

/// What the confidence rests on.
struct ConfidenceBasis {
    confidence: Confidence,
    limited_by: &'static str,
    margin: Option<f64>,
    robustness: f64,
    cost_robustness: f64,
    p_within: f64,
}

fn confidence_text(core: &Core, c: ConfidenceBasis) -> String {
    let level = match c.confidence {
        Confidence::High => "High",
        Confidence::Medium => "Medium",
        Confidence::Low => "Low",
    };
    let limit = match c.limited_by {
        "margin" => "the score's distance from the threshold",
        "weights" => "how the considerations are weighted",
        "costs" => "uncertainty in the costs",
        _ => "the chance of staying within budget",
    };
    let distance = match c.margin {
        Some(m) => format!(
            "the score of {} is {m:.2} from the nearest threshold that would change it",
            words::signed_2(core.score)
        ),
        None => "hard constraints rule out the other options whatever the score".to_string(),
    };
    let limit = if c.confidence == Confidence::High {
        String::new()
    } else {
        format!(", limited most by {limit}")
    };
    format!(
        "{level} confidence{limit}: {distance}; the recommendation holds in {} of plausible weightings and {} of cost simulations, and stays within budget in {} of them",
        percent(c.robustness),
        percent(c.cost_robustness),
        percent(c.p_within)
    )
}

fn consideration_scores(core: &Core) -> Vec<ConsiderationScore> {
    core.scored
        .iter()
        .zip(&core.decider.shares)
        .map(|(s, share)| ConsiderationScore {
            key: s.key,
            label: s.key.label().to_string(),
            score: round_to(s.score, 1e3),
            weight: round_to(*share, 1e4),
            pull: round_to(share * s.score, 1e3),
            rationale: s.rationale.clone(),
            inputs: s.inputs.iter().map(|i| i.to_string()).collect(),
        })
        .collect()
}

fn expected_loss(profile: &Profile, e: &Economics, cites: &mut Citations) -> ExpectedLoss {
    use risk::loss::{self, Effect, FirstYear};
    let v = &e.likely;
    let coverage = profile.requirements.coverage;
    let espionage = loss::espionage(profile);
    let steady: Vec<Effect> = SocOption::ALL
        .iter()
        .map(|o| loss::effect(*o, coverage, espionage))
        .collect();
    let first: Vec<Effect> = SocOption::ALL
        .iter()
        .zip(&steady)
        .map(|(o, eff)| {
            let fy = match o {
                SocOption::InHouse => FirstYear {
                    months_before: v[A::InHouseBuildMonths],
                    before: if e.plan.bridge.is_some() {
                        loss::first_year_effect(
                            steady[1],
                            FirstYear {
                                months_before: crate::evaluate::schedule::provider_start(v),
                                before: loss::STATUS_QUO,
                            },
                        )
                    } else {
                        loss::STATUS_QUO
                    },
                },
                _ => FirstYear {
                    months_before: crate::evaluate::schedule::provider_start(v),
                    before: loss::STATUS_QUO,
                },
            };
            loss::first_year_effect(*eff, fy)
        })
        .collect();
    let mut effects = vec![loss::STATUS_QUO];
    effects.extend(&steady);
    effects.extend(&first);
    let r = loss::ranges(profile, &e.resolved, &effects);
    let likely = loss::steady_likely(profile, v);
    let x = loss::exposure(profile);
    let status_quo_likely = loss::expected(
        x,
        loss::STATUS_QUO,
        v[A::BreachProbabilityPct] / 100.0,
        v[A::BreachCost],
    );
    let years = f64::from(profile.budget.horizon_years).max(1.0);
    let options = SocOption::ALL
        .iter()
        .enumerate()
        .map(|(i, o)| {
            let reduction = (status_quo_likely - likely[i]).round();
            let yearly = e.facts.total[index(*o)] / years;
            (
                *o,
                OptionLoss {
                    steady_state: r[1 + i],
                    first_year: r[4 + i],
                    reduction,
                    reduction_per_cost: if yearly > 0.0 {
                        round_to(reduction / yearly, 1e3)
                    } else {
                        0.0
                    },
                },
            )
        })
        .collect();
    let mut sources = vec![
        "sophos-2025",
        "ibm-codb-2025",
        "kaseya-2021",
        "mtrends-2025",
    ];
    sources.extend(crate::reference::breach::PROBABILITY_SOURCES);
    let cited = cites.cite(&sources);
    ExpectedLoss {
        currency: profile.organisation.currency.clone(),
        breach_probability_pct: round_to(v[A::BreachProbabilityPct], 1e2),
        breach_cost: v[A::BreachCost].round(),
        status_quo: r[0],
        options,
        method: format!(
            "expected yearly loss = yearly probability of a material breach x its cost, split into commodity and targeted attacks, each lowered by what an option detects and contains, plus a provider's own exposure; probability and cost drawn {} times from their ranges, in a Latin hypercube [{}]",
            words::thousands(economics::simulate::SAMPLES as f64),
            cited.iter().map(|n| n.to_string()).collect::<Vec<_>>().join(", ")
        ),
    }
}

fn assumption_uses(profile: &Profile, e: &Economics, cites: &mut Citations) -> Vec<AssumptionUse> {
    let cur = &profile.organisation.currency;
    assumptions::CATALOGUE
        .iter()
        .map(|info| {
            let r = e.resolved.ranges[info.id as usize];
            let given = profile.assumptions.contains_key(info.name);
            let cite = assumptions::cite(info.id, profile);
            let round = |x: f64| round_to(x, if x.abs() >= 100.0 { 1.0 } else { 1e4 });
            AssumptionUse {
                name: info.name.to_string(),
                label: info.label.to_string(),
                value: round(r.likely),
                low: round(r.low),
                high: round(r.high),
                unit: info.unit.describe(cur),
                rule: info.rule.to_string(),
                basis: if given {
                    format!("given in the profile; the default would be: {}", cite.basis)
                } else {
                    cite.basis.into_owned()
                },
                sources: if given {
                    Vec::new()
                } else {
                    cites.cite(&cite.sources)
                },
                overridden: given,
            }
        })
        .collect()
}

fn summary(p: &Profile) -> ProfileSummary {
    ProfileSummary {
        id: p.id.clone(),
        name: p.organisation.name.clone(),
        // The file name only: outputs must not depend on where the input
        // sat on disk (same input, same bytes on every machine).
        source: std::path::Path::new(&p.source)
            .file_name()
            .map_or_else(|| p.source.clone(), |n| n.to_string_lossy().into_owned()),
        industry: p.organisation.industry.key().to_string(),
        industry_label: p.organisation.industry.label().to_string(),
        headquarters: p.organisation.headquarters.clone(),
        currency: p.organisation.currency.clone(),
        date: p.report.date.to_string(),
        prepared_by: p.report.prepared_by.clone(),
        prepared_for: p.report.prepared_for.clone(),
        classification: p.report.classification.clone(),
        language: p.report.language.clone(),
        employees: p.organisation.employees,
        frameworks: p
            .compliance
            .frameworks
            .iter()
            .map(|f| f.label().to_string())
            .collect(),
        notification_hours: p.compliance.notification_hours,
        overrides: p.overrides.clone(),
    }
}

/// The three to five drivers of the recommendation: constraints that moved
/// it, then the considerations that pulled hardest its way (for a hybrid,
/// the strongest pulls on both sides, which is why it lands in between).
fn reasons(core: &Core, constraints: &[Constraint]) -> Vec<Reason> {
    let mut out: Vec<Reason> = constraints
        .iter()
        .filter(|c| c.changed_recommendation || c.kind == ConstraintKind::BudgetCannotFund)
        .map(|c| Reason {
            consideration: None,
            text: c.reason.clone(),
            pull: 0.0,
            inputs: Vec::new(),
        })
        .take(2)
        .collect();
    let mut pulls: Vec<(f64, &considerations::Scored)> = core
        .scored
        .iter()
        .enumerate()
        .map(|(i, s)| (core.decider.shares[i] * s.score, s))
        .collect();
    let direction = match core.option {
        SocOption::InHouse => 1.0,
        SocOption::Outsourced => -1.0,
        SocOption::Hybrid => 0.0,
    };
    if direction == 0.0 {
        pulls.sort_by(|a, b| b.0.abs().total_cmp(&a.0.abs()));
    } else {
        pulls.sort_by(|a, b| (b.0 * direction).total_cmp(&(a.0 * direction)));
    }
    for (pull, s) in pulls {
        if out.len() >= 5 || (out.len() >= 3 && direction * pull <= 0.0) {
            break;
        }
        if pull.abs() < 1e-9 && out.len() >= 3 {
            break;
        }
        out.push(Reason {
            consideration: Some(s.key),
            text: s.rationale.clone(),
            pull: round_to(pull, 1e3),
            inputs: s.inputs.iter().map(|i| i.to_string()).collect(),
        });
    }
    out
}

fn decision_text(
    profile: &Profile,
    option: SocOption,
    costs: Option<&OptionCosts>,
    live: f64,
    bridge: Option<&Bridge>,
    constraints: &[Constraint],
) -> String {
    let cur = &profile.organisation.currency;
    let years = profile.budget.horizon_years;
    let what = match option {
        SocOption::InHouse => "build an in-house Security Operations Center",
        SocOption::Outsourced => "outsource security monitoring and response to a managed provider (MSSP/MDR)",
        SocOption::Hybrid => "run a hybrid SOC: a managed provider for 24/7 monitoring, an internal team for response and detection engineering",
    };
    let mut text = match costs {
        Some(c) => format!(
            "Approve the decision to {what}, budgeting {} over {years} years (likely range {} to {}), with monitoring live by month {}",
            money_short(cur, c.total),
            money_short(cur, c.range.p10),
            money_short(cur, c.range.p90),
            trim_float(live)
        ),
        None => format!("Approve the decision to {what}, with monitoring live by month {}", trim_float(live)),
    };
    if let Some(b) = bridge {
        text.push_str(&format!(
            " through a provider bridge until the in-house SOC takes over in month {}",
            trim_float(b.until_month)
        ));
    }
    text.push('.');
    if let Some(c) = costs {
        if c.shortfall_per_year > 0.0 {
            text.push_str(&format!(
                " The board must also raise the operating budget by {} a year{} or accept less than the required coverage.",
                money_short(cur, c.shortfall_per_year),
                if constraints.iter().any(|c| c.kind == ConstraintKind::BudgetCannotFund) {
                    ", since no option fits today's budget,"
                } else {
                    ""
                }
            ));
        }
    }
    text
}

fn team(
    v: &Values,
    plan: &economics::teams::TeamPlan,
    shift_work: bool,
    existing: u64,
    hours: &str,
) -> Team {
    let salaries = economics::teams::TeamPlan::salaries(v);
    let roles: Vec<RoleFte> = plan
        .fte()
        .iter()
        .enumerate()
        .filter(|(_, fte)| **fte > 0.0)
        .map(|(i, fte)| {
            let salary = salaries[i];
            let premium = if shift_work && i < 2 {
                v[A::ShiftPremiumPct] / 100.0 * salary * v[A::Benefits]
            } else {
                0.0
            };
            RoleFte {
                role: economics::teams::ROLES[i].to_string(),
                fte: round_to(*fte, 1e2),
                base_salary: salary.round(),
                loaded_cost: (v.loaded(salary) + premium).round(),
            }
        })
        .collect();
    let total = round_to(plan.total(), 1e2);
    Team {
        roles,
        total_fte: total,
        existing_staff: existing,
        to_hire: (total - existing as f64).max(0.0),
        hours: hours.to_string(),
    }
}

fn staffing_section(profile: &Profile, e: &Economics) -> Staffing {
    use economics::teams;
    let v = &e.likely;
    let coverage = profile.requirements.coverage;
    let est = e.plan.estate[0];
    let volume = est.volume(v);
    let seats = teams::seats(v, est.assets());
    let hours = teams::staffed_hours(coverage);
    let existing = profile.existing_staff();
    let shift_work = coverage != Coverage::BusinessHours;
    let mut retained = team(v, &teams::retained(v), false, existing, "business hours");
    for r in &mut retained.roles {
        r.role = if r.role.starts_with("L2") {
            "Service owner and vendor management".into()
        } else {
            "Incident-response lead and regulator contact".into()
        };
    }
    let ih = &e.plan.in_house[0];
    let co = &e.plan.co_managed[0];
    let rationale = vec![
        format!(
            "{} coverage staffs {} seat{} for {} hours a year; one seat needs {} FTE across the year at {} coverage",
            coverage.label(),
            seats,
            if seats == 1 { "" } else { "s" },
            words::thousands(hours),
            trim_float(v[A::FtePerSeat] * hours / 8760.0),
            coverage.label().to_lowercase()
        ),
        format!(
            "Seats: at least {} by policy, one per {} monitored assets; the estate has {} today",
            trim_float(v[A::MinSeats]),
            words::thousands(v[A::AssetsPerSeat]),
            words::thousands(est.assets())
        ),
        format!(
            "Around the L1 seats: L2 about 40% and L3 about 20% of L1, {} detection engineer{} for {} GB of logs a day{}, and a manager",
            trim_float(ih.engineers),
            if ih.engineers == 1.0 { "" } else { "s" },
            trim_float((volume * 10.0).round() / 10.0),
            if profile.environment.ot_ics { " (one of them an OT specialist)" } else { "" }
        ),
        format!(
            "The co-managed team keeps the functions the provider does not take: a lead{}, {} detection engineer{}{}{}, in business hours",
            if co.l3 > 0.0 && profile.organisation.employees >= assumptions::SMALL_ORGANISATION { " and an incident-response lead" } else { " who also leads incident response" },
            trim_float(co.engineers),
            if co.engineers == 1.0 { "" } else { "s" },
            if teams::needs_threat_intel(profile) { ", a threat-intelligence and hunting analyst" } else { "" },
            if co.l2 > 0.0 { format!(", {} day-shift analyst{} for escalations", trim_float(co.l2), if co.l2 == 1.0 { "" } else { "s" }) } else { String::new() }
        ),
        format!(
            "When outsourcing, {} FTE stay in-house for risk ownership, incident command, vendor management and regulator contact; {}",
            trim_float(v[A::RetainedFte]),
            if e.plan.rota_provider > 0.0 { "four more people take turns on call to approve containment out of hours" } else { "containment is pre-authorised in the contract, so no on-call rota is needed" }
        ),
    ];
    Staffing {
        coverage: coverage.label().to_string(),
        seats,
        fte_per_seat: v[A::FtePerSeat],
        staffed_hours_per_year: hours,
        in_house: team(
            v,
            ih,
            shift_work,
            existing,
            &coverage.label().to_lowercase(),
        ),
        hybrid: team(v, co, false, existing, "business hours"),
        outsourced: retained,
        rationale,
    }
}
