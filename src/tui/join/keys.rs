//! The note-taker's key table, built and read like the facilitator's (`tui::keys`):
//! the footer hints and the help overlay are generated from it. Letters are always
//! text here, so commands are Ctrl combinations and function keys, the same ones the
//! facilitator's notes line uses where the two screens share a command.

use crossterm::event::KeyCode as K;

use crate::tui::facilitator::action::Action;
use crate::tui::facilitator::keys::{Binding, Context as C, Key, bind};

const UP: Key = Key::plain(K::Up);
const DOWN: Key = Key::plain(K::Down);
const ENTER: Key = Key::plain(K::Enter);
const ESC: Key = Key::plain(K::Esc);

pub static JOIN_BINDINGS: &[Binding] = &[
    // Whatever has the keyboard.
    bind(
        C::Everywhere,
        &[Key::plain(K::F(1))],
        Action::ToggleHelp,
        true,
    ),
    bind(
        C::Everywhere,
        &[Key::plain(K::F(2))],
        Action::SwitchLanguage,
        false,
    ),
    bind(
        C::Everywhere,
        &[Key::ctrl('o')],
        Action::EnterJoinCode,
        true,
    ),
    bind(
        C::Everywhere,
        &[Key::plain(K::F(5))],
        Action::ReconnectNow,
        true,
    ),
    bind(
        C::Everywhere,
        &[Key::ctrl('c'), Key::ctrl('q')],
        Action::Quit,
        true,
    ),
    // The note editor and one's own notes above it.
    bind(C::Join, &[ENTER], Action::AddNote, true),
    bind(C::Join, &[Key::ctrl('p')], Action::PickSpeaker, true),
    bind(C::Join, &[Key::ctrl('k')], Action::CycleNoteKind, true),
    bind(C::Join, &[Key::ctrl('e')], Action::ToggleEnglish, true),
    bind(C::Join, &[Key::ctrl('n')], Action::NoteNoObjection, true),
    bind(C::Join, &[Key::ctrl('t')], Action::NoteNodding, true),
    bind(C::Join, &[UP], Action::PreviousOwnNote, true),
    bind(C::Join, &[DOWN], Action::NextOwnNote, false),
    bind(C::Join, &[Key::ctrl('r')], Action::CorrectNote, true),
    bind(
        C::Join,
        &[Key::plain(K::PageUp)],
        Action::ScrollNotesUp,
        false,
    ),
    bind(
        C::Join,
        &[Key::plain(K::PageDown)],
        Action::ScrollNotesDown,
        false,
    ),
    bind(C::Join, &[ESC], Action::Cancel, true),
    // Any input line.
    bind(
        C::Editing,
        &[Key::plain(K::Left)],
        Action::CursorLeft,
        false,
    ),
    bind(
        C::Editing,
        &[Key::plain(K::Right)],
        Action::CursorRight,
        false,
    ),
    bind(
        C::Editing,
        &[Key::plain(K::Home)],
        Action::CursorHome,
        false,
    ),
    bind(C::Editing, &[Key::plain(K::End)], Action::CursorEnd, false),
    bind(
        C::Editing,
        &[Key::plain(K::Backspace)],
        Action::DeleteBackward,
        false,
    ),
    bind(
        C::Editing,
        &[Key::plain(K::Delete)],
        Action::DeleteForward,
        false,
    ),
    // Dialogs.
    bind(C::TextPrompt, &[ENTER], Action::Confirm, true),
    bind(C::TextPrompt, &[ESC], Action::Cancel, true),
    bind(C::Picker, &[UP], Action::SelectPrevious, true),
    bind(C::Picker, &[DOWN], Action::SelectNext, true),
    bind(C::Picker, &[ENTER], Action::Confirm, true),
    bind(C::Picker, &[ESC], Action::Cancel, true),
    bind(C::Help, &[UP, Key::ch('k')], Action::SelectPrevious, false),
    bind(C::Help, &[DOWN, Key::ch('j')], Action::SelectNext, false),
    bind(
        C::Help,
        &[Key::plain(K::PageUp)],
        Action::SelectPageUp,
        false,
    ),
    bind(
        C::Help,
        &[Key::plain(K::PageDown), Key::ch(' ')],
        Action::SelectPageDown,
        false,
    ),
    bind(
        C::Help,
        &[ESC, Key::ch('?'), Key::ch('q')],
        Action::ToggleHelp,
        true,
    ),
];
