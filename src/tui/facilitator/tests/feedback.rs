//! Every key that changes the meeting says what it did, in the screen's language, and
//! how to take it back.

use super::*;

/// The message line as drawn at 120×40.
fn said(app: &App) -> String {
    let screen = screen_text(&render(app, 120, 40));
    let text = app
        .message
        .as_ref()
        .map(|m| m.text.clone())
        .unwrap_or_default();
    assert!(!text.is_empty(), "nothing said:\n{screen}");
    // What is said is on the screen, at least its beginning.
    let start: String = text.chars().take(12).collect();
    assert!(screen.contains(&start), "{text:?} not drawn:\n{screen}");
    text
}

fn name(app: &App, id: &str) -> String {
    app.state()
        .person(&PersonId::new(id))
        .expect("on the roster")
        .name
        .text
        .clone()
}

#[test]
fn attendance_changes_say_who_and_the_undo_key_in_both_languages() {
    let mut app = demo();
    let deputy = name(&app, "cec-deputy");
    toggle(&mut app, "cec-deputy");
    assert_eq!(said(&app), format!("已記錄：{deputy} 到場（Ctrl-Z 復原）"));

    app.lang = Lang::En;
    toggle(&mut app, "cec-deputy");
    assert_eq!(said(&app), format!("Done: {deputy} left (Ctrl-Z to undo)"));

    let planning = name(&app, "cec-planning");
    let i = person(&app, "cec-planning");
    app.attendance.select_person(i);
    ch(&mut app, 'e');
    assert_eq!(
        said(&app),
        format!("Done: {planning} excused (Ctrl-Z to undo)")
    );

    // The key it names takes it back, and says so.
    ctrl(&mut app, 'z');
    assert_eq!(said(&app), format!("Undone: {planning} excused"));
}

#[test]
fn starting_an_item_deferring_a_motion_and_adjourning_are_announced() {
    let mut app = demo();
    the_motion_through_failed_consensus(&mut app);
    ch(&mut app, 'd');
    let deferred = said(&app);
    assert!(
        deferred.starts_with("已記錄：保留再議「") && deferred.ends_with("（Ctrl-Z 復原）"),
        "{deferred}"
    );

    start_item(&mut app, "discussion-data-retention");
    let started = said(&app);
    assert!(started.starts_with("已記錄：開始議程「"), "{started}");

    app.focus = Panel::Agenda;
    ch(&mut app, 'A');
    // Adjourning asks first or is announced with its undo key.
    if app.dialog.is_some() {
        press(&mut app, KeyCode::Enter);
    }
    assert!(app.state().adjourned.is_some());
    assert_eq!(said(&app), "已記錄：散會（Ctrl-Z 復原）");
}

#[test]
fn a_note_says_it_by_appearing_in_the_list_not_in_the_message_line() {
    let mut app = demo();
    app.focus = Panel::Notes;
    type_text(&mut app, "與會者支持分階段上線");
    press(&mut app, KeyCode::Enter);
    assert!(app.message.is_none(), "{:?}", app.message);
    assert!(screen_text(&render(&app, 120, 40)).contains("與會者支持分階段上線"));
}
