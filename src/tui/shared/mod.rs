//! What the facilitator's and the note-taker's screens share: display-width text, the
//! line editor, the note editor, whom a speaker picker lists, the theme.

pub mod line_editor;
pub mod note_editor;
pub mod people;
pub mod text;
pub mod theme;
