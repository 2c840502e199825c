//! The verbatim record (逐字稿): the notes as a transcript, and published or
//! stenographed transcripts merged back into a session.
//!
//! Two forms, both as the public transcript archive publishes them:
//! - Markdown: `# date title` (a heading of any level), a header block (time, place),
//!   `## section` headings, then `### Speaker：` followed by that speaker's paragraphs
//!   (and first, where the time it began is known, `<!-- startTime … -->`).
//!   Room narrative is a paragraph in parentheses (（點頭）), in italics (`*…*`), or a
//!   quoted one (`> （笑）`, the archive's own convention). A paragraph, or a line of
//!   one, that would read as narrative or markup is escaped with a leading backslash,
//!   so the project's own export reads back unchanged.
//! - Akoma Ntoso `<debate>` as SayIt writes it: speakers declared as `<TLCPerson>`,
//!   then `<debateSection><heading>`, `<speech by="#id"><p>…</p></speech>` and
//!   `<narrative><p><i>…</i></p></narrative>` in order. The project writes one
//!   `<debateSection name="meeting">` headed by the date and title (the transcript's
//!   title when read back) with the agenda items as sections inside it, the meeting
//!   identified (FRBR) in `<meta>` and dated by `<preface><docDate>`, so that SayIt
//!   imports it as one meeting; a speech has a `startTime` only when it is known.
//!
//! This file holds the model both forms share, [`from_meeting`] (a session's notes as
//! a transcript) and [`parse`] (either form, told by its content); `markdown.rs` and
//! `akoma_ntoso.rs` write and read one form each, and `import.rs` merges a transcript
//! into a session.

mod akoma_ntoso;
mod import;
mod markdown;

use std::collections::BTreeMap;

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
    /// What the reader could not keep, or kept changed, kind by kind. The writers
    /// ignore it; a transcript they wrote reads back with nothing here, so it takes
    /// part in equality (a round trip that loses something is not one).
    pub dropped: Losses,
}

/// What a reader could not keep, or changed: how many of each kind.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Losses(BTreeMap<Loss, usize>);

/// One kind of thing a reader could not keep, or changed.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Loss {
    /// Inline markup whose emphasis is lost, its text kept: `i`, `b`, `u`, `sup`… by
    /// element. (`<i>` in a narrative is the narrative's own mark, not lost.)
    Emphasis(String),
    /// An image's alt text: its address is kept, the text is not.
    ImageAlt,
    /// A link's address on an element other than `<a>` (`<ref href>`…): its text is
    /// kept, the address is not.
    LinkAddress(String),
    /// A speech's `<from>`, the speaker's label: read as words the speaker said.
    SpeakerLabel,
    /// Text outside `<debateBody>` (and `<meta>`), by the element of `<debate>` it is
    /// in: `preface`, `conclusions`…
    OutsideDebate(String),
    /// A `<heading>` inside a speech or narrative with more of it after the heading:
    /// the section begins after all of it.
    HeadingMoved,
    /// A speech's `startTime` that is not an RFC 3339 time: the speech has no time.
    UnreadableTime,
    /// A speech's `by` that names no `<TLCPerson>`: the id is kept as the name.
    UndeclaredSpeaker,
    /// A speech without `by`: its speaker has no name.
    NoSpeaker,
}

impl std::fmt::Display for Loss {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Element names come from the file.
        let name = |n: &str| crate::width::printable(n).into_owned();
        match self {
            Loss::Emphasis(e) => write!(f, "emphasis (<{}>)", name(e)),
            Loss::ImageAlt => f.write_str("image alt text (<img alt>)"),
            Loss::LinkAddress(e) => write!(f, "link address (<{} href>)", name(e)),
            Loss::SpeakerLabel => f.write_str("speaker's label, read as words said (<from>)"),
            Loss::OutsideDebate(e) => write!(f, "text outside the debate (<{}>)", name(e)),
            Loss::HeadingMoved => {
                f.write_str("heading inside a speech or narrative, moved after it (<heading>)")
            }
            Loss::UnreadableTime => f.write_str("unreadable time, dropped (<speech startTime>)"),
            Loss::UndeclaredSpeaker => {
                f.write_str("speaker declared by no <TLCPerson>, kept as its id (<speech by>)")
            }
            Loss::NoSpeaker => f.write_str("speech without a speaker, left unnamed (<speech>)"),
        }
    }
}

impl Losses {
    /// One more of `loss`.
    pub fn add(&mut self, loss: Loss) {
        *self.0.entry(loss).or_default() += 1;
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// How many of `loss`.
    pub fn count(&self, loss: &Loss) -> usize {
        self.0.get(loss).copied().unwrap_or(0)
    }

    /// Every kind with its count, in a fixed order.
    pub fn iter(&self) -> impl Iterator<Item = (&Loss, usize)> {
        self.0.iter().map(|(loss, n)| (loss, *n))
    }
}

/// `3 × emphasis (<i>), 1 × text outside the debate (<preface>)`.
impl std::fmt::Display for Losses {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for (i, (loss, n)) in self.iter().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            write!(f, "{n} × {loss}")?;
        }
        Ok(())
    }
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
            dropped: self.dropped.clone(),
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
    #[error(
        "under --strict nothing may be dropped or changed, and reading it dropped or changed {0}; the session is unchanged (import it without --strict to merge it all the same)"
    )]
    Lossy(Losses),
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
        // A speech's time is known only where a turn at speaking says when its speaker
        // was given the floor; the note's own time is when it was typed, not said.
        let at = note
            .speaker
            .as_ref()
            .and_then(|s| state.speech_began(s, entry.at));
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
                at,
            }),
        }
    }
    Transcript {
        title,
        header,
        entries,
        dropped: Losses::default(),
    }
}

fn split_paragraphs(text: &str) -> Vec<String> {
    text.split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(str::to_owned)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn transcript_losses_are_counted_by_kind_in_a_fixed_order() {
        let mut losses = Losses::default();
        assert!(losses.is_empty());
        assert_eq!(losses.to_string(), "");
        losses.add(Loss::OutsideDebate("preface".into()));
        losses.add(Loss::Emphasis("i".into()));
        losses.add(Loss::Emphasis("i".into()));
        losses.add(Loss::Emphasis("b".into()));
        assert_eq!(losses.count(&Loss::Emphasis("i".into())), 2);
        assert_eq!(losses.count(&Loss::ImageAlt), 0);
        assert_eq!(
            losses.to_string(),
            "1 × emphasis (<b>), 2 × emphasis (<i>), 1 × text outside the debate (<preface>)"
        );
    }

    #[test]
    fn transcript_losses_survive_to_printable_and_count_in_equality() {
        let mut t = Transcript::default();
        t.dropped.add(Loss::ImageAlt);
        assert_eq!(t.to_printable().dropped, t.dropped);
        assert_ne!(t, Transcript::default());
    }
}
