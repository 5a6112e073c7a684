//! What the CLI's integration tests share: running the real binary.

use std::io::Write;
use std::process::{Command, Output, Stdio};

/// Runs `zettaflop args…` with `stdin` as its standard input.
pub fn zettaflop(args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_zettaflop"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn zettaflop");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(stdin.as_bytes())
        .expect("write stdin");
    child.wait_with_output().expect("wait")
}
