//! The facilitator's key table: every key the screen answers to, with the context it
//! works in, the action it asks for and whether the footer shows it. The footer hints,
//! the `?` overlay and the README's key reference are generated from it (with the
//! rows both screens share, `tui/shared/keys.rs`), so they cannot drift from what the
//! keys do.
//!
//! Letters are chosen to be few and to read as words where they can: c consensus,
//! o objection, r reservation, e end, a agree to vote, v vote, n by name, h chair
//! (主席), d defer, w withdraw; t note-takers, and in their list d disconnect, R revoke
//! (capital: it cannot be undone), c new code; on the follow-up table x closes (crosses
//! off) a matter, f keeps following it, t records what was taken in hand; in the
//! speaking queue a asks to speak, n calls the next, Space pauses, e ends the turn,
//! + grants a minute, x crosses a request off, L sets the item's limit.

use std::sync::LazyLock;

use crossterm::event::KeyCode as K;

use super::action::{Action, Panel};
use crate::tui::shared::action::Common;
use crate::tui::shared::keys::{
    Binding, Context, DOWN, ENTER, ESC, Key, KeyTable, Shown, UP, bind,
};

use Action::*;
use Common::{
    Cancel, Confirm, Quit, ScrollNotesDown, ScrollNotesUp, SelectNext, SelectPageDown,
    SelectPageUp, SelectPrevious, SwitchLanguage, ToggleHelp,
};
use Context as C;
use Shown::{Footer, HelpOnly};

/// The facilitator's keys: the shared rows, then these.
pub static KEYS: LazyLock<KeyTable<Action>> = LazyLock::new(|| KeyTable::new(Context::Notes, OWN));

const F1: Key = Key::plain(K::F(1));
const F2: Key = Key::plain(K::F(2));
const F3: Key = Key::plain(K::F(3));
const F4: Key = Key::plain(K::F(4));
const F5: Key = Key::plain(K::F(5));
const TAB: Key = Key::plain(K::Tab);
const BACKTAB: Key = Key::plain(K::BackTab);
const LEFT: Key = Key::plain(K::Left);
const RIGHT: Key = Key::plain(K::Right);
const HOME: Key = Key::plain(K::Home);
const END: Key = Key::plain(K::End);
const PAGE_UP: Key = Key::plain(K::PageUp);
const PAGE_DOWN: Key = Key::plain(K::PageDown);
const BACKSPACE: Key = Key::plain(K::Backspace);
const SPACE: Key = Key::ch(' ');
const DELETE: Key = Key::plain(K::Delete);

