//! The session file: one RON file per meeting, loaded with errors that point at the
//! line and column, and saved atomically and durably. Beside it, the spreadsheets that
//! come in and go out as CSV: a roster (`roster_csv`), the public's comments and the
//! response table (`comments_csv`), reading through what they share (`csv_table`).

pub mod comments_csv;
pub mod csv_table;
mod file;
mod locate;
mod lock;
pub mod roster_csv;
mod saver;
mod torn;

use std::io;
use std::path::{Path, PathBuf};

use ron::ser::PrettyConfig;
use thiserror::Error;

use serde::Serialize;

use crate::domain::{
    AgendaItem, Event, FollowUpEntry, Meeting, MeetingInfo, Motion, Roster, RuleBook, Session,
    SessionError,
};

pub use file::{FileKind, FileProblem, MAX_SESSION_BYTES, check_file};
pub use lock::{LockError, SessionLock};
pub use saver::{FileEnd, SaveError, SaveReport, Saver, Start};
pub use torn::Repair;

/// Why a session file could not be loaded. The file is never touched.
#[derive(Debug, Error)]
pub enum LoadError {
    #[error("{path}: {source}")]
    Io { path: PathBuf, source: io::Error },
    /// Not a file to read, or too large: refused before reading it.
    #[error("{path}: {}", .problem.words(.path, crate::domain::Lang::En))]
    File { path: PathBuf, problem: FileProblem },
    /// Not UTF-8 text, from where it stops being it.
    #[error("{path}:{line}:{column}: {}", .problem.words(.path, crate::domain::Lang::En))]
    FileAt {
        path: PathBuf,
        line: usize,
        column: usize,
        problem: FileProblem,
    },
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
    /// The same, where the file says it: the event or the rule at fault.
    #[error("{path}:{line}:{column}: {source}")]
    InvalidAt {
        path: PathBuf,
        line: usize,
        column: usize,
        source: SessionError,
    },
}

impl LoadError {
    /// The line and column the refusal names, if it names one.
    pub fn position(&self) -> Option<(usize, usize)> {
        match self {
            LoadError::Syntax { line, column, .. }
            | LoadError::FileAt { line, column, .. }
            | LoadError::InvalidAt { line, column, .. } => Some((*line, *column)),
            LoadError::Io { .. } | LoadError::File { .. } | LoadError::Invalid { .. } => None,
        }
    }
}

/// A session file read for going on with the meeting: the meeting, where its log
/// closes in the file when the file is in the layout Roundtable appends to, and what
/// a crash had cut short, if anything.
#[derive(Debug)]
pub struct Opened {
    pub meeting: Meeting,
    /// Where the next event goes; `None` for a file laid out otherwise (a hand edit)
    /// or repaired, which must be written whole before anything is appended to it.
    pub end: Option<FileEnd>,
    /// The unfinished end a crash left, which was read without.
    pub repaired: Option<Repair>,
}

/// Reads and checks a session file, folding its log. Only a regular file of at most
/// [`MAX_SESSION_BYTES`] is read. A file whose last write a crash cut short opens
/// without the unfinished part (see [`Repair`]); callers say so.
pub fn read(path: &Path) -> Result<Opened, LoadError> {
    read_bytes(file::read(path)?, path)
}

/// [`read`], for those who need only the meeting.
pub fn load(path: &Path) -> Result<Meeting, LoadError> {
    read(path).map(|opened| opened.meeting)
}

/// Parses a session from a file's bytes, which must be UTF-8; `path` names it in
/// errors.
pub fn parse_bytes(bytes: &[u8], path: &Path) -> Result<Meeting, LoadError> {
    read_bytes(bytes.to_vec(), path).map(|opened| opened.meeting)
}

/// Parses a session from text; `path` names it in errors.
pub fn parse(text: &str, path: &Path) -> Result<Meeting, LoadError> {
    parse_text(text, path).map(|(meeting, _)| meeting)
}

