//! The REPL's session: what has been declared, the variables and their values, and how one entry runs.
//!
//! Design. The session is (a) a list of top-level declarations as source text
//! (`decls`, a later one replacing an earlier one of the same name), (b) the
//! explicit imports, and (c) the REPL variables: a name, a type as Go source
//! and the value it held when the last entry ended. Each entry is compiled as
//! one whole Go program (gen.rs): the imports (plus every package of the
//! subset the text mentions), the declarations, each variable as a
//! package-level `var`, and a `main` holding the entry. Top-level `x := e`
//! and `var x T = e` in the entry are rewritten into assignments to those
//! package-level variables, so the variables an entry defines outlive it; their
//! types come from a first check of the entry as written (where they are still
//! locals). Before the program runs, each variable's value from the previous
//! program is put into its global slot (the program's own zero-initialisation
//! of that slot is removed), translated where a value names something of the
//! old program (carry.rs). Package initialisers of the library run again, but
//! the session's variables have no initialisers, so nothing the user wrote runs twice.
//!
//! Goroutines outlive their entry (live.rs): the session keeps one scheduler,
//! whose goroutines are moved into each entry's program with the variables
//! (same translator) and join the entry's main goroutine. They run only while
//! an entry runs. What ends a Go program (a panic in any goroutine, a
//! deadlock, `os.Exit`, Ctrl-C) ends the entry; its main goroutine and the one
//! that ended it stop, the others go on; `:reset` stops them all. Moved code
//! keeps its lines: the earlier entries and declarations it came from are
//! appended to the new program's text (`Origin::Archived`, `gen::Placer`), so
//! stacks name `<entry N>:LINE`.
//!
//! Files: `entry.rs` (parsing and classifying an entry), `gen.rs` (the program
//! text and its map back to the entry), `carry.rs` (values between programs),
//! `live.rs` (goroutines between programs), `observe.rs` (defer chains), `commands.rs` (`:help` and friends),
//! `input.rs` (rustyline: multi-line validation, completion, colouring, the loop).

pub mod carry;
pub mod commands;
pub mod entry;
pub mod gen;
pub mod input;
pub mod live;
pub mod observe;

use std::cell::RefCell;
use std::io::Write;
use std::rc::Rc;
use std::sync::atomic::AtomicBool;
use std::sync::Arc;

use gomini_lexer::{Diagnostic, Span, TokenKind};
use gomini_parser::ast;
use gomini_vm::goroutine::Stop;
use gomini_vm::op::Op;
use gomini_vm::program::{FuncProto, Program};
use gomini_vm::types::Style;
use gomini_vm::value::{Closure, Value};

use crate::diagnostics::{self, ColorChoice};
use gen::{Origin, ProgramText};

/// The name diagnostics and traces give the entered text.
pub const INPUT_NAME: &str = "<input>";
/// The file name the generated program is compiled under; mapped back in stack traces.
const PROGRAM_NAME: &str = "<gomini-repl>";
/// The user's own `func main` is renamed to this in the generated program (`:run` calls it).
pub const USER_MAIN: &str = "main_";
/// A declared `func init` is renamed to this and called once, when declared
/// (in a program every entry would run it again).
const USER_INIT: &str = "init_";
/// The local that holds an echoed expression in the first check.
const ECHO_LOCAL: &str = "__gomini_echo";
/// The import name of fmt for the echo, so that it cannot clash with the user's names.
const ECHO_FMT: &str = "__gomini_fmt";

/// One top-level declaration of the session.
#[derive(Clone, Debug)]
pub struct Decl {
    /// The names it declares (`P.String` for a method).
    pub names: Vec<String>,
    /// The declaration as entered.
    pub text: String,
    /// A name to replace in the text: the user's `main` is renamed.
    pub rename: Option<(std::ops::Range<usize>, &'static str)>,
}

/// A REPL variable.
#[derive(Clone, Debug)]
pub struct Var {
    pub name: String,
    /// Its type as Go source in package main (`[]P`, `map[string]int`).
    pub ty: String,
    /// Its global slot's content from the last program (a cell, or a struct's
    /// storage); `None` until an entry has run with it.
    pub value: Option<Value>,
}

/// What the last run left for `:goroutines` and `:defers`.
#[derive(Debug, Default)]
pub struct LastRun {
    pub goroutines: Vec<String>,
    pub observed: observe::Observed,
}

/// The whole state of a REPL session.
pub struct Session {
    pub decls: Vec<Decl>,
    /// Explicit imports as written: (alias, path).
    pub imports: Vec<(Option<String>, String)>,
    pub vars: Vec<Var>,
    /// The program the variables' values come from (their interface types and
    /// funcs index into it).
    values_from: Option<Rc<Program>>,
    /// That program's global slots by name (`main.x`), for moving code that uses them.
    values_globals: Vec<String>,
    /// That program's text, its declarations' sources (by `Origin::Decl`
    /// index) and what its entry is called now: where moved code's lines are.
    values_text: Option<ProgramText>,
    values_decls: Vec<gen::Archived>,
    values_entry_label: String,
    /// Sources of code moved from earlier programs (`Origin::Archived`).
    archive: Vec<gen::Archived>,
    /// The session's scheduler: the goroutines that outlive their entry, their
    /// wait queues, timers and virtual clock (live.rs). `None` before the first run.
    sched: Option<gomini_vm::sched::Sched>,
    pub seed: u64,
    pub race: bool,
    pub trace: bool,
    pub last: LastRun,
    /// Set by Ctrl-C while an entry runs.
    pub interrupt: Arc<AtomicBool>,
    /// Entries as typed, for `:history`.
    pub entries: Vec<String>,
    pub color: ColorChoice,
    /// What diagnostics call the text being evaluated: `<input>`, or the file `:load` reads.
    pub input_name: String,
}

/// The package name (last path element) of each package of the subset.
pub fn package_names() -> Vec<(&'static str, &'static str)> {
    gomini_vm::stdlib::PACKAGES
        .iter()
        .map(|p| (p.rsplit('/').next().unwrap_or(p), *p))
        .collect()
}

impl Session {
    pub fn new(seed: u64) -> Session {
        Session {
            decls: Vec::new(),
            imports: Vec::new(),
            vars: Vec::new(),
            values_from: None,
            values_globals: Vec::new(),
            values_text: None,
            values_decls: Vec::new(),
            values_entry_label: String::new(),
            archive: Vec::new(),
            sched: None,
            seed,
            race: false,
            trace: false,
            last: LastRun::default(),
            interrupt: Arc::new(AtomicBool::new(false)),
            entries: Vec::new(),
            color: ColorChoice::for_stderr(),
            input_name: INPUT_NAME.to_string(),
        }
    }

