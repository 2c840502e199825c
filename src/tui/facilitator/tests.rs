//! The facilitator's screen, tested as the meeting would use it: keys in, events and
//! screens out. Screens render into ratatui's `TestBackend`; colours are asserted
//! where they carry meaning, since snapshots hold only text.

use std::path::Path;

use chrono::{FixedOffset, TimeZone};
use crossterm::event::{
    KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};

use super::action::{Action, Panel};
use super::app::App;
use super::dialog::Dialog;
use super::keys::KEYS;
use super::layout;
use super::update::{Effect, Input, handle, update};
use super::view;
use crate::domain::{
    Ballot, Category, EventKind, Lang, Meeting, Member, Observer, Outcome, PersonId, Presence,
    Representative, SeatRole, Session, Speaker, Stage, Stamp, Tally, Text,
};
use crate::i18n::screen as s;
use crate::tui::screen_text;
use crate::tui::shared::action::Common;
use crate::tui::shared::keys::{Context, Named, Shown};
use crate::tui::shared::message::MessageKind;

// ---- helpers -------------------------------------------------------------------------

fn at(h: u32, m: u32, s: u32) -> Stamp {
    FixedOffset::east_opt(8 * 3600)
        .expect("UTC+8")
        .with_ymd_and_hms(2026, 12, 3, h, m, s)
        .single()
        .expect("a valid time")
}

fn demo_meeting() -> Meeting {
    crate::store::load(Path::new("sessions/demo.ron")).expect("the demo session loads")
}

fn demo() -> App {
    App::new(demo_meeting(), at(14, 0, 0))
}

fn key_event(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
    KeyEvent::new_with_kind(code, modifiers, KeyEventKind::Press)
}

fn press(app: &mut App, code: KeyCode) -> Vec<Effect> {
    handle(app, Input::Key(key_event(code, KeyModifiers::NONE)))
}

fn ch(app: &mut App, c: char) -> Vec<Effect> {
    press(app, KeyCode::Char(c))
}

fn ctrl(app: &mut App, c: char) -> Vec<Effect> {
    handle(
        app,
        Input::Key(key_event(KeyCode::Char(c), KeyModifiers::CONTROL)),
    )
}

/// Types text as an input method delivers it: one key event per character.
fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        ch(app, c);
    }
}

fn person(app: &App, id: &str) -> usize {
    app.state()
        .person_index(&PersonId::new(id))
        .expect("on the roster")
}

/// Selects a person in the attendance panel and toggles them, as Space does.
fn toggle(app: &mut App, id: &str) -> Vec<Effect> {
    let i = person(app, id);
    app.focus = Panel::Attendance;
    app.attendance.select_person(i);
    ch(app, ' ')
}

const DEMO_MEMBERS: [&str; 14] = [
    "cec-deputy",
    "cec-planning",
    "moi-household",
    "moica",
    "moda-digital-gov",
    "ndc-social",
    "nics",
    "civic-participation",
    "open-culture",
    "digital-rights",
    "digital-id-industry",
    "prof-direct-democracy",
    "prof-security",
    "prof-open-gov",
];

/// Ten members in the room, five a side.
fn ten_present(app: &mut App) {
    for id in DEMO_MEMBERS[..5].iter().chain(&DEMO_MEMBERS[7..12]) {
        toggle(app, id);
    }
    assert_eq!(app.state().present_members().total(), 10);
}

fn select_item(app: &mut App, id: &str) {
    let i = app
        .state()
        .item_position(&crate::domain::ItemId::new(id))
        .expect("on the agenda");
    app.focus = Panel::Agenda;
    app.agenda.select_item(i);
}

fn start_item(app: &mut App, id: &str) {
    select_item(app, id);
    press(app, KeyCode::Enter);
    assert_eq!(
        app.state().current_item().map(|i| i.item.id.0.as_str()),
        Some(id)
    );
}

fn open_source(app: &App) -> &crate::domain::MotionState {
    app.state()
        .motion(&crate::domain::MotionId::new("open-source"))
        .expect("the demo's motion")
}

fn render(app: &App, w: u16, h: u16) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("a test terminal");
    terminal
        .draw(|frame| view::draw(app, frame))
        .expect("drawing never fails on a test backend");
    terminal.backend().buffer().clone()
}

/// The cell position where `needle` starts on screen, counting columns.
fn find(buffer: &Buffer, needle: &str) -> Option<(u16, u16)> {
    let area = buffer.area;
    for y in area.top()..area.bottom() {
        // Row text with, for each char, the column it starts at.
        let mut row = String::new();
        let mut columns = Vec::new();
        let mut skip = 0;
        for x in area.left()..area.right() {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let symbol = buffer[(x, y)].symbol();
            for c in symbol.chars() {
                row.push(c);
                columns.push(x);
            }
            skip = crate::tui::shared::text::width(symbol).saturating_sub(1);
        }
        if let Some(byte) = row.find(needle) {
            let index = row[..byte].chars().count();
            return Some((columns[index], y));
        }
    }
    None
}

fn the_motion_through_failed_consensus(app: &mut App) {
    ten_present(app);
    start_item(app, "discussion-open-source");
    app.focus = Panel::Motion;
    ch(app, 'c');
    assert_eq!(open_source(app).stage, Stage::ConsensusRound);
    // An objection: pick the speaker by typing part of the name, then the reason.
    ch(app, 'o');
    type_text(app, "鄭凱");
    press(app, KeyCode::Enter);
    type_text(app, "原始碼公開時程太趕");
    press(app, KeyCode::Enter);
    // A reservation that does not block.
    ch(app, 'r');
    type_text(app, "許雅");
    press(app, KeyCode::Enter);
    type_text(app, "授權條款待確認");
    press(app, KeyCode::Enter);
    ch(app, 'e');
    assert_eq!(open_source(app).stage, Stage::ConsensusFailed);
}

// ---- update: the motion procedure ----------------------------------------------------

#[test]
fn a_motion_goes_through_failed_consensus_consent_and_a_vote_from_the_keyboard() {
    let mut app = demo();
    the_motion_through_failed_consensus(&mut app);
    let m = open_source(&app);
    let objections: Vec<_> = m.current_objections().collect();
    assert_eq!(objections.len(), 2);
    assert_eq!(
        objections[0].speaker,
        Speaker::Person(PersonId::new("digital-rights"))
    );
    assert_eq!(objections[0].reason.text, "原始碼公開時程太趕");
    assert!(objections[0].blocking);
    assert!(!objections[1].blocking);

    // 10 present: 6 agree to vote → the vote opens.
    ch(&mut app, 'a');
    type_text(&mut app, "6");
    press(&mut app, KeyCode::Enter);
    assert_eq!(open_source(&app).stage, Stage::Voting);
    assert!(app.dialog.is_none());

    // 6 yes, 3 no, 1 abstain: half or more of 10 → adopted.
    ch(&mut app, 'v');
    type_text(&mut app, "6");
    press(&mut app, KeyCode::Tab);
    type_text(&mut app, "3");
    press(&mut app, KeyCode::Tab);
    type_text(&mut app, "1");
    let effects = press(&mut app, KeyCode::Enter);
    assert_eq!(
        open_source(&app).stage,
        Stage::Closed(Outcome::AdoptedByVote)
    );
    let Some(Effect::Save(event)) = effects.first() else {
        panic!("the vote is handed to the saver: {effects:?}");
    };
    assert_eq!(
        event.kind,
        EventKind::VoteTaken {
            motion: crate::domain::MotionId::new("open-source"),
            tally: Tally::Counts {
                yes: 6,
                no: 3,
                abstain: 1
            }
        }
    );
}

#[test]
fn five_of_ten_agreeing_does_not_put_it_to_a_vote() {
    let mut app = demo();
    the_motion_through_failed_consensus(&mut app);
    ch(&mut app, 'a');
    type_text(&mut app, "5");
    press(&mut app, KeyCode::Enter);
    assert_eq!(open_source(&app).stage, Stage::NotPutToVote);
    // Voting is refused with a reason, and no dialog opens.
    ch(&mut app, 'v');
    assert!(app.dialog.is_none());
    assert_eq!(
        app.message.as_ref().map(|m| m.kind),
        Some(MessageKind::Refused)
    );
}

