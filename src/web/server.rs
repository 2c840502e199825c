//! The room's page served over HTTP: `/` the page, `/events` its updates as
//! server-sent events, `/state.json` a snapshot for other tools. Read-only: GET and
//! HEAD only, no query that changes anything. On a thread and runtime of its own, so
//! that no viewer, however many or slow, holds up the facilitator: publishing a
//! change replaces one value (`watch`), and each viewer's stream reads the newest
//! when it can, skipping what it missed.
//!
//! Bounded everywhere: connections in total and per address (counted as they are
//! accepted; one over is closed at once), and what is sent (a connection whose
//! writes stall for `Limits::stall` is dropped, so a viewer that stops reading holds
//! nothing but its slot, and not for long).

use std::collections::HashMap;
use std::convert::Infallible;
use std::io;
use std::net::{IpAddr, SocketAddr};
use std::pin::Pin;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll};
use std::time::Duration;

use axum::Router;
use axum::extract::{Query, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;
use serde::Deserialize;
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::sync::watch;

use super::page::{self, Layout};
use super::view::RoomView;
use crate::domain::Lang;

/// How much the server lets anyone take.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    /// Connections at once, in total.
    pub connections: usize,
    /// Connections at once from one address (a venue's phones each have their own;
    /// a reverse proxy in front counts as one address, see docs/live-page.md).
    pub per_address: usize,
    /// How long a write may wait on a viewer that does not read before the viewer is
    /// dropped.
    pub stall: Duration,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            connections: 2000,
            per_address: 64,
            stall: Duration::from_secs(10),
        }
    }
}

/// What the server sends: the view, and the update made from it once for everyone.
#[derive(Debug)]
struct Published {
    view: RoomView,
    /// The event stream's data: the room in both languages, as JSON.
    update: String,
    /// `/state.json`.
    json: String,
    seq: u64,
}

impl Published {
    fn of(view: RoomView, seq: u64) -> Published {
        let update = serde_json::to_string(&page::update(&view)).unwrap_or_default();
        let json = serde_json::to_string_pretty(&view).unwrap_or_default();
        Published {
            view,
            update,
            json,
            seq,
        }
    }
}

