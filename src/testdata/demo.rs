//! The demo meeting played to its end.
//!
//! Over 600 lines on purpose: it is one script, the meeting from arrivals to
//! adjournment in the order it happens, and reads best top to bottom as the minutes
//! will; split, the story would be harder to follow and to check against
//! `sessions/demo-finished.ron`.

use chrono::NaiveDate;

use super::{Script, bi, motion, person};
use crate::cli::DEMO_SESSION;
use crate::domain::{
    AgendaItem, CommentId, EventKind, FollowUpEntry, FollowUpStatus, ItemId, Meeting, Motion,
    NoteKind, PersonId, ResponseStatus, Section, Session, Speaker, Tally, Text,
};

/// The demo meeting (`sessions/demo.ron`) played from start to adjournment, as
/// `sessions/demo-finished.ron` holds it: arrivals (one representative, observers), a
/// late arrival, an early departure, an excused member, every item in turn, report
/// decisions, discussion notes (most but not all with English), action items, a motion
/// that fails consensus on a blocking objection and is then voted on, one adopted by
/// consensus with a reservation, an extempore motion added on the day and deferred,
/// the follow-up table, the public's comments answered (one left unanswered), and the
/// chair's conclusions.
pub fn finished_demo() -> Session {
    let mut session: Session = match ron::from_str(DEMO_SESSION) {
        Ok(session) => session,
        Err(e) => panic!("sessions/demo.ron parses: {e}"),
    };
    // The secretariat's follow-up table from the 2nd meeting, set up before the day.
    session.follow_up = vec![
        FollowUpEntry {
            number: 1,
            matter: bi(
                "電子連署系統使用者介面草案送請委員提供意見。",
                "Send the draft user interface of the co-signing system to members for comment.",
            ),
            owner: bi(
                "中央選舉委員會綜合規劃處",
                "Central Election Commission, Department of Planning",
            ),
            due: NaiveDate::from_ymd_opt(2026, 11, 15),
            from_meeting: Some(2),
            action_taken: Text::default(),
            status: FollowUpStatus::KeepTracking,
        },
        FollowUpEntry {
            number: 2,
            matter: bi(
                "會議紀錄及簡報於會後 2 週內公開於國發會網站。",
                "Publish the minutes and slides on the NDC website within two weeks.",
            ),
            owner: bi("國家發展委員會社會發展處", "National Development Council"),
            due: None,
            from_meeting: Some(2),
            action_taken: Text::default(),
            status: FollowUpStatus::KeepTracking,
        },
        FollowUpEntry {
            number: 3,
            matter: bi(
                "連署系統委託第三方進行無障礙檢測。",
                "Commission a third-party accessibility audit of the co-signing system.",
            ),
            owner: bi(
                "中央選舉委員會綜合規劃處",
                "Central Election Commission, Department of Planning",
            ),
            due: NaiveDate::from_ymd_opt(2027, 2, 28),
            from_meeting: Some(2),
            action_taken: Text::default(),
            status: FollowUpStatus::KeepTracking,
        },
    ];
    let meeting = match Meeting::open(session) {
        Ok(meeting) => meeting,
        Err(e) => panic!("the demo opens: {e}"),
    };
    let mut s = Script {
        meeting,
        date: "2026-12-03",
    };

    // Arrivals before the start; the MOI sends a representative; two observers.
    for who in [
        "cec-deputy",
        "cec-planning",
        "moi-household-rep",
        "moda-digital-gov",
        "ndc-social",
        "civic-participation",
        "open-culture",
        "digital-rights",
        "digital-id-industry",
        "prof-direct-democracy",
        "prof-security",
        "prof-open-gov",
        "ey-office",
        "ndc-staff",
    ] {
        s.at(
            "13:52",
            EventKind::Arrived {
                person: PersonId::new(who),
            },
        );
    }
    s.at(
        "13:55",
        EventKind::Excused {
            person: PersonId::new("nics"),
        },
    );
    s.at("14:00", EventKind::MeetingStarted);

    // Confirmation of the previous minutes.
    s.at(
        "14:00",
        EventKind::ItemStarted {
            item: ItemId::new("previous-minutes"),
        },
    );
    s.note(
        "14:02",
        "previous-minutes",
        None,
        NoteKind::Narrative,
        bi("（與會者皆無意見）", "(No comments from the floor.)"),
    );
    s.note(
        "14:03",
        "previous-minutes",
        Some(person("cec-deputy")),
        NoteKind::Decision,
        bi(
            "第 2 次會議紀錄確認。",
            "The minutes of the 2nd meeting are confirmed.",
        ),
    );

    // Follow-up on the 2nd meeting's resolutions.
    s.at(
        "14:04",
        EventKind::ItemStarted {
            item: ItemId::new("follow-up"),
        },
    );
    s.spoke(
        "14:05",
        "follow-up",
        "cec-planning",
        bi(
            "使用者介面草案已於 11 月 10 日送請委員表示意見，共收到 12 則建議，均已納入修正；無障礙檢測已完成招標，預計明年 2 月完成。",
            "The draft user interface went to members on 10 November; all 12 suggestions received have been taken in. The accessibility audit has been contracted and should finish next February.",
        ),
    );
    s.at(
        "14:08",
        EventKind::FollowUpRecorded {
            entry: 1,
            action_taken: bi(
                "已於 11 月 10 日送請委員表示意見，12 則建議均已納入修正。",
                "Sent to members on 10 November; all 12 suggestions were taken in.",
            ),
            status: FollowUpStatus::Closed,
        },
    );
    s.at(
        "14:09",
        EventKind::FollowUpRecorded {
            entry: 2,
            action_taken: bi(
                "第 2 次會議紀錄及簡報已於 11 月 5 日公開。",
                "The minutes and slides of the 2nd meeting were published on 5 November.",
            ),
            status: FollowUpStatus::Closed,
        },
    );
    s.at(
        "14:10",
        EventKind::FollowUpRecorded {
            entry: 3,
            action_taken: bi(
                "已完成招標，檢測進行中，預計 116 年 2 月完成。",
                "Contracted; the audit is under way and should finish in February 2027.",
            ),
            status: FollowUpStatus::KeepTracking,
        },
    );
    s.note(
        "14:11",
        "follow-up",
        Some(person("cec-deputy")),
        NoteKind::Decision,
        bi(
            "第 1、2 項解除追蹤，第 3 項繼續追蹤。",
            "Matters 1 and 2 are closed; matter 3 stays on the follow-up list.",
        ),
    );
    s.at(
        "14:11",
        EventKind::Arrived {
            person: PersonId::new("public-reporter"),
        },
    );

    // Report 1: progress of the system.
    s.at(
        "14:12",
        EventKind::ItemStarted {
            item: ItemId::new("report-system-progress"),
        },
    );
    s.spoke(
        "14:13",
        "report-system-progress",
        "cec-planning",
        bi(
            "系統第一階段開發已完成，內部測試共發現 37 項問題，已修正 35 項，其餘 2 項將於試用前修正。",
            "The first development phase is complete. Internal testing found 37 issues; 35 are fixed and the other 2 will be fixed before the trial.",
        ),
    );
    s.spoke(
        "14:20",
        "report-system-progress",
        "digital-rights",
        bi(
            "請問試用期間是否開放一般民眾參與？測試資料是否會在試用結束後刪除？",
            "Will the public be able to take part in the trial? Will the test data be deleted when the trial ends?",
        ),
    );
    s.spoke(
        "14:22",
        "report-system-progress",
        "cec-planning",
        bi(
            "試用以提案人及其連署人為主，試用資料將於試用結束後 1 個月內刪除。",
            "The trial is for proposers and their co-signers; trial data will be deleted within a month after it ends.",
        ),
    );
    s.note(
        "14:24",
        "report-system-progress",
        Some(person("ey-office")),
        NoteKind::Said,
        bi(
            "政務委員辦公室樂見系統如期推進，請持續與民間委員溝通。",
            "The Minister's office welcomes the progress and asks the team to keep talking with the non-government members.",
        ),
    );
    s.at(
        "14:25",
        EventKind::Arrived {
            person: PersonId::new("moica"),
        },
    );
    s.note(
        "14:27",
        "report-system-progress",
        Some(person("cec-deputy")),
        NoteKind::Decision,
        bi(
            "洽悉。請綜合規劃處於試用前提供試用說明予各委員。",
            "Noted. The Department of Planning will send members a guide to the trial before it starts.",
        ),
    );
    s.note(
        "14:28",
        "report-system-progress",
        Some(person("cec-deputy")),
        NoteKind::Action {
            owner: Some(person("cec-planning")),
            due: NaiveDate::from_ymd_opt(2027, 2, 15),
        },
        bi(
            "於試用前提供系統試用說明予各委員。",
            "Send members a guide to the system trial before it starts.",
        ),
    );

    // Report 2: the mobile ID.
    s.at(
        "14:30",
        EventKind::ItemStarted {
            item: ItemId::new("report-identity"),
        },
    );
    s.spoke(
        "14:31",
        "report-identity",
        "moda-digital-gov",
        bi(
            "行動身分識別採 FIDO 標準，身分驗證等級相當於自然人憑證，預計與自然人憑證並行。",
            "The mobile ID follows the FIDO standard with an assurance level equivalent to the citizen digital certificate; the two will run side by side.",
        ),
    );
    // Said without an English version: the English minutes flag it.
    s.spoke(
        "14:38",
        "report-identity",
        "prof-security",
        Text::new("建議公開行動身分識別之資安檢測結果，並說明手機遺失時之註銷流程。"),
    );
    s.note(
        "14:44",
        "report-identity",
        Some(person("cec-deputy")),
        NoteKind::Decision,
        bi(
            "洽悉。委員意見請數位發展部參考辦理。",
            "Noted. The Ministry of Digital Affairs will take the members' comments into account.",
        ),
    );

    // Discussion 1: open source and a security audit — consensus fails, then a vote.
    s.at(
        "14:45",
        EventKind::ItemStarted {
            item: ItemId::new("discussion-open-source"),
        },
    );
    // Three ask to speak; the first is called at once, the others in turn.
    for who in ["civic-participation", "moica", "prof-open-gov"] {
        s.asks("14:45", "discussion-open-source", who);
    }
    s.spoke(
        "14:46",
        "discussion-open-source",
        "civic-participation",
        bi(
            "原始碼公開可讓社群協助檢視，是建立信任最直接的方式。",
            "Publishing the source lets the community review it; it is the most direct way to build trust.",
        ),
    );
    s.spoke(
        "14:52",
        "discussion-open-source",
        "moica",
        bi(
            "憑證驗證模組涉及金鑰管理，全部公開恐有資安風險，建議先排除該模組。",
            "The certificate module handles key management; publishing it all may be a security risk, so it should be left out at first.",
        ),
    );
    s.spoke(
        "14:58",
        "discussion-open-source",
        "prof-open-gov",
        Text::new("國際上電子投票及連署系統多有公開原始碼之例，可參考愛沙尼亞經驗。"),
    );
    s.note(
        "15:01",
        "discussion-open-source",
        None,
        NoteKind::Narrative,
        bi("（主席徵詢共識）", "(The chair asks for consensus.)"),
    );
    s.at(
        "15:02",
        EventKind::ConsensusRoundOpened {
            motion: motion("open-source"),
        },
    );
    s.at(
        "15:03",
        EventKind::ObjectionRaised {
            motion: motion("open-source"),
            speaker: person("moica"),
            reason: bi(
                "憑證驗證模組不宜於上線前全部公開。",
                "The certificate module should not be published in full before launch.",
            ),
            blocking: true,
        },
    );
    s.at(
        "15:04",
        EventKind::ObjectionRaised {
            motion: motion("open-source"),
            speaker: person("digital-id-industry"),
            reason: bi(
                "檢測報告應全文公開，而非僅公開摘要。",
                "The full audit report, not only a summary, should be published.",
            ),
            blocking: false,
        },
    );
    s.at(
        "15:05",
        EventKind::ConsensusRoundClosed {
            motion: motion("open-source"),
        },
    );
    s.at(
        "15:06",
        EventKind::ConsentToVoteTaken {
            motion: motion("open-source"),
            agree: 10,
        },
    );
    s.at(
        "15:08",
        EventKind::VoteTaken {
            motion: motion("open-source"),
            tally: Tally::Counts {
                yes: 9,
                no: 2,
                abstain: 2,
            },
        },
    );
    s.note(
        "15:09",
        "discussion-open-source",
        Some(person("cec-deputy")),
        NoteKind::Decision,
        bi(
            "照案通過。憑證驗證模組之公開方式，由內政部憑證管理中心評估後於下次會議報告。",
            "Adopted as proposed. The MOI Certification Authority will assess how to publish the certificate module and report at the next meeting.",
        ),
    );
    s.note(
        "15:10",
        "discussion-open-source",
        Some(person("cec-deputy")),
        NoteKind::Action {
            owner: Some(person("moica")),
            due: NaiveDate::from_ymd_opt(2027, 3, 4),
        },
        bi(
            "評估憑證驗證模組之公開方式，於下次會議報告。",
            "Assess how to publish the certificate module and report at the next meeting.",
        ),
    );
    s.note(
        "15:11",
        "discussion-open-source",
        Some(person("cec-deputy")),
        NoteKind::Action {
            owner: Some(person("cec-planning")),
            due: NaiveDate::from_ymd_opt(2027, 6, 30),
        },
        bi(
            "辦理第三方資安檢測採購。",
            "Procure the third-party security audit.",
        ),
    );

    // The public's comments on the item, answered (rules §4).
    s.at(
        "15:11",
        EventKind::CommentAnswered {
            comment: CommentId::new("join-88213"),
            status: ResponseStatus::PartlyTakenUp,
            response: Box::new(bi(
                "原始碼於上線前 3 個月公開，並委託第三方資安檢測；開放外部社群測試之方式，由中選會評估後於下次會議報告。",
                "The source code is published three months before launch with a third-party audit; how outside testers take part will be assessed and reported at the next meeting.",
            )),
        },
    );
    s.at(
        "15:11",
        EventKind::CommentAnswered {
            comment: CommentId::new("join-88240"),
            status: ResponseStatus::TakenUp,
            response: Box::new(bi(
                "以開放授權釋出，並公開建置及部署文件。",
                "Released under an open licence, with the build and deployment documents.",
            )),
        },
    );

    // Discussion 2: data retention — adopted by consensus with a reservation.
    s.at(
        "15:12",
        EventKind::ItemStarted {
            item: ItemId::new("discussion-data-retention"),
        },
    );
    s.spoke(
        "15:13",
        "discussion-data-retention",
        "cec-planning",
        bi(
            "依公民投票法第 14 條，連署人名冊需供查對；查對完成後即無保存必要。",
            "Under Article 14 of the Referendum Act the list of co-signers must be available for verification; after that there is no need to keep it.",
        ),
    );
    s.spoke(
        "15:18",
        "discussion-data-retention",
        "digital-rights",
        bi(
            "支持本案，但 6 個月仍偏長，建議縮短為 3 個月。",
            "We support the motion, but six months is still long; three months would be better.",
        ),
    );
    s.at(
        "15:22",
        EventKind::ConsensusRoundOpened {
            motion: motion("data-retention"),
        },
    );
    s.at(
        "15:23",
        EventKind::ObjectionRaised {
            motion: motion("data-retention"),
            speaker: person("digital-rights"),
            reason: bi(
                "保存期限宜縮短為 3 個月。",
                "The retention period should be three months.",
            ),
            blocking: false,
        },
    );
    s.at(
        "15:24",
        EventKind::ConsensusRoundClosed {
            motion: motion("data-retention"),
        },
    );
    s.note(
        "15:25",
        "discussion-data-retention",
        Some(person("cec-deputy")),
        NoteKind::Decision,
        bi(
            "照案通過，數位人權聯盟之保留意見列入紀錄。",
            "Adopted as proposed; the Digital Rights Alliance's reservation is recorded.",
        ),
    );
    s.at(
        "15:25",
        EventKind::CommentAnswered {
            comment: CommentId::new("join-88302"),
            status: ResponseStatus::NotTakenUp,
            response: Box::new(bi(
                "公民投票法規定連署人名冊須保存至爭訟期間屆滿，一個月不足以因應訴訟，維持 6 個月。",
                "The referendum law keeps the co-signers' lists until any dispute can no longer be brought; one month is too short for that, so six months stays.",
            )),
        },
    );
    s.at(
        "15:40",
        EventKind::Left {
            person: PersonId::new("prof-security"),
        },
    );

    // Extempore: a motion added on the day, deferred.
    s.at(
        "15:41",
        EventKind::ItemStarted {
            item: ItemId::new("extempore"),
        },
    );
    s.at(
        "15:42",
        EventKind::ItemAdded(Box::new(AgendaItem {
            id: ItemId::new("extempore-accessibility"),
            section: Section::Extempore,
            title: bi(
                "連署系統無障礙設計納入驗收條件案",
                "Making accessible design an acceptance condition of the co-signing system",
            ),
            presenter: bi("開放文化促進會", "Open Culture Promotion Society"),
            explanation: bi(
                "視障者團體反映現行介面不易操作。",
                "Groups of blind people report that the current interface is hard to use.",
            ),
            proposed_action: Some(bi(
                "將通過無障礙檢測 AA 等級列為系統驗收條件。",
                "Make passing an AA-level accessibility audit a condition of accepting the system.",
            )),
            planned_minutes: 10,
        })),
    );
    s.at(
        "15:42",
        EventKind::MotionAdded(Box::new(Motion {
            id: motion("accessibility"),
            item: ItemId::new("extempore-accessibility"),
            text: bi(
                "連署系統須通過無障礙檢測 AA 等級始得驗收。",
                "The co-signing system is accepted only once it passes an AA-level accessibility audit.",
            ),
            proposer: Some(person("open-culture")),
        })),
    );
    s.at(
        "15:43",
        EventKind::ItemStarted {
            item: ItemId::new("extempore-accessibility"),
        },
    );
    s.spoke(
        "15:44",
        "extempore-accessibility",
        "open-culture",
        bi(
            "無障礙不應是上線後才補強的項目。",
            "Accessibility should not be patched in after launch.",
        ),
    );
    s.at(
        "15:46",
        EventKind::ConsensusRoundOpened {
            motion: motion("accessibility"),
        },
    );
    s.at(
        "15:47",
        EventKind::ObjectionRaised {
            motion: motion("accessibility"),
            speaker: person("cec-planning"),
            reason: bi(
                "驗收條件涉及已簽訂之契約，需先洽詢採購法規。",
                "Acceptance conditions are part of a signed contract; procurement rules must be checked first.",
            ),
            blocking: true,
        },
    );
    s.at(
        "15:48",
        EventKind::ConsensusRoundClosed {
            motion: motion("accessibility"),
        },
    );
    s.at(
        "15:50",
        EventKind::MotionDeferred {
            motion: motion("accessibility"),
        },
    );
    s.note(
        "15:50",
        "extempore-accessibility",
        Some(person("cec-deputy")),
        NoteKind::Decision,
        bi(
            "保留，請綜合規劃處洽詢採購法規後於下次會議再議。",
            "Deferred: the Department of Planning will check the procurement rules and bring it back at the next meeting.",
        ),
    );
    s.note(
        "15:51",
        "extempore-accessibility",
        Some(person("cec-deputy")),
        NoteKind::Action {
            owner: Some(Speaker::Named("中央選舉委員會綜合規劃處".into())),
            due: NaiveDate::from_ymd_opt(2027, 3, 4),
        },
        // No English: the English minutes and the worksheet list it.
        Text::new("洽詢採購法規，研議將無障礙檢測納入驗收條件之可行性。"),
    );

    // Adjournment, with the chair's conclusions.
    s.at(
        "15:55",
        EventKind::ItemStarted {
            item: ItemId::new("adjournment"),
        },
    );
    s.note(
        "15:56",
        "adjournment",
        Some(person("cec-deputy")),
        NoteKind::Decision,
        bi(
            "感謝各位委員。今日兩項討論案均已通過，請各單位依決議辦理；下次會議訂於 116 年 3 月 4 日召開。",
            "Thank you all. Both discussion items were adopted today; each unit will act on the resolutions. The next meeting is on 4 March 2027.",
        ),
    );
    s.at("16:00", EventKind::MeetingAdjourned);
    s.meeting.into_session()
}
