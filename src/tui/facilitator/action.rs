//! What the facilitator can ask for, named by intent. The key table (`keys.rs`) maps
//! keys to these; `update` carries them out. A key's name never appears here.

/// The four panels that take the focus.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Panel {
    Attendance,
    Agenda,
    Motion,
    Notes,
    Speakers,
}

impl Panel {
    /// The panel's name on its border.
    pub fn name(self) -> Label {
        match self {
            Panel::Attendance => s::PANEL_ATTENDANCE,
            Panel::Agenda => s::PANEL_AGENDA,
            Panel::Motion => s::PANEL_MOTION,
            Panel::Notes => s::PANEL_NOTES,
            Panel::Speakers => s::PANEL_SPEAKERS,
        }
    }

    /// In the order the number keys name them.
    pub const ALL: [Panel; 5] = [
        Panel::Attendance,
        Panel::Agenda,
        Panel::Motion,
        Panel::Notes,
        Panel::Speakers,
    ];

    /// In the order Tab visits them: down the left column, then the right.
    const TAB_ORDER: [Panel; 5] = [
        Panel::Attendance,
        Panel::Speakers,
        Panel::Agenda,
        Panel::Motion,
        Panel::Notes,
    ];

    pub fn next(self) -> Panel {
        let order = Panel::TAB_ORDER;
        let i = order.iter().position(|p| *p == self).unwrap_or(0);
        order[(i + 1) % order.len()]
    }

    pub fn previous(self) -> Panel {
        let order = Panel::TAB_ORDER;
        let i = order.iter().position(|p| *p == self).unwrap_or(0);
        order[(i + order.len() - 1) % order.len()]
    }
}

use crate::domain::Step;
use crate::i18n::{Label, key_names as k, screen as s};
use crate::tui::shared::action::Common;
use crate::tui::shared::keys::Named;

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
    /// Correct the selected person's name, title and organisation.
    CorrectPerson,
    /// A new member of the roster (name and category, organisation, title).
    AddMember,

    // Agenda.
    StartMeeting,
    StartSelectedItem,
    EndCurrentItem,
    AddExtemporeMotion,
    AdjournMeeting,
    /// A new item after the last of the selected item's section.
    AddItem,
    /// In the new item's dialog the next section; in the new member's, the next
    /// category.
    NextChoice,
    /// Change the selected item's title, presenter, planned minutes, explanation and
    /// proposed action.
    EditItem,
    MoveItemUp,
    MoveItemDown,
    /// Take the selected item off the agenda, if nothing happened on it.
    RemoveItem,
    /// Take the selected person off the roster, if they have done nothing.
    RemovePerson,
    /// The meeting's title, number, date, planned start and end, venue and recorder.
    EditMeetingDetails,

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
    /// Change the selected motion's text: an edit of the draft, or an amendment.
    AmendMotion,
    /// Take the selected motion in two: it keeps part of its text, the rest becomes
    /// a motion of its own.
    SplitMotion,
    /// Put a new motion on the panel's item.
    AddMotion,

    // Speakers.
    /// Add someone to the current item's queue (a person, or a name typed).
    RequestToSpeak,
    /// Give the floor to the first in the queue.
    CallNextSpeaker,
    /// Give the floor to the selected request, out of turn.
    CallSelectedSpeaker,
    /// Pause the speaker's time, or let it run again.
    PauseSpeaking,
    EndSpeaking,
    /// Grant the speaker a minute more.
    ExtendSpeaking,
    /// Take the selected request off the queue.
    WithdrawRequest,
    MoveRequestUp,
    MoveRequestDown,
    /// Set the time each speaker has on the current item.
    SetSpeakingLimit,

    // Notes.
    ToggleAllNotes,
    /// Select the note above the selected one (the newest, if none is).
    SelectOlderNote,
    /// Select the note below; past the newest, none.
    SelectNewerNote,
    /// Load the selected note into the editor to correct it.
    CorrectNote,
    /// Drop a correction (the draft set aside comes back), else the selection, else
    /// leave the panel.
    NotesBack,

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

    /// Show or hide the QR code of the room's live page.
    ToggleRoomQr,

    // The public's comments.
    /// Show or hide the comments on the item in view.
    ShowComments,
    /// Answer the selected comment: its status and the response.
    AnswerComment,

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
            Action::AmendMotion | Action::SplitMotion => Some(Step::Amend),
            _ => None,
        }
    }
}

