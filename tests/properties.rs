//! Properties of the thresholds and of the log: whatever the meeting does, the state
//! on screen is the log folded, undo then redo gives back the same meeting, the
//! minutes count the seats the screen counts, and no decision breaks the rules.

use chrono::{DateTime, Duration, FixedOffset};
use proptest::prelude::*;
use roundtable::domain::*;

proptest! {
    #[test]
    fn the_minimum_is_the_smallest_count_that_meets_a_threshold(
        numerator in 1u32..10,
        extra in 0u32..10,
        more_than in any::<bool>(),
        present in 1u32..1000,
    ) {
        let threshold = Threshold {
            comparison: if more_than { Comparison::MoreThan } else { Comparison::AtLeast },
            numerator,
            denominator: numerator + extra,
        };
        let minimum = threshold.minimum(present);
        prop_assert!(threshold.is_met(minimum, present));
        prop_assert!(minimum == 0 || !threshold.is_met(minimum - 1, present));
    }

    #[test]
    fn the_default_rules_are_the_forums_rules(agree in 0u32..500, yes in 0u32..500, present in 1u32..500) {
        let rules = RuleBook::default();
        prop_assert_eq!(rules.vote_may_open(agree, present), agree * 2 > present);
        let adopted = rules.vote_result(yes, 0, present) == VoteResult::Adopted;
        prop_assert_eq!(adopted, yes * 2 >= present);
    }

    #[test]
    fn an_even_split_is_exactly_yes_and_no_both_reaching_half(
        yes in 0u32..50, no in 0u32..50, abstain in 0u32..50,
    ) {
        let present = yes + no + abstain;
        prop_assume!(present > 0);
        let result = RuleBook::default().vote_result(yes, no, present);
        let even = yes * 2 >= present && no * 2 >= present;
        prop_assert_eq!(result == VoteResult::EvenSplit, even);
    }
}

fn at(minute: u32) -> Stamp {
    let start: DateTime<FixedOffset> =
        DateTime::parse_from_rfc3339("2026-12-03T14:00:00+08:00").expect("valid time");
    start + Duration::minutes(i64::from(minute))
}

const PEOPLE: [&str; 6] = ["g1", "g2", "n1", "n2", "g2-rep", "obs"];

fn forum() -> Meeting {
    let mut session = Session::new(Text::new("性質測試"), at(0).date_naive());
    for (id, category) in [
        ("g1", Category::LeadAgency),
        ("g2", Category::CoOrganisingAgency),
        ("n1", Category::CivicGroup),
        ("n2", Category::IssueExpert),
    ] {
        session.roster.members.push(Member {
            id: PersonId::new(id),
            name: Text::new(id),
            title: Text::default(),
            organisation: Text::default(),
            category,
            seat: SeatRole::Member,
        });
    }
    session.roster.representatives.push(Representative {
        id: PersonId::new("g2-rep"),
        for_member: PersonId::new("g2"),
        name: Text::new("代表"),
        title: Text::default(),
    });
    session.roster.observers.push(Observer {
        id: PersonId::new("obs"),
        name: Text::new("列席"),
        title: Text::default(),
        organisation: Text::default(),
    });
    for id in ["d1", "d2"] {
        session.agenda.push(AgendaItem {
            id: ItemId::new(id),
            section: Section::Discussion,
            title: Text::new(id),
            presenter: Text::default(),
            explanation: Text::default(),
            proposed_action: None,
            planned_minutes: 10,
        });
    }
    session.motions.push(Motion {
        id: MotionId::new("m"),
        item: ItemId::new("d1"),
        text: Text::new("動議"),
        proposer: None,
    });
    Meeting::open(session).expect("valid")
}

/// What a facilitator or note-taker might do next, valid or not.
#[derive(Clone, Debug)]
enum Step {
    Arrive(usize),
    Leave(usize),
    Excuse(usize),
    StartItem(usize),
    Note(bool),
    OpenRound,
    Object(usize, bool),
    CloseRound,
    Consent(u32),
    Vote(u32, u32, u32),
    Chair(bool),
    Defer,
    Start,
    Adjourn,
    Undo,
    Redo,
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        (0..PEOPLE.len()).prop_map(Step::Arrive),
        (0..PEOPLE.len()).prop_map(Step::Leave),
        (0..PEOPLE.len()).prop_map(Step::Excuse),
        (0..2usize).prop_map(Step::StartItem),
        any::<bool>().prop_map(Step::Note),
        Just(Step::OpenRound),
        ((0..PEOPLE.len()), any::<bool>()).prop_map(|(p, b)| Step::Object(p, b)),
        Just(Step::CloseRound),
        (0u32..6).prop_map(Step::Consent),
        (0u32..4, 0u32..4, 0u32..3).prop_map(|(y, n, a)| Step::Vote(y, n, a)),
        any::<bool>().prop_map(Step::Chair),
        Just(Step::Defer),
        Just(Step::Start),
        Just(Step::Adjourn),
        Just(Step::Undo),
        Just(Step::Undo),
        Just(Step::Redo),
    ]
}

