//! The command line as a user meets it: the real binary, its output and exit status.
//!
//! No test here reaches the facilitator's screen: `open` and `demo` are stopped before
//! it by a held lock or a bad file. They refuse to start without a terminal, so those
//! tests run them in a pseudo-terminal (`in_a_terminal`) and read what they print.

// Only the pseudo-terminal's start and exit are used here, not its keys and screen.
#[allow(dead_code)]
mod support;

use support::bin::roundtable;

use std::ffi::OsStr;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use roundtable::domain::{Category, SeatRole, Section};
use roundtable::store::{self, SessionLock};

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn repo(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

/// Fails with the whole output, so a broken test says why.
#[track_caller]
fn assert_success(output: &Output) {
    assert!(
        output.status.success(),
        "status {:?}\n--- stdout\n{}\n--- stderr\n{}",
        output.status.code(),
        stdout(output),
        stderr(output)
    );
}

#[track_caller]
fn assert_failure(output: &Output) -> String {
    assert_eq!(
        output.status.code(),
        Some(1),
        "expected a clean failure\n--- stdout\n{}\n--- stderr\n{}",
        stdout(output),
        stderr(output)
    );
    let message = stderr(output);
    assert!(message.starts_with("roundtable: "), "{message}");
    assert!(!message.contains("panicked"), "{message}");
    message
}

/// Runs `roundtable ARGS` in `cwd` in a pseudo-terminal, as from a terminal window,
/// until it exits; whether it succeeded, and the screen it left (wide enough that a
/// message is not wrapped).
fn in_a_terminal(args: &[&str], cwd: &Path) -> (bool, String) {
    let mut pty = support::pty::Pty::spawn(args, cwd, 400, 30);
    let success = pty.wait_exit();
    // Everything printed before the exit is on the screen once the reader has it.
    let screen = pty
        .wait_within(std::time::Duration::from_secs(5), |s| {
            s.contains("roundtable: ")
        })
        .unwrap_or_else(|| pty.screen());
    (success, screen)
}

/// A path as an argument in a pseudo-terminal.
fn arg(path: &Path) -> &str {
    path.to_str().expect("a UTF-8 path")
}

fn fingerprint(path: &Path) -> (Vec<u8>, std::time::SystemTime) {
    let bytes = fs::read(path).expect("readable");
    let modified = fs::metadata(path)
        .and_then(|m| m.modified())
        .expect("an mtime");
    (bytes, modified)
}

// ---- check ----------------------------------------------------------------------------

#[test]
fn check_of_the_demo_prints_its_summary() {
    let output = roundtable([OsStr::new("check"), repo("sessions/demo.ron").as_os_str()]);
    assert_success(&output);
    let out = stdout(&output);
    for expected in [
        "demo.ron: a valid session (format 1)",
        "Open Government National Action Plan: Multi-stakeholder Forum on Electronic Co-signing for Referendums",
        "  Meeting no. 3, 2026-12-03 14:00\n",
        "  Commitment 3: Electronic co-signing for referendums (Central Election Commission)\n",
        "Members: 14 (government 7, non-government 7; balanced)\n",
        "  Convener: Chen Yi-chun (Central Election Commission)\n",
        "  Representatives (1): Li Ya-ting (for Huang Chien-kuo)\n",
        "  Observers (3): ",
        "  Excused: none\n",
        "  Reports (2): ",
        "  Discussion items (2): ",
        "Motions: 2 motions\n",
        "  open-source [Proposed] ",
        "Notes: 0 notes\n",
        "Meeting: not started\n",
    ] {
        assert!(out.contains(expected), "{expected:?} missing from:\n{out}");
    }
    assert!(stderr(&output).is_empty(), "{}", stderr(&output));
}

#[test]
fn check_speaks_chinese_when_asked() {
    let output = roundtable([
        OsStr::new("check"),
        repo("sessions/demo.ron").as_os_str(),
        OsStr::new("--lang"),
        OsStr::new("zh-TW"),
    ]);
    assert_success(&output);
    let out = stdout(&output);
    assert!(
        out.contains("委員：14 人（政府 7，非政府 7；人數各半）"),
        "{out}"
    );
    assert!(out.contains("召集人：陳怡君（中央選舉委員會）"), "{out}");
    assert!(out.contains("會議狀態：尚未開始"), "{out}");
}

#[test]
fn check_of_a_meeting_under_way_shows_the_motion_stage_and_presence() {
    let output = roundtable([
        OsStr::new("check"),
        repo("tests/fixtures/valid/in-progress.ron").as_os_str(),
    ]);
    assert_success(&output);
    let out = stdout(&output);
    assert!(out.contains("m1 [Even split: the chair rules]"), "{out}");
    assert!(out.contains("Meeting: in progress since 2026-12-03 14:00; present: 2 (government 1, non-government 1; balanced)"), "{out}");

    let output = roundtable([
        OsStr::new("check"),
        repo("tests/fixtures/valid/adjourned.ron").as_os_str(),
    ]);
    assert_success(&output);
    let out = stdout(&output);
    assert!(
        out.contains("m1 [Even split; rejected by the chair's ruling]"),
        "{out}"
    );
    assert!(out.contains("Notes: 2 notes"), "{out}");
    assert!(
        out.contains("Meeting: adjourned at 2026-12-03 14:20"),
        "{out}"
    );
}

#[test]
fn check_of_a_bad_file_names_line_and_column_and_fails() {
    let path = repo("tests/fixtures/invalid/wrong-variant.ron");
    let before = fingerprint(&path);
    let output = roundtable([OsStr::new("check"), path.as_os_str()]);
    let message = assert_failure(&output);
    assert!(
        message.contains("wrong-variant.ron:11:74: Unexpected variant named `Lead`"),
        "{message}"
    );
    assert!(message.contains("hint: "), "{message}");
    assert!(stdout(&output).is_empty(), "no summary for a bad file");
    assert_eq!(fingerprint(&path), before);

    let output = roundtable([
        OsStr::new("check"),
        repo("tests/fixtures/invalid/two-conveners.ron").as_os_str(),
    ]);
    let message = assert_failure(&output);
    assert!(message.contains("there are two conveners"), "{message}");
}

#[test]
fn check_of_a_missing_file_says_how_to_make_one() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let path = dir.path().join("nope.ron");
    let message = assert_failure(&roundtable([OsStr::new("check"), path.as_os_str()]));
    assert!(message.contains("nope.ron does not exist"), "{message}");
    assert!(message.contains("roundtable new"), "{message}");
}

