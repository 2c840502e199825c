//! The facilitator's screen, tested as the meeting would use it: keys in, events and
//! screens out. Screens render into ratatui's `TestBackend`; colours are asserted
//! where they carry meaning, since snapshots hold only text.

mod attendance_agenda;
mod comments;
mod feedback;
mod follow_up;
mod keys;
mod motion;
mod mouse;
mod note_takers;
mod notes;
mod saving;
mod screens;
mod speakers;

use std::path::Path;

use chrono::{FixedOffset, TimeZone};
use crossterm::event::{
    KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};

use super::action::{Action, Panel};
use super::app::App;
use super::dialog::Dialog;
use super::keys::KEYS;
use super::layout;
use super::update::{Effect, Input, handle, update};
use super::view;
use crate::domain::{
    Ballot, Category, EventKind, Lang, Meeting, Member, Observer, Outcome, PersonId, Presence,
    Representative, SeatRole, Session, Speaker, Stage, Stamp, Tally, Text,
};
use crate::i18n::screen as s;
use crate::tui::screen_text;
use crate::tui::shared::action::Common;
use crate::tui::shared::keys::{Context, Named, Shown};
use crate::tui::shared::message::MessageKind;

// ---- helpers -------------------------------------------------------------------------

fn at(h: u32, m: u32, s: u32) -> Stamp {
    FixedOffset::east_opt(8 * 3600)
        .expect("UTC+8")
        .with_ymd_and_hms(2026, 12, 3, h, m, s)
        .single()
        .expect("a valid time")
}

fn demo_meeting() -> Meeting {
    crate::store::load(Path::new("sessions/demo.ron")).expect("the demo session loads")
}

fn demo() -> App {
    App::new(demo_meeting(), at(14, 0, 0))
}

fn key_event(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
    KeyEvent::new_with_kind(code, modifiers, KeyEventKind::Press)
}

fn press(app: &mut App, code: KeyCode) -> Vec<Effect> {
    handle(app, Input::Key(key_event(code, KeyModifiers::NONE)))
}

fn ch(app: &mut App, c: char) -> Vec<Effect> {
    press(app, KeyCode::Char(c))
}

fn ctrl(app: &mut App, c: char) -> Vec<Effect> {
    handle(
        app,
        Input::Key(key_event(KeyCode::Char(c), KeyModifiers::CONTROL)),
    )
}

/// Types text as an input method delivers it: one key event per character.
fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        ch(app, c);
    }
}

fn person(app: &App, id: &str) -> usize {
    app.state()
        .person_index(&PersonId::new(id))
        .expect("on the roster")
}

/// Selects a person in the attendance panel and toggles them, as Space does.
fn toggle(app: &mut App, id: &str) -> Vec<Effect> {
    let i = person(app, id);
    app.focus = Panel::Attendance;
    app.attendance.select_person(i);
    ch(app, ' ')
}

const DEMO_MEMBERS: [&str; 14] = [
    "cec-deputy",
    "cec-planning",
    "moi-household",
    "moica",
    "moda-digital-gov",
    "ndc-social",
    "nics",
    "civic-participation",
    "open-culture",
    "digital-rights",
    "digital-id-industry",
    "prof-direct-democracy",
    "prof-security",
    "prof-open-gov",
];

/// Ten members in the room, five a side.
fn ten_present(app: &mut App) {
    for id in DEMO_MEMBERS[..5].iter().chain(&DEMO_MEMBERS[7..12]) {
        toggle(app, id);
    }
    assert_eq!(app.state().present_members().total(), 10);
}

fn select_item(app: &mut App, id: &str) {
    let i = app
        .state()
        .item_position(&crate::domain::ItemId::new(id))
        .expect("on the agenda");
    app.focus = Panel::Agenda;
    app.agenda.select_item(i);
}

fn start_item(app: &mut App, id: &str) {
    select_item(app, id);
    press(app, KeyCode::Enter);
    assert_eq!(
        app.state().current_item().map(|i| i.item.id.0.as_str()),
        Some(id)
    );
}

/// Adds someone to the queue, as `a` and the picker do, by part of their name.
fn ask_to_speak(app: &mut App, name: &str) {
    app.focus = Panel::Speakers;
    ch(app, 'a');
    type_text(app, name);
    press(app, KeyCode::Enter);
    assert!(app.dialog.is_none(), "{}", message_text(app));
}

