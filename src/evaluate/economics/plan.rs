//! The plan: everything about an organisation's three options that does not
//! depend on prices, worked out once per profile.
//!
//! The estate in each year, team sizes, when a provider starts and stops,
//! which tools are owned and what happens to them. [`super::price`] then
//! prices the plan with one set of assumption values (the likely set, or a
//! Monte Carlo draw), which is cheap enough to run thousands of times.

use crate::evaluate::assumptions::Resolved;
use crate::evaluate::teams::{self, TeamPlan};
use crate::evaluate::values::{Values, A};
use crate::profile::model::{Coverage, OwnedTools, ProviderPlatform, Sharing, Tool};
use crate::profile::Profile;

/// Longest planning horizon the format allows.
pub(crate) const MAX_YEARS: usize = 10;

/// The monitored estate in one year of the horizon.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Estate {
    pub endpoints: f64,
    pub servers: f64,
    pub cloud: f64,
    /// The profile's own log volume for this year, when it gives one.
    pub given_volume: Option<f64>,
}

impl Estate {
    pub fn assets(&self) -> f64 {
        self.endpoints + self.servers + self.cloud
    }

    /// Log volume in GB/day: the profile's figure, or estimated per asset.
    pub fn volume(&self, v: &Values) -> f64 {
        self.given_volume.unwrap_or(
            self.endpoints * v[A::LogGbPerEndpoint]
                + self.servers * v[A::LogGbPerServer]
                + self.cloud * v[A::LogGbPerCloud],
        )
    }
}

/// A bridge for an in-house build that cannot meet the go-live: a provider
/// monitors from its onboarding until the in-house SOC is operational.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BridgePlan {
    pub from_month: f64,
    pub until_month: f64,
}

/// A provider's quote, as the plan uses it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct QuotePlan {
    pub annual_fee: f64,
    pub onboarding_fee: f64,
    pub platform: ProviderPlatform,
    /// The bid's own yearly rise above inflation, percent, if it states one.
    pub escalator_pct: Option<f64>,
}

/// Which security tools are owned today.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Owned {
    pub siem: bool,
    pub edr: bool,
    pub soar: bool,
    pub tip: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Plan {
    pub horizon: usize,
    pub estate: [Estate; MAX_YEARS],
    /// In-house teams sized at the likely staffing ratios.
    pub in_house: [TeamPlan; MAX_YEARS],
    /// The FTE-per-seat the in-house L1 count was sized with; a draw of
    /// another value scales the L1 count in proportion.
    pub sized_fte_per_seat: f64,
    pub co_managed: [TeamPlan; MAX_YEARS],
    pub shift_work: bool,
    /// New hires join over the build (false: the whole team from the
    /// start, for run-rate comparisons).
    pub ramp: bool,
    pub in_house_build_months: f64,
    pub co_managed_build_months: f64,
    pub onboarding_month: f64,
    pub bridge: Option<BridgePlan>,
    /// Year (1-based) in which the first provider term ends, if within the
    /// horizon.
    pub term_end_year: Option<usize>,
    pub owned: Owned,
    pub owned_tools: OwnedTools,
    /// Platform of the outsourced option's provider.
    pub platform: ProviderPlatform,
    pub quote: Option<QuotePlan>,
    /// A co-management bid: the hybrid option's provider fee as quoted
    /// (instead of a share of the outsourced provider's service fee).
    pub hybrid_quote: Option<QuotePlan>,
    /// Today's security staff, by the tier their pay follows.
    pub existing_analysts: f64,
    pub existing_engineers: f64,
    pub existing_responders: f64,
    /// Money per person leaving or moving from the SOC, when the profile
    /// sets it.
    pub redeployment_cost: Option<f64>,
    pub rota_in_house: f64,
    pub rota_provider: f64,
    /// The SIEM price is a flat price per GB/day given by the profile.
    pub siem_flat: bool,
    /// The likely SIEM price, to scale the graduated bands by a draw.
    pub siem_likely: f64,
    pub sharing_prohibited: bool,
}

impl Plan {
    pub fn existing(&self) -> f64 {
        self.existing_analysts + self.existing_engineers + self.existing_responders
    }
}

/// The estate in `year` (1-based): today's estate grown by `growth_pct` a
/// year.
pub(crate) fn estate(profile: &Profile, year: usize, growth_pct: f64) -> Estate {
    let e = &profile.environment;
    let growth = (1.0 + growth_pct / 100.0).powi(year as i32 - 1);
    Estate {
        endpoints: e.endpoints as f64 * growth,
        servers: e.servers as f64 * growth,
        cloud: e.cloud_workloads as f64 * growth,
        given_volume: e.daily_log_volume_gb.map(|v| v * growth),
    }
}

pub(crate) fn bridge_plan(profile: &Profile, likely: &Values) -> Option<BridgePlan> {
    let go_live = f64::from(profile.requirements.go_live_months);
    let build = likely[A::InHouseBuildMonths];
    let from = crate::evaluate::schedule::provider_start(likely);
    (go_live < build && from < build).then_some(BridgePlan {
        from_month: from,
        until_month: build,
    })
}

/// The plan with the profile's own growth.
pub(crate) fn plan(profile: &Profile, resolved: &Resolved, likely: &Values) -> Plan {
    plan_with_growth(
        profile,
        resolved,
        likely,
        profile.organisation.annual_growth_pct,
    )
}

