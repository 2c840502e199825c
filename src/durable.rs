//! Writing a whole file so that a crash, a full disk or a pulled plug leaves either the
//! old file or the new one, never a mix: a temporary file beside it, written, synced,
//! renamed over it, and the folder synced (`atomic-write-file`). The session file, the
//! note-taker's outbox and every output of the commands are written this way.
//!
//! A symbolic link is written through: the file it points to is replaced, with that
//! file's permissions, and the link stays a link. (`atomic-write-file` alone would
//! replace the link itself with a regular file carrying the link's mode, 0777, and
//! leave the real file as it was.)

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use atomic_write_file::AtomicWriteFile;

/// Writes `bytes` to `path` atomically and durably, through any symbolic link.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut file = AtomicWriteFile::open(real_path(path)?)?;
    file.write_all(bytes)?;
    file.commit()
}

/// The file that writing `path` changes, as one absolute path with every symbolic link
/// resolved, in its folders and in its own name: `./F`, `/abs/F`, a link to F and F
/// reached through a linked folder all give the same path. A file that does not exist
/// yet is its real folder and its name (a dangling link, the name it points to).
pub fn real_path(path: &Path) -> io::Result<PathBuf> {
    // As many links as the OS follows in one path (Linux's MAXSYMLINKS).
    const MAX_LINKS: usize = 40;
    let mut path = path.to_owned();
    for _ in 0..MAX_LINKS {
        match fs::canonicalize(&path) {
            Ok(real) => return Ok(real),
            Err(e) if e.kind() == io::ErrorKind::NotFound => {}
            Err(e) => return Err(e),
        }
        let folder = match path.parent() {
            Some(folder) if !folder.as_os_str().is_empty() => folder.to_owned(),
            _ => PathBuf::from("."),
        };
        match fs::read_link(&path) {
            // A link to a file that is not there (yet): follow it by hand.
            Ok(target) => path = folder.join(target),
            // Not there at all: its folder must be.
            Err(_) => {
                let name = path.file_name().ok_or_else(|| {
                    io::Error::new(io::ErrorKind::InvalidInput, "the path names no file")
                })?;
                return Ok(fs::canonicalize(folder)?.join(name));
            }
        }
    }
    Err(io::Error::new(
        io::ErrorKind::InvalidInput,
        "too many levels of symbolic links",
    ))
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::{PermissionsExt, symlink};

    fn mode(path: &Path) -> u32 {
        fs::metadata(path).expect("metadata").permissions().mode() & 0o7777
    }

    #[test]
    fn a_write_through_a_link_replaces_the_target_and_keeps_its_mode_and_the_link() {
        let dir = tempfile::tempdir().expect("a temp dir");
        let real = dir.path().join("real.ron");
        fs::write(&real, "old").expect("writes");
        fs::set_permissions(&real, fs::Permissions::from_mode(0o640)).expect("chmod");
        let link = dir.path().join("link.ron");
        symlink("real.ron", &link).expect("a link");

        write_atomically(&link, b"new").expect("writes through the link");

        assert!(
            fs::symlink_metadata(&link)
                .expect("the link")
                .file_type()
                .is_symlink(),
            "the link is still a link"
        );
        assert_eq!(fs::read(&real).expect("the target"), b"new");
        assert_eq!(mode(&real), 0o640, "the target keeps its permissions");
    }

    #[test]
    fn every_spelling_of_a_file_resolves_to_one_path() {
        let dir = tempfile::tempdir().expect("a temp dir");
        let folder = dir.path().join("meetings");
        fs::create_dir(&folder).expect("a folder");
        let real = folder.join("forum.ron");
        fs::write(&real, "x").expect("writes");
        symlink(&folder, dir.path().join("linked-folder")).expect("a folder link");
        symlink("forum.ron", folder.join("link.ron")).expect("a link");
        let expected = real_path(&real).expect("resolves");
        assert!(expected.is_absolute());
        for spelling in [
            folder.join("./forum.ron"),
            folder.join("../meetings/forum.ron"),
            folder.join("link.ron"),
            dir.path().join("linked-folder/forum.ron"),
            dir.path().join("linked-folder/link.ron"),
        ] {
            assert_eq!(
                real_path(&spelling).expect("resolves"),
                expected,
                "{}",
                spelling.display()
            );
        }
        // A file not there yet: its real folder and its name; a dangling link: its target.
        let missing = dir.path().join("linked-folder/next.ron");
        assert_eq!(
            real_path(&missing).expect("resolves"),
            expected.with_file_name("next.ron")
        );
        symlink("later.ron", folder.join("dangling.ron")).expect("a link");
        assert_eq!(
            real_path(&folder.join("dangling.ron")).expect("resolves"),
            expected.with_file_name("later.ron")
        );
    }
}
