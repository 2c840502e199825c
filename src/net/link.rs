//! The encrypted link: frames on the wire, the handshake that turns a join code into
//! session keys, and messages sealed with those keys.
//!
//! On the wire every frame is a 4-byte big-endian length and at most
//! [`MAX_FRAME`] bytes; a longer length closes the link before anything is read.
//!
//! Handshake (each line one frame; tag byte first):
//! ```text
//! note-taker → host  0x01 "RTBL" version:u16 spake2_A (33 bytes)
//! host → note-taker  0x02 "RTBL" version:u16 host_id (16 bytes) spake2_B (33 bytes)
//!   both: K = SPAKE2(code, id_A = "roundtable note-taker", id_B = "roundtable host")
//!   prologue = "roundtable/noise/1" ‖ host_id ‖ spake2_A ‖ spake2_B
//! note-taker → host  0x03 Noise_NNpsk0_25519_ChaChaPoly_BLAKE2s message 1 (psk = K)
//! host → note-taker  0x03 message 2           or 0x04 reason:u8 (refusal)
//!   (a refusal may also come at once, instead of the host's hello: busy, blocked)
//! ```
//! A wrong code makes the host's decryption of message 1 fail (the host refuses and
//! reports the attempt) and would make the note-taker's decryption of message 2 fail
//! too: each side confirms the other derived the same key. Because the whole PAKE
//! transcript and the host's random id are the Noise prologue, a relay cannot splice
//! the PAKE of one connection to the Noise handshake of another.
//!
//! After the handshake each frame is one Noise transport message whose plaintext is a
//! flag byte (1 = more follows, 0 = last) and a chunk; a message is the RON text of a
//! protocol message, up to the receiver's limit.

use std::io;

use futures::{SinkExt, StreamExt};
use serde::Serialize;
use serde::de::DeserializeOwned;
use std::sync::Arc;

use snow::{HandshakeState, StatelessTransportState};
use spake2::{Ed25519Group, Identity, Password, Spake2};
use thiserror::Error;
use tokio::io::{AsyncRead, AsyncWrite, ReadHalf, WriteHalf};
use tokio_util::bytes::Bytes;
use tokio_util::codec::{Framed, FramedRead, FramedWrite, LengthDelimitedCodec};

use super::code::JoinCode;
use super::protocol::{self, PROTOCOL_VERSION};

/// The largest frame either side reads: a Noise message's maximum.
pub const MAX_FRAME: usize = 65_535;
/// Noise's authentication tag.
const TAG: usize = 16;
/// The largest chunk of a message one frame carries (the flag byte takes one).
const MAX_CHUNK: usize = MAX_FRAME - TAG - 1;

const NOISE_PARAMS: &str = "Noise_NNpsk0_25519_ChaChaPoly_BLAKE2s";
const MAGIC: &[u8; 4] = b"RTBL";
const ID_NOTE_TAKER: &[u8] = b"roundtable note-taker";
const ID_HOST: &[u8] = b"roundtable host";
const PROLOGUE: &[u8] = b"roundtable/noise/1";
const SPAKE_MSG: usize = 33;
/// How long a host id is.
pub const HOST_ID_LEN: usize = 16;

const TAG_CLIENT_HELLO: u8 = 1;
const TAG_HOST_HELLO: u8 = 2;
const TAG_NOISE: u8 = 3;
const TAG_REFUSAL: u8 = 4;

/// Why the host refused a handshake, told in the clear (nothing secret in it).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HandshakeRefusal {
    WrongCode,
    /// No handshake place now: too many in progress, overall or from this address.
    Busy,
    Version,
    /// This address tried too many wrong codes and is refused for a while.
    Blocked,
}

impl HandshakeRefusal {
    fn byte(self) -> u8 {
        match self {
            HandshakeRefusal::WrongCode => 1,
            HandshakeRefusal::Busy => 2,
            HandshakeRefusal::Version => 3,
            HandshakeRefusal::Blocked => 4,
        }
    }

