//! The follow-up table on the follow-up item.

use super::*;

/// The meeting after the finished demo: its follow-up table carries the matter the
/// demo kept tracking (with what was done so far) and the demo's action items.
fn follow_up_meeting() -> App {
    let previous = crate::store::load(Path::new("sessions/demo-finished.ron"))
        .expect("the finished demo loads");
    let session = crate::domain::follow_up_session(&previous, at(9, 0, 0).date_naive());
    App::new(
        Meeting::open(session).expect("a valid session"),
        at(14, 0, 0),
    )
}

/// The follow-up item under way, the motion panel focused on its table.
fn on_the_follow_up_table() -> App {
    let mut app = follow_up_meeting();
    app.focus = Panel::Agenda;
    ch(&mut app, 'b');
    start_item(&mut app, "follow-up");
    ch(&mut app, '3');
    assert!(app.follow_up_shown());
    app
}

fn follow_up_row(app: &App, number: u32) -> &crate::domain::FollowUpEntry {
    app.state()
        .follow_up
        .iter()
        .find(|e| e.number == number)
        .expect("a row of the follow-up table")
}

/// The events a key recorded, in order.
fn recorded(effects: &[Effect]) -> Vec<EventKind> {
    effects
        .iter()
        .filter_map(|e| match e {
            Effect::Save(event) => Some(event.kind.clone()),
            Effect::Quit | Effect::Link(_) => None,
        })
        .collect()
}

#[test]
fn closing_a_matter_is_one_event_and_undo_takes_it_back() {
    use crate::domain::FollowUpStatus::{Closed, KeepTracking};
    let mut app = on_the_follow_up_table();
    assert_eq!(app.state().follow_up.len(), 5);
    press(&mut app, KeyCode::Down);
    assert_eq!(
        recorded(&ch(&mut app, 'x')),
        [EventKind::FollowUpRecorded {
            entry: 2,
            action_taken: Text::default(),
            status: Closed,
        }]
    );
    assert_eq!(follow_up_row(&app, 2).status, Closed);
    assert_eq!(follow_up_row(&app, 1).status, KeepTracking);

    // Closing it again records nothing, and says why.
    assert!(ch(&mut app, 'x').is_empty());
    let message = app.message.as_ref().expect("a refusal");
    assert_eq!(message.kind, MessageKind::Refused);
    assert!(
        message.text.contains("已是「解除追蹤」"),
        "{}",
        message.text
    );

    // The room changes its mind; undo takes back one decision at a time.
    assert_eq!(
        recorded(&ch(&mut app, 'f')),
        [EventKind::FollowUpRecorded {
            entry: 2,
            action_taken: Text::default(),
            status: KeepTracking,
        }]
    );
    assert_eq!(follow_up_row(&app, 2).status, KeepTracking);
    assert_eq!(recorded(&ch(&mut app, 'u')).len(), 1);
    assert_eq!(follow_up_row(&app, 2).status, Closed);
    ch(&mut app, 'u');
    assert_eq!(follow_up_row(&app, 2).status, KeepTracking);
    assert_eq!(
        app.motion.follow_up_selected, 1,
        "undo keeps the row selected"
    );
}

#[test]
fn the_action_taken_is_typed_over_what_was_recorded_and_keeps_the_status() {
    use crate::domain::FollowUpStatus::Closed;
    let mut app = on_the_follow_up_table();
    // Matter 1 was kept tracking last time, with what had been done by then.
    let before = follow_up_row(&app, 1).action_taken.clone();
    assert!(before.text.starts_with("已完成招標") && before.en.is_some());

    press(&mut app, KeyCode::Enter);
    match &app.dialog {
        Some(Dialog::Text {
            editor, question, ..
        }) => {
            assert_eq!(editor.as_str(), before.text);
            let question = question.as_deref().unwrap_or_default();
            assert!(question.starts_with("第 1 項辦理情形："), "{question}");
        }
        other => panic!("expected the action-taken dialog, got {other:?}"),
    }
    // Enter on what is already recorded records nothing.
    assert!(press(&mut app, KeyCode::Enter).is_empty());
    assert!(app.dialog.is_none());

    // Closing keeps the text, English and all.
    ch(&mut app, 'x');
    assert_eq!(follow_up_row(&app, 1).status, Closed);
    assert_eq!(follow_up_row(&app, 1).action_taken, before);

    // t adds to the text; the status stays closed, and the old English goes.
    ch(&mut app, 't');
    type_text(&mut app, "檢測報告已公開。");
    let expected = format!("{}檢測報告已公開。", before.text);
    assert_eq!(
        recorded(&press(&mut app, KeyCode::Enter)),
        [EventKind::FollowUpRecorded {
            entry: 1,
            action_taken: Text::new(expected.clone()),
            status: Closed,
        }]
    );
    assert!(app.dialog.is_none());
    assert_eq!(follow_up_row(&app, 1).action_taken, Text::new(expected));
    ch(&mut app, 'u');
    assert_eq!(follow_up_row(&app, 1).action_taken, before);
    assert_eq!(follow_up_row(&app, 1).status, Closed);
}

