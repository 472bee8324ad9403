//! The properties of the evaluation, checked on generated profiles.
//!
//! Properties 1-7 concern the weighted score `S`: changing one input while
//! holding the rest must move `S` only in the stated direction. Property 8
//! and 10 compare whole assessments; property 9 compares costs. The
//! economics adds: a cheaper provider never moves `S` toward in-house,
//! owning a tool never makes in-house dearer, and the recommendation is
//! monotone in the budget (a sweep).

use proptest::prelude::*;
use socsource::evaluate::assessment::SocOption;
use socsource::evaluate::{evaluate, quick, Assessment};
use socsource::profile::model::*;
use std::collections::{BTreeMap, BTreeSet};

fn pick<T: Copy + std::fmt::Debug + 'static>(all: &'static [T]) -> impl Strategy<Value = T> {
    proptest::sample::select(all)
}

fn subset<T: Copy + std::fmt::Debug + Ord + 'static>(
    all: &'static [T],
) -> impl Strategy<Value = Vec<T>> {
    proptest::sample::subsequence(all, 0..=all.len())
}

prop_compose! {
    fn asset()(
        name in "[A-Z][a-z]{2,10}( [a-z]{2,8})?",
        kind in pick(AssetKind::ALL),
        criticality in pick(Criticality::ALL),
        data in subset(DataClass::ALL),
        internet_facing in any::<bool>(),
    ) -> CriticalAsset {
        CriticalAsset { name, kind, criticality, data, internet_facing }
    }
}

prop_compose! {
    fn organisation()(
        industry in pick(Industry::ALL),
        employees in 1u64..60_000,
        (currency, headquarters) in pick(&[("USD", "US"), ("GBP", "GB"), ("EUR", "DE"), ("INR", "IN"), ("JPY", "JP"), ("EUR", "FR")]),
        growth in -20.0f64..80.0,
    ) -> Organisation {
        Organisation {
            name: "Generated Org".into(),
            industry,
            employees,
            annual_revenue: None,
            currency: currency.into(),
            headquarters: headquarters.into(),
            operating_regions: vec![],
            annual_growth_pct: growth,
        }
    }
}

prop_compose! {
    fn environment()(
        // Small estates often: band edges (SIEM tiers, seats) sit there.
        endpoints in prop_oneof![0u64..600, 0u64..40_000],
        servers in prop_oneof![0u64..40, 0u64..4_000],
        cloud_workloads in prop_oneof![0u64..40, 0u64..4_000],
        volume in proptest::option::of(0.0f64..2_000.0),
        ot_ics in any::<bool>(),
        critical_assets in proptest::collection::vec(asset(), 0..4),
    ) -> Environment {
        Environment {
            endpoints, servers, cloud_workloads,
            log_sources: None,
            daily_log_volume_gb: volume,
            ot_ics,
            sites: 1,
            critical_assets,
        }
    }
}

prop_compose! {
    fn team()(
        analysts in 0u64..25,
        engineers in 0u64..10,
        incident_responders in 0u64..6,
        tools in subset(Tool::ALL),
        maturity in 0u8..=5,
        hiring_market in pick(HiringMarket::ALL),
    ) -> SecurityTeam {
        SecurityTeam {
            analysts, engineers, incident_responders, tools, maturity, hiring_market,
            owned_tools: OwnedTools::Decommission,
            redeployment_cost: None,
        }
    }
}

prop_compose! {
    fn weights()(raw in proptest::collection::vec(0.0f64..5.0, 8)) -> BTreeMap<Consideration, f64> {
        let mut w: BTreeMap<Consideration, f64> =
            Consideration::ALL.iter().copied().zip(raw).collect();
        if w.values().all(|x| *x == 0.0) {
            w.insert(Consideration::Budget, 1.0);
        }
        w
    }
}

