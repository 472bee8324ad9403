//! Pictures on the pages (logos, template images): each one image XObject
//! however often it is drawn, a JPEG as it is (its DCT data is what a PDF
//! reader decodes), a PNG decoded and deflated again with its transparency
//! as a soft mask. They are drawn from a content stream of their own added
//! to the page, as artifacts: the text says what a logo shows.

use super::super::layout::{Item, Page};
use super::super::PdfError;
use crate::evaluate::messages::{say, Message};
use crate::profile::image::{Image, ImageKind};
use crate::render::Picture;
use lopdf::{Dictionary, Object, ObjectId, Stream};
use std::collections::BTreeMap;
use std::io::{Read, Write};

/// Add the pictures the pages draw. `height` is the page height (the
/// layout measures y down from the top).
pub(super) fn place(
    lo: &mut lopdf::Document,
    pages: &[Page],
    pictures: &[Picture],
    height: f32,
) -> Result<(), PdfError> {
    if pictures.is_empty() {
        return Ok(());
    }
    let page_ids: Vec<ObjectId> = lo.get_pages().into_values().collect();
    let mut objects: BTreeMap<usize, ObjectId> = BTreeMap::new();
    for (page, id) in pages.iter().zip(page_ids) {
        let mut content = Vec::new();
        let mut used = BTreeMap::new();
        for item in &page.items {
            let Item::Image {
                x,
                y,
                w,
                h,
                picture,
            } = item
            else {
                continue;
            };
            let Some(p) = pictures.get(*picture) else {
                continue;
            };
            let object = match objects.get(picture) {
                Some(o) => *o,
                None => {
                    let stream = xobject(lo, &p.image).map_err(|e| PdfError::Image {
                        path: p.image.path.clone(),
                        problem: e,
                    })?;
                    let o = lo.add_object(stream);
                    objects.insert(*picture, o);
                    o
                }
            };
            let name = format!("Pic{picture}");
            used.insert(name.clone(), object);
            content.extend_from_slice(
                format!(
                    "q {:.3} 0 0 {:.3} {:.3} {:.3} cm /{name} Do Q\n",
                    w,
                    h,
                    x,
                    height - y - h
                )
                .as_bytes(),
            );
        }
        if content.is_empty() {
            continue;
        }
        let mut bytes = b"/Artifact BMC\n".to_vec();
        bytes.extend_from_slice(&content);
        bytes.extend_from_slice(b"EMC\n");
        let stream = lo.add_object(Stream::new(Dictionary::new(), bytes));
        add_to_page(lo, id, stream, &used).map_err(|_| PdfError::Content(0))?;
    }
    Ok(())
}

/// Append `stream` to the page's contents and name the pictures in its
/// resources.
fn add_to_page(
    lo: &mut lopdf::Document,
    page: ObjectId,
    stream: ObjectId,
    used: &BTreeMap<String, ObjectId>,
) -> Result<(), lopdf::Error> {
    let resources = lo.get_dictionary(page)?.get(b"Resources").cloned();
    let mut dict = match &resources {
        Ok(Object::Reference(r)) => lo.get_dictionary(*r)?.clone(),
        Ok(Object::Dictionary(d)) => d.clone(),
        _ => Dictionary::new(),
    };
    let mut xobjects = match dict.get(b"XObject") {
        Ok(Object::Dictionary(d)) => d.clone(),
        Ok(Object::Reference(r)) => lo.get_dictionary(*r)?.clone(),
        _ => Dictionary::new(),
    };
    for (name, id) in used {
        xobjects.set(name.as_bytes(), Object::Reference(*id));
    }
    dict.set("XObject", Object::Dictionary(xobjects));
    // A page's own resources, so a picture is named only where drawn.
    let page_dict = lo.get_dictionary_mut(page)?;
    page_dict.set("Resources", Object::Dictionary(dict));
    let contents = page_dict.get(b"Contents")?.clone();
    let mut list = match contents {
        Object::Array(a) => a,
        other => vec![other],
    };
    list.push(Object::Reference(stream));
    page_dict.set("Contents", Object::Array(list));
    Ok(())
}

