use super::*;
use crate::domain::{Section, Text};
use chrono::NaiveDateTime;
use proptest::prelude::*;

fn item(id: &str, title: &str, en: &str) -> AgendaItem {
    AgendaItem {
        id: ItemId::new(id),
        section: Section::Discussion,
        title: Text::bilingual(title, en),
        presenter: Text::default(),
        explanation: Text::default(),
        proposed_action: None,
        planned_minutes: 0,
    }
}

fn items() -> Vec<AgendaItem> {
    vec![
        item("report-progress", "系統建置進度", "Progress"),
        item("open-source", "原始碼公開案", "Publishing the source code"),
    ]
}

fn import(csv: &str) -> Vec<PublicComment> {
    let items = items();
    match parse(csv, &Agenda::new(&items)) {
        Ok(comments) => comments,
        Err(e) => panic!("{csv}\nfailed: {e}"),
    }
}

fn error(csv: &str) -> CommentsCsvError {
    let items = items();
    match parse(csv, &Agenda::new(&items)) {
        Ok(comments) => panic!("{csv}\nwas accepted: {comments:?}"),
        Err(e) => e,
    }
}

fn at(s: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").expect("a test time")
}

#[test]
fn chinese_headers_with_every_column() {
    let comments = import(
        "\u{feff}留言編號,留言者,留言時間,留言內容,連結,議題,主題\n\
         c-101,王小明,2026/11/20 09:15,建議公開原始碼,https://join.gov.tw/c/101,2,原始碼\n",
    );
    assert_eq!(
        comments,
        [PublicComment {
            id: CommentId::new("c-101"),
            author: "王小明".into(),
            posted: at("2026-11-20 09:15"),
            text: "建議公開原始碼".into(),
            link: Some("https://join.gov.tw/c/101".into()),
            item: Some(ItemId::new("open-source")),
            topic: Some("原始碼".into()),
            extra: Vec::new(),
        }]
    );
}

#[test]
fn english_headers_in_any_order_and_case() {
    let comments = import("Comment,Posted,Author,Comment ID\nUse open formats,2026-11-20,Ann,7\n");
    assert_eq!(comments[0].id.0, "7");
    assert_eq!(comments[0].author, "Ann");
    assert_eq!(comments[0].text, "Use open formats");
    assert_eq!(comments[0].posted, at("2026-11-20 00:00"));
    assert_eq!(comments[0].item, None);
}

#[test]
fn the_response_tables_own_bilingual_header_reads_back() {
    let header = HEADER.join(",");
    let comments = import(&format!(
        "{header}\nc1,Ann,2026-11-20 09:15,原始碼公開案,,text,,尚未回應,\n"
    ));
    assert_eq!(
        comments[0].item,
        Some(ItemId::new("open-source")),
        "by title"
    );
    let kept: Vec<&str> = comments[0].extra.iter().map(|(h, _)| h.as_str()).collect();
    assert_eq!(kept, ["處理情形 Status"], "the empty response is left out");
}

#[test]
fn other_columns_are_kept_in_order_with_empty_cells_left_out() {
    let comments = import(
        "author,time,text,讚數,,身分\nA,2026-11-20 10:00,t,12,x,\nB,2026-11-20 10:01,u,,,學生\n",
    );
    assert_eq!(
        comments[0].extra,
        [
            ("讚數".to_owned(), "12".to_owned()),
            ("column 5".to_owned(), "x".to_owned())
        ]
    );
    assert_eq!(comments[1].extra, [("身分".to_owned(), "學生".to_owned())]);
}

#[test]
fn a_row_without_an_id_gets_one_from_its_author_time_and_text() {
    let csv = "author,time,text\nA,2026-11-20 10:00,一則意見\n";
    let first = import(csv);
    // The same moment written another way is the same comment.
    let again = import("author,time,text\nA,2026/11/20 10:00:00,一則意見\n");
    assert_eq!(first[0].id, again[0].id);
    // Stable across versions: this exact value is what a session already holds.
    assert_eq!(first[0].id.0, "row-35ab20309925");
    let other = import("author,time,text\nA,2026-11-20 10:00,另一則\n");
    assert_ne!(first[0].id, other[0].id);
}

#[test]
fn multi_line_comments_keep_their_lines_and_later_lines_stay_right() {
    let items = items();
    let csv = "author,time,text\r\nA,2026-11-20 10:00,\"第一段\r\n第二段\"\r\nB,never,x\r\n";
    let e = parse(csv, &Agenda::new(&items)).expect_err("a bad time");
    assert_eq!(e.line(), Some(4), "{e}");
    let comments = import("author,time,text\r\nA,2026-11-20 10:00,\"第一段\r\n第二段\"\r\n");
    assert_eq!(comments[0].text, "第一段\n第二段");
}

