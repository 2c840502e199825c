//! What the header says of saving, and quitting that never loses anything.

use super::*;

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
    // Where the log would close, had the file been there.
    let end = crate::store::save(&dir.path().join("elsewhere.ron"), app.meeting.session())
        .expect("saved elsewhere");
    let saver = crate::store::Saver::spawn(path.clone(), end, reports);
    toggle(&mut app, "cec-deputy");
    let Some(event) = app.meeting.session().log.last().cloned() else {
        panic!("an arrival was recorded");
    };
    saver.append(event);

    assert_eq!(
        crate::tui::facilitator::quit(&mut app, &saver),
        None,
        "the first quit stays"
    );
    assert!(app.save.error.is_some());
    assert!(screen_text(&render(&app, 120, 40)).contains("無法儲存"));
    assert_eq!(
        crate::tui::facilitator::quit(&mut app, &saver),
        Some(crate::tui::facilitator::Ended::Rescue)
    );

    // The rescue copy goes beside the file if it can, else to the temporary folder,
    // and holds everything.
    let rescue = crate::tui::facilitator::write_rescue_copy(&path, app.meeting.session())
        .expect("a rescue copy");
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