#[test]
fn votes_exceeding_the_members_present_are_refused_and_change_nothing() {
    let mut app = demo();
    the_motion_through_failed_consensus(&mut app);
    ch(&mut app, 'a');
    type_text(&mut app, "7");
    press(&mut app, KeyCode::Enter);
    let log_before = app.meeting.session().log.len();
    let state_before = app.state().clone();

    ch(&mut app, 'v');
    type_text(&mut app, "8");
    press(&mut app, KeyCode::Tab);
    type_text(&mut app, "4");
    let effects = press(&mut app, KeyCode::Enter);

    assert!(effects.is_empty(), "nothing to save: {effects:?}");
    assert_eq!(app.meeting.session().log.len(), log_before);
    assert_eq!(app.state(), &state_before);
    let message = app.message.clone().expect("the refusal is shown");
    assert_eq!(message.kind, MessageKind::Refused);
    assert!(
        message.text.contains("贊成 8 + 反對 4") && message.text.contains("只有 10 人"),
        "{}",
        message.text
    );
    // The dialog stays open with what was typed, to be corrected.
    let Some(Dialog::Counts(form)) = &app.dialog else {
        panic!("the counts dialog stays open");
    };
    assert_eq!(form.fields[0].as_str(), "8");
    // And the refusal is on screen, in the alert colour.
    let screen = render(&app, 120, 40);
    let (x, y) = find(&screen, "贊成 8 + 反對 4").expect("the message is on screen");
    assert_eq!(screen[(x, y)].bg, Color::Red);
}

#[test]
fn agreeing_more_than_are_present_is_refused_with_the_domains_message_in_english() {
    let mut app = demo();
    app.lang = Lang::En;
    the_motion_through_failed_consensus(&mut app);
    ch(&mut app, 'a');
    type_text(&mut app, "11");
    press(&mut app, KeyCode::Enter);
    assert_eq!(open_source(&app).stage, Stage::ConsensusFailed);
    let message = app.message.clone().expect("a refusal");
    assert_eq!(message.text, "11 agree, but only 10 members are present");
}

#[test]
fn an_even_split_waits_for_the_chair_who_rules() {
    let mut app = demo();
    the_motion_through_failed_consensus(&mut app);
    ch(&mut app, 'a');
    type_text(&mut app, "8");
    press(&mut app, KeyCode::Enter);
    ch(&mut app, 'v');
    type_text(&mut app, "5");
    press(&mut app, KeyCode::Tab);
    type_text(&mut app, "5");
    press(&mut app, KeyCode::Enter);
    assert_eq!(open_source(&app).stage, Stage::AwaitingChair);
    let screen = screen_text(&render(&app, 120, 40));
    assert!(screen.contains("可否同數，取決於主席"), "{screen}");
    ch(&mut app, 'h');
    ch(&mut app, 'y');
    assert_eq!(
        open_source(&app).stage,
        Stage::Closed(Outcome::AdoptedByChair)
    );
}

#[test]
fn a_roll_call_records_each_member_present_by_name() {
    let mut app = demo();
    the_motion_through_failed_consensus(&mut app);
    ch(&mut app, 'a');
    type_text(&mut app, "9");
    press(&mut app, KeyCode::Enter);
    ch(&mut app, 'n');
    let Some(Dialog::RollCall(roll)) = &app.dialog else {
        panic!("the roll call opens");
    };
    assert_eq!(roll.rows.len(), 10, "one row per member present");
    for ballot in "yyyyynnnna".chars() {
        ch(&mut app, ballot);
    }
    press(&mut app, KeyCode::Enter);
    let m = open_source(&app);
    assert_eq!(m.stage, Stage::Closed(Outcome::AdoptedByVote));
    let Some(vote) = &m.vote else {
        panic!("a vote record")
    };
    assert_eq!(vote.tally.counts(), (5, 4, 1));
    let first = PersonId::new("cec-deputy");
    assert_eq!(
        crate::domain::State::ballot_of(&vote.tally, &first),
        Some(Ballot::Yes)
    );
}

#[test]
fn consensus_with_only_reservations_adopts_and_the_banner_is_green() {
    let mut app = demo();
    ten_present(&mut app);
    start_item(&mut app, "discussion-open-source");
    app.focus = Panel::Motion;
    ch(&mut app, 'c');
    ch(&mut app, 'r');
    type_text(&mut app, "楊惠");
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Enter); // no reason given
    ch(&mut app, 'e');
    assert_eq!(
        open_source(&app).stage,
        Stage::Closed(Outcome::AdoptedByConsensus)
    );
    let screen = render(&app, 120, 40);
    let (x, y) = find(&screen, "共 識 通 過").expect("the outcome in large type");
    assert_eq!(screen[(x, y)].bg, Color::Green);
    assert!(screen[(x, y)].modifier.contains(Modifier::BOLD));
    // The band is three rows tall: the row above is green too.
    assert_eq!(screen[(x, y - 1)].bg, Color::Green);
}

#[test]
fn a_failed_vote_shows_not_adopted_in_red() {
    let mut app = demo();
    the_motion_through_failed_consensus(&mut app);
    ch(&mut app, 'a');
    type_text(&mut app, "6");
    press(&mut app, KeyCode::Enter);
    ch(&mut app, 'v');
    type_text(&mut app, "4");
    press(&mut app, KeyCode::Tab);
    type_text(&mut app, "3");
    press(&mut app, KeyCode::Tab);
    type_text(&mut app, "3");
    press(&mut app, KeyCode::Enter);
    assert_eq!(open_source(&app).stage, Stage::Closed(Outcome::NotAdopted));
    let screen = render(&app, 120, 40);
    let (x, y) = find(&screen, "未 通 過").expect("the outcome banner");
    assert_eq!(screen[(x, y)].bg, Color::Red);
    // The counts are held against the threshold, in words.
    let text = screen_text(&screen);
    assert!(
        text.contains("贊成 4 / 需 5（出席 10 人二分之一以上）"),
        "{text}"
    );
    let (x, y) = find(&screen, "贊成 4 / 需 5").expect("the count line");
    assert_eq!(screen[(x, y)].bg, Color::Red);
}

#[test]
fn deferring_and_withdrawing_close_an_open_motion() {
    let mut app = demo();
    the_motion_through_failed_consensus(&mut app);
    ch(&mut app, 'd');
    assert_eq!(open_source(&app).stage, Stage::Closed(Outcome::Deferred));
    ch(&mut app, 'u');
    assert_eq!(open_source(&app).stage, Stage::ConsensusFailed);
    ch(&mut app, 'w');
    assert_eq!(open_source(&app).stage, Stage::Closed(Outcome::Withdrawn));
}

#[test]
fn an_observer_cannot_block_and_is_told_to_record_a_reservation() {
    let mut app = demo();
    ten_present(&mut app);
    toggle(&mut app, "public-reporter");
    start_item(&mut app, "discussion-open-source");
    app.focus = Panel::Motion;
    ch(&mut app, 'c');
    ch(&mut app, 'o');
    type_text(&mut app, "林曉薇");
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, "反對");
    press(&mut app, KeyCode::Enter);
    assert_eq!(open_source(&app).objections.len(), 0);
    let message = app.message.clone().expect("a refusal");
    assert!(message.text.contains("保留意見"), "{}", message.text);
}

// ---- update: attendance, agenda, undo --------------------------------------------------

#[test]
fn arriving_leaving_and_coming_back_and_undo_takes_it_back() {
    let mut app = demo();
    let i = person(&app, "open-culture");
    let effects = toggle(&mut app, "open-culture");
    assert_eq!(effects.len(), 1, "one event to save");
    assert_eq!(app.state().presence(i), Presence::Present);
    toggle(&mut app, "open-culture");
    assert_eq!(app.state().presence(i), Presence::Left);
    toggle(&mut app, "open-culture");
    assert_eq!(app.state().presence(i), Presence::Present);
    assert_eq!(app.state().stints(i).len(), 2);

    // One key undoes the mistake, and the record keeps the retraction.
    let effects = ch(&mut app, 'u');
    assert_eq!(app.state().presence(i), Presence::Left);
    let Some(Effect::Save(event)) = effects.first() else {
        panic!("the retraction is saved");
    };
    assert!(matches!(event.kind, EventKind::Retracted { .. }));
    let message = app.message.clone().expect("says what was undone");
    assert_eq!(message.text, "已復原：許雅雯 到場");
    // Redo reinstates it.
    ch(&mut app, 'U');
    assert_eq!(app.state().presence(i), Presence::Present);
}

