//! The note-taker link on the facilitator's screen.

use super::*;

fn listening() -> App {
    let mut app = meeting_under_way();
    app.link = Some(crate::tui::facilitator::link_panel::LinkPanel::new(
        "127.0.0.1:7878".into(),
        "K7QM-4TXP".parse().expect("a code"),
    ));
    app
}

fn note_taker(client: &str, name: &str) -> crate::net::NoteTakerLink {
    crate::net::NoteTakerLink {
        client: client.into(),
        name: name.into(),
        peer: "127.0.0.1:50000".into(),
    }
}

fn link(app: &mut App, input: crate::tui::facilitator::link_panel::LinkInput) -> Vec<Effect> {
    handle(app, Input::Link(input))
}

#[test]
fn a_note_takers_note_is_shown_with_their_name_and_handed_to_the_saver() {
    use crate::tui::facilitator::link_panel::LinkInput;
    let mut app = listening();
    // The host hands the note over; `update` records it from its origin, like any
    // change, and tells the host what came of it.
    let note = crate::domain::Note {
        speaker: Some(Speaker::Person(PersonId::new("digital-rights"))),
        kind: crate::domain::NoteKind::Said,
        text: Text::new("建議延後一季"),
        item: app.state().current_item().map(|i| i.item.id.clone()),
    };
    let origin = crate::domain::Origin {
        client: "c1".into(),
        seq: 1,
    };
    app.now = at(14, 32, 0);
    let request = crate::net::NoteRequest {
        origin: origin.clone(),
        name: "書記".into(),
        kind: EventKind::NoteAdded(note.into()),
    };
    let effects = link(&mut app, LinkInput::Note(Box::new(request.clone())));
    let event = app.meeting.session().log.last().expect("recorded").clone();
    assert_eq!(event.by, crate::domain::Author::NoteTaker("書記".into()));
    assert_eq!(event.origin.as_ref(), Some(&origin));
    let settled = crate::net::NoteSettled::Recorded(event.seq);
    assert_eq!(
        effects,
        vec![
            Effect::Save(Box::new(event)),
            Effect::Link(crate::tui::facilitator::link_panel::LinkCommand::Settle {
                origin,
                settled
            }),
        ]
    );
    assert!(!app.save.is_saved(), "saving until the saver says so");
    let screen = screen_text(&render(&app, 120, 40));
    assert!(screen.contains("✎書記 鄭凱文：建議延後一季"), "{screen}");
}

#[test]
fn a_note_takers_note_sent_twice_or_refused_is_settled_with_the_host_not_saved_again() {
    use crate::net::{NoteRequest, NoteSettled};
    use crate::tui::facilitator::link_panel::{LinkCommand, LinkInput};
    let mut app = listening();
    let origin = crate::domain::Origin {
        client: "c1".into(),
        seq: 1,
    };
    let note = crate::domain::Note {
        speaker: None,
        kind: crate::domain::NoteKind::Said,
        text: Text::new("一則"),
        item: None,
    };
    let request = NoteRequest {
        origin: origin.clone(),
        name: "書記".into(),
        kind: EventKind::NoteAdded(note.into()),
    };
    link(&mut app, LinkInput::Note(Box::new(request.clone())));
    let log_end = app.meeting.session().log.last().expect("recorded").seq;
    // Resent after a reconnect: recorded once, acknowledged once the log is saved.
    let effects = link(&mut app, LinkInput::Note(Box::new(request)));
    let settled = NoteSettled::AlreadyRecorded { log_end };
    assert_eq!(
        effects,
        vec![Effect::Link(LinkCommand::Settle {
            origin: origin.clone(),
            settled
        })]
    );
    // A note-taker may not take the roll: refused, and the facilitator reads why.
    let origin = crate::domain::Origin {
        client: "c1".into(),
        seq: 2,
    };
    let arrived = NoteRequest {
        origin: origin.clone(),
        name: "書記".into(),
        kind: EventKind::Arrived {
            person: PersonId::new("digital-rights"),
        },
    };
    let effects = link(&mut app, LinkInput::Note(Box::new(arrived)));
    let settled = NoteSettled::Refused(crate::domain::DomainError::NoteTakerMayOnlyTakeNotes);
    assert_eq!(
        effects,
        vec![Effect::Link(LinkCommand::Settle { origin, settled })]
    );
    let message = app.message.as_ref().expect("a refusal");
    assert!(
        message.text.contains("紀錄人員只能新增或更正紀錄"),
        "{}",
        message.text
    );
}

