//! `gomini trace` of methods reached through the wrappers a compiler makes:
//! a method value (`c.Get`, `c.Inc`), a value method through a pointer in an
//! interface, a promoted method through an interface, an interface method
//! value deferred, and a method value that panics. Go's tracebacks never show
//! such wrappers (`main.Counter.Get-fm`, gomini's `·ptr` entries,
//! `main.Outer.Get`), and neither does the trace: each call is the user's
//! method, one frame deeper than its caller, in the text, the JSON and the
//! HTML page alike. The program's output is Go's (go 1.27, `go build`, run).

use std::path::{Path, PathBuf};

use assert_cmd::Command;

const PROGRAM: &str = r#"package main

import "fmt"

type Counter struct{ n int }

func (c Counter) Get() int { return c.n }

func (c *Counter) Inc() { c.n++ }

func (c *Counter) Fail() { panic("fail") }

type Getter interface{ Get() int }

type Outer struct{ Counter }

func try(f func()) {
	defer func() { fmt.Println("recovered:", recover()) }()
	f()
}

func main() {
	c := Counter{n: 1}
	get := c.Get
	fmt.Println(get())
	inc := c.Inc
	inc()
	var g Getter = &c
	fmt.Println(g.Get())
	var og Getter = Outer{Counter{5}}
	fmt.Println(og.Get())
	iget := og.Get
	defer iget()
	try(c.Fail)
}
"#;

/// Go's stdout for `PROGRAM` (exit code 0).
const GO_STDOUT: &str = "1\n2\n5\nrecovered: fail\n";

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("workspace root")
        .to_path_buf()
}

/// The trace of `PROGRAM` in `format`, after checking the program's output
/// (on stderr, since the trace takes stdout) and exit code against Go's.
fn trace(format: &str) -> String {
    let dir = std::env::temp_dir().join(format!("gomini-trace-wrappers-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let file = dir.join(format!("methods_{format}.go"));
    std::fs::write(&file, PROGRAM).expect("write program");
    let out = Command::cargo_bin("gomini")
        .expect("the gomini binary is built")
        .env("NO_COLOR", "1")
        .current_dir(repo())
        .arg("trace")
        .arg(&file)
        .args(["--format", format])
        .output()
        .expect("gomini runs");
    let _ = std::fs::remove_file(&file);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert_eq!(String::from_utf8_lossy(&out.stderr), GO_STDOUT);
    String::from_utf8(out.stdout).expect("UTF-8 trace")
}

fn mentions_a_wrapper(text: &str) -> bool {
    text.contains("-fm") || text.contains("·ptr") || text.contains("Outer.Get")
}

#[test]
fn json_trace_calls_the_methods_not_their_wrappers() {
    let v: serde_json::Value = serde_json::from_str(&trace("json")).expect("JSON trace");
    let events = v["events"].as_array().expect("events");
    let calls: Vec<String> = events
        .iter()
        .filter(|e| e["kind"] == "call")
        .map(|e| format!("{} {}", e["func"].as_str().unwrap_or("?"), e["depth"]))
        .collect();
    assert_eq!(
        calls,
        [
            "main.main 1",
            "main.Counter.Get 2",
            "main.(*Counter).Inc 2",
            "main.Counter.Get 2",
            "main.Counter.Get 2",
            "main.try 2",
            "main.(*Counter).Fail 3",
            "main.try.func1 3",
            "main.Counter.Get 2",
        ],
    );
    // Every return and unwinding goes back to its caller's depth.
    let leaves: Vec<String> = events
        .iter()
        .filter(|e| e["kind"] == "return" || e["kind"] == "unwound")
        .map(|e| format!("{} {}", e["func"].as_str().unwrap_or("?"), e["depth"]))
        .collect();
    assert_eq!(
        leaves,
        [
            "main.Counter.Get 1",
            "main.(*Counter).Inc 1",
            "main.Counter.Get 1",
            "main.Counter.Get 1",
            "main.(*Counter).Fail 2",
            "main.try.func1 2",
            "main.try 1",
            "main.Counter.Get 1",
            "main.main 0",
        ],
    );
    // The deferred interface method value names the receiver's method.
    let deferred: Vec<&str> = events
        .iter()
        .filter(|e| e["kind"] == "defer_pushed")
        .filter_map(|e| e["callee"].as_str())
        .collect();
    assert_eq!(deferred, ["main.Counter.Get", "main.try.func1"]);
    let text = serde_json::to_string(&v).expect("JSON text");
    assert!(!mentions_a_wrapper(&text), "{text}");
}

#[test]
fn text_trace_and_page_show_no_wrapper() {
    let text = trace("text");
    assert!(!mentions_a_wrapper(&text), "{text}");
    assert!(
        text.contains("  → main.(*Counter).Fail")
            && text.contains("defer main.Counter.Get() pushed"),
        "{text}"
    );
    let page = trace("html");
    assert!(
        page.contains("main.(*Counter).Inc"),
        "the page holds the trace"
    );
    assert!(!mentions_a_wrapper(&page));
}
