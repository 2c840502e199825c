//! The agenda, in the order of Taiwan's meeting rules, and the motions put to the room.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::people::PersonId;
use super::text::Text;

/// A short, stable identifier for an agenda item (`"discussion-1"`).
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ItemId(pub String);

impl ItemId {
    pub fn new(id: impl Into<String>) -> ItemId {
        ItemId(id.into())
    }
}

impl fmt::Display for ItemId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The parts of a meeting, in the order the rules set them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Section {
    /// 確認上次會議紀錄
    PreviousMinutes,
    /// 上次會議決議事項辦理情形
    FollowUp,
    /// 報告事項: ends in a decision (決定).
    Report,
    /// 討論事項: ends in a resolution (決議).
    Discussion,
    /// 臨時動議
    Extempore,
    /// 散會
    Adjournment,
}

impl Section {
    pub const ALL: [Section; 6] = [
        Section::PreviousMinutes,
        Section::FollowUp,
        Section::Report,
        Section::Discussion,
        Section::Extempore,
        Section::Adjournment,
    ];

    /// Whether an item of this section ends in a resolution (決議) rather than a
    /// decision (決定).
    pub fn ends_in_resolution(self) -> bool {
        matches!(self, Section::Discussion | Section::Extempore)
    }

    /// Whether motions are put on an item of this section: those that end in a
    /// resolution. (Reports and the rest end in a decision without one.)
    pub fn takes_motions(self) -> bool {
        self.ends_in_resolution()
    }
}

/// One item of the agenda, as set up before the meeting.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AgendaItem {
    pub id: ItemId,
    pub section: Section,
    pub title: Text,
    /// The presenter or reporting unit (報告單位／提案單位).
    #[serde(default)]
    pub presenter: Text,
    /// 說明
    #[serde(default)]
    pub explanation: Text,
    /// 辦法
    #[serde(default)]
    pub proposed_action: Option<Text>,
    /// Planned duration, in minutes.
    #[serde(default)]
    pub planned_minutes: u32,
}

/// A short, stable identifier for a motion (`"m1"`).
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct MotionId(pub String);

impl MotionId {
    pub fn new(id: impl Into<String>) -> MotionId {
        MotionId(id.into())
    }
}

impl fmt::Display for MotionId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Who is speaking or proposing: someone on the roster, or a name typed in.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Speaker {
    Person(PersonId),
    Named(String),
}

/// A motion put to the room: a draft prepared with the agenda, or one proposed on the
/// day (an extempore motion).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Motion {
    pub id: MotionId,
    /// The agenda item it belongs to.
    pub item: ItemId,
    pub text: Text,
    #[serde(default)]
    pub proposer: Option<Speaker>,
}
