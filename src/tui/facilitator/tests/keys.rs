//! The key table, the footer and the help.

use super::*;

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
    // Down the left column, then the right.
    press(&mut app, KeyCode::Tab);
    assert_eq!(app.focus, Panel::Speakers);
    press(&mut app, KeyCode::Tab);
    assert_eq!(app.focus, Panel::Agenda);
    handle(
        &mut app,
        Input::Key(key_event(KeyCode::BackTab, KeyModifiers::SHIFT)),
    );
    handle(
        &mut app,
        Input::Key(key_event(KeyCode::BackTab, KeyModifiers::SHIFT)),
    );
    assert_eq!(app.focus, Panel::Attendance);
    ch(&mut app, '3');
    assert_eq!(app.focus, Panel::Motion);
    assert_eq!(app.contexts()[0], Context::Motion);
    ch(&mut app, '5');
    assert_eq!(app.contexts()[0], Context::Speakers);
}
