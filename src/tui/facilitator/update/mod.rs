//! `update`: an action changes the screen's state and, through `Meeting::record`, the
//! meeting; what must happen outside (saving, quitting) comes back as effects for the
//! loop to run. Nothing here reads the clock or touches the terminal or the disk.

use crate::i18n::{note_taking, refusals, screen as s};
use crate::tui::shared::note_editor::NoteKindChoice;
use chrono::NaiveDate;
use crossterm::event::{
    KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};
use ratatui::layout::{Position, Rect};

use crate::domain::{
    AgendaItem, Author, Ballot, DomainError, Event, EventKind, FollowUpEntry, FollowUpStatus,
    ItemId, Motion, MotionId, Note, NoteKind, Observer, PersonId, Representative, Section, Seq,
    Side, Speaker, Stamp, Tally, Text,
};
use crate::net::{NoteRequest, NoteSettled};
use crate::store::SaveReport;

use super::action::{Action, Panel};
use super::app::{App, MESSAGE_SECONDS};
use super::dialog::{
    CountsForm, Dialog, NoteDraft, PickPurpose, Picker, RollCall, TextPurpose, parse_count,
};
use super::keys;
use super::layout;
use super::link_panel::{Attempt, LinkCommand, LinkInput};
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
            paste(app, &text);
            Vec::new()
        }
        Input::Mouse(mouse) => handle_mouse(app, mouse),
        Input::Resize(w, h) => {
            app.size = (w, h);
            app.keep_selections_in_view();
            Vec::new()
        }
        Input::Tick(now) => {
            app.now = now;
            if app
                .message
                .as_ref()
                .is_some_and(|m| (now - m.at).num_seconds() >= MESSAGE_SECONDS)
            {
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
            let effects = link_input(app, input);
            if had_message != app.message.is_some() {
                app.keep_selections_in_view();
            }
            effects
        }
    }
}

/// What the host reported: the list, the notices, and note-takers' notes.
fn link_input(app: &mut App, input: LinkInput) -> Vec<Effect> {
    let lang = app.lang;
    let Some(link) = app.link.as_mut() else {
        return Vec::new();
    };
    match input {
        LinkInput::Joined {
            name,
            peer,
            connected,
        } => {
            link.set_connected(connected);
            app.info(note_taking::note_taker_joined(&name, &peer, lang));
        }
        LinkInput::Left {
            client,
            name,
            reason,
            connected,
        } => {
            // A reconnect closes the old link after the new one joined: not a leave.
            let back = connected.iter().any(|n| n.client == client);
            link.set_connected(connected);
            if !back {
                app.info(note_taking::note_taker_left(
                    &name,
                    &note_taking::link_end(&reason, lang),
                    lang,
                ));
            }
        }
        LinkInput::FailedAttempt { peer, at, failures } => {
            link.attempt(Attempt {
                peer: peer.clone(),
                at,
                failures,
            });
            app.refuse(note_taking::wrong_code_tried(&peer, at, failures, lang));
        }
        LinkInput::CodeChanged { code, replaced } => {
            let text = if replaced {
                link.code_replaced_at = Some(app.now);
                note_taking::code_replaced(&code.to_string(), lang)
            } else {
                link.code_replaced_at = None;
                note_taking::new_code_issued(&code.to_string(), lang)
            };
            link.code = code;
            // Wrong tries of the old code are history now (the list keeps them).
            link.alert = None;
            if replaced {
                app.refuse(text);
            } else {
                app.info(text);
            }
        }
        LinkInput::Refused { name, reason } => {
            let why = refusals::host_refusal(&reason, lang);
            app.refuse(note_taking::note_taker_refused(name.as_deref(), &why, lang));
        }
        LinkInput::Note(request) => return record_note_takers_note(app, request),
    }
    Vec::new()
}

fn handle_key(app: &mut App, key: KeyEvent) -> Vec<Effect> {
    // Windows sends releases too; a key counts once, when pressed.
    if key.kind != KeyEventKind::Press {
        return Vec::new();
    }
    let had_message = app.message.take().is_some();
    let effects = if let Some(action) = keys::lookup(app.contexts(), &key) {
        update(app, action)
    } else {
        if let KeyCode::Char(c) = key.code
            && (key.modifiers - KeyModifiers::SHIFT).is_empty()
            && app.accepts_text()
        {
            type_char(app, c);
        }
        Vec::new()
    };
    if had_message != app.message.is_some() {
        // The message line came or went: the panels above it changed height.
        app.keep_selections_in_view();
    }
    effects
}

