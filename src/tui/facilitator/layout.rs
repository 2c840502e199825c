//! Where each panel goes, as a pure function of the screen size. The view draws into
//! these rectangles and the mouse handler reads clicks against the same ones, so a
//! click lands on the row that was drawn there.
//!
//! Plain arithmetic rather than the constraint solver: it is cheap on every frame, and
//! it cannot produce anything but rectangles inside the screen.

use ratatui::layout::Rect;

use crate::tui::shared::layout::{MIN_HEIGHT, MIN_WIDTH, inner};

/// Rows at the top of the attendance panel for the balance and thresholds.
pub const ATTENDANCE_SUMMARY_ROWS: u16 = 3;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Areas {
    pub header: Rect,
    pub attendance: Rect,
    /// The speaking queue, under the attendance in the left column.
    pub speakers: Rect,
    pub agenda: Rect,
    pub motion: Rect,
    pub notes: Rect,
    /// A refusal or notice, when there is one.
    pub message: Option<Rect>,
    pub footer: Rect,
}

/// The panels' places on a screen of `area` under a header of `header_rows` (2, one
/// more with the note-taker link and one more with the room's page), or `None` when it
/// is too small.
pub fn areas(area: Rect, header_rows: u16, has_message: bool) -> Option<Areas> {
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        return None;
    }
    let header_rows = header_rows.clamp(1, 4);
    let (x, y, w, h) = (area.x, area.y, area.width, area.height);
    let header = Rect::new(x, y, w, header_rows);
    let footer = Rect::new(x, y + h - 1, w, 1);
    let message_rows = u16::from(has_message);
    let message = has_message.then(|| Rect::new(x, y + h - 2, w, 1));
    let body = Rect::new(x, y + header_rows, w, h - header_rows - 1 - message_rows);

    let left_w = (w * 34 / 100).clamp(30, 46);
    let right_w = w - left_w;
    // The speaking queue takes the lower part of the left column: at 80×24 its
    // speaker, a few requests and a line of balance; more on a taller screen.
    let speakers_h = (body.height * 40 / 100).clamp(8, 16);
    let attendance = Rect::new(body.x, body.y, left_w, body.height - speakers_h);
    let speakers = Rect::new(
        body.x,
        body.y + body.height - speakers_h,
        left_w,
        speakers_h,
    );
    let right_x = body.x + left_w;
    let (agenda, motion, notes) = if right_w >= 76 {
        // Wide: agenda and motion side by side above the notes.
        let top_h = body.height * 52 / 100;
        let agenda_w = right_w * 45 / 100;
        (
            Rect::new(right_x, body.y, agenda_w, top_h),
            Rect::new(right_x + agenda_w, body.y, right_w - agenda_w, top_h),
            Rect::new(right_x, body.y + top_h, right_w, body.height - top_h),
        )
    } else {
        // Narrow: agenda, motion and notes stacked.
        let agenda_h = body.height * 30 / 100;
        let motion_h = body.height * 35 / 100;
        (
            Rect::new(right_x, body.y, right_w, agenda_h),
            Rect::new(right_x, body.y + agenda_h, right_w, motion_h),
            Rect::new(
                right_x,
                body.y + agenda_h + motion_h,
                right_w,
                body.height - agenda_h - motion_h,
            ),
        )
    };
    Some(Areas {
        header,
        attendance,
        speakers,
        agenda,
        motion,
        notes,
        message,
        footer,
    })
}

/// The speaking queue panel's parts: the speaker's row at the top, the balance of
/// voice at the bottom (a table on a tall panel, one line on a short one), the queue
/// between them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SpeakerParts {
    pub speaker: Rect,
    pub queue: Rect,
    pub balance: Rect,
}

/// Rows the balance of voice takes as a table: a heading and one row per voice.
pub const BALANCE_TABLE_ROWS: u16 = 5;

pub fn speaker_parts(panel: Rect) -> SpeakerParts {
    let i = inner(panel);
    let speaker_h = 1.min(i.height);
    let rest = i.height - speaker_h;
    // The table when it leaves the queue three rows, else one line.
    let balance_h = if rest >= BALANCE_TABLE_ROWS + 3 {
        BALANCE_TABLE_ROWS
    } else {
        1.min(rest)
    };
    let queue_h = rest - balance_h;
    SpeakerParts {
        speaker: Rect::new(i.x, i.y, i.width, speaker_h),
        queue: Rect::new(i.x, i.y + speaker_h, i.width, queue_h),
        balance: Rect::new(i.x, i.y + speaker_h + queue_h, i.width, balance_h),
    }
}

/// The attendance summary (balance, thresholds) at the top of the panel.
pub fn attendance_summary(panel: Rect) -> Rect {
    let i = inner(panel);
    Rect::new(i.x, i.y, i.width, ATTENDANCE_SUMMARY_ROWS.min(i.height))
}

/// The attendance list, under the summary.
pub fn attendance_list(panel: Rect) -> Rect {
    let i = inner(panel);
    let top = ATTENDANCE_SUMMARY_ROWS.min(i.height);
    Rect::new(i.x, i.y + top, i.width, i.height - top)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::shared::layout::{centered, notes_timeline};

    fn inside(outer: Rect, r: Rect) -> bool {
        r.x >= outer.x
            && r.y >= outer.y
            && r.right() <= outer.right()
            && r.bottom() <= outer.bottom()
    }

    #[test]
    fn every_panel_lies_inside_the_screen_at_every_size_from_the_minimum() {
        for w in MIN_WIDTH..=200 {
            for h in [24, 25, 30, 40, 60] {
                for (message, header) in [(false, 2), (true, 2), (false, 3), (true, 3), (true, 4)] {
                    let screen = Rect::new(0, 0, w, h);
                    let a = areas(screen, header, message).expect("big enough");
                    for r in [
                        a.header,
                        a.attendance,
                        a.speakers,
                        a.agenda,
                        a.motion,
                        a.notes,
                        a.footer,
                    ] {
                        assert!(inside(screen, r), "{r:?} outside {screen:?}");
                        assert!(r.height >= 1, "{w}×{h}: empty panel {r:?}");
                    }
                    assert!(a.motion.height >= 6, "{w}×{h}: motion {:?}", a.motion);
                    assert!(a.notes.height >= 5, "{w}×{h}: notes {:?}", a.notes);
                    // The speaker's row, two requests and a line of balance.
                    let parts = speaker_parts(a.speakers);
                    assert!(parts.queue.height >= 2, "{w}×{h}: queue {parts:?}");
                    assert_eq!(parts.balance.height.min(1), 1, "{w}×{h}: {parts:?}");
                    assert!(
                        attendance_list(a.attendance).height >= 4,
                        "{w}×{h}: attendance {:?}",
                        a.attendance
                    );
                    assert_eq!(a.attendance.bottom(), a.speakers.y);
                }
            }
        }
    }

    #[test]
    fn smaller_than_80_by_24_is_too_small() {
        assert!(areas(Rect::new(0, 0, 79, 24), 2, false).is_none());
        assert!(areas(Rect::new(0, 0, 80, 23), 2, false).is_none());
        assert!(areas(Rect::new(0, 0, 1, 1), 3, false).is_none());
    }

    #[test]
    fn tiny_panels_give_empty_rectangles_not_panics() {
        let tiny = Rect::new(0, 0, 1, 1);
        assert_eq!(inner(tiny).width, 0);
        assert_eq!(attendance_list(tiny).height, 0);
        assert_eq!(notes_timeline(tiny, true).height, 0);
        assert_eq!(centered(tiny, 40, 10), Rect::new(0, 0, 1, 1));
    }
}
