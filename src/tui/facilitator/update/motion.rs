//! The motion panel's actions: the procedure in order. Whether a step may be taken
//! now, and why not, is the domain's answer (`State::check_step`), asked before a
//! dialog opens so the facilitator never types into one that would be refused.

use super::Effect;
use super::recording::record;
use crate::domain::{EventKind, ItemId, Motion, MotionId, Speaker, Text};
use crate::i18n::{refusals, screen as s};
use crate::tui::facilitator::action::Action;
use crate::tui::facilitator::app::App;
use crate::tui::facilitator::dialog::{CountsForm, Dialog, PickPurpose, RollCall, TextPurpose};
use crate::tui::shared::picker::Picker;

pub(super) fn update(app: &mut App, action: Action) -> Vec<Effect> {
    use Action as A;
    match action {
        A::PreviousMotion | A::NextMotion => {
            let n = app.shown_motions().len();
            if n > 0 {
                let current = app.motion.selected.min(n - 1);
                app.motion.selected = if action == A::NextMotion {
                    (current + 1) % n
                } else {
                    (current + n - 1) % n
                };
            }
        }
        A::OpenConsensusRound => {
            return on_motion(app, |motion| EventKind::ConsensusRoundOpened { motion });
        }
        A::RecordObjection | A::RecordReservation => {
            let blocking = action == A::RecordObjection;
            if let Some(motion) = motion_for(app, action) {
                let picker = Picker::new(PickPurpose::Objector { motion, blocking }, app.state());
                app.dialog = Some(Dialog::Picker(picker));
            }
        }
        A::CloseConsensusRound => {
            return on_motion(app, |motion| EventKind::ConsensusRoundClosed { motion });
        }
        A::TakeConsentToVote => {
            if let Some(motion) = motion_for(app, action) {
                let live = app.state().live_thresholds();
                let question = s::ask_consent(live.present, live.to_open_vote, app.lang);
                app.dialog = Some(Dialog::Text {
                    purpose: TextPurpose::ConsentCount { motion },
                    editor: Default::default(),
                    question: Some(question),
                });
            }
        }
        A::VoteByCounts => {
            if let Some(motion) = motion_for(app, action) {
                app.dialog = Some(Dialog::Counts(CountsForm {
                    motion,
                    fields: Default::default(),
                    focus: 0,
                }));
            }
        }
        A::VoteByRollCall => {
            if let Some(motion) = motion_for(app, action) {
                app.dialog = Some(Dialog::RollCall(RollCall::new(motion, app.state())));
            }
        }
        A::AskChairRuling => {
            if let Some(motion) = motion_for(app, action) {
                app.dialog = Some(Dialog::ChairRuling { motion });
            }
        }
        A::DeferMotion => return on_motion(app, |motion| EventKind::MotionDeferred { motion }),
        A::WithdrawMotion => return on_motion(app, |motion| EventKind::MotionWithdrawn { motion }),
        A::AddMotion => {
            let Some(item) = app
                .item_in_view()
                .map(|i| app.state().items[i].item.id.clone())
            else {
                app.refuse(s::NO_MOTION_SELECTED.get(app.lang));
                return Vec::new();
            };
            // Asked before the text is typed: a report takes no motions.
            if let Err(error) = app.state().check_motion_item(&item) {
                app.refuse(refusals::refusal(&error, app.lang));
                return Vec::new();
            }
            app.dialog = Some(Dialog::text(TextPurpose::NewMotionText { item }));
        }
        // Both open the motion's text as it stands: to amend it, or for the part it
        // keeps when split.
        A::AmendMotion | A::SplitMotion => {
            if let Some(motion) = motion_for(app, action) {
                let text = app
                    .state()
                    .motion(&motion)
                    .map(|m| m.motion.text.text.clone())
                    .unwrap_or_default();
                let purpose = if action == A::AmendMotion {
                    TextPurpose::MotionText { motion }
                } else {
                    TextPurpose::SplitKept { motion }
                };
                app.dialog = Some(Dialog::Text {
                    purpose,
                    editor: crate::tui::shared::line_editor::LineEditor::with_text(&text),
                    question: None,
                });
            }
        }
        // The other panels' actions are routed to their own files.
        _ => {}
    }
    Vec::new()
}

