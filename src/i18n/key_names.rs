//! What the keys are called: each action and each context of the key tables, as the
//! footer hints and the help overlay print them, and the help overlay's own lines.
//! Which action a name belongs to is said where the actions are defined
//! (`tui/shared/action.rs`, `tui/facilitator/action.rs`, `tui/join/action.rs`), which
//! all name their texts from here.

use super::{Label, l};

/// The README's key reference: its column of what a key does, in each language.
pub const REFERENCE_HEADING: Label = l("按鍵作用", "what it does");

pub const HELP_TITLE: Label = l(
    "按鍵說明（Esc 關閉，Up/Down 捲動）",
    "Keys (Esc closes, Up/Down scroll)",
);
pub const TYPE_TO_WRITE: Label = l(
    "在輸入列直接打字（支援中文輸入法與貼上）",
    "Type in an input line (input methods and paste work)",
);
pub const MOUSE_HELP: Label = l(
    "滑鼠：點選出席、議程或發言登記列即選取；點出席狀態即切換到場／離席；點下方的按鍵提示或本表的一列即執行；滾輪捲動",
    "Mouse: click a row of attendance, agenda or the speaking queue to select it; click an attendance mark to toggle; click a key hint at the bottom or a line of this list to do it; wheel scrolls",
);

// ---- where a key works ----------------------------------------------------------------

pub const CONTEXT_EVERYWHERE: Label = l("任何時候", "Anywhere");
pub const CONTEXT_NAVIGATION: Label = l("切換面板", "Moving between panels");
pub const CONTEXT_PANELS: Label = l("面板（非輸入時）", "Panels (when not typing)");
pub const CONTEXT_LISTS: Label = l("清單", "Lists");
pub const CONTEXT_ATTENDANCE: Label = l("1 出席", "1 Attendance");
pub const CONTEXT_AGENDA: Label = l("2 議程", "2 Agenda");
pub const CONTEXT_SPEAKERS: Label = l("5 發言", "5 Speakers");
pub const CONTEXT_MOTION: Label = l("3 議案", "3 Motion");
pub const CONTEXT_FOLLOW_UP: Label = l("3 議案：追蹤表", "3 Motion: the follow-up table");
pub const CONTEXT_NOTES: Label = l("4 紀錄輸入列", "4 Notes input");
pub const CONTEXT_EDITING: Label = l("編輯輸入列", "Editing a line");
pub const CONTEXT_TEXT_PROMPT: Label = l("輸入對話框", "Text dialog");
pub const CONTEXT_PICKER: Label = l("選擇發言人", "Choosing a speaker");
pub const CONTEXT_COUNTS: Label = l("輸入票數", "Typing counts");
pub const CONTEXT_ROLL_CALL: Label = l("唱名表決", "Roll call");
pub const CONTEXT_CHAIR_RULING: Label = l("主席裁決", "Chair's ruling");
pub const CONTEXT_NOTE_TAKERS: Label = l("紀錄人員連線", "Note-takers");
pub const CONTEXT_JOIN: Label = l("紀錄輸入", "Taking notes");
pub const CONTEXT_COMMENTS: Label = l("公眾意見", "Public comments");
pub const CONTEXT_HELP: Label = l("說明", "This help");

// ---- what both screens do ---------------------------------------------------

