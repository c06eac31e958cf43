//! Prints `file:line:col: message` for every diagnostic of each Go file named on the command line.

fn main() {
    for path in std::env::args().skip(1) {
        let bytes = match std::fs::read(&path) {
            Ok(bytes) => bytes,
            Err(err) => {
                eprintln!("{path}: {err}");
                continue;
            }
        };
        let (text, file, diagnostics) = gomini_parser::parse_bytes(&bytes);
        let index = gomini_lexer::LineIndex::new(&text);
        for diag in &diagnostics {
            let (line, col) = index.line_col(diag.span.start);
            println!("{path}:{line}:{col}: {}", diag.message);
        }
        if file.is_none() {
            println!("{path}: no tree");
        }
    }
}
