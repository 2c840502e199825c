//! What `roundtable check` and `roundtable new` print about a session: the meeting at
//! a glance, for the person at the command line.

use crate::domain::{Balance, Lang, Side};

use super::{Label, l, side};

pub const DATE: Label = l("日期", "Date");
pub const VENUE: Label = l("地點", "Venue");
pub const COMMITMENT: Label = l("承諾事項", "Commitment");
pub const RECORDER: Label = l("紀錄", "Recorder");
pub const CHAIR: Label = l("主席", "Chair");
pub const SPEAKING_TIME: Label = l("發言時間", "Speaking time");
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
pub const BEFORE_THE_MEETING: Label = l("會前檢查：", "Before the meeting:");

pub const NO_CONVENER: Label = l(
    "名單上沒有召集人（主辦機關副首長）：在出席面板以 M 新增，Tab 選「主辦機關・召集人」",
    "the roster has no convener (the lead agency's deputy head): M in the attendance panel adds one, Tab to \"Lead agency, Convener\"",
);

/// The roster's seats are not half government, half non-government.
pub fn roster_unbalanced(balance: crate::domain::people::Balance, lang: Lang) -> String {
    let (g, n) = (balance.government, balance.non_government);
    match lang {
        Lang::ZhTw => format!("委員組成未各半：政府 {g} 人、非政府 {n} 人"),
        Lang::En => {
            format!("the roster is not half and half: {g} government, {n} non-government members")
        }
    }
}

/// Items with no planned minutes.
pub fn unplanned_items(titles: &str, count: usize, lang: Lang) -> String {
    match lang {
        Lang::ZhTw => format!("{count} 項議程未定時間：{titles}"),
        Lang::En if count == 1 => format!("1 item has no planned time: {titles}"),
        Lang::En => format!("{count} items have no planned time: {titles}"),
    }
}

/// The agenda's planned minutes against the planned start and end.
pub fn planned_total(
    minutes: u32,
    start: Option<&str>,
    finish: Option<&str>,
    end: Option<&str>,
    spare: Option<i64>,
    lang: Lang,
) -> String {
    let zh = lang == Lang::ZhTw;
    let mut out = if zh {
        format!("議程預定共 {minutes} 分鐘")
    } else {
        format!("the agenda is planned at {minutes} minutes")
    };
    if let (Some(start), Some(finish)) = (start, finish) {
        out.push_str(&if zh {
            format!("（{start}–{finish}）")
        } else {
            format!(" ({start}–{finish})")
        });
    }
    match (end, spare) {
        (Some(end), Some(spare)) if spare >= 0 => out.push_str(&if zh {
            format!("，預定 {end} 結束，尚餘 {spare} 分鐘")
        } else {
            format!(", {spare} minutes before the planned end at {end}")
        }),
        (Some(end), Some(spare)) => out.push_str(&if zh {
            format!("，超過預定結束時間 {end} 共 {} 分鐘", -spare)
        } else {
            format!(", {} minutes past the planned end at {end}", -spare)
        }),
        _ if start.is_none() => out.push_str(if zh {
            "；未定開始時間（roundtable new --start）"
        } else {
            "; no planned start (roundtable new --start)"
        }),
        _ => out.push_str(if zh {
            "；未定結束時間（roundtable new --end）"
        } else {
            "; no planned end (roundtable new --end)"
        }),
    }
    out
}
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
