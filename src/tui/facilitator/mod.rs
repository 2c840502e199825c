//! The facilitator's screen: attendance, agenda, motion, notes. Its state (`app`),
//! what it can ask for (`action`, `keys`), how each panel changes (`update/`) and looks
//! (`view/`), one file per panel in both. It runs on the one screen runtime
//! (`tui::runtime`); this file is its shell: the saver and the note-taker link, which
//! `update` asks for by effects and which report back as inputs.

pub mod action;
pub mod app;
pub mod dialog;
pub mod keys;
pub mod layout;
pub mod link_panel;
pub mod panels;
pub mod update;
pub mod view;

#[cfg(test)]
mod tests;

use std::io;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::Local;
use crossterm::event::Event as TermEvent;
use futures::StreamExt;
use ratatui::Frame;

use crate::domain::{Meeting, Session, Stamp};
use crate::i18n::screen as s;
use crate::net::{Host, HostConfig, HostEvent, JoinCode};
use crate::store::{self, SaveReport, Saver, Start};

use super::runtime::{self, Program};
use link_panel::{Attempt, LinkCommand, LinkInput, LinkPanel, Tried};

use app::App;
use update::{Effect, Input};

/// How the facilitator's screen runs.
#[derive(Clone, Debug, Default)]
pub struct RunOptions {
    /// Listen for note-takers on this address: `127.0.0.1:PORT` for a second terminal
    /// on the same laptop, a LAN address by choice. Nobody can join without it.
    pub listen: Option<SocketAddr>,
    /// Serve the room's live page on this address.
    pub serve: Option<SocketAddr>,
    /// What reading the file left out of an unfinished end, and where that was kept:
    /// said when the screen opens.
    pub repaired: Option<(store::Repair, Option<PathBuf>)>,
}

/// How the screen closed.
#[derive(Debug)]
pub enum Closed {
    /// Everything is in the session file.
    Saved,
    /// The session file could not be written (`why`); everything is in `rescue`.
    Rescued { why: String, rescue: PathBuf },
    /// Neither the session file (`why`) nor a rescue copy (`error`) could be written.
    NotRescued { why: String, error: io::Error },
}

/// Runs the facilitator's screen on `meeting`, whose file is `path` (the caller holds
/// the SessionLock), saving from `start`, listening for note-takers when
/// `options` says so. Returns when the user quits and everything is saved, or has gone
/// to a rescue copy.
pub fn run(
    path: PathBuf,
    meeting: Meeting,
    start: Start,
    options: RunOptions,
) -> io::Result<Closed> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    // Listen before taking the terminal: a port in use is a message on a usable
    // terminal, not a broken screen.
    let mut listening = match options.listen {
        Some(addr) => Some(runtime.block_on(Listening::start(addr, &meeting))?),
        None => None,
    };
    // The room's page, likewise before the terminal; on its own thread.
    let room = match options.serve {
        Some(addr) => Some(
            crate::web::RoomServer::start(addr, crate::web::RoomView::of(&meeting, None))
                .map_err(|e| serve_error(addr, e))?,
        ),
        None => None,
    };
    let (reports, mut report_inbox) = tokio::sync::mpsc::unbounded_channel();
    // The saver appends to the file as it is on disk now; from here on it is handed
    // each event as it is recorded.
    let saver = Saver::spawn(path.clone(), start, reports);
    let mut app = App::new(meeting, Local::now().fixed_offset());
    if let Some((repair, kept)) = &options.repaired {
        // Names, not paths: the message line is one line of the screen.
        let name = |path: &Path| Path::new(path.file_name().unwrap_or(path.as_os_str())).to_owned();
        let mut notice = repair.words(&name(&path), app.lang);
        if let Some(kept) = kept {
            let kept = crate::i18n::refusals::session_file::torn_kept(
                &name(kept).display().to_string(),
                app.lang,
            );
            notice = format!("{notice}; {kept}");
        }
        app.refuse(notice);
    }
    if let Some(listening) = &listening {
        app.link = Some(LinkPanel::new(listening.address(), listening.host.code()));
    }
    if let Some(room) = &room {
        app.room = Some(app::RoomPage {
            url: page_url(room.address()),
            viewers: 0,
            qr_open: false,
        });
        room.publish(app.room_view());
    }

    let mut screen = Screen {
        app,
        saver,
        host: listening.as_ref().map(|l| l.host.clone()),
        room,
    };
    let ended = {
        // The screen's own sources: what the saver reports, and the link's events.
        let reports = futures::stream::poll_fn(|cx| report_inbox.poll_recv(cx)).map(Input::Saved);
        let link = match listening.as_mut() {
            Some(l) => {
                let host = l.host.clone();
                futures::stream::poll_fn(|cx| l.events.poll_recv(cx))
                    .filter_map(move |event| std::future::ready(link_input(&host, event)))
                    .boxed_local()
            }
            None => futures::stream::pending().boxed_local(),
        };
        runtime::run(
            &runtime,
            &mut screen,
            futures::stream::select(reports, link),
        )
    };
    let Screen {
        app, saver, room, ..
    } = screen;
    // The page's viewers are let go first: nothing more will change.
    drop(room);

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
        let why = finished
            .err()
            .or(app.save.error.clone())
            .map(|error| error.to_string())
            .unwrap_or_default();
        return Ok(match write_rescue_copy(&path, app.meeting.session()) {
            Ok(rescue) => Closed::Rescued { why, rescue },
            Err(error) => Closed::NotRescued { why, error },
        });
    }
    ended.map(|_| Closed::Saved)
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
}

