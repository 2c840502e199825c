//! Keys typed faster than a screen draws, through the real binary in a pseudo-terminal:
//! a paste the terminal sends as keys (no bracketed paste), a barcode scanner, an input
//! method committing a long phrase. Every byte must be read and handled, whatever the
//! size of the burst, and Ctrl-C must quit during or right after one.

mod support;

use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use roundtable::domain::EventKind;
use support::pty::Pty;

fn copy_of_the_demo(dir: &Path) -> PathBuf {
    let path = dir.join("meeting.ron");
    fs::copy("sessions/demo.ron", &path).expect("copy the demo");
    path
}

/// The facilitator's screen with the keyboard in the note editor.
fn note_editor(path: &Path) -> Pty {
    let dir = path.parent().expect("a folder");
    let mut pty = Pty::spawn(&["open", path.to_str().expect("utf-8 path")], dir, 120, 40);
    pty.wait_for("出席委員 0 人");
    pty.send("4");
    pty
}

/// `len` bytes of typed text that show where any piece of it went missing: a
/// numbered run of letters, so no stretch of it repeats within a screen's width.
fn typed_text(len: usize) -> String {
    let mut text = String::with_capacity(len + 16);
    let mut n = 0;
    while text.len() < len {
        text.push_str(&format!("{n:05}abcdefghij"));
        n += 1;
    }
    text.truncate(len);
    text
}

/// The notes of the saved session.
fn saved_notes(path: &Path) -> Vec<String> {
    let meeting = roundtable::store::load(path).expect("the saved session loads");
    meeting
        .session()
        .log
        .iter()
        .filter_map(|e| match &e.kind {
            EventKind::NoteAdded(note) => Some(note.text.text.clone()),
            _ => None,
        })
        .collect()
}

/// Types a burst of `len` bytes into the note editor in one write, as a paste without
/// bracketed paste arrives: all of it must reach the editor (its end shows on the
/// screen), and the note recorded with Enter must be all of it, in order.
fn a_burst_arrives_whole(len: usize) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = copy_of_the_demo(dir.path());
    let mut pty = note_editor(&path);
    let text = typed_text(len);

    let started = Instant::now();
    let typing = pty.send_in_background(text.clone());
    // The editor keeps its cursor in view, so the end of the text shows once the
    // last byte was read and handled.
    let tail = &text[len - 30..];
    pty.wait_for(tail);
    eprintln!(
        "{len} bytes typed: on the screen after {:?}",
        started.elapsed()
    );
    typing.join().expect("the typing thread");

    pty.send("\r");
    pty.send("\x03");
    assert!(pty.wait_exit(), "Ctrl-C quits cleanly");
    assert!(pty.terminal_is_restored());
    let notes = saved_notes(&path);
    let note = notes.last().expect("the note was recorded");
    assert_eq!(note.len(), len, "every byte typed is in the note");
    assert!(*note == text, "the note is the text typed, in order");
}

#[test]
fn a_burst_of_4_kb_typed_into_the_note_editor_arrives_whole() {
    a_burst_arrives_whole(4 * 1024);
}

#[test]
fn a_burst_of_64_kb_typed_into_the_note_editor_arrives_whole() {
    a_burst_arrives_whole(64 * 1024);
}

/// Ctrl-C written in the same burst as the text it follows (twice: the first only
/// warns that the typed note is not sent) quits, and gives the terminal back.
fn ctrl_c_in_a_burst_quits(before: usize, after: usize) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = copy_of_the_demo(dir.path());
    let mut pty = note_editor(&path);
    let burst = format!("{}\x03\x03{}", typed_text(before), typed_text(after));

    let started = Instant::now();
    let _typing = pty.send_in_background(burst);
    assert!(pty.wait_exit(), "Ctrl-C quits cleanly");
    let took = started.elapsed();
    eprintln!("Ctrl-C after {before} bytes typed: quit after {took:?}");
    assert!(pty.terminal_is_restored());
    // Every key before Ctrl-C is handled first, in order; a debug build on a busy
    // machine does that in well under this.
    assert!(took < Duration::from_secs(10), "quitting took {took:?}");
    assert!(saved_notes(&path).is_empty(), "no note was entered");
}

#[test]
fn ctrl_c_in_the_middle_of_a_64_kb_burst_quits() {
    // What comes after Ctrl-C fits in the terminal's buffer, so the writer does not
    // wait for a program that has left.
    ctrl_c_in_a_burst_quits(60 * 1024, 1024);
}

#[test]
fn ctrl_c_right_after_a_64_kb_burst_quits() {
    ctrl_c_in_a_burst_quits(64 * 1024, 0);
}

/// The note-taker's screen runs on the same loop: a burst typed into its editor
/// arrives whole, and the note the host saves is all of it.
#[test]
fn a_burst_typed_into_the_note_takers_editor_arrives_whole() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = copy_of_the_demo(dir.path());
    let (mut host, address, code) = Pty::listening(&path, "127.0.0.1:0");
    let outbox = dir.path().join("outbox.ron");
    let mut taker = Pty::spawn(
        &[
            "join",
            &address,
            &code,
            "--name",
            "書記",
            "--outbox",
            outbox.to_str().expect("utf-8 path"),
        ],
        dir.path(),
        100,
        30,
    );
    taker.wait_for("已連線 ✓");

    // Well past the kilobyte where reading used to stop, and within what the link
    // carries in one note (`net::host::MAX_NOTE_MESSAGE`).
    let len = 8 * 1024;
    let text = typed_text(len);
    let typing = taker.send_in_background(text.clone());
    taker.wait_for(&text[len - 30..]);
    typing.join().expect("the typing thread");
    taker.send("\r");
    // The host saves it (the note is longer than its panel shows).
    let deadline = Instant::now() + Duration::from_secs(20);
    while saved_notes(&path).is_empty() {
        assert!(Instant::now() < deadline, "the host saved no note");
        std::thread::sleep(Duration::from_millis(50));
    }
    taker.wait_until("the host's acknowledgement", |s| {
        !s.contains("…傳送") && !s.contains("待主持端儲存")
    });
    taker.send("\x03");
    assert!(taker.wait_exit(), "Ctrl-C quits cleanly");
    assert!(taker.terminal_is_restored());

    host.send("q");
    assert!(host.wait_exit(), "the host quits cleanly");
    assert_eq!(saved_notes(&path), [text]);
}
