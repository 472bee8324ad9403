//! The report's look as data: type sizes, leading, colours, spacing and
//! paddings, in points (or as factors of a type size where it says so).
//!
//! Every layout module takes its measures from a [`Theme`] rather than
//! from numbers of its own, so the look can be read and changed in one
//! place. [`Theme::REPORT`] is the board-report look.

use crate::render::charts::{self, Color};

/// The colours of the page.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Palette {
    /// Body text.
    pub ink: Color,
    /// Secondary text: captions, code, the running header and footer.
    pub muted: Color,
    /// Headings, links, the cover's bars, the call-out bar.
    pub accent: Color,
    /// Table rules, the running header's and footer's rules, dot leaders.
    pub rule: Color,
    /// A table's header row.
    pub shade: Color,
    /// Every other table row.
    pub zebra: Color,
    /// A call-out box (block quote).
    pub callout: Color,
}

/// Body text and the space between blocks.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BodyStyle {
    pub size: f32,
    /// The widest a line of running text is set (points): about 90
    /// characters, the most a reader follows comfortably. Tables and
    /// figures take the full width between the margins.
    pub measure: f32,
    /// Line height as a factor of the type size.
    pub leading: f32,
    /// The baseline's distance below the top of its line, as a factor of the
    /// type size.
    pub baseline: f32,
    /// Space after a block.
    pub gap: f32,
    /// A link area's height, as a factor of the type size.
    pub link_height: f32,
    /// A footnote reference's size, and how far its baseline is raised, as
    /// factors of the type size.
    pub superscript: f32,
    pub superscript_rise: f32,
    /// A strikethrough line's height above the baseline and its thickness,
    /// as factors of the type size.
    pub strike_position: f32,
    pub strike_width: f32,
}

/// One heading level.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct HeadingStyle {
    pub size: f32,
    pub color: Color,
    pub before: f32,
    pub after: f32,
}

/// All heading levels, and the rule under a section (level 2) heading.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Headings {
    pub h1: HeadingStyle,
    pub h2: HeadingStyle,
    pub h3: HeadingStyle,
    pub h4: HeadingStyle,
    pub h5: HeadingStyle,
    pub h6: HeadingStyle,
    /// Line height as a factor of the type size.
    pub line: f32,
    /// The rule under a level-2 heading: its distance below the text, its
    /// thickness, and the space it takes.
    pub rule_offset: f32,
    pub rule_width: f32,
    pub rule_space: f32,
}

impl Headings {
    pub fn level(&self, level: u8) -> HeadingStyle {
        match level {
            1 => self.h1,
            2 => self.h2,
            3 => self.h3,
            4 => self.h4,
            5 => self.h5,
            _ => self.h6,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ListStyle {
    /// The indent of an item's text.
    pub indent: f32,
    /// Space between a marker's right edge and the item's text.
    pub marker_gap: f32,
    /// Space after each item.
    pub item_gap: f32,
    /// Space after the list (instead of the body gap).
    pub after: f32,
}

/// Block quotes, drawn as call-out boxes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct QuoteStyle {
    /// Space above and below the text inside the box.
    pub pad: f32,
    /// The text's indent from the box's left edge.
    pub inset: f32,
    /// How much narrower the text is than the box.
    pub narrower: f32,
    /// The accent bar at the box's left edge.
    pub bar: f32,
    /// Extra space after the box.
    pub after: f32,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CodeStyle {
    pub size: f32,
    pub indent: f32,
}

/// A thematic break.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RuleStyle {
    /// The height the rule takes, and where in it the line is.
    pub height: f32,
    pub offset: f32,
    pub width: f32,
    /// Its height when measured inside a call-out box.
    pub measured: f32,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TableStyle {
    pub size: f32,
    pub leading: f32,
    pub pad_x: f32,
    pub pad_y: f32,
    pub head_rule: f32,
    pub rule: f32,
    /// Extra space after a table.
    pub after: f32,
    /// A table no taller than this share of the content height is never
    /// split.
    pub short: f32,
}

/// Charts.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct FigureStyle {
    /// The largest scale a chart is drawn at.
    pub max_scale: f32,
    /// Space above the chart.
    pub top: f32,
    /// Space the caption takes below the chart, and its baseline in it.
    pub caption_space: f32,
    pub caption_baseline: f32,
    pub caption_size: f32,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CoverStyle {
    /// The accent bars at the top and bottom of the page.
    pub top_bar: f32,
    pub bottom_bar: f32,
    /// Where the text starts, as a share of the page height.
    pub start: f32,
    pub title_size: f32,
    pub subtitle_size: f32,
    pub title_line: f32,
    /// The short accent rule under a title: space above, size, space below.
    pub mark_before: f32,
    pub mark_width: f32,
    pub mark_height: f32,
    pub mark_after: f32,
    pub text_size: f32,
    pub text_line: f32,
    pub text_after: f32,
    pub list_before: f32,
    pub list_size: f32,
    pub list_line: f32,
    /// The classification's size in the band at the top.
    pub band_size: f32,
    /// The row of logos: its distance under the band, and its height.
    pub logo_top: f32,
    pub logo_height: f32,
}

/// The table of contents.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ContentsStyle {
    pub title_size: f32,
    /// The space the title takes.
    pub title_space: f32,
    /// The height of one entry.
    pub line: f32,
    pub section_size: f32,
    pub subsection_size: f32,
    pub subsection_indent: f32,
    /// The least space between a title and the page number column.
    pub number_gap: f32,
    /// Space before and after the dot leaders.
    pub leader_before: f32,
    pub leader_after: f32,
}

/// The watermark of a draft.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct WatermarkStyle {
    pub text: &'static str,
    pub size: f32,
    pub angle_degrees: f32,
    pub color: Color,
}

/// Pictures (logos, template images): at most this tall.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PictureStyle {
    pub max_height: f32,
    /// Points per pixel of a picture shown at its natural size (144 pixels
    /// an inch: a logo made for screens stays crisp on paper).
    pub points_per_pixel: f32,
}

