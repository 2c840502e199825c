//! The room's page: HTML made from the `RoomView`, every text escaped by maud. The
//! whole page for a first load; the `#room` part alone, in both languages, for each
//! update the event stream sends, so the one renderer here is all the page needs
//! (its script only swaps the part in and keeps the clocks ticking).

use maud::{DOCTYPE, Markup, PreEscaped, html};

use super::view::{Both, RoomView};
use crate::domain::Lang;
use crate::i18n::room::{
    ADJOURNED, LANG_NAME, PHONE_LAYOUT, QUEUE, SLIDE_LAYOUT, SPEAKING, VOICE, objections,
};
use crate::i18n::screen as s;

const STYLE: &str = include_str!("assets/page.css");
const SCRIPT: &str = include_str!("assets/page.js");

/// How the page is laid out: a 16:9 slide for the projector and the stream, or a
/// scrolling column for phones.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layout {
    Slide,
    Phone,
}

impl Layout {
    fn class(self) -> &'static str {
        match self {
            Layout::Slide => "slide",
            Layout::Phone => "phone",
        }
    }
}

/// The language as the page and `?lang=` name it.
pub fn lang_code(lang: Lang) -> &'static str {
    match lang {
        Lang::ZhTw => "zh-TW",
        Lang::En => "en",
    }
}

/// Reads `?lang=`: zh, zh-TW, zh-Hant or en (case blind); anything else is none.
pub fn parse_lang(code: &str) -> Option<Lang> {
    match code.to_ascii_lowercase().as_str() {
        "zh" | "zh-tw" | "zh-hant" | "zh_tw" => Some(Lang::ZhTw),
        "en" | "en-us" | "en-gb" => Some(Lang::En),
        _ => None,
    }
}

/// The whole page, as first served.
pub fn page(view: &RoomView, lang: Lang, layout: Layout) -> String {
    let other = match lang {
        Lang::ZhTw => Lang::En,
        Lang::En => Lang::ZhTw,
    };
    let layout_link = match layout {
        Layout::Slide => ("phone", PHONE_LAYOUT.get(lang)),
        Layout::Phone => ("slide", SLIDE_LAYOUT.get(lang)),
    };
    html! {
        (DOCTYPE)
        html lang=(lang_code(lang)) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (view.title.get(lang)) }
                style { (PreEscaped(STYLE)) }
            }
            body class=(layout.class()) data-lang=(lang_code(lang)) {
                nav class="controls" {
                    a id="switch-lang" href={ "?lang=" (lang_code(other)) "&layout=" (layout.class()) }
                        data-lang=(lang_code(other)) { (LANG_NAME.get(other)) }
                    " · "
                    a id="switch-layout" href={ "?lang=" (lang_code(lang)) "&layout=" (layout_link.0) } {
                        (layout_link.1)
                    }
                }
                main id="room" { (room(view, lang)) }
                script { (PreEscaped(SCRIPT)) }
            }
        }
    }
    .into_string()
}

