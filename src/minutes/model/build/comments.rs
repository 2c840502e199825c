//! The public's comments in the minutes (rules §4) and the forum's reasoned response
//! to each: the totals, then a table for each agenda item with comments, in agenda
//! order, and last the comments on no item. Each row: who left the comment, the day,
//! its text with its link, the status and the response, or, set off, that it has not
//! been answered yet. The comment's own words are shown as the public wrote them, in
//! either language.

use crate::domain::CommentState;
use crate::i18n;
use crate::i18n::minutes as l;
use crate::minutes::model::{Block, Line, Table, TableKind, plain, strong};

use super::{Builder, plain_span};

impl Builder<'_> {
    pub(super) fn public_comments(&mut self) -> Vec<Block> {
        let state = self.state;
        let comments = state.comments();
        let statuses = comments.iter().map(|c| c.answer.as_ref().map(|a| a.status));
        let totals = plain(l::comment_totals(statuses, self.lang));
        let mut blocks = vec![self.field(l::COMMENT_TOTAL, vec![totals])];
        let mut number = 0;
        for item in &state.items {
            let on_item: Vec<&CommentState> = state.comments_on(Some(&item.item.id)).collect();
            if on_item.is_empty() {
                continue;
            }
            let id = &item.item.id;
            let title = self.text_line(&item.item.title, || super::item_field(id, "title"));
            blocks.push(Block::Heading(title));
            let table = self.comment_table(&on_item, &mut number);
            blocks.push(table);
        }
        // On no item, or on one taken off the agenda since: listed last, never lost.
        let elsewhere: Vec<&CommentState> = comments
            .iter()
            .filter(|c| {
                c.comment
                    .item
                    .as_ref()
                    .is_none_or(|id| state.item(id).is_none())
            })
            .collect();
        if !elsewhere.is_empty() {
            blocks.push(Block::Heading(plain(self.label(l::NOT_ON_AN_ITEM))));
            let table = self.comment_table(&elsewhere, &mut number);
            blocks.push(table);
        }
        blocks
    }

    /// The comments' rows, numbered on from `number` through the whole part.
    fn comment_table(&mut self, comments: &[&CommentState], number: &mut usize) -> Block {
        let rows = comments
            .iter()
            .map(|c| {
                *number += 1;
                let comment = &c.comment;
                let author = match comment.author.trim() {
                    "" => "—",
                    author => author,
                };
                let mut text = plain(comment.text.trim());
                if let Some(link) = comment.link.as_deref().map(str::trim)
                    && !link.is_empty()
                {
                    text.push(plain_span(format!("\n{link}")));
                }
                let (status, response) = match &c.answer {
                    Some(answer) => {
                        let status = plain(self.label(i18n::response_status(answer.status)));
                        let response = match answer.response.text.trim().is_empty() {
                            true => plain("—"),
                            false => self.text_line(&answer.response, || {
                                format!("comment {}, response", comment.id)
                            }),
                        };
                        (status, response)
                    }
                    None => (strong(self.label(i18n::UNANSWERED)), plain("—")),
                };
                vec![
                    plain(number.to_string()),
                    plain(author),
                    plain(l::short_date(comment.posted.date(), self.lang)),
                    text,
                    status,
                    response,
                ]
            })
            .collect::<Vec<Vec<Line>>>();
        Block::Table(Table {
            kind: TableKind::Comments,
            header: [
                l::NUMBER,
                l::COMMENTER,
                l::POSTED,
                l::COMMENT,
                l::RESPONSE_STATUS,
                l::RESPONSE,
            ]
            .map(|h| self.label(h))
            .to_vec(),
            rows,
        })
    }
}