pub const QUIT: Label = l("離開", "quit");
pub const TOGGLE_HELP: Label = l("說明", "help");
pub const SWITCH_LANGUAGE: Label = l("English", "中文");
pub const SELECT_PREVIOUS: Label = l("上移", "up");
pub const SELECT_NEXT: Label = l("下移", "down");
pub const SELECT_PAGE_UP: Label = l("上一頁", "page up");
pub const SELECT_PAGE_DOWN: Label = l("下一頁", "page down");
pub const ADD_NOTE: Label = l("送出紀錄", "add note");
pub const PICK_SPEAKER: Label = l("發言人", "speaker");
pub const CYCLE_NOTE_KIND: Label = l("類型", "kind");
pub const TOGGLE_ENGLISH: Label = l("英文", "English");
pub const NOTE_NO_OBJECTION: Label = l("與會者皆無意見", "no objections");
pub const NOTE_NODDING: Label = l("點頭", "nods");
pub const SCROLL_NOTES_UP: Label = l("往前捲", "scroll back");
pub const SCROLL_NOTES_DOWN: Label = l("往後捲", "scroll on");
pub const CURSOR_LEFT: Label = l("游標左移", "cursor left");
pub const CURSOR_RIGHT: Label = l("游標右移", "cursor right");
pub const CURSOR_HOME: Label = l("行首", "line start");
pub const CURSOR_END: Label = l("行尾", "line end");
pub const DELETE_BACKWARD: Label = l("刪除前一字", "delete back");
pub const DELETE_FORWARD: Label = l("刪除後一字", "delete");
pub const CONFIRM: Label = l("確定", "confirm");
pub const CANCEL: Label = l("取消", "cancel");

// ---- the facilitator's actions ----------------------------------------------

