//! The public sources every default and every cited fact comes from.
//!
//! One row per source: who published it, its title, the year, and where a
//! reader can find it. Assumptions, risks and contract clauses cite sources
//! by key; a report lists the ones it cites, numbered, in its References.
//! A key cited anywhere must exist here (a unit test walks every citation).

/// One public source.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Source {
    pub key: &'static str,
    /// Organisation or author.
    pub author: &'static str,
    pub title: &'static str,
    pub year: &'static str,
    pub url: &'static str,
}

const fn s(
    key: &'static str,
    author: &'static str,
    title: &'static str,
    year: &'static str,
    url: &'static str,
) -> Source {
    Source {
        key,
        author,
        title,
        year,
        url,
    }
}

/// Look a source up by key.
pub fn source(key: &str) -> Option<&'static Source> {
    SOURCES.iter().find(|s| s.key == key)
}

pub const SOURCES: &[Source] = &[
    // Staffing and salaries.
    s("bls-ooh", "U.S. Bureau of Labor Statistics", "Occupational Outlook Handbook: Information Security Analysts (median pay, May 2024)", "2025", "https://www.bls.gov/ooh/computer-and-information-technology/information-security-analysts.htm"),
    s("bls-oews-2019", "U.S. Bureau of Labor Statistics", "Occupational Employment and Wages, May 2019: 15-1212 Information Security Analysts", "2020", "https://www.bls.gov/oes/2019/may/oes151212.htm"),
    s("bls-ecec", "U.S. Bureau of Labor Statistics", "Employer Costs for Employee Compensation, Table 1", "2026", "https://www.bls.gov/news.release/ecec.t01.htm"),
    s("bls-ecec-2018", "U.S. Bureau of Labor Statistics", "Employer Costs for Employee Compensation, September 2018", "2018", "https://www.bls.gov/news.release/archives/ecec_12142018.htm"),
    s("itjobswatch", "ITJobsWatch", "Security Operations: UK permanent job salaries, six months to March 2026", "2026", "https://www.itjobswatch.co.uk/jobs/uk/security%20operations.do"),
    s("rehman-2019", "Rafeeq Rehman", "Estimating SOC Budget", "2019", "http://rafeeqrehman.com/2019/01/12/estimating-soc-budget/"),
    s("cda-soc", "Cyber Defense Academy wiki", "Security Operations Center (SOC) design", "2025", "https://wiki.cda.security/concepts/security-operations-center-soc-design"),
    s("ponemon-devo-2020", "Cybersecurity Dive (Ponemon Institute and Devo SOC survey)", "Security operations centers struggle to hire and keep analysts", "2021", "https://cybersecuritydive.com/news/security-operation-centers-hiring-analyst-salary-ponemon/593305"),
    s("sans-2019", "DFLabs (SANS 2019 SOC Survey)", "SecOps: the good, the bad and the automated, SANS 2019 SOC survey", "2019", "https://www.dflabs.com/blog/secops-the-good-the-bad-and-the-automated-sans-2019-soc-survey/"),
    s("isaca-2025", "SC World (ISACA State of Cybersecurity 2025)", "Survey finds persistent cybersecurity workforce shortages", "2025", "https://www.scworld.com/brief/survey-finds-persistent-cybersecurity-workforce-shortages"),
    s("prophet-2025", "Prophet Security (J. Hencinski)", "SOC capacity modeling: how many alerts can your team really handle?", "2025", "https://www.prophetsecurity.ai/blog/soc-capacity-modeling-how-many-alerts-can-your-team-really-handle"),
    s("opencsoc-roadmap", "OpenCSOC", "Building a SOC: comprehensive implementation roadmap for 2026", "2026", "https://opencsoc.com/building-a-soc-comprehensive-implementation-roadmap-for-2026/"),
    s("opencsoc-scratch", "OpenCSOC", "Building a SOC from scratch: a step-by-step implementation", "2026", "https://opencsoc.com/building-a-soc-from-scratch-a-step-by-step-implementation/"),
    s("cp-2019", "Compensation Partner", "IT-Security Gehälter (IT security salaries in Germany)", "2019", "https://www.compensation-partner.de/de/news-und-presse/it-security-gehaelter"),
    s("wtw-2018", "The Register (Willis Towers Watson European cyber pay survey)", "European cyber security pay survey", "2018", "https://www.theregister.co.uk/2018/03/16/european_cyber_security_pay_survey/"),
    s("riskitera-2026", "Riskitera", "SOC analyst roles and tiers explained", "2026", "https://blog.riskitera.com/en/posts/2026/04/soc-analyst-roles-tiers-explained/"),
    s("experis-pl", "Payload (Experis salary data)", "Firmy płacą im 50 tys. zł: specjaliści cyberbezpieczeństwa", "2025", "https://spolecznosc.payload.pl/firmy-placa-im-50-tys-zl-by-u-nich-pracowali-specjalisci-sa-na-wage-zlota-33425578.html"),
    s("swissict-2020", "Organisator (swissICT Salärstudie 2020)", "swissICT Salärstudie 2020", "2020", "https://organisator.ch/en/management/it/2020-08-26/swissict-salaerstudie-2020-agile-berufsprofile-nehmen-zu"),
    s("rs-stat-2024", "Serbia Business News (Statistical Office of the Republic of Serbia)", "Average salary in Serbia, August 2024", "2024", "https://serbiabusiness.news/average-salary-in-serbia-declines-by-10-euros-in-august-2024"),
    s("mom-sg-2023", "Mothership (Singapore Ministry of Manpower Occupational Wage Survey)", "Singapore median income increase", "2024", "https://mothership.sg/2024/07/singapore-median-income-increase/"),
    s("talent-au-2024", "Talent (reported by The Australian)", "Cybersecurity salaries rise 35pc as 2024 top tech wages revealed", "2024", "https://www.theaustralian.com.au/business/technology/cybersecurity-salaries-rise-35pc-as-2024-top-tech-wages-revealed/news-story/d140fbccdb13af17998a8dae1150b16c"),
    s("workbc", "WorkBC", "Cybersecurity specialists (NOC 21220)", "2024", "https://www.workbc.ca/career-profiles/cybersecurity-specialists"),
    s("mhlw-jp", "Guardmaga (MHLW job tag figures)", "SOC analyst annual income", "2024", "https://guardmaga.com/career-path/socanalyst.html"),
    s("mp-ae-2021", "The National (Michael Page salary guide 2021)", "UAE salary guide 2021", "2021", "https://www.pressreader.com/uae/the-national-news/20210119/281629602921501"),
    s("ssa-za-2024", "SalarySouthAfrica", "Cybersecurity salary in South Africa", "2024", "https://salarysouthafrica.com/cybersecurity-salary-in-south-africa"),
    s("cyberdefence-in-2026", "Cyber Defence (India)", "SOC analyst career in India 2026: L1, L2, L3 salary roadmap", "2026", "https://cyberdefence.org.in/blog/soc-analyst-career-india-2026-l1-l2-l3-salary-roadmap"),
    s("oecd-avg-wages", "OECD (reported by Visual Capitalist)", "Average annual wages, 2023: Mapped: average wages in OECD countries", "2025", "https://www.oecd.org/en/data/indicators/average-annual-wages.html"),
    s("eurostat-fte-2023", "Eurostat (dataset nama_10_fte, reported by Europe-Data)", "Average annual full-time adjusted salary per employee, 2023", "2024", "https://ec.europa.eu/eurostat/databrowser/view/nama_10_fte/default/table"),
    s("eurostat-lc-2023", "Eurostat (reported by Statistisches Bundesamt)", "Hourly labour costs in the EU, 2023", "2024", "https://ec.europa.eu/eurostat/databrowser/view/lc_lci_lev/default/table"),
    s("wb-gni-2023", "World Bank", "World Development Indicators: GNI per capita, Atlas method (current US$), NY.GNP.PCAP.CD, 2023", "2025", "https://data.worldbank.org/indicator/NY.GNP.PCAP.CD"),
    s("soc-tiers-cjl-2026", "Cybersecurity Jobs List", "SOC analyst career guide 2026: tiers, skills and salaries from job postings", "2026", "https://cybersecurityjobslist.com/blog/soc-analyst-career-guide"),
    s("soc-tiers-careerxray", "CareerXray", "Security Operations Center Analyst: salary by level", "2026", "https://careerxray.com/roles/security-operations-center-analyst"),
    s("bls-eci-2024", "U.S. Bureau of Labor Statistics", "Employment Cost Index, December 2024: compensation up 3.8% in 12 months", "2025", "https://www.bls.gov/news.release/eci.nr0.htm"),
    s("bls-cpi-2024", "U.S. Bureau of Labor Statistics", "Consumer Price Index, December 2024: all items up 2.9% in 12 months", "2025", "https://www.bls.gov/news.release/archives/cpi_01152025.htm"),
    s("cyberseek-2024", "CompTIA, Lightcast and NICE (CyberSeek)", "CyberSeek highlights persistent cybersecurity skills shortage despite hiring stabilization", "2024", "https://comptia.org/newsroom/cyberseek-highlights-persistent-cybersecurity-skills-shortage-despite-hiring-stabilization"),
    s("sans-soc-2025", "SANS Institute (reported by Building SecOps)", "2025 SANS SOC Survey: most SOCs are 2-10 people while 79% run 24/7", "2025", "https://buildingsecops.com/posts/three-soc-paradoxes-to-fix-in-2025"),
    s("eurostat-lc-2024", "OpenStats (Eurostat lc_lci_lev)", "EU hourly labour costs ranged from 11 to 55 euros in 2024", "2025", "https://openstats.eu/en/news/eu-hourly-labour-costs-ranged-from-11-to-55-in-2024-af1d78"),
    s("boundless-2025", "Boundless", "The big 5 European economies ranked by employment costs and employee net pay", "2025", "https://boundlesshq.com/blog/the-big-5-european-economies-ranked-by-employment-costs-and-employee-net-pay/"),
    s("isc2-2022", "Fortune ((ISC)2 Cybersecurity Workforce Study 2022)", "The cybersecurity industry is short 3.4 million workers", "2022", "https://fortune.com/education/articles/the-cybersecurity-industry-is-short-3-4-million-workers-thats-good-news-for-cyber-wages/"),
    // Tools and provider prices.
    s("ogma-splunk-2026", "Ogma", "The complete guide to Splunk licensing in 2026: ingest vs workload pricing", "2026", "https://ogma.in/blog/the-complete-guide-to-splunk-licensing-in-2026-ingest-vs-workload-pricing-explained"),
    s("bestneg-splunk", "Best Negotiation Consulting", "Splunk Enterprise licensing guide", "2026", "https://www.bestnegotiationconsultingfirms.com/blog/splunk-enterprise-licensing-guide.html"),
    s("msneg-sentinel", "Microsoft Negotiations", "Microsoft Sentinel licensing costs", "2026", "https://microsoftnegotiations.com/blog/microsoft-sentinel-licensing-costs.html"),
    s("edrcost-2026", "EDRcost", "EDR pricing models", "2026", "https://edrcost.com/pricing-models"),
    s("crowdstrike-pricing", "CrowdStrike", "Falcon pricing", "2026", "https://www.crowdstrike.com/en-us/pricing/"),
    s("armor-pricing", "Armor", "MDR pricing", "2026", "https://www.armor.com/solutions/pricing"),
    s("armor-srm", "Armor", "MDR shared responsibility model", "2026", "https://kb.armor.com/kb/mdr-shared-responsibility-model"),
    s("armorpoint-gi", "ArmorPoint", "Guided implementation agreement", "2025", "https://ww3.armorpoint.com/legal/guided-implementation"),
    s("armorpoint-xdr", "ArmorPoint", "OpenXDR service agreement (retention)", "2025", "https://ww3.armorpoint.com/legal/openxdr-agreement"),
    s("bitblockit-mdr", "Bitblockit", "EDR vs MDR vs XDR: picking the right endpoint security tier for your SMB", "2025", "https://www.bitblockit.com/en/blog/edr-vs-mdr-vs-xdr-picking-the-right-endpoint-security-tier-for-your-smb"),
    s("ratemysoc", "RateMySOC", "SOC vs MDR comparison", "2026", "https://ratemysoc.com/soc-vs-mdr-comparison"),
    s("opsio-comanaged", "Opsio", "Co-managed IT security services: a complete guide", "2025", "https://opsiocloud.com/no/blogs/co-managed-it-security-services-a-complete-guide"),
    s("tines-pricing", "Tines", "Pricing", "2026", "https://www.tines.com/pricing"),
    s("atlant-ir", "Atlant Security", "Incident response retainer for small businesses", "2026", "https://atlantsecurity.com/blog/incident-response-retainer-small-business"),
    s("petronella-ir", "Petronella Technology Group", "Incident response retainer: why every business needs one before a breach", "2026", "https://petronellatech.com/blog/incident-response-retainer-why-every-business-needs-one-before-breach"),
    s("hacker01-ir", "Hacker01", "Building a long-term retainer agreement", "2024", "https://hacker01.com/building-a-long-term-retainer-agreement/"),
    s("cloud-storage-2026", "Cloud Horizons", "Cold storage compared: AWS, Azure and GCP", "2026", "https://cloud-horizons.com/blog/cold-storage-aws-azure-gcp-compared/"),
    s("tigard-2019", "City of Tigard, Oregon", "Managed SIEM contract summary", "2019", "http://publicrecords.tigard-or.gov/Public/DocView.aspx?dbid=0&id=985354&repo=CityOfTigard"),
    s("tigard-2021", "City of Tigard, Oregon", "Managed SIEM contract, amendment 1", "2021", "http://publicrecords.tigard-or.gov/Public/DocView.aspx?id=994310&dbid=0&repo=CityOfTigard"),
    s("ccua-2022", "Clay County Utility Authority, Florida", "Professional services agreement: 24/7 SIEM monitoring", "2022", "https://lf.clayutility.org/WebLink/DocView.aspx?dbid=0&id=2527&repo=Weblink"),
    s("ccua-2024", "Clay County Utility Authority, Florida", "Professional services agreement renewal: SIEM monitoring", "2024", "https://lf.clayutility.org/WebLink/DocView.aspx?dbid=0&id=4303&repo=Weblink"),
    s("opalocka-2022", "City of Opa-locka, Florida", "Resolution 22-9994: managed detection and response through the GSA schedule", "2022", "https://portal.laserfiche.com/Portal/DocView.aspx?id=16091&repo=r-6c489962"),
    s("ecb-fx", "European Central Bank", "Euro foreign exchange reference rates", "2025", "https://www.ecb.europa.eu/stats/policy_and_exchange_rates/euro_reference_exchange_rates/html/index.en.html"),
    // Models, maturity, adoption.
    s("gartner-soc-2018", "LogRhythm (Gartner, Selecting the Right SOC Model for Your Organization)", "Gartner's guide to choosing a SOC operating model", "2019", "https://logrhythm.com/blog/gartners-guide-choosing-soc-operating-model/"),
    s("gartner-soc-2021", "Hunters (Gartner SOC Model Guide)", "Gartner SOC Model Guide", "2023", "https://go.hunters.ai/gartner-soc-model-guide"),
    s("mitre-11", "MITRE (Knerler, Parker, Zimmerman)", "11 Strategies of a World-Class Cybersecurity Operations Center", "2022", "https://markets.financialcontent.com/stocks/article/bizwire-2022-3-29-mitre-publishes-11-strategies-of-a-world-class-cybersecurity-operations-center"),
    s("nist-800-30", "NIST", "SP 800-30 Rev. 1, Guide for Conducting Risk Assessments", "2012", "https://csrc.nist.gov/pubs/sp/800/30/r1/final"),
    s("cisa-aa22-131a", "NSA, CISA, FBI and the cyber agencies of the UK, Australia, Canada and New Zealand", "Protecting against cyber threats to managed service providers and their customers (AA22-131A)", "2022", "https://www.nsa.gov/Press-Room/News-Highlights/Article/Article/3027304/nsa-partners-issue-guidance-to-secure-managed-service-providers-their-customers/"),
    // Budgets, proportionality, frequency (research round 3).
    s("ians-2024", "IANS Research and Artico Search (PR Newswire)", "Security budgets only increased 2 points in 2024 while 12% of CISOs faced reductions", "2024", "https://www.prnewswire.com/news-releases/new-research-reveals-security-budgets-only-increased-2-points-in-2024-while-12-of-cisos-faced-reductions-302239521.html"),
    s("ians-2024-revenue", "Traders Magazine (IANS Research)", "Security budgets continue to outpace IT budgets", "2024", "https://tradersmagazine.com/departments/brokerage/security-budgets-continue-to-outpace-it-budgets"),
    s("deloitte-fsisac-2020", "Deloitte and FS-ISAC (J. Bernard, M. Nicholson, D. Golden)", "Reshaping the cybersecurity landscape: financial institutions spend about USD 2,700 per FTE on security", "2020", "https://www2.deloitte.com/global/en/our-thinking/insights/industry/financial-services/cybersecurity-maturity-financial-institutions-cyber-risk.html"),
    s("cisco-security-bottom-line", "Cisco", "The Security Bottom Line: annual security spend by organisation size", "2020", "https://ebooks.cisco.com/story/the-security-bottom-line/page/5"),
    s("deloitte-fsisac-2019", "Pensions & Investments (Deloitte and FS-ISAC)", "Financial services firms spend 6% to 14% of IT budget on cybersecurity", "2019", "https://www.pionline.com/article/20190501/ONLINE/190509988/financial-services-firms-spend-6-to-14-of-it-budget-on-cybersecurity-survey"),
    s("ponemon-devo-2020-budget", "Security Magazine (Ponemon Institute and Devo)", "Despite gains in budget and strategic priority for SOCs, burnout, overload and chaos persist", "2020", "https://securitymagazine.com/articles/92669-despite-gains-in-budget-and-strategic-priority-for-socs-burnout-overload-and-chaos-persist-in-many-organizations"),
    s("iris-2025", "RedDog Security (Cyentia Institute IRIS 2025)", "The evolution of cyber risks over 15 years: lessons from the IRIS 2025 report", "2025", "https://reddogsecurity.substack.com/p/the-evolution-of-cyber-risks-over"),
    s("iris-2020", "Cyentia Institute", "2020 Information Risk Insights Study", "2020", "https://www.cyentia.com/2020-information-risk-insights-study/"),
    s("coalition-2025", "Risk & Insurance (Coalition 2025 Cyber Claims Report)", "Active cyber risk management drives 7% decrease in claims frequency", "2025", "https://riskandinsurance.com/active-cyber-risk-management-drives-7-decrease-in-claims-frequency-coalition"),
    s("csbs-2025", "UK Department for Science, Innovation and Technology and Home Office", "Cyber security breaches survey 2025", "2025", "https://www.gov.uk/government/statistics/cyber-security-breaches-survey-2025/cyber-security-breaches-survey-2025"),
    s("neuralbase-ti", "The Neural Base", "Tools: Recorded Future and Flashpoint", "2025", "https://theneuralbase.com/ai-for-security/learn/intermediate/tools-recorded-future-flashpoint/"),
    s("sans-cti-2023", "ZeroFox (SANS 2023 CTI Survey)", "SANS 2023 cyber threat intelligence survey", "2023", "https://zerofox.com/blog/sans-2023-cti-survey"),
    s("pinellas-ir-2022", "Pinellas County, Florida", "Cyber forensic team service agreement for data incident response services: no fee, not to exceed USD 250,000 if an incident occurs", "2022", "https://pinellas.legistar.com/LegislationDetail.aspx?GUID=0B3765F2-5883-491E-B718-E999B68F66F8&ID=5902671"),
    s("arcticwolf-ir-retainer", "Arctic Wolf", "Incident Response JumpStart Retainer: included with managed detection and response", "2023", "https://docs.arcticwolf.com/ir_retainer/ir_retainer_guide.html"),
    s("giac-price", "GIAC", "Exam deadlines and prices", "2025", "http://www2.giac.org/exams/deadlines"),
    s("kaspersky-training-2024", "ITPro (Kaspersky)", "Cyber security training costs surge as firms battle skills gaps", "2024", "https://www.itpro.com/business/careers-and-training/cyber-security-training-costs-surge-as-firms-battle-skills-gaps"),
    s("foundry-2023", "MediaPost (Foundry)", "Tech purchases are taking more time and involving more people", "2023", "http://www.mediapost.com/publications/article/386482/tech-purchases-are-taking-more-time-and-involving.html"),
    s("doi-palt", "U.S. Department of the Interior, Interior Business Center", "Acquisition dates and timelines: procurement administrative lead time", "2025", "https://ibc.doi.gov/acquisition/partner-with-us/acquisition-dates-timelines/palt"),
    s("cyberreplay-eval", "CyberReplay", "MSSP and MDR evaluation: a 30-60-90 day plan", "2025", "https://cyberreplay.pages.dev/blog/mssp-and-mdr-evaluation-30-60-90-day-plan/"),
    s("eurostat-lc-2018", "Eurostat", "Hourly labour costs in the EU, 2018 (STAT/19/2109)", "2019", "http://europa.eu/rapid/press-release_STAT-19-2109_en.htm"),
    // Salaries and employer on-costs by country (research round 3).
    s("se-itsec", "Facket.net (Statistics Sweden wage data)", "Lön IT-säkerhetsspecialister", "2023", "https://facket.net/lon-it-sakerhetsspecialister"),
    s("it-randstad-2024", "QSistemi (Randstad)", "In Italia mancano 100mila esperti in cybersecurity", "2024", "https://www.qsistemi.com/blog/2024/07/in-italia-mancano-100mila-esperti-in-cybersecurity/"),
    s("br-ganhaquanto", "Ganha Quanto", "Salário de administrador em segurança da informação, Brasil", "2025", "https://ganhaquanto.com.br/salarios/brasil/administrador-em-seguranca-da-informacao"),
    s("de-cp-2020", "CIO.de (Compensation Partner)", "Stabile Gehälter für IT-Fachkräfte", "2020", "https://cio.de/a/stabile-gehaelter-fuer-it-fachkraefte,3549825"),
    s("pl-contributions", "GetSix", "Doing business in Poland: social security contributions", "2025", "https://getsix.eu/resources/doing-business-in-poland/social-security-contributions"),
    s("gr-contributions", "CLEISS", "Grèce: taux de cotisations", "2024", "https://www.cleiss.fr/docs/cotisations/grece.html"),
    s("gr-oecd-tw", "OECD", "Taxing Wages: Greece", "2024", "https://oecd.org/en/publications/taxing-wages/volume-/issue-_047072cd-en/full-report/component-22"),
    s("rs-contributions", "Tax-Checker (TPA)", "Social insurance in Serbia", "2025", "https://tax-checker.com/tax-system-in-serbia/social-insurance-in-serbia"),
    s("in-contributions", "Boundless", "India: employer contributions", "2024", "https://boundlesshq.com/?p=15816"),
    s("sg-cpf", "PayGo SG", "Understanding CPF contribution rates in 2025", "2025", "https://blog.paygosg.com/posts/understanding-cpf-contribution-rates-in-2025-a-complete-guide-for-singapore-employers"),
    s("au-super", "Explore Potential", "Superannuation guarantee increasing to 12% from 1 July 2025", "2025", "https://explorepotential.com.au/superannuation-guarantee-increasing-to-12-from-1-july-2025-what-employers-need-to-know"),
    s("ca-payroll", "Knit People", "EI and CPP information 2025", "2025", "https://knitpeople.com/payroll-legislations/ei-cpp-information"),
    s("jp-contributions", "Mochizuki & Associates", "Social insurance contribution rates", "2025", "https://www.mochizuki-associates.com/en/blog/payroll-5/social-insurance-contribution-rates-18"),
    s("br-payroll", "Papaya Global", "Brazil countrypedia: employer costs", "2024", "https://papayaglobal.com/countrypedia/country/brazil/"),
    s("mx-payroll", "Global Squirrels", "Mexico payroll costs and calculations", "2024", "https://globalsquirrels.com/mexico-payroll-costs-and-calculations/"),
    s("ae-gratuity", "UAE Government portal", "Pension schemes for expatriate workers", "2025", "https://u.ae/en/information-and-services/moving-to-the-uae/expatriates-working-in-the-uae/pension-schemes-for-expatriate-workers"),
    s("za-payroll", "Payroll-SA", "Payroll FAQ: UIF and skills development levy", "2024", "https://payroll-sa.co.za/new-faq"),
    // Breach cost by country and industry (IBM Cost of a Data Breach).
    s("ibm-2024-countries", "Morgan Lewis (IBM Cost of a Data Breach 2024)", "Study finds average cost of data breaches significantly increased globally in 2024", "2025", "https://www.morganlewis.com/zh-cn/blogs/sourcingatmorganlewis/2025/05/study-finds-average-cost-of-data-breaches-significantly-increased-globally-in-2024"),
    s("ibm-2024-industries", "10Guards (IBM Cost of a Data Breach 2024)", "IBM: average breach costs hit a record USD 4.88 million in 2024", "2024", "https://10guards.com/fr/blog/2024/07/31/ibm-average-breach-costs-hit-record-4-88m-in-2024-up-10-from-last-year/"),
    s("ibm-2024-regions", "Flexi News (IBM Cost of a Data Breach 2024)", "Global data breach costs hit record high; AI offers relief", "2024", "https://flexi-news.com/post/global-data-breach-costs-hit-record-high-ai-offers-relief-ibm-report"),
    s("ibm-2024-uk", "Social Equality (IBM Cost of a Data Breach 2024, UK)", "UK data breach costs surge to GBP 3.58 million", "2024", "https://socialequality.org.uk/news/uk-data-breach-costs-surge-to-3-58-million-financial-sector-most-affected-ibm-report-finds"),
    s("ibm-2025-ca", "The Epoch Times (IBM Cost of a Data Breach 2025, Canada)", "Data breach costs decline globally but increase in Canada", "2025", "https://www.theepochtimes.com/world/data-breach-costs-decline-globally-but-increase-in-canada-ibm-report-5896076"),
    s("ibm-2024-au", "IDM (IBM Cost of a Data Breach 2024, Australia)", "Data breach costs soar to record highs", "2024", "https://idm.net.au/article/0014832-data-breach-costs-soar-record-highs-ibm"),
    s("ibm-2025-br", "IT Section (IBM Cost of a Data Breach 2025, Brazil)", "Custo de violação de dados no Brasil atinge R$ 7,19 milhões", "2025", "https://itsection.com.br/2025/07/31/custo-de-violacao-de-dados-no-brasil-atinge-r-719-milhoes-aponta-ibm"),
    s("ibm-2025-jp", "ASCII (IBM Cost of a Data Breach 2025, Japan)", "IBM Cost of a Data Breach 2025: Japan", "2025", "https://ascii.jp/elem/000/004/317/4317163/"),
    s("ibm-2025-de", "Black Hat News (IBM Cost of a Data Breach 2025, Germany)", "IBM Cost of a Data Breach 2025: Germany", "2025", "https://blackhatnews.tokyo/archives/5789"),
    s("ibm-2025-za", "Advanced AI News (IBM Cost of a Data Breach 2025, South Africa)", "The average cost of a South African data breach has declined", "2025", "https://advancedainews.com/ibm-the-average-cost-of-a-south-africa-data-breach-has-declined"),
    s("ibm-2021-countries", "IT-Online (IBM Cost of a Data Breach 2021 by country)", "SA among world leaders in money lost to data breaches", "2023", "https://it-online.co.za/2023/03/02/sa-among-world-leaders-in-money-lost-to-data-breaches/"),
    // Sourcing incidents.
    s("cloud-hopper", "PwC UK", "Operation Cloud Hopper", "2017", "https://www.pwc.co.uk/who-we-are/annual-report/stories/operation-cloud-hopper.html"),
    s("kaseya-2021", "Channel Futures", "Kaseya ransomware attack: going to be another SolarWinds", "2021", "https://www.channelfutures.com/security/kaseya-ransomware-attack-going-to-be-another-solarwinds"),
    s("crowdstrike-outage-2024", "Parametrix", "CrowdStrike to cost Fortune 500 USD 5.4 billion", "2024", "https://parametrixinsurance.com/in-the-news/crowdstrike-to-cost-fortune-500-5-4-billion-insured-loss-range-of-540-million-to-1-08-billion"),
    // Contract rules.
    s("dora-art30", "EU Law Online (Regulation (EU) 2022/2554)", "DORA Article 30: key contractual provisions", "2022", "https://eulaw.online/l/reg-2554-2022/article/30?lang=en"),
    s("dora-art28", "GRCA Planeth (Regulation (EU) 2022/2554)", "DORA Article 28: general principles on ICT third-party risk", "2022", "https://grca.planeth.de/en/grcaplaneth/opensource/issue/4034/"),
    s("dora-exit", "Digital Operational Resilience", "DORA exit plans", "2025", "https://digital-operational-resilience.net/exit-plans"),
    s("eba-outsourcing", "Pinsent Masons Out-Law (EBA GL/2019/02)", "EBA finalises outsourcing guidelines", "2019", "https://www.out-law.com/articles/2019/february/eba-finalises-outsourcing-guidelines/"),
    s("pra-ss2-21", "Bank of England Prudential Regulation Authority", "SS2/21 Outsourcing and third party risk management", "2021", "https://www.prarulebook.co.uk/guidance/supervisory-statements/ss02-21-outsourcing-and-third-party-risk-management"),
    s("pci-12-8-5", "withPCI (PCI DSS v4.0.1)", "Requirement 12.8.5: responsibility for each requirement", "2024", "https://withpci.com/requirements/12/12.8/12.8.5.html"),
    s("pci-10-4-1", "withPCI (PCI DSS v4.0.1)", "Requirement 10.4.1: audit logs reviewed at least once daily", "2024", "https://withpci.com/requirements/10/10.4/10.4.1"),
    s("hipaa-baa", "Bricker Graydon (45 CFR 164.504(e))", "HIPAA privacy regulations: business associate contracts", "2013", "http://www.bricker.com/insights/resources/key/HIPAA-Privacy-Regulations-Uses-and-Disclosures-Organizational-Requirements-Business-Associate-Contracts-164-504-e"),
    s("nis2-supply-chain", "NIS2 Directive portal", "NIS2 supply-chain security (Article 21(2)(d))", "2025", "https://www.nis2dir.eu/en/articles/nis2-supply-chain-security"),
    s("gdpr-art28", "GDPRhub", "Article 28 GDPR: processor", "2024", "https://gdprhub.eu/index.php?title=Article_28_GDPR"),
    s("lumen-sla", "Lumen", "Security Log Monitoring service level agreement", "2020", "https://www.lumen.com/en-us/about/legal/business-customer-terms-conditions/security-log-monitoring-sla.html"),
    s("mdr-sla-15min", "Enhanced", "MDR response time SLA: what 15 minutes actually means", "2026", "https://enhanced.io/blog/mdr-response-time-sla-what-15-minutes-actually-means"),
    // Procurement.
    s("eu-open-procedure", "PCR 2015 (Directive 2014/24/EU Article 27)", "Regulation 27: open procedure", "2015", "http://pcr2015.uk/regulations/regulation-27-open-procedure/"),
    s("eu-scoreboard", "European Commission", "Single Market Scoreboard: public procurement", "2024", "https://single-market-scoreboard.ec.europa.eu/node/587_en"),
    // Breaches and dwell time.
    s("ibm-codb-2025", "IBM", "What is a data breach? (Cost of a Data Breach Report 2025 figures)", "2025", "https://www.ibm.com/think/topics/data-breach"),
    s("ibm-codb-2025-us", "The Record", "IBM: data breach costs in the US reach $10 million", "2025", "https://therecord.media/ibm-data-breach-report-us-losses"),
    s("ibm-codb-2024", "IBM and Ponemon Institute", "Cost of a Data Breach Report 2024", "2024", "https://www.thinkbymore.com/doc/cost-of-a-data-breach-report-2024"),
    s("mtrends-2025", "Cybernexum (Mandiant M-Trends 2025)", "Cybersecurity maturity trends 2025", "2025", "https://cybernexum.com/blog/cybersecurity-maturity-trends-2025"),
    s("sophos-2025", "Black Hat MEA (Sophos Active Adversary Report 2025)", "Detection at dusk: why dwell times collapsed in 2025", "2025", "https://insights.blackhatmea.com/detection-at-dusk-why-dwell-times-collapsed-in-2025"),
    // Money over time and appraisal.
    s("hmt-green-book", "HM Treasury", "The Green Book: appraisal and evaluation in central government (discount rate 3.5% real, switching values, optimism bias)", "2022", "https://www.gov.uk/government/publications/the-green-book-appraisal-and-evaluation-in-central-governent"),
    s("hmt-discount-review", "HM Treasury", "Review of discounting in the Green Book: terms of reference (social time preference rate 3.5% real for years 0-30)", "2025", "https://www.gov.uk/government/publications/green-book-discount-rate-review-2026/review-of-discounting-in-the-green-book-terms-of-reference"),
    s("uk-pa23-assessing", "UK Cabinet Office", "Procurement Act 2023 guidance: assessing competitive tenders", "2024", "https://www.gov.uk/government/publications/procurement-act-2023-guidance-documents-procure-phase/assessing-competitive-tenders-html"),
    s("pcr2015-reg67", "PCR 2015 (Directive 2014/24/EU Article 67)", "Regulation 67: contract award criteria (best price-quality ratio, weighting stated)", "2015", "http://pcr2015.uk/regulations/regulation-67-contract-award-criteria/"),
    s("psaa-quality-price", "Public Sector Audit Appointments", "Why have you proposed 80:20 quality to price weighting for the new contracts?", "2022", "https://www.psaa.co.uk/faqs/why-have-you-proposed-80-20-quality-to-price-weighting-for-the-new-contracts/"),
    s("coopercity-2022", "City of Cooper City, Florida", "City Commission meeting, 11 January 2022: managed IT security services, USD 134,655 for three years", "2022", "https://coopercity.gov/index.asp?SEC=6FBF1E3E-60AB-4CC6-90EF-C800B28068D3&DE=C0192EAA-C49E-46A0-BD66-C134CD48D110"),
    s("sentinel-commitment-2021", "ForensixChange", "The best commitment tier for you: Microsoft Sentinel and Log Analytics discounts", "2021", "https://forensixchange.com/posts/21_08_17_cost/"),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_unique_and_every_source_is_complete() {
        let mut seen = std::collections::BTreeSet::new();
        for s in SOURCES {
            assert!(seen.insert(s.key), "duplicate source {}", s.key);
            assert!(!s.author.is_empty() && !s.title.is_empty(), "{}", s.key);
            assert!(
                s.year.len() == 4 && s.year.bytes().all(|b| b.is_ascii_digit()),
                "{}",
                s.key
            );
            assert!(
                s.url.starts_with("http://") || s.url.starts_with("https://"),
                "{}",
                s.key
            );
        }
    }
}
