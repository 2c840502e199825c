//! Why the meeting refused something: what happened, as data. The sentences that say
//! it, and what to do instead, in both languages, are in `i18n/refusals.rs` (which is
//! also where these errors get their `Display`), so the domain holds no text and every
//! screen, and a note-taker in the other language, reads the same refusal.

use serde::{Deserialize, Serialize};

use super::agenda::{ItemId, MotionId};
use super::event::Seq;
use super::motion::Stage;
use super::people::{PersonId, RosterError};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum DomainError {
    UnknownPerson(PersonId),
    UnknownItem(ItemId),
    UnknownMotion(MotionId),
    UnknownNote(Seq),
    UnknownFollowUp(u32),
    DuplicateId(String),
    Roster(RosterError),

    AlreadyPresent(String),
    NotPresent(String),
    ExcusedWhilePresent(String),
    OnlyMembersAreExcused(String),

    Adjourned,
    AlreadyStarted,
    /// An item ended that is not the one under way; `title` names it.
    /// An item's change that would move it to another section.
    ItemSectionChanged {
        title: String,
    },
    /// An item moved past the edge of its section.
    ItemAtSectionEdge {
        title: String,
    },
    /// An item that was taken up, or has motions, notes or public comments, stays on
    /// the agenda.
    ItemInUse {
        title: String,
    },
    /// A motion added on the day to an item that takes none (a report, …).
    ItemTakesNoMotions {
        item: ItemId,
        title: String,
    },
    NotCurrentItem {
        item: ItemId,
        title: String,
    },

    /// The motion's stage does not allow the step; `hint` says what comes first.
    WrongStage {
        motion: MotionId,
        stage: Stage,
        hint: StageHint,
    },
    ObserverCannotBlock(String),
    /// An observer cannot propose or vote.
    ObserverCannotAct(String),
    /// Only members present object, propose and vote; this member is not in the room.
    MemberNotPresent(String),
    /// A name typed in is not a member: their objection is recorded, but cannot block.
    NonMemberCannotBlock(String),
    NobodyPresent,
    AgreeExceedsPresent {
        agree: u32,
        present: u32,
    },
    VotesExceedPresent {
        yes: u32,
        no: u32,
        abstain: u32,
        total: u32,
        present: u32,
    },
    /// More votes than the members who may vote: those present when the vote opened.
    VotesExceedVoters {
        yes: u32,
        no: u32,
        abstain: u32,
        total: u32,
        voters: u32,
    },
    /// Nothing was counted: no yes, no no, no abstention.
    EmptyTally,
    VoterNotPresent(String),
    /// Came in after the vote opened, so does not vote in it.
    NotAVoter(String),
    VotedTwice(String),
    NotQuorate {
        present: u32,
        needed: u32,
    },

    NoteTakerMayOnlyTakeNotes,
    NotYourNote,
    /// An amendment that leaves the motion's text as it is, or empties it.
    AmendmentUnchanged,
    AmendmentEmpty,
    /// A person's name corrected to nothing.
    NameEmpty,
    /// Someone who took part in the meeting stays on the roster; `name` names them.
    PersonInUse {
        name: String,
    },
    /// The meeting's title changed to nothing.
    TitleEmpty,
    /// Someone asks to speak who already waits in the queue; `String` names them.
    AlreadyQueued(String),
    /// A request to speak not in any queue (taken back, or already called).
    UnknownRequest(Seq),
    /// A request moved past the edge of its queue.
    RequestAtQueueEdge,
    /// A speaking step with nobody speaking.
    NobodySpeaking,
    SpeakingAlreadyPaused,
    SpeakingNotPaused,
    /// A speaking limit of no time at all.
    SpeakingLimitZero,
    /// A comment of this id is in the session already.
    DuplicateComment(super::comments::CommentId),
    EmptyComment(super::comments::CommentId),
    UnknownComment(super::comments::CommentId),
    /// What was not (or only partly) taken up is answered with the reason.
    ReasonRequired,
    /// A planned end not after the planned start.
    PlannedEndNotAfterStart,
    /// A chair who is not a member or representative on the roster; `name` names
    /// them (or their id).
    ChairNotOnRoster {
        name: String,
    },

    AlreadyRecorded {
        client: String,
        seq: u64,
    },

    NothingToUndo,
    NothingToRedo,
    /// Undoing `event` would leave a later event the rules then refuse, `because`.
    CannotUndo {
        event: Seq,
        because: Box<DomainError>,
    },
    NotRetractable(Seq),
}

impl From<RosterError> for DomainError {
    fn from(error: RosterError) -> DomainError {
        DomainError::Roster(error)
    }
}

/// What a motion's stage must be for the step that was refused, so the message can
/// say what to do instead (in either language).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum StageHint {
    RoundOpensOnProposedOrFailed,
    OpenRoundFirst,
    NoRoundToClose,
    ConsentAfterFailedRound,
    VoteAfterConsent,
    ChairAfterEvenSplit,
    AlreadyClosed,
    /// Once the room agreed to vote, the text voted on is fixed.
    TextFixedOnceVoteAgreed,
}
