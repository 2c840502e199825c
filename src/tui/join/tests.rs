//! The note-taker's screen, tested as a note-taker would use it: keys and link events
//! in, notes to submit and screens out.

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
        note,
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
            let x = crate::tui::shared::text::width(&line[..byte]);
            return Some((x as u16, y as u16));
        }
    }
    None
}

// ---- taking notes ----------------------------------------------------------------------

#[test]
fn a_note_typed_in_chinese_is_kept_then_shown_sending_then_saved_by_the_host() {
    let mut app = joined();
    type_text(&mut app, "支持分階段上線");
    let effects = press(&mut app, KeyCode::Enter);
    let [Effect::Submit { kind, from_editor }] = effects.as_slice() else {
        panic!("one note to submit: {effects:?}");
    };
    assert!(from_editor);
    let EventKind::NoteAdded(note) = kind.as_ref().clone() else {
        panic!("a new note: {kind:?}");
    };
    assert_eq!(note.text.text, "支持分階段上線");
    assert_eq!(
        note.item,
        Some(ItemId::new("discussion-open-source")),
        "the item under way, as the host said"
    );
    // The line is free for the next note at once; the note is held until the outbox
    // has it (the outbox's fsync runs in a task, so a slow disk never holds the screen).
    assert!(app.editor.input.is_empty());
    assert_eq!(app.in_flight.len(), 1);
    assert_eq!(app.in_flight[0].editor.input.as_str(), "支持分階段上線");
    let mut seq = 1;
    run_submits(&mut app, effects, &mut seq);
    assert!(app.editor.input.is_empty());
    assert!(app.in_flight.is_empty());
    assert_eq!(app.timeline.local.len(), 1);
    assert_eq!(app.timeline.state_of(1), NoteState::Sending);
    let screen = screen_text(&render(&app, 80, 24));
    assert!(screen.contains("…傳送 支持分階段上線"), "{screen}");

    // The host records it (the note comes back as ours), then saves it.
    host_shows(&mut app, 41, 1, note.clone());
    assert!(app.timeline.local.is_empty());
    assert_eq!(app.timeline.state_of(1), NoteState::Sending);
    handle(&mut app, Input::Client(ClientEvent::Acked { through: 1 }));
    assert_eq!(app.timeline.state_of(1), NoteState::Saved);
    let buffer = render(&app, 80, 24);
    let (x, y) = find(&buffer, "✓已存 支持分階段上線").expect("saved, in words");
    assert_eq!(buffer[(x, y)].fg, Color::Green);
}

#[test]
fn the_speaker_picker_finds_a_member_by_two_chinese_characters() {
    let mut app = joined();
    ctrl(&mut app, 'p');
    type_text(&mut app, "鄭凱");
    let Some(JoinDialog::Picker(picker)) = &app.dialog else {
        panic!("the picker is open");
    };
    assert!(picker.rows.len() >= 2, "鄭凱文 and the typed name");
    let screen = screen_text(&render(&app, 80, 24));
    assert!(screen.contains("鄭凱文"), "{screen}");
    press(&mut app, KeyCode::Enter);
    assert_eq!(
        app.editor.speaker,
        Some(Speaker::Person(PersonId::new("digital-rights")))
    );
    // An observer is there to pick too, and a name not on the roster.
    ctrl(&mut app, 'p');
    type_text(&mut app, "何家");
    press(&mut app, KeyCode::Enter);
    assert_eq!(
        app.editor.speaker,
        Some(Speaker::Person(PersonId::new("ey-office")))
    );
    ctrl(&mut app, 'p');
    type_text(&mut app, "陳先生");
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.editor.speaker, Some(Speaker::Named("陳先生".into())));
}

