//! The motion procedure from the keyboard: consensus, consent, the vote, the chair.

use super::*;

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
fn confirming_the_vote_with_nothing_typed_is_refused_not_recorded_as_nought() {
    let mut app = demo();
    the_motion_through_failed_consensus(&mut app);
    ch(&mut app, 'a');
    type_text(&mut app, "7");
    press(&mut app, KeyCode::Enter);
    ch(&mut app, 'v');
    let effects = press(&mut app, KeyCode::Enter);
    assert!(effects.is_empty(), "nothing recorded: {effects:?}");
    assert_eq!(open_source(&app).stage, Stage::Voting);
    let message = app.message.clone().expect("the refusal is shown");
    assert!(message.text.contains("尚未計票"), "{}", message.text);
    assert!(matches!(app.dialog, Some(Dialog::Counts(_))), "still open");
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
fn an_observer_is_not_offered_to_block_and_her_objection_is_recorded_without_blocking() {
    let mut app = demo();
    ten_present(&mut app);
    toggle(&mut app, "public-reporter");
    start_item(&mut app, "discussion-open-source");
    app.focus = Panel::Motion;
    ch(&mut app, 'c');
    ch(&mut app, 'o');
    type_text(&mut app, "林曉薇");
    let Some(Dialog::Picker(picker)) = &app.dialog else {
        panic!("the objector picker");
    };
    assert_eq!(
        picker.rows,
        vec![crate::tui::shared::picker::PickRow::Free],
        "only who may block is offered; her name is a name typed in"
    );
    let screen = screen_text(&render(&app, 120, 40));
    assert!(
        screen.contains("非委員（意見照錄，不阻擋共識）「林曉薇」"),
        "{screen}"
    );
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, "反對");
    press(&mut app, KeyCode::Enter);
    let objections = &open_source(&app).objections;
    assert_eq!(objections.len(), 1, "recorded");
    assert!(!objections[0].blocking, "but not blocking");
    ch(&mut app, 'e');
    assert_eq!(
        open_source(&app).stage,
        Stage::Closed(Outcome::AdoptedByConsensus),
        "her view does not stop consensus"
    );
}

#[test]
fn a_member_not_in_the_room_is_not_offered_to_block() {
    let mut app = demo();
    ten_present(&mut app);
    start_item(&mut app, "discussion-open-source");
    app.focus = Panel::Motion;
    ch(&mut app, 'c');
    ch(&mut app, 'o');
    let Some(Dialog::Picker(picker)) = &app.dialog else {
        panic!("the objector picker");
    };
    let state = app.state();
    let offered: Vec<usize> = picker
        .rows
        .iter()
        .filter_map(|row| match row {
            crate::tui::shared::picker::PickRow::Person(i) => Some(*i),
            _ => None,
        })
        .collect();
    assert!(!offered.is_empty());
    for i in offered {
        assert!(
            state.seat_acting(i).is_ok(),
            "{} may act",
            state.people[i].name.text
        );
    }
    let absent = person(&app, "nics");
    assert!(
        !picker
            .rows
            .contains(&crate::tui::shared::picker::PickRow::Person(absent))
    );
}

#[test]
fn an_objection_is_answered_by_amending_the_text_in_the_round_which_then_adopts_it() {
    let mut app = demo();
    ten_present(&mut app);
    start_item(&mut app, "discussion-open-source");
    app.focus = Panel::Motion;
    let original = open_source(&app).motion.text.text.clone();
    ch(&mut app, 'c');
    ch(&mut app, 'o');
    type_text(&mut app, "鄭凱");
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, "期程太趕");
    press(&mut app, KeyCode::Enter);
    assert!(!open_source(&app).round_would_adopt());

    // m opens the text as it stands; the objector proposes the change.
    ch(&mut app, 'm');
    let screen = screen_text(&render(&app, 120, 40));
    assert!(screen.contains("議案文字（修改後按 Enter"), "{screen}");
    type_text(&mut app, "（分兩階段）");
    press(&mut app, KeyCode::Enter);
    let screen = screen_text(&render(&app, 120, 40));
    assert!(screen.contains("修正提議者"), "{screen}");
    type_text(&mut app, "鄭凱");
    press(&mut app, KeyCode::Enter);
    assert!(app.dialog.is_none());

    let motion = open_source(&app);
    assert_eq!(motion.motion.text.text, format!("{original}（分兩階段）"));
    assert_eq!(motion.original_text().text, original);
    assert_eq!(motion.round(), 2, "asked again on the amended text");
    assert!(motion.round_would_adopt());
    let said = message_text(&app);
    assert!(said.starts_with("已記錄：修正議案為「"), "{said}");

    ch(&mut app, 'e');
    assert_eq!(
        open_source(&app).stage,
        Stage::Closed(Outcome::AdoptedByConsensus)
    );
    // The minutes show the adopted text and how it got there.
    for (languages, expected) in [
        (
            crate::minutes::Languages::Chinese,
            [
                "原案",
                "提出修正，依修正文字重新徵詢",
                "修正（",
                "（分兩階段）",
            ],
        ),
        (
            crate::minutes::Languages::English,
            [
                "Original text",
                "Amended: asked again on the amended text",
                "Amended (",
                "（分兩階段）",
            ],
        ),
    ] {
        let minutes = minutes_markdown(&app, languages);
        for fragment in expected {
            assert!(minutes.contains(fragment), "{fragment:?} in:\n{minutes}");
        }
    }
}

