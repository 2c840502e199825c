//! What the facilitator can ask for, named by intent. The key table (`keys.rs`) maps
//! keys to these; `update` carries them out. A key's name never appears here.

/// The four panels that take the focus.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Panel {
    Attendance,
    Agenda,
    Motion,
    Notes,
}

impl Panel {
    /// In the order Tab visits them and the number keys name them.
    pub const ALL: [Panel; 4] = [
        Panel::Attendance,
        Panel::Agenda,
        Panel::Motion,
        Panel::Notes,
    ];

    pub fn next(self) -> Panel {
        let i = Panel::ALL.iter().position(|p| *p == self).unwrap_or(0);
        Panel::ALL[(i + 1) % Panel::ALL.len()]
    }

    pub fn previous(self) -> Panel {
        let i = Panel::ALL.iter().position(|p| *p == self).unwrap_or(0);
        Panel::ALL[(i + Panel::ALL.len() - 1) % Panel::ALL.len()]
    }
}

use crate::domain::Step;
use crate::tui::shared::action::Common;

/// What the facilitator can ask for: the shared actions, and the screen's own.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Action {
    /// Leaving, help and language, lists and dialogs, editing, the note editor.
    Common(Common),

    // Anywhere.
    /// Take back the facilitator's last change (the log records the retraction).
    Undo,
    /// Reinstate what undo took back.
    Redo,
    FocusNext,
    FocusPrevious,
    Focus(Panel),

    // Lists (attendance, agenda).
    SelectFirst,
    SelectLast,

    // Attendance.
    /// Arrived if not present, left if present; a person who left can come back.
    ToggleAttendance,
    MarkExcused,
    AddObserver,
    AddRepresentative,

    // Agenda.
    StartMeeting,
    StartSelectedItem,
    EndCurrentItem,
    AddExtemporeMotion,
    AdjournMeeting,

    // Motion.
    PreviousMotion,
    NextMotion,
    OpenConsensusRound,
    RecordObjection,
    RecordReservation,
    CloseConsensusRound,
    TakeConsentToVote,
    VoteByCounts,
    VoteByRollCall,
    AskChairRuling,
    DeferMotion,
    WithdrawMotion,

    // Notes.
    ToggleAllNotes,

    // Dialogs.
    NextField,
    PreviousField,
    BallotYes,
    BallotNo,
    BallotAbstain,
    ClearBallot,
    ChairAdopts,
    ChairRejects,

    // The follow-up table, shown in the motion panel on the follow-up item.
    PreviousFollowUp,
    NextFollowUp,
    /// Type what was done about the selected matter (辦理情形).
    RecordFollowUpAction,
    /// The forum keeps tracking the selected matter (繼續追蹤).
    KeepTrackingFollowUp,
    /// The forum closes the selected matter (解除追蹤).
    CloseFollowUp,

    // The note-taker link.
    /// Show or hide the list of note-takers, with the address and the join code.
    ShowNoteTakers,
    /// Close the selected note-taker's link; they may join again.
    DisconnectNoteTaker,
    /// Close it and refuse that note-taker from now on.
    RevokeNoteTaker,
    /// Replace the join code (note-takers already connected stay).
    NewJoinCode,
}

impl From<Common> for Action {
    fn from(common: Common) -> Action {
        Action::Common(common)
    }
}

impl Action {
    /// The step of the motion procedure an action takes, if it takes one: the domain
    /// says whether it may be taken now.
    pub fn step(self) -> Option<Step> {
        match self {
            Action::OpenConsensusRound => Some(Step::OpenRound),
            Action::RecordObjection | Action::RecordReservation => Some(Step::RaiseObjection),
            Action::CloseConsensusRound => Some(Step::CloseRound),
            Action::TakeConsentToVote => Some(Step::TakeConsent),
            Action::VoteByCounts | Action::VoteByRollCall => Some(Step::CountVote),
            Action::AskChairRuling => Some(Step::ChairRules),
            Action::DeferMotion => Some(Step::Defer),
            Action::WithdrawMotion => Some(Step::Withdraw),
            _ => None,
        }
    }
}
