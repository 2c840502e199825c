//! The public's comments and the forum's responses in the minutes (rules §4): the
//! finished demo with comments imported and answered after the meeting, in every
//! format and language; the section's place (after speaking time, before the
//! adjournment) and its absence from a session without comments; and comments as the
//! untrusted text they are, which no format reads as markup.

mod support;

use std::collections::HashSet;
use std::io::{Cursor, Read};
use std::path::Path;

use chrono::{Duration, NaiveDate, NaiveDateTime};
use roundtable::domain::{
    Author, CommentId, EventKind, ItemId, Lang, Meeting, PublicComment, ResponseStatus, Seq, Stamp,
    Text,
};
use roundtable::minutes::{Format, Languages, minutes};
use scraper::{Html, Selector};

/// A demo session without the public comments the demo script may give it: these
/// tests bring their own. The comments' events are left out of the log, with any
/// undo or redo of them.
fn without_comments(path: &str) -> Meeting {
    let mut session = roundtable::store::load(Path::new(path))
        .expect("the demo loads")
        .into_session();
    let dropped: HashSet<Seq> = session
        .log
        .iter()
        .filter(|e| {
            matches!(
                e.kind,
                EventKind::CommentsImported { .. } | EventKind::CommentAnswered { .. }
            )
        })
        .map(|e| e.seq)
        .collect();
    session.log.retain(|e| {
        !dropped.contains(&e.seq)
            && !matches!(
                e.kind,
                EventKind::Retracted { event } | EventKind::Reinstated { event }
                    if dropped.contains(&event)
            )
    });
    Meeting::open(session).expect("opens without its comments")
}

/// The finished demo, without comments.
fn demo() -> Meeting {
    without_comments("sessions/demo-finished.ron")
}

fn posted(day: u32, hour: u32, minute: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 11, day)
        .and_then(|d| d.and_hms_opt(hour, minute, 0))
        .expect("a time")
}

fn comment(id: &str, author: &str, at: NaiveDateTime, text: &str) -> PublicComment {
    PublicComment {
        id: CommentId::new(id),
        author: author.into(),
        posted: at,
        text: text.into(),
        link: None,
        item: None,
        topic: None,
        extra: Vec::new(),
    }
}

fn on(item: &str, comment: PublicComment) -> PublicComment {
    PublicComment {
        item: Some(ItemId::new(item)),
        ..comment
    }
}

fn linked(link: &str, comment: PublicComment) -> PublicComment {
    PublicComment {
        link: Some(link.into()),
        ..comment
    }
}

/// After the last thing the session recorded.
fn later(meeting: &Meeting, minutes: i64) -> Stamp {
    let last = meeting.session().log.last().expect("a finished meeting").at;
    last + Duration::minutes(minutes)
}

fn record(meeting: &mut Meeting, minutes: i64, kind: EventKind) {
    let at = later(meeting, minutes);
    meeting
        .record(at, Author::Facilitator, kind)
        .expect("allowed");
}

fn answer(meeting: &mut Meeting, id: &str, status: ResponseStatus, response: Text) {
    record(
        meeting,
        1,
        EventKind::CommentAnswered {
            comment: CommentId::new(id),
            status,
            response: Box::new(response),
        },
    );
}

