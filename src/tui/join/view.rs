//! The note-taker's screen as a pure function of `JoinApp`: a header with the meeting,
//! the item under way, the motion's stage, the room and the link's state; the notes
//! timeline (everyone's, one's own with their state) over the floor (who speaks, for
//! how long still, who waits) and the note editor; the
//! message line and the footer. Built from the facilitator's pieces: the same note
//! lines, dialogs, help overlay, footer and theme.

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Block;

use super::action::JoinAction;
use super::app::{JoinApp, JoinDialog, NoteState, Row};
use super::keys::KEYS;
use crate::domain::{Author, Lang, Stage};
use crate::i18n::screen::meeting_title;
use crate::i18n::{self, key_names, note_taking, refusals, screen as s};
use crate::net::{ConnectionState, NoRoom};
use crate::tui::shared::action::Common;
use crate::tui::shared::dialog::{dialog_box, field, hints_row, picker_list, picker_rows};
use crate::tui::shared::header::{clocks, title_row};
use crate::tui::shared::help;
use crate::tui::shared::keys::{Binding, Context};
use crate::tui::shared::layout::{MIN_HEIGHT, MIN_WIDTH, notes_input, notes_timeline};
use crate::tui::shared::notes::{
    NoteLine, draw_correcting, draw_editor, draw_newest_last, more_below, note_line,
};
use crate::tui::shared::people::speaker_name;
use crate::tui::shared::picker::Purpose;
use crate::tui::shared::theme;
use crate::tui::shared::view::{countdown, message_line, minutes_seconds, put, too_small};
use crate::width::{truncate, width, wrap};

/// Where everything goes on the note-taker's screen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct JoinAreas {
    pub header: Rect,
    pub notes: Rect,
    pub message: Option<Rect>,
    pub footer: Rect,
}

/// Rows of the header: the meeting and the link; the clock and the item; the room
/// and the motion.
pub const HEADER_ROWS: u16 = 3;

pub fn areas(area: Rect, has_message: bool) -> Option<JoinAreas> {
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        return None;
    }
    let (x, y, w, h) = (area.x, area.y, area.width, area.height);
    let message_rows = u16::from(has_message);
    Some(JoinAreas {
        header: Rect::new(x, y, w, HEADER_ROWS),
        notes: Rect::new(x, y + HEADER_ROWS, w, h - HEADER_ROWS - 1 - message_rows),
        message: has_message.then(|| Rect::new(x, y + h - 2, w, 1)),
        footer: Rect::new(x, y + h - 1, w, 1),
    })
}

pub fn draw(app: &JoinApp, frame: &mut Frame) {
    let area = frame.area();
    let Some(areas) = areas(area, app.message.is_some()) else {
        too_small(app.lang, frame, area);
        return;
    };
    header(app, frame.buffer_mut(), areas.header);
    notes_panel(app, frame, areas.notes);
    if let (Some(rect), Some(message)) = (areas.message, &app.message) {
        message_line(frame.buffer_mut(), rect, message);
    }
    crate::tui::shared::footer::render_hints(
        &footer_hints(app),
        app.lang,
        frame.buffer_mut(),
        areas.footer,
    );
    if app.dialog.is_some() {
        dialog(app, frame, area);
    }
    if let Some(scroll) = app.help {
        help::render(app.lang, &help_lines(app.lang), frame, area, scroll);
    }
}

/// The footer's hints: the table's for the active contexts, less what makes no sense
/// now (no "new code" while connected).
pub fn footer_hints(app: &JoinApp) -> Vec<Binding<JoinAction>> {
    KEYS.hints(app.contexts())
        .into_iter()
        .filter(|b| offers(app, b.action))
        .collect()
}

/// The help overlay's lines: the key table, then notes on typing and on the marks of
/// one's own notes.
pub fn help_lines(lang: Lang) -> Vec<(String, Style)> {
    help::help_lines(
        &KEYS,
        lang,
        &[key_names::TYPE_TO_WRITE, note_taking::NOTE_STATES_HELP],
    )
}

fn offers(app: &JoinApp, action: JoinAction) -> bool {
    let connection = &app.connection;
    match action {
        JoinAction::EnterJoinCode => matches!(
            connection,
            ConnectionState::WrongCode | ConnectionState::Refused { .. }
        ),
        JoinAction::ReconnectNow => matches!(
            connection,
            ConnectionState::HostGone { .. }
                | ConnectionState::NoRoom { .. }
                | ConnectionState::Refused { .. }
        ),
        JoinAction::CorrectNote => app.timeline.selected.is_some(),
        JoinAction::Common(Common::Cancel) => {
            app.dialog.is_some() || app.correcting.is_some() || app.timeline.selected.is_some()
        }
        _ => true,
    }
}

