//! The response table (意見回應表) the lead agency publishes back on the platform:
//! every comment, in the order imported, with what the forum made of it and why. CSV
//! for a spreadsheet, UTF-8 with a byte-order mark so Excel reads the Chinese, its
//! columns headed in Chinese with the English after, as the sign-in sheet's are.
//!
//! The values come from the public: `spreadsheet` writes them so that none runs as a
//! formula.

use chrono::Timelike;

use crate::domain::State;
use crate::i18n;
use crate::spreadsheet::{Cell, Sheet};

/// The columns, in order.
pub const HEADER: [&str; 9] = [
    "編號 ID",
    "留言者 Author",
    "留言時間 Posted",
    "議題 Agenda item",
    "主題 Topic",
    "意見內容 Comment",
    "連結 Link",
    "處理情形 Status",
    "回應說明 Response",
];

/// The response table as CSV bytes, with the byte-order mark: one row per comment,
/// its status the forum's word for it, or 尚未回應 until it is answered.
pub fn to_csv(state: &State) -> Result<Vec<u8>, csv::Error> {
    sheet(state).to_csv()
}

/// The response table as a sheet.
pub fn sheet(state: &State) -> Sheet {
    let rows = state
        .comments()
        .iter()
        .map(|entry| {
            let comment = &entry.comment;
            let posted = if comment.posted.second() == 0 {
                comment.posted.format("%Y-%m-%d %H:%M")
            } else {
                comment.posted.format("%Y-%m-%d %H:%M:%S")
            }
            .to_string();
            let item = comment.item.as_ref().map_or_else(String::new, |id| {
                state
                    .item(id)
                    .map_or_else(|| id.0.clone(), |s| s.item.title.text.clone())
            });
            let (status, response) = match &entry.answer {
                Some(answer) => (
                    i18n::response_status(answer.status).zh,
                    answer.response.text.as_str(),
                ),
                None => (i18n::UNANSWERED.zh, ""),
            };
            [
                comment.id.0.as_str(),
                &comment.author,
                &posted,
                &item,
                comment.topic.as_deref().unwrap_or(""),
                &comment.text,
                comment.link.as_deref().unwrap_or(""),
                status,
                response,
            ]
            .into_iter()
            .map(Cell::text)
            .collect()
        })
        .collect();
    Sheet {
        heading: Vec::new(),
        columns: HEADER.iter().map(|h| (*h).to_owned()).collect(),
        rows,
        yes_no: Default::default(),
    }
}
