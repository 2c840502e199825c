//! The translation worksheet: every text of a session that the English minutes need,
//! as a gettext PO file (what Poedit, Lokalise, Weblate, OmegaT and memoQ open), and
//! the finished worksheet merged back.
//!
//! Each entry's `msgctxt` says where the text lives (`item/discussion-1/title`,
//! `log/42/text`), `msgid` is the Chinese as it was exported and `msgstr` the English.
//! On import an entry whose Chinese has changed since is refused, so a translation is
//! never attached to a text it was not made for.
//!
//! The PO reader and writer are our own, about a hundred lines: the format is small
//! and fixed, and the crates for it are thin or unmaintained; what we need
//! (msgctxt, multi-line strings, escapes, the fuzzy flag) is covered by the tests.

use std::collections::HashSet;

use crate::domain::{CommentId, EventKind, Meeting, Seq, Session, Text};
use crate::width::printable;

/// One text to translate.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WorksheetEntry {
    /// Where the text lives in the session.
    pub key: String,
    /// The Chinese text.
    pub source: String,
    /// The English, empty when not yet translated.
    pub translation: String,
    /// Marked fuzzy by the translator: not yet good enough to use.
    pub fuzzy: bool,
}

/// Calls `visit` with every text of the session and its key. With `skip`, log events
/// in it are left out (retracted events, superseded note versions).
fn visit_texts(
    session: &mut Session,
    skip: &HashSet<Seq>,
    mut visit: impl FnMut(String, &mut Text),
) {
    let m = &mut session.meeting;
    visit("meeting/title".into(), &mut m.title);
    visit("meeting/venue".into(), &mut m.venue);
    visit("meeting/recorder".into(), &mut m.recorder);
    let roster = &mut session.roster;
    for p in &mut roster.members {
        visit(format!("person/{}/name", p.id), &mut p.name);
        visit(format!("person/{}/title", p.id), &mut p.title);
        visit(format!("person/{}/organisation", p.id), &mut p.organisation);
    }
    for p in &mut roster.representatives {
        visit(format!("person/{}/name", p.id), &mut p.name);
        visit(format!("person/{}/title", p.id), &mut p.title);
    }
    for p in &mut roster.observers {
        visit(format!("person/{}/name", p.id), &mut p.name);
        visit(format!("person/{}/title", p.id), &mut p.title);
        visit(format!("person/{}/organisation", p.id), &mut p.organisation);
    }
    for item in &mut session.agenda {
        visit_item(&format!("item/{}", item.id), item, &mut visit);
    }
    for motion in &mut session.motions {
        visit(format!("motion/{}/text", motion.id), &mut motion.text);
    }
    for entry in &mut session.follow_up {
        let n = entry.number;
        visit(format!("follow-up/{n}/matter"), &mut entry.matter);
        visit(format!("follow-up/{n}/owner"), &mut entry.owner);
        visit(
            format!("follow-up/{n}/action_taken"),
            &mut entry.action_taken,
        );
    }
    for event in &mut session.log {
        if skip.contains(&event.seq) {
            continue;
        }
        let seq = event.seq.0;
        match &mut event.kind {
            EventKind::NoteAdded(note)
            | EventKind::NoteCorrected {
                corrected: note, ..
            } => visit(
                format!("log/{seq}/text"),
                &mut std::sync::Arc::make_mut(note).text,
            ),
            EventKind::ObjectionRaised { reason, .. } => visit(format!("log/{seq}/reason"), reason),
            EventKind::ItemAdded(item) | EventKind::ItemChanged(item) => {
                visit_item(&format!("log/{seq}"), item, &mut visit)
            }
            EventKind::MotionAmended { text, .. } => visit(format!("log/{seq}/text"), text),
            EventKind::MotionSplit { kept, text, .. } => {
                visit(format!("log/{seq}/kept"), kept);
                visit(format!("log/{seq}/text"), text);
            }
            EventKind::MotionAdded(motion) => visit(format!("log/{seq}/text"), &mut motion.text),
            EventKind::RepresentativeAdded(rep) => {
                visit(format!("log/{seq}/name"), &mut rep.name);
                visit(format!("log/{seq}/title"), &mut rep.title);
            }
            EventKind::MeetingDetailsChanged(info) => {
                visit(format!("log/{seq}/title"), &mut info.title);
                visit(format!("log/{seq}/venue"), &mut info.venue);
                visit(format!("log/{seq}/recorder"), &mut info.recorder);
            }
            EventKind::MemberAdded(member) => {
                visit(format!("log/{seq}/name"), &mut member.name);
                visit(format!("log/{seq}/title"), &mut member.title);
                visit(format!("log/{seq}/organisation"), &mut member.organisation);
            }
            EventKind::PersonCorrected {
                name,
                title,
                organisation,
                ..
            } => {
                visit(format!("log/{seq}/name"), name);
                visit(format!("log/{seq}/title"), title);
                visit(format!("log/{seq}/organisation"), organisation);
            }
            EventKind::ObserverAdded(observer) => {
                visit(format!("log/{seq}/name"), &mut observer.name);
                visit(format!("log/{seq}/title"), &mut observer.title);
                visit(
                    format!("log/{seq}/organisation"),
                    &mut observer.organisation,
                );
            }
            EventKind::FollowUpRecorded { action_taken, .. } => {
                visit(format!("log/{seq}/action_taken"), action_taken)
            }
            EventKind::CommentAnswered { response, .. } => {
                visit(format!("log/{seq}/response"), response)
            }
            _ => {}
        }
    }
}

