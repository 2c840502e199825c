//! The note-taker's `update`: keys through the key table, the link's events, and what
//! the loop must do (submit a note to the outbox, use a new code, reconnect, quit).
//! Nothing here touches the disk, the network or the clock.

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseEvent, MouseEventKind};

use super::action::JoinAction;
use super::app::{Correcting, JoinApp, JoinDialog, JoinPick, LocalNote, Row};
use super::keys::KEYS;
use crate::domain::{EventKind, ItemId, Note, NoteKind, Stamp};
use crate::i18n::{note_taking, refusals, screen as s};
use crate::net::protocol::{NoteTooLong, note_fits};
use crate::net::{ClientEvent, ConnectionState, JoinCode};
use crate::tui::shared::action::Common;
use crate::tui::shared::line_editor::LineEditor;
use crate::tui::shared::note_editor::{NoteDraft, NoteEditor, quick_narrative};
use crate::tui::shared::picker::Picker;

/// Everything that reaches the note-taker's screen.
#[derive(Clone, Debug, PartialEq)]
pub enum Input {
    Key(KeyEvent),
    Paste(String),
    Mouse(MouseEvent),
    Resize(u16, u16),
    Tick(Stamp),
    /// The link reported something.
    Client(ClientEvent),
    /// A note is in the outbox (fsynced) under our number `seq`.
    Submitted {
        seq: u64,
        kind: EventKind,
        from_editor: bool,
    },
    /// The outbox could not take it; a note from the editor goes back there.
    SubmitFailed {
        error: String,
        from_editor: bool,
    },
}

/// What the loop must do.
#[derive(Clone, Debug, PartialEq)]
pub enum Effect {
    /// Keep this note in the outbox and send it; answer with `Submitted`.
    Submit {
        kind: Box<EventKind>,
        from_editor: bool,
    },
    SetCode(JoinCode),
    Reconnect,
    Quit,
}

pub fn handle(app: &mut JoinApp, input: Input) -> Vec<Effect> {
    match input {
        Input::Key(key) => handle_key(app, key),
        Input::Paste(text) => {
            edit(app, |e| e.insert_str(&text));
            Vec::new()
        }
        Input::Mouse(mouse) => {
            match mouse.kind {
                MouseEventKind::ScrollUp => scroll(app, 3),
                MouseEventKind::ScrollDown => scroll(app, -3),
                _ => {}
            }
            Vec::new()
        }
        Input::Resize(w, h) => {
            app.size = (w, h);
            Vec::new()
        }
        Input::Tick(now) => {
            app.now = now;
            if app.message.as_ref().is_some_and(|m| m.has_expired(now)) {
                app.message = None;
            }
            Vec::new()
        }
        Input::Client(event) => {
            client_event(app, event);
            Vec::new()
        }
        Input::Submitted {
            seq,
            kind,
            from_editor,
        } => {
            submitted(app, seq, kind, from_editor);
            Vec::new()
        }
        Input::SubmitFailed { error, from_editor } => {
            if from_editor {
                app.restore_unkept();
            }
            app.refuse(note_taking::submit_failed(&error, app.lang));
            Vec::new()
        }
    }
}

fn handle_key(app: &mut JoinApp, key: KeyEvent) -> Vec<Effect> {
    if key.kind != KeyEventKind::Press {
        return Vec::new();
    }
    if let Some(action) = KEYS.lookup(app.contexts(), &key) {
        return update(app, action);
    }
    if let KeyCode::Char(c) = key.code
        && (key.modifiers - KeyModifiers::SHIFT).is_empty()
        && app.accepts_text()
    {
        edit(app, |e| e.insert_char(c));
    }
    Vec::new()
}

/// Carries out one action.
pub fn update(app: &mut JoinApp, action: JoinAction) -> Vec<Effect> {
    use JoinAction as A;
    match action {
        A::Common(common) => return common_action(app, common),
        A::PreviousOwnNote | A::NextOwnNote => {
            app.timeline.step_selection(action == A::PreviousOwnNote);
            if app.timeline.selected.is_none() && action == A::PreviousOwnNote {
                app.refuse(note_taking::NO_OWN_NOTES.get(app.lang));
            }
            app.timeline.scroll = 0;
        }
        A::CorrectNote => correct_selected(app),
        A::EnterJoinCode => {
            app.dialog = Some(JoinDialog::Code {
                editor: LineEditor::new(),
            });
        }
        A::ReconnectNow => {
            app.info(note_taking::RECONNECTING.get(app.lang));
            return vec![Effect::Reconnect];
        }
    }
    Vec::new()
}

