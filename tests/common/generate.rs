//! A generator of realistic, varied organisation profiles, for batch tests
//! and the batch benchmark. Deterministic: profile `i` is always the same.

/// xorshift64*, seeded per profile.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }

    pub fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }

    /// Roughly log-uniform between `lo` and `hi`.
    pub fn scale(&mut self, lo: f64, hi: f64) -> u64 {
        let t = self.below(10_000) as f64 / 10_000.0;
        (lo * (hi / lo).powf(t)).round() as u64
    }
}

const INDUSTRIES: &[&str] = &[
    "finance",
    "insurance",
    "healthcare",
    "retail",
    "ecommerce",
    "manufacturing",
    "energy",
    "utilities",
    "government",
    "defence",
    "education",
    "technology",
    "telecom",
    "transport",
    "legal",
    "media",
    "nonprofit",
    "other",
];
const PLACES: &[(&str, &str, f64)] = &[
    ("US", "USD", 1.0),
    ("GB", "GBP", 0.755),
    ("DE", "EUR", 0.885),
    ("FR", "EUR", 0.885),
    ("NL", "EUR", 0.885),
    ("GR", "EUR", 0.885),
    ("IN", "INR", 87.0),
    ("JP", "JPY", 150.0),
    ("CA", "CAD", 1.39),
    ("AU", "AUD", 1.55),
    ("RS", "RSD", 101.0),
];
const NAMES: &[&str] = &[
    "Northgate",
    "Aurora",
    "Kestrel",
    "Meridian",
    "Halcyon",
    "Borealis",
    "Cobalt",
    "Lumen",
    "Évora",
    "Zürich Re",
    "Οδυσσέας",
    "Светлост",
    "Tarn",
    "Pinewood",
    "Saffron",
    "Oakridge",
    "Mistral",
    "Vantage",
    "Ålesund",
    "Kraków",
];
const SUFFIXES: &[&str] = &[
    "Ltd",
    "plc",
    "GmbH",
    "S.A.",
    "B.V.",
    "Inc.",
    "Pvt. Ltd.",
    "AG",
    "d.o.o.",
    "Group",
];
const ASSETS: &[(&str, &str, &str)] = &[
    ("Customer portal", "application", "[pii, credentials]"),
    (
        "Payments gateway",
        "application",
        "[payment_card, financial]",
    ),
    ("Data warehouse", "data_store", "[pii, financial]"),
    ("Identity provider", "identity", "[credentials]"),
    ("ERP", "application", "[financial]"),
    ("Plant control network", "ot_system", "[]"),
    ("Cloud tenant", "cloud_service", "[pii]"),
    (
        "Research file share",
        "data_store",
        "[intellectual_property]",
    ),
    ("Patient records", "application", "[phi, pii]"),
];
const TOOLS: &[&str] = &["siem", "edr", "soar", "tip", "ndr", "vuln_scanner"];
const FRAMEWORKS: &[&str] = &[
    "gdpr", "nis2", "dora", "pci_dss", "hipaa", "sox", "iso27001", "soc2", "nist_csf",
];
const THREATS: &[&str] = &[
    "ransomware",
    "nation_state",
    "cybercrime",
    "insider",
    "fraud",
    "hacktivism",
    "supply_chain",
    "ddos",
    "bec",
];
const LEVELS: &[&str] = &["low", "medium", "high"];

