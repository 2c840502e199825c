//! The ODT is a valid OpenDocument package with real headings and the vote table; the
//! HTML parses with a real HTML parser, stands alone and holds the same structure; the
//! English minutes mark what has no translation.

mod support;

use std::io::{Cursor, Read};
use std::path::Path;

use quick_xml::Reader;
use quick_xml::events::Event;
use roundtable::domain::Meeting;
use roundtable::minutes::{Format, Languages, minutes};
use scraper::{Html, Selector};

fn demo() -> Meeting {
    roundtable::store::load(Path::new("sessions/demo-finished.ron")).expect("loads")
}

struct Odt {
    names: Vec<String>,
    mimetype: String,
    manifest: String,
    content: String,
    first_is_stored_mimetype: bool,
}

fn unzip(bytes: Vec<u8>) -> Odt {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).expect("the ODT is a zip");
    let names: Vec<String> = zip
        .file_names()
        .map(|n| n.expect("a file name").into_owned())
        .collect();
    let first_is_stored_mimetype = {
        let first = zip.by_index(0).expect("a first entry");
        first.name().expect("a name") == "mimetype"
            && first.compression() == zip::CompressionMethod::Stored
    };
    let mut read = |name: &str| {
        let mut s = String::new();
        zip.by_name(name)
            .unwrap_or_else(|_| panic!("{name} in the package"))
            .read_to_string(&mut s)
            .expect("UTF-8");
        s
    };
    Odt {
        mimetype: read("mimetype"),
        manifest: read("META-INF/manifest.xml"),
        content: read("content.xml"),
        names,
        first_is_stored_mimetype,
    }
}

