//! The words of a comments CSV: the names a platform's or a secretariat's export gives
//! its columns, in English and Chinese. How a row is read through them is in `mod.rs`.

use super::super::csv_table::Columns;

/// The columns Roundtable reads; any other is kept with the comment as it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(super) enum Column {
    Id,
    Author,
    Time,
    Text,
    Link,
    Item,
    Topic,
}

impl Columns for Column {
    const ALL: &'static [Column] = &[
        Column::Id,
        Column::Author,
        Column::Time,
        Column::Text,
        Column::Link,
        Column::Item,
        Column::Topic,
    ];

    fn aliases(self) -> &'static [&'static str] {
        match self {
            Column::Id => &["id", "comment id", "編號", "留言編號", "意見編號", "序號"],
            Column::Author => &[
                "author",
                "name",
                "commenter",
                "留言者",
                "發言者",
                "姓名",
                "暱稱",
                "留言人",
                "提出者",
            ],
            Column::Time => &[
                "time",
                "date",
                "posted",
                "posted at",
                "comment time",
                "留言時間",
                "時間",
                "日期",
                "留言日期",
                "發表時間",
            ],
            Column::Text => &[
                "text",
                "comment",
                "content",
                "內容",
                "留言內容",
                "意見",
                "意見內容",
                "留言",
            ],
            Column::Link => &["link", "url", "連結", "網址"],
            Column::Item => &["item", "agenda item", "議程", "議題", "議程項目"],
            Column::Topic => &["topic", "subject", "主題", "標題"],
        }
    }
}