#[test]
fn an_action_item_asks_for_its_owner_and_due_date() {
    let mut app = joined();
    ctrl(&mut app, 'k');
    ctrl(&mut app, 'k');
    type_text(&mut app, "提供資安檢測報告");
    assert!(press(&mut app, KeyCode::Enter).is_empty(), "asks first");
    type_text(&mut app, "楊惠");
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, "2026/12/31");
    assert!(press(&mut app, KeyCode::Enter).is_empty(), "not a date");
    assert!(app.message.is_some());
    for _ in 0.."2026/12/31".len() {
        press(&mut app, KeyCode::Backspace);
    }
    type_text(&mut app, "2026-12-31");
    let effects = press(&mut app, KeyCode::Enter);
    let Some(Effect::Submit { kind, .. }) = effects.first() else {
        panic!("submitted: {effects:?}");
    };
    let EventKind::NoteAdded(note) = kind.as_ref() else {
        panic!("a note");
    };
    assert_eq!(
        note.kind,
        NoteKind::Action {
            owner: Some(Speaker::Person(PersonId::new("prof-security"))),
            due: chrono::NaiveDate::from_ymd_opt(2026, 12, 31),
        }
    );
    let mut seq = 1;
    run_submits(&mut app, effects, &mut seq);
    assert!(app.dialog.is_none());
    assert!(app.editor.input.is_empty());
}

#[test]
fn quick_narratives_and_english_go_at_once_and_leave_the_line_alone() {
    let mut app = joined();
    type_text(&mut app, "打到一半");
    let effects = ctrl(&mut app, 'n');
    let mut seq = 1;
    let sent = run_submits(&mut app, effects, &mut seq);
    let [EventKind::NoteAdded(note)] = sent.as_slice() else {
        panic!("one narrative: {sent:?}");
    };
    assert_eq!(note.kind, NoteKind::Narrative);
    assert_eq!(
        note.text,
        Text::bilingual(s::NO_OBJECTION_NARRATIVE, s::NO_OBJECTION_NARRATIVE_EN)
    );
    assert_eq!(
        app.editor.input.as_str(),
        "打到一半",
        "what was typed stays"
    );
    let sent = submit_with(&mut app, &mut seq, |a| ctrl(a, 't'));
    assert!(matches!(&sent[0], EventKind::NoteAdded(n) if n.text.text == s::NODDING_NARRATIVE));

    ctrl(&mut app, 'e');
    type_text(&mut app, "Half way");
    let sent = submit_with(&mut app, &mut seq, |a| press(a, KeyCode::Enter));
    let [EventKind::NoteAdded(note)] = sent.as_slice() else {
        panic!("one note: {sent:?}");
    };
    assert_eq!(note.text, Text::bilingual("打到一半", "Half way"));
}

#[test]
fn correcting_ones_own_note_sends_a_correction_and_gives_back_the_line() {
    let mut app = joined();
    let mut seq = 1;
    type_text(&mut app, "原始碼上線後公開");
    submit_with(&mut app, &mut seq, |a| press(a, KeyCode::Enter));
    host_shows(&mut app, 41, 1, said("digital-rights", "原始碼上線後公開"));
    handle(&mut app, Input::Client(ClientEvent::Acked { through: 1 }));

    type_text(&mut app, "下一則");
    // Up selects our newest note, never the facilitator's.
    press(&mut app, KeyCode::Up);
    assert_eq!(app.timeline.selected, Some(Row::Host(Seq(41))));
    press(&mut app, KeyCode::Up);
    assert_eq!(
        app.timeline.selected,
        Some(Row::Host(Seq(41))),
        "the only one"
    );
    ctrl(&mut app, 'r');
    assert_eq!(app.editor.input.as_str(), "原始碼上線後公開");
    assert_eq!(
        app.editor.speaker,
        Some(Speaker::Person(PersonId::new("digital-rights")))
    );
    assert!(screen_text(&render(&app, 80, 24)).contains("更正中"));
    press(&mut app, KeyCode::End);
    type_text(&mut app, "前三個月");
    let effects = press(&mut app, KeyCode::Enter);
    let sent = run_submits(&mut app, effects, &mut seq);
    let [EventKind::NoteCorrected { note, corrected }] = sent.as_slice() else {
        panic!("a correction: {sent:?}");
    };
    assert_eq!(*note, Seq(41));
    assert_eq!(corrected.text.text, "原始碼上線後公開前三個月");
    assert_eq!(corrected.item, Some(ItemId::new("discussion-open-source")));
    // What was being typed comes back; the note shows as corrected, sending.
    assert_eq!(app.editor.input.as_str(), "下一則");
    assert!(app.correcting.is_none());
    let screen = screen_text(&render(&app, 80, 24));
    assert!(
        screen.contains("…傳送 鄭凱文：原始碼上線後公開前三個月"),
        "{screen}"
    );
}

