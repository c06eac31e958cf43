//! The HTML stepper in a real browser: headless Chromium (Debian's `chromium`,
//! which `.ci/run` installs) opens the page from disk at a chosen step
//! (`#step=N`, read by the page itself) and prints the DOM, and the test
//! asserts what the page shows there: the defer chain, `r: 5 → 6`, the panic
//! and the recover. The steps are found in the JSON trace of the same run, so
//! the test follows the trace instead of hard-coding event numbers.

use std::path::{Path, PathBuf};
use std::process::Command;

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("workspace root")
        .to_path_buf()
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("gomini-browser-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("scratch dir");
    dir.join(name)
}

/// Writes the trace of `programs/NAME.go` in `format` to a scratch file.
fn trace_file(name: &str, format: &str) -> PathBuf {
    let out = scratch(&format!("{name}.{format}"));
    let program = format!("programs/{name}.go");
    let status = assert_cmd::Command::cargo_bin("gomini")
        .expect("the gomini binary is built")
        .current_dir(repo())
        .args(["trace", &program, "--format", format, "-o"])
        .arg(&out)
        .output()
        .expect("gomini runs")
        .status;
    assert!(status.code().is_some(), "gomini trace {name} was killed");
    out
}

/// The position (1-based: "after this event") of the first event of `kind` matching `pred`.
fn step_of(
    events: &[serde_json::Value],
    kind: &str,
    pred: impl Fn(&serde_json::Value) -> bool,
) -> usize {
    events
        .iter()
        .position(|e| e["kind"] == kind && pred(e))
        .unwrap_or_else(|| panic!("no {kind} event"))
        + 1
}

fn events_of(name: &str) -> Vec<serde_json::Value> {
    let text = std::fs::read_to_string(trace_file(name, "json")).expect("json trace");
    let v: serde_json::Value = serde_json::from_str(&text).expect("valid JSON");
    v["events"].as_array().cloned().expect("events")
}

/// The DOM of `page` at `#step=N`, after its script ran, as headless Chromium prints it.
fn dom_at(page: &Path, step: usize) -> String {
    let profile = scratch(&format!(
        "profile-{step}-{}",
        page.display().to_string().len()
    ));
    let url = format!("file://{}#step={step}", page.display());
    let out = Command::new("chromium")
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--dump-dom",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg(&url)
        .output()
        .unwrap_or_else(|e| {
            panic!("cannot start chromium ({e}): install it (`apt-get install -y chromium`); .ci/run does")
        });
    let dom = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        dom.contains("id=\"goroutines\""),
        "no page from chromium:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        dom.contains(&format!("step {step} of ")),
        "the page did not go to step {step}:\n{dom}"
    );
    dom
}