/// The selected motion's id, if the panel shows one.
fn selected_motion_id(app: &mut App) -> Option<MotionId> {
    match app.selected_motion() {
        Some(i) => Some(app.state().motions[i].motion.id.clone()),
        None => {
            app.refuse(s::NO_MOTION_SELECTED.get(app.lang));
            None
        }
    }
}

fn on_motion(app: &mut App, kind: impl FnOnce(MotionId) -> EventKind) -> Vec<Effect> {
    match selected_motion_id(app) {
        Some(motion) => record(app, kind(motion)),
        None => Vec::new(),
    }
}

/// The selected motion if the meeting allows `action`'s step on it now; otherwise
/// says why (what comes first), before the facilitator types anything into a dialog
/// that would be refused.
fn motion_for(app: &mut App, action: Action) -> Option<MotionId> {
    let motion = selected_motion_id(app)?;
    let step = action.step()?;
    match app.state().check_step(&motion, step) {
        Ok(()) => Some(motion),
        Err(error) => {
            let text = refusals::refusal(&error, app.lang);
            app.refuse(text);
            None
        }
    }
}

/// An id for a new motion on `item`: the item's id, numbered.
pub(super) fn fresh_motion_id(state: &crate::domain::State, item: &ItemId) -> MotionId {
    (1..)
        .map(|n| MotionId::new(format!("{}-m{n}", item.0)))
        .find(|id| state.motion(id).is_none())
        .unwrap_or_else(|| MotionId::new(item.0.clone()))
}

/// The split's second step, after the part the motion keeps: the rest. A draft is
/// split at once; once the room has had it, who asked for the split is asked.
pub(super) fn split_motion(
    app: &mut App,
    motion: MotionId,
    kept: String,
    rest: &str,
) -> Vec<Effect> {
    if rest.trim().is_empty() {
        app.refuse(s::TEXT_REQUIRED.get(app.lang));
        return Vec::new();
    }
    let draft =
        app.state().motion(&motion).map(|m| m.stage) == Some(crate::domain::Stage::Proposed);
    if draft {
        return record_split(app, motion, kept, rest.trim().to_owned(), None);
    }
    let picker = crate::tui::shared::picker::Picker::new(
        PickPurpose::SplitProposer {
            motion,
            kept,
            rest: rest.trim().to_owned(),
        },
        app.state(),
    );
    app.dialog = Some(Dialog::Picker(picker));
    Vec::new()
}

/// Records the split, and selects the new motion.
pub(super) fn record_split(
    app: &mut App,
    motion: MotionId,
    kept: String,
    rest: String,
    proposer: Option<Speaker>,
) -> Vec<Effect> {
    let Some(item) = app.state().motion(&motion).map(|m| m.motion.item.clone()) else {
        return Vec::new();
    };
    let new_motion = fresh_motion_id(app.state(), &item);
    let kind = EventKind::MotionSplit {
        motion,
        kept: Box::new(Text::new(kept)),
        new_motion,
        text: Box::new(Text::new(rest)),
        proposer,
    };
    let effects = super::recording::record_from_dialog(app, kind);
    if !effects.is_empty() {
        app.motion.selected = app.shown_motions().len().saturating_sub(1);
    }
    effects
}

/// Puts a new motion on `item`, numbered after the item's id, and selects it.
pub(super) fn add_motion(
    app: &mut App,
    item: ItemId,
    text: &str,
    proposer: Option<Speaker>,
) -> Vec<Effect> {
    let id = fresh_motion_id(app.state(), &item);
    let motion = Motion {
        id,
        item,
        text: Text::new(text),
        proposer,
    };
    let effects =
        super::recording::record_from_dialog(app, EventKind::MotionAdded(Box::new(motion)));
    if !effects.is_empty() {
        app.motion.selected = app.shown_motions().len().saturating_sub(1);
    }
    effects
}
