//! The agenda: items in the rules' order under their section labels, the current one
//! marked, each with its actual time against the plan.

use crate::i18n::screen as s;
use ratatui::Frame;
use ratatui::layout::Rect;

use super::panel_block;
use crate::domain::{Phase, item_warning_seconds};
use crate::i18n;
use crate::tui::facilitator::action::Panel;
use crate::tui::facilitator::app::App;
use crate::tui::facilitator::panels::AgendaRow;
use crate::tui::shared::layout::inner;
use crate::tui::shared::theme;
use crate::tui::shared::view::{put, style_row};
use crate::width::fit_right;
use crate::width::{fit, truncate, width};

pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    let lang = app.lang;
    let state = app.state();
    frame.render_widget(panel_block(app, Panel::Agenda, ""), area);
    let buf = frame.buffer_mut();
    let list = inner(area);
    let panel = &app.agenda;
    let height = usize::from(list.height);
    let start = panel.list.window_start(height, panel.rows.len());
    let focused = app.focus == Panel::Agenda && app.dialog.is_none();
    for (row, entry) in panel.rows.iter().enumerate().skip(start).take(height) {
        let y = (row - start) as u16;
        match *entry {
            AgendaRow::Section(section) => {
                put(
                    buf,
                    list,
                    0,
                    y,
                    &truncate(i18n::section(section).get(lang), usize::from(list.width)),
                    theme::heading(),
                );
            }
            AgendaRow::Item(i) => {
                let item = &state.items[i];
                let current = state.current_item == Some(i);
                let (mark, mark_style) = if current {
                    (">", theme::current_item())
                } else if item.ended.is_some() {
                    ("✓", theme::dim())
                } else {
                    (" ", theme::text())
                };
                put(buf, list, 0, y, mark, mark_style);
                let seconds = item.started.map(|started| {
                    let end = if current {
                        app.now
                    } else {
                        item.ended.unwrap_or(app.now)
                    };
                    (end - started).num_seconds()
                });
                let actual = seconds.map(|s| s / 60);
                let time = s::minutes_against_plan(actual, item.item.planned_minutes, lang);
                let planned = i64::from(item.item.planned_minutes) * 60;
                let phase = seconds.filter(|_| planned > 0).map(|spent| {
                    let left = planned - spent;
                    Phase::of(left, item_warning_seconds(planned))
                });
                let time_w = width(&time).max(1);
                // The public's comments on it: how many, in the warning colour while
                // some wait for an answer.
                let badge = panel
                    .comments
                    .get(&item.item.id)
                    .map(|&(total, unanswered)| {
                        let style = if unanswered > 0 {
                            theme::warning()
                        } else {
                            theme::dim()
                        };
                        (s::comments_badge(total, lang), style)
                    });
                let badge_w = badge.as_ref().map_or(0, |(b, _)| width(b) + 1);
                let title_w = usize::from(list.width).saturating_sub(2 + time_w + 1 + badge_w);
                let title_style = if current {
                    theme::current_item()
                } else if item.ended.is_some() {
                    theme::dim()
                } else {
                    theme::text()
                };
                let mut x = put(
                    buf,
                    list,
                    2,
                    y,
                    &fit(item.item.title.get(lang), title_w),
                    title_style,
                );
                if let Some((badge, style)) = &badge {
                    x = put(buf, list, x + 1, y, badge, *style);
                }
                // Over its plan in red; the item under way warned near its end.
                let time_style = match phase {
                    Some(Phase::Over) => theme::alert(),
                    Some(Phase::Warning) if current => theme::warning(),
                    _ => theme::dim(),
                };
                put(buf, list, x + 1, y, &fit_right(&time, time_w), time_style);
                if row == panel.list.selected {
                    style_row(buf, list, y, theme::selected(focused));
                }
            }
        }
    }
}
