//! What the after-the-meeting commands (`minutes`, `signin`, `transcript`,
//! `translations`, `participants`, `comments export`, `new --follow-up`) share: their
//! error, the languages of a document, and how an output is written.
//!
//! Every output goes through [`Output`], one rule for all: `-o FILE` writes the file
//! atomically (a temporary file renamed into place), so no partial file is ever left;
//! an existing output file is refused unless `--force`; nothing is written when
//! anything fails. `-o -`, or no `-o` for a text, writes to standard output (a file
//! named `-` is `-o ./-`). A binary output (ODT) goes to standard output only when
//! asked with `-o -`, and never to a terminal. A reader of standard output that went
//! away (`roundtable minutes … | head -1`) is [`CommandError::StdoutClosed`], which
//! `main` ends quietly with success.

use std::ffi::OsString;
use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};

use clap::ValueEnum;
use thiserror::Error;

use crate::domain::{DomainError, Lang, Meeting, Session, SessionError};
use crate::minutes::transcript::TranscriptError;
use crate::minutes::translations::PoError;
use crate::minutes::{Languages, OdtError};
use crate::store::{self, LoadError, LockError};

/// Why a command failed. Each message says what to do.
#[derive(Debug, Error)]
pub enum CommandError {
    #[error(transparent)]
    Load(#[from] LoadError),
    #[error("{0} already exists; pass --force to overwrite it, or name another file with -o")]
    OutputExists(PathBuf),
    #[error("{0} is the session file itself; name another output file with -o")]
    OutputIsInput(PathBuf),
    #[error("cannot write {path}: {source}")]
    Write { path: PathBuf, source: io::Error },
    #[error("cannot write to standard output: {0}")]
    Stdout(io::Error),
    /// Standard output's reader went away (`… | head -1`): not a failure; `main` ends
    /// quietly with success. The [`StdoutClosed`] source is how it knows.
    #[error("{0}")]
    StdoutClosed(#[source] StdoutClosed),
    #[error(
        "{what} is binary; name the output file with -o {example}, or send it down a pipe with -o -"
    )]
    BinaryNeedsOutput {
        what: &'static str,
        example: &'static str,
    },
    #[error(
        "{what} is binary and standard output is a terminal; redirect it (-o - > {example}) or name the output file with -o {example}"
    )]
    BinaryToTerminal {
        what: &'static str,
        example: &'static str,
    },
    #[error(transparent)]
    Odt(#[from] OdtError),
    #[error("cannot write the sign-in sheet: {0}")]
    Csv(#[from] csv::Error),
    #[error(
        "{}: the transcript is dated {}, but the meeting in {} was held on {}; it may be another meeting's record. If it is this meeting's, pass --force to merge it anyway; the session is unchanged",
        transcript.display(),
        mismatch.transcript,
        session.display(),
        mismatch.meeting
    )]
    OtherDay {
        transcript: PathBuf,
        session: PathBuf,
        mismatch: crate::minutes::transcript::DateMismatch,
    },
    #[error("cannot write the workbook: {0}")]
    Xlsx(#[from] rust_xlsxwriter::XlsxError),
    #[error("cannot read {path}: {source}")]
    Read { path: PathBuf, source: io::Error },
    #[error("{path}: {source}")]
    Transcript {
        path: PathBuf,
        source: TranscriptError,
    },
    #[error("{path}: {source}")]
    Worksheet { path: PathBuf, source: PoError },
    #[error("the transcript cannot be merged into the session: {0}; the session is unchanged")]
    Import(DomainError),
    #[error("after the merge the session would not load: {0}; the session is unchanged")]
    Invalid(SessionError),
    #[error(transparent)]
    Lock(#[from] LockError),
    #[error(
        "every entry of the worksheet was refused ({stale} changed since export, {unknown} unknown); the session is unchanged. Export a new worksheet with `roundtable translations export`"
    )]
    NothingMerged { stale: usize, unknown: usize },
}

/// The languages of a document. Unlike [`super::LangArg`], the language of what
/// `check` prints, a document can be in both.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    /// Traditional Chinese, the language of record.
    #[default]
    #[value(name = "zh-TW", alias = "zh", alias = "zh-tw")]
    ZhTw,
    /// English.
    En,
    /// Chinese and English side by side (HTML, ODT) or one after the other (Markdown).
    Both,
}

impl LangArg {
    pub(super) fn languages(self) -> Languages {
        match self {
            LangArg::ZhTw => Languages::Chinese,
            LangArg::En => Languages::English,
            LangArg::Both => Languages::Both,
        }
    }

