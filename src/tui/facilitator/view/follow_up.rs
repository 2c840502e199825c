//! The follow-up table in the motion panel, on the follow-up item (上次會議決議事項辦理
//!情形): each matter carried from the previous meeting with its status, and the
//! selected one opened up with its owner, due date and what was done about it, which
//! is what the room is hearing and deciding on.
//!
//! A 40-column panel cannot hold six columns side by side, so the rows are one line
//! each (number, status, matter) and the selected row unfolds under itself. When the
//! panel is short, the action taken keeps its rows before the matter's wrapped lines.

use crate::i18n::screen as s;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;

use super::panel_block;
use crate::domain::{FollowUpEntry, FollowUpStatus, Lang};
use crate::i18n;
use crate::tui::facilitator::action::Panel;
use crate::tui::facilitator::app::App;
use crate::tui::shared::layout::inner;
use crate::tui::shared::theme;
use crate::tui::shared::view::{put, style_row};
use crate::width::wrap;
use crate::width::{fit, truncate, width};

/// One line of the table: where it starts, its text, its style, and whether it belongs
/// to the selected row.
struct Row {
    x: u16,
    text: String,
    style: Style,
    /// The status, drawn in its own colour at `status_x` (on a matter's first line).
    status: Option<(u16, String, Style)>,
    selected: bool,
}

pub fn status_style(status: FollowUpStatus) -> Style {
    match status {
        FollowUpStatus::KeepTracking => theme::left(),
        FollowUpStatus::Closed => theme::ok(),
    }
}

pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    let table = &app.state().follow_up;
    let Some(selected) = app.selected_follow_up() else {
        return;
    };
    let counter = if table.len() > 1 {
        format!("[{}/{}]", selected + 1, table.len())
    } else {
        String::new()
    };
    frame.render_widget(panel_block(app, Panel::Motion, &counter), area);
    let inner = inner(area);
    let height = usize::from(inner.height);
    if height == 0 || inner.width == 0 {
        return;
    }
    let rows = rows(table, selected, app.lang, usize::from(inner.width), height);

    // The window keeps the selected row whole, with its neighbours around it.
    let block_start = selected;
    let block_len = rows.iter().filter(|r| r.selected).count();
    let start = if rows.len() <= height {
        0
    } else {
        block_start
            .saturating_sub((height - block_len.min(height)) / 2)
            .min(rows.len() - height)
    };
    let focused = app.focus == Panel::Motion && app.dialog.is_none() && app.help.is_none();
    let buf = frame.buffer_mut();
    for (y, row) in rows.iter().skip(start).take(height).enumerate() {
        let y = y as u16;
        put(buf, inner, row.x, y, &row.text, row.style);
        if let Some((x, status, style)) = &row.status {
            put(buf, inner, *x, y, status, *style);
        }
        if row.selected {
            style_row(buf, inner, y, theme::selected(focused));
        }
    }
}

