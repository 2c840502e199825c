//! Who is at the meeting: the people (members, their representatives, observers),
//! when each came and went, and what that makes of the room: who is present, whose
//! seat is filled, how many members sit on each side, now or at any moment.
//!
//! The figures are kept as arrivals and departures apply, so that asking "how many
//! members are present" is never a recount. `State` holds them in an `Attendance`;
//! only this file reads or changes it.

use std::collections::HashMap;

use super::error::DomainError;
use super::event::Stamp;
use super::people::{
    Balance, Category, Observer, PersonId, Representative, Roster, SeatRole, Side,
};
use super::state::State;
use super::text::Text;

/// What someone is at this meeting.
#[derive(Clone, Debug, PartialEq)]
pub enum Role {
    Member {
        category: Category,
        seat: SeatRole,
    },
    /// Sits in the seat of the member at `seat` (an index into `State::people`).
    Representative {
        for_member: PersonId,
        seat: usize,
    },
    Observer,
}

/// Anyone who may attend: members, representatives and observers.
#[derive(Clone, Debug, PartialEq)]
pub struct Person {
    pub id: PersonId,
    pub name: Text,
    pub title: Text,
    pub organisation: Text,
    pub role: Role,
}

impl Person {
    /// The side whose count this person's seat adds to; observers have none.
    pub fn side(&self, people: &[Person]) -> Option<Side> {
        match &self.role {
            Role::Member { category, .. } => Some(category.side()),
            Role::Representative { seat, .. } => people[*seat].side(people),
            Role::Observer => None,
        }
    }

    pub fn is_member(&self) -> bool {
        matches!(self.role, Role::Member { .. })
    }
}

/// One continuous stay in the room.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Stint {
    pub arrived: Stamp,
    pub left: Option<Stamp>,
}

/// Where a person stands now, as the attendance panel marks it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Presence {
    /// Not arrived (yet).
    Absent,
    Present,
    /// Was here, has left.
    Left,
    /// 請假
    Excused,
    /// A member not in the room whose seat a representative occupies.
    Represented,
}

/// What a member's seat did at the meeting, one answer per seat, so that every list
/// (the minutes, `check`, the sign-in sheet) names a member once and counts a seat
/// once, as the thresholds do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SeatRecord {
    /// Someone sat in it at some time: the member themself (`member`), and the
    /// representatives who sat in it (indexes into `State::people`).
    Attended {
        member: bool,
        representatives: Vec<usize>,
    },
    /// Nobody sat in it, and the member sent apologies (請假).
    Excused,
    /// Nobody sat in it.
    Absent,
}

/// The attendance figures `State` keeps, one entry per person (by index into
/// `State::people`).
#[derive(Clone, Debug, Default, PartialEq)]
pub(super) struct Attendance {
    person_index: HashMap<PersonId, usize>,
    stints: Vec<Vec<Stint>>,
    excused: Vec<bool>,
    /// For each member seat (by person index), how many of its occupants are present.
    seat_occupants: Vec<u32>,
    present_members: Balance,
}

impl State {
    // ---- set-up -------------------------------------------------------------------

    pub(super) fn add_person(&mut self, person: Person) -> Result<usize, DomainError> {
        if self.attendance.person_index.contains_key(&person.id) {
            return Err(DomainError::DuplicateId(person.id.0.clone()));
        }
        let index = self.people.len();
        self.attendance
            .person_index
            .insert(person.id.clone(), index);
        self.people.push(person);
        self.attendance.stints.push(Vec::new());
        self.attendance.excused.push(false);
        self.attendance.seat_occupants.push(0);
        Ok(index)
    }

    pub(super) fn add_representative(
        &mut self,
        roster: &Roster,
        rep: &Representative,
    ) -> Result<usize, DomainError> {
        roster.check_representative(rep)?;
        let seat = self.person_index(&rep.for_member)?;
        self.add_person(Person {
            id: rep.id.clone(),
            name: rep.name.clone(),
            title: rep.title.clone(),
            organisation: self.people[seat].organisation.clone(),
            role: Role::Representative {
                for_member: rep.for_member.clone(),
                seat,
            },
        })
    }

