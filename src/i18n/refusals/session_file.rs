//! Why a session file was not opened, in both languages. The store says which
//! (`LockError`); the English is its `Display`.

use crate::domain::Lang;

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