prop_compose! {
    fn profile()(
        organisation in organisation(),
        environment in environment(),
        security_team in team(),
        opex in 0.0f64..30_000_000.0,
        capex in 0.0f64..10_000_000.0,
        horizon in 1u32..=10,
        frameworks in subset(Framework::ALL),
        residency in pick(Residency::ALL),
        sharing in pick(Sharing::ALL),
        tolerance in pick(Level::ALL),
        threats in subset(Threat::ALL),
        apt in any::<bool>(),
        incidents in 0u64..6,
        coverage in pick(Coverage::ALL),
        go_live in 1u32..=36,
        control in pick(Level::ALL),
        integration in pick(Level::ALL),
        scalability in pick(Level::ALL),
        procurement in pick(Procurement::ALL),
        weights in weights(),
        quote in proptest::option::of((10_000.0f64..5_000_000.0, 0.0f64..200_000.0, 1u32..=5, pick(ProviderPlatform::ALL))),
        id in "[a-z][a-z0-9-]{0,20}",
    ) -> Profile {
        let notification_hours = socsource::reference::frameworks::tightest_clock(frameworks.iter().copied()).map(|c| c.hours);
        Profile {
            version: 1,
            id,
            source: "generated.yaml".into(),
            organisation,
            environment,
            security_team,
            budget: Budget { annual_opex: opex, capex, horizon_years: horizon },
            compliance: Compliance {
                frameworks: frameworks.into_iter().map(FrameworkRef::Known).collect(),
                data_residency: residency,
                third_party_data_sharing: sharing,
                notification_hours,
            },
            risk: RiskProfile {
                incident_threats: if incidents > 0 { threats.clone() } else { Vec::new() },
                tolerance, threats, targeted_by_apt: apt, incidents_last_24_months: incidents,
            },
            requirements: Requirements {
                coverage, go_live_months: go_live, control, integration, scalability, procurement,
            },
            weights,
            assumptions: BTreeMap::new(),
            mssp_quote: quote.map(|(annual_fee, onboarding_fee, term_years, platform)| MsspQuote {
                annual_fee, onboarding_fee, term_years, provider: None, platform,
            }),
            report: ReportDetails {
                prepared_by: None,
                prepared_for: "Board".into(),
                classification: "Confidential".into(),
                date: Date::new(2026, 11, 26).unwrap(),
                language: "en".into(),
            },
            defaulted: BTreeSet::new(),
            overrides: Vec::new(),
            scenarios: Vec::new(),
        }
    }
}

/// The weighted score `S` the recommendation is made from.
fn score(p: &Profile) -> f64 {
    quick(p).core.score
}

fn totals(p: &Profile) -> BTreeMap<SocOption, f64> {
    let q = quick(p);
    SocOption::ALL
        .into_iter()
        .enumerate()
        .map(|(i, o)| (o, q.economics.facts.total[i]))
        .collect()
}

/// How far toward in-house a recommendation is.
fn rank(o: SocOption) -> u8 {
    match o {
        SocOption::InHouse => 2,
        SocOption::Hybrid => 1,
        SocOption::Outsourced => 0,
    }
}

/// The profile with the provider's price scaled by `factor`: the quote, or
/// the model's price per endpoint and per GB of logs.
fn provider_priced(p: &Profile, factor: f64) -> Profile {
    let mut q = p.clone();
    match q.mssp_quote.as_mut() {
        Some(quote) => quote.annual_fee *= factor,
        None => {
            let base = quick(p).economics.likely;
            use socsource::evaluate::values::A;
            for (name, id) in [
                ("mssp_price_per_endpoint_month", A::MdrPrice),
                ("mssp_log_price_per_gb_day_month", A::MdrLogPrice),
            ] {
                q.assumptions
                    .insert(name.into(), AssumptionValue::Point(base[id] * factor));
            }
        }
    }
    q
}

fn level_up(l: Level) -> Option<Level> {
    match l {
        Level::Low => Some(Level::Medium),
        Level::Medium => Some(Level::High),
        Level::High => None,
    }
}

const EPS: f64 = 1e-9;

