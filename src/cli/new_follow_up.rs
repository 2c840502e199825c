//! `roundtable new FILE --follow-up PREVIOUS`, as a command of its own that writes to
//! a given stream: the next meeting of a series, started from the previous one's file.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use clap::Args;

use super::output::{CommandError, save_session};
use crate::domain::{Session, follow_up_session};
use crate::store;

/// For `roundtable new FILE --follow-up PREVIOUS [--date YYYY-MM-DD]`.
#[derive(Clone, Debug, Args)]
pub struct NewFollowUpArgs {
    /// The new session file.
    pub file: PathBuf,
    /// The previous meeting's session file.
    #[arg(long = "follow-up")]
    pub follow_up: PathBuf,
    /// The new meeting's date (default: today).
    #[arg(long)]
    pub date: Option<NaiveDate>,
    #[arg(long)]
    pub force: bool,
}

/// Standard error, for the CLI.
pub fn run_new_follow_up(args: &NewFollowUpArgs) -> Result<(), CommandError> {
    new_follow_up(args, &mut io::stderr().lock())
}

/// The session `roundtable new FILE --follow-up PREVIOUS` starts from.
pub fn follow_up_from_file(previous: &Path, date: NaiveDate) -> Result<Session, CommandError> {
    let meeting = store::load(previous)?;
    Ok(follow_up_session(&meeting, date))
}

/// `new --follow-up`, writing to the given stream.
pub fn new_follow_up(args: &NewFollowUpArgs, stderr: &mut dyn Write) -> Result<(), CommandError> {
    if args.file.exists() && !args.force {
        return Err(CommandError::OutputExists(args.file.clone()));
    }
    let date = args
        .date
        .unwrap_or_else(|| chrono::Local::now().date_naive());
    let session = follow_up_from_file(&args.follow_up, date)?;
    save_session(&args.file, &session)?;
    let _ = writeln!(
        stderr,
        "{} started from {}: {} matter(s) to follow up",
        args.file.display(),
        args.follow_up.display(),
        session.follow_up.len()
    );
    Ok(())
}
