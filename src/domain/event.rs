//! Everything that happens during a meeting is an event appended to the session's log.
//! The state on screen is the log folded (`state.rs`).

use std::fmt;

use chrono::{DateTime, FixedOffset, NaiveDate};
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use super::agenda::{AgendaItem, ItemId, Motion, MotionId, Speaker};
use super::follow_up::FollowUpStatus;
use super::people::{Member, Observer, PersonId, Representative};
use super::session::MeetingInfo;
use super::text::Text;

/// A moment of the meeting, with the offset of the room's clock.
pub type Stamp = DateTime<FixedOffset>;

/// The position of an event in the log, from 1.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Seq(pub u64);

impl fmt::Display for Seq {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "#{}", self.0)
    }
}

/// Who recorded an event.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Author {
    /// The facilitator at the projector laptop.
    #[default]
    Facilitator,
    /// A note-taker, by the name they joined with.
    NoteTaker(String),
    /// A file brought in from outside (the public's comments): nobody's change on the
    /// day, so nobody's undo takes it back. (No name: a second string here would make
    /// every event larger.)
    Import,
}

/// One entry of the log.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Event {
    pub seq: Seq,
    pub at: Stamp,
    #[serde(default)]
    pub by: Author,
    pub kind: EventKind,
    /// Where a note-taker's event came from, so a resent one is recognised.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin: Option<Origin>,
}

/// A note-taker's own numbering of what they sent: their client id and a sequence
/// number that only grows. The log keeps it so that a note resent after a dropped
/// link, or after either side restarted, is recorded once.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Origin {
    pub client: String,
    pub seq: u64,
}

/// The kinds of note the record keeps.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub enum NoteKind {
    /// What someone said.
    Said,
    /// Room narrative: （與會者皆無意見）, （點頭）.
    Narrative,
    /// Something someone must do, by when.
    Action {
        #[serde(default)]
        owner: Option<Speaker>,
        #[serde(default)]
        due: Option<NaiveDate>,
    },
    /// The decision (決定) or resolution (決議) text of the item.
    Decision,
}

/// A note in the record, attached to the agenda item that was current.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Note {
    #[serde(default)]
    pub speaker: Option<Speaker>,
    pub kind: NoteKind,
    pub text: Text,
    #[serde(default)]
    pub item: Option<ItemId>,
}

/// How a vote was counted.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub enum Tally {
    /// A show of hands, counts typed in.
    Counts { yes: u32, no: u32, abstain: u32 },
    /// Each member present called by name.
    RollCall(Vec<(PersonId, Ballot)>),
}

/// One member's vote in a roll call.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Ballot {
    Yes,
    No,
    Abstain,
}

impl Tally {
    /// Whether a roll call names `person`.
    pub fn names(&self, person: &PersonId) -> bool {
        match self {
            Tally::Counts { .. } => false,
            Tally::RollCall(ballots) => ballots.iter().any(|(p, _)| p == person),
        }
    }

    /// (yes, no, abstain)
    pub fn counts(&self) -> (u32, u32, u32) {
        match self {
            Tally::Counts { yes, no, abstain } => (*yes, *no, *abstain),
            Tally::RollCall(ballots) => {
                let count = |b: Ballot| {
                    u32::try_from(ballots.iter().filter(|(_, x)| *x == b).count())
                        .unwrap_or(u32::MAX)
                };
                (
                    count(Ballot::Yes),
                    count(Ballot::No),
                    count(Ballot::Abstain),
                )
            }
        }
    }
}

