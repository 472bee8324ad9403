//! Phase 2 of validation: checked values in, a typed [`Profile`] out.
//!
//! This is the one place defaults are applied, each read from the format
//! table and recorded in [`Profile::defaulted`]. Rules that span keys
//! (weights not all zero, an exchange rate for the currency, incident
//! threats without incidents) are checked here.

use super::check::join;
use super::checked::{Checked, Record};
use super::format::{self, DefaultValue, Field};
use super::model::*;
use super::words::{slug_from_file_name, token_width, NoSlug};
use super::yaml::{clip, Pos};
use crate::diag::{Diagnostic, SourceText};
use crate::reference::{currencies, frameworks, threats};
use std::collections::{BTreeMap, BTreeSet};

/// What phase 2 needs besides the checked values.
pub(super) struct BuildContext<'a> {
    pub src: &'a SourceText<'a>,
    /// Used for `id` when the profile gives none.
    pub file_stem: &'a str,
    /// Used for `report.date` when the profile gives none.
    pub default_date: Date,
    /// The profile's folder, which the paths of its logos are relative to.
    pub folder: &'a std::path::Path,
}

/// One section of the profile as phase 2 reads it: the checked record (if
/// the section was given), its key path and its table in the format, whose
/// defaults are the ones applied.
#[derive(Clone, Copy)]
struct Section<'a> {
    record: Option<&'a Record>,
    path: &'a str,
    fields: &'static [Field],
}

impl<'a> Section<'a> {
    fn get(&self, key: &str) -> Option<&'a Checked> {
        self.record.and_then(|r| r.get(key))
    }

    /// The default the format states for `key`. Every key read here is in
    /// the table; `format`'s tests check that each default has its key's kind.
    fn stated(&self, key: &str) -> DefaultValue {
        format::field(self.fields, key).map_or(DefaultValue::Required, |f| f.default)
    }
}

/// Applies the format's defaults and records which keys took one, so the
/// report can say which values were not given.
struct Defaults {
    defaulted: BTreeSet<String>,
}

impl Defaults {
    fn mark(&mut self, path: &str) {
        self.defaulted.insert(path.to_string());
    }

    fn is_defaulted(&self, path: &str) -> bool {
        self.defaulted.contains(path)
    }

    fn int(&mut self, s: &Section, key: &str) -> i64 {
        match s.get(key) {
            Some(Checked::Int(n)) => *n,
            _ => {
                self.mark(&join(s.path, key));
                match s.stated(key) {
                    DefaultValue::Int(n) => n,
                    _ => 0,
                }
            }
        }
    }

    fn count(&mut self, s: &Section, key: &str) -> u64 {
        u64::try_from(self.int(s, key)).unwrap_or(0)
    }

    fn small(&mut self, s: &Section, key: &str) -> u32 {
        u32::try_from(self.int(s, key)).unwrap_or(0)
    }

    fn number(&mut self, s: &Section, key: &str) -> f64 {
        match s.get(key) {
            Some(Checked::Number(n)) => *n,
            _ => {
                self.mark(&join(s.path, key));
                match s.stated(key) {
                    DefaultValue::Number(x) => x,
                    _ => 0.0,
                }
            }
        }
    }

    fn flag(&mut self, s: &Section, key: &str) -> bool {
        match s.get(key) {
            Some(Checked::Bool(b)) => *b,
            _ => {
                self.mark(&join(s.path, key));
                matches!(s.stated(key), DefaultValue::Bool(true))
            }
        }
    }

    fn text(&mut self, s: &Section, key: &str) -> String {
        match text_of(s.record, key) {
            Some(t) => t,
            None => {
                self.mark(&join(s.path, key));
                match s.stated(key) {
                    DefaultValue::Text(t) => t.to_string(),
                    _ => String::new(),
                }
            }
        }
    }

    /// A value the profile may leave out: `None` then, and marked.
    fn given<T>(
        &mut self,
        s: &Section,
        key: &str,
        read: impl Fn(&Checked) -> Option<T>,
    ) -> Option<T> {
        let value = s.get(key).and_then(read);
        if value.is_none() {
            self.mark(&join(s.path, key));
        }
        value
    }