proptest! {
    #![proptest_config(ProptestConfig { cases: 192, ..ProptestConfig::default() })]

    /// 1. More budget (opex or capex) -> S does not decrease.
    #[test]
    fn more_budget_never_lowers_the_score(p in profile(), extra in 0.0f64..20_000_000.0, which in any::<bool>()) {
        let mut richer = p.clone();
        if which { richer.budget.annual_opex += extra } else { richer.budget.capex += extra }
        prop_assert!(score(&richer) >= score(&p) - EPS);
    }

    /// 2. Stricter data residency or third-party sharing -> S does not decrease.
    #[test]
    fn stricter_data_rules_never_lower_the_score(p in profile(), residency in any::<bool>()) {
        let mut stricter = p.clone();
        if residency {
            stricter.compliance.data_residency = match p.compliance.data_residency {
                Residency::None => Residency::Preferred,
                _ => Residency::Required,
            };
        } else {
            stricter.compliance.third_party_data_sharing = match p.compliance.third_party_data_sharing {
                Sharing::Allowed => Sharing::Restricted,
                _ => Sharing::Prohibited,
            };
        }
        prop_assert!(score(&stricter) >= score(&p) - EPS);
    }

    /// 3. Lower risk tolerance, or targeted_by_apt: true -> S does not decrease.
    #[test]
    fn lower_tolerance_or_apt_never_lowers_the_score(p in profile(), apt in any::<bool>()) {
        let mut riskier = p.clone();
        if apt {
            riskier.risk.targeted_by_apt = true;
        } else {
            riskier.risk.tolerance = match p.risk.tolerance {
                Level::High => Level::Medium,
                _ => Level::Low,
            };
        }
        prop_assert!(score(&riskier) >= score(&p) - EPS);
    }

    /// 4. Higher control or integration need -> S does not decrease.
    #[test]
    fn more_control_never_lowers_the_score(p in profile(), control in any::<bool>()) {
        let mut more = p.clone();
        if control {
            more.requirements.control = level_up(p.requirements.control).unwrap_or(Level::High);
        } else {
            more.requirements.integration = level_up(p.requirements.integration).unwrap_or(Level::High);
        }
        prop_assert!(score(&more) >= score(&p) - EPS);
    }

    /// 5. Earlier go-live -> S does not increase.
    #[test]
    fn earlier_go_live_never_raises_the_score(p in profile(), earlier in 1u32..24) {
        let mut sooner = p.clone();
        sooner.requirements.go_live_months = p.requirements.go_live_months.saturating_sub(earlier).max(1);
        prop_assert!(score(&sooner) <= score(&p) + EPS);
    }

    /// 6. Higher growth or scalability need -> S does not increase.
    #[test]
    fn more_growth_never_raises_the_score(p in profile(), extra in 0.0f64..60.0, scalability in any::<bool>()) {
        let mut faster = p.clone();
        if scalability {
            faster.requirements.scalability = level_up(p.requirements.scalability).unwrap_or(Level::High);
        } else {
            faster.organisation.annual_growth_pct += extra;
        }
        prop_assert!(score(&faster) <= score(&p) + EPS);
    }

    /// 7. Tighter hiring market -> S does not increase.
    #[test]
    fn tighter_hiring_never_raises_the_score(p in profile()) {
        let mut tighter = p.clone();
        tighter.security_team.hiring_market = match p.security_team.hiring_market {
            HiringMarket::Easy => HiringMarket::Normal,
            _ => HiringMarket::Tight,
        };
        prop_assert!(score(&tighter) <= score(&p) + EPS);
    }

    /// A cheaper provider never moves the score toward in-house.
    #[test]
    fn a_cheaper_provider_never_raises_the_score(p in profile(), factor in 0.05f64..1.0) {
        let base = provider_priced(&p, 1.0);
        let cheaper = provider_priced(&p, factor);
        prop_assert!(score(&cheaper) <= score(&base) + EPS, "{} -> {}", score(&base), score(&cheaper));
    }

    /// Owning a tool never makes in-house dearer.
    #[test]
    fn owning_a_tool_never_raises_the_in_house_cost(p in profile(), tool in pick(Tool::ALL)) {
        let mut owns = p.clone();
        if !owns.security_team.tools.contains(&tool) {
            owns.security_team.tools.push(tool);
        }
        let before = totals(&p)[&SocOption::InHouse];
        let after = totals(&owns)[&SocOption::InHouse];
        prop_assert!(after <= before + 1e-6, "{before} -> {after}");
    }

    /// The recommendation is monotone in the budget: sweeping the operating
    /// budget up from nothing, it never moves toward outsourcing.
    #[test]
    fn the_recommendation_is_monotone_in_the_budget(p in profile()) {
        let need = quick(&p).economics.facts.min_opex.iter().copied().fold(1.0, f64::max);
        let mut last = None;
        for step in 0..=24 {
            let mut q = p.clone();
            q.budget.annual_opex = need * 1.5 * f64::from(step) / 24.0;
            let option = quick(&q).core.option;
            if let Some(previous) = last {
                prop_assert!(rank(option) >= rank(previous), "budget {}: {previous:?} -> {option:?}", q.budget.annual_opex);
            }
            last = Some(option);
        }
    }

    /// 9. More endpoints -> no option gets cheaper.
    #[test]
    fn more_endpoints_never_make_an_option_cheaper(p in profile(), extra in prop_oneof![1u64..200, 1u64..20_000]) {
        let mut bigger = p.clone();
        bigger.environment.endpoints += extra;
        let before = totals(&p);
        let after = totals(&bigger);
        for option in SocOption::ALL {
            // Sums in a different order may differ in the last bit.
            let tolerance = before[&option].abs() * 1e-12;
            prop_assert!(after[&option] >= before[&option] - tolerance, "{option:?}: {} -> {}", before[&option], after[&option]);
        }
    }
}