/// The part of the page an update replaces.
pub fn room(view: &RoomView, lang: Lang) -> Markup {
    let a = &view.attendance;
    html! {
        header class="top" {
            h1 class="title" { (view.title.get(lang)) }
            div class="clock" data-clock { }
        }
        section class="item" {
            @match (&view.item, view.started, view.adjourned) {
                (_, _, Some(_)) => {
                    h2 class="item-title" { (ADJOURNED.get(lang)) }
                }
                (Some(item), _, _) => {
                    div class="section" { (item.section.get(lang)) }
                    h2 class="item-title" { (item.title.get(lang)) }
                    @if let Some(since) = item.started {
                        div class="timer" data-since=(since.to_rfc3339())
                            data-planned=(item.planned_minutes)
                            data-warn=(crate::domain::item_warning_seconds(
                                i64::from(item.planned_minutes) * 60)) { }
                    }
                }
                (None, None, None) => {
                    h2 class="item-title" { (s::NOT_STARTED.get(lang)) }
                }
                (None, Some(_), None) => {
                    h2 class="item-title" { (s::NO_CURRENT_ITEM.get(lang)) }
                }
            }
        }
        @if let Some(m) = &view.motion {
            section class="motion" {
                p class="motion-text" { (m.text.get(lang)) }
                @match &m.outcome {
                    Some(outcome) => {
                        div class={ "outcome " @if outcome.adopted { "adopted" } @else { "not-adopted" } } {
                            (outcome.words.get(lang))
                        }
                    }
                    None => {
                        div class="stage" { (m.stage.get(lang)) }
                        @if m.objections > 0 {
                            div class="objections" { (objections(m.objections, lang)) }
                        }
                    }
                }
                @for line in &m.lines {
                    div class="count" { (line.get(lang)) }
                }
            }
        }
        @if let Some(s) = &view.speaker {
            section class="speaker" {
                span class="label" { (SPEAKING.get(lang)) }
                " "
                span class="name" { (s.name.get(lang)) }
                " "
                span class="voice" { "（" (s.voice.get(lang)) "）" }
                @if let Some(deadline) = s.deadline {
                    span class="countdown" data-deadline=(deadline.to_rfc3339())
                        data-warn=(crate::domain::TURN_WARNING_SECONDS) { }
                }
                @if let Some(left) = s.paused_remaining {
                    span class={ "countdown paused" @if left < 0 { " over" } } { (countdown(left)) }
                }
            }
        }
        @if !view.queue.is_empty() {
            section class="queue" {
                span class="label" { (QUEUE.get(lang)) }
                ol { @for name in &view.queue { li { (name.get(lang)) } } }
            }
        }
        @if !view.voice.is_empty() {
            section class="voice" {
                span class="label" { (VOICE.get(lang)) }
                @for line in &view.voice { span class="voice-line" { (line.get(lang)) } }
            }
        }
        footer class="balance" {
            span class="side government" { (a.government_line.get(lang)) }
            span class="side non-government" { (a.non_government_line.get(lang)) }
            span class="present" { (a.present_line.get(lang)) }
            span class="thresholds" { (a.thresholds_line.get(lang)) }
        }
    }
}

/// An update as the event stream sends it: the room in both languages.
pub fn update(view: &RoomView) -> Both {
    Both {
        zh: room(view, Lang::ZhTw).into_string(),
        en: room(view, Lang::En).into_string(),
    }
}

