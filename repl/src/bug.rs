//! Rust panics are gomini bugs (STYLE.md, errors channel c): how their text is taken for the report.

/// The panic's message, `&str` or `String` payload, or empty.
pub fn payload_text(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_default()
}

/// What a panic hook reports: the message and the Rust source location.
pub fn describe(info: &std::panic::PanicHookInfo<'_>) -> String {
    let at = info
        .location()
        .map(|l| format!(" at {}:{}", l.file(), l.line()))
        .unwrap_or_default();
    format!("{}{at}", payload_text(info.payload()))
}
