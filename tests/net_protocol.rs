//! The note-taker link, end to end inside one process: in-memory streams with paused
//! time for the protocol, and loopback TCP with a real `Saver` for the real thing.
//!
//! The "app" here does what the facilitator's app must do: record each note in the
//! meeting, tell the host what came of it (`Host::settle_note`), hand the event to the
//! saver and to `Host::publish`, and pass each save report to `Host::saved`.

use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU16, AtomicU32, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use futures::{FutureExt, SinkExt};
use roundtable::domain::{
    Author, DomainError, EventKind, Meeting, Note, NoteKind, Origin, PersonId, Seq, Speaker, Stamp,
    Text,
};
use roundtable::net::client::{self, Connector};
use roundtable::net::link::{self, Accepting, LinkError};
use roundtable::net::outbox::Outbox;
use roundtable::net::protocol::{self, PROTOCOL_VERSION, ToClient, ToHost};
use roundtable::net::{
    AsyncStream, Client, ClientConfig, ClientError, ClientEvent, ConnectionState, Host, HostConfig,
    HostEvent, JoinCode, NoRoom, NoteRequest, NoteSettled, Refusal, TurnedAway,
};
use roundtable::store::{self, SaveReport, Saver};
use tokio::io::{AsyncReadExt, AsyncWriteExt, DuplexStream, duplex};
use tokio::sync::mpsc;
use tokio::task::JoinHandle;
use tokio::time::{Instant, sleep, timeout};
use tokio_util::bytes::Bytes;
use tokio_util::codec::{Framed, LengthDelimitedCodec};

const CODE: &str = "K7QM-4TXP";
const WRONG: &str = "K7QM-4TXQ";
const PIPE: usize = 64 * 1024;

fn code(s: &str) -> JoinCode {
    s.parse().expect("a valid code")
}

/// The demo's set-up, without the comments imported before the day: the host's log
/// starts empty, so the numbers below are the note-takers' own.
fn demo() -> Meeting {
    let mut session = store::load(Path::new("sessions/demo.ron"))
        .expect("demo loads")
        .into_session();
    session.log.clear();
    Meeting::open(session).expect("the set-up opens")
}

fn at() -> Stamp {
    chrono::DateTime::parse_from_rfc3339("2026-12-03T14:05:00+08:00").expect("time")
}

fn said(text: &str) -> EventKind {
    EventKind::NoteAdded(std::sync::Arc::new(Note {
        speaker: Some(Speaker::Person(PersonId::new("open-culture"))),
        kind: NoteKind::Said,
        text: Text::new(text),
        item: None,
    }))
}

/// Texts of the notes in the log, in order, with their origins.
fn logged_notes(meeting: &Meeting) -> Vec<(String, Option<Origin>)> {
    meeting
        .session()
        .log
        .iter()
        .filter_map(|e| match &e.kind {
            EventKind::NoteAdded(note) => Some((note.text.text.clone(), e.origin.clone())),
            _ => None,
        })
        .collect()
}

fn texts(meeting: &Meeting) -> Vec<String> {
    logged_notes(meeting).into_iter().map(|(t, _)| t).collect()
}

/// A stand-in for the facilitator's app loop.
struct App {
    meeting: Arc<Mutex<Meeting>>,
    host: Host,
    /// While set, saves are held back: nothing is acknowledged.
    hold_saves: Arc<AtomicBool>,
    log: mpsc::UnboundedReceiver<String>,
    task: JoinHandle<()>,
}

impl App {
    fn start(meeting: Meeting, config: HostConfig) -> App {
        let (host, events) = Host::new(config, &meeting).expect("host");
        App::run(meeting, host, events, None)
    }

    fn run(
        meeting: Meeting,
        host: Host,
        mut events: mpsc::Receiver<HostEvent>,
        saver: Option<(Saver, mpsc::UnboundedReceiver<SaveReport>)>,
    ) -> App {
        let meeting = Arc::new(Mutex::new(meeting));
        let hold_saves = Arc::new(AtomicBool::new(false));
        let (log_tx, log) = mpsc::unbounded_channel();
        let task = {
            let meeting = meeting.clone();
            let host = host.clone();
            let hold = hold_saves.clone();
            tokio::spawn(async move {
                let (saver, mut reports) = match saver {
                    Some((saver, reports)) => (Some(saver), Some(reports)),
                    None => (None, None),
                };
                let mut unsaved: Option<Seq> = None;
                let mut tick = tokio::time::interval(Duration::from_millis(5));
                loop {
                    tokio::select! {
                        event = events.recv() => {
                            let Some(event) = event else { return };
                            let line = match event {
                                HostEvent::Note(request) => {
                                    // What the facilitator's `update` does with a note.
                                    let mut meeting = meeting.lock().expect("meeting");
                                    let NoteRequest { origin, name, kind } = *request;
                                    let by = Author::NoteTaker(name);
                                    match meeting.record_from(origin.clone(), at(), by, kind).cloned() {
                                        Ok(event) => {
                                            host.settle_note(&origin, NoteSettled::Recorded(event.seq));
                                            host.publish(&meeting, &event);
                                            match &saver {
                                                Some(saver) => saver.append(event.clone()),
                                                None => unsaved = Some(event.seq),
                                            }
                                            format!("recorded {} {}", origin.seq, event.seq.0)
                                        }
                                        Err(DomainError::AlreadyRecorded { .. }) => {
                                            let log_end = meeting.session().log.last().map_or(Seq(0), |e| e.seq);
                                            host.settle_note(&origin, NoteSettled::AlreadyRecorded { log_end });
                                            format!("duplicate {}", origin.seq)
                                        }
                                        Err(e) => {
                                            let line = format!("refused {}: {e}", origin.seq);
                                            host.settle_note(&origin, NoteSettled::Refused(e));
                                            line
                                        }
                                    }
                                }
                                HostEvent::Connected { name, .. } => format!("connected {name}"),
                                HostEvent::Disconnected { name, reason, .. } => {
                                    format!("disconnected {name}: {reason:?}")
                                }
                                HostEvent::FailedAttempt { failures, peer, .. } => {
                                    format!("failed attempt {failures} from {peer}")
                                }
                                HostEvent::AddressBlocked { address, failures, blocked_for, .. } => {
                                    format!("blocked {address} after {failures} for {}s", blocked_for.as_secs())
                                }
                                HostEvent::KeptOut { address, why, count, .. } => {
                                    format!("kept out {address} {why:?} {count}")
                                }
                                HostEvent::Refused { reason, .. } => format!("refused link: {reason:?}"),
                                HostEvent::LinkClosed { reason, .. } => format!("link closed: {reason}"),
                            };
                            let _ = log_tx.send(line);
                        }
                        report = async { reports.as_mut().expect("reports").recv().await }, if reports.is_some() => {
                            if let Some(SaveReport::Saved { through }) = report {
                                host.saved(through);
                            }
                        }
                        // Without a real saver, "save" whatever is unsaved unless held.
                        _ = tick.tick(), if saver.is_none() => {
                            if !hold.load(Ordering::SeqCst) && let Some(seq) = unsaved.take() {
                                host.saved(seq);
                            }
                        }
                    }
                }
            })
        };
        App {
            meeting,
            host,
            hold_saves,
            log,
            task,
        }
    }

