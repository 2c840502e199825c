//! One loop for every screen (The Elm Architecture, as ratatui's docs describe it).
//!
//! The terminal's input, the screen's own events (save reports, the note-taker link,
//! the results of its tasks), signals and a one-second tick meet in one biased
//! `tokio::select!`: signals first (they are rare, and a flood of keys must not keep
//! one waiting), then the keyboard, so that a flood of notes never keeps a key
//! waiting. Each becomes the screen's `Input`; the [`Program`] hands it to its pure
//! `update` and carries out what comes back. Inputs already waiting are handled
//! together (for up to [`BATCH_TIME`]) before one frame is drawn, and a frame is drawn
//! only after something that can change it, or once a second for the clock: never in
//! a busy loop.
//!
//! The terminal is read on a thread of its own ([`Keyboard`]), which hands every
//! event over a channel, so every byte of a burst of any size is read and handled.
//!
//! The terminal is set up and restored in one place (`terminal.rs`), whatever ends the
//! loop: a quit, a signal, the terminal going away, an error or a panic.

use std::io;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use chrono::Local;
use crossterm::event::{self, Event as TermEvent, EventStream};
use futures::{FutureExt, Stream, StreamExt};
use ratatui::Frame;
use tokio::sync::mpsc::{self, error::TryRecvError};

use super::terminal::TerminalGuard;
use crate::domain::Stamp;

/// How long inputs already waiting (a burst of notes, a paste sent as keys) are
/// handled in one go before the screen is drawn: one frame for all of them, the
/// keyboard read first. A key waits at most this and a frame. Only time bounds a
/// batch, not a count: a frame costs far more than a key, and a cap of 64 inputs made
/// a 64 KB burst draw a thousand frames.
pub const BATCH_TIME: Duration = Duration::from_millis(4);

/// A screen the runtime can run: its state, how inputs change it, how it looks.
pub trait Program {
    /// Everything that reaches the screen.
    type Input;
    /// Why the screen stopped.
    type Exit;

    /// A terminal event as the screen's input (`None`: nothing for it to do).
    fn terminal_input(event: TermEvent) -> Option<Self::Input>;
    /// The clock turned over a second.
    fn tick(now: Stamp) -> Self::Input;
    /// Whether an input can change what is drawn (pointer motion cannot, and must not
    /// cost a frame each time the mouse twitches).
    fn changes_screen(_input: &Self::Input) -> bool {
        true
    }
    /// The wall clock, read here at the edge before each input and handed to the
    /// screen as a value.
    fn set_now(&mut self, now: Stamp);
    /// Handles one input and carries out its effects; `Some` ends the loop.
    fn handle(&mut self, input: Self::Input) -> Option<Self::Exit>;
    /// Draws the screen, a pure function of its state.
    fn draw(&self, frame: &mut Frame);
    /// The terminal went away or a signal asked to stop: leave, keeping what matters.
    fn interrupted(&mut self) -> Self::Exit;
}

/// Takes the terminal and runs `program` until it exits, with `events` (the screen's
/// own sources, merged into one stream) read after the keyboard. The terminal is
/// restored before this returns.
pub fn run<P: Program>(
    runtime: &tokio::runtime::Runtime,
    program: &mut P,
    events: impl Stream<Item = P::Input> + Unpin,
) -> io::Result<P::Exit> {
    let mut guard = TerminalGuard::enter()?;
    if let Ok(size) = guard.screen.size()
        && let Some(input) = P::terminal_input(TermEvent::Resize(size.width, size.height))
    {
        program.handle(input);
    }
    runtime.block_on(event_loop(program, &mut guard, events))
    // The guard restores the terminal here, before anything is printed.
}

async fn event_loop<P: Program>(
    program: &mut P,
    guard: &mut TerminalGuard,
    mut events: impl Stream<Item = P::Input> + Unpin,
) -> io::Result<P::Exit> {
    let mut keyboard = Keyboard::start();
    let mut tick = tokio::time::interval_at(next_second(), Duration::from_secs(1));
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Skip);
    let mut signals = Signals::new()?;

    guard.screen.draw(|frame| program.draw(frame))?;
    // Debug builds only: lets the end-to-end tests check that a panic gives the
    // terminal back (there is no input that panics on purpose).
    #[cfg(debug_assertions)]
    if std::env::var_os("ROUNDTABLE_TEST_PANIC").is_some() {
        panic!("a panic asked for by ROUNDTABLE_TEST_PANIC");
    }
    loop {
        let first = tokio::select! {
            biased;
            _ = signals.recv() => return Ok(program.interrupted()),
            event = keyboard.events.recv() => match event {
                Some(Ok(event)) => match P::terminal_input(event) {
                    Some(input) => input,
                    None => continue,
                },
                Some(Err(e)) => return Err(e),
                // The terminal is gone.
                None => return Ok(program.interrupted()),
            },
            Some(input) = events.next() => input,
            _ = tick.tick() => P::tick(Local::now().fixed_offset()),
        };
        let mut next = Some(first);
        let mut redraw = false;
        let began = Instant::now();
        while let Some(input) = next.take() {
            if P::changes_screen(&input) {
                redraw = true;
                program.set_now(Local::now().fixed_offset());
                if let Some(exit) = program.handle(input) {
                    return Ok(exit);
                }
            }
            if began.elapsed() < BATCH_TIME {
                // Keys typed meanwhile first (an input method or a paste sends many).
                next = match keyboard.ready::<P>() {
                    Ok(Some(input)) => Some(input),
                    Ok(None) => events.next().now_or_never().flatten(),
                    Err(e) => return Err(e),
                };
            }
        }
        if redraw {
            guard.screen.draw(|frame| program.draw(frame))?;
        }
    }
}

