//! After the meeting: a saved session turned into the minutes (Markdown, HTML, ODT, in
//! Chinese, English or both), the sign-in sheet, the verbatim transcript, the
//! translation worksheet and the commitment table's participants. Pure functions of a
//! loaded session; the commands that read and write the files are in `src/cli/`.

pub mod html;
pub mod markdown;
pub mod model;
pub mod odt;
pub mod participants;
pub mod signin;
pub mod transcript;
pub mod translations;

use crate::domain::{Lang, Meeting};

pub use model::{Document, Untranslated};
pub use odt::OdtError;

/// The file formats of the minutes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Format {
    Markdown,
    Html,
    Odt,
}

/// Which languages the minutes are in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Languages {
    Chinese,
    English,
    /// Side by side (HTML, ODT) or one after the other per part (Markdown).
    Both,
}

/// The minutes, ready to write, and the texts the English minutes show untranslated.
#[derive(Clone, Debug)]
pub struct Minutes {
    pub bytes: Vec<u8>,
    pub untranslated: Vec<Untranslated>,
}

/// The minutes of a meeting in a format and language(s).
pub fn minutes(
    meeting: &Meeting,
    format: Format,
    languages: Languages,
) -> Result<Minutes, OdtError> {
    let (primary, english) = match languages {
        Languages::Chinese => (model::build(meeting, Lang::ZhTw), None),
        Languages::English => (model::build(meeting, Lang::En), None),
        Languages::Both => (
            model::build(meeting, Lang::ZhTw),
            Some(model::build(meeting, Lang::En)),
        ),
    };
    let untranslated = match &english {
        Some(en) => en.untranslated.clone(),
        None => primary.untranslated.clone(),
    };
    let bytes = match (format, &english) {
        (Format::Markdown, None) => markdown::render(&primary).into_bytes(),
        (Format::Markdown, Some(en)) => markdown::render_both(&primary, en).into_bytes(),
        (Format::Html, None) => html::render(&primary).into_bytes(),
        (Format::Html, Some(en)) => html::render_both(&primary, en).into_bytes(),
        (Format::Odt, None) => odt::render(&primary)?,
        (Format::Odt, Some(en)) => odt::render_both(&primary, en)?,
    };
    Ok(Minutes {
        bytes,
        untranslated,
    })
}
