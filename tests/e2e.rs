//! The real binary in a pseudo-terminal, driven as a facilitator would drive it.

mod support;

use std::fs;
use std::path::Path;

use roundtable::domain::{EventKind, MotionId, Outcome, PersonId, Stage, Tally};
use support::pty::Pty;

fn copy_of_the_demo(dir: &Path) -> std::path::PathBuf {
    let path = dir.join("meeting.ron");
    fs::copy("sessions/demo.ron", &path).expect("copy the demo");
    path
}

fn open(path: &Path) -> Pty {
    let dir = path.parent().expect("a folder");
    let pty = Pty::spawn(&["open", path.to_str().expect("utf-8 path")], dir, 120, 40);
    pty.wait_for("出席委員 0 人");
    pty
}

/// Marks rows of the attendance list present, moving down from the first.
fn arrive_rows(pty: &mut Pty, rows: &[usize]) {
    let mut at = 0;
    for &row in rows {
        pty.send(&"j".repeat(row - at));
        pty.send(" ");
        at = row;
    }
}

#[test]
fn a_motion_through_failed_consensus_consent_and_a_vote_is_saved() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = copy_of_the_demo(dir.path());
    let mut pty = open(&path);

    // Five government seats (one taken by the Ministry of the Interior's
    // representative, row 3) and five non-government members arrive.
    arrive_rows(&mut pty, &[0, 1, 3, 4, 5, 8, 9, 10, 11, 12]);
    pty.wait_for("出席委員 10 人");
    pty.wait_for("付表決需 6");

    // Start the meeting and the first discussion item.
    pty.send("2b");
    pty.wait_for("會議 0:0");
    pty.send("jjjj\r");
    pty.wait_for("電子連署系統原始碼公開");

    // The consensus round: 鄭凱文 objects, so it fails.
    pty.send("3c");
    pty.wait_for("徵詢共識");
    pty.send("o鄭凱");
    pty.wait_for("鄭凱文");
    pty.send("\r期程太趕\r");
    pty.wait_for("期程太趕");
    pty.send("e");
    pty.wait_for("未達共識");

    // Six of ten agree to vote; then 5 yes, 3 no, 2 abstain.
    pty.send("a6\r");
    pty.wait_for("表決中");
    pty.send("v5\t3\t2\r");
    pty.wait_for("表決通過");
    pty.wait_for("已儲存 ✓");

    pty.send("q");
    assert!(pty.wait_exit(), "quits cleanly");

    let meeting = roundtable::store::load(&path).expect("the saved file loads");
    let motion = meeting
        .state()
        .motion(&MotionId::new("open-source"))
        .expect("the motion");
    assert_eq!(motion.stage, Stage::Closed(Outcome::AdoptedByVote));
    assert!(motion.objections[0].blocking);
    assert_eq!(motion.objections[0].reason.text, "期程太趕");
    assert_eq!(motion.consents[0].agree, 6);
    let vote = motion.vote.as_ref().expect("a vote");
    assert_eq!(
        vote.tally,
        Tally::Counts {
            yes: 5,
            no: 3,
            abstain: 2
        }
    );
    assert_eq!((vote.denominator, vote.needed), (10, 5));
}

#[test]
fn a_change_shown_as_saved_survives_sigkill() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = copy_of_the_demo(dir.path());
    let mut pty = open(&path);

    pty.send(" ");
    // The same frame shows the arrival and, once on disk, the saved mark.
    pty.wait_until("the arrival, saved", |screen| {
        screen.contains("出席委員 1 人") && screen.contains("已儲存 ✓")
    });
    pty.kill_hard();

    let meeting = roundtable::store::load(&path).expect("the file loads after SIGKILL");
    let arrivals: Vec<&PersonId> = meeting
        .session()
        .log
        .iter()
        .filter_map(|e| match &e.kind {
            EventKind::Arrived { person } => Some(person),
            _ => None,
        })
        .collect();
    assert_eq!(arrivals, [&PersonId::new("cec-deputy")]);

    // Reopened, the arrival is there on the screen too.
    let reopened = Pty::spawn(
        &["open", path.to_str().expect("utf-8")],
        dir.path(),
        120,
        40,
    );
    reopened.wait_for("出席委員 1 人");
}

