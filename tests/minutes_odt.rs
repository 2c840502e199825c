//! The ODT looks like a government document when opened in an office suite (issue 15):
//! every page's footer numbers it ("第 1 頁，共 3 頁"), fonts fall back to what Windows,
//! macOS and Linux have, table columns are sized to what they hold, and nothing pushes a
//! table onto a new page and leaves the one before it half empty.

use std::collections::BTreeMap;
use std::io::{Cursor, Read};
use std::path::Path;

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};
use roundtable::domain::Meeting;
use roundtable::minutes::{Format, Languages, minutes};

const ALL: [Languages; 3] = [Languages::Chinese, Languages::English, Languages::Both];

fn demo() -> Meeting {
    roundtable::store::load(Path::new("sessions/demo-finished.ron")).expect("loads")
}

/// An XML element with its attributes, children and own text.
#[derive(Debug, Default)]
struct Element {
    name: String,
    attrs: BTreeMap<String, String>,
    children: Vec<Element>,
    /// Only for the text nodes (named `#text`) among `children`.
    text: String,
}

impl Element {
    fn attr(&self, name: &str) -> Option<&str> {
        self.attrs.get(name).map(String::as_str)
    }

    /// This element and every element under it, in document order.
    fn all(&self) -> Vec<&Element> {
        let mut out = vec![self];
        for child in &self.children {
            out.extend(child.all());
        }
        out
    }

    fn named<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a Element> + 'a {
        self.all().into_iter().filter(move |e| e.name == name)
    }

    /// The text of this element and everything under it, in document order.
    fn full_text(&self) -> String {
        if self.name == "#text" {
            return self.text.clone();
        }
        self.children.iter().map(Element::full_text).collect()
    }
}

fn element(e: &BytesStart) -> Element {
    Element {
        name: e.name().as_ref().to_owned(),
        attrs: e
            .attributes()
            .map(|a| {
                let a = a.expect("a well-formed attribute");
                (
                    a.key.as_ref().to_owned(),
                    a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                        .expect("a known entity")
                        .into_owned(),
                )
            })
            .collect(),
        ..Element::default()
    }
}

fn push_text(parent: &mut Element, text: &str) {
    match parent.children.last_mut() {
        Some(last) if last.name == "#text" => last.text.push_str(text),
        _ => parent.children.push(Element {
            name: "#text".to_owned(),
            text: text.to_owned(),
            ..Element::default()
        }),
    }
}

/// Parses the whole document; it must be well formed to its end.
fn parse(xml: &str) -> Element {
    let mut reader = Reader::from_str(xml);
    let mut stack = vec![Element::default()];
    loop {
        match reader.read_event().expect("well-formed XML") {
            Event::Start(e) => stack.push(element(&e)),
            Event::Empty(e) => {
                let e = element(&e);
                stack.last_mut().expect("a parent").children.push(e);
            }
            Event::End(e) => {
                let done = stack.pop().expect("an open element");
                assert_eq!(done.name, e.name().as_ref(), "tags match");
                stack.last_mut().expect("a parent").children.push(done);
            }
            Event::Text(t) => {
                let text = t.xml10_content().into_owned();
                push_text(stack.last_mut().expect("an element"), &text);
            }
            Event::GeneralRef(r) => {
                let entity = format!("&{};", r.xml10_content());
                let text = quick_xml::escape::unescape(&entity).expect("a known entity");
                push_text(stack.last_mut().expect("an element"), &text);
            }
            Event::Eof => break,
            _ => {}
        }
    }
    assert_eq!(stack.len(), 1, "every element is closed");
    stack.pop().expect("the document")
}

struct Odt {
    content: Element,
    styles: Element,
}

fn odt(meeting: &Meeting, languages: Languages) -> Odt {
    let bytes = minutes(meeting, Format::Odt, languages)
        .expect("renders")
        .bytes;
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).expect("the ODT is a zip");
    let mut read = |name: &str| {
        let mut s = String::new();
        zip.by_name(name)
            .unwrap_or_else(|_| panic!("{name} in the package"))
            .read_to_string(&mut s)
            .expect("UTF-8");
        parse(&s)
    };
    Odt {
        content: read("content.xml"),
        styles: read("styles.xml"),
    }
}

/// The style named `name` of `family`, looked up in content.xml and then styles.xml.
fn style<'a>(odt: &'a Odt, family: &str, name: &str) -> &'a Element {
    odt.content
        .named("style:style")
        .chain(odt.styles.named("style:style"))
        .find(|s| s.attr("style:name") == Some(name) && s.attr("style:family") == Some(family))
        .unwrap_or_else(|| panic!("a {family} style {name}"))
}

