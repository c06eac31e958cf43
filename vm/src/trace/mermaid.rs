//! Mermaid diagrams of a trace: a `sequenceDiagram` of the whole run and a `flowchart` of one function's defer chain.
//!
//! The output is Markdown with one fenced ```` ```mermaid ```` block per diagram, which
//! GitHub and most editors render in place; each block's content can also be
//! pasted into any Mermaid renderer. These are the pictures the article draws by
//! hand, drawn from the real execution.
//!
//! Labels are escaped with Mermaid's entity codes (`#35;` for `#`, `#59;` for
//! `;` and so on), so no program value can break a diagram's syntax.

use std::fmt::Write;

use super::{EventKind, Trace, TraceEvent};

/// At most this many events become messages; the rest is summarised in a note.
pub const MAX_MESSAGES: usize = 400;

/// Renders both diagrams as Markdown.
pub fn render(trace: &Trace) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# gomini trace of {}\n", trace.file);
    let _ = writeln!(out, "## Sequence (goroutines as participants)\n");
    let _ = writeln!(out, "```mermaid\n{}```\n", sequence(trace));
    if let Some((func, chart)) = defer_flowchart(trace) {
        let _ = writeln!(out, "## The defer chain of {func}\n");
        let _ = writeln!(out, "```mermaid\n{chart}```");
    }
    out
}

/// The `sequenceDiagram`: one participant per goroutine; calls and returns as
/// self-messages, `go` as a message to the new goroutine, defers, panics and
/// recovers as notes.
pub fn sequence(trace: &Trace) -> String {
    let mut out = String::from("sequenceDiagram\n");
    let mut goroutines: Vec<u64> = Vec::new();
    for ev in &trace.events {
        // Switches and wake-ups draw arrows to goroutines that may have no event of their own here.
        let others = match &ev.kind {
            EventKind::Switch { from, to, .. } => [*from, Some(*to)],
            EventKind::GoroutineWoken { by, .. } => [(*by != 0).then_some(*by), None],
            _ => [None, None],
        };
        for g in std::iter::once(ev.goroutine).chain(others.into_iter().flatten()) {
            if !goroutines.contains(&g) {
                goroutines.push(g);
            }
        }
    }
    if goroutines.is_empty() {
        goroutines.push(1);
    }
    for g in &goroutines {
        let name = if *g == 0 {
            "scheduler".to_string()
        } else {
            format!("goroutine {g}")
        };
        let _ = writeln!(
            out,
            "    participant {} as {}",
            participant(*g),
            escape(&name)
        );
    }
    let mut shown = 0;
    let mut events = trace.events.iter().peekable();
    while let Some(ev) = events.next() {
        if shown == MAX_MESSAGES {
            let _ = writeln!(
                out,
                "    Note over {}: {} more events: see the text or HTML trace",
                participant(goroutines[0]),
                trace.events.len() - shown
            );
            break;
        }
        // A send handed straight to a waiting receiver is emitted as the send
        // followed by that receive: one arrow from sender to receiver.
        if let Some(line) = events.peek().and_then(|next| hand_off(ev, next)) {
            events.next();
            out.push_str("    ");
            out.push_str(&line);
            out.push('\n');
            shown += 1;
            continue;
        }
        if let Some(line) = message(ev) {
            out.push_str("    ");
            out.push_str(&line);
            out.push('\n');
            shown += 1;
        }
    }
    if let Some(note) = trace.truncation_note() {
        let _ = writeln!(
            out,
            "    Note over {}: {}",
            participant(goroutines[0]),
            escape(&note)
        );
    }
    out
}

fn participant(g: u64) -> String {
    if g == 0 {
        "S".into()
    } else {
        format!("G{g}")
    }
}