#[rustfmt::skip]
static OWN: &[Binding<Action>] = &[
    // context          keys                                   action                         shown
    // Everywhere: keys that cannot be text.
    bind(C::Everywhere,   &[F1],                                 Common(ToggleHelp),            Footer),
    bind(C::Everywhere,   &[F2],                                 Common(SwitchLanguage),        HelpOnly),
    bind(C::Everywhere,   &[Key::ctrl('z')],                     Undo,                          Footer),
    bind(C::Everywhere,   &[Key::ctrl('y')],                     Redo,                          HelpOnly),
    bind(C::Everywhere,   &[Key::ctrl('c'), Key::ctrl('q')],     Common(Quit),                  Footer),
    bind(C::Everywhere,   &[F3],                                 ShowNoteTakers,                HelpOnly),
    bind(C::Everywhere,   &[F4],                                 ToggleRoomQr,                  HelpOnly),
    bind(C::Everywhere,   &[F5],                                 ShowComments,                  HelpOnly),
    // Single letters while no text is typed.
    bind(C::Panels,       &[Key::ch('?')],                       Common(ToggleHelp),            Footer),
    bind(C::Panels,       &[Key::ch('l')],                       Common(SwitchLanguage),        Footer),
    bind(C::Panels,       &[Key::ch('u')],                       Undo,                          Footer),
    bind(C::Panels,       &[Key::ch('U')],                       Redo,                          HelpOnly),
    bind(C::Panels,       &[Key::ch('q')],                       Common(Quit),                  Footer),
    bind(C::Panels,       &[Key::ch('t')],                       ShowNoteTakers,                Footer),
    bind(C::Panels,       &[Key::ch('1')],                       Focus(Panel::Attendance),      HelpOnly),
    bind(C::Panels,       &[Key::ch('2')],                       Focus(Panel::Agenda),          HelpOnly),
    bind(C::Panels,       &[Key::ch('3')],                       Focus(Panel::Motion),          HelpOnly),
    bind(C::Panels,       &[Key::ch('4')],                       Focus(Panel::Notes),           HelpOnly),
    bind(C::Panels,       &[Key::ch('5')],                       Focus(Panel::Speakers),        HelpOnly),
    bind(C::Navigation,   &[TAB],                                FocusNext,                     Footer),
    bind(C::Navigation,   &[BACKTAB],                            FocusPrevious,                 HelpOnly),
    // Lists.
    bind(C::Lists,        &[UP, Key::ch('k')],                   Common(SelectPrevious),        HelpOnly),
    bind(C::Lists,        &[DOWN, Key::ch('j')],                 Common(SelectNext),            HelpOnly),
    bind(C::Lists,        &[PAGE_UP],                            Common(SelectPageUp),          HelpOnly),
    bind(C::Lists,        &[PAGE_DOWN],                          Common(SelectPageDown),        HelpOnly),
    bind(C::Lists,        &[HOME, Key::ch('g')],                 SelectFirst,                   HelpOnly),
    bind(C::Lists,        &[END, Key::ch('G')],                  SelectLast,                    HelpOnly),
    // Attendance.
    bind(C::Attendance,   &[SPACE, ENTER],                       ToggleAttendance,              Footer),
    bind(C::Attendance,   &[Key::ch('e')],                       MarkExcused,                   Footer),
    bind(C::Attendance,   &[Key::ch('o')],                       AddObserver,                   Footer),
    bind(C::Attendance,   &[Key::ch('r')],                       AddRepresentative,             Footer),
    bind(C::Attendance,   &[Key::ch('E')],                       CorrectPerson,                 HelpOnly),
    bind(C::Attendance,   &[Key::ch('M')],                       AddMember,                     HelpOnly),
    bind(C::Attendance,   &[Key::ch('D')],                       RemovePerson,                  HelpOnly),
    // Agenda.
    bind(C::Agenda,       &[Key::ch('b')],                       StartMeeting,                  Footer),
    bind(C::Agenda,       &[ENTER, Key::ch('s')],                StartSelectedItem,             Footer),
    bind(C::Agenda,       &[Key::ch('e')],                       EndCurrentItem,                Footer),
    bind(C::Agenda,       &[Key::ch('x')],                       AddExtemporeMotion,            Footer),
    bind(C::Agenda,       &[Key::ch('A')],                       AdjournMeeting,                Footer),
    bind(C::Agenda,       &[Key::ch('i')],                       AddItem,                       HelpOnly),
    bind(C::Agenda,       &[Key::ch('E')],                       EditItem,                 HelpOnly),
    bind(C::TextPrompt,   &[TAB],                                NextChoice,                   HelpOnly),
    bind(C::Agenda,       &[Key::ch('K')],                       MoveItemUp,                    HelpOnly),
    bind(C::Agenda,       &[Key::ch('J')],                       MoveItemDown,                  HelpOnly),
    bind(C::Agenda,       &[Key::ch('D')],                       RemoveItem,                    HelpOnly),
    bind(C::Agenda,       &[Key::ch('I')],                       EditMeetingDetails,            HelpOnly),
    bind(C::Agenda,       &[Key::ch('C')],                       ShowComments,                  Footer),
    // Motion: the procedure in order.
    bind(C::Motion,       &[LEFT, Key::ch('[')],                 PreviousMotion,                HelpOnly),
    bind(C::Motion,       &[RIGHT, Key::ch(']')],                NextMotion,                    HelpOnly),
    bind(C::Motion,       &[Key::ch('c')],                       OpenConsensusRound,            Footer),
    bind(C::Motion,       &[Key::ch('o')],                       RecordObjection,               Footer),
    bind(C::Motion,       &[Key::ch('r')],                       RecordReservation,             Footer),
    bind(C::Motion,       &[Key::ch('e')],                       CloseConsensusRound,           Footer),
    bind(C::Motion,       &[Key::ch('a')],                       TakeConsentToVote,             Footer),
    bind(C::Motion,       &[Key::ch('v')],                       VoteByCounts,                  Footer),
    bind(C::Motion,       &[Key::ch('n')],                       VoteByRollCall,                Footer),
    bind(C::Motion,       &[Key::ch('h')],                       AskChairRuling,                Footer),
    bind(C::Motion,       &[Key::ch('d')],                       DeferMotion,                   Footer),
    bind(C::Motion,       &[Key::ch('w')],                       WithdrawMotion,                Footer),
    bind(C::Motion,       &[Key::ch('m')],                       AmendMotion,                   Footer),
    bind(C::Motion,       &[Key::ch('p')],                       AddMotion,                     HelpOnly),
    bind(C::Motion,       &[Key::ch('S')],                       SplitMotion,                   HelpOnly),
    // Speakers: the queue in order, the speaker's time.
    bind(C::Speakers,     &[Key::ch('a')],                       RequestToSpeak,                Footer),
    bind(C::Speakers,     &[Key::ch('n')],                       CallNextSpeaker,               Footer),
    bind(C::Speakers,     &[ENTER],                              CallSelectedSpeaker,           HelpOnly),
    bind(C::Speakers,     &[SPACE, Key::ch('p')],                PauseSpeaking,                 Footer),
    bind(C::Speakers,     &[Key::ch('e')],                       EndSpeaking,                   Footer),
    bind(C::Speakers,     &[Key::ch('+')],                       ExtendSpeaking,                Footer),
    bind(C::Speakers,     &[Key::ch('x'), DELETE],               WithdrawRequest,               Footer),
    bind(C::Speakers,     &[Key::ch('K')],                       MoveRequestUp,                 HelpOnly),
    bind(C::Speakers,     &[Key::ch('J')],                       MoveRequestDown,               HelpOnly),
    bind(C::Speakers,     &[Key::ch('L')],                       SetSpeakingLimit,              HelpOnly),
    // The motion panel on the follow-up item: the follow-up table.
    bind(C::FollowUp,     &[UP, Key::ch('k')],                   PreviousFollowUp,              HelpOnly),
    bind(C::FollowUp,     &[DOWN, Key::ch('j')],                 NextFollowUp,                  HelpOnly),
    bind(C::FollowUp,     &[ENTER, Key::ch('t')],                RecordFollowUpAction,          Footer),
    bind(C::FollowUp,     &[Key::ch('x')],                       CloseFollowUp,                 Footer),
    bind(C::FollowUp,     &[Key::ch('f')],                       KeepTrackingFollowUp,          Footer),
    // Notes, after the note editor's shared keys: letters are text, commands take Ctrl.
    bind(C::Notes,        &[Key::ctrl('a')],                     ToggleAllNotes,                HelpOnly),
    bind(C::Notes,        &[UP],                                 SelectOlderNote,               HelpOnly),
    bind(C::Notes,        &[DOWN],                               SelectNewerNote,               HelpOnly),
    bind(C::Notes,        &[Key::ctrl('r')],                     CorrectNote,                   Footer),
    bind(C::Notes,        &[PAGE_UP],                            Common(ScrollNotesUp),         HelpOnly),
    bind(C::Notes,        &[PAGE_DOWN],                          Common(ScrollNotesDown),       HelpOnly),
    bind(C::Notes,        &[ESC],                                NotesBack,                     HelpOnly),
    // The facilitator's own dialogs (text and picker dialogs are shared).
    bind(C::Counts,       &[TAB, DOWN],                          NextField,                     Footer),
    bind(C::Counts,       &[BACKTAB, UP],                        PreviousField,                 HelpOnly),
    bind(C::Counts,       &[ENTER],                              Common(Confirm),               Footer),
    bind(C::Counts,       &[ESC],                                Common(Cancel),                Footer),
    bind(C::RollCall,     &[UP, Key::ch('k')],                   Common(SelectPrevious),        HelpOnly),
    bind(C::RollCall,     &[DOWN, Key::ch('j')],                 Common(SelectNext),            HelpOnly),
    bind(C::RollCall,     &[Key::ch('y')],                       BallotYes,                     Footer),
    bind(C::RollCall,     &[Key::ch('n')],                       BallotNo,                      Footer),
    bind(C::RollCall,     &[Key::ch('a')],                       BallotAbstain,                 Footer),
    bind(C::RollCall,     &[SPACE, BACKSPACE],                   ClearBallot,                   HelpOnly),
    bind(C::RollCall,     &[ENTER],                              Common(Confirm),               Footer),
    bind(C::RollCall,     &[ESC],                                Common(Cancel),                Footer),
    bind(C::ChairRuling,  &[Key::ch('y')],                       ChairAdopts,                   Footer),
    bind(C::ChairRuling,  &[Key::ch('n')],                       ChairRejects,                  Footer),
    bind(C::ChairRuling,  &[ESC],                                Common(Cancel),                Footer),
    // The note-takers' list.
    bind(C::NoteTakers,   &[UP, Key::ch('k')],                   Common(SelectPrevious),        HelpOnly),
    bind(C::NoteTakers,   &[DOWN, Key::ch('j')],                 Common(SelectNext),            HelpOnly),
    bind(C::NoteTakers,   &[Key::ch('d')],                       DisconnectNoteTaker,           Footer),
    bind(C::NoteTakers,   &[Key::ch('R')],                       RevokeNoteTaker,               Footer),
    bind(C::NoteTakers,   &[Key::ch('c')],                       NewJoinCode,                   Footer),
    bind(C::NoteTakers,   &[ESC, Key::ch('t'), Key::ch('q')],    ShowNoteTakers,                Footer),
    // The public's comments on the item in view.
    bind(C::Comments,     &[UP, Key::ch('k')],                   Common(SelectPrevious),        HelpOnly),
    bind(C::Comments,     &[DOWN, Key::ch('j')],                 Common(SelectNext),            HelpOnly),
    bind(C::Comments,     &[ENTER, Key::ch('a')],                AnswerComment,                 Footer),
    bind(C::Comments,     &[ESC, Key::ch('C'), Key::ch('q')],    ShowComments,                  Footer),
];