/// The running server: publish to it; dropping it stops it.
pub struct RoomServer {
    address: SocketAddr,
    published: watch::Sender<Arc<Published>>,
    viewers: Arc<AtomicUsize>,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl RoomServer {
    /// Binds `addr` (before anything else, so a port in use is said at once) and
    /// serves `view` until dropped.
    pub fn start(addr: SocketAddr, view: RoomView) -> io::Result<RoomServer> {
        RoomServer::start_with(addr, view, Limits::default())
    }

    /// [`RoomServer::start`] with other limits.
    pub fn start_with(addr: SocketAddr, view: RoomView, limits: Limits) -> io::Result<RoomServer> {
        let listener = std::net::TcpListener::bind(addr)?;
        listener.set_nonblocking(true)?;
        let address = listener.local_addr()?;
        let (published, receiver) = watch::channel(Arc::new(Published::of(view, 1)));
        let viewers = Arc::new(AtomicUsize::new(0));
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        let shared = Shared {
            published: receiver,
            viewers: Arc::clone(&viewers),
        };
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .thread_name("roundtable-web")
            .enable_all()
            .build()?;
        let thread = std::thread::Builder::new()
            .name("roundtable-web".into())
            .spawn(move || {
                runtime.block_on(async move {
                    let Ok(listener) = tokio::net::TcpListener::from_std(listener) else {
                        return;
                    };
                    let listener = Bounded::new(listener, limits);
                    let app = router(shared);
                    // Not a graceful shutdown: it would wait for every event stream
                    // to end, and they never do. The connections' tasks end with the
                    // runtime below.
                    tokio::select! {
                        _ = axum::serve(listener, app).into_future() => {}
                        _ = stopped => {}
                    }
                });
                runtime.shutdown_timeout(Duration::from_millis(200));
            })?;
        Ok(RoomServer {
            address,
            published,
            viewers,
            stop: Some(stop),
            thread: Some(thread),
        })
    }

    /// The address as bound (a port of 0 shows the one the system chose).
    pub fn address(&self) -> SocketAddr {
        self.address
    }

    /// The page's address to give people: `http://ADDR/`.
    pub fn url(&self) -> String {
        format!("http://{}/", self.address)
    }

    /// How many are watching now (open event streams).
    pub fn viewers(&self) -> usize {
        self.viewers.load(Ordering::Relaxed)
    }

    /// The room's view now; sent to every viewer if it changed. Never waits.
    pub fn publish(&self, view: RoomView) {
        let current = self.published.borrow();
        if current.view == view {
            return;
        }
        let seq = current.seq + 1;
        drop(current);
        self.published
            .send_replace(Arc::new(Published::of(view, seq)));
    }
}

impl Drop for RoomServer {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        // Event streams never end by themselves: the runtime's shutdown ends them.
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

#[derive(Clone)]
struct Shared {
    published: watch::Receiver<Arc<Published>>,
    viewers: Arc<AtomicUsize>,
}

fn router(shared: Shared) -> Router {
    Router::new()
        .route("/", get(page_handler))
        .route("/events", get(events_handler))
        .route("/state.json", get(state_handler))
        .fallback(|| async { (StatusCode::NOT_FOUND, "not found") })
        .with_state(shared)
}

#[derive(Debug, Default, Deserialize)]
struct PageQuery {
    lang: Option<String>,
    layout: Option<String>,
}

/// Headers every answer carries: nothing cached (the page is live), nothing run or
/// loaded from elsewhere.
fn locked_down(mut response: Response) -> Response {
    let headers = response.headers_mut();
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(
            "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; \
             connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
        ),
    );
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    response
}

async fn page_handler(State(shared): State<Shared>, Query(query): Query<PageQuery>) -> Response {
    let lang = query
        .lang
        .as_deref()
        .and_then(page::parse_lang)
        .unwrap_or(Lang::ZhTw);
    let layout = match query.layout.as_deref() {
        Some("phone") => Layout::Phone,
        _ => Layout::Slide,
    };
    let html = {
        let published = shared.published.borrow();
        page::page(&published.view, lang, layout)
    };
    locked_down(Html(html).into_response())
}

async fn state_handler(State(shared): State<Shared>) -> Response {
    let json = shared.published.borrow().json.clone();
    locked_down(([(header::CONTENT_TYPE, "application/json")], json).into_response())
}

/// Counts a viewer while their stream lives.
struct Watching(Arc<AtomicUsize>);

impl Watching {
    fn new(viewers: &Arc<AtomicUsize>) -> Watching {
        viewers.fetch_add(1, Ordering::Relaxed);
        Watching(Arc::clone(viewers))
    }
}

impl Drop for Watching {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::Relaxed);
    }
}

async fn events_handler(State(shared): State<Shared>) -> Response {
    let watching = Watching::new(&shared.viewers);
    let stream = futures::stream::unfold(
        (shared.published, watching, true),
        |(mut published, watching, first)| async move {
            // The room as it is at once, then each change; a viewer who was slow
            // gets the newest, not every one they missed.
            if !first && published.changed().await.is_err() {
                return None;
            }
            let now = Arc::clone(&published.borrow_and_update());
            let event = Event::default()
                .event("room")
                .id(now.seq.to_string())
                .data(now.update.as_str());
            Some((Ok::<_, Infallible>(event), (published, watching, false)))
        },
    );
    let sse = Sse::new(stream).keep_alive(KeepAlive::new().interval(Duration::from_secs(15)));
    locked_down(sse.into_response())
}

/// The listener: counts connections as they are accepted, closes one over the limits
/// at once, and gives each a stream that is dropped when its writes stall.
struct Bounded {
    inner: tokio::net::TcpListener,
    open: Arc<Mutex<Open>>,
    limits: Limits,
}

