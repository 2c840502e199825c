//! A session turned into the minutes as a document with no format: sections of
//! fields, paragraphs, lists and tables, in one language. Markdown, HTML and ODT are
//! renderers of it. The document is built once per language with the same structure,
//! so the bilingual renderers can set the two side by side block by block.

use std::collections::HashMap;

use crate::domain::{
    Ballot, ItemId, ItemState, Lang, Meeting, MotionState, NoteEntry, NoteKind, Outcome, Person,
    Presence, Role, SeatRole, Section, Side, Speaker, Stamp, State, Tally, Text, VoteResult,
};
use crate::i18n;

use crate::i18n::list_separator;
use crate::i18n::minutes::{self as l, fill, section_number};
use crate::i18n::{Label, colon};

/// A run of text; `untranslated` marks text shown in Chinese in the English minutes
/// because the session has no English version of it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Span {
    pub text: String,
    pub untranslated: bool,
}

/// A line of text: spans, some of them untranslated.
pub type Line = Vec<Span>;

/// Plain text as a line.
pub fn plain(text: impl Into<String>) -> Line {
    vec![Span {
        text: text.into(),
        untranslated: false,
    }]
}

/// The text of a line without marks.
pub fn line_text(line: &Line) -> String {
    line.iter().map(|s| s.text.as_str()).collect()
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Block {
    /// A heading inside a section (an item's title).
    Heading(Line),
    /// "時間：…": a label and one or more lines.
    Field {
        label: String,
        lines: Vec<Line>,
    },
    Paragraph(Line),
    List(Vec<Line>),
    Table(Table),
}

/// What a table holds, for styling.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TableKind {
    FollowUp,
    Votes,
    Actions,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Table {
    pub kind: TableKind,
    pub header: Vec<String>,
    pub rows: Vec<Vec<Line>>,
}

/// A numbered part of the minutes (一、確認上次會議紀錄), or the heading block.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Part {
    /// None for the opening block of fields (time, venue, chair…).
    pub heading: Option<String>,
    pub blocks: Vec<Block>,
}

/// Text shown untranslated in the English minutes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Untranslated {
    /// The part of the minutes it appears in.
    pub part: String,
    pub text: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Document {
    pub lang: Lang,
    pub title: String,
    pub parts: Vec<Part>,
    pub untranslated: Vec<Untranslated>,
}

/// Builds the minutes of `meeting` in `lang`.
pub fn build(meeting: &Meeting, lang: Lang) -> Document {
    Builder::new(meeting, lang).build()
}

struct Builder<'a> {
    meeting: &'a Meeting,
    state: &'a State,
    lang: Lang,
    notes_by_item: HashMap<&'a ItemId, Vec<&'a NoteEntry>>,
    untranslated: Vec<Untranslated>,
    seen_untranslated: std::collections::HashSet<String>,
    current_part: String,
}

