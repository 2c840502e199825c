//! What `roundtable check` and `roundtable new` print about a session: the meeting at
//! a glance, for the person at the command line.

use crate::domain::{Balance, Lang, Side};

use super::{Label, l, side};

pub const DATE: Label = l("日期", "Date");
pub const VENUE: Label = l("地點", "Venue");
pub const COMMITMENT: Label = l("承諾事項", "Commitment");
pub const RECORDER: Label = l("紀錄", "Recorder");
pub const MEMBERS: Label = l("委員", "Members");
pub const NONE: Label = l("無", "none");
pub const REPRESENTATIVES: Label = l("指派代表", "Representatives");
pub const OBSERVERS: Label = l("列席", "Observers");
pub const EXCUSED: Label = l("請假", "Excused");
pub const AGENDA: Label = l("議程", "Agenda");
pub const ITEMS: Label = l("項", "items");
pub const MOTIONS: Label = l("提案", "Motions");
pub const MOTIONS_UNIT: Label = l("案", "motions");
pub const NOTES: Label = l("紀錄事項", "Notes");
pub const NOTES_UNIT: Label = l("則", "notes");
pub const NOT_STARTED: Label = l("尚未開始", "not started");
pub const MEETING: Label = l("會議狀態", "Meeting");

/// "第 3 次會議，2026-12-03 14:00" / "Meeting no. 3, 2026-12-03 14:00".
pub fn meeting_number(n: u32, when: &str, lang: Lang) -> String {
    match lang {
        Lang::ZhTw => format!("第 {n} 次會議，{when}"),
        Lang::En => format!("Meeting no. {n}, {when}"),
    }
}

/// A representative with the member whose seat they sit in.
pub fn representative(name: &str, member: &str, lang: Lang) -> String {
    match lang {
        Lang::ZhTw => format!("{name}（代表 {member}）"),
        Lang::En => format!("{name} (for {member})"),
    }
}

/// "已散會（2026-12-03 14:30）；出席 …" / "adjourned at 2026-12-03 14:30; attended: …".
pub fn adjourned_at(when: &str, attended: &str, lang: Lang) -> String {
    match lang {
        Lang::ZhTw => format!("已散會（{when}）；出席 {attended}"),
        Lang::En => format!("adjourned at {when}; attended: {attended}"),
    }
}

/// "進行中，… 開始；出席 …" / "in progress since …; present: …".
pub fn in_progress(since: &str, present: &str, lang: Lang) -> String {
    match lang {
        Lang::ZhTw => format!("進行中，{since} 開始；出席 {present}"),
        Lang::En => format!("in progress since {since}; present: {present}"),
    }
}

/// "14 (government 7, non-government 7; balanced)".
pub fn balance(balance: Balance, lang: Lang) -> String {
    let government = side(Side::Government).get(lang);
    let non_government = side(Side::NonGovernment).get(lang);
    let (g, n) = (balance.government, balance.non_government);
    let verdict = if balance.is_balanced() {
        l("人數各半", "balanced").get(lang).to_owned()
    } else {
        let (more, by) = if g > n {
            (government, g - n)
        } else {
            (non_government, n - g)
        };
        match lang {
            Lang::ZhTw => format!("未各半：{more}多 {by} 人"),
            Lang::En => format!("off balance: {by} more {}", more.to_lowercase()),
        }
    };
    match lang {
        Lang::ZhTw => format!(
            "{} 人（{government} {g}，{non_government} {n}；{verdict}）",
            balance.total()
        ),
        Lang::En => format!(
            "{} ({} {g}, {} {n}; {verdict})",
            balance.total(),
            government.to_lowercase(),
            non_government.to_lowercase()
        ),
    }
}

/// "3 items" / "3 項".
pub fn count(n: usize, unit: Label, lang: Lang) -> String {
    format!("{n} {}", unit.get(lang))
}
