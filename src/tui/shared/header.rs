//! The header's pieces both screens share: the clocks, and the
//! first row with the title at the left and a status at the right.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use super::theme;
use super::view::clock;
use super::view::put;
use crate::domain::{Lang, Stamp};
use crate::i18n::screen as s;
use crate::width::{truncate, width};

/// The header's first row: the title at the left, a status at the right. A long
/// status (a failed save) may take the whole row: it matters more than the title.
pub fn title_row(buf: &mut Buffer, area: Rect, title: &str, status: &str, style: Style) {
    let status = truncate(status, usize::from(area.width));
    let status_w = width(&status) as u16;
    let room = usize::from(area.width.saturating_sub(status_w + 2));
    put(buf, area, 1, 0, &truncate(title, room), theme::header());
    put(
        buf,
        area,
        area.width.saturating_sub(status_w),
        0,
        &status,
        style,
    );
}

/// The header's second row begins with the wall clock, then the meeting's time when the
/// meeting is known (`Some((started, adjourned))`). Returns the column after them.
pub fn clocks(
    buf: &mut Buffer,
    area: Rect,
    now: Stamp,
    meeting: Option<(Option<Stamp>, Option<Stamp>)>,
    lang: Lang,
) -> u16 {
    let x = put(
        buf,
        area,
        1,
        1,
        &now.format("%H:%M:%S").to_string(),
        theme::header(),
    );
    match meeting {
        Some((started, adjourned)) => {
            let time = meeting_clock(started, adjourned, now, lang);
            put(buf, area, x + 3, 1, &time, theme::header())
        }
        None => x,
    }
}

/// The meeting's time: "會議 1:02:05", with "已散會" once adjourned, or that it has not
/// started.
fn meeting_clock(
    started: Option<Stamp>,
    adjourned: Option<Stamp>,
    now: Stamp,
    lang: Lang,
) -> String {
    match (started, adjourned) {
        (None, _) => s::NOT_STARTED.get(lang).to_owned(),
        (Some(started), Some(adjourned)) => format!(
            "{} {}  {}",
            s::MEETING.get(lang),
            clock((adjourned - started).num_seconds()),
            s::ADJOURNED.get(lang)
        ),
        (Some(started), None) => format!(
            "{} {}",
            s::MEETING.get(lang),
            clock((now - started).num_seconds())
        ),
    }
}
