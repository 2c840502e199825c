//! The messages of the note-taker link, inside the encrypted transport, how they are
//! written (RON) and how large they may be, and the compact view of the meeting a
//! note-taker's screen draws.

use chrono::NaiveDate;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use crate::domain::{
    Author, Balance, DomainError, EventKind, ItemId, Meeting, MotionId, Note, PersonId, Presence,
    Section, Seq, Side, Stage, Stamp, Text,
};

/// The version of these messages. The handshake refuses another version, and the
/// hello carries it again so a later version can negotiate.
/// Version 2: refusals travel as codes (each side words them in its own language)
/// and a motion's stage as the domain's own.
pub const PROTOCOL_VERSION: u16 = 2;

/// How many of the latest notes a welcome carries.
pub const WELCOME_NOTES: usize = 500;

/// The largest message a note-taker may send, encoded as it travels: about 5,400 CJK
/// characters or 16,000 ASCII in one note. The host reads no more; the note-taker's
/// editor and outbox measure a note against it ([`note_fits`]) so that one that
/// cannot travel never waits in the outbox. It also bounds how fast a flooding (but
/// authenticated) note-taker can grow the session file: 50 a second × 16 KiB.
pub const MAX_NOTE_MESSAGE: usize = 16 * 1024;

/// The largest message the note-taker accepts from the host (a welcome with many
/// notes is the largest).
pub const MAX_HOST_MESSAGE: usize = 16 * 1024 * 1024;

/// A message as it travels inside the link: its RON text.
pub fn encode<M: Serialize>(message: &M) -> Result<String, ron::Error> {
    ron::to_string(message)
}

/// A message from its RON text.
pub fn decode<M: DeserializeOwned>(text: &str) -> Result<M, ron::error::SpannedError> {
    ron::from_str(text)
}

/// A note (or correction) too long to travel: its size encoded, and the limit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NoteTooLong {
    pub size: usize,
    pub limit: usize,
}

/// Whether `event` can travel to the host, whatever number the outbox gives it: the
/// message that carries it, numbered as high as a number goes, measured as encoded.
pub fn note_fits(event: &EventKind) -> Result<(), NoteTooLong> {
    let message = ToHost::Send {
        seq: u64::MAX,
        event: event.clone(),
    };
    // Plain data always encodes; a failure would be caught by the link as well.
    let size = encode(&message).map_or(usize::MAX, |text| text.len());
    if size > MAX_NOTE_MESSAGE {
        return Err(NoteTooLong {
            size,
            limit: MAX_NOTE_MESSAGE,
        });
    }
    Ok(())
}

/// Note-taker → host.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum ToHost {
    /// First message after the handshake.
    Hello {
        protocol: u16,
        /// Stable across restarts of the note-taker: kept with its outbox.
        client_id: String,
        /// The name the notes are recorded under (`Author::NoteTaker`).
        name: String,
        /// The highest sequence number the note-taker has seen acknowledged.
        last_acked: u64,
    },
    /// A note (or a correction) the note-taker typed, numbered by the note-taker.
    Send {
        seq: u64,
        event: EventKind,
    },
    Ping,
}

/// Host → note-taker.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum ToClient {
    Welcome(Box<Welcome>),
    /// Everything the note-taker numbered up to `through` is settled: durably in the
    /// session, or refused (`Rejected` came first).
    Ack {
        through: u64,
    },
    /// The meeting refused this note (e.g. a correction of someone else's note). It
    /// will never be recorded; the note-taker's screen says why, in its language.
    Rejected {
        seq: u64,
        reason: DomainError,
    },
    Update(Box<Update>),
    /// The host ends the link; the note-taker should not retry until told.
    Refused {
        reason: Refusal,
    },
    Pong,
}

/// Why the host ends a link after the handshake.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Refusal {
    /// The facilitator revoked this note-taker.
    Revoked,
    /// As many note-takers as the host accepts are connected.
    Full,
    /// The facilitator disconnected this note-taker; they may join again.
    Disconnected,
    /// The host is closing (the facilitator quits); try again later.
    ShuttingDown,
    /// The same note-taker connected again; this older link is closed.
    Replaced,
    /// Too slow to read what the host sends.
    TooSlow,
    /// The note-taker's hello was not acceptable.
    BadHello(HelloProblem),
    /// The note-taker broke the protocol.
    Protocol(ProtocolFault),
}

