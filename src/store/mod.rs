//! The session file: one RON file per meeting, loaded with errors that point at the
//! line and column, and saved atomically and durably.

mod lock;
pub mod roster_csv;
mod saver;

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use atomic_write_file::AtomicWriteFile;
use ron::ser::PrettyConfig;
use thiserror::Error;

use crate::domain::{Meeting, Session, SessionError};

pub use lock::{LockError, SessionLock};
pub use saver::{SaveReport, Saver};

/// Why a session file could not be loaded. The file is never touched.
#[derive(Debug, Error)]
pub enum LoadError {
    #[error("{path}: {source}")]
    Io { path: PathBuf, source: io::Error },
    #[error("{path}:{line}:{column}: {message}\n  hint: {hint}")]
    Syntax {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
        hint: String,
    },
    #[error("{path}: {source}")]
    Invalid { path: PathBuf, source: SessionError },
}

/// Reads and checks a session file, folding its log.
pub fn load(path: &Path) -> Result<Meeting, LoadError> {
    let text = fs::read_to_string(path).map_err(|source| LoadError::Io {
        path: path.to_owned(),
        source,
    })?;
    parse(&text, path)
}

/// Parses a session from text; `path` names it in errors.
pub fn parse(text: &str, path: &Path) -> Result<Meeting, LoadError> {
    let session: Session = ron::from_str(text).map_err(|e| {
        let message = e.code.to_string();
        LoadError::Syntax {
            path: path.to_owned(),
            line: e.span.start.line,
            column: e.span.start.col,
            hint: hint_for(&message),
            message,
        }
    })?;
    Meeting::open(session).map_err(|source| LoadError::Invalid {
        path: path.to_owned(),
        source,
    })
}

fn hint_for(message: &str) -> String {
    let hint = if message.contains("Unexpected end of RON") || message.contains("unexpected end") {
        "the file ends early: check that every ( [ and \" is closed"
    } else if message.contains("missing field") || message.contains("Unexpected missing field") {
        "add the field named above; `roundtable new` writes a complete example"
    } else if message.contains("variant") {
        "the value must be one of the names listed above, spelled exactly"
    } else if message.contains("field") {
        "check the field's spelling against `roundtable new`'s output"
    } else if message.contains("string") || message.contains("String") {
        "texts are in double quotes; write \\\" for a quote inside a text"
    } else {
        "compare with sessions/demo.ron; a session file is RON (https://github.com/ron-rs/ron)"
    };
    hint.to_owned()
}

/// The session as RON text: readable, one event to a line.
pub fn to_ron(session: &Session) -> String {
    let config = PrettyConfig::new()
        .depth_limit(3)
        .struct_names(false)
        .escape_strings(true);
    // Serialising our own types to a string cannot fail: every map key is a string and
    // every value is plain data.
    ron::ser::to_string_pretty(session, config).unwrap_or_else(|e| {
        panic!("a session always serialises to RON: {e}");
    })
}

/// Writes the session atomically and durably: a temporary file in the same folder,
/// fsync, rename over the old file, fsync the folder. A crash at any point leaves
/// either the old file or the new one, never a mix.
pub fn save(path: &Path, session: &Session) -> io::Result<()> {
    write_atomically(path, to_ron(session).as_bytes())
}

/// Writes `bytes` to `path` atomically and durably.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut file = AtomicWriteFile::open(path)?;
    file.write_all(bytes)?;
    file.commit()
}
