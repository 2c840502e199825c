//! The verbatim record (逐字稿): the notes as a transcript, and published or
//! stenographed transcripts merged back into a session.
//!
//! Two forms, both as the public transcript archive publishes them:
//! - Markdown: `# date title`, a header block, `## section` headings, then
//!   `### Speaker：` followed by that speaker's paragraphs. Room narrative is a
//!   paragraph in parentheses (（點頭）) or in italics (`*…*`). A speech paragraph that
//!   would read as narrative or markup is escaped with a leading backslash.
//! - Akoma Ntoso `<debate>` as SayIt writes it: speakers declared as `<TLCPerson>`,
//!   then `<debateSection><heading>`, `<speech by="#id"><p>…</p></speech>` and
//!   `<narrative><p><i>…</i></p></narrative>` in order.

use std::collections::HashMap;

use chrono::{NaiveTime, TimeZone};
use quick_xml::Reader;
use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};

use crate::domain::{
    Author, DomainError, EventKind, ItemId, Lang, Meeting, Note, NoteKind, PersonId, Role, Speaker,
    Stamp,
};

/// A transcript in neither format: what both parse to and are written from.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Transcript {
    /// `# 2026-12-03 title` without the `# `.
    pub title: String,
    /// The Markdown header block (time, place, notes), paragraph by paragraph.
    pub header: Vec<String>,
    pub entries: Vec<Entry>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Entry {
    /// A section heading (an agenda item).
    Section(String),
    Speech {
        speaker: String,
        paragraphs: Vec<String>,
        at: Option<Stamp>,
    },
    Narrative {
        paragraphs: Vec<String>,
    },
}

impl Transcript {
    /// Speeches and narrative in order, without headings or times: what a round trip
    /// must keep.
    pub fn record(&self) -> Vec<(Option<&str>, &[String])> {
        self.entries
            .iter()
            .filter_map(|e| match e {
                Entry::Section(_) => None,
                Entry::Speech {
                    speaker,
                    paragraphs,
                    ..
                } => Some((Some(speaker.as_str()), paragraphs.as_slice())),
                Entry::Narrative { paragraphs } => Some((None, paragraphs.as_slice())),
            })
            .collect()
    }

    pub fn speech_count(&self) -> usize {
        self.entries
            .iter()
            .filter(|e| matches!(e, Entry::Speech { .. }))
            .count()
    }

    pub fn narrative_count(&self) -> usize {
        self.entries
            .iter()
            .filter(|e| matches!(e, Entry::Narrative { .. }))
            .count()
    }
}

/// Why a file is not a transcript this reads.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TranscriptError {
    #[error(
        "this is not a transcript: {0}. Give a Markdown transcript (`# date title`, then `### Speaker：` and paragraphs) or an Akoma Ntoso debate (.an.xml)"
    )]
    NotATranscript(String),
    #[error("the Akoma Ntoso XML is malformed at byte {position}: {message}")]
    Xml { position: u64, message: String },
}

// ---- from a session --------------------------------------------------------------

/// The meeting's notes as a transcript: what was said as speeches, room narrative as
/// narrative, grouped under the agenda item they were taken in. Decisions and action
/// items are speeches of whoever stated them (narrative when nobody is named).
pub fn from_meeting(meeting: &Meeting, lang: Lang) -> Transcript {
    let session = meeting.session();
    let state = meeting.state();
    let title = format!(
        "{} {}",
        session.meeting.date.format("%Y-%m-%d"),
        session.meeting.title.get(lang)
    );
    let mut header = Vec::new();
    let time = match (state.started, state.adjourned) {
        (Some(start), Some(end)) => format!("{}–{}", start.format("%H:%M"), end.format("%H:%M")),
        (Some(start), None) => start.format("%H:%M").to_string(),
        _ => String::new(),
    };
    let date = crate::i18n::minutes::short_date(session.meeting.date, lang);
    let (time_label, venue_label) = match lang {
        Lang::ZhTw => ("時間：", "地點："),
        Lang::En => ("Time: ", "Venue: "),
    };
    header.push(format!("{time_label}{date} {time}").trim_end().to_owned());
    if !session.meeting.venue.is_empty() {
        header.push(format!("{venue_label}{}", session.meeting.venue.get(lang)));
    }
    let mut entries = Vec::new();
    let mut current: Option<&ItemId> = None;
    for entry in &state.notes {
        let note = &entry.note;
        if note.item.is_some() && note.item.as_ref() != current {
            current = note.item.as_ref();
            if let Some(item) = current.and_then(|id| state.item(id)) {
                entries.push(Entry::Section(item.item.title.get(lang).to_owned()));
            }
        }
        let paragraphs = split_paragraphs(note.text.get(lang));
        if paragraphs.is_empty() {
            continue;
        }
        let speaker = note.speaker.as_ref().map(|s| match s {
            Speaker::Person(id) => state
                .person(id)
                .map_or_else(|| id.0.clone(), |p| p.name.get(lang).to_owned()),
            Speaker::Named(name) => name.clone(),
        });
        match (&note.kind, speaker) {
            (NoteKind::Narrative, _) | (NoteKind::Decision | NoteKind::Action { .. }, None) => {
                entries.push(Entry::Narrative { paragraphs })
            }
            (_, speaker) => entries.push(Entry::Speech {
                speaker: speaker
                    .unwrap_or_else(|| crate::i18n::minutes::UNNAMED_SPEAKER.get(lang).to_owned()),
                paragraphs,
                at: Some(entry.at),
            }),
        }
    }
    Transcript {
        title,
        header,
        entries,
    }
}

