//! The after-the-meeting commands run end to end on files, as the CLI will call them:
//! outputs written whole, existing files refused without --force, bad input refused
//! with a clear message and nothing written.

use std::path::{Path, PathBuf};

use clap::{CommandFactory, Parser, Subcommand};
use roundtable::cli::minutes::{MinutesArgs, minutes};
use roundtable::cli::output::CommandError;
use roundtable::cli::participants::{ParticipantsArgs, participants};
use roundtable::cli::signin::{SigninArgs, signin};
use roundtable::cli::transcript::{TranscriptArgs, transcript};
use roundtable::cli::translations::{TranslationsArgs, translations};

/// The after-the-meeting commands, wired as `src/cli/mod.rs` wires them, with
/// their output captured.
#[derive(Parser, Debug)]
#[command(name = "roundtable")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    Minutes(MinutesArgs),
    Signin(SigninArgs),
    Transcript(TranscriptArgs),
    Translations(TranslationsArgs),
    Participants(ParticipantsArgs),
}

fn cli(args: &[&str]) -> Command {
    let mut full = vec!["roundtable"];
    full.extend_from_slice(args);
    Cli::try_parse_from(full)
        .unwrap_or_else(|e| panic!("{args:?}: {e}"))
        .command
}

fn run(command: &Command) -> Result<(Vec<u8>, String), CommandError> {
    let mut out = Vec::new();
    let mut err = Vec::new();
    match command {
        Command::Minutes(a) => minutes(a, &mut out, &mut err)?,
        Command::Signin(a) => signin(a, &mut out)?,
        Command::Transcript(a) => transcript(a, &mut out, &mut err)?,
        Command::Translations(a) => translations(a, &mut out, &mut err)?,
        Command::Participants(a) => participants(a, &mut out)?,
    }
    Ok((out, String::from_utf8(err).expect("UTF-8")))
}

/// A temporary folder with a copy of the finished demo.
fn folder() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("tempdir");
    let session = dir.path().join("meeting.ron");
    std::fs::copy("sessions/demo-finished.ron", &session).expect("copy");
    (dir, session)
}

fn s(path: &Path) -> &str {
    path.to_str().expect("UTF-8 path")
}

fn files_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("readable")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|n| !n.ends_with(".lock"))
        .collect();
    names.sort();
    names
}

#[test]
fn the_argument_definitions_are_consistent() {
    Cli::command().debug_assert();
}

#[test]
fn minutes_in_every_format_to_files_and_markdown_to_stdout() {
    let (dir, session) = folder();
    let (out, err) = run(&cli(&["minutes", s(&session)])).expect("markdown to stdout");
    let md = String::from_utf8(out).expect("UTF-8");
    assert!(md.starts_with("# 開放政府國家行動方案"));
    assert!(
        err.is_empty(),
        "Chinese minutes have nothing untranslated: {err}"
    );
    for (format, lang, name) in [
        ("md", "both", "m.md"),
        ("html", "en", "m.html"),
        ("odt", "zh-TW", "m.odt"),
    ] {
        let out = dir.path().join(name);
        let (stdout, err) = run(&cli(&[
            "minutes",
            s(&session),
            "--format",
            format,
            "--lang",
            lang,
            "-o",
            s(&out),
        ]))
        .expect("written");
        assert!(stdout.is_empty());
        assert!(std::fs::metadata(&out).expect("exists").len() > 1000);
        if lang != "zh-TW" {
            assert!(err.contains("have no English version"), "{err}");
            assert!(err.contains("translations export"), "{err}");
            // Each text by its part and the name of its field.
            assert!(
                err.contains("  3. Reports — item report-identity, remark at 14:38: 建議公開"),
                "{err}"
            );
            assert!(
                err.contains(
                    "  6. Action items — item extempore-accessibility, action item at 15:51: "
                ),
                "{err}"
            );
        }
    }
}

#[test]
fn an_existing_output_is_refused_without_force_and_left_alone() {
    let (dir, session) = folder();
    let out = dir.path().join("minutes.html");
    std::fs::write(&out, "keep me").expect("write");
    let error = run(&cli(&[
        "minutes",
        s(&session),
        "--format",
        "html",
        "-o",
        s(&out),
    ]))
    .expect_err("refused");
    assert!(
        error.to_string().contains("already exists; pass --force"),
        "{error}"
    );
    assert_eq!(std::fs::read_to_string(&out).expect("read"), "keep me");
    run(&cli(&[
        "minutes",
        s(&session),
        "--format",
        "html",
        "-o",
        s(&out),
        "--force",
    ]))
    .expect("forced");
    assert!(
        std::fs::read_to_string(&out)
            .expect("read")
            .starts_with("<!DOCTYPE html>")
    );
}

