//! The note-taker link: a note-taker on their own laptop (or a second terminal) joins
//! the facilitator's meeting with a short join code and sends notes that land in the
//! session exactly once, within a second, encrypted and authenticated end to end.
//!
//! - [`code`]: the join code (`K7QM-4TXP`).
//! - [`link`]: frames, the SPAKE2 + Noise handshake, sealed messages.
//! - [`protocol`]: the messages and the meeting view a note-taker's screen draws.
//! - [`host`]: the facilitator's side, driven by the app loop.
//! - [`client`] and [`outbox`]: the note-taker's side and its durable outbox.
//!
//! Why SPAKE2 then Noise (see `docs/network.md`): the code is short enough to read out
//! in a room, so it must never be testable offline by someone sniffing the venue
//! Wi-Fi. SPAKE2 (a balanced PAKE) turns it into a strong shared key while giving an
//! active attacker one guess per connection and a passive one nothing. That key is
//! the pre-shared key of a Noise `NNpsk0` handshake (`snow`), which adds forward
//! secrecy from fresh ephemeral keys, confirms the key on both sides (a wrong code
//! fails the handshake for both), and provides the transport encryption with its
//! nonces. No primitive is home-made.

pub mod client;
pub mod code;
pub mod host;
pub mod link;
pub mod outbox;
pub mod protocol;

use tokio::io::{AsyncRead, AsyncWrite};

pub use client::{
    Client, ClientConfig, ClientError, ClientEvent, ConnectionState, NoRoom, TurnedAway,
};
pub use code::{CodeError, JoinCode};
pub use host::{
    Host, HostConfig, HostEvent, KeptOut, LinkEnd, NoteRequest, NoteSettled, NoteTakerLink,
};
pub use protocol::{HelloProblem, MeetingView, NoteView, ProtocolFault, Refusal, Update, Welcome};

/// A byte stream a link runs over: TCP, or an in-memory pipe in tests.
pub trait AsyncStream: AsyncRead + AsyncWrite + Unpin + Send + 'static {}

impl<T: AsyncRead + AsyncWrite + Unpin + Send + 'static> AsyncStream for T {}

/// A client id is what the outbox makes: letters, digits, `-` and `_`, 1 to 64.
pub(crate) fn valid_client_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 64
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// A note-taker's name: 1 to 64 characters once trimmed, no control characters.
pub(crate) fn valid_name(name: &str) -> bool {
    let name = name.trim();
    let count = name.chars().count();
    (1..=64).contains(&count) && !name.chars().any(char::is_control)
}
