//! `roundtable open FILE`: the facilitator's screen on a session.

use std::path::{Path, PathBuf};

use clap::Args;

use super::CliError;
use super::files::require_file;
use crate::store::{self, SessionLock};

/// Open a session file on the facilitator's screen.
///
/// Only one Roundtable may have a session open: a second one is refused and told who
/// holds it. A file that does not load is reported with its line and column and is
/// left exactly as it is.
#[derive(Debug, Args)]
pub struct OpenArgs {
    /// The session file, e.g. sessions/forum-3.ron
    pub file: PathBuf,
}

pub fn run_open(args: OpenArgs) -> Result<(), CliError> {
    open_session(&args.file)
}

/// Locks, loads and shows a session: what `open` and `demo` do.
pub fn open_session(path: &Path) -> Result<(), CliError> {
    require_file(path)?;
    // Held until the screen closes.
    let _lock = SessionLock::acquire(path)?;
    let meeting = store::load(path)?;
    crate::tui::run(path.to_path_buf(), meeting).map_err(CliError::Tui)
}
