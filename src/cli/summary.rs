//! A plain-text summary of a session: what `roundtable check` and `roundtable new`
//! print. A pure function of the meeting, so it is tested without a process.

use std::fmt::Write;

use crate::domain::commitments::commitment_by_number;
use crate::domain::{Lang, Meeting, Preparation, Role, SeatRecord, Section, Stamp, Text};
use crate::i18n::summary::{self as words, count};
use crate::i18n::{self, Label, colon, list_separator, parenthesised};

/// How many characters of a motion's text the summary shows.
const MOTION_TEXT_CHARS: usize = 48;

/// The session at a glance, in `lang`: the meeting's details, the roster by side, the
/// agenda by section, the motions with their stage, the notes, the public's comments
/// and how many are answered, and whether the meeting has started or adjourned.
pub fn summary(meeting: &Meeting, lang: Lang) -> String {
    let mut out = String::new();
    // Writing to a String cannot fail.
    let _ = write_summary(&mut out, meeting, lang);
    out
}

fn write_summary(out: &mut String, meeting: &Meeting, lang: Lang) -> std::fmt::Result {
    let session = meeting.session();
    let state = meeting.state();
    let info = state.meeting();
    let say = |label: Label| label.get(lang);
    let text = |t: &Text| t.get(lang).to_owned();

    writeln!(out, "{}", text(&info.title))?;
    let mut when = info.date.format("%Y-%m-%d").to_string();
    if let Some(start) = info.planned_start {
        write!(when, " {}", start.format("%H:%M"))?;
    }
    match info.number {
        Some(n) => writeln!(out, "  {}", words::meeting_number(n, &when, lang))?,
        None => writeln!(out, "  {}{}{when}", say(words::DATE), colon(lang))?,
    }
    if !info.venue.is_empty() {
        let label = say(words::VENUE);
        writeln!(out, "  {label}{}{}", colon(lang), text(&info.venue))?;
    }
    if let Some(number) = info.commitment {
        let label = say(words::COMMITMENT);
        match commitment_by_number(number) {
            Some(c) => writeln!(
                out,
                "  {label} {number}{}{}{}",
                colon(lang),
                text(&c.title()),
                parenthesised(&text(&c.lead_agency()), lang)
            )?,
            None => writeln!(out, "  {label} {number}")?,
        }
    }
    if !info.recorder.is_empty() {
        let label = say(words::RECORDER);
        writeln!(out, "  {label}{}{}", colon(lang), text(&info.recorder))?;
    }
    if let Some(chair) = info.chair.as_ref().and_then(|id| state.person(id)) {
        let label = say(words::CHAIR);
        writeln!(out, "  {label}{}{}", colon(lang), text(&chair.name))?;
    }

    // The people, by side.
    let roster = state.roster_balance();
    writeln!(
        out,
        "{}{}{}",
        say(words::MEMBERS),
        colon(lang),
        words::balance(roster, lang)
    )?;
    // The chairs of the roster as it stands: a member added in the app may hold one.
    let standing = state.roster_as_it_stands(session);
    for (seat, member) in [
        (crate::domain::SeatRole::Convener, standing.convener()),
        (crate::domain::SeatRole::CoConvener, standing.co_convener()),
    ] {
        let label = say(i18n::seat(seat));
        let who = match member {
            Some(m) if m.organisation.is_empty() || m.organisation == m.name => text(&m.name),
            Some(m) => format!(
                "{}{}",
                text(&m.name),
                parenthesised(&text(&m.organisation), lang)
            ),
            None => say(words::NONE).to_owned(),
        };
        writeln!(out, "  {label}{}{who}", colon(lang))?;
    }
    let representatives: Vec<String> = state
        .people
        .iter()
        .filter_map(|p| match &p.role {
            Role::Representative { seat, .. } => Some(words::representative(
                &text(&p.name),
                &text(&state.people[*seat].name),
                lang,
            )),
            _ => None,
        })
        .collect();
    let label = say(words::REPRESENTATIVES);
    write_list(out, label, representatives.len(), &representatives, lang)?;
    let observers: Vec<String> = state
        .people
        .iter()
        .filter(|p| p.role == Role::Observer)
        .map(|p| text(&p.name))
        .collect();
    let label = say(words::OBSERVERS);
    write_list(out, label, observers.len(), &observers, lang)?;
    // Excused: a member whose seat nobody sat in, or anyone else who sent apologies and
    // never came. Someone who attended, or was represented, is not listed here.
    let excused: Vec<String> = state
        .people
        .iter()
        .enumerate()
        .filter(|&(i, p)| {
            if p.is_member() {
                state.seat_record(i) == SeatRecord::Excused
            } else {
                state.is_excused(i) && state.stints(i).is_empty()
            }
        })
        .map(|(_, p)| text(&p.name))
        .collect();
    let label = say(words::EXCUSED);
    write_list(out, label, excused.len(), &excused, lang)?;

    // The agenda, by section in the rules' order.
    writeln!(
        out,
        "{}{}{}",
        say(words::AGENDA),
        colon(lang),
        count(state.items.len(), words::ITEMS, lang)
    )?;
    for section in Section::ALL {
        let label = say(i18n::section(section));
        let items: Vec<&str> = state
            .items
            .iter()
            .filter(|i| i.item.section == section)
            .map(|i| i.item.title.get(lang))
            .collect();
        // An item named after its section (臨時動議) is a placeholder: the count is
        // of the items listed, and a section with only its placeholder counts it.
        let titles: Vec<String> = items
            .iter()
            .filter(|&&title| title != label)
            .map(|&title| title.to_owned())
            .collect();
        if !items.is_empty() {
            let how_many = if titles.is_empty() {
                items.len()
            } else {
                titles.len()
            };
            write_list(out, label, how_many, &titles, lang)?;
        }
    }

    // The motions, with where each stands.
    writeln!(
        out,
        "{}{}{}",
        say(words::MOTIONS),
        colon(lang),
        count(state.motions.len(), words::MOTIONS_UNIT, lang)
    )?;
    for motion in &state.motions {
        writeln!(
            out,
            "  {} [{}] {}",
            motion.motion.id,
            say(i18n::stage(motion.stage)),
            shorten(motion.motion.text.get(lang), MOTION_TEXT_CHARS)
        )?;
    }

    writeln!(
        out,
        "{}{}{}",
        say(words::NOTES),
        colon(lang),
        count(state.notes.len(), words::NOTES_UNIT, lang)
    )?;

    // The public's comments and how many have been answered, when there are any.
    if !state.comments().is_empty() {
        let statuses = state
            .comments()
            .iter()
            .map(|c| c.answer.as_ref().map(|a| a.status));
        writeln!(
            out,
            "{}{}{}",
            say(i18n::minutes::COMMENTS),
            colon(lang),
            i18n::minutes::comment_totals(statuses, lang)
        )?;
    }

    let progress = match (state.started, state.adjourned) {
        (_, Some(adjourned)) => {
            let attended = words::balance(state.attended_members(), lang);
            words::adjourned_at(&clock(adjourned), &attended, lang)
        }
        (Some(started), None) => {
            let present = words::balance(state.present_members(), lang);
            words::in_progress(&clock(started), &present, lang)
        }
        (None, None) => say(words::NOT_STARTED).to_owned(),
    };
    writeln!(out, "{}{}{progress}", say(words::MEETING), colon(lang))?;
    // The balance of voice, when the meeting kept a speaking queue.
    let end = state.adjourned.or_else(|| session.log.last().map(|e| e.at));
    if let Some(end) = end.filter(|_| !state.turns().is_empty()) {
        let balance = state.voice(None, end);
        let shares = balance.percentages();
        let heading = format!("{}{}", say(words::SPEAKING_TIME), colon(lang));
        writeln!(out, "{}", heading.trim_end())?;
        for (i, voice) in crate::domain::Voice::ALL.iter().enumerate() {
            let (seconds, turns) = balance.by_voice[i];
            if turns == 0 {
                continue;
            }
            let share = shares.map(|s| s[i]);
            writeln!(
                out,
                "  {}{}{}",
                i18n::voice(*voice).get(lang),
                colon(lang),
                i18n::minutes::speaking_share(seconds, turns, share, lang)
            )?;
        }
    }
    Ok(())
}