#[test]
fn undo_works_while_typing_a_note_with_ctrl_z() {
    let mut app = demo();
    toggle(&mut app, "open-culture");
    app.focus = Panel::Notes;
    type_text(&mut app, "u");
    assert_eq!(
        app.notes.editor.input.as_str(),
        "u",
        "u is text in the notes line"
    );
    ctrl(&mut app, 'z');
    let i = person(&app, "open-culture");
    assert_eq!(app.state().presence(i), Presence::Absent);
}

#[test]
fn excusing_a_member_and_refusing_to_excuse_someone_present() {
    let mut app = demo();
    let i = person(&app, "prof-security");
    app.attendance.select_person(i);
    ch(&mut app, 'e');
    assert_eq!(app.state().presence(i), Presence::Excused);
    toggle(&mut app, "prof-security");
    ch(&mut app, 'e');
    assert_eq!(app.state().presence(i), Presence::Present);
    assert_eq!(
        app.message.as_ref().map(|m| m.text.as_str()),
        Some("楊惠婷 在場，不能請假")
    );
}

#[test]
fn an_observer_walking_in_is_added_and_arrives() {
    let mut app = demo();
    ch(&mut app, 'o');
    type_text(&mut app, "王大明");
    let effects = press(&mut app, KeyCode::Enter);
    assert_eq!(effects.len(), 2, "added, then arrived");
    let p = app
        .state()
        .people
        .iter()
        .position(|p| p.name.text == "王大明")
        .expect("on the roster now");
    assert_eq!(app.state().presence(p), Presence::Present);
    assert_eq!(app.attendance.selected_person(), Some(p));
    // Observers never count.
    assert_eq!(app.state().present_members().total(), 0);
}

#[test]
fn the_meeting_starts_items_run_and_it_adjourns() {
    let mut app = demo();
    app.focus = Panel::Agenda;
    ch(&mut app, 'b');
    assert_eq!(app.state().started, Some(at(14, 0, 0)));
    start_item(&mut app, "previous-minutes");
    app.now = at(14, 7, 0);
    ch(&mut app, 'e');
    assert!(app.state().current_item.is_none());
    let item = app
        .state()
        .item(&crate::domain::ItemId::new("previous-minutes"))
        .expect("an item");
    assert_eq!(item.ended, Some(at(14, 7, 0)));
    ch(&mut app, 'A');
    assert!(app.state().adjourned.is_some());
    // After adjournment, starting an item is refused.
    select_item(&mut app, "follow-up");
    press(&mut app, KeyCode::Enter);
    assert_eq!(
        app.message.as_ref().map(|m| m.text.as_str()),
        Some("會議已散會")
    );
}

#[test]
fn an_extempore_motion_becomes_its_own_item_with_its_motion() {
    let mut app = demo();
    app.focus = Panel::Agenda;
    ch(&mut app, 'x');
    type_text(&mut app, "請中選會於下次會議報告無障礙檢測結果");
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, "周明");
    let effects = press(&mut app, KeyCode::Enter);
    assert_eq!(effects.len(), 2, "item added, motion added");
    let state = app.state();
    let item = state
        .items
        .iter()
        .find(|i| i.item.title.text.starts_with("請中選會"))
        .expect("the new item");
    assert_eq!(item.item.section, crate::domain::Section::Extempore);
    let motion = state.motions_of(&item.item.id).next().expect("its motion");
    assert_eq!(
        motion.motion.proposer,
        Some(Speaker::Person(PersonId::new("civic-participation")))
    );
    // It is selected in the agenda, ready to start.
    let selected = app.agenda.selected_item().map(|i| &state.items[i].item.id);
    assert_eq!(selected, Some(&item.item.id));
}

// ---- update: notes -----------------------------------------------------------------------

#[test]
fn a_note_is_typed_in_chinese_with_a_speaker_picked_by_part_of_the_name() {
    let mut app = demo();
    toggle(&mut app, "prof-open-gov");
    start_item(&mut app, "report-system-progress");
    ch(&mut app, '4');
    assert_eq!(app.focus, Panel::Notes);
    ctrl(&mut app, 'p');
    type_text(&mut app, "蔡");
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, "建議公開測試報告。");
    let effects = press(&mut app, KeyCode::Enter);
    assert_eq!(effects.len(), 1);
    let entry = app.state().notes.last().expect("a note");
    assert_eq!(entry.note.text.text, "建議公開測試報告。");
    assert_eq!(
        entry.note.speaker,
        Some(Speaker::Person(PersonId::new("prof-open-gov")))
    );
    assert_eq!(
        entry.note.item.as_ref().map(|i| i.0.as_str()),
        Some("report-system-progress")
    );
    assert!(
        app.notes.editor.input.is_empty(),
        "the line is cleared once recorded"
    );
    let screen = screen_text(&render(&app, 120, 40));
    assert!(screen.contains("蔡孟儒：建議公開測試報告。"), "{screen}");
}

#[test]
fn a_free_text_speaker_paste_english_and_quick_narratives() {
    let mut app = demo();
    start_item(&mut app, "follow-up");
    ch(&mut app, '4');
    ctrl(&mut app, 'p');
    type_text(&mut app, "台下民眾");
    // Not on the roster: the last row offers the typed name.
    let Some(Dialog::Picker(picker)) = &app.dialog else {
        panic!("the picker");
    };
    let last = picker.rows.len() - 1;
    app.dialog = app.dialog.take().map(|p| match p {
        Dialog::Picker(mut picker) => {
            picker.selected = last;
            Dialog::Picker(picker)
        }
        other => other,
    });
    press(&mut app, KeyCode::Enter);
    assert_eq!(
        app.notes.editor.speaker,
        Some(Speaker::Named("台下民眾".into()))
    );
    handle(&mut app, Input::Paste("第一段\n第二段".into()));
    ctrl(&mut app, 'e');
    type_text(&mut app, "Two paragraphs");
    press(&mut app, KeyCode::Enter);
    let entry = app.state().notes.last().expect("a note");
    assert_eq!(
        entry.note.text,
        Text::bilingual("第一段 第二段", "Two paragraphs")
    );

    ctrl(&mut app, 'n');
    let entry = app.state().notes.last().expect("a narrative");
    assert_eq!(entry.note.text.text, "（與會者皆無意見）");
    assert_eq!(entry.note.kind, crate::domain::NoteKind::Narrative);
    ctrl(&mut app, 't');
    assert_eq!(
        app.state().notes.last().map(|n| n.note.text.text.as_str()),
        Some("（點頭）")
    );
}

#[test]
fn an_action_item_asks_for_its_owner_and_due_date() {
    let mut app = demo();
    start_item(&mut app, "follow-up");
    ch(&mut app, '4');
    ctrl(&mut app, 'k');
    ctrl(&mut app, 'k');
    type_text(&mut app, "完成無障礙檢測");
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, "林志豪");
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, "2027-03-31x");
    press(&mut app, KeyCode::Enter);
    assert!(app.state().notes.is_empty(), "a bad date is refused");
    press(&mut app, KeyCode::Backspace);
    press(&mut app, KeyCode::Enter);
    let entry = app.state().notes.last().expect("the action item");
    assert_eq!(
        entry.note.kind,
        crate::domain::NoteKind::Action {
            owner: Some(Speaker::Person(PersonId::new("cec-planning"))),
            due: chrono::NaiveDate::from_ymd_opt(2027, 3, 31),
        }
    );
}

