//! `sessions/demo-finished.ron` is the demo meeting played to its end by
//! `roundtable::testdata::finished_demo`. The golden tests of the minutes read it, so it
//! must never drift from the generator: regenerate it with
//! `ROUNDTABLE_BLESS=1 cargo test --test demo_finished`.

use std::path::Path;

use roundtable::domain::{Meeting, Outcome, Presence};
use roundtable::store;
use roundtable::testdata::finished_demo;

const FILE: &str = "sessions/demo-finished.ron";

#[test]
fn the_committed_finished_demo_is_what_the_generator_plays() {
    let generated = store::to_ron(&finished_demo());
    if std::env::var_os("ROUNDTABLE_BLESS").is_some() {
        roundtable::durable::write_atomically(Path::new(FILE), generated.as_bytes())
            .expect("write");
    }
    let committed = std::fs::read_to_string(FILE).expect("sessions/demo-finished.ron exists");
    assert!(
        committed == generated,
        "{FILE} differs from testdata::finished_demo(); regenerate it with ROUNDTABLE_BLESS=1"
    );
}

#[test]
fn the_finished_demo_loads_and_is_a_whole_meeting() {
    let meeting: Meeting = store::load(Path::new(FILE)).expect("loads");
    let state = meeting.state();
    assert!(state.started.is_some() && state.adjourned.is_some());
    assert!(
        state.items.iter().all(|i| i.started.is_some()),
        "every item was taken"
    );
    let outcomes: Vec<Option<Outcome>> = state.motions.iter().map(|m| m.outcome()).collect();
    assert_eq!(
        outcomes,
        [
            Some(Outcome::AdoptedByVote),
            Some(Outcome::AdoptedByConsensus),
            Some(Outcome::Deferred)
        ]
    );
    let open_source = &state.motions[0];
    assert!(open_source.objections.iter().any(|o| o.blocking));
    assert!(open_source.objections.iter().any(|o| !o.blocking));
    assert!(open_source.consents[0].passed);
    let presence = |id: &str| {
        let index = state
            .people
            .iter()
            .position(|p| p.id.0 == id)
            .expect("on the roster");
        (state.presence(index), state.stints(index).to_vec())
    };
    assert_eq!(presence("nics").0, Presence::Excused);
    assert_eq!(presence("moi-household").0, Presence::Represented);
    assert_eq!(presence("prof-security").0, Presence::Left);
    assert_eq!(
        presence("moica").1[0].arrived.format("%H:%M").to_string(),
        "14:25"
    );
    assert!(state.notes.iter().any(|n| n.note.text.english().is_none()));
}

#[test]
fn the_demos_minutes_show_speaking_time_by_side_adding_up_to_100() {
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_roundtable"))
        .args(["minutes", "sessions/demo-finished.ron", "--lang", "en"])
        .output()
        .expect("runs");
    assert!(output.status.success());
    let minutes = String::from_utf8_lossy(&output.stdout);
    let section = minutes
        .split("Speaking time")
        .nth(1)
        .expect("a speaking time section");
    let by_side = section.split("**By speaker**").next().unwrap_or_default();
    let shares: Vec<u32> = by_side
        .lines()
        .filter(|l| l.starts_with("- "))
        .filter_map(|l| {
            let open = l.rfind('(')?;
            l[open + 1..].trim_end_matches("%)").parse().ok()
        })
        .collect();
    assert!(by_side.contains("- Government:"), "{by_side}");
    assert!(by_side.contains("- Non-government:"), "{by_side}");
    assert_eq!(shares.iter().sum::<u32>(), 100, "{by_side}");
    assert!(section.contains("**By speaker**"), "{section}");
}
