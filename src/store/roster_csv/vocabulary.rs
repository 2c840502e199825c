//! The words of a roster CSV: the column names and the values Roundtable accepts, in
//! English and Chinese, and the error messages that list them. How a row is read
//! through them is in `mod.rs`.

use super::super::csv_table::{Columns, normalise};
use crate::domain::{Category, SeatRole, Side};
use crate::i18n;

/// The columns Roundtable reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(super) enum Column {
    Id,
    Name,
    NameEn,
    Title,
    TitleEn,
    Organisation,
    OrganisationEn,
    Category,
    Side,
    Seat,
    Role,
    Represents,
}

impl Columns for Column {
    const ALL: &'static [Column] = &[
        Column::Id,
        Column::Name,
        Column::NameEn,
        Column::Title,
        Column::TitleEn,
        Column::Organisation,
        Column::OrganisationEn,
        Column::Category,
        Column::Side,
        Column::Seat,
        Column::Role,
        Column::Represents,
    ];

    fn aliases(self) -> &'static [&'static str] {
        match self {
            Column::Id => &["id", "編號", "代號"],
            Column::Name => &["name", "姓名", "名字"],
            Column::NameEn => &["name_en", "english name", "英文姓名", "姓名（英文）"],
            Column::Title => &["title", "職稱", "職銜"],
            Column::TitleEn => &["title_en", "英文職稱", "職稱（英文）"],
            Column::Organisation => &[
                "organisation",
                "organization",
                "org",
                "單位",
                "機關",
                "服務單位",
                "機關單位",
                "機關名稱",
                "單位名稱",
            ],
            Column::OrganisationEn => &[
                "organisation_en",
                "organization_en",
                "英文單位",
                "英文機關",
                "單位（英文）",
                "機關（英文）",
            ],
            Column::Category => &["category", "類別", "成員類別"],
            Column::Side => &["side", "屬性"],
            Column::Seat => &["seat", "角色", "席位"],
            Column::Role => &["role", "身分", "身份"],
            Column::Represents => &[
                "represents",
                "for_member",
                "代表機關成員",
                "代表之成員",
                "代理成員",
            ],
        }
    }
}

/// The kind of person a row describes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum RowKind {
    Member,
    Representative,
    Observer,
}

const CATEGORY_WORDS: &str = "主辦機關 (lead agency), 協辦機關 (co-organising agency), 公民團體／民間組織／產業 (civic group, NGO, industry), 專家學者 (issue expert), 開放政府專家 (open-government expert)";

