//! Why something was refused, in the reader's language: the meeting's rules
//! (`DomainError`), the note-taker link's refusals, a mistyped join code. The domain
//! and the link only name what happened (an enum); every sentence is here, in both
//! languages, and the English one is also the error's `Display`.

use std::fmt;

use crate::domain::{DomainError, Lang, RosterError, RuleBookError, Stage, StageHint, Threshold};
use crate::net::{HelloProblem, NoRoom, ProtocolFault, Refusal, TurnedAway};

use super::l;

pub mod session_file;

/// Why the host turned a note-taker away (or closed their link).
pub fn host_refusal(reason: &Refusal, lang: Lang) -> String {
    let label = match reason {
        Refusal::Revoked => l("已撤銷", "revoked"),
        Refusal::Full => l(
            "連線人數已滿",
            "as many note-takers as allowed are connected",
        ),
        Refusal::Disconnected => l("已中斷連線", "disconnected"),
        Refusal::ShuttingDown => l("主持端關閉中", "closing"),
        Refusal::Replaced => l("同一紀錄人員重新連線", "the same note-taker joined again"),
        Refusal::TooSlow => l("連線太慢", "too slow"),
        Refusal::BadHello(HelloProblem::Version { theirs, ours }) => {
            return match lang {
                Lang::ZhTw => format!("版本不同（對方 {theirs}，主持端 {ours}）"),
                Lang::En => format!("protocol version {theirs}, this host speaks {ours}"),
            };
        }
        Refusal::BadHello(HelloProblem::ClientId) => {
            l("紀錄端識別碼格式不對", "the client id is malformed")
        }
        Refusal::BadHello(HelloProblem::Name) => l(
            "姓名須為 1 至 64 字，不含控制字元",
            "a name is 1 to 64 characters, without control characters",
        ),
        Refusal::Protocol(fault) => return protocol_fault(*fault).get(lang).to_owned(),
    };
    label.get(lang).to_owned()
}

