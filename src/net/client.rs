//! The note-taker's side: a durable outbox and a link that keeps reconnecting.
//!
//! [`Client::submit`] writes the note to the outbox (fsynced) and returns its number;
//! the link task sends it whenever a link is up, and resends everything still
//! unacknowledged, in order, after every reconnect. The screen follows
//! [`ClientEvent`]s: connection state, the meeting view, acknowledgements.

use std::future::Future;
use std::io;
use std::path::PathBuf;
use std::pin::Pin;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use thiserror::Error;
use tokio::net::TcpStream;
use tokio::sync::{Notify, mpsc};
use tokio::task::JoinHandle;
use tokio::time::{Instant, sleep, sleep_until, timeout};

use super::code::JoinCode;
use super::link::{self, HandshakeRefusal, LinkError, LinkWriter};
use super::outbox::{Outbox, OutboxError, set_aside_path};
use super::protocol::{
    HelloProblem, MAX_HOST_MESSAGE, NoteTooLong, PROTOCOL_VERSION, Refusal, ToClient, ToHost,
    Update, Welcome, note_fits,
};
use super::{AsyncStream, valid_name};
use crate::domain::{DomainError, EventKind};

/// Opens a fresh connection to the host.
pub type Connector = Arc<
    dyn Fn() -> Pin<Box<dyn Future<Output = io::Result<Box<dyn AsyncStream>>> + Send>>
        + Send
        + Sync,
>;

/// A connector for a TCP address (`192.168.1.20:7878`, `127.0.0.1:7878`).
pub fn tcp(addr: impl Into<String>) -> Connector {
    let addr = addr.into();
    Arc::new(move || {
        let addr = addr.clone();
        Box::pin(async move {
            let stream = TcpStream::connect(&addr).await?;
            let _ = stream.set_nodelay(true);
            Ok(Box::new(stream) as Box<dyn AsyncStream>)
        })
    })
}

#[derive(Clone, Debug)]
pub struct ClientConfig {
    /// The name the notes are recorded under.
    pub name: String,
    pub code: JoinCode,
    /// The outbox file (see [`default_outbox_path`]).
    pub outbox: PathBuf,
    /// For connecting, the handshake and the welcome together.
    pub connect_timeout: Duration,
    pub ping_every: Duration,
    /// The host counts as gone after this long without a word from it.
    pub host_silence: Duration,
    pub backoff_min: Duration,
    pub backoff_max: Duration,
}

impl ClientConfig {
    pub fn new(name: impl Into<String>, code: JoinCode, outbox: PathBuf) -> ClientConfig {
        ClientConfig {
            name: name.into(),
            code,
            outbox,
            connect_timeout: Duration::from_secs(10),
            ping_every: Duration::from_secs(15),
            host_silence: Duration::from_secs(45),
            backoff_min: Duration::from_millis(250),
            backoff_max: Duration::from_secs(5),
        }
    }
}

/// Where a note-taker's outbox lives by default: the user's data folder, one file per
/// host address, so notes meant for one meeting's host go to no other.
pub fn default_outbox_path(host: &str) -> Option<PathBuf> {
    let safe: String = host
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect();
    dirs::data_local_dir().map(|d| d.join("roundtable").join(format!("outbox-{safe}.ron")))
}

#[derive(Debug, Error)]
pub enum ClientError {
    #[error(transparent)]
    Outbox(#[from] OutboxError),
    #[error("a name is 1 to 64 characters, without control characters")]
    BadName,
    #[error(
        "the note takes {} bytes as sent, over the link's limit of {}: split it into shorter notes",
        .0.size,
        .0.limit
    )]
    TooLong(NoteTooLong),
    #[error("the note-taker link has stopped")]
    Stopped,
}

