//! The sign-in sheet (簽到表) as CSV for the secretariat's spreadsheet: everyone who
//! was expected or came, their side, seat and times in the room, and whether an
//! attendance fee and travel expenses are due (clause 2: non-government members who
//! attended). Above the table the meeting's title, date and times and venue, and a
//! column for signatures, so that it prints as the 簽到表; as CSV (UTF-8 with a
//! byte-order mark, so Excel reads the Chinese) or as `.xlsx` with typed cells, both
//! from one [`Sheet`], which keeps any name typed at the door from running as a
//! formula.

use crate::domain::{Meeting, Role, SeatRecord, Side, Stamp, State};
use crate::i18n;
use crate::spreadsheet::{Cell, Sheet};

const HEADER: [&str; 15] = [
    "姓名 Name",
    "單位 Organisation",
    "職稱 Title",
    "身分 Side",
    "類別 Category",
    "席位 Seat",
    "代理 Represents",
    "到場 Arrival",
    "離場 Departure",
    "在場時段 Times in the room",
    "出席分鐘 Minutes present",
    "出席費 Attendance fee",
    "交通費 Travel expenses",
    "備註 Remarks",
    "簽名 Signature",
];

/// One row of the sheet.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SignInRow {
    pub name: String,
    pub organisation: String,
    pub title: String,
    pub side: String,
    pub category: String,
    pub seat: String,
    pub represents: String,
    pub arrival: String,
    pub departure: String,
    pub stints: String,
    pub minutes_present: i64,
    pub fee_due: bool,
    pub remarks: String,
}

/// The rows: members in roster order, each followed by their representatives, then
/// observers.
pub fn rows(meeting: &Meeting) -> Vec<SignInRow> {
    let state = meeting.state();
    let mut rows = Vec::new();
    let mut order: Vec<usize> = Vec::new();
    for (index, person) in state.people.iter().enumerate() {
        if person.is_member() {
            order.push(index);
            order.extend(state.people.iter().enumerate().filter_map(|(i, p)| {
                matches!(p.role, Role::Representative { seat, .. } if seat == index).then_some(i)
            }));
        }
    }
    order.extend(
        state
            .people
            .iter()
            .enumerate()
            .filter(|(_, p)| p.role == Role::Observer)
            .map(|(i, _)| i),
    );
    for index in order {
        rows.push(row(state, index));
    }
    rows
}

fn hhmm(at: Stamp) -> String {
    at.format("%H:%M").to_string()
}

fn row(state: &State, index: usize) -> SignInRow {
    let person = &state.people[index];
    let stints = state.stints(index);
    let end_of_meeting = state.adjourned;
    let (side, category, seat, represents, organisation) = match &person.role {
        Role::Member { category, seat } => (
            i18n::side(category.side()).zh.to_owned(),
            i18n::category(*category).zh.to_owned(),
            i18n::seat(*seat).zh.to_owned(),
            String::new(),
            person.organisation.text.clone(),
        ),
        Role::Representative { seat, .. } => {
            let member = &state.people[*seat];
            let (side, category) = match member.role {
                Role::Member { category, .. } => (
                    i18n::side(category.side()).zh.to_owned(),
                    i18n::category(category).zh.to_owned(),
                ),
                _ => (String::new(), String::new()),
            };
            (
                side,
                category,
                "指派代表".to_owned(),
                format!("{}（{}）", member.name.text, member.organisation.text),
                member.organisation.text.clone(),
            )
        }
        Role::Observer => (
            "列席".to_owned(),
            String::new(),
            String::new(),
            String::new(),
            person.organisation.text.clone(),
        ),
    };
    let arrival = stints.first().map(|s| hhmm(s.arrived)).unwrap_or_default();
    let departure = stints
        .last()
        .and_then(|s| s.left.or(end_of_meeting))
        .map(hhmm)
        .unwrap_or_default();
    let times: Vec<String> = stints
        .iter()
        .map(|s| {
            let left = s.left.or(end_of_meeting).map(hhmm).unwrap_or_default();
            format!("{}–{left}", hhmm(s.arrived))
        })
        .collect();
    // Time in the room counts from the start of the meeting to its end.
    let minutes_present: i64 = stints
        .iter()
        .map(|s| {
            let from = state
                .started
                .map_or(s.arrived, |start| s.arrived.max(start));
            match s.left.or(end_of_meeting) {
                Some(to) if to > from => (to - from).num_minutes(),
                _ => 0,
            }
        })
        .sum();
    let attended = !stints.is_empty();
    let fee_due = attended
        && matches!(person.role, Role::Member { category, .. } if category.side() == Side::NonGovernment);
    // A member's remark is their seat's record, as the minutes list it; anyone else's
    // is whether they came.
    let remarks = match (&person.role, attended) {
        (Role::Member { .. }, _) => match state.seat_record(index) {
            SeatRecord::Attended { member: true, .. } => "",
            SeatRecord::Attended { member: false, .. } => "由指派代表出席 represented",
            SeatRecord::Excused => "請假 excused",
            SeatRecord::Absent => "未出席 absent",
        },
        (_, true) => "",
        (_, false) if state.is_excused(index) => "請假 excused",
        (_, false) => "未出席 absent",
    };
    SignInRow {
        name: person.name.text.clone(),
        organisation,
        title: person.title.text.clone(),
        side,
        category,
        seat,
        represents,
        arrival,
        departure,
        stints: times.join("、"),
        minutes_present,
        fee_due,
        remarks: remarks.to_owned(),
    }
}

