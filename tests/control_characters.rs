//! A session file is text anyone may have written, and a name or a note in it can hold
//! control characters: an escape sequence that retitles the terminal (`ESC ] 0 ; …
//! BEL`), clears it, or a NUL. None of them may leave the program, in any output: what
//! `check` prints, the minutes in every format (XML 1.0 cannot even hold them), the
//! sign-in sheet, the transcript in both formats, the translation worksheet and the
//! participants list. The visible rest of the text stays.

use std::io::{Cursor, Read};
use std::path::{Path, PathBuf};
use std::process::Command;

use roundtable::domain::{Lang, Meeting};
use roundtable::minutes::{
    self, Format, Languages, participants, signin, transcript, translations,
};

/// What is put into every text: an OSC sequence retitling the window, NUL, a CSI
/// sequence clearing the screen, and the same as one C1 character.
const POISON: &str = r"\u{1b}]0;pwned\u{7}\u{0}\u{1b}[2J\u{9b}31m";

/// The finished demo meeting with `POISON` after the first character of every text:
/// every string of the file with a space or a non-ASCII character in it (names,
/// titles, notes, reasons, in both languages), and none of the ids, dates or times.
fn poisoned_session(dir: &Path) -> PathBuf {
    let source = std::fs::read_to_string("sessions/demo-finished.ron").expect("the demo");
    let mut out = String::with_capacity(source.len() * 2);
    let mut rest = source.as_str();
    while let Some(open) = rest.find('"') {
        out.push_str(&rest[..=open]);
        rest = &rest[open + 1..];
        let close = closing_quote(rest);
        let literal = &rest[..close];
        if literal.contains(' ') || !literal.is_ascii() {
            let first = literal.chars().next().expect("not empty").len_utf8();
            out.push_str(&literal[..first]);
            out.push_str(POISON);
            out.push_str(&literal[first..]);
        } else {
            out.push_str(literal);
        }
        out.push('"');
        rest = &rest[close + 1..];
    }
    out.push_str(rest);
    let path = dir.join("poisoned.ron");
    std::fs::write(&path, out).expect("write the session");
    path
}

/// Where the string literal that `rest` starts inside ends (its closing quote).
fn closing_quote(rest: &str) -> usize {
    let mut escaped = false;
    for (i, c) in rest.char_indices() {
        match c {
            '\\' if !escaped => escaped = true,
            '"' if !escaped => return i,
            _ => escaped = false,
        }
    }
    panic!("an unclosed string in the demo");
}

fn load(path: &Path) -> Meeting {
    roundtable::store::load(path).expect("the poisoned session loads")
}

/// Fails with the output's name and where it holds a control character other than a
/// line break, a tab or a carriage return (CSV ends its rows with one).
fn assert_clean(what: &str, text: &str) {
    if let Some((at, c)) = text
        .char_indices()
        .find(|&(_, c)| c.is_control() && !matches!(c, '\n' | '\t' | '\r'))
    {
        let from = text[..at]
            .char_indices()
            .rev()
            .nth(20)
            .map_or(0, |(i, _)| i);
        panic!(
            "{what} holds {c:?} at byte {at}: {:?}",
            &text[from..(at + 20).min(text.len())]
        );
    }
}

fn assert_clean_bytes(what: &str, bytes: &[u8]) {
    assert_clean(what, std::str::from_utf8(bytes).expect("UTF-8"));
}

#[test]
fn the_poisoned_session_really_holds_the_control_characters() {
    // Else every other test here would pass for nothing.
    let dir = tempfile::tempdir().expect("temp dir");
    let meeting = load(&poisoned_session(dir.path()));
    let name = &meeting.session().roster.members[0].name;
    assert!(name.text.contains("\u{1b}]0;pwned\u{7}"), "{name:?}");
    assert!(name.english().is_some_and(|en| en.contains('\u{0}')));
    let notes = meeting.state().notes.iter();
    assert!(
        notes
            .filter(|n| n.note.text.text.contains('\u{9b}'))
            .count()
            > 10
    );
}

#[test]
fn the_minutes_in_every_format_and_language_hold_no_control_character() {
    let dir = tempfile::tempdir().expect("temp dir");
    let meeting = load(&poisoned_session(dir.path()));
    for languages in [Languages::Chinese, Languages::English, Languages::Both] {
        for format in [Format::Markdown, Format::Html] {
            let made = minutes::minutes(&meeting, format, languages).expect("minutes");
            let text = String::from_utf8(made.bytes).expect("UTF-8");
            let what = format!("the {format:?} minutes in {languages:?}");
            assert_clean(&what, &text);
            // The visible rest stays.
            assert!(text.contains("0;pwned"), "{what}");
            for u in &made.untranslated {
                assert_clean("an untranslated text", &u.text);
            }
        }
        let odt = minutes::minutes(&meeting, Format::Odt, languages).expect("ODT");
        let mut zip = zip::ZipArchive::new(Cursor::new(odt.bytes)).expect("a zip");
        for name in ["content.xml", "meta.xml"] {
            let mut xml = String::new();
            zip.by_name(name)
                .expect("in the package")
                .read_to_string(&mut xml)
                .expect("UTF-8");
            assert_clean(&format!("the ODT's {name} in {languages:?}"), &xml);
        }
    }
}

