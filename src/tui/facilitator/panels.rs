//! Each panel's own state: what is selected, where it is scrolled, and the small
//! indexes that let a frame draw only what is visible. Rebuilt from the meeting's
//! state when an event changes it, never per frame.

use crate::tui::shared::note_editor::NoteEditor;
use std::collections::HashMap;

use crate::domain::{ItemId, Lang, NoteEntry, Role, Section, Side, State};

use crate::width::width;

/// A selection in a list taller than its window, and the first row shown.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ListState {
    pub selected: usize,
    pub offset: usize,
}

impl ListState {
    /// The first row to show so that the selection is visible in `height` rows of a
    /// list of `len`. Pure, so the view and the mouse agree on what is where.
    pub fn window_start(&self, height: usize, len: usize) -> usize {
        if height == 0 || len == 0 {
            return 0;
        }
        let selected = self.selected.min(len - 1);
        let mut offset = self.offset.min(len.saturating_sub(height));
        if selected < offset {
            offset = selected;
        } else if selected >= offset + height {
            offset = selected + 1 - height;
        }
        offset
    }

    /// Keeps the stored offset where the view will draw it.
    pub fn scroll_into_view(&mut self, height: usize, len: usize) {
        self.offset = self.window_start(height, len);
    }
}

// ---- attendance ----------------------------------------------------------------------

/// The groups the attendance panel shows, in order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Group {
    Government,
    NonGovernment,
    Observers,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AttendanceRow {
    Heading(Group),
    /// An index into `State::people`.
    Person(usize),
}

#[derive(Clone, Debug, Default)]
pub struct AttendancePanel {
    pub rows: Vec<AttendanceRow>,
    pub list: ListState,
    /// The widest name in each language (Chinese, English), capped, so the column
    /// after the names lines up.
    pub name_width: [usize; 2],
    pub observers_present: u32,
    pub observers_total: u32,
}

/// The widest a name column gets; longer names are cut.
const NAME_COLUMN_MAX: usize = 16;

impl AttendancePanel {
    /// Members by side, each representative right under the member they sit for,
    /// then observers.
    pub fn rebuild(&mut self, state: &State) {
        let keep = self.selected_person();
        let mut reps: HashMap<usize, Vec<usize>> = HashMap::new();
        let mut observers = Vec::new();
        let mut government = Vec::new();
        let mut non_government = Vec::new();
        let mut name_width = [4, 4];
        for (i, person) in state.people.iter().enumerate() {
            name_width[0] = name_width[0].max(width(person.name.get(Lang::ZhTw)));
            name_width[1] = name_width[1].max(width(person.name.get(Lang::En)));
            match &person.role {
                Role::Member { category, .. } => match category.side() {
                    Side::Government => government.push(i),
                    Side::NonGovernment => non_government.push(i),
                },
                Role::Representative { seat, .. } => reps.entry(*seat).or_default().push(i),
                Role::Observer => observers.push(i),
            }
        }
        let mut rows = Vec::with_capacity(state.people.len() + 3);
        for (group, members) in [
            (Group::Government, &government),
            (Group::NonGovernment, &non_government),
        ] {
            rows.push(AttendanceRow::Heading(group));
            for &m in members {
                rows.push(AttendanceRow::Person(m));
                for &r in reps.get(&m).into_iter().flatten() {
                    rows.push(AttendanceRow::Person(r));
                }
            }
        }
        rows.push(AttendanceRow::Heading(Group::Observers));
        rows.extend(observers.iter().map(|&o| AttendanceRow::Person(o)));
        self.observers_total = u32::try_from(observers.len()).unwrap_or(u32::MAX);
        self.observers_present = u32::try_from(
            observers
                .iter()
                .filter(|&&o| state.presence(o) == crate::domain::Presence::Present)
                .count(),
        )
        .unwrap_or(u32::MAX);
        self.rows = rows;
        self.name_width = name_width.map(|w| w.min(NAME_COLUMN_MAX));
        match keep.filter(|&p| p < state.people.len()) {
            Some(person) => self.select_person(person),
            None => self.list.selected = self.first_person_row_from(0, true).unwrap_or(0),
        }
        // Someone taken off the list: the selection goes to the nearest person.
        if !matches!(
            self.rows.get(self.list.selected),
            Some(AttendanceRow::Person(_))
        ) {
            let at = self.list.selected.min(self.rows.len().saturating_sub(1));
            self.list.selected = self
                .first_person_row_from(at, true)
                .or_else(|| self.first_person_row_from(at, false))
                .unwrap_or(0);
        }
    }

