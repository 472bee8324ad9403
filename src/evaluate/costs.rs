//! The cost model: what each option costs per year over the horizon.
//!
//! Money is in the profile's currency, in today's prices (no inflation). The
//! monitored estate grows by `annual_growth_pct` a year, and every cost that
//! scales with the estate grows with it. Each year has five lines: staff,
//! technology, provider, build/onboarding and other (recruiting, a bridge,
//! the exit reserve). Lines are rounded to whole units and totals are sums
//! of the rounded lines, so every printed total adds up.
//!
//! Tools the organisation already owns are not bought again: their running
//! cost is outside this comparison. A provider's per-asset fee includes its
//! platform (MDR pricing bundles the sensor; domain-facts 2.6).

use super::assessment::{CostLine, OptionCosts, SocOption, YearCost};
use super::params::Params;
use super::staffing::{self, TeamPlan};
use crate::profile::model::{Coverage, Tool};
use crate::profile::Profile;
use crate::reference::assumptions::siem_graduated_usd;
use std::collections::BTreeMap;

/// The monitored estate in one year of the horizon.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Estate {
    pub endpoints: f64,
    pub servers: f64,
    pub cloud: f64,
    pub volume_gb_day: f64,
}

impl Estate {
    pub fn assets(&self) -> f64 {
        self.endpoints + self.servers + self.cloud
    }
}

/// The estate in `year` (1-based): today's estate grown by the growth rate.
pub fn estate(profile: &Profile, params: &Params, year: u32) -> Estate {
    let e = &profile.environment;
    let growth = (1.0 + profile.organisation.annual_growth_pct / 100.0).powi(year as i32 - 1);
    let volume = e.daily_log_volume_gb.unwrap_or(
        e.endpoints as f64 * params.log_gb_endpoint
            + e.servers as f64 * params.log_gb_server
            + e.cloud_workloads as f64 * params.log_gb_cloud,
    );
    Estate {
        endpoints: e.endpoints as f64 * growth,
        servers: e.servers as f64 * growth,
        cloud: e.cloud_workloads as f64 * growth,
        volume_gb_day: volume * growth,
    }
}

/// The provider's monthly fee for an estate: the quote scaled with the
/// estate, or the per-asset price with a volume discount past 500 assets.
pub fn provider_monthly(profile: &Profile, params: &Params, year: u32) -> f64 {
    let assets = estate(profile, params, year).assets();
    match &profile.mssp_quote {
        Some(q) => {
            let today = estate(profile, params, 1).assets();
            let scale = if today > 0.0 { assets / today } else { 1.0 };
            q.annual_fee / 12.0 * scale
        }
        None => {
            let billable = assets.min(500.0)
                + (assets - 500.0).max(0.0) * (1.0 - params.mssp_discount_pct / 100.0);
            billable * params.mssp_price_month
        }
    }
}

fn onboarding_fee(profile: &Profile, params: &Params) -> f64 {
    match &profile.mssp_quote {
        Some(q) => q.onboarding_fee,
        None => params.mssp_onboarding_months * provider_monthly(profile, params, 1),
    }
}

/// Months of `[start, end)` that fall in `year` (1-based, 12 months each).
fn months_in_year(start: f64, end: f64, year: u32) -> f64 {
    let from = 12.0 * f64::from(year - 1);
    let to = from + 12.0;
    (end.min(to) - start.max(from)).max(0.0)
}

/// Provider fees for the months of `[start, end)` across the horizon.
fn provider_fees(profile: &Profile, params: &Params, start: f64, end: f64, year: u32) -> f64 {
    months_in_year(start, end, year) * provider_monthly(profile, params, year)
}

fn technology(profile: &Profile, params: &Params, estate: &Estate, with_siem_and_edr: bool) -> f64 {
    let mut total = 0.0;
    if with_siem_and_edr && !profile.owns(Tool::Siem) {
        total += match params.siem_flat_price {
            Some(price) => price * estate.volume_gb_day,
            None => params.usd(siem_graduated_usd(estate.volume_gb_day)),
        };
    }
    if with_siem_and_edr && !profile.owns(Tool::Edr) {
        let units = estate.endpoints + params.edr_server_factor * (estate.servers + estate.cloud);
        total += units * params.edr_price_month * 12.0;
    }
    if !profile.owns(Tool::Soar) {
        total += params.soar_annual;
    }
    if !profile.owns(Tool::Tip) {
        total += params.tip_annual;
    }
    total
}

/// Recruiting: filling the team and replacing leavers.
fn recruiting(params: &Params, team: &TeamPlan, hires: f64) -> f64 {
    let total = team.total();
    if total <= 0.0 {
        return 0.0;
    }
    let average_base = team.payroll(params) / total;
    hires * average_base * params.recruiting_pct / 100.0
}

/// A bridge for an in-house build that cannot meet the go-live: a provider
/// monitors from its onboarding until the in-house SOC is operational.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BridgePlan {
    pub from_month: f64,
    pub until_month: f64,
}