    /// Forgets every declaration, variable and import (`:reset`); settings stay.
    pub fn reset(&mut self) {
        self.decls.clear();
        self.imports.clear();
        self.vars.clear();
        self.values_from = None;
        self.values_text = None;
        self.values_decls.clear();
        self.archive.clear();
        // Every goroutine stops.
        self.sched = None;
        self.last = LastRun::default();
    }

    /// Every name the session declares (for completion).
    pub fn names(&self) -> Vec<String> {
        let mut names: Vec<String> = self
            .decls
            .iter()
            .flat_map(|d| d.names.iter().filter(|n| !n.contains('.')).cloned())
            .chain(self.vars.iter().map(|v| v.name.clone()))
            .collect();
        names.sort();
        names.dedup();
        names
    }

    /// Evaluates one entry (declarations or statements); errors are printed, never fatal.
    pub fn eval(&mut self, text: &str) {
        if text.trim().is_empty() {
            return;
        }
        match entry::parse(text) {
            entry::Parsed::Errors(diags) => self.report(text, &diags),
            entry::Parsed::Decls(file) => {
                self.declare(text, &file);
            }
            entry::Parsed::Stmts(stmts) => {
                self.execute(text, &stmts);
            }
        }
    }

    /// Prints diagnostics located in the entered text.
    fn report(&self, text: &str, diags: &[Diagnostic]) {
        eprint!(
            "{}",
            diagnostics::render(&self.input_name, text, diags, self.color)
        );
    }

    /// `:type EXPR`: the expression's type as `%T` prints it (errors are printed).
    pub fn type_of(&self, expr: &str) -> Option<String> {
        let mut prog = ProgramText::for_entry(expr);
        emit_header(
            &mut prog,
            &self.imports,
            &self.decls,
            &self.vars,
            expr,
            false,
        );
        prog.synthetic(&format!("func main() {{\n{ECHO_LOCAL} := ("));
        prog.copied(expr, Origin::Entry, 0);
        prog.synthetic(")\n}\n");
        let hir = self.check(&prog, expr, &self.decls, |_| None)?;
        local_type(&hir, ECHO_LOCAL, None).map(|(_, runtime)| runtime)
    }

    // ----- declarations -----

    /// Adds `file`'s imports and declarations to the session, after checking
    /// that the session still compiles with them; top-level `var`s (from
    /// `:load`) become session variables.
    pub fn declare(&mut self, text: &str, file: &ast::File) -> bool {
        let slice = |s: Span| text[s.start as usize..(s.end as usize).min(text.len())].to_string();
        let mut new_decls = Vec::new();
        let mut var_specs = Vec::new();
        let mut has_init = false;
        for d in &file.decls {
            match d {
                ast::Decl::Func(f) => {
                    let name = f.name.name.to_string();
                    let key = match &f.recv {
                        Some(recv) => {
                            let recv_ty = slice(recv.ty.span);
                            format!("{}.{name}", recv_ty.trim_start_matches(['*', ' ', '(']))
                        }
                        None => name.clone(),
                    };
                    let start = f.span.start as usize;
                    let renamed = match name.as_str() {
                        "main" => Some(USER_MAIN),
                        "init" => Some(USER_INIT),
                        _ => None,
                    };
                    let rename = renamed.filter(|_| f.recv.is_none()).map(|to| {
                        let at = f.name.span.start as usize - start;
                        (at..at + name.len(), to)
                    });
                    if rename.is_some() && name == "init" {
                        has_init = true;
                    }
                    new_decls.push(Decl {
                        names: vec![key],
                        text: slice(f.span),
                        rename,
                    });
                }
                ast::Decl::Type(t) => {
                    for spec in &t.specs {
                        new_decls.push(Decl {
                            names: vec![spec.name.name.to_string()],
                            text: format!("type {}", slice(spec.span)),
                            rename: None,
                        });
                    }
                }
                ast::Decl::Const(c) => new_decls.push(Decl {
                    names: c
                        .specs
                        .iter()
                        .flat_map(|s| s.names.iter().map(|n| n.name.to_string()))
                        .collect(),
                    text: slice(c.span),
                    rename: None,
                }),
                ast::Decl::Var(v) => var_specs.extend(v.specs.iter().cloned()),
            }
        }
        let mut imports = self.imports.clone();
        for imp in &file.imports {
            let entry = (
                imp.alias.as_ref().map(|a| a.name.to_string()),
                imp.path.to_string(),
            );
            if !imports.contains(&entry) {
                imports.push(entry);
            }
        }
        let var_names: Vec<String> = var_specs
            .iter()
            .flat_map(|s| s.names.iter().map(|n| n.name.to_string()))
            .collect();
        let new_names: Vec<String> = new_decls
            .iter()
            .flat_map(|d| d.names.iter().cloned())
            .collect();
        let mut decls: Vec<Decl> = self
            .decls
            .iter()
            .filter(|d| !d.names.iter().any(|n| new_names.contains(n)))
            .cloned()
            .collect();
        let first_new = decls.len();
        decls.extend(new_decls);
        let vars: Vec<Var> = self
            .vars
            .iter()
            .filter(|v| !new_names.contains(&v.name) && !var_names.contains(&v.name))
            .cloned()
            .collect();

        // The check: the session with the new declarations, the file's vars as
        // package-level vars (to learn their types), an empty main.
        let mut var_text = String::new();
        for spec in &var_specs {
            var_text.push_str(&format!("var {}\n", slice(spec.span)));
        }
        let mut prog = ProgramText::default();
        emit_header(&mut prog, &imports, &decls, &vars, &var_text, false);
        prog.copied(&var_text, Origin::Synthetic, 0);
        prog.synthetic("func main() {}\n");
        let Some(hir) = self.check(&prog, text, &decls, |o| match o {
            Origin::Decl(i) if i >= first_new => Some(decl_offset(&decls[i], text)),
            _ => None,
        }) else {
            return false;
        };
        let mut new_vars = Vec::new();
        for name in &var_names {
            if name == "_" {
                continue;
            }
            let qualified = format!("main.{name}");
            if let Some(g) = hir.globals.iter().find(|g| g.name == qualified) {
                new_vars.push(Var {
                    name: name.clone(),
                    ty: hir.types.display(g.ty, Style::Compiler("main")),
                    value: None,
                });
            }
        }
        let mut vars = vars;
        reset_vars_of_redefined_types(&self.decls, &decls, &mut vars);
        self.decls = decls;
        self.imports = imports;
        self.vars = vars;
        self.vars.extend(new_vars);
        // The vars' initial values run once, as an entry, in the order written.
        let mut inits: Vec<String> = var_specs
            .iter()
            .filter(|s| !s.values.is_empty())
            .map(|s| {
                let names: Vec<&str> = s.names.iter().map(|n| n.name.as_ref()).collect();
                let first = s.values.first().map(|e| e.span.start).unwrap_or(0);
                let last = s.values.last().map(|e| e.span.end).unwrap_or(0);
                format!("{} = {}", names.join(", "), slice(Span::new(first, last)))
            })
            .collect();
        if has_init {
            inits.push(format!("{USER_INIT}()"));
        }
        if !inits.is_empty() {
            let init_text = inits.join("\n");
            if let entry::Parsed::Stmts(stmts) = entry::parse(&init_text) {
                self.execute(&init_text, &stmts);
            }
        }
        true
    }

