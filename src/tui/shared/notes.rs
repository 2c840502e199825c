//! Notes as both screens draw them: a note as one line (time, author, speaker, kind,
//! text), the timeline newest at the bottom drawing only what fits, and the note
//! editor.

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;

use super::note_editor::{NoteEditor, NoteKindChoice};
use super::people::{People, speaker_name};
use super::theme;
use super::view::{put, style_row};
use crate::domain::{Author, Lang, Note, NoteKind, Stamp};
use crate::i18n::{self, screen as s};
use crate::width::{width, wrap};

/// Draws notes wrapped to the area's width, the newest at the bottom, from an
/// iterator that yields the newest first (each with whether it is selected). It stops
/// taking notes once the area is full, so the cost is what is visible; the oldest
/// note shown may be cut at its top.
pub fn draw_newest_last(
    buf: &mut Buffer,
    area: Rect,
    newest_first: impl Iterator<Item = (NoteLine, bool)>,
) {
    let w = usize::from(area.width);
    let h = usize::from(area.height);
    if w == 0 || h == 0 {
        return;
    }
    let mut blocks: Vec<(Vec<String>, NoteLine, bool)> = Vec::new();
    let mut rows = 0;
    for (line, selected) in newest_first {
        if rows >= h {
            break;
        }
        let wrapped = wrap(&line.text, w);
        rows += wrapped.len();
        blocks.push((wrapped, line, selected));
    }
    let mut skip = rows.saturating_sub(h);
    let mut y: u16 = 0;
    for (lines, line, selected) in blocks.iter().rev() {
        for (k, row) in lines.iter().enumerate() {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            if k == 0 {
                draw_first_row(buf, area, y, row, &line.parts);
            } else {
                put(buf, area, 0, y, row, theme::text());
            }
            if *selected {
                style_row(buf, area, y, theme::selected(true));
            }
            y += 1;
        }
    }
}

/// A note's first row, each part in its style (the time dim, the speaker bold, the
/// text plain). Each cell is written once, since writing cells is most of a frame's
/// cost.
fn draw_first_row(buf: &mut Buffer, area: Rect, y: u16, row: &str, parts: &[(usize, Style)]) {
    // A narrow panel may have wrapped inside a part: the row is a prefix of the line,
    // so cut each part at the row's end, on boundaries that exist.
    let mut x = 0;
    let mut start = 0;
    for &(end, style) in parts {
        let end = end.min(row.len());
        if end <= start {
            continue;
        }
        let Some(text) = row.get(start..end) else {
            put(buf, area, 0, y, row, theme::text());
            return;
        };
        x = put(buf, area, x, y, text, style);
        start = end;
    }
    if let Some(rest) = row.get(start..).filter(|r| !r.is_empty()) {
        put(buf, area, x, y, rest, theme::text());
    }
}

/// A note as one line of text and the style of each part of it.
#[derive(Clone, Debug, PartialEq)]
pub struct NoteLine {
    pub text: String,
    /// Each part ends at this byte of `text` (the previous part's end is its start).
    pub parts: Vec<(usize, Style)>,
}

impl NoteLine {
    pub fn push(&mut self, text: &str, style: Style) {
        self.text.push_str(text);
        self.parts.push((self.text.len(), style));
    }
}

/// One note as a line: "14:05 ✎書記 王小明：〔待辦 …〕text". `tag`, when given, follows
/// the time (the note-taker's screen puts the state of their own notes there); a
/// note-taker's note is otherwise marked with their name.
pub fn note_line(
    at: Stamp,
    by: &Author,
    note: &Note,
    people: &dyn People,
    lang: Lang,
    tag: Option<(&str, Style)>,
) -> NoteLine {
    let mut line = NoteLine {
        text: String::new(),
        parts: Vec::new(),
    };
    line.push(&at.format("%H:%M ").to_string(), theme::dim());
    match (tag, by) {
        (Some((tag, style)), _) => {
            line.push(tag, style);
            line.push(" ", theme::text());
        }
        (None, Author::NoteTaker(name)) => line.push(&format!("✎{name} "), theme::dim()),
        (None, Author::Facilitator | Author::Import) => {}
    }
    let mut rest = String::new();
    if let Some(speaker) = &note.speaker {
        line.push(speaker_name(people, speaker, lang), theme::heading());
        rest.push_str(i18n::colon(lang));
    }
    let kind = NoteKindChoice::of(&note.kind);
    match &note.kind {
        NoteKind::Said | NoteKind::Narrative => {}
        NoteKind::Action { owner, due } => {
            let mut tag = kind.name().get(lang).to_owned();
            if let Some(owner) = owner {
                tag.push(' ');
                tag.push_str(speaker_name(people, owner, lang));
            }
            if let Some(due) = due {
                tag.push_str(&format!(" {} {}", s::DUE.get(lang), due.format("%Y-%m-%d")));
            }
            rest.push_str(&s::bracket(&tag, lang));
        }
        NoteKind::Decision => rest.push_str(&s::bracket(kind.name().get(lang), lang)),
    }
    rest.push_str(note.text.get(lang));
    line.push(&rest, theme::text());
    line
}

