//! Colours and emphasis, for a projector in a lit room: strong contrast, colour only
//! where it carries meaning, and never colour alone (every coloured state also has
//! words).

use ratatui::style::{Color, Modifier, Style};

use crate::domain::Outcome;

pub fn text() -> Style {
    Style::new()
}

pub fn dim() -> Style {
    Style::new().fg(Color::Gray)
}

pub fn bold() -> Style {
    Style::new().add_modifier(Modifier::BOLD)
}

pub fn header() -> Style {
    Style::new()
        .fg(Color::White)
        .bg(Color::Blue)
        .add_modifier(Modifier::BOLD)
}

pub fn border(focused: bool) -> Style {
    if focused {
        Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD)
    } else {
        Style::new().fg(Color::Gray)
    }
}

pub fn title(focused: bool) -> Style {
    if focused {
        Style::new()
            .fg(Color::Black)
            .bg(Color::Yellow)
            .add_modifier(Modifier::BOLD)
    } else {
        Style::new().add_modifier(Modifier::BOLD)
    }
}

/// The selected row of a list: reversed, so it reads on any background.
pub fn selected(focused: bool) -> Style {
    if focused {
        Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD)
    } else {
        Style::new().add_modifier(Modifier::UNDERLINED)
    }
}

pub fn heading() -> Style {
    Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD)
}

pub fn present() -> Style {
    Style::new().fg(Color::Green).add_modifier(Modifier::BOLD)
}

pub fn absent() -> Style {
    Style::new().fg(Color::Gray)
}

pub fn left() -> Style {
    Style::new().fg(Color::Yellow)
}

pub fn excused() -> Style {
    Style::new().fg(Color::Magenta)
}

pub fn represented() -> Style {
    Style::new().fg(Color::Cyan)
}

/// Good news in words and colour: saved, balanced, adopted.
pub fn ok() -> Style {
    Style::new().fg(Color::Green).add_modifier(Modifier::BOLD)
}

/// Something to mind soon: a timer near its end, a preparation not ready.
pub fn warning() -> Style {
    Style::new()
        .fg(Color::Black)
        .bg(Color::Yellow)
        .add_modifier(Modifier::BOLD)
}

/// Off balance, a failed save, a refusal, a timer over its time.
pub fn alert() -> Style {
    Style::new()
        .fg(Color::White)
        .bg(Color::Red)
        .add_modifier(Modifier::BOLD)
}

pub fn info() -> Style {
    Style::new()
        .fg(Color::Black)
        .bg(Color::Cyan)
        .add_modifier(Modifier::BOLD)
}

/// The outcome banner: adopted.
pub fn adopted() -> Style {
    Style::new()
        .fg(Color::Black)
        .bg(Color::Green)
        .add_modifier(Modifier::BOLD)
}

/// The outcome banner: not adopted.
pub fn not_adopted() -> Style {
    Style::new()
        .fg(Color::White)
        .bg(Color::Red)
        .add_modifier(Modifier::BOLD)
}

/// The outcome banner: deferred or withdrawn, neither adopted nor rejected.
pub fn set_aside() -> Style {
    Style::new()
        .fg(Color::Black)
        .bg(Color::Gray)
        .add_modifier(Modifier::BOLD)
}

pub fn current_item() -> Style {
    Style::new().fg(Color::Green).add_modifier(Modifier::BOLD)
}

pub fn key() -> Style {
    Style::new().fg(Color::Black).bg(Color::Gray)
}

pub fn dialog() -> Style {
    Style::new().fg(Color::White).bg(Color::Black)
}

pub fn dialog_border() -> Style {
    Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD)
}

/// How an outcome reads at a glance: adopted green, not adopted red, set aside grey.
pub fn outcome(outcome: Outcome) -> Style {
    match outcome {
        Outcome::AdoptedByConsensus | Outcome::AdoptedByVote | Outcome::AdoptedByChair => adopted(),
        Outcome::NotAdopted | Outcome::RejectedByChair => not_adopted(),
        Outcome::Deferred | Outcome::Withdrawn => set_aside(),
    }
}
