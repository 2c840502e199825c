//! The public's comments in and out (issue 14, rules §4): a platform's CSV export
//! read in either language, imported once however often it is imported, refused
//! whole for one bad row; and the response table, safe to open in a spreadsheet.
//! Through the library, through the command's stream-taking function as the CLI calls
//! it, and through the binary.

mod support;

use std::path::{Path, PathBuf};

use clap::Parser;
use roundtable::cli::comments::{CommentsArgs, CommentsError, comments};
use roundtable::domain::{
    Author, CommentId, EventKind, ItemId, Meeting, PublicComment, ResponseStatus, Text,
};
use roundtable::store::{self, comments_csv};
use support::bin::roundtable;

/// A session `roundtable new` made: the standard agenda (1 previous-minutes,
/// 2 follow-up, 3 extempore, 4 adjournment) and an empty log.
const SESSION: &str = "tests/fixtures/valid/made-by-new.ron";

/// `comments …` as the CLI parses it.
#[derive(Parser, Debug)]
#[command(name = "roundtable")]
struct Cli {
    #[command(subcommand)]
    command: Sub,
}

#[derive(clap::Subcommand, Debug)]
enum Sub {
    Comments(CommentsArgs),
}

/// Runs `roundtable comments ARGS` through the command's function: its standard
/// output and error.
fn run(args: &[&str]) -> Result<(Vec<u8>, String), CommentsError> {
    let mut full = vec!["roundtable", "comments"];
    full.extend_from_slice(args);
    let Sub::Comments(args) = Cli::try_parse_from(&full)
        .unwrap_or_else(|e| panic!("{full:?}: {e}"))
        .command;
    let (mut out, mut err) = (Vec::new(), Vec::new());
    comments(&args, &mut out, &mut err)?;
    Ok((out, String::from_utf8(err).expect("UTF-8")))
}

/// A temporary folder with a copy of the session, and a comments file in it.
fn folder(csv: &[u8]) -> (tempfile::TempDir, PathBuf, PathBuf) {
    let dir = tempfile::tempdir().expect("tempdir");
    let session = dir.path().join("forum.ron");
    std::fs::copy(SESSION, &session).expect("copy");
    let file = dir.path().join("comments.csv");
    std::fs::write(&file, csv).expect("write the comments");
    (dir, session, file)
}

fn s(path: &Path) -> &str {
    path.to_str().expect("UTF-8 path")
}

fn load(path: &Path) -> Meeting {
    store::load(path).expect("the session loads")
}

fn ids(meeting: &Meeting) -> Vec<&str> {
    meeting
        .state()
        .comments()
        .iter()
        .map(|c| c.comment.id.0.as_str())
        .collect()
}

fn parsed(csv: &str) -> Vec<PublicComment> {
    let meeting = load(Path::new(SESSION));
    comments_csv::parse_bytes(csv.as_bytes(), &comments_csv::Agenda::of(meeting.state()))
        .unwrap_or_else(|e| panic!("{csv}\nrefused: {e}"))
}

const CHINESE: &str = "留言編號,留言者,留言時間,留言內容,連結,議題,主題\n\
    J-1,王小明,2026/11/20 09:15,建議公開原始碼,https://join.gov.tw/c/1,2,原始碼\n\
    J-2,陳小姐,２０２６－１１－２１　１０：３０,\"資料保存期限\n應明訂\",,follow-up,\n";

const ENGLISH: &str = "ID,Author,Posted,Comment,URL,Agenda item,Subject\n\
    J-1,王小明,2026-11-20T09:15:00+08:00,建議公開原始碼,https://join.gov.tw/c/1,follow-up,原始碼\n\
    J-2,陳小姐,2026-11-21 10:30,\"資料保存期限\n應明訂\",,2,\n";

// ---- reading ---------------------------------------------------------------------------

#[test]
fn chinese_and_english_headers_read_the_same_comments() {
    let chinese = parsed(CHINESE);
    assert_eq!(chinese, parsed(ENGLISH));
    let first = &chinese[0];
    assert_eq!(first.id, CommentId::new("J-1"));
    assert_eq!(first.author, "王小明");
    assert_eq!(first.posted.to_string(), "2026-11-20 09:15:00");
    assert_eq!(first.text, "建議公開原始碼");
    assert_eq!(first.link.as_deref(), Some("https://join.gov.tw/c/1"));
    assert_eq!(
        first.item,
        Some(ItemId::new("follow-up")),
        "item 2 is follow-up"
    );
    assert_eq!(first.topic.as_deref(), Some("原始碼"));
    assert_eq!(chinese[1].text, "資料保存期限\n應明訂");
    assert_eq!(chinese[1].posted.to_string(), "2026-11-21 10:30:00");
}

#[test]
fn a_bom_changes_nothing() {
    let with_bom = format!("\u{feff}{CHINESE}");
    assert_eq!(parsed(&with_bom), parsed(CHINESE));
    assert_eq!(parsed(&format!("\u{feff}{ENGLISH}")), parsed(ENGLISH));
}