/// The sheet as CSV bytes, with the byte-order mark.
pub fn to_csv(meeting: &Meeting) -> Result<Vec<u8>, csv::Error> {
    sheet(meeting).to_csv()
}

/// The sheet as an `.xlsx` workbook.
pub fn to_xlsx(meeting: &Meeting) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    sheet(meeting).to_xlsx("簽到表 Sign-in")
}

/// The sheet: the meeting above, one row per person, minutes as a number, the fees as
/// yes or no, and an empty signature cell.
pub fn sheet(meeting: &Meeting) -> Sheet {
    let state = meeting.state();
    let info = state.meeting();
    let title = |lang| i18n::screen::meeting_title(info.number, &info.title, lang);
    let (zh, en) = (
        title(crate::domain::Lang::ZhTw),
        title(crate::domain::Lang::En),
    );
    let title = if zh == en { zh } else { format!("{zh} {en}") };
    let hhmm = |t: Option<chrono::NaiveTime>| t.map(|t| t.format("%H:%M").to_string());
    let start = state.started.map(|s| s.time()).or(info.planned_start);
    let end = state.adjourned.map(|s| s.time()).or(info.planned_end);
    let times = match (hhmm(start), hhmm(end)) {
        (Some(s), Some(e)) => format!(" {s}–{e}"),
        (Some(s), None) => format!(" {s}"),
        _ => String::new(),
    };
    let mut heading = vec![
        ("簽到表 Sign-in sheet".to_owned(), title),
        (
            "日期 Date".to_owned(),
            format!("{}{times}", info.date.format("%Y-%m-%d")),
        ),
    ];
    if !info.venue.is_empty() {
        let venue = match info.venue.english() {
            Some(en) if en != info.venue.text => format!("{} {en}", info.venue.text),
            _ => info.venue.text.clone(),
        };
        heading.push(("地點 Venue".to_owned(), venue));
    }
    let rows = rows(meeting)
        .into_iter()
        .map(|r| {
            let mut cells: Vec<Cell> = [
                r.name,
                r.organisation,
                r.title,
                r.side,
                r.category,
                r.seat,
                r.represents,
                r.arrival,
                r.departure,
                r.stints,
            ]
            .into_iter()
            .map(Cell::Text)
            .collect();
            cells.push(Cell::Number(r.minutes_present));
            cells.push(Cell::YesNo(r.fee_due));
            cells.push(Cell::YesNo(r.fee_due));
            cells.push(Cell::Text(r.remarks));
            cells.push(Cell::Empty);
            cells
        })
        .collect();
    Sheet {
        heading,
        columns: HEADER.iter().map(|h| (*h).to_owned()).collect(),
        rows,
        yes_no: ("是 yes".to_owned(), "否 no".to_owned()),
    }
}
