//! What a note-taker feels: from `submit` (Enter) to the host's acknowledgement, over
//! loopback TCP, with the host writing through a real `Saver` (fsync included) and the
//! note-taker fsyncing its outbox. Prints p50/p99 of single notes and the sustained
//! rate, then lets criterion time the round trip.
//!
//! `cargo bench --bench net`

use std::path::Path;
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use roundtable::domain::{Author, EventKind, Note, NoteKind, Text};
use roundtable::net::{
    Client, ClientConfig, ClientEvent, ConnectionState, Host, HostConfig, HostEvent, JoinCode,
    NoteRequest, NoteSettled, client,
};
use roundtable::store::{self, SaveReport, Saver};
use tokio::runtime::Runtime;
use tokio::sync::mpsc;

fn note(n: usize) -> EventKind {
    EventKind::NoteAdded(std::sync::Arc::new(Note {
        speaker: None,
        kind: NoteKind::Said,
        text: Text::new(format!(
            "第 {n} 則：與會者對電子連署的資安要求表示支持，並建議分階段上線。"
        )),
        item: None,
    }))
}

struct Setup {
    client: Client,
    events: mpsc::UnboundedReceiver<ClientEvent>,
    next: u64,
    _dir: tempfile::TempDir,
}

/// A host with a real saver and an app loop as the facilitator's would run it, and a
/// connected note-taker.
async fn start(notes_per_second: u32) -> Setup {
    let dir = tempfile::tempdir().expect("temp dir");
    let session = dir.path().join("meeting.ron");
    let demo = store::load(Path::new("sessions/demo.ron")).expect("demo");
    let end = store::save(&session, demo.session()).expect("save");
    let mut meeting = store::load(&session).expect("load");
    let code: JoinCode = "K7QM-4TXP".parse().expect("code");
    let mut config = HostConfig::new(code.clone());
    config.notes_per_second = notes_per_second;
    let (host, mut host_events) = Host::bind("127.0.0.1:0", config, &meeting)
        .await
        .expect("bind");
    let addr = host.local_addr().expect("addr").to_string();
    let (reports_tx, mut reports) = mpsc::unbounded_channel();
    let saver = Saver::spawn(session, end, reports_tx);
    tokio::spawn(async move {
        let _saver = &saver;
        loop {
            tokio::select! {
                event = host_events.recv() => match event {
                    Some(HostEvent::Note(request)) => {
                        // What the facilitator's `update` does with a note.
                        let at = chrono::Local::now().fixed_offset();
                        let NoteRequest { origin, name, kind } = *request;
                        let by = Author::NoteTaker(name);
                        if let Ok(event) = meeting.record_from(origin.clone(), at, by, kind).cloned() {
                            host.settle_note(&origin, NoteSettled::Recorded(event.seq));
                            host.publish(&meeting, &event);
                            saver.append(event);
                        }
                    }
                    Some(_) => {}
                    None => return,
                },
                Some(report) = reports.recv() => {
                    if let SaveReport::Saved { through } = report {
                        host.saved(through);
                    }
                }
            }
        }
    });
    let (client, mut events) = Client::start(
        ClientConfig::new("bench", code, dir.path().join("outbox.ron")),
        client::tcp(addr),
    )
    .expect("client");
    while let Some(event) = events.recv().await {
        if event == ClientEvent::State(ConnectionState::Connected) {
            break;
        }
    }
    Setup {
        client,
        events,
        next: 0,
        _dir: dir,
    }
}

impl Setup {
    /// One note from Enter to its acknowledgement.
    async fn round_trip(&mut self) -> Duration {
        self.next += 1;
        let start = Instant::now();
        let seq = self
            .client
            .submit(note(self.next as usize))
            .await
            .expect("submit");
        while let Some(event) = self.events.recv().await {
            if let ClientEvent::Acked { through } = event
                && through >= seq
            {
                break;
            }
        }
        start.elapsed()
    }
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let index = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[index]
}

fn report(runtime: &Runtime) {
    // Latency, one note at a time.
    let mut setup = runtime.block_on(start(50));
    let mut samples: Vec<Duration> = (0..300)
        .map(|_| runtime.block_on(setup.round_trip()))
        .collect();
    samples.sort();
    println!(
        "submit → ack over loopback, fsync on both sides, {} notes: p50 {:.1} ms, p99 {:.1} ms, max {:.1} ms",
        samples.len(),
        percentile(&samples, 0.50).as_secs_f64() * 1e3,
        percentile(&samples, 0.99).as_secs_f64() * 1e3,
        samples[samples.len() - 1].as_secs_f64() * 1e3,
    );

    // 50 notes a second for 10 seconds, as typed: each note's latency, with the acks
    // timed as they arrive by a task of their own.
    let (latencies, elapsed) = runtime.block_on(async {
        let Setup {
            client,
            mut events,
            _dir,
            ..
        } = start(50).await;
        let count = 500u64;
        let acks = tokio::spawn(async move {
            let mut acks = Vec::new();
            while let Some(event) = events.recv().await {
                if let ClientEvent::Acked { through } = event {
                    acks.push((through, Instant::now()));
                    if through >= count {
                        break;
                    }
                }
            }
            acks
        });
        let start = Instant::now();
        let mut tick = tokio::time::interval(Duration::from_millis(20));
        let mut submitted = Vec::new();
        for n in 0..count {
            tick.tick().await;
            let at = Instant::now();
            let seq = client.submit(note(n as usize)).await.expect("submit");
            submitted.push((seq, at));
        }
        let acks = acks.await.expect("acks");
        let latencies: Vec<Duration> = submitted
            .iter()
            .filter_map(|(seq, at)| {
                acks.iter()
                    .find(|(through, _)| through >= seq)
                    .map(|(_, acked)| acked.duration_since(*at))
            })
            .collect();
        (latencies, start.elapsed())
    });
    let mut sorted = latencies;
    sorted.sort();
    println!(
        "50 notes/s offered for {:.1} s: {} acknowledged, {:.1} notes/s; submit → ack p50 {:.1} ms, p99 {:.1} ms, max {:.1} ms",
        elapsed.as_secs_f64(),
        sorted.len(),
        sorted.len() as f64 / elapsed.as_secs_f64(),
        percentile(&sorted, 0.50).as_secs_f64() * 1e3,
        percentile(&sorted, 0.99).as_secs_f64() * 1e3,
        sorted[sorted.len() - 1].as_secs_f64() * 1e3,
    );

    // How fast it can go with the per-link limit lifted: the headroom over 50/s.
    let (count, elapsed) = runtime.block_on(async {
        let mut setup = start(100_000).await;
        let start = Instant::now();
        let count = 1_000u64;
        for n in 0..count {
            setup.client.submit(note(n as usize)).await.expect("submit");
        }
        while let Some(event) = setup.events.recv().await {
            if let ClientEvent::Acked { through } = event
                && through >= count
            {
                break;
            }
        }
        (count, start.elapsed())
    });
    println!(
        "burst of {count} notes: all acknowledged in {:.2} s, {:.0} notes/s",
        elapsed.as_secs_f64(),
        count as f64 / elapsed.as_secs_f64()
    );
}

fn bench(c: &mut Criterion) {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("runtime");
    report(&runtime);
    let mut setup = runtime.block_on(start(100_000));
    c.bench_function("note: submit → ack (loopback, fsync)", |b| {
        b.iter_custom(|iterations| {
            (0..iterations)
                .map(|_| runtime.block_on(setup.round_trip()))
                .sum()
        })
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20).measurement_time(Duration::from_secs(10));
    targets = bench
}
criterion_main!(benches);