    fn from_byte(b: u8) -> Option<HandshakeRefusal> {
        match b {
            1 => Some(HandshakeRefusal::WrongCode),
            2 => Some(HandshakeRefusal::Busy),
            3 => Some(HandshakeRefusal::Version),
            4 => Some(HandshakeRefusal::Blocked),
            _ => None,
        }
    }
}

/// What went wrong on a link. Every variant closes that link, and only that one.
#[derive(Debug, Error)]
pub enum LinkError {
    #[error("the other side closed the connection")]
    Closed,
    #[error("connection error: {0}")]
    Io(#[from] io::Error),
    #[error("a frame broke the protocol: {0}")]
    Protocol(String),
    #[error("the join code does not match")]
    WrongCode,
    #[error("the host refused: {0:?}")]
    Refused(HandshakeRefusal),
    #[error("the other side speaks protocol version {0}; this one speaks {PROTOCOL_VERSION}")]
    Version(u16),
    #[error("a message of {size} bytes is over the limit of {limit}")]
    TooLarge { size: usize, limit: usize },
    #[error("a frame is over the limit of {MAX_FRAME} bytes")]
    FrameTooLarge,
    #[error("a frame failed to decrypt")]
    Undecryptable,
    #[error("a message could not be read: {0}")]
    Decode(String),
    #[error("encryption failed: {0}")]
    Crypto(String),
}

fn codec() -> LengthDelimitedCodec {
    LengthDelimitedCodec::builder()
        .length_field_length(4)
        .max_frame_length(MAX_FRAME)
        .new_codec()
}

fn protocol(why: impl Into<String>) -> LinkError {
    LinkError::Protocol(why.into())
}

async fn next_frame<S: AsyncRead + AsyncWrite + Unpin>(
    framed: &mut Framed<S, LengthDelimitedCodec>,
) -> Result<Vec<u8>, LinkError> {
    match framed.next().await {
        Some(Ok(frame)) => Ok(frame.to_vec()),
        // The codec reports an oversized length as InvalidData.
        Some(Err(e)) if e.kind() == io::ErrorKind::InvalidData => Err(LinkError::FrameTooLarge),
        Some(Err(e)) => Err(LinkError::Io(e)),
        None => Err(LinkError::Closed),
    }
}

fn noise_builder() -> snow::Builder<'static> {
    // The parameter string is a constant this file spells correctly; a typo would
    // fail every test.
    snow::Builder::new(NOISE_PARAMS.parse().expect("valid Noise parameters"))
}

fn prologue(host_id: &[u8], spake_a: &[u8], spake_b: &[u8]) -> Vec<u8> {
    [PROLOGUE, host_id, spake_a, spake_b].concat()
}

fn crypto(e: snow::Error) -> LinkError {
    LinkError::Crypto(e.to_string())
}

fn psk(key: &[u8]) -> Result<[u8; 32], LinkError> {
    key.try_into()
        .map_err(|_| LinkError::Crypto("the PAKE key is not 32 bytes".into()))
}

