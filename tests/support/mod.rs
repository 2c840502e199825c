//! Helpers shared by the integration tests.

#[allow(dead_code)] // not every test binary uses it
pub mod http;
pub mod pty;
