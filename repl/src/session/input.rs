//! Reading entries: the rustyline editor on a terminal (prompt, `...`
//! continuation, history, completion, colouring) and plain lines otherwise.
//!
//! An entry is complete when its braces, parentheses and brackets are closed,
//! no raw string or block comment is open, and its last line does not end
//! where Go carries a statement on to the next line (a label's `:`, an
//! operator, a comma) ([`is_complete`]). On a terminal
//! each physical line is read with rustyline, with the prompt `go> ` for the
//! first line of an entry and `... ` for the next ones; rustyline 19's own
//! validator-driven multi-line editing shows no continuation prompt, so the
//! same check decides line by line here. The whole entry then goes into the
//! history as one item (recalling it brings back every line), and the
//! helper's `Validator` keeps a recalled multi-line entry in the editor while
//! an edit leaves it open.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::io::{BufRead, IsTerminal};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use gomini_lexer::TokenKind;
use rustyline::completion::{Completer, Pair};
use rustyline::error::ReadlineError;
use rustyline::highlight::{CmdKind, Highlighter};
use rustyline::hint::Hinter;
use rustyline::history::DefaultHistory;
use rustyline::validate::Validator;
use rustyline::{Context, Editor, Helper};

use super::commands::{Flow, COMMANDS};
use super::Session;

pub const PROMPT: &str = "go> ";
pub const CONTINUATION: &str = "... ";

/// Whether `text` can be evaluated: nothing is left open.
pub fn is_complete(text: &str) -> bool {
    let mut depth: i64 = 0;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '/' if chars.peek() == Some(&'/') => {
                for c in chars.by_ref() {
                    if c == '\n' {
                        break;
                    }
                }
            }
            '/' if chars.peek() == Some(&'*') => {
                chars.next();
                let mut closed = false;
                let mut prev = ' ';
                for c in chars.by_ref() {
                    if prev == '*' && c == '/' {
                        closed = true;
                        break;
                    }
                    prev = c;
                }
                if !closed {
                    return false;
                }
            }
            '`' if !chars.by_ref().any(|c| c == '`') => return false,
            '"' | '\'' => {
                // An unclosed interpreted string ends at the line: a syntax error, not more input.
                while let Some(s) = chars.next() {
                    match s {
                        '\\' => {
                            chars.next();
                        }
                        '\n' => break,
                        s if s == c => break,
                        _ => {}
                    }
                }
            }
            '{' | '(' | '[' => depth += 1,
            '}' | ')' | ']' => depth -= 1,
            _ => {}
        }
    }
    depth <= 0 && !continues_on_next_line(text)
}

/// Whether Go would carry the last line on to the next, as in a file: it ends
/// in a token after which no semicolon is inserted (`L:`, `x := 1 +`, `a,`).
/// Text the lexer rejects is complete: the parser reports it.
fn continues_on_next_line(text: &str) -> bool {
    let (tokens, diags) = gomini_lexer::lex(text);
    diags.is_empty()
        && tokens
            .last()
            .is_some_and(|t| !matches!(t.kind, TokenKind::Semi(_)))
}

/// Go's keywords and predeclared names, for completion.
const KEYWORDS: &[&str] = &[
    "break",
    "case",
    "chan",
    "const",
    "continue",
    "default",
    "defer",
    "else",
    "fallthrough",
    "for",
    "func",
    "go",
    "goto",
    "if",
    "import",
    "interface",
    "map",
    "package",
    "range",
    "return",
    "select",
    "struct",
    "switch",
    "type",
    "var",
    "append",
    "cap",
    "clear",
    "close",
    "copy",
    "delete",
    "len",
    "make",
    "max",
    "min",
    "new",
    "panic",
    "print",
    "println",
    "recover",
    "any",
    "bool",
    "byte",
    "error",
    "float32",
    "float64",
    "int",
    "int8",
    "int16",
    "int32",
    "int64",
    "rune",
    "string",
    "uint",
    "uint8",
    "uint16",
    "uint32",
    "uint64",
    "uintptr",
    "true",
    "false",
    "nil",
    "iota",
];

/// The exported names of each library package (by package name), from its Go source.
pub fn package_members() -> BTreeMap<&'static str, Vec<String>> {
    package_exports(false)
}

