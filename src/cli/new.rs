//! `roundtable new FILE`: create a session file ready to be filled in.

use std::path::PathBuf;

use chrono::{NaiveDate, NaiveTime};
use clap::Args;

use super::files::{shell_word, write_new_file};
use super::summary::summary;
use super::{CliError, print_err, print_out};
use crate::domain::commitments::{COMMITMENTS, Commitment, commitment_by_number};
use crate::domain::{
    AgendaItem, Category, ItemId, Lang, Member, PersonId, Roster, SeatRole, Section, Session, Text,
    follow_up_session,
};
use crate::i18n;
use crate::store::{self, roster_csv};

/// Create a new session file: the meeting's details, its roster and the standard
/// agenda.
///
/// The agenda gets the items every meeting has, in the rules' order (confirmation of
/// the previous minutes, follow-up, extempore motions, adjournment); add reports and
/// discussion items to the file before the meeting. An existing file is never
/// overwritten.
#[derive(Debug, Args)]
#[command(after_help = "Examples:
  roundtable new sessions/forum-3.ron --commitment 3 --number 4 --date 2026-12-10
  roundtable new sessions/forum.ron --roster sessions/roster-example.csv --title 論壇 --title-en Forum

The roster CSV's first row names the columns, in English or Chinese: name/姓名,
title/職稱, organisation/單位, category/類別 (主辦機關, 協辦機關, 公民團體, 專家學者,
開放政府專家), side/屬性, seat/角色 (召集人, 共同召集人), role/身分 (列席 for an
observer, 代表 for a representative), represents/代表機關成員, id, name_en, title_en,
organisation_en. See sessions/roster-example.csv.")]
pub struct NewArgs {
    /// The session file to create, e.g. sessions/forum-3.ron
    pub file: PathBuf,
    /// Fill in commitment N (1-12) of Annex 1: the title, and the lead agency as
    /// convener unless the roster names one
    #[arg(long, value_name = "N", value_parser = parse_commitment)]
    pub commitment: Option<u8>,
    /// Import the roster from a CSV file (see below)
    #[arg(long, value_name = "CSV")]
    pub roster: Option<PathBuf>,
    /// The meeting's title [default: from the commitment, or 多元利害關係人論壇]
    #[arg(long, value_name = "T")]
    pub title: Option<String>,
    /// The title in English
    #[arg(long, value_name = "T")]
    pub title_en: Option<String>,
    /// The meeting's number in its series (第 N 次會議)
    #[arg(long, value_name = "N")]
    pub number: Option<u32>,
    /// The date of the meeting [default: today]
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub date: Option<NaiveDate>,
    /// The planned start time
    #[arg(long, value_name = "HH:MM", value_parser = parse_time)]
    pub start: Option<NaiveTime>,
    /// The planned end time, which `check` holds the agenda's planned minutes against
    #[arg(long, value_name = "HH:MM", value_parser = parse_time)]
    pub end: Option<NaiveTime>,
    /// Where the meeting is held
    #[arg(long, value_name = "V")]
    pub venue: Option<String>,
    /// Who keeps the record (紀錄)
    #[arg(long, value_name = "R")]
    pub recorder: Option<String>,
    /// Start from the previous meeting's file: its roster, and its open action items
    /// and still-tracked matters as the follow-up table
    #[arg(long, value_name = "PREVIOUS", conflicts_with_all = ["roster", "commitment"])]
    pub follow_up: Option<PathBuf>,
}