    pub(super) fn langs(self) -> &'static [Lang] {
        match self {
            LangArg::ZhTw => &[Lang::ZhTw],
            LangArg::En => &[Lang::En],
            LangArg::Both => &[Lang::ZhTw, Lang::En],
        }
    }
}

/// Where `-o/--output` sends a command's output: `-o -` is standard output, anything
/// else a file (a file named `-` is `-o ./-`). A command's `output` argument is an
/// `Option<Destination>`, `None` without `-o`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Destination {
    Stdout,
    File(PathBuf),
}

impl From<OsString> for Destination {
    /// How clap parses `-o`.
    fn from(arg: OsString) -> Destination {
        if arg == "-" {
            Destination::Stdout
        } else {
            Destination::File(arg.into())
        }
    }
}

/// What a command writes: text, or a binary file that must not reach a terminal.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Content {
    Text,
    /// `what` ("an ODT file") and `example` ("minutes.odt") word the refusals.
    Binary {
        what: &'static str,
        example: &'static str,
    },
}

/// A command's output, checked by [`Output::check`] before the command does any work,
/// then written once with [`Output::write`].
#[derive(Clone, Copy, Debug)]
pub(super) struct Output<'a> {
    /// `None`: standard output.
    file: Option<&'a Path>,
}

impl<'a> Output<'a> {
    /// Where `output` (the `-o` argument, `None` without it) sends `content`, refused
    /// when it cannot go there: a binary without `-o` or to a terminal, a file that
    /// exists (without `force`) or that is the session `input` itself.
    pub(super) fn check(
        input: &Path,
        output: Option<&'a Destination>,
        force: bool,
        content: Content,
    ) -> Result<Output<'a>, CommandError> {
        match (output, content) {
            (Some(Destination::File(path)), _) => {
                check_file(input, path, force)?;
                Ok(Output { file: Some(path) })
            }
            (None, Content::Binary { what, example }) => {
                Err(CommandError::BinaryNeedsOutput { what, example })
            }
            // The process's own standard output: a command run in-process with another
            // writer is still refused binary when the real one is a terminal.
            (Some(Destination::Stdout), Content::Binary { what, example })
                if io::stdout().is_terminal() =>
            {
                Err(CommandError::BinaryToTerminal { what, example })
            }
            (Some(Destination::Stdout) | None, _) => Ok(Output { file: None }),
        }
    }

    /// Writes `bytes`: atomically to the file, or to `stdout`.
    pub(super) fn write(self, bytes: &[u8], stdout: &mut dyn Write) -> Result<(), CommandError> {
        match self.file {
            Some(path) => crate::durable::write_atomically(path, bytes).map_err(|source| {
                CommandError::Write {
                    path: path.to_owned(),
                    source,
                }
            }),
            None => stdout
                .write_all(bytes)
                .and_then(|()| stdout.flush())
                .map_err(stdout_error),
        }
    }
}

/// Refuses an output file that exists (without --force) or that is the session itself.
fn check_file(input: &Path, output: &Path, force: bool) -> Result<(), CommandError> {
    if let (Ok(a), Ok(b)) = (input.canonicalize(), output.canonicalize())
        && a == b
    {
        return Err(CommandError::OutputIsInput(output.to_owned()));
    }
    if output.exists() && !force {
        return Err(CommandError::OutputExists(output.to_owned()));
    }
    Ok(())
}

/// A failed write to standard output: [`CommandError::StdoutClosed`] when its reader
/// went away, [`CommandError::Stdout`] otherwise. For a command writing to standard
/// output other than through [`Output::write`].
pub(super) fn stdout_error(error: io::Error) -> CommandError {
    if error.kind() == io::ErrorKind::BrokenPipe {
        CommandError::StdoutClosed(StdoutClosed)
    } else {
        CommandError::Stdout(error)
    }
}

/// The source of [`CommandError::StdoutClosed`]: what [`is_closed_stdout`] looks for.
#[derive(Debug, Error)]
#[error("the reader of standard output went away")]
pub struct StdoutClosed;

/// Whether `error` is, or wraps, standard output closed by its reader: not an error to
/// report. Found through any wrapper that passes its sources on (`#[from]`,
/// `#[error(transparent)]`).
pub fn is_closed_stdout(error: &(dyn std::error::Error + 'static)) -> bool {
    std::iter::successors(Some(error), |e| e.source()).any(|e| e.is::<StdoutClosed>())
}

/// Checks the session still opens, then saves it atomically.
pub(super) fn save_session(path: &Path, session: &Session) -> Result<(), CommandError> {
    Meeting::open(session.clone()).map_err(CommandError::Invalid)?;
    store::save(path, session)
        .map(|_| ())
        .map_err(|source| CommandError::Write {
            path: path.to_owned(),
            source,
        })
}
