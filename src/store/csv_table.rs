//! What the CSV importers (the roster, the public's comments) share: a spreadsheet's
//! export read as a table whose first row names its columns, in English or Chinese.
//!
//! - the bytes must be UTF-8 (Excel's "CSV UTF-8"), with or without its byte-order
//!   mark; Big5 is refused with the line where it starts and how to save it right;
//! - the header is the first row that is not blank; each of its names is matched,
//!   without regard to case, spaces, hyphens or underscores, against a format's
//!   aliases for its columns: the whole name, or both halves of a bilingual one
//!   (`姓名 Name`, `留言者（Author）`) when they agree; two columns for one meaning
//!   are refused;
//! - every record comes with the line of the file it starts on; blank rows are
//!   skipped, and a row with more values than the header has columns is refused;
//! - a quote that opens a value and is never closed is found and named, before the
//!   reader swallows the rest of the file into that value.
//!
//! Every refusal names the CSV line and says what was expected. The words of the
//! common refusals are in `words`, so a format that keeps refusals of its own with
//! the same meaning (the roster's) says them alike.

use std::fmt;

use thiserror::Error;

/// A format's columns: the names a header may give each.
pub(crate) trait Columns: Copy + Eq + 'static {
    /// Every column, in the order a header name is tried against them.
    const ALL: &'static [Self];

    /// Header names accepted for the column; the first is the canonical one.
    fn aliases(self) -> &'static [&'static str];

    fn canonical(self) -> &'static str {
        self.aliases()[0]
    }

    /// The column a header name means: the whole name, or else both halves of a
    /// bilingual one (`姓名 Name`, `留言者（Author）`, `編號/ID`) when both mean the same
    /// column. A half that means nothing (`Name (English)`) does not make it match.
    fn from_header(header: &str) -> Option<Self> {
        let by_alias = |name: &str| {
            let wanted = normalise(name);
            (!wanted.is_empty())
                .then(|| {
                    Self::ALL.iter().copied().find(|column| {
                        column
                            .aliases()
                            .iter()
                            .any(|alias| normalise(alias) == wanted)
                    })
                })
                .flatten()
        };
        if let Some(column) = by_alias(header) {
            return Some(column);
        }
        let separator =
            |c: char| c.is_whitespace() || matches!(c, '(' | '（' | '/' | '／' | '|' | '｜');
        let header = header.trim();
        let (first, second) = header.split_at(header.find(separator)?);
        let second = second
            .trim_matches(|c: char| separator(c) || matches!(c, ')' | '）'))
            .trim();
        match (by_alias(first), by_alias(second)) {
            (Some(a), Some(b)) if a == b => Some(a),
            _ => None,
        }
    }
}

/// Lower-case, without spaces, hyphens, underscores or full-width spaces, so that
/// `Lead agency`, `lead-agency` and `LeadAgency` are one word.
pub(crate) fn normalise(value: &str) -> String {
    value
        .trim()
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '-' | '_' | '\u{3000}'))
        .flat_map(char::to_lowercase)
        .collect()
}

/// Why a CSV file could not be read as a table, or a value of it as what its column
/// holds. Every refusal but [`TableError::Empty`] names a line of the file.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum TableError {
    #[error("{}", words::not_utf8(*line))]
    NotUtf8 { line: u64 },
    #[error("the file is empty; its first row must name the columns")]
    Empty,
    #[error("{}", words::not_comma_separated(*line))]
    NotCommaSeparated { line: u64 },
    #[error("line {line}: {message}")]
    Malformed { line: u64, message: String },
    #[error("{}", words::too_many_fields(*line, *found, *expected))]
    TooManyFields {
        line: u64,
        found: usize,
        expected: usize,
    },
    #[error("{}", words::duplicate_column(*line, first, second, column))]
    DuplicateColumn {
        line: u64,
        first: String,
        second: String,
        column: &'static str,
    },
    #[error("{}", words::missing_column(*line, column, accepted))]
    MissingColumn {
        line: u64,
        column: &'static str,
        accepted: &'static [&'static str],
    },
    #[error("{}", words::unclosed_quote(*line, *field))]
    UnclosedQuote { line: u64, field: usize },
    #[error("{}", words::field(*line, column, problem))]
    Field {
        line: u64,
        column: ColumnName,
        problem: String,
    },
}