impl<'a> Builder<'a> {
    fn new(meeting: &'a Meeting, lang: Lang) -> Builder<'a> {
        let state = meeting.state();
        let mut notes_by_item: HashMap<&ItemId, Vec<&NoteEntry>> = HashMap::new();
        for entry in &state.notes {
            if let Some(item) = &entry.note.item {
                notes_by_item.entry(item).or_default().push(entry);
            }
        }
        Builder {
            meeting,
            state,
            lang,
            notes_by_item,
            untranslated: Vec::new(),
            seen_untranslated: Default::default(),
            current_part: String::new(),
        }
    }

    fn label(&self, label: Label) -> String {
        label.get(self.lang).to_owned()
    }

    /// A session text in the minutes' language; in English, a text without an English
    /// version is shown in Chinese, marked, and listed.
    fn text(&mut self, text: &Text) -> Span {
        match self.lang {
            Lang::ZhTw => Span {
                text: text.text.clone(),
                untranslated: false,
            },
            Lang::En => match text.english() {
                Some(en) => Span {
                    text: en.to_owned(),
                    untranslated: false,
                },
                None if text.text.trim().is_empty() => Span {
                    text: String::new(),
                    untranslated: false,
                },
                None => {
                    if self.seen_untranslated.insert(text.text.clone()) {
                        self.untranslated.push(Untranslated {
                            part: self.current_part.clone(),
                            text: text.text.clone(),
                        });
                    }
                    Span {
                        text: text.text.clone(),
                        untranslated: true,
                    }
                }
            },
        }
    }

    fn text_line(&mut self, text: &Text) -> Line {
        vec![self.text(text)]
    }

    fn time(at: Stamp) -> String {
        at.format("%H:%M").to_string()
    }

    fn build(mut self) -> Document {
        let session = self.meeting.session();
        let lang = self.lang;
        let mut title = self.text(&session.meeting.title).text;
        if let Some(n) = session.meeting.number {
            title = match lang {
                Lang::ZhTw => format!("{title}第 {n} 次{}", self.label(l::MINUTES)),
                Lang::En => format!("{title}: Minutes of the {}", l::meeting_number(n, lang)),
            };
        } else {
            title = match lang {
                Lang::ZhTw => format!("{title}{}", self.label(l::MINUTES)),
                Lang::En => format!("{title}: Minutes"),
            };
        }
        let mut parts = vec![self.opening()];
        let mut number = 0;
        let mut next = |lang| {
            number += 1;
            section_number(number, lang)
        };
        for section in [
            Section::PreviousMinutes,
            Section::FollowUp,
            Section::Report,
            Section::Discussion,
            Section::Extempore,
        ] {
            let heading = format!("{}{}", next(lang), i18n::section(section).get(lang));
            self.current_part = heading.clone();
            let blocks = match section {
                Section::PreviousMinutes => self.previous_minutes(),
                Section::FollowUp => self.follow_up(),
                Section::Report => self.items(Section::Report),
                Section::Discussion => self.items(Section::Discussion),
                _ => self.items(Section::Extempore),
            };
            parts.push(Part {
                heading: Some(heading),
                blocks,
            });
        }
        let heading = format!("{}{}", next(lang), self.label(l::ACTION_ITEMS));
        self.current_part = heading.clone();
        let blocks = self.action_items();
        parts.push(Part {
            heading: Some(heading),
            blocks,
        });
        let heading = format!("{}{}", next(lang), self.label(l::CHAIR_CONCLUSIONS));
        self.current_part = heading.clone();
        let blocks = self.chair_conclusions();
        parts.push(Part {
            heading: Some(heading),
            blocks,
        });
        let heading = format!("{}{}", next(lang), self.label(l::ADJOURNED_AT));
        let adjourned = match self.state.adjourned {
            Some(at) => plain(Self::time(at)),
            None => plain(self.label(l::NOT_ADJOURNED)),
        };
        parts.push(Part {
            heading: Some(heading),
            blocks: vec![Block::Paragraph(adjourned)],
        });
        Document {
            lang,
            title,
            parts,
            untranslated: self.untranslated,
        }
    }

    // ---- the opening block ---------------------------------------------------------

    fn opening(&mut self) -> Part {
        let session = self.meeting.session();
        let state = self.state;
        let lang = self.lang;
        self.current_part = self.label(l::TIME);
        let mut blocks = Vec::new();

        let start = state.started.map(Self::time).or_else(|| {
            session
                .meeting
                .planned_start
                .map(|t| t.format("%H:%M").to_string())
        });
        let mut when = l::long_date(session.meeting.date, lang);
        if let Some(start) = start {
            let sep = if lang == Lang::En { ", " } else { "" };
            when.push_str(sep);
            when.push_str(&start);
            if let Some(end) = state.adjourned {
                when.push('–');
                when.push_str(&Self::time(end));
            }
        }
        blocks.push(self.field(l::TIME, vec![plain(when)]));
        let venue = self.text_line(&session.meeting.venue);
        blocks.push(self.field(l::VENUE, vec![venue]));

        let mut chair = Vec::new();
        for (seat, label) in [
            (SeatRole::Convener, l::CONVENER),
            (SeatRole::CoConvener, l::CO_CONVENER),
        ] {
            if let Some(person) = state
                .people
                .iter()
                .find(|p| matches!(p.role, Role::Member { seat: s, .. } if s == seat))
            {
                let mut line = plain(format!("{}{}", self.label(label), colon(lang)));
                line.extend(self.person_long(person));
                chair.push(line);
            }
        }
        if chair.is_empty() {
            chair.push(plain(self.label(l::NONE)));
        }
        blocks.push(self.field(l::CHAIR, chair));

        // Members present, by side; a seat taken by a representative reads
        // "agency — representative (title)".
        let mut by_side: [Vec<Line>; 2] = [Vec::new(), Vec::new()];
        let mut excused = Vec::new();
        for (index, person) in state.people.iter().enumerate() {
            let Role::Member { category, .. } = person.role else {
                continue;
            };
            let side = usize::from(category.side() == Side::NonGovernment);
            if !state.stints(index).is_empty() {
                let mut line = self.person_long(person);
                line.extend(self.attendance_marks(index));
                by_side[side].push(line);
            }
            for (rep_index, rep) in state.people.iter().enumerate() {
                if let Role::Representative { seat, .. } = rep.role
                    && seat == index
                    && !state.stints(rep_index).is_empty()
                {
                    let mut line = self.representative(person, rep);
                    line.extend(self.attendance_marks(rep_index));
                    by_side[side].push(line);
                }
            }
            if state.presence(index) == Presence::Excused {
                excused.push(self.person_long(person));
            }
        }
        let mut present = Vec::new();
        for (side, label) in [(0, l::GOVERNMENT), (1, l::NON_GOVERNMENT)] {
            let count = by_side[side].len();
            let mut line = match lang {
                Lang::ZhTw => plain(format!("{}（{count} 人）：", self.label(label))),
                Lang::En => plain(format!("{} ({count}): ", self.label(label))),
            };
            let list = std::mem::take(&mut by_side[side]);
            line.extend(self.join(list));
            if count == 0 {
                line.push(plain_span(self.label(l::NONE)));
            }
            present.push(line);
        }
        blocks.push(self.field(l::MEMBERS_PRESENT, present));

        let observers: Vec<Line> = state
            .people
            .iter()
            .enumerate()
            .filter(|(i, p)| p.role == Role::Observer && !state.stints(*i).is_empty())
            .map(|(_, p)| p)
            .collect::<Vec<_>>()
            .into_iter()
            .map(|p| self.person_long(p))
            .collect();
        let observers = self.join_or_none(observers);
        blocks.push(self.field(l::OBSERVERS, vec![observers]));
        let excused = self.join_or_none(excused);
        blocks.push(self.field(l::EXCUSED, vec![excused]));
        let recorder = self.text_line(&session.meeting.recorder);
        blocks.push(self.field(l::RECORDER, vec![recorder]));
        Part {
            heading: None,
            blocks,
        }
    }

    fn field(&self, label: Label, lines: Vec<Line>) -> Block {
        Block::Field {
            label: self.label(label),
            lines,
        }
    }

    fn join(&self, lines: Vec<Line>) -> Line {
        let mut joined = Vec::new();
        for (i, line) in lines.into_iter().enumerate() {
            if i > 0 {
                joined.push(plain_span(list_separator(self.lang)));
            }
            joined.extend(line);
        }
        joined
    }

    fn join_or_none(&self, lines: Vec<Line>) -> Line {
        if lines.is_empty() {
            plain(self.label(l::NONE))
        } else {
            self.join(lines)
        }
    }

    /// 中央選舉委員會副主任委員陳怡君 / Chen Yi-chun, Vice Chairperson, Central
    /// Election Commission.
    fn person_long(&mut self, person: &Person) -> Line {
        let name = self.text(&person.name);
        let title = self.text(&person.title);
        let org = self.text(&person.organisation);
        match self.lang {
            Lang::ZhTw => vec![
                org,
                title,
                plain_span(
                    if person.organisation.is_empty() && person.title.is_empty() {
                        ""
                    } else {
                        " "
                    },
                ),
                name,
            ]
            .into_iter()
            .filter(|s| !s.text.is_empty())
            .collect(),
            Lang::En => {
                let mut line = vec![name];
                for part in [title, org] {
                    if !part.text.is_empty() {
                        line.push(plain_span(", "));
                        line.push(part);
                    }
                }
                line
            }
        }
    }

    /// 陳怡君副主任委員 / Chen Yi-chun (Vice Chairperson): who spoke.
    fn person_short(&mut self, person: &Person) -> Line {
        let name = self.text(&person.name);
        let title = self.text(&person.title);
        match self.lang {
            Lang::ZhTw => vec![name, title],
            Lang::En if title.text.is_empty() => vec![name],
            Lang::En => vec![name, plain_span(" ("), title, plain_span(")")],
        }
    }

    /// 內政部戶政司 — 李雅婷（科長） / agency — representative (title).
    fn representative(&mut self, seat: &Person, rep: &Person) -> Line {
        let org = self.text(&seat.organisation);
        let name = self.text(&rep.name);
        let title = self.text(&rep.title);
        let mut line = vec![org, plain_span(" — "), name];
        if !title.text.is_empty() {
            let (open, close) = match self.lang {
                Lang::ZhTw => ("（", "）"),
                Lang::En => (" (", ")"),
            };
            line.extend([plain_span(open), title, plain_span(close)]);
        }
        line
    }

    /// "（14:25 到）", "（15:40 離席）": late arrivals and early departures.
    fn attendance_marks(&self, index: usize) -> Line {
        let state = self.state;
        let stints = state.stints(index);
        let mut marks = Vec::new();
        if let (Some(first), Some(started)) = (stints.first(), state.started)
            && first.arrived > started
        {
            marks.push(self.mark(first.arrived, l::ARRIVED));
        }
        if let Some(last) = stints.last()
            && let Some(left) = last.left
            && state.adjourned.is_none_or(|end| left < end)
        {
            marks.push(self.mark(left, l::LEFT));
        }
        if marks.is_empty() {
            return Vec::new();
        }
        let marks = marks.join(list_separator(self.lang));
        plain(match self.lang {
            Lang::ZhTw => format!("（{marks}）"),
            Lang::En => format!(" ({marks})"),
        })
    }

    /// "14:25 到" / "arrived 14:25".
    fn mark(&self, at: Stamp, label: Label) -> String {
        match self.lang {
            Lang::ZhTw => format!("{} {}", Self::time(at), self.label(label)),
            Lang::En => format!("{} {}", self.label(label), Self::time(at)),
        }
    }

    /// Who is to do something: 中央選舉委員會綜合規劃處（林志豪處長）.
    fn owner(&mut self, speaker: &Speaker) -> Line {
        let Speaker::Person(id) = speaker else {
            return self.speaker(speaker);
        };
        let Some(person) = self.state.person(id) else {
            return self.speaker(speaker);
        };
        let organisation = match &person.role {
            Role::Representative { seat, .. } => &self.state.people[*seat].organisation,
            _ => &person.organisation,
        };
        if organisation.is_empty() {
            return self.person_short(person);
        }
        let mut line = self.text_line(organisation);
        let (open, close) = match self.lang {
            Lang::ZhTw => ("（", "）"),
            Lang::En => (" (", ")"),
        };
        line.push(plain_span(open));
        line.extend(self.person_short(person));
        line.push(plain_span(close));
        line
    }

    fn speaker(&mut self, speaker: &Speaker) -> Line {
        match speaker {
            Speaker::Person(id) => match self.state.person(id) {
                Some(person) => self.person_short(person),
                None => plain(id.0.clone()),
            },
            // A name typed in on the day is a proper name: shown as typed, in every
            // language (it has no English field to translate it into).
            Speaker::Named(name) => plain(name.clone()),
        }
    }

    // ---- parts ---------------------------------------------------------------------

    fn items_of(&self, section: Section) -> Vec<&'a ItemState> {
        self.state
            .items
            .iter()
            .filter(|i| i.item.section == section)
            .collect()
    }

