//! The background writer. The app hands it each event as it is recorded and goes on;
//! the writer appends the event to its own copy of the session and writes the whole
//! file atomically, coalescing events that arrive while a write is under way. It
//! reports what is on disk, so the screen shows "saved" only when it is true.

use std::io;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::thread::{self, JoinHandle};
use std::time::Duration;

use thiserror::Error;
use tokio::sync::mpsc::UnboundedSender;

use super::SessionText;
use crate::domain::{Event, Seq, Session};

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
    /// Starts the writer for `session`, as it is in the file at `path` now.
    pub fn spawn(path: PathBuf, session: Session, reports: UnboundedSender<SaveReport>) -> Saver {
        let (jobs, inbox) = mpsc::channel::<Job>();
        let thread = thread::Builder::new()
            .name("roundtable-saver".into())
            .spawn(move || writer(path, session, inbox, reports))
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
    path: PathBuf,
    session: Session,
    inbox: mpsc::Receiver<Job>,
    reports: UnboundedSender<SaveReport>,
) {
    let mut last = session.log.last().map(|e| e.seq);
    let mut text = SessionText::new(&session);
    drop(session);
    let mut dirty = false;
    let mut waiting: Vec<mpsc::Sender<Result<(), SaveError>>> = Vec::new();
    loop {
        // Wait for work; while a failed write is pending, wake up to retry it.
        let job = if dirty {
            match inbox.recv_timeout(RETRY_AFTER) {
                Ok(job) => Some(job),
                Err(RecvTimeoutError::Timeout) => None,
                Err(RecvTimeoutError::Disconnected) => {
                    let _ = write(&path, &text, last, &reports);
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
            Job::Append(event) => {
                text.push(&event);
                last = Some(event.seq);
                dirty = true;
            }
            Job::Flush(done) => waiting.push(done),
        };
        if let Some(job) = job {
            take(job);
        }
        // Coalesce everything that arrived meanwhile into one write.
        while let Ok(job) = inbox.try_recv() {
            take(job);
        }
        let result = if dirty {
            write(&path, &text, last, &reports)
        } else {
            Ok(())
        };
        if result.is_ok() {
            dirty = false;
        }
        for done in waiting.drain(..) {
            let _ = done.send(result.clone());
        }
    }
}

fn write(
    path: &Path,
    text: &SessionText,
    last: Option<Seq>,
    reports: &UnboundedSender<SaveReport>,
) -> Result<(), SaveError> {
    match crate::durable::write_atomically(path, &text.to_bytes()) {
        Ok(()) => {
            if let Some(through) = last {
                let _ = reports.send(SaveReport::Saved { through });
            }
            Ok(())
        }
        Err(e) => {
            let error = SaveError::write(path, &e);
            let _ = reports.send(SaveReport::Failed {
                error: error.clone(),
            });
            Err(error)
        }
    }
}
