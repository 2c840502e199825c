//! Every string of the facilitator's screen, in Traditional Chinese and English: one
//! table, both languages side by side, so a missing translation shows in review. The
//! names of the meeting's own things (sides, sections, stages, outcomes) come from
//! `crate::i18n`.

use crate::domain::{
    Ballot, DomainError, EventKind, Lang, NoteKind, Presence, Side, Speaker, State, Threshold,
};
use crate::i18n::{self, Label};

use super::action::{Action, Panel};
use super::keys::Context;

const fn l(zh: &'static str, en: &'static str) -> Label {
    Label::new(zh, en)
}

// ---- header ------------------------------------------------------------------------
pub const SAVED: Label = l("已儲存 ✓", "saved ✓");
pub const SAVING: Label = l("儲存中…", "saving…");
pub const SAVE_FAILED: Label = l("儲存失敗", "SAVE FAILED");
pub const NOT_STARTED: Label = l("會議尚未開始", "not started");
pub const ADJOURNED: Label = l("已散會", "adjourned");
pub const MEETING: Label = l("會議", "Meeting");
pub const NO_CURRENT_ITEM: Label = l("（無進行中議程）", "(no item under way)");
pub const MINUTES: Label = l("分", "min");

/// "第 3 次" / "Meeting 3".
pub fn meeting_number(n: u32, lang: Lang) -> String {
    match lang {
        Lang::ZhTw => format!("第 {n} 次"),
        Lang::En => format!("No. {n}"),
    }
}

// ---- panels ------------------------------------------------------------------------
pub fn panel(panel: Panel) -> Label {
    match panel {
        Panel::Attendance => l("出席", "Attendance"),
        Panel::Agenda => l("議程", "Agenda"),
        Panel::Motion => l("議案", "Motion"),
        Panel::Notes => l("紀錄", "Notes"),
    }
}

pub const OBSERVERS: Label = l("列席", "Observers");
pub const BALANCED: Label = l("平衡", "balanced");
pub const OFF_BALANCE: Label = l("失衡", "OFF BALANCE");
pub const REPRESENTATIVE_OF: Label = l("代", "for");

/// The attendance mark: four columns in both languages so the names line up.
pub fn presence(presence: Presence) -> Label {
    match presence {
        Presence::Present => l("出席", "in"),
        Presence::Absent => l("未到", "--"),
        Presence::Left => l("離席", "left"),
        Presence::Excused => l("請假", "exc"),
        Presence::Represented => l("代理", "rep"),
    }
}

/// "出席 11 人" / "11 present".
pub fn present_count(n: u32, lang: Lang) -> String {
    match lang {
        Lang::ZhTw => format!("出席委員 {n} 人"),
        Lang::En => format!("{n} present"),
    }
}

/// The two live thresholds for the members present now; with nobody present there
/// is nothing to reach.
pub fn live_thresholds(live: &crate::domain::LiveThresholds, lang: Lang) -> String {
    if live.present == 0 {
        return match lang {
            Lang::ZhTw => "付表決需 -  通過需 -".to_owned(),
            Lang::En => "vote opens -  adopts -".to_owned(),
        };
    }
    let (opens, adopts) = (live.to_open_vote, live.to_adopt);
    match lang {
        Lang::ZhTw => format!("付表決需 {opens}  通過需 {adopts}"),
        Lang::En => format!("vote opens {opens}  adopts {adopts}"),
    }
}

/// A side, short enough for the summary line of a narrow panel.
pub fn side_short(side: Side) -> Label {
    match side {
        Side::Government => l("政府", "Gov"),
        Side::NonGovernment => l("非政府", "Non-gov"),
    }
}

/// "：" after a name in Chinese, ": " in English.
pub fn colon(lang: Lang) -> &'static str {
    match lang {
        Lang::ZhTw => "：",
        Lang::En => ": ",
    }
}

/// A stage or tag in brackets: 〔徵詢共識〕 / [Consensus round].
pub fn bracket(text: &str, lang: Lang) -> String {
    match lang {
        Lang::ZhTw => format!("〔{text}〕"),
        Lang::En => format!("[{text}]"),
    }
}

/// The name a speaker is shown with, in the interface's language.
pub fn speaker_name<'a>(
    people: &'a dyn super::people::People,
    speaker: &'a Speaker,
    lang: Lang,
) -> &'a str {
    super::people::speaker_name(people, speaker, lang)
}

/// "政府 5/7" : present of roster.
pub fn side_count(side: Label, present: u32, roster: u32, lang: Lang) -> String {
    format!("{} {present}/{roster}", side.get(lang))
}

// ---- agenda ------------------------------------------------------------------------
/// Actual against planned minutes: "7/5分" / "7/5 min".
pub fn minutes_against_plan(actual: Option<i64>, planned: u32, lang: Lang) -> String {
    let unit = MINUTES.get(lang);
    let sep = if lang == Lang::En { " " } else { "" };
    match actual {
        Some(actual) if planned > 0 => format!("{actual}/{planned}{sep}{unit}"),
        Some(actual) => format!("{actual}{sep}{unit}"),
        None if planned > 0 => format!("{planned}{sep}{unit}"),
        None => String::new(),
    }
}

