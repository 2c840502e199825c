//! Follow-up on previous resolutions (上次會議決議事項辦理情形): the matters a previous
//! meeting left open, carried into this one, where the room hears what was done and
//! decides whether to keep tracking each or close it.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::agenda::{Section, Speaker};
use super::error::DomainError;
use super::event::NoteKind;
use super::meeting::Meeting;
use super::session::{FORMAT_VERSION, MeetingInfo, Session};
use super::state::State;
use super::text::Text;

/// Whether the forum keeps tracking a matter (繼續追蹤) or closes it (解除追蹤).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub enum FollowUpStatus {
    #[default]
    KeepTracking,
    Closed,
}

/// One row of the follow-up table.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FollowUpEntry {
    /// The row's number in the table, from 1; events refer to it.
    pub number: u32,
    /// What was to be done (案由／決議事項).
    pub matter: Text,
    /// Who was to do it (主辦單位).
    #[serde(default)]
    pub owner: Text,
    #[serde(default)]
    pub due: Option<NaiveDate>,
    /// The number of the meeting that decided it.
    #[serde(default)]
    pub from_meeting: Option<u32>,
    /// What has been done (辦理情形), as last reported.
    #[serde(default)]
    pub action_taken: Text,
    #[serde(default)]
    pub status: FollowUpStatus,
}

impl State {
    /// The follow-up matter numbered `number`, if the meeting may record what was done
    /// about it now (not after adjournment); the refusal when it may not.
    pub fn check_follow_up(&self, number: u32) -> Result<&FollowUpEntry, DomainError> {
        self.refuse_if_adjourned()?;
        self.follow_up
            .iter()
            .find(|e| e.number == number)
            .ok_or(DomainError::UnknownFollowUp(number))
    }
}

/// Starts the next meeting of a forum from the previous one: same forum, rule book,
/// venue and roster; the next number; and a follow-up table holding the previous
/// meeting's action items and the matters it kept tracking.
///
/// The roster is carried as it stands at the end (members added in the meeting, names
/// and titles as corrected); representatives and observers added on the day came for
/// that day.
pub fn follow_up_session(previous: &Meeting, date: NaiveDate) -> Session {
    let old = previous.session();
    let state = previous.state();
    let number = state.meeting().number.map(|n| n + 1);
    let ordinal = |n: Option<u32>| match n {
        Some(n) => (format!("第 {n} 次"), ordinal_en(n)),
        None => ("上次".to_owned(), "previous".to_owned()),
    };
    let (previous_zh, previous_en) = ordinal(state.meeting().number);

    let mut follow_up: Vec<FollowUpEntry> = Vec::new();
    for entry in state
        .follow_up
        .iter()
        .filter(|e| e.status == FollowUpStatus::KeepTracking)
    {
        follow_up.push(FollowUpEntry {
            number: 0,
            ..entry.clone()
        });
    }
    for note in &state.notes {
        let NoteKind::Action { owner, due } = &note.note.kind else {
            continue;
        };
        let owner = match owner {
            Some(Speaker::Person(id)) => state
                .person(id)
                .map(|p| owner_text(&p.name, &p.organisation))
                .unwrap_or_else(|| Text::new(id.0.clone())),
            Some(Speaker::Named(name)) => Text::new(name.clone()),
            None => Text::default(),
        };
        follow_up.push(FollowUpEntry {
            number: 0,
            matter: note.note.text.clone(),
            owner,
            due: *due,
            from_meeting: state.meeting().number,
            action_taken: Text::default(),
            status: FollowUpStatus::KeepTracking,
        });
    }
    for (i, entry) in follow_up.iter_mut().enumerate() {
        entry.number = u32::try_from(i + 1).unwrap_or(u32::MAX);
    }

    let presenter = old
        .agenda
        .iter()
        .find(|i| i.section == Section::FollowUp)
        .map(|i| i.presenter.clone())
        .unwrap_or_default();
    let item = |id: &str, section, title: Text, explanation: Text| super::agenda::AgendaItem {
        id: super::agenda::ItemId::new(id),
        section,
        title,
        presenter: presenter.clone(),
        explanation,
        proposed_action: None,
        planned_minutes: 0,
    };
    let tracked = follow_up.len();
    let agenda = vec![
        item(
            "previous-minutes",
            Section::PreviousMinutes,
            Text::bilingual(
                format!("確認{previous_zh}會議紀錄"),
                format!("Confirmation of the minutes of the {previous_en} meeting"),
            ),
            Text::default(),
        ),
        item(
            "follow-up",
            Section::FollowUp,
            Text::bilingual(
                format!("{previous_zh}會議決議事項辦理情形"),
                format!("Follow-up on the resolutions of the {previous_en} meeting"),
            ),
            Text::bilingual(
                format!("追蹤事項共 {tracked} 項，辦理情形如附表。"),
                format!("{tracked} matters are tracked; the table shows what was done."),
            ),
        ),
        super::agenda::AgendaItem {
            presenter: Text::default(),
            ..item(
                "extempore",
                Section::Extempore,
                Text::bilingual("臨時動議", "Extempore motions"),
                Text::default(),
            )
        },
        super::agenda::AgendaItem {
            presenter: Text::default(),
            ..item(
                "adjournment",
                Section::Adjournment,
                Text::bilingual("散會", "Adjournment"),
                Text::default(),
            )
        },
    ];

    Session {
        format: FORMAT_VERSION,
        meeting: MeetingInfo {
            title: state.meeting().title.clone(),
            number,
            commitment: state.meeting().commitment,
            date,
            planned_start: state.meeting().planned_start,
            planned_end: state.meeting().planned_end,
            venue: state.meeting().venue.clone(),
            recorder: state.meeting().recorder.clone(),
            // Who chairs is decided for each meeting.
            chair: None,
        },
        rules: old.rules.clone(),
        roster: state.roster_as_it_stands(old),
        agenda,
        motions: Vec::new(),
        follow_up,
        log: Vec::new(),
    }
}

