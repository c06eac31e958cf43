//! gomini's standard library as Go source: one file per package, checked like user code; bodiless functions are natives implemented by the runtime (listed in `natives.txt`).

use std::sync::OnceLock;

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

/// The file name of library package `path`'s source (`sync.go`).
pub fn file_name(path: &str) -> Option<&'static str> {
    Some(match path {
        "fmt" => "fmt.go",
        "errors" => "errors.go",
        "strings" => "strings.go",
        "strconv" => "strconv.go",
        "sort" => "sort.go",
        "sync" => "sync.go",
        "sync/atomic" => "atomic.go",
        "time" => "time.go",
        "context" => "context.go",
        "os" => "os.go",
        "runtime" => "runtime.go",
        "log" => "log.go",
        "math" => "math.go",
        "unicode/utf8" => "utf8.go",
        "unicode" => "unicode.go",
        _ => return None,
    })
}

/// Where byte `offset` of library package `path`'s source is, as Go names
/// library files in traces: (`$GOROOT/src/sync/sync.go`, line, column). The
/// file is gomini's own (vm/src/stdlib), not Go's.
pub fn position(path: &str, offset: u32) -> Option<(String, u32, u32)> {
    let src = source(path)?;
    let offset = offset.min(src.len() as u32);
    let (line, col) = gomini_lexer::LineIndex::new(src).line_col(offset);
    Some((
        format!("$GOROOT/src/{path}/{}", file_name(path)?),
        line,
        col,
    ))
}

/// An error found in library package `path`'s own source: a gomini bug. It
/// is reported (never a crash), named as such and located in the library
/// file; the diagnostic itself sits at the start of the program's file, since
/// the program is what the user can point at.
pub fn internal_error(path: &str, span: gomini_lexer::Span, msg: &str) -> gomini_lexer::Diagnostic {
    let at = match position(path, span.start) {
        Some((file, line, col)) => format!("{file}:{line}:{col}"),
        None => format!("byte {} of package {path}", span.start),
    };
    gomini_lexer::Diagnostic::new(
        gomini_lexer::Phase::Check,
        gomini_lexer::Span::new(0, 0),
        format!("internal error in gomini's package {path} (at {at}): {msg}"),
    )
}

/// The line ending the part of `errors.go` that fmt, strconv and context use
/// (`errorString` and `New`).
const LIBRARY_ONLY_END: &str = "// ---- end of the part other library packages use";

/// The source of library package `path` as loaded when only other library
/// packages import it: for `errors` (imported by fmt for `Errorf`), the
/// prefix of `errors.go` up to `LIBRARY_ONLY_END`. Parsing and checking all
/// of `errors.go` was half of the start-up of a program that only imports
/// fmt (3.2M of `hello.go`'s 6.6M instructions). Being a prefix, its spans
/// are those of the whole file, so traces locate it alike.
pub fn library_only_source(path: &str) -> Option<&'static str> {
    let src = source(path)?;
    Some(match (path, src.find(LIBRARY_ONLY_END)) {
        ("errors", Some(end)) => &src[..end],
        _ => src,
    })
}

/// Loads library packages from the embedded sources with gomini's parser.
///
/// Each package is parsed once per process and kept: a program's packages are
/// then never freed at exit (the drop of their trees cost `gomini run` as much
/// as checking them), and the REPL and the tests, which check many programs,
/// parse the library once. The cache holds at most one tree per package (and
/// one for the part of `errors` the library uses), so it does not grow.
pub struct Stdlib;

/// A parsed library source: the tree, or the parse error's message.
type Parsed = Result<ast::File, String>;

/// The trees of `PACKAGES`, in its order, whole.
static WHOLE: [OnceLock<Parsed>; PACKAGES.len()] = [const { OnceLock::new() }; PACKAGES.len()];
/// The trees of the packages whose library-only source is a part
/// (`library_only_source`), in `PACKAGES`' order.
static LIBRARY_ONLY: [OnceLock<Parsed>; PACKAGES.len()] =
    [const { OnceLock::new() }; PACKAGES.len()];

