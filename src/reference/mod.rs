//! Reference data: the sourced facts and defaults the tool relies on.
//!
//! Leaf modules with no logic beyond lookups, each citing where its figures
//! come from (`../shared/research/domain-facts.md`). The profile loader uses
//! them for validation and defaults; the evaluation uses them for the model.

pub mod assumptions;
pub mod countries;
pub mod currencies;
pub mod frameworks;
pub mod threats;