#[test]
fn a_reader_that_goes_away_is_not_a_crash() {
    // `roundtable check FILE | head -1`: the pipe closes before the summary is written.
    let mut child = Command::new(env!("CARGO_BIN_EXE_roundtable"))
        .args([OsStr::new("check"), repo("sessions/demo.ron").as_os_str()])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    drop(child.stdout.take());
    let output = child.wait_with_output().expect("it ends");
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(!stderr(&output).contains("panicked"), "{}", stderr(&output));
}

// ---- new ------------------------------------------------------------------------------

#[test]
fn new_creates_a_session_that_loads_with_the_standard_agenda() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let path = dir.path().join("sessions/forum.ron");
    let output = roundtable([
        OsStr::new("new"),
        path.as_os_str(),
        OsStr::new("--title"),
        OsStr::new("第一次論壇"),
        OsStr::new("--number"),
        OsStr::new("1"),
        OsStr::new("--date"),
        OsStr::new("2027-01-15"),
        OsStr::new("--venue"),
        OsStr::new("國發會"),
        OsStr::new("--recorder"),
        OsStr::new("林書妤"),
    ]);
    assert_success(&output);
    let out = stdout(&output);
    assert!(out.contains("Created "), "{out}");
    assert!(
        out.contains(&format!("roundtable open {}", path.display())),
        "{out}"
    );

    let meeting = store::load(&path).expect("the new file loads");
    let info = &meeting.session().meeting;
    assert_eq!(info.title.text, "第一次論壇");
    assert_eq!(info.number, Some(1));
    assert_eq!(info.date.to_string(), "2027-01-15");
    assert_eq!(info.venue.text, "國發會");
    assert_eq!(info.recorder.text, "林書妤");
    let sections: Vec<Section> = meeting.session().agenda.iter().map(|i| i.section).collect();
    assert_eq!(
        sections,
        [
            Section::PreviousMinutes,
            Section::FollowUp,
            Section::Extempore,
            Section::Adjournment
        ]
    );
    // And `check` agrees.
    assert_success(&roundtable([OsStr::new("check"), path.as_os_str()]));
}

#[test]
fn new_for_commitment_3_has_the_election_commission_as_convener() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let path = dir.path().join("forum-3.ron");
    let output = roundtable([
        OsStr::new("new"),
        path.as_os_str(),
        OsStr::new("--commitment"),
        OsStr::new("3"),
    ]);
    assert_success(&output);
    assert!(
        stdout(&output).contains("Convener: Central Election Commission"),
        "{}",
        stdout(&output)
    );
    let meeting = store::load(&path).expect("loads");
    let session = meeting.session();
    assert_eq!(session.meeting.commitment, Some(3));
    assert_eq!(
        session.meeting.title.text,
        "「公民投票電子連署」多元利害關係人論壇"
    );
    let convener = session.roster.convener().expect("a convener");
    assert_eq!(convener.organisation.text, "中央選舉委員會");
    assert_eq!(convener.category, Category::LeadAgency);
    // The date defaults to today.
    assert_eq!(
        session.meeting.date,
        chrono::Local::now().date_naive(),
        "or the test ran across midnight"
    );
}

