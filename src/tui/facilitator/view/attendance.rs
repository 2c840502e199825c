//! The attendance panel: the balance of the room and the two live thresholds on top,
//! then members by side (representatives under their member) and observers, each with
//! a mark that reads in words as well as colour.

use crate::i18n::screen as s;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;

use super::panel_block;
use crate::domain::{Presence, Role, SeatRole, Side};
use crate::i18n;
use crate::tui::facilitator::action::Panel;
use crate::tui::facilitator::app::App;
use crate::tui::facilitator::layout;
use crate::tui::facilitator::panels::{AttendanceRow, Group};
use crate::tui::shared::theme;
use crate::tui::shared::view::{put, style_row};
use crate::width::{fit, truncate};

/// The mark column: four columns, then a space.
pub const MARK_COLUMNS: u16 = 4;

pub fn presence_style(presence: Presence) -> Style {
    match presence {
        Presence::Present => theme::present(),
        Presence::Absent => theme::absent(),
        Presence::Left => theme::left(),
        Presence::Excused => theme::excused(),
        Presence::Represented => theme::represented(),
    }
}

pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    let lang = app.lang;
    let state = app.state();
    frame.render_widget(panel_block(app, Panel::Attendance, ""), area);
    let buf = frame.buffer_mut();

    // The balance and thresholds: what the room reads first.
    let summary = layout::attendance_summary(area);
    let present = state.present_members();
    let roster = state.roster_balance();
    let gov = s::side_count(
        s::side_short(Side::Government),
        present.government,
        roster.government,
        lang,
    );
    let non_gov = s::side_count(
        s::side_short(Side::NonGovernment),
        present.non_government,
        roster.non_government,
        lang,
    );
    put(
        buf,
        summary,
        0,
        0,
        &format!("{gov}  {non_gov}"),
        theme::bold(),
    );
    let x = if present.is_balanced() {
        put(
            buf,
            summary,
            0,
            1,
            &format!("{} ✓", s::BALANCED.get(lang)),
            theme::ok(),
        )
    } else {
        let flag = format!(
            "{} {}:{}",
            s::OFF_BALANCE.get(lang),
            present.government,
            present.non_government
        );
        put(buf, summary, 0, 1, &flag, theme::alert())
    };
    put(
        buf,
        summary,
        x + 2,
        1,
        &s::present_count(present.total(), lang),
        theme::bold(),
    );
    put(
        buf,
        summary,
        0,
        2,
        &s::live_thresholds(&state.live_thresholds(), lang),
        theme::bold(),
    );

    // The list: only the rows that fit are drawn.
    let list = layout::attendance_list(area);
    let panel = &app.attendance;
    let height = usize::from(list.height);
    let start = panel.list.window_start(height, panel.rows.len());
    let focused = app.focus == Panel::Attendance && app.dialog.is_none();
    let name_w = panel.name_column(lang, usize::from(list.width));
    for (row, entry) in panel.rows.iter().enumerate().skip(start).take(height) {
        let y = (row - start) as u16;
        match *entry {
            AttendanceRow::Heading(group) => {
                let label = match group {
                    Group::Government => s::side_count(
                        i18n::side(Side::Government),
                        present.government,
                        roster.government,
                        lang,
                    ),
                    Group::NonGovernment => s::side_count(
                        i18n::side(Side::NonGovernment),
                        present.non_government,
                        roster.non_government,
                        lang,
                    ),
                    Group::Observers => format!(
                        "{} {}/{}",
                        s::OBSERVERS.get(lang),
                        panel.observers_present,
                        panel.observers_total
                    ),
                };
                put(buf, list, 0, y, &format!("- {label} -"), theme::heading());
            }
            AttendanceRow::Person(i) => {
                let person = &state.people[i];
                let presence = state.presence(i);
                let mark = fit(s::presence(presence).get(lang), usize::from(MARK_COLUMNS));
                let mut x = put(buf, list, 0, y, &mark, presence_style(presence));
                let (name_style, detail) = match &person.role {
                    Role::Member { seat, .. } => {
                        let org = person.organisation.get(lang);
                        let detail = match seat {
                            SeatRole::Member => org.to_owned(),
                            other => format!("{} {org}", i18n::seat(*other).get(lang)),
                        };
                        (theme::bold(), detail)
                    }
                    Role::Representative { seat, .. } => {
                        let member = &state.people[*seat].name;
                        (
                            theme::text(),
                            format!("{} {}", s::REPRESENTATIVE_OF.get(lang), member.get(lang)),
                        )
                    }
                    Role::Observer => (theme::dim(), person.organisation.get(lang).to_owned()),
                };
                // The name column is padded by display width, so a two-column Chinese
                // character never pushes the organisation out of line.
                x = put(
                    buf,
                    list,
                    x + 1,
                    y,
                    &fit(person.name.get(lang), name_w),
                    name_style,
                );
                let room = usize::from(list.width.saturating_sub(x + 1));
                put(buf, list, x + 1, y, &truncate(&detail, room), theme::dim());
                if row == panel.list.selected {
                    style_row(buf, list, y, theme::selected(focused));
                }
            }
        }
    }
}