/// What happened.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub enum EventKind {
    MeetingStarted,
    MeetingAdjourned,

    /// A member, representative or observer arrives (or comes back).
    Arrived {
        person: PersonId,
    },
    Left {
        person: PersonId,
    },
    /// A member sends apologies (請假).
    Excused {
        person: PersonId,
    },
    /// A member added to the roster, before or during the meeting. The roster with it
    /// must keep the rules it is checked against on load.
    MemberAdded(Box<Member>),
    /// An agency sends a representative on the day.
    RepresentativeAdded(Box<Representative>),
    /// Someone not on the roster comes to observe.
    ObserverAdded(Box<Observer>),
    /// Someone on the roster taken off it (a member, representative or observer
    /// entered by mistake): only someone who has done nothing at the meeting (never
    /// arrived or sent apologies, never named in a note or on a motion, nobody sitting
    /// in their seat).
    PersonRemoved {
        person: PersonId,
    },
    /// A person's name, title or organisation corrected, as they now read. (Boxed, so
    /// that this rare event does not make every event larger; the file is the same.)
    PersonCorrected {
        person: PersonId,
        name: Box<Text>,
        #[serde(default)]
        title: Box<Text>,
        #[serde(default)]
        organisation: Box<Text>,
    },

    /// The meeting's details (title, number, date, planned start and end, venue,
    /// recorder) as they now read. Allowed after adjournment too: the minutes are
    /// written then, and a venue or recorder is often put right at that point.
    MeetingDetailsChanged(Box<MeetingInfo>),

    ItemStarted {
        item: ItemId,
    },
    ItemEnded {
        item: ItemId,
    },
    /// An item added to the agenda, before or during the meeting (an extempore motion
    /// on the day): it goes after the last item of its section.
    ItemAdded(Box<AgendaItem>),
    /// An item's details changed (title, presenter, planned minutes, explanation,
    /// proposed action): the item with the same id, as it now reads. Its section
    /// stays.
    ItemChanged(Box<AgendaItem>),
    /// An item moved one place up or down within its section.
    ItemMoved {
        item: ItemId,
        up: bool,
    },
    /// An item nothing happened on, taken off the agenda.
    ItemRemoved {
        item: ItemId,
    },

    MotionAdded(Box<Motion>),
    /// The motion's text changed: edited before its consensus round, or amended in the
    /// round or after it failed (a new round then starts on the amended text), until
    /// the room agrees to vote. The state keeps each earlier text.
    MotionAmended {
        motion: MotionId,
        text: Text,
        /// Who proposed the amendment; none for an edit of the draft.
        #[serde(default)]
        proposer: Option<Speaker>,
    },
    /// The room asks to take a motion in two parts: `motion` keeps the text `kept`
    /// (an amendment, with the same rules: until the room agrees to vote), and the
    /// rest, `text`, becomes the new motion `new_motion` on the same item, by the
    /// same proposer, to be decided on its own. (The texts are boxed, so that this
    /// rare event does not make every event larger; the file is the same.)
    MotionSplit {
        motion: MotionId,
        kept: Box<Text>,
        new_motion: MotionId,
        text: Box<Text>,
        /// Who asked for the split; none for a draft split before its round.
        #[serde(default)]
        proposer: Option<Speaker>,
    },
    /// Someone asks to speak on `item`: they join the end of its queue.
    SpeakerRequested {
        item: ItemId,
        speaker: Speaker,
    },
    /// A request to speak taken back (`request`: the event that made it).
    SpeakerRequestWithdrawn {
        request: Seq,
    },
    /// A request moved one place up or down its queue.
    SpeakerRequestMoved {
        request: Seq,
        up: bool,
    },
    /// `speaker` has the floor (called from the queue when `request` is given); the
    /// turn under way, if any, ends.
    SpeakingStarted {
        speaker: Speaker,
        #[serde(default)]
        request: Option<Seq>,
    },
    SpeakingPaused,
    SpeakingResumed,
    /// The speaker is granted `seconds` more.
    SpeakingExtended {
        seconds: u32,
    },
    SpeakingEnded,
    /// How long a speaker may speak on `item`, in seconds.
    SpeakingLimitSet {
        item: ItemId,
        seconds: u32,
    },
    /// Comments from the public participation platform, each new to the session.
    CommentsImported {
        comments: Vec<super::comments::PublicComment>,
    },
    /// The forum's answer to a comment: a later answer replaces an earlier one.
    /// (The response is boxed, so that this event does not make every event larger;
    /// the file is the same.)
    CommentAnswered {
        comment: super::comments::CommentId,
        status: super::comments::ResponseStatus,
        #[serde(default)]
        response: Box<Text>,
    },
    /// The facilitator restates the proposal and asks for objections.
    ConsensusRoundOpened {
        motion: MotionId,
    },
    /// An objection (blocking) or a reservation (保留意見, not blocking).
    ObjectionRaised {
        motion: MotionId,
        speaker: Speaker,
        reason: Text,
        blocking: bool,
    },
    /// The round ends: adopted by consensus if nothing blocks.
    ConsensusRoundClosed {
        motion: MotionId,
    },
    /// How many members present agreed to put the question to a vote.
    ConsentToVoteTaken {
        motion: MotionId,
        agree: u32,
    },
    VoteTaken {
        motion: MotionId,
        tally: Tally,
    },
    /// After an even split: 可否同數，取決於主席.
    ChairRuled {
        motion: MotionId,
        adopted: bool,
    },
    MotionDeferred {
        motion: MotionId,
    },
    MotionWithdrawn {
        motion: MotionId,
    },

    /// The follow-up item: what was done about a carried matter (辦理情形), and whether
    /// the forum keeps tracking it or closes it.
    FollowUpRecorded {
        /// The entry's number in the session's follow-up table.
        entry: u32,
        action_taken: Text,
        status: FollowUpStatus,
    },

    /// Shared with the folded state's note (`NoteEntry`), never copied.
    NoteAdded(Arc<Note>),
    /// A note replaced by a corrected version; the original stays in the log.
    NoteCorrected {
        note: Seq,
        corrected: Arc<Note>,
    },

    /// Undo: the event no longer counts. The log keeps both.
    Retracted {
        event: Seq,
    },
    /// Redo: a retracted event counts again.
    Reinstated {
        event: Seq,
    },
}

impl EventKind {
    /// Undo and redo act on other events; everything else is an ordinary event.
    pub fn is_correction(&self) -> bool {
        matches!(
            self,
            EventKind::Retracted { .. } | EventKind::Reinstated { .. }
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A meeting holds an event per change, tens of thousands of them: a kind that
    /// carries a large payload inline makes every event larger (issue 10 holds an
    /// opened meeting within twice its file). Box such payloads; serde's Box leaves
    /// the file as it is.
    #[test]
    fn an_event_stays_small() {
        assert!(
            std::mem::size_of::<Event>() <= 192,
            "an event is {} bytes",
            std::mem::size_of::<Event>()
        );
    }
}
