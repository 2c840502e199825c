//! Why a session file was not opened or not saved, in both languages: a file that is
//! not a file, too large, not UTF-8 or with a second name; a screen without a
//! terminal; a save that ended in a rescue copy. The store and the commands say which
//! (`store::FileProblem`, `LockError`, `CliError`); the English is their `Display`.

use crate::domain::Lang;

use super::super::{Label, l};

/// What a path names when it is not a file to read.
pub const FOLDER: Label = l(
    "這是資料夾，不是會議檔；請指名其中的會議檔，例如",
    "a folder, not a session file; name the session file in it, e.g.",
);
pub const FIFO: Label = l(
    "這是具名管道（FIFO），不是會議檔：讀取會一直等待寫入的一方；請指名會議檔本身",
    "a named pipe (FIFO), not a session file: reading it would wait for whatever writes to it; name the session file itself",
);
pub const DEVICE: Label = l(
    "這是裝置檔，不是會議檔：可能永遠讀不完；請指名會議檔本身",
    "a device, not a session file: reading it might never end; name the session file itself",
);
pub const SOCKET: Label = l(
    "這是 socket，不是會議檔；請指名會議檔本身",
    "a socket, not a session file; name the session file itself",
);
pub const NOT_A_FILE: Label = l(
    "不是一般檔案；請指名會議檔本身",
    "not a regular file; name the session file itself",
);

/// A file larger than a session can be; `size` when the system said it.
pub fn too_large(size: Option<u64>, limit: u64, lang: Lang) -> String {
    let (size, limit) = (size.map(bytes), bytes(limit));
    match (lang, size) {
        (Lang::ZhTw, Some(size)) => format!(
            "檔案大小 {size}，超過會議檔的上限 {limit}：是正確的檔案嗎？兩萬則紀錄的會議約 10 MB"
        ),
        (Lang::ZhTw, None) => {
            format!("檔案超過會議檔的上限 {limit}：是正確的檔案嗎？兩萬則紀錄的會議約 10 MB")
        }
        (Lang::En, Some(size)) => format!(
            "the file is {size}, more than a session file may be ({limit}): is it the right file? A meeting of 20,000 notes is about 10 MB"
        ),
        (Lang::En, None) => format!(
            "the file is more than a session file may be ({limit}): is it the right file? A meeting of 20,000 notes is about 10 MB"
        ),
    }
}

/// A size as a person reads it: 64 MiB, 2.0 GiB.
fn bytes(n: u64) -> String {
    const MIB: u64 = 1 << 20;
    const GIB: u64 = 1 << 30;
    if n >= GIB {
        format!("{:.1} GiB", n as f64 / GIB as f64)
    } else if n.is_multiple_of(MIB) {
        format!("{} MiB", n / MIB)
    } else {
        format!("{:.1} MiB", n as f64 / MIB as f64)
    }
}

pub const UTF16: Label = l(
    "檔案為 UTF-16 編碼，會議檔須為 UTF-8：請在編輯器「另存新檔」時選擇 UTF-8 編碼",
    "the file is UTF-16 text, and a session file is UTF-8: save it again choosing the encoding UTF-8 (in the editor's Save As)",
);

/// What to do about a file that is not UTF-8.
const DAMAGED: Label = l(
    "檔案已損壞，或不是 UTF-8 編碼（例如 Big5）；請從備份還原，或以 UTF-8 另存",
    "the file is damaged, or not UTF-8 (Big5, say); restore it from a backup, or save it as UTF-8",
);

/// A character whose first byte is here and whose next bytes are missing.
pub fn cut_character(byte: u8, lang: Lang) -> String {
    match lang {
        Lang::ZhTw => format!("以位元組 0x{byte:02X} 開頭的字元在此被截斷：{}", DAMAGED.zh),
        Lang::En => format!(
            "the character that starts with byte 0x{byte:02X} is cut off here: {}",
            DAMAGED.en
        ),
    }
}

/// The middle of a character whose start is missing.
pub fn stray_byte(byte: u8, lang: Lang) -> String {
    match lang {
        Lang::ZhTw => format!(
            "位元組 0x{byte:02X} 是某個字元的後半，前半卻不見了：{}",
            DAMAGED.zh
        ),
        Lang::En => format!(
            "byte 0x{byte:02X} continues a character that never started: {}",
            DAMAGED.en
        ),
    }
}

/// A byte UTF-8 never uses.
pub fn not_utf8(byte: u8, lang: Lang) -> String {
    match lang {
        Lang::ZhTw => format!(
            "位元組 0x{byte:02X} 不會出現在 UTF-8 文字中：{}",
            DAMAGED.zh
        ),
        Lang::En => format!(
            "byte 0x{byte:02X} never appears in UTF-8 text: {}",
            DAMAGED.en
        ),
    }
}

