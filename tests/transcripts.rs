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

// ---- importing again, and a transcript of another day ------------------------------

fn real(name: &str) -> Transcript {
    let text = std::fs::read_to_string(transcripts_dir().join(name)).expect("readable");
    parse(&text).expect("parses")
}

/// The demo's notes as (item, speaker, text), in order.
fn notes(meeting: &Meeting) -> Vec<(Option<String>, Option<Speaker>, String)> {
    meeting
        .state()
        .notes
        .iter()
        .map(|n| {
            (
                n.note.item.as_ref().map(|i| i.0.clone()),
                n.note.speaker.clone(),
                n.note.text.text.clone(),
            )
        })
        .collect()
}

#[test]
fn importing_the_same_transcript_twice_records_nothing_the_second_time() {
    for name in [
        "2021-01-20-visit.md",
        "2020-10-28-ogp-taskforce-meeting-1.an.xml",
    ] {
        let t = real(name);
        let mut meeting = demo();
        let first = import(&mut meeting, &t, "test").expect("imports");
        assert_eq!(first.speeches, t.speech_count(), "{name}");
        assert_eq!(first.narratives, t.narrative_count(), "{name}");
        assert_eq!(first.already_there, 0, "{name}");
        let before = meeting.session().clone();
        let ron = roundtable::store::to_ron(&before);
        let second = import(&mut meeting, &t, "test").expect("imports again");
        assert_eq!(second.recorded(), 0, "{name}");
        assert_eq!(second.speeches + second.narratives, 0, "{name}");
        assert_eq!(
            second.already_there,
            t.speech_count() + t.narrative_count(),
            "{name}: every entry, repeated ones (（點頭）, 謝謝。) included, is already there"
        );
        // The speakers are still reported, as the first time.
        assert_eq!(second.matched, first.matched, "{name}");
        assert_eq!(second.unmatched, first.unmatched, "{name}");
        assert_eq!(meeting.session(), &before, "{name}");
        assert_eq!(roundtable::store::to_ron(meeting.session()), ron, "{name}");
    }
}

const SHORT: &str = "# 2026-12-03 測試\n\n## 公民投票電子連署系統建置進度\n\n### 林志豪：\n報告。\n\n### 陳怡君：\n謝謝。\n\n（點頭）\n";

/// `SHORT` corrected and continued: the first speech reworded, and the same words
/// (謝謝。) said again by the same person, which is another speech.
const LONGER: &str = "# 2026-12-03 測試\n\n## 公民投票電子連署系統建置進度\n\n### 林志豪：\n報告如下。\n\n### 陳怡君：\n謝謝。\n\n（點頭）\n\n### 林志豪：\n補充一點。\n\n### 陳怡君：\n謝謝。\n\n### 旁聽民眾：\n請問。\n";

#[test]
fn a_longer_transcript_adds_only_the_new_speeches() {
    let mut meeting = demo();
    let first = import(&mut meeting, &parse(SHORT).expect("parses"), "test").expect("imports");
    assert_eq!((first.speeches, first.narratives), (2, 1));
    let report = import(&mut meeting, &parse(LONGER).expect("parses"), "test").expect("imports");
    assert_eq!((report.speeches, report.narratives), (4, 0));
    assert_eq!(report.already_there, 2, "謝謝。 once, and （點頭）");
    let item = Some("report-system-progress".to_owned());
    let lin = Some(Speaker::Person(PersonId::new("cec-planning")));
    let chen = Some(Speaker::Person(PersonId::new("cec-deputy")));
    let notes = notes(&meeting);
    assert_eq!(
        notes[3..],
        [
            (item.clone(), lin.clone(), "報告如下。".to_owned()),
            (item.clone(), lin, "補充一點。".to_owned()),
            (item.clone(), chen, "謝謝。".to_owned()),
            (
                item,
                Some(Speaker::Named("旁聽民眾".into())),
                "請問。".to_owned()
            ),
        ],
        "{notes:#?}"
    );
    // Both versions are in now: either again adds nothing.
    for text in [SHORT, LONGER] {
        let again = import(&mut meeting, &parse(text).expect("parses"), "test").expect("imports");
        assert_eq!(again.recorded(), 0);
    }
}

