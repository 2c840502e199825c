//! The speaking queue and the balance of voice: who asked to speak on an item (the
//! queue, in order), who speaks now (a turn: its start, pauses, extra time granted,
//! end, against the time it was allowed), and how long each side spoke. A forum
//! that is half government and half civil society should be heard half and half;
//! `State::voice` says whether it was.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::agenda::{ItemId, Speaker};
use super::attendance::Role;
use super::error::DomainError;
use super::event::{Seq, Stamp};
use super::people::Side;
use super::state::State;

/// A request to speak, waiting in an item's queue.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Request {
    /// The event that made it: the request's name in later events.
    pub seq: Seq,
    pub speaker: Speaker,
    pub at: Stamp,
}

/// One turn at speaking.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Turn {
    /// The item under way when it began.
    pub item: Option<ItemId>,
    pub speaker: Speaker,
    pub started: Stamp,
    pub ended: Option<Stamp>,
    /// Pauses: when each began and, once resumed, ended.
    pub pauses: Vec<(Stamp, Option<Stamp>)>,
    /// The time allowed when it began, in seconds.
    pub limit_seconds: u32,
    /// Extra time granted since, in seconds.
    pub extra_seconds: u32,
}

impl Turn {
    /// Seconds spoken by `now` (or the end), pauses left out.
    pub fn spoken(&self, now: Stamp) -> i64 {
        let end = self.ended.unwrap_or(now);
        let paused: i64 = self
            .pauses
            .iter()
            .map(|(from, to)| (to.unwrap_or(end) - *from).num_seconds().max(0))
            .sum();
        ((end - self.started).num_seconds() - paused).max(0)
    }

    /// Seconds allowed: the limit and any extra time granted.
    pub fn allowed(&self) -> i64 {
        i64::from(self.limit_seconds) + i64::from(self.extra_seconds)
    }

    /// Seconds left (negative: over by that much).
    pub fn remaining(&self, now: Stamp) -> i64 {
        self.allowed() - self.spoken(now)
    }

    pub fn is_paused(&self) -> bool {
        self.pauses.last().is_some_and(|(_, to)| to.is_none())
    }

    /// When the time allowed runs out if nothing pauses it: fixed while it runs, so a
    /// clock elsewhere (the room's page) counts it down without being told.
    pub fn deadline(&self) -> Stamp {
        let paused: i64 = self
            .pauses
            .iter()
            .filter_map(|(from, to)| to.map(|to| (to - *from).num_seconds().max(0)))
            .sum();
        self.started + chrono::Duration::seconds(self.allowed() + paused)
    }

    /// How the turn stands against its time at `now`.
    pub fn phase(&self, now: Stamp) -> Phase {
        Phase::of(self.remaining(now), TURN_WARNING_SECONDS)
    }
}

/// A speaker is warned this many seconds before their time runs out.
pub const TURN_WARNING_SECONDS: i64 = 30;

/// An item's timer warns in the last tenth of its planned time, and never later than
/// a minute before the end.
pub fn item_warning_seconds(planned_seconds: i64) -> i64 {
    (planned_seconds / 10).max(60)
}

/// How a timer stands against the time it was given.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Phase {
    InTime,
    /// Within the warning before the end.
    Warning,
    /// Over: the overrun is counted from here.
    Over,
}

impl Phase {
    /// The phase of a timer with `left` seconds left that warns `warn` seconds before
    /// the end.
    pub fn of(left: i64, warn: i64) -> Phase {
        if left < 0 {
            Phase::Over
        } else if left <= warn {
            Phase::Warning
        } else {
            Phase::InTime
        }
    }
}

/// Whose voice a turn counts for: a member's side (a representative's is their
/// seat's), an observer, or someone not on the roster.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Voice {
    Government,
    NonGovernment,
    Observer,
    Other,
}

impl Voice {
    pub const ALL: [Voice; 4] = [
        Voice::Government,
        Voice::NonGovernment,
        Voice::Observer,
        Voice::Other,
    ];
}

/// Speaking time and turns, by voice and by speaker.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct VoiceBalance {
    /// Seconds and turns for each of `Voice::ALL`, in that order.
    pub by_voice: [(i64, u32); 4],
    /// Each speaker's seconds and turns, in the order they first spoke.
    pub by_speaker: Vec<(Speaker, Voice, i64, u32)>,
}

impl VoiceBalance {
    pub fn of(&self, voice: Voice) -> (i64, u32) {
        self.by_voice[Voice::ALL.iter().position(|v| *v == voice).unwrap_or(0)]
    }

    pub fn total_seconds(&self) -> i64 {
        self.by_voice.iter().map(|(s, _)| s).sum()
    }

