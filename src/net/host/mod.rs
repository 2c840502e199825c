//! The host: the facilitator's side of the note-taker link.
//!
//! The host is transport: it never writes the meeting. Each link runs in its own task
//! and turns what a note-taker sends into [`HostEvent::Note`] on one bounded channel
//! that the app loop reads in its `tokio::select!`. The app records the note as it
//! records every change (`Meeting::record_from`, in the screen's `update`), says what
//! came of it with [`Host::settle_note`], hands the event to the `Saver` and to
//! [`Host::publish`], and passes every `SaveReport::Saved { through }` to
//! [`Host::saved`]: only then does the host acknowledge the note to its note-taker.
//! Refusals travel as codes (`DomainError`, [`Refusal`]) that each side words in its
//! own language.
//!
//! What protects the app from a misbehaving note-taker: frames are at most 64 KiB and
//! messages at most `protocol::MAX_NOTE_MESSAGE`; the handshake and the hello must
//! finish within `handshake_timeout`, a silent link closes after `idle_timeout`; each
//! link may hand the app at most `notes_per_second` notes (a token bucket) and waits
//! for room in the channel without reading more, so a flood only slows its own
//! sender; a link whose outgoing queue overflows is closed; at most `max_note_takers`
//! are connected. Any error closes that link only, reported as
//! [`HostEvent::LinkClosed`]. What protects note-takers from someone on the network
//! who does not know the code (handshake places per address and overall, wrong codes
//! per address) is `admission.rs`.
//!
//! This file holds the [`Host`] API the app calls, what it reports ([`HostEvent`])
//! and the state the app and the links share; `serve.rs` holds what runs for each
//! connection, from the handshake to the link's end.

mod admission;
mod serve;

use std::collections::{HashMap, HashSet, VecDeque};
use std::io;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, SystemTime};

use tokio::net::{TcpListener, ToSocketAddrs};
use tokio::sync::{mpsc, oneshot};
use tokio::task::JoinHandle;

use self::admission::Admission;
pub use self::admission::KeptOut;
use self::serve::serve;
use super::AsyncStream;
use super::code::{CodeError, JoinCode};
use super::link::HOST_ID_LEN;
use super::protocol::{
    MeetingView, NoteView, PROTOCOL_VERSION, ProtocolFault, Refusal, ToClient, Update,
    WELCOME_NOTES, Welcome,
};
use crate::domain::{DomainError, Event, EventKind, Meeting, Origin, Seq};

/// How the host guards itself. `HostConfig::new` has the defaults.
#[derive(Clone, Debug)]
pub struct HostConfig {
    pub code: JoinCode,
    /// Note-takers connected at once.
    pub max_note_takers: usize,
    /// Connections in their handshake at once, from all addresses; more are refused
    /// in the clear as busy.
    pub max_handshakes: usize,
    /// Connections in their handshake at once from one address.
    pub max_handshakes_per_address: usize,
    /// Handshake places only an address with none in progress may take: however many
    /// connections one address opens, a real join from another finds a place.
    pub handshakes_kept_for_new: usize,
    /// For the handshake and the hello together: a connection that has not proven the
    /// code and said hello by then is closed, freeing its place.
    pub handshake_timeout: Duration,
    /// A link that sends nothing (not even a ping) this long is closed.
    pub idle_timeout: Duration,
    /// Wrong codes from one address (without a right one between) before it is
    /// refused for `block_for`. The code itself stays.
    pub wrong_codes_per_address: u32,
    /// How long an address that tried too many wrong codes is refused.
    pub block_for: Duration,
    /// Sustained notes per second one link may hand the app.
    pub notes_per_second: u32,
    /// Notes one link may hand the app at once (a reconnect resending its outbox).
    pub note_burst: u32,
    /// The app channel's size.
    pub channel_capacity: usize,
    /// Messages queued to one link before it is closed as too slow.
    pub outgoing_capacity: usize,
    /// How long a write to a link may take.
    pub write_timeout: Duration,
}

