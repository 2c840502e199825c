//! The facilitator's screen: the app loop (The Elm Architecture), the key table, one
//! view file per panel.
//!
//! Input from the terminal, save reports and a one-second tick meet in one
//! `tokio::select!`; each becomes an `Input` that `update::handle` turns into changes
//! and effects; the screen is redrawn after anything that can change it, and once a
//! second for the clock — never in a busy loop.

pub mod action;
pub mod app;
pub mod input;
pub mod keys;
pub mod layout;
pub mod panels;
pub mod prompt;
pub mod strings;
pub mod terminal;
pub mod text;
pub mod theme;
pub mod update;
pub mod view;

#[cfg(test)]
mod tests;

use std::io;
use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::Local;
use crossterm::event::{Event as TermEvent, EventStream};
use futures::StreamExt;
use ratatui::buffer::Buffer;
use tokio::sync::mpsc::UnboundedReceiver;

use crate::domain::{Meeting, Session};
use crate::store::{self, SaveReport, Saver};

pub use action::{Action, Panel};
pub use app::App;
pub use update::{Effect, Input, handle, update};
pub use view::draw;

/// Runs the facilitator's screen on `meeting`, whose file is `path` (the caller holds
/// the SessionLock). Returns when the user quits and everything is saved.
pub fn run(path: PathBuf, meeting: Meeting) -> io::Result<()> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    let (reports, report_inbox) = tokio::sync::mpsc::unbounded_channel();
    // The saver starts from the session as it is on disk now; from here on it is
    // handed each event as it is recorded.
    let saver = Saver::spawn(path.clone(), meeting.session().clone(), reports);
    let mut app = App::new(meeting, Local::now().fixed_offset());

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
            report_inbox,
        ))
        // The guard restores the terminal here, before anything is printed.
    };

    let finished = saver.finish();
    let rescue_needed = finished.is_err() || matches!(ended, Ok(Ended::Rescue));
    if rescue_needed {
        let rescue = write_rescue_copy(&path, app.meeting.session())?;
        eprintln!(
            "roundtable: {path} could not be saved ({why}); everything is in {rescue}",
            path = path.display(),
            why = finished
                .err()
                .or(app.save.error.clone())
                .unwrap_or_default(),
            rescue = rescue.display()
        );
    }
    ended.map(|_| ())
}

/// Why the loop ended.
#[derive(Debug, PartialEq, Eq)]
enum Ended {
    /// Quit or a signal, with everything saved.
    Saved,
    /// The file cannot be written; the session must go somewhere else.
    Rescue,
}

async fn event_loop(
    app: &mut App,
    screen: &mut terminal::Screen,
    saver: &Saver,
    mut reports: UnboundedReceiver<SaveReport>,
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
        let input = tokio::select! {
            event = events.next() => match event {
                Some(Ok(event)) => match to_input(event) {
                    Some(input) => input,
                    None => continue,
                },
                Some(Err(e)) => return Err(e),
                // The terminal is gone: keep what was recorded and leave.
                None => return Ok(leave(app, saver)),
            },
            Some(report) = reports.recv() => Input::Saved(report),
            _ = tick.tick() => Input::Tick(Local::now().fixed_offset()),
            _ = signals.recv() => return Ok(leave(app, saver)),
        };
        if !update::changes_screen(&input) {
            continue;
        }
        // The clock is read here, at the edge, and handed to the meeting as a value.
        app.now = Local::now().fixed_offset();
        for effect in update::handle(app, input) {
            match effect {
                Effect::Save(event) => saver.append(*event),
                Effect::Quit => {
                    if let Some(ended) = quit(app, saver) {
                        return Ok(ended);
                    }
                }
            }
        }
        screen.draw(|frame| view::draw(app, frame))?;
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
            app.refuse(strings::QUIT_SAVE_FAILED.get(app.lang));
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

fn to_input(event: TermEvent) -> Option<Input> {
    match event {
        TermEvent::Key(key) => Some(Input::Key(key)),
        TermEvent::Paste(text) => Some(Input::Paste(text)),
        TermEvent::Mouse(mouse) => Some(Input::Mouse(mouse)),
        TermEvent::Resize(w, h) => Some(Input::Resize(w, h)),
        TermEvent::FocusGained | TermEvent::FocusLost => None,
    }
}

/// The next whole second, so the header clock turns over when the wall clock does.
fn next_second() -> tokio::time::Instant {
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
            skip = text::width(symbol).saturating_sub(1);
        }
        out.push('\n');
    }
    out
}
