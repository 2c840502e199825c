//! A session turned into the minutes as a document with no format: sections of
//! fields, paragraphs, lists and tables, in one language. Markdown, HTML and ODT are
//! renderers of it. The document is built once per language with the same structure,
//! so the bilingual renderers can set the two side by side block by block.
//!
//! This file is the document, what the renderers read; `build/` is how a meeting
//! becomes one.

mod build;

use crate::domain::Lang;

pub use build::build;

/// A run of text; `untranslated` marks text shown in Chinese in the English minutes
/// because the session has no English version of it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Span {
    pub text: String,
    pub untranslated: bool,
}

/// A line of text: spans, some of them untranslated.
pub type Line = Vec<Span>;

/// Plain text as a line.
pub fn plain(text: impl Into<String>) -> Line {
    vec![Span {
        text: text.into(),
        untranslated: false,
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