fn take(meeting: &mut Meeting, minute: u32, step: &Step) -> Result<(), DomainError> {
    let person = |i: usize| PersonId::new(PEOPLE[i]);
    let motion = || MotionId::new("m");
    let by = Author::Facilitator;
    let kind = match step {
        Step::Arrive(i) => EventKind::Arrived { person: person(*i) },
        Step::Leave(i) => EventKind::Left { person: person(*i) },
        Step::Excuse(i) => EventKind::Excused { person: person(*i) },
        Step::StartItem(i) => EventKind::ItemStarted {
            item: ItemId::new(["d1", "d2"][*i]),
        },
        Step::Note(by_note_taker) => {
            let kind = EventKind::NoteAdded(std::sync::Arc::new(Note {
                speaker: Some(Speaker::Person(person(0))),
                kind: NoteKind::Said,
                text: Text::new("發言"),
                item: Some(ItemId::new("d1")),
            }));
            if *by_note_taker {
                return meeting
                    .record(at(minute), Author::NoteTaker("書記".into()), kind)
                    .map(|_| ());
            }
            kind
        }
        Step::OpenRound => EventKind::ConsensusRoundOpened { motion: motion() },
        Step::Object(i, blocking) => EventKind::ObjectionRaised {
            motion: motion(),
            speaker: Speaker::Person(person(*i)),
            reason: Text::new("理由"),
            blocking: *blocking,
        },
        Step::CloseRound => EventKind::ConsensusRoundClosed { motion: motion() },
        Step::Consent(agree) => EventKind::ConsentToVoteTaken {
            motion: motion(),
            agree: *agree,
        },
        Step::Vote(yes, no, abstain) => EventKind::VoteTaken {
            motion: motion(),
            tally: Tally::Counts {
                yes: *yes,
                no: *no,
                abstain: *abstain,
            },
        },
        Step::Chair(adopted) => EventKind::ChairRuled {
            motion: motion(),
            adopted: *adopted,
        },
        Step::Defer => EventKind::MotionDeferred { motion: motion() },
        Step::Start => EventKind::MeetingStarted,
        Step::Adjourn => EventKind::MeetingAdjourned,
        Step::Undo => return meeting.undo(at(minute), by).map(|_| ()),
        Step::Redo => return meeting.redo(at(minute), by).map(|_| ()),
    };
    meeting.record(at(minute), by, kind).map(|_| ())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn the_state_is_always_the_log_folded(steps in prop::collection::vec(step(), 1..60)) {
        let mut meeting = forum();
        for (minute, step) in steps.iter().enumerate() {
            let before = meeting.state().clone();
            let log_before = meeting.session().log.len();
            let minute = u32::try_from(minute).expect("few steps");
            match take(&mut meeting, minute, step) {
                Ok(()) => prop_assert_eq!(meeting.session().log.len(), log_before + 1),
                Err(_) => {
                    // A refused step changes nothing at all.
                    prop_assert_eq!(meeting.state(), &before);
                    prop_assert_eq!(meeting.session().log.len(), log_before);
                }
            }
            let refolded = Meeting::open(meeting.session().clone());
            prop_assert!(refolded.is_ok(), "the log no longer folds: {:?}", refolded.err());
            let refolded = refolded.expect("folds");
            prop_assert_eq!(refolded.state(), meeting.state());
        }
    }

    #[test]
    fn undo_then_redo_gives_back_the_same_meeting(steps in prop::collection::vec(step(), 1..40)) {
        let mut meeting = forum();
        for (minute, step) in steps.iter().enumerate() {
            let _ = take(&mut meeting, u32::try_from(minute).expect("few steps"), step);
        }
        let before = meeting.state().clone();
        if meeting.undo(at(100), Author::Facilitator).is_ok() {
            prop_assert!(meeting.redo(at(101), Author::Facilitator).is_ok());
            let after = meeting.state();
            // Same meeting; only the log (and its length) grew by the two corrections.
            prop_assert_eq!(&after.people, &before.people);
            prop_assert_eq!(&after.motions, &before.motions);
            prop_assert_eq!(&after.items, &before.items);
            prop_assert_eq!(&after.notes, &before.notes);
            prop_assert_eq!(after.present_members(), before.present_members());
            prop_assert_eq!(after.log_len, before.log_len + 2);
        }
    }
}

