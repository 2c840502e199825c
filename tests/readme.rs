//! The README's promises: its first two commands, and a key reference that is the
//! key table itself. Regenerate the key reference with
//! `ROUNDTABLE_BLESS=1 cargo test --test readme`.

const README: &str = "README.md";
const START: &str = "<!-- keys: generated from src/tui/facilitator/keys.rs and src/tui/shared/keys.rs; do not edit -->\n";
const END: &str = "<!-- end of keys -->";

#[test]
fn the_readme_starts_with_the_demo_and_the_test_command() {
    let readme = std::fs::read_to_string(README).expect("README.md");
    let commands: Vec<&str> = readme
        .lines()
        .filter(|l| l.starts_with("cargo "))
        .take(2)
        .collect();
    assert_eq!(commands, ["cargo run --release -- demo", "cargo test"]);
    let ci = std::fs::read_to_string(".ci/run").expect(".ci/run");
    assert!(
        ci.lines().any(|l| l.trim().starts_with("cargo test")),
        "CI runs the README's tests"
    );
}

#[test]
fn the_readme_lists_every_key_of_the_key_table() {
    let readme = std::fs::read_to_string(README).expect("README.md");
    let generated = roundtable::tui::facilitator::view::help::markdown_reference();
    let start = readme
        .find(START)
        .expect("the key reference's start marker")
        + START.len();
    let end = start
        + readme[start..]
            .find(END)
            .expect("the key reference's end marker");
    if std::env::var_os("ROUNDTABLE_BLESS").is_some() {
        let updated = format!("{}{generated}{}", &readme[..start], &readme[end..]);
        // Atomically: the other test reads the README meanwhile.
        roundtable::durable::write_atomically(std::path::Path::new(README), updated.as_bytes())
            .expect("write README.md");
        return;
    }
    assert!(
        readme[start..end] == generated,
        "the README's key reference differs from the key table; regenerate it with ROUNDTABLE_BLESS=1 cargo test --test readme"
    );
}
