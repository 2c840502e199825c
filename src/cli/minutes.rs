//! `roundtable minutes FILE`: write the minutes of a meeting.

use std::io::{self, Write};
use std::path::PathBuf;

use clap::{Args, ValueEnum};

use super::output::{CommandError, Content, Destination, LangArg, Output};
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
    /// The output file, or - for standard output; Markdown and HTML go to standard
    /// output without it, ODT only with -o - and not to a terminal.
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<Destination>,
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
    let content = match format {
        Format::Odt => Content::Binary {
            what: "an ODT file",
            example: "minutes.odt",
        },
        Format::Markdown | Format::Html => Content::Text,
    };
    let output = Output::check(&args.file, args.output.as_ref(), args.force, content)?;
    let meeting = super::files::load_session(&args.file)?;
    let minutes = crate::minutes::minutes(&meeting, format, args.lang.languages())?;
    if !minutes.untranslated.is_empty() {
        let _ = writeln!(
            stderr,
            "{} text(s) have no English version and are shown in Chinese, marked [untranslated]:",
            minutes.untranslated.len()
        );
        for u in &minutes.untranslated {
            // "3. Reports — item report-identity, remark at 14:38: 建議…"
            let _ = writeln!(stderr, "  {} — {}: {}", u.part, u.field, one_line(&u.text));
        }
        let _ = writeln!(
            stderr,
            "  translate them with `roundtable translations export {}`",
            args.file.display()
        );
    }
    output.write(&minutes.bytes, stdout)
}

fn one_line(text: &str) -> String {
    let line: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if line.chars().count() > 60 {
        format!("{}…", line.chars().take(60).collect::<String>())
    } else {
        line
    }
}
