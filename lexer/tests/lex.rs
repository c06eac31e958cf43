//! Lexer tests: each renders the token stream and diagnostics of a snippet and compares text.

use gomini_lexer::literal::{rune_value, string_value};
use gomini_lexer::{lex, merge_source_diagnostics, source_text, LineIndex, SemiSource, TokenKind};

/// Renders tokens as their source text (inserted semicolons as `;nl`/`;eof`),
/// then any diagnostics as `line:col: message` lines.
fn render(src: &str) -> String {
    let (tokens, diagnostics) = lex(src);
    let index = LineIndex::new(src);
    let mut out: Vec<String> = tokens
        .iter()
        .map(|token| match token.kind {
            TokenKind::Semi(SemiSource::Newline) => ";nl".to_string(),
            TokenKind::Semi(SemiSource::Eof) => ";eof".to_string(),
            kind => kind.to_string(),
        })
        .collect();
    let mut res = out.join(" ");
    out.clear();
    for diag in diagnostics {
        let (line, col) = index.line_col(diag.span.start);
        res.push_str(&format!("\n{line}:{col}: {}", diag.message));
    }
    res
}

fn check(src: &str, expect: &str) {
    assert_eq!(render(src), expect, "source: {src:?}");
}

#[test]
fn semicolons_are_inserted_after_line_enders() {
    check("x\ny", "x ;nl y ;eof");
    check("return\n}", "return ;nl } ;eof");
    check("f(a)\n[1]\n{}\n", "f ( a ) ;nl [ 1 ] ;nl { } ;nl");
    check(
        "i++\ni--\nbreak\ncontinue\nfallthrough\n",
        "i ++ ;nl i -- ;nl break ;nl continue ;nl fallthrough ;nl",
    );
    check("x +\ny", "x + y ;eof");
    check("if x {\n}", "if x { } ;eof");
    check("x /* a\nb */ y", "x ;nl y ;eof");
    check("x /* a b */ y", "x y ;eof");
    check("x // c\ny", "x ;nl y ;eof");
    check(
        "1\n2.5\n3i\n'a'\n\"s\"\n`r`\n",
        "1 ;nl 2.5 ;nl 3i ;nl 'a' ;nl \"s\" ;nl `r` ;nl",
    );
    check("func\n(", "func (");
}

#[test]
fn semicolon_positions_are_the_newline() {
    let (tokens, _) = lex("ab\ncd");
    assert_eq!(tokens[1].span.start, 2);
    assert_eq!(tokens[3].span.start, 5);
}

#[test]
fn keywords_operators_and_names() {
    check(
        "break case chan const continue default defer else fallthrough for func go goto if import interface map package range return select struct switch type var",
        "break case chan const continue default defer else fallthrough for func go goto if import interface map package range return select struct switch type var",
    );
    check(
        "+ - * / % & | ^ << >> &^ += -= *= /= %= &= |= ^= <<= >>= &^= && || <- ++ -- == < > = ! ~ != <= >= := ... ( ) [ ] { } , . ; :",
        "+ - * / % & | ^ << >> &^ += -= *= /= %= &= |= ^= <<= >>= &^= && || <- ++ -- == < > = ! ~ != <= >= := ... ( ) [ ] { } , . ; :",
    );
    check("_x αβ x9 日本語", "_x αβ x9 日本語 ;eof");
    assert_eq!(lex("foo").0[0].kind, TokenKind::Ident("foo"));
    assert_eq!(lex("else").0[0].kind.go_description(), "keyword else");
    assert_eq!(lex("x").0[0].kind.go_description(), "name x");
    assert_eq!(lex("\"a\"").0[0].kind.go_description(), "literal \"a\"");
    assert_eq!(lex("x\n").0[1].kind.go_description(), "newline");
    assert_eq!(lex("x").0[1].kind.go_description(), "EOF");
    assert_eq!(lex(",").0[0].kind.go_description(), "comma");
}

#[test]
fn number_literals() {
    check(
        "0 42 0x_FF 0o17 0b1010 017 1_000 0.5 .5 1. 1e10 1E-3 0x1p-2 0x1.8P+3 2i 0.5i 1e3i 0i 089.5",
        "0 42 0x_FF 0o17 0b1010 017 1_000 0.5 .5 1. 1e10 1E-3 0x1p-2 0x1.8P+3 2i 0.5i 1e3i 0i 089.5 ;eof",
    );
    let (tokens, _) = lex("1.5 2 3i");
    assert_eq!(tokens[0].kind, TokenKind::Float("1.5"));
    assert_eq!(tokens[1].kind, TokenKind::Int("2"));
    assert_eq!(tokens[2].kind, TokenKind::Imag("3i"));
}

