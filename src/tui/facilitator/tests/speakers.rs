//! The speaking queue on the facilitator's screen: asking, calling, pausing, more
//! time, the item's limit, the notes' default speaker, the countdown and the balance
//! of voice as they are drawn, with the clock set by the test.

use super::*;
use crate::domain::{ItemId, Voice};

fn speaker_id(app: &App, turn: usize) -> String {
    match &app.state().turns()[turn].speaker {
        Speaker::Person(id) => id.0.clone(),
        Speaker::Named(name) => name.clone(),
    }
}

fn queue_ids(app: &App) -> Vec<String> {
    app.queue_in_view()
        .iter()
        .map(|r| match &r.speaker {
            Speaker::Person(id) => id.0.clone(),
            Speaker::Named(name) => name.clone(),
        })
        .collect()
}

/// A meeting with ten members in and the open-source item under way at 14:10.
fn item_under_way() -> App {
    let mut app = demo();
    app.focus = Panel::Agenda;
    ch(&mut app, 'b');
    ten_present(&mut app);
    app.now = at(14, 10, 0);
    start_item(&mut app, "discussion-open-source");
    app
}

#[test]
fn a_queue_of_three_runs_in_order_with_a_pause_and_a_minute_more() {
    let mut app = item_under_way();
    for name in ["許雅", "陳怡", "周明"] {
        ask_to_speak(&mut app, name);
    }
    assert_eq!(
        queue_ids(&app),
        ["open-culture", "cec-deputy", "civic-participation"]
    );
    // The first: 1:00, a pause of 0:30, then 0:40 more.
    ch(&mut app, 'n');
    assert_eq!(queue_ids(&app), ["cec-deputy", "civic-participation"]);
    app.now = at(14, 11, 0);
    ch(&mut app, ' ');
    assert!(app.state().speaking_now().expect("speaking").is_paused());
    app.now = at(14, 11, 30);
    ch(&mut app, ' ');
    app.now = at(14, 12, 10);
    // The second: called, granted a minute, speaks 3:30 of her 4:00.
    ch(&mut app, 'n');
    ch(&mut app, '+');
    app.now = at(14, 15, 40);
    let turn = app.state().speaking_now().expect("speaking");
    assert_eq!((turn.allowed(), turn.remaining(app.now)), (240, 30));
    ch(&mut app, 'e');
    assert!(app.state().speaking_now().is_none());
    // The third: runs 0:35 over, ended by the next item starting.
    app.now = at(14, 16, 0);
    ch(&mut app, 'n');
    app.now = at(14, 19, 35);
    assert_eq!(
        app.state()
            .speaking_now()
            .expect("speaking")
            .remaining(app.now),
        -35
    );
    app.focus = Panel::Agenda;
    ch(&mut app, 'e');
    let turns = app.state().turns();
    assert_eq!(turns.len(), 3);
    assert_eq!(
        (0..3).map(|t| speaker_id(&app, t)).collect::<Vec<_>>(),
        ["open-culture", "cec-deputy", "civic-participation"]
    );
    let spoken: Vec<i64> = turns.iter().map(|t| t.spoken(app.now)).collect();
    assert_eq!(spoken, [100, 210, 215]);
    let balance = app.state().voice(None, app.now);
    assert_eq!(balance.of(Voice::Government), (210, 1));
    assert_eq!(balance.of(Voice::NonGovernment), (315, 2));
}

#[test]
fn the_selected_request_can_be_moved_taken_off_or_called_out_of_turn() {
    let mut app = item_under_way();
    for name in ["許雅", "陳怡", "周明"] {
        ask_to_speak(&mut app, name);
    }
    // The third moves up twice, with the selection.
    app.speakers.list.selected = 2;
    ch(&mut app, 'K');
    ch(&mut app, 'K');
    assert_eq!(
        queue_ids(&app),
        ["civic-participation", "open-culture", "cec-deputy"]
    );
    assert_eq!(app.speakers.list.selected, 0);
    // At the top it cannot go higher: said, and nothing changes.
    assert!(ch(&mut app, 'K').is_empty());
    assert!(!message_text(&app).is_empty());
    // The second is taken off; the last is called out of turn with Enter.
    press(&mut app, KeyCode::Down);
    ch(&mut app, 'x');
    assert_eq!(queue_ids(&app), ["civic-participation", "cec-deputy"]);
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Enter);
    assert_eq!(speaker_id(&app, 0), "cec-deputy");
    assert_eq!(queue_ids(&app), ["civic-participation"]);
    // Undo gives the request back and the floor to nobody.
    ctrl(&mut app, 'z');
    assert!(app.state().speaking_now().is_none());
    assert_eq!(queue_ids(&app), ["civic-participation", "cec-deputy"]);
}

#[test]
fn someone_not_on_the_roster_asks_by_typed_name_and_counts_as_other() {
    let mut app = item_under_way();
    ask_to_speak(&mut app, "旁聽民眾甲");
    ch(&mut app, 'n');
    app.now = at(14, 11, 0);
    assert_eq!(speaker_id(&app, 0), "旁聽民眾甲");
    let balance = app.state().voice(None, app.now);
    assert_eq!(balance.of(Voice::Other), (60, 1));
    // Asking twice is refused, with the name.
    app.focus = Panel::Speakers;
    ask_twice_is_refused(&mut app);
}

