//! A motion and the procedure that decides it (rules §3): a consensus round first;
//! if it fails, the room's consent to put the question to a vote; then the vote,
//! measured against the members present; an even split goes to the chair.
//!
//! This file is where the procedure lives: which step may follow which
//! ([`Stage::allows`]), what the room must be like for a step ([`State::check_step`]),
//! what a step records, and the numbers a step is measured against
//! ([`State::vote_denominator`], [`State::live_thresholds`]). The arithmetic of a
//! threshold is the rule book's (`rules.rs`). Screens, `check` and the minutes ask
//! here; they never work a rule out again.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};

use super::agenda::{Motion, MotionId, Speaker};

use super::error::{DomainError, StageHint};
use super::event::{Stamp, Tally};
use super::people::Balance;
use super::rules::{VoteDenominator, VoteResult};
use super::state::State;
use super::text::Text;

/// When a stage happened and how many members were present then.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StageStamp {
    pub at: Stamp,
    pub present: Balance,
}

/// An objection or reservation raised in a consensus round.
#[derive(Clone, Debug, PartialEq)]
pub struct Objection {
    pub at: Stamp,
    pub speaker: Speaker,
    pub reason: Text,
    /// A blocking objection; otherwise a reservation (保留意見).
    pub blocking: bool,
    /// The consensus round it was raised in, from 1.
    pub round: u32,
}

impl Objection {
    /// Whether a member (or their representative) raised it, rather than a name typed
    /// in: a non-member's view is recorded, and never blocks.
    pub fn by_member(&self) -> bool {
        matches!(self.speaker, Speaker::Person(_))
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct ConsensusRound {
    pub opened: StageStamp,
    pub closed: Option<StageStamp>,
}

/// The room's answer to "shall we put it to a vote?".
#[derive(Clone, Debug, PartialEq)]
pub struct ConsentRecord {
    pub stamp: StageStamp,
    pub agree: u32,
    /// How many had to agree: more than half of those present.
    pub needed: u32,
    pub passed: bool,
    /// The member seats present when the room answered (by the index of the seat's
    /// member): who may vote, when the consent opens the vote.
    pub seats: Vec<usize>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct VoteRecord {
    pub stamp: StageStamp,
    pub tally: Tally,
    /// The members present the threshold was computed from (see the rule book's
    /// `vote_denominator`).
    pub denominator: u32,
    /// Yes votes needed to adopt.
    pub needed: u32,
    pub result: VoteResult,
}

/// How a motion ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Outcome {
    /// 無異議通過 / 共識通過
    AdoptedByConsensus,
    AdoptedByVote,
    NotAdopted,
    /// After an even split, the chair ruled for.
    AdoptedByChair,
    /// After an even split, the chair ruled against.
    RejectedByChair,
    /// 保留／再議
    Deferred,
    Withdrawn,
}

impl Outcome {
    pub fn is_adopted(self) -> bool {
        matches!(
            self,
            Outcome::AdoptedByConsensus | Outcome::AdoptedByVote | Outcome::AdoptedByChair
        )
    }
}

/// Where a motion is in the procedure.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Stage {
    Proposed,
    ConsensusRound,
    /// Blocking objections: the room may agree to vote, or defer or withdraw.
    ConsensusFailed,
    /// The consent to vote failed; the motion stays open.
    NotPutToVote,
    Voting,
    /// Even split: waiting for the chair's ruling.
    AwaitingChair,
    Closed(Outcome),
}

/// A step the facilitator takes on a motion.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    /// Restate the proposal and ask for objections.
    OpenRound,
    /// Record an objection or a reservation in the round.
    RaiseObjection,
    /// End the round: adopted by consensus unless something blocks.
    CloseRound,
    /// Ask the room whether to put the question to a vote.
    TakeConsent,
    /// Count the vote (by show of hands or roll call).
    CountVote,
    /// The chair rules on an even split.
    ChairRules,
    Defer,
    Withdraw,
    /// Change the motion's text.
    Amend,
}

impl Stage {
    pub fn is_open(self) -> bool {
        !matches!(self, Stage::Closed(_))
    }