/// The finished demo with six comments from the participation platform, imported in
/// two batches out of agenda order: two on the open-source item (one answered in both
/// languages, one in Chinese only), one unanswered on data retention, one partly taken
/// up on a report, and two on no item (one noted without a response, one unanswered).
fn with_comments() -> Meeting {
    let mut meeting = demo();
    let first = vec![
        linked(
            "https://join.gov.tw/policies/detail/3#comment-1",
            on(
                "discussion-open-source",
                comment(
                    "join-1",
                    "王小明",
                    posted(20, 21, 5),
                    "建議將電子連署系統原始碼以開放授權釋出，並公布第三方資安檢測報告。",
                ),
            ),
        ),
        linked(
            "https://join.gov.tw/policies/detail/3#comment-4",
            on(
                "discussion-data-retention",
                comment(
                    "join-4",
                    "林美惠",
                    posted(23, 9, 40),
                    "連署資料的保存期限應明定，逾期即銷毀。",
                ),
            ),
        ),
        comment(
            "join-5",
            "匿名",
            posted(24, 22, 15),
            "希望論壇會議全程直播。",
        ),
    ];
    record(
        &mut meeting,
        1,
        EventKind::CommentsImported { comments: first },
    );
    let second = vec![
        on(
            "discussion-open-source",
            comment(
                "join-2",
                "Alex Chen",
                posted(21, 8, 30),
                "Please publish the security test reports in English as well.",
            ),
        ),
        comment(
            "join-6",
            "陳先生",
            posted(25, 7, 0),
            "電子連署是否支援自然人憑證以外的身分驗證方式？",
        ),
        on(
            "report-identity",
            comment(
                "join-3",
                "張淑芬",
                posted(22, 13, 20),
                "行動身分識別應提供無障礙操作，並說明手機遺失時的處理方式。",
            ),
        ),
    ];
    record(
        &mut meeting,
        1,
        EventKind::CommentsImported { comments: second },
    );
    answer(
        &mut meeting,
        "join-1",
        ResponseStatus::TakenUp,
        Text::bilingual(
            "已列入本次決議：系統上線前公開原始碼並公布檢測報告。",
            "Included in today's resolution: the source code and the test report are published before launch.",
        ),
    );
    answer(
        &mut meeting,
        "join-2",
        ResponseStatus::NotTakenUp,
        Text::new("英文版報告需另編預算，列入明年度規劃。"),
    );
    answer(
        &mut meeting,
        "join-3",
        ResponseStatus::PartlyTakenUp,
        Text::bilingual(
            "無障礙檢測納入驗收條件；遺失處理流程另案說明。",
            "Accessibility testing becomes an acceptance condition; the loss procedure is explained separately.",
        ),
    );
    answer(
        &mut meeting,
        "join-5",
        ResponseStatus::Noted,
        Text::default(),
    );
    meeting
}

fn text(meeting: &Meeting, format: Format, languages: Languages) -> String {
    String::from_utf8(minutes(meeting, format, languages).expect("renders").bytes).expect("UTF-8")
}

fn content_xml(meeting: &Meeting, languages: Languages) -> String {
    let bytes = minutes(meeting, Format::Odt, languages)
        .expect("renders")
        .bytes;
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).expect("a zip");
    let mut content = String::new();
    zip.by_name("content.xml")
        .expect("content.xml")
        .read_to_string(&mut content)
        .expect("UTF-8");
    content
}

const HEADING_ZH: &str = "公眾意見與回應";
const HEADING_EN: &str = "Public comments and responses";

/// The comments part of the Markdown minutes (both parts of the bilingual minutes).
fn markdown_part(markdown: &str) -> String {
    markdown
        .split_inclusive('\n')
        .fold((String::new(), false), |(mut out, inside), line| {
            let inside = match line.strip_prefix("## ") {
                Some(heading) => heading.contains(HEADING_ZH) || heading.contains(HEADING_EN),
                None => inside,
            };
            if inside {
                out.push_str(line);
            }
            (out, inside)
        })
        .0
}

/// The comments `<section>` of the HTML minutes.
fn html_part(html: &str) -> String {
    html.split("<section>\n")
        .find(|s| s.contains(&format!("<h2>九、{HEADING_ZH}")) || s.contains(HEADING_EN))
        .map(|s| s.split("</section>").next().unwrap_or(s).to_owned())
        .expect("a comments section")
}

/// The comments part of the ODT's content.xml, a line per heading, row and paragraph
/// so that the snapshot reads.
fn odt_part(xml: &str) -> String {
    let start = xml.find(HEADING_ZH).expect("a comments heading");
    let start = xml[..start].rfind("<text:h ").expect("its element");
    let end = xml[start + 1..]
        .find("<text:h text:style-name=\"Heading_20_1\"")
        .map_or(xml.len(), |i| start + 1 + i);
    xml[start..end]
        .replace("<table:table-row>", "\n<table:table-row>")
        .replace("<text:h ", "\n<text:h ")
        .trim_start()
        .to_owned()
}

#[test]
fn markdown_zh() {
    let md = text(&with_comments(), Format::Markdown, Languages::Chinese);
    insta::assert_snapshot!(markdown_part(&md));
}

