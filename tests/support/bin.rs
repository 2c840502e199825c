//! The built `roundtable` binary, run to its end.

use std::ffi::OsStr;
use std::process::{Command, Output, Stdio};

/// Runs `roundtable` with `args`, nothing on its input and no colours.
pub fn roundtable<I, S>(args: I) -> Output
where
    I: IntoIterator<Item = S>,
    S: AsRef<OsStr>,
{
    Command::new(env!("CARGO_BIN_EXE_roundtable"))
        .args(args)
        .stdin(Stdio::null())
        .env("NO_COLOR", "1")
        .output()
        .expect("the binary runs")
}
