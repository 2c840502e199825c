//! `roundtable check FILE`: validate a session file and summarise it.

use std::path::PathBuf;

use clap::Args;

use super::files::require_file;
use super::summary::summary;
use super::{CliError, LangArg, print_out};

/// Check that a session file loads, and print a summary of it.
///
/// Reports the first problem with its line and column, exactly as `open` would, and
/// exits with a non-zero status; the file is only read. A valid file prints the
/// meeting, the roster by side, the agenda, the motions and how far the meeting got.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// The session file, e.g. sessions/forum-3.ron
    pub file: PathBuf,
    /// The language of the summary
    #[arg(long, value_enum, default_value_t = LangArg::En, ignore_case = true)]
    pub lang: LangArg,
}

pub fn run_check(args: CheckArgs) -> Result<(), CliError> {
    require_file(&args.file)?;
    let meeting = super::files::load_session(&args.file)?;
    let lang = args.lang.into();
    let mut report = format!(
        "{}: a valid session (format {})\n\n{}",
        args.file.display(),
        meeting.session().format,
        summary(&meeting, lang)
    );
    if meeting.state().started.is_none() {
        report.push_str(&super::summary::preparation(&meeting, lang));
    }
    print_out(&report);
    Ok(())
}
