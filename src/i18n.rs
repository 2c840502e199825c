//! Every user-facing word of the meeting's vocabulary, in Traditional Chinese and
//! English. The interface's own strings live beside these in `tui`, the minutes'
//! labels in `minutes`; the names of the meeting's things are here, once.

use crate::domain::{Category, FollowUpStatus, Lang, Outcome, SeatRole, Section, Side, Stage};

/// A pair of strings, picked by language.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Label {
    pub zh: &'static str,
    pub en: &'static str,
}

impl Label {
    pub const fn new(zh: &'static str, en: &'static str) -> Label {
        Label { zh, en }
    }

    pub fn get(self, lang: Lang) -> &'static str {
        match lang {
            Lang::ZhTw => self.zh,
            Lang::En => self.en,
        }
    }
}

pub fn side(side: Side) -> Label {
    match side {
        Side::Government => Label::new("政府", "Government"),
        Side::NonGovernment => Label::new("非政府", "Non-government"),
    }
}

pub fn category(category: Category) -> Label {
    match category {
        Category::LeadAgency => Label::new("主辦機關", "Lead agency"),
        Category::CoOrganisingAgency => Label::new("協辦機關", "Co-organising agency"),
        Category::CivicGroup => {
            Label::new("公民團體／民間組織／產業", "Civic group / NGO / industry")
        }
        Category::IssueExpert => Label::new("議題專家學者", "Issue expert"),
        Category::OpenGovExpert => Label::new("開放政府專家學者", "Open-government expert"),
    }
}

pub fn seat(seat: SeatRole) -> Label {
    match seat {
        SeatRole::Convener => Label::new("召集人", "Convener"),
        SeatRole::CoConvener => Label::new("共同召集人", "Co-convener"),
        SeatRole::Member => Label::new("委員", "Member"),
    }
}

pub fn section(section: Section) -> Label {
    match section {
        Section::PreviousMinutes => {
            Label::new("確認上次會議紀錄", "Confirmation of the previous minutes")
        }
        Section::FollowUp => Label::new(
            "上次會議決議事項辦理情形",
            "Follow-up on previous resolutions",
        ),
        Section::Report => Label::new("報告事項", "Reports"),
        Section::Discussion => Label::new("討論事項", "Discussion items"),
        Section::Extempore => Label::new("臨時動議", "Extempore motions"),
        Section::Adjournment => Label::new("散會", "Adjournment"),
    }
}

pub fn outcome(outcome: Outcome) -> Label {
    match outcome {
        Outcome::AdoptedByConsensus => Label::new("共識通過", "Adopted by consensus"),
        Outcome::AdoptedByVote => Label::new("表決通過", "Adopted by vote"),
        Outcome::NotAdopted => Label::new("未通過", "Not adopted"),
        Outcome::AdoptedByChair => Label::new(
            "可否同數，主席裁決通過",
            "Even split; adopted by the chair's ruling",
        ),
        Outcome::RejectedByChair => Label::new(
            "可否同數，主席裁決不通過",
            "Even split; rejected by the chair's ruling",
        ),
        Outcome::Deferred => Label::new("保留再議", "Deferred"),
        Outcome::Withdrawn => Label::new("撤回", "Withdrawn"),
    }
}

pub fn stage(stage: Stage) -> Label {
    match stage {
        Stage::Proposed => Label::new("提案", "Proposed"),
        Stage::ConsensusRound => Label::new("徵詢共識", "Consensus round"),
        Stage::ConsensusFailed => Label::new("未達共識", "No consensus"),
        Stage::NotPutToVote => Label::new("未獲同意付表決", "Not put to a vote"),
        Stage::Voting => Label::new("表決中", "Voting"),
        Stage::AwaitingChair => Label::new("可否同數，待主席裁決", "Even split: the chair rules"),
        Stage::Closed(o) => outcome(o),
    }
}

/// Whether the forum keeps tracking a follow-up matter or closes it: the words of the
/// minutes' follow-up table (追蹤建議) and of the screen's.
pub fn follow_up_status(status: FollowUpStatus) -> Label {
    match status {
        FollowUpStatus::KeepTracking => Label::new("繼續追蹤", "Keep tracking"),
        FollowUpStatus::Closed => Label::new("解除追蹤", "Close"),
    }
}
