//! The session loader against damaged files: a property test over bytes, with a
//! bounded number of cases so it runs in seconds inside `cargo test` (and so in CI's
//! `.ci/run`). Each case damages a real session file (bytes flipped, cut, inserted,
//! lines doubled or swapped, numbers changed, or the whole file random) and loads it.
//! Whatever the bytes: no panic; a refusal names the file and a line and column inside
//! it; what loads also saves and loads back the same.
//!
//! `ROUNDTABLE_FUZZ_CASES=100000 cargo test --test session_fuzz` runs it for longer.

use std::path::Path;
use std::sync::OnceLock;

use proptest::prelude::*;
use proptest::sample::Index;

use roundtable::store::{self, LoadError};

/// Real session files to damage: the demo before and after the meeting, and the valid
/// fixtures.
fn seeds() -> &'static [Vec<u8>] {
    static SEEDS: OnceLock<Vec<Vec<u8>>> = OnceLock::new();
    SEEDS.get_or_init(|| {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut paths = vec![
            root.join("sessions/demo.ron"),
            root.join("sessions/demo-finished.ron"),
        ];
        let valid = root.join("tests/fixtures/valid");
        let mut fixtures: Vec<_> = std::fs::read_dir(&valid)
            .expect("the valid fixtures")
            .map(|e| e.expect("an entry").path())
            .filter(|p| p.extension().is_some_and(|e| e == "ron"))
            .collect();
        fixtures.sort();
        paths.extend(fixtures);
        paths
            .iter()
            .map(|p| std::fs::read(p).expect("a seed"))
            .collect()
    })
}

/// One way a file gets damaged.
#[derive(Clone, Debug)]
enum Damage {
    /// One bit of one byte flipped.
    Flip(Index, u8),
    /// One byte replaced.
    Set(Index, u8),
    /// A run of bytes gone (a cut in the middle of a character, among others).
    Delete(Index, usize),
    /// Bytes inserted.
    Insert(Index, Vec<u8>),
    /// The file cut short.
    Truncate(Index),
    /// A line written twice (a duplicated event, a doubled field).
    DoubleLine(Index),
    /// Two lines swapped (events out of order).
    SwapLines(Index, Index),
    /// A number changed (an event's seq, a threshold, the format).
    Renumber(Index, u64),
    /// A name typed where an id was, or an id misspelt.
    Rename(Index, String),
}

fn damage() -> impl Strategy<Value = Damage> {
    // Weighted towards damage that still parses, so the checks after parsing (ids,
    // the log's order, the format) are reached as often as the parser's.
    prop_oneof![
        1 => (any::<Index>(), 0..8u8).prop_map(|(at, bit)| Damage::Flip(at, bit)),
        1 => (any::<Index>(), any::<u8>()).prop_map(|(at, b)| Damage::Set(at, b)),
        1 => (any::<Index>(), 1..64usize).prop_map(|(at, n)| Damage::Delete(at, n)),
        1 => (
            any::<Index>(),
            prop_oneof![
                prop::collection::vec(any::<u8>(), 1..8),
                // RON's own punctuation, where it does the most damage.
                prop::collection::vec(prop::sample::select(b"()[]{},:\"'/*#r\\ \n".to_vec()), 1..4),
            ]
        )
            .prop_map(|(at, bytes)| Damage::Insert(at, bytes)),
        1 => any::<Index>().prop_map(Damage::Truncate),
        2 => any::<Index>().prop_map(Damage::DoubleLine),
        2 => (any::<Index>(), any::<Index>()).prop_map(|(a, b)| Damage::SwapLines(a, b)),
        3 => (any::<Index>(), prop_oneof![0..3u64, 0..100u64, any::<u64>()])
            .prop_map(|(at, n)| Damage::Renumber(at, n)),
        3 => (any::<Index>(), "[a-z\\-]{0,8}|陳怡君").prop_map(|(at, s)| Damage::Rename(at, s)),
    ]
}

