//! The agenda panel's actions: the meeting starts, items run, an extempore motion is
//! added on the day, the meeting adjourns.

use super::Effect;
use super::recording::record;
use crate::domain::{AgendaItem, EventKind, ItemId, Motion, MotionId, Section, Speaker, Text};
use crate::i18n::{refusals, screen as s};
use crate::tui::facilitator::action::Action;
use crate::tui::facilitator::app::App;
use crate::tui::facilitator::dialog::{Dialog, ItemField, TextPurpose};
use crate::tui::shared::line_editor::LineEditor;

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
        Action::AddItem => {
            // Where items are added: the selected item's section, or for the fixed
            // items around them, the reports or the discussion.
            let section = match app
                .agenda
                .selected_item()
                .map(|i| app.state().items[i].item.section)
            {
                Some(Section::Discussion) | Some(Section::Adjournment) => Section::Discussion,
                Some(Section::Extempore) => Section::Extempore,
                _ => Section::Report,
            };
            app.dialog = Some(new_item_dialog(section, LineEditor::default(), app.lang));
        }
        Action::EditItem => {
            if let Some(item) = selected(app) {
                app.dialog = Some(item_field_dialog(item, ItemField::Title));
            }
        }
        Action::MoveItemUp | Action::MoveItemDown => {
            if let Some(item) = selected(app) {
                let up = action == Action::MoveItemUp;
                let effects = record(
                    app,
                    EventKind::ItemMoved {
                        item: item.id.clone(),
                        up,
                    },
                );
                reselect(app, &item.id);
                return effects;
            }
        }
        Action::RemoveItem => {
            if let Some(item) = selected(app) {
                return record(app, EventKind::ItemRemoved { item: item.id });
            }
        }
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

/// The item the agenda has selected, or says there is none.
fn selected(app: &mut App) -> Option<AgendaItem> {
    match app.agenda.selected_item() {
        Some(i) => Some(app.state().items[i].item.clone()),
        None => {
            app.refuse(s::NO_ITEM_SELECTED.get(app.lang));
            None
        }
    }
}

/// Keeps `item` selected where it now stands.
fn reselect(app: &mut App, item: &ItemId) {
    if let Ok(position) = app.state().item_position(item) {
        app.agenda.select_item(position);
        app.keep_selections_in_view();
    }
}

/// A new item in `section`, after its last item, with `title`; selected.
pub(super) fn add_item(app: &mut App, section: Section, title: &str) -> Vec<Effect> {
    if title.is_empty() {
        app.refuse(s::TEXT_REQUIRED.get(app.lang));
        return Vec::new();
    }
    let state = app.state();
    let base = format!("{section:?}").to_lowercase();
    let id = (1..)
        .map(|n| ItemId::new(format!("{base}-{n}")))
        .find(|id| state.item(id).is_none())
        .unwrap_or_else(|| ItemId::new(base.clone()));
    let item = AgendaItem {
        id: id.clone(),
        section,
        title: Text::new(title),
        presenter: Text::default(),
        explanation: Text::default(),
        proposed_action: None,
        planned_minutes: 0,
    };
    let effects = super::recording::record_from_dialog(app, EventKind::ItemAdded(Box::new(item)));
    reselect(app, &id);
    effects
}

/// The dialog for one field of `item`, holding the field as it stands.
fn item_field_dialog(item: AgendaItem, field: ItemField) -> Dialog {
    let text = match field {
        ItemField::Title => item.title.text.clone(),
        ItemField::Presenter => item.presenter.text.clone(),
        ItemField::PlannedMinutes => item.planned_minutes.to_string(),
        ItemField::Explanation => item.explanation.text.clone(),
        ItemField::ProposedAction => item
            .proposed_action
            .as_ref()
            .map(|t| t.text.clone())
            .unwrap_or_default(),
    };
    Dialog::Text {
        editor: LineEditor::with_text(&text),
        purpose: TextPurpose::ItemField {
            item: Box::new(item),
            field,
        },
        question: None,
    }
}

/// One field of an item edited: the next field is asked, and after the last the
/// item is recorded as it now reads, if anything changed. A changed text drops its
/// English, which translated the old one.
pub(super) fn edit_item_field(
    app: &mut App,
    mut item: AgendaItem,
    field: ItemField,
    text: &str,
) -> Vec<Effect> {
    let changed = |old: &Text| (old.text != text).then(|| Text::new(text));
    let next = match field {
        ItemField::Title => {
            if text.is_empty() {
                app.refuse(s::TEXT_REQUIRED.get(app.lang));
                return Vec::new();
            }
            if let Some(title) = changed(&item.title) {
                item.title = title;
            }
            Some(ItemField::Presenter)
        }
        ItemField::Presenter => {
            if let Some(presenter) = changed(&item.presenter) {
                item.presenter = presenter;
            }
            Some(ItemField::PlannedMinutes)
        }
        ItemField::PlannedMinutes => {
            let Some(minutes) = crate::typed::count(text, true) else {
                app.refuse(s::NOT_A_NUMBER.get(app.lang));
                return Vec::new();
            };
            item.planned_minutes = minutes;
            Some(ItemField::Explanation)
        }
        ItemField::Explanation => {
            if let Some(explanation) = changed(&item.explanation) {
                item.explanation = explanation;
            }
            Some(ItemField::ProposedAction)
        }
        ItemField::ProposedAction => {
            let old = item.proposed_action.clone().unwrap_or_default();
            if let Some(action) = changed(&old) {
                item.proposed_action = (!text.is_empty()).then_some(action);
            }
            None
        }
    };
    if let Some(next) = next {
        app.dialog = Some(item_field_dialog(item, next));
        return Vec::new();
    }
    let unchanged = app.state().item(&item.id).is_some_and(|i| i.item == item);
    if unchanged {
        app.dialog = None;
        return Vec::new();
    }
    super::recording::record_from_dialog(app, EventKind::ItemChanged(Box::new(item)))
}

pub(super) fn new_item_dialog(
    section: Section,
    editor: LineEditor,
    lang: crate::domain::Lang,
) -> Dialog {
    Dialog::Text {
        purpose: TextPurpose::NewItemTitle { section },
        editor,
        question: Some(s::ask_new_item_title(section, lang)),
    }
}
