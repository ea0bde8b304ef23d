//! Writes (`generate`) or checks (`check`) the files made from the core's definitions:
//! the typed methods' TypeScript and their table (`pkg-template/src/generated/actions.ts`), the
//! numbers and codes the glue shares with the core (`generated/core.ts`) and the README's table
//! of actions. `make test` runs `check`, so a stale file fails the build.

mod constants;
mod methods;
mod readme;
mod shapes;
mod typescript;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// A generated file, or a block of a file between two marker lines.
struct Output {
    path: &'static str,
    text: String,
    block: Option<(&'static str, &'static str)>,
}

fn outputs() -> Vec<Output> {
    vec![
        Output {
            path: "pkg-template/src/generated/actions.ts",
            text: methods::actions_ts(),
            block: None,
        },
        Output {
            path: "pkg-template/src/generated/core.ts",
            text: constants::core_ts(),
            block: None,
        },
        Output {
            path: "tests/fixtures/generated/result-shapes.json",
            text: shapes::result_shapes_json(),
            block: None,
        },
        Output {
            path: "README.md",
            text: readme::table(),
            block: Some((readme::BEGIN, readme::END)),
        },
    ]
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The file's text with the output put in (whole, or between its markers).
fn spliced(output: &Output, have: &str) -> Result<String, String> {
    let Some((begin, end)) = output.block else {
        return Ok(output.text.clone());
    };
    match (have.find(begin), have.find(end)) {
        (Some(start), Some(stop)) if stop > start => Ok(format!(
            "{}{}{}",
            have.get(..start).unwrap_or_default(),
            output.text,
            have.get(stop + end.len()..).unwrap_or_default()
        )),
        _ => Err(format!("{} has no {begin} … {end} block", output.path)),
    }
}

fn main() -> ExitCode {
    let write = match std::env::args().nth(1).as_deref() {
        Some("generate") => true,
        Some("check") => false,
        _ => {
            eprintln!("usage: cargo xtask generate|check");
            return ExitCode::from(2);
        }
    };
    let mut stale = Vec::new();
    for output in outputs() {
        let path = root().join(output.path);
        let have = std::fs::read_to_string(&path).unwrap_or_default();
        let want = match spliced(&output, &have) {
            Ok(want) => want,
            Err(e) => {
                eprintln!("xtask: {e}");
                return ExitCode::FAILURE;
            }
        };
        if have == want {
            continue;
        }
        if write {
            if let Some(dir) = path.parent() {
                let _ = std::fs::create_dir_all(dir);
            }
            if let Err(e) = std::fs::write(&path, want) {
                eprintln!("xtask: cannot write {}: {e}", output.path);
                return ExitCode::FAILURE;
            }
            println!("xtask: wrote {}", output.path);
        } else {
            stale.push(output.path);
        }
    }
    if stale.is_empty() {
        return ExitCode::SUCCESS;
    }
    eprintln!(
        "xtask: not what the definitions in src/actions/catalog/ make: {}; run `cargo xtask generate`",
        stale.join(", ")
    );
    ExitCode::FAILURE
}