#[test]
fn number_errors() {
    check(
        "x := 0189",
        "x := 0189 ;eof\n1:8: invalid digit '8' in octal literal",
    );
    check(
        "1__0",
        "1__0 ;eof\n1:3: '_' must separate successive digits",
    );
    check("1_", "1_ ;eof\n1:2: '_' must separate successive digits");
    check("0x", "0x ;eof\n1:3: hexadecimal literal has no digits");
    check(
        "0b12",
        "0b12 ;eof\n1:4: invalid digit '2' in binary literal",
    );
    check(
        "0x1.5",
        "0x1.5 ;eof\n1:6: hexadecimal mantissa requires a 'p' exponent",
    );
    check("1e", "1e ;eof\n1:3: exponent has no digits");
    check(
        "0b1.0",
        "0b1.0 ;eof\n1:4: invalid radix point in binary literal",
    );
    check("0x1e3p", "0x1e3p ;eof\n1:7: exponent has no digits");
    check(
        "0o1e3",
        "0o1e3 ;eof\n1:4: 'e' exponent requires decimal mantissa",
    );
}

#[test]
fn string_and_rune_literals() {
    check(
        r#""a\n\t\"" 'x' '\'' '\377' `raw\n`"#,
        r#""a\n\t\"" 'x' '\'' '\377' `raw\n` ;eof"#,
    );
    assert_eq!(
        string_value(r#""\a\b\f\n\r\t\v\\\'\"""#.replace("\\'", "").as_str()),
        b"\x07\x08\x0c\n\r\t\x0b\\\""
    );
    assert_eq!(
        string_value(r#""\xff\377\u00e9\U0001F600""#),
        b"\xff\xff\xc3\xa9\xf0\x9f\x98\x80"
    );
    assert_eq!(string_value("`a\r\nb\\n`"), b"a\nb\\n");
    assert_eq!(string_value(r#""héllo""#), "héllo".as_bytes());
    assert_eq!(rune_value("'a'"), 97);
    assert_eq!(rune_value(r"'\xff'"), 255);
    assert_eq!(rune_value(r"'\''"), 39);
    assert_eq!(rune_value(r"'\u00e9'"), 0xe9);
    assert_eq!(rune_value("'世'"), 0x4e16);
    assert_eq!(rune_value(r"'\n'"), 10);
    check("`a\nb`\n", "`a\nb` ;nl");
}

#[test]
fn literal_errors() {
    check(
        "x := \"abc\ny",
        "x := \"abc ;nl y ;eof\n1:10: newline in string",
    );
    check("x := \"abc", "x := \"abc ;eof\n1:6: string not terminated");
    check("x := `abc", "x := `abc ;eof\n1:6: string not terminated");
    check(
        "x := 'ab'",
        "x := 'ab' ;eof\n1:6: more than one character in rune literal",
    );
    check(
        "x := ''",
        "x := '' ;eof\n1:7: empty rune literal or unescaped '",
    );
    check("x := 'a", "x := 'a ;eof\n1:6: rune literal not terminated");
    check("x := 'a\n", "x := 'a ;nl\n1:8: newline in rune literal");
    check(r#""\q""#, "\"\\q\" ;eof\n1:3: unknown escape");
    check(
        r#""\xZ1""#,
        "\"\\xZ1\" ;eof\n1:4: invalid character 'Z' in hexadecimal escape",
    );
    check(
        r#""\400""#,
        "\"\\400\" ;eof\n1:6: octal escape value 256 > 255",
    );
    check(
        r#""\uD800""#,
        "\"\\uD800\" ;eof\n1:8: escape is invalid Unicode code point U+D800",
    );
    check("/* abc", "\n1:1: comment not terminated");
}

#[test]
fn invalid_characters() {
    check("a @ b", "a b ;eof\n1:3: invalid character U+0040 '@'");
    check("a\0b", "a b ;eof\n1:2: invalid NUL character");
    check("x #", "x ;eof\n1:3: invalid character U+0023 '#'");
    check("\u{FEFF}x", "x ;eof");
}

#[test]
fn invalid_utf8_is_reported_per_byte_and_offsets_survive() {
    let bytes = b"x := \"a\xffb\"\n\xfe";
    let (text, source_diags) = source_text(bytes);
    assert_eq!(text.len(), bytes.len());
    let (_, lex_diags) = lex(&text);
    let diags = merge_source_diagnostics(source_diags, lex_diags);
    let messages: Vec<_> = diags
        .iter()
        .map(|diag| (diag.span.start, diag.message.as_str()))
        .collect();
    assert_eq!(
        messages,
        vec![
            (7, "invalid UTF-8 encoding"),
            (11, "invalid UTF-8 encoding")
        ]
    );
}
