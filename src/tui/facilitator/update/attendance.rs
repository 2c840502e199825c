//! The attendance panel's actions: arrivals and departures, apologies, observers and
//! representatives who come on the day.

use super::Effect;
use super::recording::record;
use crate::domain::Text;
use crate::domain::{EventKind, PersonId, Presence, Side};
use crate::i18n::screen as s;
use crate::tui::facilitator::action::Action;
use crate::tui::facilitator::app::App;
use crate::tui::facilitator::dialog::{Dialog, MemberSeat, PersonField, TextPurpose};
use crate::tui::shared::line_editor::LineEditor;

pub(super) fn update(app: &mut App, action: Action) -> Vec<Effect> {
    match action {
        Action::ToggleAttendance => return toggle_attendance(app),
        Action::MarkExcused => {
            let Some(person) = app.attendance.selected_person() else {
                app.refuse(s::NOTHING_SELECTED.get(app.lang));
                return Vec::new();
            };
            let id = app.state().people[person].id.clone();
            return record(app, EventKind::Excused { person: id });
        }
        Action::AddObserver => app.dialog = Some(Dialog::text(TextPurpose::ObserverName)),
        Action::AddRepresentative => {
            let member = app.attendance.selected_person().filter(|&i| {
                let state = app.state();
                state.people[i].is_member()
                    && state.people[i].side(&state.people) == Some(Side::Government)
            });
            match member {
                Some(for_member) => {
                    let member = app.state().people[for_member].name.get(app.lang);
                    let question = s::ask_representative_for(member, app.lang);
                    app.dialog = Some(Dialog::Text {
                        purpose: TextPurpose::RepresentativeName { for_member },
                        editor: LineEditor::default(),
                        question: Some(question),
                    });
                }
                None => app.refuse(s::NOT_A_GOVERNMENT_MEMBER.get(app.lang)),
            }
        }
        Action::AddMember => {
            let seat = MemberSeat {
                category: crate::domain::Category::CivicGroup,
                role: crate::domain::SeatRole::Member,
            };
            app.dialog = Some(new_member_dialog(seat, LineEditor::default(), app.lang));
        }
        Action::RemovePerson => {
            let Some(person) = app.attendance.selected_person() else {
                app.refuse(s::NOTHING_SELECTED.get(app.lang));
                return Vec::new();
            };
            let id = app.state().people[person].id.clone();
            return record(app, EventKind::PersonRemoved { person: id });
        }
        Action::CorrectPerson => {
            let Some(person) = app.attendance.selected_person() else {
                app.refuse(s::NOTHING_SELECTED.get(app.lang));
                return Vec::new();
            };
            let p = &app.state().people[person];
            let details = [p.name.clone(), p.title.clone(), p.organisation.clone()];
            app.dialog = Some(person_field_dialog(
                p.id.clone(),
                details,
                PersonField::Name,
            ));
        }
        // The other panels' actions are routed to their own files.
        _ => {}
    }
    Vec::new()
}

pub(super) fn toggle_attendance(app: &mut App) -> Vec<Effect> {
    let Some(person) = app.attendance.selected_person() else {
        app.refuse(s::NOTHING_SELECTED.get(app.lang));
        return Vec::new();
    };
    let state = app.state();
    let id = state.people[person].id.clone();
    let kind = if state.presence(person) == Presence::Present {
        EventKind::Left { person: id }
    } else {
        EventKind::Arrived { person: id }
    };
    record(app, kind)
}

pub(super) fn fresh_person_id(app: &App, stem: &str) -> PersonId {
    let state = app.state();
    (1..)
        .map(|n| PersonId::new(format!("{stem}-{n}")))
        .find(|id| state.person(id).is_none())
        .unwrap_or_else(|| PersonId::new(stem))
}

