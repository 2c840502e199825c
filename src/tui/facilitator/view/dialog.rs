//! The open dialog, drawn over the panels: its question, its field or list, and its
//! keys (from the key table).

use ratatui::Frame;

use crate::i18n::{self, Label, screen as s};
use crate::tui::facilitator::app::App;
use crate::tui::facilitator::dialog::{Dialog, ItemField, MeetingField, PersonField, TextPurpose};
use crate::tui::facilitator::keys::KEYS;
use crate::tui::shared::dialog::{
    LIST_ROWS, dialog_box, field, hints_row, picker_list, picker_rows,
};
use crate::tui::shared::picker::Purpose;
use crate::tui::shared::theme;
use crate::tui::shared::view::{put, style_row};
use crate::width::fit;

pub fn render(app: &App, frame: &mut Frame, screen: ratatui::layout::Rect) {
    let Some(dialog) = &app.dialog else {
        return;
    };
    let lang = app.lang;
    let (title, body_rows) = match dialog {
        Dialog::Text {
            purpose, question, ..
        } => (
            question
                .clone()
                .unwrap_or_else(|| text_question(purpose).get(lang).to_owned()),
            1,
        ),
        Dialog::Picker(p) => (p.purpose.question().get(lang).to_owned(), picker_rows(p)),
        Dialog::Counts(_) => (s::ASK_VOTE_COUNTS.get(lang).to_owned(), 4),
        Dialog::RollCall(r) => {
            let (y, n, a, left) = r.counts();
            let title = s::roll_call_title(y, n, a, left, lang);
            (title, (r.rows.len() as u16).clamp(1, LIST_ROWS + 6))
        }
        Dialog::ChairRuling { .. } => (s::ASK_CHAIR.get(lang).to_owned(), 1),
    };
    let body = dialog_box(frame, screen, &title, body_rows);
    let cursor = match dialog {
        Dialog::Text { editor, .. } => field(frame, body, 0, "> ", editor, true),
        Dialog::Picker(picker) => {
            let cursor = field(frame, body, 0, "> ", &picker.query, true);
            let list_h = usize::from(body_rows.saturating_sub(1));
            picker_list(frame.buffer_mut(), body, picker, app.state(), lang, list_h);
            cursor
        }
        Dialog::Counts(form) => {
            let labels = [s::YES, s::NO, s::ABSTAIN];
            let mut cursor = None;
            for (n, (label, editor)) in labels.iter().zip(form.fields.iter()).enumerate() {
                let label = format!("{} ", fit(label.get(lang), 8));
                let c = field(frame, body, n as u16, &label, editor, n == form.focus);
                cursor = cursor.or(c);
            }
            // The threshold the counts are held against, as the room was told.
            let state = app.state();
            if let Some(m) = state.motion(&form.motion) {
                let rule = i18n::threshold_words(state.rules().adoption, lang);
                let line = s::vote_needed(
                    state.adoption_needed(m),
                    state.vote_denominator(m),
                    &rule,
                    lang,
                );
                put(frame.buffer_mut(), body, 0, 3, &line, theme::bold());
            }
            cursor
        }
        Dialog::RollCall(roll) => {
            let state = app.state();
            let list_h = usize::from(body_rows);
            let start = roll.selected.saturating_sub(list_h.saturating_sub(1));
            let buf = frame.buffer_mut();
            let name_w = 16;
            for (n, (person, ballot)) in roll.rows.iter().enumerate().skip(start).take(list_h) {
                let y = (n - start) as u16;
                let p = &state.people[*person];
                let x = put(
                    buf,
                    body,
                    0,
                    y,
                    &fit(p.name.get(lang), name_w),
                    theme::dialog(),
                );
                let style = match ballot {
                    Some(crate::domain::Ballot::Yes) => theme::ok(),
                    Some(crate::domain::Ballot::No) => theme::not_adopted(),
                    Some(crate::domain::Ballot::Abstain) => theme::left(),
                    None => theme::dim(),
                };
                put(buf, body, x + 2, y, s::ballot(*ballot).get(lang), style);
                if n == roll.selected {
                    style_row(buf, body, y, theme::selected(true));
                }
            }
            None
        }
        Dialog::ChairRuling { motion } => {
            // The counts that split evenly, which the chair rules on.
            if let Some(vote) = app.state().motion(motion).and_then(|m| m.vote.as_ref()) {
                let (yes, no, abstain) = vote.tally.counts();
                let rule = i18n::threshold_words(app.state().rules().adoption, lang);
                let line = format!(
                    "{}  {}",
                    s::vote_counts(yes, vote.needed, vote.denominator, &rule, lang),
                    s::against_abstain(no, abstain, lang)
                );
                put(frame.buffer_mut(), body, 0, 0, &line, theme::warning());
            }
            None
        }
    };
    // The dialog's keys, from the key table.
    hints_row(frame.buffer_mut(), body, &KEYS.hints(app.contexts()), lang);
    if let Some(position) = cursor {
        frame.set_cursor_position(position);
    }
}

