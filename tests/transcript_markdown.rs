//! The Markdown form of a transcript: the public archive's conventions (quoted
//! narrative, a title at any heading level, the header block), and the project's own
//! export read back without loss.

use std::path::Path;

use proptest::prelude::*;
use roundtable::domain::Lang;
use roundtable::minutes::transcript::{
    Entry, Transcript, from_meeting, parse, parse_markdown, to_markdown,
};

fn speech(speaker: &str, paragraphs: &[&str]) -> Entry {
    Entry::Speech {
        speaker: speaker.into(),
        paragraphs: paragraphs.iter().map(|p| (*p).to_owned()).collect(),
        at: None,
    }
}

fn narrative(paragraphs: &[&str]) -> Entry {
    Entry::Narrative {
        paragraphs: paragraphs.iter().map(|p| (*p).to_owned()).collect(),
    }
}

fn fixture(name: &str) -> String {
    std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/markdown")
            .join(name),
    )
    .expect("readable")
}

/// Written and read back: the same transcript, times and all.
fn assert_round_trips(t: &Transcript) {
    let written = to_markdown(t);
    let back = parse_markdown(&written).unwrap_or_else(|e| panic!("{e}\n{written}"));
    assert_eq!(back, *t, "written as:\n{written}");
}

#[test]
fn the_archive_conventions_are_read_as_published() {
    let t = parse(&fixture("archive-conventions.md")).expect("parses");
    assert_eq!(t.title, "2021-01-20 拾八號派對公司來訪");
    assert_eq!(
        t.header,
        [
            "📅 時間：110年1月20日\n🏡 地點：社創",
            "🌐本逐字稿最後將以拋棄著作權（CC0）授權條款公開。",
        ]
    );
    assert_eq!(
        t.entries,
        [
            Entry::Section("開場".into()),
            speech("Abby Chiang", &["我先介紹一下我自己。"]),
            narrative(&["（笑）"]),
            speech("唐鳳", &["很高壽。"]),
            narrative(&["(laughter)"]),
            speech("Audrey Tang", &["Thank you.", "> not a narrative, a quote"]),
            narrative(&["（與會者\n皆無意見）"]),
        ]
    );
}

#[test]
fn a_quoted_parenthesised_line_is_narrative_not_speech() {
    for (quoted, text) in [
        ("> （笑）", "（笑）"),
        (">（笑）", "（笑）"),
        ("> (laughter)", "(laughter)"),
        ("> （與會者\n> 皆無意見）", "（與會者\n皆無意見）"),
    ] {
        let md = format!("# 2026-12-03 測試\n\n### 唐鳳：\n對。\n\n{quoted}\n\n後來。\n");
        let t = parse_markdown(&md).expect("parses");
        assert_eq!(
            t.entries,
            [
                speech("唐鳳", &["對。"]),
                narrative(&[text]),
                // After narrative, the same speaker goes on.
                speech("唐鳳", &["後來。"]),
            ],
            "{quoted:?}"
        );
    }
    // Quoted text that is not parenthesised stays the speaker's, as written.
    let t = parse_markdown("# t\n\n### 唐鳳：\n> 引用一句話\n").expect("parses");
    assert_eq!(t.entries, [speech("唐鳳", &["> 引用一句話"])]);
}

#[test]
fn the_title_may_be_a_heading_of_any_level() {
    for hashes in ["#", "##", "###", "####", "######"] {
        let md = format!(
            "\n{hashes} 2026-12-03 測試\n\n時間：12月3日\n\n## 第一案\n\n### 林志豪：\n報告。\n\n### 陳怡君:\n謝謝。\n"
        );
        let t = parse_markdown(&md).unwrap_or_else(|e| panic!("{hashes}: {e}"));
        assert_eq!(t.title, "2026-12-03 測試", "{hashes}");
        assert_eq!(t.header, ["時間：12月3日"], "{hashes}");
        assert_eq!(
            t.entries,
            [
                Entry::Section("第一案".into()),
                speech("林志豪", &["報告。"]),
                speech("陳怡君", &["謝謝。"]),
            ],
            "{hashes}"
        );
    }
    // A dated title may end in a colon, even at the speakers' level.
    let t = parse_markdown("### 2026-12-03 會議：\n\n### 林志豪：\n報告。\n").expect("parses");
    assert_eq!(t.title, "2026-12-03 會議：");
    assert_eq!(t.speech_count(), 1);
}

