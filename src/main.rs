//! `roundtable`: see `src/cli/` for the commands.

use std::process::ExitCode;

fn main() -> ExitCode {
    roundtable::cli::main_with_args(std::env::args_os())
}
