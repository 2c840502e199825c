//! The verbatim record (逐字稿): the notes as a transcript, and published or
//! stenographed transcripts merged back into a session.
//!
//! Two forms, both as the public transcript archive publishes them:
//! - Markdown: `# date title` (a heading of any level), a header block (time, place),
//!   `## section` headings, then `### Speaker：` followed by that speaker's paragraphs.
//!   Room narrative is a paragraph in parentheses (（點頭）), in italics (`*…*`), or a
//!   quoted one (`> （笑）`, the archive's own convention). A paragraph, or a line of
//!   one, that would read as narrative or markup is escaped with a leading backslash,
//!   so the project's own export reads back unchanged.
//! - Akoma Ntoso `<debate>` as SayIt writes it: speakers declared as `<TLCPerson>`,
//!   then `<debateSection><heading>`, `<speech by="#id"><p>…</p></speech>` and
//!   `<narrative><p><i>…</i></p></narrative>` in order.
//!
//! This file holds the model both forms share, [`from_meeting`] (a session's notes as
//! a transcript) and [`parse`] (either form, told by its content); `markdown.rs` and
//! `akoma_ntoso.rs` write and read one form each, and `import.rs` merges a transcript
//! into a session.

mod akoma_ntoso;
mod import;
mod markdown;

use crate::domain::{ItemId, Lang, Meeting, NoteKind, Speaker, Stamp};

pub use self::akoma_ntoso::{parse_akoma_ntoso, to_akoma_ntoso};
pub use self::import::{DateMismatch, ImportReport, import, match_speaker};
pub use self::markdown::{parse_markdown, to_markdown};

/// A transcript in neither format: what both parse to and are written from.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Transcript {
    /// `# 2026-12-03 title` without the `# `.
    pub title: String,
    /// The Markdown header block (time, place, notes), paragraph by paragraph.
    pub header: Vec<String>,
    pub entries: Vec<Entry>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Entry {
    /// A section heading (an agenda item).
    Section(String),
    Speech {
        speaker: String,
        paragraphs: Vec<String>,
        at: Option<Stamp>,
    },
    Narrative {
        paragraphs: Vec<String>,
    },
}

impl Transcript {
    /// The transcript with every text [printable](crate::width::printable), as both
    /// formats write it: before either escapes its markup.
    pub fn to_printable(&self) -> Transcript {
        let clean = |s: &String| crate::width::printable(s).into_owned();
        let paragraphs = |ps: &Vec<String>| ps.iter().map(clean).collect();
        Transcript {
            title: clean(&self.title),
            header: paragraphs(&self.header),
            entries: self
                .entries
                .iter()
                .map(|entry| match entry {
                    Entry::Section(heading) => Entry::Section(clean(heading)),
                    Entry::Speech {
                        speaker,
                        paragraphs: ps,
                        at,
                    } => Entry::Speech {
                        speaker: clean(speaker),
                        paragraphs: paragraphs(ps),
                        at: *at,
                    },
                    Entry::Narrative { paragraphs: ps } => Entry::Narrative {
                        paragraphs: paragraphs(ps),
                    },
                })
                .collect(),
        }
    }

    /// Speeches and narrative in order, without headings or times: what a round trip
    /// must keep.
    pub fn record(&self) -> Vec<(Option<&str>, &[String])> {
        self.entries
            .iter()
            .filter_map(|e| match e {
                Entry::Section(_) => None,
                Entry::Speech {
                    speaker,
                    paragraphs,
                    ..
                } => Some((Some(speaker.as_str()), paragraphs.as_slice())),
                Entry::Narrative { paragraphs } => Some((None, paragraphs.as_slice())),
            })
            .collect()
    }

    pub fn speech_count(&self) -> usize {
        self.entries
            .iter()
            .filter(|e| matches!(e, Entry::Speech { .. }))
            .count()
    }

    pub fn narrative_count(&self) -> usize {
        self.entries
            .iter()
            .filter(|e| matches!(e, Entry::Narrative { .. }))
            .count()
    }
}

/// Why a file is not a transcript this reads.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TranscriptError {
    #[error(
        "this is not a transcript: {0}. Give a Markdown transcript (`# date title`, then `### Speaker：` and paragraphs) or an Akoma Ntoso debate (.an.xml)"
    )]
    NotATranscript(String),
    #[error("the Akoma Ntoso XML is malformed at byte {position}: {message}")]
    Xml { position: u64, message: String },
}

/// Reads either form, by its content.
pub fn parse(text: &str) -> Result<Transcript, TranscriptError> {
    let trimmed = text.trim_start_matches('\u{feff}').trim_start();
    if trimmed.starts_with('<') {
        parse_akoma_ntoso(text)
    } else {
        parse_markdown(text)
    }
}

// ---- from a session --------------------------------------------------------------

/// The meeting's notes as a transcript: what was said as speeches, room narrative as
/// narrative, grouped under the agenda item they were taken in. Decisions and action
/// items are speeches of whoever stated them (narrative when nobody is named).
pub fn from_meeting(meeting: &Meeting, lang: Lang) -> Transcript {
    let state = meeting.state();
    let title = format!(
        "{} {}",
        state.meeting().date.format("%Y-%m-%d"),
        state.meeting().title.get(lang)
    );
    let mut header = Vec::new();
    let time = match (state.started, state.adjourned) {
        (Some(start), Some(end)) => format!("{}–{}", start.format("%H:%M"), end.format("%H:%M")),
        (Some(start), None) => start.format("%H:%M").to_string(),
        _ => String::new(),
    };
    let date = crate::i18n::minutes::short_date(state.meeting().date, lang);
    let (time_label, venue_label) = match lang {
        Lang::ZhTw => ("時間：", "地點："),
        Lang::En => ("Time: ", "Venue: "),
    };
    header.push(format!("{time_label}{date} {time}").trim_end().to_owned());
    if !state.meeting().venue.is_empty() {
        header.push(format!("{venue_label}{}", state.meeting().venue.get(lang)));
    }
    let mut entries = Vec::new();
    let mut current: Option<&ItemId> = None;
    for entry in &state.notes {
        let note = &entry.note;
        if note.item.is_some() && note.item.as_ref() != current {
            current = note.item.as_ref();
            if let Some(item) = current.and_then(|id| state.item(id)) {
                entries.push(Entry::Section(item.item.title.get(lang).to_owned()));
            }
        }
        let paragraphs = split_paragraphs(note.text.get(lang));
        if paragraphs.is_empty() {
            continue;
        }
        // A speech begins when its speaker was given the floor, where a turn says so.
        let at = note
            .speaker
            .as_ref()
            .and_then(|s| state.speech_began(s, entry.at))
            .unwrap_or(entry.at);
        let speaker = note.speaker.as_ref().map(|s| match s {
            Speaker::Person(id) => state
                .person(id)
                .map_or_else(|| id.0.clone(), |p| p.name.get(lang).to_owned()),
            Speaker::Named(name) => name.clone(),
        });
        match (&note.kind, speaker) {
            (NoteKind::Narrative, _) | (NoteKind::Decision | NoteKind::Action { .. }, None) => {
                entries.push(Entry::Narrative { paragraphs })
            }
            (_, speaker) => entries.push(Entry::Speech {
                speaker: speaker
                    .unwrap_or_else(|| crate::i18n::minutes::UNNAMED_SPEAKER.get(lang).to_owned()),
                paragraphs,
                at: Some(at),
            }),
        }
    }
    Transcript {
        title,
        header,
        entries,
    }
}

fn split_paragraphs(text: &str) -> Vec<String> {
    text.split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(str::to_owned)
        .collect()
}
