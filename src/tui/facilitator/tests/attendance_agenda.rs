//! Attendance, the agenda and undo.

use super::*;

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
    toggle(&mut app, "civic-participation");
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

#[test]
fn a_member_not_in_the_room_is_not_offered_as_a_proposer() {
    let mut app = demo();
    app.focus = Panel::Agenda;
    ch(&mut app, 'x');
    type_text(&mut app, "請中選會於下次會議報告無障礙檢測結果");
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, "周明");
    let Some(Dialog::Picker(picker)) = &app.dialog else {
        panic!("the proposer picker");
    };
    let absent = person(&app, "civic-participation");
    assert!(
        !picker
            .rows
            .contains(&crate::tui::shared::picker::PickRow::Person(absent))
    );
}

#[test]
fn the_agenda_is_prepared_in_the_app_add_retitle_move_and_remove_a_report() {
    let mut app = demo();
    select_item(&mut app, "report-system-progress");
    let reports = |app: &App| -> Vec<String> {
        app.state()
            .items
            .iter()
            .filter(|i| i.item.section == crate::domain::Section::Report)
            .map(|i| i.item.title.text.clone())
            .collect()
    };
    let before = reports(&app);
    // i: a new report, after the last report.
    ch(&mut app, 'i');
    let screen = screen_text(&render(&app, 120, 40));
    assert!(screen.contains("案由"), "{screen}");
    type_text(&mut app, "資安稽核進度");
    press(&mut app, KeyCode::Enter);
    assert!(app.dialog.is_none());
    let mut expected = before.clone();
    expected.push("資安稽核進度".to_owned());
    assert_eq!(reports(&app), expected);
    let added = app
        .agenda
        .selected_item()
        .expect("the new item is selected");
    assert_eq!(app.state().items[added].item.title.text, "資安稽核進度");

    // K moves it up within its section; at the top of the section it stays.
    ch(&mut app, 'K');
    assert_eq!(reports(&app)[before.len() - 1], "資安稽核進度");
    for _ in 0..before.len() {
        ch(&mut app, 'K');
    }
    assert_eq!(reports(&app)[0], "資安稽核進度");
    let said = message_text(&app);
    assert!(said.contains("已在本段落的邊上"), "{said}");

    // E edits its title, presenting unit and planned minutes, one after the other,
    // and records them as one change.
    let log = app.meeting.session().log.len();
    ch(&mut app, 'E');
    press(&mut app, KeyCode::End);
    type_text(&mut app, "報告");
    press(&mut app, KeyCode::Enter);
    let screen = screen_text(&render(&app, 120, 40));
    assert!(screen.contains("報告／提案單位"), "{screen}");
    type_text(&mut app, "資訊處");
    press(&mut app, KeyCode::Enter);
    assert!(screen_text(&render(&app, 120, 40)).contains("預定時間（分鐘）"));
    press(&mut app, KeyCode::Backspace);
    type_text(&mut app, "１５");
    press(&mut app, KeyCode::Enter);
    assert!(screen_text(&render(&app, 120, 40)).contains("說明（Enter 下一欄）"));
    type_text(&mut app, "說明本年度稽核結果。");
    press(&mut app, KeyCode::Enter);
    assert!(screen_text(&render(&app, 120, 40)).contains("辦法（可空白）"));
    type_text(&mut app, "洽悉。");
    press(&mut app, KeyCode::Enter);
    assert!(app.dialog.is_none());
    assert_eq!(app.meeting.session().log.len(), log + 1, "one change");
    assert_eq!(reports(&app)[0], "資安稽核進度報告");
    let edited = &app.state().items[app.agenda.selected_item().expect("selected")].item;
    assert_eq!(edited.presenter.text, "資訊處");
    assert_eq!(edited.planned_minutes, 15);
    assert_eq!(edited.explanation.text, "說明本年度稽核結果。");
    assert_eq!(
        edited.proposed_action.as_ref().map(|t| t.text.as_str()),
        Some("洽悉。")
    );
    let minutes = minutes_markdown(&app, crate::minutes::Languages::Chinese);
    assert!(minutes.contains("說明本年度稽核結果。"), "{minutes}");
    assert!(minutes.contains("洽悉。"), "{minutes}");

    // D removes it, and one undo brings it back.
    ch(&mut app, 'D');
    assert_eq!(reports(&app), before);
    let said = message_text(&app);
    assert!(
        said.starts_with("已記錄：移除議程「資安稽核進度報告」"),
        "{said}"
    );
    ctrl(&mut app, 'z');
    assert_eq!(reports(&app)[0], "資安稽核進度報告");

    // An item that was taken up stays.
    start_item(&mut app, "report-system-progress");
    app.focus = Panel::Agenda;
    ch(&mut app, 'D');
    assert!(
        app.state()
            .item(&crate::domain::ItemId::new("report-system-progress"))
            .is_some()
    );
    let said = message_text(&app);
    assert!(said.contains("不能移除"), "{said}");
}

