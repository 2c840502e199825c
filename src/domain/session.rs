//! The session: what one meeting's file holds. The set-up (meeting details, rule book,
//! roster, agenda, draft motions) and the log of everything that happened.

use chrono::{NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};
use thiserror::Error;

use super::agenda::{AgendaItem, Motion};
use super::error::DomainError;
use super::event::{Event, Seq};
use super::follow_up::FollowUpEntry;
use super::people::Roster;
use super::rules::{RuleBook, RuleBookError};
use super::state::State;
use super::text::Text;

/// The version of the session format this build reads and writes.
pub const FORMAT_VERSION: u32 = 1;

/// What the minutes' heading says about the meeting.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MeetingInfo {
    pub title: Text,
    /// The meeting's number in its series (第 N 次會議).
    #[serde(default)]
    pub number: Option<u32>,
    /// The commitment of the action plan (1–12 of Annex 1), if this forum is for one.
    #[serde(default)]
    pub commitment: Option<u8>,
    pub date: NaiveDate,
    #[serde(default)]
    pub planned_start: Option<NaiveTime>,
    /// When the meeting is planned to end: what the agenda's planned minutes are
    /// checked against before the meeting.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub planned_end: Option<NaiveTime>,
    #[serde(default)]
    pub venue: Text,
    /// Who keeps the record (紀錄).
    #[serde(default)]
    pub recorder: Text,
    /// Who chairs this meeting (主席), when someone other than the conveners does: a
    /// member or representative on the roster. Without it the minutes name the
    /// convener and co-convener.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub chair: Option<super::people::PersonId>,
}

/// One meeting, as stored in its RON file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Session {
    pub format: u32,
    pub meeting: MeetingInfo,
    #[serde(default)]
    pub rules: RuleBook,
    pub roster: Roster,
    #[serde(default)]
    pub agenda: Vec<AgendaItem>,
    #[serde(default)]
    pub motions: Vec<Motion>,
    /// Matters carried from previous meetings (上次會議決議事項辦理情形).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub follow_up: Vec<FollowUpEntry>,
    #[serde(default)]
    pub log: Vec<Event>,
}

/// Why a session cannot be opened, though it parsed.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum SessionError {
    #[error(
        "this file is format {found}, written by a newer Roundtable; this one reads format {FORMAT_VERSION}"
    )]
    NewerFormat { found: u32 },
    #[error(
        "this file says format {found}, a format no Roundtable writes; this one reads format {FORMAT_VERSION}"
    )]
    UnknownFormat { found: u32 },
    #[error("{0}")]
    Rules(RuleBookError),
    #[error(
        "agenda item \"{item}\" ({section}) comes after a later part of the meeting; keep the agenda in the order previous minutes, follow-up, reports, discussion, extempore, adjournment"
    )]
    AgendaOutOfOrder { item: String, section: String },
    #[error("the set-up is invalid: {0}")]
    SetUp(DomainError),
    #[error(
        "the log's event {found} comes after event {previous}; events must be numbered in increasing order"
    )]
    LogOutOfOrder { previous: Seq, found: Seq },
    #[error("the log has event {seq} twice; an event is written once, so remove the second")]
    DuplicateEvent { seq: Seq },
    #[error(
        "the log's event {seq} is stamped {at}, before the event before it ({previous}); events are recorded in time order"
    )]
    OutOfTimeOrder {
        seq: Seq,
        at: String,
        previous: String,
    },
    #[error("the log's event {seq} cannot be applied: {error}")]
    Log { seq: Seq, error: DomainError },
}

impl Session {
    /// An empty meeting on `date`, with the default rule book.
    pub fn new(title: Text, date: NaiveDate) -> Session {
        Session {
            format: FORMAT_VERSION,
            meeting: MeetingInfo {
                title,
                number: None,
                commitment: None,
                date,
                planned_start: None,
                planned_end: None,
                venue: Text::default(),
                recorder: Text::default(),
                chair: None,
            },
            rules: RuleBook::default(),
            roster: Roster::default(),
            agenda: Vec::new(),
            motions: Vec::new(),
            follow_up: Vec::new(),
            log: Vec::new(),
        }
    }

    /// Checks everything a hand edit can break and folds the log.
    pub fn validate(&self) -> Result<State, SessionError> {
        if self.format > FORMAT_VERSION {
            return Err(SessionError::NewerFormat { found: self.format });
        }
        // Formats are numbered from 1: a 0 was never written by Roundtable.
        if self.format == 0 {
            return Err(SessionError::UnknownFormat { found: self.format });
        }
        self.rules.validate().map_err(SessionError::Rules)?;
        let mut previous_section = None;
        for item in &self.agenda {
            if previous_section.is_some_and(|s| s > item.section) {
                return Err(SessionError::AgendaOutOfOrder {
                    item: item.id.0.clone(),
                    section: format!("{:?}", item.section),
                });
            }
            previous_section = Some(item.section);
        }
        let mut previous: Option<&Event> = None;
        for event in &self.log {
            let previous_seq = previous.map_or(Seq(0), |e| e.seq);
            if previous.is_some() && event.seq == previous_seq {
                return Err(SessionError::DuplicateEvent { seq: event.seq });
            }
            if event.seq <= previous_seq {
                return Err(SessionError::LogOutOfOrder {
                    previous: previous_seq,
                    found: event.seq,
                });
            }
            if let Some(before) = previous
                && event.at < before.at
            {
                return Err(SessionError::OutOfTimeOrder {
                    seq: event.seq,
                    at: event.at.to_rfc3339(),
                    previous: before.at.to_rfc3339(),
                });
            }
            previous = Some(event);
        }
        State::fold(self, self.log.iter()).map_err(|(seq, error)| {
            if seq == Seq(0) {
                SessionError::SetUp(error)
            } else {
                SessionError::Log { seq, error }
            }
        })
    }

    /// The number the next event gets.
    pub fn next_seq(&self) -> Seq {
        Seq(self.log.last().map_or(1, |e| e.seq.0 + 1))
    }
}
