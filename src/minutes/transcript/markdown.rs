//! The Markdown form of a transcript, as the public transcript archive publishes it:
//! writing it, escaping what would read as markup, and reading it back.

use super::{Entry, Transcript, TranscriptError};

/// Writes the Markdown form.
pub fn to_markdown(transcript: &Transcript) -> String {
    let transcript = &transcript.to_printable();
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
