//! The minutes say what the screen says: each seat counted once and named once, every
//! motion on every item written out, and an item the meeting never reached saying so.
//! Each test runs a small forum as the facilitator would and reads the minutes' text.

use chrono::{DateTime, Duration, FixedOffset};
use roundtable::domain::*;
use roundtable::minutes::{Format, Languages, minutes};

fn at(minute: i64) -> Stamp {
    let start: DateTime<FixedOffset> =
        DateTime::parse_from_rfc3339("2026-12-03T14:00:00+08:00").expect("valid time");
    start + Duration::minutes(minute)
}

fn member(id: &str, zh: &str, en: &str, title: (&str, &str), category: Category) -> Member {
    let seat = match id {
        "g1" => SeatRole::Convener,
        "n1" => SeatRole::CoConvener,
        _ => SeatRole::Member,
    };
    Member {
        id: PersonId::new(id),
        name: Text::bilingual(zh, en),
        title: Text::bilingual(title.0, title.1),
        organisation: Text::default(),
        category,
        seat,
    }
}

fn item(id: &str, section: Section, zh: &str, en: &str) -> AgendaItem {
    AgendaItem {
        id: ItemId::new(id),
        section,
        title: Text::bilingual(zh, en),
        presenter: Text::default(),
        explanation: Text::default(),
        proposed_action: None,
        planned_minutes: 10,
    }
}

/// Three seats a side: 陳怡君 (g1, convener), 黃志明 (g2, whose designated
/// representative is 何國華), 林志豪 (g3); 周明德 (n1), 許雅雯 (n2), 鄭凱文 (n3). The
/// agenda confirms the previous minutes (with a motion `pm` to confirm them), has a
/// discussion item `d1` with motion `m1`, and a discussion item `d2` that may never be
/// reached.
fn forum() -> Meeting {
    let mut session = Session::new(
        Text::bilingual("測試論壇", "Test forum"),
        at(0).date_naive(),
    );
    let director = ("司長", "Director-General");
    session.roster.members = vec![
        member(
            "g1",
            "陳怡君",
            "Chen Yi-chun",
            director,
            Category::LeadAgency,
        ),
        member(
            "g2",
            "黃志明",
            "Huang Chih-ming",
            director,
            Category::CoOrganisingAgency,
        ),
        member(
            "g3",
            "林志豪",
            "Lin Chih-hao",
            director,
            Category::CoOrganisingAgency,
        ),
        member(
            "n1",
            "周明德",
            "Chou Ming-te",
            ("理事長", "Chair"),
            Category::CivicGroup,
        ),
        member(
            "n2",
            "許雅雯",
            "Hsu Ya-wen",
            ("研究員", "Researcher"),
            Category::CivicGroup,
        ),
        member(
            "n3",
            "鄭凱文",
            "Cheng Kai-wen",
            ("主任", "Director"),
            Category::CivicGroup,
        ),
    ];
    session.roster.representatives.push(Representative {
        id: PersonId::new("g2-rep"),
        for_member: PersonId::new("g2"),
        name: Text::bilingual("何國華", "Ho Kuo-hua"),
        title: Text::bilingual("科長", "Section Chief"),
    });
    session.agenda = vec![
        item(
            "pm",
            Section::PreviousMinutes,
            "確認上次會議紀錄",
            "Previous minutes",
        ),
        item("d1", Section::Discussion, "資料開放案", "Open data"),
        item("d2", Section::Discussion, "原始碼公開案", "Open source"),
        item("adj", Section::Adjournment, "散會", "Adjournment"),
    ];
    session.motions = vec![
        Motion {
            id: MotionId::new("pm-1"),
            item: ItemId::new("pm"),
            text: Text::bilingual("確認上次會議紀錄", "Confirm the previous minutes"),
            proposer: None,
        },
        Motion {
            id: MotionId::new("m1"),
            item: ItemId::new("d1"),
            text: Text::bilingual("資料集全數開放", "Open every dataset"),
            proposer: None,
        },
    ];
    Meeting::open(session).expect("a valid forum")
}

fn ok(meeting: &mut Meeting, minute: i64, kind: EventKind) {
    if let Err(e) = meeting.record(at(minute), Author::Facilitator, kind.clone()) {
        panic!("{kind:?} refused: {e}");
    }
}

fn arrive(meeting: &mut Meeting, minute: i64, ids: &[&str]) {
    ok(meeting, minute, EventKind::MeetingStarted);
    for id in ids {
        let person = PersonId::new(*id);
        ok(meeting, minute, EventKind::Arrived { person });
    }
}

fn text(meeting: &Meeting, languages: Languages) -> String {
    let bytes = minutes(meeting, Format::Markdown, languages)
        .expect("renders")
        .bytes;
    String::from_utf8(bytes).expect("UTF-8")
}