impl TableError {
    /// The line of the file the refusal names; `None` for an empty file.
    pub fn line(&self) -> Option<u64> {
        match self {
            TableError::Empty => None,
            TableError::NotUtf8 { line }
            | TableError::NotCommaSeparated { line }
            | TableError::Malformed { line, .. }
            | TableError::TooManyFields { line, .. }
            | TableError::DuplicateColumn { line, .. }
            | TableError::MissingColumn { line, .. }
            | TableError::UnclosedQuote { line, .. }
            | TableError::Field { line, .. } => Some(*line),
        }
    }
}

/// The words of the common refusals.
pub(crate) mod words {
    use super::ColumnName;

    pub fn not_utf8(line: u64) -> String {
        format!(
            "line {line}: the file is not UTF-8 text; in Excel save it as \"CSV UTF-8 (comma delimited)\" (plain \"CSV\" is Big5 on a Taiwanese Windows)"
        )
    }

    pub fn not_comma_separated(line: u64) -> String {
        format!(
            "line {line}: the header row is a single column; separate the columns with commas (save the sheet as CSV, not as tab- or semicolon-separated text)"
        )
    }

    pub fn too_many_fields(line: u64, found: usize, expected: usize) -> String {
        format!(
            "line {line}: this row has {found} fields but the header names {expected} columns; a value that contains a comma must be inside double quotes"
        )
    }

    pub fn duplicate_column(line: u64, first: &str, second: &str, column: &str) -> String {
        format!(
            "line {line}: the columns \"{first}\" and \"{second}\" both mean {column}; keep one"
        )
    }

    pub fn missing_column(line: u64, column: &str, accepted: &[&str]) -> String {
        format!(
            "line {line}: the header row has no {column} column; add one (accepted names: {})",
            accepted.join(", ")
        )
    }

    pub fn unclosed_quote(line: u64, field: usize) -> String {
        format!(
            "line {line}: the quote (\") that opens field {field} is never closed, so everything after it, to the end of the file, was read as that one value; close it with a quote, and write a quote inside a value twice (\"\")"
        )
    }

    pub fn field(line: u64, column: &ColumnName, problem: &str) -> String {
        format!("line {line}, column {column}: {problem}")
    }
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

/// The bytes of a CSV file as text: UTF-8, or a refusal naming the line where it
/// stops being UTF-8.
pub(crate) fn decode(bytes: &[u8]) -> Result<&str, TableError> {
    std::str::from_utf8(bytes).map_err(|e| {
        let valid = &bytes[..e.valid_up_to()];
        let line = 1 + valid.iter().filter(|&&b| b == b'\n').count();
        TableError::NotUtf8 {
            line: u64::try_from(line).unwrap_or(u64::MAX),
        }
    })
}

/// The header: which column of the file holds what.
pub(crate) struct Header<C> {
    pub line: u64,
    pub columns: Vec<Option<C>>,
    /// The names as the file writes them, trimmed.
    pub names: Vec<String>,
}

impl<C: Columns> Header<C> {
    pub fn position(&self, column: C) -> Option<usize> {
        self.columns.iter().position(|&c| c == Some(column))
    }

    /// The column's name as the file writes it, and what it means.
    pub fn name(&self, column: C) -> ColumnName {
        ColumnName {
            header: self
                .position(column)
                .map_or_else(|| column.canonical().to_owned(), |i| self.names[i].clone()),
            canonical: column.canonical(),
        }
    }

    /// The refusal of a header without `column`.
    pub fn missing(&self, column: C) -> TableError {
        TableError::MissingColumn {
            line: self.line,
            column: column.canonical(),
            accepted: column.aliases(),
        }
    }

    /// Where `column` is, or the refusal of a header without it.
    pub fn require(&self, column: C) -> Result<usize, TableError> {
        self.position(column).ok_or_else(|| self.missing(column))
    }