    /// Checks a generated program; on errors prints them against the entry (or
    /// the declaration they are in) and returns `None`. `entry_offset` maps a
    /// declaration being added in this entry to its offset in the entry text.
    fn check(
        &self,
        prog: &ProgramText,
        entry_text: &str,
        decls: &[Decl],
        entry_offset: impl Fn(Origin) -> Option<usize>,
    ) -> Option<gomini_vm::hir::Program> {
        let (tree, parse_diags) = gomini_parser::parse(&prog.text);
        let diags = if !parse_diags.is_empty() {
            parse_diags
        } else if let Some(tree) = tree {
            let opts = gomini_vm::check::Options {
                unused_errors: false,
                ..Default::default()
            };
            let (hir, diags) =
                gomini_vm::check::check_with(&tree, &opts, &gomini_vm::stdlib::Stdlib);
            if let Some(hir) = hir.filter(|_| diags.is_empty()) {
                return Some(hir);
            }
            diags
        } else {
            Vec::new()
        };
        self.report_program_diags(prog, entry_text, decls, &diags, entry_offset);
        None
    }

    /// Renders diagnostics of a generated program where they came from.
    fn report_program_diags(
        &self,
        prog: &ProgramText,
        entry_text: &str,
        decls: &[Decl],
        diags: &[Diagnostic],
        entry_offset: impl Fn(Origin) -> Option<usize>,
    ) {
        let mut shown = 0;
        for d in diags {
            let (origin, start) = prog.locate(d.span.start as usize);
            let (_, end) = prog.locate(d.span.end as usize);
            let end = end.max(start);
            let moved = |mut d: Diagnostic, base: usize| {
                d.span = Span::new((start + base) as u32, (end + base) as u32);
                d.labels.clear();
                d
            };
            match origin {
                Origin::Entry => self.report(entry_text, &[moved(d.clone(), 0)]),
                Origin::Decl(i) => match entry_offset(Origin::Decl(i)) {
                    Some(base) => self.report(entry_text, &[moved(d.clone(), base)]),
                    None => {
                        let decl = &decls[i];
                        let name = format!("<declaration of {}>", decl.names.join(", "));
                        eprint!(
                            "{}",
                            diagnostics::render(
                                &name,
                                &decl.text,
                                &[moved(d.clone(), 0)],
                                self.color
                            )
                        );
                    }
                },
                Origin::Synthetic | Origin::Archived(_) => eprintln!("gomini: {}", d.message),
            }
            shown += 1;
        }
        if shown == 0 {
            eprintln!("gomini: the entry could not be compiled");
        }
    }

    // ----- statements -----

