//! The meeting itself: people, agenda, motions, the rule book, and the log of events
//! folded into the state. Pure: no files, no terminal, no clock (time comes in as a
//! value).

pub mod agenda;
pub mod attendance;
pub mod comments;
pub mod commitments;
pub mod error;
pub mod event;
pub mod follow_up;
pub mod meeting;
pub mod motion;
pub mod people;
pub mod preparation;
pub mod rules;
pub mod session;
pub mod speaking;
pub mod state;
pub mod text;

pub use agenda::{AgendaItem, ItemId, Motion, MotionId, Section, Speaker};
pub use attendance::{Person, Presence, Role, SeatRecord, Stint};
pub use comments::{Answer, CommentId, CommentState, PublicComment, ResponseStatus};
pub use error::{DomainError, StageHint};
pub use event::{Author, Ballot, Event, EventKind, Note, NoteKind, Origin, Seq, Stamp, Tally};
pub use follow_up::{FollowUpEntry, FollowUpStatus, follow_up_session};
pub use meeting::Meeting;
pub use motion::{
    Amendment, ConsensusRound, ConsentRecord, LiveThresholds, MotionState, Objection, Outcome,
    Stage, StageStamp, Step, VoteRecord,
};
pub use people::{
    Balance, Category, Member, Observer, PersonId, Representative, Roster, RosterError, SeatRole,
    Side,
};
pub use preparation::Preparation;
pub use rules::{
    Comparison, RuleBook, RuleBookError, Threshold, TieRule, VoteDenominator, VoteResult,
};
pub use session::{FORMAT_VERSION, MeetingInfo, Session, SessionError};
pub use speaking::{
    Phase, Request, TURN_WARNING_SECONDS, Turn, Voice, VoiceBalance, item_warning_seconds,
};
pub use state::{ItemState, NoteEntry, State};
pub use text::{Lang, Text};
