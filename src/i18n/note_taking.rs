//! The note-taker link's words, on both sides: the facilitator's list of note-takers
//! and its notices, and the note-taker's own screen.

use crate::domain::{Lang, Stamp};
use crate::net::{KeptOut, LinkEnd};

use super::{Label, l};

// ---- the note-taker link (facilitator) ---------------------------------------------
pub const LINK: Label = l("紀錄加入", "Join");
pub const CODE: Label = l("代碼", "code");
pub const NO_NOTE_TAKERS: Label = l("尚無紀錄人員連線", "no note-taker connected");
pub const NOBODY_JOINED: Label = l("無人連線", "nobody");
pub const NOTE_TAKERS_TITLE: Label = l(
    "紀錄人員連線：roundtable join 位址 代碼 --name 姓名",
    "Note-takers: roundtable join ADDRESS CODE --name NAME",
);
pub const ADDRESS: Label = l("位址", "Address");
pub const JOIN_CODE: Label = l("加入代碼", "Join code");
pub const CONNECTED: Label = l("已連線", "Connected");
pub const TURNED_AWAY_AT_THE_DOOR: Label = l(
    "未能加入的連線（錯誤代碼、暫拒、受阻）",
    "Turned away (wrong codes, blocked, kept out)",
);
pub const NONE_YET: Label = l("（無）", "(none)");
pub const NOT_LISTENING: Label = l(
    "未開放紀錄人員連線：以 roundtable open 檔案 --listen 127.0.0.1:7878 開啟",
    "Not listening for note-takers: open with roundtable open FILE --listen 127.0.0.1:7878",
);
pub const NO_NOTE_TAKER: Label = l("請先選擇一位紀錄人員", "Select a note-taker first");
pub const REVOKE_HINT: Label = l(
    "撤銷後該紀錄人員無法再加入；若代碼可能外流，請按 c 換新代碼",
    "A revoked note-taker cannot join again; if the code may have spread, press c for a new one",
);

/// "王小明 已連線（192.168.1.5:51234）".
pub fn note_taker_joined(name: &str, peer: &str, lang: Lang) -> String {
    match lang {
        Lang::ZhTw => format!("紀錄人員 {name} 已連線（{peer}）"),
        Lang::En => format!("Note-taker {name} joined ({peer})"),
    }
}

pub fn note_taker_left(name: &str, reason: &str, lang: Lang) -> String {
    match lang {
        Lang::ZhTw => format!("紀錄人員 {name} 已離線（{reason}）"),
        Lang::En => format!("Note-taker {name} left ({reason})"),
    }
}

/// A wrong code, the `failures`th from that address.
pub fn wrong_code_tried(peer: &str, at: Stamp, failures: u32, lang: Lang) -> String {
    let time = at.format("%H:%M:%S");
    match lang {
        Lang::ZhTw => {
            format!("{time} 有人以錯誤代碼嘗試連線（{peer}，該位址第 {failures} 次）")
        }
        Lang::En => {
            format!("{time} someone tried a wrong join code ({peer}, {failures} from that address)")
        }
    }
}

/// An address refused for a while after too many wrong codes; the code stays.
pub fn address_blocked(
    address: &str,
    at: Stamp,
    failures: u32,
    minutes: u64,
    lang: Lang,
) -> String {
    let time = at.format("%H:%M:%S");
    match lang {
        Lang::ZhTw => format!(
            "{time} {address} 已試 {failures} 次錯誤代碼：{minutes} 分鐘內拒絕其連線（代碼不變；若擔心外流，按 c 換新代碼）"
        ),
        Lang::En => format!(
            "{time} {address} tried {failures} wrong codes: refused for {minutes} minutes (the code stays; press c for a new one if it may have spread)"
        ),
    }
}

