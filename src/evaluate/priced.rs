//! The options priced: the plan, the quotes compared and the best of each
//! kind applied, then the costs at likely values and, for a full
//! evaluation, under uncertainty. [`quick`] stops at likely values, with
//! the decision: for the tests of the appraisal and of the rules that read
//! likely values.

use super::assumptions::{self, Resolved};
use super::bids;
use super::decision::{self, Decided};
use super::economics::simulate::Seed;
use super::economics::{self, Economics, Sampling};
use crate::profile::Profile;

/// The economics of `profile`, with its quotes evaluated and the best
/// feasible quote of each kind pricing the outsourced and hybrid options;
/// under uncertainty too when `sampling` says so.
pub(crate) fn priced(
    profile: &Profile,
    resolved: Resolved,
    sampling: Sampling,
) -> (Economics, bids::Bids) {
    let likely = economics::likely_values(&resolved);
    let mut plan = economics::plan::plan(profile, &resolved, &likely);
    let mut flat = economics::plan::run_rate(profile, &resolved, &likely);
    if bids::quotes(profile).is_empty() {
        let e = Economics::of(profile, resolved, likely, (plan, flat), sampling);
        return (e, bids::Bids::default());
    }
    // The quotes are compared at likely values, before the simulation.
    let base = Economics::of(
        profile,
        resolved.clone(),
        likely,
        (plan.clone(), flat.clone()),
        Sampling::likely_only(sampling.seed),
    );
    let bids = bids::evaluate(profile, &base);
    for p in [&mut plan, &mut flat] {
        bids.winners.apply(p);
    }
    let e = Economics::of(profile, resolved, likely, (plan, flat), sampling);
    (e, bids)
}

/// The economics and the decision at likely values, without the cost
/// simulation: for probes that change the profile itself, and for property
/// tests of the appraisal.
pub struct Quick {
    pub economics: Economics,
    pub decided: Decided,
}

pub fn quick(profile: &Profile) -> Quick {
    let resolved = assumptions::resolve(profile);
    let sampling = Sampling::likely_only(Seed::of(&profile.id));
    let (economics, _) = priced(profile, resolved, sampling);
    let decided = decision::decide(profile, &economics);
    Quick { economics, decided }
}
