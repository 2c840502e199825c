//! Where in a session's text a fault lies, for the faults found after the text parsed
//! (an unknown id in event #52, a duplicated event, format 0, two conveners): the
//! text is outlined (its brackets, fields and strings, comments skipped) and the error
//! is matched to the event, the entry or the field it names.

use crate::domain::{DomainError, ItemId, PersonId, RosterError, SessionError};

/// The byte offset of the fault `error` names; `None` when the text does not show it.
pub(super) fn locate(text: &str, error: &SessionError) -> Option<usize> {
    let session = Outline::new(text).root()?;
    let events = || session.field("log").map(|log| log.entries()).unwrap_or(&[]);
    let seq = |entry: &Entry| entry.value.field("seq").and_then(|seq| seq.number());
    match error {
        SessionError::NewerFormat { .. } | SessionError::UnknownFormat { .. } => {
            Some(session.field("format")?.at())
        }
        SessionError::Rules(e) => Some(session.field("rules")?.entry(e.field)?.key_at?),
        SessionError::AgendaOutOfOrder { item, .. } => {
            let agenda = session.field("agenda")?.entries();
            let entry = agenda.iter().find(|e| e.value.holds("id", item))?;
            Some(entry.value.at())
        }
        SessionError::SetUp(e) => set_up(&session, e),
        SessionError::LogOutOfOrder { previous, found } => {
            // The first event numbered `found` right after one numbered `previous` (0
            // before the first).
            let mut before = Some(0);
            for event in events() {
                let this = seq(event);
                if before == Some(previous.0) && this == Some(found.0) {
                    return Some(event.value.at());
                }
                before = this;
            }
            None
        }
        SessionError::DuplicateEvent { seq: twice } => {
            let second = events().iter().filter(|e| seq(e) == Some(twice.0)).nth(1)?;
            Some(second.value.at())
        }
        SessionError::OutOfTimeOrder { seq: at, .. } | SessionError::Log { seq: at, .. } => {
            let event = events().iter().find(|e| seq(e) == Some(at.0))?;
            Some(event.value.at())
        }
    }
}

/// A fault in the set-up: the roster entry, agenda item, motion or follow-up matter it
/// names.
fn set_up(session: &Node, error: &DomainError) -> Option<usize> {
    let entries = |section: &str, list: Option<&str>| -> Vec<&Entry<'_>> {
        let Some(node) = session.field(section) else {
            return Vec::new();
        };
        let node = match list {
            Some(list) => node.field(list),
            None => Some(node),
        };
        node.map_or(&[][..], |n| n.entries()).iter().collect()
    };
    let people = || {
        let mut all = entries("roster", Some("members"));
        all.extend(entries("roster", Some("representatives")));
        all.extend(entries("roster", Some("observers")));
        all
    };
    let everything = || {
        let mut all = people();
        all.extend(entries("agenda", None));
        all.extend(entries("motions", None));
        all.extend(entries("follow_up", None));
        all
    };
    // The n-th (from 0) entry whose `field` is `value`.
    let nth = |list: Vec<&Entry<'_>>, field: &str, value: &str, n: usize| {
        list.into_iter()
            .filter(|e| e.value.holds(field, value))
            .nth(n)
            .map(|e| e.value.at())
    };
    let members = || entries("roster", Some("members"));
    let representatives = || entries("roster", Some("representatives"));
    match error {
        DomainError::Roster(roster) => match roster {
            RosterError::DuplicateId(id) => nth(people(), "id", &id.0, 1),
            RosterError::EmptyName(id) => nth(people(), "id", &id.0, 0),
            RosterError::TwoConveners(_, second) | RosterError::TwoCoConveners(_, second) => {
                nth(members(), "name", second, 1).or_else(|| nth(members(), "name", second, 0))
            }
            RosterError::GovernmentCoConvener(name) | RosterError::ConvenerNotLeadAgency(name) => {
                nth(members(), "name", name, 0)
            }
            RosterError::RepresentativeForUnknownMember { for_member, .. } => {
                nth(representatives(), "for_member", &for_member.0, 0)
            }
            RosterError::RepresentativeForNonGovernment { name, .. } => {
                nth(representatives(), "name", name, 0)
            }
        },
        DomainError::DuplicateId(id) => match id.strip_prefix("follow-up ") {
            Some(number) => nth(entries("follow_up", None), "number", number, 1),
            None => nth(everything(), "id", id, 1),
        },
        // A reference to what is not there: the reference itself.
        DomainError::UnknownItem(ItemId(id)) | DomainError::UnknownPerson(PersonId(id)) => {
            let mut refer = representatives();
            refer.extend(entries("motions", None));
            refer.extend(entries("follow_up", None));
            refer.iter().find_map(|e| e.value.find_string(id))
        }
        _ => None,
    }
}