/// `send` then `recv` as one message arrow labelled with the value, when they
/// are a hand-off: the same channel and value, another goroutine receiving.
fn hand_off(send: &TraceEvent, recv: &TraceEvent) -> Option<String> {
    match (&send.kind, &recv.kind) {
        (
            EventKind::ChanSend { chan, value, .. },
            EventKind::ChanRecv {
                chan: recv_chan,
                value: recv_value,
                ok: true,
                ..
            },
        ) if chan == recv_chan && value == recv_value && send.goroutine != recv.goroutine => {
            Some(format!(
                "{}->>{}: {}",
                participant(send.goroutine),
                participant(recv.goroutine),
                escape(&format!("{value} via chan #{chan}"))
            ))
        }
        _ => None,
    }
}

/// One event as a diagram line, or `None` for events the diagram leaves out.
fn message(ev: &TraceEvent) -> Option<String> {
    let p = participant(ev.goroutine);
    let line = match &ev.kind {
        EventKind::Call { func, .. } => format!("{p}->>{p}: {}", escape(&format!("call {func}"))),
        EventKind::Return { func, results, .. } => {
            let text = if results.is_empty() {
                format!("{func} returns")
            } else {
                format!("{func} returns {}", results.join(", "))
            };
            format!("{p}-->>{p}: {}", escape(&text))
        }
        EventKind::DeferPushed { callee, args, .. } => format!(
            "Note over {p}: {}",
            escape(&format!("defer {callee}({}) pushed", args.join(", ")))
        ),
        EventKind::DeferStarted {
            callee, panicking, ..
        } => format!(
            "Note over {p}: {}",
            escape(&format!(
                "deferred {callee} runs{}",
                if *panicking { " (panicking)" } else { "" }
            ))
        ),
        EventKind::ResultChanged {
            name,
            before,
            after,
            ..
        } => format!(
            "Note over {p}: {}",
            escape(&format!("{name}: {before} → {after}"))
        ),
        EventKind::Panic { value } => {
            format!("Note over {p}: {}", escape(&format!("panic: {value}")))
        }
        EventKind::PanicReplaced { value, replaced } => format!(
            "Note over {p}: {}",
            escape(&format!("panic: {value} replaces panic: {replaced}"))
        ),
        EventKind::Recover { value } => {
            format!("Note over {p}: {}", escape(&format!("recover() = {value}")))
        }
        EventKind::Unwound { func, .. } => {
            format!("Note over {p}: {}", escape(&format!("{func} unwound")))
        }
        EventKind::GoroutineCreated { parent } => format!(
            "{}->>{p}: {}",
            participant(*parent),
            escape(&format!("go (goroutine {})", ev.goroutine))
        ),
        EventKind::GoroutineBlocked { reason } => {
            format!("Note over {p}: {}", escape(&format!("blocked: {reason}")))
        }
        EventKind::GoroutineExited => format!("Note over {p}: exited"),
        EventKind::ChanSend { .. } | EventKind::ChanRecv { .. } => format!(
            "Note over {p}: {}",
            escape(&super::chan_text(&ev.kind).unwrap_or_default())
        ),
        EventKind::ChanClose { chan } => {
            format!("Note over {p}: {}", escape(&format!("close chan #{chan}")))
        }
        // The waker's dashed arrow to the goroutine it woke; a timer's as a note.
        EventKind::GoroutineWoken { reason, by } => match *by {
            0 => format!("Note over {p}: {}", escape(&format!("woken: {reason}"))),
            by => format!(
                "{}-->>{p}: {}",
                participant(by),
                escape(&format!("woken: {reason}"))
            ),
        },
        // A switch between two goroutines: a dashed arrow from the one that
        // stopped to the one that runs; the first turn and a goroutine chosen
        // again after its own turn change nothing in the picture.
        EventKind::Switch {
            from: Some(from),
            to,
            ..
        } if from != to => format!(
            "{}-->>{}: {}",
            participant(*from),
            participant(*to),
            escape(&super::switch_text(&ev.kind).unwrap_or_default())
        ),
        EventKind::DeferFinished { .. }
        | EventKind::SchedDecision { .. }
        | EventKind::Switch { .. }
        | EventKind::Lock { .. }
        | EventKind::Unlock { .. } => return None,
    };
    Some(line)
}

