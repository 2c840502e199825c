//! The meeting's vocabulary, in Traditional Chinese and English: the names of its
//! things (sides, categories, seats, sections, stages, outcomes, the thresholds of the
//! rule book) and the punctuation every audience shares. The screens, the minutes and
//! `check` all name these things from here, once.

use crate::domain::{
    Category, Comparison, FollowUpStatus, Lang, Outcome, SeatRole, Section, Side, Stage, Threshold,
};

use super::Label;

/// The convener's title (the lead agency's deputy head), until the roster names them.
pub const DEPUTY_HEAD: Label = Label::new("副首長", "Deputy head");

/// Whose voice a turn at speaking counts for.
pub fn voice(voice: crate::domain::Voice) -> Label {
    use crate::domain::Voice;
    match voice {
        Voice::Government => Label::new("政府", "Government"),
        Voice::NonGovernment => Label::new("非政府", "Non-government"),
        Voice::Observer => Label::new("列席", "Observers"),
        Voice::Other => Label::new("其他", "Others"),
    }
}

/// What the forum made of a public comment.
pub fn response_status(status: crate::domain::ResponseStatus) -> Label {
    use crate::domain::ResponseStatus as R;
    match status {
        R::TakenUp => Label::new("採納", "Taken up"),
        R::PartlyTakenUp => Label::new("部分採納", "Partly taken up"),
        R::NotTakenUp => Label::new("未採納", "Not taken up"),
        R::Noted => Label::new("參考", "Noted"),
    }
}

/// A public comment nobody has answered yet.
pub const UNANSWERED: Label = Label::new("尚未回應", "Not yet answered");

/// The same, short, for a narrow column.
pub fn voice_short(voice: crate::domain::Voice) -> Label {
    use crate::domain::Voice;
    match voice {
        Voice::Government => Label::new("政府", "Gov"),
        Voice::NonGovernment => Label::new("非政府", "Non-gov"),
        Voice::Observer => Label::new("列席", "Obs"),
        Voice::Other => Label::new("其他", "Other"),
    }
}

pub fn side(side: Side) -> Label {
    match side {
        Side::Government => Label::new("政府", "Government"),
        Side::NonGovernment => Label::new("非政府", "Non-government"),
    }
}

pub fn category(category: Category) -> Label {
    match category {
        Category::LeadAgency => Label::new("主辦機關", "Lead agency"),
        Category::CoOrganisingAgency => Label::new("協辦機關", "Co-organising agency"),
        Category::CivicGroup => {
            Label::new("公民團體／民間組織／產業", "Civic group / NGO / industry")
        }
        Category::IssueExpert => Label::new("議題專家學者", "Issue expert"),
        Category::OpenGovExpert => Label::new("開放政府專家學者", "Open-government expert"),
    }
}

pub fn seat(seat: SeatRole) -> Label {
    match seat {
        SeatRole::Convener => Label::new("召集人", "Convener"),
        SeatRole::CoConvener => Label::new("共同召集人", "Co-convener"),
        SeatRole::Member => Label::new("委員", "Member"),
    }
}

pub fn section(section: Section) -> Label {
    match section {
        Section::PreviousMinutes => {
            Label::new("確認上次會議紀錄", "Confirmation of the previous minutes")
        }
        Section::FollowUp => Label::new(
            "上次會議決議事項辦理情形",
            "Follow-up on previous resolutions",
        ),
        Section::Report => Label::new("報告事項", "Reports"),
        Section::Discussion => Label::new("討論事項", "Discussion items"),
        Section::Extempore => Label::new("臨時動議", "Extempore motions"),
        Section::Adjournment => Label::new("散會", "Adjournment"),
    }
}

pub fn outcome(outcome: Outcome) -> Label {
    match outcome {
        Outcome::AdoptedByConsensus => Label::new("共識通過", "Adopted by consensus"),
        Outcome::AdoptedByVote => Label::new("表決通過", "Adopted by vote"),
        Outcome::NotAdopted => Label::new("未通過", "Not adopted"),
        Outcome::AdoptedByChair => Label::new(
            "可否同數，主席裁決通過",
            "Even split; adopted by the chair's ruling",
        ),
        Outcome::RejectedByChair => Label::new(
            "可否同數，主席裁決不通過",
            "Even split; rejected by the chair's ruling",
        ),
        Outcome::Deferred => Label::new("保留再議", "Deferred"),
        Outcome::Withdrawn => Label::new("撤回", "Withdrawn"),
    }
}

