//! The HTML stepper: one self-contained page (`stepper.html`) with the JSON trace embedded.
//!
//! The page needs no network: its CSS and script are inline, and the trace is
//! the JSON of `json.rs` inside a `<script type="application/json">` element.
//! Every `<` in that JSON is written `\u003c` (it can only occur inside JSON
//! strings), so no program text can close the element early. The page opens at
//! the step named by its URL fragment (`#step=12`), which is how the browser
//! test asks for a step.

use super::Trace;

/// The page, with `/*TRACE_JSON*/` where the trace goes.
const PAGE: &str = include_str!("stepper.html");

/// Renders the stepper page for `trace`.
pub fn render(trace: &Trace) -> String {
    let json = super::json::render(trace).replace('<', "\\u003c");
    PAGE.replacen("/*TRACE_JSON*/", json.trim_end(), 1)
}