/// The inner text of the first element with `id="ID"` in `dom` (tags removed).
fn text_of(dom: &str, id: &str) -> String {
    let start = dom
        .find(&format!("id=\"{id}\""))
        .unwrap_or_else(|| panic!("no #{id}"));
    let rest = &dom[start..];
    let end = rest
        .find("<h2>")
        .or_else(|| rest.find("</main>"))
        .unwrap_or(rest.len());
    let mut out = String::new();
    let mut in_tag = false;
    for c in rest[..end].chars() {
        match c {
            '<' => {
                in_tag = true;
                out.push(' ');
            }
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.replace("&gt;", ">")
        .replace("&lt;", "<")
        .replace("&amp;", "&")
}

#[test]
fn named_result_stepper_shows_the_defer_chain_then_r_changing() {
    let events = events_of("named_result");
    let page = trace_file("named_result", "html");

    // Just after `defer` ran: main.f's chain holds the closure.
    let pushed = step_of(&events, "defer_pushed", |e| e["func"] == "main.f");
    let g = text_of(&dom_at(&page, pushed), "goroutines");
    assert!(
        g.contains("main.f") && g.contains("main.f.func1()"),
        "at step {pushed}: {g}"
    );

    // The deferred call starts: the chain is empty again, and r = 5 (set by `return 5`).
    let started = step_of(&events, "defer_started", |e| e["func"] == "main.f");
    let g = text_of(&dom_at(&page, started), "goroutines");
    assert!(
        g.contains("r = 5") && !g.contains("main.f.func1()"),
        "at step {started}: {g}"
    );

    // After it finished: r: 5 → 6 on main.f's frame, and the source marks line 8.
    let changed = step_of(&events, "result_changed", |e| e["name"] == "r");
    let dom = dom_at(&page, changed);
    assert!(text_of(&dom, "goroutines").contains("r: 5 → 6"), "{dom}");
    assert!(text_of(&dom, "now").contains("r: 5 → 6"));
    assert!(dom.contains("class=\"src\" data-line=\"8\"><span class=\"ln\">8</span><span class=\"gs\"><span class=\"gbadge\">g1</span>")
        || dom.contains("class=\"src cur\" data-line=\"8\""), "line 8 not marked:\n{dom}");
}

#[test]
fn recover_value_stepper_shows_the_panic_then_the_recover() {
    let events = events_of("recover_value");
    let page = trace_file("recover_value", "html");

    let panicked = step_of(&events, "panic", |_| true);
    let g = text_of(&dom_at(&page, panicked), "goroutines");
    assert!(
        g.contains("panicking: runtime error: integer divide by zero"),
        "at step {panicked}: {g}"
    );
    assert!(
        g.contains("main.safeDivide.func1()"),
        "the pending defer is shown: {g}"
    );

    let recovered = step_of(&events, "recover", |_| true);
    let g = text_of(&dom_at(&page, recovered), "goroutines");
    assert!(
        g.contains("recovered: runtime error: integer divide by zero"),
        "at step {recovered}: {g}"
    );
    assert!(
        g.contains("main.safeDivide.func1"),
        "the recovering defer runs: {g}"
    );

    let changed = step_of(&events, "result_changed", |e| e["name"] == "err");
    let g = text_of(&dom_at(&page, changed), "goroutines");
    // The error from fmt.Errorf shows as its Error() text, as %v prints it.
    assert!(
        g.contains("err: <nil> → recovered: runtime error: integer divide by zero"),
        "{g}"
    );
}

#[test]
fn the_stepper_clamps_steps_and_starts_before_the_first_event() {
    let page = trace_file("defer_order", "html");
    let dom = dom_at(&page, 0);
    assert!(
        text_of(&dom, "now").contains("before the first event"),
        "{dom}"
    );
}

#[test]
fn goroutine_panic_stepper_shows_the_child_panicking_and_mains_defer_pending() {
    let events = events_of("goroutine_panic");
    let page = trace_file("goroutine_panic", "html");
    let panicked = step_of(&events, "panic", |_| true);
    let child = events[panicked - 1]["goroutine"]
        .as_u64()
        .expect("goroutine id");
    assert_ne!(child, 1, "the panic is on the child goroutine");
    let g = text_of(&dom_at(&page, panicked), "goroutines");
    let (main_card, child_card) = g
        .split_once(&format!("goroutine {child} ["))
        .expect("two goroutines shown");
    assert!(
        child_card.contains("panicking: child goroutine crashed"),
        "{g}"
    );
    assert!(
        !main_card.contains("panicking"),
        "main is not panicking: {g}"
    );
    assert!(
        main_card.contains("main.main.func1()"),
        "main's deferred recover is still pending: {g}"
    );
    assert!(
        !events.iter().any(|e| e["kind"] == "recover"),
        "no recover happens"
    );
}

#[test]
fn goroutine_error_channel_stepper_shows_switches_and_the_wake_up_after_wait() {
    let events = events_of("goroutine_error_channel");
    let page = trace_file("goroutine_error_channel", "html");
    // main blocks in wg.Wait; the switch says so and names the goroutine that runs next.
    let blocked = step_of(&events, "switch", |e| e["wait"] == "sync.WaitGroup.Wait");
    let next = events[blocked - 1]["to"].as_u64().expect("to");
    let dom = dom_at(&page, blocked);
    let expected = format!("g1 blocked (sync.WaitGroup.Wait) → g{next} runs");
    assert!(text_of(&dom, "now").contains(&expected), "{dom}");
    let g = text_of(&dom, "goroutines");
    assert!(g.contains(&format!("scheduler: {expected}")), "{g}");
    assert!(
        g.contains("goroutine 1 [blocked: sync.WaitGroup.Wait]"),
        "{g}"
    );
    assert!(g.contains(&format!("goroutine {next} [running]")), "{g}");
    // The last Done wakes main: runnable, with the reason and the waker.
    let woken = step_of(&events, "goroutine_woken", |e| e["goroutine"] == 1);
    let by = events[woken - 1]["by"].as_u64().expect("by");
    let g = text_of(&dom_at(&page, woken), "goroutines");
    assert!(
        g.contains(&format!(
            "goroutine 1 [runnable (woken: sync.WaitGroup counter is 0 by g{by})]"
        )),
        "{g}"
    );
    assert!(g.contains(&format!("goroutine {by} [running]")), "{g}");
}