#[test]
fn a_correction_the_outbox_cannot_keep_goes_back_to_correcting() {
    let mut app = joined();
    let mut seq = 1;
    type_text(&mut app, "第一則");
    submit_with(&mut app, &mut seq, |a| press(a, KeyCode::Enter));
    host_shows(&mut app, 41, 1, said("moica", "第一則"));
    type_text(&mut app, "打字中");
    press(&mut app, KeyCode::Up);
    ctrl(&mut app, 'r');
    type_text(&mut app, "更正");
    press(&mut app, KeyCode::Enter);
    // Back to what was being typed while the correction is kept...
    assert_eq!(app.editor.input.as_str(), "打字中");
    assert!(app.correcting.is_none());
    // ...but the outbox cannot keep it: correcting again, the line set aside again.
    handle(
        &mut app,
        Input::SubmitFailed {
            error: "disk full".into(),
            from_editor: true,
        },
    );
    assert_eq!(app.editor.input.as_str(), "第一則更正");
    let correcting = app.correcting.as_ref().expect("correcting again");
    assert_eq!(correcting.note, Seq(41));
    assert_eq!(correcting.set_aside.input.as_str(), "打字中");
}

#[test]
fn escape_drops_a_correction_and_the_line_comes_back() {
    let mut app = joined();
    let mut seq = 1;
    type_text(&mut app, "第一則");
    submit_with(&mut app, &mut seq, |a| press(a, KeyCode::Enter));
    host_shows(&mut app, 41, 1, said("moica", "第一則"));
    type_text(&mut app, "打字中");
    press(&mut app, KeyCode::Up);
    ctrl(&mut app, 'r');
    assert_eq!(app.editor.input.as_str(), "第一則");
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.editor.input.as_str(), "打字中");
    assert!(app.correcting.is_none());
}

#[test]
fn a_note_not_yet_at_the_host_cannot_be_corrected_yet() {
    let mut app = joined();
    let mut seq = 1;
    type_text(&mut app, "尚未送達");
    submit_with(&mut app, &mut seq, |a| press(a, KeyCode::Enter));
    press(&mut app, KeyCode::Up);
    assert_eq!(app.timeline.selected, Some(Row::Local(1)));
    ctrl(&mut app, 'r');
    assert!(app.correcting.is_none());
    let message = app.message.as_ref().expect("says why");
    assert_eq!(message.text, note_taking::NOT_AT_HOST_YET.zh);
    // When the host shows it, the selection follows it there.
    host_shows(&mut app, 41, 1, said("moica", "尚未送達"));
    assert_eq!(app.timeline.selected, Some(Row::Host(Seq(41))));
}

#[test]
fn a_note_the_host_refuses_says_why_and_stays_on_screen() {
    let mut app = joined();
    let mut seq = 1;
    type_text(&mut app, "被拒絕的紀錄");
    submit_with(&mut app, &mut seq, |a| press(a, KeyCode::Enter));
    handle(
        &mut app,
        Input::Client(ClientEvent::Rejected {
            seq: 1,
            reason: crate::domain::DomainError::UnknownItem(crate::domain::ItemId::new("gone")),
        }),
    );
    handle(&mut app, Input::Client(ClientEvent::Acked { through: 1 }));
    assert_eq!(
        app.timeline.state_of(1),
        NoteState::Rejected(crate::domain::DomainError::UnknownItem(
            crate::domain::ItemId::new("gone")
        ))
    );
    let screen = screen_text(&render(&app, 100, 24));
    assert!(screen.contains("✗退回 被拒絕的紀錄"), "{screen}");
    assert!(screen.contains("主持端未接受"), "{screen}");
    // The refusal came as a code: a Chinese note-taker reads it in Chinese.
    assert!(screen.contains("沒有議程「gone」"), "{screen}");
    assert!(!screen.contains("no agenda item"), "{screen}");
}

