//! The meeting as it stands: the log of events folded over the set-up.
//!
//! `State::apply` is the single place where an event changes the meeting; it refuses
//! events the rules do not allow, so a refused event never reaches the log.
//!
//! `State` is one type in three files: this one (set-up, the agenda, notes, and
//! applying events), `attendance.rs` (people, who is present, seats) and `motion.rs`
//! (the procedure that decides a motion). Each applies its own events.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use super::agenda::{AgendaItem, ItemId, Motion, MotionId, Section, Speaker};
use super::attendance::{Attendance, Person, Role};
use super::error::DomainError;
use super::event::{Author, Ballot, Event, EventKind, Note, NoteKind, Seq, Stamp, Tally};
use super::follow_up::FollowUpEntry;
use super::motion::{MotionState, Objection, Outcome, StageStamp};
use super::people::{Balance, Member, PersonId};
use super::rules::RuleBook;
use super::session::{MeetingInfo, Session};
use super::text::Text;

/// An agenda item with its actual times.
#[derive(Clone, Debug, PartialEq)]
pub struct ItemState {
    pub item: AgendaItem,
    pub started: Option<Stamp>,
    pub ended: Option<Stamp>,
    /// Added during the meeting (an extempore motion), not in the set-up.
    pub added_on_the_day: bool,
}

/// A note in the record, as last corrected.
#[derive(Clone, Debug, PartialEq)]
pub struct NoteEntry {
    pub seq: Seq,
    pub at: Stamp,
    pub by: Author,
    /// The note as last corrected: the log's own, shared, not a copy.
    pub note: Arc<Note>,
    /// How many times it was corrected.
    pub corrections: u32,
}

/// The meeting folded from its log.
#[derive(Clone, Debug, PartialEq)]
pub struct State {
    pub people: Vec<Person>,
    /// Who came and went, and what that makes of the room (kept by `attendance.rs`).
    pub(super) attendance: Attendance,
    roster_balance: Balance,
    /// The session's rule book, which every threshold is asked of.
    rules: RuleBook,

    pub items: Vec<ItemState>,
    item_index: HashMap<ItemId, usize>,
    pub current_item: Option<usize>,

    pub motions: Vec<MotionState>,
    motion_index: HashMap<MotionId, usize>,

    pub notes: Vec<NoteEntry>,
    note_index: HashMap<Seq, usize>,

    /// The follow-up table, with what the meeting recorded about each entry.
    pub follow_up: Vec<FollowUpEntry>,

    pub started: Option<Stamp>,
    pub adjourned: Option<Stamp>,
    /// Events that undo has taken back (and redo has not reinstated).
    pub retracted: HashSet<Seq>,
    /// How many events the log holds, retracted or not.
    pub log_len: usize,
    /// The last sequence number recorded from each note-taker's client.
    last_from_client: HashMap<String, u64>,
    /// Members added by events, after the set-up's: with it, the roster as it stands.
    added_members: Vec<Member>,
    /// The meeting's details: the set-up's, as changed since.
    meeting: MeetingInfo,
    /// People of the set-up's roster taken off it since.
    removed: Vec<PersonId>,
    /// The speaking queues and turns (kept by `speaking.rs`).
    pub(super) speaking: super::speaking::Speaking,
    /// The public's comments and their answers (kept by `comments.rs`).
    pub(super) comments: Vec<super::comments::CommentState>,
}

impl State {
    /// The set-up's roster with the members added since and every name, title and
    /// organisation as corrected: what the next meeting starts from.
    pub fn roster_as_it_stands(&self, session: &Session) -> super::people::Roster {
        let mut roster = session.roster.clone();
        roster.members.extend(self.added_members.iter().cloned());
        roster.members.retain(|m| !self.removed.contains(&m.id));
        roster
            .representatives
            .retain(|r| !self.removed.contains(&r.id));
        roster.observers.retain(|o| !self.removed.contains(&o.id));
        let now = |id: &PersonId| self.person_index(id).ok().map(|i| &self.people[i]);
        for member in &mut roster.members {
            if let Some(p) = now(&member.id) {
                member.name = p.name.clone();
                member.title = p.title.clone();
                member.organisation = p.organisation.clone();
            }
        }
        for rep in &mut roster.representatives {
            if let Some(p) = now(&rep.id) {
                rep.name = p.name.clone();
                rep.title = p.title.clone();
            }
        }
        for observer in &mut roster.observers {
            if let Some(p) = now(&observer.id) {
                observer.name = p.name.clone();
                observer.title = p.title.clone();
                observer.organisation = p.organisation.clone();
            }
        }
        roster
    }