/// Carries out one of the actions both screens have.
fn common_action(app: &mut JoinApp, action: Common) -> Vec<Effect> {
    use Common as A;
    match action {
        A::Quit => return quit(app),
        A::ToggleHelp => app.help = if app.help.is_some() { None } else { Some(0) },
        A::SwitchLanguage => app.lang = app.lang.other(),
        A::SelectPrevious | A::SelectNext | A::SelectPageUp | A::SelectPageDown => {
            let delta = match action {
                A::SelectPrevious => -1,
                A::SelectNext => 1,
                A::SelectPageUp => -10,
                _ => 10,
            };
            if let Some(scroll) = &mut app.help {
                *scroll = scroll.saturating_add_signed(delta).min(1000);
            } else if let Some(JoinDialog::Picker(picker)) = &mut app.dialog {
                let last = picker.rows.len().saturating_sub(1);
                picker.selected = picker.selected.saturating_add_signed(delta).min(last);
            }
        }

        A::AddNote => return add_note(app),
        A::PickSpeaker => {
            let picker = Picker::new(JoinPick::NoteSpeaker, app.people());
            app.dialog = Some(JoinDialog::Picker(picker));
        }
        A::CycleNoteKind => app.editor.kind = app.editor.kind.next(),
        A::ToggleEnglish => app.editor.editing_english = !app.editor.editing_english,
        A::NoteNoObjection | A::NoteNodding => {
            if let Some(note) = quick_narrative(action, current_item(app)) {
                return vec![Effect::Submit {
                    kind: Box::new(EventKind::NoteAdded(note.into())),
                    from_editor: false,
                }];
            }
        }
        A::ScrollNotesUp => scroll(app, 10),
        A::ScrollNotesDown => scroll(app, -10),

        A::CursorLeft => edit(app, LineEditor::left),
        A::CursorRight => edit(app, LineEditor::right),
        A::CursorHome => edit(app, LineEditor::home),
        A::CursorEnd => edit(app, LineEditor::end),
        A::DeleteBackward => edit(app, LineEditor::backspace),
        A::DeleteForward => edit(app, LineEditor::delete),

        A::Confirm => return confirm(app),
        A::Cancel => {
            if app.dialog.is_some() {
                app.dialog = None;
            } else if let Some(correcting) = app.correcting.take() {
                // Back to what was being typed before the correction.
                app.editor = correcting.set_aside;
                app.timeline.selected = None;
            } else {
                app.timeline.selected = None;
            }
        }
    }
    Vec::new()
}

/// Quitting loses nothing sent (the outbox keeps it for the next run), but says so
/// once, as it does for a note typed and not sent.
fn quit(app: &mut JoinApp) -> Vec<Effect> {
    if !app.quit_warned {
        let typed = !app.editor.is_empty() || app.correcting.is_some();
        let unsaved = app.unsaved();
        if typed || unsaved > 0 {
            app.quit_warned = true;
            let text = if typed {
                s::UNSENT_NOTE.get(app.lang).to_owned()
            } else {
                note_taking::unsaved_on_quit(unsaved, app.lang)
            };
            app.refuse(text);
            return Vec::new();
        }
    }
    vec![Effect::Quit]
}

fn scroll(app: &mut JoinApp, by: isize) {
    let len = app.timeline.len();
    app.timeline.scroll = app
        .timeline
        .scroll
        .saturating_add_signed(by)
        .min(len.saturating_sub(1));
    // Scrolling by hand lets go of the selection, which would pull the view back.
    app.timeline.selected = None;
}

/// Applies an edit to the line that has the keyboard, and refilters a picker.
fn edit(app: &mut JoinApp, f: impl FnOnce(&mut LineEditor)) {
    if app.help.is_some() {
        return;
    }
    match &mut app.dialog {
        Some(JoinDialog::Picker(picker)) => {
            f(&mut picker.query);
            let people = app.meeting.as_ref().map(|m| &m.people);
            match people {
                Some(people) => picker.refilter(people),
                None => picker.refilter(&Vec::new()),
            }
        }
        Some(JoinDialog::DueDate { editor, .. } | JoinDialog::Code { editor }) => f(editor),
        None => f(app.editor.editor_mut()),
    }
}

/// The agenda item a new note belongs to: the one under way as the host last said.
fn current_item(app: &JoinApp) -> Option<ItemId> {
    app.meeting
        .as_ref()
        .and_then(|m| m.current_item.as_ref())
        .map(|i| i.id.clone())
}

