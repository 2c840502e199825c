//! Display-width text helpers. A CJK character takes two terminal columns, so every
//! pad, cut and wrap here counts columns (`unicode-width`), never bytes or chars;
//! otherwise a row with a Chinese name pushes the next column out of line.
//!
//! And which characters text may show at all ([`printable`]): the one rule every
//! output of the program follows, the screens, `check` and every file it writes.

use std::borrow::Cow;

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// What is shown where text was cut.
const ELLIPSIS: char = '…';

/// Whether a character is left out of text the program writes anywhere: a control
/// character (ESC, BEL, NUL, DEL, the C1 range), which a terminal obeys rather than
/// shows (an OSC sequence in a name retitles the window, a CSI one moves the cursor
/// over what is on screen) and which XML 1.0 cannot hold even as a reference; and the
/// non-characters U+FFFE and U+FFFF, which XML 1.0 refuses too. Line breaks and tabs
/// are layout, and stay. On screen ratatui drops control characters the same way.
pub fn is_unprintable(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t') || c == '\u{fffe}' || c == '\u{ffff}'
}

/// `s` as every output writes it: without [unprintable](is_unprintable) characters.
///
/// Stripped, not escaped: the screens never showed them, so the minutes, the sign-in
/// sheet and `check` show the text the room saw; XML could only carry an escape as
/// visible text anyway; and a visible `\u{1b}` in published minutes would print the
/// attack it defuses. Borrowed when there is nothing to strip, which is nearly always.
pub fn printable(s: &str) -> Cow<'_, str> {
    if s.chars().any(is_unprintable) {
        Cow::Owned(s.chars().filter(|&c| !is_unprintable(c)).collect())
    } else {
        Cow::Borrowed(s)
    }
}

/// Columns a character takes; control characters take none (ratatui drops them).
pub fn char_width(c: char) -> usize {
    if c.is_control() {
        0
    } else {
        c.width().unwrap_or(0)
    }
}

/// Columns a string takes on screen.
pub fn width(s: &str) -> usize {
    if s.chars().any(char::is_control) {
        s.chars().map(char_width).sum()
    } else {
        s.width()
    }
}

/// `s` cut to at most `max` columns, with an ellipsis when something was cut.
pub fn truncate(s: &str, max: usize) -> String {
    if width(s) <= max {
        return s.chars().filter(|c| !c.is_control()).collect();
    }
    if max == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let w = char_width(c);
        if used + w > max - 1 {
            break;
        }
        used += w;
        if w > 0 {
            out.push(c);
        }
    }
    out.push(ELLIPSIS);
    out
}

/// `s` cut or padded with spaces to exactly `columns` columns. When a wide character
/// would straddle the edge it is dropped and a space fills its place, so the next
/// column always starts where it should.
pub fn fit(s: &str, columns: usize) -> String {
    let mut out = truncate(s, columns);
    let used = width(&out);
    out.extend(std::iter::repeat_n(' ', columns.saturating_sub(used)));
    out
}

/// `s` right-aligned in `columns` columns.
pub fn fit_right(s: &str, columns: usize) -> String {
    let cut = truncate(s, columns);
    let used = width(&cut);
    let mut out: String = std::iter::repeat_n(' ', columns.saturating_sub(used)).collect();
    out.push_str(&cut);
    out
}

/// Whether a line may break after this character without a hyphen: CJK text breaks
/// between any two characters, Latin text at spaces.
fn breaks_anywhere(c: char) -> bool {
    char_width(c) == 2
}

/// Splits `s` into lines of at most `columns` columns. Latin words move whole to the
/// next line when they fit there; CJK text breaks between any two characters; a word
/// longer than a line is cut. Newlines in the text are kept.
pub fn wrap(s: &str, columns: usize) -> Vec<String> {
    let columns = columns.max(1);
    let mut lines = Vec::new();
    for paragraph in s.split('\n') {
        wrap_paragraph(paragraph, columns, &mut lines);
    }
    if lines.is_empty() {
        lines.push(String::new());
    }
    lines
}