/// Carries out one action.
pub fn update(app: &mut App, action: Action) -> Vec<Effect> {
    use Action as A;
    match action {
        A::Quit => {
            // A note typed but not sent is the one thing quitting could lose: say so
            // once; quitting again leaves anyway.
            let unsent = !app.notes.input.is_empty() || !app.notes.english.is_empty();
            if unsent && !app.unsent_warned {
                app.unsent_warned = true;
                app.refuse(s::UNSENT_NOTE.get(app.lang));
                return Vec::new();
            }
            return vec![Effect::Quit];
        }
        A::ToggleHelp => app.help = if app.help.is_some() { None } else { Some(0) },
        A::SwitchLanguage => app.lang = app.lang.other(),
        A::Undo => return undo(app, false),
        A::Redo => return undo(app, true),
        A::FocusNext => app.focus = app.focus.next(),
        A::FocusPrevious => app.focus = app.focus.previous(),
        A::Focus(panel) => app.focus = panel,

        A::SelectPrevious => move_selection(app, -1),
        A::SelectNext => move_selection(app, 1),
        A::SelectPageUp => move_selection(app, -page(app)),
        A::SelectPageDown => move_selection(app, page(app)),
        A::SelectFirst => move_selection(app, isize::MIN / 2),
        A::SelectLast => move_selection(app, isize::MAX / 2),

        A::ToggleAttendance => return toggle_attendance(app),
        A::MarkExcused => {
            let Some(person) = app.attendance.selected_person() else {
                app.refuse(s::NOTHING_SELECTED.get(app.lang));
                return Vec::new();
            };
            let id = app.state().people[person].id.clone();
            return record(app, EventKind::Excused { person: id });
        }
        A::AddObserver => app.dialog = Some(Dialog::text(TextPurpose::ObserverName)),
        A::AddRepresentative => {
            let member = app.attendance.selected_person().filter(|&i| {
                let state = app.state();
                state.people[i].is_member()
                    && state.people[i].side(&state.people) == Some(Side::Government)
            });
            match member {
                Some(for_member) => {
                    app.dialog = Some(Dialog::text(TextPurpose::RepresentativeName { for_member }))
                }
                None => app.refuse(s::NOT_A_GOVERNMENT_MEMBER.get(app.lang)),
            }
        }

        A::StartMeeting => return record(app, EventKind::MeetingStarted),
        A::StartSelectedItem => {
            let Some(item) = app.agenda.selected_item() else {
                app.refuse(s::NO_ITEM_SELECTED.get(app.lang));
                return Vec::new();
            };
            let id = app.state().items[item].item.id.clone();
            return record(app, EventKind::ItemStarted { item: id });
        }
        A::EndCurrentItem => {
            let Some(current) = app.state().current_item() else {
                app.refuse(s::NO_CURRENT_ITEM.get(app.lang));
                return Vec::new();
            };
            let id = current.item.id.clone();
            return record(app, EventKind::ItemEnded { item: id });
        }
        A::AddExtemporeMotion => app.dialog = Some(Dialog::text(TextPurpose::ExtemporeText)),
        A::AdjournMeeting => return record(app, EventKind::MeetingAdjourned),

        A::PreviousMotion | A::NextMotion => {
            let n = app.shown_motions().len();
            if n > 0 {
                let current = app.motion.selected.min(n - 1);
                app.motion.selected = if action == A::NextMotion {
                    (current + 1) % n
                } else {
                    (current + n - 1) % n
                };
            }
        }
        A::OpenConsensusRound => {
            return on_motion(app, |motion| EventKind::ConsensusRoundOpened { motion });
        }
        A::RecordObjection | A::RecordReservation => {
            let blocking = action == A::RecordObjection;
            if let Some(motion) = motion_for(app, action) {
                let picker = Picker::new(PickPurpose::Objector { motion, blocking }, app.state());
                app.dialog = Some(Dialog::Picker(picker));
            }
        }
        A::CloseConsensusRound => {
            return on_motion(app, |motion| EventKind::ConsensusRoundClosed { motion });
        }
        A::TakeConsentToVote => {
            if let Some(motion) = motion_for(app, action) {
                let live = app.state().live_thresholds();
                let question = s::ask_consent(live.present, live.to_open_vote, app.lang);
                app.dialog = Some(Dialog::Text {
                    purpose: TextPurpose::ConsentCount { motion },
                    editor: Default::default(),
                    question: Some(question),
                });
            }
        }
        A::VoteByCounts => {
            if let Some(motion) = motion_for(app, action) {
                app.dialog = Some(Dialog::Counts(CountsForm {
                    motion,
                    fields: Default::default(),
                    focus: 0,
                }));
            }
        }
        A::VoteByRollCall => {
            if let Some(motion) = motion_for(app, action) {
                app.dialog = Some(Dialog::RollCall(RollCall::new(motion, app.state())));
            }
        }
        A::AskChairRuling => {
            if let Some(motion) = motion_for(app, action) {
                app.dialog = Some(Dialog::ChairRuling { motion });
            }
        }
        A::DeferMotion => return on_motion(app, |motion| EventKind::MotionDeferred { motion }),
        A::WithdrawMotion => return on_motion(app, |motion| EventKind::MotionWithdrawn { motion }),

        A::AddNote => return add_note(app),
        A::PickSpeaker => {
            app.dialog = Some(Dialog::Picker(Picker::new(
                PickPurpose::NoteSpeaker,
                app.state(),
            )));
        }
        A::CycleNoteKind => app.notes.kind = app.notes.kind.next(),
        A::ToggleEnglish => app.notes.editing_english = !app.notes.editing_english,
        A::NoteNoObjection => {
            return quick_narrative(app, s::NO_OBJECTION_NARRATIVE, s::NO_OBJECTION_NARRATIVE_EN);
        }
        A::NoteNodding => {
            return quick_narrative(app, s::NODDING_NARRATIVE, s::NODDING_NARRATIVE_EN);
        }
        A::ToggleAllNotes => {
            app.notes.show_all = !app.notes.show_all;
            app.notes.scroll = 0;
        }
        A::ScrollNotesUp => scroll_notes(app, 3),
        A::ScrollNotesDown => scroll_notes(app, -3),

        A::CursorLeft => edit(app, |e| e.left()),
        A::CursorRight => edit(app, |e| e.right()),
        A::CursorHome => edit(app, |e| e.home()),
        A::CursorEnd => edit(app, |e| e.end()),
        A::DeleteBackward => edit(app, |e| e.backspace()),
        A::DeleteForward => edit(app, |e| e.delete()),

        A::Confirm => return confirm(app),
        A::Cancel => app.dialog = None,
        A::NextField | A::PreviousField => {
            if let Some(Dialog::Counts(form)) = &mut app.dialog {
                form.focus = if action == A::NextField {
                    (form.focus + 1) % 3
                } else {
                    (form.focus + 2) % 3
                };
            }
        }
        A::BallotYes => mark_ballot(app, Some(Ballot::Yes)),
        A::BallotNo => mark_ballot(app, Some(Ballot::No)),
        A::BallotAbstain => mark_ballot(app, Some(Ballot::Abstain)),
        A::ClearBallot => mark_ballot(app, None),
        A::ShowNoteTakers => match app.link.as_mut() {
            Some(link) => link.open = !link.open,
            None => app.refuse(note_taking::NOT_LISTENING.get(app.lang)),
        },
        A::DisconnectNoteTaker | A::RevokeNoteTaker => {
            let chosen = app
                .link
                .as_ref()
                .and_then(|l| l.selected_note_taker())
                .map(|n| (n.client.clone(), n.name.clone()));
            let Some((client, name)) = chosen else {
                app.refuse(note_taking::NO_NOTE_TAKER.get(app.lang));
                return Vec::new();
            };
            let command = if action == A::RevokeNoteTaker {
                app.info(note_taking::revoked(&name, app.lang));
                LinkCommand::Revoke { client, name }
            } else {
                app.info(note_taking::disconnected(&name, app.lang));
                LinkCommand::Disconnect { client, name }
            };
            return vec![Effect::Link(command)];
        }
        A::NewJoinCode => {
            if app.link.is_some() {
                return vec![Effect::Link(LinkCommand::NewCode)];
            }
        }
        // The note-taker's screen only.
        A::PreviousOwnNote
        | A::NextOwnNote
        | A::CorrectNote
        | A::EnterJoinCode
        | A::ReconnectNow => {}
        A::ChairAdopts | A::ChairRejects => {
            if let Some(Dialog::ChairRuling { motion }) = &app.dialog {
                let kind = EventKind::ChairRuled {
                    motion: motion.clone(),
                    adopted: action == A::ChairAdopts,
                };
                return record_from_dialog(app, kind);
            }
        }

        A::PreviousFollowUp | A::NextFollowUp => {
            if let Some(current) = app.selected_follow_up() {
                let last = app.state().follow_up.len() - 1;
                app.motion.follow_up_selected = if action == A::NextFollowUp {
                    (current + 1).min(last)
                } else {
                    current.saturating_sub(1)
                };
            }
        }
        A::RecordFollowUpAction => ask_action_taken(app),
        A::KeepTrackingFollowUp => return mark_follow_up(app, FollowUpStatus::KeepTracking),
        A::CloseFollowUp => return mark_follow_up(app, FollowUpStatus::Closed),
    }
    Vec::new()
}

