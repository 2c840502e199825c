//! What the after-the-meeting commands (`minutes`, `signin`, `transcript`,
//! `translations`, `participants`, `new --follow-up`) share: their error, the languages
//! of a document, and how an output is written. Every output is written atomically (a
//! temporary file renamed into place), so no partial file is ever left; an existing
//! output file is refused unless `--force`; nothing is written when anything fails.

use std::io::{self, Write};
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
    #[error("an ODT file is binary; name the output file with -o minutes.odt")]
    OdtNeedsOutput,
    #[error(transparent)]
    Odt(#[from] OdtError),
    #[error("cannot write the sign-in sheet: {0}")]
    Csv(#[from] csv::Error),
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

/// Refuses an output that exists (without --force) or that is the session itself.
pub(super) fn check_output(
    input: &Path,
    output: Option<&Path>,
    force: bool,
) -> Result<(), CommandError> {
    let Some(output) = output else {
        return Ok(());
    };
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

/// Writes `bytes` to `output` atomically, or to `stdout` without one.
pub(super) fn emit(
    output: Option<&Path>,
    bytes: &[u8],
    stdout: &mut dyn Write,
) -> Result<(), CommandError> {
    match output {
        Some(path) => {
            crate::durable::write_atomically(path, bytes).map_err(|source| CommandError::Write {
                path: path.to_owned(),
                source,
            })
        }
        None => stdout
            .write_all(bytes)
            .and_then(|()| stdout.flush())
            .map_err(CommandError::Stdout),
    }
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
