//! The room's view: a live, read-only web page served by the facilitator's
//! Roundtable, for the projector's second display, remote observers and the
//! livestream (`open --serve ADDR`). `view.rs` is what the room may see (what the
//! minutes publish, nothing of the console), `page.rs` the HTML made from it, and
//! `server.rs` the HTTP server and its event stream.

mod page;
mod server;
mod view;

pub use page::{Layout, lang_code, page, parse_lang, room, update};
pub use server::{Limits, RoomServer};
pub use view::{Both, RoomView};
