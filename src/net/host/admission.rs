//! Who may start a handshake, and what the host remembers of each address before it
//! has proven the code: the one place of the rules that keep anyone on the network
//! from keeping note-takers out.
//!
//! - Handshakes in progress are capped overall and per address, and the last places
//!   are kept for an address with none in progress: silent connections from one
//!   address cannot fill them, and a real join always finds one.
//! - Wrong codes are counted per address. One that tries too many (without a right one
//!   between) is refused for a while; the code stays, so one source cannot make
//!   everyone type a new code. With a handful of guesses per address every few
//!   minutes, a 39-bit code is out of reach; the facilitator sees each attempt and can
//!   issue a new code.
//! - What the facilitator is told of connections kept out is rate-limited per address
//!   and reason, so a flood cannot flood the screen.
//!
//! Pure bookkeeping: time comes in as a value, and `serve.rs` acts on the answers.

use std::collections::HashMap;
use std::fmt;
use std::net::{IpAddr, Ipv6Addr, SocketAddr};
use std::time::Duration;

use tokio::time::Instant;

use super::HostConfig;

/// Where connections come from, as the limits count them: an IPv4 address, or an
/// IPv6 /64 (a single machine can hold a whole /64 of addresses).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Source(IpAddr);

impl Source {
    pub fn of(peer: SocketAddr) -> Source {
        match peer.ip().to_canonical() {
            IpAddr::V6(v6) if !v6.is_loopback() => {
                let mut segments = v6.segments();
                segments[4..].fill(0);
                Source(IpAddr::V6(Ipv6Addr::from(segments)))
            }
            ip => Source(ip),
        }
    }
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            IpAddr::V6(v6) if !v6.is_loopback() => write!(f, "{v6}/64"),
            ip => write!(f, "{ip}"),
        }
    }
}

/// Why a connection got no further than the handshake, besides a wrong code.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum KeptOut {
    /// Its address already had as many handshakes in progress as one address may.
    TooManyAtOnce,
    /// Every handshake place was taken (those kept for a new address too).
    HostBusy,
    /// Its address is refused for a while after too many wrong codes.
    Blocked,
    /// It did not prove the code and say hello in time.
    TimedOut,
}

impl KeptOut {
    const ALL: [KeptOut; 4] = [
        KeptOut::TooManyAtOnce,
        KeptOut::HostBusy,
        KeptOut::Blocked,
        KeptOut::TimedOut,
    ];

    fn index(self) -> usize {
        match self {
            KeptOut::TooManyAtOnce => 0,
            KeptOut::HostBusy => 1,
            KeptOut::Blocked => 2,
            KeptOut::TimedOut => 3,
        }
    }
}

/// How often, at most, the facilitator hears of one address kept out for one reason.
const REPORT_EVERY: Duration = Duration::from_secs(60);
/// How long an address with nothing in progress is remembered.
const REMEMBER: Duration = Duration::from_secs(15 * 60);
/// Addresses remembered at most: beyond, a new address is turned away as busy rather
/// than grow the host's memory without bound.
const MAX_ADDRESSES: usize = 4096;

/// Connections kept out for one reason, not yet reported.
#[derive(Clone, Copy, Debug, Default)]
struct Reports {
    unreported: u32,
    last: Option<Instant>,
}

/// What the host remembers of one address.
#[derive(Debug)]
struct Address {
    handshaking: usize,
    wrong_codes: u32,
    blocked_until: Option<Instant>,
    seen: Instant,
    reports: [Reports; KeptOut::ALL.len()],
}

impl Address {
    fn new(now: Instant) -> Address {
        Address {
            handshaking: 0,
            wrong_codes: 0,
            blocked_until: None,
            seen: now,
            reports: Default::default(),
        }
    }

    fn blocked(&mut self, now: Instant) -> bool {
        match self.blocked_until {
            Some(until) if until > now => true,
            Some(_) => {
                // Served its time: a fresh count.
                self.blocked_until = None;
                self.wrong_codes = 0;
                false
            }
            None => false,
        }
    }

    fn forgettable(&self, now: Instant) -> bool {
        self.handshaking == 0
            && self.blocked_until.is_none_or(|until| until <= now)
            && now.saturating_duration_since(self.seen) >= REMEMBER
    }
}