/// The YAML of profile number `i`.
pub fn profile(i: u64) -> String {
    let mut r = Rng::new(i + 1);
    let industry = r.pick(INDUSTRIES);
    let (hq, currency, fx) = *r.pick(PLACES);
    let employees = r.scale(40.0, 60_000.0);
    let endpoints = (employees as f64 * (0.8 + r.below(60) as f64 / 100.0)) as u64;
    let servers = endpoints / (5 + r.below(20));
    let cloud = endpoints / (3 + r.below(30));
    let name = format!(
        "{} {} {}",
        r.pick(NAMES),
        r.pick(&[
            "Holdings",
            "Health",
            "Energy",
            "Systems",
            "Retail",
            "Logistics",
            "Bank"
        ]),
        r.pick(SUFFIXES)
    );
    let opex = (endpoints as f64 * (150.0 + r.below(900) as f64) * fx).round();
    let capex = if r.chance(50) {
        (opex * r.below(80) as f64 / 100.0).round()
    } else {
        0.0
    };
    let mut y = String::new();
    y.push_str(&format!(
        "# Generated profile {i}\nversion: 1\nid: org-{i:05}\n"
    ));
    y.push_str(&format!(
        "organisation:\n  name: \"{name}\"\n  industry: {industry}\n  employees: {employees}\n  currency: {currency}\n  headquarters: {hq}\n  annual_growth_pct: {}\n",
        r.below(40) as i64 - 5
    ));
    y.push_str(&format!("environment:\n  endpoints: {endpoints}\n  servers: {servers}\n  cloud_workloads: {cloud}\n"));
    if r.chance(30) {
        y.push_str(&format!("  daily_log_volume_gb: {}\n", 5 + r.below(800)));
    }
    if r.chance(20) {
        y.push_str("  ot_ics: true\n");
    }
    let assets = r.below(6);
    if assets > 0 {
        y.push_str("  critical_assets:\n");
        for a in 0..assets {
            let (asset, kind, data) = ASSETS[((i + a) % ASSETS.len() as u64) as usize];
            y.push_str(&format!(
                "    - name: {asset} {a}\n      kind: {kind}\n      criticality: {}\n      data: {data}\n      internet_facing: {}\n",
                r.pick(&["medium", "high", "critical"]),
                r.chance(40)
            ));
        }
    }
    let tools: Vec<&str> = TOOLS.iter().copied().filter(|_| r.chance(35)).collect();
    y.push_str(&format!(
        "security_team:\n  analysts: {}\n  engineers: {}\n  incident_responders: {}\n  tools: [{}]\n  maturity: {}\n  hiring_market: {}\n",
        r.below(8),
        r.below(4),
        r.below(3),
        tools.join(", "),
        r.below(5),
        r.pick(&["easy", "normal", "tight", "tight"])
    ));
    y.push_str(&format!(
        "budget:\n  annual_opex: {opex}\n  capex: {capex}\n  horizon_years: {}\n",
        3 + r.below(5)
    ));
    let frameworks: Vec<&str> = FRAMEWORKS
        .iter()
        .copied()
        .filter(|_| r.chance(20))
        .collect();
    y.push_str(&format!(
        "compliance:\n  frameworks: [{}]\n  data_residency: {}\n  third_party_data_sharing: {}\n",
        frameworks.join(", "),
        r.pick(&["none", "none", "preferred", "required"]),
        r.pick(&["allowed", "allowed", "restricted", "prohibited"])
    ));
    y.push_str(&format!(
        "risk:\n  tolerance: {}\n  targeted_by_apt: {}\n  incidents_last_24_months: {}\n",
        r.pick(LEVELS),
        r.chance(15),
        r.below(4)
    ));
    if r.chance(50) {
        let threats: Vec<&str> = THREATS.iter().copied().filter(|_| r.chance(35)).collect();
        if !threats.is_empty() {
            y.push_str(&format!("  threats: [{}]\n", threats.join(", ")));
        }
    }
    y.push_str(&format!(
        "requirements:\n  coverage: {}\n  go_live_months: {}\n  control: {}\n  integration: {}\n  scalability: {}\n",
        r.pick(&["24x7", "24x7", "extended", "business_hours"]),
        2 + r.below(22),
        r.pick(LEVELS),
        r.pick(LEVELS),
        r.pick(LEVELS)
    ));
    if r.chance(25) {
        let money = 25 + 10 * r.below(3);
        y.push_str(&format!(
            "weights:\n  risk: {}\ndecision:\n  money_share: {money}\n",
            1 + r.below(3)
        ));
    }
    if currency == "RSD" {
        y.push_str("assumptions:\n  fx_usd_rate: 101\n");
    }
    if r.chance(20) {
        y.push_str(&format!(
            "mssp_quote:\n  annual_fee: {}\n  onboarding_fee: {}\n  provider: Example MDR {i}\n",
            (endpoints as f64 * 360.0 * fx).round(),
            (endpoints as f64 * 20.0 * fx).round()
        ));
    }
    y.push_str("report:\n  prepared_by: Example Advisory\n  date: 2026-11-02\n");
    y
}

/// Write profiles `0..n` into `dir`.
pub fn write_profiles(dir: &std::path::Path, n: u64) {
    std::fs::create_dir_all(dir).expect("create folder");
    for i in 0..n {
        std::fs::write(dir.join(format!("org-{i:05}.yaml")), profile(i)).expect("write profile");
    }
}
