//! The file's end: the structure tree packed into object streams and one
//! cross-reference stream for the whole file.
//!
//! lopdf writes the body (pages, fonts, content, outline) with a classic
//! cross-reference table; writing the structure tree's thousands of small
//! dictionaries through it took longer than typesetting the pages. So the
//! tree is serialised by [`super::tags`] straight to bytes, packed here
//! into compressed object streams (PDF 1.5, allowed by PDF/A-2 and
//! PDF/UA-1), and lopdf's table and trailer are replaced by a
//! cross-reference stream that lists every object: one revision, as if
//! written in one pass.

use super::super::PdfError;
use super::tags::Tree;
use crate::evaluate::messages::Message;
use lopdf::{Object, ObjectId};

/// Objects per object stream: the index within a stream fits the two
/// bytes the cross-reference stream gives it.
pub(super) const PER_STREAM: usize = 4096;

/// How many object streams `tree` needs.
pub(super) fn streams_for(tree: &Tree) -> usize {
    tree.objects.len().div_ceil(PER_STREAM)
}

/// Where each object of the body is, by number, from lopdf's table.
enum Entry {
    Free,
    InFile(u64),
    InStream { stream: u32, index: u16 },
}

fn malformed() -> PdfError {
    PdfError::Save(std::io::Error::other(Message::XrefUnreadable.template()))
}

/// Read lopdf's cross-reference table at `at`: (object number, offset).
fn read_table(bytes: &[u8], at: usize) -> Result<Vec<(u32, u64)>, PdfError> {
    let rest = bytes.get(at..).ok_or_else(malformed)?;
    let end = rest
        .windows(7)
        .position(|w| w == b"trailer")
        .ok_or_else(malformed)?;
    let text = std::str::from_utf8(&rest[..end]).map_err(|_| malformed())?;
    let mut tokens = text.split_ascii_whitespace();
    if tokens.next() != Some("xref") {
        return Err(malformed());
    }
    let mut out = Vec::new();
    while let Some(start) = tokens.next() {
        let start: u32 = start.parse().map_err(|_| malformed())?;
        let count: u32 = tokens
            .next()
            .and_then(|c| c.parse().ok())
            .ok_or_else(malformed)?;
        for n in start..start + count {
            let offset: u64 = tokens
                .next()
                .and_then(|o| o.parse().ok())
                .ok_or_else(malformed)?;
            let _generation = tokens.next().ok_or_else(malformed)?;
            if tokens.next().ok_or_else(malformed)? == "n" {
                out.push((n, offset));
            }
        }
    }
    Ok(out)
}

/// The number after the last `startxref`.
fn start_of_table(bytes: &[u8]) -> Result<usize, PdfError> {
    let at = bytes
        .windows(9)
        .rposition(|w| w == b"startxref")
        .ok_or_else(malformed)?;
    std::str::from_utf8(&bytes[at + 9..])
        .ok()
        .and_then(|t| t.split_ascii_whitespace().next())
        .and_then(|n| n.parse().ok())
        .ok_or_else(malformed)
}

fn deflate(data: &[u8], level: u32) -> Vec<u8> {
    let mut z = flate2::Compress::new(flate2::Compression::new(level), true);
    let mut out = Vec::with_capacity(data.len() / 3 + 64);
    loop {
        out.reserve(data.len() / 4 + 1024);
        let before = z.total_in() as usize;
        match z.compress_vec(&data[before..], &mut out, flate2::FlushCompress::Finish) {
            Ok(flate2::Status::StreamEnd) => return out,
            Ok(_) => continue,
            // Deflating memory to memory cannot fail; be safe and store.
            Err(_) => return Vec::new(),
        }
    }
}

fn object_header(out: &mut Vec<u8>, id: ObjectId) {
    out.extend_from_slice(format!("{} {} obj\n", id.0, id.1).as_bytes());
}

/// A PDF string of raw bytes, in hex.
fn hex(out: &mut Vec<u8>, bytes: &[u8]) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    out.push(b'<');
    for b in bytes {
        out.push(HEX[usize::from(b >> 4)]);
        out.push(HEX[usize::from(b & 15)]);
    }
    out.push(b'>');
}