/// The exported names of each library package, or only its functions.
pub fn package_exports(funcs_only: bool) -> BTreeMap<&'static str, Vec<String>> {
    let mut out = BTreeMap::new();
    for (name, path) in super::package_names() {
        let mut members = Vec::new();
        if let Some(src) = gomini_vm::stdlib::source(path) {
            if let (Some(file), _) = gomini_parser::parse(src) {
                for d in &file.decls {
                    let names: Vec<String> = match d {
                        gomini_parser::ast::Decl::Func(f) if f.recv.is_none() => {
                            vec![f.name.name.to_string()]
                        }
                        gomini_parser::ast::Decl::Func(_) => vec![],
                        _ if funcs_only => vec![],
                        gomini_parser::ast::Decl::Type(t) => {
                            t.specs.iter().map(|s| s.name.name.to_string()).collect()
                        }
                        gomini_parser::ast::Decl::Var(v) => v
                            .specs
                            .iter()
                            .flat_map(|s| s.names.iter().map(|n| n.name.to_string()))
                            .collect(),
                        gomini_parser::ast::Decl::Const(c) => c
                            .specs
                            .iter()
                            .flat_map(|s| s.names.iter().map(|n| n.name.to_string()))
                            .collect(),
                    };
                    members.extend(
                        names
                            .into_iter()
                            .filter(|n| n.chars().next().is_some_and(|c| c.is_uppercase())),
                    );
                }
            }
        }
        members.sort();
        members.dedup();
        out.insert(name, members);
    }
    out
}

/// Candidates for the word before `pos`: `(start of the word, candidates)`.
pub fn completions(
    line: &str,
    pos: usize,
    session_names: &[String],
    members: &BTreeMap<&'static str, Vec<String>>,
) -> (usize, Vec<String>) {
    let before = &line[..pos];
    if before.trim_start().starts_with(':') && !before.trim_start().contains(' ') {
        let start = before.len() - before.trim_start().len();
        let word = before.trim_start();
        let cmds = COMMANDS
            .iter()
            .map(|(c, _)| c.split(' ').next().unwrap_or(c).to_string())
            .filter(|c| c.starts_with(word))
            .collect();
        return (start, cmds);
    }
    let word_start = before
        .rfind(|c: char| !(c.is_alphanumeric() || c == '_' || c == '.'))
        .map(|i| i + 1)
        .unwrap_or(0);
    let word = &before[word_start..];
    if let Some((pkg, prefix)) = word.rsplit_once('.') {
        let start = word_start + pkg.len() + 1;
        let found = members
            .get(pkg)
            .map(|m| {
                m.iter()
                    .filter(|n| n.starts_with(prefix))
                    .cloned()
                    .collect()
            })
            .unwrap_or_default();
        return (start, found);
    }
    if word.is_empty() {
        return (pos, Vec::new());
    }
    let mut found: Vec<String> = KEYWORDS
        .iter()
        .map(|k| k.to_string())
        .chain(session_names.iter().cloned())
        .chain(members.keys().map(|k| k.to_string()))
        .filter(|n| n.starts_with(word))
        .collect();
    found.sort();
    found.dedup();
    (word_start, found)
}

/// The rustyline helper: completion and colouring.
pub struct GoHelper {
    pub names: Vec<String>,
    members: BTreeMap<&'static str, Vec<String>>,
    color: bool,
}

impl Completer for GoHelper {
    type Candidate = Pair;

    fn complete(
        &self,
        line: &str,
        pos: usize,
        _ctx: &Context<'_>,
    ) -> rustyline::Result<(usize, Vec<Pair>)> {
        let (start, found) = completions(line, pos, &self.names, &self.members);
        Ok((
            start,
            found
                .into_iter()
                .map(|c| Pair {
                    display: c.clone(),
                    replacement: c,
                })
                .collect(),
        ))
    }
}

impl Hinter for GoHelper {
    type Hint = String;
}

/// A recalled multi-line entry is edited in one buffer: while it is still open
/// (after an edit), Enter adds a line instead of submitting it. A fresh first
/// line is always accepted, so that the loop can ask for the next one with the
/// `... ` prompt (see the module doc).
impl Validator for GoHelper {
    fn validate(
        &self,
        ctx: &mut rustyline::validate::ValidationContext,
    ) -> rustyline::Result<rustyline::validate::ValidationResult> {
        let input = ctx.input();
        if input.contains('\n') && !is_complete(input) {
            Ok(rustyline::validate::ValidationResult::Incomplete)
        } else {
            Ok(rustyline::validate::ValidationResult::Valid(None))
        }
    }
}

