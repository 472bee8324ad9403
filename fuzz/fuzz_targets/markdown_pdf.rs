//! Markdown -> PDF blocks, layout and writing from arbitrary Markdown: never
//! a panic, always a complete PDF with at least one page.
//!
//! The running header, footer and metadata come from a real assessment (the
//! bundled Northwind profile) and its real figures, so image references in
//! the seeds resolve as they do in a report.
#![no_main]

use libfuzzer_sys::fuzz_target;
use socsource::internals::evaluate::{evaluate, Assessment, Options};
use socsource::internals::profile::{load_bytes, model::Date, LoadOptions};
use socsource::internals::render::charts::Figure;
use socsource::internals::render::pdf::{self, fonts::FontSet, PdfOptions};
use socsource::internals::render::templates::Templates;
use socsource::internals::render::Renderer;
use socsource::GENERATOR;
use std::sync::OnceLock;

struct Fixture {
    assessment: Assessment,
    figures: Vec<Figure>,
    fonts: FontSet,
}

fn fixture() -> &'static Fixture {
    static FIXTURE: OnceLock<Fixture> = OnceLock::new();
    FIXTURE.get_or_init(|| {
        let options = LoadOptions::on(Date::new(2026, 11, 26).unwrap());
        let bytes = include_bytes!("../../profiles/northwind-bank.yaml");
        let loaded = load_bytes("northwind-bank.yaml", "northwind-bank", bytes, &options)
            .expect("the bundled profile loads");
        let assessment = evaluate(&loaded.profile, &Options::new(GENERATOR));
        let renderer = Renderer::new(
            Templates::load(None).expect("default templates"),
            FontSet::new(None).expect("bundled fonts"),
            PdfOptions::default(),
        );
        let (_, figures) = renderer.markdown(&assessment).expect("report renders");
        Fixture {
            assessment,
            figures,
            fonts: FontSet::new(None).expect("bundled fonts"),
        }
    })
}

fuzz_target!(|bytes: &[u8]| {
    let markdown = String::from_utf8_lossy(bytes);
    let f = fixture();
    // Both forms: the report's cover and contents, and the brief's flow.
    let form = if bytes.first().is_some_and(|b| b & 1 == 1) {
        pdf::layout::Form::Brief
    } else {
        pdf::layout::Form::Report
    };
    let out = pdf::render(
        &markdown,
        &f.assessment,
        &f.figures,
        &[],
        &f.fonts,
        &PdfOptions::default(),
        form,
    )
    .expect("any Markdown gives a PDF");
    assert!(out.pages >= 1);
    assert!(out.bytes.starts_with(b"%PDF-"));
    assert!(out.bytes.trim_ascii_end().ends_with(b"%%EOF"));
});
