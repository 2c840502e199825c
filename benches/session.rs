//! The session file under load: opening the large session (500 members, 100 items,
//! 300 motions, 20,000 notes), what a keypress costs the app (record the event, hand
//! it to the writer), and what the writer then does in the background.

use std::hint::black_box;

use chrono::DateTime;
use criterion::{Criterion, criterion_group, criterion_main};
use roundtable::domain::{Author, EventKind, ItemId, Meeting, Note, NoteKind, Stamp, Text};
use roundtable::store::{self, Saver, SessionText};

fn now() -> Stamp {
    DateTime::parse_from_rfc3339("2026-12-03T15:30:00+08:00").expect("a time")
}

fn large_meeting() -> Meeting {
    Meeting::open(roundtable::testdata::large_session()).expect("large session")
}

fn open(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("large.ron");
    store::save(&path, large_meeting().session()).expect("saved");
    let mut group = c.benchmark_group("open");
    group.sample_size(20);
    group.bench_function("open the large session (read, parse, fold)", |b| {
        b.iter(|| store::load(black_box(&path)).expect("loads"))
    });
    group.finish();
}

fn note(i: usize) -> EventKind {
    EventKind::NoteAdded(std::sync::Arc::new(Note {
        speaker: None,
        kind: NoteKind::Said,
        text: Text::new(format!(
            "第 {i} 則發言：我們支持這個方向，但期程需要再討論。"
        )),
        item: Some(ItemId::new("i1")),
    }))
}

fn keypress(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("large.ron");
    let mut meeting = large_meeting();
    store::save(&path, meeting.session()).expect("saved");
    let (reports, mut saved) = tokio::sync::mpsc::unbounded_channel();
    let saver = Saver::spawn(path, meeting.session().clone(), reports);
    let mut i = 0;
    c.bench_function(
        "a note recorded and handed to the writer (large session)",
        |b| {
            b.iter(|| {
                i += 1;
                let event = meeting
                    .record(now(), Author::Facilitator, note(i))
                    .expect("recorded")
                    .clone();
                saver.append(event);
                while saved.try_recv().is_ok() {}
            })
        },
    );
    saver.finish().expect("everything saved");
}

fn background_write(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("large.ron");
    let meeting = large_meeting();
    let text = SessionText::new(meeting.session());
    let mut group = c.benchmark_group("writer");
    group.sample_size(20);
    group.bench_function("write the large session atomically with fsync", |b| {
        b.iter(|| roundtable::durable::write_atomically(&path, &text.to_bytes()).expect("written"))
    });
    group.finish();
}

criterion_group!(benches, open, keypress, background_write);
criterion_main!(benches);