    fn notes_of(&self, item: &ItemId) -> Vec<&'a NoteEntry> {
        self.notes_by_item.get(item).cloned().unwrap_or_default()
    }

    fn decisions(&mut self, item: &ItemId) -> Vec<Line> {
        self.notes_of(item)
            .into_iter()
            .filter(|n| n.note.kind == NoteKind::Decision)
            .map(|n| self.text_line(&n.note.text))
            .collect()
    }

    fn previous_minutes(&mut self) -> Vec<Block> {
        let mut blocks = Vec::new();
        for item in self.items_of(Section::PreviousMinutes) {
            blocks.push(Block::Heading(self.text_line(&item.item.title)));
            self.explanation(item, &mut blocks);
            self.summary(item, &mut blocks);
            let decisions = self.decisions(&item.item.id);
            if !decisions.is_empty() {
                blocks.push(self.field(l::DECISION, decisions));
            }
        }
        if blocks.is_empty() {
            blocks.push(Block::Paragraph(plain(self.label(l::NONE))));
        }
        blocks
    }

    fn follow_up(&mut self) -> Vec<Block> {
        let mut blocks = Vec::new();
        for item in self.items_of(Section::FollowUp) {
            blocks.push(Block::Heading(self.text_line(&item.item.title)));
            self.explanation(item, &mut blocks);
        }
        let rows: Vec<Vec<Line>> = self
            .state
            .follow_up
            .iter()
            .map(|entry| {
                let mut matter = self.text_line(&entry.matter);
                if let Some(due) = entry.due {
                    let due = match self.lang {
                        Lang::ZhTw => format!(
                            "（{}：{}）",
                            self.label(l::DUE),
                            l::short_date(due, self.lang)
                        ),
                        Lang::En => format!(" (due {})", l::short_date(due, self.lang)),
                    };
                    matter.push(plain_span(due));
                }
                vec![
                    plain(entry.number.to_string()),
                    matter,
                    self.text_line(&entry.owner),
                    self.text_line(&entry.action_taken),
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
            let decisions = self.decisions(&item.item.id);
            if !decisions.is_empty() {
                blocks.push(self.field(l::DECISION, decisions));
            }
        }
        if blocks.is_empty() {
            blocks.push(Block::Paragraph(plain(self.label(l::NONE))));
        }
        blocks
    }

    /// Reports, discussion items and extempore motions: each with its unit, its
    /// explanation and proposed action, the discussion, every motion's proceedings and
    /// the decision or resolution.
    fn items(&mut self, section: Section) -> Vec<Block> {
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
            heading.extend(self.text_line(&item.item.title));
            blocks.push(Block::Heading(heading));
            if !item.item.presenter.is_empty() {
                let unit_label = match section {
                    Section::Report => l::REPORTING_UNIT,
                    _ => l::PROPOSING_UNIT,
                };
                let presenter = self.text_line(&item.item.presenter);
                blocks.push(self.field(unit_label, vec![presenter]));
            }
            self.explanation(item, &mut blocks);
            if let Some(action) = &item.item.proposed_action {
                let action = self.text_line(action);
                blocks.push(self.field(l::PROPOSED_ACTION, vec![action]));
            }
            self.summary(item, &mut blocks);
            for motion in motions {
                self.motion(motion, &mut blocks);
            }
            let decisions = self.decisions(&item.item.id);
            let label = if section.ends_in_resolution() {
                l::RESOLUTION
            } else {
                l::DECISION
            };
            if !decisions.is_empty() {
                blocks.push(self.field(label, decisions));
            } else if section.ends_in_resolution() {
                // No resolution text was noted: the outcome of the motions stands.
                let outcomes: Vec<Line> = self
                    .state
                    .motions_of(&item.item.id)
                    .map(|m| plain(self.outcome_label(m).get(self.lang).to_owned()))
                    .collect();
                if !outcomes.is_empty() {
                    blocks.push(self.field(label, outcomes));
                }
            }
        }
        if blocks.is_empty() {
            blocks.push(Block::Paragraph(plain(self.label(l::NONE))));
        }
        blocks
    }

    fn ordinal(&self, n: u32) -> String {
        match self.lang {
            Lang::ZhTw => crate::i18n::chinese_number(n),
            Lang::En => n.to_string(),
        }
    }

    fn explanation(&mut self, item: &ItemState, blocks: &mut Vec<Block>) {
        if !item.item.explanation.is_empty() {
            let explanation = self.text_line(&item.item.explanation);
            blocks.push(self.field(l::EXPLANATION, vec![explanation]));
        }
    }

    /// What was said, in order: "speaker：text", and room narrative as it was noted.
    fn summary(&mut self, item: &ItemState, blocks: &mut Vec<Block>) {
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
                    line.push(self.text(&entry.note.text));
                    lines.push(line);
                }
                NoteKind::Narrative => lines.push(self.text_line(&entry.note.text)),
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

    fn outcome_label(&self, motion: &MotionState) -> Label {
        match motion.outcome() {
            Some(outcome) => i18n::outcome(outcome),
            None => i18n::stage(motion.stage),
        }
    }

    /// A motion's proceedings: proposer, consensus rounds with their objections and
    /// reservations, the consent to vote, the vote written out, the chair's ruling and
    /// the outcome.
    fn motion(&mut self, motion: &MotionState, blocks: &mut Vec<Block>) {
        let lang = self.lang;
        let rules = &self.meeting.session().rules;
        let mut text = self.text_line(&motion.motion.text);
        if let Some(proposer) = &motion.motion.proposer {
            let proposer = self.speaker(proposer);
            let (open, close) = match lang {
                Lang::ZhTw => (format!("（{}：", self.label(l::PROPOSER)), "）"),
                Lang::En => (format!(" ({}: ", self.label(l::PROPOSER)), ")"),
            };
            text.push(plain_span(open));
            text.extend(proposer);
            text.push(plain_span(close));
        }
        blocks.push(self.field(l::MOTION, vec![text]));

        let mut proceedings = Vec::new();
        for (i, round) in motion.rounds.iter().enumerate() {
            let number = u32::try_from(i + 1).unwrap_or(u32::MAX);
            let present = round.opened.present.total();
            let mut line = plain(match lang {
                Lang::ZhTw => format!(
                    "第 {number} 輪徵詢共識（{}，出席 {present} 人）：",
                    Self::time(round.opened.at)
                ),
                Lang::En => format!(
                    "Consensus round {number} ({}, {present} members present): ",
                    Self::time(round.opened.at)
                ),
            });
            let raised: Vec<_> = motion
                .objections
                .iter()
                .filter(|o| o.round == number)
                .collect();
            let blocked = raised.iter().any(|o| o.blocking);
            let result = if round.closed.is_none() {
                self.label(l::OPEN)
            } else if blocked {
                self.label(l::NO_CONSENSUS)
            } else {
                self.label(l::CONSENSUS_REACHED)
            };
            line.push(plain_span(result));
            line.push(plain_span(if lang == Lang::ZhTw { "。" } else { "." }));
            proceedings.push(line);
            for objection in raised {
                let kind = if objection.blocking {
                    l::OBJECTION
                } else {
                    l::RESERVATION
                };
                let mut line = plain(format!("{}{}", self.label(kind), colon(lang)));
                line.extend(self.speaker(&objection.speaker));
                line.push(plain_span(" — "));
                line.push(self.text(&objection.reason));
                proceedings.push(line);
            }
        }
        for consent in &motion.consents {
            let present = consent.stamp.present.total();
            let words = crate::i18n::threshold_words(rules.consent_to_vote, lang);
            let result = if consent.passed {
                l::CONSENT_PASSED
            } else {
                l::CONSENT_FAILED
            };
            proceedings.push(plain(match lang {
                Lang::ZhTw => format!(
                    "{}（{}）：出席 {present} 人，{words}為 {} 人；同意 {} 人，{}。",
                    self.label(l::CONSENT_STAGE),
                    Self::time(consent.stamp.at),
                    consent.needed,
                    consent.agree,
                    self.label(result)
                ),
                Lang::En => format!(
                    "{} ({}): {present} members present; {words} is {}. {} agreed: {}.",
                    self.label(l::CONSENT_STAGE),
                    Self::time(consent.stamp.at),
                    consent.needed,
                    consent.agree,
                    self.label(result)
                ),
            }));
        }
        if let Some(vote) = &motion.vote {
            let (yes, no, abstain) = vote.tally.counts();
            let method = match vote.tally {
                Tally::Counts { .. } => l::SHOW_OF_HANDS,
                Tally::RollCall(_) => l::ROLL_CALL,
            };
            let words = crate::i18n::threshold_words(rules.adoption, lang);
            let result = match vote.result {
                VoteResult::Adopted => i18n::outcome(Outcome::AdoptedByVote),
                VoteResult::NotAdopted => i18n::outcome(Outcome::NotAdopted),
                VoteResult::EvenSplit => i18n::stage(crate::domain::Stage::AwaitingChair),
            };
            proceedings.push(plain(match lang {
                Lang::ZhTw => format!(
                    "{}（{}，{}）：出席 {} 人，{words}為 {} 人；贊成 {yes} 人、反對 {no} 人、棄權 {abstain} 人；{}。",
                    self.label(l::VOTE_STAGE),
                    Self::time(vote.stamp.at),
                    self.label(method),
                    vote.denominator,
                    vote.needed,
                    result.get(lang)
                ),
                Lang::En => format!(
                    "{} ({}, {}): {} members present; {words} is {}. For {yes}, against {no}, abstaining {abstain}: {}.",
                    self.label(l::VOTE_STAGE),
                    Self::time(vote.stamp.at),
                    self.label(method),
                    vote.denominator,
                    vote.needed,
                    result.get(lang)
                ),
            }));
            if let Tally::RollCall(ballots) = &vote.tally {
                for (ballot, label) in [
                    (Ballot::Yes, l::VOTES_YES),
                    (Ballot::No, l::VOTES_NO),
                    (Ballot::Abstain, l::VOTES_ABSTAIN),
                ] {
                    let names: Vec<Line> = ballots
                        .iter()
                        .filter(|(_, b)| *b == ballot)
                        .map(|(id, _)| self.speaker(&Speaker::Person(id.clone())))
                        .collect();
                    let mut line = plain(format!("{}{}", self.label(label), colon(lang)));
                    line.extend(self.join_or_none(names));
                    proceedings.push(line);
                }
            }
        }
        if let Some((adopted, stamp)) = &motion.chair_ruling {
            let outcome = if *adopted {
                Outcome::AdoptedByChair
            } else {
                Outcome::RejectedByChair
            };
            proceedings.push(plain(format!(
                "{}（{}）{}{}",
                self.label(l::CHAIR_RULING),
                Self::time(stamp.at),
                colon(lang),
                i18n::outcome(outcome).get(lang)
            )));
        }
        let outcome = self.outcome_label(motion).get(lang);
        proceedings.push(plain(format!(
            "{}{}{outcome}",
            self.label(l::OUTCOME),
            colon(lang)
        )));
        blocks.push(Block::Field {
            label: self.label(l::PROCEEDINGS),
            lines: Vec::new(),
        });
        blocks.push(Block::List(proceedings));
        if let Some(table) = self.vote_table(motion) {
            blocks.push(Block::Table(table));
        }
    }

    /// The decision stages as a table: consent to vote and vote, with the members
    /// present, the threshold and the counts.
    fn vote_table(&self, motion: &MotionState) -> Option<Table> {
        let lang = self.lang;
        let rules = &self.meeting.session().rules;
        let mut rows = Vec::new();
        let dash = || plain("—");
        for consent in &motion.consents {
            let result = if consent.passed {
                l::CONSENT_PASSED
            } else {
                l::CONSENT_FAILED
            };
            rows.push(vec![
                plain(format!(
                    "{} {}",
                    self.label(l::CONSENT_STAGE),
                    Self::time(consent.stamp.at)
                )),
                plain(consent.stamp.present.total().to_string()),
                plain(format!(
                    "{} {}",
                    crate::i18n::threshold_words(rules.consent_to_vote, lang),
                    consent.needed
                )),
                plain(consent.agree.to_string()),
                dash(),
                dash(),
                plain(self.label(result)),
            ]);
        }
        if let Some(vote) = &motion.vote {
            let (yes, no, abstain) = vote.tally.counts();
            let method = match vote.tally {
                Tally::Counts { .. } => l::SHOW_OF_HANDS,
                Tally::RollCall(_) => l::ROLL_CALL,
            };
            let result = match vote.result {
                VoteResult::Adopted => i18n::outcome(Outcome::AdoptedByVote),
                VoteResult::NotAdopted => i18n::outcome(Outcome::NotAdopted),
                VoteResult::EvenSplit => match motion.outcome() {
                    Some(outcome) => i18n::outcome(outcome),
                    None => i18n::stage(crate::domain::Stage::AwaitingChair),
                },
            };
            rows.push(vec![
                plain(format!(
                    "{}（{}）{}",
                    self.label(l::VOTE_STAGE),
                    self.label(method),
                    Self::time(vote.stamp.at)
                )),
                plain(vote.denominator.to_string()),
                plain(format!(
                    "{} {}",
                    crate::i18n::threshold_words(rules.adoption, lang),
                    vote.needed
                )),
                plain(yes.to_string()),
                plain(no.to_string()),
                plain(abstain.to_string()),
                plain(result.get(lang).to_owned()),
            ]);
        }
        if rows.is_empty() {
            return None;
        }
        Some(Table {
            kind: TableKind::Votes,
            header: [
                l::STAGE,
                l::PRESENT,
                l::THRESHOLD,
                l::FOR,
                l::AGAINST,
                l::ABSTAIN,
                l::OUTCOME,
            ]
            .map(|h| self.label(h))
            .to_vec(),
            rows,
        })
    }

    fn action_items(&mut self) -> Vec<Block> {
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
                Some(item) => self.text_line(&item.item.title),
                None => plain("—"),
            };
            let number = plain((rows.len() + 1).to_string());
            let matter = self.text_line(&entry.note.text);
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

    /// The chair's conclusions: the decision notes taken under the adjournment item.
    fn chair_conclusions(&mut self) -> Vec<Block> {
        let mut lines = Vec::new();
        for item in self.items_of(Section::Adjournment) {
            lines.extend(self.decisions(&item.item.id));
        }
        if lines.is_empty() {
            return vec![Block::Paragraph(plain(self.label(l::NONE)))];
        }
        lines.into_iter().map(Block::Paragraph).collect()
    }
}

fn plain_span(text: impl Into<String>) -> Span {
    Span {
        text: text.into(),
        untranslated: false,
    }
}

/// The section a block belongs to never changes with the language; the bilingual
/// renderers rely on it. This checks it (used in tests and debug builds).
pub fn same_structure(a: &Document, b: &Document) -> bool {
    a.parts.len() == b.parts.len()
        && a.parts.iter().zip(&b.parts).all(|(x, y)| {
            x.blocks.len() == y.blocks.len()
                && x.blocks
                    .iter()
                    .zip(&y.blocks)
                    .all(|(p, q)| std::mem::discriminant(p) == std::mem::discriminant(q))
        })
}