/// The flowchart of the first activation of the function that pushed the most
/// defers: its defers pushed, the return, each deferred call run LIFO, result
/// changes, panics and recovers, then its return or unwinding.
pub fn defer_flowchart(trace: &Trace) -> Option<(String, String)> {
    let mut counts: Vec<(String, usize)> = Vec::new();
    for ev in &trace.events {
        if let EventKind::DeferPushed { func, .. } = &ev.kind {
            match counts.iter_mut().find(|(f, _)| f == func) {
                Some((_, n)) => *n += 1,
                None => counts.push((func.clone(), 1)),
            }
        }
    }
    // The most defers; the first seen among equals (stable, deterministic).
    let func = counts
        .iter()
        .fold(None::<&(String, usize)>, |best, c| match best {
            Some(b) if b.1 >= c.1 => Some(b),
            _ => Some(c),
        })?
        .0
        .clone();
    let start = trace
        .events
        .iter()
        .position(|e| matches!(&e.kind, EventKind::Call { func: f, .. } if *f == func))?;
    let (g, depth) = match &trace.events[start].kind {
        EventKind::Call { depth, .. } => (trace.events[start].goroutine, *depth),
        _ => return None,
    };
    let mut labels = vec![format!("call {func}")];
    for ev in &trace.events[start + 1..] {
        if ev.goroutine != g {
            continue;
        }
        let label = match &ev.kind {
            EventKind::DeferPushed {
                func: f,
                callee,
                args,
            } if *f == func => {
                format!("defer {callee}({}) pushed", args.join(", "))
            }
            EventKind::DeferStarted {
                func: f,
                callee,
                panicking,
                results,
            } if *f == func => {
                let mut s = format!(
                    "deferred {callee} runs{}",
                    if *panicking { " (panicking)" } else { "" }
                );
                for r in results {
                    let _ = write!(s, ", {} = {}", r.name, r.value);
                }
                s
            }
            EventKind::ResultChanged {
                func: f,
                name,
                before,
                after,
            } if *f == func => format!("{name}: {before} → {after}"),
            EventKind::Panic { value } => format!("panic: {value}"),
            EventKind::PanicReplaced { value, replaced } => {
                format!("panic: {value} replaces panic: {replaced}")
            }
            EventKind::Recover { value } => format!("recover() = {value}"),
            EventKind::Return {
                func: f,
                depth: d,
                results,
            } if *f == func && d + 1 == depth => {
                labels.push(format!("{func} returns {}", results.join(", ")));
                break;
            }
            EventKind::Unwound { func: f, depth: d } if *f == func && d + 1 == depth => {
                labels.push(format!("{func} unwound by the panic"));
                break;
            }
            _ => continue,
        };
        labels.push(label);
        if labels.len() >= 60 {
            labels.push("...".into());
            break;
        }
    }
    let mut out = String::from("flowchart TD\n");
    for (i, label) in labels.iter().enumerate() {
        let shape = if label.starts_with("panic") {
            ("{{\"", "\"}}")
        } else if label.starts_with("defer ") {
            ("[/\"", "\"/]")
        } else if label.contains(" → ") || label.starts_with("recover") {
            ("([\"", "\"])")
        } else {
            ("[\"", "\"]")
        };
        let _ = writeln!(out, "    n{i}{}{}{}", shape.0, escape(label), shape.1);
    }
    for i in 1..labels.len() {
        let _ = writeln!(out, "    n{} --> n{i}", i - 1);
    }
    Some((func, out))
}

/// Escapes a label with Mermaid entity codes; newlines become spaces.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '#' => out.push_str("#35;"),
            ';' => out.push_str("#59;"),
            '"' => out.push_str("#quot;"),
            '<' => out.push_str("#lt;"),
            '>' => out.push_str("#gt;"),
            '%' => out.push_str("#37;"),
            '\n' | '\r' | '\t' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// A structural check of one diagram as `render` writes it, for tests (the
