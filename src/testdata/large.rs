//! A large generated meeting, for benchmarks.

use chrono::NaiveDate;

use super::{Script, bi, stamp};
use crate::domain::{
    AgendaItem, Author, Category, EventKind, FollowUpEntry, FollowUpStatus, ItemId, Meeting,
    Member, Motion, MotionId, Note, NoteKind, Observer, PersonId, Representative, SeatRole,
    Section, Session, Speaker, Tally, Text,
};

/// A meeting of the size a long forum could reach and more: 500 members, 100 agenda
/// items, 300 motions (a third voted on, a third adopted by consensus, a third
/// deferred), 20,000 notes, with attendance coming and going. For benchmarks.
pub fn large_session() -> Session {
    large_session_with(20_000)
}

/// [`large_session`] with `notes` notes (a multiple of 100, spread over the items).
pub fn large_session_with(notes: usize) -> Session {
    const MEMBERS: usize = 500;
    const ITEMS: usize = 100;
    const MOTIONS: usize = 300;
    let date = NaiveDate::from_ymd_opt(2026, 12, 3).unwrap_or_default();
    let mut session = Session::new(bi("大型論壇壓力測試", "Large forum stress test"), date);
    session.meeting.number = Some(42);
    session.meeting.venue = bi("國際會議中心", "International Convention Centre");
    session.meeting.recorder = Text::new("紀錄組");
    for i in 0..MEMBERS {
        let category = Category::ALL[i % Category::ALL.len()];
        let seat = match i {
            0 => SeatRole::Convener,
            1 => SeatRole::CoConvener,
            _ => SeatRole::Member,
        };
        let category = match i {
            0 => Category::LeadAgency,
            1 => Category::CivicGroup,
            _ => category,
        };
        session.roster.members.push(Member {
            id: PersonId(format!("m{i}")),
            name: bi(&format!("委員{i:03}"), &format!("Member {i:03}")),
            title: bi("委員", "Member"),
            organisation: bi(&format!("機關{}", i % 60), &format!("Body {}", i % 60)),
            category,
            seat,
        });
    }
    for i in 0..20 {
        session.roster.observers.push(Observer {
            id: PersonId(format!("o{i}")),
            name: Text::new(format!("列席{i}")),
            title: Text::default(),
            organisation: Text::new("旁聽"),
        });
    }
    // Representatives for a few agency seats.
    for i in (2..MEMBERS).filter(|i| i % 50 == 2 || i % 50 == 3).take(10) {
        if Category::ALL[i % Category::ALL.len()].side() == crate::domain::Side::Government {
            session.roster.representatives.push(Representative {
                id: PersonId(format!("r{i}")),
                for_member: PersonId(format!("m{i}")),
                name: Text::new(format!("代表{i}")),
                title: Text::new("科長"),
            });
        }
    }
    for i in 0..ITEMS {
        let section = match i {
            0 => Section::PreviousMinutes,
            1 => Section::FollowUp,
            2..=20 => Section::Report,
            21..=97 => Section::Discussion,
            98 => Section::Extempore,
            _ => Section::Adjournment,
        };
        session.agenda.push(AgendaItem {
            id: ItemId(format!("i{i}")),
            section,
            title: bi(&format!("議案{i}"), &format!("Item {i}")),
            presenter: bi("秘書處", "Secretariat"),
            explanation: bi(&"說明文字。".repeat(20), &"Explanation. ".repeat(20)),
            proposed_action: (section == Section::Discussion)
                .then(|| bi("照案通過。", "Adopt as proposed.")),
            planned_minutes: 10,
        });
    }
    let discussion: Vec<usize> = (21..=97).collect();
    for m in 0..MOTIONS {
        let item = discussion[m % discussion.len()];
        session.motions.push(Motion {
            id: MotionId(format!("mo{m}")),
            item: ItemId(format!("i{item}")),
            text: bi(&format!("動議{m}"), &format!("Motion {m}")),
            proposer: Some(Speaker::Person(PersonId(format!("m{}", m % MEMBERS)))),
        });
    }
    session.follow_up = (1..=30)
        .map(|n| FollowUpEntry {
            number: n,
            matter: bi(&format!("追蹤事項{n}"), &format!("Matter {n}")),
            owner: Text::new("秘書處"),
            due: None,
            from_meeting: Some(41),
            action_taken: Text::default(),
            status: FollowUpStatus::KeepTracking,
        })
        .collect();

    let meeting = match Meeting::open(session) {
        Ok(meeting) => meeting,
        Err(e) => panic!("the large session opens: {e}"),
    };
    let mut s = Script {
        meeting,
        date: "2026-12-03",
    };
    // Time runs from 09:00 a second per event; the stamp only needs to be monotonic.
    let base = stamp("2026-12-03", "09:00");
    let mut clock = 0i64;
    let mut tick = |s: &mut Script, kind: EventKind| {
        clock += 1;
        let at = base + chrono::Duration::seconds(clock);
        if let Err(e) = s.meeting.record(at, Author::Facilitator, kind.clone()) {
            panic!("the large session's script is refused: {e} ({kind:?})");
        }
    };
    for i in 0..MEMBERS {
        if i % 25 == 24 {
            tick(
                &mut s,
                EventKind::Excused {
                    person: PersonId(format!("m{i}")),
                },
            );
        } else {
            tick(
                &mut s,
                EventKind::Arrived {
                    person: PersonId(format!("m{i}")),
                },
            );
        }
    }
    for i in 0..5 {
        tick(
            &mut s,
            EventKind::Arrived {
                person: PersonId(format!("o{i}")),
            },
        );
    }
    tick(&mut s, EventKind::MeetingStarted);
    let notes_per_item = notes / ITEMS;
    for i in 0..ITEMS {
        let item = ItemId(format!("i{i}"));
        tick(&mut s, EventKind::ItemStarted { item: item.clone() });
        if i == 1 {
            for n in 1..=30 {
                tick(
                    &mut s,
                    EventKind::FollowUpRecorded {
                        entry: n,
                        action_taken: Text::new("辦理中"),
                        status: if n % 2 == 0 {
                            FollowUpStatus::Closed
                        } else {
                            FollowUpStatus::KeepTracking
                        },
                    },
                );
            }
        }
        for n in 0..notes_per_item {
            let who = (i * 7 + n * 13) % MEMBERS;
            let kind = match n % 50 {
                0 => NoteKind::Narrative,
                1 => NoteKind::Decision,
                2 => NoteKind::Action {
                    owner: Some(Speaker::Person(PersonId(format!("m{who}")))),
                    due: NaiveDate::from_ymd_opt(2027, 1, 31),
                },
                _ => NoteKind::Said,
            };
            let text = if n % 3 == 0 {
                Text::new(format!("第{n}則發言，未翻譯。{}", "內容".repeat(30)))
            } else {
                bi(
                    &format!("第{n}則發言。{}", "內容".repeat(30)),
                    &format!("Note {n}. {}", "Content ".repeat(20)),
                )
            };
            let speaker = (!matches!(kind, NoteKind::Narrative))
                .then(|| Speaker::Person(PersonId(format!("m{who}"))));
            tick(
                &mut s,
                EventKind::NoteAdded(std::sync::Arc::new(Note {
                    speaker,
                    kind,
                    text,
                    item: Some(item.clone()),
                })),
            );
        }
        // Someone leaves and comes back during each item.
        let who = PersonId(format!("m{}", (i * 3) % MEMBERS));
        if s.meeting.state().person(&who).is_some() && (i * 3) % MEMBERS % 25 != 24 {
            tick(
                &mut s,
                EventKind::Left {
                    person: who.clone(),
                },
            );
            tick(&mut s, EventKind::Arrived { person: who });
        }
        let motions: Vec<MotionId> = s
            .meeting
            .state()
            .motions_of(&item)
            .map(|m| m.motion.id.clone())
            .collect();
        for (k, m) in motions.into_iter().enumerate() {
            tick(
                &mut s,
                EventKind::ConsensusRoundOpened { motion: m.clone() },
            );
            match k % 3 {
                0 => {
                    tick(
                        &mut s,
                        EventKind::ObjectionRaised {
                            motion: m.clone(),
                            speaker: Speaker::Person(PersonId("m5".into())),
                            reason: bi("反對理由", "Reason"),
                            blocking: true,
                        },
                    );
                    tick(
                        &mut s,
                        EventKind::ConsensusRoundClosed { motion: m.clone() },
                    );
                    let present = s.meeting.state().present_members().total();
                    tick(
                        &mut s,
                        EventKind::ConsentToVoteTaken {
                            motion: m.clone(),
                            agree: present * 2 / 3,
                        },
                    );
                    tick(
                        &mut s,
                        EventKind::VoteTaken {
                            motion: m,
                            tally: Tally::Counts {
                                yes: present / 2 + 1,
                                no: present / 4,
                                abstain: present / 8,
                            },
                        },
                    );
                }
                1 => {
                    tick(
                        &mut s,
                        EventKind::ObjectionRaised {
                            motion: m.clone(),
                            speaker: Speaker::Named("旁聽民眾".into()),
                            reason: Text::new("保留意見"),
                            blocking: false,
                        },
                    );
                    tick(&mut s, EventKind::ConsensusRoundClosed { motion: m });
                }
                _ => tick(&mut s, EventKind::MotionDeferred { motion: m }),
            }
        }
    }
    tick(&mut s, EventKind::MeetingAdjourned);
    s.meeting.into_session()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_large_session_has_the_promised_size_and_opens() {
        let session = large_session();
        assert_eq!(session.roster.members.len(), 500);
        assert_eq!(session.agenda.len(), 100);
        assert_eq!(session.motions.len(), 300);
        let meeting = Meeting::open(session).expect("valid");
        assert_eq!(meeting.state().notes.len(), 20_000);
        assert!(meeting.state().adjourned.is_some());
        assert!(
            meeting
                .state()
                .motions
                .iter()
                .all(|m| m.outcome().is_some())
        );
    }
}
