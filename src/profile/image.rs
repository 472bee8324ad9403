//! Pictures a report shows that the tool did not draw: the logos a profile
//! names (`report.logo`, `report.client_logo`) and images in user
//! templates. This module owns reading them with a bound and telling what
//! they are from their first bytes (never from the file name), so a wrong
//! file is refused where it is named, with the reason.

use serde::Serialize;
use std::path::Path;
use std::sync::Arc;

/// Logos and template images are limited to this many bytes: a logo for a
/// cover is a few tens of kilobytes, and every byte is embedded in every
/// PDF and HTML page.
pub(crate) const MAX_IMAGE_BYTES: u64 = 2 * 1024 * 1024;

/// The image formats a report can show.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ImageKind {
    Png,
    Jpeg,
    Svg,
}

impl ImageKind {
    pub fn extension(self) -> &'static str {
        match self {
            ImageKind::Png => "png",
            ImageKind::Jpeg => "jpeg",
            ImageKind::Svg => "svg",
        }
    }

    pub fn media_type(self) -> &'static str {
        match self {
            ImageKind::Png => "image/png",
            ImageKind::Jpeg => "image/jpeg",
            ImageKind::Svg => "image/svg+xml",
        }
    }
}

/// An image read and recognised: its path as the author wrote it, what it
/// is, its size in pixels (SVG: its user units), and its bytes, which are
/// not part of the assessment's JSON.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Image {
    pub path: String,
    pub kind: ImageKind,
    pub width: u32,
    pub height: u32,
    #[serde(skip)]
    pub bytes: Arc<[u8]>,
}

/// Read the image at `path` (shown to users as `written`): a regular file
/// of at most [`MAX_IMAGE_BYTES`] that is a PNG, JPEG or SVG image. The
/// error is a sentence naming the problem.
pub(crate) fn read(path: &Path, written: &str) -> Result<Image, String> {
    let bytes = crate::fsio::read_limited(path, MAX_IMAGE_BYTES).map_err(|e| match e {
        crate::fsio::ReadError::TooLarge { size, limit } => format!(
            "the image `{written}` is {size} bytes, over the {} limit for images",
            crate::fsio::ReadError::limit_words(limit)
        ),
        crate::fsio::ReadError::Io(err) if err.source.kind() == std::io::ErrorKind::NotFound => {
            let looked = path.display().to_string();
            if looked == written {
                format!("there is no file `{written}`")
            } else {
                format!("there is no file `{written}` (looked for `{looked}`)")
            }
        }
        crate::fsio::ReadError::Io(err) => {
            format!("the image `{written}` cannot be read: {}", err.reason())
        }
    })?;
    recognise(written, bytes)
}

/// What `bytes` are, from their first bytes.
pub(crate) fn recognise(written: &str, bytes: Vec<u8>) -> Result<Image, String> {
    let (kind, (width, height)) = if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        (
            ImageKind::Png,
            png_size(&bytes).map_err(|e| format!("`{written}` {e}"))?,
        )
    } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        (
            ImageKind::Jpeg,
            jpeg_size(&bytes).map_err(|e| format!("`{written}` {e}"))?,
        )
    } else if let Some(size) = svg_size(&bytes) {
        (ImageKind::Svg, size)
    } else {
        return Err(format!(
            "`{written}` is not a PNG, JPEG or SVG image (its first bytes say otherwise)"
        ));
    };
    if width == 0 || height == 0 {
        return Err(format!("`{written}` has no width or no height"));
    }
    Ok(Image {
        path: written.to_string(),
        kind,
        width,
        height,
        bytes: bytes.into(),
    })
}

fn be32(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_be_bytes(b.get(at..at + 4)?.try_into().ok()?))
}

/// A PNG's size from its header, refusing what the PDF cannot embed.
fn png_size(b: &[u8]) -> Result<(u32, u32), String> {
    if b.get(12..16) != Some(b"IHDR") {
        return Err("is a damaged PNG (no header chunk)".into());
    }
    let (w, h) = (be32(b, 16).unwrap_or(0), be32(b, 20).unwrap_or(0));
    let (depth, colour, interlace) = (
        b.get(24).copied().unwrap_or(0),
        b.get(25).copied().unwrap_or(9),
        b.get(28).copied().unwrap_or(0),
    );
    let depth_ok = match colour {
        0 => matches!(depth, 1 | 2 | 4 | 8 | 16),
        3 => matches!(depth, 1 | 2 | 4 | 8),
        2 | 4 | 6 => matches!(depth, 8 | 16),
        _ => false,
    };
    if !depth_ok {
        return Err(format!(
            "is a PNG of a kind the standard does not define (colour type {colour}, depth {depth})"
        ));
    }
    if interlace != 0 {
        return Err("is an interlaced PNG; save it without interlacing".into());
    }
    if u64::from(w) * u64::from(h) > 40_000_000 {
        return Err(format!("is {w} x {h} pixels, more than a report needs"));
    }
    Ok((w, h))
}

