//! The note-taker's durable outbox: every note is on the note-taker's disk before it
//! is sent, and leaves the outbox only when the host says it is durably in the
//! session (or refused it for good).
//!
//! The file is a journal, one RON entry per line:
//! ```text
//! Client(id: "3f…", next_seq: 1)         first line: who we are, where numbering is
//! Note(seq: 1, event: NoteAdded(…))      fsynced before `add` returns
//! Settled(through: 1)                    written without fsync: losing it only
//!                                        means resending a note the host drops
//! Dropped(seq: 2)                        the host refused note 2 for good, or it
//!                                        was too long to send and set aside
//! ```
//! A note too long to travel (an older version let one in) is set aside: its text
//! goes to a plain-text file next to the outbox (`…too-long.txt`, fsynced) and it
//! leaves the outbox, so it neither blocks the notes behind it nor is lost.
//! A crash can tear only the last line, which `open` ignores (it was never confirmed
//! to the note-taker). When the journal grows, it is compacted with an atomic
//! rewrite that keeps `next_seq`, so numbers never go backwards: a reused number
//! would be dropped by the host as a duplicate, losing the note.

use std::collections::BTreeMap;
use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::domain::{EventKind, Note};
use crate::durable::write_atomically;

/// Journal lines beyond which a fully settled outbox is compacted.
const COMPACT_AFTER: usize = 1_000;

#[derive(Debug, Error)]
pub enum OutboxError {
    #[error("{path}: {source}")]
    Io { path: PathBuf, source: io::Error },
    #[error(
        "{path}:{line}: the outbox is damaged ({message}); it is left as it is: move it aside to start a new one, and copy any notes in it by hand"
    )]
    Corrupt {
        path: PathBuf,
        line: usize,
        message: String,
    },
    #[error("the system's random number generator failed: {0}")]
    Random(String),
}

#[derive(Clone, Debug, Serialize, Deserialize)]
enum Entry {
    Client { id: String, next_seq: u64 },
    Note { seq: u64, event: EventKind },
    Settled { through: u64 },
    Dropped { seq: u64 },
}

/// The outbox of one note-taker.
#[derive(Debug)]
pub struct Outbox {
    path: PathBuf,
    file: File,
    client_id: String,
    next_seq: u64,
    settled_through: u64,
    pending: BTreeMap<u64, EventKind>,
    lines: usize,
}

fn io_error(path: &Path) -> impl FnOnce(io::Error) -> OutboxError + '_ {
    move |source| OutboxError::Io {
        path: path.to_owned(),
        source,
    }
}

fn line(entry: &Entry) -> String {
    // Plain data always serialises.
    let mut text = ron::to_string(entry).unwrap_or_else(|e| panic!("outbox entry: {e}"));
    text.push('\n');
    text
}

/// Where the notes too long to send are kept, in plain text: next to the outbox.
pub fn set_aside_path(outbox: &Path) -> PathBuf {
    outbox.with_extension("too-long.txt")
}

/// A set-aside note as the note-taker reads it again: its number, its text and its
/// English.
fn set_aside_text(seq: u64, event: &EventKind) -> String {
    let mut text = format!("--- {seq} ---\n");
    let note: Option<&Note> = match event {
        EventKind::NoteAdded(note) => Some(note),
        EventKind::NoteCorrected { corrected, .. } => Some(corrected),
        _ => None,
    };
    match note {
        Some(note) => {
            text.push_str(&note.text.text);
            text.push('\n');
            if let Some(en) = &note.text.en {
                text.push_str(en);
                text.push('\n');
            }
        }
        // Not a note (a note-taker records nothing else): kept as the outbox had it.
        None => text.push_str(&line(&Entry::Note {
            seq,
            event: event.clone(),
        })),
    }
    text
}

/// A new random client id: 32 hex digits.
pub fn new_client_id() -> Result<String, OutboxError> {
    let mut bytes = [0u8; 16];
    getrandom::fill(&mut bytes).map_err(|e| OutboxError::Random(e.to_string()))?;
    Ok(bytes.iter().map(|b| format!("{b:02x}")).collect())
}

impl Outbox {
    /// Opens the outbox at `path`, creating it (with a new client id) if there is
    /// none.
    pub fn open(path: &Path) -> Result<Outbox, OutboxError> {
        let text = match fs::read_to_string(path) {
            Ok(text) => Some(text),
            Err(e) if e.kind() == io::ErrorKind::NotFound => None,
            Err(e) => return Err(io_error(path)(e)),
        };
        let Some(text) = text else {
            if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
                fs::create_dir_all(dir).map_err(io_error(path))?;
            }
            let client_id = new_client_id()?;
            write_atomically(
                path,
                line(&Entry::Client {
                    id: client_id.clone(),
                    next_seq: 1,
                })
                .as_bytes(),
            )
            .map_err(io_error(path))?;
            return Outbox::open(path);
        };