#[test]
fn a_new_item_goes_to_the_section_tab_chooses_even_one_with_no_items_yet() {
    let mut app = demo();
    // The demo has no extempore item of its own before the meeting: from the
    // follow-up item, i offers the reports; Tab goes on to discussion, then extempore.
    select_item(&mut app, "follow-up");
    ch(&mut app, 'i');
    let screen = screen_text(&render(&app, 120, 40));
    assert!(
        screen.contains("新增於「報告事項」的案由（Tab 換段落）"),
        "{screen}"
    );
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    type_text(&mut app, "無障礙連署介面");
    let screen = screen_text(&render(&app, 120, 40));
    assert!(screen.contains("新增於「臨時動議」"), "{screen}");
    press(&mut app, KeyCode::Enter);
    let added = app.agenda.selected_item().expect("selected");
    let item = &app.state().items[added].item;
    assert_eq!(item.title.text, "無障礙連署介面");
    assert_eq!(item.section, crate::domain::Section::Extempore);
}

#[test]
fn a_name_and_title_are_corrected_from_the_attendance_panel_and_the_minutes_follow() {
    let mut app = demo();
    let i = person(&app, "prof-open-gov");
    let before = app.state().people[i].clone();
    app.focus = Panel::Attendance;
    app.attendance.select_person(i);
    ch(&mut app, 'E');
    let screen = screen_text(&render(&app, 120, 40));
    assert!(screen.contains("姓名（Enter 下一欄）"), "{screen}");
    // The name: the last character was mistyped.
    press(&mut app, KeyCode::End);
    press(&mut app, KeyCode::Backspace);
    type_text(&mut app, "如");
    press(&mut app, KeyCode::Enter);
    // The title: replaced.
    press(&mut app, KeyCode::End);
    for _ in 0..before.title.text.chars().count() {
        press(&mut app, KeyCode::Backspace);
    }
    type_text(&mut app, "副教授");
    press(&mut app, KeyCode::Enter);
    // The organisation: as it was.
    press(&mut app, KeyCode::Enter);
    assert!(app.dialog.is_none());

    let after = &app.state().people[i];
    let mut expected_name: Vec<char> = before.name.text.chars().collect();
    expected_name.pop();
    let expected_name: String = expected_name.into_iter().chain(['如']).collect();
    assert_eq!(after.name.text, expected_name);
    assert_eq!(after.name.en, None, "the English named the old name");
    assert_eq!(after.title.text, "副教授");
    assert_eq!(after.organisation, before.organisation);
    let said = message_text(&app);
    assert!(said.starts_with("已記錄：更正姓名"), "{said}");

    toggle(&mut app, "prof-open-gov");
    let minutes = minutes_markdown(&app, crate::minutes::Languages::Chinese);
    assert!(minutes.contains(&expected_name), "{minutes}");
    assert!(!minutes.contains(&before.name.text), "{minutes}");
}

