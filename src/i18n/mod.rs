//! Every user-facing text, in Traditional Chinese and English, one file per audience:
//!
//! - [`vocabulary`]: the names of the meeting's own things (sides, seats, sections,
//!   stages, outcomes, thresholds), shared by every audience;
//! - [`screen`]: the facilitator's panels, dialogs and notices;
//! - [`note_taking`]: the note-taker link, on both screens;
//! - [`key_names`]: what each key's action and context is called in hints and help;
//! - [`refusals`]: why the rules, the link or the input said no;
//! - [`minutes`]: the minutes, sign-in sheet, transcript and participants list;
//! - [`summary`]: what `check` and `new` print about a session;
//! - [`room`]: the room's live page.
//!
//! A text is a [`Label`]: both languages side by side, so a missing translation is a
//! compile error or shows in review. A text with values is a function of them and the
//! language. To add one, put it in the file of its audience; if two audiences print
//! it, it belongs in `vocabulary`.

pub mod key_names;
pub mod minutes;
pub mod note_taking;
pub mod refusals;
pub mod room;
pub mod screen;
pub mod summary;
pub mod vocabulary;

use crate::domain::Lang;

pub use vocabulary::*;

/// A pair of strings, picked by language.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Label {
    pub zh: &'static str,
    pub en: &'static str,
}

impl Label {
    pub const fn new(zh: &'static str, en: &'static str) -> Label {
        Label { zh, en }
    }

    pub fn get(self, lang: Lang) -> &'static str {
        match lang {
            Lang::ZhTw => self.zh,
            Lang::En => self.en,
        }
    }
}

/// A label, written short in the tables.
pub(crate) const fn l(zh: &'static str, en: &'static str) -> Label {
    Label::new(zh, en)
}

/// A label as a text of the session, in both its languages.
impl From<Label> for crate::domain::Text {
    fn from(label: Label) -> crate::domain::Text {
        crate::domain::Text::bilingual(label.zh, label.en)
    }
}
