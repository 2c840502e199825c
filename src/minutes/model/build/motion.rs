//! A motion in the minutes: its proceedings written out (consensus rounds,
//! objections and reservations, the consent to vote, the vote, the chair's ruling,
//! the outcome) and the table of its decision stages.

use crate::domain::{Ballot, Lang, MotionId, MotionState, Outcome, Speaker, Tally, VoteResult};
use crate::i18n;
use crate::i18n::minutes as l;
use crate::i18n::{close_paren, colon, comma, full_stop, open_paren, parenthesised, semicolon};
use crate::minutes::model::{Block, Line, Table, TableKind, plain};

use super::{Builder, plain_span};

impl<'a> Builder<'a> {
    /// A motion's proceedings: proposer, consensus rounds with their objections and
    /// reservations, the consent to vote, the vote written out, the chair's ruling and
    /// the outcome.
    pub(super) fn motion(&mut self, motion: &MotionState, blocks: &mut Vec<Block>) {
        let lang = self.lang;
        let rules = &self.meeting.session().rules;
        let id = &motion.motion.id;
        let mut text = self.text_line(&motion.motion.text, || format!("motion {id}, text"));
        if let Some(proposer) = &motion.motion.proposer {
            let proposer = self.speaker(proposer);
            text.push(plain_span(format!(
                "{}{}{}",
                open_paren(lang),
                self.label(l::PROPOSER),
                colon(lang)
            )));
            text.extend(proposer);
            text.push(plain_span(close_paren(lang)));
        }
        blocks.push(self.field(l::MOTION, vec![text]));
        if !motion.amendments.is_empty() {
            let original = self.text_line(motion.original_text(), || {
                format!("motion {id}, original text")
            });
            blocks.push(self.field(l::ORIGINAL_TEXT, vec![original]));
        }
        // A motion split from another: the text it was split from.
        if let Some(from) = &motion.split_from {
            let state = self.state;
            let whole = state.motion(from).and_then(|m| {
                m.amendments
                    .iter()
                    .find(|a| a.split_into.as_ref() == Some(&motion.motion.id))
                    .map(|a| &a.previous)
            });
            if let Some(whole) = whole {
                let whole = self.text_line(whole, || format!("motion {id}, text split from"));
                blocks.push(self.field(l::SPLIT_FROM, vec![whole]));
            }
        }

        let mut proceedings = Vec::new();
        // Edits of the draft before any round.
        for amendment in motion.amendments.iter().filter(|a| a.round == 0) {
            proceedings.push(self.amendment(id, amendment));
        }
        for (i, round) in motion.rounds.iter().enumerate() {
            let number = u32::try_from(i + 1).unwrap_or(u32::MAX);
            let present = round.opened.present.total();
            let mut line = plain(match lang {
                Lang::ZhTw => format!(
                    "第 {number} 輪徵詢共識（{}，出席 {present} 人）：",
                    Self::time(round.opened.at)
                ),
                Lang::En => format!(
                    "Consensus round {number} ({}, {present} members present): ",
                    Self::time(round.opened.at)
                ),
            });
            let raised: Vec<_> = motion
                .objections
                .iter()
                .filter(|o| o.round == number)
                .collect();
            let blocked = raised.iter().any(|o| o.blocking);
            let amended: Vec<_> = motion
                .amendments
                .iter()
                .filter(|a| a.round == number)
                .collect();
            // A round an amendment ended goes on as the next round, on the new text.
            let ended_by_amendment = amended
                .last()
                .zip(round.closed.as_ref())
                .is_some_and(|(a, closed)| a.at == closed.at);
            let result = if round.closed.is_none() {
                self.label(l::OPEN)
            } else if ended_by_amendment && amended.last().is_some_and(|a| a.split_into.is_some()) {
                self.label(l::SPLIT_IN_ROUND)
            } else if ended_by_amendment {
                self.label(l::AMENDED_IN_ROUND)
            } else if blocked {
                self.label(l::NO_CONSENSUS)
            } else {
                self.label(l::CONSENSUS_REACHED)
            };
            line.push(plain_span(result));
            line.push(plain_span(full_stop(lang)));
            proceedings.push(line);
            for objection in raised {
                let kind = match (objection.blocking, objection.by_member()) {
                    (true, _) => l::OBJECTION,
                    (false, true) => l::RESERVATION,
                    (false, false) => l::NON_MEMBER_VIEW,
                };
                let mut line = plain(format!("{}{}", self.label(kind), colon(lang)));
                line.extend(self.speaker(&objection.speaker));
                line.push(plain_span(" — "));
                let what = match (objection.blocking, objection.by_member()) {
                    (true, _) => "objection",
                    (false, true) => "reservation",
                    (false, false) => "non-member's view",
                };
                let at = Self::time(objection.at);
                line.push(self.text(&objection.reason, || format!("motion {id}, {what} at {at}")));
                proceedings.push(line);
            }
            for amendment in amended {
                proceedings.push(self.amendment(id, amendment));
            }
        }
        for consent in &motion.consents {
            let present = consent.stamp.present.total();
            let words = crate::i18n::threshold_words(rules.consent_to_vote, lang);
            let result = if consent.passed {
                l::CONSENT_PASSED
            } else {
                l::CONSENT_FAILED
            };
            proceedings.push(plain(match lang {
                Lang::ZhTw => format!(
                    "{}（{}）：出席 {present} 人，{words}為 {} 人；同意 {} 人，{}。",
                    self.label(l::CONSENT_STAGE),
                    Self::time(consent.stamp.at),
                    consent.needed,
                    consent.agree,
                    self.label(result)
                ),
                Lang::En => format!(
                    "{} ({}): {present} members present; {words} is {}. {} agreed: {}.",
                    self.label(l::CONSENT_STAGE),
                    Self::time(consent.stamp.at),
                    consent.needed,
                    consent.agree,
                    self.label(result)
                ),
            }));
        }
        if let Some(vote) = &motion.vote {
            let (yes, no, abstain) = vote.tally.counts();
            let method = match vote.tally {
                Tally::Counts { .. } => l::SHOW_OF_HANDS,
                Tally::RollCall(_) => l::ROLL_CALL,
            };
            let words = crate::i18n::threshold_words(rules.adoption, lang);
            let result = match vote.result {
                VoteResult::Adopted => i18n::outcome(Outcome::AdoptedByVote),
                VoteResult::NotAdopted => i18n::outcome(Outcome::NotAdopted),
                VoteResult::EvenSplit => i18n::stage(crate::domain::Stage::AwaitingChair),
            };
            proceedings.push(plain(match lang {
                Lang::ZhTw => format!(
                    "{}（{}，{}）：出席 {} 人，{words}為 {} 人；贊成 {yes} 人、反對 {no} 人、棄權 {abstain} 人；{}。",
                    self.label(l::VOTE_STAGE),
                    Self::time(vote.stamp.at),
                    self.label(method),
                    vote.denominator,
                    vote.needed,
                    result.get(lang)
                ),
                Lang::En => format!(
                    "{} ({}, {}): {} members present; {words} is {}. For {yes}, against {no}, abstaining {abstain}: {}.",
                    self.label(l::VOTE_STAGE),
                    Self::time(vote.stamp.at),
                    self.label(method),
                    vote.denominator,
                    vote.needed,
                    result.get(lang)
                ),
            }));
            if let Tally::RollCall(ballots) = &vote.tally {
                for (ballot, label) in [
                    (Ballot::Yes, l::VOTES_YES),
                    (Ballot::No, l::VOTES_NO),
                    (Ballot::Abstain, l::VOTES_ABSTAIN),
                ] {
                    let names: Vec<Line> = ballots
                        .iter()
                        .filter(|(_, b)| *b == ballot)
                        .map(|(id, _)| self.speaker(&Speaker::Person(id.clone())))
                        .collect();
                    let mut line = plain(format!("{}{}", self.label(label), colon(lang)));
                    line.extend(self.join_or_none(names));
                    proceedings.push(line);
                }
            }
        }
        if let Some((adopted, stamp)) = &motion.chair_ruling {
            let outcome = if *adopted {
                Outcome::AdoptedByChair
            } else {
                Outcome::RejectedByChair
            };
            proceedings.push(plain(format!(
                "{}{}{}{}",
                self.label(l::CHAIR_RULING),
                parenthesised(&Self::time(stamp.at), lang),
                colon(lang),
                i18n::outcome(outcome).get(lang)
            )));
        }
        let outcome = self.outcome_label(motion).get(lang);
        proceedings.push(plain(format!(
            "{}{}{outcome}",
            self.label(l::OUTCOME),
            colon(lang)
        )));
        blocks.push(Block::Field {
            label: self.label(l::PROCEEDINGS),
            lines: Vec::new(),
        });
        blocks.push(Block::List(proceedings));
        if let Some(table) = self.vote_table(motion) {
            blocks.push(Block::Table(table));
        }
    }