    /// Gives back what the note list grew to beyond what it holds.
    pub(super) fn shrink_to_fit(&mut self) {
        self.notes.shrink_to_fit();
        self.note_index.shrink_to_fit();
    }

    /// The meeting before anything happened.
    pub fn from_setup(session: &Session) -> Result<State, DomainError> {
        let mut state = State {
            people: Vec::new(),
            attendance: Attendance::default(),
            roster_balance: session.roster.balance(),
            rules: session.rules.clone(),
            items: Vec::new(),
            item_index: HashMap::new(),
            current_item: None,
            motions: Vec::new(),
            motion_index: HashMap::new(),
            notes: Vec::new(),
            note_index: HashMap::new(),
            follow_up: Vec::new(),
            started: None,
            adjourned: None,
            retracted: HashSet::new(),
            log_len: 0,
            last_from_client: HashMap::new(),
            added_members: Vec::new(),
            meeting: session.meeting.clone(),
            removed: Vec::new(),
            speaking: Default::default(),
            comments: Vec::new(),
        };
        let roster = &session.roster;
        roster.validate()?;
        for member in &roster.members {
            state.add_person(Person {
                id: member.id.clone(),
                name: member.name.clone(),
                title: member.title.clone(),
                organisation: member.organisation.clone(),
                role: Role::Member {
                    category: member.category,
                    seat: member.seat,
                },
            })?;
        }
        for rep in &roster.representatives {
            state.add_representative(roster, rep)?;
        }
        for observer in &roster.observers {
            state.add_observer(observer)?;
        }
        for item in &session.agenda {
            state.add_item(item.clone(), false)?;
        }
        for motion in &session.motions {
            state.add_motion(motion.clone(), false)?;
        }
        state.check_chair(&session.meeting)?;
        for entry in &session.follow_up {
            if state.follow_up.iter().any(|e| e.number == entry.number) {
                return Err(DomainError::DuplicateId(format!(
                    "follow-up {}",
                    entry.number
                )));
            }
            state.follow_up.push(entry.clone());
        }
        Ok(state)
    }

