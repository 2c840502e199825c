//! The public's comments on the item in view (rules §4): the list over the screen, and
//! answering the selected one (its status, which Tab changes, and the response; what
//! was not taken up needs the reason, which the domain asks for).

use super::Effect;
use super::recording::record_from_dialog;
use crate::domain::{CommentId, EventKind, ResponseStatus, Text};
use crate::i18n::screen as s;
use crate::tui::facilitator::action::Action;
use crate::tui::facilitator::app::App;
use crate::tui::facilitator::dialog::{Dialog, TextPurpose};
use crate::tui::facilitator::panels::CommentsPanel;
use crate::tui::shared::line_editor::LineEditor;

pub(super) fn update(app: &mut App, action: Action) -> Vec<Effect> {
    match action {
        Action::ShowComments => {
            app.comments = match app.comments {
                Some(_) => None,
                None => {
                    let item = app
                        .item_in_view()
                        .and_then(|i| app.state().items.get(i))
                        .map(|i| i.item.id.clone());
                    Some(CommentsPanel { item, selected: 0 })
                }
            };
        }
        Action::AnswerComment => answer_selected(app),
        _ => {}
    }
    Vec::new()
}

/// The comment the list has selected.
pub(super) fn selected(app: &App) -> Option<&crate::domain::CommentState> {
    let panel = app.comments.as_ref()?;
    let shown = panel.shown(app.state());
    let at = *shown.get(panel.selected.min(shown.len().saturating_sub(1)))?;
    app.state().comments().get(at)
}

pub(super) fn move_selection(app: &mut App, delta: isize) {
    let len = match &app.comments {
        Some(panel) => panel.shown(app.state()).len(),
        None => return,
    };
    if let Some(panel) = &mut app.comments {
        panel.selected = panel
            .selected
            .saturating_add_signed(delta)
            .min(len.saturating_sub(1));
    }
}

fn answer_selected(app: &mut App) {
    let Some(comment) = selected(app) else {
        app.refuse(s::NO_COMMENT_SELECTED.get(app.lang));
        return;
    };
    let (status, response) = match &comment.answer {
        Some(answer) => (answer.status, answer.response.text.clone()),
        None => (ResponseStatus::TakenUp, String::new()),
    };
    let comment = comment.comment.id.clone();
    app.dialog = Some(response_dialog(
        comment,
        status,
        LineEditor::with_text(&response),
        app.lang,
    ));
}

pub(super) fn response_dialog(
    comment: CommentId,
    status: ResponseStatus,
    editor: LineEditor,
    lang: crate::domain::Lang,
) -> Dialog {
    Dialog::Text {
        purpose: TextPurpose::CommentResponse { comment, status },
        editor,
        question: Some(s::ask_response(status, lang)),
    }
}

/// Confirming the answer dialog records the answer; a refusal (a reason missing)
/// keeps the dialog and what was typed.
pub(super) fn answer(
    app: &mut App,
    comment: CommentId,
    status: ResponseStatus,
    text: &str,
) -> Vec<Effect> {
    let kind = EventKind::CommentAnswered {
        comment,
        status,
        response: Box::new(Text::new(text)),
    };
    record_from_dialog(app, kind)
}
