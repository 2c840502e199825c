//! The notes panel's actions: the note editor (shared with the note-taker's screen in
//! what it makes of the text) and the timeline's scrolling.

use super::Effect;
use super::recording::record;
use crate::domain::{EventKind, ItemId, NoteKind};
use crate::i18n::screen as s;
use crate::tui::facilitator::action::{Action, Panel};
use crate::tui::facilitator::app::App;
use crate::tui::facilitator::dialog::{Dialog, PickPurpose};
use crate::tui::facilitator::keys::KEYS;
use crate::tui::facilitator::panels::Correcting;
use crate::tui::shared::action::Common;
use crate::tui::shared::keys::Context;
use crate::tui::shared::note_editor::{NoteDraft, NoteEditor, quick_narrative};
use crate::tui::shared::picker::Picker;

pub(super) fn update(app: &mut App, action: Common) -> Vec<Effect> {
    match action {
        Common::AddNote => return add_note(app),
        Common::PickSpeaker => {
            let picker = Picker::new(PickPurpose::NoteSpeaker, app.state());
            app.dialog = Some(Dialog::Picker(picker));
        }
        Common::CycleNoteKind => app.notes.editor.kind = app.notes.editor.kind.next(),
        Common::ToggleEnglish => {
            let editor = &mut app.notes.editor;
            editor.editing_english = !editor.editing_english;
        }
        Common::NoteNoObjection | Common::NoteNodding => {
            if let Some(note) = quick_narrative(action, current_item_id(app)) {
                return record(app, EventKind::NoteAdded(note.into()));
            }
        }
        Common::ScrollNotesUp => scroll_notes(app, 3),
        Common::ScrollNotesDown => scroll_notes(app, -3),
        // The other shared actions are handled where the screen routes them.
        _ => {}
    }
    Vec::new()
}

/// Every item's notes, or the current item's.
pub(super) fn toggle_all(app: &mut App) {
    app.notes.show_all = !app.notes.show_all;
    app.notes.scroll = 0;
    app.notes.selected = None;
}

/// Which way the selection moves.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Towards {
    Older,
    Newer,
}

/// Moves the selection one note; the selected note is kept at the bottom of the
/// timeline, so it is always in view.
pub(super) fn select(app: &mut App, towards: Towards) {
    let shown = app.notes.shown(app.meeting.state()).len();
    let selected = app.notes.selected.filter(|&n| n < shown);
    app.notes.selected = match (towards, selected) {
        (_, _) if shown == 0 => None,
        (Towards::Older, None) => Some(shown - 1),
        (Towards::Older, Some(n)) => Some(n.saturating_sub(1)),
        (Towards::Newer, Some(n)) if n + 1 < shown => Some(n + 1),
        (Towards::Newer, _) => None,
    };
    app.notes.scroll = app.notes.selected.map_or(0, |n| shown - 1 - n);
}

/// The selected note, as an index into `State::notes`.
fn selected_note(app: &App) -> Option<usize> {
    let shown = app.notes.shown(app.meeting.state());
    app.notes.selected.and_then(|n| shown.get(n))
}

/// Loads the selected note into the editor, setting aside what was typed.
pub(super) fn correct_selected(app: &mut App) -> Vec<Effect> {
    let Some(entry) = selected_note(app).and_then(|i| app.meeting.state().notes.get(i)) else {
        let key = |action| KEYS.keys_for(Context::Notes, action).unwrap_or_default();
        let text = s::select_a_note_first(
            &key(Action::SelectOlderNote),
            &key(Action::CorrectNote),
            app.lang,
        );
        app.refuse(text);
        return Vec::new();
    };
    let (note, item, editor) = (
        entry.seq,
        entry.note.item.clone(),
        crate::tui::shared::note_editor::NoteEditor::of(&entry.note),
    );
    let set_aside = match app.notes.correcting.take() {
        Some(earlier) => earlier.set_aside,
        None => std::mem::replace(&mut app.notes.editor, editor.clone()),
    };
    app.notes.editor = editor;
    app.notes.correcting = Some(Correcting {
        note,
        item,
        set_aside,
    });
    Vec::new()
}

/// Esc in the notes panel: drops a correction, else the selection, else leaves.
pub(super) fn back(app: &mut App) {
    if let Some(correcting) = app.notes.correcting.take() {
        app.notes.editor = correcting.set_aside;
    } else if app.notes.selected.take().is_some() {
        app.notes.scroll = 0;
    } else {
        app.focus = Panel::previous(app.focus);
    }
}

fn current_item_id(app: &App) -> Option<ItemId> {
    app.state().current_item().map(|i| i.item.id.clone())
}

fn add_note(app: &mut App) -> Vec<Effect> {
    // A correction keeps its note's item.
    let item = match &app.notes.correcting {
        Some(correcting) => correcting.item.clone(),
        None => current_item_id(app),
    };
    let Some(draft) = app.notes.editor.draft(item) else {
        app.refuse(s::EMPTY_NOTE.get(app.lang));
        return Vec::new();
    };
    let Some(kind) = app.notes.editor.kind.immediate() else {
        // An action item asks who and by when before it is recorded.
        let picker = Picker::new(PickPurpose::ActionOwner { draft }, app.state());
        app.dialog = Some(Dialog::Picker(picker));
        return Vec::new();
    };
    record_note(app, draft, kind)
}

/// Records a note, or the correction of the note being corrected; the line is cleared
/// (or given back what was set aside) only once it is in the record.
pub(super) fn record_note(app: &mut App, draft: NoteDraft, kind: NoteKind) -> Vec<Effect> {
    let note = draft.note(kind).into();
    let event = match &app.notes.correcting {
        Some(correcting) => EventKind::NoteCorrected {
            note: correcting.note,
            corrected: note,
        },
        None => EventKind::NoteAdded(note),
    };
    let effects = record(app, event);
    if !effects.is_empty() {
        app.notes.editor = match app.notes.correcting.take() {
            // Done with the note: the selection goes, the newest notes come back.
            Some(correcting) => {
                app.notes.selected = None;
                app.notes.scroll = 0;
                correcting.set_aside
            }
            None => NoteEditor::for_floor(app.floor()),
        };
    }
    effects
}

pub(super) fn scroll_notes(app: &mut App, by: isize) {
    let shown = app.notes.shown(app.meeting.state()).len();
    let scroll = app.notes.scroll.saturating_add_signed(by);
    app.notes.scroll = scroll.min(shown.saturating_sub(1));
}