    /// Only presence changed: recount the observers, keep the rows.
    pub fn recount(&mut self, state: &State) {
        self.observers_present = u32::try_from(
            self.rows
                .iter()
                .filter_map(|r| match r {
                    AttendanceRow::Person(i) => Some(*i),
                    AttendanceRow::Heading(_) => None,
                })
                .filter(|&i| {
                    state.people[i].role == Role::Observer
                        && state.presence(i) == crate::domain::Presence::Present
                })
                .count(),
        )
        .unwrap_or(u32::MAX);
    }

    /// The name column's width in `lang`: names whole where possible (the room reads
    /// names, not organisations), leaving the organisation a few columns.
    pub fn name_column(&self, lang: Lang, row_width: usize) -> usize {
        let widest = self.name_width[usize::from(lang == Lang::En)];
        let after_mark = row_width.saturating_sub(5);
        widest.min(after_mark.saturating_sub(8).max(6))
    }

    pub fn selected_person(&self) -> Option<usize> {
        match self.rows.get(self.list.selected) {
            Some(AttendanceRow::Person(i)) => Some(*i),
            _ => None,
        }
    }

    pub fn select_person(&mut self, person: usize) {
        if let Some(row) = self
            .rows
            .iter()
            .position(|r| *r == AttendanceRow::Person(person))
        {
            self.list.selected = row;
        }
    }

    /// The nearest person row from `row`, looking down (or up), skipping headings.
    fn first_person_row_from(&self, row: usize, down: bool) -> Option<usize> {
        let is_person = |r: &AttendanceRow| matches!(r, AttendanceRow::Person(_));
        if down {
            (row..self.rows.len()).find(|&i| is_person(&self.rows[i]))
        } else {
            (0..=row.min(self.rows.len().saturating_sub(1)))
                .rev()
                .find(|&i| self.rows.get(i).is_some_and(is_person))
        }
    }

    /// Moves the selection by `delta` rows, landing on a person.
    pub fn move_by(&mut self, delta: isize) {
        if self.rows.is_empty() {
            return;
        }
        let last = self.rows.len() - 1;
        let target = self.list.selected.saturating_add_signed(delta).min(last);
        let down = delta >= 0;
        let found = self
            .first_person_row_from(target, down)
            .or_else(|| self.first_person_row_from(target, !down));
        if let Some(row) = found {
            self.list.selected = row;
        }
    }

    /// Selects the row clicked, if it is a person.
    pub fn select_row(&mut self, row: usize) -> bool {
        if matches!(self.rows.get(row), Some(AttendanceRow::Person(_))) {
            self.list.selected = row;
            true
        } else {
            false
        }
    }
}

// ---- agenda --------------------------------------------------------------------------

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AgendaRow {
    Section(Section),
    /// An index into `State::items`.
    Item(usize),
}

#[derive(Clone, Debug, Default)]
pub struct AgendaPanel {
    pub rows: Vec<AgendaRow>,
    pub list: ListState,
    /// Each item's public comments: how many, how many not yet answered.
    pub comments: HashMap<ItemId, (usize, usize)>,
}