// ---- recording -----------------------------------------------------------------------

/// A note-taker's note reaches the meeting like every other change: recorded here,
/// from its origin (so a note resent after a reconnect is recorded once), then
/// handed to the saver; the host is told what came of it so it can acknowledge the
/// note once saved, or tell the note-taker why it was refused.
fn record_note_takers_note(app: &mut App, request: Box<NoteRequest>) -> Vec<Effect> {
    let NoteRequest { origin, name, kind } = *request;
    let by = Author::NoteTaker(name.clone());
    let settled = match app.meeting.record_from(origin.clone(), app.now, by, kind) {
        Ok(event) => {
            let event = event.clone();
            app.save.recorded = Some(event.seq);
            app.refresh_after(&event.kind);
            let settled = NoteSettled::Recorded(event.seq);
            return vec![
                Effect::Save(Box::new(event)),
                Effect::Link(LinkCommand::Settle { origin, settled }),
            ];
        }
        Err(DomainError::AlreadyRecorded { .. }) => {
            let log_end = app.meeting.session().log.last().map_or(Seq(0), |e| e.seq);
            NoteSettled::AlreadyRecorded { log_end }
        }
        Err(error) => {
            let why = refusals::refusal(&error, app.lang);
            app.refuse(note_taking::note_refused(&name, &why, app.lang));
            NoteSettled::Refused(error)
        }
    };
    vec![Effect::Link(LinkCommand::Settle { origin, settled })]
}

