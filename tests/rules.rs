//! The meeting rules of product.md, each written as the meeting would say it.

use chrono::{DateTime, Duration, FixedOffset};
use roundtable::domain::*;

fn at(minute: i64) -> Stamp {
    let start: DateTime<FixedOffset> =
        DateTime::parse_from_rfc3339("2026-12-03T14:00:00+08:00").expect("valid time");
    start + Duration::minutes(minute)
}

fn member(id: &str, category: Category, seat: SeatRole) -> Member {
    Member {
        id: PersonId::new(id),
        name: Text::new(format!("委員{id}")),
        title: Text::default(),
        organisation: Text::default(),
        category,
        seat,
    }
}

/// A forum of `n` government and `n` non-government members (g1.., n1..), with a
/// representative `g2-rep` for g2 and an observer `obs`, a discussion item and a
/// motion `m` on it.
fn forum(n: usize) -> Meeting {
    let mut session = Session::new(Text::new("測試論壇"), at(0).date_naive());
    for i in 1..=n {
        let seat = if i == 1 {
            SeatRole::Convener
        } else {
            SeatRole::Member
        };
        session
            .roster
            .members
            .push(member(&format!("g{i}"), Category::LeadAgency, seat));
    }
    for i in 1..=n {
        let seat = if i == 1 {
            SeatRole::CoConvener
        } else {
            SeatRole::Member
        };
        session
            .roster
            .members
            .push(member(&format!("n{i}"), Category::CivicGroup, seat));
    }
    session.roster.representatives.push(Representative {
        id: PersonId::new("g2-rep"),
        for_member: PersonId::new("g2"),
        name: Text::new("代表"),
        title: Text::new("科長"),
    });
    session.roster.observers.push(Observer {
        id: PersonId::new("obs"),
        name: Text::new("列席者"),
        title: Text::default(),
        organisation: Text::default(),
    });
    session.agenda.push(AgendaItem {
        id: ItemId::new("d1"),
        section: Section::Discussion,
        title: Text::new("討論案"),
        presenter: Text::default(),
        explanation: Text::default(),
        proposed_action: None,
        planned_minutes: 20,
    });
    session.motions.push(Motion {
        id: MotionId::new("m"),
        item: ItemId::new("d1"),
        text: Text::new("決議文"),
        proposer: None,
    });
    Meeting::open(session).expect("a valid forum")
}

fn record(meeting: &mut Meeting, minute: i64, kind: EventKind) -> Result<(), DomainError> {
    meeting
        .record(at(minute), Author::Facilitator, kind)
        .map(|_| ())
}

fn ok(meeting: &mut Meeting, minute: i64, kind: EventKind) {
    if let Err(e) = record(meeting, minute, kind.clone()) {
        panic!("{kind:?} refused: {e}");
    }
}

fn arrive(meeting: &mut Meeting, ids: &[&str]) {
    for id in ids {
        ok(
            meeting,
            0,
            EventKind::Arrived {
                person: PersonId::new(*id),
            },
        );
    }
}

/// `g` government and `n` non-government members present.
fn present(meeting: &mut Meeting, g: usize, n: usize) {
    for i in 1..=g {
        ok(
            meeting,
            0,
            EventKind::Arrived {
                person: PersonId::new(format!("g{i}")),
            },
        );
    }
    for i in 1..=n {
        ok(
            meeting,
            0,
            EventKind::Arrived {
                person: PersonId::new(format!("n{i}")),
            },
        );
    }
}

fn m() -> MotionId {
    MotionId::new("m")
}

/// Opens a consensus round in which n1 blocks (because of `reason`).
fn round_with_a_blocking_objection(meeting: &mut Meeting, reason: &str) {
    ok(meeting, 10, EventKind::ConsensusRoundOpened { motion: m() });
    ok(
        meeting,
        11,
        EventKind::ObjectionRaised {
            motion: m(),
            speaker: Speaker::Person(PersonId::new("n1")),
            reason: Text::new(reason),
            blocking: true,
        },
    );
}

/// Takes the motion through a consensus round that one member blocks.
fn consensus_fails(meeting: &mut Meeting) {
    round_with_a_blocking_objection(meeting, "期程太趕");
    ok(meeting, 12, EventKind::ConsensusRoundClosed { motion: m() });
    assert_eq!(stage(meeting), Stage::ConsensusFailed);
}

fn stage(meeting: &Meeting) -> Stage {
    meeting.state().motion(&m()).expect("motion m").stage
}

fn counts(yes: u32, no: u32, abstain: u32) -> Tally {
    Tally::Counts { yes, no, abstain }
}

// ---- consensus ------------------------------------------------------------------

#[test]
fn no_objection_in_the_round_adopts_by_consensus() {
    let mut meeting = forum(5);
    present(&mut meeting, 5, 5);
    ok(
        &mut meeting,
        10,
        EventKind::ConsensusRoundOpened { motion: m() },
    );
    ok(
        &mut meeting,
        12,
        EventKind::ConsensusRoundClosed { motion: m() },
    );
    assert_eq!(stage(&meeting), Stage::Closed(Outcome::AdoptedByConsensus));
}

#[test]
fn a_reservation_is_recorded_but_does_not_block() {
    let mut meeting = forum(5);
    present(&mut meeting, 5, 5);
    ok(
        &mut meeting,
        10,
        EventKind::ConsensusRoundOpened { motion: m() },
    );
    ok(
        &mut meeting,
        11,
        EventKind::ObjectionRaised {
            motion: m(),
            speaker: Speaker::Person(PersonId::new("n2")),
            reason: Text::new("保留意見：預算來源未明"),
            blocking: false,
        },
    );
    ok(
        &mut meeting,
        12,
        EventKind::ConsensusRoundClosed { motion: m() },
    );
    let motion = meeting.state().motion(&m()).expect("motion");
    assert_eq!(motion.stage, Stage::Closed(Outcome::AdoptedByConsensus));
    assert_eq!(motion.objections.len(), 1);
    assert!(!motion.objections[0].blocking);
}

#[test]
fn a_blocking_objection_is_recorded_with_who_and_why() {
    let mut meeting = forum(5);
    present(&mut meeting, 5, 5);
    consensus_fails(&mut meeting);
    let motion = meeting.state().motion(&m()).expect("motion");
    let objection = &motion.objections[0];
    assert_eq!(objection.speaker, Speaker::Person(PersonId::new("n1")));
    assert_eq!(objection.reason.text, "期程太趕");
    assert_eq!(objection.at, at(11));
}

#[test]
fn an_observer_cannot_block_consensus() {
    let mut meeting = forum(5);
    present(&mut meeting, 5, 5);
    arrive(&mut meeting, &["obs"]);
    ok(
        &mut meeting,
        10,
        EventKind::ConsensusRoundOpened { motion: m() },
    );
    let refused = record(
        &mut meeting,
        11,
        EventKind::ObjectionRaised {
            motion: m(),
            speaker: Speaker::Person(PersonId::new("obs")),
            reason: Text::new("反對"),
            blocking: true,
        },
    );
    assert!(matches!(refused, Err(DomainError::ObserverCannotBlock(_))));
}

// ---- consent to vote --------------------------------------------------------------

#[test]
fn ten_present_six_agree_the_vote_opens() {
    let mut meeting = forum(5);
    present(&mut meeting, 5, 5);
    consensus_fails(&mut meeting);
    ok(
        &mut meeting,
        13,
        EventKind::ConsentToVoteTaken {
            motion: m(),
            agree: 6,
        },
    );
    assert_eq!(stage(&meeting), Stage::Voting);
    let consent = &meeting.state().motion(&m()).expect("motion").consents[0];
    assert_eq!((consent.needed, consent.stamp.present.total()), (6, 10));
}

#[test]
fn ten_present_five_agree_the_vote_does_not_open() {
    let mut meeting = forum(5);
    present(&mut meeting, 5, 5);
    consensus_fails(&mut meeting);
    ok(
        &mut meeting,
        13,
        EventKind::ConsentToVoteTaken {
            motion: m(),
            agree: 5,
        },
    );
    assert_eq!(stage(&meeting), Stage::NotPutToVote);
    // Not put to a vote, the motion stays open: it can be deferred.
    ok(&mut meeting, 14, EventKind::MotionDeferred { motion: m() });
    assert_eq!(stage(&meeting), Stage::Closed(Outcome::Deferred));
}

#[test]
fn nine_present_five_agree_the_vote_opens() {
    let mut meeting = forum(5);
    present(&mut meeting, 5, 4);
    consensus_fails(&mut meeting);
    ok(
        &mut meeting,
        13,
        EventKind::ConsentToVoteTaken {
            motion: m(),
            agree: 5,
        },
    );
    assert_eq!(stage(&meeting), Stage::Voting);
}

#[test]
fn more_agreeing_than_present_is_refused_and_changes_nothing() {
    let mut meeting = forum(5);
    present(&mut meeting, 5, 5);
    consensus_fails(&mut meeting);
    let before = meeting.state().clone();
    let log_before = meeting.session().log.len();
    let refused = record(
        &mut meeting,
        13,
        EventKind::ConsentToVoteTaken {
            motion: m(),
            agree: 11,
        },
    );
    assert_eq!(
        refused,
        Err(DomainError::AgreeExceedsPresent {
            agree: 11,
            present: 10
        })
    );
    assert_eq!(meeting.state(), &before);
    assert_eq!(meeting.session().log.len(), log_before);
}

#[test]
fn consent_before_a_failed_consensus_round_is_refused() {
    let mut meeting = forum(5);
    present(&mut meeting, 5, 5);
    let refused = record(
        &mut meeting,
        13,
        EventKind::ConsentToVoteTaken {
            motion: m(),
            agree: 8,
        },
    );
    assert!(matches!(refused, Err(DomainError::WrongStage { .. })));
}

// ---- the vote ---------------------------------------------------------------------

fn vote_opens_with(meeting: &mut Meeting) {
    consensus_fails(meeting);
    ok(
        meeting,
        13,
        EventKind::ConsentToVoteTaken {
            motion: m(),
            agree: 7,
        },
    );
}

#[test]
fn ten_present_five_yes_three_no_two_abstain_is_adopted() {
    let mut meeting = forum(5);
    present(&mut meeting, 5, 5);
    vote_opens_with(&mut meeting);
    ok(
        &mut meeting,
        15,
        EventKind::VoteTaken {
            motion: m(),
            tally: counts(5, 3, 2),
        },
    );
    assert_eq!(stage(&meeting), Stage::Closed(Outcome::AdoptedByVote));
    let vote = meeting
        .state()
        .motion(&m())
        .and_then(|x| x.vote.clone())
        .expect("vote");
    assert_eq!((vote.denominator, vote.needed), (10, 5));
}

#[test]
fn ten_present_four_yes_two_no_four_abstain_is_not_adopted() {
    let mut meeting = forum(5);
    present(&mut meeting, 5, 5);
    vote_opens_with(&mut meeting);
    ok(
        &mut meeting,
        15,
        EventKind::VoteTaken {
            motion: m(),
            tally: counts(4, 2, 4),
        },
    );
    assert_eq!(stage(&meeting), Stage::Closed(Outcome::NotAdopted));
    // Abstentions are recorded apart all the same.
    let vote = meeting
        .state()
        .motion(&m())
        .and_then(|x| x.vote.clone())
        .expect("vote");
    assert_eq!(vote.tally.counts(), (4, 2, 4));
}

