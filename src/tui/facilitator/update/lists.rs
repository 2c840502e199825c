//! Moving in the lists (attendance, agenda, a picker, the roll call, the help) by key
//! and by mouse. Clicks are read against the same rectangles the view draws into.

use crossterm::event::{MouseButton, MouseEvent, MouseEventKind};
use ratatui::layout::{Position, Rect};

use super::Effect;
use super::attendance::toggle_attendance;
use super::notes::scroll_notes;
use crate::tui::facilitator::action::Panel;
use crate::tui::facilitator::app::App;
use crate::tui::facilitator::dialog::Dialog;
use crate::tui::facilitator::layout;
use crate::tui::shared::layout::inner;

/// Rows a page key moves: the visible height of the list in focus.
pub(super) fn page(app: &App) -> isize {
    let Some(areas) = app.areas() else {
        return 10;
    };
    let rows = match app.focus {
        Panel::Agenda => inner(areas.agenda).height,
        Panel::Speakers => layout::speaker_parts(areas.speakers).queue.height,
        _ => layout::attendance_list(areas.attendance).height,
    };
    isize::try_from(rows.max(2)).unwrap_or(10) - 1
}

pub(super) fn move_selection(app: &mut App, delta: isize) {
    if let Some(scroll) = &mut app.help {
        *scroll = scroll.saturating_add_signed(delta).min(1000);
        return;
    }
    if let Some(link) = app.link.as_mut().filter(|l| l.open) {
        link.move_by(delta);
        return;
    }
    if app.dialog.is_none() && app.comments.is_some() {
        super::comments::move_selection(app, delta);
        return;
    }
    match &mut app.dialog {
        Some(Dialog::Picker(picker)) => {
            let last = picker.rows.len().saturating_sub(1);
            picker.selected = picker.selected.saturating_add_signed(delta).min(last);
            return;
        }
        Some(Dialog::RollCall(roll)) => {
            let last = roll.rows.len().saturating_sub(1);
            roll.selected = roll.selected.saturating_add_signed(delta).min(last);
            return;
        }
        Some(_) => return,
        None => {}
    }
    match app.focus {
        Panel::Attendance => app.attendance.move_by(delta),
        Panel::Agenda => {
            app.agenda.move_by(delta);
            if app.state().current_item.is_none() {
                // Before any item starts, the motion panel follows the selection.
                app.motion.selected = 0;
            }
        }
        Panel::Speakers => move_in_queue(app, delta),
        Panel::Motion | Panel::Notes => {}
    }
    app.keep_selections_in_view();
}

fn move_in_queue(app: &mut App, delta: isize) {
    let last = app.queue_in_view().len().saturating_sub(1);
    let list = &mut app.speakers.list;
    list.selected = list.selected.saturating_add_signed(delta).min(last);
}

/// A click on a key's line in the `?` list does what the key does: the list closes,
/// the panel the key belongs to takes the focus, and the action runs. A key of a
/// dialog or of the list itself does nothing from here.
fn click_in_help(app: &mut App, scroll: usize, column: u16, row: u16) -> Vec<Effect> {
    use crate::tui::shared::keys::Context as C;
    let (w, h) = app.size;
    let Some(binding) = crate::tui::shared::help::binding_at(
        &crate::tui::facilitator::keys::KEYS,
        app.lang,
        &crate::tui::facilitator::view::help::NOTES,
        Rect::new(0, 0, w, h),
        scroll,
        (column, row),
    ) else {
        return Vec::new();
    };
    let panel = match binding.context {
        C::Attendance => Some(Panel::Attendance),
        C::Agenda => Some(Panel::Agenda),
        C::Motion | C::FollowUp => Some(Panel::Motion),
        C::Notes => Some(Panel::Notes),
        C::Speakers => Some(Panel::Speakers),
        _ => None,
    };
    let (help, focus) = (app.help, app.focus);
    app.help = None;
    if let Some(panel) = panel {
        app.focus = panel;
    }
    if !app.contexts().contains(&binding.context) {
        (app.help, app.focus) = (help, focus);
        return Vec::new();
    }
    super::update(app, binding.action)
}