/// The image XObject of a picture (and its soft mask, added to `lo`).
fn xobject(lo: &mut lopdf::Document, image: &Image) -> Result<Stream, String> {
    match image.kind {
        ImageKind::Jpeg => jpeg(image),
        ImageKind::Png => {
            let decoded = decode_png(&image.bytes)?;
            let mut dict = image_dict(decoded.width, decoded.height, decoded.colour_space());
            if let Some(alpha) = &decoded.alpha {
                let mut mask = image_dict(decoded.width, decoded.height, "DeviceGray");
                mask.set("Filter", Object::Name(b"FlateDecode".to_vec()));
                let mask = lo.add_object(Stream::new(mask, deflate(alpha)));
                dict.set("SMask", Object::Reference(mask));
            }
            dict.set("Filter", Object::Name(b"FlateDecode".to_vec()));
            Ok(Stream::new(dict, deflate(&decoded.samples)))
        }
        ImageKind::Svg => Err(Message::SvgImageNotDrawn.template().into()),
    }
}

fn image_dict(width: u32, height: u32, colour_space: &str) -> Dictionary {
    let mut d = Dictionary::new();
    d.set("Type", Object::Name(b"XObject".to_vec()));
    d.set("Subtype", Object::Name(b"Image".to_vec()));
    d.set("Width", Object::Integer(i64::from(width)));
    d.set("Height", Object::Integer(i64::from(height)));
    d.set("ColorSpace", Object::Name(colour_space.as_bytes().to_vec()));
    d.set("BitsPerComponent", Object::Integer(8));
    d
}

fn deflate(bytes: &[u8]) -> Vec<u8> {
    let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::new(6));
    // Writing to a Vec cannot fail.
    let _ = z.write_all(bytes);
    z.finish().unwrap_or_default()
}

/// A JPEG's DCT data as the image's stream.
fn jpeg(image: &Image) -> Result<Stream, String> {
    let b = &image.bytes;
    let mut at = 2;
    let mut components = 0u8;
    let mut adobe = false;
    while at + 4 <= b.len() {
        let marker = b[at + 1];
        if b[at] != 0xFF {
            break;
        }
        if marker == 0xFF {
            at += 1;
            continue;
        }
        let len = usize::from(u16::from_be_bytes([b[at + 2], b[at + 3]]));
        if marker == 0xEE && b.get(at + 4..at + 9) == Some(b"Adobe".as_slice()) {
            adobe = true;
        }
        if matches!(marker, 0xC0..=0xC2) {
            components = b.get(at + 9).copied().unwrap_or(0);
            break;
        }
        at += 2 + len;
    }
    let space = match components {
        1 => "DeviceGray",
        3 => "DeviceRGB",
        4 => "DeviceCMYK",
        _ => return Err(Message::JpegNoFrameHeader.template().into()),
    };
    let mut dict = image_dict(image.width, image.height, space);
    // Adobe's CMYK JPEGs store inverted values.
    if components == 4 && adobe {
        dict.set(
            "Decode",
            Object::Array([1, 0, 1, 0, 1, 0, 1, 0].map(Object::Integer).to_vec()),
        );
    }
    dict.set("Filter", Object::Name(b"DCTDecode".to_vec()));
    let mut stream = Stream::new(dict, b.to_vec());
    // Already compressed: deflating it again gains nothing.
    stream.allows_compression = false;
    Ok(stream)
}

/// A PNG as 8-bit samples (grey or RGB) and, when any pixel is not
/// opaque, an 8-bit alpha channel.
struct Decoded {
    width: u32,
    height: u32,
    grey: bool,
    samples: Vec<u8>,
    alpha: Option<Vec<u8>>,
}

