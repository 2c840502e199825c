//! Live note-taking with two real processes over loopback, each in its own
//! pseudo-terminal: the facilitator's `open --listen` and the note-taker's `join`.
//! Notes typed in one terminal must show on the other and land in the saved session
//! exactly once, in order, whichever side is killed on the way.
//!
//! The host listens on port 0 and shows the port it got; the tests read the address
//! and the join code off its screen, as a note-taker would.

mod support;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use roundtable::domain::{Author, EventKind};
use support::pty::Pty;

const NAME: &str = "書記";

/// The flood test measures the facilitator's key latency, so it runs alone: the
/// other tests of this file share the machine with each other, never with it.
static MACHINE: std::sync::RwLock<()> = std::sync::RwLock::new(());

fn shared() -> std::sync::RwLockReadGuard<'static, ()> {
    MACHINE.read().unwrap_or_else(|e| e.into_inner())
}

fn alone() -> std::sync::RwLockWriteGuard<'static, ()> {
    MACHINE.write().unwrap_or_else(|e| e.into_inner())
}

fn copy_of_the_demo(dir: &Path) -> PathBuf {
    let path = dir.join("meeting.ron");
    fs::copy("sessions/demo.ron", &path).expect("copy the demo");
    path
}

/// The note-taker's screen, joined (it waits for the connection).
fn note_taker(dir: &Path, address: &str, code: &str, outbox: &Path) -> Pty {
    let pty = Pty::spawn(
        &[
            "join",
            address,
            code,
            "--name",
            NAME,
            "--outbox",
            outbox.to_str().expect("utf-8 path"),
        ],
        dir,
        100,
        30,
    );
    pty.wait_for("已連線 ✓");
    pty
}

fn note(n: usize) -> String {
    format!("第{n:02}則：建議分階段上線")
}

/// Types notes `range` into the note-taker's editor, each followed by Enter.
fn type_notes(pty: &mut Pty, range: std::ops::RangeInclusive<usize>) {
    let keys: String = range.map(|n| format!("{}\r", note(n))).collect();
    pty.send(&keys);
}

/// Waits until every note of ours on the note-taker's screen is saved by the host.
fn wait_all_saved(pty: &Pty) {
    pty.wait_until("every note saved by the host", |s| {
        !s.contains("…傳送") && !s.contains("待主持端儲存")
    });
}

/// The notes of the saved session taken by the note-taker, in log order.
fn saved_notes(path: &Path) -> Vec<String> {
    let meeting = roundtable::store::load(path).expect("the saved session loads");
    meeting
        .session()
        .log
        .iter()
        .filter(|e| e.by == Author::NoteTaker(NAME.into()))
        .filter_map(|e| match &e.kind {
            EventKind::NoteAdded(note) => Some(note.text.text.clone()),
            _ => None,
        })
        .collect()
}

fn expected(range: std::ops::RangeInclusive<usize>) -> Vec<String> {
    range.map(note).collect()
}

fn quit_host(host: &mut Pty) {
    host.send("q");
    assert!(host.wait_exit(), "the host quits cleanly");
}

#[test]
fn notes_typed_by_the_note_taker_show_on_the_facilitators_screen_and_are_saved() {
    let _machine = shared();
    let dir = tempfile::tempdir().expect("temp dir");
    let path = copy_of_the_demo(dir.path());
    let (mut host, address, code) = Pty::listening(&path, "127.0.0.1:0");
    // The code is typed as a person might: lower case, no dash.
    let typed_code = code.replace('-', "").to_lowercase();
    let mut taker = note_taker(
        dir.path(),
        &address,
        &typed_code,
        &dir.path().join("outbox.ron"),
    );
    host.wait_for("已連線：書記");

    // The note-taker sees the meeting the facilitator runs.
    host.send(" ");
    taker.wait_for("出席委員 1 人");

    type_notes(&mut taker, 1..=5);
    let screen = host.wait_for(&note(5));
    assert!(screen.contains(&format!("✎{NAME} {}", note(1))), "{screen}");
    wait_all_saved(&taker);
    let screen = taker.screen();
    assert_eq!(screen.matches("✓已存").count(), 5, "{screen}");

    quit_host(&mut host);
    assert_eq!(saved_notes(&path), expected(1..=5));
    taker.wait_for("主持端離線");
}

#[test]
fn a_note_taker_killed_mid_stream_and_restarted_loses_no_note_and_doubles_none() {
    let _machine = shared();
    let dir = tempfile::tempdir().expect("temp dir");
    let path = copy_of_the_demo(dir.path());
    let outbox = dir.path().join("outbox.ron");
    let (mut host, address, code) = Pty::listening(&path, "127.0.0.1:0");
    let mut taker = note_taker(dir.path(), &address, &code, &outbox);

    // Twelve notes in one go; SIGKILL as soon as the last is in the outbox (on
    // screen), before the host can have acknowledged them all.
    type_notes(&mut taker, 1..=12);
    let at_kill = taker.wait_for(&note(12));
    taker.kill_hard();
    let unsaved_at_kill = at_kill.matches("…傳送").count();
    eprintln!("notes not yet acknowledged when the note-taker was killed: {unsaved_at_kill}");

    // The same command again: the outbox resends what was not acknowledged.
    let mut taker = note_taker(dir.path(), &address, &code, &outbox);
    type_notes(&mut taker, 13..=15);
    host.wait_for(&note(15));
    wait_all_saved(&taker);

    quit_host(&mut host);
    assert_eq!(saved_notes(&path), expected(1..=15));
}

