//! The public's comments on the facilitator's screen: the count in the agenda, the
//! list at a key, and answering one during the meeting (status by Tab, the reason
//! required when not taken up), undone like any change.

use super::*;
use crate::domain::{CommentId, ResponseStatus};

fn answer_of(app: &App, id: &str) -> Option<(ResponseStatus, String)> {
    let comment = app.state().comment(&CommentId::new(id)).expect("imported");
    comment
        .answer
        .as_ref()
        .map(|a| (a.status, a.response.text.clone()))
}

#[test]
fn the_agenda_counts_each_items_comments_and_c_lists_them() {
    let mut app = demo();
    let buffer = render(&app, 120, 40);
    let (x, y) = find(&buffer, "意見2").expect("a count beside the open-source item");
    assert_eq!(buffer[(x, y)].bg, Color::Yellow, "unanswered ones wait");
    select_item(&mut app, "discussion-open-source");
    ch(&mut app, 'C');
    let panel = app.comments.as_ref().expect("the list is open");
    let shown = panel.shown(app.state());
    assert_eq!(shown.len(), 2);
    assert_eq!(app.contexts()[0], Context::Comments);
    let screen = screen_text(&render(&app, 120, 40));
    assert!(
        screen.contains("陳小姐") && screen.contains("g0v 參與者"),
        "{screen}"
    );
    assert!(
        !screen.contains("林先生"),
        "another item's comment: {screen}"
    );
    // Esc closes it; F5 opens it from anywhere, even the notes line.
    press(&mut app, KeyCode::Esc);
    assert!(app.comments.is_none());
    app.focus = Panel::Notes;
    press(&mut app, KeyCode::F(5));
    assert!(app.comments.is_some());
    assert!(
        !app.accepts_text(),
        "letters are keys in the list, not note text"
    );
}

#[test]
fn a_comment_not_taken_up_is_answered_with_its_reason_during_the_meeting() {
    let mut app = demo();
    app.focus = Panel::Agenda;
    ch(&mut app, 'b');
    start_item(&mut app, "discussion-data-retention");
    app.focus = Panel::Agenda;
    ch(&mut app, 'C');
    press(&mut app, KeyCode::Enter);
    let Some(Dialog::Text { question, .. }) = &app.dialog else {
        panic!("the answer dialog");
    };
    assert!(question.as_deref().is_some_and(|q| q.contains("採納")));
    // Tab: partly taken up, then not taken up; without a reason it is refused.
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Enter);
    assert!(app.dialog.is_some(), "the dialog stays");
    assert_eq!(
        message_text(&app),
        crate::i18n::refusals::refusal(&crate::domain::DomainError::ReasonRequired, Lang::ZhTw)
    );
    assert_eq!(answer_of(&app, "join-88302"), None);
    type_text(&mut app, "法定保存期間須涵蓋爭訟期");
    press(&mut app, KeyCode::Enter);
    assert!(app.dialog.is_none());
    assert_eq!(
        answer_of(&app, "join-88302"),
        Some((
            ResponseStatus::NotTakenUp,
            "法定保存期間須涵蓋爭訟期".into()
        ))
    );
    // Answering again starts from the answer; undo takes the answer back.
    press(&mut app, KeyCode::Enter);
    let Some(Dialog::Text { editor, .. }) = &app.dialog else {
        panic!("the answer dialog");
    };
    assert_eq!(editor.as_str(), "法定保存期間須涵蓋爭訟期");
    press(&mut app, KeyCode::Esc);
    ctrl(&mut app, 'z');
    assert_eq!(answer_of(&app, "join-88302"), None);
}

#[test]
fn comments_list_at_120_by_40_in_chinese_and_80_by_24_in_english() {
    let mut app = demo();
    select_item(&mut app, "discussion-open-source");
    ch(&mut app, 'C');
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, "已納入");
    press(&mut app, KeyCode::Enter);
    app.message = None;
    insta::assert_snapshot!("comments_120x40_zh", screen_text(&render(&app, 120, 40)));
    app.lang = Lang::En;
    app.size = (80, 24);
    insta::assert_snapshot!("comments_80x24_en", screen_text(&render(&app, 80, 24)));
}