/// The note editor's first row: "發言人 NAME  類型 KIND". Returns the column after it.
/// The facilitator's and the note-taker's editors share it.
fn draw_editor_status(
    buf: &mut Buffer,
    area: Rect,
    speaker: &str,
    kind: NoteKindChoice,
    lang: Lang,
) -> u16 {
    let mut x = put(
        buf,
        area,
        0,
        0,
        &format!("{} ", s::SPEAKER.get(lang)),
        theme::dim(),
    );
    x = put(buf, area, x, 0, speaker, theme::heading());
    x = put(
        buf,
        area,
        x + 2,
        0,
        &format!("{} ", s::KIND.get(lang)),
        theme::dim(),
    );
    let kind_style = if kind == NoteKindChoice::Said {
        theme::bold()
    } else {
        theme::warning()
    };
    put(buf, area, x, 0, kind.name().get(lang), kind_style)
}

/// Marks the editor as correcting a note, after its status row (which ends at `x`).
pub fn draw_correcting(buf: &mut Buffer, area: Rect, x: u16, lang: Lang) {
    use crate::i18n::note_taking::{CORRECTING, CORRECTING_SHORT};
    let room = usize::from(area.width.saturating_sub(x + 2));
    let correcting = [CORRECTING, CORRECTING_SHORT]
        .map(|label| label.get(lang))
        .into_iter()
        .find(|text| width(text) <= room)
        .unwrap_or(CORRECTING_SHORT.get(lang));
    put(buf, area, x + 2, 0, correcting, theme::warning());
}

/// The note editor: its status row (speaker and kind), then the line being typed (and
/// the English line when it is open), with the terminal's cursor where the next
/// character goes, so an input method opens its composition window there. `typing`:
/// the editor has the keyboard. `placeholder` shows in an empty line without it.
/// Returns the column after the status row.
pub fn draw_editor(
    frame: &mut Frame,
    area: Rect,
    editor: &NoteEditor,
    speaker: &str,
    typing: bool,
    placeholder: Option<&str>,
    lang: Lang,
) -> u16 {
    let buf = frame.buffer_mut();
    let after_status = draw_editor_status(buf, area, speaker, editor.kind, lang);
    let mut cursor = None;
    let lines = [
        ("> ", &editor.input, !editor.editing_english),
        ("EN> ", &editor.english, editor.editing_english),
    ];
    let rows = if editor.editing_english { 2 } else { 1 };
    for (n, (label, line, active)) in lines.iter().take(rows).enumerate() {
        let y = 1 + n as u16;
        let x = put(buf, area, 0, y, label, theme::border(typing && *active));
        let columns = usize::from(area.width.saturating_sub(x + 1));
        let (shown, col) = line.visible(columns);
        match placeholder {
            Some(text) if line.is_empty() && !typing && n == 0 => {
                put(buf, area, x, y, text, theme::dim());
            }
            _ => {
                put(buf, area, x, y, &shown, Style::new());
            }
        }
        if typing && *active {
            cursor = Some((x + col as u16, y));
        }
    }
    if let Some((cx, cy)) = cursor
        && cy < area.height
        && cx < area.width
    {
        frame.set_cursor_position(Position::new(area.x + cx, area.y + cy));
    }
    after_status
}

/// "+3" at the timeline's bottom right: notes below the ones shown.
pub fn more_below(buf: &mut Buffer, area: Rect, count: usize) {
    if count == 0 {
        return;
    }
    let more = format!(" +{count} ");
    let x = area.width.saturating_sub(width(&more) as u16);
    put(
        buf,
        area,
        x,
        area.height.saturating_sub(1),
        &more,
        theme::info(),
    );
}