    fn choice<T: Keyed>(&mut self, s: &Section, key: &str) -> T {
        match text_of(s.record, key).as_deref().and_then(T::from_key) {
            Some(v) => v,
            None => {
                self.mark(&join(s.path, key));
                match s.stated(key) {
                    DefaultValue::Text(k) => T::from_key(k).unwrap_or(T::ALL[0]),
                    _ => T::ALL[0],
                }
            }
        }
    }

    /// A choice whose default the format states in words because it is
    /// worked out from other values; `derived` is that value.
    fn derived_choice<T: Keyed>(&mut self, s: &Section, key: &str, derived: T) -> T {
        match text_of(s.record, key).as_deref().and_then(T::from_key) {
            Some(v) => v,
            None => {
                self.mark(&join(s.path, key));
                derived
            }
        }
    }

    /// A list of choices; absent, it is empty unless the format derives it,
    /// in which case `derived` gives it.
    fn choices<T: Keyed>(
        &mut self,
        s: &Section,
        key: &str,
        derived: impl FnOnce() -> Vec<T>,
    ) -> Vec<T> {
        match s.get(key) {
            Some(Checked::List(items)) => items
                .iter()
                .filter_map(|c| match c {
                    Checked::Text(t) => T::from_key(t),
                    _ => None,
                })
                .collect(),
            _ => {
                self.mark(&join(s.path, key));
                match s.stated(key) {
                    DefaultValue::Derived(_) => derived(),
                    _ => Vec::new(),
                }
            }
        }
    }
}

fn text_of(rec: Option<&Record>, key: &str) -> Option<String> {
    match rec?.get(key) {
        Some(Checked::Text(t)) => Some(t.clone()),
        _ => None,
    }
}

fn texts_of(rec: Option<&Record>, key: &str) -> Option<Vec<String>> {
    match rec?.get(key) {
        Some(Checked::List(items)) => Some(
            items
                .iter()
                .filter_map(|c| match c {
                    Checked::Text(t) => Some(t.clone()),
                    _ => None,
                })
                .collect(),
        ),
        _ => None,
    }
}

/// Phase 2: build the typed profile, applying every default in one place.
///
/// Returns the diagnostics of rules that span keys; the profile is only
/// usable when none of them is an error.
pub(super) fn build_profile(root: &Record, cx: &BuildContext<'_>) -> (Profile, Vec<Diagnostic>) {
    let mut b = Builder {
        root,
        cx,
        d: Defaults {
            defaulted: BTreeSet::new(),
        },
        diags: Vec::new(),
    };
    let id = b.id();
    let organisation = b.organisation();
    let environment = b.environment();
    let security_team = b.security_team();
    let budget = b.budget();
    let compliance = b.compliance(&organisation);
    let risk = b.risk(organisation.industry);
    let requirements = b.requirements(organisation.industry, &security_team.tools);
    let weights = b.weights();
    let decision = b.decision(&weights);
    let assumptions = b.assumptions(&organisation.currency);
    // A quote that does not say how it is priced is priced the way the
    // profile prices a provider: defaulting it to `bundled` read a
    // service-only fee as one that also pays for the SIEM and EDR.
    let platform = requirements.provider_platform;
    let mssp_quote = b.mssp_quote(platform);
    let quotes = b.quotes(&organisation.headquarters, platform);
    let report = b.report();
    // The scenarios themselves are loaded from the tree by the caller.
    if root.get("scenarios").is_none() {
        b.d.mark("scenarios");
    }
    let profile = Profile {
        version: 1,
        id,
        source: cx.src.file.to_string(),
        organisation,
        environment,
        security_team,
        budget,
        compliance,
        risk,
        requirements,
        weights,
        decision,
        assumptions,
        mssp_quote,
        quotes,
        report,
        defaulted: b.d.defaulted,
        overrides: Vec::new(),
        scenarios: Vec::new(),
    };
    (profile, b.diags)
}

/// Phase 2's state: the checked root, the defaults applied so far and the
/// diagnostics of rules that span keys.
struct Builder<'a> {
    root: &'a Record,
    cx: &'a BuildContext<'a>,
    d: Defaults,
    diags: Vec<Diagnostic>,
}