fn split_paragraphs(text: &str) -> Vec<String> {
    text.split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(str::to_owned)
        .collect()
}

// ---- Markdown --------------------------------------------------------------------

/// Writes the Markdown form.
pub fn to_markdown(transcript: &Transcript) -> String {
    let mut out = String::with_capacity(64 * 1024);
    out.push_str("# ");
    out.push_str(&transcript.title);
    out.push_str("\n\n");
    for line in &transcript.header {
        out.push_str(line);
        out.push_str("\n\n");
    }
    let mut last_was_narrative = false;
    for entry in &transcript.entries {
        match entry {
            Entry::Section(heading) => {
                out.push_str("## ");
                out.push_str(heading);
                out.push_str("\n\n");
                last_was_narrative = false;
            }
            Entry::Speech {
                speaker,
                paragraphs,
                ..
            } => {
                out.push_str("### ");
                out.push_str(speaker);
                out.push_str("：\n");
                for p in paragraphs {
                    if reads_as_markup(p) {
                        out.push('\\');
                    }
                    out.push_str(p);
                    out.push_str("\n\n");
                }
                last_was_narrative = false;
            }
            Entry::Narrative { paragraphs } => {
                // Two narratives in a row would merge into one when read back.
                if last_was_narrative {
                    out.push_str("<!-- -->\n\n");
                }
                for p in paragraphs {
                    if is_parenthesised(p) {
                        out.push_str(p);
                    } else {
                        out.push('*');
                        out.push_str(p);
                        out.push('*');
                    }
                    out.push_str("\n\n");
                }
                last_was_narrative = true;
            }
        }
    }
    out
}

fn is_parenthesised(p: &str) -> bool {
    (p.starts_with('（') && p.ends_with('）')) || (p.starts_with('(') && p.ends_with(')'))
}

fn is_italic(p: &str) -> bool {
    p.chars().count() > 2
        && ((p.starts_with('*') && p.ends_with('*')) || (p.starts_with('_') && p.ends_with('_')))
}

fn reads_as_markup(p: &str) -> bool {
    is_parenthesised(p)
        || is_italic(p)
        || p.starts_with('#')
        || p.starts_with('\\')
        || p.starts_with("<!--")
}

