//! Importing a roster from a CSV file, since rosters live in spreadsheets.
//!
//! The first row names the columns, in English or Chinese (`name` or `姓名`, …); one
//! row per person follows. A row is a member unless its `role` (身分) says observer
//! (列席) or representative (代表). Values may be English or Chinese too. Every error
//! names the CSV line and the column, and says what was expected.

use std::collections::HashSet;
use std::fmt;
use std::io;
use std::path::Path;

use thiserror::Error;

use crate::domain::{
    Category, Member, Observer, PersonId, Representative, Roster, RosterError, SeatRole, Side, Text,
};
use crate::i18n;

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
    #[error("the header row has no {column} column; add one (accepted names: {accepted})")]
    MissingColumn {
        column: &'static str,
        accepted: String,
    },
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

/// The columns Roundtable reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum Column {
    Id,
    Name,
    NameEn,
    Title,
    TitleEn,
    Organisation,
    OrganisationEn,
    Category,
    Side,
    Seat,
    Role,
    Represents,
}

impl Column {
    const ALL: [Column; 12] = [
        Column::Id,
        Column::Name,
        Column::NameEn,
        Column::Title,
        Column::TitleEn,
        Column::Organisation,
        Column::OrganisationEn,
        Column::Category,
        Column::Side,
        Column::Seat,
        Column::Role,
        Column::Represents,
    ];

    fn canonical(self) -> &'static str {
        self.aliases()[0]
    }

    /// Header names accepted for the column; the first is the canonical one.
    fn aliases(self) -> &'static [&'static str] {
        match self {
            Column::Id => &["id", "編號", "代號"],
            Column::Name => &["name", "姓名", "名字"],
            Column::NameEn => &["name_en", "english name", "英文姓名", "姓名（英文）"],
            Column::Title => &["title", "職稱", "職銜"],
            Column::TitleEn => &["title_en", "英文職稱", "職稱（英文）"],
            Column::Organisation => &[
                "organisation",
                "organization",
                "org",
                "單位",
                "機關",
                "服務單位",
                "機關單位",
                "機關名稱",
                "單位名稱",
            ],
            Column::OrganisationEn => &[
                "organisation_en",
                "organization_en",
                "英文單位",
                "英文機關",
                "單位（英文）",
                "機關（英文）",
            ],
            Column::Category => &["category", "類別", "成員類別"],
            Column::Side => &["side", "屬性"],
            Column::Seat => &["seat", "角色", "席位"],
            Column::Role => &["role", "身分", "身份"],
            Column::Represents => &[
                "represents",
                "for_member",
                "代表機關成員",
                "代表之成員",
                "代理成員",
            ],
        }
    }

    fn from_header(header: &str) -> Option<Column> {
        let wanted = normalise(header);
        Column::ALL.into_iter().find(|column| {
            column
                .aliases()
                .iter()
                .any(|alias| normalise(alias) == wanted)
        })
    }
}

/// Lower-case, without spaces, hyphens, underscores or full-width spaces, so that
/// `Lead agency`, `lead-agency` and `LeadAgency` are one word.
fn normalise(value: &str) -> String {
    value
        .trim()
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '-' | '_' | '\u{3000}'))
        .flat_map(char::to_lowercase)
        .collect()
}

/// The kind of person a row describes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum RowKind {
    Member,
    Representative,
    Observer,
}

const CATEGORY_WORDS: &str = "主辦機關 (lead agency), 協辦機關 (co-organising agency), 公民團體／民間組織／產業 (civic group, NGO, industry), 專家學者 (issue expert), 開放政府專家 (open-government expert)";