    /// The columns the format does not read: their index and name.
    pub fn unknown(&self) -> impl Iterator<Item = (usize, &str)> {
        self.columns
            .iter()
            .zip(&self.names)
            .enumerate()
            .filter(|(_, (column, _))| column.is_none())
            .map(|(index, (_, name))| (index, name.as_str()))
    }

    /// A record read through this header.
    pub fn row<'a>(&'a self, record: &'a Record) -> Row<'a, C> {
        Row {
            line: record.line,
            header: self,
            record: &record.fields,
        }
    }
}

/// One row of the file, and the line it starts on.
pub(crate) struct Record {
    pub line: u64,
    pub fields: csv::StringRecord,
}

/// The rows after the header, each with its line; blank rows are skipped.
pub(crate) struct Records<'a> {
    inner: csv::StringRecordsIntoIter<&'a [u8]>,
    lines: Lines<'a>,
    width: usize,
}

/// The line a record starts on, counted from the text. The reader's own count is off
/// after a blank line (it names the blank line) and after a line break inside a quoted
/// value written as CR LF; its byte offset is right, and points just past the end of
/// the row before: the line breaks of blank lines it skipped are counted here. Rows
/// come in order, so each count goes on from the last.
struct Lines<'a> {
    text: &'a str,
    byte: usize,
    line: u64,
}

impl<'a> Lines<'a> {
    fn new(text: &'a str) -> Lines<'a> {
        Lines {
            text,
            byte: 0,
            line: 1,
        }
    }

    fn of(&mut self, record: &csv::StringRecord) -> u64 {
        let bytes = self.text.as_bytes();
        let Some(position) = record.position() else {
            return self.line;
        };
        let mut start = usize::try_from(position.byte())
            .unwrap_or(usize::MAX)
            .min(bytes.len());
        while matches!(bytes.get(start), Some(b'\r' | b'\n')) {
            start += 1;
        }
        if start < self.byte {
            *self = Lines::new(self.text);
        }
        let breaks = line_breaks(&bytes[self.byte..start]);
        self.line += u64::try_from(breaks).unwrap_or(u64::MAX);
        self.byte = start;
        self.line
    }
}

impl Iterator for Records<'_> {
    type Item = Result<Record, TableError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            let fields = match self.inner.next()? {
                Ok(fields) => fields,
                Err(e) => return Some(Err(malformed(&e))),
            };
            let line = self.lines.of(&fields);
            if fields.len() > self.width
                && fields.iter().skip(self.width).any(|f| !f.trim().is_empty())
            {
                return Some(Err(TableError::TooManyFields {
                    line,
                    found: fields.len(),
                    expected: self.width,
                }));
            }
            if fields.iter().all(|f| f.trim().is_empty()) {
                continue;
            }
            return Some(Ok(Record { line, fields }));
        }
    }
}

fn malformed(e: &csv::Error) -> TableError {
    TableError::Malformed {
        line: e.position().map_or(0, |p| p.line()),
        message: e.to_string(),
    }
}

/// Opens CSV text as a table: its header (the first row that is not blank) matched
/// against the format's columns, and the rows after it. Refuses a file with an
/// unclosed quote, no header, a header that is not comma-separated, or two columns
/// for one meaning; which columns are required is the format's to say.
pub(crate) fn open<C: Columns>(text: &str) -> Result<(Header<C>, Records<'_>), TableError> {
    // Excel writes a byte-order mark; csv-core drops it too, but the header must not
    // depend on that.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if let Some((line, field)) = unclosed_quote(text) {
        return Err(TableError::UnclosedQuote { line, field });
    }
    let mut records = csv_reader(text).into_records();
    let mut lines = Lines::new(text);
    let (line, record) = loop {
        match records.next() {
            None => return Err(TableError::Empty),
            Some(record) => {
                let record = record.map_err(|e| malformed(&e))?;
                if record.iter().any(|f| !f.trim().is_empty()) {
                    break (lines.of(&record), record);
                }
            }
        }
    };
    let header = read_header(line, &record)?;
    let width = header.columns.len();
    Ok((
        header,
        Records {
            inner: records,
            lines,
            width,
        },
    ))
}