/// The line of the minutes that starts with `start` (after a list's "- ").
fn line<'a>(minutes: &'a str, start: &str) -> &'a str {
    minutes
        .lines()
        .map(|l| l.trim_start_matches("- "))
        .find(|l| l.starts_with(start))
        .unwrap_or_else(|| panic!("no line starting {start:?} in:\n{minutes}"))
}

#[test]
fn a_seat_taken_by_the_member_and_their_representative_counts_once() {
    let mut meeting = forum();
    arrive(
        &mut meeting,
        0,
        &["g1", "g2", "g2-rep", "g3", "n1", "n2", "n3"],
    );
    assert_eq!(meeting.state().present_members().government, 3);

    let zh = text(&meeting, Languages::Chinese);
    let government = line(&zh, "政府機關");
    assert!(government.starts_with("政府機關（3 人）："), "{government}");
    assert!(
        government.contains("黃志明（何國華科長代理）"),
        "the representative with the seat they fill: {government}"
    );
    assert_eq!(
        zh.matches("黃志明").count(),
        1,
        "the seat is named once:\n{zh}"
    );
    assert_eq!(zh.matches("何國華").count(), 1, "{zh}");

    let en = text(&meeting, Languages::English);
    let government = line(&en, "Government");
    assert!(government.starts_with("Government (3): "), "{government}");
    assert!(
        government.contains(
            "Huang Chih-ming, Director-General (represented by Ho Kuo-hua, Section Chief)"
        ),
        "{government}"
    );
}

#[test]
fn a_representative_arriving_late_is_printed_with_the_seat_and_the_time() {
    let mut meeting = forum();
    arrive(&mut meeting, 0, &["g1", "g3", "n1"]);
    let rep = PersonId::new("g2-rep");
    ok(&mut meeting, 25, EventKind::Arrived { person: rep });
    let zh = text(&meeting, Languages::Chinese);
    assert!(
        line(&zh, "政府機關").contains("黃志明（何國華科長代理，14:25 到）"),
        "{zh}"
    );
}

#[test]
fn a_member_who_attended_then_sent_apologies_is_listed_once_as_attending() {
    let mut meeting = forum();
    arrive(&mut meeting, 0, &["g1", "g3", "n1", "n2"]);
    let n2 = PersonId::new("n2");
    ok(&mut meeting, 40, EventKind::Left { person: n2.clone() });
    ok(&mut meeting, 41, EventKind::Excused { person: n2 });
    let zh = text(&meeting, Languages::Chinese);
    assert!(line(&zh, "非政府").contains("許雅雯"), "{zh}");
    assert!(line(&zh, "非政府").contains("14:40 離席"), "{zh}");
    assert_eq!(zh.matches("許雅雯").count(), 1, "one list only:\n{zh}");
    assert!(!line(&zh, "**請假**").contains("許雅雯"), "{zh}");
}

#[test]
fn a_member_excused_whose_representative_came_is_represented_not_excused() {
    let mut meeting = forum();
    arrive(&mut meeting, 0, &["g1", "n1"]);
    let g2 = PersonId::new("g2");
    ok(&mut meeting, 1, EventKind::Excused { person: g2 });
    let rep = PersonId::new("g2-rep");
    ok(&mut meeting, 5, EventKind::Arrived { person: rep });
    let zh = text(&meeting, Languages::Chinese);
    assert!(line(&zh, "政府機關（2 人）").contains("黃志明（何國華科長代理，14:05 到）"));
    assert_eq!(zh.matches("黃志明").count(), 1, "{zh}");
    // The members nobody came for are the only ones excused or absent.
    let en = text(&meeting, Languages::English);
    assert!(!en.contains("Apologies") || !line(&en, "**Apologies**").contains("Huang"));
}

#[test]
fn a_vote_on_confirming_the_previous_minutes_is_in_the_record() {
    let mut meeting = forum();
    arrive(&mut meeting, 0, &["g1", "g2", "g3", "n1", "n2", "n3"]);
    let pm = MotionId::new("pm-1");
    let item = ItemId::new("pm");
    ok(&mut meeting, 1, EventKind::ItemStarted { item });
    ok(
        &mut meeting,
        2,
        EventKind::ConsensusRoundOpened { motion: pm.clone() },
    );
    ok(
        &mut meeting,
        3,
        EventKind::ObjectionRaised {
            motion: pm.clone(),
            speaker: Speaker::Person(PersonId::new("n3")),
            reason: Text::new("第三案紀錄有誤"),
            blocking: true,
        },
    );
    ok(
        &mut meeting,
        4,
        EventKind::ConsensusRoundClosed { motion: pm.clone() },
    );
    ok(
        &mut meeting,
        5,
        EventKind::ConsentToVoteTaken {
            motion: pm.clone(),
            agree: 4,
        },
    );
    let tally = Tally::Counts {
        yes: 2,
        no: 4,
        abstain: 0,
    };
    ok(&mut meeting, 6, EventKind::VoteTaken { motion: pm, tally });

    let zh = text(&meeting, Languages::Chinese);
    let section = &zh[zh.find("確認上次會議紀錄").expect("the section")..];
    let section = &section[..section.find("## 二").unwrap_or(section.len())];
    assert!(
        section.contains("異議：鄭凱文主任 — 第三案紀錄有誤"),
        "{section}"
    );
    assert!(section.contains("贊成 2 人、反對 4 人"), "{section}");
    assert!(section.contains("；未通過。"), "{section}");
    assert!(section.contains("**決議**：未通過"), "{section}");
    let en = text(&meeting, Languages::English);
    assert!(
        en.contains("For 2, against 4, abstaining 0: Not adopted."),
        "{en}"
    );
    assert!(en.contains("| Vote (show of hands) 14:06 | 6 |"), "{en}");
}