/// Reads the Markdown form.
pub fn parse_markdown(text: &str) -> Result<Transcript, TranscriptError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut transcript = Transcript::default();
    let mut lines = text.lines().peekable();
    while lines.peek().is_some_and(|l| l.trim().is_empty()) {
        lines.next();
    }
    match lines.next() {
        Some(first) if first.starts_with("# ") => {
            transcript.title = first[2..].trim().to_owned();
        }
        _ => {
            return Err(TranscriptError::NotATranscript(
                "a Markdown transcript starts with a `# date title` line".into(),
            ));
        }
    }
    // Paragraphs are runs of non-blank lines; headings stand alone.
    enum Block {
        Section(String),
        Speaker(String),
        Paragraph(String),
    }
    let mut blocks = Vec::new();
    let mut paragraph: Vec<&str> = Vec::new();
    let flush = |paragraph: &mut Vec<&str>, blocks: &mut Vec<Block>| {
        if !paragraph.is_empty() {
            blocks.push(Block::Paragraph(paragraph.join("\n")));
            paragraph.clear();
        }
    };
    for line in lines {
        let trimmed = line.trim_end();
        if let Some(name) = trimmed.strip_prefix("### ") {
            flush(&mut paragraph, &mut blocks);
            let name = name.trim();
            let name = name
                .strip_suffix('：')
                .or_else(|| name.strip_suffix(':'))
                .unwrap_or(name)
                .trim();
            blocks.push(Block::Speaker(name.to_owned()));
        } else if let Some(heading) = trimmed.strip_prefix("## ") {
            flush(&mut paragraph, &mut blocks);
            blocks.push(Block::Section(heading.trim().to_owned()));
        } else if trimmed.trim().is_empty() {
            flush(&mut paragraph, &mut blocks);
        } else {
            paragraph.push(trimmed);
        }
    }
    flush(&mut paragraph, &mut blocks);

    let mut speaker: Option<String> = None;
    let mut in_header = true;
    let mut separated = false;
    for block in blocks {
        match block {
            Block::Section(heading) => {
                in_header = false;
                speaker = None;
                transcript.entries.push(Entry::Section(heading));
            }
            Block::Speaker(name) => {
                in_header = false;
                transcript.entries.push(Entry::Speech {
                    speaker: name.clone(),
                    paragraphs: Vec::new(),
                    at: None,
                });
                speaker = Some(name);
            }
            Block::Paragraph(p) if in_header => transcript.header.push(p),
            Block::Paragraph(p) if p == "<!-- -->" => separated = true,
            Block::Paragraph(p) => {
                let narrative = if is_parenthesised(&p) {
                    Some(p.clone())
                } else if is_italic(&p) {
                    Some(p[1..p.len() - 1].to_owned())
                } else if speaker.is_none() {
                    // Text outside any speaker's block is the room's.
                    Some(p.clone())
                } else {
                    None
                };
                match narrative {
                    Some(n) => {
                        match transcript.entries.last_mut() {
                            Some(Entry::Narrative { paragraphs }) if !separated => {
                                paragraphs.push(n)
                            }
                            _ => transcript.entries.push(Entry::Narrative {
                                paragraphs: vec![n],
                            }),
                        }
                        separated = false;
                    }
                    None => {
                        let p = match p.strip_prefix('\\') {
                            Some(rest) if reads_as_markup(rest) => rest.to_owned(),
                            _ => p,
                        };
                        match transcript.entries.last_mut() {
                            Some(Entry::Speech { paragraphs, .. }) => paragraphs.push(p),
                            // After narrative, the same speaker goes on.
                            _ => transcript.entries.push(Entry::Speech {
                                speaker: speaker.clone().unwrap_or_default(),
                                paragraphs: vec![p],
                                at: None,
                            }),
                        }
                    }
                }
            }
        }
    }
    if transcript.speech_count() == 0 {
        return Err(TranscriptError::NotATranscript(
            "it has no `### Speaker：` line".into(),
        ));
    }
    Ok(transcript)
}

// ---- Akoma Ntoso -----------------------------------------------------------------

/// Writes the Akoma Ntoso debate form.
pub fn to_akoma_ntoso(transcript: &Transcript) -> String {
    // Writing into a Vec cannot fail.
    akn_writer(transcript).unwrap_or_default()
}

fn akn_writer(transcript: &Transcript) -> std::io::Result<String> {
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

/// Reads either form, by its content.
pub fn parse(text: &str) -> Result<Transcript, TranscriptError> {
    let trimmed = text.trim_start_matches('\u{feff}').trim_start();
    if trimmed.starts_with('<') {
        parse_akoma_ntoso(text)
    } else {
        parse_markdown(text)
    }
}

// ---- into a session --------------------------------------------------------------

/// What an import did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ImportReport {
    pub speeches: usize,
    pub narratives: usize,
    /// Speakers matched to the roster: (name in the transcript, person).
    pub matched: Vec<(String, PersonId)>,
    /// Speakers kept as free-text names.
    pub unmatched: Vec<String>,
}