/// A time the host reports, as the screen shows times.
fn stamp(at: std::time::SystemTime) -> crate::domain::Stamp {
    chrono::DateTime::<Local>::from(at).fixed_offset()
}

/// A host event as the screen's input.
fn link_input(host: &Host, event: HostEvent) -> Option<Input> {
    {
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
            HostEvent::FailedAttempt { peer, at, failures } => LinkInput::Attempt(Attempt {
                from: peer,
                at: stamp(at),
                what: Tried::WrongCode { failures },
            }),
            HostEvent::AddressBlocked {
                address,
                at,
                failures,
                blocked_for,
            } => LinkInput::Attempt(Attempt {
                from: address,
                at: stamp(at),
                what: Tried::Blocked {
                    failures,
                    minutes: blocked_for.as_secs().div_ceil(60),
                },
            }),
            HostEvent::KeptOut {
                address,
                at,
                why,
                count,
            } => LinkInput::Attempt(Attempt {
                from: address,
                at: stamp(at),
                what: Tried::KeptOut { why, count },
            }),
            HostEvent::Refused { name, reason, .. } => LinkInput::Refused { name, reason },
            // A connection that never joined: nothing for the room to see.
            HostEvent::LinkClosed { .. } => return None,
        };
        Some(Input::Link(link))
    }
}

/// The page's address to give people. Served on every address (0.0.0.0), the
/// address shown is this machine's on the network where one can be found.
fn page_url(bound: SocketAddr) -> String {
    let host = if bound.ip().is_unspecified() {
        local_address().unwrap_or(bound.ip())
    } else {
        bound.ip()
    };
    format!("http://{}/", SocketAddr::new(host, bound.port()))
}

/// This machine's address on the network its default route goes through, found
/// without sending anything (a UDP socket's connect only picks the route).
fn local_address() -> Option<std::net::IpAddr> {
    let socket = std::net::UdpSocket::bind("0.0.0.0:0").ok()?;
    socket.connect("192.0.2.1:9").ok()?;
    socket.local_addr().ok().map(|a| a.ip())
}