/// The running header and footer.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RunningStyle {
    pub size: f32,
    /// The header's baseline above the content box, the footer's below.
    pub header_rise: f32,
    pub footer_drop: f32,
    /// The header rule below its baseline, the footer rule above its.
    pub header_rule: f32,
    pub footer_rule: f32,
    pub rule_width: f32,
    /// Space kept free between the left and the right text.
    pub middle: f32,
}

/// The page margins.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Margins {
    pub left: f32,
    pub right: f32,
    pub top: f32,
    pub bottom: f32,
}

/// The look of a report.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Theme {
    pub palette: Palette,
    pub margins: Margins,
    pub body: BodyStyle,
    pub headings: Headings,
    pub list: ListStyle,
    pub quote: QuoteStyle,
    pub code: CodeStyle,
    pub rule: RuleStyle,
    pub table: TableStyle,
    pub figure: FigureStyle,
    pub cover: CoverStyle,
    pub contents: ContentsStyle,
    pub running: RunningStyle,
    pub watermark: WatermarkStyle,
    pub picture: PictureStyle,
}

impl Theme {
    /// The board-report look.
    pub const REPORT: Theme = Theme {
        palette: Palette {
            ink: charts::INK,
            muted: charts::MUTED,
            accent: charts::IN_HOUSE,
            rule: Color(0xc9, 0xd0, 0xd8),
            shade: Color(0xe9, 0xee, 0xf4),
            zebra: Color(0xf7, 0xf9, 0xfb),
            callout: Color(0xee, 0xf4, 0xfa),
        },
        margins: Margins {
            left: 56.0,
            right: 56.0,
            top: 70.0,
            bottom: 66.0,
        },
        body: BodyStyle {
            size: 10.0,
            measure: 400.0,
            leading: 1.42,
            baseline: 1.05,
            gap: 6.0,
            link_height: 1.25,
            superscript: 0.7,
            superscript_rise: 0.33,
            strike_position: 0.3,
            strike_width: 0.06,
        },
        headings: Headings {
            h1: HeadingStyle {
                size: 20.0,
                color: charts::IN_HOUSE,
                before: 10.0,
                after: 10.0,
            },
            h2: HeadingStyle {
                size: 14.5,
                color: charts::IN_HOUSE,
                before: 16.0,
                after: 8.0,
            },
            h3: HeadingStyle {
                size: 11.5,
                color: charts::INK,
                before: 10.0,
                after: 4.0,
            },
            // Minor headings step down in size, then in colour, so each
            // level reads as its own.
            h4: HeadingStyle {
                size: 10.5,
                color: charts::INK,
                before: 8.0,
                after: 3.0,
            },
            h5: HeadingStyle {
                size: 10.0,
                color: charts::IN_HOUSE,
                before: 7.0,
                after: 2.0,
            },
            h6: HeadingStyle {
                size: 10.0,
                color: charts::MUTED,
                before: 6.0,
                after: 2.0,
            },
            line: 1.25,
            rule_offset: 2.0,
            rule_width: 1.2,
            rule_space: 5.0,
        },
        list: ListStyle {
            indent: 16.0,
            marker_gap: 5.0,
            item_gap: 2.0,
            after: 4.0,
        },
        quote: QuoteStyle {
            pad: 8.0,
            inset: 14.0,
            narrower: 22.0,
            bar: 3.0,
            after: 2.0,
        },
        code: CodeStyle {
            size: 8.5,
            indent: 6.0,
        },
        rule: RuleStyle {
            height: 10.0,
            offset: 4.0,
            width: 0.6,
            measured: 8.0,
        },
        table: TableStyle {
            size: 8.0,
            leading: 1.3,
            pad_x: 4.0,
            pad_y: 3.0,
            head_rule: 0.8,
            rule: 0.4,
            after: 4.0,
            short: 0.4,
        },
        figure: FigureStyle {
            max_scale: 1.2,
            top: 2.0,
            caption_space: 20.0,
            caption_baseline: 12.0,
            caption_size: 8.0,
        },
        cover: CoverStyle {
            top_bar: 24.0,
            bottom_bar: 6.0,
            start: 0.26,
            title_size: 26.0,
            subtitle_size: 16.0,
            title_line: 1.2,
            mark_before: 10.0,
            mark_width: 60.0,
            mark_height: 3.0,
            mark_after: 18.0,
            text_size: 12.0,
            text_line: 1.4,
            text_after: 12.0,
            list_before: 18.0,
            list_size: 11.0,
            list_line: 1.5,
            band_size: 8.5,
            logo_top: 40.0,
            logo_height: 54.0,
        },
        contents: ContentsStyle {
            title_size: 16.0,
            title_space: 44.0,
            line: 17.0,
            section_size: 10.5,
            subsection_size: 9.5,
            subsection_indent: 16.0,
            number_gap: 24.0,
            leader_before: 6.0,
            leader_after: 4.0,
        },
        running: RunningStyle {
            size: 7.5,
            header_rise: 26.0,
            footer_drop: 30.0,
            header_rule: 6.0,
            footer_rule: 11.0,
            rule_width: 0.5,
            middle: 8.0,
        },
        watermark: WatermarkStyle {
            text: "DRAFT",
            size: 110.0,
            angle_degrees: 45.0,
            color: Color(0xe6, 0xe9, 0xee),
        },
        picture: PictureStyle {
            max_height: 160.0,
            points_per_pixel: 0.5,
        },
    };
}

impl Default for Theme {
    fn default() -> Theme {
        Theme::REPORT
    }
}