    /// Runs statements (and echoes a lone expression); returns whether it compiled.
    pub fn execute(&mut self, text: &str, stmts: &[ast::Stmt]) -> bool {
        let (defs, rewrites) = entry::definitions(text, stmts);
        let echo = entry::lone_expression(stmts);

        // First check: the entry as written, its definitions still locals, to learn their types.
        // An echoed expression is first tried as `__gomini_echo := (e)`, then,
        // for a call with several results, as `__gomini_echo0, ... := e`.
        let first = |echo_values: usize| {
            let mut prog = ProgramText::for_entry(text);
            emit_header(
                &mut prog,
                &self.imports,
                &self.decls,
                &self.vars,
                text,
                false,
            );
            prog.synthetic("func main() {\n");
            let entry_start = prog.text.len();
            match echo.filter(|_| echo_values > 0) {
                Some(span) => {
                    let s = span.start as usize..span.end as usize;
                    if echo_values == 1 {
                        prog.synthetic(&format!("{ECHO_LOCAL} := ("));
                        prog.copied(&text[s.clone()], Origin::Entry, s.start);
                        prog.synthetic(")\n");
                    } else {
                        prog.synthetic(&format!("{} := ", echo_locals(echo_values)));
                        prog.copied(&text[s.clone()], Origin::Entry, s.start);
                        prog.synthetic("\n");
                    }
                }
                None => {
                    prog.copied(text, Origin::Entry, 0);
                    prog.synthetic("\n");
                }
            }
            prog.synthetic("}\n");
            (prog, entry_start)
        };
        // The echoed values' types (`%T` spelling), when the entry is echoed.
        let mut echo_tys: Option<Vec<String>> = None;
        let mut hir = None;
        if let Some(span) = echo {
            let (prog, _) = first(1);
            match self.check_quiet(&prog) {
                Ok(found) => {
                    echo_tys = local_type(&found, ECHO_LOCAL, None).map(|t| vec![t.1]);
                    hir = Some((0, found));
                }
                Err(diags) => {
                    let expr = &text[span.start as usize..span.end as usize];
                    let n = diags.iter().find_map(|d| results_count(&d.message));
                    // Print and friends return (n, err): nobody wants those echoed.
                    let quiet = ["fmt.Print", "fmt.Fprint", "fmt.Scan"]
                        .iter()
                        .any(|p| expr.trim_start().starts_with(p));
                    if let Some(n) = n.filter(|_| !quiet) {
                        if let Ok(found) = self.check_quiet(&first(n).0) {
                            echo_tys = (0..n)
                                .map(|i| {
                                    local_type(&found, &format!("{ECHO_LOCAL}{i}"), None)
                                        .map(|t| t.1)
                                })
                                .collect();
                            hir = Some((0, found));
                        }
                    }
                }
            }
        }
        let (entry_start, hir) = match hir {
            Some(found) => found,
            None => {
                let (prog, entry_start) = first(0);
                match self.check(&prog, text, &self.decls, |_| None) {
                    Some(hir) => (entry_start, hir),
                    None => return false,
                }
            }
        };
        let echo = echo.filter(|_| echo_tys.is_some());

        // The variables the entry defines, with their types.
        let mut vars = self.vars.clone();
        for def in &defs {
            if def.name == "_" {
                continue;
            }
            let at = if echo.is_some() {
                None
            } else {
                Some(entry_start + def.span.start as usize)
            };
            let Some((ty, _)) = local_type(&hir, &def.name, at) else {
                continue;
            };
            let existing = vars.iter().position(|v| v.name == def.name);
            match existing {
                Some(i) if vars[i].ty == ty => {}
                Some(i) => {
                    vars[i] = Var {
                        name: def.name.clone(),
                        ty,
                        value: None,
                    }
                }
                None => vars.push(Var {
                    name: def.name.clone(),
                    ty,
                    value: None,
                }),
            }
        }
        // A variable replaces a declaration of the same name.
        let decls: Vec<Decl> = self
            .decls
            .iter()
            .filter(|d| {
                !d.names
                    .iter()
                    .any(|n| defs.iter().any(|def| &def.name == n))
            })
            .cloned()
            .collect();

        // What the carried values need from the new program.
        let mut mentions = String::new();
        if let Some(old) = &self.values_from {
            let mut roots: Vec<Value> = vars.iter().filter_map(|v| v.value.clone()).collect();
            let mut running = Vec::new();
            if let Some(sched) = &self.sched {
                let (values, protos) = live::roots(sched);
                roots.extend(values);
                running = protos;
            }
            let needs = carry::needs_with_code(&mut roots, &running, old);
            let pkgs: Vec<&str> = package_names().iter().map(|(n, _)| *n).collect();
            let declared = |name: &str| decls.iter().any(|d| d.names.iter().any(|n| n == name));
            let mut lib_funcs: Option<std::collections::BTreeMap<&str, Vec<String>>> = None;
            let mut whole_packages: Vec<&str> = Vec::new();
            for ty in &needs.types {
                if let Some(src) = gen::runtime_type_to_source(ty, &pkgs) {
                    let main_names_ok = main_type_names(ty).iter().all(|n| declared(n));
                    if main_names_ok {
                        mentions.push_str(&format!("_ = any(*new({src}))\n"));
                    }
                } else if let Some(pkg) = pkgs.iter().find(|p| ty.contains(&format!("{p}."))) {
                    // An unexported library type (`*errors.errorString`): compiling the
                    // package's functions lowers it, as the function that made it did.
                    if !whole_packages.contains(pkg) {
                        whole_packages.push(pkg);
                        let funcs = lib_funcs.get_or_insert_with(|| input::package_exports(true));
                        for f in funcs.get(pkg).into_iter().flatten() {
                            mentions.push_str(&format!("_ = {pkg}.{f}\n"));
                        }
                    }
                }
            }
            // A library variable moved code uses (`os.Stdout`): its package is imported.
            for idx in &needs.globals {
                let Some(name) = self.values_globals.get(*idx as usize) else {
                    continue;
                };
                let (pkg, member) = name.split_once('.').unwrap_or(("", name));
                if pkg != "main"
                    && pkgs.contains(&pkg)
                    && member
                        .chars()
                        .next()
                        .is_some_and(|c| c.is_ascii_uppercase())
                    && !member.contains('.')
                {
                    mentions.push_str(&format!("_ = {name}\n"));
                }
            }
            for f in &needs.funcs {
                let (pkg, name) = f.split_once('.').unwrap_or(("", f));
                // A method `main.(*T).M` or `main.T.M` as a method expression.
                let owner = name
                    .rsplit_once('.')
                    .map(|(t, _)| t.trim_start_matches("(*").trim_end_matches(')'));
                let wanted = match owner {
                    Some(t) => declared(t),
                    None => declared(name),
                };
                if pkg == "main" && wanted {
                    mentions.push_str(&format!("_ = {name}\n"));
                } else if pkg != "main"
                    && pkgs.contains(&pkg)
                    && name.chars().next().is_some_and(|c| c.is_ascii_uppercase())
                {
                    mentions.push_str(&format!("_ = {f}\n"));
                }
            }
        }

        // The program that runs: definitions rewritten into assignments.
        let mut prog = ProgramText::for_entry(text);
        let body_text = format!("{text}\n{mentions}");
        emit_header(
            &mut prog,
            &self.imports,
            &decls,
            &vars,
            &body_text,
            echo.is_some(),
        );
        prog.synthetic("func main() {\n");
        prog.synthetic(&mentions);
        match echo {
            Some(span) => {
                let s = span.start as usize..span.end as usize;
                let tys = echo_tys.clone().unwrap_or_default();
                if tys.len() == 1 {
                    prog.synthetic(&format!("{ECHO_FMT}.Printf(\"%v (%s)\\n\", ("));
                    prog.copied(&text[s.clone()], Origin::Entry, s.start);
                    prog.synthetic(&format!("), {:?})\n", tys[0]));
                } else {
                    let locals = echo_locals(tys.len());
                    prog.synthetic(&format!("{locals} := "));
                    prog.copied(&text[s.clone()], Origin::Entry, s.start);
                    let verbs = vec!["%v"; tys.len()].join(" ");
                    let tuple = tys.join(", ");
                    prog.synthetic(&format!(
                        "\n{ECHO_FMT}.Printf(\"{verbs} (%s)\\n\", {locals}, {tuple:?})\n"
                    ));
                }
            }
            None => {
                let mut at = 0;
                for rw in &rewrites {
                    prog.copied(&text[at..rw.range.start], Origin::Entry, at);
                    prog.rewritten(&rw.text, Origin::Entry, rw.range.start);
                    at = rw.range.end;
                }
                prog.copied(&text[at..], Origin::Entry, at);
                prog.synthetic("\n");
            }
        }
        prog.synthetic("}\n");
        let Some(hir) = self.check(&prog, text, &decls, |_| None) else {
            return false;
        };
        let compile_opts = gomini_vm::compile::Options {
            per_iteration_loopvars: true,
            args: vec![PROGRAM_NAME.to_string()],
        };
        let mut program =
            match gomini_vm::compile::compile(&hir, &compile_opts, PROGRAM_NAME, &prog.text) {
                Ok(p) => p,
                Err(diags) => {
                    self.report_program_diags(&prog, text, &decls, &diags, |_| None);
                    return false;
                }
            };

        // Carry the values over: translate, then keep the program from zeroing their slots.
        let global_index = |name: &str| {
            let qualified = format!("main.{name}");
            hir.globals.iter().position(|g| g.name == qualified)
        };
        let mut carried: Vec<(usize, Value)> = Vec::new();
        let new_globals: Vec<String> = hir.globals.iter().map(|g| g.name.clone()).collect();
        let mut sched = self.sched.take();
        let text_len = prog.text.len();
        if let Some(old) = self.values_from.clone() {
            let old_globals = std::mem::take(&mut self.values_globals);
            let old_text = self.values_text.take().unwrap_or_default();
            let old_decls = std::mem::take(&mut self.values_decls);
            let old_label = std::mem::take(&mut self.values_entry_label);
            let mut archive = std::mem::take(&mut self.archive);
            let mut placer =
                gen::Placer::new(&old_text, &old_decls, &old_label, &mut archive, &mut prog);
            let mut translator =
                carry::Translator::new(&old, &old_globals, &mut program, &new_globals)
                    .with_remap(Box::new(|span| placer.remap(span)));
            for var in vars.iter_mut() {
                let (Some(value), Some(idx)) = (var.value.clone(), global_index(&var.name)) else {
                    continue;
                };
                let mut value = value;
                match translator.translate(&mut value) {
                    Ok(()) => carried.push((idx, value)),
                    Err(why) => {
                        eprintln!("gomini: {} is reset to its zero value: {why}", var.name);
                        var.value = None;
                    }
                }
            }
            if let Some(sched) = &mut sched {
                live::translate(sched, &mut translator);
            }
            drop(translator);
            self.archive = archive;
        }
        if prog.text.len() != text_len {
            // Moved code's sources were appended: lines are counted in the whole text.
            program.lines = gomini_lexer::LineIndex::new(&prog.text);
        }
        keep_globals(&mut program, carried.iter().map(|(i, _)| *i as u32));

        // Commit the session's new shape before running: the entry compiled.
        self.decls = decls;
        self.vars = vars;

        let entry_label = format!("<entry {}>", self.entries.len().max(1));
        let outcome = self.run(program, &carried, &prog, sched);
        // Harvest: whatever the variables hold now, even after a panic.
        for var in self.vars.iter_mut() {
            if let Some(idx) = global_index(&var.name) {
                var.value = outcome.globals.get(idx).cloned();
            }
        }
        self.values_from = Some(outcome.program);
        self.values_globals = new_globals;
        self.values_decls = self
            .decls
            .iter()
            .map(|d| gen::Archived {
                label: format!("<declaration of {}>", d.names.join(", ")),
                text: d.text.clone(),
            })
            .collect();
        self.values_text = Some(prog);
        self.values_entry_label = entry_label;
        true
    }