#[test]
fn the_host_killed_and_restarted_loses_no_note_and_doubles_none() {
    let _machine = shared();
    let dir = tempfile::tempdir().expect("temp dir");
    let path = copy_of_the_demo(dir.path());
    let (mut host, address, code) = Pty::listening(&path, "127.0.0.1:0");
    let mut taker = note_taker(dir.path(), &address, &code, &dir.path().join("outbox.ron"));

    type_notes(&mut taker, 1..=4);
    host.wait_for(&note(4));
    wait_all_saved(&taker);
    // Mid-stream: the host dies as the next notes arrive, some recorded but maybe
    // not saved, some not even received.
    type_notes(&mut taker, 5..=10);
    host.wait_for(&note(5));
    host.kill_hard();

    // The note-taker says so and keeps taking notes.
    taker.wait_for("主持端離線");
    type_notes(&mut taker, 11..=12);
    taker.wait_for(&note(12));

    // The facilitator starts again on the same port; the code is new, and the
    // note-taker is told it through the new-code dialog.
    let (mut host, again, code) = Pty::listening(&path, &address);
    assert_eq!(again, address);
    taker.wait_for("代碼錯誤");
    taker.send("\x0f");
    taker.wait_for("主持端畫面上的加入代碼");
    taker.send(&format!("{code}\r"));
    taker.wait_for("已連線 ✓");
    host.wait_for(&note(12));
    wait_all_saved(&taker);

    quit_host(&mut host);
    assert_eq!(saved_notes(&path), expected(1..=12));
}

// ---- refusals: a clear message, a non-zero exit, the terminal untouched --------------

fn roundtable(args: &[&str], cwd: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_roundtable"))
        .args(args)
        .current_dir(cwd)
        .stdin(Stdio::null())
        .output()
        .expect("the binary runs")
}

#[track_caller]
fn failed_with(output: &Output, words: &str) {
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!output.status.success(), "it must fail: {stderr}");
    assert!(stderr.starts_with("roundtable: "), "{stderr}");
    assert!(stderr.contains(words), "{words:?} in {stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    // Nothing on stdout: no screen was drawn, no terminal mode was set.
    assert!(output.stdout.is_empty() || !output.stdout.contains(&0x1b));
}

#[test]
fn a_wrong_code_is_refused_with_a_message_and_the_facilitator_sees_the_attempt() {
    let _machine = shared();
    let dir = tempfile::tempdir().expect("temp dir");
    let path = copy_of_the_demo(dir.path());
    let (host, address, code) = Pty::listening(&path, "127.0.0.1:0");
    let wrong = if code == "2222-2222" {
        "3333-3333"
    } else {
        "2222-2222"
    };
    let outbox = dir.path().join("outbox.ron");
    let output = roundtable(
        &[
            "join",
            &address,
            wrong,
            "--name",
            NAME,
            "--outbox",
            outbox.to_str().expect("utf-8"),
        ],
        dir.path(),
    );
    failed_with(&output, "does not accept the join code 2222-2222");
    host.wait_for("錯誤代碼 1 次");
}

#[test]
fn bad_addresses_ports_in_use_and_nobody_listening_are_clear_failures() {
    let _machine = shared();
    let dir = tempfile::tempdir().expect("temp dir");
    let path = copy_of_the_demo(dir.path());
    let file = path.to_str().expect("utf-8");

    let taken = std::net::TcpListener::bind("127.0.0.1:0").expect("a port");
    let port = taken.local_addr().expect("bound").port();
    // `open` asks for a terminal before it listens: run it in one, as a facilitator would.
    let refused_in_a_terminal = |listen: &str, words: &str| {
        let mut pty = Pty::spawn(&["open", file, "--listen", listen], dir.path(), 250, 20);
        assert!(!pty.wait_exit(), "it must fail");
        let screen = pty.wait_for(words);
        assert!(screen.contains("roundtable: "), "{screen}");
        assert!(!screen.contains("panicked"), "{screen}");
        assert!(pty.terminal_is_restored(), "{screen}");
    };
    refused_in_a_terminal(&format!("127.0.0.1:{port}"), "is already in use");
    let output = roundtable(&["open", file, "--listen", "127.0.0.1"], dir.path());
    failed_with(&output, "has no port");
    refused_in_a_terminal("198.51.100.7:7878", "is not an address of this computer");

    // Nobody listens on a port just freed.
    drop(taken);
    let outbox = dir.path().join("outbox.ron");
    let outbox = outbox.to_str().expect("utf-8");
    let address = format!("127.0.0.1:{port}");
    let output = roundtable(
        &[
            "join",
            &address,
            "K7QM-4TXP",
            "--name",
            NAME,
            "--outbox",
            outbox,
        ],
        dir.path(),
    );
    failed_with(&output, "cannot reach");
    let output = roundtable(
        &[
            "join",
            "127.0.0.1",
            "K7QM-4TXP",
            "--name",
            NAME,
            "--outbox",
            outbox,
        ],
        dir.path(),
    );
    failed_with(&output, "has no port");
    let output = roundtable(
        &[
            "join", &address, "K7QM-4TX", "--name", NAME, "--outbox", outbox,
        ],
        dir.path(),
    );
    failed_with(&output, "8 characters");
    let output = roundtable(
        &[
            "join",
            &address,
            "K7QM-4TXP",
            "--name",
            " ",
            "--outbox",
            outbox,
        ],
        dir.path(),
    );
    failed_with(&output, "1 to 64 characters");
    // The session file was never touched.
    assert_eq!(
        fs::read(&path).expect("readable"),
        fs::read("sessions/demo.ron").expect("readable")
    );
}