fn contains(r: Rect, column: u16, row: u16) -> bool {
    r.contains(Position::new(column, row))
}

pub(super) fn handle_mouse(app: &mut App, mouse: MouseEvent) -> Vec<Effect> {
    let (column, row) = (mouse.column, mouse.row);
    if let Some(scroll) = app.help {
        match mouse.kind {
            MouseEventKind::ScrollDown => move_selection(app, 3),
            MouseEventKind::ScrollUp => move_selection(app, -3),
            MouseEventKind::Down(MouseButton::Left) => {
                return click_in_help(app, scroll, column, row);
            }
            _ => {}
        }
        return Vec::new();
    }
    let Some(areas) = app.areas() else {
        return Vec::new();
    };
    // A click on a key hint in the footer does what the key does, in a dialog too (its
    // hints are its own: confirm, cancel, next field).
    if mouse.kind == MouseEventKind::Down(MouseButton::Left) && contains(areas.footer, column, row)
    {
        let hints = crate::tui::facilitator::view::footer::footer_hints(app);
        let at = column - areas.footer.x;
        return match crate::tui::shared::footer::hint_at(&hints, app.lang, areas.footer.width, at) {
            Some(action) => super::update(app, action),
            None => Vec::new(),
        };
    }
    // A dialog keeps the keyboard; clicks behind it would act on what it hides.
    if app.dialog.is_some() || app.note_takers_open() || app.comments.is_some() {
        return Vec::new();
    }
    let list = layout::attendance_list(areas.attendance);
    let agenda = inner(areas.agenda);
    match mouse.kind {
        MouseEventKind::Down(MouseButton::Left) => {
            if contains(areas.attendance, column, row) {
                app.focus = Panel::Attendance;
                if contains(list, column, row) {
                    let start = app
                        .attendance
                        .list
                        .window_start(list.height as usize, app.attendance.rows.len());
                    let clicked = start + usize::from(row - list.y);
                    if app.attendance.select_row(clicked) {
                        app.keep_selections_in_view();
                        // The mark is the first four columns: clicking it toggles.
                        if column < list.x + 4 {
                            return toggle_attendance(app);
                        }
                    }
                }
            } else if contains(areas.agenda, column, row) {
                app.focus = Panel::Agenda;
                if contains(agenda, column, row) {
                    let start = app
                        .agenda
                        .list
                        .window_start(agenda.height as usize, app.agenda.rows.len());
                    if app.agenda.select_row(start + usize::from(row - agenda.y)) {
                        if app.state().current_item.is_none() {
                            app.motion.selected = 0;
                        }
                        app.keep_selections_in_view();
                    }
                }
            } else if contains(areas.speakers, column, row) {
                app.focus = Panel::Speakers;
                let queue = layout::speaker_parts(areas.speakers).queue;
                if contains(queue, column, row) {
                    let len = app.queue_in_view().len();
                    let start = app.speakers.list.window_start(queue.height as usize, len);
                    let clicked = start + usize::from(row - queue.y);
                    if clicked < len {
                        app.speakers.list.selected = clicked;
                        app.keep_selections_in_view();
                    }
                }
            } else if contains(areas.motion, column, row) {
                app.focus = Panel::Motion;
            } else if contains(areas.notes, column, row) {
                app.focus = Panel::Notes;
            }
        }
        MouseEventKind::ScrollDown | MouseEventKind::ScrollUp => {
            let down = mouse.kind == MouseEventKind::ScrollDown;
            if contains(areas.attendance, column, row) {
                app.attendance.move_by(if down { 3 } else { -3 });
                app.keep_selections_in_view();
            } else if contains(areas.agenda, column, row) {
                app.agenda.move_by(if down { 3 } else { -3 });
                app.keep_selections_in_view();
            } else if contains(areas.notes, column, row) {
                scroll_notes(app, if down { -3 } else { 3 });
            } else if contains(areas.speakers, column, row) {
                move_in_queue(app, if down { 1 } else { -1 });
                app.keep_selections_in_view();
            }
        }
        _ => {}
    }
    Vec::new()
}
