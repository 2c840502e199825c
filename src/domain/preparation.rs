//! What to put right before the meeting: the roster's balance and its convener,
//! items without a planned time, and the agenda's planned minutes against the planned end. Asked by
//! `roundtable check` (and anything else that shows the meeting's preparation).

use chrono::NaiveTime;

use super::agenda::Section;
use super::people::Balance;
use super::state::State;
use super::text::Text;

/// The meeting's preparation as it stands.
#[derive(Clone, Debug, PartialEq)]
pub struct Preparation {
    /// The roster's seats by side, when they are not half and half.
    pub unbalanced: Option<Balance>,
    /// The roster has no convener (the lead agency's deputy head, who chairs).
    pub no_convener: bool,
    /// Items (other than the adjournment) with no planned minutes, by title.
    pub unplanned: Vec<Text>,
    /// The agenda's planned minutes, in total.
    pub planned_minutes: u32,
    pub planned_start: Option<NaiveTime>,
    pub planned_end: Option<NaiveTime>,
}

impl Preparation {
    pub fn of(state: &State) -> Preparation {
        let balance = state.roster_balance();
        let items = state.items.iter().map(|i| &i.item);
        Preparation {
            unbalanced: (!balance.is_balanced()).then_some(balance),
            no_convener: !state.people.iter().any(|p| {
                matches!(
                    p.role,
                    super::attendance::Role::Member {
                        seat: super::people::SeatRole::Convener,
                        ..
                    }
                )
            }),
            unplanned: items
                .clone()
                .filter(|i| i.section != Section::Adjournment && i.planned_minutes == 0)
                .map(|i| i.title.clone())
                .collect(),
            planned_minutes: items.map(|i| i.planned_minutes).sum(),
            planned_start: state.meeting().planned_start,
            planned_end: state.meeting().planned_end,
        }
    }

    /// Nothing to put right: a balanced roster, every item planned, and the agenda
    /// within the planned end (when there is one).
    pub fn is_ready(&self) -> bool {
        self.unbalanced.is_none()
            && !self.no_convener
            && self.unplanned.is_empty()
            && self.minutes_to_spare().is_none_or(|spare| spare >= 0)
    }

    /// When the agenda's planned minutes end, from the planned start.
    pub fn planned_finish(&self) -> Option<NaiveTime> {
        let minutes = chrono::Duration::minutes(i64::from(self.planned_minutes));
        self.planned_start.map(|start| start + minutes)
    }

    /// Minutes the agenda leaves before the planned end (negative: past it).
    pub fn minutes_to_spare(&self) -> Option<i64> {
        let (start, end) = (self.planned_start?, self.planned_end?);
        Some((end - start).num_minutes() - i64::from(self.planned_minutes))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{AgendaItem, ItemId, Meeting, Session};

    fn item(id: &str, section: Section, minutes: u32) -> AgendaItem {
        AgendaItem {
            id: ItemId::new(id),
            section,
            title: Text::new(id),
            presenter: Text::default(),
            explanation: Text::default(),
            proposed_action: None,
            planned_minutes: minutes,
        }
    }

    #[test]
    fn unplanned_items_and_the_planned_total_against_the_end() {
        let date = chrono::NaiveDate::from_ymd_opt(2026, 12, 3).expect("date");
        let mut session = Session::new(Text::new("論壇"), date);
        session.meeting.planned_start = NaiveTime::from_hms_opt(14, 0, 0);
        session.meeting.planned_end = NaiveTime::from_hms_opt(15, 0, 0);
        session.agenda = vec![
            item("r1", Section::Report, 40),
            item("d1", Section::Discussion, 0),
            item("d2", Section::Discussion, 30),
            item("end", Section::Adjournment, 0),
        ];
        let meeting = Meeting::open(session).expect("opens");
        let prep = Preparation::of(meeting.state());
        assert_eq!(prep.unplanned, [Text::new("d1")]);
        assert_eq!(prep.planned_minutes, 70);
        assert_eq!(prep.planned_finish(), NaiveTime::from_hms_opt(15, 10, 0));
        assert_eq!(prep.minutes_to_spare(), Some(-10));
        assert_eq!(prep.unbalanced, None, "an empty roster is even");
        assert!(prep.no_convener, "an empty roster has no convener");
        assert!(!prep.is_ready());
    }

    #[test]
    fn the_demo_has_its_convener() {
        let meeting =
            crate::store::load(std::path::Path::new("sessions/demo.ron")).expect("the demo loads");
        assert!(!Preparation::of(meeting.state()).no_convener);
    }
}
