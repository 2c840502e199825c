//! Whom a speaker picker lists and a note names: the people of the meeting, as the
//! facilitator's folded state has them or as a note-taker's view of the meeting does.
//! Both screens share the picker and the note lines through this.

use crate::domain::{Lang, PersonId, Presence, Speaker, State, Text};
use crate::net::protocol::PersonView;

pub trait People {
    fn count(&self) -> usize;
    fn name(&self, i: usize) -> &Text;
    fn id(&self, i: usize) -> &PersonId;
    fn organisation(&self, i: usize) -> &Text;
    fn presence(&self, i: usize) -> Presence;
    /// Whether they may act on a motion now: a member present, or a representative
    /// present in a member's seat (the domain's `State::seat_acting`).
    fn may_act(&self, i: usize) -> bool;
    fn find(&self, id: &PersonId) -> Option<usize>;
}

impl People for State {
    fn count(&self) -> usize {
        self.people.len()
    }

    fn name(&self, i: usize) -> &Text {
        &self.people[i].name
    }

    fn id(&self, i: usize) -> &PersonId {
        &self.people[i].id
    }

    fn organisation(&self, i: usize) -> &Text {
        &self.people[i].organisation
    }

    fn presence(&self, i: usize) -> Presence {
        State::presence(self, i)
    }

    fn may_act(&self, i: usize) -> bool {
        self.seat_acting(i).is_ok()
    }

    fn find(&self, id: &PersonId) -> Option<usize> {
        self.person_index(id).ok()
    }
}

/// The people of a note-taker's view of the meeting (`MeetingView::people`); empty
/// before the host's welcome, when only typed names can be picked.
impl People for Vec<PersonView> {
    fn count(&self) -> usize {
        self.len()
    }

    fn name(&self, i: usize) -> &Text {
        &self[i].name
    }

    fn id(&self, i: usize) -> &PersonId {
        &self[i].id
    }

    fn organisation(&self, i: usize) -> &Text {
        &self[i].organisation
    }

    fn presence(&self, i: usize) -> Presence {
        if self[i].present {
            Presence::Present
        } else {
            Presence::Absent
        }
    }

    fn may_act(&self, i: usize) -> bool {
        // A seat (member or representative) has a side; an observer has none.
        self[i].present && self[i].side.is_some()
    }

    fn find(&self, id: &PersonId) -> Option<usize> {
        // A roster is a few dozen people: a scan costs less than keeping an index.
        self.iter().position(|p| &p.id == id)
    }
}

/// The name a speaker is shown with, in the interface's language.
pub fn speaker_name<'a>(people: &'a dyn People, speaker: &'a Speaker, lang: Lang) -> &'a str {
    match speaker {
        Speaker::Person(id) => people
            .find(id)
            .map_or(id.0.as_str(), |i| people.name(i).get(lang)),
        Speaker::Named(name) => name,
    }
}