/// Idle, the screen changes only with the clock: at most one small redraw a second,
/// and no measurable CPU. (The three seconds are the measuring window, not a wait.)
#[test]
fn idle_the_app_redraws_at_most_once_a_second_and_uses_no_measurable_cpu() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = copy_of_the_demo(dir.path());
    let pty = open(&path);
    pty.wait_for("已儲存 ✓");
    // The first frame arrives in pieces; measure from when the output has settled.
    let mut settled = pty.bytes_received();
    loop {
        std::thread::sleep(std::time::Duration::from_millis(300));
        let now = pty.bytes_received();
        if now - settled < 100 {
            break;
        }
        settled = now;
    }
    let (bytes, ticks) = (pty.bytes_received(), pty.cpu_ticks());
    std::thread::sleep(std::time::Duration::from_secs(3));
    let (bytes, ticks) = (pty.bytes_received() - bytes, pty.cpu_ticks() - ticks);
    eprintln!("idle for 3 s: {bytes} bytes to the terminal, {ticks} CPU ticks");
    // A full 120x40 redraw is kilobytes; a clock update is tens of bytes.
    assert!(bytes < 1_000, "{bytes} bytes written in 3 s of idling");
    // Clock ticks are 10 ms; 3 s of a busy loop would be 300.
    assert!(ticks <= 3, "{ticks} ticks of CPU in 3 s of idling");
}

#[test]
fn sigterm_saves_what_was_done_and_gives_the_terminal_back() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = copy_of_the_demo(dir.path());
    let mut pty = open(&path);
    assert!(
        !pty.terminal_is_restored(),
        "the app owns the terminal while it runs"
    );
    pty.send(" ");
    pty.wait_for("出席委員 1 人");
    // No waiting for the saved mark: the signal must flush what is pending.
    pty.signal("TERM");
    assert!(pty.wait_exit(), "a signal is a clean exit");
    assert!(pty.terminal_is_restored());
    let meeting = roundtable::store::load(&path).expect("loads");
    assert_eq!(meeting.state().present_members().total(), 1);
}

#[test]
fn a_panic_gives_the_terminal_back_and_says_what_happened() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = copy_of_the_demo(dir.path());
    let before = fs::read(&path).expect("read");
    let mut pty = Pty::spawn_with_env(
        &["open", path.to_str().expect("utf-8")],
        dir.path(),
        120,
        40,
        &[("ROUNDTABLE_TEST_PANIC", "1"), ("RUST_BACKTRACE", "0")],
    );
    assert!(!pty.wait_exit(), "a panic is a failure exit");
    assert!(pty.terminal_is_restored());
    pty.wait_for("ROUNDTABLE_TEST_PANIC");
    assert_eq!(
        fs::read(&path).expect("read"),
        before,
        "the session is untouched"
    );
}