#[test]
fn new_never_overwrites_a_file() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let path = dir.path().join("precious.ron");
    fs::write(&path, "the minutes of last year").expect("writes");
    let before = fingerprint(&path);
    let message = assert_failure(&roundtable([
        OsStr::new("new"),
        path.as_os_str(),
        OsStr::new("--commitment"),
        OsStr::new("3"),
    ]));
    assert!(message.contains("precious.ron already exists"), "{message}");
    assert_eq!(fingerprint(&path), before);
}

#[test]
fn new_refuses_commitment_13_and_lists_the_twelve() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let path = dir.path().join("forum.ron");
    let output = roundtable([
        OsStr::new("new"),
        path.as_os_str(),
        OsStr::new("--commitment"),
        OsStr::new("13"),
    ]);
    assert_eq!(output.status.code(), Some(2), "a usage error");
    let message = stderr(&output);
    assert!(message.starts_with("roundtable: "), "{message}");
    assert!(message.contains("there is no commitment 13"), "{message}");
    assert!(message.contains("3  公民投票電子連署"), "{message}");
    assert!(!path.exists(), "nothing is written");
}

#[test]
fn new_imports_a_roster_from_csv_with_a_bom_and_chinese_headers() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let csv = dir.path().join("名單.csv");
    fs::write(
        &csv,
        "\u{feff}姓名,職稱,單位,類別,角色,身分,代表機關成員,備註\n\
         陳怡君,副主任委員,中央選舉委員會,主辦機關,召集人,,,\n\
         黃建國,司長,內政部戶政司,協辦機關,,,,\n\
         周明德,理事長,臺灣公民參與協會,公民團體,共同召集人,,,\n\
         謝宗翰,教授,國立臺灣大學,專家學者,,,,請假\n\
         李雅婷,科長,,,,代表,黃建國,\n\
         何家豪,專員,行政院,,,列席,,\n",
    )
    .expect("writes");
    let path = dir.path().join("forum.ron");
    let output = roundtable([
        OsStr::new("new"),
        path.as_os_str(),
        OsStr::new("--commitment"),
        OsStr::new("3"),
        OsStr::new("--roster"),
        csv.as_os_str(),
    ]);
    assert_success(&output);
    assert!(
        stderr(&output).contains("warning: ") && stderr(&output).contains("備註"),
        "the ignored column is mentioned: {}",
        stderr(&output)
    );
    assert!(
        stdout(&output).contains("Members: 4 (government 2, non-government 2; balanced)"),
        "{}",
        stdout(&output)
    );
    let meeting = store::load(&path).expect("loads");
    let roster = &meeting.session().roster;
    assert_eq!(
        roster.members.len(),
        4,
        "the CSV's convener is kept, none added"
    );
    assert_eq!(
        roster.convener().map(|m| m.name.text.as_str()),
        Some("陳怡君")
    );
    assert_eq!(roster.members[2].seat, SeatRole::CoConvener);
    assert_eq!(roster.representatives.len(), 1);
    assert_eq!(roster.representatives[0].for_member.0, "m02");
    assert_eq!(roster.observers.len(), 1);
}

#[test]
fn new_with_the_example_roster_works() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let path = dir.path().join("forum.ron");
    let output = roundtable([
        OsStr::new("new"),
        path.as_os_str(),
        OsStr::new("--roster"),
        repo("sessions/roster-example.csv").as_os_str(),
    ]);
    assert_success(&output);
    assert!(stderr(&output).is_empty(), "{}", stderr(&output));
    let meeting = store::load(&path).expect("loads");
    let roster = &meeting.session().roster;
    assert_eq!(roster.balance().government, 4);
    assert_eq!(roster.balance().non_government, 4);
}

#[test]
fn new_with_a_bad_csv_names_the_row_and_writes_nothing() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let csv = dir.path().join("roster.csv");
    fs::write(
        &csv,
        "name,organisation,category\n王小明,某協會,公民團體\n林大華,某大學,教授\n",
    )
    .expect("writes");
    let path = dir.path().join("forum.ron");
    let message = assert_failure(&roundtable([
        OsStr::new("new"),
        path.as_os_str(),
        OsStr::new("--roster"),
        csv.as_os_str(),
    ]));
    assert!(
        message.contains("roster.csv: line 3, column category: \"教授\" is not a category"),
        "{message}"
    );
    assert!(!path.exists(), "nothing is written");

    fs::write(
        &csv,
        "name,category,seat\n甲,主辦機關,召集人\n乙,協辦機關,召集人\n",
    )
    .expect("writes");
    let message = assert_failure(&roundtable([
        OsStr::new("new"),
        path.as_os_str(),
        OsStr::new("--roster"),
        csv.as_os_str(),
    ]));
    assert!(
        message.contains("roster.csv: line 3: there are two conveners"),
        "{message}"
    );
    assert!(!path.exists(), "nothing is written");
}

