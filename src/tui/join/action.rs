//! What the note-taker can ask for: the shared actions (help, language, the note
//! editor, lines and dialogs), and the screen's own.

use crate::i18n::{Label, key_names as k};
use crate::tui::shared::action::Common;
use crate::tui::shared::keys::Named;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum JoinAction {
    /// Leaving, help and language, lists and dialogs, editing, the note editor.
    Common(Common),
    /// Select the previous (older) of one's own notes, to correct it.
    PreviousOwnNote,
    NextOwnNote,
    /// Load the selected note into the editor; Enter then records the correction.
    CorrectNote,
    /// Type the join code again (it was wrong, or the host has a new one).
    EnterJoinCode,
    /// Try to reach the host now rather than after the back-off.
    ReconnectNow,
}

impl From<Common> for JoinAction {
    fn from(common: Common) -> JoinAction {
        JoinAction::Common(common)
    }
}

impl Named for JoinAction {
    fn name(self) -> Label {
        match self {
            JoinAction::Common(common) => common.name(),
            JoinAction::PreviousOwnNote => k::SELECT_OLDER_NOTE,
            JoinAction::NextOwnNote => k::SELECT_NEWER_NOTE,
            JoinAction::CorrectNote => k::CORRECT_NOTE,
            JoinAction::EnterJoinCode => k::ENTER_JOIN_CODE,
            JoinAction::ReconnectNow => k::RECONNECT_NOW,
        }
    }
}