    pub(super) fn add_observer(&mut self, observer: &Observer) -> Result<usize, DomainError> {
        self.add_person(Person {
            id: observer.id.clone(),
            name: observer.name.clone(),
            title: observer.title.clone(),
            organisation: observer.organisation.clone(),
            role: Role::Observer,
        })
    }

    /// Forgets the attendance of the person at `index`, who is taken off the roster
    /// (and never came): the others' entries move up one place.
    pub(super) fn remove_attendance(&mut self, index: usize) {
        let a = &mut self.attendance;
        a.stints.remove(index);
        a.excused.remove(index);
        a.seat_occupants.remove(index);
        a.person_index = self
            .people
            .iter()
            .enumerate()
            .map(|(i, p)| (p.id.clone(), i))
            .collect();
    }

    // ---- queries ------------------------------------------------------------------

    pub fn person_index(&self, id: &PersonId) -> Result<usize, DomainError> {
        self.attendance
            .person_index
            .get(id)
            .copied()
            .ok_or_else(|| DomainError::UnknownPerson(id.clone()))
    }

    pub fn person(&self, id: &PersonId) -> Option<&Person> {
        self.attendance
            .person_index
            .get(id)
            .map(|&i| &self.people[i])
    }

    /// Members present now, by side. A seat counts once, whether its member or their
    /// representative sits in it; observers never count.
    pub fn present_members(&self) -> Balance {
        self.attendance.present_members
    }

    pub fn presence(&self, index: usize) -> Presence {
        let stints = &self.attendance.stints[index];
        // A member whose representative sits in the seat is represented, even if they
        // sent apologies: the seat is filled.
        match stints.last() {
            Some(Stint { left: None, .. }) => Presence::Present,
            _ if self.people[index].is_member() && self.attendance.seat_occupants[index] > 0 => {
                Presence::Represented
            }
            _ if self.attendance.excused[index] => Presence::Excused,
            Some(_) => Presence::Left,
            None => Presence::Absent,
        }
    }

    pub fn stints(&self, index: usize) -> &[Stint] {
        &self.attendance.stints[index]
    }

    pub fn is_excused(&self, index: usize) -> bool {
        self.attendance.excused[index]
    }

    /// Whether person `index` was in the room at `at`.
    pub fn was_present_at(&self, index: usize, at: Stamp) -> bool {
        self.attendance.stints[index]
            .iter()
            .any(|s| s.arrived <= at && s.left.is_none_or(|left| at < left))
    }

    /// The member seats occupied at `at`, by side: "who was present at 10:42".
    pub fn present_members_at(&self, at: Stamp) -> Balance {
        let mut occupied = vec![false; self.people.len()];
        for (index, person) in self.people.iter().enumerate() {
            let seat = match person.role {
                Role::Member { .. } => index,
                Role::Representative { seat, .. } => seat,
                Role::Observer => continue,
            };
            if self.was_present_at(index, at) {
                occupied[seat] = true;
            }
        }
        let mut balance = Balance::default();
        for (index, person) in self.people.iter().enumerate() {
            if occupied[index]
                && let Role::Member { category, .. } = person.role
            {
                balance.add(category.side());
            }
        }
        balance
    }

    /// The member seat a person sits in, if any.
    pub(super) fn seat_of(&self, index: usize) -> Option<usize> {
        match self.people[index].role {
            Role::Member { .. } => Some(index),
            Role::Representative { seat, .. } => Some(seat),
            Role::Observer => None,
        }
    }

    pub fn is_seat_present(&self, seat: usize) -> bool {
        self.attendance.seat_occupants[seat] > 0
    }

    /// The member seats occupied now (by the index of the seat's member).
    pub fn seats_present(&self) -> Vec<usize> {
        (0..self.people.len())
            .filter(|&i| self.people[i].is_member() && self.is_seat_present(i))
            .collect()
    }

