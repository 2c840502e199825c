//! After the meeting: a saved session turned into the minutes (Markdown, HTML, ODT, in
//! Chinese, English or both), the sign-in sheet, the verbatim transcript, the
//! translation worksheet and the commitment table's participants. Pure functions of a
//! loaded session; only `commands` touches files.