        let mut client = None;
        let mut next_seq = 1;
        let mut settled_through = 0;
        let mut pending = BTreeMap::new();
        let mut lines = 0;
        let mut torn = false;
        let all: Vec<&str> = text.split_inclusive('\n').collect();
        for (i, raw) in all.iter().enumerate() {
            let is_last = i + 1 == all.len();
            let entry = match ron::from_str::<Entry>(raw.trim_end()) {
                Ok(entry) => entry,
                // A crash mid-append leaves a line without its newline: it was never
                // confirmed, so it is dropped.
                Err(_) if is_last && !raw.ends_with('\n') => {
                    torn = true;
                    break;
                }
                Err(e) => {
                    return Err(OutboxError::Corrupt {
                        path: path.to_owned(),
                        line: i + 1,
                        message: e.to_string(),
                    });
                }
            };
            lines += 1;
            match entry {
                Entry::Client { id, next_seq: n } if client.is_none() => {
                    client = Some(id);
                    next_seq = next_seq.max(n);
                }
                Entry::Client { .. } => {
                    return Err(OutboxError::Corrupt {
                        path: path.to_owned(),
                        line: i + 1,
                        message: "a second client line".into(),
                    });
                }
                Entry::Note { seq, event } => {
                    if seq > settled_through {
                        pending.insert(seq, event);
                    }
                    next_seq = next_seq.max(seq + 1);
                }
                Entry::Settled { through } => {
                    settled_through = settled_through.max(through);
                    pending = pending.split_off(&(through + 1));
                }
                Entry::Dropped { seq } => {
                    pending.remove(&seq);
                }
            }
        }
        let Some(client_id) = client else {
            return Err(OutboxError::Corrupt {
                path: path.to_owned(),
                line: 1,
                message: "the first line must name the client".into(),
            });
        };
        let file = OpenOptions::new()
            .append(true)
            .open(path)
            .map_err(io_error(path))?;
        let mut outbox = Outbox {
            path: path.to_owned(),
            file,
            client_id,
            next_seq,
            settled_through,
            pending,
            lines,
        };
        if torn {
            outbox.compact()?;
        }
        Ok(outbox)
    }

    pub fn client_id(&self) -> &str {
        &self.client_id
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The highest number the host has settled.
    pub fn settled_through(&self) -> u64 {
        self.settled_through
    }

    /// Notes not yet settled, in order.
    pub fn pending(&self) -> impl Iterator<Item = (u64, &EventKind)> {
        self.pending.iter().map(|(seq, event)| (*seq, event))
    }

    /// The first pending note numbered after `seq`.
    pub fn next_after(&self, seq: u64) -> Option<(u64, EventKind)> {
        self.pending
            .range(seq + 1..)
            .next()
            .map(|(s, e)| (*s, e.clone()))
    }

    /// Numbers a note and writes it durably. When this returns, the note survives a
    /// crash of the note-taker's laptop.
    pub fn add(&mut self, event: EventKind) -> Result<u64, OutboxError> {
        let seq = self.next_seq;
        let text = line(&Entry::Note {
            seq,
            event: event.clone(),
        });
        self.file
            .write_all(text.as_bytes())
            .and_then(|()| self.file.sync_data())
            .map_err(io_error(&self.path))?;
        self.next_seq += 1;
        self.lines += 1;
        self.pending.insert(seq, event);
        Ok(seq)
    }

    /// The host acknowledged everything through `through`.
    pub fn settle(&mut self, through: u64) -> Result<(), OutboxError> {
        if through <= self.settled_through {
            return Ok(());
        }
        self.settled_through = through;
        self.pending = self.pending.split_off(&(through + 1));
        self.append(&Entry::Settled { through })
    }

    /// Note `seq` cannot travel: its text is kept in [`set_aside_path`] (fsynced),
    /// then it leaves the outbox, so it is never resent and never lost.
    pub fn set_aside(&mut self, seq: u64) -> Result<(), OutboxError> {
        let Some(event) = self.pending.get(&seq) else {
            return Ok(());
        };
        let path = set_aside_path(&self.path);
        OpenOptions::new()
            .create(true)
            .append(true)
            .open(&path)
            .and_then(|mut file| {
                file.write_all(set_aside_text(seq, event).as_bytes())?;
                file.sync_data()
            })
            .map_err(io_error(&path))?;
        self.pending.remove(&seq);
        self.append(&Entry::Dropped { seq })
    }

    /// The host refused note `seq` for good.
    pub fn drop_note(&mut self, seq: u64) -> Result<(), OutboxError> {
        if self.pending.remove(&seq).is_none() {
            return Ok(());
        }
        self.append(&Entry::Dropped { seq })
    }

    fn append(&mut self, entry: &Entry) -> Result<(), OutboxError> {
        self.file
            .write_all(line(entry).as_bytes())
            .map_err(io_error(&self.path))?;
        self.lines += 1;
        if self.lines > COMPACT_AFTER && self.pending.len() < COMPACT_AFTER / 2 {
            self.compact()?;
        }
        Ok(())
    }

    /// Rewrites the journal atomically with only what is still needed.
    fn compact(&mut self) -> Result<(), OutboxError> {
        let mut text = line(&Entry::Client {
            id: self.client_id.clone(),
            next_seq: self.next_seq,
        });
        if self.settled_through > 0 {
            text.push_str(&line(&Entry::Settled {
                through: self.settled_through,
            }));
        }
        for (&seq, event) in &self.pending {
            text.push_str(&line(&Entry::Note {
                seq,
                event: event.clone(),
            }));
        }
        write_atomically(&self.path, text.as_bytes()).map_err(io_error(&self.path))?;
        self.file = OpenOptions::new()
            .append(true)
            .open(&self.path)
            .map_err(io_error(&self.path))?;
        self.lines = text.lines().count();
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Note, NoteKind, Text};

    fn note(text: &str) -> EventKind {
        EventKind::NoteAdded(std::sync::Arc::new(Note {
            speaker: None,
            kind: NoteKind::Said,
            text: Text::new(text),
            item: None,
        }))
    }

    #[test]
    fn notes_survive_a_restart_until_settled() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("sub/outbox.ron");
        let mut outbox = Outbox::open(&path).expect("new outbox");
        let id = outbox.client_id().to_owned();
        assert_eq!(outbox.add(note("一")).expect("add"), 1);
        assert_eq!(outbox.add(note("two \"quoted\"\nline")).expect("add"), 2);
        assert_eq!(outbox.add(note("三")).expect("add"), 3);
        outbox.settle(1).expect("settle");
        outbox.drop_note(3).expect("drop");
        drop(outbox);

        let mut outbox = Outbox::open(&path).expect("reopen");
        assert_eq!(outbox.client_id(), id);
        let pending: Vec<u64> = outbox.pending().map(|(s, _)| s).collect();
        assert_eq!(pending, vec![2]);
        assert_eq!(
            outbox.pending().next().map(|(_, e)| e.clone()),
            Some(note("two \"quoted\"\nline"))
        );
        assert_eq!(outbox.add(note("四")).expect("add"), 4);
    }

    #[test]
    fn a_torn_last_line_is_ignored_and_numbering_goes_on() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("outbox.ron");
        let mut outbox = Outbox::open(&path).expect("new");
        outbox.add(note("a")).expect("add");
        drop(outbox);
        let mut file = OpenOptions::new().append(true).open(&path).expect("open");
        file.write_all(b"Note(seq: 2, event: NoteAdded((spea")
            .expect("write");
        drop(file);
        let mut outbox = Outbox::open(&path).expect("reopen");
        assert_eq!(outbox.pending().count(), 1);
        assert_eq!(outbox.add(note("b")).expect("add"), 2);
        drop(outbox);
        assert_eq!(Outbox::open(&path).expect("reopen").pending().count(), 2);
    }

    #[test]
    fn a_damaged_middle_line_is_an_error_and_the_file_is_kept() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("outbox.ron");
        let mut outbox = Outbox::open(&path).expect("new");
        outbox.add(note("a")).expect("add");
        outbox.add(note("b")).expect("add");
        drop(outbox);
        let text = fs::read_to_string(&path).expect("read");
        let damaged = text.replacen("Note(seq:1", "Nope(seq:1", 1);
        assert_ne!(damaged, text);
        fs::write(&path, &damaged).expect("write");
        let error = Outbox::open(&path).expect_err("damaged");
        assert!(
            matches!(error, OutboxError::Corrupt { line: 2, .. }),
            "{error}"
        );
        assert_eq!(fs::read_to_string(&path).expect("read"), damaged);
    }

    #[test]
    fn compaction_keeps_pending_notes_and_never_reuses_a_number() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("outbox.ron");
        let mut outbox = Outbox::open(&path).expect("new");
        for i in 0..1_200u64 {
            let seq = outbox.add(note(&format!("note {i}"))).expect("add");
            outbox.settle(seq).expect("settle");
        }
        let kept = outbox.add(note("kept")).expect("add");
        drop(outbox);
        let lines = fs::read_to_string(&path).expect("read").lines().count();
        assert!(lines < 1_100, "the journal was compacted: {lines} lines");
        let mut outbox = Outbox::open(&path).expect("reopen");
        assert_eq!(
            outbox.pending().map(|(s, _)| s).collect::<Vec<_>>(),
            vec![kept]
        );
        assert_eq!(outbox.add(note("next")).expect("add"), kept + 1);
    }
}