#[test]
fn ten_present_five_to_five_the_chair_rules() {
    let mut meeting = forum(5);
    present(&mut meeting, 5, 5);
    vote_opens_with(&mut meeting);
    ok(
        &mut meeting,
        15,
        EventKind::VoteTaken {
            motion: m(),
            tally: counts(5, 5, 0),
        },
    );
    assert_eq!(stage(&meeting), Stage::AwaitingChair);
    ok(
        &mut meeting,
        16,
        EventKind::ChairRuled {
            motion: m(),
            adopted: true,
        },
    );
    let motion = meeting.state().motion(&m()).expect("motion");
    assert_eq!(motion.stage, Stage::Closed(Outcome::AdoptedByChair));
    assert!(motion.chair_ruling.is_some_and(|(adopted, _)| adopted));
}

#[test]
fn the_chair_may_rule_an_even_split_down() {
    let mut meeting = forum(5);
    present(&mut meeting, 5, 5);
    vote_opens_with(&mut meeting);
    ok(
        &mut meeting,
        15,
        EventKind::VoteTaken {
            motion: m(),
            tally: counts(5, 5, 0),
        },
    );
    ok(
        &mut meeting,
        16,
        EventKind::ChairRuled {
            motion: m(),
            adopted: false,
        },
    );
    assert_eq!(stage(&meeting), Stage::Closed(Outcome::RejectedByChair));
}

#[test]
fn the_chair_cannot_rule_without_an_even_split() {
    let mut meeting = forum(5);
    present(&mut meeting, 5, 5);
    vote_opens_with(&mut meeting);
    let refused = record(
        &mut meeting,
        16,
        EventKind::ChairRuled {
            motion: m(),
            adopted: true,
        },
    );
    assert!(matches!(refused, Err(DomainError::WrongStage { .. })));
}

#[test]
fn more_votes_than_members_present_are_refused_with_the_numbers() {
    let mut meeting = forum(5);
    present(&mut meeting, 5, 5);
    vote_opens_with(&mut meeting);
    let before = meeting.state().clone();
    let refused = record(
        &mut meeting,
        15,
        EventKind::VoteTaken {
            motion: m(),
            tally: counts(6, 4, 2),
        },
    )
    .expect_err("12 votes from 10 present");
    assert_eq!(
        refused.to_string(),
        "6 yes + 4 no + 2 abstain = 12 votes, but only 10 members are present"
    );
    assert_eq!(meeting.state(), &before);
    assert_eq!(stage(&meeting), Stage::Voting);
}

#[test]
fn someone_leaving_between_consent_and_vote_does_not_change_the_threshold() {
    let mut meeting = forum(5);
    present(&mut meeting, 5, 5);
    vote_opens_with(&mut meeting);
    ok(
        &mut meeting,
        14,
        EventKind::Left {
            person: PersonId::new("n5"),
        },
    );
    assert_eq!(meeting.state().present_members().total(), 9);
    // 9 present now, 10 when the vote opened: the rule book says the threshold is
    // that of the vote's opening, so 5 of 10 is needed, and 4 yes is not enough.
    assert_eq!(
        meeting.session().rules.vote_denominator,
        VoteDenominator::PresentWhenVoteOpened
    );
    ok(
        &mut meeting,
        15,
        EventKind::VoteTaken {
            motion: m(),
            tally: counts(4, 3, 2),
        },
    );
    let vote = meeting
        .state()
        .motion(&m())
        .and_then(|x| x.vote.clone())
        .expect("vote");
    assert_eq!((vote.denominator, vote.needed), (10, 5));
    assert_eq!(stage(&meeting), Stage::Closed(Outcome::NotAdopted));
}

#[test]
fn a_rule_book_counting_at_the_vote_uses_those_present_then() {
    let mut meeting = forum(5);
    let mut session = meeting.session().clone();
    session.rules.vote_denominator = VoteDenominator::PresentWhenCounted;
    meeting = Meeting::open(session).expect("valid");
    present(&mut meeting, 5, 5);
    vote_opens_with(&mut meeting);
    ok(
        &mut meeting,
        14,
        EventKind::Left {
            person: PersonId::new("n5"),
        },
    );
    ok(
        &mut meeting,
        15,
        EventKind::VoteTaken {
            motion: m(),
            tally: counts(5, 3, 1),
        },
    );
    let vote = meeting
        .state()
        .motion(&m())
        .and_then(|x| x.vote.clone())
        .expect("vote");
    assert_eq!((vote.denominator, vote.needed), (9, 5));
}

#[test]
fn a_roll_call_counts_each_member_present_once() {
    let mut meeting = forum(2);
    present(&mut meeting, 1, 2);
    arrive(&mut meeting, &["g2-rep"]);
    consensus_fails(&mut meeting);
    ok(
        &mut meeting,
        13,
        EventKind::ConsentToVoteTaken {
            motion: m(),
            agree: 3,
        },
    );
    let p = |id: &str| PersonId::new(id);
    // The representative votes in g2's seat.
    let ballots = vec![
        (p("g1"), Ballot::Yes),
        (p("g2-rep"), Ballot::Yes),
        (p("n1"), Ballot::No),
        (p("n2"), Ballot::Abstain),
    ];
    ok(
        &mut meeting,
        15,
        EventKind::VoteTaken {
            motion: m(),
            tally: Tally::RollCall(ballots),
        },
    );
    let vote = meeting
        .state()
        .motion(&m())
        .and_then(|x| x.vote.clone())
        .expect("vote");
    assert_eq!(vote.tally.counts(), (2, 1, 1));
    assert_eq!(stage(&meeting), Stage::Closed(Outcome::AdoptedByVote));
}

#[test]
fn a_roll_call_refuses_an_absent_voter_and_a_seat_voting_twice() {
    let mut meeting = forum(2);
    present(&mut meeting, 2, 2);
    arrive(&mut meeting, &["g2-rep", "obs"]);
    consensus_fails(&mut meeting);
    ok(
        &mut meeting,
        13,
        EventKind::ConsentToVoteTaken {
            motion: m(),
            agree: 3,
        },
    );
    let p = |id: &str| PersonId::new(id);
    let twice = Tally::RollCall(vec![(p("g2"), Ballot::Yes), (p("g2-rep"), Ballot::No)]);
    assert!(matches!(
        record(
            &mut meeting,
            15,
            EventKind::VoteTaken {
                motion: m(),
                tally: twice
            }
        ),
        Err(DomainError::VotedTwice(_))
    ));
    let observer = Tally::RollCall(vec![(p("obs"), Ballot::Yes)]);
    assert!(matches!(
        record(
            &mut meeting,
            15,
            EventKind::VoteTaken {
                motion: m(),
                tally: observer
            }
        ),
        Err(DomainError::VoterNotPresent(_))
    ));
    assert_eq!(stage(&meeting), Stage::Voting);
}

#[test]
fn a_motion_can_be_withdrawn_at_any_open_stage_but_not_after_it_closed() {
    let mut meeting = forum(5);
    present(&mut meeting, 5, 5);
    ok(
        &mut meeting,
        10,
        EventKind::ConsensusRoundOpened { motion: m() },
    );
    ok(&mut meeting, 11, EventKind::MotionWithdrawn { motion: m() });
    assert_eq!(stage(&meeting), Stage::Closed(Outcome::Withdrawn));
    assert!(record(&mut meeting, 12, EventKind::MotionDeferred { motion: m() }).is_err());
}

#[test]
fn each_stage_is_stamped_with_the_time_and_the_members_present() {
    let mut meeting = forum(5);
    present(&mut meeting, 5, 5);
    consensus_fails(&mut meeting);
    ok(
        &mut meeting,
        12,
        EventKind::Left {
            person: PersonId::new("g5"),
        },
    );
    ok(
        &mut meeting,
        13,
        EventKind::ConsentToVoteTaken {
            motion: m(),
            agree: 6,
        },
    );
    ok(
        &mut meeting,
        14,
        EventKind::Arrived {
            person: PersonId::new("g5"),
        },
    );
    ok(
        &mut meeting,
        15,
        EventKind::VoteTaken {
            motion: m(),
            tally: counts(6, 2, 1),
        },
    );
    let motion = meeting.state().motion(&m()).expect("motion");
    assert_eq!(motion.rounds[0].opened.at, at(10));
    assert_eq!(motion.rounds[0].opened.present.total(), 10);
    assert_eq!(motion.consents[0].stamp.at, at(13));
    assert_eq!(
        motion.consents[0].stamp.present,
        Balance {
            government: 4,
            non_government: 5
        }
    );
    let vote = motion.vote.as_ref().expect("vote");
    assert_eq!((vote.stamp.at, vote.stamp.present.total()), (at(15), 10));
    // The vote opened with 9 present, so 9 is the denominator.
    assert_eq!(vote.denominator, 9);
    assert_eq!(motion.closed.map(|s| s.at), Some(at(15)));
}

// ---- attendance -------------------------------------------------------------------

#[test]
fn an_observer_arriving_changes_nothing() {
    let mut meeting = forum(5);
    present(&mut meeting, 5, 5);
    let counted = meeting.state().present_members();
    arrive(&mut meeting, &["obs"]);
    assert_eq!(meeting.state().present_members(), counted);
    let rules = &meeting.session().rules;
    assert_eq!(rules.vote_opening_threshold(counted.total()), 6);
}

#[test]
fn a_representative_sits_in_the_members_seat_and_counts_once() {
    let mut meeting = forum(3);
    arrive(&mut meeting, &["g2-rep"]);
    assert_eq!(
        meeting.state().present_members(),
        Balance {
            government: 1,
            non_government: 0
        }
    );
    arrive(&mut meeting, &["g2"]);
    assert_eq!(meeting.state().present_members().total(), 1);
    let state = meeting.state();
    let g2 = state.person_index(&PersonId::new("g2")).expect("g2");
    assert_eq!(state.presence(g2), Presence::Present);
}

#[test]
fn a_represented_member_is_marked_as_such() {
    let mut meeting = forum(3);
    arrive(&mut meeting, &["g2-rep"]);
    let state = meeting.state();
    let g2 = state.person_index(&PersonId::new("g2")).expect("g2");
    assert_eq!(state.presence(g2), Presence::Represented);
}

#[test]
fn attendance_is_a_timeline_who_was_present_at_10_42() {
    let mut meeting = forum(3);
    ok(
        &mut meeting,
        0,
        EventKind::Arrived {
            person: PersonId::new("g1"),
        },
    );
    ok(
        &mut meeting,
        5,
        EventKind::Arrived {
            person: PersonId::new("n1"),
        },
    );
    ok(
        &mut meeting,
        30,
        EventKind::Left {
            person: PersonId::new("n1"),
        },
    );
    ok(
        &mut meeting,
        50,
        EventKind::Arrived {
            person: PersonId::new("n1"),
        },
    );
    let state = meeting.state();
    assert_eq!(state.present_members_at(at(1)).total(), 1);
    assert_eq!(state.present_members_at(at(10)).total(), 2);
    assert_eq!(state.present_members_at(at(42)).total(), 1);
    assert_eq!(state.present_members_at(at(55)).total(), 2);
    let n1 = state.person_index(&PersonId::new("n1")).expect("n1");
    assert_eq!(state.stints(n1).len(), 2);
}

