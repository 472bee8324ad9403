//! `diff`'s reader of `assessment.json` from arbitrary bytes: never a
//! panic; a file is either refused with a reason that names where (a line
//! and column, or a JSON path) or read into a view whose text keeps to the
//! profile text rules, which compares with itself and renders as Markdown.
#![no_main]

use libfuzzer_sys::fuzz_target;
use socsource::internals::compare::{self, view};
use socsource::internals::render::pdf::{fonts::FontSet, PdfOptions};
use socsource::internals::render::templates::Templates;
use socsource::internals::render::{Format, Renderer};
use std::sync::OnceLock;

fn renderer() -> &'static Renderer {
    static RENDERER: OnceLock<Renderer> = OnceLock::new();
    RENDERER.get_or_init(|| {
        Renderer::new(
            Templates::load(None).expect("default templates"),
            FontSet::new(None).expect("bundled fonts"),
            PdfOptions::default(),
        )
    })
}

fuzz_target!(|bytes: &[u8]| {
    if bytes.len() as u64 > view::MAX_ASSESSMENT_BYTES {
        return;
    }
    let assessment = match view::read(bytes) {
        Ok(a) => a,
        Err(e) => {
            let shown = e.to_string();
            assert!(!shown.is_empty());
            assert!(
                !shown
                    .chars()
                    .any(socsource::internals::diag::is_hidden_or_control),
                "a refusal quotes the file raw: {shown:?}"
            );
            return;
        }
    };
    let c = compare::compare(&assessment, &assessment)
        .expect("an assessment compares with itself")
        .read_from("old.json", "new.json");
    assert!(!c.recommendation_changed);
    assert!(c.inputs.is_empty() && c.risks_appeared.is_empty() && c.risks_gone.is_empty());
    assert!(c.costs.iter().all(|cost| cost.change == 0.0));
    let rendered = renderer()
        .comparison(&c, &[Format::Markdown], socsource::GENERATOR)
        .expect("the comparison renders");
    let md = String::from_utf8(rendered.files[0].bytes.clone()).expect("UTF-8 Markdown");
    assert!(
        !md.chars()
            .any(|ch| ch != '\n' && socsource::internals::diag::is_hidden_or_control(ch)),
        "hidden characters reached the Markdown"
    );
});
