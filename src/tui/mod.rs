//! The facilitator's screen: the app loop (The Elm Architecture), the key table, one
//! view file per panel.
//!
//! Input from the terminal, save reports and a one-second tick meet in one
//! `tokio::select!`; each becomes an `Input` that `update::handle` turns into changes
//! and effects; the screen is redrawn after anything that can change it, and once a
//! second for the clock — never in a busy loop.

pub mod action;
pub mod app;
pub mod join;
pub mod keys;
pub mod layout;
pub mod link;
pub mod panels;
pub mod prompt;
pub mod shared;
pub mod terminal;
pub mod update;
pub mod view;

#[cfg(test)]
mod tests;

use crate::i18n::screen as s;
use std::io;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::Local;
use crossterm::event::{Event as TermEvent, EventStream};
use futures::StreamExt;
use ratatui::buffer::Buffer;
use tokio::sync::mpsc::UnboundedReceiver;

use crate::domain::{Meeting, Session};
use crate::net::{Host, HostConfig, HostEvent, JoinCode};
use crate::store::{self, SaveReport, Saver};

use link::{LinkCommand, LinkInput, LinkPanel};

pub use action::{Action, Panel};
pub use app::App;
pub use update::{Effect, Input, handle, update};
pub use view::draw;

/// How the facilitator's screen runs.
#[derive(Clone, Debug, Default)]
pub struct RunOptions {
    /// Listen for note-takers on this address: `127.0.0.1:PORT` for a second terminal
    /// on the same laptop, a LAN address by choice. Nobody can join without it.
    pub listen: Option<SocketAddr>,
}

/// Runs the facilitator's screen on `meeting`, whose file is `path` (the caller holds
/// the SessionLock). Returns when the user quits and everything is saved.
pub fn run(path: PathBuf, meeting: Meeting) -> io::Result<()> {
    run_with(path, meeting, RunOptions::default())
}

/// [`run`], listening for note-takers when `options` says so.
pub fn run_with(path: PathBuf, meeting: Meeting, options: RunOptions) -> io::Result<()> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    // Listen before taking the terminal: a port in use is a message on a usable
    // terminal, not a broken screen.
    let mut listening = match options.listen {
        Some(addr) => Some(runtime.block_on(Listening::start(addr, &meeting))?),
        None => None,
    };
    let (reports, mut report_inbox) = tokio::sync::mpsc::unbounded_channel();
    // The saver starts from the session as it is on disk now; from here on it is
    // handed each event as it is recorded.
    let saver = Saver::spawn(path.clone(), meeting.session().clone(), reports);
    let mut app = App::new(meeting, Local::now().fixed_offset());
    if let Some(listening) = &listening {
        app.link = Some(LinkPanel::new(listening.address(), listening.host.code()));
    }

    let ended = {
        let mut guard = terminal::TerminalGuard::enter()?;
        if let Ok(size) = guard.screen.size() {
            app.size = (size.width, size.height);
            app.keep_selections_in_view();
        }
        runtime.block_on(event_loop(
            &mut app,
            &mut guard.screen,
            &saver,
            &mut report_inbox,
            listening.as_mut(),
        ))
        // The guard restores the terminal here, before anything is printed.
    };

    let finished = saver.finish();
    if let Some(listening) = &listening {
        // Acknowledge what the last save covered, then close the links, giving them a
        // moment to deliver that before the runtime stops.
        while let Ok(report) = report_inbox.try_recv() {
            if let SaveReport::Saved { through } = report {
                listening.host.saved(through);
            }
        }
        listening.host.shutdown();
        // (The sleep is made inside the runtime: a timer needs its reactor.)
        runtime.block_on(async { tokio::time::sleep(Duration::from_millis(100)).await });
    }
    let rescue_needed = finished.is_err() || matches!(ended, Ok(Ended::Rescue));
    if rescue_needed {
        let rescue = write_rescue_copy(&path, app.meeting.session())?;
        eprintln!(
            "roundtable: {path} could not be saved ({why}); everything is in {rescue}",
            path = path.display(),
            why = finished
                .err()
                .or(app.save.error.clone())
                .map(|error| error.to_string())
                .unwrap_or_default(),
            rescue = rescue.display()
        );
    }
    ended.map(|_| ())
}

/// The host side of the note-taker link, while the screen listens.
struct Listening {
    host: Host,
    events: tokio::sync::mpsc::Receiver<HostEvent>,
}

