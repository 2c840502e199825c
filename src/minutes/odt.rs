//! The minutes as an OpenDocument text file (ODF 1.3), Taiwan's government document
//! standard: real headings (text:h with outline levels), real tables, an A4 page.
//! Bilingual minutes set each block in a two-column borderless table (Chinese left,
//! English right); data tables hold both languages in each cell. Every page's footer
//! numbers it ("第 1 頁，共 3 頁"); fonts name fallbacks for machines without Noto;
//! data table columns are sized to what they hold, and tables may break across pages.
//!
//! The XML is written with quick-xml and the package with zip: `mimetype` first and
//! stored, as the ODF packaging rules require.

use std::io::{Cursor, Write};

use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

use super::model::{Block, Document, Line, Part, Table, TableKind};
use crate::domain::Lang;
use crate::i18n::minutes as l;

pub const MIMETYPE: &str = "application/vnd.oasis.opendocument.text";

const NS: [(&str, &str); 8] = [
    (
        "xmlns:office",
        "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    ),
    (
        "xmlns:style",
        "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
    ),
    (
        "xmlns:text",
        "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    ),
    (
        "xmlns:table",
        "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    ),
    (
        "xmlns:fo",
        "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0",
    ),
    (
        "xmlns:meta",
        "urn:oasis:names:tc:opendocument:xmlns:meta:1.0",
    ),
    ("xmlns:dc", "http://purl.org/dc/elements/1.1/"),
    (
        "xmlns:svg",
        "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0",
    ),
];

/// Why the ODT package could not be made (only an I/O or zip failure in memory).
#[derive(Debug, thiserror::Error)]
#[error("cannot assemble the OpenDocument file: {0}")]
pub struct OdtError(String);

/// One language.
pub fn render(doc: &Document) -> Result<Vec<u8>, OdtError> {
    let content = content_xml(|w| {
        title(w, &doc.title, None)?;
        for part in &doc.parts {
            part_xml(w, part, doc.lang)?;
        }
        Ok(())
    })?;
    package(&content, &doc.title, doc.lang, Footer::One(doc.lang))
}

/// Chinese and English side by side.
pub fn render_both(zh: &Document, en: &Document) -> Result<Vec<u8>, OdtError> {
    let content = content_xml(|w| {
        title(w, &zh.title, Some(&en.title))?;
        for (a, b) in zh.parts.iter().zip(&en.parts) {
            both_part(w, a, b)?;
        }
        Ok(())
    })?;
    package(&content, &zh.title, Lang::ZhTw, Footer::Both)
}

type Xml = Writer<Vec<u8>>;
type XmlResult = std::io::Result<()>;

fn start(w: &mut Xml, name: &str, attrs: &[(&str, &str)]) -> XmlResult {
    w.write_event(Event::Start(
        BytesStart::new(name).with_attributes(attrs.iter().copied()),
    ))
}

fn end(w: &mut Xml, name: &str) -> XmlResult {
    w.write_event(Event::End(BytesEnd::new(name)))
}

fn empty(w: &mut Xml, name: &str, attrs: &[(&str, &str)]) -> XmlResult {
    w.write_event(Event::Empty(
        BytesStart::new(name).with_attributes(attrs.iter().copied()),
    ))
}

/// Text, with newlines as line breaks.
fn text(w: &mut Xml, content: &str) -> XmlResult {
    for (i, piece) in content.split('\n').enumerate() {
        if i > 0 {
            empty(w, "text:line-break", &[])?;
        }
        if !piece.is_empty() {
            w.write_event(Event::Text(BytesText::new(piece)))?;
        }
    }
    Ok(())
}

fn spans(w: &mut Xml, line: &Line, lang: Lang) -> XmlResult {
    for span in line {
        if span.strong {
            start(w, "text:span", &[("text:style-name", "Strong")])?;
        }
        if span.untranslated {
            start(w, "text:span", &[("text:style-name", "Untranslated")])?;
            text(w, &span.text)?;
            end(w, "text:span")?;
            start(w, "text:span", &[("text:style-name", "UntranslatedMark")])?;
            text(w, &format!(" [{}]", l::UNTRANSLATED.get(lang)))?;
            end(w, "text:span")?;
        } else {
            text(w, &span.text)?;
        }
        if span.strong {
            end(w, "text:span")?;
        }
    }
    Ok(())
}

fn paragraph(w: &mut Xml, style: &str, line: &Line, lang: Lang) -> XmlResult {
    start(w, "text:p", &[("text:style-name", style)])?;
    spans(w, line, lang)?;
    end(w, "text:p")
}

fn heading(w: &mut Xml, level: &str, content: &str, en: Option<&str>) -> XmlResult {
    let style = if level == "1" {
        "Heading_20_1"
    } else {
        "Heading_20_2"
    };
    start(
        w,
        "text:h",
        &[("text:style-name", style), ("text:outline-level", level)],
    )?;
    text(w, content)?;
    if let Some(en) = en {
        start(w, "text:span", &[("text:style-name", "EnglishHeading")])?;
        text(w, &format!("　{en}"))?;
        end(w, "text:span")?;
    }
    end(w, "text:h")
}

fn title(w: &mut Xml, zh: &str, en: Option<&str>) -> XmlResult {
    start(w, "text:p", &[("text:style-name", "Title")])?;
    text(w, zh)?;
    end(w, "text:p")?;
    if let Some(en) = en {
        start(w, "text:p", &[("text:style-name", "Subtitle")])?;
        text(w, en)?;
        end(w, "text:p")?;
    }
    Ok(())
}

fn part_xml(w: &mut Xml, part: &Part, lang: Lang) -> XmlResult {
    if let Some(h) = &part.heading {
        heading(w, "1", h, None)?;
    }
    for block in &part.blocks {
        block_xml(w, block, lang)?;
    }
    Ok(())
}

fn block_xml(w: &mut Xml, block: &Block, lang: Lang) -> XmlResult {
    match block {
        Block::Heading(line) => {
            start(
                w,
                "text:h",
                &[
                    ("text:style-name", "Heading_20_2"),
                    ("text:outline-level", "2"),
                ],
            )?;
            spans(w, line, lang)?;
            end(w, "text:h")
        }
        Block::Field { label, lines } => {
            start(w, "text:p", &[("text:style-name", "Text_20_body")])?;
            start(w, "text:span", &[("text:style-name", "Strong")])?;
            text(w, label)?;
            end(w, "text:span")?;
            match lines.as_slice() {
                [line] => {
                    text(w, crate::i18n::colon(lang))?;
                    spans(w, line, lang)?;
                    end(w, "text:p")
                }
                lines => {
                    text(w, crate::i18n::colon(lang).trim_end())?;
                    end(w, "text:p")?;
                    list(w, lines, lang)
                }
            }
        }
        Block::Paragraph(line) => paragraph(w, "Text_20_body", line, lang),
        Block::List(lines) => list(w, lines, lang),
        Block::Table(table) => table_xml(w, table, None),
    }
}

fn list(w: &mut Xml, lines: &[Line], lang: Lang) -> XmlResult {
    if lines.is_empty() {
        return Ok(());
    }
    start(w, "text:list", &[("text:style-name", "Bullets")])?;
    for line in lines {
        start(w, "text:list-item", &[])?;
        paragraph(w, "List_20_Contents", line, lang)?;
        end(w, "text:list-item")?;
    }
    end(w, "text:list")
}

/// A data table; with `en`, each cell holds the Chinese and then the English.
fn table_xml(w: &mut Xml, table: &Table, en: Option<&Table>) -> XmlResult {
    start(
        w,
        "table:table",
        &[
            ("table:name", table_name(table)),
            ("table:style-name", "DataTable"),
        ],
    )?;
    if column_widths(table.kind).len() == table.header.len() {
        for i in 1..=table.header.len() {
            let style = format!("{}.C{i}", table_name(table));
            empty(
                w,
                "table:table-column",
                &[("table:style-name", style.as_str())],
            )?;
        }
    } else {
        let columns = table.header.len().to_string();
        empty(
            w,
            "table:table-column",
            &[("table:number-columns-repeated", columns.as_str())],
        )?;
    }
    start(w, "table:table-header-rows", &[])?;
    start(w, "table:table-row", &[])?;
    for (i, h) in table.header.iter().enumerate() {
        start(
            w,
            "table:table-cell",
            &[
                ("table:style-name", "DataCell"),
                ("office:value-type", "string"),
            ],
        )?;
        start(w, "text:p", &[("text:style-name", "Table_20_Heading")])?;
        text(w, h)?;
        end(w, "text:p")?;
        if let Some(en) = en.and_then(|t| t.header.get(i)) {
            start(w, "text:p", &[("text:style-name", "Table_20_English")])?;
            text(w, en)?;
            end(w, "text:p")?;
        }
        end(w, "table:table-cell")?;
    }
    end(w, "table:table-row")?;
    end(w, "table:table-header-rows")?;
    for (r, row) in table.rows.iter().enumerate() {
        start(w, "table:table-row", &[])?;
        for (c, cell) in row.iter().enumerate() {
            start(
                w,
                "table:table-cell",
                &[
                    ("table:style-name", "DataCell"),
                    ("office:value-type", "string"),
                ],
            )?;
            paragraph(w, "Table_20_Contents", cell, Lang::ZhTw)?;
            if let Some(en_cell) = en.and_then(|t| t.rows.get(r)).and_then(|row| row.get(c))
                && en_cell != cell
            {
                paragraph(w, "Table_20_English", en_cell, Lang::En)?;
            }
            end(w, "table:table-cell")?;
        }
        end(w, "table:table-row")?;
    }
    end(w, "table:table")
}

/// The relative widths (in thousandths of the table) of a data table's columns, in
/// the order of its header: narrow numbers, dates and counts, wide free text.
fn column_widths(kind: TableKind) -> &'static [u32] {
    match kind {
        // 編號, 事項, 主辦單位, 辦理情形, 追蹤建議
        TableKind::FollowUp => &[70, 330, 150, 300, 150],
        // 編號, 事項, 主辦單位, 期限, 案由
        TableKind::Actions => &[70, 450, 170, 140, 170],
        // 階段, 出席, 門檻, 贊成, 反對, 棄權, 結果
        TableKind::Votes => &[220, 100, 200, 100, 100, 100, 180],
        // 編號, 意見提出者, 日期, 意見內容, 處理情形, 回應說明
        TableKind::Comments => &[70, 140, 140, 300, 120, 230],
    }
}

const TABLE_KINDS: [TableKind; 4] = [
    TableKind::FollowUp,
    TableKind::Votes,
    TableKind::Actions,
    TableKind::Comments,
];

/// The text width of the A4 page, in hundredths of a centimetre.
const TEXT_WIDTH: u32 = 1700;

fn table_name(table: &Table) -> &'static str {
    kind_name(table.kind)
}

fn kind_name(kind: TableKind) -> &'static str {
    match kind {
        TableKind::FollowUp => "FollowUp",
        TableKind::Votes => "Votes",
        TableKind::Actions => "ActionItems",
        TableKind::Comments => "PublicComments",
    }
}