/// Before the meeting: what to put right (`domain::Preparation`), or that all is
/// ready.
pub fn preparation(meeting: &Meeting, lang: Lang) -> String {
    let prep = Preparation::of(meeting.state());
    let mut out = format!("\n{}\n", words::BEFORE_THE_MEETING.get(lang));
    if let Some(balance) = prep.unbalanced {
        out.push_str(&format!(
            "  - {}\n",
            words::roster_unbalanced(balance, lang)
        ));
    }
    if prep.no_convener {
        out.push_str(&format!("  - {}\n", words::NO_CONVENER.get(lang)));
    }
    if !prep.unplanned.is_empty() {
        let titles: Vec<&str> = prep.unplanned.iter().map(|t| t.get(lang)).collect();
        out.push_str(&format!(
            "  - {}\n",
            words::unplanned_items(&titles.join("; "), titles.len(), lang)
        ));
    }
    let clock = |t: chrono::NaiveTime| t.format("%H:%M").to_string();
    out.push_str(&format!(
        "  - {}\n",
        words::planned_total(
            prep.planned_minutes,
            prep.planned_start.map(clock).as_deref(),
            prep.planned_finish().map(clock).as_deref(),
            prep.planned_end.map(clock).as_deref(),
            prep.minutes_to_spare(),
            lang
        )
    ));
    out
}

