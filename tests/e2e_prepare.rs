//! A meeting prepared and run without touching its file by hand: `roundtable new`
//! with a roster, then in the real binary in a pseudo-terminal the agenda (two
//! reports, two discussion items with draft motions; a member and a designated
//! representative added to the roster), the meeting itself (an
//! amendment taken into a motion during its consensus round, a note corrected),
//! adjournment; then the minutes.

mod support;

use std::path::Path;
use std::process::Command;

use support::pty::Pty;

fn roundtable(args: &[&str], dir: &Path) -> String {
    let output = Command::new(env!("CARGO_BIN_EXE_roundtable"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("runs");
    assert!(
        output.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// Adds an item: `i`, `tabs` times Tab from the section `i` offers (the selected
/// item's), the title.
fn add_item(pty: &mut Pty, tabs: usize, title: &str) {
    pty.send("i");
    pty.wait_for("Tab 換段落");
    pty.send(&"\t".repeat(tabs));
    pty.send(title);
    pty.send("\r");
    pty.wait_for(title);
}

/// Puts a draft motion on the selected item: `p`, its text, no proposer.
fn add_motion(pty: &mut Pty, text: &str) {
    pty.send("3p");
    pty.wait_for("新議案文字");
    pty.send(text);
    pty.send("\r");
    pty.wait_for("提案人");
    pty.send("\r");
    pty.wait_until("the motion is on its item", |screen| {
        screen.contains("已記錄：新增議案")
    });
    pty.send("2");
}

#[test]
fn a_meeting_is_prepared_run_and_minuted_without_editing_its_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let roster = std::fs::canonicalize("sessions/roster-example.csv").expect("roster");
    roundtable(
        &[
            "new",
            "forum.ron",
            "--roster",
            roster.to_str().expect("utf-8"),
            "--commitment",
            "3",
        ],
        dir.path(),
    );
    let path = dir.path().join("forum.ron");

    let mut pty = Pty::spawn(&["open", "forum.ron"], dir.path(), 120, 40);
    pty.wait_for("出席委員 0 人");

    // The agenda: two reports, two discussion items (Tab once from the reports),
    // each discussion item with its draft motion.
    pty.send("2");
    add_item(&mut pty, 0, "系統建置進度報告");
    add_item(&mut pty, 0, "資安稽核報告");
    add_item(&mut pty, 1, "原始碼公開案");
    add_motion(&mut pty, "原始碼每月公開一次");
    // The new discussion item is selected, so `i` offers the discussion items.
    add_item(&mut pty, 0, "個資保存年限案");
    add_motion(&mut pty, "個資保存六個月");

    // The roster: a member added (Tab to the issue experts), and a designated
    // representative for the second row's member, who arrives in their place.
    pty.send("1");
    pty.send("M");
    pty.wait_for("新委員姓名");
    pty.send("\t\t");
    pty.wait_for("議題專家學者");
    pty.send("林開放\r");
    pty.send("某大學資訊管理學系\r");
    pty.send("教授\r");
    pty.wait_for("已記錄：新增委員 林開放");
    pty.send("j");
    pty.send("r");
    pty.wait_for("代理 邱正雄 出席的指派代表姓名");
    pty.send("周代理\r");
    pty.wait_for("指派代表職稱");
    pty.send("科長\r");
    pty.wait_for("周代理");

    // Everyone arrives but the member whose representative came: the first row,
    // then (past the member and their representative) the next eight, down to the
    // new member; the meeting starts; the first discussion item is taken up.
    pty.send("\x1b[H");
    pty.send(" jjj");
    for _ in 0..8 {
        pty.send(" j");
    }
    pty.wait_for("出席委員 ");
    pty.send("2b");
    pty.wait_for("會議 0:0");
    pty.send("g");
    for _ in 0..4 {
        pty.send("j");
    }
    pty.send("\r");
    pty.wait_for("原始碼每月公開一次");

    // The consensus round; the room asks for quarterly, taken into the text as an
    // amendment, and the round on the amended text adopts it.
    pty.send("3c");
    pty.wait_for("徵詢共識");
    pty.send("m");
    pty.wait_for("議案文字（修改後按 Enter");
    for _ in 0.."每月公開一次".chars().count() {
        pty.send("\x7f");
    }
    pty.send("每季公開一次\r");
    pty.wait_for("修正提議者");
    pty.send("\r");
    pty.wait_for("原始碼每季公開一次");
    pty.send("e");
    pty.wait_for("共識通過");

    // A note, then corrected.
    pty.send("4與會者支持每年公開\r");
    pty.wait_for("與會者支持每年公開");
    pty.send("\x1b[A");
    pty.send("\x12");
    pty.wait_for("更正中");
    for _ in 0.."每年公開".chars().count() {
        pty.send("\x7f");
    }
    pty.send("每季公開\r");
    pty.wait_for("已記錄：更正紀錄");

    // Adjourned, and closed. (Esc alone, so that it is not read as Alt with the next
    // key.)
    pty.send("\x1b");
    std::thread::sleep(std::time::Duration::from_millis(200));
    pty.send("2A");
    pty.wait_for("已記錄：散會");
    pty.send("\x03");
    assert!(pty.wait_exit(), "quits cleanly");

    let minutes = roundtable(&["minutes", "forum.ron"], dir.path());
    for expected in [
        "系統建置進度報告",
        "資安稽核報告",
        "原始碼公開案",
        "個資保存年限案",
        "原始碼每季公開一次",
        "原案",
        "原始碼每月公開一次",
        "與會者支持每季公開",
        "某大學資訊管理學系教授 林開放",
        "邱正雄（周代理科長代理）",
    ] {
        assert!(minutes.contains(expected), "{expected:?} in:\n{minutes}");
    }
    assert!(
        !minutes.contains("與會者支持每年公開"),
        "the corrected note:\n{minutes}"
    );
    let meeting = roundtable::store::load(&path).expect("the file loads");
    assert!(meeting.state().adjourned.is_some());
    let added = meeting
        .state()
        .people
        .iter()
        .find(|p| p.name.text == "林開放")
        .expect("the new member is on the roster");
    assert!(matches!(
        added.role,
        roundtable::domain::Role::Member {
            category: roundtable::domain::Category::IssueExpert,
            ..
        }
    ));
    let discussion: Vec<&str> = meeting
        .state()
        .items
        .iter()
        .filter(|i| i.item.section == roundtable::domain::Section::Discussion)
        .map(|i| i.item.title.text.as_str())
        .collect();
    assert_eq!(discussion, ["原始碼公開案", "個資保存年限案"]);
    // The item not reached keeps its draft motion (the minutes say 未討論).
    let drafts: Vec<&str> = meeting
        .state()
        .motions
        .iter()
        .map(|m| m.motion.text.text.as_str())
        .collect();
    assert_eq!(drafts, ["原始碼每季公開一次", "個資保存六個月"]);
}