/// Parses XML to the end, returning the element names with their text, in order.
fn well_formed(xml: &str) -> Vec<(String, String)> {
    let mut reader = Reader::from_str(xml);
    let mut stack: Vec<String> = Vec::new();
    let mut out: Vec<(String, String)> = Vec::new();
    loop {
        match reader.read_event().expect("well-formed XML") {
            Event::Start(e) => {
                let name = e.name().as_ref().to_owned();
                stack.push(name.clone());
                out.push((name, String::new()));
            }
            Event::End(e) => {
                assert_eq!(
                    stack.pop().as_deref(),
                    Some(e.name().as_ref()),
                    "tags match"
                );
            }
            Event::Text(t) => {
                let text = t.xml10_content().into_owned();
                // Text belongs to the innermost heading, paragraph or span.
                if let Some(last) = out.iter_mut().rev().find(|(n, _)| stack.contains(n)) {
                    last.1.push_str(&text);
                }
            }
            Event::GeneralRef(r) => {
                let entity = format!("&{};", r.xml10_content());
                let text = quick_xml::escape::unescape(&entity).expect("a known entity");
                if let Some(last) = out.iter_mut().rev().find(|(n, _)| stack.contains(n)) {
                    last.1.push_str(&text);
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    assert!(stack.is_empty(), "every element is closed");
    out
}

fn headings(elements: &[(String, String)]) -> Vec<String> {
    elements
        .iter()
        .filter(|(n, _)| n == "text:h")
        .map(|(_, t)| t.clone())
        .collect()
}

#[test]
fn the_odt_is_an_opendocument_text_with_headings_and_the_vote_table() {
    for languages in [Languages::Chinese, Languages::English, Languages::Both] {
        let odt = unzip(
            minutes(&demo(), Format::Odt, languages)
                .expect("renders")
                .bytes,
        );
        assert!(odt.first_is_stored_mimetype, "mimetype first and stored");
        assert_eq!(odt.mimetype, "application/vnd.oasis.opendocument.text");
        for name in [
            "content.xml",
            "styles.xml",
            "meta.xml",
            "META-INF/manifest.xml",
        ] {
            assert!(
                odt.names.iter().any(|n| n == name),
                "{name} in {:?}",
                odt.names
            );
        }
        let manifest = well_formed(&odt.manifest);
        assert!(manifest.iter().any(|(n, _)| n == "manifest:manifest"));
        assert!(odt.manifest.contains("manifest:full-path=\"content.xml\""));
        assert!(
            odt.manifest
                .contains("manifest:media-type=\"application/vnd.oasis.opendocument.text\"")
        );

        let content = well_formed(&odt.content);
        let headings = headings(&content);
        let expect = match languages {
            Languages::English => [
                "4. Discussion items",
                "Item 1: Publishing the co-signing system's source code",
            ],
            _ => [
                "四、討論事項",
                "第一案：電子連署系統原始碼公開及第三方資安檢測案",
            ],
        };
        assert!(
            headings.iter().any(|h| h.starts_with(expect[0])),
            "{languages:?}: {headings:?}"
        );
        assert!(
            headings.iter().any(|h| h.starts_with(expect[1])),
            "{languages:?}: {headings:?}"
        );
        assert!(odt.content.contains("text:outline-level=\"1\""));
        assert!(odt.content.contains("table:name=\"Votes\""), "a vote table");
        // The vote table: the consent and the count against 13 present.
        let cells = support::odt::table_cells(&odt.content, "Votes");
        for needed in ["13", "9", "2", "10"] {
            assert!(cells.iter().any(|c| c == needed), "{needed} in {cells:?}");
        }
    }
}

#[test]
fn the_html_stands_alone_prints_on_a4_and_has_the_structure() {
    for languages in [Languages::Chinese, Languages::English, Languages::Both] {
        let html = String::from_utf8(
            minutes(&demo(), Format::Html, languages)
                .expect("renders")
                .bytes,
        )
        .expect("UTF-8");
        let doc = Html::parse_document(&html);
        let select = |s: &str| Selector::parse(s).expect("selector");
        assert_eq!(doc.select(&select("h1")).count(), 1);
        assert!(doc.select(&select("h2")).count() >= 8, "numbered parts");
        // Nothing is fetched: no scripts, stylesheets, images or frames from elsewhere.
        for external in ["script", "link", "img", "iframe"] {
            assert_eq!(doc.select(&select(external)).count(), 0, "{external}");
        }
        let style: String = doc
            .select(&select("style"))
            .map(|s| s.inner_html())
            .collect();
        assert!(style.contains("@page") && style.contains("A4"));
        let vote_table = doc
            .select(&select("table.votes"))
            .next()
            .expect("a vote table");
        let cells: Vec<String> = vote_table
            .select(&select("td"))
            .map(|td| td.text().collect())
            .collect();
        assert!(cells.iter().any(|c| c == "13"), "{cells:?}");
        assert!(cells.iter().any(|c| c == "9"), "{cells:?}");
        let follow_up_rows = doc.select(&select("table.follow-up tbody tr")).count();
        assert_eq!(follow_up_rows, 3);
        let action_rows = doc.select(&select("table.actions tbody tr")).count();
        assert_eq!(action_rows, 4);
        if languages == Languages::Both {
            assert!(
                doc.select(&select(".pair > div[lang=en]")).count() > 20,
                "side by side"
            );
        }
    }
}

#[test]
fn the_english_minutes_mark_and_list_what_has_no_english() {
    let m = minutes(&demo(), Format::Markdown, Languages::English).expect("renders");
    let text = String::from_utf8(m.bytes).expect("UTF-8");
    let listed: Vec<&str> = m.untranslated.iter().map(|u| u.text.as_str()).collect();
    assert!(listed.contains(&"建議公開行動身分識別之資安檢測結果，並說明手機遺失時之註銷流程。"));
    assert!(listed.contains(&"洽詢採購法規，研議將無障礙檢測納入驗收條件之可行性。"));
    for u in &m.untranslated {
        assert!(
            text.contains(&format!("{} *[untranslated]*", u.text)),
            "{} is marked",
            u.text
        );
    }
    // Chinese minutes have nothing to translate.
    let zh = minutes(&demo(), Format::Markdown, Languages::Chinese).expect("renders");
    assert!(zh.untranslated.is_empty());
}

#[test]
fn every_vote_is_written_out_with_the_threshold_in_words_and_numbers() {
    let zh = String::from_utf8(
        minutes(&demo(), Format::Markdown, Languages::Chinese)
            .expect("renders")
            .bytes,
    )
    .expect("UTF-8");
    assert!(
        zh.contains("出席 13 人，二分之一以上為 7 人；贊成 9 人、反對 2 人、棄權 2 人；表決通過")
    );
    assert!(zh.contains("出席 13 人，過半數為 7 人；同意 10 人，同意付表決"));
    assert!(zh.contains("異議：王俊傑主任 — 憑證驗證模組不宜於上線前全部公開。"));
    assert!(zh.contains("保留意見：鄭凱文政策主任 — 保存期限宜縮短為 3 個月。"));
    assert!(zh.contains("內政部戶政司司長 黃建國（李雅婷科長代理）"));
    assert!(zh.contains("**請假**：國家資通安全研究院副院長 劉淑芬"));
    let en = String::from_utf8(
        minutes(&demo(), Format::Markdown, Languages::English)
            .expect("renders")
            .bytes,
    )
    .expect("UTF-8");
    assert!(en.contains(
        "13 members present; half or more is 7. For 9, against 2, abstaining 2: Adopted by vote."
    ));
}

#[test]
fn the_large_session_renders_in_every_format() {
    let meeting = Meeting::open(roundtable::testdata::large_session()).expect("opens");
    for format in [Format::Markdown, Format::Html, Format::Odt] {
        let m = minutes(&meeting, format, Languages::Both).expect("renders");
        assert!(m.bytes.len() > 100_000);
    }
}

#[test]
fn both_languages_have_the_same_blocks_so_they_can_stand_side_by_side() {
    use roundtable::domain::Lang;
    use roundtable::minutes::model::{build, same_structure};
    let meeting = demo();
    let zh = build(&meeting, Lang::ZhTw);
    let en = build(&meeting, Lang::En);
    assert!(same_structure(&zh, &en));
    let mut one_fewer = en.clone();
    one_fewer.parts[0].blocks.pop();
    assert!(
        !same_structure(&zh, &one_fewer),
        "a missing block is noticed"
    );
}
