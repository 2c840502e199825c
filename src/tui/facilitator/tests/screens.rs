//! Whole screens at 120×40 and 80×24 in both languages, tiny terminals, and CJK
//! alignment.

use super::*;

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
    // Without the message line, all five rows fit at 80×24.
    app.message = None;
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
            assert_eq!(crate::width::width(line), usize::from(w), "{line:?}");
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
fn the_current_item_near_the_end_of_its_plan_turns_the_header_warning_colour() {
    // Five minutes planned: warned in the last minute, red once over.
    let mut app = demo();
    start_item(&mut app, "previous-minutes");
    app.now = at(14, 3, 59);
    let buffer = render(&app, 120, 40);
    let (x, y) = find(&buffer, "3:59 / 5:00").expect("time against plan");
    assert_ne!(buffer[(x, y)].bg, Color::Yellow);
    handle(&mut app, Input::Tick(at(14, 4, 1)));
    let buffer = render(&app, 120, 40);
    let (x, y) = find(&buffer, "4:01 / 5:00").expect("near the end");
    assert_eq!(buffer[(x, y)].bg, Color::Yellow);
    handle(&mut app, Input::Tick(at(14, 5, 1)));
    let buffer = render(&app, 120, 40);
    let (x, y) = find(&buffer, "+0:01").expect("over");
    assert_eq!(buffer[(x, y)].bg, Color::Red);
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

/// A name or a title holding an escape sequence (a hand-edited session file) shows its
/// visible rest; none of its control characters reach a cell, so none reach the
/// terminal.
#[test]
fn control_characters_in_names_and_titles_never_reach_the_screen() {
    let poison = "\u{1b}]0;pwned\u{7}\u{0}\u{1b}[2J\u{9b}31m";
    let poisoned = |text: &mut String| {
        let first = text.chars().next().map_or(0, char::len_utf8);
        text.insert_str(first, poison);
    };
    let mut session = demo_meeting().into_session();
    poisoned(&mut session.meeting.title.text);
    for member in &mut session.roster.members {
        poisoned(&mut member.name.text);
        poisoned(&mut member.organisation.text);
    }
    for item in &mut session.agenda {
        poisoned(&mut item.title.text);
    }
    let app = App::new(Meeting::open(session).expect("opens"), at(14, 0, 0));
    let buffer = render(&app, 120, 40);
    for (i, cell) in buffer.content().iter().enumerate() {
        assert!(
            !cell.symbol().chars().any(char::is_control),
            "cell {i} holds {:?}",
            cell.symbol()
        );
    }
    assert!(find(&buffer, "陳]0;pwned").is_some());
}

/// Every dialog that prepares or changes the meeting, as it opens (and the later
/// fields where they read differently), on a screen of `size`.
fn preparation_dialogs(lang: crate::domain::Lang, size: (u16, u16)) -> String {
    type Steps = fn(&mut App);
    let before: [(&str, Steps); 8] = [
        ("new item (i)", |app| {
            select_item(app, "report-system-progress");
            ch(app, 'i');
        }),
        ("item editor (E), its last field", |app| {
            select_item(app, "report-system-progress");
            ch(app, 'E');
            for _ in 0..4 {
                press(app, KeyCode::Enter);
            }
        }),
        ("meeting details (I)", |app| {
            app.focus = Panel::Agenda;
            ch(app, 'I');
        }),
        ("meeting details (I), the planned end", |app| {
            app.focus = Panel::Agenda;
            ch(app, 'I');
            for _ in 0..4 {
                press(app, KeyCode::Enter);
            }
        }),
        ("new member (M), Tab to a co-convener seat", |app| {
            app.focus = Panel::Attendance;
            ch(app, 'M');
            press(app, KeyCode::Tab);
        }),
        ("new member (M), the organisation", |app| {
            app.focus = Panel::Attendance;
            ch(app, 'M');
            type_text(app, "林開放");
            press(app, KeyCode::Enter);
        }),
        ("correct a person (E)", |app| {
            app.focus = Panel::Attendance;
            let i = person(app, "prof-open-gov");
            app.attendance.select_person(i);
            ch(app, 'E');
        }),
        ("representative (r)", |app| {
            app.focus = Panel::Attendance;
            let i = person(app, "moica");
            app.attendance.select_person(i);
            ch(app, 'r');
        }),
    ];
    let during: [(&str, Steps); 5] = [
        ("new motion (p)", |app| {
            app.focus = Panel::Motion;
            ch(app, 'p');
        }),
        ("amendment (m)", |app| {
            app.focus = Panel::Motion;
            ch(app, 'm');
        }),
        ("split (S)", |app| {
            app.focus = Panel::Motion;
            ch(app, 'S');
        }),
        ("split (S), who asked", |app| {
            app.focus = Panel::Motion;
            ch(app, 'S');
            press(app, KeyCode::End);
            type_text(app, "（第一部分）");
            press(app, KeyCode::Enter);
            type_text(app, "其餘部分另案處理");
            press(app, KeyCode::Enter);
        }),
        ("note correction (Ctrl-R)", |app| {
            app.focus = Panel::Notes;
            press(app, KeyCode::Up);
            ctrl(app, 'r');
        }),
    ];
    let open = |app: &mut App, steps: Steps| {
        app.lang = lang;
        app.size = size;
        steps(app);
        screen_text(&render(app, size.0, size.1))
    };
    let mut out = String::new();
    for (name, steps) in before {
        out.push_str(&format!("── {name} ──\n{}\n", open(&mut demo(), steps)));
    }
    for (name, steps) in during {
        let screen = open(&mut meeting_under_way(), steps);
        out.push_str(&format!("── {name} ──\n{screen}\n"));
    }
    out
}

#[test]
fn preparation_dialogs_at_120_by_40_in_chinese() {
    insta::assert_snapshot!(preparation_dialogs(crate::domain::Lang::ZhTw, (120, 40)));
}

#[test]
fn preparation_dialogs_at_120_by_40_in_english() {
    insta::assert_snapshot!(preparation_dialogs(crate::domain::Lang::En, (120, 40)));
}

#[test]
fn preparation_dialogs_at_80_by_24_in_chinese() {
    insta::assert_snapshot!(preparation_dialogs(crate::domain::Lang::ZhTw, (80, 24)));
}

#[test]
fn preparation_dialogs_at_80_by_24_in_english() {
    insta::assert_snapshot!(preparation_dialogs(crate::domain::Lang::En, (80, 24)));
}

#[test]
fn the_live_page_row_says_where_and_how_many_and_f4_shows_its_qr_code() {
    for (lang, size) in [
        (crate::domain::Lang::ZhTw, (80, 24)),
        (crate::domain::Lang::En, (120, 40)),
    ] {
        let mut app = demo();
        app.lang = lang;
        app.size = size;
        // Without a page, F4 says how to serve one.
        press(&mut app, KeyCode::F(4));
        assert!(
            message_text(&app).contains("--serve"),
            "{}",
            message_text(&app)
        );
        app.room = Some(crate::tui::facilitator::app::RoomPage {
            url: "http://192.168.1.20:8080/".into(),
            viewers: 12,
            qr_open: false,
        });
        let screen = screen_text(&render(&app, size.0, size.1));
        let row = screen.lines().nth(2).unwrap_or_default();
        assert!(row.contains("http://192.168.1.20:8080/"), "{screen}");
        assert!(
            row.contains(&crate::i18n::screen::watching(12, lang)),
            "{screen}"
        );
        press(&mut app, KeyCode::F(4));
        let screen = screen_text(&render(&app, size.0, size.1));
        assert!(screen.contains('▀') || screen.contains('▄'), "{screen}");
        insta::assert_snapshot!(format!("live_page_qr_{}x{}", size.0, size.1), screen);
        press(&mut app, KeyCode::F(4));
        assert!(!screen_text(&render(&app, size.0, size.1)).contains('▀'));
    }
}
