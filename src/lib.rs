//! Roundtable: run a multi-stakeholder forum meeting live in the terminal, and turn the
//! saved meeting into publishable minutes.

pub mod domain;
pub mod i18n;
pub mod minutes;
pub mod store;
#[doc(hidden)]
pub mod testdata;