/// Connections from `address` that got no further than the handshake.
pub fn kept_out(address: &str, at: Stamp, why: KeptOut, count: u32, lang: Lang) -> String {
    let time = at.format("%H:%M:%S");
    match (why, lang) {
        (KeptOut::TooManyAtOnce, Lang::ZhTw) => {
            format!("{time} {address} 同時開啟太多連線：已拒絕 {count} 個")
        }
        (KeptOut::TooManyAtOnce, Lang::En) => {
            format!("{time} {address} opened too many connections at once: {count} turned away")
        }
        (KeptOut::HostBusy, Lang::ZhTw) => {
            format!("{time} 加入中的連線已滿：{address} 被拒絕 {count} 次")
        }
        (KeptOut::HostBusy, Lang::En) => {
            format!("{time} too many connections were joining: {address} turned away {count} times")
        }
        (KeptOut::Blocked, Lang::ZhTw) => {
            format!("{time} 暫拒中的 {address} 又嘗試連線 {count} 次")
        }
        (KeptOut::Blocked, Lang::En) => {
            format!("{time} {address}, blocked, tried again {count} times")
        }
        (KeptOut::TimedOut, Lang::ZhTw) => {
            format!("{time} {address} 有 {count} 個連線未在時限內完成加入")
        }
        (KeptOut::TimedOut, Lang::En) => {
            format!("{time} {address}: {count} connections did not finish joining in time")
        }
    }
}

pub fn new_code_issued(code: &str, lang: Lang) -> String {
    match lang {
        Lang::ZhTw => format!("新的加入代碼 {code}（已連線者不受影響）"),
        Lang::En => format!("New join code {code} (those connected stay)"),
    }
}

pub fn note_taker_refused(name: Option<&str>, why: &str, lang: Lang) -> String {
    let name = name.unwrap_or("?");
    match lang {
        Lang::ZhTw => format!("拒絕 {name} 連線：{why}"),
        Lang::En => format!("Turned {name} away: {why}"),
    }
}

pub fn note_refused(name: &str, why: &str, lang: Lang) -> String {
    match lang {
        Lang::ZhTw => format!("{name} 的紀錄未被接受：{why}"),
        Lang::En => format!("A note from {name} was refused: {why}"),
    }
}

pub fn revoked(name: &str, lang: Lang) -> String {
    match lang {
        Lang::ZhTw => format!("已撤銷 {name}；{}", REVOKE_HINT.zh),
        Lang::En => format!("Revoked {name}. {}", REVOKE_HINT.en),
    }
}

pub fn disconnected(name: &str, lang: Lang) -> String {
    match lang {
        Lang::ZhTw => format!("已中斷 {name} 的連線（對方可再加入）"),
        Lang::En => format!("Disconnected {name} (they may join again)"),
    }
}

/// "錯誤代碼 3 次，最近 14:05:22".
pub fn attempts_summary(count: u32, last: Stamp, lang: Lang) -> String {
    let time = last.format("%H:%M:%S");
    match lang {
        Lang::ZhTw => format!("⚠ 錯誤代碼 {count} 次 {time}"),
        Lang::En => format!("⚠ {count} wrong codes, {time}"),
    }
}

/// The header's alert for an address blocked.
pub fn blocked_alert(address: &str, at: Stamp, lang: Lang) -> String {
    let time = at.format("%H:%M:%S");
    match lang {
        Lang::ZhTw => format!("⚠ 暫拒 {address} {time}"),
        Lang::En => format!("⚠ {address} blocked, {time}"),
    }
}

/// The header's alert for connections kept out.
pub fn kept_out_alert(address: &str, at: Stamp, lang: Lang) -> String {
    let time = at.format("%H:%M:%S");
    match lang {
        Lang::ZhTw => format!("⚠ 連線受阻 {address} {time}"),
        Lang::En => format!("⚠ {address} kept out, {time}"),
    }
}