// ---- help and usage -------------------------------------------------------------------

#[test]
fn every_command_has_help() {
    let output = roundtable(["--help"]);
    assert_success(&output);
    let top = stdout(&output);
    for command in ["demo", "new", "open", "check"] {
        assert!(
            top.contains(&format!("  {command} ")),
            "{command} listed in:\n{top}"
        );
        let output = roundtable([command, "--help"]);
        assert_success(&output);
        let help = stdout(&output);
        assert!(
            help.contains(&format!("Usage: roundtable {command}")),
            "{command} --help:\n{help}"
        );
    }
    assert!(stdout(&roundtable(["new", "--help"])).contains("--commitment <N>"));
    assert!(stdout(&roundtable(["demo", "--help"])).contains("--out <FILE>"));
}

#[test]
fn usage_errors_are_reported_as_roundtable_and_exit_2() {
    let output = roundtable(["frobnicate"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).starts_with("roundtable: unrecognized subcommand 'frobnicate'"),
        "{}",
        stderr(&output)
    );
    let output = roundtable(["new"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("<FILE>"), "{}", stderr(&output));
    // A bare `roundtable` shows the commands.
    let output = roundtable(std::iter::empty::<&str>());
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("Commands:"), "{}", stderr(&output));
}

// ---- open -----------------------------------------------------------------------------

#[test]
fn open_of_a_session_open_elsewhere_names_the_holder() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let path = dir.path().join("forum.ron");
    fs::copy(repo("sessions/demo.ron"), &path).expect("copies");
    let before = fingerprint(&path);
    let lock = SessionLock::acquire(&path).expect("this test holds the lock");

    let (success, message) = in_a_terminal(&["open", arg(&path)], dir.path());
    assert!(!success, "{message}");
    assert!(
        message.contains("is open in another Roundtable"),
        "{message}"
    );
    assert!(
        message.contains(&format!("process {}", std::process::id())),
        "names this test's process: {message}"
    );
    assert_eq!(fingerprint(&path), before);
    drop(lock);
}

#[test]
fn open_of_a_malformed_file_fails_and_leaves_it_byte_identical() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let path = dir.path().join("broken.ron");
    let text = fs::read_to_string(repo("sessions/demo.ron"))
        .expect("the demo")
        .replacen(
            "category: LeadAgency, seat: Convener",
            "category: Lead, seat: Convener",
            1,
        );
    fs::write(&path, &text).expect("writes");
    let before = fingerprint(&path);
    std::thread::sleep(std::time::Duration::from_millis(20));

    let (success, message) = in_a_terminal(&["open", arg(&path)], dir.path());
    assert!(!success, "{message}");
    assert!(message.contains("broken.ron:"), "{message}");
    assert!(
        message.contains("Unexpected variant named `Lead`"),
        "{message}"
    );
    assert!(
        regex_like_line_column(&message),
        "file:line:column in {message}"
    );
    assert_eq!(fingerprint(&path), before, "byte-identical, same mtime");
    // The lock was let go: the file can be locked again.
    drop(SessionLock::acquire(&path).expect("released"));
}

/// `name.ron:<digits>:<digits>:` somewhere in the message.
fn regex_like_line_column(message: &str) -> bool {
    message.split(".ron:").skip(1).any(|rest| {
        let mut parts = rest.splitn(3, ':');
        let line = parts.next().unwrap_or("");
        let column = parts.next().unwrap_or("");
        !line.is_empty()
            && !column.is_empty()
            && line.chars().all(|c| c.is_ascii_digit())
            && column.chars().all(|c| c.is_ascii_digit())
    })
}

#[test]
fn open_of_a_missing_file_leaves_nothing_behind() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let path = dir.path().join("typo.ron");
    let message = assert_failure(&roundtable([OsStr::new("open"), path.as_os_str()]));
    assert!(message.contains("typo.ron does not exist"), "{message}");
    let left: Vec<_> = fs::read_dir(dir.path()).expect("lists").collect();
    assert!(
        left.is_empty(),
        "no lock file for a missing session: {left:?}"
    );
}