/// A value in RON text, as written: a bracketed group (with the name before it,
/// `Some(…)`, if any), a string, or anything else (a number, a name, a character).
#[derive(Debug)]
enum Node<'t> {
    Group { at: usize, entries: Vec<Entry<'t>> },
    Str { at: usize, raw: &'t str },
    Atom { at: usize, raw: &'t str },
}

/// One entry of a group: `key: value`, or a value alone (an item of a list).
#[derive(Debug)]
struct Entry<'t> {
    /// The key as written (a name, or a quoted string in a map).
    key: Option<&'t str>,
    key_at: Option<usize>,
    value: Node<'t>,
}

impl<'t> Node<'t> {
    fn at(&self) -> usize {
        match self {
            Node::Group { at, .. } | Node::Str { at, .. } | Node::Atom { at, .. } => *at,
        }
    }

    fn entries(&self) -> &[Entry<'t>] {
        match self {
            Node::Group { entries, .. } => entries,
            _ => &[],
        }
    }

    fn entry(&self, name: &str) -> Option<&Entry<'t>> {
        self.entries().iter().find(|e| {
            e.key
                .is_some_and(|key| key == name || key.strip_prefix("r#") == Some(name))
        })
    }

    fn field(&self, name: &str) -> Option<&Node<'t>> {
        self.entry(name).map(|e| &e.value)
    }

    /// A whole number written here.
    fn number(&self) -> Option<u64> {
        match self {
            Node::Atom { raw, .. } => raw.replace('_', "").parse().ok(),
            _ => None,
        }
    }

    /// The string written here, its escapes read; a text's Chinese (`(text: "…")`).
    fn string(&self) -> Option<String> {
        match self {
            Node::Str { raw, .. } => ron::from_str::<String>(raw).ok(),
            Node::Group { .. } => self.field("text")?.string(),
            Node::Atom { raw, .. } => Some((*raw).to_owned()),
        }
    }

    /// Where the string `value` is written, here or anywhere inside.
    fn find_string(&self, value: &str) -> Option<usize> {
        match self {
            Node::Str { at, .. } => (self.string()? == value).then_some(*at),
            Node::Group { entries, .. } => entries.iter().find_map(|e| e.value.find_string(value)),
            Node::Atom { .. } => None,
        }
    }

    /// Whether this group's `field` is `value`.
    fn holds(&self, field: &str, value: &str) -> bool {
        self.field(field)
            .and_then(Node::string)
            .is_some_and(|s| s == value)
    }
}

/// Reads the outline of RON text: brackets, keys, strings and other values, skipping
/// whitespace and comments. Lenient: it is only asked about text RON has accepted,
/// and gives up (`None`) rather than guess on anything else.
struct Outline<'t> {
    text: &'t str,
    tokens: Vec<Token>,
    next: usize,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Open,
    Close,
    Comma,
    Colon,
    Name,
    Str,
    Other,
}

#[derive(Clone, Copy, Debug)]
struct Token {
    kind: Kind,
    start: usize,
    end: usize,
}

/// Deeper than RON itself reads (its limit is 128), so never reached on its text.
const MAX_DEPTH: usize = 256;

impl<'t> Outline<'t> {
    fn new(text: &'t str) -> Outline<'t> {
        Outline {
            text,
            tokens: tokens(text),
            next: 0,
        }
    }

    /// The session: the last group of the text, after any `#![enable(…)]`.
    fn root(mut self) -> Option<Node<'t>> {
        let mut root = None;
        while self.next < self.tokens.len() {
            if let group @ Node::Group { .. } = self.value(0)? {
                root = Some(group);
            }
        }
        root
    }

    fn take(&mut self) -> Option<Token> {
        let token = *self.tokens.get(self.next)?;
        self.next += 1;
        Some(token)
    }

    fn peek(&self) -> Option<Kind> {
        self.tokens.get(self.next).map(|t| t.kind)
    }

    fn raw(&self, token: Token) -> &'t str {
        self.text.get(token.start..token.end).unwrap_or("")
    }

    fn value(&mut self, depth: usize) -> Option<Node<'t>> {
        if depth > MAX_DEPTH {
            return None;
        }
        let token = self.take()?;
        match token.kind {
            Kind::Open => self.group(token.start, depth),
            // `Some(…)`, `Arrived(…)`, `Session(…)`: the name belongs to the group.
            Kind::Name if self.peek() == Some(Kind::Open) => {
                self.take();
                self.group(token.start, depth)
            }
            Kind::Str => Some(Node::Str {
                at: token.start,
                raw: self.raw(token),
            }),
            Kind::Name | Kind::Other => Some(Node::Atom {
                at: token.start,
                raw: self.raw(token),
            }),
            Kind::Close | Kind::Comma | Kind::Colon => None,
        }
    }

    fn group(&mut self, at: usize, depth: usize) -> Option<Node<'t>> {
        let mut entries = Vec::new();
        loop {
            match self.peek()? {
                Kind::Close => {
                    self.take();
                    return Some(Node::Group { at, entries });
                }
                Kind::Comma => {
                    self.take();
                    continue;
                }
                _ => {}
            }
            let key_token = self.tokens.get(self.next).copied();
            let first = self.value(depth + 1)?;
            if self.peek() == Some(Kind::Colon) {
                self.take();
                let value = self.value(depth + 1)?;
                entries.push(Entry {
                    key: key_token.map(|t| self.raw(t)),
                    key_at: Some(first.at()),
                    value,
                });
            } else {
                entries.push(Entry {
                    key: None,
                    key_at: None,
                    value: first,
                });
            }
        }
    }
}

