//! Importing a roster from a CSV file, since rosters live in spreadsheets.
//!
//! The first row names the columns, in English or Chinese (`name` or `姓名`, …); one
//! row per person follows. A row is a member unless its `role` (身分) says observer
//! (列席) or representative (代表). Values may be English or Chinese too. Every error
//! names the CSV line and the column, and says what was expected.
//!
//! This file reads the rows as a person each and assembles the roster; the words it
//! accepts (column names and values, in both languages) are in `vocabulary.rs`; the
//! reading of the file as a table (UTF-8 and the BOM, the header, the line of each
//! row, a stray comma, an unclosed quote) is `csv_table`'s, shared with the comments.

mod vocabulary;

use std::collections::HashSet;
use std::io;
use std::path::Path;

use thiserror::Error;

use super::csv_table::{self, TableError};
use crate::domain::{
    Member, Observer, PersonId, Representative, Roster, RosterError, SeatRole, Side, Text,
};
use crate::i18n;
use vocabulary::{Column, RowKind, parse_category, parse_role, parse_seat, parse_side};

pub use csv_table::ColumnName;

type Row<'a> = csv_table::Row<'a, Column>;

/// A roster read from CSV, and what the reader skipped.
#[derive(Clone, Debug, PartialEq)]
pub struct RosterImport {
    pub roster: Roster,
    /// Things worth telling the user that did not stop the import (ignored columns).
    pub warnings: Vec<String>,
}

/// Why a CSV file could not be read as a roster. The refusals every CSV import shares
/// (see `csv_table`) are worded as there.
#[derive(Debug, Error)]
pub enum RosterCsvError {
    #[error("cannot read the file: {0}")]
    Io(#[from] io::Error),
    #[error(
        "the file is empty; its first row must name the columns, e.g. name,organisation,category"
    )]
    Empty,
    #[error("the file has a header row but no people; add one row per person below it")]
    NoPeople,
    /// What every CSV import refuses alike: not UTF-8, a bad header, a stray comma, an
    /// unclosed quote, a value that is not what its column holds.
    #[error(transparent)]
    Table(TableError),
    #[error("line {line}: {source}")]
    Roster { line: u64, source: RosterError },
}

impl From<TableError> for RosterCsvError {
    fn from(error: TableError) -> RosterCsvError {
        match error {
            TableError::Empty => RosterCsvError::Empty,
            other => RosterCsvError::Table(other),
        }
    }
}

/// A name, title or organisation and its English translation, from their columns.
fn text(row: &Row, column: Column, english: Column) -> Text {
    let en = row.get(english);
    Text {
        text: row.get(column).to_owned(),
        en: (!en.is_empty()).then(|| en.to_owned()),
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
    parse(csv_table::decode(bytes)?)
}

/// Reads a roster from CSV text.
pub fn parse(text: &str) -> Result<RosterImport, RosterCsvError> {
    let (header, records) = csv_table::open::<Column>(text)?;
    if header.position(Column::Name).is_none() {
        return Err(header.missing(Column::Name).into());
    }
    let warnings = header
        .unknown()
        .filter(|(_, name)| !name.is_empty())
        .map(|(index, name)| {
            format!(
                "column {} (\"{name}\") is not one Roundtable reads, so it was ignored",
                index + 1
            )
        })
        .collect();

    let mut entries = Vec::new();
    for record in records {
        entries.push(read_row(&header.row(&record?))?);
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

/// A row as a person; what is wrong with it is always a value or a missing column.
fn read_row(row: &Row) -> Result<Entry, TableError> {
    let kind = row.parse(Column::Role, parse_role)?;
    let name = text(row, Column::Name, Column::NameEn);
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
    let title = text(row, Column::Title, Column::TitleEn);
    let organisation = text(row, Column::Organisation, Column::OrganisationEn);
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
        let for_member = resolve_member(&roster, &represents).map_err(|problem| {
            RosterCsvError::Table(TableError::Field {
                line,
                column: represents_column.clone(),
                problem,
            })
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