#[test]
fn leaving_twice_and_arriving_twice_are_refused() {
    let mut meeting = forum(3);
    arrive(&mut meeting, &["g1"]);
    assert!(matches!(
        record(
            &mut meeting,
            1,
            EventKind::Arrived {
                person: PersonId::new("g1")
            }
        ),
        Err(DomainError::AlreadyPresent(_))
    ));
    assert!(matches!(
        record(
            &mut meeting,
            1,
            EventKind::Left {
                person: PersonId::new("n1")
            }
        ),
        Err(DomainError::NotPresent(_))
    ));
    assert!(matches!(
        record(
            &mut meeting,
            1,
            EventKind::Arrived {
                person: PersonId::new("nobody")
            }
        ),
        Err(DomainError::UnknownPerson(_))
    ));
}

#[test]
fn the_balance_of_the_roster_and_of_those_present_is_flagged_when_off() {
    let mut meeting = forum(3);
    assert!(meeting.state().roster_balance().is_balanced());
    present(&mut meeting, 3, 2);
    let present = meeting.state().present_members();
    assert_eq!(
        present,
        Balance {
            government: 3,
            non_government: 2
        }
    );
    assert!(!present.is_balanced());
}

#[test]
fn an_excused_member_who_comes_after_all_is_present() {
    let mut meeting = forum(3);
    ok(
        &mut meeting,
        0,
        EventKind::Excused {
            person: PersonId::new("n3"),
        },
    );
    let n3 = meeting
        .state()
        .person_index(&PersonId::new("n3"))
        .expect("n3");
    assert_eq!(meeting.state().presence(n3), Presence::Excused);
    arrive(&mut meeting, &["n3"]);
    assert_eq!(meeting.state().presence(n3), Presence::Present);
    assert!(matches!(
        record(
            &mut meeting,
            1,
            EventKind::Excused {
                person: PersonId::new("obs")
            }
        ),
        Err(DomainError::OnlyMembersAreExcused(_))
    ));
}

#[test]
fn with_a_quorum_a_decision_needs_enough_members_present() {
    let mut meeting = forum(5);
    let mut session = meeting.session().clone();
    session.rules.quorum = Some(Threshold::HALF_OR_MORE);
    meeting = Meeting::open(session).expect("valid");
    present(&mut meeting, 2, 2);
    ok(
        &mut meeting,
        10,
        EventKind::ConsensusRoundOpened { motion: m() },
    );
    assert_eq!(
        record(
            &mut meeting,
            11,
            EventKind::ConsensusRoundClosed { motion: m() }
        ),
        Err(DomainError::NotQuorate {
            present: 4,
            needed: 5
        })
    );
    arrive(&mut meeting, &["n3"]);
    ok(
        &mut meeting,
        12,
        EventKind::ConsensusRoundClosed { motion: m() },
    );
}

// ---- set-up -------------------------------------------------------------------------

fn open_with(edit: impl FnOnce(&mut Session)) -> Result<Meeting, SessionError> {
    let mut session = forum(3).session().clone();
    edit(&mut session);
    Meeting::open(session)
}

#[test]
fn a_government_co_convener_is_refused() {
    let error =
        open_with(|s| s.roster.members[1].seat = SeatRole::CoConvener).expect_err("refused");
    assert!(
        error.to_string().contains("cannot be co-convener"),
        "{error}"
    );
}

#[test]
fn two_conveners_are_refused() {
    let error = open_with(|s| s.roster.members[1].seat = SeatRole::Convener).expect_err("refused");
    assert!(error.to_string().contains("two conveners"), "{error}");
}

#[test]
fn a_representative_for_a_member_who_does_not_exist_is_refused() {
    let error = open_with(|s| s.roster.representatives[0].for_member = PersonId::new("ghost"))
        .expect_err("refused");
    assert!(error.to_string().contains("\"ghost\""), "{error}");
}

#[test]
fn a_representative_for_a_non_government_member_is_refused() {
    let error = open_with(|s| s.roster.representatives[0].for_member = PersonId::new("n2"))
        .expect_err("refused");
    assert!(error.to_string().contains("only an agency"), "{error}");
}

#[test]
fn an_agenda_out_of_the_rules_order_is_refused() {
    let error = open_with(|s| {
        s.agenda.push(AgendaItem {
            id: ItemId::new("r1"),
            section: Section::Report,
            title: Text::new("報告"),
            presenter: Text::default(),
            explanation: Text::default(),
            proposed_action: None,
            planned_minutes: 5,
        })
    })
    .expect_err("refused");
    assert!(matches!(error, SessionError::AgendaOutOfOrder { .. }));
}

// ---- agenda and notes --------------------------------------------------------------

#[test]
fn an_extempore_item_added_on_the_day_goes_before_adjournment() {
    let mut meeting = forum(2);
    let item = |id: &str, section| AgendaItem {
        id: ItemId::new(id),
        section,
        title: Text::new(id),
        presenter: Text::default(),
        explanation: Text::default(),
        proposed_action: None,
        planned_minutes: 5,
    };
    let mut session = meeting.session().clone();
    session.agenda.push(item("adjourn", Section::Adjournment));
    meeting = Meeting::open(session).expect("valid");
    ok(
        &mut meeting,
        1,
        EventKind::ItemAdded(Box::new(item("x1", Section::Extempore))),
    );
    let order: Vec<&str> = meeting
        .state()
        .items
        .iter()
        .map(|i| i.item.id.0.as_str())
        .collect();
    assert_eq!(order, ["d1", "x1", "adjourn"]);
}

#[test]
fn starting_an_item_ends_the_one_before_and_times_are_kept() {
    let mut meeting = forum(2);
    ok(
        &mut meeting,
        1,
        EventKind::ItemAdded(Box::new(AgendaItem {
            id: ItemId::new("x1"),
            section: Section::Extempore,
            title: Text::new("臨時動議"),
            presenter: Text::default(),
            explanation: Text::default(),
            proposed_action: None,
            planned_minutes: 5,
        })),
    );
    ok(
        &mut meeting,
        2,
        EventKind::ItemStarted {
            item: ItemId::new("d1"),
        },
    );
    ok(
        &mut meeting,
        30,
        EventKind::ItemStarted {
            item: ItemId::new("x1"),
        },
    );
    let state = meeting.state();
    let d1 = state.item(&ItemId::new("d1")).expect("d1");
    assert_eq!((d1.started, d1.ended), (Some(at(2)), Some(at(30))));
    assert_eq!(
        state.current_item().map(|i| i.item.id.0.as_str()),
        Some("x1")
    );
    assert_eq!(state.started, Some(at(2)));
}

#[test]
fn after_adjournment_no_motion_moves() {
    let mut meeting = forum(2);
    ok(&mut meeting, 1, EventKind::MeetingStarted);
    ok(&mut meeting, 90, EventKind::MeetingAdjourned);
    assert_eq!(
        record(
            &mut meeting,
            91,
            EventKind::ConsensusRoundOpened { motion: m() }
        ),
        Err(DomainError::Adjourned)
    );
}

fn note(text: &str) -> EventKind {
    EventKind::NoteAdded(std::sync::Arc::new(Note {
        speaker: Some(Speaker::Named("民眾".into())),
        kind: NoteKind::Said,
        text: Text::new(text),
        item: Some(ItemId::new("d1")),
    }))
}

#[test]
fn a_note_taker_adds_notes_and_corrects_only_their_own() {
    let mut meeting = forum(2);
    let taker = Author::NoteTaker("書記".into());
    let seq = meeting
        .record(at(1), taker.clone(), note("原文"))
        .expect("note")
        .seq;
    let other = meeting
        .record(at(2), Author::NoteTaker("另一位".into()), note("他人"))
        .expect("note")
        .seq;
    let corrected = Note {
        speaker: None,
        kind: NoteKind::Narrative,
        text: Text::new("（與會者皆無意見）"),
        item: None,
    };
    meeting
        .record(
            at(3),
            taker.clone(),
            EventKind::NoteCorrected {
                note: seq,
                corrected: corrected.clone().into(),
            },
        )
        .expect("own note corrected");
    assert_eq!(
        meeting.state().note(seq).map(|n| &*n.note),
        Some(&corrected)
    );
    assert_eq!(
        meeting
            .record(
                at(4),
                taker.clone(),
                EventKind::NoteCorrected {
                    note: other,
                    corrected: corrected.into()
                }
            )
            .map(|_| ()),
        Err(DomainError::NotYourNote)
    );
    assert_eq!(
        meeting
            .record(
                at(5),
                taker,
                EventKind::Arrived {
                    person: PersonId::new("g1")
                }
            )
            .map(|_| ()),
        Err(DomainError::NoteTakerMayOnlyTakeNotes)
    );
}

// ---- undo and redo -----------------------------------------------------------------

#[test]
fn undo_takes_back_the_last_change_and_the_record_keeps_the_correction() {
    let mut meeting = forum(3);
    arrive(&mut meeting, &["g1", "n1"]);
    let undone = meeting
        .undo(at(2), Author::Facilitator)
        .expect("undo")
        .clone();
    assert_eq!(undone.kind, EventKind::Retracted { event: Seq(2) });
    assert_eq!(meeting.state().present_members().total(), 1);
    // The log keeps the arrival and its retraction.
    assert_eq!(meeting.session().log.len(), 3);
    meeting.redo(at(3), Author::Facilitator).expect("redo");
    assert_eq!(meeting.state().present_members().total(), 2);
    assert_eq!(
        meeting.redo(at(4), Author::Facilitator).map(|_| ()),
        Err(DomainError::NothingToRedo)
    );
}

#[test]
fn a_new_change_after_undo_clears_redo() {
    let mut meeting = forum(3);
    arrive(&mut meeting, &["g1"]);
    meeting.undo(at(2), Author::Facilitator).expect("undo");
    arrive(&mut meeting, &["n1"]);
    assert_eq!(
        meeting.redo(at(3), Author::Facilitator).map(|_| ()),
        Err(DomainError::NothingToRedo)
    );
}

#[test]
fn the_facilitators_undo_never_takes_back_a_note_takers_note() {
    let mut meeting = forum(3);
    arrive(&mut meeting, &["g1"]);
    meeting
        .record(at(1), Author::NoteTaker("書記".into()), note("記錄"))
        .expect("note");
    meeting.undo(at(2), Author::Facilitator).expect("undo");
    assert_eq!(meeting.state().notes.len(), 1);
    assert_eq!(meeting.state().present_members().total(), 0);
}

