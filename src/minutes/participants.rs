//! The "other actors" of the commitment table (Annex 2): the government agencies, and
//! the civil society, private sector and working groups, that took part — from the
//! roster and who actually attended. The lead agency has its own field in the table
//! and is not listed here.

use crate::domain::{Category, Lang, Meeting, Role, SeatRecord, Text};

use crate::i18n::colon;
use crate::i18n::list_separator;
use crate::i18n::minutes as l;
use crate::width::printable;

/// Who took part, by the table's two groups, each in roster order without repeats.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Participants {
    pub government: Vec<Text>,
    pub civil_society: Vec<Text>,
}

/// Members who attended in person or through a representative.
pub fn participants(meeting: &Meeting) -> Participants {
    let state = meeting.state();
    let mut result = Participants::default();
    for (index, person) in state.people.iter().enumerate() {
        let Role::Member { category, .. } = person.role else {
            continue;
        };
        if !matches!(state.seat_record(index), SeatRecord::Attended { .. }) {
            continue;
        }
        let (list, entry) = match category {
            Category::LeadAgency => continue,
            Category::CoOrganisingAgency => (&mut result.government, person.organisation.clone()),
            Category::CivicGroup => (&mut result.civil_society, person.organisation.clone()),
            // Experts take part in their own right: name them with their institution.
            Category::IssueExpert | Category::OpenGovExpert => {
                let zh = format!(
                    "{}{}{}",
                    person.organisation.text, person.name.text, person.title.text
                );
                let en = match (
                    person.name.english(),
                    person.title.english(),
                    person.organisation.english(),
                ) {
                    (Some(n), Some(t), Some(o)) => Some(format!("{n} ({t}, {o})")),
                    _ => None,
                };
                (&mut result.civil_society, Text { text: zh, en })
            }
        };
        let entry = if entry.is_empty() {
            person.name.clone()
        } else {
            entry
        };
        if !list.contains(&entry) {
            list.push(entry);
        }
    }
    result
}

/// The section as text, in one language or both (Chinese first).
pub fn render(participants: &Participants, languages: &[Lang]) -> String {
    let mut out = String::new();
    for (i, &lang) in languages.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        out.push_str(l::OTHER_ACTORS.get(lang));
        out.push('\n');
        for (label, list) in [
            (l::GOVERNMENT_AGENCIES, &participants.government),
            (l::CIVIL_SOCIETY, &participants.civil_society),
        ] {
            let names: Vec<&str> = list.iter().map(|t| t.get(lang)).collect();
            let names = if names.is_empty() {
                l::NONE.get(lang).to_owned()
            } else {
                names.join(list_separator(lang))
            };
            out.push_str(&format!("{}{}{names}\n", label.get(lang), colon(lang)));
        }
    }
    printable(&out).into_owned()
}