#[test]
fn a_note_the_outbox_cannot_keep_comes_back_to_the_line_with_what_was_typed_since() {
    let mut app = joined();
    type_text(&mut app, "第一則");
    let effects = press(&mut app, KeyCode::Enter);
    assert_eq!(effects.len(), 1, "one note to keep");
    // The note-taker goes on typing while the disk is slow, then the disk is full.
    type_text(&mut app, "第二則");
    handle(
        &mut app,
        Input::SubmitFailed {
            error: "disk full".into(),
            from_editor: true,
        },
    );
    assert_eq!(app.editor.input.as_str(), "第一則 第二則");
    assert!(app.in_flight.is_empty());
    let message = app.message.as_ref().expect("says so");
    assert!(message.text.contains("disk full"), "{}", message.text);
}

#[test]
fn with_the_host_gone_the_screen_says_so_and_keeps_taking_notes() {
    let mut app = joined();
    handle(
        &mut app,
        Input::Client(ClientEvent::State(ConnectionState::HostGone {
            reason: "cannot reach the host".into(),
        })),
    );
    let buffer = render(&app, 80, 24);
    let (x, y) = find(&buffer, "主持端離線").expect("shown");
    assert_eq!(buffer[(x, y)].bg, Color::Red);
    // The link retries; the screen keeps saying the host is gone until it is back.
    handle(
        &mut app,
        Input::Client(ClientEvent::State(ConnectionState::Connecting)),
    );
    assert!(screen_text(&render(&app, 80, 24)).contains("主持端離線"));
    type_text(&mut app, "離線時的紀錄");
    let mut seq = 1;
    let sent = submit_with(&mut app, &mut seq, |a| press(a, KeyCode::Enter));
    assert_eq!(sent.len(), 1);
    let screen = screen_text(&render(&app, 80, 24));
    assert!(screen.contains("…傳送 離線時的紀錄"), "{screen}");
    assert!(screen.contains("待主持端儲存 1 則"), "{screen}");
    // F5 tries at once.
    assert_eq!(press(&mut app, KeyCode::F(5)), vec![Effect::Reconnect]);
}

#[test]
fn a_wrong_code_asks_for_the_new_one_typed_in_any_case() {
    let mut app = joined();
    handle(
        &mut app,
        Input::Client(ClientEvent::State(ConnectionState::WrongCode)),
    );
    assert!(screen_text(&render(&app, 80, 24)).contains("代碼錯誤"));
    assert!(
        view::footer_hints(&app)
            .iter()
            .any(|b| b.action == JoinAction::EnterJoinCode)
    );
    ctrl(&mut app, 'o');
    type_text(&mut app, "k7qm4tx");
    assert!(
        press(&mut app, KeyCode::Enter).is_empty(),
        "seven characters"
    );
    type_text(&mut app, "p");
    let effects = press(&mut app, KeyCode::Enter);
    assert_eq!(
        effects,
        vec![Effect::SetCode("K7QM-4TXP".parse().expect("a code"))]
    );
    assert!(app.dialog.is_none());
    assert_eq!(app.connection, ConnectionState::Connecting);
}

#[test]
fn notes_left_in_the_outbox_by_a_previous_run_show_as_sending() {
    let pending = vec![
        (7, EventKind::NoteAdded(said("moica", "上次沒送出的"))),
        (8, EventKind::NoteAdded(said("moica", "還有這則"))),
    ];
    let mut app = JoinApp::new(
        "127.0.0.1:7878".into(),
        "書記".into(),
        at(14, 0, 0),
        pending,
    );
    assert_eq!(app.unsaved(), 2);
    // The host had 7 already (the resend is a duplicate): its welcome shows it as
    // ours, and the acknowledgement settles both.
    handle(
        &mut app,
        Input::Client(welcome(vec![note_view(
            41,
            9,
            Author::NoteTaker("書記".into()),
            said("moica", "上次沒送出的"),
            Some(7),
        )])),
    );
    assert_eq!(app.timeline.local.len(), 1);
    handle(&mut app, Input::Client(ClientEvent::Acked { through: 8 }));
    assert_eq!(app.unsaved(), 0);
}

#[test]
fn whatever_the_host_acknowledges_the_screen_does_not_panic() {
    let mut app = joined();
    let mut seq = 1;
    type_text(&mut app, "一則");
    submit_with(&mut app, &mut seq, |a| press(a, KeyCode::Enter));
    for through in [0, u64::MAX] {
        handle(&mut app, Input::Client(ClientEvent::Acked { through }));
    }
    assert_eq!(app.unsaved(), 0);
    handle(
        &mut app,
        Input::Client(ClientEvent::Rejected {
            seq: u64::MAX,
            reason: crate::domain::DomainError::AlreadyPresent("\u{1b}[2J".into()),
        }),
    );
    render(&app, 80, 24);
}

