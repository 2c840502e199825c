//! What the facilitator's and the note-taker's screens share, so each piece lives once:
//! the actions and key-table machinery both use, the message line, the note editor and
//! the notes as drawn, the picker, dialogs, the header's title row, the footer and the
//! help overlay, and the theme.

pub mod action;
pub mod dialog;
pub mod footer;
pub mod header;
pub mod help;
pub mod keys;
pub mod layout;
pub mod line_editor;
pub mod message;
pub mod note_editor;
pub mod notes;
pub mod people;
pub mod picker;
pub mod theme;
pub mod view;
