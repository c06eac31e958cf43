//! Renderer tests on hand-built event sequences (the end-to-end goldens live in `repl/tests/trace.rs`).

use super::*;

fn ev(step: u64, goroutine: u64, line: Option<u32>, kind: EventKind) -> TraceEvent {
    TraceEvent {
        step,
        time_ns: 0,
        goroutine,
        line,
        kind,
    }
}

/// A trace of `events` as a run of `file` with `seed` collects them, uncut.
fn whole_trace(file: &str, seed: u64, events: Vec<TraceEvent>) -> Trace {
    Trace::new(
        file,
        "package main\n",
        seed,
        0,
        Focus::All,
        DEFAULT_MAX_EVENTS,
        Collected {
            n_emitted: events.len() as u64,
            events,
            cut: false,
        },
    )
}

/// `func f() (r int) { defer func() { r++ }(); return 5 }` called from main, by hand.
fn named_result() -> Trace {
    use EventKind as K;
    let s = |x: &str| x.to_string();
    let events = vec![
        ev(
            0,
            1,
            Some(9),
            K::Call {
                func: s("main.main"),
                depth: 1,
            },
        ),
        ev(
            1,
            1,
            Some(3),
            K::Call {
                func: s("main.f"),
                depth: 2,
            },
        ),
        ev(
            2,
            1,
            Some(4),
            K::DeferPushed {
                func: s("main.f"),
                callee: s("main.f.func1"),
                args: vec![],
            },
        ),
        ev(
            3,
            1,
            Some(4),
            K::DeferStarted {
                func: s("main.f"),
                callee: s("main.f.func1"),
                panicking: false,
                results: vec![NamedResult {
                    name: s("r"),
                    value: s("5"),
                }],
            },
        ),
        ev(
            4,
            1,
            Some(4),
            K::Call {
                func: s("main.f.func1"),
                depth: 3,
            },
        ),
        ev(
            5,
            1,
            Some(4),
            K::Return {
                func: s("main.f.func1"),
                depth: 2,
                results: vec![],
            },
        ),
        ev(
            6,
            1,
            Some(4),
            K::DeferFinished {
                func: s("main.f"),
                callee: s("main.f.func1"),
            },
        ),
        ev(
            7,
            1,
            None,
            K::ResultChanged {
                func: s("main.f"),
                name: s("r"),
                before: s("5"),
                after: s("6"),
            },
        ),
        ev(
            8,
            1,
            Some(3),
            K::Return {
                func: s("main.f"),
                depth: 1,
                results: vec![s("6")],
            },
        ),
        ev(9, 2, None, K::GoroutineCreated { parent: 1 }),
        ev(
            10,
            2,
            Some(12),
            K::Panic {
                value: s("a;b#c\"<%%>"),
            },
        ),
        ev(
            11,
            1,
            Some(9),
            K::Return {
                func: s("main.main"),
                depth: 0,
                results: vec![],
            },
        ),
    ];
    whole_trace("f.go", 7, events)
}

#[test]
fn text_shows_the_defer_chain_and_the_result_change() {
    let out = text::render(&named_result(), false);
    assert!(out.contains("defer main.f.func1() pushed"), "{out}");
    assert!(out.contains("defers of main.f: [main.f.func1()]"), "{out}");
    assert!(
        out.contains("deferred main.f.func1 runs (on return, r = 5)"),
        "{out}"
    );
    assert!(out.contains("r: 5 → 6"), "{out}");
    assert!(out.contains("← main.f returns 6"), "{out}");
    assert!(!out.contains('\x1b'), "no colour unless asked: {out}");
    assert!(text::render(&named_result(), true).contains("\x1b["));
}

#[test]
fn json_is_versioned_one_event_per_line_and_parses() {
    let out = json::render(&named_result());
    let v: serde_json::Value = serde_json::from_str(&out).expect("valid JSON");
    assert_eq!(v["version"], FORMAT_VERSION);
    assert_eq!(v["events"].as_array().map(Vec::len), Some(12));
    assert_eq!(v["events"][7]["kind"], "result_changed");
    assert_eq!(v["events"][7]["after"], "6");
    assert_eq!(
        out.lines().filter(|l| l.starts_with("{\"step\"")).count(),
        12
    );
    assert_eq!(out, json::render(&named_result()), "same trace, same bytes");
}

