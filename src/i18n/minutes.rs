//! The words the minutes, the sign-in sheet, the transcript and the participants list
//! print. The names of the meeting's own things (sides, categories, sections,
//! outcomes, thresholds) are the shared vocabulary's.

use chrono::{Datelike, NaiveDate, Weekday};

use super::{Label, chinese_number};
use crate::domain::Lang;

macro_rules! labels {
    ($($name:ident = $zh:literal, $en:literal;)*) => {
        $(pub const $name: Label = Label::new($zh, $en);)*
    };
}

labels! {
    MINUTES = "會議紀錄", "Minutes";
    TIME = "時間", "Time";
    VENUE = "地點", "Venue";
    CHAIR = "主席", "Chair";
    CONVENER = "召集人", "Convener";
    CO_CONVENER = "共同召集人", "Co-convener";
    MEMBERS_PRESENT = "出席委員", "Members present";
    GOVERNMENT = "政府機關", "Government";
    NON_GOVERNMENT = "非政府", "Non-government";
    OBSERVERS = "列席", "Observers";
    EXCUSED = "請假", "Excused";
    RECORDER = "紀錄", "Recorder";
    NONE = "無", "None";
    ARRIVED = "到", "arrived";
    LEFT = "離席", "left";
    REPORTING_UNIT = "報告單位", "Reporting unit";
    PROPOSING_UNIT = "提案單位", "Proposed by";
    PROPOSER = "提案人", "Proposer";
    SUBJECT = "案由", "Subject";
    EXPLANATION = "說明", "Explanation";
    PROPOSED_ACTION = "辦法", "Proposed action";
    DISCUSSION = "討論摘要", "Discussion";
    DECISION = "決定", "Decision";
    RESOLUTION = "決議", "Resolution";
    MOTION = "動議", "Motion";
    PROCEEDINGS = "議事經過", "Proceedings";
    REPORT_NO = "第{}案", "Report {}";
    DISCUSSION_NO = "第{}案", "Item {}";
    NUMBER = "編號", "No.";
    MATTER = "事項", "Matter";
    OWNER = "主辦單位", "Owner";
    ACTION_TAKEN = "辦理情形", "Action taken";
    TRACKING = "追蹤建議", "Tracking";
    FROM_MEETING = "決議會次", "Decided at";
    DUE = "期限", "Due";
    ACTION_ITEMS = "待辦事項", "Action items";
    FROM_ITEM = "案由", "Item";
    CHAIR_CONCLUSIONS = "主席結論", "Chair's conclusions";
    SPEAKING_TIME = "發言時間統計", "Speaking time";
    BY_VOICE = "依身分", "By side";
    BY_SPEAKER = "依發言人", "By speaker";
    ANSWERED = "已回應", "answered";
    PUBLIC_COMMENTS = "公眾意見與回應", "Public comments and responses";
    COMMENTS = "公眾意見", "Public comments";
    COMMENT_TOTAL = "總計", "Total";
    NOT_ON_AN_ITEM = "未指定議程", "Not on an agenda item";
    COMMENTER = "意見提出者", "From";
    POSTED = "日期", "Date";
    COMMENT = "意見內容", "Comment";
    RESPONSE_STATUS = "處理情形", "Status";
    RESPONSE = "回應說明", "Response";
    ADJOURNED_AT = "散會", "Adjournment";
    NOT_ADJOURNED = "（會議未散會）", "(the meeting was not adjourned)";
    STAGE = "階段", "Stage";
    PRESENT = "出席", "Present";
    THRESHOLD = "門檻", "Threshold";
    FOR = "贊成", "For";
    AGAINST = "反對", "Against";
    ABSTAIN = "棄權", "Abstain";
    OUTCOME = "結果", "Outcome";
    CONSENT_STAGE = "同意付表決", "Consent to vote";
    VOTE_STAGE = "表決", "Vote";
    SHOW_OF_HANDS = "舉手表決", "show of hands";
    ROLL_CALL = "唱名表決", "roll call";
    METHOD = "表決方式", "Method";
    OBJECTION = "異議", "Objection";
    RESERVATION = "保留意見", "Reservation";
    NON_MEMBER_VIEW = "非委員意見（不阻擋共識）", "Non-member's view (does not block)";
    CONSENT_PASSED = "同意付表決", "put to a vote";
    CONSENT_FAILED = "未達同意門檻，不付表決", "not put to a vote";
    NO_CONSENSUS = "未達共識", "No consensus";
    CONSENSUS_REACHED = "無異議，共識通過", "No blocking objection: adopted by consensus";
    OPEN = "未決", "Open";
    ORIGINAL_TEXT = "原案", "Original text";
    AMENDMENT = "修正", "Amended";
    DRAFT_EDIT = "草案修正", "Draft edited";
    SPLIT = "分案", "Split";
    SPLIT_IN_ROUND = "分案，依本案保留文字重新徵詢", "Split: asked again on the text the motion kept";
    SPLIT_REST = "另案處理", "the rest taken as a separate motion";
    SPLIT_FROM = "分案自", "Split from";
    AMENDED_IN_ROUND = "提出修正，依修正文字重新徵詢", "Amended: asked again on the amended text";
    NOT_REACHED = "未討論", "Not reached";
    UNTRANSLATED = "未譯", "untranslated";
    REPRESENTING = "代理", "represented by";
    UNNAMED_SPEAKER = "發言者", "Speaker";
    VOTES_YES = "贊成者", "Voted for";
    VOTES_NO = "反對者", "Voted against";
    VOTES_ABSTAIN = "棄權者", "Abstained";
    CHAIR_RULING = "主席裁決", "Chair's ruling";
    OTHER_ACTORS = "其他參與者", "Other actors";
    GOVERNMENT_AGENCIES = "政府機關", "Government agencies";
    CIVIL_SOCIETY = "公民社會、私部門、工作小組", "Civil society, private sector, working groups";
}