/// Records an event as the facilitator, now. A refusal becomes the message, and
/// nothing changes.
fn try_record(app: &mut App, kind: EventKind) -> Option<Effect> {
    match app.meeting.record(app.now, Author::Facilitator, kind) {
        Ok(event) => {
            let event = event.clone();
            app.save.recorded = Some(event.seq);
            app.refresh_after(&event.kind);
            Some(Effect::Save(Box::new(event)))
        }
        Err(error) => {
            let text = refusals::refusal(&error, app.lang);
            app.refuse(text);
            None
        }
    }
}

fn record(app: &mut App, kind: EventKind) -> Vec<Effect> {
    try_record(app, kind).into_iter().collect()
}

/// Records from a dialog: the dialog closes on success and stays open, with its input,
/// on a refusal so the facilitator can correct it.
fn record_from_dialog(app: &mut App, kind: EventKind) -> Vec<Effect> {
    let effects = record(app, kind);
    if !effects.is_empty() {
        app.dialog = None;
    }
    effects
}

fn undo(app: &mut App, redo: bool) -> Vec<Effect> {
    let by = Author::Facilitator;
    let target = if redo {
        app.meeting.redo_target(&by)
    } else {
        app.meeting.undo_target(&by)
    };
    // Describe it before undo changes what the names refer to.
    let what = target
        .and_then(|seq| app.meeting.event(seq))
        .map(|e| s::describe(&e.kind, app.meeting.state(), app.lang));
    let result = if redo {
        app.meeting.redo(app.now, by)
    } else {
        app.meeting.undo(app.now, by)
    };
    match result {
        Ok(event) => {
            let event = event.clone();
            app.save.recorded = Some(event.seq);
            app.refresh_after(&event.kind);
            let what = what.unwrap_or_default();
            let text = if redo {
                s::redone(&what, app.lang)
            } else {
                s::undone(&what, app.lang)
            };
            app.info(text);
            vec![Effect::Save(Box::new(event))]
        }
        Err(error) => {
            let text = refusals::refusal(&error, app.lang);
            app.refuse(text);
            Vec::new()
        }
    }
}

fn toggle_attendance(app: &mut App) -> Vec<Effect> {
    let Some(person) = app.attendance.selected_person() else {
        app.refuse(s::NOTHING_SELECTED.get(app.lang));
        return Vec::new();
    };
    let state = app.state();
    let id = state.people[person].id.clone();
    let kind = if state.presence(person) == crate::domain::Presence::Present {
        EventKind::Left { person: id }
    } else {
        EventKind::Arrived { person: id }
    };
    record(app, kind)
}

/// The selected motion's id, if the panel shows one.
fn selected_motion_id(app: &mut App) -> Option<MotionId> {
    match app.selected_motion() {
        Some(i) => Some(app.state().motions[i].motion.id.clone()),
        None => {
            app.refuse(s::NO_MOTION_SELECTED.get(app.lang));
            None
        }
    }
}

