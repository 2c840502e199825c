//! The screens: the facilitator's (`facilitator/`) and the note-taker's (`join/`),
//! built from the pieces they share (`shared/`) and run by one runtime (`runtime.rs`,
//! with the terminal set up and restored in `terminal.rs`).

pub mod facilitator;
pub mod join;
pub mod runtime;
pub mod shared;
pub mod terminal;

use ratatui::buffer::Buffer;

/// A buffer as text, one line per row, wide characters once (their trailing cell
/// skipped): for snapshots and end-to-end checks.
pub fn screen_text(buffer: &Buffer) -> String {
    let area = buffer.area;
    let mut out = String::with_capacity(usize::from(area.width + 1) * usize::from(area.height));
    for y in area.top()..area.bottom() {
        let mut skip = 0usize;
        for x in area.left()..area.right() {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let symbol = buffer[(x, y)].symbol();
            out.push_str(symbol);
            skip = crate::width::width(symbol).saturating_sub(1);
        }
        out.push('\n');
    }
    out
}