/// The note-taker's side of the handshake.
pub async fn connect<S: AsyncRead + AsyncWrite + Unpin>(
    stream: S,
    code: &JoinCode,
    max_incoming: usize,
) -> Result<Link<S>, LinkError> {
    let mut framed = Framed::new(stream, codec());
    let (spake, spake_a) = Spake2::<Ed25519Group>::start_a(
        &Password::new(code.as_bytes()),
        &Identity::new(ID_NOTE_TAKER),
        &Identity::new(ID_HOST),
    );
    let hello = [
        &[TAG_CLIENT_HELLO][..],
        MAGIC,
        &PROTOCOL_VERSION.to_be_bytes(),
        &spake_a,
    ]
    .concat();
    framed.send(Bytes::from(hello)).await?;

    let reply = next_frame(&mut framed).await?;
    let (host_id, spake_b) = match reply.split_first() {
        Some((&TAG_REFUSAL, rest)) => return Err(refusal(rest)),
        Some((&TAG_HOST_HELLO, rest)) => {
            let rest = rest
                .strip_prefix(MAGIC)
                .ok_or_else(|| protocol("not a Roundtable host"))?;
            if rest.len() != 2 + HOST_ID_LEN + SPAKE_MSG {
                return Err(protocol("the host's hello has the wrong length"));
            }
            let version = u16::from_be_bytes([rest[0], rest[1]]);
            if version != PROTOCOL_VERSION {
                return Err(LinkError::Version(version));
            }
            rest[2..].split_at(HOST_ID_LEN)
        }
        _ => return Err(protocol("not a Roundtable host")),
    };
    let key = spake
        .finish(spake_b)
        .map_err(|e| protocol(format!("the host's key exchange is malformed: {e:?}")))?;
    let key = psk(&key)?;
    let prologue = prologue(host_id, &spake_a, spake_b);
    let mut noise = noise_builder()
        .prologue(&prologue)
        .and_then(|b| b.psk(0, &key))
        .and_then(|b| b.build_initiator())
        .map_err(crypto)?;

    let mut buf = vec![0u8; MAX_FRAME];
    let len = noise.write_message(&[], &mut buf).map_err(crypto)?;
    let mut message = Vec::with_capacity(len + 1);
    message.push(TAG_NOISE);
    message.extend_from_slice(&buf[..len]);
    framed.send(Bytes::from(message)).await?;

    let reply = next_frame(&mut framed).await?;
    match reply.split_first() {
        Some((&TAG_REFUSAL, rest)) => return Err(refusal(rest)),
        Some((&TAG_NOISE, rest)) => {
            // A host that derived another key (it knows another code) fails here.
            noise
                .read_message(rest, &mut buf)
                .map_err(|_| LinkError::WrongCode)?;
        }
        _ => return Err(protocol("unexpected frame in the handshake")),
    }
    Link::new(framed, noise, max_incoming)
}

fn refusal(rest: &[u8]) -> LinkError {
    match rest.first().copied().and_then(HandshakeRefusal::from_byte) {
        Some(HandshakeRefusal::WrongCode) => LinkError::WrongCode,
        Some(reason) => LinkError::Refused(reason),
        None => protocol("unknown refusal"),
    }
}

/// Sends a refusal in the clear during the handshake, ignoring errors: the link is
/// being closed anyway.
pub async fn refuse<S: AsyncRead + AsyncWrite + Unpin>(
    framed: &mut Framed<S, LengthDelimitedCodec>,
    reason: HandshakeRefusal,
) {
    let _ = framed
        .send(Bytes::from(vec![TAG_REFUSAL, reason.byte()]))
        .await;
}

/// The host's side of a handshake in progress: the stream framed, nothing read yet.
pub struct Accepting<S> {
    framed: Framed<S, LengthDelimitedCodec>,
}

impl<S: AsyncRead + AsyncWrite + Unpin> Accepting<S> {
    pub fn new(stream: S) -> Accepting<S> {
        Accepting {
            framed: Framed::new(stream, codec()),
        }
    }

    /// Refuses at once (too many connections), without reading anything.
    pub async fn refuse(mut self, reason: HandshakeRefusal) {
        refuse(&mut self.framed, reason).await;
    }