fn visit_item(
    prefix: &str,
    item: &mut crate::domain::AgendaItem,
    visit: &mut impl FnMut(String, &mut Text),
) {
    visit(format!("{prefix}/title"), &mut item.title);
    visit(format!("{prefix}/presenter"), &mut item.presenter);
    visit(format!("{prefix}/explanation"), &mut item.explanation);
    if let Some(action) = &mut item.proposed_action {
        visit(format!("{prefix}/proposed_action"), action);
    }
}

/// Log events whose texts no longer show: retracted ones, note versions replaced by a
/// later correction, and answers to a public comment replaced by a later answer.
fn superseded(meeting: &Meeting) -> HashSet<Seq> {
    let state = meeting.state();
    let mut skip: HashSet<Seq> = state.retracted.clone();
    let mut latest: std::collections::HashMap<Seq, Seq> = Default::default();
    let mut answers: std::collections::HashMap<&CommentId, Seq> = Default::default();
    for event in &meeting.session().log {
        if state.retracted.contains(&event.seq) {
            continue;
        }
        match &event.kind {
            EventKind::NoteCorrected { note, .. } => {
                let previous = latest.insert(*note, event.seq).unwrap_or(*note);
                skip.insert(previous);
            }
            EventKind::CommentAnswered { comment, .. } => {
                if let Some(previous) = answers.insert(comment, event.seq) {
                    skip.insert(previous);
                }
            }
            _ => {}
        }
    }
    skip
}

/// Every non-empty text of the session, with its English if it has one.
pub fn worksheet(meeting: &Meeting) -> Vec<WorksheetEntry> {
    let skip = superseded(meeting);
    let mut session = meeting.session().clone();
    let mut entries = Vec::new();
    let mut seen = HashSet::new();
    visit_texts(&mut session, &skip, |key, text| {
        if text.text.trim().is_empty() || !seen.insert(key.clone()) {
            return;
        }
        // Printable, as every output is; `merge` compares the session's text the
        // same way, so an entry still matches the text it came from.
        entries.push(WorksheetEntry {
            key,
            source: printable(&text.text).into_owned(),
            translation: printable(text.en.as_deref().unwrap_or_default()).into_owned(),
            fuzzy: false,
        });
    });
    entries
}

/// What merging a worksheet did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MergeReport {
    /// English versions added or changed.
    pub applied: Vec<String>,
    /// Refused: the Chinese has changed since the worksheet was exported.
    pub stale: Vec<String>,
    /// Refused: no such text in the session.
    pub unknown: Vec<String>,
    /// Left out: still marked fuzzy.
    pub fuzzy: Vec<String>,
}

