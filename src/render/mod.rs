//! Render: an assessment in, report files out (as bytes; the caller writes).
//!
//! Markdown comes from the templates ([`templates`]), HTML from that
//! Markdown ([`html`]), charts from the assessment's numbers ([`charts`]).
//! The closed [`Format`] enum names what can be produced. Renderers read the
//! assessment and never recompute it.

pub mod charts;
pub(crate) mod escape;
pub(crate) mod html;
pub mod markdown;
pub mod pdf;
pub(crate) mod provenance;
pub mod slug;
mod template_graph;
pub mod templates;
pub(crate) mod view;

// What the layers above choose about a render (paper, PDF standard, fonts)
// and what can go wrong choosing it, named where they are chosen rather
// than reached for inside the typesetter.
pub(crate) use pdf::fonts::{FontError, SystemFontSource};
pub(crate) use pdf::layout::Paper;
pub(crate) use pdf::PdfStandard;
pub(crate) use templates::TemplateError;

use crate::evaluate::assessment::{Assessment, Confidence, SocOption};
use crate::evaluate::messages::{say, Message};
use serde::{Deserialize, Serialize};
use templates::Templates;

/// An image a report shows that the tool did not draw (a logo the
/// profile names), under the path the Markdown gives it, relative to the
/// report's folder.
#[derive(Debug, Clone)]
pub struct Picture {
    pub dest: String,
    pub image: crate::profile::image::Image,
}

/// The pictures of an assessment's report: the organisation's logo and
/// the preparer's, as the cover template names them.
pub(crate) fn pictures(a: &Assessment) -> Vec<Picture> {
    [
        ("client-logo", &a.profile.client_logo),
        ("logo", &a.profile.logo),
    ]
    .into_iter()
    .filter_map(|(name, image)| {
        let image = image.as_ref()?;
        Some(Picture {
            dest: format!("images/{name}.{}", image.kind.extension()),
            image: image.clone(),
        })
    })
    .collect()
}

/// An output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Format {
    Markdown,
    Html,
    Pdf,
    Json,
}

impl Format {
    pub fn file_name(self) -> &'static str {
        match self {
            Format::Markdown => "report.md",
            Format::Html => "report.html",
            Format::Pdf => "report.pdf",
            Format::Json => "assessment.json",
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Format::Markdown => "md",
            Format::Html => "html",
            Format::Pdf => "pdf",
            Format::Json => "json",
        }
    }
}

/// Which document a report run writes: the full report, the board brief
/// (one to three pages, from `brief.md`), or both.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Edition {
    Full,
    Brief,
}

impl Edition {
    /// The template the edition's Markdown comes from.
    pub fn template(self) -> &'static str {
        match self {
            Edition::Full => "report.md",
            Edition::Brief => "brief.md",
        }
    }

    /// The edition's file for a format; the assessment is one file whatever
    /// the edition.
    pub fn file_name(self, format: Format) -> &'static str {
        match (self, format) {
            (_, Format::Json) => "assessment.json",
            (Edition::Full, f) => f.file_name(),
            (Edition::Brief, Format::Markdown) => "brief.md",
            (Edition::Brief, Format::Html) => "brief.html",
            (Edition::Brief, Format::Pdf) => "brief.pdf",
        }
    }
}

/// Why a report could not be rendered.
#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    #[error(transparent)]
    Template(#[from] TemplateError),
    /// The view handed to the templates could not be built.
    #[error("{what} view: {source}")]
    View {
        what: &'static str,
        source: Box<tera::Error>,
    },
    #[error("assessment: {0}")]
    Json(#[source] serde_json::Error),
    /// The PDF could not be written; shown with its causes on one line.
    #[error("{}", error_chain(.0))]
    Pdf(#[source] pdf::PdfError),
}

/// An error and its causes, as one line: "outer: cause: root cause".
fn error_chain(e: &dyn std::error::Error) -> String {
    let mut text = e.to_string();
    let mut source = e.source();
    while let Some(cause) = source {
        text.push_str(": ");
        text.push_str(&cause.to_string());
        source = cause.source();
    }
    text
}

/// One file of a rendered report, by path relative to the report's folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutputFile {
    pub path: String,
    pub bytes: Vec<u8>,
}

#[derive(Debug, Clone, Default)]
pub struct Rendered {
    pub files: Vec<OutputFile>,
    pub warnings: Vec<String>,
}

/// What the HTML shell shows besides the page itself.
struct Shell<'a> {
    description_tail: &'a str,
    lang: &'a str,
    organisation: &'a str,
    classification: &'a str,
    date: &'a str,
    generator: &'a str,
    draft: bool,
}

