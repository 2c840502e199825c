//! The `?` overlay: every binding of the key table, grouped by where it works. It is
//! generated from the table, never written by hand.

use crate::i18n::key_names;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear};

use super::{fit, put};
use crate::domain::Lang;
use crate::tui::facilitator::app::App;
use crate::tui::facilitator::keys;
use crate::tui::facilitator::layout;
use crate::tui::shared::text::wrap;
use crate::tui::shared::theme;

/// The width of the key column.
const KEYS_COLUMN: usize = 16;

/// The narrowest a column of the overlay may be.
const COLUMN_WIDTH: u16 = 38;

/// The overlay's lines, in order: a heading per context, then its keys.
pub fn help_lines(lang: Lang) -> Vec<(String, Style)> {
    help_lines_for(
        keys::BINDINGS,
        lang,
        &[key_names::TYPE_TO_WRITE, key_names::MOUSE_HELP],
    )
}

/// The overlay's lines for a key table, with notes after the keys.
pub fn help_lines_for(
    table: &'static [keys::Binding],
    lang: Lang,
    notes: &[crate::i18n::Label],
) -> Vec<(String, Style)> {
    let mut lines = Vec::new();
    for (context, bindings) in keys::help_groups_in(table) {
        if bindings.is_empty() {
            continue;
        }
        if !lines.is_empty() {
            lines.push((String::new(), theme::text()));
        }
        lines.push((
            key_names::context(context).get(lang).to_owned(),
            theme::heading(),
        ));
        for binding in bindings {
            let keys = fit(&keys::keys_label(binding), KEYS_COLUMN);
            let label = key_names::action(binding.action).get(lang);
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
pub fn markdown_reference() -> String {
    let mut out = String::from("| keys | 按鍵作用 | what it does |\n| --- | --- | --- |\n");
    for (context, bindings) in keys::help_groups() {
        if bindings.is_empty() {
            continue;
        }
        let heading = key_names::context(context);
        out.push_str(&format!("| **{}** | **{}** | |\n", heading.en, heading.zh));
        for binding in bindings {
            let label = key_names::action(binding.action);
            let keys = keys::keys_label(binding).replace('|', "\\|");
            out.push_str(&format!("| `{keys}` | {} | {} |\n", label.zh, label.en));
        }
    }
    out
}

pub fn render(app: &App, frame: &mut Frame, screen: Rect, scroll: usize) {
    render_lines(app.lang, &help_lines(app.lang), frame, screen, scroll);
}

/// Draws help lines as the overlay, in as many columns as fit.
pub fn render_lines(
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
