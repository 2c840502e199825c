//! The dialogs' actions: what confirming each records, the vote counts' fields, the
//! roll call's ballots and the chair's ruling.

use super::Effect;
use super::agenda::add_extempore_motion;
use super::attendance::{add_person_and_arrive, fresh_person_id};
use super::follow_up::record_action_taken;
use super::notes::record_note;
use super::recording::record_from_dialog;
use crate::domain::{
    Ballot, EventKind, NoteKind, Observer, PersonId, Representative, Speaker, Tally, Text,
};
use crate::i18n::screen as s;
use crate::tui::facilitator::action::Action;
use crate::tui::facilitator::app::App;
use crate::tui::facilitator::dialog::{Dialog, PickPurpose, TextPurpose};
use crate::tui::shared::picker::Picker;

pub(super) fn update(app: &mut App, action: Action) -> Vec<Effect> {
    use Action as A;
    match action {
        A::NextField | A::PreviousField => {
            if let Some(Dialog::Counts(form)) = &mut app.dialog {
                form.focus = if action == A::NextField {
                    (form.focus + 1) % 3
                } else {
                    (form.focus + 2) % 3
                };
            }
        }
        A::BallotYes => mark_ballot(app, Some(Ballot::Yes)),
        A::BallotNo => mark_ballot(app, Some(Ballot::No)),
        A::BallotAbstain => mark_ballot(app, Some(Ballot::Abstain)),
        A::ClearBallot => mark_ballot(app, None),
        A::ChairAdopts | A::ChairRejects => {
            if let Some(Dialog::ChairRuling { motion }) = &app.dialog {
                let kind = EventKind::ChairRuled {
                    motion: motion.clone(),
                    adopted: action == A::ChairAdopts,
                };
                return record_from_dialog(app, kind);
            }
        }
        // The other panels' actions are routed to their own files.
        _ => {}
    }
    Vec::new()
}

pub(super) fn confirm(app: &mut App) -> Vec<Effect> {
    let Some(dialog) = app.dialog.clone() else {
        return Vec::new();
    };
    match dialog {
        Dialog::Text {
            purpose, editor, ..
        } => confirm_text(app, purpose, editor.as_str().trim()),
        Dialog::Picker(picker) => {
            let choice = picker.choice(app.state());
            confirm_pick(app, picker.purpose, choice)
        }
        Dialog::Counts(form) => {
            let counts: Vec<Option<u32>> = form
                .fields
                .iter()
                .map(|f| crate::typed::count(f.as_str(), true))
                .collect();
            let (Some(yes), Some(no), Some(abstain)) = (counts[0], counts[1], counts[2]) else {
                app.refuse(s::NOT_A_NUMBER.get(app.lang));
                return Vec::new();
            };
            let tally = Tally::Counts { yes, no, abstain };
            record_from_dialog(
                app,
                EventKind::VoteTaken {
                    motion: form.motion,
                    tally,
                },
            )
        }
        Dialog::RollCall(roll) => {
            let state = app.state();
            let ballots: Vec<(PersonId, Ballot)> = roll
                .rows
                .iter()
                .filter_map(|(i, b)| b.map(|b| (state.people[*i].id.clone(), b)))
                .collect();
            record_from_dialog(
                app,
                EventKind::VoteTaken {
                    motion: roll.motion,
                    tally: Tally::RollCall(ballots),
                },
            )
        }
        Dialog::ChairRuling { .. } => Vec::new(),
    }
}

