//! The help overlay both screens open with `?` or F1: every binding of the screen's
//! key table, grouped by where it works, generated from the table and never written
//! by hand. The README's key reference is the same list as a Markdown table.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear};

use super::action::Common;
use super::keys::{Binding, KeyTable, Named};
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

/// The overlay's lines for a key table, each with the binding it shows (none for
/// headings, blank lines and the notes after the keys).
fn entries<A: Named + PartialEq + From<Common> + Copy>(
    table: &KeyTable<A>,
    lang: Lang,
    notes: &[Label],
) -> Vec<(String, Style, Option<Binding<A>>)> {
    let mut lines = Vec::new();
    for (context, bindings) in table.help_groups() {
        if bindings.is_empty() {
            continue;
        }
        if !lines.is_empty() {
            lines.push((String::new(), theme::text(), None));
        }
        lines.push((context.name().get(lang).to_owned(), theme::heading(), None));
        for binding in bindings {
            let keys = fit(&binding.keys_label(), KEYS_COLUMN);
            let label = binding.action.name().get(lang);
            lines.push((format!("  {keys} {label}"), theme::text(), Some(binding)));
        }
    }
    lines.push((String::new(), theme::text(), None));
    for note in notes {
        lines.push((note.get(lang).to_owned(), theme::dim(), None));
    }
    lines
}

/// The overlay's lines for a key table, with notes after the keys.
pub fn help_lines<A: Named + PartialEq + From<Common> + Copy>(
    table: &KeyTable<A>,
    lang: Lang,
    notes: &[Label],
) -> Vec<(String, Style)> {
    entries(table, lang, notes)
        .into_iter()
        .map(|(text, style, _)| (text, style))
        .collect()
}

/// The binding whose line the overlay draws at (`column`, `row`) of `screen`: a
/// click on it does what its keys do.
pub fn binding_at<A: Named + PartialEq + From<Common> + Copy>(
    table: &KeyTable<A>,
    lang: Lang,
    notes: &[Label],
    screen: Rect,
    scroll: usize,
    (column, row): (u16, u16),
) -> Option<Binding<A>> {
    let entries = entries(table, lang, notes);
    let lines: Vec<(String, Style)> = entries.iter().map(|(t, s, _)| (t.clone(), *s)).collect();
    placed(&lines, screen, scroll)
        .into_iter()
        .find(|p| p.area.contains(ratatui::layout::Position::new(column, row)))
        .and_then(|p| entries[p.line].2)
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

/// One screen row of the overlay: where it is drawn, its text and style, and which
/// of the lines it comes from (a long line wraps onto several).
struct Placed {
    area: Rect,
    text: String,
    style: Style,
    line: usize,
}

/// The overlay's frame on `screen`.
fn frame_area(screen: Rect) -> Rect {
    layout::centered(
        screen,
        screen.width.saturating_sub(4),
        screen.height.saturating_sub(2),
    )
}

/// Where each line goes, in as many columns as fit (up to three), each starting at a
/// group's heading so no group is torn; long lines (the notes on typing and the
/// mouse) wrap within their column. Drawing and clicking both ask this.
fn placed(lines: &[(String, Style)], screen: Rect, scroll: usize) -> Vec<Placed> {
    let inner = layout::inner(frame_area(screen));
    let count = usize::from((inner.width / COLUMN_WIDTH).clamp(1, 3));
    let columns = split_columns(lines, count);
    let height = usize::from(inner.height);
    let column_w = inner.width / columns.len().max(1) as u16;
    let columns: Vec<Vec<(String, Style, usize)>> = columns
        .iter()
        .map(|(first, column)| {
            column
                .iter()
                .enumerate()
                .flat_map(|(i, (text, style))| {
                    wrap(text, usize::from(column_w.saturating_sub(1)))
                        .into_iter()
                        .map(move |line| (line, *style, first + i))
                })
                .collect()
        })
        .collect();
    let longest = columns.iter().map(Vec::len).max().unwrap_or(0);
    let scroll = scroll.min(longest.saturating_sub(height));
    let mut placed = Vec::new();
    for (n, column) in columns.into_iter().enumerate() {
        let x = inner.x + column_w * n as u16;
        for (y, (text, style, line)) in column.into_iter().skip(scroll).take(height).enumerate() {
            placed.push(Placed {
                area: Rect::new(x, inner.y + y as u16, column_w.saturating_sub(1), 1),
                text,
                style,
                line,
            });
        }
    }
    placed
}

/// Draws help lines as the overlay.
pub fn render(
    lang: Lang,
    lines: &[(String, Style)],
    frame: &mut Frame,
    screen: Rect,
    scroll: usize,
) {
    let area = frame_area(screen);
    frame.render_widget(Clear, area);
    let block = Block::bordered()
        .border_style(theme::dialog_border())
        .title(Line::from(Span::styled(
            format!(" {} ", key_names::HELP_TITLE.get(lang)),
            theme::title(true),
        )));
    frame.render_widget(block, area);
    let buf = frame.buffer_mut();
    for p in placed(lines, screen, scroll) {
        put(buf, p.area, 0, 0, &p.text, p.style);
    }
}

/// Splits the lines into `count` columns of about equal length, breaking only at the
/// blank line before a heading.
/// Each column with the index of its first line.
fn split_columns(lines: &[(String, Style)], count: usize) -> Vec<(usize, &[(String, Style)])> {
    let target = lines.len().div_ceil(count.max(1));
    let mut columns = Vec::new();
    let mut start = 0;
    for (i, (text, _)) in lines.iter().enumerate() {
        if text.is_empty() && i - start >= target && columns.len() + 1 < count {
            columns.push((start, &lines[start..i]));
            start = i + 1;
        }
    }
    let start = start.min(lines.len());
    columns.push((start, &lines[start..]));
    columns
}
