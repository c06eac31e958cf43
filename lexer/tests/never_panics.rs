//! Property: the lexer never panics and keeps every span inside the text.

use proptest::prelude::*;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn arbitrary_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        let (text, _) = gomini_lexer::source_text(&bytes);
        prop_assert_eq!(text.len(), bytes.len());
        let (tokens, diagnostics) = gomini_lexer::lex(&text);
        for token in &tokens {
            prop_assert!(token.span.start <= token.span.end && token.span.end as usize <= text.len());
        }
        for diag in &diagnostics {
            prop_assert!(diag.span.end as usize <= text.len());
        }
    }

    #[test]
    fn go_like_text(text in "[a-z0-9 \\n\"'`/*.eExXpPi_+\\\\-]{0,200}") {
        let _ = gomini_lexer::lex(&text);
    }
}
