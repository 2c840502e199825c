//! `update`: an action changes the facilitator's screen and, through
//! `Meeting::record`, the meeting; what must happen outside (saving, quitting, the
//! link) comes back as effects for the shell to run. Nothing here reads the clock or
//! touches the terminal or the disk.
//!
//! One file per panel, as `view/` has: `attendance`, `agenda`, `motion`, `follow_up`,
//! `notes`, `speakers`, `dialog`, `note_takers`; `lists` for moving in lists and the mouse;
//! `recording` for how a change reaches the meeting (and undo). This file routes each
//! input and action to its panel, and handles what both screens share.

mod agenda;
mod attendance;
mod comments;
mod details;
mod dialog;
mod follow_up;
mod lists;
mod motion;
mod note_takers;
mod notes;
mod recording;
mod speakers;

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseEvent, MouseEventKind};

use super::action::{Action, Panel};
use super::app::App;
use super::dialog::Dialog;
use super::keys::KEYS;
use super::link_panel::{LinkCommand, LinkInput};
use crate::domain::{Event, Stamp};
use crate::i18n::screen as s;
use crate::store::SaveReport;
use crate::tui::shared::action::Common;
use crate::tui::shared::line_editor::LineEditor;

/// What the loop must do after an update.
#[derive(Clone, Debug, PartialEq)]
pub enum Effect {
    /// Hand this event, just recorded, to the saver.
    Save(Box<Event>),
    /// Leave: the loop flushes the saver first.
    Quit,
    /// Ask the host something (disconnect, revoke, a new code).
    Link(LinkCommand),
}

/// Everything that reaches the screen from outside.
#[derive(Clone, Debug, PartialEq)]
pub enum Input {
    Key(KeyEvent),
    Paste(String),
    Mouse(MouseEvent),
    Resize(u16, u16),
    /// The clock ticked: a new time for the header.
    Tick(Stamp),
    Saved(SaveReport),
    /// The note-taker link reported something.
    Link(LinkInput),
}

/// Handles one input: keys through the key table, the rest directly.
pub fn handle(app: &mut App, input: Input) -> Vec<Effect> {
    match input {
        Input::Key(key) => handle_key(app, key),
        Input::Paste(text) => {
            if app.accepts_text() {
                edit(app, |e| e.insert_str(&text));
            }
            Vec::new()
        }
        Input::Mouse(mouse) => lists::handle_mouse(app, mouse),
        Input::Resize(w, h) => {
            app.size = (w, h);
            app.keep_selections_in_view();
            Vec::new()
        }
        Input::Tick(now) => {
            app.now = now;
            if app.message.as_ref().is_some_and(|m| m.has_expired(now)) {
                app.message = None;
                app.keep_selections_in_view();
            }
            Vec::new()
        }
        Input::Saved(report) => {
            app.save.report(report);
            Vec::new()
        }
        Input::Link(input) => {
            let had_message = app.message.is_some();
            let effects = note_takers::link_input(app, input);
            if had_message != app.message.is_some() {
                app.keep_selections_in_view();
            }
            effects
        }
    }
}

fn handle_key(app: &mut App, key: KeyEvent) -> Vec<Effect> {
    // Windows sends releases too; a key counts once, when pressed.
    if key.kind != KeyEventKind::Press {
        return Vec::new();
    }
    let had_message = app.message.take().is_some();
    let effects = if let Some(action) = KEYS.lookup(app.contexts(), &key) {
        update(app, action)
    } else {
        if let KeyCode::Char(c) = key.code
            && (key.modifiers - KeyModifiers::SHIFT).is_empty()
            && app.accepts_text()
        {
            edit(app, |e| e.insert_char(c));
        }
        Vec::new()
    };
    if had_message != app.message.is_some() {
        // The message line came or went: the panels above it changed height.
        app.keep_selections_in_view();
    }
    effects
}