impl Loader for Stdlib {
    fn load(&self, path: &str) -> Option<Result<&'static ast::File, String>> {
        let idx = PACKAGES.iter().position(|p| *p == path)?;
        Some(cached(&WHOLE[idx], source(path)?))
    }

    fn load_for_library(&self, path: &str) -> Option<Result<&'static ast::File, String>> {
        let idx = PACKAGES.iter().position(|p| *p == path)?;
        let (part, whole) = (library_only_source(path)?, source(path)?);
        // The whole source: its tree is the one `load` keeps.
        let slot = if part.len() == whole.len() {
            &WHOLE[idx]
        } else {
            &LIBRARY_ONLY[idx]
        };
        Some(cached(slot, part))
    }
}

fn cached(slot: &'static OnceLock<Parsed>, src: &str) -> Result<&'static ast::File, String> {
    slot.get_or_init(|| parse(src))
        .as_ref()
        .map_err(Clone::clone)
}

fn parse(src: &str) -> Parsed {
    match gomini_parser::parse(src) {
        (Some(file), diags) if diags.is_empty() => Ok(file),
        (_, diags) => Err(diags
            .first()
            .map(|d| format!("{} at byte {}", d.message, d.span.start))
            .unwrap_or_default()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_package_has_a_source_and_a_file_name() {
        for path in PACKAGES {
            assert!(source(path).is_some(), "{path}");
            let (file, line, col) = position(path, 0).expect("a position");
            assert!(file.starts_with(&format!("$GOROOT/src/{path}/")), "{file}");
            assert!(file.ends_with(".go"), "{file}");
            assert_eq!((line, col), (1, 1));
        }
        assert_eq!(file_name("net/http"), None);
    }

    /// The names of the functions of the checked program `src`.
    fn func_names(src: &str) -> Vec<String> {
        let (file, diags) = gomini_parser::parse(src);
        assert!(diags.is_empty(), "{diags:?}");
        let (program, diags) = crate::check::check(&file.expect("a file"));
        assert!(diags.is_empty(), "{diags:?}");
        program
            .expect("a program")
            .funcs
            .into_iter()
            .map(|f| f.name)
            .collect()
    }

    #[test]
    fn errors_is_loaded_whole_only_when_the_program_imports_it() {
        let core = library_only_source("errors").expect("errors");
        assert!(core.contains("func New(text string) error"), "{core}");
        assert!(!core.contains("func Is("), "{core}");
        assert!(source("errors").expect("errors").starts_with(core));
        assert_eq!(library_only_source("fmt"), source("fmt"));

        let only_fmt = func_names(
            "package main\n\nimport \"fmt\"\n\nfunc main() { fmt.Println(fmt.Errorf(\"x\")) }\n",
        );
        assert!(only_fmt.iter().any(|f| f == "errors.New"), "{only_fmt:?}");
        assert!(!only_fmt.iter().any(|f| f == "errors.Is"), "{only_fmt:?}");

        // Imported by the program after fmt (which imports it too): whole.
        let both = func_names(
            "package main\n\nimport (\n\t\"fmt\"\n\t\"errors\"\n)\n\nfunc main() { fmt.Println(errors.Is(fmt.Errorf(\"x\"), nil)) }\n",
        );
        assert!(both.iter().any(|f| f == "errors.Is"), "{both:?}");
    }

    #[test]
    fn functions_are_attributed_to_their_package() {
        use crate::program::library_package;
        assert_eq!(library_package("sync.(*WaitGroup).Done"), Some("sync"));
        assert_eq!(library_package("sync/atomic.AddInt32"), Some("sync/atomic"));
        assert_eq!(
            library_package("unicode/utf8.RuneLen"),
            Some("unicode/utf8")
        );
        assert_eq!(library_package("runtime.main"), Some("runtime"));
        assert_eq!(library_package("main.main"), None);
        assert_eq!(library_package("main.sync.func1"), None);
        assert_eq!(library_package("syncx.F"), None);
    }

    #[test]
    fn a_library_error_names_the_library_file_not_the_program() {
        let src = source("sync").expect("sync");
        let offset = src.find("func (wg *WaitGroup) Done").expect("Done") as u32;
        let d = internal_error("sync", gomini_lexer::Span::new(offset, offset + 4), "boom");
        assert_eq!(d.span, gomini_lexer::Span::new(0, 0));
        let line = src[..offset as usize].lines().count() + 1;
        assert!(
            d.message.starts_with(&format!(
                "internal error in gomini's package sync (at $GOROOT/src/sync/sync.go:{line}:1): boom"
            )),
            "{}",
            d.message
        );
    }
}