fn on_motion(app: &mut App, kind: impl FnOnce(MotionId) -> EventKind) -> Vec<Effect> {
    match selected_motion_id(app) {
        Some(motion) => record(app, kind(motion)),
        None => Vec::new(),
    }
}

/// The selected motion if the meeting allows `action`'s step on it now; otherwise
/// says why (what comes first), before the facilitator types anything into a dialog
/// that would be refused.
fn motion_for(app: &mut App, action: Action) -> Option<MotionId> {
    let motion = selected_motion_id(app)?;
    let step = action.step()?;
    match app.state().check_step(&motion, step) {
        Ok(()) => Some(motion),
        Err(error) => {
            let text = refusals::refusal(&error, app.lang);
            app.refuse(text);
            None
        }
    }
}

// ---- notes ---------------------------------------------------------------------------

fn current_item_id(app: &App) -> Option<ItemId> {
    app.state().current_item().map(|i| i.item.id.clone())
}

fn add_note(app: &mut App) -> Vec<Effect> {
    let text = app.notes.input.as_str().trim().to_owned();
    let en = app.notes.english.as_str().trim().to_owned();
    if text.is_empty() {
        app.refuse(s::EMPTY_NOTE.get(app.lang));
        return Vec::new();
    }
    let draft = NoteDraft {
        speaker: app.notes.speaker.clone(),
        text: Text::typed(text, &en),
        item: current_item_id(app),
    };
    let Some(kind) = app.notes.kind.immediate() else {
        // An action item asks who and by when before it is recorded.
        let picker = Picker::new(PickPurpose::ActionOwner { draft }, app.state());
        app.dialog = Some(Dialog::Picker(picker));
        return Vec::new();
    };
    record_note(app, draft, kind)
}

fn record_note(app: &mut App, draft: NoteDraft, kind: NoteKind) -> Vec<Effect> {
    let note = Note {
        speaker: draft.speaker,
        kind,
        text: draft.text,
        item: draft.item,
    };
    let effects = record(app, EventKind::NoteAdded(note));
    if !effects.is_empty() {
        // The line is cleared only once the note is in the record.
        let notes = &mut app.notes;
        notes.input.clear();
        notes.english.clear();
        notes.editing_english = false;
        notes.speaker = None;
        notes.kind = NoteKindChoice::Said;
    }
    effects
}

fn quick_narrative(app: &mut App, zh: &str, en: &str) -> Vec<Effect> {
    let note = Note {
        speaker: None,
        kind: NoteKind::Narrative,
        text: Text::bilingual(zh, en),
        item: current_item_id(app),
    };
    record(app, EventKind::NoteAdded(note))
}

fn scroll_notes(app: &mut App, by: isize) {
    let shown = app.notes.shown(app.meeting.state()).len();
    let scroll = app.notes.scroll.saturating_add_signed(by);
    app.notes.scroll = scroll.min(shown.saturating_sub(1));
}

// ---- the follow-up table --------------------------------------------------------------

/// The selected follow-up row, or a refusal saying why there is none (or why it cannot
/// be changed now).
fn follow_up_to_record(app: &mut App) -> Option<FollowUpEntry> {
    let Some(row) = app.selected_follow_up() else {
        app.refuse(s::NO_FOLLOW_UP_SELECTED.get(app.lang));
        return None;
    };
    if app.state().adjourned.is_some() {
        let text = refusals::refusal(&DomainError::Adjourned, app.lang);
        app.refuse(text);
        return None;
    }
    Some(app.state().follow_up[row].clone())
}

/// Opens the action-taken dialog, holding what was recorded so far to correct or add to.
fn ask_action_taken(app: &mut App) {
    let Some(entry) = follow_up_to_record(app) else {
        return;
    };
    let question = s::ask_action_taken(entry.number, entry.matter.get(app.lang), app.lang);
    app.dialog = Some(Dialog::Text {
        purpose: TextPurpose::FollowUpActionTaken {
            entry: entry.number,
        },
        editor: LineEditor::with_text(&entry.action_taken.text),
        question: Some(question),
    });
}

/// Records what was done, keeping the matter's status. The text typed is the Chinese
/// (primary) text; an English version is kept only while that text is unchanged, since
/// a changed text makes the old translation wrong.
fn record_action_taken(app: &mut App, entry: u32, text: &str) -> Vec<Effect> {
    let Some(row) = app.state().follow_up.iter().find(|e| e.number == entry) else {
        let text = refusals::refusal(&DomainError::UnknownFollowUp(entry), app.lang);
        app.refuse(text);
        return Vec::new();
    };
    if text == row.action_taken.text.trim() {
        // Nothing changed: nothing to record, and nothing for undo to take back.
        app.dialog = None;
        return Vec::new();
    }
    let kind = EventKind::FollowUpRecorded {
        entry,
        action_taken: Text::new(text),
        status: row.status,
    };
    record_from_dialog(app, kind)
}

