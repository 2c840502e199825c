//! What an opened meeting holds in memory, against its file's size: at most twice
//! (issue 10). The heap is counted by this test binary's own allocator, so this file
//! holds this one test alone.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        LIVE.fetch_add(layout.size(), Ordering::Relaxed);
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        LIVE.fetch_add(new_size, Ordering::Relaxed);
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

#[test]
fn an_opened_meeting_holds_at_most_twice_its_file_in_memory() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("large.ron");
    let session = roundtable::testdata::large_session_with(10_000);
    roundtable::store::save(&path, &session).expect("saved");
    drop(session);
    let file = std::fs::metadata(&path).expect("metadata").len() as f64;

    let before = LIVE.load(Ordering::SeqCst);
    let opened = roundtable::store::read(&path).expect("opens");
    let held = LIVE.load(Ordering::SeqCst).saturating_sub(before) as f64;
    assert_eq!(opened.meeting.state().notes.len(), 10_000);
    let ratio = held / file;
    assert!(
        ratio <= 2.0,
        "{:.1} MB held for a {:.1} MB file: {ratio:.2}×",
        held / 1e6,
        file / 1e6
    );
    // And not by leaving things out: the notes are all there, their text too.
    assert!(ratio > 1.0, "{ratio:.2}× is less than the text it holds");
}
