//! The closed vocabularies of the domain: industries, threats, frameworks,
//! tools, coverage, considerations and the other enumerations a profile may
//! name.
//!
//! A leaf module: the profile format, the reference data and the evaluation
//! all speak these words, and none of them owns them. Each vocabulary is
//! declared with [`vocabulary!`]: every variant has its profile key
//! (`snake_case`, as users write it) and a label for people.

use serde::Serialize;
use std::fmt;

/// A closed vocabulary, seen generically: the loader reads a key's stated
/// default through this.
pub trait Keyed: Copy + 'static {
    const ALL: &'static [Self];
    fn from_key(key: &str) -> Option<Self>;
}

/// Declare a closed vocabulary: variants, their profile keys and labels.
macro_rules! vocabulary {
    ($(#[$meta:meta])* $name:ident { $($variant:ident = $key:literal, $label:literal;)+ }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum $name { $($variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];
            pub const KEYS: &'static [&'static str] = &[$($key),+];

            /// The key as written in a profile.
            pub fn key(self) -> &'static str {
                match self { $($name::$variant => $key),+ }
            }

            /// The name people read in a report.
            pub fn label(self) -> &'static str {
                match self { $($name::$variant => $label),+ }
            }

            pub fn from_key(key: &str) -> Option<$name> {
                match key { $($key => Some($name::$variant),)+ _ => None }
            }
        }

        impl Keyed for $name {
            const ALL: &'static [Self] = $name::ALL;

            fn from_key(key: &str) -> Option<Self> {
                $name::from_key(key)
            }
        }

        impl Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.key())
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.label())
            }
        }
    };
}

vocabulary! {
    Industry {
        Finance = "finance", "Financial services";
        Insurance = "insurance", "Insurance";
        Healthcare = "healthcare", "Healthcare";
        Retail = "retail", "Retail";
        Ecommerce = "ecommerce", "E-commerce";
        Manufacturing = "manufacturing", "Manufacturing";
        Energy = "energy", "Energy";
        Utilities = "utilities", "Utilities";
        Government = "government", "Government";
        Defence = "defence", "Defence";
        Education = "education", "Education";
        Technology = "technology", "Technology";
        Telecom = "telecom", "Telecommunications";
        Transport = "transport", "Transport";
        Legal = "legal", "Legal services";
        Media = "media", "Media";
        Nonprofit = "nonprofit", "Non-profit";
        Other = "other", "Other";
    }
}

impl Industry {
    /// Sectors whose regulators expect continuous monitoring and scrutinise
    /// outsourcing (financial, health, critical infrastructure, public).
    pub fn is_regulated(self) -> bool {
        matches!(
            self,
            Industry::Finance
                | Industry::Insurance
                | Industry::Healthcare
                | Industry::Energy
                | Industry::Utilities
                | Industry::Government
                | Industry::Defence
                | Industry::Telecom
        )
    }

    /// Employers whose benefit costs follow the public-sector pattern.
    pub fn is_public_sector(self) -> bool {
        matches!(self, Industry::Government | Industry::Defence)
    }
}

vocabulary! {
    AssetKind {
        Application = "application", "Application";
        DataStore = "data_store", "Data store";
        Infrastructure = "infrastructure", "Infrastructure";
        OtSystem = "ot_system", "OT system";
        CloudService = "cloud_service", "Cloud service";
        Identity = "identity", "Identity system";
    }
}

vocabulary! {
    Criticality {
        Low = "low", "Low";
        Medium = "medium", "Medium";
        High = "high", "High";
        Critical = "critical", "Critical";
    }
}

vocabulary! {
    DataClass {
        Pii = "pii", "Personal data";
        Phi = "phi", "Health data";
        Financial = "financial", "Financial data";
        PaymentCard = "payment_card", "Payment card data";
        IntellectualProperty = "intellectual_property", "Intellectual property";
        Classified = "classified", "Classified information";
        Credentials = "credentials", "Credentials";
    }
}

