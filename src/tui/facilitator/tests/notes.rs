//! The notes line: typing, speakers, kinds, quick narratives.

use super::*;

#[test]
fn a_note_is_typed_in_chinese_with_a_speaker_picked_by_part_of_the_name() {
    let mut app = demo();
    toggle(&mut app, "prof-open-gov");
    start_item(&mut app, "report-system-progress");
    ch(&mut app, '4');
    assert_eq!(app.focus, Panel::Notes);
    ctrl(&mut app, 'p');
    type_text(&mut app, "蔡");
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, "建議公開測試報告。");
    let effects = press(&mut app, KeyCode::Enter);
    assert_eq!(effects.len(), 1);
    let entry = app.state().notes.last().expect("a note");
    assert_eq!(entry.note.text.text, "建議公開測試報告。");
    assert_eq!(
        entry.note.speaker,
        Some(Speaker::Person(PersonId::new("prof-open-gov")))
    );
    assert_eq!(
        entry.note.item.as_ref().map(|i| i.0.as_str()),
        Some("report-system-progress")
    );
    assert!(
        app.notes.editor.input.is_empty(),
        "the line is cleared once recorded"
    );
    let screen = screen_text(&render(&app, 120, 40));
    assert!(screen.contains("蔡孟儒：建議公開測試報告。"), "{screen}");
}

#[test]
fn a_free_text_speaker_paste_english_and_quick_narratives() {
    let mut app = demo();
    start_item(&mut app, "follow-up");
    ch(&mut app, '4');
    ctrl(&mut app, 'p');
    type_text(&mut app, "台下民眾");
    // Not on the roster: the last row offers the typed name.
    let Some(Dialog::Picker(picker)) = &app.dialog else {
        panic!("the picker");
    };
    let last = picker.rows.len() - 1;
    app.dialog = app.dialog.take().map(|p| match p {
        Dialog::Picker(mut picker) => {
            picker.selected = last;
            Dialog::Picker(picker)
        }
        other => other,
    });
    press(&mut app, KeyCode::Enter);
    assert_eq!(
        app.notes.editor.speaker,
        Some(Speaker::Named("台下民眾".into()))
    );
    handle(&mut app, Input::Paste("第一段\n第二段".into()));
    ctrl(&mut app, 'e');
    type_text(&mut app, "Two paragraphs");
    press(&mut app, KeyCode::Enter);
    let entry = app.state().notes.last().expect("a note");
    assert_eq!(
        entry.note.text,
        Text::bilingual("第一段 第二段", "Two paragraphs")
    );

    ctrl(&mut app, 'n');
    let entry = app.state().notes.last().expect("a narrative");
    assert_eq!(entry.note.text.text, "（與會者皆無意見）");
    assert_eq!(entry.note.kind, crate::domain::NoteKind::Narrative);
    ctrl(&mut app, 't');
    assert_eq!(
        app.state().notes.last().map(|n| n.note.text.text.as_str()),
        Some("（點頭）")
    );
}

#[test]
fn an_action_item_asks_for_its_owner_and_due_date() {
    let mut app = demo();
    start_item(&mut app, "follow-up");
    ch(&mut app, '4');
    ctrl(&mut app, 'k');
    ctrl(&mut app, 'k');
    type_text(&mut app, "完成無障礙檢測");
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, "林志豪");
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, "2027-03-31x");
    press(&mut app, KeyCode::Enter);
    assert!(app.state().notes.is_empty(), "a bad date is refused");
    press(&mut app, KeyCode::Backspace);
    press(&mut app, KeyCode::Enter);
    let entry = app.state().notes.last().expect("the action item");
    assert_eq!(
        entry.note.kind,
        crate::domain::NoteKind::Action {
            owner: Some(Speaker::Person(PersonId::new("cec-planning"))),
            due: chrono::NaiveDate::from_ymd_opt(2027, 3, 31),
        }
    );
}

#[test]
fn letters_are_text_in_the_notes_line_and_ctrl_c_quits_everywhere() {
    let mut app = demo();
    ch(&mut app, '4');
    type_text(&mut app, "q?l");
    assert_eq!(app.notes.editor.input.as_str(), "q?l");
    assert_eq!(app.lang, Lang::ZhTw);
    // A typed note not yet sent: the first quit warns, the second leaves.
    assert!(ctrl(&mut app, 'c').is_empty());
    assert!(
        app.message
            .as_ref()
            .is_some_and(|m| m.text.contains("未送出"))
    );
    assert_eq!(ctrl(&mut app, 'c'), vec![Effect::Quit]);
    press(&mut app, KeyCode::Esc);
    assert_ne!(app.focus, Panel::Notes, "Esc leaves the input line");
    assert_eq!(ch(&mut app, 'q'), vec![Effect::Quit]);
}

#[test]
fn the_language_key_switches_the_whole_interface() {
    let mut app = demo();
    ch(&mut app, 'l');
    assert_eq!(app.lang, Lang::En);
    let screen = screen_text(&render(&app, 120, 40));
    assert!(screen.contains("Attendance"));
    assert!(screen.contains("Chen Yi-chun"));
    assert!(screen.contains("saved ✓"));
    ch(&mut app, 'l');
    let screen = screen_text(&render(&app, 120, 40));
    assert!(screen.contains("出席"));
    assert!(screen.contains("陳怡君"));
    assert!(screen.contains("已儲存 ✓"));
}