    /// The decision stages as a table: consent to vote and vote, with the members
    /// present, the threshold and the counts.
    fn vote_table(&self, motion: &MotionState) -> Option<Table> {
        let lang = self.lang;
        let rules = &self.meeting.session().rules;
        let mut rows = Vec::new();
        let dash = || plain("—");
        for consent in &motion.consents {
            let result = if consent.passed {
                l::CONSENT_PASSED
            } else {
                l::CONSENT_FAILED
            };
            rows.push(vec![
                plain(format!(
                    "{} {}",
                    self.label(l::CONSENT_STAGE),
                    Self::time(consent.stamp.at)
                )),
                plain(consent.stamp.present.total().to_string()),
                plain(format!(
                    "{} {}",
                    crate::i18n::threshold_words(rules.consent_to_vote, lang),
                    consent.needed
                )),
                plain(consent.agree.to_string()),
                dash(),
                dash(),
                plain(self.label(result)),
            ]);
        }
        if let Some(vote) = &motion.vote {
            let (yes, no, abstain) = vote.tally.counts();
            let method = match vote.tally {
                Tally::Counts { .. } => l::SHOW_OF_HANDS,
                Tally::RollCall(_) => l::ROLL_CALL,
            };
            let result = match vote.result {
                VoteResult::Adopted => i18n::outcome(Outcome::AdoptedByVote),
                VoteResult::NotAdopted => i18n::outcome(Outcome::NotAdopted),
                VoteResult::EvenSplit => match motion.outcome() {
                    Some(outcome) => i18n::outcome(outcome),
                    None => i18n::stage(crate::domain::Stage::AwaitingChair),
                },
            };
            rows.push(vec![
                plain(format!(
                    "{}{} {}",
                    self.label(l::VOTE_STAGE),
                    parenthesised(&self.label(method), self.lang),
                    Self::time(vote.stamp.at)
                )),
                plain(vote.denominator.to_string()),
                plain(format!(
                    "{} {}",
                    crate::i18n::threshold_words(rules.adoption, lang),
                    vote.needed
                )),
                plain(yes.to_string()),
                plain(no.to_string()),
                plain(abstain.to_string()),
                plain(result.get(lang).to_owned()),
            ]);
        }
        if rows.is_empty() {
            return None;
        }
        Some(Table {
            kind: TableKind::Votes,
            header: [
                l::STAGE,
                l::PRESENT,
                l::THRESHOLD,
                l::FOR,
                l::AGAINST,
                l::ABSTAIN,
                l::OUTCOME,
            ]
            .map(|h| self.label(h))
            .to_vec(),
            rows,
        })
    }
}