/// Splits RON text into the tokens an outline needs.
fn tokens(text: &str) -> Vec<Token> {
    let bytes = text.as_bytes();
    let mut tokens = Vec::new();
    let mut i = 0;
    let is_name = |b: u8| b.is_ascii_alphanumeric() || b == b'_' || b >= 0x80;
    while let Some(&b) = bytes.get(i) {
        let start = i;
        let kind = match b {
            b if b.is_ascii_whitespace() => {
                i += 1;
                continue;
            }
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                i = bytes[i..]
                    .iter()
                    .position(|&c| c == b'\n')
                    .map_or(bytes.len(), |n| i + n);
                continue;
            }
            b'/' if bytes.get(i + 1) == Some(&b'*') => {
                i = block_comment_end(bytes, i);
                continue;
            }
            b'(' | b'[' | b'{' => {
                i += 1;
                Kind::Open
            }
            b')' | b']' | b'}' => {
                i += 1;
                Kind::Close
            }
            b',' => {
                i += 1;
                Kind::Comma
            }
            b':' => {
                i += 1;
                Kind::Colon
            }
            b'"' => {
                i = quoted_end(bytes, i + 1, b'"');
                Kind::Str
            }
            b'\'' => {
                i = quoted_end(bytes, i + 1, b'\'');
                Kind::Other
            }
            _ => {
                // A raw or byte string (`r#"…"#`, `b"…"`, `br"…"`) starts like a name.
                let prefix = match (b, bytes.get(i + 1)) {
                    (b'b', Some(b'r')) => 2,
                    (b'r' | b'b', _) => 1,
                    _ => 0,
                };
                let hashes = bytes[(i + prefix).min(bytes.len())..]
                    .iter()
                    .take_while(|&&c| c == b'#')
                    .count();
                let quote = i + prefix + hashes;
                if prefix > 0 && bytes.get(quote) == Some(&b'"') {
                    let raw = b == b'r' || prefix == 2;
                    i = if raw {
                        raw_string_end(bytes, quote + 1, hashes)
                    } else {
                        quoted_end(bytes, quote + 1, b'"')
                    };
                    Kind::Str
                } else if is_name(b) || b == b'#' {
                    // A name, a raw name (`r#type`), or a number.
                    i += 1;
                    while bytes
                        .get(i)
                        .is_some_and(|&c| is_name(c) || c == b'#' || c == b'.')
                    {
                        i += 1;
                    }
                    if b.is_ascii_alphabetic() || b == b'_' || b >= 0x80 {
                        Kind::Name
                    } else {
                        Kind::Other
                    }
                } else {
                    // A sign, a number's punctuation: up to the next separator.
                    i += 1;
                    while bytes
                        .get(i)
                        .is_some_and(|&c| !c.is_ascii_whitespace() && !b"()[]{},:\"'/".contains(&c))
                    {
                        i += 1;
                    }
                    Kind::Other
                }
            }
        };
        tokens.push(Token {
            kind,
            start,
            end: i.min(bytes.len()),
        });
    }
    tokens
}

/// Just after the closing `quote` of a string or character whose body starts at `i`.
fn quoted_end(bytes: &[u8], mut i: usize, quote: u8) -> usize {
    while let Some(&b) = bytes.get(i) {
        i += 1;
        match b {
            b'\\' => i += 1,
            b if b == quote => return i,
            _ => {}
        }
    }
    bytes.len()
}

/// Just after the `"` and `hashes` #s that close a raw string whose body starts at `i`.
fn raw_string_end(bytes: &[u8], mut i: usize, hashes: usize) -> usize {
    while let Some(&b) = bytes.get(i) {
        i += 1;
        if b == b'"'
            && bytes[i.min(bytes.len())..]
                .iter()
                .take(hashes)
                .all(|&c| c == b'#')
            && bytes.len() >= i + hashes
        {
            return i + hashes;
        }
    }
    bytes.len()
}

/// Just after a (possibly nested) block comment that starts at `i`.
fn block_comment_end(bytes: &[u8], mut i: usize) -> usize {
    let mut depth = 0usize;
    while i < bytes.len() {
        match (bytes[i], bytes.get(i + 1)) {
            (b'/', Some(b'*')) => {
                depth += 1;
                i += 2;
            }
            (b'*', Some(b'/')) => {
                depth -= 1;
                i += 2;
                if depth == 0 {
                    return i;
                }
            }
            _ => i += 1,
        }
    }
    bytes.len()
}

/// The 1-based line and column (in characters) of a byte offset.
pub(super) fn position(text: &str, offset: usize) -> Option<(usize, usize)> {
    let before = text.get(..offset)?;
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |n| n + 1);
    let column = before[line_start..].chars().count() + 1;
    Some((line, column))
}