/// Keeps tracking or closes the selected matter, its action taken unchanged.
fn mark_follow_up(app: &mut App, status: FollowUpStatus) -> Vec<Effect> {
    let Some(entry) = follow_up_to_record(app) else {
        return Vec::new();
    };
    if entry.status == status {
        app.refuse(s::follow_up_already(entry.number, status, app.lang));
        return Vec::new();
    }
    record(
        app,
        EventKind::FollowUpRecorded {
            entry: entry.number,
            action_taken: entry.action_taken,
            status,
        },
    )
}

// ---- typing --------------------------------------------------------------------------

fn type_char(app: &mut App, c: char) {
    edit(app, |e| e.insert_char(c));
}

fn paste(app: &mut App, text: &str) {
    if app.accepts_text() {
        edit(app, |e| e.insert_str(text));
    }
}

/// Applies an edit to the line that has the keyboard, and refilters a picker.
fn edit(app: &mut App, f: impl FnOnce(&mut crate::tui::shared::line_editor::LineEditor)) {
    if let Some(dialog) = &mut app.dialog {
        if let Some(editor) = dialog.editor_mut() {
            f(editor);
        }
        if let Dialog::Picker(picker) = dialog {
            picker.refilter(app.meeting.state());
        }
    } else if app.focus == Panel::Notes && app.help.is_none() {
        f(app.notes.editor_mut());
    }
}

// ---- dialogs -------------------------------------------------------------------------

fn confirm(app: &mut App) -> Vec<Effect> {
    let Some(dialog) = app.dialog.clone() else {
        return Vec::new();
    };
    match dialog {
        Dialog::Text {
            purpose, editor, ..
        } => confirm_text(app, purpose, editor.as_str().trim()),
        Dialog::Picker(picker) => {
            let choice = picker.choice(app.state());
            confirm_pick(app, picker.purpose, choice)
        }
        Dialog::Counts(form) => {
            let counts: Vec<Option<u32>> = form
                .fields
                .iter()
                .map(|f| parse_count(f.as_str(), true))
                .collect();
            let (Some(yes), Some(no), Some(abstain)) = (counts[0], counts[1], counts[2]) else {
                app.refuse(s::NOT_A_NUMBER.get(app.lang));
                return Vec::new();
            };
            let tally = Tally::Counts { yes, no, abstain };
            record_from_dialog(
                app,
                EventKind::VoteTaken {
                    motion: form.motion,
                    tally,
                },
            )
        }
        Dialog::RollCall(roll) => {
            let state = app.state();
            let ballots: Vec<(PersonId, Ballot)> = roll
                .rows
                .iter()
                .filter_map(|(i, b)| b.map(|b| (state.people[*i].id.clone(), b)))
                .collect();
            record_from_dialog(
                app,
                EventKind::VoteTaken {
                    motion: roll.motion,
                    tally: Tally::RollCall(ballots),
                },
            )
        }
        Dialog::ChairRuling { .. } => Vec::new(),
    }
}