    /// Waits for a log line that starts with `prefix`; returns it.
    async fn expect(&mut self, prefix: &str) -> String {
        let deadline = Instant::now() + Duration::from_secs(120);
        loop {
            match tokio::time::timeout_at(deadline, self.log.recv()).await {
                Ok(Some(line)) if line.starts_with(prefix) => return line,
                Ok(Some(_)) => continue,
                Ok(None) => panic!("the app stopped while waiting for {prefix:?}"),
                Err(_) => panic!("no {prefix:?} from the host"),
            }
        }
    }

    /// A connector whose links reach this app's host through in-memory pipes.
    fn connector(&self) -> (Connector, Wires) {
        self.connector_from(fresh_ip())
    }

    /// A connector whose connections come from `ip`, each from a port of its own.
    fn connector_from(&self, ip: IpAddr) -> (Connector, Wires) {
        let wires = Wires::default();
        let host = self.host.clone();
        let w = wires.clone();
        let connector: Connector = Arc::new(move || {
            let host = host.clone();
            let w = w.clone();
            Box::pin(async move {
                if w.down.load(Ordering::SeqCst) {
                    return Err(std::io::Error::new(
                        std::io::ErrorKind::ConnectionRefused,
                        "host down",
                    ));
                }
                let (ours, theirs) = w.pipe();
                host.accept(theirs, SocketAddr::new(ip, fresh_port()));
                Ok(Box::new(ours) as Box<dyn AsyncStream>)
            })
        });
        (connector, wires)
    }

    fn texts(&self) -> Vec<String> {
        texts(&self.meeting.lock().expect("meeting"))
    }
}

impl Drop for App {
    fn drop(&mut self) {
        self.task.abort();
        self.host.shutdown();
    }
}

/// In-memory connections through a relay the test can cut, like a dropped Wi-Fi.
#[derive(Clone, Default)]
struct Wires {
    relays: Arc<Mutex<Vec<JoinHandle<()>>>>,
    count: Arc<AtomicUsize>,
    down: Arc<AtomicBool>,
}

impl Wires {
    fn pipe(&self) -> (DuplexStream, DuplexStream) {
        let (client, mut client_far) = duplex(PIPE);
        let (mut host_far, host) = duplex(PIPE);
        self.count.fetch_add(1, Ordering::SeqCst);
        let relay = tokio::spawn(async move {
            let _ = tokio::io::copy_bidirectional(&mut client_far, &mut host_far).await;
        });
        self.relays.lock().expect("relays").push(relay);
        (client, host)
    }

    /// Cuts every link at once: both sides see the connection drop.
    fn cut(&self) {
        for relay in self.relays.lock().expect("relays").drain(..) {
            relay.abort();
        }
    }
}

fn client_config(name: &str, code: JoinCode, outbox: PathBuf) -> ClientConfig {
    ClientConfig::new(name, code, outbox)
}

/// Waits for a client event matching `want`.
async fn until<F: FnMut(&ClientEvent) -> bool>(
    events: &mut mpsc::UnboundedReceiver<ClientEvent>,
    mut want: F,
) -> ClientEvent {
    let deadline = Instant::now() + Duration::from_secs(120);
    loop {
        match tokio::time::timeout_at(deadline, events.recv()).await {
            Ok(Some(event)) if want(&event) => return event,
            Ok(Some(_)) => continue,
            Ok(None) => panic!("the client stopped"),
            Err(_) => panic!("the client event never came"),
        }
    }
}

async fn until_acked(events: &mut mpsc::UnboundedReceiver<ClientEvent>, seq: u64) {
    until(
        events,
        |e| matches!(e, ClientEvent::Acked { through } if *through >= seq),
    )
    .await;
}

async fn until_state(events: &mut mpsc::UnboundedReceiver<ClientEvent>, state: ConnectionState) {
    until(events, |e| *e == ClientEvent::State(state.clone())).await;
}

fn is_host_gone(e: &ClientEvent) -> bool {
    matches!(e, ClientEvent::State(ConnectionState::HostGone { .. }))
}

/// An address of its own, so that the host's limits per address leave each test's
/// note-takers alone unless a test shares one on purpose.
fn fresh_ip() -> IpAddr {
    static NEXT: AtomicU32 = AtomicU32::new(1);
    let n = NEXT.fetch_add(1, Ordering::SeqCst);
    IpAddr::V4(Ipv4Addr::from(0x0A00_0000 | n))
}

fn fresh_port() -> u16 {
    static NEXT: AtomicU16 = AtomicU16::new(1024);
    NEXT.fetch_add(1, Ordering::SeqCst)
}

/// A raw connection to the app's host from an address of its own: the test plays a
/// (possibly hostile) client; `_who` says which, for the reader.
fn raw_pipe(app: &App, _who: &str) -> DuplexStream {
    raw_pipe_from(app, fresh_ip())
}

/// A raw connection to the app's host from `ip`.
fn raw_pipe_from(app: &App, ip: IpAddr) -> DuplexStream {
    let (ours, theirs) = duplex(PIPE);
    app.host.accept(theirs, SocketAddr::new(ip, fresh_port()));
    ours
}

async fn hello(link: &mut link::Link<DuplexStream>, client_id: &str, name: &str) -> ToClient {
    link.send(&ToHost::Hello {
        protocol: PROTOCOL_VERSION,
        client_id: client_id.to_owned(),
        name: name.to_owned(),
        last_acked: 0,
    })
    .await
    .expect("hello sent");
    link.recv::<ToClient>().await.expect("an answer")
}

// ---- handshake ---------------------------------------------------------------------

