//! The facilitator's screen as data: the meeting, the language, the focus, each
//! panel's own state, the open dialog, and what the saver has reported.

use crate::domain::{EventKind, Lang, Meeting, Seq, Stamp};
use crate::store::{SaveError, SaveReport};
use crate::tui::shared::message::Message;

use super::action::{Action, Panel};
use super::dialog::Dialog;
use super::layout::{self, Areas};
use super::link_panel::LinkPanel;
use super::panels::{
    AgendaPanel, AttendancePanel, CommentsPanel, MotionPanel, NotesPanel, SpeakersPanel,
};
use crate::tui::shared::keys::Context;
use crate::tui::shared::layout::inner;

/// What the file on disk holds compared with the screen.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SaveState {
    /// The last event handed to the saver.
    pub recorded: Option<Seq>,
    /// The last event the saver reported on disk.
    pub saved: Option<Seq>,
    /// The last write failed (the saver keeps retrying).
    pub error: Option<SaveError>,
}

impl SaveState {
    /// "Saved" only once the saver has reported the last event on disk.
    pub fn is_saved(&self) -> bool {
        self.error.is_none()
            && self
                .recorded
                .is_none_or(|r| self.saved.is_some_and(|s| s >= r))
    }

    pub fn report(&mut self, report: SaveReport) {
        match report {
            SaveReport::Saved { through } => {
                self.saved = Some(self.saved.map_or(through, |s| s.max(through)));
                self.error = None;
            }
            SaveReport::Failed { error } => self.error = Some(error),
        }
    }
}

pub struct App {
    pub meeting: Meeting,
    pub lang: Lang,
    pub focus: Panel,
    /// The wall clock, set at the edge before each input is handled.
    pub now: Stamp,
    /// The terminal's size, for laying out mouse targets and page sizes.
    pub size: (u16, u16),
    pub attendance: AttendancePanel,
    pub agenda: AgendaPanel,
    pub motion: MotionPanel,
    pub notes: NotesPanel,
    pub speakers: SpeakersPanel,
    /// The public's comments, when open over the screen.
    pub comments: Option<CommentsPanel>,
    pub dialog: Option<Dialog>,
    /// The help overlay, open, scrolled this many lines.
    pub help: Option<usize>,
    pub message: Option<Message>,
    pub save: SaveState,
    /// Quitting failed to save once; the next quit writes a rescue copy.
    pub quit_failed: bool,
    /// Quitting was asked with a note still in the input line; the next quit leaves.
    pub unsent_warned: bool,
    /// The note-taker link, when the screen listens for note-takers.
    pub link: Option<LinkPanel>,
    /// The room's live page, when the screen serves it.
    pub room: Option<RoomPage>,
}

/// The room's live page as the facilitator sees it: where it is, how many watch, and
/// whether its QR code is shown.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RoomPage {
    pub url: String,
    pub viewers: usize,
    pub qr_open: bool,
}

impl App {
    /// A screen for `meeting`, in Chinese, with the attendance panel focused.
    pub fn new(meeting: Meeting, now: Stamp) -> App {
        let mut app = App {
            meeting,
            lang: Lang::ZhTw,
            focus: Panel::Attendance,
            now,
            size: (120, 40),
            attendance: AttendancePanel::default(),
            agenda: AgendaPanel::default(),
            motion: MotionPanel::default(),
            notes: NotesPanel::default(),
            speakers: SpeakersPanel::default(),
            comments: None,
            dialog: None,
            help: None,
            message: None,
            save: SaveState::default(),
            quit_failed: false,
            unsent_warned: false,
            link: None,
            room: None,
        };
        app.refresh_all();
        app
    }

    pub fn state(&self) -> &crate::domain::State {
        self.meeting.state()
    }