pub fn run_new(args: NewArgs) -> Result<(), CliError> {
    let mut warnings = Vec::new();
    let roster = match &args.roster {
        Some(path) => {
            let import = roster_csv::read(path).map_err(|source| CliError::Roster {
                path: path.clone(),
                source,
            })?;
            warnings.extend(
                import
                    .warnings
                    .into_iter()
                    .map(|w| format!("{}: {w}", path.display())),
            );
            import.roster
        }
        None => Roster::default(),
    };
    let today = chrono::Local::now().date_naive();
    let (session, added_convener) = match &args.follow_up {
        Some(previous) => (follow_up_session_from(&args, previous, today)?, None),
        None => build_session(&args, roster, today),
    };
    let text = file_text(&session);
    // What is written must load; check before writing rather than after.
    let meeting = store::parse(&text, &args.file)?;
    write_new_file(&args.file, text.as_bytes())?;

    for warning in &warnings {
        print_err(&format!("roundtable: warning: {warning}\n"));
    }
    let mut report = format!(
        "Created {}:\n\n{}\nNext:\n",
        args.file.display(),
        summary(&meeting, Lang::En)
    );
    if added_convener.is_some() {
        report
            .push_str("  - in the attendance panel (1), E puts in the convener's name (the lead\n    agency's deputy head), held for now by the agency's name\n");
    }
    if session.roster.members.is_empty() {
        report.push_str(
            "  - in the attendance panel (1), M adds the members one by one (or start again\n    with --roster CSV)\n",
        );
    }
    if !session.follow_up.is_empty() {
        report.push_str(&format!(
            "  - {} matters to follow up from the previous meeting are in the follow-up table\n",
            session.follow_up.len()
        ));
    }
    let file = shell_word(&args.file);
    report.push_str(&format!(
        "  - roundtable open {file}: in the agenda panel (2), i adds the reports and discussion\n    items (Tab chooses the section), E edits one, K/J move, D removes, I edits the\n    meeting's details; in the motion panel (3), p adds a draft motion and m edits it;\n    ? lists every key\n  - roundtable check {file}\n"
    ));
    print_out(&report);
    Ok(())
}

/// The next meeting of the series in `previous`, with the options given overriding
/// what it carries.
fn follow_up_session_from(
    args: &NewArgs,
    previous: &std::path::Path,
    today: NaiveDate,
) -> Result<Session, CliError> {
    let previous = super::files::load_session(previous)?;
    let mut session = follow_up_session(&previous, args.date.unwrap_or(today));
    if let Some(title) = &args.title {
        session.meeting.title = Text {
            text: title.clone(),
            en: args.title_en.clone(),
        };
    }
    if args.number.is_some() {
        session.meeting.number = args.number;
    }
    if args.start.is_some() {
        session.meeting.planned_start = args.start;
    }
    if args.end.is_some() {
        session.meeting.planned_end = args.end;
    }
    if let Some(venue) = &args.venue {
        session.meeting.venue = Text::new(venue.clone());
    }
    if let Some(recorder) = &args.recorder {
        session.meeting.recorder = Text::new(recorder.clone());
    }
    Ok(session)
}

/// The session `new` writes. Returns the id of the convener it added for the
/// commitment's lead agency, if it added one.
pub fn build_session(
    args: &NewArgs,
    mut roster: Roster,
    today: NaiveDate,
) -> (Session, Option<PersonId>) {
    let commitment = args.commitment.and_then(commitment_by_number);
    let title = match (&args.title, commitment) {
        (Some(title), _) => Text {
            text: title.clone(),
            en: args.title_en.clone(),
        },
        (None, Some(c)) => forum_title(c),
        (None, None) => Text {
            text: "多元利害關係人論壇".to_owned(),
            en: Some(
                args.title_en
                    .clone()
                    .unwrap_or_else(|| "Multi-stakeholder Forum".to_owned()),
            ),
        },
    };
    let mut session = Session::new(title, args.date.unwrap_or(today));
    session.meeting.number = args.number;
    session.meeting.commitment = args.commitment;
    session.meeting.planned_start = args.start;
    session.meeting.planned_end = args.end;
    session.meeting.venue = args.venue.clone().map(Text::new).unwrap_or_default();
    session.meeting.recorder = args.recorder.clone().map(Text::new).unwrap_or_default();

    let mut added_convener = None;
    if let Some(c) = commitment
        && roster.convener().is_none()
    {
        let id = free_id(&roster, "convener");
        roster.members.insert(
            0,
            Member {
                id: id.clone(),
                name: c.lead_agency(),
                title: i18n::DEPUTY_HEAD.into(),
                organisation: c.lead_agency(),
                category: Category::LeadAgency,
                seat: SeatRole::Convener,
            },
        );
        added_convener = Some(id);
    }
    session.roster = roster;
    session.agenda = standard_agenda();
    (session, added_convener)
}

/// An agenda item as a hand-edited file writes it; shown in the header comment.
const EXAMPLE_ITEM: &str = r#"(id: "report-1", section: Report, title: (text: "報告案", en: "A report"), presenter: "報告單位", explanation: "說明", planned_minutes: 15),"#;

/// The file `new` writes: the session, with a comment on how to fill it in.
fn file_text(session: &Session) -> String {
    format!(
        "{}{}\n",
        header_comment(),
        store::to_ron(session).trim_end()
    )
}

