//! Placeholder for the facilitator's screen, which is written on branch `tui`. This
//! file is replaced when that branch is merged; it exists so that `roundtable open`
//! compiles and fails cleanly in the meantime.

use std::io;
use std::path::Path;

use crate::domain::Meeting;

/// Runs the facilitator's screen on the session at `path` until the user quits.
pub fn run(path: &Path, meeting: Meeting) -> io::Result<()> {
    let _ = (path, meeting);
    Err(io::Error::other(
        "the facilitator's screen is not in this build",
    ))
}