pub const UNDO: Label = l("復原", "undo");
pub const REDO: Label = l("重做", "redo");
pub const FOCUS_NEXT: Label = l("下一面板", "next panel");
pub const FOCUS_PREVIOUS: Label = l("上一面板", "previous panel");
pub const FOCUS_ATTENDANCE: Label = l("出席面板", "attendance panel");
pub const FOCUS_AGENDA: Label = l("議程面板", "agenda panel");
pub const FOCUS_MOTION: Label = l("議案面板", "motion panel");
pub const FOCUS_NOTES: Label = l("紀錄輸入", "notes input");
pub const SHOW_COMMENTS: Label = l("公眾意見", "public comments");
pub const ANSWER_COMMENT: Label = l("回應", "answer");
pub const FOCUS_SPEAKERS: Label = l("發言面板", "speakers panel");
pub const REQUEST_TO_SPEAK: Label = l("登記發言", "add to queue");
pub const CALL_NEXT_SPEAKER: Label = l("下一位", "next speaker");
pub const CALL_SELECTED_SPEAKER: Label = l("請所選者發言", "give the floor to the selected");
pub const PAUSE_SPEAKING: Label = l("暫停／繼續", "pause / resume");
pub const END_SPEAKING: Label = l("結束發言", "end turn");
pub const EXTEND_SPEAKING: Label = l("延長 1 分鐘", "one more minute");
pub const WITHDRAW_REQUEST: Label = l("取消登記", "take off the queue");
pub const MOVE_REQUEST_UP: Label = l("順序上移", "move up the queue");
pub const MOVE_REQUEST_DOWN: Label = l("順序下移", "move down the queue");
pub const SET_SPEAKING_LIMIT: Label = l("本議程每人發言時間", "speaking time on this item");
pub const SELECT_FIRST: Label = l("第一筆", "first");
pub const SELECT_LAST: Label = l("最後一筆", "last");
pub const TOGGLE_ATTENDANCE: Label = l("到場／離席", "arrive / leave");
pub const MARK_EXCUSED: Label = l("請假", "excused");
pub const ADD_OBSERVER: Label = l("新增列席", "add observer");
pub const ADD_REPRESENTATIVE: Label = l("新增代表", "add representative");
pub const START_MEETING: Label = l("開會", "start meeting");
pub const START_SELECTED_ITEM: Label = l("開始此議程", "start item");
pub const END_CURRENT_ITEM: Label = l("結束議程", "end item");
pub const ADD_EXTEMPORE_MOTION: Label = l("臨時動議", "extempore motion");
pub const ADJOURN_MEETING: Label = l("散會", "adjourn");
pub const PREVIOUS_MOTION: Label = l("上一議案", "previous motion");
pub const NEXT_MOTION: Label = l("下一議案", "next motion");
pub const OPEN_CONSENSUS_ROUND: Label = l("徵詢共識", "consensus round");
pub const RECORD_OBJECTION: Label = l("異議", "objection");
pub const RECORD_RESERVATION: Label = l("保留意見", "reservation");
pub const CLOSE_CONSENSUS_ROUND: Label = l("結束徵詢", "close round");
pub const TAKE_CONSENT_TO_VOTE: Label = l("同意付表決", "agree to vote");
pub const VOTE_BY_COUNTS: Label = l("舉手表決", "vote by counts");
pub const VOTE_BY_ROLL_CALL: Label = l("唱名表決", "roll call");
pub const ASK_CHAIR_RULING: Label = l("主席裁決", "chair rules");
pub const DEFER_MOTION: Label = l("保留再議", "defer");
pub const WITHDRAW_MOTION: Label = l("撤回", "withdraw");
pub const AMEND_MOTION: Label = l("修正文字", "amend text");
pub const ADD_MOTION: Label = l("新增議案", "add motion");
pub const CORRECT_PERSON: Label = l("更正姓名、職稱、單位", "correct name, title, organisation");
pub const ADD_ITEM: Label = l("本段新增議程", "add item to this section");
pub const NEXT_CHOICE: Label = l(
    "換段落／類別與席位／回應結果（新增議程、委員，回應意見時）",
    "next section / category and seat / status (new item, member, answer)",
);
pub const ADD_MEMBER: Label = l("新增委員", "add member");
pub const EDIT_ITEM: Label = l(
    "修改議程（案由、單位、時間、說明、辦法）",
    "edit item (title, presenter, minutes, explanation, action)",
);
pub const TOGGLE_ROOM_QR: Label = l("直播頁 QR 碼", "live page QR code");
pub const SPLIT_MOTION: Label = l("分案", "split motion");
pub const REMOVE_PERSON: Label = l("移出名單（未參與者）", "take off the roster (if absent)");
pub const EDIT_MEETING_DETAILS: Label = l(
    "會議資料（名稱、日期、時間、地點、紀錄、主席）",
    "meeting details (title, date, times, venue, recorder, chair)",
);
pub const MOVE_ITEM_UP: Label = l("議程上移", "move item up");
pub const MOVE_ITEM_DOWN: Label = l("議程下移", "move item down");
pub const REMOVE_ITEM: Label = l("移除議程", "remove item");
pub const TOGGLE_ALL_NOTES: Label = l("本議程／全部", "this item / all");
pub const NOTES_BACK: Label = l("取消／返回", "cancel / back");
pub const NEXT_FIELD: Label = l("下一欄", "next field");
pub const PREVIOUS_FIELD: Label = l("上一欄", "previous field");
pub const BALLOT_YES: Label = l("贊成", "yes");
pub const BALLOT_NO: Label = l("反對", "no");
pub const BALLOT_ABSTAIN: Label = l("棄權", "abstain");
pub const CLEAR_BALLOT: Label = l("清除", "clear");
pub const CHAIR_ADOPTS: Label = l("裁決通過", "adopt");
pub const CHAIR_REJECTS: Label = l("裁決不通過", "reject");
pub const PREVIOUS_FOLLOW_UP: Label = l("上一追蹤事項", "previous matter");
pub const NEXT_FOLLOW_UP: Label = l("下一追蹤事項", "next matter");
pub const RECORD_FOLLOW_UP_ACTION: Label = l("辦理情形", "action taken");
pub const KEEP_TRACKING_FOLLOW_UP: Label = l("繼續追蹤", "keep tracking");
pub const CLOSE_FOLLOW_UP: Label = l("解除追蹤", "close");
pub const SHOW_NOTE_TAKERS: Label = l("紀錄連線", "note-takers");
pub const DISCONNECT_NOTE_TAKER: Label = l("中斷連線", "disconnect");
pub const REVOKE_NOTE_TAKER: Label = l("撤銷", "revoke");
pub const NEW_JOIN_CODE: Label = l("換新代碼", "new code");

// ---- the note-taker's actions -----------------------------------------------
// (the first three are the facilitator's too, on any note)

pub const SELECT_OLDER_NOTE: Label = l("選上一則", "select older note");
pub const SELECT_NEWER_NOTE: Label = l("選下一則", "select newer note");
pub const CORRECT_NOTE: Label = l("更正所選", "correct selected");
pub const ENTER_JOIN_CODE: Label = l("輸入代碼", "join code");
pub const RECONNECT_NOW: Label = l("立即重連", "reconnect now");