/// The next meeting of the demo's series: its follow-up table is recorded on the
/// follow-up item, from the motion panel, and the file holds what the room decided.
#[test]
fn the_follow_up_table_is_recorded_from_the_motion_panel_and_saved() {
    use roundtable::domain::FollowUpStatus;

    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("next.ron");
    let previous = Path::new(env!("CARGO_MANIFEST_DIR")).join("sessions/demo-finished.ron");
    let made = std::process::Command::new(env!("CARGO_BIN_EXE_roundtable"))
        .arg("new")
        .arg(&path)
        .arg("--follow-up")
        .arg(&previous)
        .current_dir(dir.path())
        .output()
        .expect("roundtable new runs");
    assert!(made.status.success(), "{made:?}");
    let mut pty = open(&path);

    // The second agenda item is the follow-up; its table takes the motion panel.
    pty.send("2j\r");
    pty.wait_for("1 繼續追蹤");
    pty.send("3\x1b[B");
    pty.wait_for("[2/5]");

    // What was done about matter 2, then the room closes it.
    pty.send("t");
    pty.wait_for("第 2 項辦理情形");
    pty.send("已寄送試用說明\r");
    pty.wait_for("辦理情形：已寄送試用說明");
    pty.send("x");
    pty.wait_until("matter 2 closed, saved", |screen| {
        screen.contains("2 解除追蹤") && screen.contains("已儲存 ✓")
    });

    pty.send("q");
    assert!(pty.wait_exit(), "quits cleanly");

    let meeting = roundtable::store::load(&path).expect("the saved file loads");
    let table = &meeting.state().follow_up;
    assert_eq!(table.len(), 5);
    assert_eq!(table[1].number, 2);
    assert_eq!(table[1].action_taken.text, "已寄送試用說明");
    assert_eq!(table[1].status, FollowUpStatus::Closed);
    assert!(
        table
            .iter()
            .filter(|e| e.number != 2)
            .all(|e| e.status == FollowUpStatus::KeepTracking)
    );
    let recorded = meeting
        .session()
        .log
        .iter()
        .filter(|e| matches!(e.kind, EventKind::FollowUpRecorded { .. }))
        .count();
    assert_eq!(recorded, 2, "one event for the text, one for closing");
}

#[test]
fn a_session_that_cannot_be_saved_ends_in_a_rescue_copy_and_a_failure_that_says_where() {
    let dir = tempfile::tempdir().expect("temp dir");
    let folder = dir.path().join("meetings");
    fs::create_dir(&folder).expect("a folder");
    let path = copy_of_the_demo(&folder);
    let temporary = dir.path().join("tmp");
    fs::create_dir(&temporary).expect("a temporary folder");
    let mut pty = Pty::spawn_with_env(
        &["open", path.to_str().expect("utf-8 path")],
        dir.path(),
        400,
        40,
        &[("TMPDIR", temporary.to_str().expect("utf-8 path"))],
    );
    pty.wait_for("出席委員 0 人");

    // The folder goes away (a USB stick pulled out): nothing can be saved there now,
    // nor beside the file.
    fs::rename(&folder, dir.path().join("pulled-out")).expect("moves");
    arrive_rows(&mut pty, &[0]);
    pty.wait_for("出席委員 1 人");
    pty.wait_for("儲存失敗");
    pty.send("q");
    pty.wait_for("無法儲存，尚未離開");
    pty.send("q");
    assert!(
        !pty.wait_exit(),
        "a meeting not in its file is not a success"
    );

    let rescues: Vec<_> = fs::read_dir(&temporary)
        .expect("lists")
        .map(|e| e.expect("an entry").path())
        .collect();
    assert_eq!(rescues.len(), 1, "one rescue copy: {rescues:?}");
    let rescue = &rescues[0];
    assert!(
        rescue
            .file_name()
            .is_some_and(|n| n.to_string_lossy().starts_with("meeting.rescue-")),
        "{}",
        rescue.display()
    );
    let screen = pty.wait_for("rescue copy");
    let said = screen.split_whitespace().collect::<String>();
    let expected = format!("everythingisintherescuecopy{}", rescue.display());
    assert!(said.contains(&expected), "{screen}");
    let meeting = roundtable::store::load(rescue).expect("the rescue copy loads");
    assert!(
        matches!(
            meeting.session().log.last().map(|e| &e.kind),
            Some(EventKind::Arrived { .. })
        ),
        "the arrival that could not be saved is in the copy"
    );
}

