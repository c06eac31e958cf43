//! Transcript tests of the REPL: `gomini` reads `repl/tests/repl/NAME.in` from
//! a pipe (no prompts) and its stdout and stderr must equal `NAME.out` and `NAME.err`.
//!
//! The echoed values of `session.in` are also checked against real Go:
//! `session_mirror.go` is the same session as one Go program printing each
//! echoed value with `%v (%T)`, and its output from `go run` is kept in
//! `session_mirror.out`.

use std::path::PathBuf;

use assert_cmd::Command;

fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/repl")
}

fn read(name: &str) -> String {
    std::fs::read_to_string(dir().join(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// Runs a transcript; returns (stdout, stderr).
fn run(name: &str) -> (String, String) {
    let out = Command::cargo_bin("gomini")
        .unwrap()
        .env("GOMINI_SEED", "1")
        .env("NO_COLOR", "1")
        .env("GOMINI_HISTORY", dir().join("unused-history"))
        .current_dir(dir())
        .write_stdin(read(&format!("{name}.in")))
        .output()
        .unwrap();
    assert!(out.status.success(), "the REPL itself must exit 0");
    (
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

fn check(name: &str) -> String {
    let (stdout, stderr) = run(name);
    assert_eq!(stdout, read(&format!("{name}.out")), "stdout of {name}.in");
    assert_eq!(
        without_pc_offsets(&stderr),
        without_pc_offsets(&read(&format!("{name}.err"))),
        "stderr of {name}.in"
    );
    stdout
}

/// Race reports end each frame with `+0x..`, the instruction's index in
/// gomini's bytecode: any compiler change moves it, so it is not compared.
fn without_pc_offsets(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find(" +0x") {
        out.push_str(&rest[..at + 4]);
        rest = rest[at + 4..].trim_start_matches(|c: char| c.is_ascii_hexdigit());
        out.push('_');
    }
    out.push_str(rest);
    out
}

/// Declarations, redefinition, persistence, a multi-line function, a panic
/// and a deadlock the session survives, a compile error, `:type`.
#[test]
fn session_transcript() {
    let stdout = check("session");
    // The echoed values (between `seed 1` and the two `:type` lines) are Go's.
    let lines: Vec<&str> = stdout.lines().collect();
    let echoed = lines[1..lines.len() - 2].join("\n") + "\n";
    assert_eq!(echoed, read("session_mirror.out"));
}

/// `:trace on` shows the named result changed by a defer; `:defers` the chain
/// at a panic; `:goroutines` a goroutine left blocked.
#[test]
fn trace_defers_goroutines_transcript() {
    let stdout = check("trace");
    assert!(stdout.contains("r: 5 → 6 (changed by the deferred call)"));
    assert!(stdout.contains("[chan receive]"));
}

/// `:load` brings a file's declarations and variables (initialised once) into
/// the session, `:run` calls its main (output as `go run` prints it, kept in
/// `bank_go.out`), `os.Exit` does not end the session, `:reset` forgets.
#[test]
fn load_run_exit_reset_transcript() {
    let stdout = check("load");
    let go_run = read("bank_go.out");
    assert!(
        stdout.contains(&go_run),
        "`:run` prints what `go run bank.go` prints"
    );
}

/// Func values carried between entries: a closure with captured state (its
/// code moved into each new program), a func literal, a slice of closures over
/// per-iteration loop variables, a method value, a func in an interface and in
/// a map. Every echoed value is Go's (`closures_mirror.go`).
#[test]
fn closures_transcript() {
    let stdout = check("closures");
    assert_eq!(stdout, read("closures_mirror.out"));
}

/// Values carried between entries: a pointer still aliases its variable, an
/// interface value whose type is redefined is reset with a note, an error
/// wrapping another (library types) survives, a buffered channel keeps its
/// values.
#[test]
fn carried_values_transcript() {
    let (stdout, stderr) = run("carry");
    assert_eq!(stdout, read("carry.out"));
    assert_eq!(stderr, read("carry.err"));
    assert!(stderr.contains("held is reset to its zero value"));
}

/// `:race on` runs the detector for the entries that follow: a racy entry
/// gets Go's report (lines mapped back to the declaration), `:race off` none.
/// `race_mirror.go` is the same function as a Go program; `go run -race` on it
/// reported the same pair of accesses (its stderr is kept in `race_mirror.err`).
#[test]
fn race_transcript() {
    check("race");
    let (_, stderr) = run("race");
    let go = read("race_mirror.err");
    assert_eq!(stderr.matches("WARNING: DATA RACE").count(), 1);
    assert_eq!(go.matches("WARNING: DATA RACE").count(), 1);
    // Go's lines 9, 12 and 8 are the declaration's lines 5, 8 and 4.
    for (go_line, repl_line) in [
        ("main.go:9 ", "<declaration of racy>:5 "),
        ("main.go:12 ", "<declaration of racy>:8 "),
        ("main.go:8 ", "<declaration of racy>:4 "),
    ] {
        assert!(go.contains(go_line), "{go}");
        assert!(stderr.contains(repl_line), "{stderr}");
    }
    for header in [
        "Write at ",
        "Previous write at ",
        "Goroutine ",
        "Found 1 data race(s)",
    ] {
        assert!(go.contains(header) && stderr.contains(header), "{header}");
    }
}

/// Entries a Go programmer types: composite literals of every kind echoed
/// (alone and in `var m = map...{}`), a statement carried on to the next line
/// after an operator and a label, compile errors located at their line and
/// column in the entry (as `go vet` locates them in a file), methods, closures
/// over session variables, defer/recover changing a named result, mutation of
/// maps and slices persisting, `:=` giving a name a new type, multiple
/// results, iota, error values, and a variable reset (with a note) when its
/// struct type gains a field. Every echoed value is Go's (`entries_mirror.go`).
#[test]
fn entries_transcript() {
    let stdout = check("entries");
    let echoed = stdout
        .strip_prefix("seed 1\n")
        .expect(":seed 1 answers first");
    assert_eq!(echoed, read("entries_mirror.out"));
    let stderr = read("entries.err");
    for located in [
        "<input>:1:8: syntax error: unexpected end of entry",
        "<input>:1:15: cannot use \"s\" (untyped string constant) as int value in variable declaration",
        "<input>:2:9: cannot use \"s\" (untyped string constant) as int value in return statement",
        "<input>:1:5: undefined: undefinedName",
        "gomini: st is reset to its zero value: its type Stack was redefined",
    ] {
        assert!(stderr.contains(located), "{located}");
    }
}

/// Goroutines within one entry run while it sleeps or waits; one still
/// sleeping when its entry returns lives on and prints during the next entry
/// (`select {}`), before the deadlock, as in a Go program that does both; a
/// deadlock and panics print Go's traceback with no `runtime.main` frame
/// (checked against `go run` of the same code: only the FILE:LINE differ).
#[test]
fn goroutines_transcript() {
    let (stdout, stderr) = run("goroutines");
    assert_eq!(stdout, read("goroutines.out"));
    assert_eq!(stderr, read("goroutines.err"));
    assert!(stdout.contains("in g\nworker\n"));
    assert!(stdout.ends_with("too late\n"), "{stdout}");
    assert!(stderr.contains(
        "fatal error: all goroutines are asleep - deadlock!\n\ngoroutine 1 [select (no cases)]:\nmain.main()\n\t<input>:1\nexit status 2\n"
    ));
    assert!(!stderr.contains("runtime.main"));
}

/// Goroutines live on between entries: a sender started in one entry answers
/// `<-ch` in the next ones; goroutines blocked on a session mutex go on when a
/// later entry unlocks it and `wg.Wait()` in yet another entry sees their
/// increments; a redefined function is what an old goroutine calls next
/// (unless its signature changed); a deadlock lists the live goroutines (Go's
/// report, their stacks in the entries that started them) and a panic in a
/// goroutine is reported as Go reports it, and the session's goroutines go on
/// after both; `:reset` stops them. The echoed values are Go's: `live_mirror.go`
/// is the same session (without the redefinitions) as one Go program, its
/// output kept in `live_mirror.out`; Go's deadlock report of the same
/// goroutines has the same goroutines, states and `created by` lines.
#[test]
fn live_goroutines_transcript() {
    let stdout = check("live");
    let echoed: Vec<&str> = stdout
        .lines()
        .filter(|l| l.ends_with("(int)") || *l == "2")
        .collect();
    let go: Vec<String> = read("live_mirror.out").lines().map(String::from).collect();
    // Go's program ends at the panic; the session goes on and receives 3.
    assert_eq!(echoed[..go.len()], go);
    assert_eq!(echoed[go.len()..], ["3 (int)"]);
    // The redefined step (same signature) answers; the one with another signature does not.
    assert!(stdout.contains("2\n101\n101\n"), "{stdout}");
    let stderr = read("live.err");
    for expected in [
        "goroutine 1 [chan receive]:\nmain.main()\n\t<input>:1\n\ngoroutine 7 [chan send]:\nmain.main.func1()\n\t<entry 3>:1\ncreated by main.main in goroutine 1\n\t<entry 3>:1\n",
        "panic: boom\n\ngoroutine 12 [running]:\nmain.main.func1()\n\t<entry 31>:1\ncreated by main.main in goroutine 1\n",
    ] {
        assert!(stderr.contains(expected), "{expected}");
    }
    // `:defers` shows the chains of the goroutines of earlier entries too.
    assert!(stdout.contains(
        "goroutine 8:\n  main.main.func1: sync.(*WaitGroup).Done(&...) (runs first to last)\n"
    ));
    assert!(stdout.contains("body\ndeferred\ndefer chains when the entry returned:\ngoroutine 1:\n  main.main: fmt.Println([\"deferred\"]) (runs first to last)\n"));
    assert!(stdout.ends_with(
        "session reset\ngoroutine 1 [waiting for the next entry]:\nno other goroutines\n"
    ));
}

/// Goroutines of earlier entries use library variables (`os.Stdout`, set by
/// the library's initialisation before they run) and library functions; a
/// `time.AfterFunc` armed in one entry fires in the next; `go fmt.Println`
/// runs; a goroutine holding a value of a type redefined since is stopped,
/// with a note, and the others go on. The output is Go's
/// (`live_library_mirror.go`, the same session as one program, without the
/// redefinition).
#[test]
fn live_goroutines_library_transcript() {
    let (stdout, stderr) = run("live_library");
    assert_eq!(stdout, read("live_library.out"));
    assert_eq!(stderr, read("live_library.err"));
    let printed = stdout
        .strip_prefix("seed 2\n")
        .expect(":seed 2 answers first");
    assert_eq!(printed, read("live_library_mirror.out"));
    assert!(stderr.contains("is stopped: it holds a value of type main.P, which was redefined"));
}