impl HostConfig {
    pub fn new(code: JoinCode) -> HostConfig {
        HostConfig {
            code,
            max_note_takers: 4,
            max_handshakes: 8,
            max_handshakes_per_address: 2,
            handshakes_kept_for_new: 1,
            handshake_timeout: Duration::from_secs(5),
            idle_timeout: Duration::from_secs(60),
            wrong_codes_per_address: 5,
            block_for: Duration::from_secs(5 * 60),
            notes_per_second: 50,
            note_burst: 200,
            channel_capacity: 64,
            outgoing_capacity: 1024,
            write_timeout: Duration::from_secs(10),
        }
    }
}

/// What the host tells the app loop.
#[derive(Debug)]
pub enum HostEvent {
    /// A note-taker joined (or came back).
    Connected {
        client: String,
        name: String,
        peer: String,
    },
    /// A note-taker's link closed.
    Disconnected {
        client: String,
        name: String,
        peer: String,
        reason: LinkEnd,
    },
    /// Someone tried a wrong join code.
    FailedAttempt {
        peer: String,
        at: SystemTime,
        /// Wrong codes from this address since its last right one.
        failures: u32,
    },
    /// An address tried too many wrong codes: it is refused for `blocked_for`. The
    /// code stays: one source cannot make everyone type a new one.
    AddressBlocked {
        address: String,
        at: SystemTime,
        failures: u32,
        blocked_for: Duration,
    },
    /// Connections from `address` got no further than the handshake, for `why`:
    /// `count` of them since the last report (at most one a minute for each address
    /// and reason).
    KeptOut {
        address: String,
        at: SystemTime,
        why: KeptOut,
        count: u32,
    },
    /// A connection that authenticated was turned away (revoked, full, bad hello).
    Refused {
        peer: String,
        name: Option<String>,
        reason: Refusal,
    },
    /// A connection closed before it joined, or broke the protocol: why, for the log.
    LinkClosed { peer: String, reason: String },
    /// A note-taker sent a note: the app records it in the meeting and says what
    /// came of it with [`Host::settle_note`].
    Note(Box<NoteRequest>),
}

/// A note (or correction) as received, to be recorded by the app.
#[derive(Clone, Debug, PartialEq)]
pub struct NoteRequest {
    pub origin: Origin,
    pub name: String,
    pub kind: EventKind,
}

/// What the meeting did with a note-taker's note, for [`Host::settle_note`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NoteSettled {
    /// Recorded as this event of the log: acknowledged once it is saved.
    Recorded(Seq),
    /// Already in the log (resent after a reconnect): acknowledged once the log as
    /// far as `log_end` is saved.
    AlreadyRecorded { log_end: Seq },
    /// The meeting refused it; the note-taker is told why.
    Refused(DomainError),
}

/// Why a note-taker's link closed, for the facilitator's screen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LinkEnd {
    /// The host closed it (the facilitator disconnected or revoked them, a newer link
    /// of theirs, a full queue).
    ClosedByHost(Refusal),
    /// The host is closing.
    HostClosing,
    /// A newer link of the same note-taker took over.
    Replaced,
    /// The note-taker closed the connection.
    Left,
    /// The connection broke (a network error).
    Broken,
    /// The note-taker stopped reading what the host sends.
    NotReading,
    /// Nothing was heard from the note-taker in time.
    Idle,
    /// The note-taker broke the protocol.
    Protocol(ProtocolFault),
}

/// Someone connected, for the facilitator's list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NoteTakerLink {
    pub client: String,
    pub name: String,
    pub peer: String,
}

/// The host: cheap to clone; every method is synchronous and never blocks the app
/// loop.
#[derive(Clone)]
pub struct Host {
    shared: Arc<Mutex<Shared>>,
    events: mpsc::Sender<HostEvent>,
    local_addr: Option<SocketAddr>,
    listener: Option<Arc<JoinHandle<()>>>,
}

struct Slot {
    client: String,
    name: String,
    peer: String,
    out: mpsc::Sender<ToClient>,
    close: Option<oneshot::Sender<Refusal>>,
}

