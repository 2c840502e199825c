//! The background writer. The app hands it each event as it is recorded and goes on;
//! the writer appends the event's line to the session file where the log closes, writes
//! the close again after it and syncs the data (one write and one fdatasync, whatever
//! the meeting's size), coalescing events that arrive while a write is under way. It
//! reports what is on disk, so the screen shows "saved" only when it is true.
//!
//! The file after any number of appends is byte for byte what writing the whole
//! session would give (`store::save`), so there is nothing to compact. A crash in the
//! middle of an append leaves an unfinished end that was never acknowledged, which
//! reading leaves out and says so (`torn.rs`).

use std::fs::{File, OpenOptions};
use std::io::{self, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::thread::{self, JoinHandle};
use std::time::Duration;

use thiserror::Error;
use tokio::sync::mpsc::UnboundedSender;

use super::log_layout::{self, TAIL};
use crate::domain::{Event, Seq, Session};

/// What the writer starts from.
#[derive(Debug)]
pub enum Start {
    /// A file in the layout Roundtable writes, whose log closes here: events are
    /// appended to it.
    Append(FileEnd),
    /// A file laid out otherwise (written by hand), holding this session: the first
    /// change writes it whole, in the layout appended to from then on. Until then the
    /// file is left as it is.
    Rewrite(Box<Session>),
}

impl From<FileEnd> for Start {
    fn from(end: FileEnd) -> Start {
        Start::Append(end)
    }
}

/// Where the log closes in a session file Roundtable wrote: the next event's line goes
/// there. `store::read` and `store::save` say it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FileEnd {
    /// The offset of [`TAIL`], which ends the file.
    log_end: u64,
}

impl FileEnd {
    /// The end of a file of `len` bytes that ends with [`TAIL`].
    pub(super) fn of_len(len: u64) -> Option<FileEnd> {
        len.checked_sub(TAIL.len() as u64)
            .map(|log_end| FileEnd { log_end })
    }

    /// The file's length.
    pub fn file_len(self) -> u64 {
        self.log_end + TAIL.len() as u64
    }
}

/// What the writer has done.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveReport {
    /// Everything through this event is durably on disk.
    Saved { through: Seq },
    /// The last write failed; the writer keeps the changes and tries again.
    Failed { error: SaveError },
}

/// Why the session is not on disk. Comparable and cloneable, so it can be reported to
/// the screen and to every caller waiting on a flush: the `io::Error` is kept as its
/// kind and its message.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum SaveError {
    /// Writing the file failed.
    #[error("cannot save {path}: {message}", path = .path.display())]
    Write {
        path: PathBuf,
        kind: io::ErrorKind,
        message: String,
    },
    /// The writer thread is gone, so nothing more will be saved.
    #[error("the writer has stopped")]
    Stopped,
}

impl SaveError {
    fn write(path: &Path, error: &io::Error) -> SaveError {
        SaveError::Write {
            path: path.to_owned(),
            kind: error.kind(),
            message: error.to_string(),
        }
    }
}

enum Job {
    Append(Box<Event>),
    Flush(mpsc::Sender<Result<(), SaveError>>),
}

/// A handle to the writer thread. Dropping it (or `finish`) writes what is pending.
pub struct Saver {
    jobs: Option<mpsc::Sender<Job>>,
    thread: Option<JoinHandle<()>>,
}

/// How long to wait before trying a failed write again.
const RETRY_AFTER: Duration = Duration::from_secs(1);

impl Saver {
    /// Starts the writer on the session file at `path`, from `start`: usually where
    /// its log closes, as [`super::read`] or [`super::save`] left it. The file is
    /// opened at the first write, and refused then if it is no longer as it was.
    pub fn spawn(
        path: PathBuf,
        start: impl Into<Start>,
        reports: UnboundedSender<SaveReport>,
    ) -> Saver {
        let start = start.into();
        let (jobs, inbox) = mpsc::channel::<Job>();
        let thread = thread::Builder::new()
            .name("roundtable-saver".into())
            .spawn(move || writer(Appender::new(path, start), inbox, reports))
            .expect("the OS can start a thread");
        Saver {
            jobs: Some(jobs),
            thread: Some(thread),
        }
    }

