//! The notes timeline, newest at the bottom, and the input line with its speaker and
//! kind. The timeline is drawn from the end of the current item's note list, wrapping
//! only the notes that fit, so a meeting of twenty thousand notes draws like one of ten.

use ratatui::Frame;
use ratatui::layout::Rect;

use super::panel_block;
use crate::i18n::screen as s;
use crate::tui::facilitator::action::Panel;
use crate::tui::facilitator::app::App;
use crate::tui::shared::layout::{notes_input, notes_timeline};
use crate::tui::shared::notes::{
    draw_correcting, draw_editor, draw_newest_last, more_below, note_line,
};
use crate::tui::shared::people::speaker_name;
use crate::tui::shared::theme;
use crate::tui::shared::view::put;
use crate::width::truncate;

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
    let english = app.notes.editor.editing_english;
    let timeline = notes_timeline(area, english);
    let input = notes_input(area, english);
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
    // Walk back from the newest shown note; only the notes that fit are made lines.
    let end = shown.len().saturating_sub(app.notes.scroll);
    let newest_first = (0..end).rev().filter_map(|n| {
        let entry = shown.get(n).and_then(|i| state.notes.get(i))?;
        let mut line = note_line(entry.at, &entry.by, &entry.note, state, lang, None);
        if app.notes.show_all
            && let Some(item) = entry.note.item.as_ref().and_then(|id| state.item(id))
            && state.current_item.map(|c| &state.items[c].item.id) != entry.note.item.as_ref()
        {
            line.push(
                &format!("  〈{}〉", truncate(item.item.title.get(lang), 16)),
                theme::text(),
            );
        }
        Some((line, app.notes.selected == Some(n)))
    });
    draw_newest_last(buf, area, newest_first);
    more_below(buf, area, app.notes.scroll);
}

fn draw_input(app: &App, frame: &mut Frame, area: Rect) {
    let lang = app.lang;
    let editor = &app.notes.editor;
    let typing = app.focus == Panel::Notes && app.dialog.is_none() && app.help.is_none();
    let speaker = editor
        .speaker
        .as_ref()
        .map_or(s::NO_SPEAKER.get(lang), |sp| {
            speaker_name(app.state(), sp, lang)
        });
    let placeholder = Some(s::NOTES_PLACEHOLDER.get(lang));
    let x = draw_editor(frame, area, editor, speaker, typing, placeholder, lang);
    if app.notes.correcting.is_some() {
        draw_correcting(frame.buffer_mut(), area, x, lang);
    }
}