/// Replace the table and trailer lopdf wrote at the end of `bytes` by the
/// tree's object streams and a cross-reference stream. `streams` are the
/// numbers reserved for the object streams ([`streams_for`] of them) and
/// `xref` the number reserved for the cross-reference stream; `size` is
/// one more than the highest object number.
pub(super) fn finish(
    mut bytes: Vec<u8>,
    tree: Tree,
    trailer: &lopdf::Dictionary,
    streams: &[ObjectId],
    xref: ObjectId,
    size: u32,
    level: u32,
) -> Result<Vec<u8>, PdfError> {
    let at = start_of_table(&bytes)?;
    let table = read_table(&bytes, at)?;
    bytes.truncate(at);
    let mut entries: Vec<Entry> = (0..size).map(|_| Entry::Free).collect();
    for (n, offset) in table {
        if let Some(e) = entries.get_mut(n as usize) {
            *e = Entry::InFile(offset);
        }
    }
    for (chunk, stream) in tree.objects.chunks(PER_STREAM).zip(streams) {
        let mut index = Vec::new();
        let mut body = Vec::new();
        for (i, (id, object)) in chunk.iter().enumerate() {
            index.extend_from_slice(format!("{} {} ", id.0, body.len()).as_bytes());
            body.extend_from_slice(object);
            body.push(b'\n');
            if let Some(e) = entries.get_mut(id.0 as usize) {
                *e = Entry::InStream {
                    stream: stream.0,
                    index: i as u16,
                };
            }
        }
        let first = index.len();
        index.extend_from_slice(&body);
        let packed = deflate(&index, level);
        if let Some(e) = entries.get_mut(stream.0 as usize) {
            *e = Entry::InFile(bytes.len() as u64);
        }
        object_header(&mut bytes, *stream);
        bytes.extend_from_slice(
            format!(
                "<</Type/ObjStm/N {}/First {first}/Filter/FlateDecode/Length {}>>\nstream\n",
                chunk.len(),
                packed.len()
            )
            .as_bytes(),
        );
        bytes.extend_from_slice(&packed);
        bytes.extend_from_slice(b"\nendstream\nendobj\n");
    }

    let xref_at = bytes.len();
    if let Some(e) = entries.get_mut(xref.0 as usize) {
        *e = Entry::InFile(xref_at as u64);
    }
    let mut rows = Vec::with_capacity(entries.len() * 7);
    for (n, e) in entries.iter().enumerate() {
        match e {
            // The head of the free list, then free numbers.
            Entry::Free => {
                rows.extend_from_slice(&[0, 0, 0, 0, 0]);
                rows.extend_from_slice(&(if n == 0 { 65535u16 } else { 0 }).to_be_bytes());
            }
            Entry::InFile(offset) => {
                rows.push(1);
                rows.extend_from_slice(&(*offset as u32).to_be_bytes());
                rows.extend_from_slice(&[0, 0]);
            }
            Entry::InStream { stream, index } => {
                rows.push(2);
                rows.extend_from_slice(&stream.to_be_bytes());
                rows.extend_from_slice(&index.to_be_bytes());
            }
        }
    }
    let packed = deflate(&rows, level);
    let mut dict = format!("<</Type/XRef/Size {size}/W[1 4 2]").into_bytes();
    for key in ["Root", "Info"] {
        if let Ok(Object::Reference(id)) = trailer.get(key.as_bytes()) {
            dict.extend_from_slice(format!("/{key} {} {} R", id.0, id.1).as_bytes());
        }
    }
    if let Ok(Object::Array(ids)) = trailer.get(b"ID") {
        dict.extend_from_slice(b"/ID[");
        for id in ids {
            if let Object::String(s, _) = id {
                hex(&mut dict, s);
            }
        }
        dict.push(b']');
    }
    dict.extend_from_slice(format!("/Filter/FlateDecode/Length {}>>", packed.len()).as_bytes());
    object_header(&mut bytes, xref);
    bytes.extend_from_slice(&dict);
    bytes.extend_from_slice(b"\nstream\n");
    bytes.extend_from_slice(&packed);
    bytes.extend_from_slice(b"\nendstream\nendobj\n");
    bytes.extend_from_slice(format!("startxref\n{xref_at}\n%%EOF\n").as_bytes());
    Ok(bytes)
}
