//! The public's comments on a draft commitment (rules §4), in and out as CSV.
//!
//! In: a spreadsheet export of the comments left on the public policy participation
//! platform, UTF-8 with or without Excel's byte-order mark. The first row names the
//! columns, in English or Chinese; each row after it is a comment. Required are who
//! left it (`author`, 留言者, 姓名, 暱稱, …), when (`time`, 留言時間, 日期, …, read by
//! `time.rs`) and what it says (`text`, 留言內容, 意見, …); read when present are its
//! platform id (`id`, 留言編號, …), its link (`link`, 連結, …), the agenda item it is
//! taken up under (`item`, 議題, …: the item's id, its number in the agenda counting
//! from 1, or its title) and its topic (`topic`, 主題, …). Every other column is kept
//! with the comment, by its header, in the file's order (empty cells left out). The
//! names are in `vocabulary.rs`.
//!
//! A comment keeps the platform's id; a row without one gets an id made from its
//! author, time and text (`row-` and twelve hex digits of a hash that does not change
//! between versions), so importing the same file again recognises every row. A file
//! with any bad row (no author or text, a time that cannot be read, an item not on
//! the agenda, two rows with one id) is refused whole, with the row's line: nothing of
//! it is imported. Out: the response table (`export.rs`).

mod export;
mod time;
mod vocabulary;

use std::collections::HashMap;
use std::io;
use std::path::Path;

use thiserror::Error;

use super::csv_table::{self, TableError, normalise};
use crate::domain::{
    AgendaItem, Author, CommentId, DomainError, EventKind, ItemId, Meeting, PublicComment, Stamp,
    State,
};
use vocabulary::Column;

pub use csv_table::ColumnName;
pub use export::{HEADER, sheet, to_csv};

type Row<'a> = csv_table::Row<'a, Column>;

/// Why a comments CSV file could not be imported. Nothing of it was.
#[derive(Debug, Error)]
pub enum CommentsCsvError {
    #[error("cannot read the file: {0}")]
    Io(#[from] io::Error),
    #[error(
        "the file is empty; its first row must name the columns, e.g. author,time,text (or 留言者,留言時間,留言內容)"
    )]
    Empty,
    /// What every CSV import refuses alike: not UTF-8, a bad header, a stray comma, an
    /// unclosed quote, a value that is not what its column holds.
    #[error(transparent)]
    Table(TableError),
    #[error(
        "line {line}: the id \"{id}\" is the id of line {first} too; a comment has an id of its own, so one of the two rows is wrong"
    )]
    DuplicateId {
        line: u64,
        first: u64,
        id: CommentId,
    },
    #[error(
        "line {line}: the same author, time and text as line {first}, and neither row has an id; remove one of the two rows, or give them their platform ids"
    )]
    DuplicateRow { line: u64, first: u64 },
    /// `--item`, before any row is read.
    #[error("--item {named}: {problem}")]
    UnknownItem { named: String, problem: String },
}

impl From<TableError> for CommentsCsvError {
    fn from(error: TableError) -> CommentsCsvError {
        match error {
            TableError::Empty => CommentsCsvError::Empty,
            other => CommentsCsvError::Table(other),
        }
    }
}

impl CommentsCsvError {
    /// The line of the file the refusal names, if it names one.
    pub fn line(&self) -> Option<u64> {
        match self {
            CommentsCsvError::Io(_)
            | CommentsCsvError::Empty
            | CommentsCsvError::UnknownItem { .. } => None,
            CommentsCsvError::Table(e) => e.line(),
            CommentsCsvError::DuplicateId { line, .. }
            | CommentsCsvError::DuplicateRow { line, .. } => Some(*line),
        }
    }
}

/// The agenda comments are filed under: an item is named by its id, its number in the
/// agenda (1 for the first item), or its title. With [`Agenda::with_item`], every
/// comment of the file goes under one item, whatever its row says.
#[derive(Clone, Debug)]
pub struct Agenda<'a> {
    items: Vec<&'a AgendaItem>,
    fixed: Option<ItemId>,
}