/// "  Observers (2): A; B", "  Excused: none", "  Extempore motions (1)".
fn write_list(
    out: &mut String,
    label: &str,
    how_many: usize,
    names: &[String],
    lang: Lang,
) -> std::fmt::Result {
    if how_many == 0 {
        return writeln!(out, "  {label}{}{}", colon(lang), words::NONE.get(lang));
    }
    write!(
        out,
        "  {label}{}",
        parenthesised(&how_many.to_string(), lang)
    )?;
    if !names.is_empty() {
        write!(out, "{}{}", colon(lang), names.join(list_separator(lang)))?;
    }
    writeln!(out)
}

fn clock(at: Stamp) -> String {
    at.format("%Y-%m-%d %H:%M").to_string()
}

fn shorten(text: &str, max_chars: usize) -> String {
    let line = text.lines().next().unwrap_or("");
    if line.chars().count() <= max_chars && line.len() == text.len() {
        return line.to_owned();
    }
    let mut short: String = line.chars().take(max_chars).collect();
    short.push('…');
    short
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{
        Author, Category, EventKind, Member, Motion, MotionId, PersonId, SeatRole, Session,
    };
    use chrono::{FixedOffset, NaiveDate, TimeZone};

    fn at(minute: u32) -> Stamp {
        FixedOffset::east_opt(8 * 3600)
            .and_then(|tz| tz.with_ymd_and_hms(2026, 12, 3, 14, minute, 0).single())
            .expect("a valid time")
    }

    fn member(id: &str, name: &str, category: Category, seat: SeatRole) -> Member {
        Member {
            id: PersonId::new(id),
            name: Text::new(name),
            title: Text::default(),
            organisation: Text::default(),
            category,
            seat,
        }
    }

    fn meeting() -> Meeting {
        let date = NaiveDate::from_ymd_opt(2026, 12, 3).expect("a date");
        let mut session = Session::new(Text::bilingual("論壇", "Forum"), date);
        session.meeting.number = Some(2);
        session.meeting.commitment = Some(3);
        session.roster.members = vec![
            member("a", "甲", Category::LeadAgency, SeatRole::Convener),
            member("b", "乙", Category::CoOrganisingAgency, SeatRole::Member),
            member("c", "丙", Category::CivicGroup, SeatRole::CoConvener),
        ];
        session.agenda = vec![crate::domain::AgendaItem {
            id: crate::domain::ItemId::new("d1"),
            section: Section::Discussion,
            title: Text::bilingual("討論一", "Discussion one"),
            presenter: Text::default(),
            explanation: Text::default(),
            proposed_action: None,
            planned_minutes: 0,
        }];
        session.motions = vec![Motion {
            id: MotionId::new("m1"),
            item: crate::domain::ItemId::new("d1"),
            text: Text::new("決議文"),
            proposer: None,
        }];
        Meeting::open(session).expect("valid")
    }

    #[test]
    fn english_summary_says_the_roster_is_off_balance_and_the_meeting_not_started() {
        let text = summary(&meeting(), Lang::En);
        assert!(
            text.starts_with("Forum\n  Meeting no. 2, 2026-12-03\n"),
            "{text}"
        );
        assert!(
            text.contains(
                "Commitment 3: Electronic co-signing for referendums (Central Election Commission)"
            ),
            "{text}"
        );
        assert!(
            text.contains(
                "Members: 3 (government 2, non-government 1; off balance: 1 more government)"
            ),
            "{text}"
        );
        assert!(text.contains("  Convener: 甲\n"), "{text}");
        assert!(
            text.contains("  Discussion items (1): Discussion one\n"),
            "{text}"
        );
        assert!(text.contains("  m1 [Proposed] 決議文\n"), "{text}");
        assert!(text.contains("Notes: 0 notes\n"), "{text}");
        assert!(text.ends_with("Meeting: not started\n"), "{text}");
    }

    #[test]
    fn chinese_summary_follows_the_meeting_as_it_goes() {
        let mut meeting = meeting();
        for (minute, kind) in [
            (0, EventKind::MeetingStarted),
            (
                1,
                EventKind::Arrived {
                    person: PersonId::new("a"),
                },
            ),
            (
                2,
                EventKind::Excused {
                    person: PersonId::new("b"),
                },
            ),
        ] {
            meeting
                .record(at(minute), Author::Facilitator, kind)
                .expect("allowed");
        }
        let text = summary(&meeting, Lang::ZhTw);
        assert!(text.contains("第 2 次會議"), "{text}");
        assert!(
            text.contains("委員：3 人（政府 2，非政府 1；未各半：政府多 1 人）"),
            "{text}"
        );
        assert!(text.contains("請假（1）：乙"), "{text}");
        assert!(text.contains("m1 [提案] 決議文"), "{text}");
        assert!(
            text.contains("進行中，2026-12-03 14:00 開始；出席 1 人（政府 1，非政府 0"),
            "{text}"
        );
        meeting
            .record(at(30), Author::Facilitator, EventKind::MeetingAdjourned)
            .expect("allowed");
        assert!(summary(&meeting, Lang::ZhTw).contains("已散會（2026-12-03 14:30）"));
    }

    #[test]
    fn an_item_named_after_its_section_is_only_counted() {
        let mut session = meeting().into_session();
        session.agenda = crate::cli::standard_agenda();
        session.motions.clear();
        let meeting = Meeting::open(session).expect("valid");
        let text = summary(&meeting, Lang::En);
        assert!(text.contains("\n  Extempore motions (1)\n"), "{text}");
        let text = summary(&meeting, Lang::ZhTw);
        assert!(text.contains("\n  臨時動議（1）\n"), "{text}");
        assert!(text.contains("\n提案：0 案\n"), "{text}");
    }

    #[test]
    fn a_sections_count_is_of_the_items_it_lists() {
        let mut session = meeting().into_session();
        session.agenda = crate::cli::standard_agenda();
        session.motions.clear();
        let mut meeting = Meeting::open(session).expect("valid");
        for title in ["補充一", "補充二"] {
            meeting
                .record(
                    at(0),
                    Author::Facilitator,
                    EventKind::ItemAdded(Box::new(crate::domain::AgendaItem {
                        id: crate::domain::ItemId::new(title),
                        section: Section::Extempore,
                        title: Text::new(title),
                        presenter: Text::default(),
                        explanation: Text::default(),
                        proposed_action: None,
                        planned_minutes: 0,
                    })),
                )
                .expect("an extempore item is added");
        }
        let text = summary(&meeting, Lang::ZhTw);
        assert!(
            text.contains("\n  臨時動議（2）：補充一、補充二\n"),
            "{text}"
        );
    }

    #[test]
    fn a_member_who_attended_is_not_listed_as_excused_and_the_end_says_who_attended() {
        let mut meeting = meeting();
        let (a, b) = (PersonId::new("a"), PersonId::new("b"));
        for (minute, kind) in [
            (0, EventKind::MeetingStarted),
            (1, EventKind::Arrived { person: a.clone() }),
            (2, EventKind::Arrived { person: b.clone() }),
            (20, EventKind::Left { person: b.clone() }),
            (21, EventKind::Excused { person: b }),
            (30, EventKind::MeetingAdjourned),
        ] {
            meeting
                .record(at(minute), Author::Facilitator, kind)
                .expect("allowed");
        }
        let text = summary(&meeting, Lang::En);
        assert!(text.contains("\n  Excused: none\n"), "{text}");
        assert!(
            text.ends_with(
                "adjourned at 2026-12-03 14:30; attended: 2 (government 2, non-government 0; \
                 off balance: 2 more government)\n"
            ),
            "{text}"
        );
    }

    #[test]
    fn the_public_comments_are_counted_by_status_on_one_line_when_there_are_any() {
        use crate::domain::{CommentId, PublicComment, ResponseStatus};
        let mut meeting = meeting();
        assert!(!summary(&meeting, Lang::En).contains("Public comments"));
        let comment = |id: &str, item: Option<&str>| PublicComment {
            id: CommentId::new(id),
            author: "民眾".into(),
            posted: NaiveDate::from_ymd_opt(2026, 11, 20)
                .and_then(|d| d.and_hms_opt(21, 5, 0))
                .expect("a time"),
            text: "建議公開原始碼".into(),
            link: None,
            item: item.map(crate::domain::ItemId::new),
            topic: None,
            extra: Vec::new(),
        };
        let answer = |id: &str, status| EventKind::CommentAnswered {
            comment: CommentId::new(id),
            status,
            response: Box::new(Text::new("理由")),
        };
        for (minute, kind) in [
            (
                0,
                EventKind::CommentsImported {
                    comments: vec![
                        comment("c1", Some("d1")),
                        comment("c2", None),
                        comment("c3", Some("d1")),
                    ],
                },
            ),
            (1, answer("c1", ResponseStatus::TakenUp)),
            (2, answer("c3", ResponseStatus::NotTakenUp)),
        ] {
            meeting
                .record(at(minute), Author::Facilitator, kind)
                .expect("allowed");
        }
        let text = summary(&meeting, Lang::En);
        assert!(
            text.contains(
                "\nPublic comments: 3, answered 2 (taken up 1, not taken up 1), \
                 not yet answered 1\nMeeting: not started\n"
            ),
            "{text}"
        );
        let text = summary(&meeting, Lang::ZhTw);
        assert!(
            text.contains(
                "\n公眾意見：3 則，已回應 2 則（採納 1 則、未採納 1 則），尚未回應 1 則\n"
            ),
            "{text}"
        );
    }

    #[test]
    fn long_motions_are_shortened_to_one_line() {
        assert_eq!(shorten("一二三", 5), "一二三");
        assert_eq!(shorten("一二三四五六", 5), "一二三四五…");
        assert_eq!(shorten("first\nsecond", 48), "first…");
    }
}