/// The terminal's events (keys, paste, mouse, resize), read on a thread of their own
/// and handed over a channel, in order.
///
/// Not read through crossterm's `EventStream`: its usual source waits for the terminal
/// with edge-triggered epoll but reads only a kilobyte once an event is in it, and the
/// rest of a burst is never reported ready again until another key comes. Typed, or
/// pasted without bracketed paste, everything after about the first kilobyte sat
/// unread, and a Ctrl-C behind it too. The `use-dev-tty` source (Cargo.toml) waits
/// with poll(2), which reports what is still unread, so a kilobyte at a time is right
/// there; but it does not read at all when asked with no wait, which is how
/// `EventStream` asks, so this thread waits in `event::poll` instead.
struct Keyboard {
    events: mpsc::Receiver<io::Result<TermEvent>>,
    stop: Arc<AtomicBool>,
    /// Never polled, only dropped: dropping crossterm's stream wakes a reader waiting
    /// in `event::poll` (what its waker is for), so the reader stops at once.
    wake: Option<EventStream>,
    reader: Option<JoinHandle<()>>,
}

impl Keyboard {
    /// Events read ahead of the loop. A flood waits in the terminal beyond this, so
    /// memory stays bounded and a Ctrl-C in it is at most this many keys away.
    const AHEAD: usize = 1024;
    /// How long the reader waits before it looks whether the screen has ended, should
    /// the wake-up not come. (A shorter wait costs CPU while idle: crossterm rounds
    /// what is left of it down to whole milliseconds and spins through the last one.)
    const CHECK_STOP: Duration = Duration::from_secs(1);

    fn start() -> Keyboard {
        // Made before the reader thread starts: making it takes the lock on crossterm's
        // event reader, which that thread holds while it waits.
        let wake = EventStream::new();
        let (sender, events) = mpsc::channel(Keyboard::AHEAD);
        let stop = Arc::new(AtomicBool::new(false));
        let stopped = Arc::clone(&stop);
        let reader = std::thread::spawn(move || {
            while !stopped.load(Ordering::SeqCst) {
                let event = match event::poll(Keyboard::CHECK_STOP) {
                    // Nothing yet, or woken to stop.
                    Ok(false) => continue,
                    Ok(true) => event::read(),
                    Err(e) => Err(e),
                };
                let failed = event.is_err();
                // The loop has ended (the send fails), or the terminal failed.
                if sender.blocking_send(event).is_err() || failed {
                    break;
                }
            }
        });
        Keyboard {
            events,
            stop,
            wake: Some(wake),
            reader: Some(reader),
        }
    }

    /// The next event already read that means something to the screen, without
    /// waiting for one.
    fn ready<P: Program>(&mut self) -> io::Result<Option<P::Input>> {
        loop {
            match self.events.try_recv() {
                Ok(Ok(event)) => {
                    if let Some(input) = P::terminal_input(event) {
                        return Ok(Some(input));
                    }
                }
                Ok(Err(e)) => return Err(e),
                // Gone: the loop's select says so.
                Err(TryRecvError::Empty | TryRecvError::Disconnected) => return Ok(None),
            }
        }
    }
}

impl Drop for Keyboard {
    /// Stops the reader before the terminal is restored, so no key typed after the
    /// screen ends is taken from the shell.
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        // Frees a reader waiting for room in the channel, and one waiting for a key.
        self.events.close();
        drop(self.wake.take());
        if let Some(reader) = self.reader.take() {
            let _ = reader.join();
        }
    }
}

/// The next whole second, so the header clock turns over when the wall clock does.
fn next_second() -> tokio::time::Instant {
    let nanos = Local::now().timestamp_subsec_nanos().min(999_999_999);
    let wait = Duration::from_nanos(u64::from(1_000_000_000 - nanos));
    tokio::time::Instant::now() + wait
}

/// SIGTERM, SIGHUP and SIGINT: the screen leaves cleanly. (Ctrl-C in raw mode arrives
/// as a key, not as SIGINT; SIGINT still comes from `kill -INT`.)
struct Signals {
    #[cfg(unix)]
    streams: Vec<tokio::signal::unix::Signal>,
}

impl Signals {
    #[cfg(unix)]
    fn new() -> io::Result<Signals> {
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
    fn new() -> io::Result<Signals> {
        Ok(Signals {})
    }

    #[cfg(unix)]
    async fn recv(&mut self) {
        let waits = self.streams.iter_mut().map(|s| Box::pin(s.recv()));
        futures::future::select_all(waits).await;
    }

    #[cfg(not(unix))]
    async fn recv(&mut self) {
        let _ = tokio::signal::ctrl_c().await;
    }
}