#[test]
fn undo_of_an_objection_reopens_the_round_as_it_was() {
    let mut meeting = forum(5);
    present(&mut meeting, 5, 5);
    consensus_fails(&mut meeting);
    meeting
        .undo(at(13), Author::Facilitator)
        .expect("undo close");
    assert_eq!(stage(&meeting), Stage::ConsensusRound);
    meeting
        .undo(at(13), Author::Facilitator)
        .expect("undo objection");
    assert_eq!(
        meeting.state().motion(&m()).map(|x| x.objections.len()),
        Some(0)
    );
}

#[test]
fn an_undo_that_later_events_depend_on_is_refused() {
    let mut meeting = forum(2);
    ok(
        &mut meeting,
        1,
        EventKind::ItemAdded(Box::new(AgendaItem {
            id: ItemId::new("x1"),
            section: Section::Extempore,
            title: Text::new("臨時動議"),
            presenter: Text::default(),
            explanation: Text::default(),
            proposed_action: None,
            planned_minutes: 5,
        })),
    );
    meeting
        .record(
            at(2),
            Author::NoteTaker("書記".into()),
            EventKind::NoteAdded(std::sync::Arc::new(Note {
                speaker: None,
                kind: NoteKind::Said,
                text: Text::new("關於臨時動議"),
                item: Some(ItemId::new("x1")),
            })),
        )
        .expect("note");
    let refused = meeting.undo(at(3), Author::Facilitator).map(|_| ());
    assert!(
        matches!(refused, Err(DomainError::CannotUndo { .. })),
        "{refused:?}"
    );
    assert!(meeting.state().item(&ItemId::new("x1")).is_some());
}

#[test]
fn nothing_to_undo_says_so() {
    let mut meeting = forum(2);
    assert_eq!(
        meeting.undo(at(0), Author::Facilitator).map(|_| ()),
        Err(DomainError::NothingToUndo)
    );
}

#[test]
fn a_saved_log_folds_back_to_the_same_meeting() {
    let mut meeting = forum(5);
    present(&mut meeting, 5, 5);
    consensus_fails(&mut meeting);
    ok(
        &mut meeting,
        13,
        EventKind::ConsentToVoteTaken {
            motion: m(),
            agree: 7,
        },
    );
    meeting.undo(at(14), Author::Facilitator).expect("undo");
    meeting.redo(at(15), Author::Facilitator).expect("redo");
    ok(
        &mut meeting,
        16,
        EventKind::VoteTaken {
            motion: m(),
            tally: counts(6, 2, 2),
        },
    );
    let reopened = Meeting::open(meeting.session().clone()).expect("reopens");
    assert_eq!(reopened.state(), meeting.state());
}

#[test]
fn a_note_resent_after_a_dropped_link_is_recorded_once() {
    let mut meeting = forum(2);
    let taker = Author::NoteTaker("書記".into());
    let origin = |seq| Origin {
        client: "laptop-1".into(),
        seq,
    };
    meeting
        .record_from(origin(1), at(1), taker.clone(), note("第一則"))
        .expect("first");
    meeting
        .record_from(origin(2), at(2), taker.clone(), note("第二則"))
        .expect("second");
    let resent = meeting.record_from(origin(2), at(3), taker.clone(), note("第二則"));
    assert_eq!(
        resent.map(|_| ()),
        Err(DomainError::AlreadyRecorded {
            client: "laptop-1".into(),
            seq: 2
        })
    );
    assert_eq!(meeting.state().notes.len(), 2);
    // The numbering survives a reload of the file.
    let reopened = Meeting::open(meeting.session().clone()).expect("reopens");
    assert_eq!(reopened.state().last_from("laptop-1"), Some(2));
}

#[test]
fn an_excused_member_whose_representative_attends_is_represented() {
    let mut meeting = forum(3);
    ok(
        &mut meeting,
        0,
        EventKind::Excused {
            person: PersonId::new("g2"),
        },
    );
    arrive(&mut meeting, &["g2-rep"]);
    let state = meeting.state();
    let g2 = state.person_index(&PersonId::new("g2")).expect("g2");
    assert_eq!(state.presence(g2), Presence::Represented);
    assert_eq!(state.present_members().government, 1);
}

// ---- what the screens, `check` and the minutes ask of the procedure -----------------

#[test]
fn the_room_is_told_what_it_needs_ten_present_six_to_vote_five_to_adopt() {
    let mut meeting = forum(7);
    present(&mut meeting, 5, 5);
    let live = meeting.state().live_thresholds();
    assert_eq!((live.present, live.to_open_vote, live.to_adopt), (10, 6, 5));
    present_more(&mut meeting, "n6");
    let live = meeting.state().live_thresholds();
    assert_eq!((live.present, live.to_open_vote, live.to_adopt), (11, 6, 6));
}

#[test]
fn a_vote_is_measured_against_those_present_when_the_room_agreed_to_vote() {
    let mut meeting = forum(7);
    present(&mut meeting, 5, 5);
    consensus_fails(&mut meeting);
    ok(
        &mut meeting,
        20,
        EventKind::ConsentToVoteTaken {
            motion: m(),
            agree: 6,
        },
    );
    // Two members leave after the consent: the vote is still out of ten.
    for id in ["g5", "n5"] {
        ok(
            &mut meeting,
            21,
            EventKind::Left {
                person: PersonId::new(id),
            },
        );
    }
    let state = meeting.state();
    let motion = state.motion(&m()).expect("the motion");
    assert_eq!(state.vote_denominator(motion), 10);
    assert_eq!(state.adoption_needed(motion), 5);
}

#[test]
fn the_procedure_says_what_comes_first_before_a_step_is_taken() {
    let mut meeting = forum(7);
    present(&mut meeting, 5, 5);
    let state = meeting.state();
    assert_eq!(state.check_step(&m(), Step::OpenRound), Ok(()));
    assert!(matches!(
        state.check_step(&m(), Step::TakeConsent),
        Err(DomainError::WrongStage {
            hint: StageHint::ConsentAfterFailedRound,
            ..
        })
    ));
    assert!(matches!(
        state.check_step(&m(), Step::CountVote),
        Err(DomainError::WrongStage {
            hint: StageHint::VoteAfterConsent,
            ..
        })
    ));
    consensus_fails(&mut meeting);
    assert_eq!(meeting.state().check_step(&m(), Step::TakeConsent), Ok(()));
    ok(&mut meeting, 30, EventKind::MotionWithdrawn { motion: m() });
    assert!(matches!(
        meeting.state().check_step(&m(), Step::OpenRound),
        Err(DomainError::WrongStage {
            hint: StageHint::AlreadyClosed,
            ..
        })
    ));
}

#[test]
fn with_nobody_present_the_room_cannot_be_asked_to_vote() {
    let mut meeting = forum(7);
    present(&mut meeting, 1, 1);
    consensus_fails(&mut meeting);
    for id in ["g1", "n1"] {
        ok(
            &mut meeting,
            15,
            EventKind::Left {
                person: PersonId::new(id),
            },
        );
    }
    assert_eq!(
        meeting.state().check_step(&m(), Step::TakeConsent),
        Err(DomainError::NobodyPresent)
    );
}

fn present_more(meeting: &mut Meeting, id: &str) {
    ok(
        meeting,
        1,
        EventKind::Arrived {
            person: PersonId::new(id),
        },
    );
}

// ---- decisions need the members who make them (issue 8) -----------------------------

#[test]
fn nobody_present_nobody_decides_a_round_with_no_objection_cannot_adopt_in_an_empty_room() {
    let mut meeting = forum(3);
    ok(&mut meeting, 1, EventKind::MeetingStarted);
    ok(
        &mut meeting,
        2,
        EventKind::ConsensusRoundOpened { motion: m() },
    );
    assert_eq!(
        record(
            &mut meeting,
            3,
            EventKind::ConsensusRoundClosed { motion: m() }
        ),
        Err(DomainError::NobodyPresent)
    );
    assert_eq!(stage(&meeting), Stage::ConsensusRound, "nothing changed");
    // With members in the room it adopts.
    present(&mut meeting, 1, 1);
    ok(
        &mut meeting,
        4,
        EventKind::ConsensusRoundClosed { motion: m() },
    );
    assert_eq!(stage(&meeting), Stage::Closed(Outcome::AdoptedByConsensus));
}

#[test]
fn without_a_quorum_the_chair_does_not_rule_an_even_split() {
    let mut meeting = forum(5);
    present(&mut meeting, 5, 5);
    consensus_fails(&mut meeting);
    ok(
        &mut meeting,
        13,
        EventKind::ConsentToVoteTaken {
            motion: m(),
            agree: 7,
        },
    );
    ok(
        &mut meeting,
        14,
        EventKind::VoteTaken {
            motion: m(),
            tally: counts(5, 5, 0),
        },
    );
    assert_eq!(stage(&meeting), Stage::AwaitingChair);
    let mut session = meeting.session().clone();
    session.rules.quorum = Some(Threshold::HALF_OR_MORE);
    let mut meeting = Meeting::open(session).expect("valid");
    // Six of the ten leave: four stay, and a quorum is five of the roster's ten.
    for id in ["g1", "g2", "g3", "g4", "g5", "n5"] {
        ok(
            &mut meeting,
            15,
            EventKind::Left {
                person: PersonId::new(id),
            },
        );
    }
    assert_eq!(
        record(
            &mut meeting,
            16,
            EventKind::ChairRuled {
                motion: m(),
                adopted: true
            }
        ),
        Err(DomainError::NotQuorate {
            present: 4,
            needed: 5
        })
    );
    assert_eq!(stage(&meeting), Stage::AwaitingChair);
}

#[test]
fn nothing_is_decided_after_adjournment_and_undoing_it_is_the_way_back() {
    let mut meeting = forum(5);
    present(&mut meeting, 5, 5);
    vote_opens_with(&mut meeting);
    ok(&mut meeting, 20, EventKind::MeetingAdjourned);
    let refused = [
        EventKind::VoteTaken {
            motion: m(),
            tally: counts(6, 2, 2),
        },
        EventKind::MotionDeferred { motion: m() },
        EventKind::MotionWithdrawn { motion: m() },
        EventKind::MotionAdded(Box::new(Motion {
            id: MotionId::new("late"),
            item: ItemId::new("d1"),
            text: Text::new("散會後的提案"),
            proposer: None,
        })),
    ];
    for kind in refused {
        assert_eq!(
            record(&mut meeting, 21, kind.clone()),
            Err(DomainError::Adjourned),
            "{kind:?}"
        );
    }
    assert_eq!(stage(&meeting), Stage::Voting, "the record did not change");
    meeting
        .undo(at(22), Author::Facilitator)
        .expect("the adjournment is undone");
    ok(
        &mut meeting,
        23,
        EventKind::VoteTaken {
            motion: m(),
            tally: counts(6, 2, 2),
        },
    );
    assert_eq!(stage(&meeting), Stage::Closed(Outcome::AdoptedByVote));
}

