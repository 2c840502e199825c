//! Whole screens, and the timeline as drawn.

use super::*;

/// A note-taker some minutes in: the facilitator's note, others' and ours (saved, on
/// its way, and one the host has not shown yet).
fn taking_notes() -> JoinApp {
    let mut app = joined();
    handle(
        &mut app,
        Input::Client(ClientEvent::Update(Box::new(Update {
            meeting: None,
            notes: vec![note_view(
                42,
                8,
                Author::NoteTaker("王小明".into()),
                said("digital-rights", "時程太趕，建議延後一季。"),
                None,
            )],
            removed: Vec::new(),
        }))),
    );
    let mut seq = 1;
    type_text(&mut app, "同意第三方資安檢測，報告摘要應公開。");
    ctrl(&mut app, 'p');
    type_text(&mut app, "楊惠");
    press(&mut app, KeyCode::Enter);
    submit_with(&mut app, &mut seq, |a| press(a, KeyCode::Enter));
    host_shows(
        &mut app,
        43,
        1,
        said("prof-security", "同意第三方資安檢測，報告摘要應公開。"),
    );
    handle(&mut app, Input::Client(ClientEvent::Acked { through: 1 }));
    submit_with(&mut app, &mut seq, |a| ctrl(a, 't'));
    host_shows(
        &mut app,
        44,
        2,
        Note {
            speaker: None,
            kind: NoteKind::Narrative,
            text: Text::bilingual(s::NODDING_NARRATIVE, s::NODDING_NARRATIVE_EN),
            item: Some(ItemId::new("discussion-open-source")),
        },
    );
    type_text(&mut app, "主席裁示：請中選會於下次會議報告期程。");
    submit_with(&mut app, &mut seq, |a| press(a, KeyCode::Enter));
    type_text(&mut app, "吳佩珊：國發會");
    app.now = at(14, 31, 5);
    app.message = None;
    app
}

#[test]
fn the_note_takers_screen_at_80_by_24_in_chinese() {
    let app = taking_notes();
    insta::assert_snapshot!(screen_text(&render(&app, 80, 24)));
}

#[test]
fn the_note_takers_screen_at_100_by_30_in_english_with_the_host_gone() {
    let mut app = taking_notes();
    app.lang = Lang::En;
    handle(
        &mut app,
        Input::Client(ClientEvent::State(ConnectionState::HostGone {
            reason: "no word from the host".into(),
        })),
    );
    insta::assert_snapshot!(screen_text(&render(&app, 100, 30)));
}

#[test]
fn the_note_takers_help_at_80_by_24() {
    let mut app = taking_notes();
    press(&mut app, KeyCode::F(1));
    insta::assert_snapshot!(screen_text(&render(&app, 80, 24)));
}

#[test]
fn the_note_takers_screen_before_the_welcome_and_when_too_small() {
    let app = JoinApp::new(
        "192.168.1.20:7878".into(),
        "書記".into(),
        at(14, 0, 0),
        Vec::new(),
    );
    let screen = screen_text(&render(&app, 80, 24));
    assert!(screen.contains("192.168.1.20:7878"), "{screen}");
    assert!(screen.contains("連線中"), "{screen}");
    let small = screen_text(&render(&app, 60, 20));
    assert!(small.contains("視窗太小"), "{small}");
    for (w, h) in [(0, 0), (1, 1), (200, 3), (3, 200)] {
        render(&taking_notes(), w, h);
    }
}

#[test]
fn the_selected_note_stays_in_view_however_far_back() {
    let mut app = joined();
    let mut seq = 1;
    type_text(&mut app, "最早的一則");
    submit_with(&mut app, &mut seq, |a| press(a, KeyCode::Enter));
    host_shows(&mut app, 41, 1, said("moica", "最早的一則"));
    let others: Vec<NoteView> = (0..40)
        .map(|n| {
            note_view(
                50 + n,
                12,
                Author::Facilitator,
                said("cec-deputy", &format!("主持人的第 {n} 則")),
                None,
            )
        })
        .collect();
    handle(
        &mut app,
        Input::Client(ClientEvent::Update(Box::new(Update {
            meeting: None,
            notes: others,
            removed: Vec::new(),
        }))),
    );
    assert!(!screen_text(&render(&app, 80, 24)).contains("最早的一則"));
    press(&mut app, KeyCode::Up);
    let screen = screen_text(&render(&app, 80, 24));
    assert!(screen.contains("最早的一則"), "{screen}");
    press(&mut app, KeyCode::Down);
    assert_eq!(app.timeline.selected, None, "past the newest: none");
}

#[test]
fn timeline_rows_are_the_hosts_notes_then_ours_in_order_from_either_end() {
    let mut app = joined();
    let mut seq = 1;
    for n in 0..7 {
        type_text(&mut app, &format!("本機 {n}"));
        submit_with(&mut app, &mut seq, |a| press(a, KeyCode::Enter));
    }
    let timeline = &app.timeline;
    assert_eq!(timeline.len(), 8);
    assert_eq!(timeline.row(0), Some(Row::Host(Seq(40))));
    for i in 1..8 {
        let row = timeline.row(i).expect("a row");
        assert_eq!(row, Row::Local(i as u64));
        assert_eq!(timeline.index_of(row), Some(i));
    }
    assert_eq!(timeline.row(8), None);
}