#[test]
fn letters_are_text_in_the_notes_line_and_ctrl_c_quits_everywhere() {
    let mut app = demo();
    ch(&mut app, '4');
    type_text(&mut app, "q?l");
    assert_eq!(app.notes.editor.input.as_str(), "q?l");
    assert_eq!(app.lang, Lang::ZhTw);
    // A typed note not yet sent: the first quit warns, the second leaves.
    assert!(ctrl(&mut app, 'c').is_empty());
    assert!(
        app.message
            .as_ref()
            .is_some_and(|m| m.text.contains("未送出"))
    );
    assert_eq!(ctrl(&mut app, 'c'), vec![Effect::Quit]);
    press(&mut app, KeyCode::Esc);
    assert_ne!(app.focus, Panel::Notes, "Esc leaves the input line");
    assert_eq!(ch(&mut app, 'q'), vec![Effect::Quit]);
}

#[test]
fn the_language_key_switches_the_whole_interface() {
    let mut app = demo();
    ch(&mut app, 'l');
    assert_eq!(app.lang, Lang::En);
    let screen = screen_text(&render(&app, 120, 40));
    assert!(screen.contains("Attendance"));
    assert!(screen.contains("Chen Yi-chun"));
    assert!(screen.contains("saved ✓"));
    ch(&mut app, 'l');
    let screen = screen_text(&render(&app, 120, 40));
    assert!(screen.contains("出席"));
    assert!(screen.contains("陳怡君"));
    assert!(screen.contains("已儲存 ✓"));
}

// ---- save status -----------------------------------------------------------------------

#[test]
fn saved_shows_only_once_the_saver_reports_the_last_event_on_disk() {
    let mut app = demo();
    let screen = screen_text(&render(&app, 120, 40));
    assert!(screen.contains("已儲存 ✓"), "nothing changed since opening");
    toggle(&mut app, "cec-deputy");
    toggle(&mut app, "cec-planning");
    let last = app.save.recorded.expect("recorded");
    let screen = screen_text(&render(&app, 120, 40));
    assert!(
        screen.contains("儲存中…") && !screen.contains("已儲存"),
        "{screen}"
    );
    handle(
        &mut app,
        Input::Saved(crate::store::SaveReport::Saved {
            through: crate::domain::Seq(last.0 - 1),
        }),
    );
    assert!(screen_text(&render(&app, 120, 40)).contains("儲存中…"));
    handle(
        &mut app,
        Input::Saved(crate::store::SaveReport::Failed {
            error: crate::store::SaveError::Write {
                path: "meeting.ron".into(),
                kind: std::io::ErrorKind::StorageFull,
                message: "disk full".into(),
            },
        }),
    );
    let buffer = render(&app, 120, 40);
    let (x, y) = find(&buffer, "儲存失敗").expect("the failure is shown");
    assert_eq!(buffer[(x, y)].bg, Color::Red);
    assert!(screen_text(&buffer).contains("disk full"));
    handle(
        &mut app,
        Input::Saved(crate::store::SaveReport::Saved { through: last }),
    );
    assert!(screen_text(&render(&app, 120, 40)).contains("已儲存 ✓"));
}

// ---- mouse -----------------------------------------------------------------------------

fn click(app: &mut App, column: u16, row: u16) -> Vec<Effect> {
    handle(
        app,
        Input::Mouse(MouseEvent {
            kind: MouseEventKind::Down(MouseButton::Left),
            column,
            row,
            modifiers: KeyModifiers::NONE,
        }),
    )
}

#[test]
fn clicking_an_attendance_row_selects_it_and_clicking_its_mark_toggles() {
    let mut app = demo();
    app.focus = Panel::Notes;
    let buffer = render(&app, 120, 40);
    let (x, y) = find(&buffer, "許雅雯").expect("on screen");
    assert!(
        click(&mut app, x, y).is_empty(),
        "a name click only selects"
    );
    assert_eq!(app.focus, Panel::Attendance);
    let i = person(&app, "open-culture");
    assert_eq!(app.attendance.selected_person(), Some(i));
    let list = layout::attendance_list(app.areas().expect("big enough").attendance);
    let effects = click(&mut app, list.x + 1, y);
    assert_eq!(effects.len(), 1);
    assert_eq!(app.state().presence(i), Presence::Present);
}

#[test]
fn clicking_an_agenda_row_selects_it_and_the_wheel_scrolls() {
    let mut app = demo();
    let buffer = render(&app, 120, 40);
    let (x, y) = find(&buffer, "行動身分識別").expect("on screen");
    click(&mut app, x, y);
    assert_eq!(app.focus, Panel::Agenda);
    let selected = app
        .agenda
        .selected_item()
        .map(|i| app.state().items[i].item.id.0.clone());
    assert_eq!(selected.as_deref(), Some("report-identity"));
    let before = app.agenda.list.selected;
    handle(
        &mut app,
        Input::Mouse(MouseEvent {
            kind: MouseEventKind::ScrollDown,
            column: x,
            row: y,
            modifiers: KeyModifiers::NONE,
        }),
    );
    assert!(app.agenda.list.selected > before);
}

// ---- the key table, the footer and the help ------------------------------------------

#[test]
fn every_binding_of_the_key_table_is_in_the_help_overlay() {
    for lang in [Lang::ZhTw, Lang::En] {
        let help: Vec<String> = view::help::help_lines(lang)
            .into_iter()
            .map(|(t, _)| t)
            .collect();
        for binding in KEYS.rows() {
            let keys = binding.keys_label();
            let label = binding.action.name().get(lang);
            assert!(
                help.iter()
                    .any(|line| line.contains(&keys) && line.contains(label)),
                "{keys} {label} ({:?}) is missing from the help",
                binding.context
            );
        }
    }
}

#[test]
fn every_hinted_binding_is_offered_by_the_footer_of_its_context() {
    for binding in KEYS.rows().iter().filter(|b| b.shown == Shown::Footer) {
        let hints = KEYS.hints(&[binding.context]);
        assert!(
            hints.iter().any(|h| h.action == binding.action),
            "{:?} is not in the footer of {:?}",
            binding.action,
            binding.context
        );
    }
}

#[test]
fn the_footer_offers_what_the_motions_stage_allows() {
    let mut app = demo();
    ten_present(&mut app);
    start_item(&mut app, "discussion-open-source");
    app.focus = Panel::Motion;
    let offered =
        |app: &App| -> Vec<Action> { view::footer_hints(app).iter().map(|b| b.action).collect() };
    let proposed = offered(&app);
    assert!(proposed.contains(&Action::OpenConsensusRound));
    assert!(!proposed.contains(&Action::VoteByCounts));
    assert!(
        proposed.contains(&Action::Common(Common::Quit)),
        "quit is always offered"
    );
    ch(&mut app, 'c');
    let round = offered(&app);
    assert!(round.contains(&Action::RecordObjection));
    assert!(round.contains(&Action::CloseConsensusRound));
    assert!(!round.contains(&Action::OpenConsensusRound));
    // And what the footer offers is what the screen shows.
    let screen = screen_text(&render(&app, 120, 40));
    let footer = screen.lines().last().expect("a footer row");
    assert!(
        footer.contains("異議") && footer.contains("結束徵詢"),
        "{footer}"
    );
    assert!(footer.contains("離開"), "{footer}");
}

#[test]
fn the_help_overlay_opens_scrolls_and_closes_without_quitting() {
    let mut app = demo();
    ch(&mut app, '?');
    assert!(app.help.is_some());
    press(&mut app, KeyCode::Down);
    assert_eq!(app.help, Some(1));
    assert!(
        ch(&mut app, 'q').is_empty(),
        "q closes the help, it does not quit"
    );
    assert!(app.help.is_none());
}

#[test]
fn tab_and_number_keys_move_the_focus() {
    let mut app = demo();
    press(&mut app, KeyCode::Tab);
    assert_eq!(app.focus, Panel::Agenda);
    handle(
        &mut app,
        Input::Key(key_event(KeyCode::BackTab, KeyModifiers::SHIFT)),
    );
    assert_eq!(app.focus, Panel::Attendance);
    ch(&mut app, '3');
    assert_eq!(app.focus, Panel::Motion);
    assert_eq!(app.contexts()[0], Context::Motion);
}

// ---- screens ---------------------------------------------------------------------------