impl<'a> Agenda<'a> {
    /// The agenda as these items, in order.
    pub fn new(items: impl IntoIterator<Item = &'a AgendaItem>) -> Agenda<'a> {
        Agenda {
            items: items.into_iter().collect(),
            fixed: None,
        }
    }

    /// The agenda as it stands in the meeting, items added on the day with it.
    pub fn of(state: &'a State) -> Agenda<'a> {
        Agenda::new(state.items.iter().map(|s| &s.item))
    }

    /// Files every comment under the item `named` (`--item`), which must be on the
    /// agenda.
    pub fn with_item(mut self, named: &str) -> Result<Agenda<'a>, CommentsCsvError> {
        match self.find(named) {
            Some(id) => {
                self.fixed = Some(id.clone());
                Ok(self)
            }
            None => Err(CommentsCsvError::UnknownItem {
                named: named.to_owned(),
                problem: self.not_an_item(named),
            }),
        }
    }

    /// The item `named` stands for: its id, its number in the agenda counting from 1
    /// (full-width digits too), or its title in either language.
    pub fn find(&self, named: &str) -> Option<&'a ItemId> {
        let named = named.trim();
        let by = |pick: &dyn Fn(&AgendaItem) -> bool| {
            self.items
                .iter()
                .find(|item| pick(item))
                .map(|item| &item.id)
        };
        by(&|item| item.id.0 == named)
            .or_else(|| {
                let number: String = named
                    .chars()
                    .map(|c| match c {
                        '０'..='９' => char::from_u32(u32::from(c) - 0xFEE0).unwrap_or(c),
                        _ => c,
                    })
                    .collect();
                let number = number.parse::<usize>().ok()?;
                let item = self.items.get(number.checked_sub(1)?)?;
                Some(&item.id)
            })
            .or_else(|| {
                by(&|item| item.title.text.trim() == named || item.title.english() == Some(named))
            })
            .or_else(|| by(&|item| normalise(&item.id.0) == normalise(named)))
    }

    /// What to write instead of `named`.
    fn not_an_item(&self, named: &str) -> String {
        if self.items.is_empty() {
            return format!("\"{named}\" is not an agenda item: the agenda has none");
        }
        const SHOWN: usize = 12;
        let mut ids: Vec<&str> = self
            .items
            .iter()
            .take(SHOWN)
            .map(|item| item.id.0.as_str())
            .collect();
        if self.items.len() > SHOWN {
            ids.push("…");
        }
        format!(
            "\"{named}\" is not an agenda item; give the item's id ({}), its number in the agenda (1 to {}) or its title",
            ids.join(", "),
            self.items.len()
        )
    }
}

/// Reads a comments CSV file.
pub fn read(path: &Path, agenda: &Agenda) -> Result<Vec<PublicComment>, CommentsCsvError> {
    parse_bytes(&std::fs::read(path)?, agenda)
}

/// Reads comments from the bytes of a CSV file: UTF-8, with or without Excel's BOM.
pub fn parse_bytes(bytes: &[u8], agenda: &Agenda) -> Result<Vec<PublicComment>, CommentsCsvError> {
    parse(csv_table::decode(bytes)?, agenda)
}

/// Reads comments from CSV text, in the file's order. A file with a header and no
/// rows has no comments; a file with a bad row is refused whole.
pub fn parse(text: &str, agenda: &Agenda) -> Result<Vec<PublicComment>, CommentsCsvError> {
    let (header, records) = csv_table::open::<Column>(text)?;
    for column in [Column::Author, Column::Time, Column::Text] {
        header.require(column)?;
    }
    // The columns kept as they are, named by their header (or their place, if it has
    // none).
    let extra: Vec<(usize, String)> = header
        .unknown()
        .map(|(index, name)| {
            let name = if name.is_empty() {
                format!("column {}", index + 1)
            } else {
                name.to_owned()
            };
            (index, name)
        })
        .collect();

    let mut comments = Vec::new();
    // Each id with the line it was first seen on, and whether the row gave it.
    let mut seen: HashMap<CommentId, (u64, bool)> = HashMap::new();
    for record in records {
        let record = record?;
        let row = header.row(&record);
        let (comment, given) = read_row(&row, agenda, &extra)?;
        if let Some(&(first, _)) = seen.get(&comment.id) {
            return Err(if given {
                CommentsCsvError::DuplicateId {
                    line: row.line,
                    first,
                    id: comment.id,
                }
            } else {
                CommentsCsvError::DuplicateRow {
                    line: row.line,
                    first,
                }
            });
        }
        seen.insert(comment.id.clone(), (row.line, given));
        comments.push(comment);
    }
    Ok(comments)
}