    /// Whether `step` may follow this stage; when not, what must come first.
    pub fn allows(self, step: Step) -> Result<(), StageHint> {
        if !self.is_open() {
            return Err(StageHint::AlreadyClosed);
        }
        let (allowed, hint) = match step {
            Step::OpenRound => (
                matches!(
                    self,
                    Stage::Proposed | Stage::ConsensusFailed | Stage::NotPutToVote
                ),
                StageHint::RoundOpensOnProposedOrFailed,
            ),
            Step::RaiseObjection => (self == Stage::ConsensusRound, StageHint::OpenRoundFirst),
            Step::CloseRound => (self == Stage::ConsensusRound, StageHint::NoRoundToClose),
            Step::TakeConsent => (
                matches!(self, Stage::ConsensusFailed | Stage::NotPutToVote),
                StageHint::ConsentAfterFailedRound,
            ),
            Step::CountVote => (self == Stage::Voting, StageHint::VoteAfterConsent),
            Step::ChairRules => (self == Stage::AwaitingChair, StageHint::ChairAfterEvenSplit),
            Step::Defer | Step::Withdraw => (true, StageHint::AlreadyClosed),
            Step::Amend => (
                matches!(
                    self,
                    Stage::Proposed
                        | Stage::ConsensusRound
                        | Stage::ConsensusFailed
                        | Stage::NotPutToVote
                ),
                StageHint::TextFixedOnceVoteAgreed,
            ),
        };
        if allowed { Ok(()) } else { Err(hint) }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct MotionState {
    pub motion: Motion,
    pub stage: Stage,
    pub added_on_the_day: bool,
    /// The motion it was split from, if the room split one.
    pub split_from: Option<MotionId>,
    pub rounds: Vec<ConsensusRound>,
    pub objections: Vec<Objection>,
    pub consents: Vec<ConsentRecord>,
    pub vote: Option<VoteRecord>,
    pub chair_ruling: Option<(bool, StageStamp)>,
    pub closed: Option<StageStamp>,
    /// Each change of the text, oldest first; `motion.text` is the text as it stands.
    pub amendments: Vec<Amendment>,
}

/// A change of a motion's text.
#[derive(Clone, Debug, PartialEq)]
pub struct Amendment {
    pub at: Stamp,
    /// The text before.
    pub previous: Text,
    /// The text after.
    pub text: Text,
    /// Who proposed it; none for an edit of the draft before its round.
    pub proposer: Option<Speaker>,
    /// The consensus round it was made in (0: before any).
    pub round: u32,
    /// When the change split the motion: the new motion that took the rest.
    pub split_into: Option<MotionId>,
}

impl MotionState {
    pub(super) fn new(motion: Motion, added_on_the_day: bool) -> MotionState {
        MotionState {
            motion,
            stage: Stage::Proposed,
            added_on_the_day,
            split_from: None,
            rounds: Vec::new(),
            objections: Vec::new(),
            consents: Vec::new(),
            vote: None,
            chair_ruling: None,
            closed: None,
            amendments: Vec::new(),
        }
    }

    /// The text as first proposed.
    pub fn original_text(&self) -> &Text {
        self.amendments
            .first()
            .map_or(&self.motion.text, |a| &a.previous)
    }

    pub fn round(&self) -> u32 {
        u32::try_from(self.rounds.len()).unwrap_or(u32::MAX)
    }

    /// Objections and reservations of the current round.
    pub fn current_objections(&self) -> impl Iterator<Item = &Objection> {
        let round = self.round();
        self.objections.iter().filter(move |o| o.round == round)
    }

    pub fn outcome(&self) -> Option<Outcome> {
        match self.stage {
            Stage::Closed(outcome) => Some(outcome),
            _ => None,
        }
    }

    /// The members present when the vote opened: the last consent that passed.
    pub fn vote_opened(&self) -> Option<&StageStamp> {
        self.opening_consent().map(|c| &c.stamp)
    }

    /// The consent that opened the vote: the last that passed.
    fn opening_consent(&self) -> Option<&ConsentRecord> {
        self.consents.iter().rev().find(|c| c.passed)
    }

    /// Whether closing the current round would adopt the motion: nothing blocks.
    pub fn round_would_adopt(&self) -> bool {
        !self.current_objections().any(|o| o.blocking)
    }

    /// Whether the motion's stage allows `step`, as the refusal the meeting gives.
    pub fn allows(&self, step: Step) -> Result<(), DomainError> {
        self.stage
            .allows(step)
            .map_err(|hint| DomainError::WrongStage {
                motion: self.motion.id.clone(),
                stage: self.stage,
                hint,
            })
    }

    fn close(&mut self, outcome: Outcome, stamp: StageStamp) {
        self.stage = Stage::Closed(outcome);
        self.closed = Some(stamp);
    }
}

/// The numbers the room works against now, from the members present now. With
/// nobody present there is nothing to reach (and nothing may be decided).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LiveThresholds {
    pub present: u32,
    /// How many must agree to put a question to a vote.
    pub to_open_vote: u32,
    /// How many yes votes adopt a resolution.
    pub to_adopt: u32,
}

impl State {
    /// Whether `step` may be taken on `motion` now, and why not: the motion's stage,
    /// and what the room must be for the step (in session, members present, a quorum).
    /// The meeting refuses the step's event for the same reason, so a screen can ask
    /// before it opens a dialog.
    ///
    /// After adjournment nothing is decided, and no step is taken: undoing the
    /// adjournment is the way back. A step that decides (adopting by consensus, the
    /// consent to vote, counting the vote, the chair's ruling) needs members present,
    /// and a quorum when the rule book sets one.
    pub fn check_step(&self, motion: &MotionId, step: Step) -> Result<(), DomainError> {
        self.refuse_if_adjourned()?;
        let m = &self.motions[self.motion_position(motion)?];
        m.allows(step)?;
        let decides = match step {
            Step::CloseRound => m.round_would_adopt(),
            Step::TakeConsent | Step::CountVote | Step::ChairRules => true,
            Step::OpenRound | Step::RaiseObjection | Step::Defer | Step::Withdraw | Step::Amend => {
                false
            }
        };
        if decides {
            let nobody_votes = step == Step::CountVote && self.voter_seats(m).is_empty();
            if self.seats_present().is_empty() || nobody_votes {
                return Err(DomainError::NobodyPresent);
            }
            self.check_quorum()?;
        }
        Ok(())
    }

