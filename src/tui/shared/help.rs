//! The help overlay both screens open with `?` or F1: every binding of the screen's
//! key table, grouped by where it works, generated from the table and never written
//! by hand. The README's key reference is the same list as a Markdown table.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear};

use super::action::Common;
use super::keys::{KeyTable, Named};
use super::layout;
use super::theme;
use super::view::put;
use crate::domain::Lang;
use crate::i18n::{Label, key_names};
use crate::width::{fit, wrap};

/// The width of the key column.
const KEYS_COLUMN: usize = 16;

/// The narrowest a column of the overlay may be.
const COLUMN_WIDTH: u16 = 38;

/// The overlay's lines for a key table, with notes after the keys.
pub fn help_lines<A: Named + PartialEq + From<Common>>(
    table: &KeyTable<A>,
    lang: Lang,
    notes: &[Label],
) -> Vec<(String, Style)> {
    let mut lines = Vec::new();
    for (context, bindings) in table.help_groups() {
        if bindings.is_empty() {
            continue;
        }
        if !lines.is_empty() {
            lines.push((String::new(), theme::text()));
        }
        lines.push((context.name().get(lang).to_owned(), theme::heading()));
        for binding in bindings {
            let keys = fit(&binding.keys_label(), KEYS_COLUMN);
            let label = binding.action.name().get(lang);
            lines.push((format!("  {keys} {label}"), theme::text()));
        }
    }
    lines.push((String::new(), theme::text()));
    for note in notes {
        lines.push((note.get(lang).to_owned(), theme::dim()));
    }
    lines
}

/// The same reference as a Markdown table, both languages side by side: what the
/// README lists, generated so it cannot drift from the keys.
pub fn markdown_reference<A: Named + PartialEq + From<Common>>(table: &KeyTable<A>) -> String {
    let head = key_names::REFERENCE_HEADING;
    let mut out = format!(
        "| keys | {} | {} |\n| --- | --- | --- |\n",
        head.zh, head.en
    );
    for (context, bindings) in table.help_groups() {
        if bindings.is_empty() {
            continue;
        }
        let heading = context.name();
        out.push_str(&format!("| **{}** | **{}** | |\n", heading.en, heading.zh));
        for binding in bindings {
            let label = binding.action.name();
            let keys = binding.keys_label().replace('|', "\\|");
            out.push_str(&format!("| `{keys}` | {} | {} |\n", label.zh, label.en));
        }
    }
    out
}

/// Draws help lines as the overlay, in as many columns as fit.
pub fn render(
    lang: Lang,
    lines: &[(String, Style)],
    frame: &mut Frame,
    screen: Rect,
    scroll: usize,
) {
    let area = layout::centered(
        screen,
        screen.width.saturating_sub(4),
        screen.height.saturating_sub(2),
    );
    frame.render_widget(Clear, area);
    let block = Block::bordered()
        .border_style(theme::dialog_border())
        .title(Line::from(Span::styled(
            format!(" {} ", key_names::HELP_TITLE.get(lang)),
            theme::title(true),
        )));
    frame.render_widget(block, area);
    let inner = layout::inner(area);
    // As many columns as fit (up to three), each starting at a group's heading so no
    // group is torn.
    let count = usize::from((inner.width / COLUMN_WIDTH).clamp(1, 3));
    let columns = split_columns(lines, count);
    let height = usize::from(inner.height);
    let column_w = inner.width / columns.len().max(1) as u16;
    // Long lines (the notes on typing and the mouse) wrap within their column.
    let columns: Vec<Vec<(String, Style)>> = columns
        .iter()
        .map(|column| {
            column
                .iter()
                .flat_map(|(text, style)| {
                    wrap(text, usize::from(column_w.saturating_sub(1)))
                        .into_iter()
                        .map(move |line| (line, *style))
                })
                .collect()
        })
        .collect();
    let longest = columns.iter().map(Vec::len).max().unwrap_or(0);
    let scroll = scroll.min(longest.saturating_sub(height));
    let buf = frame.buffer_mut();
    for (n, column) in columns.iter().enumerate() {
        let rect = Rect::new(
            inner.x + column_w * n as u16,
            inner.y,
            column_w.saturating_sub(1),
            inner.height,
        );
        for (y, (text, style)) in column.iter().skip(scroll).take(height).enumerate() {
            put(buf, rect, 0, y as u16, text, *style);
        }
    }
}

/// Splits the lines into `count` columns of about equal length, breaking only at the
/// blank line before a heading.
fn split_columns(lines: &[(String, Style)], count: usize) -> Vec<&[(String, Style)]> {
    let target = lines.len().div_ceil(count.max(1));
    let mut columns = Vec::new();
    let mut start = 0;
    for (i, (text, _)) in lines.iter().enumerate() {
        if text.is_empty() && i - start >= target && columns.len() + 1 < count {
            columns.push(&lines[start..i]);
            start = i + 1;
        }
    }
    columns.push(&lines[start.min(lines.len())..]);
    columns
}
