//! A transcript merged into a session: speeches and narrative appended as notes, and
//! speakers matched to the roster by name. What the record already holds is not
//! recorded again, so importing the same transcript twice changes nothing, and a
//! longer or corrected version adds only what is new. A transcript of another day can
//! be told by its date ([`Transcript::date`], [`Transcript::check_date`]).

use std::collections::{HashMap, HashSet};

use chrono::{NaiveDate, NaiveTime, TimeZone};

use super::{Entry, Transcript};
use crate::domain::{
    Author, DomainError, EventKind, ItemId, Lang, Meeting, Note, NoteKind, PersonId, Role, Seq,
    Speaker, Stamp,
};

/// What an import did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ImportReport {
    /// Speeches recorded as new notes.
    pub speeches: usize,
    /// Narrative recorded as new notes.
    pub narratives: usize,
    /// Speeches and narrative the record already held (imported before, or typed
    /// live), not recorded again.
    pub already_there: usize,
    /// Speakers matched to the roster: (name in the transcript, person).
    pub matched: Vec<(String, PersonId)>,
    /// Speakers kept as free-text names.
    pub unmatched: Vec<String>,
}

impl ImportReport {
    /// How many notes the import recorded: none means the session is unchanged.
    pub fn recorded(&self) -> usize {
        self.speeches + self.narratives
    }
}

/// A transcript dated another day than the meeting it is merged into.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[error("the transcript is dated {transcript}, but the meeting was held on {meeting}")]
pub struct DateMismatch {
    /// The date the transcript's title gives.
    pub transcript: NaiveDate,
    /// The meeting's date, from the session.
    pub meeting: NaiveDate,
}

impl Transcript {
    /// The day the transcript records: the `YYYY-MM-DD` its title begins with (the
    /// `# 2026-12-03 title` line in Markdown, the first heading in Akoma Ntoso), if it
    /// begins with one.
    pub fn date(&self) -> Option<NaiveDate> {
        let title = self.title.trim_start();
        let (date, rest) = NaiveDate::parse_and_remainder(title, "%Y-%m-%d").ok()?;
        // `2026-12-034` is not a date followed by a title.
        rest.chars()
            .next()
            .is_none_or(|c| !c.is_ascii_digit())
            .then_some(date)
    }

    /// Refuses a transcript dated another day than the meeting: most likely another
    /// meeting's record. One without a date is taken as the meeting's own.
    /// [`import`] does not look at dates: a caller merges another day's transcript on
    /// purpose (the command's `--force`) by not asking.
    pub fn check_date(&self, meeting: &Meeting) -> Result<(), DateMismatch> {
        let held = meeting.state().meeting().date;
        match self.date() {
            Some(date) if date != held => Err(DateMismatch {
                transcript: date,
                meeting: held,
            }),
            _ => Ok(()),
        }
    }
}

/// What makes a transcript's speech or narrative the same as a note of the record: the
/// agenda item it is under, who spoke (as resolved against the roster; nobody for
/// narrative), and the text, paragraph by paragraph, with its spacing evened out. The
/// time is not part of it (a transcript may have none, or round it), nor the kind of
/// note (a decision exported as its speaker's speech is that decision).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
struct Identity {
    item: Option<ItemId>,
    speaker: Option<Speaker>,
    text: String,
}

/// Merges a transcript into the meeting's record: each speech becomes a note of what
/// was said, each narrative a narrative note, appended in order after the existing
/// notes. Sections whose heading is an agenda item's title attach their notes to that
/// item. Speakers are matched to the roster by name where that is unambiguous.
///
/// A speech or narrative the record already holds (the same identity: the
/// item, speaker and text) is not recorded again, whether an earlier import or the
/// note-taker put it there; a note counts as it was first written and as every
/// correction made it. The same text said twice by the same speaker on the same item
/// is two notes: the transcript's second one is new only when the record holds fewer.
/// A note that was undone is no longer in the record, and is imported again.
///
/// Notes without a time in the transcript are stamped at the meeting's start (or its
/// planned start, or midnight), so their order is the log's order. The transcript's
/// date is not checked here: see [`Transcript::check_date`].
pub fn import(
    meeting: &mut Meeting,
    transcript: &Transcript,
    by: &str,
) -> Result<ImportReport, DomainError> {
    let mut report = ImportReport::default();
    let default_at = default_stamp(meeting);
    let mut resolver = Resolver::default();
    let mut recorded = recorded_notes(meeting, &mut resolver);
    let mut item: Option<ItemId> = None;
    let mut reported: HashSet<&str> = HashSet::new();
    let mut new = Vec::new();
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
                let resolved = resolver.resolve(meeting, speaker);
                if reported.insert(speaker.as_str()) {
                    match &resolved {
                        Speaker::Person(id) => report.matched.push((speaker.clone(), id.clone())),
                        Speaker::Named(_) => report.unmatched.push(speaker.clone()),
                    }
                }
                (Some(resolved), paragraphs, *at, NoteKind::Said)
            }
            Entry::Narrative { paragraphs } => (None, paragraphs, None, NoteKind::Narrative),
        };
        let text = paragraphs.join("\n\n");
        let identity = Identity {
            item: item.clone(),
            speaker: speaker.clone(),
            text: even_text(&text),
        };
        // Each note of the record stands for one entry of the transcript.
        if let Some(left) = recorded.get_mut(&identity).filter(|left| **left > 0) {
            *left -= 1;
            report.already_there += 1;
            continue;
        }
        match kind {
            NoteKind::Narrative => report.narratives += 1,
            _ => report.speeches += 1,
        }
        let note = Note {
            speaker,
            kind,
            text: text.into(),
            item: item.clone(),
        };
        new.push((at.unwrap_or(default_at), note));
    }
    for (at, note) in new {
        meeting.record(
            at,
            Author::NoteTaker(by.to_owned()),
            EventKind::NoteAdded(note.into()),
        )?;
    }
    Ok(report)
}