#[test]
fn every_page_has_a_footer_with_its_number_and_the_page_count() {
    for (languages, expected) in [
        (Languages::Chinese, "第 1 頁，共 1 頁"),
        (Languages::English, "Page 1 of 1"),
        (Languages::Both, "1 / 1"),
    ] {
        let odt = odt(&demo(), languages);
        let masters: Vec<&Element> = odt.styles.named("style:master-page").collect();
        assert_eq!(masters.len(), 1, "one master page");
        let master = masters[0];
        assert_eq!(master.attr("style:name"), Some("Standard"));
        let footer = master
            .children
            .iter()
            .find(|c| c.name == "style:footer")
            .expect("the master page has a footer");
        let numbers: Vec<&Element> = footer.named("text:page-number").collect();
        assert_eq!(numbers.len(), 1, "one page-number field");
        assert_eq!(numbers[0].attr("text:select-page"), Some("current"));
        assert_eq!(footer.named("text:page-count").count(), 1, "one page-count");
        let paragraph = footer.named("text:p").next().expect("a footer paragraph");
        assert_eq!(paragraph.full_text(), expected, "{languages:?}");
        // The footer's paragraph style exists and the page layout makes room for it.
        let name = paragraph.attr("text:style-name").expect("a style");
        style(&odt, "paragraph", name);
        let layout_name = master.attr("style:page-layout-name").expect("a layout");
        let layout = odt
            .styles
            .named("style:page-layout")
            .find(|l| l.attr("style:name") == Some(layout_name))
            .expect("the master page's layout");
        assert!(
            layout.named("style:footer-style").count() == 1
                && layout.named("style:header-footer-properties").count() == 1,
            "the page layout sizes the footer"
        );
        // The fields live in styles.xml, where master pages are; content.xml has none.
        assert_eq!(odt.content.named("text:page-number").count(), 0);
        assert_eq!(odt.content.named("style:master-page").count(), 0);
    }
}

#[test]
fn fonts_name_fallbacks_for_machines_without_noto() {
    for languages in ALL {
        let odt = odt(&demo(), languages);
        let faces: BTreeMap<&str, &Element> = odt
            .styles
            .named("style:font-face")
            .map(|f| (f.attr("style:name").expect("a face name"), f))
            .collect();
        for face in faces.values() {
            let family = face.attr("svg:font-family").expect("a family list");
            assert!(family.contains(", "), "{family} is a list with fallbacks");
            assert!(
                ["serif", "sans-serif"].iter().any(|g| family.ends_with(g)),
                "{family} ends with a generic family"
            );
            assert!(face.attr("style:font-family-generic").is_some());
            assert_eq!(face.attr("style:font-pitch"), Some("variable"));
        }
        // Every font a style names is declared.
        let mut used = Vec::new();
        for e in odt.styles.all().into_iter().chain(odt.content.all()) {
            for key in [
                "style:font-name",
                "style:font-name-asian",
                "style:font-name-complex",
            ] {
                if let Some(name) = e.attr(key) {
                    assert!(faces.contains_key(name), "{name} is declared");
                    used.push((key, name));
                }
            }
        }
        let default = odt
            .styles
            .named("style:default-style")
            .find(|s| s.attr("style:family") == Some("paragraph"))
            .expect("a default paragraph style");
        let text = default
            .named("style:text-properties")
            .next()
            .expect("default text properties");
        let asian = faces[text.attr("style:font-name-asian").expect("an Asian font")]
            .attr("svg:font-family")
            .expect("a family");
        for font in [
            "'Noto Serif CJK TC'",
            "'Source Han Serif TC'",
            "'PMingLiU'",
            "'MingLiU'",
        ] {
            assert!(asian.contains(font), "{font} in {asian}");
        }
        assert!(asian.find("Noto") < asian.find("PMingLiU"), "Noto first");
        let western = faces[text.attr("style:font-name").expect("a Western font")]
            .attr("svg:font-family")
            .expect("a family");
        for font in ["'Liberation Serif'", "'Times New Roman'"] {
            assert!(western.contains(font), "{font} in {western}");
        }
        // Headings use a sans face with CJK fallbacks too.
        let heading = style(&odt, "paragraph", "Heading");
        let heading_asian = heading
            .named("style:text-properties")
            .find_map(|t| t.attr("style:font-name-asian"))
            .expect("the headings' Asian font");
        let family = faces[heading_asian]
            .attr("svg:font-family")
            .expect("a family");
        assert!(family.contains("'Microsoft JhengHei'") && family.ends_with("sans-serif"));
        assert!(
            used.iter().all(|(_, name)| !name.starts_with("Noto")),
            "no style names a single Noto font"
        );
    }
}