/// The state of the link, as the note-taker's screen shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ConnectionState {
    Connecting,
    Connected,
    /// The host cannot be reached (or went silent); retrying. Notes are still kept.
    HostGone {
        reason: String,
    },
    /// The host is there but has no room for this note-taker now; retrying. Notes are
    /// still kept.
    NoRoom {
        why: NoRoom,
    },
    /// The code is wrong (or was replaced): type the new one ([`Client::set_code`]).
    WrongCode,
    /// The host turned this note-taker away; not retrying until told
    /// ([`Client::reconnect`], or a new code).
    Refused {
        reason: TurnedAway,
    },
}

/// Why the host has no room for this note-taker now: a code the screen words in its
/// language.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoRoom {
    /// As many note-takers as the host accepts are connected (`Refusal::Full`, after
    /// the handshake): one must leave first.
    Full,
    /// The host has as many connections in their handshake as it takes (the
    /// handshake's `busy` refusal): a moment later there is room.
    Busy,
}

/// Why the host turned this note-taker away: a code the screen words in its language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TurnedAway {
    /// The host's own refusal.
    Host(Refusal),
    /// The host runs another version of Roundtable.
    OtherVersion,
    /// This computer tried too many wrong codes: the host refuses it for a while.
    TooManyWrongCodes,
}

/// What the screen learns from the link.
#[derive(Clone, Debug, PartialEq)]
pub enum ClientEvent {
    State(ConnectionState),
    /// The meeting as it stands, on every (re)connect.
    Welcome(Box<Welcome>),
    Update(Box<Update>),
    /// Every note numbered up to `through` is saved by the host.
    Acked {
        through: u64,
    },
    /// The meeting refused this note; it is out of the outbox.
    Rejected {
        seq: u64,
        reason: DomainError,
    },
    /// The outbox could not be updated (disk full?): the note-taker must know.
    OutboxFailed {
        error: String,
    },
    /// A note waiting in the outbox (from an older version) is too long to travel: it
    /// was taken out, so it blocks nothing behind it and is never resent, and its
    /// text kept in `kept_in`.
    SetAside {
        seq: u64,
        event: Box<EventKind>,
        too_long: NoteTooLong,
        kept_in: PathBuf,
    },
}

enum Control {
    SetCode(JoinCode),
    Reconnect,
}

/// Submits notes to a client's outbox (see [`Client::submitter`]).
#[derive(Clone)]
pub struct Submitter {
    outbox: Arc<Mutex<Outbox>>,
    wake: Arc<Notify>,
}

impl Submitter {
    /// Keeps a note durably in the outbox and queues it for the host. Returns its
    /// number once it is on disk. A note too long to travel is refused before it
    /// reaches the outbox, where it would wait forever.
    pub async fn submit(&self, event: EventKind) -> Result<u64, ClientError> {
        note_fits(&event).map_err(ClientError::TooLong)?;
        let outbox = self.outbox.clone();
        let seq = tokio::task::spawn_blocking(move || lock(&outbox).add(event))
            .await
            .map_err(|_| ClientError::Stopped)??;
        self.wake.notify_one();
        Ok(seq)
    }
}

/// The note-taker's link. Dropping it stops the link task; the outbox keeps what was
/// not acknowledged.
pub struct Client {
    outbox: Arc<Mutex<Outbox>>,
    client_id: String,
    wake: Arc<Notify>,
    control: mpsc::UnboundedSender<Control>,
    task: JoinHandle<()>,
}

impl Drop for Client {
    fn drop(&mut self) {
        self.task.abort();
    }
}

fn lock(outbox: &Mutex<Outbox>) -> MutexGuard<'_, Outbox> {
    outbox.lock().unwrap_or_else(|p| p.into_inner())
}