impl<'a> Builder<'a> {
    fn section(&self, path: &'a str, fields: &'static [Field]) -> Section<'a> {
        Section {
            record: self.root.record(path),
            path,
            fields,
        }
    }

    fn diagnostic_at(&self, path: &str, pos: Pos, msg: String, error: bool) -> Diagnostic {
        let src = self.cx.src;
        let width = src.line(pos.line).map_or(1, |l| token_width(l, pos.column));
        if error {
            src.error(Some(path), pos.line, pos.column, width, msg)
        } else {
            src.warning(Some(path), pos.line, pos.column, width, msg)
        }
    }

    fn id(&mut self) -> String {
        if let Some(id) = text_of(Some(self.root), "id") {
            return id;
        }
        self.d.mark("id");
        let stem = clip(self.cx.file_stem, 40);
        let (problem, help) = match slug_from_file_name(self.cx.file_stem) {
            Ok(slug) => return slug,
            Err(NoSlug::Empty) => (
                format!("no `id` given and none can be made from the file name `{stem}`"),
                "add `id: your-organisation` (lower-case letters, digits, dashes)".to_string(),
            ),
            Err(NoSlug::Letter(c)) => (
                format!(
                    "no `id` given, and the file name `{stem}` cannot give one: `{c}` (U+{:04X}) is not a letter a-z, and dropping it would change the name",
                    c as u32
                ),
                "add `id:` with lower-case letters a-z, digits and dashes; the id names the output folder"
                    .to_string(),
            ),
            Err(NoSlug::Reserved(slug)) => (
                format!(
                    "no `id` given, and the file name `{stem}` would give `{slug}`, a name Windows keeps for a device"
                ),
                format!("add `id:` with another name, for example `id: {slug}-org`"),
            ),
        };
        self.diags.push(
            self.cx
                .src
                .error(Some("id"), 1, 1, 1, problem)
                .with_help(help),
        );
        String::new()
    }

    fn organisation(&mut self) -> Organisation {
        let o = self.section("organisation", format::ORGANISATION);
        let d = &mut self.d;
        Organisation {
            name: text_of(o.record, "name").unwrap_or_default(),
            industry: d.choice(&o, "industry"),
            employees: d.count(&o, "employees"),
            annual_revenue: d.given(&o, "annual_revenue", number),
            currency: d.text(&o, "currency"),
            headquarters: d.text(&o, "headquarters"),
            operating_regions: d.given(&o, "operating_regions", texts).unwrap_or_default(),
            annual_growth_pct: d.number(&o, "annual_growth_pct"),
        }
    }

    fn environment(&mut self) -> Environment {
        let e = self.section("environment", format::ENVIRONMENT);
        let d = &mut self.d;
        let asset_items: &[Checked] = match e.get("critical_assets") {
            Some(Checked::List(items)) => items,
            _ => {
                d.mark("environment.critical_assets");
                &[]
            }
        };
        let critical_assets = asset_items
            .iter()
            .enumerate()
            .filter_map(|(i, c)| match c {
                Checked::Record(r) => Some(build_asset(
                    r,
                    &format!("environment.critical_assets[{i}]"),
                    d,
                )),
                _ => None,
            })
            .collect();
        let environment = Environment {
            endpoints: d.count(&e, "endpoints"),
            servers: d.count(&e, "servers"),
            cloud_workloads: d.count(&e, "cloud_workloads"),
            log_sources: d.given(&e, "log_sources", |c| match c {
                Checked::Int(n) => u64::try_from(*n).ok(),
                _ => None,
            }),
            daily_log_volume_gb: d.given(&e, "daily_log_volume_gb", number),
            ot_ics: d.flag(&e, "ot_ics"),
            sites: d.count(&e, "sites"),
            critical_assets,
        };
        let mut seen_assets = BTreeMap::new();
        for (i, a) in environment.critical_assets.iter().enumerate() {
            if let Some(first) = seen_assets.insert(a.name.clone(), i) {
                let pos = match asset_items.get(i) {
                    Some(Checked::Record(r)) => r.pos_of("name"),
                    _ => Pos::default(),
                };
                let warning = self.diagnostic_at(
                    &format!("environment.critical_assets[{i}].name"),
                    pos,
                    format!(
                        "two critical assets are named `{}` (items {first} and {i}); the risk register will list both",
                        clip(&a.name, 40)
                    ),
                    false,
                );
                self.diags.push(warning);
            }
        }
        if environment.endpoints + environment.servers + environment.cloud_workloads == 0 {
            let pos = e.record.map_or(Pos::default(), |r| r.pos_of("endpoints"));
            self.diags.push(self.cx.src.warning(
                Some("environment.endpoints"),
                pos.line,
                pos.column,
                1,
                "no endpoints, servers or cloud workloads: there is nothing for a SOC to monitor",
            ));
        }
        environment
    }

    fn security_team(&mut self) -> SecurityTeam {
        let t = self.section("security_team", format::SECURITY_TEAM);
        let d = &mut self.d;
        SecurityTeam {
            analysts: d.count(&t, "analysts"),
            engineers: d.count(&t, "engineers"),
            incident_responders: d.count(&t, "incident_responders"),
            tools: d.choices(&t, "tools", Vec::new),
            owned_tools: d.choice(&t, "owned_tools"),
            redeployment_cost: d.given(&t, "redeployment_cost", number),
            average_salary: d.given(&t, "average_salary", number),
            maturity: u8::try_from(d.int(&t, "maturity")).unwrap_or(0),
            hiring_market: d.choice(&t, "hiring_market"),
        }
    }

    fn budget(&mut self) -> Budget {
        let b = self.section("budget", format::BUDGET);
        Budget {
            annual_opex: self.d.number(&b, "annual_opex"),
            capex: self.d.number(&b, "capex"),
            horizon_years: self.d.small(&b, "horizon_years"),
        }
    }

    /// Frameworks default to those of the headquarters and operating
    /// regions; the notification clock to the tightest of the frameworks.
    fn compliance(&mut self, organisation: &Organisation) -> Compliance {
        let c = self.section("compliance", format::COMPLIANCE);
        let d = &mut self.d;
        let frameworks: Vec<FrameworkRef> = match texts_of(c.record, "frameworks") {
            Some(list) => list
                .into_iter()
                .map(|k| match Framework::from_key(&k) {
                    Some(f) => FrameworkRef::Known(f),
                    None => FrameworkRef::Other(k),
                })
                .collect(),
            None => {
                d.mark("compliance.frameworks");
                frameworks::default_frameworks(
                    &organisation.headquarters,
                    &organisation.operating_regions,
                )
                .into_iter()
                .map(FrameworkRef::Known)
                .collect()
            }
        };
        let notification_hours = match c.get("notification_hours") {
            Some(Checked::Number(n)) => Some(*n),
            _ => {
                d.mark("compliance.notification_hours");
                frameworks::tightest_clock(frameworks.iter().filter_map(|f| match f {
                    FrameworkRef::Known(k) => Some(*k),
                    FrameworkRef::Other(_) => None,
                }))
                .map(|clock| clock.hours)
            }
        };
        Compliance {
            frameworks,
            data_residency: d.choice(&c, "data_residency"),
            third_party_data_sharing: d.choice(&c, "third_party_data_sharing"),
            notification_hours,
        }
    }

    /// Threats default to the industry's typical ones; the threats behind
    /// past incidents to the commodity threats among them.
    fn risk(&mut self, industry: Industry) -> RiskProfile {
        let r = self.section("risk", format::RISK);
        let d = &mut self.d;
        let mut risk = RiskProfile {
            tolerance: d.choice(&r, "tolerance"),
            threats: d.choices(&r, "threats", || {
                threats::typical_threats(industry).to_vec()
            }),
            targeted_by_apt: d.flag(&r, "targeted_by_apt"),
            incidents_last_24_months: d.count(&r, "incidents_last_24_months"),
            incident_threats: Vec::new(),
        };
        let commodity = [
            Threat::Ransomware,
            Threat::Cybercrime,
            Threat::Fraud,
            Threat::Bec,
        ];
        let incidents = risk.incidents_last_24_months;
        let threats = risk.threats.clone();
        risk.incident_threats = d.choices(&r, "incident_threats", || {
            if incidents > 0 {
                threats
                    .into_iter()
                    .filter(|t| commodity.contains(t))
                    .collect()
            } else {
                Vec::new()
            }
        });
        if incidents == 0
            && !risk.incident_threats.is_empty()
            && !self.d.is_defaulted("risk.incident_threats")
        {
            let pos = r
                .record
                .map_or(Pos::default(), |rr| rr.pos_of("incident_threats"));
            let error = self
                .diagnostic_at(
                    "risk.incident_threats",
                    pos,
                    "threats are named for past incidents, but `incidents_last_24_months` is 0"
                        .into(),
                    true,
                )
                .with_help("give the number of incidents, or remove `incident_threats`");
            self.diags.push(error);
        }
        risk
    }

    fn requirements(&mut self, industry: Industry, tools: &[Tool]) -> Requirements {
        let q = self.section("requirements", format::REQUIREMENTS);
        let d = &mut self.d;
        let owns_platform = tools.contains(&Tool::Siem) && tools.contains(&Tool::Edr);
        Requirements {
            coverage: d.choice(&q, "coverage"),
            go_live_months: d.small(&q, "go_live_months"),
            control: d.choice(&q, "control"),
            integration: d.choice(&q, "integration"),
            scalability: d.choice(&q, "scalability"),
            provider_platform: d.derived_choice(
                &q,
                "provider_platform",
                if owns_platform {
                    ProviderPlatform::OwnTools
                } else {
                    ProviderPlatform::Bundled
                },
            ),
            provider_market: d.choice(&q, "provider_market"),
            procurement: d.derived_choice(
                &q,
                "procurement",
                if matches!(industry, Industry::Government | Industry::Defence) {
                    Procurement::PublicTender
                } else {
                    Procurement::Private
                },
            ),
        }
    }

    fn weights(&mut self) -> BTreeMap<Consideration, f64> {
        let w = self.section("weights", format::WEIGHTS);
        let weights: BTreeMap<Consideration, f64> = Consideration::ALL
            .iter()
            .map(|c| (*c, self.d.number(&w, c.key())))
            .collect();
        if weights.values().all(|w| *w == 0.0) {
            let pos = w.record.map_or(Pos::default(), |r| r.pos);
            let error = self
                .diagnostic_at(
                    "weights",
                    pos,
                    "every weight is zero, so no consideration would count".into(),
                    true,
                )
                .with_help(
                    "give at least one consideration a weight above 0 (missing weights count as 1)",
                );
            self.diags.push(error);
        }
        weights
    }

    /// The share of money in each option's value: `decision.money_share`;
    /// else, for a profile written for version 0.2, from `weights.budget`
    /// against the mean of the need weights (the odds of the default share
    /// scaled by their ratio, so that scaling every weight alike changes
    /// nothing); else the default.
    fn decision(&mut self, weights: &BTreeMap<Consideration, f64>) -> DecisionSettings {
        let s = self.section("decision", format::DECISION);
        let given = self.d.given(&s, "money_share", number);
        let bid_price_share = self.d.number(&s, "bid_price_share");
        let budget_given = !self.d.defaulted.contains("weights.budget");
        let default = format::DEFAULT_MONEY_SHARE / 100.0;
        match given {
            Some(pct) => {
                if budget_given {
                    let pos = self
                        .root
                        .record("weights")
                        .map_or(Pos::default(), |r| r.pos_of("budget"));
                    let warning = self
                        .diagnostic_at(
                            "weights.budget",
                            pos,
                            "`weights.budget` is ignored: `decision.money_share` sets the share of money".into(),
                            false,
                        )
                        .with_help("remove `weights.budget`");
                    self.diags.push(warning);
                }
                DecisionSettings {
                    money_share: pct / 100.0,
                    bid_price_share,
                    money_share_basis: MoneyShareBasis::Given,
                }
            }
            None if budget_given => {
                let needs: Vec<f64> = Consideration::ALL
                    .iter()
                    .filter(|c| **c != Consideration::Budget)
                    .map(|c| weights.get(c).copied().unwrap_or(1.0))
                    .collect();
                let mean = needs.iter().sum::<f64>() / needs.len() as f64;
                let budget = weights.get(&Consideration::Budget).copied().unwrap_or(1.0);
                let share = if mean <= 0.0 {
                    1.0
                } else {
                    let odds = default / (1.0 - default) * budget / mean;
                    odds / (1.0 + odds)
                };
                let share = (share * 1e6).round() / 1e6;
                let pos = self
                    .root
                    .record("weights")
                    .map_or(Pos::default(), |r| r.pos_of("budget"));
                let warning = self
                    .diagnostic_at(
                        "weights.budget",
                        pos,
                        format!(
                            "`weights.budget` now sets the share of money in each option's value: {}%",
                            crate::numbers::trim_float((share * 1000.0).round() / 10.0)
                        ),
                        false,
                    )
                    .with_help(format!(
                        "write `decision: {{ money_share: {} }}` instead",
                        crate::numbers::trim_float((share * 1000.0).round() / 10.0)
                    ));
                self.diags.push(warning);
                DecisionSettings {
                    money_share: share,
                    bid_price_share,
                    money_share_basis: MoneyShareBasis::BudgetWeight,
                }
            }
            None => DecisionSettings {
                money_share: default,
                bid_price_share,
                money_share_basis: MoneyShareBasis::Default,
            },
        }
    }

    /// The overrides, and the one the currency needs when socsource has no
    /// exchange rate for it.
    fn assumptions(&mut self, currency: &str) -> BTreeMap<String, AssumptionValue> {
        let overrides = match self.root.get("assumptions") {
            Some(Checked::Assumptions(m)) => m.clone(),
            _ => BTreeMap::new(),
        };
        if currencies::usd_rate(currency).is_none() && !overrides.contains_key("fx_usd_rate") {
            let pos = self
                .root
                .record("organisation")
                .map_or(Pos::default(), |r| r.pos_of("currency"));
            let error = self
                .diagnostic_at(
                    "organisation.currency",
                    pos,
                    format!(
                        "socsource has no built-in exchange rate for `{currency}`, so its US-dollar defaults cannot be converted"
                    ),
                    true,
                )
                .with_help(format!(
                    "add `assumptions: {{ fx_usd_rate: <{currency} per US dollar> }}`"
                ));
            self.diags.push(error);
        }
        overrides
    }

    fn mssp_quote(&mut self, platform: ProviderPlatform) -> Option<MsspQuote> {
        let m = self.section("mssp_quote", format::MSSP_QUOTE);
        m.record?;
        let d = &mut self.d;
        Some(MsspQuote {
            annual_fee: m.get("annual_fee").and_then(number).unwrap_or(0.0),
            onboarding_fee: d.number(&m, "onboarding_fee"),
            term_years: d.small(&m, "term_years"),
            provider: d.given(&m, "provider", text),
            platform: d.derived_choice(&m, "platform", platform),
        })
    }

    /// The quotes to compare; a provider named twice is an error at the
    /// second, naming the first.
    fn quotes(&mut self, headquarters: &str, platform: ProviderPlatform) -> Vec<Quote> {
        let items: Vec<Checked> = match self.root.get("quotes") {
            Some(Checked::List(items)) => items.clone(),
            _ => {
                self.d.mark("quotes");
                Vec::new()
            }
        };
        let mut out: Vec<Quote> = Vec::new();
        for (i, item) in items.iter().enumerate() {
            let Checked::Record(r) = item else { continue };
            let path = format!("quotes[{i}]");
            let q = Section {
                record: Some(r),
                path: &path,
                fields: format::QUOTE,
            };
            let commitments = match r.record("commitments") {
                Some(c) => c
                    .fields
                    .iter()
                    .filter_map(|(key, (value, _))| {
                        let clause = ProviderClause::from_key(key)?;
                        let commitment = text(value).as_deref().and_then(Commitment::from_key)?;
                        Some((clause, commitment))
                    })
                    .collect(),
                None => BTreeMap::new(),
            };
            let figure = |key: &str| {
                r.record("figures")
                    .and_then(|f| f.get(key))
                    .and_then(number)
            };
            let d = &mut self.d;
            let quote = Quote {
                provider: text_of(Some(r), "provider").unwrap_or_default(),
                service: d.choice(&q, "service"),
                platform: d.derived_choice(&q, "platform", platform),
                annual_fee: q.get("annual_fee").and_then(number).unwrap_or(0.0),
                onboarding_fee: d.number(&q, "onboarding_fee"),
                term_years: d.small(&q, "term_years"),
                escalator_pct: d.given(&q, "escalator_pct", number),
                delivery_country: d
                    .given(&q, "delivery_country", text)
                    .unwrap_or_else(|| headquarters.to_string()),
                commitments,
                figures: BidFigures {
                    p1_acknowledge_minutes: figure("p1_acknowledge_minutes"),
                    p2_acknowledge_minutes: figure("p2_acknowledge_minutes"),
                    breach_notification_hours: figure("breach_notification_hours"),
                    retention_days: figure("retention_days"),
                    exit_assistance_months: figure("exit_assistance_months"),
                    service_credit_pct: figure("service_credit_pct"),
                },
            };
            if let Some(first) = out
                .iter()
                .position(|o| o.provider.eq_ignore_ascii_case(&quote.provider))
            {
                let error = self
                    .diagnostic_at(
                        &format!("{path}.provider"),
                        r.pos_of("provider"),
                        format!(
                            "the provider `{}` is quoted twice (quotes {first} and {i})",
                            clip(&quote.provider, 40)
                        ),
                        true,
                    )
                    .with_help("give each bidder one quote, or tell the bidders apart by name");
                self.diags.push(error);
                continue;
            }
            out.push(quote);
        }
        out
    }

    fn report(&mut self) -> ReportDetails {
        let p = self.section("report", format::REPORT);
        let d = &mut self.d;
        ReportDetails {
            prepared_by: d.given(&p, "prepared_by", text),
            prepared_for: d.text(&p, "prepared_for"),
            classification: d.text(&p, "classification"),
            date: d
                .given(&p, "date", |c| text(c).as_deref().and_then(Date::parse))
                .unwrap_or(self.cx.default_date),
            language: d.text(&p, "language"),
            status: d.text(&p, "status"),
            logo: self.logo(&p, "logo"),
            client_logo: self.logo(&p, "client_logo"),
        }
    }

    /// A logo the profile names, read and recognised; a file that is
    /// missing, too large or not an image is an error at its key.
    fn logo(&mut self, s: &Section, key: &str) -> Option<super::image::Image> {
        let Some(written) = text_of(s.record, key) else {
            self.d.mark(&join(s.path, key));
            return None;
        };
        let pos = s.record.map_or_else(Pos::default, |r| r.pos_of(key));
        let path = join(s.path, key);
        let local = std::path::Path::new(&written);
        let found = if local.is_absolute() {
            local.to_path_buf()
        } else {
            self.cx.folder.join(local)
        };
        match super::image::read(&found, &written) {
            Ok(image) => Some(image),
            Err(problem) => {
                let d = self
                    .diagnostic_at(&path, pos, problem, true)
                    .with_help("give a PNG, JPEG or SVG file of at most 2 MiB, its path relative to the profile's folder");
                self.diags.push(d);
                None
            }
        }
    }
}

fn build_asset(r: &Record, path: &str, d: &mut Defaults) -> CriticalAsset {
    let a = Section {
        record: Some(r),
        path,
        fields: format::CRITICAL_ASSET,
    };
    CriticalAsset {
        name: text_of(Some(r), "name").unwrap_or_default(),
        kind: d.choice(&a, "kind"),
        criticality: d.choice(&a, "criticality"),
        data: d.choices(&a, "data", Vec::new),
        internet_facing: d.flag(&a, "internet_facing"),
    }
}

fn number(c: &Checked) -> Option<f64> {
    match c {
        Checked::Number(n) => Some(*n),
        _ => None,
    }
}

fn texts(c: &Checked) -> Option<Vec<String>> {
    match c {
        Checked::List(items) => Some(items.iter().filter_map(text).collect()),
        _ => None,
    }
}

fn text(c: &Checked) -> Option<String> {
    match c {
        Checked::Text(t) => Some(t.clone()),
        _ => None,
    }
}