impl Listening {
    async fn start(addr: SocketAddr, meeting: &Meeting) -> io::Result<Listening> {
        let code = JoinCode::random().map_err(io::Error::other)?;
        let (host, events) = Host::bind(addr, HostConfig::new(code), meeting)
            .await
            .map_err(|e| listen_error(addr, e))?;
        Ok(Listening { host, events })
    }

    /// The address as bound: a port of 0 shows the port the system chose.
    fn address(&self) -> String {
        self.host
            .local_addr()
            .map_or_else(String::new, |a| a.to_string())
    }

    /// A host event as the screen's input.
    fn input(&self, event: HostEvent) -> Option<Input> {
        let host = &self.host;
        let link = match event {
            HostEvent::Note(request) => LinkInput::Note(request),
            HostEvent::Connected { name, peer, .. } => LinkInput::Joined {
                name,
                peer,
                connected: host.note_takers(),
            },
            HostEvent::Disconnected {
                client,
                name,
                reason,
                ..
            } => LinkInput::Left {
                client,
                name,
                reason,
                connected: host.note_takers(),
            },
            HostEvent::FailedAttempt { peer, at, failures } => LinkInput::FailedAttempt {
                peer,
                at: chrono::DateTime::<Local>::from(at).fixed_offset(),
                failures,
            },
            HostEvent::CodeReplaced { code } => LinkInput::CodeChanged {
                code,
                replaced: true,
            },
            HostEvent::Refused { name, reason, .. } => LinkInput::Refused { name, reason },
            // A connection that never joined: nothing for the room to see.
            HostEvent::LinkClosed { .. } => return None,
        };
        Some(Input::Link(link))
    }
}

/// Why the screen cannot listen, saying what to do.
fn listen_error(addr: SocketAddr, error: io::Error) -> io::Error {
    let why = match error.kind() {
        io::ErrorKind::AddrInUse => format!(
            "{addr} is already in use (another Roundtable, or another program); choose another port, e.g. --listen {}:{}",
            addr.ip(),
            addr.port().wrapping_add(1).max(1024)
        ),
        io::ErrorKind::AddrNotAvailable => format!(
            "{addr} is not an address of this computer; use 127.0.0.1:PORT for a note-taker on this laptop, or this laptop's address on the venue network"
        ),
        io::ErrorKind::PermissionDenied => format!(
            "not allowed to listen on {addr}; ports below 1024 need privileges, so use one like 7878"
        ),
        _ => format!("cannot listen on {addr}: {error}"),
    };
    io::Error::new(error.kind(), why)
}

/// Why the loop ended.
#[derive(Debug, PartialEq, Eq)]
enum Ended {
    /// Quit or a signal, with everything saved.
    Saved,
    /// The file cannot be written; the session must go somewhere else.
    Rescue,
}

/// Inputs handled in one go before the screen is drawn, when several are waiting
/// (a burst of notes): one frame for all of them, and the keyboard is read first.
/// The batch also ends after `BATCH_TIME`, so a key waits for at most that and a
/// frame.
const BATCH: usize = 64;
const BATCH_TIME: Duration = Duration::from_millis(4);

