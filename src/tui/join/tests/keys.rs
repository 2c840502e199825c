//! The note-taker's key table.

use super::*;

#[test]
fn no_key_is_bound_twice_in_one_context_of_the_join_table() {
    assert_eq!(KEYS.bound_twice(), Vec::<String>::new());
}

#[test]
fn every_join_binding_is_in_its_help_and_every_hint_in_a_footer() {
    for lang in [Lang::ZhTw, Lang::En] {
        let help: Vec<String> = view::help_lines(lang).into_iter().map(|(t, _)| t).collect();
        for binding in KEYS.rows() {
            let keys = binding.keys_label();
            let label = binding.action.name().get(lang);
            assert!(
                help.iter().any(|l| l.contains(&keys) && l.contains(label)),
                "{keys} {label} is missing from the note-taker's help"
            );
        }
    }
    for binding in KEYS.rows().iter().filter(|b| b.shown == Shown::Footer) {
        assert!(view::CONTEXTS.contains(&binding.context));
        let hints = KEYS.hints(&[binding.context]);
        assert!(hints.iter().any(|h| h.action == binding.action));
    }
    // The note-taker's help says nothing of the facilitator's keys.
    let help = view::help_lines(Lang::En);
    assert!(!help.iter().any(|(l, _)| l.contains("consensus round")));
    assert!(
        KEYS.help_groups()
            .iter()
            .all(|(c, _)| *c != Context::Motion)
    );
}