pub struct Renderer {
    pub(crate) templates: Templates,
    pub(crate) fonts: pdf::fonts::FontSet,
    pub(crate) pdf: pdf::PdfOptions,
}

impl Renderer {
    pub fn new(templates: Templates, fonts: pdf::fonts::FontSet, pdf: pdf::PdfOptions) -> Renderer {
        Renderer {
            templates,
            fonts,
            pdf,
        }
    }

    /// Do the once-per-process work the formats will need (compile the
    /// templates, read the bundled faces) ahead of the first render, so a
    /// second core can do it while the first evaluates.
    pub fn warm(&self, formats: &[Format], editions: &[Edition]) {
        if formats.iter().any(|f| *f != Format::Json) {
            let mut roots: Vec<&str> = editions.iter().map(|e| e.template()).collect();
            if formats.contains(&Format::Html) {
                roots.push("report.html");
            }
            self.templates.warm(&roots);
        }
        if formats.contains(&Format::Pdf) {
            self.fonts.warm();
        }
    }

    /// The report's Markdown, and the charts it refers to.
    pub fn markdown(&self, a: &Assessment) -> Result<(String, Vec<charts::Figure>), RenderError> {
        let figures = charts::figures(a);
        let text = self.edition_markdown(a, &figures, Edition::Full)?;
        Ok((text, figures))
    }

    /// One edition's Markdown.
    fn edition_markdown(
        &self,
        a: &Assessment,
        figures: &[charts::Figure],
        edition: Edition,
    ) -> Result<String, RenderError> {
        let view = view::report_view(a, figures);
        let context = tera::Context::from_serialize(&view).map_err(|source| RenderError::View {
            what: "report",
            source: Box::new(source),
        })?;
        let mut text = self.templates.render(edition.template(), &context)?;
        // A template's image is referred to by its copy beside the report.
        for (written, p) in &self.templates.pictures {
            text = text.replace(&format!("]({written}"), &format!("]({}", p.dest));
        }
        Ok(markdown::tidy(&text))
    }

    /// An edition's HTML page: its Markdown in the `report.html` shell.
    fn html_page(
        &self,
        a: &Assessment,
        md: &str,
        figures: &[charts::Figure],
        pictures: &[Picture],
    ) -> Result<String, RenderError> {
        let shell = Shell {
            description_tail: &a.recommendation.decision,
            lang: &a.profile.language,
            organisation: &a.profile.name,
            classification: &a.profile.classification,
            date: &a.profile.date,
            generator: &a.generator,
            draft: a.profile.status == "draft",
        };
        self.shell(&shell, md, figures, pictures)
    }

    /// Markdown as an HTML page in the `report.html` shell.
    fn shell(
        &self,
        shell: &Shell<'_>,
        md: &str,
        figures: &[charts::Figure],
        pictures: &[Picture],
    ) -> Result<String, RenderError> {
        let page = html::to_html(md, figures, pictures);
        let mut context = tera::Context::new();
        context.insert("body", &page.body);
        context.insert("title_block", page.title_block());
        context.insert("sections", page.sections());
        context.insert(
            "print_footer",
            &html::css_string(&format!(
                "{} · {}",
                shell.organisation, shell.classification
            )),
        );
        context.insert("toc", &page.toc);
        context.insert("title", &page.title);
        context.insert(
            "description",
            &format!("{}: {}", page.title, shell.description_tail),
        );
        context.insert("lang", shell.lang);
        context.insert("organisation", shell.organisation);
        context.insert("classification", shell.classification);
        context.insert("date", shell.date);
        context.insert("generator", shell.generator);
        context.insert("draft", &shell.draft);
        Ok(self.templates.render("report.html", &context)?)
    }