async fn event_loop(
    app: &mut App,
    screen: &mut terminal::Screen,
    saver: &Saver,
    reports: &mut UnboundedReceiver<SaveReport>,
    mut listening: Option<&mut Listening>,
) -> io::Result<Ended> {
    let mut events = EventStream::new();
    let mut tick = tokio::time::interval_at(next_second(), Duration::from_secs(1));
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Skip);
    let mut signals = Signals::new()?;

    screen.draw(|frame| view::draw(app, frame))?;
    // Debug builds only: lets the end-to-end tests check that a panic gives the
    // terminal back (there is no input that panics on purpose).
    #[cfg(debug_assertions)]
    if std::env::var_os("ROUNDTABLE_TEST_PANIC").is_some() {
        panic!("a panic asked for by ROUNDTABLE_TEST_PANIC");
    }
    loop {
        // The keyboard first, so a flood of notes never keeps a key waiting.
        let first = tokio::select! {
            biased;
            event = events.next() => match event {
                Some(Ok(event)) => match to_input(event) {
                    Some(input) => Some(input),
                    None => continue,
                },
                Some(Err(e)) => return Err(e),
                // The terminal is gone: keep what was recorded and leave.
                None => return Ok(leave(app, saver)),
            },
            _ = signals.recv() => return Ok(leave(app, saver)),
            Some(report) = reports.recv() => Some(saved(report, listening.as_deref())),
            Some(event) = host_event(&mut listening) => match listening.as_deref() {
                Some(l) => l.input(event),
                None => None,
            },
            _ = tick.tick() => Some(Input::Tick(Local::now().fixed_offset())),
        };
        let mut next = first;
        let mut handled = 0;
        let mut redraw = false;
        let began = std::time::Instant::now();
        while let Some(input) = next.take() {
            handled += 1;
            if update::changes_screen(&input) {
                redraw = true;
                // The clock is read here, at the edge, and handed to the meeting as a
                // value.
                app.now = Local::now().fixed_offset();
                let effects = update::handle(app, input);
                if let Some(ended) = run_effects(app, saver, listening.as_deref(), effects) {
                    return Ok(ended);
                }
            }
            if handled < BATCH && began.elapsed() < BATCH_TIME {
                // Keys typed meanwhile first (an input method or a paste sends many).
                next = match ready_terminal(&mut events).await {
                    Some(Ok(event)) => to_input(event),
                    Some(Err(e)) => return Err(e),
                    None => ready_input(reports, listening.as_deref_mut()),
                };
            }
        }
        if redraw {
            screen.draw(|frame| view::draw(app, frame))?;
        }
    }
}

/// A terminal event already waiting, without waiting for one. It is polled with
/// this task's own waker, so one that is not there yet still wakes the loop's select
/// when it comes (a no-op waker would lose that wake-up).
pub(crate) async fn ready_terminal(events: &mut EventStream) -> Option<io::Result<TermEvent>> {
    std::future::poll_fn(|cx| {
        std::task::Poll::Ready(match events.poll_next_unpin(cx) {
            std::task::Poll::Ready(event) => event,
            std::task::Poll::Pending => None,
        })
    })
    .await
}

/// The next host event, or never when the screen does not listen.
async fn host_event(listening: &mut Option<&mut Listening>) -> Option<HostEvent> {
    match listening {
        Some(l) => l.events.recv().await,
        None => std::future::pending().await,
    }
}

/// A save report; the host acknowledges the notes it covers.
fn saved(report: SaveReport, listening: Option<&Listening>) -> Input {
    if let (SaveReport::Saved { through }, Some(l)) = (&report, listening) {
        l.host.saved(*through);
    }
    Input::Saved(report)
}

/// A save report or host event already waiting, without waiting for one.
fn ready_input(
    reports: &mut UnboundedReceiver<SaveReport>,
    listening: Option<&mut Listening>,
) -> Option<Input> {
    if let Ok(report) = reports.try_recv() {
        return Some(saved(report, listening.as_deref()));
    }
    let listening = listening?;
    while let Ok(event) = listening.events.try_recv() {
        if let Some(input) = listening.input(event) {
            return Some(input);
        }
    }
    None
}

/// Carries out what `update` asked for; `Some` when the loop must end.
fn run_effects(
    app: &mut App,
    saver: &Saver,
    listening: Option<&Listening>,
    effects: Vec<Effect>,
) -> Option<Ended> {
    let mut queue: std::collections::VecDeque<Effect> = effects.into();
    while let Some(effect) = queue.pop_front() {
        match effect {
            Effect::Save(event) => {
                // Every recorded event, the facilitator's too, goes to the note-takers.
                if let Some(l) = listening {
                    l.host.publish(&app.meeting, &event);
                }
                saver.append(*event);
            }
            Effect::Quit => {
                if let Some(ended) = quit(app, saver) {
                    return Some(ended);
                }
            }
            Effect::Link(command) => {
                let Some(l) = listening else {
                    continue;
                };
                match command {
                    LinkCommand::Settle { origin, settled } => l.host.settle_note(&origin, settled),
                    LinkCommand::Disconnect { client, .. } => l.host.disconnect(&client),
                    LinkCommand::Revoke { client, .. } => l.host.revoke(&client),
                    LinkCommand::NewCode => match l.host.new_code() {
                        Ok(code) => {
                            let input = Input::Link(LinkInput::CodeChanged {
                                code,
                                replaced: false,
                            });
                            queue.extend(update::handle(app, input));
                        }
                        Err(error) => app.refuse(error.to_string()),
                    },
                }
            }
        }
    }
    None
}