/// A meeting under way, for the screenshots: arrivals, an item, a motion in its
/// consensus round with an objection, notes.
fn meeting_under_way() -> App {
    let mut app = demo();
    app.focus = Panel::Agenda;
    ch(&mut app, 'b');
    for id in DEMO_MEMBERS[..6].iter().chain(&DEMO_MEMBERS[7..14]) {
        toggle(&mut app, id);
    }
    toggle(&mut app, "ey-office");
    let nics = person(&app, "nics");
    app.attendance.select_person(nics);
    ch(&mut app, 'e');
    app.now = at(14, 3, 0);
    start_item(&mut app, "discussion-open-source");
    app.focus = Panel::Motion;
    ch(&mut app, 'c');
    ch(&mut app, 'o');
    type_text(&mut app, "鄭凱");
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, "時程太趕");
    press(&mut app, KeyCode::Enter);
    ch(&mut app, '4');
    ctrl(&mut app, 'p');
    type_text(&mut app, "周明");
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, "建議上線前三個月公開原始碼。");
    press(&mut app, KeyCode::Enter);
    ctrl(&mut app, 'n');
    app.now = at(14, 31, 5);
    app.save.saved = app.save.recorded;
    app
}

#[test]
fn screen_at_120_by_40_in_chinese() {
    let app = meeting_under_way();
    insta::assert_snapshot!(screen_text(&render(&app, 120, 40)));
}

#[test]
fn screen_at_120_by_40_in_english() {
    let mut app = meeting_under_way();
    app.lang = Lang::En;
    insta::assert_snapshot!(screen_text(&render(&app, 120, 40)));
}

#[test]
fn screen_at_80_by_24_in_chinese() {
    let mut app = meeting_under_way();
    app.size = (80, 24);
    insta::assert_snapshot!(screen_text(&render(&app, 80, 24)));
}

#[test]
fn screen_at_80_by_24_in_english() {
    let mut app = meeting_under_way();
    app.lang = Lang::En;
    app.size = (80, 24);
    insta::assert_snapshot!(screen_text(&render(&app, 80, 24)));
}

#[test]
fn help_overlay_at_120_by_40() {
    let mut app = meeting_under_way();
    // The notes line has the keyboard, so ? is text there; F1 opens the help anywhere.
    ch(&mut app, '?');
    assert!(app.help.is_none());
    press(&mut app, KeyCode::Backspace);
    press(&mut app, KeyCode::F(1));
    assert!(app.help.is_some());
    insta::assert_snapshot!(screen_text(&render(&app, 120, 40)));
}

#[test]
fn help_overlay_at_80_by_24_in_english() {
    let mut app = meeting_under_way();
    app.lang = Lang::En;
    app.focus = Panel::Agenda;
    ch(&mut app, '?');
    insta::assert_snapshot!(screen_text(&render(&app, 80, 24)));
}

#[test]
fn a_too_small_terminal_says_so_with_both_sizes() {
    let app = demo();
    let screen = screen_text(&render(&app, 79, 23));
    assert!(screen.contains("視窗太小"), "{screen}");
    assert!(screen.contains("目前 79×23，至少需要 80×24"), "{screen}");
    insta::assert_snapshot!(screen);
}

#[test]
fn tiny_terminals_never_panic_whatever_is_open() {
    let mut app = meeting_under_way();
    for setup in 0..4 {
        match setup {
            1 => {
                ch(&mut app, '?');
            }
            2 => {
                ch(&mut app, '?');
                app.focus = Panel::Attendance;
                ch(&mut app, 'o');
            }
            3 => app.lang = Lang::En,
            _ => {}
        }
        for (w, h) in [
            (1, 1),
            (10, 5),
            (79, 23),
            (80, 24),
            (0, 0),
            (200, 3),
            (3, 200),
        ] {
            let buffer = render(&app, w, h);
            if w > 0 && h > 0 && (w < 80 || h < 24) {
                assert!(!screen_text(&buffer).trim().is_empty() || w * h < 4);
            }
        }
    }
}

#[test]
fn a_dialog_over_the_screen_at_80_by_24() {
    let mut app = meeting_under_way();
    app.size = (80, 24);
    app.focus = Panel::Motion;
    ch(&mut app, 'o');
    type_text(&mut app, "王");
    insta::assert_snapshot!(screen_text(&render(&app, 80, 24)));
}

// ---- CJK alignment -------------------------------------------------------------------

/// A small forum whose names mix two-column Chinese and one-column Latin letters.
fn mixed_names() -> App {
    let mut session = Session::new(Text::new("混合名單測試"), at(9, 0, 0).date_naive());
    let member = |id: &str, name: &str, org: &str, category| Member {
        id: PersonId::new(id),
        name: Text::new(name),
        title: Text::default(),
        organisation: Text::new(org),
        category,
        seat: SeatRole::Member,
    };
    session.roster.members = vec![
        member("a", "陳怡君", "ORG-A", Category::LeadAgency),
        member("b", "Alice Wu", "ORG-B", Category::CoOrganisingAgency),
        member("c", "歐陽", "ORG-C", Category::CivicGroup),
        member("d", "Bo", "ORG-D", Category::IssueExpert),
        member(
            "e",
            "A very long name that is cut",
            "ORG-E",
            Category::OpenGovExpert,
        ),
    ];
    session.roster.representatives = vec![Representative {
        id: PersonId::new("a-rep"),
        for_member: PersonId::new("a"),
        name: Text::new("李代表"),
        title: Text::default(),
    }];
    session.roster.observers = vec![Observer {
        id: PersonId::new("o"),
        name: Text::new("觀察員甲"),
        title: Text::default(),
        organisation: Text::new("ORG-O"),
    }];
    App::new(
        Meeting::open(session).expect("a valid session"),
        at(9, 0, 0),
    )
}

#[test]
fn a_two_column_name_does_not_push_the_next_column_out_of_line() {
    let mut app = mixed_names();
    toggle(&mut app, "a");
    toggle(&mut app, "c");
    for (w, h) in [(80, 24), (120, 40)] {
        let buffer = render(&app, w, h);
        let columns: Vec<u16> = ["ORG-A", "ORG-B", "ORG-C", "ORG-D", "ORG-E"]
            .iter()
            .map(|org| find(&buffer, org).expect("on screen").0)
            .collect();
        assert!(
            columns.windows(2).all(|p| p[0] == p[1]),
            "{w}×{h}: organisations start at columns {columns:?}\n{}",
            screen_text(&buffer)
        );
        // Every row still fills exactly the screen's width.
        for line in screen_text(&buffer).lines() {
            assert_eq!(
                crate::tui::shared::text::width(line),
                usize::from(w),
                "{line:?}"
            );
        }
    }
}

#[test]
fn off_balance_is_flagged_in_red_and_balance_in_green() {
    let mut app = mixed_names();
    toggle(&mut app, "a");
    let buffer = render(&app, 120, 40);
    let (x, y) = find(&buffer, "失衡 1:0").expect("flagged");
    assert_eq!(buffer[(x, y)].bg, Color::Red);
    toggle(&mut app, "c");
    let buffer = render(&app, 120, 40);
    assert!(find(&buffer, "失衡").is_none());
    let (x, y) = find(&buffer, "平衡 ✓").expect("balanced");
    assert_eq!(buffer[(x, y)].fg, Color::Green);
    // The live thresholds for two members present.
    assert!(screen_text(&buffer).contains("付表決需 2  通過需 1"));
}

#[test]
fn a_representative_sits_under_their_member_and_the_member_is_marked_represented() {
    let mut app = mixed_names();
    toggle(&mut app, "a-rep");
    let a = person(&app, "a");
    assert_eq!(app.state().presence(a), Presence::Represented);
    let buffer = render(&app, 120, 40);
    let (_, member_row) = find(&buffer, "陳怡君").expect("member");
    let (_, rep_row) = find(&buffer, "李代表").expect("representative");
    assert_eq!(rep_row, member_row + 1);
    let (x, y) = find(&buffer, "代理").expect("the represented mark");
    assert_eq!(y, member_row);
    assert_eq!(buffer[(x, y)].fg, Color::Cyan);
    assert_eq!(app.state().present_members().total(), 1);
}

