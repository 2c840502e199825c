//! How a change reaches the meeting: recorded as the facilitator, now; a refusal
//! becomes the message and nothing changes. Undo and redo are recorded changes too.

use super::Effect;
use crate::domain::{Author, EventKind};
use crate::i18n::{refusals, screen as s};
use crate::tui::facilitator::action::Action;
use crate::tui::facilitator::app::App;
use crate::tui::facilitator::keys::KEYS;
use crate::tui::shared::keys::Context;

/// Records an event as the facilitator, now, and says what it did and how to take it
/// back (a note says it by appearing in the list). A refusal becomes the message, and
/// nothing changes.
pub(super) fn try_record(app: &mut App, kind: EventKind) -> Option<Effect> {
    // Described before it happens, while what it names (an item it removes) is there.
    let what = (!matches!(kind, EventKind::NoteAdded(_)))
        .then(|| s::describe(&kind, app.meeting.state(), app.lang));
    let floor = app.floor().cloned();
    match app.meeting.record(app.now, Author::Facilitator, kind) {
        Ok(event) => {
            let event = event.clone();
            app.save.recorded = Some(event.seq);
            app.refresh_after(&event.kind);
            app.follow_floor(floor);
            if let Some(what) = what {
                let undo = KEYS
                    .keys_for(Context::Everywhere, Action::Undo)
                    .unwrap_or_default();
                app.info(s::done(&what, &undo, app.lang));
            }
            Some(Effect::Save(Box::new(event)))
        }
        Err(error) => {
            let text = refusals::refusal(&error, app.lang);
            app.refuse(text);
            None
        }
    }
}

pub(super) fn record(app: &mut App, kind: EventKind) -> Vec<Effect> {
    try_record(app, kind).into_iter().collect()
}

/// Records from a dialog: the dialog closes on success and stays open, with its input,
/// on a refusal so the facilitator can correct it.
pub(super) fn record_from_dialog(app: &mut App, kind: EventKind) -> Vec<Effect> {
    let effects = record(app, kind);
    if !effects.is_empty() {
        app.dialog = None;
    }
    effects
}

pub(super) fn undo(app: &mut App, redo: bool) -> Vec<Effect> {
    let by = Author::Facilitator;
    let target = if redo {
        app.meeting.redo_target(&by)
    } else {
        app.meeting.undo_target(&by)
    };
    // Describe it before undo changes what the names refer to.
    let what = target
        .and_then(|seq| app.meeting.event(seq))
        .map(|e| s::describe(&e.kind, app.meeting.state(), app.lang));
    let floor = app.floor().cloned();
    let result = if redo {
        app.meeting.redo(app.now, by)
    } else {
        app.meeting.undo(app.now, by)
    };
    match result {
        Ok(event) => {
            let event = event.clone();
            app.save.recorded = Some(event.seq);
            app.refresh_after(&event.kind);
            app.follow_floor(floor);
            let what = what.unwrap_or_default();
            let text = if redo {
                s::redone(&what, app.lang)
            } else {
                s::undone(&what, app.lang)
            };
            app.info(text);
            vec![Effect::Save(Box::new(event))]
        }
        Err(error) => {
            let text = refusals::refusal(&error, app.lang);
            app.refuse(text);
            Vec::new()
        }
    }
}