/// The file's bytes as a meeting. When they do not make one and their end is what an
/// interrupted append leaves (`torn::cut`), the meeting without that end; if even that
/// does not load, the refusal of the file as it is.
fn read_bytes(bytes: Vec<u8>, path: &Path) -> Result<Opened, LoadError> {
    let refusal = match file::decode(&bytes, path).and_then(|text| parse_text(text, path)) {
        Ok((meeting, appendable)) => {
            let end = appendable.then(|| FileEnd::of_len(bytes.len() as u64));
            return Ok(Opened {
                meeting,
                end: end.flatten(),
                repaired: None,
            });
        }
        Err(refusal) => refusal,
    };
    let Some((keep, repair)) = torn::cut(&bytes) else {
        return Err(refusal);
    };
    let mut mended = bytes;
    mended.truncate(keep);
    mended.extend_from_slice(log_layout::TAIL.as_bytes());
    match file::decode(&mended, path).and_then(|text| parse_text(text, path)) {
        Ok((meeting, _)) => Ok(Opened {
            meeting,
            end: None,
            repaired: Some(repair),
        }),
        Err(_) => Err(refusal),
    }
}

/// Parses and opens session text, saying whether the file is in the layout appended
/// to (its log one event to a line, ending exactly as Roundtable ends it).
fn parse_text(text: &str, path: &Path) -> Result<(Meeting, bool), LoadError> {
    if text.trim().is_empty() {
        return Err(LoadError::Syntax {
            path: path.to_owned(),
            line: 1,
            column: 1,
            message: "the file is empty".to_owned(),
            hint: "a session file starts with `(format: 1, meeting: (...` — restore it from a backup, or make a new one with `roundtable new`".to_owned(),
        });
    }
    let (session, in_layout) = parse_session(text).map_err(|e| {
        let message = e.code.to_string();
        LoadError::Syntax {
            path: path.to_owned(),
            line: e.span.start.line,
            column: e.span.start.col,
            hint: hint_for(&message),
            message,
        }
    })?;
    let appendable = in_layout && text.ends_with(log_layout::TAIL);
    let meeting = Meeting::open(session).map_err(|source| {
        let at = locate::locate(text, &source).and_then(|at| locate::position(text, at));
        match at {
            Some((line, column)) => LoadError::InvalidAt {
                path: path.to_owned(),
                line,
                column,
                source,
            },
            None => LoadError::Invalid {
                path: path.to_owned(),
                source,
            },
        }
    })?;
    Ok((meeting, appendable))
}

/// Parses session text. A file in the layout Roundtable writes, the log one event to a
/// line, has its log parsed on all cores: opening a 20,000-note meeting is mostly
/// parsing. Any other layout, and any error, goes through the one-pass parser, whose
/// errors carry the line and column. Says which it was: only our layout is appended to.
fn parse_session(text: &str) -> Result<(Session, bool), ron::error::SpannedError> {
    match parse_log_in_parallel(text) {
        Some(session) => Ok((session, true)),
        None => ron::from_str(text).map(|session| (session, false)),
    }
}

/// How the log is laid out in the file Roundtable writes: after the set-up, the log
/// opens on its own line, each event follows on a line of its own, and the log closes
/// the session. [`session_bytes`] writes exactly this, the saver appends an event by
/// writing its line where [`TAIL`](log_layout::TAIL) began, the parallel reader looks
/// for exactly this, and a file laid out otherwise is read by the one-pass parser.
mod log_layout {
    use crate::domain::Event;

    /// Ends the set-up's last field and opens the log.
    pub const OPEN: &str = "\n    log: [\n";
    /// Before each event, on its line.
    pub const EVENT_INDENT: &str = "        ";
    /// After each event, ending its line.
    pub const EVENT_END: &str = ",\n";
    macro_rules! close {
        () => {
            "    ],\n)"
        };
    }
    /// Closes the log and the session.
    pub const CLOSE: &str = close!();
    /// What the file ends with: the close and a newline. An append overwrites it with
    /// the new lines and writes it again after them.
    pub const TAIL: &str = concat!(close!(), "\n");

    /// Adds `event` as a line of the log.
    pub fn push_event(out: &mut Vec<u8>, event: &Event) {
        // Our own plain-data types always serialise; a failure would be a bug here.
        let line = ron::to_string(event)
            .unwrap_or_else(|e| panic!("an event always serialises to RON: {e}"));
        out.extend_from_slice(EVENT_INDENT.as_bytes());
        out.extend_from_slice(line.as_bytes());
        out.extend_from_slice(EVENT_END.as_bytes());
    }
}

