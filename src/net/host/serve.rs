//! What runs for each connection: admission and the handshake (asking `admission.rs`
//! and reporting what it says: places, wrong codes, blocked addresses), the hello,
//! joining the registry (or being refused), then [`run_link`] until the link ends,
//! with the token bucket that paces the notes one link may hand the app.

use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime};

use tokio::sync::{mpsc, oneshot};
use tokio::time::{Instant, sleep_until, timeout};

use super::admission::{KeptOut, Source};
use super::{HostConfig, HostEvent, LinkEnd, NoteRequest, Shared, Slot, lock};
use crate::domain::Origin;
use crate::net::link::{Accepting, HandshakeRefusal, Link, LinkError};
use crate::net::protocol::{
    HelloProblem, MAX_NOTE_MESSAGE, PROTOCOL_VERSION, ProtocolFault, Refusal, ToClient, ToHost,
};
use crate::net::{AsyncStream, valid_client_id, valid_name};

/// Counts a connection in its handshake; uncounts it however the handshake ends.
struct Handshaking {
    shared: Arc<Mutex<Shared>>,
    source: Source,
}

impl Drop for Handshaking {
    fn drop(&mut self) {
        lock(&self.shared).admission.release(self.source);
    }
}

/// Removes a link from the registry when its task ends.
struct Registered {
    shared: Arc<Mutex<Shared>>,
    id: u64,
    client: String,
}

impl Drop for Registered {
    fn drop(&mut self) {
        let mut shared = lock(&self.shared);
        shared.links.remove(&self.id);
        if shared.by_client.get(&self.client) == Some(&self.id) {
            shared.by_client.remove(&self.client);
        }
    }
}

type Boxed = Box<dyn AsyncStream>;

