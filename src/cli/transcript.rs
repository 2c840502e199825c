//! `roundtable transcript FILE`: write the verbatim record, or import a published
//! transcript into the session.

use std::io::{self, Write};
use std::path::PathBuf;

use clap::{Args, Subcommand, ValueEnum};

use super::output::{CommandError, LangArg, check_output, emit, save_session};
use crate::domain::Lang;
use crate::minutes::transcript;
use crate::store::SessionLock;
use crate::width::printable;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub enum TranscriptFormatArg {
    /// Markdown: `# date title`, `### Speaker：` and paragraphs.
    #[default]
    Md,
    /// Akoma Ntoso debate XML, as SayIt publishes it.
    Akn,
}

/// Write the verbatim record as Markdown or Akoma Ntoso, or import a published
/// transcript into a session (`transcript import FILE TRANSCRIPT`).
#[derive(Clone, Debug, Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct TranscriptArgs {
    #[command(subcommand)]
    pub command: Option<TranscriptCommand>,
    #[command(flatten)]
    pub export: Option<TranscriptExportArgs>,
}

#[derive(Clone, Debug, Subcommand)]
pub enum TranscriptCommand {
    /// Merge a published or stenographed transcript (Markdown or Akoma Ntoso) into the
    /// session's record.
    Import(TranscriptImportArgs),
}

#[derive(Clone, Debug, Args)]
pub struct TranscriptExportArgs {
    /// The session file (.ron).
    pub file: PathBuf,
    #[arg(long, value_enum, default_value_t)]
    pub format: TranscriptFormatArg,
    /// The language of the speakers' names and of texts that have an English version.
    #[arg(long, value_enum, default_value_t)]
    pub lang: LangArg,
    #[arg(short = 'o', long = "output")]
    pub output: Option<PathBuf>,
    #[arg(long)]
    pub force: bool,
}

#[derive(Clone, Debug, Args)]
pub struct TranscriptImportArgs {
    /// The session file (.ron), updated in place.
    pub file: PathBuf,
    /// The transcript: Markdown (.md) or Akoma Ntoso (.an.xml, .xml).
    pub transcript: PathBuf,
}

/// Standard output and error, for the CLI.
pub fn run_transcript(args: &TranscriptArgs) -> Result<(), CommandError> {
    transcript(args, &mut io::stdout().lock(), &mut io::stderr().lock())
}

/// `transcript`, writing to the given streams.
pub fn transcript(
    args: &TranscriptArgs,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> Result<(), CommandError> {
    match (&args.command, &args.export) {
        (Some(TranscriptCommand::Import(import)), _) => transcript_import(import, stderr),
        (None, Some(export)) => transcript_export(export, stdout),
        // clap requires FILE when there is no subcommand; a caller building the args
        // by hand gets the usage.
        (None, None) => Err(CommandError::Read {
            path: PathBuf::new(),
            source: io::Error::new(
                io::ErrorKind::InvalidInput,
                "give a session file: roundtable transcript FILE, or roundtable transcript import FILE TRANSCRIPT",
            ),
        }),
    }
}

fn transcript_export(
    args: &TranscriptExportArgs,
    stdout: &mut dyn Write,
) -> Result<(), CommandError> {
    check_output(&args.file, args.output.as_deref(), args.force)?;
    let meeting = super::files::load_session(&args.file)?;
    let lang = match args.lang {
        LangArg::En => Lang::En,
        _ => Lang::ZhTw,
    };
    let t = transcript::from_meeting(&meeting, lang);
    let text = match args.format {
        TranscriptFormatArg::Md => transcript::to_markdown(&t),
        TranscriptFormatArg::Akn => transcript::to_akoma_ntoso(&t),
    };
    emit(args.output.as_deref(), text.as_bytes(), stdout)
}

fn transcript_import(
    args: &TranscriptImportArgs,
    stderr: &mut dyn Write,
) -> Result<(), CommandError> {
    let text = std::fs::read_to_string(&args.transcript).map_err(|source| CommandError::Read {
        path: args.transcript.clone(),
        source,
    })?;
    let parsed = transcript::parse(&text).map_err(|source| CommandError::Transcript {
        path: args.transcript.clone(),
        source,
    })?;
    let _lock = SessionLock::acquire(&args.file)?;
    let mut meeting = super::files::load_session(&args.file)?;
    let source_name = args
        .transcript
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "transcript".into());
    let report = transcript::import(&mut meeting, &parsed, &format!("transcript {source_name}"))
        .map_err(CommandError::Import)?;
    let session = meeting.into_session();
    save_session(&args.file, &session)?;
    let _ = writeln!(
        stderr,
        "merged {} speeches and {} narrative notes into {}; {} speaker(s) matched to the roster, {} kept by name",
        report.speeches,
        report.narratives,
        args.file.display(),
        report.matched.len(),
        report.unmatched.len()
    );
    for (name, id) in &report.matched {
        // The names come from the transcript, a file anyone may have written.
        let (name, id) = (printable(name), printable(&id.0));
        let _ = writeln!(stderr, "  {name} → {id}");
    }
    Ok(())
}