/// Merges a transcript into the meeting's record: each speech becomes a note of what
/// was said, each narrative a narrative note, appended in order after the existing
/// notes. Sections whose heading is an agenda item's title attach their notes to that
/// item. Speakers are matched to the roster by name where that is unambiguous.
///
/// Notes without a time in the transcript are stamped at the meeting's start (or its
/// planned start, or midnight), so their order is the log's order.
pub fn import(
    meeting: &mut Meeting,
    transcript: &Transcript,
    by: &str,
) -> Result<ImportReport, DomainError> {
    let mut report = ImportReport::default();
    let default_at = default_stamp(meeting);
    let mut speakers: HashMap<&str, Speaker> = HashMap::new();
    let mut item: Option<ItemId> = None;
    for entry in &transcript.entries {
        let (speaker, paragraphs, at, kind) = match entry {
            Entry::Section(heading) => {
                item = meeting
                    .state()
                    .items
                    .iter()
                    .find(|i| {
                        i.item.title.text == *heading || i.item.title.english() == Some(heading)
                    })
                    .map(|i| i.item.id.clone());
                continue;
            }
            Entry::Speech {
                speaker,
                paragraphs,
                at,
            } => {
                let resolved = match speakers.get(speaker.as_str()) {
                    Some(s) => s.clone(),
                    None => {
                        let s = match match_speaker(meeting, speaker) {
                            Some(id) => {
                                report.matched.push((speaker.clone(), id.clone()));
                                Speaker::Person(id)
                            }
                            None => {
                                report.unmatched.push(speaker.clone());
                                Speaker::Named(speaker.clone())
                            }
                        };
                        speakers.insert(speaker, s.clone());
                        s
                    }
                };
                report.speeches += 1;
                (Some(resolved), paragraphs, *at, NoteKind::Said)
            }
            Entry::Narrative { paragraphs } => {
                report.narratives += 1;
                (None, paragraphs, None, NoteKind::Narrative)
            }
        };
        let note = Note {
            speaker,
            kind,
            text: paragraphs.join("\n\n").into(),
            item: item.clone(),
        };
        meeting.record(
            at.unwrap_or(default_at),
            Author::NoteTaker(by.to_owned()),
            EventKind::NoteAdded(note),
        )?;
    }
    Ok(report)
}

fn default_stamp(meeting: &Meeting) -> Stamp {
    if let Some(started) = meeting.state().started {
        return started;
    }
    let info = &meeting.session().meeting;
    let time = info.planned_start.unwrap_or(NaiveTime::MIN);
    let offset = meeting
        .session()
        .log
        .first()
        .map(|e| *e.at.offset())
        .or_else(|| chrono::FixedOffset::east_opt(8 * 3600))
        .unwrap_or_else(|| chrono::FixedOffset::east_opt(0).expect("UTC"));
    offset
        .from_local_datetime(&info.date.and_time(time))
        .single()
        .unwrap_or_else(|| offset.from_utc_datetime(&info.date.and_time(time)))
}

/// The roster person a transcript's speaker name stands for, if exactly one fits:
/// the name itself (Chinese or English), or the way Taiwanese transcripts write
/// people — surname, title, given name (唐召集人鳳), or an agency's representative
/// with the person in parentheses (內政部代表（陳主任秘書茂春）).
pub fn match_speaker(meeting: &Meeting, speaker: &str) -> Option<PersonId> {
    let state = meeting.state();
    let speaker = speaker.trim();
    let exact: Vec<&PersonId> = state
        .people
        .iter()
        .filter(|p| p.name.text == speaker || p.name.english() == Some(speaker))
        .map(|p| &p.id)
        .collect();
    if let [one] = exact.as_slice() {
        return Some((*one).clone());
    }
    if exact.len() > 1 {
        return None;
    }
    let mut candidates = vec![speaker];
    if let Some(open) = speaker.find('（')
        && let Some(inner) = speaker[open + '（'.len_utf8()..].strip_suffix('）')
    {
        candidates.push(inner);
    }
    let fits: Vec<&PersonId> = state
        .people
        .iter()
        .filter(|p| p.role != Role::Observer || !p.name.text.is_empty())
        .filter(|p| {
            let name: Vec<char> = p.name.text.chars().collect();
            if name.len() < 2 || name.len() > 4 || !name.iter().all(|c| is_cjk(*c)) {
                return false;
            }
            let surname: String = name[..1].iter().collect();
            let given: String = name[1..].iter().collect();
            candidates.iter().any(|c| {
                c.chars().count() > name.len() && c.starts_with(&surname) && c.ends_with(&given)
            })
        })
        .map(|p| &p.id)
        .collect();
    match fits.as_slice() {
        [one] => Some((*one).clone()),
        _ => None,
    }
}

fn is_cjk(c: char) -> bool {
    matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}' | '\u{f900}'..='\u{faff}')
}
