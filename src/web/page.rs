//! The room's page: HTML made from the `RoomView`, every text escaped by maud. The
//! whole page for a first load; the `#room` part alone, in both languages, for each
//! update the event stream sends, so the one renderer here is all the page needs
//! (its script only swaps the part in and keeps the clocks ticking).

use maud::{DOCTYPE, Markup, PreEscaped, html};

use super::view::{Both, RoomView};
use crate::domain::Lang;
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
                            data-planned=(item.planned_minutes) { }
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

fn objections(n: u32, lang: Lang) -> String {
    match lang {
        Lang::ZhTw => format!("異議 {n} 項"),
        Lang::En if n == 1 => "1 blocking objection".to_owned(),
        Lang::En => format!("{n} blocking objections"),
    }
}

const LANG_NAME: crate::i18n::Label = crate::i18n::Label::new("中文", "English");
const ADJOURNED: crate::i18n::Label = crate::i18n::Label::new("散會", "Adjourned");
const PHONE_LAYOUT: crate::i18n::Label = crate::i18n::Label::new("手機版", "phone layout");
const SLIDE_LAYOUT: crate::i18n::Label = crate::i18n::Label::new("投影版", "slide layout");