pub(super) fn parse_category(value: &str) -> Result<Category, String> {
    const ALIASES: &[(&str, Category)] = &[
        ("lead", Category::LeadAgency),
        ("leadagency", Category::LeadAgency),
        ("主辦", Category::LeadAgency),
        ("主辦機關", Category::LeadAgency),
        ("主辦單位", Category::LeadAgency),
        ("主責機關", Category::LeadAgency),
        ("coorganising", Category::CoOrganisingAgency),
        ("coorganizing", Category::CoOrganisingAgency),
        ("coorganisingagency", Category::CoOrganisingAgency),
        ("coorganizingagency", Category::CoOrganisingAgency),
        ("協辦", Category::CoOrganisingAgency),
        ("協辦機關", Category::CoOrganisingAgency),
        ("協辦單位", Category::CoOrganisingAgency),
        ("civic", Category::CivicGroup),
        ("civicgroup", Category::CivicGroup),
        ("civilsociety", Category::CivicGroup),
        ("ngo", Category::CivicGroup),
        ("npo", Category::CivicGroup),
        ("industry", Category::CivicGroup),
        ("公民團體", Category::CivicGroup),
        ("民間組織", Category::CivicGroup),
        ("民間團體", Category::CivicGroup),
        ("產業", Category::CivicGroup),
        ("產業組織", Category::CivicGroup),
        ("相關產業組織", Category::CivicGroup),
        ("公民團體、民間組織及相關產業組織", Category::CivicGroup),
        ("expert", Category::IssueExpert),
        ("scholar", Category::IssueExpert),
        ("issueexpert", Category::IssueExpert),
        ("專家", Category::IssueExpert),
        ("學者", Category::IssueExpert),
        ("專家學者", Category::IssueExpert),
        ("議題專家", Category::IssueExpert),
        ("議題專家學者", Category::IssueExpert),
        ("熟悉議題之專家學者", Category::IssueExpert),
        ("opengov", Category::OpenGovExpert),
        ("opengovexpert", Category::OpenGovExpert),
        ("opengovernmentexpert", Category::OpenGovExpert),
        ("開放政府", Category::OpenGovExpert),
        ("開放政府專家", Category::OpenGovExpert),
        ("開放政府專家學者", Category::OpenGovExpert),
    ];
    let wanted = normalise(value);
    if wanted.is_empty() {
        return Err(format!(
            "a member needs a category: one of {CATEGORY_WORDS}"
        ));
    }
    let by_label = Category::ALL.into_iter().find(|&c| {
        let label = i18n::category(c);
        normalise(label.zh) == wanted || normalise(label.en) == wanted
    });
    if let Some(category) = by_label.or_else(|| {
        ALIASES
            .iter()
            .find(|(alias, _)| normalise(alias) == wanted)
            .map(|&(_, c)| c)
    }) {
        return Ok(category);
    }
    // A side is not a category: say which one is meant.
    match parse_side(value) {
        Ok(Side::Government) => Err(format!(
            "\"{value}\" is a side, not a category; say 主辦機關 (lead agency) or 協辦機關 (co-organising agency)"
        )),
        Ok(Side::NonGovernment) => Err(format!(
            "\"{value}\" is a side, not a category; say 公民團體 (civic group), 專家學者 (issue expert) or 開放政府專家 (open-government expert)"
        )),
        Err(_) => Err(format!(
            "\"{value}\" is not a category; use one of {CATEGORY_WORDS}"
        )),
    }
}

pub(super) fn parse_side(value: &str) -> Result<Side, String> {
    const ALIASES: &[(&str, Side)] = &[
        ("government", Side::Government),
        ("gov", Side::Government),
        ("政府", Side::Government),
        ("政府機關", Side::Government),
        ("政府部門", Side::Government),
        ("nongovernment", Side::NonGovernment),
        ("nongovernmental", Side::NonGovernment),
        ("nongov", Side::NonGovernment),
        ("非政府", Side::NonGovernment),
        ("非政府機關", Side::NonGovernment),
        ("非政府部門", Side::NonGovernment),
        ("民間", Side::NonGovernment),
    ];
    let wanted = normalise(value);
    ALIASES
        .iter()
        .find(|(alias, _)| normalise(alias) == wanted)
        .map(|&(_, side)| side)
        .ok_or_else(|| {
            format!("\"{value}\" is not a side; use government (政府) or non-government (非政府)")
        })
}

pub(super) fn parse_seat(value: &str) -> Result<SeatRole, String> {
    match normalise(value).as_str() {
        "" | "member" | "委員" | "成員" => Ok(SeatRole::Member),
        "convener" | "convenor" | "召集人" => Ok(SeatRole::Convener),
        "coconvener" | "coconvenor" | "共同召集人" => Ok(SeatRole::CoConvener),
        _ if parse_role(value).is_ok_and(|kind| kind != RowKind::Member) => Err(format!(
            "\"{value}\" is not a seat; write it in the role (身分) column, and leave the seat empty"
        )),
        _ => Err(format!(
            "\"{value}\" is not a seat; use convener (召集人), co-convener (共同召集人) or member (委員), or leave it empty for a member"
        )),
    }
}

pub(super) fn parse_role(value: &str) -> Result<RowKind, String> {
    match normalise(value).as_str() {
        "" | "member" | "委員" | "成員" => Ok(RowKind::Member),
        "observer" | "列席" | "列席人員" | "列席單位" => Ok(RowKind::Observer),
        "representative" | "rep" | "代表" | "指派代表" | "代理人" => {
            Ok(RowKind::Representative)
        }
        _ => Err(format!(
            "\"{value}\" is not a role; use member (委員), observer (列席) or representative (代表), or leave it empty for a member"
        )),
    }
}
