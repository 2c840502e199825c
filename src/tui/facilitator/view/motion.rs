//! The motion panel: the motion of the current item, where it is in the procedure,
//! the objections of this round with who and why, each count against its threshold,
//! and the outcome as a banner the back row can read.
//!
//! The banner is a band of colour three rows tall with the outcome letter-spaced in
//! bold: terminal cells cannot be scaled, and a big-text font (tui-big-text) has no
//! Chinese glyphs, while 共識通過 is what the room must read.

use crate::i18n::screen as s;
use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use super::panel_block;
use crate::domain::{Lang, MotionState, Stage, Step, VoteResult};
use crate::i18n;
use crate::tui::facilitator::action::Panel;
use crate::tui::facilitator::app::App;
use crate::tui::shared::layout::inner;
use crate::tui::shared::theme;
use crate::tui::shared::view::put;
use crate::width::wrap;
use crate::width::{truncate, width};

pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    if app.follow_up_shown() {
        // The follow-up item has no motion: the room decides on the table instead.
        super::follow_up::render(app, frame, area);
        return;
    }
    let lang = app.lang;
    let state = app.state();
    let motions = app.shown_motions();
    let selected = app.motion.selected.min(motions.len().saturating_sub(1));
    let counter = if motions.len() > 1 {
        format!("[{}/{}]", selected + 1, motions.len())
    } else {
        String::new()
    };
    frame.render_widget(panel_block(app, Panel::Motion, &counter), area);
    let inner = inner(area);
    let buf = frame.buffer_mut();
    let Some(&index) = motions.get(selected) else {
        let takes_motions = app
            .item_in_view()
            .and_then(|i| state.items.get(i))
            .is_some_and(|i| i.item.section.takes_motions());
        let hint = if takes_motions {
            s::NO_MOTION_YET
        } else {
            s::NO_MOTION
        };
        for (y, line) in wrap(hint.get(lang), usize::from(inner.width))
            .iter()
            .enumerate()
            .take(usize::from(inner.height))
        {
            put(buf, inner, 0, y as u16, line, theme::dim());
        }
        return;
    };
    let m = &state.motions[index];
    let w = usize::from(inner.width);

    // What the procedure has to show, most important last so it sits nearest the
    // banner; the motion's text gives way first when rows are short.
    let procedure = procedure_lines(app, m, w);
    let banner_rows: u16 = match m.outcome() {
        Some(_) if inner.height >= 9 => 3,
        Some(_) => 1.min(inner.height),
        None => 0,
    };
    let rows_above = inner.height.saturating_sub(banner_rows);

    // Row 0: the stage.
    let stage = i18n::stage(m.stage).get(lang);
    let stage_style = match m.stage {
        Stage::Closed(o) => theme::outcome(o),
        Stage::AwaitingChair => theme::warning(),
        _ => theme::heading(),
    };
    let x = put(buf, inner, 0, 0, &s::bracket(stage, lang), stage_style);
    if let Some(proposer) = &m.motion.proposer {
        let text = format!(
            "{} {}",
            s::PROPOSER.get(lang),
            crate::tui::shared::people::speaker_name(state, proposer, lang)
        );
        let room = usize::from(inner.width.saturating_sub(x + 2));
        put(buf, inner, x + 2, 0, &truncate(&text, room), theme::dim());
    }

    let text_lines = wrap(m.motion.text.get(lang), w);
    let free = usize::from(rows_above).saturating_sub(1);
    let text_rows = text_lines
        .len()
        .min(free.saturating_sub(procedure.len()).max(1.min(free)))
        .min(4);
    let mut y: u16 = 1;
    for (n, line) in text_lines.iter().take(text_rows).enumerate() {
        let cut = n + 1 == text_rows && text_lines.len() > text_rows;
        let shown = if cut {
            truncate(&format!("{line}…"), w)
        } else {
            line.clone()
        };
        put(buf, inner, 0, y, &shown, theme::bold());
        y += 1;
    }

    // The procedure: if it does not fit, its latest lines are the ones kept.
    let room = usize::from(rows_above.saturating_sub(y));
    let skip = procedure.len().saturating_sub(room);
    for (line, style) in procedure.iter().skip(skip) {
        put(buf, inner, 0, y, line, *style);
        y += 1;
    }

    if let Some(outcome) = m.outcome() {
        let banner = Rect::new(
            inner.x,
            inner.y + inner.height - banner_rows,
            inner.width,
            banner_rows,
        );
        draw_banner(
            buf,
            banner,
            i18n::outcome(outcome).get(lang),
            theme::outcome(outcome),
            lang,
        );
    }
}

