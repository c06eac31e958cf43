//! The JSON trace (`docs/trace-format.md`): a header object with one event per line, so diffs stay readable.

use serde::Serialize;

use super::{Focus, Trace, TraceEvent};

/// The header fields, in output order (everything but the events and the source).
#[derive(Serialize)]
struct Header<'a> {
    version: u32,
    file: &'a str,
    seed: u64,
    exit_code: i32,
    n_emitted: u64,
    max_events: usize,
    truncated: bool,
    focus: Focus,
    source: &'a str,
}

/// Renders `trace` as JSON. The same trace always gives the same bytes: field
/// order is fixed by the structs, and nothing depends on a hash order or a clock.
pub fn render(trace: &Trace) -> String {
    let header = Header {
        version: trace.version,
        file: &trace.file,
        seed: trace.seed,
        exit_code: trace.exit_code,
        n_emitted: trace.n_emitted,
        max_events: trace.max_events,
        truncated: trace.truncated,
        focus: trace.focus,
        source: &trace.source,
    };
    let head = to_json(&header);
    // `head` is `{...}`: reopen it to append the events array.
    let mut out = String::with_capacity(head.len() + trace.events.len() * 96);
    out.push_str(&head[..head.len() - 1]);
    out.push_str(",\"events\":[");
    for (i, ev) in trace.events.iter().enumerate() {
        out.push_str(if i == 0 { "\n" } else { ",\n" });
        out.push_str(&event_json(ev));
    }
    out.push_str("\n]}\n");
    out
}

/// One event as a single-line JSON object.
pub fn event_json(ev: &TraceEvent) -> String {
    to_json(ev)
}

fn to_json<T: Serialize>(v: &T) -> String {
    // Serializing these plain structs of strings and numbers cannot fail; should
    // it ever, the trace says so instead of panicking.
    serde_json::to_string(v).unwrap_or_else(|e| format!("{{\"error\":{:?}}}", e.to_string()))
}
