//! The model's parameters: every assumption resolved for one profile.
//!
//! Values come from the profile's `assumptions:` where given, otherwise from
//! the catalogue's default rule ([`crate::reference::assumptions`]). Each one
//! is also recorded, with its unit and source, for the report's appendix.

use super::assessment::AssumptionUse;
use crate::profile::Profile;
use crate::reference::assumptions::{Resolved, CATALOGUE};

/// Resolved assumptions, by field, for the model's arithmetic.
#[derive(Debug, Clone, PartialEq)]
pub struct Params {
    pub fx_usd_rate: f64,
    pub fte_per_seat: f64,
    pub min_team: f64,
    pub min_seats: f64,
    pub assets_per_seat: f64,
    pub gb_day_per_engineer: f64,
    pub l1_salary: f64,
    pub l2_salary: f64,
    pub l3_salary: f64,
    pub engineer_salary: f64,
    pub manager_salary: f64,
    pub benefits: f64,
    pub overhead_pct: f64,
    pub shift_premium_pct: f64,
    pub attrition_pct: f64,
    pub recruiting_pct: f64,
    pub time_to_hire_months: f64,
    pub in_house_build_months: f64,
    pub hybrid_build_months: f64,
    pub provider_onboarding_months: f64,
    pub log_gb_endpoint: f64,
    pub log_gb_server: f64,
    pub log_gb_cloud: f64,
    /// Flat SIEM price per GB/day per year, when the profile overrides it;
    /// otherwise the graduated default bands apply.
    pub siem_flat_price: Option<f64>,
    /// Effective SIEM price at year-one volume (shown in the appendix).
    pub siem_price: f64,
    pub edr_price_month: f64,
    pub edr_server_factor: f64,
    pub soar_annual: f64,
    pub tip_annual: f64,
    pub mssp_price_month: f64,
    pub mssp_discount_pct: f64,
    pub mssp_onboarding_months: f64,
    pub mssp_term_years: f64,
    pub exit_reserve_months: f64,
    pub internal_owner_fte: f64,
    pub hybrid_team_share_pct: f64,
    pub build_cost_pct: f64,
    pub threshold_in_house: f64,
    pub threshold_outsourced: f64,
}

impl Params {
    /// Resolve every assumption for `profile`, recording how each was chosen.
    pub fn resolve(profile: &Profile) -> (Params, Vec<AssumptionUse>) {
        let mut resolved = Resolved::default();
        let mut uses = Vec::with_capacity(CATALOGUE.len());
        for spec in CATALOGUE {
            let given = profile.assumptions.get(spec.name).copied();
            let value = given.unwrap_or_else(|| (spec.default)(profile, &resolved));
            resolved.insert(spec.name, value);
            uses.push(AssumptionUse {
                name: spec.name.to_string(),
                label: spec.label.to_string(),
                value,
                unit: spec.unit.describe(&profile.organisation.currency),
                rule: spec.rule.to_string(),
                source: if given.is_some() {
                    "given in the profile".to_string()
                } else {
                    (spec.source)(profile).to_string()
                },
                overridden: given.is_some(),
            });
        }
        let g = |name: &str| resolved.get(name);
        let params = Params {
            fx_usd_rate: g("fx_usd_rate"),
            fte_per_seat: g("fte_per_24x7_seat"),
            min_team: g("min_24x7_team"),
            min_seats: g("min_console_seats"),
            assets_per_seat: g("assets_per_seat"),
            gb_day_per_engineer: g("gb_day_per_engineer"),
            l1_salary: g("l1_salary"),
            l2_salary: g("analyst_salary"),
            l3_salary: g("l3_salary"),
            engineer_salary: g("engineer_salary"),
            manager_salary: g("manager_salary"),
            benefits: g("benefits_multiplier"),
            overhead_pct: g("overhead_pct"),
            shift_premium_pct: g("shift_premium_pct"),
            attrition_pct: g("attrition_pct"),
            recruiting_pct: g("recruiting_cost_pct"),
            time_to_hire_months: g("time_to_hire_months"),
            in_house_build_months: g("in_house_build_months"),
            hybrid_build_months: g("hybrid_build_months"),
            provider_onboarding_months: g("provider_onboarding_months"),
            log_gb_endpoint: g("log_gb_per_endpoint_day"),
            log_gb_server: g("log_gb_per_server_day"),
            log_gb_cloud: g("log_gb_per_cloud_workload_day"),
            siem_flat_price: profile.assumptions.get("siem_price_per_gb_day").copied(),
            siem_price: g("siem_price_per_gb_day"),
            edr_price_month: g("edr_price_per_endpoint_month"),
            edr_server_factor: g("edr_server_factor"),
            soar_annual: g("soar_annual"),
            tip_annual: g("tip_annual"),
            mssp_price_month: g("mssp_price_per_endpoint_month"),
            mssp_discount_pct: g("mssp_volume_discount_pct"),
            mssp_onboarding_months: g("mssp_onboarding_months"),
            mssp_term_years: g("mssp_term_years"),
            exit_reserve_months: g("exit_reserve_months"),
            internal_owner_fte: g("internal_owner_fte"),
            hybrid_team_share_pct: g("hybrid_team_share_pct"),
            build_cost_pct: g("in_house_build_cost_pct"),
            threshold_in_house: g("threshold_in_house"),
            threshold_outsourced: g("threshold_outsourced"),
        };
        (params, uses)
    }

    /// Employer cost of one FTE on `base` salary, before any shift premium.
    pub fn loaded(&self, base: f64) -> f64 {
        base * self.benefits * (1.0 + self.overhead_pct / 100.0)
    }

    /// Convert US dollars to the profile currency.
    pub fn usd(&self, amount: f64) -> f64 {
        amount * self.fx_usd_rate
    }

    /// Scale every salary tier by `factor` (sensitivity analysis).
    pub fn scale_salaries(&mut self, factor: f64) {
        self.l1_salary *= factor;
        self.l2_salary *= factor;
        self.l3_salary *= factor;
        self.engineer_salary *= factor;
        self.manager_salary *= factor;
    }
}
