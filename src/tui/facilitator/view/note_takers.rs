//! The note-takers' list, over the screen: the address and the join code (in letters
//! large enough to read from the back of the room), who is connected, who was turned
//! away at the door and from where, and the keys to disconnect, revoke and issue a new code.

use crate::i18n::note_taking;
use ratatui::Frame;
use ratatui::layout::Rect;

use crate::tui::facilitator::app::App;
use crate::tui::facilitator::keys::KEYS;
use crate::tui::facilitator::link_panel::LinkPanel;
use crate::tui::shared::dialog::{framed, hints_row};
use crate::tui::shared::keys::Context;
use crate::tui::shared::layout::centered;
use crate::tui::shared::theme;
use crate::tui::shared::view::{put, style_row};
use crate::width::{fit, width};

/// How many wrong attempts the list shows.
const ATTEMPTS_SHOWN: usize = 4;

pub fn render(app: &App, link: &LinkPanel, frame: &mut Frame, screen: Rect) {
    let lang = app.lang;
    let attempts = link.attempts.len().min(ATTEMPTS_SHOWN);
    let rows =
        2 + BIG_ROWS + 2 + link.connected.len().max(1) as u16 + 2 + attempts.max(1) as u16 + 2;
    let area = centered(screen, screen.width.saturating_sub(4).min(80), rows + 2);
    let body = framed(frame, area, note_taking::NOTE_TAKERS_TITLE.get(lang));
    let buf = frame.buffer_mut();
    let label_w =
        width(note_taking::JOIN_CODE.get(lang)).max(width(note_taking::ADDRESS.get(lang)));
    let x = put(
        buf,
        body,
        0,
        0,
        &fit(note_taking::ADDRESS.get(lang), label_w),
        theme::dim(),
    );
    put(buf, body, x + 1, 0, &link.address, theme::bold());
    let x = put(
        buf,
        body,
        0,
        1,
        &fit(note_taking::JOIN_CODE.get(lang), label_w),
        theme::dim(),
    );
    let code = link.code.to_string();
    put(buf, body, x + 1, 1, &code, theme::bold());
    let big = big_text(&code);
    let big_w = big.first().map_or(0, |r| width(r)) as u16;
    let big_x = body.width.saturating_sub(big_w) / 2;
    for (n, line) in big.iter().enumerate() {
        put(buf, body, big_x, 2 + n as u16, line, theme::bold());
    }

    let mut y = 2 + BIG_ROWS + 1;
    put(
        buf,
        body,
        0,
        y,
        &format!(
            "{}{}",
            note_taking::CONNECTED.get(lang),
            crate::i18n::parenthesised(&link.connected.len().to_string(), lang)
        ),
        theme::heading(),
    );
    y += 1;
    if link.connected.is_empty() {
        put(
            buf,
            body,
            2,
            y,
            note_taking::NO_NOTE_TAKERS.get(lang),
            theme::dim(),
        );
        y += 1;
    }
    let name_w = link
        .connected
        .iter()
        .map(|n| width(&n.name))
        .max()
        .unwrap_or(0)
        .min(20);
    for (i, note_taker) in link.connected.iter().enumerate() {
        let text = format!("  {}  {}", fit(&note_taker.name, name_w), note_taker.peer);
        put(buf, body, 0, y, &text, theme::dialog());
        if i == link.selected {
            style_row(buf, body, y, theme::selected(true));
        }
        y += 1;
    }
    y += 1;
    put(
        buf,
        body,
        0,
        y,
        note_taking::TURNED_AWAY_AT_THE_DOOR.get(lang),
        theme::heading(),
    );
    y += 1;
    if link.attempts.is_empty() {
        put(
            buf,
            body,
            2,
            y,
            note_taking::NONE_YET.get(lang),
            theme::dim(),
        );
    }
    for attempt in link.attempts.iter().rev().take(ATTEMPTS_SHOWN) {
        put(buf, body, 2, y, &attempt.sentence(lang), theme::left());
        y += 1;
    }

    // The keys, from the key table.
    let hints: Vec<_> = KEYS
        .hints(&[Context::NoteTakers])
        .into_iter()
        .filter(|b| app.offers(b.action))
        .collect();
    hints_row(buf, body, &hints, lang);
}

