//! The `?` overlay on the facilitator's screen: every binding of its key table, grouped
//! by where it works, with notes on typing and the mouse (drawn as both screens draw it,
//! `tui/shared/help.rs`). The README's key reference is the same table.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;

use crate::domain::Lang;
use crate::i18n::key_names;
use crate::tui::facilitator::app::App;
use crate::tui::facilitator::keys::KEYS;
use crate::tui::shared::help;

/// The notes after the keys: on typing and on the mouse.
pub const NOTES: [crate::i18n::Label; 2] = [key_names::TYPE_TO_WRITE, key_names::MOUSE_HELP];

/// The overlay's lines, in order: a heading per context, then its keys.
pub fn help_lines(lang: Lang) -> Vec<(String, Style)> {
    help::help_lines(&KEYS, lang, &NOTES)
}

/// The facilitator's keys as a Markdown table, both languages side by side: what the
/// README lists, generated so it cannot drift from the keys.
pub fn markdown_reference() -> String {
    help::markdown_reference(&KEYS)
}

pub fn render(app: &App, frame: &mut Frame, screen: Rect, scroll: usize) {
    help::render(app.lang, &help_lines(app.lang), frame, screen, scroll);
}