#[cfg(unix)]
#[test]
fn open_by_any_name_of_a_session_open_elsewhere_is_refused() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let folder = dir.path().join("meetings");
    fs::create_dir(&folder).expect("a folder");
    let path = folder.join("forum.ron");
    fs::copy(repo("sessions/demo.ron"), &path).expect("copies");
    std::os::unix::fs::symlink("meetings/forum.ron", dir.path().join("link.ron")).expect("a link");
    std::os::unix::fs::symlink("meetings", dir.path().join("linked")).expect("a folder link");
    let before = fingerprint(&path);
    let absolute = path.display().to_string();
    let lock = SessionLock::acquire(&path).expect("this test holds the lock");
    for (cwd, name) in [
        (&folder, "./forum.ron"),
        (&folder, absolute.as_str()),
        (&dir.path().to_owned(), "link.ron"),
        (&dir.path().to_owned(), "linked/forum.ron"),
    ] {
        let (success, message) = in_a_terminal(&["open", name], cwd);
        assert!(!success, "{name}: {message}");
        assert!(
            message.contains(&format!("{name} is open in another Roundtable")),
            "{name}: {message}"
        );
    }
    drop(lock);

    // A second name of the same file is refused whichever opens it first.
    let second = dir.path().join("hard-link.ron");
    fs::hard_link(&path, &second).expect("a hard link");
    for name in [arg(&path), arg(&second)] {
        let (success, message) = in_a_terminal(&["open", name], dir.path());
        assert!(!success, "{message}");
        assert!(
            message.contains(&format!("{name} has 2 names (hard links)")),
            "{message}"
        );
    }
    assert_eq!(fingerprint(&path), before, "never touched");
}

#[test]
fn open_without_a_terminal_says_one_is_needed_and_locks_nothing() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let path = dir.path().join("forum.ron");
    fs::copy(repo("sessions/demo.ron"), &path).expect("copies");
    let before = fingerprint(&path);
    // Input from /dev/null, output to a pipe: as from a script or a service.
    let message = assert_failure(&roundtable([OsStr::new("open"), path.as_os_str()]));
    assert!(
        message.contains("the meeting's screen needs a terminal")
            && message.contains("`roundtable open`"),
        "{message}"
    );
    assert!(!message.contains("os error"), "{message}");
    assert_eq!(fingerprint(&path), before);
    let left: Vec<_> = fs::read_dir(dir.path())
        .expect("lists")
        .map(|e| e.expect("an entry").file_name())
        .collect();
    assert_eq!(left, [OsStr::new("forum.ron")], "no lock file: {left:?}");
}

#[cfg(unix)]
#[test]
fn check_of_a_fifo_a_device_or_a_folder_is_refused_at_once() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let fifo = dir.path().join("pipe.ron");
    let made = Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .expect("mkfifo runs");
    assert!(made.success());
    for (path, words) in [
        (
            fifo.as_path(),
            "pipe.ron: a named pipe (FIFO), not a session file",
        ),
        (
            Path::new("/dev/zero"),
            "/dev/zero: a device, not a session file",
        ),
        (dir.path(), "a folder, not a session file"),
    ] {
        for command in ["check", "open", "minutes"] {
            let mut child = Command::new(env!("CARGO_BIN_EXE_roundtable"))
                .args([OsStr::new(command), path.as_os_str()])
                .stdin(Stdio::null())
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .expect("the binary runs");
            let started = std::time::Instant::now();
            while child.try_wait().expect("a status").is_none() {
                if started.elapsed() > std::time::Duration::from_secs(10) {
                    let _ = child.kill();
                    panic!("{command} {} did not return", path.display());
                }
                std::thread::sleep(std::time::Duration::from_millis(20));
            }
            let output = child.wait_with_output().expect("it ended");
            let message = assert_failure(&output);
            assert!(message.contains(words), "{command}: {message}");
        }
    }
}

// ---- demo -----------------------------------------------------------------------------

#[test]
fn demo_writes_a_copy_of_the_demo_and_opens_the_copy() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let path = dir.path().join("my-demo.ron");
    // Holding the copy's lock stops `demo` at the open, before any screen.
    let lock = SessionLock::acquire(&path).expect("the lock");
    let (success, screen) = in_a_terminal(&["demo", "--out", arg(&path)], dir.path());
    assert!(!success, "{screen}");
    assert!(
        screen.contains("my-demo.ron is open in another Roundtable"),
        "{screen}"
    );
    assert!(
        screen.contains(&format!(
            "Wrote a copy of the demo meeting to {}",
            path.display()
        )),
        "{screen}"
    );
    assert_eq!(
        fs::read(&path).expect("the copy"),
        fs::read(repo("sessions/demo.ron")).expect("the original"),
        "an exact copy"
    );
    drop(lock);
}

