//! Layout as data: pagination rules checked on the items of each page.

use super::*;
use crate::render::pdf::blocks::{Align, Span, Style};
use crate::render::pdf::fonts::Face;

fn fonts() -> FontSet {
    FontSet::new(None).unwrap()
}

fn text(t: &str) -> Vec<Span> {
    vec![Span {
        text: t.into(),
        style: Style::default(),
        link: None,
    }]
}

fn run() -> Running {
    Running {
        organisation: "Org".into(),
        classification: "Confidential".into(),
        footer: "Footer".into(),
        draft: false,
    }
}

fn doc(blocks: Vec<Block>) -> Document {
    let mut all = vec![
        Block::Heading {
            level: 1,
            spans: text("Title"),
        },
        Block::PageBreak,
    ];
    all.extend(blocks);
    laid_out(&all, Form::Report)
}

/// `blocks` on A4 in the report's theme, with no figures or pictures.
fn laid_out(blocks: &[Block], form: Form) -> Document {
    layout(
        blocks,
        &[],
        &[],
        &fonts(),
        Paper::A4,
        &Theme::REPORT,
        &run(),
        form,
    )
}

fn texts(page: &Page) -> Vec<&str> {
    page.items
        .iter()
        .filter_map(|i| match i {
            Item::Text { text, .. } => Some(text.as_str()),
            _ => None,
        })
        .collect()
}

fn paragraph(words: usize) -> Block {
    Block::Paragraph(text(&vec!["assessment"; words].join(" ")))
}

#[test]
fn cover_then_contents_then_body_with_running_header_and_footer() {
    let d = doc(vec![
        Block::Heading {
            level: 2,
            spans: text("Summary"),
        },
        paragraph(10),
    ]);
    assert_eq!(d.pages.len(), 3);
    assert_eq!(d.pages[0].kind, PageKind::Cover);
    assert_eq!(d.pages[1].kind, PageKind::Contents);
    assert!(
        !texts(&d.pages[0]).iter().any(|t| t.starts_with("Page ")),
        "no footer on the cover"
    );
    for (i, page) in d.pages.iter().enumerate().skip(1) {
        let t = texts(page);
        assert!(
            t.contains(&format!("Page {} of 3", i + 1).as_str()),
            "{t:?}"
        );
        assert!(t.contains(&"Org") && t.contains(&"Confidential"));
    }
    // The contents page gives the real page of the section.
    let contents = texts(&d.pages[1]);
    let at = contents.iter().position(|t| *t == "Summary").unwrap();
    assert!(contents[at..].contains(&"3"));
    let h = d.headings.iter().find(|h| h.title == "Summary").unwrap();
    assert_eq!(h.page, 2);
}

#[test]
fn every_word_stays_inside_the_margins() {
    let long_word = "x".repeat(400);
    let d = doc(vec![
        Block::Paragraph(text(&format!("{long_word} and a normal sentence after it"))),
        Block::Table {
            align: vec![Align::Left, Align::Right],
            head: vec![text("Name"), text("Amount")],
            rows: (0..5)
                .map(|i| vec![text(&format!("{long_word}{i}")), text("1,234,567")])
                .collect(),
        },
    ]);
    let f = fonts();
    let g = d.geometry;
    for page in &d.pages[1..] {
        for item in &page.items {
            if let Item::Text {
                x,
                size,
                face,
                text,
                ..
            } = item
            {
                let w = f.width(*face, text, *size);
                assert!(
                    *x >= g.left - 0.01 && x + w <= g.width - g.right + 0.01,
                    "{text:?} at {x}+{w}"
                );
            }
        }
    }
}

#[test]
fn a_heading_is_never_the_last_thing_on_a_page() {
    for fill in 30..60 {
        let mut blocks: Vec<Block> = (0..fill).map(|_| paragraph(6)).collect();
        blocks.push(Block::Heading {
            level: 2,
            spans: text("Late section"),
        });
        blocks.push(paragraph(40));
        let d = doc(blocks);
        let h = d
            .headings
            .iter()
            .find(|h| h.title == "Late section")
            .unwrap();
        // Something of the section's body follows the heading on its page.
        let body_after = d.pages[h.page].items.iter().any(|i| matches!(i, Item::Text { y, text, .. } if *y > h.y + 20.0 && text.contains("assessment")));
        assert!(
            body_after,
            "heading stranded with {fill} paragraphs before it"
        );
    }
}

fn table(rows: usize) -> Block {
    Block::Table {
        align: vec![Align::Left, Align::Right],
        head: vec![text("Year"), text("Total")],
        rows: (0..rows)
            .map(|i| vec![text(&format!("row {i}")), text(&format!("{}", i * 1000))])
            .collect(),
    }
}

#[test]
fn a_long_table_breaks_between_rows_and_repeats_its_header() {
    let d = doc(vec![table(120)]);
    let body: Vec<&Page> = d
        .pages
        .iter()
        .filter(|p| p.kind == PageKind::Body)
        .collect();
    assert!(body.len() >= 3);
    let mut seen = Vec::new();
    for page in &body {
        let t = texts(page);
        assert_eq!(
            t.iter().filter(|x| **x == "Year").count(),
            1,
            "header repeated once per page"
        );
        seen.extend(
            t.iter()
                .filter(|x| x.starts_with("row "))
                .map(|x| x.to_string()),
        );
        // The last row never sits alone on a page.
        let rows_here = t.iter().filter(|x| x.starts_with("row ")).count();
        assert!(rows_here >= 2);
    }
    assert_eq!(
        seen,
        (0..120).map(|i| format!("row {i}")).collect::<Vec<_>>(),
        "every row once, in order"
    );
}