#[test]
fn the_sign_in_sheet_holds_no_control_character() {
    let dir = tempfile::tempdir().expect("temp dir");
    let meeting = load(&poisoned_session(dir.path()));
    let csv = signin::to_csv(&meeting).expect("the sheet");
    assert_clean_bytes("the sign-in sheet", &csv);
    assert!(String::from_utf8_lossy(&csv).contains("陳]0;pwned"));
}

#[test]
fn the_transcript_in_both_formats_holds_no_control_character() {
    let dir = tempfile::tempdir().expect("temp dir");
    let meeting = load(&poisoned_session(dir.path()));
    for lang in [Lang::ZhTw, Lang::En] {
        let made = transcript::from_meeting(&meeting, lang);
        let markdown = transcript::to_markdown(&made);
        assert_clean(&format!("the Markdown transcript in {lang:?}"), &markdown);
        let akn = transcript::to_akoma_ntoso(&made);
        assert_clean(&format!("the Akoma Ntoso transcript in {lang:?}"), &akn);
        // Still a document that reads back, speech for speech.
        let read = transcript::parse_akoma_ntoso(&akn).expect("the AKN reads back");
        assert_eq!(read.speech_count(), made.speech_count());
    }
}

#[test]
fn the_translation_worksheet_holds_no_control_character_and_still_merges() {
    let dir = tempfile::tempdir().expect("temp dir");
    let meeting = load(&poisoned_session(dir.path()));
    let entries = translations::worksheet(&meeting);
    let po = translations::to_po(&entries, &meeting.session().meeting.title.text);
    assert_clean("the worksheet", &po);
    // Its entries still match the texts they came from.
    let mut read = translations::parse_po(&po).expect("the worksheet reads back");
    for entry in &mut read {
        entry.translation = format!("{} (checked)", entry.translation);
    }
    let mut session = meeting.session().clone();
    let report = translations::merge(&mut session, &read);
    assert!(
        report.stale.is_empty(),
        "refused as changed: {:?}",
        report.stale
    );
    assert_eq!(report.applied.len(), read.len());
}

#[test]
fn the_participants_list_holds_no_control_character() {
    let dir = tempfile::tempdir().expect("temp dir");
    let meeting = load(&poisoned_session(dir.path()));
    let list = participants::render(
        &participants::participants(&meeting),
        &[Lang::ZhTw, Lang::En],
    );
    assert_clean("the participants list", &list);
}

/// What the commands print, through the real binary: `check` (its summary), and what
/// the document commands say on stderr.
#[test]
fn what_the_commands_print_holds_no_control_character() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = poisoned_session(dir.path());
    let file = path.to_str().expect("a UTF-8 path");
    for args in [
        vec!["check", file],
        vec!["check", file, "--lang", "zh-TW"],
        vec!["minutes", file, "--lang", "en"],
        vec!["participants", file],
        vec!["signin", file],
        vec!["transcript", file, "--format", "akn"],
    ] {
        let output = Command::new(env!("CARGO_BIN_EXE_roundtable"))
            .args(&args)
            .current_dir(dir.path())
            .output()
            .expect("the binary runs");
        assert!(output.status.success(), "{args:?}: {output:?}");
        assert_clean_bytes(&format!("{args:?} on stdout"), &output.stdout);
        assert_clean_bytes(&format!("{args:?} on stderr"), &output.stderr);
    }
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig {
        cases: 24,
        ..proptest::prelude::ProptestConfig::default()
    })]

    /// Any text at all in a name, a title and the venue: the minutes (every format,
    /// both languages), the sign-in sheet and the Akoma Ntoso transcript hold no
    /// control character, and the XML still reads as XML.
    #[test]
    fn any_text_leaves_every_output_clean_and_the_xml_well_formed(
        name in proptest::prelude::any::<String>(),
        title in proptest::prelude::any::<String>(),
        venue in proptest::prelude::any::<String>(),
    ) {
        let demo = roundtable::store::load(Path::new("sessions/demo-finished.ron")).expect("the demo");
        let mut session = demo.into_session();
        session.roster.members[0].name.text = format!("陳{name}");
        session.roster.members[1].name.en = Some(name.clone());
        session.meeting.title.text = format!("論壇{title}");
        session.meeting.venue.en = Some(venue);
        let meeting = Meeting::open(session).expect("still a valid session");

        for format in [Format::Markdown, Format::Html] {
            let made = minutes::minutes(&meeting, format, Languages::Both).expect("minutes");
            assert_clean(&format!("{format:?}"), std::str::from_utf8(&made.bytes).expect("UTF-8"));
        }
        let odt = minutes::minutes(&meeting, Format::Odt, Languages::Both).expect("ODT");
        let mut zip = zip::ZipArchive::new(Cursor::new(odt.bytes)).expect("a zip");
        let mut content = String::new();
        zip.by_name("content.xml").expect("content").read_to_string(&mut content).expect("UTF-8");
        assert_clean("content.xml", &content);
        let mut reader = quick_xml::Reader::from_str(&content);
        loop {
            match reader.read_event() {
                Ok(quick_xml::events::Event::Eof) => break,
                Ok(_) => {}
                Err(e) => panic!("content.xml is not well-formed: {e}"),
            }
        }
        assert_clean_bytes("the sign-in sheet", &signin::to_csv(&meeting).expect("CSV"));
        let akn = transcript::to_akoma_ntoso(&transcript::from_meeting(&meeting, Lang::En));
        assert_clean("the AKN transcript", &akn);
        transcript::parse_akoma_ntoso(&akn).expect("the AKN reads back");
    }
}
