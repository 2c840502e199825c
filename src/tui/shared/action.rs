//! What either screen can ask for, named by intent: leaving, help and language, moving
//! in a list or a dialog, editing a line, and the note editor. Each screen's own
//! actions wrap these (`facilitator::Action::Common`, `join::JoinAction::Common`) and add
//! their own, so an action of one screen cannot even be named on the other.

use crate::i18n::{Label, key_names as k};

/// What an action is called in hints and help (its text is in `i18n/key_names.rs`).
pub trait Named: Copy {
    fn name(self) -> Label;
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Common {
    /// Leave; what was typed and not sent is warned about first.
    Quit,
    ToggleHelp,
    SwitchLanguage,

    // Lists, dialogs and the help overlay.
    SelectPrevious,
    SelectNext,
    SelectPageUp,
    SelectPageDown,
    Confirm,
    Cancel,

    // Editing any input line.
    CursorLeft,
    CursorRight,
    CursorHome,
    CursorEnd,
    DeleteBackward,
    DeleteForward,

    // The note editor.
    AddNote,
    PickSpeaker,
    CycleNoteKind,
    ToggleEnglish,
    /// Records the room narrative （與會者皆無意見）.
    NoteNoObjection,
    /// Records the room narrative （點頭）.
    NoteNodding,
    ScrollNotesUp,
    ScrollNotesDown,
}

impl Named for Common {
    fn name(self) -> Label {
        match self {
            Common::Quit => k::QUIT,
            Common::ToggleHelp => k::TOGGLE_HELP,
            Common::SwitchLanguage => k::SWITCH_LANGUAGE,
            Common::SelectPrevious => k::SELECT_PREVIOUS,
            Common::SelectNext => k::SELECT_NEXT,
            Common::SelectPageUp => k::SELECT_PAGE_UP,
            Common::SelectPageDown => k::SELECT_PAGE_DOWN,
            Common::AddNote => k::ADD_NOTE,
            Common::PickSpeaker => k::PICK_SPEAKER,
            Common::CycleNoteKind => k::CYCLE_NOTE_KIND,
            Common::ToggleEnglish => k::TOGGLE_ENGLISH,
            Common::NoteNoObjection => k::NOTE_NO_OBJECTION,
            Common::NoteNodding => k::NOTE_NODDING,
            Common::ScrollNotesUp => k::SCROLL_NOTES_UP,
            Common::ScrollNotesDown => k::SCROLL_NOTES_DOWN,
            Common::CursorLeft => k::CURSOR_LEFT,
            Common::CursorRight => k::CURSOR_RIGHT,
            Common::CursorHome => k::CURSOR_HOME,
            Common::CursorEnd => k::CURSOR_END,
            Common::DeleteBackward => k::DELETE_BACKWARD,
            Common::DeleteForward => k::DELETE_FORWARD,
            Common::Confirm => k::CONFIRM,
            Common::Cancel => k::CANCEL,
        }
    }
}