#[test]
fn extra_columns_are_kept_by_their_header_in_order() {
    let comments = parsed(
        "留言者,讚數,留言時間,留言內容,身分別\n\
         王小明,12,2026-11-20 09:15,意見,學生\n",
    );
    assert_eq!(
        comments[0].extra,
        [
            ("讚數".to_owned(), "12".to_owned()),
            ("身分別".to_owned(), "學生".to_owned())
        ]
    );
}

// ---- importing -------------------------------------------------------------------------

#[test]
fn importing_twice_records_once_and_leaves_the_file_byte_identical() {
    let (_dir, session, file) = folder(format!("\u{feff}{CHINESE}").as_bytes());
    let (_, said) = run(&["import", s(&session), s(&file)]).expect("imports");
    assert_eq!(
        said,
        format!(
            "2 new comment(s) imported into {}, 0 already there\n",
            session.display()
        )
    );
    let meeting = load(&session);
    assert_eq!(ids(&meeting), ["J-1", "J-2"]);
    let imports: Vec<_> = meeting
        .session()
        .log
        .iter()
        .filter(|e| matches!(e.kind, EventKind::CommentsImported { .. }))
        .collect();
    assert_eq!(imports.len(), 1, "one event for the file");
    assert_eq!(imports[0].by, Author::Import, "nobody's undo takes it back");

    let before = std::fs::read(&session).expect("readable");
    let (_, said) = run(&["import", s(&session), s(&file)]).expect("imports again");
    assert_eq!(
        said,
        format!(
            "no new comments, 2 already there; {} is unchanged\n",
            session.display()
        )
    );
    assert_eq!(std::fs::read(&session).expect("readable"), before);

    // The same comments in the other language's export, and one more: only it is new.
    let more = format!("{ENGLISH}J-3,Ann,2026-11-22,Open formats please,,,\n");
    std::fs::write(&file, more).expect("write");
    let (_, said) = run(&["import", s(&session), s(&file)]).expect("imports the new one");
    assert!(
        said.starts_with("1 new comment(s) imported into "),
        "{said}"
    );
    assert!(said.contains(", 2 already there"), "{said}");
    assert_eq!(ids(&load(&session)), ["J-1", "J-2", "J-3"]);
}

#[test]
fn rows_without_ids_are_recognised_on_a_second_import() {
    let csv = "author,time,text\nA,2026-11-20 09:15,one\nB,2026-11-20 09:16,two\n";
    let (_dir, session, file) = folder(csv.as_bytes());
    run(&["import", s(&session), s(&file)]).expect("imports");
    let before = std::fs::read(&session).expect("readable");
    let (_, said) = run(&["import", s(&session), s(&file)]).expect("imports again");
    assert!(
        said.starts_with("no new comments, 2 already there"),
        "{said}"
    );
    assert_eq!(std::fs::read(&session).expect("readable"), before);
    assert!(ids(&load(&session)).iter().all(|id| id.starts_with("row-")));
}

#[test]
fn a_bad_row_refuses_the_whole_file_with_its_line() {
    // J-2's text takes lines 3 and 4, so J-3 is on line 5.
    let csv = "留言編號,留言者,留言時間,留言內容\n\
               J-1,王小明,2026-11-20 09:15,好\n\
               J-2,陳小姐,2026-11-21 10:30,\"分兩行\n的意見\"\n\
               J-3,林先生,2026-11-32 10:30,日期不對\n\
               J-4,李先生,2026-11-22 10:30,好\n";
    let (_dir, session, file) = folder(csv.as_bytes());
    let before = std::fs::read(&session).expect("readable");
    let error = run(&["import", s(&session), s(&file)]).expect_err("refused");
    let message = error.to_string();
    assert!(
        message.starts_with(&format!(
            "{}: line 5, column 留言時間 (time): \"2026-11-32 10:30\" is not a time",
            file.display()
        )),
        "{message}"
    );
    assert!(message.ends_with("; nothing was imported"), "{message}");
    assert_eq!(std::fs::read(&session).expect("readable"), before);
    assert!(ids(&load(&session)).is_empty(), "not even the good rows");

    for (csv, line) in [
        (
            "author,time,text\nA,2026-11-20,t\nB,2026-11-20,\n",
            "line 3, column text: the comment is empty",
        ),
        (
            "author,time,text\n,2026-11-20,t\n",
            "line 2, column author: the author is empty",
        ),
        (
            "id,author,time,text\n1,A,2026-11-20,t\n1,B,2026-11-20,u\n",
            "line 3: the id \"1\" is the id of line 2 too",
        ),
        (
            "author,time,text,item\nA,2026-11-20,t,9\n",
            "line 2, column item: \"9\" is not an agenda item",
        ),
    ] {
        std::fs::write(&file, csv).expect("write");
        let message = run(&["import", s(&session), s(&file)])
            .expect_err("refused")
            .to_string();
        assert!(message.contains(line), "{csv}\n{message}");
        assert_eq!(std::fs::read(&session).expect("readable"), before);
    }
}

