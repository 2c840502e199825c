//! `roundtable minutes FILE`: write the minutes of a meeting.

use std::io::{self, Write};
use std::path::PathBuf;

use clap::{Args, ValueEnum};

use super::output::{CommandError, LangArg, check_output, emit};
use crate::minutes::Format;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub enum MinutesFormatArg {
    /// Markdown.
    #[default]
    Md,
    /// One standalone HTML file that prints on A4.
    Html,
    /// OpenDocument text (LibreOffice, Word).
    Odt,
}

/// Write the minutes of a meeting: Markdown, standalone HTML or ODT, in Chinese,
/// English or both.
///
/// Follows the structure of Taiwanese government minutes. Texts without an English
/// version are listed on stderr and marked in English minutes; an existing output
/// file is refused without --force.
#[derive(Clone, Debug, Args)]
pub struct MinutesArgs {
    /// The session file (.ron).
    pub file: PathBuf,
    #[arg(long, value_enum, default_value_t)]
    pub format: MinutesFormatArg,
    #[arg(long, value_enum, default_value_t)]
    pub lang: LangArg,
    /// The output file; Markdown and HTML go to standard output without it.
    #[arg(short = 'o', long = "output")]
    pub output: Option<PathBuf>,
    /// Overwrite the output file if it exists.
    #[arg(long)]
    pub force: bool,
}

/// Standard output and error, for the CLI.
pub fn run_minutes(args: &MinutesArgs) -> Result<(), CommandError> {
    minutes(args, &mut io::stdout().lock(), &mut io::stderr().lock())
}

/// `minutes`, writing to the given streams.
pub fn minutes(
    args: &MinutesArgs,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> Result<(), CommandError> {
    let format = match args.format {
        MinutesFormatArg::Md => Format::Markdown,
        MinutesFormatArg::Html => Format::Html,
        MinutesFormatArg::Odt => Format::Odt,
    };
    if format == Format::Odt && args.output.is_none() {
        return Err(CommandError::OdtNeedsOutput);
    }
    check_output(&args.file, args.output.as_deref(), args.force)?;
    let meeting = super::files::load_session(&args.file)?;
    let minutes = crate::minutes::minutes(&meeting, format, args.lang.languages())?;
    if !minutes.untranslated.is_empty() {
        let _ = writeln!(
            stderr,
            "{} text(s) have no English version and are shown in Chinese, marked [untranslated]:",
            minutes.untranslated.len()
        );
        for u in &minutes.untranslated {
            let _ = writeln!(stderr, "  {}: {}", u.part, one_line(&u.text));
        }
        let _ = writeln!(
            stderr,
            "  translate them with `roundtable translations export {}`",
            args.file.display()
        );
    }
    emit(args.output.as_deref(), &minutes.bytes, stdout)
}

fn one_line(text: &str) -> String {
    let line: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if line.chars().count() > 60 {
        format!("{}…", line.chars().take(60).collect::<String>())
    } else {
        line
    }
}
