//! The session file at 1,000, 20,000 and 100,000 notes (the large session's set-up:
//! 500 members, 100 items, 300 motions), each figure beside its floor:
//!
//! - open (read, parse, fold) beside reading the file's bytes;
//! - a change made durable (recorded, handed to the writer, on disk and acknowledged),
//!   the first after opening and any later one, beside appending a line of the same
//!   size to a file and fdatasync;
//! - the heap the opened meeting holds, beside the file's size (printed; criterion
//!   measures time only), and the spread of key → on disk over 1,000 changes.
//!
//! `cargo bench --bench session`; `ROUNDTABLE_BENCH_SIZES=1000,20000` for fewer sizes.

use std::fs::{self, File, OpenOptions};
use std::hint::black_box;
use std::io::Write;
use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::DateTime;
use criterion::{BatchSize, BenchmarkId, Criterion, criterion_group, criterion_main};
use roundtable::domain::{Author, EventKind, ItemId, Meeting, Note, NoteKind, Seq, Stamp, Text};
use roundtable::store::{self, SaveReport, Saver};
use tokio::sync::mpsc::UnboundedReceiver;

#[allow(dead_code)]
#[path = "../tests/support/heap.rs"]
mod heap;
#[path = "../tests/support/saved.rs"]
mod saved;

use saved::wait_saved;

#[global_allocator]
static ALLOCATOR: heap::Counting = heap::Counting;

fn sizes() -> Vec<usize> {
    std::env::var("ROUNDTABLE_BENCH_SIZES")
        .ok()
        .map(|s| s.split(',').filter_map(|n| n.trim().parse().ok()).collect())
        .unwrap_or_else(|| vec![1_000, 20_000, 100_000])
}

fn now() -> Stamp {
    DateTime::parse_from_rfc3339("2026-12-03T15:30:00+08:00").expect("a time")
}

fn note(i: usize) -> EventKind {
    EventKind::NoteAdded(Arc::new(Note {
        speaker: None,
        kind: NoteKind::Said,
        text: Text::new(format!(
            "第 {i} 則發言：我們支持這個方向，但期程需要再討論。"
        )),
        item: Some(ItemId::new("i1")),
    }))
}

/// The large session with `notes` notes, saved in a temporary folder.
struct Sized {
    notes: usize,
    _dir: tempfile::TempDir,
    path: std::path::PathBuf,
}

fn sized(notes: usize) -> Sized {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join(format!("large-{notes}.ron"));
    let session = roundtable::testdata::large_session_with(notes);
    store::save(&path, &session).expect("saved");
    Sized {
        notes,
        _dir: dir,
        path,
    }
}

fn label(notes: usize) -> String {
    format!("{}k notes", notes / 1000)
}

/// Records one note, hands it to the writer and waits until it is on disk.
fn change(
    meeting: &mut Meeting,
    saver: &Saver,
    saved: &mut UnboundedReceiver<SaveReport>,
    i: usize,
) {
    let event = meeting
        .record(now(), Author::Facilitator, note(i))
        .expect("recorded")
        .clone();
    let seq = event.seq;
    saver.append(event);
    wait_saved(saved, seq);
}

/// The floor of a durable change: one line of an event's size appended, fdatasync.
fn append_floor(file: &mut File, line: &[u8]) {
    file.write_all(line).expect("written");
    file.sync_data().expect("synced");
}

fn event_line() -> Vec<u8> {
    let event = roundtable::domain::Event {
        seq: Seq(100_000),
        at: now(),
        by: Author::Facilitator,
        kind: note(100_000),
        origin: None,
    };
    format!("        {},\n", ron::to_string(&event).expect("ron")).into_bytes()
}

fn bench(c: &mut Criterion) {
    let line = event_line();
    for notes in sizes() {
        let s = sized(notes);
        // The heap an opened meeting holds, before the changes below make the file
        // longer with short notes.
        let file_len = fs::metadata(&s.path).expect("metadata").len();
        let (opened, held) = heap::held_after(|| store::read(&s.path).expect("opens"));
        println!(
            "{}: memory after opening: {:.1} MB for a {:.1} MB file ({:.2}× its size)",
            label(notes),
            held as f64 / 1e6,
            file_len as f64 / 1e6,
            held as f64 / file_len as f64
        );
        drop(opened);
        let mut group = c.benchmark_group(format!("session file, {}", label(s.notes)));
        group.sample_size(10);
        group.measurement_time(Duration::from_secs(if notes >= 100_000 { 20 } else { 5 }));

        group.bench_function("floor: read the file", |b| {
            b.iter(|| fs::read(black_box(&s.path)).expect("read"))
        });
        group.bench_function("open (read, parse, fold)", |b| {
            b.iter(|| store::read(black_box(&s.path)).expect("opens"))
        });

        let floor_path = s.path.with_extension("floor");
        let mut floor = OpenOptions::new()
            .create(true)
            .append(true)
            .open(&floor_path)
            .expect("floor file");
        group.bench_function("floor: append a line and fdatasync", |b| {
            b.iter(|| append_floor(&mut floor, &line))
        });

        // The first change after opening: the writer starts on the file as read.
        let mut i = 0;
        group.bench_function(
            BenchmarkId::new("first change on disk after opening", ""),
            |b| {
                b.iter_batched(
                    || store::read(&s.path).expect("opens"),
                    |opened| {
                        let (reports, mut saved) = tokio::sync::mpsc::unbounded_channel();
                        let end = opened.end.expect("our own layout");
                        let mut meeting = opened.meeting;
                        let saver = Saver::spawn(s.path.clone(), end, reports);
                        i += 1;
                        change(&mut meeting, &saver, &mut saved, i);
                        saver.finish().expect("saved");
                        meeting
                    },
                    BatchSize::PerIteration,
                )
            },
        );

        // Any later change.
        let opened = store::read(&s.path).expect("opens");
        let (reports, mut saved) = tokio::sync::mpsc::unbounded_channel();
        let saver = Saver::spawn(s.path.clone(), opened.end.expect("our layout"), reports);
        let mut meeting = opened.meeting;
        group.bench_function(
            "a change on disk (record, append, fdatasync, acknowledge)",
            |b| {
                b.iter(|| {
                    i += 1;
                    change(&mut meeting, &saver, &mut saved, i)
                })
            },
        );
        group.finish();

        // The spread over 1,000 changes, and the floor's.
        let mut took = Vec::with_capacity(1000);
        let mut floor_took = Vec::with_capacity(1000);
        for _ in 0..1000 {
            i += 1;
            let start = Instant::now();
            change(&mut meeting, &saver, &mut saved, i);
            took.push(start.elapsed());
            let start = Instant::now();
            append_floor(&mut floor, &line);
            floor_took.push(start.elapsed());
        }
        saver.finish().expect("saved");
        drop(meeting);
        let (p50, p99) = percentiles(&mut took);
        let (f50, f99) = percentiles(&mut floor_took);
        println!(
            "{}: key → on disk over 1,000 changes: p50 {p50:?}, p99 {p99:?}; floor (append + fdatasync) p50 {f50:?}, p99 {f99:?}",
            label(notes)
        );
        let _ = fs::remove_file(&floor_path);
    }
}

fn percentiles(took: &mut [Duration]) -> (Duration, Duration) {
    took.sort();
    let at = |q: f64| took[((took.len() as f64 * q) as usize).min(took.len() - 1)];
    (at(0.5), at(0.99))
}

criterion_group!(benches, bench);
criterion_main!(benches);
