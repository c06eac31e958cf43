//! Unit tests of the checker's hard corners that need no parser.