impl Decoded {
    fn colour_space(&self) -> &'static str {
        if self.grey {
            "DeviceGray"
        } else {
            "DeviceRGB"
        }
    }
}

fn decode_png(b: &[u8]) -> Result<Decoded, String> {
    let mut at = 8;
    let (mut width, mut height, mut depth, mut colour) = (0u32, 0u32, 0u8, 0u8);
    let (mut palette, mut transparency, mut data) = (Vec::new(), Vec::new(), Vec::new());
    while at + 8 <= b.len() {
        let len = u32::from_be_bytes([b[at], b[at + 1], b[at + 2], b[at + 3]]) as usize;
        let kind = &b[at + 4..at + 8];
        let body = b
            .get(at + 8..at + 8 + len)
            .ok_or(Message::PngCutShort.template())?;
        match kind {
            b"IHDR" if len >= 13 => {
                width = u32::from_be_bytes([body[0], body[1], body[2], body[3]]);
                height = u32::from_be_bytes([body[4], body[5], body[6], body[7]]);
                depth = body[8];
                colour = body[9];
            }
            b"PLTE" => palette = body.to_vec(),
            b"tRNS" => transparency = body.to_vec(),
            b"IDAT" => data.extend_from_slice(body),
            b"IEND" => break,
            _ => {}
        }
        at += 12 + len;
    }
    let channels: usize = match colour {
        0 | 3 => 1,
        2 => 3,
        4 => 2,
        6 => 4,
        _ => return Err(Message::PngColourTypeUnknown.template().into()),
    };
    let (w, h) = (width as usize, height as usize);
    let row_bits = w * channels * usize::from(depth);
    let row = row_bits.div_ceil(8);
    let expected = h * (row + 1);
    let mut raw = Vec::with_capacity(expected);
    flate2::read::ZlibDecoder::new(data.as_slice())
        .take(expected as u64 + 1)
        .read_to_end(&mut raw)
        .map_err(|e| say(Message::PngDataUnreadable, &[("error", &e.to_string())]))?;
    if raw.len() < expected {
        return Err(Message::PngDataCutShort.template().into());
    }
    let bpp = (channels * usize::from(depth)).div_ceil(8).max(1);
    let mut rows = vec![0u8; h * row];
    for y in 0..h {
        let filter = raw[y * (row + 1)];
        let line = &raw[y * (row + 1) + 1..(y + 1) * (row + 1)];
        let (done, rest) = rows.split_at_mut(y * row);
        let prior = if y == 0 {
            None
        } else {
            Some(&done[(y - 1) * row..])
        };
        let out = &mut rest[..row];
        for i in 0..row {
            let a = if i >= bpp { out[i - bpp] } else { 0 };
            let up = prior.map_or(0, |p| p[i]);
            let c = if i >= bpp {
                prior.map_or(0, |p| p[i - bpp])
            } else {
                0
            };
            out[i] = line[i].wrapping_add(match filter {
                0 => 0,
                1 => a,
                2 => up,
                3 => ((u16::from(a) + u16::from(up)) / 2) as u8,
                4 => paeth(a, up, c),
                _ => {
                    return Err(say(
                        Message::PngUnknownRowFilter,
                        &[("filter", &filter.to_string())],
                    ))
                }
            });
        }
    }
    // Sample `n` of row `y`, scaled to 8 bits (16-bit samples keep their
    // high byte; fewer bits are spread over the range).
    let sample = |y: usize, n: usize| -> u8 {
        let r = &rows[y * row..(y + 1) * row];
        match depth {
            8 => r[n],
            16 => r[n * 2],
            d => {
                let bit = n * usize::from(d);
                let v = (r[bit / 8] >> (8 - usize::from(d) - bit % 8)) & ((1u8 << d) - 1);
                if colour == 3 {
                    v
                } else {
                    (u16::from(v) * 255 / ((1u16 << d) - 1)) as u8
                }
            }
        }
    };
    let grey = matches!(colour, 0 | 4);
    let mut samples = Vec::with_capacity(w * h * if grey { 1 } else { 3 });
    let mut alpha = Vec::with_capacity(w * h);
    for y in 0..h {
        for x in 0..w {
            match colour {
                0 => {
                    samples.push(sample(y, x));
                    alpha.push(255);
                }
                2 => {
                    samples.extend((0..3).map(|c| sample(y, x * 3 + c)));
                    alpha.push(255);
                }
                3 => {
                    let i = usize::from(sample(y, x));
                    let rgb = palette.get(i * 3..i * 3 + 3).unwrap_or(&[0, 0, 0]);
                    samples.extend_from_slice(rgb);
                    alpha.push(transparency.get(i).copied().unwrap_or(255));
                }
                4 => {
                    samples.push(sample(y, x * 2));
                    alpha.push(sample(y, x * 2 + 1));
                }
                _ => {
                    samples.extend((0..3).map(|c| sample(y, x * 4 + c)));
                    alpha.push(sample(y, x * 4 + 3));
                }
            }
        }
    }
    let opaque = alpha.iter().all(|a| *a == 255);
    Ok(Decoded {
        width,
        height,
        grey,
        samples,
        alpha: (!opaque).then_some(alpha),
    })
}

