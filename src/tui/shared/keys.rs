//! The key tables' machinery, shared by both screens: a key as a table writes it, a
//! binding (context, keys, action, whether the footer shows it), the contexts a screen
//! is in, and a table that answers "what does this key do here", "what does the footer
//! offer" and "what does the help list". The footer hints, the `?` overlay and the
//! README's key reference are all generated from the tables, so they cannot drift from
//! what the keys do.
//!
//! The rows both screens share (editing a line, the dialogs, the help overlay, the
//! note editor) are written once here; each screen's own table (`facilitator/keys.rs`,
//! `join/keys.rs`) adds its rows after them.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::action::Common;
pub use super::action::Named;
use crate::i18n::{Label, key_names as k};

/// Where a binding applies. A screen is in several at once, most specific first: the
/// first binding found for a key wins.
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
    /// The speaking queue: who asked to speak, who speaks, their time.
    Speakers,
    /// The motion panel on the follow-up item, which shows the follow-up table.
    FollowUp,
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
    /// The public's comments on an item, with their answers.
    Comments,
    /// The note-taker's screen: the note editor and their own notes above it.
    Join,
    Help,
}

impl Context {
    /// The order the help overlay lists them in.
    pub const ALL: [Context; 20] = [
        Context::Everywhere,
        Context::Join,
        Context::Panels,
        Context::Navigation,
        Context::Lists,
        Context::Attendance,
        Context::Agenda,
        Context::Speakers,
        Context::Motion,
        Context::FollowUp,
        Context::Notes,
        Context::Editing,
        Context::TextPrompt,
        Context::Picker,
        Context::Counts,
        Context::RollCall,
        Context::ChairRuling,
        Context::NoteTakers,
        Context::Comments,
        Context::Help,
    ];

    /// The contexts whose keys work whatever has the focus: the footer keeps them at
    /// its right, where a long row of the panel's keys cannot push them out.
    pub fn is_global(self) -> bool {
        matches!(
            self,
            Context::Everywhere | Context::Panels | Context::Navigation
        )
    }
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

impl Context {
    /// What the help overlay calls this context.
    pub fn name(self) -> Label {
        match self {
            Context::Everywhere => k::CONTEXT_EVERYWHERE,
            Context::Navigation => k::CONTEXT_NAVIGATION,
            Context::Panels => k::CONTEXT_PANELS,
            Context::Lists => k::CONTEXT_LISTS,
            Context::Attendance => k::CONTEXT_ATTENDANCE,
            Context::Agenda => k::CONTEXT_AGENDA,
            Context::Speakers => k::CONTEXT_SPEAKERS,
            Context::Comments => k::CONTEXT_COMMENTS,
            Context::Motion => k::CONTEXT_MOTION,
            Context::FollowUp => k::CONTEXT_FOLLOW_UP,
            Context::Notes => k::CONTEXT_NOTES,
            Context::Editing => k::CONTEXT_EDITING,
            Context::TextPrompt => k::CONTEXT_TEXT_PROMPT,
            Context::Picker => k::CONTEXT_PICKER,
            Context::Counts => k::CONTEXT_COUNTS,
            Context::RollCall => k::CONTEXT_ROLL_CALL,
            Context::ChairRuling => k::CONTEXT_CHAIR_RULING,
            Context::NoteTakers => k::CONTEXT_NOTE_TAKERS,
            Context::Join => k::CONTEXT_JOIN,
            Context::Help => k::CONTEXT_HELP,
        }
    }
}

/// Whether the footer offers a binding (the help overlay lists every one).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shown {
    Footer,
    HelpOnly,
}

/// One row of a key table.
#[derive(Clone, Copy, Debug)]
pub struct Binding<A> {
    pub context: Context,
    pub keys: &'static [Key],
    pub action: A,
    pub shown: Shown,
}

pub const fn bind<A>(
    context: Context,
    keys: &'static [Key],
    action: A,
    shown: Shown,
) -> Binding<A> {
    Binding {
        context,
        keys,
        action,
        shown,
    }
}

