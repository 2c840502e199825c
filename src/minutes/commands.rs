//! The after-the-meeting commands: clap arguments and one `run_*` function each, for
//! the CLI to dispatch to. Every output is written atomically (a temporary file
//! renamed into place), so no partial file is ever left; an existing output file is
//! refused unless `--force`; nothing is written when anything fails.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use clap::{Args, Subcommand, ValueEnum};
use thiserror::Error;

use crate::domain::{DomainError, Lang, Meeting, Session, SessionError, follow_up_session};
use crate::store::{self, LoadError, LockError, SessionLock};

use super::transcript::{self, TranscriptError};
use super::translations::{self, PoError};
use super::{Format, Languages, OdtError, participants, signin};

/// Why a command failed. Each message says what to do.
#[derive(Debug, Error)]
pub enum CommandError {
    #[error(transparent)]
    Load(#[from] LoadError),
    #[error("{0} already exists; pass --force to overwrite it, or name another file with -o")]
    OutputExists(PathBuf),
    #[error("{0} is the session file itself; name another output file with -o")]
    OutputIsInput(PathBuf),
    #[error("cannot write {path}: {source}")]
    Write { path: PathBuf, source: io::Error },
    #[error("cannot write to standard output: {0}")]
    Stdout(io::Error),
    #[error("an ODT file is binary; name the output file with -o minutes.odt")]
    OdtNeedsOutput,
    #[error(transparent)]
    Odt(#[from] OdtError),
    #[error("cannot write the sign-in sheet: {0}")]
    Csv(#[from] csv::Error),
    #[error("cannot read {path}: {source}")]
    Read { path: PathBuf, source: io::Error },
    #[error("{path}: {source}")]
    Transcript {
        path: PathBuf,
        source: TranscriptError,
    },
    #[error("{path}: {source}")]
    Worksheet { path: PathBuf, source: PoError },
    #[error("the transcript cannot be merged into the session: {0}; the session is unchanged")]
    Import(DomainError),
    #[error("after the merge the session would not load: {0}; the session is unchanged")]
    Invalid(SessionError),
    #[error(transparent)]
    Lock(#[from] LockError),
    #[error(
        "every entry of the worksheet was refused ({stale} changed since export, {unknown} unknown); the session is unchanged. Export a new worksheet with `roundtable translations export`"
    )]
    NothingMerged { stale: usize, unknown: usize },
}

/// The languages of a document.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    /// Traditional Chinese, the language of record.
    #[default]
    #[value(name = "zh-TW", alias = "zh", alias = "zh-tw")]
    ZhTw,
    /// English.
    En,
    /// Chinese and English side by side (HTML, ODT) or one after the other (Markdown).
    Both,
}

impl LangArg {
    fn languages(self) -> Languages {
        match self {
            LangArg::ZhTw => Languages::Chinese,
            LangArg::En => Languages::English,
            LangArg::Both => Languages::Both,
        }
    }

    fn langs(self) -> &'static [Lang] {
        match self {
            LangArg::ZhTw => &[Lang::ZhTw],
            LangArg::En => &[Lang::En],
            LangArg::Both => &[Lang::ZhTw, Lang::En],
        }
    }
}

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
    /// The PO file; standard output without it.
    #[arg(short = 'o', long = "output")]
    pub output: Option<PathBuf>,
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

/// Print the commitment table's "other actors" (Annex 2): the agencies and the
/// civil society groups that took part.
#[derive(Clone, Debug, Args)]
pub struct ParticipantsArgs {
    pub file: PathBuf,
    #[arg(long, value_enum, default_value_t)]
    pub lang: LangArg,
}

/// For `roundtable new FILE --follow-up PREVIOUS [--date YYYY-MM-DD]`.
#[derive(Clone, Debug, Args)]
pub struct NewFollowUpArgs {
    /// The new session file.
    pub file: PathBuf,
    /// The previous meeting's session file.
    #[arg(long = "follow-up")]
    pub follow_up: PathBuf,
    /// The new meeting's date (default: today).
    #[arg(long)]
    pub date: Option<NaiveDate>,
    #[arg(long)]
    pub force: bool,
}

// ---- runners ---------------------------------------------------------------------

/// Standard output and error, for the CLI.
pub fn run_minutes(args: &MinutesArgs) -> Result<(), CommandError> {
    minutes(args, &mut io::stdout().lock(), &mut io::stderr().lock())
}

pub fn run_signin(args: &SigninArgs) -> Result<(), CommandError> {
    signin(args, &mut io::stdout().lock())
}

pub fn run_transcript(args: &TranscriptArgs) -> Result<(), CommandError> {
    transcript(args, &mut io::stdout().lock(), &mut io::stderr().lock())
}

pub fn run_translations(args: &TranslationsArgs) -> Result<(), CommandError> {
    translations(args, &mut io::stdout().lock(), &mut io::stderr().lock())
}