/// The plan at run-rate for today's estate: no growth, and the whole team
/// paid from the start, for comparisons that neither growth nor how fast
/// people can be hired must sway.
pub(crate) fn run_rate(profile: &Profile, resolved: &Resolved, likely: &Values) -> Plan {
    Plan {
        ramp: false,
        ..plan_with_growth(profile, resolved, likely, 0.0)
    }
}

/// The plan for an estate growing `growth_pct` a year (0 gives today's
/// estate throughout, for comparisons growth must not sway).
pub(crate) fn plan_with_growth(
    profile: &Profile,
    resolved: &Resolved,
    likely: &Values,
    growth_pct: f64,
) -> Plan {
    let horizon = (profile.budget.horizon_years as usize).clamp(1, MAX_YEARS);
    let mut estates = [Estate::default(); MAX_YEARS];
    let mut in_house = [TeamPlan::default(); MAX_YEARS];
    let mut co_managed = [TeamPlan::default(); MAX_YEARS];
    for y in 0..horizon {
        let est = estate(profile, y + 1, growth_pct);
        let volume = est.volume(likely);
        estates[y] = est;
        in_house[y] = teams::in_house(profile, likely, est.assets(), volume);
        co_managed[y] = teams::co_managed(profile, likely, est.assets(), volume);
    }
    let term = likely[A::TermYears].ceil().max(1.0) as usize;
    let t = &profile.security_team;
    Plan {
        horizon,
        estate: estates,
        in_house,
        sized_fte_per_seat: likely[A::FtePerSeat],
        co_managed,
        shift_work: profile.requirements.coverage != Coverage::BusinessHours,
        ramp: true,
        in_house_build_months: likely[A::InHouseBuildMonths],
        co_managed_build_months: likely[A::HybridBuildMonths],
        onboarding_month: crate::evaluate::schedule::provider_start(likely),
        bridge: bridge_plan(profile, likely),
        term_end_year: (term <= horizon).then_some(term),
        owned: Owned {
            siem: profile.owns(Tool::Siem),
            edr: profile.owns(Tool::Edr),
            soar: profile.owns(Tool::Soar),
            tip: profile.owns(Tool::Tip),
        },
        owned_tools: t.owned_tools,
        platform: profile
            .mssp_quote
            .as_ref()
            .map_or(profile.requirements.provider_platform, |q| q.platform),
        quote: profile.mssp_quote.as_ref().map(|q| QuotePlan {
            annual_fee: q.annual_fee,
            onboarding_fee: q.onboarding_fee,
            platform: q.platform,
            escalator_pct: None,
        }),
        hybrid_quote: None,
        existing_analysts: t.analysts as f64,
        existing_engineers: t.engineers as f64,
        existing_responders: t.incident_responders as f64,
        redeployment_cost: t.redeployment_cost,
        rota_in_house: teams::on_call_rota(profile, false),
        rota_provider: teams::on_call_rota(profile, true),
        siem_flat: profile.assumptions.contains_key("siem_price_per_gb_day"),
        siem_likely: resolved.likely(A::SiemPrice),
        sharing_prohibited: profile.compliance.third_party_data_sharing == Sharing::Prohibited,
    }
}

/// Months of `[start, end)` that fall in `year` (1-based, 12 months each).
pub(crate) fn months_in_year(start: f64, end: f64, year: usize) -> f64 {
    let from = 12.0 * (year as f64 - 1.0);
    let to = from + 12.0;
    (end.min(to) - start.max(from)).max(0.0)
}

/// Share of `year` that people hired evenly over the first `build` months
/// are on the payroll, on average.
pub(crate) fn hired_share(build: f64, year: usize) -> f64 {
    if build <= 0.0 {
        return 1.0;
    }
    let a = 12.0 * (year as f64 - 1.0);
    let b = a + 12.0;
    // Someone starting at month t works max(0, b - max(t, a)) months of
    // the year; average over t spread evenly across [0, build].
    let before = a.min(build) * 12.0;
    let lo = a.min(build);
    let hi = b.min(build);
    let during = if hi > lo {
        b * (hi - lo) - (hi * hi - lo * lo) / 2.0
    } else {
        0.0
    };
    ((before + during) / (build * 12.0)).clamp(0.0, 1.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_split_across_years() {
        assert_eq!(months_in_year(2.0, 14.0, 1), 10.0);
        assert_eq!(months_in_year(2.0, 14.0, 2), 2.0);
        assert_eq!(months_in_year(2.0, f64::INFINITY, 3), 12.0);
        assert_eq!(months_in_year(14.0, 13.0, 2), 0.0);
    }

    #[test]
    fn hires_spread_over_the_build() {
        // Hired evenly over 12 months: on average half of year one.
        assert!((hired_share(12.0, 1) - 0.5).abs() < 1e-12);
        assert_eq!(hired_share(12.0, 2), 1.0);
        assert!((hired_share(6.0, 1) - 0.75).abs() < 1e-12);
        // Over 24 months: a quarter of year one, three quarters of year two.
        assert!((hired_share(24.0, 1) - 0.25).abs() < 1e-12);
        assert!((hired_share(24.0, 2) - 0.75).abs() < 1e-12);
        assert_eq!(hired_share(0.0, 1), 1.0);
    }
}
