//! When a comment was left, as a spreadsheet writes it: `2026-12-01 14:05`,
//! `2026/12/1 14:05:30`, `2026-12-01`, ISO 8601 with or without an offset, Excel's
//! Taiwanese `2026/12/1 下午 02:05:00`, `2026年12月1日 14:05`, a year of the Republic
//! of China (`115/12/01`), and all of it in full-width characters from a Chinese input
//! method. An offset is dropped: the comment keeps the clock time the file shows, the
//! platform's local time.

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};

/// The moment in a time cell, or what to write instead.
pub(super) fn parse_posted(value: &str) -> Result<NaiveDateTime, String> {
    if value.trim().is_empty() {
        return Err(
            "the time is empty; every comment needs when it was left, e.g. 2026-12-01 14:05"
                .to_owned(),
        );
    }
    read(value).ok_or_else(|| {
        format!(
            "\"{value}\" is not a time Roundtable reads; write it as 2026-12-01 14:05, 2026/12/01 14:05:30, 2026-12-01 or 2026-12-01T14:05:00+08:00"
        )
    })
}

/// Full-width forms (U+FF01 to U+FF5E: digits, letters, `：－／．＋`) as their ASCII
/// selves and the ideographic space as a space; the rest as it is.
fn half_width(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\u{ff01}'..='\u{ff5e}' => char::from_u32(u32::from(c) - 0xFEE0).unwrap_or(c),
            '\u{3000}' => ' ',
            _ => c,
        })
        .collect()
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Meridiem {
    Am,
    Pm,
}

fn read(value: &str) -> Option<NaiveDateTime> {
    let mut s = half_width(value).to_ascii_lowercase();
    if s.contains('年') {
        s = s
            .replacen('年', "-", 1)
            .replacen('月', "-", 1)
            .replacen('日', " ", 1);
    }
    let mut meridiem = None;
    for (marker, m) in [
        ("上午", Meridiem::Am),
        ("下午", Meridiem::Pm),
        ("午前", Meridiem::Am),
        ("午後", Meridiem::Pm),
        ("a.m.", Meridiem::Am),
        ("p.m.", Meridiem::Pm),
        ("am", Meridiem::Am),
        ("pm", Meridiem::Pm),
    ] {
        if let Some(at) = s.find(marker) {
            s.replace_range(at..at + marker.len(), " ");
            meridiem = Some(m);
            break;
        }
    }
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    let (date, time) = match s.find([' ', 't']) {
        Some(at) => (&s[..at], s[at + 1..].trim()),
        None => (s.as_str(), ""),
    };
    let date = read_date(date)?;
    if time.is_empty() {
        return meridiem.is_none().then(|| date.and_time(NaiveTime::MIN));
    }
    Some(date.and_time(read_time(time, meridiem)?))
}

fn digits(part: &str, lengths: std::ops::RangeInclusive<usize>) -> Option<u32> {
    (lengths.contains(&part.len()) && part.bytes().all(|b| b.is_ascii_digit()))
        .then(|| part.parse().ok())
        .flatten()
}

fn read_date(date: &str) -> Option<NaiveDate> {
    let mut parts = date.split(['-', '/', '.']);
    let (year, month, day) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() {
        return None;
    }
    let year = match year.len() {
        4 => digits(year, 4..=4)?,
        // 民國 115 is 2026.
        3 => digits(year, 3..=3)? + 1911,
        _ => return None,
    };
    NaiveDate::from_ymd_opt(
        i32::try_from(year).ok()?,
        digits(month, 1..=2)?,
        digits(day, 1..=2)?,
    )
}

fn read_time(time: &str, meridiem: Option<Meridiem>) -> Option<NaiveTime> {
    let clock = strip_offset(time).trim();
    let mut parts = clock.split(':');
    let (hour, minute) = (parts.next()?, parts.next()?);
    let second = match parts.next() {
        // A fraction of a second is dropped.
        Some(second) => digits(second.split('.').next()?, 2..=2)?,
        None => 0,
    };
    if parts.next().is_some() {
        return None;
    }
    let mut hour = digits(hour, 1..=2)?;
    if let Some(meridiem) = meridiem {
        if !(1..=12).contains(&hour) {
            return None;
        }
        hour = hour % 12 + if meridiem == Meridiem::Pm { 12 } else { 0 };
    }
    NaiveTime::from_hms_opt(hour, digits(minute, 2..=2)?, second)
}

/// The clock time without its offset (`z`, `+08:00`, `+0800`, `-05`).
fn strip_offset(time: &str) -> &str {
    if let Some(clock) = time.strip_suffix('z') {
        return clock;
    }
    if let Some(at) = time.rfind(['+', '-']) {
        let offset = time[at + 1..].replace(':', "");
        if at > 0 && matches!(offset.len(), 2 | 4) && offset.bytes().all(|b| b.is_ascii_digit()) {
            return &time[..at];
        }
    }
    time
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M:%S").expect("a test time")
    }

    #[test]
    fn the_forms_a_spreadsheet_writes_are_read() {
        for (value, expected) in [
            ("2026-12-01 14:05", "2026-12-01 14:05:00"),
            ("2026-12-01 14:05:30", "2026-12-01 14:05:30"),
            ("2026/12/01 14:05", "2026-12-01 14:05:00"),
            ("2026/12/1 9:05:30", "2026-12-01 09:05:30"),
            ("2026-12-01", "2026-12-01 00:00:00"),
            ("2026/12/01", "2026-12-01 00:00:00"),
            ("2026-12-01T14:05:00", "2026-12-01 14:05:00"),
            ("2026-12-01T14:05:00+08:00", "2026-12-01 14:05:00"),
            ("2026-12-01T14:05:00.250+0800", "2026-12-01 14:05:00"),
            ("2026-12-01T06:05:00Z", "2026-12-01 06:05:00"),
            ("2026-12-01 14:05:00 -05:00", "2026-12-01 14:05:00"),
            ("２０２６／１２／０１　１４：０５", "2026-12-01 14:05:00"),
            ("２０２６－１２－０１", "2026-12-01 00:00:00"),
            ("2026/12/1 下午 02:05:00", "2026-12-01 14:05:00"),
            ("2026/12/1 上午 12:30", "2026-12-01 00:30:00"),
            ("2026/12/1 2:05 PM", "2026-12-01 14:05:00"),
            ("2026年12月1日 14:05", "2026-12-01 14:05:00"),
            ("115/12/01 14:05", "2026-12-01 14:05:00"),
            (" 2026-12-01  14:05 ", "2026-12-01 14:05:00"),
        ] {
            assert_eq!(parse_posted(value), Ok(at(expected)), "{value}");
        }
    }

    #[test]
    fn what_is_not_a_time_is_refused_with_the_forms_to_use() {
        for value in [
            "yesterday",
            "14:05",
            "2026-13-01",
            "2026-02-30 10:00",
            "2026-12-01 25:00",
            "2026-12-01 14:5",
            "26/12/01",
            "2026-12-01 下午 14:05",
            "2026-12-01 上午",
            "12/01/2026",
        ] {
            let problem = parse_posted(value).expect_err(value);
            assert!(problem.contains("2026-12-01 14:05"), "{problem}");
        }
        assert!(
            parse_posted(" ")
                .expect_err("empty")
                .starts_with("the time is empty")
        );
    }
}
