//! The command line: `roundtable <command> …`.
//!
//! Each command lives in its own file with its clap `Args` struct and one
//! `run_<command>` function. To add a command: write `src/cli/<command>.rs` with
//! `<Command>Args` and `run_<command>`, then add a `mod` line, a variant of
//! [`Command`] and an arm of [`run`] here. Errors go through [`CliError`]; a command
//! with errors of its own can wrap them with [`CliError::other`].

mod check;
mod demo;
mod files;
mod join;
mod new;
mod open;
mod summary;

// The after-the-meeting commands. Public: tests/minutes_commands.rs runs their
// stream-taking functions directly (tests/comments_csv.rs, `comments`'s).
pub mod comments;
pub mod minutes;
pub mod output;
pub mod participants;
pub mod signin;
pub mod transcript;
pub mod translations;

use std::ffi::OsString;
use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::error::ErrorKind;
use clap::{Parser, Subcommand, ValueEnum};
use thiserror::Error;

use crate::domain::Lang;
use crate::i18n::refusals::session_file;
use crate::store::roster_csv::RosterCsvError;
use crate::store::{LoadError, LockError};

pub use check::CheckArgs;
pub use demo::{DEMO_SESSION, DemoArgs};
pub use join::JoinArgs;
pub use new::{NewArgs, build_session, standard_agenda};
pub use open::{OpenArgs, open_session};

/// Run a multi-stakeholder forum meeting live in the terminal, and keep it as a
/// session file that turns into minutes.
#[derive(Debug, Parser)]
#[command(
    name = "roundtable",
    version,
    arg_required_else_help = true,
    after_help = "Start with `roundtable demo`, or `roundtable new sessions/forum.ron --commitment 3`.\nEach command has its own help: `roundtable help new`."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    Demo(DemoArgs),
    New(NewArgs),
    Open(OpenArgs),
    Check(CheckArgs),
    Minutes(minutes::MinutesArgs),
    Signin(signin::SigninArgs),
    Transcript(transcript::TranscriptArgs),
    Translations(translations::TranslationsArgs),
    Participants(participants::ParticipantsArgs),
    Comments(comments::CommentsArgs),
    Join(JoinArgs),
}

/// Runs one parsed command line.
pub fn run(cli: Cli) -> Result<(), CliError> {
    match cli.command {
        Command::Demo(args) => demo::run_demo(args),
        Command::New(args) => new::run_new(args),
        Command::Open(args) => open::run_open(args),
        Command::Check(args) => check::run_check(args),
        Command::Minutes(args) => minutes::run_minutes(&args).map_err(CliError::other),
        Command::Signin(args) => signin::run_signin(&args).map_err(CliError::other),
        Command::Transcript(args) => transcript::run_transcript(&args).map_err(CliError::other),
        Command::Translations(args) => {
            translations::run_translations(&args).map_err(CliError::other)
        }
        Command::Participants(args) => {
            participants::run_participants(&args).map_err(CliError::other)
        }
        Command::Comments(args) => comments::run_comments(&args).map_err(CliError::other),
        Command::Join(args) => join::run_join(args),
    }
}

/// Parses `args` (the program name first), runs the command, and reports any error on
/// stderr as `roundtable: <message>`. What `main` does.
pub fn main_with_args<I, T>(args: I) -> ExitCode
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(e)
            if !e.use_stderr()
                || e.kind() == ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand =>
        {
            // --help and --version, or the help a bare `roundtable` gets: not messages.
            let _ = e.print();
            return exit_code(e.exit_code());
        }
        Err(e) => {
            let rendered = e.render().to_string();
            let message = rendered.strip_prefix("error: ").unwrap_or(&rendered);
            print_err(&format!("roundtable: {}\n", message.trim_end()));
            return exit_code(e.exit_code());
        }
    };
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        // `roundtable minutes … | head -1`: the reader has what it wanted.
        Err(e) if output::is_closed_stdout(&e) => ExitCode::SUCCESS,
        Err(e) => {
            print_err(&format!("roundtable: {e}\n"));
            ExitCode::FAILURE
        }
    }
}

/// Writes a command's output. A reader that went away (`roundtable check … | head`)
/// is not an error, and must not be a panic as `println!` would make it. Only
/// [printable](crate::width::printable) text reaches the terminal: a name in the
/// summary, a value quoted in a message, comes from a file anyone may have written.
pub fn print_out(text: &str) {
    let mut stdout = io::stdout().lock();
    let _ = stdout
        .write_all(crate::width::printable(text).as_bytes())
        .and_then(|()| stdout.flush());
}

/// Writes to stderr, ignoring a closed stderr and keeping to printable text like
/// [`print_out`].
pub fn print_err(text: &str) {
    let _ = io::stderr()
        .lock()
        .write_all(crate::width::printable(text).as_bytes());
}

fn exit_code(code: i32) -> ExitCode {
    ExitCode::from(u8::try_from(code).unwrap_or(2))
}

/// Why a command failed. Every message says what to do about it.
#[derive(Debug, Error)]
pub enum CliError {
    #[error(transparent)]
    Load(#[from] LoadError),
    #[error(transparent)]
    Lock(#[from] LockError),
    #[error("{path}: {source}", path = .path.display())]
    Roster {
        path: PathBuf,
        source: RosterCsvError,
    },
    #[error(
        "{path} already exists; choose another name: Roundtable does not overwrite files", path = .path.display()
    )]
    Exists { path: PathBuf },
    #[error(
        "{path} does not exist; create a session with `roundtable new {path}`, or try `roundtable demo`", path = .path.display()
    )]
    NotFound { path: PathBuf },
    /// `open` or `demo` with no terminal to show the meeting on.
    #[error("{}", session_file::no_terminal(.command, Lang::En))]
    NoTerminal { command: &'static str },
    /// The screen closed and the session is in a rescue copy, not in its file.
    #[error("{}", session_file::rescued(&.path.display().to_string(), .why, &files::shell_word(.rescue), Lang::En))]
    Rescued {
        path: PathBuf,
        why: String,
        rescue: PathBuf,
    },
    /// The screen closed and neither the file nor a rescue copy could be written.
    #[error("{}", session_file::not_rescued(&.path.display().to_string(), .why, &.error.to_string(), Lang::En))]
    NotRescued {
        path: PathBuf,
        why: String,
        error: io::Error,
    },
    #[error("cannot {action} {path}: {source}", path = .path.display())]
    Io {
        action: &'static str,
        path: PathBuf,
        source: io::Error,
    },
    #[error("{0}")]
    Tui(io::Error),
    #[error(transparent)]
    Other(Box<dyn std::error::Error + Send + Sync>),
}

impl CliError {
    /// For a command's own error types.
    pub fn other(error: impl Into<Box<dyn std::error::Error + Send + Sync>>) -> CliError {
        CliError::Other(error.into())
    }
}

/// The language of a command's output.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    /// Traditional Chinese
    #[value(name = "zh-TW", alias = "zh", alias = "zh-tw")]
    ZhTw,
    /// English
    #[default]
    #[value(name = "en")]
    En,
}

impl From<LangArg> for Lang {
    fn from(lang: LangArg) -> Lang {
        match lang {
            LangArg::ZhTw => Lang::ZhTw,
            LangArg::En => Lang::En,
        }
    }
}