/// Carries out one action, in the file of its panel.
pub fn update(app: &mut App, action: Action) -> Vec<Effect> {
    use Action as A;
    match action {
        A::Common(common) => return common_action(app, common),
        A::Undo => return recording::undo(app, false),
        A::Redo => return recording::undo(app, true),
        A::FocusNext => app.focus = app.focus.next(),
        A::FocusPrevious => app.focus = app.focus.previous(),
        A::Focus(panel) => app.focus = panel,
        A::SelectFirst => lists::move_selection(app, isize::MIN / 2),
        A::SelectLast => lists::move_selection(app, isize::MAX / 2),
        A::ToggleAttendance
        | A::MarkExcused
        | A::AddObserver
        | A::AddRepresentative
        | A::CorrectPerson
        | A::AddMember
        | A::RemovePerson => {
            return attendance::update(app, action);
        }
        A::StartMeeting
        | A::StartSelectedItem
        | A::EndCurrentItem
        | A::AddExtemporeMotion
        | A::AdjournMeeting
        | A::AddItem
        | A::EditItem
        | A::MoveItemUp
        | A::MoveItemDown
        | A::RemoveItem => return agenda::update(app, action),
        A::EditMeetingDetails => return details::start(app),
        A::PreviousMotion
        | A::NextMotion
        | A::OpenConsensusRound
        | A::RecordObjection
        | A::RecordReservation
        | A::CloseConsensusRound
        | A::TakeConsentToVote
        | A::VoteByCounts
        | A::VoteByRollCall
        | A::AskChairRuling
        | A::DeferMotion
        | A::WithdrawMotion
        | A::AmendMotion
        | A::SplitMotion
        | A::AddMotion => return motion::update(app, action),
        A::RequestToSpeak
        | A::CallNextSpeaker
        | A::CallSelectedSpeaker
        | A::PauseSpeaking
        | A::EndSpeaking
        | A::ExtendSpeaking
        | A::WithdrawRequest
        | A::MoveRequestUp
        | A::MoveRequestDown
        | A::SetSpeakingLimit => return speakers::update(app, action),
        A::ToggleAllNotes => notes::toggle_all(app),
        A::NextChoice => dialog::next_choice(app),
        A::SelectOlderNote => notes::select(app, notes::Towards::Older),
        A::SelectNewerNote => notes::select(app, notes::Towards::Newer),
        A::CorrectNote => return notes::correct_selected(app),
        A::NotesBack => notes::back(app),
        A::NextField
        | A::PreviousField
        | A::BallotYes
        | A::BallotNo
        | A::BallotAbstain
        | A::ClearBallot
        | A::ChairAdopts
        | A::ChairRejects => return dialog::update(app, action),
        A::PreviousFollowUp
        | A::NextFollowUp
        | A::RecordFollowUpAction
        | A::KeepTrackingFollowUp
        | A::CloseFollowUp => return follow_up::update(app, action),
        A::ShowNoteTakers | A::DisconnectNoteTaker | A::RevokeNoteTaker | A::NewJoinCode => {
            return note_takers::update(app, action);
        }
        A::ShowComments | A::AnswerComment => return comments::update(app, action),
        A::ToggleRoomQr => match &mut app.room {
            Some(room) => room.qr_open = !room.qr_open,
            None => app.refuse(s::NOT_SERVING.get(app.lang)),
        },
    }
    Vec::new()
}

/// Carries out one of the actions both screens have.
fn common_action(app: &mut App, action: Common) -> Vec<Effect> {
    use Common as A;
    match action {
        A::Quit => {
            // A note typed but not sent is the one thing quitting could lose: say so
            // once; quitting again leaves anyway.
            if !app.notes.editor.is_empty() && !app.unsent_warned {
                app.unsent_warned = true;
                app.refuse(s::UNSENT_NOTE.get(app.lang));
                return Vec::new();
            }
            return vec![Effect::Quit];
        }
        A::ToggleHelp => app.help = if app.help.is_some() { None } else { Some(0) },
        A::SwitchLanguage => app.lang = app.lang.other(),
        A::SelectPrevious => lists::move_selection(app, -1),
        A::SelectNext => lists::move_selection(app, 1),
        A::SelectPageUp => lists::move_selection(app, -lists::page(app)),
        A::SelectPageDown => lists::move_selection(app, lists::page(app)),
        A::Confirm => return dialog::confirm(app),
        A::Cancel => app.dialog = None,
        A::CursorLeft => edit(app, LineEditor::left),
        A::CursorRight => edit(app, LineEditor::right),
        A::CursorHome => edit(app, LineEditor::home),
        A::CursorEnd => edit(app, LineEditor::end),
        A::DeleteBackward => edit(app, LineEditor::backspace),
        A::DeleteForward => edit(app, LineEditor::delete),
        A::AddNote
        | A::PickSpeaker
        | A::CycleNoteKind
        | A::ToggleEnglish
        | A::NoteNoObjection
        | A::NoteNodding
        | A::ScrollNotesUp
        | A::ScrollNotesDown => return notes::update(app, action),
    }
    Vec::new()
}

/// Applies an edit to the line that has the keyboard, and refilters a picker.
fn edit(app: &mut App, f: impl FnOnce(&mut LineEditor)) {
    if let Some(dialog) = &mut app.dialog {
        if let Some(editor) = dialog.editor_mut() {
            f(editor);
        }
        if let Dialog::Picker(picker) = dialog {
            picker.refilter(app.meeting.state());
        }
    } else if app.focus == Panel::Notes && app.help.is_none() {
        f(app.notes.editor.editor_mut());
    }
}

/// Whether an input can change what is on screen; pointer motion cannot, and must not
/// cost a redraw each time the mouse twitches.
pub fn changes_screen(input: &Input) -> bool {
    match input {
        Input::Mouse(m) => !matches!(
            m.kind,
            MouseEventKind::Moved | MouseEventKind::Drag(_) | MouseEventKind::Up(_)
        ),
        Input::Key(k) => k.kind == KeyEventKind::Press,
        _ => true,
    }
}