/// Seconds left as the countdown shows them: "2:05", or "+0:35" once over.
fn countdown(left: i64) -> String {
    let (sign, s) = if left < 0 { ("+", -left) } else { ("", left) };
    format!("{sign}{}:{:02}", s / 60, s % 60)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Meeting, Session};

    /// The finished demo's meeting after its first `n` events.
    fn demo_after(n: usize) -> Meeting {
        let mut session: Session = crate::testdata::finished_demo();
        session.log.truncate(n);
        Meeting::open(session).expect("a prefix of the demo's log is a meeting")
    }

    /// The room's view at the first moment of the demo where `when` holds.
    fn first(when: impl Fn(&RoomView) -> bool) -> RoomView {
        let events = crate::testdata::finished_demo().log.len();
        (0..=events)
            .map(|n| RoomView::of(&demo_after(n), None))
            .find(|view| when(view))
            .expect("the demo comes to that")
    }

    /// One tag a line, so a snapshot reads as the page does.
    fn lines(html: &str) -> String {
        html.replace("><", ">\n<")
    }

    fn stages() -> Vec<(&'static str, RoomView)> {
        vec![
            ("not started", first(|_| true)),
            (
                "consensus round",
                first(|v| v.motion.as_ref().is_some_and(|m| m.stage.zh == "徵詢共識")),
            ),
            (
                "vote counted",
                first(|v| v.motion.as_ref().is_some_and(|m| m.vote.is_some())),
            ),
            (
                "adopted by consensus",
                first(|v| {
                    v.motion
                        .as_ref()
                        .and_then(|m| m.outcome.as_ref())
                        .is_some_and(|o| o.adopted && o.words.zh.contains("共識"))
                }),
            ),
            ("adjourned", first(|v| v.adjourned.is_some())),
        ]
    }

    fn snapshot(lang: Lang) -> String {
        stages()
            .into_iter()
            .map(|(name, view)| {
                format!(
                    "── {name} ──\n{}\n",
                    lines(&room(&view, lang).into_string())
                )
            })
            .collect()
    }

    #[test]
    fn the_room_through_the_demo_in_chinese() {
        insta::assert_snapshot!(snapshot(Lang::ZhTw));
    }

    #[test]
    fn the_room_through_the_demo_in_english() {
        insta::assert_snapshot!(snapshot(Lang::En));
    }

    #[test]
    fn the_whole_page_has_its_switches_and_no_outside_resources() {
        let view = first(|_| true);
        for (lang, layout) in [(Lang::ZhTw, Layout::Slide), (Lang::En, Layout::Phone)] {
            let html = page(&view, lang, layout);
            assert!(html.starts_with("<!DOCTYPE html>"), "{html}");
            assert!(html.contains(&format!("<html lang=\"{}\">", lang_code(lang))));
            assert!(html.contains(&format!("class=\"{}\"", layout.class())));
            assert!(html.contains("id=\"switch-lang\""));
            assert!(html.contains("new EventSource(\"events\")"));
            // Everything is in the page: no address of another server.
            for outside in ["http://", "https://", "//cdn", "@import", "src="] {
                assert!(!html.contains(outside), "{outside} in the page");
            }
        }
    }

    #[test]
    fn every_text_is_escaped() {
        let mut session: Session = crate::testdata::finished_demo();
        session.meeting.title = crate::domain::Text::new("<script>alert(\"x\")</script> & 'q'");
        let meeting = Meeting::open(session).expect("opens");
        let view = RoomView::of(&meeting, None);
        for html in [
            page(&view, Lang::ZhTw, Layout::Slide),
            update(&view).zh,
            update(&view).en,
        ] {
            assert!(!html.contains("<script>alert"), "{html}");
            assert!(html.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; 'q'"));
        }
    }

    #[test]
    fn the_speaker_their_countdown_the_queue_and_the_balance_of_voice() {
        use crate::domain::{Author, EventKind, ItemId, PersonId, Speaker};
        let mut meeting =
            crate::store::load(std::path::Path::new("sessions/demo.ron")).expect("the demo loads");
        let at = |s: i64| {
            chrono::DateTime::parse_from_rfc3339("2026-12-03T14:00:00+08:00").expect("time")
                + chrono::Duration::seconds(s)
        };
        let item = ItemId::new("discussion-open-source");
        let person = |id: &str| Speaker::Person(PersonId::new(id));
        let record = |meeting: &mut crate::domain::Meeting, s: i64, kind: EventKind| {
            meeting
                .record(at(s), Author::Facilitator, kind)
                .map(|_| ())
                .unwrap_or_else(|e| panic!("{e}"));
        };
        record(
            &mut meeting,
            0,
            EventKind::ItemStarted { item: item.clone() },
        );
        record(
            &mut meeting,
            1,
            EventKind::SpeakingStarted {
                speaker: person("cec-deputy"),
                request: None,
            },
        );
        for who in ["open-culture", "digital-rights"] {
            record(
                &mut meeting,
                2,
                EventKind::SpeakerRequested {
                    item: item.clone(),
                    speaker: person(who),
                },
            );
        }
        record(
            &mut meeting,
            61,
            EventKind::SpeakingStarted {
                speaker: person("open-culture"),
                request: None,
            },
        );
        let view = RoomView::of(&meeting, None);
        let speaker = view.speaker.as_ref().expect("someone speaks");
        assert_eq!(
            speaker.deadline,
            Some(at(61 + 180)),
            "three minutes from the start"
        );
        let html = room(&view, Lang::ZhTw).into_string();
        assert!(html.contains("許雅雯"), "{html}");
        assert!(
            html.contains("data-deadline=\"2026-12-03T14:04:01+08:00\""),
            "{html}"
        );
        assert!(html.contains("<li>鄭凱文</li>"), "{html}");
        // A minute by the government, none yet by the rest.
        assert!(html.contains("政府 1:00（1 次，100%）"), "{html}");

        // Paused: the page shows what is left, still.
        record(&mut meeting, 91, EventKind::SpeakingPaused);
        let view = RoomView::of(&meeting, None);
        let speaker = view.speaker.as_ref().expect("someone speaks");
        assert_eq!(speaker.deadline, None);
        assert_eq!(speaker.paused_remaining, Some(150));
        assert!(room(&view, Lang::En).into_string().contains("2:30"));
    }

    #[test]
    fn the_language_is_read_from_the_query() {
        assert_eq!(parse_lang("en"), Some(Lang::En));
        assert_eq!(parse_lang("zh-TW"), Some(Lang::ZhTw));
        assert_eq!(parse_lang("ZH-hant"), Some(Lang::ZhTw));
        assert_eq!(parse_lang("fr"), None);
    }
}
