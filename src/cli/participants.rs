//! `roundtable participants FILE`: print the commitment table's other actors.

use std::io::{self, Write};
use std::path::PathBuf;

use clap::Args;

use super::output::{CommandError, Content, Destination, LangArg, Output};
use crate::minutes::participants;

/// Print the commitment table's "other actors" (Annex 2): the agencies and the
/// civil society groups that took part.
#[derive(Clone, Debug, Args)]
pub struct ParticipantsArgs {
    pub file: PathBuf,
    #[arg(long, value_enum, default_value_t)]
    pub lang: LangArg,
    /// The output file, or - for standard output (also without it).
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<Destination>,
    /// Overwrite the output file if it exists.
    #[arg(long)]
    pub force: bool,
}

/// Standard output, for the CLI.
pub fn run_participants(args: &ParticipantsArgs) -> Result<(), CommandError> {
    participants(args, &mut io::stdout().lock())
}

/// `participants`, writing to the given stream without `-o FILE`.
pub fn participants(args: &ParticipantsArgs, stdout: &mut dyn Write) -> Result<(), CommandError> {
    let output = Output::check(&args.file, args.output.as_ref(), args.force, Content::Text)?;
    let meeting = super::files::load_session(&args.file)?;
    let list = participants::participants(&meeting);
    let text = participants::render(&list, args.lang.langs());
    output.write(text.as_bytes(), stdout)
}
