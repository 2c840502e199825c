//! `roundtable transcript FILE`: write the verbatim record, or import a published
//! transcript into the session. The import lists what reading the transcript dropped
//! or changed, kind by kind, and `--strict` refuses it when there is anything.

use std::io::{self, Write};
use std::path::PathBuf;

use clap::{Args, Subcommand, ValueEnum};

use super::output::{CommandError, Content, Destination, LangArg, Output, save_session};
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
    /// The output file, or - for standard output (also without it).
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<Destination>,
    #[arg(long)]
    pub force: bool,
}

#[derive(Clone, Debug, Args)]
pub struct TranscriptImportArgs {
    /// The session file (.ron), updated in place.
    pub file: PathBuf,
    /// The transcript: Markdown (.md) or Akoma Ntoso (.an.xml, .xml).
    pub transcript: PathBuf,
    /// Merge a transcript dated another day than the meeting all the same.
    #[arg(long)]
    pub force: bool,
    /// Refuse the transcript, leaving the session unchanged, when reading it dropped
    /// or changed anything (emphasis, an image's alt text, text outside the debate…).
    #[arg(long)]
    pub strict: bool,
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
    let output = Output::check(&args.file, args.output.as_ref(), args.force, Content::Text)?;
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
    output.write(text.as_bytes(), stdout)
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
    if args.strict && !parsed.dropped.is_empty() {
        return Err(CommandError::Transcript {
            path: args.transcript.clone(),
            source: transcript::TranscriptError::Lossy(parsed.dropped.clone()),
        });
    }
    let _lock = SessionLock::acquire(&args.file)?;
    let mut meeting = super::files::load_session(&args.file)?;
    let source_name = args
        .transcript
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "transcript".into());
    if !args.force
        && let Err(mismatch) = parsed.check_date(&meeting)
    {
        return Err(CommandError::OtherDay {
            transcript: args.transcript.clone(),
            session: args.file.clone(),
            mismatch,
        });
    }
    let report = transcript::import(&mut meeting, &parsed, &format!("transcript {source_name}"))
        .map_err(CommandError::Import)?;
    // Nothing new: the file is left as it is, byte for byte.
    if report.recorded() > 0 {
        let session = meeting.into_session();
        save_session(&args.file, &session)?;
    }
    let _ = writeln!(
        stderr,
        "merged {} new speeches and {} new narrative notes into {}; {} already in the session, not recorded again; {} speaker(s) matched to the roster, {} kept by name",
        report.speeches,
        report.narratives,
        args.file.display(),
        report.already_there,
        report.matched.len(),
        report.unmatched.len()
    );
    for (name, id) in &report.matched {
        // The names come from the transcript, a file anyone may have written.
        let (name, id) = (printable(name), printable(&id.0));
        let _ = writeln!(stderr, "  {name} → {id}");
    }
    // What reading the transcript could not keep, or changed: kind by kind.
    for (loss, count) in parsed.dropped.iter() {
        let _ = writeln!(stderr, "dropped: {count} × {loss}");
    }
    Ok(())
}