/// A row as a comment, and whether its id was in the row (not made from it).
fn read_row(
    row: &Row,
    agenda: &Agenda,
    extra: &[(usize, String)],
) -> Result<(PublicComment, bool), TableError> {
    let author = row.get(Column::Author);
    if author.is_empty() {
        return Err(row.error(
            Column::Author,
            "the author is empty; every comment needs who left it (their name or nickname on the platform)",
        ));
    }
    let text = row.get(Column::Text).replace("\r\n", "\n");
    if text.is_empty() {
        return Err(row.error(
            Column::Text,
            "the comment is empty; every row needs the comment's text",
        ));
    }
    let posted = row.parse(Column::Time, time::parse_posted)?;
    let item = match &agenda.fixed {
        Some(item) => Some(item.clone()),
        None => match row.get(Column::Item) {
            "" => None,
            named => Some(
                agenda
                    .find(named)
                    .ok_or_else(|| row.error(Column::Item, agenda.not_an_item(named)))?
                    .clone(),
            ),
        },
    };
    let given = row.get(Column::Id);
    let id = if given.is_empty() {
        derived_id(author, posted, &text)
    } else {
        CommentId::new(given)
    };
    let optional = |column| Some(row.get(column).to_owned()).filter(|v| !v.is_empty());
    let comment = PublicComment {
        id,
        author: author.to_owned(),
        posted,
        text,
        link: optional(Column::Link),
        item,
        topic: optional(Column::Topic),
        extra: extra
            .iter()
            .filter_map(|(index, name)| {
                let value = row.record.get(*index)?.trim();
                (!value.is_empty()).then(|| (name.clone(), value.to_owned()))
            })
            .collect(),
    };
    Ok((comment, !given.is_empty()))
}

/// The id of a row without one: `row-` and twelve hex digits of a 64-bit FNV-1a hash
/// of its author, time and text. Written out here, not taken from the standard
/// library, whose hashes may change between Rust versions: a second import must find
/// the same ids.
fn derived_id(author: &str, posted: chrono::NaiveDateTime, text: &str) -> CommentId {
    const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0000_0100_0000_01b3;
    let posted = posted.format("%Y-%m-%dT%H:%M:%S").to_string();
    let mut hash = OFFSET;
    for part in [author, &posted, text] {
        for &byte in part.as_bytes().iter().chain(&[0x1f]) {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(PRIME);
        }
    }
    CommentId(format!("row-{:012x}", hash >> 16))
}

/// What an import did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ImportReport {
    /// Comments new to the session, recorded by this import.
    pub new: usize,
    /// Comments whose id the session has already: left as the session has them.
    pub already: usize,
    /// Of those, how many the file has with another author, time or text.
    pub changed: usize,
}

/// Records the comments the meeting does not have yet, by their id, as one
/// `CommentsImported` event by `by` at `at`; those it has are skipped, so importing a
/// file twice changes nothing the second time. With nothing new nothing is recorded.
pub fn import(
    meeting: &mut Meeting,
    comments: Vec<PublicComment>,
    by: Author,
    at: Stamp,
) -> Result<ImportReport, DomainError> {
    let state = meeting.state();
    let known: HashMap<&CommentId, &PublicComment> = state
        .comments()
        .iter()
        .map(|c| (&c.comment.id, &c.comment))
        .collect();
    let mut report = ImportReport::default();
    let mut new = Vec::new();
    for comment in comments {
        match known.get(&comment.id) {
            Some(kept) => {
                report.already += 1;
                if (&kept.author, kept.posted, &kept.text)
                    != (&comment.author, comment.posted, &comment.text)
                {
                    report.changed += 1;
                }
            }
            None => new.push(comment),
        }
    }
    // Two comments of `comments` with one id (a file's are refused when it is read)
    // are the domain's to refuse, with the whole event.
    report.new = new.len();
    if !new.is_empty() {
        meeting.record(at, by, EventKind::CommentsImported { comments: new })?;
    }
    Ok(report)
}

#[cfg(test)]
mod tests;