impl Client {
    /// Opens the outbox and starts connecting. Must be called inside a tokio runtime.
    pub fn start(
        config: ClientConfig,
        connector: Connector,
    ) -> Result<(Client, mpsc::UnboundedReceiver<ClientEvent>), ClientError> {
        if !valid_name(&config.name) {
            return Err(ClientError::BadName);
        }
        let mut outbox = Outbox::open(&config.outbox)?;
        let client_id = outbox.client_id().to_owned();
        let (events_tx, events) = mpsc::unbounded_channel();
        for event in set_aside_what_cannot_travel(&mut outbox)? {
            let _ = events_tx.send(event);
        }
        let outbox = Arc::new(Mutex::new(outbox));
        let wake = Arc::new(Notify::new());
        let (control, control_rx) = mpsc::unbounded_channel();
        let task = tokio::spawn(run(
            config,
            connector,
            outbox.clone(),
            wake.clone(),
            events_tx,
            control_rx,
        ));
        Ok((
            Client {
                outbox,
                client_id,
                wake,
                control,
                task,
            },
            events,
        ))
    }

    /// Keeps a note durably in the outbox and queues it for the host. Returns its
    /// number once it is on disk.
    pub async fn submit(&self, event: EventKind) -> Result<u64, ClientError> {
        self.submitter().submit(event).await
    }

    /// A handle that submits notes, for a task of its own: the screen hands it notes
    /// and goes on while the outbox syncs to disk.
    pub fn submitter(&self) -> Submitter {
        Submitter {
            outbox: self.outbox.clone(),
            wake: self.wake.clone(),
        }
    }

    /// Notes not yet acknowledged, in order: the screen shows them as "sending".
    pub fn pending(&self) -> Vec<(u64, EventKind)> {
        lock(&self.outbox)
            .pending()
            .map(|(s, e)| (s, e.clone()))
            .collect()
    }

    /// The id this note-taker is known by, stable across restarts.
    pub fn client_id(&self) -> &str {
        &self.client_id
    }

    /// Uses a new join code from the next connection on (and connects at once).
    pub fn set_code(&self, code: JoinCode) {
        let _ = self.control.send(Control::SetCode(code));
    }

    /// Tries again at once (after a refusal, or to skip the back-off).
    pub fn reconnect(&self) {
        let _ = self.control.send(Control::Reconnect);
    }
}

/// Takes out of the outbox the notes too long to travel (an older version let them
/// in), keeping their text beside it: otherwise the host would close the link on the
/// first of them at every reconnect, and nothing behind it would ever arrive.
fn set_aside_what_cannot_travel(outbox: &mut Outbox) -> Result<Vec<ClientEvent>, ClientError> {
    let too_long: Vec<(u64, EventKind, NoteTooLong)> = outbox
        .pending()
        .filter_map(|(seq, event)| {
            note_fits(event)
                .err()
                .map(|too_long| (seq, event.clone(), too_long))
        })
        .collect();
    let mut events = Vec::new();
    for (seq, event, too_long) in too_long {
        outbox.set_aside(seq)?;
        events.push(ClientEvent::SetAside {
            seq,
            event: Box::new(event),
            too_long,
            kept_in: set_aside_path(outbox.path()),
        });
    }
    Ok(events)
}

/// How a connection ended.
enum Ended {
    /// Try again after a pause.
    Retry(String),
    /// The host has no room now: try again after a pause.
    NoRoom(NoRoom),
    WrongCode,
    /// Wait for the note-taker.
    Refused(TurnedAway),
    /// The note-taker typed a new code: connect with it now.
    NewCode(JoinCode),
    /// The note-taker asked to connect again now.
    Reconnect,
    /// The app dropped the client.
    Stop,
}

