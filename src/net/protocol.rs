//! The messages of the note-taker link, inside the encrypted transport, how they are
//! written (RON) and how large they may be, and the compact view of the meeting a
//! note-taker's screen draws.

use chrono::NaiveDate;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use crate::domain::{
    Author, Balance, DomainError, EventKind, ItemId, Meeting, MotionId, Note, PersonId, Presence,
    Section, Seq, Side, Speaker, Stage, Stamp, Text, Turn,
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
    /// The turn at speaking under way: who has the floor, and their time. A host of
    /// protocol 2 from before the speaking queue sends neither this nor `queue`; they
    /// read as nobody speaking and nobody waiting.
    #[serde(default)]
    pub speaking: Option<Turn>,
    /// Who waits to speak on the item under way, in order.
    #[serde(default)]
    pub queue: Vec<Speaker>,
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
        let queue = state
            .current_item()
            .map(|item| {
                state
                    .queue(&item.item.id)
                    .iter()
                    .map(|request| request.speaker.clone())
                    .collect()
            })
            .unwrap_or_default();
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
            speaking: state.speaking_now().cloned(),
            queue,
        }
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use chrono::{FixedOffset, TimeZone};

    use super::*;
    use crate::domain::{Author, EventKind};

    fn at(m: u32, s: u32) -> Stamp {
        FixedOffset::east_opt(8 * 3600)
            .expect("UTC+8")
            .with_ymd_and_hms(2026, 12, 3, 14, m, s)
            .single()
            .expect("a valid time")
    }

    fn person(id: &str) -> Speaker {
        Speaker::Person(PersonId::new(id))
    }

    /// The demo meeting on its open-source item: 鄭凱文 has the floor, two wait.
    fn speaking() -> Meeting {
        let mut meeting =
            crate::store::load(Path::new("sessions/demo.ron")).expect("the demo session loads");
        let item = ItemId::new("discussion-open-source");
        for (minute, kind) in [
            (0, EventKind::MeetingStarted),
            (3, EventKind::ItemStarted { item: item.clone() }),
            (
                4,
                EventKind::SpeakerRequested {
                    item: item.clone(),
                    speaker: person("civic-participation"),
                },
            ),
            (
                4,
                EventKind::SpeakerRequested {
                    item: item.clone(),
                    speaker: person("prof-security"),
                },
            ),
            (
                5,
                EventKind::SpeakingStarted {
                    speaker: person("digital-rights"),
                    request: None,
                },
            ),
        ] {
            meeting
                .record(at(minute, 0), Author::Facilitator, kind)
                .expect("the rules allow it");
        }
        meeting
    }

    /// The meeting view of protocol 2 before the speaking queue, as an older peer
    /// writes and reads it.
    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    struct OlderMeetingView {
        title: Text,
        number: Option<u32>,
        date: NaiveDate,
        started: Option<Stamp>,
        adjourned: Option<Stamp>,
        current_item: Option<ItemView>,
        motions: Vec<MotionView>,
        present: Balance,
        roster: Balance,
        observers_present: u32,
        people: Vec<PersonView>,
    }

    fn older(view: &MeetingView) -> OlderMeetingView {
        OlderMeetingView {
            title: view.title.clone(),
            number: view.number,
            date: view.date,
            started: view.started,
            adjourned: view.adjourned,
            current_item: view.current_item.clone(),
            motions: view.motions.clone(),
            present: view.present,
            roster: view.roster,
            observers_present: view.observers_present,
            people: view.people.clone(),
        }
    }

    #[test]
    fn the_view_carries_the_turn_under_way_and_the_items_queue_in_order() {
        let mut meeting = speaking();
        let view = MeetingView::of(&meeting);
        let turn = view.speaking.as_ref().expect("someone has the floor");
        assert_eq!(turn.speaker, person("digital-rights"));
        assert_eq!(turn.started, at(5, 0));
        assert_eq!(
            view.queue,
            vec![person("civic-participation"), person("prof-security")]
        );

        // Each change to the floor changes the view, so the host's comparison sends
        // an update for it: a pause, and the end of the turn.
        meeting
            .record(at(6, 0), Author::Facilitator, EventKind::SpeakingPaused)
            .expect("a turn to pause");
        let paused = MeetingView::of(&meeting);
        assert_ne!(paused, view);
        assert!(paused.speaking.as_ref().is_some_and(Turn::is_paused));
        meeting
            .record(at(7, 0), Author::Facilitator, EventKind::SpeakingEnded)
            .expect("a turn to end");
        let ended = MeetingView::of(&meeting);
        assert_eq!(ended.speaking, None);
        assert_eq!(ended.queue.len(), 2, "the queue waits on");

        // Another item has its own queue: the view shows the one under way.
        meeting
            .record(
                at(8, 0),
                Author::Facilitator,
                EventKind::ItemStarted {
                    item: ItemId::new("discussion-data-retention"),
                },
            )
            .expect("the next item starts");
        assert_eq!(MeetingView::of(&meeting).queue, Vec::<Speaker>::new());
    }

    #[test]
    fn a_meeting_view_from_before_the_speaking_queue_still_reads_and_an_older_peer_reads_ours() {
        let view = MeetingView::of(&speaking());
        // An older host's view: no turn, no queue.
        let text = encode(&older(&view)).expect("encodes");
        assert!(
            !text.contains("speaking") && !text.contains("queue"),
            "{text}"
        );
        let read: MeetingView = decode(&text).expect("an older view still decodes");
        assert_eq!(read.speaking, None);
        assert!(read.queue.is_empty());
        assert_eq!(older(&read), older(&view), "the rest as it was");

        // Ours, in an update, to an older note-taker: the new fields pass unread.
        #[derive(Deserialize)]
        struct OlderUpdate {
            meeting: Option<OlderMeetingView>,
        }
        let update = encode(&Update {
            meeting: Some(view.clone()),
            ..Update::default()
        })
        .expect("encodes");
        assert!(update.contains("speaking:"), "{update}");
        let read: OlderUpdate = decode(&update).expect("an older note-taker reads it");
        assert_eq!(read.meeting, Some(older(&view)));

        // And a whole view round-trips with its turn.
        let back: MeetingView = decode(&encode(&view).expect("encodes")).expect("decodes");
        assert_eq!(back, view);
    }
}