impl Named for Action {
    fn name(self) -> Label {
        match self {
            Action::Common(common) => common.name(),
            Action::Undo => k::UNDO,
            Action::Redo => k::REDO,
            Action::FocusNext => k::FOCUS_NEXT,
            Action::FocusPrevious => k::FOCUS_PREVIOUS,
            Action::Focus(Panel::Attendance) => k::FOCUS_ATTENDANCE,
            Action::Focus(Panel::Agenda) => k::FOCUS_AGENDA,
            Action::Focus(Panel::Motion) => k::FOCUS_MOTION,
            Action::Focus(Panel::Notes) => k::FOCUS_NOTES,
            Action::Focus(Panel::Speakers) => k::FOCUS_SPEAKERS,
            Action::SelectFirst => k::SELECT_FIRST,
            Action::SelectLast => k::SELECT_LAST,
            Action::ToggleAttendance => k::TOGGLE_ATTENDANCE,
            Action::MarkExcused => k::MARK_EXCUSED,
            Action::AddObserver => k::ADD_OBSERVER,
            Action::AddRepresentative => k::ADD_REPRESENTATIVE,
            Action::StartMeeting => k::START_MEETING,
            Action::StartSelectedItem => k::START_SELECTED_ITEM,
            Action::EndCurrentItem => k::END_CURRENT_ITEM,
            Action::AddExtemporeMotion => k::ADD_EXTEMPORE_MOTION,
            Action::AdjournMeeting => k::ADJOURN_MEETING,
            Action::PreviousMotion => k::PREVIOUS_MOTION,
            Action::NextMotion => k::NEXT_MOTION,
            Action::OpenConsensusRound => k::OPEN_CONSENSUS_ROUND,
            Action::RecordObjection => k::RECORD_OBJECTION,
            Action::RecordReservation => k::RECORD_RESERVATION,
            Action::CloseConsensusRound => k::CLOSE_CONSENSUS_ROUND,
            Action::TakeConsentToVote => k::TAKE_CONSENT_TO_VOTE,
            Action::VoteByCounts => k::VOTE_BY_COUNTS,
            Action::VoteByRollCall => k::VOTE_BY_ROLL_CALL,
            Action::AskChairRuling => k::ASK_CHAIR_RULING,
            Action::DeferMotion => k::DEFER_MOTION,
            Action::WithdrawMotion => k::WITHDRAW_MOTION,
            Action::AmendMotion => k::AMEND_MOTION,
            Action::SplitMotion => k::SPLIT_MOTION,
            Action::AddItem => k::ADD_ITEM,
            Action::CorrectPerson => k::CORRECT_PERSON,
            Action::AddMember => k::ADD_MEMBER,
            Action::NextChoice => k::NEXT_CHOICE,
            Action::EditItem => k::EDIT_ITEM,
            Action::MoveItemUp => k::MOVE_ITEM_UP,
            Action::MoveItemDown => k::MOVE_ITEM_DOWN,
            Action::RemoveItem => k::REMOVE_ITEM,
            Action::EditMeetingDetails => k::EDIT_MEETING_DETAILS,
            Action::RemovePerson => k::REMOVE_PERSON,
            Action::AddMotion => k::ADD_MOTION,
            Action::RequestToSpeak => k::REQUEST_TO_SPEAK,
            Action::ShowComments => k::SHOW_COMMENTS,
            Action::AnswerComment => k::ANSWER_COMMENT,
            Action::CallNextSpeaker => k::CALL_NEXT_SPEAKER,
            Action::CallSelectedSpeaker => k::CALL_SELECTED_SPEAKER,
            Action::PauseSpeaking => k::PAUSE_SPEAKING,
            Action::EndSpeaking => k::END_SPEAKING,
            Action::ExtendSpeaking => k::EXTEND_SPEAKING,
            Action::WithdrawRequest => k::WITHDRAW_REQUEST,
            Action::MoveRequestUp => k::MOVE_REQUEST_UP,
            Action::MoveRequestDown => k::MOVE_REQUEST_DOWN,
            Action::SetSpeakingLimit => k::SET_SPEAKING_LIMIT,
            Action::ToggleAllNotes => k::TOGGLE_ALL_NOTES,
            Action::SelectOlderNote => k::SELECT_OLDER_NOTE,
            Action::SelectNewerNote => k::SELECT_NEWER_NOTE,
            Action::CorrectNote => k::CORRECT_NOTE,
            Action::NotesBack => k::NOTES_BACK,
            Action::NextField => k::NEXT_FIELD,
            Action::PreviousField => k::PREVIOUS_FIELD,
            Action::BallotYes => k::BALLOT_YES,
            Action::BallotNo => k::BALLOT_NO,
            Action::BallotAbstain => k::BALLOT_ABSTAIN,
            Action::ClearBallot => k::CLEAR_BALLOT,
            Action::ChairAdopts => k::CHAIR_ADOPTS,
            Action::ChairRejects => k::CHAIR_REJECTS,
            Action::PreviousFollowUp => k::PREVIOUS_FOLLOW_UP,
            Action::NextFollowUp => k::NEXT_FOLLOW_UP,
            Action::RecordFollowUpAction => k::RECORD_FOLLOW_UP_ACTION,
            Action::KeepTrackingFollowUp => k::KEEP_TRACKING_FOLLOW_UP,
            Action::CloseFollowUp => k::CLOSE_FOLLOW_UP,
            Action::ShowNoteTakers => k::SHOW_NOTE_TAKERS,
            Action::ToggleRoomQr => k::TOGGLE_ROOM_QR,
            Action::DisconnectNoteTaker => k::DISCONNECT_NOTE_TAKER,
            Action::RevokeNoteTaker => k::REVOKE_NOTE_TAKER,
            Action::NewJoinCode => k::NEW_JOIN_CODE,
        }
    }
}
