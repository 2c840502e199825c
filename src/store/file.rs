//! A session file's bytes, read safely: only a regular file (a FIFO would wait for a
//! writer, a device might never end), at most [`MAX_SESSION_BYTES`], and UTF-8 text,
//! each refusal said at once and, in the text, where.

use std::fs::{self, File, Metadata};
use std::io::Read;
use std::path::Path;

use crate::domain::Lang;
use crate::i18n::refusals::session_file as words;

use super::LoadError;
use super::locate::position;

/// The largest session file Roundtable reads: a meeting of 20,000 notes is about
/// 10 MB and one of 100,000 about 45 MB, so this (about a million notes) is far beyond
/// any meeting, while it still ends reading a file that grows without end or a file
/// that is not a session. Saves append, so a meeting could in principle grow past it;
/// it would take a million notes.
pub const MAX_SESSION_BYTES: u64 = 512 << 20;

/// Why a file's bytes are not a session's text, found before parsing it. Its words
/// are in `i18n::refusals::session_file`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FileProblem {
    /// Not a regular file.
    NotAFile(FileKind),
    /// Larger than [`MAX_SESSION_BYTES`]; the size when the system said it.
    TooLarge { size: Option<u64> },
    /// UTF-16 text (with its byte-order mark, or ASCII with zero bytes between).
    Utf16,
    /// A byte that starts a character whose next bytes are not there: a cut in the
    /// middle of a character, or another encoding.
    CutCharacter { byte: u8 },
    /// A byte from the middle of a character whose start is not there.
    StrayByte { byte: u8 },
    /// A byte UTF-8 never uses.
    NotUtf8 { byte: u8 },
    /// The file ends inside a character.
    EndsInACharacter,
}

/// What a path names when it is not a regular file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    Folder,
    Fifo,
    Device,
    Socket,
    Other,
}

impl FileProblem {
    /// The problem in `lang`; `path` gives a folder's example.
    pub fn words(&self, path: &Path, lang: Lang) -> String {
        match self {
            FileProblem::NotAFile(FileKind::Folder) => format!(
                "{} {}",
                words::FOLDER.get(lang),
                path.join("forum.ron").display()
            ),
            FileProblem::NotAFile(kind) => match kind {
                FileKind::Fifo => words::FIFO,
                FileKind::Device => words::DEVICE,
                FileKind::Socket => words::SOCKET,
                FileKind::Folder | FileKind::Other => words::NOT_A_FILE,
            }
            .get(lang)
            .to_owned(),
            FileProblem::TooLarge { size } => words::too_large(*size, MAX_SESSION_BYTES, lang),
            FileProblem::Utf16 => words::UTF16.get(lang).to_owned(),
            FileProblem::CutCharacter { byte } => words::cut_character(*byte, lang),
            FileProblem::StrayByte { byte } => words::stray_byte(*byte, lang),
            FileProblem::NotUtf8 { byte } => words::not_utf8(*byte, lang),
            FileProblem::EndsInACharacter => words::ENDS_IN_A_CHARACTER.get(lang).to_owned(),
        }
    }
}

/// Refuses what `path` names unless it is a regular file of a session's size, without
/// opening it (opening a FIFO waits for a writer).
pub fn check_file(path: &Path) -> Result<(), LoadError> {
    let metadata = fs::metadata(path).map_err(|source| LoadError::Io {
        path: path.to_owned(),
        source,
    })?;
    check_metadata(path, &metadata)
}

fn check_metadata(path: &Path, metadata: &Metadata) -> Result<(), LoadError> {
    let problem = if !metadata.is_file() {
        FileProblem::NotAFile(kind(metadata))
    } else if metadata.len() > MAX_SESSION_BYTES {
        FileProblem::TooLarge {
            size: Some(metadata.len()),
        }
    } else {
        return Ok(());
    };
    Err(LoadError::File {
        path: path.to_owned(),
        problem,
    })
}

#[cfg(unix)]
fn kind(metadata: &Metadata) -> FileKind {
    use std::os::unix::fs::FileTypeExt;
    let kind = metadata.file_type();
    if kind.is_dir() {
        FileKind::Folder
    } else if kind.is_fifo() {
        FileKind::Fifo
    } else if kind.is_block_device() || kind.is_char_device() {
        FileKind::Device
    } else if kind.is_socket() {
        FileKind::Socket
    } else {
        FileKind::Other
    }
}

#[cfg(not(unix))]
fn kind(metadata: &Metadata) -> FileKind {
    if metadata.is_dir() {
        FileKind::Folder
    } else {
        FileKind::Other
    }
}