pub fn bridge_plan(profile: &Profile, params: &Params) -> Option<BridgePlan> {
    let go_live = f64::from(profile.requirements.go_live_months);
    let build = params.in_house_build_months;
    let from = params.provider_onboarding_months;
    (go_live < build && from < build).then_some(BridgePlan {
        from_month: from,
        until_month: build,
    })
}

/// Per-year cost lines of one option, before rounding.
#[derive(Debug, Clone, Copy, Default)]
struct Lines {
    staff: f64,
    technology: f64,
    provider: f64,
    build: f64,
    other: f64,
}

/// Every option's costs, plus the bridge cost if in-house needs one.
#[derive(Debug, Clone, PartialEq)]
pub struct CostModel {
    pub options: BTreeMap<SocOption, OptionCosts>,
    pub bridge: Option<(BridgePlan, f64)>,
    /// Year-one teams, for the staffing section.
    pub in_house_team: TeamPlan,
    pub hybrid_team: TeamPlan,
}

pub fn model(profile: &Profile, params: &Params) -> CostModel {
    let horizon = profile.budget.horizon_years.max(1);
    let available = profile.budget.annual_opex * f64::from(horizon) + profile.budget.capex;
    let existing = profile.existing_staff() as f64;
    let attrition = params.attrition_pct / 100.0;
    let shift_work = profile.requirements.coverage != Coverage::BusinessHours;
    let onboarding = params.provider_onboarding_months;
    let term_year = params.mssp_term_years.ceil() as u32;
    let bridge = bridge_plan(profile, params);

    let mut in_house = Vec::new();
    let mut outsourced = Vec::new();
    let mut hybrid = Vec::new();
    let mut previous: Option<(TeamPlan, TeamPlan)> = None;
    let mut bridge_cost = 0.0;
    let mut first_teams = (TeamPlan::default(), TeamPlan::default());
    for year in 1..=horizon {
        let est = estate(profile, params, year);
        let team = staffing::in_house_team(profile, params, est.assets(), est.volume_gb_day);
        let co_team = staffing::hybrid_team(profile, params, est.assets(), est.volume_gb_day);
        let hires = |now: &TeamPlan, before: Option<&TeamPlan>| -> f64 {
            let growth_hires = match before {
                Some(b) => (now.total() - b.total()).max(0.0),
                None => (now.total() - existing).max(0.0),
            };
            growth_hires + attrition * now.total()
        };
        let exit_reserve = if year == term_year {
            params.exit_reserve_months * provider_monthly(profile, params, year)
        } else {
            0.0
        };

        // In-house.
        let mut ih = Lines {
            staff: team.employer_cost(params, shift_work),
            technology: technology(profile, params, &est, true),
            ..Lines::default()
        };
        ih.other = recruiting(params, &team, hires(&team, previous.as_ref().map(|p| &p.0)));
        if year == 1 {
            ih.build = params.build_cost_pct / 100.0 * (ih.staff + ih.technology);
        }
        if let Some(b) = bridge {
            let mut cost = provider_fees(profile, params, b.from_month, b.until_month, year);
            if year == 1 {
                cost += onboarding_fee(profile, params);
            }
            ih.other += cost;
            bridge_cost += cost;
        }
        in_house.push(ih);

        // Outsourced.
        let mut out = Lines {
            staff: staffing::outsourced_team(params).employer_cost(params, false),
            provider: provider_fees(profile, params, onboarding, f64::INFINITY, year),
            other: exit_reserve,
            ..Lines::default()
        };
        if year == 1 {
            out.build = onboarding_fee(profile, params);
        }
        outsourced.push(out);

        // Hybrid.
        let mut hy = Lines {
            staff: co_team.employer_cost(params, false),
            technology: technology(profile, params, &est, false),
            provider: provider_fees(profile, params, onboarding, f64::INFINITY, year),
            other: exit_reserve
                + recruiting(
                    params,
                    &co_team,
                    hires(&co_team, previous.as_ref().map(|p| &p.1)),
                ),
            ..Lines::default()
        };
        if year == 1 {
            hy.build = onboarding_fee(profile, params);
            first_teams = (team, co_team);
        }
        hybrid.push(hy);
        previous = Some((team, co_team));
    }

    let cur = &profile.organisation.currency;
    let mut options = BTreeMap::new();
    options.insert(
        SocOption::InHouse,
        summarise(
            &in_house,
            available,
            in_house_lines(profile, params, bridge, cur),
        ),
    );
    options.insert(
        SocOption::Outsourced,
        summarise(
            &outsourced,
            available,
            provider_lines(profile, params, false),
        ),
    );
    options.insert(
        SocOption::Hybrid,
        summarise(&hybrid, available, provider_lines(profile, params, true)),
    );
    CostModel {
        options,
        bridge: bridge.map(|b| (b, bridge_cost.round())),
        in_house_team: first_teams.0,
        hybrid_team: first_teams.1,
    }
}

