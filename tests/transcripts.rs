//! Transcripts: every real published transcript in tests/fixtures/transcripts (CC0)
//! is imported into a session and exported again in its own format and in the other,
//! and must give back the same speeches, speakers, narrative and order.

use std::path::{Path, PathBuf};

use roundtable::domain::{Meeting, NoteKind, PersonId, Speaker};
use roundtable::minutes::transcript::{
    self, Entry, Transcript, from_meeting, import, parse, to_akoma_ntoso, to_markdown,
};

fn transcripts_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/transcripts")
}

fn real_transcripts() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(transcripts_dir())
        .expect("tests/fixtures/transcripts exists")
        .map(|e| e.expect("entry").path())
        .filter(|p| {
            let name = p.to_string_lossy();
            name.ends_with(".an.xml") || name.ends_with(".md") && !name.ends_with("README.md")
        })
        .collect();
    files.sort();
    assert_eq!(
        files.len(),
        4,
        "three Akoma Ntoso and one Markdown: {files:?}"
    );
    files
}

fn demo() -> Meeting {
    roundtable::store::load(Path::new("sessions/demo.ron")).expect("demo loads")
}

/// Imports into the demo session and exports again (in Chinese).
fn through_a_session(t: &Transcript) -> Transcript {
    let mut meeting = demo();
    import(&mut meeting, t, "test").expect("imports");
    let back = from_meeting(&meeting, roundtable::domain::Lang::ZhTw);
    Meeting::open(meeting.into_session()).expect("the session still opens");
    back
}

