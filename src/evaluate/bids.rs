//! The bid evaluation: real quotes compared against the SLA the
//! organisation needs, the way public buyers score tenders.
//!
//! Each quote (the profile's `quotes`, and a single `mssp_quote` as one
//! more) is priced like for like: the outsourced or hybrid option re-priced
//! with the quote, so it carries the same retained function or internal
//! team, transition, onboarding and exit costs as the model's option. Its
//! risk-adjusted cost (present value at run-rate, plus the expected loss
//! its service leaves) gives the price score: the lowest feasible bid
//! scores full marks, the others in proportion (lowest / own). Its quality
//! is how it covers the provider clauses of the SLA checklist (met 1, partly
//! a half, not offered or not stated nothing; a mandatory clause counts
//! twice) and its fit (data location against the residency rule, and how
//! its kind of service meets the organisation's needs). The bid score is
//! the price share times the price score plus the rest times the quality.
//!
//! A bid is infeasible when it does not offer a clause the organisation's
//! rules make mandatory (a figure far below the target counts as not
//! offered), or when the hard rules rule its service out. The best feasible
//! bid of each kind prices the outsourced and hybrid options of the
//! appraisal, and the report says so.

use super::assessment::{Bid, BidClause, BidEvaluation, SocOption};
use super::decision::{self, Decided};
use super::economics::facts::CostFacts;
use super::economics::plan::{Plan, QuotePlan};
use super::economics::{index, price, Economics};
use super::messages::{say, Message};
use super::values::{round_to, Values, A};
use super::{needs, sla};
use crate::numbers::{and_list, money_short, percent};
use crate::profile::model::{
    Commitment, ProviderClause, ProviderPlatform, Quote, QuoteService, Residency,
};
use crate::profile::Profile;
use crate::reference::countries::is_eu_member;

/// The quotes that price the appraisal's provider options.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(crate) struct Winners {
    pub outsourced: Option<QuotePlan>,
    pub hybrid: Option<QuotePlan>,
}

impl Winners {
    /// Price `plan`'s provider options with the winning quotes.
    pub(crate) fn apply(&self, plan: &mut Plan) {
        if let Some(q) = self.outsourced {
            plan.quote = Some(q);
            plan.platform = q.platform;
        }
        if let Some(q) = self.hybrid {
            plan.hybrid_quote = Some(q);
        }
    }
}

/// The bid evaluation, and the winners it picks.
#[derive(Debug, Clone, Default)]
pub(crate) struct Bids {
    pub bids: Vec<Bid>,
    pub winners: Winners,
    /// The run-rate cost of each bid's option, in bid order, to value each
    /// bid in the appraisal once the decision is made.
    cost_pv: Vec<f64>,
}

/// The quotes to compare: the profile's, and its single `mssp_quote` as one
/// more (a list of one when it is the only one).
pub(crate) fn quotes(profile: &Profile) -> Vec<Quote> {
    let mut out = profile.quotes.clone();
    if let Some(q) = &profile.mssp_quote {
        let provider = q
            .provider
            .clone()
            .unwrap_or_else(|| Message::TheQuotedProvider.template().to_string());
        if !out
            .iter()
            .any(|o| o.provider.eq_ignore_ascii_case(&provider))
        {
            out.push(Quote {
                provider,
                service: QuoteService::Outsourced,
                platform: q.platform,
                annual_fee: q.annual_fee,
                onboarding_fee: q.onboarding_fee,
                term_years: q.term_years,
                escalator_pct: None,
                delivery_country: profile.organisation.headquarters.clone(),
                commitments: Default::default(),
                figures: Default::default(),
            });
        }
    }
    out
}

fn option_of(service: QuoteService) -> SocOption {
    match service {
        QuoteService::Outsourced => SocOption::Outsourced,
        QuoteService::Hybrid => SocOption::Hybrid,
    }
}

fn plan_of(q: &Quote) -> QuotePlan {
    QuotePlan {
        annual_fee: q.annual_fee,
        onboarding_fee: q.onboarding_fee,
        platform: q.platform,
        escalator_pct: q.escalator_pct,
    }
}

/// A plan with `q` pricing its service, at a fee scaled by `fee_factor`.
fn with_quote(plan: &Plan, q: &Quote, fee_factor: f64) -> Plan {
    let mut plan = plan.clone();
    let mut quoted = plan_of(q);
    quoted.annual_fee *= fee_factor;
    match q.service {
        QuoteService::Outsourced => {
            plan.quote = Some(quoted);
            plan.platform = q.platform;
        }
        QuoteService::Hybrid => plan.hybrid_quote = Some(quoted),
    }
    let term = q.term_years.max(1) as usize;
    plan.term_end_year = (term <= plan.horizon).then_some(term);
    plan
}