fn add_note(app: &mut JoinApp) -> Vec<Effect> {
    let item = match &app.correcting {
        // A correction stays with the item the note was taken under.
        Some(correcting) => correcting.original.item.clone(),
        None => current_item(app),
    };
    let Some(draft) = app.editor.draft(item) else {
        app.refuse(s::EMPTY_NOTE.get(app.lang));
        return Vec::new();
    };
    let Some(kind) = app.editor.kind.immediate() else {
        // An action item asks who and by when; one too long to travel, not first.
        let as_asked = NoteKind::Action {
            owner: None,
            due: None,
        };
        if refused_as_too_long(app, &event_of(app, draft.clone().note(as_asked))) {
            return Vec::new();
        }
        let picker = Picker::new(JoinPick::ActionOwner { draft }, app.people());
        app.dialog = Some(JoinDialog::Picker(picker));
        return Vec::new();
    };
    submit_note(app, draft, kind)
}

/// What the editor's note is: a new note, or a correction of the one being corrected.
fn event_of(app: &JoinApp, note: Note) -> EventKind {
    match &app.correcting {
        Some(correcting) => EventKind::NoteCorrected {
            note: correcting.note,
            corrected: note.into(),
        },
        None => EventKind::NoteAdded(note.into()),
    }
}

/// A note too long to travel is refused here, before the outbox, where it would wait
/// forever: the note-taker is told, and the text stays in the line to shorten.
fn refused_as_too_long(app: &mut JoinApp, kind: &EventKind) -> bool {
    let Err(too_long) = note_fits(kind) else {
        return false;
    };
    app.dialog = None;
    let (characters, fit) = lengths(kind, too_long);
    app.refuse(note_taking::note_too_long(characters, fit, app.lang));
    true
}

/// How many characters a note too long to travel has, and about how many would fit.
fn lengths(kind: &EventKind, too_long: NoteTooLong) -> (usize, usize) {
    let text = match kind {
        EventKind::NoteAdded(note)
        | EventKind::NoteCorrected {
            corrected: note, ..
        } => &note.text,
        _ => return (0, 0),
    };
    let characters =
        text.text.chars().count() + text.en.as_deref().map_or(0, |en| en.chars().count());
    (
        characters,
        characters * too_long.limit / too_long.size.max(1),
    )
}

fn submit_note(app: &mut JoinApp, draft: NoteDraft, kind: NoteKind) -> Vec<Effect> {
    let kind = event_of(app, draft.note(kind));
    if refused_as_too_long(app, &kind) {
        return Vec::new();
    }
    // The line is free for the next note at once; the note is held until the outbox
    // has it, and comes back to the line if the outbox cannot take it.
    app.hold_for_the_outbox();
    vec![Effect::Submit {
        kind: Box::new(kind),
        from_editor: true,
    }]
}

/// The note is in the outbox: show it as sending, and clear the line it came from.
fn submitted(app: &mut JoinApp, seq: u64, kind: EventKind, from_editor: bool) {
    let timeline = &mut app.timeline;
    timeline.unacked.insert(seq);
    match kind {
        EventKind::NoteAdded(note) => {
            timeline.local.insert(seq, LocalNote { at: app.now, note });
        }
        EventKind::NoteCorrected { note, corrected } => {
            timeline.corrections.insert(seq, (note, corrected));
        }
        _ => {}
    }
    timeline.scroll = 0;
    if from_editor {
        app.in_flight.pop_front();
    }
}

/// Loads the selected note of ours into the editor to correct it.
fn correct_selected(app: &mut JoinApp) {
    let lang = app.lang;
    let Some(row) = app.timeline.selected else {
        app.refuse(note_taking::SELECT_OWN_NOTE.get(lang));
        return;
    };
    let Row::Host(seq) = row else {
        app.refuse(note_taking::NOT_AT_HOST_YET.get(lang));
        return;
    };
    let Some(view) = app.timeline.host_note(seq).filter(|n| n.mine.is_some()) else {
        app.refuse(note_taking::SELECT_OWN_NOTE.get(lang));
        return;
    };
    // The note as it will stand once any correction on its way is in.
    let note = app
        .timeline
        .pending_correction(seq)
        .map_or_else(|| view.note.clone(), |(_, n)| n.clone());
    let set_aside = match app.correcting.take() {
        Some(earlier) => earlier.set_aside,
        None => std::mem::take(&mut app.editor),
    };
    app.editor = NoteEditor::of(&note);
    app.correcting = Some(Correcting {
        note: seq,
        original: note,
        set_aside,
    });
}

