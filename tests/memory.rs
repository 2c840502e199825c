//! What an opened meeting holds in memory, against its file's size: at most twice
//! (issue 10). The heap is counted by this test binary's own allocator, so this file
//! holds this one test alone.

#[path = "support/heap.rs"]
mod heap;

#[global_allocator]
static ALLOCATOR: heap::Counting = heap::Counting;

#[test]
fn an_opened_meeting_holds_at_most_twice_its_file_in_memory() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("large.ron");
    let session = roundtable::testdata::large_session_with(10_000);
    roundtable::store::save(&path, &session).expect("saved");
    drop(session);
    let file = std::fs::metadata(&path).expect("metadata").len() as f64;

    let (opened, held) = heap::held_after(|| roundtable::store::read(&path).expect("opens"));
    let held = held as f64;
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