impl Damage {
    fn apply(&self, bytes: &mut Vec<u8>) {
        if bytes.is_empty() {
            return;
        }
        let len = bytes.len();
        match self {
            Damage::Flip(at, bit) => bytes[at.index(len)] ^= 1 << bit,
            Damage::Set(at, byte) => bytes[at.index(len)] = *byte,
            Damage::Delete(at, n) => {
                let start = at.index(len);
                bytes.drain(start..(start + n).min(len));
            }
            Damage::Insert(at, new) => {
                let at = at.index(len + 1);
                bytes.splice(at..at, new.iter().copied());
            }
            Damage::Truncate(at) => bytes.truncate(at.index(len)),
            Damage::DoubleLine(at) => {
                let lines = line_spans(bytes);
                let (start, end) = lines[at.index(lines.len())];
                let line = bytes[start..end].to_vec();
                bytes.splice(end..end, line);
            }
            Damage::SwapLines(a, b) => {
                let lines = line_spans(bytes);
                let (a, b) = (a.index(lines.len()), b.index(lines.len()));
                let (first, second) = (lines[a.min(b)], lines[a.max(b)]);
                if first != second {
                    let mut out = bytes[..first.0].to_vec();
                    out.extend_from_slice(&bytes[second.0..second.1]);
                    out.extend_from_slice(&bytes[first.1..second.0]);
                    out.extend_from_slice(&bytes[first.0..first.1]);
                    out.extend_from_slice(&bytes[second.1..]);
                    *bytes = out;
                }
            }
            Damage::Renumber(at, n) => {
                let runs = runs(bytes, |b| b.is_ascii_digit());
                if !runs.is_empty() {
                    let (start, end) = runs[at.index(runs.len())];
                    bytes.splice(start..end, n.to_string().into_bytes());
                }
            }
            Damage::Rename(at, name) => {
                // The inside of a quoted string.
                let quoted = runs(bytes, |b| b != b'"' && b != b'\n');
                if !quoted.is_empty() {
                    let (start, end) = quoted[at.index(quoted.len())];
                    bytes.splice(start..end, name.bytes());
                }
            }
        }
    }
}

/// Each line's bytes, its newline included.
fn line_spans(bytes: &[u8]) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut start = 0;
    for (i, &b) in bytes.iter().enumerate() {
        if b == b'\n' {
            spans.push((start, i + 1));
            start = i + 1;
        }
    }
    if start < bytes.len() || spans.is_empty() {
        spans.push((start, bytes.len()));
    }
    spans
}

/// The maximal runs of bytes that `keep`.
fn runs(bytes: &[u8], keep: impl Fn(u8) -> bool) -> Vec<(usize, usize)> {
    let mut runs = Vec::new();
    let mut start = None;
    for (i, &b) in bytes.iter().enumerate() {
        match (keep(b), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                runs.push((s, i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        runs.push((s, bytes.len()));
    }
    runs
}

/// What the loader must do with any bytes.
fn loads_or_says_where(bytes: &[u8]) -> Result<(), TestCaseError> {
    let path = Path::new("fuzz.ron");
    match store::parse_bytes(bytes, path) {
        Ok(meeting) => {
            let text = store::to_ron(meeting.session());
            let again = store::parse(&text, path)
                .map_err(|e| TestCaseError::fail(format!("loaded, then its save did not: {e}")))?;
            prop_assert_eq!(again.session(), meeting.session());
        }
        Err(error) => {
            let message = error.to_string();
            prop_assert!(message.starts_with("fuzz.ron:"), "{}", message);
            prop_assert!(
                !matches!(error, LoadError::Io { .. } | LoadError::File { .. }),
                "bytes in memory are never a file problem: {}",
                message
            );
            let Some((line, column)) = error.position() else {
                return Err(TestCaseError::fail(format!("no line:column in: {message}")));
            };
            let text =
                String::from_utf8_lossy(bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes));
            let lines: Vec<&str> = text.split('\n').collect();
            prop_assert!(
                (1..=lines.len()).contains(&line),
                "line {} of {}: {}",
                line,
                lines.len(),
                message
            );
            let width = lines[line - 1].chars().count();
            prop_assert!(
                (1..=width + 1).contains(&column),
                "column {} of a line of {}: {}",
                column,
                width,
                message
            );
            prop_assert!(
                message.starts_with(&format!("fuzz.ron:{line}:{column}: ")),
                "{}",
                message
            );
        }
    }
    Ok(())
}

fn cases() -> u32 {
    std::env::var("ROUNDTABLE_FUZZ_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(400)
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: cases(),
        // Shrinking a failure to its smallest damage is worth the wait only then.
        max_shrink_iters: 2000,
        ..ProptestConfig::default()
    })]

    #[test]
    fn a_damaged_session_file_loads_or_is_refused_with_where(
        seed in any::<Index>(),
        damages in prop::collection::vec(damage(), 1..4),
    ) {
        let seeds = seeds();
        let mut bytes = seeds[seed.index(seeds.len())].clone();
        for damage in &damages {
            damage.apply(&mut bytes);
        }
        loads_or_says_where(&bytes)?;
    }

    #[test]
    fn any_bytes_at_all_are_refused_with_where(bytes in prop::collection::vec(any::<u8>(), 0..256)) {
        loads_or_says_where(&bytes)?;
    }
}

#[test]
fn every_seed_loads_undamaged() {
    for seed in seeds() {
        store::parse_bytes(seed, Path::new("seed.ron")).expect("a seed loads");
    }
}
