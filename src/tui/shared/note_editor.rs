//! The note editor both screens have: the text (and its English, when opened), the
//! speaker, the kind of note (Ctrl-K cycles), and what it makes of them: a note to
//! record, or a draft waiting for an action item's owner and due date.

use super::action::Common;
use super::line_editor::LineEditor;

use crate::domain::{ItemId, Note, NoteKind, Speaker, Text};
use crate::i18n::{Label, screen as s};

/// The kinds of note the input line cycles through.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum NoteKindChoice {
    #[default]
    Said,
    Narrative,
    Action,
    Decision,
}

impl NoteKindChoice {
    /// The kind a note of this choice is recorded with as soon as it is entered; an
    /// action item (`None`) first asks who will do it and by when.
    pub fn immediate(self) -> Option<NoteKind> {
        match self {
            NoteKindChoice::Said => Some(NoteKind::Said),
            NoteKindChoice::Narrative => Some(NoteKind::Narrative),
            NoteKindChoice::Decision => Some(NoteKind::Decision),
            NoteKindChoice::Action => None,
        }
    }

    /// What the editor's status row calls it.
    pub fn name(self) -> Label {
        match self {
            NoteKindChoice::Said => s::KIND_SAID,
            NoteKindChoice::Narrative => s::KIND_NARRATIVE,
            NoteKindChoice::Action => s::KIND_ACTION,
            NoteKindChoice::Decision => s::KIND_DECISION,
        }
    }

    pub fn next(self) -> NoteKindChoice {
        match self {
            NoteKindChoice::Said => NoteKindChoice::Narrative,
            NoteKindChoice::Narrative => NoteKindChoice::Action,
            NoteKindChoice::Action => NoteKindChoice::Decision,
            NoteKindChoice::Decision => NoteKindChoice::Said,
        }
    }

    pub fn of(kind: &NoteKind) -> NoteKindChoice {
        match kind {
            NoteKind::Said => NoteKindChoice::Said,
            NoteKind::Narrative => NoteKindChoice::Narrative,
            NoteKind::Action { .. } => NoteKindChoice::Action,
            NoteKind::Decision => NoteKindChoice::Decision,
        }
    }
}

/// The note being typed.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct NoteEditor {
    pub input: LineEditor,
    pub english: LineEditor,
    pub editing_english: bool,
    pub speaker: Option<Speaker>,
    pub kind: NoteKindChoice,
}

impl NoteEditor {
    pub fn editor_mut(&mut self) -> &mut LineEditor {
        if self.editing_english {
            &mut self.english
        } else {
            &mut self.input
        }
    }

    /// An editor holding `note`, to correct it.
    pub fn of(note: &Note) -> NoteEditor {
        NoteEditor {
            input: LineEditor::with_text(&note.text.text),
            english: LineEditor::with_text(note.text.en.as_deref().unwrap_or("")),
            editing_english: false,
            speaker: note.speaker.clone(),
            kind: NoteKindChoice::of(&note.kind),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.input.is_empty() && self.english.is_empty()
    }

    /// A fresh line for the next note: its speaker is whoever has the floor.
    pub fn for_floor(floor: Option<&Speaker>) -> NoteEditor {
        NoteEditor {
            speaker: floor.cloned(),
            ..NoteEditor::default()
        }
    }

    /// The floor passed from `was` to `now`. An empty line that followed the floor
    /// (or had nobody) follows it on; a line with text keeps its speaker, since what
    /// is typed was said before, and so does a speaker picked on purpose.
    pub fn floor_passed(&mut self, was: Option<&Speaker>, now: Option<&Speaker>) {
        if was == now || !self.is_empty() {
            return;
        }
        if self.speaker.is_none() || self.speaker.as_ref() == was {
            self.speaker = now.cloned();
        }
    }

    /// The note typed, as a draft for `item`; `None` while there is no text.
    pub fn draft(&self, item: Option<ItemId>) -> Option<NoteDraft> {
        let text = self.input.as_str().trim();
        if text.is_empty() {
            return None;
        }
        Some(NoteDraft {
            speaker: self.speaker.clone(),
            text: Text::typed(text, self.english.as_str().trim()),
            item,
        })
    }

    /// This note with `later` typed after it, so that nothing typed is lost when a
    /// note the outbox could not keep comes back to a line in use.
    pub fn followed_by(mut self, later: NoteEditor) -> NoteEditor {
        for (line, more) in [
            (&mut self.input, later.input),
            (&mut self.english, later.english),
        ] {
            if !more.is_empty() {
                let joined = format!("{} {}", line.as_str(), more.as_str());
                *line = LineEditor::with_text(joined.trim_start());
            }
        }
        self
    }
}

/// A note waiting for its action owner and due date.
#[derive(Clone, Debug, PartialEq)]
pub struct NoteDraft {
    pub speaker: Option<Speaker>,
    pub text: Text,
    pub item: Option<ItemId>,
}

impl NoteDraft {
    /// The note, of `kind`.
    pub fn note(self, kind: NoteKind) -> Note {
        Note {
            speaker: self.speaker,
            kind,
            text: self.text,
            item: self.item,
        }
    }
}

/// The room narrative a quick key records under `item`: （與會者皆無意見） or （點頭）,
/// with their English.
pub fn quick_narrative(action: Common, item: Option<ItemId>) -> Option<Note> {
    let (zh, en) = match action {
        Common::NoteNoObjection => (s::NO_OBJECTION_NARRATIVE, s::NO_OBJECTION_NARRATIVE_EN),
        Common::NoteNodding => (s::NODDING_NARRATIVE, s::NODDING_NARRATIVE_EN),
        _ => return None,
    };
    Some(Note {
        speaker: None,
        kind: NoteKind::Narrative,
        text: Text::bilingual(zh, en),
        item,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::PersonId;

    fn person(id: &str) -> Speaker {
        Speaker::Person(PersonId(id.into()))
    }

    #[test]
    fn an_empty_line_follows_the_floor() {
        let (a, b) = (person("a"), person("b"));
        let mut editor = NoteEditor::default();
        editor.floor_passed(None, Some(&a));
        assert_eq!(editor.speaker, Some(a.clone()));
        editor.floor_passed(Some(&a), Some(&b));
        assert_eq!(editor.speaker, Some(b.clone()));
        editor.floor_passed(Some(&b), None);
        assert_eq!(editor.speaker, None);
    }

    #[test]
    fn a_line_with_text_or_a_chosen_speaker_keeps_its_speaker() {
        let (a, b, c) = (person("a"), person("b"), person("c"));
        let mut typing = NoteEditor::for_floor(Some(&a));
        typing.input.insert_str("what a said");
        typing.floor_passed(Some(&a), Some(&b));
        assert_eq!(typing.speaker, Some(a.clone()));
        // A speaker picked on purpose, not the one who had the floor, stays.
        let mut chosen = NoteEditor::for_floor(Some(&c));
        chosen.floor_passed(Some(&a), Some(&b));
        assert_eq!(chosen.speaker, Some(c));
    }
}