#[tokio::test(start_paused = true)]
async fn a_note_taker_joins_sees_the_meeting_and_their_note_is_saved_then_acknowledged() {
    let mut app = App::start(demo(), HostConfig::new(code(CODE)));
    let dir = tempfile::tempdir().expect("temp");
    let (connector, _wires) = app.connector();
    let (client, mut events) = Client::start(
        client_config("記錄 Amy", code(CODE), dir.path().join("outbox.ron")),
        connector,
    )
    .expect("client");

    let welcome = until(&mut events, |e| matches!(e, ClientEvent::Welcome(_))).await;
    let ClientEvent::Welcome(welcome) = welcome else {
        unreachable!()
    };
    assert!(welcome.meeting.title.text.contains("公民投票電子連署"));
    assert!(
        welcome
            .meeting
            .people
            .iter()
            .any(|p| p.id.0 == "open-culture")
    );
    assert_eq!(app.expect("connected").await, "connected 記錄 Amy");
    assert_eq!(app.host.note_takers().len(), 1);

    // Hold the save: the note is recorded but must not be acknowledged yet.
    app.hold_saves.store(true, Ordering::SeqCst);
    let seq = client
        .submit(said("我們支持電子連署"))
        .await
        .expect("submit");
    assert_eq!(seq, 1);
    assert_eq!(
        client.pending().len(),
        1,
        "in the outbox until acknowledged"
    );
    assert_eq!(app.expect("recorded").await, "recorded 1 1");
    let update = until(&mut events, |e| matches!(e, ClientEvent::Update(_))).await;
    let ClientEvent::Update(update) = update else {
        unreachable!()
    };
    assert_eq!(update.notes.len(), 1);
    assert_eq!(
        update.notes[0].mine,
        Some(1),
        "the note-taker sees it is theirs"
    );
    assert_eq!(update.notes[0].by, Author::NoteTaker("記錄 Amy".into()));
    sleep(Duration::from_secs(5)).await;
    assert_eq!(client.pending().len(), 1, "no ack before the save");

    app.hold_saves.store(false, Ordering::SeqCst);
    until_acked(&mut events, 1).await;
    assert!(client.pending().is_empty());
    assert_eq!(app.texts(), vec!["我們支持電子連署"]);
}

impl App {
    /// What the facilitator's app does with its own changes: record, then publish.
    fn facilitator_records(&self, kind: EventKind) {
        let mut meeting = self.meeting.lock().expect("meeting");
        let event = meeting
            .record(at(), Author::Facilitator, kind)
            .expect("the rules allow it")
            .clone();
        self.host.publish(&meeting, &event);
    }
}

/// The next update that carries the meeting's header.
async fn meeting_update(
    events: &mut mpsc::UnboundedReceiver<ClientEvent>,
) -> protocol::MeetingView {
    match until(
        events,
        |e| matches!(e, ClientEvent::Update(u) if u.meeting.is_some()),
    )
    .await
    {
        ClientEvent::Update(update) => update.meeting.expect("a meeting"),
        _ => unreachable!(),
    }
}

#[tokio::test(start_paused = true)]
async fn a_note_taker_sees_the_floor_pass_and_the_queue_change() {
    let app = App::start(demo(), HostConfig::new(code(CODE)));
    let item = roundtable::domain::ItemId::new("discussion-open-source");
    app.facilitator_records(EventKind::MeetingStarted);
    app.facilitator_records(EventKind::ItemStarted { item: item.clone() });
    let dir = tempfile::tempdir().expect("temp");
    let (connector, _wires) = app.connector();
    let (_client, mut events) = Client::start(
        client_config("記錄 Amy", code(CODE), dir.path().join("outbox.ron")),
        connector,
    )
    .expect("client");
    let ClientEvent::Welcome(welcome) =
        until(&mut events, |e| matches!(e, ClientEvent::Welcome(_))).await
    else {
        unreachable!()
    };
    assert_eq!(welcome.meeting.speaking, None);
    assert!(welcome.meeting.queue.is_empty());

    let person = |id: &str| Speaker::Person(PersonId::new(id));
    // Each speaking event reaches the note-taker as the meeting's new header.
    app.facilitator_records(EventKind::SpeakerRequested {
        item: item.clone(),
        speaker: person("open-culture"),
    });
    let view = meeting_update(&mut events).await;
    assert_eq!(view.queue, vec![person("open-culture")]);
    assert_eq!(view.speaking, None);

    app.facilitator_records(EventKind::SpeakingStarted {
        speaker: person("digital-rights"),
        request: None,
    });
    let view = meeting_update(&mut events).await;
    let turn = view.speaking.expect("someone has the floor");
    assert_eq!(turn.speaker, person("digital-rights"));
    assert!(!turn.is_paused());

    app.facilitator_records(EventKind::SpeakingPaused);
    let view = meeting_update(&mut events).await;
    assert!(view.speaking.is_some_and(|t| t.is_paused()));

    app.facilitator_records(EventKind::SpeakingEnded);
    let view = meeting_update(&mut events).await;
    assert_eq!(view.speaking, None);
    assert_eq!(view.queue, vec![person("open-culture")], "still waiting");
}

#[tokio::test(start_paused = true)]
async fn a_wrong_code_is_refused_on_both_sides_reported_and_not_retried() {
    let mut app = App::start(demo(), HostConfig::new(code(CODE)));
    let dir = tempfile::tempdir().expect("temp");
    let (connector, _wires) = app.connector();
    let (client, mut events) = Client::start(
        client_config("Amy", code(WRONG), dir.path().join("outbox.ron")),
        connector,
    )
    .expect("client");
    until_state(&mut events, ConnectionState::WrongCode).await;
    assert!(
        app.expect("failed attempt")
            .await
            .starts_with("failed attempt 1 from 10.")
    );
    // A wrong code gets nothing: no welcome came, no note-taker is listed.
    assert!(app.host.note_takers().is_empty());
    // The client does not keep guessing by itself.
    sleep(Duration::from_secs(60)).await;
    assert!(
        app.log.try_recv().is_err(),
        "no further attempts without a new code"
    );
    // Notes are still kept while refused.
    client
        .submit(said("kept while refused"))
        .await
        .expect("submit");

    // The note-taker types the right code and the kept note arrives.
    client.set_code(code(CODE));
    until_state(&mut events, ConnectionState::Connected).await;
    until_acked(&mut events, 1).await;
    assert_eq!(app.texts(), vec!["kept while refused"]);
}

#[tokio::test(start_paused = true)]
async fn wrong_codes_from_one_address_block_it_for_a_while_and_the_code_stays() {
    let mut app = App::start(demo(), HostConfig::new(code(CODE)));
    let dir = tempfile::tempdir().expect("temp");
    let guesser = fresh_ip();
    for n in 1..=5 {
        let error = link::connect(raw_pipe_from(&app, guesser), &code(WRONG), 1 << 20)
            .await
            .err()
            .expect("refused");
        assert!(matches!(error, LinkError::WrongCode), "{error}");
        let reported = app.expect("failed attempt").await;
        assert!(
            reported.starts_with(&format!("failed attempt {n} from {guesser}:")),
            "{reported}"
        );
    }
    // The facilitator is told who is blocked, and for how long.
    assert_eq!(
        app.expect("blocked").await,
        format!("blocked {guesser} after 5 for 300s")
    );
    // The code stays: one source cannot make everyone type a new one.
    assert_eq!(app.host.code(), code(CODE));
    let (amy, mut amy_events) = well_behaved(&app, dir.path(), "Amy").await;
    amy.submit(said("still joining")).await.expect("submit");
    until_acked(&mut amy_events, 1).await;

    // The guesser is refused at once, even with the right code, and told why.
    let error = link::connect(raw_pipe_from(&app, guesser), &code(CODE), 1 << 20)
        .await
        .err()
        .expect("refused");
    assert!(
        matches!(error, LinkError::Refused(link::HandshakeRefusal::Blocked)),
        "{error}"
    );
    assert_eq!(
        app.expect("kept out").await,
        format!("kept out {guesser} Blocked 1")
    );
    // A note-taker on that address is told so and waits to be told to try again.
    let (connector, _wires) = app.connector_from(guesser);
    let (bob, mut bob_events) = Client::start(
        client_config("Bob", code(CODE), dir.path().join("bob.ron")),
        connector,
    )
    .expect("client");
    until(&mut bob_events, |e| {
        matches!(
            e,
            ClientEvent::State(ConnectionState::Refused {
                reason: TurnedAway::TooManyWrongCodes
            })
        )
    })
    .await;

    // Its time served, the address joins with the right code.
    sleep(Duration::from_secs(5 * 60)).await;
    bob.reconnect();
    until_state(&mut bob_events, ConnectionState::Connected).await;
}