fn confirm_text(app: &mut App, purpose: TextPurpose, text: &str) -> Vec<Effect> {
    match purpose {
        TextPurpose::ObserverName => {
            if text.is_empty() {
                app.refuse(s::NAME_REQUIRED.get(app.lang));
                return Vec::new();
            }
            let id = fresh_person_id(app, "observer");
            let observer = Observer {
                id: id.clone(),
                name: Text::new(text),
                title: Text::default(),
                organisation: Text::default(),
            };
            add_person_and_arrive(app, EventKind::ObserverAdded(observer), id)
        }
        TextPurpose::RepresentativeName { for_member } => {
            if text.is_empty() {
                app.refuse(s::NAME_REQUIRED.get(app.lang));
                return Vec::new();
            }
            let member = app.state().people[for_member].id.clone();
            let id = fresh_person_id(app, &format!("{member}-rep"));
            let rep = Representative {
                id: id.clone(),
                for_member: member,
                name: Text::new(text),
                title: Text::default(),
            };
            add_person_and_arrive(app, EventKind::RepresentativeAdded(rep), id)
        }
        TextPurpose::ExtemporeText => {
            if text.is_empty() {
                app.refuse(s::TEXT_REQUIRED.get(app.lang));
                return Vec::new();
            }
            let picker = Picker::new(
                PickPurpose::Proposer {
                    text: text.to_owned(),
                },
                app.state(),
            );
            app.dialog = Some(Dialog::Picker(picker));
            Vec::new()
        }
        TextPurpose::ObjectionReason {
            motion,
            speaker,
            blocking,
        } => record_from_dialog(
            app,
            EventKind::ObjectionRaised {
                motion,
                speaker,
                reason: Text::new(text),
                blocking,
            },
        ),
        TextPurpose::ConsentCount { motion } => match parse_count(text, false) {
            Some(agree) => record_from_dialog(app, EventKind::ConsentToVoteTaken { motion, agree }),
            None => {
                app.refuse(s::NOT_A_NUMBER.get(app.lang));
                Vec::new()
            }
        },
        TextPurpose::DueDate { draft, owner } => {
            let due = if text.is_empty() {
                None
            } else {
                match NaiveDate::parse_from_str(text, "%Y-%m-%d") {
                    Ok(date) => Some(date),
                    Err(_) => {
                        app.refuse(s::NOT_A_DATE.get(app.lang));
                        return Vec::new();
                    }
                }
            };
            let effects = record_note(app, draft, NoteKind::Action { owner, due });
            if !effects.is_empty() {
                app.dialog = None;
            }
            effects
        }
        TextPurpose::FollowUpActionTaken { entry } => record_action_taken(app, entry, text),
    }
}

fn confirm_pick(app: &mut App, purpose: PickPurpose, choice: Option<Speaker>) -> Vec<Effect> {
    match purpose {
        PickPurpose::NoteSpeaker => {
            app.notes.speaker = choice;
            app.dialog = None;
            Vec::new()
        }
        PickPurpose::Objector { motion, blocking } => {
            // Someone must be named: an objection is recorded with who raised it.
            if let Some(speaker) = choice {
                app.dialog = Some(Dialog::text(TextPurpose::ObjectionReason {
                    motion,
                    speaker,
                    blocking,
                }));
            }
            Vec::new()
        }
        PickPurpose::Proposer { text } => add_extempore_motion(app, &text, choice),
        PickPurpose::ActionOwner { draft } => {
            app.dialog = Some(Dialog::text(TextPurpose::DueDate {
                draft,
                owner: choice,
            }));
            Vec::new()
        }
    }
}

/// An extempore motion is its own agenda item under 臨時動議, with its motion.
fn add_extempore_motion(app: &mut App, text: &str, proposer: Option<Speaker>) -> Vec<Effect> {
    let state = app.state();
    let mut n = state
        .items
        .iter()
        .filter(|i| i.item.section == Section::Extempore)
        .count()
        + 1;
    while state.item(&ItemId::new(format!("extempore-{n}"))).is_some()
        || state
            .motion(&MotionId::new(format!("extempore-{n}")))
            .is_some()
    {
        n += 1;
    }
    let item_id = ItemId::new(format!("extempore-{n}"));
    let item = AgendaItem {
        id: item_id.clone(),
        section: Section::Extempore,
        title: Text::new(text),
        presenter: Text::default(),
        explanation: Text::default(),
        proposed_action: None,
        planned_minutes: 0,
    };
    let mut effects = record(app, EventKind::ItemAdded(item));
    if effects.is_empty() {
        return effects;
    }
    let motion = Motion {
        id: MotionId::new(format!("extempore-{n}")),
        item: item_id.clone(),
        text: Text::new(text),
        proposer,
    };
    effects.extend(record(app, EventKind::MotionAdded(motion)));
    app.dialog = None;
    if let Ok(position) = app.state().item_position(&item_id) {
        app.agenda.select_item(position);
        app.keep_selections_in_view();
    }
    effects
}

fn fresh_person_id(app: &App, stem: &str) -> PersonId {
    let state = app.state();
    (1..)
        .map(|n| PersonId::new(format!("{stem}-{n}")))
        .find(|id| state.person(id).is_none())
        .unwrap_or_else(|| PersonId::new(stem))
}

/// Someone added on the day is in the room: added, then arrived.
fn add_person_and_arrive(app: &mut App, added: EventKind, id: PersonId) -> Vec<Effect> {
    let mut effects = record(app, added);
    if effects.is_empty() {
        return effects;
    }
    effects.extend(record(app, EventKind::Arrived { person: id.clone() }));
    app.dialog = None;
    if let Ok(person) = app.state().person_index(&id) {
        app.attendance.select_person(person);
        app.keep_selections_in_view();
    }
    effects
}