fn both_part(w: &mut Xml, a: &Part, b: &Part) -> XmlResult {
    if let (Some(x), Some(y)) = (&a.heading, &b.heading) {
        heading(w, "1", x, Some(y))?;
    }
    // Consecutive non-table blocks share one two-column table.
    let mut open = false;
    for (x, y) in a.blocks.iter().zip(&b.blocks) {
        if let (Block::Table(tx), Block::Table(ty)) = (x, y) {
            if open {
                end(w, "table:table")?;
                open = false;
            }
            table_xml(w, tx, Some(ty))?;
            continue;
        }
        if !open {
            start(
                w,
                "table:table",
                &[
                    ("table:name", "Bilingual"),
                    ("table:style-name", "PairTable"),
                ],
            )?;
            for column in ["Bilingual.C1", "Bilingual.C2"] {
                empty(w, "table:table-column", &[("table:style-name", column)])?;
            }
            open = true;
        }
        start(w, "table:table-row", &[])?;
        for (block, lang) in [(x, Lang::ZhTw), (y, Lang::En)] {
            start(
                w,
                "table:table-cell",
                &[
                    ("table:style-name", "PairCell"),
                    ("office:value-type", "string"),
                ],
            )?;
            block_xml(w, block, lang)?;
            end(w, "table:table-cell")?;
        }
        end(w, "table:table-row")?;
    }
    if open {
        end(w, "table:table")?;
    }
    Ok(())
}

