//! The agenda panel's actions: the meeting starts, items run, an extempore motion is
//! added on the day, the meeting adjourns.

use super::Effect;
use super::recording::record;
use crate::domain::{AgendaItem, EventKind, ItemId, Motion, MotionId, Section, Speaker, Text};
use crate::i18n::{refusals, screen as s};
use crate::tui::facilitator::action::Action;
use crate::tui::facilitator::app::App;
use crate::tui::facilitator::dialog::{Dialog, TextPurpose};

pub(super) fn update(app: &mut App, action: Action) -> Vec<Effect> {
    match action {
        Action::StartMeeting => return record(app, EventKind::MeetingStarted),
        Action::StartSelectedItem => {
            let Some(item) = app.agenda.selected_item() else {
                app.refuse(s::NO_ITEM_SELECTED.get(app.lang));
                return Vec::new();
            };
            let id = app.state().items[item].item.id.clone();
            return record(app, EventKind::ItemStarted { item: id });
        }
        Action::EndCurrentItem => {
            let Some(current) = app.state().current_item() else {
                app.refuse(s::NO_CURRENT_ITEM.get(app.lang));
                return Vec::new();
            };
            let id = current.item.id.clone();
            return record(app, EventKind::ItemEnded { item: id });
        }
        Action::AddExtemporeMotion => {
            app.dialog = Some(Dialog::text(TextPurpose::ExtemporeText));
        }
        Action::AdjournMeeting => return record(app, EventKind::MeetingAdjourned),
        // The other panels' actions are routed to their own files.
        _ => {}
    }
    Vec::new()
}

/// An extempore motion is its own agenda item under 臨時動議, with its motion.
pub(super) fn add_extempore_motion(
    app: &mut App,
    text: &str,
    proposer: Option<Speaker>,
) -> Vec<Effect> {
    // Asked before the item is added, so a refused proposer leaves no item behind.
    if let Some(Err(error)) = proposer.as_ref().map(|p| app.state().check_proposer(p)) {
        app.refuse(refusals::refusal(&error, app.lang));
        return Vec::new();
    }
    let state = app.state();
    let mut n = state
        .items
        .iter()
        .filter(|i| i.item.section == Section::Extempore)
        .count()
        + 1;
    while state.item(&ItemId::new(format!("extempore-{n}"))).is_some()
        || state
            .motion(&MotionId::new(format!("extempore-{n}")))
            .is_some()
    {
        n += 1;
    }
    let item_id = ItemId::new(format!("extempore-{n}"));
    let item = AgendaItem {
        id: item_id.clone(),
        section: Section::Extempore,
        title: Text::new(text),
        presenter: Text::default(),
        explanation: Text::default(),
        proposed_action: None,
        planned_minutes: 0,
    };
    let mut effects = record(app, EventKind::ItemAdded(Box::new(item)));
    if effects.is_empty() {
        return effects;
    }
    let motion = Motion {
        id: MotionId::new(format!("extempore-{n}")),
        item: item_id.clone(),
        text: Text::new(text),
        proposer,
    };
    effects.extend(record(app, EventKind::MotionAdded(Box::new(motion))));
    app.dialog = None;
    if let Ok(position) = app.state().item_position(&item_id) {
        app.agenda.select_item(position);
        app.keep_selections_in_view();
    }
    effects
}