/// How a note-taker's side broke the protocol.
pub fn protocol_fault(fault: ProtocolFault) -> super::Label {
    match fault {
        ProtocolFault::NoHello => l("未先送出問候訊息", "the first message must be a hello"),
        ProtocolFault::SecondHello => l("重複送出問候訊息", "a second hello"),
        ProtocolFault::Oversized => l("訊息超過大小上限", "a message over the size limit"),
        ProtocolFault::Undecryptable => l("收到無法解密的訊息", "a frame that did not decrypt"),
        ProtocolFault::Malformed => l("收到無法解讀的訊息", "a message that could not be read"),
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

/// Why the host turned this note-taker away, with what to do about it on the screen.
pub fn turned_away(reason: &TurnedAway, lang: Lang) -> String {
    let why = turned_away_because(reason, lang);
    match lang {
        Lang::ZhTw => format!("主持端拒絕連線：{why}。F5 重試；Ctrl-O 輸入新代碼"),
        Lang::En => format!("Turned away: {why}. F5 tries again; Ctrl-O takes a new code"),
    }
}

/// Why the host turned this note-taker away.
pub fn turned_away_because(reason: &TurnedAway, lang: Lang) -> String {
    match reason {
        TurnedAway::Host(Refusal::Revoked) => l(
            "主持人已撤銷此紀錄人員",
            "the facilitator revoked this note-taker",
        )
        .get(lang)
        .to_owned(),
        TurnedAway::Host(Refusal::Disconnected) => l(
            "主持人中斷了此連線",
            "the facilitator disconnected this note-taker",
        )
        .get(lang)
        .to_owned(),
        TurnedAway::Host(Refusal::Replaced) => l(
            "同一紀錄人員（同一本機暫存檔）已從別處加入",
            "this note-taker joined again from elsewhere (the same outbox)",
        )
        .get(lang)
        .to_owned(),
        TurnedAway::TooManyWrongCodes => l(
            "此電腦輸入錯誤代碼次數過多，主持端暫時拒絕其連線（數分鐘）；請確認主持端畫面上的代碼",
            "this computer tried too many wrong codes, so the host refuses it for a few minutes; check the code on the facilitator's screen",
        )
        .get(lang)
        .to_owned(),
        TurnedAway::OtherVersion => l(
            "主持端的 Roundtable 版本不同：兩台電腦請使用相同版本",
            "the host runs another version of Roundtable: use the same version on both laptops",
        )
        .get(lang)
        .to_owned(),
        TurnedAway::Host(other) => host_refusal(other, lang),
    }
}

/// Why the host has no room for this note-taker now; the link keeps trying.
pub fn no_room(why: NoRoom) -> super::Label {
    match why {
        NoRoom::Full => l(
            "主持端的紀錄人員已達上限：請主持人中斷一位；本機會自動重試，紀錄照常保存",
            "The host has as many note-takers as it accepts: ask the facilitator to disconnect one; this laptop keeps trying, and notes are kept",
        ),
        NoRoom::Busy => l(
            "主持端正忙於其他連線：本機會自動重試，紀錄照常保存",
            "The host is busy with other connections: this laptop keeps trying, and notes are kept",
        ),
    }
}

/// Why `address` has no room, before the note-taker's screen opens.
pub fn no_room_at(address: &str, why: NoRoom, lang: Lang) -> String {
    match (why, lang) {
        (NoRoom::Full, Lang::ZhTw) => {
            format!("{address} 的紀錄人員已達上限：請主持人中斷一位紀錄人員後再加入")
        }
        (NoRoom::Full, Lang::En) => format!(
            "{address} is full: the facilitator's Roundtable has as many note-takers as it accepts; ask the facilitator to disconnect one, then join again"
        ),
        (NoRoom::Busy, Lang::ZhTw) => {
            format!("{address} 正忙於其他連線：請稍候再加入")
        }
        (NoRoom::Busy, Lang::En) => {
            format!("{address} is busy with other connections joining; join again in a moment")
        }
    }
}

/// A refusal from the meeting's rules, in the reader's language. Every one says what
/// to do instead.
pub fn refusal(error: &DomainError, lang: Lang) -> String {
    match lang {
        Lang::ZhTw => chinese(error),
        Lang::En => english(error),
    }
}

fn english(error: &DomainError) -> String {
    use DomainError as E;
    match error {
        E::UnknownPerson(id) => format!("nobody with the id \"{id}\" is on the roster"),
        E::UnknownItem(id) => format!("there is no agenda item \"{id}\""),
        E::UnknownMotion(id) => format!("there is no motion \"{id}\""),
        E::UnknownNote(seq) => format!("event {seq} is not a note"),
        E::UnknownFollowUp(n) => format!("there is no entry {n} in the follow-up table"),
        E::DuplicateId(id) => format!("the id \"{id}\" is already used"),
        E::Roster(e) => roster(e, Lang::En),
        E::AlreadyPresent(name) => format!("{name} is already present"),
        E::NotPresent(name) => format!("{name} is not present, so cannot leave"),
        E::ExcusedWhilePresent(name) => format!("{name} is present and cannot be excused"),
        E::OnlyMembersAreExcused(name) => {
            format!("{name} is not a member; only members are excused (請假)")
        }
        E::Adjourned => "the meeting is adjourned".to_owned(),
        E::AlreadyStarted => "the meeting has already started".to_owned(),
        E::NotCurrentItem { item, .. } => format!("item \"{item}\" is not the current item"),
        E::ItemTakesNoMotions { title, .. } => format!(
            "\"{title}\" takes no motions: motions are put on discussion items and extempore motions"
        ),
        E::ItemSectionChanged { title } => {
            format!("\"{title}\" stays in its section; add a new item in the other section instead")
        }
        E::ItemAtSectionEdge { title } => {
            format!("\"{title}\" is already at the edge of its section")
        }
        E::ItemInUse { title } => {
            format!(
                "\"{title}\" stays on the agenda: it was taken up, or has motions, notes or public comments"
            )
        }
        E::WrongStage {
            motion,
            stage,
            hint,
        } => format!(
            "motion \"{motion}\" is {}; {}",
            stage_in_a_sentence(*stage),
            stage_hint(*hint).en
        ),
        E::ObserverCannotBlock(name) => format!(
            "{name} is an observer (列席) and has no vote; record it as a reservation instead"
        ),
        E::ObserverCannotAct(name) => {
            format!("{name} is an observer (列席): only members present propose and vote")
        }
        E::MemberNotPresent(name) => {
            format!("{name} is not in the room: only members present object, propose and vote")
        }
        E::NonMemberCannotBlock(name) => format!(
            "{name} is not a member: their objection is recorded but cannot block; record it as a reservation"
        ),
        E::NobodyPresent => "no members are present".to_owned(),
        E::AgreeExceedsPresent { agree, present } => {
            format!("{agree} agree, but only {present} members are present")
        }
        E::VotesExceedPresent {
            yes,
            no,
            abstain,
            total,
            present,
        } => format!(
            "{yes} yes + {no} no + {abstain} abstain = {total} votes, but only {present} members are present"
        ),
        E::VotesExceedVoters {
            yes,
            no,
            abstain,
            total,
            voters,
        } => format!(
            "{yes} yes + {no} no + {abstain} abstain = {total} votes, but only the {voters} members present when the vote opened vote in it"
        ),
        E::EmptyTally => {
            "nothing was counted: type the yes, no and abstain counts, or call the roll".to_owned()
        }
        E::VoterNotPresent(name) => format!("{name} is not a member present and cannot vote"),
        E::NotAVoter(name) => format!(
            "{name} came in after the vote opened and does not vote in it (recorded as arriving)"
        ),
        E::VotedTwice(name) => format!("{name} is called twice in the roll call"),
        E::NotQuorate { present, needed } => {
            format!("no quorum: {present} members present, {needed} needed")
        }
        E::NoteTakerMayOnlyTakeNotes => "a note-taker may only add and correct notes".to_owned(),
        E::NotYourNote => "only the note's author or the facilitator may correct it".to_owned(),
        E::AmendmentUnchanged => "the amended text is the text as it stands".to_owned(),
        E::AmendmentEmpty => "a motion's text cannot be empty".to_owned(),
        E::NameEmpty => "a name cannot be empty".to_owned(),
        E::PersonInUse { name } => format!(
            "{name} stays on the roster: they came, sent apologies, have a representative, \
             or are named in a note or on a motion"
        ),
        E::TitleEmpty => "the meeting's title cannot be empty".to_owned(),
        E::AlreadyQueued(who) => format!("{who} is already waiting to speak"),
        E::UnknownRequest(seq) => {
            format!("request {seq} to speak is not in a queue (taken back or already called)")
        }
        E::RequestAtQueueEdge => "the request is already at that end of the queue".to_owned(),
        E::NobodySpeaking => "nobody is speaking".to_owned(),
        E::SpeakingAlreadyPaused => "the speaker's time is already paused".to_owned(),
        E::SpeakingNotPaused => "the speaker's time is not paused".to_owned(),
        E::SpeakingLimitZero => "a speaking time must be at least a second".to_owned(),
        E::DuplicateComment(id) => format!("comment \"{id}\" is in the session already"),
        E::EmptyComment(id) => format!("comment \"{id}\" has no text"),
        E::UnknownComment(id) => format!("there is no comment \"{id}\""),
        E::ReasonRequired => {
            "a comment not (or only partly) taken up is answered with the reason".to_owned()
        }
        E::ChairNotOnRoster { name } => {
            format!("{name} cannot chair: the chair is a member or representative on the roster")
        }
        E::PlannedEndNotAfterStart => {
            "the planned end must come after the planned start".to_owned()
        }
        E::AlreadyRecorded { client, seq } => {
            format!("note {seq} from {client} was already recorded")
        }
        E::NothingToUndo => "there is nothing to undo".to_owned(),
        E::NothingToRedo => "there is nothing to redo".to_owned(),
        E::CannotUndo { event, because } => {
            format!("event {event} cannot be undone: {}", english(because))
        }
        E::NotRetractable(seq) => format!("event {seq} cannot be retracted or reinstated"),
    }
}

fn chinese(error: &DomainError) -> String {
    use DomainError as E;
    match error {
        E::UnknownPerson(id) => format!("名冊上沒有「{id}」"),
        E::UnknownItem(id) => format!("沒有議程「{id}」"),
        E::UnknownMotion(id) => format!("沒有議案「{id}」"),
        E::UnknownNote(seq) => format!("事件 {seq} 不是紀錄"),
        E::UnknownFollowUp(n) => format!("追蹤表沒有第 {n} 項"),
        E::DuplicateId(id) => format!("代號「{id}」已被使用"),
        E::Roster(e) => format!("名冊有誤：{}", roster(e, Lang::ZhTw)),
        E::AlreadyPresent(name) => format!("{name} 已在場"),
        E::NotPresent(name) => format!("{name} 不在場，無法離席"),
        E::ExcusedWhilePresent(name) => format!("{name} 在場，不能請假"),
        E::OnlyMembersAreExcused(name) => format!("{name} 不是委員；只有委員可請假"),
        E::Adjourned => "會議已散會".to_owned(),
        E::AlreadyStarted => "會議已經開始".to_owned(),
        E::NotCurrentItem { title, .. } => format!("「{title}」不是進行中的議程"),
        E::ItemTakesNoMotions { title, .. } => {
            format!("「{title}」不提議案：議案只在討論事項與臨時動議")
        }
        E::ItemSectionChanged { title } => {
            format!("「{title}」不能換到別的段落；請在該段落新增議程")
        }
        E::ItemAtSectionEdge { title } => format!("「{title}」已在本段落的邊上"),
        E::ItemInUse { title } => {
            format!("「{title}」不能移除：已進行過，或已有議案、紀錄或公眾意見")
        }
        E::WrongStage { stage, hint, .. } => format!(
            "議案目前為「{}」：{}",
            super::stage(*stage).zh,
            stage_hint(*hint).zh
        ),
        E::ObserverCannotBlock(name) => {
            format!("{name} 為列席人員，無表決權，不能提出阻擋性異議；請記為保留意見")
        }
        E::ObserverCannotAct(name) => {
            format!("{name} 為列席人員：只有在場委員可以提案與表決")
        }
        E::MemberNotPresent(name) => {
            format!("{name} 不在場：只有在場委員可以提出異議、提案與表決")
        }
        E::NonMemberCannotBlock(name) => {
            format!("{name} 不是委員：意見照錄，但不能阻擋共識；請記為保留意見")
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
        E::VotesExceedVoters {
            yes,
            no,
            abstain,
            total,
            voters,
        } => format!(
            "贊成 {yes} + 反對 {no} + 棄權 {abstain} = {total} 票，但表決開始時在場可投票的委員只有 {voters} 人"
        ),
        E::EmptyTally => "尚未計票：請輸入贊成、反對、棄權人數，或唱名表決".to_owned(),
        E::VoterNotPresent(name) => format!("{name} 不是在場委員，不能投票"),
        E::NotAVoter(name) => {
            format!("{name} 於表決開始後才到場，不參加本次表決（記為到場）")
        }
        E::VotedTwice(name) => format!("{name} 的席次重複投票"),
        E::NotQuorate { present, needed } => {
            format!("未達法定人數：出席 {present} 人，需 {needed} 人")
        }
        E::NoteTakerMayOnlyTakeNotes => "紀錄人員只能新增或更正紀錄".to_owned(),
        E::NotYourNote => "只有紀錄作者或主持人可以更正".to_owned(),
        E::AmendmentUnchanged => "修正後的文字與現行文字相同".to_owned(),
        E::AmendmentEmpty => "議案文字不能是空的".to_owned(),
        E::NameEmpty => "姓名不能是空的".to_owned(),
        E::PersonInUse { name } => {
            format!("{name}不能移除：已到場、請假、有代理人，或已列於紀錄或議案")
        }
        E::TitleEmpty => "會議名稱不能是空的".to_owned(),
        E::AlreadyQueued(who) => format!("{who}已在發言登記中"),
        E::UnknownRequest(seq) => format!("第 {seq} 號發言登記不在排序中（已撤回或已發言）"),
        E::RequestAtQueueEdge => "已在發言排序的一端".to_owned(),
        E::NobodySpeaking => "目前無人發言".to_owned(),
        E::SpeakingAlreadyPaused => "發言計時已暫停".to_owned(),
        E::SpeakingNotPaused => "發言計時未暫停".to_owned(),
        E::SpeakingLimitZero => "發言時間至少一秒".to_owned(),
        E::DuplicateComment(id) => format!("意見「{id}」已在本會議紀錄中"),
        E::EmptyComment(id) => format!("意見「{id}」沒有內容"),
        E::UnknownComment(id) => format!("沒有意見「{id}」"),
        E::ReasonRequired => "未採納或部分採納的意見，回應須說明理由".to_owned(),
        E::ChairNotOnRoster { name } => format!("{name}不能擔任主席：主席須為名單上的委員或代表"),
        E::PlannedEndNotAfterStart => "預定結束時間須晚於開始時間".to_owned(),
        E::AlreadyRecorded { client, seq } => format!("{client} 的第 {seq} 則紀錄已經記錄過"),
        E::NothingToUndo => "沒有可以復原的操作".to_owned(),
        E::NothingToRedo => "沒有可以重做的操作".to_owned(),
        E::CannotUndo { event, because } => {
            format!("無法復原事件 {event}：{}", chinese(because))
        }
        E::NotRetractable(seq) => format!("事件 {seq} 不能復原或重做"),
    }
}

/// The stage in an English sentence's words: "motion m1 is {…}".
fn stage_in_a_sentence(stage: Stage) -> &'static str {
    match stage {
        Stage::Proposed => "proposed",
        Stage::ConsensusRound => "in its consensus round",
        Stage::ConsensusFailed => "without consensus",
        Stage::NotPutToVote => "not put to a vote",
        Stage::Voting => "being voted on",
        Stage::AwaitingChair => "waiting for the chair's ruling",
        Stage::Closed(_) => "closed",
    }
}

/// What must come first, for a step the motion's stage does not allow.
fn stage_hint(hint: StageHint) -> super::Label {
    use StageHint as H;
    match hint {
        H::RoundOpensOnProposedOrFailed => l(
            "徵詢共識只能在提案或未達共識時開始",
            "a consensus round opens on a motion that is proposed or has failed to reach consensus",
        ),
        H::OpenRoundFirst => l("請先開始徵詢共識", "open a consensus round first"),
        H::NoRoundToClose => l(
            "目前沒有進行中的徵詢",
            "there is no consensus round to close",
        ),
        H::ConsentAfterFailedRound => l(
            "徵詢未達共識後才能詢問是否付表決",
            "the room is asked to vote only after a consensus round has failed",
        ),
        H::VoteAfterConsent => l(
            "須先獲同意付表決",
            "a vote is counted only after the room agreed to vote",
        ),
        H::ChairAfterEvenSplit => l(
            "只有可否同數時才由主席裁決",
            "the chair rules only after an even split",
        ),
        H::AlreadyClosed => l("此議案已結束", "it is already closed"),
        H::TextFixedOnceVoteAgreed => l(
            "已同意付表決，表決的文字不能再修正",
            "the room has agreed to vote, so the text voted on can no longer be amended",
        ),
    }
}

/// A roster that breaks the rules of clause 2.
pub fn roster(error: &RosterError, lang: Lang) -> String {
    use RosterError as R;
    let zh = lang == Lang::ZhTw;
    match error {
        R::DuplicateId(id) if zh => format!("有兩人的代號都是「{id}」；每個代號都必須不同"),
        R::DuplicateId(id) => format!("two people have the id \"{id}\"; every id must be unique"),
        R::EmptyName(id) if zh => format!("「{id}」沒有姓名"),
        R::EmptyName(id) => format!("\"{id}\" has an empty name"),
        R::TwoConveners(a, b) if zh => format!("召集人有兩位：{a}、{b}；論壇只有一位召集人"),
        R::TwoConveners(a, b) => {
            format!("there are two conveners, {a} and {b}; a forum has one convener (召集人)")
        }
        R::TwoCoConveners(a, b) if zh => {
            format!("共同召集人有兩位：{a}、{b}；規定共同召集人 1 人")
        }
        R::TwoCoConveners(a, b) => format!(
            "there are two co-conveners, {a} and {b}; the rules allow one (共同召集人 1 人)"
        ),
        R::ConvenerNotLeadAgency(name) if zh => {
            format!("{name} 不是主政機關的委員，不能擔任召集人：召集人由主政機關副首長擔任")
        }
        R::ConvenerNotLeadAgency(name) => format!(
            "{name} is not the lead agency's member and cannot be convener: the convener is the lead agency's deputy head (主政機關)"
        ),
        R::GovernmentCoConvener(name) if zh => {
            format!("{name} 為政府方委員，不能擔任共同召集人：共同召集人由非政府委員中推派")
        }
        R::GovernmentCoConvener(name) => format!(
            "{name} is a government member and cannot be co-convener: the co-convener is designated from the non-government members"
        ),
        R::RepresentativeForUnknownMember { name, for_member } if zh => {
            format!("指派代表 {name} 代理的「{for_member}」不在名冊上")
        }
        R::RepresentativeForUnknownMember { name, for_member } => format!(
            "representative {name} stands in for \"{for_member}\", who is not a member of the roster"
        ),
        R::RepresentativeForNonGovernment { name, member } if zh => {
            format!("指派代表 {name} 代理的 {member} 不是機關委員；只有機關可指派代表")
        }
        R::RepresentativeForNonGovernment { name, member } => format!(
            "representative {name} stands in for {member}, who is not an agency member; only an agency sends a designated representative (指派代表)"
        ),
    }
}

/// The domain's errors read in English where no language is chosen (a log, a test,
/// the command line).
impl fmt::Display for DomainError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&english(self))
    }
}

