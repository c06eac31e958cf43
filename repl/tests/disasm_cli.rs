//! `gomini disasm`: the bytecode listing of a program's functions, located in
//! its source; gomini's library functions only with `--all`.

use assert_cmd::Command;

fn gomini() -> Command {
    let mut cmd = Command::cargo_bin("gomini").expect("the gomini binary is built");
    cmd.env("NO_COLOR", "1");
    cmd
}

fn temp_go_file(name: &str, text: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("gomini-disasm-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join(name);
    std::fs::write(&path, text).expect("write temp file");
    path
}

const PROGRAM: &str = "package main

import (
\t\"errors\"
\t\"fmt\"
)

func add(a, b int) int {
\treturn a + b
}

func main() {
\tdefer fmt.Println(\"bye\")
\tfmt.Println(add(1, 2), errors.New(\"e\"))
}
";

fn listing(args: &[&str]) -> String {
    disasm(args, &temp_go_file("prog.go", PROGRAM))
}

/// `gomini disasm ARGS PATH`'s listing; the program must compile.
fn disasm(args: &[&str], path: &std::path::Path) -> String {
    let out = gomini()
        .arg("disasm")
        .args(args)
        .arg(path)
        .output()
        .expect("gomini runs");
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    String::from_utf8(out.stdout).expect("UTF-8 listing")
}

/// The listing of function `name` (`main.add`): its header line, then one line per op.
fn func_listing<'t>(text: &'t str, name: &str) -> &'t str {
    text.split("\n\n")
        .find(|f| f.starts_with(&format!("func {name} ")))
        .unwrap_or_else(|| panic!("{name} is listed:\n{text}"))
}

/// The op names of function `name`, in order.
fn func_ops(text: &str, name: &str) -> Vec<String> {
    func_listing(text, name)
        .lines()
        .skip(1)
        .filter_map(|l| l.split_whitespace().nth(1).map(str::to_string))
        .collect()
}

#[test]
fn lists_each_function_of_the_program_with_source_lines() {
    let text = listing(&[]);
    let headers: Vec<&str> = text.lines().filter(|l| l.starts_with("func ")).collect();
    assert!(
        headers
            .iter()
            .any(|h| h.starts_with("func main.main (params 0, results 0")),
        "{text}"
    );
    assert!(headers
        .iter()
        .any(|h| h.starts_with("func main.add (params 2, results 1")));
    // add's body is an integer add on line 9 of the file, returned on the same line.
    let add_line = text
        .lines()
        .find(|l| l.contains("AddInt"))
        .expect("an AddInt instruction");
    assert!(add_line.ends_with("prog.go:9"), "{add_line}");
    // main defers, so its listing has the defer and the epilogue that runs it.
    assert!(
        text.contains("Defer ") && text.contains("RunDefers"),
        "{text}"
    );
    // The library (errors.New is Go source in gomini) is left out by default.
    assert!(!text.contains("func errors."), "{text}");
}

#[test]
fn all_adds_library_functions_located_in_the_library() {
    let text = listing(&["--all"]);
    let new = text
        .split("\n\n")
        .find(|f| f.starts_with("func errors.New"))
        .unwrap_or_else(|| panic!("errors.New is listed:\n{text}"));
    assert!(new.contains("; $GOROOT/src/errors/errors.go:"), "{new}");
    assert!(!new.contains("prog.go"), "{new}");
}

#[test]
fn compile_errors_exit_1_like_run() {
    let path = temp_go_file("bad.go", "package main\n\nfunc main() {\n\tx := 1\n}\n");
    let out = gomini()
        .arg("disasm")
        .arg(&path)
        .output()
        .expect("gomini runs");
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("bad.go:4:2: declared and not used: x"),
        "{err}"
    );
}

/// A struct argument of a direct call is lent (`ShareAgg`) only to a callee
/// that never writes or leaks it; a writing callee, `go` and `defer` keep the copy.
#[test]
fn struct_argument_is_lent_only_to_a_read_only_callee() {
    let path = temp_go_file(
        "lend.go",
        "package main

type V struct{ x, y int }

func (v V) dot(k int) int { return v.x*k + v.y }

func (v V) bump() int { v.x++; return v.x }

func show(v V) { println(v.x) }

func main() {
\tv := V{1, 2}
\ta := v.dot(3)
\tb := v.bump()
\tdefer show(v)
\tgo show(v)
\tprintln(a, b)
}
",
    );
    let text = disasm(&[], &path);
    let main: Vec<&str> = func_listing(&text, "main.main").lines().collect();
    let on_line = |line: u32, op: &str| {
        main.iter()
            .filter(|l| l.ends_with(&format!("lend.go:{line}")) && l.contains(op))
            .count()
    };
    assert_eq!(on_line(13, "ShareAgg"), 1, "{text}");
    assert_eq!(on_line(13, "CopyAgg"), 0, "{text}");
    assert_eq!(on_line(14, "CopyAgg"), 1, "{text}");
    assert_eq!(on_line(14, "ShareAgg"), 0, "{text}");
    for deferred_or_go in [15, 16] {
        assert_eq!(on_line(deferred_or_go, "CopyAgg"), 1, "{text}");
        assert_eq!(on_line(deferred_or_go, "ShareAgg"), 0, "{text}");
    }
}

/// A body that cannot run past its end (it ends in `return`, `panic` or
/// `for {}`) gets no fall-off `Return` after it; one that can (a plain end,
/// or an `if` without `else` whose jump lands there) keeps it.
#[test]
fn no_return_after_a_terminating_statement() {
    let path = temp_go_file(
        "ends.go",
        "package main

func add(a, b int) int {
\treturn a + b
}

func boom() {
\tpanic(\"boom\")
}

func spin() {
\tfor {
\t}
}

func plain(x int) {
\tif x > 0 {
\t\tprintln(x)
\t}
}

func closed() (n int) {
\tdefer func() { n++ }()
\treturn 1
}

func bare() (n int) {
\tdefer func() { n++ }()
\tn = 2
\treturn
}

func main() {
\tif add(1, 2) == 4 {
\t\tspin()
\t\tboom()
\t}
\tplain(closed() + bare())
}
",
    );
    let text = disasm(&[], &path);
    let ops = |name: &str| func_ops(&text, name);
    // `return a + b`: the add fused with the return, the Return kept after it.
    assert_eq!(ops("main.add"), ["AddIntReturn", "Return"], "{text}");
    assert_eq!(ops("main.boom").last().map(String::as_str), Some("Panic"));
    assert_eq!(ops("main.spin"), ["Jump"], "{text}");
    let plain = ops("main.plain");
    assert_eq!(plain.last().map(String::as_str), Some("Return"), "{text}");
    // `return 1` runs the defer itself (Go open-codes it: the return's
    // `RunDefers`) and runs on into the loads and `Return` right after it,
    // with no `Jump +0`; after that `Return` comes the block only a
    // recovered panic enters: `RunDefers`, then a jump back to the `Return`.
    let closed = ops("main.closed");
    let returns_at = |ops: &[String]| {
        let at = ops.iter().position(|op| op == "Return");
        at.unwrap_or_else(|| panic!("a Return in {ops:?}"))
    };
    let at = returns_at(&closed);
    assert_eq!(
        closed.iter().filter(|op| *op == "Return").count(),
        1,
        "{text}"
    );
    assert!(!closed[..at].iter().any(|op| op == "Jump"), "{text}");
    assert_eq!(
        closed[..at].iter().filter(|op| *op == "RunDefers").count(),
        1,
        "{text}"
    );
    assert_eq!(closed[at + 1..], ["RunDefers", "Jump"], "{text}");
    // The boxed int result starts as one `NewCellInt`; `defer func() { ... }()`
    // is one `DeferClosure` (no `MakeClosure`, no `Defer`).
    assert_eq!(closed[..2], ["NewCellInt", "DeferClosure"], "{text}");
    assert!(!closed.iter().any(|op| op == "MakeClosure" || op == "Defer"));
    // A bare `return` runs on the same way: a trace shows a frame running its
    // defers at the `RunDefers` itself, so no instruction of the return's
    // line needs to come before it.
    let bare = ops("main.bare");
    let at = returns_at(&bare);
    assert!(!bare[..at].iter().any(|op| op == "Jump"), "{text}");
    assert_eq!(bare[at + 1..], ["RunDefers", "Jump"], "{text}");
}

/// A non-aggregate global is read and written through its cell in one
/// instruction each (`LoadGlobalCell`/`StoreGlobalCell`), with no register
/// holding the cell; an aggregate global keeps `LoadGlobal`.
#[test]
fn globals_are_read_and_written_in_one_instruction() {
    let path = temp_go_file(
        "globals.go",
        "package main

var count int
var pair [2]int

func main() {
\tcount++
\tcount = count * 3
\tpair[1] = count
\tprintln(count, pair[1])
}
",
    );
    let text = disasm(&[], &path);
    let main: Vec<&str> = func_listing(&text, "main.main").lines().collect();
    let on_line = |line: u32, op: &str| {
        main.iter()
            .filter(|l| l.ends_with(&format!("globals.go:{line}")))
            .filter(|l| l.split_whitespace().nth(1) == Some(op))
            .count()
    };
    // `count++`: read, add, write.
    assert_eq!(on_line(7, "LoadGlobalCell"), 1, "{text}");
    assert_eq!(on_line(7, "StoreGlobalCell"), 1, "{text}");
    assert_eq!(on_line(7, "LoadGlobal"), 0, "{text}");
    assert_eq!(on_line(7, "Load"), 0, "{text}");
    assert_eq!(on_line(7, "Store"), 0, "{text}");
    assert_eq!(on_line(8, "LoadGlobalCell"), 1, "{text}");
    assert_eq!(on_line(8, "StoreGlobalCell"), 1, "{text}");
    // The array lives in its global slot: `LoadGlobal` aliases it.
    assert_eq!(on_line(9, "LoadGlobal"), 1, "{text}");
    assert_eq!(on_line(9, "LoadGlobalCell"), 1, "{text}");
    let run = gomini()
        .arg("run")
        .arg(&path)
        .output()
        .expect("gomini runs");
    assert_eq!(
        String::from_utf8_lossy(&run.stderr).lines().next(),
        Some("3 3")
    );
}

/// `if … else` and `switch` branches that all return need no jump to the
/// statement's end (it would land on an unreachable fall-off `Return`); a
/// branch whose end another jump reaches keeps its jump.
#[test]
fn no_jump_after_a_branch_that_returns() {
    let path = temp_go_file(
        "branches.go",
        "package main

func sign(x int) int {
\tif x < 0 {
\t\treturn -1
\t} else if x == 0 {
\t\treturn 0
\t} else {
\t\treturn 1
\t}
}

func name(n int) string {
\tswitch n {
\tcase 1:
\t\treturn \"one\"
\tcase 2:
\t\treturn \"two\"
\tdefault:
\t\treturn \"many\"
\t}
}

func nested(x int) int {
\tif x > 0 {
\t\tif x > 10 {
\t\t\treturn 10
\t\t}
\t} else {
\t\treturn 0
\t}
\treturn x
}

func main() {
\tprintln(sign(-3), name(2), nested(3))
}
",
    );
    let text = disasm(&[], &path);
    let ops = |name: &str| func_ops(&text, name);
    let after_return = |ops: &[String]| -> Vec<String> {
        ops.windows(2)
            .filter(|w| w[0] == "Return")
            .map(|w| w[1].clone())
            .collect()
    };
    for func in ["main.sign", "main.name"] {
        let listed = ops(func);
        let returns = listed.iter().filter(|op| *op == "Return").count();
        assert_eq!(returns, 3, "one Return per branch in {func}:\n{text}");
        assert!(
            !after_return(&listed).iter().any(|op| op == "Jump"),
            "no Jump right after a Return in {func}:\n{text}"
        );
        assert_eq!(listed.last().map(String::as_str), Some("Return"), "{text}");
    }
    // The inner `if` without else jumps to the end of the outer then-branch,
    // so the jump over the else stays, and so does the final `return x`.
    let nested = ops("main.nested");
    assert_eq!(
        after_return(&nested).first().map(String::as_str),
        Some("Jump"),
        "{text}"
    );
    assert_eq!(
        nested.iter().filter(|op| *op == "Return").count(),
        3,
        "{text}"
    );
}

#[test]
fn a_blank_range_key_or_value_is_neither_copied_nor_loaded() {
    let path = temp_go_file(
        "blank_range.go",
        "package main

func total(ws []string) int {
\tn := 0
\tfor _, w := range ws {
\t\tn += len(w)
\t}
\treturn n
}

func indexes(xs []int) int {
\tn := 0
\tfor i, _ := range xs {
\t\tn += i
\t}
\treturn n
}

func main() {
\tprintln(total([]string{\"a\", \"bc\"}), indexes([]int{5, 6, 7}))
}
",
    );
    let text = disasm(&[], &path);
    // `total`'s one `Move` is the copy of the range subject before the
    // loop; the index is not copied (it was a second `Move`, run per iteration).
    let total = func_ops(&text, "main.total");
    assert_eq!(
        total.iter().filter(|op| *op == "Move").count(),
        1,
        "only the subject's Move in main.total:\n{text}"
    );
    assert_eq!(
        total.iter().filter(|op| *op == "LoadElem").count(),
        1,
        "{text}"
    );
    // `indexes` never reads an element.
    let indexes = func_ops(&text, "main.indexes");
    assert!(
        !indexes.iter().any(|op| op == "LoadElem"),
        "no element load for the blank value in main.indexes:\n{text}"
    );
}
