//! The agenda items in the minutes: the previous minutes, reports, discussion and
//! extempore items, each with its explanation, what was said, its motions and the
//! decision; and the chair's conclusions.

use crate::domain::{ItemId, ItemState, Lang, MotionState, NoteEntry, NoteKind, Section, Stage};
use crate::i18n;
use crate::i18n::minutes::{self as l, fill};
use crate::i18n::{Label, colon};
use crate::minutes::model::{Block, Line, plain};

use super::{Builder, item_field, note_field, plain_span};

impl<'a> Builder<'a> {
    pub(super) fn previous_minutes(&mut self) -> Vec<Block> {
        let mut blocks = Vec::new();
        for item in self.items_of(Section::PreviousMinutes) {
            let id = &item.item.id;
            let title = self.text_line(&item.item.title, || item_field(id, "title"));
            blocks.push(Block::Heading(title));
            self.explanation(item, &mut blocks);
            self.summary(item, &mut blocks);
            self.outcome(item, &mut blocks);
        }
        if blocks.is_empty() {
            blocks.push(Block::Paragraph(plain(self.label(l::NONE))));
        }
        blocks
    }

    /// Reports, discussion items and extempore motions: each with its unit, its
    /// explanation and proposed action, the discussion, every motion's proceedings and
    /// the decision or resolution.
    pub(super) fn items(&mut self, section: Section) -> Vec<Block> {
        let mut blocks = Vec::new();
        let items = self.items_of(section);
        let mut number = 0;
        for item in items {
            let motions: Vec<&MotionState> = self.state.motions_of(&item.item.id).collect();
            let notes = self.notes_of(&item.item.id);
            // The generic "extempore motions" slot is listed only if something was
            // said or proposed under it.
            if section == Section::Extempore
                && motions.is_empty()
                && notes.is_empty()
                && item.item.explanation.is_empty()
            {
                continue;
            }
            number += 1;
            let mut heading = match section {
                Section::Report => plain(fill(l::REPORT_NO, self.lang, self.ordinal(number))),
                _ => plain(fill(l::DISCUSSION_NO, self.lang, self.ordinal(number))),
            };
            heading.push(plain_span(colon(self.lang)));
            let id = &item.item.id;
            heading.extend(self.text_line(&item.item.title, || item_field(id, "title")));
            blocks.push(Block::Heading(heading));
            if !item.item.presenter.is_empty() {
                let unit_label = match section {
                    Section::Report => l::REPORTING_UNIT,
                    _ => l::PROPOSING_UNIT,
                };
                let what = match section {
                    Section::Report => "reporting unit",
                    _ => "proposed by",
                };
                let presenter = self.text_line(&item.item.presenter, || item_field(id, what));
                blocks.push(self.field(unit_label, vec![presenter]));
            }
            self.explanation(item, &mut blocks);
            if let Some(action) = &item.item.proposed_action {
                let action = self.text_line(action, || item_field(id, "proposed action"));
                blocks.push(self.field(l::PROPOSED_ACTION, vec![action]));
            }
            self.summary(item, &mut blocks);
            self.outcome(item, &mut blocks);
        }
        if blocks.is_empty() {
            blocks.push(Block::Paragraph(plain(self.label(l::NONE))));
        }
        blocks
    }

    /// How an item ended: every motion on it written out, then its decision (決定) or
    /// resolution (決議) as noted; without a noted resolution, the motions' outcomes
    /// stand. An item the meeting never reached says so.
    pub(super) fn outcome(&mut self, item: &ItemState, blocks: &mut Vec<Block>) {
        if item.started.is_none() && self.notes_of(&item.item.id).is_empty() {
            blocks.push(self.field(l::OUTCOME, vec![plain(self.label(l::NOT_REACHED))]));
            return;
        }
        let motions: Vec<&MotionState> = self.state.motions_of(&item.item.id).collect();
        for motion in &motions {
            self.motion(motion, blocks);
        }
        let section = item.item.section;
        let label = if section.ends_in_resolution() || !motions.is_empty() {
            l::RESOLUTION
        } else {
            l::DECISION
        };
        let decisions = self.decisions(&item.item.id);
        if !decisions.is_empty() {
            blocks.push(self.field(label, decisions));
        } else if !motions.is_empty() {
            // No resolution text was noted: the outcome of the motions stands.
            let outcomes: Vec<Line> = motions
                .iter()
                .map(|m| plain(self.outcome_label(m).get(self.lang).to_owned()))
                .collect();
            blocks.push(self.field(label, outcomes));
        }
    }

    /// The chair's conclusions: the decision notes taken under the adjournment item.
    pub(super) fn chair_conclusions(&mut self) -> Vec<Block> {
        let mut lines = Vec::new();
        for item in self.items_of(Section::Adjournment) {
            lines.extend(self.decisions(&item.item.id));
        }
        if lines.is_empty() {
            return vec![Block::Paragraph(plain(self.label(l::NONE)))];
        }
        lines.into_iter().map(Block::Paragraph).collect()
    }

    pub(super) fn items_of(&self, section: Section) -> Vec<&'a ItemState> {
        self.state
            .items
            .iter()
            .filter(|i| i.item.section == section)
            .collect()
    }

    fn notes_of(&self, item: &ItemId) -> Vec<&'a NoteEntry> {
        self.notes_by_item.get(item).cloned().unwrap_or_default()
    }

    pub(super) fn decisions(&mut self, item: &ItemId) -> Vec<Line> {
        self.notes_of(item)
            .into_iter()
            .filter(|n| n.note.kind == NoteKind::Decision)
            .map(|n| self.text_line(&n.note.text, || note_field(n)))
            .collect()
    }

    pub(super) fn explanation(&mut self, item: &ItemState, blocks: &mut Vec<Block>) {
        if !item.item.explanation.is_empty() {
            let id = &item.item.id;
            let explanation =
                self.text_line(&item.item.explanation, || item_field(id, "explanation"));
            blocks.push(self.field(l::EXPLANATION, vec![explanation]));
        }
    }

    /// What was said, in order: "speaker：text", and room narrative as it was noted.
    pub(super) fn summary(&mut self, item: &ItemState, blocks: &mut Vec<Block>) {
        let mut lines = Vec::new();
        for entry in self.notes_of(&item.item.id) {
            match &entry.note.kind {
                NoteKind::Said => {
                    let mut line = match &entry.note.speaker {
                        Some(speaker) => {
                            let mut line = self.speaker(speaker);
                            line.push(plain_span(colon(self.lang)));
                            line
                        }
                        None => Vec::new(),
                    };
                    line.push(self.text(&entry.note.text, || note_field(entry)));
                    lines.push(line);
                }
                NoteKind::Narrative => {
                    lines.push(self.text_line(&entry.note.text, || note_field(entry)))
                }
                NoteKind::Action { .. } | NoteKind::Decision => {}
            }
        }
        if !lines.is_empty() {
            blocks.push(Block::Field {
                label: self.label(l::DISCUSSION),
                lines: Vec::new(),
            });
            blocks.push(Block::List(lines));
        }
    }

    /// How a motion ended; one never taken up is open (未決), not "proposed".
    pub(super) fn outcome_label(&self, motion: &MotionState) -> Label {
        match (motion.outcome(), motion.stage) {
            (Some(outcome), _) => i18n::outcome(outcome),
            (None, Stage::Proposed) => l::OPEN,
            (None, stage) => i18n::stage(stage),
        }
    }

    fn ordinal(&self, n: u32) -> String {
        match self.lang {
            Lang::ZhTw => crate::i18n::chinese_number(n),
            Lang::En => n.to_string(),
        }
    }
}