/// What was wrong with a note-taker's hello.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum HelloProblem {
    /// The note-taker speaks another version of these messages.
    Version { theirs: u16, ours: u16 },
    /// The client id is not what an outbox makes.
    ClientId,
    /// The name is empty, too long, or has control characters.
    Name,
}

/// How a note-taker broke the protocol.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ProtocolFault {
    /// The first message after the handshake was not a hello.
    NoHello,
    /// A second hello on a link that had joined.
    SecondHello,
    /// A frame or message over the size limit.
    Oversized,
    /// A frame that did not decrypt with the link's key.
    Undecryptable,
    /// A message that could not be read.
    Malformed,
}

/// What a note-taker's screen needs when it joins.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Welcome {
    pub protocol: u16,
    pub meeting: MeetingView,
    /// The latest notes, oldest first.
    pub notes: Vec<NoteView>,
}

/// What changed since the last update or welcome.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Update {
    /// The meeting's header, when it changed.
    pub meeting: Option<MeetingView>,
    /// Notes added or corrected (a corrected note replaces the one with its `seq`).
    pub notes: Vec<NoteView>,
    /// Notes withdrawn by undo.
    pub removed: Vec<Seq>,
}

impl Update {
    pub fn is_empty(&self) -> bool {
        self.meeting.is_none() && self.notes.is_empty() && self.removed.is_empty()
    }
}

/// The meeting as a note-taker's screen shows it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MeetingView {
    pub title: Text,
    pub number: Option<u32>,
    pub date: NaiveDate,
    pub started: Option<Stamp>,
    pub adjourned: Option<Stamp>,
    pub current_item: Option<ItemView>,
    /// The motions of the current item.
    pub motions: Vec<MotionView>,
    pub present: Balance,
    pub roster: Balance,
    /// Observers (列席) in the room.
    pub observers_present: u32,
    /// Everyone who may speak, for the speaker picker.
    pub people: Vec<PersonView>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ItemView {
    pub id: ItemId,
    pub section: Section,
    pub title: Text,
    pub presenter: Text,
    pub started: Option<Stamp>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MotionView {
    pub id: MotionId,
    pub text: Text,
    pub stage: Stage,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PersonView {
    pub id: PersonId,
    pub name: Text,
    pub organisation: Text,
    /// None for observers.
    pub side: Option<Side>,
    pub member: bool,
    pub present: bool,
}

/// A note as it stands (after corrections).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct NoteView {
    /// The log position of the note as first added: what a correction names.
    pub seq: Seq,
    pub at: Stamp,
    pub by: Author,
    pub note: std::sync::Arc<Note>,
    pub corrections: u32,
    /// The receiving note-taker's own number for this note, when it is theirs; the
    /// host fills it in per link, so no client learns another's id.
    pub mine: Option<u64>,
}

impl MeetingView {
    /// The view of `meeting` as it stands.
    pub fn of(meeting: &Meeting) -> MeetingView {
        let state = meeting.state();
        let info = state.meeting();
        let current_item = state.current_item().map(|item| ItemView {
            id: item.item.id.clone(),
            section: item.item.section,
            title: item.item.title.clone(),
            presenter: item.item.presenter.clone(),
            started: item.started,
        });
        let motions = state
            .current_item()
            .map(|item| {
                state
                    .motions_of(&item.item.id)
                    .map(|m| MotionView {
                        id: m.motion.id.clone(),
                        text: m.motion.text.clone(),
                        stage: m.stage,
                    })
                    .collect()
            })
            .unwrap_or_default();
        let mut observers_present = 0;
        let people = state
            .people
            .iter()
            .enumerate()
            .map(|(index, person)| {
                let present = state.presence(index) == Presence::Present;
                let side = person.side(&state.people);
                if present && side.is_none() {
                    observers_present += 1;
                }
                PersonView {
                    id: person.id.clone(),
                    name: person.name.clone(),
                    organisation: person.organisation.clone(),
                    side,
                    member: person.is_member(),
                    present,
                }
            })
            .collect();
        MeetingView {
            title: info.title.clone(),
            number: info.number,
            date: info.date,
            started: state.started,
            adjourned: state.adjourned,
            current_item,
            motions,
            present: state.present_members(),
            roster: state.roster_balance(),
            observers_present,
            people,
        }
    }
}
