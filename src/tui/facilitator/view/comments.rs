//! The public's comments on the item in view, over the screen: one row each (its
//! answer's status, or 尚未回應 in the warning colour, the author, the date and the
//! start of the text), then the selected comment in full with its link and response,
//! and the keys.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use crate::i18n::{self, screen as s};
use crate::tui::facilitator::app::App;
use crate::tui::facilitator::keys::KEYS;
use crate::tui::facilitator::panels::CommentsPanel;
use crate::tui::shared::dialog::{framed, hints_row};
use crate::tui::shared::keys::Context;
use crate::tui::shared::layout::centered;
use crate::tui::shared::theme;
use crate::tui::shared::view::{put, style_row};
use crate::width::{fit, truncate, width};

pub fn render(app: &App, panel: &CommentsPanel, frame: &mut Frame, screen: Rect) {
    let lang = app.lang;
    let state = app.state();
    let shown = panel.shown(state);
    let item_title = panel
        .item
        .as_ref()
        .and_then(|id| state.item(id))
        .map_or_else(
            || s::COMMENTS_ON_NO_ITEM.get(lang).to_owned(),
            |i| i.item.title.get(lang).to_owned(),
        );
    let unanswered = shown
        .iter()
        .filter(|&&i| state.comments()[i].answer.is_none())
        .count();
    let title = s::comments_title(&item_title, shown.len(), unanswered, lang);
    // Clear of the message line and the footer, which say what an answer did.
    let area = centered(
        screen,
        screen.width.saturating_sub(4).min(110),
        screen.height.saturating_sub(4),
    );
    let body = framed(frame, area, &title);
    if body.height < 3 {
        return;
    }
    // The list takes up to half, the selected comment what is left under it, the keys
    // the last row.
    let rows = u16::try_from(shown.len()).unwrap_or(u16::MAX).max(1);
    let list_h = rows.min((body.height.saturating_sub(2) / 2).max(1));
    let list = Rect::new(body.x, body.y, body.width, list_h);
    let detail = Rect::new(
        body.x,
        body.y + list_h + 1,
        body.width,
        body.height.saturating_sub(list_h + 2),
    );
    let buf = frame.buffer_mut();
    if shown.is_empty() {
        put(
            buf,
            list,
            0,
            0,
            &truncate(s::NO_COMMENTS.get(lang), usize::from(list.width)),
            theme::dim(),
        );
    }
    let selected = panel.selected.min(shown.len().saturating_sub(1));
    let height = usize::from(list.height);
    let start = (selected + 1).saturating_sub(height);
    let status_w = crate::domain::ResponseStatus::ALL
        .iter()
        .map(|st| width(i18n::response_status(*st).get(lang)))
        .chain([width(i18n::UNANSWERED.get(lang))])
        .max()
        .unwrap_or(8);
    let author_w = 12;
    for (row, &i) in shown.iter().enumerate().skip(start).take(height) {
        let y = (row - start) as u16;
        let c = &state.comments()[i];
        let (status, style) = match &c.answer {
            Some(a) => (i18n::response_status(a.status).get(lang), theme::dialog()),
            None => (i18n::UNANSWERED.get(lang), theme::warning()),
        };
        let x = put(buf, list, 0, y, &fit(status, status_w), style);
        let x = put(
            buf,
            list,
            x + 1,
            y,
            &fit(&c.comment.author, author_w),
            theme::bold(),
        );
        let date = c.comment.posted.format("%m-%d").to_string();
        let x = put(buf, list, x + 1, y, &date, theme::dim());
        let mut text = c.comment.text.replace(['\n', '\r'], " ");
        if panel.item.is_some() && c.comment.item.is_none() {
            text = format!("〔{}〕{text}", s::COMMENTS_ON_NO_ITEM.get(lang));
        }
        let room = usize::from(list.width.saturating_sub(x + 1));
        put(buf, list, x + 1, y, &truncate(&text, room), theme::dialog());
        if row == selected {
            style_row(buf, list, y, theme::selected(true));
        }
    }
    // The selected comment in full.
    if let Some(c) = shown.get(selected).map(|&i| &state.comments()[i]) {
        let mut lines = vec![Line::from(vec![
            Span::styled(c.comment.author.clone(), theme::bold()),
            Span::styled(
                format!("  {}", c.comment.posted.format("%Y-%m-%d %H:%M")),
                theme::dim(),
            ),
        ])];
        if let Some(topic) = &c.comment.topic {
            lines.push(Line::styled(topic.clone(), theme::heading()));
        }
        lines.push(Line::from(c.comment.text.clone()));
        if let Some(link) = &c.comment.link {
            lines.push(Line::styled(link.clone(), theme::dim()));
        }
        match &c.answer {
            Some(a) => {
                lines.push(Line::from(vec![
                    Span::styled(
                        format!("{} ", i18n::response_status(a.status).get(lang)),
                        theme::adopted(),
                    ),
                    Span::raw(a.response.get(lang).to_owned()),
                ]));
            }
            None => lines.push(Line::styled(
                i18n::UNANSWERED.get(lang).to_owned(),
                theme::warning(),
            )),
        }
        frame.render_widget(
            Paragraph::new(lines)
                .style(theme::dialog())
                .wrap(Wrap { trim: false }),
            detail,
        );
    }
    let hints: Vec<_> = KEYS.hints(&[Context::Comments]);
    hints_row(frame.buffer_mut(), body, &hints, lang);
}
