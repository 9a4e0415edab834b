//! The `tongbao` binary: hands the command line to `tongbao::cmd::main` and returns its exit code.

fn main() -> std::process::ExitCode {
    tongbao::cmd::main()
}