#[test]
fn markdown_en() {
    let md = text(&with_comments(), Format::Markdown, Languages::English);
    insta::assert_snapshot!(markdown_part(&md));
}

#[test]
fn markdown_both() {
    let md = text(&with_comments(), Format::Markdown, Languages::Both);
    insta::assert_snapshot!(markdown_part(&md));
}

#[test]
fn html_both() {
    let html = text(&with_comments(), Format::Html, Languages::Both);
    insta::assert_snapshot!(html_part(&html));
}

#[test]
fn odt_both() {
    insta::assert_snapshot!(odt_part(&content_xml(&with_comments(), Languages::Both)));
}

#[test]
fn the_part_comes_after_speaking_time_and_before_the_adjournment_which_stays_last() {
    let meeting = with_comments();
    for (languages, expect) in [
        (
            Languages::Chinese,
            [
                "## 八、發言時間統計",
                "## 九、公眾意見與回應",
                "## 十、散會",
            ],
        ),
        (
            Languages::English,
            [
                "## 8. Speaking time",
                "## 9. Public comments and responses",
                "## 10. Adjournment",
            ],
        ),
    ] {
        let md = text(&meeting, Format::Markdown, languages);
        let headings: Vec<&str> = md.lines().filter(|l| l.starts_with("## ")).collect();
        assert_eq!(headings[headings.len() - 3..], expect, "{headings:?}");
    }
    // The two languages' documents still pair block by block.
    use roundtable::minutes::model::{build, same_structure};
    assert!(same_structure(
        &build(&meeting, Lang::ZhTw),
        &build(&meeting, Lang::En)
    ));
}

#[test]
fn a_session_without_comments_has_no_comments_part_in_any_format() {
    let meeting = demo();
    assert!(meeting.state().comments().is_empty());
    for languages in [Languages::Chinese, Languages::English, Languages::Both] {
        for format in [Format::Markdown, Format::Html] {
            let made = text(&meeting, format, languages);
            assert!(!made.contains(HEADING_ZH), "{format:?} {languages:?}");
            assert!(!made.contains(HEADING_EN), "{format:?} {languages:?}");
        }
        let xml = content_xml(&meeting, languages);
        assert!(!xml.contains(HEADING_ZH) && !xml.contains(HEADING_EN));
    }
}

#[test]
fn comments_are_grouped_by_item_in_agenda_order_and_those_on_no_item_come_last() {
    let md = markdown_part(&text(
        &with_comments(),
        Format::Markdown,
        Languages::Chinese,
    ));
    let groups: Vec<&str> = md.lines().filter(|l| l.starts_with("### ")).collect();
    assert_eq!(
        groups,
        [
            "### 行動身分識別用於電子連署之評估",
            "### 電子連署系統原始碼公開及第三方資安檢測案",
            "### 連署人個人資料保存期限及銷毀機制案",
            "### 未指定議程",
        ],
        "{md}"
    );
    // Numbered through the part in the order shown, not the order imported.
    let numbers: Vec<&str> = md
        .lines()
        .filter(|l| l.starts_with("| ") && !l.starts_with("| 編號") && !l.starts_with("| ---"))
        .map(|l| l[2..].split(' ').next().unwrap_or(""))
        .collect();
    assert_eq!(numbers, ["1", "2", "3", "4", "5", "6"], "{md}");
    assert!(md.contains("**總計**：6 則，已回應 4 則（採納 1 則、部分採納 1 則、未採納 1 則、參考 1 則），尚未回應 2 則"), "{md}");
}

#[test]
fn unanswered_comments_are_set_off_in_every_format() {
    let meeting = with_comments();
    let md = text(&meeting, Format::Markdown, Languages::Both);
    assert_eq!(md.matches("| **尚未回應** |").count(), 2, "{md}");
    assert_eq!(md.matches("| **Not yet answered** |").count(), 2, "{md}");
    let html = Html::parse_document(&text(&meeting, Format::Html, Languages::English));
    let strong = Selector::parse("table.comments td strong").expect("selector");
    let set_off: Vec<String> = html.select(&strong).map(|s| s.text().collect()).collect();
    assert_eq!(set_off, ["Not yet answered", "Not yet answered"]);
    let xml = content_xml(&meeting, Languages::Chinese);
    assert_eq!(
        xml.matches("<text:span text:style-name=\"Strong\">尚未回應</text:span>")
            .count(),
        2
    );
}