impl Builder<'_> {
    /// "修正（14:12，提議者：鄭凱文）：每季公布進度" — an edit of the draft has no proposer.
    fn amendment(&mut self, motion: &MotionId, amendment: &crate::domain::Amendment) -> Line {
        let lang = self.lang;
        let kind = if amendment.split_into.is_some() {
            l::SPLIT
        } else if amendment.round == 0 {
            l::DRAFT_EDIT
        } else {
            l::AMENDMENT
        };
        let (open, sep, close) = (open_paren(lang), comma(lang), close_paren(lang));
        let mut line = plain(format!(
            "{}{open}{}",
            self.label(kind),
            Self::time(amendment.at)
        ));
        if let Some(proposer) = &amendment.proposer {
            line.push(plain_span(format!(
                "{sep}{}{}",
                self.label(l::PROPOSER),
                colon(lang)
            )));
            line.extend(self.speaker(proposer));
        }
        line.push(plain_span(format!("{close}{}", colon(lang))));
        let what = if amendment.split_into.is_some() {
            "split"
        } else if amendment.round == 0 {
            "draft edit"
        } else {
            "amendment"
        };
        let at = Self::time(amendment.at);
        line.push(self.text(&amendment.text, || {
            format!("motion {motion}, {what} at {at}")
        }));
        // A split: the part that left, as its own motion.
        let state = self.state;
        if let Some(rest) = amendment
            .split_into
            .as_ref()
            .and_then(|id| state.motion(id))
        {
            line.push(plain_span(format!(
                "{}{}{}",
                semicolon(lang),
                self.label(l::SPLIT_REST),
                colon(lang)
            )));
            let rest_id = &rest.motion.id;
            line.push(self.text(rest.original_text(), || format!("motion {rest_id}, text")));
        }
        line
    }
}
