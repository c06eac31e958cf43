//! The tokens of Go source text, and the words Go's parser uses to name them in errors.

use std::fmt;

use crate::Span;

/// One token and where it was written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token<'src> {
    pub kind: TokenKind<'src>,
    pub span: Span,
}

/// Why a `;` is in the token stream; Go names each differently in errors.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SemiSource {
    /// A `;` written in the source.
    Written,
    /// Inserted at a newline (or a `/* */` comment spanning lines).
    Newline,
    /// Inserted at the end of the file.
    Eof,
}

/// A token's kind; literals and names carry their source text (quotes and all).
///
/// Literal values are decoded on demand by [`crate::literal`], so tokens stay
/// `Copy` and a 1 MB string is not copied while the parser looks ahead.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TokenKind<'src> {
    Ident(&'src str),
    Int(&'src str),
    Float(&'src str),
    Imag(&'src str),
    Rune(&'src str),
    /// An interpreted (`"..."`) or raw (`` `...` ``) string, as written.
    Str(&'src str),

    // Keywords.
    Break,
    Case,
    Chan,
    Const,
    Continue,
    Default,
    Defer,
    Else,
    Fallthrough,
    For,
    Func,
    Go,
    Goto,
    If,
    Import,
    Interface,
    Map,
    Package,
    Range,
    Return,
    Select,
    Struct,
    Switch,
    Type,
    Var,

    // Operators and delimiters.
    Plus,
    Minus,
    Star,
    Slash,
    Percent,
    Amp,
    Pipe,
    Caret,
    Shl,
    Shr,
    AmpCaret,
    PlusAssign,
    MinusAssign,
    StarAssign,
    SlashAssign,
    PercentAssign,
    AmpAssign,
    PipeAssign,
    CaretAssign,
    ShlAssign,
    ShrAssign,
    AmpCaretAssign,
    AndAnd,
    OrOr,
    Arrow,
    Inc,
    Dec,
    EqEq,
    Lt,
    Gt,
    Assign,
    Not,
    Tilde,
    NotEq,
    LtEq,
    GtEq,
    Define,
    Ellipsis,
    LParen,
    RParen,
    LBrack,
    RBrack,
    LBrace,
    RBrace,
    Comma,
    Dot,
    Semi(SemiSource),
    Colon,
}

impl TokenKind<'_> {
    /// The keyword spelled `word`, if it is one.
    pub fn keyword(word: &str) -> Option<TokenKind<'static>> {
        use TokenKind::*;
        Some(match word {
            "break" => Break,
            "case" => Case,
            "chan" => Chan,
            "const" => Const,
            "continue" => Continue,
            "default" => Default,
            "defer" => Defer,
            "else" => Else,
            "fallthrough" => Fallthrough,
            "for" => For,
            "func" => Func,
            "go" => Go,
            "goto" => Goto,
            "if" => If,
            "import" => Import,
            "interface" => Interface,
            "map" => Map,
            "package" => Package,
            "range" => Range,
            "return" => Return,
            "select" => Select,
            "struct" => Struct,
            "switch" => Switch,
            "type" => Type,
            "var" => Var,
            _ => return None,
        })
    }

    pub fn is_keyword(self) -> bool {
        use TokenKind::*;
        matches!(
            self,
            Break
                | Case
                | Chan
                | Const
                | Continue
                | Default
                | Defer
                | Else
                | Fallthrough
                | For
                | Func
                | Go
                | Goto
                | If
                | Import
                | Interface
                | Map
                | Package
                | Range
                | Return
                | Select
                | Struct
                | Switch
                | Type
                | Var
        )
    }

    pub fn is_semi(self) -> bool {
        matches!(self, TokenKind::Semi(_))
    }

    /// Whether a newline after this token ends a statement (Go's semicolon rule).
    pub fn ends_line(self) -> bool {
        use TokenKind::*;
        matches!(
            self,
            Ident(_)
                | Int(_)
                | Float(_)
                | Imag(_)
                | Rune(_)
                | Str(_)
                | Break
                | Continue
                | Fallthrough
                | Return
                | Inc
                | Dec
                | RParen
                | RBrack
                | RBrace
        )
    }

    /// The token as Go's parser names it after "unexpected": `name x`,
    /// `literal 42`, `keyword else`, `newline`, `EOF`, `comma`, `)`.
    pub fn go_description(self) -> String {
        use TokenKind::*;
        match self {
            Ident(name) => format!("name {name}"),
            Int(text) | Float(text) | Imag(text) | Rune(text) | Str(text) => {
                format!("literal {text}")
            }
            Semi(SemiSource::Written) => "semicolon".to_string(),
            Semi(SemiSource::Newline) => "newline".to_string(),
            Semi(SemiSource::Eof) => "EOF".to_string(),
            Comma => "comma".to_string(),
            kind if kind.is_keyword() => format!("keyword {kind}"),
            kind => kind.to_string(),
        }
    }
}

impl fmt::Display for TokenKind<'_> {
    /// The token's source text (`:=`, `func`, `"a"`); an inserted `;` prints as `;`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use TokenKind::*;
        let text = match *self {
            Ident(text) | Int(text) | Float(text) | Imag(text) | Rune(text) | Str(text) => text,
            Break => "break",
            Case => "case",
            Chan => "chan",
            Const => "const",
            Continue => "continue",
            Default => "default",
            Defer => "defer",
            Else => "else",
            Fallthrough => "fallthrough",
            For => "for",
            Func => "func",
            Go => "go",
            Goto => "goto",
            If => "if",
            Import => "import",
            Interface => "interface",
            Map => "map",
            Package => "package",
            Range => "range",
            Return => "return",
            Select => "select",
            Struct => "struct",
            Switch => "switch",
            Type => "type",
            Var => "var",
            Plus => "+",
            Minus => "-",
            Star => "*",
            Slash => "/",
            Percent => "%",
            Amp => "&",
            Pipe => "|",
            Caret => "^",
            Shl => "<<",
            Shr => ">>",
            AmpCaret => "&^",
            PlusAssign => "+=",
            MinusAssign => "-=",
            StarAssign => "*=",
            SlashAssign => "/=",
            PercentAssign => "%=",
            AmpAssign => "&=",
            PipeAssign => "|=",
            CaretAssign => "^=",
            ShlAssign => "<<=",
            ShrAssign => ">>=",
            AmpCaretAssign => "&^=",
            AndAnd => "&&",
            OrOr => "||",
            Arrow => "<-",
            Inc => "++",
            Dec => "--",
            EqEq => "==",
            Lt => "<",
            Gt => ">",
            Assign => "=",
            Not => "!",
            Tilde => "~",
            NotEq => "!=",
            LtEq => "<=",
            GtEq => ">=",
            Define => ":=",
            Ellipsis => "...",
            LParen => "(",
            RParen => ")",
            LBrack => "[",
            RBrack => "]",
            LBrace => "{",
            RBrace => "}",
            Comma => ",",
            Dot => ".",
            Semi(_) => ";",
            Colon => ":",
        };
        f.write_str(text)
    }
}
