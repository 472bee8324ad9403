//! A reader for the few TrueType tables measuring needs (`head`, `hhea`,
//! `maxp`, `hmtx`, `cmap`), straight from the font's bytes.
//!
//! printpdf's own parse of a face (azul-layout over allsorts) also loads the
//! outlines, the layout tables and the hinting program, which costs about a
//! millisecond per face; measuring text needs none of that. This reader
//! answers exactly what that parse answers for the same questions (which
//! glyph a character maps to, its advance), following allsorts' choice of
//! cmap subtable and its arithmetic; a test checks every code point of every
//! bundled face against printpdf's parse.

fn u16_at(d: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_be_bytes([*d.get(at)?, *d.get(at + 1)?]))
}

fn i16_at(d: &[u8], at: usize) -> Option<i16> {
    u16_at(d, at).map(|v| v as i16)
}

fn u32_at(d: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_be_bytes([
        *d.get(at)?,
        *d.get(at + 1)?,
        *d.get(at + 2)?,
        *d.get(at + 3)?,
    ]))
}

fn table<'a>(font: &'a [u8], tag: &[u8; 4]) -> Option<&'a [u8]> {
    let count = usize::from(u16_at(font, 4)?);
    (0..count).find_map(|i| {
        let record = 12 + 16 * i;
        if font.get(record..record + 4)? != tag {
            return None;
        }
        let offset = u32_at(font, record + 8)? as usize;
        let len = u32_at(font, record + 12)? as usize;
        font.get(offset..offset.checked_add(len)?)
    })
}

/// The cmap subtable formats the reader maps with.
#[derive(Debug, Clone, Copy)]
enum Cmap<'a> {
    /// Segments: (end codes, start codes, deltas, range offsets, the
    /// subtable from the range offsets on, for glyph array indexing).
    Format4 { segments: usize, data: &'a [u8] },
    /// Sequential groups of 12 bytes each.
    Format12 { groups: &'a [u8] },
}

impl Cmap<'_> {
    /// The subtable allsorts (and so printpdf) maps characters with: the
    /// first of Windows UCS-4, Windows BMP, Unicode UCS-4, any Unicode
    /// subtable. Other choices (symbol, Mac Roman) are not read here.
    fn find(cmap: &[u8]) -> Option<Cmap<'_>> {
        let count = usize::from(u16_at(cmap, 2)?);
        let record = |platform: u16, encoding: Option<u16>| {
            (0..count).find_map(|i| {
                let at = 4 + 8 * i;
                let p = u16_at(cmap, at)?;
                let e = u16_at(cmap, at + 2)?;
                (p == platform && encoding.is_none_or(|want| want == e))
                    .then(|| u32_at(cmap, at + 4))
                    .flatten()
            })
        };
        let offset = record(3, Some(10))
            .or_else(|| record(3, Some(1)))
            .or_else(|| record(0, Some(4)))
            .or_else(|| record(0, None))? as usize;
        let sub = cmap.get(offset..)?;
        match u16_at(sub, 0)? {
            4 => {
                let len = usize::from(u16_at(sub, 2)?);
                let data = sub.get(..len)?;
                let segments = usize::from(u16_at(data, 6)? / 2);
                // end codes, pad, start codes, deltas, range offsets
                (14 + 8 * segments + 2 <= data.len()).then_some(Cmap::Format4 { segments, data })
            }
            12 => {
                let len = u32_at(sub, 4)? as usize;
                let groups = u32_at(sub, 12)? as usize;
                let data = sub.get(16..len.min(sub.len()))?;
                let groups = data.get(..groups.checked_mul(12)?)?;
                Some(Cmap::Format12 { groups })
            }
            _ => None,
        }
    }

    /// Every (code point, glyph) the subtable maps, in segment order.
    fn each(&self, limit: u32, mut f: impl FnMut(u32, u16)) {
        match *self {
            Cmap::Format4 { segments, data } => {
                for i in 0..segments {
                    let (Some(start), Some(end)) =
                        (Self::start(data, segments, i), Self::end(data, i))
                    else {
                        return;
                    };
                    for ch in start..=end {
                        if u32::from(ch) >= limit {
                            break;
                        }
                        if let Some(g) = Self::format4_glyph(data, segments, i, ch) {
                            f(u32::from(ch), g);
                        }
                    }
                }
            }
            Cmap::Format12 { groups } => {
                for g in groups.chunks_exact(12) {
                    let (Some(start), Some(end), Some(glyph)) =
                        (u32_at(g, 0), u32_at(g, 4), u32_at(g, 8))
                    else {
                        return;
                    };
                    for ch in start..=end.min(limit.saturating_sub(1)) {
                        let gid = glyph.checked_add(ch - start).map(u16::try_from);
                        if let Some(Ok(gid)) = gid {
                            f(ch, gid);
                        }
                    }
                }
            }
        }
    }

    fn end(data: &[u8], i: usize) -> Option<u16> {
        u16_at(data, 14 + 2 * i)
    }

    fn start(data: &[u8], segments: usize, i: usize) -> Option<u16> {
        u16_at(data, 16 + 2 * segments + 2 * i)
    }

    /// The glyph of `ch` in segment `i`, as allsorts computes it (including
    /// its 0xFFFF range offset workaround).
    fn format4_glyph(data: &[u8], segments: usize, i: usize, ch: u16) -> Option<u16> {
        let start = Self::start(data, segments, i)?;
        let delta = i16_at(data, 16 + 4 * segments + 2 * i)?;
        let range_at = 16 + 6 * segments + 2 * i;
        let mut range = u16_at(data, range_at)?;
        if range == 0xFFFF {
            range = 0;
        }
        if range == 0 {
            return Some(((i32::from(ch) + i32::from(delta)) & 0xFFFF) as u16);
        }
        // The offset counts in bytes from the range offset's own position
        // into the glyph id array that follows the range offsets.
        if range % 2 == 1 {
            return None;
        }
        let index = (usize::from(range) / 2 + usize::from(ch - start)).checked_sub(segments - i)?;
        let glyph = u16_at(data, 16 + 8 * segments + 2 * index)?;
        Some(if glyph == 0 {
            0
        } else {
            ((i32::from(glyph) + i32::from(delta)) & 0xFFFF) as u16
        })
    }

    /// The glyph `ch` maps to, if any subtable entry covers it.
    fn glyph(&self, ch: u32) -> Option<u16> {
        match *self {
            Cmap::Format4 { segments, data } => {
                let ch = u16::try_from(ch).ok()?;
                // allsorts scans linearly and takes the first segment that
                // contains `ch`; end codes ascend, so that is the first
                // segment whose end is at least `ch`, if it starts at or
                // before it.
                let (mut lo, mut hi) = (0, segments);
                while lo < hi {
                    let mid = (lo + hi) / 2;
                    if Self::end(data, mid)? < ch {
                        lo = mid + 1;
                    } else {
                        hi = mid;
                    }
                }
                let first = (lo..segments).find(|&i| {
                    Self::start(data, segments, i).is_some_and(|s| s <= ch)
                        && Self::end(data, i).is_some_and(|e| ch <= e)
                })?;
                Self::format4_glyph(data, segments, first, ch)
            }
            Cmap::Format12 { groups } => {
                // allsorts takes the first group that contains `ch`; groups
                // are sorted and disjoint, so a binary search finds it.
                let n = groups.len() / 12;
                let end = |i: usize| u32_at(groups, 12 * i + 4);
                let (mut lo, mut hi) = (0, n);
                while lo < hi {
                    let mid = (lo + hi) / 2;
                    if end(mid)? < ch {
                        lo = mid + 1;
                    } else {
                        hi = mid;
                    }
                }
                let g = groups.get(12 * lo..12 * lo + 12)?;
                let start = u32_at(g, 0)?;
                if start > ch {
                    return None;
                }
                u16::try_from(u32_at(g, 8)?.checked_add(ch - start)?).ok()
            }
        }
    }
}