#[test]
fn items_by_id_number_title_and_the_option() {
    let items = items();
    let agenda = Agenda::new(&items);
    for named in [
        "open-source",
        "2",
        "２",
        "原始碼公開案",
        "Publishing the source code",
        "Open-Source",
    ] {
        assert_eq!(
            agenda.find(named).map(|i| i.0.as_str()),
            Some("open-source"),
            "{named}"
        );
    }
    for named in ["0", "3", "x", ""] {
        assert_eq!(agenda.find(named), None, "{named}");
    }
    let csv = "author,time,text,item\nA,2026-11-20 10:00,t,1\nB,2026-11-20 10:00,t,\n";
    let fixed = Agenda::new(&items)
        .with_item("open-source")
        .expect("on the agenda");
    let comments = parse(csv, &fixed).expect("imports");
    assert!(
        comments
            .iter()
            .all(|c| c.item == Some(ItemId::new("open-source")))
    );
    let e = Agenda::new(&items)
        .with_item("9")
        .expect_err("not on the agenda");
    assert!(
        e.to_string()
            .starts_with("--item 9: \"9\" is not an agenda item; give the item's id (report-progress, open-source), its number in the agenda (1 to 2)"),
        "{e}"
    );
}

#[test]
fn bad_rows_name_their_line_and_column() {
    for (csv, start) in [
        (
            "author,time,text\nA,2026-11-20 10:00,t\n,2026-11-20 10:00,t\n",
            "line 3, column author:",
        ),
        (
            "留言者,時間,內容\nA,2026-11-20 10:00,\n",
            "line 2, column 內容 (text): the comment is empty",
        ),
        (
            "author,time,text\nA,soon,t\n",
            "line 2, column time: \"soon\" is not a time",
        ),
        (
            "author,time,text,議題\nA,2026-11-20 10:00,t,9\n",
            "line 2, column 議題 (item): \"9\" is not an agenda item",
        ),
        (
            "id,author,time,text\n1,A,2026-11-20 10:00,t\n2,B,2026-11-20 10:00,t\n1,C,2026-11-20 10:00,u\n",
            "line 4: the id \"1\" is the id of line 2 too",
        ),
        (
            "author,time,text\nA,2026-11-20 10:00,t\nA,2026/11/20 10:00,t\n",
            "line 3: the same author, time and text as line 2",
        ),
        (
            "author,time,text\nA,2026-11-20 10:00,t,x\n",
            "line 2: this row has 4 fields",
        ),
        (
            "author,text\nA,t\n",
            "line 1: the header row has no time column",
        ),
        (
            "author,time,date,text\n",
            "line 1: the columns \"time\" and \"date\" both mean time",
        ),
        (
            "author,time,text\nA,2026-11-20 10:00,\"t\n",
            "line 2: the quote (\") that opens field 3 is never closed",
        ),
    ] {
        let message = error(csv).to_string();
        assert!(message.starts_with(start), "{csv}\n{message}");
    }
    assert!(error("").to_string().contains("author,time,text"));
}

#[test]
fn big5_is_refused_with_a_hint() {
    let items = items();
    let e = parse_bytes(
        b"author,time,text\n\xa9\x6d,2026-11-20,t\n",
        &Agenda::new(&items),
    )
    .expect_err("not UTF-8");
    assert_eq!(e.line(), Some(2));
    assert!(e.to_string().contains("CSV UTF-8"), "{e}");
}

#[test]
fn a_header_alone_is_no_comments() {
    assert!(import("author,time,text\n\n").is_empty());
}

// ---- any bytes ------------------------------------------------------------------------

/// Bytes that look like a comments export often enough to reach the rows: known
/// columns with good and bad values, now and then a stray quote, separator, line end
/// or bytes that are not UTF-8; or just any bytes.
fn comments_like_bytes() -> impl Strategy<Value = Vec<u8>> {
    const COLUMNS: &[(&str, &[&str])] = &[
        ("author", &["A", "王小明", "", "\"q,uoted\""]),
        (
            "time",
            &[
                "2026-11-20 10:00",
                "2026/11/20",
                "x",
                "",
                "２０２６－１１－２０",
            ],
        ),
        ("text", &["t", "意見", "", "\"two\nlines\""]),
        ("id", &["", "", "1", "2"]),
        ("item", &["", "1", "open-source", "9"]),
        ("link", &["", "https://x"]),
        ("讚數", &["", "3"]),
    ];
    const NOISE: &[&str] = &[",", "\"", "\n", "\r", "\t", "\u{feff}", "\u{0}"];
    // Author, time and text nearly always: without them every row is refused alike.
    crate::store::csv_table::csv_like_bytes(COLUMNS, 3, NOISE)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1000, ..ProptestConfig::default() })]

    /// Whatever the bytes, the importer answers without a panic: comments the domain
    /// takes, or a refusal that names a line of the file (all but an empty file).
    #[test]
    fn any_bytes_import_or_are_refused_with_a_line_of_the_file(bytes in comments_like_bytes()) {
        let items = items();
        let lines = 1 + bytes.iter().filter(|&&b| b == b'\n').count() as u64;
        match parse_bytes(&bytes, &Agenda::new(&items)) {
            Ok(comments) => {
                let mut ids = std::collections::HashSet::new();
                for c in &comments {
                    prop_assert!(ids.insert(&c.id), "{:?} twice", c.id);
                    prop_assert!(!c.text.trim().is_empty() && !c.author.is_empty());
                }
            }
            Err(e) => {
                if let Some(line) = e.line() {
                    prop_assert!((1..=lines).contains(&line), "line {} of {}: {}", line, lines, e);
                    prop_assert!(e.to_string().starts_with(&format!("line {line}")), "{}", e);
                } else {
                    prop_assert!(matches!(e, CommentsCsvError::Empty), "{}", e);
                }
            }
        }
    }
}