#[test]
fn the_header_shows_where_to_join_the_code_who_is_in_and_wrong_codes_tried() {
    use crate::tui::facilitator::link_panel::{Attempt, LinkInput, Tried};
    let mut app = listening();
    let screen = screen_text(&render(&app, 120, 40));
    let row = screen.lines().nth(2).expect("a third header row");
    assert!(
        row.contains("127.0.0.1:7878") && row.contains("K7QM-4TXP"),
        "{row}"
    );
    assert!(row.contains("尚無紀錄人員連線"), "{row}");

    link(
        &mut app,
        LinkInput::Joined {
            name: "書記".into(),
            peer: "127.0.0.1:50000".into(),
            connected: vec![note_taker("c1", "書記")],
        },
    );
    assert!(
        app.message
            .as_ref()
            .is_some_and(|m| m.text.contains("書記 已連線"))
    );
    let screen = screen_text(&render(&app, 120, 40));
    assert!(
        screen
            .lines()
            .nth(2)
            .is_some_and(|r| r.contains("已連線：書記"))
    );

    link(
        &mut app,
        LinkInput::Attempt(Attempt {
            from: "192.168.1.9:5555".into(),
            at: at(14, 33, 20),
            what: Tried::WrongCode { failures: 2 },
        }),
    );
    let buffer = render(&app, 120, 40);
    let (x, y) = find(&buffer, "錯誤代碼 2 次 14:33:20").expect("flagged");
    assert_eq!((y, buffer[(x, y)].bg), (2, Color::Red));
    assert!(
        screen_text(&buffer).contains("192.168.1.9:5555"),
        "the message names it"
    );

    link(
        &mut app,
        LinkInput::CodeChanged {
            code: "ABCD-EFGH".parse().expect("a code"),
        },
    );
    let screen = screen_text(&render(&app, 120, 40));
    let row = screen.lines().nth(2).expect("a third header row");
    assert!(row.contains("ABCD-EFGH"), "{row}");
    assert!(!row.contains("錯誤代碼 2 次"), "history now: {row}");
    assert!(screen.contains("新的加入代碼 ABCD-EFGH"), "{screen}");
}

#[test]
fn a_note_taker_coming_back_on_a_new_link_is_not_reported_as_leaving() {
    use crate::tui::facilitator::link_panel::LinkInput;
    let mut app = listening();
    app.message = None;
    link(
        &mut app,
        LinkInput::Left {
            client: "c1".into(),
            name: "書記".into(),
            reason: crate::net::LinkEnd::Replaced,
            connected: vec![note_taker("c1", "書記")],
        },
    );
    assert!(app.message.is_none());
    link(
        &mut app,
        LinkInput::Left {
            client: "c1".into(),
            name: "書記".into(),
            reason: crate::net::LinkEnd::Broken,
            connected: Vec::new(),
        },
    );
    assert!(
        app.message
            .as_ref()
            .is_some_and(|m| m.text.contains("已離線"))
    );
}

#[test]
fn the_note_takers_list_disconnects_revokes_and_issues_a_new_code() {
    use crate::tui::facilitator::link_panel::{LinkCommand, LinkInput};
    let mut app = listening();
    app.focus = Panel::Agenda;
    link(
        &mut app,
        LinkInput::Joined {
            name: "王小明".into(),
            peer: "127.0.0.1:50001".into(),
            connected: vec![note_taker("c1", "書記"), note_taker("c2", "王小明")],
        },
    );
    ch(&mut app, 't');
    assert!(app.note_takers_open());
    assert_eq!(app.contexts()[0], Context::NoteTakers);
    ch(&mut app, 'j');
    assert_eq!(
        ch(&mut app, 'd'),
        vec![Effect::Link(LinkCommand::Disconnect {
            client: "c2".into(),
            name: "王小明".into()
        })]
    );
    assert_eq!(
        ch(&mut app, 'R'),
        vec![Effect::Link(LinkCommand::Revoke {
            client: "c2".into(),
            name: "王小明".into()
        })]
    );
    assert!(
        app.message
            .as_ref()
            .is_some_and(|m| m.text.contains("換新代碼"))
    );
    // A lower-case r does nothing here: revoking cannot be undone.
    assert!(ch(&mut app, 'r').is_empty());
    assert_eq!(ch(&mut app, 'c'), vec![Effect::Link(LinkCommand::NewCode)]);
    // The list is drawn with the code in large letters, at the smallest size.
    app.size = (80, 24);
    let screen = screen_text(&render(&app, 80, 24));
    assert!(
        screen.contains("王小明") && screen.contains("█"),
        "{screen}"
    );
    press(&mut app, KeyCode::Esc);
    assert!(!app.note_takers_open());
    assert_eq!(app.focus, Panel::Agenda, "nothing else changed");
}

