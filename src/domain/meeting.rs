//! A meeting in progress: the session and its folded state, kept in step. Every change
//! goes through here, so the log and the screen never disagree.

use std::collections::HashSet;

use super::error::DomainError;
use super::event::{Author, Event, EventKind, Origin, Seq, Stamp};
use super::session::{Session, SessionError};
use super::state::State;

#[derive(Clone, Debug)]
pub struct Meeting {
    session: Session,
    state: State,
}

impl Meeting {
    /// Opens a session: checks it and folds its log.
    pub fn open(mut session: Session) -> Result<Meeting, SessionError> {
        let mut state = session.validate()?;
        // What the log and the notes grew to while being read, beyond what they hold,
        // is given back: a large meeting stays within twice its file's size.
        session.log.shrink_to_fit();
        state.shrink_to_fit();
        Ok(Meeting { session, state })
    }

    pub fn session(&self) -> &Session {
        &self.session
    }

    pub fn state(&self) -> &State {
        &self.state
    }

    pub fn into_session(self) -> Session {
        self.session
    }

    /// Records an event if the rules allow it, and returns it as logged.
    pub fn record(
        &mut self,
        at: Stamp,
        by: Author,
        kind: EventKind,
    ) -> Result<&Event, DomainError> {
        self.record_event(at, by, kind, None)
    }

    /// Records an event a note-taker's client sent as its `origin.seq`-th. One already
    /// recorded (resent after a reconnect) is refused with `AlreadyRecorded`, so each
    /// note is in the log once.
    pub fn record_from(
        &mut self,
        origin: Origin,
        at: Stamp,
        by: Author,
        kind: EventKind,
    ) -> Result<&Event, DomainError> {
        self.record_event(at, by, kind, Some(origin))
    }

    fn record_event(
        &mut self,
        at: Stamp,
        by: Author,
        kind: EventKind,
        origin: Option<Origin>,
    ) -> Result<&Event, DomainError> {
        // The log is in time order (a file out of it is refused on load): a clock set
        // back during the meeting stamps the event as at the last one, never before.
        let at = match self.session.log.last() {
            Some(last) if at < last.at => last.at,
            _ => at,
        };
        let event = Event {
            seq: self.session.next_seq(),
            at,
            by,
            kind,
            origin,
        };
        match event.kind {
            EventKind::Retracted { event: target } | EventKind::Reinstated { event: target } => {
                self.refold_with(&event, target)?;
            }
            _ => {
                self.state.apply(&self.session, &event)?;
                self.state.log_len += 1;
            }
        }
        self.session.log.push(event);
        Ok(self.session.log.last().expect("just pushed"))
    }

    /// Takes back `by`'s last event that still counts. The log keeps it, and the
    /// retraction.
    pub fn undo(&mut self, at: Stamp, by: Author) -> Result<&Event, DomainError> {
        let target = self.undo_target(&by).ok_or(DomainError::NothingToUndo)?;
        self.record(at, by, EventKind::Retracted { event: target })
    }

    /// Reinstates what `by` last undid, if they did nothing else since.
    pub fn redo(&mut self, at: Stamp, by: Author) -> Result<&Event, DomainError> {
        let target = self.redo_target(&by).ok_or(DomainError::NothingToRedo)?;
        self.record(at, by, EventKind::Reinstated { event: target })
    }

    /// The event undo would take back.
    pub fn undo_target(&self, by: &Author) -> Option<Seq> {
        self.session
            .log
            .iter()
            .rev()
            .find(|e| {
                &e.by == by && !e.kind.is_correction() && !self.state.retracted.contains(&e.seq)
            })
            .map(|e| e.seq)
    }

    /// The event redo would reinstate: the last undone, while nothing new was recorded.
    pub fn redo_target(&self, by: &Author) -> Option<Seq> {
        let mut undone = Vec::new();
        for event in self.session.log.iter().filter(|e| &e.by == by) {
            match event.kind {
                EventKind::Retracted { event } => undone.push(event),
                EventKind::Reinstated { event } => undone.retain(|&e| e != event),
                _ => undone.clear(),
            }
        }
        undone.last().copied()
    }

    /// The event the log holds at `seq`.
    pub fn event(&self, seq: Seq) -> Option<&Event> {
        self.session
            .log
            .binary_search_by_key(&seq, |e| e.seq)
            .ok()
            .map(|i| &self.session.log[i])
    }

    /// A retraction or reinstatement changes what counts, so the state is folded again;
    /// if the result breaks the rules (a later event depends on the retracted one), the
    /// correction is refused and nothing changes.
    fn refold_with(&mut self, correction: &Event, target: Seq) -> Result<(), DomainError> {
        let Some(original) = self.event(target) else {
            return Err(DomainError::NotRetractable(target));
        };
        if original.kind.is_correction() {
            return Err(DomainError::NotRetractable(target));
        }
        let was_retracted: HashSet<Seq> = self.state.retracted.clone();
        let retracting = matches!(correction.kind, EventKind::Retracted { .. });
        if retracting == was_retracted.contains(&target) {
            return Err(DomainError::NotRetractable(target));
        }
        let log = self.session.log.iter().chain(std::iter::once(correction));
        match State::fold(&self.session, log) {
            Ok(state) => {
                self.state = state;
                Ok(())
            }
            Err((_, error)) => Err(DomainError::CannotUndo {
                event: target,
                because: Box::new(error),
            }),
        }
    }
}