#[test]
fn after_adjournment_no_round_closes_and_the_chair_does_not_rule() {
    let mut meeting = forum(3);
    present(&mut meeting, 3, 3);
    ok(
        &mut meeting,
        10,
        EventKind::ConsensusRoundOpened { motion: m() },
    );
    ok(&mut meeting, 11, EventKind::MeetingAdjourned);
    assert_eq!(
        record(
            &mut meeting,
            12,
            EventKind::ConsensusRoundClosed { motion: m() }
        ),
        Err(DomainError::Adjourned)
    );
}

#[test]
fn an_excused_or_absent_member_cannot_block_consensus() {
    let mut meeting = forum(3);
    present(&mut meeting, 2, 2);
    ok(
        &mut meeting,
        5,
        EventKind::Excused {
            person: PersonId::new("n3"),
        },
    );
    ok(
        &mut meeting,
        10,
        EventKind::ConsensusRoundOpened { motion: m() },
    );
    for id in ["n3", "g3"] {
        let refused = record(
            &mut meeting,
            11,
            EventKind::ObjectionRaised {
                motion: m(),
                speaker: Speaker::Person(PersonId::new(id)),
                reason: Text::new("不同意"),
                blocking: true,
            },
        );
        assert!(
            matches!(refused, Err(DomainError::MemberNotPresent(_))),
            "{id}: {refused:?}"
        );
    }
    // Their reservation is recorded: it blocks nothing.
    ok(
        &mut meeting,
        12,
        EventKind::ObjectionRaised {
            motion: m(),
            speaker: Speaker::Person(PersonId::new("n3")),
            reason: Text::new("書面意見"),
            blocking: false,
        },
    );
    ok(
        &mut meeting,
        13,
        EventKind::ConsensusRoundClosed { motion: m() },
    );
    assert_eq!(stage(&meeting), Stage::Closed(Outcome::AdoptedByConsensus));
}

#[test]
fn a_representative_present_blocks_for_the_seat() {
    let mut meeting = forum(3);
    arrive(&mut meeting, &["g1", "g2-rep", "n1"]);
    ok(
        &mut meeting,
        10,
        EventKind::ConsensusRoundOpened { motion: m() },
    );
    ok(
        &mut meeting,
        11,
        EventKind::ObjectionRaised {
            motion: m(),
            speaker: Speaker::Person(PersonId::new("g2-rep")),
            reason: Text::new("機關尚未評估"),
            blocking: true,
        },
    );
    ok(
        &mut meeting,
        12,
        EventKind::ConsensusRoundClosed { motion: m() },
    );
    assert_eq!(stage(&meeting), Stage::ConsensusFailed);
}

#[test]
fn a_name_typed_in_is_not_a_member_and_cannot_block() {
    let mut meeting = forum(3);
    present(&mut meeting, 2, 2);
    ok(
        &mut meeting,
        10,
        EventKind::ConsensusRoundOpened { motion: m() },
    );
    let objection = |blocking| EventKind::ObjectionRaised {
        motion: m(),
        speaker: Speaker::Named("台下民眾".into()),
        reason: Text::new("反對"),
        blocking,
    };
    assert_eq!(
        record(&mut meeting, 11, objection(true)),
        Err(DomainError::NonMemberCannotBlock("台下民眾".into()))
    );
    ok(&mut meeting, 12, objection(false));
    let objections = &meeting.state().motion(&m()).expect("motion").objections;
    assert!(
        !objections[0].by_member(),
        "recorded as a non-member's view"
    );
    ok(
        &mut meeting,
        13,
        EventKind::ConsensusRoundClosed { motion: m() },
    );
    assert_eq!(stage(&meeting), Stage::Closed(Outcome::AdoptedByConsensus));
}

#[test]
fn an_extempore_motion_is_moved_by_a_member_present() {
    let mut meeting = forum(3);
    present(&mut meeting, 1, 1);
    let moved_by = |who: Speaker| {
        EventKind::MotionAdded(Box::new(Motion {
            id: MotionId::new(format!("x-{who:?}").replace(['"', '(', ')'], "")),
            item: ItemId::new("d1"),
            text: Text::new("臨時動議"),
            proposer: Some(who),
        }))
    };
    let absent = record(
        &mut meeting,
        5,
        moved_by(Speaker::Person(PersonId::new("n3"))),
    );
    assert!(matches!(absent, Err(DomainError::MemberNotPresent(_))));
    let observer = record(
        &mut meeting,
        5,
        moved_by(Speaker::Person(PersonId::new("obs"))),
    );
    assert!(matches!(observer, Err(DomainError::ObserverCannotAct(_))));
    ok(
        &mut meeting,
        6,
        moved_by(Speaker::Person(PersonId::new("n1"))),
    );
    ok(&mut meeting, 7, moved_by(Speaker::Named("某委員".into())));
}

#[test]
fn nine_present_when_the_vote_opened_ten_votes_are_refused() {
    let mut meeting = forum(5);
    present(&mut meeting, 5, 4);
    consensus_fails(&mut meeting);
    ok(
        &mut meeting,
        13,
        EventKind::ConsentToVoteTaken {
            motion: m(),
            agree: 6,
        },
    );
    // The tenth member arrives after the vote opened: recorded as arriving only.
    present_more(&mut meeting, "n5");
    assert_eq!(
        record(
            &mut meeting,
            14,
            EventKind::VoteTaken {
                motion: m(),
                tally: counts(6, 3, 1),
            }
        ),
        Err(DomainError::VotesExceedVoters {
            yes: 6,
            no: 3,
            abstain: 1,
            total: 10,
            voters: 9
        })
    );
    // Nor is she called in a roll call.
    let mut ballots: Vec<(PersonId, Ballot)> = (1..=5)
        .map(|i| (PersonId::new(format!("g{i}")), Ballot::Yes))
        .collect();
    ballots.push((PersonId::new("n5"), Ballot::No));
    assert_eq!(
        record(
            &mut meeting,
            15,
            EventKind::VoteTaken {
                motion: m(),
                tally: Tally::RollCall(ballots),
            }
        ),
        Err(DomainError::NotAVoter("委員n5".into()))
    );
    assert_eq!(
        meeting
            .state()
            .voter_seats(meeting.state().motion(&m()).expect("m"))
            .len(),
        9
    );
    ok(
        &mut meeting,
        16,
        EventKind::VoteTaken {
            motion: m(),
            tally: counts(5, 3, 1),
        },
    );
    assert_eq!(stage(&meeting), Stage::Closed(Outcome::AdoptedByVote));
}

#[test]
fn an_empty_count_is_not_a_count() {
    let mut meeting = forum(5);
    present(&mut meeting, 5, 5);
    vote_opens_with(&mut meeting);
    assert_eq!(
        record(
            &mut meeting,
            14,
            EventKind::VoteTaken {
                motion: m(),
                tally: counts(0, 0, 0),
            }
        ),
        Err(DomainError::EmptyTally)
    );
    assert_eq!(
        record(
            &mut meeting,
            14,
            EventKind::VoteTaken {
                motion: m(),
                tally: Tally::RollCall(Vec::new()),
            }
        ),
        Err(DomainError::EmptyTally)
    );
    assert_eq!(stage(&meeting), Stage::Voting);
}

#[test]
fn under_a_one_third_rule_four_yes_five_no_is_not_adopted_and_not_for_the_chair() {
    let mut meeting = forum(5);
    let mut session = meeting.session().clone();
    session.rules.adoption = Threshold {
        comparison: Comparison::AtLeast,
        numerator: 1,
        denominator: 3,
    };
    meeting = Meeting::open(session).expect("valid");
    present(&mut meeting, 5, 5);
    vote_opens_with(&mut meeting);
    ok(
        &mut meeting,
        14,
        EventKind::VoteTaken {
            motion: m(),
            tally: counts(4, 5, 1),
        },
    );
    assert_eq!(stage(&meeting), Stage::Closed(Outcome::NotAdopted));
}

#[test]
fn a_non_government_convener_is_refused() {
    let refused = open_with(|s| {
        s.roster.members[0].seat = SeatRole::Member;
        let n2 = s
            .roster
            .members
            .iter_mut()
            .find(|m| m.id.0 == "n2")
            .expect("n2");
        n2.seat = SeatRole::Convener;
    });
    assert!(matches!(
        refused,
        Err(SessionError::SetUp(DomainError::Roster(
            RosterError::ConvenerNotLeadAgency(_)
        )))
    ));
}

#[test]
fn a_log_stamped_back_in_time_is_refused_but_a_clock_set_back_on_the_day_is_not() {
    let mut meeting = forum(2);
    ok(&mut meeting, 10, EventKind::MeetingStarted);
    // The laptop's clock goes back five minutes: the change is stamped as at the last.
    ok(
        &mut meeting,
        5,
        EventKind::Arrived {
            person: PersonId::new("g1"),
        },
    );
    let log = &meeting.session().log;
    assert_eq!(log[1].at, log[0].at);
    // A file whose log goes back in time is refused.
    let mut session = meeting.session().clone();
    session.log[1].at = at(5);
    assert!(matches!(
        Meeting::open(session),
        Err(SessionError::OutOfTimeOrder { .. })
    ));
}

// ---- amendments -----------------------------------------------------------------

fn amend(text: &str, proposer: Option<&str>) -> EventKind {
    EventKind::MotionAmended {
        motion: m(),
        text: Text::new(text),
        proposer: proposer.map(|id| Speaker::Person(PersonId::new(id))),
    }
}

fn motion_text(meeting: &Meeting) -> String {
    meeting
        .state()
        .motion(&m())
        .expect("motion m")
        .motion
        .text
        .text
        .clone()
}

#[test]
fn a_draft_is_edited_before_its_round_and_the_record_keeps_the_first_text() {
    let mut meeting = forum(5);
    ok(&mut meeting, 1, amend("決議文（修正錯字）", None));
    let state = meeting.state().motion(&m()).expect("m");
    assert_eq!(state.motion.text.text, "決議文（修正錯字）");
    assert_eq!(state.original_text().text, "決議文");
    assert_eq!(state.amendments.len(), 1);
    assert_eq!(state.amendments[0].round, 0);
    assert_eq!(state.stage, Stage::Proposed);
}

#[test]
fn an_amendment_in_the_round_restarts_it_on_the_new_text_so_the_objection_it_answers_no_longer_blocks()
 {
    let mut meeting = forum(5);
    present(&mut meeting, 5, 5);
    round_with_a_blocking_objection(&mut meeting, "每月太頻繁");
    // "monthly → quarterly", proposed by the objector.
    ok(&mut meeting, 12, amend("每季公布進度", Some("n1")));
    let state = meeting.state().motion(&m()).expect("m");
    assert_eq!(state.stage, Stage::ConsensusRound);
    assert_eq!(state.round(), 2, "a new round on the amended text");
    assert!(state.rounds[0].closed.is_some());
    assert!(
        state.round_would_adopt(),
        "the old objection no longer blocks"
    );
    assert_eq!(state.objections.len(), 1, "but stays in the record");
    assert_eq!(state.amendments[0].round, 1);
    assert_eq!(
        state.amendments[0].proposer,
        Some(Speaker::Person(PersonId::new("n1")))
    );
    ok(
        &mut meeting,
        13,
        EventKind::ConsensusRoundClosed { motion: m() },
    );
    assert_eq!(stage(&meeting), Stage::Closed(Outcome::AdoptedByConsensus));
    assert_eq!(motion_text(&meeting), "每季公布進度");
}

