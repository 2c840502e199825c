//! One writer per session: a lock file beside the session, held with an OS file lock
//! for as long as the app has the session open. The lock file says who holds it, so a
//! second instance can tell the user.
//!
//! The lock is the file's, not the name's: it is taken on the session's real path
//! (`durable::real_path`), so `./F`, an absolute path, a symbolic link to F and F
//! reached through a linked folder all meet the same lock, and [`SessionLock::session`]
//! is where the holder saves. A file with a second name (a hard link) is refused: a
//! save writes a new file in its place, so the other name would keep the old meeting,
//! and a second Roundtable opening that name would take a different lock. Locking the
//! file's own inode would not help: the first save gives the session a new one.

use std::fs::{File, OpenOptions, TryLockError};
use std::io::{self, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use thiserror::Error;

#[derive(Debug, Error)]
pub enum LockError {
    #[error("{path} is open in another Roundtable ({holder}); close it there first")]
    Held { path: PathBuf, holder: String },
    #[error("cannot lock {path}: {source}")]
    Io { path: PathBuf, source: io::Error },
    #[error("{path} {}", hard_links(*.links))]
    HardLinked { path: PathBuf, links: u64 },
}

fn hard_links(links: u64) -> String {
    crate::i18n::refusals::session_file::hard_links(links, crate::domain::Lang::En)
}

/// Held while a session is open for writing; released when dropped (or when the
/// process dies, since the OS drops the lock with the process).
#[derive(Debug)]
pub struct SessionLock {
    file: File,
    path: PathBuf,
    session: PathBuf,
}

impl SessionLock {
    /// The lock file for a session, by its real path: `.NAME.lock` in the same folder.
    /// It is left in place after use: deleting a lock file while another process may
    /// be opening it would let two processes hold "the" lock.
    pub fn path_for(session: &Path) -> PathBuf {
        let name = session
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "session".to_owned());
        session.with_file_name(format!(".{name}.lock"))
    }

    /// Locks the file `session` names (which need not exist yet), however it is named.
    pub fn acquire(session: &Path) -> Result<SessionLock, LockError> {
        let real = crate::durable::real_path(session).map_err(|source| LockError::Io {
            path: session.to_owned(),
            source,
        })?;
        refuse_a_second_name(session, &real)?;
        let path = Self::path_for(&real);
        let io_error = |source| LockError::Io {
            path: path.clone(),
            source,
        };
        let mut file = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(&path)
            .map_err(io_error)?;
        match file.try_lock() {
            Ok(()) => {}
            Err(TryLockError::WouldBlock) => {
                let mut holder = String::new();
                let _ = file.read_to_string(&mut holder);
                let holder = holder.trim();
                return Err(LockError::Held {
                    path: session.to_owned(),
                    holder: if holder.is_empty() {
                        "holder unknown".to_owned()
                    } else {
                        holder.to_owned()
                    },
                });
            }
            Err(TryLockError::Error(e)) => return Err(io_error(e)),
        }
        let holder = describe_this_process();
        file.set_len(0)
            .and_then(|()| file.seek(SeekFrom::Start(0)))
            .and_then(|_| file.write_all(holder.as_bytes()))
            .and_then(|()| file.flush())
            .map_err(io_error)?;
        Ok(SessionLock {
            file,
            path,
            session: real,
        })
    }

    /// The lock file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The locked session file, every link resolved: the path to save to, so a save
    /// through a symbolic link replaces the file it points to.
    pub fn session(&self) -> &Path {
        &self.session
    }
}

/// A session with more than one name (hard links) cannot be held by one lock.
#[cfg(unix)]
fn refuse_a_second_name(session: &Path, real: &Path) -> Result<(), LockError> {
    use std::os::unix::fs::MetadataExt;
    match std::fs::metadata(real) {
        Ok(metadata) if metadata.is_file() && metadata.nlink() > 1 => Err(LockError::HardLinked {
            path: session.to_owned(),
            links: metadata.nlink(),
        }),
        // Not there yet, or not a file: what comes next says so.
        _ => Ok(()),
    }
}

/// Other systems do not say how many names a file has through std.
#[cfg(not(unix))]
fn refuse_a_second_name(_session: &Path, _real: &Path) -> Result<(), LockError> {
    Ok(())
}

impl Drop for SessionLock {
    fn drop(&mut self) {
        // Say nobody holds it, then let go. Errors here change nothing: the OS lock
        // goes with the file handle anyway.
        let _ = self.file.set_len(0);
        let _ = self.file.unlock();
    }
}

fn describe_this_process() -> String {
    let user = std::env::var("USER")
        .or_else(|_| std::env::var("USERNAME"))
        .unwrap_or_else(|_| "someone".to_owned());
    let host = std::fs::read_to_string("/etc/hostname")
        .map(|h| h.trim().to_owned())
        .ok()
        .filter(|h| !h.is_empty())
        .or_else(|| std::env::var("HOSTNAME").ok())
        .unwrap_or_else(|| "this computer".to_owned());
    let since = chrono::Local::now().format("%Y-%m-%d %H:%M");
    format!(
        "process {} of {user} on {host}, since {since}",
        std::process::id()
    )
}
