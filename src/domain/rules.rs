//! The rule book: how many of the members present it takes to open a vote and to adopt
//! a resolution, what an even split means, and whether a quorum applies.
//!
//! Every threshold is a fraction of the *members present* (出席人員), not of the votes
//! cast: an abstention weighs like a no. Observers are never members present.

use serde::{Deserialize, Serialize};

/// Whether a count must exceed the fraction or may equal it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Comparison {
    /// 過半數: strictly more than the fraction.
    MoreThan,
    /// 以上: the fraction or more.
    AtLeast,
}

/// A fraction of the members present, e.g. "more than one half".
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Threshold {
    pub comparison: Comparison,
    pub numerator: u32,
    pub denominator: u32,
}

impl Threshold {
    /// More than half: `count × 2 > present`.
    pub const MORE_THAN_HALF: Threshold = Threshold {
        comparison: Comparison::MoreThan,
        numerator: 1,
        denominator: 2,
    };

    /// Half or more: `count × 2 ≥ present`.
    pub const HALF_OR_MORE: Threshold = Threshold {
        comparison: Comparison::AtLeast,
        numerator: 1,
        denominator: 2,
    };

    /// Whether `count` of `present` reaches this threshold.
    pub fn is_met(&self, count: u32, present: u32) -> bool {
        let lhs = u64::from(count) * u64::from(self.denominator);
        let rhs = u64::from(self.numerator) * u64::from(present);
        match self.comparison {
            Comparison::MoreThan => lhs > rhs,
            Comparison::AtLeast => lhs >= rhs,
        }
    }

    /// The smallest count that reaches this threshold with `present` members present.
    pub fn minimum(&self, present: u32) -> u32 {
        let product = u64::from(self.numerator) * u64::from(present);
        let den = u64::from(self.denominator.max(1));
        let minimum = match self.comparison {
            Comparison::MoreThan => product / den + 1,
            Comparison::AtLeast => product.div_ceil(den),
        };
        u32::try_from(minimum).unwrap_or(u32::MAX)
    }

    /// A threshold is usable when its fraction lies in (0, 1] and it can be met: "more
    /// than all members present" never can.
    pub fn is_sensible(&self) -> bool {
        let can_be_met = match self.comparison {
            Comparison::MoreThan => self.numerator < self.denominator,
            Comparison::AtLeast => self.numerator <= self.denominator,
        };
        self.denominator > 0 && self.numerator > 0 && can_be_met
    }
}

/// What an even split (both yes and no reach the adoption threshold) means.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum TieRule {
    /// The rules do not settle it: the chair rules (可否同數，取決於主席), and the
    /// outcome is recorded as the chair's ruling.
    #[default]
    ChairDecides,
    /// An even split is not adopted.
    NotAdopted,
}

/// Which "members present" a vote is counted against, and who may vote in it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum VoteDenominator {
    /// The members present when the room agreed to vote. Someone who leaves between the
    /// consent and the count does not change the threshold the room was shown.
    #[default]
    PresentWhenVoteOpened,
    /// The members present when the votes are counted.
    PresentWhenCounted,
}

/// A forum's rules of procedure. The defaults are those of the Open Government
/// National Action Plan forums (clause 3).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleBook {
    /// To put a question to a vote: 過半數出席人員同意.
    pub consent_to_vote: Threshold,
    /// To adopt a resolution: 二分之一以上之出席人員意見.
    pub adoption: Threshold,
    #[serde(default)]
    pub tie: TieRule,
    #[serde(default)]
    pub vote_denominator: VoteDenominator,
    /// Who may vote: by default the members present when the room agreed to vote, so
    /// that a member arriving later is recorded as arriving, not as voting, and the
    /// counts never exceed the denominator.
    #[serde(default)]
    pub voters: VoteDenominator,
    /// If set, the fraction of the roster's members that must be present to decide.
    #[serde(default)]
    pub quorum: Option<Threshold>,
    /// How long a speaker may speak, in seconds, unless an item sets its own.
    #[serde(
        default = "default_speaking_seconds",
        skip_serializing_if = "is_default_speaking_seconds"
    )]
    pub speaking_seconds: u32,
}

