//! What either screen can ask for, named by intent: leaving, help and language, moving
//! in a list or a dialog, editing a line, and the note editor. Each screen's own
//! actions wrap these (`facilitator::Action::Common`, `join::JoinAction::Common`) and add
//! their own, so an action of one screen cannot even be named on the other.

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
