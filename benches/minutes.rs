//! What the secretariat feels after a meeting: minutes of a large session (500
//! members, 100 items, 300 motions, 20,000 notes) in each format, from the loaded
//! session; and importing the largest real transcript.

use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, criterion_group, criterion_main};
use roundtable::domain::Meeting;
use roundtable::minutes::{Format, Languages, minutes, transcript};

fn large_minutes(c: &mut Criterion) {
    let meeting = Meeting::open(roundtable::testdata::large_session()).expect("opens");
    let mut group = c.benchmark_group("minutes of the large session");
    group.sample_size(20);
    for (name, format) in [
        ("md", Format::Markdown),
        ("html", Format::Html),
        ("odt", Format::Odt),
    ] {
        for (lang, languages) in [("zh", Languages::Chinese), ("both", Languages::Both)] {
            group.bench_function(format!("{name} {lang}"), |b| {
                b.iter(|| minutes(black_box(&meeting), format, languages).expect("renders"))
            });
        }
    }
    group.finish();
}

fn transcript_import(c: &mut Criterion) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/transcripts/2020-10-28-ogp-taskforce-meeting-1.an.xml");
    let text = std::fs::read_to_string(path).expect("the largest real transcript");
    let demo = roundtable::store::load(Path::new("sessions/demo.ron")).expect("demo loads");
    c.bench_function("transcript import (largest real, 135 KB AKN)", |b| {
        b.iter(|| {
            let parsed = transcript::parse(black_box(&text)).expect("parses");
            let mut meeting = demo.clone();
            transcript::import(&mut meeting, &parsed, "bench").expect("imports");
            meeting
        })
    });
}

criterion_group!(benches, large_minutes, transcript_import);
criterion_main!(benches);