#[test]
fn a_response_with_no_english_is_marked_and_listed_the_comments_own_words_are_not() {
    let made = minutes(&with_comments(), Format::Markdown, Languages::English).expect("renders");
    let md = String::from_utf8(made.bytes).expect("UTF-8");
    assert!(md.contains("英文版報告需另編預算，列入明年度規劃。 *[untranslated]*"));
    let listed: Vec<(&str, &str)> = made
        .untranslated
        .iter()
        .map(|u| (u.part.as_str(), u.text.as_str()))
        .collect();
    assert!(listed.contains(&(
        "9. Public comments and responses",
        "英文版報告需另編預算，列入明年度規劃。"
    )));
    assert!(!listed.iter().any(|(_, t)| t.contains("保存期限應明定")));
    assert!(md.contains("| 22 November 2026 |"), "the posted day");
}

#[test]
fn the_translation_worksheet_has_the_latest_response_and_merging_it_translates_the_minutes() {
    use roundtable::minutes::translations::{merge, worksheet};
    let mut meeting = with_comments();
    // A later answer replaces an earlier one: only the latest is to translate.
    answer(
        &mut meeting,
        "join-2",
        ResponseStatus::NotTakenUp,
        Text::new("英文版報告需另編預算，列入 2027 年度規劃。"),
    );
    let mut entries = worksheet(&meeting);
    let responses: Vec<&str> = entries
        .iter()
        .filter(|e| e.key.ends_with("/response"))
        .map(|e| e.source.as_str())
        .collect();
    assert!(responses.contains(&"英文版報告需另編預算，列入 2027 年度規劃。"));
    assert!(!responses.contains(&"英文版報告需另編預算，列入明年度規劃。"));
    for entry in &mut entries {
        if entry.source == "英文版報告需另編預算，列入 2027 年度規劃。" {
            entry.translation = "An English report needs its own budget: planned for 2027.".into();
        }
    }
    let mut session = meeting.into_session();
    let report = merge(&mut session, &entries);
    assert_eq!(report.applied.len(), 1, "{report:?}");
    let meeting = Meeting::open(session).expect("reopens");
    let made = minutes(&meeting, Format::Markdown, Languages::English).expect("renders");
    let md = String::from_utf8(made.bytes).expect("UTF-8");
    assert!(md.contains("| An English report needs its own budget: planned for 2027. |"));
    assert!(made.untranslated.iter().all(|u| !u.text.contains("2027")));
}

#[test]
fn an_item_with_comments_cannot_be_taken_off_so_its_comments_stay_under_it() {
    let mut meeting = without_comments("sessions/demo.ron");
    let at = meeting.state().meeting().date.and_hms_opt(9, 0, 0);
    let at = at
        .and_then(|t| {
            t.and_local_timezone(chrono::FixedOffset::east_opt(8 * 3600)?)
                .single()
        })
        .expect("a time");
    meeting
        .record(
            at,
            Author::Facilitator,
            EventKind::CommentsImported {
                comments: vec![on(
                    "report-identity",
                    comment("join-9", "王小明", posted(20, 8, 0), "請補充說明。"),
                )],
            },
        )
        .expect("allowed");
    let removed = meeting.record(
        at,
        Author::Facilitator,
        EventKind::ItemRemoved {
            item: ItemId::new("report-identity"),
        },
    );
    assert!(
        removed.is_err(),
        "an item with comments stays on the agenda"
    );
    let md = markdown_part(&text(&meeting, Format::Markdown, Languages::Chinese));
    assert!(!md.contains("### 未指定議程\n"), "{md}");
    assert!(
        md.contains("| 1 | 王小明 | 115 年 11 月 20 日 | 請補充說明。 |"),
        "{md}"
    );
}

// ---- untrusted text ---------------------------------------------------------------

const NASTY_TEXT: &str = "<script>alert(1)</script> **bold** [x](javascript:alert(1)) ]]> & AT&T &amp; ~~gone~~\n# not a heading | pipe";
const NASTY_AUTHOR: &str = "<b>Eve</b> | **x** & ]]>";
const NASTY_LINK: &str = "https://example.com/?a=1&b=<2>\"]]><script>";
const NASTY_RESPONSE: &str = "<img src=x onerror=alert(1)> ]]> & **not bold**\n- not a list";

