//! The pieces of a dialog both screens draw: a box over the screen, an input field
//! with its cursor, a picker's list, and the dialog's keys from the key table.

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear};

use super::keys::{Binding, Context, Named};
use super::layout;
use super::line_editor::LineEditor;
use super::people::People;
use super::picker::{PickRow, Picker, Purpose, name_column};
use super::theme;
use super::view::{put, style_row};
use crate::domain::Lang;
use crate::i18n::screen as s;
use crate::width::{fit, truncate};

/// How many rows of a list a dialog shows at most.
pub const LIST_ROWS: u16 = 12;

/// The rows a picker's dialog body takes: the query and up to a dozen names.
pub fn picker_rows<P>(picker: &Picker<P>) -> u16 {
    1 + (picker.rows.len() as u16).clamp(1, LIST_ROWS)
}

/// A dialog box of `body_rows` rows (plus its hints) centred on the screen, with
/// `title`: returns the body's area.
pub fn dialog_box(frame: &mut Frame, screen: Rect, title: &str, body_rows: u16) -> Rect {
    let width = screen.width.saturating_sub(8).min(80);
    let area = layout::centered(screen, width, body_rows + 4);
    framed(frame, area, title)
}

/// Clears `area` and frames it as a dialog with `title`: returns the body's area,
/// inside the border with a column of margin on each side.
pub fn framed(frame: &mut Frame, area: Rect, title: &str) -> Rect {
    let width = area.width;
    frame.render_widget(Clear, area);
    frame.render_widget(
        Block::bordered()
            .border_style(theme::dialog_border())
            .style(theme::dialog())
            .title(Line::from(Span::styled(
                format!(
                    " {} ",
                    truncate(title, usize::from(width.saturating_sub(4)))
                ),
                theme::title(true),
            ))),
        area,
    );
    let inner = layout::inner(area);
    Rect::new(
        inner.x + 1,
        inner.y,
        inner.width.saturating_sub(2),
        inner.height,
    )
}

/// A picker's list under its query: the rows that fit around the selection.
pub fn picker_list<P: Purpose>(
    buf: &mut Buffer,
    body: Rect,
    picker: &Picker<P>,
    people: &dyn People,
    lang: Lang,
    list_h: usize,
) {
    let start = picker.selected.saturating_sub(list_h.saturating_sub(1));
    let name_w = name_column(people, &picker.rows);
    for (n, row) in picker.rows.iter().enumerate().skip(start).take(list_h) {
        let y = 1 + (n - start) as u16;
        let text = match row {
            PickRow::Nobody => s::NO_SPEAKER.get(lang).to_owned(),
            PickRow::Person(i) if *i < people.count() => {
                let presence = s::presence(people.presence(*i)).get(lang);
                format!(
                    "{} {} {}",
                    fit(presence, 4),
                    fit(people.name(*i).get(lang), name_w),
                    people.organisation(*i).get(lang)
                )
            }
            PickRow::Person(_) => continue,
            PickRow::Free => format!(
                "＋ {}「{}」",
                picker.purpose.typed_name().get(lang),
                picker.query.as_str().trim()
            ),
        };
        put(
            buf,
            body,
            0,
            y,
            &truncate(&text, usize::from(body.width)),
            theme::dialog(),
        );
        if n == picker.selected {
            style_row(buf, body, y, theme::selected(true));
        }
    }
}

/// A dialog's keys on its last row, from the key table (not the ones that work
/// everywhere: the footer has those).
pub fn hints_row<A: Named>(buf: &mut Buffer, body: Rect, hints: &[Binding<A>], lang: Lang) {
    let hints: Vec<String> = hints
        .iter()
        .filter(|b| b.context != Context::Everywhere)
        .map(|b| {
            format!(
                "{} {}",
                b.keys.first().map(|k| k.label()).unwrap_or_default(),
                b.action.name().get(lang)
            )
        })
        .collect();
    put(
        buf,
        body,
        0,
        body.height.saturating_sub(1),
        &hints.join("   "),
        theme::dim(),
    );
}

/// One input field: its label, its visible text, and where the cursor goes.
pub fn field(
    frame: &mut Frame,
    body: Rect,
    row: u16,
    label: &str,
    editor: &LineEditor,
    active: bool,
) -> Option<Position> {
    let buf = frame.buffer_mut();
    let label_style = if active {
        theme::border(true)
    } else {
        theme::dim()
    };
    let x = put(buf, body, 0, row, label, label_style);
    let columns = usize::from(body.width.saturating_sub(x + 1));
    let (shown, col) = editor.visible(columns);
    put(buf, body, x, row, &shown, theme::dialog());
    if active {
        style_row_from(buf, body, row, x, theme::selected(false));
    }
    (active && row < body.height && x + (col as u16) < body.width)
        .then(|| Position::new(body.x + x + col as u16, body.y + row))
}

/// Underlines the field from column `x` to the end of the row.
fn style_row_from(
    buf: &mut ratatui::buffer::Buffer,
    area: Rect,
    row: u16,
    x: u16,
    style: ratatui::style::Style,
) {
    if row < area.height && x < area.width {
        let rect = Rect::new(area.x + x, area.y + row, area.width - x, 1).intersection(buf.area);
        buf.set_style(rect, style);
    }
}
