//! What the room sees of the meeting: a projection of the state holding only what the
//! published minutes hold (no join code, no dialogs, nothing being typed). Both the
//! page and `/state.json` are made from it, in both languages at once, so a viewer
//! switches language without asking the server.

use serde::Serialize;

use crate::domain::{Lang, Meeting, MotionId, Outcome, Side, Stamp};
use crate::i18n;

/// A text in both languages, as shown (the English falls back to the Chinese when a
/// text has no translation).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Both {
    pub zh: String,
    pub en: String,
}

impl Both {
    fn of(f: impl Fn(Lang) -> String) -> Both {
        Both {
            zh: f(Lang::ZhTw),
            en: f(Lang::En),
        }
    }

    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::ZhTw => &self.zh,
            Lang::En => &self.en,
        }
    }
}

/// The room's view of the meeting.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RoomView {
    /// "第 3 次 …論壇"
    pub title: Both,
    pub date: chrono::NaiveDate,
    pub started: Option<Stamp>,
    pub adjourned: Option<Stamp>,
    pub item: Option<ItemView>,
    pub motion: Option<MotionView>,
    pub attendance: AttendanceView,
    /// Who speaks now, and until when.
    pub speaker: Option<SpeakerView>,
    /// Who waits to speak on the current item, in order.
    pub queue: Vec<Both>,
    /// The balance of voice over the meeting so far: one line for each voice that
    /// spoke ("政府 12:30（5 次，48%）").
    pub voice: Vec<Both>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SpeakerView {
    pub name: Both,
    /// Their side, or observer / other.
    pub voice: Both,
    /// When their time runs out, while it runs.
    pub deadline: Option<Stamp>,
    /// Seconds left when paused (negative: over).
    pub paused_remaining: Option<i64>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ItemView {
    /// Its section (報告事項, 討論事項 …).
    pub section: Both,
    pub title: Both,
    pub started: Option<Stamp>,
    pub planned_minutes: u32,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct MotionView {
    pub text: Both,
    pub stage: Both,
    /// Where it ended, once decided.
    pub outcome: Option<OutcomeView>,
    /// Blocking objections raised in the current consensus round.
    pub objections: u32,
    /// The consent to vote, when taken: how many agreed against how many had to.
    pub consent: Option<Counted>,
    /// The vote, when counted.
    pub vote: Option<VoteView>,
    /// The counts as the page writes them: the consent, the vote.
    pub lines: Vec<Both>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct OutcomeView {
    pub words: Both,
    pub adopted: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Counted {
    pub count: u32,
    pub needed: u32,
    pub present: u32,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct VoteView {
    pub yes: u32,
    pub no: u32,
    pub abstain: u32,
    /// Yes votes needed to adopt, of `denominator` members.
    pub needed: u32,
    pub denominator: u32,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct AttendanceView {
    pub government: u32,
    pub government_seats: u32,
    pub non_government: u32,
    pub non_government_seats: u32,
    /// Members present, seats counted once.
    pub present: u32,
    /// How many must agree now to put a question to a vote (none: nobody present).
    pub to_open_vote: Option<u32>,
    /// How many yes votes adopt now.
    pub to_adopt: Option<u32>,
    /// As the page writes them: "政府 6/7", "非政府 7/7", "出席委員 13 人",
    /// "付表決需 7  通過需 7".
    pub government_line: Both,
    pub non_government_line: Both,
    pub present_line: Both,
    pub thresholds_line: Both,
}

impl RoomView {
    /// The room's view now. `focus` is the motion the facilitator has selected: shown
    /// when it is on the current item; otherwise the item's first open motion, or its
    /// last decided one.
    pub fn of(meeting: &Meeting, focus: Option<&MotionId>) -> RoomView {
        let state = meeting.state();
        let info = state.meeting();
        let current = state.current_item();
        let item = current.map(|i| ItemView {
            section: Both::of(|lang| i18n::section(i.item.section).get(lang).to_owned()),
            title: Both::of(|lang| i.item.title.get(lang).to_owned()),
            started: i.started,
            planned_minutes: i.item.planned_minutes,
        });
        let on_item: Vec<&crate::domain::MotionState> = current
            .map(|i| {
                state
                    .motions
                    .iter()
                    .filter(|m| m.motion.item == i.item.id)
                    .collect()
            })
            .unwrap_or_default();
        let shown = focus
            .and_then(|id| on_item.iter().find(|m| &m.motion.id == id))
            .or_else(|| on_item.iter().find(|m| m.outcome().is_none()))
            .or_else(|| on_item.last())
            .copied();
        let rules = &meeting.session().rules;
        let motion = shown.map(|m| {
            let round = m.round();
            let mut lines = Vec::new();
            if let Some(c) = m.consents.last() {
                lines.push(Both::of(|lang| {
                    let rule = i18n::threshold_words(rules.consent_to_vote, lang);
                    let present = c.stamp.present.total();
                    i18n::screen::consent_counts(c.agree, c.needed, present, &rule, lang)
                }));
            }
            if let Some(v) = &m.vote {
                let (yes, no, abstain) = v.tally.counts();
                lines.push(Both::of(|lang| {
                    let rule = i18n::threshold_words(rules.adoption, lang);
                    i18n::screen::vote_counts(yes, v.needed, v.denominator, &rule, lang)
                }));
                lines.push(Both::of(|lang| {
                    i18n::screen::against_abstain(no, abstain, lang)
                }));
            }
            MotionView {
                lines,
                text: Both::of(|lang| m.motion.text.get(lang).to_owned()),
                stage: Both::of(|lang| i18n::stage(m.stage).get(lang).to_owned()),
                outcome: m.outcome().map(|o: Outcome| OutcomeView {
                    words: Both::of(|lang| i18n::outcome(o).get(lang).to_owned()),
                    adopted: o.is_adopted(),
                }),
                objections: u32::try_from(
                    m.objections
                        .iter()
                        .filter(|o| o.round == round && o.blocking && o.by_member())
                        .count(),
                )
                .unwrap_or(u32::MAX),
                consent: m.consents.last().map(|c| Counted {
                    count: c.agree,
                    needed: c.needed,
                    present: c.stamp.present.total(),
                }),
                vote: m.vote.as_ref().map(|v| {
                    let (yes, no, abstain) = v.tally.counts();
                    VoteView {
                        yes,
                        no,
                        abstain,
                        needed: v.needed,
                        denominator: v.denominator,
                    }
                }),
            }
        });
        let now = meeting.session().log.last().map(|e| e.at).or(state.started);
        let speaker = state.speaking_now().map(|turn| {
            let name = state.speaker_name(&turn.speaker).to_owned();
            let voice = state.voice_of(&turn.speaker);
            SpeakerView {
                name: Both::of(|_| name.clone()),
                voice: Both::of(|lang| i18n::voice(voice).get(lang).to_owned()),
                deadline: (!turn.is_paused()).then(|| turn.deadline()),
                paused_remaining: turn
                    .is_paused()
                    .then(|| now.map_or(turn.allowed(), |now| turn.remaining(now))),
            }
        });
        let queue = current
            .map(|i| {
                state
                    .queue(&i.item.id)
                    .iter()
                    .map(|r| {
                        let name = state.speaker_name(&r.speaker).to_owned();
                        Both::of(|_| name.clone())
                    })
                    .collect()
            })
            .unwrap_or_default();
        let voice = match now {
            Some(now) => {
                let balance = state.voice(None, now);
                let shares = balance.percentages();
                crate::domain::Voice::ALL
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| balance.by_voice[*i].1 > 0)
                    .map(|(i, v)| {
                        let (seconds, turns) = balance.by_voice[i];
                        let share = shares.map_or(0, |s| s[i]);
                        Both::of(|lang| {
                            i18n::room::voice_line(
                                i18n::voice(*v).get(lang),
                                seconds,
                                turns,
                                share,
                                lang,
                            )
                        })
                    })
                    .collect()
            }
            None => Vec::new(),
        };
        let present = state.present_members();
        let seats = state.roster_balance();
        let live = state.live_thresholds();
        let anyone = live.present > 0;
        let side = |side: Side, present: u32, seats: u32| {
            Both::of(|lang| {
                i18n::screen::side_count(i18n::screen::side_short(side), present, seats, lang)
            })
        };
        RoomView {
            title: Both::of(|lang| i18n::screen::meeting_title(info.number, &info.title, lang)),
            date: info.date,
            started: state.started,
            adjourned: state.adjourned,
            item,
            motion,
            speaker,
            queue,
            voice,
            attendance: AttendanceView {
                government: present.government,
                government_seats: seats.government,
                non_government: present.non_government,
                non_government_seats: seats.non_government,
                present: live.present,
                to_open_vote: anyone.then_some(live.to_open_vote),
                to_adopt: anyone.then_some(live.to_adopt),
                government_line: side(Side::Government, present.government, seats.government),
                non_government_line: side(
                    Side::NonGovernment,
                    present.non_government,
                    seats.non_government,
                ),
                present_line: Both::of(|lang| i18n::screen::present_count(live.present, lang)),
                thresholds_line: Both::of(|lang| i18n::screen::live_thresholds(&live, lang)),
            },
        }
    }
}
