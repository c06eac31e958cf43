//! The spanned AST and chumsky grammar of gomini's Go subset (being written).
