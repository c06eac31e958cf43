//! Nothing outside the program (README, "Running untrusted programs"): the VM
//! has no way to reach files, the network, processes, the environment or the
//! real clock, and a Go program cannot name one.

use std::path::Path;

/// Every `.rs` file under `dir`, recursively.
fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("readable source directory") {
        let path = entry.expect("directory entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn the_vm_source_uses_no_operating_system_access() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    assert!(files.len() > 20, "found only {} files", files.len());
    let forbidden = [
        "std::fs",
        "std::net",
        "std::process",
        "std::env",
        "std::os::",
        "SystemTime",
        "Instant::now",
        "std::thread::spawn",
    ];
    for file in files {
        let text = std::fs::read_to_string(&file).expect("readable source");
        for word in forbidden {
            assert!(
                !text.contains(word),
                "{} uses {word}: the VM must reach nothing outside the program",
                file.display()
            );
        }
    }
}

#[test]
fn the_only_natives_of_package_os_are_write_args_and_exit() {
    let list = include_str!("../src/stdlib/natives.txt");
    let names: Vec<&str> = list
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .filter_map(|l| l.split_whitespace().next())
        .collect();
    assert!(names.len() > 50);
    let os: Vec<&str> = names
        .iter()
        .copied()
        .filter(|n| n.starts_with("os.") || n.starts_with("(*os."))
        .collect();
    assert_eq!(os, ["(*os.File).Write", "os.Exit", "os.runtimeArgs"]);
    let allowed = [
        "errors",
        "fmt",
        "log",
        "math",
        "os",
        "runtime",
        "sort",
        "strconv",
        "strings",
        "sync",
        "sync/atomic",
        "time",
        "unicode",
        "unicode/utf8",
    ];
    for name in names {
        let package = name
            .trim_start_matches("(*")
            .rsplit_once('.')
            .map_or("", |p| p.0);
        let package = package.split_once('.').map_or(package, |p| p.0);
        assert!(
            allowed.contains(&package),
            "native {name} of package {package}: a new package's natives must be reviewed for outside access"
        );
    }
}

#[test]
fn programs_cannot_name_outside_access() {
    let programs = [
        "package main\n\nimport _ \"net\"\n\nfunc main() {}\n",
        "package main\n\nimport _ \"os/exec\"\n\nfunc main() {}\n",
        "package main\n\nimport _ \"syscall\"\n\nfunc main() {}\n",
        "package main\n\nimport _ \"unsafe\"\n\nfunc main() {}\n",
        "package main\n\nimport \"os\"\n\nfunc main() {\n\t_, _ = os.Open(\"x\")\n}\n",
        "package main\n\nimport \"os\"\n\nfunc main() {\n\t_ = os.Getenv(\"HOME\")\n}\n",
        "package main\n\nimport \"os\"\n\nfunc main() {\n\t_, _ = os.Stdin.Read(nil)\n}\n",
    ];
    for src in programs {
        let (_, tree, diags) = gomini_parser::parse_bytes(src.as_bytes());
        assert!(diags.is_empty(), "{src}");
        let (_, diags) = gomini_vm::check::check(&tree.expect("tree"));
        assert!(!diags.is_empty(), "accepted: {src}");
    }
}
