//! What the facilitator feels: one full redraw of the screen at 120×40, for the demo
//! meeting and for a large session (500 members, 100 items, 300 motions, 20,000
//! notes). The large one must cost no more than 1.5× the demo: drawing follows what
//! is visible, not the length of the log.

use std::hint::black_box;
use std::path::Path;

use chrono::DateTime;
use criterion::{Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use roundtable::domain::{Meeting, Stamp};
use roundtable::tui::facilitator::app::App;
use roundtable::tui::facilitator::view;

fn now() -> Stamp {
    DateTime::parse_from_rfc3339("2026-12-03T15:30:00+08:00").expect("a time")
}

fn redraw(c: &mut Criterion, name: &str, meeting: Meeting) {
    let app = App::new(meeting, now());
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("a test terminal");
    c.bench_function(name, |b| {
        b.iter(|| {
            // A full redraw: clear forces every cell to be drawn again, not diffed away.
            terminal.clear().expect("clear");
            terminal
                .draw(|frame| view::draw(black_box(&app), frame))
                .expect("draw");
        })
    });
}

fn redraws(c: &mut Criterion) {
    let demo = roundtable::store::load(Path::new("sessions/demo-finished.ron")).expect("demo");
    redraw(c, "redraw 120x40: demo meeting", demo);
    let large = Meeting::open(roundtable::testdata::large_session()).expect("large session");
    redraw(c, "redraw 120x40: large session", large);
}

criterion_group!(benches, redraws);
criterion_main!(benches);