impl<A> Binding<A> {
    /// All its keys, as written in hints: "Space/Enter".
    pub fn keys_label(&self) -> String {
        self.keys
            .iter()
            .map(Key::label)
            .collect::<Vec<_>>()
            .join("/")
    }

    /// The same keys for an action of another type (a shared row in a screen's table).
    fn map<B>(self, f: impl FnOnce(A) -> B) -> Binding<B> {
        Binding {
            context: self.context,
            keys: self.keys,
            action: f(self.action),
            shown: self.shown,
        }
    }
}

/// A screen's key table: the shared rows, then its own.
pub struct KeyTable<A: 'static> {
    rows: Vec<Binding<A>>,
}

impl<A: Copy + PartialEq + From<Common>> KeyTable<A> {
    /// The shared rows, with the note editor's in `note_editor` (the context this
    /// screen's editor has the keyboard in), then `own`.
    pub fn new(note_editor: Context, own: &'static [Binding<A>]) -> KeyTable<A> {
        let shared = SHARED.iter().map(|row| row.map(A::from));
        let editor = NOTE_EDITOR
            .iter()
            .map(|&(keys, action)| bind(note_editor, keys, A::from(action), Shown::Footer));
        KeyTable {
            rows: shared.chain(editor).chain(own.iter().copied()).collect(),
        }
    }

    /// Keys bound twice in one context (the second binding could never be reached):
    /// each as "KEY in CONTEXT: FIRST and SECOND", for a test to print.
    pub fn bound_twice(&self) -> Vec<String>
    where
        A: std::fmt::Debug,
    {
        let mut twice = Vec::new();
        for (i, a) in self.rows.iter().enumerate() {
            for b in self.rows[i + 1..].iter().filter(|b| b.context == a.context) {
                for key in a.keys.iter().filter(|k| b.keys.contains(k)) {
                    twice.push(format!(
                        "{} in {:?}: {:?} and {:?}",
                        key.label(),
                        a.context,
                        a.action,
                        b.action
                    ));
                }
            }
        }
        twice
    }

    /// Every row, in table order.
    /// The keys of `action` in `context`, as hints write them: what a message tells
    /// the user to press.
    pub fn keys_for(&self, context: Context, action: A) -> Option<String> {
        self.rows
            .iter()
            .find(|b| b.action == action && b.context == context)
            .map(Binding::keys_label)
    }

    pub fn rows(&self) -> &[Binding<A>] {
        &self.rows
    }

    /// The action a key asks for in these contexts (most specific first), if any.
    pub fn lookup(&self, contexts: &[Context], event: &KeyEvent) -> Option<A> {
        let key = Key::from_event(event);
        contexts.iter().find_map(|context| {
            self.rows
                .iter()
                .filter(|b| b.context == *context)
                .find(|b| b.keys.contains(&key))
                .map(|b| b.action)
        })
    }

    /// The bindings the footer offers in these contexts, in table order, most specific
    /// context first. A key already taken by a more specific context is not offered
    /// again, nor an action already offered under another key (`?` and F1 both open
    /// the help).
    pub fn hints(&self, contexts: &[Context]) -> Vec<Binding<A>> {
        let mut out: Vec<Binding<A>> = Vec::new();
        for context in contexts {
            for binding in self
                .rows
                .iter()
                .filter(|b| b.context == *context && b.shown == Shown::Footer)
            {
                let shadowed = out.iter().any(|taken| {
                    taken.action == binding.action
                        || taken.keys.iter().any(|k| binding.keys.contains(k))
                });
                if !shadowed {
                    out.push(*binding);
                }
            }
        }
        out
    }

    /// Every binding, grouped by context in the order of `Context::ALL`: what the help
    /// overlay shows. Contexts the table does not use are left out.
    pub fn help_groups(&self) -> Vec<(Context, Vec<Binding<A>>)> {
        Context::ALL
            .iter()
            .map(|context| {
                let bindings: Vec<Binding<A>> = self
                    .rows
                    .iter()
                    .filter(|b| b.context == *context)
                    .copied()
                    .collect();
                (*context, bindings)
            })
            .filter(|(_, bindings)| !bindings.is_empty())
            .collect()
    }
}