#[test]
fn demo_without_a_terminal_writes_no_copy_and_no_lock() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let output = Command::new(env!("CARGO_BIN_EXE_roundtable"))
        .arg("demo")
        .current_dir(dir.path())
        .stdin(Stdio::null())
        .output()
        .expect("the binary runs");
    let message = assert_failure(&output);
    assert!(
        message.contains("needs a terminal") && message.contains("`roundtable demo`"),
        "{message}"
    );
    let out = dir.path().join("mine.ron");
    let message = assert_failure(&roundtable([
        OsStr::new("demo"),
        OsStr::new("--out"),
        out.as_os_str(),
    ]));
    assert!(message.contains("needs a terminal"), "{message}");
    let left: Vec<_> = fs::read_dir(dir.path()).expect("lists").collect();
    assert!(left.is_empty(), "nothing written: {left:?}");
}

#[test]
fn demo_never_overwrites_a_file() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let path = dir.path().join("notes.ron");
    fs::write(&path, "mine").expect("writes");
    let (success, message) = in_a_terminal(&["demo", "--out", arg(&path)], dir.path());
    assert!(!success, "{message}");
    assert!(message.contains("notes.ron already exists"), "{message}");
    assert_eq!(fs::read(&path).expect("readable"), b"mine");
}

#[test]
fn new_with_follow_up_carries_the_roster_and_the_open_matters() {
    let dir = tempfile::tempdir().expect("temp dir");
    let next = dir.path().join("next.ron");
    let output = roundtable([
        OsStr::new("new"),
        next.as_os_str(),
        OsStr::new("--follow-up"),
        repo("sessions/demo-finished.ron").as_os_str(),
        OsStr::new("--date"),
        OsStr::new("2026-12-17"),
    ]);
    assert_success(&output);
    assert!(
        stdout(&output).contains("matters to follow up"),
        "{}",
        stdout(&output)
    );
    assert!(
        stdout(&output).contains("5 matters to follow up"),
        "1 still tracked + 4 action items: {}",
        stdout(&output)
    );
    let meeting = roundtable::store::load(&next).expect("the new session loads");
    let session = meeting.session();
    assert_eq!(session.meeting.number, Some(4));
    assert_eq!(session.roster.members.len(), 14);
    assert_eq!(
        session.follow_up[0].matter.text,
        "連署系統委託第三方進行無障礙檢測。"
    );
    assert!(
        session
            .follow_up
            .iter()
            .all(|e| e.status == roundtable::domain::FollowUpStatus::KeepTracking)
    );

    let minutes = roundtable([OsStr::new("minutes"), next.as_os_str()]);
    assert_success(&minutes);
    assert!(
        stdout(&minutes).contains("| 1 | "),
        "the follow-up table is in the minutes"
    );
    assert!(stdout(&minutes).contains("| 5 | 洽詢採購法規"));

    // The next meeting's file is never overwritten.
    let before = fs::read(&next).expect("readable");
    let again = roundtable([
        OsStr::new("new"),
        next.as_os_str(),
        OsStr::new("--follow-up"),
        repo("sessions/demo-finished.ron").as_os_str(),
    ]);
    let message = assert_failure(&again);
    assert!(message.contains("already exists"), "{message}");
    assert_eq!(fs::read(&next).expect("readable"), before);
}

#[test]
fn new_with_follow_up_and_a_roster_is_refused() {
    let dir = tempfile::tempdir().expect("temp dir");
    let next = dir.path().join("next.ron");
    let output = roundtable([
        OsStr::new("new"),
        next.as_os_str(),
        OsStr::new("--follow-up"),
        repo("sessions/demo-finished.ron").as_os_str(),
        OsStr::new("--roster"),
        repo("sessions/roster-example.csv").as_os_str(),
    ]);
    // A usage error: clap's exit code 2, with the reason.
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("cannot be used with"),
        "{}",
        stderr(&output)
    );
    assert!(!next.exists());
}

#[test]
fn check_before_the_meeting_says_what_to_put_right() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let path = dir.path().join("forum.ron");
    assert_success(&roundtable([
        OsStr::new("new"),
        path.as_os_str(),
        OsStr::new("--roster"),
        OsStr::new("sessions/roster-example.csv"),
        OsStr::new("--start"),
        OsStr::new("14:00"),
        OsStr::new("--end"),
        OsStr::new("14:30"),
    ]));
    // A report with no planned time, and one government member more.
    let mut session = store::load(&path).expect("loads").into_session();
    session.agenda.insert(
        2,
        roundtable::domain::AgendaItem {
            id: roundtable::domain::ItemId::new("r1"),
            section: Section::Report,
            title: roundtable::domain::Text::new("進度報告"),
            presenter: Default::default(),
            explanation: Default::default(),
            proposed_action: None,
            planned_minutes: 0,
        },
    );
    let mut extra = session.roster.members[1].clone();
    extra.id = roundtable::domain::PersonId::new("extra");
    extra.seat = roundtable::domain::SeatRole::Member;
    session.roster.members.push(extra);
    store::save(&path, &session).expect("saved");

    let output = roundtable([OsStr::new("check"), path.as_os_str()]);
    assert_success(&output);
    let out = stdout(&output);
    let before = out
        .split("Before the meeting:\n")
        .nth(1)
        .unwrap_or_else(|| panic!("{out}"));
    assert_eq!(
        before,
        "  - the roster is not half and half: 5 government, 4 non-government members\n  \
         - 1 item has no planned time: 進度報告\n  \
         - the agenda is planned at 25 minutes (14:00–14:25), 5 minutes before the planned end at 14:30\n"
    );
    // Once the meeting has started there is nothing to prepare.
    let demo = roundtable([
        OsStr::new("check"),
        OsStr::new("sessions/demo-finished.ron"),
    ]);
    assert!(!stdout(&demo).contains("Before the meeting"));
}

