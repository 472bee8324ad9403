//! The assessment: every number and reason the report shows, as data.
//!
//! This is the contract between the evaluation and every renderer, and the
//! schema of `assessment.json`. Key names are stable; a change that renames
//! or removes one bumps [`SCHEMA_VERSION`]. Money is in the profile's
//! currency, rounded to whole units; texts are plain words (no markup), so
//! each renderer escapes them for its own format.

use super::messages::Message;
use crate::profile::model::{Consideration, MoneyShareBasis};
use serde::Serialize;
use std::collections::BTreeMap;
use std::fmt;

pub const SCHEMA_VERSION: u32 = 3;

/// The three ways to run a SOC.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum SocOption {
    InHouse,
    Outsourced,
    Hybrid,
}

impl SocOption {
    pub const ALL: [SocOption; 3] = [SocOption::InHouse, SocOption::Outsourced, SocOption::Hybrid];

    pub fn key(self) -> &'static str {
        match self {
            SocOption::InHouse => "in_house",
            SocOption::Outsourced => "outsourced",
            SocOption::Hybrid => "hybrid",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            SocOption::InHouse => Message::OptionInHouseSoc.template(),
            SocOption::Outsourced => Message::OptionOutsourcedSoc.template(),
            SocOption::Hybrid => "Hybrid (co-managed) SOC",
        }
    }

    pub fn short(self) -> &'static str {
        match self {
            SocOption::InHouse => "In-house",
            SocOption::Outsourced => "Outsourced",
            SocOption::Hybrid => "Hybrid",
        }
    }
}

impl fmt::Display for SocOption {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// How firmly the recommendation stands (see `evaluate::confidence`).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Confidence {
    High,
    Medium,
    Low,
}

impl Confidence {
    /// The key `assessment.json` uses.
    pub fn key(self) -> &'static str {
        match self {
            Confidence::High => "high",
            Confidence::Medium => "medium",
            Confidence::Low => "low",
        }
    }
}

/// A risk's band on the likelihood × impact matrix (rating 1-4 low, 5-9
/// medium, 10-16 high, 20-25 critical), or `n/a` where a risk does not
/// apply to an option.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Band {
    Low,
    Medium,
    High,
    Critical,
    #[serde(rename = "n/a")]
    NotApplicable,
}

impl Band {
    /// The band of a rating (likelihood × impact, 1-25).
    pub fn of(rating: u8) -> Band {
        match rating {
            0..=4 => Band::Low,
            5..=9 => Band::Medium,
            10..=16 => Band::High,
            _ => Band::Critical,
        }
    }

    /// The key `assessment.json` uses.
    pub fn key(self) -> &'static str {
        match self {
            Band::Low => "low",
            Band::Medium => "medium",
            Band::High => "high",
            Band::Critical => "critical",
            Band::NotApplicable => "n/a",
        }
    }
}

/// The agreement an SLA clause belongs in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Agreement {
    /// The contract with the managed provider.
    Provider,
    /// The internal service agreement between the SOC and the business.
    Internal,
    /// The contracts with the security tools' vendors.
    Vendors,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Assessment {
    pub schema_version: u32,
    pub generator: String,
    pub profile: ProfileSummary,
    /// The profile's facts, for "What we assessed".
    pub facts: Vec<Fact>,
    pub recommendation: Recommendation,
    /// The options appraisal the recommendation comes from.
    pub decision: Decision,
    /// The seven needs: weight, each option's rating and why.
    pub considerations: Vec<NeedWeight>,
    pub options: Vec<OptionProfile>,
    pub costs: Costs,
    pub staffing: Staffing,
    pub risks: Vec<Risk>,
    pub heat_map: HeatMap,
    pub expected_loss: ExpectedLoss,
    pub objectives: Vec<Objective>,
    /// Whether the SLA checklist is for a contract or an internal agreement.
    pub sla_scope: SlaScope,
    pub sla: Vec<SlaItem>,
    pub roadmap: Vec<Phase>,
    /// Who does what in each option.
    pub raci: Vec<RaciRow>,
    pub assumptions: Vec<AssumptionUse>,
    /// Every public source the assessment cites, numbered in order of first
    /// citation.
    pub references: Vec<Reference>,
    /// The quotes of the bid evaluation, in the profile's order (a single
    /// `mssp_quote` is one); empty when there are none.
    pub quotes: Vec<Bid>,
    /// The bid evaluation's outcome, when there are quotes.
    pub bid_evaluation: Option<BidEvaluation>,
    /// The profile's what-if scenarios, each evaluated in full and compared
    /// with the profile as given.
    pub scenarios: Vec<ScenarioOutcome>,
}