#[test]
fn after_a_failed_round_an_amendment_may_come_before_a_new_round_but_not_once_the_room_agreed_to_vote()
 {
    let mut meeting = forum(5);
    present(&mut meeting, 5, 5);
    consensus_fails(&mut meeting);
    ok(&mut meeting, 13, amend("決議文，分兩階段", Some("g2")));
    assert_eq!(
        stage(&meeting),
        Stage::ConsensusFailed,
        "no round opens by itself"
    );
    ok(
        &mut meeting,
        14,
        EventKind::ConsentToVoteTaken {
            motion: m(),
            agree: 6,
        },
    );
    assert_eq!(stage(&meeting), Stage::Voting);
    let refused = record(&mut meeting, 15, amend("又一版", Some("g2")));
    assert!(
        matches!(
            refused,
            Err(DomainError::WrongStage {
                hint: StageHint::TextFixedOnceVoteAgreed,
                ..
            })
        ),
        "{refused:?}"
    );
    assert_eq!(motion_text(&meeting), "決議文，分兩階段");
}

#[test]
fn an_amendment_must_change_the_text_and_be_proposed_by_someone_who_may_act() {
    let mut meeting = forum(5);
    present(&mut meeting, 5, 4);
    assert_eq!(
        record(&mut meeting, 1, amend("決議文", None)),
        Err(DomainError::AmendmentUnchanged)
    );
    assert_eq!(
        record(&mut meeting, 1, amend("   ", None)),
        Err(DomainError::AmendmentEmpty)
    );
    // n5 is not in the room.
    assert!(record(&mut meeting, 1, amend("新文字", Some("n5"))).is_err());
    assert_eq!(motion_text(&meeting), "決議文");
    assert!(
        meeting
            .state()
            .motion(&m())
            .expect("m")
            .amendments
            .is_empty()
    );
}

#[test]
fn undoing_an_amendment_gives_the_text_and_the_round_back() {
    let mut meeting = forum(5);
    present(&mut meeting, 5, 5);
    ok(
        &mut meeting,
        10,
        EventKind::ConsensusRoundOpened { motion: m() },
    );
    ok(&mut meeting, 11, amend("每季公布進度", Some("n1")));
    meeting.undo(at(12), Author::Facilitator).expect("undone");
    let state = meeting.state().motion(&m()).expect("m");
    assert_eq!(state.motion.text.text, "決議文");
    assert_eq!(state.round(), 1);
    assert!(state.amendments.is_empty());
}

#[test]
fn a_motion_added_on_the_day_goes_on_an_item_that_takes_motions() {
    let mut session = forum(3).into_session();
    session.agenda.insert(
        0,
        AgendaItem {
            id: ItemId::new("r1"),
            section: Section::Report,
            title: Text::new("報告案"),
            presenter: Text::default(),
            explanation: Text::default(),
            proposed_action: None,
            planned_minutes: 10,
        },
    );
    let mut meeting = Meeting::open(session).expect("valid");
    let motion = |item: &str, id: &str| {
        EventKind::MotionAdded(Box::new(Motion {
            id: MotionId::new(id),
            item: ItemId::new(item),
            text: Text::new("另案"),
            proposer: None,
        }))
    };
    assert!(matches!(
        record(&mut meeting, 1, motion("r1", "x1")),
        Err(DomainError::ItemTakesNoMotions { .. })
    ));
    ok(&mut meeting, 2, motion("d1", "x2"));
    assert!(meeting.state().motion(&MotionId::new("x2")).is_some());
}

fn report(id: &str) -> AgendaItem {
    AgendaItem {
        id: ItemId::new(id),
        section: Section::Report,
        title: Text::new(format!("報告{id}")),
        presenter: Text::default(),
        explanation: Text::default(),
        proposed_action: None,
        planned_minutes: 10,
    }
}

fn agenda(meeting: &Meeting) -> Vec<String> {
    meeting
        .state()
        .items
        .iter()
        .map(|i| i.item.id.0.clone())
        .collect()
}

#[test]
fn items_are_added_in_their_section_moved_within_it_and_removed_while_unused() {
    let mut meeting = forum(3);
    present(&mut meeting, 3, 3);
    ok(
        &mut meeting,
        0,
        EventKind::ItemAdded(Box::new(report("r1"))),
    );
    ok(
        &mut meeting,
        0,
        EventKind::ItemAdded(Box::new(report("r2"))),
    );
    assert_eq!(
        agenda(&meeting),
        ["r1", "r2", "d1"],
        "reports before discussion"
    );
    ok(
        &mut meeting,
        1,
        EventKind::ItemStarted {
            item: ItemId::new("d1"),
        },
    );

    ok(
        &mut meeting,
        2,
        EventKind::ItemMoved {
            item: ItemId::new("r2"),
            up: true,
        },
    );
    assert_eq!(agenda(&meeting), ["r2", "r1", "d1"]);
    // Not out of its section, either way.
    for (item, up) in [("r2", true), ("r1", false)] {
        assert!(matches!(
            record(
                &mut meeting,
                2,
                EventKind::ItemMoved {
                    item: ItemId::new(item),
                    up
                }
            ),
            Err(DomainError::ItemAtSectionEdge { .. })
        ));
    }
    // A change keeps the section.
    let mut moved = report("r1");
    moved.section = Section::Discussion;
    assert!(matches!(
        record(&mut meeting, 3, EventKind::ItemChanged(Box::new(moved))),
        Err(DomainError::ItemSectionChanged { .. })
    ));
    let mut retitled = report("r1");
    retitled.title = Text::new("新案由");
    ok(&mut meeting, 3, EventKind::ItemChanged(Box::new(retitled)));
    assert_eq!(
        meeting
            .state()
            .item(&ItemId::new("r1"))
            .expect("r1")
            .item
            .title
            .text,
        "新案由"
    );

    // Removing an item before the current one keeps the current one current.
    ok(
        &mut meeting,
        4,
        EventKind::ItemRemoved {
            item: ItemId::new("r2"),
        },
    );
    assert_eq!(agenda(&meeting), ["r1", "d1"]);
    assert_eq!(
        meeting.state().current_item().map(|i| i.item.id.0.as_str()),
        Some("d1")
    );
    // The item under way (with its motion) stays.
    assert!(matches!(
        record(
            &mut meeting,
            5,
            EventKind::ItemRemoved {
                item: ItemId::new("d1")
            }
        ),
        Err(DomainError::ItemInUse { .. })
    ));
}

#[test]
fn a_member_added_keeps_the_roster_as_valid_as_on_load() {
    let mut meeting = forum(3);
    let added = |id: &str, category: Category, seat: SeatRole| {
        EventKind::MemberAdded(Box::new(member(id, category, seat)))
    };
    // A second convener is refused, for the reason the file would be.
    let refused = record(
        &mut meeting,
        1,
        added("g9", Category::LeadAgency, SeatRole::Convener),
    );
    assert!(
        matches!(refused, Err(DomainError::Roster(_))),
        "{refused:?}"
    );
    // So is an id already taken.
    assert!(
        record(
            &mut meeting,
            1,
            added("n1", Category::CivicGroup, SeatRole::Member)
        )
        .is_err()
    );
    // An ordinary member counts on their side at once.
    ok(
        &mut meeting,
        1,
        added("n9", Category::IssueExpert, SeatRole::Member),
    );
    let balance = meeting.state().roster_balance();
    assert_eq!((balance.government, balance.non_government), (3, 4));
    ok(
        &mut meeting,
        2,
        EventKind::Arrived {
            person: PersonId::new("n9"),
        },
    );
    assert_eq!(meeting.state().present_members().non_government, 1);
}

#[test]
fn a_member_added_in_the_app_may_send_a_representative() {
    let mut meeting = forum(3);
    ok(
        &mut meeting,
        1,
        EventKind::MemberAdded(Box::new(member(
            "g9",
            Category::CoOrganisingAgency,
            SeatRole::Member,
        ))),
    );
    ok(
        &mut meeting,
        2,
        EventKind::RepresentativeAdded(Box::new(Representative {
            id: PersonId::new("g9-rep"),
            for_member: PersonId::new("g9"),
            name: Text::new("代理人"),
            title: Text::new("專門委員"),
        })),
    );
    ok(
        &mut meeting,
        3,
        EventKind::Arrived {
            person: PersonId::new("g9-rep"),
        },
    );
    assert_eq!(
        meeting.state().present_members().government,
        1,
        "in g9's seat"
    );
}

#[test]
fn meeting_details_change_as_an_event_undo_takes_back_and_nonsense_is_refused() {
    let mut meeting = forum(3);
    let mut info = meeting.state().meeting().clone();
    info.title = Text::new("公民投票電子連署論壇");
    info.number = Some(4);
    info.venue = Text::new("第一會議室");
    info.planned_start = chrono::NaiveTime::from_hms_opt(14, 0, 0);
    info.planned_end = chrono::NaiveTime::from_hms_opt(16, 0, 0);
    ok(
        &mut meeting,
        1,
        EventKind::MeetingDetailsChanged(Box::new(info.clone())),
    );
    assert_eq!(meeting.state().meeting(), &info);
    assert_eq!(
        meeting.session().meeting.title.text,
        "測試論壇",
        "the set-up keeps what it said; the log has the change"
    );

    let mut empty = info.clone();
    empty.title = Text::new("  ");
    assert_eq!(
        record(
            &mut meeting,
            2,
            EventKind::MeetingDetailsChanged(Box::new(empty))
        ),
        Err(DomainError::TitleEmpty)
    );
    let mut backwards = info.clone();
    backwards.planned_end = chrono::NaiveTime::from_hms_opt(13, 0, 0);
    assert_eq!(
        record(
            &mut meeting,
            2,
            EventKind::MeetingDetailsChanged(Box::new(backwards))
        ),
        Err(DomainError::PlannedEndNotAfterStart)
    );
    assert_eq!(meeting.state().meeting(), &info, "refusals change nothing");

    meeting
        .undo(at(3), Author::Facilitator)
        .expect("the change can be undone");
    assert_eq!(meeting.state().meeting().title.text, "測試論壇");
}

#[test]
fn the_next_meeting_starts_from_the_roster_as_it_stood_at_the_end() {
    let mut meeting = forum(3);
    ok(
        &mut meeting,
        1,
        EventKind::MemberAdded(Box::new(member(
            "n9",
            Category::IssueExpert,
            SeatRole::Member,
        ))),
    );
    ok(
        &mut meeting,
        2,
        EventKind::PersonCorrected {
            person: PersonId::new("g2"),
            name: Box::new(Text::new("王更正")),
            title: Box::new(Text::new("處長")),
            organisation: Box::new(Text::default()),
        },
    );
    let mut info = meeting.state().meeting().clone();
    info.venue = Text::new("第二會議室");
    ok(
        &mut meeting,
        3,
        EventKind::MeetingDetailsChanged(Box::new(info)),
    );
    let next = follow_up_session(&meeting, at(0).date_naive() + Duration::days(30));
    let names: Vec<&str> = next
        .roster
        .members
        .iter()
        .map(|m| m.name.text.as_str())
        .collect();
    assert!(names.contains(&"委員n9"), "{names:?}");
    assert!(names.contains(&"王更正"), "{names:?}");
    assert!(!names.contains(&"委員g2"), "{names:?}");
    assert_eq!(next.meeting.venue.text, "第二會議室");
    Meeting::open(next).expect("the next meeting's roster is valid");
}

