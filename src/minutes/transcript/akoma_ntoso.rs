//! The Akoma Ntoso `<debate>` form of a transcript, as SayIt writes it: writing it
//! (speakers as `<TLCPerson>`, links as `<a href>`) and reading it back.

use std::collections::HashMap;

use quick_xml::Reader;
use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};

use super::{Entry, Transcript, TranscriptError};
use crate::domain::Stamp;

/// Writes the Akoma Ntoso debate form.
pub fn to_akoma_ntoso(transcript: &Transcript) -> String {
    // Writing into a Vec cannot fail.
    akn_writer(transcript).unwrap_or_default()
}

fn akn_writer(transcript: &Transcript) -> std::io::Result<String> {
    // XML 1.0 cannot hold control characters at all, not even as references.
    let transcript = &transcript.to_printable();
    let mut ids: HashMap<&str, String> = HashMap::new();
    let mut order: Vec<&str> = Vec::new();
    let mut used = std::collections::HashSet::new();
    for entry in &transcript.entries {
        if let Entry::Speech { speaker, .. } = entry
            && !ids.contains_key(speaker.as_str())
        {
            let base = xml_id(speaker);
            let mut id = base.clone();
            let mut n = 2;
            while !used.insert(id.clone()) {
                id = format!("{base}-{n}");
                n += 1;
            }
            ids.insert(speaker, id);
            order.push(speaker);
        }
    }
    let mut w = Writer::new_with_indent(Vec::with_capacity(128 * 1024), b' ', 2);
    let start = |w: &mut Writer<Vec<u8>>, name: &str, attrs: &[(&str, &str)]| {
        w.write_event(Event::Start(
            BytesStart::new(name).with_attributes(attrs.iter().copied()),
        ))
    };
    let end = |w: &mut Writer<Vec<u8>>, name: &str| w.write_event(Event::End(BytesEnd::new(name)));
    w.write_event(Event::Decl(BytesDecl::new("1.0", Some("utf-8"), None)))?;
    start(
        &mut w,
        "akomaNtoso",
        &[("xmlns", "http://docs.oasis-open.org/legaldocml/ns/akn/3.0")],
    )?;
    start(&mut w, "debate", &[("name", "debate")])?;
    start(&mut w, "meta", &[])?;
    start(&mut w, "references", &[("source", "#roundtable")])?;
    w.write_event(Event::Empty(
        BytesStart::new("TLCOrganization").with_attributes([
            ("eId", "roundtable"),
            ("href", "/ontology/organization/roundtable"),
            ("showAs", "Roundtable"),
        ]),
    ))?;
    for speaker in &order {
        let id = &ids[speaker];
        let href = format!("/ontology/person/::/{id}");
        w.write_event(Event::Empty(BytesStart::new("TLCPerson").with_attributes(
            [
                ("href", href.as_str()),
                ("id", id.as_str()),
                ("showAs", speaker),
            ],
        )))?;
    }
    end(&mut w, "references")?;
    end(&mut w, "meta")?;
    start(&mut w, "debateBody", &[])?;
    let mut section_open = false;
    let open_section = |w: &mut Writer<Vec<u8>>, heading: &str, open: &mut bool| {
        if *open {
            end(w, "debateSection")?;
        }
        start(w, "debateSection", &[])?;
        start(w, "heading", &[])?;
        w.write_event(Event::Text(BytesText::new(heading)))?;
        end(w, "heading")?;
        *open = true;
        Ok::<(), std::io::Error>(())
    };
    for entry in &transcript.entries {
        match entry {
            Entry::Section(heading) => open_section(&mut w, heading, &mut section_open)?,
            Entry::Speech {
                speaker,
                paragraphs,
                at,
            } => {
                if !section_open {
                    open_section(&mut w, &transcript.title, &mut section_open)?;
                }
                let by = format!("#{}", ids[speaker.as_str()]);
                let time = at.map(|t| t.to_rfc3339());
                let mut attrs = vec![("by", by.as_str())];
                if let Some(time) = &time {
                    attrs.push(("startTime", time.as_str()));
                }
                start(&mut w, "speech", &attrs)?;
                for p in paragraphs {
                    start(&mut w, "p", &[])?;
                    inline_links(&mut w, p)?;
                    end(&mut w, "p")?;
                }
                end(&mut w, "speech")?;
            }
            Entry::Narrative { paragraphs } => {
                if !section_open {
                    open_section(&mut w, &transcript.title, &mut section_open)?;
                }
                start(&mut w, "narrative", &[])?;
                for p in paragraphs {
                    start(&mut w, "p", &[])?;
                    start(&mut w, "i", &[])?;
                    inline_links(&mut w, p)?;
                    end(&mut w, "i")?;
                    end(&mut w, "p")?;
                }
                end(&mut w, "narrative")?;
            }
        }
    }
    if section_open {
        end(&mut w, "debateSection")?;
    }
    end(&mut w, "debateBody")?;
    end(&mut w, "debate")?;
    end(&mut w, "akomaNtoso")?;
    let mut out = String::from_utf8(w.into_inner()).map_err(std::io::Error::other)?;
    out.push('\n');
    Ok(out)
}

