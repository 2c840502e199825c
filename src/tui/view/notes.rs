//! The notes timeline, newest at the bottom, and the input line with its speaker and
//! kind. The timeline is drawn from the end of the current item's note list, wrapping
//! only the notes that fit, so a meeting of twenty thousand notes draws like one of ten.

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;

use super::{panel_block, put, truncate, width};
use crate::domain::{NoteEntry, NoteKind, State};
use crate::tui::action::Panel;
use crate::tui::app::App;
use crate::tui::layout;
use crate::tui::strings::{self as s, NoteKindChoice};
use crate::tui::text::wrap;
use crate::tui::theme;

pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    let lang = app.lang;
    let state = app.state();
    let scope = if app.notes.show_all {
        s::ALL_ITEMS.get(lang).to_owned()
    } else {
        state
            .current_item()
            .map(|i| truncate(i.item.title.get(lang), usize::from(area.width / 2)))
            .unwrap_or_default()
    };
    frame.render_widget(panel_block(app, Panel::Notes, &scope), area);
    let english = app.notes.editing_english;
    let timeline = layout::notes_timeline(area, english);
    let input = layout::notes_input(area, english);
    draw_timeline(app, frame, timeline);
    draw_input(app, frame, input);
}

fn draw_timeline(app: &App, frame: &mut Frame, area: Rect) {
    let lang = app.lang;
    let state = app.state();
    let buf = frame.buffer_mut();
    let shown = app.notes.shown(state);
    if shown.is_empty() {
        put(buf, area, 0, 0, s::NO_NOTES.get(lang), theme::dim());
        return;
    }
    let w = usize::from(area.width);
    let h = usize::from(area.height);
    if w == 0 || h == 0 {
        return;
    }
    // Walk back from the newest shown note until the rows are full.
    let end = shown.len().saturating_sub(app.notes.scroll);
    let mut blocks: Vec<(Vec<String>, usize)> = Vec::new();
    let mut rows = 0;
    for n in (0..end).rev() {
        if rows >= h {
            break;
        }
        let Some(entry) = shown.get(n).and_then(|i| state.notes.get(i)) else {
            continue;
        };
        let (line, speaker_bytes) = note_line(entry, state, app);
        let wrapped = wrap(&line, w);
        rows += wrapped.len();
        blocks.push((wrapped, speaker_bytes));
    }
    // The oldest block may be cut at its top so the newest stays at the bottom.
    let mut skip = rows.saturating_sub(h);
    let mut y: u16 = 0;
    for (lines, speaker_bytes) in blocks.iter().rev() {
        for (k, line) in lines.iter().enumerate() {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            if k == 0 {
                draw_first_row(buf, area, y, line, *speaker_bytes);
            } else {
                put(buf, area, 0, y, line, theme::text());
            }
            y += 1;
        }
    }
    if app.notes.scroll > 0 {
        let more = format!(" +{} ", app.notes.scroll);
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
}

/// A note's first row: the time dim, the speaker bold, the text plain. Each cell is
/// written once, since writing cells is most of a frame's cost.
fn draw_first_row(buf: &mut Buffer, area: Rect, y: u16, line: &str, speaker_bytes: usize) {
    // The line starts "HH:MM " then the speaker's name; a narrow panel may have
    // wrapped inside that prefix, so split only at character boundaries that exist.
    let time_end = TIME_BYTES.min(line.len());
    let name_end = (TIME_BYTES + 1 + speaker_bytes).min(line.len());
    let (Some(time), Some(name), Some(rest)) = (
        line.get(..time_end),
        line.get(time_end..name_end),
        line.get(name_end..),
    ) else {
        put(buf, area, 0, y, line, theme::text());
        return;
    };
    let x = put(buf, area, 0, y, time, theme::dim());
    let x = put(buf, area, x, y, name, theme::heading());
    put(buf, area, x, y, rest, theme::text());
}

/// "HH:MM", the time at the start of each note.
const TIME_BYTES: usize = 5;

/// One note as a line: "14:05 王小明：〔待辦 …〕text", and the length of the speaker's
/// name in bytes.
fn note_line(entry: &NoteEntry, state: &State, app: &App) -> (String, usize) {
    let lang = app.lang;
    let note = &entry.note;
    let mut line = entry.at.format("%H:%M").to_string();
    line.push(' ');
    let mut speaker_bytes = 0;
    if let Some(speaker) = &note.speaker {
        let name = s::speaker_name(state, speaker, lang);
        speaker_bytes = name.len();
        line.push_str(name);
        line.push_str(s::colon(lang));
    }
    let kind = NoteKindChoice::of(&note.kind);
    match &note.kind {
        NoteKind::Said | NoteKind::Narrative => {}
        NoteKind::Action { owner, due } => {
            let mut tag = kind.label().get(lang).to_owned();
            if let Some(owner) = owner {
                tag.push(' ');
                tag.push_str(s::speaker_name(state, owner, lang));
            }
            if let Some(due) = due {
                tag.push_str(&format!(" {} {}", s::DUE.get(lang), due.format("%Y-%m-%d")));
            }
            line.push_str(&s::bracket(&tag, lang));
        }
        NoteKind::Decision => line.push_str(&s::bracket(kind.label().get(lang), lang)),
    }
    line.push_str(note.text.get(lang));
    if app.notes.show_all
        && let Some(item) = note.item.as_ref().and_then(|id| state.item(id))
        && state.current_item.map(|c| &state.items[c].item.id) != note.item.as_ref()
    {
        line.push_str(&format!(
            "  〈{}〉",
            truncate(item.item.title.get(lang), 16)
        ));
    }
    (line, speaker_bytes)
}

fn draw_input(app: &App, frame: &mut Frame, area: Rect) {
    let lang = app.lang;
    let state = app.state();
    let notes = &app.notes;
    let focused = app.focus == Panel::Notes && app.prompt.is_none() && app.help.is_none();
    let buf = frame.buffer_mut();
    let speaker = notes
        .speaker
        .as_ref()
        .map_or(s::NO_SPEAKER.get(lang), |sp| {
            s::speaker_name(state, sp, lang)
        });
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
    let kind_style = if notes.kind == NoteKindChoice::Said {
        theme::bold()
    } else {
        theme::warning()
    };
    put(buf, area, x, 0, notes.kind.label().get(lang), kind_style);

    let mut cursor = None;
    let prompt_style = if focused {
        theme::border(true)
    } else {
        theme::dim()
    };
    let lines: [(&str, &crate::tui::input::LineEditor, bool); 2] = [
        ("> ", &notes.input, !notes.editing_english),
        ("EN> ", &notes.english, notes.editing_english),
    ];
    let rows = if notes.editing_english { 2 } else { 1 };
    for (n, (label, editor, active)) in lines.iter().take(rows).enumerate() {
        let y = 1 + n as u16;
        let x = put(buf, area, 0, y, label, prompt_style);
        let columns = usize::from(area.width.saturating_sub(x + 1));
        let (shown, col) = editor.visible(columns);
        if editor.is_empty() && !focused && n == 0 {
            put(
                buf,
                area,
                x,
                y,
                s::NOTES_PLACEHOLDER.get(lang),
                theme::dim(),
            );
        } else {
            put(buf, area, x, y, &shown, Style::new());
        }
        if focused && *active {
            cursor = Some((x + col as u16, y));
        }
    }
    if let Some((cx, cy)) = cursor
        && cy < area.height
        && cx < area.width
    {
        // The terminal's cursor sits where the next character goes, so an input
        // method opens its composition window there.
        frame.set_cursor_position(Position::new(area.x + cx, area.y + cy));
    }
}