#[test]
fn only_someone_who_did_nothing_is_taken_off_the_roster() {
    let mut meeting = forum(3);
    let removed = |id: &str| EventKind::PersonRemoved {
        person: PersonId::new(id),
    };
    // A member entered by mistake: off the roster, and off its balance.
    ok(
        &mut meeting,
        1,
        EventKind::MemberAdded(Box::new(member(
            "n9",
            Category::IssueExpert,
            SeatRole::Member,
        ))),
    );
    ok(&mut meeting, 2, removed("n9"));
    assert!(meeting.state().person(&PersonId::new("n9")).is_none());
    let balance = meeting.state().roster_balance();
    assert_eq!((balance.government, balance.non_government), (3, 3));

    // A set-up member who never came, too; the representatives after them keep
    // their seats.
    ok(&mut meeting, 3, removed("g3"));
    assert!(
        meeting
            .state()
            .roster_as_it_stands(meeting.session())
            .members
            .iter()
            .all(|m| m.id.0 != "g3")
    );
    ok(
        &mut meeting,
        4,
        EventKind::Arrived {
            person: PersonId::new("g2-rep"),
        },
    );
    assert_eq!(meeting.state().present_members().government, 1, "g2's seat");

    // Whoever took part stays, with the reason.
    let refused = |meeting: &mut Meeting, id: &str| {
        matches!(
            record(meeting, 5, removed(id)),
            Err(DomainError::PersonInUse { .. })
        )
    };
    assert!(refused(&mut meeting, "g2"), "their representative came");
    assert!(refused(&mut meeting, "g2-rep"), "arrived");
    ok(
        &mut meeting,
        5,
        EventKind::Excused {
            person: PersonId::new("n3"),
        },
    );
    assert!(refused(&mut meeting, "n3"), "sent apologies");
    ok(
        &mut meeting,
        6,
        EventKind::NoteAdded(std::sync::Arc::new(Note {
            speaker: Some(Speaker::Person(PersonId::new("obs"))),
            kind: NoteKind::Said,
            text: Text::new("發言"),
            item: None,
        })),
    );
    assert!(refused(&mut meeting, "obs"), "named in a note");
    ok(
        &mut meeting,
        7,
        EventKind::Excused {
            person: PersonId::new("g1"),
        },
    );

    // Undo brings the last removed back where they were.
    let before = meeting.state().people.len();
    ok(&mut meeting, 8, removed("n2"));
    assert_eq!(meeting.state().people.len(), before - 1);
    meeting.undo(at(9), Author::Facilitator).expect("undone");
    assert_eq!(meeting.state().people.len(), before);
    assert!(meeting.state().person(&PersonId::new("n2")).is_some());
}

fn split(kept: &str, new: &str, text: &str, by: Option<&str>) -> EventKind {
    EventKind::MotionSplit {
        motion: m(),
        kept: Box::new(Text::new(kept)),
        new_motion: MotionId::new(new),
        text: Box::new(Text::new(text)),
        proposer: by.map(|id| Speaker::Person(PersonId::new(id))),
    }
}

#[test]
fn a_motion_split_in_its_round_goes_on_as_two_each_decided_on_its_own() {
    let mut meeting = forum(5);
    present(&mut meeting, 5, 5);
    round_with_a_blocking_objection(&mut meeting, "兩件事應分開");
    ok(
        &mut meeting,
        12,
        split("原始碼公開", "m-b", "個資保存六個月", Some("n1")),
    );
    let state = meeting.state();
    let kept = state.motion(&m()).expect("m");
    assert_eq!(kept.motion.text.text, "原始碼公開");
    assert_eq!(
        kept.original_text().text,
        "決議文",
        "the record keeps the whole"
    );
    let split_at = kept.amendments.last().expect("the split is an amendment");
    assert_eq!(split_at.split_into, Some(MotionId::new("m-b")));
    assert_eq!(
        split_at.proposer,
        Some(Speaker::Person(PersonId::new("n1")))
    );
    assert_eq!(
        kept.stage,
        Stage::ConsensusRound,
        "asked again, on what it kept"
    );
    let rest = state.motion(&MotionId::new("m-b")).expect("the new motion");
    assert_eq!(rest.motion.item, ItemId::new("d1"));
    assert_eq!(rest.split_from, Some(m()));
    assert_eq!(rest.stage, Stage::Proposed);

    // Each is decided on its own: the kept part by consensus now, the rest later.
    ok(
        &mut meeting,
        13,
        EventKind::ConsensusRoundClosed { motion: m() },
    );
    assert_eq!(stage(&meeting), Stage::Closed(Outcome::AdoptedByConsensus));
    let rest = MotionId::new("m-b");
    ok(
        &mut meeting,
        14,
        EventKind::ConsensusRoundOpened {
            motion: rest.clone(),
        },
    );
    assert_eq!(
        meeting.state().motion(&rest).map(|m| m.stage),
        Some(Stage::ConsensusRound)
    );

    // Undo takes the round, then the split, back.
    meeting
        .undo(at(15), Author::Facilitator)
        .expect("undo the round");
    meeting
        .undo(at(15), Author::Facilitator)
        .expect("undo the close");
    meeting
        .undo(at(15), Author::Facilitator)
        .expect("undo the split");
    assert!(meeting.state().motion(&rest).is_none());
    assert_eq!(
        meeting
            .state()
            .motion(&m())
            .map(|m| m.motion.text.text.clone()),
        Some("決議文".to_owned())
    );
}

#[test]
fn a_split_is_refused_once_the_room_agreed_to_vote_or_when_it_makes_nothing() {
    let mut meeting = forum(5);
    present(&mut meeting, 5, 5);
    // Nothing left for the new motion, or an id already taken: refused, and
    // nothing changes.
    assert_eq!(
        record(&mut meeting, 1, split("原始碼公開", "m-b", "  ", None)),
        Err(DomainError::AmendmentEmpty)
    );
    assert!(matches!(
        record(&mut meeting, 1, split("原始碼公開", "m", "個資", None)),
        Err(DomainError::DuplicateId(_))
    ));
    assert_eq!(
        meeting.state().motion(&m()).map(|m| m.amendments.len()),
        Some(0)
    );
    consensus_fails(&mut meeting);
    ok(
        &mut meeting,
        13,
        EventKind::ConsentToVoteTaken {
            motion: m(),
            agree: 6,
        },
    );
    let refused = record(&mut meeting, 14, split("原始碼公開", "m-b", "個資", None));
    assert!(refused.is_err(), "{refused:?}");
    assert!(meeting.state().motion(&MotionId::new("m-b")).is_none());
}

#[test]
fn the_chair_named_in_the_details_is_someone_on_the_roster_and_stays_on_it() {
    let mut meeting = forum(3);
    let with_chair = |meeting: &Meeting, id: &str| {
        let mut info = meeting.state().meeting().clone();
        info.chair = Some(PersonId::new(id));
        EventKind::MeetingDetailsChanged(Box::new(info))
    };
    // An observer, or someone not on the roster, does not chair.
    let observer = with_chair(&meeting, "obs");
    assert!(matches!(
        record(&mut meeting, 1, observer),
        Err(DomainError::ChairNotOnRoster { .. })
    ));
    let stranger = with_chair(&meeting, "nobody");
    assert!(matches!(
        record(&mut meeting, 1, stranger),
        Err(DomainError::ChairNotOnRoster { .. })
    ));
    // A member does, and then stays on the roster.
    let member = with_chair(&meeting, "n2");
    ok(&mut meeting, 1, member);
    assert!(matches!(
        record(
            &mut meeting,
            2,
            EventKind::PersonRemoved {
                person: PersonId::new("n2")
            }
        ),
        Err(DomainError::PersonInUse { .. })
    ));
    // A file naming a chair who is not there does not open.
    let mut session = meeting.session().clone();
    session.log.clear();
    session.meeting.chair = Some(PersonId::new("nobody"));
    assert!(Meeting::open(session).is_err());
}

// ---- the speaking queue and the balance of voice ---------------------------------

fn person(id: &str) -> Speaker {
    Speaker::Person(PersonId::new(id))
}

fn at_seconds(minute: i64, second: i64) -> Stamp {
    at(minute) + Duration::seconds(second)
}

fn ok_at(meeting: &mut Meeting, when: Stamp, kind: EventKind) {
    if let Err(e) = meeting.record(when, Author::Facilitator, kind.clone()) {
        panic!("{kind:?} refused: {e}");
    }
}

/// A forum of three a side, on its discussion item.
fn on_the_item() -> Meeting {
    let mut meeting = forum(3);
    present(&mut meeting, 3, 3);
    ok(&mut meeting, 0, EventKind::MeetingStarted);
    ok(
        &mut meeting,
        0,
        EventKind::ItemStarted {
            item: ItemId::new("d1"),
        },
    );
    meeting
}

#[test]
fn speaking_time_is_counted_by_side_without_pauses_and_with_overruns_and_extra_time() {
    let mut meeting = on_the_item();
    let d1 = ItemId::new("d1");
    // g1 speaks 2:00 with a 30 s pause in the middle.
    ok_at(
        &mut meeting,
        at_seconds(1, 0),
        EventKind::SpeakingStarted {
            speaker: person("g1"),
            request: None,
        },
    );
    ok_at(&mut meeting, at_seconds(1, 60), EventKind::SpeakingPaused);
    assert!(matches!(
        meeting.record(
            at_seconds(1, 70),
            Author::Facilitator,
            EventKind::SpeakingPaused
        ),
        Err(DomainError::SpeakingAlreadyPaused)
    ));
    ok_at(&mut meeting, at_seconds(1, 90), EventKind::SpeakingResumed);
    // n1 takes the floor: g1's turn ends there.
    ok_at(
        &mut meeting,
        at_seconds(1, 150),
        EventKind::SpeakingStarted {
            speaker: person("n1"),
            request: None,
        },
    );
    let g1 = &meeting.state().turns()[0];
    assert_eq!(g1.spoken(at_seconds(9, 0)), 120, "2:30 less the 30 s pause");
    // n1 overruns the 3 minutes by 35 s, then is granted a minute more.
    let now = at_seconds(1, 150 + 215);
    let turn = meeting.state().speaking_now().expect("n1 speaks");
    assert_eq!(turn.remaining(now), -35, "+0:35");
    ok_at(
        &mut meeting,
        now,
        EventKind::SpeakingExtended { seconds: 60 },
    );
    let turn = meeting.state().speaking_now().expect("n1 speaks");
    assert_eq!(turn.remaining(now), 25);
    ok_at(
        &mut meeting,
        at_seconds(1, 150 + 240),
        EventKind::SpeakingEnded,
    );
    assert!(meeting.state().speaking_now().is_none());

    let later = at_seconds(20, 0);
    let voice = meeting.state().voice(Some(&d1), later);
    assert_eq!(voice.of(Voice::Government), (120, 1));
    assert_eq!(voice.of(Voice::NonGovernment), (240, 1));
    assert_eq!(voice.percentages(), Some([33, 67, 0, 0]));
    let whole = meeting.state().voice(None, later);
    assert_eq!(whole, voice, "the whole meeting is this item so far");

    // Undo takes the end back: n1 is speaking again.
    meeting
        .undo(at_seconds(1, 400), Author::Facilitator)
        .expect("undone");
    assert!(meeting.state().speaking_now().is_some());
}

