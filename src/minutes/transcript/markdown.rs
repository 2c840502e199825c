//! The Markdown form of a transcript, as the public transcript archive publishes it:
//! writing it, escaping what would read as markup, and reading it back.
//!
//! Read back, the project's own export gives the transcript it was written from: the
//! title line, the header block, sections, speeches (with their times) and narrative
//! in order. A speech whose time is known has it in a comment on the line after its
//! speaker, `<!-- startTime 2026-12-03T14:05:00+08:00 -->`: hidden where the Markdown
//! is shown, as the archive shows no times, and read back exactly.
//!
//! A paragraph whose first line would read as narrative or markup is written with a
//! leading backslash, and so is any later line of a paragraph that begins with `#`,
//! `>` or a backslash, which would otherwise read as a heading or a quote of its own.

use super::{Entry, Transcript, TranscriptError};

/// Writes the Markdown form.
pub fn to_markdown(transcript: &Transcript) -> String {
    let transcript = &transcript.to_printable();
    let mut out = String::with_capacity(64 * 1024);
    out.push_str("# ");
    out.push_str(&transcript.title);
    out.push_str("\n\n");
    for p in &transcript.header {
        push_paragraph(&mut out, p, reads_as_markup(p));
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
                at,
            } => {
                out.push_str("### ");
                out.push_str(speaker);
                out.push_str("：\n");
                if let Some(at) = at {
                    out.push_str(&format!("{TIME_OPEN}{}{TIME_CLOSE}\n\n", at.to_rfc3339()));
                }
                for p in paragraphs {
                    push_paragraph(&mut out, p, reads_as_markup(p));
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
                        push_paragraph(&mut out, p, false);
                    } else {
                        push_paragraph(&mut out, &format!("*{p}*"), false);
                    }
                }
                last_was_narrative = true;
            }
        }
    }
    out
}

/// The comment a speech's time is written in, after its speaker's line.
const TIME_OPEN: &str = "<!-- startTime ";
const TIME_CLOSE: &str = " -->";

/// A speech's time, from the paragraph [`TIME_OPEN`] … [`TIME_CLOSE`].
fn speech_time(p: &str) -> Option<crate::domain::Stamp> {
    let time = p.strip_prefix(TIME_OPEN)?.strip_suffix(TIME_CLOSE)?;
    crate::domain::Stamp::parse_from_rfc3339(time.trim()).ok()
}

/// One paragraph and the blank line after it: with a backslash before the first line
/// when `escape`, and before every later line that would read as a block of its own.
fn push_paragraph(out: &mut String, p: &str, escape: bool) {
    for (i, line) in p.split('\n').enumerate() {
        if i == 0 {
            if escape {
                out.push('\\');
            }
        } else {
            out.push('\n');
            if starts_a_block(line) {
                out.push('\\');
            }
        }
        out.push_str(line);
    }
    out.push_str("\n\n");
}

/// A line that read on its own would not continue the paragraph it is in: a heading,
/// a quote, or an escape (a backslash, kept by escaping it).
fn starts_a_block(line: &str) -> bool {
    line.starts_with('#') || line.starts_with('>') || line.starts_with('\\')
}

fn is_parenthesised(p: &str) -> bool {
    (p.starts_with('（') && p.ends_with('）')) || (p.starts_with('(') && p.ends_with(')'))
}

fn is_italic(p: &str) -> bool {
    p.chars().count() > 2
        && ((p.starts_with('*') && p.ends_with('*')) || (p.starts_with('_') && p.ends_with('_')))
}

/// A quote of a parenthesised narrative, `> （笑）` or `> (laughter)` (the publisher's
/// own convention), as that narrative; over several lines, each line is quoted.
fn quoted_narrative(p: &str) -> Option<String> {
    let unquoted = p
        .split('\n')
        .map(|line| {
            line.strip_prefix('>')
                .map(|rest| rest.strip_prefix(' ').unwrap_or(rest))
        })
        .collect::<Option<Vec<&str>>>()?
        .join("\n");
    let unquoted = unquoted.trim();
    is_parenthesised(unquoted).then(|| unquoted.to_owned())
}

fn reads_as_markup(p: &str) -> bool {
    is_parenthesised(p)
        || is_italic(p)
        || p.starts_with('#')
        || p.starts_with('>')
        || p.starts_with('\\')
        || p.starts_with("<!--")
}

/// A line's ATX heading: its level (how many `#`) and its text, trimmed. `#` must be
/// followed by a space or end the line (`#hashtag` is text).
fn heading(line: &str) -> Option<(usize, &str)> {
    let level = line.len() - line.trim_start_matches('#').len();
    let rest = &line[level..];
    (level > 0 && (rest.is_empty() || rest.starts_with([' ', '\t']))).then(|| (level, rest.trim()))
}

