//! The Akoma Ntoso export of a finished meeting, as SayIt imports it: one meeting
//! (a single top-level `<debateSection>` headed by its date and title), the agenda
//! items as sections inside it, the meeting identified in `<meta>`, and a speech
//! timed only where a turn at speaking says when it began.

use std::path::Path;

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};
use roundtable::domain::Lang;
use roundtable::minutes::transcript::{from_meeting, parse_akoma_ntoso, to_akoma_ntoso};

fn finished() -> roundtable::domain::Meeting {
    roundtable::store::load(Path::new("sessions/demo-finished.ron")).expect("loads")
}

/// The outline of a written debate: every `<debateSection>` by depth (1 is a child of
/// `<debateBody>`) with its heading, every `<FRBRdate>`'s path and date, and every
/// speech's first paragraph with its `startTime`.
#[derive(Default)]
struct Outline {
    sections: Vec<(usize, String)>,
    frbr_dates: Vec<(String, String)>,
    speeches: Vec<(String, Option<String>)>,
}

fn attribute(e: &BytesStart<'_>, name: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == name)
        .map(|a| a.value.to_string())
}

fn outline(xml: &str) -> Outline {
    let mut reader = Reader::from_str(xml);
    let mut out = Outline::default();
    let mut stack: Vec<String> = Vec::new();
    let mut depth = 0;
    let mut speech: Option<(String, Option<String>)> = None;
    loop {
        match reader.read_event().expect("well-formed") {
            Event::Start(e) => {
                let name = e.local_name().as_ref().to_owned();
                match name.as_str() {
                    "debateSection" => {
                        depth += 1;
                        out.sections.push((depth, String::new()));
                    }
                    "speech" => speech = Some((String::new(), attribute(&e, "startTime"))),
                    _ => {}
                }
                stack.push(name);
            }
            Event::Empty(e) if e.local_name().as_ref() == "FRBRdate" => {
                out.frbr_dates.push((
                    stack.join("/"),
                    attribute(&e, "date").expect("an FRBRdate has a date"),
                ));
            }
            Event::Text(t) => {
                let text = t.xml10_content().trim().to_owned();
                match stack.last().map(String::as_str) {
                    Some("heading") => out.sections.last_mut().expect("in a section").1 += &text,
                    Some("p") => {
                        if let Some((first, _)) = speech.as_mut().filter(|(p, _)| p.is_empty()) {
                            *first = text;
                        }
                    }
                    _ => {}
                }
            }
            Event::End(e) => {
                match e.local_name().as_ref() {
                    "debateSection" => depth -= 1,
                    "speech" => out.speeches.extend(speech.take()),
                    _ => {}
                }
                stack.pop();
            }
            Event::Eof => break,
            _ => {}
        }
    }
    out
}