/// Mermaid CLI needs a browser download, which CI cannot do): the header, then
/// only line shapes of the Mermaid grammar, every participant or node declared
/// before use, and no unescaped character that would end a statement or start
/// a comment.
pub fn check(diagram: &str) -> Result<(), String> {
    let mut lines = diagram.lines();
    let header = lines.next().unwrap_or_default();
    let is_ident =
        |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
    let mut declared: Vec<String> = Vec::new();
    for (n, raw) in lines.enumerate() {
        let line = raw.trim();
        let bad = |why: &str| Err(format!("line {}: {why}: {raw:?}", n + 2));
        if line.is_empty() {
            continue;
        }
        let plain = without_entities(line);
        if plain.contains(';') || plain.contains("%%") || plain.contains('#') {
            return bad("unescaped ';', '#' or '%%'");
        }
        match header {
            "sequenceDiagram" => {
                if let Some(rest) = line.strip_prefix("participant ") {
                    let Some((id, label)) = rest.split_once(" as ") else {
                        return bad("participant without `as`");
                    };
                    if !is_ident(id) || label.trim().is_empty() {
                        return bad("bad participant");
                    }
                    declared.push(id.to_string());
                } else if let Some(rest) = line.strip_prefix("Note over ") {
                    let Some((who, text)) = rest.split_once(": ") else {
                        return bad("note without text");
                    };
                    if !declared.iter().any(|d| d == who) || text.trim().is_empty() {
                        return bad("note over an undeclared participant");
                    }
                } else {
                    let Some((arrow, text)) = line.split_once(": ") else {
                        return bad("not a participant, note or message");
                    };
                    let Some((from, to)) =
                        arrow.split_once("-->>").or_else(|| arrow.split_once("->>"))
                    else {
                        return bad("message without ->> or -->>");
                    };
                    let known = |p: &str| declared.iter().any(|d| d == p);
                    if !known(from) || !known(to) || text.trim().is_empty() {
                        return bad("message between undeclared participants");
                    }
                }
            }
            "flowchart TD" => {
                if let Some((from, to)) = line.split_once(" --> ") {
                    let known = |p: &str| declared.iter().any(|d| d == p);
                    if !known(from) || !known(to) {
                        return bad("edge between undeclared nodes");
                    }
                } else {
                    let id_end = line
                        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                        .unwrap_or(line.len());
                    let (id, shape) = line.split_at(id_end);
                    let shapes = [
                        ("[\"", "\"]"),
                        ("[/\"", "\"/]"),
                        ("([\"", "\"])"),
                        ("{{\"", "\"}}"),
                    ];
                    let Some((open, close)) = shapes
                        .iter()
                        .find(|(o, c)| shape.starts_with(o) && shape.ends_with(c))
                    else {
                        return bad("node without a known shape");
                    };
                    let label = &shape[open.len()..shape.len() - close.len()];
                    if !is_ident(id) || label.contains('"') {
                        return bad("bad node");
                    }
                    declared.push(id.to_string());
                }
            }
            other => return Err(format!("unknown diagram type {other:?}")),
        }
    }
    Ok(())
}

/// `line` with Mermaid entity codes (`#59;`, `#quot;`) left out.
fn without_entities(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    while let Some(i) = rest.find('#') {
        out.push_str(&rest[..i]);
        let after = &rest[i + 1..];
        let n = after
            .find(|c: char| !c.is_ascii_alphanumeric())
            .unwrap_or(after.len());
        if n > 0 && after[n..].starts_with(';') {
            rest = &after[n + 1..];
        } else {
            out.push('#');
            rest = after;
        }
    }
    out.push_str(rest);
    out
}

/// The diagrams inside `render`'s Markdown, in order.
pub fn blocks(markdown: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current: Option<String> = None;
    for line in markdown.lines() {
        match (&mut current, line) {
            (None, "```mermaid") => current = Some(String::new()),
            (Some(_), "```") => out.extend(current.take()),
            (Some(block), line) => {
                block.push_str(line);
                block.push('\n');
            }
            (None, _) => {}
        }
    }
    out
}