/// The lines of the procedure so far, each with the style that carries its meaning.
fn procedure_lines(app: &App, m: &MotionState, w: usize) -> Vec<(String, Style)> {
    let lang = app.lang;
    let state = app.state();
    let rules = state.rules();
    let mut lines = Vec::new();

    if !m.rounds.is_empty() {
        let objections: Vec<_> = m.current_objections().collect();
        let head = if objections.is_empty() {
            format!(
                "{}{}{}",
                s::round(m.round(), lang),
                i18n::colon(lang),
                s::NO_OBJECTIONS_YET.get(lang)
            )
        } else {
            s::round(m.round(), lang)
        };
        push(&mut lines, &head, theme::dim(), w);
        for o in objections {
            let (label, style) = match (o.blocking, o.by_member()) {
                (true, _) => (s::BLOCKING.get(lang), theme::not_adopted()),
                (false, true) => (s::RESERVATION.get(lang), theme::left()),
                (false, false) => (s::NON_MEMBER_VIEW.get(lang), theme::left()),
            };
            let who = crate::tui::shared::people::speaker_name(state, &o.speaker, lang);
            let reason = o.reason.get(lang);
            let line = if reason.is_empty() {
                format!("{label} {who}")
            } else {
                format!("{label} {who}{}{reason}", i18n::colon(lang))
            };
            push(&mut lines, &line, style, w);
        }
    }

    if let Some(consent) = m.consents.last() {
        let present = consent.stamp.present.total();
        let rule = i18n::threshold_words(rules.consent_to_vote, lang);
        let line = s::consent_counts(consent.agree, consent.needed, present, &rule, lang);
        let style = if consent.passed {
            theme::ok()
        } else {
            theme::not_adopted()
        };
        push(&mut lines, &line, style, w);
    }
    if m.stage.allows(Step::TakeConsent).is_ok() {
        let live = state.live_thresholds();
        let rule = i18n::threshold_words(rules.consent_to_vote, lang);
        let line = s::consent_needed(live.to_open_vote, live.present, &rule, lang);
        push(&mut lines, &line, theme::bold(), w);
    }
    if m.stage.allows(Step::CountVote).is_ok() {
        let rule = i18n::threshold_words(rules.adoption, lang);
        let line = s::vote_needed(
            state.adoption_needed(m),
            state.vote_denominator(m),
            &rule,
            lang,
        );
        push(&mut lines, &line, theme::bold(), w);
    }
    if let Some(vote) = &m.vote {
        let (yes, no, abstain) = vote.tally.counts();
        let rule = i18n::threshold_words(rules.adoption, lang);
        let line = s::vote_counts(yes, vote.needed, vote.denominator, &rule, lang);
        let style = match vote.result {
            VoteResult::Adopted => theme::ok(),
            VoteResult::NotAdopted => theme::not_adopted(),
            VoteResult::EvenSplit => theme::warning(),
        };
        push(&mut lines, &line, style, w);
        lines.push((
            truncate(&s::against_abstain(no, abstain, lang), w),
            theme::bold(),
        ));
    }
    if m.stage == Stage::AwaitingChair {
        push(&mut lines, s::EVEN_SPLIT.get(lang), theme::warning(), w);
    }
    lines
}

/// Adds `text` wrapped to `w` columns: a count against its threshold is worth two rows
/// rather than being cut.
fn push(lines: &mut Vec<(String, Style)>, text: &str, style: Style, w: usize) {
    for line in wrap(text, w) {
        lines.push((line, style));
    }
}

/// The outcome across the panel in a band of its colour, letter-spaced when it fits.
fn draw_banner(buf: &mut Buffer, area: Rect, label: &str, style: Style, lang: Lang) {
    let area = area.intersection(buf.area);
    if area.is_empty() {
        return;
    }
    buf.set_style(area, style);
    let shown = if lang == Lang::En {
        label.to_uppercase()
    } else {
        label.to_owned()
    };
    let spaced: String = shown
        .chars()
        .flat_map(|c| [c, ' '])
        .collect::<String>()
        .trim_end()
        .to_owned();
    let w = usize::from(area.width);
    let text = if width(&spaced) <= w {
        spaced
    } else {
        truncate(&shown, w)
    };
    let x = (area.width.saturating_sub(width(&text) as u16)) / 2;
    put(buf, area, x, area.height / 2, &text, style);
}