/// What a newcomer editing the file needs to know. The comment goes once Roundtable
/// saves the meeting: by then the set-up is done.
fn header_comment() -> String {
    format!(
        "// A Roundtable session file, made by `roundtable new`. Prepare the agenda and the
// motions in the app (`roundtable open` this file: i, E, K, J, D in the agenda panel;
// p and m in the motion panel), then run `roundtable check` on it.
// By hand, if you prefer a text editor:
// - roster: one line per member. category: LeadAgency, CoOrganisingAgency, CivicGroup,
//   IssueExpert or OpenGovExpert; seat: Convener, CoConvener or Member.
// - agenda: reports (section: Report) and discussion items (section: Discussion)
//   go between \"follow-up\" and \"extempore\", e.g.
//   {EXAMPLE_ITEM}
// - any text may carry English: (text: \"議程\", en: \"Agenda\").
// Roundtable rewrites this file as the meeting goes, without these comments.
"
    )
}

/// The forum's title for a commitment: 「公民投票電子連署」多元利害關係人論壇.
fn forum_title(c: &Commitment) -> Text {
    Text::bilingual(
        format!("「{}」多元利害關係人論壇", c.title_zh),
        format!("Multi-stakeholder Forum on {}", c.title_en),
    )
}

/// The items every meeting has, in the rules' order; reports and discussion items go
/// between the follow-up and the extempore motions.
pub fn standard_agenda() -> Vec<AgendaItem> {
    [
        ("previous-minutes", Section::PreviousMinutes, 5),
        ("follow-up", Section::FollowUp, 10),
        ("extempore", Section::Extempore, 10),
        ("adjournment", Section::Adjournment, 0),
    ]
    .into_iter()
    .map(|(id, section, planned_minutes)| {
        let label = i18n::section(section);
        AgendaItem {
            id: ItemId::new(id),
            section,
            title: Text::bilingual(label.zh, label.en),
            presenter: Text::default(),
            explanation: Text::default(),
            proposed_action: None,
            planned_minutes,
        }
    })
    .collect()
}

/// `base`, or `base-2`, … if the roster already uses it.
fn free_id(roster: &Roster, base: &str) -> PersonId {
    let taken = |id: &str| {
        roster.members.iter().any(|m| m.id.0 == id)
            || roster.representatives.iter().any(|r| r.id.0 == id)
            || roster.observers.iter().any(|o| o.id.0 == id)
    };
    (1..)
        .map(|n| {
            if n == 1 {
                base.to_owned()
            } else {
                format!("{base}-{n}")
            }
        })
        .find(|id| !taken(id))
        .map(PersonId)
        .unwrap_or_else(|| PersonId::new(base))
}

fn parse_commitment(value: &str) -> Result<u8, String> {
    let list = || {
        COMMITMENTS
            .iter()
            .map(|c| format!("\n  {:>2}  {} ({})", c.number, c.title_zh, c.title_en))
            .collect::<String>()
    };
    match value
        .trim()
        .parse::<u8>()
        .ok()
        .and_then(commitment_by_number)
    {
        Some(c) => Ok(c.number),
        None => Err(format!(
            "there is no commitment {value}; Annex 1 numbers them 1 to 12:{}",
            list()
        )),
    }
}

fn parse_date(value: &str) -> Result<NaiveDate, String> {
    crate::typed::date(value)
        .map_err(|e| format!("{e}; write the date as YYYY-MM-DD, e.g. 2026-12-03"))
}

