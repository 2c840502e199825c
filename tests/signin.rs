//! The sign-in sheet (簽到表) as the secretariat opens it: CSV and `.xlsx`, with the
//! meeting above the table, a column to sign in, typed cells in the workbook, and no
//! name typed at the door able to run as a formula.

mod support;

use std::io::Cursor;
use std::path::Path;

use calamine::{Data, Reader, Xlsx};
use roundtable::domain::{Author, EventKind, Meeting, Observer, PersonId, Stamp, Text};
use roundtable::minutes::signin;

const FORMULA: &str = "=HYPERLINK(\"http://x\",\"click\")";

/// The finished demo, with an observer whose name, typed at the door, is a formula.
fn meeting() -> Meeting {
    let mut meeting =
        roundtable::store::load(Path::new("sessions/demo-finished.ron")).expect("loads");
    let at = Stamp::parse_from_rfc3339("2026-12-03T16:00:00+08:00").expect("a time");
    let last = meeting.session().log.last().map(|e| e.at).expect("a log");
    let at = at.max(last);
    meeting
        .undo(at, Author::Facilitator)
        .expect("the adjournment is undone");
    for kind in [
        EventKind::ObserverAdded(Box::new(Observer {
            id: PersonId::new("door"),
            name: Text::new(FORMULA),
            title: Text::default(),
            organisation: Text::new("+886 2 1234"),
        })),
        EventKind::Arrived {
            person: PersonId::new("door"),
        },
    ] {
        meeting
            .record(at, Author::Facilitator, kind)
            .expect("recorded");
    }
    meeting
}

#[test]
fn the_csv_has_the_meeting_above_a_signature_column_and_no_formula() {
    let csv = signin::to_csv(&meeting()).expect("the sheet");
    assert!(csv.starts_with(signin_bom()));
    let text = String::from_utf8(csv[3..].to_vec()).expect("UTF-8");
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let records: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("a record")).collect();
    assert_eq!(&records[0][0], "簽到表 Sign-in sheet");
    assert!(records[0][1].contains("第 3 次"), "{:?}", records[0]);
    assert_eq!(&records[1][0], "日期 Date");
    assert!(
        records[1][1].starts_with("2026-12-03 14:00"),
        "{:?}",
        records[1]
    );
    assert_eq!(&records[2][0], "地點 Venue");
    let header = records
        .iter()
        .position(|r| r.get(0) == Some("姓名 Name"))
        .expect("the table's header");
    assert_eq!(records[header].iter().next_back(), Some("簽名 Signature"));
    let door = records
        .iter()
        .find(|r| r.get(0).is_some_and(|n| n.contains("HYPERLINK")))
        .expect("the observer's row");
    assert_eq!(&door[0], format!("'{FORMULA}"));
    assert_eq!(&door[1], "'+886 2 1234");
    // No cell of the file starts as a formula would.
    for record in &records {
        for field in record {
            assert!(!field.starts_with(['=', '+', '-', '@']), "{field:?}");
        }
    }
}

fn signin_bom() -> &'static [u8] {
    roundtable::spreadsheet::BOM
}

#[test]
fn the_xlsx_reads_back_with_typed_cells_and_the_formula_as_text() {
    let bytes = signin::to_xlsx(&meeting()).expect("the workbook");
    let mut workbook: Xlsx<_> = calamine::open_workbook_from_rs(Cursor::new(bytes)).expect("opens");
    let name = workbook.sheet_names()[0].clone();
    let range = workbook.worksheet_range(&name).expect("the sheet");
    let cell = |row: u32, col: u32| range.get_value((row, col)).cloned();
    assert_eq!(
        cell(0, 0),
        Some(Data::String("簽到表 Sign-in sheet".into()))
    );
    let header = (0..range.height() as u32)
        .find(|&r| cell(r, 0) == Some(Data::String("姓名 Name".into())))
        .expect("the header row");
    let columns: Vec<String> = (0..range.width() as u32)
        .map(|c| cell(header, c).map(|d| d.to_string()).unwrap_or_default())
        .collect();
    let minutes = columns
        .iter()
        .position(|c| c == "出席分鐘 Minutes present")
        .expect("minutes");
    let fee = columns
        .iter()
        .position(|c| c == "出席費 Attendance fee")
        .expect("fee");
    assert_eq!(columns.last().map(String::as_str), Some("簽名 Signature"));
    // The first member's row: minutes a number, the fee a boolean.
    let first = header + 1;
    assert!(
        matches!(cell(first, minutes as u32), Some(Data::Float(_))),
        "{:?}",
        cell(first, minutes as u32)
    );
    assert!(
        matches!(cell(first, fee as u32), Some(Data::Bool(_))),
        "{:?}",
        cell(first, fee as u32)
    );
    // The formula-like name is a string, and the sheet holds no formula at all.
    let door = (0..range.height() as u32)
        .find(|&r| cell(r, 0) == Some(Data::String(FORMULA.into())))
        .expect("the observer's name, as typed");
    assert_eq!(cell(door, 1), Some(Data::String("+886 2 1234".into())));
    let formulas = workbook.worksheet_formula(&name).expect("formulas");
    assert!(formulas.used_cells().all(|(_, _, f)| f.is_empty()));
}

#[test]
fn the_date_line_gives_the_meetings_start_and_adjournment() {
    let finished = roundtable::store::load(Path::new("sessions/demo-finished.ron")).expect("loads");
    let sheet = signin::sheet(&finished);
    let (label, value) = &sheet.heading[1];
    assert_eq!(label, "日期 Date");
    let adjourned = finished.state().adjourned.expect("adjourned");
    assert_eq!(
        value,
        &format!("2026-12-03 14:00–{}", adjourned.format("%H:%M"))
    );
}

#[test]
fn the_command_writes_xlsx_by_the_file_name_and_never_to_a_bare_terminal_stream() {
    let dir = tempfile::tempdir().expect("temp dir");
    let session = "sessions/demo-finished.ron";
    let out = dir.path().join("簽到表.xlsx");
    let written = support::bin::roundtable(["signin", session, "-o", out.to_str().expect("utf-8")]);
    assert!(written.status.success(), "{written:?}");
    let bytes = std::fs::read(&out).expect("written");
    assert!(bytes.starts_with(b"PK"), "a zip");
    let mut workbook: Xlsx<_> = calamine::open_workbook_from_rs(Cursor::new(bytes)).expect("opens");
    assert_eq!(workbook.sheet_names().len(), 1);
    let name = workbook.sheet_names()[0].clone();
    assert!(workbook.worksheet_range(&name).expect("the sheet").height() > 18);
    // A workbook needs a file (or -o - into a pipe); CSV goes to standard output.
    let refused = support::bin::roundtable(["signin", session, "--format", "xlsx"]);
    assert!(!refused.status.success());
    assert!(
        String::from_utf8_lossy(&refused.stderr).contains("-o"),
        "{refused:?}"
    );
    let piped = support::bin::roundtable(["signin", session, "--format", "xlsx", "-o", "-"]);
    assert!(
        piped.status.success() && piped.stdout.starts_with(b"PK"),
        "{piped:?}"
    );
    let csv = support::bin::roundtable(["signin", session]);
    assert!(csv.stdout.starts_with(roundtable::spreadsheet::BOM));
}
