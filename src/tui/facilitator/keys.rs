//! The one key table. Every key the screen answers to is here, with the context it
//! works in and the action it asks for; the footer hints and the `?` overlay are
//! generated from this table, so they cannot drift from what the keys do.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::action::{Action, Panel};

/// Where a binding applies. The screen is in several at once, most specific first
/// (see `App::contexts`): the first binding found for a key wins.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Context {
    /// Always, even while typing: function keys and Ctrl combinations only.
    Everywhere,
    /// Moving between panels: not while a dialog is open.
    Navigation,
    /// Single-letter global keys, when no text is being typed.
    Panels,
    /// Moving in the attendance and agenda lists.
    Lists,
    Attendance,
    Agenda,
    Motion,
    /// The notes input line: letters are text, commands are Ctrl combinations.
    Notes,
    /// Editing any input line.
    Editing,
    /// A dialog asking for one line of text or a number.
    TextPrompt,
    /// Choosing a speaker by typing part of a name.
    Picker,
    /// Typing yes / no / abstain counts.
    Counts,
    /// Marking each member present yes / no / abstain.
    RollCall,
    /// The chair's ruling after an even split.
    ChairRuling,
    /// The facilitator's list of note-takers, with the join code.
    NoteTakers,
    /// The note-taker's screen: the note editor and their own notes above it.
    Join,
    Help,
}

impl Context {
    /// The order the help overlay lists them in.
    pub const ALL: [Context; 17] = [
        Context::Everywhere,
        Context::Join,
        Context::Panels,
        Context::Navigation,
        Context::Lists,
        Context::Attendance,
        Context::Agenda,
        Context::Motion,
        Context::Notes,
        Context::Editing,
        Context::TextPrompt,
        Context::Picker,
        Context::Counts,
        Context::RollCall,
        Context::ChairRuling,
        Context::NoteTakers,
        Context::Help,
    ];
}

/// A key with its modifiers, as the table writes it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub modifiers: KeyModifiers,
}

impl Key {
    pub(crate) const fn plain(code: KeyCode) -> Key {
        Key {
            code,
            modifiers: KeyModifiers::NONE,
        }
    }

    pub(crate) const fn ch(c: char) -> Key {
        Key::plain(KeyCode::Char(c))
    }

    pub(crate) const fn ctrl(c: char) -> Key {
        Key {
            code: KeyCode::Char(c),
            modifiers: KeyModifiers::CONTROL,
        }
    }

    /// A key event as the table compares it. Terminals disagree on whether an upper-case
    /// letter or Shift-Tab carries the Shift modifier, so Shift is dropped where the key
    /// code already says it; Ctrl letters compare in lower case.
    pub fn from_event(event: &KeyEvent) -> Key {
        let mut modifiers = event.modifiers;
        let mut code = event.code;
        match code {
            KeyCode::Char(c) => {
                modifiers.remove(KeyModifiers::SHIFT);
                if modifiers.contains(KeyModifiers::CONTROL) {
                    code = KeyCode::Char(c.to_ascii_lowercase());
                }
            }
            KeyCode::BackTab => modifiers.remove(KeyModifiers::SHIFT),
            _ => {}
        }
        Key { code, modifiers }
    }

    /// How the key is written in hints and help: keycap names, the same in both
    /// languages, and only narrow characters so the footer stays aligned.
    pub fn label(&self) -> String {
        let name = match self.code {
            KeyCode::Char(' ') => "Space".to_owned(),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::Enter => "Enter".to_owned(),
            KeyCode::Esc => "Esc".to_owned(),
            KeyCode::Tab => "Tab".to_owned(),
            KeyCode::BackTab => "Shift-Tab".to_owned(),
            KeyCode::Backspace => "Backspace".to_owned(),
            KeyCode::Delete => "Del".to_owned(),
            KeyCode::Up => "Up".to_owned(),
            KeyCode::Down => "Down".to_owned(),
            KeyCode::Left => "Left".to_owned(),
            KeyCode::Right => "Right".to_owned(),
            KeyCode::Home => "Home".to_owned(),
            KeyCode::End => "End".to_owned(),
            KeyCode::PageUp => "PgUp".to_owned(),
            KeyCode::PageDown => "PgDn".to_owned(),
            KeyCode::F(n) => format!("F{n}"),
            other => format!("{other:?}"),
        };
        if self.modifiers.contains(KeyModifiers::CONTROL) {
            format!("Ctrl-{}", name.to_uppercase())
        } else {
            name
        }
    }
}

