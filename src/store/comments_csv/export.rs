//! The response table (意見回應表) the lead agency publishes back on the platform:
//! every comment, in the order imported, with what the forum made of it and why. CSV
//! for a spreadsheet, UTF-8 with a byte-order mark so Excel reads the Chinese, its
//! columns headed in Chinese with the English after, as the sign-in sheet's are.
//!
//! The values come from the public, and a spreadsheet runs a cell that starts with
//! `=`, `+`, `-` or `@` as a formula, and one that starts with a tab or a carriage
//! return may be taken for one: every such value is written with a single quote before
//! it ([`neutralise`]), which shows it as the text it is. Control characters are left
//! out, as in every output.

use std::borrow::Cow;

use chrono::Timelike;

use crate::domain::State;
use crate::i18n;
use crate::minutes::signin::BOM;
use crate::width::printable;

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

/// `value` as a spreadsheet shows it and never runs it: its control characters left
/// out, and a single quote `'` before it when it starts with `=`, `+`, `-`, `@`, a tab
/// or a carriage return, which would make the cell a formula (CSV injection).
pub fn neutralise(value: &str) -> Cow<'_, str> {
    let value = printable(value);
    if value.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        Cow::Owned(format!("'{value}"))
    } else {
        value
    }
}

/// The response table as CSV bytes, with the byte-order mark: one row per comment,
/// its status the forum's word for it, or 尚未回應 until it is answered.
pub fn to_csv(state: &State) -> Result<Vec<u8>, csv::Error> {
    let mut out = BOM.to_vec();
    {
        let mut writer = csv::Writer::from_writer(&mut out);
        writer.write_record(HEADER)?;
        for entry in state.comments() {
            let comment = &entry.comment;
            let posted = if comment.posted.second() == 0 {
                comment.posted.format("%Y-%m-%d %H:%M")
            } else {
                comment.posted.format("%Y-%m-%d %H:%M:%S")
            }
            .to_string();
            // An item removed from the agenda since keeps its id.
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
            let fields = [
                comment.id.0.as_str(),
                &comment.author,
                &posted,
                &item,
                comment.topic.as_deref().unwrap_or(""),
                &comment.text,
                comment.link.as_deref().unwrap_or(""),
                status,
                response,
            ];
            writer.write_record(fields.iter().map(|f| neutralise(f).into_owned()))?;
        }
        writer.flush()?;
    }
    Ok(out)
}