/// What the link's state looks like in the header's corner.
pub fn connection_status(app: &JoinApp) -> (&'static str, Style) {
    let lang = app.lang;
    if app.outbox_error.is_some() {
        return (note_taking::OUTBOX_BROKEN.get(lang), theme::alert());
    }
    match &app.connection {
        ConnectionState::Connecting => (note_taking::CONNECTING.get(lang), theme::warning()),
        ConnectionState::Connected => (note_taking::CONNECTED_MARK.get(lang), theme::adopted()),
        ConnectionState::HostGone { .. } => (note_taking::HOST_GONE.get(lang), theme::alert()),
        ConnectionState::NoRoom { why: NoRoom::Full } => {
            (note_taking::HOST_FULL.get(lang), theme::alert())
        }
        ConnectionState::NoRoom { why: NoRoom::Busy } => {
            (note_taking::HOST_BUSY.get(lang), theme::warning())
        }
        ConnectionState::WrongCode => (note_taking::WRONG_CODE.get(lang), theme::alert()),
        ConnectionState::Refused { .. } => (note_taking::TURNED_AWAY.get(lang), theme::alert()),
    }
}

fn header(app: &JoinApp, buf: &mut Buffer, area: Rect) {
    let lang = app.lang;
    buf.set_style(area, theme::header());

    // Row 1: the meeting, and the link's state at the right.
    let (status, status_style) = connection_status(app);
    let title = match &app.meeting {
        Some(m) => meeting_title(m.number, &m.title, lang),
        None => app.address.clone(),
    };
    title_row(buf, area, &title, &format!(" {status} "), status_style);

    // Row 2: the clock, the meeting's time, the item under way; what is not yet
    // saved by the host at the right.
    let now = app.now;
    let meeting = app.meeting.as_ref().map(|m| (m.started, m.adjourned));
    let x = clocks(buf, area, now, meeting, lang);
    let unsaved = app.unsaved();
    let pending = (unsaved > 0).then(|| format!(" {} ", note_taking::sending_count(unsaved, lang)));
    let pending_w = pending.as_deref().map_or(0, width) as u16;
    if let Some(m) = &app.meeting {
        // The item's own time first, so a long title cannot cut it off.
        let item = match &m.current_item {
            Some(item) => {
                let elapsed = item
                    .started
                    .map(|t| format!("{} ", minutes_seconds((now - t).num_seconds())))
                    .unwrap_or_default();
                format!("{elapsed}{}", item.title.get(lang))
            }
            None => s::NO_CURRENT_ITEM.get(lang).to_owned(),
        };
        let room = usize::from(area.width.saturating_sub(x + 3 + pending_w + 1));
        put(buf, area, x + 3, 1, &truncate(&item, room), theme::header());
    }
    if let Some(pending) = pending {
        put(
            buf,
            area,
            area.width.saturating_sub(pending_w),
            1,
            &pending,
            theme::warning(),
        );
    }

    // Row 3: the room (members present by side, the balance, observers) and the
    // motions of the item under way with their stage.
    let Some(m) = &app.meeting else {
        return;
    };
    let summary = s::attendance_summary(m.present, m.roster, m.observers_present, lang);
    let mut x = put(buf, area, 1, 2, &summary, theme::header());
    if !m.present.is_balanced() {
        let flag = format!(
            " {} {}:{} ",
            s::OFF_BALANCE.get(lang),
            m.present.government,
            m.present.non_government
        );
        x = put(buf, area, x + 2, 2, &flag, theme::alert());
    }
    for motion in &m.motions {
        let stage = i18n::stage(motion.stage).get(lang);
        let tag = s::bracket(stage, lang);
        let style = match motion.stage {
            Stage::Closed(outcome) => theme::outcome(outcome),
            _ => theme::warning(),
        };
        x = put(buf, area, x + 2, 2, &tag, style);
        if lang == Lang::En {
            x += 1;
        }
        let room = usize::from(area.width.saturating_sub(x + 1)).min(24);
        x = put(
            buf,
            area,
            x,
            2,
            &truncate(motion.text.get(lang), room),
            theme::header(),
        );
    }
}

