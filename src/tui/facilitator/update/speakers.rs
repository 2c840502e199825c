//! The speaking queue's actions: who asks to speak on the item in view, who is given
//! the floor (the next in the queue, or the one selected), the speaker's time (pause,
//! a minute more, the end) and the item's time per speaker. Every one is an event, so
//! undo takes it back and the minutes count it.

use super::Effect;
use super::recording::{record, record_from_dialog};
use crate::domain::{EventKind, ItemId, Speaker};
use crate::i18n::screen as s;
use crate::tui::facilitator::action::Action;
use crate::tui::facilitator::app::App;
use crate::tui::facilitator::dialog::{Dialog, PickPurpose, TextPurpose};
use crate::tui::shared::line_editor::LineEditor;
use crate::tui::shared::picker::Picker;
use crate::tui::shared::view::minutes_seconds;

/// Extra time granted at a time: a minute.
pub const EXTRA_SECONDS: u32 = 60;

pub(super) fn update(app: &mut App, action: Action) -> Vec<Effect> {
    use Action as A;
    match action {
        A::RequestToSpeak => {
            if let Some(item) = item_in_view(app) {
                let picker = Picker::new(PickPurpose::SpeakerRequest { item }, app.state());
                app.dialog = Some(Dialog::Picker(picker));
            }
            Vec::new()
        }
        A::CallNextSpeaker => call(app, true),
        A::CallSelectedSpeaker => call(app, false),
        A::PauseSpeaking => {
            let paused = app.state().speaking_now().map(|t| t.is_paused());
            let kind = if paused == Some(true) {
                EventKind::SpeakingResumed
            } else {
                EventKind::SpeakingPaused
            };
            record(app, kind)
        }
        A::EndSpeaking => record(app, EventKind::SpeakingEnded),
        A::ExtendSpeaking => record(
            app,
            EventKind::SpeakingExtended {
                seconds: EXTRA_SECONDS,
            },
        ),
        A::WithdrawRequest => match selected(app) {
            Some(request) => record(app, EventKind::SpeakerRequestWithdrawn { request }),
            None => Vec::new(),
        },
        A::MoveRequestUp | A::MoveRequestDown => {
            let Some(request) = selected(app) else {
                return Vec::new();
            };
            let up = action == A::MoveRequestUp;
            let effects = record(app, EventKind::SpeakerRequestMoved { request, up });
            // The selection moves with the request.
            if !effects.is_empty() {
                let list = &mut app.speakers.list;
                list.selected = if up {
                    list.selected.saturating_sub(1)
                } else {
                    list.selected + 1
                };
                app.keep_selections_in_view();
            }
            effects
        }
        A::SetSpeakingLimit => {
            if let Some(item) = item_in_view(app) {
                let limit = app.state().speaking_limit(Some(&item));
                app.dialog = Some(Dialog::Text {
                    purpose: TextPurpose::SpeakingLimit { item },
                    editor: LineEditor::with_text(&minutes_seconds(i64::from(limit))),
                    question: None,
                });
            }
            Vec::new()
        }
        _ => Vec::new(),
    }
}

/// The item whose queue the panel shows; without one, says how to get one.
fn item_in_view(app: &mut App) -> Option<ItemId> {
    let item = app
        .item_in_view()
        .and_then(|i| app.state().items.get(i))
        .map(|i| i.item.id.clone());
    if item.is_none() {
        app.refuse(s::NO_ITEM_FOR_QUEUE.get(app.lang));
    }
    item
}

/// The selected request; with an empty queue, says so.
fn selected(app: &mut App) -> Option<crate::domain::Seq> {
    let request = app.selected_request().map(|r| r.seq);
    if request.is_none() {
        app.refuse(s::QUEUE_EMPTY.get(app.lang));
    }
    request
}

/// Gives the floor to the first in the queue (`next`) or the selected request: only
/// from the queue of the item under way, since a turn counts for the item it is
/// spoken on.
fn call(app: &mut App, next: bool) -> Vec<Effect> {
    let state = app.state();
    if state.current_item.is_none() || state.current_item != app.item_in_view() {
        let text = if app.queue_in_view().is_empty() {
            s::QUEUE_EMPTY
        } else {
            s::QUEUE_ITEM_NOT_STARTED
        };
        app.refuse(text.get(app.lang));
        return Vec::new();
    }
    let request = if next {
        app.queue_in_view().first()
    } else {
        app.selected_request()
    };
    let Some(request) = request else {
        app.refuse(s::QUEUE_EMPTY.get(app.lang));
        return Vec::new();
    };
    let kind = EventKind::SpeakingStarted {
        speaker: request.speaker.clone(),
        request: Some(request.seq),
    };
    record(app, kind)
}

/// Confirming the picker: the person (or name typed) joins the item's queue.
pub(super) fn request(app: &mut App, item: ItemId, speaker: Option<Speaker>) -> Vec<Effect> {
    match speaker {
        Some(speaker) => record_from_dialog(app, EventKind::SpeakerRequested { item, speaker }),
        None => Vec::new(),
    }
}

/// Confirming the limit dialog.
pub(super) fn set_limit(app: &mut App, item: ItemId, text: &str) -> Vec<Effect> {
    match crate::typed::duration(text) {
        Some(seconds) => record_from_dialog(app, EventKind::SpeakingLimitSet { item, seconds }),
        None => {
            app.refuse(s::NOT_A_DURATION.get(app.lang));
            Vec::new()
        }
    }
}