    /// Runs the host's side of the handshake with `code`. A wrong code is refused on
    /// the wire and returned as `LinkError::WrongCode`.
    pub async fn accept(
        mut self,
        code: &JoinCode,
        host_id: &[u8; HOST_ID_LEN],
        max_incoming: usize,
    ) -> Result<Link<S>, LinkError> {
        let framed = &mut self.framed;
        let hello = next_frame(framed).await?;
        let rest = match hello.split_first() {
            Some((&TAG_CLIENT_HELLO, rest)) => rest
                .strip_prefix(MAGIC)
                .ok_or_else(|| protocol("not a Roundtable note-taker"))?,
            _ => return Err(protocol("not a Roundtable note-taker")),
        };
        if rest.len() < 2 {
            return Err(protocol("the hello is too short"));
        }
        let version = u16::from_be_bytes([rest[0], rest[1]]);
        if version != PROTOCOL_VERSION {
            refuse(framed, HandshakeRefusal::Version).await;
            return Err(LinkError::Version(version));
        }
        let spake_a = &rest[2..];
        if spake_a.len() != SPAKE_MSG {
            return Err(protocol("the hello has the wrong length"));
        }
        let (spake, spake_b) = Spake2::<Ed25519Group>::start_b(
            &Password::new(code.as_bytes()),
            &Identity::new(ID_NOTE_TAKER),
            &Identity::new(ID_HOST),
        );
        let reply = [
            &[TAG_HOST_HELLO][..],
            MAGIC,
            &PROTOCOL_VERSION.to_be_bytes(),
            host_id,
            &spake_b,
        ]
        .concat();
        framed.send(Bytes::from(reply)).await?;
        let key = spake
            .finish(spake_a)
            .map_err(|e| protocol(format!("the key exchange is malformed: {e:?}")))?;
        let key = psk(&key)?;
        let prologue = prologue(host_id, spake_a, &spake_b);
        let mut noise: HandshakeState = noise_builder()
            .prologue(&prologue)
            .and_then(|b| b.psk(0, &key))
            .and_then(|b| b.build_responder())
            .map_err(crypto)?;

        let message = next_frame(framed).await?;
        let mut buf = vec![0u8; MAX_FRAME];
        match message.split_first() {
            Some((&TAG_NOISE, rest)) => {
                if noise.read_message(rest, &mut buf).is_err() {
                    refuse(framed, HandshakeRefusal::WrongCode).await;
                    return Err(LinkError::WrongCode);
                }
            }
            _ => return Err(protocol("unexpected frame in the handshake")),
        }
        let len = noise.write_message(&[], &mut buf).map_err(crypto)?;
        let mut reply = Vec::with_capacity(len + 1);
        reply.push(TAG_NOISE);
        reply.extend_from_slice(&buf[..len]);
        framed.send(Bytes::from(reply)).await?;
        Link::new(self.framed, noise, max_incoming)
    }
}

/// An established, encrypted link. `recv` is cancel-safe: a partly received message
/// is kept in the link, so it can be raced in `tokio::select!`. `split` gives a reader
/// and a writer that can live in different tasks, so reading never waits for writing.
pub struct Link<S> {
    reader: LinkReader<S>,
    writer: LinkWriter<S>,
}

/// The receiving half of a link.
pub struct LinkReader<S> {
    frames: FramedRead<ReadHalf<S>, LengthDelimitedCodec>,
    noise: Arc<StatelessTransportState>,
    nonce: u64,
    max_incoming: usize,
    partial: Vec<u8>,
    plain: Vec<u8>,
}

/// The sending half of a link.
pub struct LinkWriter<S> {
    frames: FramedWrite<WriteHalf<S>, LengthDelimitedCodec>,
    noise: Arc<StatelessTransportState>,
    nonce: u64,
    sealed: Vec<u8>,
}

impl<S: AsyncRead + AsyncWrite + Unpin> Link<S> {
    fn new(
        framed: Framed<S, LengthDelimitedCodec>,
        noise: HandshakeState,
        max_incoming: usize,
    ) -> Result<Link<S>, LinkError> {
        let noise = Arc::new(noise.into_stateless_transport_mode().map_err(crypto)?);
        let parts = framed.into_parts();
        // Nothing may be left over: the peer speaks only after our last handshake
        // message, but a buffered byte would be lost by splitting.
        let leftover = parts.read_buf.to_vec();
        let (read, write) = tokio::io::split(parts.io);
        let mut frames = FramedRead::new(read, codec());
        frames.read_buffer_mut().extend_from_slice(&leftover);
        Ok(Link {
            reader: LinkReader {
                frames,
                noise: noise.clone(),
                nonce: 0,
                max_incoming,
                partial: Vec::new(),
                plain: vec![0u8; MAX_FRAME],
            },
            writer: LinkWriter {
                frames: FramedWrite::new(write, codec()),
                noise,
                nonce: 0,
                sealed: vec![0u8; MAX_FRAME],
            },
        })
    }

