//! `roundtable signin FILE`: write the sign-in sheet, as CSV or `.xlsx`.

use std::io::{self, Write};
use std::path::PathBuf;

use clap::{Args, ValueEnum};

use super::output::{CommandError, Content, Destination, Output};
use crate::minutes::signin;

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum SigninFormatArg {
    /// UTF-8 CSV with a byte-order mark, for any spreadsheet.
    Csv,
    /// An Excel workbook with typed cells: no import dialog.
    Xlsx,
}

/// Write the sign-in sheet (簽到表): the meeting above, who attended, when, whose
/// attendance fee and travel expenses are due, and a column to sign.
#[derive(Clone, Debug, Args)]
pub struct SigninArgs {
    pub file: PathBuf,
    /// CSV, or xlsx; without it, xlsx when the output file ends in .xlsx, else CSV.
    #[arg(long, value_enum)]
    pub format: Option<SigninFormatArg>,
    /// The output file (`-` for standard output); CSV goes to standard output without
    /// it.
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<Destination>,
    #[arg(long)]
    pub force: bool,
}

/// Standard output, for the CLI.
pub fn run_signin(args: &SigninArgs) -> Result<(), CommandError> {
    signin(args, &mut io::stdout().lock())
}

/// `signin`, writing to the given stream.
pub fn signin(args: &SigninArgs, stdout: &mut dyn Write) -> Result<(), CommandError> {
    let format = args.format.unwrap_or(match &args.output {
        Some(Destination::File(path))
            if path
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("xlsx")) =>
        {
            SigninFormatArg::Xlsx
        }
        _ => SigninFormatArg::Csv,
    });
    let content = match format {
        SigninFormatArg::Csv => Content::Text,
        SigninFormatArg::Xlsx => Content::Binary {
            what: "an .xlsx workbook",
            example: "signin.xlsx",
        },
    };
    let output = Output::check(&args.file, args.output.as_ref(), args.force, content)?;
    let meeting = super::files::load_session(&args.file)?;
    let bytes = match format {
        SigninFormatArg::Csv => signin::to_csv(&meeting)?,
        SigninFormatArg::Xlsx => signin::to_xlsx(&meeting)?,
    };
    output.write(&bytes, stdout)
}