#[test]
fn a_speaker_line_first_is_refused_not_taken_for_the_title() {
    for md in [
        "### 林志豪：\n報告。\n\n### 陳怡君：\n謝謝。\n",
        "#hashtag\n\n### 林志豪：\n報告。\n",
        "title\n\n### 林志豪：\n報告。\n",
    ] {
        assert!(parse_markdown(md).is_err(), "{md:?}");
    }
    let message = parse_markdown("### 林志豪：\n報告。\n")
        .expect_err("refused")
        .to_string();
    assert!(message.contains("### 林志豪："), "{message}");
}

#[test]
fn the_header_block_of_the_real_transcript_is_kept() {
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/transcripts/2021-01-20-visit.md"),
    )
    .expect("readable");
    let t = parse(&text).expect("parses");
    assert_eq!(t.title, "2021-01-20 拾八號派對公司來訪");
    assert_eq!(t.header.len(), 4, "{:#?}", t.header);
    assert_eq!(t.header[0], "📅 時間：110年1月20日\n🏡 地點：社創");
    assert!(t.header[1].starts_with("🌐此為逐字稿共筆頁面"));
    assert_eq!(t.header[3], "【開始記錄】");
    assert!(matches!(&t.entries[0], Entry::Speech { speaker, .. } if speaker == "Abby Chiang"));
    // And written again, read back the same.
    assert_round_trips(&t);
}

#[test]
fn the_finished_demo_round_trips_in_both_languages() {
    let meeting = roundtable::store::load(Path::new("sessions/demo-finished.ron")).expect("loads");
    for lang in [Lang::ZhTw, Lang::En] {
        let t = from_meeting(&meeting, lang);
        assert!(!t.header.is_empty(), "{lang:?}");
        assert!(t.narrative_count() > 0 && t.speech_count() > 0, "{lang:?}");
        let written = to_markdown(&t);
        let back = parse_markdown(&written).expect("re-reads");
        assert_eq!(back.title, t.title, "{lang:?}");
        assert_eq!(back.header, t.header, "{lang:?}");
        assert_eq!(back.record(), t.record(), "{lang:?}");
        assert_eq!(back, t, "{lang:?}");
        // Writing it again gives the same text.
        assert_eq!(to_markdown(&back), written, "{lang:?}");
    }
}

#[test]
fn tricky_transcripts_round_trip() {
    let t = |title: &str, header: &[&str], entries: Vec<Entry>| Transcript {
        title: title.into(),
        header: header.iter().map(|p| (*p).to_owned()).collect(),
        entries,
        dropped: Default::default(),
    };
    let cases = [
        // Narrative first, right after the header, and without a header.
        t(
            "2026-12-03 測試",
            &["時間：12月3日"],
            vec![narrative(&["（開會）"]), speech("A", &["x"])],
        ),
        t(
            "2026-12-03 測試",
            &[],
            vec![narrative(&["主席宣布開會"]), speech("A", &["x"])],
        ),
        // Two narratives in a row, one parenthesised and one not.
        t(
            "t",
            &[],
            vec![
                narrative(&["（a）", "b"]),
                narrative(&["c"]),
                speech("A", &["x"]),
                narrative(&["(d)"]),
            ],
        ),
        // Sections with no speech, an empty section, a speech with no paragraphs.
        t(
            "t",
            &["h"],
            vec![
                Entry::Section("一".into()),
                Entry::Section("二".into()),
                Entry::Section(String::new()),
                speech("A", &[]),
                speech("B", &["x"]),
                Entry::Section("三".into()),
            ],
        ),
        // Speech text that reads as markup, first line or later.
        t(
            "t",
            &[],
            vec![speech(
                "A",
                &[
                    "# not a title",
                    "## not a section",
                    "### B：",
                    "> （not narrative）",
                    "> quote",
                    "(aside)",
                    "（點頭）",
                    "*emphasis*",
                    "_emphasis_",
                    "**bold** start",
                    "* a list item",
                    "\\backslash",
                    "\\# escaped already",
                    "\\\\",
                    "<!-- -->",
                    "<!-- comment -->",
                    "first\n### B：\n## sec\n# t\n> （笑）\n\\x\n\\#y",
                    "#hashtag",
                ],
            )],
        ),
        // Header paragraphs that read as markup or narrative.
        t(
            "t",
            &[
                "（not narrative）",
                "*not italic*",
                "> （not quoted）",
                "## not a section",
                "\\x",
                "<!-- -->",
                "a\n### b：",
            ],
            vec![speech("A", &["x"])],
        ),
        // Narrative that would read as markup inside.
        t(
            "t",
            &[],
            vec![
                speech("A", &["x"]),
                narrative(&["*", "#", "> y", "（a\n### b：）", "\\", "a*"]),
            ],
        ),
        // Titles and speakers with markup of their own.
        t("", &[], vec![speech("", &["x"])]),
        t("#tag 2026-12-03", &[], vec![speech("A：", &["x"])]),
        t("t", &[], vec![speech("B:", &["x"]), speech("#C", &["y"])]),
    ];
    for case in &cases {
        assert_round_trips(case);
    }
}

