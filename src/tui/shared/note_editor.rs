//! The kind of note the input line will record, which Ctrl-K cycles through on both
//! screens.

use crate::domain::NoteKind;

/// The kinds of note the input line cycles through.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum NoteKindChoice {
    #[default]
    Said,
    Narrative,
    Action,
    Decision,
}

impl NoteKindChoice {
    /// The kind a note of this choice is recorded with as soon as it is entered; an
    /// action item (`None`) first asks who will do it and by when.
    pub fn immediate(self) -> Option<NoteKind> {
        match self {
            NoteKindChoice::Said => Some(NoteKind::Said),
            NoteKindChoice::Narrative => Some(NoteKind::Narrative),
            NoteKindChoice::Decision => Some(NoteKind::Decision),
            NoteKindChoice::Action => None,
        }
    }

    pub fn next(self) -> NoteKindChoice {
        match self {
            NoteKindChoice::Said => NoteKindChoice::Narrative,
            NoteKindChoice::Narrative => NoteKindChoice::Action,
            NoteKindChoice::Action => NoteKindChoice::Decision,
            NoteKindChoice::Decision => NoteKindChoice::Said,
        }
    }

    pub fn of(kind: &NoteKind) -> NoteKindChoice {
        match kind {
            NoteKind::Said => NoteKindChoice::Said,
            NoteKind::Narrative => NoteKindChoice::Narrative,
            NoteKind::Action { .. } => NoteKindChoice::Action,
            NoteKind::Decision => NoteKindChoice::Decision,
        }
    }
}
