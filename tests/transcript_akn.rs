//! The Akoma Ntoso reader keeps everything a speech or narrative holds, whatever
//! markup SayIt gave it: one tiny fixture per shape in `tests/fixtures/akn/`.

use std::path::PathBuf;

use roundtable::minutes::transcript::{
    Entry, Loss, Transcript, TranscriptError, parse, parse_akoma_ntoso, to_akoma_ntoso, to_markdown,
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
    assert_eq!(names.len(), 10);
    for name in &names {
        let t = read(name);
        let akn = parse(&to_akoma_ntoso(&t)).unwrap_or_else(|e| panic!("{name} as akn: {e}"));
        assert_eq!(akn.entries, t.entries, "{name} as akn");
        // What the project writes, it reads back without a loss.
        assert!(akn.dropped.is_empty(), "{name} as akn: {}", akn.dropped);
        let md = parse(&to_markdown(&t)).unwrap_or_else(|e| panic!("{name} as md: {e}"));
        assert_eq!(md.record(), t.record(), "{name} as md");
        assert!(md.dropped.is_empty(), "{name} as md: {}", md.dropped);
    }
}

// ---- what cannot be kept is counted ----------------------------------------------

#[test]
fn every_loss_is_counted_by_kind() {
    let t = read("losses.an.xml");
    let emphasis = |e: &str| Loss::Emphasis(e.to_owned());
    let outside = |e: &str| Loss::OutsideDebate(e.to_owned());
    let counts: Vec<(Loss, usize)> = t.dropped.iter().map(|(l, n)| (l.clone(), n)).collect();
    assert_eq!(
        counts,
        vec![
            // `<i>very</i>`, `<i>again</i>` in Alice's speech (the empty `<i/>` holds
            // nothing; the narrative's own `<i>` marks it as such).
            (emphasis("b"), 2),
            (emphasis("i"), 2),
            (emphasis("sup"), 1),
            // `alt="the chart"`; a blank alt loses nothing.
            (Loss::ImageAlt, 1),
            // `<ref href>`: the words are kept, the address is not.
            (Loss::LinkAddress("ref".into()), 1),
            // Carol's `<from>Carol</from>`.
            (Loss::SpeakerLabel, 1),
            // Once per element, however many paragraphs it holds.
            (outside("conclusions"), 1),
            (outside("preface"), 1),
            (Loss::HeadingMoved, 1),
            (Loss::UnreadableTime, 1),
            (Loss::UndeclaredSpeaker, 1),
            (Loss::NoSpeaker, 1),
        ]
    );
    // Each count is something really dropped or changed.
    assert_eq!(
        t.entries,
        vec![
            section("Shapes"),
            // The text is kept, its emphasis is not; `10<sup>3</sup>` reads `103`.
            speech("Alice", &["It is very bold, 103 times.", "And again."]),
            // The heading inside her speech comes after all of it.
            section("Inside"),
            narrative(&["Laughter, loud."]),
            // `#carol` is no `<TLCPerson>`: the id is the name. The alt text is gone.
            // Her `<from>` label reads as words she said.
            speech(
                "carol",
                &[
                    "Carol",
                    "A chart: https://example.org/chart.png https://example.org/blank.png",
                    "See the law.",
                ]
            ),
            speech("", &["Who said this?"]),
            Entry::Speech {
                speaker: "Bob".into(),
                paragraphs: vec!["Plain.".into()],
                at: Some(
                    chrono::DateTime::parse_from_rfc3339("2026-12-03T10:00:00+08:00")
                        .expect("a time"),
                ),
            },
        ]
    );
    let text = std::fs::read_to_string(fixtures().join("losses.an.xml")).expect("readable");
    for words in [
        "example.org/law",
        "Adjourned",
        "Signed",
        "3 December",
        "the chart",
        "yesterday",
    ] {
        assert!(text.contains(words));
        assert!(!format!("{:?}", t.entries).contains(words), "{words}");
    }
    assert_eq!(
        t.dropped.to_string(),
        "2 × emphasis (<b>), 2 × emphasis (<i>), 1 × emphasis (<sup>), 1 × image alt text (<img alt>), \
         1 × link address (<ref href>), 1 × speaker's label, read as words said (<from>), \
         1 × text outside the debate (<conclusions>), 1 × text outside the debate (<preface>), \
         1 × heading inside a speech or narrative, moved after it (<heading>), \
         1 × unreadable time, dropped (<speech startTime>), \
         1 × speaker declared by no <TLCPerson>, kept as its id (<speech by>), \
         1 × speech without a speaker, left unnamed (<speech>)"
    );
}

