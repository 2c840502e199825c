//! Importing a roster from a CSV file, since rosters live in spreadsheets.
//!
//! The first row names the columns, in English or Chinese (`name` or `姓名`, …); one
//! row per person follows. A row is a member unless its `role` (身分) says observer
//! (列席) or representative (代表). Values may be English or Chinese too. Every error
//! names the CSV line and the column, and says what was expected.
//!
//! This file reads the file row by row and assembles the roster; the words it
//! accepts (column names and values, in both languages) are in `vocabulary.rs`.

mod vocabulary;

use std::collections::HashSet;
use std::fmt;
use std::io;
use std::path::Path;

use thiserror::Error;

use crate::domain::{
    Member, Observer, PersonId, Representative, Roster, RosterError, SeatRole, Side, Text,
};
use crate::i18n;
use vocabulary::{Column, RowKind, parse_category, parse_role, parse_seat, parse_side};

/// A roster read from CSV, and what the reader skipped.
#[derive(Clone, Debug, PartialEq)]
pub struct RosterImport {
    pub roster: Roster,
    /// Things worth telling the user that did not stop the import (ignored columns).
    pub warnings: Vec<String>,
}

/// Why a CSV file could not be read as a roster.
#[derive(Debug, Error)]
pub enum RosterCsvError {
    #[error("cannot read the file: {0}")]
    Io(#[from] io::Error),
    #[error(
        "line {line}: the file is not UTF-8 text; in Excel save it as \"CSV UTF-8 (comma delimited)\" (plain \"CSV\" is Big5 on a Taiwanese Windows)"
    )]
    NotUtf8 { line: u64 },
    #[error(
        "the file is empty; its first row must name the columns, e.g. name,organisation,category"
    )]
    Empty,
    #[error("the file has a header row but no people; add one row per person below it")]
    NoPeople,
    #[error(
        "line {line}: the header row is a single column; separate the columns with commas (save the sheet as CSV, not as tab- or semicolon-separated text)"
    )]
    NotCommaSeparated { line: u64 },
    #[error("line {line}: {message}")]
    Malformed { line: u64, message: String },
    #[error(
        "line {line}: this row has {found} fields but the header names {expected} columns; a value that contains a comma must be inside double quotes"
    )]
    TooManyFields {
        line: u64,
        found: usize,
        expected: usize,
    },
    #[error("line {line}: the columns \"{first}\" and \"{second}\" both mean {column}; keep one")]
    DuplicateColumn {
        line: u64,
        first: String,
        second: String,
        column: &'static str,
    },
    #[error(
        "line {line}: the header row has no {column} column; add one (accepted names: {accepted})"
    )]
    MissingColumn {
        line: u64,
        column: &'static str,
        accepted: String,
    },
    #[error(
        "line {line}: the quote (\") that opens field {field} is never closed, so everything after it, to the end of the file, was read as that one value; close it with a quote, and write a quote inside a value twice (\"\")"
    )]
    UnclosedQuote { line: u64, field: usize },
    #[error("line {line}, column {column}: {problem}")]
    Field {
        line: u64,
        column: ColumnName,
        problem: String,
    },
    #[error("line {line}: {source}")]
    Roster { line: u64, source: RosterError },
}

/// A column as the file names it, and what it means (`類別 (category)`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ColumnName {
    pub header: String,
    pub canonical: &'static str,
}

impl fmt::Display for ColumnName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.header == self.canonical {
            write!(f, "{}", self.header)
        } else {
            write!(f, "{} ({})", self.header, self.canonical)
        }
    }
}

/// The header: which column of the file holds what.
struct Header {
    line: u64,
    columns: Vec<Option<Column>>,
    names: Vec<String>,
}

impl Header {
    fn missing(&self, column: Column) -> RosterCsvError {
        RosterCsvError::MissingColumn {
            line: self.line,
            column: column.canonical(),
            accepted: column.aliases().join(", "),
        }
    }

    fn position(&self, column: Column) -> Option<usize> {
        self.columns.iter().position(|&c| c == Some(column))
    }

    fn name(&self, column: Column) -> ColumnName {
        ColumnName {
            header: self
                .position(column)
                .map_or_else(|| column.canonical().to_owned(), |i| self.names[i].clone()),
            canonical: column.canonical(),
        }
    }
}

/// One row of the file, read through the header.
struct Row<'a> {
    line: u64,
    header: &'a Header,
    record: &'a csv::StringRecord,
}

