//! Drawing pieces both screens use: text into a buffer cut at its area's edge (with a
//! fast path for the simple characters nearly all of a meeting's text is made of), a
//! selected row, clocks, the too-small notice and the message line.

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Clear, Paragraph, Wrap};

use super::layout::{MIN_HEIGHT, MIN_WIDTH};
use super::message::{Message, MessageKind};
use super::theme;
use crate::width as text;

use crate::i18n::screen as s;

/// Writes `text` at column `x` of row `row` inside `area`, cut at the area's right
/// edge; returns the column after it. Rows and columns outside `area` are ignored, so
/// a tiny area never indexes outside the buffer.
pub fn put(buf: &mut Buffer, area: Rect, x: u16, row: u16, text: &str, style: Style) -> u16 {
    if row >= area.height || x >= area.width {
        return x;
    }
    let area = area.intersection(buf.area);
    if row >= area.height || x >= area.width {
        return x;
    }
    let max = area.width - x;
    let end = match put_simple(buf, area.x + x, area.y + row, text, max, style) {
        Some(end) => end,
        None => {
            buf.set_stringn(area.x + x, area.y + row, text, usize::from(max), style)
                .0
        }
    };
    end - area.x
}

/// Whether a character is a grapheme on its own whatever follows it, and as wide as
/// `unicode-width` says: Latin, Greek, Cyrillic, punctuation, symbols and CJK. Emoji,
/// combining marks and scripts with spacing marks take ratatui's grapheme path.
fn is_simple(c: char) -> bool {
    let u = u32::from(c);
    let in_safe_range = matches!(u,
        0x20..=0x7E
        | 0xA0..=0x2FF
        | 0x370..=0x52F
        | 0x1E00..=0x1EFF
        | 0x2010..=0x2BFF
        | 0x3000..=0x9FFF
        | 0xAC00..=0xD7A3
        | 0xF900..=0xFAFF
        | 0xFF01..=0xFF9D
        | 0xFFA0..=0xFFEF);
    in_safe_range && matches!(text::char_width(c), 1 | 2)
}

/// Writes text made only of simple characters straight into the cells, as
/// `Buffer::set_stringn` would but without segmenting graphemes: writing cells is most
/// of a frame's cost, and nearly all of a meeting's text is simple. Returns `None`
/// (writing nothing) for text that needs the grapheme path.
fn put_simple(buf: &mut Buffer, x: u16, y: u16, text: &str, max: u16, style: Style) -> Option<u16> {
    if !text.chars().all(is_simple) {
        return None;
    }
    let mut x = x;
    let mut remaining = max;
    for c in text.chars() {
        let w = text::char_width(c) as u16;
        if w > remaining {
            break;
        }
        remaining -= w;
        buf.cell_mut((x, y))?.set_char(c).set_style(style);
        // The cell a wide character covers is reset, as ratatui does.
        for hidden in 1..w {
            if let Some(cell) = buf.cell_mut((x + hidden, y)) {
                cell.reset();
            }
        }
        x += w;
    }
    Some(x)
}

/// Patches the style of one row of `area` (for the selected row).
pub fn style_row(buf: &mut Buffer, area: Rect, row: u16, style: Style) {
    if row < area.height {
        let rect = Rect::new(area.x, area.y + row, area.width, 1).intersection(buf.area);
        buf.set_style(rect, style);
    }
}

/// "1:02:05" for an elapsed time in seconds.
pub fn clock(seconds: i64) -> String {
    let s = seconds.max(0);
    format!("{}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60)
}

/// "12:05" for minutes and seconds.
pub fn minutes_seconds(seconds: i64) -> String {
    let s = seconds.max(0);
    format!("{}:{:02}", s / 60, s % 60)
}

/// A timer against the time it was given, as `minutes_seconds` and the style its
/// phase is shown in: time left while there is some (warned near the end), `+m:ss`
/// once over.
pub fn countdown(left: i64, phase: crate::domain::Phase) -> (String, Style) {
    use crate::domain::Phase;
    match phase {
        Phase::Over => (format!("+{}", minutes_seconds(-left)), theme::alert()),
        Phase::Warning => (minutes_seconds(left), theme::warning()),
        Phase::InTime => (minutes_seconds(left), Style::default()),
    }
}

/// What a too-small terminal shows instead of the screen: the size it has and the size
/// it needs. Written to fit even a 1×1 terminal without panicking.
pub fn too_small(lang: crate::domain::Lang, frame: &mut Frame, area: Rect) {
    let [first, second] = s::too_small(area.width, area.height, MIN_WIDTH, MIN_HEIGHT, lang);
    let lines = vec![Line::styled(first, theme::alert()), Line::from(second)];
    let top = area.height.saturating_sub(2) / 2;
    let rect = Rect::new(area.x, area.y + top, area.width, area.height - top);
    frame.render_widget(Clear, area);
    frame.render_widget(
        Paragraph::new(lines)
            .alignment(ratatui::layout::Alignment::Center)
            .wrap(Wrap { trim: true }),
        rect,
    );
}

/// The message line: a notice, or a refusal in the alert colour.
pub fn message_line(buf: &mut Buffer, rect: Rect, message: &Message) {
    let style = match message.kind {
        MessageKind::Refused => theme::alert(),
        MessageKind::Info => theme::info(),
    };
    buf.set_style(rect, style);
    put(buf, rect, 1, 0, &message.text, style);
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::style::{Color, Modifier};

    #[test]
    fn the_fast_path_writes_exactly_what_ratatui_would() {
        let style = Style::new().fg(Color::Red).add_modifier(Modifier::BOLD);
        let samples = [
            "plain ASCII text",
            "陳怡君：同意（與會者皆無意見）",
            "混合 mixed 文字 text…✓",
            "全形ＡＢＣ１２３，標點。",
            "Ελληνικά и кириллица",
            "emoji 👍🏽 and flags 🇹🇼",
            "e\u{301} combining",
            "한국어 텍스트",
        ];
        for text in samples {
            for max in [0u16, 1, 2, 3, 7, 8, 40] {
                let area = Rect::new(0, 0, 40, 1);
                let mut fast = Buffer::empty(area);
                let mut slow = Buffer::empty(area);
                let fast_end = put(&mut fast, Rect::new(0, 0, max, 1), 0, 0, text, style);
                let (slow_end, _) = slow.set_stringn(0, 0, text, usize::from(max), style);
                assert_eq!(fast, slow, "{text:?} in {max} columns");
                assert_eq!(fast_end, slow_end.min(max), "{text:?} in {max} columns");
            }
        }
    }
}