/// Replaces `{}` in a label with `value`.
pub fn fill(label: Label, lang: Lang, value: impl std::fmt::Display) -> String {
    label.get(lang).replacen("{}", &value.to_string(), 1)
}

/// Section numbers: 一、 in Chinese, 1. in English.
pub fn section_number(n: u32, lang: Lang) -> String {
    match lang {
        Lang::ZhTw => format!("{}、", chinese_number(n)),
        Lang::En => format!("{n}. "),
    }
}

/// 中華民國 115 年 12 月 3 日（星期四） / Thursday 3 December 2026. Taiwanese
/// government minutes date by the ROC (民國) year, the year 1912 being year 1.
pub fn long_date(date: NaiveDate, lang: Lang) -> String {
    match lang {
        Lang::ZhTw => format!(
            "中華民國 {} 年 {} 月 {} 日（星期{}）",
            date.year() - 1911,
            date.month(),
            date.day(),
            weekday_zh(date.weekday())
        ),
        Lang::En => date.format("%A %-d %B %Y").to_string(),
    }
}

/// 115 年 12 月 3 日 / 3 December 2026: dates inside tables and sentences.
pub fn short_date(date: NaiveDate, lang: Lang) -> String {
    match lang {
        Lang::ZhTw => format!(
            "{} 年 {} 月 {} 日",
            date.year() - 1911,
            date.month(),
            date.day()
        ),
        Lang::En => date.format("%-d %B %Y").to_string(),
    }
}

fn weekday_zh(day: Weekday) -> &'static str {
    match day {
        Weekday::Mon => "一",
        Weekday::Tue => "二",
        Weekday::Wed => "三",
        Weekday::Thu => "四",
        Weekday::Fri => "五",
        Weekday::Sat => "六",
        Weekday::Sun => "日",
    }
}

/// The meeting's number: 第 3 次會議 / 3rd meeting.
pub fn meeting_number(n: u32, lang: Lang) -> String {
    match lang {
        Lang::ZhTw => format!("第 {n} 次會議"),
        Lang::En => format!("{} meeting", crate::domain::follow_up::ordinal_en(n)),
    }
}

/// A speaking time: "12 分 05 秒" / "12 min 05 s".
pub fn duration(seconds: i64, lang: Lang) -> String {
    let (m, s) = (seconds / 60, seconds % 60);
    match lang {
        Lang::ZhTw => format!("{m} 分 {s:02} 秒"),
        Lang::En => format!("{m} min {s:02} s"),
    }
}

