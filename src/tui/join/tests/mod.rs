//! The note-taker's screen, tested as a note-taker would use it: keys and link events
//! in, notes to submit and screens out.

mod keys;
mod link;
mod notes;
mod screens;

use std::path::Path;

use chrono::{FixedOffset, TimeZone};
use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::Color;

use super::action::JoinAction;
use super::app::{JoinApp, JoinDialog, NoteState, Row};
use super::keys::KEYS;
use super::update::{Effect, Input, handle};
use super::view;
use crate::domain::{
    Author, EventKind, ItemId, Lang, Meeting, MotionId, Note, NoteKind, PersonId, Seq, Speaker,
    Stamp, Text,
};
use crate::i18n::{note_taking, screen as s};
use crate::net::protocol::{MeetingView, NoteView, Update, Welcome};
use crate::net::{ClientEvent, ConnectionState};
use crate::tui::screen_text;
use crate::tui::shared::keys::{Context, Named, Shown};

// ---- helpers -------------------------------------------------------------------------

fn at(h: u32, m: u32, s: u32) -> Stamp {
    FixedOffset::east_opt(8 * 3600)
        .expect("UTC+8")
        .with_ymd_and_hms(2026, 12, 3, h, m, s)
        .single()
        .expect("a valid time")
}

/// The demo meeting under way: thirteen members in, the open-source item started and
/// its motion in a consensus round, two notes by the facilitator.
fn meeting() -> Meeting {
    let mut meeting =
        crate::store::load(Path::new("sessions/demo.ron")).expect("the demo session loads");
    let by = Author::Facilitator;
    let record = |m: &mut Meeting, minute: u32, kind: EventKind| {
        m.record(at(14, minute, 0), by.clone(), kind)
            .expect("the rules allow it");
    };
    record(&mut meeting, 0, EventKind::MeetingStarted);
    for id in [
        "cec-deputy",
        "cec-planning",
        "moi-household",
        "moica",
        "moda-digital-gov",
        "ndc-social",
        "civic-participation",
        "open-culture",
        "digital-rights",
        "digital-id-industry",
        "prof-direct-democracy",
        "prof-security",
        "prof-open-gov",
        "ey-office",
    ] {
        record(
            &mut meeting,
            1,
            EventKind::Arrived {
                person: PersonId::new(id),
            },
        );
    }
    record(
        &mut meeting,
        3,
        EventKind::ItemStarted {
            item: ItemId::new("discussion-open-source"),
        },
    );
    record(
        &mut meeting,
        5,
        EventKind::ConsensusRoundOpened {
            motion: MotionId::new("open-source"),
        },
    );
    meeting
}

fn person(id: &str) -> Speaker {
    Speaker::Person(PersonId::new(id))
}

/// The facilitator records `kind` at `stamp`.
fn record(meeting: &mut Meeting, stamp: Stamp, kind: EventKind) {
    meeting
        .record(stamp, Author::Facilitator, kind)
        .expect("the rules allow it");
}

/// The demo meeting with the floor taken: three minutes each on the item, 周明德
/// (civic-participation) and 楊惠婷 (prof-security) ask to speak, then 鄭凱文
/// (digital-rights) has the floor from 14:20.
fn meeting_with_the_floor() -> Meeting {
    let mut meeting = meeting();
    let item = ItemId::new("discussion-open-source");
    record(
        &mut meeting,
        at(14, 19, 0),
        EventKind::SpeakingLimitSet {
            item: item.clone(),
            seconds: 180,
        },
    );
    for id in ["civic-participation", "prof-security"] {
        record(
            &mut meeting,
            at(14, 19, 30),
            EventKind::SpeakerRequested {
                item: item.clone(),
                speaker: person(id),
            },
        );
    }
    record(
        &mut meeting,
        at(14, 20, 0),
        EventKind::SpeakingStarted {
            speaker: person("digital-rights"),
            request: None,
        },
    );
    meeting
}

/// The host shows the meeting as it stands now, in an update.
fn host_updates(app: &mut JoinApp, meeting: &Meeting) {
    handle(
        app,
        Input::Client(ClientEvent::Update(Box::new(Update {
            meeting: Some(MeetingView::of(meeting)),
            notes: Vec::new(),
            removed: Vec::new(),
        }))),
    );
}