/// A JPEG's size from its first start-of-frame marker.
fn jpeg_size(b: &[u8]) -> Result<(u32, u32), String> {
    let mut at = 2;
    while at + 4 <= b.len() {
        if b[at] != 0xFF {
            return Err("is a damaged JPEG".into());
        }
        let marker = b[at + 1];
        if marker == 0xFF {
            at += 1;
            continue;
        }
        let len = usize::from(u16::from_be_bytes([b[at + 2], b[at + 3]]));
        // Baseline, extended and progressive frames, Huffman coded: what a
        // PDF reader's DCT decoder reads. Arithmetic coding is refused.
        if matches!(marker, 0xC0..=0xC2) {
            let frame = b.get(at + 4..at + 10).ok_or("is a damaged JPEG")?;
            let h = u32::from(u16::from_be_bytes([frame[1], frame[2]]));
            let w = u32::from(u16::from_be_bytes([frame[3], frame[4]]));
            if !matches!(frame[5], 1 | 3 | 4) {
                return Err(format!("is a JPEG with {} colour components", frame[5]));
            }
            return Ok((w, h));
        }
        if matches!(marker, 0xC3 | 0xC5..=0xC7 | 0xC9..=0xCB | 0xCD..=0xCF) {
            return Err("is a lossless or arithmetic-coded JPEG, which PDF readers do not all show; save it as a baseline JPEG".into());
        }
        at += 2 + len;
    }
    Err("is a JPEG without a frame header".into())
}

/// An SVG's size: its `width` and `height`, else its `viewBox`. `None` if
/// the text is not an SVG document.
fn svg_size(b: &[u8]) -> Option<(u32, u32)> {
    let text = std::str::from_utf8(b.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(b)).ok()?;
    let start = text.find("<svg")?;
    // Only a prolog, comments or a doctype may come before the root.
    let before = text[..start].trim();
    if !(before.is_empty() || before.starts_with("<?xml") || before.starts_with("<!")) {
        return None;
    }
    let tag_end = text[start..].find('>')? + start;
    let tag = &text[start..tag_end];
    let attr = |name: &str| -> Option<&str> {
        let at = tag.find(&format!(" {name}="))? + name.len() + 2;
        let quote = tag[at..].chars().next()?;
        let rest = &tag[at + 1..];
        Some(&rest[..rest.find(quote)?])
    };
    let length = |v: &str| -> Option<f64> { v.trim_end_matches("px").trim().parse::<f64>().ok() };
    let size = match (
        attr("width").and_then(length),
        attr("height").and_then(length),
    ) {
        (Some(w), Some(h)) => Some((w, h)),
        _ => attr("viewBox").and_then(|v| {
            let n: Vec<f64> = v
                .split(|c: char| c.is_whitespace() || c == ',')
                .filter(|s| !s.is_empty())
                .filter_map(|s| s.parse().ok())
                .collect();
            (n.len() == 4).then(|| (n[2], n[3]))
        }),
    };
    let (w, h) = size.unwrap_or((300.0, 150.0));
    let fit = |v: f64| v.round().clamp(0.0, 100_000.0) as u32;
    Some((fit(w), fit(h)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn png(colour: u8, depth: u8, interlace: u8) -> Vec<u8> {
        let mut b = b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR".to_vec();
        b.extend_from_slice(&120u32.to_be_bytes());
        b.extend_from_slice(&40u32.to_be_bytes());
        b.extend_from_slice(&[depth, colour, 0, 0, interlace]);
        b
    }

    #[test]
    fn images_are_told_by_their_bytes() {
        let i = recognise("logo.jpg", png(6, 8, 0)).unwrap();
        assert_eq!((i.kind, i.width, i.height), (ImageKind::Png, 120, 40));
        let jpeg = [
            0xFF, 0xD8, 0xFF, 0xE0, 0, 4, 0, 0, 0xFF, 0xC0, 0, 11, 8, 0, 30, 0, 90, 3,
        ];
        let i = recognise("logo.png", jpeg.to_vec()).unwrap();
        assert_eq!((i.kind, i.width, i.height), (ImageKind::Jpeg, 90, 30));
        let svg = br#"<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 50"><rect/></svg>"#;
        let i = recognise("logo.svg", svg.to_vec()).unwrap();
        assert_eq!((i.kind, i.width, i.height), (ImageKind::Svg, 200, 50));
    }

    #[test]
    fn what_a_report_cannot_show_is_refused_with_the_reason() {
        let e = recognise("logo.png", b"GIF89a....".to_vec()).unwrap_err();
        assert!(e.contains("not a PNG, JPEG or SVG"), "{e}");
        let e = recognise("logo.png", png(6, 8, 1)).unwrap_err();
        assert!(e.contains("interlaced"), "{e}");
        let e = recognise("logo.png", png(6, 4, 0)).unwrap_err();
        assert!(e.contains("colour type 6, depth 4"), "{e}");
        let e = recognise("page.svg", b"<html><svg></svg></html>".to_vec()).unwrap_err();
        assert!(e.contains("not a PNG"), "{e}");
    }
}
