//! What a PDF says about itself for archives and assistive technology:
//! the XMP metadata packet (the Info dictionary's facts again, in the form
//! ISO 16684-1 gives them, with the PDF/UA and PDF/A identification) and,
//! for PDF/A, the sRGB output intent the page colours are meant in.

use super::super::{DocumentInfo, PdfError, PdfStandard};
use crate::evaluate::messages::{say, Message};
use lopdf::{Dictionary, Object, Stream, StringFormat};

/// The ICC colour space the output intent names.
const SRGB: &str = "sRGB IEC61966-2.1";

/// Add the XMP metadata, and for PDF/A the output intent, to `lo`.
pub(super) fn metadata(
    lo: &mut lopdf::Document,
    title: &str,
    info: &DocumentInfo,
    standard: PdfStandard,
) -> Result<(), PdfError> {
    let xmp = xmp_packet(title, info, standard);
    let mut dict = Dictionary::new();
    dict.set("Type", Object::Name(b"Metadata".to_vec()));
    dict.set("Subtype", Object::Name(b"XML".to_vec()));
    let metadata = lo.add_object(Stream::new(dict, xmp.into_bytes()));
    let intent = if standard.archival() {
        let mut icc = Dictionary::new();
        icc.set("N", Object::Integer(3));
        let profile = lo.add_object(Stream::new(icc, srgb_profile()));
        let mut intent = Dictionary::new();
        intent.set("Type", Object::Name(b"OutputIntent".to_vec()));
        intent.set("S", Object::Name(b"GTS_PDFA1".to_vec()));
        let text = |t: &str| Object::String(t.as_bytes().to_vec(), StringFormat::Literal);
        intent.set("OutputConditionIdentifier", text(SRGB));
        intent.set("Info", text(SRGB));
        intent.set("RegistryName", text("http://www.color.org"));
        intent.set("DestOutputProfile", Object::Reference(profile));
        Some(intent)
    } else {
        None
    };
    let catalog = lo.catalog_mut().map_err(PdfError::Catalog)?;
    catalog.set("Metadata", Object::Reference(metadata));
    if let Some(intent) = intent {
        catalog.set(
            "OutputIntents",
            Object::Array(vec![Object::Dictionary(intent)]),
        );
    }
    Ok(())
}

/// Text for XML character data and attribute values.
fn xml(text: &str) -> String {
    // XML 1.0 has no way to write most control characters.
    let kept: String = text
        .chars()
        .map(|c| {
            if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') {
                ' '
            } else {
                c
            }
        })
        .collect();
    crate::render::escape::escape_html(&kept)
}

/// `YYYY-MM-DDT00:00:00Z` for a report date `YYYY-MM-DD`: the instant the
/// Info dictionary's `D:YYYYMMDD000000Z` names.
pub(in crate::render::pdf) fn xmp_date(date: &str) -> String {
    format!("{date}T00:00:00Z")
}