fn content_xml(body: impl FnOnce(&mut Xml) -> XmlResult) -> Result<Vec<u8>, OdtError> {
    let mut w = Writer::new(Vec::with_capacity(256 * 1024));
    let result = (|| -> XmlResult {
        w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
        let mut attrs: Vec<(&str, &str)> = NS.to_vec();
        attrs.push(("office:version", "1.3"));
        start(&mut w, "office:document-content", &attrs)?;
        automatic_styles(&mut w)?;
        start(&mut w, "office:body", &[])?;
        start(&mut w, "office:text", &[])?;
        body(&mut w)?;
        end(&mut w, "office:text")?;
        end(&mut w, "office:body")?;
        end(&mut w, "office:document-content")
    })();
    result.map_err(|e| OdtError(e.to_string()))?;
    Ok(w.into_inner())
}

fn automatic_styles(w: &mut Xml) -> XmlResult {
    start(w, "office:automatic-styles", &[])?;
    for (name, border, width) in [("DataTable", true, "17cm"), ("PairTable", false, "17cm")] {
        start(
            w,
            "style:style",
            &[("style:name", name), ("style:family", "table")],
        )?;
        empty(
            w,
            "style:table-properties",
            // A long table breaks across pages and nothing pushes it to a new page:
            // no break-before, no keep-with-next. Rows carry no style, so ODF's default
            // (fo:keep-together="auto") lets a tall row split across pages too.
            &[
                ("style:width", width),
                ("table:align", "margins"),
                ("fo:margin-top", "0.1cm"),
                ("fo:margin-bottom", "0.25cm"),
                ("fo:break-before", "auto"),
                ("fo:keep-with-next", "auto"),
                ("style:may-break-between-rows", "true"),
            ],
        )?;
        end(w, "style:style")?;
        let cell = if border { "DataCell" } else { "PairCell" };
        start(
            w,
            "style:style",
            &[("style:name", cell), ("style:family", "table-cell")],
        )?;
        empty(
            w,
            "style:table-cell-properties",
            &[
                (
                    "fo:border",
                    if border {
                        "0.5pt solid #000000"
                    } else {
                        "none"
                    },
                ),
                ("fo:padding", "0.08cm"),
            ],
        )?;
        end(w, "style:style")?;
    }
    let mut columns: Vec<(String, u32)> = vec![
        ("Bilingual.C1".to_owned(), 500),
        ("Bilingual.C2".to_owned(), 500),
    ];
    for kind in TABLE_KINDS {
        for (i, &width) in column_widths(kind).iter().enumerate() {
            columns.push((format!("{}.C{}", kind_name(kind), i + 1), width));
        }
    }
    for (name, width) in columns {
        let absolute = TEXT_WIDTH * width / 1000;
        let absolute = format!("{}.{:02}cm", absolute / 100, absolute % 100);
        let relative = format!("{width}*");
        start(
            w,
            "style:style",
            &[
                ("style:name", name.as_str()),
                ("style:family", "table-column"),
            ],
        )?;
        empty(
            w,
            "style:table-column-properties",
            &[
                ("style:column-width", absolute.as_str()),
                ("style:rel-column-width", relative.as_str()),
            ],
        )?;
        end(w, "style:style")?;
    }
    end(w, "office:automatic-styles")
}