    /// The seat `index` acts for, if they are in the room now in a member's seat: a
    /// member present, or a representative present in the seat. Only they object,
    /// propose and vote; an observer, an absent or an excused member does not.
    pub fn seat_acting(&self, index: usize) -> Result<usize, DomainError> {
        let person = &self.people[index];
        let name = || person.name.text.clone();
        let Some(seat) = self.seat_of(index) else {
            return Err(DomainError::ObserverCannotAct(name()));
        };
        if self.presence(index) != Presence::Present {
            return Err(DomainError::MemberNotPresent(name()));
        }
        Ok(seat)
    }

    /// What the member seat `seat` did at the meeting: attended (by whom), excused, or
    /// absent. A member who attended and later sent apologies attended; one whose
    /// representative came is represented, not excused.
    pub fn seat_record(&self, seat: usize) -> SeatRecord {
        let member = !self.attendance.stints[seat].is_empty();
        let representatives: Vec<usize> = self
            .people
            .iter()
            .enumerate()
            .filter(|(i, p)| {
                matches!(p.role, Role::Representative { seat: s, .. } if s == seat)
                    && !self.attendance.stints[*i].is_empty()
            })
            .map(|(i, _)| i)
            .collect();
        if member || !representatives.is_empty() {
            SeatRecord::Attended {
                member,
                representatives,
            }
        } else if self.attendance.excused[seat] {
            SeatRecord::Excused
        } else {
            SeatRecord::Absent
        }
    }

    /// The member seats someone sat in at some time in the meeting, by side: the
    /// minutes' 出席委員 counts. Each seat once, as `present_members` counts them.
    pub fn attended_members(&self) -> Balance {
        let mut attended = Balance::default();
        for (seat, person) in self.people.iter().enumerate() {
            if let Some(side) = person
                .is_member()
                .then(|| person.side(&self.people))
                .flatten()
                && matches!(self.seat_record(seat), SeatRecord::Attended { .. })
            {
                attended.add(side);
            }
        }
        attended
    }

    // ---- events -------------------------------------------------------------------

    pub(super) fn arrive(&mut self, person: &PersonId, at: Stamp) -> Result<(), DomainError> {
        let index = self.person_index(person)?;
        if self.presence(index) == Presence::Present {
            return Err(DomainError::AlreadyPresent(
                self.people[index].name.text.clone(),
            ));
        }
        self.attendance.stints[index].push(Stint {
            arrived: at,
            left: None,
        });
        // Someone who sent apologies and came after all is simply present.
        self.attendance.excused[index] = false;
        if let Some(seat) = self.seat_of(index) {
            self.attendance.seat_occupants[seat] += 1;
            if self.attendance.seat_occupants[seat] == 1
                && let Some(side) = self.people[seat].side(&self.people)
            {
                self.attendance.present_members.add(side);
            }
        }
        Ok(())
    }

    pub(super) fn leave(&mut self, person: &PersonId, at: Stamp) -> Result<(), DomainError> {
        let index = self.person_index(person)?;
        if self.presence(index) != Presence::Present {
            return Err(DomainError::NotPresent(
                self.people[index].name.text.clone(),
            ));
        }
        if let Some(stint) = self.attendance.stints[index].last_mut() {
            stint.left = Some(at);
        }
        if let Some(seat) = self.seat_of(index) {
            self.attendance.seat_occupants[seat] -= 1;
            if self.attendance.seat_occupants[seat] == 0
                && let Some(side) = self.people[seat].side(&self.people)
            {
                self.attendance.present_members.remove(side);
            }
        }
        Ok(())
    }

    /// A member sent apologies (請假).
    pub(super) fn excuse(&mut self, person: &PersonId) -> Result<(), DomainError> {
        let index = self.person_index(person)?;
        let name = self.people[index].name.text.clone();
        if !self.people[index].is_member() {
            return Err(DomainError::OnlyMembersAreExcused(name));
        }
        if self.presence(index) == Presence::Present {
            return Err(DomainError::ExcusedWhilePresent(name));
        }
        self.attendance.excused[index] = true;
        Ok(())
    }
}
