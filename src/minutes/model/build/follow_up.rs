//! What is to be done, in the minutes: the follow-up table of earlier decisions
//! (列管事項), with what this meeting recorded about each, and the action items it
//! gave out.

use crate::domain::{Lang, NoteKind, Section};
use crate::i18n::minutes as l;
use crate::i18n::{colon, parenthesised};
use crate::minutes::model::{Block, Line, Table, TableKind, plain};

use super::{Builder, plain_span};

impl<'a> Builder<'a> {
    pub(super) fn follow_up(&mut self) -> Vec<Block> {
        let mut blocks = Vec::new();
        for item in self.items_of(Section::FollowUp) {
            let id = &item.item.id;
            let title = self.text_line(&item.item.title, || super::item_field(id, "title"));
            blocks.push(Block::Heading(title));
            self.explanation(item, &mut blocks);
        }
        let rows: Vec<Vec<Line>> = self
            .state
            .follow_up
            .iter()
            .map(|entry| {
                let n = entry.number;
                let mut matter = self.text_line(&entry.matter, || format!("follow-up {n}, matter"));
                if let Some(due) = entry.due {
                    let due = match self.lang {
                        Lang::ZhTw => format!(
                            "{}{}{}",
                            self.label(l::DUE),
                            colon(self.lang),
                            l::short_date(due, self.lang)
                        ),
                        Lang::En => format!("due {}", l::short_date(due, self.lang)),
                    };
                    matter.push(plain_span(parenthesised(&due, self.lang)));
                }
                vec![
                    plain(entry.number.to_string()),
                    matter,
                    self.text_line(&entry.owner, || format!("follow-up {n}, owner")),
                    self.text_line(&entry.action_taken, || {
                        format!("follow-up {n}, action taken")
                    }),
                    plain(self.label(crate::i18n::follow_up_status(entry.status))),
                ]
            })
            .collect();
        if !rows.is_empty() {
            blocks.push(Block::Table(Table {
                kind: TableKind::FollowUp,
                header: [l::NUMBER, l::MATTER, l::OWNER, l::ACTION_TAKEN, l::TRACKING]
                    .map(|h| self.label(h))
                    .to_vec(),
                rows,
            }));
        }
        for item in self.items_of(Section::FollowUp) {
            self.summary(item, &mut blocks);
            self.outcome(item, &mut blocks);
        }
        if blocks.is_empty() {
            blocks.push(Block::Paragraph(plain(self.label(l::NONE))));
        }
        blocks
    }

    pub(super) fn action_items(&mut self) -> Vec<Block> {
        let state = self.state;
        let mut rows = Vec::new();
        for entry in &state.notes {
            let NoteKind::Action { owner, due } = &entry.note.kind else {
                continue;
            };
            let owner = match owner {
                Some(owner) => self.owner(owner),
                None => plain("—"),
            };
            let due = due.map_or_else(|| plain("—"), |d| plain(l::short_date(d, self.lang)));
            let item = match entry.note.item.as_ref().and_then(|id| state.item(id)) {
                Some(item) => {
                    let id = &item.item.id;
                    self.text_line(&item.item.title, || super::item_field(id, "title"))
                }
                None => plain("—"),
            };
            let number = plain((rows.len() + 1).to_string());
            let matter = self.text_line(&entry.note.text, || super::note_field(entry));
            rows.push(vec![number, matter, owner, due, item]);
        }
        if rows.is_empty() {
            return vec![Block::Paragraph(plain(self.label(l::NONE)))];
        }
        vec![Block::Table(Table {
            kind: TableKind::Actions,
            header: [l::NUMBER, l::MATTER, l::OWNER, l::DUE, l::FROM_ITEM]
                .map(|h| self.label(h))
                .to_vec(),
            rows,
        })]
    }
}
