//! Importing the public's comments (issue 14): a generated platform export of 10,000
//! comments (a BOM, Chinese headers, an extra column, one comment in ten over two
//! lines, one in five without an id, items by number and by id), read and imported
//! into a meeting as one event. Target: well under a second. Beside it, the read
//! alone, and the response table of the 10,000 written back out.
//!
//! `cargo bench --bench comments`.

use std::fmt::Write;
use std::hint::black_box;
use std::path::Path;

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use roundtable::domain::{Author, Meeting, Stamp};
use roundtable::store::{self, comments_csv};

const COMMENTS: usize = 10_000;

/// The export: `comments` rows under the header.
fn export(comments: usize) -> String {
    let mut csv = String::from("\u{feff}留言編號,留言者,留言時間,留言內容,議題,讚數\n");
    for i in 0..comments {
        let id = if i % 5 == 0 {
            String::new()
        } else {
            format!("J-{i}")
        };
        let item = match i % 4 {
            0 => "1",
            1 => "follow-up",
            2 => "",
            _ => "4",
        };
        let text = if i % 10 == 0 {
            format!("\"第 {i} 則：支持公開原始碼，\n但期程需要再討論，並請說明資安檢測方式。\"")
        } else {
            format!("第 {i} 則：支持公開原始碼，但期程需要再討論，並請說明資安檢測方式。")
        };
        let _ = writeln!(
            csv,
            "{id},留言者{},2026/11/{:02} {:02}:{:02},{text},{item},{}",
            i % 800,
            1 + i % 28,
            i % 24,
            i % 60,
            i % 50
        );
    }
    csv
}

fn now() -> Stamp {
    chrono::DateTime::parse_from_rfc3339("2026-12-03T15:30:00+08:00").expect("a time")
}

fn import(c: &mut Criterion) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/valid/made-by-new.ron");
    let meeting = store::load(&path).expect("the fixture loads");
    let csv = export(COMMENTS);
    let mut group = c.benchmark_group("comments");
    group.sample_size(20);
    group.bench_function("import 10k (parse + record)", |b| {
        b.iter_batched(
            || meeting.clone(),
            |mut meeting: Meeting| {
                let agenda = comments_csv::Agenda::of(meeting.state());
                let comments =
                    comments_csv::parse_bytes(black_box(csv.as_bytes()), &agenda).expect("reads");
                let report =
                    comments_csv::import(&mut meeting, comments, Author::Facilitator, now())
                        .expect("imports");
                assert_eq!(report.new, COMMENTS);
                meeting
            },
            BatchSize::LargeInput,
        )
    });
    let agenda = comments_csv::Agenda::of(meeting.state());
    group.bench_function("parse 10k", |b| {
        b.iter(|| comments_csv::parse_bytes(black_box(csv.as_bytes()), &agenda).expect("reads"))
    });
    let mut imported = meeting.clone();
    let comments = comments_csv::parse_bytes(csv.as_bytes(), &agenda).expect("reads");
    comments_csv::import(&mut imported, comments, Author::Facilitator, now()).expect("imports");
    group.bench_function("export 10k", |b| {
        b.iter(|| comments_csv::to_csv(black_box(imported.state())).expect("writes"))
    });
    group.finish();
}

criterion_group!(benches, import);
criterion_main!(benches);