// ---- a flood of notes, and the facilitator's keyboard -------------------------------

/// How long the flood lasts.
const FLOOD: Duration = Duration::from_secs(10);
/// The longest a key may wait to be answered on the facilitator's screen.
const KEY_LIMIT: Duration = Duration::from_millis(50);

#[test]
fn a_note_taker_flooding_notes_leaves_the_facilitators_keys_answered_within_50_ms() {
    let _machine = alone();
    use roundtable::domain::{Note, NoteKind, Text};
    use roundtable::net::{Client, ClientConfig, ClientEvent, ConnectionState, client};

    let dir = tempfile::tempdir().expect("temp dir");
    let path = copy_of_the_demo(dir.path());
    let (mut host, address, code) = Pty::listening(&path, "127.0.0.1:0");

    // A note-taker in this process, sending as fast as its outbox allows.
    let outbox = dir.path().join("flood-outbox.ron");
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let stopping = stop.clone();
    let flood = std::thread::spawn(move || {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .expect("a runtime");
        runtime.block_on(async move {
            let config = ClientConfig::new("flood", code.parse().expect("the code"), outbox);
            let (client, mut events) =
                Client::start(config, client::tcp(address)).expect("the client starts");
            while let Some(event) = events.recv().await {
                if event == ClientEvent::State(ConnectionState::Connected) {
                    break;
                }
            }
            let mut sent = 0u64;
            while !stopping.load(std::sync::atomic::Ordering::Relaxed) {
                let note = Note {
                    speaker: None,
                    kind: NoteKind::Said,
                    text: Text::new(format!("洪水 {sent}")),
                    item: None,
                };
                client
                    .submit(EventKind::NoteAdded(note.into()))
                    .await
                    .expect("kept in the outbox");
                sent += 1;
                // Let the link task run between submits on this one thread.
                tokio::task::yield_now().await;
                while events.try_recv().is_ok() {}
            }
            sent
        })
    });
    host.wait_for("洪水 ");

    // Meanwhile, a key every 200 ms: the language switch, which changes every panel's
    // title; the time from the key to the screen showing it.
    let mut latencies = Vec::new();
    let start = Instant::now();
    let mut english = false;
    while start.elapsed() < FLOOD {
        english = !english;
        let marker = if english { "1 Attendance" } else { "1 出席" };
        let pressed = Instant::now();
        host.send("l");
        host.wait_within(Duration::from_secs(5), |s| s.contains(marker))
            .unwrap_or_else(|| panic!("the key was never answered"));
        latencies.push(pressed.elapsed());
        std::thread::sleep(Duration::from_millis(200));
    }
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    let submitted = flood.join().expect("the flood thread");

    latencies.sort();
    let p = |q: f64| latencies[((latencies.len() - 1) as f64 * q).round() as usize];
    let worst = *latencies.last().expect("keys pressed");
    eprintln!(
        "flood: {submitted} notes submitted in {:?}; {} keys: p50 {:?}, p99 {:?}, max {:?}",
        FLOOD,
        latencies.len(),
        p(0.5),
        p(0.99),
        worst
    );
    assert!(
        worst <= KEY_LIMIT,
        "a key took {worst:?} (p50 {:?}, p99 {:?}) while notes flooded in",
        p(0.5),
        p(0.99)
    );

    // The host kept its record straight: the flood's notes once each, in order.
    quit_host(&mut host);
    let meeting = roundtable::store::load(&path).expect("the saved session loads");
    let flooded: Vec<u64> = meeting
        .session()
        .log
        .iter()
        .filter_map(|e| e.origin.as_ref().map(|o| o.seq))
        .collect();
    assert!(!flooded.is_empty());
    assert!(
        flooded.iter().enumerate().all(|(i, s)| *s == i as u64 + 1),
        "in order, none twice, none skipped"
    );
    eprintln!("flood: {} notes recorded by the host", flooded.len());
}