#[tokio::test(start_paused = true)]
async fn silent_connections_from_one_address_cannot_keep_note_takers_out() {
    let mut app = App::start(demo(), HostConfig::new(code(CODE)));
    let attacker = fresh_ip();
    // Sixteen silent connections at a time from one address (more than there are
    // handshake places), each reopened as soon as it is turned away or closed, for 25 s.
    let flood = {
        let host = app.host.clone();
        tokio::spawn(async move {
            let until = Instant::now() + Duration::from_secs(25);
            let mut held: Vec<DuplexStream> = Vec::new();
            let mut opened = 0;
            while Instant::now() < until {
                let mut buf = [0u8; 64];
                held.retain_mut(|stream| {
                    !matches!(stream.read(&mut buf).now_or_never(), Some(Ok(0) | Err(_)))
                });
                while held.len() < 16 {
                    let (ours, theirs) = duplex(PIPE);
                    host.accept(theirs, SocketAddr::new(attacker, fresh_port()));
                    held.push(ours);
                    opened += 1;
                }
                sleep(Duration::from_millis(50)).await;
            }
            opened
        })
    };
    // Meanwhile 50 joins from elsewhere, one every half second: every one gets in.
    let mut joined = 0;
    for n in 0..50 {
        sleep(Duration::from_millis(500)).await;
        let Ok(mut link) = link::connect(raw_pipe(&app, "joiner"), &code(CODE), 1 << 20).await
        else {
            continue;
        };
        if matches!(
            hello(&mut link, &format!("j{n}"), "joiner").await,
            ToClient::Welcome(_)
        ) {
            joined += 1;
        }
    }
    assert_eq!(joined, 50, "joins that got in");
    let opened = flood.await.expect("the flood ran");
    assert!(opened > 1_000, "the flood kept at it: {opened} connections");

    // The facilitator saw who was at it and from where, without a flood of notices.
    let mut lines = Vec::new();
    while let Ok(line) = app.log.try_recv() {
        if line.starts_with(&format!("kept out {attacker}")) {
            lines.push(line);
        }
    }
    assert!(
        lines.iter().any(|l| l.contains("TooManyAtOnce")),
        "{lines:?}"
    );
    assert!(lines.iter().any(|l| l.contains("TimedOut")), "{lines:?}");
    assert!(
        lines.len() <= 4,
        "at most one a minute per reason: {lines:?}"
    );
}

#[tokio::test(start_paused = true)]
async fn the_last_handshake_place_is_kept_for_an_address_with_none_in_progress() {
    let mut config = HostConfig::new(code(CODE));
    config.max_handshakes = 2;
    config.max_handshakes_per_address = 2;
    config.handshakes_kept_for_new = 1;
    let mut app = App::start(demo(), config);
    let crowd = fresh_ip();
    let _first = raw_pipe_from(&app, crowd);
    sleep(Duration::from_millis(10)).await;
    // The crowd's second would take the last place: refused, as busy.
    let error = link::connect(raw_pipe_from(&app, crowd), &code(CODE), 1 << 20)
        .await
        .err()
        .expect("refused");
    assert!(
        matches!(error, LinkError::Refused(link::HandshakeRefusal::Busy)),
        "{error}"
    );
    assert_eq!(
        app.expect("kept out").await,
        format!("kept out {crowd} HostBusy 1")
    );
    // A real join from elsewhere gets it.
    let mut link = link::connect(raw_pipe(&app, "real"), &code(CODE), 1 << 20)
        .await
        .expect("a place");
    assert!(matches!(
        hello(&mut link, "real", "real").await,
        ToClient::Welcome(_)
    ));
}

#[tokio::test(start_paused = true)]
async fn the_host_refuses_a_client_that_does_not_know_the_code_even_if_the_host_is_fake() {
    // A fake host with another code: the note-taker's side fails the key confirmation.
    let (ours, theirs) = duplex(PIPE);
    let fake = tokio::spawn(async move {
        let accepting = Accepting::new(theirs);
        accepting.accept(&code(WRONG), &[7; 16], 1 << 16).await
    });
    let error = link::connect(ours, &code(CODE), 1 << 20)
        .await
        .err()
        .expect("fails");
    assert!(matches!(error, LinkError::WrongCode), "{error}");
    assert!(matches!(
        fake.await.expect("joined"),
        Err(LinkError::WrongCode)
    ));
}

// ---- hostile input -----------------------------------------------------------------

/// A second, well-behaved note-taker, to show the host still serves others.
async fn well_behaved(
    app: &App,
    dir: &Path,
    name: &str,
) -> (Client, mpsc::UnboundedReceiver<ClientEvent>) {
    let (connector, _wires) = app.connector();
    let (client, mut events) = Client::start(
        client_config(name, code(CODE), dir.join(format!("{name}.ron"))),
        connector,
    )
    .expect("client");
    until_state(&mut events, ConnectionState::Connected).await;
    (client, events)
}

