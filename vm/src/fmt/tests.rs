//! Formatting tables for the fmt engine (none yet).
