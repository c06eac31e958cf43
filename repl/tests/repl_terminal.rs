//! The REPL on a pseudo-terminal (rexpect): the prompt and the `...`
//! continuation prompt, tab completion, history kept across sessions, and
//! Ctrl-C stopping a running `for {}` without leaving the REPL.
//!
//! Timing: a key means what the test wants only when the line editor reads
//! it in raw mode, i.e. at a prompt (Ctrl-D typed while an entry still runs
//! is the terminal's end-of-file, which raw mode drops), and Ctrl-C is a
//! signal only while an entry runs. So every key is sent after its prompt
//! shows, and every Ctrl-C after the entry printed something that proves it
//! runs (a value the echoed line does not contain), never after a sleep.

use std::path::Path;

use rexpect::session::{spawn_command, PtySession};

/// Starts `gomini` on a terminal with its history in `history`.
fn spawn(history: &Path) -> PtySession {
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_gomini"));
    cmd.env("GOMINI_HISTORY", history)
        .env("GOMINI_SEED", "1")
        .env("NO_COLOR", "1")
        .env("TERM", "xterm");
    // Bounded but generous: the machine may be busy building.
    let mut p = spawn_command(cmd, Some(60_000)).expect("spawn gomini");
    wait_prompt(&mut p, "go> ");
    p
}

/// Waits for a prompt: rustyline switches the terminal to raw mode before
/// it prints one (the short sleep is only a margin, not what the test relies on).
fn wait_prompt(p: &mut PtySession, prompt: &str) {
    p.exp_string(prompt).expect("a prompt");
    std::thread::sleep(std::time::Duration::from_millis(50));
}

/// Leaves the REPL with Ctrl-D at the next prompt.
fn quit(p: &mut PtySession) {
    wait_prompt(p, "go> ");
    p.send_control('d').unwrap();
    p.exp_eof().unwrap();
}

fn temp_history(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("gomini-repl-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("history");
    let _ = std::fs::remove_file(&path);
    path
}

#[test]
fn continuation_prompt_for_an_open_function() {
    let mut p = spawn(&temp_history("continuation"));
    p.send_line("func f() int {").unwrap();
    wait_prompt(&mut p, "... ");
    p.send_line("return 41 + 1").unwrap();
    wait_prompt(&mut p, "... ");
    p.send_line("}").unwrap();
    wait_prompt(&mut p, "go> ");
    p.send_line("f()").unwrap();
    p.exp_string("42 (int)").unwrap();
    quit(&mut p);
}

#[test]
fn tab_completes_package_members() {
    let mut p = spawn(&temp_history("completion"));
    // One candidate: TAB completes it in the line.
    p.send("strings.Repe").unwrap();
    p.flush().unwrap();
    p.send("\t").unwrap();
    p.flush().unwrap();
    p.exp_string("strings.Repeat").unwrap();
    p.send_line("(\"ab\", 3)").unwrap();
    p.exp_string("ababab (string)").unwrap();
    quit(&mut p);
}

#[test]
fn history_is_kept_across_sessions() {
    let history = temp_history("history");
    let mut first = spawn(&history);
    first.send_line("x := 41").unwrap();
    wait_prompt(&mut first, "go> ");
    first.send_line(":quit").unwrap();
    first.exp_eof().unwrap();
    assert!(std::fs::read_to_string(&history)
        .unwrap()
        .contains("x := 41"));

    let mut second = spawn(&history);
    // Up arrow twice: the first session's `:quit`, then its `x := 41`.
    second.send("\x1b[A").unwrap();
    second.flush().unwrap();
    second.exp_string(":quit").unwrap();
    second.send("\x1b[A").unwrap();
    second.flush().unwrap();
    second.exp_string("x := 41").unwrap();
    second.send("\r").unwrap();
    second.flush().unwrap();
    wait_prompt(&mut second, "go> ");
    second.send_line("x + 1").unwrap();
    second.exp_string("42 (int)").unwrap();
    quit(&mut second);
}

#[test]
fn ctrl_c_stops_a_running_loop_and_the_session_goes_on() {
    let mut p = spawn(&temp_history("interrupt"));
    p.send_line("n := 7").unwrap();
    wait_prompt(&mut p, "go> ");
    p.send_line("println(n * 100); for {}").unwrap();
    p.exp_string("700").unwrap();
    p.send_control('c').unwrap();
    p.exp_string("interrupted").unwrap();
    wait_prompt(&mut p, "go> ");
    p.send_line("n * 6").unwrap();
    p.exp_string("42 (int)").unwrap();
    quit(&mut p);
}

/// A goroutine spinning in `for {}` keeps the entry waiting for it from
/// ending; Ctrl-C stops the entry and the goroutine that was running (the
/// spinner), and the next entries run alone. The spinner starts spinning
/// only once the entry that waits forever runs (it prints 666 then), so the
/// Ctrl-C comes while it is the only goroutine that can run.
#[test]
fn ctrl_c_stops_a_spinning_goroutine() {
    let mut p = spawn(&temp_history("spinner"));
    p.send_line("start := make(chan bool)").unwrap();
    wait_prompt(&mut p, "go> ");
    p.send_line("go func() { <-start; println(6 * 111); for {} }()")
        .unwrap();
    wait_prompt(&mut p, "go> ");
    p.send_line("close(start); <-make(chan int)").unwrap();
    p.exp_string("666").unwrap();
    p.send_control('c').unwrap();
    p.exp_string("interrupted").unwrap();
    wait_prompt(&mut p, "go> ");
    p.send_line(":goroutines").unwrap();
    p.exp_string("no other goroutines").unwrap();
    wait_prompt(&mut p, "go> ");
    p.send_line("6 * 7").unwrap();
    p.exp_string("42 (int)").unwrap();
    quit(&mut p);
}
