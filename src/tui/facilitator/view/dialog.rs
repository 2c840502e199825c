//! The open dialog, drawn over the panels: its question, its field or list, and its
//! keys (from the key table).

use crate::i18n;
use crate::i18n::{key_names, screen as s};
use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear};

use super::{fit, put, style_row, truncate};
use crate::domain::Lang;
use crate::tui::facilitator::app::App;
use crate::tui::facilitator::dialog::{
    Dialog, PickPurpose, PickRow, Picker, TextPurpose, name_column,
};
use crate::tui::facilitator::keys;
use crate::tui::facilitator::layout;
use crate::tui::shared::line_editor::LineEditor;
use crate::tui::shared::people::People;
use crate::tui::shared::theme;

/// How many rows of a list a dialog shows at most.
const LIST_ROWS: u16 = 12;

pub fn render(app: &App, frame: &mut Frame, screen: Rect) {
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
        Dialog::Picker(p) => (
            pick_question(&p.purpose).get(lang).to_owned(),
            picker_rows(p),
        ),
        Dialog::Counts(_) => (s::ASK_VOTE_COUNTS.get(lang).to_owned(), 4),
        Dialog::RollCall(r) => {
            let (y, n, a, left) = r.counts();
            let title = match lang {
                Lang::ZhTw => format!(
                    "{}：贊成 {y}  反對 {n}  棄權 {a}  未唱名 {left}",
                    s::ASK_ROLL_CALL.zh
                ),
                Lang::En => format!(
                    "{}: yes {y}  no {n}  abstain {a}  not called {left}",
                    s::ASK_ROLL_CALL.en
                ),
            };
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
    hints_row(frame.buffer_mut(), body, &keys::hints(app.contexts()), lang);
    if let Some(position) = cursor {
        frame.set_cursor_position(position);
    }
}

/// The rows a picker's dialog body takes: the query and up to a dozen names.
pub fn picker_rows(picker: &Picker) -> u16 {
    1 + (picker.rows.len() as u16).clamp(1, LIST_ROWS)
}

/// A dialog box of `body_rows` rows (plus its hints) centred on the screen, with
/// `title`: returns the body's area.
pub fn dialog_box(frame: &mut Frame, screen: Rect, title: &str, body_rows: u16) -> Rect {
    let width = screen.width.saturating_sub(8).min(80);
    let height = body_rows + 4;
    let area = layout::centered(screen, width, height);
    frame.render_widget(Clear, area);
    frame.render_widget(
        Block::bordered()
            .border_style(theme::dialog_border())
            .style(theme::dialog())
            .title(Line::from(Span::styled(
                format!(
                    " {} ",
                    truncate(title, usize::from(width.saturating_sub(4)))
                ),
                theme::title(true),
            ))),
        area,
    );
    let inner = layout::inner(area);
    Rect::new(
        inner.x + 1,
        inner.y,
        inner.width.saturating_sub(2),
        inner.height,
    )
}

/// A picker's list under its query: the rows that fit around the selection.
pub fn picker_list(
    buf: &mut Buffer,
    body: Rect,
    picker: &Picker,
    people: &dyn People,
    lang: Lang,
    list_h: usize,
) {
    let start = picker.selected.saturating_sub(list_h.saturating_sub(1));
    let name_w = name_column(people, &picker.rows);
    for (n, row) in picker.rows.iter().enumerate().skip(start).take(list_h) {
        let y = 1 + (n - start) as u16;
        let text = match row {
            PickRow::Nobody => s::NO_SPEAKER.get(lang).to_owned(),
            PickRow::Person(i) if *i < people.count() => {
                let presence = s::presence(people.presence(*i)).get(lang);
                format!(
                    "{} {} {}",
                    fit(presence, 4),
                    fit(people.name(*i).get(lang), name_w),
                    people.organisation(*i).get(lang)
                )
            }
            PickRow::Person(_) => continue,
            PickRow::Free => format!(
                "＋ {}「{}」",
                s::FREE_TEXT.get(lang),
                picker.query.as_str().trim()
            ),
        };
        put(
            buf,
            body,
            0,
            y,
            &truncate(&text, usize::from(body.width)),
            theme::dialog(),
        );
        if n == picker.selected {
            style_row(buf, body, y, theme::selected(true));
        }
    }
}

/// A dialog's keys on its last row, from the key table (not the ones that work
/// everywhere: the footer has those).
pub fn hints_row(buf: &mut Buffer, body: Rect, hints: &[&'static keys::Binding], lang: Lang) {
    let hints: Vec<String> = hints
        .iter()
        .filter(|b| !matches!(b.context, keys::Context::Everywhere))
        .map(|b| {
            format!(
                "{} {}",
                b.keys.first().map(|k| k.label()).unwrap_or_default(),
                key_names::action(b.action).get(lang)
            )
        })
        .collect();
    put(
        buf,
        body,
        0,
        body.height.saturating_sub(1),
        &hints.join("   "),
        theme::dim(),
    );
}

/// One input field: its label, its visible text, and where the cursor goes.
pub fn field(
    frame: &mut Frame,
    body: Rect,
    row: u16,
    label: &str,
    editor: &LineEditor,
    active: bool,
) -> Option<Position> {
    let buf = frame.buffer_mut();
    let label_style = if active {
        theme::border(true)
    } else {
        theme::dim()
    };
    let x = put(buf, body, 0, row, label, label_style);
    let columns = usize::from(body.width.saturating_sub(x + 1));
    let (shown, col) = editor.visible(columns);
    put(buf, body, x, row, &shown, theme::dialog());
    if active {
        style_row_from(buf, body, row, x, theme::selected(false));
    }
    (active && row < body.height && x + (col as u16) < body.width)
        .then(|| Position::new(body.x + x + col as u16, body.y + row))
}

/// Underlines the field from column `x` to the end of the row.
fn style_row_from(
    buf: &mut ratatui::buffer::Buffer,
    area: Rect,
    row: u16,
    x: u16,
    style: ratatui::style::Style,
) {
    if row < area.height && x < area.width {
        let rect = Rect::new(area.x + x, area.y + row, area.width - x, 1).intersection(buf.area);
        buf.set_style(rect, style);
    }
}

fn text_question(purpose: &TextPurpose) -> crate::i18n::Label {
    match purpose {
        TextPurpose::ObserverName => s::ASK_OBSERVER_NAME,
        TextPurpose::RepresentativeName { .. } => s::ASK_REPRESENTATIVE_NAME,
        TextPurpose::ExtemporeText => s::ASK_EXTEMPORE_TEXT,
        TextPurpose::ObjectionReason { .. } => s::ASK_REASON,
        TextPurpose::ConsentCount { .. } => s::ASK_VOTE_COUNTS,
        TextPurpose::DueDate { .. } => s::ASK_DUE,
        TextPurpose::FollowUpActionTaken { .. } => s::ASK_ACTION_TAKEN,
    }
}

pub fn pick_question(purpose: &PickPurpose) -> crate::i18n::Label {
    match purpose {
        PickPurpose::NoteSpeaker => s::ASK_NOTE_SPEAKER,
        PickPurpose::Objector { blocking: true, .. } => s::ASK_OBJECTOR,
        PickPurpose::Objector {
            blocking: false, ..
        } => s::ASK_RESERVER,
        PickPurpose::Proposer { .. } => s::ASK_PROPOSER,
        PickPurpose::ActionOwner { .. } => s::ASK_OWNER,
    }
}