#[test]
fn up_and_down_move_between_the_rows_and_stop_at_the_ends() {
    let mut app = on_the_follow_up_table();
    press(&mut app, KeyCode::Up);
    assert_eq!(app.selected_follow_up(), Some(0));
    for _ in 0..9 {
        ch(&mut app, 'j');
    }
    assert_eq!(app.selected_follow_up(), Some(4));
    ch(&mut app, 'k');
    assert_eq!(app.selected_follow_up(), Some(3));
    ch(&mut app, 'x');
    assert_eq!(
        follow_up_row(&app, 4).status,
        crate::domain::FollowUpStatus::Closed
    );
}

#[test]
fn the_follow_up_keys_are_offered_only_where_they_can_do_something() {
    let mut app = follow_up_meeting();
    let offered =
        |app: &App| -> Vec<Action> { view::footer_hints(app).iter().map(|b| b.action).collect() };
    // On another item the panel has no table, and x says where the table is.
    start_item(&mut app, "previous-minutes");
    ch(&mut app, '3');
    assert!(!app.follow_up_shown());
    assert!(!offered(&app).contains(&Action::RecordFollowUpAction));
    assert!(ch(&mut app, 'x').is_empty());
    assert_eq!(
        app.message.as_ref().map(|m| m.kind),
        Some(MessageKind::Refused)
    );

    start_item(&mut app, "follow-up");
    ch(&mut app, '3');
    let tracking = offered(&app);
    assert!(tracking.contains(&Action::RecordFollowUpAction));
    assert!(tracking.contains(&Action::CloseFollowUp));
    assert!(!tracking.contains(&Action::KeepTrackingFollowUp));
    assert!(!tracking.contains(&Action::OpenConsensusRound));
    ch(&mut app, 'x');
    let closed = offered(&app);
    assert!(closed.contains(&Action::KeepTrackingFollowUp));
    assert!(!closed.contains(&Action::CloseFollowUp));
    let screen = screen_text(&render(&app, 120, 40));
    let footer = screen.lines().last().expect("a footer row");
    assert!(footer.contains("f 繼續追蹤"), "{footer}");
}

#[test]
fn after_adjournment_the_table_stays_on_screen_but_cannot_change() {
    let mut app = on_the_follow_up_table();
    app.focus = Panel::Agenda;
    ch(&mut app, 'A');
    assert!(app.state().adjourned.is_some());
    ch(&mut app, '3');
    assert!(app.follow_up_shown());
    assert!(
        !view::footer_hints(&app)
            .iter()
            .any(|b| b.action == Action::CloseFollowUp)
    );
    assert!(ch(&mut app, 'x').is_empty());
    assert!(ch(&mut app, 't').is_empty());
    assert!(app.dialog.is_none());
    assert!(
        app.message
            .as_ref()
            .is_some_and(|m| m.text.contains("散會"))
    );
}

/// The table as the room sees it: matter 2 closed with what was done, selected.
fn follow_up_recorded() -> App {
    let mut app = on_the_follow_up_table();
    press(&mut app, KeyCode::Down);
    ch(&mut app, 't');
    type_text(
        &mut app,
        "已於 12 月 1 日寄送試用說明予各委員，並於論壇網站公開。",
    );
    press(&mut app, KeyCode::Enter);
    ch(&mut app, 'x');
    app.now = at(14, 6, 0);
    app.save.saved = app.save.recorded;
    app.message = None;
    app
}

#[test]
fn follow_up_table_at_120_by_40_in_chinese() {
    let app = follow_up_recorded();
    let buffer = render(&app, 120, 40);
    let screen = screen_text(&buffer);
    // Every row keeps the screen's width: the CJK text is cut by columns.
    for line in screen.lines() {
        assert_eq!(crate::width::width(line), 120, "{line:?}");
    }
    // The status carries its colour as well as its words: closed is green.
    let (x, y) = find(&buffer, "2 解除追蹤").expect("matter 2, closed");
    assert_eq!(buffer[(x + 2, y)].fg, Color::Green);
    assert!(buffer[(x, y)].modifier.contains(Modifier::REVERSED));
    let (x, y) = find(&buffer, "1 繼續追蹤").expect("matter 1, tracked");
    assert_eq!(buffer[(x + 2, y)].fg, Color::Yellow);
    assert!(!buffer[(x, y)].modifier.contains(Modifier::REVERSED));
    insta::assert_snapshot!(screen);
}

#[test]
fn the_follow_up_table_fits_80_by_24_in_both_languages() {
    let mut app = follow_up_recorded();
    app.size = (80, 24);
    for lang in [Lang::ZhTw, Lang::En] {
        app.lang = lang;
        let screen = screen_text(&render(&app, 80, 24));
        for line in screen.lines() {
            assert_eq!(crate::width::width(line), 80, "{line:?}");
        }
        let (closed, taken) = match lang {
            Lang::ZhTw => ("2 解除追蹤", "辦理情形：已於 12 月 1 日"),
            Lang::En => ("2 Close", "Action taken: 已於 12 月 1 日"),
        };
        assert!(screen.contains(closed), "{screen}");
        assert!(screen.contains(taken), "{screen}");
    }
}
