//! The room's page as a QR code over the screen, for people in the room to open it
//! on their phones: drawn in half blocks, black on white whatever the terminal's
//! colours, with the address under it.

use qrcode::QrCode;
use qrcode::render::unicode::Dense1x2;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Color, Style};
use ratatui::widgets::{Block, Clear};

use crate::tui::facilitator::app::{App, RoomPage};
use crate::tui::shared::layout;
use crate::tui::shared::theme;
use crate::tui::shared::view::put;
use crate::width::width;

/// The code's rows, as text: two modules to a character row.
pub fn qr_rows(url: &str) -> Vec<String> {
    match QrCode::new(url.as_bytes()) {
        Ok(code) => code
            .render::<Dense1x2>()
            .dark_color(Dense1x2::Dark)
            .light_color(Dense1x2::Light)
            .quiet_zone(true)
            .build()
            .lines()
            .map(str::to_owned)
            .collect(),
        Err(_) => Vec::new(),
    }
}

pub fn render(app: &App, room: &RoomPage, frame: &mut Frame, screen: Rect) {
    let rows = qr_rows(&room.url);
    let code_w = rows.iter().map(|r| width(r)).max().unwrap_or(0) as u16;
    let title = format!(" {} ", crate::i18n::key_names::TOGGLE_ROOM_QR.get(app.lang));
    let w = (code_w.max(width(&room.url) as u16) + 4).max(width(&title) as u16 + 4);
    let h = rows.len() as u16 + 4;
    let area = layout::centered(screen, w, h);
    frame.render_widget(Clear, area);
    let block = Block::bordered()
        .border_style(theme::dialog_border())
        .title(title);
    frame.render_widget(block, area);
    let inner = layout::inner(area);
    let paper = Style::default().fg(Color::Black).bg(Color::White);
    let buf = frame.buffer_mut();
    let left = inner.width.saturating_sub(code_w) / 2;
    if rows.len() as u16 + 1 > inner.height || code_w > inner.width {
        // Too small a terminal for the code: the address alone.
        put(buf, inner, 0, 0, &room.url, theme::header());
        return;
    }
    for (y, row) in rows.iter().enumerate() {
        put(buf, inner, left, y as u16, row, paper);
    }
    let url_x = inner.width.saturating_sub(width(&room.url) as u16) / 2;
    put(
        buf,
        inner,
        url_x,
        rows.len() as u16,
        &room.url,
        theme::header(),
    );
}
