//! The minutes as Markdown (CommonMark with GitHub tables). Bilingual minutes give each
//! part in Chinese, then the same part in English.

use std::fmt::Write;

use super::model::{Block, Document, Line, Part, Table};
use crate::domain::Lang;
use crate::i18n::colon;
use crate::i18n::minutes as l;

/// One language.
pub fn render(doc: &Document) -> String {
    let mut out = String::with_capacity(64 * 1024);
    let _ = writeln!(out, "# {}\n", escape(&doc.title));
    for part in &doc.parts {
        part_md(&mut out, part, doc.lang);
    }
    out
}

/// Chinese and English, one after the other, part by part.
pub fn render_both(zh: &Document, en: &Document) -> String {
    let mut out = String::with_capacity(128 * 1024);
    let _ = writeln!(out, "# {}\n", escape(&zh.title));
    let _ = writeln!(out, "**{}**\n", escape(&en.title));
    for (a, b) in zh.parts.iter().zip(&en.parts) {
        part_md(&mut out, a, Lang::ZhTw);
        if b.heading.is_none() {
            out.push_str("---\n\n");
        }
        part_md(&mut out, b, Lang::En);
    }
    out
}

fn part_md(out: &mut String, part: &Part, lang: Lang) {
    if let Some(heading) = &part.heading {
        let _ = writeln!(out, "## {}\n", escape(heading));
    }
    for block in &part.blocks {
        match block {
            Block::Heading(line) => {
                let _ = writeln!(out, "### {}\n", inline(line, lang));
            }
            Block::Field { label, lines } => match lines.as_slice() {
                [] => {
                    let _ = writeln!(out, "**{}**{}\n", escape(label), colon(lang).trim_end());
                }
                [line] => {
                    let _ = writeln!(
                        out,
                        "**{}**{}{}\n",
                        escape(label),
                        colon(lang),
                        inline(line, lang)
                    );
                }
                lines => {
                    let _ = writeln!(out, "**{}**{}\n", escape(label), colon(lang).trim_end());
                    for line in lines {
                        let _ = writeln!(out, "- {}", inline(line, lang).replace('\n', "\n  "));
                    }
                    out.push('\n');
                }
            },
            Block::Paragraph(line) => {
                let _ = writeln!(out, "{}\n", inline(line, lang));
            }
            Block::List(lines) => {
                for line in lines {
                    let _ = writeln!(out, "- {}", inline(line, lang).replace('\n', "\n  "));
                }
                out.push('\n');
            }
            Block::Table(table) => table_md(out, table, lang),
        }
    }
}

fn table_md(out: &mut String, table: &Table, lang: Lang) {
    out.push('|');
    for h in &table.header {
        let _ = write!(out, " {} |", cell(&escape(h)));
    }
    out.push_str("\n|");
    for _ in &table.header {
        out.push_str(" --- |");
    }
    out.push('\n');
    for row in &table.rows {
        out.push('|');
        for c in row {
            let _ = write!(out, " {} |", cell(&inline(c, lang)));
        }
        out.push('\n');
    }
    out.push('\n');
}

fn cell(text: &str) -> String {
    text.replace('\n', "<br>")
}

/// A line's text, escaped, with untranslated spans marked.
fn inline(line: &Line, lang: Lang) -> String {
    let mut out = String::new();
    for span in line {
        let text = escape(&span.text).replace('\n', "  \n");
        if span.strong && !text.is_empty() {
            let _ = write!(out, "**{text}**");
        } else {
            out.push_str(&text);
        }
        if span.untranslated {
            let _ = write!(out, " *[{}]*", l::UNTRANSLATED.get(lang));
        }
    }
    out
}

/// Escapes what Markdown would read as markup (an entity such as `&lt;` and GitHub's
/// `~~` strike-through included); CJK text passes through unchanged.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (i, c) in text.chars().enumerate() {
        match c {
            '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '|' | '&' | '~' => {
                out.push('\\');
                out.push(c);
            }
            '#' if i == 0 => out.push_str("\\#"),
            _ => out.push(c),
        }
    }
    out
}