/// The relative widths of a table's columns, one per column.
fn column_widths(odt: &Odt, table: &Element) -> Vec<(u32, f64)> {
    let mut widths = Vec::new();
    for column in table
        .children
        .iter()
        .filter(|c| c.name == "table:table-column")
    {
        let name = column
            .attr("table:style-name")
            .unwrap_or_else(|| panic!("{:?} columns are styled", table.attr("table:name")));
        let properties = style(odt, "table-column", name)
            .named("style:table-column-properties")
            .next()
            .expect("column properties");
        let relative = properties
            .attr("style:rel-column-width")
            .and_then(|w| w.strip_suffix('*'))
            .and_then(|w| w.parse::<u32>().ok())
            .expect("a relative width");
        let absolute = properties
            .attr("style:column-width")
            .and_then(|w| w.strip_suffix("cm"))
            .and_then(|w| w.parse::<f64>().ok())
            .expect("a width in cm");
        let repeated: usize = column
            .attr("table:number-columns-repeated")
            .map_or(1, |n| n.parse().expect("a count"));
        widths.extend(std::iter::repeat_n((relative, absolute), repeated));
    }
    widths
}

#[test]
fn table_columns_are_sized_to_what_they_hold() {
    for languages in ALL {
        let odt = odt(&demo(), languages);
        let mut kinds = std::collections::BTreeSet::new();
        for table in odt.content.named("table:table") {
            let name = table.attr("table:name").expect("a table name");
            let widths = column_widths(&odt, table);
            let first_row = table.named("table:table-row").next().expect("a first row");
            let cells = first_row
                .children
                .iter()
                .filter(|c| c.name == "table:table-cell")
                .count();
            assert_eq!(widths.len(), cells, "a column per cell in {name}");
            let relative: u32 = widths.iter().map(|w| w.0).sum();
            assert_eq!(relative, 1000, "{name}'s relative widths sum to the whole");
            let absolute: f64 = widths.iter().map(|w| w.1).sum();
            assert!(
                (absolute - 17.0).abs() < 0.05,
                "{name} is {absolute}cm wide"
            );
            let page = table.attr("table:style-name").expect("a table style");
            let width = style(&odt, "table", page)
                .named("style:table-properties")
                .find_map(|p| p.attr("style:width"))
                .expect("a table width");
            assert_eq!(width, "17cm");
            if name == "Bilingual" {
                assert!(
                    widths.iter().all(|w| w.0 == 500),
                    "Chinese and English halves"
                );
                continue;
            }
            kinds.insert(name.to_owned());
            let narrowest = widths.iter().map(|w| w.0).min().expect("columns");
            let widest = widths.iter().map(|w| w.0).max().expect("columns");
            assert!(widest >= 2 * narrowest, "{name}: {widths:?} differ");
            if name == "Votes" {
                // Stage (with its time) is wide; present, for, against, abstain are counts.
                for count in [1, 3, 4, 5] {
                    assert_eq!(widths[count].0, narrowest, "{name}: {widths:?}");
                }
                assert_eq!(widths[0].0, widest, "{name}: {widths:?}");
            } else {
                // The number column is the narrowest; the matter or comment the widest.
                assert_eq!(widths[0].0, narrowest, "{name}: {widths:?}");
                assert!(widths[1..].iter().any(|w| w.0 >= 4 * narrowest), "{name}");
            }
        }
        assert_eq!(
            kinds.into_iter().collect::<Vec<_>>(),
            ["ActionItems", "FollowUp", "PublicComments", "Votes"],
            "every kind of table is checked"
        );
    }
}

#[test]
fn nothing_forces_a_table_onto_a_new_page() {
    for languages in ALL {
        let odt = odt(&demo(), languages);
        for e in odt.styles.all().into_iter().chain(odt.content.all()) {
            for key in ["fo:break-before", "fo:break-after"] {
                assert!(
                    !matches!(e.attr(key), Some("page" | "column")),
                    "{} has {key}={:?}",
                    e.name,
                    e.attr(key)
                );
            }
            assert_ne!(e.attr("style:may-break-between-rows"), Some("false"));
            if e.name == "style:table-row-properties" {
                assert_ne!(e.attr("fo:keep-together"), Some("always"), "rows may split");
            }
            if e.name == "style:table-properties" {
                assert_ne!(e.attr("fo:keep-with-next"), Some("always"));
            }
        }
        for table in odt.content.named("table:table") {
            let name = table.attr("table:style-name").expect("a table style");
            let properties = style(&odt, "table", name)
                .named("style:table-properties")
                .next()
                .expect("table properties");
            assert_eq!(
                properties.attr("style:may-break-between-rows"),
                Some("true"),
                "{name} breaks across pages"
            );
            assert_eq!(properties.attr("fo:break-before"), Some("auto"));
            for row in table.named("table:table-row") {
                if let Some(row_style) = row.attr("table:style-name") {
                    let keep = style(&odt, "table-row", row_style)
                        .named("style:table-row-properties")
                        .find_map(|p| p.attr("fo:keep-together"));
                    assert_ne!(keep, Some("always"), "rows may split");
                }
            }
        }
        // No paragraph in the body picks a master page, which would start a new page.
        for e in odt.content.all() {
            assert!(e.attr("style:master-page-name").is_none(), "{}", e.name);
        }
    }
}
