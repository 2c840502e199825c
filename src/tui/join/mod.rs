//! The note-taker's screen (`roundtable join ADDR CODE --name NAME`): the meeting as
//! the facilitator's Roundtable shows it, everyone's notes as they are taken, and a
//! note editor whose every note is kept on this laptop (the outbox) until the host has
//! saved it. The screen keeps taking notes whatever the link does.
//!
//! Built like the facilitator's screen and from its parts: the same runtime, a key
//! table (`keys.rs`) that the footer and help are generated from, `update` for state
//! and effects, and a pure `view`.

pub mod action;
pub mod app;
pub mod keys;
pub mod update;
pub mod view;

#[cfg(test)]
mod tests;

use std::io;
use std::path::PathBuf;
use std::time::Duration;

use chrono::Local;
use crossterm::event::{Event as TermEvent, MouseEventKind};
use futures::StreamExt;
use ratatui::Frame;
use thiserror::Error;
use tokio::sync::mpsc::{self, UnboundedReceiver};

use crate::domain::{EventKind, Lang, Stamp};
use crate::i18n::refusals;
use crate::net::client::Submitter;
use crate::net::{
    Client, ClientConfig, ClientError, ClientEvent, ConnectionState, JoinCode, client,
};

pub use app::JoinApp;
pub use update::{Effect, Input, handle};

use super::runtime::{self, Program};

/// What `roundtable join` was given.
#[derive(Clone, Debug)]
pub struct JoinOptions {
    /// The host's address, `192.168.1.20:7878`.
    pub address: String,
    pub code: JoinCode,
    /// The name the notes are recorded under.
    pub name: String,
    /// Where notes wait until the host has saved them.
    pub outbox: PathBuf,
}

#[derive(Debug, Error)]
pub enum JoinError {
    #[error(transparent)]
    Client(#[from] ClientError),
    #[error("{0}")]
    Terminal(#[from] io::Error),
    #[error(
        "{address} does not accept the join code {code}: check the code on the facilitator's screen (it changes each time their Roundtable starts, and when they issue a new one){kept}"
    )]
    WrongCode {
        address: String,
        code: String,
        kept: String,
    },
    #[error(
        "cannot reach {address} ({reason}); is the facilitator's Roundtable running with --listen {address}, and is this laptop on the same network?"
    )]
    Unreachable { address: String, reason: String },
    #[error("{address} turned this note-taker away: {reason}")]
    Refused { address: String, reason: String },
    /// The host has no room now (full, or busy with other joins): its words.
    #[error("{0}")]
    NoRoom(String),
}

/// Joins the meeting and runs the note-taker's screen until the note-taker quits.
///
/// Before the screen opens, the first connection must get somewhere: a wrong code, a
/// refusal or an address where nobody listens ends here with a message (and the
/// terminal untouched). Only when notes from an earlier run are waiting in the outbox
/// does an unreachable host open the screen anyway, to show them and keep taking
/// notes until the host is back.
pub fn run(options: JoinOptions) -> Result<(), JoinError> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    let JoinOptions {
        address,
        code,
        name,
        outbox,
    } = options;
    let (client, mut events, early) = runtime.block_on(first_contact(
        ClientConfig::new(name.clone(), code.clone(), outbox.clone()),
        &address,
    ))?;
    let pending = client.pending();
    let mut app = JoinApp::new(address.clone(), name, Local::now().fixed_offset(), pending);
    for event in early {
        handle(&mut app, Input::Client(event));
    }

    let (submits, submit_inbox) = mpsc::unbounded_channel();
    let (submitted, mut submitted_inbox) = mpsc::unbounded_channel();
    runtime.spawn(submit_in_order(client.submitter(), submit_inbox, submitted));
    let mut screen = Screen {
        app,
        client: &client,
        submits,
    };
    let ended = {
        // The screen's own sources: the link's events and the submit task's answers.
        let link = futures::stream::poll_fn(|cx| events.poll_recv(cx)).map(Input::Client);
        let kept = futures::stream::poll_fn(|cx| submitted_inbox.poll_recv(cx));
        runtime::run(&runtime, &mut screen, futures::stream::select(link, kept))
    };
    let app = screen.app;
    drop(client);
    let unsaved = app.unsaved();
    if unsaved > 0 {
        eprintln!(
            "roundtable: {unsaved} notes are kept in {} until the facilitator's Roundtable has saved them; join again with the same command to send them.",
            outbox.display()
        );
    }
    ended.map_err(JoinError::Terminal)
}