    /// The member seats that vote on `motion` (by the index of the seat's member): by
    /// the rule book, those present when the room agreed to vote, or those present now.
    /// A member arriving after the vote opened is recorded as arriving, not as voting.
    pub fn voter_seats(&self, motion: &MotionState) -> Vec<usize> {
        match (self.rules().voters, motion.opening_consent()) {
            (VoteDenominator::PresentWhenVoteOpened, Some(consent)) => consent.seats.clone(),
            _ => self.seats_present(),
        }
    }

    /// The members present that `motion`'s vote is measured against: by the rule book,
    /// those present when the room agreed to vote, or those present now.
    pub fn vote_denominator(&self, motion: &MotionState) -> u32 {
        let now = self.present_members().total();
        match self.rules().vote_denominator {
            VoteDenominator::PresentWhenVoteOpened => motion
                .vote_opened()
                .map_or(now, |opened| opened.present.total()),
            VoteDenominator::PresentWhenCounted => now,
        }
    }

    /// How many yes votes adopt `motion` when it is counted.
    pub fn adoption_needed(&self, motion: &MotionState) -> u32 {
        self.rules()
            .adoption_threshold(self.vote_denominator(motion))
    }

    /// How many must agree now to put a question to a vote, and how many yes votes
    /// would adopt it, with the members present now.
    pub fn live_thresholds(&self) -> LiveThresholds {
        let present = self.present_members().total();
        let rules = self.rules();
        LiveThresholds {
            present,
            to_open_vote: rules.vote_opening_threshold(present),
            to_adopt: rules.adoption_threshold(present),
        }
    }

    // ---- the steps, as the log's events apply them ----------------------------------

    pub(super) fn open_round(&mut self, motion: &MotionId, at: Stamp) -> Result<(), DomainError> {
        self.check_step(motion, Step::OpenRound)?;
        let stamp = self.stamp(at);
        let m = self.motion_mut(motion)?;
        m.rounds.push(ConsensusRound {
            opened: stamp,
            closed: None,
        });
        m.stage = Stage::ConsensusRound;
        Ok(())
    }

    /// Whether `motion`'s text may become `text` now: while it is open to amendment,
    /// to a text that is not empty and not the text as it stands.
    pub fn check_amendment(&self, motion: &MotionId, text: &Text) -> Result<(), DomainError> {
        self.check_step(motion, Step::Amend)?;
        if text.text.trim().is_empty() {
            return Err(DomainError::AmendmentEmpty);
        }
        if self.motions[self.motion_position(motion)?].motion.text == *text {
            return Err(DomainError::AmendmentUnchanged);
        }
        Ok(())
    }

