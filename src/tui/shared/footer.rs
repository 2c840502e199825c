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

/// Where each hint goes on a footer `area_width` wide: (the hint's index in `hints`,
/// its first column, its width). The global ones at the right; the others from the
/// left, cut where they would run into the global ones. Drawing and clicking both
/// ask this, so a click lands on the hint drawn under it.
fn placed<A: Named>(hints: &[Binding<A>], lang: Lang, area_width: u16) -> Vec<(usize, u16, u16)> {
    let hint_width = |b: &Binding<A>| {
        let (key, label) = hint_text(b, lang);
        (width(&key) + width(&label)) as u16
    };
    let global_w: u16 = hints
        .iter()
        .filter(|b| b.context.is_global())
        .map(hint_width)
        .sum();
    let right_start = area_width.saturating_sub(global_w);
    let mut placed = Vec::new();
    let mut x = right_start;
    for (i, b) in hints
        .iter()
        .enumerate()
        .filter(|(_, b)| b.context.is_global())
    {
        let w = hint_width(b);
        placed.push((i, x, w));
        x = x.saturating_add(w);
    }
    let mut x = 0;
    for (i, b) in hints
        .iter()
        .enumerate()
        .filter(|(_, b)| !b.context.is_global())
    {
        let w = hint_width(b);
        if x + w > right_start {
            break;
        }
        placed.push((i, x, w));
        x += w;
    }
    placed
}

/// Draws key hints where `placed` puts them.
pub fn render_hints<A: Named>(hints: &[Binding<A>], lang: Lang, buf: &mut Buffer, area: Rect) {
    for (i, x, _) in placed(hints, lang, area.width) {
        let (key, label) = hint_text(&hints[i], lang);
        let x = put(buf, area, x, 0, &key, theme::key());
        put(buf, area, x, 0, &label, theme::text());
    }
}

/// The hint drawn at `column` of a footer `area_width` wide, if any: a click on a
/// hint does what its key does.
pub fn hint_at<A: Named + Copy>(
    hints: &[Binding<A>],
    lang: Lang,
    area_width: u16,
    column: u16,
) -> Option<A> {
    placed(hints, lang, area_width)
        .into_iter()
        .find(|&(_, x, w)| column >= x && column < x + w)
        .map(|(i, _, _)| hints[i].action)
}