pub const ENDS_IN_A_CHARACTER: Label = l(
    "檔案結束在一個字元的中間：檔案不完整（複製或儲存中斷？）；請從備份還原",
    "the file ends in the middle of a character: it was cut short (an interrupted copy?); restore it from a backup",
);

/// A session with `links` names; follows the path.
pub fn hard_links(links: u64, lang: Lang) -> String {
    match lang {
        Lang::ZhTw => format!(
            "有 {links} 個名稱（硬連結）：儲存時新檔會取代它，其他名稱就留在舊的會議內容，另一個 Roundtable 也可能經由其他名稱同時開啟；請改開一份複本，或刪除其他名稱"
        ),
        Lang::En => format!(
            "has {links} names (hard links): a save puts a new file in its place, so the other names would keep the old meeting, and a second Roundtable could open it under another name; open a copy instead, or remove the other names"
        ),
    }
}

/// `open` or `demo` where input or output is not a terminal.
pub fn no_terminal(command: &str, lang: Lang) -> String {
    match lang {
        Lang::ZhTw => format!(
            "會議畫面需要終端機，而這裡 `roundtable {command}` 的輸入或輸出不是終端機；請在終端機視窗中執行（不開畫面檢查檔案：roundtable check 檔案）"
        ),
        Lang::En => format!(
            "the meeting's screen needs a terminal, and here the input or output of `roundtable {command}` is not one; run it in a terminal window (to check a file without a screen: roundtable check FILE)"
        ),
    }
}

/// A file whose last write a crash cut short, read without the unfinished event.
pub fn torn_event(path: &str, line: usize, bytes: usize, preview: &str, lang: Lang) -> String {
    match lang {
        Lang::ZhTw => format!(
            "{path} 最後一次寫入被中斷（當機或斷電）：第 {line} 行起未寫完的一筆（{bytes} 位元組：{preview}）從未存妥，已略去；在它之前的紀錄都完整"
        ),
        Lang::En => format!(
            "{path}: its last write was cut short (a crash or power loss): the unfinished entry from line {line} ({bytes} bytes: {preview}) was never saved and is left out; everything before it is intact"
        ),
    }
}

/// A file whose log's close a crash cut short: nothing of the meeting is lost.
pub fn torn_close(path: &str, lang: Lang) -> String {
    match lang {
        Lang::ZhTw => format!("{path} 最後一次寫入被中斷：檔案的結尾已補上，沒有遺失任何紀錄"),
        Lang::En => format!(
            "{path}: its last write was cut short: the file's closing lines are restored; nothing is lost"
        ),
    }
}

/// Where the unfinished entry a repair left out was kept.
pub fn torn_kept(kept: &str, lang: Lang) -> String {
    match lang {
        Lang::ZhTw => format!("未寫完的內容另存於 {kept}"),
        Lang::En => format!("the unfinished entry is kept in {kept}"),
    }
}

/// The screen closed and the session went to a rescue copy, since its file could not
/// be written.
pub fn rescued(path: &str, why: &str, rescue: &str, lang: Lang) -> String {
    match lang {
        Lang::ZhTw => format!(
            "無法儲存 {path}（{why}）；全部內容已存入救援副本 {rescue}：排除問題後以 roundtable open {rescue} 繼續"
        ),
        Lang::En => format!(
            "{path} could not be saved ({why}); everything is in the rescue copy {rescue}: once the problem is fixed, go on with roundtable open {rescue}"
        ),
    }
}

/// Neither the file nor a rescue copy could be written.
pub fn not_rescued(path: &str, why: &str, error: &str, lang: Lang) -> String {
    match lang {
        Lang::ZhTw => format!(
            "無法儲存 {path}（{why}），也無法在旁邊或暫存資料夾寫入救援副本（{error}）：上次儲存後的變更已遺失"
        ),
        Lang::En => format!(
            "{path} could not be saved ({why}), nor could a rescue copy beside it or in the temporary folder ({error}): the changes since the last save are lost"
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_read_as_a_person_reads_them() {
        assert_eq!(bytes(64 << 20), "64 MiB");
        assert_eq!(bytes(3 << 29), "1.5 GiB");
        assert_eq!(bytes((64 << 20) + (1 << 19)), "64.5 MiB");
        assert!(too_large(Some(2 << 30), 64 << 20, Lang::En).contains("2.0 GiB"));
        assert!(too_large(None, 64 << 20, Lang::ZhTw).contains("64 MiB"));
    }
}