#[tokio::test(start_paused = true)]
async fn an_oversized_frame_closes_that_link_only() {
    let mut app = App::start(demo(), HostConfig::new(code(CODE)));
    let dir = tempfile::tempdir().expect("temp");
    let (good, mut good_events) = well_behaved(&app, dir.path(), "good").await;
    app.expect("connected good").await;

    // Before the handshake: a length prefix of 4 GiB.
    let mut stream = raw_pipe(&app, "big-before");
    stream
        .write_all(&[0xFF, 0xFF, 0xFF, 0xFF, 1, 2, 3])
        .await
        .expect("write");
    let closed = app.expect("link closed").await;
    assert!(closed.contains("handshake failed"), "{closed}");

    // After the handshake: a frame just over the limit.
    let mut link = link::connect(raw_pipe(&app, "big-after"), &code(CODE), 1 << 20)
        .await
        .expect("handshake");
    assert!(matches!(
        hello(&mut link, "bad1", "bad").await,
        ToClient::Welcome(_)
    ));
    app.expect("connected bad").await;
    let mut too_long = u32::try_from(link::MAX_FRAME + 1)
        .expect("small")
        .to_be_bytes()
        .to_vec();
    too_long.extend_from_slice(&[0u8; 100]);
    let _ = link.write_raw(&too_long).await;
    let closed = app.expect("disconnected bad").await;
    assert!(closed.contains("Oversized"), "{closed}");

    // A message over the note limit, split over several valid frames.
    let mut link = link::connect(raw_pipe(&app, "long"), &code(CODE), 1 << 20)
        .await
        .expect("handshake");
    assert!(matches!(
        hello(&mut link, "bad2", "long").await,
        ToClient::Welcome(_)
    ));
    app.expect("connected long").await;
    let _ = link.send_bytes(&vec![b' '; 200 * 1024]).await;
    let closed = app.expect("disconnected long").await;
    assert!(closed.contains("Oversized"), "{closed}");

    // The good note-taker was never disturbed.
    good.submit(said("still here")).await.expect("submit");
    until_acked(&mut good_events, 1).await;
    assert_eq!(app.texts(), vec!["still here"]);
}

#[tokio::test(start_paused = true)]
async fn garbage_before_or_after_the_handshake_closes_that_link_only() {
    let mut app = App::start(demo(), HostConfig::new(code(CODE)));
    let dir = tempfile::tempdir().expect("temp");
    let (good, mut good_events) = well_behaved(&app, dir.path(), "good").await;

    // Before: a well-formed frame of random junk, then an HTTP request.
    let mut framed = Framed::new(raw_pipe(&app, "junk"), LengthDelimitedCodec::new());
    framed
        .send(Bytes::from_static(b"\x01RTBL\x00\x01short"))
        .await
        .expect("send");
    assert!(app.expect("link closed").await.contains("handshake failed"));
    let mut stream = raw_pipe(&app, "http");
    stream
        .write_all(b"GET / HTTP/1.1\r\nHost: x\r\n\r\n")
        .await
        .expect("send");
    assert!(app.expect("link closed").await.contains("handshake failed"));

    // After: a frame that does not decrypt.
    let mut link = link::connect(raw_pipe(&app, "x1"), &code(CODE), 1 << 20)
        .await
        .expect("hs");
    assert!(matches!(
        hello(&mut link, "x1", "x1").await,
        ToClient::Welcome(_)
    ));
    link.send_raw_frame(b"\x00\x01\x02 not sealed".to_vec())
        .await
        .expect("send");
    assert!(
        app.expect("disconnected x1")
            .await
            .contains("Undecryptable")
    );

    // After: sealed bytes that are not a message.
    let mut link = link::connect(raw_pipe(&app, "x2"), &code(CODE), 1 << 20)
        .await
        .expect("hs");
    assert!(matches!(
        hello(&mut link, "x2", "x2").await,
        ToClient::Welcome(_)
    ));
    link.send_bytes(b"Send(seq: \xff\xfe").await.expect("send");
    assert!(app.expect("disconnected x2").await.contains("Malformed"));

    // After: a well-formed message out of place (a second hello).
    let mut link = link::connect(raw_pipe(&app, "x3"), &code(CODE), 1 << 20)
        .await
        .expect("hs");
    assert!(matches!(
        hello(&mut link, "x3", "x3").await,
        ToClient::Welcome(_)
    ));
    assert!(matches!(
        hello(&mut link, "x3", "x3").await,
        ToClient::Refused {
            reason: Refusal::Protocol(_)
        }
    ));
    assert!(app.expect("disconnected x3").await.contains("SecondHello"));

    // A hello with a hostile client id or name is refused.
    let mut link = link::connect(raw_pipe(&app, "x4"), &code(CODE), 1 << 20)
        .await
        .expect("hs");
    assert!(matches!(
        hello(&mut link, "../../etc/passwd", "x4").await,
        ToClient::Refused {
            reason: Refusal::BadHello(_)
        }
    ));
    let mut link = link::connect(raw_pipe(&app, "x5"), &code(CODE), 1 << 20)
        .await
        .expect("hs");
    assert!(matches!(
        hello(&mut link, "x5", "bad\u{1b}[2Jname").await,
        ToClient::Refused {
            reason: Refusal::BadHello(_)
        }
    ));

    good.submit(said("unharmed")).await.expect("submit");
    until_acked(&mut good_events, 1).await;
    assert_eq!(app.texts(), vec!["unharmed"]);
}

#[tokio::test(start_paused = true)]
async fn a_slow_or_half_open_handshake_times_out_and_frees_its_place() {
    let mut config = HostConfig::new(code(CODE));
    config.max_handshakes = 2;
    let mut app = App::start(demo(), config);

    let started = Instant::now();
    // One says nothing at all; one sends its hello and then stalls.
    let _silent = raw_pipe(&app, "silent");
    let mut framed = Framed::new(raw_pipe(&app, "stalled"), LengthDelimitedCodec::new());
    let mut first = vec![1u8];
    first.extend_from_slice(b"RTBL");
    first.extend_from_slice(&PROTOCOL_VERSION.to_be_bytes());
    let (_spake, spake_a) = spake2::Spake2::<spake2::Ed25519Group>::start_a(
        &spake2::Password::new(b"K7QM4TXP"),
        &spake2::Identity::new(b"roundtable note-taker"),
        &spake2::Identity::new(b"roundtable host"),
    );
    first.extend_from_slice(&spake_a);
    let _ = framed.send(Bytes::from(first)).await;
    // Both places are taken: a third is turned away at once.
    sleep(Duration::from_millis(10)).await;
    let busy = link::connect(raw_pipe(&app, "third"), &code(CODE), 1 << 20).await;
    assert!(matches!(
        busy,
        Err(LinkError::Refused(link::HandshakeRefusal::Busy))
    ));
    assert!(app.expect("kept out").await.contains("HostBusy"));

    // Both have 5 s to prove the code: no more.
    let first = app.expect("kept out").await;
    let second = app.expect("kept out").await;
    let waited = started.elapsed();
    assert!(
        waited >= Duration::from_secs(5) && waited < Duration::from_secs(6),
        "{waited:?}"
    );
    for closed in [first, second] {
        assert!(closed.contains("TimedOut"), "{closed}");
    }
    // Their places are free again.
    let mut link = link::connect(raw_pipe(&app, "later"), &code(CODE), 1 << 20)
        .await
        .expect("handshake");
    assert!(matches!(
        hello(&mut link, "later", "later").await,
        ToClient::Welcome(_)
    ));

    // A joined link that goes silent is closed after the idle timeout.
    app.expect("connected later").await;
    let joined = Instant::now();
    let idle = app.expect("disconnected later").await;
    assert!(idle.contains("Idle"), "{idle}");
    assert!(joined.elapsed() >= Duration::from_secs(60));
}

