//! The speaking queue: who speaks now with their time counting down (warned near the
//! end, the overrun in red), who waits in order, and the balance of voice (speaking
//! time and turns by side) on the item and over the meeting.

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::panel_block;
use crate::domain::{Voice, VoiceBalance};
use crate::i18n::{self, screen as s};
use crate::tui::facilitator::action::Panel;
use crate::tui::facilitator::app::App;
use crate::tui::facilitator::layout::speaker_parts;
use crate::tui::shared::people::speaker_name;
use crate::tui::shared::theme;
use crate::tui::shared::view::{countdown, minutes_seconds, put, style_row};
use crate::width::{fit, fit_right, truncate, width};

pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    let queue = app.queue_in_view();
    let extra = if queue.is_empty() {
        String::new()
    } else {
        s::waiting(queue.len(), app.lang)
    };
    frame.render_widget(panel_block(app, Panel::Speakers, &extra), area);
    let parts = speaker_parts(area);
    let buf = frame.buffer_mut();
    speaker_row(app, buf, parts.speaker);
    queue_rows(app, buf, parts.queue);
    balance(app, buf, parts.balance);
}

/// Who has the floor and their time, or the time each speaker has here.
fn speaker_row(app: &App, buf: &mut Buffer, area: Rect) {
    let lang = app.lang;
    let state = app.state();
    let room = usize::from(area.width);
    match state.speaking_now() {
        Some(turn) => {
            let (left, style) = countdown(turn.remaining(app.now), turn.phase(app.now));
            let allowed = format!("/{}", minutes_seconds(turn.allowed()));
            let time = if turn.is_paused() {
                format!(" {} {left}", s::PAUSED.get(lang))
            } else {
                format!(" {left}")
            };
            let with_allowed = width(&time) + width(&allowed) + 8 <= room;
            let time_w = width(&time) + if with_allowed { width(&allowed) } else { 0 };
            let mark = if turn.is_paused() { "⏸ " } else { "▶ " };
            let name = speaker_name(state, &turn.speaker, lang);
            let x = put(buf, area, 0, 0, mark, theme::current_item());
            let name_w = room.saturating_sub(usize::from(x) + time_w);
            put(buf, area, x, 0, &fit(name, name_w), theme::bold());
            let x = area.width.saturating_sub(time_w as u16);
            let x = put(buf, area, x, 0, &time, style);
            if with_allowed {
                put(buf, area, x, 0, &allowed, theme::dim());
            }
        }
        None => {
            let item = app
                .item_in_view()
                .and_then(|i| state.items.get(i))
                .map(|i| &i.item.id);
            let limit = state.speaking_limit(item);
            let each = format!(
                "{} {}",
                s::PER_SPEAKER.get(lang),
                minutes_seconds(i64::from(limit))
            );
            let each_w = width(&each);
            put(
                buf,
                area,
                0,
                0,
                &truncate(
                    s::NOBODY_SPEAKING.get(lang),
                    room.saturating_sub(each_w + 1),
                ),
                theme::dim(),
            );
            if each_w < room {
                put(buf, area, (room - each_w) as u16, 0, &each, theme::dim());
            }
        }
    }
}

/// The queue in order, numbered, each with the voice they speak for.
fn queue_rows(app: &App, buf: &mut Buffer, area: Rect) {
    let lang = app.lang;
    let state = app.state();
    let queue = app.queue_in_view();
    if area.height == 0 {
        return;
    }
    if queue.is_empty() {
        put(
            buf,
            area,
            0,
            0,
            &truncate(s::QUEUE_EMPTY.get(lang), usize::from(area.width)),
            theme::dim(),
        );
        return;
    }
    let list = &app.speakers.list;
    let height = usize::from(area.height);
    let start = list.window_start(height, queue.len());
    let focused = app.focus == Panel::Speakers && app.dialog.is_none();
    let room = usize::from(area.width);
    for (i, request) in queue.iter().enumerate().skip(start).take(height) {
        let y = (i - start) as u16;
        let voice = i18n::voice_short(state.voice_of(&request.speaker)).get(lang);
        let number = format!("{:>2} ", i + 1);
        let voice_w = width(voice);
        let name_w = room.saturating_sub(width(&number) + voice_w + 1);
        let x = put(buf, area, 0, y, &number, theme::dim());
        put(
            buf,
            area,
            x,
            y,
            &fit(speaker_name(state, &request.speaker, lang), name_w),
            theme::text(),
        );
        if voice_w < room {
            put(buf, area, (room - voice_w) as u16, y, voice, theme::dim());
        }
        if i == list.selected.min(queue.len() - 1) {
            style_row(buf, area, y, theme::selected(focused));
        }
    }
}

