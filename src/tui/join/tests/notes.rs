//! Taking notes: typing, speakers, action items, corrections, what the outbox keeps.

use super::*;

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
    host_shows(&mut app, 41, 1, Note::clone(&note));
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
    type_text(&mut app, "12月31日");
    assert!(press(&mut app, KeyCode::Enter).is_empty(), "not a date");
    assert!(app.message.is_some());
    for _ in 0.."12月31日".chars().count() {
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
fn a_note_too_long_to_travel_is_refused_in_the_editor_before_the_outbox() {
    let mut app = joined();
    // Some 6,000 CJK characters: over the link's limit once encoded (3 bytes each).
    let long = "紀錄".repeat(3_000);
    handle(&mut app, Input::Paste(long.clone()));
    let effects = press(&mut app, KeyCode::Enter);
    assert!(
        effects.is_empty(),
        "nothing for the outbox: {} effects",
        effects.len()
    );
    assert!(app.in_flight.is_empty());
    assert_eq!(app.editor.input.as_str(), long, "the text stays to shorten");
    let message = app.message.as_ref().expect("says why");
    assert!(
        message.text.contains("太長") && message.text.contains("6000 字"),
        "{}",
        message.text
    );
    // An action item is refused before it asks for its owner.
    ctrl(&mut app, 'k');
    ctrl(&mut app, 'k');
    assert!(press(&mut app, KeyCode::Enter).is_empty());
    assert!(
        app.dialog.is_none(),
        "no owner asked for a note that cannot go"
    );
    ctrl(&mut app, 'k');
    ctrl(&mut app, 'k');

    // Measured as it travels, not by counting: 9,000 quotes are 18,000 bytes escaped.
    use crate::tui::shared::line_editor::LineEditor;
    app.editor.input = LineEditor::with_text(&"\"".repeat(9_000));
    assert!(press(&mut app, KeyCode::Enter).is_empty());
    // While 5,000 CJK characters or 16,000 ASCII ones go.
    for fits in ["紀".repeat(5_000), "a".repeat(16_000)] {
        app.editor.input = LineEditor::with_text(&fits);
        let effects = press(&mut app, KeyCode::Enter);
        assert!(
            matches!(effects.as_slice(), [Effect::Submit { .. }]),
            "{} characters go",
            fits.chars().count()
        );
    }
}

#[test]
fn a_note_set_aside_from_the_outbox_shows_as_too_long_and_says_where_its_text_is() {
    let mut app = joined();
    // (Short here, so that its row fits the screen; what was too long is the host's
    // business, measured by the link.)
    let note = said("moica", &"長".repeat(60));
    handle(
        &mut app,
        Input::Client(ClientEvent::SetAside {
            seq: 3,
            event: Box::new(EventKind::NoteAdded(note.into())),
            too_long: crate::net::protocol::NoteTooLong {
                size: 18_200,
                limit: crate::net::protocol::MAX_NOTE_MESSAGE,
            },
            kept_in: "/home/amy/outbox.too-long.txt".into(),
        }),
    );
    assert_eq!(app.timeline.state_of(3), NoteState::TooLong);
    assert_eq!(app.unsaved(), 0, "not waiting to be sent");
    // A later acknowledgement does not hide it.
    handle(&mut app, Input::Client(ClientEvent::Acked { through: 4 }));
    let screen = screen_text(&render(&app, 120, 24));
    assert!(screen.contains("✗太長 王俊傑：長長"), "{screen}");
    let message = app.message.as_ref().expect("says so");
    assert!(
        message.text.contains("60 字") && message.text.contains("/home/amy/outbox.too-long.txt"),
        "{}",
        message.text
    );
}

#[test]
fn the_editors_speaker_follows_the_floor_while_the_line_is_empty_and_keeps_it_once_typed() {
    let mut app = joined();
    let mut meeting = meeting_with_the_floor();
    let mut seq = 1;

    // An empty line follows the floor, and the screen says so.
    host_updates(&mut app, &meeting);
    assert_eq!(app.editor.speaker, Some(person("digital-rights")));
    let screen = screen_text(&render(&app, 80, 24));
    assert!(screen.contains("發言人 鄭凱文"), "{screen}");

    // Typed while 鄭凱文 speaks: it stays theirs when the floor passes.
    type_text(&mut app, "資料保存期限應明定");
    record(
        &mut meeting,
        at(14, 23, 0),
        EventKind::SpeakingStarted {
            speaker: person("civic-participation"),
            request: None,
        },
    );
    host_updates(&mut app, &meeting);
    assert_eq!(app.editor.speaker, Some(person("digital-rights")));
    let sent = submit_with(&mut app, &mut seq, |a| press(a, KeyCode::Enter));
    let [EventKind::NoteAdded(note)] = sent.as_slice() else {
        panic!("one note: {sent:?}");
    };
    assert_eq!(note.speaker, Some(person("digital-rights")));
    // The next line starts with whoever has the floor now.
    assert!(app.editor.is_empty());
    assert_eq!(app.editor.speaker, Some(person("civic-participation")));

    // The floor empties, then passes again: the empty line follows each time.
    record(&mut meeting, at(14, 25, 0), EventKind::SpeakingEnded);
    host_updates(&mut app, &meeting);
    assert_eq!(app.editor.speaker, None, "nobody has the floor");
    record(
        &mut meeting,
        at(14, 26, 0),
        EventKind::SpeakingStarted {
            speaker: person("open-culture"),
            request: None,
        },
    );
    host_updates(&mut app, &meeting);
    assert_eq!(app.editor.speaker, Some(person("open-culture")));

    // A speaker picked on purpose stays when the floor passes.
    ctrl(&mut app, 'p');
    type_text(&mut app, "楊惠");
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.editor.speaker, Some(person("prof-security")));
    record(&mut meeting, at(14, 27, 0), EventKind::SpeakingEnded);
    host_updates(&mut app, &meeting);
    assert_eq!(app.editor.speaker, Some(person("prof-security")));
}