/// Merges translated entries into the session.
pub fn merge(session: &mut Session, entries: &[WorksheetEntry]) -> MergeReport {
    let mut report = MergeReport::default();
    let mut by_key: std::collections::HashMap<&str, &WorksheetEntry> = Default::default();
    for entry in entries {
        if entry.translation.trim().is_empty() {
            continue;
        }
        if entry.fuzzy {
            report.fuzzy.push(entry.key.clone());
            continue;
        }
        by_key.insert(&entry.key, entry);
    }
    let mut found = HashSet::new();
    visit_texts(session, &HashSet::new(), |key, text| {
        let Some(entry) = by_key.get(key.as_str()) else {
            return;
        };
        found.insert(entry.key.clone());
        if printable(&text.text) != printable(&entry.source) {
            report.stale.push(key);
            return;
        }
        if text.en.as_deref() != Some(entry.translation.as_str()) {
            text.en = Some(entry.translation.clone());
            report.applied.push(key);
        }
    });
    for key in by_key.keys() {
        if !found.contains(*key) {
            report.unknown.push((*key).to_owned());
        }
    }
    report.unknown.sort();
    report
}

// ---- PO --------------------------------------------------------------------------

/// Writes the worksheet as a PO file.
pub fn to_po(entries: &[WorksheetEntry], title: &str) -> String {
    let mut out = String::with_capacity(entries.len() * 160 + 512);
    out.push_str("# Roundtable translation worksheet: ");
    out.push_str(&printable(title).replace('\n', " "));
    out.push_str("\n# Translate each msgstr into English; leave msgctxt and msgid as they are.\n");
    out.push_str("msgid \"\"\nmsgstr \"\"\n");
    out.push_str("\"Content-Type: text/plain; charset=UTF-8\\n\"\n");
    out.push_str("\"Content-Transfer-Encoding: 8bit\\n\"\n");
    out.push_str("\"Language: en\\n\"\n");
    out.push_str("\"X-Source-Language: zh_TW\\n\"\n");
    out.push_str("\"X-Generator: Roundtable\\n\"\n");
    for entry in entries {
        out.push('\n');
        if entry.fuzzy {
            out.push_str("#, fuzzy\n");
        }
        po_field(&mut out, "msgctxt", &entry.key);
        po_field(&mut out, "msgid", &entry.source);
        po_field(&mut out, "msgstr", &entry.translation);
    }
    out
}

fn po_field(out: &mut String, keyword: &str, value: &str) {
    out.push_str(keyword);
    out.push(' ');
    if value.contains('\n') {
        out.push_str("\"\"\n");
        let mut lines = value.split_inclusive('\n').peekable();
        while let Some(line) = lines.next() {
            out.push('"');
            out.push_str(&po_escape(line));
            out.push('"');
            if lines.peek().is_some() || line.ends_with('\n') {
                out.push('\n');
            }
        }
        if !out.ends_with('\n') {
            out.push('\n');
        }
    } else {
        out.push('"');
        out.push_str(&po_escape(value));
        out.push_str("\"\n");
    }
}

fn po_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            _ => out.push(c),
        }
    }
    out
}

/// Why a worksheet cannot be read.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error(
    "line {line}: {message}; the worksheet must be a PO file as `roundtable translations export` writes it"
)]
pub struct PoError {
    pub line: usize,
    pub message: String,
}

