//! Runs the facilitator's screen on a session file, for trying the screen by hand
//! before the CLI (`roundtable open`) is merged:
//!
//! ```text
//! cp sessions/demo.ron /tmp/demo.ron
//! cargo run --example facilitator -- /tmp/demo.ron
//! ```

use std::path::PathBuf;
use std::process::ExitCode;

use roundtable::store::{self, SessionLock};

fn main() -> ExitCode {
    let Some(path) = std::env::args_os().nth(1).map(PathBuf::from) else {
        eprintln!("usage: facilitator SESSION.ron");
        return ExitCode::from(2);
    };
    let _lock = match SessionLock::acquire(&path) {
        Ok(lock) => lock,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::FAILURE;
        }
    };
    let meeting = match store::load(&path) {
        Ok(meeting) => meeting,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::FAILURE;
        }
    };
    match roundtable::tui::run(path, meeting) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("roundtable: {e}");
            ExitCode::FAILURE
        }
    }
}
