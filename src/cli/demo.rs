//! `roundtable demo`: open a fresh copy of the demo meeting.

use std::path::PathBuf;

use clap::Args;

use super::files::{shell_word, write_new_file};
use super::open::{LISTEN_EXAMPLES, NetArgs, open_session_with, require_terminal};
use super::{CliError, print_out};

/// The demo meeting, built in so that `roundtable demo` works from any folder.
pub const DEMO_SESSION: &str = include_str!("../../sessions/demo.ron");

/// Open a copy of the demo meeting (a forum on commitment 3, electronic co-signing for
/// referendums).
///
/// The copy is a new file in the current folder, so the demo can be run, changed and
/// thrown away; it never overwrites a file. With --listen, try note-taking from a
/// second terminal: `roundtable join ADDR CODE --name NAME` with the code on screen.
#[derive(Debug, Args)]
#[command(after_help = LISTEN_EXAMPLES.replace("open sessions/forum.ron", "demo"))]
pub struct DemoArgs {
    /// Where to write the copy [default: ./roundtable-demo-YYYYMMDD-HHMMSS.ron]
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    #[command(flatten)]
    pub net: NetArgs,
}

pub fn run_demo(args: DemoArgs) -> Result<(), CliError> {
    // Before the copy is written: a demo that cannot be shown leaves nothing behind.
    require_terminal("demo")?;
    let path = match args.out {
        Some(path) => {
            write_new_file(&path, DEMO_SESSION.as_bytes())?;
            path
        }
        None => write_with_fresh_name()?,
    };
    print_out(&format!(
        "Wrote a copy of the demo meeting to {}; opening it (later: roundtable open {}).\n",
        path.display(),
        shell_word(&path)
    ));
    open_session_with(&path, args.net)
}

/// Writes the demo under a timestamped name; two demos in the same second get `-2`.
fn write_with_fresh_name() -> Result<PathBuf, CliError> {
    let stem = chrono::Local::now()
        .format("roundtable-demo-%Y%m%d-%H%M%S")
        .to_string();
    let mut attempt = 1;
    loop {
        let name = if attempt == 1 {
            format!("{stem}.ron")
        } else {
            format!("{stem}-{attempt}.ron")
        };
        let path = PathBuf::from(name);
        match write_new_file(&path, DEMO_SESSION.as_bytes()) {
            Err(CliError::Exists { .. }) if attempt < 100 => attempt += 1,
            result => return result.map(|()| path),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    #[test]
    fn the_built_in_demo_is_a_valid_session() {
        crate::store::parse(DEMO_SESSION, Path::new("demo.ron")).expect("the demo loads");
    }
}