const STYLES_XML: &str = r##"<?xml version="1.0" encoding="UTF-8"?>
<office:document-styles xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" office:version="1.3">
<office:font-face-decls>
<style:font-face style:name="Serif" svg:font-family="'Liberation Serif', 'Times New Roman', Times, serif" style:font-family-generic="roman" style:font-pitch="variable"/>
<style:font-face style:name="Sans" svg:font-family="'Liberation Sans', Arial, Helvetica, sans-serif" style:font-family-generic="swiss" style:font-pitch="variable"/>
<style:font-face style:name="Serif CJK" svg:font-family="'Noto Serif CJK TC', 'Source Han Serif TC', 'PMingLiU', 'MingLiU', 'Songti TC', serif" style:font-family-generic="roman" style:font-pitch="variable"/>
<style:font-face style:name="Sans CJK" svg:font-family="'Noto Sans CJK TC', 'Source Han Sans TC', 'Microsoft JhengHei', 'PingFang TC', sans-serif" style:font-family-generic="swiss" style:font-pitch="variable"/>
</office:font-face-decls>
<office:styles>
<style:default-style style:family="paragraph">
<style:paragraph-properties fo:line-height="140%"/>
<style:text-properties style:font-name="Serif" fo:font-size="11pt" style:font-name-asian="Serif CJK" style:font-size-asian="11pt" fo:language="en" fo:country="GB" style:language-asian="zh" style:country-asian="TW"/>
</style:default-style>
<style:style style:name="Standard" style:family="paragraph" style:class="text"/>
<style:style style:name="Text_20_body" style:display-name="Text body" style:family="paragraph" style:parent-style-name="Standard" style:class="text">
<style:paragraph-properties fo:margin-top="0.05cm" fo:margin-bottom="0.12cm"/>
</style:style>
<style:style style:name="Title" style:family="paragraph" style:parent-style-name="Standard" style:class="chapter">
<style:paragraph-properties fo:text-align="center" fo:margin-bottom="0.2cm"/>
<style:text-properties fo:font-size="16pt" fo:font-weight="bold" style:font-size-asian="16pt" style:font-weight-asian="bold"/>
</style:style>
<style:style style:name="Subtitle" style:family="paragraph" style:parent-style-name="Standard" style:class="chapter">
<style:paragraph-properties fo:text-align="center" fo:margin-bottom="0.5cm"/>
<style:text-properties fo:font-size="12pt" style:font-size-asian="12pt"/>
</style:style>
<style:style style:name="Heading" style:family="paragraph" style:parent-style-name="Standard" style:next-style-name="Text_20_body" style:class="text">
<style:paragraph-properties fo:margin-top="0.4cm" fo:margin-bottom="0.15cm" fo:keep-with-next="always"/>
<style:text-properties style:font-name="Sans" style:font-name-asian="Sans CJK" fo:font-weight="bold" style:font-weight-asian="bold"/>
</style:style>
<style:style style:name="Heading_20_1" style:display-name="Heading 1" style:family="paragraph" style:parent-style-name="Heading" style:default-outline-level="1" style:class="text">
<style:text-properties fo:font-size="13pt" style:font-size-asian="13pt"/>
</style:style>
<style:style style:name="Heading_20_2" style:display-name="Heading 2" style:family="paragraph" style:parent-style-name="Heading" style:default-outline-level="2" style:class="text">
<style:text-properties fo:font-size="11.5pt" style:font-size-asian="11.5pt"/>
</style:style>
<style:style style:name="List_20_Contents" style:display-name="List Contents" style:family="paragraph" style:parent-style-name="Standard" style:class="list">
<style:paragraph-properties fo:margin-bottom="0.06cm"/>
</style:style>
<style:style style:name="Table_20_Contents" style:display-name="Table Contents" style:family="paragraph" style:parent-style-name="Standard" style:class="extra">
<style:text-properties fo:font-size="10pt" style:font-size-asian="10pt"/>
</style:style>
<style:style style:name="Table_20_Heading" style:display-name="Table Heading" style:family="paragraph" style:parent-style-name="Table_20_Contents" style:class="extra">
<style:text-properties fo:font-weight="bold" style:font-weight-asian="bold"/>
</style:style>
<style:style style:name="Table_20_English" style:display-name="Table English" style:family="paragraph" style:parent-style-name="Table_20_Contents" style:class="extra">
<style:text-properties fo:font-size="9pt" style:font-size-asian="9pt" fo:color="#333333"/>
</style:style>
<style:style style:name="Footer" style:family="paragraph" style:parent-style-name="Standard" style:class="extra">
<style:paragraph-properties fo:text-align="center"/>
<style:text-properties fo:font-size="9pt" style:font-size-asian="9pt"/>
</style:style>
<style:style style:name="Strong" style:family="text">
<style:text-properties fo:font-weight="bold" style:font-weight-asian="bold"/>
</style:style>
<style:style style:name="EnglishHeading" style:family="text">
<style:text-properties fo:font-weight="normal" style:font-weight-asian="normal"/>
</style:style>
<style:style style:name="Untranslated" style:family="text">
<style:text-properties fo:background-color="#fff3c4"/>
</style:style>
<style:style style:name="UntranslatedMark" style:family="text">
<style:text-properties fo:font-size="8pt" fo:font-style="italic"/>
</style:style>
<text:list-style style:name="Bullets">
<text:list-level-style-bullet text:level="1" text:bullet-char="•">
<style:list-level-properties text:list-level-position-and-space-mode="label-alignment">
<style:list-level-label-alignment text:label-followed-by="listtab" text:list-tab-stop-position="0.6cm" fo:text-indent="-0.4cm" fo:margin-left="0.6cm"/>
</style:list-level-properties>
</text:list-level-style-bullet>
</text:list-style>
</office:styles>
<office:automatic-styles>
<style:page-layout style:name="A4">
<style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" style:print-orientation="portrait" fo:margin-top="2cm" fo:margin-bottom="2cm" fo:margin-left="2cm" fo:margin-right="2cm"/>
<style:footer-style>
<style:header-footer-properties fo:min-height="0.6cm" fo:margin-top="0.3cm"/>
</style:footer-style>
</style:page-layout>
</office:automatic-styles>
<office:master-styles>
<style:master-page style:name="Standard" style:page-layout-name="A4">
<style:footer>
<text:p text:style-name="Footer">{FOOTER}</text:p>
</style:footer>
</style:master-page>
</office:master-styles>
</office:document-styles>
"##;