#[test]
fn a_member_is_added_to_the_roster_with_their_category_and_counts_on_their_side() {
    let mut app = demo();
    let before = app.state().roster_balance();
    app.focus = Panel::Attendance;
    ch(&mut app, 'M');
    let screen = screen_text(&render(&app, 120, 40));
    assert!(
        screen.contains("類別「公民團體／民間組織／產業」（Tab 換類別或席位）"),
        "{screen}"
    );
    // Tab goes through each category and the chairing seat it may hold: civic
    // group → its co-convener → issue expert → its co-convener → open-government
    // expert.
    for _ in 0..4 {
        press(&mut app, KeyCode::Tab);
    }
    type_text(&mut app, "林開放");
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, "某大學資訊管理學系");
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, "教授");
    press(&mut app, KeyCode::Enter);
    assert!(app.dialog.is_none());

    let added = app.state().people.last().expect("added");
    assert_eq!(added.name.text, "林開放");
    assert_eq!(added.title.text, "教授");
    assert_eq!(added.organisation.text, "某大學資訊管理學系");
    assert!(matches!(
        added.role,
        crate::domain::Role::Member {
            category: crate::domain::Category::OpenGovExpert,
            seat: SeatRole::Member
        }
    ));
    let after = app.state().roster_balance();
    assert_eq!(after.non_government, before.non_government + 1);
    assert_eq!(after.government, before.government);
    let said = message_text(&app);
    assert_eq!(said, "已記錄：新增委員 林開放（Ctrl-Z 復原）");
    // On the attendance list, and can arrive.
    let id = app.state().people.last().expect("added").id.0.clone();
    toggle(&mut app, &id);
    assert!(screen_text(&render(&app, 120, 40)).contains("出席 林開放"));
}

#[test]
fn before_the_meeting_the_header_says_how_its_preparation_stands() {
    let mut app = demo();
    let header = |app: &App| {
        screen_text(&render(app, 120, 40))
            .lines()
            .nth(1)
            .unwrap_or_default()
            .to_owned()
    };
    let planned: u32 = app
        .state()
        .items
        .iter()
        .map(|i| i.item.planned_minutes)
        .sum();
    assert!(
        header(&app).contains(&format!("議程 {planned} 分")),
        "{}",
        header(&app)
    );
    // A new item has no planned time yet: said, in the warning colour.
    select_item(&mut app, "report-system-progress");
    ch(&mut app, 'i');
    type_text(&mut app, "資安稽核進度");
    press(&mut app, KeyCode::Enter);
    assert!(header(&app).contains("1 項未定時間"), "{}", header(&app));
    let buffer = render(&app, 120, 40);
    let (x, y) = find(&buffer, "1 項未定時間").expect("on the header");
    assert_eq!(
        buffer[(x, y)].style().fg,
        crate::tui::shared::theme::warning().fg
    );
    // Once the meeting starts the header shows the meeting's clock instead.
    app.focus = Panel::Agenda;
    ch(&mut app, 'b');
    assert!(!header(&app).contains("議程 "), "{}", header(&app));
}

#[test]
fn a_representative_is_added_with_a_title_and_the_dialog_says_for_whom() {
    let mut app = demo();
    let i = person(&app, "moica");
    let member = app.state().people[i].name.text.clone();
    app.focus = Panel::Attendance;
    app.attendance.select_person(i);
    ch(&mut app, 'r');
    let screen = screen_text(&render(&app, 120, 40));
    assert!(
        screen.contains(&format!("代理 {member} 出席的指派代表姓名")),
        "{screen}"
    );
    type_text(&mut app, "周代理");
    press(&mut app, KeyCode::Enter);
    assert!(screen_text(&render(&app, 120, 40)).contains("指派代表職稱"));
    type_text(&mut app, "科長");
    press(&mut app, KeyCode::Enter);
    assert!(app.dialog.is_none());
    let rep = app.state().people.last().expect("added");
    assert_eq!(rep.name.text, "周代理");
    assert_eq!(rep.title.text, "科長");
    assert!(screen_text(&render(&app, 120, 40)).contains("周代理"));
}