/// Starts the link and waits for how its first connection ends up.
async fn first_contact(
    config: ClientConfig,
    address: &str,
) -> Result<(Client, UnboundedReceiver<ClientEvent>, Vec<ClientEvent>), JoinError> {
    let code = config.code.to_string();
    let (client, mut events) = Client::start(config, client::tcp(address.to_owned()))?;
    let waiting = client.pending().len();
    let mut early = Vec::new();
    let mut said_connecting = false;
    loop {
        let event = match tokio::time::timeout(Duration::from_millis(700), events.recv()).await {
            Ok(Some(event)) => event,
            Ok(None) => return Err(ClientError::Stopped.into()),
            Err(_) => {
                if !said_connecting {
                    // Said before the screen opens, so plain stderr.
                    let _ = std::io::Write::write_all(
                        &mut std::io::stderr(),
                        format!("Connecting to {address}…\n").as_bytes(),
                    );
                    said_connecting = true;
                }
                continue;
            }
        };
        let ClientEvent::State(state) = &event else {
            early.push(event);
            continue;
        };
        let news = first_news(state, address, &code, waiting);
        early.push(event);
        match news {
            Some(Ok(())) => return Ok((client, events, early)),
            Some(Err(error)) => return Err(error),
            None => {}
        }
    }
}

/// What a state of the first connection means before the screen opens: `None` to
/// wait for more, `Ok` to open the screen, an error to stop with a message. A host
/// with no room and one that cannot be reached open the screen only when notes from
/// an earlier run wait in the outbox (to show them and keep taking notes).
fn first_news(
    state: &ConnectionState,
    address: &str,
    code: &str,
    waiting: usize,
) -> Option<Result<(), JoinError>> {
    let kept = if waiting > 0 {
        format!("; {waiting} notes from before stay in the outbox until then")
    } else {
        String::new()
    };
    let error = match state {
        ConnectionState::Connecting => return None,
        ConnectionState::Connected => return Some(Ok(())),
        ConnectionState::WrongCode => JoinError::WrongCode {
            address: address.to_owned(),
            code: code.to_owned(),
            kept,
        },
        ConnectionState::Refused { reason } => JoinError::Refused {
            address: address.to_owned(),
            reason: refusals::turned_away_because(reason, Lang::En),
        },
        _ if waiting > 0 => return Some(Ok(())),
        ConnectionState::NoRoom { why } => {
            JoinError::NoRoom(refusals::no_room_at(address, *why, Lang::En))
        }
        ConnectionState::HostGone { reason } => JoinError::Unreachable {
            address: address.to_owned(),
            reason: reason.clone(),
        },
    };
    Some(Err(error))
}

/// The note-taker's screen with what its effects need: the link, and the task that
/// keeps each note in the outbox (an fsync) and reports back, so a slow disk never
/// holds up the screen.
struct Screen<'a> {
    app: JoinApp,
    client: &'a Client,
    submits: mpsc::UnboundedSender<(Box<EventKind>, bool)>,
}

impl Program for Screen<'_> {
    type Input = Input;
    type Exit = ();

    fn terminal_input(event: TermEvent) -> Option<Input> {
        match event {
            TermEvent::Key(key) => Some(Input::Key(key)),
            TermEvent::Paste(text) => Some(Input::Paste(text)),
            TermEvent::Mouse(mouse) => match mouse.kind {
                MouseEventKind::ScrollUp | MouseEventKind::ScrollDown => Some(Input::Mouse(mouse)),
                _ => None,
            },
            TermEvent::Resize(w, h) => Some(Input::Resize(w, h)),
            TermEvent::FocusGained | TermEvent::FocusLost => None,
        }
    }

    fn tick(now: Stamp) -> Input {
        Input::Tick(now)
    }

    fn set_now(&mut self, now: Stamp) {
        self.app.now = now;
    }

    fn handle(&mut self, input: Input) -> Option<()> {
        for effect in handle(&mut self.app, input) {
            match effect {
                // In the outbox (fsynced) before the screen shows it as sending: the
                // submit task answers with `Submitted`, in the order they were sent.
                Effect::Submit { kind, from_editor } => {
                    let _ = self.submits.send((kind, from_editor));
                }
                Effect::SetCode(code) => self.client.set_code(code),
                Effect::Reconnect => self.client.reconnect(),
                Effect::Quit => return Some(()),
            }
        }
        None
    }

    fn draw(&self, frame: &mut Frame) {
        view::draw(&self.app, frame);
    }

    /// The terminal is gone or a signal came: the outbox keeps every note.
    fn interrupted(&mut self) {}
}

/// Keeps each note submitted in the outbox, one after the other in the order they
/// were typed, and says how it went.
async fn submit_in_order(
    submitter: Submitter,
    mut submits: mpsc::UnboundedReceiver<(Box<EventKind>, bool)>,
    done: mpsc::UnboundedSender<Input>,
) {
    while let Some((kind, from_editor)) = submits.recv().await {
        let input = match submitter.submit((*kind).clone()).await {
            Ok(seq) => Input::Submitted {
                seq,
                kind: *kind,
                from_editor,
            },
            Err(error) => Input::SubmitFailed {
                error: error.to_string(),
                from_editor,
            },
        };
        if done.send(input).is_err() {
            return;
        }
    }
}