    /// The comparison of two assessments (`socsource diff`): `diff.md`,
    /// `diff.html`, `diff.pdf` and `diff.json`, as requested, naming
    /// `generator` as their maker.
    pub fn comparison(
        &self,
        c: &crate::compare::Comparison,
        formats: &[Format],
        generator: &str,
    ) -> Result<Rendered, RenderError> {
        let mut context = tera::Context::new();
        context.insert("c", c);
        context.insert("generator", generator);
        let md = markdown::tidy(&self.templates.render("diff.md", &context)?);
        let mut out = Rendered::default();
        for format in formats {
            match format {
                Format::Markdown => out.files.push(OutputFile {
                    path: "diff.md".into(),
                    bytes: md.clone().into_bytes(),
                }),
                Format::Html => {
                    let shell = Shell {
                        description_tail: &c.summary,
                        lang: &c.language,
                        organisation: &c.organisation,
                        classification: &c.classification,
                        date: &c.new.date,
                        generator,
                        draft: false,
                    };
                    out.files.push(OutputFile {
                        path: "diff.html".into(),
                        bytes: self.shell(&shell, &md, &[], &[])?.into_bytes(),
                    });
                }
                Format::Pdf => {
                    let info = pdf::DocumentInfo {
                        running: pdf::layout::Running {
                            organisation: c.organisation.clone(),
                            classification: c.classification.clone(),
                            footer: say(Message::ComparisonFooter, &[("dates", &c.dates())]),
                            draft: false,
                        },
                        fallback_title: say(
                            Message::ComparisonTitle,
                            &[("organisation", &c.organisation)],
                        ),
                        author: None,
                        subject: say(
                            Message::ComparisonSubject,
                            &[
                                ("organisation", &c.organisation),
                                ("old", &c.old.date),
                                ("new", &c.new.date),
                            ],
                        ),
                        keywords: vec!["SOC".into(), c.organisation.clone(), "comparison".into()],
                        creator: generator.to_string(),
                        date: c.new.date.clone(),
                        lang: c.language.clone(),
                    };
                    let rendered = pdf::render_document(
                        &md,
                        &[],
                        &[],
                        &self.fonts,
                        &self.pdf,
                        &info,
                        pdf::layout::Form::Brief,
                    )
                    .map_err(RenderError::Pdf)?;
                    out.warnings.extend(rendered.warnings);
                    out.warnings.extend(provenance::warnings(
                        &self.templates,
                        "diff.md",
                        &rendered.unshown,
                    ));
                    out.files.push(OutputFile {
                        path: "diff.pdf".into(),
                        bytes: rendered.bytes,
                    });
                }
                Format::Json => {
                    let mut text = serde_json::to_string_pretty(c).map_err(RenderError::Json)?;
                    text.push('\n');
                    out.files.push(OutputFile {
                        path: "diff.json".into(),
                        bytes: text.into_bytes(),
                    });
                }
            }
        }
        Ok(out)
    }

    /// Render the requested formats of the full report.
    pub fn report(&self, a: &Assessment, formats: &[Format]) -> Result<Rendered, RenderError> {
        self.render(a, formats, &[Edition::Full])
    }

    /// Render the requested formats of each requested edition. The charts
    /// and the assessment are written once, whatever the editions.
    pub fn render(
        &self,
        a: &Assessment,
        formats: &[Format],
        editions: &[Edition],
    ) -> Result<Rendered, RenderError> {
        let mut out = Rendered::default();
        let documents = formats.iter().any(|f| *f != Format::Json);
        let figures = if documents {
            charts::figures(a)
        } else {
            Vec::new()
        };
        let mut pictures = pictures(a);
        pictures.extend(self.templates.pictures.iter().map(|(_, p)| p.clone()));
        let mut charts_written = false;
        for edition in editions.iter().filter(|_| documents) {
            let md = self.edition_markdown(a, &figures, *edition)?;
            for format in formats {
                let path = edition.file_name(*format).to_string();
                match format {
                    Format::Json => {}
                    Format::Markdown => {
                        out.files.push(OutputFile {
                            path,
                            bytes: md.clone().into_bytes(),
                        });
                        if !charts_written {
                            charts_written = true;
                            for (i, f) in figures.iter().enumerate() {
                                let mut svg = f.to_svg(&format!("chart-{}", i + 1));
                                svg.push('\n');
                                out.files.push(OutputFile {
                                    path: format!("charts/{}", f.name),
                                    bytes: svg.into_bytes(),
                                });
                            }
                            for p in &pictures {
                                out.files.push(OutputFile {
                                    path: p.dest.clone(),
                                    bytes: p.image.bytes.to_vec(),
                                });
                            }
                        }
                    }
                    Format::Html => {
                        let text = self.html_page(a, &md, &figures, &pictures)?;
                        out.files.push(OutputFile {
                            path,
                            bytes: text.into_bytes(),
                        });
                    }
                    Format::Pdf => {
                        let form = match edition {
                            Edition::Full => pdf::layout::Form::Report,
                            Edition::Brief => pdf::layout::Form::Brief,
                        };
                        let rendered =
                            pdf::render(&md, a, &figures, &pictures, &self.fonts, &self.pdf, form)
                                .map_err(RenderError::Pdf)?;
                        out.warnings.extend(rendered.warnings);
                        out.warnings.extend(provenance::warnings(
                            &self.templates,
                            edition.template(),
                            &rendered.unshown,
                        ));
                        out.files.push(OutputFile {
                            path,
                            bytes: rendered.bytes,
                        });
                    }
                }
            }
        }
        if formats.contains(&Format::Json) {
            let mut text = serde_json::to_string_pretty(a).map_err(RenderError::Json)?;
            text.push('\n');
            out.files.push(OutputFile {
                path: Format::Json.file_name().into(),
                bytes: text.into_bytes(),
            });
        }
        Ok(out)
    }
}

