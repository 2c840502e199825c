//! What the screens print, in Traditional Chinese and English side by side, so a
//! missing translation shows in review: the facilitator's panels, dialogs and
//! notices, and the pieces the note-taker's screen shares with it. The link's own
//! words are in `note_taking.rs`, key names in `key_names.rs`, refusals in `refusals.rs`,
//! and the names of the meeting's things in `vocabulary.rs`.
//!
//! A string table, one section per panel: over 600 lines because splitting it further
//! would scatter what a translator reviews together.

use crate::domain::{Ballot, EventKind, Lang, Presence, Side, Speaker, State};
use crate::width::truncate;

use super::{Label, l, vocabulary};

// The kinds of note the input line records, as its status row names them.
pub const KIND_SAID: Label = l("發言", "said");
pub const KIND_NARRATIVE: Label = l("現場", "narrative");
pub const KIND_ACTION: Label = l("待辦", "action item");
pub const KIND_DECISION: Label = l("決議/決定", "decision");

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

/// The meeting's title as screens and the room's page show it: its number, then its
/// title.
pub fn meeting_title(number: Option<u32>, title: &crate::domain::Text, lang: Lang) -> String {
    let mut out = String::new();
    if let Some(n) = number {
        out.push_str(&meeting_number(n, lang));
        out.push(' ');
    }
    out.push_str(title.get(lang));
    out
}

// ---- panels ------------------------------------------------------------------------
pub const PANEL_ATTENDANCE: Label = l("出席", "Attendance");
pub const PANEL_AGENDA: Label = l("議程", "Agenda");
pub const PANEL_MOTION: Label = l("議案", "Motion");
pub const PANEL_NOTES: Label = l("紀錄", "Notes");
pub const PANEL_SPEAKERS: Label = l("發言", "Speakers");

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