    /// Queues an event for saving. Never blocks.
    pub fn append(&self, event: Event) {
        if let Some(jobs) = &self.jobs {
            let _ = jobs.send(Job::Append(Box::new(event)));
        }
    }

    /// Waits until everything queued so far is on disk.
    pub fn flush(&self) -> Result<(), SaveError> {
        let (done, wait) = mpsc::channel();
        let jobs = self.jobs.as_ref().ok_or(SaveError::Stopped)?;
        jobs.send(Job::Flush(done))
            .map_err(|_| SaveError::Stopped)?;
        wait.recv().unwrap_or(Err(SaveError::Stopped))
    }

    /// Writes what is pending and stops the writer.
    pub fn finish(mut self) -> Result<(), SaveError> {
        let result = self.flush();
        self.stop();
        result
    }

    fn stop(&mut self) {
        self.jobs.take();
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

impl Drop for Saver {
    fn drop(&mut self) {
        self.stop();
    }
}

fn writer(
    mut appender: Appender,
    inbox: mpsc::Receiver<Job>,
    reports: UnboundedSender<SaveReport>,
) {
    let mut waiting: Vec<mpsc::Sender<Result<(), SaveError>>> = Vec::new();
    loop {
        // Wait for work; while a failed write is pending, wake up to retry it.
        let job = if appender.dirty() {
            match inbox.recv_timeout(RETRY_AFTER) {
                Ok(job) => Some(job),
                Err(RecvTimeoutError::Timeout) => None,
                Err(RecvTimeoutError::Disconnected) => {
                    let _ = write(&mut appender, &reports);
                    return;
                }
            }
        } else {
            match inbox.recv() {
                Ok(job) => Some(job),
                Err(_) => return,
            }
        };
        let mut take = |job: Job| match job {
            Job::Append(event) => appender.push(&event),
            Job::Flush(done) => waiting.push(done),
        };
        if let Some(job) = job {
            take(job);
        }
        // Coalesce everything that arrived meanwhile into one write.
        while let Ok(job) = inbox.try_recv() {
            take(job);
        }
        let result = if appender.dirty() {
            write(&mut appender, &reports)
        } else {
            Ok(())
        };
        for done in waiting.drain(..) {
            let _ = done.send(result.clone());
        }
    }
}

fn write(appender: &mut Appender, reports: &UnboundedSender<SaveReport>) -> Result<(), SaveError> {
    match appender.write() {
        Ok(()) => {
            if let Some(through) = appender.last {
                let _ = reports.send(SaveReport::Saved { through });
            }
            Ok(())
        }
        Err(e) => {
            let error = SaveError::write(&appender.path, &e);
            let _ = reports.send(SaveReport::Failed {
                error: error.clone(),
            });
            Err(error)
        }
    }
}

/// The session file as the writer appends to it.
struct Appender {
    path: PathBuf,
    /// A hand-made file's session, until the first write replaces the file.
    rewrite: Option<Box<Session>>,
    /// Where the log closes in the file, as last synced.
    end: FileEnd,
    /// Opened at the first write.
    file: Option<File>,
    /// Lines not yet on disk.
    pending: Vec<u8>,
    /// The last event in `pending` or on disk.
    last: Option<Seq>,
    /// A failed write may have left bytes past where the file now ends.
    overrun: bool,
}

/// Said when the file is not as the writer left it: something else wrote, moved or
/// replaced it. Appending then could corrupt it or write to a file nobody reads, so
/// the writer refuses, and quitting puts the whole meeting in a rescue copy.
const CHANGED_ELSEWHERE: &str = "the file was changed, moved or replaced by another program since Roundtable opened it; nothing more is written to it, and quitting keeps the whole meeting in a rescue copy";

impl Appender {
    fn new(path: PathBuf, start: Start) -> Appender {
        let (end, rewrite) = match start {
            Start::Append(end) => (end, None),
            // Set by the first write.
            Start::Rewrite(session) => (FileEnd { log_end: 0 }, Some(session)),
        };
        Appender {
            path,
            rewrite,
            end,
            file: None,
            pending: Vec::new(),
            last: None,
            overrun: false,
        }
    }

    fn dirty(&self) -> bool {
        !self.pending.is_empty()
    }

    fn push(&mut self, event: &Event) {
        log_layout::push_event(&mut self.pending, event);
        self.last = Some(event.seq);
    }

    /// Writes the pending lines and the close where the log closes, and syncs.
    fn write(&mut self) -> io::Result<()> {
        if self.rewrite.is_some() {
            return self.write_whole();
        }
        let mut bytes = Vec::with_capacity(self.pending.len() + TAIL.len());
        bytes.extend_from_slice(&self.pending);
        bytes.extend_from_slice(TAIL.as_bytes());
        let (end, overrun) = (self.end, self.overrun);
        let file = self.file()?;
        // Until the sync succeeds the file may hold part of this write.
        let result = (|| {
            let mut file: &File = file;
            file.seek(SeekFrom::Start(end.log_end))?;
            file.write_all(&bytes)?;
            let len = end.log_end + bytes.len() as u64;
            if overrun {
                file.set_len(len)?;
            }
            file.sync_data()
        })();
        match result {
            Ok(()) => {
                self.end.log_end += self.pending.len() as u64;
                self.pending.clear();
                self.overrun = false;
                Ok(())
            }
            Err(e) => {
                self.overrun = true;
                Err(e)
            }
        }
    }

    /// Writes a hand-made file whole, with the pending lines, atomically.
    fn write_whole(&mut self) -> io::Result<()> {
        let Some(session) = &self.rewrite else {
            return Ok(());
        };
        let mut bytes = super::session_bytes(session);
        let log_end = bytes.len() - TAIL.len();
        bytes.truncate(log_end);
        bytes.extend_from_slice(&self.pending);
        bytes.extend_from_slice(TAIL.as_bytes());
        crate::durable::write_atomically(&self.path, &bytes)?;
        self.end = FileEnd {
            log_end: (log_end + self.pending.len()) as u64,
        };
        self.pending.clear();
        self.rewrite = None;
        self.file = None;
        Ok(())
    }

    /// The open file, checked to be the one the path names and as the writer left it.
    fn file(&mut self) -> io::Result<&File> {
        let file = match self.file.take() {
            Some(file) => file,
            None => open_at_end(&self.path, self.end)?,
        };
        let file = self.file.insert(file);
        let ours = file.metadata()?;
        let named = std::fs::metadata(&self.path)?;
        let expected = self.end.file_len();
        let length_is_ours = if self.overrun {
            ours.len() >= self.end.log_end
        } else {
            ours.len() == expected
        };
        if !same_file(&ours, &named) || !length_is_ours {
            return Err(io::Error::other(CHANGED_ELSEWHERE));
        }
        Ok(file)
    }
}

/// Opens the session file for appending, if it ends where `end` says, with the close.
fn open_at_end(path: &Path, end: FileEnd) -> io::Result<File> {
    let mut file = OpenOptions::new().read(true).write(true).open(path)?;
    if file.metadata()?.len() != end.file_len() {
        return Err(io::Error::other(CHANGED_ELSEWHERE));
    }
    let mut tail = [0; TAIL.len()];
    file.seek(SeekFrom::Start(end.log_end))?;
    file.read_exact(&mut tail)?;
    if tail != TAIL.as_bytes() {
        return Err(io::Error::other(CHANGED_ELSEWHERE));
    }
    Ok(file)
}

#[cfg(unix)]
fn same_file(a: &std::fs::Metadata, b: &std::fs::Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    (a.dev(), a.ino()) == (b.dev(), b.ino())
}

#[cfg(not(unix))]
fn same_file(a: &std::fs::Metadata, b: &std::fs::Metadata) -> bool {
    a.len() == b.len()
}
