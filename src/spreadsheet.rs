//! Tables for spreadsheets: the sign-in sheet and the public comments' response
//! table. One model, two files: CSV (UTF-8 with the byte-order mark Excel needs) and
//! `.xlsx` with typed cells, so no import dialog is needed.
//!
//! Everything in these tables may have been typed by someone (a name at the door, a
//! comment on the platform), so nothing in them may run as a formula: in CSV a text
//! that starts with `=`, `+`, `-`, `@`, a tab or a carriage return is written after a
//! single quote ([`cell`]), which spreadsheets show as the text it is; in `.xlsx`
//! every text is a string cell, never a formula. Control characters are left out, as
//! in every output ([`crate::width::printable`]).

use std::borrow::Cow;

use crate::width::printable;

/// The byte-order mark Excel needs to read UTF-8.
pub const BOM: &[u8] = b"\xEF\xBB\xBF";

/// A text as a CSV cell: printable, and never a formula.
pub fn cell(value: &str) -> Cow<'_, str> {
    let value = printable(value);
    if value.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        Cow::Owned(format!("'{value}"))
    } else {
        value
    }
}

/// One cell, typed.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    Text(String),
    Number(i64),
    /// A yes or no, written as the words given (Chinese and English) in CSV and as a
    /// spreadsheet boolean in `.xlsx`.
    YesNo(bool),
    Empty,
}

impl Cell {
    pub fn text(value: impl Into<String>) -> Cell {
        Cell::Text(value.into())
    }
}

/// A sheet: lines above the table (a title, the date, the venue), the column
/// headings, the rows.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Sheet {
    /// Each a label and its value (`會議名稱 Meeting`, the title).
    pub heading: Vec<(String, String)>,
    pub columns: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
    /// How a yes and a no read in CSV.
    pub yes_no: (String, String),
}

impl Sheet {
    /// The sheet as CSV bytes, with the byte-order mark; a blank line between the
    /// heading lines and the table.
    pub fn to_csv(&self) -> Result<Vec<u8>, csv::Error> {
        let mut out = BOM.to_vec();
        {
            let mut writer = csv::WriterBuilder::new()
                .flexible(true)
                .from_writer(&mut out);
            for (label, value) in &self.heading {
                writer.write_record([cell(label), cell(value)].iter().map(|c| c.as_bytes()))?;
            }
            if !self.heading.is_empty() {
                writer.write_record([""])?;
            }
            writer.write_record(self.columns.iter().map(|c| cell(c).into_owned()))?;
            for row in &self.rows {
                let fields = row.iter().map(|c| match c {
                    Cell::Text(t) => cell(t).into_owned(),
                    Cell::Number(n) => n.to_string(),
                    Cell::YesNo(true) => self.yes_no.0.clone(),
                    Cell::YesNo(false) => self.yes_no.1.clone(),
                    Cell::Empty => String::new(),
                });
                writer.write_record(fields)?;
            }
            writer.flush()?;
        }
        Ok(out)
    }

    /// The sheet as an `.xlsx` workbook named `name`: the heading lines, the column
    /// headings in bold and frozen, numbers as numbers, yes and no as booleans, every
    /// text a string; columns sized to their content.
    pub fn to_xlsx(&self, name: &str) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
        use rust_xlsxwriter::{Format, FormatBorder, Workbook};
        let mut workbook = Workbook::new();
        let sheet = workbook.add_worksheet();
        sheet.set_name(sheet_name(name))?;
        let bold = Format::new().set_bold();
        let header = Format::new()
            .set_bold()
            .set_border_bottom(FormatBorder::Thin);
        let mut row = 0u32;
        for (label, value) in &self.heading {
            sheet.write_string_with_format(row, 0, printable(label), &bold)?;
            sheet.write_string(row, 1, printable(value))?;
            row += 1;
        }
        if !self.heading.is_empty() {
            row += 1;
        }
        let header_row = row;
        for (c, column) in self.columns.iter().enumerate() {
            sheet.write_string_with_format(row, col(c), printable(column), &header)?;
        }
        row += 1;
        for cells in &self.rows {
            for (c, value) in cells.iter().enumerate() {
                match value {
                    Cell::Text(t) => {
                        sheet.write_string(row, col(c), printable(t))?;
                    }
                    Cell::Number(n) => {
                        sheet.write_number(row, col(c), *n as f64)?;
                    }
                    Cell::YesNo(b) => {
                        sheet.write_boolean(row, col(c), *b)?;
                    }
                    Cell::Empty => {}
                }
            }
            row += 1;
        }
        sheet.set_freeze_panes(header_row + 1, 0)?;
        sheet.autofit();
        workbook.save_to_buffer()
    }
}

fn col(c: usize) -> u16 {
    u16::try_from(c).unwrap_or(u16::MAX)
}

/// A worksheet's name: at most 31 characters, none of `[]:*?/\`.
fn sheet_name(name: &str) -> String {
    name.chars()
        .filter(|c| !"[]:*?/\\".contains(*c) && !c.is_control())
        .take(31)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cell_quotes_what_a_spreadsheet_would_run() {
        for (value, shown) in [
            ("=1+1", "'=1+1"),
            ("+886 2 1234", "'+886 2 1234"),
            ("-x", "'-x"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\t=1", "'\t=1"),
            ("\r=1", "'=1"),
            ("a=1", "a=1"),
            ("意見", "意見"),
            ("", ""),
        ] {
            assert_eq!(cell(value), shown, "{value:?}");
        }
    }
}
