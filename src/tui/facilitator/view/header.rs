//! The header: the meeting and its number, whether everything is saved, the wall
//! clock, the meeting's elapsed time, and the current item's time against its plan.

use crate::i18n::{note_taking, screen as s};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use crate::domain::{Phase, item_warning_seconds};
use crate::i18n::screen::meeting_title;
use crate::tui::shared::header::{clocks, title_row};
use crate::tui::shared::view::{countdown, minutes_seconds, put};
use crate::width::{truncate, width};

use crate::tui::facilitator::app::App;
use crate::tui::shared::theme;

pub fn render(app: &App, buf: &mut Buffer, area: Rect) {
    let lang = app.lang;
    let state = app.state();
    buf.set_style(area, theme::header());

    // Row 1: the meeting, and the save status at the right.
    let (status, status_style) = if let Some(error) = &app.save.error {
        (
            format!(" {}: {} ", s::SAVE_FAILED.get(lang), error),
            theme::alert(),
        )
    } else if app.save.is_saved() {
        (format!(" {} ", s::SAVED.get(lang)), theme::adopted())
    } else {
        (format!(" {} ", s::SAVING.get(lang)), theme::warning())
    };
    let title = meeting_title(state.meeting().number, &state.meeting().title, lang);
    title_row(buf, area, &title, &status, status_style);

    // Row 2: clocks and the current item.
    let now = app.now;
    let meeting = Some((state.started, state.adjourned));
    let mut x = clocks(buf, area, now, meeting, lang) + 3;
    match state.current_item() {
        // Before the meeting: how its preparation stands, in short.
        None if state.started.is_none() => {
            let prep = crate::domain::Preparation::of(state);
            let style = if prep.is_ready() {
                theme::header()
            } else {
                theme::warning()
            };
            let room = usize::from(area.width.saturating_sub(x + 1));
            put(
                buf,
                area,
                x,
                1,
                &truncate(&s::preparation_line(&prep, lang), room),
                style,
            );
        }
        None => {
            put(
                buf,
                area,
                x,
                1,
                s::NO_CURRENT_ITEM.get(lang),
                theme::header(),
            );
        }
        Some(item) => {
            let elapsed = item.started.map_or(0, |t| (now - t).num_seconds());
            let planned = i64::from(item.item.planned_minutes) * 60;
            let phase = Phase::of(planned - elapsed, item_warning_seconds(planned));
            // Both as minutes:seconds, so "0:03 / 5:00" cannot be misread as hours;
            // once over, the plan and the overrun ("5:00 +0:35").
            let (time, over) = match phase {
                _ if planned <= 0 => (format!(" {} ", minutes_seconds(elapsed)), None),
                Phase::Over => {
                    let (over, style) = countdown(planned - elapsed, phase);
                    (
                        format!(" {} ", minutes_seconds(planned)),
                        Some((over, style)),
                    )
                }
                _ => (
                    format!(
                        " {} / {} ",
                        minutes_seconds(elapsed),
                        minutes_seconds(planned)
                    ),
                    None,
                ),
            };
            let over_w = over.as_ref().map_or(0, |(o, _)| width(o) as u16 + 2);
            let time_w = width(&time) as u16 + over_w;
            let room = usize::from(area.width.saturating_sub(x + time_w + 1));
            x = put(
                buf,
                area,
                x,
                1,
                &truncate(item.item.title.get(lang), room),
                theme::header(),
            );
            let style = match phase {
                Phase::Warning if planned > 0 => theme::warning(),
                _ => theme::header(),
            };
            let x = put(buf, area, x + 1, 1, &time, style);
            if let Some((over, style)) = over {
                put(buf, area, x, 1, &format!(" {over} "), style);
            }
        }
    }

    // Row 3, when listening: where note-takers join, the code, who is connected, and
    // any wrong code tried.
    if let Some(link) = &app.link {
        let x = put(
            buf,
            area,
            1,
            2,
            &format!(
                "{} {}  {} ",
                note_taking::LINK.get(lang),
                link.address,
                note_taking::CODE.get(lang)
            ),
            theme::header(),
        );
        let x = put(
            buf,
            area,
            x,
            2,
            &format!(" {} ", link.code),
            theme::warning(),
        );
        let alert = link
            .alert
            .as_ref()
            .map(|last| format!(" {} ", last.alert(lang)));
        let alert_w = alert.as_deref().map_or(0, width) as u16;
        let room = usize::from(area.width.saturating_sub(x + 2 + alert_w + 1));
        // Who is connected, in words if there is room, else only the names.
        let names: Vec<&str> = link.connected.iter().map(|n| n.name.as_str()).collect();
        let (full, short) = if names.is_empty() {
            (
                note_taking::NO_NOTE_TAKERS.get(lang).to_owned(),
                note_taking::NOBODY_JOINED.get(lang).to_owned(),
            )
        } else {
            let names = names.join("、");
            (
                format!("{}：{names}", note_taking::CONNECTED.get(lang)),
                names,
            )
        };
        let who = if width(&full) <= room { full } else { short };
        put(buf, area, x + 2, 2, &truncate(&who, room), theme::header());
        if let Some(alert) = alert {
            put(
                buf,
                area,
                area.width.saturating_sub(alert_w),
                2,
                &alert,
                theme::alert(),
            );
        }
    }

    // The next row, when serving the room's page: where it is, how many watch, and
    // the key that shows its QR code.
    if let Some(room) = &app.room {
        let row = 2 + u16::from(app.link.is_some());
        let key = crate::tui::facilitator::keys::KEYS
            .keys_for(
                crate::tui::shared::keys::Context::Everywhere,
                crate::tui::facilitator::action::Action::ToggleRoomQr,
            )
            .unwrap_or_default();
        let x = put(
            buf,
            area,
            1,
            row,
            &format!("{} {}  ", s::ROOM_PAGE.get(lang), room.url),
            theme::header(),
        );
        let x = put(
            buf,
            area,
            x,
            row,
            &format!(" {} ", s::watching(room.viewers, lang)),
            theme::adopted(),
        );
        put(
            buf,
            area,
            x + 2,
            row,
            &format!("{key} {}", crate::i18n::key_names::TOGGLE_ROOM_QR.get(lang)),
            theme::dim(),
        );
    }
}
