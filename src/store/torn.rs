//! The end of a session file that a crash cut short.
//!
//! The saver appends an event by writing its line, then the log's close, where the
//! close stood, and syncs (`saver.rs`). A crash (or a full disk) in the middle of that
//! write leaves the file ending in the new line as far as it got: part of a line, or
//! all of it and part of the close, perhaps followed by zero bytes where the system
//! had made the file longer but not yet written it. Nothing in that end was
//! acknowledged as saved: the acknowledgement follows the sync.
//!
//! [`cut`] finds such an end and only such an end: the file in the layout Roundtable
//! writes, every line of the log up to a point a whole event line, and after it one
//! unfinished line, or a beginning of the close, or the close followed by zero bytes.
//! A mistake in the middle of a hand-edited log ends differently (more lines follow
//! it), and is refused with its line and column as always.

use std::path::Path;

use super::log_layout::{EVENT_INDENT, OPEN, TAIL};
use crate::domain::Lang;
use crate::i18n::refusals::session_file as words;

/// What reading a file without its unfinished end left out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Repair {
    /// The line of the file where the unfinished end began.
    pub line: usize,
    /// The unfinished end as the file held it, without zero bytes.
    pub dropped: Vec<u8>,
}

impl Repair {
    /// Whether part of an event was left out; if not, only the log's close (or the
    /// indentation of a line not yet written) was missing or unfinished, and nothing
    /// of the meeting is lost.
    pub fn lost_an_event(&self) -> bool {
        let written = self.dropped.trim_ascii_start();
        !written.is_empty() && !TAIL.trim_start().as_bytes().starts_with(written)
    }

    /// The beginning of what was left out, as text that is safe to print.
    pub fn preview(&self) -> String {
        const SHOWN: usize = 40;
        let text = String::from_utf8_lossy(&self.dropped);
        let text = crate::width::printable(text.trim());
        let mut preview: String = text.chars().take(SHOWN).collect();
        if text.chars().count() > SHOWN {
            preview.push('…');
        }
        preview
    }

    /// What happened, in `lang`, for the file at `path`.
    pub fn words(&self, path: &Path, lang: Lang) -> String {
        let path = path.display().to_string();
        if self.lost_an_event() {
            words::torn_event(&path, self.line, self.dropped.len(), &self.preview(), lang)
        } else {
            words::torn_close(&path, lang)
        }
    }
}

/// Where to cut `bytes` to leave out an unfinished end, and what that leaves out; `None`
/// unless the file ends as only an interrupted append leaves it.
pub(super) fn cut(bytes: &[u8]) -> Option<(usize, Repair)> {
    let open = find(bytes, OPEN.as_bytes())?;
    // The whole event lines of the log.
    let mut keep = open + OPEN.len();
    while let Some(length) = bytes[keep..].iter().position(|&b| b == b'\n') {
        if !is_event_line(&bytes[keep..keep + length]) {
            break;
        }
        keep += length + 1;
    }
    let rest = &bytes[keep..];
    let written = rest
        .iter()
        .rposition(|&b| b != 0)
        .map_or(&rest[..0], |last| &rest[..=last]);
    let zeros = written.len() < rest.len();
    let unfinished_line = !written.contains(&b'\n');
    let part_of_the_close = TAIL.as_bytes().starts_with(written) && written != TAIL.as_bytes();
    let the_close_then_zeros = written == TAIL.as_bytes() && zeros;
    if !(unfinished_line || part_of_the_close || the_close_then_zeros) {
        return None;
    }
    let line = 1 + bytes[..keep].iter().filter(|&&b| b == b'\n').count();
    let dropped = written.iter().copied().filter(|&b| b != 0).collect();
    Some((keep, Repair { line, dropped }))
}

/// A whole line of the log as Roundtable writes it: indented, one event in
/// parentheses, a comma; UTF-8 without zero bytes (RON escapes those in a text).
fn is_event_line(line: &[u8]) -> bool {
    line.starts_with(EVENT_INDENT.as_bytes())
        && line[EVENT_INDENT.len()..].starts_with(b"(")
        && line.ends_with(b"),")
        && !line.contains(&0)
        && std::str::from_utf8(line).is_ok()
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack
        .windows(needle.len())
        .position(|window| window == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEAD: &str = "(\n    format: 1,\n    log: [\n";
    const ONE: &str = "        (seq:1, kind:Started),\n";
    const TWO: &str = "        (seq:2, kind:NoteAdded((text:\"論壇\"))),\n";

    fn file(parts: &[&str]) -> Vec<u8> {
        parts.concat().into_bytes()
    }

    #[test]
    fn a_whole_file_has_nothing_to_cut() {
        assert_eq!(cut(&file(&[HEAD, ONE, TWO, TAIL])), None);
    }

    #[test]
    fn every_cut_inside_the_last_line_or_the_close_is_found() {
        let whole = file(&[HEAD, ONE, TWO, TAIL]);
        let two_starts = HEAD.len() + ONE.len();
        let two_ends = two_starts + TWO.len();
        for at in two_starts..whole.len() {
            let (keep, repair) = cut(&whole[..at]).expect("an interrupted append");
            let (expected_keep, line) = if at < two_ends {
                (two_starts, 5)
            } else {
                (two_ends, 6)
            };
            assert_eq!(keep, expected_keep, "cut at {at}");
            assert_eq!(repair.line, line, "cut at {at}");
            assert_eq!(repair.dropped, whole[keep..at], "cut at {at}");
            // Nothing of an event is lost until its line shows more than its indent.
            let event_begun = at > two_starts + EVENT_INDENT.len();
            assert_eq!(
                repair.lost_an_event(),
                at < two_ends && event_begun,
                "cut at {at}"
            );
        }
    }

    #[test]
    fn zero_bytes_where_the_file_grew_are_not_part_of_what_was_dropped() {
        let mut grown = file(&[HEAD, ONE, "        (seq:2, kind:No"]);
        grown.extend([0; 40]);
        let (keep, repair) = cut(&grown).expect("an interrupted append");
        assert_eq!(keep, HEAD.len() + ONE.len());
        assert_eq!(repair.dropped, b"        (seq:2, kind:No");
        // The close still in place and the new length all zeros: nothing of the
        // meeting is lost.
        let mut unwritten = file(&[HEAD, ONE, TAIL]);
        unwritten.extend([0; 40]);
        let (_, repair) = cut(&unwritten).expect("an interrupted append");
        assert!(!repair.lost_an_event());
    }

    #[test]
    fn a_mistake_in_the_middle_of_the_log_is_not_an_unfinished_end() {
        let broken = file(&[HEAD, "        (seq:1, kind:Start\n", TWO, TAIL]);
        assert_eq!(cut(&broken), None);
        // Nor is a file of another layout.
        assert_eq!(cut(b"(format: 1, log: [(seq:1"), None);
    }

    #[test]
    fn the_preview_is_printable_and_short() {
        let repair = Repair {
            line: 3,
            dropped: format!("        (seq:9, text:\"\u{1b}[2J{}", "長".repeat(200)).into_bytes(),
        };
        let preview = repair.preview();
        assert!(!preview.contains('\u{1b}'), "{preview}");
        assert_eq!(preview.chars().count(), 41, "{preview}");
        assert!(preview.ends_with('…'));
    }
}
