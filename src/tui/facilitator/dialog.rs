//! The dialogs: one line of text, a speaker picker, vote counts, a roll call, the
//! chair's ruling. Each knows what it is for, so confirming it records the right event.

use crate::domain::{Ballot, ItemId, MotionId, Presence, Role, Speaker, State};
use crate::i18n::{Label, screen as s};
use crate::tui::shared::line_editor::LineEditor;
use crate::tui::shared::note_editor::NoteDraft;
use crate::tui::shared::picker::{Picker, Purpose};

#[derive(Clone, Debug, PartialEq)]
pub enum PickPurpose {
    NoteSpeaker,
    Objector {
        motion: MotionId,
        blocking: bool,
    },
    Proposer {
        text: String,
    },
    ActionOwner {
        draft: NoteDraft,
    },
    AmendmentProposer {
        motion: MotionId,
        text: String,
    },
    NewMotionProposer {
        item: ItemId,
        text: String,
    },
    SplitProposer {
        motion: MotionId,
        kept: String,
        rest: String,
    },
    /// The meeting's chair, the last of its details (`info`: as edited so far).
    Chair {
        info: Box<crate::domain::MeetingInfo>,
    },
    /// Someone who asks to speak on `item`.
    SpeakerRequest {
        item: ItemId,
    },
}

impl Purpose for PickPurpose {
    fn allows_nobody(&self) -> bool {
        !matches!(
            self,
            PickPurpose::Objector { .. } | PickPurpose::SpeakerRequest { .. }
        )
    }

    fn only_who_may_act(&self) -> bool {
        matches!(
            self,
            PickPurpose::Objector { blocking: true, .. }
                | PickPurpose::Proposer { .. }
                | PickPurpose::AmendmentProposer { .. }
                | PickPurpose::NewMotionProposer { .. }
                | PickPurpose::SplitProposer { .. }
        )
    }

    fn typed_name(&self) -> Label {
        match self {
            PickPurpose::Objector { blocking: true, .. } => s::TYPED_NON_MEMBER,
            _ => s::FREE_TEXT,
        }
    }

    fn question(&self) -> Label {
        match self {
            PickPurpose::NoteSpeaker => s::ASK_NOTE_SPEAKER,
            PickPurpose::Objector { blocking: true, .. } => s::ASK_OBJECTOR,
            PickPurpose::Objector {
                blocking: false, ..
            } => s::ASK_RESERVER,
            PickPurpose::Proposer { .. } | PickPurpose::NewMotionProposer { .. } => s::ASK_PROPOSER,
            PickPurpose::ActionOwner { .. } => s::ASK_OWNER,
            PickPurpose::AmendmentProposer { .. } => s::ASK_AMENDMENT_PROPOSER,
            PickPurpose::SplitProposer { .. } => s::ASK_SPLIT_PROPOSER,
            PickPurpose::Chair { .. } => s::ASK_CHAIR_OF_MEETING,
            PickPurpose::SpeakerRequest { .. } => s::ASK_WHO_SPEAKS,
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum TextPurpose {
    ObserverName,
    RepresentativeName {
        for_member: usize,
    },
    /// The representative's title, once their name is typed.
    RepresentativeTitle {
        for_member: usize,
        name: String,
    },
    ExtemporeText,
    ObjectionReason {
        motion: MotionId,
        speaker: Speaker,
        blocking: bool,
    },
    ConsentCount {
        motion: MotionId,
    },
    DueDate {
        draft: NoteDraft,
        owner: Option<Speaker>,
    },
    /// What was done about a follow-up matter, by its number in the table.
    FollowUpActionTaken {
        entry: u32,
    },
    /// A motion's new text.
    MotionText {
        motion: MotionId,
    },
    /// The text of a motion put on `item`.
    NewMotionText {
        item: ItemId,
    },
    /// The title of a new item in `section`.
    NewItemTitle {
        section: crate::domain::Section,
    },
    /// A new member's name, in `seat` (category and seat role, which Tab changes).
    NewMemberName {
        seat: MemberSeat,
    },
    /// A new member's organisation, then title (`details`: name, title, organisation
    /// as typed so far).
    NewMemberField {
        seat: MemberSeat,
        details: Box<[crate::domain::Text; 3]>,
        field: PersonField,
    },
    /// One field of a person's details, being corrected (the others as corrected so
    /// far).
    PersonField {
        person: crate::domain::PersonId,
        details: Box<[crate::domain::Text; 3]>,
        field: PersonField,
    },
    /// One field of `item`, being edited (its other fields as edited so far).
    ItemField {
        item: Box<crate::domain::AgendaItem>,
        field: ItemField,
    },
    /// The part of `motion` it keeps when split.
    SplitKept {
        motion: MotionId,
    },
    /// The rest of `motion`, which becomes a motion of its own.
    SplitRest {
        motion: MotionId,
        kept: String,
    },
    /// The response to a public comment, with its status (Tab changes it).
    CommentResponse {
        comment: crate::domain::CommentId,
        status: crate::domain::ResponseStatus,
    },
    /// The time each speaker has on `item`, as minutes or minutes:seconds.
    SpeakingLimit {
        item: ItemId,
    },
    /// One of the meeting's details, being edited (the others as edited so far).
    MeetingField {
        info: Box<crate::domain::MeetingInfo>,
        field: MeetingField,
    },
}

/// The meeting's details the facilitator edits, in the order asked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MeetingField {
    Title,
    /// 第 N 次會議
    Number,
    Date,
    PlannedStart,
    PlannedEnd,
    Venue,
    /// 紀錄
    Recorder,
}

/// Where a new member sits: their category (and so their side) and seat role.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MemberSeat {
    pub category: crate::domain::Category,
    pub role: crate::domain::SeatRole,
}

impl MemberSeat {
    /// The seats a new member can take, in the order Tab offers them: each category
    /// as an ordinary member, and the chairing seats where the rules allow them (the
    /// convener from the lead agency, the co-convener from outside government). A
    /// roster that already has the seat refuses the second, with the reason it gives
    /// on load.
    pub fn choices() -> impl Iterator<Item = MemberSeat> {
        use crate::domain::{Category, SeatRole, Side};
        Category::ALL.into_iter().flat_map(|category| {
            let chair = match category.side() {
                Side::Government if category == Category::LeadAgency => Some(SeatRole::Convener),
                Side::Government => None,
                Side::NonGovernment => Some(SeatRole::CoConvener),
            };
            std::iter::once(SeatRole::Member)
                .chain(chair)
                .map(move |role| MemberSeat { category, role })
        })
    }

