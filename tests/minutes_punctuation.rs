//! The English minutes write their own words with half-width punctuation, and set a
//! Chinese text with no English apart with half-width punctuation and spaces, leaving
//! its own words as written; the untranslated-texts report names each text's field.

use std::path::Path;

use roundtable::domain::{EventKind, Meeting, NoteKind, Session, Speaker};
use roundtable::minutes::{Format, Languages, minutes};

/// The full-width punctuation the Chinese minutes use.
const FULL_WIDTH: &[char] = &[
    '，', '。', '：', '；', '（', '）', '「', '」', '、', '！', '？',
];

fn demo_session() -> Session {
    roundtable::store::load(Path::new("sessions/demo-finished.ron"))
        .expect("the finished demo loads")
        .session()
        .clone()
}

fn render(meeting: &Meeting, format: Format, languages: Languages) -> (String, Vec<String>) {
    let m = minutes(meeting, format, languages).expect("renders");
    let fields = m
        .untranslated
        .iter()
        .map(|u| format!("{} | {}", u.field, u.text))
        .collect();
    (String::from_utf8(m.bytes).expect("UTF-8"), fields)
}

/// The session's own Chinese words the English minutes show as written: the texts
/// with no English, the public's comments and their authors, names typed in on the
/// day.
fn own_words(meeting: &Meeting) -> Vec<String> {
    let made = minutes(meeting, Format::Markdown, Languages::English).expect("renders");
    let mut words: Vec<String> = made.untranslated.into_iter().map(|u| u.text).collect();
    let state = meeting.state();
    for c in state.comments() {
        words.push(c.comment.text.trim().to_owned());
        words.push(c.comment.author.trim().to_owned());
    }
    for entry in &state.notes {
        if let NoteKind::Action {
            owner: Some(Speaker::Named(name)),
            ..
        } = &entry.note.kind
        {
            words.push(name.clone());
        }
        if let Some(Speaker::Named(name)) = &entry.note.speaker {
            words.push(name.clone());
        }
    }
    // Longest first, so a text inside another is not cut out of it first.
    words.sort_by_key(|w| std::cmp::Reverse(w.len()));
    words
}

/// The lines of `text` that still hold full-width punctuation once the session's own
/// words are taken out.
fn full_width_outside(text: &str, words: &[String], escape: Escape) -> Vec<String> {
    let mut rest = text.to_owned();
    for word in words.iter().filter(|w| !w.is_empty()) {
        rest = rest.replace(&escape(word), "");
    }
    rest.lines()
        .filter(|line| line.contains(FULL_WIDTH))
        .map(str::to_owned)
        .collect()
}

/// How a format escapes a text.
type Escape = fn(&str) -> String;

fn check_english(meeting: &Meeting) {
    let words = own_words(meeting);
    let escapes: [(Format, Escape); 2] = [
        (Format::Markdown, roundtable::minutes::markdown::escape),
        (Format::Html, roundtable::minutes::html::esc),
    ];
    for (format, escape) in escapes {
        let (en, _) = render(meeting, format, Languages::English);
        let stray = full_width_outside(&en, &words, escape);
        assert!(
            stray.is_empty(),
            "{format:?}: full-width punctuation outside the session's own words:\n{}",
            stray.join("\n")
        );
        // The untranslated texts keep their own punctuation.
        for word in &words {
            assert!(
                en.contains(&escape(word)),
                "{format:?} shows {word} as written"
            );
        }
        // The Chinese minutes keep theirs.
        let (zh, _) = render(meeting, format, Languages::Chinese);
        for c in ['：', '（', '）', '、', '，', '。'] {
            assert!(zh.contains(c), "{format:?}: the Chinese minutes use {c}");
        }
    }
}

#[test]
fn the_finished_demo_in_english_has_no_full_width_punctuation_of_its_own() {
    let meeting = Meeting::open(demo_session()).expect("opens");
    check_english(&meeting);
}

