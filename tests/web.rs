//! The room's live page over HTTP, from outside: what it serves, that it serves
//! nothing else and accepts nothing, that an update reaches a viewer, and that it keeps
//! its limits (connections per address, a viewer who stops reading).

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::Path;
use std::time::{Duration, Instant};

use roundtable::domain::{Author, EventKind, Meeting, PersonId};
use roundtable::web::{Limits, RoomServer, RoomView};

#[path = "support/http.rs"]
mod http;

fn request(addr: SocketAddr, method: &str, path: &str) -> String {
    http::request(&addr.to_string(), method, path)
}

fn demo() -> Meeting {
    roundtable::store::load(Path::new("sessions/demo.ron")).expect("the demo loads")
}

fn at() -> roundtable::domain::Stamp {
    chrono::DateTime::parse_from_rfc3339("2026-12-03T14:00:00+08:00").expect("a time")
}

fn serve(meeting: &Meeting, limits: Limits) -> RoomServer {
    RoomServer::start_with(
        "127.0.0.1:0".parse().expect("an address"),
        RoomView::of(meeting, None),
        limits,
    )
    .expect("serves")
}

/// An open event stream, read as it comes. Only the last stretch of what came is
/// kept: a test that sends megabytes searches as it reads.
struct Events {
    stream: TcpStream,
    seen: String,
    /// Event headers seen in all.
    events: usize,
}

impl Events {
    fn open(addr: SocketAddr) -> Events {
        let mut stream = TcpStream::connect(addr).expect("connects");
        // A connection over the limits is closed at once: the request may not go.
        let _ = write!(stream, "GET /events HTTP/1.1\r\nHost: {addr}\r\n\r\n");
        stream
            .set_read_timeout(Some(Duration::from_millis(5)))
            .expect("timeout");
        Events {
            stream,
            seen: String::new(),
            events: 0,
        }
    }

    /// Reads until `needle` has come, or `within` has passed: when it came.
    fn wait_for(&mut self, needle: &str, within: Duration) -> Option<Instant> {
        let deadline = Instant::now() + within;
        let mut buf = vec![0u8; 256 * 1024];
        loop {
            if self.seen.contains(needle) {
                return Some(Instant::now());
            }
            if Instant::now() >= deadline {
                return None;
            }
            match self.stream.read(&mut buf) {
                Ok(0) => return None,
                Ok(n) => {
                    let text = String::from_utf8_lossy(&buf[..n]);
                    self.events += text.matches("event: room").count();
                    // Keep the end of what was seen, and what just came.
                    let keep = self.seen.len().saturating_sub(4096);
                    let cut = (keep..=self.seen.len())
                        .find(|&i| self.seen.is_char_boundary(i))
                        .unwrap_or(0);
                    if self.seen.len() > 64 * 1024 {
                        self.seen.drain(..cut);
                    }
                    self.seen.push_str(&text);
                }
                Err(_) => {}
            }
        }
    }
}

#[test]
fn the_page_the_snapshot_and_the_stream_are_served_and_nothing_else() {
    let meeting = demo();
    let server = serve(&meeting, Limits::default());
    let addr = server.address();

    let page = request(addr, "GET", "/?lang=en");
    assert!(page.starts_with("HTTP/1.1 200"), "{page}");
    assert!(page.contains("content-type: text/html"), "{page}");
    assert!(page.contains("content-security-policy: default-src 'none'"));
    assert!(page.contains("cache-control: no-store"));
    assert!(page.contains("<html lang=\"en\">"));
    assert!(page.contains("not started"));

    let state = request(addr, "GET", "/state.json");
    assert!(state.contains("application/json"), "{state}");
    let body = state.split("\r\n\r\n").nth(1).unwrap_or_default();
    let json: serde_json::Value = serde_json::from_str(body.trim()).expect("JSON");
    assert_eq!(json["attendance"]["government_seats"], 7);
    assert_eq!(json["started"], serde_json::Value::Null);

    // Read-only: nothing is accepted, nothing else is there.
    for (method, path) in [("POST", "/"), ("PUT", "/state.json"), ("DELETE", "/events")] {
        let answer = request(addr, method, path);
        assert!(
            answer.starts_with("HTTP/1.1 405"),
            "{method} {path}: {answer}"
        );
    }
    for path in [
        "/admin",
        "/../sessions/demo.ron",
        "/events/../state.json.bak",
    ] {
        let answer = request(addr, "GET", path);
        assert!(answer.starts_with("HTTP/1.1 404"), "{path}: {answer}");
    }
}

