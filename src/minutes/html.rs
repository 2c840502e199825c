//! The minutes as one standalone HTML file that prints well on A4: the styles are
//! inline, nothing is fetched. Bilingual minutes set each block in Chinese and English
//! side by side; tables hold both languages in each cell.

use std::fmt::Write;

use super::model::{Block, Document, Line, Part, Table, TableKind};
use crate::domain::Lang;
use crate::i18n::minutes as l;

const STYLE: &str = r#"
@page { size: A4; margin: 18mm 16mm 20mm 16mm; }
html { font-family: "Noto Serif CJK TC", "Noto Sans CJK TC", "PMingLiU", "Microsoft JhengHei", serif; font-size: 11pt; line-height: 1.55; color: #000; background: #fff; }
body { max-width: 180mm; margin: 0 auto; padding: 8mm 0; }
h1 { font-size: 16pt; text-align: center; margin: 0 0 8mm; }
h1 .en { display: block; font-size: 12pt; font-weight: normal; margin-top: 2mm; }
h2 { font-size: 13pt; margin: 6mm 0 2mm; break-after: avoid; page-break-after: avoid; }
h3 { font-size: 11.5pt; margin: 4mm 0 1.5mm; break-after: avoid; page-break-after: avoid; }
p { margin: 1mm 0; }
.field-label { font-weight: bold; }
ul { margin: 1mm 0 2mm; padding-left: 6mm; }
li { margin: 0.5mm 0; }
table { border-collapse: collapse; width: 100%; margin: 2mm 0 4mm; font-size: 10pt; }
th, td { border: 0.6pt solid #000; padding: 1mm 1.5mm; vertical-align: top; text-align: left; }
th { background: #e8e8e8; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
table.votes td:nth-child(n+2):nth-child(-n+6) { text-align: center; }
.pair { display: grid; grid-template-columns: 1fr 1fr; column-gap: 6mm; }
.pair > div { min-width: 0; }
.en { color: #222; }
td .en, th .en { display: block; font-size: 9pt; }
.untranslated { background: #fff3c4; }
.untranslated .mark { font-size: 8pt; font-style: italic; }
@media print { .untranslated { background: none; text-decoration: underline dotted; } }
"#;

/// One language.
pub fn render(doc: &Document) -> String {
    let mut out = String::with_capacity(96 * 1024);
    head(&mut out, html_lang(doc.lang), &doc.title);
    let _ = writeln!(out, "<h1>{}</h1>", esc(&doc.title));
    for part in &doc.parts {
        out.push_str("<section>\n");
        if let Some(heading) = &part.heading {
            let _ = writeln!(out, "<h2>{}</h2>", esc(heading));
        }
        for block in &part.blocks {
            block_html(&mut out, block, doc.lang);
        }
        out.push_str("</section>\n");
    }
    out.push_str("</body>\n</html>\n");
    out
}

/// Chinese and English side by side.
pub fn render_both(zh: &Document, en: &Document) -> String {
    let mut out = String::with_capacity(192 * 1024);
    head(&mut out, "zh-Hant-TW", &zh.title);
    let _ = writeln!(
        out,
        "<h1>{}<span class=\"en\" lang=\"en\">{}</span></h1>",
        esc(&zh.title),
        esc(&en.title)
    );
    for (a, b) in zh.parts.iter().zip(&en.parts) {
        both_part(&mut out, a, b);
    }
    out.push_str("</body>\n</html>\n");
    out
}

fn both_part(out: &mut String, a: &Part, b: &Part) {
    out.push_str("<section>\n");
    if let (Some(x), Some(y)) = (&a.heading, &b.heading) {
        let _ = writeln!(
            out,
            "<h2>{} <span class=\"en\" lang=\"en\">{}</span></h2>",
            esc(x),
            esc(y)
        );
    }
    for (x, y) in a.blocks.iter().zip(&b.blocks) {
        match (x, y) {
            (Block::Table(tx), Block::Table(ty)) => table_both(out, tx, ty),
            _ => {
                out.push_str("<div class=\"pair\">\n<div lang=\"zh-Hant-TW\">\n");
                block_html(out, x, Lang::ZhTw);
                out.push_str("</div>\n<div lang=\"en\">\n");
                block_html(out, y, Lang::En);
                out.push_str("</div>\n</div>\n");
            }
        }
    }
    out.push_str("</section>\n");
}

fn head(out: &mut String, lang: &str, title: &str) {
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"generator\" content=\"Roundtable\">\n<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n",
        esc(title)
    );
}

fn html_lang(lang: Lang) -> &'static str {
    match lang {
        Lang::ZhTw => "zh-Hant-TW",
        Lang::En => "en",
    }
}

fn block_html(out: &mut String, block: &Block, lang: Lang) {
    match block {
        Block::Heading(line) => {
            let _ = writeln!(out, "<h3>{}</h3>", inline(line, lang));
        }
        Block::Field { label, lines } => match lines.as_slice() {
            [] => {
                let _ = writeln!(
                    out,
                    "<p><span class=\"field-label\">{}</span>{}</p>",
                    esc(label),
                    esc(crate::i18n::colon(lang).trim_end())
                );
            }
            [line] => {
                let _ = writeln!(
                    out,
                    "<p><span class=\"field-label\">{}</span>{}{}</p>",
                    esc(label),
                    esc(crate::i18n::colon(lang)),
                    inline(line, lang)
                );
            }
            lines => {
                let _ = writeln!(
                    out,
                    "<p><span class=\"field-label\">{}</span>{}</p>\n<ul>",
                    esc(label),
                    esc(crate::i18n::colon(lang).trim_end())
                );
                for line in lines {
                    let _ = writeln!(out, "<li>{}</li>", inline(line, lang));
                }
                out.push_str("</ul>\n");
            }
        },
        Block::Paragraph(line) => {
            let _ = writeln!(out, "<p>{}</p>", inline(line, lang));
        }
        Block::List(lines) => {
            out.push_str("<ul>\n");
            for line in lines {
                let _ = writeln!(out, "<li>{}</li>", inline(line, lang));
            }
            out.push_str("</ul>\n");
        }
        Block::Table(table) => {
            let _ = writeln!(out, "<table class=\"{}\">\n<thead><tr>", class(table.kind));
            for h in &table.header {
                let _ = write!(out, "<th>{}</th>", esc(h));
            }
            out.push_str("</tr></thead>\n<tbody>\n");
            for row in &table.rows {
                out.push_str("<tr>");
                for c in row {
                    let _ = write!(out, "<td>{}</td>", inline(c, lang));
                }
                out.push_str("</tr>\n");
            }
            out.push_str("</tbody>\n</table>\n");
        }
    }
}

/// One table, each cell in Chinese above English.
fn table_both(out: &mut String, a: &Table, b: &Table) {
    let _ = writeln!(out, "<table class=\"{}\">\n<thead><tr>", class(a.kind));
    for (x, y) in a.header.iter().zip(&b.header) {
        let _ = write!(
            out,
            "<th>{}<span class=\"en\" lang=\"en\">{}</span></th>",
            esc(x),
            esc(y)
        );
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for (rx, ry) in a.rows.iter().zip(&b.rows) {
        out.push_str("<tr>");
        for (x, y) in rx.iter().zip(ry) {
            let zh = inline(x, Lang::ZhTw);
            let en = inline(y, Lang::En);
            if zh == en {
                let _ = write!(out, "<td>{zh}</td>");
            } else {
                let _ = write!(
                    out,
                    "<td>{zh}<span class=\"en\" lang=\"en\">{en}</span></td>"
                );
            }
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");
}

fn class(kind: TableKind) -> &'static str {
    match kind {
        TableKind::FollowUp => "follow-up",
        TableKind::Votes => "votes",
        TableKind::Actions => "actions",
        TableKind::Comments => "comments",
    }
}

fn inline(line: &Line, lang: Lang) -> String {
    let mut out = String::new();
    for span in line {
        let mut text = esc(&span.text).replace('\n', "<br>");
        if span.strong {
            text = format!("<strong>{text}</strong>");
        }
        if span.untranslated {
            let _ = write!(
                out,
                "<span class=\"untranslated\" lang=\"zh-Hant-TW\">{text} <span class=\"mark\" lang=\"en\">[{}]</span></span>",
                l::UNTRANSLATED.get(lang)
            );
        } else {
            out.push_str(&text);
        }
    }
    out
}

/// Escapes text for HTML content and attribute values.
pub fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}