    /// Checks without printing anything.
    fn check_quiet(&self, prog: &ProgramText) -> Result<gomini_vm::hir::Program, Vec<Diagnostic>> {
        let (tree, parse_diags) = gomini_parser::parse(&prog.text);
        let Some(tree) = tree.filter(|_| parse_diags.is_empty()) else {
            return Err(parse_diags);
        };
        let opts = gomini_vm::check::Options {
            unused_errors: false,
            ..Default::default()
        };
        let (hir, diags) = gomini_vm::check::check_with(&tree, &opts, &gomini_vm::stdlib::Stdlib);
        match hir.filter(|_| diags.is_empty()) {
            Some(hir) => Ok(hir),
            None => Err(diags),
        }
    }

    /// Runs a compiled entry and prints what it printed and how it ended.
    fn run(
        &mut self,
        program: Program,
        carried: &[(usize, Value)],
        prog: &ProgramText,
        sched: Option<gomini_vm::sched::Sched>,
    ) -> Outcome {
        let (program, initialised) = initialise(program, self.seed);
        let mut vm = gomini_vm::Vm::with_shared_program(program, self.seed);
        if let Some(globals) = initialised {
            vm.globals = globals;
        }
        for (idx, value) in carried {
            vm.globals[*idx] = value.clone();
        }
        if let Some(sched) = sched {
            vm.sched = sched;
        }
        // `:defers` reads the chains from the VM's state, at a panic and when
        // main.main returns (snapshot.rs): no event sink unless `:trace on`,
        // so that calls cost what they cost in `run`.
        vm.keep_defer_chains = true;
        let trace_sink = self.trace.then(|| {
            gomini_vm::trace::TraceSink::new(
                vm.program.clone(),
                gomini_vm::trace::Focus::All,
                gomini_vm::trace::DEFAULT_MAX_EVENTS,
            )
        });
        let collected = trace_sink.as_ref().map(|s| s.collected.clone());
        if let Some(sink) = trace_sink {
            vm.set_sink(Box::new(sink));
        }
        // Not cleared here: a Ctrl-C while the entry was compiled stops it
        // now (input.rs clears the flag after each entry).
        interrupt::arm(&mut vm, &self.interrupt);
        if self.race {
            vm.enable_race();
        }
        // Race reports name the generated program's lines: they are mapped
        // back to the entry's when the entry ends, so they are not streamed.
        let held_stderr: Option<Rc<RefCell<Vec<u8>>>> = self.race.then(Rc::default);
        vm.set_output(Box::new(PrintAsItComes {
            held_stderr: held_stderr.clone(),
        }));
        let stop = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| vm.run_main()));
        if let Ok(Stop::Finished) = stop {
            // Go's `Found N data race(s)` (its exit code 66 has no meaning here).
            vm.finish_race(0);
        }
        vm.flush_output();
        let mut stdout = std::io::stdout().lock();
        let _ = stdout.write_all(&vm.stdout);
        let _ = stdout.flush();
        drop(stdout);
        let mut stderr = std::io::stderr().lock();
        if let Some(held) = &held_stderr {
            let mut bytes = std::mem::take(&mut *held.borrow_mut());
            bytes.extend_from_slice(&vm.stderr);
            let text = String::from_utf8_lossy(&bytes).into_owned();
            let _ = stderr.write_all(self.map_locations(&text, prog).as_bytes());
        } else {
            let _ = stderr.write_all(&vm.stderr);
        }
        let mut exit_code = 0;
        let returned = matches!(stop, Ok(Stop::Finished));
        let vm_intact = stop.is_ok();
        match stop {
            Ok(Stop::Panicked(text)) | Ok(Stop::Fatal(text)) => {
                let _ = stderr.write_all(self.map_locations(&text, prog).as_bytes());
                exit_code = 2;
            }
            Ok(Stop::Exit(code)) => {
                let _ = writeln!(stderr, "exit status {code}");
                exit_code = code;
            }
            Ok(other) if interrupt::is_interrupted(&other) => {
                let _ = writeln!(stderr, "interrupted");
            }
            Ok(_) => {}
            Err(_) => {
                let why = BUG.with(|b| b.borrow_mut().take()).unwrap_or_default();
                let _ = writeln!(
                    stderr,
                    "gomini: internal error (a bug in gomini, not in the entry): {why}; the session goes on"
                );
            }
        }
        let _ = stderr.flush();
        drop(stderr);