#[test]
fn every_real_transcript_round_trips_in_its_own_format_and_the_other() {
    for path in real_transcripts() {
        let text = std::fs::read_to_string(&path).expect("readable");
        let original = parse(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        assert!(original.speech_count() > 10, "{}", path.display());
        let exported = through_a_session(&original);
        for (format, written) in [
            ("md", to_markdown(&exported)),
            ("akn", to_akoma_ntoso(&exported)),
        ] {
            let back = parse(&written)
                .unwrap_or_else(|e| panic!("{} re-read as {format}: {e}", path.display()));
            assert_eq!(
                back.record(),
                original.record(),
                "{} through a session and {format}",
                path.display()
            );
        }
    }
}

#[test]
fn the_published_counts_are_what_the_archive_readme_says() {
    let counts = |name: &str| {
        let text = std::fs::read_to_string(transcripts_dir().join(name)).expect("readable");
        let t = parse(&text).expect("parses");
        (t.speech_count(), t.narrative_count())
    };
    assert_eq!(
        counts("2020-10-28-ogp-taskforce-meeting-1.an.xml"),
        (251, 6)
    );
    assert_eq!(counts("2017-03-17-ogp-contacts-collab-1.an.xml"), (361, 5));
    assert_eq!(counts("2017-06-27-ogp-2017-q2.an.xml"), (339, 5));
    assert_eq!(counts("2021-01-20-visit.md").0, 50);
}

#[test]
fn akoma_ntoso_speakers_and_narrative_are_read_as_published() {
    let text = std::fs::read_to_string(
        transcripts_dir().join("2020-10-28-ogp-taskforce-meeting-1.an.xml"),
    )
    .expect("readable");
    let t = parse(&text).expect("parses");
    assert_eq!(
        t.title,
        "2020-10-28 「行政院開放政府國家行動方案推動小組」第1次會議"
    );
    let speakers: std::collections::HashSet<&str> = t
        .entries
        .iter()
        .filter_map(|e| match e {
            Entry::Speech { speaker, .. } => Some(speaker.as_str()),
            _ => None,
        })
        .collect();
    assert!(speakers.contains("內政部代表（陳主任秘書茂春）"));
    assert!(t.entries.iter().any(|e| matches!(e,
        Entry::Narrative { paragraphs } if paragraphs == &["（與會者皆無意見）".to_owned()])));
    // A speech that is only （點頭） stays a speech, in Markdown too.
    let nod = |t: &Transcript| {
        t.entries
            .iter()
            .filter(|e| matches!(e, Entry::Speech { paragraphs, .. } if paragraphs == &["（點頭）".to_owned()]))
            .count()
    };
    assert_eq!(nod(&t), 3);
    assert_eq!(nod(&parse(&to_markdown(&t)).expect("re-reads")), 3);
}

#[test]
fn links_in_published_narrative_survive_both_formats() {
    let text =
        std::fs::read_to_string(transcripts_dir().join("2017-03-17-ogp-contacts-collab-1.an.xml"))
            .expect("readable");
    let t = parse(&text).expect("parses");
    let Some(Entry::Narrative { paragraphs }) = t.entries.last() else {
        panic!("the transcript ends in narrative");
    };
    assert_eq!(paragraphs.len(), 2);
    assert!(paragraphs[1].contains("[回應連署人](https://join.gov.tw/idea/detail/"));
    let akn = to_akoma_ntoso(&t);
    assert!(akn.contains("<a href=\"https://join.gov.tw/idea/detail/"));
}

#[test]
fn speakers_on_the_roster_are_matched_and_the_rest_kept_by_name() {
    let md = "# 2026-12-03 測試\n\n### 陳怡君：\n開會。\n\n### Chou Ming-te:\nThank you.\n\n### 內政部代表（李科長雅婷）：\n附議。\n\n### 旁聽民眾：\n請問。\n\n（與會者皆無意見）\n";
    let t = parse(md).expect("parses");
    let mut meeting = demo();
    let report = import(&mut meeting, &t, "test").expect("imports");
    assert_eq!(report.speeches, 4);
    assert_eq!(report.narratives, 1);
    assert_eq!(report.unmatched, ["旁聽民眾"]);
    let speakers: Vec<Option<Speaker>> = meeting
        .state()
        .notes
        .iter()
        .map(|n| n.note.speaker.clone())
        .collect();
    assert_eq!(
        speakers,
        [
            Some(Speaker::Person(PersonId::new("cec-deputy"))),
            Some(Speaker::Person(PersonId::new("civic-participation"))),
            Some(Speaker::Person(PersonId::new("moi-household-rep"))),
            Some(Speaker::Named("旁聽民眾".into())),
            None,
        ]
    );
    assert_eq!(meeting.state().notes[4].note.kind, NoteKind::Narrative);
}

#[test]
fn a_section_heading_that_is_an_agenda_item_attaches_the_notes_to_it() {
    let md = "# 2026-12-03 測試\n\n## 公民投票電子連署系統建置進度\n\n### 林志豪：\n報告。\n";
    let mut meeting = demo();
    import(&mut meeting, &parse(md).expect("parses"), "test").expect("imports");
    assert_eq!(
        meeting.state().notes[0]
            .note
            .item
            .as_ref()
            .map(|i| i.0.as_str()),
        Some("report-system-progress")
    );
}

#[test]
fn the_finished_demo_exports_and_reimports_to_the_same_record() {
    let meeting = roundtable::store::load(Path::new("sessions/demo-finished.ron")).expect("loads");
    let t = from_meeting(&meeting, roundtable::domain::Lang::ZhTw);
    assert!(t.title.starts_with("2026-12-03 開放政府國家行動方案"));
    for written in [to_markdown(&t), to_akoma_ntoso(&t)] {
        let back = parse(&written).expect("re-reads");
        assert_eq!(back.record(), t.record());
    }
    let md = to_markdown(&t);
    assert!(md.contains("### 林志豪：\n"));
    assert!(md.contains("## 電子連署系統原始碼公開及第三方資安檢測案\n"));
    assert!(md.contains("\n（與會者皆無意見）\n"));
}

#[test]
fn what_is_not_a_transcript_is_refused() {
    for text in [
        "",
        "hello world",
        "# title only\n\nno speakers here\n",
        "<html><body>hi</body></html>",
        "<akomaNtoso><debate><debateBody></debateBody></debate></akomaNtoso>",
        "<akomaNtoso><debate><speech by=\"#a\"><p>x</speech>",
    ] {
        assert!(
            transcript::parse(text).is_err(),
            "{text:?} should not parse as a transcript"
        );
    }
}