proptest! {
    // Whole evaluations (with robustness sampling and sensitivity) are
    // heavier, so these run fewer cases.
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    /// 8. Weights scaled all by the same factor -> identical assessment.
    #[test]
    fn scaling_every_weight_changes_nothing(p in profile(), factor in 0.01f64..100.0) {
        let mut scaled = p.clone();
        for w in scaled.weights.values_mut() {
            *w *= factor;
        }
        prop_assert_eq!(evaluate(&scaled), evaluate(&p));
    }

    /// 10. The same profile evaluated twice -> identical assessment.
    #[test]
    fn evaluation_is_deterministic(p in profile()) {
        let first = evaluate(&p);
        let second = evaluate(&p);
        prop_assert_eq!(
            serde_json::to_string(&first).unwrap(),
            serde_json::to_string(&second).unwrap()
        );
        prop_assert_eq!(first, second);
    }

    /// Every assessment stays within its documented ranges.
    #[test]
    fn assessments_stay_in_range(p in profile()) {
        let a: Assessment = evaluate(&p);
        let r = &a.recommendation;
        prop_assert!((-2.0..=2.0).contains(&r.score));
        prop_assert!((0.0..=1.0).contains(&r.robustness));
        prop_assert!(r.reasons.len() >= 3 && r.reasons.len() <= 5, "{} reasons", r.reasons.len());
        prop_assert_eq!(a.considerations.len(), 8);
        let weight_sum: f64 = a.considerations.iter().map(|c| c.weight).sum();
        prop_assert!((weight_sum - 1.0).abs() < 1e-3);
        for c in &a.considerations {
            prop_assert!((-2.0..=2.0).contains(&c.score));
        }
        for risk in &a.risks {
            prop_assert!((1..=5).contains(&risk.likelihood) && (1..=5).contains(&risk.impact));
            prop_assert_eq!(risk.rating, risk.likelihood * risk.impact);
            for res in risk.residual.values() {
                prop_assert!(res.rating <= risk.rating);
            }
        }
        let counted: u32 = a.heat_map.counts.iter().flatten().sum();
        prop_assert_eq!(counted as usize, a.risks.len());
        for costs in a.costs.options.values() {
            prop_assert_eq!(costs.years.len() as u32, a.costs.horizon_years);
            let sum: f64 = costs.years.iter().map(|y| y.total).sum();
            prop_assert_eq!(sum, costs.total);
            prop_assert!(costs.years.iter().all(|y| y.total >= 0.0 && y.total.is_finite()));
        }
        if p.compliance.third_party_data_sharing == Sharing::Prohibited {
            prop_assert_ne!(r.option, SocOption::Outsourced);
        }
    }
}