fn confirm_text(app: &mut App, purpose: TextPurpose, text: &str) -> Vec<Effect> {
    match purpose {
        TextPurpose::ObserverName => {
            if text.is_empty() {
                app.refuse(s::NAME_REQUIRED.get(app.lang));
                return Vec::new();
            }
            let id = fresh_person_id(app, "observer");
            let observer = Observer {
                id: id.clone(),
                name: Text::new(text),
                title: Text::default(),
                organisation: Text::default(),
            };
            add_person_and_arrive(app, EventKind::ObserverAdded(Box::new(observer)), id)
        }
        TextPurpose::RepresentativeName { for_member } => {
            if text.is_empty() {
                app.refuse(s::NAME_REQUIRED.get(app.lang));
                return Vec::new();
            }
            app.dialog = Some(Dialog::text(TextPurpose::RepresentativeTitle {
                for_member,
                name: text.to_owned(),
            }));
            Vec::new()
        }
        TextPurpose::RepresentativeTitle { for_member, name } => {
            let member = app.state().people[for_member].id.clone();
            let id = fresh_person_id(app, &format!("{member}-rep"));
            let rep = Representative {
                id: id.clone(),
                for_member: member,
                name: Text::new(name),
                title: Text::new(text),
            };
            add_person_and_arrive(app, EventKind::RepresentativeAdded(Box::new(rep)), id)
        }
        TextPurpose::ExtemporeText => {
            if text.is_empty() {
                app.refuse(s::TEXT_REQUIRED.get(app.lang));
                return Vec::new();
            }
            let picker = Picker::new(
                PickPurpose::Proposer {
                    text: text.to_owned(),
                },
                app.state(),
            );
            app.dialog = Some(Dialog::Picker(picker));
            Vec::new()
        }
        TextPurpose::ObjectionReason {
            motion,
            speaker,
            blocking,
        } => record_from_dialog(
            app,
            EventKind::ObjectionRaised {
                motion,
                speaker,
                reason: Text::new(text),
                blocking,
            },
        ),
        TextPurpose::ConsentCount { motion } => match crate::typed::count(text, false) {
            Some(agree) => record_from_dialog(app, EventKind::ConsentToVoteTaken { motion, agree }),
            None => {
                app.refuse(s::NOT_A_NUMBER.get(app.lang));
                Vec::new()
            }
        },
        TextPurpose::DueDate { draft, owner } => {
            let Ok(due) = crate::typed::optional_date(text) else {
                app.refuse(s::NOT_A_DATE.get(app.lang));
                return Vec::new();
            };
            let effects = record_note(app, draft, NoteKind::Action { owner, due });
            if !effects.is_empty() {
                app.dialog = None;
            }
            effects
        }
        TextPurpose::FollowUpActionTaken { entry } => record_action_taken(app, entry, text),
        TextPurpose::SpeakingLimit { item } => super::speakers::set_limit(app, item, text),
        TextPurpose::CommentResponse { comment, status } => {
            super::comments::answer(app, comment, status, text)
        }
        TextPurpose::MotionText { motion } => amend_motion(app, motion, text),
        TextPurpose::NewItemTitle { section } => super::agenda::add_item(app, section, text),
        TextPurpose::PersonField {
            person,
            details,
            field,
        } => super::attendance::correct_person_field(app, person, *details, field, text),
        TextPurpose::NewMemberName { seat } => super::attendance::new_member_field(
            app,
            seat,
            Default::default(),
            crate::tui::facilitator::dialog::PersonField::Name,
            text,
        ),
        TextPurpose::NewMemberField {
            seat,
            details,
            field,
        } => super::attendance::new_member_field(app, seat, *details, field, text),
        TextPurpose::ItemField { item, field } => {
            super::agenda::edit_item_field(app, *item, field, text)
        }
        TextPurpose::SplitKept { motion } => {
            // What the meeting would refuse of the kept part is refused now.
            if let Err(error) = app.state().check_amendment(&motion, &Text::new(text)) {
                app.refuse(crate::i18n::refusals::refusal(&error, app.lang));
                return Vec::new();
            }
            app.dialog = Some(Dialog::text(TextPurpose::SplitRest {
                motion,
                kept: text.trim().to_owned(),
            }));
            Vec::new()
        }
        TextPurpose::SplitRest { motion, kept } => {
            super::motion::split_motion(app, motion, kept, text)
        }
        TextPurpose::MeetingField { info, field } => {
            super::details::edit_field(app, *info, field, text)
        }
        TextPurpose::NewMotionText { item } => {
            if text.is_empty() {
                app.refuse(s::TEXT_REQUIRED.get(app.lang));
                return Vec::new();
            }
            let picker = Picker::new(
                PickPurpose::NewMotionProposer {
                    item,
                    text: text.to_owned(),
                },
                app.state(),
            );
            app.dialog = Some(Dialog::Picker(picker));
            Vec::new()
        }
    }
}