#[test]
fn item_by_position_and_by_id_overrides_the_column() {
    for (item, expected) in [("3", "extempore"), ("adjournment", "adjournment")] {
        let (_dir, session, file) = folder(CHINESE.as_bytes());
        run(&["import", s(&session), s(&file), "--item", item]).expect("imports");
        let meeting = load(&session);
        let items: Vec<Option<&str>> = meeting
            .state()
            .comments()
            .iter()
            .map(|c| c.comment.item.as_ref().map(|i| i.0.as_str()))
            .collect();
        assert_eq!(items, [Some(expected), Some(expected)], "--item {item}");
    }
    let (_dir, session, file) = folder(CHINESE.as_bytes());
    let before = std::fs::read(&session).expect("readable");
    let message = run(&["import", s(&session), s(&file), "--item", "5"])
        .expect_err("no fifth item")
        .to_string();
    assert!(
        message.contains("--item 5: \"5\" is not an agenda item"),
        "{message}"
    );
    assert!(message.contains("(1 to 4)"), "{message}");
    assert_eq!(std::fs::read(&session).expect("readable"), before);
}

// ---- the response table ----------------------------------------------------------------

#[test]
fn the_response_table_has_its_header_the_answers_and_no_formulas() {
    let csv = "留言編號,留言者,留言時間,留言內容,議題,主題\n\
               J-1,王小明,2026-11-20 09:15,建議公開原始碼,previous-minutes,原始碼\n\
               J-2,=cmd|' /C calc'!A0,2026-11-21 10:30:15,\"+1 同意\",,@SUM(A1)\n\
               J-3,-林先生,2026-11-22,\"\t=1+1\",,\n";
    let (dir, session, file) = folder(csv.as_bytes());
    run(&["import", s(&session), s(&file)]).expect("imports");
    let mut meeting = load(&session);
    meeting
        .record(
            chrono::DateTime::parse_from_rfc3339("2026-12-03T15:00:00+08:00").expect("a time"),
            Author::Facilitator,
            EventKind::CommentAnswered {
                comment: CommentId::new("J-1"),
                status: ResponseStatus::PartlyTakenUp,
                response: Box::new(Text::new("上線前三個月公開")),
            },
        )
        .expect("answered");
    store::save(&session, meeting.session()).expect("saved");

    let (out, said) = run(&["export", s(&session)]).expect("exports");
    assert_eq!(said, "3 comment(s), 1 answered, 2 not yet answered\n");
    let text = String::from_utf8(out).expect("UTF-8");
    let body = text.strip_prefix('\u{feff}').expect("a BOM for Excel");
    let lines: Vec<&str> = body.lines().collect();
    assert_eq!(
        lines[0],
        "編號 ID,留言者 Author,留言時間 Posted,議題 Agenda item,主題 Topic,意見內容 Comment,連結 Link,處理情形 Status,回應說明 Response"
    );
    assert_eq!(
        lines[1],
        "J-1,王小明,2026-11-20 09:15,確認上次會議紀錄,原始碼,建議公開原始碼,,部分採納,上線前三個月公開"
    );
    assert_eq!(
        lines[2],
        "J-2,'=cmd|' /C calc'!A0,2026-11-21 10:30:15,,'@SUM(A1),'+1 同意,,尚未回應,"
    );
    // Cells are read trimmed, so the tab before this one is gone; it is still a formula.
    assert_eq!(lines[3], "J-3,'-林先生,2026-11-22 00:00,,,'=1+1,,尚未回應,");

    // To a file, which is not overwritten without --force.
    let out = dir.path().join("responses.csv");
    run(&["export", s(&session), "-o", s(&out)]).expect("written");
    assert_eq!(std::fs::read(&out).expect("readable"), text.as_bytes());
    let refused = run(&["export", s(&session), "-o", s(&out)]).expect_err("exists");
    assert!(refused.to_string().contains("pass --force"), "{refused}");
    run(&["export", s(&session), "-o", s(&out), "--force"]).expect("overwritten");
}

// ---- the binary ------------------------------------------------------------------------

#[test]
fn the_argument_definitions_are_consistent() {
    use clap::CommandFactory;
    Cli::command().debug_assert();
}

#[test]
fn the_binary_imports_refuses_and_exports() {
    let (_dir, session, file) = folder(ENGLISH.as_bytes());
    let output = roundtable(["comments", "import", s(&session), s(&file), "--item", "1"]);
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert!(output.status.success(), "{stderr}");
    assert!(
        stderr.starts_with("2 new comment(s) imported into "),
        "{stderr}"
    );

    std::fs::write(&file, "author,time\nA,2026-11-20\n").expect("write");
    let output = roundtable(["comments", "import", s(&session), s(&file)]);
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.starts_with("roundtable: ")
            && stderr.contains("line 1: the header row has no text column"),
        "{stderr}"
    );

    let output = roundtable(["comments", "export", s(&session)]);
    assert!(output.status.success());
    assert!(
        output
            .stdout
            .starts_with(b"\xEF\xBB\xBF\xE7\xB7\xA8\xE8\x99\x9F ID,"),
        "BOM, then 編號 ID"
    );

    let help = roundtable(["comments", "--help"]);
    let help = String::from_utf8_lossy(&help.stdout).into_owned();
    assert!(help.contains("import") && help.contains("export"), "{help}");
}