#[test]
fn a_note_typed_live_or_corrected_since_is_already_there() {
    let mut meeting = demo();
    let at = meeting.session().log.last().expect("a log").at;
    let typed = roundtable::domain::Note {
        speaker: Some(Speaker::Person(PersonId::new("cec-deputy"))),
        kind: NoteKind::Said,
        // Typed with other spacing than the transcript's.
        text: "開會， \n 謝謝大家。\n".into(),
        item: None,
    };
    meeting
        .record(
            at,
            roundtable::domain::Author::NoteTaker("note-taker".into()),
            roundtable::domain::EventKind::NoteAdded(typed.into()),
        )
        .expect("typed");
    let md = "# 2026-12-03 測試\n\n### 陳怡君：\n開會，\n謝謝大家。\n\n### 林志豪：\n報告。\n";
    let t = parse(md).expect("parses");
    let report = import(&mut meeting, &t, "test").expect("imports");
    assert_eq!((report.speeches, report.already_there), (1, 1));

    // The imported speech corrected since: importing the transcript again does not
    // bring the uncorrected words back.
    let seq = meeting.state().notes[1].seq;
    let mut corrected = (*meeting.state().notes[1].note).clone();
    corrected.text = "報告完畢。".into();
    meeting
        .record(
            at,
            roundtable::domain::Author::Facilitator,
            roundtable::domain::EventKind::NoteCorrected {
                note: seq,
                corrected: corrected.into(),
            },
        )
        .expect("corrected");
    let again = import(&mut meeting, &t, "test").expect("imports");
    assert_eq!((again.recorded(), again.already_there), (0, 2));
    assert_eq!(meeting.state().notes.len(), 2);
}

#[test]
fn the_finished_demo_exported_and_imported_into_itself_adds_nothing() {
    let meeting = roundtable::store::load(Path::new("sessions/demo-finished.ron")).expect("loads");
    for lang in [roundtable::domain::Lang::ZhTw, roundtable::domain::Lang::En] {
        let t = from_meeting(&meeting, lang);
        for (format, written) in [("md", to_markdown(&t)), ("akn", to_akoma_ntoso(&t))] {
            let mut again = meeting.clone();
            let report =
                import(&mut again, &parse(&written).expect("re-reads"), "test").expect("imports");
            assert_eq!(report.recorded(), 0, "{lang:?} {format}: {report:?}");
            assert_eq!(report.already_there, t.record().len(), "{lang:?} {format}");
        }
    }
}

#[test]
fn a_transcript_is_dated_by_its_title() {
    let date = |y, m, d| chrono::NaiveDate::from_ymd_opt(y, m, d).expect("a date");
    let titled = |title: &str| Transcript {
        title: title.into(),
        ..Transcript::default()
    };
    assert_eq!(
        parse(SHORT).expect("parses").date(),
        Some(date(2026, 12, 3))
    );
    // As the archive writes it, without a space.
    assert_eq!(
        titled("2020-10-28「行政院開放政府國家行動方案推動小組」第1次會議").date(),
        Some(date(2020, 10, 28))
    );
    assert_eq!(
        real("2020-10-28-ogp-taskforce-meeting-1.an.xml").date(),
        Some(date(2020, 10, 28))
    );
    assert_eq!(real("2021-01-20-visit.md").date(), Some(date(2021, 1, 20)));
    for undated in [
        "測試",
        "",
        "第 3 次會議",
        "2026-13-45 測試",
        "2026-12-034 測試",
    ] {
        assert_eq!(titled(undated).date(), None, "{undated:?}");
    }
}