#[test]
fn a_short_table_is_moved_whole_rather_than_split() {
    let mut blocks: Vec<Block> = (0..45).map(|_| paragraph(6)).collect();
    blocks.push(table(8));
    let d = doc(blocks);
    let pages_with_rows: Vec<usize> = d
        .pages
        .iter()
        .enumerate()
        .filter(|(_, p)| texts(p).iter().any(|t| t.starts_with("row ")))
        .map(|(i, _)| i)
        .collect();
    assert_eq!(
        pages_with_rows.len(),
        1,
        "short table split across {pages_with_rows:?}"
    );
}

#[test]
fn page_break_markers_force_a_new_page() {
    let d = doc(vec![paragraph(5), Block::PageBreak, paragraph(5)]);
    let body: Vec<&Page> = d
        .pages
        .iter()
        .filter(|p| p.kind == PageKind::Body)
        .collect();
    assert_eq!(body.len(), 2);
}

#[test]
fn numbers_in_right_aligned_columns_share_a_right_edge() {
    let d = doc(vec![table(6)]);
    let f = fonts();
    let edges: Vec<f32> = d.pages[2]
        .items
        .iter()
        .filter_map(|i| match i {
            Item::Text {
                x,
                size,
                face,
                text,
                ..
            } if text.chars().all(|c| c.is_ascii_digit()) && !text.is_empty() => {
                Some(x + f.width(*face, text, *size))
            }
            _ => None,
        })
        .collect();
    assert!(edges.len() >= 6);
    assert!(
        edges.windows(2).all(|w| (w[0] - w[1]).abs() < 0.01),
        "{edges:?}"
    );
}

#[test]
fn strikethrough_draws_a_line_through_the_text_and_footnote_numbers_are_raised() {
    let span = |text: &str, style: Style| Span {
        text: text.into(),
        style,
        link: None,
    };
    let struck = Style {
        strike: true,
        ..Style::default()
    };
    let sup = Style {
        superscript: true,
        ..Style::default()
    };
    let d = doc(vec![Block::Paragraph(vec![
        span("was ", Style::default()),
        span("withdrawn", struck),
        span(" now", Style::default()),
        span("1", sup),
    ])]);
    let page = &d.pages[2];
    let text = |t: &str| {
        page.items.iter().find_map(|i| match i {
            Item::Text {
                x, y, size, text, ..
            } if text.trim() == t => Some((*x, *y, *size)),
            _ => None,
        })
    };
    let (wx, wy, wsize) = text("withdrawn").expect("struck word");
    let (nx, ny, nsize) = text("1").expect("footnote number");
    let (_, now_y, _) = text("now").expect("text after");
    let line = page
        .items
        .iter()
        .find_map(|i| match i {
            Item::Line { x1, x2, y1, .. } if *y1 < wy && *y1 > wy - wsize => Some((*x1, *x2)),
            _ => None,
        })
        .expect("a line through the struck word");
    let w = fonts().width(Face::Regular, "withdrawn", wsize);
    assert!((line.0 - wx).abs() < 0.01 && (line.1 - (wx + w)).abs() < 0.01);
    assert!(nsize < wsize && ny < now_y, "raised and smaller");
    assert!(nx > wx);
}

#[test]
fn blocks_the_cover_has_no_style_for_are_laid_out_not_dropped() {
    let all = vec![
        Block::Heading {
            level: 1,
            spans: text("Title"),
        },
        Block::Quote(vec![Block::Paragraph(text("A quoted note"))]),
        table(2),
        Block::Code("cover code".into()),
        Block::PageBreak,
        Block::Heading {
            level: 2,
            spans: text("Summary"),
        },
    ];
    let d = laid_out(&all, Form::Report);
    let cover = texts(&d.pages[0]);
    for t in ["Title", "A quoted note", "Year", "row 1", "cover code"] {
        assert!(
            cover.iter().any(|c| c.contains(t)),
            "{t} missing: {cover:?}"
        );
    }
    assert_eq!(d.pages[1].kind, PageKind::Contents);
}

#[test]
fn a_cover_that_runs_over_keeps_its_text_and_the_contents_follow_it() {
    let mut all = vec![Block::Heading {
        level: 1,
        spans: text("Title"),
    }];
    all.push(table(80));
    all.push(Block::PageBreak);
    all.push(Block::Heading {
        level: 2,
        spans: text("Summary"),
    });
    all.push(paragraph(5));
    let d = laid_out(&all, Form::Report);
    let rows: usize = d
        .pages
        .iter()
        .map(|p| texts(p).iter().filter(|t| t.starts_with("row ")).count())
        .sum();
    assert_eq!(rows, 80, "every row of the cover's table is laid out");
    let contents = d
        .pages
        .iter()
        .position(|p| p.kind == PageKind::Contents)
        .unwrap();
    assert!(
        contents >= 2,
        "the contents come after the cover's overflow"
    );
    let summary = d.headings.iter().find(|h| h.title == "Summary").unwrap();
    assert!(texts(&d.pages[contents])
        .iter()
        .any(|t| *t == (summary.page + 1).to_string()));
}

#[test]
fn a_document_with_nothing_to_show_still_has_one_page() {
    // Found by the markdown_pdf fuzz target: "#\n" as a brief had no page.
    let empty_heading = [Block::Heading {
        level: 1,
        spans: Vec::new(),
    }];
    for form in [Form::Brief, Form::Report] {
        for blocks in [&[][..], &empty_heading[..], &[Block::PageBreak][..]] {
            let d = laid_out(blocks, form);
            assert!(!d.pages.is_empty(), "{form:?} of {blocks:?}");
        }
    }
}