/// Speaking time and turns by voice: a table of the item and the meeting on a tall
/// panel, one line of shares on a short one.
fn balance(app: &App, buf: &mut Buffer, area: Rect) {
    if area.height == 0 {
        return;
    }
    let lang = app.lang;
    let state = app.state();
    let item = state.current_item().map(|i| &i.item.id);
    let meeting = state.voice(None, app.now);
    let on_item = item.map(|i| state.voice(Some(i), app.now));
    let room = usize::from(area.width);
    if area.height == 1 {
        // The item's shares while one is under way and someone spoke on it.
        let (scope, balance) = match &on_item {
            Some(b) if b.total_seconds() > 0 => (s::THIS_ITEM, b),
            _ => (s::WHOLE_MEETING, &meeting),
        };
        let mut line = scope.get(lang).to_owned();
        match balance.percentages() {
            Some(shares) => {
                for (voice, share) in Voice::ALL.iter().zip(shares) {
                    let (seconds, _) = balance.of(*voice);
                    if seconds > 0 || matches!(voice, Voice::Government | Voice::NonGovernment) {
                        line.push_str(&format!(
                            " {} {share}%",
                            i18n::voice_short(*voice).get(lang)
                        ));
                    }
                }
            }
            None => line.push_str(&format!(" {}", s::NOBODY_SPOKE.get(lang))),
        }
        put(buf, area, 0, 0, &truncate(&line, room), theme::dim());
        return;
    }
    let voices_w = Voice::ALL
        .iter()
        .map(|v| width(i18n::voice_short(*v).get(lang)))
        .max()
        .unwrap_or(4);
    // The table's name over the labels, where it leaves the columns their width.
    let heading_w = width(s::BALANCE_OF_VOICE.get(lang));
    let label_w = if room >= heading_w + 1 + 2 * 13 {
        heading_w.max(voices_w) + 1
    } else {
        voices_w + 1
    };
    let cell = |b: &VoiceBalance, voice: Voice, share: bool| {
        let (seconds, turns) = b.of(voice);
        let mut text = format!(
            "{} {}",
            minutes_seconds(seconds),
            s::turns_short(turns, lang)
        );
        if share {
            let at = Voice::ALL.iter().position(|v| *v == voice).unwrap_or(0);
            if let Some(shares) = b.percentages() {
                text.push_str(&format!(" {:>3}%", shares[at]));
            }
        }
        text
    };
    // Shares when both columns have room for them.
    let cell_w = (room.saturating_sub(label_w) / 2).max(1);
    let share = cell_w >= 14;
    let empty = VoiceBalance::default();
    let item_balance = on_item.as_ref().unwrap_or(&empty);
    let title = if heading_w < label_w {
        s::BALANCE_OF_VOICE.get(lang)
    } else {
        ""
    };
    let heading = format!(
        "{}{}{}",
        fit(title, label_w),
        fit_right(s::THIS_ITEM.get(lang), cell_w),
        fit_right(s::WHOLE_MEETING.get(lang), cell_w),
    );
    put(buf, area, 0, 0, &truncate(&heading, room), theme::heading());
    for (row, voice) in Voice::ALL.iter().enumerate() {
        let y = row as u16 + 1;
        let label = fit(i18n::voice_short(*voice).get(lang), label_w);
        let x = put(buf, area, 0, y, &label, theme::text());
        let text = format!(
            "{}{}",
            fit_right(&cell(item_balance, *voice, share), cell_w),
            fit_right(&cell(&meeting, *voice, share), cell_w)
        );
        put(
            buf,
            area,
            x,
            y,
            &truncate(&text, room.saturating_sub(usize::from(x))),
            theme::text(),
        );
    }
}