#[test]
fn a_transcript_of_another_day_is_refused_and_one_without_a_date_accepted() {
    let meeting = demo();
    let other = real("2020-10-28-ogp-taskforce-meeting-1.an.xml");
    let refused = other.check_date(&meeting).expect_err("another day");
    assert_eq!(refused.transcript.to_string(), "2020-10-28");
    assert_eq!(refused.meeting.to_string(), "2026-12-03");
    let message = refused.to_string();
    assert!(
        message.contains("2020-10-28") && message.contains("2026-12-03"),
        "{message}"
    );
    assert_eq!(parse(SHORT).expect("parses").check_date(&meeting), Ok(()));
    let undated = parse("# 第一次會議\n\n### 林志豪：\n報告。\n").expect("parses");
    assert_eq!(undated.date(), None);
    assert_eq!(undated.check_date(&meeting), Ok(()));
    // Our own Akoma Ntoso export of the finished demo begins with an agenda item, not
    // a dated title: it has no date, and is taken as the meeting's.
    let finished = roundtable::store::load(Path::new("sessions/demo-finished.ron")).expect("loads");
    let akn = to_akoma_ntoso(&from_meeting(&finished, roundtable::domain::Lang::ZhTw));
    assert_eq!(parse(&akn).expect("parses").check_date(&meeting), Ok(()));
}

// ---- the same through `roundtable transcript import` -------------------------------

mod command {
    use std::path::{Path, PathBuf};

    use clap::{Parser, Subcommand};
    use roundtable::cli::output::CommandError;
    use roundtable::cli::transcript::{TranscriptArgs, transcript};

    use super::{LONGER, SHORT};

    #[derive(Parser, Debug)]
    #[command(name = "roundtable")]
    struct Cli {
        #[command(subcommand)]
        command: Command,
    }

    #[derive(Subcommand, Debug)]
    enum Command {
        Transcript(TranscriptArgs),
    }

    /// `roundtable transcript import SESSION TRANSCRIPT [--force]`: what it wrote on
    /// stderr.
    fn import(session: &Path, transcript_file: &Path, force: bool) -> Result<String, CommandError> {
        import_with(
            session,
            transcript_file,
            if force { &["--force"] } else { &[] },
        )
    }

    /// `roundtable transcript import SESSION TRANSCRIPT` with `flags`.
    fn import_with(
        session: &Path,
        transcript_file: &Path,
        flags: &[&str],
    ) -> Result<String, CommandError> {
        let mut args = vec![
            "roundtable",
            "transcript",
            "import",
            session.to_str().expect("UTF-8"),
            transcript_file.to_str().expect("UTF-8"),
        ];
        args.extend_from_slice(flags);
        let Command::Transcript(parsed) = Cli::try_parse_from(&args)
            .unwrap_or_else(|e| panic!("{args:?}: {e}"))
            .command;
        let (mut out, mut err) = (Vec::new(), Vec::new());
        transcript(&parsed, &mut out, &mut err)?;
        assert!(out.is_empty());
        Ok(String::from_utf8(err).expect("UTF-8"))
    }

    /// A temporary folder with a copy of the demo (2026-12-03) and `transcripts` in it.
    fn folder(transcripts: &[(&str, &str)]) -> (tempfile::TempDir, PathBuf) {
        let dir = tempfile::tempdir().expect("tempdir");
        let session = dir.path().join("meeting.ron");
        std::fs::copy("sessions/demo.ron", &session).expect("copy");
        for (name, text) in transcripts {
            std::fs::write(dir.path().join(name), text).expect("write");
        }
        (dir, session)
    }

    fn note_count(session: &Path) -> usize {
        roundtable::store::load(session)
            .expect("loads")
            .state()
            .notes
            .len()
    }

