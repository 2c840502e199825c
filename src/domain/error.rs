//! Why the meeting refused something. Every message says what to do instead.

use thiserror::Error;

use super::agenda::{ItemId, MotionId};
use super::event::Seq;
use super::motion::Stage;
use super::people::{PersonId, RosterError};

#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum DomainError {
    #[error("nobody with the id \"{0}\" is on the roster")]
    UnknownPerson(PersonId),
    #[error("there is no agenda item \"{0}\"")]
    UnknownItem(ItemId),
    #[error("there is no motion \"{0}\"")]
    UnknownMotion(MotionId),
    #[error("event {0} is not a note")]
    UnknownNote(Seq),
    #[error("there is no entry {0} in the follow-up table")]
    UnknownFollowUp(u32),
    #[error("the id \"{0}\" is already used")]
    DuplicateId(String),
    #[error(transparent)]
    Roster(#[from] RosterError),

    #[error("{0} is already present")]
    AlreadyPresent(String),
    #[error("{0} is not present, so cannot leave")]
    NotPresent(String),
    #[error("{0} is present and cannot be excused")]
    ExcusedWhilePresent(String),
    #[error("{0} is not a member; only members are excused (請假)")]
    OnlyMembersAreExcused(String),

    #[error("the meeting is adjourned")]
    Adjourned,
    #[error("the meeting has already started")]
    AlreadyStarted,
    #[error("item \"{0}\" is not the current item")]
    NotCurrentItem(ItemId),

    #[error("motion \"{motion}\" is {}; {hint}", stage.describe())]
    WrongStage {
        motion: MotionId,
        stage: Stage,
        hint: StageHint,
    },
    #[error("{0} is an observer (列席) and has no vote; record it as a reservation instead")]
    ObserverCannotBlock(String),
    #[error("no members are present")]
    NobodyPresent,
    #[error("{agree} agree, but only {present} members are present")]
    AgreeExceedsPresent { agree: u32, present: u32 },
    #[error(
        "{yes} yes + {no} no + {abstain} abstain = {total} votes, but only {present} members are present"
    )]
    VotesExceedPresent {
        yes: u32,
        no: u32,
        abstain: u32,
        total: u32,
        present: u32,
    },
    #[error("{0} is not a member present and cannot vote")]
    VoterNotPresent(String),
    #[error("{0} is called twice in the roll call")]
    VotedTwice(String),
    #[error("no quorum: {present} members present, {needed} needed")]
    NotQuorate { present: u32, needed: u32 },

    #[error("a note-taker may only add and correct notes")]
    NoteTakerMayOnlyTakeNotes,
    #[error("only the note's author or the facilitator may correct it")]
    NotYourNote,

    #[error("note {seq} from {client} was already recorded")]
    AlreadyRecorded { client: String, seq: u64 },

    #[error("there is nothing to undo")]
    NothingToUndo,
    #[error("there is nothing to redo")]
    NothingToRedo,
    #[error("{what} cannot be undone: {why}")]
    CannotUndo { what: String, why: String },
    #[error("event {0} cannot be retracted or reinstated")]
    NotRetractable(Seq),
}

/// What a motion's stage must be for the step that was refused, so the message can
/// say what to do instead (in either language).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Error)]
pub enum StageHint {
    #[error(
        "a consensus round opens on a motion that is proposed or has failed to reach consensus"
    )]
    RoundOpensOnProposedOrFailed,
    #[error("open a consensus round first")]
    OpenRoundFirst,
    #[error("there is no consensus round to close")]
    NoRoundToClose,
    #[error("the room is asked to vote only after a consensus round has failed")]
    ConsentAfterFailedRound,
    #[error("a vote is counted only after the room agreed to vote")]
    VoteAfterConsent,
    #[error("the chair rules only after an even split")]
    ChairAfterEvenSplit,
    #[error("it is already closed")]
    AlreadyClosed,
}