/// A stage or tag in brackets: 〔徵詢共識〕 / [Consensus round].
pub fn bracket(text: &str, lang: Lang) -> String {
    match lang {
        Lang::ZhTw => format!("〔{text}〕"),
        Lang::En => format!("[{text}]"),
    }
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
/// On an item that takes motions and has none yet.
pub const NO_MOTION_YET: Label = l(
    "此議程尚無議案（按 p 新增議案）",
    "No motion on this item yet (p adds one)",
);
pub const PROPOSER: Label = l("提案", "Proposed by");
pub const BLOCKING: Label = l("異議", "objection");
pub const RESERVATION: Label = l("保留意見", "reservation");
pub const NON_MEMBER_VIEW: Label = l("非委員意見", "non-member's view");
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

// ---- dialogs -----------------------------------------------------------------------
pub const ASK_OBSERVER_NAME: Label = l("列席者姓名（可加單位）", "Observer's name");
pub const ASK_REPRESENTATIVE_NAME: Label = l("指派代表姓名", "Designated representative's name");
pub const ASK_REPRESENTATIVE_TITLE: Label = l("指派代表職稱", "Designated representative's title");

/// The representative's dialog says whose seat they take.
pub fn ask_representative_for(member: &str, lang: Lang) -> String {
    match lang {
        Lang::ZhTw => format!("代理 {member} 出席的指派代表姓名"),
        Lang::En => format!("Name of the representative attending for {member}"),
    }
}
pub const ASK_EXTEMPORE_TEXT: Label = l("臨時動議內容", "Text of the extempore motion");
pub const ASK_PROPOSER: Label = l("提案人（Enter 略過）", "Proposed by (Enter to skip)");
pub const ASK_MOTION_TEXT: Label = l(
    "議案文字（修改後按 Enter；原文保留於紀錄）",
    "The motion's text (edit, then Enter; the record keeps the earlier text)",
);
pub const ASK_NEW_MOTION_TEXT: Label = l("新議案文字", "Text of the new motion");
pub const ASK_ITEM_TITLE: Label = l("案由", "The item's title");
pub const ASK_PERSON_NAME: Label = l("姓名（Enter 下一欄）", "Name (Enter: next field)");
pub const ASK_PERSON_TITLE: Label = l("職稱（Enter 下一欄）", "Title (Enter: next field)");
pub const ASK_PERSON_ORGANISATION: Label = l("單位", "Organisation");

/// The new member's dialog: their category (and so their side), their seat if it
/// chairs, and how to change them.
pub fn ask_new_member_name(
    category: crate::domain::Category,
    seat: crate::domain::SeatRole,
    lang: Lang,
) -> String {
    let mut category = crate::i18n::category(category).get(lang).to_owned();
    if seat != crate::domain::SeatRole::Member {
        let seat = crate::i18n::seat(seat).get(lang);
        category = match lang {
            Lang::ZhTw => format!("{category}・{seat}"),
            Lang::En => format!("{category}, {seat}"),
        };
    }
    match lang {
        Lang::ZhTw => format!("新委員姓名，類別「{category}」（Tab 換類別或席位）"),
        Lang::En => format!("New member's name, as {category} (Tab: another category or seat)"),
    }
}
pub const ASK_ITEM_PRESENTER: Label = l(
    "報告／提案單位（Enter 下一欄）",
    "Presenting unit (Enter: next field)",
);
pub const ASK_ITEM_MINUTES: Label = l(
    "預定時間（分鐘）（Enter 下一欄）",
    "Planned minutes (Enter: next field)",
);
pub const ASK_ITEM_EXPLANATION: Label =
    l("說明（Enter 下一欄）", "Explanation (Enter: next field)");
pub const ASK_ITEM_PROPOSED_ACTION: Label = l("辦法（可空白）", "Proposed action (may be empty)");

pub const ASK_SPLIT_KEPT: Label = l(
    "分案：本案保留的文字（Enter 下一欄）",
    "Split: the text this motion keeps (Enter: next field)",
);
pub const ASK_SPLIT_REST: Label = l("分案：另立一案的文字", "Split: the text of the new motion");
pub const ASK_SPLIT_PROPOSER: Label = l("誰提議分案？", "Who asked for the split?");
pub const ASK_MEETING_TITLE: Label = l(
    "會議名稱（Enter 下一欄）",
    "Meeting title (Enter: next field)",
);
pub const ASK_MEETING_NUMBER: Label = l(
    "第幾次會議（數字，可空白）",
    "Meeting number in its series (may be empty)",
);
pub const ASK_MEETING_DATE: Label = l("日期 YYYY-MM-DD", "Date YYYY-MM-DD");
pub const ASK_MEETING_START: Label = l(
    "預定開始時間 HH:MM（可空白）",
    "Planned start HH:MM (may be empty)",
);
pub const ASK_MEETING_END: Label = l(
    "預定結束時間 HH:MM（可空白）",
    "Planned end HH:MM (may be empty)",
);
pub const ASK_MEETING_VENUE: Label = l("地點（Enter 下一欄）", "Venue (Enter: next field)");
pub const ASK_MEETING_RECORDER: Label = l("紀錄（Enter 下一欄）", "Recorder (Enter: next field)");
pub const ASK_CHAIR_OF_MEETING: Label = l(
    "主席（選（無）則由召集人、共同召集人主持）",
    "Chair (choose (none) for the convener and co-convener)",
);
pub const CHAIR_ON_ROSTER: Label = l(
    "主席須為名單上的委員或代表：請從清單選擇",
    "The chair is a member or representative on the roster: choose from the list",
);

/// The new item's dialog: its section, and how to change it.
pub fn ask_new_item_title(section: crate::domain::Section, lang: Lang) -> String {
    let section = crate::i18n::section(section).get(lang);
    match lang {
        Lang::ZhTw => format!("新增於「{section}」的案由（Tab 換段落）"),
        Lang::En => format!("Title of a new item under {section} (Tab: another section)"),
    }
}
pub const ASK_AMENDMENT_PROPOSER: Label = l(
    "修正提議者（Enter 略過）",
    "Amendment proposed by (Enter to skip)",
);
pub const ASK_OBJECTOR: Label = l("誰提出異議？", "Who objects?");
pub const ASK_RESERVER: Label = l("誰表示保留意見？", "Who states a reservation?");
pub const ASK_REASON: Label = l("理由", "Reason");
pub const ASK_NOTE_SPEAKER: Label = l("發言人", "Speaker");
pub const ASK_OWNER: Label = l("待辦負責人（Enter 略過）", "Action owner (Enter to skip)");
pub const ASK_DUE: Label = l(
    "期限 YYYY-MM-DD（空白略過）",
    "Due date YYYY-MM-DD (empty to skip)",
);
pub const ASK_WHO_SPEAKS: Label = l(
    "誰要發言（輸入姓名篩選）",
    "Who asks to speak (type to filter)",
);
pub const ASK_SPEAKING_LIMIT: Label = l(
    "本議程每人發言時間（分鐘，或 分:秒）",
    "Speaking time per person on this item (minutes, or m:ss)",
);
pub const NOT_A_DURATION: Label = l(
    "請輸入分鐘數，或 分:秒（如 2:30）",
    "Type minutes, or m:ss (like 2:30)",
);
pub const NO_ITEM_FOR_QUEUE: Label = l(
    "先在議程選一項，發言登記屬於議程",
    "Select an agenda item first: a queue belongs to an item",
);
pub const QUEUE_ITEM_NOT_STARTED: Label = l(
    "此議程尚未開始：開始後才能請登記者發言",
    "This item has not started: start it to give the floor from its queue",
);
pub const QUEUE_EMPTY: Label = l("沒有人登記發言", "Nobody is waiting to speak");
pub const NOBODY_SPEAKING: Label = l("（無人發言）", "(nobody speaking)");
pub const BALANCE_OF_VOICE: Label = l("發言時間", "Speaking time");
pub const THIS_ITEM: Label = l("本議程", "Item");
pub const WHOLE_MEETING: Label = l("全場", "Meeting");
pub const PER_SPEAKER: Label = l("每人", "each");
/// How many wait to speak, for the speakers panel's border.
pub fn waiting(n: usize, lang: Lang) -> String {
    match lang {
        Lang::ZhTw => format!("{n} 人登記"),
        Lang::En => format!("{n} waiting"),
    }
}
/// Turns at speaking, short, beside their time ("2:00 1次").
pub fn turns_short(n: u32, lang: Lang) -> String {
    match lang {
        Lang::ZhTw => format!("{n}次"),
        Lang::En => format!("×{n}"),
    }
}
pub const NOBODY_SPOKE: Label = l("尚無人發言", "nobody has spoken");
pub const PAUSED: Label = l("暫停", "paused");
pub const ASK_RESPONSE: Label = l("回應", "Response");

/// The answer dialog's question: the status chosen, and that Tab changes it.
pub fn ask_response(status: crate::domain::ResponseStatus, lang: Lang) -> String {
    let word = vocabulary::response_status(status).get(lang);
    let reason = status.needs_reason();
    match lang {
        Lang::ZhTw if reason => format!("回應：{word}（Tab 切換；須說明理由）"),
        Lang::ZhTw => format!("回應：{word}（Tab 切換）"),
        Lang::En if reason => format!("Response: {word} (Tab changes; give the reason)"),
        Lang::En => format!("Response: {word} (Tab changes)"),
    }
}

/// The comments list's title: the item, how many, how many wait for an answer.
pub fn comments_title(item: &str, total: usize, unanswered: usize, lang: Lang) -> String {
    match lang {
        Lang::ZhTw => format!("公眾意見：{item}（{total} 則，{unanswered} 則尚未回應）"),
        Lang::En => format!("Public comments: {item} ({total}, {unanswered} not yet answered)"),
    }
}

/// An agenda row's count of comments.
pub fn comments_badge(total: usize, lang: Lang) -> String {
    match lang {
        Lang::ZhTw => format!("意見{total}"),
        Lang::En => format!("{total} cmt"),
    }
}

pub const COMMENTS_ON_NO_ITEM: Label = l("未指定議程的意見", "Comments on no agenda item");
pub const NO_COMMENTS: Label = l(
    "此議程沒有公眾意見（以 roundtable comments import 匯入）",
    "No public comments on this item (import them with roundtable comments import)",
);
pub const NO_COMMENT_SELECTED: Label = l("沒有可回應的意見", "No comment to answer");
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
pub const TYPED_NON_MEMBER: Label = l(
    "非委員（意見照錄，不阻擋共識）",
    "not a member (recorded, does not block)",
);
pub const NOT_A_NUMBER: Label = l("請輸入數字", "Type a number");
pub const NOT_A_DATE: Label = l(
    "日期格式為 YYYY-MM-DD，例如 2026-12-31",
    "Write the date as YYYY-MM-DD, e.g. 2026-12-31",
);
pub const NOT_A_TIME: Label = l(
    "時間格式為 HH:MM，例如 14:00",
    "Write the time as HH:MM, e.g. 14:00",
);
pub const NAME_REQUIRED: Label = l("請輸入姓名", "Type a name");
pub const TEXT_REQUIRED: Label = l("請輸入內容", "Type the text");
pub const EMPTY_NOTE: Label = l("紀錄是空的：先輸入文字", "The note is empty: type it first");

/// The roll call's title keeps the count: "唱名表決：贊成 5  反對 2  棄權 0  未唱名 4".
pub fn roll_call_title(yes: u32, no: u32, abstain: u32, left: u32, lang: Lang) -> String {
    match lang {
        Lang::ZhTw => format!(
            "{}：贊成 {yes}  反對 {no}  棄權 {abstain}  未唱名 {left}",
            ASK_ROLL_CALL.zh
        ),
        Lang::En => format!(
            "{}: yes {yes}  no {no}  abstain {abstain}  not called {left}",
            ASK_ROLL_CALL.en
        ),
    }
}

/// The agree-count dialog states what it takes.
pub fn ask_consent(present: u32, needed: u32, lang: Lang) -> String {
    match lang {
        Lang::ZhTw => format!("同意付表決人數（出席 {present} 人，需 {needed} 人）"),
        Lang::En => format!("How many agree to vote? ({present} present, {needed} needed)"),
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
pub const NOT_SERVING: Label = l(
    "未提供直播頁：以 roundtable open 檔案 --serve 位址 開啟",
    "No live page: open the meeting with --serve ADDR",
);
pub const ROOM_PAGE: Label = l("直播頁", "Live page");

/// "觀看 12 人" / "12 watching".
pub fn watching(n: usize, lang: Lang) -> String {
    match lang {
        Lang::ZhTw => format!("觀看 {n} 人"),
        Lang::En => format!("{n} watching"),
    }
}

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

/// Ctrl-R with no note selected.
pub fn select_a_note_first(select: &str, correct: &str, lang: Lang) -> String {
    match lang {
        Lang::ZhTw => format!("先以 {select} 選一則紀錄，再按 {correct} 更正"),
        Lang::En => format!("Select a note with {select} first; {correct} then corrects it"),
    }
}

/// The header's line before the meeting: the agenda's planned minutes against the
/// planned end, and what is not ready.
pub fn preparation_line(prep: &crate::domain::Preparation, lang: Lang) -> String {
    let zh = lang == Lang::ZhTw;
    let minutes = prep.planned_minutes;
    let mut parts = vec![match (prep.minutes_to_spare(), prep.planned_end) {
        (Some(spare), Some(end)) if spare < 0 => {
            let (over, end) = (-spare, end.format("%H:%M"));
            if zh {
                format!("議程 {minutes} 分，超過 {end} 結束 {over} 分")
            } else {
                format!("agenda {minutes} min, {over} min past the {end} end")
            }
        }
        (Some(spare), Some(end)) => {
            let end = end.format("%H:%M");
            if zh {
                format!("議程 {minutes} 分，{end} 結束前餘 {spare} 分")
            } else {
                format!("agenda {minutes} min, {spare} min to spare before {end}")
            }
        }
        _ if zh => format!("議程 {minutes} 分"),
        _ => format!("agenda {minutes} min"),
    }];
    if !prep.unplanned.is_empty() {
        let n = prep.unplanned.len();
        parts.push(if zh {
            format!("{n} 項未定時間")
        } else {
            format!("{n} without a planned time")
        });
    }
    if prep.no_convener {
        parts.push(if zh { "無召集人" } else { "no convener" }.to_owned());
    }
    if prep.unbalanced.is_some() {
        parts.push(
            if zh {
                "委員未各半"
            } else {
                "roster not half and half"
            }
            .to_owned(),
        );
    }
    parts.join(if zh { "；" } else { "; " })
}

/// What a key did, and how to take it back.
pub fn done(what: &str, undo_key: &str, lang: Lang) -> String {
    match lang {
        Lang::ZhTw => format!("已記錄：{what}（{undo_key} 復原）"),
        Lang::En => format!("Done: {what} ({undo_key} to undo)"),
    }
}

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

fn speaker<'a>(state: &'a State, speaker: &'a Speaker) -> &'a str {
    state.speaker_name(speaker)
}

fn person<'a>(state: &'a State, id: &'a crate::domain::PersonId) -> &'a str {
    state
        .person(id)
        .map_or(id.0.as_str(), |p| p.name.text.as_str())
}

fn motion_text(state: &State, id: &crate::domain::MotionId, lang: Lang) -> String {
    state
        .motion(id)
        .map_or_else(|| id.0.clone(), |m| truncate(m.motion.text.get(lang), 24))
}

/// A short account of an event, for "Undone: …".
pub fn describe(kind: &EventKind, state: &State, lang: Lang) -> String {
    let zh = lang == Lang::ZhTw;
    let pick = |a: String, b: String| if zh { a } else { b };
    match kind {
        EventKind::MeetingStarted => pick("開會".into(), "meeting started".into()),
        EventKind::MeetingAdjourned => pick("散會".into(), "adjournment".into()),
        EventKind::SpeakerRequested { speaker: s, .. } => {
            let who = speaker(state, s);
            pick(format!("{who} 登記發言"), format!("{who} asks to speak"))
        }
        EventKind::SpeakerRequestWithdrawn { .. } => {
            pick("撤回發言登記".into(), "request to speak withdrawn".into())
        }
        EventKind::SpeakerRequestMoved { up, .. } => match (zh, up) {
            (true, true) => "發言順序上移".into(),
            (true, false) => "發言順序下移".into(),
            (false, true) => "request moved up".into(),
            (false, false) => "request moved down".into(),
        },
        EventKind::SpeakingStarted { speaker: s, .. } => {
            let who = speaker(state, s);
            pick(format!("{who} 發言"), format!("{who} speaking"))
        }
        EventKind::SpeakingPaused => pick("暫停發言計時".into(), "speaking time paused".into()),
        EventKind::SpeakingResumed => pick("繼續發言計時".into(), "speaking time resumed".into()),
        EventKind::SpeakingExtended { seconds } => pick(
            format!("延長發言 {seconds} 秒"),
            format!("{seconds} s more to speak"),
        ),
        EventKind::SpeakingEnded => pick("結束發言".into(), "speaking ended".into()),
        EventKind::SpeakingLimitSet { seconds, .. } => pick(
            format!("發言時間定為 {seconds} 秒"),
            format!("speaking time set to {seconds} s"),
        ),
        EventKind::CommentsImported { comments } => pick(
            format!("匯入公眾意見 {} 則", comments.len()),
            format!("{} public comments imported", comments.len()),
        ),
        EventKind::CommentAnswered {
            comment, status, ..
        } => {
            let what = vocabulary::response_status(*status).get(lang);
            let author = state
                .comment(comment)
                .map_or(comment.0.as_str(), |c| c.comment.author.as_str());
            pick(
                format!("回應 {author} 的意見：{what}"),
                format!("answered {author}'s comment: {what}"),
            )
        }
        EventKind::MeetingDetailsChanged(_) => {
            pick("修改會議資料".into(), "meeting details changed".into())
        }
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
        EventKind::MemberAdded(m) => {
            let n = &m.name.text;
            pick(format!("新增委員 {n}"), format!("member {n} added"))
        }
        EventKind::PersonCorrected {
            person: p, name, ..
        } => {
            let (was, now) = (person(state, p), &name.text);
            if was == now.as_str() {
                pick(
                    format!("更正 {now} 的資料"),
                    format!("{now}'s details corrected"),
                )
            } else {
                pick(
                    format!("更正姓名 {was} → {now}"),
                    format!("name corrected: {was} → {now}"),
                )
            }
        }
        EventKind::ObserverAdded(o) => {
            let n = &o.name.text;
            pick(format!("新增列席 {n}"), format!("observer {n} added"))
        }
        EventKind::ItemStarted { item } | EventKind::ItemEnded { item } => {
            let title = state
                .item(item)
                .map_or_else(|| item.0.clone(), |i| truncate(i.item.title.get(lang), 24));
            let started = matches!(kind, EventKind::ItemStarted { .. });
            match (zh, started) {
                (true, true) => format!("開始議程「{title}」"),
                (true, false) => format!("結束議程「{title}」"),
                (false, true) => format!("item started: {title}"),
                (false, false) => format!("item ended: {title}"),
            }
        }
        EventKind::ItemChanged(item) => {
            let t = truncate(item.title.get(lang), 24);
            pick(format!("修改議程「{t}」"), format!("item changed: {t}"))
        }
        EventKind::ItemMoved { item, up } => {
            let title = state
                .item(item)
                .map_or_else(|| item.0.clone(), |i| truncate(i.item.title.get(lang), 24));
            match (zh, up) {
                (true, true) => format!("議程「{title}」上移"),
                (true, false) => format!("議程「{title}」下移"),
                (false, true) => format!("item moved up: {title}"),
                (false, false) => format!("item moved down: {title}"),
            }
        }
        EventKind::PersonRemoved { person: p } => {
            let name = person(state, p);
            pick(
                format!("移除名單上的 {name}"),
                format!("{name} taken off the roster"),
            )
        }
        EventKind::ItemRemoved { item } => {
            let title = state
                .item(item)
                .map_or_else(|| item.0.clone(), |i| truncate(i.item.title.get(lang), 24));
            pick(
                format!("移除議程「{title}」"),
                format!("item removed: {title}"),
            )
        }
        EventKind::ItemAdded(item) => {
            let t = truncate(item.title.get(lang), 24);
            pick(format!("新增議程「{t}」"), format!("item added: {t}"))
        }
        EventKind::MotionAdded(m) => {
            let t = truncate(m.text.get(lang), 24);
            pick(format!("新增議案「{t}」"), format!("motion added: {t}"))
        }
        EventKind::MotionAmended { text, .. } => {
            let t = truncate(text.get(lang), 24);
            pick(format!("修正議案為「{t}」"), format!("motion amended: {t}"))
        }
        EventKind::MotionSplit { text, .. } => {
            let t = truncate(text.get(lang), 24);
            pick(format!("分案，另立「{t}」"), format!("motion split: {t}"))
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
        EventKind::MotionDeferred { motion } => {
            let t = motion_text(state, motion, lang);
            pick(format!("保留再議「{t}」"), format!("deferral of {t}"))
        }
        EventKind::MotionWithdrawn { motion } => {
            let t = motion_text(state, motion, lang);
            pick(format!("撤回「{t}」"), format!("withdrawal of {t}"))
        }
        EventKind::NoteAdded(note) => {
            let t = truncate(note.text.get(lang), 24);
            pick(format!("紀錄「{t}」"), format!("note \"{t}\""))
        }
        EventKind::NoteCorrected {
            corrected: note, ..
        } => {
            let t = truncate(note.text.get(lang), 24);
            pick(
                format!("更正紀錄「{t}」"),
                format!("note corrected: \"{t}\""),
            )
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
    let status = vocabulary::follow_up_status(status).get(lang);
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
        use crate::width::width;
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
    fn the_consent_reads_as_the_rules_say() {
        let rule =
            vocabulary::threshold_words(crate::domain::Threshold::MORE_THAN_HALF, Lang::ZhTw);
        assert_eq!(
            consent_counts(6, 6, 10, &rule, Lang::ZhTw),
            "同意付表決 6 / 需 6（出席 10 人過半數）"
        );
    }
}