fn parse_log_in_parallel(text: &str) -> Option<Session> {
    use log_layout::{CLOSE, OPEN};
    let open = text.rfind(OPEN)?;
    let body = open + OPEN.len();
    let close = body + text[body..].rfind(CLOSE)?;
    if !text[close + CLOSE.len()..].trim().is_empty() {
        return None;
    }
    let lines: Vec<&str> = text[body..close]
        .lines()
        .filter(|l| !l.trim().is_empty())
        .collect();
    // The set-up with an empty log.
    let mut session: Session = ron::from_str(&format!("{}{OPEN}{CLOSE}", &text[..open])).ok()?;
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get().min(8));
    let chunk = lines.len().div_ceil(threads).max(256);
    let parsed: Option<Vec<Vec<Event>>> = std::thread::scope(|scope| {
        let workers: Vec<_> = lines
            .chunks(chunk)
            .map(|lines| {
                scope.spawn(move || {
                    lines
                        .iter()
                        .map(|line| ron::from_str::<Event>(line.trim().strip_suffix(',')?).ok())
                        .collect::<Option<Vec<Event>>>()
                })
            })
            .collect();
        workers
            .into_iter()
            .map(|worker| worker.join().ok().flatten())
            .collect()
    });
    session.log = parsed?.into_iter().flatten().collect();
    Some(session)
}