        self.last.observed = observe::Observed {
            at_panic: vm.panic_chains.take().map(observe::at_panic),
            at_return: returned.then(|| {
                let after = vm.defer_chains(None);
                observe::at_return(vm.return_chains.take(), after)
            }),
        };
        if vm_intact {
            // The other goroutines live on (live.rs).
            live::after_run(&mut vm.sched);
            self.last.goroutines = live_goroutines(&vm, |t| self.map_locations(t, prog));
            self.sched = Some(std::mem::take(&mut vm.sched));
        } else {
            // A bug in gomini may have left the goroutines half-way: they stop.
            self.last.goroutines.clear();
            self.sched = None;
        }
        if let Some(collected) = collected {
            let collected = std::mem::take(&mut *collected.borrow_mut());
            let mut trace = gomini_vm::trace::Trace::new(
                INPUT_NAME,
                &prog.text,
                self.seed,
                exit_code,
                gomini_vm::trace::Focus::All,
                gomini_vm::trace::DEFAULT_MAX_EVENTS,
                collected,
            );
            // Lines are the generated program's: keep those of the entry, as its own lines.
            let starts = line_starts(&prog.text);
            for ev in &mut trace.events {
                ev.line = ev
                    .line
                    .and_then(|l| match locate_line(prog, &starts, l as usize)? {
                        (Origin::Entry, off) => Some(prog.entry_line(off)),
                        _ => None,
                    });
            }
            print!("{}", gomini_vm::trace::text::render(&trace, false));
        }
        Outcome {
            globals: std::mem::take(&mut vm.globals),
            program: vm.program.clone(),
        }
    }

    /// Rewrites `<gomini-repl>:LINE` in a crash report as the entry's or a declaration's line.
    fn map_locations(&self, text: &str, prog: &ProgramText) -> String {
        let starts = line_starts(&prog.text);
        let marker = format!("{PROGRAM_NAME}:");
        let mut out = String::with_capacity(text.len());
        let mut rest = text;
        while let Some(at) = rest.find(&marker) {
            out.push_str(&rest[..at]);
            let after = &rest[at + marker.len()..];
            let digits: String = after.chars().take_while(|c| c.is_ascii_digit()).collect();
            let line: usize = digits.parse().unwrap_or(0);
            let shown = match locate_line(prog, &starts, line) {
                Some((Origin::Entry, off)) => format!("{INPUT_NAME}:{}", prog.entry_line(off)),
                Some((Origin::Archived(k), off)) => match self.archive.get(k) {
                    Some(a) => format!(
                        "{}:{}",
                        a.label,
                        a.text.get(..off).unwrap_or(&a.text).matches('\n').count() + 1
                    ),
                    None => format!("{INPUT_NAME}:?"),
                },
                Some((Origin::Decl(i), off)) => match self.decls.get(i) {
                    Some(d) => format!(
                        "<declaration of {}>:{}",
                        d.names.join(", "),
                        d.text.get(..off).unwrap_or(&d.text).matches('\n').count() + 1
                    ),
                    None => format!("{INPUT_NAME}:?"),
                },
                _ => format!("{INPUT_NAME}:?"),
            };
            out.push_str(&shown);
            rest = &after[digits.len()..];
        }
        out.push_str(rest);
        out
    }
}

/// Where generated line `line` (1-based) came from: the first byte on it that
/// is not gomini's own text.
fn locate_line(prog: &ProgramText, starts: &[usize], line: usize) -> Option<(Origin, usize)> {
    let start = *starts.get(line.checked_sub(1)?)?;
    let end = starts.get(line).copied().unwrap_or(prog.text.len());
    (start..end)
        .map(|p| prog.locate(p))
        .find(|(o, _)| *o != Origin::Synthetic)
}

thread_local! {
    /// The message of a Rust panic in the VM (a gomini bug), for the report.
    static BUG: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Runs `f`, turning a Rust panic (a gomini bug) into a one-line report, so
/// that no entry can end the session.
pub fn guard<T>(f: impl FnOnce() -> T) -> Option<T> {
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)) {
        Ok(v) => Some(v),
        Err(_) => {
            let why = BUG.with(|b| b.borrow_mut().take()).unwrap_or_default();
            eprintln!("gomini: internal error (a bug in gomini, not in the entry): {why}; the session goes on");
            None
        }
    }
}

/// Records Rust panics instead of printing them: the REPL reports them as
/// gomini bugs after the entry's output and goes on.
pub fn install_bug_hook() {
    std::panic::set_hook(Box::new(|info| {
        let described = crate::bug::describe(info);
        BUG.with(|b| *b.borrow_mut() = Some(described));
    }));
}

/// Resets (with a note) the variables whose type mentions a type declaration
/// that `new` changed: their values have the old structure (a struct with
/// other fields), which the new program would misread. A type whose
/// declaration mentions a changed type has changed too.
fn reset_vars_of_redefined_types(old: &[Decl], new: &[Decl], vars: &mut [Var]) {
    let normalized = |text: &str| text.split_whitespace().collect::<Vec<_>>().join(" ");
    let is_type = |d: &Decl| d.text.starts_with("type ");
    // (changed type, the redefined type that changed it)
    let mut changed: Vec<(&str, &str)> = Vec::new();
    for d in new.iter().filter(|d| is_type(d)) {
        let name = d.names[0].as_str();
        let before = old
            .iter()
            .find(|o| is_type(o) && o.names.first().is_some_and(|n| n == name));
        if before.is_some_and(|o| normalized(&o.text) != normalized(&d.text)) {
            changed.push((name, name));
        }
    }
    loop {
        let more: Vec<(&str, &str)> = new
            .iter()
            .filter(|d| is_type(d) && !changed.iter().any(|c| c.0 == d.names[0]))
            .filter_map(|d| Some((d.names[0].as_str(), mentioned_name(&d.text, &changed)?)))
            .collect();
        if more.is_empty() {
            break;
        }
        changed.extend(more);
    }
    for v in vars.iter_mut().filter(|v| v.value.is_some()) {
        if let Some(cause) = mentioned_name(&v.ty, &changed) {
            let why = if v.ty == cause {
                format!("its type {cause} was redefined")
            } else {
                format!("its type {} uses {cause}, which was redefined", v.ty)
            };
            eprintln!("gomini: {} is reset to its zero value: {why}", v.name);
            v.value = None;
        }
    }
}

/// The cause of the first changed type that `text` uses as an identifier.
fn mentioned_name<'a>(text: &str, changed: &[(&str, &'a str)]) -> Option<&'a str> {
    let (tokens, _) = gomini_lexer::lex(text);
    tokens.iter().find_map(|t| match t.kind {
        TokenKind::Ident(id) => changed.iter().find(|c| c.0 == id).map(|c| c.1),
        _ => None,
    })
}

