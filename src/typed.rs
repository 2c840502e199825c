//! What people type, read as values: counts, dates and times, from the keyboard in
//! any input method (full-width digits and punctuation come from Chinese input
//! methods) and from the command line. One reader for each, so that a dialog, the
//! note-taker and `roundtable new` accept the same things.

use chrono::{NaiveDate, NaiveTime};

/// Full-width digits and the separators of dates and times, as their ASCII selves;
/// the rest as typed, without surrounding spaces.
fn half_width(s: &str) -> String {
    s.trim()
        .chars()
        .map(|c| match c {
            '０'..='９' | '：' | '－' | '／' => {
                char::from_u32(u32::from(c) - 0xFEE0).unwrap_or(c)
            }
            _ => c,
        })
        .collect()
}

/// A count typed in a dialog: digits only; empty is zero where `empty_is_zero`
/// (vote counts), otherwise not a count.
pub fn count(s: &str, empty_is_zero: bool) -> Option<u32> {
    let ascii = half_width(s);
    if ascii.is_empty() {
        return empty_is_zero.then_some(0);
    }
    if !ascii.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    ascii.parse().ok()
}

/// A length of time typed as whole minutes (`3`) or minutes and seconds (`2:30`),
/// in seconds; `None` for anything else, zero included.
pub fn duration(s: &str) -> Option<u32> {
    let ascii = half_width(s);
    let digits = |part: &str| {
        (!part.is_empty() && part.chars().all(|c| c.is_ascii_digit()))
            .then(|| part.parse::<u32>().ok())
            .flatten()
    };
    let seconds = match ascii.split_once(':') {
        Some((m, s)) if s.len() == 2 => {
            let (m, s) = (digits(m)?, digits(s)?);
            (s < 60).then_some(())?;
            m.checked_mul(60)?.checked_add(s)?
        }
        Some(_) => return None,
        None => digits(&ascii)?.checked_mul(60)?,
    };
    (seconds > 0).then_some(seconds)
}

/// A date as `YYYY-MM-DD` (or with `/`).
pub fn date(s: &str) -> Result<NaiveDate, chrono::ParseError> {
    let ascii = half_width(s).replace('/', "-");
    NaiveDate::parse_from_str(&ascii, "%Y-%m-%d")
}

/// A date, or nothing for none.
pub fn optional_date(s: &str) -> Result<Option<NaiveDate>, chrono::ParseError> {
    if s.trim().is_empty() {
        return Ok(None);
    }
    date(s).map(Some)
}

/// A time of day as `HH:MM`.
pub fn time(s: &str) -> Result<NaiveTime, chrono::ParseError> {
    NaiveTime::parse_from_str(&half_width(s), "%H:%M")
}

/// A time of day, or nothing for none.
pub fn optional_time(s: &str) -> Result<Option<NaiveTime>, chrono::ParseError> {
    if s.trim().is_empty() {
        return Ok(None);
    }
    time(s).map(Some)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_read_minutes_or_minutes_and_seconds() {
        assert_eq!(duration("3"), Some(180));
        assert_eq!(duration(" 2:30 "), Some(150));
        assert_eq!(duration("０：４５"), Some(45));
        assert_eq!(duration("10:00"), Some(600));
        for bad in [
            "",
            "0",
            "0:00",
            "2:60",
            "2:5",
            "1.5",
            "-1",
            "3m",
            ":30",
            "99999999999",
        ] {
            assert_eq!(duration(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn counts_read_ascii_and_full_width_digits() {
        assert_eq!(count("12", false), Some(12));
        assert_eq!(count("１２", false), Some(12));
        assert_eq!(count(" 7 ", false), Some(7));
        assert_eq!(count("", true), Some(0));
        assert_eq!(count("", false), None);
        assert_eq!(count("六", false), None);
        assert_eq!(count("-1", false), None);
        assert_eq!(
            count("99999999999", false),
            None,
            "too large is not a count"
        );
    }

    #[test]
    fn dates_and_times_read_full_width_and_slashes() {
        let day = NaiveDate::from_ymd_opt(2026, 12, 3).expect("date");
        assert_eq!(date("2026-12-03").ok(), Some(day));
        assert_eq!(date("２０２６－１２－０３").ok(), Some(day));
        assert_eq!(date("2026/12/03").ok(), Some(day));
        assert!(date("2026-02-30").is_err());
        assert!(date("12/03").is_err());
        assert_eq!(optional_date(" ").ok(), Some(None));
        let two = NaiveTime::from_hms_opt(14, 0, 0).expect("time");
        assert_eq!(time("14:00").ok(), Some(two));
        assert_eq!(time("１４：００").ok(), Some(two));
        assert!(time("25:00").is_err());
        assert!(time("2pm").is_err());
        assert_eq!(optional_time("").ok(), Some(None));
    }
}
