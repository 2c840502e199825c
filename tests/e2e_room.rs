//! The room's live page from the real binary: `demo --serve` in a pseudo-terminal, the
//! page fetched as a browser would, a key pressed on the facilitator's screen and the
//! page's snapshot following it; quitting with a viewer still watching ends cleanly.

mod support;

use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

use support::pty::Pty;

fn get(addr: &str, path: &str) -> String {
    support::http::request(addr, "GET", path)
}

#[test]
fn the_page_follows_the_facilitators_keys_and_quitting_lets_its_viewers_go() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut pty = Pty::spawn(
        &["demo", "--serve", "127.0.0.1:0", "--out", "demo.ron"],
        dir.path(),
        120,
        40,
    );
    // The header says where the page is (port 0: the one the system chose).
    let screen = pty.wait_for("直播頁 http://127.0.0.1:");
    let addr = screen
        .split("直播頁 http://")
        .nth(1)
        .and_then(|rest| rest.split('/').next())
        .expect("the address")
        .to_owned();

    let page = get(&addr, "/");
    assert!(page.starts_with("HTTP/1.1 200"), "{page}");
    assert!(page.contains("會議尚未開始"));

    // A viewer on the stream, counted on the facilitator's screen.
    let mut viewer = TcpStream::connect(&addr).expect("connects");
    write!(viewer, "GET /events HTTP/1.1\r\nHost: {addr}\r\n\r\n").expect("sends");
    pty.wait_for("觀看 1 人");

    // Space: the first member arrives; the page's snapshot has it at once.
    pty.send(" ");
    pty.wait_for("出席 陳怡君");
    let deadline = Instant::now() + Duration::from_secs(2);
    loop {
        let state = get(&addr, "/state.json");
        if state.contains("\"government\": 1") {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "the page did not follow: {state}"
        );
        std::thread::sleep(Duration::from_millis(20));
    }

    // Quitting with the viewer still connected ends the program, and the viewer's
    // stream with it.
    pty.send("q");
    assert!(pty.wait_exit(), "quits cleanly");
    assert!(pty.terminal_is_restored());
    viewer
        .set_read_timeout(Some(Duration::from_secs(5)))
        .expect("timeout");
    let mut rest = Vec::new();
    let _ = viewer.read_to_end(&mut rest);
    assert!(
        TcpStream::connect(&addr).is_err(),
        "nothing serves any more"
    );
}

#[test]
fn a_port_in_use_is_said_before_the_screen_opens() {
    let dir = tempfile::tempdir().expect("temp dir");
    let taken = std::net::TcpListener::bind("127.0.0.1:0").expect("a port");
    let addr = taken.local_addr().expect("address").to_string();
    let mut pty = Pty::spawn(
        &["demo", "--serve", &addr, "--out", "demo.ron"],
        dir.path(),
        100,
        30,
    );
    let screen = pty.wait_for("already in use");
    assert!(screen.contains("--serve"), "{screen}");
    assert!(!pty.wait_exit(), "exits with an error");
    assert!(pty.terminal_is_restored());
}