/// The member seats anyone sat in, by side, counted here from the people's own
/// times in the room rather than asked of the domain.
fn seats_sat_in(state: &State) -> (usize, usize) {
    let mut sat_in = vec![false; state.people.len()];
    for (index, person) in state.people.iter().enumerate() {
        if state.stints(index).is_empty() {
            continue;
        }
        match person.role {
            Role::Member { .. } => sat_in[index] = true,
            Role::Representative { seat, .. } => sat_in[seat] = true,
            Role::Observer => {}
        }
    }
    let on = |side: Side| {
        state
            .people
            .iter()
            .enumerate()
            .filter(|&(i, p)| sat_in[i] && p.side(&state.people) == Some(side))
            .count()
    };
    (on(Side::Government), on(Side::NonGovernment))
}

/// The head count and the names on the minutes' line for one side, e.g.
/// "政府機關（2 人）：g1、g2（代表代理，14:03 到）": the count in the label, and the
/// names separated by 、 outside any parentheses.
fn minutes_side(minutes: &str, label: &str) -> (usize, usize) {
    let line = minutes
        .lines()
        .map(|l| l.trim_start_matches("- "))
        .find(|l| l.starts_with(&format!("{label}（")))
        .unwrap_or_else(|| panic!("no {label} line in:\n{minutes}"));
    let (head, names) = line.split_once("：").expect("a label and its names");
    let count: usize = head
        .trim_start_matches(&format!("{label}（"))
        .trim_end_matches(" 人）")
        .parse()
        .expect("a head count");
    if names == "無" {
        return (count, 0);
    }
    let mut depth = 0i32;
    let mut listed = 1;
    for c in names.chars() {
        match c {
            '（' => depth += 1,
            '）' => depth -= 1,
            '、' if depth == 0 => listed += 1,
            _ => {}
        }
    }
    (count, listed)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn the_minutes_count_each_seat_once_as_the_screen_does(
        steps in prop::collection::vec(step(), 1..60)
    ) {
        let mut meeting = forum();
        for (minute, step) in steps.iter().enumerate() {
            let _ = take(&mut meeting, u32::try_from(minute).expect("few steps"), step);
        }
        let state = meeting.state();
        let bytes = roundtable::minutes::minutes(
            &meeting,
            roundtable::minutes::Format::Markdown,
            roundtable::minutes::Languages::Chinese,
        )
        .expect("renders")
        .bytes;
        let minutes = String::from_utf8(bytes).expect("UTF-8");
        let (government, government_listed) = minutes_side(&minutes, "政府機關");
        let (non_government, non_government_listed) = minutes_side(&minutes, "非政府");
        prop_assert_eq!((government, non_government), seats_sat_in(state));
        prop_assert_eq!(government, government_listed);
        prop_assert_eq!(non_government, non_government_listed);
        let attended = state.attended_members();
        prop_assert_eq!(
            (government, non_government),
            (attended.government as usize, attended.non_government as usize)
        );
        // Nobody has left: everyone who came is still in, and the screen's count of
        // seats present is the minutes' count.
        let nobody_left = (0..state.people.len())
            .all(|i| state.stints(i).iter().all(|s| s.left.is_none()));
        if nobody_left && state.adjourned.is_none() {
            prop_assert_eq!(state.present_members(), attended);
        }
    }

    #[test]
    fn no_decision_breaks_the_rules(steps in prop::collection::vec(step(), 1..80)) {
        let mut meeting = forum();
        for (minute, step) in steps.iter().enumerate() {
            let _ = take(&mut meeting, u32::try_from(minute).expect("few steps"), step);
        }
        let state = meeting.state();
        for motion in &state.motions {
            for consent in &motion.consents {
                prop_assert!(consent.agree <= consent.stamp.present.total());
            }
            if let Some(vote) = &motion.vote {
                let (yes, no, abstain) = vote.tally.counts();
                prop_assert!(yes + no + abstain > 0, "an empty count was recorded");
                prop_assert!(
                    yes + no + abstain <= vote.denominator,
                    "{} votes against {} voters", yes + no + abstain, vote.denominator
                );
            }
            if let (Some(outcome), Some(closed)) = (motion.outcome(), &motion.closed)
                && !matches!(outcome, Outcome::Deferred | Outcome::Withdrawn)
            {
                prop_assert!(closed.present.total() > 0, "{outcome:?} with nobody present");
                if let Some(adjourned) = state.adjourned {
                    prop_assert!(closed.at <= adjourned, "{outcome:?} after adjournment");
                }
            }
        }
    }
}