impl AgendaPanel {
    pub fn rebuild(&mut self, state: &State) {
        let keep = self.selected_item().map(|i| state_item_id(state, i));
        let mut rows = Vec::with_capacity(state.items.len() + 6);
        let mut section = None;
        for (i, item) in state.items.iter().enumerate() {
            if section != Some(item.item.section) {
                section = Some(item.item.section);
                rows.push(AgendaRow::Section(item.item.section));
            }
            rows.push(AgendaRow::Item(i));
        }
        self.rows = rows;
        self.count_comments(state);
        let keep = keep
            .flatten()
            .and_then(|id| state.item_position(&id).ok())
            .or(state.current_item);
        match keep {
            Some(item) => self.select_item(item),
            None => self.list.selected = self.rows.len().min(1),
        }
    }

    pub fn selected_item(&self) -> Option<usize> {
        match self.rows.get(self.list.selected) {
            Some(AgendaRow::Item(i)) => Some(*i),
            _ => None,
        }
    }

    /// Counts each item's comments again (after an import or an answer).
    pub fn count_comments(&mut self, state: &State) {
        self.comments.clear();
        for c in state.comments() {
            if let Some(item) = &c.comment.item {
                let count = self.comments.entry(item.clone()).or_default();
                count.0 += 1;
                count.1 += usize::from(c.answer.is_none());
            }
        }
    }

    pub fn select_item(&mut self, item: usize) {
        if let Some(row) = self.rows.iter().position(|r| *r == AgendaRow::Item(item)) {
            self.list.selected = row;
        }
    }

    pub fn move_by(&mut self, delta: isize) {
        if self.rows.is_empty() {
            return;
        }
        let last = self.rows.len() - 1;
        let mut row = self.list.selected.saturating_add_signed(delta).min(last);
        // Section labels are not selectable: step past them in the direction moved.
        while matches!(self.rows.get(row), Some(AgendaRow::Section(_))) {
            if delta >= 0 && row < last {
                row += 1;
            } else if row > 0 {
                row -= 1;
            } else {
                row = 1.min(last);
                break;
            }
        }
        self.list.selected = row;
    }

    pub fn select_row(&mut self, row: usize) -> bool {
        if matches!(self.rows.get(row), Some(AgendaRow::Item(_))) {
            self.list.selected = row;
            true
        } else {
            false
        }
    }
}

fn state_item_id(state: &State, item: usize) -> Option<ItemId> {
    state.items.get(item).map(|i| i.item.id.clone())
}

// ---- motion --------------------------------------------------------------------------

#[derive(Clone, Debug, Default)]
pub struct MotionPanel {
    /// For each item id, its motions' indexes into `State::motions`.
    pub by_item: HashMap<ItemId, Vec<usize>>,
    /// Which of the shown item's motions is selected.
    pub selected: usize,
    /// On the follow-up item: the selected row of the follow-up table, as an index
    /// into `State::follow_up` (the table's rows are fixed by the set-up).
    pub follow_up_selected: usize,
}

impl MotionPanel {
    pub fn rebuild(&mut self, state: &State) {
        self.by_item.clear();
        for (i, m) in state.motions.iter().enumerate() {
            self.by_item
                .entry(m.motion.item.clone())
                .or_default()
                .push(i);
        }
    }

    pub fn motions_of(&self, item: &ItemId) -> &[usize] {
        self.by_item.get(item).map_or(&[], Vec::as_slice)
    }
}

// ---- comments ------------------------------------------------------------------------

/// The public's comments, open over the screen: on which item (fixed when opened),
/// and which is selected.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CommentsPanel {
    pub item: Option<ItemId>,
    pub selected: usize,
}

impl CommentsPanel {
    /// The comments shown, as indexes into `State::comments`: the item's, then those
    /// on no item.
    pub fn shown(&self, state: &State) -> Vec<usize> {
        let on = |item: Option<&ItemId>| -> Vec<usize> {
            state
                .comments()
                .iter()
                .enumerate()
                .filter(|(_, c)| c.comment.item.as_ref() == item)
                .map(|(i, _)| i)
                .collect()
        };
        let mut shown = on(self.item.as_ref());
        if self.item.is_some() {
            shown.extend(on(None));
        }
        shown
    }
}