/// "Lin Chih-hao (Central Election Commission)" for the owner column.
fn owner_text(name: &Text, organisation: &Text) -> Text {
    if organisation.is_empty() {
        return name.clone();
    }
    let zh = format!("{}（{}）", organisation.text, name.text);
    match (name.english(), organisation.english()) {
        (Some(name), Some(org)) => Text::bilingual(zh, format!("{name} ({org})")),
        _ => Text::new(zh),
    }
}

/// 1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st …
pub fn ordinal_en(n: u32) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Author, Category, EventKind, Member, Note, PersonId, SeatRole, Stamp};

    fn at(hhmm: &str) -> Stamp {
        Stamp::parse_from_rfc3339(&format!("2026-12-03T{hhmm}:00+08:00")).expect("valid stamp")
    }

    /// A meeting (number 2) whose follow-up table has two entries, and one action item
    /// recorded on the day.
    fn second_meeting() -> Meeting {
        let mut session = Session::new(
            Text::bilingual("論壇", "Forum"),
            NaiveDate::from_ymd_opt(2026, 12, 3).expect("valid date"),
        );
        session.meeting.number = Some(2);
        session.roster.members.push(Member {
            id: PersonId::new("lead"),
            name: Text::bilingual("林志豪", "Lin Chih-hao"),
            title: Text::default(),
            organisation: Text::bilingual("中選會", "CEC"),
            category: Category::LeadAgency,
            seat: SeatRole::Convener,
        });
        session.follow_up = vec![
            FollowUpEntry {
                number: 1,
                matter: Text::new("無障礙檢測"),
                owner: Text::new("中選會"),
                due: None,
                from_meeting: Some(1),
                action_taken: Text::default(),
                status: FollowUpStatus::KeepTracking,
            },
            FollowUpEntry {
                number: 2,
                matter: Text::new("公開會議紀錄"),
                owner: Text::new("中選會"),
                due: None,
                from_meeting: Some(1),
                action_taken: Text::default(),
                status: FollowUpStatus::KeepTracking,
            },
        ];
        let mut meeting = Meeting::open(session).expect("valid session");
        meeting
            .record(
                at("14:00"),
                Author::Facilitator,
                EventKind::NoteAdded(std::sync::Arc::new(Note {
                    speaker: None,
                    kind: NoteKind::Action {
                        owner: Some(Speaker::Person(PersonId::new("lead"))),
                        due: NaiveDate::from_ymd_opt(2027, 1, 15),
                    },
                    text: Text::bilingual("提供試用說明", "Send the trial guide"),
                    item: None,
                })),
            )
            .expect("note recorded");
        meeting
    }

    #[test]
    fn the_room_closes_entry_two_and_the_table_says_so() {
        let mut meeting = second_meeting();
        meeting
            .record(
                at("14:05"),
                Author::Facilitator,
                EventKind::FollowUpRecorded {
                    entry: 2,
                    action_taken: Text::new("已公開"),
                    status: FollowUpStatus::Closed,
                },
            )
            .expect("entry 2 exists");
        let table = &meeting.state().follow_up;
        assert_eq!(table[1].status, FollowUpStatus::Closed);
        assert_eq!(table[1].action_taken.text, "已公開");
        assert_eq!(table[0].status, FollowUpStatus::KeepTracking);
        // The set-up is untouched: the record lives in the log.
        assert_eq!(
            meeting.session().follow_up[1].status,
            FollowUpStatus::KeepTracking
        );
    }

    #[test]
    fn recording_an_entry_that_is_not_in_the_table_is_refused_and_changes_nothing() {
        let mut meeting = second_meeting();
        let before = meeting.state().clone();
        let error = meeting
            .record(
                at("14:05"),
                Author::Facilitator,
                EventKind::FollowUpRecorded {
                    entry: 9,
                    action_taken: Text::new("?"),
                    status: FollowUpStatus::Closed,
                },
            )
            .expect_err("there is no entry 9");
        assert_eq!(error, crate::domain::DomainError::UnknownFollowUp(9));
        assert_eq!(meeting.state(), &before);
        assert_eq!(meeting.session().log.len(), 1);
    }

    #[test]
    fn a_note_taker_cannot_record_follow_up() {
        let mut meeting = second_meeting();
        let error = meeting
            .record(
                at("14:05"),
                Author::NoteTaker("amy".into()),
                EventKind::FollowUpRecorded {
                    entry: 1,
                    action_taken: Text::default(),
                    status: FollowUpStatus::Closed,
                },
            )
            .expect_err("note-takers only take notes");
        assert_eq!(error, crate::domain::DomainError::NoteTakerMayOnlyTakeNotes);
    }

    #[test]
    fn the_next_meeting_carries_what_is_still_tracked_and_the_action_items() {
        let mut meeting = second_meeting();
        meeting
            .record(
                at("14:05"),
                Author::Facilitator,
                EventKind::FollowUpRecorded {
                    entry: 2,
                    action_taken: Text::new("已公開"),
                    status: FollowUpStatus::Closed,
                },
            )
            .expect("entry 2 exists");
        let date = NaiveDate::from_ymd_opt(2027, 3, 4).expect("valid date");
        let next = follow_up_session(&meeting, date);
        assert_eq!(next.meeting.number, Some(3));
        assert_eq!(next.meeting.date, date);
        assert_eq!(next.roster, meeting.session().roster);
        assert!(next.log.is_empty());
        let matters: Vec<(u32, &str, &str)> = next
            .follow_up
            .iter()
            .map(|e| (e.number, e.matter.text.as_str(), e.owner.text.as_str()))
            .collect();
        assert_eq!(
            matters,
            [
                (1, "無障礙檢測", "中選會"),
                (2, "提供試用說明", "中選會（林志豪）")
            ]
        );
        assert_eq!(
            next.follow_up[1].owner.english(),
            Some("Lin Chih-hao (CEC)")
        );
        assert_eq!(next.follow_up[1].from_meeting, Some(2));
        assert_eq!(next.follow_up[1].due, NaiveDate::from_ymd_opt(2027, 1, 15));
        let titles: Vec<&str> = next.agenda.iter().map(|i| i.title.text.as_str()).collect();
        assert_eq!(
            titles,
            [
                "確認第 2 次會議紀錄",
                "第 2 次會議決議事項辦理情形",
                "臨時動議",
                "散會"
            ]
        );
        Meeting::open(next).expect("the new session is valid");
    }

    #[test]
    fn two_entries_with_one_number_are_refused() {
        let mut session = second_meeting().into_session();
        session.follow_up[1].number = 1;
        assert!(Meeting::open(session).is_err());
    }

    #[test]
    fn english_ordinals() {
        let got: Vec<String> = [1, 2, 3, 4, 11, 12, 13, 21, 22, 101, 111]
            .into_iter()
            .map(ordinal_en)
            .collect();
        assert_eq!(
            got,
            [
                "1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "101st",
                "111th"
            ]
        );
    }
}