/// Three minutes a speaker, unless the rule book says otherwise.
fn default_speaking_seconds() -> u32 {
    180
}

fn is_default_speaking_seconds(seconds: &u32) -> bool {
    *seconds == default_speaking_seconds()
}

impl Default for RuleBook {
    fn default() -> RuleBook {
        RuleBook {
            consent_to_vote: Threshold::MORE_THAN_HALF,
            adoption: Threshold::HALF_OR_MORE,
            tie: TieRule::ChairDecides,
            vote_denominator: VoteDenominator::PresentWhenVoteOpened,
            voters: VoteDenominator::PresentWhenVoteOpened,
            quorum: None,
            speaking_seconds: default_speaking_seconds(),
        }
    }
}

impl RuleBook {
    /// Whether `agree` of `present` members consent to putting the question to a vote.
    pub fn vote_may_open(&self, agree: u32, present: u32) -> bool {
        present > 0 && self.consent_to_vote.is_met(agree, present)
    }

    /// How many must agree before a vote opens with `present` members present.
    pub fn vote_opening_threshold(&self, present: u32) -> u32 {
        self.consent_to_vote.minimum(present)
    }

    /// How many yes votes adopt a resolution with `present` members present.
    pub fn adoption_threshold(&self, present: u32) -> u32 {
        self.adoption.minimum(present)
    }

    /// How many of the roster's members make a quorum, if the rule book sets one.
    pub fn quorum_threshold(&self, roster_members: u32) -> Option<u32> {
        self.quorum.map(|q| q.minimum(roster_members))
    }

    /// Whether a decision may be taken with `present` of `roster_members` present.
    pub fn is_quorate(&self, present: u32, roster_members: u32) -> bool {
        self.quorum
            .is_none_or(|quorum| quorum.is_met(present, roster_members))
    }

    /// What a vote's counts mean under these rules: adopted when yes reaches the
    /// threshold and outnumbers no; an even split (yes equal to no, and reaching it) is
    /// the tie rule's. Under the default half-or-more, yes reaching it already means no
    /// cannot outnumber yes; under a threshold below one half, more no than yes is not
    /// adopted however many said yes.
    pub fn vote_result(&self, yes: u32, no: u32, present: u32) -> VoteResult {
        if !self.adoption.is_met(yes, present) {
            return VoteResult::NotAdopted;
        }
        match yes.cmp(&no) {
            std::cmp::Ordering::Greater => VoteResult::Adopted,
            std::cmp::Ordering::Equal => match self.tie {
                TieRule::ChairDecides => VoteResult::EvenSplit,
                TieRule::NotAdopted => VoteResult::NotAdopted,
            },
            std::cmp::Ordering::Less => VoteResult::NotAdopted,
        }
    }

    /// Checks the rule book itself, for hand-edited files: every threshold can be met.
    pub fn validate(&self) -> Result<(), RuleBookError> {
        for (field, threshold) in [
            ("consent_to_vote", Some(self.consent_to_vote)),
            ("adoption", Some(self.adoption)),
            ("quorum", self.quorum),
        ] {
            if let Some(threshold) = threshold
                && !threshold.is_sensible()
            {
                return Err(RuleBookError { field, threshold });
            }
        }
        Ok(())
    }
}

/// A threshold of the rule book that cannot be used: not a fraction between 0 and 1,
/// or one that can never be met. `field` names it as the file does.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RuleBookError {
    pub field: &'static str,
    pub threshold: Threshold,
}