/// Someone added on the day is in the room: added, then arrived.
pub(super) fn add_person_and_arrive(app: &mut App, added: EventKind, id: PersonId) -> Vec<Effect> {
    let mut effects = record(app, added);
    if effects.is_empty() {
        return effects;
    }
    effects.extend(record(app, EventKind::Arrived { person: id.clone() }));
    app.dialog = None;
    if let Ok(person) = app.state().person_index(&id) {
        app.attendance.select_person(person);
        app.keep_selections_in_view();
    }
    effects
}

/// The dialog for one of a person's details, holding it as it stands.
fn person_field_dialog(person: PersonId, details: [Text; 3], field: PersonField) -> Dialog {
    let text = details[field as usize].text.clone();
    Dialog::Text {
        editor: LineEditor::with_text(&text),
        purpose: TextPurpose::PersonField {
            person,
            details: Box::new(details),
            field,
        },
        question: None,
    }
}

/// One of a person's details corrected: the next is asked, and after the last the
/// correction is recorded, if anything changed. A changed text drops its English.
pub(super) fn correct_person_field(
    app: &mut App,
    person: PersonId,
    mut details: [Text; 3],
    field: PersonField,
    text: &str,
) -> Vec<Effect> {
    if field == PersonField::Name && text.is_empty() {
        app.refuse(s::NAME_REQUIRED.get(app.lang));
        return Vec::new();
    }
    let slot = &mut details[field as usize];
    if slot.text != text {
        *slot = Text::new(text);
    }
    let next = match field {
        PersonField::Name => Some(PersonField::Title),
        PersonField::Title => Some(PersonField::Organisation),
        PersonField::Organisation => None,
    };
    if let Some(next) = next {
        app.dialog = Some(person_field_dialog(person, details, next));
        return Vec::new();
    }
    let unchanged = app.state().person(&person).is_some_and(|p| {
        [&p.name, &p.title, &p.organisation] == [&details[0], &details[1], &details[2]]
    });
    if unchanged {
        app.dialog = None;
        return Vec::new();
    }
    let [name, title, organisation] = details;
    super::recording::record_from_dialog(
        app,
        EventKind::PersonCorrected {
            person,
            name: Box::new(name),
            title: Box::new(title),
            organisation: Box::new(organisation),
        },
    )
}

/// The new member's first dialog: the name, with the seat Tab changes.
pub(super) fn new_member_dialog(
    seat: MemberSeat,
    editor: LineEditor,
    lang: crate::domain::Lang,
) -> Dialog {
    Dialog::Text {
        purpose: TextPurpose::NewMemberName { seat },
        editor,
        question: Some(s::ask_new_member_name(seat.category, seat.role, lang)),
    }
}

/// A new member's details, asked in turn (name, organisation, title); after the
/// last the member is added to the roster in their seat, refused for the reasons a
/// roster is refused on load.
pub(super) fn new_member_field(
    app: &mut App,
    seat: MemberSeat,
    mut details: [Text; 3],
    field: PersonField,
    text: &str,
) -> Vec<Effect> {
    if field == PersonField::Name && text.is_empty() {
        app.refuse(s::NAME_REQUIRED.get(app.lang));
        return Vec::new();
    }
    details[field as usize] = Text::new(text);
    // Name, then organisation, then title.
    let next = match field {
        PersonField::Name => Some(PersonField::Organisation),
        PersonField::Organisation => Some(PersonField::Title),
        PersonField::Title => None,
    };
    if let Some(next) = next {
        app.dialog = Some(Dialog::Text {
            editor: LineEditor::default(),
            purpose: TextPurpose::NewMemberField {
                seat,
                details: Box::new(details),
                field: next,
            },
            question: None,
        });
        return Vec::new();
    }
    let [name, title, organisation] = details;
    let id = fresh_person_id(app, "member");
    let member = crate::domain::Member {
        id,
        name,
        title,
        organisation,
        category: seat.category,
        seat: seat.role,
    };
    super::recording::record_from_dialog(app, EventKind::MemberAdded(Box::new(member)))
}