// ---- the note-taker's screen -------------------------------------------------------
pub const CONNECTING: Label = l("連線中…", "connecting…");
pub const CONNECTED_MARK: Label = l("已連線 ✓", "connected ✓");
pub const HOST_GONE: Label = l(
    "主持端離線：照常記錄，連上後自動送出",
    "host gone: keep typing, notes go when it is back",
);
pub const HOST_FULL: Label = l(
    "主持端已滿：等候空位，照常記錄",
    "host full: waiting for a place; keep typing",
);
pub const HOST_BUSY: Label = l(
    "主持端忙碌：自動重試，照常記錄",
    "host busy: retrying; keep typing",
);
pub const WRONG_CODE: Label = l(
    "代碼錯誤：按 Ctrl-O 輸入新代碼",
    "wrong code: Ctrl-O to type the new one",
);
pub const TURNED_AWAY: Label = l("主持端拒絕連線：F5 重試", "turned away: F5 to try again");
pub const OUTBOX_BROKEN: Label = l("無法寫入本機暫存！", "CANNOT WRITE THE OUTBOX");
pub const ALL_SAVED: Label = l("全部已由主持端儲存 ✓", "all saved by the host ✓");
pub const STATE_SENDING: Label = l("…傳送", "…sending");
pub const STATE_SAVED: Label = l("✓已存", "✓saved");
pub const STATE_REJECTED: Label = l("✗退回", "✗rejected");
pub const STATE_TOO_LONG: Label = l("✗太長", "✗too long");
pub const NOTE_STATES_HELP: Label = l(
    "自己的紀錄標示狀態：…傳送＝已存於本機、尚待主持端儲存；✓已存＝主持端已存檔；✗退回＝主持端不接受（原因見訊息列）；✗太長＝太長無法傳送，未送出，全文另存於本機",
    "Your notes show their state: …sending = kept on this laptop, not yet saved by the host; ✓saved = in the host's file; ✗rejected = the host refused it (why is in the message line); ✗too long = too long to send, not sent, its text kept on this laptop",
);
pub const CORRECTING: Label = l("更正中（Esc 取消）", "correcting (Esc cancels)");
/// The same where the editor's status row has no room for the key.
pub const CORRECTING_SHORT: Label = l("更正中", "correcting");
pub const NO_OWN_NOTES: Label = l("還沒有自己的紀錄可選", "None of your notes to select yet");
pub const SELECT_OWN_NOTE: Label = l(
    "先用 Up/Down 選一則自己的紀錄",
    "Select one of your notes with Up/Down first",
);
pub const NOT_AT_HOST_YET: Label = l(
    "這則紀錄還沒送到主持端，送達後才能更正",
    "This note has not reached the host yet; correct it once it has",
);
pub const CORRECTED_NOTE_GONE: Label = l(
    "更正中的紀錄已被主持端復原；按 Esc 放棄更正",
    "The note being corrected was undone on the host; Esc drops the correction",
);
pub const RECONNECTING: Label = l("立即重新連線…", "Reconnecting now…");
pub const WRONG_CODE_NOW: Label = l(
    "主持端不接受此代碼（可能已更換）：按 Ctrl-O 輸入主持端畫面上的代碼；紀錄照常保存",
    "The host does not accept this code (it may have changed): Ctrl-O to type the code on its screen; notes are still kept",
);
pub const ASK_JOIN_CODE: Label = l(
    "主持端畫面上的加入代碼（例如 K7QM-4TXP）",
    "The join code on the facilitator's screen (like K7QM-4TXP)",
);
pub const NOTE_TAKER: Label = l("紀錄", "Notes");
pub const CORRECTED_MARK: Label = l("（已更正）", " (corrected)");

pub fn sending_count(n: usize, lang: Lang) -> String {
    match lang {
        Lang::ZhTw => format!("待主持端儲存 {n} 則"),
        Lang::En => format!("{n} not yet saved by the host"),
    }
}

pub fn submit_failed(error: &str, lang: Lang) -> String {
    match lang {
        Lang::ZhTw => format!("無法存入本機暫存（{error}）：文字仍在輸入列，請再按 Enter"),
        Lang::En => {
            format!("Could not keep the note ({error}): it is still in the line; press Enter again")
        }
    }
}