fn parse_category(value: &str) -> Result<Category, String> {
    const ALIASES: &[(&str, Category)] = &[
        ("lead", Category::LeadAgency),
        ("leadagency", Category::LeadAgency),
        ("主辦", Category::LeadAgency),
        ("主辦機關", Category::LeadAgency),
        ("主辦單位", Category::LeadAgency),
        ("主責機關", Category::LeadAgency),
        ("coorganising", Category::CoOrganisingAgency),
        ("coorganizing", Category::CoOrganisingAgency),
        ("coorganisingagency", Category::CoOrganisingAgency),
        ("coorganizingagency", Category::CoOrganisingAgency),
        ("協辦", Category::CoOrganisingAgency),
        ("協辦機關", Category::CoOrganisingAgency),
        ("協辦單位", Category::CoOrganisingAgency),
        ("civic", Category::CivicGroup),
        ("civicgroup", Category::CivicGroup),
        ("civilsociety", Category::CivicGroup),
        ("ngo", Category::CivicGroup),
        ("npo", Category::CivicGroup),
        ("industry", Category::CivicGroup),
        ("公民團體", Category::CivicGroup),
        ("民間組織", Category::CivicGroup),
        ("民間團體", Category::CivicGroup),
        ("產業", Category::CivicGroup),
        ("產業組織", Category::CivicGroup),
        ("相關產業組織", Category::CivicGroup),
        ("公民團體、民間組織及相關產業組織", Category::CivicGroup),
        ("expert", Category::IssueExpert),
        ("scholar", Category::IssueExpert),
        ("issueexpert", Category::IssueExpert),
        ("專家", Category::IssueExpert),
        ("學者", Category::IssueExpert),
        ("專家學者", Category::IssueExpert),
        ("議題專家", Category::IssueExpert),
        ("議題專家學者", Category::IssueExpert),
        ("熟悉議題之專家學者", Category::IssueExpert),
        ("opengov", Category::OpenGovExpert),
        ("opengovexpert", Category::OpenGovExpert),
        ("opengovernmentexpert", Category::OpenGovExpert),
        ("開放政府", Category::OpenGovExpert),
        ("開放政府專家", Category::OpenGovExpert),
        ("開放政府專家學者", Category::OpenGovExpert),
    ];
    let wanted = normalise(value);
    if wanted.is_empty() {
        return Err(format!(
            "a member needs a category: one of {CATEGORY_WORDS}"
        ));
    }
    let by_label = Category::ALL.into_iter().find(|&c| {
        let label = i18n::category(c);
        normalise(label.zh) == wanted || normalise(label.en) == wanted
    });
    if let Some(category) = by_label.or_else(|| {
        ALIASES
            .iter()
            .find(|(alias, _)| normalise(alias) == wanted)
            .map(|&(_, c)| c)
    }) {
        return Ok(category);
    }
    // A side is not a category: say which one is meant.
    match parse_side(value) {
        Ok(Side::Government) => Err(format!(
            "\"{value}\" is a side, not a category; say 主辦機關 (lead agency) or 協辦機關 (co-organising agency)"
        )),
        Ok(Side::NonGovernment) => Err(format!(
            "\"{value}\" is a side, not a category; say 公民團體 (civic group), 專家學者 (issue expert) or 開放政府專家 (open-government expert)"
        )),
        Err(_) => Err(format!(
            "\"{value}\" is not a category; use one of {CATEGORY_WORDS}"
        )),
    }
}

fn parse_side(value: &str) -> Result<Side, String> {
    const ALIASES: &[(&str, Side)] = &[
        ("government", Side::Government),
        ("gov", Side::Government),
        ("政府", Side::Government),
        ("政府機關", Side::Government),
        ("政府部門", Side::Government),
        ("nongovernment", Side::NonGovernment),
        ("nongovernmental", Side::NonGovernment),
        ("nongov", Side::NonGovernment),
        ("非政府", Side::NonGovernment),
        ("非政府機關", Side::NonGovernment),
        ("非政府部門", Side::NonGovernment),
        ("民間", Side::NonGovernment),
    ];
    let wanted = normalise(value);
    ALIASES
        .iter()
        .find(|(alias, _)| normalise(alias) == wanted)
        .map(|&(_, side)| side)
        .ok_or_else(|| {
            format!("\"{value}\" is not a side; use government (政府) or non-government (非政府)")
        })
}

fn parse_seat(value: &str) -> Result<SeatRole, String> {
    match normalise(value).as_str() {
        "" | "member" | "委員" | "成員" => Ok(SeatRole::Member),
        "convener" | "convenor" | "召集人" => Ok(SeatRole::Convener),
        "coconvener" | "coconvenor" | "共同召集人" => Ok(SeatRole::CoConvener),
        _ if parse_role(value).is_ok_and(|kind| kind != RowKind::Member) => Err(format!(
            "\"{value}\" is not a seat; write it in the role (身分) column, and leave the seat empty"
        )),
        _ => Err(format!(
            "\"{value}\" is not a seat; use convener (召集人), co-convener (共同召集人) or member (委員), or leave it empty for a member"
        )),
    }
}

fn parse_role(value: &str) -> Result<RowKind, String> {
    match normalise(value).as_str() {
        "" | "member" | "委員" | "成員" => Ok(RowKind::Member),
        "observer" | "列席" | "列席人員" | "列席單位" => Ok(RowKind::Observer),
        "representative" | "rep" | "代表" | "指派代表" | "代理人" => {
            Ok(RowKind::Representative)
        }
        _ => Err(format!(
            "\"{value}\" is not a role; use member (委員), observer (列席) or representative (代表), or leave it empty for a member"
        )),
    }
}

/// The header: which column of the file holds what.
struct Header {
    columns: Vec<Option<Column>>,
    names: Vec<String>,
}