fn summarise(years: &[Lines], available: f64, lines: Vec<CostLine>) -> OptionCosts {
    let mut cumulative = 0.0;
    let years: Vec<YearCost> = years
        .iter()
        .enumerate()
        .map(|(i, l)| {
            let (staff, technology, provider, build, other) = (
                l.staff.round(),
                l.technology.round(),
                l.provider.round(),
                l.build.round(),
                l.other.round(),
            );
            let total = staff + technology + provider + build + other;
            cumulative += total;
            YearCost {
                year: i as u32 + 1,
                staff,
                technology,
                provider,
                build,
                other,
                total,
                cumulative,
            }
        })
        .collect();
    let total = cumulative;
    let over = (total - available).max(0.0).round();
    OptionCosts {
        average_per_year: (total / years.len().max(1) as f64).round(),
        within_budget: total <= available,
        over_budget_by: over,
        total,
        years,
        lines,
    }
}

fn owned(profile: &Profile, tool: Tool) -> &'static str {
    if profile.owns(tool) {
        " (already owned: not counted)"
    } else {
        ""
    }
}

fn in_house_lines(
    profile: &Profile,
    params: &Params,
    bridge: Option<BridgePlan>,
    cur: &str,
) -> Vec<CostLine> {
    let coverage = profile.requirements.coverage;
    let mut lines = vec![
        CostLine {
            line: "Staff".into(),
            made_of: format!(
                "the in-house team for {} coverage (see Staffing), base salary x {:.2} benefits x {:.0}% overhead{}",
                coverage.label().to_lowercase(),
                params.benefits,
                100.0 + params.overhead_pct,
                if coverage == Coverage::BusinessHours {
                    String::new()
                } else {
                    format!(", plus a {:.0}% shift premium for L1 and L2", params.shift_premium_pct)
                }
            ),
        },
        CostLine {
            line: "Technology".into(),
            made_of: format!(
                "SIEM licence by daily log volume{}; EDR per endpoint, servers x{:.1}{}; SOAR and TIP as assumed",
                owned(profile, Tool::Siem),
                params.edr_server_factor,
                owned(profile, Tool::Edr)
            ),
        },
        CostLine {
            line: "Build".into(),
            made_of: format!(
                "one-off set-up in year one: {:.0}% of the first year's staff and technology",
                params.build_cost_pct
            ),
        },
        CostLine {
            line: "Other".into(),
            made_of: format!(
                "recruiting at {:.0}% of base salary per hire: the initial team beyond today's {} staff, growth, and replacing {:.0}% attrition a year",
                params.recruiting_pct,
                profile.existing_staff(),
                params.attrition_pct
            ),
        },
    ];
    if let Some(b) = bridge {
        lines.push(CostLine {
            line: "Bridge".into(),
            made_of: format!(
                "included in Other: a provider monitors from month {} until the in-house SOC is ready in month {}, with its onboarding fee ({cur})",
                fmt_months(b.from_month),
                fmt_months(b.until_month)
            ),
        });
    }
    lines
}

fn provider_lines(profile: &Profile, params: &Params, hybrid: bool) -> Vec<CostLine> {
    let fee = match &profile.mssp_quote {
        Some(q) => format!(
            "the quote from {} (annual fee for today's estate, scaled as the estate grows), from month {}",
            q.provider.as_deref().unwrap_or("the provider"),
            fmt_months(params.provider_onboarding_months)
        ),
        None => format!(
            "{} {:.2} per monitored asset per month, {:.0}% less beyond 500 assets, from month {}",
            profile.organisation.currency,
            params.mssp_price_month,
            params.mssp_discount_pct,
            fmt_months(params.provider_onboarding_months)
        ),
    };
    let staff = if hybrid {
        format!(
            "the internal hybrid team (business-hours incident response and detection engineering), {:.0}% of the in-house day shift",
            params.hybrid_team_share_pct
        )
    } else {
        format!(
            "the internal SOC owner, {} FTE at L3 salary",
            trim_float(params.internal_owner_fte)
        )
    };
    let mut lines =
        vec![
            CostLine {
                line: "Provider".into(),
                made_of: fee,
            },
            CostLine {
                line: "Staff".into(),
                made_of: staff,
            },
            CostLine {
                line: "Onboarding".into(),
                made_of: match &profile.mssp_quote {
                    Some(_) => "the quoted onboarding fee, in year one".into(),
                    None => format!(
                        "{} month(s) of the provider fee, in year one",
                        trim_float(params.mssp_onboarding_months)
                    ),
                },
            },
            CostLine {
                line: "Other".into(),
                made_of: format!(
                "an exit and transition reserve of {} months of fees when the {}-year term ends{}",
                trim_float(params.exit_reserve_months),
                trim_float(params.mssp_term_years),
                if hybrid { "; recruiting for the internal team" } else { "" }
            ),
            },
        ];
    if hybrid {
        lines.push(CostLine {
            line: "Technology".into(),
            made_of: "SOAR and TIP as assumed; the provider's platform covers SIEM and EDR".into(),
        });
    }
    lines
}

pub fn fmt_months(m: f64) -> String {
    trim_float(m)
}

/// A number without a trailing `.0`.
pub fn trim_float(x: f64) -> String {
    if (x - x.round()).abs() < 1e-9 {
        format!("{}", x.round() as i64)
    } else {
        format!("{:.1}", x)
    }
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
}
