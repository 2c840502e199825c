//! The note-taker's screen as data: the meeting as the host shows it, the timeline of
//! everyone's notes with the state of one's own, the note being typed, the link's
//! state.

use std::collections::{BTreeMap, BTreeSet, VecDeque};
use std::sync::Arc;

use crate::domain::{DomainError, EventKind, Lang, Note, Seq, Speaker, Stamp};
use crate::i18n::{Label, screen as s};
use crate::net::protocol::PersonView;
use crate::net::{ConnectionState, MeetingView, NoteView};
use crate::tui::shared::keys::Context;
use crate::tui::shared::line_editor::LineEditor;
use crate::tui::shared::message::Message;
use crate::tui::shared::note_editor::{NoteDraft, NoteEditor};
use crate::tui::shared::picker::{Picker, Purpose};

/// Nobody to pick before the host's welcome: typed names only.
static NO_PEOPLE: Vec<PersonView> = Vec::new();

/// Where one of one's own notes is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NoteState {
    /// In the outbox on this laptop; not yet saved by the host.
    Sending,
    /// The host has it on disk.
    Saved,
    /// The host's meeting refused it, for this reason.
    Rejected(DomainError),
    /// Too long to travel (an older version let it into the outbox): never sent, its
    /// text kept beside the outbox.
    TooLong,
}

/// A note typed here that the host has not shown back yet.
#[derive(Clone, Debug, PartialEq)]
pub struct LocalNote {
    pub at: Stamp,
    pub note: Arc<Note>,
}

/// A row of the timeline: a note as the host has it, or one of ours it has not shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Row {
    Host(Seq),
    Local(u64),
}

/// Everyone's notes as the host shows them, with one's own not yet there.
#[derive(Clone, Debug, Default)]
pub struct Timeline {
    /// The host's notes in log order.
    pub notes: Vec<NoteView>,
    /// Own notes (by own number) the host has not shown back yet.
    pub local: BTreeMap<u64, LocalNote>,
    /// Own corrections not yet acknowledged: own number → (the note, as corrected).
    pub corrections: BTreeMap<u64, (Seq, Arc<Note>)>,
    /// Own numbers not yet acknowledged by the host.
    pub unacked: BTreeSet<u64>,
    /// Own notes the host refused, and why.
    pub rejected: BTreeMap<u64, DomainError>,
    /// Own notes set aside as too long to travel.
    pub too_long: BTreeSet<u64>,
    /// The selected row (one of one's own notes), to correct it.
    pub selected: Option<Row>,
    /// Rows scrolled off the bottom.
    pub scroll: usize,
}

