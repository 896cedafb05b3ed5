//! `advanceai`: the command line; everything is in the library (`advanceai_cli::main`).

fn main() -> std::process::ExitCode {
    advanceai_cli::main()
}