impl std::error::Error for DomainError {}

impl fmt::Display for RosterError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&roster(self, Lang::En))
    }
}

impl std::error::Error for RosterError {}

/// A rule book whose threshold cannot be used, for the file's reader.
impl fmt::Display for RuleBookError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let Threshold {
            numerator,
            denominator,
            ..
        } = self.threshold;
        write!(
            f,
            "rule book: {} is {} {numerator}/{denominator}; a threshold must be a fraction between 0 and 1 with a denominator above 0, and one that can be met",
            self.field,
            super::threshold_words(self.threshold, Lang::En)
        )
    }
}

impl std::error::Error for RuleBookError {}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{MotionId, Seq};

    fn has_latin_words(text: &str) -> bool {
        text.split(|c: char| !c.is_ascii_alphabetic())
            .any(|word| word.len() > 2)
    }

    #[test]
    fn a_refusal_undoing_into_a_broken_record_reads_whole_in_chinese() {
        let error = DomainError::CannotUndo {
            event: Seq(7),
            because: Box::new(DomainError::WrongStage {
                motion: MotionId::new("m1"),
                stage: Stage::Voting,
                hint: StageHint::OpenRoundFirst,
            }),
        };
        let zh = refusal(&error, Lang::ZhTw);
        assert_eq!(
            zh,
            "無法復原事件 #7：議案目前為「表決中」：請先開始徵詢共識"
        );
        assert!(!has_latin_words(&zh), "{zh}");
        assert_eq!(
            error.to_string(),
            "event #7 cannot be undone: motion \"m1\" is being voted on; open a consensus round first"
        );
    }

    #[test]
    fn a_roster_refusal_reads_in_the_readers_language() {
        let error = DomainError::Roster(RosterError::TwoConveners("甲".into(), "乙".into()));
        let zh = refusal(&error, Lang::ZhTw);
        assert!(!has_latin_words(&zh), "{zh}");
        assert!(refusal(&error, Lang::En).contains("two conveners"));
    }
}