vocabulary! {
    Tool {
        Siem = "siem", "SIEM";
        Edr = "edr", "EDR";
        Soar = "soar", "SOAR";
        Tip = "tip", "Threat intelligence platform";
        Ndr = "ndr", "NDR";
        VulnScanner = "vuln_scanner", "Vulnerability scanner";
    }
}

vocabulary! {
    /// What happens to tools the organisation owns when a provider brings
    /// its own platform.
    OwnedTools {
        Decommission = "decommission", "Decommissioned after the transition";
        Keep = "keep", "Kept and paid for";
    }
}

vocabulary! {
    /// How a provider's price is built.
    ProviderPlatform {
        Bundled = "bundled", "Bundled platform (the provider's SIEM and EDR included)";
        OwnTools = "own_tools", "Service only, in the organisation's own tools";
    }
}

vocabulary! {
    /// Where a provider delivers from, for its prices.
    ProviderMarket {
        Domestic = "domestic", "A provider in the headquarters country";
        Global = "global", "A global provider, priced in its U.S. home market";
    }
}

vocabulary! {
    /// How the organisation must buy a service.
    Procurement {
        Private = "private", "Private purchase";
        PublicTender = "public_tender", "Public tender (open or restricted procedure)";
        PublicFramework = "public_framework", "Public framework or cooperative contract";
    }
}

vocabulary! {
    HiringMarket {
        Easy = "easy", "Easy";
        Normal = "normal", "Normal";
        Tight = "tight", "Tight";
    }
}

vocabulary! {
    Residency {
        None = "none", "No requirement";
        Preferred = "preferred", "Preferred";
        Required = "required", "Required";
    }
}

vocabulary! {
    Sharing {
        Allowed = "allowed", "Allowed";
        Restricted = "restricted", "Restricted";
        Prohibited = "prohibited", "Prohibited";
    }
}

vocabulary! {
    /// Low / medium / high, for risk tolerance and requirement levels.
    Level {
        Low = "low", "Low";
        Medium = "medium", "Medium";
        High = "high", "High";
    }
}

vocabulary! {
    Threat {
        Ransomware = "ransomware", "Ransomware";
        NationState = "nation_state", "Nation-state espionage";
        Cybercrime = "cybercrime", "Financially motivated intrusion";
        Insider = "insider", "Insider misuse";
        Fraud = "fraud", "Fraud";
        Hacktivism = "hacktivism", "Hacktivism";
        SupplyChain = "supply_chain", "Supply-chain compromise";
        Ddos = "ddos", "Denial of service";
        Bec = "bec", "Business email compromise";
    }
}

vocabulary! {
    Coverage {
        TwentyFourSeven = "24x7", "24/7";
        Extended = "extended", "Extended hours (about 12x5 plus on-call)";
        BusinessHours = "business_hours", "Business hours";
    }
}

vocabulary! {
    /// Regulations and standards socsource knows the rules of.
    Framework {
        Gdpr = "gdpr", "GDPR";
        Nis2 = "nis2", "NIS2";
        Dora = "dora", "DORA";
        PciDss = "pci_dss", "PCI DSS";
        Hipaa = "hipaa", "HIPAA";
        Sox = "sox", "SOX";
        Glba = "glba", "GLBA";
        SecCyber = "sec_cyber", "SEC cyber disclosure rules";
        Iso27001 = "iso27001", "ISO/IEC 27001";
        Soc2 = "soc2", "SOC 2";
        NistCsf = "nist_csf", "NIST CSF";
        Cmmc = "cmmc", "CMMC";
        Fedramp = "fedramp", "FedRAMP";
        UkGdpr = "uk_gdpr", "UK GDPR";
        Circia = "circia", "CIRCIA";
        CertIn = "cert_in", "CERT-In Directions";
        Nydfs = "nydfs", "NYDFS Part 500";
    }
}