/// Two notes on the first report, typed from the notes panel.
fn two_notes(app: &mut App) {
    start_item(app, "report-system-progress");
    ch(app, '4');
    for text in ["系統預計明年上線。", "民間團體支持分階段。"] {
        type_text(app, text);
        press(app, KeyCode::Enter);
    }
    assert_eq!(app.state().notes.len(), 2);
}

#[test]
fn the_facilitator_corrects_an_older_note_and_what_was_being_typed_comes_back() {
    let mut app = demo();
    two_notes(&mut app);
    let first = app.state().notes[0].seq;
    // Something typed, then the older note selected and corrected.
    type_text(&mut app, "還在打");
    press(&mut app, KeyCode::Up);
    press(&mut app, KeyCode::Up);
    assert_eq!(app.notes.selected, Some(0));
    let buffer = render(&app, 120, 40);
    let (x, y) = find(&buffer, "系統預計明年上線").expect("the selected note is in view");
    assert!(
        buffer[(x, y)].modifier.contains(Modifier::REVERSED),
        "and highlighted"
    );
    assert!(!buffer[(x, y + 1)].modifier.contains(Modifier::REVERSED));
    ctrl(&mut app, 'r');
    assert_eq!(app.notes.editor.input.as_str(), "系統預計明年上線。");
    let screen = screen_text(&render(&app, 120, 40));
    assert!(screen.contains("更正中（Esc 取消）"), "{screen}");

    // The year was wrong; the speaker is added.
    for _ in 0..5 {
        press(&mut app, KeyCode::Backspace);
    }
    type_text(&mut app, "後年上線。");
    ctrl(&mut app, 'p');
    type_text(&mut app, "蔡");
    press(&mut app, KeyCode::Enter);
    let effects = press(&mut app, KeyCode::Enter);
    assert_eq!(effects.len(), 1, "one event recorded");

    let entry = &app.state().notes[0];
    assert_eq!(entry.seq, first, "the same note, corrected");
    assert_eq!(entry.note.text.text, "系統預計後年上線。");
    assert_eq!(entry.corrections, 1);
    assert!(entry.note.speaker.is_some());
    assert_eq!(
        entry.note.item.as_ref().map(|i| i.0.as_str()),
        Some("report-system-progress")
    );
    // The log keeps the original; the correction names it.
    let log = &app.meeting.session().log;
    assert!(matches!(
        &log[log.len() - 1].kind,
        EventKind::NoteCorrected { note, .. } if *note == first
    ));
    assert!(log.iter().any(|e| matches!(
        &e.kind,
        EventKind::NoteAdded(n) if n.text.text == "系統預計明年上線。"
    )));
    assert_eq!(
        app.notes.editor.input.as_str(),
        "還在打",
        "the draft is back"
    );
    assert!(app.notes.correcting.is_none());
    let said = message_text(&app);
    assert!(
        said.starts_with("已記錄：更正紀錄「系統預計後年上線"),
        "{said}"
    );

    // The minutes use the corrected text.
    let minutes = minutes_markdown(&app, crate::minutes::Languages::Chinese);
    assert!(minutes.contains("系統預計後年上線。"), "{minutes}");
    assert!(!minutes.contains("系統預計明年上線。"), "{minutes}");
}

#[test]
fn esc_drops_a_correction_then_the_selection_then_leaves_the_panel() {
    let mut app = demo();
    two_notes(&mut app);
    // Ctrl-R with nothing selected says how to select.
    ctrl(&mut app, 'r');
    let said = message_text(&app);
    assert_eq!(said, "先以 Up 選一則紀錄，再按 Ctrl-R 更正");
    assert!(app.notes.correcting.is_none());

    type_text(&mut app, "草稿");
    press(&mut app, KeyCode::Up);
    ctrl(&mut app, 'r');
    assert_eq!(app.notes.editor.input.as_str(), "民間團體支持分階段。");
    press(&mut app, KeyCode::Esc);
    assert!(app.notes.correcting.is_none());
    assert_eq!(app.notes.editor.input.as_str(), "草稿");
    assert_eq!(app.state().notes[1].corrections, 0, "nothing recorded");
    assert_eq!(app.notes.selected, Some(1));
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.notes.selected, None);
    assert_eq!(app.focus, Panel::Notes);
    press(&mut app, KeyCode::Esc);
    assert_ne!(app.focus, Panel::Notes);

    // Down past the newest note selects none.
    ch(&mut app, '4');
    press(&mut app, KeyCode::Up);
    press(&mut app, KeyCode::Down);
    assert_eq!(app.notes.selected, None);
}

#[test]
fn correcting_shows_in_english_and_at_80_by_24() {
    let mut app = demo();
    two_notes(&mut app);
    app.lang = Lang::En;
    press(&mut app, KeyCode::Up);
    ctrl(&mut app, 'r');
    app.size = (80, 24);
    let screen = screen_text(&render(&app, 80, 24));
    assert!(screen.contains("correcting"), "{screen}");
    assert!(
        !screen.contains("correcting (Esc cance"),
        "cut off:\n{screen}"
    );
    assert!(screen.contains("民間團體支持分階段"), "{screen}");
}
