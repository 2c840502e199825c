//! The people at a forum: members by side and category, designated representatives,
//! observers (列席), and the rules that make a roster valid.

use std::collections::HashSet;
use std::fmt;

use serde::{Deserialize, Serialize};

use super::text::Text;

/// A short, stable identifier for a person in the session file (`"cec-deputy"`).
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct PersonId(pub String);

impl PersonId {
    pub fn new(id: impl Into<String>) -> PersonId {
        PersonId(id.into())
    }
}

impl fmt::Display for PersonId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The two sides the rules balance: government agencies and everyone else.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Side {
    /// 政府機關
    Government,
    /// 非政府: civic groups, NGOs, industry, experts.
    NonGovernment,
}

/// The four kinds of member the rules name (clause 2), with the agencies split into
/// lead and co-organising.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Category {
    /// 主辦機關
    LeadAgency,
    /// 協辦機關
    CoOrganisingAgency,
    /// 公民團體、民間組織及相關產業組織
    CivicGroup,
    /// 熟悉議題之專家學者
    IssueExpert,
    /// 開放政府專家學者
    OpenGovExpert,
}

impl Category {
    pub const ALL: [Category; 5] = [
        Category::LeadAgency,
        Category::CoOrganisingAgency,
        Category::CivicGroup,
        Category::IssueExpert,
        Category::OpenGovExpert,
    ];

    /// The side follows from the category: agencies are government, the rest are not.
    pub fn side(self) -> Side {
        match self {
            Category::LeadAgency | Category::CoOrganisingAgency => Side::Government,
            Category::CivicGroup | Category::IssueExpert | Category::OpenGovExpert => {
                Side::NonGovernment
            }
        }
    }
}

/// A member's seat at the table.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum SeatRole {
    /// 召集人: the lead agency's deputy head, who chairs.
    Convener,
    /// 共同召集人: designated by the convener from the non-government members.
    CoConvener,
    #[default]
    Member,
}

/// A member of the forum: one seat, one vote.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Member {
    pub id: PersonId,
    pub name: Text,
    #[serde(default)]
    pub title: Text,
    #[serde(default)]
    pub organisation: Text,
    pub category: Category,
    #[serde(default)]
    pub seat: SeatRole,
}

impl Member {
    pub fn side(&self) -> Side {
        self.category.side()
    }
}

/// Someone an agency member designated to attend in their seat (指派代表). They sit
/// and vote in that seat; the seat still counts once.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Representative {
    pub id: PersonId,
    /// The member whose seat this person takes.
    pub for_member: PersonId,
    pub name: Text,
    #[serde(default)]
    pub title: Text,
}

/// An observer (列席): invited agencies, staff, the public. Never counts.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Observer {
    pub id: PersonId,
    pub name: Text,
    #[serde(default)]
    pub title: Text,
    #[serde(default)]
    pub organisation: Text,
}

/// Everyone expected at the meeting, as set up before it starts.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Roster {
    pub members: Vec<Member>,
    #[serde(default)]
    pub representatives: Vec<Representative>,
    #[serde(default)]
    pub observers: Vec<Observer>,
}

/// Why a roster cannot be used.
/// A roster that breaks the rules of clause 2 (its sentences: `i18n/refusals.rs`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum RosterError {
    DuplicateId(PersonId),
    EmptyName(PersonId),
    TwoConveners(String, String),
    TwoCoConveners(String, String),
    GovernmentCoConvener(String),
    /// The convener is the lead agency's member (主政機關).
    ConvenerNotLeadAgency(String),
    RepresentativeForUnknownMember {
        name: String,
        for_member: PersonId,
    },
    RepresentativeForNonGovernment {
        name: String,
        member: String,
    },
}

impl Roster {
    /// Checks the rules of clause 2 that a roster can break.
    pub fn validate(&self) -> Result<(), RosterError> {
        let mut ids = HashSet::new();
        let all_ids = self
            .members
            .iter()
            .map(|m| (&m.id, &m.name))
            .chain(self.representatives.iter().map(|r| (&r.id, &r.name)))
            .chain(self.observers.iter().map(|o| (&o.id, &o.name)));
        for (id, name) in all_ids {
            if !ids.insert(id) {
                return Err(RosterError::DuplicateId(id.clone()));
            }
            if name.text.trim().is_empty() {
                return Err(RosterError::EmptyName(id.clone()));
            }
        }

        let mut convener: Option<&Member> = None;
        let mut co_convener: Option<&Member> = None;
        for member in &self.members {
            match member.seat {
                SeatRole::Convener => {
                    if let Some(first) = convener {
                        return Err(RosterError::TwoConveners(
                            first.name.text.clone(),
                            member.name.text.clone(),
                        ));
                    }
                    if member.category != Category::LeadAgency {
                        return Err(RosterError::ConvenerNotLeadAgency(member.name.text.clone()));
                    }
                    convener = Some(member);
                }
                SeatRole::CoConvener => {
                    if member.side() == Side::Government {
                        return Err(RosterError::GovernmentCoConvener(member.name.text.clone()));
                    }
                    if let Some(first) = co_convener {
                        return Err(RosterError::TwoCoConveners(
                            first.name.text.clone(),
                            member.name.text.clone(),
                        ));
                    }
                    co_convener = Some(member);
                }
                SeatRole::Member => {}
            }
        }

        for rep in &self.representatives {
            self.check_representative(rep)?;
        }
        Ok(())
    }

    /// A representative must stand in for an agency member of this roster.
    pub fn check_representative(&self, rep: &Representative) -> Result<(), RosterError> {
        let Some(member) = self.member(&rep.for_member) else {
            return Err(RosterError::RepresentativeForUnknownMember {
                name: rep.name.text.clone(),
                for_member: rep.for_member.clone(),
            });
        };
        if member.side() != Side::Government {
            return Err(RosterError::RepresentativeForNonGovernment {
                name: rep.name.text.clone(),
                member: member.name.text.clone(),
            });
        }
        Ok(())
    }

    pub fn member(&self, id: &PersonId) -> Option<&Member> {
        self.members.iter().find(|m| &m.id == id)
    }

    pub fn convener(&self) -> Option<&Member> {
        self.members.iter().find(|m| m.seat == SeatRole::Convener)
    }

    pub fn co_convener(&self) -> Option<&Member> {
        self.members.iter().find(|m| m.seat == SeatRole::CoConvener)
    }

    /// Members on each side of the roster: (government, non-government).
    pub fn balance(&self) -> Balance {
        let mut balance = Balance::default();
        for member in &self.members {
            balance.add(member.side());
        }
        balance
    }
}

/// Government and non-government counts, for the roster or for those present.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Balance {
    pub government: u32,
    pub non_government: u32,
}

impl Balance {
    pub fn add(&mut self, side: Side) {
        match side {
            Side::Government => self.government += 1,
            Side::NonGovernment => self.non_government += 1,
        }
    }

    pub fn remove(&mut self, side: Side) {
        match side {
            Side::Government => self.government = self.government.saturating_sub(1),
            Side::NonGovernment => self.non_government = self.non_government.saturating_sub(1),
        }
    }

    pub fn total(&self) -> u32 {
        self.government + self.non_government
    }

    /// The rules aim at half and half; any difference puts the room off balance.
    pub fn is_balanced(&self) -> bool {
        self.government == self.non_government
    }
}