/// Reads a PO file.
pub fn parse_po(text: &str) -> Result<Vec<WorksheetEntry>, PoError> {
    #[derive(PartialEq, Clone, Copy)]
    enum Field {
        None,
        Ctxt,
        Id,
        Str,
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut entries = Vec::new();
    let mut ctxt: Option<String> = None;
    let mut id: Option<String> = None;
    let mut msgstr: Option<String> = None;
    let mut fuzzy = false;
    let mut field = Field::None;
    let mut saw_any = false;
    let finish = |ctxt: &mut Option<String>,
                  id: &mut Option<String>,
                  msgstr: &mut Option<String>,
                  fuzzy: &mut bool,
                  entries: &mut Vec<WorksheetEntry>| {
        // Nothing in progress: keep a flag or context already read for the next entry.
        if id.is_none() && msgstr.is_none() {
            return;
        }
        if let (Some(source), Some(translation)) = (id.take(), msgstr.take())
            && !source.is_empty()
        {
            entries.push(WorksheetEntry {
                key: ctxt.take().unwrap_or_default(),
                source,
                translation,
                fuzzy: *fuzzy,
            });
        }
        *ctxt = None;
        *fuzzy = false;
    };
    for (n, raw) in text.lines().enumerate() {
        let line_no = n + 1;
        let line = raw.trim();
        let error = |message: &str| PoError {
            line: line_no,
            message: message.to_owned(),
        };
        if line.is_empty() {
            continue;
        }
        if let Some(comment) = line.strip_prefix('#') {
            if comment.starts_with('~') {
                continue; // obsolete entry
            }
            if let Some(flags) = comment.strip_prefix(',')
                && flags.split(',').any(|f| f.trim() == "fuzzy")
            {
                if msgstr.is_some() {
                    finish(&mut ctxt, &mut id, &mut msgstr, &mut fuzzy, &mut entries);
                }
                fuzzy = true;
            }
            continue;
        }
        let (keyword, rest) = match line.split_once(char::is_whitespace) {
            Some((k, r)) if !line.starts_with('"') => (k, r.trim()),
            _ => ("", line),
        };
        let value = po_unescape(rest).map_err(|m| error(&m))?;
        saw_any = true;
        match keyword {
            "msgctxt" => {
                finish(&mut ctxt, &mut id, &mut msgstr, &mut fuzzy, &mut entries);
                ctxt = Some(value);
                field = Field::Ctxt;
            }
            "msgid" => {
                if msgstr.is_some() {
                    finish(&mut ctxt, &mut id, &mut msgstr, &mut fuzzy, &mut entries);
                }
                id = Some(value);
                field = Field::Id;
            }
            "msgstr" => {
                if id.is_none() {
                    return Err(error("msgstr without a msgid before it"));
                }
                msgstr = Some(value);
                field = Field::Str;
            }
            "msgid_plural" => return Err(error("plural forms are not used in a worksheet")),
            "" => {
                let target = match field {
                    Field::Ctxt => ctxt.as_mut(),
                    Field::Id => id.as_mut(),
                    Field::Str => msgstr.as_mut(),
                    Field::None => None,
                };
                match target {
                    Some(target) => target.push_str(&value),
                    None => return Err(error("a continued string outside any entry")),
                }
            }
            other => return Err(error(&format!("unknown keyword `{other}`"))),
        }
    }
    finish(&mut ctxt, &mut id, &mut msgstr, &mut fuzzy, &mut entries);
    if !saw_any {
        return Err(PoError {
            line: 1,
            message: "there are no entries".into(),
        });
    }
    Ok(entries)
}

fn po_unescape(quoted: &str) -> Result<String, String> {
    let inner = quoted
        .strip_prefix('"')
        .and_then(|s| s.strip_suffix('"'))
        .filter(|_| quoted.len() >= 2)
        .ok_or_else(|| format!("expected a string in double quotes, found {quoted}"))?;
    let mut out = String::with_capacity(inner.len());
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('t') => out.push('\t'),
            Some('r') => out.push('\r'),
            Some('"') => out.push('"'),
            Some('\\') => out.push('\\'),
            Some(other) => return Err(format!("unknown escape \\{other}")),
            None => return Err("a string ends in a lone backslash".into()),
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn po_round_trip_keeps_quotes_backslashes_newlines_and_cjk() {
        let entries = vec![
            WorksheetEntry {
                key: "item/a/title".into(),
                source: "「議程」\"引號\" \\ 反斜線".into(),
                translation: "\"Agenda\" \\ backslash".into(),
                fuzzy: false,
            },
            WorksheetEntry {
                key: "log/7/text".into(),
                source: "第一行\n第二行\n".into(),
                translation: String::new(),
                fuzzy: true,
            },
        ];
        let po = to_po(&entries, "論壇");
        assert_eq!(parse_po(&po).expect("parses"), entries);
    }

    #[test]
    fn a_broken_worksheet_says_which_line() {
        let error = parse_po("msgid \"a\"\nmsgstr \"b\nmsgid").expect_err("broken");
        assert_eq!(error.line, 2);
        assert!(parse_po("hello").is_err());
        assert!(parse_po("").is_err());
    }
}