vocabulary! {
    /// The eight considerations of the decision model.
    Consideration {
        Budget = "budget", "Value for money and affordability";
        Compliance = "compliance", "Compliance and data privacy";
        Risk = "risk", "Risk tolerance and threat landscape";
        Control = "control", "Operational control and flexibility";
        TimeToImplement = "time_to_implement", "Time to implement";
        Scalability = "scalability", "Scalability and future growth";
        Coverage = "coverage", "24/7 operations";
        Talent = "talent", "Talent availability";
    }
}

impl Consideration {
    /// The considerations besides money, which rate each option.
    pub const NEEDS: [Consideration; 7] = [
        Consideration::Compliance,
        Consideration::Risk,
        Consideration::Control,
        Consideration::TimeToImplement,
        Consideration::Scalability,
        Consideration::Coverage,
        Consideration::Talent,
    ];
}

vocabulary! {
    /// What a bidder offers: the whole SOC service, or co-management.
    QuoteService {
        Outsourced = "outsourced", "Outsourced SOC (MSSP/MDR)";
        Hybrid = "hybrid", "Co-managed (hybrid) SOC";
    }
}

vocabulary! {
    /// What a bidder commits to for one clause of the SLA checklist.
    Commitment {
        Met = "met", "Met";
        Partly = "partly", "Partly met";
        NotOffered = "not_offered", "Not offered";
        NotStated = "not_stated", "Not stated";
    }
}

vocabulary! {
    /// The clauses of a provider contract in the SLA checklist, by a key a
    /// bid can name. Labels are the checklist's clause names.
    ProviderClause {
        P1Response = "p1_response", "Critical incident (P1) response";
        P2Response = "p2_response", "High-severity incident (P2) response";
        P3Response = "p3_response", "Medium-severity incident (P3) response";
        P4Response = "p4_response", "Low-severity incident (P4) response";
        MetricDefinitions = "metric_definitions", "How each metric is measured";
        Reporting = "reporting", "Reporting cadence";
        EscalationMatrix = "escalation_matrix", "Escalation matrix";
        ResponseAuthority = "response_authority", "Response authority";
        IngestionLatency = "ingestion_latency", "Log ingestion latency";
        LogSourceHealth = "log_source_health", "Log-source health";
        DetectionTurnaround = "detection_turnaround", "Detection content turnaround";
        ThreatHunting = "threat_hunting", "Threat hunting";
        Availability = "availability", "Platform availability";
        BreachNotification = "breach_notification", "Breach notification to the organisation";
        DataLocation = "data_location", "Where data and analysts are";
        DataSharingLimits = "data_sharing_limits", "Data sharing limits";
        Encryption = "encryption", "Encryption and provider access";
        Retention = "retention", "Retention, return and deletion at exit";
        RightToAudit = "right_to_audit", "Right to audit";
        Subprocessors = "subprocessors", "Sub-processors";
        StaffVetting = "staff_vetting", "Staff vetting and training";
        ServiceCredits = "service_credits", "Service credits";
        Liability = "liability", "Liability and insurance";
        PriceEscalators = "price_escalators", "Price escalators and estate true-up";
        ContentOwnership = "content_ownership", "Ownership of detection content, runbooks and logs";
        LicencesAtExit = "licences_at_exit", "Licences at exit";
        ExitAssistance = "exit_assistance", "Exit plan and transition assistance";
        TerminationRights = "termination_rights", "Step-in and termination rights";
        BusinessContinuity = "business_continuity", "The provider’s business continuity";
        IncidentAssistance = "incident_assistance", "Incident assistance";
        RegisterOfInformation = "register_of_information", "Register of information";
        ProcessorTerms = "processor_terms", "Processor terms";
        BusinessAssociateAgreement = "business_associate_agreement", "Business associate agreement";
        PciResponsibilityMatrix = "pci_responsibility_matrix", "PCI DSS responsibility matrix";
    }
}

impl ProviderClause {
    /// The clause a checklist item of the provider's contract is, by its
    /// name.
    pub fn of_clause(name: &str) -> Option<ProviderClause> {
        ProviderClause::ALL
            .iter()
            .copied()
            .find(|c| c.label() == name)
    }
}