/// One row of the key table.
#[derive(Clone, Copy, Debug)]
pub struct Binding {
    pub context: Context,
    pub keys: &'static [Key],
    pub action: Action,
    /// Shown in the footer (everything is shown in the help overlay).
    pub hint: bool,
}

pub(crate) const fn bind(
    context: Context,
    keys: &'static [Key],
    action: Action,
    hint: bool,
) -> Binding {
    Binding {
        context,
        keys,
        action,
        hint,
    }
}

use Context as C;
use KeyCode as K;

const UP: Key = Key::plain(K::Up);
const DOWN: Key = Key::plain(K::Down);
const ENTER: Key = Key::plain(K::Enter);
const ESC: Key = Key::plain(K::Esc);

/// The key table. Letters are chosen to be few and to read as words where they can:
/// c consensus, o objection, r reservation, e end, a agree to vote, v vote, n by name,
/// h chair (主席), d defer, w withdraw; t note-takers, and in their list d disconnect,
/// R revoke (capital: it cannot be undone), c new code.
pub static BINDINGS: &[Binding] = &[
    // Everywhere: keys that cannot be text.
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
    bind(C::Everywhere, &[Key::ctrl('z')], Action::Undo, true),
    bind(C::Everywhere, &[Key::ctrl('y')], Action::Redo, false),
    bind(
        C::Everywhere,
        &[Key::ctrl('c'), Key::ctrl('q')],
        Action::Quit,
        true,
    ),
    bind(
        C::Everywhere,
        &[Key::plain(K::F(3))],
        Action::ShowNoteTakers,
        false,
    ),
    // Single letters while no text is typed.
    bind(C::Panels, &[Key::ch('?')], Action::ToggleHelp, true),
    bind(C::Panels, &[Key::ch('l')], Action::SwitchLanguage, true),
    bind(C::Panels, &[Key::ch('u')], Action::Undo, true),
    bind(C::Panels, &[Key::ch('U')], Action::Redo, false),
    bind(C::Panels, &[Key::ch('q')], Action::Quit, true),
    bind(C::Panels, &[Key::ch('t')], Action::ShowNoteTakers, true),
    bind(
        C::Panels,
        &[Key::ch('1')],
        Action::Focus(Panel::Attendance),
        false,
    ),
    bind(
        C::Panels,
        &[Key::ch('2')],
        Action::Focus(Panel::Agenda),
        false,
    ),
    bind(
        C::Panels,
        &[Key::ch('3')],
        Action::Focus(Panel::Motion),
        false,
    ),
    bind(
        C::Panels,
        &[Key::ch('4')],
        Action::Focus(Panel::Notes),
        false,
    ),
    bind(
        C::Navigation,
        &[Key::plain(K::Tab)],
        Action::FocusNext,
        true,
    ),
    bind(
        C::Navigation,
        &[Key::plain(K::BackTab)],
        Action::FocusPrevious,
        false,
    ),
    // Lists.
    bind(C::Lists, &[UP, Key::ch('k')], Action::SelectPrevious, false),
    bind(C::Lists, &[DOWN, Key::ch('j')], Action::SelectNext, false),
    bind(
        C::Lists,
        &[Key::plain(K::PageUp)],
        Action::SelectPageUp,
        false,
    ),
    bind(
        C::Lists,
        &[Key::plain(K::PageDown)],
        Action::SelectPageDown,
        false,
    ),
    bind(
        C::Lists,
        &[Key::plain(K::Home), Key::ch('g')],
        Action::SelectFirst,
        false,
    ),
    bind(
        C::Lists,
        &[Key::plain(K::End), Key::ch('G')],
        Action::SelectLast,
        false,
    ),
    // Attendance.
    bind(
        C::Attendance,
        &[Key::ch(' '), ENTER],
        Action::ToggleAttendance,
        true,
    ),
    bind(C::Attendance, &[Key::ch('e')], Action::MarkExcused, true),
    bind(C::Attendance, &[Key::ch('o')], Action::AddObserver, true),
    bind(
        C::Attendance,
        &[Key::ch('r')],
        Action::AddRepresentative,
        true,
    ),
    // Agenda.
    bind(C::Agenda, &[Key::ch('b')], Action::StartMeeting, true),
    bind(
        C::Agenda,
        &[ENTER, Key::ch('s')],
        Action::StartSelectedItem,
        true,
    ),
    bind(C::Agenda, &[Key::ch('e')], Action::EndCurrentItem, true),
    bind(C::Agenda, &[Key::ch('x')], Action::AddExtemporeMotion, true),
    bind(C::Agenda, &[Key::ch('A')], Action::AdjournMeeting, true),
    // Motion: the procedure in order.
    bind(
        C::Motion,
        &[Key::plain(K::Left), Key::ch('[')],
        Action::PreviousMotion,
        false,
    ),
    bind(
        C::Motion,
        &[Key::plain(K::Right), Key::ch(']')],
        Action::NextMotion,
        false,
    ),
    bind(C::Motion, &[Key::ch('c')], Action::OpenConsensusRound, true),
    bind(C::Motion, &[Key::ch('o')], Action::RecordObjection, true),
    bind(C::Motion, &[Key::ch('r')], Action::RecordReservation, true),
    bind(
        C::Motion,
        &[Key::ch('e')],
        Action::CloseConsensusRound,
        true,
    ),
    bind(C::Motion, &[Key::ch('a')], Action::TakeConsentToVote, true),
    bind(C::Motion, &[Key::ch('v')], Action::VoteByCounts, true),
    bind(C::Motion, &[Key::ch('n')], Action::VoteByRollCall, true),
    bind(C::Motion, &[Key::ch('h')], Action::AskChairRuling, true),
    bind(C::Motion, &[Key::ch('d')], Action::DeferMotion, true),
    bind(C::Motion, &[Key::ch('w')], Action::WithdrawMotion, true),
    // Notes: letters are text, so commands take Ctrl.
    bind(C::Notes, &[ENTER], Action::AddNote, true),
    bind(C::Notes, &[Key::ctrl('p')], Action::PickSpeaker, true),
    bind(C::Notes, &[Key::ctrl('k')], Action::CycleNoteKind, true),
    bind(C::Notes, &[Key::ctrl('e')], Action::ToggleEnglish, true),
    bind(C::Notes, &[Key::ctrl('n')], Action::NoteNoObjection, true),
    bind(C::Notes, &[Key::ctrl('t')], Action::NoteNodding, true),
    bind(C::Notes, &[Key::ctrl('a')], Action::ToggleAllNotes, false),
    bind(
        C::Notes,
        &[UP, Key::plain(K::PageUp)],
        Action::ScrollNotesUp,
        false,
    ),
    bind(
        C::Notes,
        &[DOWN, Key::plain(K::PageDown)],
        Action::ScrollNotesDown,
        false,
    ),
    bind(C::Notes, &[ESC], Action::FocusPrevious, false),
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
    bind(
        C::Counts,
        &[Key::plain(K::Tab), DOWN],
        Action::NextField,
        true,
    ),
    bind(
        C::Counts,
        &[Key::plain(K::BackTab), UP],
        Action::PreviousField,
        false,
    ),
    bind(C::Counts, &[ENTER], Action::Confirm, true),
    bind(C::Counts, &[ESC], Action::Cancel, true),
    bind(
        C::RollCall,
        &[UP, Key::ch('k')],
        Action::SelectPrevious,
        false,
    ),
    bind(
        C::RollCall,
        &[DOWN, Key::ch('j')],
        Action::SelectNext,
        false,
    ),
    bind(C::RollCall, &[Key::ch('y')], Action::BallotYes, true),
    bind(C::RollCall, &[Key::ch('n')], Action::BallotNo, true),
    bind(C::RollCall, &[Key::ch('a')], Action::BallotAbstain, true),
    bind(
        C::RollCall,
        &[Key::ch(' '), Key::plain(K::Backspace)],
        Action::ClearBallot,
        false,
    ),
    bind(C::RollCall, &[ENTER], Action::Confirm, true),
    bind(C::RollCall, &[ESC], Action::Cancel, true),
    bind(C::ChairRuling, &[Key::ch('y')], Action::ChairAdopts, true),
    bind(C::ChairRuling, &[Key::ch('n')], Action::ChairRejects, true),
    bind(C::ChairRuling, &[ESC], Action::Cancel, true),
    // The note-takers' list.
    bind(
        C::NoteTakers,
        &[UP, Key::ch('k')],
        Action::SelectPrevious,
        false,
    ),
    bind(
        C::NoteTakers,
        &[DOWN, Key::ch('j')],
        Action::SelectNext,
        false,
    ),
    bind(
        C::NoteTakers,
        &[Key::ch('d')],
        Action::DisconnectNoteTaker,
        true,
    ),
    bind(
        C::NoteTakers,
        &[Key::ch('R')],
        Action::RevokeNoteTaker,
        true,
    ),
    bind(C::NoteTakers, &[Key::ch('c')], Action::NewJoinCode, true),
    bind(
        C::NoteTakers,
        &[ESC, Key::ch('t'), Key::ch('q')],
        Action::ShowNoteTakers,
        true,
    ),
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
    // Motion, on the follow-up item: the panel shows the follow-up table. Up/Down move
    // between its rows as in any list; x closes (crosses off) a matter, f keeps
    // following it, t records what was taken in hand.
    bind(
        C::Motion,
        &[UP, Key::ch('k')],
        Action::PreviousFollowUp,
        false,
    ),
    bind(
        C::Motion,
        &[DOWN, Key::ch('j')],
        Action::NextFollowUp,
        false,
    ),
    bind(
        C::Motion,
        &[ENTER, Key::ch('t')],
        Action::RecordFollowUpAction,
        true,
    ),
    bind(C::Motion, &[Key::ch('x')], Action::CloseFollowUp, true),
    bind(
        C::Motion,
        &[Key::ch('f')],
        Action::KeepTrackingFollowUp,
        true,
    ),
];

