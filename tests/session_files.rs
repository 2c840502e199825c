//! The session files in `tests/fixtures/`: every file in `valid/` loads, and every file
//! in `invalid/` is refused with the message its `.expected` file gives (each line of
//! it must appear in the error) and a line and column, and is left untouched.
//!
//! To add a case, drop `name.ron` and `name.expected` into `invalid/`.

use std::fs;
use std::path::{Path, PathBuf};

use roundtable::store;

fn fixtures(kind: &str, extension: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(kind);
    let mut files: Vec<PathBuf> = fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.expect("a directory entry").path())
        .filter(|path| path.extension().is_some_and(|e| e == extension))
        .collect();
    files.sort();
    files
}

#[test]
fn every_valid_fixture_loads_and_round_trips() {
    let files = fixtures("valid", "ron");
    assert!(files.len() >= 4, "the valid fixtures are there: {files:?}");
    for path in files {
        let meeting = store::load(&path).unwrap_or_else(|e| panic!("{e}"));
        let text = store::to_ron(meeting.session());
        let again = store::parse(&text, &path).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(again.session(), meeting.session(), "{}", path.display());
    }
}

#[test]
fn every_invalid_fixture_fails_with_its_expected_message() {
    let files = fixtures("invalid", "ron");
    assert!(
        files.len() >= 25,
        "the invalid fixtures are there: {files:?}"
    );
    let mut failures = Vec::new();
    for path in &files {
        let expected_path = path.with_extension("expected");
        let expected = fs::read_to_string(&expected_path)
            .unwrap_or_else(|e| panic!("{}: {e}", expected_path.display()));
        let before = fs::read(path).expect("readable");
        match store::load(path) {
            Ok(_) => failures.push(format!("{} loaded", path.display())),
            Err(error) => {
                let message = error.to_string();
                // Every refusal of a file's text names where in it.
                if error.position().is_none() {
                    failures.push(format!("{}: no line:column in {message}", path.display()));
                }
                for fragment in expected.lines().filter(|l| !l.trim().is_empty()) {
                    if !message.contains(fragment) {
                        failures.push(format!(
                            "{}: expected {fragment:?} in:\n{message}",
                            path.display()
                        ));
                    }
                }
            }
        }
        assert_eq!(
            fs::read(path).expect("readable"),
            before,
            "{}",
            path.display()
        );
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n\n"));
}

#[test]
fn every_expectation_has_its_fixture() {
    for expected in fixtures("invalid", "expected") {
        assert!(
            expected.with_extension("ron").is_file(),
            "{} has no .ron beside it",
            expected.display()
        );
    }
}