/// "12 分 05 秒，5 次（48%）" / "12 min 05 s, 5 turns (48%)".
pub fn speaking_share(seconds: i64, turns: u32, share: Option<u32>, lang: Lang) -> String {
    let time = duration(seconds, lang);
    let share = share.map(|p| super::parenthesised(&format!("{p}%"), lang));
    match lang {
        Lang::ZhTw => format!("{time}，{turns} 次{}", share.unwrap_or_default()),
        Lang::En if turns == 1 => format!("{time}, 1 turn{}", share.unwrap_or_default()),
        Lang::En => format!("{time}, {turns} turns{}", share.unwrap_or_default()),
    }
}

/// The public comments at a glance, from each comment's status (`None`: not yet
/// answered): "5 則，已回應 3 則（採納 2 則、未採納 1 則），尚未回應 2 則" / "5,
/// answered 3 (taken up 2, not taken up 1), not yet answered 2". A status no comment
/// has is left out.
pub fn comment_totals(
    statuses: impl IntoIterator<Item = Option<crate::domain::ResponseStatus>>,
    lang: Lang,
) -> String {
    use crate::domain::ResponseStatus;
    let mut by_status = [0usize; ResponseStatus::ALL.len()];
    let mut unanswered = 0;
    for status in statuses {
        match status.and_then(|s| ResponseStatus::ALL.iter().position(|&a| a == s)) {
            Some(i) => by_status[i] += 1,
            None => unanswered += 1,
        }
    }
    let answered: usize = by_status.iter().sum();
    let total = answered + unanswered;
    // The vocabulary's words, in lower case inside an English sentence.
    let word = |label: super::Label| match lang {
        Lang::ZhTw => label.zh.to_owned(),
        Lang::En => label.en.to_lowercase(),
    };
    let statuses: Vec<String> = ResponseStatus::ALL
        .iter()
        .zip(by_status)
        .filter(|(_, n)| *n > 0)
        .map(|(status, n)| {
            let status = word(super::response_status(*status));
            match lang {
                Lang::ZhTw => format!("{status} {n} 則"),
                Lang::En => format!("{status} {n}"),
            }
        })
        .collect();
    let unanswered_word = word(super::UNANSWERED);
    match lang {
        Lang::ZhTw => {
            let statuses = match statuses.is_empty() {
                true => String::new(),
                false => super::parenthesised(&statuses.join(super::list_separator(lang)), lang),
            };
            format!(
                "{total} 則，{answered_word} {answered} 則{statuses}，{unanswered_word} {unanswered} 則",
                answered_word = ANSWERED.zh
            )
        }
        Lang::En => {
            let statuses = match statuses.is_empty() {
                true => String::new(),
                // A comma, not the list separator: the statuses hold no commas.
                false => super::parenthesised(&statuses.join(super::comma(lang)), lang),
            };
            format!(
                "{total}, {answered_word} {answered}{statuses}, {unanswered_word} {unanswered}",
                answered_word = ANSWERED.en
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_use_the_roc_year_in_chinese() {
        let date = NaiveDate::from_ymd_opt(2026, 12, 3).expect("valid");
        assert_eq!(
            long_date(date, Lang::ZhTw),
            "中華民國 115 年 12 月 3 日（星期四）"
        );
        assert_eq!(long_date(date, Lang::En), "Thursday 3 December 2026");
        assert_eq!(short_date(date, Lang::ZhTw), "115 年 12 月 3 日");
    }

    #[test]
    fn comment_totals_count_the_answers_by_status_and_what_is_unanswered() {
        use crate::domain::ResponseStatus as R;
        let statuses = [
            Some(R::TakenUp),
            None,
            Some(R::NotTakenUp),
            Some(R::TakenUp),
        ];
        assert_eq!(
            comment_totals(statuses, Lang::ZhTw),
            "4 則，已回應 3 則（採納 2 則、未採納 1 則），尚未回應 1 則"
        );
        assert_eq!(
            comment_totals(statuses, Lang::En),
            "4, answered 3 (taken up 2, not taken up 1), not yet answered 1"
        );
        assert_eq!(
            comment_totals([None], Lang::ZhTw),
            "1 則，已回應 0 則，尚未回應 1 則"
        );
        assert_eq!(
            comment_totals([Some(R::Noted)], Lang::En),
            "1, answered 1 (noted 1), not yet answered 0"
        );
    }
}