/// Reads a session file's bytes, refusing anything but a regular file of a session's
/// size.
pub fn read(path: &Path) -> Result<Vec<u8>, LoadError> {
    let io = |source| LoadError::Io {
        path: path.to_owned(),
        source,
    };
    check_file(path)?;
    let file = File::open(path).map_err(io)?;
    // Again for what was opened, in case the name changed hands in between.
    let metadata = file.metadata().map_err(io)?;
    check_metadata(path, &metadata)?;
    let mut bytes = Vec::with_capacity(usize::try_from(metadata.len()).unwrap_or(0));
    // One byte past the limit tells a file that grew (or lied about its size).
    file.take(MAX_SESSION_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(io)?;
    if bytes.len() as u64 > MAX_SESSION_BYTES {
        return Err(LoadError::File {
            path: path.to_owned(),
            problem: FileProblem::TooLarge { size: None },
        });
    }
    Ok(bytes)
}

/// The text of a session file's bytes: UTF-8, without a byte-order mark (Windows
/// Notepad writes one; it is not part of the text). Anything else is refused at the
/// line and column where the text stops being UTF-8.
pub fn decode<'b>(bytes: &'b [u8], path: &Path) -> Result<&'b str, LoadError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let at = |offset: usize, problem: FileProblem| {
        // The bytes before `offset` are UTF-8, so this is their text.
        let before = std::str::from_utf8(&bytes[..offset]).unwrap_or_default();
        let (line, column) = position(before, before.len()).unwrap_or((1, 1));
        LoadError::FileAt {
            path: path.to_owned(),
            line,
            column,
            problem,
        }
    };
    // A session starts with `(`, a space or a comment, never a zero byte: one in the
    // first two bytes is UTF-16 of ASCII text.
    let utf16_mark = bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF");
    let utf16_ascii = bytes.len() >= 2 && (bytes[0] == 0) != (bytes[1] == 0);
    if utf16_mark || utf16_ascii {
        return Err(at(0, FileProblem::Utf16));
    }
    std::str::from_utf8(bytes).map_err(|e| {
        let offset = e.valid_up_to();
        let byte = bytes.get(offset).copied().unwrap_or(0);
        let problem = match (e.error_len(), byte) {
            (None, _) => FileProblem::EndsInACharacter,
            (Some(_), 0x80..=0xBF) => FileProblem::StrayByte { byte },
            (Some(_), 0xC2..=0xF4) => FileProblem::CutCharacter { byte },
            (Some(_), _) => FileProblem::NotUtf8 { byte },
        };
        at(offset, problem)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refusal(bytes: &[u8]) -> (usize, usize, FileProblem) {
        match decode(bytes, Path::new("x.ron")) {
            Err(LoadError::FileAt {
                line,
                column,
                problem,
                ..
            }) => (line, column, problem),
            other => panic!("expected a refusal with a position, got {other:?}"),
        }
    }

    #[test]
    fn text_that_is_not_utf8_is_refused_where_it_stops_being_it() {
        let text = "(\n  title: \"論壇\",\n)\n".as_bytes();
        // 論 is E8 AB 96, at line 2, column 11.
        let start = "(\n  title: \"".len();
        assert_eq!(text[start], 0xE8);
        // A byte of 論 lost: the character is cut off where 壇 starts.
        let mut lost = text.to_vec();
        lost.remove(start + 1);
        assert_eq!(
            refusal(&lost),
            (2, 11, FileProblem::CutCharacter { byte: 0xE8 })
        );
        // The file cut inside a character.
        assert_eq!(
            refusal(&text[..start + 1]),
            (2, 11, FileProblem::EndsInACharacter)
        );
        // The first byte of 論 flipped to a continuation byte.
        let mut flipped = text.to_vec();
        flipped[start] = 0xA5;
        assert_eq!(
            refusal(&flipped),
            (2, 11, FileProblem::StrayByte { byte: 0xA5 })
        );
        let mut never = text.to_vec();
        never[2] = 0xFF;
        assert_eq!(refusal(&never), (2, 1, FileProblem::NotUtf8 { byte: 0xFF }));
    }

    #[test]
    fn utf16_is_refused_at_its_start_and_a_utf8_mark_is_read_past() {
        let utf16: Vec<u8> = "(format: 1)"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        assert_eq!(refusal(&utf16), (1, 1, FileProblem::Utf16));
        let with_mark = [&[0xFF, 0xFE][..], &utf16].concat();
        assert_eq!(refusal(&with_mark), (1, 1, FileProblem::Utf16));
        let big_endian: Vec<u8> = "(".encode_utf16().flat_map(u16::to_be_bytes).collect();
        assert_eq!(refusal(&big_endian), (1, 1, FileProblem::Utf16));
        assert_eq!(
            decode(b"\xEF\xBB\xBF(format: 1)", Path::new("x.ron")).expect("UTF-8"),
            "(format: 1)"
        );
    }
}
