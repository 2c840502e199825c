//! The dialogs: one line of text, a speaker picker, vote counts, a roll call, the
//! chair's ruling. Each knows what it is for, so confirming it records the right event.

use crate::domain::{Ballot, ItemId, MotionId, Presence, Role, Speaker, State, Text};

use crate::tui::shared::people::People;

use crate::tui::shared::line_editor::LineEditor;
use crate::tui::shared::text::width;

/// A note waiting for its action owner and due date.
#[derive(Clone, Debug, PartialEq)]
pub struct NoteDraft {
    pub speaker: Option<Speaker>,
    pub text: Text,
    pub item: Option<ItemId>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum TextPurpose {
    ObserverName,
    RepresentativeName {
        for_member: usize,
    },
    ExtemporeText,
    ObjectionReason {
        motion: MotionId,
        speaker: Speaker,
        blocking: bool,
    },
    ConsentCount {
        motion: MotionId,
    },
    DueDate {
        draft: NoteDraft,
        owner: Option<Speaker>,
    },
    /// What was done about a follow-up matter, by its number in the table.
    FollowUpActionTaken {
        entry: u32,
    },
}

#[derive(Clone, Debug, PartialEq)]
pub enum PickPurpose {
    NoteSpeaker,
    Objector { motion: MotionId, blocking: bool },
    Proposer { text: String },
    ActionOwner { draft: NoteDraft },
}

impl PickPurpose {
    /// Whether "(none)" is a valid answer.
    pub fn allows_nobody(&self) -> bool {
        !matches!(self, PickPurpose::Objector { .. })
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
pub struct Picker {
    pub purpose: PickPurpose,
    pub query: LineEditor,
    pub rows: Vec<PickRow>,
    pub selected: usize,
}

/// How many rows the picker lists at most; more typing narrows it.
const PICKER_ROWS: usize = 200;

impl Picker {
    pub fn new(purpose: PickPurpose, people: &dyn People) -> Picker {
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
            if !matches {
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

/// The three count fields of a vote by show of hands.
#[derive(Clone, Debug, PartialEq)]
pub struct CountsForm {
    pub motion: MotionId,
    /// Yes, no, abstain.
    pub fields: [LineEditor; 3],
    pub focus: usize,
}

#[derive(Clone, Debug, PartialEq)]
pub struct RollCall {
    pub motion: MotionId,
    /// Each member seat present, by the person sitting in it, and their ballot.
    pub rows: Vec<(usize, Option<Ballot>)>,
    pub selected: usize,
}

impl RollCall {
    /// One row per member seat occupied now: the member, or their representative.
    pub fn new(motion: MotionId, state: &State) -> RollCall {
        let mut seats_taken = vec![false; state.people.len()];
        let mut rows = Vec::new();
        for (i, person) in state.people.iter().enumerate() {
            let seat = match person.role {
                Role::Member { .. } => i,
                Role::Representative { seat, .. } => seat,
                Role::Observer => continue,
            };
            if state.presence(i) != Presence::Present || seats_taken[seat] {
                continue;
            }
            seats_taken[seat] = true;
            rows.push((i, None));
        }
        RollCall {
            motion,
            rows,
            selected: 0,
        }
    }

    /// (yes, no, abstain, not yet called)
    pub fn counts(&self) -> (u32, u32, u32, u32) {
        let mut c = (0, 0, 0, 0);
        for (_, ballot) in &self.rows {
            match ballot {
                Some(Ballot::Yes) => c.0 += 1,
                Some(Ballot::No) => c.1 += 1,
                Some(Ballot::Abstain) => c.2 += 1,
                None => c.3 += 1,
            }
        }
        c
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum Dialog {
    Text {
        purpose: TextPurpose,
        editor: LineEditor,
        /// The question, already in the interface's language when it has numbers in it.
        question: Option<String>,
    },
    Picker(Picker),
    Counts(CountsForm),
    RollCall(RollCall),
    ChairRuling {
        motion: MotionId,
    },
}

impl Dialog {
    pub fn text(purpose: TextPurpose) -> Dialog {
        Dialog::Text {
            purpose,
            editor: LineEditor::new(),
            question: None,
        }
    }

    /// The line being typed, if this dialog has one.
    pub fn editor_mut(&mut self) -> Option<&mut LineEditor> {
        match self {
            Dialog::Text { editor, .. } => Some(editor),
            Dialog::Picker(p) => Some(&mut p.query),
            Dialog::Counts(form) => form.fields.get_mut(form.focus),
            Dialog::RollCall(_) | Dialog::ChairRuling { .. } => None,
        }
    }
}

/// Parses a count typed in a dialog: digits only, empty is zero for vote counts.
pub fn parse_count(s: &str, empty_is_zero: bool) -> Option<u32> {
    let s = s.trim();
    if s.is_empty() {
        return empty_is_zero.then_some(0);
    }
    // Full-width digits come from Chinese input methods; read them as digits.
    let ascii: String = s
        .chars()
        .map(|c| match c {
            '０'..='９' => {
                char::from_u32(u32::from(c) - u32::from('０') + u32::from('0')).unwrap_or(c)
            }
            _ => c,
        })
        .collect();
    if !ascii.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    ascii.parse().ok()
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_read_ascii_and_full_width_digits() {
        assert_eq!(parse_count("12", false), Some(12));
        assert_eq!(parse_count("１２", false), Some(12));
        assert_eq!(parse_count("", true), Some(0));
        assert_eq!(parse_count("", false), None);
        assert_eq!(parse_count("六", false), None);
        assert_eq!(parse_count("-1", false), None);
    }
}