#[tokio::test(start_paused = true)]
async fn a_fifth_note_taker_is_told_the_host_is_full_and_gets_in_when_one_leaves() {
    let mut app = App::start(demo(), HostConfig::new(code(CODE)));
    let dir = tempfile::tempdir().expect("temp");
    let mut clients = Vec::new();
    for n in 0..4 {
        clients.push(well_behaved(&app, dir.path(), &format!("n{n}")).await);
    }
    assert_eq!(app.host.note_takers().len(), 4);
    let (connector, _wires) = app.connector();
    let (_fifth, mut events) = Client::start(
        client_config("n4", code(CODE), dir.path().join("n4.ron")),
        connector,
    )
    .expect("client");
    // Full, in so many words: not "the host is gone".
    let told = until(&mut events, |e| {
        matches!(
            e,
            ClientEvent::State(ConnectionState::NoRoom { .. } | ConnectionState::HostGone { .. })
        )
    })
    .await;
    assert_eq!(
        told,
        ClientEvent::State(ConnectionState::NoRoom { why: NoRoom::Full })
    );
    assert!(app.expect("refused link").await.contains("Full"));
    assert_eq!(app.host.note_takers().len(), 4);

    // When one leaves, the fifth gets in on its next try.
    let leaving = app.host.note_takers()[0].client.clone();
    app.host.disconnect(&leaving);
    until_state(&mut events, ConnectionState::Connected).await;
}

#[tokio::test(start_paused = true)]
async fn a_note_taker_refused_in_the_handshake_as_busy_is_told_so_and_gets_in_later() {
    let mut config = HostConfig::new(code(CODE));
    config.max_handshakes = 1;
    let app = App::start(demo(), config);
    let dir = tempfile::tempdir().expect("temp");
    // Someone holds the one handshake place, saying nothing.
    let silent = raw_pipe(&app, "silent");
    sleep(Duration::from_millis(10)).await;
    let (connector, _wires) = app.connector();
    let (_client, mut events) = Client::start(
        client_config("Amy", code(CODE), dir.path().join("amy.ron")),
        connector,
    )
    .expect("client");
    let told = until(&mut events, |e| {
        matches!(
            e,
            ClientEvent::State(ConnectionState::NoRoom { .. } | ConnectionState::HostGone { .. })
        )
    })
    .await;
    assert_eq!(
        told,
        ClientEvent::State(ConnectionState::NoRoom { why: NoRoom::Busy })
    );
    // Once the silent one's time is up, the next try gets in.
    until_state(&mut events, ConnectionState::Connected).await;
    drop(silent);
}

// ---- too long to travel ------------------------------------------------------------

/// A note whose message, numbered as high as a number goes, is exactly `size` bytes.
fn note_of_size(size: usize) -> EventKind {
    let empty = said("");
    let base = protocol::encode(&ToHost::Send {
        seq: u64::MAX,
        event: empty,
    })
    .expect("encodes")
    .len();
    said(&"x".repeat(size - base))
}

#[tokio::test(start_paused = true)]
async fn the_note_limit_is_one_number_the_note_taker_and_the_host_agree_on() {
    let mut app = App::start(demo(), HostConfig::new(code(CODE)));
    let dir = tempfile::tempdir().expect("temp");
    let (client, mut events) = well_behaved(&app, dir.path(), "Amy").await;

    // The largest note that fits goes through and is recorded.
    let largest = note_of_size(protocol::MAX_NOTE_MESSAGE);
    assert_eq!(protocol::note_fits(&largest), Ok(()));
    let seq = client.submit(largest).await.expect("fits");
    until_acked(&mut events, seq).await;
    assert_eq!(app.expect("recorded").await, format!("recorded {seq} 1"));

    // One byte more is refused before it reaches the outbox.
    let error = client
        .submit(note_of_size(protocol::MAX_NOTE_MESSAGE + 1))
        .await
        .expect_err("too long");
    assert!(matches!(error, ClientError::TooLong(_)), "{error}");
    assert!(client.pending().is_empty(), "it never entered the outbox");
    let seq = client.submit(said("next")).await.expect("submit");
    until_acked(&mut events, seq).await;
    assert_eq!(app.texts().last().map(String::as_str), Some("next"));
}

#[tokio::test(start_paused = true)]
async fn a_note_too_long_left_in_the_outbox_is_set_aside_and_the_notes_behind_it_go() {
    let mut app = App::start(demo(), HostConfig::new(code(CODE)));
    let dir = tempfile::tempdir().expect("temp");
    let path = dir.path().join("outbox.ron");
    // An older version let an over-long note into the outbox, and two behind it.
    let long = "長".repeat(6_000);
    {
        let mut outbox = Outbox::open(&path).expect("outbox");
        outbox.add(said(&long)).expect("kept");
        outbox.add(said("behind 1")).expect("kept");
        outbox.add(said("behind 2")).expect("kept");
    }
    let (connector, _wires) = app.connector();
    let (client, mut events) =
        Client::start(client_config("Amy", code(CODE), path.clone()), connector).expect("client");
    // The note-taker is told, with where its text is kept.
    let ClientEvent::SetAside { seq, kept_in, .. } =
        until(&mut events, |e| matches!(e, ClientEvent::SetAside { .. })).await
    else {
        unreachable!()
    };
    assert_eq!(seq, 1);
    let kept = std::fs::read_to_string(&kept_in).expect("its text is kept");
    assert!(kept.contains(&long), "the whole text");
    assert_eq!(
        client.pending().iter().map(|(s, _)| *s).collect::<Vec<_>>(),
        vec![2, 3]
    );

    // The notes behind it arrive, once; the link is never closed over it.
    until_acked(&mut events, 3).await;
    assert_eq!(app.texts(), vec!["behind 1", "behind 2"]);
    let seq = client.submit(said("after")).await.expect("submit");
    until_acked(&mut events, seq).await;
    drop(client);
    while let Ok(line) = app.log.try_recv() {
        assert!(!line.contains("Oversized"), "{line}");
    }

    // Never resent: the next run finds nothing of it in the outbox, nothing to tell.
    let outbox = Outbox::open(&path).expect("reopen");
    assert_eq!(outbox.pending().count(), 0);
    let (connector, _wires) = app.connector();
    let (_client, mut events) =
        Client::start(client_config("Amy", code(CODE), path), connector).expect("client");
    until_state(&mut events, ConnectionState::Connected).await;
    while let Ok(event) = events.try_recv() {
        assert!(!matches!(event, ClientEvent::SetAside { .. }), "{event:?}");
    }
    assert_eq!(app.texts(), vec!["behind 1", "behind 2", "after"]);
}

// ---- never lost, never twice -------------------------------------------------------