/// The portfolio dashboard of a batch: `index.md`, its chart `index.svg`,
/// and `index.html` (it needs only the templates and the view).
///
/// Both pages are rendered from the same view, which holds every number
/// they show ([`IndexView`], built by the batch merge); nothing here
/// evaluates anything. `index.html` carries a small inline script (sorting
/// and filtering) that its Content-Security-Policy allows by hash, and
/// nothing else: no request leaves the page.
///
/// Takes the view by value: for a batch of thousands, the rows and their
/// template context are the largest things in memory, so each is dropped
/// as soon as the next step no longer needs it.
pub(crate) fn index(
    templates: &Templates,
    view: IndexView,
) -> Result<Vec<OutputFile>, RenderError> {
    let figure = charts::portfolio(&view.portfolio);
    let mut context = tera::Context::from_serialize(&view).map_err(|source| RenderError::View {
        what: "index",
        source: Box::new(source),
    })?;
    drop(view);
    let md = markdown::tidy(&templates.render("index.md", &context)?);
    let script = templates.render("index.js", &context)?;
    context.insert("script_hash", &csp_hash(&script));
    context.insert("script", &script);
    context.insert("chart_svg", &figure.to_svg("portfolio-chart"));
    context.insert("chart_title", &figure.title);
    let html_text = templates.render("index.html", &context)?;
    drop(context);
    let mut svg = figure.to_svg("portfolio-chart");
    svg.push('\n');
    Ok(vec![
        OutputFile {
            path: "index.md".into(),
            bytes: md.into_bytes(),
        },
        OutputFile {
            path: INDEX_CHART.into(),
            bytes: svg.into_bytes(),
        },
        OutputFile {
            path: "index.html".into(),
            bytes: html_text.into_bytes(),
        },
    ])
}

/// The dashboard's chart, beside `index.md`. Organisation ids cannot hold
/// a dot, so it can never clash with an organisation's folder.
pub(crate) const INDEX_CHART: &str = "index.svg";

/// A Content-Security-Policy source for an inline script:
/// `'sha256-<base64 of its SHA-256>'`.
fn csp_hash(script: &str) -> String {
    use sha2::Digest;
    let digest = sha2::Sha256::digest(script.as_bytes());
    format!("'sha256-{}'", base64(&digest))
}

/// Standard base64 with padding (RFC 4648).
fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// A link from the index to one of an organisation's files.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IndexLink {
    pub label: String,
    pub href: String,
}

/// One organisation of the portfolio, as its report left it: everything
/// the dashboard shows of it, so merging shard records never evaluates a
/// profile again.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(crate) struct IndexRow {
    pub id: String,
    pub name: String,
    /// Industry key (`finance`) and label (`Finance`).
    #[serde(default)]
    pub industry: String,
    #[serde(default)]
    pub industry_label: String,
    #[serde(default)]
    pub employees: u64,
    pub recommendation: String,
    pub option: SocOption,
    pub confidence: Confidence,
    /// What needs attention most: `choice` (another option wins in many
    /// joint draws) or `budget` (the option may not stay within budget).
    #[serde(default)]
    pub confidence_limited_by: String,
    /// The lower of the probability that the recommendation is the best
    /// option and that it stays within budget, to rank the organisations
    /// that need attention.
    #[serde(default)]
    pub weakest_share: f64,
    pub currency: String,
    pub in_house: f64,
    pub outsourced: f64,
    pub hybrid: f64,
    /// The total of the recommended option.
    #[serde(default)]
    pub recommended_cost: f64,
    pub top_risk: String,
    pub links: Vec<IndexLink>,
}