/// The notes of the record by identity: how many notes each stands for. A note stands
/// for every identity it has had (as written, and as each correction made it, in
/// either language), once each.
fn recorded_notes(meeting: &Meeting, resolver: &mut Resolver) -> HashMap<Identity, usize> {
    let live: HashSet<Seq> = meeting.state().notes.iter().map(|n| n.seq).collect();
    let mut versions: HashMap<Seq, HashSet<Identity>> = HashMap::new();
    for event in &meeting.session().log {
        let (seq, note) = match &event.kind {
            EventKind::NoteAdded(note) => (event.seq, note),
            EventKind::NoteCorrected {
                note: seq,
                corrected,
            } => (*seq, corrected),
            _ => continue,
        };
        if !live.contains(&seq) {
            continue;
        }
        let identities = versions.entry(seq).or_default();
        for speaker in transcript_speakers(meeting, note, resolver) {
            for text in std::iter::once(note.text.text.as_str()).chain(note.text.english()) {
                identities.insert(Identity {
                    item: note.item.clone(),
                    speaker: speaker.clone(),
                    text: even_text(text),
                });
            }
        }
    }
    let mut counts = HashMap::new();
    for identity in versions.into_values().flatten() {
        *counts.entry(identity).or_insert(0) += 1;
    }
    counts
}

/// Who a note is by when it comes back from a transcript: what `from_meeting` writes
/// it as, read back as [`import`] reads it. Narrative and an unattributed decision are
/// nobody's; a narrative note that names someone may come back as their speech (（點頭）);
/// an unattributed speech is written under the word for a speaker.
fn transcript_speakers(
    meeting: &Meeting,
    note: &Note,
    resolver: &mut Resolver,
) -> Vec<Option<Speaker>> {
    let mut resolve = |speaker: &Speaker| match speaker {
        Speaker::Named(name) => resolver.resolve(meeting, name),
        person => person.clone(),
    };
    match (&note.kind, &note.speaker) {
        (NoteKind::Narrative, Some(speaker)) => vec![None, Some(resolve(speaker))],
        (NoteKind::Narrative | NoteKind::Decision | NoteKind::Action { .. }, None) => {
            vec![None]
        }
        (_, Some(speaker)) => vec![Some(resolve(speaker))],
        (NoteKind::Said, None) => [Lang::ZhTw, Lang::En]
            .into_iter()
            .map(|lang| {
                let name = crate::i18n::minutes::UNNAMED_SPEAKER.get(lang);
                Some(resolver.resolve(meeting, name))
            })
            .collect(),
    }
}

/// Speaker names resolved against the roster, each once.
#[derive(Default)]
struct Resolver {
    speakers: HashMap<String, Speaker>,
}

impl Resolver {
    /// The speaker a name stands for.
    fn resolve(&mut self, meeting: &Meeting, name: &str) -> Speaker {
        if let Some(speaker) = self.speakers.get(name) {
            return speaker.clone();
        }
        let speaker = match match_speaker(meeting, name) {
            Some(id) => Speaker::Person(id),
            None => Speaker::Named(name.to_owned()),
        };
        self.speakers.insert(name.to_owned(), speaker.clone());
        speaker
    }
}

/// A note's text as compared: printable, paragraphs split at blank lines, and within
/// each every run of spaces and line breaks made one space.
fn even_text(text: &str) -> String {
    let text = crate::width::printable(text);
    let mut paragraphs = Vec::new();
    let mut words: Vec<&str> = Vec::new();
    for line in text.lines() {
        if line.trim().is_empty() {
            if !words.is_empty() {
                paragraphs.push(words.join(" "));
                words.clear();
            }
        } else {
            words.extend(line.split_whitespace());
        }
    }
    if !words.is_empty() {
        paragraphs.push(words.join(" "));
    }
    paragraphs.join("\n\n")
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