    /// Changes a motion's text. Amended during its consensus round, the round closes
    /// and a new one opens on the new text: what was raised stays in the record
    /// against the text it was raised on, and no longer blocks.
    pub(super) fn amend(
        &mut self,
        motion: &MotionId,
        text: &Text,
        proposer: Option<&Speaker>,
        at: Stamp,
    ) -> Result<(), DomainError> {
        self.check_amendment(motion, text)?;
        if let Some(proposer) = proposer {
            self.check_proposer(proposer)?;
        }
        let stamp = self.stamp(at);
        let m = self.motion_mut(motion)?;
        let round = m.round();
        m.amendments.push(Amendment {
            at,
            previous: std::mem::replace(&mut m.motion.text, text.clone()),
            text: text.clone(),
            proposer: proposer.cloned(),
            round,
            split_into: None,
        });
        if m.stage == Stage::ConsensusRound {
            if let Some(open) = m.rounds.last_mut() {
                open.closed = Some(stamp);
            }
            m.rounds.push(ConsensusRound {
                opened: stamp,
                closed: None,
            });
        }
        Ok(())
    }

    /// `motion` keeps `kept` (an amendment) and the rest, `text`, becomes
    /// `new_motion` on its item, by its proposer. Checked whole before anything
    /// changes.
    pub(super) fn split(
        &mut self,
        motion: &MotionId,
        kept: &Text,
        (new_motion, text): (&MotionId, &Text),
        proposer: Option<&Speaker>,
        at: Stamp,
    ) -> Result<(), DomainError> {
        if text.text.trim().is_empty() {
            return Err(DomainError::AmendmentEmpty);
        }
        if self.motion(new_motion).is_some() {
            return Err(DomainError::DuplicateId(new_motion.0.clone()));
        }
        let original = self
            .motion(motion)
            .ok_or_else(|| DomainError::UnknownMotion(motion.clone()))?
            .motion
            .clone();
        self.amend(motion, kept, proposer, at)?;
        if let Some(last) = self.motion_mut(motion)?.amendments.last_mut() {
            last.split_into = Some(new_motion.clone());
        }
        self.add_motion(
            Motion {
                id: new_motion.clone(),
                item: original.item,
                text: text.clone(),
                proposer: original.proposer,
            },
            true,
        )?;
        self.motion_mut(new_motion)?.split_from = Some(motion.clone());
        Ok(())
    }

    pub(super) fn raise_objection(
        &mut self,
        motion: &MotionId,
        objection: Objection,
    ) -> Result<(), DomainError> {
        // Only a member present blocks: an observer, an absent or excused member, or a
        // name typed in (not a member) is recorded as a reservation instead.
        match &objection.speaker {
            Speaker::Person(id) => {
                let index = self.person_index(id)?;
                if objection.blocking {
                    self.seat_acting(index).map_err(|error| match error {
                        DomainError::ObserverCannotAct(name) => {
                            DomainError::ObserverCannotBlock(name)
                        }
                        other => other,
                    })?;
                }
            }
            Speaker::Named(name) if objection.blocking => {
                return Err(DomainError::NonMemberCannotBlock(name.clone()));
            }
            Speaker::Named(_) => {}
        }
        self.check_step(motion, Step::RaiseObjection)?;
        let m = self.motion_mut(motion)?;
        let round = m.round();
        m.objections.push(Objection { round, ..objection });
        Ok(())
    }

    pub(super) fn close_round(&mut self, motion: &MotionId, at: Stamp) -> Result<(), DomainError> {
        self.check_step(motion, Step::CloseRound)?;
        let stamp = self.stamp(at);
        let m = self.motion_mut(motion)?;
        if let Some(round) = m.rounds.last_mut() {
            round.closed = Some(stamp);
        }
        if m.round_would_adopt() {
            m.close(Outcome::AdoptedByConsensus, stamp);
        } else {
            m.stage = Stage::ConsensusFailed;
        }
        Ok(())
    }

    pub(super) fn take_consent(
        &mut self,
        motion: &MotionId,
        agree: u32,
        at: Stamp,
    ) -> Result<(), DomainError> {
        self.check_step(motion, Step::TakeConsent)?;
        let stamp = self.stamp(at);
        let present = stamp.present.total();
        if agree > present {
            return Err(DomainError::AgreeExceedsPresent { agree, present });
        }
        let rules = self.rules();
        let passed = rules.vote_may_open(agree, present);
        let needed = rules.vote_opening_threshold(present);
        let seats = self.seats_present();
        let m = self.motion_mut(motion)?;
        m.consents.push(ConsentRecord {
            stamp,
            agree,
            needed,
            passed,
            seats,
        });
        m.stage = if passed {
            Stage::Voting
        } else {
            Stage::NotPutToVote
        };
        Ok(())
    }