impl Highlighter for GoHelper {
    fn highlight<'l>(&self, line: &'l str, _pos: usize) -> Cow<'l, str> {
        if !self.color || line.starts_with(':') {
            return Cow::Borrowed(line);
        }
        Cow::Owned(colorize(line))
    }

    fn highlight_char(&self, _line: &str, _pos: usize, _kind: CmdKind) -> bool {
        self.color
    }
}

impl Helper for GoHelper {}

/// Go source with ANSI colours: keywords, strings and numbers, comments.
fn colorize(line: &str) -> String {
    let (tokens, _) = gomini_lexer::lex(line);
    let mut out = String::with_capacity(line.len() * 2);
    let mut at = 0;
    for t in tokens {
        let (s, e) = (t.span.start as usize, t.span.end as usize);
        if s < at || e > line.len() || s >= e {
            continue;
        }
        let color = match t.kind {
            TokenKind::Str(_) | TokenKind::Rune(_) => Some("32"),
            TokenKind::Int(_) | TokenKind::Float(_) | TokenKind::Imag(_) => Some("36"),
            TokenKind::Ident(_) => None,
            k if k.to_string().chars().all(|c| c.is_ascii_lowercase()) => Some("1;34"),
            _ => None,
        };
        out.push_str(&line[at..s]);
        match color {
            Some(c) => out.push_str(&format!("\x1b[{c}m{}\x1b[0m", &line[s..e])),
            None => out.push_str(&line[s..e]),
        }
        at = e;
    }
    out.push_str(&line[at..]);
    out
}

/// The history file: `$GOMINI_HISTORY`, else `~/.gomini_history`.
pub fn history_path() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("GOMINI_HISTORY").filter(|p| !p.is_empty()) {
        return Some(PathBuf::from(p));
    }
    std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".gomini_history"))
}

/// Whether an entry is evaluating (Ctrl-C then interrupts it instead of ending gomini).
static EVALUATING: AtomicBool = AtomicBool::new(false);

/// Runs the REPL until `:quit` or end of input.
pub fn run(seed: u64) -> ExitCode {
    super::install_bug_hook();
    let mut session = Session::new(seed);
    let flag = session.interrupt.clone();
    let interactive = std::io::stdin().is_terminal();
    install_interrupt(flag, interactive);
    if interactive {
        interactive_loop(&mut session)
    } else {
        scripted_loop(&mut session)
    }
}

/// Ctrl-C while an entry runs sets the VM's flag; otherwise (reading piped
/// input) it ends gomini as usual. On a terminal rustyline reads keys in raw
/// mode, where Ctrl-C is a key and not a signal: a signal comes once the line
/// editor gave the entry back, so it is for that entry even before the entry
/// starts evaluating (while it is compiled); `dispatch` clears it after.
fn install_interrupt(flag: Arc<AtomicBool>, interactive: bool) {
    let _ = ctrlc::set_handler(move || {
        if interactive || EVALUATING.load(Ordering::SeqCst) {
            flag.store(true, Ordering::SeqCst);
        } else if !interactive {
            std::process::exit(130);
        }
    });
}

/// Evaluates one entry or command.
fn dispatch(session: &mut Session, entry: &str) -> Flow {
    let trimmed = entry.trim();
    if trimmed.is_empty() {
        return Flow::Continue;
    }
    if trimmed.starts_with(':') {
        if trimmed != ":history" {
            session.entries.push(trimmed.to_string());
        }
        let flow = super::guard(|| session.command(trimmed)).unwrap_or(Flow::Continue);
        session.interrupt.store(false, Ordering::SeqCst);
        return flow;
    }
    session.entries.push(entry.trim_end().to_string());
    EVALUATING.store(true, Ordering::SeqCst);
    // Without the final newline, an error at the end of the entry points just past its last character.
    super::guard(|| session.eval(entry.trim_end()));
    EVALUATING.store(false, Ordering::SeqCst);
    // A Ctrl-C during the entry was for it: the next one starts afresh.
    session.interrupt.store(false, Ordering::SeqCst);
    Flow::Continue
}

fn scripted_loop(session: &mut Session) -> ExitCode {
    let stdin = std::io::stdin();
    let mut pending = String::new();
    for line in stdin.lock().lines() {
        let Ok(line) = line else { break };
        if pending.is_empty() && line.trim_start().starts_with(':') {
            if dispatch(session, &line) == Flow::Quit {
                return ExitCode::SUCCESS;
            }
            continue;
        }
        pending.push_str(&line);
        pending.push('\n');
        if is_complete(&pending) {
            let entry = std::mem::take(&mut pending);
            if dispatch(session, &entry) == Flow::Quit {
                return ExitCode::SUCCESS;
            }
        }
    }
    if !pending.trim().is_empty() {
        dispatch(session, &pending);
    }
    ExitCode::SUCCESS
}