pub fn run_participants(args: &ParticipantsArgs) -> Result<(), CommandError> {
    participants(args, &mut io::stdout().lock())
}

pub fn run_new_follow_up(args: &NewFollowUpArgs) -> Result<(), CommandError> {
    new_follow_up(args, &mut io::stderr().lock())
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
    let meeting = store::load(&args.file)?;
    let minutes = super::minutes(&meeting, format, args.lang.languages())?;
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

pub fn signin(args: &SigninArgs, stdout: &mut dyn Write) -> Result<(), CommandError> {
    check_output(&args.file, args.output.as_deref(), args.force)?;
    let meeting = store::load(&args.file)?;
    let csv = signin::to_csv(&meeting)?;
    emit(args.output.as_deref(), &csv, stdout)
}

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
    let meeting = store::load(&args.file)?;
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
    let mut meeting = store::load(&args.file)?;
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
        let _ = writeln!(stderr, "  {name} → {id}");
    }
    Ok(())
}

pub fn translations(
    args: &TranslationsArgs,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> Result<(), CommandError> {
    match &args.command {
        TranslationsCommand::Export(export) => {
            check_output(&export.file, export.output.as_deref(), export.force)?;
            let meeting = store::load(&export.file)?;
            let mut entries = translations::worksheet(&meeting);
            if export.missing {
                entries.retain(|e| e.translation.trim().is_empty());
            }
            let missing = entries
                .iter()
                .filter(|e| e.translation.trim().is_empty())
                .count();
            let po = translations::to_po(&entries, &meeting.session().meeting.title.text);
            emit(export.output.as_deref(), po.as_bytes(), stdout)?;
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
            let meeting = store::load(&import.file)?;
            let mut session = meeting.into_session();
            let report = translations::merge(&mut session, &entries);
            for key in &report.stale {
                let _ = writeln!(
                    stderr,
                    "refused {key}: the Chinese text has changed since the worksheet was exported"
                );
            }
            for key in &report.unknown {
                let _ = writeln!(stderr, "refused {key}: no such text in the session");
            }
            for key in &report.fuzzy {
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

pub fn participants(args: &ParticipantsArgs, stdout: &mut dyn Write) -> Result<(), CommandError> {
    let meeting = store::load(&args.file)?;
    let list = participants::participants(&meeting);
    let text = participants::render(&list, args.lang.langs());
    stdout
        .write_all(text.as_bytes())
        .map_err(CommandError::Stdout)
}

/// The session `roundtable new FILE --follow-up PREVIOUS` starts from.
pub fn follow_up_from_file(previous: &Path, date: NaiveDate) -> Result<Session, CommandError> {
    let meeting = store::load(previous)?;
    Ok(follow_up_session(&meeting, date))
}

pub fn new_follow_up(args: &NewFollowUpArgs, stderr: &mut dyn Write) -> Result<(), CommandError> {
    if args.file.exists() && !args.force {
        return Err(CommandError::OutputExists(args.file.clone()));
    }
    let date = args
        .date
        .unwrap_or_else(|| chrono::Local::now().date_naive());
    let session = follow_up_from_file(&args.follow_up, date)?;
    save_session(&args.file, &session)?;
    let _ = writeln!(
        stderr,
        "{} started from {}: {} matter(s) to follow up",
        args.file.display(),
        args.follow_up.display(),
        session.follow_up.len()
    );
    Ok(())
}

// ---- helpers ---------------------------------------------------------------------

/// Refuses an output that exists (without --force) or that is the session itself.
fn check_output(input: &Path, output: Option<&Path>, force: bool) -> Result<(), CommandError> {
    let Some(output) = output else {
        return Ok(());
    };
    if let (Ok(a), Ok(b)) = (input.canonicalize(), output.canonicalize())
        && a == b
    {
        return Err(CommandError::OutputIsInput(output.to_owned()));
    }
    if output.exists() && !force {
        return Err(CommandError::OutputExists(output.to_owned()));
    }
    Ok(())
}

fn emit(output: Option<&Path>, bytes: &[u8], stdout: &mut dyn Write) -> Result<(), CommandError> {
    match output {
        Some(path) => store::write_atomically(path, bytes).map_err(|source| CommandError::Write {
            path: path.to_owned(),
            source,
        }),
        None => stdout
            .write_all(bytes)
            .and_then(|()| stdout.flush())
            .map_err(CommandError::Stdout),
    }
}

/// Checks the session still opens, then saves it atomically.
fn save_session(path: &Path, session: &Session) -> Result<(), CommandError> {
    Meeting::open(session.clone()).map_err(CommandError::Invalid)?;
    store::save(path, session).map_err(|source| CommandError::Write {
        path: path.to_owned(),
        source,
    })
}

fn one_line(text: &str) -> String {
    let line: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if line.chars().count() > 60 {
        format!("{}…", line.chars().take(60).collect::<String>())
    } else {
        line
    }
}