/// The action a key asks for in these contexts (most specific first), if any.
pub fn lookup(contexts: &[Context], event: &KeyEvent) -> Option<Action> {
    lookup_in(BINDINGS, contexts, event)
}

/// The same, in another screen's table (the note-taker's).
pub fn lookup_in(
    table: &'static [Binding],
    contexts: &[Context],
    event: &KeyEvent,
) -> Option<Action> {
    let key = Key::from_event(event);
    contexts.iter().find_map(|context| {
        table
            .iter()
            .filter(|b| b.context == *context)
            .find(|b| b.keys.contains(&key))
            .map(|b| b.action)
    })
}

/// The bindings the footer offers in these contexts, in table order, most specific
/// context first. A key already taken by a more specific context is not offered again,
/// nor an action already offered under another key (`?` and F1 both open the help).
pub fn hints(contexts: &[Context]) -> Vec<&'static Binding> {
    hints_in(BINDINGS, contexts)
}

/// The same, in another screen's table.
pub fn hints_in(table: &'static [Binding], contexts: &[Context]) -> Vec<&'static Binding> {
    let mut out: Vec<&'static Binding> = Vec::new();
    for context in contexts {
        for binding in table.iter().filter(|b| b.context == *context && b.hint) {
            let shadowed = out.iter().any(|taken| {
                taken.action == binding.action
                    || taken.keys.iter().any(|k| binding.keys.contains(k))
            });
            if !shadowed {
                out.push(binding);
            }
        }
    }
    out
}

/// Every binding, grouped by context in the order of `Context::ALL`: what the help
/// overlay shows.
pub fn help_groups() -> Vec<(Context, Vec<&'static Binding>)> {
    help_groups_in(BINDINGS)
}

/// The same, in another screen's table; contexts it does not use are left out.
pub fn help_groups_in(table: &'static [Binding]) -> Vec<(Context, Vec<&'static Binding>)> {
    Context::ALL
        .iter()
        .map(|context| {
            let bindings: Vec<&'static Binding> =
                table.iter().filter(|b| b.context == *context).collect();
            (*context, bindings)
        })
        .filter(|(_, bindings)| !bindings.is_empty())
        .collect()
}

/// All the keys of a binding, as written in hints: "Space/Enter".
pub fn keys_label(binding: &Binding) -> String {
    binding
        .keys
        .iter()
        .map(Key::label)
        .collect::<Vec<_>>()
        .join("/")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crossterm::event::KeyEventKind;

    fn key(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
        KeyEvent::new_with_kind(code, modifiers, KeyEventKind::Press)
    }

    #[test]
    fn no_key_is_bound_twice_in_one_context() {
        for (i, a) in BINDINGS.iter().enumerate() {
            for b in &BINDINGS[i + 1..] {
                if a.context == b.context {
                    for k in a.keys {
                        assert!(
                            !b.keys.contains(k),
                            "{} is bound to {:?} and {:?} in {:?}",
                            k.label(),
                            a.action,
                            b.action,
                            a.context
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn the_more_specific_context_wins() {
        let motion = [Context::Motion, Context::Panels, Context::Everywhere];
        let attendance = [Context::Attendance, Context::Panels, Context::Everywhere];
        let e = key(KeyCode::Char('e'), KeyModifiers::NONE);
        assert_eq!(lookup(&motion, &e), Some(Action::CloseConsensusRound));
        assert_eq!(lookup(&attendance, &e), Some(Action::MarkExcused));
        let q = key(KeyCode::Char('q'), KeyModifiers::NONE);
        assert_eq!(lookup(&motion, &q), Some(Action::Quit));
    }

    #[test]
    fn letters_are_text_while_typing_a_note() {
        let notes = [Context::Notes, Context::Editing, Context::Everywhere];
        let q = key(KeyCode::Char('q'), KeyModifiers::NONE);
        assert_eq!(lookup(&notes, &q), None);
        let ctrl_c = key(KeyCode::Char('c'), KeyModifiers::CONTROL);
        assert_eq!(lookup(&notes, &ctrl_c), Some(Action::Quit));
    }

    #[test]
    fn shift_and_case_are_read_the_way_terminals_send_them() {
        let panels = [Context::Panels];
        let shifted = key(KeyCode::Char('U'), KeyModifiers::SHIFT);
        assert_eq!(lookup(&panels, &shifted), Some(Action::Redo));
        let everywhere = [Context::Everywhere];
        let ctrl_shift_z = key(
            KeyCode::Char('Z'),
            KeyModifiers::CONTROL | KeyModifiers::SHIFT,
        );
        assert_eq!(lookup(&everywhere, &ctrl_shift_z), Some(Action::Undo));
        let nav = [Context::Navigation];
        let backtab = key(KeyCode::BackTab, KeyModifiers::SHIFT);
        assert_eq!(lookup(&nav, &backtab), Some(Action::FocusPrevious));
    }

    #[test]
    fn hints_leave_out_keys_a_more_specific_context_took() {
        // In the help overlay, q closes the overlay; the footer must not offer q to quit.
        let hints = hints(&[Context::Help, Context::Panels]);
        let quit = hints.iter().find(|b| b.action == Action::Quit);
        assert!(quit.is_none());
    }
}