async fn run(
    mut config: ClientConfig,
    connector: Connector,
    outbox: Arc<Mutex<Outbox>>,
    wake: Arc<Notify>,
    events: mpsc::UnboundedSender<ClientEvent>,
    mut control: mpsc::UnboundedReceiver<Control>,
) {
    let mut backoff = config.backoff_min;
    loop {
        let _ = events.send(ClientEvent::State(ConnectionState::Connecting));
        let (ended, was_connected) =
            connection(&config, &connector, &outbox, &wake, &events, &mut control).await;
        if was_connected {
            backoff = config.backoff_min;
        }
        let pause = match ended {
            Ended::Stop => return,
            Ended::NewCode(code) => {
                config.code = code;
                continue;
            }
            Ended::Reconnect => continue,
            Ended::Retry(reason) => {
                let _ = events.send(ClientEvent::State(ConnectionState::HostGone { reason }));
                Some(backoff)
            }
            Ended::NoRoom(why) => {
                let _ = events.send(ClientEvent::State(ConnectionState::NoRoom { why }));
                Some(backoff)
            }
            Ended::WrongCode => {
                let _ = events.send(ClientEvent::State(ConnectionState::WrongCode));
                None
            }
            Ended::Refused(reason) => {
                let _ = events.send(ClientEvent::State(ConnectionState::Refused { reason }));
                None
            }
        };
        // Wait out the back-off, or for the note-taker when there is no point
        // retrying by ourselves.
        let until = pause.map(|p| Instant::now() + p);
        tokio::select! {
            c = control.recv() => match c {
                None => return,
                Some(Control::SetCode(code)) => config.code = code,
                Some(Control::Reconnect) => {}
            },
            _ = sleep_until(until.unwrap_or_else(Instant::now)), if until.is_some() => {
                backoff = (backoff * 2).min(config.backoff_max);
            }
        }
    }
}

/// One connection, from connect to its end. Returns how it ended and whether it got
/// as far as the welcome.
async fn connection(
    config: &ClientConfig,
    connector: &Connector,
    outbox: &Arc<Mutex<Outbox>>,
    wake: &Arc<Notify>,
    events: &mpsc::UnboundedSender<ClientEvent>,
    control: &mut mpsc::UnboundedReceiver<Control>,
) -> (Ended, bool) {
    let (client_id, last_acked) = {
        let outbox = lock(outbox);
        (outbox.client_id().to_owned(), outbox.settled_through())
    };
    let joining = async {
        let stream = connector()
            .await
            .map_err(|e| Ended::Retry(format!("cannot reach the host: {e}")))?;
        let link = link::connect(stream, &config.code, MAX_HOST_MESSAGE)
            .await
            .map_err(handshake_ended)?;
        let (mut reader, mut writer) = link.split();
        writer
            .send(&ToHost::Hello {
                protocol: PROTOCOL_VERSION,
                client_id: client_id.clone(),
                name: config.name.trim().to_owned(),
                last_acked,
            })
            .await
            .map_err(|e| Ended::Retry(e.to_string()))?;
        match reader.recv::<ToClient>().await {
            Ok(ToClient::Welcome(welcome)) => Ok((reader, writer, welcome)),
            Ok(ToClient::Refused { reason }) => Err(refused(reason)),
            Ok(_) => Err(Ended::Retry("the host did not welcome us".into())),
            Err(e) => Err(Ended::Retry(e.to_string())),
        }
    };
    let joined = tokio::select! {
        joined = timeout(config.connect_timeout, joining) => joined,
        ended = wait_for_control(control) => return (ended, false),
    };
    let (mut reader, writer, welcome) = match joined {
        Ok(Ok(joined)) => joined,
        Ok(Err(ended)) => return (ended, false),
        Err(_) => {
            return (
                Ended::Retry("the host did not answer in time".into()),
                false,
            );
        }
    };
    let _ = events.send(ClientEvent::State(ConnectionState::Connected));
    let _ = events.send(ClientEvent::Welcome(welcome));

    // The writer runs apart from the reader, so a long resend never stops us from
    // reading what the host says meanwhile.
    let mut sender = tokio::spawn(send_loop(
        writer,
        outbox.clone(),
        wake.clone(),
        config.ping_every,
    ));
    let ended = loop {
        let silence = sleep(config.host_silence);
        tokio::select! {
            ended = wait_for_control(control) => break ended,
            result = &mut sender => {
                let reason = match result {
                    Ok(error) => error.to_string(),
                    Err(_) => "the sender stopped".to_owned(),
                };
                break Ended::Retry(reason);
            }
            message = reader.recv::<ToClient>() => match message {
                Ok(ToClient::Ack { through }) => {
                    if let Err(e) = lock(outbox).settle(through) {
                        let _ = events.send(ClientEvent::OutboxFailed { error: e.to_string() });
                    }
                    let _ = events.send(ClientEvent::Acked { through });
                }
                Ok(ToClient::Rejected { seq, reason }) => {
                    if let Err(e) = lock(outbox).drop_note(seq) {
                        let _ = events.send(ClientEvent::OutboxFailed { error: e.to_string() });
                    }
                    let _ = events.send(ClientEvent::Rejected { seq, reason });
                }
                Ok(ToClient::Update(update)) => {
                    let _ = events.send(ClientEvent::Update(update));
                }
                Ok(ToClient::Welcome(welcome)) => {
                    let _ = events.send(ClientEvent::Welcome(welcome));
                }
                Ok(ToClient::Pong) => {}
                Ok(ToClient::Refused { reason }) => break refused(reason),
                Err(LinkError::Closed) => break Ended::Retry("the host closed the link".into()),
                Err(e) => break Ended::Retry(e.to_string()),
            },
            _ = silence => break Ended::Retry("no word from the host".into()),
        }
    };
    sender.abort();
    (ended, true)
}