/// A speaker line's name: `### 唐鳳：` or `### Audrey Tang:` without the colon.
fn speaker_name(text: &str) -> Option<&str> {
    text.strip_suffix('：')
        .or_else(|| text.strip_suffix(':'))
        .map(str::trim)
}

/// Reads the Markdown form.
pub fn parse_markdown(text: &str) -> Result<Transcript, TranscriptError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut transcript = Transcript::default();
    let mut lines = text.lines().peekable();
    while lines.peek().is_some_and(|l| l.trim().is_empty()) {
        lines.next();
    }
    // The title is the first line, a heading of any level (`#`, `##`, `###` …); only
    // after it do `##` and `###` mean a section and a speaker.
    let first = lines.next().map(str::trim_end);
    match first.and_then(heading) {
        // `### 唐鳳：` first is a speech without a title, not a title: refused rather
        // than lost. A dated title may end in a colon.
        Some((3, text))
            if speaker_name(text).is_some() && !text.starts_with(|c: char| c.is_ascii_digit()) =>
        {
            return Err(TranscriptError::NotATranscript(format!(
                "it begins with the speaker line `{}`, and a Markdown transcript starts with a `# date title` line",
                first.unwrap_or_default()
            )));
        }
        Some((_, title)) => transcript.title = title.to_owned(),
        None => {
            return Err(TranscriptError::NotATranscript(
                "a Markdown transcript starts with a `# date title` line".into(),
            ));
        }
    }
    // Paragraphs are runs of non-blank lines; headings stand alone, and so does a
    // quote.
    enum Block {
        Section(String),
        Speaker(String),
        Paragraph(String),
    }
    let mut blocks = Vec::new();
    let mut paragraph: Vec<&str> = Vec::new();
    let flush = |paragraph: &mut Vec<&str>, blocks: &mut Vec<Block>| {
        if !paragraph.is_empty() {
            // A later line escaped when written (see `push_paragraph`) loses its
            // backslash; the first line's escape is told by what follows it, below.
            let mut text = String::new();
            for (i, line) in paragraph.iter().enumerate() {
                if i > 0 {
                    text.push('\n');
                    match line.strip_prefix('\\') {
                        Some(rest) if starts_a_block(rest) => text.push_str(rest),
                        _ => text.push_str(line),
                    }
                } else {
                    text.push_str(line);
                }
            }
            blocks.push(Block::Paragraph(text));
            paragraph.clear();
        }
    };
    for line in lines {
        let trimmed = line.trim_end();
        match heading(trimmed) {
            Some((3, name)) => {
                flush(&mut paragraph, &mut blocks);
                let name = speaker_name(name).unwrap_or(name);
                blocks.push(Block::Speaker(name.to_owned()));
                continue;
            }
            Some((2, title)) => {
                flush(&mut paragraph, &mut blocks);
                blocks.push(Block::Section(title.to_owned()));
                continue;
            }
            _ => {}
        }
        if trimmed.trim().is_empty() {
            flush(&mut paragraph, &mut blocks);
            continue;
        }
        // A quote begins a block of its own, and ends where its lines do.
        if paragraph
            .last()
            .is_some_and(|last| last.starts_with('>') != trimmed.starts_with('>'))
        {
            flush(&mut paragraph, &mut blocks);
        }
        paragraph.push(trimmed);
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
            Block::Paragraph(p) if p == "<!-- -->" => separated = true,
            // A speech's time, right after its speaker's line.
            Block::Paragraph(p)
                if matches!(
                    transcript.entries.last(),
                    Some(Entry::Speech { paragraphs, at: None, .. }) if paragraphs.is_empty()
                ) && speech_time(&p).is_some() =>
            {
                if let Some(Entry::Speech { at, .. }) = transcript.entries.last_mut() {
                    *at = speech_time(&p);
                }
            }
            Block::Paragraph(p) => {
                let narrative = if is_parenthesised(&p) {
                    Some(p.clone())
                } else if is_italic(&p) {
                    Some(p[1..p.len() - 1].to_owned())
                } else if let Some(quoted) = quoted_narrative(&p) {
                    Some(quoted)
                } else if speaker.is_none() && !in_header {
                    // Text outside any speaker's block is the room's.
                    Some(p.clone())
                } else {
                    None
                };
                match narrative {
                    Some(n) => {
                        // Narrative ends the header: what follows is the record.
                        in_header = false;
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
                        if in_header {
                            transcript.header.push(p);
                            continue;
                        }
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