impl Timeline {
    /// How many rows the timeline has.
    pub fn len(&self) -> usize {
        self.notes.len() + self.local.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The row at `index`, oldest first: the host's notes, then ours not yet there.
    pub fn row(&self, index: usize) -> Option<Row> {
        if let Some(note) = self.notes.get(index) {
            return Some(Row::Host(note.seq));
        }
        // Counted from the nearer end: the screen asks for the newest rows.
        let local = index - self.notes.len();
        let from_end = self.local.len().checked_sub(local + 1)?;
        let own = if from_end < local {
            self.local.keys().rev().nth(from_end)
        } else {
            self.local.keys().nth(local)
        };
        own.map(|&seq| Row::Local(seq))
    }

    /// Where `row` is, if it is still there.
    pub fn index_of(&self, row: Row) -> Option<usize> {
        match row {
            Row::Host(seq) => self.notes.binary_search_by_key(&seq, |n| n.seq).ok(),
            Row::Local(own) => self
                .local
                .keys()
                .position(|&k| k == own)
                .map(|i| self.notes.len() + i),
        }
    }

    pub fn host_note(&self, seq: Seq) -> Option<&NoteView> {
        self.notes
            .binary_search_by_key(&seq, |n| n.seq)
            .ok()
            .map(|i| &self.notes[i])
    }

    /// Whether a row is one of ours.
    pub fn is_mine(&self, row: Row) -> bool {
        match row {
            Row::Host(seq) => self.host_note(seq).is_some_and(|n| n.mine.is_some()),
            Row::Local(_) => true,
        }
    }

    /// The state of one of our notes, by our number.
    pub fn state_of(&self, own: u64) -> NoteState {
        if let Some(why) = self.rejected.get(&own) {
            NoteState::Rejected(why.clone())
        } else if self.too_long.contains(&own) {
            NoteState::TooLong
        } else if self.unacked.contains(&own) {
            NoteState::Sending
        } else {
            NoteState::Saved
        }
    }

    /// A correction of ours to the host's note `seq` still on its way, if any.
    pub fn pending_correction(&self, seq: Seq) -> Option<(u64, &Arc<Note>)> {
        self.corrections
            .iter()
            .rev()
            .find(|(_, (note, _))| *note == seq)
            .map(|(own, (_, note))| (*own, note))
    }

    /// The welcome: the host's notes as they stand.
    pub fn welcome(&mut self, notes: Vec<NoteView>) {
        self.notes = notes;
        self.notes.sort_by_key(|n| n.seq);
        // Our notes the host now shows are no longer ours to show.
        for own in self.notes.iter().filter_map(|n| n.mine) {
            self.local.remove(&own);
        }
    }

    /// Notes added, corrected or brought back, and notes undone.
    pub fn update(&mut self, notes: Vec<NoteView>, removed: &[Seq]) {
        self.notes.retain(|n| !removed.contains(&n.seq));
        for note in notes {
            if let Some(own) = note.mine {
                self.local.remove(&own);
            }
            match self.notes.binary_search_by_key(&note.seq, |n| n.seq) {
                Ok(i) => self.notes[i] = note,
                Err(i) => self.notes.insert(i, note),
            }
        }
    }

    /// Everything through `through` is saved by the host (or was refused).
    pub fn acked(&mut self, through: u64) {
        // What the host sends is not trusted to be sensible: no overflow on u64::MAX.
        let after = through.saturating_add(1);
        self.unacked = self.unacked.split_off(&after);
        self.corrections = self.corrections.split_off(&after);
        if through == u64::MAX {
            self.unacked.clear();
            self.corrections.clear();
        }
        // Saved but not shown (the host had it already, beyond its welcome's reach):
        // it is in the session, so it leaves the screen's own list.
        let (rejected, too_long) = (&self.rejected, &self.too_long);
        self.local.retain(|own, _| {
            *own > through || rejected.contains_key(own) || too_long.contains(own)
        });
    }

    pub fn reject(&mut self, own: u64, why: DomainError) {
        self.unacked.remove(&own);
        self.corrections.remove(&own);
        if self.local.contains_key(&own) {
            self.rejected.insert(own, why);
        }
    }

    /// The next of our own rows before (`older`) or after the selection; from none,
    /// older starts at the newest. Past the newest, the selection ends.
    pub fn step_selection(&mut self, older: bool) {
        let len = self.len();
        let current = self.selected.and_then(|r| self.index_of(r));
        let candidates: Box<dyn Iterator<Item = usize>> = match (current, older) {
            (None, true) => Box::new((0..len).rev()),
            (None, false) => return,
            (Some(i), true) => Box::new((0..i).rev()),
            (Some(i), false) => Box::new(i + 1..len),
        };
        let found = candidates
            .filter_map(|i| self.row(i))
            .find(|&row| self.is_mine(row));
        match (found, older) {
            (Some(row), _) => self.selected = Some(row),
            (None, false) => self.selected = None,
            // Already at our oldest note: stay there.
            (None, true) => {}
        }
    }
}

/// A note from the editor on its way into the outbox: what comes back to the line if
/// the outbox cannot keep it.
#[derive(Clone, Debug, PartialEq)]
pub struct Held {
    pub editor: NoteEditor,
    /// The note it corrects, and that note as it was, when it is a correction.
    pub correcting: Option<(Seq, Arc<Note>)>,
}

/// Correcting one of our notes: which, and what was being typed before.
#[derive(Clone, Debug, PartialEq)]
pub struct Correcting {
    pub note: Seq,
    pub original: Arc<Note>,
    pub set_aside: NoteEditor,
}

/// What the note-taker picks a person for.
#[derive(Clone, Debug, PartialEq)]
pub enum JoinPick {
    NoteSpeaker,
    ActionOwner { draft: NoteDraft },
}

impl Purpose for JoinPick {
    fn allows_nobody(&self) -> bool {
        true
    }

    fn question(&self) -> Label {
        match self {
            JoinPick::NoteSpeaker => s::ASK_NOTE_SPEAKER,
            JoinPick::ActionOwner { .. } => s::ASK_OWNER,
        }
    }
}

/// The note-taker's dialogs.
#[derive(Clone, Debug, PartialEq)]
pub enum JoinDialog {
    /// A speaker, or an action item's owner.
    Picker(Picker<JoinPick>),
    /// An action item's due date, after its owner.
    DueDate {
        draft: NoteDraft,
        owner: Option<Speaker>,
        editor: LineEditor,
    },
    /// The join code, typed again.
    Code { editor: LineEditor },
}

pub struct JoinApp {
    pub lang: Lang,
    /// The wall clock, set at the edge before each input is handled.
    pub now: Stamp,
    pub size: (u16, u16),
    /// The host's address, as typed.
    pub address: String,
    /// The name our notes are recorded under.
    pub name: String,
    pub connection: ConnectionState,
    /// The meeting as the host last showed it (`None` before any welcome).
    pub meeting: Option<MeetingView>,
    pub timeline: Timeline,
    pub editor: NoteEditor,
    pub correcting: Option<Correcting>,
    /// Notes from the editor on their way into the outbox, oldest first.
    pub in_flight: VecDeque<Held>,
    pub dialog: Option<JoinDialog>,
    /// The help overlay, open, scrolled this many lines.
    pub help: Option<usize>,
    pub message: Option<Message>,
    /// The outbox could not be written: notes may not be kept.
    pub outbox_error: Option<String>,
    /// Quitting was asked with something unsent; the next quit leaves.
    pub quit_warned: bool,
}

impl JoinApp {
    /// The screen before the host has said anything, with the notes a previous run
    /// left in the outbox (`pending`, in order) shown as sending.
    pub fn new(
        address: String,
        name: String,
        now: Stamp,
        pending: Vec<(u64, EventKind)>,
    ) -> JoinApp {
        let mut timeline = Timeline::default();
        for (own, kind) in pending {
            timeline.unacked.insert(own);
            match kind {
                EventKind::NoteAdded(note) => {
                    timeline.local.insert(own, LocalNote { at: now, note });
                }
                EventKind::NoteCorrected { note, corrected } => {
                    timeline.corrections.insert(own, (note, corrected));
                }
                _ => {}
            }
        }
        JoinApp {
            lang: Lang::ZhTw,
            now,
            size: (80, 24),
            address,
            name,
            connection: ConnectionState::Connecting,
            meeting: None,
            timeline,
            editor: NoteEditor::default(),
            correcting: None,
            in_flight: VecDeque::new(),
            dialog: None,
            help: None,
            message: None,
            outbox_error: None,
            quit_warned: false,
        }
    }