#[test]
fn a_new_member_takes_a_chairing_seat_only_where_the_roster_has_none() {
    let mut app = demo();
    let people = app.state().people.len();
    app.focus = Panel::Attendance;
    ch(&mut app, 'M');
    // Civic group → its co-convener seat: the dialog says so.
    press(&mut app, KeyCode::Tab);
    let screen = screen_text(&render(&app, 120, 40));
    assert!(
        screen.contains("類別「公民團體／民間組織／產業・共同召集人」"),
        "{screen}"
    );
    type_text(&mut app, "王共同");
    for _ in 0..3 {
        press(&mut app, KeyCode::Enter);
    }
    // The demo already has its co-convener: refused, with the reason a roster
    // gives on load, and nothing added.
    assert_eq!(app.state().people.len(), people);
    let said = message_text(&app);
    assert!(said.contains("共同召集人"), "{said}");

    // In English, the lead agency's convener seat is offered and named.
    let mut app = demo();
    app.lang = crate::domain::Lang::En;
    app.focus = Panel::Attendance;
    ch(&mut app, 'M');
    // Tab goes round every seat and comes back to the lead agency's.
    let seats = crate::tui::facilitator::dialog::MemberSeat::choices().count();
    let mut offered = Vec::new();
    for _ in 0..seats {
        press(&mut app, KeyCode::Tab);
        offered.push(screen_text(&render(&app, 120, 40)));
    }
    assert!(
        offered[seats - 1].contains("as Civic group"),
        "back where it began"
    );
    assert!(
        offered.iter().any(|s| s.contains("as Lead agency (Tab")),
        "{offered:?}"
    );
    let convener = offered
        .iter()
        .position(|s| s.contains("as Lead agency, Convener (Tab"))
        .expect("the convener seat is offered");
    for _ in 0..=convener {
        press(&mut app, KeyCode::Tab);
    }
    let screen = screen_text(&render(&app, 120, 40));
    assert!(screen.contains(", Convener (Tab"), "{screen}");
}

#[test]
fn the_meetings_details_are_edited_in_turn_and_the_header_and_minutes_follow() {
    let mut app = demo();
    let before = app.state().meeting().clone();
    app.focus = Panel::Agenda;
    let log = app.meeting.session().log.len();
    ch(&mut app, 'I');
    assert!(screen_text(&render(&app, 120, 40)).contains("會議名稱（Enter 下一欄）"));
    // The title, as it stands, replaced.
    for _ in 0..before.title.text.chars().count() {
        press(&mut app, KeyCode::Backspace);
    }
    type_text(&mut app, "開放政府論壇");
    press(&mut app, KeyCode::Enter);
    // The number, typed with a Chinese input method's digits.
    assert!(screen_text(&render(&app, 120, 40)).contains("第幾次會議"));
    for _ in 0..3 {
        press(&mut app, KeyCode::Backspace);
    }
    type_text(&mut app, "７");
    press(&mut app, KeyCode::Enter);
    // The date: nonsense is refused and the field stays to be put right.
    for _ in 0..10 {
        press(&mut app, KeyCode::Backspace);
    }
    type_text(&mut app, "12月10日");
    press(&mut app, KeyCode::Enter);
    let said = message_text(&app);
    assert!(said.contains("YYYY-MM-DD"), "{said}");
    assert!(screen_text(&render(&app, 120, 40)).contains("日期 YYYY-MM-DD"));
    for _ in 0.."12月10日".chars().count() {
        press(&mut app, KeyCode::Backspace);
    }
    type_text(&mut app, "2026/12/10");
    press(&mut app, KeyCode::Enter);
    // The planned start and end.
    for _ in 0..5 {
        press(&mut app, KeyCode::Backspace);
    }
    type_text(&mut app, "１４：００");
    press(&mut app, KeyCode::Enter);
    for _ in 0..5 {
        press(&mut app, KeyCode::Backspace);
    }
    type_text(&mut app, "16:30");
    press(&mut app, KeyCode::Enter);
    // The venue; the recorder as it was.
    press(&mut app, KeyCode::End);
    type_text(&mut app, "（二樓）");
    press(&mut app, KeyCode::Enter);
    assert!(screen_text(&render(&app, 120, 40)).contains("紀錄（Enter 下一欄）"));
    press(&mut app, KeyCode::Enter);
    // Last the chair, from the roster: a name typed in is refused, a member taken.
    assert!(screen_text(&render(&app, 120, 40)).contains("主席（選（無）則由召集人"));
    type_text(&mut app, "某位貴賓");
    press(&mut app, KeyCode::Up);
    press(&mut app, KeyCode::Enter);
    assert!(app.dialog.is_some(), "a typed name is not on the roster");
    for _ in 0.."某位貴賓".chars().count() {
        press(&mut app, KeyCode::Backspace);
    }
    type_text(&mut app, "許雅");
    press(&mut app, KeyCode::Enter);
    assert!(app.dialog.is_none());
    assert_eq!(app.meeting.session().log.len(), log + 1, "one change");

    let info = app.state().meeting();
    assert_eq!(info.title.text, "開放政府論壇");
    assert_eq!(info.title.en, None, "the English named the old title");
    assert_eq!(info.number, Some(7));
    assert_eq!(info.date.to_string(), "2026-12-10");
    assert_eq!(
        info.planned_end.map(|t| t.format("%H:%M").to_string()),
        Some("16:30".to_owned())
    );
    assert_eq!(info.venue.text, format!("{}（二樓）", before.venue.text));
    assert_eq!(info.recorder, before.recorder);
    let said = message_text(&app);
    assert!(said.starts_with("已記錄：修改會議資料"), "{said}");
    let screen = screen_text(&render(&app, 120, 40));
    assert!(screen.contains("開放政府論壇"), "{screen}");
    let minutes = minutes_markdown(&app, crate::minutes::Languages::Chinese);
    assert!(minutes.contains("開放政府論壇第 7 次會議紀錄"), "{minutes}");
    assert!(minutes.contains("115 年 12 月 10 日"), "{minutes}");
    let chair = minutes
        .lines()
        .skip_while(|l| !l.starts_with("**主席**"))
        .take(2)
        .collect::<String>();
    assert!(chair.contains("許雅雯"), "{chair}");
    assert!(!chair.contains("召集人："), "{chair}");

    // One undo takes the whole change back.
    ctrl(&mut app, 'z');
    assert_eq!(app.state().meeting(), &before);
}

