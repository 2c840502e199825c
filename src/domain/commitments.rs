//! Annex 1 of the forum rules: the twelve commitments of the action plan and their
//! lead agencies.

use super::text::Text;

/// One commitment of the action plan.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Commitment {
    pub number: u8,
    pub theme_zh: &'static str,
    pub theme_en: &'static str,
    pub title_zh: &'static str,
    pub title_en: &'static str,
    pub lead_agency_zh: &'static str,
    pub lead_agency_en: &'static str,
}

impl Commitment {
    pub fn title(&self) -> Text {
        Text::bilingual(self.title_zh, self.title_en)
    }

    pub fn theme(&self) -> Text {
        Text::bilingual(self.theme_zh, self.theme_en)
    }

    pub fn lead_agency(&self) -> Text {
        Text::bilingual(self.lead_agency_zh, self.lead_agency_en)
    }
}

const MAXIMISE_OPEN_DATA: (&str, &str) = (
    "極大化開放資料加值應用",
    "Maximise open-data value-added use",
);
const WIDEN_PARTICIPATION: (&str, &str) = (
    "擴大民眾參與公共政策機制",
    "Widen public participation in policy",
);
const INCLUSIVE_DIALOGUE: (&str, &str) = (
    "增加性別及族群包容性對話機制",
    "Inclusive dialogue on gender and ethnicity",
);
const CLEAN_GOVERNMENT: (&str, &str) = ("落實清廉施政", "Clean government");
const ANTI_MONEY_LAUNDERING: (&str, &str) = ("執行洗錢防制", "Anti-money-laundering");

const fn commitment(
    number: u8,
    theme: (&'static str, &'static str),
    title: (&'static str, &'static str),
    lead: (&'static str, &'static str),
) -> Commitment {
    Commitment {
        number,
        theme_zh: theme.0,
        theme_en: theme.1,
        title_zh: title.0,
        title_en: title.1,
        lead_agency_zh: lead.0,
        lead_agency_en: lead.1,
    }
}

const NDC: (&str, &str) = ("國家發展委員會", "National Development Council");
const MOI: (&str, &str) = ("內政部", "Ministry of the Interior");
const MOJ: (&str, &str) = ("法務部", "Ministry of Justice");

/// The twelve commitments, numbered as in Annex 1.
pub const COMMITMENTS: [Commitment; 12] = [
    commitment(
        1,
        MAXIMISE_OPEN_DATA,
        (
            "政府資料開放與運用法制化",
            "Legislate government data opening and use",
        ),
        NDC,
    ),
    commitment(
        2,
        MAXIMISE_OPEN_DATA,
        (
            "建立開放資料集平臺，提供加值運用",
            "An open-dataset platform for value-added use",
        ),
        ("科技部", "Ministry of Science and Technology"),
    ),
    commitment(
        3,
        WIDEN_PARTICIPATION,
        ("公民投票電子連署", "Electronic co-signing for referendums"),
        ("中央選舉委員會", "Central Election Commission"),
    ),
    commitment(
        4,
        WIDEN_PARTICIPATION,
        ("青年政策參與", "Youth participation in policy"),
        ("教育部", "Ministry of Education"),
    ),
    commitment(
        5,
        WIDEN_PARTICIPATION,
        (
            "地方創生互動平臺機制建置",
            "Interactive platform for regional revitalisation",
        ),
        NDC,
    ),
    commitment(
        6,
        INCLUSIVE_DIALOGUE,
        (
            "促進性別包容對話與參與",
            "Gender-inclusive dialogue and participation",
        ),
        (
            "行政院性別平等處",
            "Executive Yuan Department of Gender Equality",
        ),
    ),
    commitment(
        7,
        INCLUSIVE_DIALOGUE,
        (
            "促進新住民公共參與及發展",
            "Public participation of new immigrants",
        ),
        MOI,
    ),
    commitment(
        8,
        INCLUSIVE_DIALOGUE,
        (
            "擴大原住民族國際合作與交流",
            "International cooperation of Indigenous peoples",
        ),
        ("原住民族委員會", "Council of Indigenous Peoples"),
    ),
    commitment(
        9,
        INCLUSIVE_DIALOGUE,
        (
            "推動客家議題公共參與",
            "Public participation on Hakka issues",
        ),
        ("客家委員會", "Hakka Affairs Council"),
    ),
    commitment(
        10,
        CLEAN_GOVERNMENT,
        ("強化政治獻金透明化", "Transparency of political donations"),
        MOI,
    ),
    commitment(
        11,
        CLEAN_GOVERNMENT,
        (
            "建置與精進機關採購廉政平臺",
            "An integrity platform for agency procurement",
        ),
        MOJ,
    ),
    commitment(
        12,
        ANTI_MONEY_LAUNDERING,
        ("實質受益人資訊透明", "Beneficial-ownership transparency"),
        MOJ,
    ),
];

/// Commitment `number` (1–12), if there is one.
pub fn commitment_by_number(number: u8) -> Option<&'static Commitment> {
    COMMITMENTS.iter().find(|c| c.number == number)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn commitment_three_is_electronic_co_signing_led_by_the_election_commission() {
        let c = commitment_by_number(3).expect("commitment 3 exists");
        assert_eq!(c.title_zh, "公民投票電子連署");
        assert_eq!(c.lead_agency_zh, "中央選舉委員會");
        assert!(commitment_by_number(13).is_none());
        assert!(commitment_by_number(0).is_none());
    }

    #[test]
    fn the_twelve_are_numbered_one_to_twelve() {
        let numbers: Vec<u8> = COMMITMENTS.iter().map(|c| c.number).collect();
        assert_eq!(numbers, (1..=12).collect::<Vec<u8>>());
    }
}
