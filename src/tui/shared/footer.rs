//! The footer both screens draw: key hints for what can be done now, from the screen's
//! key table. The focused panel's keys on the left; the global ones (help, language,
//! undo, quit) on the right, so they stay visible when the left side is cut.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::keys::{Binding, Named};
use super::theme;
use super::view::put;
use crate::domain::Lang;
use crate::width::width;

fn hint_text<A: Named>(binding: &Binding<A>, lang: Lang) -> (String, String) {
    // Only the first key: the footer is short; the help lists them all.
    let key = binding.keys.first().map(|k| k.label()).unwrap_or_default();
    (key, format!(" {}  ", binding.action.name().get(lang)))
}

/// Draws key hints: the global ones at the right, the others from the left, cut
/// where they would run into the global ones.
pub fn render_hints<A: Named>(hints: &[Binding<A>], lang: Lang, buf: &mut Buffer, area: Rect) {
    let (global, local): (Vec<&Binding<A>>, Vec<&Binding<A>>) =
        hints.iter().partition(|b| b.context.is_global());

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
