//! Saves that append, and the crashes they must survive: the file cut at every byte
//! of its last appended events (and grown with zero bytes where the system had made
//! it longer but not written it), a writer killed with SIGKILL in a loop, another
//! program changing the file underneath, and a hand-made file.

#[path = "support/saved.rs"]
mod saved;
mod support;

use std::fs;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use roundtable::domain::{
    Author, Event, EventKind, ItemId, Meeting, Note, NoteKind, Seq, Stamp, Text,
};
use roundtable::store::{self, Saver, Start};
use saved::wait_saved;
use support::pty::Pty;

fn at(second: i64) -> Stamp {
    chrono::DateTime::parse_from_rfc3339("2026-12-03T14:00:00+08:00").expect("a time")
        + chrono::Duration::seconds(second)
}

fn note(i: usize) -> EventKind {
    EventKind::NoteAdded(Arc::new(Note {
        speaker: None,
        kind: NoteKind::Narrative,
        // Chinese, so that a cut falls inside characters too.
        text: Text::bilingual(format!("第 {i} 則：與會者討論期程。"), format!("Note {i}.")),
        item: Some(ItemId::new("report-system-progress")),
    }))
}

fn demo() -> Meeting {
    store::load(Path::new("sessions/demo.ron")).expect("the demo loads")
}

/// A session saved whole, then `appended` notes appended one at a time, each waited
/// for: the file, the meeting, and the file's length when each was acknowledged.
fn appended(dir: &Path, appended: usize) -> (PathBuf, Meeting, Vec<u64>) {
    let path = dir.join("meeting.ron");
    let mut meeting = demo();
    let end = store::save(&path, meeting.session()).expect("saved");
    let (reports, mut saved) = tokio::sync::mpsc::unbounded_channel();
    let saver = Saver::spawn(path.clone(), end, reports);
    let mut acknowledged = vec![end.file_len()];
    for i in 0..appended {
        let event = meeting
            .record(at(i as i64), Author::Facilitator, note(i))
            .expect("recorded")
            .clone();
        let seq = event.seq;
        saver.append(event);
        wait_saved(&mut saved, seq);
        acknowledged.push(fs::metadata(&path).expect("metadata").len());
    }
    saver.finish().expect("saved");
    (path, meeting, acknowledged)
}

#[test]
fn appending_writes_the_file_a_whole_save_would_write() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (path, meeting, _) = appended(dir.path(), 20);
    assert_eq!(
        fs::read_to_string(&path).expect("read"),
        store::to_ron(meeting.session())
    );
    let opened = store::read(&path).expect("opens");
    assert_eq!(opened.meeting.session(), meeting.session());
    assert_eq!(opened.repaired, None);
    assert!(opened.end.is_some(), "and is appended to again");
}

#[test]
fn a_file_cut_at_any_byte_of_its_last_appends_opens_with_every_acknowledged_event() {
    const LAST: usize = 3;
    let dir = tempfile::tempdir().expect("temp dir");
    let (path, meeting, acknowledged) = appended(dir.path(), 8);
    let whole = fs::read(&path).expect("read");
    let log = &meeting.session().log;
    let tail = "    ],\n)\n".len() as u64;
    let first = acknowledged[acknowledged.len() - 1 - LAST];
    let cut_path = dir.path().join("cut.ron");
    let mut checked = 0;
    for offset in first..=whole.len() as u64 {
        // Cut there, and cut there with the rest of the length zero bytes.
        let cut = &whole[..offset as usize];
        let mut grown = cut.to_vec();
        grown.resize(whole.len(), 0);
        for bytes in [cut.to_vec(), grown] {
            fs::write(&cut_path, &bytes).expect("write");
            let opened = store::read(&cut_path)
                .unwrap_or_else(|e| panic!("cut at {offset} of {}: {e}", whole.len()));
            // Every event whose line is whole is there: those acknowledged and any
            // whose close had not been written yet.
            let whole_lines = acknowledged[1..]
                .iter()
                .filter(|&&len| len - tail <= offset)
                .count();
            let kept = &opened.meeting.session().log;
            let expected = log.len() - (acknowledged.len() - 1) + whole_lines;
            assert_eq!(kept.len(), expected, "cut at {offset}");
            assert_eq!(kept[..], log[..expected], "cut at {offset}");
            // Only the whole file (its last newline aside) needs no repair: each
            // append wrote over the close that ended the file before it.
            let clean = bytes == whole || bytes == whole[..whole.len() - 1];
            assert_eq!(opened.repaired.is_none(), clean, "cut at {offset}");
            if let Some(repair) = &opened.repaired {
                // Only a cut after an event's line began loses (unacknowledged) text.
                assert_eq!(
                    repair.lost_an_event(),
                    kept.len() < log.len() && !repair.dropped.iter().all(|&b| b == b' '),
                    "cut at {offset}: {repair:?}"
                );
            }
            checked += 1;
        }
    }
    assert!(checked > 300, "{checked} cuts checked");
}

