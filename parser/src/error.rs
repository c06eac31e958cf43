//! The parser's error type, which turns chumsky's failures into Go's own syntax-error wording.
//!
//! Go's parser says what it was doing when it failed ("in argument list;
//! possibly missing comma or )", "at end of statement", "expected { after if
//! clause"). chumsky instead collects every token it would have accepted at the
//! furthest position it reached. To get Go's words, grammar rules carry a
//! [`Label`] with a priority, and when errors at one position merge, the most
//! specific expectation wins; a rule that can say exactly what went wrong
//! raises a `custom` message, which beats any expectation.

use chumsky::error::{Error, LabelError};
use chumsky::input::Input;
use chumsky::util::MaybeRef;
use chumsky::DefaultExpected;
use gomini_lexer::{Diagnostic, Phase, SemiSource, Span, TokenKind};

/// What the grammar was looking for, in Go's words.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Label {
    /// An operator or postfix that would have continued an expression; never worth naming.
    Continuation,
    /// A statement could not start here; the enclosing rule says what it wanted instead.
    Statement,
    /// `;`, a newline or `}` after a statement.
    EndOfStatement,
    /// `;` or a newline after a top-level declaration.
    EndOfTopLevelDecl,
    Expression,
    Type,
    Name,
    /// After a `.`: a field or method name, or `(type)`/`(T)`.
    NameOrParen,
    /// A separator or closing token of a comma-separated list (`argument list`, `)`).
    List(&'static ListLabel),
    /// The `{` opening the body of `if`, `for`, `switch`, ...
    BlockAfter(&'static str),
    /// `;` or newline.
    Semicolon,
    /// Go's `expected X` for a choice it names itself (`case or default or }`).
    Expected(&'static str),
    /// Go's ` in CONTEXT` (`unexpected newline in type declaration`).
    In(&'static str),
    /// A message that does not name the unexpected token (`missing { after switch clause`).
    Plain(&'static str),
}

/// What `Label::List` names; behind a reference, so that an error (moved at
/// every failed alternative of a parse) stays small.
#[derive(Debug, PartialEq, Eq)]
pub struct ListLabel {
    pub context: &'static str,
    pub sep: &'static str,
    pub close: &'static str,
}

impl Label {
    /// Higher wins when errors at the same position merge.
    fn priority(self) -> u8 {
        match self {
            Label::Continuation | Label::Statement => 0,
            Label::Semicolon => 1,
            Label::Name => 2,
            Label::Expected(_) => 5,
            Label::Plain(_) | Label::In(_) => 6,
            Label::Expression | Label::Type => 3,
            Label::NameOrParen => 4,
            Label::EndOfStatement | Label::EndOfTopLevelDecl => 5,
            Label::List(_) | Label::BlockAfter(_) => 6,
        }
    }

    /// The text Go appends after `unexpected X`.
    fn suffix(self) -> String {
        match self {
            Label::Continuation | Label::Statement => String::new(),
            Label::EndOfStatement => " at end of statement".to_string(),
            Label::EndOfTopLevelDecl => " after top level declaration".to_string(),
            Label::Expression => ", expected expression".to_string(),
            Label::Type => ", expected type".to_string(),
            Label::Name => ", expected name".to_string(),
            Label::NameOrParen => ", expected name or (".to_string(),
            Label::List(ListLabel {
                context,
                sep,
                close,
            }) => format!(" in {context}; possibly missing {sep} or {close}"),
            Label::BlockAfter(context) => format!(", expected {{ after {context}"),
            Label::Semicolon => ", expected semicolon or newline".to_string(),
            Label::Expected(what) => format!(", expected {what}"),
            Label::Plain(message) => message.to_string(),
            Label::In(context) => format!(" in {context}"),
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
enum Expectation<'src> {
    Token(TokenKind<'src>),
    Label(Label),
}

impl Expectation<'_> {
    fn priority(&self) -> u8 {
        match self {
            // A specific token outranks the vague labels, but not the contextual ones.
            Expectation::Token(_) => 2,
            Expectation::Label(label) => label.priority(),
        }
    }
}

/// One parse failure, located at the offending token.
#[derive(Clone, Debug, PartialEq)]
pub struct SyntaxError<'src> {
    span: Span,
    found: Option<TokenKind<'src>>,
    expected: Option<Expectation<'src>>,
    /// A complete message, which beats any expectation (boxed, as most errors have none).
    custom: Option<Box<str>>,
}

impl<'src> SyntaxError<'src> {
    /// An error with its own complete message (`syntax error: ` is not added).
    pub fn custom(span: Span, message: impl Into<String>) -> SyntaxError<'src> {
        SyntaxError {
            span,
            found: None,
            expected: None,
            custom: Some(message.into().into_boxed_str()),
        }
    }

    pub fn span(&self) -> Span {
        self.span
    }

    /// The message as `go build` prints it after `file:line:col: `.
    pub fn message(&self) -> String {
        if let Some(custom) = &self.custom {
            return custom.to_string();
        }
        if let Some(Expectation::Label(Label::Plain(message))) = &self.expected {
            return format!("syntax error: {message}");
        }
        let found = match self.found {
            Some(kind) => kind.go_description(),
            None => "EOF".to_string(),
        };
        let suffix = match &self.expected {
            None => String::new(),
            Some(Expectation::Label(label)) => label.suffix(),
            Some(Expectation::Token(kind)) => format!(", expected {}", expected_token_text(*kind)),
        };
        format!("syntax error: unexpected {found}{suffix}")
    }

    pub fn into_diagnostic(self) -> Diagnostic {
        let message = self.message();
        Diagnostic::new(Phase::Parse, self.span, message)
    }
}

/// Go's `tokstring`: how an expected token is named.
fn expected_token_text(kind: TokenKind<'_>) -> String {
    match kind {
        TokenKind::Comma => "comma".to_string(),
        TokenKind::Semi(_) => "semicolon or newline".to_string(),
        TokenKind::Ident(_) => "name".to_string(),
        kind if kind.is_keyword() => format!("keyword {kind}"),
        kind => kind.to_string(),
    }
}

fn to_span(span: chumsky::span::SimpleSpan) -> Span {
    Span::new(span.start as u32, span.end as u32)
}

impl<'src, I> Error<'src, I> for SyntaxError<'src>
where
    I: Input<'src, Token = TokenKind<'src>, Span = chumsky::span::SimpleSpan>,
{
    fn merge(mut self, other: Self) -> Self {
        if self.custom.is_some() {
            return self;
        }
        if other.custom.is_some() {
            return other;
        }
        self.merge_expectation(other.expected, other.found);
        self
    }
}

impl<'src> SyntaxError<'src> {
    /// `merge` with an error that has no custom message.
    fn merge_expectation(
        &mut self,
        expected: Option<Expectation<'src>>,
        found: Option<TokenKind<'src>>,
    ) {
        let other_priority = expected.as_ref().map_or(0, Expectation::priority);
        let self_priority = self.expected.as_ref().map_or(0, Expectation::priority);
        if expected.is_some() && (self.expected.is_none() || other_priority > self_priority) {
            self.expected = expected;
        }
        if self.found.is_none() {
            self.found = found;
        }
    }
}

fn found_kind<'src>(found: Option<MaybeRef<'src, TokenKind<'src>>>) -> Option<TokenKind<'src>> {
    found.map(|tok| *tok)
}

impl<'src, I> LabelError<'src, I, DefaultExpected<'src, TokenKind<'src>>> for SyntaxError<'src>
where
    I: Input<'src, Token = TokenKind<'src>, Span = chumsky::span::SimpleSpan>,
{
    fn expected_found<E: IntoIterator<Item = DefaultExpected<'src, TokenKind<'src>>>>(
        expected: E,
        found: Option<MaybeRef<'src, TokenKind<'src>>>,
        span: chumsky::span::SimpleSpan,
    ) -> Self {
        SyntaxError {
            span: to_span(span),
            found: found_kind(found),
            expected: first_token(expected),
            custom: None,
        }
    }

    /// As the default (`merge` with `expected_found`), without building the
    /// error: this runs at every failed token of a parse.
    fn merge_expected_found<E: IntoIterator<Item = DefaultExpected<'src, TokenKind<'src>>>>(
        mut self,
        expected: E,
        found: Option<MaybeRef<'src, TokenKind<'src>>>,
        _span: chumsky::span::SimpleSpan,
    ) -> Self {
        if self.custom.is_none() {
            self.merge_expectation(first_token(expected), found_kind(found));
        }
        self
    }
}

/// The first token among what chumsky expected, the one Go would name.
fn first_token<'src>(
    expected: impl IntoIterator<Item = DefaultExpected<'src, TokenKind<'src>>>,
) -> Option<Expectation<'src>> {
    expected.into_iter().find_map(|item| match item {
        DefaultExpected::Token(kind) => Some(Expectation::Token(*kind)),
        _ => None,
    })
}

impl<'src, I> LabelError<'src, I, Label> for SyntaxError<'src>
where
    I: Input<'src, Token = TokenKind<'src>, Span = chumsky::span::SimpleSpan>,
{
    fn expected_found<E: IntoIterator<Item = Label>>(
        expected: E,
        found: Option<MaybeRef<'src, TokenKind<'src>>>,
        span: chumsky::span::SimpleSpan,
    ) -> Self {
        let best = expected
            .into_iter()
            .max_by_key(|label| label.priority())
            .map(Expectation::Label);
        SyntaxError {
            span: to_span(span),
            found: found_kind(found),
            expected: best,
            custom: None,
        }
    }

    fn label_with(&mut self, label: Label) {
        if self.custom.is_none() {
            self.expected = Some(Expectation::Label(label));
        }
    }
}

/// Describes a `;` the way Go does (`newline`, `EOF`, `semicolon`).
pub fn semi_text(source: SemiSource) -> &'static str {
    match source {
        SemiSource::Written => "semicolon",
        SemiSource::Newline => "newline",
        SemiSource::Eof => "EOF",
    }
}
