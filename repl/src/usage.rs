//! Command-line usage errors as one line: clap's message without its usage block.

use std::process::ExitCode;

/// Parses the command line, or prints one `gomini: ...` line for a usage
/// error (an unknown flag, a bad value, a missing argument) and exits with 2.
/// `--help` and `--version` print as usual.
pub fn parse_or_exit<P: clap::Parser>() -> Result<P, ExitCode> {
    match P::try_parse() {
        Ok(parsed) => Ok(parsed),
        Err(err)
            if !err.use_stderr()
                || err.kind()
                    == clap::error::ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand =>
        {
            err.exit()
        }
        Err(err) => {
            eprintln!(
                "gomini: {} (see gomini --help)",
                first_line(&err.render().to_string())
            );
            Err(ExitCode::from(2))
        }
    }
}

/// The message of a rendered clap error: its first line without `error: `,
/// joined with the indented lines that continue it (the missing arguments).
fn first_line(rendered: &str) -> String {
    let mut lines = rendered.lines();
    let first = lines.next().unwrap_or("bad usage");
    let mut text = first.strip_prefix("error: ").unwrap_or(first).to_string();
    if text.ends_with(':') {
        for more in lines.take_while(|l| l.starts_with(' ')) {
            text.push(' ');
            text.push_str(more.trim());
        }
    }
    text
}

#[cfg(test)]
mod tests {
    #[test]
    fn missing_arguments_join_the_first_line() {
        let rendered = "error: the following required arguments were not provided:\n  <FILE>\n\nUsage: gomini run <FILE>\n";
        assert_eq!(
            super::first_line(rendered),
            "the following required arguments were not provided: <FILE>"
        );
    }
}
