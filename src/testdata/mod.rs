//! Meetings for tests and benchmarks: the demo meeting played to its end, and a large
//! generated one. Not part of the public API, and not in the release binary: compiled
//! for the crate's own tests and, through the `testdata` feature, for the integration
//! tests and benches (Cargo.toml's dev-dependency on this crate turns it on).
//!
//! Everything here is recorded through `Meeting::record`, so the sessions obey the same
//! rules as a real meeting.

mod demo;
mod large;

use crate::domain::{
    Author, EventKind, ItemId, Meeting, MotionId, Note, NoteKind, PersonId, Speaker, Stamp, Text,
};

pub use demo::finished_demo;
pub use large::{large_session, large_session_with};

fn stamp(date: &str, hhmm: &str) -> Stamp {
    Stamp::parse_from_rfc3339(&format!("{date}T{hhmm}:00+08:00"))
        .unwrap_or_else(|e| panic!("test stamp {date} {hhmm}: {e}"))
}

/// Plays events on a meeting; any refusal is a bug in the script, so it panics.
struct Script {
    meeting: Meeting,
    date: &'static str,
}

impl Script {
    fn at(&mut self, hhmm: &str, kind: EventKind) -> &mut Self {
        let at = stamp(self.date, hhmm);
        if let Err(e) = self.meeting.record(at, Author::Facilitator, kind.clone()) {
            panic!("the demo script is refused at {hhmm}: {e} ({kind:?})");
        }
        self
    }

    fn note(
        &mut self,
        hhmm: &str,
        item: &str,
        speaker: Option<Speaker>,
        kind: NoteKind,
        text: Text,
    ) -> &mut Self {
        let at = stamp(self.date, hhmm);
        let note = Note {
            speaker,
            kind,
            text,
            item: Some(ItemId::new(item)),
        };
        let by = Author::NoteTaker("林書妤".into());
        if let Err(e) = self
            .meeting
            .record(at, by, EventKind::NoteAdded(note.into()))
        {
            panic!("the demo script's note at {hhmm} is refused: {e}");
        }
        self
    }

    fn said(&mut self, hhmm: &str, item: &str, who: &str, text: Text) -> &mut Self {
        self.note(hhmm, item, Some(person(who)), NoteKind::Said, text)
    }

    /// `who` takes the floor at `hhmm` (called from the queue if they wait in it; the
    /// turn before ends) and says `text`.
    fn spoke(&mut self, hhmm: &str, item: &str, who: &str, text: Text) -> &mut Self {
        let request = self
            .meeting
            .state()
            .queue(&ItemId::new(item))
            .iter()
            .find(|r| r.speaker == person(who))
            .map(|r| r.seq);
        self.at(
            hhmm,
            EventKind::SpeakingStarted {
                speaker: person(who),
                request,
            },
        );
        self.said(hhmm, item, who, text)
    }

    /// `who` asks to speak on `item`.
    fn asks(&mut self, hhmm: &str, item: &str, who: &str) -> &mut Self {
        self.at(
            hhmm,
            EventKind::SpeakerRequested {
                item: ItemId::new(item),
                speaker: person(who),
            },
        )
    }
}

fn person(id: &str) -> Speaker {
    Speaker::Person(PersonId::new(id))
}

fn motion(id: &str) -> MotionId {
    MotionId::new(id)
}

fn bi(zh: &str, en: &str) -> Text {
    Text::bilingual(zh, en)
}
