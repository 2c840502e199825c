//! Comments the public left on a draft commitment on the public policy participation
//! platform (rules §4), and the forum's reasoned response to each: taken up, partly
//! taken up, not taken up (with the reason), or noted. The comments come in by import
//! (`CommentsImported`, each once, by its platform id); the answers are events
//! (`CommentAnswered`, a later one replacing an earlier), so undo takes them back and
//! the minutes and the response table read them from the state.

use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};
use std::fmt;

use super::agenda::ItemId;
use super::error::DomainError;
use super::event::Stamp;
use super::state::State;
use super::text::Text;

/// A comment's id on the platform (or, for an export without ids, one made from its
/// row): what a second import of the same file recognises.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct CommentId(pub String);

impl CommentId {
    pub fn new(id: impl Into<String>) -> CommentId {
        CommentId(id.into())
    }
}

impl fmt::Display for CommentId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// One comment as the platform exported it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PublicComment {
    pub id: CommentId,
    pub author: String,
    /// When it was left, in the platform's local time.
    pub posted: NaiveDateTime,
    pub text: String,
    /// Where it is on the platform.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub link: Option<String>,
    /// The agenda item it is taken up under, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub item: Option<ItemId>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub topic: Option<String>,
    /// The export's other columns, by their header, kept as they were.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub extra: Vec<(String, String)>,
}

/// What the forum made of a comment.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ResponseStatus {
    /// 採納
    TakenUp,
    /// 部分採納
    PartlyTakenUp,
    /// 未採納
    NotTakenUp,
    /// 參考
    Noted,
}

impl ResponseStatus {
    pub const ALL: [ResponseStatus; 4] = [
        ResponseStatus::TakenUp,
        ResponseStatus::PartlyTakenUp,
        ResponseStatus::NotTakenUp,
        ResponseStatus::Noted,
    ];

    /// Whether the response must say why: whatever was not taken up is answered with
    /// a reason (the Open Government Partnership's "reasoned response").
    pub fn needs_reason(self) -> bool {
        matches!(
            self,
            ResponseStatus::NotTakenUp | ResponseStatus::PartlyTakenUp
        )
    }

    /// The status after this one, for a dialog that cycles through them.
    pub fn next(self) -> ResponseStatus {
        let at = ResponseStatus::ALL
            .iter()
            .position(|s| *s == self)
            .unwrap_or(0);
        ResponseStatus::ALL[(at + 1) % ResponseStatus::ALL.len()]
    }
}

/// The forum's answer to a comment.
#[derive(Clone, Debug, PartialEq)]
pub struct Answer {
    pub status: ResponseStatus,
    pub response: Text,
    pub at: Stamp,
}

/// A comment with its answer, if it has one.
#[derive(Clone, Debug, PartialEq)]
pub struct CommentState {
    pub comment: PublicComment,
    pub answer: Option<Answer>,
}

impl State {
    /// Every comment, in the order imported.
    pub fn comments(&self) -> &[CommentState] {
        &self.comments
    }

    pub fn comment(&self, id: &CommentId) -> Option<&CommentState> {
        self.comments.iter().find(|c| &c.comment.id == id)
    }

    /// The comments on `item` (`None`: those on no item), in the order imported.
    pub fn comments_on<'a>(
        &'a self,
        item: Option<&'a ItemId>,
    ) -> impl Iterator<Item = &'a CommentState> + 'a {
        self.comments
            .iter()
            .filter(move |c| c.comment.item.as_ref() == item)
    }

    pub(super) fn import_comments(
        &mut self,
        comments: &[PublicComment],
    ) -> Result<(), DomainError> {
        let mut seen: std::collections::HashSet<&CommentId> =
            self.comments.iter().map(|c| &c.comment.id).collect();
        for comment in comments {
            if !seen.insert(&comment.id) {
                return Err(DomainError::DuplicateComment(comment.id.clone()));
            }
            if comment.text.trim().is_empty() {
                return Err(DomainError::EmptyComment(comment.id.clone()));
            }
            if let Some(item) = &comment.item {
                self.item_position(item)?;
            }
        }
        self.comments
            .extend(comments.iter().cloned().map(|comment| CommentState {
                comment,
                answer: None,
            }));
        Ok(())
    }

    pub(super) fn answer_comment(
        &mut self,
        id: &CommentId,
        status: ResponseStatus,
        response: &Text,
        at: Stamp,
    ) -> Result<(), DomainError> {
        if status.needs_reason() && response.text.trim().is_empty() {
            return Err(DomainError::ReasonRequired);
        }
        let Some(comment) = self.comments.iter_mut().find(|c| &c.comment.id == id) else {
            return Err(DomainError::UnknownComment(id.clone()));
        };
        comment.answer = Some(Answer {
            status,
            response: response.clone(),
            at,
        });
        Ok(())
    }
}