    #[test]
    fn importing_twice_leaves_the_file_byte_identical_the_second_time() {
        let (dir, session) = folder(&[("t.md", SHORT)]);
        let t = dir.path().join("t.md");
        let first = import(&session, &t, false).expect("imports");
        assert!(
            first.contains("merged 2 new speeches and 1 new narrative notes")
                && first.contains("0 already in the session"),
            "{first}"
        );
        let bytes = std::fs::read(&session).expect("read");
        let modified = std::fs::metadata(&session)
            .and_then(|m| m.modified())
            .expect("mtime");
        let second = import(&session, &t, false).expect("imports again");
        assert!(
            second.contains("merged 0 new speeches and 0 new narrative notes")
                && second.contains("3 already in the session, not recorded again"),
            "{second}"
        );
        assert_eq!(std::fs::read(&session).expect("read"), bytes);
        assert_eq!(
            std::fs::metadata(&session)
                .and_then(|m| m.modified())
                .expect("mtime"),
            modified,
            "not even rewritten"
        );
    }

    #[test]
    fn a_longer_transcript_adds_only_what_is_new() {
        let (dir, session) = folder(&[("short.md", SHORT), ("longer.md", LONGER)]);
        import(&session, &dir.path().join("short.md"), false).expect("imports");
        assert_eq!(note_count(&session), 3);
        let report = import(&session, &dir.path().join("longer.md"), false).expect("imports");
        assert!(
            report.contains("merged 4 new speeches and 0 new narrative notes")
                && report.contains("2 already in the session"),
            "{report}"
        );
        assert_eq!(note_count(&session), 7);
    }

    #[test]
    fn a_transcript_of_another_day_is_refused_unless_forced() {
        let other = "# 2020-10-28 另一次會議\n\n### 林志豪：\n報告。\n";
        let (dir, session) = folder(&[("other.md", other)]);
        let t = dir.path().join("other.md");
        let before = std::fs::read(&session).expect("read");
        let error = import(&session, &t, false).expect_err("refused");
        let message = error.to_string();
        for words in [
            "other.md",
            "2020-10-28",
            "2026-12-03",
            "--force",
            "unchanged",
        ] {
            assert!(message.contains(words), "{words:?} in {message}");
        }
        assert_eq!(std::fs::read(&session).expect("read"), before);
        let forced = import(&session, &t, true).expect("forced");
        assert!(forced.contains("merged 1 new speeches"), "{forced}");
        assert_eq!(note_count(&session), 1);
    }

    #[test]
    fn a_transcript_without_a_date_is_accepted() {
        let undated = "# 第一次會議\n\n### 林志豪：\n報告。\n";
        let (dir, session) = folder(&[("undated.md", undated)]);
        import(&session, &dir.path().join("undated.md"), false).expect("imports");
        assert_eq!(note_count(&session), 1);
    }

    #[test]
    fn the_binary_refuses_another_day_with_both_dates_and_takes_force() {
        let (dir, session) = folder(&[]);
        let t = dir.path().join("2020.an.xml");
        std::fs::copy(
            super::transcripts_dir().join("2020-10-28-ogp-taskforce-meeting-1.an.xml"),
            &t,
        )
        .expect("copy");
        let run = |force: bool| {
            let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_roundtable"));
            command.args(["transcript", "import"]).arg(&session).arg(&t);
            if force {
                command.arg("--force");
            }
            command
                .stdin(std::process::Stdio::null())
                .env("NO_COLOR", "1")
                .output()
                .expect("runs")
        };
        let refused = run(false);
        assert_eq!(refused.status.code(), Some(1));
        let stderr = String::from_utf8_lossy(&refused.stderr);
        assert!(
            stderr.starts_with("roundtable: ")
                && stderr.contains("2020-10-28")
                && stderr.contains("2026-12-03")
                && stderr.contains("--force"),
            "{stderr}"
        );
        assert_eq!(note_count(&session), 0);
        let forced = run(true);
        assert!(forced.status.success(), "{forced:?}");
        assert_eq!(note_count(&session), 257);
        // And again: nothing new.
        let again = run(true);
        assert!(again.status.success());
        assert!(
            String::from_utf8_lossy(&again.stderr)
                .contains("0 new speeches and 0 new narrative notes"),
            "{again:?}"
        );
        assert_eq!(note_count(&session), 257);
    }