    /// Folds a whole log: the events that count (not retracted), in order.
    pub fn fold<'a>(
        session: &Session,
        log: impl Iterator<Item = &'a Event> + Clone,
    ) -> Result<State, (Seq, DomainError)> {
        let mut state = State::from_setup(session).map_err(|e| (Seq(0), e))?;
        for event in log.clone() {
            state.log_len += 1;
            match event.kind {
                EventKind::Retracted { event: target } => {
                    state.retracted.insert(target);
                }
                EventKind::Reinstated { event: target } => {
                    state.retracted.remove(&target);
                }
                _ => {}
            }
        }
        for event in log {
            if event.kind.is_correction() || state.retracted.contains(&event.seq) {
                continue;
            }
            state
                .apply(session, event)
                .map_err(|error| (event.seq, error))?;
        }
        Ok(state)
    }

    // ---- set-up -------------------------------------------------------------------

    fn add_item(&mut self, item: AgendaItem, added_on_the_day: bool) -> Result<(), DomainError> {
        if self.item_index.contains_key(&item.id) {
            return Err(DomainError::DuplicateId(item.id.0.clone()));
        }
        // Keep the agenda in the rules' order: an item added on the day goes after the
        // last item of its section.
        let position = self
            .items
            .iter()
            .position(|existing| existing.item.section > item.section)
            .unwrap_or(self.items.len());
        self.items.insert(
            position,
            ItemState {
                item,
                started: None,
                ended: None,
                added_on_the_day,
            },
        );
        if let Some(current) = self.current_item.as_mut()
            && *current >= position
        {
            *current += 1;
        }
        self.reindex_items();
        Ok(())
    }

    /// After the agenda's order changed: each item's position again.
    fn reindex_items(&mut self) {
        self.item_index = self
            .items
            .iter()
            .enumerate()
            .map(|(i, state)| (state.item.id.clone(), i))
            .collect();
    }

    pub(super) fn add_motion(
        &mut self,
        motion: Motion,
        added_on_the_day: bool,
    ) -> Result<(), DomainError> {
        if self.motion_index.contains_key(&motion.id) {
            return Err(DomainError::DuplicateId(motion.id.0.clone()));
        }
        self.item_position(&motion.item)?;
        if let Some(Speaker::Person(id)) = &motion.proposer {
            self.person_index(id)?;
        }
        self.motion_index
            .insert(motion.id.clone(), self.motions.len());
        self.motions
            .push(MotionState::new(motion, added_on_the_day));
        Ok(())
    }

    /// Whether a motion may be put on `item` on the day: one that takes motions.
    pub fn check_motion_item(&self, item: &ItemId) -> Result<(), DomainError> {
        let item = &self.items[self.item_position(item)?].item;
        if item.section.takes_motions() {
            Ok(())
        } else {
            Err(DomainError::ItemTakesNoMotions {
                item: item.id.clone(),
                title: item.title.text.clone(),
            })
        }
    }

    /// A chair named in the details must be a member or representative on the roster.
    fn check_chair(&self, info: &MeetingInfo) -> Result<(), DomainError> {
        let Some(chair) = &info.chair else {
            return Ok(());
        };
        match self.person(chair) {
            Some(p) if !matches!(p.role, Role::Observer) => Ok(()),
            Some(p) => Err(DomainError::ChairNotOnRoster {
                name: p.name.text.clone(),
            }),
            None => Err(DomainError::ChairNotOnRoster {
                name: chair.0.clone(),
            }),
        }
    }

    /// Whether the person at `index` did anything at the meeting that the record
    /// names them in: arrived, sent apologies, had someone sit in their seat, spoke or
    /// was given an action in a note, proposed, objected to, amended or voted on a
    /// motion.
    fn took_part(&self, index: usize) -> bool {
        let id = &self.people[index].id;
        let named = |s: Option<&Speaker>| matches!(s, Some(Speaker::Person(p)) if p == id);
        !self.stints(index).is_empty()
            || self.is_excused(index)
            || self.meeting.chair.as_ref() == Some(id)
            || self.people.iter().any(
                |p| matches!(&p.role, Role::Representative { for_member, .. } if for_member == id),
            ) || self.notes.iter().any(|n| {
            named(n.note.speaker.as_ref())
                || matches!(&n.note.kind, NoteKind::Action { owner, .. } if named(owner.as_ref()))
        }) || self.motions.iter().any(|m| {
            named(m.motion.proposer.as_ref())
                || m.objections.iter().any(|o| named(Some(&o.speaker)))
                || m.amendments.iter().any(|a| named(a.proposer.as_ref()))
                || matches!(&m.vote, Some(v) if v.tally.names(id))
        })
    }

    /// Takes the person at `index` off the roster: the people after them move up one
    /// place, and every index that pointed past them with them.
    fn remove_person(&mut self, index: usize) {
        let person = self.people.remove(index);
        if let Role::Member { category, .. } = person.role {
            self.roster_balance.remove(category.side());
        }
        for p in &mut self.people {
            if let Role::Representative { seat, .. } = &mut p.role
                && *seat > index
            {
                *seat -= 1;
            }
        }
        self.remove_attendance(index);
        let before = self.added_members.len();
        self.added_members.retain(|m| m.id != person.id);
        if self.added_members.len() == before {
            self.removed.push(person.id);
        }
    }

    // ---- queries ------------------------------------------------------------------

    /// The meeting's details as they stand: what every title, date and venue shown or
    /// written is read from.
    pub fn meeting(&self) -> &MeetingInfo {
        &self.meeting
    }

    pub fn item_position(&self, id: &ItemId) -> Result<usize, DomainError> {
        self.item_index
            .get(id)
            .copied()
            .ok_or_else(|| DomainError::UnknownItem(id.clone()))
    }

    pub fn item(&self, id: &ItemId) -> Option<&ItemState> {
        self.item_index.get(id).map(|&i| &self.items[i])
    }

    pub fn motion_position(&self, id: &MotionId) -> Result<usize, DomainError> {
        self.motion_index
            .get(id)
            .copied()
            .ok_or_else(|| DomainError::UnknownMotion(id.clone()))
    }

    pub fn motion(&self, id: &MotionId) -> Option<&MotionState> {
        self.motion_index.get(id).map(|&i| &self.motions[i])
    }

    pub fn note(&self, seq: Seq) -> Option<&NoteEntry> {
        self.note_index.get(&seq).map(|&i| &self.notes[i])
    }

    /// The name a speaker is shown with.
    pub fn speaker_name<'a>(&'a self, speaker: &'a Speaker) -> &'a str {
        match speaker {
            Speaker::Person(id) => self.person(id).map_or(id.0.as_str(), |p| &p.name.text),
            Speaker::Named(name) => name,
        }
    }

    pub fn current_item(&self) -> Option<&ItemState> {
        self.current_item.map(|i| &self.items[i])
    }

    /// Motions of an agenda item, in order.
    pub fn motions_of<'a>(&'a self, item: &'a ItemId) -> impl Iterator<Item = &'a MotionState> {
        self.motions.iter().filter(move |m| &m.motion.item == item)
    }

    /// The rule book the meeting decides under.
    pub fn rules(&self) -> &RuleBook {
        &self.rules
    }

    /// Members on the roster, by side.
    pub fn roster_balance(&self) -> Balance {
        self.roster_balance
    }

    pub(super) fn stamp(&self, at: Stamp) -> StageStamp {
        StageStamp {
            at,
            present: self.present_members(),
        }
    }

    // ---- events -------------------------------------------------------------------

    /// Applies one ordinary event, or refuses it and leaves the state as it was.
    pub fn apply(&mut self, session: &Session, event: &Event) -> Result<(), DomainError> {
        if let Author::NoteTaker(_) = event.by
            && !matches!(
                event.kind,
                EventKind::NoteAdded(_) | EventKind::NoteCorrected { .. }
            )
        {
            return Err(DomainError::NoteTakerMayOnlyTakeNotes);
        }
        if let Some(origin) = &event.origin
            && self.last_from(&origin.client) >= Some(origin.seq)
        {
            return Err(DomainError::AlreadyRecorded {
                client: origin.client.clone(),
                seq: origin.seq,
            });
        }
        self.apply_kind(session, event)?;
        if let Some(origin) = &event.origin {
            self.last_from_client
                .insert(origin.client.clone(), origin.seq);
        }
        Ok(())
    }

    /// The last sequence number recorded from a note-taker's client.
    pub fn last_from(&self, client: &str) -> Option<u64> {
        self.last_from_client.get(client).copied()
    }

    fn apply_kind(&mut self, session: &Session, event: &Event) -> Result<(), DomainError> {
        let at = event.at;
        match &event.kind {
            EventKind::MeetingStarted => {
                if self.started.is_some() {
                    return Err(DomainError::AlreadyStarted);
                }
                self.started = Some(at);
            }
            EventKind::MeetingAdjourned => {
                self.refuse_if_adjourned()?;
                self.end_turn(at);
                self.end_current_item(at);
                self.started.get_or_insert(at);
                self.adjourned = Some(at);
            }
            EventKind::Arrived { person } => self.arrive(person, at)?,
            EventKind::Left { person } => self.leave(person, at)?,
            EventKind::Excused { person } => self.excuse(person)?,
            EventKind::RepresentativeAdded(rep) => {
                let roster = self.roster_as_it_stands(session);
                self.add_representative(&roster, rep)?;
            }
            EventKind::ObserverAdded(observer) => {
                self.add_observer(observer)?;
            }
            EventKind::ItemStarted { item } => {
                self.refuse_if_adjourned()?;
                let position = self.item_position(item)?;
                // A turn at speaking belongs to its item: another item ends it.
                self.end_turn(at);
                self.end_current_item(at);
                self.started.get_or_insert(at);
                let state = &mut self.items[position];
                // Coming back to an item keeps its first start and reopens it.
                state.started.get_or_insert(at);
                state.ended = None;
                self.current_item = Some(position);
            }
            EventKind::ItemEnded { item } => {
                let position = self.item_position(item)?;
                if self.current_item != Some(position) {
                    return Err(DomainError::NotCurrentItem {
                        item: item.clone(),
                        title: self.items[position].item.title.text.clone(),
                    });
                }
                self.end_turn(at);
                self.end_current_item(at);
            }
            EventKind::MemberAdded(member) => {
                self.refuse_if_adjourned()?;
                // The roster as it would stand, checked as on load.
                let mut roster = self.roster_as_it_stands(session);
                roster.members.push(Member::clone(member));
                roster.validate()?;
                self.add_person(Person {
                    id: member.id.clone(),
                    name: member.name.clone(),
                    title: member.title.clone(),
                    organisation: member.organisation.clone(),
                    role: Role::Member {
                        category: member.category,
                        seat: member.seat,
                    },
                })?;
                self.roster_balance.add(member.category.side());
                self.added_members.push(Member::clone(member));
            }
            EventKind::PersonRemoved { person } => {
                self.refuse_if_adjourned()?;
                let index = self.person_index(person)?;
                if self.took_part(index) {
                    return Err(DomainError::PersonInUse {
                        name: self.people[index].name.text.clone(),
                    });
                }
                self.remove_person(index);
            }
            EventKind::PersonCorrected {
                person,
                name,
                title,
                organisation,
            } => {
                if name.text.trim().is_empty() {
                    return Err(DomainError::NameEmpty);
                }
                let index = self.person_index(person)?;
                let corrected = &mut self.people[index];
                corrected.name = Text::clone(name);
                corrected.title = Text::clone(title);
                corrected.organisation = Text::clone(organisation);
            }
            EventKind::MeetingDetailsChanged(info) => {
                if info.title.text.trim().is_empty() {
                    return Err(DomainError::TitleEmpty);
                }
                if let (Some(start), Some(end)) = (info.planned_start, info.planned_end)
                    && end <= start
                {
                    return Err(DomainError::PlannedEndNotAfterStart);
                }
                self.check_chair(info)?;
                self.meeting = MeetingInfo::clone(info);
            }
            EventKind::ItemAdded(item) => {
                self.refuse_if_adjourned()?;
                self.add_item(AgendaItem::clone(item), true)?;
            }
            EventKind::ItemChanged(item) => {
                self.refuse_if_adjourned()?;
                let position = self.item_position(&item.id)?;
                let current = &self.items[position].item;
                if current.section != item.section {
                    return Err(DomainError::ItemSectionChanged {
                        title: current.title.text.clone(),
                    });
                }
                self.items[position].item = AgendaItem::clone(item);
            }
            EventKind::ItemMoved { item, up } => {
                self.refuse_if_adjourned()?;
                let position = self.item_position(item)?;
                let section = self.items[position].item.section;
                let other = if *up {
                    position.checked_sub(1)
                } else {
                    Some(position + 1)
                }
                .filter(|&i| self.items.get(i).is_some_and(|s| s.item.section == section));
                let Some(other) = other else {
                    return Err(DomainError::ItemAtSectionEdge {
                        title: self.items[position].item.title.text.clone(),
                    });
                };
                self.items.swap(position, other);
                self.current_item = self.current_item.map(|c| match c {
                    c if c == position => other,
                    c if c == other => position,
                    c => c,
                });
                self.reindex_items();
            }
            EventKind::ItemRemoved { item } => {
                self.refuse_if_adjourned()?;
                let position = self.item_position(item)?;
                let state = &self.items[position];
                let in_use = state.started.is_some()
                    || self.motions.iter().any(|m| &m.motion.item == item)
                    || self
                        .notes
                        .iter()
                        .any(|n| n.note.item.as_ref() == Some(item))
                    || self.comments_on(Some(item)).next().is_some();
                if in_use {
                    return Err(DomainError::ItemInUse {
                        title: state.item.title.text.clone(),
                    });
                }
                self.items.remove(position);
                if let Some(current) = self.current_item.as_mut()
                    && *current > position
                {
                    *current -= 1;
                }
                self.reindex_items();
            }
            EventKind::MotionAdded(motion) => {
                self.refuse_if_adjourned()?;
                self.check_motion_item(&motion.item)?;
                if let Some(proposer) = &motion.proposer {
                    self.check_proposer(proposer)?;
                }
                self.add_motion(Motion::clone(motion), true)?;
            }
            EventKind::MotionSplit {
                motion,
                kept,
                new_motion,
                text,
                proposer,
            } => {
                self.refuse_if_adjourned()?;
                self.split(motion, kept, (new_motion, text), proposer.as_ref(), at)?;
            }
            EventKind::SpeakerRequested { item, speaker } => {
                self.request_to_speak(event.seq, item, speaker, at)?
            }
            EventKind::SpeakerRequestWithdrawn { request } => self.withdraw_request(*request)?,
            EventKind::SpeakerRequestMoved { request, up } => self.move_request(*request, *up)?,
            EventKind::SpeakingStarted { speaker, request } => {
                self.start_speaking(speaker, *request, at)?
            }
            EventKind::SpeakingPaused => self.pause_speaking(at)?,
            EventKind::SpeakingResumed => self.resume_speaking(at)?,
            EventKind::SpeakingExtended { seconds } => self.extend_speaking(*seconds)?,
            EventKind::SpeakingEnded => self.end_speaking(at)?,
            EventKind::SpeakingLimitSet { item, seconds } => {
                self.set_speaking_limit(item, *seconds)?
            }
            EventKind::CommentsImported { comments } => self.import_comments(comments)?,
            EventKind::CommentAnswered {
                comment,
                status,
                response,
            } => self.answer_comment(comment, *status, response, at)?,
            EventKind::ConsensusRoundOpened { motion } => self.open_round(motion, at)?,
            EventKind::MotionAmended {
                motion,
                text,
                proposer,
            } => self.amend(motion, text, proposer.as_ref(), at)?,
            EventKind::ObjectionRaised {
                motion,
                speaker,
                reason,
                blocking,
            } => self.raise_objection(
                motion,
                Objection {
                    at,
                    speaker: speaker.clone(),
                    reason: reason.clone(),
                    blocking: *blocking,
                    round: 0,
                },
            )?,
            EventKind::ConsensusRoundClosed { motion } => self.close_round(motion, at)?,
            EventKind::ConsentToVoteTaken { motion, agree } => {
                self.take_consent(motion, *agree, at)?
            }
            EventKind::VoteTaken { motion, tally } => self.count_vote(motion, tally, at)?,
            EventKind::ChairRuled { motion, adopted } => self.chair_rules(motion, *adopted, at)?,
            EventKind::MotionDeferred { motion } => {
                self.close_undecided(motion, Outcome::Deferred, at)?
            }
            EventKind::MotionWithdrawn { motion } => {
                self.close_undecided(motion, Outcome::Withdrawn, at)?
            }
            EventKind::FollowUpRecorded {
                entry,
                action_taken,
                status,
            } => {
                self.check_follow_up(*entry)?;
                let Some(row) = self.follow_up.iter_mut().find(|e| e.number == *entry) else {
                    return Err(DomainError::UnknownFollowUp(*entry));
                };
                row.action_taken = action_taken.clone();
                row.status = *status;
            }
            EventKind::NoteAdded(note) => {
                self.check_note(note)?;
                self.note_index.insert(event.seq, self.notes.len());
                self.notes.push(NoteEntry {
                    seq: event.seq,
                    at,
                    by: event.by.clone(),
                    note: Arc::clone(note),
                    corrections: 0,
                });
            }
            EventKind::NoteCorrected { note, corrected } => {
                let index = *self
                    .note_index
                    .get(note)
                    .ok_or(DomainError::UnknownNote(*note))?;
                if event.by != Author::Facilitator && self.notes[index].by != event.by {
                    return Err(DomainError::NotYourNote);
                }
                self.check_note(corrected)?;
                let entry = &mut self.notes[index];
                entry.note = Arc::clone(corrected);
                entry.corrections += 1;
            }
            EventKind::Retracted { .. } | EventKind::Reinstated { .. } => {
                return Err(DomainError::NotRetractable(event.seq));
            }
        }
        Ok(())
    }

    /// Whether `proposer` may move a motion on the day: a member present (a name typed
    /// in is kept as typed, someone the roster does not know).
    pub fn check_proposer(&self, proposer: &Speaker) -> Result<(), DomainError> {
        match proposer {
            Speaker::Person(id) => self.seat_acting(self.person_index(id)?).map(|_| ()),
            Speaker::Named(_) => Ok(()),
        }
    }

    pub(super) fn refuse_if_adjourned(&self) -> Result<(), DomainError> {
        match self.adjourned {
            Some(_) => Err(DomainError::Adjourned),
            None => Ok(()),
        }
    }

    pub(super) fn motion_mut(&mut self, id: &MotionId) -> Result<&mut MotionState, DomainError> {
        let position = self.motion_position(id)?;
        Ok(&mut self.motions[position])
    }

    fn end_current_item(&mut self, at: Stamp) {
        if let Some(current) = self.current_item.take() {
            self.items[current].ended = Some(at);
        }
    }

    fn check_note(&self, note: &Note) -> Result<(), DomainError> {
        if let Some(Speaker::Person(id)) = &note.speaker {
            self.person_index(id)?;
        }
        if let super::event::NoteKind::Action {
            owner: Some(Speaker::Person(id)),
            ..
        } = &note.kind
        {
            self.person_index(id)?;
        }
        if let Some(item) = &note.item {
            self.item_position(item)?;
        }
        Ok(())
    }

    /// The first item of a section, for jumping the agenda.
    pub fn first_item_of(&self, section: Section) -> Option<usize> {
        self.items.iter().position(|i| i.item.section == section)
    }

    /// Roll-call ballots by seat, for showing who voted what.
    pub fn ballot_of(tally: &Tally, person: &PersonId) -> Option<Ballot> {
        match tally {
            Tally::RollCall(ballots) => ballots.iter().find(|(p, _)| p == person).map(|(_, b)| *b),
            Tally::Counts { .. } => None,
        }
    }
}