/// A wrong code, as counted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct WrongCode {
    /// Wrong codes from this address since its last right one (or its last block).
    pub failures: u32,
    /// This one blocked the address, for this long.
    pub blocked_for: Option<Duration>,
}

/// The handshakes in progress and what is remembered of each address.
#[derive(Debug, Default)]
pub struct Admission {
    handshaking: usize,
    addresses: HashMap<Source, Address>,
}

impl Admission {
    /// Whether a new connection from `source` may start a handshake, with `joined`
    /// note-takers connected; if so, it is counted until [`Admission::release`].
    pub fn admit(
        &mut self,
        config: &HostConfig,
        source: Source,
        joined: usize,
        now: Instant,
    ) -> Result<(), KeptOut> {
        if self.addresses.len() >= MAX_ADDRESSES / 2 {
            self.addresses.retain(|_, a| !a.forgettable(now));
        }
        let total = self.handshaking;
        if !self.addresses.contains_key(&source) && self.addresses.len() >= MAX_ADDRESSES {
            return Err(KeptOut::HostBusy);
        }
        let address = self
            .addresses
            .entry(source)
            .or_insert_with(|| Address::new(now));
        address.seen = now;
        if address.blocked(now) {
            return Err(KeptOut::Blocked);
        }
        if address.handshaking >= config.max_handshakes_per_address {
            return Err(KeptOut::TooManyAtOnce);
        }
        // An address already handshaking may not take the places kept for a new one.
        let kept = if address.handshaking > 0 {
            config.handshakes_kept_for_new
        } else {
            0
        };
        let free = config.max_handshakes.saturating_sub(total);
        if free <= kept || total + joined >= config.max_note_takers + config.max_handshakes {
            return Err(KeptOut::HostBusy);
        }
        address.handshaking += 1;
        self.handshaking += 1;
        Ok(())
    }

    /// A handshake admitted from `source` is over, however it ended.
    pub fn release(&mut self, source: Source) {
        self.handshaking = self.handshaking.saturating_sub(1);
        if let Some(address) = self.addresses.get_mut(&source) {
            address.handshaking = address.handshaking.saturating_sub(1);
        }
    }

    /// `source` tried a wrong code: counted, and blocked when it reaches the limit.
    pub fn wrong_code(&mut self, config: &HostConfig, source: Source, now: Instant) -> WrongCode {
        let address = self
            .addresses
            .entry(source)
            .or_insert_with(|| Address::new(now));
        address.seen = now;
        address.wrong_codes += 1;
        let failures = address.wrong_codes;
        // A handshake admitted before the block may still fail: counted, not blocked
        // (nor reported) twice.
        let already = address.blocked_until.is_some_and(|until| until > now);
        let blocked_for = (failures >= config.wrong_codes_per_address && !already).then(|| {
            address.blocked_until = Some(now + config.block_for);
            config.block_for
        });
        WrongCode {
            failures,
            blocked_for,
        }
    }

    /// `source` proved the code: its wrong codes are forgiven (a typo, corrected).
    pub fn right_code(&mut self, source: Source) {
        if let Some(address) = self.addresses.get_mut(&source) {
            address.wrong_codes = 0;
        }
    }

