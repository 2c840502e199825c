//! `roundtable join ADDR CODE --name NAME`: the note-taker's screen.

use std::net::SocketAddr;
use std::path::PathBuf;

use clap::Args;

use super::CliError;
use crate::net::{JoinCode, client};
use crate::store::{LockError, SessionLock};
use crate::tui::join::{self, JoinOptions};

/// Join a meeting as its note-taker, from a second terminal or your own laptop.
///
/// Notes typed here appear on the facilitator's screen and are saved in the meeting's
/// session file. Each note is first kept on this computer (the outbox) and stays there
/// until the facilitator's Roundtable has saved it, so nothing is lost when the
/// network drops or either side crashes: join again with the same command and unsent
/// notes are sent, once.
#[derive(Debug, Args)]
#[command(after_help = "Examples:
  roundtable join 127.0.0.1:7878 K7QM-4TXP --name 王小明
      a second terminal on the facilitator's laptop
  roundtable join 192.168.1.20:7878 k7qm4txp --name 'Wang Hsiao-ming'
      your own laptop on the venue network (the code in any case, with or without the dash)")]
pub struct JoinArgs {
    /// The facilitator's address, as their screen shows it, e.g. 192.168.1.20:7878
    #[arg(value_name = "ADDR", value_parser = join_address)]
    pub address: String,
    /// The join code on the facilitator's screen, e.g. K7QM-4TXP
    #[arg(value_name = "CODE", value_parser = join_code)]
    pub code: JoinCode,
    /// Your name, as your notes are recorded under (1 to 64 characters)
    #[arg(long, value_name = "NAME", value_parser = note_taker_name)]
    pub name: String,
    /// Where notes wait until the facilitator has saved them
    /// [default: your data folder, one file per address]
    #[arg(long, value_name = "FILE")]
    pub outbox: Option<PathBuf>,
}

pub fn run_join(args: JoinArgs) -> Result<(), CliError> {
    let outbox = match args.outbox {
        Some(path) => path,
        None => client::default_outbox_path(&args.address).ok_or_else(|| {
            CliError::other(
                "this system has no data folder for the outbox; give one with --outbox FILE",
            )
        })?,
    };
    if let Some(parent) = outbox.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent).map_err(|source| CliError::Io {
            action: "create the folder",
            path: parent.to_owned(),
            source,
        })?;
    }
    // One note-taker per outbox: two would send under the same name and numbers.
    let _lock = SessionLock::acquire(&outbox).map_err(|error| match error {
        LockError::Held { path, holder } => CliError::other(format!(
            "the outbox {} is in use by another `roundtable join` ({holder}); close that one, or give this one its own with --outbox FILE",
            path.display()
        )),
        other => CliError::Lock(other),
    })?;
    join::run(JoinOptions {
        address: args.address,
        code: args.code,
        name: args.name.trim().to_owned(),
        outbox,
    })
    .map_err(CliError::other)
}

/// A host address: an IP address and port, or a name and port (`host.local:7878`).
pub fn join_address(typed: &str) -> Result<String, String> {
    let typed = typed.trim();
    let example = "like 192.168.1.20:7878, as the facilitator's screen shows it";
    if let Ok(addr) = typed.parse::<SocketAddr>() {
        return if addr.port() == 0 {
            Err(format!(
                "'{typed}' has port 0; use the port the facilitator's screen shows, {example}"
            ))
        } else {
            Ok(typed.to_owned())
        };
    }
    let Some((host, port)) = typed.rsplit_once(':') else {
        return Err(format!(
            "'{typed}' has no port; write the address and its port, {example}"
        ));
    };
    let host_ok = !host.is_empty()
        && !host.contains(':')
        && host
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-');
    match port.parse::<u16>() {
        Ok(p) if p > 0 && host_ok => Ok(typed.to_owned()),
        _ => Err(format!("'{typed}' is not an address and port, {example}")),
    }
}

fn join_code(typed: &str) -> Result<JoinCode, String> {
    typed
        .parse()
        .map_err(|e: crate::net::CodeError| e.to_string())
}

fn note_taker_name(typed: &str) -> Result<String, String> {
    if crate::net::valid_name(typed) {
        Ok(typed.trim().to_owned())
    } else {
        Err("a name is 1 to 64 characters, without control characters".to_owned())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_need_a_host_and_a_port() {
        assert!(join_address("127.0.0.1:7878").is_ok());
        assert!(join_address("[::1]:7878").is_ok());
        assert!(join_address("projector.local:7878").is_ok());
        assert!(join_address("127.0.0.1").is_err());
        assert!(join_address(":7878").is_err());
        assert!(join_address("127.0.0.1:0").is_err());
        assert!(join_address("127.0.0.1:port").is_err());
        assert!(join_address("a b:7878").is_err());
    }

    #[test]
    fn codes_are_read_in_any_case_with_or_without_the_dash() {
        let code = join_code("k7qm4txp").expect("a code");
        assert_eq!(code.to_string(), "K7QM-4TXP");
        assert_eq!(join_code("K7QM-4TXP"), Ok(code));
        assert!(join_code("K7QM-4TX").is_err());
        assert!(join_code("K7QM-4TXI").is_err());
    }
}