#[test]
fn a_note_undone_on_the_host_leaves_the_timeline() {
    let mut app = joined();
    handle(
        &mut app,
        Input::Client(ClientEvent::Update(Box::new(Update {
            meeting: None,
            notes: Vec::new(),
            removed: vec![Seq(40)],
        }))),
    );
    assert!(app.timeline.is_empty());
}

#[test]
fn quitting_with_notes_not_yet_saved_warns_once() {
    let mut app = joined();
    assert_eq!(ctrl(&mut app, 'c'), vec![Effect::Quit], "nothing to lose");
    let mut app = joined();
    let mut seq = 1;
    type_text(&mut app, "未存");
    submit_with(&mut app, &mut seq, |a| press(a, KeyCode::Enter));
    assert!(ctrl(&mut app, 'c').is_empty());
    assert!(
        app.message
            .as_ref()
            .is_some_and(|m| m.text.contains("1 則"))
    );
    assert_eq!(ctrl(&mut app, 'q'), vec![Effect::Quit]);
}

#[test]
fn letters_are_always_text_and_the_language_switches_with_f2() {
    let mut app = joined();
    type_text(&mut app, "q?l");
    assert_eq!(app.editor.input.as_str(), "q?l");
    press(&mut app, KeyCode::F(2));
    assert_eq!(app.lang, Lang::En);
    let screen = screen_text(&render(&app, 80, 24));
    assert!(screen.contains("connected ✓"), "{screen}");
}

// ---- the key table ---------------------------------------------------------------------

#[test]
fn no_key_is_bound_twice_in_one_context_of_the_join_table() {
    assert_eq!(KEYS.bound_twice(), Vec::<String>::new());
}

#[test]
fn every_join_binding_is_in_its_help_and_every_hint_in_a_footer() {
    for lang in [Lang::ZhTw, Lang::En] {
        let help: Vec<String> = view::help_lines(lang).into_iter().map(|(t, _)| t).collect();
        for binding in KEYS.rows() {
            let keys = binding.keys_label();
            let label = binding.action.name().get(lang);
            assert!(
                help.iter().any(|l| l.contains(&keys) && l.contains(label)),
                "{keys} {label} is missing from the note-taker's help"
            );
        }
    }
    for binding in KEYS.rows().iter().filter(|b| b.shown == Shown::Footer) {
        assert!(view::CONTEXTS.contains(&binding.context));
        let hints = KEYS.hints(&[binding.context]);
        assert!(hints.iter().any(|h| h.action == binding.action));
    }
    // The note-taker's help says nothing of the facilitator's keys.
    let help = view::help_lines(Lang::En);
    assert!(!help.iter().any(|(l, _)| l.contains("consensus round")));
    assert!(
        KEYS.help_groups()
            .iter()
            .all(|(c, _)| *c != Context::Motion)
    );
}

// ---- screens ---------------------------------------------------------------------------

/// A note-taker some minutes in: the facilitator's note, others' and ours (saved, on
/// its way, and one the host has not shown yet).
fn taking_notes() -> JoinApp {
    let mut app = joined();
    handle(
        &mut app,
        Input::Client(ClientEvent::Update(Box::new(Update {
            meeting: None,
            notes: vec![note_view(
                42,
                8,
                Author::NoteTaker("王小明".into()),
                said("digital-rights", "時程太趕，建議延後一季。"),
                None,
            )],
            removed: Vec::new(),
        }))),
    );
    let mut seq = 1;
    type_text(&mut app, "同意第三方資安檢測，報告摘要應公開。");
    ctrl(&mut app, 'p');
    type_text(&mut app, "楊惠");
    press(&mut app, KeyCode::Enter);
    submit_with(&mut app, &mut seq, |a| press(a, KeyCode::Enter));
    host_shows(
        &mut app,
        43,
        1,
        said("prof-security", "同意第三方資安檢測，報告摘要應公開。"),
    );
    handle(&mut app, Input::Client(ClientEvent::Acked { through: 1 }));
    submit_with(&mut app, &mut seq, |a| ctrl(a, 't'));
    host_shows(
        &mut app,
        44,
        2,
        Note {
            speaker: None,
            kind: NoteKind::Narrative,
            text: Text::bilingual(s::NODDING_NARRATIVE, s::NODDING_NARRATIVE_EN),
            item: Some(ItemId::new("discussion-open-source")),
        },
    );
    type_text(&mut app, "主席裁示：請中選會於下次會議報告期程。");
    submit_with(&mut app, &mut seq, |a| press(a, KeyCode::Enter));
    type_text(&mut app, "吳佩珊：國發會");
    app.now = at(14, 31, 5);
    app.message = None;
    app
}

