//! The lexer proper: logos recognises tokens, hand-written scanners take literals, then semicolons are inserted.

use logos::Logos;

use crate::literal::{self, NumberKind, Reporter};
use crate::token::{SemiSource, Token, TokenKind};
use crate::{Diagnostic, Phase, Span};

/// What logos recognises. Literals and comments only match their first
/// character here; a callback runs the Go-faithful scanner from [`literal`].
#[derive(Logos, Clone, Copy, Debug, PartialEq)]
#[logos(extras = Vec<Diagnostic>)]
#[logos(skip r"[ \t\r]+")]
enum Raw {
    #[token("\n")]
    Newline,
    #[regex(r"//[^\n]*", allow_greedy = true)]
    LineComment,
    /// `true` when the comment spans lines (it then ends a statement like a newline).
    #[token("/*", block_comment)]
    BlockComment(bool),
    #[regex(r"[a-zA-Z_][a-zA-Z0-9_]*", ident_tail)]
    Ident,
    /// A non-ASCII character: a letter starts an identifier; anything else is invalid.
    #[regex(r"[^\x00-\x7F]", non_ascii)]
    NonAscii(bool),
    #[regex(r"[0-9]", number)]
    #[regex(r"\.[0-9]", number)]
    Number(NumberKind),
    #[token("\"", interpreted_string)]
    #[token("`", raw_string)]
    Str,
    #[token("'", rune_literal)]
    Rune,

    #[token("+")]
    Plus,
    #[token("-")]
    Minus,
    #[token("*")]
    Star,
    #[token("/")]
    Slash,
    #[token("%")]
    Percent,
    #[token("&")]
    Amp,
    #[token("|")]
    Pipe,
    #[token("^")]
    Caret,
    #[token("<<")]
    Shl,
    #[token(">>")]
    Shr,
    #[token("&^")]
    AmpCaret,
    #[token("+=")]
    PlusAssign,
    #[token("-=")]
    MinusAssign,
    #[token("*=")]
    StarAssign,
    #[token("/=")]
    SlashAssign,
    #[token("%=")]
    PercentAssign,
    #[token("&=")]
    AmpAssign,
    #[token("|=")]
    PipeAssign,
    #[token("^=")]
    CaretAssign,
    #[token("<<=")]
    ShlAssign,
    #[token(">>=")]
    ShrAssign,
    #[token("&^=")]
    AmpCaretAssign,
    #[token("&&")]
    AndAnd,
    #[token("||")]
    OrOr,
    #[token("<-")]
    Arrow,
    #[token("++")]
    Inc,
    #[token("--")]
    Dec,
    #[token("==")]
    EqEq,
    #[token("<")]
    Lt,
    #[token(">")]
    Gt,
    #[token("=")]
    Assign,
    #[token("!")]
    Not,
    #[token("~")]
    Tilde,
    #[token("!=")]
    NotEq,
    #[token("<=")]
    LtEq,
    #[token(">=")]
    GtEq,
    #[token(":=")]
    Define,
    #[token("...")]
    Ellipsis,
    #[token("(")]
    LParen,
    #[token(")")]
    RParen,
    #[token("[")]
    LBrack,
    #[token("]")]
    RBrack,
    #[token("{")]
    LBrace,
    #[token("}")]
    RBrace,
    #[token(",")]
    Comma,
    #[token(".")]
    Dot,
    #[token(";")]
    Semi,
    #[token(":")]
    Colon,
}

fn reporter<'a>(lex: &'a mut logos::Lexer<'_, Raw>) -> Reporter<'a> {
    Reporter {
        base: lex.span().start,
        out: &mut lex.extras,
    }
}

/// Bumps the lexer so the current token is `len` bytes long.
fn extend_to(lex: &mut logos::Lexer<'_, Raw>, len: usize) {
    let have = lex.slice().len();
    lex.bump(len.saturating_sub(have));
}

fn block_comment(lex: &mut logos::Lexer<'_, Raw>) -> bool {
    let text = &lex.source()[lex.span().start..];
    let (len, has_newline) = literal::scan_block_comment(text, &mut reporter(lex));
    extend_to(lex, len);
    has_newline
}

fn is_ident_char(ch: char) -> bool {
    ch.is_alphanumeric() || ch == '_'
}

/// Extends an ASCII identifier with any non-ASCII letters and digits that follow.
fn ident_tail(lex: &mut logos::Lexer<'_, Raw>) {
    let rest = lex.remainder();
    let tail_len = rest
        .find(|ch: char| !is_ident_char(ch))
        .unwrap_or(rest.len());
    lex.bump(tail_len);
}