fn ask_twice_is_refused(app: &mut App) {
    ask_to_speak(app, "許雅");
    ch(app, 'a');
    type_text(app, "許雅");
    press(app, KeyCode::Enter);
    assert!(app.dialog.is_some(), "the picker stays open on a refusal");
    assert!(
        message_text(app).contains("許雅雯"),
        "{}",
        message_text(app)
    );
    press(app, KeyCode::Esc);
}

#[test]
fn the_floor_is_given_only_from_the_queue_of_the_item_under_way() {
    let mut app = demo();
    app.focus = Panel::Agenda;
    ch(&mut app, 'b');
    // Before any item starts, the queue is the selected item's: people may ask ahead.
    select_item(&mut app, "discussion-open-source");
    ask_to_speak(&mut app, "許雅");
    assert_eq!(queue_ids(&app), ["open-culture"]);
    assert!(ch(&mut app, 'n').is_empty());
    assert_eq!(
        message_text(&app),
        s::QUEUE_ITEM_NOT_STARTED.get(Lang::ZhTw)
    );
    assert!(!app.offers(Action::CallNextSpeaker));
    start_item(&mut app, "discussion-open-source");
    app.focus = Panel::Speakers;
    assert!(app.offers(Action::CallNextSpeaker));
    assert!(!ch(&mut app, 'n').is_empty());
    assert_eq!(speaker_id(&app, 0), "open-culture");
    // Nobody speaking: pausing is refused in words.
    ch(&mut app, 'e');
    assert!(ch(&mut app, ' ').is_empty());
    assert!(!message_text(&app).is_empty());
}

#[test]
fn the_item_limit_is_typed_as_minutes_or_minutes_and_seconds() {
    let mut app = item_under_way();
    app.focus = Panel::Speakers;
    ch(&mut app, 'L');
    let Some(Dialog::Text { editor, .. }) = &app.dialog else {
        panic!("the limit dialog");
    };
    assert_eq!(editor.as_str(), "3:00", "it starts from the rule book's");
    for _ in 0..4 {
        press(&mut app, KeyCode::Backspace);
    }
    type_text(&mut app, "2:3");
    press(&mut app, KeyCode::Enter);
    assert!(app.dialog.is_some(), "a wrong time keeps the dialog");
    assert_eq!(message_text(&app), s::NOT_A_DURATION.get(Lang::ZhTw));
    type_text(&mut app, "0");
    press(&mut app, KeyCode::Enter);
    assert!(app.dialog.is_none());
    let item = ItemId::new("discussion-open-source");
    assert_eq!(app.state().speaking_limit(Some(&item)), 150);
    ask_to_speak(&mut app, "許雅");
    ch(&mut app, 'n');
    assert_eq!(app.state().speaking_now().map(|t| t.allowed()), Some(150));
}

#[test]
fn the_speaker_with_the_floor_is_the_default_speaker_of_notes() {
    let mut app = item_under_way();
    for name in ["許雅", "陳怡"] {
        ask_to_speak(&mut app, name);
    }
    ch(&mut app, 'n');
    let culture = Speaker::Person(PersonId::new("open-culture"));
    assert_eq!(app.notes.editor.speaker, Some(culture.clone()));
    // A note is hers; the next line is hers too.
    ch(&mut app, '4');
    type_text(&mut app, "授權條款要先確認");
    press(&mut app, KeyCode::Enter);
    assert_eq!(
        app.state()
            .notes
            .last()
            .and_then(|n| n.note.speaker.clone()),
        Some(culture.clone())
    );
    assert_eq!(app.notes.editor.speaker, Some(culture.clone()));
    // Half a sentence typed when the floor passes: it stays hers.
    type_text(&mut app, "她補充");
    app.focus = Panel::Speakers;
    ch(&mut app, 'n');
    assert_eq!(app.notes.editor.speaker, Some(culture));
    app.focus = Panel::Notes;
    press(&mut app, KeyCode::Enter);
    // Sent: the new line follows the floor.
    let deputy = Speaker::Person(PersonId::new("cec-deputy"));
    assert_eq!(app.notes.editor.speaker, Some(deputy));
}

