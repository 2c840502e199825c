//! The meeting's details (title, number, date, planned start and end, venue,
//! recorder), edited one field after another and recorded as one change.

use super::Effect;
use crate::domain::{EventKind, MeetingInfo, Speaker, Text};
use crate::i18n::screen as s;
use crate::tui::facilitator::app::App;
use crate::tui::facilitator::dialog::{Dialog, MeetingField, PickPurpose, TextPurpose};
use crate::tui::shared::line_editor::LineEditor;
use crate::tui::shared::picker::Picker;

/// Opens the first field, holding the details as they stand.
pub(super) fn start(app: &mut App) -> Vec<Effect> {
    let info = app.state().meeting().clone();
    app.dialog = Some(field_dialog(info, MeetingField::Title));
    Vec::new()
}

/// The dialog for one field, holding it as it stands.
fn field_dialog(info: MeetingInfo, field: MeetingField) -> Dialog {
    let clock = |t: Option<chrono::NaiveTime>| t.map(|t| t.format("%H:%M").to_string());
    let text = match field {
        MeetingField::Title => info.title.text.clone(),
        MeetingField::Number => info.number.map(|n| n.to_string()).unwrap_or_default(),
        MeetingField::Date => info.date.format("%Y-%m-%d").to_string(),
        MeetingField::PlannedStart => clock(info.planned_start).unwrap_or_default(),
        MeetingField::PlannedEnd => clock(info.planned_end).unwrap_or_default(),
        MeetingField::Venue => info.venue.text.clone(),
        MeetingField::Recorder => info.recorder.text.clone(),
    };
    Dialog::Text {
        editor: LineEditor::with_text(&text),
        purpose: TextPurpose::MeetingField {
            info: Box::new(info),
            field,
        },
        question: None,
    }
}

/// One field confirmed: a value that does not read is refused with how to write it
/// (the dialog stays); otherwise the next field is asked, and after the recorder the
/// chair. A changed text drops its English, which translated the old one.
pub(super) fn edit_field(
    app: &mut App,
    mut info: MeetingInfo,
    field: MeetingField,
    text: &str,
) -> Vec<Effect> {
    let changed = |old: &Text| (old.text != text).then(|| Text::new(text));
    let lang = app.lang;
    let next: MeetingField = match field {
        MeetingField::Title => {
            if text.trim().is_empty() {
                app.refuse(s::TEXT_REQUIRED.get(lang));
                return Vec::new();
            }
            if let Some(title) = changed(&info.title) {
                info.title = title;
            }
            MeetingField::Number
        }
        MeetingField::Number => {
            info.number = match text.trim() {
                "" => None,
                typed => match crate::typed::count(typed, false) {
                    Some(n) if n > 0 => Some(n),
                    _ => {
                        app.refuse(s::NOT_A_NUMBER.get(lang));
                        return Vec::new();
                    }
                },
            };
            MeetingField::Date
        }
        MeetingField::Date => {
            let Ok(date) = crate::typed::date(text) else {
                app.refuse(s::NOT_A_DATE.get(lang));
                return Vec::new();
            };
            info.date = date;
            MeetingField::PlannedStart
        }
        MeetingField::PlannedStart | MeetingField::PlannedEnd => {
            let Ok(time) = crate::typed::optional_time(text) else {
                app.refuse(s::NOT_A_TIME.get(lang));
                return Vec::new();
            };
            if field == MeetingField::PlannedStart {
                info.planned_start = time;
                MeetingField::PlannedEnd
            } else {
                info.planned_end = time;
                MeetingField::Venue
            }
        }
        MeetingField::Venue => {
            if let Some(venue) = changed(&info.venue) {
                info.venue = venue;
            }
            MeetingField::Recorder
        }
        MeetingField::Recorder => {
            if let Some(recorder) = changed(&info.recorder) {
                info.recorder = recorder;
            }
            // Last, the chair, chosen from the roster.
            let picker = Picker::new(
                PickPurpose::Chair {
                    info: Box::new(info),
                },
                app.state(),
            );
            app.dialog = Some(Dialog::Picker(picker));
            return Vec::new();
        }
    };
    app.dialog = Some(field_dialog(info, next));
    Vec::new()
}

/// The chair chosen (or none: the conveners chair): the details are recorded, if
/// anything changed. A name typed in is not on the roster, and is refused.
pub(super) fn choose_chair(
    app: &mut App,
    mut info: MeetingInfo,
    choice: Option<Speaker>,
) -> Vec<Effect> {
    info.chair = match choice {
        None => None,
        Some(Speaker::Person(id)) => Some(id),
        Some(Speaker::Named(_)) => {
            app.refuse(s::CHAIR_ON_ROSTER.get(app.lang));
            return Vec::new();
        }
    };
    if app.state().meeting() == &info {
        app.dialog = None;
        return Vec::new();
    }
    super::recording::record_from_dialog(app, EventKind::MeetingDetailsChanged(Box::new(info)))
}