#[test]
fn check_and_minutes_read_a_cut_file_and_say_what_was_left_out() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (path, meeting, acknowledged) = appended(dir.path(), 2);
    let whole = fs::read(&path).expect("read");
    // Halfway through the last note's line.
    let last_line = acknowledged[1] as usize - "    ],\n)\n".len();
    let cut_at = last_line + (whole.len() - last_line) / 2;
    fs::write(&path, &whole[..cut_at]).expect("cut");
    let output = Command::new(env!("CARGO_BIN_EXE_roundtable"))
        .args(["check", path.to_str().expect("utf-8")])
        .output()
        .expect("runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stderr}");
    let line = 1 + whole[..last_line].iter().filter(|&&b| b == b'\n').count();
    assert!(
        stderr.contains("cut short") && stderr.contains(&format!("from line {line}")),
        "{stderr}"
    );
    assert_eq!(
        fs::read(&path).expect("read"),
        &whole[..cut_at],
        "check writes nothing"
    );
    let loaded = store::load(&path).expect("loads");
    assert_eq!(loaded.session().log.len(), meeting.session().log.len() - 1);
}

#[test]
fn open_keeps_the_unfinished_end_aside_and_says_so_on_the_screen() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (path, meeting, acknowledged) = appended(dir.path(), 2);
    let whole = fs::read(&path).expect("read");
    let last_line = acknowledged[1] as usize - "    ],\n)\n".len();
    let cut_at = last_line + 30;
    fs::write(&path, &whole[..cut_at]).expect("cut");

    let mut pty = Pty::spawn(
        &["open", path.to_str().expect("utf-8")],
        dir.path(),
        120,
        40,
    );
    pty.wait_for("最後一次寫入被中斷");
    pty.send("q");
    assert!(pty.wait_exit(), "quits cleanly");

    let opened = store::read(&path).expect("opens");
    assert_eq!(opened.repaired, None, "the file was written whole again");
    assert!(opened.end.is_some());
    assert_eq!(
        opened.meeting.session().log.len(),
        meeting.session().log.len() - 1
    );
    let kept: Vec<PathBuf> = fs::read_dir(dir.path())
        .expect("dir")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.to_string_lossy().contains(".unfinished-"))
        .collect();
    let [kept] = kept.as_slice() else {
        panic!("one unfinished end kept: {kept:?}");
    };
    assert_eq!(fs::read(kept).expect("read"), &whole[last_line..cut_at]);
}

#[test]
fn a_file_changed_by_another_program_is_not_appended_to() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("meeting.ron");
    let mut meeting = demo();
    let end = store::save(&path, meeting.session()).expect("saved");
    let (reports, _saved) = tokio::sync::mpsc::unbounded_channel();
    let saver = Saver::spawn(path.clone(), end, reports);
    let record = |meeting: &mut Meeting, i: usize| -> Event {
        meeting
            .record(at(i as i64), Author::Facilitator, note(i))
            .expect("recorded")
            .clone()
    };
    saver.append(record(&mut meeting, 1));
    saver.flush().expect("saved");

    // Another program writes the file anew (an editor's save).
    let theirs = store::to_ron(demo().session());
    roundtable::durable::write_atomically(&path, theirs.as_bytes()).expect("replaced");
    saver.append(record(&mut meeting, 2));
    let error = saver.flush().expect_err("refused").to_string();
    assert!(error.contains("changed, moved or replaced"), "{error}");
    assert_eq!(
        fs::read_to_string(&path).expect("read"),
        theirs,
        "theirs is kept"
    );
}