fn notes_panel(app: &JoinApp, frame: &mut Frame, area: Rect) {
    let lang = app.lang;
    let mut title = vec![
        Span::styled(
            format!(" {} ", note_taking::NOTE_TAKER.get(lang)),
            theme::title(true),
        ),
        Span::styled(format!(" ✎{} ", app.name), theme::bold()),
    ];
    if app.correcting.is_some() {
        title.push(Span::styled(
            format!(" {} ", note_taking::CORRECTING.get(lang)),
            theme::warning(),
        ));
    }
    frame.render_widget(
        Block::bordered()
            .border_style(theme::border(true))
            .title(Line::from(title)),
        area,
    );
    let english = app.editor.editing_english;
    let mut timeline = notes_timeline(area, english);
    let floor = floor_spans(app, usize::from(timeline.width));
    if !floor.is_empty() && timeline.height > 1 {
        // The floor takes the timeline's last row, just above the editor.
        timeline.height -= 1;
        let row = Rect::new(timeline.x, timeline.bottom(), timeline.width, 1);
        let mut x = 0;
        for (text, style) in &floor {
            x = put(frame.buffer_mut(), row, x, 0, text, *style);
        }
    }
    draw_timeline(app, frame.buffer_mut(), timeline);
    editor(app, frame, notes_input(area, english));
}

/// The floor, as the host last showed it, in `room` columns: who speaks and their
/// time left (⏸ while paused, +m:ss once over), then who waits to speak on the item,
/// in order, as many names as fit and the rest counted. Empty when nobody speaks or
/// waits.
pub fn floor_spans(app: &JoinApp, room: usize) -> Vec<(String, Style)> {
    let Some(meeting) = &app.meeting else {
        return Vec::new();
    };
    let lang = app.lang;
    let people = app.people();
    let mut spans = Vec::new();
    let mut used = 0;
    if let Some(turn) = &meeting.speaking {
        let (time, style) = countdown(turn.remaining(app.now), turn.phase(app.now));
        let time = if turn.is_paused() {
            format!("⏸ {time}")
        } else {
            time
        };
        let label = format!("{} ", note_taking::FLOOR.get(lang));
        let name_room = room.saturating_sub(width(&label) + 1 + width(&time));
        let name = truncate(speaker_name(people, &turn.speaker, lang), name_room);
        used = width(&label) + width(&name) + 1 + width(&time);
        spans.push((label, theme::heading()));
        spans.push((name, theme::bold()));
        spans.push((" ".to_owned(), Style::new()));
        spans.push((time, style));
    }
    if !meeting.queue.is_empty() {
        let gap = if spans.is_empty() { "" } else { "   " };
        let label = format!("{gap}{} ", note_taking::WAITING.get(lang));
        let names: Vec<&str> = meeting
            .queue
            .iter()
            .map(|sp| speaker_name(people, sp, lang))
            .collect();
        let left = room.saturating_sub(used + width(&label));
        let mut shown = names.len();
        let waiting = loop {
            let mut text = names[..shown].join(i18n::list_separator(lang));
            let rest = names.len() - shown;
            if rest > 0 {
                if shown > 0 {
                    text.push(' ');
                }
                text.push_str(&note_taking::more_waiting(rest, lang));
            }
            if shown == 0 || width(&text) <= left {
                break text;
            }
            shown -= 1;
        };
        spans.push((label, theme::heading()));
        spans.push((waiting, Style::new()));
    }
    spans
}

fn state_tag(state: &NoteState, lang: Lang) -> (&'static str, Style) {
    match state {
        NoteState::Sending => (note_taking::STATE_SENDING.get(lang), theme::left()),
        NoteState::Saved => (note_taking::STATE_SAVED.get(lang), theme::ok()),
        NoteState::Rejected(_) => (note_taking::STATE_REJECTED.get(lang), theme::alert()),
        NoteState::TooLong => (note_taking::STATE_TOO_LONG.get(lang), theme::alert()),
    }
}

