//! The shipped demo meeting must load, and must be the meeting the README promises.

use std::path::Path;

use roundtable::domain::{Category, Role, SeatRole, Section, Side};

#[test]
fn the_demo_meeting_loads_and_is_balanced_with_a_full_agenda() {
    let meeting = roundtable::store::load(Path::new("sessions/demo.ron")).expect("demo loads");
    let session = meeting.session();
    assert_eq!(session.meeting.commitment, Some(3));

    let balance = session.roster.balance();
    assert!(balance.total() >= 14, "at least 14 members");
    assert!(balance.is_balanced(), "split evenly: {balance:?}");

    let convener = session.roster.convener().expect("a convener");
    assert_eq!(convener.category, Category::LeadAgency);
    let co_convener = session.roster.co_convener().expect("a co-convener");
    assert_eq!(co_convener.side(), Side::NonGovernment);
    assert!(!session.roster.representatives.is_empty());
    assert!(!session.roster.observers.is_empty());

    let sections: Vec<Section> = session.agenda.iter().map(|i| i.section).collect();
    for section in [Section::Report, Section::Discussion, Section::Extempore] {
        assert!(sections.contains(&section), "{section:?} on the agenda");
    }
    let state = meeting.state();
    for item in session
        .agenda
        .iter()
        .filter(|i| i.section == Section::Discussion)
    {
        assert!(
            state.motions_of(&item.id).count() > 0,
            "{} has a draft motion",
            item.id
        );
    }
    let representative = state
        .people
        .iter()
        .find(|p| matches!(p.role, Role::Representative { .. }))
        .expect("a representative");
    assert!(!representative.name.is_empty());
    assert!(
        session
            .roster
            .members
            .iter()
            .filter(|m| m.seat == SeatRole::Convener)
            .count()
            == 1
    );
}