pub const EXTEMPORE_TITLE: Label = l("臨時動議", "Extempore motion");

// ---- motion ------------------------------------------------------------------------
pub const NO_MOTION: Label = l(
    "此議程無議案（議程面板按 x 新增臨時動議）",
    "No motion on this item (x in the agenda adds an extempore motion)",
);
pub const PROPOSER: Label = l("提案", "Proposed by");
pub const BLOCKING: Label = l("異議", "objection");
pub const RESERVATION: Label = l("保留意見", "reservation");
pub const NO_OBJECTIONS_YET: Label = l("尚無異議", "no objections so far");
pub const EVEN_SPLIT: Label = l(
    "可否同數，取決於主席（h）",
    "Even split: the chair rules (h)",
);
pub const CHAIR_RULED: Label = l("主席裁決", "chair's ruling");

/// "第 2 輪" / "round 2".
pub fn round(n: u32, lang: Lang) -> String {
    match lang {
        Lang::ZhTw => format!("第 {n} 輪徵詢"),
        Lang::En => format!("round {n}"),
    }
}

/// How a threshold reads: "過半數" / "more than half".
pub fn threshold(t: &Threshold, lang: Lang) -> String {
    use crate::domain::Comparison;
    let half = t.numerator * 2 == t.denominator;
    match (lang, t.comparison, half) {
        (Lang::ZhTw, Comparison::MoreThan, true) => "過半數".to_owned(),
        (Lang::ZhTw, Comparison::AtLeast, true) => "二分之一以上".to_owned(),
        (Lang::ZhTw, Comparison::MoreThan, false) => {
            format!("超過{}分之{}", t.denominator, t.numerator)
        }
        (Lang::ZhTw, Comparison::AtLeast, false) => {
            format!("{}分之{}以上", t.denominator, t.numerator)
        }
        (Lang::En, Comparison::MoreThan, true) => "more than half".to_owned(),
        (Lang::En, Comparison::AtLeast, true) => "half or more".to_owned(),
        (Lang::En, Comparison::MoreThan, false) => {
            format!("more than {}/{}", t.numerator, t.denominator)
        }
        (Lang::En, Comparison::AtLeast, false) => {
            format!("{}/{} or more", t.numerator, t.denominator)
        }
    }
}

/// "同意 6 / 需 6（出席 10 人過半數）".
pub fn consent_counts(agree: u32, needed: u32, present: u32, rule: &str, lang: Lang) -> String {
    match lang {
        Lang::ZhTw => format!("同意付表決 {agree} / 需 {needed}（出席 {present} 人{rule}）"),
        Lang::En => format!("agree to vote {agree} / need {needed} ({rule} of {present} present)"),
    }
}

/// What the consent would need now, before it is taken.
pub fn consent_needed(needed: u32, present: u32, rule: &str, lang: Lang) -> String {
    match lang {
        Lang::ZhTw => format!("付表決需 {needed} 人同意（出席 {present} 人{rule}）"),
        Lang::En => format!("a vote needs {needed} to agree ({rule} of {present} present)"),
    }
}

/// "贊成 5 / 需 5（出席 10 人二分之一以上）".
pub fn vote_counts(yes: u32, needed: u32, present: u32, rule: &str, lang: Lang) -> String {
    match lang {
        Lang::ZhTw => format!("贊成 {yes} / 需 {needed}（出席 {present} 人{rule}）"),
        Lang::En => format!("yes {yes} / need {needed} ({rule} of {present} present)"),
    }
}

pub fn against_abstain(no: u32, abstain: u32, lang: Lang) -> String {
    match lang {
        Lang::ZhTw => format!("反對 {no}  棄權 {abstain}"),
        Lang::En => format!("no {no}  abstain {abstain}"),
    }
}

pub fn vote_needed(needed: u32, present: u32, rule: &str, lang: Lang) -> String {
    match lang {
        Lang::ZhTw => format!("通過需贊成 {needed}（出席 {present} 人{rule}）"),
        Lang::En => format!("adoption needs {needed} yes ({rule} of {present} present)"),
    }
}

pub fn ballot(ballot: Option<Ballot>) -> Label {
    match ballot {
        Some(Ballot::Yes) => l("贊成", "yes"),
        Some(Ballot::No) => l("反對", "no"),
        Some(Ballot::Abstain) => l("棄權", "abstain"),
        None => l("－", "-"),
    }
}

// ---- notes -------------------------------------------------------------------------
pub const NO_NOTES: Label = l("尚無紀錄", "No notes yet");
pub const ALL_ITEMS: Label = l("全部議程", "all items");
pub const SPEAKER: Label = l("發言人", "Speaker");
pub const NO_SPEAKER: Label = l("（無）", "(none)");
pub const KIND: Label = l("類型", "Kind");
pub const ENGLISH: Label = l("英文", "English");
pub const NO_OBJECTION_NARRATIVE: &str = "（與會者皆無意見）";
pub const NO_OBJECTION_NARRATIVE_EN: &str = "(No objections were raised.)";
pub const NODDING_NARRATIVE: &str = "（點頭）";
pub const NODDING_NARRATIVE_EN: &str = "(Nods.)";
pub const NOTES_PLACEHOLDER: Label = l("按 4 或 Tab 到此輸入紀錄", "press 4 or Tab to type a note");
pub const DUE: Label = l("期限", "due");