fn non_ascii(lex: &mut logos::Lexer<'_, Raw>) -> bool {
    let ch = lex.slice().chars().next().unwrap_or('\u{FFFD}');
    if ch.is_alphabetic() {
        ident_tail(lex);
        return true;
    }
    let start = lex.span().start as u32;
    let message = if ch.is_numeric() {
        format!(
            "identifier cannot begin with digit {}",
            literal::go_unicode(u32::from(ch))
        )
    } else {
        format!("invalid character {}", literal::go_unicode(u32::from(ch)))
    };
    lex.extras.push(Diagnostic::new(
        Phase::Lex,
        Span::new(start, start),
        message,
    ));
    false
}

fn number(lex: &mut logos::Lexer<'_, Raw>) -> NumberKind {
    let text = &lex.source()[lex.span().start..];
    let (len, kind) = literal::scan_number(text, &mut reporter(lex));
    extend_to(lex, len);
    kind
}

fn interpreted_string(lex: &mut logos::Lexer<'_, Raw>) {
    let text = &lex.source()[lex.span().start..];
    let len = literal::scan_string(text, &mut reporter(lex));
    extend_to(lex, len);
}

fn raw_string(lex: &mut logos::Lexer<'_, Raw>) {
    let text = &lex.source()[lex.span().start..];
    let len = literal::scan_raw_string(text, &mut reporter(lex));
    extend_to(lex, len);
}

fn rune_literal(lex: &mut logos::Lexer<'_, Raw>) {
    let text = &lex.source()[lex.span().start..];
    let len = literal::scan_rune(text, &mut reporter(lex));
    extend_to(lex, len);
}

/// Lexes Go source text into tokens, with Go's automatic semicolons inserted.
///
/// Never fails: problems are returned as located diagnostics in Go's words and
/// lexing carries on after each. When Go would insert a `;` at the end of the
/// file, the last token is a `Semi(SemiSource::Eof)` with an empty span there.
pub fn lex(src: &str) -> (Vec<Token<'_>>, Vec<Diagnostic>) {
    let mut tokens: Vec<Token<'_>> = Vec::with_capacity(src.len() / 4 + 1);
    let mut diagnostics = Vec::new();
    for (idx, byte) in src.bytes().enumerate() {
        if byte == 0 {
            let pos = idx as u32;
            diagnostics.push(Diagnostic::new(
                Phase::Lex,
                Span::new(pos, pos),
                "invalid NUL character",
            ));
        }
    }
    // A byte order mark is allowed (and ignored) only as the first character.
    let bom_len = if src.starts_with('\u{FEFF}') { 3 } else { 0 };
    let mut lexer = Raw::lexer(src);
    lexer.bump(bom_len);

    // Whether a newline here would end a statement (Go's `nlsemi`).
    let mut newline_ends_statement = false;
    while let Some(raw) = lexer.next() {
        let range = lexer.span();
        let span = Span::new(range.start as u32, range.end as u32);
        let text = lexer.slice();
        let kind = match raw {
            Err(()) => {
                report_invalid_character(text, span, &mut lexer.extras);
                continue;
            }
            Ok(Raw::Newline) | Ok(Raw::BlockComment(true)) => {
                if newline_ends_statement {
                    // Go places the `;` where the newline (or comment) begins.
                    let at = Span::new(span.start, span.start);
                    tokens.push(Token {
                        kind: TokenKind::Semi(SemiSource::Newline),
                        span: at,
                    });
                    newline_ends_statement = false;
                }
                continue;
            }
            Ok(Raw::LineComment) | Ok(Raw::BlockComment(false)) | Ok(Raw::NonAscii(false)) => {
                continue
            }
            Ok(Raw::Ident) | Ok(Raw::NonAscii(true)) => {
                TokenKind::keyword(text).unwrap_or(TokenKind::Ident(text))
            }
            Ok(Raw::Number(NumberKind::Int)) => TokenKind::Int(text),
            Ok(Raw::Number(NumberKind::Float)) => TokenKind::Float(text),
            Ok(Raw::Number(NumberKind::Imag)) => TokenKind::Imag(text),
            Ok(Raw::Str) => TokenKind::Str(text),
            Ok(Raw::Rune) => TokenKind::Rune(text),
            Ok(Raw::Semi) => TokenKind::Semi(SemiSource::Written),
            Ok(op) => operator_kind(op),
        };
        newline_ends_statement = kind.ends_line();
        tokens.push(Token { kind, span });
    }
    let end = src.len() as u32;
    let eof = Token {
        kind: TokenKind::Semi(SemiSource::Eof),
        span: Span::new(end, end),
    };
    if newline_ends_statement {
        tokens.push(eof);
    }
    diagnostics.append(&mut lexer.extras);
    diagnostics.sort_by_key(|diag| diag.span.start);
    (tokens, diagnostics)
}