/// The plan's facts with a quote pricing its service.
fn priced_with(profile: &Profile, e: &Economics, q: &Quote, fee_factor: f64) -> CostFacts {
    CostFacts::of(
        &price::price(&with_quote(&e.plan, q, fee_factor), &e.likely),
        &price::price(&with_quote(&e.flat, q, fee_factor), &e.likely),
        profile.budget.capex,
    )
}

/// Whether data delivered from `delivery` stays in the jurisdiction of an
/// organisation headquartered in `hq` (an EU member's is the EU).
fn in_jurisdiction(delivery: &str, hq: &str) -> bool {
    delivery == hq || (is_eu_member(hq) && (delivery == "EU" || is_eu_member(delivery)))
}

/// A clause's commitment for a bid: its figure against the target where the
/// clause has one, the data location against the residency rule, else what
/// the bid states. Returns the commitment, the figure and the target.
fn assess(
    clause: ProviderClause,
    q: &Quote,
    profile: &Profile,
    v: &Values,
) -> (Commitment, Option<f64>, Option<f64>) {
    let stated = q
        .commitments
        .get(&clause)
        .copied()
        .unwrap_or(Commitment::NotStated);
    let at_most = |figure: Option<f64>, target: f64, partly: f64| match figure {
        Some(x) if x <= target => (Commitment::Met, Some(x), Some(target)),
        Some(x) if x <= partly => (Commitment::Partly, Some(x), Some(target)),
        Some(x) => (Commitment::NotOffered, Some(x), Some(target)),
        None => (stated, None, Some(target)),
    };
    let at_least = |figure: Option<f64>, target: f64| match figure {
        Some(x) if x >= target => (Commitment::Met, Some(x), Some(target)),
        Some(x) if x >= target / 2.0 && x > 0.0 => (Commitment::Partly, Some(x), Some(target)),
        Some(x) => (Commitment::NotOffered, Some(x), Some(target)),
        None => (stated, None, Some(target)),
    };
    let f = &q.figures;
    match clause {
        ProviderClause::P1Response => at_most(f.p1_acknowledge_minutes, 15.0, 30.0),
        ProviderClause::P2Response => at_most(f.p2_acknowledge_minutes, 30.0, 60.0),
        ProviderClause::BreachNotification => {
            let clock = profile.compliance.notification_hours.unwrap_or(72.0);
            at_most(f.breach_notification_hours, 1.0, (clock / 2.0).max(1.0))
        }
        ProviderClause::Retention => at_least(f.retention_days, v[A::RetentionDays]),
        ProviderClause::ExitAssistance => {
            at_least(f.exit_assistance_months, v[A::ExitTransitionMonths])
        }
        ProviderClause::ServiceCredits => match f.service_credit_pct {
            Some(x) if x >= 5.0 => (Commitment::Met, Some(x), Some(5.0)),
            Some(x) if x > 0.0 => (Commitment::Partly, Some(x), Some(5.0)),
            Some(x) => (Commitment::NotOffered, Some(x), Some(5.0)),
            None => (stated, None, Some(5.0)),
        },
        ProviderClause::DataLocation => {
            let inside = in_jurisdiction(&q.delivery_country, &profile.organisation.headquarters);
            let c = match (profile.compliance.data_residency, inside) {
                (_, true) | (Residency::None, false) => Commitment::Met,
                (Residency::Preferred, false) => Commitment::Partly,
                (Residency::Required, false) => Commitment::NotOffered,
            };
            (c, None, None)
        }
        _ => (stated, None, None),
    }
}

fn points(c: Commitment) -> f64 {
    match c {
        Commitment::Met => 1.0,
        Commitment::Partly => 0.5,
        Commitment::NotOffered | Commitment::NotStated => 0.0,
    }
}