fn read_header<C: Columns>(line: u64, record: &csv::StringRecord) -> Result<Header<C>, TableError> {
    if record.len() == 1 && record.get(0).is_some_and(|f| f.contains(['\t', ';'])) {
        return Err(TableError::NotCommaSeparated { line });
    }
    let mut columns: Vec<Option<C>> = Vec::with_capacity(record.len());
    let mut names: Vec<String> = Vec::with_capacity(record.len());
    for name in record.iter() {
        let name = name.trim();
        let column = C::from_header(name);
        if let Some(column) = column
            && let Some(first) = columns.iter().position(|&c| c == Some(column))
        {
            return Err(TableError::DuplicateColumn {
                line,
                first: names[first].clone(),
                second: name.to_owned(),
                column: column.canonical(),
            });
        }
        columns.push(column);
        names.push(name.to_owned());
    }
    Ok(Header {
        line,
        columns,
        names,
    })
}

/// The line breaks in `bytes`, as lines are counted in every message: LF or CR LF.
fn line_breaks(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| b == b'\n').count()
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
    // Only a file with a quote can have an unclosed one; most have none, and this
    // spares them reading the file twice more.
    if !text.contains('"') {
        return None;
    }
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
    let line = 1 + line_breaks(text.as_bytes()) - line_breaks(value.as_bytes());
    Some((u64::try_from(line).unwrap_or(u64::MAX), row.len()))
}

/// One row of the file, read through the header.
pub(crate) struct Row<'a, C> {
    pub line: u64,
    pub header: &'a Header<C>,
    pub record: &'a csv::StringRecord,
}

impl<C: Columns> Row<'_, C> {
    /// The value in `column`, trimmed; empty when the file has no such column or the
    /// row stops short of it.
    pub fn get(&self, column: C) -> &str {
        self.header
            .position(column)
            .and_then(|i| self.record.get(i))
            .unwrap_or("")
            .trim()
    }

    /// The refusal of this row's value in `column`.
    pub fn error(&self, column: C, problem: impl Into<String>) -> TableError {
        TableError::Field {
            line: self.line,
            column: self.header.name(column),
            problem: problem.into(),
        }
    }

    /// The value in `column` read by `parse`, or its refusal.
    pub fn parse<T>(
        &self,
        column: C,
        parse: impl Fn(&str) -> Result<T, String>,
    ) -> Result<T, TableError> {
        parse(self.get(column)).map_err(|problem| self.error(column, problem))
    }
}