#[derive(Default)]
struct Open {
    total: usize,
    by_address: HashMap<IpAddr, usize>,
}

impl Bounded {
    fn new(inner: tokio::net::TcpListener, limits: Limits) -> Bounded {
        Bounded {
            inner,
            open: Arc::new(Mutex::new(Open::default())),
            limits,
        }
    }

    /// Takes a slot for `ip`, if there is one.
    fn admit(&self, ip: IpAddr) -> bool {
        let Ok(mut open) = self.open.lock() else {
            return false;
        };
        let here = open.by_address.get(&ip).copied().unwrap_or(0);
        if open.total >= self.limits.connections || here >= self.limits.per_address {
            return false;
        }
        open.total += 1;
        open.by_address.insert(ip, here + 1);
        true
    }
}

impl axum::serve::Listener for Bounded {
    type Io = Guarded;
    type Addr = SocketAddr;

    async fn accept(&mut self) -> (Guarded, SocketAddr) {
        loop {
            let (stream, peer) = match self.inner.accept().await {
                Ok(accepted) => accepted,
                // Out of file descriptors and the like: wait a moment, go on.
                Err(_) => {
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            };
            if !self.admit(peer.ip()) {
                drop(stream);
                continue;
            }
            let _ = stream.set_nodelay(true);
            let guarded = Guarded {
                stream,
                stall: None,
                patience: self.limits.stall,
                _slot: Slot {
                    ip: peer.ip(),
                    open: Arc::clone(&self.open),
                },
            };
            return (guarded, peer);
        }
    }

    fn local_addr(&self) -> io::Result<SocketAddr> {
        self.inner.local_addr()
    }
}

/// A connection's place in the count, given back when it closes.
struct Slot {
    ip: IpAddr,
    open: Arc<Mutex<Open>>,
}

impl Drop for Slot {
    fn drop(&mut self) {
        if let Ok(mut open) = self.open.lock() {
            open.total = open.total.saturating_sub(1);
            if let Some(n) = open.by_address.get_mut(&self.ip) {
                *n = n.saturating_sub(1);
                if *n == 0 {
                    open.by_address.remove(&self.ip);
                }
            }
        }
    }
}

/// A connection whose writes may wait at most `STALL` for the viewer to read.
struct Guarded {
    stream: tokio::net::TcpStream,
    stall: Option<Pin<Box<tokio::time::Sleep>>>,
    patience: Duration,
    // Held for its `Drop`, which gives the slot back.
    _slot: Slot,
}

impl Guarded {
    /// After a write made no progress: an error once it has waited its patience.
    fn stalled(&mut self, cx: &mut Context<'_>) -> Poll<io::Result<usize>> {
        let patience = self.patience;
        let timer = self
            .stall
            .get_or_insert_with(|| Box::pin(tokio::time::sleep(patience)));
        match timer.as_mut().poll(cx) {
            Poll::Ready(()) => Poll::Ready(Err(io::Error::new(
                io::ErrorKind::TimedOut,
                "the viewer stopped reading",
            ))),
            Poll::Pending => Poll::Pending,
        }
    }
}

impl AsyncRead for Guarded {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        Pin::new(&mut self.stream).poll_read(cx, buf)
    }
}

impl AsyncWrite for Guarded {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        match Pin::new(&mut self.stream).poll_write(cx, buf) {
            Poll::Pending => self.stalled(cx),
            done => {
                self.stall = None;
                done
            }
        }
    }

    fn poll_write_vectored(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[io::IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        match Pin::new(&mut self.stream).poll_write_vectored(cx, bufs) {
            Poll::Pending => self.stalled(cx),
            done => {
                self.stall = None;
                done
            }
        }
    }

    fn is_write_vectored(&self) -> bool {
        self.stream.is_write_vectored()
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.stream).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.stream).poll_shutdown(cx)
    }
}