pub(super) async fn serve(
    shared: Arc<Mutex<Shared>>,
    events: mpsc::Sender<HostEvent>,
    stream: Boxed,
    peer: SocketAddr,
) {
    let source = Source::of(peer);
    let accepting = Accepting::new(stream);
    let admitted = {
        let mut guard = lock(&shared);
        let s = &mut *guard;
        let now = Instant::now();
        match s.admission.admit(&s.config, source, s.by_client.len(), now) {
            Ok(()) => Ok((s.code.clone(), s.host_id, s.config.clone())),
            Err(why) => Err((why, s.admission.report(source, why, now))),
        }
    };
    let (code, host_id, config) = match admitted {
        Ok(admitted) => admitted,
        Err((why, report)) => {
            let refusal = match why {
                KeptOut::Blocked => HandshakeRefusal::Blocked,
                _ => HandshakeRefusal::Busy,
            };
            accepting.refuse(refusal).await;
            if let Some(count) = report {
                report_kept_out(&events, source, why, count).await;
            }
            return;
        }
    };
    let guard = Handshaking {
        shared: shared.clone(),
        source,
    };
    let deadline = Instant::now() + config.handshake_timeout;
    let peer = peer.to_string();

    let link = match tokio::time::timeout_at(
        deadline,
        accepting.accept(&code, &host_id, MAX_NOTE_MESSAGE),
    )
    .await
    {
        Ok(Ok(link)) => {
            lock(&shared).admission.right_code(source);
            link
        }
        Ok(Err(LinkError::WrongCode)) => {
            drop(guard);
            let counted = {
                let mut guard = lock(&shared);
                let s = &mut *guard;
                s.admission.wrong_code(&s.config, source, Instant::now())
            };
            let at = SystemTime::now();
            let _ = events
                .send(HostEvent::FailedAttempt {
                    peer,
                    at,
                    failures: counted.failures,
                })
                .await;
            if let Some(blocked_for) = counted.blocked_for {
                let _ = events
                    .send(HostEvent::AddressBlocked {
                        address: source.to_string(),
                        at,
                        failures: counted.failures,
                        blocked_for,
                    })
                    .await;
            }
            return;
        }
        Ok(Err(error)) => {
            drop(guard);
            report_closed(&events, peer, format!("handshake failed: {error}")).await;
            return;
        }
        Err(_) => {
            drop(guard);
            timed_out(&shared, &events, source).await;
            return;
        }
    };
    let mut link = link;
    let hello = tokio::time::timeout_at(deadline, link.recv::<ToHost>()).await;
    drop(guard);
    let (client, name) = match hello {
        Ok(Ok(ToHost::Hello {
            protocol,
            client_id,
            name,
            last_acked: _,
        })) => {
            let problem = if protocol != PROTOCOL_VERSION {
                Some(HelloProblem::Version {
                    theirs: protocol,
                    ours: PROTOCOL_VERSION,
                })
            } else if !valid_client_id(&client_id) {
                Some(HelloProblem::ClientId)
            } else if !valid_name(&name) {
                Some(HelloProblem::Name)
            } else {
                None
            };
            if let Some(problem) = problem {
                let reason = Refusal::BadHello(problem);
                refuse_link(&mut link, &config, reason.clone()).await;
                let _ = events
                    .send(HostEvent::Refused {
                        peer,
                        name: Some(name),
                        reason,
                    })
                    .await;
                return;
            }
            (client_id, name.trim().to_owned())
        }
        Ok(Ok(_)) => {
            let reason = Refusal::Protocol(ProtocolFault::NoHello);
            refuse_link(&mut link, &config, reason.clone()).await;
            let _ = events
                .send(HostEvent::Refused {
                    peer,
                    name: None,
                    reason,
                })
                .await;
            return;
        }
        Ok(Err(error)) => {
            report_closed(&events, peer, format!("no hello: {error}")).await;
            return;
        }
        Err(_) => {
            timed_out(&shared, &events, source).await;
            return;
        }
    };

    // Join: refuse if revoked or full; replace an older link of the same client.
    let (out_tx, mut out_rx) = mpsc::channel(config.outgoing_capacity.max(1));
    let (close_tx, mut close_rx) = oneshot::channel();
    let registered = {
        let mut s = lock(&shared);
        let others = s.by_client.keys().filter(|c| **c != client).count();
        let refusal = if s.revoked.contains(&client) {
            Some(Refusal::Revoked)
        } else if others >= s.config.max_note_takers {
            Some(Refusal::Full)
        } else {
            None
        };
        match refusal {
            Some(reason) => Err(reason),
            None => {
                s.close_client(&client, Refusal::Replaced);
                let id = s.next_link;
                s.next_link += 1;
                s.links.insert(
                    id,
                    Slot {
                        client: client.clone(),
                        name: name.clone(),
                        peer: peer.clone(),
                        out: out_tx,
                        close: Some(close_tx),
                    },
                );
                s.by_client.insert(client.clone(), id);
                let welcome = s.welcome(&client);
                Ok((
                    Registered {
                        shared: shared.clone(),
                        id,
                        client: client.clone(),
                    },
                    welcome,
                ))
            }
        }
    };
    let (registered, welcome) = match registered {
        Ok(joined) => joined,
        Err(reason) => {
            refuse_link(&mut link, &config, reason.clone()).await;
            let _ = events
                .send(HostEvent::Refused {
                    peer,
                    name: Some(name),
                    reason,
                })
                .await;
            return;
        }
    };
    if !matches!(
        timeout(
            config.write_timeout,
            link.send(&ToClient::Welcome(Box::new(welcome)))
        )
        .await,
        Ok(Ok(()))
    ) {
        drop(registered);
        report_closed(&events, peer, "could not send the welcome".into()).await;
        return;
    }
    let _ = events
        .send(HostEvent::Connected {
            client: client.clone(),
            name: name.clone(),
            peer: peer.clone(),
        })
        .await;

    let reason = run_link(
        &shared,
        &events,
        &mut link,
        &config,
        registered.id,
        &client,
        &name,
        &mut out_rx,
        &mut close_rx,
    )
    .await;
    drop(registered);
    let _ = events
        .send(HostEvent::Disconnected {
            client,
            name,
            peer,
            reason,
        })
        .await;
}

async fn report_closed(events: &mpsc::Sender<HostEvent>, peer: String, reason: String) {
    let _ = events.send(HostEvent::LinkClosed { peer, reason }).await;
}

async fn report_kept_out(
    events: &mpsc::Sender<HostEvent>,
    source: Source,
    why: KeptOut,
    count: u32,
) {
    let _ = events
        .send(HostEvent::KeptOut {
            address: source.to_string(),
            at: SystemTime::now(),
            why,
            count,
        })
        .await;
}

/// A connection did not prove the code and say hello in time: its place is free
/// again (the caller dropped it); the facilitator hears of it, rate-limited.
async fn timed_out(shared: &Mutex<Shared>, events: &mpsc::Sender<HostEvent>, source: Source) {
    let report = lock(shared)
        .admission
        .report(source, KeptOut::TimedOut, Instant::now());
    if let Some(count) = report {
        report_kept_out(events, source, KeptOut::TimedOut, count).await;
    }
}

async fn refuse_link(link: &mut Link<Boxed>, config: &HostConfig, reason: Refusal) {
    let _ = timeout(
        config.write_timeout,
        link.send(&ToClient::Refused { reason }),
    )
    .await;
}

/// Token bucket for the notes one link may hand the app.
struct Bucket {
    tokens: f64,
    burst: f64,
    per_second: f64,
    at: Instant,
}