#[tokio::test(start_paused = true)]
async fn after_a_dropped_link_the_outbox_is_resent_and_each_note_recorded_once_in_order() {
    let mut app = App::start(demo(), HostConfig::new(code(CODE)));
    let dir = tempfile::tempdir().expect("temp");
    let (connector, wires) = app.connector();
    let (client, mut events) = Client::start(
        client_config("Amy", code(CODE), dir.path().join("outbox.ron")),
        connector,
    )
    .expect("client");
    until_state(&mut events, ConnectionState::Connected).await;

    for n in 1..=3 {
        client
            .submit(said(&format!("note {n}")))
            .await
            .expect("submit");
    }
    until_acked(&mut events, 3).await;

    // Notes 4 and 5 reach the log, but the link drops before they are saved.
    app.hold_saves.store(true, Ordering::SeqCst);
    client.submit(said("note 4")).await.expect("submit");
    client.submit(said("note 5")).await.expect("submit");
    app.expect("recorded 4").await;
    app.expect("recorded 5").await;
    wires.cut();
    until(&mut events, is_host_gone).await;
    // Note 6 is typed while the host is unreachable.
    client.submit(said("note 6")).await.expect("submit");
    assert_eq!(
        client.pending().iter().map(|(s, _)| *s).collect::<Vec<_>>(),
        vec![4, 5, 6]
    );
    app.hold_saves.store(false, Ordering::SeqCst);

    until_state(&mut events, ConnectionState::Connected).await;
    until_acked(&mut events, 6).await;
    assert_eq!(app.expect("duplicate").await, "duplicate 4");
    assert_eq!(app.expect("duplicate").await, "duplicate 5");
    assert!(client.pending().is_empty());
    assert_eq!(
        app.texts(),
        (1..=6).map(|n| format!("note {n}")).collect::<Vec<_>>()
    );
}

#[tokio::test(start_paused = true)]
async fn a_restarted_note_taker_keeps_its_id_and_resends_what_was_not_acknowledged() {
    let mut app = App::start(demo(), HostConfig::new(code(CODE)));
    let dir = tempfile::tempdir().expect("temp");
    let outbox = dir.path().join("outbox.ron");
    let (connector, wires) = app.connector();

    // The host is unreachable; the note-taker types two notes and is killed.
    wires.down.store(true, Ordering::SeqCst);
    let (client, mut events) = Client::start(
        client_config("Amy", code(CODE), outbox.clone()),
        connector.clone(),
    )
    .expect("client");
    until(&mut events, is_host_gone).await;
    client
        .submit(said("before the crash 1"))
        .await
        .expect("submit");
    client
        .submit(said("before the crash 2"))
        .await
        .expect("submit");
    let id = client.client_id().to_owned();
    drop(client);

    wires.down.store(false, Ordering::SeqCst);
    let (client, mut events) =
        Client::start(client_config("Amy", code(CODE), outbox), connector).expect("client");
    assert_eq!(client.client_id(), id, "recognised after a restart");
    assert_eq!(client.pending().len(), 2);
    until_acked(&mut events, 2).await;
    assert_eq!(
        app.texts(),
        vec!["before the crash 1", "before the crash 2"]
    );
    let last = app.meeting.lock().expect("meeting").state().last_from(&id);
    assert_eq!(last, Some(2));
    app.expect("recorded 2").await;
}

// Real time: the saver is a thread, which paused time would race past.
#[tokio::test]
async fn a_restarted_host_rebuilds_from_its_log_and_drops_resent_duplicates() {
    let dir = tempfile::tempdir().expect("temp");
    let session = dir.path().join("meeting.ron");
    store::save(&session, demo().session()).expect("save");
    let outbox = dir.path().join("outbox.ron");

    // The first host records and saves notes 1–3 but dies before acknowledging 2–3.
    let first_host = {
        let meeting = store::load(&session).expect("load");
        let (host, events) = Host::new(HostConfig::new(code(CODE)), &meeting).expect("host");
        let (reports_tx, reports) = mpsc::unbounded_channel();
        let saver = Saver::spawn(
            session.clone(),
            store::read(&session)
                .expect("read")
                .end
                .expect("our layout"),
            reports_tx,
        );
        App::run(meeting, host, events, Some((saver, reports)))
    };
    let (connector, wires) = first_host.connector();
    let (client, mut events) =
        Client::start(client_config("Amy", code(CODE), outbox.clone()), connector).expect("client");
    until_state(&mut events, ConnectionState::Connected).await;
    client.submit(said("one")).await.expect("submit");
    until_acked(&mut events, 1).await;
    // From here the host acknowledges nothing: it is about to die.
    let mut first_host = first_host;
    first_host.host.shutdown();
    wires.down.store(true, Ordering::SeqCst);
    client.submit(said("two")).await.expect("submit");
    client.submit(said("three")).await.expect("submit");
    // Stand in for notes that reached the first host's log just before it died.
    {
        let mut meeting = first_host.meeting.lock().expect("meeting");
        for (seq, text) in [(2, "two"), (3, "three")] {
            let event = meeting
                .record_from(
                    Origin {
                        client: client.client_id().to_owned(),
                        seq,
                    },
                    at(),
                    Author::NoteTaker("Amy".into()),
                    said(text),
                )
                .expect("recorded")
                .clone();
            store::save(&session, meeting.session()).expect("durable");
            let _ = event;
        }
    }
    first_host.expect("disconnected").await;
    drop(first_host);
    until(&mut events, is_host_gone).await;

    // The restarted host loads the session; the client's resend of 2–3 is dropped.
    let meeting = store::load(&session).expect("reload");
    let id = client.client_id().to_owned();
    assert_eq!(meeting.state().last_from(&id), Some(3));
    let (host, host_events) = Host::new(HostConfig::new(code(CODE)), &meeting).expect("host");
    let mut second = App::run(meeting, host, host_events, None);
    let (connector, _wires) = second.connector();
    drop(client);
    let (client, mut events) =
        Client::start(client_config("Amy", code(CODE), outbox), connector).expect("client");
    assert_eq!(client.pending().len(), 2);
    until_acked(&mut events, 3).await;
    assert_eq!(second.expect("duplicate").await, "duplicate 2");
    assert_eq!(second.expect("duplicate").await, "duplicate 3");
    client.submit(said("four")).await.expect("submit");
    until_acked(&mut events, 4).await;
    assert_eq!(second.texts(), vec!["one", "two", "three", "four"]);
}

// ---- only notes --------------------------------------------------------------------

