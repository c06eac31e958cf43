//! Parser tests: each parses a snippet and compares the rendered tree (or first diagnostic) with text.

use gomini_lexer::LineIndex;
use gomini_parser::{parse, render};

/// Renders the parse of `src`: the tree's declarations, then `line:col: message` per diagnostic.
fn rendered(src: &str) -> String {
    let (file, diagnostics) = parse(src);
    let index = LineIndex::new(src);
    let mut out = file
        .map(|file| render(&file))
        .unwrap_or_else(|| "no tree\n".to_string());
    for diag in diagnostics {
        let (line, col) = index.line_col(diag.span.start);
        out.push_str(&format!("{line}:{col}: {}\n", diag.message));
    }
    out
}

/// Checks the body of `func main` (`body` is Go statements) rendered as S-expressions.
fn check_body(body: &str, expect: &str) {
    let src = format!("package main\nfunc main() {{\n{body}\n}}\n");
    let out = rendered(&src);
    let line = out.lines().nth(1).unwrap_or("");
    let got = line
        .strip_prefix("(func main () () {")
        .and_then(|rest| rest.strip_suffix("})"))
        .unwrap_or(line);
    assert_eq!(got, expect, "source:\n{src}\nfull output:\n{out}");
}

/// Checks a whole file's rendering.
fn check(src: &str, expect: &str) {
    assert_eq!(
        rendered(src).trim_end(),
        expect.trim_end(),
        "source:\n{src}"
    );
}

#[test]
fn declarations() {
    check(
        "package main\nimport \"fmt\"\nimport (\n\tf \"fmt\"\n\t_ \"os\"\n)\nvar x, y int = 1, 2\nconst (\n\tA = iota\n\tB\n)\ntype T struct {\n\ta, b int\n\t*U\n\tpkg.V `tag`\n}\ntype Alias = int\nfunc (t *T) M(a, b int, c ...string) (int, error) { return 0, nil }\nfunc bodiless()\n",
        r#"package main
import "fmt"
import f "fmt"
import _ "os"
(var (x y int = 1 2))
(const (A _ = iota iota=0) (B _ =  iota=1))
(type (T struct{a b int; *U; pkg.V "tag"}))
(type (Alias = int))
(func (t *T) M (a int b int c ...string) (int error) {(return 0 nil)})
(func bodiless () () nobody)"#,
    );
    check(
        "package main\ntype I interface {\n\tfmt.Stringer\n\tM(x int) bool\n}\nvar f func(int) (string, bool)\nvar c <-chan map[string][]*[3]int\n",
        "package main\n(type (I interface{fmt.Stringer; M(x int) (bool)}))\n(var (f func(int) (string bool) = ))\n(var (c <-chan map[string][]*[3]int = ))",
    );
}

#[test]
fn precedence_and_unary() {
    check_body(
        "x := a + b*c - d<<2",
        "(:= (x) ((- (+ a (* b c)) (<< d 2))))",
    );
    check_body("x := a || b && c == d", "(:= (x) ((|| a (&& b (== c d)))))");
    check_body(
        "x := -a * *p + <-ch &^ ^m",
        "(:= (x) ((+ (* (- a) (* p)) (&^ (<- ch) (^ m)))))",
    );
    check_body("x := &T{1, 2}", "(:= (x) ((& (lit T 1 2))))");
}

#[test]
fn postfix_expressions() {
    check_body(
        "a.b.c(1, xs...)[2]",
        "(index (call (. (. a b) c) 1 xs ...) 2)",
    );
    check_body(
        "_ = s[1:2], s[:], s[1:2:3]",
        "(= (_) ((slice s 1 2) (slice s _ _) (slice s 1 2 3)))",
    );
    check_body("v, ok := x.(T)", "(:= (v ok) ((assert x T)))");
    check_body("_ = []int{1, 2}[0]", "(= (_) ((index (lit []int 1 2) 0)))");
    check_body(
        "_ = map[string][]P{\"a\": {{1, 2}}}",
        r#"(= (_) ((lit map[string][]P "a":(lit _ (lit _ 1 2)))))"#,
    );
    check_body("_ = make([]int, 3)", "(= (_) ((call make (type []int) 3)))");
    check_body("_ = (*T)(p)", "(= (_) ((call (paren (* T)) p)))");
    check_body(
        "f := func(x int) int { return x }",
        "(:= (f) ((funclit (x int) (int) {(return x)})))",
    );
}

