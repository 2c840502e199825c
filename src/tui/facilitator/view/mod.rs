//! `draw`: the screen as a pure function of `App`, one file per panel. Each panel
//! draws only its visible rows, so a frame costs the same for a long meeting as for a
//! short one.

mod agenda;
mod attendance;
mod comments;
mod dialog;
mod follow_up;
pub(crate) mod footer;
mod header;
pub mod help;
mod motion;
mod note_takers;
mod notes;
pub mod room_qr;
mod speakers;

use ratatui::Frame;
use ratatui::text::{Line, Span};
use ratatui::widgets::Block;

use super::action::Panel;
use super::app::App;
use super::layout;
use crate::tui::shared::theme;
use crate::tui::shared::view::{message_line, too_small};

pub use footer::footer_hints;

/// Draws the whole screen.
pub fn draw(app: &App, frame: &mut Frame) {
    let area = frame.area();
    let Some(areas) = layout::areas(area, app.header_rows(), app.message.is_some()) else {
        too_small(app.lang, frame, area);
        return;
    };
    header::render(app, frame.buffer_mut(), areas.header);
    attendance::render(app, frame, areas.attendance);
    speakers::render(app, frame, areas.speakers);
    agenda::render(app, frame, areas.agenda);
    motion::render(app, frame, areas.motion);
    notes::render(app, frame, areas.notes);
    if let (Some(rect), Some(message)) = (areas.message, &app.message) {
        message_line(frame.buffer_mut(), rect, message);
    }
    footer::render(app, frame.buffer_mut(), areas.footer);
    if let Some(comments) = &app.comments {
        comments::render(app, comments, frame, area);
    }
    if app.dialog.is_some() {
        dialog::render(app, frame, area);
    }
    if let Some(link) = app.link.as_ref().filter(|l| l.open) {
        note_takers::render(app, link, frame, area);
    }
    if let Some(room) = app.room.as_ref().filter(|r| r.qr_open) {
        room_qr::render(app, room, frame, area);
    }
    if let Some(scroll) = app.help {
        help::render(app, frame, area, scroll);
    }
}

/// A bordered panel with its number and name, highlighted when it has the focus.
fn panel_block(app: &App, panel: Panel, extra: &str) -> Block<'static> {
    let focused = app.focus == panel
        && app.dialog.is_none()
        && app.help.is_none()
        && app.comments.is_none()
        && !app.note_takers_open();
    let number = Panel::ALL.iter().position(|p| *p == panel).unwrap_or(0) + 1;
    let mut title = vec![Span::styled(
        format!(" {number} {} ", panel.name().get(app.lang)),
        theme::title(focused),
    )];
    if !extra.is_empty() {
        title.push(Span::styled(format!(" {extra} "), theme::bold()));
    }
    Block::bordered()
        .border_style(theme::border(focused))
        .title(Line::from(title))
}