#[test]
fn the_session_file_is_never_an_output() {
    let (_dir, session) = folder();
    let before = std::fs::read(&session).expect("read");
    let error = run(&cli(&[
        "minutes",
        s(&session),
        "-o",
        s(&session),
        "--force",
    ]))
    .expect_err("refused");
    assert!(
        error.to_string().contains("is the session file itself"),
        "{error}"
    );
    assert_eq!(std::fs::read(&session).expect("read"), before);
}

#[test]
fn odt_without_an_output_file_is_refused() {
    let (_dir, session) = folder();
    let error = run(&cli(&["minutes", s(&session), "--format", "odt"])).expect_err("refused");
    assert!(error.to_string().contains("-o minutes.odt"), "{error}");
}

#[test]
fn an_unreadable_session_is_a_clear_error_and_nothing_is_written() {
    let dir = tempfile::tempdir().expect("tempdir");
    let broken = dir.path().join("broken.ron");
    std::fs::write(&broken, "(format: 1, meeting: (title: \"x\"").expect("write");
    let out = dir.path().join("out.html");
    for format in ["md", "html", "odt"] {
        let error = run(&cli(&[
            "minutes",
            s(&broken),
            "--format",
            format,
            "-o",
            s(&out),
        ]))
        .expect_err("refused");
        let message = error.to_string();
        assert!(
            message.contains("broken.ron:1:"),
            "file, line and column: {message}"
        );
    }
    let missing = dir.path().join("missing.ron");
    let error = run(&cli(&["signin", s(&missing), "-o", s(&out)])).expect_err("refused");
    assert!(error.to_string().contains("missing.ron"), "{error}");
    assert_eq!(files_in(dir.path()), ["broken.ron"], "nothing written");
}

#[test]
fn the_sign_in_sheet_is_csv_with_a_bom_and_fees_for_non_government_attendees() {
    let (dir, session) = folder();
    let out = dir.path().join("signin.csv");
    run(&cli(&["signin", s(&session), "-o", s(&out)])).expect("written");
    let bytes = std::fs::read(&out).expect("read");
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"), "UTF-8 BOM for Excel");
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(&bytes[3..]);
    let all: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("row")).collect();
    // The meeting above the table, then the table.
    assert_eq!(&all[0][0], "簽到表 Sign-in sheet");
    let header = all
        .iter()
        .position(|r| r.get(0) == Some("姓名 Name"))
        .expect("the header");
    let rows: Vec<csv::StringRecord> = all[header + 1..].to_vec();
    let row = |name: &str| {
        rows.iter()
            .find(|r| &r[0] == name)
            .unwrap_or_else(|| panic!("{name} on the sheet"))
            .clone()
    };
    // 14 members, 1 representative, 3 observers.
    assert_eq!(rows.len(), 18);
    let late = row("王俊傑");
    assert_eq!((&late[7], &late[8], &late[11]), ("14:25", "16:00", "否 no"));
    let early = row("楊惠婷");
    assert_eq!(
        (&early[7], &early[8], &early[10], &early[11], &early[12]),
        ("13:52", "15:40", "100", "是 yes", "是 yes")
    );
    let rep = row("李雅婷");
    assert_eq!((&rep[5], &rep[11]), ("指派代表", "否 no"));
    assert!(rep[6].contains("黃建國"));
    assert!(row("黃建國")[13].contains("represented"));
    assert!(row("劉淑芬")[13].contains("excused"));
    assert_eq!(&row("林曉薇")[3], "列席");
    assert_eq!(&row("林曉薇")[11], "否 no");
}

#[test]
fn transcript_export_then_import_into_a_fresh_copy_keeps_the_record() {
    let (dir, session) = folder();
    let md = dir.path().join("t.md");
    let akn = dir.path().join("t.an.xml");
    run(&cli(&["transcript", s(&session), "-o", s(&md)])).expect("md");
    run(&cli(&[
        "transcript",
        s(&session),
        "--format",
        "akn",
        "-o",
        s(&akn),
    ]))
    .expect("akn");
    for file in [&md, &akn] {
        let target = dir.path().join("fresh.ron");
        std::fs::copy("sessions/demo.ron", &target).expect("copy");
        let (_, err) = run(&cli(&["transcript", "import", s(&target), s(file)])).expect("imports");
        assert!(err.contains("matched to the roster"), "{err}");
        let before = roundtable::store::load(&session).expect("loads");
        let after = roundtable::store::load(&target).expect("still loads");
        // Everything someone said, decided or assigned comes back as a speech by the
        // same roster person; narrative as narrative.
        let record = |m: &roundtable::domain::Meeting| {
            m.state()
                .notes
                .iter()
                .map(|n| {
                    let narrative = n.note.speaker.is_none();
                    (narrative, n.note.speaker.clone(), n.note.text.text.clone())
                })
                .collect::<Vec<_>>()
        };
        assert_eq!(
            record(&after),
            record(&before),
            "speakers matched back to the roster"
        );
    }
}

