//! The REPL on a pseudo-terminal (rexpect): the prompt and the `...`
//! continuation prompt, tab completion, history kept across sessions, and
//! Ctrl-C stopping a running `for {}` without leaving the REPL.

use std::path::Path;

use rexpect::session::{spawn_command, PtySession};

/// Starts `gomini` on a terminal with its history in `history`.
fn spawn(history: &Path) -> PtySession {
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_gomini"));
    cmd.env("GOMINI_HISTORY", history)
        .env("GOMINI_SEED", "1")
        .env("NO_COLOR", "1")
        .env("TERM", "xterm");
    let mut p = spawn_command(cmd, Some(20_000)).expect("spawn gomini");
    wait_prompt(&mut p, "go> ");
    p
}

/// Waits for a prompt, then a moment more: rustyline switches the terminal
/// to raw mode around the prompt and drops input typed before that.
fn wait_prompt(p: &mut PtySession, prompt: &str) {
    p.exp_string(prompt).expect("a prompt");
    std::thread::sleep(std::time::Duration::from_millis(200));
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
    p.send_control('d').unwrap();
    p.exp_eof().unwrap();
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
    p.send_control('d').unwrap();
    p.exp_eof().unwrap();
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
    second.send_control('d').unwrap();
    second.exp_eof().unwrap();
}

#[test]
fn ctrl_c_stops_a_running_loop_and_the_session_goes_on() {
    let mut p = spawn(&temp_history("interrupt"));
    p.send_line("n := 7").unwrap();
    wait_prompt(&mut p, "go> ");
    p.send_line("for {}").unwrap();
    std::thread::sleep(std::time::Duration::from_millis(500));
    p.send_control('c').unwrap();
    p.exp_string("interrupted").unwrap();
    wait_prompt(&mut p, "go> ");
    p.send_line("n * 6").unwrap();
    p.exp_string("42 (int)").unwrap();
    p.send_control('d').unwrap();
    p.exp_eof().unwrap();
}

/// A goroutine spinning in `for {}` keeps the entry waiting for it from
/// ending; Ctrl-C stops the entry and the goroutine that was running (the
/// spinner), and the next entries run alone.
#[test]
fn ctrl_c_stops_a_spinning_goroutine() {
    let mut p = spawn(&temp_history("spinner"));
    p.send_line("go func() { for {} }()").unwrap();
    wait_prompt(&mut p, "go> ");
    p.send_line("<-make(chan int)").unwrap();
    std::thread::sleep(std::time::Duration::from_millis(500));
    p.send_control('c').unwrap();
    p.exp_string("interrupted").unwrap();
    wait_prompt(&mut p, "go> ");
    p.send_line(":goroutines").unwrap();
    p.exp_string("no other goroutines").unwrap();
    p.send_line("6 * 7").unwrap();
    p.exp_string("42 (int)").unwrap();
    p.send_control('d').unwrap();
    p.exp_eof().unwrap();
}
