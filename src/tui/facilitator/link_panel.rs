//! The note-taker link as the facilitator's screen sees it: where it listens, the join
//! code, who is connected, and who tried a wrong code. Plain data, changed by
//! [`LinkInput`]s that the app loop makes from the host's events; what the facilitator
//! asks of the host comes back from `update` as [`LinkCommand`]s.

use std::collections::VecDeque;

use crate::domain::{Origin, Stamp};
use crate::net::{JoinCode, LinkEnd, NoteRequest, NoteSettled, NoteTakerLink, Refusal};

/// How many failed attempts the list keeps.
const ATTEMPTS_KEPT: usize = 8;

/// Something the host reported, as the screen needs it.
#[derive(Clone, Debug, PartialEq)]
pub enum LinkInput {
    /// A note-taker joined: who is connected now.
    Joined {
        name: String,
        peer: String,
        connected: Vec<NoteTakerLink>,
    },
    /// A note-taker's link closed: who is connected now. A note-taker who came back
    /// on a new link is still in `connected`.
    Left {
        client: String,
        name: String,
        reason: LinkEnd,
        connected: Vec<NoteTakerLink>,
    },
    /// Someone tried a wrong join code.
    FailedAttempt {
        peer: String,
        at: Stamp,
        failures: u32,
    },
    /// The code changed: replaced by the host after too many failures, or at the
    /// facilitator's request.
    CodeChanged { code: JoinCode, replaced: bool },
    /// Someone who knew the code was turned away (revoked, full).
    Refused {
        name: Option<String>,
        reason: Refusal,
    },
    /// A note-taker's note (or correction), for `update` to record in the meeting.
    Note(Box<NoteRequest>),
}

/// What the facilitator asks of the host.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LinkCommand {
    Disconnect {
        client: String,
        name: String,
    },
    Revoke {
        client: String,
        name: String,
    },
    NewCode,
    /// Tell the host what the meeting did with a note-taker's note.
    Settle {
        origin: Origin,
        settled: NoteSettled,
    },
}

/// A wrong code tried.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Attempt {
    pub peer: String,
    pub at: Stamp,
    pub failures: u32,
}

#[derive(Clone, Debug, PartialEq)]
pub struct LinkPanel {
    /// The address note-takers join, as bound (a port of 0 is shown as chosen).
    pub address: String,
    pub code: JoinCode,
    pub connected: Vec<NoteTakerLink>,
    /// The latest wrong codes, newest last.
    pub attempts: VecDeque<Attempt>,
    /// The last wrong code tried since the code last changed: the header's alert.
    pub alert: Option<Attempt>,
    /// When the host last replaced the code after failures.
    pub code_replaced_at: Option<Stamp>,
    /// The list is open over the screen.
    pub open: bool,
    /// The selected row of the list.
    pub selected: usize,
}

impl LinkPanel {
    pub fn new(address: String, code: JoinCode) -> LinkPanel {
        LinkPanel {
            address,
            code,
            connected: Vec::new(),
            attempts: VecDeque::new(),
            alert: None,
            code_replaced_at: None,
            open: false,
            selected: 0,
        }
    }

    pub fn set_connected(&mut self, connected: Vec<NoteTakerLink>) {
        self.connected = connected;
        self.selected = self.selected.min(self.connected.len().saturating_sub(1));
    }

    pub fn attempt(&mut self, attempt: Attempt) {
        if self.attempts.len() == ATTEMPTS_KEPT {
            self.attempts.pop_front();
        }
        self.alert = Some(attempt.clone());
        self.attempts.push_back(attempt);
    }

    pub fn selected_note_taker(&self) -> Option<&NoteTakerLink> {
        self.connected.get(self.selected)
    }

    pub fn move_by(&mut self, delta: isize) {
        let last = self.connected.len().saturating_sub(1);
        self.selected = self.selected.saturating_add_signed(delta).min(last);
    }
}