#[test]
fn the_current_item_running_over_its_plan_turns_the_header_warning_colour() {
    let mut app = demo();
    start_item(&mut app, "previous-minutes");
    app.now = at(14, 4, 59);
    let buffer = render(&app, 120, 40);
    let (x, y) = find(&buffer, "4:59 / 5:00").expect("time against plan");
    assert_ne!(buffer[(x, y)].bg, Color::Yellow);
    handle(&mut app, Input::Tick(at(14, 5, 1)));
    let buffer = render(&app, 120, 40);
    let (x, y) = find(&buffer, "5:01 / 5:00").expect("over time");
    assert_eq!(buffer[(x, y)].bg, Color::Yellow);
}

#[test]
fn messages_clear_themselves_after_a_while() {
    let mut app = demo();
    app.focus = Panel::Motion;
    ch(&mut app, 'v');
    assert!(app.message.is_some());
    handle(&mut app, Input::Tick(at(14, 0, 5)));
    assert!(app.message.is_some());
    handle(&mut app, Input::Tick(at(14, 0, 11)));
    assert!(app.message.is_none());
}

#[test]
fn update_of_an_action_is_the_same_as_its_key() {
    // `update` is callable directly (for tests and tools), with the same result.
    let mut by_key = demo();
    let mut by_action = demo();
    toggle(&mut by_key, "cec-deputy");
    by_action
        .attendance
        .select_person(person(&by_action, "cec-deputy"));
    update(&mut by_action, Action::ToggleAttendance);
    assert_eq!(by_key.state(), by_action.state());
}

// ---- quitting never loses anything ---------------------------------------------------

#[test]
fn quitting_with_an_empty_input_line_leaves_at_once() {
    let mut app = demo();
    assert_eq!(ch(&mut app, 'q'), vec![Effect::Quit]);
    ch(&mut app, '4');
    assert_eq!(ctrl(&mut app, 'c'), vec![Effect::Quit]);
}

#[test]
fn a_file_that_cannot_be_written_keeps_the_app_open_then_leaves_a_rescue_copy() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    // A path inside a folder that does not exist cannot be saved to.
    let path = dir.path().join("missing").join("meeting.ron");
    let (reports, _inbox) = tokio::sync::mpsc::unbounded_channel();
    let mut app = demo();
    let saver = crate::store::Saver::spawn(path.clone(), app.meeting.session().clone(), reports);
    toggle(&mut app, "cec-deputy");
    let Some(event) = app.meeting.session().log.last().cloned() else {
        panic!("an arrival was recorded");
    };
    saver.append(event);

    assert_eq!(super::quit(&mut app, &saver), None, "the first quit stays");
    assert!(app.save.error.is_some());
    assert!(screen_text(&render(&app, 120, 40)).contains("無法儲存"));
    assert_eq!(super::quit(&mut app, &saver), Some(super::Ended::Rescue));

    // The rescue copy goes beside the file if it can, else to the temporary folder,
    // and holds everything.
    let rescue = super::write_rescue_copy(&path, app.meeting.session()).expect("a rescue copy");
    let loaded = crate::store::load(&rescue).expect("the rescue copy loads");
    assert_eq!(loaded.session(), app.meeting.session());
    let _ = std::fs::remove_file(rescue);
}

#[test]
fn every_valid_session_fixture_draws_at_every_size_in_both_languages() {
    let mut count = 0;
    for entry in std::fs::read_dir("tests/fixtures/valid").expect("the fixtures folder") {
        let path = entry.expect("a fixture").path();
        if path.extension().is_none_or(|e| e != "ron") {
            continue;
        }
        let meeting = crate::store::load(&path).expect("a valid fixture loads");
        let mut app = App::new(meeting, at(15, 0, 0));
        for lang in [Lang::ZhTw, Lang::En] {
            app.lang = lang;
            for (w, h) in [(80, 24), (120, 40), (200, 60)] {
                app.size = (w, h);
                let screen = screen_text(&render(&app, w, h));
                let saved = s::SAVED.get(lang);
                assert!(
                    screen.contains(saved),
                    "{}: {w}×{h}\n{screen}",
                    path.display()
                );
            }
        }
        count += 1;
    }
    assert!(count >= 1, "no fixtures found");
}

// ---- the follow-up table ---------------------------------------------------------------

/// The meeting after the finished demo: its follow-up table carries the matter the
/// demo kept tracking (with what was done so far) and the demo's action items.
fn follow_up_meeting() -> App {
    let previous = crate::store::load(Path::new("sessions/demo-finished.ron"))
        .expect("the finished demo loads");
    let session = crate::domain::follow_up_session(&previous, at(9, 0, 0).date_naive());
    App::new(
        Meeting::open(session).expect("a valid session"),
        at(14, 0, 0),
    )
}

/// The follow-up item under way, the motion panel focused on its table.
fn on_the_follow_up_table() -> App {
    let mut app = follow_up_meeting();
    app.focus = Panel::Agenda;
    ch(&mut app, 'b');
    start_item(&mut app, "follow-up");
    ch(&mut app, '3');
    assert!(app.follow_up_shown());
    app
}

fn follow_up_row(app: &App, number: u32) -> &crate::domain::FollowUpEntry {
    app.state()
        .follow_up
        .iter()
        .find(|e| e.number == number)
        .expect("a row of the follow-up table")
}

/// The events a key recorded, in order.
fn recorded(effects: &[Effect]) -> Vec<EventKind> {
    effects
        .iter()
        .filter_map(|e| match e {
            Effect::Save(event) => Some(event.kind.clone()),
            Effect::Quit | Effect::Link(_) => None,
        })
        .collect()
}

#[test]
fn closing_a_matter_is_one_event_and_undo_takes_it_back() {
    use crate::domain::FollowUpStatus::{Closed, KeepTracking};
    let mut app = on_the_follow_up_table();
    assert_eq!(app.state().follow_up.len(), 5);
    press(&mut app, KeyCode::Down);
    assert_eq!(
        recorded(&ch(&mut app, 'x')),
        [EventKind::FollowUpRecorded {
            entry: 2,
            action_taken: Text::default(),
            status: Closed,
        }]
    );
    assert_eq!(follow_up_row(&app, 2).status, Closed);
    assert_eq!(follow_up_row(&app, 1).status, KeepTracking);

    // Closing it again records nothing, and says why.
    assert!(ch(&mut app, 'x').is_empty());
    let message = app.message.as_ref().expect("a refusal");
    assert_eq!(message.kind, MessageKind::Refused);
    assert!(
        message.text.contains("已是「解除追蹤」"),
        "{}",
        message.text
    );

    // The room changes its mind; undo takes back one decision at a time.
    assert_eq!(
        recorded(&ch(&mut app, 'f')),
        [EventKind::FollowUpRecorded {
            entry: 2,
            action_taken: Text::default(),
            status: KeepTracking,
        }]
    );
    assert_eq!(follow_up_row(&app, 2).status, KeepTracking);
    assert_eq!(recorded(&ch(&mut app, 'u')).len(), 1);
    assert_eq!(follow_up_row(&app, 2).status, Closed);
    ch(&mut app, 'u');
    assert_eq!(follow_up_row(&app, 2).status, KeepTracking);
    assert_eq!(
        app.motion.follow_up_selected, 1,
        "undo keeps the row selected"
    );
}