fn wrap_paragraph(paragraph: &str, columns: usize, lines: &mut Vec<String>) {
    let mut line = String::new();
    let mut used = 0;
    // Tokens: a run of narrow non-space characters (a word), one wide character, or
    // one space.
    let mut tokens: Vec<&str> = Vec::new();
    let mut start = None;
    for (i, c) in paragraph.char_indices() {
        let alone = c == ' ' || breaks_anywhere(c);
        if alone {
            if let Some(s) = start.take() {
                tokens.push(&paragraph[s..i]);
            }
            tokens.push(&paragraph[i..i + c.len_utf8()]);
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(s) = start {
        tokens.push(&paragraph[s..]);
    }
    for token in tokens {
        let w = width(token);
        if used + w <= columns {
            line.push_str(token);
            used += w;
            continue;
        }
        if token == " " {
            // A space at a line end is dropped rather than carried over.
            lines.push(std::mem::take(&mut line));
            used = 0;
            continue;
        }
        if w <= columns {
            lines.push(std::mem::take(&mut line).trim_end().to_owned());
            line.push_str(token);
            used = w;
            continue;
        }
        // A word longer than a line: cut it wherever it falls.
        for c in token.chars() {
            let cw = char_width(c);
            if used + cw > columns && !line.is_empty() {
                lines.push(std::mem::take(&mut line));
                used = 0;
            }
            line.push(c);
            used += cw;
        }
    }
    lines.push(line);
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn escape_sequences_lose_their_control_characters_and_layout_stays() {
        assert_eq!(
            printable("王委員\u{1b}]0;pwned\u{7}發言"),
            "王委員]0;pwned發言"
        );
        assert_eq!(printable("a\u{0}b\u{7f}c\u{9b}31md"), "abc31md");
        assert_eq!(printable("第一行\r\n第二行\t完"), "第一行\n第二行\t完");
        assert_eq!(printable("\u{fffe}\u{ffff}"), "");
        assert!(matches!(printable("陳怡君 Chen"), Cow::Borrowed(_)));
    }

    proptest! {
        #[test]
        fn printable_text_has_no_control_character_but_line_breaks_and_tabs(s in any::<String>()) {
            let out = printable(&s);
            prop_assert!(!out.chars().any(|c| c.is_control() && c != '\n' && c != '\t'));
            prop_assert_eq!(printable(&out), out.clone());
            prop_assert_eq!(out.chars().filter(|c| !c.is_control()).count() <= s.chars().count(), true);
        }
    }

    #[test]
    fn a_chinese_name_takes_two_columns_a_character() {
        assert_eq!(width("陳怡君"), 6);
        assert_eq!(width("Chen"), 4);
    }

    #[test]
    fn fitting_pads_and_cuts_by_columns_not_characters() {
        assert_eq!(fit("陳怡君", 8), "陳怡君  ");
        assert_eq!(width(&fit("陳怡君", 8)), 8);
        // Five columns cannot hold three wide characters: two and an ellipsis.
        assert_eq!(fit("陳怡君", 5), "陳怡…");
        assert_eq!(fit("陳怡君", 4), "陳… ");
        assert_eq!(width(&fit("陳怡君", 5)), 5);
        assert_eq!(width(&fit("陳怡君", 4)), 4);
        assert_eq!(fit("abc", 0), "");
        assert_eq!(fit_right("12", 4), "  12");
    }

    #[test]
    fn wrapping_breaks_chinese_anywhere_and_english_at_spaces() {
        assert_eq!(
            wrap("公民投票電子連署", 6),
            vec!["公民投", "票電子", "連署"]
        );
        assert_eq!(wrap("open the vote now", 9), vec!["open the", "vote now"]);
        assert_eq!(wrap("abcdefghij", 4), vec!["abcd", "efgh", "ij"]);
        for line in wrap("系統原始碼 open source 於上線前公開", 7) {
            assert!(width(&line) <= 7, "{line:?}");
        }
        assert_eq!(wrap("", 5), vec![""]);
        assert_eq!(wrap("a\nb", 5), vec!["a", "b"]);
    }

    #[test]
    fn a_wide_character_never_lands_in_a_one_column_line() {
        // Nothing fits, but wrapping must still end.
        let lines = wrap("陳怡君", 1);
        assert_eq!(lines.len(), 3);
    }
}