#[test]
fn a_planned_end_before_the_start_is_refused_with_the_reason() {
    let mut app = demo();
    app.lang = crate::domain::Lang::En;
    app.focus = Panel::Agenda;
    ch(&mut app, 'I');
    // Title, number, date as they are.
    for _ in 0..3 {
        press(&mut app, KeyCode::Enter);
    }
    for _ in 0..5 {
        press(&mut app, KeyCode::Backspace);
    }
    type_text(&mut app, "15:00");
    press(&mut app, KeyCode::Enter);
    for _ in 0..5 {
        press(&mut app, KeyCode::Backspace);
    }
    type_text(&mut app, "2pm");
    press(&mut app, KeyCode::Enter);
    let said = message_text(&app);
    assert!(said.contains("HH:MM"), "{said}");
    for _ in 0..3 {
        press(&mut app, KeyCode::Backspace);
    }
    type_text(&mut app, "14:00");
    // The end, the venue, the recorder, the chair (none).
    for _ in 0..4 {
        press(&mut app, KeyCode::Enter);
    }
    let said = message_text(&app);
    assert!(said.contains("planned end must come after"), "{said}");
    assert_ne!(
        app.state()
            .meeting()
            .planned_start
            .map(|t| t.format("%H:%M").to_string()),
        Some("15:00".to_owned()),
        "nothing changed"
    );
}

#[test]
fn someone_on_the_roster_by_mistake_is_taken_off_but_not_someone_who_came() {
    let mut app = demo();
    let i = person(&app, "prof-open-gov");
    let name = app.state().people[i].name.text.clone();
    let members = app.state().roster_balance();
    app.focus = Panel::Attendance;
    app.attendance.select_person(i);
    ch(&mut app, 'D');
    assert!(
        app.state()
            .person(&PersonId::new("prof-open-gov"))
            .is_none()
    );
    let said = message_text(&app);
    assert_eq!(said, format!("已記錄：移除名單上的 {name}（Ctrl-Z 復原）"));
    assert!(!screen_text(&render(&app, 120, 40)).contains(&format!("未到 {name}")));
    assert_eq!(
        app.state().roster_balance().non_government,
        members.non_government - 1
    );
    // The selection stays on a person.
    assert!(app.attendance.selected_person().is_some());
    ctrl(&mut app, 'z');
    assert!(screen_text(&render(&app, 120, 40)).contains(&format!("未到 {name}")));

    // Someone who came stays, and the panel says why.
    toggle(&mut app, "open-culture");
    let i = person(&app, "open-culture");
    app.attendance.select_person(i);
    ch(&mut app, 'D');
    assert!(app.state().person(&PersonId::new("open-culture")).is_some());
    let said = message_text(&app);
    assert!(said.contains("不能移除"), "{said}");
}