/// Control messages while connecting or connected: a new code or a reconnect ends
/// this connection; a closed channel means the client is gone.
async fn wait_for_control(control: &mut mpsc::UnboundedReceiver<Control>) -> Ended {
    match control.recv().await {
        None => Ended::Stop,
        Some(Control::SetCode(code)) => Ended::NewCode(code),
        Some(Control::Reconnect) => Ended::Reconnect,
    }
}

fn handshake_ended(error: LinkError) -> Ended {
    match error {
        LinkError::WrongCode => Ended::WrongCode,
        LinkError::Refused(HandshakeRefusal::Busy) => Ended::NoRoom(NoRoom::Busy),
        LinkError::Refused(HandshakeRefusal::Blocked) => {
            Ended::Refused(TurnedAway::TooManyWrongCodes)
        }
        LinkError::Refused(HandshakeRefusal::Version) | LinkError::Version(_) => {
            Ended::Refused(TurnedAway::OtherVersion)
        }
        other => Ended::Retry(other.to_string()),
    }
}

fn refused(reason: Refusal) -> Ended {
    match reason {
        Refusal::Full => Ended::NoRoom(NoRoom::Full),
        Refusal::TooSlow => Ended::Retry("the link was too slow".into()),
        Refusal::ShuttingDown => Ended::Retry("the host is closing".into()),
        Refusal::BadHello(HelloProblem::Version { .. }) => Ended::Refused(TurnedAway::OtherVersion),
        reason @ (Refusal::Revoked
        | Refusal::Disconnected
        | Refusal::Replaced
        | Refusal::BadHello(_)
        | Refusal::Protocol(_)) => Ended::Refused(TurnedAway::Host(reason)),
    }
}

/// Sends every pending note once, in order, then each new one as it is submitted;
/// pings when idle. Returns the error that ended it.
async fn send_loop(
    mut writer: LinkWriter<Box<dyn AsyncStream>>,
    outbox: Arc<Mutex<Outbox>>,
    wake: Arc<Notify>,
    ping_every: Duration,
) -> LinkError {
    let mut sent_through = lock(&outbox).settled_through();
    loop {
        let next = lock(&outbox).next_after(sent_through);
        if let Some((seq, event)) = next {
            if let Err(e) = writer.send(&ToHost::Send { seq, event }).await {
                return e;
            }
            sent_through = seq;
            continue;
        }
        tokio::select! {
            _ = wake.notified() => {}
            _ = sleep(ping_every) => {
                if let Err(e) = writer.send(&ToHost::Ping).await {
                    return e;
                }
            }
        }
    }
}