    /// The seat Tab offers after this one.
    pub fn next(self) -> MemberSeat {
        let all: Vec<MemberSeat> = MemberSeat::choices().collect();
        let at = all.iter().position(|&x| x == self).unwrap_or(0);
        all[(at + 1) % all.len()]
    }
}

/// A person's details the facilitator corrects, in the order asked (and in the
/// order of `TextPurpose::PersonField`'s `details`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PersonField {
    Name,
    Title,
    Organisation,
}

/// The fields of an agenda item the facilitator edits, in the order asked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ItemField {
    Title,
    Presenter,
    PlannedMinutes,
    /// 說明
    Explanation,
    /// 辦法
    ProposedAction,
}

/// The three count fields of a vote by show of hands.
#[derive(Clone, Debug, PartialEq)]
pub struct CountsForm {
    pub motion: MotionId,
    /// Yes, no, abstain.
    pub fields: [LineEditor; 3],
    pub focus: usize,
}

#[derive(Clone, Debug, PartialEq)]
pub struct RollCall {
    pub motion: MotionId,
    /// Each member seat present, by the person sitting in it, and their ballot.
    pub rows: Vec<(usize, Option<Ballot>)>,
    pub selected: usize,
}

impl RollCall {
    /// One row per seat that votes (by the rule book, those present when the vote
    /// opened) and is in the room now: the member, or their representative.
    pub fn new(motion: MotionId, state: &State) -> RollCall {
        let voters = state
            .motion(&motion)
            .map(|m| state.voter_seats(m))
            .unwrap_or_default();
        let mut seats_taken = vec![false; state.people.len()];
        let mut rows = Vec::new();
        for (i, person) in state.people.iter().enumerate() {
            let seat = match person.role {
                Role::Member { .. } => i,
                Role::Representative { seat, .. } => seat,
                Role::Observer => continue,
            };
            if state.presence(i) != Presence::Present
                || seats_taken[seat]
                || !voters.contains(&seat)
            {
                continue;
            }
            seats_taken[seat] = true;
            rows.push((i, None));
        }
        RollCall {
            motion,
            rows,
            selected: 0,
        }
    }

    /// (yes, no, abstain, not yet called)
    pub fn counts(&self) -> (u32, u32, u32, u32) {
        let mut c = (0, 0, 0, 0);
        for (_, ballot) in &self.rows {
            match ballot {
                Some(Ballot::Yes) => c.0 += 1,
                Some(Ballot::No) => c.1 += 1,
                Some(Ballot::Abstain) => c.2 += 1,
                None => c.3 += 1,
            }
        }
        c
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum Dialog {
    Text {
        purpose: TextPurpose,
        editor: LineEditor,
        /// The question, already in the interface's language when it has numbers in it.
        question: Option<String>,
    },
    Picker(Picker<PickPurpose>),
    Counts(CountsForm),
    RollCall(RollCall),
    ChairRuling {
        motion: MotionId,
    },
}

impl Dialog {
    pub fn text(purpose: TextPurpose) -> Dialog {
        Dialog::Text {
            purpose,
            editor: LineEditor::new(),
            question: None,
        }
    }

    /// The line being typed, if this dialog has one.
    pub fn editor_mut(&mut self) -> Option<&mut LineEditor> {
        match self {
            Dialog::Text { editor, .. } => Some(editor),
            Dialog::Picker(p) => Some(&mut p.query),
            Dialog::Counts(form) => form.fields.get_mut(form.focus),
            Dialog::RollCall(_) | Dialog::ChairRuling { .. } => None,
        }
    }
}
