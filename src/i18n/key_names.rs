//! What the keys are called: each action and each context of the key tables, as the
//! footer hints and the help overlay print them, and the help overlay's own lines.

use crate::tui::facilitator::action::{Action, Panel};
use crate::tui::join::action::JoinAction;
use crate::tui::shared::action::Common;
use crate::tui::shared::keys::{Context, Named};

use super::{Label, l};

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
        Context::FollowUp => l("3 議案：追蹤表", "3 Motion: the follow-up table"),
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
impl Named for Common {
    fn name(self) -> Label {
        match self {
            Common::Quit => l("離開", "quit"),
            Common::ToggleHelp => l("說明", "help"),
            Common::SwitchLanguage => l("English", "中文"),
            Common::SelectPrevious => l("上移", "up"),
            Common::SelectNext => l("下移", "down"),
            Common::SelectPageUp => l("上一頁", "page up"),
            Common::SelectPageDown => l("下一頁", "page down"),
            Common::AddNote => l("送出紀錄", "add note"),
            Common::PickSpeaker => l("發言人", "speaker"),
            Common::CycleNoteKind => l("類型", "kind"),
            Common::ToggleEnglish => l("英文", "English"),
            Common::NoteNoObjection => l("與會者皆無意見", "no objections"),
            Common::NoteNodding => l("點頭", "nods"),
            Common::ScrollNotesUp => l("往前捲", "scroll back"),
            Common::ScrollNotesDown => l("往後捲", "scroll on"),
            Common::CursorLeft => l("游標左移", "cursor left"),
            Common::CursorRight => l("游標右移", "cursor right"),
            Common::CursorHome => l("行首", "line start"),
            Common::CursorEnd => l("行尾", "line end"),
            Common::DeleteBackward => l("刪除前一字", "delete back"),
            Common::DeleteForward => l("刪除後一字", "delete"),
            Common::Confirm => l("確定", "confirm"),
            Common::Cancel => l("取消", "cancel"),
        }
    }
}

impl Named for Action {
    fn name(self) -> Label {
        match self {
            Action::Common(common) => common.name(),
            Action::Undo => l("復原", "undo"),
            Action::Redo => l("重做", "redo"),
            Action::FocusNext => l("下一面板", "next panel"),
            Action::FocusPrevious => l("上一面板", "previous panel"),
            Action::Focus(Panel::Attendance) => l("出席面板", "attendance panel"),
            Action::Focus(Panel::Agenda) => l("議程面板", "agenda panel"),
            Action::Focus(Panel::Motion) => l("議案面板", "motion panel"),
            Action::Focus(Panel::Notes) => l("紀錄輸入", "notes input"),
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
            Action::ToggleAllNotes => l("本議程／全部", "this item / all"),
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
        }
    }
}

impl Named for JoinAction {
    fn name(self) -> Label {
        match self {
            JoinAction::Common(common) => common.name(),
            JoinAction::PreviousOwnNote => l("選上一則", "select older note"),
            JoinAction::NextOwnNote => l("選下一則", "select newer note"),
            JoinAction::CorrectNote => l("更正所選", "correct selected"),
            JoinAction::EnterJoinCode => l("輸入代碼", "join code"),
            JoinAction::ReconnectNow => l("立即重連", "reconnect now"),
        }
    }
}