/// The kinds of note the input line cycles through.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum NoteKindChoice {
    #[default]
    Said,
    Narrative,
    Action,
    Decision,
}

impl NoteKindChoice {
    /// The kind a note of this choice is recorded with as soon as it is entered; an
    /// action item (`None`) first asks who will do it and by when.
    pub fn immediate(self) -> Option<crate::domain::NoteKind> {
        use crate::domain::NoteKind;
        match self {
            NoteKindChoice::Said => Some(NoteKind::Said),
            NoteKindChoice::Narrative => Some(NoteKind::Narrative),
            NoteKindChoice::Decision => Some(NoteKind::Decision),
            NoteKindChoice::Action => None,
        }
    }

    pub fn next(self) -> NoteKindChoice {
        match self {
            NoteKindChoice::Said => NoteKindChoice::Narrative,
            NoteKindChoice::Narrative => NoteKindChoice::Action,
            NoteKindChoice::Action => NoteKindChoice::Decision,
            NoteKindChoice::Decision => NoteKindChoice::Said,
        }
    }

    pub fn label(self) -> Label {
        match self {
            NoteKindChoice::Said => l("發言", "said"),
            NoteKindChoice::Narrative => l("現場", "narrative"),
            NoteKindChoice::Action => l("待辦", "action item"),
            NoteKindChoice::Decision => l("決議/決定", "decision"),
        }
    }

    pub fn of(kind: &NoteKind) -> NoteKindChoice {
        match kind {
            NoteKind::Said => NoteKindChoice::Said,
            NoteKind::Narrative => NoteKindChoice::Narrative,
            NoteKind::Action { .. } => NoteKindChoice::Action,
            NoteKind::Decision => NoteKindChoice::Decision,
        }
    }
}

// ---- dialogs -----------------------------------------------------------------------
pub const ASK_OBSERVER_NAME: Label = l("列席者姓名（可加單位）", "Observer's name");
pub const ASK_REPRESENTATIVE_NAME: Label = l("指派代表姓名", "Designated representative's name");
pub const ASK_EXTEMPORE_TEXT: Label = l("臨時動議內容", "Text of the extempore motion");
pub const ASK_PROPOSER: Label = l("提案人（Enter 略過）", "Proposed by (Enter to skip)");
pub const ASK_OBJECTOR: Label = l("誰提出異議？", "Who objects?");
pub const ASK_RESERVER: Label = l("誰表示保留意見？", "Who states a reservation?");
pub const ASK_REASON: Label = l("理由", "Reason");
pub const ASK_NOTE_SPEAKER: Label = l("發言人", "Speaker");
pub const ASK_OWNER: Label = l("待辦負責人（Enter 略過）", "Action owner (Enter to skip)");
pub const ASK_DUE: Label = l(
    "期限 YYYY-MM-DD（空白略過）",
    "Due date YYYY-MM-DD (empty to skip)",
);
pub const ASK_VOTE_COUNTS: Label = l("舉手表決：輸入票數", "Show of hands: type the counts");
pub const ASK_ROLL_CALL: Label = l("唱名表決", "Roll call");
pub const ASK_CHAIR: Label = l(
    "可否同數，取決於主席：y 通過　n 不通過",
    "Even split, the chair rules: y adopt, n reject",
);
pub const YES: Label = l("贊成", "Yes");
pub const NO: Label = l("反對", "No");
pub const ABSTAIN: Label = l("棄權", "Abstain");
pub const FREE_TEXT: Label = l("自由輸入", "type a name");
pub const NOT_A_NUMBER: Label = l("請輸入數字", "Type a number");
pub const NOT_A_DATE: Label = l(
    "日期格式為 YYYY-MM-DD，例如 2026-12-31",
    "Write the date as YYYY-MM-DD, e.g. 2026-12-31",
);
pub const NAME_REQUIRED: Label = l("請輸入姓名", "Type a name");
pub const TEXT_REQUIRED: Label = l("請輸入內容", "Type the text");
pub const EMPTY_NOTE: Label = l("紀錄是空的：先輸入文字", "The note is empty: type it first");

/// The agree-count dialog states what it takes.
pub fn ask_consent(present: u32, needed: u32, lang: Lang) -> String {
    match lang {
        Lang::ZhTw => format!("同意付表決人數（出席 {present} 人，需 {needed} 人）"),
        Lang::En => format!("How many agree to vote? ({present} present, {needed} needed)"),
    }
}

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
pub const WRONG_CODES: Label = l("代碼錯誤的連線嘗試", "Wrong codes tried");
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

