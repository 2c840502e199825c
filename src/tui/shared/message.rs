//! The message line both screens show above the footer: a notice, or a refusal (the
//! rules or the input said no, and nothing changed), until a while after the last key.

use crate::domain::Stamp;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MessageKind {
    Info,
    /// A refusal: the rules or the input said no, and nothing changed.
    Refused,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Message {
    pub text: String,
    pub kind: MessageKind,
    pub at: Stamp,
}

/// How long a message stays after the last key.
pub const MESSAGE_SECONDS: i64 = 10;

impl Message {
    pub fn info(text: impl Into<String>, at: Stamp) -> Message {
        Message {
            text: text.into(),
            kind: MessageKind::Info,
            at,
        }
    }

    pub fn refusal(text: impl Into<String>, at: Stamp) -> Message {
        Message {
            text: text.into(),
            kind: MessageKind::Refused,
            at,
        }
    }

    /// Whether the message has been up long enough at `now` to go.
    pub fn has_expired(&self, now: Stamp) -> bool {
        (now - self.at).num_seconds() >= MESSAGE_SECONDS
    }
}