#[test]
fn an_item_the_meeting_never_reached_says_so() {
    let mut meeting = forum();
    arrive(&mut meeting, 0, &["g1", "g2", "n1", "n2"]);
    ok(
        &mut meeting,
        1,
        EventKind::ItemStarted {
            item: ItemId::new("d1"),
        },
    );
    let m1 = MotionId::new("m1");
    ok(
        &mut meeting,
        2,
        EventKind::ConsensusRoundOpened { motion: m1.clone() },
    );
    ok(
        &mut meeting,
        3,
        EventKind::ConsensusRoundClosed { motion: m1 },
    );
    ok(
        &mut meeting,
        50,
        EventKind::ItemStarted {
            item: ItemId::new("adj"),
        },
    );
    ok(&mut meeting, 51, EventKind::MeetingAdjourned);

    let zh = text(&meeting, Languages::Chinese);
    let d2 = &zh[zh.find("原始碼公開案").expect("the item is listed")..];
    let d2 = &d2[..d2.find("\n## ").unwrap_or(d2.len())];
    assert!(d2.contains("未討論"), "{d2}");
    assert!(
        !d2.contains("決議"),
        "no resolution for an item never discussed: {d2}"
    );
    let d1 = &zh[zh.find("資料開放案").expect("the item")..];
    assert!(d1.contains("共識通過"), "{d1}");
    let en = text(&meeting, Languages::English);
    let d2 = &en[en.find("Open source").expect("the item")..];
    assert!(d2.contains("Not reached"), "{d2}");
}

/// The sign-in sheet's remark for `id`'s row.
fn remark(meeting: &Meeting, name: &str) -> String {
    roundtable::minutes::signin::rows(meeting)
        .into_iter()
        .find(|row| row.name == name)
        .unwrap_or_else(|| panic!("a row for {name}"))
        .remarks
}

#[test]
fn the_sign_in_sheet_and_the_participants_agree_with_the_minutes() {
    let mut meeting = forum();
    arrive(&mut meeting, 0, &["g1", "g3", "n1", "n2"]);
    let n2 = PersonId::new("n2");
    ok(&mut meeting, 40, EventKind::Left { person: n2.clone() });
    ok(&mut meeting, 41, EventKind::Excused { person: n2 });
    let g2 = PersonId::new("g2");
    ok(&mut meeting, 42, EventKind::Excused { person: g2 });
    let rep = PersonId::new("g2-rep");
    ok(&mut meeting, 43, EventKind::Arrived { person: rep });
    let n3 = PersonId::new("n3");
    ok(&mut meeting, 44, EventKind::Excused { person: n3 });

    // Attended, then sent apologies: attended.
    assert_eq!(remark(&meeting, "許雅雯"), "");
    assert_eq!(remark(&meeting, "黃志明"), "由指派代表出席 represented");
    assert_eq!(remark(&meeting, "何國華"), "");
    assert_eq!(remark(&meeting, "鄭凱文"), "請假 excused");

    let minutes = text(&meeting, Languages::Chinese);
    assert!(
        line(&minutes, "政府機關").starts_with("政府機關（3 人）"),
        "{minutes}"
    );
    assert!(
        line(&minutes, "非政府").starts_with("非政府（2 人）"),
        "{minutes}"
    );
    assert_eq!(line(&minutes, "**請假**"), "**請假**：主任 鄭凱文");
    let names = |list: Vec<Text>| list.into_iter().map(|t| t.text).collect::<Vec<_>>();
    let participants = roundtable::minutes::participants::participants(&meeting);
    assert_eq!(names(participants.government), ["黃志明", "林志豪"]);
    assert_eq!(names(participants.civil_society), ["周明德", "許雅雯"]);
    assert_eq!(meeting.state().attended_members().government, 3);
    assert_eq!(meeting.state().attended_members().non_government, 2);
}