#[test]
fn a_change_reaches_a_viewer_at_once_and_the_viewers_are_counted() {
    let mut meeting = demo();
    let server = serve(&meeting, Limits::default());
    let mut viewer = Events::open(server.address());
    assert!(
        viewer
            .wait_for("政府 0/7", Duration::from_secs(5))
            .is_some(),
        "the room as it is, at once: {}",
        viewer.seen
    );
    let deadline = Instant::now() + Duration::from_secs(5);
    while server.viewers() != 1 && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(10));
    }
    assert_eq!(server.viewers(), 1);

    for id in ["cec-deputy", "cec-planning"] {
        meeting
            .record(
                at(),
                Author::Facilitator,
                EventKind::Arrived {
                    person: PersonId::new(id),
                },
            )
            .expect("arrives");
    }
    let published = Instant::now();
    server.publish(RoomView::of(&meeting, None));
    let came = viewer
        .wait_for("政府 2/7", Duration::from_secs(5))
        .expect("the change came");
    let latency = came - published;
    eprintln!("publish → viewer: {latency:?}");
    assert!(latency < Duration::from_millis(200), "{latency:?}");

    // Publishing the same again sends nothing new.
    let events = viewer.events;
    server.publish(RoomView::of(&meeting, None));
    viewer.wait_for("never", Duration::from_millis(300));
    assert_eq!(viewer.events, events);
}

#[test]
fn connections_over_the_limit_for_one_address_are_closed_at_once() {
    let meeting = demo();
    let limits = Limits {
        per_address: 3,
        ..Limits::default()
    };
    let server = serve(&meeting, limits);
    let mut open: Vec<Events> = (0..3).map(|_| Events::open(server.address())).collect();
    for viewer in &mut open {
        assert!(
            viewer
                .wait_for("event: room", Duration::from_secs(5))
                .is_some()
        );
    }
    // The fourth from this address is closed without an answer.
    let mut fourth = Events::open(server.address());
    assert!(
        fourth
            .wait_for("event: room", Duration::from_secs(1))
            .is_none()
    );
    // One leaves: there is room again.
    open.pop();
    std::thread::sleep(Duration::from_millis(200));
    let mut again = Events::open(server.address());
    assert!(
        again
            .wait_for("event: room", Duration::from_secs(5))
            .is_some()
    );
}

#[test]
fn a_viewer_who_stops_reading_is_dropped_and_the_others_are_not_held_up() {
    // A meeting whose every update is large, so that a viewer who does not read
    // fills the buffers between them quickly.
    let mut session = demo().session().clone();
    session.meeting.title = roundtable::domain::Text::new("議".repeat(20_000));
    let mut meeting = Meeting::open(session).expect("opens");
    let limits = Limits {
        stall: Duration::from_millis(500),
        ..Limits::default()
    };
    let server = serve(&meeting, limits);
    let stuck = never_reads(server.address());
    let mut reader = Events::open(server.address());
    assert!(
        reader
            .wait_for("event: room", Duration::from_secs(5))
            .is_some()
    );

    // Changes, each published at once: publishing never waits on a viewer.
    let person = PersonId::new("cec-deputy");
    let mut slowest = Duration::ZERO;
    for round in 0..150 {
        let kind = if round % 2 == 0 {
            EventKind::Arrived {
                person: person.clone(),
            }
        } else {
            EventKind::Left {
                person: person.clone(),
            }
        };
        meeting
            .record(at(), Author::Facilitator, kind)
            .expect("recorded");
        let started = Instant::now();
        server.publish(RoomView::of(&meeting, None));
        slowest = slowest.max(started.elapsed());
        // The reader keeps up; the stuck viewer does not.
        reader.wait_for("never", Duration::from_millis(5));
    }
    // Rendering a large update takes some milliseconds; waiting on the stuck viewer
    // would take its whole stall allowance and more.
    eprintln!("slowest publish: {slowest:?}");
    assert!(slowest < Duration::from_millis(250), "{slowest:?}");
    // The stuck one is dropped once its writes have stalled: only the reader is left.
    let deadline = Instant::now() + Duration::from_secs(10);
    while server.viewers() > 1 && Instant::now() < deadline {
        // The reader goes on reading meanwhile.
        reader.wait_for("never", Duration::from_millis(100));
    }
    assert_eq!(
        server.viewers(),
        1,
        "the viewer who stopped reading is gone"
    );
    // And the reader has the newest (the English part ends each update).
    let want = RoomView::of(&meeting, None).attendance.government_line.en;
    let seen_before = reader.seen.rfind(&want);
    assert!(
        seen_before.is_some() || reader.wait_for(&want, Duration::from_secs(5)).is_some(),
        "the newest update reached the reader"
    );
    drop(stuck);
}

/// Opens an event stream and never reads from it.
fn never_reads(addr: SocketAddr) -> TcpStream {
    let mut stream = TcpStream::connect(addr).expect("connects");
    write!(stream, "GET /events HTTP/1.1\r\nHost: {addr}\r\n\r\n").expect("sends");
    stream
}