#[test]
fn the_finished_demo_is_one_meeting_with_its_items_inside_it() {
    let meeting = finished();
    let state = meeting.state();
    let date = state.meeting().date.format("%Y-%m-%d").to_string();
    let title = state.meeting().title.get(Lang::ZhTw).to_owned();
    let xml = to_akoma_ntoso(&from_meeting(&meeting, Lang::ZhTw));
    let outline = outline(&xml);

    let top: Vec<&String> = outline
        .sections
        .iter()
        .filter(|(depth, _)| *depth == 1)
        .map(|(_, heading)| heading)
        .collect();
    assert_eq!(top.len(), 1, "one top-level debateSection: {xml}");
    assert!(top[0].starts_with(&date), "{}", top[0]);
    assert_eq!(*top[0], format!("{date} {title}"));
    assert!(xml.contains(r#"<debateSection name="meeting">"#));

    // Every other section is an agenda item, one level down, in agenda order.
    let items: Vec<&str> = outline.sections[1..]
        .iter()
        .map(|(depth, heading)| {
            assert_eq!(*depth, 2, "{heading} is inside the meeting's section");
            heading.as_str()
        })
        .collect();
    let agenda: Vec<&str> = state
        .items
        .iter()
        .map(|i| i.item.title.get(Lang::ZhTw))
        .collect();
    assert!(items.len() >= 5, "{items:?}");
    let mut at = 0;
    for item in &items {
        let found = agenda[at..]
            .iter()
            .position(|a| a == item)
            .unwrap_or_else(|| panic!("{item} is an agenda item after the one before it"));
        at += found + 1;
    }
    assert_eq!(items[0], "確認第 2 次會議紀錄");
}

#[test]
fn the_finished_demo_is_identified_by_its_date_in_meta() {
    let meeting = finished();
    let date = meeting
        .state()
        .meeting()
        .date
        .format("%Y-%m-%d")
        .to_string();
    let xml = to_akoma_ntoso(&from_meeting(&meeting, Lang::ZhTw));
    let head = &xml[..xml.find("<debateBody>").expect("a body")];
    assert!(
        head.contains(r##"<identification source="#roundtable">"##),
        "{head}"
    );
    assert!(head.find("<identification").unwrap() < head.find("<references").unwrap());
    let dates = outline(&xml).frbr_dates;
    let base = "akomaNtoso/debate/meta/identification";
    assert_eq!(
        dates,
        ["FRBRWork", "FRBRExpression", "FRBRManifestation"]
            .map(|frbr| (format!("{base}/{frbr}"), date.clone()))
    );
    for required in [
        "<FRBRthis value=\"/akn/tw/",
        "<FRBRuri value=\"/akn/tw/",
        r##"<FRBRauthor href="#roundtable"/>"##,
        r#"<FRBRcountry value="tw"/>"#,
        r#"<FRBRlanguage language="zho"/>"#,
        "<TLCPerson href=\"/ontology/person/::/林志豪\" id=\"林志豪\" showAs=\"林志豪\"/>",
    ] {
        assert!(head.contains(required), "{required} in {head}");
    }
    // SayIt dates the meeting, and every speech without a time, by the preface's
    // docDate; the reader finds no text there to lose.
    let flat: String = xml.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        flat.contains(&format!(
            r#"</meta> <preface> <p> <docDate date="{date}"/> </p> </preface> <debateBody>"#
        )),
        "{xml}"
    );
    // In English the expression is in English.
    let en = to_akoma_ntoso(&from_meeting(&meeting, Lang::En));
    assert!(en.contains(r#"<FRBRlanguage language="eng"/>"#));
}

#[test]
fn a_speech_is_timed_only_when_a_turn_says_when_it_began() {
    let meeting = finished();
    let xml = to_akoma_ntoso(&from_meeting(&meeting, Lang::ZhTw));
    let speeches = outline(&xml).speeches;
    let time = |first: &str| {
        speeches
            .iter()
            .find(|(p, _)| p.starts_with(first))
            .unwrap_or_else(|| panic!("a speech begins {first}"))
            .1
            .clone()
    };
    // The chair confirming the minutes had no turn at speaking: no time is made up.
    assert_eq!(time("第 2 次會議紀錄確認。"), None);
    // 林志豪 was given the floor at 14:05 (SpeakingStarted, seq 22).
    assert_eq!(
        time("使用者介面草案已於 11 月 10 日送請委員表示意見").as_deref(),
        Some("2026-12-03T14:05:00+08:00")
    );
    assert!(speeches.iter().any(|(_, t)| t.is_none()));
    assert!(speeches.iter().any(|(_, t)| t.is_some()));
}

#[test]
fn the_meeting_heading_reads_back_as_the_title_and_not_as_a_section() {
    let meeting = finished();
    let t = from_meeting(&meeting, Lang::ZhTw);
    let back = parse_akoma_ntoso(&to_akoma_ntoso(&t)).expect("re-reads");
    assert_eq!(back.title, t.title);
    assert_eq!(back.entries, t.entries);
    assert!(back.dropped.is_empty(), "{}", back.dropped);
}

#[test]
fn a_transcript_without_a_date_or_title_is_still_one_section_and_reads_back() {
    use roundtable::minutes::transcript::{Entry, Transcript};
    for title in ["", "Forum"] {
        let t = Transcript {
            title: title.into(),
            entries: vec![
                Entry::Speech {
                    speaker: "Alice".into(),
                    paragraphs: vec!["Welcome.".into()],
                    at: None,
                },
                Entry::Section("1. Budget".into()),
                Entry::Narrative {
                    paragraphs: vec!["(laughter)".into()],
                },
            ],
            ..Transcript::default()
        };
        let xml = to_akoma_ntoso(&t);
        // No date: no FRBR dates made up, and no docDate.
        assert!(!xml.contains("<identification"), "{xml}");
        assert!(!xml.contains("<preface"), "{xml}");
        let sections = outline(&xml).sections;
        assert_eq!(sections.iter().filter(|(d, _)| *d == 1).count(), 1, "{xml}");
        let back = parse_akoma_ntoso(&xml).expect("re-reads");
        assert_eq!(back.entries, t.entries, "{xml}");
        assert_eq!(
            back.title,
            if title.is_empty() { "1. Budget" } else { title }
        );
        assert!(back.dropped.is_empty(), "{}", back.dropped);
    }
}
