//! How a meeting becomes a minutes document: a `Builder` walks the session and its
//! folded state part by part, in the minutes' language, noting every text it has to
//! show untranslated.
//!
//! This file holds the builder, the order of the parts and the small pieces every
//! part uses (labels, texts, fields, lists). The parts are in their own files:
//! `people.rs` (the opening block: time, venue, chair, who attended; how a person
//! is named), `items.rs` (the agenda items, what was said and decided),
//! `motion.rs` (a motion's proceedings and its vote table), `follow_up.rs` (the
//! follow-up table and the action items), `voice.rs` (speaking time) and
//! `comments.rs` (the public's comments and the forum's responses).

mod comments;
mod follow_up;
mod items;
mod motion;
mod people;
mod voice;

use std::collections::HashMap;

use crate::domain::{ItemId, Lang, Meeting, NoteEntry, Section, Stamp, State, Text};
use crate::i18n;
use crate::i18n::Label;
use crate::i18n::list_separator;
use crate::i18n::minutes::{self as l, section_number};
use crate::minutes::model::{Block, Document, Line, Part, Span, Untranslated, plain};

/// Builds the minutes of `meeting` in `lang`, every text printable.
pub fn build(meeting: &Meeting, lang: Lang) -> Document {
    Builder::new(meeting, lang).build().into_printable()
}

struct Builder<'a> {
    meeting: &'a Meeting,
    state: &'a State,
    lang: Lang,
    notes_by_item: HashMap<&'a ItemId, Vec<&'a NoteEntry>>,
    untranslated: Vec<Untranslated>,
    seen_untranslated: std::collections::HashSet<String>,
    current_part: String,
}