// ---- any transcript the export can hold --------------------------------------------

/// Text of one line with the characters that matter to the format likely.
fn line() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![
            3 => proptest::sample::select(vec![
                "#", "##", "### ", "> ", ">", "\\", "*", "_", "(", ")", "（", "）", "<!--",
                "-->", " ", "：", ":", "a", "字",
            ])
            .prop_map(str::to_owned),
            1 => "[a-z唐鳳 ]{1,4}",
        ],
        1..6,
    )
    .prop_map(|parts| parts.concat())
}

/// A paragraph as `from_meeting` makes them: trimmed, no blank line inside, no
/// trailing space on a line.
fn paragraph() -> impl Strategy<Value = String> {
    proptest::collection::vec(line(), 1..4).prop_filter_map("empty line", |lines| {
        let lines: Vec<String> = lines.iter().map(|l| l.trim_end().to_owned()).collect();
        let p = lines.join("\n").trim().to_owned();
        (!p.is_empty() && p.split('\n').all(|l| !l.trim().is_empty())).then_some(p)
    })
}

/// A one-line name (title, section, speaker): trimmed, maybe empty.
fn name() -> impl Strategy<Value = String> {
    line().prop_map(|l| l.trim().to_owned())
}

fn entry() -> impl Strategy<Value = Entry> {
    prop_oneof![
        name().prop_map(Entry::Section),
        (name(), proptest::collection::vec(paragraph(), 0..3)).prop_map(|(speaker, paragraphs)| {
            Entry::Speech {
                speaker,
                paragraphs,
                at: None,
            }
        }),
        proptest::collection::vec(paragraph(), 1..3)
            .prop_map(|paragraphs| Entry::Narrative { paragraphs }),
    ]
}

fn transcript() -> impl Strategy<Value = Transcript> {
    (
        name(),
        proptest::collection::vec(paragraph(), 0..3),
        proptest::collection::vec(entry(), 0..8),
        name(),
        proptest::collection::vec(paragraph(), 1..2),
    )
        .prop_map(|(title, header, mut entries, speaker, last)| {
            // A transcript has at least one speech.
            entries.push(Entry::Speech {
                speaker,
                paragraphs: last,
                at: None,
            });
            Transcript {
                title,
                header,
                entries,
                dropped: Default::default(),
            }
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn any_transcript_round_trips(t in transcript()) {
        let written = to_markdown(&t);
        let back = parse_markdown(&written);
        prop_assert!(back.is_ok(), "{:?}\n{}", back, written);
        prop_assert_eq!(back.unwrap(), t, "written as:\n{}", written);
    }
}

#[test]
fn a_known_time_is_a_hidden_comment_after_the_speaker_and_reads_back() {
    let at = chrono::DateTime::parse_from_rfc3339("2026-12-03T14:05:00+08:00").expect("time");
    let t = Transcript {
        title: "2026-12-03 Forum".into(),
        entries: vec![
            Entry::Speech {
                speaker: "林志豪".into(),
                paragraphs: vec!["On time.".into()],
                at: Some(at),
            },
            // No turn said when this began: no time, and nothing written for one.
            speech("陳怡君", &["<!-- startTime 2026-12-03T14:06:00+08:00 -->"]),
        ],
        ..Transcript::default()
    };
    let written = to_markdown(&t);
    assert!(
        written
            .contains("### 林志豪：\n<!-- startTime 2026-12-03T14:05:00+08:00 -->\n\nOn time.\n"),
        "{written}"
    );
    // Words that look like the comment are escaped, and stay words.
    assert!(
        written.contains("### 陳怡君：\n\\<!-- startTime"),
        "{written}"
    );
    assert_round_trips(&t);
}