/// Text with `[text](https://…)` links written as `<a href>`.
fn inline_links(w: &mut Writer<Vec<u8>>, text: &str) -> std::io::Result<()> {
    let mut rest = text;
    while let Some((before, label, href, after)) = next_link(rest) {
        if !before.is_empty() {
            w.write_event(Event::Text(BytesText::new(before)))?;
        }
        w.write_event(Event::Start(
            BytesStart::new("a").with_attributes([("href", href)]),
        ))?;
        w.write_event(Event::Text(BytesText::new(label)))?;
        w.write_event(Event::End(BytesEnd::new("a")))?;
        rest = after;
    }
    if !rest.is_empty() {
        w.write_event(Event::Text(BytesText::new(rest)))?;
    }
    Ok(())
}

fn next_link(text: &str) -> Option<(&str, &str, &str, &str)> {
    let mut from = 0;
    while let Some(open) = text[from..].find('[').map(|i| i + from) {
        if let Some(mid) = text[open..].find("](").map(|i| i + open) {
            let label = &text[open + 1..mid];
            if let Some(close) = text[mid + 2..].find(')').map(|i| i + mid + 2) {
                let href = &text[mid + 2..close];
                if !label.contains('[')
                    && (href.starts_with("https://") || href.starts_with("http://"))
                    && !href.contains(char::is_whitespace)
                {
                    return Some((&text[..open], label, href, &text[close + 1..]));
                }
            }
        }
        from = open + 1;
    }
    None
}

/// An XML id from a speaker's name: letters and digits kept, the rest as `-`.
fn xml_id(name: &str) -> String {
    let mut id: String = name
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' || c == '_' || c == '.' || c == '（' || c == '）' {
                c
            } else {
                '-'
            }
        })
        .collect();
    if id.is_empty() || !id.starts_with(|c: char| c.is_alphabetic() || c == '_') {
        id.insert(0, '_');
    }
    id
}