/// A name, a title and an organisation with no English, and a motion: the English
/// minutes put half-width parentheses, commas and colons around them, with a space
/// between the Latin and the Chinese.
#[test]
fn untranslated_names_and_titles_are_set_apart_with_half_width_punctuation() {
    let mut session = demo_session();
    for member in &mut session.roster.members {
        match member.id.0.as_str() {
            "cec-planning" => member.title.en = None,
            "moi-household" => member.organisation.en = None,
            "moica" => member.name.en = None,
            _ => {}
        }
    }
    for rep in &mut session.roster.representatives {
        rep.title.en = None;
    }
    for motion in &mut session.motions {
        motion.text.en = None;
    }
    let meeting = Meeting::open(session).expect("opens");
    check_english(&meeting);
    let (md, _) = render(&meeting, Format::Markdown, Languages::English);
    assert!(
        md.contains("- Lin Chih-hao (處長 *[untranslated]*): The draft user interface"),
        "{md}"
    );
    assert!(md.contains("Huang Chien-kuo, Director-General, 內政部戶政司 *[untranslated]* (represented by Li Ya-ting, 科長 *[untranslated]*)"), "{md}");
    assert!(
        md.contains("- Objection: 王俊傑 *[untranslated]* (Director) — "),
        "{md}"
    );
    assert!(md.contains("*[untranslated]* (Proposer: Chou Ming-te (Chairperson))"));
    // The Chinese minutes are as before.
    let (zh, _) = render(&meeting, Format::Markdown, Languages::Chinese);
    assert!(zh.contains("內政部戶政司司長 黃建國（李雅婷科長代理）"));
    assert!(zh.contains("- 林志豪處長："));
}

/// A Latin name in the Chinese minutes is set off from the Chinese title it is joined
/// to by a space.
#[test]
fn a_latin_name_is_spaced_from_a_chinese_title() {
    let mut session = demo_session();
    for member in &mut session.roster.members {
        if member.id.0 == "cec-planning" {
            member.name.text = "Audrey Lin".into();
        }
    }
    for rep in &mut session.roster.representatives {
        rep.name.text = "Li Ya-ting".into();
    }
    let meeting = Meeting::open(session).expect("opens");
    let (zh, _) = render(&meeting, Format::Markdown, Languages::Chinese);
    assert!(zh.contains("- Audrey Lin 處長："), "{zh}");
    assert!(zh.contains("（Li Ya-ting 科長代理）"), "{zh}");
}

#[test]
fn the_untranslated_texts_report_names_each_field() {
    let meeting = Meeting::open(demo_session()).expect("opens");
    let (_, fields) = render(&meeting, Format::Markdown, Languages::English);
    assert_eq!(
        fields,
        [
            "item report-identity, remark at 14:38 | 建議公開行動身分識別之資安檢測結果，並說明手機遺失時之註銷流程。",
            "item discussion-open-source, remark at 14:58 | 國際上電子投票及連署系統多有公開原始碼之例，可參考愛沙尼亞經驗。",
            "item extempore-accessibility, action item at 15:51 | 洽詢採購法規，研議將無障礙檢測納入驗收條件之可行性。",
        ]
    );

    // Every kind of field says which it is.
    let mut session = demo_session();
    session.meeting.venue.en = None;
    for member in &mut session.roster.members {
        if member.id.0 == "cec-planning" {
            member.title.en = None;
        }
    }
    for motion in &mut session.motions {
        motion.text.en = None;
    }
    session.follow_up[0].owner.en = None;
    for item in &mut session.agenda {
        if item.id.0 == "report-identity" {
            item.explanation.en = None;
        }
    }
    for event in &mut session.log {
        match &mut event.kind {
            EventKind::CommentAnswered {
                comment, response, ..
            } if comment.0 == "join-88302" => response.en = None,
            EventKind::ObjectionRaised { reason, .. } => reason.en = None,
            EventKind::NoteAdded(note) if note.kind == NoteKind::Decision => {
                std::sync::Arc::make_mut(note).text.en = None
            }
            _ => {}
        }
    }
    let meeting = Meeting::open(session).expect("opens");
    let made = minutes(&meeting, Format::Markdown, Languages::English).expect("renders");
    let fields: Vec<(&str, &str)> = made
        .untranslated
        .iter()
        .map(|u| (u.part.as_str(), u.field.as_str()))
        .collect();
    for expected in [
        ("Venue", "venue"),
        ("Members present", "person cec-planning, title"),
        ("2. Follow-up on previous resolutions", "follow-up 1, owner"),
        ("3. Reports", "item report-identity, explanation"),
        (
            "3. Reports",
            "item report-system-progress, decision note at 14:27",
        ),
        ("4. Discussion items", "motion open-source, text"),
        (
            "4. Discussion items",
            "motion open-source, objection at 15:03",
        ),
        (
            "9. Public comments and responses",
            "comment join-88302, response",
        ),
    ] {
        assert!(fields.contains(&expected), "{expected:?} in {fields:#?}");
    }
    // However many texts have no English, the punctuation around them is half-width.
    check_english(&meeting);
}