impl Bucket {
    fn new(config: &HostConfig) -> Bucket {
        let burst = f64::from(config.note_burst.max(1));
        Bucket {
            tokens: burst,
            burst,
            per_second: f64::from(config.notes_per_second.max(1)),
            at: Instant::now(),
        }
    }

    fn refill(&mut self, now: Instant) {
        let elapsed = now.saturating_duration_since(self.at).as_secs_f64();
        self.tokens = (self.tokens + elapsed * self.per_second).min(self.burst);
        self.at = now;
    }

    fn ready(&mut self, now: Instant) -> bool {
        self.refill(now);
        self.tokens >= 1.0
    }

    fn take(&mut self) {
        self.tokens -= 1.0;
    }

    /// When the next token is there.
    fn next_at(&self) -> Instant {
        let missing = (1.0 - self.tokens).max(0.0);
        self.at + Duration::from_secs_f64(missing / self.per_second)
    }
}

#[allow(clippy::too_many_arguments)]
async fn run_link(
    shared: &Arc<Mutex<Shared>>,
    events: &mpsc::Sender<HostEvent>,
    link: &mut Link<Boxed>,
    config: &HostConfig,
    id: u64,
    client: &str,
    name: &str,
    out_rx: &mut mpsc::Receiver<ToClient>,
    close_rx: &mut oneshot::Receiver<Refusal>,
) -> LinkEnd {
    let mut bucket = Bucket::new(config);
    let mut waiting: Option<NoteRequest> = None;
    let mut idle_at = Instant::now() + config.idle_timeout;
    loop {
        let now = Instant::now();
        let can_read = waiting.is_none() && bucket.ready(now);
        let throttled = waiting.is_none() && !can_read;
        let next_token = bucket.next_at();
        tokio::select! {
            biased;
            reason = &mut *close_rx => {
                let reason = reason.unwrap_or(Refusal::Disconnected);
                let _ = timeout(config.write_timeout, link.send(&ToClient::Refused { reason: reason.clone() })).await;
                return match reason {
                    Refusal::Replaced => LinkEnd::Replaced,
                    Refusal::ShuttingDown => LinkEnd::HostClosing,
                    reason => LinkEnd::ClosedByHost(reason),
                };
            }
            out = out_rx.recv() => {
                let Some(message) = out else {
                    return LinkEnd::HostClosing;
                };
                match timeout(config.write_timeout, link.send(&message)).await {
                    Ok(Ok(())) => {}
                    Ok(Err(_)) => return LinkEnd::Broken,
                    Err(_) => return LinkEnd::NotReading,
                }
            }
            permit = events.reserve(), if waiting.is_some() => {
                let Ok(permit) = permit else {
                    return LinkEnd::HostClosing;
                };
                // Only the link that holds the client id may hand the app its notes,
                // so a replaced link can never slip an old note in after newer ones.
                let s = lock(shared);
                if s.by_client.get(client) != Some(&id) {
                    return LinkEnd::Replaced;
                }
                if let Some(note) = waiting.take() {
                    permit.send(HostEvent::Note(Box::new(note)));
                }
            }
            message = link.recv::<ToHost>(), if can_read => {
                idle_at = Instant::now() + config.idle_timeout;
                match message {
                    Ok(ToHost::Send { seq, event }) => {
                        bucket.take();
                        waiting = Some(NoteRequest {
                            origin: Origin { client: client.to_owned(), seq },
                            name: name.to_owned(),
                            kind: event,
                        });
                    }
                    Ok(ToHost::Ping) => {
                        if !matches!(timeout(config.write_timeout, link.send(&ToClient::Pong)).await, Ok(Ok(()))) {
                            return LinkEnd::Broken;
                        }
                    }
                    Ok(ToHost::Hello { .. }) => {
                        let fault = ProtocolFault::SecondHello;
                        refuse_link(link, config, Refusal::Protocol(fault)).await;
                        return LinkEnd::Protocol(fault);
                    }
                    Err(LinkError::Closed) => return LinkEnd::Left,
                    Err(LinkError::Io(_)) => return LinkEnd::Broken,
                    Err(error) => {
                        let fault = match error {
                            LinkError::TooLarge { .. } | LinkError::FrameTooLarge => ProtocolFault::Oversized,
                            LinkError::Undecryptable => ProtocolFault::Undecryptable,
                            _ => ProtocolFault::Malformed,
                        };
                        refuse_link(link, config, Refusal::Protocol(fault)).await;
                        return LinkEnd::Protocol(fault);
                    }
                }
            }
            _ = sleep_until(next_token), if throttled => {}
            _ = sleep_until(idle_at) => {
                return LinkEnd::Idle;
            }
        }
    }
}
