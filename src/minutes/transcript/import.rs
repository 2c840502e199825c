//! A transcript merged into a session: speeches and narrative appended as notes, and
//! speakers matched to the roster by name.

use std::collections::HashMap;

use chrono::{NaiveTime, TimeZone};

use super::{Entry, Transcript};
use crate::domain::{
    Author, DomainError, EventKind, ItemId, Meeting, Note, NoteKind, PersonId, Role, Speaker, Stamp,
};

/// What an import did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ImportReport {
    pub speeches: usize,
    pub narratives: usize,
    /// Speakers matched to the roster: (name in the transcript, person).
    pub matched: Vec<(String, PersonId)>,
    /// Speakers kept as free-text names.
    pub unmatched: Vec<String>,
}

/// Merges a transcript into the meeting's record: each speech becomes a note of what
/// was said, each narrative a narrative note, appended in order after the existing
/// notes. Sections whose heading is an agenda item's title attach their notes to that
/// item. Speakers are matched to the roster by name where that is unambiguous.
///
/// Notes without a time in the transcript are stamped at the meeting's start (or its
/// planned start, or midnight), so their order is the log's order.
pub fn import(
    meeting: &mut Meeting,
    transcript: &Transcript,
    by: &str,
) -> Result<ImportReport, DomainError> {
    let mut report = ImportReport::default();
    let default_at = default_stamp(meeting);
    let mut speakers: HashMap<&str, Speaker> = HashMap::new();
    let mut item: Option<ItemId> = None;
    for entry in &transcript.entries {
        let (speaker, paragraphs, at, kind) = match entry {
            Entry::Section(heading) => {
                item = meeting
                    .state()
                    .items
                    .iter()
                    .find(|i| {
                        i.item.title.text == *heading || i.item.title.english() == Some(heading)
                    })
                    .map(|i| i.item.id.clone());
                continue;
            }
            Entry::Speech {
                speaker,
                paragraphs,
                at,
            } => {
                let resolved = match speakers.get(speaker.as_str()) {
                    Some(s) => s.clone(),
                    None => {
                        let s = match match_speaker(meeting, speaker) {
                            Some(id) => {
                                report.matched.push((speaker.clone(), id.clone()));
                                Speaker::Person(id)
                            }
                            None => {
                                report.unmatched.push(speaker.clone());
                                Speaker::Named(speaker.clone())
                            }
                        };
                        speakers.insert(speaker, s.clone());
                        s
                    }
                };
                report.speeches += 1;
                (Some(resolved), paragraphs, *at, NoteKind::Said)
            }
            Entry::Narrative { paragraphs } => {
                report.narratives += 1;
                (None, paragraphs, None, NoteKind::Narrative)
            }
        };
        let note = Note {
            speaker,
            kind,
            text: paragraphs.join("\n\n").into(),
            item: item.clone(),
        };
        meeting.record(
            at.unwrap_or(default_at),
            Author::NoteTaker(by.to_owned()),
            EventKind::NoteAdded(note.into()),
        )?;
    }
    Ok(report)
}

fn default_stamp(meeting: &Meeting) -> Stamp {
    if let Some(started) = meeting.state().started {
        return started;
    }
    let info = meeting.state().meeting();
    let time = info.planned_start.unwrap_or(NaiveTime::MIN);
    let offset = meeting
        .session()
        .log
        .first()
        .map(|e| *e.at.offset())
        .or_else(|| chrono::FixedOffset::east_opt(8 * 3600))
        .unwrap_or_else(|| chrono::FixedOffset::east_opt(0).expect("UTC"));
    offset
        .from_local_datetime(&info.date.and_time(time))
        .single()
        .unwrap_or_else(|| offset.from_utc_datetime(&info.date.and_time(time)))
}

/// The roster person a transcript's speaker name stands for, if exactly one fits:
/// the name itself (Chinese or English), or the way Taiwanese transcripts write
/// people — surname, title, given name (唐召集人鳳), or an agency's representative
/// with the person in parentheses (內政部代表（陳主任秘書茂春）).
pub fn match_speaker(meeting: &Meeting, speaker: &str) -> Option<PersonId> {
    let state = meeting.state();
    let speaker = speaker.trim();
    let exact: Vec<&PersonId> = state
        .people
        .iter()
        .filter(|p| p.name.text == speaker || p.name.english() == Some(speaker))
        .map(|p| &p.id)
        .collect();
    if let [one] = exact.as_slice() {
        return Some((*one).clone());
    }
    if exact.len() > 1 {
        return None;
    }
    let mut candidates = vec![speaker];
    if let Some(open) = speaker.find('（')
        && let Some(inner) = speaker[open + '（'.len_utf8()..].strip_suffix('）')
    {
        candidates.push(inner);
    }
    let fits: Vec<&PersonId> = state
        .people
        .iter()
        .filter(|p| p.role != Role::Observer || !p.name.text.is_empty())
        .filter(|p| {
            let name: Vec<char> = p.name.text.chars().collect();
            if name.len() < 2 || name.len() > 4 || !name.iter().all(|c| is_cjk(*c)) {
                return false;
            }
            let surname: String = name[..1].iter().collect();
            let given: String = name[1..].iter().collect();
            candidates.iter().any(|c| {
                c.chars().count() > name.len() && c.starts_with(&surname) && c.ends_with(&given)
            })
        })
        .map(|p| &p.id)
        .collect();
    match fits.as_slice() {
        [one] => Some((*one).clone()),
        _ => None,
    }
}

fn is_cjk(c: char) -> bool {
    matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}' | '\u{f900}'..='\u{faff}')
}