fn nasty() -> Meeting {
    let mut meeting = demo();
    let nasty = linked(
        NASTY_LINK,
        on(
            "discussion-open-source",
            comment("join-x", NASTY_AUTHOR, posted(20, 12, 0), NASTY_TEXT),
        ),
    );
    record(
        &mut meeting,
        1,
        EventKind::CommentsImported {
            comments: vec![nasty],
        },
    );
    answer(
        &mut meeting,
        "join-x",
        ResponseStatus::NotTakenUp,
        Text::bilingual(NASTY_RESPONSE, NASTY_RESPONSE),
    );
    meeting
}

#[test]
fn markup_in_a_comment_stays_text_in_markdown() {
    for languages in [Languages::Chinese, Languages::English, Languages::Both] {
        let md = markdown_part(&text(&nasty(), Format::Markdown, languages));
        let rows: Vec<&str> = md
            .lines()
            .filter(|l| l.contains("alert(1)") || l.contains("Eve"))
            .collect();
        // One table row a language, the newlines inside it line breaks in its cells.
        let expect_rows = if languages == Languages::Both { 2 } else { 1 };
        assert_eq!(rows.len(), expect_rows, "{md}");
        for row in rows {
            assert!(row.starts_with("| 1 | ") && row.ends_with(" |"), "{row}");
            let cells = row.replace("\\|", "").matches('|').count() - 1;
            assert_eq!(cells, 6, "six cells: {row}");
            for escaped in [
                "\\<script\\>alert(1)\\</script\\>",
                "\\*\\*bold\\*\\*",
                "\\[x\\](javascript:alert(1))",
                "\\]\\]\\> \\& AT\\&T \\&amp; \\~\\~gone\\~\\~  <br># not a heading \\| pipe",
                "\\<b\\>Eve\\</b\\> \\| \\*\\*x\\*\\* \\& \\]\\]\\>",
                "\\<img src=x onerror=alert(1)\\> \\]\\]\\> \\& \\*\\*not bold\\*\\*  <br>- not a list",
            ] {
                assert!(row.contains(escaped), "{escaped} in {row}");
            }
        }
        // No markup but the line breaks: every other < is escaped.
        let unescaped = md.replace("\\<", "").replace("<br>", "");
        assert!(!unescaped.contains('<'), "{md}");
        assert!(!md.lines().any(|l| l.starts_with("# ")), "{md}");
    }
}

#[test]
fn markup_in_a_comment_stays_text_in_html() {
    for languages in [Languages::Chinese, Languages::English, Languages::Both] {
        let html = text(&nasty(), Format::Html, languages);
        let doc = Html::parse_document(&html);
        let select = |s: &str| Selector::parse(s).expect("selector");
        for element in ["script", "img", "b", "table.comments a"] {
            assert_eq!(doc.select(&select(element)).count(), 0, "{element}");
        }
        let cells: Vec<String> = doc
            .select(&select("table.comments td"))
            .map(|td| td.text().collect())
            .collect();
        let first_line = |s: &str| s.split('\n').next().unwrap_or_default().to_owned();
        for needed in [NASTY_TEXT, NASTY_AUTHOR, NASTY_LINK, NASTY_RESPONSE] {
            let needed = first_line(needed);
            assert!(
                cells.iter().any(|c| c.contains(&needed)),
                "{needed} in {cells:?}"
            );
        }
        // The newlines are line breaks inside the cell.
        let breaks = doc.select(&select("table.comments td br")).count();
        assert!(breaks >= 3, "{breaks} line breaks");
    }
}

#[test]
fn markup_in_a_comment_stays_text_in_the_odt() {
    for languages in [Languages::Chinese, Languages::English, Languages::Both] {
        let cells = support::odt::table_cells(&content_xml(&nasty(), languages), "PublicComments");
        for needed in [NASTY_AUTHOR, NASTY_RESPONSE] {
            assert!(cells.iter().any(|c| c == needed), "{needed} in {cells:?}");
        }
        let with_link = format!("{NASTY_TEXT}\n{NASTY_LINK}");
        assert!(cells.contains(&with_link), "{cells:?}");
    }
}
