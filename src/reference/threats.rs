//! The threats each industry typically faces, used when a profile lists none.
//!
//! Drawn from Verizon DBIR 2023/2024 industry
//! patterns, ENISA Threat Landscape 2024/2025 sector shares, and IBM Cost of a
//! Data Breach 2024 sector costs.

use crate::vocabulary::{Industry, Threat};

pub(crate) fn typical_threats(industry: Industry) -> &'static [Threat] {
    use Threat::*;
    match industry {
        Industry::Finance | Industry::Insurance => &[Cybercrime, Fraud, Ransomware, Bec, Insider],
        Industry::Healthcare => &[Ransomware, Cybercrime, Insider, Bec],
        Industry::Retail | Industry::Ecommerce => &[Cybercrime, Fraud, Ransomware, Bec, Ddos],
        Industry::Manufacturing => &[Ransomware, Cybercrime, SupplyChain, Bec],
        Industry::Energy | Industry::Utilities => {
            &[Ransomware, NationState, Hacktivism, SupplyChain, Ddos]
        }
        Industry::Government => &[Ddos, Hacktivism, Ransomware, NationState],
        Industry::Defence => &[NationState, SupplyChain, Insider, Ransomware],
        Industry::Education => &[Ransomware, Cybercrime, Ddos],
        Industry::Technology => &[Cybercrime, Ransomware, SupplyChain],
        Industry::Telecom => &[NationState, Ddos, Ransomware, SupplyChain],
        Industry::Transport => &[Ransomware, Ddos, Hacktivism, Cybercrime],
        Industry::Legal => &[Ransomware, Bec, Cybercrime, Insider],
        Industry::Media => &[Hacktivism, Ddos, Ransomware, Cybercrime],
        Industry::Nonprofit | Industry::Other => &[Ransomware, Cybercrime, Bec],
    }
}