#[test]
fn mermaid_diagrams_pass_the_structural_check_with_hostile_values() {
    let out = mermaid::render(&named_result());
    let blocks = mermaid::blocks(&out);
    assert_eq!(blocks.len(), 2, "{out}");
    for b in &blocks {
        mermaid::check(b).unwrap_or_else(|e| panic!("{e}\n{b}"));
    }
    assert!(blocks[0].starts_with("sequenceDiagram\n"));
    assert!(
        blocks[0].contains("G1->>G2: go (goroutine 2)"),
        "{}",
        blocks[0]
    );
    assert!(blocks[1].starts_with("flowchart TD\n"));
    assert!(blocks[1].contains("r: 5 → 6"), "{}", blocks[1]);
    assert!(mermaid::check("sequenceDiagram\n    G1->>G9: hi\n").is_err());
    assert!(mermaid::check("flowchart TD\n    n0[\"a;b\"]\n").is_err());
}

#[test]
fn html_embeds_the_trace_without_closing_its_script_early() {
    let out = html::render(&named_result());
    assert!(!out.contains("/*TRACE_JSON*/"));
    assert_eq!(
        out.matches("</script>").count(),
        2,
        "only the page's own script ends"
    );
    assert!(
        !out.contains("http://") && !out.contains("https://"),
        "no network"
    );
}

#[test]
fn focus_and_the_event_bound() {
    let t = named_result();
    assert!(Focus::Defer.keeps(&t.events[3].kind));
    assert!(!Focus::Defer.keeps(&t.events[9].kind));
    assert!(Focus::Goroutines.keeps(&t.events[9].kind));
    assert!(
        Focus::Goroutines.keeps(&t.events[10].kind),
        "panics are in both views"
    );
    let cut = Trace::new(
        "f.go",
        "",
        0,
        0,
        Focus::All,
        2,
        Collected {
            events: t.events[..2].to_vec(),
            n_emitted: 12,
            cut: true,
        },
    );
    let note = cut.truncation_note().expect("cut");
    assert!(
        note.contains("trace cut after 2 events (--max-events 2)"),
        "{note}"
    );
    assert!(text::render(&cut, false).contains(&note));
}

/// Goroutine 2 sends 42 to a waiting goroutine 1 (a hand-off), then goroutine
/// 1 buffers two strings, and receives from a closed, drained channel.
fn channels() -> Trace {
    use EventKind as K;
    let s = |x: &str| x.to_string();
    let events = vec![
        ev(
            0,
            2,
            None,
            K::ChanSend {
                chan: 1,
                value: s("42"),
                len: 0,
                cap: 0,
                buffer: vec![],
            },
        ),
        ev(
            1,
            1,
            None,
            K::ChanRecv {
                chan: 1,
                value: s("42"),
                ok: true,
                len: 0,
                cap: 0,
                buffer: vec![],
            },
        ),
        ev(
            2,
            1,
            None,
            K::ChanSend {
                chan: 2,
                value: s("b;c"),
                len: 9,
                cap: 10,
                buffer: vec![s("a"), s("b;c")],
            },
        ),
        ev(
            3,
            1,
            None,
            K::ChanRecv {
                chan: 3,
                value: s("0"),
                ok: false,
                len: 0,
                cap: 2,
                buffer: vec![],
            },
        ),
    ];
    whole_trace("c.go", 0, events)
}

