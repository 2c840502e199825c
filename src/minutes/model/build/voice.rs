//! The balance of voice in the minutes: speaking time and turns by side, then by
//! speaker, as `State::voice` counts them.

use crate::domain::Voice;
use crate::i18n;
use crate::i18n::colon;
use crate::i18n::minutes as l;
use crate::minutes::model::{Block, Line, plain};

use super::{Builder, plain_span};

impl Builder<'_> {
    pub(super) fn speaking_time(&mut self) -> Vec<Block> {
        let lang = self.lang;
        let state = self.state;
        // Counted to the adjournment, or to the last thing recorded.
        let end = state
            .adjourned
            .or_else(|| self.meeting.session().log.last().map(|e| e.at));
        let Some(end) = end else {
            return Vec::new();
        };
        let balance = state.voice(None, end);
        let shares = balance.percentages();
        let by_voice: Vec<Line> = Voice::ALL
            .iter()
            .enumerate()
            .filter(|(i, v)| {
                balance.by_voice[*i].1 > 0 || matches!(v, Voice::Government | Voice::NonGovernment)
            })
            .map(|(i, v)| {
                let (seconds, turns) = balance.by_voice[i];
                plain(format!(
                    "{}{}{}",
                    i18n::voice(*v).get(lang),
                    colon(lang),
                    l::speaking_share(seconds, turns, shares.map(|s| s[i]), lang)
                ))
            })
            .collect();
        let by_speaker: Vec<Line> = balance
            .by_speaker
            .iter()
            .map(|(speaker, voice, seconds, turns)| {
                let mut line = self.speaker(speaker);
                line.push(plain_span(i18n::parenthesised(
                    i18n::voice(*voice).get(lang),
                    lang,
                )));
                line.push(plain_span(format!(
                    "{}{}",
                    colon(lang),
                    l::speaking_share(*seconds, *turns, None, lang)
                )));
                line
            })
            .collect();
        vec![
            self.field(l::BY_VOICE, by_voice),
            self.field(l::BY_SPEAKER, by_speaker),
        ]
    }
}
