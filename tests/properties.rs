//! The properties of the evaluation, checked on generated profiles.
//!
//! Changing one input while holding the rest must move the options'
//! values only in the stated direction (the method's list): a cheaper
//! provider never lowers outsourcing's value nor makes a provider option
//! rank lower, and a provider at three times every other feasible option's
//! cost is never recommended; more budget never moves the recommendation
//! to an option of lower value; stricter data rules, lower risk tolerance,
//! APT targeting and more need for control never lower in-house's value
//! against outsourcing's; an earlier go-live never raises in-house's;
//! faster growth, more need to scale and a tighter hiring market never
//! raise it against outsourcing's; weights scaled alike change nothing;
//! more endpoints never make an option cheaper, and in-house costs less per
//! endpoint as the estate grows; the same profile gives the same bytes.

use proptest::prelude::*;
use socsource::internals::evaluate::assessment::SocOption;
use socsource::internals::evaluate::{quick, Assessment};

/// The assessment a report run makes (one thread, draws seeded from the
/// profile's id).
fn evaluate(p: &Profile) -> Assessment {
    let options = socsource::internals::evaluate::Options::new(socsource::GENERATOR);
    socsource::internals::evaluate::evaluate(p, &options)
}
use socsource::internals::profile::model::*;
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
            average_salary: None,
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
        platform in pick(ProviderPlatform::ALL),
        market in pick(ProviderMarket::ALL),
        money_share in 0.0f64..1.0,
        id in "[a-z][a-z0-9-]{0,20}",
    ) -> Profile {
        let notification_hours = socsource::internals::reference::frameworks::tightest_clock(frameworks.iter().copied()).map(|c| c.hours);
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
                provider_platform: platform, provider_market: market,
            },
            weights,
            decision: DecisionSettings { money_share, bid_price_share: 40.0, money_share_basis: MoneyShareBasis::Given },
            assumptions: BTreeMap::new(),
            mssp_quote: quote.map(|(annual_fee, onboarding_fee, term_years, platform)| MsspQuote {
                annual_fee, onboarding_fee, term_years, provider: None, platform,
            }),
            quotes: Vec::new(),
            report: board_report(),
            defaulted: BTreeSet::new(),
            overrides: Vec::new(),
            scenarios: Vec::new(),
        }
    }
}

/// The report details every generated profile shares.
fn board_report() -> ReportDetails {
    ReportDetails {
        prepared_by: None,
        prepared_for: "Board".into(),
        classification: "Confidential".into(),
        date: Date::new(2026, 11, 26).unwrap(),
        language: "en".into(),
        status: "final".into(),
        logo: None,
        client_logo: None,
    }
}

fn totals(p: &Profile) -> BTreeMap<SocOption, f64> {
    let q = quick(p);
    SocOption::ALL
        .into_iter()
        .enumerate()
        .map(|(i, o)| (o, q.economics.facts.total[i]))
        .collect()
}

/// Each option's value in the appraisal at likely values, by option index
/// (in-house, outsourced, hybrid).
fn values(p: &Profile) -> [f64; 3] {
    quick(p).decided.valued.value
}

/// In-house's value against outsourcing's.
fn in_house_lead(p: &Profile) -> f64 {
    let v = values(p);
    v[0] - v[1]
}

/// The best rank (1 first) of the options with a provider.
fn best_provider_rank(p: &Profile) -> usize {
    let q = quick(p);
    let ranking = q.decided.appraiser.ranking(&q.decided.valued);
    ranking
        .iter()
        .position(|o| *o != SocOption::InHouse)
        .map_or(usize::MAX, |r| r + 1)
}

