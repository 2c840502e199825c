//! The notes panel's actions: the note editor (shared with the note-taker's screen in
//! what it makes of the text) and the timeline's scrolling.

use super::Effect;
use super::recording::record;
use crate::domain::{EventKind, ItemId, NoteKind};
use crate::i18n::screen as s;
use crate::tui::facilitator::app::App;
use crate::tui::facilitator::dialog::{Dialog, PickPurpose};
use crate::tui::shared::action::Common;
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
}

fn current_item_id(app: &App) -> Option<ItemId> {
    app.state().current_item().map(|i| i.item.id.clone())
}

fn add_note(app: &mut App) -> Vec<Effect> {
    let Some(draft) = app.notes.editor.draft(current_item_id(app)) else {
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

/// Records a note; the line is cleared only once the note is in the record.
pub(super) fn record_note(app: &mut App, draft: NoteDraft, kind: NoteKind) -> Vec<Effect> {
    let effects = record(app, EventKind::NoteAdded(draft.note(kind).into()));
    if !effects.is_empty() {
        app.notes.editor = NoteEditor::default();
    }
    effects
}

pub(super) fn scroll_notes(app: &mut App, by: isize) {
    let shown = app.notes.shown(app.meeting.state()).len();
    let scroll = app.notes.scroll.saturating_add_signed(by);
    app.notes.scroll = scroll.min(shown.saturating_sub(1));
}