#[test]
fn channel_values_and_buffers_in_every_format() {
    let t = channels();
    let text = text::render(&t, false);
    assert!(text.contains("send 42 on chan #1\n"), "{text}");
    assert!(text.contains("receive 42 from chan #1\n"), "{text}");
    assert!(
        text.contains("send b;c on chan #2 (buffer 9/10: [a b;c ...])"),
        "{text}"
    );
    assert!(
        text.contains("receive 0 from chan #3 (closed, buffer 0/2: [])"),
        "{text}"
    );

    let v: serde_json::Value = serde_json::from_str(&json::render(&t)).expect("valid JSON");
    assert_eq!(v["events"][2]["value"], "b;c");
    assert_eq!(v["events"][2]["len"], 9);
    assert_eq!(v["events"][2]["cap"], 10);
    assert_eq!(v["events"][2]["buffer"][1], "b;c");
    assert_eq!(v["events"][3]["ok"], false);

    let md = mermaid::render(&t);
    let blocks = mermaid::blocks(&md);
    mermaid::check(&blocks[0]).unwrap_or_else(|e| panic!("{e}\n{}", blocks[0]));
    assert!(
        blocks[0].contains("G2->>G1: 42 via chan #35;1\n"),
        "the hand-off is one arrow: {}",
        blocks[0]
    );
    assert!(
        !blocks[0].contains("receive 42"),
        "the hand-off's receive is not repeated: {}",
        blocks[0]
    );
    assert!(
        blocks[0].contains("Note over G1: send b#59;c on chan #35;2"),
        "{}",
        blocks[0]
    );
}

/// Main blocks in `wg.Wait`, goroutine 7 runs, its `Done` wakes main, it exits.
fn switches() -> Trace {
    use EventKind as K;
    let switch =
        |from: Option<u64>, why: &str, wait: Option<&str>, to: u64, quantum: Option<u32>| {
            K::Switch {
                from,
                why: why.to_string(),
                wait: wait.map(str::to_string),
                to,
                runnable: if quantum.is_some() { 2 } else { 1 },
                quantum,
            }
        };
    let events = vec![
        ev(0, 0, None, switch(None, "start", None, 1, None)),
        ev(
            1,
            1,
            None,
            K::GoroutineBlocked {
                reason: "sync.WaitGroup.Wait".into(),
            },
        ),
        ev(
            2,
            0,
            None,
            switch(Some(1), "blocked", Some("sync.WaitGroup.Wait"), 7, None),
        ),
        ev(
            3,
            1,
            None,
            K::GoroutineWoken {
                reason: "sync.WaitGroup counter is 0".into(),
                by: 7,
            },
        ),
        ev(4, 0, None, switch(Some(7), "preempted", None, 1, Some(12))),
    ];
    whole_trace("w.go", 0, events)
}

#[test]
fn switches_and_wake_ups_in_every_format() {
    let t = switches();
    let text = text::render(&t, false);
    assert!(text.contains("scheduler: start → g1 runs\n"), "{text}");
    assert!(
        text.contains("scheduler: g1 blocked (sync.WaitGroup.Wait) → g7 runs\n"),
        "{text}"
    );
    assert!(
        text.contains("woken: sync.WaitGroup counter is 0 by g7\n"),
        "{text}"
    );
    assert!(
        text.contains("scheduler: g7 preempted → g1 runs (quantum 12)\n"),
        "{text}"
    );

    let v: serde_json::Value = serde_json::from_str(&json::render(&t)).expect("valid JSON");
    assert_eq!(v["events"][0]["kind"], "switch");
    assert_eq!(v["events"][0]["from"], serde_json::Value::Null);
    assert_eq!(v["events"][2]["why"], "blocked");
    assert_eq!(v["events"][2]["wait"], "sync.WaitGroup.Wait");
    assert_eq!(v["events"][2]["to"], 7);
    assert_eq!(v["events"][3]["reason"], "sync.WaitGroup counter is 0");
    assert_eq!(v["events"][3]["by"], 7);
    assert_eq!(v["events"][4]["quantum"], 12);

    let md = mermaid::render(&t);
    let blocks = mermaid::blocks(&md);
    mermaid::check(&blocks[0]).unwrap_or_else(|e| panic!("{e}\n{}", blocks[0]));
    assert!(
        blocks[0].contains("G1-->>G7: g1 blocked (sync.WaitGroup.Wait) → g7 runs\n"),
        "{}",
        blocks[0]
    );
    assert!(
        blocks[0].contains("G7-->>G1: woken: sync.WaitGroup counter is 0\n"),
        "{}",
        blocks[0]
    );
    assert!(
        !blocks[0].contains("start"),
        "the first turn is no arrow: {}",
        blocks[0]
    );

    let page = html::render(&t);
    assert!(
        page.contains("function switchText(e)"),
        "the stepper renders switches"
    );
    assert!(Focus::Goroutines.keeps(&t.events[2].kind));
    assert!(!Focus::Defer.keeps(&t.events[2].kind));
}