/// Reads the Akoma Ntoso debate form.
pub fn parse_akoma_ntoso(text: &str) -> Result<Transcript, TranscriptError> {
    let mut reader = Reader::from_str(text);
    let mut transcript = Transcript::default();
    let mut people: HashMap<String, String> = HashMap::new();
    let mut stack: Vec<String> = Vec::new();
    let mut buffer = String::new();
    let mut paragraphs: Vec<String> = Vec::new();
    let mut speech: Option<(String, Option<Stamp>)> = None;
    let mut saw_debate = false;
    let xml_error = |reader: &Reader<&[u8]>, e: &dyn std::fmt::Display| TranscriptError::Xml {
        position: reader.buffer_position(),
        message: e.to_string(),
    };
    loop {
        let event = reader.read_event().map_err(|e| xml_error(&reader, &e))?;
        match event {
            Event::Empty(e) if e.local_name().as_ref() == "TLCPerson" => {
                read_person(&e, &mut people).map_err(|e| xml_error(&reader, &e))?;
            }
            Event::Start(e) => {
                let name = e.local_name().as_ref().to_owned();
                match name.as_str() {
                    "debate" => saw_debate = true,
                    "TLCPerson" => {
                        read_person(&e, &mut people).map_err(|e| xml_error(&reader, &e))?
                    }
                    "speech" => {
                        let mut by = None;
                        let mut at = None;
                        for attr in e.attributes() {
                            let attr = attr.map_err(|e| xml_error(&reader, &e))?;
                            let value = attr
                                .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                                .map_err(|e| xml_error(&reader, &e))?
                                .into_owned();
                            match attr.key.local_name().as_ref() {
                                "by" => by = Some(value),
                                "startTime" => at = Stamp::parse_from_rfc3339(&value).ok(),
                                _ => {}
                            }
                        }
                        let by = by.unwrap_or_default();
                        let id = by.strip_prefix('#').unwrap_or(&by);
                        let speaker = people.get(id).cloned().unwrap_or_else(|| id.to_owned());
                        speech = Some((speaker, at));
                        paragraphs.clear();
                    }
                    "narrative" => paragraphs.clear(),
                    "p" | "heading" => buffer.clear(),
                    "a" => {
                        let href = e
                            .attributes()
                            .flatten()
                            .find(|a| a.key.local_name().as_ref() == "href")
                            .and_then(|a| {
                                a.normalized_value(quick_xml::XmlVersion::Implicit1_0).ok()
                            })
                            .map(|v| v.into_owned());
                        stack.push(format!("a {}", href.unwrap_or_default()));
                        buffer.push('[');
                        continue;
                    }
                    _ => {}
                }
                stack.push(name);
            }
            Event::End(e) => {
                let name = e.local_name().as_ref().to_owned();
                let top = stack.pop().unwrap_or_default();
                if let Some(href) = top.strip_prefix("a ") {
                    buffer.push_str("](");
                    buffer.push_str(href);
                    buffer.push(')');
                    continue;
                }
                match name.as_str() {
                    "heading" => transcript.entries.push(Entry::Section(normalise(&buffer))),
                    "p" => {
                        let p = normalise(&buffer);
                        if !p.is_empty() {
                            paragraphs.push(p);
                        }
                    }
                    "speech" => {
                        if let Some((speaker, at)) = speech.take() {
                            transcript.entries.push(Entry::Speech {
                                speaker,
                                paragraphs: std::mem::take(&mut paragraphs),
                                at,
                            });
                        }
                    }
                    "narrative" => transcript.entries.push(Entry::Narrative {
                        paragraphs: std::mem::take(&mut paragraphs),
                    }),
                    _ => {}
                }
            }
            Event::Text(t) if in_text(&stack) => buffer.push_str(&t.xml10_content()),
            Event::CData(t) if in_text(&stack) => buffer.push_str(&t.xml10_content()),
            Event::GeneralRef(r) if in_text(&stack) => {
                let entity = format!("&{};", r.xml10_content());
                let resolved =
                    quick_xml::escape::unescape(&entity).map_err(|e| xml_error(&reader, &e))?;
                buffer.push_str(&resolved);
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if !saw_debate {
        return Err(TranscriptError::NotATranscript(
            "the XML has no Akoma Ntoso <debate>".into(),
        ));
    }
    if transcript.speech_count() == 0 {
        return Err(TranscriptError::NotATranscript(
            "the debate has no <speech>".into(),
        ));
    }
    transcript.title = transcript
        .entries
        .iter()
        .find_map(|e| match e {
            Entry::Section(h) => Some(h.clone()),
            _ => None,
        })
        .unwrap_or_default();
    Ok(transcript)
}

/// A `<TLCPerson id=… showAs=…>`: the speaker's id and the name shown for it.
fn read_person(
    e: &BytesStart<'_>,
    people: &mut HashMap<String, String>,
) -> Result<(), quick_xml::Error> {
    let mut id = None;
    let mut show_as = None;
    for attr in e.attributes() {
        let attr = attr.map_err(quick_xml::Error::from)?;
        let value = attr
            .normalized_value(quick_xml::XmlVersion::Implicit1_0)?
            .into_owned();
        match attr.key.local_name().as_ref() {
            "id" | "eId" => id = Some(value),
            "showAs" => show_as = Some(value),
            _ => {}
        }
    }
    if let Some(id) = id {
        let show_as = show_as.unwrap_or_else(|| id.clone());
        people.insert(id, show_as);
    }
    Ok(())
}

fn in_text(stack: &[String]) -> bool {
    stack.iter().rev().any(|s| s == "p" || s == "heading")
}

/// Trims each line of a paragraph's text and drops the indentation the XML carried.
fn normalise(text: &str) -> String {
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    lines.join("\n")
}
