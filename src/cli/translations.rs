//! `roundtable translations export|import`: the translators' PO worksheet.

use std::io::{self, Write};
use std::path::PathBuf;

use clap::{Args, Subcommand};

use super::output::{CommandError, Content, Destination, Output, save_session};
use crate::minutes::translations;
use crate::store::SessionLock;
use crate::width::printable;

/// Export the texts to translate as a PO worksheet, or import a translated one.
#[derive(Clone, Debug, Args)]
pub struct TranslationsArgs {
    #[command(subcommand)]
    pub command: TranslationsCommand,
}

#[derive(Clone, Debug, Subcommand)]
pub enum TranslationsCommand {
    /// Write every text of the session to a PO worksheet for translators.
    Export(TranslationsExportArgs),
    /// Merge a translated worksheet back into the session.
    Import(TranslationsImportArgs),
}

#[derive(Clone, Debug, Args)]
pub struct TranslationsExportArgs {
    pub file: PathBuf,
    /// The PO file, or - for standard output (also without it).
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<Destination>,
    #[arg(long)]
    pub force: bool,
    /// Only texts without an English version.
    #[arg(long)]
    pub missing: bool,
}

#[derive(Clone, Debug, Args)]
pub struct TranslationsImportArgs {
    /// The session file (.ron), updated in place.
    pub file: PathBuf,
    /// The translated PO worksheet.
    pub worksheet: PathBuf,
}

/// Standard output and error, for the CLI.
pub fn run_translations(args: &TranslationsArgs) -> Result<(), CommandError> {
    translations(args, &mut io::stdout().lock(), &mut io::stderr().lock())
}

/// `translations`, writing to the given streams.
pub fn translations(
    args: &TranslationsArgs,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> Result<(), CommandError> {
    match &args.command {
        TranslationsCommand::Export(export) => {
            let output = Output::check(
                &export.file,
                export.output.as_ref(),
                export.force,
                Content::Text,
            )?;
            let meeting = super::files::load_session(&export.file)?;
            let mut entries = translations::worksheet(&meeting);
            if export.missing {
                entries.retain(|e| e.translation.trim().is_empty());
            }
            let missing = entries
                .iter()
                .filter(|e| e.translation.trim().is_empty())
                .count();
            let po = translations::to_po(&entries, &meeting.state().meeting().title.text);
            output.write(po.as_bytes(), stdout)?;
            let _ = writeln!(stderr, "{} texts, {missing} without English", entries.len());
            Ok(())
        }
        TranslationsCommand::Import(import) => {
            let text = std::fs::read_to_string(&import.worksheet).map_err(|source| {
                CommandError::Read {
                    path: import.worksheet.clone(),
                    source,
                }
            })?;
            let entries =
                translations::parse_po(&text).map_err(|source| CommandError::Worksheet {
                    path: import.worksheet.clone(),
                    source,
                })?;
            let _lock = SessionLock::acquire(&import.file)?;
            let meeting = super::files::load_session(&import.file)?;
            let mut session = meeting.into_session();
            let report = translations::merge(&mut session, &entries);
            // The keys come from the worksheet, a file anyone may have edited.
            for key in report.stale.iter().map(|k| printable(k)) {
                let _ = writeln!(
                    stderr,
                    "refused {key}: the Chinese text has changed since the worksheet was exported"
                );
            }
            for key in report.unknown.iter().map(|k| printable(k)) {
                let _ = writeln!(stderr, "refused {key}: no such text in the session");
            }
            for key in report.fuzzy.iter().map(|k| printable(k)) {
                let _ = writeln!(stderr, "skipped {key}: marked fuzzy");
            }
            if report.applied.is_empty() && !(report.stale.is_empty() && report.unknown.is_empty())
            {
                return Err(CommandError::NothingMerged {
                    stale: report.stale.len(),
                    unknown: report.unknown.len(),
                });
            }
            if !report.applied.is_empty() {
                save_session(&import.file, &session)?;
            }
            let _ = writeln!(
                stderr,
                "{} English version(s) merged into {}",
                report.applied.len(),
                import.file.display()
            );
            Ok(())
        }
    }
}