struct Shared {
    config: HostConfig,
    code: JoinCode,
    host_id: [u8; HOST_ID_LEN],
    admission: Admission,
    next_link: u64,
    links: HashMap<u64, Slot>,
    by_client: HashMap<String, u64>,
    revoked: HashSet<String>,
    /// Per client: (their seq, the log seq that must be saved before it is acked).
    pending: HashMap<String, VecDeque<(u64, Seq)>>,
    saved_through: Seq,
    view: MeetingView,
    notes: Vec<NoteView>,
    note_index: HashMap<Seq, usize>,
    origins: HashMap<Seq, Origin>,
}

fn lock(shared: &Mutex<Shared>) -> MutexGuard<'_, Shared> {
    // A panic while holding the lock would be a bug in this module; keep serving.
    shared
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

impl Host {
    /// A host that accepts streams handed to [`Host::accept`] (tests use in-memory
    /// streams). `meeting` must be as it is on disk: its last event counts as saved.
    pub fn new(
        config: HostConfig,
        meeting: &Meeting,
    ) -> Result<(Host, mpsc::Receiver<HostEvent>), CodeError> {
        let mut host_id = [0u8; HOST_ID_LEN];
        getrandom::fill(&mut host_id).map_err(|e| CodeError::Random(e.to_string()))?;
        let (events, receiver) = mpsc::channel(config.channel_capacity.max(1));
        let mut shared = Shared {
            code: config.code.clone(),
            config,
            host_id,
            admission: Admission::default(),
            next_link: 1,
            links: HashMap::new(),
            by_client: HashMap::new(),
            revoked: HashSet::new(),
            pending: HashMap::new(),
            saved_through: meeting.session().log.last().map_or(Seq(0), |e| e.seq),
            view: MeetingView::of(meeting),
            notes: Vec::new(),
            note_index: HashMap::new(),
            origins: HashMap::new(),
        };
        shared.resync_notes(meeting);
        let host = Host {
            shared: Arc::new(Mutex::new(shared)),
            events,
            local_addr: None,
            listener: None,
        };
        Ok((host, receiver))
    }

    /// Listens on `addr` (`127.0.0.1:PORT`, or a LAN address by choice) and accepts
    /// note-takers.
    pub async fn bind(
        addr: impl ToSocketAddrs,
        config: HostConfig,
        meeting: &Meeting,
    ) -> io::Result<(Host, mpsc::Receiver<HostEvent>)> {
        let listener = TcpListener::bind(addr).await?;
        let (mut host, receiver) = Host::new(config, meeting).map_err(io::Error::other)?;
        host.local_addr = Some(listener.local_addr()?);
        let acceptor = host.clone();
        let task = tokio::spawn(async move {
            loop {
                match listener.accept().await {
                    Ok((stream, peer)) => {
                        let _ = stream.set_nodelay(true);
                        acceptor.accept(stream, peer);
                    }
                    // Out of file descriptors and the like: wait rather than spin.
                    Err(_) => tokio::time::sleep(Duration::from_millis(100)).await,
                }
            }
        });
        host.listener = Some(Arc::new(task));
        Ok((host, receiver))
    }

    /// The address the host listens on, when bound.
    pub fn local_addr(&self) -> Option<SocketAddr> {
        self.local_addr
    }

    /// Serves one incoming connection from `peer` in its own task.
    pub fn accept(&self, stream: impl AsyncStream, peer: SocketAddr) {
        let shared = self.shared.clone();
        let events = self.events.clone();
        tokio::spawn(serve(shared, events, Box::new(stream), peer));
    }

    /// The join code to show.
    pub fn code(&self) -> JoinCode {
        lock(&self.shared).code.clone()
    }

    /// Replaces the join code. Note-takers already connected stay; one whose link
    /// drops later must type the new code. (The host never replaces it by itself:
    /// wrong codes block their address instead.)
    pub fn new_code(&self) -> Result<JoinCode, CodeError> {
        let code = JoinCode::random()?;
        lock(&self.shared).code = code.clone();
        Ok(code)
    }

