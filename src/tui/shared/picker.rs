//! Choosing a person by typing part of a name: a speaker, an objector, a proposer, an
//! action item's owner. Both screens use it, each with its own purposes (what the
//! choice is for, which says the dialog's question and whether "(none)" may be chosen).

use super::line_editor::LineEditor;
use super::people::People;
use crate::domain::{Presence, Speaker};
use crate::i18n::{Label, screen as s};
use crate::width::width;

/// What a picker is choosing for.
pub trait Purpose {
    /// Whether "(none)" is a valid answer.
    fn allows_nobody(&self) -> bool;
    /// The dialog's question.
    fn question(&self) -> Label;
    /// Whether only those who may act on a motion now are offered (a blocking
    /// objection, a proposer), rather than everyone.
    fn only_who_may_act(&self) -> bool {
        false
    }
    /// How the row for a name typed in reads.
    fn typed_name(&self) -> Label {
        s::FREE_TEXT
    }
}

/// One row of the picker.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PickRow {
    Nobody,
    /// An index into `State::people`.
    Person(usize),
    /// The typed text, as a name not on the roster.
    Free,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Picker<P> {
    pub purpose: P,
    pub query: LineEditor,
    pub rows: Vec<PickRow>,
    pub selected: usize,
}

/// How many rows the picker lists at most; more typing narrows it.
const PICKER_ROWS: usize = 200;

impl<P: Purpose> Picker<P> {
    pub fn new(purpose: P, people: &dyn People) -> Picker<P> {
        let mut picker = Picker {
            purpose,
            query: LineEditor::new(),
            rows: Vec::new(),
            selected: 0,
        };
        picker.refilter(people);
        picker
    }

    /// Matches the query against names (both languages), ids and organisations, case
    /// blind; people in the room first, since they are the ones speaking.
    pub fn refilter(&mut self, people: &dyn People) {
        let query = self.query.as_str().trim().to_lowercase();
        let mut present = Vec::new();
        let mut others = Vec::new();
        for i in 0..people.count() {
            let name = people.name(i);
            let matches = query.is_empty()
                || name.text.to_lowercase().contains(&query)
                || name
                    .en
                    .as_deref()
                    .is_some_and(|en| en.to_lowercase().contains(&query))
                || people.id(i).0.to_lowercase().contains(&query)
                || people.organisation(i).text.to_lowercase().contains(&query);
            if !matches || (self.purpose.only_who_may_act() && !people.may_act(i)) {
                continue;
            }
            if people.presence(i) == Presence::Present {
                present.push(PickRow::Person(i));
            } else {
                others.push(PickRow::Person(i));
            }
        }
        let mut rows = Vec::new();
        if query.is_empty() && self.purpose.allows_nobody() {
            rows.push(PickRow::Nobody);
        }
        rows.extend(present);
        rows.extend(others);
        rows.truncate(PICKER_ROWS);
        if !query.is_empty() {
            rows.push(PickRow::Free);
        }
        self.rows = rows;
        self.selected = 0;
    }

    /// What the highlighted row stands for; `None` for "(none)".
    pub fn choice(&self, people: &dyn People) -> Option<Speaker> {
        match self.rows.get(self.selected)? {
            PickRow::Nobody => None,
            PickRow::Person(i) => {
                (*i < people.count()).then(|| Speaker::Person(people.id(*i).clone()))
            }
            PickRow::Free => {
                let name = self.query.as_str().trim();
                (!name.is_empty()).then(|| Speaker::Named(name.to_owned()))
            }
        }
    }
}

/// The width a picker needs for a person's name, for lining up the organisation.
pub fn name_column(people: &dyn People, rows: &[PickRow]) -> usize {
    rows.iter()
        .filter_map(|r| match r {
            PickRow::Person(i) if *i < people.count() => Some(width(&people.name(*i).text)),
            _ => None,
        })
        .max()
        .unwrap_or(4)
        .min(16)
}
