//! The note-taker's screen (`roundtable join ADDR CODE --name NAME`): the meeting as
//! the facilitator's Roundtable shows it, everyone's notes as they are taken, and a
//! note editor whose every note is kept on this laptop (the outbox) until the host has
//! saved it. The screen keeps taking notes whatever the link does.
//!
//! Built like the facilitator's screen and from its parts: an Elm loop, a key table
//! (`keys.rs`) that the footer and help are generated from, `update` for state and
//! effects, and a pure `view`.

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
use crossterm::event::{Event as TermEvent, EventStream};
use futures::StreamExt;
use thiserror::Error;
use tokio::sync::mpsc::UnboundedReceiver;

use crate::domain::Lang;
use crate::i18n::refusals;
use crate::net::{
    Client, ClientConfig, ClientError, ClientEvent, ConnectionState, JoinCode, client,
};

pub use app::JoinApp;
pub use update::{Effect, Input, handle};

use super::terminal;

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

    let ended = {
        let mut guard = terminal::TerminalGuard::enter()?;
        if let Ok(size) = guard.screen.size() {
            app.size = (size.width, size.height);
        }
        runtime.block_on(event_loop(
            &mut app,
            &mut guard.screen,
            &client,
            &mut events,
        ))
        // The guard restores the terminal here.
    };
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
    let kept = if waiting > 0 {
        format!("; {waiting} notes from before stay in the outbox until then")
    } else {
        String::new()
    };
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
        match &event {
            ClientEvent::State(ConnectionState::Connected) => {
                early.push(event);
                return Ok((client, events, early));
            }
            ClientEvent::State(ConnectionState::WrongCode) => {
                return Err(JoinError::WrongCode {
                    address: address.to_owned(),
                    code,
                    kept,
                });
            }
            ClientEvent::State(ConnectionState::Refused { reason }) => {
                return Err(JoinError::Refused {
                    address: address.to_owned(),
                    reason: refusals::turned_away_because(reason, Lang::En),
                });
            }
            ClientEvent::State(ConnectionState::HostGone { reason }) => {
                if waiting == 0 {
                    return Err(JoinError::Unreachable {
                        address: address.to_owned(),
                        reason: reason.clone(),
                    });
                }
                early.push(event);
                return Ok((client, events, early));
            }
            _ => early.push(event),
        }
    }
}

/// Link events handled in one go before a redraw, for at most `BATCH_TIME`.
const BATCH: usize = 64;
const BATCH_TIME: Duration = Duration::from_millis(4);

async fn event_loop(
    app: &mut JoinApp,
    screen: &mut terminal::Screen,
    client: &Client,
    events: &mut UnboundedReceiver<ClientEvent>,
) -> io::Result<()> {
    let mut terminal_events = EventStream::new();
    let mut tick = tokio::time::interval_at(super::next_second(), Duration::from_secs(1));
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Skip);
    let mut signals = super::Signals::new()?;

    screen.draw(|frame| view::draw(app, frame))?;
    loop {
        let first = tokio::select! {
            biased;
            event = terminal_events.next() => match event {
                Some(Ok(event)) => match to_input(event) {
                    Some(input) => input,
                    None => continue,
                },
                Some(Err(e)) => return Err(e),
                // The terminal is gone; the outbox keeps every note.
                None => return Ok(()),
            },
            _ = signals.recv() => return Ok(()),
            Some(event) = events.recv() => Input::Client(event),
            _ = tick.tick() => Input::Tick(Local::now().fixed_offset()),
        };
        let mut next = Some(first);
        let mut handled = 0;
        let began = std::time::Instant::now();
        while let Some(input) = next.take() {
            handled += 1;
            app.now = Local::now().fixed_offset();
            let mut effects: std::collections::VecDeque<Effect> = handle(app, input).into();
            while let Some(effect) = effects.pop_front() {
                match effect {
                    Effect::Submit { kind, from_editor } => {
                        // On disk (fsynced) before the screen shows it as sending.
                        let input = match client.submit((*kind).clone()).await {
                            Ok(seq) => Input::Submitted {
                                seq,
                                kind: *kind,
                                from_editor,
                            },
                            Err(error) => Input::SubmitFailed {
                                error: error.to_string(),
                            },
                        };
                        effects.extend(handle(app, input));
                    }
                    Effect::SetCode(code) => client.set_code(code),
                    Effect::Reconnect => client.reconnect(),
                    Effect::Quit => return Ok(()),
                }
            }
            if handled < BATCH && began.elapsed() < BATCH_TIME {
                // Keys typed meanwhile first: an input method or a paste sends many,
                // and each would otherwise cost a frame.
                next = match super::ready_terminal(&mut terminal_events).await {
                    Some(Ok(event)) => to_input(event),
                    Some(Err(e)) => return Err(e),
                    None => events.try_recv().ok().map(Input::Client),
                };
            }
        }
        screen.draw(|frame| view::draw(app, frame))?;
    }
}

fn to_input(event: TermEvent) -> Option<Input> {
    match event {
        TermEvent::Key(key) => Some(Input::Key(key)),
        TermEvent::Paste(text) => Some(Input::Paste(text)),
        TermEvent::Mouse(mouse) => match mouse.kind {
            crossterm::event::MouseEventKind::ScrollUp
            | crossterm::event::MouseEventKind::ScrollDown => Some(Input::Mouse(mouse)),
            _ => None,
        },
        TermEvent::Resize(w, h) => Some(Input::Resize(w, h)),
        TermEvent::FocusGained | TermEvent::FocusLost => None,
    }
}