/// Rows the large letters take.
pub const BIG_ROWS: u16 = 3;

/// `text` in letters five cells wide and three rows high (a 5×5 font drawn with half
/// blocks), one cell between letters. Characters without a glyph are blank.
pub fn big_text(text: &str) -> Vec<String> {
    let mut rows = vec![String::new(); usize::from(BIG_ROWS)];
    for (n, c) in text.chars().enumerate() {
        let glyph = glyph(c);
        for (r, row) in rows.iter_mut().enumerate() {
            if n > 0 {
                row.push(' ');
            }
            for x in 0..5 {
                let top = pixel(&glyph, x, 2 * r);
                let bottom = pixel(&glyph, x, 2 * r + 1);
                row.push(match (top, bottom) {
                    (true, true) => '█',
                    (true, false) => '▀',
                    (false, true) => '▄',
                    (false, false) => ' ',
                });
            }
        }
    }
    rows
}

fn pixel(glyph: &[&str; 5], x: usize, y: usize) -> bool {
    glyph
        .get(y)
        .and_then(|row| row.as_bytes().get(x))
        .is_some_and(|b| *b == b'#')
}

/// The join code's alphabet (digits 2–9, letters without I, L, O, U) and the dash.
fn glyph(c: char) -> [&'static str; 5] {
    match c.to_ascii_uppercase() {
        '2' => ["####.", "....#", ".###.", "#....", "#####"],
        '3' => ["####.", "....#", ".###.", "....#", "####."],
        '4' => ["#...#", "#...#", "#####", "....#", "....#"],
        '5' => ["#####", "#....", "####.", "....#", "####."],
        '6' => [".###.", "#....", "####.", "#...#", ".###."],
        '7' => ["#####", "....#", "...#.", "..#..", "..#.."],
        '8' => [".###.", "#...#", ".###.", "#...#", ".###."],
        '9' => [".###.", "#...#", ".####", "....#", ".###."],
        'A' => [".###.", "#...#", "#####", "#...#", "#...#"],
        'B' => ["####.", "#...#", "####.", "#...#", "####."],
        'C' => [".####", "#....", "#....", "#....", ".####"],
        'D' => ["####.", "#...#", "#...#", "#...#", "####."],
        'E' => ["#####", "#....", "####.", "#....", "#####"],
        'F' => ["#####", "#....", "####.", "#....", "#...."],
        'G' => [".####", "#....", "#..##", "#...#", ".###."],
        'H' => ["#...#", "#...#", "#####", "#...#", "#...#"],
        'J' => ["..###", "...#.", "...#.", "#..#.", ".##.."],
        'K' => ["#...#", "#..#.", "###..", "#..#.", "#...#"],
        'M' => ["#...#", "##.##", "#.#.#", "#...#", "#...#"],
        'N' => ["#...#", "##..#", "#.#.#", "#..##", "#...#"],
        'P' => ["####.", "#...#", "####.", "#....", "#...."],
        'Q' => [".###.", "#...#", "#.#.#", "#..#.", ".##.#"],
        'R' => ["####.", "#...#", "####.", "#..#.", "#...#"],
        'S' => [".####", "#....", ".###.", "....#", "####."],
        'T' => ["#####", "..#..", "..#..", "..#..", "..#.."],
        'V' => ["#...#", "#...#", "#...#", ".#.#.", "..#.."],
        'W' => ["#...#", "#...#", "#.#.#", "##.##", "#...#"],
        'X' => ["#...#", ".#.#.", "..#..", ".#.#.", "#...#"],
        'Y' => ["#...#", ".#.#.", "..#..", "..#..", "..#.."],
        'Z' => ["#####", "...#.", "..#..", ".#...", "#####"],
        '-' => [".....", ".....", ".###.", ".....", "....."],
        _ => ["....."; 5],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::net::code::ALPHABET;

    #[test]
    fn every_character_of_a_join_code_has_a_glyph() {
        for &b in ALPHABET {
            let g = glyph(char::from(b));
            assert!(g.iter().any(|row| row.contains('#')), "{}", char::from(b));
            assert!(g.iter().all(|row| row.len() == 5));
        }
        let big = big_text("K7QM-4TXP");
        assert_eq!(big.len(), 3);
        assert!(big.iter().all(|row| width(row) == 9 * 6 - 1));
    }
}