#[test]
fn a_file_that_is_not_a_transcript_is_refused_and_the_session_unchanged() {
    let (dir, session) = folder();
    let before = std::fs::read(&session).expect("read");
    let not = dir.path().join("notes.txt");
    std::fs::write(&not, "just some notes\nno speakers").expect("write");
    let error = run(&cli(&["transcript", "import", s(&session), s(&not)])).expect_err("refused");
    assert!(error.to_string().contains("not a transcript"), "{error}");
    assert_eq!(std::fs::read(&session).expect("read"), before);
    let xml = dir.path().join("bad.xml");
    std::fs::write(&xml, "<akomaNtoso><debate><speech by=\"#a\"><p>x</speech>").expect("write");
    assert!(run(&cli(&["transcript", "import", s(&session), s(&xml)])).is_err());
    assert_eq!(std::fs::read(&session).expect("read"), before);
}

#[test]
fn translations_round_trip_and_stale_entries_are_refused() {
    let (dir, session) = folder();
    let po = dir.path().join("en.po");
    let (_, err) = run(&cli(&[
        "translations",
        "export",
        s(&session),
        "-o",
        s(&po),
        "--missing",
    ]))
    .expect("exported");
    assert!(err.contains("without English"), "{err}");
    let worksheet = std::fs::read_to_string(&po).expect("read");
    assert!(
        worksheet
            .contains("msgid \"建議公開行動身分識別之資安檢測結果，並說明手機遺失時之註銷流程。\"")
    );
    // The translator fills in every msgstr.
    let mut translated = String::new();
    for line in worksheet.lines() {
        if line.starts_with("msgstr \"\"") && !translated.ends_with("msgid \"\"\n") {
            translated.push_str("msgstr \"Translated.\"\n");
        } else {
            translated.push_str(line);
            translated.push('\n');
        }
    }
    // Meanwhile someone edits one Chinese text in the session.
    let text = std::fs::read_to_string(&session).expect("read");
    let edited = text.replace(
        "國際上電子投票及連署系統多有公開原始碼之例",
        "國際上多有公開原始碼之例",
    );
    assert_ne!(text, edited);
    std::fs::write(&session, edited).expect("write");
    std::fs::write(&po, translated).expect("write");
    let (_, err) = run(&cli(&["translations", "import", s(&session), s(&po)])).expect("merged");
    assert!(
        err.contains("refused log/"),
        "the stale entry is refused: {err}"
    );
    assert!(err.contains("has changed since"), "{err}");
    let m = roundtable::minutes::minutes(
        &roundtable::store::load(&session).expect("loads"),
        roundtable::minutes::Format::Markdown,
        roundtable::minutes::Languages::English,
    )
    .expect("renders");
    let left: Vec<&str> = m.untranslated.iter().map(|u| u.text.as_str()).collect();
    assert_eq!(left, ["國際上多有公開原始碼之例，可參考愛沙尼亞經驗。"]);
}

#[test]
fn participants_lists_agencies_and_civil_society_that_attended() {
    let (_dir, session) = folder();
    let (out, _) = run(&cli(&["participants", s(&session), "--lang", "both"])).expect("printed");
    let text = String::from_utf8(out).expect("UTF-8");
    let zh = text.lines().nth(1).expect("government line");
    assert!(zh.starts_with("政府機關："));
    assert!(
        zh.contains("內政部戶政司"),
        "represented agency counts: {zh}"
    );
    assert!(
        !zh.contains("國家資通安全研究院"),
        "excused agency does not: {zh}"
    );
    assert!(
        !zh.contains("中央選舉委員會"),
        "the lead agency has its own field: {zh}"
    );
    assert!(text.contains("公民社會、私部門、工作小組：臺灣公民參與協會、開放文化促進會"));
    assert!(text.contains(
        "Civil society, private sector, working groups: Taiwan Civic Participation Association"
    ));
}