#[tokio::test(start_paused = true)]
async fn a_note_taker_cannot_change_attendance_or_correct_someone_elses_note() {
    let mut app = App::start(demo(), HostConfig::new(code(CODE)));
    let dir = tempfile::tempdir().expect("temp");
    let facilitators_note = {
        let mut meeting = app.meeting.lock().expect("meeting");
        let event = meeting
            .record(at(), Author::Facilitator, said("the facilitator's note"))
            .expect("recorded")
            .clone();
        app.host.publish(&meeting, &event);
        event.seq
    };
    let (client, mut events) = well_behaved(&app, dir.path(), "Amy").await;
    let log_before = app.meeting.lock().expect("meeting").session().log.len();

    let arrived = client
        .submit(EventKind::Arrived {
            person: PersonId::new("open-culture"),
        })
        .await
        .expect("submit");
    let rejected = until(&mut events, |e| matches!(e, ClientEvent::Rejected { .. })).await;
    assert!(
        matches!(&rejected, ClientEvent::Rejected { seq, reason } if *seq == arrived && reason.to_string().contains("only add and correct notes")),
        "{rejected:?}"
    );
    assert!(app.expect("refused").await.starts_with("refused 1"));

    let correction = client
        .submit(EventKind::NoteCorrected {
            note: facilitators_note,
            corrected: std::sync::Arc::new(Note {
                speaker: None,
                kind: NoteKind::Said,
                text: Text::new("forged"),
                item: None,
            }),
        })
        .await
        .expect("submit");
    until(
        &mut events,
        |e| matches!(e, ClientEvent::Rejected { seq, .. } if *seq == correction),
    )
    .await;
    assert_eq!(
        app.meeting.lock().expect("meeting").session().log.len(),
        log_before,
        "nothing was recorded"
    );
    assert!(
        client.pending().is_empty(),
        "refused notes leave the outbox"
    );

    // Their own note they may correct.
    let seq = client.submit(said("draft")).await.expect("submit");
    until_acked(&mut events, seq).await;
    let note_seq = {
        let meeting = app.meeting.lock().expect("meeting");
        meeting.session().log.last().map(|e| e.seq).expect("logged")
    };
    let fixed = client
        .submit(EventKind::NoteCorrected {
            note: note_seq,
            corrected: std::sync::Arc::new(Note {
                speaker: None,
                kind: NoteKind::Said,
                text: Text::new("final"),
                item: None,
            }),
        })
        .await
        .expect("submit");
    until_acked(&mut events, fixed).await;
    let meeting = app.meeting.lock().expect("meeting");
    assert_eq!(
        meeting
            .state()
            .note(note_seq)
            .map(|n| n.note.text.text.clone()),
        Some("final".to_owned())
    );
}

#[tokio::test(start_paused = true)]
async fn a_revoked_note_taker_is_refused_and_a_disconnected_one_waits_to_be_told() {
    let mut app = App::start(demo(), HostConfig::new(code(CODE)));
    let dir = tempfile::tempdir().expect("temp");
    let (amy, mut amy_events) = well_behaved(&app, dir.path(), "Amy").await;
    let (bob, mut bob_events) = well_behaved(&app, dir.path(), "Bob").await;

    app.host.revoke(amy.client_id());
    until(&mut amy_events, |e| {
        matches!(
            e,
            ClientEvent::State(ConnectionState::Refused {
                reason: TurnedAway::Host(Refusal::Revoked)
            })
        )
    })
    .await;
    amy.reconnect();
    until(&mut amy_events, |e| {
        matches!(
            e,
            ClientEvent::State(ConnectionState::Refused {
                reason: TurnedAway::Host(Refusal::Revoked)
            })
        )
    })
    .await;
    assert!(app.expect("refused link").await.contains("Revoked"));

    app.host.disconnect(bob.client_id());
    until(&mut bob_events, |e| {
        matches!(
            e,
            ClientEvent::State(ConnectionState::Refused {
                reason: TurnedAway::Host(Refusal::Disconnected)
            })
        )
    })
    .await;
    bob.reconnect();
    until_state(&mut bob_events, ConnectionState::Connected).await;
}

// ---- flood -------------------------------------------------------------------------

#[tokio::test(start_paused = true)]
async fn a_flooding_note_taker_is_slowed_to_its_rate_and_others_still_get_through() {
    let mut config = HostConfig::new(code(CODE));
    config.notes_per_second = 50;
    config.note_burst = 100;
    let app = App::start(demo(), config);
    let dir = tempfile::tempdir().expect("temp");
    let (flood, _flood_events) = well_behaved(&app, dir.path(), "flood").await;
    let (calm, mut calm_events) = well_behaved(&app, dir.path(), "calm").await;

    // 2,000 notes queued at once: far more than 10 seconds' worth at 50 a second.
    for n in 0..2_000 {
        flood
            .submit(said(&format!("flood {n}")))
            .await
            .expect("submit");
    }
    let started = Instant::now();
    sleep(Duration::from_secs(10)).await;
    let recorded = app.texts().len();
    assert!(
        (500..=700).contains(&recorded),
        "about burst + 50/s × 10 s = 600 recorded, not {recorded}"
    );
    // Meanwhile, the calm note-taker's note goes through at once.
    let sent = Instant::now();
    let seq = calm.submit(said("calm")).await.expect("submit");
    until_acked(&mut calm_events, seq).await;
    assert!(
        sent.elapsed() < Duration::from_millis(200),
        "{:?}",
        sent.elapsed()
    );
    assert!(started.elapsed() < Duration::from_secs(11));
}

// ---- real sockets ------------------------------------------------------------------

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn over_loopback_tcp_with_a_real_saver_notes_are_acknowledged_once_on_disk() {
    let dir = tempfile::tempdir().expect("temp");
    let session = dir.path().join("meeting.ron");
    store::save(&session, demo().session()).expect("save");
    let meeting = store::load(&session).expect("load");
    let (host, events) = Host::bind("127.0.0.1:0", HostConfig::new(code(CODE)), &meeting)
        .await
        .expect("bind");
    let addr = host.local_addr().expect("bound").to_string();
    let (reports_tx, reports) = mpsc::unbounded_channel();
    let saver = Saver::spawn(
        session.clone(),
        store::read(&session)
            .expect("read")
            .end
            .expect("our layout"),
        reports_tx,
    );
    let app = App::run(meeting, host, events, Some((saver, reports)));

    let (client, mut events) = Client::start(
        client_config("Amy", code(CODE), dir.path().join("outbox.ron")),
        client::tcp(addr),
    )
    .expect("client");
    timeout(
        Duration::from_secs(20),
        until_state(&mut events, ConnectionState::Connected),
    )
    .await
    .expect("connected");
    for n in 1..=20 {
        client
            .submit(said(&format!("tcp {n}")))
            .await
            .expect("submit");
    }
    timeout(Duration::from_secs(20), until_acked(&mut events, 20))
        .await
        .expect("acked");
    // Acknowledged means on disk: the file as saved has every note, once, in order.
    let on_disk = store::load(&session).expect("reload");
    assert_eq!(
        texts(&on_disk),
        (1..=20).map(|n| format!("tcp {n}")).collect::<Vec<_>>()
    );
    drop(app);
}