/// Bytes that look like a CSV import often enough to get past the header into the
/// rows: a header of `columns` (each a header and the values a cell of it takes, the
/// first `required` nearly always present), rows of their values, and now and then a
/// piece of `noise` between them or bytes that are not UTF-8; or just any bytes. For
/// the importers' property tests.
#[cfg(test)]
pub(crate) fn csv_like_bytes(
    columns: &'static [(&'static str, &'static [&'static str])],
    required: usize,
    noise: &'static [&'static str],
) -> impl proptest::strategy::Strategy<Value = Vec<u8>> {
    use proptest::prelude::*;
    let always = proptest::collection::vec(proptest::bool::weighted(0.93), required);
    let others = proptest::sample::subsequence((required..columns.len()).collect::<Vec<_>>(), 0..5);
    let chosen = (always, others)
        .prop_map(|(always, mut chosen)| {
            chosen.extend((0..always.len()).filter(|&c| always[c]));
            chosen
        })
        .prop_shuffle();
    let rows = proptest::collection::vec(
        proptest::collection::vec(any::<usize>(), columns.len()),
        0..6,
    );
    let pieces = proptest::collection::vec(
        (
            any::<proptest::sample::Index>(),
            proptest::sample::select(noise),
        ),
        0..3,
    );
    let end = prop_oneof![Just("\n"), Just("\r\n"), Just("")];
    let big5 = proptest::bool::weighted(0.05);
    let file =
        (chosen, rows, pieces, end, big5).prop_map(move |(chosen, rows, pieces, end, big5)| {
            let header: Vec<&str> = chosen.iter().map(|&c| columns[c].0).collect();
            let mut text = header.join(",");
            for picks in rows {
                let cells: Vec<&str> = chosen
                    .iter()
                    .zip(picks)
                    .map(|(&c, pick)| columns[c].1[pick % columns[c].1.len()])
                    .collect();
                text.push('\n');
                text.push_str(&cells.join(","));
            }
            text.push_str(end);
            for (at, piece) in pieces {
                let at = at.index(text.len() + 1);
                let at = (0..=at)
                    .rev()
                    .find(|&i| text.is_char_boundary(i))
                    .unwrap_or(0);
                text.insert_str(at, piece);
            }
            let mut bytes = text.into_bytes();
            if big5 {
                bytes.extend_from_slice(b"\xa9\x6d");
            }
            bytes
        });
    prop_oneof![
        9 => file,
        1 => proptest::collection::vec(any::<u8>(), 0..200),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Clone, Copy, Debug, PartialEq, Eq)]
    enum Col {
        Name,
        Side,
        Role,
    }

    impl Columns for Col {
        const ALL: &'static [Col] = &[Col::Name, Col::Side, Col::Role];
        fn aliases(self) -> &'static [&'static str] {
            match self {
                Col::Name => &["name", "姓名"],
                Col::Side => &["side", "屬性"],
                Col::Role => &["role", "身分"],
            }
        }
    }

    #[test]
    fn header_names_match_whole_or_by_agreeing_parts() {
        assert_eq!(Col::from_header(" Name "), Some(Col::Name));
        assert_eq!(Col::from_header("姓名 Name"), Some(Col::Name));
        assert_eq!(Col::from_header("姓名（Name）"), Some(Col::Name));
        assert_eq!(Col::from_header("姓名/name"), Some(Col::Name));
        assert_eq!(Col::from_header("身分 Side"), None, "two meanings");
        assert_eq!(
            Col::from_header("Name (English)"),
            None,
            "one half means nothing"
        );
        assert_eq!(Col::from_header("電話 Phone"), None);
        assert_eq!(Col::from_header(""), None);
    }

    #[test]
    fn records_carry_their_lines_and_skip_blank_rows() {
        let (header, records) =
            open::<Col>("\u{feff}\n姓名,Side,備註\nA,x,\"two\nlines\"\n,,\nB,,\n").expect("opens");
        assert_eq!(header.line, 2);
        assert_eq!(header.position(Col::Side), Some(1));
        assert_eq!(header.unknown().collect::<Vec<_>>(), [(2, "備註")]);
        let lines: Vec<u64> = records.map(|r| r.expect("a row").line).collect();
        assert_eq!(lines, [3, 6]);
    }

    #[test]
    fn lines_are_right_after_blank_lines_and_cr_lf_inside_a_value() {
        let lines = |text: &str| {
            let (header, records) = open::<Col>(text).expect("opens");
            let mut lines = vec![header.line];
            lines.extend(records.map(|r| r.expect("a row").line));
            lines
        };
        assert_eq!(lines("\n\nname\n\nA\n\n\nB\n"), [3, 5, 8]);
        assert_eq!(lines("name\r\n\"a\r\nb\"\r\n\r\nB\r\n"), [1, 2, 5]);
    }

    #[test]
    fn common_refusals_name_their_line() {
        let refuse = |text: &str| match open::<Col>(text) {
            Ok((_, records)) => records
                .filter_map(Result::err)
                .next()
                .expect("refused")
                .to_string(),
            Err(e) => e.to_string(),
        };
        assert!(refuse("name,姓名\n").starts_with("line 1: the columns \"name\" and \"姓名\""));
        assert!(refuse("name\nA,B\n").starts_with("line 2: this row has 2 fields"));
        assert!(refuse("name\nA\n\"B\n").starts_with("line 3: the quote"));
        assert!(refuse("name\tside\n").contains("separate the columns with commas"));
        assert_eq!(decode(b"name\n\xa9\x6d").expect_err("Big5").line(), Some(2));
    }
}