fn said(speaker: &str, text: &str) -> Note {
    Note {
        speaker: Some(Speaker::Person(PersonId::new(speaker))),
        kind: NoteKind::Said,
        text: Text::new(text),
        item: Some(ItemId::new("discussion-open-source")),
    }
}

fn note_view(seq: u64, minute: u32, by: Author, note: Note, mine: Option<u64>) -> NoteView {
    NoteView {
        seq: Seq(seq),
        at: at(14, minute, 0),
        by,
        note: note.into(),
        corrections: 0,
        mine,
    }
}

fn welcome(notes: Vec<NoteView>) -> ClientEvent {
    ClientEvent::Welcome(Box::new(Welcome {
        protocol: crate::net::protocol::PROTOCOL_VERSION,
        meeting: MeetingView::of(&meeting()),
        notes,
    }))
}

/// A note-taker joined and welcomed, with a note by the facilitator already there.
fn joined() -> JoinApp {
    let mut app = JoinApp::new(
        "127.0.0.1:7878".into(),
        "書記".into(),
        at(14, 10, 0),
        Vec::new(),
    );
    handle(
        &mut app,
        Input::Client(ClientEvent::State(ConnectionState::Connected)),
    );
    handle(
        &mut app,
        Input::Client(welcome(vec![note_view(
            40,
            6,
            Author::Facilitator,
            said("civic-participation", "建議上線前三個月公開原始碼。"),
            None,
        )])),
    );
    app.message = None;
    app
}

fn key_event(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
    KeyEvent::new_with_kind(code, modifiers, KeyEventKind::Press)
}

fn press(app: &mut JoinApp, code: KeyCode) -> Vec<Effect> {
    handle(app, Input::Key(key_event(code, KeyModifiers::NONE)))
}

fn ctrl(app: &mut JoinApp, c: char) -> Vec<Effect> {
    handle(
        app,
        Input::Key(key_event(KeyCode::Char(c), KeyModifiers::CONTROL)),
    )
}

fn type_text(app: &mut JoinApp, text: &str) {
    for c in text.chars() {
        press(app, KeyCode::Char(c));
    }
}

/// Runs a key and what the loop does with its submits.
fn submit_with(
    app: &mut JoinApp,
    next_seq: &mut u64,
    key: impl FnOnce(&mut JoinApp) -> Vec<Effect>,
) -> Vec<EventKind> {
    let effects = key(app);
    run_submits(app, effects, next_seq)
}

/// What the loop does with a submit: the outbox numbers it, the screen hears back.
fn run_submits(app: &mut JoinApp, effects: Vec<Effect>, next_seq: &mut u64) -> Vec<EventKind> {
    let mut sent = Vec::new();
    for effect in effects {
        if let Effect::Submit { kind, from_editor } = effect {
            let seq = *next_seq;
            *next_seq += 1;
            sent.push((*kind).clone());
            handle(
                app,
                Input::Submitted {
                    seq,
                    kind: *kind,
                    from_editor,
                },
            );
        }
    }
    sent
}

/// The host records our note `own` as log event `seq` and shows it back.
fn host_shows(app: &mut JoinApp, seq: u64, own: u64, note: Note) {
    handle(
        app,
        Input::Client(ClientEvent::Update(Box::new(Update {
            meeting: None,
            notes: vec![note_view(
                seq,
                11,
                Author::NoteTaker("書記".into()),
                note,
                Some(own),
            )],
            removed: Vec::new(),
        }))),
    );
}

fn render(app: &JoinApp, w: u16, h: u16) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("a test terminal");
    terminal
        .draw(|frame| view::draw(app, frame))
        .expect("drawing never fails on a test backend");
    terminal.backend().buffer().clone()
}

fn find(buffer: &Buffer, needle: &str) -> Option<(u16, u16)> {
    let text = screen_text(buffer);
    for (y, line) in text.lines().enumerate() {
        if let Some(byte) = line.find(needle) {
            let x = crate::width::width(&line[..byte]);
            return Some((x as u16, y as u16));
        }
    }
    None
}
