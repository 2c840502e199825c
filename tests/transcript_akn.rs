//! The Akoma Ntoso reader keeps everything a speech or narrative holds, whatever
//! markup SayIt gave it: one tiny fixture per shape in `tests/fixtures/akn/`.

use std::path::PathBuf;

use roundtable::minutes::transcript::{
    Entry, Transcript, parse, parse_akoma_ntoso, to_akoma_ntoso, to_markdown,
};

fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/akn")
}

fn read(name: &str) -> Transcript {
    let text = std::fs::read_to_string(fixtures().join(name)).expect("readable");
    parse_akoma_ntoso(&text).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn speech(speaker: &str, paragraphs: &[&str]) -> Entry {
    Entry::Speech {
        speaker: speaker.to_owned(),
        paragraphs: paragraphs.iter().map(|p| (*p).to_owned()).collect(),
        at: None,
    }
}

fn narrative(paragraphs: &[&str]) -> Entry {
    Entry::Narrative {
        paragraphs: paragraphs.iter().map(|p| (*p).to_owned()).collect(),
    }
}

fn section(heading: &str) -> Entry {
    Entry::Section(heading.to_owned())
}

/// The fixture's entries after its one `<heading>Shapes</heading>`.
fn shapes(name: &str) -> Vec<Entry> {
    let t = read(name);
    assert_eq!(t.title, "Shapes", "{name}");
    assert_eq!(t.entries.first(), Some(&section("Shapes")), "{name}");
    t.entries[1..].to_vec()
}

#[test]
fn narrative_of_bare_text_or_italics_without_p_is_kept() {
    assert_eq!(
        shapes("bare-narrative.an.xml"),
        [
            speech("Alice", &["Opening."]),
            narrative(&["The room laughs."]),
            narrative(&["Bob nods."]),
            narrative(&["Papers are handed round.", "Then a pause."]),
            // A line break in the source is a line break in the paragraph, as in <p>.
            speech("Bob", &["Thank you,\nreally."]),
        ]
    );
}

#[test]
fn list_items_are_numbered_or_bulleted_paragraphs() {
    assert_eq!(
        shapes("lists.an.xml"),
        [
            speech(
                "Alice",
                &[
                    "Three things:",
                    "1. the budget;",
                    "2. the venue;",
                    "3. the date.",
                    "And two more:",
                    "• minutes",
                    "• coffee",
                ]
            ),
            speech("Bob", &["4. Fourth."]),
        ]
    );
}

#[test]
fn a_line_break_is_a_newline_inside_the_paragraph() {
    assert_eq!(
        shapes("line-breaks.an.xml"),
        [
            speech("Alice", &["Roses are red,\nviolets are blue.", "One line."]),
            narrative(&["Applause\nand cheers"]),
        ]
    );
}

#[test]
fn an_image_is_kept_as_its_address() {
    assert_eq!(
        shapes("image.an.xml"),
        [
            speech(
                "Alice",
                &["Here is the chart: https://example.org/chart.png as you see."]
            ),
            speech(
                "Bob",
                &[
                    "https://example.org/photo.jpg",
                    "Linked: [https://example.org/thumb.png](https://example.org/full).",
                ]
            ),
        ]
    );
}

#[test]
fn a_link_address_with_parentheses_or_spaces_survives_whole() {
    let entries = shapes("link-address.an.xml");
    assert_eq!(
        entries,
        [
            speech(
                "Alice",
                &[
                    "See [the article](https://en.wikipedia.org/wiki/Open_government_%28Taiwan%29) \
                   and [the minutes](https://example.org/the%20minutes.pdf)."
                ]
            ),
            narrative(&["Plain [link](https://example.org/plain)."]),
        ]
    );
    let written = to_akoma_ntoso(&read("link-address.an.xml"));
    for href in [
        "href=\"https://en.wikipedia.org/wiki/Open_government_%28Taiwan%29\"",
        "href=\"https://example.org/the%20minutes.pdf\"",
        "href=\"https://example.org/plain\"",
    ] {
        assert!(written.contains(href), "{href} in\n{written}");
    }
}

#[test]
fn a_nested_p_is_read_once() {
    assert_eq!(
        shapes("nested-p.an.xml"),
        [
            speech("Alice", &["Before.", "Inside.", "After."]),
            speech("Bob", &["Only inside."]),
        ]
    );
}

#[test]
fn a_speech_inside_a_speech_keeps_both_in_document_order() {
    assert_eq!(
        shapes("nested-speech.an.xml"),
        [
            speech("Alice", &["Alice first."]),
            speech("Bob", &["Bob inside."]),
            speech("Alice", &["Alice again."]),
            speech("Alice", &["Alice inside Bob."]),
            speech("Bob", &["Bob after."]),
            speech("Alice", &["Last."]),
        ]
    );
}

#[test]
fn other_block_markup_ends_paragraphs_and_loose_text_is_narrative() {
    assert_eq!(
        shapes("blocks.an.xml"),
        [
            narrative(&["Text outside any speech."]),
            speech(
                "Alice",
                &["In a div.", "Quoted.", "Item | Cost", "Room | 100"]
            ),
            narrative(&["Loose again."]),
            speech("Bob", &["Done."]),
        ]
    );
}

#[test]
fn headings_are_sections_and_the_first_is_also_the_title() {
    let t = read("headings.an.xml");
    assert_eq!(t.title, "2026-12-03 Forum");
    let expected = [
        section("2026-12-03 Forum"),
        speech("Alice", &["Welcome."]),
        section("1. Budget"),
        speech("Bob", &["On the budget."]),
        section("2. Any other business"),
        narrative(&["None."]),
        speech("Alice", &["Closed."]),
    ];
    assert_eq!(t.entries, expected);
    // Written back, the title does not replace or repeat a heading.
    let written = to_akoma_ntoso(&t);
    assert_eq!(written.matches("<heading>").count(), 3, "{written}");
    let back = parse_akoma_ntoso(&written).expect("re-reads");
    assert_eq!(back.title, t.title);
    assert_eq!(back.entries, expected);
}

#[test]
fn every_shape_reads_back_the_same_from_both_formats() {
    let mut names: Vec<String> = std::fs::read_dir(fixtures())
        .expect("fixtures")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".an.xml"))
        .collect();
    names.sort();
    assert_eq!(names.len(), 9);
    for name in &names {
        let t = read(name);
        let akn = parse(&to_akoma_ntoso(&t)).unwrap_or_else(|e| panic!("{name} as akn: {e}"));
        assert_eq!(akn.entries, t.entries, "{name} as akn");
        let md = parse(&to_markdown(&t)).unwrap_or_else(|e| panic!("{name} as md: {e}"));
        assert_eq!(md.record(), t.record(), "{name} as md");
    }
}