/// The measuring tables of one face, borrowed from its bytes.
#[derive(Debug, Clone, Copy)]
pub(super) struct Reader<'a> {
    cmap: Cmap<'a>,
    hmtx: &'a [u8],
    metrics: usize,
    glyphs: u16,
    pub(super) units_per_em: u16,
    pub(super) ascender: i16,
    pub(super) descender: i16,
}

impl<'a> Reader<'a> {
    pub(super) fn new(font: &'a [u8]) -> Option<Reader<'a>> {
        let head = table(font, b"head")?;
        let hhea = table(font, b"hhea")?;
        let maxp = table(font, b"maxp")?;
        Some(Reader {
            cmap: Cmap::find(table(font, b"cmap")?)?,
            hmtx: table(font, b"hmtx")?,
            metrics: usize::from(u16_at(hhea, 34)?),
            glyphs: u16_at(maxp, 4)?,
            units_per_em: u16_at(head, 18)?,
            ascender: i16_at(hhea, 4)?,
            descender: i16_at(hhea, 6)?,
        })
    }

    pub(super) fn glyph(&self, c: u32) -> Option<u16> {
        self.cmap.glyph(c)
    }

    /// Every (code point, glyph) below `limit`.
    pub(super) fn each_below(&self, limit: u32, f: impl FnMut(u32, u16)) {
        self.cmap.each(limit, f);
    }

    /// The advance in font units, as allsorts reads it: glyphs past the last
    /// long metric share its advance; a glyph the font does not have, 0.
    pub(super) fn advance(&self, glyph: u16) -> u16 {
        if glyph >= self.glyphs || self.metrics == 0 {
            return 0;
        }
        let i = usize::from(glyph).min(self.metrics - 1);
        u16_at(self.hmtx, 4 * i).unwrap_or(0)
    }
}