impl Row<'_> {
    fn get(&self, column: Column) -> &str {
        self.header
            .position(column)
            .and_then(|i| self.record.get(i))
            .unwrap_or("")
            .trim()
    }

    fn text(&self, column: Column, english: Column) -> Text {
        let en = self.get(english);
        Text {
            text: self.get(column).to_owned(),
            en: (!en.is_empty()).then(|| en.to_owned()),
        }
    }

    fn error(&self, column: Column, problem: impl Into<String>) -> RosterCsvError {
        RosterCsvError::Field {
            line: self.line,
            column: self.header.name(column),
            problem: problem.into(),
        }
    }

    fn parse<T>(
        &self,
        column: Column,
        parse: impl Fn(&str) -> Result<T, String>,
    ) -> Result<T, RosterCsvError> {
        parse(self.get(column)).map_err(|problem| self.error(column, problem))
    }

    fn is_blank(&self) -> bool {
        self.record.iter().all(|field| field.trim().is_empty())
    }
}

/// A person as read, before ids are given out and representatives resolved.
struct Entry {
    line: u64,
    kind: RowKind,
    id: Option<String>,
    member: Option<Member>,
    name: Text,
    title: Text,
    organisation: Text,
    represents: String,
}

/// Reads a roster CSV file.
pub fn read(path: &Path) -> Result<RosterImport, RosterCsvError> {
    parse_bytes(&std::fs::read(path)?)
}

/// Reads a roster from the bytes of a CSV file: UTF-8, with or without Excel's BOM.
pub fn parse_bytes(bytes: &[u8]) -> Result<RosterImport, RosterCsvError> {
    match std::str::from_utf8(bytes) {
        Ok(text) => parse(text),
        Err(e) => {
            let valid = &bytes[..e.valid_up_to()];
            let line = 1 + valid.iter().filter(|&&b| b == b'\n').count();
            Err(RosterCsvError::NotUtf8 {
                line: u64::try_from(line).unwrap_or(u64::MAX),
            })
        }
    }
}

/// Reads a roster from CSV text.
pub fn parse(text: &str) -> Result<RosterImport, RosterCsvError> {
    // Excel writes a byte-order mark; csv-core drops it too, but the header must not
    // depend on that.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if let Some((line, field)) = unclosed_quote(text) {
        return Err(RosterCsvError::UnclosedQuote { line, field });
    }
    let mut reader = csv_reader(text);
    let mut records = reader.records();
    let malformed = |e: csv::Error| {
        let line = e.position().map_or(0, |p| p.line());
        RosterCsvError::Malformed {
            line,
            message: e.to_string(),
        }
    };

    // The header: the first row that is not blank.
    let (header_line, header) = loop {
        match records.next() {
            None => return Err(RosterCsvError::Empty),
            Some(record) => {
                let record = record.map_err(malformed)?;
                if record.iter().any(|f| !f.trim().is_empty()) {
                    let line = record.position().map_or(1, |p| p.line());
                    break (line, record);
                }
            }
        }
    };
    let mut warnings = Vec::new();
    let header = read_header(header_line, &header, &mut warnings)?;

    let mut entries = Vec::new();
    for record in records {
        let record = record.map_err(malformed)?;
        let line = record.position().map_or(0, |p| p.line());
        if record.len() > header.columns.len() {
            let extra = record.iter().skip(header.columns.len());
            if extra.clone().any(|f| !f.trim().is_empty()) {
                return Err(RosterCsvError::TooManyFields {
                    line,
                    found: record.len(),
                    expected: header.columns.len(),
                });
            }
        }
        let row = Row {
            line,
            header: &header,
            record: &record,
        };
        if row.is_blank() {
            continue;
        }
        entries.push(read_row(&row)?);
    }
    if entries.is_empty() {
        return Err(RosterCsvError::NoPeople);
    }
    let (roster, lines) = assemble(entries, header.name(Column::Represents))?;
    roster.validate().map_err(|source| RosterCsvError::Roster {
        line: line_of(&source, &roster, &lines),
        source,
    })?;
    Ok(RosterImport { roster, warnings })
}

/// How the file is read: no header row for the reader (the importer finds its own),
/// and rows of any length (a short row is a row with empty cells).
fn csv_reader(text: &str) -> csv::Reader<&[u8]> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes())
}

/// The line where a quoted value opens that the file never closes, and which field of
/// its row that is. The csv reader takes such a value to the end of the file without
/// a word: the rows after it vanish into it, and what goes wrong later is far from
/// the cause. A line break added at the end shows it: outside a quoted value it ends
/// the last row or is a blank line, which the reader skips; inside one it becomes part
/// of the value.
fn unclosed_quote(text: &str) -> Option<(u64, usize)> {
    let last_row = |text: &str| {
        csv_reader(text)
            .into_records()
            .filter_map(Result::ok)
            .last()
    };
    let row = last_row(text)?;
    let with_break = last_row(&format!("{text}\n"))?;
    if row.iter().eq(with_break.iter()) {
        return None;
    }
    // The open value is the row's last, and holds every line break after its quote.
    let value = row.get(row.len() - 1).unwrap_or("");
    let breaks = |s: &str| s.bytes().filter(|&b| b == b'\n').count();
    let line = 1 + breaks(text) - breaks(value);
    Some((u64::try_from(line).unwrap_or(u64::MAX), row.len()))
}

