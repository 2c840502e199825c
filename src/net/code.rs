//! The join code the facilitator reads out: 8 characters from an alphabet without
//! look-alikes (no 0/O, 1/I/L, U), shown as `K7QM-4TXP`. 30⁸ ≈ 2³⁹ codes; the PAKE
//! lets an attacker test one guess per connection, never offline, and the host rotates
//! the code after a few failures, so that is plenty.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};
use thiserror::Error;

/// Characters a join code is made of: digits 2–9 and letters without I, L, O, U.
pub const ALPHABET: &[u8; 30] = b"23456789ABCDEFGHJKMNPQRSTVWXYZ";

/// How many characters a join code has.
pub const CODE_LEN: usize = 8;

/// A join code. Compared in constant time by the PAKE, never here.
#[derive(Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct JoinCode([u8; CODE_LEN]);

#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum CodeError {
    #[error("a join code has {CODE_LEN} characters (like K7QM-4TXP); this one has {0}")]
    WrongLength(usize),
    #[error(
        "'{0}' is not in a join code; codes use the digits 2–9 and the letters A–Z without I, L, O and U"
    )]
    BadCharacter(char),
    #[error("the system's random number generator failed: {0}")]
    Random(String),
}

impl JoinCode {
    /// A fresh random code from the operating system's generator.
    pub fn random() -> Result<JoinCode, CodeError> {
        let mut code = [0u8; CODE_LEN];
        let mut filled = 0;
        let mut bytes = [0u8; 32];
        while filled < CODE_LEN {
            getrandom::fill(&mut bytes).map_err(|e| CodeError::Random(e.to_string()))?;
            // Rejection sampling keeps every character equally likely: 240 = 8 × 30.
            for &byte in &bytes {
                if filled == CODE_LEN {
                    break;
                }
                if usize::from(byte) < 8 * ALPHABET.len() {
                    code[filled] = ALPHABET[usize::from(byte) % ALPHABET.len()];
                    filled += 1;
                }
            }
        }
        Ok(JoinCode(code))
    }

    /// The bytes the PAKE uses as the password: the canonical 8 characters.
    pub fn as_bytes(&self) -> &[u8] {
        &self.0
    }
}

impl FromStr for JoinCode {
    type Err = CodeError;

    /// Accepts what a person types: any case, with or without the dash or spaces.
    fn from_str(typed: &str) -> Result<JoinCode, CodeError> {
        let mut code = [0u8; CODE_LEN];
        let mut len = 0;
        for c in typed.chars() {
            if c == '-' || c.is_whitespace() {
                continue;
            }
            let upper = c.to_ascii_uppercase();
            let Ok(byte) = u8::try_from(upper) else {
                return Err(CodeError::BadCharacter(c));
            };
            if !ALPHABET.contains(&byte) {
                return Err(CodeError::BadCharacter(c));
            }
            if len < CODE_LEN {
                code[len] = byte;
            }
            len += 1;
        }
        if len != CODE_LEN {
            return Err(CodeError::WrongLength(len));
        }
        Ok(JoinCode(code))
    }
}

impl TryFrom<String> for JoinCode {
    type Error = CodeError;
    fn try_from(s: String) -> Result<JoinCode, CodeError> {
        s.parse()
    }
}

impl From<JoinCode> for String {
    fn from(code: JoinCode) -> String {
        code.to_string()
    }
}

impl fmt::Display for JoinCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (a, b) = self.0.split_at(CODE_LEN / 2);
        // Only ALPHABET bytes are ever stored, so both halves are ASCII.
        write!(
            f,
            "{}-{}",
            String::from_utf8_lossy(a),
            String::from_utf8_lossy(b)
        )
    }
}

impl fmt::Debug for JoinCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Keep codes out of logs.
        f.write_str("JoinCode(****-****)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_random_code_reads_back_as_typed_in_any_case() {
        let code = JoinCode::random().expect("random");
        let shown = code.to_string();
        assert_eq!(shown.len(), 9);
        assert_eq!(&shown[4..5], "-");
        assert_eq!(shown.parse::<JoinCode>(), Ok(code.clone()));
        let typed = shown.replace('-', " ").to_lowercase();
        assert_eq!(typed.parse::<JoinCode>(), Ok(code));
    }

    #[test]
    fn look_alikes_and_wrong_lengths_are_refused_with_a_reason() {
        assert_eq!(
            "K7QM-4TX0".parse::<JoinCode>(),
            Err(CodeError::BadCharacter('0'))
        );
        assert_eq!(
            "K7QM-4TXI".parse::<JoinCode>(),
            Err(CodeError::BadCharacter('I'))
        );
        assert_eq!(
            "K7QM-4TX".parse::<JoinCode>(),
            Err(CodeError::WrongLength(7))
        );
        assert_eq!(
            "K7QM-4TXPP".parse::<JoinCode>(),
            Err(CodeError::WrongLength(9))
        );
        assert!("K7QM-4TXé".parse::<JoinCode>().is_err());
    }

    #[test]
    fn codes_use_the_whole_alphabet_and_differ() {
        let codes: Vec<JoinCode> = (0..200).map(|_| JoinCode::random().expect("rng")).collect();
        let mut seen = std::collections::HashSet::new();
        for code in &codes {
            seen.extend(code.as_bytes().iter().copied());
        }
        assert_eq!(seen.len(), ALPHABET.len());
        let distinct: std::collections::HashSet<_> = codes.iter().collect();
        assert_eq!(distinct.len(), codes.len());
    }

    #[test]
    fn debug_output_hides_the_code() {
        let code: JoinCode = "K7QM-4TXP".parse().expect("valid");
        assert!(!format!("{code:?}").contains("K7QM"));
    }
}