/// Evaluate every quote of `profile` against the economics `e` (priced
/// without the quotes' winners).
pub(crate) fn evaluate(profile: &Profile, e: &Economics) -> Bids {
    let quotes = quotes(profile);
    if quotes.is_empty() {
        return Bids::default();
    }
    let v = &e.likely;
    let checklist: Vec<_> = sla::checklist(profile, SocOption::Outsourced, v)
        .into_iter()
        .filter(|i| i.key.is_some())
        .collect();
    let ratings = needs::rate_all(profile, v, e.plan.in_house[0].total());
    let shares = profile.need_shares();
    let need_score = |o: SocOption| -> f64 {
        let total: f64 = shares.iter().sum();
        let sum: f64 = ratings
            .iter()
            .zip(shares)
            .map(|(n, w)| n.ratings[index(o)] * w)
            .sum();
        if total > 0.0 {
            sum / total / 4.0
        } else {
            1.0
        }
    };
    let (_, loss_pv) = decision::losses(profile, e);
    let ruled_out: Vec<_> = decision::infeasible(profile);
    let mut bids = Vec::new();
    let mut cost_pv = Vec::new();
    for q in &quotes {
        let option = option_of(q.service);
        let facts = priced_with(profile, e, q, 1.0);
        let cost = facts.run_rate_pv[index(option)];
        let clauses: Vec<BidClause> = checklist
            .iter()
            .filter_map(|item| {
                let key = item.key?;
                let (commitment, figure, target) = assess(key, q, profile, v);
                Some(BidClause {
                    key,
                    clause: item.clause.clone(),
                    mandatory_by: item.mandatory_by.clone(),
                    commitment,
                    figure,
                    target,
                })
            })
            .collect();
        let weight = |c: &BidClause| if c.mandatory_by.is_empty() { 1.0 } else { 2.0 };
        let total: f64 = clauses.iter().map(weight).sum();
        let coverage = if total > 0.0 {
            clauses
                .iter()
                .map(|c| weight(c) * points(c.commitment))
                .sum::<f64>()
                / total
        } else {
            1.0
        };
        let location = clauses
            .iter()
            .find(|c| c.key == ProviderClause::DataLocation)
            .map_or(1.0, |c| points(c.commitment));
        let fit = 0.5 * location + 0.5 * need_score(option);
        let mut because: Vec<String> = ruled_out
            .iter()
            .filter(|r| r.option == option)
            .map(|r| match r.kind {
                super::assessment::ConstraintKind::Classified => {
                    Message::ClassifiedNeedsClearedProvider
                        .template()
                        .to_string()
                }
                _ => Message::SecurityDataSharingProhibited
                    .template()
                    .to_string(),
            })
            .collect();
        because.extend(
            clauses
                .iter()
                .filter(|c| !c.mandatory_by.is_empty() && c.commitment == Commitment::NotOffered)
                .map(|c| {
                    say(
                        Message::ClauseNotOffered,
                        &[
                            ("clause", &c.clause.to_lowercase()),
                            ("rules", &and_list(&c.mandatory_by)),
                        ],
                    )
                }),
        );
        let mut gaps: Vec<&BidClause> = clauses
            .iter()
            .filter(|c| c.commitment != Commitment::Met)
            .collect();
        gaps.sort_by_key(|c| c.mandatory_by.is_empty());
        let gaps = gaps
            .iter()
            .map(|c| {
                format!(
                    "{}{}: {}",
                    c.clause,
                    if c.mandatory_by.is_empty() {
                        String::new()
                    } else {
                        format!(" (mandatory: {})", c.mandatory_by.join("; "))
                    },
                    c.commitment.label().to_lowercase()
                )
            })
            .collect();
        bids.push(Bid {
            provider: q.provider.clone(),
            service: q.service,
            platform: q.platform,
            annual_fee: q.annual_fee,
            delivery_country: q.delivery_country.clone(),
            feasible: because.is_empty(),
            infeasible_because: because,
            risk_adjusted: (cost + loss_pv[index(option)]).round(),
            price_score: 0.0,
            coverage: round_to(coverage, 1e3),
            fit: round_to(fit, 1e3),
            quality: round_to(0.75 * coverage + 0.25 * fit, 1e3),
            score: 0.0,
            rank: 0,
            value_in_appraisal: 0.0,
            clauses,
            gaps,
        });
        cost_pv.push(cost);
    }
    score(&mut bids, profile.decision.bid_price_share / 100.0);
    let best = |service: QuoteService| {
        bids.iter()
            .enumerate()
            .filter(|(_, b)| b.feasible && b.service == service)
            .min_by_key(|(_, b)| b.rank)
            .map(|(i, _)| plan_of(&quotes[i]))
    };
    let winners = Winners {
        outsourced: best(QuoteService::Outsourced),
        hybrid: best(QuoteService::Hybrid),
    };
    Bids {
        bids,
        winners,
        cost_pv,
    }
}

/// Price scores (lowest feasible risk-adjusted cost over each bid's), bid
/// scores and ranks: feasible bids first, by score.
fn score(bids: &mut [Bid], price_share: f64) {
    let lowest = bids
        .iter()
        .filter(|b| b.feasible)
        .map(|b| b.risk_adjusted)
        .fold(f64::INFINITY, f64::min);
    for b in bids.iter_mut() {
        b.price_score = if lowest.is_finite() && b.risk_adjusted > 0.0 {
            round_to((lowest / b.risk_adjusted).min(1.0), 1e3)
        } else {
            1.0
        };
        b.score = round_to(
            price_share * b.price_score + (1.0 - price_share) * b.quality,
            1e3,
        );
    }
    let mut order: Vec<usize> = (0..bids.len()).collect();
    order.sort_by(|i, j| {
        bids[*j]
            .feasible
            .cmp(&bids[*i].feasible)
            .then(bids[*j].score.total_cmp(&bids[*i].score))
            .then(bids[*i].risk_adjusted.total_cmp(&bids[*j].risk_adjusted))
    });
    for (rank, i) in order.into_iter().enumerate() {
        bids[i].rank = rank as u32 + 1;
    }
}

