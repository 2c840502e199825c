//! The note-taker link on the facilitator's screen: the list of note-takers and its
//! keys, what the host reports, and a note-taker's note, which reaches the meeting here
//! like every other change.

use super::Effect;
use crate::domain::{Author, DomainError, Seq};
use crate::i18n::{note_taking, refusals};
use crate::net::{NoteRequest, NoteSettled};
use crate::tui::facilitator::action::Action;
use crate::tui::facilitator::app::App;
use crate::tui::facilitator::link_panel::{LinkCommand, LinkInput};

pub(super) fn update(app: &mut App, action: Action) -> Vec<Effect> {
    match action {
        Action::ShowNoteTakers => match app.link.as_mut() {
            Some(link) => link.open = !link.open,
            None => app.refuse(note_taking::NOT_LISTENING.get(app.lang)),
        },
        Action::DisconnectNoteTaker | Action::RevokeNoteTaker => {
            let chosen = app
                .link
                .as_ref()
                .and_then(|l| l.selected_note_taker())
                .map(|n| (n.client.clone(), n.name.clone()));
            let Some((client, name)) = chosen else {
                app.refuse(note_taking::NO_NOTE_TAKER.get(app.lang));
                return Vec::new();
            };
            let command = if action == Action::RevokeNoteTaker {
                app.info(note_taking::revoked(&name, app.lang));
                LinkCommand::Revoke { client, name }
            } else {
                app.info(note_taking::disconnected(&name, app.lang));
                LinkCommand::Disconnect { client, name }
            };
            return vec![Effect::Link(command)];
        }
        Action::NewJoinCode if app.link.is_some() => {
            return vec![Effect::Link(LinkCommand::NewCode)];
        }
        // The other panels' actions are routed to their own files.
        _ => {}
    }
    Vec::new()
}

/// What the host reported: the list, the notices, and note-takers' notes.
pub(super) fn link_input(app: &mut App, input: LinkInput) -> Vec<Effect> {
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
        LinkInput::Attempt(attempt) => {
            let text = attempt.sentence(lang);
            link.attempt(attempt);
            app.refuse(text);
        }
        LinkInput::CodeChanged { code } => {
            let text = note_taking::new_code_issued(&code.to_string(), lang);
            link.code = code;
            // Attempts at the old code are history now (the list keeps them).
            link.alert = None;
            app.info(text);
        }
        LinkInput::Refused { name, reason } => {
            let why = refusals::host_refusal(&reason, lang);
            app.refuse(note_taking::note_taker_refused(name.as_deref(), &why, lang));
        }
        LinkInput::Note(request) => return record_note_takers_note(app, *request),
    }
    Vec::new()
}

/// A note-taker's note reaches the meeting like every other change: recorded here,
/// from its origin (so a note resent after a reconnect is recorded once), then
/// handed to the saver; the host is told what came of it so it can acknowledge the
/// note once saved, or tell the note-taker why it was refused.
fn record_note_takers_note(app: &mut App, request: NoteRequest) -> Vec<Effect> {
    let NoteRequest { origin, name, kind } = request;
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
