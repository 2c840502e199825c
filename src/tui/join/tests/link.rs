//! The link: refusals, the host gone, a wrong code, acknowledgements, quitting.

use super::*;

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
        (
            7,
            EventKind::NoteAdded(said("moica", "上次沒送出的").into()),
        ),
        (8, EventKind::NoteAdded(said("moica", "還有這則").into())),
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

#[test]
fn a_host_with_no_room_is_said_to_be_full_not_gone() {
    use crate::net::NoRoom;
    let mut app = joined();
    let full = ConnectionState::NoRoom { why: NoRoom::Full };
    handle(&mut app, Input::Client(ClientEvent::State(full.clone())));
    let screen = screen_text(&render(&app, 100, 24));
    assert!(screen.contains("主持端已滿"), "{screen}");
    assert!(!screen.contains("主持端離線"), "{screen}");
    assert!(
        screen.contains("紀錄人員已達上限"),
        "the message says why: {screen}"
    );
    // Each retry is not news; F5 tries at once.
    app.message = None;
    handle(
        &mut app,
        Input::Client(ClientEvent::State(ConnectionState::Connecting)),
    );
    handle(&mut app, Input::Client(ClientEvent::State(full)));
    assert_eq!(app.message, None);
    assert!(screen_text(&render(&app, 100, 24)).contains("主持端已滿"));
    assert_eq!(press(&mut app, KeyCode::F(5)), vec![Effect::Reconnect]);

    handle(
        &mut app,
        Input::Client(ClientEvent::State(ConnectionState::NoRoom {
            why: NoRoom::Busy,
        })),
    );
    assert!(screen_text(&render(&app, 100, 24)).contains("主持端忙碌"));
}

#[test]
fn joining_a_full_host_says_it_is_full_not_that_nobody_is_listening() {
    use crate::net::NoRoom;
    use crate::tui::join::first_news;
    let full = ConnectionState::NoRoom { why: NoRoom::Full };
    let Some(Err(error)) = first_news(&full, "192.168.1.20:7878", "K7QM-4TXP", 0) else {
        panic!("stops before the screen");
    };
    let said = error.to_string();
    assert!(said.contains("192.168.1.20:7878 is full"), "{said}");
    assert!(said.contains("disconnect one"), "{said}");
    assert!(!said.contains("Roundtable running"), "{said}");
    let busy = ConnectionState::NoRoom { why: NoRoom::Busy };
    let Some(Err(error)) = first_news(&busy, "192.168.1.20:7878", "K7QM-4TXP", 0) else {
        panic!("stops before the screen");
    };
    assert!(error.to_string().contains("busy"), "{error}");
    // With notes from before waiting, the screen opens to show them and keeps trying.
    assert!(matches!(
        first_news(&full, "192.168.1.20:7878", "K7QM-4TXP", 2),
        Some(Ok(()))
    ));
}