/// The row `needle` is on, as the screen shows it.
fn row_of(buffer: &Buffer, needle: &str) -> Option<String> {
    let (_, y) = find(buffer, needle)?;
    screen_text(buffer)
        .lines()
        .nth(usize::from(y))
        .map(str::to_owned)
}

#[test]
fn the_floor_and_the_queue_show_above_the_editor_with_the_time_left() {
    let mut app = taking_notes();
    let mut meeting = meeting_with_the_floor();
    host_updates(&mut app, &meeting);
    // 1:15 into a three-minute turn.
    app.now = at(14, 21, 15);
    let buffer = render(&app, 80, 24);
    insta::assert_snapshot!(screen_text(&buffer));
    let floor = row_of(&buffer, "發言中").expect("the floor is shown");
    assert!(
        floor.contains("發言中 鄭凱文 1:45   登記發言 周明德、楊惠婷"),
        "{floor}"
    );
    let (_, floor_y) = find(&buffer, "發言中").expect("the floor");
    let (_, status_y) = find(&buffer, "發言人").expect("the editor's status row");
    assert_eq!(floor_y + 1, status_y, "just above the editor");
    // Every note still shows: the floor takes an empty row, not a note's.
    let screen = screen_text(&buffer);
    for text in [
        "建議上線前三個月公開原始碼",
        "主席裁示：請中選會於下次會議報告期程",
    ] {
        assert!(screen.contains(text), "{screen}");
    }
    let (x, y) = find(&buffer, "1:45").expect("the time left");
    assert_eq!(buffer[(x, y)].bg, Color::Reset, "in time: no colour");

    // The last half minute is a warning; past the time, the overrun is an alert.
    app.now = at(14, 22, 40);
    let buffer = render(&app, 80, 24);
    let (x, y) = find(&buffer, "鄭凱文 0:20").expect("twenty seconds left");
    assert_eq!(buffer[(x + 7, y)].bg, Color::Yellow);
    app.now = at(14, 23, 5);
    let buffer = render(&app, 80, 24);
    let (x, y) = find(&buffer, "鄭凱文 +0:05").expect("five seconds over");
    assert_eq!(buffer[(x + 7, y)].bg, Color::Red);

    // A paused turn keeps its time, marked paused, however long the pause.
    record(&mut meeting, at(14, 21, 0), EventKind::SpeakingPaused);
    host_updates(&mut app, &meeting);
    app.now = at(14, 30, 0);
    let floor = row_of(&render(&app, 80, 24), "發言中").expect("the floor");
    assert!(floor.contains("鄭凱文 ⏸ 2:00"), "{floor}");

    // In English, at 120×40.
    app.lang = Lang::En;
    let floor = row_of(&render(&app, 120, 40), "Speaking").expect("the floor");
    assert!(
        floor.contains("Speaking Cheng Kai-wen ⏸ 2:00   Waiting Chou Ming-te; Yang Hui-ting"),
        "{floor}"
    );

    // The turn ends, the queue empties: the row goes back to the notes.
    app.lang = Lang::ZhTw;
    record(&mut meeting, at(14, 31, 0), EventKind::SpeakingEnded);
    for seq in meeting
        .state()
        .queue(&ItemId::new("discussion-open-source"))
        .iter()
        .map(|r| r.seq)
        .collect::<Vec<_>>()
    {
        record(
            &mut meeting,
            at(14, 31, 0),
            EventKind::SpeakerRequestWithdrawn { request: seq },
        );
    }
    host_updates(&mut app, &meeting);
    let screen = screen_text(&render(&app, 80, 24));
    assert!(
        !screen.contains("發言中") && !screen.contains("登記發言"),
        "{screen}"
    );
}

#[test]
fn a_long_queue_is_cut_to_the_names_that_fit_and_the_rest_counted() {
    let mut app = joined();
    let mut meeting = meeting_with_the_floor();
    for id in [
        "cec-deputy",
        "cec-planning",
        "moi-household",
        "moica",
        "moda-digital-gov",
        "ndc-social",
        "open-culture",
        "digital-id-industry",
    ] {
        record(
            &mut meeting,
            at(14, 20, 30),
            EventKind::SpeakerRequested {
                item: ItemId::new("discussion-open-source"),
                speaker: person(id),
            },
        );
    }
    host_updates(&mut app, &meeting);
    app.now = at(14, 21, 0);
    for (lang, w) in [(Lang::ZhTw, 80), (Lang::En, 80), (Lang::En, 120)] {
        app.lang = lang;
        let buffer = render(&app, w, 24);
        let label = if lang == Lang::En {
            "Speaking"
        } else {
            "發言中"
        };
        let floor = row_of(&buffer, label).expect("the floor");
        // The first in the queue always shows; the rest are counted, inside the panel.
        let first = if lang == Lang::En {
            "Chou Ming-te"
        } else {
            "周明德"
        };
        assert!(floor.contains(first), "{floor}");
        let more = if lang == Lang::En { " more" } else { " 人" };
        assert!(
            floor
                .trim_end()
                .trim_end_matches('│')
                .trim_end()
                .ends_with(more),
            "{floor}"
        );
        assert!(
            floor.trim_end().ends_with('│'),
            "not over the border: {floor}"
        );
    }
}