/// Quitting waits for the saver. If the file cannot be written, the first quit stays
/// and says so; a second quit leaves with a rescue copy elsewhere.
fn quit(app: &mut App, saver: &Saver) -> Option<Ended> {
    match saver.flush() {
        Ok(()) => Some(Ended::Saved),
        Err(_) if app.quit_failed => Some(Ended::Rescue),
        Err(error) => {
            app.quit_failed = true;
            app.save.error = Some(error);
            app.refuse(s::QUIT_SAVE_FAILED.get(app.lang));
            None
        }
    }
}

/// Leaving without being asked (a signal, the terminal closed): flush, and fall back
/// to a rescue copy when that fails.
fn leave(app: &mut App, saver: &Saver) -> Ended {
    match saver.flush() {
        Ok(()) => Ended::Saved,
        Err(error) => {
            app.save.error = Some(error);
            Ended::Rescue
        }
    }
}

pub(crate) fn to_input(event: TermEvent) -> Option<Input> {
    match event {
        TermEvent::Key(key) => Some(Input::Key(key)),
        TermEvent::Paste(text) => Some(Input::Paste(text)),
        TermEvent::Mouse(mouse) => Some(Input::Mouse(mouse)),
        TermEvent::Resize(w, h) => Some(Input::Resize(w, h)),
        TermEvent::FocusGained | TermEvent::FocusLost => None,
    }
}

/// The next whole second, so the header clock turns over when the wall clock does.
pub(crate) fn next_second() -> tokio::time::Instant {
    let nanos = Local::now().timestamp_subsec_nanos().min(999_999_999);
    let wait = Duration::from_nanos(u64::from(1_000_000_000 - nanos));
    tokio::time::Instant::now() + wait
}

/// A copy of the session beside the file (or in the temporary folder), when the file
/// itself cannot be written.
fn write_rescue_copy(path: &Path, session: &Session) -> io::Result<PathBuf> {
    let stamp = Local::now().format("%Y%m%d-%H%M%S");
    let stem = path
        .file_stem()
        .map_or_else(|| "session".into(), |s| s.to_string_lossy().into_owned());
    let name = format!("{stem}.rescue-{stamp}.ron");
    let beside = path.with_file_name(&name);
    match store::save(&beside, session) {
        Ok(()) => Ok(beside),
        Err(_) => {
            let elsewhere = std::env::temp_dir().join(&name);
            store::save(&elsewhere, session).map(|()| elsewhere)
        }
    }
}

/// SIGTERM, SIGHUP and SIGINT: save, restore the terminal, exit cleanly. (Ctrl-C in
/// raw mode arrives as a key, not as SIGINT; SIGINT still comes from `kill -INT`.)
pub(crate) struct Signals {
    #[cfg(unix)]
    streams: Vec<tokio::signal::unix::Signal>,
}

impl Signals {
    #[cfg(unix)]
    pub(crate) fn new() -> io::Result<Signals> {
        use tokio::signal::unix::{SignalKind, signal};
        Ok(Signals {
            streams: vec![
                signal(SignalKind::terminate())?,
                signal(SignalKind::hangup())?,
                signal(SignalKind::interrupt())?,
            ],
        })
    }

    #[cfg(not(unix))]
    pub(crate) fn new() -> io::Result<Signals> {
        Ok(Signals {})
    }

    #[cfg(unix)]
    pub(crate) async fn recv(&mut self) {
        let waits = self.streams.iter_mut().map(|s| Box::pin(s.recv()));
        futures::future::select_all(waits).await;
    }

    #[cfg(not(unix))]
    pub(crate) async fn recv(&mut self) {
        let _ = tokio::signal::ctrl_c().await;
    }
}

/// A buffer as text, one line per row, wide characters once (their trailing cell
/// skipped): for snapshots and end-to-end checks.
pub fn screen_text(buffer: &Buffer) -> String {
    let area = buffer.area;
    let mut out = String::with_capacity(usize::from(area.width + 1) * usize::from(area.height));
    for y in area.top()..area.bottom() {
        let mut skip = 0usize;
        for x in area.left()..area.right() {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let symbol = buffer[(x, y)].symbol();
            out.push_str(symbol);
            skip = shared::text::width(symbol).saturating_sub(1);
        }
        out.push('\n');
    }
    out
}