#[test]
fn a_queue_of_three_speakers_runs_with_a_pause_and_a_minute_more_and_is_saved() {
    use roundtable::domain::{Speaker, Voice};
    let dir = tempfile::tempdir().expect("temp dir");
    let path = copy_of_the_demo(dir.path());
    let mut pty = open(&path);
    arrive_rows(&mut pty, &[0, 1, 2, 4, 8, 9]);
    pty.wait_for("出席委員 6 人");
    pty.send("2b");
    pty.wait_for("會議 0:0");
    pty.send("jjjj\r");
    pty.wait_for("電子連署系統原始碼公開");

    // Three ask to speak, by part of their names.
    pty.send("5a許雅\r");
    pty.wait_for("1 人登記");
    pty.send("a周明\r");
    pty.wait_for("2 人登記");
    pty.send("a陳怡\r");
    pty.wait_for("3 人登記");

    // The first is called and paused: her time stands still while paused.
    pty.send("n");
    pty.wait_for("▶ 許雅雯");
    pty.send(" ");
    let paused = pty.wait_for("⏸ 許雅雯");
    let left = |screen: &str| {
        screen
            .lines()
            .find(|l| l.contains("許雅雯") && l.contains("暫停"))
            .and_then(|l| l.split("暫停").nth(1))
            .and_then(|after| after.split('│').next())
            .map(|time| time.trim().to_owned())
            .unwrap_or_default()
    };
    let before = left(&paused);
    assert!(before.ends_with("/3:00"), "{paused}");
    std::thread::sleep(std::time::Duration::from_millis(2200));
    assert_eq!(
        left(&pty.screen()),
        before,
        "a paused countdown does not run"
    );
    // Resumed with a minute more: four minutes allowed.
    pty.send(" +");
    pty.wait_for("/4:00");
    // The next two, the second ended by hand.
    pty.send("n");
    pty.wait_for("▶ 周明德");
    pty.send("e");
    pty.wait_for("（無人發言）");
    pty.send("n");
    pty.wait_for("▶ 陳怡君");
    pty.wait_for("已儲存 ✓");
    pty.send("q");
    assert!(pty.wait_exit(), "quits cleanly");

    let meeting = roundtable::store::load(&path).expect("the saved file loads");
    let state = meeting.state();
    let turns = state.turns();
    let who: Vec<&str> = turns
        .iter()
        .map(|t| match &t.speaker {
            Speaker::Person(id) => id.0.as_str(),
            Speaker::Named(name) => name.as_str(),
        })
        .collect();
    assert_eq!(who, ["open-culture", "civic-participation", "cec-deputy"]);
    assert_eq!(turns[0].pauses.len(), 1);
    assert!(turns[0].pauses[0].1.is_some(), "the pause ended");
    assert_eq!(turns[0].extra_seconds, 60);
    assert!(turns[0].ended.is_some() && turns[1].ended.is_some());
    assert!(
        turns[2].ended.is_none(),
        "the last still speaking when saved"
    );
    let item = state.current_item().expect("the item").item.id.clone();
    assert!(state.queue(&item).is_empty());
    let now = turns[2].started;
    let balance = state.voice(Some(&item), now);
    assert_eq!(balance.of(Voice::NonGovernment).1, 2);
    assert_eq!(balance.of(Voice::Government).1, 1);
}

#[test]
fn a_public_comment_is_answered_during_the_meeting_and_saved() {
    use roundtable::domain::{CommentId, ResponseStatus};
    let dir = tempfile::tempdir().expect("temp dir");
    let path = copy_of_the_demo(dir.path());
    let mut pty = open(&path);
    pty.send("2b");
    pty.wait_for("會議 0:0");
    pty.send("jjjj\r");
    pty.wait_for("電子連署系統原始碼公開");
    // The item's comments, the first answered as partly taken up, with the reason.
    pty.send("C");
    pty.wait_for("公眾意見：");
    pty.wait_for("陳小姐");
    pty.send("\r");
    pty.wait_for("回應：採納");
    pty.send("\t");
    pty.wait_for("回應：部分採納");
    pty.send("上線前開放外部測試，方式下次會議報告\r");
    pty.wait_for("已記錄：回應 陳小姐 的意見：部分採納");
    pty.send("\x1b");
    pty.wait_for("已儲存 ✓");
    pty.send("q");
    assert!(pty.wait_exit(), "quits cleanly");

    let meeting = roundtable::store::load(&path).expect("the saved file loads");
    let comment = meeting
        .state()
        .comment(&CommentId::new("join-88213"))
        .expect("the demo's comment");
    let answer = comment.answer.as_ref().expect("answered");
    assert_eq!(answer.status, ResponseStatus::PartlyTakenUp);
    assert_eq!(answer.response.text, "上線前開放外部測試，方式下次會議報告");
}
