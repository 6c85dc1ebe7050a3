//! The `grille` command: a thin layer over the library (see `src/cli/`).

fn main() -> std::process::ExitCode {
    grille_cli::run()
}

#[path = "cli/mod.rs"]
mod grille_cli;