#[cfg(test)]
mod tests {
    use super::*;
    use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

    fn lookup(contexts: &[Context], event: &KeyEvent) -> Option<Action> {
        KEYS.lookup(contexts, event)
    }

    fn key(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
        KeyEvent::new_with_kind(code, modifiers, KeyEventKind::Press)
    }

    #[test]
    fn no_key_is_bound_twice_in_one_context() {
        assert_eq!(KEYS.bound_twice(), Vec::<String>::new());
    }

    #[test]
    fn the_more_specific_context_wins() {
        let motion = [Context::Motion, Context::Panels, Context::Everywhere];
        let attendance = [Context::Attendance, Context::Panels, Context::Everywhere];
        let e = key(KeyCode::Char('e'), KeyModifiers::NONE);
        assert_eq!(lookup(&motion, &e), Some(CloseConsensusRound));
        assert_eq!(lookup(&attendance, &e), Some(MarkExcused));
        let q = key(KeyCode::Char('q'), KeyModifiers::NONE);
        assert_eq!(lookup(&motion, &q), Some(Common(Quit)));
    }

    #[test]
    fn letters_are_text_while_typing_a_note() {
        let notes = [Context::Notes, Context::Editing, Context::Everywhere];
        let q = key(KeyCode::Char('q'), KeyModifiers::NONE);
        assert_eq!(lookup(&notes, &q), None);
        let ctrl_c = key(KeyCode::Char('c'), KeyModifiers::CONTROL);
        assert_eq!(lookup(&notes, &ctrl_c), Some(Common(Quit)));
    }

    #[test]
    fn shift_and_case_are_read_the_way_terminals_send_them() {
        let panels = [Context::Panels];
        let shifted = key(KeyCode::Char('U'), KeyModifiers::SHIFT);
        assert_eq!(lookup(&panels, &shifted), Some(Redo));
        let everywhere = [Context::Everywhere];
        let ctrl_shift_z = key(
            KeyCode::Char('Z'),
            KeyModifiers::CONTROL | KeyModifiers::SHIFT,
        );
        assert_eq!(lookup(&everywhere, &ctrl_shift_z), Some(Undo));
        let nav = [Context::Navigation];
        let backtab = key(KeyCode::BackTab, KeyModifiers::SHIFT);
        assert_eq!(lookup(&nav, &backtab), Some(FocusPrevious));
    }

    #[test]
    fn hints_leave_out_keys_a_more_specific_context_took() {
        // In the help overlay, q closes the overlay; the footer must not offer q to quit.
        let hints = KEYS.hints(&[Context::Help, Context::Panels]);
        let quit = hints.iter().find(|b| b.action == Common(Quit));
        assert!(quit.is_none());
    }
}
