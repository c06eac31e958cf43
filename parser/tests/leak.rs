//! The parser frees everything it builds: parsing the same file many times
//! leaves live heap memory where one parse left it.
//!
//! Regression: chumsky's `Recursive::declare` clones are strong, so the
//! grammar's mutually recursive rules formed an `Rc` cycle that leaked about
//! 18 KB per parse (the fuzzers ran out of memory; a REPL parses every entry).
//! `grammar::Declared` keeps one strong reference outside the rules.

use std::alloc::System;

/// Counts the bytes currently allocated (the `cap` crate, as the `gomini` binary uses).
#[global_allocator]
static ALLOCATOR: cap::Cap<System> = cap::Cap::new(System, usize::MAX);

fn live_bytes() -> isize {
    ALLOCATOR.allocated() as isize
}

const PROGRAM: &str = r#"package main

import "fmt"

type P struct{ x, y int }

func (p *P) Sum() (r int) {
	defer func() { r *= 2 }()
	return p.x + p.y
}

func main() {
	s := []int{1, 2, 3}
	for i, v := range s {
		if v%2 == 0 {
			fmt.Println(i, v)
		}
	}
	switch n := len(s); {
	case n > 2:
		fmt.Println((&P{1, 2}).Sum())
	}
}
"#;

#[test]
fn parsing_many_times_leaks_nothing() {
    // One parse first, so that one-time allocations (lazy statics) are not counted.
    let (tree, diags) = gomini_parser::parse(PROGRAM);
    assert!(tree.is_some() && diags.is_empty(), "{diags:?}");
    drop(tree);
    let before = live_bytes();
    for _ in 0..50 {
        let (tree, _) = gomini_parser::parse(PROGRAM);
        drop(tree);
    }
    let grown = live_bytes() - before;
    // 50 leaking parses would hold about 900 KB; allow a little for the test harness.
    assert!(grown < 16 * 1024, "50 parses left {grown} bytes allocated");
}
