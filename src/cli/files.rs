//! File helpers the commands share.

use std::fs::{self, OpenOptions};
use std::io;
use std::path::Path;

use super::CliError;

/// Writes a new file with `bytes`, refusing if `path` exists. The name is claimed
/// first (create-new, so not even a race overwrites a file), then the content is
/// written atomically and durably like every save; on failure nothing is left behind.
pub fn write_new_file(path: &Path, bytes: &[u8]) -> Result<(), CliError> {
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        fs::create_dir_all(parent).map_err(|source| CliError::Io {
            action: "create the folder",
            path: parent.to_owned(),
            source,
        })?;
    }
    match OpenOptions::new().write(true).create_new(true).open(path) {
        Ok(_) => {}
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
            return Err(CliError::Exists {
                path: path.to_owned(),
            });
        }
        Err(source) => {
            return Err(CliError::Io {
                action: "create",
                path: path.to_owned(),
                source,
            });
        }
    }
    crate::durable::write_atomically(path, bytes).map_err(|source| {
        let _ = fs::remove_file(path);
        CliError::Io {
            action: "write",
            path: path.to_owned(),
            source,
        }
    })
}

/// A session file named on the command line must exist, and be a file a session can
/// be read from (not a folder, a FIFO or a device); say how to make one if it is not
/// there.
pub fn require_file(path: &Path) -> Result<(), CliError> {
    if !path.exists() {
        return Err(CliError::NotFound {
            path: path.to_owned(),
        });
    }
    crate::store::check_file(path)?;
    Ok(())
}

/// Reads a session for a command that does not write it: a file whose last write a
/// crash cut short is read without the unfinished end, and the command says so on
/// standard error before going on.
pub fn load_session(path: &Path) -> Result<crate::domain::Meeting, crate::store::LoadError> {
    let opened = crate::store::read(path)?;
    if let Some(repair) = &opened.repaired {
        super::print_err(&format!(
            "warning: {}\n",
            repair.words(path, crate::domain::Lang::En)
        ));
    }
    Ok(opened.meeting)
}

/// A path as the user would type it in a shell, for the "next, run …" hints.
pub fn shell_word(path: &Path) -> String {
    let text = path.display().to_string();
    let plain = text
        .chars()
        .all(|c| c.is_alphanumeric() || "/._-+,:@%".contains(c));
    if plain && !text.is_empty() {
        text
    } else {
        format!("'{}'", text.replace('\'', r"'\''"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shell_words_quote_only_when_needed() {
        assert_eq!(
            shell_word(Path::new("sessions/第3次.ron")),
            "sessions/第3次.ron"
        );
        assert_eq!(shell_word(Path::new("my forum.ron")), "'my forum.ron'");
        assert_eq!(shell_word(Path::new("it's.ron")), r"'it'\''s.ron'");
    }

    #[test]
    fn a_new_file_never_replaces_an_old_one() {
        let dir = tempfile::tempdir().expect("a temp dir");
        let path = dir.path().join("nested/forum.ron");
        write_new_file(&path, b"first").expect("created with its folder");
        let error = write_new_file(&path, b"second").expect_err("exists");
        assert!(matches!(error, CliError::Exists { .. }), "{error}");
        assert_eq!(fs::read(&path).expect("readable"), b"first");
    }
}