fn report_invalid_character(text: &str, span: Span, out: &mut Vec<Diagnostic>) {
    let ch = text.chars().next().unwrap_or('\u{FFFD}');
    if ch == '\0' {
        return; // Reported once for the whole text, strings and comments included.
    }
    let message = format!("invalid character {}", literal::go_unicode(u32::from(ch)));
    out.push(Diagnostic::new(Phase::Lex, span.start_point(), message));
}

fn operator_kind(raw: Raw) -> TokenKind<'static> {
    use TokenKind as T;
    match raw {
        Raw::Plus => T::Plus,
        Raw::Minus => T::Minus,
        Raw::Star => T::Star,
        Raw::Slash => T::Slash,
        Raw::Percent => T::Percent,
        Raw::Amp => T::Amp,
        Raw::Pipe => T::Pipe,
        Raw::Caret => T::Caret,
        Raw::Shl => T::Shl,
        Raw::Shr => T::Shr,
        Raw::AmpCaret => T::AmpCaret,
        Raw::PlusAssign => T::PlusAssign,
        Raw::MinusAssign => T::MinusAssign,
        Raw::StarAssign => T::StarAssign,
        Raw::SlashAssign => T::SlashAssign,
        Raw::PercentAssign => T::PercentAssign,
        Raw::AmpAssign => T::AmpAssign,
        Raw::PipeAssign => T::PipeAssign,
        Raw::CaretAssign => T::CaretAssign,
        Raw::ShlAssign => T::ShlAssign,
        Raw::ShrAssign => T::ShrAssign,
        Raw::AmpCaretAssign => T::AmpCaretAssign,
        Raw::AndAnd => T::AndAnd,
        Raw::OrOr => T::OrOr,
        Raw::Arrow => T::Arrow,
        Raw::Inc => T::Inc,
        Raw::Dec => T::Dec,
        Raw::EqEq => T::EqEq,
        Raw::Lt => T::Lt,
        Raw::Gt => T::Gt,
        Raw::Assign => T::Assign,
        Raw::Not => T::Not,
        Raw::Tilde => T::Tilde,
        Raw::NotEq => T::NotEq,
        Raw::LtEq => T::LtEq,
        Raw::GtEq => T::GtEq,
        Raw::Define => T::Define,
        Raw::Ellipsis => T::Ellipsis,
        Raw::LParen => T::LParen,
        Raw::RParen => T::RParen,
        Raw::LBrack => T::LBrack,
        Raw::RBrack => T::RBrack,
        Raw::LBrace => T::LBrace,
        Raw::RBrace => T::RBrace,
        Raw::Comma => T::Comma,
        Raw::Dot => T::Dot,
        Raw::Colon => T::Colon,
        // Every other `Raw` is handled by `lex` before it gets here.
        _ => T::Semi(SemiSource::Written),
    }
}

/// Turns a file's raw bytes into text every later stage can slice by byte offset.
///
/// Each byte that is not valid UTF-8 is reported (`invalid UTF-8 encoding`) and
/// replaced by a NUL, which keeps every offset valid; the lexer's own NUL report
/// at the same offset is then dropped by [`lex_bytes`].
pub fn source_text(bytes: &[u8]) -> (String, Vec<Diagnostic>) {
    let mut text = String::with_capacity(bytes.len());
    let mut diagnostics = Vec::new();
    for chunk in bytes.utf8_chunks() {
        text.push_str(chunk.valid());
        for _ in chunk.invalid() {
            let pos = text.len() as u32;
            diagnostics.push(Diagnostic::new(
                Phase::Lex,
                Span::new(pos, pos),
                "invalid UTF-8 encoding",
            ));
            text.push('\0');
        }
    }
    (text, diagnostics)
}

/// Merges [`source_text`]'s diagnostics into the lexer's, dropping the lexer's
/// NUL reports for bytes that were really invalid UTF-8.
pub fn merge_source_diagnostics(
    source_diags: Vec<Diagnostic>,
    lex_diags: Vec<Diagnostic>,
) -> Vec<Diagnostic> {
    if source_diags.is_empty() {
        return lex_diags;
    }
    let bad_offsets: std::collections::HashSet<u32> =
        source_diags.iter().map(|diag| diag.span.start).collect();
    let mut merged = source_diags;
    merged.extend(lex_diags.into_iter().filter(|diag| {
        !(diag.message == "invalid NUL character" && bad_offsets.contains(&diag.span.start))
    }));
    merged.sort_by_key(|diag| diag.span.start);
    merged
}
