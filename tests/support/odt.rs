//! Reading an ODT's content.xml back in tests.

use quick_xml::Reader;
use quick_xml::events::Event;

/// The text of every paragraph inside the tables named `name` (and tables nested in
/// them), line breaks as `\n` and entities resolved. The XML must parse to its end,
/// and nothing but text and table elements may stand in those tables.
pub fn table_cells(xml: &str, name: &str) -> Vec<String> {
    let mut reader = Reader::from_str(xml);
    let mut depth = 0usize;
    let mut cells = Vec::new();
    let mut in_paragraph = false;
    loop {
        match reader.read_event().expect("well-formed XML") {
            Event::Start(e) if e.name().as_ref() == "table:table" => {
                let named = e
                    .attributes()
                    .flatten()
                    .any(|a| a.key.as_ref() == "table:name" && a.value.as_ref() == name);
                if named || depth > 0 {
                    depth += 1;
                }
            }
            Event::End(e) if e.name().as_ref() == "table:table" && depth > 0 => depth -= 1,
            Event::Start(e) if depth > 0 && e.name().as_ref() == "text:p" => {
                in_paragraph = true;
                cells.push(String::new());
            }
            Event::Start(e) | Event::Empty(e) if depth > 0 => {
                let element = e.name().as_ref().to_owned();
                assert!(
                    element.starts_with("text:") || element.starts_with("table:"),
                    "{element} in table {name}"
                );
                if in_paragraph && element == "text:line-break" {
                    cells.last_mut().expect("a paragraph").push('\n');
                }
            }
            Event::End(e) if e.name().as_ref() == "text:p" => in_paragraph = false,
            Event::Text(t) if in_paragraph => {
                let text = t.xml10_content();
                cells.last_mut().expect("a paragraph").push_str(&text);
            }
            Event::GeneralRef(r) if in_paragraph => {
                let entity = format!("&{};", r.xml10_content());
                let text = quick_xml::escape::unescape(&entity).expect("a known entity");
                cells.last_mut().expect("a paragraph").push_str(&text);
            }
            Event::Eof => break,
            _ => {}
        }
    }
    cells
}