fn confirm_pick(app: &mut App, purpose: PickPurpose, choice: Option<Speaker>) -> Vec<Effect> {
    match purpose {
        PickPurpose::NoteSpeaker => {
            app.notes.editor.speaker = choice;
            app.dialog = None;
            Vec::new()
        }
        PickPurpose::Objector { motion, blocking } => {
            // Someone must be named: an objection is recorded with who raised it. A
            // name typed in is not a member's: the row said so, and their objection is
            // recorded without blocking.
            if let Some(speaker) = choice {
                let blocking = blocking && matches!(speaker, Speaker::Person(_));
                app.dialog = Some(Dialog::text(TextPurpose::ObjectionReason {
                    motion,
                    speaker,
                    blocking,
                }));
            }
            Vec::new()
        }
        PickPurpose::Proposer { text } => add_extempore_motion(app, &text, choice),
        PickPurpose::NewMotionProposer { item, text } => {
            super::motion::add_motion(app, item, &text, choice)
        }
        PickPurpose::AmendmentProposer { motion, text } => record_from_dialog(
            app,
            EventKind::MotionAmended {
                motion,
                text: Text::new(text),
                proposer: choice,
            },
        ),
        PickPurpose::Chair { info } => super::details::choose_chair(app, *info, choice),
        PickPurpose::SpeakerRequest { item } => super::speakers::request(app, item, choice),
        PickPurpose::SplitProposer { motion, kept, rest } => {
            super::motion::record_split(app, motion, kept, rest, choice)
        }
        PickPurpose::ActionOwner { draft } => {
            app.dialog = Some(Dialog::text(TextPurpose::DueDate {
                draft,
                owner: choice,
            }));
            Vec::new()
        }
    }
}

/// A motion's new text: a draft not yet put to the room is edited as it is; once it
/// has been, the change is an amendment, and who proposed it is asked.
fn amend_motion(app: &mut App, motion: crate::domain::MotionId, text: &str) -> Vec<Effect> {
    let stage = app.state().motion(&motion).map(|m| m.stage);
    if stage == Some(crate::domain::Stage::Proposed) {
        return record_from_dialog(
            app,
            EventKind::MotionAmended {
                motion,
                text: Text::new(text),
                proposer: None,
            },
        );
    }
    // A text the meeting would refuse is refused before the proposer is asked.
    if let Err(error) = app.state().check_amendment(&motion, &Text::new(text)) {
        app.refuse(crate::i18n::refusals::refusal(&error, app.lang));
        return Vec::new();
    }
    let picker = Picker::new(
        PickPurpose::AmendmentProposer {
            motion,
            text: text.trim().to_owned(),
        },
        app.state(),
    );
    app.dialog = Some(Dialog::Picker(picker));
    Vec::new()
}

fn mark_ballot(app: &mut App, ballot: Option<Ballot>) {
    if let Some(Dialog::RollCall(roll)) = &mut app.dialog
        && let Some(row) = roll.rows.get_mut(roll.selected)
    {
        row.1 = ballot;
        if ballot.is_some() && roll.selected + 1 < roll.rows.len() {
            roll.selected += 1;
        }
    }
}

/// Tab in a dialog that chooses among a few: the new item's section, the new
/// member's category and seat.
pub(super) fn next_choice(app: &mut App) {
    fn after<T: Copy + PartialEq>(all: &[T], now: T) -> T {
        let at = all.iter().position(|&x| x == now).unwrap_or(0);
        all[(at + 1) % all.len()]
    }
    let Some(Dialog::Text {
        purpose, editor, ..
    }) = &app.dialog
    else {
        return;
    };
    let editor = editor.clone();
    app.dialog = match *purpose {
        TextPurpose::NewItemTitle { section } => Some(super::agenda::new_item_dialog(
            after(&crate::domain::Section::ALL, section),
            editor,
            app.lang,
        )),
        TextPurpose::NewMemberName { seat } => Some(super::attendance::new_member_dialog(
            seat.next(),
            editor,
            app.lang,
        )),
        TextPurpose::CommentResponse {
            ref comment,
            status,
        } => Some(super::comments::response_dialog(
            comment.clone(),
            status.next(),
            editor,
            app.lang,
        )),
        _ => return,
    };
}