#[test]
fn clicking_a_request_selects_it_and_the_footer_offers_what_can_be_done() {
    let mut app = item_under_way();
    for name in ["許雅", "陳怡", "周明"] {
        ask_to_speak(&mut app, name);
    }
    app.focus = Panel::Agenda;
    let buffer = render(&app, 120, 40);
    let panel = app.areas().expect("big enough").speakers;
    let (x, y) = find_in_rows(&buffer, "周明德", panel.y..panel.bottom()).expect("in the queue");
    assert!(x < panel.right());
    handle(
        &mut app,
        Input::Mouse(MouseEvent {
            kind: MouseEventKind::Down(MouseButton::Left),
            column: x,
            row: y,
            modifiers: KeyModifiers::NONE,
        }),
    );
    assert_eq!(app.focus, Panel::Speakers);
    assert_eq!(app.speakers.list.selected, 2);
    // Nobody speaks yet: the footer offers calling, not pausing.
    let hints = view::footer_hints(&app);
    let offered = |action| hints.iter().any(|b| b.action == action);
    assert!(offered(Action::CallNextSpeaker));
    assert!(!offered(Action::PauseSpeaking));
    ch(&mut app, 'n');
    let hints = view::footer_hints(&app);
    assert!(hints.iter().any(|b| b.action == Action::PauseSpeaking));
}

// ---- the countdown and the balance as drawn ----------------------------------------

/// The open-source item with 許雅雯 speaking since 14:29:00 and two waiting.
fn speaking_since_14_29() -> App {
    let mut app = item_under_way();
    // Earlier on the item: 陳怡君 spoke 2:00.
    app.now = at(14, 20, 0);
    ask_to_speak(&mut app, "陳怡");
    ch(&mut app, 'n');
    app.now = at(14, 22, 0);
    ch(&mut app, 'e');
    app.now = at(14, 29, 0);
    for name in ["許雅", "周明", "林志"] {
        ask_to_speak(&mut app, name);
    }
    ch(&mut app, 'n');
    app.save.saved = app.save.recorded;
    app.message = None;
    app
}

fn speakers_panel(app: &App, w: u16, h: u16) -> String {
    let areas = app.areas().expect("big enough");
    let buffer = render(app, w, h);
    let r = areas.speakers;
    screen_text(&buffer)
        .lines()
        .skip(usize::from(r.y))
        .take(usize::from(r.height))
        .map(|line| {
            // The left column only: its width in cells is the line's prefix.
            let mut out = String::new();
            let mut cols = 0;
            for c in line.chars() {
                let w = crate::width::width(&c.to_string());
                if cols + w > usize::from(r.width) {
                    break;
                }
                cols += w;
                out.push(c);
            }
            out
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn a_running_countdown_at_120_by_40() {
    let mut app = speaking_since_14_29();
    app.now = at(14, 30, 15);
    let panel = speakers_panel(&app, 120, 40);
    assert!(panel.contains("▶ 許雅雯"), "{panel}");
    assert!(panel.contains("1:45/3:00"), "{panel}");
    insta::assert_snapshot!(panel);
}

#[test]
fn a_countdown_near_its_end_is_warned_and_an_overrun_is_red() {
    let mut app = speaking_since_14_29();
    app.now = at(14, 31, 40);
    let buffer = render(&app, 120, 40);
    let (x, y) = find(&buffer, "0:20/3:00").expect("the countdown");
    assert_eq!(buffer[(x, y)].bg, Color::Yellow, "warned in the last 30 s");
    app.now = at(14, 32, 35);
    let buffer = render(&app, 120, 40);
    let (x, y) = find(&buffer, "+0:35").expect("the overrun");
    assert_eq!(buffer[(x, y)].bg, Color::Red);
    insta::assert_snapshot!(speakers_panel(&app, 120, 40));
}

#[test]
fn an_overrun_at_80_by_24_in_english() {
    let mut app = speaking_since_14_29();
    app.lang = Lang::En;
    app.size = (80, 24);
    app.now = at(14, 32, 35);
    let panel = speakers_panel(&app, 80, 24);
    assert!(panel.contains("+0:35"), "{panel}");
    insta::assert_snapshot!(panel);
}

#[test]
fn the_balance_of_voice_shows_the_item_and_the_meeting() {
    let mut app = speaking_since_14_29();
    app.now = at(14, 30, 0);
    let panel = speakers_panel(&app, 120, 40);
    // 陳怡君 2:00 (government), 許雅雯 1:00 so far (non-government).
    let gov = panel.lines().find(|l| l.contains("│政府")).expect("a row");
    assert!(gov.contains("2:00 1次"), "{panel}");
    assert!(gov.contains("67%"), "{panel}");
    let non = panel
        .lines()
        .find(|l| l.contains("│非政府"))
        .expect("a row");
    assert!(non.contains("1:00 1次") && non.contains("33%"), "{panel}");
}

#[test]
fn the_item_timer_warns_near_its_end_and_shows_the_overrun_in_red() {
    // The open-source item is planned for 25 minutes: warned from 22:30.
    let mut app = item_under_way();
    app.message = None;
    app.now = at(14, 33, 0);
    let buffer = render(&app, 120, 40);
    let (x, y) = find(&buffer, "23:00 / 25:00").expect("the item's time");
    assert_eq!(buffer[(x, y)].bg, Color::Yellow);
    app.now = at(14, 35, 35);
    let buffer = render(&app, 120, 40);
    let (x, y) = find(&buffer, "+0:35").expect("the overrun");
    assert_eq!((y, buffer[(x, y)].bg), (1, Color::Red));
    assert!(find(&buffer, "25:00").is_some());
}
