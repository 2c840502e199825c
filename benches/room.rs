//! The room's live page under load, on loopback: 500 viewers on the event stream
//! while the facilitator presses keys. For each key: how long the facilitator's
//! screen takes to handle it and publish the change (the key is "answered" when the
//! screen has it; drawing is `benches/redraw.rs`), and for each viewer, how long the
//! change took to reach them.
//!
//! `cargo bench --bench room` (release build): 500 viewers, 40 changes. Under
//! `cargo test --benches` a short smoke run (50 viewers, 3 changes) on the debug
//! build. The figures go in docs/performance.md.

use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use roundtable::tui::facilitator::app::App;
use roundtable::tui::facilitator::update::{Input, handle};
use roundtable::web::{Limits, RoomServer};
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};

/// When each viewer received each update, by update number (the stream's `id:`).
type Received = Arc<Mutex<Vec<(u64, Instant)>>>;

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

fn report(what: &str, samples: &mut [Duration]) {
    samples.sort();
    println!(
        "{what}: n={} p50={:.2?} p99={:.2?} max={:.2?}",
        samples.len(),
        percentile(samples, 0.50),
        percentile(samples, 0.99),
        samples.last().copied().unwrap_or_default()
    );
}

fn main() {
    let full = std::env::args().any(|a| a == "--bench");
    let (viewers, changes) = if full { (500, 40) } else { (50, 3) };

    let meeting = roundtable::store::load(Path::new("sessions/demo.ron")).expect("the demo loads");
    let now = chrono::Local::now().fixed_offset();
    let mut app = App::new(meeting, now);
    let limits = Limits {
        per_address: viewers + 10,
        ..Limits::default()
    };
    let server = RoomServer::start_with(
        "127.0.0.1:0".parse().expect("an address"),
        app.room_view(),
        limits,
    )
    .expect("serves");
    let addr = server.address();

    // The viewers, on a runtime of their own.
    let clients = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .enable_all()
        .build()
        .expect("a runtime");
    let received: Vec<Received> = (0..viewers).map(|_| Received::default()).collect();
    for log in &received {
        let log = Arc::clone(log);
        clients.spawn(async move {
            let Ok(mut stream) = tokio::net::TcpStream::connect(addr).await else {
                return;
            };
            let request = format!("GET /events HTTP/1.1\r\nHost: {addr}\r\n\r\n");
            if stream.write_all(request.as_bytes()).await.is_err() {
                return;
            }
            let mut lines = BufReader::with_capacity(64 * 1024, stream).lines();
            while let Ok(Some(line)) = lines.next_line().await {
                if let Some(id) = line.strip_prefix("id: ")
                    && let Ok(id) = id.trim().parse::<u64>()
                    && let Ok(mut log) = log.lock()
                {
                    log.push((id, Instant::now()));
                }
            }
        });
    }
    // Everyone has the room as it is before the first change.
    let deadline = Instant::now() + Duration::from_secs(30);
    while server.viewers() < viewers && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(20));
    }
    println!("{} viewers connected", server.viewers());

    let space = KeyEvent::new(KeyCode::Char(' '), KeyModifiers::NONE);
    let mut published = Vec::new();
    let mut answered = Vec::new();
    for change in 0..changes {
        app.now = chrono::Local::now().fixed_offset();
        let started = Instant::now();
        // Space on the attendance panel: the first member arrives, or leaves.
        let _ = handle(&mut app, Input::Key(space));
        server.publish(app.room_view());
        answered.push(started.elapsed());
        // Update number 1 is the room as first served.
        published.push((change as u64 + 2, Instant::now()));
        std::thread::sleep(Duration::from_millis(150));
    }
    std::thread::sleep(Duration::from_millis(500));

    let mut latencies = Vec::new();
    let mut missing = 0;
    for log in &received {
        let log = log.lock().expect("the log");
        for (id, at) in &published {
            match log.iter().find(|(seen, _)| seen == id) {
                Some((_, came)) => latencies.push(came.saturating_duration_since(*at)),
                None => missing += 1,
            }
        }
    }
    report("key handled and published (facilitator)", &mut answered);
    report(
        "publish → viewer received (every viewer, every change)",
        &mut latencies,
    );
    println!("updates missed: {missing} of {}", viewers * changes);
    assert_eq!(missing, 0, "every viewer has every change");
    let p99 = percentile(&latencies, 0.99);
    if full {
        assert!(p99 < Duration::from_millis(200), "p99 {p99:?} over 200 ms");
        let slowest_key = answered.iter().max().copied().unwrap_or_default();
        assert!(
            slowest_key < Duration::from_millis(50),
            "a key took {slowest_key:?}"
        );
    }
    drop(server);
    clients.shutdown_timeout(Duration::from_millis(200));
}