/// What the page footer says: "第 1 頁，共 3 頁", "Page 1 of 3", or "1 / 3" when
/// both languages stand side by side.
#[derive(Clone, Copy)]
enum Footer {
    One(Lang),
    Both,
}

fn styles_xml(footer: Footer) -> String {
    const NUMBER: &str = r#"<text:page-number text:select-page="current">1</text:page-number>"#;
    const COUNT: &str = "<text:page-count>1</text:page-count>";
    let line = match footer {
        Footer::One(Lang::ZhTw) => format!("第 {NUMBER} 頁，共 {COUNT} 頁"),
        Footer::One(Lang::En) => format!("Page {NUMBER} of {COUNT}"),
        Footer::Both => format!("{NUMBER} / {COUNT}"),
    };
    STYLES_XML.replace("{FOOTER}", &line)
}

const MANIFEST_XML: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">
<manifest:file-entry manifest:full-path="/" manifest:version="1.3" manifest:media-type="application/vnd.oasis.opendocument.text"/>
<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
<manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>
<manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/>
</manifest:manifest>
"#;

fn meta_xml(title: &str, lang: Lang) -> Result<Vec<u8>, OdtError> {
    let mut w = Writer::new(Vec::new());
    let result = (|| -> XmlResult {
        w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
        start(
            &mut w,
            "office:document-meta",
            &[NS[0], NS[5], NS[6], ("office:version", "1.3")],
        )?;
        start(&mut w, "office:meta", &[])?;
        start(&mut w, "meta:generator", &[])?;
        text(&mut w, concat!("Roundtable/", env!("CARGO_PKG_VERSION")))?;
        end(&mut w, "meta:generator")?;
        start(&mut w, "dc:title", &[])?;
        text(&mut w, title)?;
        end(&mut w, "dc:title")?;
        start(&mut w, "dc:language", &[])?;
        text(
            &mut w,
            match lang {
                Lang::ZhTw => "zh-TW",
                Lang::En => "en",
            },
        )?;
        end(&mut w, "dc:language")?;
        end(&mut w, "office:meta")?;
        end(&mut w, "office:document-meta")
    })();
    result.map_err(|e| OdtError(e.to_string()))?;
    Ok(w.into_inner())
}