fn open_source(app: &App) -> &crate::domain::MotionState {
    app.state()
        .motion(&crate::domain::MotionId::new("open-source"))
        .expect("the demo's motion")
}

/// The meeting's minutes as Markdown, in `languages`.
fn minutes_markdown(app: &App, languages: crate::minutes::Languages) -> String {
    let minutes =
        crate::minutes::minutes(&app.meeting, crate::minutes::Format::Markdown, languages)
            .expect("minutes");
    String::from_utf8(minutes.bytes).expect("UTF-8")
}

fn render(app: &App, w: u16, h: u16) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("a test terminal");
    terminal
        .draw(|frame| view::draw(app, frame))
        .expect("drawing never fails on a test backend");
    terminal.backend().buffer().clone()
}

/// What the message line says now (empty when nothing).
fn message_text(app: &App) -> String {
    app.message
        .as_ref()
        .map(|m| m.text.clone())
        .unwrap_or_default()
}

/// The cell position where `needle` starts on screen, counting columns.
fn find(buffer: &Buffer, needle: &str) -> Option<(u16, u16)> {
    find_in_rows(buffer, needle, buffer.area.top()..buffer.area.bottom())
}

/// The cell position where `needle` starts in `rows`, counting columns.
fn find_in_rows(buffer: &Buffer, needle: &str, rows: std::ops::Range<u16>) -> Option<(u16, u16)> {
    let area = buffer.area;
    for y in rows {
        // Row text with, for each char, the column it starts at.
        let mut row = String::new();
        let mut columns = Vec::new();
        let mut skip = 0;
        for x in area.left()..area.right() {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let symbol = buffer[(x, y)].symbol();
            for c in symbol.chars() {
                row.push(c);
                columns.push(x);
            }
            skip = crate::width::width(symbol).saturating_sub(1);
        }
        if let Some(byte) = row.find(needle) {
            let index = row[..byte].chars().count();
            return Some((columns[index], y));
        }
    }
    None
}

fn the_motion_through_failed_consensus(app: &mut App) {
    ten_present(app);
    start_item(app, "discussion-open-source");
    app.focus = Panel::Motion;
    ch(app, 'c');
    assert_eq!(open_source(app).stage, Stage::ConsensusRound);
    // An objection: pick the speaker by typing part of the name, then the reason.
    ch(app, 'o');
    type_text(app, "鄭凱");
    press(app, KeyCode::Enter);
    type_text(app, "原始碼公開時程太趕");
    press(app, KeyCode::Enter);
    // A reservation that does not block.
    ch(app, 'r');
    type_text(app, "許雅");
    press(app, KeyCode::Enter);
    type_text(app, "授權條款待確認");
    press(app, KeyCode::Enter);
    ch(app, 'e');
    assert_eq!(open_source(app).stage, Stage::ConsensusFailed);
}

/// A meeting under way, for the screenshots: arrivals, an item, a motion in its
/// consensus round with an objection, notes.
fn meeting_under_way() -> App {
    let mut app = demo();
    app.focus = Panel::Agenda;
    ch(&mut app, 'b');
    for id in DEMO_MEMBERS[..6].iter().chain(&DEMO_MEMBERS[7..14]) {
        toggle(&mut app, id);
    }
    toggle(&mut app, "ey-office");
    let nics = person(&app, "nics");
    app.attendance.select_person(nics);
    ch(&mut app, 'e');
    app.now = at(14, 3, 0);
    start_item(&mut app, "discussion-open-source");
    app.focus = Panel::Motion;
    ch(&mut app, 'c');
    ch(&mut app, 'o');
    type_text(&mut app, "鄭凱");
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, "時程太趕");
    press(&mut app, KeyCode::Enter);
    // Three ask to speak; the first has spoken 2:05 of her three minutes.
    app.now = at(14, 29, 0);
    ch(&mut app, '5');
    for name in ["許雅", "周明", "林志"] {
        ask_to_speak(&mut app, name);
    }
    ch(&mut app, 'n');
    ch(&mut app, '4');
    ctrl(&mut app, 'p');
    type_text(&mut app, "周明");
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, "建議上線前三個月公開原始碼。");
    press(&mut app, KeyCode::Enter);
    ctrl(&mut app, 'n');
    app.now = at(14, 31, 5);
    app.save.saved = app.save.recorded;
    app
}