/// The profile with the provider's price scaled by `factor`: the quote, or
/// the model's service prices per endpoint and per GB of logs.
fn provider_priced(p: &Profile, factor: f64) -> Profile {
    let mut q = p.clone();
    match q.mssp_quote.as_mut() {
        Some(quote) => quote.annual_fee *= factor,
        None => {
            let base = quick(p).economics.likely;
            use socsource::internals::evaluate::values::A;
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

const EPS: f64 = 1e-6;

proptest! {
    #![proptest_config(ProptestConfig { cases: 192, max_global_rejects: 20_000, ..ProptestConfig::default() })]

    /// 1. A lower provider price never lowers outsourcing's value, and
    /// never makes the best option with a provider rank lower.
    #[test]
    fn a_cheaper_provider_never_lowers_outsourcing(p in profile(), factor in 0.05f64..1.0) {
        let base = provider_priced(&p, 1.0);
        let cheaper = provider_priced(&p, factor);
        prop_assert!(values(&cheaper)[1] >= values(&base)[1] - EPS, "{:?} -> {:?}", values(&base), values(&cheaper));
        prop_assert!(best_provider_rank(&cheaper) <= best_provider_rank(&base));
    }

    /// 1. A provider at three times every other feasible option's cost is
    /// never recommended.
    #[test]
    fn a_provider_at_three_times_the_others_is_never_recommended(p in profile()) {
        provider_at_three_times(&p)?;
    }

    /// 2. From the smallest budget at which a feasible option fits, more
    /// budget never moves the recommendation to an option of lower value
    /// (a cheaper option meeting fewer needs), and once the best value fits
    /// it stays. (Below that, nothing fits and the rule recommends the best
    /// value with its funding gap.)
    #[test]
    fn more_budget_never_moves_to_lower_value(p in profile()) {
        more_budget(&p)?;
    }

    /// 3. Stricter data residency or third-party sharing never lowers
    /// in-house's value against outsourcing's.
    #[test]
    fn stricter_data_rules_favour_in_house(p in profile(), residency in any::<bool>()) {
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
        // Already at the strictest, there is nothing to compare.
        prop_assume!(stricter != p);
        prop_assert!(in_house_lead(&stricter) >= in_house_lead(&p) - EPS);
    }

    /// 3. Lower risk tolerance, or APT targeting, never lowers in-house's
    /// value against outsourcing's.
    #[test]
    fn lower_tolerance_or_apt_favours_in_house(p in profile(), apt in any::<bool>()) {
        riskier(&p, apt)?;
    }

    /// 3. A higher need for control or integration never lowers in-house's
    /// value against outsourcing's.
    #[test]
    fn more_control_favours_in_house(p in profile(), control in any::<bool>()) {
        let mut more = p.clone();
        if control {
            more.requirements.control = level_up(p.requirements.control).unwrap_or(Level::High);
        } else {
            more.requirements.integration = level_up(p.requirements.integration).unwrap_or(Level::High);
        }
        prop_assume!(more != p);
        prop_assert!(in_house_lead(&more) >= in_house_lead(&p) - EPS);
    }

    /// 4. An earlier go-live never raises in-house's value.
    #[test]
    fn an_earlier_go_live_never_raises_in_house(p in profile(), earlier in 1u32..24) {
        earlier_go_live(&p, earlier)?;
    }

    /// 5. Faster growth or a higher need to scale never raises in-house's
    /// value against outsourcing's.
    #[test]
    fn more_growth_never_favours_in_house(p in profile(), extra in 1.0f64..60.0, scalability in any::<bool>()) {
        more_growth(&p, extra, scalability)?;
    }

    /// 5. A tighter hiring market never raises in-house's value against
    /// outsourcing's.
    #[test]
    fn tighter_hiring_never_favours_in_house(p in profile()) {
        tighter_hiring(&p)?;
    }

    /// Owning a tool never makes in-house dearer.
    #[test]
    fn owning_a_tool_never_raises_the_in_house_cost(p in profile(), tool in pick(Tool::ALL)) {
        let mut owns = p.clone();
        if !owns.security_team.tools.contains(&tool) {
            owns.security_team.tools.push(tool);
        }
        prop_assume!(owns != p);
        let before = totals(&p)[&SocOption::InHouse];
        let after = totals(&owns)[&SocOption::InHouse];
        prop_assert!(after <= before + 1e-6, "{before} -> {after}");
    }

    /// 7. More endpoints never make an option cheaper, over short horizons
    /// and long transitions too.
    #[test]
    fn more_endpoints_never_make_an_option_cheaper(
        p in profile(),
        extra in prop_oneof![1u64..200, 1u64..20_000],
        horizon in prop_oneof![Just(None), (1u32..=2).prop_map(Some)],
        dual_running in prop_oneof![Just(None), (6.0f64..24.0).prop_map(Some)],
    ) {
        let mut p = p;
        if let Some(h) = horizon {
            p.budget.horizon_years = h;
        }
        if let Some(months) = dual_running {
            p.assumptions.insert("dual_running_months".into(), AssumptionValue::Point(months));
        }
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

// The properties above that the recorded cases below run again.
fn provider_at_three_times(p: &Profile) -> Result<(), TestCaseError> {
    let q = quick(p);
    let d = &q.decided;
    let ra = d.valued.risk_adjusted;
    let feasible = d.appraiser.candidates();
    for (o, option) in [(1, SocOption::Outsourced), (2, SocOption::Hybrid)] {
        let others: Vec<f64> = (0..3)
            .filter(|i| *i != o && feasible[*i])
            .map(|i| ra[i])
            .collect();
        if !others.is_empty() && others.iter().all(|x| ra[o] >= 3.0 * x) {
            prop_assert_ne!(d.choice.option, option, "{:?}", ra);
        }
    }
    Ok(())
}

fn more_budget(p: &Profile) -> Result<(), TestCaseError> {
    let q = quick(p);
    let d = &q.decided;
    let feasible = d.appraiser.candidates();
    let need = d.opex_needed.iter().copied().fold(1.0, f64::max);
    let first_fit = (0..3)
        .filter(|o| feasible[*o])
        .map(|o| d.opex_needed[o])
        .fold(f64::INFINITY, f64::min);
    let v = d.valued.value;
    let best = d.choice.best_value;
    let mut last: Option<SocOption> = None;
    for step in 0..=24 {
        let budget = first_fit + (need * 1.5 - first_fit).max(0.0) * f64::from(step) / 24.0;
        let option = d.with_budget(budget);
        if let Some(previous) = last {
            prop_assert!(
                v[index(option)] >= v[index(previous)] - EPS,
                "{previous:?} -> {option:?}"
            );
            if previous == best {
                prop_assert_eq!(option, best);
            }
        }
        last = Some(option);
    }
    Ok(())
}

fn riskier(p: &Profile, apt: bool) -> Result<(), TestCaseError> {
    let mut riskier = p.clone();
    if apt {
        riskier.risk.targeted_by_apt = true;
    } else {
        riskier.risk.tolerance = match p.risk.tolerance {
            Level::High => Level::Medium,
            _ => Level::Low,
        };
    }
    prop_assume!(riskier != *p);
    // Outsourcing's value matters only where it is an option; and money
    // scores are in proportion to the cheapest, so when a third option
    // (hybrid) sets the price, a loss that rises for every option
    // rescales both: the property holds where in-house and outsourcing
    // meet directly.
    let q = quick(p).decided;
    prop_assume!(q.appraiser.feasible[1] && q.cheapest() != SocOption::Hybrid);
    prop_assert!(in_house_lead(&riskier) >= in_house_lead(p) - EPS);
    Ok(())
}

fn earlier_go_live(p: &Profile, earlier: u32) -> Result<(), TestCaseError> {
    let mut sooner = p.clone();
    sooner.requirements.go_live_months =
        p.requirements.go_live_months.saturating_sub(earlier).max(1);
    prop_assume!(sooner != *p);
    prop_assert!(values(&sooner)[0] <= values(p)[0] + EPS);
    Ok(())
}

fn more_growth(p: &Profile, extra: f64, scalability: bool) -> Result<(), TestCaseError> {
    let mut faster = p.clone();
    if scalability {
        faster.requirements.scalability =
            level_up(p.requirements.scalability).unwrap_or(Level::High);
    } else {
        faster.organisation.annual_growth_pct += extra;
    }
    prop_assume!(faster != *p);
    prop_assert!(in_house_lead(&faster) <= in_house_lead(p) + EPS);
    Ok(())
}

fn tighter_hiring(p: &Profile) -> Result<(), TestCaseError> {
    let mut tighter = p.clone();
    tighter.security_team.hiring_market = match p.security_team.hiring_market {
        HiringMarket::Easy => HiringMarket::Normal,
        _ => HiringMarket::Tight,
    };
    prop_assume!(tighter != *p);
    prop_assert!(in_house_lead(&tighter) <= in_house_lead(p) + EPS);
    Ok(())
}

fn index(o: SocOption) -> usize {
    match o {
        SocOption::InHouse => 0,
        SocOption::Outsourced => 1,
        SocOption::Hybrid => 2,
    }
}

proptest! {
    // Whole evaluations (with the simulation, confidence and switching
    // values) are heavier, so these run fewer cases.
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    /// 6. Weights scaled all by the same factor -> identical assessment.
    #[test]
    fn scaling_every_weight_changes_nothing(p in profile(), factor in 0.01f64..100.0) {
        let mut scaled = p.clone();
        for w in scaled.weights.values_mut() {
            *w *= factor;
        }
        prop_assume!(factor != 1.0);
        prop_assert_eq!(
            serde_json::to_string(&evaluate(&scaled)).unwrap(),
            serde_json::to_string(&evaluate(&p)).unwrap()
        );
    }

    /// 8. The same profile evaluated twice -> identical assessment.
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
        prop_assert!((0.0..=1.0).contains(&r.probability_best));
        prop_assert!((0.0..=1.0).contains(&r.probability_within_budget));
        prop_assert!(r.reasons.len() >= 2 && r.reasons.len() <= 5, "{} reasons", r.reasons.len());
        prop_assert_eq!(a.considerations.len(), 7);
        let weight_sum: f64 = a.considerations.iter().map(|c| c.weight).sum::<f64>() + a.decision.money_share;
        prop_assert!((weight_sum - 1.0).abs() < 1e-3, "{}", weight_sum);
        for c in &a.considerations {
            for rating in c.ratings.values() {
                prop_assert!((0.0..=4.0).contains(rating));
            }
        }
        for o in a.decision.options.values() {
            prop_assert!((0.0..=1.0).contains(&o.value));
            prop_assert!((0.0..=1.0).contains(&o.money.score));
        }
        prop_assert!(a.decision.options[&r.option].feasible || a.decision.options.values().all(|o| !o.feasible));
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

/// Property 7: in-house costs less per endpoint as the estate grows, at
/// 100,000 endpoints at most 70% of the cost per endpoint at 20,000 in the
/// same country, and is staffed in the tens, not the hundreds.
#[test]
fn in_house_has_economies_of_scale() {
    let base = socsource::internals::docs::reference_profile().expect("reference profile");
    // Where salaries are far below the licence prices, which are the same
    // everywhere (India), tools weigh more and the saving is smaller.
    for country in [("US", "USD"), ("GB", "GBP"), ("DE", "EUR")] {
        let at = |endpoints: u64| {
            let mut p = base.clone();
            p.organisation.headquarters = country.0.into();
            p.organisation.currency = country.1.into();
            p.environment.endpoints = endpoints;
            p.environment.servers = endpoints / 10;
            p.environment.cloud_workloads = 0;
            p.environment.daily_log_volume_gb = None;
            let q = quick(&p);
            (
                q.economics.facts.total[0] / endpoints as f64,
                q.economics.plan.in_house[0].total(),
            )
        };
        let (small, _) = at(20_000);
        let (large, team) = at(100_000);
        assert!(
            large <= 0.7 * small,
            "{country:?}: {large} per endpoint at 100,000 against {small} at 20,000"
        );
        assert!(
            (10.0..100.0).contains(&team),
            "{country:?}: {team} FTE at 100,000 endpoints"
        );
    }
}

/// Recorded regressions of earlier versions, kept as named cases: one more
/// endpoint once lowered the hybrid total (surplus staff were priced at the
/// average cost of today's staff, kept staff at role pay).
#[test]
fn one_more_endpoint_never_lowers_the_hybrid_total_with_a_team_to_release() {
    let mut p = socsource::internals::docs::reference_profile().expect("reference profile");
    p.organisation.employees = 5000;
    p.organisation.headquarters = "FR".into();
    p.organisation.currency = "EUR".into();
    p.organisation.annual_growth_pct = 53.56;
    p.environment.endpoints = 23_666;
    p.environment.servers = 925;
    p.environment.cloud_workloads = 286;
    p.environment.daily_log_volume_gb = None;
    p.security_team.analysts = 7;
    p.security_team.engineers = 0;
    p.security_team.incident_responders = 5;
    p.requirements.coverage = Coverage::Extended;
    p.budget.horizon_years = 3;
    for extra in [1, 45, 300] {
        let mut bigger = p.clone();
        bigger.environment.endpoints += extra;
        for option in SocOption::ALL {
            assert!(
                totals(&bigger)[&option] >= totals(&p)[&option] - 1e-6,
                "{option:?} +{extra}"
            );
        }
    }
}

/// The profile proptest shrinks to: the smallest of everything, a budget
/// weight of 1, money a given share of the value. The recorded cases below
/// change what their shrunk profile said.
fn shrunk(money_share: f64) -> Profile {
    Profile {
        version: 1,
        id: "a".into(),
        source: "generated.yaml".into(),
        organisation: Organisation {
            name: "Generated Org".into(),
            industry: Industry::Finance,
            employees: 1,
            annual_revenue: None,
            currency: "USD".into(),
            headquarters: "US".into(),
            operating_regions: vec![],
            annual_growth_pct: 0.0,
        },
        environment: Environment {
            endpoints: 0,
            servers: 0,
            cloud_workloads: 0,
            log_sources: None,
            daily_log_volume_gb: None,
            ot_ics: false,
            sites: 1,
            critical_assets: Vec::new(),
        },
        security_team: SecurityTeam {
            analysts: 0,
            engineers: 0,
            incident_responders: 0,
            tools: Vec::new(),
            owned_tools: OwnedTools::Decommission,
            redeployment_cost: None,
            average_salary: None,
            maturity: 0,
            hiring_market: HiringMarket::Easy,
        },
        budget: Budget {
            annual_opex: 0.0,
            capex: 0.0,
            horizon_years: 1,
        },
        compliance: Compliance {
            frameworks: Vec::new(),
            data_residency: Residency::None,
            third_party_data_sharing: Sharing::Allowed,
            notification_hours: None,
        },
        risk: RiskProfile {
            tolerance: Level::Low,
            threats: Vec::new(),
            targeted_by_apt: false,
            incidents_last_24_months: 0,
            incident_threats: Vec::new(),
        },
        requirements: Requirements {
            coverage: Coverage::TwentyFourSeven,
            go_live_months: 1,
            control: Level::Low,
            integration: Level::Low,
            scalability: Level::Low,
            provider_platform: ProviderPlatform::Bundled,
            provider_market: ProviderMarket::Domestic,
            procurement: Procurement::Private,
        },
        weights: Consideration::ALL
            .iter()
            .map(|c| {
                (
                    *c,
                    if *c == Consideration::Budget {
                        1.0
                    } else {
                        0.0
                    },
                )
            })
            .collect(),
        decision: DecisionSettings {
            money_share,
            bid_price_share: 40.0,
            money_share_basis: MoneyShareBasis::Given,
        },
        assumptions: BTreeMap::new(),
        mssp_quote: None,
        quotes: Vec::new(),
        report: board_report(),
        defaulted: BTreeSet::new(),
        overrides: Vec::new(),
        scenarios: Vec::new(),
    }
}

/// A recorded case must still be a case of its property: run, not
/// rejected by an assumption.
fn holds(result: Result<(), TestCaseError>) {
    match result {
        Ok(()) => {}
        Err(TestCaseError::Reject(why)) => panic!("the case no longer applies: {why}"),
        Err(TestCaseError::Fail(why)) => panic!("{why}"),
    }
}

// Cases proptest once shrank failures to, kept as named tests: a recorded
// seed stops reproducing its case when the generator changes, a named
// profile does not.

#[test]
fn an_earlier_go_live_never_raises_in_house_for_a_healthcare_org_with_nothing_to_monitor() {
    let mut p = shrunk(0.6046939186364323);
    p.organisation.industry = Industry::Healthcare;
    p.organisation.employees = 5000;
    p.requirements.go_live_months = 11;
    holds(earlier_go_live(&p, 1));
}

#[test]
fn apt_targeting_favours_in_house_with_classified_assets_and_a_big_log_volume() {
    let mut p = shrunk(0.9919062898542949);
    p.organisation.employees = 1000;
    p.environment.daily_log_volume_gb = Some(1428.5306388904041);
    p.environment.critical_assets = vec![CriticalAsset {
        name: "Aaa".into(),
        kind: AssetKind::Application,
        criticality: Criticality::Low,
        data: vec![DataClass::Classified],
        internet_facing: false,
    }];
    p.security_team.analysts = 16;
    p.security_team.engineers = 9;
    p.budget.horizon_years = 4;
    p.risk.threats = vec![Threat::NationState];
    p.requirements.coverage = Coverage::Extended;
    // Classified data rules outsourcing out: the property has nothing to
    // compare, and says so by rejecting; with it allowed, it holds.
    assert!(matches!(riskier(&p, true), Err(TestCaseError::Reject(_))));
    p.environment.critical_assets[0].data = vec![DataClass::Pii];
    holds(riskier(&p, true));
}

#[test]
fn fast_growth_never_favours_in_house_for_a_one_person_cloud_org() {
    let mut p = shrunk(0.4640350701459118);
    p.organisation.annual_growth_pct = 72.16997480542832;
    p.environment.cloud_workloads = 1;
    p.budget.horizon_years = 2;
    holds(more_growth(&p, 5.078324990402825, false));
}

#[test]
fn the_budget_and_price_rules_hold_with_no_money_weight_and_a_huge_budget() {
    let mut p = shrunk(0.0);
    p.security_team.maturity = 3;
    p.budget.annual_opex = 28635790.768646706;
    p.risk.targeted_by_apt = true;
    p.weights.insert(Consideration::Budget, 0.0);
    p.weights.insert(Consideration::Risk, 4.701702876672299);
    p.weights.insert(Consideration::Talent, 3.296067117877097);
    holds(provider_at_three_times(&p));
    holds(more_budget(&p));
    holds(tighter_hiring(&p));
}

#[test]
fn the_budget_and_price_rules_hold_for_a_large_retailer_with_nothing_to_monitor() {
    let mut p = shrunk(0.9909485830220569);
    p.organisation.industry = Industry::Retail;
    p.organisation.employees = 5000;
    p.budget.horizon_years = 2;
    holds(provider_at_three_times(&p));
    holds(more_budget(&p));
    holds(tighter_hiring(&p));
}

#[test]
fn apt_targeting_favours_in_house_against_a_costly_one_year_quote() {
    let mut p = shrunk(0.8711350038355592);
    p.organisation.employees = 250;
    p.budget.horizon_years = 2;
    p.risk.threats = vec![Threat::NationState];
    p.requirements.coverage = Coverage::Extended;
    p.weights.insert(Consideration::Budget, 0.0);
    p.weights.insert(Consideration::Talent, 1.3499857530134967);
    p.mssp_quote = Some(MsspQuote {
        annual_fee: 4934160.37685566,
        onboarding_fee: 0.0,
        term_years: 1,
        provider: None,
        platform: ProviderPlatform::Bundled,
    });
    holds(riskier(&p, true));
}

#[test]
fn apt_targeting_favours_in_house_with_siem_and_edr_owned_and_responders_today() {
    let mut p = shrunk(0.7576884253638558);
    p.organisation.employees = 250;
    p.security_team.engineers = 1;
    p.security_team.incident_responders = 4;
    p.security_team.tools = vec![Tool::Siem, Tool::Edr];
    p.risk.threats = vec![Threat::NationState];
    p.requirements.coverage = Coverage::Extended;
    p.weights.insert(Consideration::Budget, 0.0);
    p.weights.insert(Consideration::Talent, 0.24539666151974476);
    holds(riskier(&p, true));
}