    pub(super) fn count_vote(
        &mut self,
        motion: &MotionId,
        tally: &Tally,
        at: Stamp,
    ) -> Result<(), DomainError> {
        self.check_step(motion, Step::CountVote)?;
        let stamp = self.stamp(at);
        let position = self.motion_position(motion)?;
        self.check_tally(tally, &self.motions[position])?;
        let denominator = self.vote_denominator(&self.motions[position]);
        if denominator == 0 {
            return Err(DomainError::NobodyPresent);
        }
        let rules = self.rules();
        let (yes, no, _) = tally.counts();
        let result = rules.vote_result(yes, no, denominator);
        let needed = rules.adoption_threshold(denominator);
        let m = &mut self.motions[position];
        m.vote = Some(VoteRecord {
            stamp,
            tally: tally.clone(),
            denominator,
            needed,
            result,
        });
        match result {
            VoteResult::Adopted => m.close(Outcome::AdoptedByVote, stamp),
            VoteResult::NotAdopted => m.close(Outcome::NotAdopted, stamp),
            VoteResult::EvenSplit => m.stage = Stage::AwaitingChair,
        }
        Ok(())
    }

    pub(super) fn chair_rules(
        &mut self,
        motion: &MotionId,
        adopted: bool,
        at: Stamp,
    ) -> Result<(), DomainError> {
        self.check_step(motion, Step::ChairRules)?;
        let stamp = self.stamp(at);
        let m = self.motion_mut(motion)?;
        m.chair_ruling = Some((adopted, stamp));
        let outcome = if adopted {
            Outcome::AdoptedByChair
        } else {
            Outcome::RejectedByChair
        };
        m.close(outcome, stamp);
        Ok(())
    }

    /// Deferred (保留再議) or withdrawn: the motion closes without a decision.
    pub(super) fn close_undecided(
        &mut self,
        motion: &MotionId,
        outcome: Outcome,
        at: Stamp,
    ) -> Result<(), DomainError> {
        let step = match outcome {
            Outcome::Withdrawn => Step::Withdraw,
            _ => Step::Defer,
        };
        self.check_step(motion, step)?;
        let stamp = self.stamp(at);
        self.motion_mut(motion)?.close(outcome, stamp);
        Ok(())
    }

    fn check_quorum(&self) -> Result<(), DomainError> {
        let rules = self.rules();
        let present = self.present_members().total();
        let roster = self.roster_balance().total();
        if rules.is_quorate(present, roster) {
            return Ok(());
        }
        Err(DomainError::NotQuorate {
            present,
            needed: rules.quorum_threshold(roster).unwrap_or(0),
        })
    }

    /// The counts of a vote against its voters: something counted, no more votes than
    /// voters, and a roll call names each voting seat once, by who sits in it now.
    fn check_tally(&self, tally: &Tally, motion: &MotionState) -> Result<(), DomainError> {
        let voters = self.voter_seats(motion);
        let (yes, no, abstain) = tally.counts();
        let total = u64::from(yes) + u64::from(no) + u64::from(abstain);
        if total == 0 {
            return Err(DomainError::EmptyTally);
        }
        let count = u32::try_from(voters.len()).unwrap_or(u32::MAX);
        if total > u64::from(count) {
            let total = u32::try_from(total).unwrap_or(u32::MAX);
            let present = self.present_members().total();
            return Err(if count == present {
                DomainError::VotesExceedPresent {
                    yes,
                    no,
                    abstain,
                    total,
                    present,
                }
            } else {
                DomainError::VotesExceedVoters {
                    yes,
                    no,
                    abstain,
                    total,
                    voters: count,
                }
            });
        }
        if let Tally::RollCall(ballots) = tally {
            let mut seats = HashSet::new();
            for (voter, _) in ballots {
                let index = self.person_index(voter)?;
                let name = || self.people[index].name.text.clone();
                let seat = self
                    .seat_acting(index)
                    .map_err(|_| DomainError::VoterNotPresent(name()))?;
                if !voters.contains(&seat) {
                    return Err(DomainError::NotAVoter(name()));
                }
                if !seats.insert(seat) {
                    return Err(DomainError::VotedTwice(self.people[seat].name.text.clone()));
                }
            }
        }
        Ok(())
    }
}