pub fn stage(stage: Stage) -> Label {
    match stage {
        Stage::Proposed => Label::new("提案", "Proposed"),
        Stage::ConsensusRound => Label::new("徵詢共識", "Consensus round"),
        Stage::ConsensusFailed => Label::new("未達共識", "No consensus"),
        Stage::NotPutToVote => Label::new("未獲同意付表決", "Not put to a vote"),
        Stage::Voting => Label::new("表決中", "Voting"),
        Stage::AwaitingChair => Label::new("可否同數，待主席裁決", "Even split: the chair rules"),
        Stage::Closed(o) => outcome(o),
    }
}

/// Whether the forum keeps tracking a follow-up matter or closes it: the words of the
/// minutes' follow-up table (追蹤建議) and of the screen's.
pub fn follow_up_status(status: FollowUpStatus) -> Label {
    match status {
        FollowUpStatus::KeepTracking => Label::new("繼續追蹤", "Keep tracking"),
        FollowUpStatus::Closed => Label::new("解除追蹤", "Close"),
    }
}

/// 一 … 九十九, for numbering the sections as Taiwanese minutes do (一、二、…).
pub fn chinese_number(n: u32) -> String {
    const DIGITS: [&str; 10] = ["〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match n {
        0..=9 => DIGITS[n as usize].to_owned(),
        10..=19 => format!(
            "十{}",
            if n == 10 {
                ""
            } else {
                DIGITS[(n - 10) as usize]
            }
        ),
        20..=99 => format!(
            "{}十{}",
            DIGITS[(n / 10) as usize],
            if n.is_multiple_of(10) {
                ""
            } else {
                DIGITS[(n % 10) as usize]
            }
        ),
        _ => n.to_string(),
    }
}

/// The threshold in words: 過半數, 二分之一以上, 三分之二以上 / more than half, half or
/// more, two thirds or more.
pub fn threshold_words(threshold: Threshold, lang: Lang) -> String {
    let Threshold {
        comparison,
        numerator: n,
        denominator: d,
    } = threshold;
    match lang {
        Lang::ZhTw => match (comparison, n, d) {
            (Comparison::MoreThan, 1, 2) => "過半數".to_owned(),
            (Comparison::MoreThan, _, _) => {
                format!("超過{}分之{}", chinese_number(d), chinese_number(n))
            }
            (Comparison::AtLeast, _, _) => {
                format!("{}分之{}以上", chinese_number(d), chinese_number(n))
            }
        },
        Lang::En => {
            let fraction = match (n, d) {
                (1, 2) => "half".to_owned(),
                (1, 3) => "one third".to_owned(),
                (2, 3) => "two thirds".to_owned(),
                (1, 4) => "one quarter".to_owned(),
                (3, 4) => "three quarters".to_owned(),
                _ => format!("{n}/{d}"),
            };
            match comparison {
                Comparison::MoreThan => format!("more than {fraction}"),
                Comparison::AtLeast => format!("{fraction} or more"),
            }
        }
    }
}

/// The colon after a label: full-width in Chinese.
pub fn colon(lang: Lang) -> &'static str {
    match lang {
        Lang::ZhTw => "：",
        Lang::En => ": ",
    }
}

/// An aside after a word: "（x）" in Chinese, " (x)" in English.
pub fn parenthesised(text: &str, lang: Lang) -> String {
    format!("{}{text}{}", open_paren(lang), close_paren(lang))
}

/// The opening of an aside after a word: "（" in Chinese, " (" (with the space that
/// sets it off from the word before) in English. English text, and the Chinese of a
/// text with no English shown in it, take only half-width punctuation.
pub fn open_paren(lang: Lang) -> &'static str {
    match lang {
        Lang::ZhTw => "（",
        Lang::En => " (",
    }
}

/// The close of an aside: "）" / ")".
pub fn close_paren(lang: Lang) -> &'static str {
    match lang {
        Lang::ZhTw => "）",
        Lang::En => ")",
    }
}

/// Between the clauses of a sentence, or the parts of an aside: "，" / ", ".
pub fn comma(lang: Lang) -> &'static str {
    match lang {
        Lang::ZhTw => "，",
        Lang::En => ", ",
    }
}