/// What a vote's counts mean.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum VoteResult {
    Adopted,
    NotAdopted,
    /// Yes and no both reach the threshold: the chair rules.
    EvenSplit,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ten_present_six_agree_opens_the_vote_five_do_not() {
        let rules = RuleBook::default();
        assert!(rules.vote_may_open(6, 10));
        assert!(!rules.vote_may_open(5, 10));
        assert_eq!(rules.vote_opening_threshold(10), 6);
    }

    #[test]
    fn nine_present_five_agree_opens_the_vote() {
        let rules = RuleBook::default();
        assert!(rules.vote_may_open(5, 9));
        assert!(!rules.vote_may_open(4, 9));
        assert_eq!(rules.vote_opening_threshold(9), 5);
    }

    #[test]
    fn ten_present_five_yes_three_no_two_abstain_is_adopted() {
        assert_eq!(
            RuleBook::default().vote_result(5, 3, 10),
            VoteResult::Adopted
        );
    }

    #[test]
    fn ten_present_four_yes_two_no_four_abstain_is_not_adopted() {
        // Abstentions weigh like a no: four yes of ten present is under half.
        assert_eq!(
            RuleBook::default().vote_result(4, 2, 10),
            VoteResult::NotAdopted
        );
    }

    #[test]
    fn ten_present_five_five_the_chair_rules() {
        assert_eq!(
            RuleBook::default().vote_result(5, 5, 10),
            VoteResult::EvenSplit
        );
    }

    #[test]
    fn with_the_not_adopted_tie_rule_an_even_split_fails() {
        let rules = RuleBook {
            tie: TieRule::NotAdopted,
            ..RuleBook::default()
        };
        assert_eq!(rules.vote_result(5, 5, 10), VoteResult::NotAdopted);
    }

    #[test]
    fn nine_present_adoption_needs_five() {
        let rules = RuleBook::default();
        assert_eq!(rules.adoption_threshold(9), 5);
        assert_eq!(rules.vote_result(5, 4, 9), VoteResult::Adopted);
        assert_eq!(rules.vote_result(4, 4, 9), VoteResult::NotAdopted);
    }

    #[test]
    fn nobody_present_never_opens_a_vote() {
        assert!(!RuleBook::default().vote_may_open(0, 0));
    }

    #[test]
    fn a_quorum_of_half_the_roster() {
        let rules = RuleBook {
            quorum: Some(Threshold::HALF_OR_MORE),
            ..RuleBook::default()
        };
        assert_eq!(rules.quorum_threshold(14), Some(7));
        assert!(rules.is_quorate(7, 14));
        assert!(!rules.is_quorate(6, 14));
        assert!(RuleBook::default().is_quorate(0, 14));
    }

    #[test]
    fn a_threshold_over_one_is_refused() {
        let rules = RuleBook {
            adoption: Threshold {
                comparison: Comparison::AtLeast,
                numerator: 3,
                denominator: 2,
            },
            ..RuleBook::default()
        };
        assert_eq!(rules.validate().map_err(|e| e.field), Err("adoption"));
    }

    #[test]
    fn more_than_all_members_present_can_never_be_met_and_is_refused() {
        let all = Threshold {
            comparison: Comparison::MoreThan,
            numerator: 1,
            denominator: 1,
        };
        let rules = RuleBook {
            consent_to_vote: all,
            ..RuleBook::default()
        };
        assert_eq!(
            rules.validate(),
            Err(RuleBookError {
                field: "consent_to_vote",
                threshold: all
            })
        );
        let everyone = Threshold {
            comparison: Comparison::AtLeast,
            ..all
        };
        assert!(everyone.is_sensible(), "all of them can be met");
    }

    #[test]
    fn under_a_one_third_rule_four_yes_five_no_is_not_adopted_nor_an_even_split() {
        let rules = RuleBook {
            adoption: Threshold {
                comparison: Comparison::AtLeast,
                numerator: 1,
                denominator: 3,
            },
            ..RuleBook::default()
        };
        assert_eq!(rules.vote_result(4, 5, 10), VoteResult::NotAdopted);
        assert_eq!(rules.vote_result(5, 4, 10), VoteResult::Adopted);
        assert_eq!(rules.vote_result(4, 4, 10), VoteResult::EvenSplit);
    }
}