fn mark_ballot(app: &mut App, ballot: Option<Ballot>) {
    if let Some(Dialog::RollCall(roll)) = &mut app.dialog
        && let Some(row) = roll.rows.get_mut(roll.selected)
    {
        row.1 = ballot;
        if ballot.is_some() && roll.selected + 1 < roll.rows.len() {
            roll.selected += 1;
        }
    }
}

// ---- lists and mouse -----------------------------------------------------------------

/// Rows a page key moves: the visible height of the list in focus.
fn page(app: &App) -> isize {
    let Some(areas) = app.areas() else {
        return 10;
    };
    let rows = match app.focus {
        Panel::Agenda => layout::inner(areas.agenda).height,
        _ => layout::attendance_list(areas.attendance).height,
    };
    isize::try_from(rows.max(2)).unwrap_or(10) - 1
}

fn move_selection(app: &mut App, delta: isize) {
    if let Some(scroll) = &mut app.help {
        *scroll = scroll.saturating_add_signed(delta).min(1000);
        return;
    }
    if let Some(link) = app.link.as_mut().filter(|l| l.open) {
        link.move_by(delta);
        return;
    }
    match &mut app.dialog {
        Some(Dialog::Picker(picker)) => {
            let last = picker.rows.len().saturating_sub(1);
            picker.selected = picker.selected.saturating_add_signed(delta).min(last);
            return;
        }
        Some(Dialog::RollCall(roll)) => {
            let last = roll.rows.len().saturating_sub(1);
            roll.selected = roll.selected.saturating_add_signed(delta).min(last);
            return;
        }
        Some(_) => return,
        None => {}
    }
    match app.focus {
        Panel::Attendance => app.attendance.move_by(delta),
        Panel::Agenda => {
            app.agenda.move_by(delta);
            if app.state().current_item.is_none() {
                // Before any item starts, the motion panel follows the selection.
                app.motion.selected = 0;
            }
        }
        Panel::Motion | Panel::Notes => {}
    }
    app.keep_selections_in_view();
}

fn contains(r: Rect, column: u16, row: u16) -> bool {
    r.contains(Position::new(column, row))
}

fn handle_mouse(app: &mut App, mouse: MouseEvent) -> Vec<Effect> {
    let (column, row) = (mouse.column, mouse.row);
    if app.help.is_some() {
        match mouse.kind {
            MouseEventKind::ScrollDown => move_selection(app, 3),
            MouseEventKind::ScrollUp => move_selection(app, -3),
            _ => {}
        }
        return Vec::new();
    }
    // A dialog keeps the keyboard; clicks behind it would act on what it hides.
    if app.dialog.is_some() || app.note_takers_open() {
        return Vec::new();
    }
    let Some(areas) = app.areas() else {
        return Vec::new();
    };
    let list = layout::attendance_list(areas.attendance);
    let agenda = layout::inner(areas.agenda);
    match mouse.kind {
        MouseEventKind::Down(MouseButton::Left) => {
            if contains(areas.attendance, column, row) {
                app.focus = Panel::Attendance;
                if contains(list, column, row) {
                    let start = app
                        .attendance
                        .list
                        .window_start(list.height as usize, app.attendance.rows.len());
                    let clicked = start + usize::from(row - list.y);
                    if app.attendance.select_row(clicked) {
                        app.keep_selections_in_view();
                        // The mark is the first four columns: clicking it toggles.
                        if column < list.x + 4 {
                            return toggle_attendance(app);
                        }
                    }
                }
            } else if contains(areas.agenda, column, row) {
                app.focus = Panel::Agenda;
                if contains(agenda, column, row) {
                    let start = app
                        .agenda
                        .list
                        .window_start(agenda.height as usize, app.agenda.rows.len());
                    if app.agenda.select_row(start + usize::from(row - agenda.y)) {
                        if app.state().current_item.is_none() {
                            app.motion.selected = 0;
                        }
                        app.keep_selections_in_view();
                    }
                }
            } else if contains(areas.motion, column, row) {
                app.focus = Panel::Motion;
            } else if contains(areas.notes, column, row) {
                app.focus = Panel::Notes;
            }
        }
        MouseEventKind::ScrollDown | MouseEventKind::ScrollUp => {
            let down = mouse.kind == MouseEventKind::ScrollDown;
            if contains(areas.attendance, column, row) {
                app.attendance.move_by(if down { 3 } else { -3 });
                app.keep_selections_in_view();
            } else if contains(areas.agenda, column, row) {
                app.agenda.move_by(if down { 3 } else { -3 });
                app.keep_selections_in_view();
            } else if contains(areas.notes, column, row) {
                scroll_notes(app, if down { -3 } else { 3 });
            }
        }
        _ => {}
    }
    Vec::new()
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