    /// Each voice's share of the time, in whole percent adding up to 100 (largest
    /// remainders), or none when nobody has spoken.
    pub fn percentages(&self) -> Option<[u32; 4]> {
        let total = self.total_seconds();
        if total <= 0 {
            return None;
        }
        let exact: Vec<f64> = self
            .by_voice
            .iter()
            .map(|(s, _)| *s as f64 * 100.0 / total as f64)
            .collect();
        let mut whole: Vec<u32> = exact.iter().map(|e| e.floor() as u32).collect();
        let short = 100 - whole.iter().sum::<u32>();
        let mut order: Vec<usize> = (0..4).collect();
        order.sort_by(|&a, &b| {
            let (ra, rb) = (exact[a] - exact[a].floor(), exact[b] - exact[b].floor());
            rb.total_cmp(&ra)
        });
        for &i in order.iter().take(short as usize) {
            whole[i] += 1;
        }
        Some([whole[0], whole[1], whole[2], whole[3]])
    }
}

/// The queues and turns `State` keeps.
#[derive(Clone, Debug, Default, PartialEq)]
pub(super) struct Speaking {
    pub(super) queues: HashMap<ItemId, Vec<Request>>,
    pub(super) turns: Vec<Turn>,
    /// The turn under way, as an index into `turns`.
    pub(super) current: Option<usize>,
    /// Per-item limits set on the day, in seconds.
    pub(super) limits: HashMap<ItemId, u32>,
}

impl State {
    /// An item's queue, in order.
    pub fn queue(&self, item: &ItemId) -> &[Request] {
        self.speaking.queues.get(item).map_or(&[], |q| q.as_slice())
    }

    /// Every turn, in order.
    pub fn turns(&self) -> &[Turn] {
        &self.speaking.turns
    }

    /// When what `speaker` said at `at` began, if a turn says: the turn most recently
    /// begun by then, when it is theirs (a note typed after the turn ended counts for
    /// it until someone else has the floor).
    pub fn speech_began(&self, speaker: &Speaker, at: Stamp) -> Option<Stamp> {
        let turns = &self.speaking.turns;
        let begun = turns.partition_point(|t| t.started <= at);
        let turn = turns.get(begun.checked_sub(1)?)?;
        (&turn.speaker == speaker).then_some(turn.started)
    }

    /// The turn under way.
    pub fn speaking_now(&self) -> Option<&Turn> {
        self.speaking.current.map(|i| &self.speaking.turns[i])
    }

    /// The time a speaker is allowed on `item`: its own limit, or the rule book's.
    pub fn speaking_limit(&self, item: Option<&ItemId>) -> u32 {
        item.and_then(|i| self.speaking.limits.get(i))
            .copied()
            .unwrap_or(self.rules().speaking_seconds)
    }

    /// Whose voice `speaker` counts for.
    pub fn voice_of(&self, speaker: &Speaker) -> Voice {
        match speaker {
            Speaker::Named(_) => Voice::Other,
            Speaker::Person(id) => match self.person(id) {
                Some(p) if matches!(p.role, Role::Observer) => Voice::Observer,
                Some(p) => match p.side(&self.people) {
                    Some(Side::Government) => Voice::Government,
                    Some(Side::NonGovernment) => Voice::NonGovernment,
                    None => Voice::Other,
                },
                None => Voice::Other,
            },
        }
    }

    /// Speaking time and turns by voice and speaker, on `item` (or the whole meeting),
    /// counted to `now` for a turn under way.
    pub fn voice(&self, item: Option<&ItemId>, now: Stamp) -> VoiceBalance {
        let mut balance = VoiceBalance::default();
        for turn in &self.speaking.turns {
            if item.is_some_and(|i| turn.item.as_ref() != Some(i)) {
                continue;
            }
            let voice = self.voice_of(&turn.speaker);
            let seconds = turn.spoken(now);
            let slot = Voice::ALL.iter().position(|v| *v == voice).unwrap_or(3);
            balance.by_voice[slot].0 += seconds;
            balance.by_voice[slot].1 += 1;
            match balance
                .by_speaker
                .iter_mut()
                .find(|(s, ..)| *s == turn.speaker)
            {
                Some(entry) => {
                    entry.2 += seconds;
                    entry.3 += 1;
                }
                None => balance
                    .by_speaker
                    .push((turn.speaker.clone(), voice, seconds, 1)),
            }
        }
        balance
    }

    // ---- the events ----------------------------------------------------------------

    fn check_speaker(&self, speaker: &Speaker) -> Result<(), DomainError> {
        if let Speaker::Person(id) = speaker {
            self.person_index(id)?;
        }
        Ok(())
    }

