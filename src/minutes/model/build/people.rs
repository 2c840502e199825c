//! The opening block of the minutes (time, venue, chair, members present by side,
//! observers, apologies, recorder) and how a person is named in them: in full, in
//! short, as a representative in a member's seat, as the owner of an action.

use crate::domain::{Lang, Person, Role, SeatRecord, SeatRole, Side, Speaker, Stamp};
use crate::i18n::minutes as l;
use crate::i18n::{Label, colon};
use crate::i18n::{close_paren, comma, list_separator, open_paren, parenthesised};
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
        // The opening block has no heading: each field is its own part in the report.
        self.current_part = self.label(l::VENUE);
        let venue = self.text_line(&state.meeting().venue, || "venue".into());
        blocks.push(self.field(l::VENUE, vec![venue]));

        self.current_part = self.label(l::CHAIR);
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
        self.current_part = self.label(l::MEMBERS_PRESENT);
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
                SeatRecord::Excused => excused.push(person),
                SeatRecord::Absent => {}
            }
        }
        let mut present = Vec::new();
        for (side, label) in [(0, l::GOVERNMENT), (1, l::NON_GOVERNMENT)] {
            let count = by_side[side].len();
            let count_words = match lang {
                Lang::ZhTw => format!("{count} 人"),
                Lang::En => count.to_string(),
            };
            let mut line = plain(format!(
                "{}{}{}",
                self.label(label),
                parenthesised(&count_words, lang),
                colon(lang)
            ));
            let list = std::mem::take(&mut by_side[side]);
            line.extend(self.join(list));
            if count == 0 {
                line.push(plain_span(self.label(l::NONE)));
            }
            present.push(line);
        }
        blocks.push(self.field(l::MEMBERS_PRESENT, present));

        self.current_part = self.label(l::OBSERVERS);
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
        self.current_part = self.label(l::EXCUSED);
        let excused = excused.into_iter().map(|p| self.person_long(p)).collect();
        let excused = self.join_or_none(excused);
        self.current_part = self.label(l::RECORDER);
        blocks.push(self.field(l::EXCUSED, vec![excused]));
        let recorder = self.text_line(&state.meeting().recorder, || "recorder".into());
        blocks.push(self.field(l::RECORDER, vec![recorder]));
        Part {
            heading: None,
            blocks,
        }
    }

    /// 中央選舉委員會副主任委員陳怡君 / Chen Yi-chun, Vice Chairperson, Central
    /// Election Commission.
    fn person_long(&mut self, person: &Person) -> Line {
        let id = &person.id;
        let name = self.text(&person.name, || format!("person {id}, name"));
        let title = self.text(&person.title, || format!("person {id}, title"));
        let org = self.text(&person.organisation, || {
            format!("person {id}, organisation")
        });
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
        let id = &person.id;
        let name = self.text(&person.name, || format!("person {id}, name"));
        let title = self.text(&person.title, || format!("person {id}, title"));
        match self.lang {
            Lang::ZhTw => {
                let gap = plain_span(crate::i18n::run_gap(&name.text, &title.text));
                vec![name, gap, title]
                    .into_iter()
                    .filter(|s| !s.text.is_empty())
                    .collect()
            }
            Lang::En if title.text.is_empty() => vec![name],
            Lang::En => vec![
                name,
                plain_span(open_paren(self.lang)),
                title,
                plain_span(close_paren(self.lang)),
            ],
        }
    }

    /// 「（李雅婷科長代理）」 / " (represented by Li Ya-ting, Section Chief)", with the
    /// representative's own arrival and departure.
    fn represented_by(&mut self, rep: &Person, index: usize) -> Line {
        let id = &rep.id;
        let name = self.text(&rep.name, || format!("person {id}, name"));
        let title = self.text(&rep.title, || format!("person {id}, title"));
        let marks = self.marks(index);
        let open = plain_span(open_paren(self.lang));
        let mut line = match self.lang {
            // 「（李雅婷科長代理」: a Latin name or title set off by a space.
            Lang::ZhTw => {
                let gap = plain_span(crate::i18n::run_gap(&name.text, &title.text));
                let last = if title.text.is_empty() { &name } else { &title };
                let acting = l::REPRESENTING.zh;
                let acting = format!("{}{acting}", crate::i18n::run_gap(&last.text, acting));
                vec![open, name, gap, title, plain_span(acting)]
            }
            Lang::En if title.text.is_empty() => {
                vec![open, plain_span(l::REPRESENTING.en), plain_span(" "), name]
            }
            Lang::En => vec![
                open,
                plain_span(l::REPRESENTING.en),
                plain_span(" "),
                name,
                plain_span(comma(self.lang)),
                title,
            ],
        };
        line.retain(|s| !s.text.is_empty());
        for mark in marks {
            line.push(plain_span(comma(self.lang)));
            line.push(plain_span(mark));
        }
        line.push(plain_span(close_paren(self.lang)));
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
        let seat = match &person.role {
            Role::Representative { seat, .. } => &self.state.people[*seat].id,
            _ => &person.id,
        };
        let mut line = self.text_line(organisation, || format!("person {seat}, organisation"));
        line.push(plain_span(open_paren(self.lang)));
        line.extend(self.person_short(person));
        line.push(plain_span(close_paren(self.lang)));
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
