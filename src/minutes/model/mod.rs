//! A session turned into the minutes as a document with no format: sections of
//! fields, paragraphs, lists and tables, in one language. Markdown, HTML and ODT are
//! renderers of it. The document is built once per language with the same structure,
//! so the bilingual renderers can set the two side by side block by block.
//!
//! This file is the document, what the renderers read; `build/` is how a meeting
//! becomes one.

mod build;

use crate::domain::Lang;
use crate::width::printable;

pub use build::build;

/// A run of text; `untranslated` marks text shown in Chinese in the English minutes
/// because the session has no English version of it; `strong` sets it off (bold), for
/// what a reader must not miss, such as a public comment nobody has answered.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Span {
    pub text: String,
    pub untranslated: bool,
    pub strong: bool,
}

/// A line of text: spans, some of them untranslated.
pub type Line = Vec<Span>;

/// Plain text as a line.
pub fn plain(text: impl Into<String>) -> Line {
    vec![Span {
        text: text.into(),
        untranslated: false,
        strong: false,
    }]
}

/// Text set off (bold) as a line.
pub fn strong(text: impl Into<String>) -> Line {
    vec![Span {
        text: text.into(),
        untranslated: false,
        strong: true,
    }]
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Block {
    /// A heading inside a section (an item's title).
    Heading(Line),
    /// "時間：…": a label and one or more lines.
    Field {
        label: String,
        lines: Vec<Line>,
    },
    Paragraph(Line),
    List(Vec<Line>),
    Table(Table),
}

/// What a table holds, for styling.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TableKind {
    FollowUp,
    Votes,
    Actions,
    /// The public's comments and the forum's responses.
    Comments,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Table {
    pub kind: TableKind,
    pub header: Vec<String>,
    pub rows: Vec<Vec<Line>>,
}

/// A numbered part of the minutes (一、確認上次會議紀錄), or the heading block.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Part {
    /// None for the opening block of fields (time, venue, chair…).
    pub heading: Option<String>,
    pub blocks: Vec<Block>,
}

/// Text shown untranslated in the English minutes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Untranslated {
    /// The part of the minutes it appears in.
    pub part: String,
    /// Which field of the session it is, in English (the report is): "item
    /// report-identity, remark at 14:38", "motion open-source, text", "comment
    /// join-88302, response".
    pub field: String,
    pub text: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Document {
    pub lang: Lang,
    pub title: String,
    pub parts: Vec<Part>,
    pub untranslated: Vec<Untranslated>,
}

/// The section a block belongs to never changes with the language; the bilingual
/// renderers rely on it, setting the two documents side by side block by block.
pub fn same_structure(a: &Document, b: &Document) -> bool {
    a.parts.len() == b.parts.len()
        && a.parts.iter().zip(&b.parts).all(|(x, y)| {
            x.blocks.len() == y.blocks.len()
                && x.blocks
                    .iter()
                    .zip(&y.blocks)
                    .all(|(p, q)| std::mem::discriminant(p) == std::mem::discriminant(q))
        })
}

impl Document {
    /// The document with every text [printable], as every format writes it: done
    /// once here, before any renderer escapes its markup (a control character
    /// dropped after Markdown's escaping could leave a `#` at the start of a line).
    pub fn into_printable(mut self) -> Document {
        let clean = |s: &mut String| {
            if let std::borrow::Cow::Owned(owned) = printable(s) {
                *s = owned;
            }
        };
        let clean_line = |line: &mut Line| line.iter_mut().for_each(|span| clean(&mut span.text));
        clean(&mut self.title);
        for part in &mut self.parts {
            if let Some(heading) = &mut part.heading {
                clean(heading);
            }
            for block in &mut part.blocks {
                match block {
                    Block::Heading(line) | Block::Paragraph(line) => clean_line(line),
                    Block::Field { label, lines } => {
                        clean(label);
                        lines.iter_mut().for_each(clean_line);
                    }
                    Block::List(lines) => lines.iter_mut().for_each(clean_line),
                    Block::Table(table) => {
                        table.header.iter_mut().for_each(clean);
                        table.rows.iter_mut().flatten().for_each(clean_line);
                    }
                }
            }
        }
        for u in &mut self.untranslated {
            clean(&mut u.part);
            clean(&mut u.field);
            clean(&mut u.text);
        }
        self
    }
}
