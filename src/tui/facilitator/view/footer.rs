//! The footer: key hints for what can be done now, generated from the key table.
//! The focused panel's keys on the left; the global ones (help, language, undo, quit)
//! on the right, so they stay visible when the left side is cut.

use crate::i18n::key_names;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::{put, width};
use crate::domain::Lang;
use crate::tui::facilitator::app::App;
use crate::tui::facilitator::keys::{self, Binding, Context};
use crate::tui::shared::theme;

fn is_global(context: Context) -> bool {
    matches!(
        context,
        Context::Everywhere | Context::Panels | Context::Navigation
    )
}

/// The hints the footer offers now: the table's hinted bindings for the active
/// contexts, less those the meeting's state makes pointless (no "close round" before a
/// round is open).
pub fn footer_hints(app: &App) -> Vec<&'static Binding> {
    keys::hints(app.contexts())
        .into_iter()
        .filter(|b| app.offers(b.action))
        .collect()
}

fn hint_text(binding: &Binding, lang: Lang) -> (String, String) {
    // Only the first key: the footer is short; the help lists them all.
    let key = binding.keys.first().map(|k| k.label()).unwrap_or_default();
    (
        key,
        format!(" {}  ", key_names::action(binding.action).get(lang)),
    )
}

pub fn render(app: &App, buf: &mut Buffer, area: Rect) {
    render_hints(footer_hints(app), app.lang, buf, area);
}

/// Draws key hints: the global ones at the right, the others from the left, cut
/// where they would run into the global ones.
pub fn render_hints(hints: Vec<&'static Binding>, lang: Lang, buf: &mut Buffer, area: Rect) {
    let (global, local): (Vec<&Binding>, Vec<&Binding>) =
        hints.into_iter().partition(|b| is_global(b.context));

    let global_text: Vec<(String, String)> = global.iter().map(|b| hint_text(b, lang)).collect();
    let global_w: usize = global_text.iter().map(|(k, l)| width(k) + width(l)).sum();
    let right_start = area.width.saturating_sub(global_w as u16);
    let mut x = right_start;
    for (key, label) in &global_text {
        x = put(buf, area, x, 0, key, theme::key());
        x = put(buf, area, x, 0, label, theme::text());
    }

    let mut x = 0;
    for binding in local {
        let (key, label) = hint_text(binding, lang);
        let w = (width(&key) + width(&label)) as u16;
        if x + w > right_start {
            break;
        }
        x = put(buf, area, x, 0, &key, theme::key());
        x = put(buf, area, x, 0, &label, theme::text());
    }
}