    pub fn split(self) -> (LinkReader<S>, LinkWriter<S>) {
        (self.reader, self.writer)
    }

    pub async fn send<M: Serialize>(&mut self, message: &M) -> Result<(), LinkError> {
        self.writer.send(message).await
    }

    pub async fn recv<M: DeserializeOwned>(&mut self) -> Result<M, LinkError> {
        self.reader.recv().await
    }

    /// Sends raw bytes as one sealed message (tests use it for garbage that
    /// decrypts).
    #[doc(hidden)]
    pub async fn send_bytes(&mut self, bytes: &[u8]) -> Result<(), LinkError> {
        self.writer.send_bytes(bytes).await
    }

    /// Writes bytes outside any frame (tests use it for oversized lengths).
    #[doc(hidden)]
    pub async fn write_raw(&mut self, bytes: &[u8]) -> Result<(), LinkError> {
        use tokio::io::AsyncWriteExt;
        let io = self.writer.frames.get_mut();
        io.write_all(bytes).await?;
        io.flush().await?;
        Ok(())
    }

    /// Sends a raw frame, bypassing encryption (tests use it for garbage).
    #[doc(hidden)]
    pub async fn send_raw_frame(&mut self, bytes: Vec<u8>) -> Result<(), LinkError> {
        self.writer.frames.send(Bytes::from(bytes)).await?;
        Ok(())
    }
}

impl<S: AsyncRead + AsyncWrite + Unpin> LinkWriter<S> {
    /// Seals and sends one message, split over as many frames as it needs. Not
    /// cancel-safe: cancelling it may leave half a message; close the link then.
    pub async fn send<M: Serialize>(&mut self, message: &M) -> Result<(), LinkError> {
        let text = protocol::encode(message).map_err(|e| LinkError::Decode(e.to_string()))?;
        self.send_bytes(text.as_bytes()).await
    }

    async fn send_bytes(&mut self, bytes: &[u8]) -> Result<(), LinkError> {
        let mut chunks = bytes.chunks(MAX_CHUNK).peekable();
        if chunks.peek().is_none() {
            return self.send_chunk(&[], false).await;
        }
        while let Some(chunk) = chunks.next() {
            let more = chunks.peek().is_some();
            self.send_chunk(chunk, more).await?;
        }
        Ok(())
    }

    async fn send_chunk(&mut self, chunk: &[u8], more: bool) -> Result<(), LinkError> {
        let mut plain = Vec::with_capacity(chunk.len() + 1);
        plain.push(u8::from(more));
        plain.extend_from_slice(chunk);
        let len = self
            .noise
            .write_message(self.nonce, &plain, &mut self.sealed)
            .map_err(crypto)?;
        self.nonce += 1;
        self.frames
            .feed(Bytes::copy_from_slice(&self.sealed[..len]))
            .await?;
        if !more {
            SinkExt::<Bytes>::flush(&mut self.frames).await?;
        }
        Ok(())
    }
}

impl<S: AsyncRead + AsyncWrite + Unpin> LinkReader<S> {
    /// Receives and opens the next message. A frame that fails to decrypt (garbage,
    /// replayed, reordered), a message over the limit or one that does not parse is an
    /// error that ends the link.
    pub async fn recv<M: DeserializeOwned>(&mut self) -> Result<M, LinkError> {
        let bytes = self.recv_bytes().await?;
        let text = std::str::from_utf8(&bytes).map_err(|e| LinkError::Decode(e.to_string()))?;
        protocol::decode(text).map_err(|e| LinkError::Decode(e.to_string()))
    }