impl Bids {
    /// The winning bid of each kind, by provider, for the cost notes.
    pub(crate) fn quoted(&self) -> Vec<(SocOption, String)> {
        let mut out = Vec::new();
        for service in [QuoteService::Outsourced, QuoteService::Hybrid] {
            if let Some(b) = self
                .bids
                .iter()
                .filter(|b| b.feasible && b.service == service)
                .min_by_key(|b| b.rank)
            {
                out.push((option_of(service), b.provider.clone()));
            }
        }
        out
    }

    /// Each bid's value in the options appraisal, had it priced its option,
    /// and the summary with the runner-up's switching price.
    pub(crate) fn finish(
        &mut self,
        profile: &Profile,
        e: &Economics,
        d: &Decided,
    ) -> Option<BidEvaluation> {
        if self.bids.is_empty() {
            return None;
        }
        for (b, cost) in self.bids.iter_mut().zip(&self.cost_pv) {
            let o = index(option_of(b.service));
            let mut costs = d.valued.cost;
            costs[o] = *cost;
            b.value_in_appraisal = round_to(d.appraiser.value(costs, d.valued.loss).value[o], 1e3);
        }
        let cur = &profile.organisation.currency;
        let share = profile.decision.bid_price_share / 100.0;
        let mut ranked: Vec<&Bid> = self.bids.iter().filter(|b| b.feasible).collect();
        ranked.sort_by_key(|b| b.rank);
        let winner = ranked.first().map(|b| b.provider.clone());
        let runner = ranked.get(1).map(|b| b.provider.clone());
        let switch = match (&winner, &runner) {
            (Some(w), Some(r)) => self.switching_fee(profile, e, w, r, share),
            _ => None,
        };
        let mut summary = match ranked.first() {
            Some(w) => say(
                Message::BidRanksFirst,
                &[
                    ("provider", &w.provider),
                    ("quotes", &self.bids.len().to_string()),
                    (
                        "plural",
                        &if self.bids.len() == 1 {
                            String::new()
                        } else {
                            say(Message::PluralS, &[])
                        },
                    ),
                    ("feasible", &ranked.len().to_string()),
                    ("score", &crate::numbers::fixed(w.score, 3)),
                    ("share", &percent(share)),
                ],
            ),
            None => say(
                Message::NoQuoteFeasible,
                &[("quotes", &self.bids.len().to_string())],
            ),
        };
        match (&runner, switch) {
            (Some(r), Some((fee, now))) => summary.push_str(&say(
                Message::RunnerUpFirstAt,
                &[
                    ("provider", r),
                    ("fee", &money_short(cur, fee)),
                    ("quoted", &money_short(cur, now)),
                ],
            )),
            (Some(r), None) => {
                summary.push_str(&say(Message::RunnerUpNeverFirst, &[("provider", r)]))
            }
            _ => {}
        }
        Some(BidEvaluation {
            price_share: share,
            winner,
            runner_up: runner,
            runner_up_switching_fee: switch.map(|(fee, _)| fee.round()),
            summary,
        })
    }

    /// The runner-up's annual fee at which it would rank first: its fee
    /// scaled down until its score reaches the winner's, by bisection.
    fn switching_fee(
        &self,
        profile: &Profile,
        e: &Economics,
        winner: &str,
        runner: &str,
        share: f64,
    ) -> Option<(f64, f64)> {
        let quotes = quotes(profile);
        let r = quotes.iter().position(|q| q.provider == runner)?;
        let w = self.bids.iter().position(|b| b.provider == winner)?;
        let (_, loss_pv) = decision::losses(profile, e);
        let rq = &quotes[r];
        let o = index(option_of(rq.service));
        let wins = |k: f64| -> bool {
            let facts = priced_with(profile, e, rq, k);
            let mut bids = self.bids.clone();
            bids[r].risk_adjusted = facts.run_rate_pv[o] + loss_pv[o];
            score(&mut bids, share);
            bids[r].rank < bids[w].rank
        };
        if wins(1.0) || !wins(0.0) {
            return None;
        }
        let (mut lo, mut hi) = (0.0, 1.0);
        for _ in 0..30 {
            let mid = (lo + hi) / 2.0;
            if wins(mid) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        let fee = rq.annual_fee * lo;
        Some((crate::numbers::significant(fee), rq.annual_fee))
    }
}

impl ProviderPlatform {
    /// In words, for the bid table.
    pub fn words(self) -> &'static str {
        match self {
            ProviderPlatform::Bundled => Message::PlatformIncluded.template(),
            ProviderPlatform::OwnTools => Message::ServiceOnly.template(),
        }
    }
}