/// The XMP packet: the same title, author, subject, keywords, tool and
/// dates as the Info dictionary, and the conformance claims.
pub(in crate::render::pdf) fn xmp_packet(
    title: &str,
    info: &DocumentInfo,
    standard: PdfStandard,
) -> String {
    let date = xmp_date(&info.date);
    let producer = say(Message::ProducedWith, &[("creator", &info.creator)]);
    let mut x = String::with_capacity(4096);
    x.push_str("<?xpacket begin=\"\u{feff}\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n");
    x.push_str("<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n");
    x.push_str(" <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n");
    x.push_str("  <rdf:Description rdf:about=\"\"\n");
    x.push_str("    xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n");
    x.push_str("    xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n");
    x.push_str("    xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"");
    if standard.archival() {
        x.push_str("\n    xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\"");
    }
    if standard.accessible() {
        x.push_str("\n    xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\"");
    }
    x.push_str(">\n");
    x.push_str("   <dc:format>application/pdf</dc:format>\n");
    x.push_str(&format!(
        "   <dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">{}</rdf:li></rdf:Alt></dc:title>\n",
        xml(title)
    ));
    if let Some(author) = &info.author {
        x.push_str(&format!(
            "   <dc:creator><rdf:Seq><rdf:li>{}</rdf:li></rdf:Seq></dc:creator>\n",
            xml(author)
        ));
    }
    x.push_str(&format!(
        "   <dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">{}</rdf:li></rdf:Alt></dc:description>\n",
        xml(&info.subject)
    ));
    x.push_str(&format!(
        "   <dc:language><rdf:Bag><rdf:li>{}</rdf:li></rdf:Bag></dc:language>\n",
        xml(&info.lang)
    ));
    x.push_str(&format!(
        "   <pdf:Keywords>{}</pdf:Keywords>\n",
        xml(&info.keywords.join(", "))
    ));
    x.push_str(&format!(
        "   <pdf:Producer>{}</pdf:Producer>\n",
        xml(&producer)
    ));
    x.push_str(&format!(
        "   <xmp:CreatorTool>{}</xmp:CreatorTool>\n",
        xml(&info.creator)
    ));
    for key in ["CreateDate", "ModifyDate", "MetadataDate"] {
        x.push_str(&format!("   <xmp:{key}>{date}</xmp:{key}>\n"));
    }
    if standard.archival() {
        x.push_str("   <pdfaid:part>2</pdfaid:part>\n");
        x.push_str("   <pdfaid:conformance>B</pdfaid:conformance>\n");
    }
    if standard.accessible() {
        x.push_str("   <pdfuaid:part>1</pdfuaid:part>\n");
    }
    x.push_str("  </rdf:Description>\n");
    if standard.archival() && standard.accessible() {
        // PDF/A accepts only the schemas it predefines unless the packet
        // describes the others: the PDF/UA identification is one.
        x.push_str(PDFUA_EXTENSION);
    }
    x.push_str(" </rdf:RDF>\n</x:xmpmeta>\n");
    // Room to edit the packet in place, as the XMP specification suggests.
    for _ in 0..8 {
        x.push_str(&" ".repeat(99));
        x.push('\n');
    }
    x.push_str("<?xpacket end=\"w\"?>");
    x
}

/// The PDF/A extension schema that declares `pdfuaid:part`.
const PDFUA_EXTENSION: &str = r#"  <rdf:Description rdf:about=""
    xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/"
    xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#"
    xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
   <pdfaExtension:schemas>
    <rdf:Bag>
     <rdf:li rdf:parseType="Resource">
      <pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>
      <pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>
      <pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>
      <pdfaSchema:property>
       <rdf:Seq>
        <rdf:li rdf:parseType="Resource">
         <pdfaProperty:name>part</pdfaProperty:name>
         <pdfaProperty:valueType>Integer</pdfaProperty:valueType>
         <pdfaProperty:category>internal</pdfaProperty:category>
         <pdfaProperty:description>Indicates, which part of ISO 14289 standard is followed</pdfaProperty:description>
        </rdf:li>
       </rdf:Seq>
      </pdfaSchema:property>
     </rdf:li>
    </rdf:Bag>
   </pdfaExtension:schemas>
  </rdf:Description>
"#;

/// An ICC version 2 display profile for sRGB (IEC 61966-2-1): the
/// primaries adapted to the D50 connection space (Bradford), the D65 white
/// point, and the sRGB tone curve sampled at 1,024 points. Built here
/// rather than shipped, so its every byte is accounted for.
pub(in crate::render::pdf) fn srgb_profile() -> Vec<u8> {
    fn s15f16(v: f64) -> [u8; 4] {
        ((v * 65536.0).round() as i32).to_be_bytes()
    }
    fn xyz(x: f64, y: f64, z: f64) -> Vec<u8> {
        let mut t = b"XYZ \0\0\0\0".to_vec();
        for v in [x, y, z] {
            t.extend_from_slice(&s15f16(v));
        }
        t
    }
    fn pad(t: &mut Vec<u8>) {
        while !t.len().is_multiple_of(4) {
            t.push(0);
        }
    }
    let description = {
        let text = format!("{SRGB}\0");
        let mut t = b"desc\0\0\0\0".to_vec();
        t.extend_from_slice(&(text.len() as u32).to_be_bytes());
        t.extend_from_slice(text.as_bytes());
        // No Unicode or ScriptCode description.
        t.extend_from_slice(&[0; 4 + 4 + 2 + 1 + 67]);
        t
    };
    let copyright = {
        let mut t = b"text\0\0\0\0".to_vec();
        t.extend_from_slice(b"No copyright, use freely\0");
        t
    };
    let curve = {
        const POINTS: u32 = 1024;
        let mut t = b"curv\0\0\0\0".to_vec();
        t.extend_from_slice(&POINTS.to_be_bytes());
        for i in 0..POINTS {
            let c = f64::from(i) / f64::from(POINTS - 1);
            let linear = if c <= 0.04045 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            };
            t.extend_from_slice(&((linear * 65535.0).round() as u16).to_be_bytes());
        }
        t
    };
    let tags: Vec<(&[u8; 4], Vec<u8>)> = vec![
        (b"desc", description),
        (b"cprt", copyright),
        (b"wtpt", xyz(0.9505, 1.0, 1.0891)),
        (b"rXYZ", xyz(0.436_074_7, 0.222_504_5, 0.013_932_2)),
        (b"gXYZ", xyz(0.385_064_9, 0.716_878_6, 0.097_104_5)),
        (b"bXYZ", xyz(0.143_080_4, 0.060_616_9, 0.714_173_3)),
        (b"rTRC", curve),
    ];
    // The three tone curves share one tag's data.
    let table_len = 4 + 12 * (tags.len() + 2);
    let mut body = Vec::new();
    let mut table = Vec::new();
    table.extend_from_slice(&((tags.len() + 2) as u32).to_be_bytes());
    let mut curve_place = (0u32, 0u32);
    for (sig, data) in &tags {
        let offset = (128 + table_len + body.len()) as u32;
        let size = data.len() as u32;
        table.extend_from_slice(*sig);
        table.extend_from_slice(&offset.to_be_bytes());
        table.extend_from_slice(&size.to_be_bytes());
        if *sig == b"rTRC" {
            curve_place = (offset, size);
        }
        body.extend_from_slice(data);
        pad(&mut body);
    }
    for sig in [b"gTRC", b"bTRC"] {
        table.extend_from_slice(sig);
        table.extend_from_slice(&curve_place.0.to_be_bytes());
        table.extend_from_slice(&curve_place.1.to_be_bytes());
    }
    let size = (128 + table.len() + body.len()) as u32;
    let mut header = Vec::with_capacity(128);
    header.extend_from_slice(&size.to_be_bytes());
    header.extend_from_slice(&[0; 4]); // preferred CMM: none
    header.extend_from_slice(&[2, 0x10, 0, 0]); // version 2.1
    header.extend_from_slice(b"mntr");
    header.extend_from_slice(b"RGB ");
    header.extend_from_slice(b"XYZ ");
    for part in [2026u16, 1, 1, 0, 0, 0] {
        header.extend_from_slice(&part.to_be_bytes());
    }
    header.extend_from_slice(b"acsp");
    header.extend_from_slice(&[0; 4 + 4 + 4 + 4 + 8]); // platform, flags, maker, model, attributes
    header.extend_from_slice(&0u32.to_be_bytes()); // perceptual intent
    for v in [0.9642, 1.0, 0.8249] {
        header.extend_from_slice(&s15f16(v)); // D50, the connection space's white
    }
    header.extend_from_slice(&[0; 4]); // creator
    header.resize(128, 0);
    let mut out = header;
    out.extend_from_slice(&table);
    out.extend_from_slice(&body);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_srgb_profile_is_a_well_formed_icc_profile() {
        let p = srgb_profile();
        let u32_at = |i: usize| u32::from_be_bytes([p[i], p[i + 1], p[i + 2], p[i + 3]]);
        assert_eq!(u32_at(0) as usize, p.len());
        assert_eq!(&p[36..40], b"acsp");
        assert_eq!(&p[12..20], b"mntrRGB ");
        let count = u32_at(128) as usize;
        assert_eq!(count, 9);
        for t in 0..count {
            let at = 132 + 12 * t;
            let (offset, size) = (u32_at(at + 4) as usize, u32_at(at + 8) as usize);
            assert_eq!(offset % 4, 0, "tag data is 4-byte aligned");
            assert!(offset + size <= p.len());
        }
        // The tone curve ends at full intensity.
        assert!(p.windows(4).any(|w| w == b"curv"));
    }

    #[test]
    fn the_xmp_packet_escapes_text_and_states_the_claims() {
        let info = DocumentInfo {
            running: crate::render::pdf::layout::Running {
                organisation: "A & B".into(),
                classification: "x".into(),
                footer: "y".into(),
                draft: false,
            },
            fallback_title: "t".into(),
            author: Some("Smith <Advisory>".into()),
            subject: "s".into(),
            keywords: vec!["SOC".into()],
            creator: "socsource 0.3.0".into(),
            date: "2026-03-31".into(),
            lang: "en".into(),
        };
        let both = xmp_packet("R&D \"board\"", &info, PdfStandard::Both);
        assert!(both.contains("R&amp;D &quot;board&quot;"));
        assert!(both.contains("Smith &lt;Advisory&gt;"));
        assert!(both.contains("<pdfaid:part>2</pdfaid:part>"));
        assert!(both.contains("<pdfuaid:part>1</pdfuaid:part>"));
        assert!(both.contains("<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>"));
        assert!(both.contains("<xmp:CreateDate>2026-03-31T00:00:00Z</xmp:CreateDate>"));
        let ua = xmp_packet("t", &info, PdfStandard::Ua1);
        assert!(!ua.contains("pdfaid"));
        assert!(!ua.contains("pdfaExtension"));
    }
}