    /// Note-takers connected now.
    pub fn note_takers(&self) -> Vec<NoteTakerLink> {
        let shared = lock(&self.shared);
        let mut list: Vec<NoteTakerLink> = shared
            .by_client
            .values()
            .filter_map(|id| shared.links.get(id))
            .map(|slot| NoteTakerLink {
                client: slot.client.clone(),
                name: slot.name.clone(),
                peer: slot.peer.clone(),
            })
            .collect();
        list.sort_by(|a, b| a.name.cmp(&b.name));
        list
    }

    /// Closes a note-taker's link; they may join again.
    pub fn disconnect(&self, client: &str) {
        lock(&self.shared).close_client(client, Refusal::Disconnected);
    }

    /// Closes a note-taker's link and refuses their client from now on. To keep out
    /// someone who knows the code, also issue a new code.
    pub fn revoke(&self, client: &str) {
        let mut shared = lock(&self.shared);
        shared.revoked.insert(client.to_owned());
        shared.close_client(client, Refusal::Revoked);
    }

    /// What the meeting did with a note-taker's note (the app records it, as it
    /// records every change): the host acknowledges it once saved, or tells the
    /// note-taker why it was refused.
    pub fn settle_note(&self, origin: &Origin, settled: NoteSettled) {
        let mut shared = lock(&self.shared);
        let client = origin.client.clone();
        match settled {
            NoteSettled::Recorded(seq) => {
                shared
                    .pending
                    .entry(client)
                    .or_default()
                    .push_back((origin.seq, seq));
            }
            NoteSettled::AlreadyRecorded { log_end } => {
                // The original is somewhere in the log: once everything logged so far
                // is saved, it is too.
                shared
                    .pending
                    .entry(client.clone())
                    .or_default()
                    .push_back((origin.seq, log_end));
                shared.settle(&client);
            }
            NoteSettled::Refused(reason) => {
                shared.send_to_client(
                    &client,
                    ToClient::Rejected {
                        seq: origin.seq,
                        reason,
                    },
                );
            }
        }
    }

    /// Everything through `through` is durably saved: acknowledge what it covers.
    pub fn saved(&self, through: Seq) {
        let mut shared = lock(&self.shared);
        if through > shared.saved_through {
            shared.saved_through = through;
        }
        let clients: Vec<String> = shared.pending.keys().cloned().collect();
        for client in clients {
            shared.settle(&client);
        }
    }

    /// Shows note-takers an event just recorded (by anyone): call after every
    /// `Meeting::record`, `record_from`, `undo` and `redo`, with the meeting as it is
    /// now.
    pub fn publish(&self, meeting: &Meeting, event: &Event) {
        let mut shared = lock(&self.shared);
        let mut update = Update::default();
        match &event.kind {
            EventKind::NoteAdded(_) | EventKind::NoteCorrected { .. } => {
                let note_seq = match &event.kind {
                    EventKind::NoteCorrected { note, .. } => *note,
                    _ => event.seq,
                };
                if let Some(entry) = meeting.state().note(note_seq) {
                    if let EventKind::NoteAdded(_) = event.kind
                        && let Some(origin) = &event.origin
                    {
                        shared.origins.insert(event.seq, origin.clone());
                    }
                    let view = NoteView {
                        seq: entry.seq,
                        at: entry.at,
                        by: entry.by.clone(),
                        note: std::sync::Arc::clone(&entry.note),
                        corrections: entry.corrections,
                        mine: None,
                    };
                    match shared.note_index.get(&note_seq) {
                        Some(&i) => shared.notes[i] = view.clone(),
                        None => {
                            let i = shared.notes.len();
                            shared.note_index.insert(note_seq, i);
                            shared.notes.push(view.clone());
                        }
                    }
                    update.notes.push(view);
                }
            }
            EventKind::Retracted { .. } | EventKind::Reinstated { .. } => {
                let before: HashMap<Seq, NoteView> =
                    shared.notes.iter().map(|n| (n.seq, n.clone())).collect();
                shared.resync_notes(meeting);
                let after: HashSet<Seq> = shared.notes.iter().map(|n| n.seq).collect();
                update.removed = before
                    .keys()
                    .filter(|seq| !after.contains(seq))
                    .copied()
                    .collect();
                update.removed.sort();
                update.notes = shared
                    .notes
                    .iter()
                    .filter(|n| before.get(&n.seq) != Some(n))
                    .cloned()
                    .collect();
            }
            _ => {}
        }
        let view = MeetingView::of(meeting);
        if view != shared.view {
            shared.view = view.clone();
            update.meeting = Some(view);
        }
        if update.is_empty() {
            return;
        }
        let links: Vec<u64> = shared.by_client.values().copied().collect();
        for id in links {
            let Some(slot) = shared.links.get(&id) else {
                continue;
            };
            let mut own = update.clone();
            for note in &mut own.notes {
                note.mine = shared.mine(note.seq, &slot.client);
            }
            shared.send(id, ToClient::Update(Box::new(own)));
        }
    }