// ---- -o: standard output, files, closed pipes -----------------------------------------

/// Runs `roundtable ARGS` in `cwd`, like [`roundtable`] does.
fn roundtable_in<I, S>(cwd: &Path, args: I) -> Output
where
    I: IntoIterator<Item = S>,
    S: AsRef<OsStr>,
{
    Command::new(env!("CARGO_BIN_EXE_roundtable"))
        .args(args)
        .current_dir(cwd)
        .stdin(Stdio::null())
        .env("NO_COLOR", "1")
        .output()
        .expect("the binary runs")
}

/// The names in `dir`, sorted.
fn names_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .expect("readable")
        .map(|e| {
            e.expect("an entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    names.sort();
    names
}

/// `roundtable ARGS | head -1`: the first line of standard output, then its reader goes
/// away; what the command left when it ended.
fn first_line_then_close(args: &[&OsStr]) -> (String, Output) {
    use std::io::{BufRead, BufReader};
    let mut child = Command::new(env!("CARGO_BIN_EXE_roundtable"))
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .env("NO_COLOR", "1")
        .spawn()
        .expect("the binary runs");
    let mut reader = BufReader::new(child.stdout.take().expect("piped"));
    let mut line = String::new();
    reader.read_line(&mut line).expect("a line");
    drop(reader);
    (line, child.wait_with_output().expect("it ends"))
}

#[test]
fn dash_o_dash_is_standard_output_for_every_text_output() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let session = repo("sessions/demo-finished.ron");
    let session = session.as_os_str();
    for command in [
        &["minutes"][..],
        &["minutes", "--format", "html", "--lang", "both"],
        &["transcript"],
        &["transcript", "--format", "akn"],
        &["participants", "--lang", "both"],
        &["translations", "export"],
        &["comments", "export"],
    ] {
        let mut args: Vec<&OsStr> = command.iter().map(OsStr::new).collect();
        args.push(session);
        let plain = roundtable_in(dir.path(), &args);
        assert_success(&plain);
        args.extend([OsStr::new("-o"), OsStr::new("-")]);
        let dash = roundtable_in(dir.path(), &args);
        assert_success(&dash);
        assert!(!dash.stdout.is_empty(), "{command:?}: nothing written");
        assert_eq!(
            stdout(&dash),
            stdout(&plain),
            "{command:?} -o - differs from no -o"
        );
        assert_eq!(stderr(&dash), stderr(&plain), "{command:?}");
        assert_eq!(
            names_in(dir.path()),
            Vec::<String>::new(),
            "{command:?} -o - wrote a file"
        );
    }
}

#[test]
fn dash_o_dash_writes_the_odt_minutes_down_a_pipe() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let session = repo("sessions/demo-finished.ron");
    let output = roundtable_in(
        dir.path(),
        [
            OsStr::new("minutes"),
            session.as_os_str(),
            OsStr::new("--format"),
            OsStr::new("odt"),
            OsStr::new("-o"),
            OsStr::new("-"),
        ],
    );
    assert_success(&output);
    assert!(output.stdout.starts_with(b"PK"), "not a zip");
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(&output.stdout)).expect("a zip");
    let mut mimetype = String::new();
    std::io::Read::read_to_string(
        &mut zip.by_name("mimetype").expect("a mimetype"),
        &mut mimetype,
    )
    .expect("readable");
    assert_eq!(mimetype, "application/vnd.oasis.opendocument.text");
    // The same document as -o minutes.odt writes.
    let file = dir.path().join("minutes.odt");
    assert_success(&roundtable([
        OsStr::new("minutes"),
        session.as_os_str(),
        OsStr::new("--format"),
        OsStr::new("odt"),
        OsStr::new("-o"),
        file.as_os_str(),
    ]));
    assert_eq!(
        zip.by_name("content.xml").expect("content").size(),
        zip::ZipArchive::new(fs::File::open(&file).expect("written"))
            .expect("a zip")
            .by_name("content.xml")
            .expect("content")
            .size()
    );
    assert_eq!(names_in(dir.path()), ["minutes.odt"]);
}