fn interactive_loop(session: &mut Session) -> ExitCode {
    let config = rustyline::Config::builder()
        .auto_add_history(false)
        .completion_type(rustyline::CompletionType::List)
        .build();
    let mut editor: Editor<GoHelper, DefaultHistory> = match Editor::with_config(config) {
        Ok(e) => e,
        Err(e) => {
            eprintln!("gomini: cannot start the line editor: {e}");
            return scripted_loop(session);
        }
    };
    let color = std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        && std::io::stdout().is_terminal();
    editor.set_helper(Some(GoHelper {
        names: Vec::new(),
        members: package_members(),
        color,
    }));
    let history = history_path();
    if let Some(path) = &history {
        // A missing file is the first session.
        let _ = editor.load_history(path);
    }
    println!("gomini REPL: Go statements, expressions and declarations; :help lists the commands, Ctrl-D leaves.");
    let mut pending = String::new();
    loop {
        if let Some(h) = editor.helper_mut() {
            h.names = session.names();
        }
        let prompt = if pending.is_empty() {
            PROMPT
        } else {
            CONTINUATION
        };
        match editor.readline(prompt) {
            Ok(line) => {
                if pending.is_empty() && line.trim_start().starts_with(':') {
                    let _ = editor.add_history_entry(line.trim());
                    save(&mut editor, &history);
                    if dispatch(session, &line) == Flow::Quit {
                        break;
                    }
                    continue;
                }
                pending.push_str(&line);
                pending.push('\n');
                if is_complete(&pending) {
                    let entry = std::mem::take(&mut pending);
                    if !entry.trim().is_empty() {
                        let _ = editor.add_history_entry(entry.trim_end());
                        save(&mut editor, &history);
                    }
                    if dispatch(session, &entry) == Flow::Quit {
                        break;
                    }
                }
            }
            Err(ReadlineError::Interrupted) => {
                // Ctrl-C at the prompt drops the entry being typed.
                pending.clear();
            }
            Err(ReadlineError::Eof) => break,
            Err(e) => {
                eprintln!("gomini: {e}");
                break;
            }
        }
    }
    ExitCode::SUCCESS
}

/// Saves the history after each entry, so a killed session keeps it too.
fn save(editor: &mut Editor<GoHelper, DefaultHistory>, path: &Option<PathBuf>) {
    if let Some(path) = path {
        let _ = editor.save_history(path);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn open_brackets_raw_strings_and_comments_need_more_lines() {
        assert!(is_complete("x := 1\n"));
        assert!(!is_complete("func f() {\n"));
        assert!(!is_complete("x := f(1,\n"));
        assert!(!is_complete("s := []int{\n1,\n"));
        assert!(!is_complete("s := `line one\n"));
        assert!(is_complete("s := `a\nb`\n"));
        assert!(!is_complete("/* open\n"));
        assert!(is_complete("s := \"{\" // (\n"));
        assert!(is_complete("r := '{'\n"));
        assert!(is_complete("}\n"));
        // Where Go inserts no semicolon, the entry goes on (a label, an operator, a comma).
        assert!(!is_complete("L:\n"));
        assert!(!is_complete("x := 1 +\n"));
        assert!(is_complete("L:\nfor {\n\tbreak L\n}\n"));
        assert!(is_complete("x++ // done\n"));
        assert!(is_complete("x := \"open\n"));
        assert!(is_complete("\n"));
    }

    #[test]
    fn completes_package_members_keywords_and_names() {
        let members = package_members();
        let (start, found) = completions("strings.Re", 10, &[], &members);
        assert_eq!(start, 8);
        assert!(found.contains(&"Repeat".to_string()));
        assert!(found.contains(&"ReplaceAll".to_string()));
        assert!(found.iter().all(|f| f.starts_with("Re")));
        let (_, found) = completions("x := cou", 8, &["counter".to_string()], &members);
        assert_eq!(found, vec!["counter".to_string()]);
        let (_, found) = completions("defe", 4, &[], &members);
        assert_eq!(found, vec!["defer".to_string()]);
        let (_, found) = completions(":tr", 3, &[], &members);
        assert_eq!(found, vec![":trace".to_string()]);
    }
}