    pub(super) fn request_to_speak(
        &mut self,
        seq: Seq,
        item: &ItemId,
        speaker: &Speaker,
        at: Stamp,
    ) -> Result<(), DomainError> {
        self.refuse_if_adjourned()?;
        self.item_position(item)?;
        self.check_speaker(speaker)?;
        let queue = self.speaking.queues.entry(item.clone()).or_default();
        if queue.iter().any(|r| &r.speaker == speaker) {
            let name = self.speaker_name(speaker).to_owned();
            return Err(DomainError::AlreadyQueued(name));
        }
        queue.push(Request {
            seq,
            speaker: speaker.clone(),
            at,
        });
        Ok(())
    }

    /// Where a request waits: its item's queue and its place in it.
    fn find_request(&self, request: Seq) -> Result<(ItemId, usize), DomainError> {
        self.speaking
            .queues
            .iter()
            .find_map(|(item, q)| {
                q.iter()
                    .position(|r| r.seq == request)
                    .map(|i| (item.clone(), i))
            })
            .ok_or(DomainError::UnknownRequest(request))
    }

    pub(super) fn withdraw_request(&mut self, request: Seq) -> Result<(), DomainError> {
        let (item, i) = self.find_request(request)?;
        if let Some(q) = self.speaking.queues.get_mut(&item) {
            q.remove(i);
        }
        Ok(())
    }

    pub(super) fn move_request(&mut self, request: Seq, up: bool) -> Result<(), DomainError> {
        let (item, i) = self.find_request(request)?;
        let Some(q) = self.speaking.queues.get_mut(&item) else {
            return Err(DomainError::UnknownRequest(request));
        };
        let other = if up { i.checked_sub(1) } else { Some(i + 1) };
        match other.filter(|&o| o < q.len()) {
            Some(o) => {
                q.swap(i, o);
                Ok(())
            }
            None => Err(DomainError::RequestAtQueueEdge),
        }
    }

    pub(super) fn start_speaking(
        &mut self,
        speaker: &Speaker,
        request: Option<Seq>,
        at: Stamp,
    ) -> Result<(), DomainError> {
        self.refuse_if_adjourned()?;
        self.check_speaker(speaker)?;
        if let Some(request) = request {
            let (item, i) = self.find_request(request)?;
            if let Some(q) = self.speaking.queues.get_mut(&item) {
                q.remove(i);
            }
        }
        self.end_turn(at);
        let item = self.current_item().map(|i| i.item.id.clone());
        let limit = self.speaking_limit(item.as_ref());
        self.speaking.turns.push(Turn {
            item,
            speaker: speaker.clone(),
            started: at,
            ended: None,
            pauses: Vec::new(),
            limit_seconds: limit,
            extra_seconds: 0,
        });
        self.speaking.current = Some(self.speaking.turns.len() - 1);
        Ok(())
    }

    fn current_turn_mut(&mut self) -> Result<&mut Turn, DomainError> {
        match self.speaking.current {
            Some(i) => Ok(&mut self.speaking.turns[i]),
            None => Err(DomainError::NobodySpeaking),
        }
    }

    pub(super) fn pause_speaking(&mut self, at: Stamp) -> Result<(), DomainError> {
        let turn = self.current_turn_mut()?;
        if turn.is_paused() {
            return Err(DomainError::SpeakingAlreadyPaused);
        }
        turn.pauses.push((at, None));
        Ok(())
    }

    pub(super) fn resume_speaking(&mut self, at: Stamp) -> Result<(), DomainError> {
        let turn = self.current_turn_mut()?;
        match turn.pauses.last_mut() {
            Some((_, to @ None)) => {
                *to = Some(at);
                Ok(())
            }
            _ => Err(DomainError::SpeakingNotPaused),
        }
    }

    pub(super) fn extend_speaking(&mut self, seconds: u32) -> Result<(), DomainError> {
        let turn = self.current_turn_mut()?;
        turn.extra_seconds = turn.extra_seconds.saturating_add(seconds);
        Ok(())
    }

    pub(super) fn end_speaking(&mut self, at: Stamp) -> Result<(), DomainError> {
        self.current_turn_mut()?;
        self.end_turn(at);
        Ok(())
    }

    pub(super) fn set_speaking_limit(
        &mut self,
        item: &ItemId,
        seconds: u32,
    ) -> Result<(), DomainError> {
        self.item_position(item)?;
        if seconds == 0 {
            return Err(DomainError::SpeakingLimitZero);
        }
        self.speaking.limits.insert(item.clone(), seconds);
        Ok(())
    }

    /// Ends the turn under way, if any (a pause in it ends with it).
    pub(super) fn end_turn(&mut self, at: Stamp) {
        if let Some(i) = self.speaking.current.take() {
            let turn = &mut self.speaking.turns[i];
            if let Some((_, to @ None)) = turn.pauses.last_mut() {
                *to = Some(at);
            }
            turn.ended = Some(at);
        }
    }
}
