//! `roundtable open FILE`: the facilitator's screen on a session.

use std::io::{self, IsTerminal};
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::path::{Path, PathBuf};

use clap::Args;

use super::CliError;
use super::files::require_file;
use crate::store::{self, SessionLock, Start};
use crate::tui::facilitator::{self, Closed};

/// Open a session file on the facilitator's screen.
///
/// Only one Roundtable may have a session open: a second one is refused and told who
/// holds it. A file that does not load is reported with its line and column and is
/// left exactly as it is.
///
/// With --listen, a note-taker can join from a second terminal or their own laptop
/// (`roundtable join ADDR CODE --name NAME`); the screen shows the address and the join
/// code, and `t` lists who is connected.
#[derive(Debug, Args)]
#[command(after_help = LISTEN_EXAMPLES)]
pub struct OpenArgs {
    /// The session file, e.g. sessions/forum-3.ron
    pub file: PathBuf,
    #[command(flatten)]
    pub net: NetArgs,
}

/// What the facilitator's screen offers the network: the note-taker link and the
/// room's live page. `open` and `demo` take the same.
#[derive(Debug, Args, Clone, Copy, Default)]
pub struct NetArgs {
    /// Let note-takers join on this address: 127.0.0.1:PORT for a second terminal on
    /// this laptop, or this laptop's address on the venue network, e.g.
    /// 192.168.1.20:7878. Nobody can join without it.
    #[arg(long, value_name = "ADDR", value_parser = listen_address)]
    pub listen: Option<SocketAddr>,
    /// Serve the room's live page (read-only: the meeting as the room may see it) on
    /// this address, e.g. 127.0.0.1:8080 for the projector's second display or
    /// 0.0.0.0:8080 for the venue network; open http://ADDR/ in a browser.
    #[arg(long, value_name = "ADDR", value_parser = listen_address)]
    pub serve: Option<SocketAddr>,
}

/// Examples under `--help` of the commands that listen.
pub const LISTEN_EXAMPLES: &str = "Examples:
  roundtable open sessions/forum.ron --listen 127.0.0.1:7878
      a note-taker on this laptop joins with
      roundtable join 127.0.0.1:7878 K7QM-4TXP --name 王小明
  roundtable open sessions/forum.ron --listen 192.168.1.20:7878
      a note-taker on the venue network joins with this laptop's address
  roundtable open sessions/forum.ron --serve 0.0.0.0:8080
      the room's live page at http://THIS-LAPTOP:8080/ (?lang=en for English)";

pub fn run_open(args: OpenArgs) -> Result<(), CliError> {
    open_session_with(&args.file, args.net)
}

/// Locks, loads and shows a session: what `open` and `demo` do.
pub fn open_session(path: &Path) -> Result<(), CliError> {
    open_session_with(path, NetArgs::default())
}

/// [`open_session`], listening for note-takers and serving the room's page as `net`
/// says.
pub fn open_session_with(path: &Path, net: NetArgs) -> Result<(), CliError> {
    require_file(path)?;
    require_terminal("open")?;
    // Held until the screen closes.
    let lock = SessionLock::acquire(path)?;
    let opened = store::read(path)?;
    // Saved to the file the lock holds: through a link, to the file it points to.
    let saved_to = lock.session().to_owned();
    let kept = match &opened.repaired {
        Some(repair) if repair.lost_an_event() => Some(keep_unfinished(&saved_to, repair)?),
        _ => None,
    };
    let start = match (opened.end, &opened.repaired) {
        (Some(end), _) => Start::Append(end),
        // A repaired file is written whole now, without its unfinished end.
        (None, Some(_)) => Start::Append(
            store::save(&saved_to, opened.meeting.session()).map_err(|source| CliError::Io {
                action: "write",
                path: saved_to.clone(),
                source,
            })?,
        ),
        // A file laid out by hand is left as it is until the first change.
        (None, None) => Start::Rewrite(Box::new(opened.meeting.session().clone())),
    };
    let options = facilitator::RunOptions {
        listen: net.listen,
        serve: net.serve,
        repaired: opened.repaired.map(|repair| (repair, kept)),
    };
    match facilitator::run(saved_to.clone(), opened.meeting, start, options)
        .map_err(CliError::Tui)?
    {
        Closed::Saved => Ok(()),
        Closed::Rescued { why, rescue } => Err(CliError::Rescued {
            path: saved_to,
            why,
            rescue,
        }),
        Closed::NotRescued { why, error } => Err(CliError::NotRescued {
            path: saved_to,
            why,
            error,
        }),
    }
}

/// Keeps the unfinished end a repair left out beside the session, as
/// `NAME.unfinished-STAMP.txt`, before the session is written without it.
fn keep_unfinished(session: &Path, repair: &store::Repair) -> Result<PathBuf, CliError> {
    let stem = session
        .file_stem()
        .map_or_else(|| "session".into(), |s| s.to_string_lossy().into_owned());
    let stamp = chrono::Local::now().format("%Y%m%d-%H%M%S");
    let kept = session.with_file_name(format!("{stem}.unfinished-{stamp}.txt"));
    crate::durable::write_atomically(&kept, &repair.dropped).map_err(|source| CliError::Io {
        action: "write",
        path: kept.clone(),
        source,
    })?;
    Ok(kept)
}

/// The facilitator's screen needs a terminal for its input and output; without one
/// (a pipe, a service, `ssh` without `-t`) say so before anything is written or locked.
pub fn require_terminal(command: &'static str) -> Result<(), CliError> {
    if io::stdin().is_terminal() && io::stdout().is_terminal() {
        Ok(())
    } else {
        Err(CliError::NoTerminal { command })
    }
}

/// Reads `--listen`: an IP address and a port (`localhost` is 127.0.0.1).
pub fn listen_address(typed: &str) -> Result<SocketAddr, String> {
    let typed = typed.trim();
    if let Ok(addr) = typed.parse::<SocketAddr>() {
        return Ok(addr);
    }
    if let Some(port) = typed.strip_prefix("localhost:")
        && let Ok(port) = port.parse::<u16>()
    {
        return Ok(SocketAddr::new(IpAddr::V4(Ipv4Addr::LOCALHOST), port));
    }
    if typed.parse::<IpAddr>().is_ok() || !typed.contains(':') {
        return Err(format!(
            "'{typed}' has no port; write the address and a port, like 127.0.0.1:7878"
        ));
    }
    Err(format!(
        "'{typed}' is not an IP address and port, like 127.0.0.1:7878 (this laptop) or 192.168.1.20:7878 (the venue network)"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn listen_addresses_are_an_ip_and_a_port() {
        assert_eq!(
            listen_address("127.0.0.1:7878"),
            Ok("127.0.0.1:7878".parse().expect("an address"))
        );
        assert_eq!(
            listen_address("localhost:7878"),
            Ok("127.0.0.1:7878".parse().expect("an address"))
        );
        assert!(listen_address("[::1]:7878").is_ok());
        let no_port = listen_address("192.168.1.20").expect_err("no port");
        assert!(no_port.contains("no port"), "{no_port}");
        let bad = listen_address("example:port").expect_err("not an address");
        assert!(bad.contains("127.0.0.1:7878"), "{bad}");
        assert!(listen_address("127.0.0.1:99999").is_err());
    }
}