#[test]
fn odt_minutes_go_to_standard_output_only_when_asked_and_never_to_a_terminal() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let session = repo("sessions/demo-finished.ron");
    // Without -o: refused, even down a pipe, saying how to ask.
    let message = assert_failure(&roundtable_in(
        dir.path(),
        [
            OsStr::new("minutes"),
            session.as_os_str(),
            OsStr::new("--format"),
            OsStr::new("odt"),
        ],
    ));
    assert!(message.contains("-o minutes.odt"), "{message}");
    assert!(message.contains("-o -"), "{message}");
    // -o - to a terminal: refused, the terminal spared the bytes.
    let (success, screen) = in_a_terminal(
        &["minutes", arg(&session), "--format", "odt", "-o", "-"],
        dir.path(),
    );
    assert!(!success, "{screen}");
    assert!(screen.contains("standard output is a terminal"), "{screen}");
    assert!(!screen.contains("PK"), "{screen}");
    assert_eq!(names_in(dir.path()), Vec::<String>::new());
}

#[test]
fn dash_o_a_file_writes_it_and_refuses_to_overwrite_it_without_force() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let session = repo("sessions/demo-finished.ron");
    let minutes = |extra: &[&str]| {
        let mut args = vec![OsStr::new("minutes"), session.as_os_str()];
        args.extend(extra.iter().map(OsStr::new));
        roundtable_in(dir.path(), args)
    };
    let expected = minutes(&[]).stdout;
    let written = minutes(&["-o", "out.md"]);
    assert_success(&written);
    assert!(written.stdout.is_empty(), "{}", stdout(&written));
    assert_eq!(
        fs::read(dir.path().join("out.md")).expect("written"),
        expected
    );

    fs::write(dir.path().join("out.md"), "mine").expect("written");
    let message = assert_failure(&minutes(&["-o", "out.md"]));
    assert!(message.contains("out.md already exists"), "{message}");
    assert!(message.contains("--force"), "{message}");
    assert_eq!(
        fs::read_to_string(dir.path().join("out.md")).expect("kept"),
        "mine"
    );

    assert_success(&minutes(&["-o", "out.md", "--force"]));
    assert_eq!(
        fs::read(dir.path().join("out.md")).expect("written"),
        expected
    );
    assert_eq!(names_in(dir.path()), ["out.md"]);
}

#[test]
fn a_file_named_dash_is_written_as_dot_slash_dash() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let session = repo("sessions/demo-finished.ron");
    let run = |extra: &[&str]| {
        let mut args = vec![OsStr::new("participants"), session.as_os_str()];
        args.extend(extra.iter().map(OsStr::new));
        roundtable_in(dir.path(), args)
    };
    let expected = run(&[]).stdout;
    let written = run(&["-o", "./-"]);
    assert_success(&written);
    assert!(written.stdout.is_empty(), "{}", stdout(&written));
    assert_eq!(fs::read(dir.path().join("-")).expect("written"), expected);
    // It is a file like any other: kept without --force, and -o - still means stdout.
    let message = assert_failure(&run(&["-o", "./-"]));
    assert!(message.contains("already exists"), "{message}");
    let dash = run(&["-o", "-"]);
    assert_success(&dash);
    assert_eq!(dash.stdout, expected);
    assert_eq!(names_in(dir.path()), ["-"]);
}

#[test]
fn a_pipe_closed_after_the_first_line_ends_quietly() {
    // The demo, as `roundtable minutes sessions/demo-finished.ron | head -1`; and a
    // meeting whose outputs are far larger than a pipe holds, so that the command is
    // certainly still writing when the reader goes away.
    let dir = tempfile::tempdir().expect("a temp dir");
    let large = dir.path().join("large.ron");
    store::save(&large, &roundtable::testdata::large_session_with(2_000)).expect("saved");
    for session in [repo("sessions/demo-finished.ron"), large.clone()] {
        for command in ["minutes", "transcript"] {
            let args = [OsStr::new(command), session.as_os_str()];
            let (line, output) = first_line_then_close(&args);
            let whole = roundtable(args);
            assert_success(&whole);
            assert!(
                stdout(&whole).starts_with(&line) && line.ends_with('\n'),
                "{command}: {line:?}"
            );
            if session == large {
                assert!(
                    whole.stdout.len() > 1 << 18,
                    "{command}: {} bytes, too few to fill a pipe",
                    whole.stdout.len()
                );
            }
            assert!(
                output.status.success(),
                "{command} {}: status {:?}, stderr {}",
                session.display(),
                output.status.code(),
                stderr(&output)
            );
            assert_eq!(stderr(&output), "", "{command} {}", session.display());
        }
    }
}
