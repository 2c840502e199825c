//! The Akoma Ntoso `<debate>` form of a transcript, as SayIt writes it: writing it
//! (speakers as `<TLCPerson>`, links as `<a href>`, the meeting as one section with
//! the agenda items inside it, as SayIt's importer makes one meeting of it) and
//! reading it back.

use std::collections::HashMap;

use quick_xml::Reader;
use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};

use super::{Entry, Loss, Losses, Transcript, TranscriptError};
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
    identification(&mut w, transcript)?;
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
    // SayIt dates the meeting, and a speech without a `startTime`, by `<docDate>`; it
    // has no text, so that a reader finds nothing outside the debate to lose.
    if let Some(date) = meeting_date(transcript) {
        let date = date.format("%Y-%m-%d").to_string();
        w.write_event(Event::Start(BytesStart::new("preface")))?;
        w.write_event(Event::Start(BytesStart::new("p")))?;
        w.write_event(Event::Empty(
            BytesStart::new("docDate").with_attributes([("date", date.as_str())]),
        ))?;
        end(&mut w, "p")?;
        end(&mut w, "preface")?;
    }
    start(&mut w, "debateBody", &[])?;
    // One section for the meeting, headed by its date and title, and the agenda items
    // as sections inside it: SayIt imports that as one meeting. A transcript whose
    // first section is its title (as read from another's file) has that section as
    // the meeting's; otherwise the meeting's section is marked `name="meeting"`, so
    // that its heading reads back as the title and not as a section.
    let mut entries = transcript.entries.as_slice();
    match entries.first() {
        Some(Entry::Section(heading)) if *heading == transcript.title => {
            start(&mut w, "debateSection", &[("name", "debate")])?;
            heading_element(&mut w, heading)?;
            entries = &entries[1..];
        }
        _ => {
            start(&mut w, "debateSection", &[("name", "meeting")])?;
            if !transcript.title.is_empty() {
                heading_element(&mut w, &transcript.title)?;
            }
        }
    }
    let mut item_open = false;
    for entry in entries {
        match entry {
            Entry::Section(heading) => {
                if item_open {
                    end(&mut w, "debateSection")?;
                }
                start(&mut w, "debateSection", &[("name", "item")])?;
                heading_element(&mut w, heading)?;
                item_open = true;
            }
            Entry::Speech {
                speaker,
                paragraphs,
                at,
            } => {
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
    if item_open {
        end(&mut w, "debateSection")?;
    }
    end(&mut w, "debateSection")?;
    end(&mut w, "debateBody")?;
    end(&mut w, "debate")?;
    end(&mut w, "akomaNtoso")?;
    let mut out = String::from_utf8(w.into_inner()).map_err(std::io::Error::other)?;
    out.push('\n');
    Ok(out)
}

fn heading_element(w: &mut Writer<Vec<u8>>, heading: &str) -> std::io::Result<()> {
    w.write_event(Event::Start(BytesStart::new("heading")))?;
    w.write_event(Event::Text(BytesText::new(heading)))?;
    w.write_event(Event::End(BytesEnd::new("heading")))?;
    Ok(())
}

/// The `YYYY-MM-DD` the title begins with.
fn meeting_date(transcript: &Transcript) -> Option<chrono::NaiveDate> {
    transcript
        .title
        .get(..10)
        .and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
}

/// The meeting's `<identification>`: the work (the meeting's record), its expression
/// (in one language) and manifestation (this file), each dated by the meeting's date,
/// the `YYYY-MM-DD` its title begins with. A title without a date writes none: the
/// FRBR dates are required, and a made-up one would be wrong.
fn identification(w: &mut Writer<Vec<u8>>, transcript: &Transcript) -> std::io::Result<()> {
    let Some(date) = meeting_date(transcript) else {
        return Ok(());
    };
    let date = date.format("%Y-%m-%d").to_string();
    // The language from the title, which the export writes in the record's language
    // (the speeches may be in either): Chinese if it has a CJK ideograph.
    let chinese = transcript
        .title
        .chars()
        .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
    let language = if chinese { "zho" } else { "eng" };
    let work = format!("/akn/tw/debateRecord/roundtable/{date}/main");
    let expression = format!("/akn/tw/debateRecord/roundtable/{date}/{language}@");
    let manifestation = format!("{expression}/main.xml");
    let author = "#roundtable";
    let empty = |w: &mut Writer<Vec<u8>>, name: &str, attrs: &[(&str, &str)]| {
        w.write_event(Event::Empty(
            BytesStart::new(name).with_attributes(attrs.iter().copied()),
        ))
    };
    let end = |w: &mut Writer<Vec<u8>>, name: &str| w.write_event(Event::End(BytesEnd::new(name)));
    w.write_event(Event::Start(
        BytesStart::new("identification").with_attributes([("source", author)]),
    ))?;
    for (frbr, this, uri, name) in [
        ("FRBRWork", work.as_str(), work.as_str(), "meeting"),
        (
            "FRBRExpression",
            &format!("{expression}/main") as &str,
            expression.as_str(),
            "meeting",
        ),
        (
            "FRBRManifestation",
            manifestation.as_str(),
            manifestation.as_str(),
            "export",
        ),
    ] {
        w.write_event(Event::Start(BytesStart::new(frbr)))?;
        empty(w, "FRBRthis", &[("value", this)])?;
        empty(w, "FRBRuri", &[("value", uri)])?;
        empty(w, "FRBRdate", &[("date", date.as_str()), ("name", name)])?;
        empty(w, "FRBRauthor", &[("href", author)])?;
        match frbr {
            "FRBRWork" => empty(w, "FRBRcountry", &[("value", "tw")])?,
            "FRBRExpression" => empty(w, "FRBRlanguage", &[("language", language)])?,
            _ => {}
        }
        end(w, frbr)?;
    }
    end(w, "identification")
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
///
/// Everything a speech or narrative holds is kept, whatever its markup: text outside
/// `<p>` (a narrative of bare text or `<i>…</i>`), list items as paragraphs of their
/// own (`1. …`, `• …`), `<br/>` as a line break, an `<img>` as its address, a nested
/// `<p>` once, and a speech inside a speech as two speeches in document order. Other
/// block markup (`<div>`, `<blockquote>`, a table's rows) ends a paragraph too, a
/// table's cells are joined by ` | `, and text outside any speech or narrative is
/// narrative.
///
/// What it cannot keep, or changes, is counted in [`Transcript::dropped`]: an image's
/// alt text, emphasis (`<b>`, `<sup>`…, and `<i>` outside a narrative), a `<from>`
/// (read as words said), an address other than `<a>`'s (`<ref href>`), text outside
/// `<debateBody>`, a `<heading>` inside a speech (the section begins after it), an
/// unreadable `startTime`, and a `by` that names no `<TLCPerson>` or is missing.
pub fn parse_akoma_ntoso(text: &str) -> Result<Transcript, TranscriptError> {
    let mut reader = Reader::from_str(text);
    let mut read = Reading::default();
    let mut saw_debate = false;
    let xml_error = |reader: &Reader<&[u8]>, e: &dyn std::fmt::Display| TranscriptError::Xml {
        position: reader.buffer_position(),
        message: e.to_string(),
    };
    loop {
        let event = reader.read_event().map_err(|e| xml_error(&reader, &e))?;
        let opens = matches!(event, Event::Start(_));
        match event {
            Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == "TLCPerson" => {
                read_person(&e, &mut read.people).map_err(|e| xml_error(&reader, &e))?;
                if opens {
                    read.stack.push("TLCPerson".to_owned());
                }
            }
            Event::Start(e) => {
                if e.local_name().as_ref() == "debate" {
                    saw_debate = true;
                }
                read.markup(&e, false);
                read.start(&e).map_err(|e| xml_error(&reader, &e))?;
            }
            Event::Empty(e) => {
                read.markup(&e, true);
                read.start(&e).map_err(|e| xml_error(&reader, &e))?;
                read.end();
            }
            Event::End(_) => read.end(),
            Event::Text(t) if read.collecting() => read.push_text(&t.xml10_content()),
            Event::CData(t) if read.collecting() => read.push_text(&t.xml10_content()),
            Event::GeneralRef(r) if read.collecting() => {
                let entity = format!("&{};", r.xml10_content());
                let resolved =
                    quick_xml::escape::unescape(&entity).map_err(|e| xml_error(&reader, &e))?;
                read.push_text(&resolved);
            }
            Event::Text(t) => read.outside(&t.xml10_content()),
            Event::CData(t) => read.outside(&t.xml10_content()),
            Event::GeneralRef(_) => read.outside("&"),
            Event::Eof => break,
            _ => {}
        }
    }
    let title = read.title.take();
    let mut transcript = Transcript {
        entries: read.entries,
        dropped: read.dropped,
        ..Transcript::default()
    };
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
    // The meeting section's heading (as this project writes it), else the first one.
    transcript.title = title
        .or_else(|| {
            transcript.entries.iter().find_map(|e| match e {
                Entry::Section(h) => Some(h.clone()),
                _ => None,
            })
        })
        .unwrap_or_default();
    Ok(transcript)
}

/// What the reader is inside of, and what it has read so far.
#[derive(Default)]
struct Reading {
    people: HashMap<String, String>,
    entries: Vec<Entry>,
    /// Open elements by local name; a link as `a ` and its address.
    stack: Vec<String>,
    /// Open speeches and narratives, innermost last.
    blocks: Vec<Block>,
    /// The paragraph being read, and what goes before it (a list item's number).
    buffer: String,
    prefix: Option<String>,
    /// An image's address was just written: a word right after it needs a space.
    after_image: bool,
    /// Open `<heading>`s and their text.
    headings: usize,
    heading: String,
    /// Open lists: the last number given in an `<ol>`, `None` for a `<ul>`.
    lists: Vec<Option<u64>>,
    /// Open `<debateBody>`s: text there outside any speech is narrative.
    bodies: usize,
    /// The narrative entry that text outside any speech or narrative goes to.
    loose: Option<usize>,
    /// What could not be kept, or was changed.
    dropped: Losses,
    /// A `<debateSection name="meeting">` just opened: its heading is the title (the
    /// meeting's date and name), not a section of it.
    meeting_heading: bool,
    /// That heading, once read.
    title: Option<String>,
    /// The depth of the element of `<debate>` whose text outside the body was
    /// counted: once for each such element.
    outside: Option<usize>,
}

/// An open `<speech>` (with its speaker and time) or `<narrative>`.
struct Block {
    speech: Option<(String, Option<Stamp>)>,
    paragraphs: Vec<String>,
    /// Where its entry goes: reserved when it opened, so that it keeps its place
    /// before any speech nested in it. `None` once a nested one took that place.
    slot: Option<usize>,
    /// Part of it is already an entry (before a nested speech).
    emitted: bool,
    /// `<heading>`s read inside it and come after its entry: moved, once a paragraph
    /// read after them goes into that entry.
    headings_after: usize,
}

impl Block {
    fn entry(&self, paragraphs: Vec<String>) -> Entry {
        match &self.speech {
            Some((speaker, at)) => Entry::Speech {
                speaker: speaker.clone(),
                paragraphs,
                at: *at,
            },
            None => Entry::Narrative { paragraphs },
        }
    }
}

impl Reading {
    fn collecting(&self) -> bool {
        self.headings > 0 || !self.blocks.is_empty() || self.bodies > 0
    }

    /// Text the reader does not collect: outside `<debateBody>`, lost unless it is
    /// blank or metadata.
    fn outside(&mut self, text: &str) {
        if self.collecting() || text.trim().is_empty() || self.outside.is_some() {
            return;
        }
        let Some(debate) = self.stack.iter().position(|e| e == "debate") else {
            return;
        };
        match self.stack.get(debate + 1).map(String::as_str) {
            None | Some("meta") => {}
            Some(element) => {
                self.dropped.add(Loss::OutsideDebate(element.to_owned()));
                self.outside = Some(debate + 1);
            }
        }
    }

    /// Markup opening where its text is collected, and what of it is lost: emphasis,
    /// except `<i>` in a narrative (or loose text, narrative too), which marks it as
    /// such; a speech's `<from>`, read as words said; an address other than an `<a>`'s
    /// or `<img>`'s. An empty element holds no text to emphasise.
    fn markup(&mut self, e: &BytesStart<'_>, empty: bool) {
        let name = e.local_name().as_ref().to_owned();
        if !self.collecting() {
            return;
        }
        if name != "a"
            && name != "img"
            && attribute(e, "href").is_some_and(|href| !href.trim().is_empty())
        {
            self.dropped.add(Loss::LinkAddress(name.clone()));
        }
        if empty {
            return;
        }
        let in_speech = self
            .blocks
            .last()
            .is_some_and(|block| block.speech.is_some());
        if name == "from" && in_speech && self.headings == 0 {
            self.dropped.add(Loss::SpeakerLabel);
            return;
        }
        let lost = match name.as_str() {
            "i" => self.headings > 0 || in_speech,
            "b" | "u" | "em" | "strong" | "sup" | "sub" | "s" | "strike" | "del" | "ins"
            | "mark" | "small" | "big" | "tt" => true,
            _ => false,
        };
        if lost {
            self.dropped.add(Loss::Emphasis(name));
        }
    }

    fn push_text(&mut self, text: &str) {
        let buffer = if self.headings > 0 {
            &mut self.heading
        } else {
            &mut self.buffer
        };
        if std::mem::take(&mut self.after_image) && text.starts_with(char::is_alphanumeric) {
            buffer.push(' ');
        }
        buffer.push_str(text);
    }

    /// Ends the paragraph being read, if it holds anything.
    fn flush(&mut self) {
        self.after_image = false;
        let text = normalise(&self.buffer);
        self.buffer.clear();
        if text.is_empty() {
            return;
        }
        let text = match self.prefix.take() {
            Some(prefix) => prefix + &text,
            None => text,
        };
        if let Some(block) = self.blocks.last_mut() {
            if block.slot.is_some() && block.headings_after > 0 {
                for _ in 0..std::mem::take(&mut block.headings_after) {
                    self.dropped.add(Loss::HeadingMoved);
                }
            }
            block.paragraphs.push(text);
            return;
        }
        match self.loose.and_then(|i| self.entries.get_mut(i)) {
            Some(Entry::Narrative { paragraphs }) => paragraphs.push(text),
            _ => {
                self.loose = Some(self.entries.len());
                self.entries.push(Entry::Narrative {
                    paragraphs: vec![text],
                });
            }
        }
    }

    fn start(&mut self, e: &BytesStart<'_>) -> Result<(), quick_xml::Error> {
        let name = e.local_name().as_ref().to_owned();
        if self.headings == 0 && name != "heading" {
            // Only the meeting section's own heading, right after it opens, is the title.
            self.meeting_heading = false;
        }
        match name.as_str() {
            "debateBody" => self.bodies += 1,
            "debateSection" if self.blocks.is_empty() && self.title.is_none() => {
                self.meeting_heading = attribute(e, "name").as_deref() == Some("meeting");
            }
            "speech" => {
                let mut by = None;
                let mut at = None;
                for attr in e.attributes() {
                    let attr = attr.map_err(quick_xml::Error::from)?;
                    let value = attr
                        .normalized_value(quick_xml::XmlVersion::Implicit1_0)?
                        .into_owned();
                    match attr.key.local_name().as_ref() {
                        "by" => by = Some(value),
                        "startTime" => {
                            at = Stamp::parse_from_rfc3339(value.trim()).ok();
                            if at.is_none() && !value.trim().is_empty() {
                                self.dropped.add(Loss::UnreadableTime);
                            }
                        }
                        _ => {}
                    }
                }
                let by = by.unwrap_or_default();
                let id = by.strip_prefix('#').unwrap_or(&by);
                let speaker = match self.people.get(id) {
                    Some(name) => name.clone(),
                    None => {
                        self.dropped.add(if id.trim().is_empty() {
                            Loss::NoSpeaker
                        } else {
                            Loss::UndeclaredSpeaker
                        });
                        id.to_owned()
                    }
                };
                self.open_block(Some((speaker, at)));
            }
            "narrative" => self.open_block(None),
            "heading" => {
                self.flush();
                if self.headings == 0 {
                    self.heading.clear();
                }
                self.headings += 1;
            }
            "p" | "div" | "blockquote" | "table" | "tr" | "h1" | "h2" | "h3" | "h4" | "h5"
            | "h6" => self.flush(),
            "td" | "th" if !self.buffer.trim().is_empty() => self.push_text(" | "),
            "ol" | "ul" => {
                self.flush();
                let first = attribute(e, "start").and_then(|s| s.trim().parse::<u64>().ok());
                self.lists.push(if name == "ol" {
                    Some(first.unwrap_or(1).saturating_sub(1))
                } else {
                    None
                });
            }
            "li" => {
                self.flush();
                self.prefix = match self.lists.last_mut() {
                    Some(Some(n)) => {
                        *n += 1;
                        Some(format!("{n}. "))
                    }
                    _ => Some("• ".to_owned()),
                };
            }
            "br" if self.collecting() => self.push_text("\n"),
            "img" if self.collecting() => {
                if attribute(e, "alt").is_some_and(|alt| !alt.trim().is_empty()) {
                    self.dropped.add(Loss::ImageAlt);
                }
                if let Some(src) = attribute(e, "src").filter(|s| !s.trim().is_empty()) {
                    let buffer = if self.headings > 0 {
                        &self.heading
                    } else {
                        &self.buffer
                    };
                    let space = !buffer.is_empty()
                        && !buffer.ends_with(|c: char| c.is_whitespace() || c == '[' || c == '(');
                    self.push_text(if space { " " } else { "" });
                    self.push_text(&link_address(&src));
                    self.after_image = true;
                }
            }
            "a" => {
                let href = attribute(e, "href").unwrap_or_default();
                let href = href.trim();
                if !href.is_empty() && self.collecting() {
                    self.push_text("[");
                }
                self.stack.push(format!("a {}", link_address(href)));
                return Ok(());
            }
            _ => {}
        }
        self.stack.push(name);
        Ok(())
    }

    fn end(&mut self) {
        let top = self.stack.pop().unwrap_or_default();
        if self.outside.is_some_and(|depth| self.stack.len() <= depth) {
            self.outside = None;
        }
        if let Some(href) = top.strip_prefix("a ") {
            if !href.is_empty() && self.collecting() {
                self.push_text(&format!("]({href})"));
            }
            return;
        }
        match top.as_str() {
            "debateBody" => {
                self.flush();
                self.bodies = self.bodies.saturating_sub(1);
            }
            "heading" => {
                self.headings = self.headings.saturating_sub(1);
                if self.headings == 0 {
                    self.after_image = false;
                    if let Some(block) = self.blocks.last_mut() {
                        block.headings_after += 1;
                    }
                    let heading = normalise(&std::mem::take(&mut self.heading));
                    self.loose = None;
                    if std::mem::take(&mut self.meeting_heading) && self.blocks.is_empty() {
                        self.title = Some(heading);
                    } else {
                        self.entries.push(Entry::Section(heading));
                    }
                }
            }
            "p" | "div" | "blockquote" | "table" | "tr" | "h1" | "h2" | "h3" | "h4" | "h5"
            | "h6" => self.flush(),
            "li" => {
                self.flush();
                self.prefix = None;
            }
            "ol" | "ul" => {
                self.flush();
                self.lists.pop();
            }
            "speech" | "narrative" => self.close_block(),
            _ => {}
        }
    }

    fn open_block(&mut self, speech: Option<(String, Option<Stamp>)>) {
        self.flush();
        self.loose = None;
        if let Some(parent) = self.blocks.last_mut() {
            // What the outer one said so far keeps its place; the rest of it follows
            // the nested one, and any heading read in it, in document order.
            parent.headings_after = 0;
            if let Some(slot) = parent.slot.take() {
                if parent.paragraphs.is_empty() {
                    self.entries.remove(slot);
                } else {
                    let paragraphs = std::mem::take(&mut parent.paragraphs);
                    self.entries[slot] = parent.entry(paragraphs);
                    parent.emitted = true;
                }
            } else if !parent.paragraphs.is_empty() {
                let paragraphs = std::mem::take(&mut parent.paragraphs);
                let entry = parent.entry(paragraphs);
                parent.emitted = true;
                self.entries.push(entry);
            }
        }
        let block = Block {
            speech,
            paragraphs: Vec::new(),
            slot: Some(self.entries.len()),
            emitted: false,
            headings_after: 0,
        };
        self.entries.push(block.entry(Vec::new()));
        self.blocks.push(block);
    }

    fn close_block(&mut self) {
        self.flush();
        self.loose = None;
        let Some(mut block) = self.blocks.pop() else {
            return;
        };
        let paragraphs = std::mem::take(&mut block.paragraphs);
        match block.slot {
            Some(slot) => self.entries[slot] = block.entry(paragraphs),
            None if !paragraphs.is_empty() || !block.emitted => {
                self.entries.push(block.entry(paragraphs))
            }
            None => {}
        }
    }
}

/// An attribute's value by local name.
fn attribute(e: &BytesStart<'_>, name: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == name)
        .and_then(|a| a.normalized_value(quick_xml::XmlVersion::Implicit1_0).ok())
        .map(|v| v.into_owned())
}

/// A link's address as it can stand in `[text](address)`: the parentheses and spaces
/// it may hold percent-encoded, so that the address is read back whole.
fn link_address(href: &str) -> String {
    let mut out = String::with_capacity(href.len());
    for c in href.trim().chars() {
        match c {
            '(' => out.push_str("%28"),
            ')' => out.push_str("%29"),
            ' ' => out.push_str("%20"),
            c if c.is_whitespace() && c.is_ascii() => out.push_str(&format!("%{:02X}", c as u32)),
            c => out.push(c),
        }
    }
    out
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

/// Trims each line of a paragraph's text and drops the indentation the XML carried.
fn normalise(text: &str) -> String {
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    lines.join("\n")
}