#[test]
fn statements() {
    check_body(
        "x++\ny--\nch <- 1\na, b = b, a\nx += 2",
        "(++ x) (-- y) (send ch 1) (= (a b) (b a)) (+= (x) (2))",
    );
    check_body(
        "if x := f(); x > 0 {\n} else if y {\n} else {\n}",
        "(if (:= (x) ((call f))) (> x 0) {} else (if _ y {} else {}))",
    );
    check_body(
        "for i := 0; i < 3; i++ {\n}",
        "(for (:= (i) (0)) (< i 3) (++ i) {})",
    );
    check_body(
        "for x < 3 {\n}\nfor {\n}",
        "(for _ (< x 3) _ {}) (for _ _ _ {})",
    );
    check_body(
        "for k, v := range m {\n}\nfor range 10 {\n}\nfor i = range s {\n}",
        "(range k v := m {}) (range _ _ = 10 {}) (range i _ = s {})",
    );
    check_body(
        "switch x := f(); x {\ncase 1, 2:\n\tfallthrough\ndefault:\n}",
        "(switch (:= (x) ((call f))) x (case 1 2: (fallthrough)) (default: ))",
    );
    check_body("switch {\ncase x > 1:\n}", "(switch _ _ (case (> x 1): ))");
    check_body(
        "switch v := x.(type) {\ncase int, *T, nil:\ncase []string:\ndefault:\n}",
        "(typeswitch _ v x (case int *T nil: ) (case []string: ) (default: ))",
    );
    check_body(
        "select {\ncase v := <-ch:\ncase ch <- 1:\ncase <-done:\ndefault:\n}",
        "(select (case (:= (v) ((<- ch))): ) (case (send ch 1): ) (case (<- done): ) (default: ))",
    );
    check_body(
        "L:\n\tfor {\n\t\tbreak L\n\t\tcontinue L\n\t}",
        "(label L (for _ _ _ {(break L) (continue L)}))",
    );
    check_body(
        "go f(1)\ndefer g()\nreturn",
        "(go (call f 1)) (defer (call g)) (return)",
    );
    check_body(
        "var x int\nconst c = 1\ntype T int",
        "(var (x int = )) (const (c _ = 1 iota=0)) (type (T int))",
    );
}

#[test]
fn composite_literals_in_headers() {
    check_body("if x == (T{}) {\n}", "(if _ (== x (paren (lit T ))) {})");
    check_body(
        "for _, v := range []int{1} {\n}",
        "(range _ v := (lit []int 1) {})",
    );
    check_body("if x == y {\n}", "(if _ (== x y) {})");
}

#[test]
fn literals() {
    check_body(
        "_ = 0x_FF + 1e3 + 'a' + \"\\xff\" + `r`",
        r#"(= (_) ((+ (+ (+ (+ 0x_FF 1e3) rune:97) "\xff") "r")))"#,
    );
    check_body("_ = 2i", "(= (_) (2i))");
}

#[test]
fn go_worded_errors() {
    let first = |src: &str| {
        rendered(src)
            .lines()
            .find(|line| line.starts_with(char::is_numeric))
            .unwrap_or("")
            .to_string()
    };
    assert_eq!(
        first("package main\nfunc main() {\n\tif x\n\t{\n\t}\n}\n"),
        "3:6: syntax error: unexpected newline, expected { after if clause"
    );
    assert_eq!(
        first("package main\nfunc main() {\n\tf(1\n}\n"),
        "3:5: syntax error: unexpected newline in argument list; possibly missing comma or )"
    );
    assert_eq!(
        first("package main\nfunc main() {\n\tx := 1 2\n}\n"),
        "3:9: syntax error: unexpected literal 2 at end of statement"
    );
    assert_eq!(
        first("package main\nx := 1\n"),
        "2:1: syntax error: non-declaration statement outside function body"
    );
    assert_eq!(
        first("package main\nfunc main() {\n\tif x {\n\t}\n\telse {\n\t}\n}\n"),
        "5:2: syntax error: unexpected keyword else, expected }"
    );
    assert_eq!(
        first("package main\nfunc F[T any]() {}\n"),
        "2:7: generics are not supported by gomini"
    );
    assert_eq!(
        first("package main\ntype L[T any] struct{}\n"),
        "2:7: generics are not supported by gomini"
    );
    assert_eq!(
        first("package main\nfunc main() {\nL:\n\tgoto L\n}\n"),
        "4:2: goto is not supported by gomini"
    );
    assert_eq!(
        first("package main\nfunc main() {\n\tx := \"a\n}\n"),
        "3:9: newline in string"
    );
}

#[test]
fn every_error_of_a_file_is_reported() {
    let src =
        "package main\nfunc a() {\n\tx := 1 2\n}\nfunc b() {\n\tf(1\n}\nfunc c() {\n\ty := )\n}\n";
    let (_, diagnostics) = parse(src);
    assert_eq!(diagnostics.len(), 3, "{diagnostics:?}");
}
