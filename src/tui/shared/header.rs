//! The header's pieces both screens share: the meeting as the header names it, and the
//! first row with the title at the left and a status at the right.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use super::theme;
use super::view::clock;
use super::view::put;
use crate::domain::{Lang, Stamp, Text};
use crate::i18n::screen as s;
use crate::width::{truncate, width};

/// "第 3 次 TITLE": the meeting as the header names it.
pub fn meeting_title(number: Option<u32>, title: &Text, lang: Lang) -> String {
    let mut out = String::new();
    if let Some(n) = number {
        out.push_str(&s::meeting_number(n, lang));
        out.push(' ');
    }
    out.push_str(title.get(lang));
    out
}

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

/// The meeting's time: "會議 1:02:05", with "已散會" once adjourned, or that it has not
/// started.
pub fn meeting_clock(
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
