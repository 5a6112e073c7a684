//! Reading inputs and writing outputs: files or stdin, JSON with the path of the first problem.

use std::io::Read;

use crate::Failure;

/// The text of FILE, or of stdin for `-`.
pub fn read_input(path: &str) -> Result<String, Failure> {
    let mut text = String::new();
    if path == "-" {
        std::io::stdin()
            .read_to_string(&mut text)
            .map_err(|e| Failure(format!("stdin: {e}")))?;
    } else {
        text = std::fs::read_to_string(path).map_err(|e| Failure(format!("{path}: {e}")))?;
    }
    Ok(text)
}

/// Parses JSON input (a scenario, a claim or a job), naming the JSON path of the first problem.
pub fn parse_json<T: serde::de::DeserializeOwned>(text: &str, what: &str) -> Result<T, Failure> {
    let de = &mut serde_json::Deserializer::from_str(text);
    serde_path_to_error::deserialize(de).map_err(|e| {
        let path = e.path().to_string();
        let inner = e.into_inner();
        if path == "." || path.is_empty() {
            Failure(format!("{what}: {inner}"))
        } else {
            Failure(format!("{path}: {inner}"))
        }
    })
}

/// Reads and parses the command's first positional argument (a file or `-`).
pub fn read_json<T: serde::de::DeserializeOwned>(path: &str, what: &str) -> Result<T, Failure> {
    parse_json(&read_input(path)?, what)
}

/// Pretty JSON with a final newline.
pub fn to_json<T: serde::Serialize>(value: &T) -> Result<String, Failure> {
    serde_json::to_string_pretty(value)
        .map(|s| s + "\n")
        .map_err(|e| Failure(format!("output: {e}")))
}
