//! `draw`: the screen as a pure function of `App`, one file per panel. Each panel
//! draws only its visible rows, so a frame costs the same for a long meeting as for a
//! short one.

mod agenda;
mod attendance;
mod dialog;
mod footer;
mod header;
mod help;
mod motion;
mod notes;

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};

use super::action::Panel;
use super::app::{App, MessageKind};
use super::layout::{self, MIN_HEIGHT, MIN_WIDTH};
use super::strings as s;
use super::text;
use super::theme;

/// Draws the whole screen.
pub fn draw(app: &App, frame: &mut Frame) {
    let area = frame.area();
    let Some(areas) = layout::areas(area, app.message.is_some()) else {
        too_small(app, frame, area);
        return;
    };
    header::render(app, frame.buffer_mut(), areas.header);
    attendance::render(app, frame, areas.attendance);
    agenda::render(app, frame, areas.agenda);
    motion::render(app, frame, areas.motion);
    notes::render(app, frame, areas.notes);
    if let (Some(rect), Some(message)) = (areas.message, &app.message) {
        let style = match message.kind {
            MessageKind::Refused => theme::alert(),
            MessageKind::Info => theme::info(),
        };
        let buf = frame.buffer_mut();
        buf.set_style(rect, style);
        put(buf, rect, 1, 0, &message.text, style);
    }
    footer::render(app, frame.buffer_mut(), areas.footer);
    if app.prompt.is_some() {
        dialog::render(app, frame, area);
    }
    if let Some(scroll) = app.help {
        help::render(app, frame, area, scroll);
    }
}

/// What a too-small terminal shows instead of the panels: the size it has and the size
/// it needs. Written to fit even a 1×1 terminal without panicking.
fn too_small(app: &App, frame: &mut Frame, area: Rect) {
    let [first, second] = s::too_small(area.width, area.height, MIN_WIDTH, MIN_HEIGHT, app.lang);
    let lines = vec![Line::styled(first, theme::alert()), Line::from(second)];
    let top = area.height.saturating_sub(2) / 2;
    let rect = Rect::new(area.x, area.y + top, area.width, area.height - top);
    frame.render_widget(Clear, area);
    frame.render_widget(
        Paragraph::new(lines)
            .alignment(ratatui::layout::Alignment::Center)
            .wrap(Wrap { trim: true }),
        rect,
    );
}

/// A bordered panel with its number and name, highlighted when it has the focus.
fn panel_block(app: &App, panel: Panel, extra: &str) -> Block<'static> {
    let focused = app.focus == panel && app.prompt.is_none() && app.help.is_none();
    let number = Panel::ALL.iter().position(|p| *p == panel).unwrap_or(0) + 1;
    let mut title = vec![Span::styled(
        format!(" {number} {} ", s::panel(panel).get(app.lang)),
        theme::title(focused),
    )];
    if !extra.is_empty() {
        title.push(Span::styled(format!(" {extra} "), theme::bold()));
    }
    Block::bordered()
        .border_style(theme::border(focused))
        .title(Line::from(title))
}

/// Writes `text` at column `x` of row `row` inside `area`, cut at the area's right
/// edge; returns the column after it. Rows and columns outside `area` are ignored, so
/// a tiny area never indexes outside the buffer.
fn put(buf: &mut Buffer, area: Rect, x: u16, row: u16, text: &str, style: Style) -> u16 {
    if row >= area.height || x >= area.width {
        return x;
    }
    let area = area.intersection(buf.area);
    if row >= area.height || x >= area.width {
        return x;
    }
    let max = usize::from(area.width - x);
    let (end, _) = buf.set_stringn(area.x + x, area.y + row, text, max, style);
    end - area.x
}

/// Patches the style of one row of `area` (for the selected row).
fn style_row(buf: &mut Buffer, area: Rect, row: u16, style: Style) {
    if row < area.height {
        let rect = Rect::new(area.x, area.y + row, area.width, 1).intersection(buf.area);
        buf.set_style(rect, style);
    }
}

/// "1:02:05" for an elapsed time in seconds.
fn clock(seconds: i64) -> String {
    let s = seconds.max(0);
    format!("{}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60)
}

/// "12:05" for minutes and seconds.
fn minutes_seconds(seconds: i64) -> String {
    let s = seconds.max(0);
    format!("{}:{:02}", s / 60, s % 60)
}

pub use footer::footer_hints;
pub use help::help_lines;
pub(super) use text::{fit, truncate, width};