#[test]
fn the_action_taken_is_typed_over_what_was_recorded_and_keeps_the_status() {
    use crate::domain::FollowUpStatus::Closed;
    let mut app = on_the_follow_up_table();
    // Matter 1 was kept tracking last time, with what had been done by then.
    let before = follow_up_row(&app, 1).action_taken.clone();
    assert!(before.text.starts_with("已完成招標") && before.en.is_some());

    press(&mut app, KeyCode::Enter);
    match &app.dialog {
        Some(Dialog::Text {
            editor, question, ..
        }) => {
            assert_eq!(editor.as_str(), before.text);
            let question = question.as_deref().unwrap_or_default();
            assert!(question.starts_with("第 1 項辦理情形："), "{question}");
        }
        other => panic!("expected the action-taken dialog, got {other:?}"),
    }
    // Enter on what is already recorded records nothing.
    assert!(press(&mut app, KeyCode::Enter).is_empty());
    assert!(app.dialog.is_none());

    // Closing keeps the text, English and all.
    ch(&mut app, 'x');
    assert_eq!(follow_up_row(&app, 1).status, Closed);
    assert_eq!(follow_up_row(&app, 1).action_taken, before);

    // t adds to the text; the status stays closed, and the old English goes.
    ch(&mut app, 't');
    type_text(&mut app, "檢測報告已公開。");
    let expected = format!("{}檢測報告已公開。", before.text);
    assert_eq!(
        recorded(&press(&mut app, KeyCode::Enter)),
        [EventKind::FollowUpRecorded {
            entry: 1,
            action_taken: Text::new(expected.clone()),
            status: Closed,
        }]
    );
    assert!(app.dialog.is_none());
    assert_eq!(follow_up_row(&app, 1).action_taken, Text::new(expected));
    ch(&mut app, 'u');
    assert_eq!(follow_up_row(&app, 1).action_taken, before);
    assert_eq!(follow_up_row(&app, 1).status, Closed);
}

#[test]
fn up_and_down_move_between_the_rows_and_stop_at_the_ends() {
    let mut app = on_the_follow_up_table();
    press(&mut app, KeyCode::Up);
    assert_eq!(app.selected_follow_up(), Some(0));
    for _ in 0..9 {
        ch(&mut app, 'j');
    }
    assert_eq!(app.selected_follow_up(), Some(4));
    ch(&mut app, 'k');
    assert_eq!(app.selected_follow_up(), Some(3));
    ch(&mut app, 'x');
    assert_eq!(
        follow_up_row(&app, 4).status,
        crate::domain::FollowUpStatus::Closed
    );
}

#[test]
fn the_follow_up_keys_are_offered_only_where_they_can_do_something() {
    let mut app = follow_up_meeting();
    let offered =
        |app: &App| -> Vec<Action> { view::footer_hints(app).iter().map(|b| b.action).collect() };
    // On another item the panel has no table, and x says where the table is.
    start_item(&mut app, "previous-minutes");
    ch(&mut app, '3');
    assert!(!app.follow_up_shown());
    assert!(!offered(&app).contains(&Action::RecordFollowUpAction));
    assert!(ch(&mut app, 'x').is_empty());
    assert_eq!(
        app.message.as_ref().map(|m| m.kind),
        Some(MessageKind::Refused)
    );

    start_item(&mut app, "follow-up");
    ch(&mut app, '3');
    let tracking = offered(&app);
    assert!(tracking.contains(&Action::RecordFollowUpAction));
    assert!(tracking.contains(&Action::CloseFollowUp));
    assert!(!tracking.contains(&Action::KeepTrackingFollowUp));
    assert!(!tracking.contains(&Action::OpenConsensusRound));
    ch(&mut app, 'x');
    let closed = offered(&app);
    assert!(closed.contains(&Action::KeepTrackingFollowUp));
    assert!(!closed.contains(&Action::CloseFollowUp));
    let screen = screen_text(&render(&app, 120, 40));
    let footer = screen.lines().last().expect("a footer row");
    assert!(footer.contains("f 繼續追蹤"), "{footer}");
}

#[test]
fn after_adjournment_the_table_stays_on_screen_but_cannot_change() {
    let mut app = on_the_follow_up_table();
    app.focus = Panel::Agenda;
    ch(&mut app, 'A');
    assert!(app.state().adjourned.is_some());
    ch(&mut app, '3');
    assert!(app.follow_up_shown());
    assert!(
        !view::footer_hints(&app)
            .iter()
            .any(|b| b.action == Action::CloseFollowUp)
    );
    assert!(ch(&mut app, 'x').is_empty());
    assert!(ch(&mut app, 't').is_empty());
    assert!(app.dialog.is_none());
    assert!(
        app.message
            .as_ref()
            .is_some_and(|m| m.text.contains("散會"))
    );
}

/// The table as the room sees it: matter 2 closed with what was done, selected.
fn follow_up_recorded() -> App {
    let mut app = on_the_follow_up_table();
    press(&mut app, KeyCode::Down);
    ch(&mut app, 't');
    type_text(
        &mut app,
        "已於 12 月 1 日寄送試用說明予各委員，並於論壇網站公開。",
    );
    press(&mut app, KeyCode::Enter);
    ch(&mut app, 'x');
    app.now = at(14, 6, 0);
    app.save.saved = app.save.recorded;
    app.message = None;
    app
}

#[test]
fn follow_up_table_at_120_by_40_in_chinese() {
    let app = follow_up_recorded();
    let buffer = render(&app, 120, 40);
    let screen = screen_text(&buffer);
    // Every row keeps the screen's width: the CJK text is cut by columns.
    for line in screen.lines() {
        assert_eq!(crate::tui::shared::text::width(line), 120, "{line:?}");
    }
    // The status carries its colour as well as its words: closed is green.
    let (x, y) = find(&buffer, "2 解除追蹤").expect("matter 2, closed");
    assert_eq!(buffer[(x + 2, y)].fg, Color::Green);
    assert!(buffer[(x, y)].modifier.contains(Modifier::REVERSED));
    let (x, y) = find(&buffer, "1 繼續追蹤").expect("matter 1, tracked");
    assert_eq!(buffer[(x + 2, y)].fg, Color::Yellow);
    assert!(!buffer[(x, y)].modifier.contains(Modifier::REVERSED));
    insta::assert_snapshot!(screen);
}

#[test]
fn the_follow_up_table_fits_80_by_24_in_both_languages() {
    let mut app = follow_up_recorded();
    app.size = (80, 24);
    for lang in [Lang::ZhTw, Lang::En] {
        app.lang = lang;
        let screen = screen_text(&render(&app, 80, 24));
        for line in screen.lines() {
            assert_eq!(crate::tui::shared::text::width(line), 80, "{line:?}");
        }
        let (closed, taken) = match lang {
            Lang::ZhTw => ("2 解除追蹤", "辦理情形：已於 12 月 1 日"),
            Lang::En => ("2 Close", "Action taken: 已於 12 月 1 日"),
        };
        assert!(screen.contains(closed), "{screen}");
        assert!(screen.contains(taken), "{screen}");
    }
}

// ---- the note-taker link ---------------------------------------------------------------

fn listening() -> App {
    let mut app = meeting_under_way();
    app.link = Some(super::link_panel::LinkPanel::new(
        "127.0.0.1:7878".into(),
        "K7QM-4TXP".parse().expect("a code"),
    ));
    app
}

fn note_taker(client: &str, name: &str) -> crate::net::NoteTakerLink {
    crate::net::NoteTakerLink {
        client: client.into(),
        name: name.into(),
        peer: "127.0.0.1:50000".into(),
    }
}

fn link(app: &mut App, input: super::link_panel::LinkInput) -> Vec<Effect> {
    handle(app, Input::Link(input))
}

#[test]
fn a_note_takers_note_is_shown_with_their_name_and_handed_to_the_saver() {
    use super::link_panel::LinkInput;
    let mut app = listening();
    // The host hands the note over; `update` records it from its origin, like any
    // change, and tells the host what came of it.
    let note = crate::domain::Note {
        speaker: Some(Speaker::Person(PersonId::new("digital-rights"))),
        kind: crate::domain::NoteKind::Said,
        text: Text::new("建議延後一季"),
        item: app.state().current_item().map(|i| i.item.id.clone()),
    };
    let origin = crate::domain::Origin {
        client: "c1".into(),
        seq: 1,
    };
    app.now = at(14, 32, 0);
    let request = crate::net::NoteRequest {
        origin: origin.clone(),
        name: "書記".into(),
        kind: EventKind::NoteAdded(note),
    };
    let effects = link(&mut app, LinkInput::Note(Box::new(request.clone())));
    let event = app.meeting.session().log.last().expect("recorded").clone();
    assert_eq!(event.by, crate::domain::Author::NoteTaker("書記".into()));
    assert_eq!(event.origin.as_ref(), Some(&origin));
    let settled = crate::net::NoteSettled::Recorded(event.seq);
    assert_eq!(
        effects,
        vec![
            Effect::Save(Box::new(event)),
            Effect::Link(super::link_panel::LinkCommand::Settle { origin, settled }),
        ]
    );
    assert!(!app.save.is_saved(), "saving until the saver says so");
    let screen = screen_text(&render(&app, 120, 40));
    assert!(screen.contains("✎書記 鄭凱文：建議延後一季"), "{screen}");
}