use Common::*;
use Context as C;
use KeyCode as K;
use Shown::{Footer, HelpOnly};

pub(crate) const UP: Key = Key::plain(K::Up);
pub(crate) const DOWN: Key = Key::plain(K::Down);
pub(crate) const ENTER: Key = Key::plain(K::Enter);
pub(crate) const ESC: Key = Key::plain(K::Esc);

/// Editing a line, the dialogs and the help overlay: the same on both screens.
#[rustfmt::skip]
static SHARED: &[Binding<Common>] = &[
    // context        keys                                        action           shown
    bind(C::Editing,    &[Key::plain(K::Left)],                    CursorLeft,      HelpOnly),
    bind(C::Editing,    &[Key::plain(K::Right)],                   CursorRight,     HelpOnly),
    bind(C::Editing,    &[Key::plain(K::Home)],                    CursorHome,      HelpOnly),
    bind(C::Editing,    &[Key::plain(K::End)],                     CursorEnd,       HelpOnly),
    bind(C::Editing,    &[Key::plain(K::Backspace)],               DeleteBackward,  HelpOnly),
    bind(C::Editing,    &[Key::plain(K::Delete)],                  DeleteForward,   HelpOnly),
    bind(C::TextPrompt, &[ENTER],                                  Confirm,         Footer),
    bind(C::TextPrompt, &[ESC],                                    Cancel,          Footer),
    bind(C::Picker,     &[UP],                                     SelectPrevious,  Footer),
    bind(C::Picker,     &[DOWN],                                   SelectNext,      Footer),
    bind(C::Picker,     &[ENTER],                                  Confirm,         Footer),
    bind(C::Picker,     &[ESC],                                    Cancel,          Footer),
    bind(C::Help,       &[UP, Key::ch('k')],                       SelectPrevious,  HelpOnly),
    bind(C::Help,       &[DOWN, Key::ch('j')],                     SelectNext,      HelpOnly),
    bind(C::Help,       &[Key::plain(K::PageUp)],                  SelectPageUp,    HelpOnly),
    bind(C::Help,       &[Key::plain(K::PageDown), Key::ch(' ')],  SelectPageDown,  HelpOnly),
    bind(C::Help,       &[ESC, Key::ch('?'), Key::ch('q')],        ToggleHelp,      Footer),
];

/// The note editor's commands, all in the footer: letters are text there, so they
/// take Ctrl. Each screen puts them in the context its editor has the keyboard in (the
/// facilitator's notes panel, the note-taker's screen), before its own keys there.
#[rustfmt::skip]
static NOTE_EDITOR: &[(&[Key], Common)] = &[
    // keys              action
    (&[ENTER],           AddNote),
    (&[Key::ctrl('p')],  PickSpeaker),
    (&[Key::ctrl('k')],  CycleNoteKind),
    (&[Key::ctrl('e')],  ToggleEnglish),
    (&[Key::ctrl('n')],  NoteNoObjection),
    (&[Key::ctrl('t')],  NoteNodding),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_bound_twice_in_one_context_is_found_and_not_across_contexts() {
        static TWICE: &[Binding<Common>] = &[
            bind(C::Motion, &[Key::ch('x')], Quit, Footer),
            bind(C::Agenda, &[Key::ch('x')], Cancel, Footer),
            bind(C::Motion, &[Key::ch('y'), Key::ch('x')], ToggleHelp, Footer),
        ];
        let table = KeyTable::new(C::Notes, TWICE);
        assert_eq!(
            table.bound_twice(),
            vec!["x in Motion: Quit and ToggleHelp".to_owned()]
        );
    }

    #[test]
    fn the_note_editors_keys_go_where_the_screen_puts_its_editor() {
        static NONE: &[Binding<Common>] = &[];
        let table = KeyTable::new(C::Join, NONE);
        let ctrl_p = KeyEvent::new(KeyCode::Char('p'), KeyModifiers::CONTROL);
        assert_eq!(table.lookup(&[C::Join], &ctrl_p), Some(PickSpeaker));
        assert_eq!(table.lookup(&[C::Notes], &ctrl_p), None);
    }
}
