//! Times parsing a generated 10,000-line Go file; prints the median of 21 runs.
//! Run: `cargo bench -p gomini-parser --bench parse`.

use std::time::{Duration, Instant};

fn generated_file() -> String {
    let mut src = String::from("package main\n\nimport \"fmt\"\n\ntype P struct{ X, Y int }\n\n");
    let mut idx = 0;
    while src.lines().count() < 10_000 {
        src.push_str(&format!(
            "func f{idx}(a, b int, xs []int) (int, error) {{\n\tp := &P{{X: a, Y: b}}\n\tif a > b && p.X != 0 {{\n\t\treturn a - b, nil\n\t}}\n\tfor i, v := range xs {{\n\t\ta += i * v % 7\n\t}}\n\tswitch {{\n\tcase a < 0:\n\t\ta = -a\n\t}}\n\tfmt.Println(a, b, p, xs[1:2])\n\treturn a, fmt.Errorf(\"f{idx}: %d\", a)\n}}\n\n"
        ));
        idx += 1;
    }
    src.push_str("func main() {}\n");
    src
}

fn main() {
    let src = generated_file();
    let n_lines = src.lines().count();
    let mut times: Vec<Duration> = (0..21)
        .map(|_| {
            let start = Instant::now();
            let (file, diagnostics) = gomini_parser::parse(&src);
            let elapsed = start.elapsed();
            assert!(file.is_some() && diagnostics.is_empty());
            elapsed
        })
        .collect();
    times.sort();
    println!(
        "parse {n_lines} lines ({} bytes): median {:?} of {} runs",
        src.len(),
        times[times.len() / 2],
        times.len()
    );
}