pub fn wrong_code_tried(peer: &str, at: crate::domain::Stamp, failures: u32, lang: Lang) -> String {
    let time = at.format("%H:%M:%S");
    match lang {
        Lang::ZhTw => format!("{time} 有人以錯誤代碼嘗試連線（{peer}，第 {failures} 次）"),
        Lang::En => format!("{time} someone tried a wrong join code ({peer}, {failures} so far)"),
    }
}

pub fn code_replaced(code: &str, lang: Lang) -> String {
    match lang {
        Lang::ZhTw => format!("錯誤代碼嘗試過多，代碼已更換為 {code}"),
        Lang::En => format!("Too many wrong codes: the join code is now {code}"),
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

/// Why the host turned a note-taker away.
pub fn host_refusal(reason: &crate::net::Refusal, lang: Lang) -> String {
    use crate::net::Refusal as R;
    let label = match reason {
        R::Revoked => l("已撤銷", "revoked"),
        R::Full => l(
            "連線人數已滿",
            "as many note-takers as allowed are connected",
        ),
        R::Disconnected => l("已中斷連線", "disconnected"),
        R::ShuttingDown => l("主持端關閉中", "closing"),
        R::Replaced => l("同一紀錄人員重新連線", "the same note-taker joined again"),
        R::TooSlow => l("連線太慢", "too slow"),
        R::BadHello(why) | R::Protocol(why) => return why.clone(),
    };
    label.get(lang).to_owned()
}

/// "錯誤代碼 3 次，最近 14:05:22".
pub fn attempts_summary(count: u32, last: crate::domain::Stamp, lang: Lang) -> String {
    let time = last.format("%H:%M:%S");
    match lang {
        Lang::ZhTw => format!("⚠ 錯誤代碼 {count} 次 {time}"),
        Lang::En => format!("⚠ {count} wrong codes, {time}"),
    }
}

pub fn replaced_at(at: crate::domain::Stamp, lang: Lang) -> String {
    let time = at.format("%H:%M");
    match lang {
        Lang::ZhTw => format!("（{time} 因錯誤過多已更換）"),
        Lang::En => format!("(replaced at {time} after wrong codes)"),
    }
}

// ---- the note-taker's screen -------------------------------------------------------
pub const CONNECTING: Label = l("連線中…", "connecting…");
pub const CONNECTED_MARK: Label = l("已連線 ✓", "connected ✓");
pub const HOST_GONE: Label = l(
    "主持端離線：照常記錄，連上後自動送出",
    "host gone: keep typing, notes go when it is back",
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
pub const NOTE_STATES_HELP: Label = l(
    "自己的紀錄標示狀態：…傳送＝已存於本機、尚待主持端儲存；✓已存＝主持端已存檔；✗退回＝主持端不接受（原因見訊息列）",
    "Your notes show their state: …sending = kept on this laptop, not yet saved by the host; ✓saved = in the host's file; ✗rejected = the host refused it (why is in the message line)",
);
pub const CORRECTING: Label = l("更正中（Esc 取消）", "correcting (Esc cancels)");
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

pub fn bad_code(error: &crate::net::CodeError, lang: Lang) -> String {
    match lang {
        Lang::ZhTw => {
            "代碼為 8 個字元，例如 K7QM-4TXP（數字 2–9 與英文字母，不含 I、L、O、U）".to_owned()
        }
        Lang::En => format!("{error}"),
    }
}

/// Why the host turned us away, from the link's own words.
pub fn turned_away(reason: &str, lang: Lang) -> String {
    if lang == Lang::En {
        return format!("Turned away: {reason}. F5 tries again; Ctrl-O takes a new code");
    }
    let why = match reason {
        "the facilitator revoked this note-taker" => "主持人已撤銷此紀錄人員",
        "the facilitator disconnected this note-taker" => "主持人中斷了此連線",
        r if r.starts_with("this note-taker joined again") => {
            "同一紀錄人員（同一本機暫存檔）已從別處加入"
        }
        r if r.starts_with("the host runs another version") => {
            "主持端的 Roundtable 版本不同：兩台電腦請使用相同版本"
        }
        other => other,
    };
    format!("主持端拒絕連線：{why}。F5 重試；Ctrl-O 輸入新代碼")
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

/// "出席委員 13 人（政府 6/7  非政府 7/7）  列席 1".
pub fn attendance_summary(
    present: crate::domain::Balance,
    roster: crate::domain::Balance,
    observers: u32,
    lang: Lang,
) -> String {
    let gov = side_count(
        side_short(Side::Government),
        present.government,
        roster.government,
        lang,
    );
    let non = side_count(
        side_short(Side::NonGovernment),
        present.non_government,
        roster.non_government,
        lang,
    );
    match lang {
        Lang::ZhTw => format!(
            "{}（{gov}  {non}）  {} {observers}",
            present_count(present.total(), lang),
            OBSERVERS.zh
        ),
        Lang::En => format!(
            "{} ({gov}  {non})  {} {observers}",
            present_count(present.total(), lang),
            OBSERVERS.en
        ),
    }
}

// ---- refusals and notices ----------------------------------------------------------
pub const NOTHING_SELECTED: Label = l("請先選擇一位與會者", "Select a person first");
pub const NOT_A_GOVERNMENT_MEMBER: Label = l(
    "指派代表僅限機關委員：請選擇政府方委員",
    "Only an agency member sends a representative: select a government member",
);
pub const NO_ITEM_SELECTED: Label = l("請先選擇議程", "Select an agenda item first");
pub const NO_MOTION_SELECTED: Label = l("此議程沒有議案", "This item has no motion");
pub const QUIT_SAVE_FAILED: Label = l(
    "無法儲存，尚未離開。再按一次離開鍵將另存救援檔。",
    "Cannot save, so not quitting. Quit again to write a rescue copy.",
);

pub const UNSENT_NOTE: Label = l(
    "紀錄輸入列還有未送出的文字：按 Enter 送出；再按一次離開鍵則捨棄並離開",
    "A note is typed but not sent: Enter sends it; quit again to leave without it",
);

pub fn undone(what: &str, lang: Lang) -> String {
    match lang {
        Lang::ZhTw => format!("已復原：{what}"),
        Lang::En => format!("Undone: {what}"),
    }
}

pub fn redone(what: &str, lang: Lang) -> String {
    match lang {
        Lang::ZhTw => format!("已重做：{what}"),
        Lang::En => format!("Redone: {what}"),
    }
}

/// A terminal too small to draw in.
pub fn too_small(width: u16, height: u16, need_w: u16, need_h: u16, lang: Lang) -> [String; 2] {
    match lang {
        Lang::ZhTw => [
            "視窗太小".to_owned(),
            format!("目前 {width}×{height}，至少需要 {need_w}×{need_h}"),
        ],
        Lang::En => [
            "Terminal too small".to_owned(),
            format!("now {width}×{height}, need {need_w}×{need_h}"),
        ],
    }
}

pub const HELP_TITLE: Label = l(
    "按鍵說明（Esc 關閉，Up/Down 捲動）",
    "Keys (Esc closes, Up/Down scroll)",
);
pub const TYPE_TO_WRITE: Label = l(
    "在輸入列直接打字（支援中文輸入法與貼上）",
    "Type in an input line (input methods and paste work)",
);
pub const MOUSE_HELP: Label = l(
    "滑鼠：點選出席或議程列即選取；點出席狀態即切換到場／離席；滾輪捲動",
    "Mouse: click a row to select it; click an attendance mark to toggle; wheel scrolls",
);

pub fn context(context: Context) -> Label {
    match context {
        Context::Everywhere => l("任何時候", "Anywhere"),
        Context::Navigation => l("切換面板", "Moving between panels"),
        Context::Panels => l("面板（非輸入時）", "Panels (when not typing)"),
        Context::Lists => l("清單", "Lists"),
        Context::Attendance => l("1 出席", "1 Attendance"),
        Context::Agenda => l("2 議程", "2 Agenda"),
        Context::Motion => l("3 議案", "3 Motion"),
        Context::Notes => l("4 紀錄輸入列", "4 Notes input"),
        Context::Editing => l("編輯輸入列", "Editing a line"),
        Context::TextPrompt => l("輸入對話框", "Text dialog"),
        Context::Picker => l("選擇發言人", "Choosing a speaker"),
        Context::Counts => l("輸入票數", "Typing counts"),
        Context::RollCall => l("唱名表決", "Roll call"),
        Context::ChairRuling => l("主席裁決", "Chair's ruling"),
        Context::NoteTakers => l("紀錄人員連線", "Note-takers"),
        Context::Join => l("紀錄輸入", "Taking notes"),
        Context::Help => l("說明", "This help"),
    }
}

/// What each action is called in hints and help.
pub fn action(action: Action) -> Label {
    match action {
        Action::Quit => l("離開", "quit"),
        Action::ToggleHelp => l("說明", "help"),
        Action::SwitchLanguage => l("English", "中文"),
        Action::Undo => l("復原", "undo"),
        Action::Redo => l("重做", "redo"),
        Action::FocusNext => l("下一面板", "next panel"),
        Action::FocusPrevious => l("上一面板", "previous panel"),
        Action::Focus(Panel::Attendance) => l("出席面板", "attendance panel"),
        Action::Focus(Panel::Agenda) => l("議程面板", "agenda panel"),
        Action::Focus(Panel::Motion) => l("議案面板", "motion panel"),
        Action::Focus(Panel::Notes) => l("紀錄輸入", "notes input"),
        Action::SelectPrevious => l("上移", "up"),
        Action::SelectNext => l("下移", "down"),
        Action::SelectPageUp => l("上一頁", "page up"),
        Action::SelectPageDown => l("下一頁", "page down"),
        Action::SelectFirst => l("第一筆", "first"),
        Action::SelectLast => l("最後一筆", "last"),
        Action::ToggleAttendance => l("到場／離席", "arrive / leave"),
        Action::MarkExcused => l("請假", "excused"),
        Action::AddObserver => l("新增列席", "add observer"),
        Action::AddRepresentative => l("新增代表", "add representative"),
        Action::StartMeeting => l("開會", "start meeting"),
        Action::StartSelectedItem => l("開始此議程", "start item"),
        Action::EndCurrentItem => l("結束議程", "end item"),
        Action::AddExtemporeMotion => l("臨時動議", "extempore motion"),
        Action::AdjournMeeting => l("散會", "adjourn"),
        Action::PreviousMotion => l("上一議案", "previous motion"),
        Action::NextMotion => l("下一議案", "next motion"),
        Action::OpenConsensusRound => l("徵詢共識", "consensus round"),
        Action::RecordObjection => l("異議", "objection"),
        Action::RecordReservation => l("保留意見", "reservation"),
        Action::CloseConsensusRound => l("結束徵詢", "close round"),
        Action::TakeConsentToVote => l("同意付表決", "agree to vote"),
        Action::VoteByCounts => l("舉手表決", "vote by counts"),
        Action::VoteByRollCall => l("唱名表決", "roll call"),
        Action::AskChairRuling => l("主席裁決", "chair rules"),
        Action::DeferMotion => l("保留再議", "defer"),
        Action::WithdrawMotion => l("撤回", "withdraw"),
        Action::AddNote => l("送出紀錄", "add note"),
        Action::PickSpeaker => l("發言人", "speaker"),
        Action::CycleNoteKind => l("類型", "kind"),
        Action::ToggleEnglish => l("英文", "English"),
        Action::NoteNoObjection => l("與會者皆無意見", "no objections"),
        Action::NoteNodding => l("點頭", "nods"),
        Action::ToggleAllNotes => l("本議程／全部", "this item / all"),
        Action::ScrollNotesUp => l("往前捲", "scroll back"),
        Action::ScrollNotesDown => l("往後捲", "scroll on"),
        Action::CursorLeft => l("游標左移", "cursor left"),
        Action::CursorRight => l("游標右移", "cursor right"),
        Action::CursorHome => l("行首", "line start"),
        Action::CursorEnd => l("行尾", "line end"),
        Action::DeleteBackward => l("刪除前一字", "delete back"),
        Action::DeleteForward => l("刪除後一字", "delete"),
        Action::Confirm => l("確定", "confirm"),
        Action::Cancel => l("取消", "cancel"),
        Action::NextField => l("下一欄", "next field"),
        Action::PreviousField => l("上一欄", "previous field"),
        Action::BallotYes => l("贊成", "yes"),
        Action::BallotNo => l("反對", "no"),
        Action::BallotAbstain => l("棄權", "abstain"),
        Action::ClearBallot => l("清除", "clear"),
        Action::ChairAdopts => l("裁決通過", "adopt"),
        Action::ChairRejects => l("裁決不通過", "reject"),
        Action::PreviousFollowUp => l("上一追蹤事項", "previous matter"),
        Action::NextFollowUp => l("下一追蹤事項", "next matter"),
        Action::RecordFollowUpAction => l("辦理情形", "action taken"),
        Action::KeepTrackingFollowUp => l("繼續追蹤", "keep tracking"),
        Action::CloseFollowUp => l("解除追蹤", "close"),
        Action::ShowNoteTakers => l("紀錄連線", "note-takers"),
        Action::DisconnectNoteTaker => l("中斷連線", "disconnect"),
        Action::RevokeNoteTaker => l("撤銷", "revoke"),
        Action::NewJoinCode => l("換新代碼", "new code"),
        Action::PreviousOwnNote => l("選上一則", "select older note"),
        Action::NextOwnNote => l("選下一則", "select newer note"),
        Action::CorrectNote => l("更正所選", "correct selected"),
        Action::EnterJoinCode => l("輸入代碼", "join code"),
        Action::ReconnectNow => l("立即重連", "reconnect now"),
    }
}

/// A refusal from the meeting's rules, in the interface's language. English uses the
/// domain's own message, which already says what to do.
pub fn refusal(error: &DomainError, state: &State, lang: Lang) -> String {
    if lang == Lang::En {
        return error.to_string();
    }
    use DomainError as E;
    match error {
        E::UnknownPerson(id) => format!("名冊上沒有「{id}」"),
        E::UnknownItem(id) => format!("沒有議程「{id}」"),
        E::UnknownMotion(id) => format!("沒有議案「{id}」"),
        E::UnknownNote(seq) => format!("事件 {seq} 不是紀錄"),
        E::UnknownFollowUp(n) => format!("追蹤表沒有第 {n} 項"),
        E::DuplicateId(id) => format!("代號「{id}」已被使用"),
        E::Roster(e) => format!("名冊有誤：{e}"),
        E::AlreadyPresent(name) => format!("{name} 已在場"),
        E::NotPresent(name) => format!("{name} 不在場，無法離席"),
        E::ExcusedWhilePresent(name) => format!("{name} 在場，不能請假"),
        E::OnlyMembersAreExcused(name) => format!("{name} 不是委員；只有委員可請假"),
        E::Adjourned => "會議已散會".to_owned(),
        E::AlreadyStarted => "會議已經開始".to_owned(),
        E::NotCurrentItem(id) => {
            let title = state.item(id).map_or(id.0.as_str(), |i| &i.item.title.text);
            format!("「{title}」不是進行中的議程")
        }
        E::WrongStage { stage, hint, .. } => {
            use crate::domain::StageHint as H;
            let hint = match hint {
                H::RoundOpensOnProposedOrFailed => "徵詢共識只能在提案或未達共識時開始",
                H::OpenRoundFirst => "請先開始徵詢共識",
                H::NoRoundToClose => "目前沒有進行中的徵詢",
                H::ConsentAfterFailedRound => "徵詢未達共識後才能詢問是否付表決",
                H::VoteAfterConsent => "須先獲同意付表決",
                H::ChairAfterEvenSplit => "只有可否同數時才由主席裁決",
                H::AlreadyClosed => "此議案已結束",
            };
            format!("議案目前為「{}」：{hint}", i18n::stage(*stage).zh)
        }
        E::ObserverCannotBlock(name) => {
            format!("{name} 為列席人員，無表決權，不能提出阻擋性異議；請記為保留意見")
        }
        E::NobodyPresent => "沒有出席委員".to_owned(),
        E::AgreeExceedsPresent { agree, present } => {
            format!("同意 {agree} 人，但出席委員只有 {present} 人")
        }
        E::VotesExceedPresent {
            yes,
            no,
            abstain,
            total,
            present,
        } => format!(
            "贊成 {yes} + 反對 {no} + 棄權 {abstain} = {total} 票，但出席委員只有 {present} 人"
        ),
        E::VoterNotPresent(name) => format!("{name} 不是在場委員，不能投票"),
        E::VotedTwice(name) => format!("{name} 的席次重複投票"),
        E::NotQuorate { present, needed } => {
            format!("未達法定人數：出席 {present} 人，需 {needed} 人")
        }
        E::NoteTakerMayOnlyTakeNotes => "紀錄人員只能新增或更正紀錄".to_owned(),
        E::NotYourNote => "只有紀錄作者或主持人可以更正".to_owned(),
        E::AlreadyRecorded { client, seq } => format!("{client} 的第 {seq} 則紀錄已經記錄過"),
        E::NothingToUndo => "沒有可以復原的操作".to_owned(),
        E::NothingToRedo => "沒有可以重做的操作".to_owned(),
        E::CannotUndo { what, why } => format!("無法復原 {what}：{why}"),
        E::NotRetractable(seq) => format!("事件 {seq} 不能復原或重做"),
    }
}

fn speaker<'a>(state: &'a State, speaker: &'a Speaker) -> &'a str {
    state.speaker_name(speaker)
}

fn person<'a>(state: &'a State, id: &'a crate::domain::PersonId) -> &'a str {
    state
        .person(id)
        .map_or(id.0.as_str(), |p| p.name.text.as_str())
}

fn motion_text(state: &State, id: &crate::domain::MotionId, lang: Lang) -> String {
    state.motion(id).map_or_else(
        || id.0.clone(),
        |m| super::text::truncate(m.motion.text.get(lang), 24),
    )
}

/// A short account of an event, for "Undone: …".
pub fn describe(kind: &EventKind, state: &State, lang: Lang) -> String {
    let zh = lang == Lang::ZhTw;
    let pick = |a: String, b: String| if zh { a } else { b };
    match kind {
        EventKind::MeetingStarted => pick("開會".into(), "meeting started".into()),
        EventKind::MeetingAdjourned => pick("散會".into(), "adjournment".into()),
        EventKind::FollowUpRecorded { entry, .. } => pick(
            format!("追蹤事項第 {entry} 項辦理情形"),
            format!("follow-up entry {entry} recorded"),
        ),
        EventKind::Arrived { person: p } => {
            let n = person(state, p);
            pick(format!("{n} 到場"), format!("{n} arrived"))
        }
        EventKind::Left { person: p } => {
            let n = person(state, p);
            pick(format!("{n} 離席"), format!("{n} left"))
        }
        EventKind::Excused { person: p } => {
            let n = person(state, p);
            pick(format!("{n} 請假"), format!("{n} excused"))
        }
        EventKind::RepresentativeAdded(r) => {
            let n = &r.name.text;
            pick(format!("新增代表 {n}"), format!("representative {n} added"))
        }
        EventKind::ObserverAdded(o) => {
            let n = &o.name.text;
            pick(format!("新增列席 {n}"), format!("observer {n} added"))
        }
        EventKind::ItemStarted { item } | EventKind::ItemEnded { item } => {
            let title = state.item(item).map_or_else(
                || item.0.clone(),
                |i| super::text::truncate(i.item.title.get(lang), 24),
            );
            let started = matches!(kind, EventKind::ItemStarted { .. });
            match (zh, started) {
                (true, true) => format!("開始議程「{title}」"),
                (true, false) => format!("結束議程「{title}」"),
                (false, true) => format!("item started: {title}"),
                (false, false) => format!("item ended: {title}"),
            }
        }
        EventKind::ItemAdded(item) => {
            let t = super::text::truncate(item.title.get(lang), 24);
            pick(format!("新增議程「{t}」"), format!("item added: {t}"))
        }
        EventKind::MotionAdded(m) => {
            let t = super::text::truncate(m.text.get(lang), 24);
            pick(format!("新增議案「{t}」"), format!("motion added: {t}"))
        }
        EventKind::ConsensusRoundOpened { motion } => {
            let t = motion_text(state, motion, lang);
            pick(
                format!("徵詢共識「{t}」"),
                format!("consensus round on {t}"),
            )
        }
        EventKind::ObjectionRaised {
            speaker: s,
            blocking,
            ..
        } => {
            let n = speaker(state, s);
            match (zh, blocking) {
                (true, true) => format!("{n} 的異議"),
                (true, false) => format!("{n} 的保留意見"),
                (false, true) => format!("objection by {n}"),
                (false, false) => format!("reservation by {n}"),
            }
        }
        EventKind::ConsensusRoundClosed { .. } => pick("結束徵詢".into(), "round closed".into()),
        EventKind::ConsentToVoteTaken { agree, .. } => pick(
            format!("同意付表決 {agree} 人"),
            format!("{agree} agreed to vote"),
        ),
        EventKind::VoteTaken { tally, .. } => {
            let (y, n, a) = tally.counts();
            pick(
                format!("表決 {y}:{n}:{a}"),
                format!("vote {y} yes, {n} no, {a} abstain"),
            )
        }
        EventKind::ChairRuled { adopted, .. } => match (zh, adopted) {
            (true, true) => "主席裁決通過".into(),
            (true, false) => "主席裁決不通過".into(),
            (false, true) => "chair adopted".into(),
            (false, false) => "chair rejected".into(),
        },
        EventKind::MotionDeferred { .. } => pick("保留再議".into(), "deferral".into()),
        EventKind::MotionWithdrawn { .. } => pick("撤回".into(), "withdrawal".into()),
        EventKind::NoteAdded(note)
        | EventKind::NoteCorrected {
            corrected: note, ..
        } => {
            let t = super::text::truncate(note.text.get(lang), 24);
            pick(format!("紀錄「{t}」"), format!("note \"{t}\""))
        }
        EventKind::Retracted { event } => pick(format!("復原 {event}"), format!("undo of {event}")),
        EventKind::Reinstated { event } => {
            pick(format!("重做 {event}"), format!("redo of {event}"))
        }
    }
}

// ---- follow-up table ---------------------------------------------------------------
pub const FOLLOW_UP_OWNER: Label = l("主辦", "by");
pub const FOLLOW_UP_ACTION_TAKEN: Label = l("辦理情形", "Action taken");
pub const NOT_REPORTED_YET: Label = l("（尚未填寫）", "(not recorded yet)");
pub const NO_FOLLOW_UP_SELECTED: Label = l(
    "此議程沒有追蹤事項（追蹤表在「上次會議決議事項辦理情形」議程）",
    "No follow-up table here (it is on the follow-up item)",
);
pub const ASK_ACTION_TAKEN: Label = l("辦理情形", "Action taken");

/// The action-taken dialog names the matter: "第 2 項辦理情形：會議紀錄及簡報…".
pub fn ask_action_taken(number: u32, matter: &str, lang: Lang) -> String {
    match lang {
        Lang::ZhTw => format!("第 {number} 項辦理情形：{matter}"),
        Lang::En => format!("Action taken on matter {number}: {matter}"),
    }
}

/// Marking a matter with the status it already has records nothing and says so.
pub fn follow_up_already(number: u32, status: crate::domain::FollowUpStatus, lang: Lang) -> String {
    let status = i18n::follow_up_status(status).get(lang);
    match lang {
        Lang::ZhTw => format!("第 {number} 項已是「{status}」"),
        Lang::En => format!("Matter {number} is already \"{}\"", status.to_lowercase()),
    }
}

/// "第 2 次會議決議" / "from the 2nd meeting": where a matter was decided.
pub fn from_meeting(number: u32, lang: Lang) -> String {
    match lang {
        Lang::ZhTw => format!("第 {number} 次會議決議"),
        Lang::En => format!(
            "from the {} meeting",
            crate::domain::follow_up::ordinal_en(number)
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn presence_marks_line_up_in_both_languages() {
        use super::super::text::width;
        for p in [
            Presence::Present,
            Presence::Absent,
            Presence::Left,
            Presence::Excused,
            Presence::Represented,
        ] {
            assert_eq!(width(presence(p).zh), 4);
            assert!(width(presence(p).en) <= 4);
        }
    }

    #[test]
    fn the_rule_books_default_thresholds_read_as_the_rules_say() {
        assert_eq!(threshold(&Threshold::MORE_THAN_HALF, Lang::ZhTw), "過半數");
        assert_eq!(
            threshold(&Threshold::HALF_OR_MORE, Lang::ZhTw),
            "二分之一以上"
        );
        assert_eq!(
            consent_counts(6, 6, 10, "過半數", Lang::ZhTw),
            "同意付表決 6 / 需 6（出席 10 人過半數）"
        );
    }
}
