//! Where the pieces both screens share go: the smallest screen they draw on, a panel's
//! inside, a centred dialog, and the notes timeline over its editor.

use ratatui::layout::Rect;

/// The smallest screen the panels are drawn on: a standard 80×24 terminal.
pub const MIN_WIDTH: u16 = 80;
pub const MIN_HEIGHT: u16 = 24;

/// Inside a panel's border.
pub fn inner(r: Rect) -> Rect {
    Rect::new(
        r.x.saturating_add(1),
        r.y.saturating_add(1),
        r.width.saturating_sub(2),
        r.height.saturating_sub(2),
    )
}

/// Rows of the notes input at the bottom of the notes panel: the speaker and kind,
/// the text, and the English text when it is open.
pub fn notes_input_rows(english: bool) -> u16 {
    if english { 3 } else { 2 }
}

pub fn notes_timeline(panel: Rect, english: bool) -> Rect {
    let i = inner(panel);
    let input = notes_input_rows(english).min(i.height);
    Rect::new(i.x, i.y, i.width, i.height - input)
}

pub fn notes_input(panel: Rect, english: bool) -> Rect {
    let i = inner(panel);
    let input = notes_input_rows(english).min(i.height);
    Rect::new(i.x, i.y + i.height - input, i.width, input)
}

/// A dialog of `width`×`height` centred on the screen, clipped to it.
pub fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let w = width.min(area.width);
    let h = height.min(area.height);
    Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    )
}
