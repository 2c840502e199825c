//! The room's live page (`web/`): what the audience reads on the projector, the
//! stream and their phones, besides the meeting's own words (`vocabulary`) and the
//! counts the facilitator's screen also shows (`screen`).

use super::{Label, l};
use crate::domain::Lang;

/// Each language named in itself, for the switch.
pub const LANG_NAME: Label = l("中文", "English");
pub const ADJOURNED: Label = l("散會", "Adjourned");
pub const PHONE_LAYOUT: Label = l("手機版", "phone layout");
pub const SLIDE_LAYOUT: Label = l("投影版", "slide layout");

pub const SPEAKING: Label = l("發言", "Speaking");
pub const QUEUE: Label = l("登記發言", "Waiting to speak");
pub const VOICE: Label = l("發言時間", "Speaking time");

/// One voice's speaking time: "政府 12:30（5 次，48%）".
pub fn voice_line(voice: &str, seconds: i64, turns: u32, share: u32, lang: Lang) -> String {
    let time = format!("{}:{:02}", seconds / 60, seconds % 60);
    match lang {
        Lang::ZhTw => format!("{voice} {time}（{turns} 次，{share}%）"),
        Lang::En if turns == 1 => format!("{voice} {time} (1 turn, {share}%)"),
        Lang::En => format!("{voice} {time} ({turns} turns, {share}%)"),
    }
}

/// Blocking objections in the round under way.
pub fn objections(n: u32, lang: Lang) -> String {
    match lang {
        Lang::ZhTw => format!("異議 {n} 項"),
        Lang::En if n == 1 => "1 blocking objection".to_owned(),
        Lang::En => format!("{n} blocking objections"),
    }
}
