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