// ---- speakers ------------------------------------------------------------------------

/// The speaking queue panel: which request is selected (a position in the queue of
/// the item in view, which the domain keeps in order).
#[derive(Clone, Debug, Default)]
pub struct SpeakersPanel {
    pub list: ListState,
}

// ---- notes ---------------------------------------------------------------------------

/// Notes by agenda item, as indexes into `State::notes`, so the timeline of one item is
/// drawn from its own list rather than by scanning every note.
#[derive(Clone, Debug, Default)]
pub struct NoteIndex {
    by_item: HashMap<Option<ItemId>, Vec<usize>>,
    indexed: usize,
}

impl NoteIndex {
    /// Indexes notes added since the last call; `rebuild` starts over (after undo,
    /// which refolds the state and may renumber notes).
    pub fn sync(&mut self, notes: &[NoteEntry], rebuild: bool) {
        if rebuild || notes.len() < self.indexed {
            self.by_item.clear();
            self.indexed = 0;
        }
        for (i, entry) in notes.iter().enumerate().skip(self.indexed) {
            self.by_item
                .entry(entry.note.item.clone())
                .or_default()
                .push(i);
        }
        self.indexed = notes.len();
    }

    pub fn of_item(&self, item: Option<&ItemId>) -> &[usize] {
        self.by_item.get(&item.cloned()).map_or(&[], Vec::as_slice)
    }
}

#[derive(Clone, Debug, Default)]
pub struct NotesPanel {
    /// The note being typed.
    pub editor: NoteEditor,
    /// Show every item's notes, not only the current item's.
    pub show_all: bool,
    /// How many notes are scrolled off the bottom.
    pub scroll: usize,
    pub index: NoteIndex,
    /// The selected note, as a position in [`NotesPanel::shown`].
    pub selected: Option<usize>,
    /// The note the editor is correcting, if it is.
    pub correcting: Option<Correcting>,
}

/// A note being corrected in the editor.
#[derive(Clone, Debug, PartialEq)]
pub struct Correcting {
    /// The note as first added: what the correction names.
    pub note: crate::domain::Seq,
    /// Its item, which a correction keeps.
    pub item: Option<ItemId>,
    /// What was being typed before, back in the editor when the correction is done.
    pub set_aside: crate::tui::shared::note_editor::NoteEditor,
}

impl NotesPanel {
    /// The notes the timeline shows, as indexes into `State::notes`, oldest first.
    pub fn shown<'a>(&'a self, state: &'a State) -> NotesShown<'a> {
        if self.show_all {
            NotesShown::All(state.notes.len())
        } else {
            let item = state.current_item().map(|i| &i.item.id);
            NotesShown::Some(self.index.of_item(item))
        }
    }
}

/// Either all notes (`0..len`) or one item's list, without allocating either.
pub enum NotesShown<'a> {
    All(usize),
    Some(&'a [usize]),
}

impl NotesShown<'_> {
    pub fn len(&self) -> usize {
        match self {
            NotesShown::All(n) => *n,
            NotesShown::Some(list) => list.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn get(&self, i: usize) -> Option<usize> {
        match self {
            NotesShown::All(n) => (i < *n).then_some(i),
            NotesShown::Some(list) => list.get(i).copied(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_window_follows_the_selection() {
        let mut list = ListState {
            selected: 12,
            offset: 0,
        };
        assert_eq!(list.window_start(5, 20), 8);
        list.offset = 8;
        list.selected = 3;
        assert_eq!(list.window_start(5, 20), 3);
        // A list shorter than its window never scrolls.
        assert_eq!(list.window_start(50, 20), 0);
        assert_eq!(list.window_start(0, 20), 0);
        assert_eq!(list.window_start(5, 0), 0);
    }
}