/// Every line of the table at `w` columns, the selected row unfolded within a budget
/// that leaves about half of `height` to the other rows.
fn rows(table: &[FollowUpEntry], selected: usize, lang: Lang, w: usize, height: usize) -> Vec<Row> {
    let number_w = table
        .iter()
        .map(|e| e.number.to_string().len())
        .max()
        .unwrap_or(1);
    let status_w = [FollowUpStatus::KeepTracking, FollowUpStatus::Closed]
        .iter()
        .map(|st| width(i18n::follow_up_status(*st).get(lang)))
        .max()
        .unwrap_or(0);
    let status_x = number_w + 1;
    let matter_x = status_x + status_w + 1;
    let matter_w = w.saturating_sub(matter_x).max(1);
    let indent = status_x;
    let detail_w = w.saturating_sub(indent).max(1);

    let others = table.len().saturating_sub(1);
    let budget = height.saturating_sub(others.min(height / 2)).max(1);

    let mut lines = Vec::with_capacity(table.len() + budget);
    for (i, entry) in table.iter().enumerate() {
        let status = i18n::follow_up_status(entry.status).get(lang);
        let head = |matter: String| Row {
            x: 0,
            text: format!(
                "{:>number_w$} {} {}",
                entry.number,
                fit("", status_w),
                matter
            ),
            style: theme::text(),
            status: Some((
                status_x as u16,
                status.to_owned(),
                status_style(entry.status),
            )),
            selected: i == selected,
        };
        let matter = entry.matter.get(lang);
        if i != selected {
            lines.push(head(truncate(matter, matter_w)));
            continue;
        }

        // The selected row: what fits of matter, owner and due, and the action taken.
        let matter_lines = wrap(matter, matter_w);
        let owner_line = owner_and_due(entry, lang);
        let action = entry.action_taken.get(lang);
        let action_lines = if action.is_empty() {
            vec![format!(
                "{}{}{}",
                s::FOLLOW_UP_ACTION_TAKEN.get(lang),
                i18n::colon(lang),
                s::NOT_REPORTED_YET.get(lang)
            )]
        } else {
            wrap(
                &format!(
                    "{}{}{action}",
                    s::FOLLOW_UP_ACTION_TAKEN.get(lang),
                    i18n::colon(lang)
                ),
                detail_w,
            )
        };
        let owner_lines = owner_line.map_or_else(Vec::new, |o| wrap(&o, detail_w));
        // First a line each for the owner and the action taken, then the rest of the
        // action taken, the owner's second line, and the rest of the matter.
        let mut left = budget - 1;
        let mut owner_rows = usize::from(!owner_lines.is_empty() && left >= 2);
        left -= owner_rows;
        let action_rows = action_lines.len().min(left);
        left -= action_rows;
        let owner_more = (owner_lines.len() - owner_rows).min(owner_rows).min(left);
        owner_rows += owner_more;
        left -= owner_more;
        let matter_rows = (matter_lines.len() - 1).min(left);

        let cut = |lines: &[String], shown: usize, columns: usize| -> Vec<String> {
            let mut out: Vec<String> = lines.iter().take(shown).cloned().collect();
            if shown < lines.len()
                && let Some(last) = out.last_mut()
            {
                *last = truncate(&format!("{last}…"), columns);
            }
            out
        };
        let matter_shown = cut(&matter_lines, 1 + matter_rows, matter_w);
        for (n, line) in matter_shown.into_iter().enumerate() {
            if n == 0 {
                lines.push(head(line));
            } else {
                lines.push(Row {
                    x: matter_x as u16,
                    text: line,
                    style: theme::text(),
                    status: None,
                    selected: true,
                });
            }
        }
        for line in cut(&owner_lines, owner_rows, detail_w) {
            lines.push(Row {
                x: indent as u16,
                text: line,
                style: theme::dim(),
                status: None,
                selected: true,
            });
        }
        let action_style = if action.is_empty() {
            theme::dim()
        } else {
            theme::bold()
        };
        for line in cut(&action_lines, action_rows, detail_w) {
            lines.push(Row {
                x: indent as u16,
                text: line,
                style: action_style,
                status: None,
                selected: true,
            });
        }
    }
    lines
}

/// "期限 2026-11-15  主辦 中選會綜合規劃處  第 2 次會議決議", leaving out what is not
/// known; the date first, since a long owner would push it off a narrow panel.
fn owner_and_due(entry: &FollowUpEntry, lang: Lang) -> Option<String> {
    let mut parts = Vec::new();
    if let Some(due) = entry.due {
        parts.push(format!("{} {due}", s::DUE.get(lang)));
    }
    if !entry.owner.is_empty() {
        parts.push(format!(
            "{} {}",
            s::FOLLOW_UP_OWNER.get(lang),
            entry.owner.get(lang)
        ));
    }
    if let Some(n) = entry.from_meeting {
        parts.push(s::from_meeting(n, lang));
    }
    (!parts.is_empty()).then(|| parts.join("  "))
}