#[test]
fn a_representative_speaks_for_the_seats_side_and_an_observer_for_no_side() {
    let mut meeting = on_the_item();
    for (second, who) in [(0, "g2-rep"), (60, "obs")] {
        ok_at(
            &mut meeting,
            at_seconds(2, second),
            EventKind::SpeakingStarted {
                speaker: person(who),
                request: None,
            },
        );
    }
    ok_at(
        &mut meeting,
        at_seconds(2, 100),
        EventKind::SpeakingStarted {
            speaker: Speaker::Named("旁聽民眾".into()),
            request: None,
        },
    );
    ok_at(&mut meeting, at_seconds(2, 110), EventKind::SpeakingEnded);
    let voice = meeting.state().voice(None, at_seconds(30, 0));
    assert_eq!(
        voice.of(Voice::Government),
        (60, 1),
        "the representative's seat"
    );
    assert_eq!(voice.of(Voice::NonGovernment), (0, 0));
    assert_eq!(voice.of(Voice::Observer), (40, 1));
    assert_eq!(voice.of(Voice::Other), (10, 1));
    let shares = voice.percentages().expect("someone spoke");
    assert_eq!(shares.iter().sum::<u32>(), 100);
}

#[test]
fn the_queue_takes_requests_in_order_moves_them_and_calls_them() {
    let mut meeting = on_the_item();
    let d1 = ItemId::new("d1");
    for who in ["n1", "g1", "n2"] {
        ok(
            &mut meeting,
            1,
            EventKind::SpeakerRequested {
                item: d1.clone(),
                speaker: person(who),
            },
        );
    }
    assert!(matches!(
        record(
            &mut meeting,
            1,
            EventKind::SpeakerRequested {
                item: d1.clone(),
                speaker: person("g1"),
            }
        ),
        Err(DomainError::AlreadyQueued(_))
    ));
    let order = |m: &Meeting| -> Vec<Speaker> {
        m.state()
            .queue(&ItemId::new("d1"))
            .iter()
            .map(|r| r.speaker.clone())
            .collect()
    };
    assert_eq!(order(&meeting), [person("n1"), person("g1"), person("n2")]);
    let g1 = meeting.state().queue(&d1)[1].seq;
    ok(
        &mut meeting,
        2,
        EventKind::SpeakerRequestMoved {
            request: g1,
            up: true,
        },
    );
    assert_eq!(order(&meeting), [person("g1"), person("n1"), person("n2")]);
    assert!(matches!(
        record(
            &mut meeting,
            2,
            EventKind::SpeakerRequestMoved {
                request: g1,
                up: true
            }
        ),
        Err(DomainError::RequestAtQueueEdge)
    ));
    // Called: off the queue and speaking, with the item's own limit.
    ok(
        &mut meeting,
        3,
        EventKind::SpeakingLimitSet {
            item: d1.clone(),
            seconds: 120,
        },
    );
    ok(
        &mut meeting,
        3,
        EventKind::SpeakingStarted {
            speaker: person("g1"),
            request: Some(g1),
        },
    );
    assert_eq!(order(&meeting), [person("n1"), person("n2")]);
    assert_eq!(
        meeting.state().speaking_now().map(|t| t.limit_seconds),
        Some(120)
    );
    let n2 = meeting.state().queue(&d1)[1].seq;
    ok(
        &mut meeting,
        4,
        EventKind::SpeakerRequestWithdrawn { request: n2 },
    );
    assert_eq!(order(&meeting), [person("n1")]);
    assert!(matches!(
        record(
            &mut meeting,
            4,
            EventKind::SpeakerRequestWithdrawn { request: n2 }
        ),
        Err(DomainError::UnknownRequest(_))
    ));
    // The item's end ends the turn (so would another item, or adjournment).
    ok(&mut meeting, 5, EventKind::ItemEnded { item: d1.clone() });
    assert!(meeting.state().speaking_now().is_none());
    assert_eq!(meeting.state().turns()[0].ended, Some(at(5)));
}

#[test]
fn a_speech_in_the_transcript_begins_when_its_speaker_was_given_the_floor() {
    use roundtable::minutes::transcript::{Entry, from_meeting};
    let mut meeting = on_the_item();
    let said = |speaker: &str, text: &str| {
        EventKind::NoteAdded(std::sync::Arc::new(Note {
            speaker: Some(person(speaker)),
            kind: NoteKind::Said,
            text: Text::new(text),
            item: Some(ItemId::new("d1")),
        }))
    };
    let floor = |speaker: &str| EventKind::SpeakingStarted {
        speaker: person(speaker),
        request: None,
    };
    // n1 has the floor at 14:01; her words are noted at 14:03, and once more at
    // 14:05 after her turn ended (nobody else has spoken since).
    ok_at(&mut meeting, at(1), floor("n1"));
    ok_at(&mut meeting, at(3), said("n1", "第一段"));
    ok_at(&mut meeting, at(4), EventKind::SpeakingEnded);
    ok_at(&mut meeting, at(5), said("n1", "補充"));
    // g1 speaks from 14:06; a note of n1 at 14:07 is not part of g1's turn, and an
    // interjection of g2 has no turn: neither has a time (when it was noted is not
    // when it was said).
    ok_at(&mut meeting, at(6), floor("g1"));
    ok_at(&mut meeting, at(7), said("n1", "插話"));
    ok_at(&mut meeting, at(8), said("g2", "回應"));
    ok_at(&mut meeting, at(9), said("g1", "說明"));
    let transcript = from_meeting(&meeting, Lang::ZhTw);
    let times: Vec<(String, Option<Stamp>)> = transcript
        .entries
        .iter()
        .filter_map(|e| match e {
            Entry::Speech { paragraphs, at, .. } => Some((paragraphs[0].clone(), *at)),
            _ => None,
        })
        .collect();
    assert_eq!(
        times,
        [
            ("第一段".to_owned(), Some(at(1))),
            ("補充".to_owned(), Some(at(1))),
            ("插話".to_owned(), None),
            ("回應".to_owned(), None),
            ("說明".to_owned(), Some(at(6))),
        ]
    );
}

// ---- public comments and their answers (rules §4) --------------------------------

fn comment(id: &str, item: Option<&str>) -> PublicComment {
    PublicComment {
        id: CommentId::new(id),
        author: format!("民眾{id}"),
        posted: chrono::NaiveDate::from_ymd_opt(2026, 11, 20)
            .and_then(|d| d.and_hms_opt(21, 5, 0))
            .expect("a time"),
        text: "建議公開原始碼".into(),
        link: None,
        item: item.map(ItemId::new),
        topic: None,
        extra: Vec::new(),
    }
}

#[test]
fn comments_are_imported_once_each_and_only_onto_items_on_the_agenda() {
    let mut meeting = on_the_item();
    let import = |comments| EventKind::CommentsImported { comments };
    ok(
        &mut meeting,
        1,
        import(vec![comment("c1", Some("d1")), comment("c2", None)]),
    );
    assert_eq!(meeting.state().comments().len(), 2);
    let d1 = ItemId::new("d1");
    assert_eq!(meeting.state().comments_on(Some(&d1)).count(), 1);
    assert_eq!(meeting.state().comments_on(None).count(), 1);
    // The same id again, an empty text, an unknown item: each refused, nothing added.
    for (bad, error) in [
        (
            comment("c1", None),
            DomainError::DuplicateComment(CommentId::new("c1")),
        ),
        (
            PublicComment {
                text: "  ".into(),
                ..comment("c3", None)
            },
            DomainError::EmptyComment(CommentId::new("c3")),
        ),
        (
            comment("c4", Some("nowhere")),
            DomainError::UnknownItem(ItemId::new("nowhere")),
        ),
    ] {
        let refused = record(&mut meeting, 2, import(vec![comment("c5", None), bad]));
        assert_eq!(refused, Err(error));
        assert_eq!(meeting.state().comments().len(), 2);
    }
}

#[test]
fn what_is_not_taken_up_is_answered_with_a_reason_and_undo_takes_an_answer_back() {
    let mut meeting = on_the_item();
    ok(
        &mut meeting,
        1,
        EventKind::CommentsImported {
            comments: vec![comment("c1", Some("d1"))],
        },
    );
    let answer = |status, response: &str| EventKind::CommentAnswered {
        comment: CommentId::new("c1"),
        status,
        response: Box::new(Text::new(response)),
    };
    for status in [ResponseStatus::NotTakenUp, ResponseStatus::PartlyTakenUp] {
        assert_eq!(
            record(&mut meeting, 2, answer(status, " ")),
            Err(DomainError::ReasonRequired)
        );
    }
    ok(&mut meeting, 2, answer(ResponseStatus::Noted, ""));
    ok(
        &mut meeting,
        3,
        answer(ResponseStatus::NotTakenUp, "涉及國安，暫不公開"),
    );
    let state = meeting.state();
    let answered = state.comment(&CommentId::new("c1")).expect("imported");
    let answer_now = answered.answer.as_ref().expect("answered");
    assert_eq!(answer_now.status, ResponseStatus::NotTakenUp);
    assert_eq!(answer_now.response.text, "涉及國安，暫不公開");
    // Undo brings the earlier answer back; an unknown comment is refused.
    meeting
        .undo(at(4), Author::Facilitator)
        .expect("undo the answer");
    let status = meeting.state().comments()[0]
        .answer
        .as_ref()
        .map(|a| a.status);
    assert_eq!(status, Some(ResponseStatus::Noted));
    let unknown = EventKind::CommentAnswered {
        comment: CommentId::new("nope"),
        status: ResponseStatus::TakenUp,
        response: Box::default(),
    };
    assert_eq!(
        record(&mut meeting, 5, unknown),
        Err(DomainError::UnknownComment(CommentId::new("nope")))
    );
}

#[test]
fn an_item_with_public_comments_stays_on_the_agenda() {
    let mut meeting = forum(3);
    ok(
        &mut meeting,
        0,
        EventKind::CommentsImported {
            comments: vec![comment("c1", Some("d1"))],
        },
    );
    let removed = record(
        &mut meeting,
        1,
        EventKind::ItemRemoved {
            item: ItemId::new("d1"),
        },
    );
    assert!(
        matches!(removed, Err(DomainError::ItemInUse { .. })),
        "{removed:?}"
    );
}