fn package(content: &[u8], title: &str, lang: Lang, footer: Footer) -> Result<Vec<u8>, OdtError> {
    let zip_error = |e: zip::result::ZipError| OdtError(e.to_string());
    let io_error = |e: std::io::Error| OdtError(e.to_string());
    let mut zip = ZipWriter::new(Cursor::new(Vec::with_capacity(content.len() / 4 + 16_384)));
    let stored = SimpleFileOptions::default().compression_method(CompressionMethod::Stored);
    let deflated = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
    zip.start_file("mimetype", stored).map_err(zip_error)?;
    zip.write_all(MIMETYPE.as_bytes()).map_err(io_error)?;
    zip.start_file("META-INF/manifest.xml", deflated)
        .map_err(zip_error)?;
    zip.write_all(MANIFEST_XML.as_bytes()).map_err(io_error)?;
    zip.start_file("styles.xml", deflated).map_err(zip_error)?;
    zip.write_all(styles_xml(footer).as_bytes())
        .map_err(io_error)?;
    zip.start_file("meta.xml", deflated).map_err(zip_error)?;
    zip.write_all(&meta_xml(title, lang)?).map_err(io_error)?;
    zip.start_file("content.xml", deflated).map_err(zip_error)?;
    zip.write_all(content).map_err(io_error)?;
    Ok(zip.finish().map_err(zip_error)?.into_inner())
}