impl Header {
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
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
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
    let header = Header { columns, names };
    if header.position(Column::Name).is_none() {
        return Err(RosterCsvError::MissingColumn {
            column: Column::Name.canonical(),
            accepted: Column::Name.aliases().join(", "),
        });
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
                return Err(RosterCsvError::MissingColumn {
                    column: Column::Category.canonical(),
                    accepted: Column::Category.aliases().join(", "),
                });
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
                    RosterCsvError::MissingColumn {
                        column: Column::Represents.canonical(),
                        accepted: Column::Represents.aliases().join(", "),
                    }
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
mod tests {
    use super::*;

    fn import(csv: &str) -> Roster {
        match parse(csv) {
            Ok(import) => import.roster,
            Err(e) => panic!("{csv}\nfailed: {e}"),
        }
    }

    fn error(csv: &str) -> String {
        match parse(csv) {
            Ok(import) => panic!("{csv}\nwas accepted: {:?}", import.roster),
            Err(e) => e.to_string(),
        }
    }

    #[test]
    fn chinese_headers_and_values_with_an_excel_bom() {
        let csv = "\u{feff}姓名,職稱,單位,類別,角色\n\
                   陳怡君,副主任委員,中央選舉委員會,主辦機關,召集人\n\
                   周明德,理事長,臺灣公民參與協會,公民團體,共同召集人\n";
        let roster = import(csv);
        assert_eq!(roster.members.len(), 2);
        let convener = roster.convener().expect("a convener");
        assert_eq!(convener.name.text, "陳怡君");
        assert_eq!(convener.category, Category::LeadAgency);
        assert_eq!(convener.organisation.text, "中央選舉委員會");
        assert_eq!(convener.id.0, "m01");
        let co = roster.co_convener().expect("a co-convener");
        assert_eq!(co.title.text, "理事長");
        assert_eq!(co.category, Category::CivicGroup);
    }

    #[test]
    fn the_bom_does_not_hide_the_first_column() {
        // Without stripping, the first header would read "\u{feff}name" and be unknown.
        let bytes = "\u{feff}name,category\nAlice,expert\n".as_bytes();
        let import = parse_bytes(bytes).expect("imports");
        assert!(import.warnings.is_empty(), "{:?}", import.warnings);
        assert_eq!(import.roster.members[0].name.text, "Alice");
    }

    #[test]
    fn english_headers_values_and_translations() {
        let csv = "name,name_en,title,title_en,organization,organisation_en,category,side,seat\n\
                   林志豪,Lin Chih-hao,處長,Director,中選會,CEC,Lead agency,government,convener\n\
                   許雅雯,Hsu Ya-wen,研究員,Researcher,開放文化促進會,,NGO,非政府,\n";
        let roster = import(csv);
        let lin = &roster.members[0];
        assert_eq!(lin.name.english(), Some("Lin Chih-hao"));
        assert_eq!(lin.title.english(), Some("Director"));
        assert_eq!(lin.organisation.english(), Some("CEC"));
        assert_eq!(lin.seat, SeatRole::Convener);
        let hsu = &roster.members[1];
        assert_eq!(
            hsu.organisation.en, None,
            "an empty English cell is no English"
        );
        assert_eq!(hsu.category, Category::CivicGroup);
    }

    #[test]
    fn every_category_in_both_languages() {
        for (value, category) in [
            ("主辦機關", Category::LeadAgency),
            ("LeadAgency", Category::LeadAgency),
            ("協辦機關", Category::CoOrganisingAgency),
            ("co-organizing agency", Category::CoOrganisingAgency),
            ("公民團體", Category::CivicGroup),
            ("民間組織", Category::CivicGroup),
            ("產業", Category::CivicGroup),
            ("Civic group / NGO / industry", Category::CivicGroup),
            ("專家學者", Category::IssueExpert),
            ("Issue expert", Category::IssueExpert),
            ("開放政府專家", Category::OpenGovExpert),
            ("open-government expert", Category::OpenGovExpert),
        ] {
            assert_eq!(parse_category(value), Ok(category), "{value}");
        }
    }

    #[test]
    fn a_side_given_as_category_is_refused_with_the_choices() {
        let message = error("name,category\n王小明,政府機關\n");
        assert!(message.starts_with("line 2, column category:"), "{message}");
        assert!(message.contains("主辦機關"), "{message}");
        let message = error("name,category\n王小明,教授\n");
        assert!(message.contains("\"教授\" is not a category"), "{message}");
    }

    #[test]
    fn a_side_that_disagrees_with_the_category_names_row_and_column() {
        let message = error("姓名,類別,屬性\n甲,公民團體,非政府\n乙,專家學者,政府\n");
        assert!(
            message.starts_with("line 3, column 屬性 (side):"),
            "{message}"
        );
        assert!(message.contains("non-government"), "{message}");
    }

    #[test]
    fn observers_and_representatives_get_their_own_ids() {
        let csv = "姓名,單位,類別,身分,代表機關成員\n\
                   李雅婷,,,代表,黃建國\n\
                   黃建國,內政部戶政司,協辦機關,,\n\
                   何家豪,行政院,,列席,\n\
                   蘇怡安,國發會,,observer,\n";
        let roster = import(csv);
        assert_eq!(roster.members.len(), 1);
        assert_eq!(roster.members[0].id.0, "m01");
        let rep = &roster.representatives[0];
        assert_eq!(rep.id.0, "r01");
        assert_eq!(
            rep.for_member.0, "m01",
            "resolved by name, though it came first"
        );
        let ids: Vec<&str> = roster.observers.iter().map(|o| o.id.0.as_str()).collect();
        assert_eq!(ids, ["o01", "o02"]);
        assert_eq!(roster.observers[0].organisation.text, "行政院");
    }

    #[test]
    fn generated_ids_skip_ids_the_file_gives() {
        let roster = import("id,name,category\n,甲,專家\nm01,乙,專家\n");
        let ids: Vec<&str> = roster.members.iter().map(|m| m.id.0.as_str()).collect();
        assert_eq!(ids, ["m02", "m01"]);
    }

    #[test]
    fn two_conveners_are_refused_on_the_second_ones_line() {
        let message = error(
            "name,category,seat\nA,lead agency,convener\nB,expert,\nC,co-organising,召集人\n",
        );
        assert!(
            message.starts_with("line 4: there are two conveners"),
            "{message}"
        );
    }

    #[test]
    fn a_government_co_convener_is_refused() {
        let message = error("name,category,seat\nA,協辦機關,共同召集人\n");
        assert!(message.starts_with("line 2:"), "{message}");
        assert!(message.contains("cannot be co-convener"), "{message}");
    }

    #[test]
    fn a_representative_for_nobody_is_refused_with_the_reason() {
        let message = error("name,category,role,represents\nA,協辦機關,,\nB,,代表,王大明\n");
        assert!(message.starts_with("line 3:"), "{message}");
        assert!(
            message.contains("stands in for \"王大明\", who is not a member"),
            "{message}"
        );
    }

    #[test]
    fn a_representative_needs_the_column() {
        let message = error("name,category,role\nA,協辦機關,\nB,,representative\n");
        assert!(message.contains("no represents column"), "{message}");
    }

    #[test]
    fn duplicate_ids_name_the_later_row() {
        let message = error("id,name,category\nx,A,專家\ny,B,專家\nx,C,專家\n");
        assert!(
            message.starts_with("line 4: two people have the id \"x\""),
            "{message}"
        );
    }

    #[test]
    fn quoted_multi_line_cells_keep_line_numbers_right() {
        let message = error("name,title,category\n\"A\",\"one\ntwo\",專家\nB,,nonsense\n");
        assert!(message.starts_with("line 4, column category:"), "{message}");
    }

    #[test]
    fn missing_name_column_lists_accepted_names() {
        let message = error("名稱,類別\nA,專家\n");
        assert!(message.contains("no name column"), "{message}");
        assert!(message.contains("姓名"), "{message}");
    }

    #[test]
    fn an_empty_name_is_refused() {
        let message = error("name,category\n,專家\n");
        assert!(message.starts_with("line 2, column name:"), "{message}");
    }

    #[test]
    fn unknown_columns_are_ignored_with_a_warning() {
        let import = parse("name,category,電話\nA,專家,02-1234\n").expect("imports");
        assert_eq!(import.warnings.len(), 1);
        assert!(import.warnings[0].contains("電話"), "{:?}", import.warnings);
    }

    #[test]
    fn a_stray_comma_is_caught() {
        let message = error("name,category\nA,專家,extra\n");
        assert!(
            message.starts_with("line 2: this row has 3 fields"),
            "{message}"
        );
    }

    #[test]
    fn big5_bytes_are_refused_with_a_hint() {
        // "姓名" in Big5.
        let bytes = b"name,category\n\xa9\x6d\xa6\x57,expert\n";
        let message = parse_bytes(bytes).expect_err("not UTF-8").to_string();
        assert!(
            message.starts_with("line 2: the file is not UTF-8"),
            "{message}"
        );
        assert!(message.contains("CSV UTF-8"), "{message}");
    }

    #[test]
    fn tab_separated_is_refused_with_a_hint() {
        let message = error("name\tcategory\nA\texpert\n");
        assert!(
            message.contains("separate the columns with commas"),
            "{message}"
        );
    }

    #[test]
    fn empty_files_and_headers_alone_are_refused() {
        assert!(error("").contains("the file is empty"));
        assert!(error("\u{feff}").contains("the file is empty"));
        assert!(error("name,category\n\n").contains("no people"));
    }

    #[test]
    fn blank_rows_are_skipped() {
        let roster = import("name,category\n\nA,專家\n,\nB,專家\n");
        assert_eq!(roster.members.len(), 2);
    }
}