    /// The demo's day, with emphasis in a speech and a preface the reader leaves out.
    const LOSSY: &str = r##"<?xml version="1.0" encoding="utf-8"?>
<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">
  <debate name="debate">
    <meta><references source="#r"><TLCPerson id="lin" showAs="林志豪"/></references></meta>
    <preface><p>Verbatim record</p></preface>
    <debateBody>
      <debateSection>
        <heading>2026-12-03 第一次會議</heading>
        <speech by="#lin"><p>報告<b>一</b>與<b>二</b>。</p></speech>
        <narrative><p><i>（笑）</i></p></narrative>
      </debateSection>
    </debateBody>
  </debate>
</akomaNtoso>
"##;

    #[test]
    fn what_was_dropped_is_listed_after_the_merge_line_kind_by_kind() {
        let (dir, session) = folder(&[("lossy.an.xml", LOSSY), ("short.md", SHORT)]);
        let report = import(&session, &dir.path().join("lossy.an.xml"), false).expect("imports");
        let lines: Vec<&str> = report.lines().collect();
        assert!(
            lines[0].starts_with("merged 1 new speeches and 1 new narrative notes"),
            "{report}"
        );
        let dropped: Vec<&str> = lines
            .iter()
            .copied()
            .filter(|l| l.starts_with("dropped: "))
            .collect();
        assert_eq!(
            dropped,
            [
                "dropped: 2 × emphasis (<b>)",
                "dropped: 1 × text outside the debate (<preface>)",
            ],
            "{report}"
        );
        assert_eq!(
            lines.last(),
            dropped.last(),
            "after the merge line: {report}"
        );
        assert_eq!(note_count(&session), 2);
        // Nothing lost, nothing said.
        let clean = import(&session, &dir.path().join("short.md"), false).expect("imports");
        assert!(!clean.contains("dropped"), "{clean}");
    }

    #[test]
    fn strict_refuses_a_lossy_transcript_and_leaves_the_session_unchanged() {
        let (dir, session) = folder(&[("lossy.an.xml", LOSSY), ("short.md", SHORT)]);
        let before = std::fs::read(&session).expect("read");
        let error = import_with(&session, &dir.path().join("lossy.an.xml"), &["--strict"])
            .expect_err("refused");
        let message = error.to_string();
        for words in [
            "lossy.an.xml",
            "--strict",
            "unchanged",
            "2 × emphasis (<b>), 1 × text outside the debate (<preface>)",
        ] {
            assert!(message.contains(words), "{words:?} in {message}");
        }
        assert_eq!(std::fs::read(&session).expect("read"), before);
        // A transcript that loses nothing is imported under --strict as without it.
        let clean =
            import_with(&session, &dir.path().join("short.md"), &["--strict"]).expect("imports");
        assert!(clean.contains("merged 2 new speeches"), "{clean}");
        assert_eq!(note_count(&session), 3);
    }

    #[test]
    fn the_binary_exits_1_under_strict_when_something_was_dropped() {
        let (dir, session) = folder(&[("lossy.an.xml", LOSSY)]);
        let before = std::fs::read(&session).expect("read");
        let run = |strict: bool| {
            let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_roundtable"));
            command
                .args(["transcript", "import"])
                .arg(&session)
                .arg(dir.path().join("lossy.an.xml"));
            if strict {
                command.arg("--strict");
            }
            command
                .stdin(std::process::Stdio::null())
                .env("NO_COLOR", "1")
                .output()
                .expect("runs")
        };
        let refused = run(true);
        assert_eq!(refused.status.code(), Some(1));
        let stderr = String::from_utf8_lossy(&refused.stderr);
        assert!(
            stderr.starts_with("roundtable: ") && stderr.contains("2 × emphasis (<b>)"),
            "{stderr}"
        );
        assert_eq!(std::fs::read(&session).expect("read"), before);
        let merged = run(false);
        assert!(merged.status.success(), "{merged:?}");
        assert!(
            String::from_utf8_lossy(&merged.stderr).contains("dropped: 2 × emphasis (<b>)"),
            "{merged:?}"
        );
        assert_eq!(note_count(&session), 2);
    }
}