fn text_question(purpose: &TextPurpose) -> Label {
    match purpose {
        TextPurpose::ObserverName => s::ASK_OBSERVER_NAME,
        TextPurpose::RepresentativeName { .. } => s::ASK_REPRESENTATIVE_NAME,
        TextPurpose::RepresentativeTitle { .. } => s::ASK_REPRESENTATIVE_TITLE,
        TextPurpose::ExtemporeText => s::ASK_EXTEMPORE_TEXT,
        TextPurpose::ObjectionReason { .. } => s::ASK_REASON,
        TextPurpose::ConsentCount { .. } => s::ASK_VOTE_COUNTS,
        TextPurpose::SpeakingLimit { .. } => s::ASK_SPEAKING_LIMIT,
        TextPurpose::CommentResponse { .. } => s::ASK_RESPONSE,
        TextPurpose::DueDate { .. } => s::ASK_DUE,
        TextPurpose::FollowUpActionTaken { .. } => s::ASK_ACTION_TAKEN,
        TextPurpose::MotionText { .. } => s::ASK_MOTION_TEXT,
        TextPurpose::SplitKept { .. } => s::ASK_SPLIT_KEPT,
        TextPurpose::SplitRest { .. } => s::ASK_SPLIT_REST,
        TextPurpose::NewMotionText { .. } => s::ASK_NEW_MOTION_TEXT,
        TextPurpose::NewItemTitle { .. } => s::ASK_ITEM_TITLE,
        TextPurpose::NewMemberName { .. } => s::ASK_PERSON_NAME,
        TextPurpose::NewMemberField { field, .. } | TextPurpose::PersonField { field, .. } => {
            match field {
                PersonField::Name => s::ASK_PERSON_NAME,
                PersonField::Title => s::ASK_PERSON_TITLE,
                PersonField::Organisation => s::ASK_PERSON_ORGANISATION,
            }
        }
        TextPurpose::ItemField { field, .. } => match field {
            ItemField::Title => s::ASK_ITEM_TITLE,
            ItemField::Presenter => s::ASK_ITEM_PRESENTER,
            ItemField::PlannedMinutes => s::ASK_ITEM_MINUTES,
            ItemField::Explanation => s::ASK_ITEM_EXPLANATION,
            ItemField::ProposedAction => s::ASK_ITEM_PROPOSED_ACTION,
        },
        TextPurpose::MeetingField { field, .. } => match field {
            MeetingField::Title => s::ASK_MEETING_TITLE,
            MeetingField::Number => s::ASK_MEETING_NUMBER,
            MeetingField::Date => s::ASK_MEETING_DATE,
            MeetingField::PlannedStart => s::ASK_MEETING_START,
            MeetingField::PlannedEnd => s::ASK_MEETING_END,
            MeetingField::Venue => s::ASK_MEETING_VENUE,
            MeetingField::Recorder => s::ASK_MEETING_RECORDER,
        },
    }
}