fn hint_for(message: &str) -> String {
    // chrono's words for a date or time it cannot read.
    let bad_time = [
        "input is out of range",
        "premature end of input",
        "input contains invalid characters",
        "input is not enough",
        "trailing input",
        "bad or unsupported format",
    ];
    let hint = if bad_time.iter().any(|m| message.contains(m)) {
        "dates are written \"2026-12-03\", times \"14:00:00\", and moments \"2026-12-03T14:05:00+08:00\""
    } else if message.contains("Unexpected end of RON") || message.contains("unexpected end") {
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

/// The session as RON text: the set-up pretty-printed, then the log one event to a
/// line, so a hand edit finds each event on its own line.
pub fn to_ron(session: &Session) -> String {
    String::from_utf8(session_bytes(session))
        .unwrap_or_else(|e| panic!("RON is written as UTF-8: {e}"))
}

/// The set-up fields of `Session`, in its order, borrowed: what comes before the log.
#[derive(Serialize)]
struct Head<'a> {
    format: u32,
    meeting: &'a MeetingInfo,
    rules: &'a RuleBook,
    roster: &'a Roster,
    agenda: &'a [AgendaItem],
    motions: &'a [Motion],
    #[serde(skip_serializing_if = "<[FollowUpEntry]>::is_empty")]
    follow_up: &'a [FollowUpEntry],
}

/// The whole file's bytes, in the layout of [`log_layout`].
fn session_bytes(session: &Session) -> Vec<u8> {
    // Destructured, so a field added to `Session` cannot be forgotten here.
    let Session {
        format,
        meeting,
        rules,
        roster,
        agenda,
        motions,
        follow_up,
        log,
    } = session;
    let head = Head {
        format: *format,
        meeting,
        rules,
        roster,
        agenda,
        motions,
        follow_up,
    };
    let config = PrettyConfig::new()
        .depth_limit(3)
        .struct_names(false)
        .escape_strings(true);
    let head = ron::ser::to_string_pretty(&head, config)
        .unwrap_or_else(|e| panic!("a session always serialises to RON: {e}"));
    // Reopen the struct to append the log after the set-up's last field.
    let head = head.trim_end().trim_end_matches(')').trim_end();
    let mut out = Vec::with_capacity(head.len() + 512 * log.len());
    out.extend_from_slice(head.as_bytes());
    if !head.ends_with(',') {
        out.push(b',');
    }
    out.extend_from_slice(log_layout::OPEN.as_bytes());
    for event in log {
        log_layout::push_event(&mut out, event);
    }
    out.extend_from_slice(log_layout::TAIL.as_bytes());
    out
}

/// Writes the whole session atomically and durably: a temporary file in the same
/// folder, fsync, rename over the old file, fsync the folder. A crash at any point
/// leaves either the old file or the new one, never a mix. Returns where its log
/// closes, for a [`Saver`] to append from.
pub fn save(path: &Path, session: &Session) -> io::Result<FileEnd> {
    let bytes = session_bytes(session);
    crate::durable::write_atomically(path, &bytes)?;
    FileEnd::of_len(bytes.len() as u64)
        .ok_or_else(|| io::Error::other("a session file always ends with the log's close"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Author, EventKind, Meeting, PersonId, Text};
    use std::fs;

    /// The demo's set-up without its log (the public's comments imported before the
    /// day).
    fn demo_set_up() -> Meeting {
        let mut session = load(Path::new("sessions/demo.ron"))
            .expect("demo loads")
            .into_session();
        session.log.clear();
        Meeting::open(session).expect("the set-up opens")
    }

    #[test]
    fn the_log_is_written_one_event_to_a_line_and_reads_back() {
        let path = Path::new("sessions/demo.ron");
        let mut meeting = demo_set_up();
        let at = chrono::DateTime::parse_from_rfc3339("2026-12-03T14:00:00+08:00").expect("time");
        for id in ["cec-deputy", "open-culture"] {
            meeting
                .record(
                    at,
                    Author::Facilitator,
                    EventKind::Arrived {
                        person: PersonId::new(id),
                    },
                )
                .expect("arrives");
        }
        let text = to_ron(meeting.session());
        let lines: Vec<&str> = text.lines().filter(|l| l.contains("Arrived")).collect();
        assert_eq!(lines.len(), 2, "{text}");
        assert!(lines[0].trim_start().starts_with("(seq:1,"), "{}", lines[0]);
        let back = parse(&text, path).expect("reads back");
        assert_eq!(back.session(), meeting.session());
        assert_eq!(
            back.session().meeting.title,
            Text::bilingual(
                "開放政府國家行動方案「公民投票電子連署」多元利害關係人論壇",
                "Open Government National Action Plan: Multi-stakeholder Forum on Electronic Co-signing for Referendums"
            )
        );
    }

    #[test]
    fn the_parallel_reading_of_the_log_gives_what_the_one_pass_parser_gives() {
        let mut sessions = vec![crate::testdata::finished_demo()];
        for dir in ["tests/fixtures/valid", "sessions"] {
            for entry in fs::read_dir(dir).expect("fixtures") {
                let path = entry.expect("entry").path();
                if path.extension().is_some_and(|e| e == "ron") {
                    sessions.push(load(&path).expect("loads").into_session());
                }
            }
        }
        for session in sessions {
            let text = to_ron(&session);
            let parallel =
                parse_log_in_parallel(&text).expect("our own layout is read in parallel");
            let one_pass: Session = ron::from_str(&text).expect("parses");
            assert_eq!(parallel, one_pass);
            assert_eq!(parallel, session);
        }
    }

    #[test]
    fn a_hand_edited_log_falls_back_to_the_one_pass_parser() {
        let session = crate::testdata::finished_demo();
        let text = to_ron(&session);
        // Two events joined on one line, and a comment: not our layout.
        let second = format!(
            "){}{}(seq:2,",
            log_layout::EVENT_END,
            log_layout::EVENT_INDENT
        );
        let joined = text.replacen(&second, "), (seq:2,", 1);
        let commented = text.replacen(
            log_layout::OPEN,
            &format!(
                "{}{}// arrivals\n",
                log_layout::OPEN,
                log_layout::EVENT_INDENT
            ),
            1,
        );
        for edited in [joined, commented] {
            assert!(parse_log_in_parallel(&edited).is_none());
            assert_eq!(
                parse(&edited, Path::new("x")).expect("loads").session(),
                &session
            );
        }
        // A broken event still gets its line and column from the one-pass parser.
        let broken = text.replacen("(seq:2,", "(seq:2,,", 1);
        let error = parse(&broken, Path::new("x.ron")).expect_err("refused");
        assert!(error.to_string().starts_with("x.ron:"), "{error}");
    }

    #[test]
    fn an_empty_log_reads_back() {
        let meeting = demo_set_up();
        let text = to_ron(meeting.session());
        let empty_log = format!("{}{}", log_layout::OPEN, log_layout::CLOSE);
        assert!(text.contains(&empty_log), "{text}");
        assert_eq!(
            parse(&text, Path::new("x")).expect("reads").session(),
            meeting.session()
        );
    }
}
