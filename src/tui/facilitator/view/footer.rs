//! The footer: key hints for what can be done now, from the key table, less what the
//! meeting's state makes pointless. Drawn as both screens draw it
//! (`tui/shared/footer.rs`).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use crate::tui::facilitator::action::Action;
use crate::tui::facilitator::app::App;
use crate::tui::facilitator::keys::KEYS;
use crate::tui::shared::footer::render_hints;
use crate::tui::shared::keys::Binding;

/// The hints the footer offers now: the table's hinted bindings for the active
/// contexts, less those the meeting's state makes pointless (no "close round" before a
/// round is open).
pub fn footer_hints(app: &App) -> Vec<Binding<Action>> {
    KEYS.hints(app.contexts())
        .into_iter()
        .filter(|b| app.offers(b.action))
        .collect()
}

pub fn render(app: &App, buf: &mut Buffer, area: Rect) {
    render_hints(&footer_hints(app), app.lang, buf, area);
}