fn read_header(
    line: u64,
    record: &csv::StringRecord,
    warnings: &mut Vec<String>,
) -> Result<Header, RosterCsvError> {
    if record.len() == 1 && record.get(0).is_some_and(|f| f.contains(['\t', ';'])) {
        return Err(RosterCsvError::NotCommaSeparated { line });
    }
    let mut columns: Vec<Option<Column>> = Vec::new();
    let mut names: Vec<String> = Vec::new();
    for (index, name) in record.iter().enumerate() {
        let name = name.trim();
        let column = Column::from_header(name);
        if let Some(column) = column
            && let Some(first) = columns.iter().position(|&c| c == Some(column))
        {
            return Err(RosterCsvError::DuplicateColumn {
                line,
                first: names[first].clone(),
                second: name.to_owned(),
                column: column.canonical(),
            });
        }
        if column.is_none() && !name.is_empty() {
            warnings.push(format!(
                "column {} (\"{name}\") is not one Roundtable reads, so it was ignored",
                index + 1
            ));
        }
        columns.push(column);
        names.push(name.to_owned());
    }
    let header = Header {
        line,
        columns,
        names,
    };
    if header.position(Column::Name).is_none() {
        return Err(header.missing(Column::Name));
    }
    Ok(header)
}

fn read_row(row: &Row) -> Result<Entry, RosterCsvError> {
    let kind = row.parse(Column::Role, parse_role)?;
    let name = row.text(Column::Name, Column::NameEn);
    if name.text.is_empty() {
        return Err(row.error(Column::Name, "the name is empty; every person needs one"));
    }
    let id = row.get(Column::Id);
    if id.chars().any(|c| c.is_whitespace() || c == '"') {
        return Err(row.error(
            Column::Id,
            format!("\"{id}\" is not a usable id; use letters, digits and hyphens, no spaces"),
        ));
    }
    let title = row.text(Column::Title, Column::TitleEn);
    let organisation = row.text(Column::Organisation, Column::OrganisationEn);
    let represents = row.get(Column::Represents).to_owned();
    let seat = row.parse(Column::Seat, parse_seat)?;

    let member = match kind {
        RowKind::Member => {
            if !represents.is_empty() {
                return Err(row.error(
                    Column::Represents,
                    "only a representative (代表) sits in for a member; set this row's role to representative, or empty this cell",
                ));
            }
            if row.header.position(Column::Category).is_none() {
                return Err(row.header.missing(Column::Category));
            }
            let category = row.parse(Column::Category, parse_category)?;
            if !row.get(Column::Side).is_empty() {
                let side = row.parse(Column::Side, parse_side)?;
                if side != category.side() {
                    return Err(row.error(
                        Column::Side,
                        format!(
                            "\"{}\" disagrees with the category \"{}\", which is {}; correct one of them (or leave the side empty: the category decides it)",
                            row.get(Column::Side),
                            row.get(Column::Category),
                            i18n::side(category.side()).en.to_lowercase(),
                        ),
                    ));
                }
            }
            Some(Member {
                id: PersonId::new(""),
                name: name.clone(),
                title: title.clone(),
                organisation: organisation.clone(),
                category,
                seat,
            })
        }
        RowKind::Representative | RowKind::Observer => {
            if seat != SeatRole::Member {
                return Err(row.error(
                    Column::Seat,
                    "only a member holds a seat such as convener; leave it empty for a representative or an observer",
                ));
            }
            if kind == RowKind::Observer && !represents.is_empty() {
                return Err(row.error(
                    Column::Represents,
                    "an observer (列席) sits in for nobody; set the role to representative (代表), or empty this cell",
                ));
            }
            if kind == RowKind::Representative && represents.is_empty() {
                let problem = "a representative must name the member they sit in for: that member's id or name";
                return Err(if row.header.position(Column::Represents).is_some() {
                    row.error(Column::Represents, problem)
                } else {
                    row.header.missing(Column::Represents)
                });
            }
            None
        }
    };
    Ok(Entry {
        line: row.line,
        kind,
        id: (!id.is_empty()).then(|| id.to_owned()),
        member,
        name,
        title,
        organisation,
        represents,
    })
}

/// The CSV line of each person, in the roster's order of members, representatives,
/// observers.
struct Lines {
    members: Vec<u64>,
    representatives: Vec<u64>,
    observers: Vec<u64>,
}

