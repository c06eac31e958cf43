//! Inputs that once crashed, hung or exhausted memory in the checker (most found
//! by the `check` fuzz target, see `fuzz/README.md`); each test opens by
//! describing its bug and pins the located error now given instead.

use gomini_lexer::LineIndex;

/// The checker's diagnostics for `src` as `LINE:COL: MESSAGE`; the source must parse.
fn check(src: &str) -> Vec<String> {
    let (file, diags) = gomini_parser::parse(src);
    assert!(diags.is_empty(), "the test program must parse: {diags:?}");
    let file = file.expect("a tree");
    let (_, diags) = gomini_vm::check::check(&file);
    let idx = LineIndex::new(src);
    diags
        .iter()
        .map(|diag| {
            let (line, col) = idx.line_col(diag.span.start);
            format!("{line}:{col}: {}", diag.message)
        })
        .collect()
}

// Constants were exact without bound, so squaring one a few dozen times grew it
// past all memory. Go keeps integer constants to 512 bits and says so at the operator.
#[test]
fn squaring_constants_overflows_instead_of_exhausting_memory() {
    let mut src = String::from("package main\n\nconst c0 = 1 << 500\n");
    for idx in 1..40 {
        src.push_str(&format!(
            "const c{idx} = c{prev} * c{prev}\n",
            prev = idx - 1
        ));
    }
    src.push_str("\nfunc main() {}\n");
    let diags = check(&src);
    assert_eq!(diags[0], "4:15: constant multiplication overflow");
}

#[test]
fn shift_past_512_bits_overflows_as_in_go() {
    let diags = check("package main\n\nconst c = 1 << 600\n\nfunc main() {}\n");
    assert_eq!(diags, ["3:13: constant shift overflow"]);
}

// Float constants are exact rationals, so the same squaring exhausted memory.
#[test]
fn squaring_float_constants_overflows_instead_of_exhausting_memory() {
    let mut src = String::from("package main\n\nconst f0 = 1.5e300\n");
    for idx in 1..40 {
        src.push_str(&format!(
            "const f{idx} = f{prev} * f{prev}\n",
            prev = idx - 1
        ));
    }
    src.push_str("\nfunc main() {}\n");
    let diags = check(&src);
    assert!(
        diags[0].ends_with("constant multiplication overflow"),
        "{diags:?}"
    );
}