    /// The contexts whose keys apply now, most specific first.
    pub fn contexts(&self) -> &'static [Context] {
        use Context as C;
        if self.help.is_some() {
            return &[C::Help, C::Everywhere];
        }
        if self.note_takers_open() {
            return &[C::NoteTakers, C::Everywhere];
        }
        match &self.dialog {
            Some(Dialog::Text { .. }) => &[C::TextPrompt, C::Editing, C::Everywhere],
            Some(Dialog::Picker(_)) => &[C::Picker, C::Editing, C::Everywhere],
            Some(Dialog::Counts(_)) => &[C::Counts, C::Editing, C::Everywhere],
            Some(Dialog::RollCall(_)) => &[C::RollCall, C::Everywhere],
            Some(Dialog::ChairRuling { .. }) => &[C::ChairRuling, C::Everywhere],
            None if self.comments.is_some() => &[C::Comments, C::Everywhere],
            None => match self.focus {
                Panel::Attendance => &[
                    C::Attendance,
                    C::Lists,
                    C::Panels,
                    C::Navigation,
                    C::Everywhere,
                ],
                Panel::Agenda => &[C::Agenda, C::Lists, C::Panels, C::Navigation, C::Everywhere],
                // The follow-up table's keys work on any item, so that on another
                // one they can say where the table is; the footer offers them only
                // where the table is shown.
                Panel::Motion => &[
                    C::Motion,
                    C::FollowUp,
                    C::Panels,
                    C::Navigation,
                    C::Everywhere,
                ],
                Panel::Notes => &[C::Notes, C::Editing, C::Navigation, C::Everywhere],
                Panel::Speakers => &[
                    C::Speakers,
                    C::Lists,
                    C::Panels,
                    C::Navigation,
                    C::Everywhere,
                ],
            },
        }
    }

    /// Whether the list of note-takers is open over the screen.
    pub fn note_takers_open(&self) -> bool {
        self.link.as_ref().is_some_and(|l| l.open)
    }

    /// Whether typed characters are text (an input line has the keyboard).
    pub fn accepts_text(&self) -> bool {
        if self.note_takers_open() {
            return false;
        }
        match &self.dialog {
            Some(Dialog::Text { .. } | Dialog::Picker(_) | Dialog::Counts(_)) => true,
            Some(_) => false,
            None => self.help.is_none() && self.comments.is_none() && self.focus == Panel::Notes,
        }
    }

    /// Where everything is on a screen of the current size (`None`: too small).
    pub fn areas(&self) -> Option<Areas> {
        let (w, h) = self.size;
        layout::areas(
            ratatui::layout::Rect::new(0, 0, w, h),
            self.header_rows(),
            self.message.is_some(),
        )
    }

    /// The header has a row for the note-taker link, when listening, and one for the
    /// room's page, when serving it.
    pub fn header_rows(&self) -> u16 {
        2 + u16::from(self.link.is_some()) + u16::from(self.room.is_some())
    }

    /// The motion the facilitator has on screen, as the room's page is asked to show
    /// it.
    pub fn room_view(&self) -> crate::web::RoomView {
        let focus = self
            .selected_motion()
            .map(|i| &self.state().motions[i].motion.id);
        crate::web::RoomView::of(&self.meeting, focus)
    }

    /// The item the motion and speakers panels show (its motions, its queue): the
    /// current one, or the one selected in the agenda while none is under way.
    pub fn item_in_view(&self) -> Option<usize> {
        self.state()
            .current_item
            .or_else(|| self.agenda.selected_item())
    }

    /// The queue of the item in view, in order.
    pub fn queue_in_view(&self) -> &[crate::domain::Request] {
        match self.item_in_view().and_then(|i| self.state().items.get(i)) {
            Some(item) => self.state().queue(&item.item.id),
            None => &[],
        }
    }

    /// The request the speakers panel has selected.
    pub fn selected_request(&self) -> Option<&crate::domain::Request> {
        let queue = self.queue_in_view();
        queue.get(
            self.speakers
                .list
                .selected
                .min(queue.len().saturating_sub(1)),
        )
    }

    /// Indexes into `State::motions` of the motion panel's item.
    pub fn shown_motions(&self) -> &[usize] {
        match self.item_in_view().and_then(|i| self.state().items.get(i)) {
            Some(item) => self.motion.motions_of(&item.item.id),
            None => &[],
        }
    }

    /// The motion the panel shows, as an index into `State::motions`.
    pub fn selected_motion(&self) -> Option<usize> {
        let motions = self.shown_motions();
        motions
            .get(self.motion.selected.min(motions.len().saturating_sub(1)))
            .copied()
    }

    /// Whether the footer should offer `action` now. The key works regardless (and
    /// says why when it cannot); this only keeps the footer to what makes sense.
    pub fn offers(&self, action: Action) -> bool {
        use Action as A;
        let state = self.state();
        if let Some(step) = action.step() {
            return self.selected_motion().is_some_and(|i| {
                let motion = &state.motions[i].motion.id;
                state.check_step(motion, step).is_ok()
            });
        }
        match action {
            A::StartMeeting => state.started.is_none(),
            A::AdjournMeeting => state.started.is_some() && state.adjourned.is_none(),
            A::EndCurrentItem => state.current_item.is_some(),
            A::RecordFollowUpAction | A::KeepTrackingFollowUp | A::CloseFollowUp => {
                use crate::domain::FollowUpStatus as F;
                let entry = self.selected_follow_up().map(|i| &state.follow_up[i]);
                let status = entry
                    .filter(|e| state.check_follow_up(e.number).is_ok())
                    .map(|e| e.status);
                match action {
                    A::KeepTrackingFollowUp => status == Some(F::Closed),
                    A::CloseFollowUp => status == Some(F::KeepTracking),
                    _ => status.is_some(),
                }
            }
            A::PauseSpeaking | A::EndSpeaking | A::ExtendSpeaking => state.speaking_now().is_some(),
            A::CallNextSpeaker | A::CallSelectedSpeaker => {
                state.current_item.is_some()
                    && state.current_item == self.item_in_view()
                    && !self.queue_in_view().is_empty()
            }
            A::WithdrawRequest | A::MoveRequestUp | A::MoveRequestDown => {
                !self.queue_in_view().is_empty()
            }
            A::ShowNoteTakers => self.link.is_some(),
            A::DisconnectNoteTaker | A::RevokeNoteTaker => self
                .link
                .as_ref()
                .is_some_and(|l| l.selected_note_taker().is_some()),
            _ => true,
        }
    }

    /// Whether the motion panel shows the follow-up table: its item is the follow-up
    /// on previous resolutions, it has no motion of its own, and the session carried
    /// matters to follow up.
    pub fn follow_up_shown(&self) -> bool {
        let state = self.state();
        !state.follow_up.is_empty()
            && self.shown_motions().is_empty()
            && self
                .item_in_view()
                .and_then(|i| state.items.get(i))
                .is_some_and(|item| item.item.section == crate::domain::Section::FollowUp)
    }

    /// The follow-up row the motion panel has selected, as an index into
    /// `State::follow_up`, when the panel shows the table.
    pub fn selected_follow_up(&self) -> Option<usize> {
        let rows = self.state().follow_up.len();
        (self.follow_up_shown() && rows > 0).then(|| self.motion.follow_up_selected.min(rows - 1))
    }

    pub fn info(&mut self, text: impl Into<String>) {
        self.message = Some(Message::info(text, self.now));
    }

    pub fn refuse(&mut self, text: impl Into<String>) {
        self.message = Some(Message::refusal(text, self.now));
    }

    /// After the state was refolded (undo, redo, opening): every index again.
    pub fn refresh_all(&mut self) {
        let state = self.meeting.state();
        self.attendance.rebuild(state);
        self.agenda.rebuild(state);
        self.motion.rebuild(state);
        self.notes.index.sync(&state.notes, true);
        self.keep_selections_in_view();
    }

    /// After one ordinary event: only what it can have changed.
    pub fn refresh_after(&mut self, kind: &EventKind) {
        let state = self.meeting.state();
        match kind {
            EventKind::RepresentativeAdded(_)
            | EventKind::ObserverAdded(_)
            | EventKind::PersonCorrected { .. }
            | EventKind::MemberAdded(_)
            | EventKind::PersonRemoved { .. } => self.attendance.rebuild(state),
            EventKind::Arrived { .. } | EventKind::Left { .. } | EventKind::Excused { .. } => {
                self.attendance.recount(state)
            }
            EventKind::ItemAdded(_)
            | EventKind::ItemChanged(_)
            | EventKind::ItemMoved { .. }
            | EventKind::ItemRemoved { .. } => {
                self.agenda.rebuild(state);
                self.motion.rebuild(state);
            }
            EventKind::MotionAdded(_) | EventKind::MotionSplit { .. } => self.motion.rebuild(state),
            EventKind::CommentsImported { .. } | EventKind::CommentAnswered { .. } => {
                self.agenda.count_comments(state)
            }
            EventKind::ItemStarted { .. } => {
                if let Some(current) = state.current_item {
                    self.agenda.select_item(current);
                }
                self.motion.selected = 0;
                self.speakers.list = Default::default();
                self.notes.scroll = 0;
                self.notes.selected = None;
            }
            EventKind::NoteAdded(_) => {
                self.notes.index.sync(&state.notes, false);
                // The newest note comes into view, unless one is selected: that one
                // stays where it is.
                let shown = self.notes.shown(state).len();
                self.notes.scroll = self
                    .notes
                    .selected
                    .map_or(0, |n| shown.saturating_sub(n + 1));
            }
            EventKind::NoteCorrected { .. } => self.notes.index.sync(&state.notes, true),
            EventKind::Retracted { .. } | EventKind::Reinstated { .. } => {
                self.refresh_all();
                return;
            }
            _ => {}
        }
        self.keep_selections_in_view();
    }

    /// Scrolls the lists so their selections are visible at the current size.
    pub fn keep_selections_in_view(&mut self) {
        let Some(areas) = self.areas() else {
            return;
        };
        let att = layout::attendance_list(areas.attendance);
        self.attendance
            .list
            .scroll_into_view(att.height as usize, self.attendance.rows.len());
        let agenda = inner(areas.agenda);
        self.agenda
            .list
            .scroll_into_view(agenda.height as usize, self.agenda.rows.len());
        let queue = layout::speaker_parts(areas.speakers).queue;
        let len = self.queue_in_view().len();
        let list = &mut self.speakers.list;
        list.selected = list.selected.min(len.saturating_sub(1));
        list.scroll_into_view(queue.height as usize, len);
    }

    /// Who has the floor.
    pub fn floor(&self) -> Option<&crate::domain::Speaker> {
        self.state().speaking_now().map(|turn| &turn.speaker)
    }

    /// After a change that may have passed the floor on from `was`: the note line
    /// follows it (`NoteEditor::floor_passed`).
    pub fn follow_floor(&mut self, was: Option<crate::domain::Speaker>) {
        let now = self.floor().cloned();
        // While a note is being corrected, the line set aside follows, not the note.
        let line = match &mut self.notes.correcting {
            Some(correcting) => &mut correcting.set_aside,
            None => &mut self.notes.editor,
        };
        line.floor_passed(was.as_ref(), now.as_ref());
    }
}
