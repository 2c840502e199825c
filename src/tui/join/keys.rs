//! The note-taker's key table, built and read like the facilitator's: the footer hints
//! and the help overlay are generated from it, with the rows both screens share
//! (`tui/shared/keys.rs`: the note editor, lines, dialogs, help). Letters are always
//! text here, so commands are Ctrl combinations and function keys, the same ones the
//! facilitator's notes line uses where the two screens share a command.

use std::sync::LazyLock;

use crossterm::event::KeyCode as K;

use super::action::JoinAction;
use crate::tui::shared::action::Common;
use crate::tui::shared::keys::{Binding, Context, DOWN, ESC, Key, KeyTable, Shown, UP, bind};

use Common::{Cancel, Quit, ScrollNotesDown, ScrollNotesUp, SwitchLanguage, ToggleHelp};
use Context as C;
use JoinAction::*;
use Shown::{Footer, HelpOnly};

/// The note-taker's keys: the shared rows, then these.
pub static KEYS: LazyLock<KeyTable<JoinAction>> =
    LazyLock::new(|| KeyTable::new(Context::Join, OWN));

#[rustfmt::skip]
static OWN: &[Binding<JoinAction>] = &[
    // context         keys                                  action                   shown
    // Whatever has the keyboard.
    bind(C::Everywhere,  &[Key::plain(K::F(1))],               Common(ToggleHelp),      Footer),
    bind(C::Everywhere,  &[Key::plain(K::F(2))],               Common(SwitchLanguage),  HelpOnly),
    bind(C::Everywhere,  &[Key::ctrl('o')],                    EnterJoinCode,           Footer),
    bind(C::Everywhere,  &[Key::plain(K::F(5))],               ReconnectNow,            Footer),
    bind(C::Everywhere,  &[Key::ctrl('c'), Key::ctrl('q')],    Common(Quit),            Footer),
    // One's own notes above the editor (the editor's keys are shared).
    bind(C::Join,        &[UP],                                PreviousOwnNote,         Footer),
    bind(C::Join,        &[DOWN],                              NextOwnNote,             HelpOnly),
    bind(C::Join,        &[Key::ctrl('r')],                    CorrectNote,             Footer),
    bind(C::Join,        &[Key::plain(K::PageUp)],             Common(ScrollNotesUp),   HelpOnly),
    bind(C::Join,        &[Key::plain(K::PageDown)],           Common(ScrollNotesDown), HelpOnly),
    bind(C::Join,        &[ESC],                               Common(Cancel),          Footer),
];
