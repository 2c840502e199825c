//! Helpers shared by the integration tests.

#[allow(dead_code)] // not every test binary uses it
pub mod bin;
#[allow(dead_code)]
pub mod http;
#[allow(dead_code)]
pub mod odt;
#[allow(dead_code)]
pub mod pty;