#[test]
fn a_welcome_gives_the_floor_to_an_empty_line_and_a_correction_keeps_its_speaker() {
    let mut app = JoinApp::new(
        "127.0.0.1:7878".into(),
        "書記".into(),
        at(14, 20, 30),
        Vec::new(),
    );
    let mut meeting = meeting_with_the_floor();
    let mut seq = 1;
    handle(
        &mut app,
        Input::Client(ClientEvent::Welcome(Box::new(Welcome {
            protocol: crate::net::protocol::PROTOCOL_VERSION,
            meeting: MeetingView::of(&meeting),
            notes: Vec::new(),
        }))),
    );
    assert_eq!(app.editor.speaker, Some(person("digital-rights")));

    // Our note, by 鄭凱文, saved; then we correct it while the floor passes.
    type_text(&mut app, "應設退場機制");
    let sent = submit_with(&mut app, &mut seq, |a| press(a, KeyCode::Enter));
    let [EventKind::NoteAdded(note)] = sent.as_slice() else {
        panic!("one note: {sent:?}");
    };
    host_shows(&mut app, 41, 1, Note::clone(note));
    press(&mut app, KeyCode::Up);
    ctrl(&mut app, 'r');
    assert!(app.correcting.is_some(), "correcting our note");
    // Even emptied, the note being corrected keeps its speaker; the line set aside
    // follows the floor.
    for _ in 0..10 {
        press(&mut app, KeyCode::Backspace);
    }
    record(
        &mut meeting,
        at(14, 22, 0),
        EventKind::SpeakingStarted {
            speaker: person("prof-security"),
            request: None,
        },
    );
    host_updates(&mut app, &meeting);
    assert_eq!(app.editor.speaker, Some(person("digital-rights")));
    press(&mut app, KeyCode::Esc);
    assert!(app.correcting.is_none());
    assert_eq!(app.editor.speaker, Some(person("prof-security")));
}