/// The timeline's row `index` as a line, and whether it is selected.
fn row_line(app: &JoinApp, index: usize) -> Option<(NoteLine, bool)> {
    let timeline = &app.timeline;
    let lang = app.lang;
    let people = app.people();
    let row = timeline.row(index)?;
    let mut line = match row {
        Row::Host(seq) => {
            let view = timeline.host_note(seq)?;
            match view.mine {
                Some(own) => {
                    // A correction on its way shows as it will stand, sending.
                    let (note, state) = match timeline.pending_correction(seq) {
                        Some((by, corrected)) => (corrected, timeline.state_of(by)),
                        None => (&view.note, timeline.state_of(own)),
                    };
                    note_line(
                        view.at,
                        &view.by,
                        note,
                        people,
                        lang,
                        Some(state_tag(&state, lang)),
                    )
                }
                None => note_line(view.at, &view.by, &view.note, people, lang, None),
            }
        }
        Row::Local(own) => {
            let local = timeline.local.get(&own)?;
            let state = timeline.state_of(own);
            let mut line = note_line(
                local.at,
                &Author::NoteTaker(app.name.clone()),
                &local.note,
                people,
                lang,
                Some(state_tag(&state, lang)),
            );
            if let NoteState::Rejected(why) = state {
                let why = refusals::refusal(&why, lang);
                line.push(
                    &format!(" {}", crate::i18n::parenthesised(&why, lang)),
                    theme::dim(),
                );
            }
            line
        }
    };
    if let Row::Host(seq) = row
        && let Some(view) = timeline.host_note(seq)
        && view.corrections > 0
    {
        line.push(note_taking::CORRECTED_MARK.get(lang), theme::dim());
    }
    Some((line, timeline.selected == Some(row)))
}

fn draw_timeline(app: &JoinApp, buf: &mut Buffer, area: Rect) {
    let timeline = &app.timeline;
    if timeline.is_empty() {
        put(buf, area, 0, 0, s::NO_NOTES.get(app.lang), theme::dim());
        return;
    }
    let len = timeline.len();
    let mut end = len - timeline.scroll.min(len - 1);
    // The selected note is always in view: at the bottom if it would not be.
    if let Some(selected) = timeline.selected.and_then(|r| timeline.index_of(r))
        && (selected >= end || !fits(app, selected, end, area))
    {
        end = selected + 1;
    }
    draw_newest_last(buf, area, (0..end).rev().filter_map(|i| row_line(app, i)));
    more_below(buf, area, len - end);
}

/// Whether rows `from..end` fit in the area whole.
fn fits(app: &JoinApp, from: usize, end: usize, area: Rect) -> bool {
    let h = usize::from(area.height);
    let mut rows = 0;
    for i in (from..end).rev() {
        let Some((line, _)) = row_line(app, i) else {
            continue;
        };
        rows += wrap(&line.text, usize::from(area.width)).len();
        if rows > h {
            return false;
        }
    }
    true
}

fn editor(app: &JoinApp, frame: &mut Frame, area: Rect) {
    let lang = app.lang;
    let editor = &app.editor;
    let speaker = editor
        .speaker
        .as_ref()
        .map_or(s::NO_SPEAKER.get(lang), |sp| {
            speaker_name(app.people(), sp, lang)
        });
    let typing = app.dialog.is_none() && app.help.is_none();
    let x = draw_editor(frame, area, editor, speaker, typing, None, lang);
    if app.correcting.is_some() {
        draw_correcting(frame.buffer_mut(), area, x, lang);
    }
}

fn dialog(app: &JoinApp, frame: &mut Frame, screen: Rect) {
    let Some(dialog) = &app.dialog else {
        return;
    };
    let lang = app.lang;
    let (title, rows) = match dialog {
        JoinDialog::Picker(picker) => (picker.purpose.question().get(lang), picker_rows(picker)),
        JoinDialog::DueDate { .. } => (s::ASK_DUE.get(lang), 1),
        JoinDialog::Code { .. } => (note_taking::ASK_JOIN_CODE.get(lang), 1),
    };
    let body = dialog_box(frame, screen, title, rows);
    let cursor = match dialog {
        JoinDialog::Picker(picker) => {
            let cursor = field(frame, body, 0, "> ", &picker.query, true);
            let list_h = usize::from(rows.saturating_sub(1));
            picker_list(frame.buffer_mut(), body, picker, app.people(), lang, list_h);
            cursor
        }
        JoinDialog::DueDate { editor, .. } | JoinDialog::Code { editor } => {
            field(frame, body, 0, "> ", editor, true)
        }
    };
    let hints = KEYS.hints(app.contexts());
    hints_row(frame.buffer_mut(), body, &hints, lang);
    if let Some(position) = cursor {
        frame.set_cursor_position(position);
    }
}

/// The contexts of the join screen, for tests of the key table.
pub const CONTEXTS: [Context; 6] = [
    Context::Everywhere,
    Context::Join,
    Context::Editing,
    Context::TextPrompt,
    Context::Picker,
    Context::Help,
];