#[test]
fn a_note_takers_note_sent_twice_or_refused_is_settled_with_the_host_not_saved_again() {
    use super::link_panel::{LinkCommand, LinkInput};
    use crate::net::{NoteRequest, NoteSettled};
    let mut app = listening();
    let origin = crate::domain::Origin {
        client: "c1".into(),
        seq: 1,
    };
    let note = crate::domain::Note {
        speaker: None,
        kind: crate::domain::NoteKind::Said,
        text: Text::new("一則"),
        item: None,
    };
    let request = NoteRequest {
        origin: origin.clone(),
        name: "書記".into(),
        kind: EventKind::NoteAdded(note),
    };
    link(&mut app, LinkInput::Note(Box::new(request.clone())));
    let log_end = app.meeting.session().log.last().expect("recorded").seq;
    // Resent after a reconnect: recorded once, acknowledged once the log is saved.
    let effects = link(&mut app, LinkInput::Note(Box::new(request)));
    let settled = NoteSettled::AlreadyRecorded { log_end };
    assert_eq!(
        effects,
        vec![Effect::Link(LinkCommand::Settle {
            origin: origin.clone(),
            settled
        })]
    );
    // A note-taker may not take the roll: refused, and the facilitator reads why.
    let origin = crate::domain::Origin {
        client: "c1".into(),
        seq: 2,
    };
    let arrived = NoteRequest {
        origin: origin.clone(),
        name: "書記".into(),
        kind: EventKind::Arrived {
            person: PersonId::new("digital-rights"),
        },
    };
    let effects = link(&mut app, LinkInput::Note(Box::new(arrived)));
    let settled = NoteSettled::Refused(crate::domain::DomainError::NoteTakerMayOnlyTakeNotes);
    assert_eq!(
        effects,
        vec![Effect::Link(LinkCommand::Settle { origin, settled })]
    );
    let message = app.message.as_ref().expect("a refusal");
    assert!(
        message.text.contains("紀錄人員只能新增或更正紀錄"),
        "{}",
        message.text
    );
}

#[test]
fn the_header_shows_where_to_join_the_code_who_is_in_and_wrong_codes_tried() {
    use super::link_panel::LinkInput;
    let mut app = listening();
    let screen = screen_text(&render(&app, 120, 40));
    let row = screen.lines().nth(2).expect("a third header row");
    assert!(
        row.contains("127.0.0.1:7878") && row.contains("K7QM-4TXP"),
        "{row}"
    );
    assert!(row.contains("尚無紀錄人員連線"), "{row}");

    link(
        &mut app,
        LinkInput::Joined {
            name: "書記".into(),
            peer: "127.0.0.1:50000".into(),
            connected: vec![note_taker("c1", "書記")],
        },
    );
    assert!(
        app.message
            .as_ref()
            .is_some_and(|m| m.text.contains("書記 已連線"))
    );
    let screen = screen_text(&render(&app, 120, 40));
    assert!(
        screen
            .lines()
            .nth(2)
            .is_some_and(|r| r.contains("已連線：書記"))
    );

    link(
        &mut app,
        LinkInput::FailedAttempt {
            peer: "192.168.1.9:5555".into(),
            at: at(14, 33, 20),
            failures: 2,
        },
    );
    let buffer = render(&app, 120, 40);
    let (x, y) = find(&buffer, "錯誤代碼 2 次 14:33:20").expect("flagged");
    assert_eq!((y, buffer[(x, y)].bg), (2, Color::Red));
    assert!(
        screen_text(&buffer).contains("192.168.1.9:5555"),
        "the message names it"
    );

    link(
        &mut app,
        LinkInput::CodeChanged {
            code: "ABCD-EFGH".parse().expect("a code"),
            replaced: true,
        },
    );
    let screen = screen_text(&render(&app, 120, 40));
    assert!(
        screen
            .lines()
            .nth(2)
            .is_some_and(|r| r.contains("ABCD-EFGH"))
    );
    assert!(screen.contains("代碼已更換為 ABCD-EFGH"), "{screen}");
}

#[test]
fn a_note_taker_coming_back_on_a_new_link_is_not_reported_as_leaving() {
    use super::link_panel::LinkInput;
    let mut app = listening();
    app.message = None;
    link(
        &mut app,
        LinkInput::Left {
            client: "c1".into(),
            name: "書記".into(),
            reason: crate::net::LinkEnd::Replaced,
            connected: vec![note_taker("c1", "書記")],
        },
    );
    assert!(app.message.is_none());
    link(
        &mut app,
        LinkInput::Left {
            client: "c1".into(),
            name: "書記".into(),
            reason: crate::net::LinkEnd::Broken,
            connected: Vec::new(),
        },
    );
    assert!(
        app.message
            .as_ref()
            .is_some_and(|m| m.text.contains("已離線"))
    );
}

#[test]
fn the_note_takers_list_disconnects_revokes_and_issues_a_new_code() {
    use super::link_panel::{LinkCommand, LinkInput};
    let mut app = listening();
    app.focus = Panel::Agenda;
    link(
        &mut app,
        LinkInput::Joined {
            name: "王小明".into(),
            peer: "127.0.0.1:50001".into(),
            connected: vec![note_taker("c1", "書記"), note_taker("c2", "王小明")],
        },
    );
    ch(&mut app, 't');
    assert!(app.note_takers_open());
    assert_eq!(app.contexts()[0], Context::NoteTakers);
    ch(&mut app, 'j');
    assert_eq!(
        ch(&mut app, 'd'),
        vec![Effect::Link(LinkCommand::Disconnect {
            client: "c2".into(),
            name: "王小明".into()
        })]
    );
    assert_eq!(
        ch(&mut app, 'R'),
        vec![Effect::Link(LinkCommand::Revoke {
            client: "c2".into(),
            name: "王小明".into()
        })]
    );
    assert!(
        app.message
            .as_ref()
            .is_some_and(|m| m.text.contains("換新代碼"))
    );
    // A lower-case r does nothing here: revoking cannot be undone.
    assert!(ch(&mut app, 'r').is_empty());
    assert_eq!(ch(&mut app, 'c'), vec![Effect::Link(LinkCommand::NewCode)]);
    // The list is drawn with the code in large letters, at the smallest size.
    app.size = (80, 24);
    let screen = screen_text(&render(&app, 80, 24));
    assert!(
        screen.contains("王小明") && screen.contains("█"),
        "{screen}"
    );
    press(&mut app, KeyCode::Esc);
    assert!(!app.note_takers_open());
    assert_eq!(app.focus, Panel::Agenda, "nothing else changed");
}

#[test]
fn the_note_takers_key_says_how_to_listen_when_not_listening() {
    let mut app = demo();
    ch(&mut app, 't');
    assert!(!app.note_takers_open());
    let message = app.message.as_ref().expect("says why");
    assert!(message.text.contains("--listen"), "{}", message.text);
    assert!(
        !view::footer_hints(&app)
            .iter()
            .any(|b| b.action == Action::ShowNoteTakers),
        "not offered"
    );
}

#[test]
fn screen_listening_at_80_by_24_with_the_note_takers_list() {
    use super::link_panel::LinkInput;
    let mut app = listening();
    app.size = (80, 24);
    link(
        &mut app,
        LinkInput::Joined {
            name: "書記".into(),
            peer: "127.0.0.1:50000".into(),
            connected: vec![note_taker("c1", "書記")],
        },
    );
    link(
        &mut app,
        LinkInput::FailedAttempt {
            peer: "192.168.1.9:5555".into(),
            at: at(14, 30, 2),
            failures: 1,
        },
    );
    app.message = None;
    insta::assert_snapshot!("listening_80x24", screen_text(&render(&app, 80, 24)));
    app.focus = Panel::Attendance;
    ch(&mut app, 't');
    insta::assert_snapshot!("note_takers_list_80x24", screen_text(&render(&app, 80, 24)));
}
