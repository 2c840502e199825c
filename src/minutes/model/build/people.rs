//! The opening block of the minutes (time, venue, chair, members present by side,
//! observers, apologies, recorder) and how a person is named in them: in full, in
//! short, as a representative in a member's seat, as the owner of an action.

use crate::domain::{Lang, Person, Role, SeatRecord, SeatRole, Side, Speaker, Stamp};
use crate::i18n::minutes as l;
use crate::i18n::{Label, colon};
use crate::i18n::{list_separator, parenthesised};
use crate::minutes::model::{Line, Part, plain};

use super::{Builder, plain_span};

impl<'a> Builder<'a> {
    pub(super) fn opening(&mut self) -> Part {
        let state = self.state;
        let lang = self.lang;
        self.current_part = self.label(l::TIME);
        let mut blocks = Vec::new();

        let start = state.started.map(Self::time).or_else(|| {
            state
                .meeting()
                .planned_start
                .map(|t| t.format("%H:%M").to_string())
        });
        let mut when = l::long_date(state.meeting().date, lang);
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
        let venue = self.text_line(&state.meeting().venue);
        blocks.push(self.field(l::VENUE, vec![venue]));

        let mut chair = Vec::new();
        // Who the details name as chair; otherwise the conveners.
        let named = state
            .meeting()
            .chair
            .as_ref()
            .and_then(|id| state.person(id));
        if let Some(person) = named {
            chair.push(self.person_long(person));
        }
        let seats = [
            (SeatRole::Convener, l::CONVENER),
            (SeatRole::CoConvener, l::CO_CONVENER),
        ];
        for (seat, label) in seats.into_iter().filter(|_| named.is_none()) {
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

        // Members present, by side: one line a seat, as the thresholds count it. A seat
        // a representative sat in reads 「黃建國司長（李雅婷科長代理）」.
        let mut by_side: [Vec<Line>; 2] = [Vec::new(), Vec::new()];
        let mut excused = Vec::new();
        for (index, person) in state.people.iter().enumerate() {
            let Role::Member { category, .. } = person.role else {
                continue;
            };
            let side = usize::from(category.side() == Side::NonGovernment);
            match state.seat_record(index) {
                SeatRecord::Attended {
                    member,
                    representatives,
                } => {
                    let mut line = self.person_long(person);
                    if member {
                        line.extend(self.attendance_marks(index));
                    }
                    for rep in representatives {
                        line.extend(self.represented_by(&state.people[rep], rep));
                    }
                    by_side[side].push(line);
                }
                SeatRecord::Excused => excused.push(self.person_long(person)),
                SeatRecord::Absent => {}
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
        let recorder = self.text_line(&state.meeting().recorder);
        blocks.push(self.field(l::RECORDER, vec![recorder]));
        Part {
            heading: None,
            blocks,
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

    /// 「（李雅婷科長代理）」 / " (represented by Li Ya-ting, Section Chief)", with the
    /// representative's own arrival and departure.
    fn represented_by(&mut self, rep: &Person, index: usize) -> Line {
        let name = self.text(&rep.name);
        let title = self.text(&rep.title);
        let marks = self.marks(index);
        let mut line = match self.lang {
            Lang::ZhTw => vec![plain_span("（"), name, title, plain_span("代理")],
            Lang::En if title.text.is_empty() => vec![plain_span(" (represented by "), name],
            Lang::En => vec![
                plain_span(" (represented by "),
                name,
                plain_span(", "),
                title,
            ],
        };
        for mark in marks {
            line.push(plain_span(match self.lang {
                Lang::ZhTw => "，",
                Lang::En => ", ",
            }));
            line.push(plain_span(mark));
        }
        line.push(plain_span(match self.lang {
            Lang::ZhTw => "）",
            Lang::En => ")",
        }));
        line
    }

    /// "（14:25 到）", "（15:40 離席）": late arrivals and early departures.
    fn attendance_marks(&self, index: usize) -> Line {
        let marks = self.marks(index);
        if marks.is_empty() {
            return Vec::new();
        }
        plain(parenthesised(
            &marks.join(list_separator(self.lang)),
            self.lang,
        ))
    }

    /// A person's late arrival and early departure, each "14:25 到" / "arrived 14:25".
    fn marks(&self, index: usize) -> Vec<String> {
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
        marks
    }

    /// "14:25 到" / "arrived 14:25".
    fn mark(&self, at: Stamp, label: Label) -> String {
        match self.lang {
            Lang::ZhTw => format!("{} {}", Self::time(at), self.label(label)),
            Lang::En => format!("{} {}", self.label(label), Self::time(at)),
        }
    }

    /// Who is to do something: 中央選舉委員會綜合規劃處（林志豪處長）.
    pub(super) fn owner(&mut self, speaker: &Speaker) -> Line {
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

    pub(super) fn speaker(&mut self, speaker: &Speaker) -> Line {
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
}