/// Gives out ids, resolves representatives' members and builds the roster.
fn assemble(
    entries: Vec<Entry>,
    represents_column: ColumnName,
) -> Result<(Roster, Lines), RosterCsvError> {
    let taken: HashSet<String> = entries.iter().filter_map(|e| e.id.clone()).collect();
    let mut counters = [0_usize; 3];
    let mut generated = HashSet::new();
    let mut next_id = |kind: RowKind| {
        let (prefix, counter) = match kind {
            RowKind::Member => ("m", &mut counters[0]),
            RowKind::Representative => ("r", &mut counters[1]),
            RowKind::Observer => ("o", &mut counters[2]),
        };
        loop {
            *counter += 1;
            let id = format!("{prefix}{:02}", *counter);
            if !taken.contains(&id) && generated.insert(id.clone()) {
                return id;
            }
        }
    };

    let mut roster = Roster::default();
    let mut lines = Lines {
        members: Vec::new(),
        representatives: Vec::new(),
        observers: Vec::new(),
    };
    let mut pending = Vec::new();
    for entry in entries {
        let id = PersonId::new(entry.id.clone().unwrap_or_else(|| next_id(entry.kind)));
        match (entry.kind, entry.member) {
            (RowKind::Member, Some(mut member)) => {
                member.id = id;
                roster.members.push(member);
                lines.members.push(entry.line);
            }
            (RowKind::Representative, _) => {
                pending.push((id, entry.line, entry.name, entry.title, entry.represents));
            }
            _ => {
                roster.observers.push(Observer {
                    id,
                    name: entry.name,
                    title: entry.title,
                    organisation: entry.organisation,
                });
                lines.observers.push(entry.line);
            }
        }
    }
    // Representatives may come before their member in the file, so they are resolved
    // once every member is known: by id, or else by name.
    for (id, line, name, title, represents) in pending {
        let for_member =
            resolve_member(&roster, &represents).map_err(|problem| RosterCsvError::Field {
                line,
                column: represents_column.clone(),
                problem,
            })?;
        roster.representatives.push(Representative {
            id,
            for_member,
            name,
            title,
        });
        lines.representatives.push(line);
    }
    Ok((roster, lines))
}

fn resolve_member(roster: &Roster, represents: &str) -> Result<PersonId, String> {
    if roster.members.iter().any(|m| m.id.0 == represents) {
        return Ok(PersonId::new(represents));
    }
    let by_name: Vec<&Member> = roster
        .members
        .iter()
        .filter(|m| m.name.text == represents || m.name.english() == Some(represents))
        .collect();
    match by_name.as_slice() {
        [member] => Ok(member.id.clone()),
        [] => Ok(PersonId::new(represents)), // the roster's own check names it
        _ => Err(format!(
            "\"{represents}\" is the name of {} members; give the member's id instead",
            by_name.len()
        )),
    }
}

/// The CSV line of the row a roster error is about.
fn line_of(error: &RosterError, roster: &Roster, lines: &Lines) -> u64 {
    let member_line = |pick: &dyn Fn(&Member) -> bool, nth: usize| {
        roster
            .members
            .iter()
            .zip(&lines.members)
            .filter(|(m, _)| pick(m))
            .nth(nth)
            .map(|(_, &line)| line)
    };
    let line = match error {
        RosterError::DuplicateId(id) | RosterError::EmptyName(id) => {
            let mut found: Vec<u64> = roster
                .members
                .iter()
                .map(|m| &m.id)
                .zip(&lines.members)
                .chain(
                    roster
                        .representatives
                        .iter()
                        .map(|r| &r.id)
                        .zip(&lines.representatives),
                )
                .chain(roster.observers.iter().map(|o| &o.id).zip(&lines.observers))
                .filter(|(i, _)| *i == id)
                .map(|(_, &line)| line)
                .collect();
            found.sort_unstable();
            // For a duplicate, the later row is the one to fix.
            found.get(1).or(found.first()).copied()
        }
        RosterError::TwoConveners(..) => member_line(&|m| m.seat == SeatRole::Convener, 1),
        RosterError::ConvenerNotLeadAgency(_) => member_line(&|m| m.seat == SeatRole::Convener, 0),
        RosterError::TwoCoConveners(..) => member_line(&|m| m.seat == SeatRole::CoConvener, 1),
        RosterError::GovernmentCoConvener(_) => member_line(
            &|m| m.seat == SeatRole::CoConvener && m.side() == Side::Government,
            0,
        ),
        RosterError::RepresentativeForUnknownMember { .. }
        | RosterError::RepresentativeForNonGovernment { .. } => roster
            .representatives
            .iter()
            .zip(&lines.representatives)
            .find(|(rep, _)| roster.check_representative(rep).is_err())
            .map(|(_, &line)| line),
    };
    line.unwrap_or(0)
}

#[cfg(test)]
mod tests;