fn parse_time(value: &str) -> Result<NaiveTime, String> {
    crate::typed::time(value).map_err(|e| format!("{e}; write the time as HH:MM, e.g. 14:00"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Meeting;
    use clap::Parser;

    fn args(line: &[&str]) -> NewArgs {
        let mut argv = vec!["roundtable", "new"];
        argv.extend_from_slice(line);
        match super::super::Cli::try_parse_from(argv) {
            Ok(super::super::Cli {
                command: super::super::Command::New(args),
            }) => args,
            other => panic!("{other:?}"),
        }
    }

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, 3).expect("a date")
    }

    #[test]
    fn commitment_three_gets_its_title_and_the_election_commission_as_convener() {
        let (session, added) = build_session(
            &args(&["f.ron", "--commitment", "3"]),
            Roster::default(),
            today(),
        );
        assert_eq!(
            session.meeting.title.text,
            "「公民投票電子連署」多元利害關係人論壇"
        );
        assert_eq!(
            session.meeting.title.english(),
            Some("Multi-stakeholder Forum on Electronic co-signing for referendums")
        );
        assert_eq!(session.meeting.commitment, Some(3));
        assert_eq!(session.meeting.date, today());
        let convener = session.roster.convener().expect("a convener");
        assert_eq!(added.as_ref(), Some(&convener.id));
        assert_eq!(convener.organisation.text, "中央選舉委員會");
        assert_eq!(convener.category, Category::LeadAgency);
        Meeting::open(session).expect("valid");
    }

    #[test]
    fn a_roster_with_a_convener_keeps_it() {
        let roster = roster_csv::parse("id,name,category,seat\nconvener,甲,主辦機關,召集人\n")
            .expect("imports")
            .roster;
        let (session, added) =
            build_session(&args(&["f.ron", "--commitment", "3"]), roster, today());
        assert_eq!(added, None);
        assert_eq!(session.roster.members.len(), 1);
        assert_eq!(
            session.roster.convener().map(|m| m.name.text.as_str()),
            Some("甲")
        );
    }

    #[test]
    fn the_added_convener_does_not_take_an_id_in_use() {
        let roster = roster_csv::parse("id,name,category\nconvener,甲,專家學者\n")
            .expect("imports")
            .roster;
        let (session, added) =
            build_session(&args(&["f.ron", "--commitment", "1"]), roster, today());
        assert_eq!(added, Some(PersonId::new("convener-2")));
        Meeting::open(session).expect("valid");
    }

    #[test]
    fn the_agenda_skeleton_is_in_the_rules_order() {
        let sections: Vec<Section> = standard_agenda().iter().map(|i| i.section).collect();
        assert_eq!(
            sections,
            [
                Section::PreviousMinutes,
                Section::FollowUp,
                Section::Extempore,
                Section::Adjournment
            ]
        );
        assert_eq!(standard_agenda()[0].title.text, "確認上次會議紀錄");
        assert_eq!(
            standard_agenda()[1].title.english(),
            Some("Follow-up on previous resolutions")
        );
    }

    #[test]
    fn options_fill_the_meeting_details() {
        let (session, _) = build_session(
            &args(&[
                "f.ron",
                "--title",
                "第四次論壇",
                "--title-en",
                "Fourth forum",
                "--number",
                "4",
                "--date",
                "2027-01-15",
                "--start",
                "09:30",
                "--venue",
                "國發會",
                "--recorder",
                "林書妤",
            ]),
            Roster::default(),
            today(),
        );
        let info = &session.meeting;
        assert_eq!(info.title, Text::bilingual("第四次論壇", "Fourth forum"));
        assert_eq!(info.number, Some(4));
        assert_eq!(info.date.to_string(), "2027-01-15");
        assert_eq!(
            info.planned_start.map(|t| t.to_string()).as_deref(),
            Some("09:30:00")
        );
        assert_eq!(info.venue.text, "國發會");
        assert_eq!(info.recorder.text, "林書妤");
        assert_eq!(info.commitment, None);
    }

    #[test]
    fn the_example_item_in_the_header_is_a_valid_agenda_item() {
        let item = EXAMPLE_ITEM.trim_end_matches(',');
        let item: AgendaItem = ron::from_str(item).expect("parses");
        assert_eq!(item.section, Section::Report);
        let mut session = build_session(&args(&["f.ron"]), Roster::default(), today()).0;
        session.agenda.insert(2, item);
        Meeting::open(session).expect("in the rules' order where the comment says");
    }

    #[test]
    fn the_written_file_loads_with_its_comments() {
        let (session, _) = build_session(
            &args(&["f.ron", "--commitment", "7"]),
            Roster::default(),
            today(),
        );
        let text = file_text(&session);
        assert!(
            text.ends_with(")\n") && !text.ends_with("\n\n"),
            "one final newline"
        );
        let meeting = store::parse(&text, std::path::Path::new("f.ron")).expect("loads");
        assert_eq!(meeting.session(), &session);
    }

    #[test]
    fn commitment_thirteen_is_refused_with_the_list() {
        let error = parse_commitment("13").expect_err("no 13");
        assert!(error.starts_with("there is no commitment 13"), "{error}");
        assert!(error.contains("12  實質受益人資訊透明"), "{error}");
        assert!(parse_commitment("0").is_err());
        assert!(parse_commitment("three").is_err());
        assert_eq!(parse_commitment("12"), Ok(12));
    }
}
