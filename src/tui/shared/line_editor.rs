//! One line of text being typed: the notes input line and every dialog field.
//!
//! Chinese arrives from the input method as ordinary characters (crossterm sends one
//! key event per character, or a paste); the cursor moves by character and is drawn
//! by display width, so it sits right after a wide character, where the input method
//! expects it.

use crate::width::char_width;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LineEditor {
    text: String,
    /// Byte offset of the cursor, always on a character boundary.
    cursor: usize,
}

impl LineEditor {
    pub fn new() -> LineEditor {
        LineEditor::default()
    }

    pub fn with_text(text: &str) -> LineEditor {
        let mut editor = LineEditor::new();
        editor.insert_str(text);
        editor
    }

    pub fn as_str(&self) -> &str {
        &self.text
    }

    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    pub fn clear(&mut self) {
        self.text.clear();
        self.cursor = 0;
    }

    pub fn insert_char(&mut self, c: char) {
        // A line holds no control characters: a pasted tab becomes a space, anything
        // else invisible is dropped so widths stay true.
        let c = if c == '\t' || c == '\n' || c == '\r' {
            ' '
        } else {
            c
        };
        if c.is_control() {
            return;
        }
        self.text.insert(self.cursor, c);
        self.cursor += c.len_utf8();
    }

    /// Inserts pasted text; line breaks become spaces, since a note is one line here.
    pub fn insert_str(&mut self, s: &str) {
        let s = s.replace("\r\n", "\n");
        let mut last_was_break = false;
        for c in s.chars() {
            let is_break = c == '\n' || c == '\r';
            if is_break && last_was_break {
                continue;
            }
            last_was_break = is_break;
            self.insert_char(c);
        }
    }

    pub fn left(&mut self) {
        if let Some(c) = self.text[..self.cursor].chars().next_back() {
            self.cursor -= c.len_utf8();
        }
    }

    pub fn right(&mut self) {
        if let Some(c) = self.text[self.cursor..].chars().next() {
            self.cursor += c.len_utf8();
        }
    }

    pub fn home(&mut self) {
        self.cursor = 0;
    }

    pub fn end(&mut self) {
        self.cursor = self.text.len();
    }

    pub fn backspace(&mut self) {
        if let Some(c) = self.text[..self.cursor].chars().next_back() {
            self.cursor -= c.len_utf8();
            self.text.remove(self.cursor);
        }
    }

    pub fn delete(&mut self) {
        if self.cursor < self.text.len() {
            self.text.remove(self.cursor);
        }
    }

    /// The part of the line that fits in `columns` columns, scrolled so the cursor is
    /// visible, and the cursor's column within it.
    pub fn visible(&self, columns: usize) -> (String, usize) {
        if columns == 0 {
            return (String::new(), 0);
        }
        // Back from the cursor, as much as fits left of it (one column is kept free
        // for the cursor itself): the cost is the width of the view, not the length
        // of the line, which a long paste makes thousands of characters.
        let room = columns - 1;
        let mut start = self.cursor;
        let mut shown_before = 0;
        for (i, c) in self.text[..self.cursor].char_indices().rev() {
            let w = char_width(c);
            if shown_before + w > room {
                break;
            }
            shown_before += w;
            start = i;
        }
        let mut out = String::new();
        let mut used = 0;
        for c in self.text[start..].chars() {
            let w = char_width(c);
            if used + w > columns {
                break;
            }
            out.push(c);
            used += w;
        }
        (out, shown_before)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::width::width;
    use proptest::prelude::*;

    #[test]
    fn typing_chinese_moves_the_cursor_by_two_columns() {
        let mut e = LineEditor::new();
        for c in "王委員：同意".chars() {
            e.insert_char(c);
        }
        assert_eq!(e.as_str(), "王委員：同意");
        assert_eq!(e.visible(40), ("王委員：同意".to_owned(), 12));
        e.left();
        e.backspace();
        assert_eq!(e.as_str(), "王委員：意");
        assert_eq!(e.visible(40).1, 8);
    }

    #[test]
    fn a_long_line_scrolls_to_keep_the_cursor_in_view() {
        let e = LineEditor::with_text("一二三四五六七八九十");
        let (shown, cursor) = e.visible(7);
        assert!(width(&shown) <= 7);
        assert!(shown.ends_with('十'));
        assert!(cursor <= 6);
    }

    #[test]
    fn paste_turns_line_breaks_into_spaces_and_drops_control_characters() {
        let mut e = LineEditor::new();
        e.insert_str("第一行\r\n第二行\u{7}");
        assert_eq!(e.as_str(), "第一行 第二行");
    }

    #[test]
    fn the_end_of_a_long_paste_shows_at_the_cursor() {
        let text: String = (0..20_000).map(|n| format!("{n:05}")).collect();
        let e = LineEditor::with_text(&text);
        let (shown, cursor) = e.visible(80);
        assert_eq!(shown, text[text.len() - 79..]);
        assert_eq!(cursor, 79);
    }

    /// The view as it was first computed, from the start of the line: the reference
    /// the walk back from the cursor must agree with.
    fn visible_from_the_start(e: &LineEditor, columns: usize) -> (String, usize) {
        if columns == 0 {
            return (String::new(), 0);
        }
        let mut skip_cols = width(&e.text[..e.cursor]).saturating_sub(columns - 1);
        let mut start = 0;
        for (i, c) in e.text.char_indices() {
            if skip_cols == 0 {
                start = i;
                break;
            }
            skip_cols = skip_cols.saturating_sub(char_width(c));
            start = i + c.len_utf8();
        }
        let mut out = String::new();
        let mut used = 0;
        for c in e.text[start..].chars() {
            if used + char_width(c) > columns {
                break;
            }
            out.push(c);
            used += char_width(c);
        }
        (out, width(&e.text[start..e.cursor]))
    }

    proptest! {
        #[test]
        fn the_view_is_the_same_whichever_end_it_is_measured_from(
            pieces in proptest::collection::vec(
                prop_oneof![Just("a"), Just("一"), Just("e\u{301}"), Just("😀"), Just(" ")],
                0..40,
            ),
            lefts in 0usize..45,
            columns in 0usize..12,
        ) {
            let mut e = LineEditor::with_text(&pieces.concat());
            for _ in 0..lefts {
                e.left();
            }
            prop_assert_eq!(e.visible(columns), visible_from_the_start(&e, columns));
        }
    }
}