/// One scenario's result, beside the profile as given.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScenarioOutcome {
    pub name: String,
    /// The values it changes, by key path, as written.
    pub set: Vec<crate::profile::model::Setting>,
    pub recommendation: ScenarioRecommendation,
    /// Whether the recommendation differs from the profile's.
    pub changed: bool,
    /// Each option's likely total and its simulated range over the horizon.
    pub costs: BTreeMap<SocOption, ScenarioCost>,
    /// The highest-rated risk left with the scenario's recommended option.
    pub top_risk: Option<ScenarioRisk>,
    /// What changed and why, in one sentence.
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScenarioRecommendation {
    pub option: SocOption,
    pub label: String,
    /// The recommended option's value in the appraisal, 0-1.
    pub value: f64,
    pub probability_best: f64,
    pub confidence: Confidence,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScenarioCost {
    pub total: f64,
    pub p10: f64,
    pub p50: f64,
    pub p90: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScenarioRisk {
    pub threat_label: String,
    pub asset: String,
    pub rating: u8,
    pub band: Band,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ProfileSummary {
    pub id: String,
    pub name: String,
    /// The profile's file name (without its folder).
    pub source: String,
    pub industry: String,
    pub industry_label: String,
    pub headquarters: String,
    pub currency: String,
    pub date: String,
    pub prepared_by: Option<String>,
    pub prepared_for: String,
    pub classification: String,
    pub language: String,
    /// `draft` or `final`.
    pub status: String,
    /// The preparer's logo and the organisation's, for the cover.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub logo: Option<crate::profile::image::Image>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub client_logo: Option<crate::profile::image::Image>,
    pub employees: u64,
    pub frameworks: Vec<String>,
    /// Tightest incident-notification deadline in hours, if any applies.
    pub notification_hours: Option<f64>,
    /// Values set on the command line (`--set`), which the report states on
    /// its first page.
    pub overrides: Vec<crate::profile::model::Setting>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Fact {
    /// Profile key path, e.g. `environment.endpoints`.
    pub key: String,
    pub label: String,
    pub text: String,
    pub defaulted: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Recommendation {
    pub option: SocOption,
    pub label: String,
    /// How sure the model is that this option is the right one.
    pub confidence: Confidence,
    /// Share of joint draws (cost assumptions, breach frequency and cost,
    /// and weights together) in which this option is still the one the
    /// rule recommends.
    pub probability_best: f64,
    /// How many joint draws `probability_best` counts.
    pub draws: u32,
    /// Probability that the recommended option stays within budget in every
    /// year (reported beside the confidence, not folded into it).
    pub probability_within_budget: f64,
    /// What to budget: the P50 over the horizon, with a contingency to P80.
    pub budget_ask: BudgetAsk,
    pub constraints: Vec<Constraint>,
    pub reasons: Vec<Reason>,
    /// What the board is asked to decide, in one sentence or two.
    pub decision: String,
    /// Month monitoring starts (counted from the decision), and the month
    /// the recommended set-up is complete.
    pub monitoring_live_month: f64,
    pub complete_month: f64,
    pub bridge: Option<Bridge>,
    pub confidence_text: String,
}

/// The money the board is asked for, over the horizon.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct BudgetAsk {
    /// Median total of the simulation.
    pub p50: f64,
    /// The 80th percentile: P50 plus the contingency.
    pub p80: f64,
    pub contingency: f64,
    pub p50_per_year: f64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ConstraintKind {
    /// Third-party sharing prohibited: no fully outsourced SOC.
    SharingProhibited,
    /// Classified data: no fully outsourced SOC.
    Classified,
    /// An option needs more than the operating budget: a funding gap.
    OverBudget,
    /// No feasible option fits the budget.
    BudgetCannotFund,
    /// The go-live comes before an option can be live.
    Deadline,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Constraint {
    pub kind: ConstraintKind,
    /// The option it applies to; `None` when it concerns every option.
    pub option: Option<SocOption>,
    pub reason: String,
    /// Whether it made the option infeasible (hard rules only).
    pub rules_out: bool,
    /// Whether it changed the recommendation away from the best value.
    pub changed_recommendation: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Reason {
    /// The need it rests on; `None` for money, the budget or a hard rule.
    pub consideration: Option<Consideration>,
    pub text: String,
    /// Profile key paths the reason rests on.
    pub inputs: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Bridge {
    pub provider_from_month: f64,
    pub until_month: f64,
    pub cost: f64,
    pub text: String,
}

/// One need, as the appraisal weighs it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NeedWeight {
    pub key: Consideration,
    pub label: String,
    /// Share among the seven needs.
    pub need_share: f64,
    /// Share of each option's value: the need share times (1 - money share).
    pub weight: f64,
    /// Each option's rating, 0 (does not meet the need) to 4 (meets it).
    pub ratings: BTreeMap<SocOption, f64>,
    pub rationale: String,
    pub inputs: Vec<String>,
}

/// How the recommendation followed from the values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DecisionRule {
    /// The best value fits the budget.
    BestValue,
    /// The best value does not fit; the best option that does.
    BestThatFits,
    /// No feasible option fits: the best value, with its funding gap.
    NoneFits,
}

/// The options appraisal: money and needs, per option.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Decision {
    /// Share of each option's value that money carries.
    pub money_share: f64,
    pub money_share_basis: MoneyShareBasis,
    /// Real discount rate of the present values, percent.
    pub discount_rate_pct: f64,
    pub options: BTreeMap<SocOption, OptionAppraisal>,
    pub best_value: SocOption,
    pub cheapest: SocOption,
    pub rule: DecisionRule,
    /// What a larger budget would buy, when the best value does not fit.
    pub budget_note: Option<String>,
    /// What the recommendation costs over the cheapest feasible option.
    pub premium: Option<Premium>,
    /// The value of each input at which the recommendation changes.
    pub switching_values: Vec<SwitchingValue>,
    /// The appraisal in one or two sentences.
    pub summary: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OptionAppraisal {
    pub feasible: bool,
    pub infeasible_because: Vec<String>,
    pub money: Money,
    pub needs: BTreeMap<Consideration, Rating>,
    /// Weighted mean need rating over 4, 0-1.
    pub need_score: f64,
    /// Money share x money score + the rest x need score, 0-1.
    pub value: f64,
    /// 1 for the best value; infeasible options rank after the feasible.
    pub rank: u32,
    /// Whether the median draw fits the operating budget in every year.
    pub fits_budget: bool,
    pub probability_within_budget: f64,
    /// Operating budget a year the option needs (median of the draws).
    pub opex_needed: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Money {
    /// Present value of the cost of ownership over the horizon, at
    /// run-rate: today's estate held flat, the whole team paid from the
    /// start, in-house without a bridge (growth, the pace of hiring and the
    /// deadline are rated as needs, not counted twice).
    pub cost_pv: f64,
    /// Present value of the expected loss that remains, in steady state.
    pub loss_pv: f64,
    /// Their sum: at likely values, and its simulated spread.
    pub risk_adjusted: f64,
    pub risk_adjusted_range: CostRange,
    /// 1 for the cheapest feasible option; others cheapest / own.
    pub score: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Rating {
    pub rating: f64,
    pub rationale: String,
}

/// What the recommendation costs over the cheapest feasible option, and
/// what that buys.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Premium {
    pub over: SocOption,
    /// Risk-adjusted, present value over the horizon.
    pub total: f64,
    /// The same as an equal amount each year.
    pub per_year: f64,
    /// Needs the recommended option meets better, most weighted first.
    pub needs: Vec<Consideration>,
    pub text: String,
}

/// The value of one input at which the recommendation changes.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SwitchingValue {
    /// Key path or name of the input (`budget.annual_opex`,
    /// `decision.money_share`, `weights.control`, `provider_price`).
    pub input: String,
    pub label: String,
    pub unit: String,
    pub current: f64,
    /// Where the recommendation changes; `None` when it does not within
    /// `searched`.
    pub value: Option<f64>,
    pub to: Option<SocOption>,
    /// The range searched: low and high.
    pub searched: [f64; 2],
    pub text: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PointKind {
    Advantage,
    Drawback,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Strength {
    Strong,
    Weak,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OptionPoint {
    pub kind: PointKind,
    pub point: String,
    pub strength: Strength,
    pub because: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OptionProfile {
    pub option: SocOption,
    pub label: String,
    pub summary: String,
    pub feasible: bool,
    pub within_budget: bool,
    pub meets_deadline: bool,
    pub monitoring_live_month: f64,
    pub complete_month: f64,
    pub total_cost: f64,
    pub points: Vec<OptionPoint>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct YearCost {
    pub year: u32,
    pub staff: f64,
    pub technology: f64,
    pub provider: f64,
    /// Incident-response retainer and external forensics.
    pub services: f64,
    /// Build, tool deployment, onboarding, redeployment and exit reserve.
    pub one_off: f64,
    pub running: f64,
    pub total: f64,
    pub cumulative: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CostLine {
    pub line: String,
    pub made_of: String,
}

/// One item of an option's cost over the horizon, with how it is priced.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CostItem {
    pub item: String,
    pub label: String,
    /// The line of the cost table it belongs to.
    pub line: String,
    pub total: f64,
    pub basis: String,
}

/// The budget check for one year.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BudgetYear {
    pub year: u32,
    pub running: f64,
    pub one_off: f64,
    /// One-off costs paid from the capital budget.
    pub from_capex: f64,
    /// Operating budget left after running costs and one-off costs the
    /// capital budget did not cover; negative when over.
    pub headroom: f64,
    pub fits: bool,
}

/// Percentiles of an option's total over the horizon.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct CostRange {
    pub p10: f64,
    pub p50: f64,
    pub p90: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OptionCosts {
    pub years: Vec<YearCost>,
    /// Total over the horizon at the likely value of every assumption.
    pub total: f64,
    pub average_per_year: f64,
    /// The total's spread when every assumption is drawn from its range.
    pub range: CostRange,
    /// Share of draws in which the option fits the budget in every year.
    pub probability_within_budget: f64,
    /// Whether, at likely values, every year fits the budget.
    pub within_budget: bool,
    /// The smallest annual operating budget with which every year fits,
    /// given the capital budget.
    pub opex_needed: f64,
    /// How much more a year the operating budget would need (0 when it fits).
    pub shortfall_per_year: f64,
    pub budget_years: Vec<BudgetYear>,
    pub items: Vec<CostItem>,
    pub lines: Vec<CostLine>,
    /// Total against the cheapest option the hard constraints allow.
    pub relative_to_cheapest: f64,
}

/// How the cost ranges were computed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SimulationSummary {
    pub samples: usize,
    /// Largest standard error of a probability estimated from the draws.
    pub standard_error: f64,
    pub method: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Costs {
    pub currency: String,
    pub horizon_years: u32,
    pub annual_opex: f64,
    pub capex: f64,
    /// Opex over the horizon plus capex.
    pub available: f64,
    pub options: BTreeMap<SocOption, OptionCosts>,
    /// The cheapest option at likely values.
    pub cheapest: SocOption,
    /// The provider quote used instead of the model's price, if any.
    pub quote: Option<String>,
    /// How the outsourced option's provider is priced: `bundled` or
    /// `own_tools`.
    pub platform: crate::profile::model::ProviderPlatform,
    pub notes: Vec<String>,
    pub simulation: SimulationSummary,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RoleFte {
    pub role: String,
    pub fte: f64,
    pub base_salary: f64,
    /// Employer cost per FTE per year (benefits, overhead, shift premium).
    pub loaded_cost: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Team {
    pub roles: Vec<RoleFte>,
    pub total_fte: f64,
    pub existing_staff: u64,
    pub to_hire: f64,
    pub hours: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Staffing {
    pub coverage: String,
    /// Console seats staffed at all times in the required coverage.
    pub seats: u32,
    pub fte_per_seat: f64,
    pub staffed_hours_per_year: f64,
    pub in_house: Team,
    pub hybrid: Team,
    pub outsourced: Team,
    pub rationale: Vec<String>,
}

/// Ratings of one risk over time with an option: before it is live (for
/// in-house, while the SOC is built), in its first year, and in steady
/// state. 0 where the risk does not arise in that phase.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct PhasedRating {
    pub before_go_live: u8,
    pub first_year: u8,
    pub steady_state: u8,
}

/// How one option leaves a risk, in steady state unless `phases` says
/// otherwise.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Residual {
    /// Whether the risk arises with this option at all.
    pub applies: bool,
    pub likelihood: u8,
    pub impact: u8,
    pub rating: u8,
    pub band: Band,
    pub detection: String,
    pub response: String,
    pub context: String,
    pub phases: PhasedRating,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RiskKind {
    /// A threat against an asset.
    Threat,
    /// A risk that comes with a sourcing choice.
    Sourcing,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Risk {
    pub id: String,
    pub kind: RiskKind,
    /// The threat or sourcing risk, by key (`ransomware`, `provider_compromise`).
    pub key: String,
    pub threat_label: String,
    pub asset: String,
    pub likelihood: u8,
    pub impact: u8,
    pub rating: u8,
    pub band: Band,
    pub factors: Vec<String>,
    /// Per option, every option listed (`applies` says whether it arises).
    pub residual: BTreeMap<SocOption, Residual>,
    /// Numbers of the references recording real cases of this risk.
    pub precedents: Vec<u32>,
}

/// Percentiles of an expected yearly loss.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct LossRange {
    pub p10: f64,
    pub p50: f64,
    pub p90: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OptionLoss {
    /// Expected yearly loss once the option runs as designed.
    pub steady_state: LossRange,
    /// Expected loss in the first year, build or onboarding included.
    pub first_year: LossRange,
    /// Expected yearly loss avoided against the status quo (median).
    pub reduction: f64,
    /// Loss avoided per unit of the option's yearly cost.
    pub reduction_per_cost: f64,
}

/// The FAIR-style expected loss: how often a material breach happens and
/// what it costs, for today's defences and each option.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ExpectedLoss {
    pub currency: String,
    pub breach_probability_pct: f64,
    pub breach_cost: f64,
    /// How far today's team and tools already go toward an in-house
    /// business-hours SOC, 0-1; the status quo reflects it.
    pub capability: f64,
    /// Doing nothing beyond today's team.
    pub status_quo: LossRange,
    pub options: BTreeMap<SocOption, OptionLoss>,
    pub method: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct HeatMap {
    /// `counts[l - 1][i - 1]`: risks with likelihood `l` and impact `i`.
    pub counts: [[u32; 5]; 5],
    pub residual: BTreeMap<SocOption, [[u32; 5]; 5]>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Objective {
    pub id: String,
    pub objective: String,
    pub kpi: String,
    pub target: String,
    pub due_month: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SlaScope {
    /// Clauses for a provider contract.
    Contract,
    /// Targets for an internal service agreement.
    Internal,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SlaItem {
    /// Which agreement the clause belongs in: `provider` (the SOC
    /// provider's contract), `vendors` (the SIEM, EDR and threat
    /// intelligence vendors' contracts) or `internal` (the SOC's internal
    /// service agreement).
    pub agreement: Agreement,
    /// The clause's key in a provider contract, which a quote's
    /// `commitments` name; `null` for other agreements.
    pub key: Option<crate::profile::model::ProviderClause>,
    pub clause: String,
    pub target: String,
    pub severity: Option<String>,
    /// For a measured target: when its clock starts and what stops it.
    pub clock: Option<String>,
    /// Rules that make the clause mandatory for this organisation; empty
    /// for good practice.
    pub mandatory_by: Vec<String>,
    pub why: String,
}

/// One activity of the shared-responsibility table for one option.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RaciRow {
    pub activity: String,
    pub option: SocOption,
    pub responsible: String,
    pub accountable: String,
    pub consulted: String,
    pub informed: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Phase {
    pub phase: String,
    pub start_month: f64,
    pub end_month: f64,
    pub milestones: Vec<String>,
    pub owner: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AssumptionUse {
    pub name: String,
    pub label: String,
    /// The likely value.
    pub value: f64,
    pub low: f64,
    pub high: f64,
    pub unit: String,
    pub rule: String,
    /// How the value was read from its sources, in words.
    pub basis: String,
    /// Numbers of the references it rests on.
    pub sources: Vec<u32>,
    pub overridden: bool,
}

/// A public source the report cites, by number.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Reference {
    pub number: u32,
    pub key: String,
    pub author: String,
    pub title: String,
    pub year: String,
    pub url: String,
}

/// One provider's quote, scored against the organisation's SLA checklist.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Bid {
    pub provider: String,
    pub service: crate::profile::model::QuoteService,
    pub platform: crate::profile::model::ProviderPlatform,
    pub annual_fee: f64,
    pub delivery_country: String,
    pub feasible: bool,
    /// The hard rules and mandatory clauses it fails.
    pub infeasible_because: Vec<String>,
    /// Risk-adjusted cost of its option priced with it (present value at
    /// run-rate, plus the expected loss its service leaves).
    pub risk_adjusted: f64,
    /// The lowest feasible risk-adjusted cost over its own, 0-1.
    pub price_score: f64,
    /// How it covers the provider clauses (mandatory ones count twice), 0-1.
    pub coverage: f64,
    /// Data location against residency, and how its kind of service meets
    /// the needs, 0-1.
    pub fit: f64,
    /// 0.75 coverage + 0.25 fit.
    pub quality: f64,
    /// Price share x price score + the rest x quality.
    pub score: f64,
    /// 1 for the best feasible bid; infeasible bids rank after.
    pub rank: u32,
    /// Its option's value in the options appraisal, had it priced it.
    pub value_in_appraisal: f64,
    pub clauses: Vec<BidClause>,
    /// Clauses to close before contract, mandatory ones first.
    pub gaps: Vec<String>,
}

/// A bid's commitment to one clause of the provider's contract.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BidClause {
    pub key: crate::profile::model::ProviderClause,
    pub clause: String,
    /// Rules that make it mandatory; empty for good practice.
    pub mandatory_by: Vec<String>,
    pub commitment: crate::profile::model::Commitment,
    /// The bidder's figure, where the clause has one.
    pub figure: Option<f64>,
    /// The organisation's target for that figure.
    pub target: Option<f64>,
}

/// What the bid evaluation concludes.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BidEvaluation {
    /// Share of a bid's score that its price carries.
    pub price_share: f64,
    /// The best feasible bid; `null` when none is feasible.
    pub winner: Option<String>,
    pub runner_up: Option<String>,
    /// The runner-up's annual fee at which it would rank first.
    pub runner_up_switching_fee: Option<f64>,
    pub summary: String,
}
