//! `roundtable comments import|export`: the public's comments from the participation
//! platform into the session (rules §4), and the response table back out of it.

use std::io::{self, Write};
use std::path::PathBuf;

use clap::{Args, Subcommand};
use thiserror::Error;

use super::output::{CommandError, Content, Destination, Output, save_session};
use crate::domain::{Author, DomainError};
use crate::store::comments_csv::{self, Agenda, CommentsCsvError};
use crate::store::{LoadError, LockError, SessionLock};

/// Import the public's comments from a spreadsheet export, or export the response
/// table that answers them.
#[derive(Clone, Debug, Args)]
pub struct CommentsArgs {
    #[command(subcommand)]
    pub command: CommentsCommand,
}

#[derive(Clone, Debug, Subcommand)]
pub enum CommentsCommand {
    /// Import the comments of the platform's CSV export into the session.
    ///
    /// UTF-8, with or without BOM; a header row naming the columns in English or
    /// Chinese: author/留言者, time/留言時間 and text/留言內容 required, id/留言編號,
    /// link/連結, item/議題 and topic/主題 read when there, other columns kept.
    /// Comments already in the session (by id) are skipped, so importing a file again
    /// changes nothing; a bad row refuses the whole file, with its line.
    Import(CommentsImportArgs),
    /// Write the response table to publish back on the platform.
    ///
    /// UTF-8 CSV with BOM, for Excel: every comment with its item, the forum's
    /// decision (or 尚未回應) and its response. A value a spreadsheet would run as a
    /// formula (starting with =, +, -, @, a tab or a carriage return) is written with
    /// a single quote before it.
    Export(CommentsExportArgs),
}

#[derive(Clone, Debug, Args)]
pub struct CommentsImportArgs {
    /// The session file (.ron), updated in place.
    pub file: PathBuf,
    /// The comments, as CSV.
    pub comments: PathBuf,
    /// File every comment under this agenda item, whatever the file's item column
    /// says: the item's id, or its number in the agenda (1 for the first).
    #[arg(long, value_name = "N")]
    pub item: Option<String>,
}

#[derive(Clone, Debug, Args)]
pub struct CommentsExportArgs {
    /// The session file (.ron).
    pub file: PathBuf,
    /// The CSV file, or - for standard output (also without it).
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<Destination>,
    #[arg(long)]
    pub force: bool,
}

/// Why `comments` failed. Nothing was written.
#[derive(Debug, Error)]
pub enum CommentsError {
    #[error(transparent)]
    Command(#[from] CommandError),
    #[error("{}: {source}; nothing was imported", .path.display())]
    Csv {
        path: PathBuf,
        source: CommentsCsvError,
    },
    #[error("the comments cannot be imported: {0}; the session is unchanged")]
    Refused(DomainError),
    #[error("cannot write the response table: {0}")]
    Table(csv::Error),
}

impl From<LoadError> for CommentsError {
    fn from(error: LoadError) -> CommentsError {
        CommentsError::Command(error.into())
    }
}

impl From<LockError> for CommentsError {
    fn from(error: LockError) -> CommentsError {
        CommentsError::Command(error.into())
    }
}

/// Standard output and error, for the CLI.
pub fn run_comments(args: &CommentsArgs) -> Result<(), CommentsError> {
    comments(args, &mut io::stdout().lock(), &mut io::stderr().lock())
}

/// `comments`, writing to the given streams: the response table to `stdout` without
/// `-o`, what was done to `stderr`.
pub fn comments(
    args: &CommentsArgs,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> Result<(), CommentsError> {
    match &args.command {
        CommentsCommand::Import(import) => comments_import(import, stderr),
        CommentsCommand::Export(export) => comments_export(export, stdout, stderr),
    }
}

fn comments_import(args: &CommentsImportArgs, stderr: &mut dyn Write) -> Result<(), CommentsError> {
    let bytes = std::fs::read(&args.comments).map_err(|source| CommandError::Read {
        path: args.comments.clone(),
        source,
    })?;
    let _lock = SessionLock::acquire(&args.file)?;
    let mut meeting = super::files::load_session(&args.file)?;
    let refused = |source| CommentsError::Csv {
        path: args.comments.clone(),
        source,
    };
    let comments = {
        let mut agenda = Agenda::of(meeting.state());
        if let Some(item) = &args.item {
            agenda = agenda.with_item(item).map_err(refused)?;
        }
        comments_csv::parse_bytes(&bytes, &agenda).map_err(refused)?
    };
    let now = chrono::Local::now().fixed_offset();
    // Recorded as an import: nobody's change on the day, so the facilitator's undo
    // never takes it back.
    let by = Author::Import;
    let report =
        comments_csv::import(&mut meeting, comments, by, now).map_err(CommentsError::Refused)?;
    if report.new > 0 {
        save_session(&args.file, meeting.session())?;
        let _ = writeln!(
            stderr,
            "{} new comment(s) imported into {}, {} already there",
            report.new,
            args.file.display(),
            report.already
        );
    } else {
        let _ = writeln!(
            stderr,
            "no new comments, {} already there; {} is unchanged",
            report.already,
            args.file.display()
        );
    }
    if report.changed > 0 {
        let _ = writeln!(
            stderr,
            "  {} of those already there have another author, time or text in {}; the session keeps what it has",
            report.changed,
            args.comments.display()
        );
    }
    Ok(())
}

fn comments_export(
    args: &CommentsExportArgs,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> Result<(), CommentsError> {
    let output = Output::check(&args.file, args.output.as_ref(), args.force, Content::Text)?;
    let meeting = super::files::load_session(&args.file)?;
    let state = meeting.state();
    let table = comments_csv::to_csv(state).map_err(CommentsError::Table)?;
    output.write(&table, stdout)?;
    let answered = state
        .comments()
        .iter()
        .filter(|c| c.answer.is_some())
        .count();
    let _ = writeln!(
        stderr,
        "{} comment(s), {answered} answered, {} not yet answered",
        state.comments().len(),
        state.comments().len() - answered
    );
    Ok(())
}