    /// Who may be picked as a speaker or owner: the meeting's people, once known.
    pub fn people(&self) -> &Vec<PersonView> {
        self.meeting.as_ref().map_or(&NO_PEOPLE, |m| &m.people)
    }

    /// Who has the floor, as the host last said.
    pub fn floor(&self) -> Option<&Speaker> {
        self.meeting.as_ref()?.speaking.as_ref().map(|t| &t.speaker)
    }

    /// The meeting as the host now shows it (a welcome or an update). When the floor
    /// passes, an empty line follows it (`NoteEditor::floor_passed`); so does the line
    /// set aside for a correction, but never the note being corrected.
    pub fn show_meeting(&mut self, meeting: MeetingView) {
        let was = self.floor().cloned();
        self.meeting = Some(meeting);
        let now = self.floor().cloned();
        let line = match &mut self.correcting {
            Some(correcting) => &mut correcting.set_aside,
            None => &mut self.editor,
        };
        line.floor_passed(was.as_ref(), now.as_ref());
    }

    /// The contexts whose keys apply now, most specific first.
    pub fn contexts(&self) -> &'static [Context] {
        use Context as C;
        if self.help.is_some() {
            return &[C::Help, C::Everywhere];
        }
        match &self.dialog {
            Some(JoinDialog::Picker(_)) => &[C::Picker, C::Editing, C::Everywhere],
            Some(_) => &[C::TextPrompt, C::Editing, C::Everywhere],
            None => &[C::Join, C::Editing, C::Everywhere],
        }
    }

    /// Whether typed characters are text.
    pub fn accepts_text(&self) -> bool {
        self.help.is_none()
    }

    /// How many of our notes the host has not saved yet.
    pub fn unsaved(&self) -> usize {
        self.timeline.unacked.len()
    }

    /// The note in the editor goes to the outbox: the editor is free at once for the
    /// next note, its speaker whoever has the floor (or back to what was set aside for
    /// a correction), and the note is held until the outbox has it.
    pub fn hold_for_the_outbox(&mut self) {
        self.dialog = None;
        let held = match self.correcting.take() {
            Some(correcting) => {
                self.timeline.selected = None;
                Held {
                    editor: std::mem::replace(&mut self.editor, correcting.set_aside),
                    correcting: Some((correcting.note, correcting.original)),
                }
            }
            None => {
                let next = NoteEditor::for_floor(self.floor());
                Held {
                    editor: std::mem::replace(&mut self.editor, next),
                    correcting: None,
                }
            }
        };
        self.in_flight.push_back(held);
    }

    /// The outbox could not keep the oldest note on its way: it comes back to the
    /// editor (a correction, to correcting), with anything typed since after it.
    pub fn restore_unkept(&mut self) {
        let Some(held) = self.in_flight.pop_front() else {
            return;
        };
        match (held.correcting, &mut self.correcting) {
            (Some((note, original)), None) => {
                let set_aside = std::mem::replace(&mut self.editor, held.editor);
                self.correcting = Some(Correcting {
                    note,
                    original,
                    set_aside,
                });
            }
            (_, Some(correcting)) => {
                // Correcting another note now: what failed waits in the line that
                // comes back after it.
                let set_aside = std::mem::take(&mut correcting.set_aside);
                correcting.set_aside = held.editor.followed_by(set_aside);
            }
            (None, None) => {
                let typed = std::mem::take(&mut self.editor);
                self.editor = held.editor.followed_by(typed);
            }
        }
    }

    pub fn info(&mut self, text: impl Into<String>) {
        self.message = Some(Message::info(text, self.now));
    }

    pub fn refuse(&mut self, text: impl Into<String>) {
        self.message = Some(Message::refusal(text, self.now));
    }
}
