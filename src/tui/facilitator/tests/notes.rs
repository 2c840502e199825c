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