    /// A connection from `source` was kept out: whether to tell the facilitator now,
    /// and of how many since the last report (at most one report a minute for each
    /// address and reason).
    pub fn report(&mut self, source: Source, why: KeptOut, now: Instant) -> Option<u32> {
        let address = self
            .addresses
            .entry(source)
            .or_insert_with(|| Address::new(now));
        let reports = &mut address.reports[why.index()];
        reports.unreported += 1;
        let due = reports
            .last
            .is_none_or(|last| now.saturating_duration_since(last) >= REPORT_EVERY);
        if !due {
            return None;
        }
        reports.last = Some(now);
        Some(std::mem::take(&mut reports.unreported))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::net::JoinCode;

    fn config() -> HostConfig {
        HostConfig::new("K7QM-4TXP".parse::<JoinCode>().expect("code"))
    }

    fn from(ip: &str) -> Source {
        Source::of(SocketAddr::new(ip.parse().expect("ip"), 40_000))
    }

    #[test]
    fn one_address_holds_at_most_its_share_and_never_the_places_kept_for_a_new_one() {
        let mut config = config();
        config.max_handshakes = 4;
        config.max_handshakes_per_address = 3;
        config.handshakes_kept_for_new = 1;
        let now = Instant::now();
        let mut admission = Admission::default();
        let (a, b, c, d) = (
            from("10.0.0.1"),
            from("10.0.0.2"),
            from("10.0.0.3"),
            from("10.0.0.4"),
        );
        assert_eq!(admission.admit(&config, a, 0, now), Ok(()));
        assert_eq!(admission.admit(&config, a, 0, now), Ok(()));
        assert_eq!(admission.admit(&config, b, 0, now), Ok(()));
        // One place left: kept for an address with none in progress.
        assert_eq!(admission.admit(&config, a, 0, now), Err(KeptOut::HostBusy));
        assert_eq!(admission.admit(&config, b, 0, now), Err(KeptOut::HostBusy));
        assert_eq!(admission.admit(&config, c, 0, now), Ok(()));
        assert_eq!(admission.admit(&config, d, 0, now), Err(KeptOut::HostBusy));
        admission.release(c);
        admission.release(b);
        assert_eq!(admission.admit(&config, a, 0, now), Ok(()));
        assert_eq!(
            admission.admit(&config, a, 0, now),
            Err(KeptOut::TooManyAtOnce)
        );
        assert_eq!(admission.handshaking, 3);
    }

    #[test]
    fn an_ipv6_machine_counts_once_for_its_whole_slash_64() {
        let one = Source::of("[2001:db8:1:2:aaaa::1]:5000".parse().expect("addr"));
        let other = Source::of("[2001:db8:1:2:bbbb::9]:6000".parse().expect("addr"));
        assert_eq!(one, other);
        assert_eq!(one.to_string(), "2001:db8:1:2::/64");
        let mapped = Source::of("[::ffff:192.168.1.9]:5000".parse().expect("addr"));
        assert_eq!(mapped, from("192.168.1.9"));
        assert_eq!(mapped.to_string(), "192.168.1.9");
    }

    #[test]
    fn too_many_wrong_codes_block_that_address_for_a_while_then_it_starts_afresh() {
        let config = config();
        let start = Instant::now();
        let mut admission = Admission::default();
        let (guesser, typo) = (from("10.0.0.66"), from("10.0.0.7"));
        for n in 1..config.wrong_codes_per_address {
            let counted = admission.wrong_code(&config, guesser, start);
            assert_eq!((counted.failures, counted.blocked_for), (n, None));
        }
        let last = admission.wrong_code(&config, guesser, start);
        assert_eq!(last.blocked_for, Some(config.block_for));
        let straggler = admission.wrong_code(&config, guesser, start);
        assert_eq!(straggler.blocked_for, None, "blocked once");
        assert_eq!(
            admission.admit(&config, guesser, 0, start),
            Err(KeptOut::Blocked)
        );
        // Another address is not affected, and a right code forgives a typo.
        admission.wrong_code(&config, typo, start);
        admission.right_code(typo);
        assert_eq!(admission.wrong_code(&config, typo, start).failures, 1);
        assert_eq!(admission.admit(&config, typo, 0, start), Ok(()));
        // After the block, a fresh count.
        let later = start + config.block_for;
        assert_eq!(admission.admit(&config, guesser, 0, later), Ok(()));
        assert_eq!(admission.wrong_code(&config, guesser, later).failures, 1);
    }

    #[test]
    fn connections_kept_out_are_reported_at_most_once_a_minute_with_how_many() {
        let start = Instant::now();
        let mut admission = Admission::default();
        let source = from("10.0.0.66");
        assert_eq!(
            admission.report(source, KeptOut::TooManyAtOnce, start),
            Some(1)
        );
        for s in 1..60 {
            let now = start + Duration::from_secs(s);
            assert_eq!(admission.report(source, KeptOut::TooManyAtOnce, now), None);
        }
        // Another reason has its own count.
        assert_eq!(admission.report(source, KeptOut::TimedOut, start), Some(1));
        let minute = start + Duration::from_secs(60);
        assert_eq!(
            admission.report(source, KeptOut::TooManyAtOnce, minute),
            Some(60)
        );
    }
}