#[test]
fn the_note_takers_screen_at_80_by_24_in_chinese() {
    let app = taking_notes();
    insta::assert_snapshot!(screen_text(&render(&app, 80, 24)));
}

#[test]
fn the_note_takers_screen_at_100_by_30_in_english_with_the_host_gone() {
    let mut app = taking_notes();
    app.lang = Lang::En;
    handle(
        &mut app,
        Input::Client(ClientEvent::State(ConnectionState::HostGone {
            reason: "no word from the host".into(),
        })),
    );
    insta::assert_snapshot!(screen_text(&render(&app, 100, 30)));
}

#[test]
fn the_note_takers_help_at_80_by_24() {
    let mut app = taking_notes();
    press(&mut app, KeyCode::F(1));
    insta::assert_snapshot!(screen_text(&render(&app, 80, 24)));
}

#[test]
fn the_note_takers_screen_before_the_welcome_and_when_too_small() {
    let app = JoinApp::new(
        "192.168.1.20:7878".into(),
        "書記".into(),
        at(14, 0, 0),
        Vec::new(),
    );
    let screen = screen_text(&render(&app, 80, 24));
    assert!(screen.contains("192.168.1.20:7878"), "{screen}");
    assert!(screen.contains("連線中"), "{screen}");
    let small = screen_text(&render(&app, 60, 20));
    assert!(small.contains("視窗太小"), "{small}");
    for (w, h) in [(0, 0), (1, 1), (200, 3), (3, 200)] {
        render(&taking_notes(), w, h);
    }
}

#[test]
fn the_selected_note_stays_in_view_however_far_back() {
    let mut app = joined();
    let mut seq = 1;
    type_text(&mut app, "最早的一則");
    submit_with(&mut app, &mut seq, |a| press(a, KeyCode::Enter));
    host_shows(&mut app, 41, 1, said("moica", "最早的一則"));
    let others: Vec<NoteView> = (0..40)
        .map(|n| {
            note_view(
                50 + n,
                12,
                Author::Facilitator,
                said("cec-deputy", &format!("主持人的第 {n} 則")),
                None,
            )
        })
        .collect();
    handle(
        &mut app,
        Input::Client(ClientEvent::Update(Box::new(Update {
            meeting: None,
            notes: others,
            removed: Vec::new(),
        }))),
    );
    assert!(!screen_text(&render(&app, 80, 24)).contains("最早的一則"));
    press(&mut app, KeyCode::Up);
    let screen = screen_text(&render(&app, 80, 24));
    assert!(screen.contains("最早的一則"), "{screen}");
    press(&mut app, KeyCode::Down);
    assert_eq!(app.timeline.selected, None, "past the newest: none");
}

#[test]
fn timeline_rows_are_the_hosts_notes_then_ours_in_order_from_either_end() {
    let mut app = joined();
    let mut seq = 1;
    for n in 0..7 {
        type_text(&mut app, &format!("本機 {n}"));
        submit_with(&mut app, &mut seq, |a| press(a, KeyCode::Enter));
    }
    let timeline = &app.timeline;
    assert_eq!(timeline.len(), 8);
    assert_eq!(timeline.row(0), Some(Row::Host(Seq(40))));
    for i in 1..8 {
        let row = timeline.row(i).expect("a row");
        assert_eq!(row, Row::Local(i as u64));
        assert_eq!(timeline.index_of(row), Some(i));
    }
    assert_eq!(timeline.row(8), None);
}