    async fn recv_bytes(&mut self) -> Result<Vec<u8>, LinkError> {
        loop {
            let frame = match self.frames.next().await {
                Some(Ok(frame)) => frame,
                Some(Err(e)) if e.kind() == io::ErrorKind::InvalidData => {
                    return Err(LinkError::FrameTooLarge);
                }
                Some(Err(e)) => return Err(LinkError::Io(e)),
                None => return Err(LinkError::Closed),
            };
            let len = self
                .noise
                .read_message(self.nonce, &frame, &mut self.plain)
                .map_err(|_| LinkError::Undecryptable)?;
            self.nonce += 1;
            let Some((&flag, chunk)) = self.plain[..len].split_first() else {
                return Err(protocol("an empty frame"));
            };
            let size = self.partial.len() + chunk.len();
            if size > self.max_incoming {
                return Err(LinkError::TooLarge {
                    size,
                    limit: self.max_incoming,
                });
            }
            self.partial.extend_from_slice(chunk);
            match flag {
                0 => return Ok(std::mem::take(&mut self.partial)),
                1 => continue,
                _ => return Err(protocol("a bad continuation flag")),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    async fn pair(
        max_incoming: usize,
    ) -> (Link<tokio::io::DuplexStream>, Link<tokio::io::DuplexStream>) {
        let code: JoinCode = "K7QM-4TXP".parse().expect("code");
        let (a, b) = tokio::io::duplex(1 << 16);
        let host_code = code.clone();
        let host = tokio::spawn(async move {
            Accepting::new(b)
                .accept(&host_code, &[1; HOST_ID_LEN], max_incoming)
                .await
        });
        let client = connect(a, &code, max_incoming).await.expect("client side");
        let host = host.await.expect("joined").expect("host side");
        (client, host)
    }

    #[tokio::test]
    async fn a_message_larger_than_a_frame_crosses_in_pieces_both_ways() {
        let (mut client, mut host) = pair(1 << 20).await;
        let big: String = "紀錄".repeat(50_000);
        let sending = tokio::spawn(async move {
            client.send(&big).await.expect("sent");
            (client, big)
        });
        let received: String = host.recv().await.expect("received");
        let (mut client, big) = sending.await.expect("joined");
        assert_eq!(received, big);
        host.send(&"back".to_owned()).await.expect("sent");
        assert_eq!(client.recv::<String>().await.expect("received"), "back");
    }

    #[tokio::test]
    async fn a_message_over_the_receivers_limit_is_an_error() {
        let (mut client, mut host) = pair(1_000).await;
        let sending = tokio::spawn(async move {
            let _ = client.send(&"x".repeat(5_000)).await;
            client
        });
        let error = host.recv::<String>().await.expect_err("too large");
        assert!(matches!(error, LinkError::TooLarge { .. }), "{error}");
        drop(sending.await);
    }

    #[tokio::test]
    async fn a_replayed_frame_fails_to_decrypt() {
        let (mut client, mut host) = pair(1 << 16).await;
        // Seal one message by hand, send it twice: the second reuses a nonce the host
        // has passed.
        let mut sealed = vec![0u8; MAX_FRAME];
        let len = client
            .writer
            .noise
            .write_message(0, b"\x00\"hi\"", &mut sealed)
            .expect("sealed");
        client.writer.nonce = 1;
        let frame = sealed[..len].to_vec();
        client.send_raw_frame(frame.clone()).await.expect("sent");
        client.send_raw_frame(frame).await.expect("sent again");
        assert_eq!(host.recv::<String>().await.expect("first"), "hi");
        let error = host.recv::<String>().await.expect_err("replay");
        assert!(error.to_string().contains("decrypt"), "{error}");
    }
}
