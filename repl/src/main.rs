//! The `gomini` binary: the command line around the lexer, parser and VM.
//!
//! Entry point: [`main`] parses the command line with clap and dispatches to a
//! subcommand. Files in reading order: `main.rs` (commands and exit codes),
//! `source.rs` (reading a program file), `diagnostics.rs` (ariadne rendering).
//! End-to-end tests of the binary live in `repl/tests/`.
//!
//! Architecture invariant: only this crate prints to a terminal; the library
//! crates return values and diagnostics. Program output goes to stdout,
//! everything gomini itself says goes to stderr.
//!
//! Exit codes follow the go command: 0 ok, 1 compile error or unreadable
//! file, 2 bad usage (clap's own exit code for usage errors).

mod diagnostics;
mod source;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use diagnostics::ColorChoice;

/// gomini runs a subset of Go and shows what defer, panic, recover and goroutines do.
#[derive(Parser, Debug)]
#[command(name = "gomini", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Check a Go file: print nothing and exit 0 when it is fine, or print every
    /// error found (file:line:col and the source line) and exit 1.
    Check {
        /// The Go source file (a single-file `package main`).
        file: PathBuf,
    },
    /// Parse a Go file and print its syntax tree (for tests and bug reports).
    Parse {
        /// The Go source file.
        file: PathBuf,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Check { file } => check(&file),
        Command::Parse { file } => parse(&file),
    }
}

/// `gomini check FILE`: every stage that exists runs; diagnostics go to stderr.
fn check(path: &std::path::Path) -> ExitCode {
    let Some(loaded) = source::load(path) else {
        return ExitCode::from(1);
    };
    if loaded.diagnostics.is_empty() {
        return ExitCode::SUCCESS;
    }
    report(&loaded);
    ExitCode::from(1)
}

/// `gomini parse FILE`: the tree on stdout, or the syntax errors on stderr.
fn parse(path: &std::path::Path) -> ExitCode {
    let Some(loaded) = source::load(path) else {
        return ExitCode::from(1);
    };
    if !loaded.diagnostics.is_empty() {
        report(&loaded);
        return ExitCode::from(1);
    }
    match &loaded.tree {
        Some(tree) => {
            print!("{}", gomini_parser::render(tree));
            ExitCode::SUCCESS
        }
        None => ExitCode::from(1),
    }
}

/// Prints a file's diagnostics to stderr.
fn report(source: &source::ParsedSource) {
    let rendered = diagnostics::render(
        &source.display_name,
        &source.text,
        &source.diagnostics,
        ColorChoice::for_stderr(),
    );
    eprint!("{rendered}");
}
