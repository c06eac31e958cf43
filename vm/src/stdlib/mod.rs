//! gomini's standard library as Go source: one file per package, checked like user code; bodiless functions are natives implemented by the runtime (listed in `natives.txt`).

use gomini_parser::ast;

use crate::check::Loader;

/// Import paths gomini provides; any other import is a located compile error.
pub const PACKAGES: &[&str] = &[
    "fmt",
    "errors",
    "strings",
    "strconv",
    "sort",
    "sync",
    "sync/atomic",
    "time",
    "context",
    "os",
    "runtime",
    "log",
    "math",
    "unicode/utf8",
    "unicode",
];

/// The Go source of library package `path`.
pub fn source(path: &str) -> Option<&'static str> {
    Some(match path {
        "fmt" => include_str!("fmt.go"),
        "errors" => include_str!("errors.go"),
        "strings" => include_str!("strings.go"),
        "strconv" => include_str!("strconv.go"),
        "sort" => include_str!("sort.go"),
        "sync" => include_str!("sync.go"),
        "sync/atomic" => include_str!("atomic.go"),
        "time" => include_str!("time.go"),
        "context" => include_str!("context.go"),
        "os" => include_str!("os.go"),
        "runtime" => include_str!("runtime.go"),
        "log" => include_str!("log.go"),
        "math" => include_str!("math.go"),
        "unicode/utf8" => include_str!("utf8.go"),
        "unicode" => include_str!("unicode.go"),
        _ => return None,
    })
}

/// Loads library packages from the embedded sources with gomini's parser.
pub struct Stdlib;

impl Loader for Stdlib {
    fn load(&self, path: &str) -> Option<Result<ast::File, String>> {
        let src = source(path)?;
        Some(parse(src))
    }
}

fn parse(src: &str) -> Result<ast::File, String> {
    match gomini_parser::parse(src) {
        (Some(file), diags) if diags.is_empty() => Ok(file),
        (_, diags) => Err(diags
            .first()
            .map(|d| format!("{} at byte {}", d.message, d.span.start))
            .unwrap_or_default()),
    }
}