    /// Stops listening and closes every link.
    pub fn shutdown(&self) {
        if let Some(task) = &self.listener {
            task.abort();
        }
        let mut shared = lock(&self.shared);
        let clients: Vec<String> = shared.by_client.keys().cloned().collect();
        for client in clients {
            shared.close_client(&client, Refusal::ShuttingDown);
        }
    }
}

impl Shared {
    fn resync_notes(&mut self, meeting: &Meeting) {
        self.notes.clear();
        self.note_index.clear();
        for entry in &meeting.state().notes {
            if meeting.state().retracted.contains(&entry.seq) {
                continue;
            }
            if let Some(origin) = meeting.event(entry.seq).and_then(|e| e.origin.clone()) {
                self.origins.insert(entry.seq, origin);
            }
            self.note_index.insert(entry.seq, self.notes.len());
            self.notes.push(NoteView {
                seq: entry.seq,
                at: entry.at,
                by: entry.by.clone(),
                note: std::sync::Arc::clone(&entry.note),
                corrections: entry.corrections,
                mine: None,
            });
        }
    }

    fn mine(&self, note: Seq, client: &str) -> Option<u64> {
        self.origins
            .get(&note)
            .filter(|o| o.client == client)
            .map(|o| o.seq)
    }

    fn welcome(&self, client: &str) -> Welcome {
        let skip = self.notes.len().saturating_sub(WELCOME_NOTES);
        let notes = self.notes[skip..]
            .iter()
            .map(|n| NoteView {
                mine: self.mine(n.seq, client),
                ..n.clone()
            })
            .collect();
        Welcome {
            protocol: PROTOCOL_VERSION,
            meeting: self.view.clone(),
            notes,
        }
    }

    /// Acknowledges a client's notes that are now saved, in order.
    fn settle(&mut self, client: &str) {
        let saved = self.saved_through;
        let Some(queue) = self.pending.get_mut(client) else {
            return;
        };
        let mut through = None;
        while let Some(&(their_seq, log_seq)) = queue.front() {
            if log_seq > saved {
                break;
            }
            through = Some(their_seq);
            queue.pop_front();
        }
        if queue.is_empty() {
            self.pending.remove(client);
        }
        if let Some(through) = through {
            self.send_to_client(client, ToClient::Ack { through });
        }
    }

    fn send_to_client(&mut self, client: &str, message: ToClient) {
        if let Some(&id) = self.by_client.get(client) {
            self.send(id, message);
        }
    }

    /// Queues a message for a link; a link too slow to keep up is closed.
    fn send(&mut self, id: u64, message: ToClient) {
        let Some(slot) = self.links.get_mut(&id) else {
            return;
        };
        if slot.out.try_send(message).is_err()
            && let Some(close) = slot.close.take()
        {
            let _ = close.send(Refusal::TooSlow);
        }
    }

    fn close_client(&mut self, client: &str, reason: Refusal) {
        if let Some(id) = self.by_client.remove(client)
            && let Some(slot) = self.links.get_mut(&id)
            && let Some(close) = slot.close.take()
        {
            let _ = close.send(reason);
        }
    }
}
