//! The REPL's `:` commands.

use super::{observe, Session};

/// Whether the loop goes on after a command.
#[derive(Debug, PartialEq, Eq)]
pub enum Flow {
    Continue,
    Quit,
}

/// Every command with its one-line help, in `:help` order (also used for completion).
pub const COMMANDS: &[(&str, &str)] = &[
    (":help", "list the commands"),
    (":quit", "leave the REPL (also Ctrl-D)"),
    (":reset", "forget every declaration, variable and import"),
    (
        ":load FILE.go",
        "add a file's imports, declarations and variables to the session",
    ),
    (":run", "call main() of the loaded or declared program"),
    (
        ":type EXPR",
        "show the type of an expression without running it",
    ),
    (
        ":seed [N]",
        "show or set the scheduler seed of the entries that follow",
    ),
    (":race on|off", "race detection for the entries that follow"),
    (
        ":trace on|off",
        "after each entry, print the trace of what it did",
    ),
    (
        ":defers",
        "the defer chains at the last panic, or when the last entry returned",
    ),
    (
        ":goroutines",
        "the live goroutines, their state and stacks (they outlive their entry)",
    ),
    (":history", "the entries of this session"),
];

impl Session {
    /// Runs a `:` command line.
    pub fn command(&mut self, line: &str) -> Flow {
        let line = line.trim();
        let (cmd, arg) = match line.split_once(char::is_whitespace) {
            Some((c, a)) => (c, a.trim()),
            None => (line, ""),
        };
        match cmd {
            ":help" | ":h" | ":?" => {
                println!("Enter Go statements, expressions or declarations (func, type, var, const, import).");
                println!("An expression's value is echoed with its type; variables persist between entries.");
                for (name, what) in COMMANDS {
                    println!("  {name:<16} {what}");
                }
            }
            ":quit" | ":q" | ":exit" => return Flow::Quit,
            ":reset" => {
                self.reset();
                println!("session reset");
            }
            ":load" => self.load(arg),
            ":run" => self.eval(&format!("{}()", super::USER_MAIN)),
            ":type" | ":t" => {
                if arg.is_empty() {
                    eprintln!("usage: :type EXPR");
                } else if let Some(ty) = self.type_of(arg) {
                    println!("{ty}");
                }
            }
            ":seed" => match arg {
                "" => println!("seed {}", self.seed),
                n => match n.parse::<u64>() {
                    Ok(seed) => {
                        self.seed = seed;
                        println!("seed {seed}");
                    }
                    Err(_) => eprintln!("usage: :seed [N] (N a number up to {})", u64::MAX),
                },
            },
            ":race" => match on_off(arg) {
                Some(on) => {
                    self.race = on;
                    println!("race detection {}", if on { "on" } else { "off" });
                }
                None => println!("race {}", if self.race { "on" } else { "off" }),
            },
            ":trace" => match on_off(arg) {
                Some(on) => {
                    self.trace = on;
                    println!("trace {}", if on { "on" } else { "off" });
                }
                None => println!("trace {}", if self.trace { "on" } else { "off" }),
            },
            ":defers" => {
                let obs = &self.last.observed;
                match obs.at_panic.as_ref().or(obs.at_return.as_ref()) {
                    Some(snap) => print!("{}", observe::render_defers(snap)),
                    None => println!("no entry has run yet"),
                }
            }
            ":goroutines" | ":g" => {
                // Each entry runs as the main goroutine; between entries it waits.
                println!("goroutine 1 [waiting for the next entry]:");
                if self.last.goroutines.is_empty() {
                    println!("no other goroutines");
                }
                for g in &self.last.goroutines {
                    print!("{g}");
                }
            }
            ":history" => {
                for (i, e) in self.entries.iter().enumerate() {
                    let mut lines = e.lines();
                    println!("{:>4}  {}", i + 1, lines.next().unwrap_or(""));
                    for l in lines {
                        println!("      {l}");
                    }
                }
            }
            other => eprintln!("unknown command {other} (:help lists them)"),
        }
        Flow::Continue
    }

    /// `:load FILE.go`.
    fn load(&mut self, path: &str) {
        if path.is_empty() {
            eprintln!("usage: :load FILE.go");
            return;
        }
        let Some(loaded) = crate::source::load(std::path::Path::new(path)) else {
            return;
        };
        if !loaded.diagnostics.is_empty() {
            eprint!(
                "{}",
                crate::diagnostics::render(path, &loaded.text, &loaded.diagnostics, self.color)
            );
            return;
        }
        // The package clause is dropped: the session is package main.
        let text = match loaded.tree.as_ref() {
            Some(tree) => {
                let after = tree.package.span.end as usize;
                format!("{}{}", " ".repeat(after), &loaded.text[after..])
            }
            None => return,
        };
        match super::entry::parse_decls(&text) {
            Ok(file) => {
                self.input_name = path.to_string();
                let declared = self.declare(&text, &file);
                self.input_name = super::INPUT_NAME.to_string();
                if declared {
                    println!("loaded {path}");
                }
            }
            Err(diags) => eprint!(
                "{}",
                crate::diagnostics::render(path, &text, &diags, self.color)
            ),
        }
    }
}

fn on_off(arg: &str) -> Option<bool> {
    match arg {
        "on" | "true" | "1" => Some(true),
        "off" | "false" | "0" => Some(false),
        _ => None,
    }
}