fn confirm(app: &mut JoinApp) -> Vec<Effect> {
    let Some(dialog) = app.dialog.clone() else {
        return Vec::new();
    };
    match dialog {
        JoinDialog::Picker(picker) => {
            let choice = picker.choice(app.people());
            match picker.purpose {
                JoinPick::ActionOwner { draft } => {
                    // An action item corrected keeps its due date unless changed.
                    let due = match app.correcting.as_ref().map(|c| &c.original.kind) {
                        Some(NoteKind::Action { due: Some(due), .. }) => {
                            due.format("%Y-%m-%d").to_string()
                        }
                        _ => String::new(),
                    };
                    app.dialog = Some(JoinDialog::DueDate {
                        draft,
                        owner: choice,
                        editor: LineEditor::with_text(&due),
                    });
                }
                _ => {
                    app.editor.speaker = choice;
                    app.dialog = None;
                }
            }
            Vec::new()
        }
        JoinDialog::DueDate {
            draft,
            owner,
            editor,
        } => {
            let Ok(due) = crate::typed::optional_date(editor.as_str()) else {
                app.refuse(s::NOT_A_DATE.get(app.lang));
                return Vec::new();
            };
            submit_note(app, draft, NoteKind::Action { owner, due })
        }
        JoinDialog::Code { editor } => match editor.as_str().parse::<JoinCode>() {
            Ok(code) => {
                app.dialog = None;
                app.connection = ConnectionState::Connecting;
                app.info(note_taking::trying_code(&code.to_string(), app.lang));
                vec![Effect::SetCode(code)]
            }
            Err(error) => {
                app.refuse(refusals::bad_code(&error, app.lang));
                Vec::new()
            }
        },
    }
}

fn client_event(app: &mut JoinApp, event: ClientEvent) {
    let lang = app.lang;
    match event {
        ClientEvent::State(state) => {
            // While the host is gone or has no room the link keeps retrying; each try
            // is not news.
            if state == ConnectionState::Connecting
                && matches!(
                    app.connection,
                    ConnectionState::HostGone { .. } | ConnectionState::NoRoom { .. }
                )
            {
                return;
            }
            match &state {
                ConnectionState::NoRoom { why } if app.connection != state => {
                    app.refuse(refusals::no_room(*why).get(lang));
                }
                ConnectionState::WrongCode => app.refuse(note_taking::WRONG_CODE_NOW.get(lang)),
                ConnectionState::Refused { reason } => {
                    app.refuse(refusals::turned_away(reason, lang));
                }
                ConnectionState::Connected if app.connection != ConnectionState::Connected => {
                    app.info(note_taking::connected_to(&app.address, lang));
                }
                _ => {}
            }
            app.connection = state;
        }
        ClientEvent::Welcome(welcome) => {
            app.show_meeting(welcome.meeting);
            app.timeline.welcome(welcome.notes);
            keep_selection(app);
        }
        ClientEvent::Update(update) => {
            if let Some(meeting) = update.meeting {
                app.show_meeting(meeting);
            }
            app.timeline.update(update.notes, &update.removed);
            keep_selection(app);
        }
        ClientEvent::Acked { through } => {
            app.timeline.acked(through);
            keep_selection(app);
        }
        ClientEvent::Rejected { seq, reason } => {
            app.timeline.reject(seq, reason.clone());
            app.refuse(note_taking::note_rejected(
                &refusals::refusal(&reason, lang),
                lang,
            ));
        }
        ClientEvent::OutboxFailed { error } => {
            app.refuse(note_taking::outbox_failed(&error, lang));
            app.outbox_error = Some(error);
        }
        ClientEvent::SetAside {
            seq,
            event,
            too_long,
            kept_in,
        } => {
            let (characters, _) = lengths(&event, too_long);
            if let EventKind::NoteAdded(note) = *event {
                app.timeline
                    .local
                    .insert(seq, LocalNote { at: app.now, note });
            }
            app.timeline.unacked.remove(&seq);
            app.timeline.too_long.insert(seq);
            app.refuse(note_taking::set_aside(
                characters,
                &kept_in.display().to_string(),
                lang,
            ));
        }
    }
}

/// A note that went (undone on the host, or now shown under the host's number) is
/// no longer selected; a local note the host now shows is selected there.
fn keep_selection(app: &mut JoinApp) {
    let timeline = &mut app.timeline;
    if let Some(Row::Local(own)) = timeline.selected
        && !timeline.local.contains_key(&own)
    {
        timeline.selected = timeline
            .notes
            .iter()
            .find(|n| n.mine == Some(own))
            .map(|n| Row::Host(n.seq));
    }
    if let Some(row) = timeline.selected
        && timeline.index_of(row).is_none()
    {
        timeline.selected = None;
    }
    if let Some(correcting) = &app.correcting
        && app.timeline.host_note(correcting.note).is_none()
    {
        // Undone on the host while being corrected: the correction would be refused.
        let text = note_taking::CORRECTED_NOTE_GONE.get(app.lang);
        app.refuse(text);
    }
}
