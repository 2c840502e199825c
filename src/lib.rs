//! Roundtable: run a multi-stakeholder forum meeting live in the terminal, and turn the
//! saved meeting into publishable minutes.

pub mod cli;
pub mod domain;
pub mod durable;
pub mod i18n;
pub mod minutes;
pub mod net;
pub mod spreadsheet;
pub mod store;
#[cfg(any(test, feature = "testdata"))]
#[doc(hidden)]
pub mod testdata;
pub mod tui;
pub mod typed;
pub mod web;
pub mod width;
