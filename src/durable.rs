//! Writing a whole file so that a crash, a full disk or a pulled plug leaves either the
//! old file or the new one, never a mix: a temporary file beside it, written, synced,
//! renamed over it, and the folder synced (`atomic-write-file`). The session file, the
//! note-taker's outbox and every output of the commands are written this way.

use std::io::{self, Write};
use std::path::Path;

use atomic_write_file::AtomicWriteFile;

/// Writes `bytes` to `path` atomically and durably.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut file = AtomicWriteFile::open(path)?;
    file.write_all(bytes)?;
    file.commit()
}
