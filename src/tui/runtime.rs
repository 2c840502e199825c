//! One loop for every screen (The Elm Architecture, as ratatui's docs describe it).
//!
//! The terminal's input, the screen's own events (save reports, the note-taker link,
//! the results of its tasks), signals and a one-second tick meet in one biased
//! `tokio::select!`, the keyboard first so that a flood of notes never keeps a key
//! waiting. Each becomes the screen's `Input`; the [`Program`] hands it to its pure
//! `update` and carries out what comes back. Inputs already waiting are handled
//! together (up to [`BATCH`] or [`BATCH_TIME`]) before one frame is drawn, and a frame
//! is drawn only after something that can change it, or once a second for the clock:
//! never in a busy loop.
//!
//! The terminal is set up and restored in one place (`terminal.rs`), whatever ends the
//! loop: a quit, a signal, the terminal going away, an error or a panic.

use std::io;
use std::time::{Duration, Instant};

use chrono::Local;
use crossterm::event::{Event as TermEvent, EventStream};
use futures::{FutureExt, Stream, StreamExt};
use ratatui::Frame;

use super::terminal::TerminalGuard;
use crate::domain::Stamp;

/// Inputs handled in one go before the screen is drawn, when several are waiting (a
/// burst of notes, a paste sent as keys): one frame for all of them, the keyboard read
/// first. The batch also ends after `BATCH_TIME`, so a key waits at most that and a
/// frame.
pub const BATCH: usize = 64;
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
    let mut terminal = EventStream::new();
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
            event = terminal.next() => match event {
                Some(Ok(event)) => match P::terminal_input(event) {
                    Some(input) => input,
                    None => continue,
                },
                Some(Err(e)) => return Err(e),
                // The terminal is gone.
                None => return Ok(program.interrupted()),
            },
            _ = signals.recv() => return Ok(program.interrupted()),
            Some(input) = events.next() => input,
            _ = tick.tick() => P::tick(Local::now().fixed_offset()),
        };
        let mut next = Some(first);
        let mut handled = 0;
        let mut redraw = false;
        let began = Instant::now();
        while let Some(input) = next.take() {
            handled += 1;
            if P::changes_screen(&input) {
                redraw = true;
                program.set_now(Local::now().fixed_offset());
                if let Some(exit) = program.handle(input) {
                    return Ok(exit);
                }
            }
            if handled < BATCH && began.elapsed() < BATCH_TIME {
                // Keys typed meanwhile first (an input method or a paste sends many).
                next = match ready_terminal(&mut terminal).await {
                    Some(Ok(event)) => P::terminal_input(event),
                    Some(Err(e)) => return Err(e),
                    None => events.next().now_or_never().flatten(),
                };
            }
        }
        if redraw {
            guard.screen.draw(|frame| program.draw(frame))?;
        }
    }
}

/// A terminal event already waiting, without waiting for one. It is polled with this
/// task's own waker, so one that is not there yet still wakes the loop's select when
/// it comes (a no-op waker would lose that wake-up).
async fn ready_terminal(events: &mut EventStream) -> Option<io::Result<TermEvent>> {
    std::future::poll_fn(|cx| {
        std::task::Poll::Ready(match events.poll_next_unpin(cx) {
            std::task::Poll::Ready(event) => event,
            std::task::Poll::Pending => None,
        })
    })
    .await
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