/// Between the halves of a sentence: "；" / "; ".
pub fn semicolon(lang: Lang) -> &'static str {
    match lang {
        Lang::ZhTw => "；",
        Lang::En => "; ",
    }
}

/// The end of a sentence: "。" / ".".
pub fn full_stop(lang: Lang) -> &'static str {
    match lang {
        Lang::ZhTw => "。",
        Lang::En => ".",
    }
}

/// Lists: 、 between items in Chinese, "; " in English (an item, such as a person
/// with their title and organisation, may hold commas of its own).
pub fn list_separator(lang: Lang) -> &'static str {
    match lang {
        Lang::ZhTw => "、",
        Lang::En => "; ",
    }
}

/// What goes between two runs of text the minutes join with nothing else between
/// them: a space where a Latin letter or digit meets a CJK character ("Audrey Tang
/// 政務委員"), nothing otherwise ("陳怡君副主任委員").
pub fn run_gap(before: &str, after: &str) -> &'static str {
    let latin = |c: char| c.is_ascii_alphanumeric();
    let cjk = |c: char| crate::width::char_width(c) == 2 && c.is_alphanumeric();
    match (before.chars().next_back(), after.chars().next()) {
        (Some(a), Some(b)) if (latin(a) && cjk(b)) || (cjk(a) && latin(b)) => " ",
        _ => "",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_numbers_as_section_numbers() {
        let got: Vec<String> = [1, 9, 10, 11, 20, 21, 99].map(chinese_number).to_vec();
        assert_eq!(got, ["一", "九", "十", "十一", "二十", "二十一", "九十九"]);
    }

    /// English takes only half-width punctuation, Chinese full-width; each separator is
    /// defined here once.
    #[test]
    fn separators_are_half_width_in_english() {
        const FULL_WIDTH: &[char] = &[
            '，', '。', '：', '；', '（', '）', '「', '」', '、', '！', '？',
        ];
        let english = [
            colon(Lang::En),
            open_paren(Lang::En),
            close_paren(Lang::En),
            comma(Lang::En),
            semicolon(Lang::En),
            full_stop(Lang::En),
            list_separator(Lang::En),
        ];
        assert!(
            english.iter().all(|s| !s.contains(FULL_WIDTH)),
            "{english:?}"
        );
        assert_eq!(parenthesised("Director", Lang::En), " (Director)");
        assert_eq!(parenthesised("處長", Lang::ZhTw), "（處長）");
        let chinese = [
            colon(Lang::ZhTw),
            open_paren(Lang::ZhTw),
            close_paren(Lang::ZhTw),
            comma(Lang::ZhTw),
            semicolon(Lang::ZhTw),
            full_stop(Lang::ZhTw),
            list_separator(Lang::ZhTw),
        ];
        assert!(
            chinese
                .iter()
                .all(|s| s.chars().all(|c| FULL_WIDTH.contains(&c)))
        );
    }

    #[test]
    fn a_space_where_latin_meets_cjk() {
        assert_eq!(run_gap("Audrey Tang", "政務委員"), " ");
        assert_eq!(run_gap("陳怡君", "Director"), " ");
        assert_eq!(run_gap("g0v", "參與者"), " ");
        assert_eq!(run_gap("陳怡君", "副主任委員"), "");
        assert_eq!(run_gap("Chen Yi-chun", "Director"), "");
        assert_eq!(run_gap("陳怡君", "（"), "");
        assert_eq!(run_gap("", "處長"), "");
    }

    #[test]
    fn the_rules_thresholds_in_words() {
        assert_eq!(
            threshold_words(Threshold::MORE_THAN_HALF, Lang::ZhTw),
            "過半數"
        );
        assert_eq!(
            threshold_words(Threshold::HALF_OR_MORE, Lang::ZhTw),
            "二分之一以上"
        );
        assert_eq!(
            threshold_words(Threshold::HALF_OR_MORE, Lang::En),
            "half or more"
        );
        let two_thirds = Threshold {
            comparison: Comparison::AtLeast,
            numerator: 2,
            denominator: 3,
        };
        assert_eq!(threshold_words(two_thirds, Lang::ZhTw), "三分之二以上");
        assert_eq!(threshold_words(two_thirds, Lang::En), "two thirds or more");
    }
}
