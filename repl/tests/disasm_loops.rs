//! `gomini disasm` shows the loop code the compiler fuses: one `LoopLtImm`
//! ... `LoopGe` back-edge per iteration where Go's post statement and
//! condition allow it, the plain add and test where they do not (narrow
//! counters, captured loop variables), constant stores and multiplies with
//! their constant inline, comma-ok results straight in their locals.

use assert_cmd::Command;

/// The listing of `main.main` for a program whose `main` body is `body`.
fn main_listing(name: &str, body: &str) -> String {
    let dir = std::env::temp_dir().join(format!("gomini-disasm-loops-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join(format!("{name}.go"));
    let text = format!("package main\n\nimport \"fmt\"\n\nfunc main() {{\n{body}\n}}\n");
    std::fs::write(&path, text).expect("write temp file");
    let out = Command::cargo_bin("gomini")
        .expect("the gomini binary is built")
        .env("NO_COLOR", "1")
        .arg("disasm")
        .arg(&path)
        .output()
        .expect("gomini runs");
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let listing = String::from_utf8(out.stdout).expect("UTF-8 listing");
    listing
        .split("\n\n")
        .find(|f| f.starts_with("func main.main"))
        .unwrap_or_else(|| panic!("main.main is listed:\n{listing}"))
        .to_string()
}

/// The instruction names of a listing, in order.
fn ops(listing: &str) -> Vec<&str> {
    listing
        .lines()
        .skip(1)
        .filter_map(|l| l.split_whitespace().nth(1))
        .collect()
}

#[test]
fn counting_loop_ends_in_one_fused_step() {
    let text = main_listing(
        "count",
        "\ts := 0\n\tfor i := 0; i < 100000; i++ {\n\t\ts += i\n\t}\n\tfmt.Println(s)",
    );
    let ops = ops(&text);
    // Body AddInt, then the back-edge: the step, test and jump in one
    // instruction, which jumps back over itself and the AddInt, with the
    // constant limit inside it (`LoopIncLtConst`). The AddInt is fused with
    // the back-edge (`AddIntLoopIncLtConst`, one dispatch), which stays in
    // place for a preemption between the two halves.
    let at = ops
        .iter()
        .position(|o| *o == "LoopIncLtConst")
        .expect(&text);
    assert_eq!(ops[at - 1], "AddIntLoopIncLtConst", "{text}");
    assert_ne!(ops[at + 1], "Jump", "{text}");
    assert!(!ops.contains(&"AddIntImm"), "{text}");
    let step = text
        .lines()
        .find(|l| l.split_whitespace().nth(1) == Some("LoopIncLtConst"))
        .unwrap();
    let words: Vec<&str> = step.split_whitespace().collect();
    assert_eq!(words[3..7], ["+1", "<", "100000", "-2"], "{text}");
    // The limit is still loaded once before the loop (its register is no
    // longer read), so the loop takes as many steps as it did before.
    assert!(
        text.lines()
            .any(|l| l.contains("LoadInt") && l.contains(" 100000 ")),
        "{text}"
    );
}

#[test]
fn a_loop_up_to_a_variable_or_with_another_step_keeps_its_limit_register() {
    for body in [
        "\tn := 100\n\tfor i := 0; i < n; i++ {\n\t\tfmt.Println(i)\n\t}",
        "\tfor i := 0; i < 100; i += 2 {\n\t\tfmt.Println(i)\n\t}",
        "\tfor i := 0; i <= 100; i++ {\n\t\tfmt.Println(i)\n\t}",
    ] {
        let text = main_listing("limit", body);
        let ops = ops(&text);
        assert!(!ops.contains(&"LoopIncLtConst"), "{text}");
        assert!(ops.iter().any(|o| o.starts_with("Loop")), "{text}");
    }
}

#[test]
fn register_step_and_constant_store_in_the_sieve_loop() {
    let text = main_listing(
        "sieve",
        "\tn := 100\n\tc := make([]bool, n+1)\n\tfor i := 2; i <= n; i++ {\n\t\tfor j := i * i; j <= n; j += i {\n\t\t\tc[j] = true\n\t\t}\n\t}\n\tfmt.Println(c[99])",
    );
    let ops = ops(&text);
    let at = ops.iter().position(|o| *o == "LoopLe").expect(&text);
    // The inner loop is the store and the fused back-edge: two dispatches.
    assert_eq!(ops[at - 1], "StoreElemConst", "{text}");
    // `true` is not loaded into a register first.
    assert!(
        !text
            .lines()
            .any(|l| l.contains("LoadBool") && l.contains(" true ")),
        "{text}"
    );
    assert!(text.contains(" <= r"), "{text}");
    assert!(ops.contains(&"LoopLeImm"), "{text}");
}

#[test]
fn downward_and_flipped_loops_fuse_with_their_comparison() {
    let text = main_listing(
        "down",
        "\tn := 10\n\tfor i := n; i >= 0; i -= 2 {\n\t\tfmt.Println(i)\n\t}\n\tfor i := 0; n > i; i++ {\n\t\tfmt.Println(i)\n\t}",
    );
    assert!(
        text.lines()
            .any(|l| l.contains("LoopGeImm") && l.contains("-2 >= r")),
        "{text}"
    );
    assert!(
        text.lines()
            .any(|l| l.contains("LoopLtImm") && l.contains("+1 < r")),
        "{text}"
    );
}

#[test]
fn narrow_unsigned_and_captured_counters_keep_the_plain_code() {
    for (name, body) in [
        (
            "int8",
            "\tfor i := int8(0); i < 100; i++ {\n\t\tfmt.Println(i)\n\t}",
        ),
        ("uint", "\tfor i := uint(0); i < 100; i++ {\n\t\tfmt.Println(i)\n\t}"),
        (
            "captured",
            "\tvar fs []func() int\n\tfor i := 0; i < 3; i++ {\n\t\tfs = append(fs, func() int { return i })\n\t}\n\tfmt.Println(len(fs))",
        ),
    ] {
        let text = main_listing(name, body);
        assert!(
            !ops(&text).iter().any(|o| o.starts_with("Loop")),
            "{name}: {text}"
        );
    }
    // The int8 counter wraps after its add.
    let text = main_listing(
        "int8wrap",
        "\tfor i := int8(0); i < 100; i++ {\n\t\tfmt.Println(i)\n\t}",
    );
    let ops = ops(&text);
    let at = ops.iter().position(|o| *o == "AddIntImm").expect(&text);
    assert_eq!(ops[at + 1], "Wrap", "{text}");
}

#[test]
fn range_over_a_slice_tests_once_per_iteration() {
    let text = main_listing(
        "range",
        "\ts := []int{1, 2, 3}\n\tt := 0\n\tfor _, v := range s {\n\t\tt += v\n\t}\n\tfmt.Println(t)",
    );
    let ops = ops(&text);
    assert!(ops.contains(&"LoopLtImm"), "{text}");
    assert!(
        !ops.contains(&"LtInt") && !ops.contains(&"JumpIfNot"),
        "{text}"
    );
}

#[test]
fn constant_multiply_and_comma_ok_into_locals() {
    let text = main_listing(
        "maps",
        "\tm := map[int]int{}\n\tfor i := 0; i < 10; i++ {\n\t\tm[i*3] = i\n\t}\n\tif v, ok := m[3]; ok {\n\t\tfmt.Println(v)\n\t}",
    );
    let ops = ops(&text);
    assert!(ops.contains(&"MulIntImm"), "{text}");
    // A map of ints: the lookup that writes the zero itself (MapGetOkInt).
    let at = ops.iter().position(|o| *o == "MapGetOkInt").expect(&text);
    assert_eq!(ops[at + 1], "JumpIfNot", "{text}");
}