/// Byte offset of the start of each line.
fn line_starts(text: &str) -> Vec<usize> {
    std::iter::once(0)
        .chain(text.match_indices('\n').map(|(i, _)| i + 1))
        .collect()
}

/// What a run leaves behind.
struct Outcome {
    globals: Vec<Value>,
    program: Rc<Program>,
}

/// `__gomini_echo0, __gomini_echo1, ...`: the locals of a multi-valued echo.
fn echo_locals(n: usize) -> String {
    (0..n)
        .map(|i| format!("{ECHO_LOCAL}{i}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// N from the checker's `assignment mismatch: 1 variable but f() returns N
/// values`, or from `multiple-value f() (value of type (T1, T2)) in single-value context`.
fn results_count(message: &str) -> Option<usize> {
    if message.starts_with("multiple-value ") {
        let (_, tuple) = message.rsplit_once("(value of type (")?;
        let mut depth = 0;
        let mut n = 1;
        for c in tuple.chars() {
            match c {
                '(' | '[' | '{' => depth += 1,
                ')' | ']' | '}' if depth == 0 => return Some(n),
                ')' | ']' | '}' => depth -= 1,
                ',' if depth == 0 => n += 1,
                _ => {}
            }
        }
        return None;
    }
    let rest = message.strip_prefix("assignment mismatch: 1 variable but ")?;
    let (_, tail) = rest.rsplit_once(" returns ")?;
    tail.strip_suffix(" values")?.parse().ok()
}

/// The identifiers of package main a runtime type name mentions (`[]*main.P` → `P`).
fn main_type_names(ty: &str) -> Vec<String> {
    ty.match_indices("main.")
        .filter(|(i, _)| *i == 0 || !ty.as_bytes()[i - 1].is_ascii_alphanumeric())
        .map(|(i, _)| {
            ty[i + 5..]
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect()
        })
        .collect()
}

/// The type (as source and as `%T`) of `main`'s local `name`: the one declared
/// at generated offset `at`, or the last one of that name.
fn local_type(
    hir: &gomini_vm::hir::Program,
    name: &str,
    at: Option<usize>,
) -> Option<(String, String)> {
    let main = hir.funcs.get(hir.main.0 as usize)?;
    let local = match at {
        Some(at) => main
            .locals
            .iter()
            .find(|l| l.name == name && l.span.start as usize == at)
            .or_else(|| main.locals.iter().rev().find(|l| l.name == name)),
        None => main.locals.iter().rev().find(|l| l.name == name),
    }?;
    Some((
        hir.types.display(local.ty, Style::Compiler("main")),
        hir.types.display(local.ty, Style::Runtime),
    ))
}

/// The offset in the entry text of a declaration added by this entry.
fn decl_offset(decl: &Decl, entry_text: &str) -> usize {
    let probe = decl.text.strip_prefix("type ").unwrap_or(&decl.text);
    entry_text.find(probe).unwrap_or(0)
}

/// Writes `package main`, the imports, the declarations and the variables.
fn emit_header(
    prog: &mut ProgramText,
    imports: &[(Option<String>, String)],
    decls: &[Decl],
    vars: &[Var],
    entry_text: &str,
    echo: bool,
) {
    prog.synthetic("package main\n");
    let taken: Vec<&str> = decls
        .iter()
        .flat_map(|d| d.names.iter().map(String::as_str))
        .chain(vars.iter().map(|v| v.name.as_str()))
        .collect();
    let mut lines: Vec<String> = Vec::new();
    let mut names_in_use: Vec<String> = Vec::new();
    for (alias, path) in imports {
        lines.push(match alias {
            Some(a) => format!("import {a} {path:?}\n"),
            None => format!("import {path:?}\n"),
        });
        names_in_use.push(
            alias
                .clone()
                .unwrap_or_else(|| path.rsplit('/').next().unwrap_or(path).to_string()),
        );
    }
    let mut used = mentioned_packages(entry_text);
    for d in decls {
        used.extend(mentioned_packages(&d.text));
    }
    for v in vars {
        used.extend(mentioned_packages(&v.ty));
    }
    for (name, path) in package_names() {
        if used.contains(&name)
            && !names_in_use.iter().any(|n| n == name)
            && !taken.contains(&name)
            && !imports.iter().any(|(_, p)| p == path)
        {
            lines.push(format!("import {path:?}\n"));
            names_in_use.push(name.to_string());
        }
    }
    if echo {
        lines.push(format!("import {ECHO_FMT} \"fmt\"\n"));
    }
    for l in lines {
        prog.synthetic(&l);
    }
    for (i, d) in decls.iter().enumerate() {
        match &d.rename {
            Some((range, to)) => {
                prog.copied(&d.text[..range.start], Origin::Decl(i), 0);
                prog.rewritten(to, Origin::Decl(i), range.start);
                prog.copied(&d.text[range.end..], Origin::Decl(i), range.end);
            }
            None => prog.copied(&d.text, Origin::Decl(i), 0),
        }
        prog.synthetic("\n");
    }
    for v in vars {
        prog.synthetic(&format!("var {} {}\n", v.name, v.ty));
    }
}

/// Package names used as `name.` in `text` (outside strings and comments).
pub fn mentioned_packages(text: &str) -> Vec<&'static str> {
    let (tokens, _) = gomini_lexer::lex(text);
    let names = package_names();
    let mut found = Vec::new();
    for (i, t) in tokens.iter().enumerate() {
        if let TokenKind::Ident(name) = t.kind {
            let followed_by_dot = tokens.get(i + 1).is_some_and(|n| n.kind == TokenKind::Dot);
            let after_dot = i > 0 && tokens[i - 1].kind == TokenKind::Dot;
            if followed_by_dot && !after_dot {
                if let Some((n, _)) = names.iter().find(|(n, _)| *n == name) {
                    if !found.contains(n) {
                        found.push(*n);
                    }
                }
            }
        }
    }
    found
}

/// Removes the entry function's zero-initialisation of the globals in `keep`,
/// so that the values put there before the run survive it.
fn keep_globals(program: &mut Program, keep: impl Iterator<Item = u32>) {
    let keep: Vec<u32> = keep.collect();
    if keep.is_empty() {
        return;
    }
    let entry = program.entry as usize;
    let old = &program.protos[entry];
    let code: Vec<Op> = old
        .code
        .iter()
        .map(|op| match op {
            Op::StoreGlobal { idx, .. } if keep.contains(idx) => Op::Nop,
            other => *other,
        })
        .collect();
    let proto = Rc::new(FuncProto {
        name: old.name.clone(),
        // Before `code`, which the next field moves.
        clear_locals: gomini_vm::program::clears_locals(&code),
        code,
        spans: old.spans.clone(),
        consts: old.consts.clone(),
        n_params: old.n_params,
        n_results: old.n_results,
        n_slots: old.n_slots,
        captures: old.captures.clone(),
        epilogue_pc: old.epilogue_pc,
        results: old.results.clone(),
        library: old.library,
        wrapper: old.wrapper,
    });
    program.func_values[entry] = Value::Func(Rc::new(Closure {
        proto: proto.clone(),
        cells: gomini_vm::value::Cells::none(),
    }));
    program.protos[entry] = proto;
}

/// A copy of `old` with other code and spans.
fn with_code(old: &FuncProto, code: Vec<Op>, spans: Vec<Span>) -> FuncProto {
    FuncProto {
        name: old.name.clone(),
        // Before `code`, which the next field moves.
        clear_locals: gomini_vm::program::clears_locals(&code),
        code,
        spans,
        consts: old.consts.clone(),
        n_params: old.n_params,
        n_results: old.n_results,
        n_slots: old.n_slots.max(1),
        captures: old.captures.clone(),
        epilogue_pc: old.epilogue_pc,
        results: old.results.clone(),
        library: old.library,
        wrapper: old.wrapper,
    }
}

/// Runs the program's package initialisation on its own VM and returns the
/// program whose entry then only calls `main.main`, with the initialised
/// globals. Go finishes initialising before `main` and any goroutine run; in
/// one run, the session's goroutines (runnable from its start) could run
/// before the library's variables (`os.Stdout`) are set. `None`: the program
/// is returned as it was (its entry is not as the compiler makes it, or the
/// initialisation failed, which the entry's own run then reports).
fn initialise(mut program: Program, seed: u64) -> (Rc<Program>, Option<Vec<Value>>) {
    let entry = program.entry as usize;
    let old = program.protos[entry].clone();
    let Some((call_at, main_func)) =
        old.code
            .iter()
            .enumerate()
            .rev()
            .find_map(|(i, op)| match op {
                Op::Call { base: 0, func } => Some((i, *func)),
                _ => None,
            })
    else {
        return (Rc::new(program), None);
    };
    let mut init_code = old.code.clone();
    init_code[call_at] = Op::Nop;
    let init = Rc::new(with_code(&old, init_code, old.spans.clone()));
    let span = old.spans.get(call_at).copied().unwrap_or_default();
    let call_main = Rc::new(with_code(
        &old,
        vec![
            Op::Call {
                base: 0,
                func: main_func,
            },
            Op::Return { src: 0, n: 0 },
        ],
        vec![span; 2],
    ));
    let as_value = |proto: &Rc<FuncProto>| {
        Value::Func(Rc::new(Closure {
            proto: proto.clone(),
            cells: gomini_vm::value::Cells::none(),
        }))
    };
    program.func_values[entry] = as_value(&init);
    program.protos[entry] = init;
    let call_main_at = program.protos.len() as u32;
    program.func_values.push(as_value(&call_main));
    program.protos.push(call_main);
    let mut shared = Rc::new(program);
    let mut vm = gomini_vm::Vm::with_shared_program(shared.clone(), seed);
    let stop = vm.run_main();
    let globals = std::mem::take(&mut vm.globals);
    let printed = (
        std::mem::take(&mut vm.stdout),
        std::mem::take(&mut vm.stderr),
    );
    drop(vm);
    let _ = std::io::stdout().write_all(&printed.0);
    let _ = std::io::stderr().write_all(&printed.1);
    let finished = stop == Stop::Finished;
    // The VM is gone: nothing else holds the program.
    let Some(program) = Rc::get_mut(&mut shared) else {
        return (shared, None);
    };
    if finished {
        program.entry = call_main_at;
        (shared, Some(globals))
    } else {
        program.func_values[entry] = as_value(&old);
        program.protos[entry] = old;
        (shared, None)
    }
}

/// `:goroutines`: the goroutines still alive when the entry ended, with their stacks.
fn live_goroutines(vm: &gomini_vm::Vm, map: impl Fn(&str) -> String) -> Vec<String> {
    let mut out = Vec::new();
    let mut gs: Vec<&gomini_vm::goroutine::Goroutine> =
        vm.sched.gs.iter().flatten().map(|g| &**g).collect();
    gs.sort_by_key(|g| g.id);
    for g in gs {
        if g.frames.is_empty() {
            continue;
        }
        let state = g.wait.unwrap_or("runnable");
        let mut text = format!("goroutine {} [{state}]:\n", g.id);
        let depth = g.frames.len();
        for (i, f) in g.frames.iter().rev().enumerate() {
            // A parked goroutine's top frame is on the blocking instruction
            // (it re-executes); the others are past their call.
            let pc = if i == 0 && g.wait.is_some() {
                f.pc as usize
            } else {
                g.shown_pc(depth - 1 - i)
            };
            let at = map(&vm.program.location(&f.proto, pc));
            text.push_str(&format!("  {}()\n      {at}\n", f.proto.name));
        }
        if let Some(c) = &g.created_by {
            let at = map(&vm.program.location(&c.func, c.pc as usize));
            text.push_str(&format!(
                "  created by {} in goroutine {}\n      {at}\n",
                c.func.name, c.parent
            ));
        }
        out.push(text);
    }
    out
}

/// Ctrl-C: the flag the VM checks while an entry runs.
/// Shows the program's output as it is printed (the VM drains its buffers
/// into this sink while the entry runs; output.rs).
struct PrintAsItComes {
    /// Under `:race on`, stderr is kept here instead (see `run`).
    held_stderr: Option<Rc<RefCell<Vec<u8>>>>,
}

impl gomini_vm::output::OutputSink for PrintAsItComes {
    fn write(&mut self, stream: gomini_vm::output::Stream, bytes: &[u8]) {
        match stream {
            gomini_vm::output::Stream::Stdout => {
                let mut stdout = std::io::stdout().lock();
                let _ = stdout.write_all(bytes);
                let _ = stdout.flush();
            }
            gomini_vm::output::Stream::Stderr => match &self.held_stderr {
                Some(held) => held.borrow_mut().extend_from_slice(bytes),
                None => {
                    let _ = std::io::stderr().lock().write_all(bytes);
                }
            },
        }
    }
}

pub mod interrupt {
    use std::sync::atomic::AtomicBool;
    use std::sync::Arc;

    use gomini_vm::goroutine::Stop;

    /// Hands the flag to the VM.
    pub fn arm(vm: &mut gomini_vm::Vm, flag: &Arc<AtomicBool>) {
        vm.set_interrupt(flag.clone());
    }

    /// Whether the run ended because of the flag.
    pub fn is_interrupted(stop: &Stop) -> bool {
        matches!(stop, Stop::Interrupted)
    }
}
