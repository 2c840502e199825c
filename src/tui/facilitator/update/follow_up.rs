//! The follow-up table's actions, on the motion panel of the follow-up item: what was
//! done about each matter carried from the previous meeting, and whether the forum
//! keeps tracking it or closes it.

use super::Effect;
use super::recording::{record, record_from_dialog};
use crate::domain::{EventKind, FollowUpEntry, FollowUpStatus, Text};
use crate::i18n::{refusals, screen as s};
use crate::tui::facilitator::action::Action;
use crate::tui::facilitator::app::App;
use crate::tui::facilitator::dialog::{Dialog, TextPurpose};
use crate::tui::shared::line_editor::LineEditor;

pub(super) fn update(app: &mut App, action: Action) -> Vec<Effect> {
    match action {
        Action::PreviousFollowUp | Action::NextFollowUp => {
            if let Some(current) = app.selected_follow_up() {
                let last = app.state().follow_up.len() - 1;
                app.motion.follow_up_selected = if action == Action::NextFollowUp {
                    (current + 1).min(last)
                } else {
                    current.saturating_sub(1)
                };
            }
        }
        Action::RecordFollowUpAction => ask_action_taken(app),
        Action::KeepTrackingFollowUp => return mark_follow_up(app, FollowUpStatus::KeepTracking),
        Action::CloseFollowUp => return mark_follow_up(app, FollowUpStatus::Closed),
        // The other panels' actions are routed to their own files.
        _ => {}
    }
    Vec::new()
}

/// The selected follow-up row, or a refusal saying why there is none (or why it cannot
/// be changed now).
fn follow_up_to_record(app: &mut App) -> Option<FollowUpEntry> {
    let Some(row) = app.selected_follow_up() else {
        app.refuse(s::NO_FOLLOW_UP_SELECTED.get(app.lang));
        return None;
    };
    let number = app.state().follow_up[row].number;
    match app.state().check_follow_up(number) {
        Ok(entry) => Some(entry.clone()),
        Err(error) => {
            app.refuse(refusals::refusal(&error, app.lang));
            None
        }
    }
}

/// Opens the action-taken dialog, holding what was recorded so far to correct or add to.
fn ask_action_taken(app: &mut App) {
    let Some(entry) = follow_up_to_record(app) else {
        return;
    };
    let question = s::ask_action_taken(entry.number, entry.matter.get(app.lang), app.lang);
    app.dialog = Some(Dialog::Text {
        purpose: TextPurpose::FollowUpActionTaken {
            entry: entry.number,
        },
        editor: LineEditor::with_text(&entry.action_taken.text),
        question: Some(question),
    });
}

/// Records what was done, keeping the matter's status. The text typed is the Chinese
/// (primary) text; an English version is kept only while that text is unchanged, since
/// a changed text makes the old translation wrong.
pub(super) fn record_action_taken(app: &mut App, entry: u32, text: &str) -> Vec<Effect> {
    let row = match app.state().check_follow_up(entry) {
        Ok(row) => row,
        Err(error) => {
            app.refuse(refusals::refusal(&error, app.lang));
            return Vec::new();
        }
    };
    if text == row.action_taken.text.trim() {
        // Nothing changed: nothing to record, and nothing for undo to take back.
        app.dialog = None;
        return Vec::new();
    }
    let kind = EventKind::FollowUpRecorded {
        entry,
        action_taken: Text::new(text),
        status: row.status,
    };
    record_from_dialog(app, kind)
}

/// Keeps tracking or closes the selected matter, its action taken unchanged.
fn mark_follow_up(app: &mut App, status: FollowUpStatus) -> Vec<Effect> {
    let Some(entry) = follow_up_to_record(app) else {
        return Vec::new();
    };
    if entry.status == status {
        app.refuse(s::follow_up_already(entry.number, status, app.lang));
        return Vec::new();
    }
    record(
        app,
        EventKind::FollowUpRecorded {
            entry: entry.number,
            action_taken: entry.action_taken,
            status,
        },
    )
}
