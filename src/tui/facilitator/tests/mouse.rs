//! Clicks and the wheel.

use super::*;

fn click(app: &mut App, column: u16, row: u16) -> Vec<Effect> {
    handle(
        app,
        Input::Mouse(MouseEvent {
            kind: MouseEventKind::Down(MouseButton::Left),
            column,
            row,
            modifiers: KeyModifiers::NONE,
        }),
    )
}

#[test]
fn clicking_an_attendance_row_selects_it_and_clicking_its_mark_toggles() {
    let mut app = demo();
    app.focus = Panel::Notes;
    let buffer = render(&app, 120, 40);
    let (x, y) = find(&buffer, "許雅雯").expect("on screen");
    assert!(
        click(&mut app, x, y).is_empty(),
        "a name click only selects"
    );
    assert_eq!(app.focus, Panel::Attendance);
    let i = person(&app, "open-culture");
    assert_eq!(app.attendance.selected_person(), Some(i));
    let list = layout::attendance_list(app.areas().expect("big enough").attendance);
    let effects = click(&mut app, list.x + 1, y);
    assert_eq!(effects.len(), 1);
    assert_eq!(app.state().presence(i), Presence::Present);
}

#[test]
fn clicking_an_agenda_row_selects_it_and_the_wheel_scrolls() {
    let mut app = demo();
    let buffer = render(&app, 120, 40);
    let (x, y) = find(&buffer, "行動身分識別").expect("on screen");
    click(&mut app, x, y);
    assert_eq!(app.focus, Panel::Agenda);
    let selected = app
        .agenda
        .selected_item()
        .map(|i| app.state().items[i].item.id.0.clone());
    assert_eq!(selected.as_deref(), Some("report-identity"));
    let before = app.agenda.list.selected;
    handle(
        &mut app,
        Input::Mouse(MouseEvent {
            kind: MouseEventKind::ScrollDown,
            column: x,
            row: y,
            modifiers: KeyModifiers::NONE,
        }),
    );
    assert!(app.agenda.list.selected > before);
}

#[test]
fn clicking_a_key_hint_in_the_footer_does_what_the_key_does() {
    let mut app = demo();
    app.focus = Panel::Agenda;
    let buffer = render(&app, 120, 40);
    let label = crate::i18n::key_names::START_MEETING.get(app.lang);
    let (x, y) = find(&buffer, label).expect("the hint is in the footer");
    assert_eq!(y, 39, "on the last row");
    assert!(app.state().started.is_none());
    click(&mut app, x, y);
    assert!(app.state().started.is_some(), "the meeting started");
    // A dialog's hints are clicked the same way: Esc cancels.
    ch(&mut app, 'i');
    assert!(app.dialog.is_some());
    let buffer = render(&app, 120, 40);
    let cancel = crate::i18n::key_names::CANCEL.get(app.lang);
    let (x, y) = find_in_rows(&buffer, cancel, 39..40).expect("cancel is in the footer");
    click(&mut app, x, y);
    assert!(app.dialog.is_none());
    // Between hints, nothing happens.
    let before = app.meeting.session().log.len();
    click(&mut app, 119, 39);
    assert_eq!(app.meeting.session().log.len(), before);
}

fn wheel_down(app: &mut App) {
    handle(
        app,
        Input::Mouse(MouseEvent {
            kind: MouseEventKind::ScrollDown,
            column: 60,
            row: 20,
            modifiers: KeyModifiers::NONE,
        }),
    );
}

#[test]
fn clicking_a_line_of_the_key_list_runs_it_on_its_panel() {
    for lang in [crate::domain::Lang::ZhTw, crate::domain::Lang::En] {
        let mut app = demo();
        app.lang = lang;
        app.focus = Panel::Notes;
        press(&mut app, KeyCode::F(1));
        // Its first words (a long line wraps in its column), scrolled into view
        // with the wheel.
        let label = match lang {
            crate::domain::Lang::ZhTw => "會議資料",
            crate::domain::Lang::En => "meeting details",
        };
        let mut at = None;
        for _ in 0..20 {
            at = find(&render(&app, 120, 40), label);
            if at.is_some() {
                break;
            }
            wheel_down(&mut app);
        }
        let (x, y) = at.expect("the key list shows it");
        click(&mut app, x, y);
        assert!(app.help.is_none(), "the list closes");
        assert_eq!(app.focus, Panel::Agenda, "the agenda's key, on the agenda");
        assert!(
            matches!(
                app.dialog,
                Some(Dialog::Text {
                    purpose: crate::tui::facilitator::dialog::TextPurpose::MeetingField { .. },
                    ..
                })
            ),
            "the meeting's details are asked"
        );
        // A heading is not a key: nothing happens.
        press(&mut app, KeyCode::Esc);
        app.focus = Panel::Notes;
        press(&mut app, KeyCode::F(1));
        let heading = crate::tui::shared::keys::Context::Agenda.name().get(lang);
        let mut at = None;
        for _ in 0..20 {
            at = find(&render(&app, 120, 40), heading);
            if at.is_some() {
                break;
            }
            wheel_down(&mut app);
        }
        let (x, y) = at.expect("the agenda's heading");
        click(&mut app, x, y);
        assert!(app.help.is_some(), "still open");
        assert!(app.dialog.is_none());
    }
}