#[test]
fn the_note_takers_key_says_how_to_listen_when_not_listening() {
    let mut app = demo();
    ch(&mut app, 't');
    assert!(!app.note_takers_open());
    let message = app.message.as_ref().expect("says why");
    assert!(message.text.contains("--listen"), "{}", message.text);
    assert!(
        !view::footer_hints(&app)
            .iter()
            .any(|b| b.action == Action::ShowNoteTakers),
        "not offered"
    );
}

#[test]
fn screen_listening_at_80_by_24_with_the_note_takers_list() {
    use crate::tui::facilitator::link_panel::{Attempt, LinkInput, Tried};
    let mut app = listening();
    app.size = (80, 24);
    link(
        &mut app,
        LinkInput::Joined {
            name: "書記".into(),
            peer: "127.0.0.1:50000".into(),
            connected: vec![note_taker("c1", "書記")],
        },
    );
    link(
        &mut app,
        LinkInput::Attempt(Attempt {
            from: "192.168.1.9:5555".into(),
            at: at(14, 30, 2),
            what: Tried::WrongCode { failures: 1 },
        }),
    );
    app.message = None;
    insta::assert_snapshot!("listening_80x24", screen_text(&render(&app, 80, 24)));
    app.focus = Panel::Attendance;
    ch(&mut app, 't');
    insta::assert_snapshot!("note_takers_list_80x24", screen_text(&render(&app, 80, 24)));
}

#[test]
fn the_facilitator_sees_who_is_kept_out_at_the_door_and_from_where() {
    use crate::net::KeptOut;
    use crate::tui::facilitator::link_panel::{Attempt, LinkInput, Tried};
    let mut app = listening();
    link(
        &mut app,
        LinkInput::Attempt(Attempt {
            from: "192.168.1.66".into(),
            at: at(14, 31, 0),
            what: Tried::KeptOut {
                why: KeptOut::TooManyAtOnce,
                count: 12,
            },
        }),
    );
    let message = app.message.as_ref().expect("a notice");
    assert!(
        message
            .text
            .contains("192.168.1.66 同時開啟太多連線：已拒絕 12 個"),
        "{}",
        message.text
    );
    link(
        &mut app,
        LinkInput::Attempt(Attempt {
            from: "192.168.1.66".into(),
            at: at(14, 32, 0),
            what: Tried::Blocked {
                failures: 5,
                minutes: 5,
            },
        }),
    );
    let buffer = render(&app, 120, 40);
    let (x, y) = find(&buffer, "⚠ 暫拒 192.168.1.66 14:32:00").expect("flagged");
    assert_eq!((y, buffer[(x, y)].bg), (2, Color::Red));
    assert!(
        screen_text(&buffer).contains("已試 5 次錯誤代碼：5 分鐘內拒絕其連線（代碼不變"),
        "{}",
        screen_text(&buffer)
    );
    // The list says each, newest first, with where it came from.
    app.focus = Panel::Attendance;
    ch(&mut app, 't');
    let screen = screen_text(&render(&app, 120, 40));
    let blocked = screen
        .find("14:32:00 192.168.1.66 已試 5 次")
        .expect("listed");
    let crowded = screen
        .find("14:31:00 192.168.1.66 同時開啟")
        .expect("listed");
    assert!(blocked < crowded, "{screen}");
}
