//! `roundtable signin FILE`: write the sign-in sheet.

use std::io::{self, Write};
use std::path::PathBuf;

use clap::Args;

use super::output::{CommandError, check_output, emit};
use crate::minutes::signin;

/// Write the sign-in sheet (CSV for Excel): who attended, when, and whose
/// attendance fee and travel expenses are due.
#[derive(Clone, Debug, Args)]
pub struct SigninArgs {
    pub file: PathBuf,
    /// The CSV file; standard output without it.
    #[arg(short = 'o', long = "output")]
    pub output: Option<PathBuf>,
    #[arg(long)]
    pub force: bool,
}

/// Standard output, for the CLI.
pub fn run_signin(args: &SigninArgs) -> Result<(), CommandError> {
    signin(args, &mut io::stdout().lock())
}

/// `signin`, writing to the given stream.
pub fn signin(args: &SigninArgs, stdout: &mut dyn Write) -> Result<(), CommandError> {
    check_output(&args.file, args.output.as_deref(), args.force)?;
    let meeting = super::files::load_session(&args.file)?;
    let csv = signin::to_csv(&meeting)?;
    emit(args.output.as_deref(), &csv, stdout)
}