fn paeth(a: u8, b: u8, c: u8) -> u8 {
    let p = i16::from(a) + i16::from(b) - i16::from(c);
    let (pa, pb, pc) = (
        (p - i16::from(a)).abs(),
        (p - i16::from(b)).abs(),
        (p - i16::from(c)).abs(),
    );
    if pa <= pb && pa <= pc {
        a
    } else if pb <= pc {
        b
    } else {
        c
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A PNG of `w` x 1 pixels, RGBA, with the given row filter applied
    /// to `pixels` as a writer would.
    fn rgba_png(pixels: &[[u8; 4]]) -> Vec<u8> {
        fn chunk(out: &mut Vec<u8>, kind: &[u8], body: &[u8]) {
            out.extend_from_slice(&(body.len() as u32).to_be_bytes());
            out.extend_from_slice(kind);
            out.extend_from_slice(body);
            out.extend_from_slice(&[0, 0, 0, 0]);
        }
        let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
        let mut ihdr = (pixels.len() as u32).to_be_bytes().to_vec();
        ihdr.extend_from_slice(&1u32.to_be_bytes());
        ihdr.extend_from_slice(&[8, 6, 0, 0, 0]);
        chunk(&mut out, b"IHDR", &ihdr);
        // Filter 1 (sub): each byte minus the one a pixel before.
        let flat: Vec<u8> = pixels.iter().flatten().copied().collect();
        let mut line = vec![1u8];
        for i in 0..flat.len() {
            line.push(flat[i].wrapping_sub(if i >= 4 { flat[i - 4] } else { 0 }));
        }
        chunk(&mut out, b"IDAT", &deflate(&line));
        chunk(&mut out, b"IEND", &[]);
        out
    }

    #[test]
    fn a_png_comes_out_as_its_pixels_and_a_soft_mask() {
        let png = rgba_png(&[[10, 20, 30, 255], [200, 100, 50, 128]]);
        let d = decode_png(&png).unwrap();
        assert_eq!((d.width, d.height, d.grey), (2, 1, false));
        assert_eq!(d.samples, vec![10, 20, 30, 200, 100, 50]);
        assert_eq!(d.alpha, Some(vec![255, 128]));
        let opaque = decode_png(&rgba_png(&[[1, 2, 3, 255]])).unwrap();
        assert_eq!(opaque.alpha, None, "an opaque picture needs no mask");
    }

    #[test]
    fn paeth_picks_the_nearest_neighbour() {
        assert_eq!(paeth(10, 20, 10), 20);
        assert_eq!(paeth(20, 10, 10), 20);
        assert_eq!(paeth(5, 5, 5), 5);
    }
}
