//! The note-taker link as the facilitator's screen sees it: where it listens, the join
//! code, who is connected, and who was turned away at the door (a wrong code, an
//! address blocked, connections kept out), from where. Plain data, changed by
//! [`LinkInput`]s that the app loop makes from the host's events; what the facilitator
//! asks of the host comes back from `update` as [`LinkCommand`]s.

use std::collections::VecDeque;

use crate::domain::{Lang, Origin, Stamp};
use crate::i18n::note_taking;
use crate::net::{JoinCode, KeptOut, LinkEnd, NoteRequest, NoteSettled, NoteTakerLink, Refusal};

/// How many attempts the list keeps.
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
    /// Someone got no further than the door.
    Attempt(Attempt),
    /// The facilitator issued a new code.
    CodeChanged { code: JoinCode },
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

/// Someone who got no further than the door, and from where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Attempt {
    /// The address (and port) it came from.
    pub from: String,
    pub at: Stamp,
    pub what: Tried,
}

/// What happened at the door.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tried {
    /// A wrong code: the `failures`th from that address.
    WrongCode { failures: u32 },
    /// The address tried too many wrong codes and is refused for some minutes.
    Blocked { failures: u32, minutes: u64 },
    /// Connections from the address kept out before the handshake finished.
    KeptOut { why: KeptOut, count: u32 },
}

impl Attempt {
    /// What happened, in a sentence: the notice and the list say it alike.
    pub fn sentence(&self, lang: Lang) -> String {
        let (from, at) = (self.from.as_str(), self.at);
        match self.what {
            Tried::WrongCode { failures } => {
                note_taking::wrong_code_tried(from, at, failures, lang)
            }
            Tried::Blocked { failures, minutes } => {
                note_taking::address_blocked(from, at, failures, minutes, lang)
            }
            Tried::KeptOut { why, count } => note_taking::kept_out(from, at, why, count, lang),
        }
    }

    /// What happened, short, for the header's alert.
    pub fn alert(&self, lang: Lang) -> String {
        match self.what {
            Tried::WrongCode { failures } => note_taking::attempts_summary(failures, self.at, lang),
            Tried::Blocked { .. } => note_taking::blocked_alert(&self.from, self.at, lang),
            Tried::KeptOut { .. } => note_taking::kept_out_alert(&self.from, self.at, lang),
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct LinkPanel {
    /// The address note-takers join, as bound (a port of 0 is shown as chosen).
    pub address: String,
    pub code: JoinCode,
    pub connected: Vec<NoteTakerLink>,
    /// The latest attempts turned away, newest last.
    pub attempts: VecDeque<Attempt>,
    /// The last attempt since the code last changed: the header's alert.
    pub alert: Option<Attempt>,
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