impl<'a> Builder<'a> {
    fn new(meeting: &'a Meeting, lang: Lang) -> Builder<'a> {
        let state = meeting.state();
        let mut notes_by_item: HashMap<&ItemId, Vec<&NoteEntry>> = HashMap::new();
        for entry in &state.notes {
            if let Some(item) = &entry.note.item {
                notes_by_item.entry(item).or_default().push(entry);
            }
        }
        Builder {
            meeting,
            state,
            lang,
            notes_by_item,
            untranslated: Vec::new(),
            seen_untranslated: Default::default(),
            current_part: String::new(),
        }
    }

    fn label(&self, label: Label) -> String {
        label.get(self.lang).to_owned()
    }

    /// A session text in the minutes' language; in English, a text without an English
    /// version is shown in Chinese, marked, and listed under `field`, the name of the
    /// field it is ("motion open-source, text"), so the report can say which it is.
    fn text(&mut self, text: &Text, field: impl FnOnce() -> String) -> Span {
        match self.lang {
            Lang::ZhTw => Span {
                text: text.text.clone(),
                untranslated: false,
                strong: false,
            },
            Lang::En => match text.english() {
                Some(en) => Span {
                    text: en.to_owned(),
                    untranslated: false,
                    strong: false,
                },
                None if text.text.trim().is_empty() => Span {
                    text: String::new(),
                    untranslated: false,
                    strong: false,
                },
                None => {
                    if self.seen_untranslated.insert(text.text.clone()) {
                        self.untranslated.push(Untranslated {
                            part: self.current_part.clone(),
                            field: field(),
                            text: text.text.clone(),
                        });
                    }
                    Span {
                        text: text.text.clone(),
                        untranslated: true,
                        strong: false,
                    }
                }
            },
        }
    }

    fn text_line(&mut self, text: &Text, field: impl FnOnce() -> String) -> Line {
        vec![self.text(text, field)]
    }

    fn time(at: Stamp) -> String {
        at.format("%H:%M").to_string()
    }

    fn build(mut self) -> Document {
        let lang = self.lang;
        let info = self.state.meeting();
        let mut title = self.text(&info.title, || "meeting title".into()).text;
        if let Some(n) = info.number {
            title = match lang {
                Lang::ZhTw => format!("{title}第 {n} 次{}", self.label(l::MINUTES)),
                Lang::En => format!("{title}: Minutes of the {}", l::meeting_number(n, lang)),
            };
        } else {
            title = match lang {
                Lang::ZhTw => format!("{title}{}", self.label(l::MINUTES)),
                Lang::En => format!("{title}: Minutes"),
            };
        }
        let mut parts = vec![self.opening()];
        let mut number = 0;
        let mut next = |lang| {
            number += 1;
            section_number(number, lang)
        };
        for section in [
            Section::PreviousMinutes,
            Section::FollowUp,
            Section::Report,
            Section::Discussion,
            Section::Extempore,
        ] {
            let heading = format!("{}{}", next(lang), i18n::section(section).get(lang));
            self.current_part = heading.clone();
            let blocks = match section {
                Section::PreviousMinutes => self.previous_minutes(),
                Section::FollowUp => self.follow_up(),
                Section::Report => self.items(Section::Report),
                Section::Discussion => self.items(Section::Discussion),
                _ => self.items(Section::Extempore),
            };
            parts.push(Part {
                heading: Some(heading),
                blocks,
            });
        }
        let heading = format!("{}{}", next(lang), self.label(l::ACTION_ITEMS));
        self.current_part = heading.clone();
        let blocks = self.action_items();
        parts.push(Part {
            heading: Some(heading),
            blocks,
        });
        let heading = format!("{}{}", next(lang), self.label(l::CHAIR_CONCLUSIONS));
        self.current_part = heading.clone();
        let blocks = self.chair_conclusions();
        parts.push(Part {
            heading: Some(heading),
            blocks,
        });
        // Speaking time by side, when the meeting kept a speaking queue.
        if !self.state.turns().is_empty() {
            let heading = format!("{}{}", next(lang), self.label(l::SPEAKING_TIME));
            self.current_part = heading.clone();
            let blocks = self.speaking_time();
            parts.push(Part {
                heading: Some(heading),
                blocks,
            });
        }
        // The public's comments and the responses, when the session has any.
        if !self.state.comments().is_empty() {
            let heading = format!("{}{}", next(lang), self.label(l::PUBLIC_COMMENTS));
            self.current_part = heading.clone();
            let blocks = self.public_comments();
            parts.push(Part {
                heading: Some(heading),
                blocks,
            });
        }
        // The adjournment stays last.
        let heading = format!("{}{}", next(lang), self.label(l::ADJOURNED_AT));
        let adjourned = match self.state.adjourned {
            Some(at) => plain(Self::time(at)),
            None => plain(self.label(l::NOT_ADJOURNED)),
        };
        parts.push(Part {
            heading: Some(heading),
            blocks: vec![Block::Paragraph(adjourned)],
        });
        Document {
            lang,
            title,
            parts,
            untranslated: self.untranslated,
        }
    }

    fn field(&self, label: Label, lines: Vec<Line>) -> Block {
        Block::Field {
            label: self.label(label),
            lines,
        }
    }

    fn join(&self, lines: Vec<Line>) -> Line {
        let mut joined = Vec::new();
        for (i, line) in lines.into_iter().enumerate() {
            if i > 0 {
                joined.push(plain_span(list_separator(self.lang)));
            }
            joined.extend(line);
        }
        joined
    }

    fn join_or_none(&self, lines: Vec<Line>) -> Line {
        if lines.is_empty() {
            plain(self.label(l::NONE))
        } else {
            self.join(lines)
        }
    }
}

fn plain_span(text: impl Into<String>) -> Span {
    Span {
        text: text.into(),
        untranslated: false,
        strong: false,
    }
}

/// The name of an agenda item's field, for the untranslated-texts report: "item
/// report-identity, explanation".
fn item_field(item: &ItemId, what: &str) -> String {
    format!("item {item}, {what}")
}

/// The name of a note, for the untranslated-texts report: "item report-identity,
/// remark at 14:38", "decision note at 14:32", "action item at 14:28".
fn note_field(entry: &NoteEntry) -> String {
    let what = match entry.note.kind {
        crate::domain::NoteKind::Said => "remark",
        crate::domain::NoteKind::Narrative => "narrative note",
        crate::domain::NoteKind::Decision => "decision note",
        crate::domain::NoteKind::Action { .. } => "action item",
    };
    let at = Builder::time(entry.at);
    match &entry.note.item {
        Some(item) => item_field(item, &format!("{what} at {at}")),
        None => format!("{what} at {at}"),
    }
}