/// Why the page cannot be served, saying what to do.
fn serve_error(addr: SocketAddr, error: io::Error) -> io::Error {
    match error.kind() {
        io::ErrorKind::AddrInUse => io::Error::new(
            error.kind(),
            format!(
                "{addr} is already in use (another Roundtable, or another program); choose another port for --serve, e.g. {}:{}",
                addr.ip(),
                addr.port().wrapping_add(1).max(1024)
            ),
        ),
        _ => listen_error(addr, error),
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

/// Why the screen stopped.
#[derive(Debug, PartialEq, Eq)]
enum Ended {
    /// Quit or a signal, with everything saved.
    Saved,
    /// The file cannot be written; the session must go somewhere else.
    Rescue,
}

/// The facilitator's screen with what its effects need: the saver, the host when
/// listening, and the room's page when serving it.
struct Screen {
    app: App,
    saver: Saver,
    host: Option<Host>,
    room: Option<crate::web::RoomServer>,
}

impl Program for Screen {
    type Input = Input;
    type Exit = Ended;

    fn terminal_input(event: TermEvent) -> Option<Input> {
        match event {
            TermEvent::Key(key) => Some(Input::Key(key)),
            TermEvent::Paste(text) => Some(Input::Paste(text)),
            TermEvent::Mouse(mouse) => Some(Input::Mouse(mouse)),
            TermEvent::Resize(w, h) => Some(Input::Resize(w, h)),
            TermEvent::FocusGained | TermEvent::FocusLost => None,
        }
    }

    fn tick(now: Stamp) -> Input {
        Input::Tick(now)
    }

    fn changes_screen(input: &Input) -> bool {
        update::changes_screen(input)
    }

    fn set_now(&mut self, now: Stamp) {
        self.app.now = now;
    }

    fn handle(&mut self, input: Input) -> Option<Ended> {
        // What the saver has on disk, the host acknowledges to note-takers.
        if let (Input::Saved(SaveReport::Saved { through }), Some(host)) = (&input, &self.host) {
            host.saved(*through);
        }
        let changes = update::changes_screen(&input);
        if let (Input::Tick(_), Some(room), Some(page)) = (&input, &self.room, &mut self.app.room) {
            page.viewers = room.viewers();
        }
        let effects = update::handle(&mut self.app, input);
        let ended = self.run_effects(effects);
        // The room's page follows the screen: after anything that can change it
        // (publishing an unchanged view sends nothing).
        if let Some(room) = &self.room
            && changes
        {
            room.publish(self.app.room_view());
        }
        ended
    }

    fn draw(&self, frame: &mut Frame) {
        view::draw(&self.app, frame);
    }

    /// Leaving without being asked (a signal, the terminal closed): flush, and fall
    /// back to a rescue copy when that fails.
    fn interrupted(&mut self) -> Ended {
        match self.saver.flush() {
            Ok(()) => Ended::Saved,
            Err(error) => {
                self.app.save.error = Some(error);
                Ended::Rescue
            }
        }
    }
}

impl Screen {
    /// Carries out what `update` asked for; `Some` when the screen must stop.
    fn run_effects(&mut self, effects: Vec<Effect>) -> Option<Ended> {
        let app = &mut self.app;
        let mut queue: std::collections::VecDeque<Effect> = effects.into();
        while let Some(effect) = queue.pop_front() {
            match effect {
                Effect::Save(event) => {
                    // Every recorded event, the facilitator's too, goes to the note-takers.
                    if let Some(host) = &self.host {
                        host.publish(&app.meeting, &event);
                    }
                    self.saver.append(*event);
                }
                Effect::Quit => {
                    if let Some(ended) = quit(app, &self.saver) {
                        return Some(ended);
                    }
                }
                Effect::Link(command) => {
                    let Some(host) = &self.host else {
                        continue;
                    };
                    match command {
                        LinkCommand::Settle { origin, settled } => {
                            host.settle_note(&origin, settled)
                        }
                        LinkCommand::Disconnect { client, .. } => host.disconnect(&client),
                        LinkCommand::Revoke { client, .. } => host.revoke(&client),
                        LinkCommand::NewCode => match host.new_code() {
                            Ok(code) => {
                                let input = Input::Link(LinkInput::CodeChanged { code });
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
        Ok(_) => Ok(beside),
        Err(_) => {
            let elsewhere = std::env::temp_dir().join(&name);
            store::save(&elsewhere, session).map(|_| elsewhere)
        }
    }
}
