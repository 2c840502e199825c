//! One line of text being typed: the notes input line and every dialog field.
//!
//! Chinese arrives from the input method as ordinary characters (crossterm sends one
//! key event per character, or a paste); the cursor moves by character and is drawn
//! by display width, so it sits right after a wide character, where the input method
//! expects it.

use crate::width::{char_width, width};

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
        let before = &self.text[..self.cursor];
        let cursor_col = width(before);
        // Keep one column free for the cursor itself.
        let mut skip_cols = cursor_col.saturating_sub(columns.saturating_sub(1));
        let mut start = 0;
        for (i, c) in self.text.char_indices() {
            if skip_cols == 0 {
                start = i;
                break;
            }
            let w = char_width(c);
            skip_cols = skip_cols.saturating_sub(w);
            start = i + c.len_utf8();
        }
        let shown_before = width(&self.text[start..self.cursor]);
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
}
