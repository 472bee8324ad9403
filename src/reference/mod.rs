//! Reference data: the sourced facts and defaults the tool relies on.
//!
//! Data with no logic beyond lookups, each row citing its public sources
//! ([`sources`]). It depends only on the domain's vocabularies: the profile
//! loader reads it for validation and defaults, the evaluation for the
//! model's inputs; the rules that turn it into numbers live in `evaluate`.

pub mod assumptions;
pub(crate) mod breach;
pub mod countries;
pub mod currencies;
pub mod frameworks;
pub(crate) mod labour;
pub mod sources;
pub(crate) mod threats;