/// The editor's note cannot travel: how long it is, about how much fits.
pub fn note_too_long(characters: usize, fit: usize, lang: Lang) -> String {
    match lang {
        Lang::ZhTw => format!(
            "這則紀錄太長，無法傳送（{characters} 字，約 {fit} 字以內可送出）：請縮短或分成幾則；文字仍在輸入列"
        ),
        Lang::En => format!(
            "This note is too long to send ({characters} characters; about {fit} fit): shorten it or split it into several notes; it is still in the line"
        ),
    }
}

/// A note from an earlier run that cannot travel was set aside.
pub fn set_aside(characters: usize, kept_in: &str, lang: Lang) -> String {
    match lang {
        Lang::ZhTw => format!(
            "先前的一則紀錄太長（{characters} 字）無法傳送，未送出；全文已存於 {kept_in}，請分成較短的紀錄重新輸入"
        ),
        Lang::En => format!(
            "A note from before is too long to send ({characters} characters) and was not sent; its text is kept in {kept_in}: type it again as shorter notes"
        ),
    }
}

pub fn unsaved_on_quit(n: usize, lang: Lang) -> String {
    match lang {
        Lang::ZhTw => format!(
            "還有 {n} 則紀錄未經主持端儲存；已保存在本機，下次以同樣指令加入時自動送出。再按一次離開。"
        ),
        Lang::En => format!(
            "{n} notes are not yet saved by the host; they are kept on this laptop and sent when you join again with the same command. Quit again to leave."
        ),
    }
}

pub fn trying_code(code: &str, lang: Lang) -> String {
    match lang {
        Lang::ZhTw => format!("以代碼 {code} 重新連線…"),
        Lang::En => format!("Joining with code {code}…"),
    }
}

pub fn connected_to(address: &str, lang: Lang) -> String {
    match lang {
        Lang::ZhTw => format!("已連上主持端 {address}"),
        Lang::En => format!("Connected to {address}"),
    }
}

pub fn note_rejected(reason: &str, lang: Lang) -> String {
    match lang {
        Lang::ZhTw => format!("主持端未接受一則紀錄：{reason}"),
        Lang::En => format!("The host refused a note: {reason}"),
    }
}

pub fn outbox_failed(error: &str, lang: Lang) -> String {
    match lang {
        Lang::ZhTw => format!("無法寫入本機暫存：{error}（磁碟已滿？）"),
        Lang::En => format!("The outbox cannot be written: {error} (disk full?)"),
    }
}

/// Why a note-taker's link closed, as the facilitator's notice says it.
pub fn link_end(end: &LinkEnd, lang: Lang) -> String {
    let label = match end {
        LinkEnd::ClosedByHost(reason) => return super::refusals::host_refusal(reason, lang),
        LinkEnd::HostClosing => l("主持端關閉中", "the host is closing"),
        LinkEnd::Replaced => l("已由新的連線取代", "replaced by a newer link"),
        LinkEnd::Left => l("對方關閉連線", "the note-taker closed the connection"),
        LinkEnd::Broken => l("網路中斷", "the connection broke"),
        LinkEnd::NotReading => l("對方停止接收", "the note-taker stopped reading"),
        LinkEnd::Idle => l("太久沒有回應", "nothing received in time"),
        LinkEnd::Protocol(fault) => super::refusals::protocol_fault(*fault),
    };
    label.get(lang).to_owned()
}

// ---- the floor, above the note-taker's editor ---------------------------------------
pub const FLOOR: Label = l("發言中", "Speaking");
pub const WAITING: Label = l("登記發言", "Waiting");

/// The rest of the queue, where the line has no room for their names.
pub fn more_waiting(n: usize, lang: Lang) -> String {
    match lang {
        Lang::ZhTw => format!("等 {n} 人"),
        Lang::En => format!("+{n} more"),
    }
}