impl IndexRow {
    pub(crate) fn new(a: &Assessment, formats: &[Format], editions: &[Edition]) -> IndexRow {
        let total = |o: SocOption| a.costs.options.get(&o).map_or(0.0, |c| c.total);
        let r = &a.recommendation;
        IndexRow {
            id: a.profile.id.clone(),
            name: a.profile.name.clone(),
            industry: a.profile.industry.clone(),
            industry_label: a.profile.industry_label.clone(),
            employees: a.profile.employees,
            recommendation: r.option.short().to_string(),
            option: r.option,
            confidence: r.confidence,
            confidence_limited_by: if r.probability_within_budget < r.probability_best {
                "budget".to_string()
            } else {
                "choice".to_string()
            },
            weakest_share: r.probability_best.min(r.probability_within_budget),
            currency: a.costs.currency.clone(),
            in_house: total(SocOption::InHouse),
            outsourced: total(SocOption::Outsourced),
            hybrid: total(SocOption::Hybrid),
            recommended_cost: total(r.option),
            top_risk: a
                .risks
                .first()
                .map_or(Message::NoneAssessed.template().into(), |r| {
                    format!("{}: {} ({})", r.threat_label, r.asset, r.rating)
                }),
            links: editions
                .iter()
                .flat_map(|e| formats.iter().map(move |f| (*e, *f)))
                .filter(|(e, f)| *f != Format::Json || *e == editions[0])
                .map(|(e, f)| IndexLink {
                    label: match (e, f) {
                        (Edition::Brief, Format::Json) | (Edition::Full, _) => {
                            f.key().to_uppercase()
                        }
                        (Edition::Brief, _) => format!("Brief {}", f.key().to_uppercase()),
                    },
                    href: format!("{}/{}", a.profile.id, e.file_name(f)),
                })
                .collect(),
        }
    }
}

/// Most errors of one failed profile the dashboard lists; it counts the rest.
pub(crate) const FAILURE_DETAILS_SHOWN: usize = 5;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(crate) struct IndexFailure {
    pub file: String,
    /// The first error, on one line.
    pub error: String,
    /// Every error, one line each, up to [`FAILURE_DETAILS_SHOWN`] (empty
    /// when `error` is the only one).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub details: Vec<String>,
    /// Errors beyond those in `details`.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub more: usize,
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

/// What the dashboard templates see: the rows, the failures, and the
/// portfolio's totals, all computed before rendering.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct IndexView {
    pub date: String,
    pub generator: String,
    pub rows: Vec<IndexRow>,
    pub failures: Vec<IndexFailure>,
    pub portfolio: Portfolio,
}

/// The portfolio at a glance, computed from the rows.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Portfolio {
    /// Organisations rendered.
    pub organisations: usize,
    /// Profiles that failed (or were skipped), and problems finding them.
    pub failed: usize,
    /// One entry per option, in-house first, zeros included.
    pub recommendations: Vec<RecommendationCount>,
    /// Total cost per option, one entry per currency (costs are never
    /// converted), by currency code.
    pub totals: Vec<CurrencyTotals>,
    /// Recommendations by industry, most organisations first.
    pub industries: Vec<Mix>,
    /// Recommendations by size band, smallest first.
    pub sizes: Vec<Mix>,
    /// The organisations that need attention: confidence below high,
    /// lowest first (then the weakest share, then the name).
    pub attention: Vec<Attention>,
    /// Organisations that need attention beyond those listed.
    pub attention_more: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RecommendationCount {
    pub option: SocOption,
    pub label: String,
    pub count: usize,
    /// Share of the organisations rendered, 0 to 1.
    pub share: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CurrencyTotals {
    pub currency: String,
    pub organisations: usize,
    pub in_house: f64,
    pub outsourced: f64,
    pub hybrid: f64,
    /// What the recommended options cost together.
    pub recommended: f64,
}

/// How many organisations of one group got each recommendation.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Mix {
    pub label: String,
    pub in_house: usize,
    pub hybrid: usize,
    pub outsourced: usize,
    pub total: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Attention {
    pub id: String,
    pub name: String,
    pub confidence: Confidence,
    pub recommendation: String,
    /// What limits the confidence, in words.
    pub reason: String,
    pub links: Vec<IndexLink>,
}