#[test]
fn the_shapes_that_lose_something_say_so_and_the_rest_lose_nothing() {
    let emphasis_i = Loss::Emphasis("i".to_owned());
    for (name, loss) in [
        // `<img alt="chart">`.
        ("image.an.xml", Some(Loss::ImageAlt)),
        // `<heading>2. <i>Any</i> other business</heading>`.
        ("headings.an.xml", Some(emphasis_i.clone())),
        // `<i>really</i>` in a speech; the narratives' `<i>` are theirs.
        ("bare-narrative.an.xml", Some(emphasis_i)),
        ("blocks.an.xml", None),
        ("line-breaks.an.xml", None),
        ("link-address.an.xml", None),
        ("lists.an.xml", None),
        ("nested-p.an.xml", None),
        ("nested-speech.an.xml", None),
    ] {
        let dropped = read(name).dropped;
        let counts: Vec<(Loss, usize)> = dropped.iter().map(|(l, n)| (l.clone(), n)).collect();
        assert_eq!(
            counts,
            loss.into_iter().map(|l| (l, 1)).collect::<Vec<_>>(),
            "{name}"
        );
    }
}

#[test]
fn the_real_transcripts_lose_nothing() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/transcripts");
    for entry in std::fs::read_dir(dir).expect("transcripts") {
        let path = entry.expect("entry").path();
        let name = path.to_string_lossy().into_owned();
        if !(name.ends_with(".an.xml") || name.ends_with(".md") && !name.ends_with("README.md")) {
            continue;
        }
        let t = parse(&std::fs::read_to_string(&path).expect("readable")).expect("parses");
        assert!(t.dropped.is_empty(), "{name}: {}", t.dropped);
    }
}

#[test]
fn element_names_from_the_file_are_printed_printable() {
    let text = std::fs::read_to_string(fixtures().join("losses.an.xml"))
        .expect("readable")
        .replace("<preface>", "<preface\u{1b}>")
        .replace("</preface>", "</preface\u{1b}>");
    let t = parse_akoma_ntoso(&text).expect("parses");
    assert_eq!(
        t.dropped
            .count(&Loss::OutsideDebate("preface\u{1b}".into())),
        1
    );
    assert!(!t.dropped.to_string().contains('\u{1b}'));
    let refused = TranscriptError::Lossy(t.dropped).to_string();
    assert!(
        !refused.contains('\u{1b}') && refused.contains("--strict"),
        "{refused}"
    );
}

#[test]
fn a_heading_inside_a_speech_is_moved_only_when_more_of_it_follows() {
    let debate = |body: &str| {
        format!(
            r##"<akomaNtoso><debate><meta><references><TLCPerson id="a" showAs="A"/></references></meta>
<debateBody><debateSection><heading>Shapes</heading>{body}</debateSection></debateBody></debate></akomaNtoso>"##
        )
    };
    let moved = |body: &str| {
        parse_akoma_ntoso(&debate(body))
            .expect("parses")
            .dropped
            .count(&Loss::HeadingMoved)
    };
    // Last in the speech: the section begins after it, as it did.
    assert_eq!(
        moved(r##"<speech by="#a"><p>One.</p><heading>Next</heading></speech>"##),
        0
    );
    // Before a nested speech: what follows it stays after it.
    assert_eq!(
        moved(
            r##"<speech by="#a"><heading>Next</heading><speech by="#a"><p>In.</p></speech><p>Out.</p></speech>"##
        ),
        0
    );
    // Words after it go before it, in a speech or a narrative.
    assert_eq!(
        moved(r##"<speech by="#a"><heading>Next</heading><p>One.</p><p>Two.</p></speech>"##),
        1
    );
    assert_eq!(
        moved(
            r##"<narrative><p>One.</p><heading>Next</heading><p>Two.</p></narrative><speech by="#a"><p>x</p></speech>"##
        ),
        1
    );
}