#[test]
fn a_draft_is_edited_without_a_proposer_and_a_text_being_voted_on_is_fixed() {
    let mut app = demo();
    start_item(&mut app, "discussion-open-source");
    app.focus = Panel::Motion;
    ch(&mut app, 'm');
    type_text(&mut app, "。");
    press(&mut app, KeyCode::Enter);
    assert!(app.dialog.is_none(), "no proposer asked for a draft");
    let motion = open_source(&app);
    assert_eq!(motion.amendments.len(), 1);
    assert_eq!(motion.amendments[0].proposer, None);

    // Unchanged: refused in the dialog, which stays open.
    ch(&mut app, 'm');
    press(&mut app, KeyCode::Enter);
    assert!(app.dialog.is_some());
    let said = message_text(&app);
    assert_eq!(said, "修正後的文字與現行文字相同");
    press(&mut app, KeyCode::Esc);

    // Through a failed round and the consent to vote: the text is fixed.
    let mut app = demo();
    the_motion_through_failed_consensus(&mut app);
    ch(&mut app, 'a');
    type_text(&mut app, "8");
    press(&mut app, KeyCode::Enter);
    assert_eq!(open_source(&app).stage, Stage::Voting);
    ch(&mut app, 'm');
    assert!(app.dialog.is_none(), "no dialog for a refused step");
    let said = message_text(&app);
    assert!(said.contains("已同意付表決"), "{said}");
}

#[test]
fn a_second_motion_is_put_on_a_discussion_item_but_a_report_takes_none() {
    let mut app = demo();
    ten_present(&mut app);
    start_item(&mut app, "discussion-open-source");
    app.focus = Panel::Motion;
    let before = app.shown_motions().len();
    ch(&mut app, 'p');
    type_text(&mut app, "另請秘書處於下次會議報告進度。");
    press(&mut app, KeyCode::Enter);
    let screen = screen_text(&render(&app, 120, 40));
    assert!(
        screen.contains("提案人"),
        "the proposer is asked:\n{screen}"
    );
    type_text(&mut app, "許雅");
    press(&mut app, KeyCode::Enter);
    assert!(app.dialog.is_none());
    assert_eq!(app.shown_motions().len(), before + 1);
    let added = &app.state().motions[app.selected_motion().expect("selected")];
    assert_eq!(added.motion.text.text, "另請秘書處於下次會議報告進度。");
    assert_eq!(added.motion.id.0, "discussion-open-source-m1");
    assert!(added.motion.proposer.is_some());
    assert!(added.added_on_the_day);
    // It goes through the procedure like any motion.
    ch(&mut app, 'c');
    assert_eq!(
        app.state().motions[app.selected_motion().expect("selected")].stage,
        Stage::ConsensusRound
    );

    start_item(&mut app, "report-system-progress");
    app.focus = Panel::Motion;
    ch(&mut app, 'p');
    assert!(app.dialog.is_none(), "no dialog on a report");
    let said = message_text(&app);
    assert!(said.contains("不提議案"), "{said}");
}

#[test]
fn the_room_splits_a_motion_in_its_round_and_the_minutes_show_both_parts() {
    let mut app = demo();
    ten_present(&mut app);
    start_item(&mut app, "discussion-open-source");
    app.focus = Panel::Motion;
    let original = open_source(&app).motion.text.text.clone();
    let motions = app.state().motions.len();
    ch(&mut app, 'c');

    // S opens the text as it stands, for the part the motion keeps.
    ch(&mut app, 'S');
    let screen = screen_text(&render(&app, 120, 40));
    assert!(screen.contains("分案：本案保留的文字"), "{screen}");
    for _ in 0..original.chars().count() {
        press(&mut app, KeyCode::Backspace);
    }
    type_text(&mut app, "原始碼公開於政府程式碼平臺");
    press(&mut app, KeyCode::Enter);
    assert!(screen_text(&render(&app, 120, 40)).contains("分案：另立一案的文字"));
    type_text(&mut app, "第三方資安檢測報告摘要公開");
    press(&mut app, KeyCode::Enter);
    assert!(screen_text(&render(&app, 120, 40)).contains("誰提議分案？"));
    type_text(&mut app, "鄭凱");
    press(&mut app, KeyCode::Enter);
    assert!(app.dialog.is_none());

    assert_eq!(app.state().motions.len(), motions + 1);
    let kept = open_source(&app);
    assert_eq!(kept.motion.text.text, "原始碼公開於政府程式碼平臺");
    assert_eq!(kept.original_text().text, original);
    let rest = app.state().motions.last().expect("the new motion");
    assert_eq!(rest.motion.text.text, "第三方資安檢測報告摘要公開");
    assert_eq!(rest.motion.item, kept.motion.item);
    let said = message_text(&app);
    assert!(said.starts_with("已記錄：分案，另立「"), "{said}");
    // The panel shows the new motion, selected.
    let screen = screen_text(&render(&app, 120, 40));
    assert!(screen.contains("第三方資安檢測報告摘要公開"), "{screen}");

    for (languages, expected) in [
        (
            crate::minutes::Languages::Chinese,
            [
                "分案，依本案保留文字重新徵詢",
                "分案（",
                "另案處理",
                "分案自",
                "第三方資安檢測報告摘要公開",
            ],
        ),
        (
            crate::minutes::Languages::English,
            [
                "Split: asked again on the text the motion kept",
                "Split (",
                "the rest taken as a separate motion",
                "Split from",
                "第三方資安檢測報告摘要公開",
            ],
        ),
    ] {
        let minutes = minutes_markdown(&app, languages);
        for fragment in expected {
            assert!(minutes.contains(fragment), "{fragment:?} in:\n{minutes}");
        }
    }

    // One undo takes the split back whole.
    ctrl(&mut app, 'z');
    assert_eq!(app.state().motions.len(), motions);
    assert_eq!(open_source(&app).motion.text.text, original);
}