#[test]
fn a_hand_made_file_is_left_as_it_is_until_the_first_change() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("meeting.ron");
    fs::copy("sessions/demo.ron", &path).expect("copy");
    let before = fs::read(&path).expect("read");
    let opened = store::read(&path).expect("opens");
    assert_eq!(opened.end, None, "the demo is laid out by hand");
    let mut meeting = opened.meeting;
    let (reports, mut saved) = tokio::sync::mpsc::unbounded_channel();
    let saver = Saver::spawn(
        path.clone(),
        Start::Rewrite(Box::new(meeting.session().clone())),
        reports,
    );
    std::thread::sleep(Duration::from_millis(50));
    assert_eq!(
        fs::read(&path).expect("read"),
        before,
        "untouched until a change"
    );
    for i in 0..3 {
        let event = meeting
            .record(at(i), Author::Facilitator, note(i as usize))
            .expect("recorded")
            .clone();
        let seq = event.seq;
        saver.append(event);
        wait_saved(&mut saved, seq);
    }
    saver.finish().expect("saved");
    assert_eq!(
        fs::read_to_string(&path).expect("read"),
        store::to_ron(meeting.session())
    );
}

/// The child of the SIGKILL loop, run by it alone: appends notes as fast as it can to
/// the file named by `ROUNDTABLE_CRASH_CHILD`, printing each one's number once it is
/// acknowledged.
#[test]
#[ignore = "the child process of a_writer_killed_at_random_in_a_loop_loses_nothing_it_acknowledged"]
fn crash_child() {
    let Some(path) = std::env::var_os("ROUNDTABLE_CRASH_CHILD") else {
        return;
    };
    use std::io::Write;
    let path = PathBuf::from(path);
    let opened = store::read(&path).expect("the child opens the file");
    let mut meeting = opened.meeting;
    let start = match opened.end {
        Some(end) => Start::Append(end),
        None => Start::Append(store::save(&path, meeting.session()).expect("saved")),
    };
    let (reports, mut saved) = tokio::sync::mpsc::unbounded_channel();
    let saver = Saver::spawn(path, start, reports);
    let mut stdout = std::io::stdout();
    for i in 0.. {
        let event = meeting
            .record(at(0), Author::Facilitator, note(i))
            .expect("recorded")
            .clone();
        let seq = event.seq;
        saver.append(event);
        wait_saved(&mut saved, seq);
        writeln!(stdout, "saved {}", seq.0).expect("stdout");
        stdout.flush().expect("stdout");
    }
}

#[test]
fn a_writer_killed_at_random_in_a_loop_loses_nothing_it_acknowledged() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("meeting.ron");
    store::save(&path, demo().session()).expect("saved");
    let mut acknowledged = 0;
    let mut rounds = 0;
    let started = Instant::now();
    // Kill times spread over 20–150 ms, different each round.
    for round in 0..15u64 {
        let mut child = Command::new(std::env::current_exe().expect("the test binary"))
            .args(["--exact", "crash_child", "--ignored", "--nocapture"])
            .env("ROUNDTABLE_CRASH_CHILD", &path)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("the child starts");
        let stdout = child.stdout.take().expect("stdout");
        let reader = std::thread::spawn(move || {
            BufReader::new(stdout)
                .lines()
                .map_while(Result::ok)
                .filter_map(|l| l.strip_prefix("saved ").and_then(|n| n.parse::<u64>().ok()))
                .last()
        });
        std::thread::sleep(Duration::from_millis(20 + (round * 37) % 130));
        child.kill().expect("SIGKILL");
        let _ = child.wait();
        let last_acknowledged = reader.join().expect("reader");

        let opened = store::read(&path)
            .unwrap_or_else(|e| panic!("round {round}: the file opens after SIGKILL: {e}"));
        let log = &opened.meeting.session().log;
        if let Some(last) = last_acknowledged {
            assert!(
                log.iter().any(|e| e.seq == Seq(last)),
                "round {round}: event {last} was acknowledged but is not in the file"
            );
            acknowledged += 1;
        }
        rounds += 1;
    }
    assert_eq!(rounds, 15);
    assert!(
        acknowledged >= 10,
        "only {acknowledged} rounds acknowledged anything"
    );
    assert!(started.elapsed() < Duration::from_secs(120));
}
